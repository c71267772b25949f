"""Token-level field F1 on the shared labelled parsing sets (AnyStyle, GROBID).

Each dataset is a JSONL file of ``{"text": ..., "csl": {label: [segments]}}``
records, one reference per record. All texts of a dataset go to the cleaner
at once, one per line, with ``lines=True``; the result must hold exactly one
reference per line. Predictions are matched to lines by their source span
(by order when the references carry no span). A dataset without an "issue"
label (AnyStyle: "36(4)" is one volume segment) scores predicted issues as
volume tokens.

The datasets are read from ``$YALTA_REFS_SHARED`` or else from the ``shared``
folder beside the repository (``<repo>/../shared``); nothing is copied.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpus import Cleaner, ToCsl, default_functions, repo_root
from .labels import GOLD_LABELS, LABELS, gold_tokens, token_counts
from .metrics import Counts, micro_counts, total_counts

__all__ = [
    "DATASETS",
    "DatasetResult",
    "Record",
    "dataset_path",
    "load_records",
    "run_dataset",
    "shared_dir",
]

#: Dataset name -> path inside the shared folder.
DATASETS: dict[str, str] = {
    "anystyle-gold": "data/anystyle/gold.jsonl",
    "anystyle-core": "data/anystyle/core.jsonl",
    "grobid-eval": "data/grobid-citation/evaluation.jsonl",
}


def shared_dir() -> Path:
    """``$YALTA_REFS_SHARED``, else ``<repo>/../shared`` (which may not exist)."""
    env = os.environ.get("YALTA_REFS_SHARED")
    if env:
        return Path(env)
    return (repo_root().parent / "shared").resolve()


def dataset_path(name: str, base: Path | None = None) -> Path:
    """Where dataset ``name`` lives (KeyError for an unknown name)."""
    return (base or shared_dir()) / DATASETS[name]


@dataclass(frozen=True)
class Record:
    """One labelled reference: its text (on one line) and its gold labels."""

    text: str
    csl: dict[str, list[str]]


def load_records(path: Path, limit: int | None = None) -> list[Record]:
    """The first ``limit`` (default: all) records of a JSONL dataset."""
    records: list[Record] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                data = json.loads(line)
                text = " ".join(str(data.get("text", "")).split())
                records.append(Record(text, dict(data.get("csl", {}))))
    return records


@dataclass
class DatasetResult:
    """Token-level scores of one dataset."""

    name: str
    lines: int = 0
    predicted: int = 0
    fields: dict[str, Counts] = field(default_factory=dict)
    unmapped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    note: str | None = None
    error: str | None = None
    #: each input line's field counts, in order (what a paired comparison resamples)
    per_line: list[dict[str, Counts]] = field(default_factory=list, repr=False)

    @property
    def count_ok(self) -> bool:
        return self.lines == self.predicted

    @property
    def micro(self) -> Counts:
        return micro_counts(self.fields)

    def ordered_fields(self) -> list[tuple[str, Counts]]:
        """Fields in :data:`LABELS` order."""
        return [(label, self.fields[label]) for label in LABELS if label in self.fields]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "lines": self.lines, "predicted": self.predicted,
            "count_ok": self.count_ok, "seconds": self.seconds, "note": self.note,
            "error": self.error, "micro": self.micro.to_dict(),
            "fields": {k: v.to_dict() for k, v in self.ordered_fields()},
            "unmapped_gold_labels": dict(self.unmapped.most_common()),
        }


def _by_line(refs: Sequence[Any], lines: int) -> tuple[list[list[int]], str | None]:
    """Prediction indices per input line (0-based), from spans or else by order."""
    spans = [getattr(getattr(r, "span", None), "line", None) for r in refs]
    groups: list[list[int]] = [[] for _ in range(lines)]
    if refs and all(isinstance(s, int) and 1 <= s <= lines for s in spans):
        for index, line in enumerate(spans):
            groups[int(line or 0) - 1].append(index)
        return groups, None
    for index in range(min(len(refs), lines)):
        groups[index].append(index)
    note = "references carry no usable line span: matched to lines by order"
    return groups, note if refs else None


def _folds(records: Sequence[Record]) -> dict[str, str]:
    """Predicted labels to merge for this dataset: issue into volume when no gold has issue."""
    has_issue = any(GOLD_LABELS.get(k) == "issue" for r in records for k in r.csl)
    return {} if has_issue else {"issue": "volume"}


def run_dataset(name: str, records: Sequence[Record], *, clean: Cleaner | None = None,
                to_csl: ToCsl | None = None) -> DatasetResult:
    """Clean all texts of a dataset in one call (``lines=True``) and score every line."""
    if clean is None or to_csl is None:
        real_clean, real_to_csl = default_functions()
        clean, to_csl = clean or real_clean, to_csl or real_to_csl
    result = DatasetResult(name, lines=len(records))
    for record in records:
        result.unmapped.update(gold_tokens(record.csl)[1])
    start = time.perf_counter()
    try:
        library = clean("\n".join(r.text for r in records), source=name, lines=True)
        refs = list(library.references)
        items = [to_csl(ref) for ref in refs]
    except Exception as exc:  # measured, not raised: every line then scores as missed
        result.error = f"{type(exc).__name__}: {exc}"
        refs, items = [], []
    result.seconds = time.perf_counter() - start
    result.predicted = len(refs)
    groups, result.note = _by_line(refs, len(records))
    fold = _folds(records)
    result.per_line = [token_counts([items[i] for i in group], record.csl, fold=fold)
                       for record, group in zip(records, groups, strict=True)]
    result.fields = total_counts(result.per_line)
    return result
