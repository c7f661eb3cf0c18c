#!/usr/bin/env bash
# Builds the libFuzzer target with the sanitizer and runs a campaign over each input kind.
# Usage: Fuzz/run.sh [seconds per kind, default 60] [kinds, default "case csv template css"]
# New interesting inputs go to Fuzz/.work/<kind>/ (not committed); crashes to Fuzz/.work/crashes/<kind>/.
# Add a crasher to Fuzz/corpus/<kind>/ once it is fixed: `swift test --filter FuzzCorpusTests` replays the corpus.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
kinds=${2:-"case csv template css"}
swift build -c release --product dossier-fuzz \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld 2>&1 | tail -3
bin=$(swift build -c release --show-bin-path -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld)/dossier-fuzz
export DOSSIER_HOME=$(cd .. && pwd)
# Swift's own backtracer would catch a trap before libFuzzer can save the input that caused it.
export SWIFT_BACKTRACE=enable=no
for kind in $kinds; do
    mkdir -p ".work/$kind" ".work/crashes/$kind"
    echo "== $kind: ${seconds}s"
    dict=(); [ -f "dict/$kind.dict" ] && dict=(-dict="dict/$kind.dict")
    DOSSIER_FUZZ_KIND=$kind "$bin" ".work/$kind" "corpus/$kind" "${dict[@]}" \
        -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix=".work/crashes/$kind/" -print_final_stats=1 2>&1 \
        | grep -E '^(#[0-9]+ +(DONE|INITED)|stat::|==[0-9]+==|SUMMARY|Test unit written|.*(ERROR|deadly signal|Fatal error|runtime failure))' || true
done
