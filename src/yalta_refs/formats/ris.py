"""RIS reading and writing.

Records are ``XX  - value`` lines from ``TY`` to ``ER``, written with CRLF
line ends (the RIS specification; Zotero's RIS.js writes the same). Reading
tolerates LF or CR line ends, a BOM, blank lines, a missing ``ER`` (the next
``TY`` or the end of the text closes the record), continuation lines (joined
to the previous tag) and unknown tags (kept in ``extra`` under the tag and
written back as that tag). A record without ``TY``, with a malformed ``TY`` or
with binary control characters becomes a :class:`FailedBlock` with its line;
the other records are still read. Failed blocks are not written (RIS has no
comment syntax), and ``ascii=True`` transliterates (RIS has no escapes).

Decisions, with the code in Zotero's RIS.js (zotero/translators) they rest on:

* Creators follow RIS.js's per-type tables: ``AU`` author, ``A4`` translator,
  ``A2`` editor (the book's editor for ``CHAP``), but for ``BOOK`` ``A3`` is the
  editor and ``A2`` the series editor (``A2`` is the series editor of a
  ``RPRT`` too, whose editor goes to ``ED``, which RIS.js reads as editor for
  every type); ``C2`` is a chapter's book author. Names are written
  ``Family, Given[, Suffix]``, particles inside (``van Gogh, Vincent``); a
  literal name has no comma, a family-only name ends in one (``Smith,``).
* Titles: ``TI``, ``T2`` container (for ``BOOK`` RIS.js reads ``T2`` as the
  series, so a book's series is ``T2``), ``T3`` series, ``J2`` abbreviation.
  ``SN`` is the ISSN of an article, the number of a report, else the ISBN;
  ``SP`` is the number of pages of a ``BOOK`` or ``THES`` (RIS.js: numPages),
  elsewhere the first page (``SP``/``EP`` only for a plain ``a-b`` range, so
  other page text comes back as written). ``M1`` is a book's series number,
  ``SV`` a chapter's. ``PY`` is the year and ``DA`` the full date
  (``2004/03/01/``). ``ID`` carries the citation key (RIS.js ignores ``ID``
  unless its keepID preference is set), ``KW`` one keyword each.
* ``N1``: RIS.js imports every ``N1`` as a child note, so the annotation is the
  first ``N1`` (one line, whitespace folded) and our ``note`` a further ``N1``
  starting ``Note: ``. RIS.js treats an ``N1`` as HTML when it contains a tag,
  and otherwise wraps it in ``<p>`` unescaped, so text containing a tag or an
  entity is written as ``<p>`` + escaped text + ``</p>``; reading turns HTML
  notes (Zotero exports them) back into text. Its ProCite cleaner matches
  ``([A-Za-z,\\s]+)\\s*:`` anywhere in every ``N1`` and acts on labels such as
  ``Notes`` (label dropped), ``Edition`` or ``ISBN`` (the note becomes that
  field), ``Author Role`` (authors retyped), and it drops an ``N1`` equal to
  the title. An annotation that would trigger any of this, that begins with a
  short ``Label:`` at all (``Abstract:``, ``Note:``), or that equals the title is
  guarded by the visible prefix ``Annotation: `` (not a ProCite label), which
  the reader removes again.
* No RIS tag holds the original date or title. RIS.js reads ``OP`` as
  "unsupported/Original Publication", which it drops unless a hidden
  preference is set, but ``M2`` goes into Zotero's Extra field (lines joined by
  newlines), where ``original-date: 1977`` lines are CSL variables for
  Zotero's citeproc. So every model field without a tag of its own is an
  ``M2`` line ``csl-name: value`` (``original-date``, ``original-title``,
  ``medium``, a date range or circa date as ``issued: 1990/1995``, ...), and
  ``extra`` entries are ``M2`` lines ``key: value`` (keywords are ``KW``).
  Reading accepts Zotero's labels too (``Original Date: 1977``).

RIS cannot say everything: a literal name containing a comma is read back as
family and given names, and only the whitespace-folded text survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import (
    CSL_DATE_FIELDS,
    CSL_FIELDS,
    CSL_NAME_FIELDS,
    Date,
    FailedBlock,
    Library,
    Name,
    Reference,
    SourceSpan,
)
from . import ris_syntax as syn

__all__ = ["read_ris", "write_ris"]


# ---------------------------------------------------------------- writing


@dataclass
class _Out:
    """The tag lines of one record being built; ``M2`` lines are kept apart."""

    lines: list[tuple[str, str]] = field(default_factory=list)
    m2: list[str] = field(default_factory=list)

    def add(self, tag: str, value: str | None) -> None:
        text = syn.fold(value)
        if text:
            self.lines.append((tag, text))

    def names(self, tag: str, names: Iterable[Name]) -> None:
        for name in names:
            self.add(tag, syn.name_to_ris(name))

    def meta(self, key: str, value: str | None) -> None:
        """An ``M2`` line ``key: value`` (Zotero's Extra field), one per line of ``value``."""
        if value is None:
            return
        for line in re.split(r"\r\n|\r|\n", value):
            self.m2.append(f"{key}: {syn.fold(line)}")


def _write_people(out: _Out, ref: Reference) -> None:
    out.names("AU", ref.author)
    out.names({"book": "A3", "report": "ED"}.get(ref.type, "A2"), ref.editor)
    out.names("A2" if ref.type in ("book", "report") else "A3", ref.collection_editor)
    out.names("A4", ref.translator)
    if ref.type == "chapter":
        out.names("C2", ref.container_author)
        return
    for name in ref.container_author:
        out.meta("container-author", syn.extra_name(name))


def _write_titles(out: _Out, ref: Reference) -> None:
    out.add("TI", ref.title)
    if ref.type == "book":
        out.add("T2", ref.collection_title)
        out.meta("container-title", ref.container_title)
    else:
        out.add("T2", ref.container_title)
        out.add("T3", ref.collection_title)
    out.add("J2", ref.extra.get("container-title-short"))
    out.meta("original-title", ref.original_title)


def _write_dates(out: _Out, ref: Reference) -> None:
    for date, year_tag, full_tag, key in ((ref.issued, "PY", "DA", "issued"),
                                          (ref.accessed, None, "Y2", "accessed")):
        if date is None:
            continue
        year, full = syn.date_to_ris(date)
        if year_tag:
            out.add(year_tag, year)
        out.add(full_tag, full or (None if year_tag else year))
        if len(date.parts) > 1 or date.circa:
            out.meta(key, syn.format_edtf(date))
    if ref.original_date is not None:
        out.meta("original-date", syn.format_edtf(ref.original_date))


def _write_numbers(out: _Out, ref: Reference) -> None:
    out.add("ET", ref.edition)
    out.add("VL", ref.volume)
    out.add("IS", ref.issue)
    out.add("NV", ref.number_of_volumes)
    series_tag = {"book": "M1", "chapter": "SV"}.get(ref.type)
    if series_tag:
        out.add(series_tag, ref.collection_number)
    else:
        out.meta("collection-number", ref.collection_number)
    if ref.type == "report":
        out.add("SN", ref.number)
        out.meta("ISBN", ref.ISBN)
        out.meta("ISSN", ref.ISSN)
        return
    out.meta("number", ref.number)
    primary, other = ("ISSN", "ISBN") if ref.type in syn.ARTICLES else ("ISBN", "ISSN")
    out.add("SN", getattr(ref, primary))
    out.meta(other, getattr(ref, other))


def _write_pages(out: _Out, ref: Reference) -> None:
    if ref.type in ("book", "thesis"):
        out.add("SP", ref.number_of_pages)
        out.meta("page", ref.page)
        return
    out.meta("number-of-pages", ref.number_of_pages)
    page = syn.fold(ref.page)
    match = re.fullmatch(r"([^\s\-–—]+)\s*[-–—]\s*([^\s\-–—]+)", page)
    out.add("SP", match.group(1) if match else page)
    out.add("EP", match.group(2) if match else None)


def _write_simple(out: _Out, ref: Reference) -> None:
    for tag, value in (("AB", ref.abstract), ("PB", ref.publisher), ("CY", ref.publisher_place),
                       ("LA", ref.language), ("M3", ref.genre), ("DO", ref.DOI),
                       ("UR", ref.URL)):
        out.add(tag, value)
    out.meta("medium", ref.medium)


def _write_notes(out: _Out, ref: Reference) -> None:
    annotation = syn.note_to_ris(syn.fold(ref.annotation))
    if annotation and syn.needs_guard(annotation, ref.title):
        annotation = syn.GUARD + annotation
    out.add("N1", annotation)
    note = syn.fold(ref.note)
    if note:
        out.add("N1", syn.NOTE_PREFIX + syn.note_to_ris(note))


#: Tags the reader interprets; an ``extra`` key that is one of them goes to ``M2``.
_READ_TAGS = frozenset({
    "TY", "ER", "ID", "AU", "A1", "A2", "A3", "A4", "ED", "C2", "C3", "TI", "T1", "CT", "BT",
    "T2", "T3", "JF", "JO", "JA", "J1", "J2", "VL", "IS", "ET", "NV", "M1", "SV", "SN", "SP",
    "EP", "DA", "Y1", "PY", "Y2", "PB", "CY", "LA", "AB", "N2", "UR", "DO", "M3", "N1", "RN",
    "KW", "M2",
})


def _write_extras(out: _Out, extra: dict[str, str]) -> None:
    for key, value in sorted(extra.items()):
        keywords = [k.strip() for k in value.split(";")]
        if key == "keywords" and all(keywords) and "; ".join(keywords) == value:
            for keyword in keywords:
                out.add("KW", keyword)
        elif key == "container-title-short":
            continue  # J2
        elif re.fullmatch(r"[A-Z][A-Z0-9]", key) and key not in _READ_TAGS:
            for line in value.split("\n"):
                out.add(key, line)
        else:
            out.meta(syn.fold(key), value)


def _record(ref: Reference) -> list[tuple[str, str]]:
    out = _Out()
    out.add("TY", syn.TY_OUT.get(ref.type, "GEN"))
    out.add("ID", ref.id)
    _write_titles(out, ref)
    _write_people(out, ref)
    _write_dates(out, ref)
    _write_numbers(out, ref)
    _write_pages(out, ref)
    _write_simple(out, ref)
    _write_notes(out, ref)
    _write_extras(out, dict(ref.extra))
    for line in out.m2:
        out.add("M2", line)
    return [*out.lines, ("ER", "")]


def write_ris(library: Library, *, ascii: bool = False) -> str:
    """The references of ``library`` as RIS records (CRLF line ends).

    ``ascii=True`` transliterates every value to ASCII (RIS has no escapes).
    """
    lines: list[str] = []
    for ref in library.references:
        for tag, value in _record(ref):
            lines.append(f"{tag}  - {syn.to_ascii(value) if ascii else value}")
        lines.append("")
    return "".join(line + "\r\n" for line in lines)


# ---------------------------------------------------------------- reading


def _read_names(tags: syn.Tags, fields: dict[str, Any], ty: str) -> None:
    csl = fields["type"]
    roles = (
        ("editor" if ty == "EDBOOK" else "author", ("AU", "A1")),
        ("collection_editor" if csl in ("book", "report") else "editor", ("A2",)),
        ("editor" if csl == "book" else "collection_editor", ("A3",)),
        ("editor", ("ED",)),
        ("translator", ("A4",)),
        ("container_author", ("C2",) if csl == "chapter" else ()),
    )
    for attr, role_tags in roles:
        names = tuple(n for n in map(syn.name_from_ris, tags.take_all(*role_tags)) if n)
        if names:
            fields[attr] = fields.get(attr, ()) + names


def _read_titles(tags: syn.Tags, fields: dict[str, Any], extra: dict[str, str]) -> None:
    csl = fields["type"]
    if csl == "book":
        fields["title"] = tags.take("TI", "T1", "CT", "BT")
        fields["collection_title"] = tags.take("T2", "T3")
        container = None
    else:
        fields["title"] = tags.take("TI", "T1", "CT")
        fields["collection_title"] = tags.take("T3")
        conference = ("C3",) if csl == "paper-conference" else ()
        container = tags.take("T2", "JF", "JO", "BT", *conference)
    short = tags.take("J2", "JA", "J1")
    fields["container_title"] = container or short
    if container and short:
        extra["container-title-short"] = short


def _read_dates(tags: syn.Tags, fields: dict[str, Any]) -> None:
    da, y1, py = tags.take("DA"), tags.take("Y1"), tags.take("PY")
    for text in (da, y1, py):
        date = syn.ris_date(text) if text else None
        if date is not None:
            month = syn.MONTHS.get((da or "").strip().lower()[:3])
            if len(date.parts[0]) == 1 and month and (da or "").strip().isalpha():
                date = Date(parts=((date.parts[0][0], month),))
            fields["issued"] = date
            break
    else:
        literal = py or y1 or da
        fields["issued"] = Date(literal=literal) if literal else None
    accessed = tags.take("Y2")
    if accessed:
        fields["accessed"] = syn.ris_date(accessed) or Date(literal=accessed)


def _read_numbers(tags: syn.Tags, fields: dict[str, Any]) -> None:
    csl = fields["type"]
    for attr, tag in (("volume", "VL"), ("issue", "IS"), ("edition", "ET"),
                      ("number_of_volumes", "NV")):
        fields[attr] = tags.take(tag)
    if csl == "report":
        fields["number"] = tags.take("SN", "M1")
    else:
        fields["ISSN" if csl in syn.ARTICLES else "ISBN"] = tags.take("SN")
    if csl in ("book", "chapter"):
        fields["collection_number"] = tags.take("M1" if csl == "book" else "SV")
    elif csl not in ("report", "webpage"):
        fields["number"] = tags.take("M1")
    start, end = tags.take("SP"), tags.take("EP")
    if csl in ("book", "thesis") and start and not end and "-" not in start:
        fields["number_of_pages"] = start
    else:
        fields["page"] = f"{start}-{end}" if start and end else start or end


def _read_simple(tags: syn.Tags, fields: dict[str, Any]) -> None:
    for attr, attr_tags in (("publisher", ("PB",)), ("publisher_place", ("CY",)),
                            ("language", ("LA",)), ("abstract", ("AB", "N2")),
                            ("URL", ("UR",)), ("DOI", ("DO",)), ("genre", ("M3",))):
        fields[attr] = tags.take(*attr_tags)
    genre = fields["genre"] or ""
    if not fields["DOI"] and re.match(r"10\.\d{4,}/\S+$", genre):
        fields["DOI"], fields["genre"] = genre, None  # EndNote puts the DOI in M3


def _read_notes(tags: syn.Tags, fields: dict[str, Any]) -> None:
    notes, annotations = [], []
    for value in tags.take_all("N1", "RN"):
        if value.startswith(syn.NOTE_PREFIX):
            notes.append(syn.note_from_ris(value.removeprefix(syn.NOTE_PREFIX)))
        else:
            annotations.append(syn.note_from_ris(value.removeprefix(syn.GUARD)))
    fields["note"] = "\n".join(n for n in notes if n) or None
    fields["annotation"] = "\n".join(a for a in annotations if a) or None


_CSL_BY_KEY = {name.lower(): name for name in CSL_FIELDS}


def _meta(fields: dict[str, Any], key: str, text: str) -> bool:
    """Put an ``M2`` ``key: text`` line into its CSL field; False when it has none."""
    csl_name = _CSL_BY_KEY.get(key.strip().lower().replace(" ", "-"))
    if csl_name is None or csl_name == "type":
        return False
    attr = CSL_FIELDS[csl_name]
    if csl_name in CSL_NAME_FIELDS:
        name = syn.name_from_ris(text)
        fields[attr] = fields.get(attr, ()) + ((name,) if name else ())
        return True
    if fields.get(attr) and csl_name not in ("issued", "accessed"):
        return False
    if text:
        fields[attr] = syn.parse_edtf(text) if csl_name in CSL_DATE_FIELDS else text
    return True


def _append(extra: dict[str, str], key: str, value: str) -> None:
    extra[key] = f"{extra[key]}\n{value}" if key in extra else value


def _read_extra(tags: syn.Tags, fields: dict[str, Any], extra: dict[str, str]) -> None:
    for value in tags.take_all("M2"):
        match = syn.KEY_VALUE.fullmatch(value)
        if match is None:
            _append(extra, "M2", value)
        elif not _meta(fields, *match.groups()):
            _append(extra, *match.groups())
    keywords = [k.strip() for v in tags.take_all("KW") for k in v.split("\n") if k.strip()]
    if keywords:
        extra["keywords"] = "; ".join(keywords)
    for tag, values in tags.values.items():
        if values:
            _append(extra, tag, "\n".join(values))


def _reference(record: syn.Record) -> Reference:
    tags = syn.Tags(record.tags)
    ty = (tags.take("TY") or "").upper()
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", ty):
        raise ValueError(f"unknown record type TY {ty!r}" if ty else "the record has no type")
    fields: dict[str, Any] = {"type": syn.TY_IN.get(ty, "document"), "id": tags.take("ID") or ""}
    extra: dict[str, str] = {}
    _read_names(tags, fields, ty)
    _read_titles(tags, fields, extra)
    _read_dates(tags, fields)
    _read_numbers(tags, fields)
    _read_simple(tags, fields)
    _read_notes(tags, fields)
    _read_extra(tags, fields, extra)
    kept = {k: v for k, v in fields.items() if v not in (None, "", ())}
    return Reference(**kept, extra=extra)


def _read_record(record: syn.Record, source: str | None) -> Reference | FailedBlock:
    span = SourceSpan(source, record.line, record.end_line)
    text = "\n".join(record.lines).strip()
    error = record.error
    if error is None and syn.BINARY.search(text):
        error = "the record contains binary control characters"
    if error is None:
        try:
            return _reference(record).with_fields(span=span)
        except ValueError as exc:
            error = str(exc)
    return FailedBlock(text, error, span)


def read_ris(text: str, *, source: str | None = None) -> Library:
    """A :class:`Library` from RIS text; a record that cannot be read is a
    :class:`FailedBlock` (with its line) and the others are still read."""
    refs: list[Reference] = []
    failed: list[FailedBlock] = []
    for record in syn.records(text):
        result = _read_record(record, source)
        if isinstance(result, FailedBlock):
            failed.append(result)
        else:
            refs.append(result)
    return Library(tuple(refs), (), tuple(failed))
