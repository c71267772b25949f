"""Normalizers: one small function per field, each rescued on its own.

Parsing leaves values as they were written; these turn them into the forms
the model promises (ISBN digits, bare DOIs, ASCII page ranges, trimmed
titles). Each normalizer names the fields it touches in :data:`NORMALIZERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .model import Reference

__all__ = ["NORMALIZERS", "bare_doi", "normalize_reference"]


def _title(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip()
    value = re.sub(r"\s+([:;,])", r"\1", value)
    value = value.rstrip(",;: ")
    if re.search(r"[A-Za-z]\.[A-Z]\.$", value) or value.endswith(".."):
        return value  # "From Bryan to F.D.R.": the period belongs to the abbreviation
    return value.removesuffix(".")


#: a journal title written in abbreviations ("Phys. Rev. Lett.", "Bell Syst. Tech. J."):
#: an abbreviation before the last word, and a last word that is one too
_ABBREVIATION_BEFORE = re.compile(r"\b[A-Z][a-z]{0,8}\.\s")
_LAST_ABBREVIATION = re.compile(r"\b([A-Z][a-z]{0,8})\.$")


def _container_title(value: str) -> str:
    """A container's title, trimmed like a title; an abbreviated journal title keeps
    the period of its last abbreviation ("Phys. Rev. Lett.", not "Proc. of the
    Royal Society.")."""
    trimmed = _title(value)
    last = _LAST_ABBREVIATION.search(value.rstrip(",;: "))
    if trimmed != value.rstrip(",;: ") and last and _ABBREVIATION_BEFORE.search(value):
        from .parse.crf.lexicon import BARE_ABBREVIATIONS

        word = last.group(1).lower()
        if len(word) <= 4 or word in BARE_ABBREVIATIONS:
            return trimmed + "."
    return trimmed


def _isbn(value: str) -> str:
    digits = re.sub(r"[^\dXx]", "", value).upper()
    if len(digits) not in (10, 13):
        raise ValueError(f"ISBN {value!r} has {len(digits)} digits")
    from stdnum import isbn

    if not isbn.is_valid(digits):
        raise ValueError(f"ISBN {value!r} has a wrong check digit")
    return str(digits)


def bare_doi(value: str) -> str:
    """A DOI without its "doi:" or doi.org-link form ("https://doi.org/10.1/x" -> "10.1/x")."""
    value = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", value.strip(), flags=re.I)
    return value.rstrip(".,;")


def _page(value: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "-", value.strip())


def _text(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" ,;")


NORMALIZERS: dict[str, Callable[[Any], Any]] = {
    "title": _title,
    "container_title": _container_title,
    "collection_title": _title,
    "original_title": _title,
    "publisher": _text,
    "publisher_place": _text,
    "ISBN": _isbn,
    "DOI": bare_doi,
    "page": _page,
    "issue": _page,
}


def normalize_reference(ref: Reference) -> Reference:
    """Apply every normalizer to its field; a failing one leaves the value and warns."""
    changes: dict[str, Any] = {}
    for attr, fn in NORMALIZERS.items():
        value = getattr(ref, attr)
        if not value:
            continue
        try:
            new = fn(value)
        except ValueError as exc:
            ref = ref.warn("normalize", str(exc), attr)
            continue
        if new != value:
            changes[attr] = new
    return ref.with_fields(**changes) if changes else ref
