"""BibTeX and BibLaTeX output.

The text is written here rather than by pybtex's ``Writer``: that writer runs
every field, ``url`` and ``doi`` included, through the ``latex`` codec (so
``a_b%20`` in a URL becomes ``a\\_b\\%20``), leaves ``{ } $ ^ \\`` unescaped,
writes no ``@comment`` blocks and puts all names before all fields. pybtex's
:class:`~pybtex.database.Person` still splits the name parts, and latexcodec
(pybtex's own dependency) turns non-ASCII characters into LaTeX for ``ascii``.

Decisions, with the importer code they rest on:

* ``annote`` carries the annotation in both dialects: biber maps it to
  ``annotation``; Zotero's BibTeX.js (zotero/translators) and Better BibTeX's
  importer (translators/bibtex/bibtex.ts, ``$annote``) import it as a child note.
* ``translator`` is written in both: BibTeX.js parses ``author``, ``editor``
  and ``translator`` alike into creators of that type; Better BibTeX too.
* ``origdate`` / ``origtitle`` are written in both. Zotero's stock BibTeX.js
  ignores them, but Better BibTeX imports them into Extra as
  ``Original Date:`` / ``Original title:`` (which Zotero's citeproc reads),
  and BibTeX styles ignore unknown fields. Because neither stock Zotero nor a
  BibTeX style would otherwise keep them, the BibTeX dialect also says it in
  ``note`` ("Originally published as Victims of Yalta (1977)."): BibTeX.js
  imports ``note`` as a note, and styles print it.
* ``urldate`` (ISO) for the access date and ``pagetotal`` for the number of
  pages: BibTeX.js reads both; ``bookauthor``: Better BibTeX reads it.
* BibTeX gets ``year`` and ``month`` (a month macro), plus an ISO ``date``
  when there is a day or a range (BibTeX.js prefers ``date`` when present).
  BibLaTeX gets only ``date`` (EDTF ``~`` for circa).
* What has no field of its own goes into ``note`` with a label, never away.
* ``provenance`` lists the fields a catalog filled (source, record, score);
  stock Zotero ignores unknown fields, Better BibTeX keeps it in Extra.
* BibLaTeX follows biber's data model, so ``biber --validate-datamodel`` has
  nothing to say: editors without an author make a ``@collection``, a chapter
  of an authored book is an ``@inbook``, "forthcoming" is ``pubstate``, and a
  field the entry type lacks (a newspaper's edition, a report's editor) or a
  volume that is no integer is worded in the note ("Edition: Late ed.");
  ``langid`` (babel's name for the language) is added for hyphenation.

Titles, booktitles, series and original titles protect all-caps words and
words with internal capitals (``{USSR}``, ``{iPhone}``) against styles that
lowercase titles; ordinary capitalised words are left alone.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import unquote

import latexcodec  # noqa: F401  (registers the "ulatex+ascii" codec)
from pybtex.database import Person

from .. import __version__
from ..model import (
    CSL_FIELDS,
    CSL_NAME_FIELDS,
    Date,
    FailedBlock,
    Library,
    Name,
    Provenance,
    Reference,
)
from ..normalize import bare_doi
from .keys import assign_keys

__all__ = ["format_name", "format_provenance", "latex_escape", "noted_fields", "protect_case",
           "write_biblatex", "write_bibtex"]

_SPECIALS = {
    "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
    "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MASTERS = re.compile(r"master|magist|\bm\.?\s?(a|sc|s|phil|litt)\b", re.IGNORECASE)
_PAGE_RANGE = re.compile(r"(?<=\w)\s*[-\u2010-\u2015\u2212]+\s*(?=\w)")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_EDGES = re.compile(r"([^\w&]*)(.*?)([^\w&]*)", re.DOTALL)
_ARTICLES = ("article", "article-journal", "article-magazine", "article-newspaper", "review")

_BIBTEX_TYPES = {
    "book": "book", "chapter": "incollection", "article-journal": "article",
    "article-magazine": "article", "article-newspaper": "article", "webpage": "misc",
    "report": "techreport", "paper-conference": "inproceedings",
}
_BIBLATEX_TYPES = {**_BIBTEX_TYPES, "webpage": "online", "thesis": "thesis", "report": "report"}

#: babel / polyglossia language names for BibLaTeX's ``langid`` (biblatex picks
#: hyphenation and title-casing rules by it), by ISO 639-1 code or BCP 47 tag
LANGIDS = {
    "en": "english", "en-us": "american", "en-gb": "british", "de": "ngerman",
    "de-at": "naustrian", "de-ch": "nswissgerman", "fr": "french", "ru": "russian",
    "pl": "polish", "it": "italian", "es": "spanish", "pt": "portuguese",
    "pt-br": "brazilian", "nl": "dutch", "sv": "swedish", "da": "danish", "nb": "norsk",
    "nn": "nynorsk", "no": "norsk", "fi": "finnish", "cs": "czech", "sk": "slovak",
    "uk": "ukrainian", "be": "belarusian", "bg": "bulgarian", "sr": "serbian",
    "hr": "croatian", "sl": "slovene", "hu": "magyar", "ro": "romanian", "el": "greek",
    "tr": "turkish", "la": "latin", "ca": "catalan", "eu": "basque", "gl": "galician",
    "et": "estonian", "lv": "latvian", "lt": "lithuanian", "is": "icelandic", "ga": "irish",
    "cy": "welsh", "he": "hebrew", "ar": "arabic", "ja": "japanese", "ko": "korean",
    "zh": "chinese", "hi": "hindi", "id": "indonesian", "vi": "vietnamese",
}


_LANGID_NAMES = frozenset(LANGIDS.values())


def langid(language: str | None) -> str | None:
    """The ``langid`` for a language code or English name ("en-GB" -> british,
    "fr" -> french, "French" -> french); None when unknown."""
    if not language:
        return None
    tag = language.strip().lower().replace("_", "-")
    found = LANGIDS.get(tag) or LANGIDS.get(tag.split("-")[0])
    return found or (tag if tag in _LANGID_NAMES else None)


#: BibLaTeX ``pubstate`` keys for literal dates ("forthcoming" is no year)
PUBSTATES = {"forthcoming": "forthcoming", "in press": "inpress", "submitted": "submitted",
             "in preparation": "inpreparation", "prepublished": "prepublished"}

#: The fields of biber's default data model (biber-tool.conf, biblatex 3.x) for
#: the entry types we write, limited to the fields this writer produces; the
#: fields valid for every type (date, url, doi, abstract, annote, origtitle …)
#: are always allowed. A field the entry type lacks is worded in the note.
_BOOKISH = frozenset((
    "author", "editor", "translator", "title", "edition", "volume", "volumes", "series",
    "number", "pages", "publisher", "location", "isbn", "language", "note"))
_BIBLATEX_FIELDS: dict[str, frozenset[str]] = {
    "article": frozenset(("author", "editor", "translator", "title", "journaltitle", "volume",
                          "number", "pages", "issn", "language", "note", "series", "pubstate")),
    "book": _BOOKISH | {"pagetotal"},
    "collection": _BOOKISH - {"author"} | {"pagetotal"},
    "inbook": _BOOKISH | {"booktitle", "bookauthor"},
    "incollection": _BOOKISH | {"booktitle"},
    "inproceedings": _BOOKISH - {"translator", "edition"} | {"booktitle", "organization"},
    "online": frozenset(("author", "editor", "title", "language", "note", "organization")),
    "report": frozenset(("author", "title", "type", "institution", "language", "location",
                         "number", "pages", "pagetotal", "note")),
    "thesis": frozenset(("author", "title", "type", "institution", "language", "location",
                         "pages", "pagetotal", "note")),
    "misc": frozenset(("author", "editor", "title", "howpublished", "language", "location",
                       "organization", "type", "note")),
}
def _resolves_doi(url: str | None, doi: str | None) -> bool:
    """Whether ``url`` is only the doi.org link of ``doi`` (the doi field already
    makes that link in every BibLaTeX style, so the url field would print it twice)."""
    if not url or not doi or not re.match(r"https?://", url.strip(), re.I):
        return False
    link = unquote(url.strip())
    bare = bare_doi(link)
    return bare != link and bare.rstrip("/").lower() == doi.lower()


_ANY_TYPE = frozenset(("date", "year", "month", "origdate", "urldate", "origtitle", "url", "doi",
                       "abstract", "annote", "entrysubtype", "pubstate", "langid"))
_NOTE_LABELS = {"publisher-place": "Place", "collection-title": "Series", "genre": "Type",
                "number-of-pages": "Number of pages", "number-of-volumes": "Volumes",
                "container-title": "In", "page": "Pages", "ISBN": "ISBN", "ISSN": "ISSN"}
_NAME_LABELS = {"editor": "Edited by", "translator": "Translated by",
                "container-author": "Book by", "author": "By"}

# ---------------------------------------------------------------- LaTeX text


def _ascii_char(char: str) -> str:
    try:
        encoded: object = codecs.encode(char, "ulatex+ascii")  # typeshed says bytes; it is str
    except ValueError:
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        return base or f'{{\\symbol{{"{ord(char):04X}}}}}'
    out = encoded if isinstance(encoded, str) else str(encoded)
    return f"{{{out.strip()}}}" if out.startswith(("\\", "$")) else out


def latex_escape(text: str, *, ascii: bool = False) -> str:
    """``text`` with LaTeX specials escaped (braces stay balanced); with
    ``ascii`` every non-ASCII character becomes LaTeX ("é" -> ``{\\'e}``)."""
    text = unicodedata.normalize("NFC", text)
    out = "".join(_latex_char(char, ascii) for char in text)
    if _balanced_braces(text):
        # "\{" and "\}" read everywhere (pandoc drops \textbraceleft{}), but BibTeX
        # counts them when it matches braces, so only balanced ones may use them
        out = out.replace(_SPECIALS["{"], "\\{").replace(_SPECIALS["}"], "\\}")
    return out


def _balanced_braces(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _latex_char(char: str, ascii: bool) -> str:
    if char in _SPECIALS:
        return _SPECIALS[char]
    if char in "\r\n\t":
        return " "
    return _ascii_char(char) if ascii and not char.isascii() else char


def _needs_protection(word: str) -> bool:
    upper = sum(1 for ch in word if ch.isupper())
    internal = any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
    return upper >= 2 or internal


def protect_case(text: str, *, ascii: bool = False) -> str:
    """Escape ``text`` and brace acronyms and words with internal capitals."""
    out = []
    for token in re.split(r"(\s+|[-/\u2010-\u2014])", text):
        match = _EDGES.fullmatch(token)
        assert match is not None  # every part of the pattern is optional
        lead, core, trail = match.groups()
        core = latex_escape(core, ascii=ascii)
        core = f"{{{core}}}" if _needs_protection(match.group(2)) else core
        out.append(latex_escape(lead, ascii=ascii) + core + latex_escape(trail, ascii=ascii))
    return "".join(out)


def _raw(text: str, ascii: bool) -> str:
    """URLs, DOIs, ISO dates stay raw; only braces (and non-ASCII with ``ascii``) are %-encoded."""
    text = text.replace("{", "%7B").replace("}", "%7D").replace("\n", "")
    if not ascii:
        return text
    return "".join(ch if ch.isascii() else "".join(f"%{b:02X}" for b in ch.encode()) for ch in text)


# ---------------------------------------------------------------- names


def _brace_if(text: str, needed: bool) -> str:
    return f"{{{text}}}" if needed and text else text


def _name_part(text: str | None, ascii: bool) -> str:
    value = latex_escape(text or "", ascii=ascii)
    return _brace_if(value, "," in value or re.search(r"\sand\s", value, re.I) is not None)


def format_name(name: Name, *, ascii: bool = False) -> str:
    """One name as BibTeX reads it back: "van Gogh, Vincent", "{United Nations}"."""
    if name.literal is not None or not name.family:
        literal = name.literal if name.literal is not None else (name.given or "")
        return f"{{{latex_escape(literal, ascii=ascii)}}}"
    family = _name_part(name.family, ascii)
    if not (name.given or name.suffix) and " " in family:
        family = _brace_if(family, not family.startswith("{"))
    particles = " ".join(p for p in (name.dropping_particle, name.non_dropping_particle) if p)
    person = Person(
        first=_name_part(name.given, ascii),
        prelast=_name_part(particles, ascii),
        last=family,
        lineage=_name_part(name.suffix, ascii),
    )
    von_last = " ".join(person.prelast_names + person.last_names)
    first = person.get_part_as_text("first")
    if person.lineage_names:
        return f"{von_last}, {person.get_part_as_text('lineage')}, {first}".rstrip()
    return f"{von_last}, {first}" if first else von_last


# ---------------------------------------------------------------- entries


@dataclass
class _Entry:
    """The fields of one entry being built, in insertion order."""

    ascii: bool
    fields: dict[str, str] = field(default_factory=dict)
    macros: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)
    #: field -> (CSL name, plain value): what each written field holds, so a
    #: field the entry type lacks can be worded in the note instead
    plain: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: CSL names of values that went to the note rather than a field
    noted: set[str] = field(default_factory=set)

    def put(self, name: str, value: str | None, *, label: str = "", kind: str = "text",
            csl: str = "") -> None:
        """Add a field; a field already taken sends ``value`` to the note instead."""
        if not value:
            return
        if name in self.fields:
            self.note(f"{label or name.capitalize()}: {value}")
            self.noted.add(csl)
            return
        self.plain[name] = (csl, value)
        if kind == "title":
            self.fields[name] = protect_case(value, ascii=self.ascii)
        elif kind == "raw":
            self.fields[name] = _raw(value, self.ascii)
        elif kind == "macro":
            self.fields[name] = value
            self.macros.add(name)
        elif kind == "list" and re.search(r"\sand\s", value):
            # BibLaTeX list fields split at " and ": "{Thames and Hudson}" stays one publisher
            self.fields[name] = "{" + latex_escape(value, ascii=self.ascii) + "}"
        else:
            self.fields[name] = latex_escape(value, ascii=self.ascii)

    def names(self, name: str, names: Iterable[Name], csl: str, *, others: bool = False
              ) -> None:
        """``others``: the list was cut short ("et al."), written "and others" as
        BibTeX and BibLaTeX spell it (and read back as the same diagnostic)."""
        names = tuple(names)
        text = " and ".join(format_name(n, ascii=self.ascii) for n in names)
        if text:
            tail = " and others" if others else ""
            self.fields[name] = text + tail
            self.plain[name] = (csl, " and ".join(n.display() for n in names) + tail)

    def move_to_note(self, name: str) -> None:
        """Word field ``name`` in the note instead (the entry type has no such field)."""
        csl, value = self.plain.pop(name)
        del self.fields[name]
        if csl in CSL_NAME_FIELDS:
            self.note(f"{_NAME_LABELS.get(csl, csl.capitalize())} {value}")
        else:
            self.note(f"{_NOTE_LABELS.get(csl, csl.capitalize())}: {value}")
        self.noted.add(csl)

    def note(self, sentence: str) -> None:
        if sentence.strip():
            self.notes.append(_sentence(sentence))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _iso(date: Date, circa_mark: str = "") -> str:
    return "/".join(str(Date(parts=(p,))) + circa_mark for p in date.parts)


def _bibtex_date(entry: _Entry, date: Date) -> None:
    if not date.parts:
        entry.put("year", date.literal, csl="issued")
        return
    years = [str(p[0]) for p in date.parts if p]
    entry.put("year", "--".join(dict.fromkeys(years)), csl="issued")
    first = date.parts[0]
    if len(first) > 1 and 1 <= first[1] <= 12:
        entry.put("month", _MONTHS[first[1] - 1], kind="macro")
    if len(date.parts) > 1 or len(first) > 2:
        entry.put("date", _iso(date), csl="issued")
    if date.circa:
        entry.note(f"Date approximate (circa {years[0]})")


def _dates(entry: _Entry, ref: Reference, biblatex: bool) -> None:
    if ref.issued is not None:
        if biblatex and ref.issued.parts:
            entry.put("date", _iso(ref.issued, "~" if ref.issued.circa else ""), kind="raw",
                      csl="issued")
        elif biblatex and ref.issued.literal:
            # BibLaTeX's year must be a number: a publication state is a field of its own
            state = PUBSTATES.get(ref.issued.literal.strip().casefold())
            entry.put("pubstate", state, csl="issued")
            if state is None:
                entry.note(f"Date: {ref.issued.literal}")
                entry.noted.add("issued")
        else:
            _bibtex_date(entry, ref.issued)
    for name, label, date in (("origdate", "First published", ref.original_date),
                              ("urldate", "Accessed", ref.accessed)):
        if date is None:
            continue
        if date.parts:
            entry.put(name, _iso(date), csl="original-date" if name == "origdate" else "accessed")
        elif biblatex or name == "urldate":  # BibTeX: _original() words it
            entry.note(f"{label} {date.literal}")


def _original(entry: _Entry, ref: Reference, biblatex: bool) -> None:
    entry.put("origtitle", ref.original_title, kind="title", csl="original-title")
    if biblatex or not (ref.original_title or ref.original_date):
        return
    year = str(ref.original_date.year or ref.original_date) if ref.original_date else ""
    if ref.original_title:
        when = f" ({year})" if year else ""
        entry.note(f"Originally published as {ref.original_title}{when}")
    elif year:
        entry.note(f"First published {year}")


def _container(entry: _Entry, ref: Reference, biblatex: bool) -> None:
    if ref.type in _ARTICLES:
        entry.put("journaltitle" if biblatex else "journal", ref.container_title,
                  csl="container-title")
        if biblatex and ref.type in ("article-magazine", "article-newspaper"):
            entry.put("entrysubtype", ref.type.removeprefix("article-"))
    elif ref.type == "webpage":
        entry.put("organization" if biblatex else "howpublished", ref.container_title,
                  csl="container-title")
    else:
        entry.put("booktitle", ref.container_title, kind="title", csl="container-title")


def _numbers(entry: _Entry, ref: Reference) -> None:
    issue = (ref.issue, "Issue", "issue")
    number = (ref.number, "Number", "number")
    series = (ref.collection_number, "Series number", "collection-number")
    if ref.type == "report":
        order = (number, series, issue)
    elif ref.type in _ARTICLES:
        order = (issue, number, series)
    else:
        order = (series, number, issue)
    for value, label, csl in order:
        entry.put("number", value, label=label, csl=csl)


def _publication(entry: _Entry, ref: Reference, biblatex: bool) -> None:
    entry.put("series", ref.collection_title, kind="title", csl="collection-title")
    _numbers(entry, ref)
    entry.put("pages", _PAGE_RANGE.sub("--", ref.page) if ref.page else None, csl="page")
    if ref.type == "thesis":
        entry.put("institution" if biblatex else "school", ref.publisher, kind="list",
                  csl="publisher")
    elif ref.type == "report":
        entry.put("institution", ref.publisher, kind="list", csl="publisher")
    else:
        entry.put("publisher", ref.publisher, kind="list", csl="publisher")
    entry.put("location" if biblatex else "address", ref.publisher_place, kind="list",
              csl="publisher-place")


def _people(entry: _Entry, ref: Reference) -> None:
    cut = {d.field for d in ref.diagnostics if d.code == "et-al"}  # "et al." in the input
    entry.names("author", ref.author, "author", others="author" in cut)
    entry.names("editor", ref.editor, "editor", others="editor" in cut)
    entry.names("translator", ref.translator, "translator", others="translator" in cut)
    entry.names("bookauthor", ref.container_author, "container-author")
    if ref.collection_editor:
        series_editors = " and ".join(n.display() for n in ref.collection_editor)
        entry.note(f"Series edited by {series_editors}")
        entry.noted.add("collection-editor")


def _extra(entry: _Entry, extra: Mapping[str, str]) -> None:
    for key, value in sorted(extra.items()):
        name = key.lower()
        if _FIELD_NAME.match(name) and name not in entry.fields and name not in ("note", "annote"):
            entry.put(name, value)
        else:
            entry.note(f"{key}: {value}")


#: Model attributes the mapping above writes; any other non-empty CSL field
#: (say, one added to the model later) is spelled out in ``note``.
_HANDLED = frozenset((
    "type", "author", "editor", "translator", "container_author", "collection_editor",
    "title", "container_title", "collection_title", "collection_number", "publisher",
    "publisher_place", "issued", "original_date", "original_title", "accessed", "edition",
    "volume", "number_of_volumes", "issue", "number", "page", "number_of_pages", "genre",
    "medium", "URL", "DOI", "ISBN", "ISSN", "language", "abstract", "note", "annotation",
))


def format_provenance(provenance: Mapping[str, Provenance]) -> str | None:
    """Where catalog values came from, as one line Better BibTeX keeps (in Extra, as
    ``tex.provenance``) and our reader parses back: ``field: source record score S``
    entries joined by "; ". Values parsed from the input ("input") are not listed."""
    parts = []
    for name, prov in sorted(provenance.items()):
        if prov.source == "input" or not re.fullmatch(r"[\w.-]+", prov.source):
            continue
        part = f"{name}: {prov.source}"
        if prov.record:
            part += " " + prov.record.replace(" ", "%20").replace(";", "%3B")
        if prov.score is not None:
            part += f" score {prov.score:.3f}".rstrip("0").rstrip(".")
        parts.append(part)
    return "; ".join(parts) or None


def _plain(value: object) -> str:
    if isinstance(value, tuple):
        return " and ".join(n.display() if isinstance(n, Name) else str(n) for n in value)
    return str(value)


def _conform(entry: _Entry, entry_type: str) -> None:
    """Word in the note what the BibLaTeX entry type has no field for (biber would
    drop it with a warning), and volumes that are not the integer biber wants."""
    allowed = _BIBLATEX_FIELDS.get(entry_type)
    if allowed is None:
        return
    for name, (csl, value) in list(entry.plain.items()):
        if not csl or name in _ANY_TYPE:
            continue  # a field kept from the input format is the user's own
        if name not in allowed or (name in ("volume", "volumes") and not value.isdigit()):
            entry.move_to_note(name)


def _build(ref: Reference, biblatex: bool, ascii: bool) -> _Entry:
    entry = _Entry(ascii=ascii)
    _people(entry, ref)
    entry.put("title", ref.title, kind="title", csl="title")
    _original(entry, ref, biblatex)
    _container(entry, ref, biblatex)
    entry.put("edition", ref.edition, csl="edition")
    entry.put("volume", ref.volume, csl="volume")
    entry.put("volumes", ref.number_of_volumes, csl="number-of-volumes")
    _publication(entry, ref, biblatex)
    entry.put("pagetotal", ref.number_of_pages, csl="number-of-pages")
    _dates(entry, ref, biblatex)
    default_type = {"thesis": "phdthesis", "report": "techreport"}.get(ref.type)
    entry.put("type", ref.genre or (default_type if biblatex else None), csl="genre")
    entry.put("howpublished", ref.medium, label="Medium", csl="medium")
    entry.put("language", ref.language, csl="language")
    if biblatex and "langid" not in {key.lower() for key in ref.extra}:
        entry.put("langid", langid(ref.language))
    entry.put("isbn", ref.ISBN, csl="ISBN")
    entry.put("issn", ref.ISSN, csl="ISSN")
    entry.put("doi", ref.DOI, kind="raw")
    entry.put("url", None if _resolves_doi(ref.URL, ref.DOI) else ref.URL, kind="raw")
    entry.put("abstract", ref.abstract)
    _extra(entry, ref.extra)
    entry.put("provenance", format_provenance(ref.provenance), kind="raw")
    for csl_name, value in ref.items():
        if CSL_FIELDS[csl_name] not in _HANDLED:
            entry.note(f"{csl_name}: {_plain(value)}")
    if biblatex:
        _conform(entry, _entry_type(ref, biblatex))
    own = (ref.note or "").strip()
    notes = [_sentence(own) if entry.notes else own, *entry.notes]
    entry.put("note", " ".join(n for n in notes if n))
    entry.put("annote", " ".join(ref.annotation.split()) if ref.annotation else None)
    return entry


def _entry_type(ref: Reference, biblatex: bool) -> str:
    if biblatex:
        if ref.type == "book" and ref.editor and not ref.author:
            return "collection"
        if ref.type == "chapter" and ref.container_author:
            return "inbook"
        return _BIBLATEX_TYPES.get(ref.type, "misc")
    if ref.type == "thesis":
        return "mastersthesis" if ref.genre and _MASTERS.search(ref.genre) else "phdthesis"
    return _BIBTEX_TYPES.get(ref.type, "misc")


def _render(ref: Reference, biblatex: bool, ascii: bool) -> str:
    entry = _build(ref, biblatex, ascii)
    lines = [f"@{_entry_type(ref, biblatex)}{{{ref.id},"]
    for name, value in entry.fields.items():
        shown = value if name in entry.macros else f"{{{value}}}"
        lines.append(f"  {name} = {shown},")
    lines.append("}")
    return "\n".join(lines)


def _balanced(text: str) -> bool:
    depths = itertools.accumulate({"{": 1, "}": -1}.get(char, 0) for char in text)
    return all(d >= 0 for d in itertools.chain(depths, [0])) and text.count("{") == text.count("}")


def _render_failed(block: FailedBlock, ascii: bool) -> str:
    """A failed block as ``@comment``; ``@`` and unbalanced braces are neutralised
    (BibTeX itself would start a new entry at any ``@`` inside the comment)."""
    where = f" at {block.span}" if block.span else ""
    body = f"yalta-refs could not read this block{where}: {block.error}\n{block.text.strip()}"
    body = body.replace("@", "(at)")
    if not _balanced(body):
        body = body.replace("{", "(").replace("}", ")")
    if ascii:
        body = "".join(ch if ch.isascii() else _ascii_char(ch) for ch in body)
    return f"@comment{{{body}\n}}"


def _write(library: Library, biblatex: bool, ascii: bool) -> str:
    library = assign_keys(library)
    dialect = "BibLaTeX" if biblatex else "BibTeX"
    header = (f"% Encoding: {'US-ASCII' if ascii else 'UTF-8'}\n"
              f"% {dialect} written by yalta_refs {__version__}\n")
    blocks = [_render(ref, biblatex, ascii) for ref in library.references]
    blocks += [_render_failed(block, ascii) for block in library.failed]
    return header + "".join(f"\n{block}\n" for block in blocks)


def write_bibtex(library: Library, *, ascii: bool = False) -> str:
    """``library`` as a BibTeX file (UTF-8 text, or pure ASCII with ``ascii``)."""
    return _write(library, biblatex=False, ascii=ascii)


def write_biblatex(library: Library, *, ascii: bool = False) -> str:
    """``library`` as a BibLaTeX (biber) file."""
    return _write(library, biblatex=True, ascii=ascii)


def noted_fields(ref: Reference, *, biblatex: bool) -> frozenset[str]:
    """The CSL fields of ``ref`` that the writer words in ``note`` rather than
    giving them a field (the dialect or the entry type has none for them)."""
    return frozenset(_build(ref, biblatex, ascii=False).noted)
