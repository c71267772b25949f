"""Guess the format of an input from its file name and its content.

:func:`detect_format` answers one of ``"bibtex"``, ``"biblatex"``, ``"ris"``,
``"csl-json"`` or ``"text"`` (a damaged reading list, for the cleaner) and
never raises. The extension decides first (``.bib``: BibTeX or BibLaTeX by
content; ``.ris``; ``.json``); otherwise the content does:

* a JSON array or object whose items carry CSL keys (``type``, ``title``,
  ``author``, ``issued`` ...) is CSL-JSON; a document that only looks like one
  (``[{"...``) but does not parse is CSL-JSON too, so its reader reports where;
* a line ``TY  - XXXX`` (as Zotero's RIS.js detects: one or two spaces) is RIS;
* a line starting ``@type{`` or ``@type(`` is BibTeX;
* whichever of RIS or BibTeX starts first wins; anything else is text.

BibTeX is BibLaTeX when it uses what only BibLaTeX has: ``journaltitle``,
``location``, ``entrysubtype`` and similar fields, or ``@online``, ``@thesis``,
``@report`` and the other BibLaTeX entry types; ``date`` and ``origdate``
count only in a file with no ``year`` field (the BibTeX writer adds ``date``
next to ``year`` for full dates and ranges).
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

__all__ = ["detect_format"]

_CSL_KEYS = frozenset((
    "type", "title", "author", "editor", "issued", "container-title", "publisher", "DOI",
    "URL", "ISBN", "page", "volume", "citation-key",
))
_LOOKS_JSON = re.compile(r'\s*(?:\[\s*)?\{\s*"')
_RIS_LINE = re.compile(r"^[ \t]*TY {1,2}- ?\S", re.MULTILINE)
_BIB_LINE = re.compile(r"^[ \t]*@[ \t]*[A-Za-z]\w*[ \t]*[{(]", re.MULTILINE)
_BIBLATEX_FIELDS = re.compile(
    r"[\s,{(](?:journaltitle|location|entrysubtype|langid|eventdate|eventtitle|maintitle|"
    r"booksubtitle|journalsubtitle|origlocation|origpublisher|shortjournal|bookpagination|"
    r"pagination|editora|editortype|annotator|commentator|introduction|afterword|"
    r"foreword|usera|userb|execute)\s*=",
    re.IGNORECASE,
)
_BIBLATEX_TYPES = re.compile(
    r"^[ \t]*@[ \t]*(?:online|thesis|report|mvbook|mvcollection|mvproceedings|mvreference|"
    r"bookinbook|suppbook|suppcollection|suppperiodical|collection|reference|inreference|"
    r"dataset|software|patent|periodical|set|xdata|artwork|audio|video|image|jurisdiction|"
    r"legislation|legal|letter|movie|music|performance|review|standard)[ \t]*[{(]",
    re.IGNORECASE | re.MULTILINE,
)
_WEAK_FIELDS = re.compile(r"[\s,{(](?:date|origdate|urldate)\s*=", re.IGNORECASE)
_YEAR_FIELD = re.compile(r"[\s,{(]year\s*=", re.IGNORECASE)


def _bib_dialect(text: str) -> str:
    if _BIBLATEX_FIELDS.search(text) or _BIBLATEX_TYPES.search(text):
        return "biblatex"
    if _WEAK_FIELDS.search(text) and not _YEAR_FIELD.search(text):
        return "biblatex"
    return "bibtex"


def _csl_like(data: Any) -> bool:
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    items = data if isinstance(data, list) else [data]
    objects = [item for item in items if isinstance(item, dict)]
    if not objects:
        return isinstance(data, list) and not data  # "[]": an empty CSL-JSON file
    return any(_CSL_KEYS & set(item) for item in objects)


def _is_csl_json(text: str) -> bool:
    stripped = text.lstrip()
    if not stripped.startswith(("[", "{")):
        return False
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return _LOOKS_JSON.match(stripped) is not None and '"type"' in stripped
    return _csl_like(data)


def _from_content(text: str) -> str:
    if _is_csl_json(text):
        return "csl-json"
    ris = _RIS_LINE.search(text)
    bib = _BIB_LINE.search(text)
    if ris and (bib is None or ris.start() < bib.start()):
        return "ris"
    if bib:
        return _bib_dialect(text)
    return "text"


def detect_format(text: str, filename: str | None = None) -> str:
    """The format of ``text`` ("bibtex", "biblatex", "ris", "csl-json" or "text"),
    from ``filename``'s extension when it names one, else from the content."""
    text = text.removeprefix("\ufeff")
    try:
        suffix = PurePath(filename).suffix.lower() if filename else ""
    except (TypeError, ValueError):
        suffix = ""
    if suffix in (".bib", ".bibtex", ".biblatex", ".bibtxt"):
        return _bib_dialect(text)
    if suffix == ".ris":
        return "ris"
    if suffix in (".json", ".csljson"):
        return "csl-json"
    return _from_content(text)
