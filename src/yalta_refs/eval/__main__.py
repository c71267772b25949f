"""``python -m yalta_refs.eval``: accuracy reports on the gold corpus and shared datasets.

Commands::

    corpus [DIR] [--verbose] [--json] [--only S]   field P/R/F1 on tests/corpus/damaged
    shared [--datasets a,b] [--limit N] [--json]    token F1 on ../shared parsing sets
    seed [--gold FILE] [--json]                     the six references of the seed article
    interchange [--json]                            our files read by independent readers
    enrich [--cases FILE] [--json]                  enrichment precision set (fake catalogs)
    parser [--parser auto|crf|rules] [--splits a,b] parser token F1 per split and style family
    render [--styles a,b] [--corpus F] [--json]     rendering parity with citeproc-js per style
    adjudication [--split S] [--sample] [--json]    who is right where parser and gold disagree

It measures and never asserts: the exit code is 0 whatever the scores, and 2
only when an input (directory, dataset, the pipeline itself) is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .corpus import CorpusResult, default_functions, load_gold, read_input, repo_root, run_corpus
from .metrics import (
    CaseScore,
    Counts,
    FieldMismatch,
    compare_pair,
    normalize_field,
    score_case,
)
from .shared import DATASETS, dataset_path, load_records, run_dataset, shared_dir

SEED_INPUT = "seeds/000_513468435c83c218.txt"
UNACCOUNTED_TARGET = 0.005


class MissingInput(Exception):
    """An input the command needs is absent (exit code 2)."""


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _table(rows: Sequence[Sequence[str]], right: Sequence[bool]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right,
                                                                    strict=True)]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def _counts_table(items: Sequence[tuple[str, Counts]], micro: Counts) -> str:
    head = ["field", "gold", "pred", "tp", "fp", "fn", "precision", "recall", "f1"]
    rows = [head]
    for name, c in [*items, ("micro", micro)]:
        rows.append([name, str(c.tp + c.fn), str(c.tp + c.fp), str(c.tp), str(c.fp),
                     str(c.fn), _pct(c.precision), _pct(c.recall), _pct(c.f1)])
    return _table(rows, [False] + [True] * 8)


def _show(value: Any) -> str:
    if value is None:
        return "-"
    text = " | ".join(value) if isinstance(value, tuple) else str(value)
    return text if len(text) <= 100 else text[:97] + "..."


# --------------------------------------------------------------------------- corpus


def _case_rows(cases: Sequence[CaseScore]) -> str:
    rows = [["case", "gold", "pred", "f1", "annote", "lost", "discard", "error"]]
    for c in cases:
        md = f"{sum(ok for _, ok in c.must_discard)}/{len(c.must_discard)}"
        ann = f"{c.annotation.exact}/{c.annotation.gold}"
        rows.append([c.name, str(c.gold_count), str(c.pred_count), _pct(c.micro.f1), ann,
                     f"{c.unaccounted.total()}/{c.words_total}", md, (c.error or "")[:60]])
    return _table(rows, [False, True, True, True, True, True, True, False])


def _mismatch_lines(case: CaseScore) -> list[str]:
    lines: list[str] = []
    seen: set[tuple[int | None, int | None]] = set()
    for m in case.mismatches:
        pair = (m.pred_index, m.gold_index)
        if m.pred_index is None or m.gold_index is None:
            if pair not in seen:
                side = "missing gold" if m.pred_index is None else "extra pred"
                index = m.gold_index if m.pred_index is None else m.pred_index
                title = next((x for x in case.mismatches if (x.pred_index, x.gold_index) == pair
                              and x.field == "title"), m)
                lines.append(f"   {side} {index}: {_show(title.gold or title.pred)}")
            seen.add(pair)
            continue
        where = f"pred {m.pred_index} / gold {m.gold_index}"
        lines.append(f"   {where:<18} {m.field:<16} gold: {_show(m.gold)}")
        lines.append(f"   {'':<18} {'':<16} pred: {_show(m.pred)}")
    return lines


def _case_details(case: CaseScore) -> list[str]:
    lines = [f"== {case.name}"]
    if case.error:
        lines.append(f"   error: {case.error}")
    lines += _mismatch_lines(case)
    if case.unaccounted:
        worst = ", ".join(f"{w}×{n}" for w, n in case.unaccounted.most_common(15))
        lines.append(f"   words unaccounted: {worst}")
    for text, ok in case.must_discard:
        if not ok:
            lines.append(f"   must_discard missed: {text!r}")
    return lines


def _worst_words(result: CorpusResult) -> str:
    ranked = sorted(result.cases, key=lambda c: c.unaccounted.total(), reverse=True)
    lines = ["worst offenders (words unaccounted):"]
    for c in ranked[:10]:
        if c.unaccounted:
            words = ", ".join(f"{w}×{n}" for w, n in c.unaccounted.most_common(8))
            lines.append(f"  {c.name}: {c.unaccounted.total()} — {words}")
    return "\n".join(lines if len(lines) > 1 else [lines[0] + " none"])


def format_corpus(result: CorpusResult, *, verbose: bool = False) -> str:
    """The plain-text corpus report."""
    lost, words = result.words
    hit, required = result.must_discard
    ann = result.annotation
    rate = lost / words if words else 0.0
    out = [f"corpus {result.directory}: {len(result.cases)} cases, {result.seconds:.2f} s", ""]
    out += [f"problem: {p}" for p in result.problems]
    out += [_case_rows(result.cases), "", _counts_table(sorted(result.fields.items()),
                                                        result.micro), ""]
    out.append(f"annotation exact:  {ann.exact}/{ann.gold} ({_pct(ann.rate)}), "
               f"{ann.false} invented on references without one")
    n_ok = sum(c.count_ok for c in result.cases)
    out.append(f"reference count:   {n_ok}/{len(result.cases)} cases exact "
               f"({_pct(result.count_accuracy)})")
    mark = "ok" if rate <= UNACCOUNTED_TARGET else "over target"
    out.append(f"words unaccounted: {lost}/{words} ({100 * rate:.2f}%; target ≤ 0.5%: {mark})")
    out.append(f"must_discard:      {hit}/{required} "
               f"({_pct(hit / required if required else 0.0)})")
    if verbose:
        out += ["", _worst_words(result), ""]
        for case in result.cases:
            if case.mismatches or case.error or case.unaccounted:
                out += _case_details(case)
    return "\n".join(out)


def cmd_corpus(args: argparse.Namespace) -> str | dict[str, Any]:
    directory = Path(args.dir) if args.dir else None
    try:
        result = run_corpus(directory, only=args.only or ())
    except FileNotFoundError as exc:
        raise MissingInput(str(exc)) from exc
    if not result.cases:
        raise MissingInput(f"no cases (NNN-slug.txt + NNN-slug.gold.json) in {result.directory}")
    return result.to_dict() if args.json else format_corpus(result, verbose=args.verbose)


# --------------------------------------------------------------------------- shared


def cmd_shared(args: argparse.Namespace) -> str | dict[str, Any]:
    names = [n.strip() for n in args.datasets.split(",") if n.strip()]
    unknown = [n for n in names if n not in DATASETS]
    if unknown:
        raise MissingInput(f"unknown dataset(s) {', '.join(unknown)}; "
                           f"known: {', '.join(DATASETS)}")
    paths = {n: dataset_path(n) for n in names}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise MissingInput(f"shared data not found: {', '.join(missing)} "
                           f"(set YALTA_REFS_SHARED; looked in {shared_dir()})")
    results = [run_dataset(n, load_records(p, args.limit)) for n, p in paths.items()]
    if args.json:
        return {"datasets": [r.to_dict() for r in results]}
    blocks = []
    for r in results:
        speed = f", {r.lines / r.seconds:.0f} lines/s" if r.seconds else ""
        ok = "count OK" if r.count_ok else "COUNT MISMATCH"
        head = [f"{r.name}: {r.lines} lines, {r.predicted} references ({ok}), "
                f"{r.seconds:.2f} s{speed}"]
        head += [f"  note: {r.note}"] if r.note else []
        head += [f"  error: {r.error}"] if r.error else []
        unmapped = ", ".join(f"{k} ({n} tokens)" for k, n in r.unmapped.most_common())
        tail = [f"unmapped gold labels (not scored): {unmapped or 'none'}"]
        blocks.append("\n".join([*head, _counts_table(r.ordered_fields(), r.micro), *tail]))
    return "\n\n".join(blocks)


# --------------------------------------------------------------------------- seed


def _seed_pair_lines(case: CaseScore, pred: Sequence[dict[str, Any]],
                     gold: Sequence[dict[str, Any]]) -> list[str]:
    lines: list[str] = []
    for p_i, g_i in case.pairs:
        g = gold[g_i] if g_i is not None else None
        p = pred[p_i] if p_i is not None else None
        title = _show(normalize_field("title", (g or p or {}).get("title")))
        lines.append(f"-- gold {_show(g_i)} / pred {_show(p_i)}: {title}")
        counts, wrong = compare_pair(p, g, pair=(p_i, g_i))
        for key, c in counts.items():
            if c.tp:
                lines.append(f"   ok    {key:<16} {_show(normalize_field(key, (g or {})[key]))}")
        shown: list[FieldMismatch] = wrong + [
            m for m in case.mismatches if m.field == "annote" and (m.pred_index, m.gold_index)
            == (p_i, g_i)]
        for m in shown:
            lines.append(f"   DIFF  {m.field:<16} gold: {_show(m.gold)}")
            lines.append(f"         {'':<16} pred: {_show(m.pred)}")
        if g and g.get("annote") and not any(m.field == "annote" for m in shown):
            lines.append(f"   ok    {'annote':<16} {_show(g['annote'])}")
    return lines


def cmd_seed(args: argparse.Namespace) -> str | dict[str, Any]:
    seed = shared_dir() / SEED_INPUT
    gold_path = Path(args.gold) if args.gold else repo_root() / "tests/corpus/seed.gold.json"
    absent = [str(p) for p in (seed, gold_path) if not p.exists()]
    if absent:
        return f"seed check skipped: not found: {', '.join(absent)}"
    clean, to_csl = default_functions()
    text = read_input(seed)
    gold = load_gold(gold_path)
    library = clean(text, source=str(seed))
    pred = [to_csl(r) for r in library.references]
    discarded = [d.text for d in library.discarded] + [f.text for f in library.failed]
    case = score_case("seed", input_text=text, pred=pred, gold=gold["references"],
                      discarded=discarded, must_discard=gold["must_discard"])
    if args.json:
        return case.to_dict()
    ann = case.annotation
    out = [f"seed {seed.name}: {case.gold_count} gold, {case.pred_count} predicted references"]
    out += _seed_pair_lines(case, pred, gold["references"])
    out += ["", _counts_table(sorted(case.fields.items()), case.micro), "",
            f"annotation exact: {ann.exact}/{ann.gold}, {ann.false} invented",
            f"fields exact: {case.micro.tp}/{case.micro.tp + case.micro.fn} gold fields, "
            f"{case.micro.fp} wrong or extra",
            f"words unaccounted: {case.unaccounted.total()}/{case.words_total}",
            f"must_discard: {sum(ok for _, ok in case.must_discard)}/{len(case.must_discard)}"]
    out += [f"  must_discard missed: {t!r}" for t, ok in case.must_discard if not ok]
    if case.unaccounted:
        out.append("  " + ", ".join(f"{w}×{n}" for w, n in case.unaccounted.most_common(20)))
    return "\n".join(out)


# --------------------------------------------------------------------------- interchange


def cmd_interchange(args: argparse.Namespace) -> str | dict[str, Any]:
    from .interchange import report

    return report(as_json=args.json)


# --------------------------------------------------------------------------- enrich


def cmd_enrich(args: argparse.Namespace) -> str | dict[str, Any]:
    from .enrich import MODES, format_precision, load_cases, run_precision

    try:
        cases = load_cases(Path(args.cases) if args.cases else None)
    except FileNotFoundError as exc:
        raise MissingInput(str(exc)) from exc
    results = [run_precision(cases, sources, mode) for mode, sources in MODES.items()]
    if args.json:
        return {"enrich": [r.to_dict() for r in results]}
    name = Path(args.cases).as_posix() if args.cases else "development precision set"
    return format_precision(results, name)


def cmd_parser(args: argparse.Namespace) -> str | dict[str, Any]:
    from .parser import format_report, run_parser_eval

    base = shared_dir()
    if not (base / "data").is_dir():
        raise MissingInput(f"no shared data at {base}")
    splits = [s for s in (args.splits or "").split(",") if s]
    if args.model:
        from ..parse.crf.tagger import MODEL_ENV

        if not Path(args.model).is_file():
            raise MissingInput(f"no model file at {args.model}")
        os.environ[MODEL_ENV] = str(Path(args.model).resolve())
    report = run_parser_eval(args.parser, base, splits=splits, per_family=args.synthetic,
                             lists=args.lists)
    if args.save:
        from ..io import write_output

        write_output(json.dumps(report.to_dict(per_reference=True), ensure_ascii=False) + "\n",
                     args.save)
    return report.to_dict() if args.json else format_report(report, tables=not args.summary)


def cmd_compare(args: argparse.Namespace) -> str | dict[str, Any]:
    from .compare import compare_runs, format_comparison

    runs = []
    for name in (args.a, args.b):
        try:
            runs.append(json.loads(Path(name).read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise MissingInput(f"{name}: not a saved parser run ({exc})") from exc
    rows = compare_runs(runs[0], runs[1], draws=args.draws, seed=args.seed)
    if not rows:
        raise MissingInput("the two runs share no split saved with its per-reference counts "
                           "(python -m yalta_refs.eval parser --save FILE)")
    if args.json:
        return {"a": args.a, "b": args.b, "splits": [
            {**vars(r), "significant": r.significant} for r in rows]}
    return f"A = {args.a}\nB = {args.b}\n" + format_comparison(rows)


def cmd_adjudication(args: argparse.Namespace) -> str | dict[str, Any]:
    from .adjudication import (
        adjudication_path,
        disagreements,
        format_adjudication,
        format_dev_adjudication,
        load_verdicts,
        run_adjudication,
        run_dev_adjudication,
        sample_disagreements,
    )
    from .parser import DEV_PARTS

    base = shared_dir()
    if not (base / "data").is_dir():
        raise MissingInput(f"no shared data at {base}")
    if args.split is not None and args.split not in DEV_PARTS:
        raise MissingInput(f"no dev split {args.split!r} (one of {', '.join(DEV_PARTS)})")

    def verdicts_of(path: Path) -> dict[str, dict[str, str]]:
        try:
            return load_verdicts(path)
        except ValueError as exc:
            raise MissingInput(str(exc)) from exc

    if args.sample:
        split = args.split or "dev-anystyle-bad-ugly"
        read = adjudication_path(split)
        exclude = verdicts_of(read).keys() if read.is_file() else set()
        found = disagreements(split, base).found
        rows = [{"key": d.key, "errors": d.errors, "text": d.text, "gold": d.gold,
                 "pred": d.pred}
                for d in sample_disagreements(found, seed=args.seed, exclude=exclude)]
        return "\n".join(json.dumps(r, ensure_ascii=False, default=str) for r in rows)
    if args.split is None:
        if args.verdicts:
            raise MissingInput("--verdicts needs --split")
        paths = {part: adjudication_path(part) for part in DEV_PARTS}
        verdicts = {part: verdicts_of(path) for part, path in paths.items() if path.is_file()}
        if not verdicts:
            raise MissingInput(f"no verdicts under {next(iter(paths.values())).parent}")
        dev = run_dev_adjudication(base, verdicts)
        return dev.to_dict() if args.json else format_dev_adjudication(dev)
    path = Path(args.verdicts) if args.verdicts else adjudication_path(args.split)
    if not path.is_file():
        raise MissingInput(f"no verdicts at {path}")
    report = run_adjudication(args.split, base, verdicts_of(path))
    return report.to_dict() if args.json else format_adjudication(report)


# --------------------------------------------------------------------------- render


def cmd_render(args: argparse.Namespace) -> str | dict[str, Any]:
    from .render import VERIFIED_STYLES, format_report, node_problem, run_parity

    problem = node_problem()
    if problem:
        raise MissingInput(f"citeproc-js cannot run: {problem}")
    styles = [s for s in (args.styles or "").split(",") if s] or list(VERIFIED_STYLES)
    formats = [f for f in args.formats.split(",") if f]
    corpus = Path(args.corpus) if args.corpus else None
    if corpus is not None and not corpus.is_file():
        raise MissingInput(f"corpus not found: {corpus}")
    results = run_parity(styles, formats=formats, examples=args.examples, corpus=corpus)
    if args.json:
        return {"render": [r.to_dict() for r in results]}
    return format_report(results, corpus=corpus)


# --------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m yalta_refs.eval", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    corpus = sub.add_parser("corpus", help="field P/R/F1 on the damaged gold corpus")
    corpus.add_argument("dir", nargs="?", help="case directory (default tests/corpus/damaged)")
    corpus.add_argument("--verbose", "-v", action="store_true", help="every mismatch and loss")
    corpus.add_argument("--only", action="append", metavar="S",
                        help="only cases whose name contains S (repeatable)")
    corpus.add_argument("--json", action="store_true", help="machine-readable output")
    corpus.set_defaults(func=cmd_corpus)
    shared = sub.add_parser("shared", help="token-level field F1 on the shared datasets")
    shared.add_argument("--datasets", default=",".join(DATASETS),
                        help=f"comma-separated, of: {', '.join(DATASETS)}")
    shared.add_argument("--limit", type=int, default=None, help="first N records of each")
    shared.add_argument("--json", action="store_true", help="machine-readable output")
    shared.set_defaults(func=cmd_shared)
    seed = sub.add_parser("seed", help="the seed article's six references against their gold")
    seed.add_argument("--gold", help="gold file (default tests/corpus/seed.gold.json)")
    seed.add_argument("--json", action="store_true", help="machine-readable output")
    seed.set_defaults(func=cmd_seed)
    interchange = sub.add_parser("interchange", help="our files read by citation-js, pandoc, "
                                 "bibtex-parser, biber and BibTeX (tests/interchange)")
    interchange.add_argument("--json", action="store_true", help="machine-readable output")
    interchange.set_defaults(func=cmd_interchange)
    enrich = sub.add_parser("enrich", help="enrichment precision: true matches found, wrong "
                            "matches applied (tests/enrich/precision)")
    enrich.add_argument("--cases", help="cases file (default tests/enrich/precision/cases.json)")
    enrich.add_argument("--json", action="store_true", help="machine-readable output")
    enrich.set_defaults(func=cmd_enrich)
    parse = sub.add_parser("parser", help="parser token F1 per split: held-out shared sets, "
                           "the CORA and ParsCit holdout, dev, synthetic per style family, "
                           "annotations")
    parse.add_argument("--parser", choices=("crf", "rules", "auto"), default="auto")
    parse.add_argument("--lists", type=int, default=0, metavar="N",
                       help="read the references as reading lists of N (the block path; "
                       "with --parser auto the parser is chosen per list)")
    parse.add_argument("--splits", help="comma-separated split names or prefixes "
                       "(anystyle-gold, grobid-eval, holdout, dev, synthetic, annotated, "
                       "apa, bibtex, ...)")
    parse.add_argument("--synthetic", type=int, default=200, help="references per family")
    parse.add_argument("--summary", action="store_true", help="summary lines only")
    parse.add_argument("--json", action="store_true", help="machine-readable output")
    parse.add_argument("--model", metavar="FILE",
                       help="a CRF model file to score instead of the shipped one")
    parse.add_argument("--save", metavar="FILE", help="also write the run, with each "
                       "reference's counts, as JSON for `compare`")
    parse.set_defaults(func=cmd_parser)
    comp = sub.add_parser("compare", help="two saved parser runs split by split, with a "
                          "paired bootstrap interval of each difference")
    comp.add_argument("a", help="the run to compare against (parser --save)")
    comp.add_argument("b", help="the candidate run (parser --save)")
    comp.add_argument("--draws", type=int, default=1000, help="bootstrap draws")
    comp.add_argument("--seed", type=int, default=2026, help="the draws' seed")
    comp.add_argument("--json", action="store_true", help="machine-readable output")
    comp.set_defaults(func=cmd_compare)
    adj = sub.add_parser("adjudication", help="who is right where parser and gold disagree: "
                         "a sample of a dev split read again (tests/adjudication)")
    adj.add_argument("--split", help="one dev part (default: every part with verdicts, and "
                     "dev as a whole)")
    adj.add_argument("--verdicts", help="verdicts file (default tests/adjudication/SPLIT.jsonl)")
    adj.add_argument("--sample", action="store_true",
                     help="draw a sample of --split to read (JSON lines: key, text, gold, "
                     "parse), leaving out references its verdicts file already holds")
    adj.add_argument("--seed", type=int, default=2026, help="the sample's seed")
    adj.add_argument("--json", action="store_true", help="machine-readable output")
    adj.set_defaults(func=cmd_adjudication)
    rend = sub.add_parser("render", help="rendering parity: our CSL engine vs citeproc-js "
                          "over tests/render/corpus.json, per style")
    rend.add_argument("--styles", help="comma-separated style ids (default: the seven verified)")
    rend.add_argument("--formats", default="html,text", help="html,text or one of them")
    rend.add_argument("--examples", type=int, default=3, help="differing examples per style")
    rend.add_argument("--corpus", metavar="PATH",
                      help="CSL-JSON items file (default tests/render/corpus.json)")
    rend.add_argument("--json", action="store_true", help="machine-readable output")
    rend.set_defaults(func=cmd_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        output = args.func(args)
    except MissingInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(f"error: the pipeline is not available ({exc})", file=sys.stderr)
        return 2
    if isinstance(output, dict):
        output = json.dumps(output, indent=2, ensure_ascii=False, default=str)
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
