"""Library of Congress catalog through SRU 1.1 (MODS records).

Flow of :meth:`LibraryOfCongress.find`: ``bath.isbn`` when the reference has
an ISBN (ISBN-10 form when there is one: older records carry only that),
``bath.lccn`` when it has an LCCN (in ``extra["lccn"]``), otherwise
``bath.title`` and ``bath.author``. Errors come back as HTTP 200 with SRU
diagnostics: they become a Fault of kind "diagnostic".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ...model import Name, Reference
from ..types import Candidate, HttpRequest, Outcome
from ._common import (
    PAYLOAD_ERRORS,
    CatalogSource,
    Fetch,
    Lookup,
    compact,
    container_query,
    isbn10,
    isbn13s,
    join_title,
    language_code,
    name_from_inverted,
    pages_from_extent,
    parse_date,
    ref_family,
    ref_isbn,
    search_title,
    text,
)

__all__ = [
    "LibraryOfCongress",
    "SruAnswer",
    "isbn_query",
    "lccn_query",
    "map_mods",
    "parse_sru",
    "sru_request",
    "title_author_query",
]

SOURCE = "loc"
#: the SRU gateway as recorded (lx2.loc.gov:210/LCDB, plain HTTP)
DEFAULT_URL = "http://lx2.loc.gov:210/LCDB"
NS = {
    "zs": "http://www.loc.gov/zing/srw/",
    "mods": "http://www.loc.gov/mods/v3",
    "diag": "http://www.loc.gov/zing/srw/diagnostic/",
}
_M = "{http://www.loc.gov/mods/v3}"


# --------------------------------------------------------------------------- requests


def _cql_term(value: str) -> str:
    """A quoted CQL term; quotes, masking and anchor characters removed."""
    value = re.sub(r'["\\*?^]', " ", value)
    return '"' + re.sub(r"\s+", " ", value).strip() + '"'


def isbn_query(isbn13: str) -> str:
    return f"bath.isbn={isbn10(isbn13) or isbn13}"


def lccn_query(lccn: str) -> str:
    """Exact LCCN match, anchored as in the recorded requests (``"^93028401"``)."""
    return f'bath.lccn="^{re.sub(r"[^0-9a-z]", "", lccn.lower())}"'


def title_author_query(title: str, author: str | None = None) -> str:
    query = f"bath.title={_cql_term(title)}"
    return f"{query} and bath.author={_cql_term(author)}" if author else query


def sru_request(base_url: str, query: str, maximum: int = 5) -> HttpRequest:
    params = (
        ("version", "1.1"),
        ("operation", "searchRetrieve"),
        ("query", query),
        ("recordSchema", "mods"),
        ("startRecord", "1"),
        ("maximumRecords", str(maximum)),
    )
    return HttpRequest(SOURCE, base_url, params, accept="text/xml", purpose="sru")


# --------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class SruAnswer:
    """A searchRetrieveResponse: record count, MODS elements, diagnostics."""

    number: int | None
    records: tuple[ET.Element, ...]
    diagnostics: tuple[str, ...]


def parse_sru(body: bytes) -> SruAnswer:
    """Parse an SRU answer; raises ValueError if it is not one (malformed)."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"not XML: {exc}") from exc
    if root.tag != f"{{{NS['zs']}}}searchRetrieveResponse":
        raise ValueError(f"not an SRU searchRetrieveResponse: <{root.tag}>")
    diagnostics = []
    for diag in root.iterfind("zs:diagnostics/diag:diagnostic", NS):
        parts = [
            diag.findtext(f"diag:{tag}", default="", namespaces=NS).strip()
            for tag in ("message", "details", "uri")
        ]
        diagnostics.append(" - ".join(p for p in parts if p) or "diagnostic")
    number_text = root.findtext("zs:numberOfRecords", namespaces=NS)
    number = int(number_text) if number_text and number_text.strip().isdigit() else None
    records = tuple(root.iterfind("zs:records/zs:record/zs:recordData/mods:mods", NS))
    return SruAnswer(number, records, tuple(diagnostics))


def _t(element: ET.Element | None, path: str) -> str | None:
    if element is None:
        return None
    found = element.find(path)
    return text("".join(found.itertext())) if found is not None else None


def _strip_isbd(value: str | None) -> str | None:
    """Remove cataloguing punctuation: "Dallas, Texas :" -> "Dallas, Texas"."""
    if not value:
        return None
    value = re.sub(r"^\[|\]$", "", value.strip())
    return value.strip(" :;,/") or None


def _main_title(mods: ET.Element) -> str | None:
    for info in mods.findall(f"{_M}titleInfo"):
        if info.get("type") in {"translated", "alternative", "uniform", "abbreviated"}:
            continue
        title = _t(info, f"{_M}title")
        non_sort = info.findtext(f"{_M}nonSort")
        if title and non_sort and non_sort.strip():
            glue = "" if non_sort.strip()[-1] in "'’-" else " "
            title = f"{non_sort.strip()}{glue}{title}"
        title = join_title(title, _t(info, f"{_M}subTitle"))
        for part in (_t(info, f"{_M}partNumber"), _t(info, f"{_M}partName")):
            if part and title:
                title = f"{title}. {part}"
        return _strip_isbd(title)
    return None


_ROLES = {"aut": "author", "author": "author", "cre": "author", "creator": "author",
          "edt": "editor", "editor": "editor", "ed": "editor", "trl": "translator",
          "translator": "translator", "tr": "translator"}


def _name(element: ET.Element) -> Name | None:
    family = given = None
    plain: list[str] = []
    for part in element.findall(f"{_M}namePart"):
        value = text("".join(part.itertext()))
        kind = part.get("type")
        if not value or kind in {"date", "termsOfAddress"}:
            continue
        if kind == "family":
            family = value
        elif kind == "given":
            given = value
        else:
            plain.append(value)
    if family:
        return Name(family=family, given=given)
    if not plain:
        return None
    if element.get("type") == "personal":
        return name_from_inverted(plain[0])
    return Name(literal=_strip_isbd(". ".join(plain)))


def _role(element: ET.Element) -> str | None:
    """The CSL role of a MODS name: author/editor/translator, "" for none, None for other."""
    terms = [re.sub(r"[^a-z]", "", (t.text or "").lower())
             for t in element.iterfind(f"{_M}role/{_M}roleTerm")]
    terms = [t for t in terms if t]
    if not terms:
        return ""
    for term in terms:
        if term in _ROLES:
            return _ROLES[term]
    return None


def _names(mods: ET.Element) -> dict[str, tuple[Name, ...]]:
    found: dict[str, list[Name]] = {"author": [], "editor": [], "translator": []}
    statement = (mods.findtext(f"{_M}note[@type='statement of responsibility']") or "").lower()
    unnamed_role = "editor" if re.match(r"\s*(edited|ed\.|editors?)\b", statement) else "author"
    for element in mods.findall(f"{_M}name"):
        role = _role(element)
        if role is None:
            continue
        if role == "" and element.get("type") == "corporate" and element.get("usage") != "primary":
            continue  # sponsoring bodies, not authors
        name = _name(element)
        if name is not None:
            found[role or unnamed_role].append(name)
    return {k: tuple(v) for k, v in found.items()}


def _origin(mods: ET.Element) -> tuple[str | None, str | None, str | None, str | None]:
    """(place, publisher, date, edition), the publication event preferred."""
    infos = mods.findall(f"{_M}originInfo")
    infos.sort(key=lambda e: e.get("eventType") != "publication")
    place = publisher = date = edition = None
    for info in infos:
        place = place or next(
            (_strip_isbd(t.text) for t in info.iterfind(f"{_M}place/{_M}placeTerm")
             if t.get("type") == "text" and t.text), None)
        publisher = publisher or _strip_isbd(info.findtext(f"{_M}publisher"))
        dates = [d for d in info.findall(f"{_M}dateIssued") if d.text and d.text.strip()]
        dates.sort(key=lambda d: d.get("encoding") is not None)
        if dates and date is None:
            date = dates[0].text
        edition = edition or _strip_isbd(info.findtext(f"{_M}edition"))
    return place, publisher, date, edition


_TYPES = {"text": "book", "still image": "graphic", "cartographic": "map",
          "moving image": "motion_picture", "sound recording": "song",
          "sound recording-musical": "song", "sound recording-nonmusical": "song",
          "notated music": "musical_score", "software, multimedia": "software",
          "three dimensional object": "document", "mixed material": "document"}


def _type(mods: ET.Element) -> str:
    resource = (mods.findtext(f"{_M}typeOfResource") or "text").strip()
    issuance = " ".join(i.text or "" for i in mods.iter(f"{_M}issuance"))
    if "serial" in issuance or "continuing" in issuance:
        return "periodical"
    if mods.find(f"{_M}typeOfResource[@manuscript='yes']") is not None:
        return "manuscript"
    return _TYPES.get(resource, "document")


def _identifiers(mods: ET.Element, kind: str) -> list[str]:
    return [i.text.strip() for i in mods.findall(f"{_M}identifier")
            if i.get("type") == kind and i.text and i.text.strip()
            and i.get("invalid") != "yes"]


def map_mods(mods: ET.Element) -> Candidate:
    """One MODS record as a candidate (an edition)."""
    place, publisher, date, edition = _origin(mods)
    people = _names(mods)
    lccn = next(iter(_identifiers(mods, "lccn")), None)
    lccn = re.sub(r"\s+", "", lccn) if lccn else None
    oclc = next((re.sub(r"^\D+", "", o) for o in _identifiers(mods, "oclc")), None)
    isbns = isbn13s(_identifiers(mods, "isbn"))
    series = next((_t(r, f"{_M}titleInfo/{_M}title")
                   for r in mods.findall(f"{_M}relatedItem") if r.get("type") == "series"), None)
    host = next((_t(r, f"{_M}titleInfo/{_M}title")
                 for r in mods.findall(f"{_M}relatedItem") if r.get("type") == "host"), None)
    language = next((language_code(t.text) for t in mods.iterfind(f"{_M}language/{_M}languageTerm")
                     if t.get("type") == "code"), None)
    ref = Reference(
        type=_type(mods),
        title=_main_title(mods),
        author=people["author"],
        editor=people["editor"],
        translator=people["translator"],
        container_title=host,
        collection_title=_strip_isbd(series),
        publisher=publisher,
        publisher_place=place,
        issued=parse_date(date),
        edition=edition,
        number_of_pages=pages_from_extent(_t(mods, f"{_M}physicalDescription/{_M}extent")),
        ISBN=isbns[0] if isbns else None,
        language=language,
    )
    record_id = mods.findtext(f"{_M}recordInfo/{_M}recordIdentifier")
    record = f"https://lccn.loc.gov/{lccn}" if lccn else f"loc:{(record_id or '').strip()}"
    return Candidate(SOURCE, record, ref, "edition", isbns, compact({"lccn": lccn, "oclc": oclc}))


# --------------------------------------------------------------------------- client


class LibraryOfCongress(CatalogSource):
    """Library of Congress SRU client (MODS)."""

    name = SOURCE
    default_url = DEFAULT_URL
    maximum_records = 5

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:
        ref = container_query(ref)
        lookup = Lookup(SOURCE, fetch)
        isbn = ref_isbn(ref)
        lccn = ref.extra.get("lccn")
        title = search_title(ref.title)
        if isbn:
            query = isbn_query(isbn)
        elif lccn:
            query = lccn_query(lccn)
        elif title:
            query = title_author_query(title, ref_family(ref))
        else:
            return lookup.outcome()
        self._search(lookup, query, isbn)
        if isbn and not lookup.candidates and title:
            self._search(lookup, title_author_query(title, ref_family(ref)), None)
        return lookup.outcome()

    def _search(self, lookup: Lookup, query: str, isbn: str | None) -> None:
        request = sru_request(self.base_url, query, self.maximum_records)
        body = lookup.body(request)
        if body is None:
            return
        try:
            answer = parse_sru(body)
        except ValueError as exc:
            lookup.fault("malformed", str(exc), request)
            return
        if answer.diagnostics:
            lookup.fault("diagnostic", "; ".join(answer.diagnostics), request)
            return
        if not answer.records:
            lookup.fault("empty", f"no records for {query}", request)
            return
        for mods in answer.records:
            try:
                candidate = map_mods(mods)
            except PAYLOAD_ERRORS as exc:
                lookup.fault("malformed", f"MODS record: {exc}", request)
                continue
            if isbn and isbn not in candidate.isbns:
                lookup.fault("empty", f"{candidate.record} does not carry ISBN {isbn}", request)
                continue
            lookup.add(candidate)
