"""Rendering speed: our CSL engine against citeproc-js, in the same run.

    python benchmarks/bench_render.py [--n 1000,5000] [--styles chicago-author-date,apa]
                                      [--repeat 3]

The items cycle tests/render/corpus.json until there are ``--n`` of them, each
copy with its own id, a title marked with its copy number and a year shifted by
it (so that disambiguation stays as rare as in a real list). Each side renders
the HTML bibliography ``--repeat`` times, a new processor each time, and keeps
its best run. Two times are taken apart: *setup* (style and locale loading:
citeproc-js's ``new CSL.Engine``; our ``load_style`` + ``Processor``) and
*render* (citeproc-js's ``updateItems`` + ``makeBibliography``; our
``bibliography``). The ratio is our render throughput over citeproc-js's
(above 1: we are faster); the setup times are printed beside it. Process
start-up and file reading are not timed. citeproc-js comes from
.ci/install-readers; without node only our figures are printed.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from yalta_refs.eval.render import citeproc_js_bench, load_corpus, node_problem  # noqa: E402
from yalta_refs.render import _engine_module, find_style  # noqa: E402


def make_items(n: int) -> list[dict[str, Any]]:
    corpus = load_corpus()
    out = []
    for i in range(n):
        copy_no, base = divmod(i, len(corpus))
        item = copy.deepcopy(dict(corpus[base]))
        item["id"] = f"{item['id']}-{copy_no}"
        if copy_no:
            item["title"] = f"{item.get('title', 'Untitled')} {copy_no}"
            issued = item.get("issued")
            if isinstance(issued, dict) and issued.get("date-parts"):
                issued["date-parts"] = [[p[0] + copy_no, *p[1:]] if p else p
                                        for p in issued["date-parts"]]
        out.append(item)
    return out


def ours(items: list[dict[str, Any]], style: Path, repeat: int
         ) -> tuple[list[float], list[float]]:
    """(render seconds, setup seconds) of each run."""
    module = _engine_module("csl")
    render, setup = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        processor = module.Processor(module.load_style(style), locale="en-US")
        built = time.perf_counter()
        entries = processor.bibliography(items, fmt="html")
        render.append(time.perf_counter() - built)
        setup.append(built - start)
        assert len(entries) == len(items), (len(entries), len(items))
    return render, setup


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--n", default="1000,5000", help="list sizes, comma-separated")
    parser.add_argument("--styles", default="chicago-author-date,apa")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    problem = node_problem()
    print(f"ours: yalta_refs.render.csl; best of {args.repeat} runs; HTML output; "
          "entries/s of the render step, setup (style + locale) apart")
    if problem:
        print(f"citeproc-js not run: {problem}")
    print(f"{'style':<20} {'entries':>7} {'ours s':>8} {'ours/s':>7} {'setup':>6} "
          f"{'js s':>8} {'js/s':>7} {'setup':>6} {'ratio':>6}")
    ratios = []
    for style in [s for s in args.styles.split(",") if s]:
        path = find_style(style)
        for n in [int(x) for x in args.n.split(",") if x]:
            items = make_items(n)
            render, setup = ours(items, path, args.repeat)
            mine = min(render)
            line = f"{style:<20} {n:>7} {mine:>8.3f} {n / mine:>7.0f} {min(setup):>6.3f}"
            if not problem:
                js_render, js_setup = citeproc_js_bench(items, path, args.repeat)
                js = min(js_render)
                ratio = js / mine
                ratios.append(ratio)
                line += f" {js:>8.3f} {n / js:>7.0f} {min(js_setup):>6.3f} {ratio:>6.2f}"
            print(line)
            sys.stdout.flush()
    if ratios:
        print(f"throughput ratio ours/citeproc-js: min {min(ratios):.2f}, "
              f"max {max(ratios):.2f} (target ≥ 1.00)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
