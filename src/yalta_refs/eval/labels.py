"""Token-level field F1 against the shared datasets' ``csl`` labels.

The shared parsing sets (AnyStyle, GROBID) label each reference with a
``csl`` mapping of label -> list of text segments. Both those labels and a
predicted CSL item are mapped onto one label set (:data:`LABELS`) and cut into
word tokens; per label, the multiset overlap is the true positives, the rest
of the prediction false positives and the rest of the gold false negatives.
Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .metrics import Counts
from .words import NAME_FIELDS, normalize_names, word_tokens

__all__ = [
    "GOLD_LABELS",
    "LABELS",
    "PRED_LABELS",
    "gold_tokens",
    "label_tokens",
    "pred_tokens",
    "token_counts",
]

#: The common label set, in report order.
LABELS = (
    "author", "editor", "translator", "title", "container-title", "collection-title",
    "publisher", "location", "date", "volume", "issue", "pages", "edition", "genre",
    "URL", "DOI", "ISBN",
)

#: Gold ``csl`` label -> common label. Gold labels not listed ("other",
#: "note") are reported as unmapped and not scored.
GOLD_LABELS: dict[str, str] = {
    "author": "author", "editor": "editor", "translator": "translator", "title": "title",
    "container-title": "container-title", "journal": "container-title",
    "collection-title": "collection-title", "publisher": "publisher",
    "location": "location", "publisher-place": "location", "date": "date", "issued": "date",
    "volume": "volume", "issue": "issue", "pages": "pages", "page": "pages",
    "edition": "edition", "genre": "genre", "url": "URL", "URL": "URL",
    "doi": "DOI", "DOI": "DOI", "isbn": "ISBN", "ISBN": "ISBN",
}

#: Predicted CSL variable -> common label (other variables are not scored). A book's
#: length ("450 p.", CSL number-of-pages) is "pages" too, and its count of volumes
#: ("3 vols.", CSL number-of-volumes) "volume": the gold sets label them so.
PRED_LABELS: dict[str, str] = {
    "author": "author", "editor": "editor", "translator": "translator", "title": "title",
    "container-title": "container-title", "collection-title": "collection-title",
    "publisher": "publisher", "publisher-place": "location", "issued": "date",
    "original-date": "date", "volume": "volume", "issue": "issue", "page": "pages",
    "number-of-pages": "pages", "number-of-volumes": "volume",
    "edition": "edition", "genre": "genre", "URL": "URL", "DOI": "DOI", "ISBN": "ISBN",
}

_NAME_WORDS = frozenset({
    "and", "et", "al", "etal", "coll", "eds", "ed", "edited", "editor", "editors", "by",
    "trans", "tr",
    "transl", "translated", "translator", "trad", "hrsg", "hg", "in", "with",
})
#: Label words dropped from both sides before counting, per label.
_DROPPED: dict[str, frozenset[str]] = {
    "author": _NAME_WORDS, "editor": _NAME_WORDS, "translator": _NAME_WORDS,
    "pages": frozenset({"pp", "p", "pages", "page", "s", "с", "стр"}),  # GOST "С. 12–20"
    "volume": frozenset({"vol", "vols", "volume", "volumes", "v", "т", "вып", "bd", "bde",
                         "band", "bände", "tome", "tomes"}),
    "issue": frozenset({"no", "nr", "n", "issue"}),
    "edition": frozenset({"ed", "edn", "edition"}),
    "container-title": frozenset({"in"}),
    "URL": frozenset({"url", "available", "at"}),
}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_DOI_PREFIX = re.compile(r"^.*?(?=10\.\d)", re.S)


def label_tokens(label: str, values: Iterable[str]) -> Counter[str]:
    """The word tokens of one label's values, as the metric counts them.

    ``date``: the first 4-digit year of each value. ``DOI``: one lowercased
    token per value, anything before "10." dropped. ``ISBN``: one token of
    its digits (and X). Other labels: :func:`word_tokens` less label words
    such as "pp", "vol" or "eds".
    """
    out: Counter[str] = Counter()
    for value in values:
        if label == "date":
            year = _YEAR.search(value)
            out.update([year.group(1)] if year else [])
        elif label == "DOI":
            doi = re.sub(r"\s+", "", _DOI_PREFIX.sub("", value, count=1)).lower().rstrip(".,;:")
            out.update([doi] if doi else [])
        elif label == "ISBN":
            digits = re.sub(r"[^0-9x]", "", value.lower())
            out.update([digits] if digits else [])
        else:
            dropped = _DROPPED.get(label, frozenset())
            out.update(t for t in word_tokens(value) if t not in dropped)
    return out


#: a DOI resolver's link: "https://doi.org/10.1000/x", "http://dx.doi.org/10.1000/x"
_DOI_LINK = re.compile(r"^\s*(?:https?\s?:\s?/\s?/\s?)?(?:dx\.)?doi\.org\s?/\s?(?=10\.\d)", re.I)


def _add(out: dict[str, Counter[str]], label: str, values: Sequence[str]) -> None:
    """Add the tokens of ``values`` under ``label``. A doi.org link counts as the DOI
    it resolves to, whichever label holds it: the gold sets disagree (AnyStyle and
    GROBID label the link a URL, a record rendered from a DOI labels it the DOI),
    and a reference gives the same identifier either way. A DOI counts once per
    reference however many fields give it."""
    if label == "URL":
        links = [v for v in values if _DOI_LINK.match(v)]
        if links:
            _add(out, "DOI", links)
            values = [v for v in values if not _DOI_LINK.match(v)]
    tokens = label_tokens(label, values)
    if not tokens:
        return
    counter = out.setdefault(label, Counter())
    counter.update(tokens)
    if label == "DOI":
        for doi in counter:
            counter[doi] = 1


def gold_tokens(csl: Mapping[str, Sequence[str]]) -> tuple[dict[str, Counter[str]],
                                                          Counter[str]]:
    """(label -> tokens, unmapped gold label -> number of its tokens)."""
    mapped: dict[str, Counter[str]] = {}
    unmapped: Counter[str] = Counter()
    for key, values in csl.items():
        label = GOLD_LABELS.get(key)
        if label is None:
            unmapped[key] += sum(len(word_tokens(v)) for v in values)
        else:
            _add(mapped, label, values)
    return mapped, unmapped


def _pred_values(key: str, value: Any) -> list[str]:
    if key in NAME_FIELDS:
        return list(normalize_names(value))
    if isinstance(value, Mapping):  # a CSL date
        parts = value.get("date-parts") or []
        if parts and parts[0]:
            return [str(parts[0][0])]
        return [str(value.get("literal") or value.get("raw") or "")]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def pred_tokens(item: Mapping[str, Any]) -> dict[str, Counter[str]]:
    """Label -> tokens of a predicted CSL item."""
    out: dict[str, Counter[str]] = {}
    for key, value in item.items():
        label = PRED_LABELS.get(key)
        if label is not None and value not in (None, "", [], {}):
            _add(out, label, _pred_values(key, value))
    return out


def token_counts(preds: Iterable[Mapping[str, Any]], gold_csl: Mapping[str, Sequence[str]],
                 *, fold: Mapping[str, str] | None = None) -> dict[str, Counts]:
    """Per label token counts of the predictions for one gold reference.

    ``preds`` holds the items predicted from that reference's text: usually
    one, none when it was lost, several when it was split (their tokens are
    pooled, so surplus ones count as false positives). ``fold`` merges
    predicted labels into others for a dataset that does not tell them apart
    (AnyStyle labels "36(4)" as one volume: ``{"issue": "volume"}``).
    TP = multiset overlap, FP = predicted - TP, FN = gold - TP.
    """
    gold, _ = gold_tokens(gold_csl)
    predicted: dict[str, Counter[str]] = {}
    for item in preds:
        for label, tokens in pred_tokens(item).items():
            label = (fold or {}).get(label, label)
            predicted.setdefault(label, Counter()).update(tokens)
    out: dict[str, Counts] = {}
    for label in gold.keys() | predicted.keys():
        g = gold.get(label, Counter())
        p = predicted.get(label, Counter())
        tp = (g & p).total()
        if g or p:
            out[label] = Counts(tp=tp, fp=p.total() - tp, fn=g.total() - tp)
    return out
