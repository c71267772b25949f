"""The RIS syntax, vocabulary and value codecs shared by :mod:`yalta_refs.formats.ris` (which
documents the decisions) and the BibLaTeX reader (EDTF dates).

Types, the ``N1`` guard, dates (RIS ``YYYY/MM/DD/`` and ISO 8601 / EDTF), names
(``Family, Given, Suffix`` and Zotero's Extra ``Family || Given``), and the scanner
that cuts RIS text into records.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Date, Name

__all__ = [
    "ARTICLES",
    "BINARY",
    "GUARD",
    "KEY_VALUE",
    "MONTHS",
    "NOTE_PREFIX",
    "TAG_LINE",
    "TY_IN",
    "TY_OUT",
    "Record",
    "Tags",
    "date_to_ris",
    "extra_name",
    "fold",
    "format_edtf",
    "name_from_ris",
    "name_to_ris",
    "needs_guard",
    "note_from_ris",
    "note_to_ris",
    "parse_edtf",
    "records",
    "ris_date",
    "to_ascii",
]

# CSL type <-> TY; the first TY of a type is the one written.
_TYPE_PAIRS = (
    "book BOOK, chapter CHAP, article-journal JOUR, article-magazine MGZN, "
    "article-newspaper NEWS, webpage ELEC, thesis THES, report RPRT, paper-conference CONF, "
    "entry-encyclopedia ENCYC, entry-dictionary DICT, document GEN, manuscript MANSCPT, "
    "motion_picture MPCT, song SOUND, graphic ART, map MAP, patent PAT, legal_case CASE, "
    "bill BILL, legislation STAT, hearing HEAR, personal_communication PCOMM, software COMP, "
    "dataset DATA, post-weblog BLOG, speech SLIDE, webpage WEB, book EBOOK, book EDBOOK, "
    "book CLSWK, book SER, chapter ECHAP, article-journal EJOUR, article-journal JFULL, "
    "article-journal ABST, paper-conference CPAPER, report GOVDOC, report STAND, dataset DBASE, "
    "manuscript UNPD, manuscript INPR, manuscript PAMP, motion_picture VIDEO, "
    "motion_picture ADVS, song MUSIC, personal_communication ICOMM, graphic FIGURE, graphic CHART"
)
_PAIRS = [tuple(pair.split()) for pair in _TYPE_PAIRS.split(", ")]
TY_IN = {ty: csl for csl, ty in _PAIRS}
TY_OUT: dict[str, str] = {}
for _csl, _ty in _PAIRS:
    TY_OUT.setdefault(_csl, _ty)

ARTICLES = ("article-journal", "article-magazine", "article-newspaper")
TAG_LINE = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: (.*))?")
KEY_VALUE = re.compile(r"([^:\n]+?): ?(.*)")
_RIS_DATE = re.compile(r"(-?\d{1,4})(?:[/-](\d{0,2})(?:[/-](\d{0,2})(?:[/ ].*)?)?)?")
_EDTF_PART = re.compile(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?([~?%]*)")
BINARY = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_HTMLISH = re.compile(r"<[^>]+>|&#?\w+;")
MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}

# ---------------------------------------------------------------- N1 guard

#: Labels RIS.js's ProCite cleaner acts on when they precede a colon in an N1.
_PROCITE_LABELS = frozenset((
    "Author, Subsidiary", "Author, Monographic", "Artist Role", "Series Editor Role",
    "Cartographer Role", "Composer Role", "Producer Role", "Director Role", "Performer Role",
    "Author Role", "Record ID", "Record Number", "Notes", "Connective Phrase", "Extent of Work",
    "Packaging Method", "Call Number", "Edition", "ISBN", "Language", "Publisher Name",
    "Series Title", "Proceedings Title", "Volume ID", "Issue ID", "Issue Identification",
    "Series Volume ID", "Scale", "Place of Publication", "Histroy", "Size",
))
_PROCITE_RUN = re.compile(r"[A-Za-z,\s]+(?=:)")
_LEADING_LABEL = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){0,2}:")
GUARD = "Annotation: "
NOTE_PREFIX = "Note: "


def needs_guard(text: str, title: str | None) -> bool:
    """Whether an annotation written as ``text`` needs the :data:`GUARD` prefix."""
    run = _PROCITE_RUN.search(text)
    return (
        _LEADING_LABEL.match(text) is not None
        or (run is not None and run.group() in _PROCITE_LABELS)
        or text == fold(title)
    )


def note_to_ris(text: str) -> str:
    """Text as an ``N1`` value: as is, or as escaped HTML when RIS.js would read it as HTML."""
    return f"<p>{html.escape(text, quote=False)}</p>" if _HTMLISH.search(text) else text


def note_from_ris(text: str) -> str:
    """An ``N1`` value as text; HTML (Zotero exports notes as HTML) is turned into text."""
    if not re.search(r"<[^>]+>", text):
        return text
    text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text, flags=re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


# ---------------------------------------------------------------- values


def fold(text: str | None) -> str:
    """``text`` on one line: whitespace runs collapsed, control characters dropped."""
    return " ".join(BINARY.sub("", text or "").split())


_ASCII_PUNCT = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "--",
    "\u2026": "...", "\u00a0": " ", "\u00df": "ss", "\u00e6": "ae", "\u00c6": "AE",
    "\u0153": "oe", "\u0152": "OE", "\u00f8": "o", "\u00d8": "O", "\u0142": "l", "\u0141": "L",
})


def to_ascii(text: str) -> str:
    """``text`` transliterated to ASCII ("Öztürk" -> "Ozturk"); "?" where nothing fits."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_PUNCT))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch if ch.isascii() else "?" for ch in kept)


def format_edtf(date: Date) -> str:
    """``date`` as ISO 8601 / EDTF text: ``1990-03/1995``, ``1977~``; a literal as is."""
    if not date.parts:
        return date.literal or ""
    mark = "~" if date.circa else ""
    return "/".join(str(Date(parts=(part,))) + mark for part in date.parts)


def parse_edtf(text: str) -> Date:
    """ISO 8601 / EDTF dates and ranges (``2004-03-01``, ``1990/1995``, ``1977~``);
    anything else becomes a literal date."""
    parts: list[tuple[int, ...]] = []
    circa = False
    for piece in text.strip().split("/")[:2]:
        match = _EDTF_PART.fullmatch(piece.strip())
        if match is None or not _valid(match.group(2), match.group(3)):
            return Date(literal=text.strip())
        parts.append(tuple(int(g) for g in match.groups()[:3] if g is not None))
        circa = circa or bool(set(match.group(4)) & {"~", "%"})
    return Date(parts=tuple(parts), circa=circa)


def _valid(month: str | None, day: str | None) -> bool:
    return (month is None or 1 <= int(month) <= 12) and (day is None or 1 <= int(day) <= 31)


def ris_date(text: str) -> Date | None:
    """A RIS date (``YYYY/MM/DD/other``, parts optional, zeros for unknown)."""
    match = _RIS_DATE.fullmatch(text.strip())
    if match is None:
        return None
    parts = [int(match.group(1))]
    for group, top in ((match.group(2), 12), (match.group(3), 31)):
        if not group or not 1 <= int(group) <= top:
            break
        parts.append(int(group))
    return Date(parts=(tuple(parts),))


def date_to_ris(date: Date) -> tuple[str, str]:
    """(year, full RIS date or "") of ``date``; a literal is the year text."""
    if not date.parts:
        return date.literal or "", ""
    first = date.parts[0]
    year = f"{first[0]:04d}" if first[0] >= 0 else str(first[0])
    if len(first) < 2:
        return year, ""
    day = f"{first[2]:02d}" if len(first) > 2 else ""
    return year, f"{year}/{first[1]:02d}/{day}/"


# ---------------------------------------------------------------- names


def name_to_ris(name: Name) -> str:
    """``Family, Given[, Suffix]`` with particles; a literal as is; ``Family,`` alone."""
    if name.literal is not None:
        return fold(name.literal)
    family = " ".join(p for p in (name.non_dropping_particle, name.family) if p)
    given = " ".join(p for p in (name.given, name.dropping_particle) if p)
    if name.suffix:
        return fold(f"{family}, {given}, {name.suffix}")
    return fold(f"{family}, {given}") if given else fold(family) + ","


def _split_particle(words: list[str], leading: bool) -> tuple[str | None, str | None]:
    """(particle, rest): lowercase words at the start (or end) of ``words``."""
    order = words if leading else words[::-1]
    count = 0
    while count < len(order) - 1 and order[count][:1].islower():
        count += 1
    particle, rest = order[:count], order[count:]
    if not leading:
        particle, rest = particle[::-1], rest[::-1]
    return " ".join(particle) or None, " ".join(rest) or None


def name_from_ris(text: str) -> Name | None:
    """The inverse of :func:`name_to_ris` (lowercase words around the family
    name are particles); a name without a comma is literal."""
    text = re.sub(r"\s*\|\|\s*", ", ", text).strip()  # Zotero Extra: "Family || Given"
    if "," not in text:
        return Name(literal=text) if text else None
    family_part, _, rest = text.partition(",")
    given_part, _, suffix = rest.partition(",")
    particle, family = _split_particle(family_part.split(), leading=True)
    given, dropping = _split_particle(given_part.split(), leading=False)[::-1]
    if not (family or given or particle):
        return None
    return Name(family=family, given=given, non_dropping_particle=particle,
                dropping_particle=dropping, suffix=suffix.strip() or None)


def extra_name(name: Name) -> str:
    """A name as Zotero's Extra field spells one: ``Family || Given``."""
    if name.literal is not None:
        return fold(name.literal)
    family, _, given = name_to_ris(name).partition(",")
    return fold(f"{family} || {given}")


# ---------------------------------------------------------------- records


@dataclass
class Record:
    """One record's lines and ``[tag, value]`` pairs; ``error`` when it is malformed."""

    line: int
    end_line: int
    lines: list[str] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)
    error: str | None = None


#: Tags whose continuation lines start a new line (notes, abstracts, one keyword a line).
_LINE_TAGS = frozenset(("N1", "N2", "AB", "KW"))


def _continue(record: Record, number: int, raw: str) -> None:
    """A line that is no tag line continues the previous tag's value."""
    record.lines.append(raw)
    text = raw.strip()
    if not text:
        return
    last = record.tags[-1]
    separator = "\n" if last[0] in _LINE_TAGS else " "
    last[1] = f"{last[1]}{separator}{text}" if last[1] else text
    record.end_line = number


def _start(number: int, tag: str, previous: tuple[int, str] | None) -> Record:
    """A record starting at a tag line; without TY it is malformed and includes
    the non-tag line just before it (a broken ``TY`` line, say)."""
    if tag == "TY":
        return Record(number, number)
    if previous is None:
        return Record(number, number, error="the record does not begin with TY")
    return Record(previous[0], number, [previous[1]], error="the record does not begin with TY")


def records(text: str) -> Iterator[Record]:
    """The records of ``text``, in order, with their lines."""
    record: Record | None = None
    previous: tuple[int, str] | None = None  # the last non-tag line outside a record
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff")), 1):
        match = TAG_LINE.fullmatch(raw.rstrip())
        if match is None:
            if record is not None:
                _continue(record, number, raw)
            elif raw.strip():
                previous = (number, raw)
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if record is not None and tag in ("TY", "ER"):
            if tag == "ER":
                record.lines.append(raw)
                record.end_line = number
            yield record
            record = None
        if tag != "ER":
            if record is None:
                near = previous if previous and previous[0] == number - 1 else None
                record = _start(number, tag, near)
            record.tags.append([tag, value])
            record.lines.append(raw)
            record.end_line = number
        previous = None
    if record is not None:
        yield record


class Tags:
    """The non-empty values of one record by tag; taken values are removed."""

    def __init__(self, tags: Iterable[list[str]]) -> None:
        self.values: dict[str, list[str]] = {}
        for tag, value in tags:
            if value:
                self.values.setdefault(tag, []).append(value)

    def take(self, *tags: str) -> str | None:
        """The first value of the first of ``tags`` present."""
        for tag in tags:
            if self.values.get(tag):
                return self.values[tag].pop(0)
        return None

    def take_all(self, *tags: str) -> list[str]:
        """Every value of ``tags``, in the order of ``tags``."""
        return [value for tag in tags for value in self.values.pop(tag, [])]
