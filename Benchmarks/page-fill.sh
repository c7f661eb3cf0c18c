#!/usr/bin/env bash
# Page fill: for each PDF, the fraction of each page's content box (the page minus Templates/dossier.css's @page
# margins) that holds text, from the top of the content box to the lowest line on the page (Poppler's
# `pdftotext -bbox-layout`; the running header in the top margin is left out). Works on any PDF, ours or Chromium's.
#
#   bash Benchmarks/page-fill.sh out/*/checklist.pdf          # per document: pages, fill of each page, averages
#   TOP_MM=18 BOTTOM_MM=20 bash Benchmarks/page-fill.sh x.pdf  # other margins
#
# "avg" averages every page; "avg but last" leaves each document's last page out (it ends where the text ends).
set -euo pipefail
TOP_MM=${TOP_MM:-18}
BOTTOM_MM=${BOTTOM_MM:-20}
[ $# -gt 0 ] || { echo "usage: page-fill.sh FILE.pdf…" >&2; exit 2; }
for pdf in "$@"; do
    pdftotext -bbox-layout "$pdf" - 2>/dev/null | python3 -c '
import re, sys
top_mm, bottom_mm, name = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
top, bottom = top_mm * 72 / 25.4, bottom_mm * 72 / 25.4
fills = []
for page in re.findall(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", sys.stdin.read(), re.S):
    height = float(page[1])
    lows = [float(m) for y0, m in re.findall(r"<line xMin=\"[\d.]+\" yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\"", page[2])
            if float(y0) >= top - 1]
    content = height - top - bottom
    fills.append(max(0.0, min(1.0, (max(lows) - top) / content)) if lows else 0.0)
avg = sum(fills) / len(fills) if fills else 0
rest = fills[:-1]
but_last = sum(rest) / len(rest) if rest else avg
print(f"{name}: {len(fills)} pages, fill " + " ".join(f"{f:.0%}" for f in fills)
      + f", avg {avg:.1%}, avg but last {but_last:.1%}")
' "$TOP_MM" "$BOTTOM_MM" "$pdf"
done | tee /dev/stderr | python3 -c '
import re, sys
rows = [l for l in sys.stdin if " pages, fill " in l]
if len(rows) > 1:
    pages = [int(re.search(r": (\d+) pages", r).group(1)) for r in rows]
    fills = [[float(x) / 100 for x in re.findall(r"(\d+)%", r.split("fill ")[1].split(", avg")[0])] for r in rows]
    every = [f for doc in fills for f in doc]
    rest = [f for doc in fills for f in doc[:-1]]
    print(f"all {len(rows)} documents: {sum(pages)} pages, avg fill {sum(every) / len(every):.1%}, "
          + f"avg but last {sum(rest) / max(1, len(rest)):.1%}")
'
