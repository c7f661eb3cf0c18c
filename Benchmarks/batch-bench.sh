#!/usr/bin/env bash
# Bulk throughput: renders N cases (the good samples, repeated with fresh ids, as one .jsonl) with the release
# build, HTML+PDF, at --jobs 1 and --jobs 2, and prints cases per second and ms per case.
# Usage: bash Benchmarks/batch-bench.sh [N]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-300}
swift build -c release --product dossier >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$n" "$work/cases.jsonl" <<'PY'
import sys, json, glob, yaml
n, out = int(sys.argv[1]), sys.argv[2]
samples = [p for p in sorted(glob.glob('Samples/*.yaml')) + sorted(glob.glob('Samples/*.json'))]
cases = []
for p in samples:
    case = yaml.safe_load(open(p)) if p.endswith('.yaml') else json.load(open(p))
    case.get('case', {}).get('preparer', {}).pop('logo', None)
    cases.append(case)
def plain(v):
    import datetime
    if isinstance(v, (datetime.date,)): return v.isoformat()
    if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list): return [plain(x) for x in v]
    return v
with open(out, 'w') as f:
    for i in range(n):
        c = plain(json.loads(json.dumps(cases[i % len(cases)], default=str)))
        c['case']['id'] = f"bulk-{i:05d}"
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
PY
printf '| jobs | cases | wall s | cases/s | ms/case |\n|---|---|---|---|---|\n'
for jobs in 1 2; do
  rm -rf "$work/out"
  start=$(date +%s.%N)
  .build/release/dossier render "$work/cases.jsonl" --out "$work/out" --jobs "$jobs" >/dev/null
  end=$(date +%s.%N)
  ok=$(grep -c ',ok,' "$work/out/report.csv")
  python3 -c "w=$end-$start; print(f'| $jobs | $ok | {w:.2f} | {$ok/w:.1f} | {1000*w/$ok:.2f} |')"
done
