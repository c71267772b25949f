"""References per second of the CRF parser on one core.

    python benchmarks/bench_parser.py [--n 5000] [--repeat 3] [--parser auto|crf|rules]

Times three things on ``--n`` references (cycled from AnyStyle gold in
../shared when it is there, else from the lines of tests/corpus/damaged):
the tagger alone (features + CRF), ``parse_crf`` (tokens, tagger, assembly),
and ``clean_text(..., lines=True, parser="auto")`` end to end (cleaning,
parsing, normalising, keys), as ``yalta-refs clean FILE --lines`` runs it
("auto" there is the CRF, with the rules asked about the few references the
CRF found no title in).
The model is loaded before timing. Prints the best of ``--repeat`` runs, as
wall time and as this process's CPU time (the one-core figure: on a shared
machine the wall time also counts the time other processes held the core).
Everything runs in one thread.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _texts(n: int) -> tuple[list[str], str]:
    shared = Path(os.environ.get("YALTA_REFS_SHARED", ROOT.parent / "shared"))
    gold = shared / "data" / "anystyle" / "gold.jsonl"
    if gold.is_file():
        pool = [" ".join(json.loads(line)["text"].split())
                for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
        where = "AnyStyle gold (../shared)"
    else:
        pool = [line.strip() for path in sorted((ROOT / "tests/corpus/damaged").glob("*.txt"))
                for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                if len(line.strip()) > 40]
        where = "tests/corpus/damaged lines"
    return [pool[i % len(pool)] for i in range(n)], where


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process), best of ``repeat`` runs."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--parser", choices=("auto", "crf", "rules"), default="auto")
    args = parser.parse_args()

    from yalta_refs.parse.crf import load_tagger, parse_crf, tag_tokens
    from yalta_refs.parse.crf.tokens import tokenize
    from yalta_refs.parse.reference import parse_reference
    from yalta_refs.pipeline import clean_text

    texts, where = _texts(args.n)
    block = "\n".join(texts)
    load_tagger()
    tokens = [tokenize(t) for t in texts]
    parse = parse_reference if args.parser == "rules" else parse_crf
    print(f"{args.n} references from {where}; parser {args.parser}; best of {args.repeat}")
    rows = []
    if args.parser != "rules":
        rows.append(("tagger (features + CRF)", _best(lambda: [tag_tokens(t) for t in tokens],
                                                      args.repeat)))
    rows.append(("parse only", _best(lambda: [parse(t) for t in texts], args.repeat)))
    rows.append(("clean --lines end to end", _best(
        lambda: clean_text(block, lines=True, parser=args.parser), args.repeat)))
    print(f"{'':28} {'wall':>9} {'refs/s':>8}   {'CPU':>9} {'refs/s (one core)':>18}")
    for name, (wall, cpu) in rows:
        print(f"{name:28} {wall:8.2f}s {args.n / wall:8,.0f}   {cpu:8.2f}s {args.n / cpu:18,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
