"""Pure accuracy metrics: predicted CSL-JSON items against gold ones.

Nothing here reads files or runs the pipeline; the runners in
:mod:`yalta_refs.eval.corpus` and :mod:`yalta_refs.eval.shared` do that and
hand plain CSL-JSON dicts (and strings) to these functions.

* field normalisation (:func:`normalize_field`): names as display strings,
  dates cut to the gold's precision, page dashes unified, strings with
  whitespace collapsed and trailing ``.,;:`` stripped;
* order-preserving alignment of predicted and gold references
  (:func:`align_references`), so one missing reference shifts nothing;
* exact field counts of an aligned pair (:func:`compare_pair`) and of a whole
  case (:func:`score_case`: fields, annotation, reference count, words
  unaccounted, ``must_discard``).

Word-level measures are in :mod:`.words`, token-level F1 against the shared
datasets' labels in :mod:`.labels`.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .words import (
    NAME_FIELDS,
    collapse,
    must_discard_hits,
    name_display,
    normalize_names,
    unaccounted_words,
)

__all__ = [
    "DATE_FIELDS", "IGNORED_FIELDS", "NAME_FIELDS", "AnnotationScore", "CaseScore", "Counts",
    "FieldMismatch", "align_references", "compare_pair", "date_depth", "must_discard_hits",
    "name_display", "normalize_date", "normalize_field", "normalize_names", "normalize_page",
    "normalize_string", "score_case", "total_counts",
]

CSLItem = Mapping[str, Any]
#: A normalised field value: a string, or a tuple of display names.
FieldValue = str | tuple[str, ...]

DATE_FIELDS = frozenset({"issued", "accessed", "original-date", "event-date", "submitted"})
PAGE_FIELDS = frozenset({"page", "page-first"})
#: Keys never compared as fields (``annote`` is scored on its own).
IGNORED_FIELDS = frozenset({"id", "citation-key", "custom", "annote"})

_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212\-]+\s*")
_TRAILING = re.compile(r"[\s.,;:]+$")


# --------------------------------------------------------------------------- counts


@dataclass
class Counts:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def micro_counts(per_field: Mapping[str, Counts]) -> Counts:
    """All fields of one table summed into one micro count."""
    total = Counts()
    for counts in per_field.values():
        total.add(counts)
    return total


def total_counts(per_field: Iterable[Mapping[str, Counts]]) -> dict[str, Counts]:
    """Sum several field -> Counts tables into one."""
    out: dict[str, Counts] = {}
    for table in per_field:
        for name, counts in table.items():
            out.setdefault(name, Counts()).add(counts)
    return out


def middle_95(values: list[float]) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of bootstrap values (sorts ``values``)."""
    values.sort()
    return values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]


# --------------------------------------------------------------------------- normalisation


def normalize_string(value: Any) -> str:
    """Whitespace collapsed, NFC, trailing ``.,;:`` stripped."""
    return _TRAILING.sub("", collapse(str(value)))


def normalize_page(value: Any) -> str:
    """A page range with every dash variant (and spacing around it) as one hyphen."""
    return _DASHES.sub("-", normalize_string(value))


def _date_parts(value: Any) -> list[list[int]]:
    if not isinstance(value, Mapping):
        return []
    parts: list[list[int]] = []
    for dp in value.get("date-parts") or []:
        nums = [int(p) for p in dp if str(p).strip().lstrip("-").isdigit()]
        if nums:
            parts.append(nums)
    return parts


def date_depth(value: Any) -> int | None:
    """How many of year/month/day the first date-part of ``value`` has."""
    parts = _date_parts(value)
    return len(parts[0]) if parts else None


def normalize_date(value: Any, depth: int | None = None) -> str:
    """A CSL date as "Y[-M[-D]]" (ranges joined by "/"), cut to ``depth`` parts."""
    parts = _date_parts(value)
    if parts:
        cut = [dp[:depth] if depth else dp for dp in parts]
        return "/".join("-".join(str(p) for p in dp) for dp in cut)
    if isinstance(value, Mapping):
        return normalize_string(value.get("literal") or value.get("raw") or "")
    return normalize_string(value)


def normalize_field(name: str, value: Any, *, like: Any = None) -> FieldValue | None:
    """The comparable form of one CSL field, or None when it is empty.

    ``like`` is the gold value of the same field: a predicted date is cut to
    the precision (year, month, day) that the gold date has.
    """
    if value is None or value == "" or value == [] or value == {}:
        return None
    if name in NAME_FIELDS:
        names = normalize_names(value)
        return names or None
    if name in DATE_FIELDS:
        text = normalize_date(value, date_depth(like) if like is not None else None)
    elif name in PAGE_FIELDS:
        text = normalize_page(value)
    else:
        text = normalize_string(value)
    return text or None


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class _Signature:
    """What alignment compares: casefolded title, first author, year, identifiers."""

    title: str
    first: str
    year: str
    ids: frozenset[str]


def _signature(item: CSLItem) -> _Signature:
    first = ""
    authors = item.get("author") or item.get("editor") or []
    if isinstance(authors, list) and authors and isinstance(authors[0], Mapping):
        first = str(authors[0].get("family") or authors[0].get("literal") or "")
    title = str(item.get("title") or item.get("container-title") or "")
    year = normalize_date(item.get("issued"), 1) if item.get("issued") else ""
    ids = frozenset(f"{k}:{normalize_string(item[k]).casefold()}"
                    for k in ("DOI", "URL", "ISBN") if item.get(k))
    return _Signature(collapse(title).casefold(), collapse(first).casefold(), year, ids)


def _similarity(a: _Signature, b: _Signature, floor: float) -> float:
    """1 for a shared DOI, URL or ISBN; else 0.6 x title similarity + 0.25 for the
    same first author + 0.15 for the same year."""
    if a.ids & b.ids:
        return 1.0
    rest = 0.25 * bool(a.first and a.first == b.first) + 0.15 * bool(a.year and a.year == b.year)
    if not a.title or not b.title:
        return rest
    matcher = difflib.SequenceMatcher(None, a.title, b.title, autojunk=False)
    if rest + 0.6 * matcher.real_quick_ratio() < floor or \
            rest + 0.6 * matcher.quick_ratio() < floor:
        return rest
    return rest + 0.6 * matcher.ratio()


Pair = tuple[int | None, int | None]


def align_references(pred: Sequence[CSLItem], gold: Sequence[CSLItem], *,
                     min_similarity: float = 0.4) -> list[Pair]:
    """Order-preserving best match of predicted to gold references.

    A dynamic programme maximises the summed similarity of matched pairs
    (a shared DOI/URL/ISBN, else mostly the title with first author and year
    weighing in, so a reference whose title was mangled still finds its
    gold); a pair below ``min_similarity`` is never matched.
    Returns (pred index, gold index) pairs in order, with None on the side of
    an unmatched reference, so a missing reference shifts nothing.
    """
    ps, gs = [_signature(p) for p in pred], [_signature(g) for g in gold]
    n, m = len(ps), len(gs)
    sim = [[_similarity(a, b, min_similarity) for b in gs] for a in ps]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            best = max(score[i - 1][j], score[i][j - 1])
            s = sim[i - 1][j - 1]
            if s >= min_similarity:
                best = max(best, score[i - 1][j - 1] + s)
            score[i][j] = best
    return _backtrack(score)


def _backtrack(score: list[list[float]]) -> list[Pair]:
    # Walking back, a gap is preferred to a match of equal total, so among
    # equally good alignments the earliest candidates are the ones matched.
    i, j = len(score) - 1, len(score[0]) - 1
    out: list[Pair] = []
    while i > 0 or j > 0:
        if i and score[i][j] == score[i - 1][j]:
            out.append((i - 1, None))
            i -= 1
        elif j and score[i][j] == score[i][j - 1]:
            out.append((None, j - 1))
            j -= 1
        else:
            out.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    out.reverse()
    return out


# --------------------------------------------------------------------------- field scores


@dataclass(frozen=True)
class FieldMismatch:
    """One field where prediction and gold disagree (for verbose reports)."""

    pred_index: int | None
    gold_index: int | None
    field: str
    gold: FieldValue | None
    pred: FieldValue | None


def _compared_keys(*items: CSLItem | None) -> list[str]:
    keys: dict[str, None] = {}
    for item in items:
        for key in item or {}:
            if key not in IGNORED_FIELDS and not key.startswith("_"):
                keys[key] = None
    return list(keys)


def compare_pair(pred: CSLItem | None, gold: CSLItem | None, *,
                 pair: Pair = (None, None)) -> tuple[dict[str, Counts], list[FieldMismatch]]:
    """Exact per-field counts for one aligned pair (either side may be None).

    Equal: TP. Predicted but wrong or absent in gold: FP. In gold but missing
    or wrong: FN. So a wrong value counts once as FP and once as FN.
    """
    counts: dict[str, Counts] = {}
    wrong: list[FieldMismatch] = []
    for key in _compared_keys(gold, pred):
        g_raw = gold.get(key) if gold else None
        g = normalize_field(key, g_raw)
        p = normalize_field(key, pred.get(key), like=g_raw) if pred else None
        if g is None and p is None:
            continue
        c = counts.setdefault(key, Counts())
        if g is not None and g == p:
            c.tp += 1
            continue
        c.fp += p is not None
        c.fn += g is not None
        wrong.append(FieldMismatch(pair[0], pair[1], key, g, p))
    return counts, wrong


# --------------------------------------------------------------------------- one case


@dataclass
class AnnotationScore:
    """Annotations: exact matches over gold annotations, and invented ones."""

    gold: int = 0  # gold references that have an annotation
    exact: int = 0  # ... whose matched prediction has exactly that annotation
    false: int = 0  # predicted annotations on matched references whose gold has none

    def add(self, other: AnnotationScore) -> None:
        self.gold += other.gold
        self.exact += other.exact
        self.false += other.false

    @property
    def rate(self) -> float:
        return self.exact / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"gold": self.gold, "exact": self.exact, "false": self.false, "rate": self.rate}


@dataclass
class CaseScore:
    """Everything measured on one input against its gold."""

    name: str
    gold_count: int = 0
    pred_count: int = 0
    fields: dict[str, Counts] = field(default_factory=dict)
    annotation: AnnotationScore = field(default_factory=AnnotationScore)
    words_total: int = 0
    unaccounted: Counter[str] = field(default_factory=Counter)
    must_discard: list[tuple[str, bool]] = field(default_factory=list)
    mismatches: list[FieldMismatch] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    error: str | None = None

    @property
    def count_ok(self) -> bool:
        return self.gold_count == self.pred_count

    @property
    def micro(self) -> Counts:
        return micro_counts(self.fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "gold_count": self.gold_count, "pred_count": self.pred_count,
            "error": self.error, "micro": self.micro.to_dict(),
            "fields": {k: v.to_dict() for k, v in sorted(self.fields.items())},
            "annotation": self.annotation.to_dict(), "words_total": self.words_total,
            "words_unaccounted": self.unaccounted.total(),
            "unaccounted": dict(self.unaccounted.most_common()),
            "must_discard": [{"text": t, "ok": ok} for t, ok in self.must_discard],
            "mismatches": [
                {"pred": m.pred_index, "gold": m.gold_index, "field": m.field,
                 "gold_value": m.gold, "pred_value": m.pred} for m in self.mismatches
            ],
        }


def _annotation(pred: CSLItem | None, gold: CSLItem | None, pair: Pair,
                score: CaseScore) -> None:
    g = normalize_string(gold["annote"]) if gold and gold.get("annote") else None
    p = normalize_string(pred["annote"]) if pred and pred.get("annote") else None
    if g is not None:
        score.annotation.gold += 1
        score.annotation.exact += g == p
    elif p is not None and gold is not None:
        score.annotation.false += 1
    if g != p:
        score.mismatches.append(FieldMismatch(pair[0], pair[1], "annote", g, p))


def score_case(name: str, *, input_text: str, pred: Sequence[CSLItem],
               gold: Sequence[CSLItem], discarded: Sequence[str] = (),
               must_discard: Sequence[str] = (), error: str | None = None) -> CaseScore:
    """Align ``pred`` to ``gold`` and measure every field, the annotation and the words."""
    score = CaseScore(name, gold_count=len(gold), pred_count=len(pred), error=error)
    score.pairs = align_references(pred, gold)
    tables = []
    for pair in score.pairs:
        p = pred[pair[0]] if pair[0] is not None else None
        g = gold[pair[1]] if pair[1] is not None else None
        counts, wrong = compare_pair(p, g, pair=pair)
        tables.append(counts)
        score.mismatches.extend(wrong)
        _annotation(p, g, pair, score)
    score.fields = total_counts(tables)
    score.words_total, score.unaccounted = unaccounted_words(input_text, pred, discarded)
    hits = must_discard_hits(must_discard, pred, discarded)
    score.must_discard = list(zip(must_discard, hits, strict=True))
    return score
