"""Recognisers for the publication-fact elements of a reference.

Each recogniser looks at one element (a segment's text without its closing
period) and returns an :class:`Element` with the fields it found, or None.
:data:`RECOGNISERS` is the ordered, replaceable list :func:`classify` tries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .element import Element
from .fields import (
    MONTH_RE,
    parse_date,
    parse_doi,
    parse_edition,
    parse_extent,
    parse_isbn,
    parse_pages,
)
from .names import parse_name_list
from .periodicals import recognise_journal, recognise_news, recognise_vancouver

__all__ = ["RECOGNISERS", "TERMINAL_KINDS", "Element", "classify"]


#: kinds after which the annotation may begin
TERMINAL_KINDS = frozenset(
    {
        "imprint",
        "journal",
        "news",
        "thesis",
        "url",
        "doi",
        "accessed",
        "isbn",
        "extent",
        "publisher-year",
        "report",
    }
)

_YEARISH = (
    r"(?:\[?(?:1[0-9]\d\d|20\d\d)\]?(?:\s*[-–/]\s*(?:1[0-9]\d\d|20\d\d|\d\d))?[a-z]?"
    r"|n\.\s?d\.?|forthcoming|in press)"
)
# a place: "New York", "Westport, Conn.", "London and New York", "Frankfurt am Main"
_CITY = r"[A-Z][\w.'’-]*(?:\s[A-Z&][\w.'’-]*|\s(?:and|&|upon|on|am|an|de|sur)\s[A-Z][\w.'’-]*)*"
_STATE = r"(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
_MORE = r"(?:(?:\s(?:and|&)|;|,)\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*(?:,\s[A-Z][\w.]+)?)*"
_PLACE = _CITY + _STATE + _MORE
_MAX_PLACE = 60
_IMPRINT = re.compile(
    rf"^(?P<place>{_PLACE}):\s*(?P<publisher>.+?)(?:[,;]?\s+(?P<year>{_YEARISH}))?$"
)
_PUB_YEAR = re.compile(rf"^(?P<publisher>[A-Z][^,:]{{1,80}}?),\s+(?P<year>{_YEARISH})$")
_PUB_WORDS = re.compile(
    r"\b(?:Press|Books|Publish\w*|Verlag|Editions?|Éditions|Random|Knopf|Norton|Macmillan|"
    r"Penguin|Scribner'?s?|Harper\w*|Routledge|Wiley|Sons|Co\.|Company|Inc\.?|Ltd\.?|House|"
    r"Library|Society|Institute|Brill|Springer|Elsevier|Sage|Blackwell|Longman|Viking|Dover|"
    r"Doubleday|Houghton|Mifflin|Putnam|Simon|Schuster|Praeger|Greenwood|Basic|Vintage|"
    r"Oxford|Cambridge|Yale|Princeton|Harvard|University|Bantam|Pantheon|Allen|Unwin|Hill|Wang)\b"
)
_CHAPTER = re.compile(
    r"^In\s+(?P<container>.+?)(?:,\s*(?:ed\.|eds\.|edited(?:\s+and\s+translated)?\s+by)\s+"
    r"(?P<editors>[^,]+(?:,[^,\d]+)*?))?(?:,\s*(?:vol\.\s*(?P<volume>\w+),\s*)?"
    r"(?:pp?\.\s*)?(?P<page>\d+\s*[–-]\s*\d+|\d+))?$"
)
# APA: "In R. R. Reiter (Ed.), Toward an anthropology of women (pp. 157–210)"
_CHAPTER_APA = re.compile(
    r"^In\s+(?P<editors>.+?)\s+\((?:Eds?\.|Ed\.)\),\s+(?P<container>.+?)"
    r"(?:\s+\((?:Vol\.\s*(?P<volume>\w+),\s*)?(?:pp?\.\s*)?(?P<page>[\d–-]+)\))?$"
)
_THESIS = re.compile(
    r"^(?P<genre>(?:Ph\.\s?D\.|PhD|Doctoral|Master['’]s|M\.A\.|MA|M\.Sc\.|MSc|M\.Phil\.|"
    r"MPhil|Senior|Honors|Honours|B\.A\.|D\.Phil\.|DPhil|Ed\.D\.)\s+(?:diss(?:ertation)?\.?|thesis))"
    rf"(?:,\s*(?P<publisher>[^,]+?))?(?:,\s*(?P<year>{_YEARISH}))?$",
    re.I,
)
_PLACE_DATE = re.compile(
    rf"^(?P<place>{_CITY}(?:,\s(?:[A-Z]\.)+[A-Z]?\.?|,\s[A-Z][a-z]+\.)?),\s+"
    rf"(?P<date>(?:{MONTH_RE}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{MONTH_RE}\s+){_YEARISH})$"
)
_URL_RE = re.compile(r"(https?://\S+|www\.\S+)")
# "Retrieved from https://…" (APA 6), "Available at: …", "Available from …", "URL: …"
_LINK_CUE = re.compile(r"^(?:(?:Retrieved|Available)\s+(?:from|at|online)|URL)\s*:?\s+", re.I)
_ACCESSED = re.compile(
    r"^(?:Accessed|Retrieved|Viewed|Consulted|Last accessed)(?:\s+on)?\s+(?P<date>.+?)"
    r"(?:,?\s+from\s+(?P<url>\S+))?$",
    re.I,
)
_ROLE = re.compile(
    r"^(?P<role>(?:(?:Abridged|Selected|Revised|Introduced|Annotated|Adapted),?\s+and\s+)?"
    r"(?:Translated|Trans\.|Tr\.|Edited|Ed\.|Eds\.|Compiled|Comp\.|"
    r"(?<=and )(?:translated|edited|compiled))"
    r"(?:\s+(?:and|&)\s+(?:translated|edited|annotated|introduced|abridged))?"
    r"(?:\s+(?:from|with)\s+(?:the\s+)?[\w ]+?)?)\s+by\s+(?P<names>.+)$"
    r"|^(?P<abbr>Trans\.|Ed\.|Eds\.|Tr\.)\s+(?P<names2>.+)$"
)
# MLA prints the publisher alone: "J. B. Lippincott, 1937", "Farrar, Straus and Giroux, 2000"
_PUBLISHER_NAME = re.compile(r"(?:(?:[A-Z][\w.'’-]*|&|and|of|[A-Z]\.)\s?)+")
_MLA_IMPRINT = re.compile(
    rf"^(?P<names>.+?),\s+(?P<publisher>[^,]+?(?:,\s[A-Z][\w&' ]+)?),\s+(?P<year>{_YEARISH})$"
)
_VOLUMES = re.compile(r"^(?P<n>\d+)\s+vols?\.?$", re.I)
_VOLUME = re.compile(r"^Vol(?:ume|\.)?\s*(?P<v>[\dIVXLCivxlc]+)(?:\s+of\s+(?P<of>.+))?$")
_ORIGINAL = re.compile(
    r"^\((?:Original(?:ly)?\s+(?:work\s+)?published|First\s+published)\s+(?:in\s+)?"
    r"(?P<year>1[0-9]\d\d|20\d\d)\)$", re.I
)
_OCLC = re.compile(r"^OCLC:?\s*(?P<oclc>\d{4,12})$", re.I)
# the numbers of a journal article after its journal's own element: "12 (3): 45–67"
_NUMBERS = re.compile(
    r"^(?:vol\.\s*)?(?P<volume>\d+[A-Za-z]?)\s*(?:\((?P<issue>[\w/–-]+)\))?"
    r"\s*(?:[:,]\s*(?:pp?\.\s*)?(?P<page>[A-Za-z]?\d+(?:\s*[–-]\s*[A-Za-z]?\d+)?))$"
)
_ISBN = re.compile(r"^ISBN(?:-1[03])?:?\s*(?P<isbn>[\dXx -]{10,17})(?:\s*\(\w+\))?$", re.I)
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\S+)$", re.I)
_REPORT = re.compile(
    r"\b(?:Report|Working Paper|Technical Paper|Occasional Paper|Policy Brief|Discussion Paper"
    r"|Research Paper|White Paper)\b(?:\s+(?:No\.|no\.|#)\s*(?P<number>[\w./-]+))?"
)
_SERIES = re.compile(
    r"^\(?(?P<series>(?:[A-Z][\w'’-]*|of|in|and|the|on|for)(?:\s+(?:[A-Z][\w'’-]*|of|in|and|the|on|for|&))*\s+(?:Series|Studies|Library|Classics|Monographs|Texts))(?:,?\s*(?:no\.|vol\.)?\s*(?P<number>\d+))?\)?$"
)


def _names(text: str) -> tuple[Any, ...]:
    return parse_name_list(text)


# the same roles in German, French, Spanish, Italian and Portuguese: "Übers. von …",
# "Aus dem Englischen von …", "Traduit par …", "Traducción de …", "A cura di …"
_FOREIGN_ROLE = re.compile(
    r"^(?:(?P<trans>(?:Aus\s+dem\s+\w+\s+)?(?:übersetzt|übers\.)(?:\s+aus\s+dem\s+\w+)?\s+von"
    r"|Aus\s+dem\s+\w+\s+von|Traduit(?:\s+de\s+l['’]\w+)?\s+par|Trad\.\s+(?:de|par|di)"
    r"|Traducci[óo]n\s+de|Traduzione\s+di|Tradu[çc][ãa]o\s+de)"
    r"|(?P<ed>Hrsg\.\s+von|Herausgegeben\s+von|[ÉE]dit[ée]\s+par|Sous\s+la\s+direction\s+de"
    r"|Edici[óo]n\s+de|A\s+cura\s+di|Organiza[çc][ãa]o\s+de))\s+(?P<names>.+)$",
    re.I,
)


def recognise_role(text: str) -> Element | None:
    foreign = _FOREIGN_ROLE.match(text)
    if foreign:
        names = _names(foreign.group("names"))
        key = "translator" if foreign.group("trans") else "editor"
        return Element("role", {key: names}) if names else None
    m = _ROLE.match(text)
    if not m:
        return None
    role = (m.group("role") or m.group("abbr")).lower()
    names_text = m.group("names") or m.group("names2")
    values: dict[str, Any] = {}
    kind = "role"
    mla = _MLA_IMPRINT.match(names_text)
    if mla:  # MLA 9: "Translated by Edith Grossman, Ecco, 2003"
        names_text = mla.group("names")
        values = {"publisher": mla.group("publisher"), "issued": parse_date(mla.group("year"))}
        kind = "publisher-year"
    names = _names(names_text)
    if role.startswith(("trans", "tr.")) or "translated" in role:
        values["translator"] = names
    if role.startswith(("ed", "comp")) or "edited" in role:
        values["editor"] = names
    return Element(kind, values) if names else None


def recognise_edition(text: str) -> Element | None:
    edition = parse_edition(text)
    return Element("edition", {"edition": edition}) if edition else None


def recognise_volumes(text: str) -> Element | None:
    m = _VOLUMES.match(text)
    if m:
        return Element("volumes", {"number_of_volumes": m.group("n")})
    m = _VOLUME.match(text)
    if m:
        values: dict[str, Any] = {"volume": m.group("v")}
        if m.group("of"):
            values["collection_title"] = m.group("of")
        return Element("volumes", values)
    return None


def recognise_thesis(text: str) -> Element | None:
    m = _THESIS.match(text)
    if not m:
        return None
    values: dict[str, Any] = {"genre": m.group("genre")}
    if m.group("publisher"):
        values["publisher"] = m.group("publisher")
    if m.group("year"):
        values["issued"] = parse_date(m.group("year"))
    return Element("thesis", values)


def recognise_imprint(text: str) -> Element | None:
    place, colon, _ = text.partition(":")
    # a place is short; the bound also keeps the place pattern's backtracking small
    m = _IMPRINT.match(text) if colon and len(place) <= _MAX_PLACE else None
    if m and not re.match(r"^(?:In|See|Reprint)\b", text):
        values: dict[str, Any] = {
            "publisher_place": m.group("place"),
            "publisher": m.group("publisher").strip(" ,"),
        }
        if m.group("year"):
            values["issued"] = parse_date(m.group("year"))
        return Element("imprint", values)
    m = _PUB_YEAR.match(text)
    if m and (_PUB_WORDS.search(m.group("publisher")) or (
            _PUBLISHER_NAME.fullmatch(m.group("publisher"))
            and len(m.group("publisher").split()) <= 6)):
        return Element(
            "publisher-year",
            {"publisher": m.group("publisher"), "issued": parse_date(m.group("year"))},
        )
    return None


def recognise_chapter(text: str) -> Element | None:
    apa = _CHAPTER_APA.match(text)
    if apa:
        found: dict[str, Any] = {"container_title": apa.group("container"),
                                 "editor": _names(apa.group("editors"))}
        if apa.group("page"):
            found["page"] = parse_pages(apa.group("page"))
        if apa.group("volume"):
            found["volume"] = apa.group("volume")
        return Element("chapter", found)
    m = _CHAPTER.match(text)
    if not m:
        return None
    values: dict[str, Any] = {"container_title": m.group("container").strip()}
    if m.group("editors"):
        parts = re.split(r",?\s+(?:and\s+)?(?:translated|trans\.)\s+by\s+",
                         m.group("editors"), maxsplit=1)
        values["editor"] = _names(parts[0])
        if len(parts) > 1:
            values["translator"] = _names(parts[1])
    if m.group("page"):
        values["page"] = parse_pages(m.group("page"))
    if m.group("volume"):
        values["volume"] = m.group("volume")
    return Element("chapter", values)


def recognise_date(text: str) -> Element | None:
    """A date standing alone: "n.d.", "2004", "March 3, 1995" (web pages, reports)."""
    t = text.strip()
    if re.fullmatch(r"n\.\s?d\.?|no date|undated", t, re.I):
        return Element("date", {})
    date = parse_date(t) if len(t) <= 30 else None
    return Element("date", {"issued": date}) if date else None


def recognise_place_date(text: str) -> Element | None:
    """ "Washington, D.C., April 14, 1950": a place and a date, no publisher."""
    m = _PLACE_DATE.match(text)
    if not m:
        return None
    date = parse_date(m.group("date"))
    if date is None:
        return None
    return Element("imprint", {"publisher_place": m.group("place"), "issued": date})


def recognise_identifiers(text: str) -> Element | None:
    m = _DOI.match(text)
    if m:
        return Element("doi", {"DOI": parse_doi(m.group("doi"))})
    m = _ISBN.match(text)
    if m:
        return Element("isbn", {"ISBN": parse_isbn(m.group("isbn"))})
    m = _ACCESSED.match(text)
    accessed = parse_date(m.group("date")) if m else None
    if m and accessed:
        values: dict[str, Any] = {"accessed": accessed}
        if m.group("url"):
            values["URL"] = m.group("url")
        return Element("accessed", values)
    m = _URL_RE.fullmatch(_LINK_CUE.sub("", text).strip("<>"))
    if m:
        url = m.group(1)
        doi = parse_doi(url) if "doi.org/" in url else None
        return Element("doi", {"DOI": doi}) if doi else Element("url", {"URL": url})
    m = _ORIGINAL.match(text)
    if m:
        return Element("original", {"original_date": parse_date(m.group("year"))})
    m = _OCLC.match(text)
    if m:
        return Element("isbn", {"extra:OCLC": m.group("oclc")})
    m = _NUMBERS.match(text)
    if m:
        numbers: dict[str, Any] = {"page": parse_pages(m.group("page")) or m.group("page"),
                                   "volume": m.group("volume")}
        if m.group("issue"):
            numbers["issue"] = m.group("issue")
        return Element("journal", numbers)
    extent = parse_extent(text)
    if extent:
        return Element("extent", {"number_of_pages": extent})
    return None


def recognise_series(text: str) -> Element | None:
    m = _SERIES.match(text)
    if not m:
        return None
    values: dict[str, Any] = {"collection_title": m.group("series")}
    if m.group("number"):
        values["collection_number"] = m.group("number")
    return Element("series", values)


def recognise_report(text: str) -> Element | None:
    m = _REPORT.search(text)
    if not m or len(text.split()) > 12:
        return None
    values: dict[str, Any] = {
        "genre": text[: m.end()].strip(" ,") if m.start() == 0 else m.group(0)
    }
    if m.group("number"):
        values["number"] = m.group("number")
        values["genre"] = (
            text[m.start() : m.start() + len(m.group(0)) - len(m.group("number"))]
            .strip(" ,#")
            .removesuffix(" No.")
            .removesuffix(" no.")
        )
    return Element("report", values)


MAX_ELEMENT = 300

RECOGNISERS: list[Callable[[str], Element | None]] = [
    recognise_identifiers,
    recognise_date,
    recognise_role,
    recognise_edition,
    recognise_volumes,
    recognise_thesis,
    recognise_chapter,
    recognise_imprint,
    recognise_news,
    recognise_place_date,
    recognise_vancouver,
    recognise_journal,
    recognise_report,
    recognise_series,
]


def classify(text: str) -> Element | None:
    """The first recogniser that claims ``text`` (an element without its period).

    Elements are short; text over :data:`MAX_ELEMENT` characters is prose or a
    title, and is not tried (which also bounds the patterns' work).
    """
    if len(text) > MAX_ELEMENT:
        return None
    for recognise in RECOGNISERS:
        element = recognise(text)
        if element is not None:
            return element
    return None
