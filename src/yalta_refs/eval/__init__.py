"""Accuracy evaluation against gold data (used by scripts and CI reports).

* :mod:`.metrics` — pure field-level comparison of predicted and gold
  CSL-JSON items: normalisation, alignment, exact P/R/F1, annotations.
* :mod:`.words` — the "words unaccounted" measure and ``must_discard``.
* :mod:`.labels` — token-level field F1 against the shared datasets' labels.
* :mod:`.corpus`, :mod:`.shared` — runners that read the gold corpus and the
  shared datasets, run the pipeline and score it.
* :mod:`.adjudication` — a second reading of the gold where the parser and a
  damaged gold set disagree: verdicts, their agreement, what they imply.

Run ``python -m yalta_refs.eval --help`` for the reports.
"""

from __future__ import annotations

from .labels import LABELS, gold_tokens, pred_tokens, token_counts
from .metrics import (
    AnnotationScore,
    CaseScore,
    Counts,
    FieldMismatch,
    align_references,
    compare_pair,
    normalize_field,
    score_case,
    total_counts,
)
from .words import must_discard_hits, unaccounted_words, visible_text, word_tokens

__all__ = [
    "LABELS",
    "AnnotationScore",
    "CaseScore",
    "Counts",
    "FieldMismatch",
    "align_references",
    "compare_pair",
    "gold_tokens",
    "must_discard_hits",
    "normalize_field",
    "pred_tokens",
    "score_case",
    "token_counts",
    "total_counts",
    "unaccounted_words",
    "visible_text",
    "word_tokens",
]
