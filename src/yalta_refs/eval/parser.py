"""Parser accuracy per dataset split and per style family (issue 6).

Every split is scored the way :mod:`.shared` scores the shared sets: all
texts go through ``clean_text(..., lines=True, parser=...)`` at once, one
reference per line, and each line's item is compared token by token with its
gold labels (:mod:`.labels`). The splits:

* ``anystyle-gold``, ``grobid-eval``: the held-out shared test sets;
* ``dev``: the fixed tenth of the real training data held out for tuning (gold
  as training sees it: AnyStyle's "36(4)" volume split into volume and issue),
  and the same by source: ``dev-grobid``, ``dev-anystyle`` (core, good) and
  ``dev-anystyle-bad-ugly``;
* ``synthetic-<family>``: references rendered through the family's CSL styles
  from test value pools (records, titles, journals, publishers, places never
  used for training);
* ``annotated-<family>``: the same references, each followed by an
  annotation from the test half of the annotation pool; the annotation must
  come back as the annotation, not inside a field;
* ``annotated-dev``: the dev references, each followed by an annotation from the
  train half of the pool: the tuning set for annotation handling;
* ``synthetic-unseen-styles``: test records rendered through eight CSL styles
  that no training reference was rendered in (how well it generalises to a
  style it has never seen);
* ``holdout-cora``, ``holdout-parscit``: the shared references listed in
  ``holdout_overlap.jsonl`` (kept out of training because other evaluation sets,
  CORA and ParsCit's, hold them too), scored with their own labels and grouped by
  that other set. They are never trained or tuned on: a measure of the kinds of
  references those sets hold, mostly computer-science papers of the 1990s.

Synthetic splits also count the names split right: a name of the record that the
rendered text shows (its family name is in it) is right when a predicted name
(of any role) has the same family name (particles aside) and a given name with
the same first letter. It is an estimate: a record name whose family name the
text shows only for another person counts as shown. Token F1 cannot see a family
name read as a given name ("Janhäll S." as given "Janhäll", family "S."); this does.

Reads ``../shared`` (and needs citeproc-py for the synthetic splits); a pure
measuring tool, it asserts nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .metrics import Counts, micro_counts
from .shared import DATASETS, DatasetResult, Record, dataset_path, load_records, run_dataset

__all__ = [
    "ISSUE_FIELDS",
    "ParserReport",
    "SplitResult",
    "format_report",
    "run_parser_eval",
    "synthetic_records",
]

#: The fields issue 6 names; its micro F1 is taken over these.
ISSUE_FIELDS = (
    "author", "editor", "translator", "title", "container-title", "publisher", "location",
    "date", "volume", "issue", "pages", "edition", "URL", "DOI", "ISBN",
)
SYNTHETIC_PER_FAMILY = 200
TEST_SEED = 777
UNSEEN = "synthetic-unseen-styles"
ANNOTATED_DEV = "annotated-dev"
#: The dev split by where its references come from (the whole is "dev"): GROBID's
#: corpus, AnyStyle's core and good sets, and AnyStyle's "bad" and "ugly" sets, which
#: hold damaged references and labels that contradict each other.
DEV_PARTS: dict[str, frozenset[str]] = {
    "dev-grobid": frozenset({"grobid"}),
    "dev-anystyle": frozenset({"core", "good"}),
    "dev-anystyle-bad-ugly": frozenset({"bad", "ugly"}),
}
#: Holdout split -> the evaluation sets (``holdout_sources``) whose records it holds.
HOLDOUT_PARTS: dict[str, tuple[str, ...]] = {
    "holdout-cora": ("cora",),
    "holdout-parscit": ("parscit:", "umass-citation:"),
}
#: CRF label -> the label name the shared datasets use in their ``csl`` mapping.
_GOLD_NAME = {"url": "url", "doi": "doi", "isbn": "isbn"}


@dataclass
class SplitResult:
    """One split's token counts, plus annotation separation where it was measured."""

    result: DatasetResult
    annotations: int = 0
    annotations_exact: int = 0
    annotations_missed: int = 0
    names: int = 0
    names_right: int = 0

    @property
    def issue_micro(self) -> Counts:
        return micro_counts({k: v for k, v in self.result.fields.items() if k in ISSUE_FIELDS})

    def per_reference(self) -> list[tuple[int, int, int]]:
        """Each line's (tp, fp, fn) over the issue's fields, in input order."""
        out = []
        for line in self.result.per_line:
            c = micro_counts({k: v for k, v in line.items() if k in ISSUE_FIELDS})
            out.append((c.tp, c.fp, c.fn))
        return out


@dataclass
class ParserReport:
    parser: str
    splits: list[SplitResult] = field(default_factory=list)

    def f1(self) -> dict[str, float]:
        return {s.result.name: s.issue_micro.f1 for s in self.splits}

    def to_dict(self, *, per_reference: bool = False) -> dict[str, Any]:
        """The report as JSON data; ``per_reference`` adds each line's (tp, fp, fn)
        over the issue's fields, which ``python -m yalta_refs.eval compare`` reads."""
        return {
            "parser": self.parser,
            "splits": [
                {**s.result.to_dict(), "issue_micro": s.issue_micro.to_dict(),
                 "annotations": s.annotations, "annotations_exact": s.annotations_exact,
                 "names": s.names, "names_right": s.names_right,
                 "annotations_missed": s.annotations_missed,
                 **({"per_reference": s.per_reference()} if per_reference else {})}
                for s in self.splits
            ],
        }


def _as_record(item: Any) -> Record:
    """A labelled synthetic/dev reference as a shared-style record (label -> segments)."""
    csl: dict[str, list[str]] = {}
    for start, end, label in sorted(item.spans if item.gold is None else item.gold):
        name = _GOLD_NAME.get(label, label)
        csl.setdefault(name, []).append(item.text[start:end])
    return Record(item.text, csl)


def _token_record(item: Any) -> Record:
    """A real labelled reference as a record, labelled the way training sees it
    (AnyStyle's "36(4)" volume split into volume and issue): runs of token labels."""
    from ..parse.crf.data import token_labels

    tokens, labels = token_labels(item, issue_in_volume=item.source.startswith("anystyle"))
    csl: dict[str, list[str]] = {}
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and labels[j + 1] == labels[i]:
            j += 1
        name = _GOLD_NAME.get(labels[i], labels[i])
        csl.setdefault(name, []).append(item.text[tokens[i].start : tokens[j].end])
        i = j + 1
    return Record(item.text, csl)


def synthetic_records(shared: Path, per_family: int = SYNTHETIC_PER_FAMILY
                      ) -> dict[str, list[Any]]:
    """Family -> held-out synthetic references (Labelled), rendered from test pools."""
    from ..parse.crf.splits import load_splits
    from ..parse.crf.train import synthetic_set

    splits = load_splits(shared)
    return synthetic_set(shared, splits.train, test=True, per_family=per_family, seed=TEST_SEED)


def _annotated(items: Sequence[Any], pool: Sequence[str]) -> tuple[list[Any], list[str]]:
    from ..parse.crf.splits import with_annotation

    out, notes = [], []
    for i, item in enumerate(items):
        note = pool[(i * 13) % len(pool)]
        out.append(with_annotation(item, note))
        notes.append(note)
    return out, notes


def _score_annotations(split: SplitResult, clean: Callable[..., Any], items: Sequence[Any],
                       notes: Sequence[str]) -> None:
    library = clean("\n".join(i.text for i in items), source=split.result.name, lines=True)
    for ref, note in zip(library.references, notes, strict=False):
        split.annotations += 1
        got = " ".join((ref.annotation or "").split())
        if got == " ".join(note.split()):
            split.annotations_exact += 1
        elif not got:
            split.annotations_missed += 1


def _name_key(family: str | None) -> str:
    """A family name compared without particles: "Marino, A. T. de la" cannot tell a
    dropping from a non-dropping particle, and "VAN DIJK" may keep it in the family."""
    from ..parse.names import PARTICLES

    words = (family or "").split()
    while len(words) > 1 and words[0].casefold() in PARTICLES:
        words.pop(0)
    return "".join(ch for ch in "".join(words).casefold() if ch.isalnum())


def _initial(given: str | None) -> str:
    return next((ch.casefold() for ch in given or "" if ch.isalpha()), "")


def _score_names(split: SplitResult, clean: Callable[..., Any], items: Sequence[Any]) -> None:
    """Count the records' shown names and those the parser split right (see above)."""
    library = clean("\n".join(i.text for i in items), source=split.result.name, lines=True)
    for item, ref in zip(items, library.references, strict=False):
        predicted = [(_name_key(n.literal or n.family),
                      "" if n.literal else _initial(n.given))
                     for n in (*ref.author, *ref.editor, *ref.translator)]
        text = item.text.casefold()
        for names in (item.names or {}).values():
            for name in names:
                family = name.get("literal") or name.get("family") or ""
                if not family or family.casefold() not in text:
                    continue  # not shown: cut by "et al."
                split.names += 1
                key = (_name_key(family),
                       "" if name.get("literal") else _initial(name.get("given")))
                if key in predicted:
                    predicted.remove(key)
                    split.names_right += 1


def _list_cleaner(parser: str, size: int) -> Callable[..., Any]:
    """A ``clean_text`` stand-in that reads the lines (one reference each, cleaned as
    with ``lines=True``) as reading lists of ``size`` references, the way the block
    path parses a list: for "auto" the parser is chosen for each list."""
    from ..clean.blocks import split_lines
    from ..model import Library
    from ..pipeline import parse_blocks, run_stages

    def clean(text: str, *, source: str | None = None, lines: bool = True) -> Library:
        blocks, discarded = split_lines(text, source=source)
        references: list[Any] = []
        failed: list[Any] = []
        for start in range(0, len(blocks), size):
            part = parse_blocks(blocks[start : start + size], keep_empty=True, parser=parser)
            references += part.references
            failed += part.failed
        return run_stages(Library(tuple(references), tuple(discarded), tuple(failed)))

    return clean


def _annotated_dev(dev_items: Sequence[Any], clean: Callable[..., Any]) -> SplitResult:
    """The dev references, each followed by an annotation from the *train* half of
    the annotation pool: where annotation handling is tuned (the annotated-<family>
    splits, with the test half, are for measuring)."""
    from ..formats.csljson import reference_to_csl
    from ..parse.crf.splits import annotation_pool, with_annotation
    from .corpus import default_corpus_dir

    pool = annotation_pool(default_corpus_dir(), test=False)
    notes = [pool[(i * 7) % len(pool)] for i in range(len(dev_items))]
    items = [with_annotation(item, note) for item, note in zip(dev_items, notes, strict=True)]
    split = SplitResult(run_dataset(ANNOTATED_DEV, [_token_record(i) for i in items],
                                    clean=clean, to_csl=reference_to_csl))
    _score_annotations(split, clean, items, notes)
    return split


def run_parser_eval(parser: str, shared: Path | None = None, *, splits: Sequence[str] = (),
                    per_family: int = SYNTHETIC_PER_FAMILY, lists: int = 0) -> ParserReport:
    """Score ``parser`` ("rules", "crf" or "auto") on every split (or those named in
    ``splits``); with ``lists`` > 0 the references are read as reading lists of that
    many (the block path: "auto" then chooses per list), else one per line."""
    from ..formats.csljson import reference_to_csl
    from ..pipeline import clean_text
    from .shared import shared_dir

    base = shared or shared_dir()
    clean = _list_cleaner(parser, lists) if lists > 0 else partial(clean_text, parser=parser)
    report = ParserReport(parser if lists <= 0 else f"{parser}, reading lists of {lists}")

    def wanted(name: str) -> bool:
        return not splits or any(name == s or name.startswith(s + "-") or
                                 name.endswith("-" + s) for s in splits)

    for name in ("anystyle-gold", "grobid-eval"):
        if wanted(name) and name in DATASETS:
            records = load_records(dataset_path(name, base))
            report.splits.append(SplitResult(run_dataset(name, records, clean=clean,
                                                         to_csl=reference_to_csl)))
    if any(wanted(name) for name in HOLDOUT_PARTS):
        held = holdout_records(base)
        for name, records in held.items():
            if wanted(name):
                report.splits.append(SplitResult(run_dataset(name, records, clean=clean,
                                                             to_csl=reference_to_csl)))
    dev_names = ["dev", *DEV_PARTS]
    if any(wanted(name) for name in [*dev_names, ANNOTATED_DEV]):
        from ..parse.crf.splits import load_splits

        dev_items = load_splits(base).dev
        if wanted(ANNOTATED_DEV):
            report.splits.append(_annotated_dev(dev_items, clean))
        for name in dev_names:
            if not wanted(name):
                continue
            sources = DEV_PARTS.get(name)
            dev = [_token_record(item) for item in dev_items
                   if sources is None or item.source.split(":")[-1] in sources]
            report.splits.append(SplitResult(run_dataset(name, dev, clean=clean,
                                                         to_csl=reference_to_csl)))
    families = [f for f in _families() if wanted(f"synthetic-{f}") or wanted(f"annotated-{f}")]
    if not families and not wanted(UNSEEN):
        return report
    from ..parse.crf.splits import annotation_pool
    from .corpus import default_corpus_dir

    rendered = synthetic_records(base, per_family)
    pool = annotation_pool(default_corpus_dir(), test=True)
    for family in families:
        items = rendered[family]
        if wanted(f"synthetic-{family}"):
            records = [_as_record(i) for i in items]
            split = SplitResult(run_dataset(f"synthetic-{family}", records, clean=clean,
                                            to_csl=reference_to_csl))
            _score_names(split, clean, items)
            report.splits.append(split)
        if wanted(f"annotated-{family}") and pool:
            annotated, notes = _annotated(items, pool)
            split = SplitResult(run_dataset(f"annotated-{family}",
                                            [_as_record(i) for i in annotated],
                                            clean=clean, to_csl=reference_to_csl))
            _score_annotations(split, clean, annotated, notes)
            report.splits.append(split)
    if wanted(UNSEEN):
        unseen = unseen_style_records(base, per_family)
        split = SplitResult(run_dataset(UNSEEN, [_as_record(i) for i in unseen], clean=clean,
                                        to_csl=reference_to_csl))
        _score_names(split, clean, unseen)
        report.splits.append(split)
    return report


def unseen_style_records(shared: Path, count: int) -> list[Any]:
    """Test-pool records rendered through styles that no training reference used."""
    from ..parse.crf.splits import load_splits, make_pools
    from ..parse.crf.synth import UNSEEN_STYLES, make_records, render_family

    pools = make_pools(load_splits(shared).train, test=True)
    return render_family(make_records(pools, count, TEST_SEED + 99), UNSEEN_STYLES, UNSEEN)


def holdout_records(shared: Path) -> dict[str, list[Record]]:
    """Holdout split -> the records ``holdout_overlap.jsonl`` lists for it (read from
    their own JSONL file with its labels; a text seen before is kept once, in the
    split of its first listing)."""
    import json

    from ..parse.crf.data import normalized_key
    from ..parse.crf.splits import holdout_listing

    wanted: dict[str, dict[int, str]] = {}
    for row in holdout_listing(shared):
        sources = [str(s) for s in row.get("holdout_sources", ())]
        part = next((name for name, prefixes in HOLDOUT_PARTS.items()
                     if any(s.startswith(p) for s in sources for p in prefixes)), None)
        if part is not None:
            wanted.setdefault(str(row["source"]), {})[int(row["id"])] = part
    out: dict[str, list[Record]] = {name: [] for name in HOLDOUT_PARTS}
    seen: set[str] = set()
    for source, ids in sorted(wanted.items()):
        folder, name = source.split(":")
        with (shared / "data" / folder / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                data = json.loads(line)
                part = ids.get(int(data.get("id", -1)))
                text = " ".join(str(data.get("text", "")).split())
                key = normalized_key(text)
                if part is None or not key or key in seen:
                    continue
                seen.add(key)
                out[part].append(Record(text, dict(data.get("csl", {}))))
    return out


def _families() -> list[str]:
    from ..parse.crf.synth import FAMILIES

    return list(FAMILIES)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _table(split: SplitResult) -> str:
    rows = [["field", "gold", "pred", "precision", "recall", "f1"]]
    for name, c in [*split.result.ordered_fields(), ("micro (issue fields)", split.issue_micro),
                    ("micro (all labels)", split.result.micro)]:
        rows.append([name, str(c.tp + c.fn), str(c.tp + c.fp), _pct(c.precision),
                     _pct(c.recall), _pct(c.f1)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if k == 0 else c.rjust(w)
                               for k, (c, w) in enumerate(zip(row, widths, strict=True)))
                     for row in rows)


def format_report(report: ParserReport, *, tables: bool = True) -> str:
    """Per-split tables, then one summary line per split."""
    out = [f"parser: {report.parser}"]
    if tables:
        for split in report.splits:
            r = split.result
            out += ["", f"== {r.name}: {r.lines} lines, {r.predicted} items"
                    f"{'' if r.count_ok else ' (COUNT MISMATCH)'}, {r.seconds:.1f}s"]
            if r.error:
                out.append(f"error: {r.error}")
            out.append(_table(split))
    out += ["", "summary (token micro F1 over the issue's fields; annotations separated)"]
    for split in report.splits:
        ann = ""
        if split.annotations:
            ann = (f"  annotations exact {split.annotations_exact}/{split.annotations}, "
                   f"missed {split.annotations_missed}")
        if split.names:
            ann += f"  names split right {split.names_right}/{split.names}"
        mark = "ok " if split.issue_micro.f1 >= 0.95 else "   "
        out.append(f"{mark}{split.result.name:32} {_pct(split.issue_micro.f1):>6}{ann}")
    return "\n".join(out)

