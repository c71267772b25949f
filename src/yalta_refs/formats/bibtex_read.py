"""BibTeX and BibLaTeX input: one reader for both field sets.

The text is cut into top-level ``@type{...}`` blocks here (a brace-balanced
scan that tracks lines; a line starting a new entry ends a block whose braces
never closed), and each block is parsed alone by pybtex's BibTeX parser, so a
malformed entry becomes a :class:`FailedBlock` with its line and its
neighbours are still read. ``@string`` blocks are parsed first, in order, and
their macros (with pybtex's month macros) are given to every entry;
``@preamble`` and other ``@comment`` blocks are skipped, and the
``@comment`` blocks in which :mod:`yalta_refs.formats.bibtex` keeps failed
blocks become failed blocks again. A duplicate field keeps its first value, as
BibTeX does, with a warning on the reference.

The mapping is the inverse of :mod:`yalta_refs.formats.bibtex`:

* types: ``article`` (``entrysubtype`` magazine or newspaper), ``book`` and its
  BibLaTeX kin, ``incollection``/``inbook``, ``inproceedings``, ``phdthesis``,
  ``mastersthesis``, ``thesis``, ``techreport``, ``report``, ``online``; a
  ``misc`` with a URL is a web page, other unknown types are ``document``;
* names (``author``, ``editor``, ``translator``, ``bookauthor``) are split by
  pybtex: first and middle names are the given name, the von part the
  non-dropping particle, Jr the suffix; a name wholly in braces is literal;
* text is LaTeX decoded with latexcodec (``{\\'e}`` -> é, ``--`` -> –,
  ``\\&`` -> &) and case-protecting braces are dropped; URLs and DOIs stay raw;
* ``date``, ``origdate`` and ``urldate`` are ISO 8601 / EDTF (ranges, ``~``);
  an undated entry's ``pubstate`` (forthcoming, inpress) is its literal date;
* ``langid`` (babel's name) gives the language when there is no ``language``;
  ``year`` with a month macro is the BibTeX form; ``number`` is an article's
  issue, a report's number, else the series number when there is a series;
* the sentence the BibTeX writer adds to ``note`` for ``origdate`` /
  ``origtitle`` ("First published 2001.") is dropped again when those fields
  are present; ``annote`` and ``annotation`` are the annotation;
* ``provenance`` (written by our writer for catalog values) is read back;
* every other field (``keywords``, ``shorttitle``, ``file`` ...) is kept in
  ``extra`` for the round trip.
"""

from __future__ import annotations

import re
from typing import Any

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.database.input.bibtex import month_names
from pybtex.exceptions import PybtexError

from ..model import (
    Date,
    Diagnostic,
    FailedBlock,
    Library,
    Name,
    Provenance,
    Reference,
    SourceSpan,
)
from .bibtex import LANGIDS, langid
from .bibtex_syntax import Block, BlockParser, blocks, decode_latex, error_message, raw_value
from .ris_syntax import parse_edtf

__all__ = ["decode_latex", "read_bibtex"]

# ---------------------------------------------------------------- blocks


def _failed(block: Block, error: str, source: str | None) -> FailedBlock:
    return FailedBlock(block.text.strip(), error, SourceSpan(source, block.line, block.end_line))


def _macros(found: list[Block], source: str | None) -> tuple[dict[str, str], list[FailedBlock]]:
    """The ``@string`` macros (after the month names) and the string blocks that failed."""
    macros: dict[str, str] = dict(month_names)
    failed: list[FailedBlock] = []
    for block in found:
        if block.command != "string":
            continue
        parser = BlockParser(macros)
        try:
            parser.parse_string(block.text)
        except PybtexError as exc:
            failed.append(_failed(block, error_message(block, exc), source))
            continue
        macros = dict(parser.macros.items())
    return macros, failed


_OUR_COMMENT = re.compile(r"@comment\{yalta-refs could not read this block(?: at .*?)?: (.*)",
                          re.IGNORECASE)


def _our_failed_block(block: Block, source: str | None) -> FailedBlock | None:
    """A failed block the BibTeX writer kept as ``@comment``, or None."""
    match = _OUR_COMMENT.match(block.text)
    if match is None or not block.closed:
        return None
    text = block.text.partition("\n")[2].removesuffix("}").strip()
    return FailedBlock(text, match.group(1).strip(), SourceSpan(source, block.line, block.end_line))


# ---------------------------------------------------------------- fields


class _Fields:
    """The raw field values of one entry; each is taken at most once."""

    _RAW = frozenset(("url", "doi", "file", "eprint", "pdf", "urlraw"))

    def __init__(self, fields: dict[str, str]) -> None:
        self.raw = {name.lower(): value.strip() for name, value in fields.items()
                    if value.strip()}

    def take_raw(self, *names: str) -> str | None:
        """The first of ``names`` present, as written."""
        for name in names:
            if name in self.raw:
                return self.raw.pop(name)
        return None

    def text(self, *names: str) -> str | None:
        """The first of ``names`` present, as decoded text (None when empty)."""
        value = self.take_raw(*names)
        return (decode_latex(value) or None) if value is not None else None

    def rest(self) -> dict[str, str]:
        """The fields not taken, for ``extra`` (decoded, except URL-like ones)."""
        return {name: value if name in self._RAW else decode_latex(value)
                for name, value in self.raw.items()}


_TYPES = {
    **dict.fromkeys(("book", "mvbook", "collection", "mvcollection", "proceedings",
                     "mvproceedings", "booklet", "manual", "reference", "mvreference"), "book"),
    **dict.fromkeys(("incollection", "inbook", "bookinbook", "suppbook", "suppcollection"),
                    "chapter"),
    **dict.fromkeys(("online", "www", "electronic"), "webpage"),
    **dict.fromkeys(("thesis", "phdthesis", "mastersthesis"), "thesis"),
    **dict.fromkeys(("report", "techreport"), "report"),
    **dict.fromkeys(("inproceedings", "conference"), "paper-conference"),
    **dict.fromkeys(("video", "movie"), "motion_picture"),
    **dict.fromkeys(("audio", "music"), "song"),
    "article": "article-journal", "suppperiodical": "article-journal",
    "periodical": "periodical", "inreference": "entry-encyclopedia",
    "unpublished": "manuscript", "patent": "patent", "software": "software",
    "dataset": "dataset", "artwork": "graphic", "letter": "personal_communication",
    "review": "review", "standard": "standard", "legislation": "legislation",
    "jurisdiction": "legal_case",
}
_ARTICLES = ("article-journal", "article-magazine", "article-newspaper")
_URL_COMMAND = re.compile(r"\\url\{([^{}]*)\}")


def _ref_type(entry_type: str, fields: _Fields) -> str:
    how = fields.raw.get("howpublished", "")
    url = _URL_COMMAND.fullmatch(how)
    if url and "url" not in fields.raw:  # howpublished = {\url{...}}: the URL
        fields.raw["url"] = url.group(1)
        del fields.raw["howpublished"]
    if entry_type == "article":
        subtype = (fields.raw.get("entrysubtype") or "").lower()
        if subtype in ("magazine", "newspaper"):
            del fields.raw["entrysubtype"]
            return f"article-{subtype}"
    if entry_type == "misc":
        return "webpage" if "url" in fields.raw else "document"
    return _TYPES.get(entry_type, "document")


# ---------------------------------------------------------------- names


def _is_group(text: str) -> bool:
    """Whether ``text`` is one brace group from its first to its last character."""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    depth = 0
    for index, char in enumerate(text):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return index == len(text) - 1
    return False


def _part(parts: list[str]) -> str | None:
    return decode_latex(" ".join(parts)) or None


def _name(text: str) -> Name | None:
    text = text.strip()
    if _is_group(text):
        return Name(literal=decode_latex(text[1:-1])) if decode_latex(text) else None
    try:
        person = Person(text)
    except PybtexError:  # "Too many commas": keep the name whole
        return Name(literal=decode_latex(text)) if decode_latex(text) else None
    name = Name(family=_part(person.last_names),
                given=_part(person.first_names + person.middle_names),
                non_dropping_particle=_part(person.prelast_names),
                suffix=_part(person.lineage_names))
    return name if name != Name() else None


def _names(fields: _Fields, field_name: str, diagnostics: list[Diagnostic]) -> tuple[Name, ...]:
    value = fields.take_raw(field_name)
    if value is None:
        return ()
    parts = split_name_list(value)
    if parts and parts[-1].strip().lower() == "others":
        parts = parts[:-1]
        message = f"the {field_name} list ends with 'and others'"
        diagnostics.append(Diagnostic("et-al", message, field_name, "info"))
    return tuple(name for name in map(_name, parts) if name is not None)


# ---------------------------------------------------------------- dates

_YEAR = re.compile(r"(-?\d{1,4})")
_YEAR_RANGE = re.compile(r"(-?\d{1,4})\s*(?:-{1,3}|\u2013|\u2014|/)\s*(-?\d{1,4})")


def _month(text: str) -> int | None:
    text = text.strip().rstrip(".").lower()
    if text.isdigit():
        return int(text) if 1 <= int(text) <= 12 else None
    for number, name in enumerate(month_names.values(), start=1):
        if len(text) >= 3 and name.lower().startswith(text):
            return number
    return None


def _year(text: str) -> Date:
    if (match := _YEAR.fullmatch(text)) is not None:
        return Date(parts=((int(match.group(1)),),))
    if (match := _YEAR_RANGE.fullmatch(text)) is not None:
        return Date(parts=((int(match.group(1)),), (int(match.group(2)),)))
    return Date(literal=text)


def _year_month(fields: _Fields) -> Date | None:
    """BibTeX's ``year`` and ``month``; a month that fits no date stays in extra."""
    year, month_text = fields.text("year"), fields.text("month")
    date = _year(year) if year else None
    month = _month(month_text) if month_text else None
    if month_text and (date is None or len(date.parts) != 1 or month is None):
        fields.raw["month"] = month_text
    elif date is not None and month is not None:
        date = Date(parts=((date.parts[0][0], month),))
    return date


def _edtf(fields: _Fields, name: str) -> Date | None:
    """An ISO 8601 / EDTF date field (read raw: ``~`` marks circa, not a tie)."""
    value = fields.take_raw(name)
    value = raw_value(value).replace("{", "").replace("}", "") if value else None
    return parse_edtf(value) if value else None


def _issued(fields: _Fields) -> Date | None:
    """``date`` when it parses (``year`` and ``month`` then only repeat it), else
    ``year`` and ``month``, else ``date`` as a literal."""
    date = _edtf(fields, "date")
    if date is not None and date.parts:
        fields.take_raw("year")
        fields.take_raw("month")
        return date
    year_month = _year_month(fields)
    if date is not None and year_month is not None and date.literal:
        fields.raw["date"] = date.literal  # kept in extra
        return year_month
    if date is None and year_month is None and (state := _pubstate(fields)) is not None:
        return Date(literal=state)
    return year_month or date


#: BibLaTeX ``pubstate`` keys and their words, as a literal date of an undated work
_PUBSTATES = {"inpress": "in press", "inpreparation": "in preparation"}


def _pubstate(fields: _Fields) -> str | None:
    state = fields.text("pubstate")
    return _PUBSTATES.get(state.strip().lower(), state) if state else None


# ---------------------------------------------------------------- entries


def _people(fields: _Fields, out: dict[str, Any], diagnostics: list[Diagnostic]) -> None:
    for attr, name in (("author", "author"), ("editor", "editor"),
                       ("translator", "translator"), ("container_author", "bookauthor")):
        out[attr] = _names(fields, name, diagnostics)


def _titles(fields: _Fields, out: dict[str, Any]) -> None:
    title, subtitle = fields.text("title"), fields.text("subtitle")
    out["title"] = f"{title}: {subtitle}" if title and subtitle else title or subtitle
    out["original_title"] = fields.text("origtitle")
    out["collection_title"] = fields.text("series")
    out["container_title"] = fields.text("journaltitle", "journal", "booktitle")
    if out["type"] == "webpage" and not out["container_title"]:
        out["container_title"] = fields.text("organization", "howpublished")
    out["medium"] = fields.text("howpublished")


def _numbers(fields: _Fields, out: dict[str, Any]) -> None:
    kind = out["type"]
    if kind in _ARTICLES:
        out["issue"] = fields.text("number", "issue")
    elif kind == "report" or out["collection_title"] is None:
        out["number"] = fields.text("number")
    else:
        out["collection_number"] = fields.text("number")
    for attr, name in (("edition", "edition"), ("volume", "volume"),
                       ("number_of_volumes", "volumes"), ("number_of_pages", "pagetotal")):
        out[attr] = fields.text(name)
    pages = fields.take_raw("pages")
    out["page"] = decode_latex(re.sub(r"\s*-{1,3}\s*", "-", pages)) or None if pages else None


def _publication(fields: _Fields, out: dict[str, Any], entry_type: str) -> None:
    out["publisher"] = fields.text("publisher", "school", "institution", "organization")
    out["publisher_place"] = fields.text("address", "location")
    genre = fields.text("type")
    if out["type"] in ("thesis", "report") and genre in ("phdthesis", "techreport"):
        genre = None  # the BibLaTeX writer's default for a thesis or report
    if genre == "mathesis" or (genre is None and entry_type == "mastersthesis"):
        genre = "Master's thesis"
    out["genre"] = genre
    out["issued"] = _issued(fields)
    out["original_date"] = _edtf(fields, "origdate")
    out["accessed"] = _edtf(fields, "urldate")
    for attr, name in (("ISBN", "isbn"), ("ISSN", "issn"), ("language", "language"),
                       ("abstract", "abstract")):
        out[attr] = fields.text(name)
    _langid(fields, out)
    for attr, name in (("URL", "url"), ("DOI", "doi")):
        value = fields.take_raw(name)
        out[attr] = raw_value(value) or None if value else None


_LANGUAGES = {name: code for code, name in reversed(LANGIDS.items())}


def _langid(fields: _Fields, out: dict[str, Any]) -> None:
    """``langid`` is the language when there is no ``language``; it is dropped when it
    only repeats the language (as the BibLaTeX writer adds it), else kept in extra."""
    name = fields.raw.get("langid", "").strip().lower()
    if not name:
        return
    if out["language"] is None and name in _LANGUAGES:
        out["language"] = _LANGUAGES[name]
    if langid(out["language"]) == name:
        del fields.raw["langid"]


def _sentence(text: str) -> str:
    return text if text[-1:] in (".", "!", "?") else text + "."


def _note(fields: _Fields, out: dict[str, Any]) -> None:
    """The note, without the sentence the BibTeX writer adds for origdate/origtitle."""
    note = fields.text("note")
    out["annotation"] = fields.text("annote", "annotation")
    date: Date | None = out["original_date"]
    title: str | None = out["original_title"]
    year = str(date.year or date) if date else ""
    if title:
        sentence = _sentence(f"Originally published as {title}" + (f" ({year})" if year else ""))
    else:
        sentence = _sentence(f"First published {year}") if year else ""
    if note and sentence:
        pattern = rf"(?:^|(?<=\s)){re.escape(sentence)}(?=\s|$)"
        note = " ".join(re.sub(pattern, "", note, count=1).split()) or None
    out["note"] = note


def _reference(entry_type: str, key: str, raw: dict[str, str], warnings: list[str]) -> Reference:
    fields = _Fields(raw)
    diagnostics = [Diagnostic("duplicate-field", warning) for warning in warnings]
    out: dict[str, Any] = {"id": key, "type": _ref_type(entry_type, fields)}
    _people(fields, out, diagnostics)
    _titles(fields, out)
    _numbers(fields, out)
    _publication(fields, out, entry_type)
    _note(fields, out)
    kept = {name: value for name, value in out.items() if value not in (None, "", ())}
    provenance = _provenance(fields)
    return Reference(**kept, diagnostics=tuple(diagnostics), extra=fields.rest(),
                     provenance=provenance)


_PROVENANCE = re.compile(r"([\w-]+): ([\w.-]+)(?: (?!score )(\S+))?(?: score ([0-9.]+))?")


def _provenance(fields: _Fields) -> dict[str, Provenance]:
    """The ``provenance`` field our writer adds; kept in extra when it does not parse."""
    text = fields.raw.get("provenance")
    if text is None:
        return {}
    out: dict[str, Provenance] = {}
    for part in raw_value(text).split("; "):
        match = _PROVENANCE.fullmatch(part.strip())
        if match is None:
            return {}
        name, source, record, score = match.groups()
        record = record.replace("%20", " ").replace("%3B", ";") if record else None
        out[name] = Provenance(source, record, float(score) if score else None)
    del fields.raw["provenance"]
    return out


def _read_entry(block: Block, macros: dict[str, str], source: str | None
                ) -> Reference | FailedBlock:
    if not block.closed:
        return _failed(block, f"@{block.command}: the entry is not closed (unbalanced braces)",
                       source)
    parser = BlockParser(macros)
    try:
        data = parser.parse_string(block.text)
        key, entry = next(iter(data.entries.items()))
        ref = _reference(entry.type.lower(), key, dict(entry.fields.items()), parser.warnings)
    except (PybtexError, ValueError, StopIteration) as exc:
        return _failed(block, error_message(block, exc), source)
    return ref.with_fields(span=SourceSpan(source, block.line, block.end_line))


def read_bibtex(text: str, *, source: str | None = None) -> Library:
    """A :class:`Library` from BibTeX or BibLaTeX text; citation keys are kept.

    An entry that cannot be read becomes a :class:`FailedBlock` with its line
    (``source`` names the file in spans); the others are still read.
    """
    found = list(blocks(text.removeprefix("\ufeff")))
    macros, failed = _macros(found, source)
    refs: list[Reference] = []
    for block in found:
        if block.command in ("string", "preamble"):
            continue
        if block.command == "comment":
            kept = _our_failed_block(block, source)
            failed.extend([kept] if kept else [])
            continue
        result = _read_entry(block, macros, source)
        if isinstance(result, FailedBlock):
            failed.append(result)
        else:
            refs.append(result)
    failed.sort(key=lambda block: block.span.line if block.span else 0)
    return Library(tuple(refs), (), tuple(failed))
