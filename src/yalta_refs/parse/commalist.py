"""Comma-separated publication facts, as IEEE and physics styles write them.

After a quoted title that ends in a comma ("Go to statement considered
harmful,"), these styles run every fact into one comma-separated element:
``Commun. ACM, vol. 11, no. 3, pp. 147–148, Mar. 1968, doi: 10.1145/362929``.
Periods inside it belong to abbreviations ("Commun.", "Astron. J."), so the
element ends at the first period after its last recognisable fact.
"""

from __future__ import annotations

import re
from typing import Any

from .fields import parse_date, parse_pages

__all__ = ["CommaFacts", "take_comma_facts"]

# where the facts end: a year, a DOI, a page range or an access date, then ". "
_END = re.compile(
    r"(?:\b(?:1[5-9]\d\d|20\d\d)|doi:\s*\S+?|\b\d+\s*[–-]\s*\d+|https?://\S+?)\.(?=\s|$)"
)
_PARTS = (
    (re.compile(r"^vols?\.\s*(?P<v>\S+)$", re.I), "volume"),
    (re.compile(r"^(?:no|iss)\.\s*(?P<v>\S+)$", re.I), "issue"),
    (re.compile(r"^(?:art\.\s*no\.|paper)\s*(?P<v>\S+)$", re.I), "number"),
    (re.compile(r"^doi:?\s*(?P<v>10\.\S+)$", re.I), "DOI"),
    (re.compile(r"^(?:\[Online\]\.\s*)?Available:\s*(?P<v>\S+)$", re.I), "URL"),
    (re.compile(r"^(?P<v>https?://\S+)$"), "URL"),
)


class CommaFacts(dict[str, Any]):
    """Fields found, plus "_end": the offset where the annotation may begin."""


def _part_value(part: str) -> tuple[str, Any] | None:
    both = re.fullmatch(r"(?P<v>\d+[A-Za-z]?)\s*\((?P<i>[^)]+)\)", part)
    if both:  # Harvard: "36(4)"
        return "volume", both.group("v"), "issue", both.group("i")  # type: ignore[return-value]
    for pattern, field in _PARTS:
        m = pattern.match(part)
        if m:
            return field, m.group("v").rstrip(".")
    if re.match(r"^pp?\.\s*\S", part):
        page = parse_pages(part)
        return ("page", page) if page else None
    if part.lower().startswith("accessed"):
        date = parse_date(re.sub(r"^accessed:?\s*(?:on\s*)?", "", part, flags=re.I))
        return ("accessed", date) if date else None
    date = parse_date(part)
    return ("issued", date) if date else None


def take_comma_facts(text: str) -> CommaFacts | None:
    """Read "Container, vol. X, no. Y, pp. A–B, Mon. YEAR, doi: …." from ``text``.

    Returns None unless at least one part besides the container is a fact.
    """
    end = _END.search(text)
    if not end:
        return None
    head = text[: end.end() - 1]
    found = CommaFacts()
    container: list[str] = []
    for part in (p.strip() for p in re.split(r",\s+", head)):
        value = _part_value(part)
        if value is None:
            (container if not found else found.setdefault("_rest", [])).append(part)
            continue
        for key, val in zip(value[::2], value[1::2], strict=True):
            found.setdefault(key, val)
    if not found:
        return None
    if container:
        found["container_title"] = ", ".join(container)
    found["_end"] = end.end()
    return found
