"""Entry point of every benchmark (`make bench`).

    python bench/run.py [BENCH ...] [--quick] [bench options]

With no BENCH, runs them all. Options after the names are passed to each benchmark's
``main(argv)``; `python bench/run.py text --help` lists the text benchmark's options.
Benchmarks print figures and ratios against a baseline measured in the same run and write
JSON under bench/results/; they never fail on wall-clock numbers.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

# name -> module in bench/ with a main(argv) -> int
BENCHES: dict[str, str] = {
    "text": "text_bench",
    "api": "api_bench",
    "hash": "hash_bench",
    "image": "image_bench",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(__doc__.strip())
        print("\nbenchmarks: " + ", ".join(BENCHES))
        return 0
    names: list[str] = []
    while args and not args[0].startswith("-"):
        name = args.pop(0)
        if name not in BENCHES:
            print(f"unknown benchmark {name!r}; choose from: {', '.join(BENCHES)}", file=sys.stderr)
            return 2
        names.append(name)
    status = 0
    for name in names or list(BENCHES):
        module = importlib.import_module(BENCHES[name])
        status = max(status, int(module.main(args) or 0))
    return status


if __name__ == "__main__":
    raise SystemExit(main())
