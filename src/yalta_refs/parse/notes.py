"""Facts stated inside an annotation: first publication, earlier titles, translators.

The annotation itself is never changed; these functions only read it and
return the fields it states.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Date
from .fields import parse_date
from .names import parse_name_list

__all__ = ["first_published", "notes_from_annotation"]

_YEAR = r"(1[0-9]\d\d|20\d\d)"
_FIRST_PUBLISHED = re.compile(
    rf"\b(?:first|originally|original\s+work)\s+(?:published|issued|appeared|printed)\b"
    rf"[^.;]*?\b(?:in\s+)?{_YEAR}\b",
    re.I,
)
# "Published as X in 1977", "Originally published as X (1968)", "... in French as X in 1968"
_PUBLISHED_AS = re.compile(
    r"\b(?P<lead>(?i:first|originally|previously|earlier)\s+)?(?i:published|issued|appeared)"
    r"(?P<lang>\s+in\s+(?P<language>[A-Z][a-z]+))?(?:\s+in\s+[A-Z][\w ]+?)?"
    rf"(?:\s+in\s+(?P<year0>{_YEAR[1:-1]}))?"
    r"\s+(?:as|under the title)\s+"
    r"(?P<title>(?:[^.;]|(?<=\b[A-Z])\.)+?)"
    rf"(?:\s*(?:,\s*)?(?:in|\()\s*(?P<year>{_YEAR[1:-1]})\)?"
    # the title ends at a sentence end, or with a dotted abbreviation ("U.S.S.R.")
    r"|(?<=[A-Z]\.[A-Z])\.?(?=\s+[A-Z]|$)|(?=[.;](?:\s|$)))",
)
_TRANSLATED = re.compile(
    r"\b[Tt]ranslated(?:\s+from\s+the\s+[A-Z]\w+)?\s+by\s+(?P<names>{w}(?:\s{w})*"
    r"(?:(?:,\s*|,?\s+and\s+){w}(?:\s{w})*)*)".format(w=r"(?:[A-Z]\.|[A-Z][\w'’-]*)")
)
_PART_OF_BOOK = re.compile(
    r"\b(?:essay|chapter|story|stories|poem|poems|article|lecture|piece|section|part|preface|"
    r"introduction|afterword|letter)s?\b", re.I
)
_LATER = re.compile(r"\b(?:later|subsequently|since|afterwards|then)\b", re.I)
_NOT_ORIGINAL = re.compile(
    r"\bin\s+English\b|\bas\s+(?:part|one|a\s+(?:volume|chapter|series))\b", re.I
)


_OTHER_EDITION = re.compile(
    r"\bin\s+English\s+as\b|\b(?:later|subsequently)\b|\breissued\b|\breprint|"
    r"\b(?:new|another|expanded|revised|second|later)\s+(?:edition|translation)\b",
    re.I,
)


def _sentence_at(text: str, index: int) -> str:
    """The sentence of ``text`` that holds ``index``."""
    start = text.rfind(". ", 0, index)
    end = text.find(". ", index)
    return text[start + 1 if start >= 0 else 0 : end if end >= 0 else len(text)]


def first_published(note: str) -> Date | None:
    """The year a note that says only when the work first came out gives ("First
    published 1867", APA's "(Original work published 1975)"); None for any other note."""
    m = _FIRST_PUBLISHED.search(note)
    if m is None or m.start() > 0 or note[m.end() :].strip(" .)"):
        return None
    return parse_date(m.group(1))


def notes_from_annotation(annotation: str) -> dict[str, Any]:
    """The fields an annotation states: original-date, original-title, translator."""
    found: dict[str, Any] = {}
    for m in _PUBLISHED_AS.finditer(annotation):
        sentence_start = max(annotation.rfind(". ", 0, m.start()), 0)
        if _LATER.search(annotation[sentence_start : m.start()]):
            continue  # "Later revised and published as …": a later book, not the original
        if _NOT_ORIGINAL.search(m.group(0)) or (
            m.group("lang") and not m.group("lead") and m.group("language") == "English"
        ):
            continue
        title = m.group("title").strip(' ,"“”')
        if title and (title[0].isupper() or title[0].isdigit() or title[0] in "“\"'‘") \
                and len(title.split()) <= 20:
            found["original_title"] = title
            if m.group("year") or m.group("year0"):
                found["original_date"] = parse_date(m.group("year") or m.group("year0"))
            break
    if "original_date" not in found:
        first = _FIRST_PUBLISHED.search(annotation)
        if first and _PART_OF_BOOK.search(_sentence_at(annotation, first.start())):
            first = None  # "The title essay was first published in 1936": not the book
        if first:
            found["original_date"] = parse_date(first.group(1))
    translated = _TRANSLATED.search(annotation)
    if translated and _OTHER_EDITION.search(_sentence_at(annotation, translated.start())):
        translated = None  # "Published in English as X, translated by Y": another edition
    if translated:
        names = parse_name_list(translated.group("names").strip())
        if names:
            found["translator"] = names
    return found
