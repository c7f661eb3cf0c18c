#!/usr/bin/env bash
# Bulk throughput and memory, release build. Renders N mixed cases (the samples in turn, fresh ids, one .jsonl made
# by make-batch-input.py) HTML+PDF at --jobs 1 and --jobs 2 for each N in $SIZES (default "1000 10000"), then runs
# `check` over CSVs of $CHECK_ROWS rows (default "10000 100000"). Prints cases/s, wall time and peak RSS
# (/usr/bin/time -v). Usage: bash Benchmarks/batch-bench.sh        SIZES="300" JOBS="2" CHECK_ROWS="1000" bash …
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${SIZES:-1000 10000}
check_rows=${CHECK_ROWS:-10000 100000}
jobs_list=${JOBS:-1 2}
swift build -c release --product dossier >/dev/null
bin=.build/release/dossier
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command under /usr/bin/time -v; prints "wall_seconds peak_rss_kib".
measure() {
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  echo "$wall $rss"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo
printf '| command | cases | jobs | wall s | cases/s | ms/case | peak RSS MiB |\n|---|---|---|---|---|---|---|\n'
for n in $sizes; do
  python3 Benchmarks/make-batch-input.py jsonl "$n" "$work/cases-$n.jsonl"
  for jobs in $jobs_list; do
    rm -rf "$work/out"
    read -r wall rss < <(measure "$bin" render "$work/cases-$n.jsonl" --out "$work/out" --jobs "$jobs" --format html,pdf)
    ok=$(grep -c ',ok,' "$work/out/report.csv" || true)
    python3 -c "w=$wall; print(f'| render html,pdf | $ok | $jobs | {w:.1f} | {$ok/w:.1f} | {1000*w/max(1,$ok):.1f} | {$rss/1024:.0f} |')"
  done
done
for rows in $check_rows; do
  python3 Benchmarks/make-batch-input.py csv "$rows" "$work/rows-$rows.csv"
  read -r wall rss < <(measure "$bin" check "$work/rows-$rows.csv")
  python3 -c "w=$wall; print(f'| check csv | $rows | 1 | {w:.1f} | {$rows/w:.0f} | {1000*w/$rows:.2f} | {$rss/1024:.0f} |')"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
