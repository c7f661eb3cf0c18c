#!/usr/bin/env bash
# Benchmarks Dossier's PDF engine beside WeasyPrint, headless Chromium and Typst on the same documents, in one run:
# a 3-page bilingual checklist and a ~30-page packet (Benchmarks/Fixtures). Ours renders the document trees; WeasyPrint
# and Chromium render the HTML our HTMLExport writes for the same trees, with the same stylesheet (Templates/dossier.css);
# Typst compiles Benchmarks/typst/checklist.typ, a hand-kept twin of the checklist (same text, fonts and styling, 3
# pages; there is no twin of the packet), so the Typst ratio is per identical document.
#
#   bash Benchmarks/pdf-bench.sh            # needs: swift, python3 with weasyprint and typst (pip install weasyprint
#                                           # typst), chromium
#   RUNS=10 WARM=60 bash Benchmarks/pdf-bench.sh
#
# Everything runs pinned to one core (taskset -c 0). "warm" is the median (and fastest) time per document inside one
# process after a first render; "cold" is the median wall time of a whole process that loads fonts and stylesheet and writes one
# PDF; "peak RSS" is GNU time's maximum resident set size (for Chromium: its largest process).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-5}
WARM=${WARM:-40}
SCRATCH=${SCRATCH:-.build-bench}
CPU=(taskset -c 0)
command -v taskset >/dev/null || CPU=()

swift build -c release --scratch-path "$SCRATCH" --product pdf-bench >/dev/null
BIN="$ROOT/$SCRATCH/release/pdf-bench"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$BIN" write "$ROOT" "$OUT" > "$OUT/pages.txt"

# Runs a command RUNS times; prints "median_ms max_rss_kb".
measure() {
    local times=() rss=0
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$OUT/rss" "${CPU[@]}" "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
        local r
        r=$(tail -n 1 "$OUT/rss")
        (( r > rss )) && rss=$r
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$(awk -v us="$median" 'BEGIN {printf "%.1f", us / 1000}') $rss"
}

kib() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f KiB", b / 1024}'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

warm=$("${CPU[@]}" "$BIN" warm "$ROOT" "$WARM")
field() { echo "$warm" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {printf "%.2f", $2}'; }
ours_warm_checklist="$(field checklist_ms) (min $(field checklist_min_ms))"
ours_warm_packet="$(field packet_ms) (min $(field packet_min_ms))"

printf '| document | engine | pages | warm ms/doc | cold process ms | PDF size | peak RSS |\n'
printf '|---|---|---|---|---|---|---|\n'
for doc in checklist packet; do
    read -r cold rss < <(measure "$BIN" cold "$ROOT" "$doc" "$OUT/ours-$doc.pdf")
    "$BIN" cold "$ROOT" "$doc" "$OUT/ours-$doc.pdf"
    w=$ours_warm_checklist
    [ "$doc" = packet ] && w=$ours_warm_packet
    printf '| %s | Dossier (ours) | %s | %s | %s | %s | %s MiB |\n' "$doc" "$(pages "$OUT/ours-$doc.pdf")" "$w" "$cold" \
        "$(kib "$OUT/ours-$doc.pdf")" "$(( rss / 1024 ))"

    if python3 -c 'import weasyprint' 2>/dev/null; then
        wp_warm=$("${CPU[@]}" python3 - "$OUT/$doc.html" "$([ "$doc" = packet ] && echo 3 || echo 5)" <<'PY'
import statistics, sys, time, weasyprint
html = open(sys.argv[1], encoding="utf-8").read()
weasyprint.HTML(string=html).write_pdf()
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    weasyprint.HTML(string=html).write_pdf()
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.1f}")
PY
)
        read -r cold rss < <(measure python3 -m weasyprint "$OUT/$doc.html" "$OUT/weasy-$doc.pdf")
        python3 -m weasyprint "$OUT/$doc.html" "$OUT/weasy-$doc.pdf" 2>/dev/null
        printf '| %s | WeasyPrint %s | %s | %s | %s | %s | %s MiB |\n' "$doc" \
            "$(python3 -c 'import weasyprint; print(weasyprint.__version__)')" "$(pages "$OUT/weasy-$doc.pdf")" \
            "$wp_warm" "$cold" "$(kib "$OUT/weasy-$doc.pdf")" "$(( rss / 1024 ))"
    else
        printf '| %s | WeasyPrint | not installed (pip install weasyprint) | | | | |\n' "$doc"
    fi

    if command -v chromium >/dev/null; then
        chrome=(chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer
                "--user-data-dir=$OUT/chromium-profile" "--print-to-pdf=$OUT/chromium-$doc.pdf" "file://$OUT/$doc.html")
        "${chrome[@]}" >/dev/null 2>&1
        read -r cold rss < <(measure "${chrome[@]}")
        printf '| %s | Chromium %s | %s | n/a | %s | %s | %s MiB |\n' "$doc" \
            "$(chromium --version 2>/dev/null | awk '{print $2}')" "$(pages "$OUT/chromium-$doc.pdf")" "$cold" \
            "$(kib "$OUT/chromium-$doc.pdf")" "$(( rss / 1024 ))"
    else
        printf '| %s | Chromium | not installed (apt-get install chromium) | | | | |\n' "$doc"
    fi

    if [ "$doc" = checklist ]; then
        if python3 -c 'import typst' 2>/dev/null; then
            # The interpreter itself, not a version manager's shim script (which can add hundreds of ms to "cold").
            typst_bench=("$(python3 -c 'import sys; print(sys.executable)')" "$ROOT/Benchmarks/typst/typst-bench.py")
            typst_warm=$("${CPU[@]}" "${typst_bench[@]}" warm "$ROOT" "$WARM")
            tfield() { echo "$typst_warm" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
            read -r cold rss < <(measure "${typst_bench[@]}" cold "$ROOT" "$OUT/typst-$doc.pdf")
            "${typst_bench[@]}" cold "$ROOT" "$OUT/typst-$doc.pdf"
            printf '| %s | Typst %s (PyPI) | %s | %s (min %s; unchanged source, memoized: %s) | %s | %s | %s MiB |\n' "$doc" \
                "$("${typst_bench[@]}" version)" "$(pages "$OUT/typst-$doc.pdf")" "$(tfield typst_ms)" "$(tfield typst_min_ms)" \
                "$(tfield typst_memo_ms)" "$cold" "$(kib "$OUT/typst-$doc.pdf")" "$(( rss / 1024 ))"
            typst_ratio=$(awk -v t="$(tfield typst_ms)" -v o="$(field checklist_ms)" 'BEGIN {printf "%.1f", t / o}')
            typst_memo_ratio=$(awk -v t="$(tfield typst_memo_ms)" -v o="$(field checklist_ms)" 'BEGIN {printf "%.1f", t / o}')
        else
            printf '| %s | Typst | not installed (pip install typst) | | | | |\n' "$doc"
        fi
    fi
done
if [ -n "${typst_ratio:-}" ]; then
    printf '\nchecklist, warm median, identical document: Typst / Dossier = %s× (target ≥ 10×); ' "$typst_ratio"
    printf 'against Typst recompiling an unchanged source from its cache: %s×\n' "$typst_memo_ratio"
fi
