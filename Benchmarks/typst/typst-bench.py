"""Typst's side of Benchmarks/pdf-bench.sh, through the PyPI binding (`pip install typst`, the Typst compiler in a
Python extension): the same checklist as our engine's (checklist.typ beside this file), fonts from Fonts/ only.

  python3 typst-bench.py warm ROOT ITERATIONS   warm ms per document in one process, after one untimed compile
  python3 typst-bench.py cold ROOT OUT.pdf      one compile in a fresh process, as a CLI would
  python3 typst-bench.py version

"warm" compiles each time with a different case id (sys.inputs["case"]), like a batch of cases: the inputs are part
of Typst's standard library, so nothing is reused from the compile before; that is our warm render's situation (the
whole tree laid out and exported each time). "memoized" recompiles an unchanged source, where Typst's incremental
cache answers from the compile before: printed for reference, it is not work on a new document.
"""
import statistics
import sys
import time

import typst


def compiler(root):
    return typst.Compiler(input=f"{root}/Benchmarks/typst/checklist.typ", root=root,
                          font_paths=[f"{root}/Fonts"], ignore_system_fonts=True)


def timed(iterations, body):
    times = []
    for i in range(iterations):
        start = time.perf_counter()
        body(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main(args):
    if args[0] == "version":
        print(typst.__version__)
    elif args[0] == "warm":
        root, iterations = args[1], max(3, int(args[2]))
        c = compiler(root)
        c.compile()  # untimed: loads the fonts, fills the caches
        warm = timed(iterations, lambda i: c.compile(sys_inputs={"case": f"VN-2027-{i:04d}"}))
        c.compile()
        memo = timed(iterations, lambda i: c.compile())
        print(f"typst_ms={warm[0]:.2f} typst_min_ms={warm[1]:.2f} typst_memo_ms={memo[0]:.2f} typst_memo_min_ms={memo[1]:.2f}")
    elif args[0] == "cold":
        root, out = args[1], args[2]
        with open(out, "wb") as f:
            f.write(compiler(root).compile())
    else:
        sys.exit(f"unknown command {args[0]}")


if __name__ == "__main__":
    main(sys.argv[1:])
