"""Small parsers for single field values: dates, editions, pages, identifiers.

Each function takes the text of one element and returns the normalized value
or None when the text is not of that kind; none of them raise on odd input.
"""

from __future__ import annotations

import re

from ..model import Date

__all__ = [
    "ISBN_RE",
    "MONTHS",
    "MONTH_WORDS",
    "parse_date",
    "parse_doi",
    "parse_edition",
    "parse_extent",
    "parse_isbn",
    "parse_pages",
    "parse_year",
    "split_gbt_dates",
    "split_type_marker",
]

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
MONTH_RE = _MONTH
#: Month names and abbreviations of the other languages reading lists come in
#: (French, German, Spanish, Italian, Portuguese, Dutch), with and without accents.
#: Only :func:`parse_date` reads them: "out" or "set" elsewhere is no month.
_OTHER_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            "janvier janv januar jänner jän enero ene gennaio gen janeiro januari",
            "février fevrier févr fevr februar febrero febbraio fevereiro fev februari",
            "mars märz maerz marz marzo março marco maart",
            "avril avr abril aprile",
            "mai mayo maggio mag maio mei",
            "juin juni junio giugno giu junho",
            "juillet juil juli julio luglio lug julho",
            "août aout agosto ago augustus",
            "septembre setiembre septiembre settembre setembro set",
            "octobre oktober okt octubre ottobre ott outubro out",
            "novembre noviembre novembro",
            "décembre decembre déc dezember dez diciembre dic dicembre dezembro",
        ],
        start=1,
    )
    for name in names.split()
}
#: every month word :func:`parse_date` reads, in any of its languages (lowercase)
MONTH_WORDS = frozenset(MONTHS) | frozenset(_OTHER_MONTHS)
_ANY_MONTH = "(?:" + "|".join(
    sorted((re.escape(n) for n in (*MONTHS, *_OTHER_MONTHS)), key=len, reverse=True)
) + r")\.?"
_YEAR = r"(1[0-9]\d\d|20\d\d)"
_CENTURIES = frozenset({*(f"1{d}" for d in "0123456789"), "20"})  # the years _YEAR takes
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}


def parse_year(text: str) -> int | None:
    m = re.search(r"(?<!\d)" + _YEAR + r"(?!\d)", text)
    return int(m.group(1)) if m else None


def parse_date(text: str) -> Date | None:
    """A date in the usual bibliography forms; "n.d." and garbage give None."""
    t = text.strip().strip(".,;()[] ")
    if len(t) == 4 and t.isascii() and t.isdigit() and t[:2] in _CENTURIES:
        return Date.from_year(int(t))  # the common case, a bare year, before the patterns
    if not t or re.fullmatch(r"n\.\s?d|no date|undated", t, re.I):
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", t)
    if m and 1 <= int(m.group(2)) <= 12:  # "1989-90" is a range (below), not month 90
        return Date(parts=(tuple(int(g) for g in m.groups() if g),))
    m = re.fullmatch(rf"({_MONTH})\s+(\d{{1,2}}),?\s+{_YEAR}", t, re.I)
    if m:
        return Date(parts=((int(m.group(3)), _month(m.group(1)), int(m.group(2))),))
    m = re.fullmatch(rf"(\d{{1,2}})\s+({_MONTH})\s+{_YEAR}", t, re.I)
    if m:
        return Date(parts=((int(m.group(3)), _month(m.group(2)), int(m.group(1))),))
    m = re.fullmatch(rf"{_YEAR}\s+({_MONTH})(?:\s+(0?[1-9]|[12]\d|3[01]))?", t, re.I)
    if m:  # NLM: "2010 Mar 18"
        day = (int(m.group(3)),) if m.group(3) else ()
        return Date(parts=((int(m.group(1)), _month(m.group(2)), *day),))
    m = re.fullmatch(rf"({_MONTH})\s+{_YEAR}", t, re.I)
    if m:
        return Date(parts=((int(m.group(2)), _month(m.group(1))),))
    # other languages: "15 novembre 1925", "15. März 2001", "1 de marzo de 2010", "août 2013"
    m = re.fullmatch(
        rf"(?:(\d{{1,2}})(?:\.|er)?\s+(?:de\s+)?)?({_ANY_MONTH}),?\s+(?:de\s+)?{_YEAR}", t, re.I)
    if m:
        day = (int(m.group(1)),) if m.group(1) else ()
        return Date(parts=((int(m.group(3)), _month(m.group(2)), *day),))
    # APA: "1996, November 13", "2006, Mai", "1978, 12 juillet"
    m = re.fullmatch(rf"{_YEAR},\s+(?:(\d{{1,2}})\s+)?({_ANY_MONTH})(?:\s+(\d{{1,2}}))?", t, re.I)
    if m and not (m.group(2) and m.group(4)):
        days = tuple(int(g) for g in (m.group(2), m.group(4)) if g)
        return Date(parts=((int(m.group(1)), _month(m.group(3)), *days),))
    m = re.fullmatch(rf"(?:(?:Spring|Summer|Fall|Autumn|Winter)\s+)?{_YEAR}\s*[a-z]?", t, re.I)
    if m:
        return Date.from_year(int(m.group(1)))
    m = re.fullmatch(rf"{_YEAR}\s*[-–—/]\s*{_YEAR}", t)
    if m:
        return Date(parts=((int(m.group(1)),), (int(m.group(2)),)))
    m = re.fullmatch(rf"{_YEAR}\s*[-–—]\s*(\d\d)", t)  # "1922–23": the century is the first's
    if m and int(m.group(2)) > int(m.group(1)[2:]):
        return Date(parts=((int(m.group(1)),), (int(m.group(1)[:2] + m.group(2)),)))
    m = re.fullmatch(rf"(?:c\.|ca\.|circa)\s*{_YEAR}", t, re.I)
    if m:
        return Date(parts=((int(m.group(1)),),), circa=True)
    m = re.fullmatch(rf"\[?{_YEAR}\]?\s*\??", t)
    if m:
        return Date.from_year(int(m.group(1)))
    return None


def _month(text: str) -> int:
    other = _OTHER_MONTHS.get(text.lower().rstrip("."))
    if other is not None and text.lower().rstrip(".") not in MONTHS:
        return other
    return MONTHS[
        text.lower().rstrip(".")[:3]
        if text.lower().rstrip(".") not in MONTHS
        else text.lower().rstrip(".")
    ]


def parse_edition(text: str) -> str | None:
    """ "2d ed." -> "2"; "Rev. ed." -> "Rev."; "Third edition" -> "3"; else None."""
    t = text.strip().rstrip(".")
    m = re.fullmatch(
        r"(\d+)\s*(?:st|nd|rd|th|d)\.?\s+(?:(?:rev(?:ised)?|enl(?:arged)?|"
        r"expanded|updated|and|,|\.)\s*)*ed(?:ition|n)?",
        t,
        re.I,
    )
    if m:
        return m.group(1)
    m = re.fullmatch(r"(\w+)\s+(?:(?:rev(?:ised)?|and|expanded|,)\s*)*ed(?:ition)?", t, re.I)
    if m and m.group(1).lower() in _ORDINALS:
        return str(_ORDINALS[m.group(1).lower()])
    m = re.fullmatch(
        r"((?:rev|revised|new|expanded|updated|abridged|enlarged|corrected|"
        r"reprint|illustrated|paperback|anniversary|centennial|special)"
        r"(?:\.|\s+and\s+\w+|\s*,\s*\w+)*\.?)\s+ed(?:ition|n)?\.?",
        t,
        re.I,
    )
    if m:
        return m.group(1)
    return None


def parse_pages(text: str) -> str | None:
    """ "pp. 45–67" -> "45-67"; "p. 3" -> "3"."""
    t = re.sub(r"^(?:pp?\.|pages?)\s*", "", text.strip().rstrip("."), flags=re.I)
    if re.fullmatch(
        r"[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—]+\s*[A-Za-z]?\d+[A-Za-z]?)?"
        r"(?:,\s*[A-Za-z]?\d+(?:\s*[-–—]+\s*\d+)?)*",
        t,
    ):
        return re.sub(r"\s*[-–—]+\s*", "-", t)
    if re.fullmatch(r"[ivxlcdm]+(?:\s*[-–]\s*[ivxlcdm]+)?", t, re.I):
        return re.sub(r"\s*[-–—]+\s*", "-", t)
    return None


_EXTENT = re.compile(
    r"^(?P<n>(?:[ivxlc]+\s*\+\s*)?\d+)\s*(?:pp|pages|p|S|Seiten|págs?|pag|str|с|стр)\.?$",
    re.I)


def parse_extent(text: str) -> str | None:
    """How many pages a book has, written number first: "450 p." -> "450";
    "xii+320 pp." -> "xii+320"; "184 S." -> "184". None for pages cited ("S. 12")."""
    m = _EXTENT.match(text.strip())
    return m.group("n") if m else None


#: an ISBN as written, hyphens and spaces allowed (the first match is the one read)
ISBN_RE = re.compile(r"\b(97[89][\d -]{10,16}|\d[\d -]{8,11}[\dXx])\b")


def parse_isbn(text: str) -> str | None:
    m = ISBN_RE.search(text)
    if not m:
        return None
    digits = re.sub(r"[^\dXx]", "", m.group(1)).upper()
    return digits if len(digits) in (10, 13) else None


def parse_doi(text: str) -> str | None:
    m = re.search(r"(10\.\d{4,9}/[^\s\"]+)", text)  # SICI DOIs hold < and >
    return m.group(1).rstrip(".,;)") if m else None


#: GB/T 7714 (the Chinese national standard) marks each reference's type in square
#: brackets after its title: "[J]" a journal article, "[M]" a book, "[EB/OL]" a web
#: page ("/OL": online).
GBT_TYPES = {
    "J": "article-journal", "M": "book", "C": "paper-conference", "D": "thesis",
    "R": "report", "N": "article-newspaper", "P": "patent", "S": "standard", "G": "book",
    "A": "chapter", "Z": "document", "EB": "webpage", "DB": "dataset", "CP": "software",
}
_TYPE_MARKER = re.compile(
    r"(?<=\S)\s?\[(?P<code>[A-Z]{1,2})(?:/OL)?\](?=\s*(?:[.,:;]|//|$))")


def split_type_marker(text: str) -> tuple[str, str | None]:
    """``text`` without its GB/T 7714 type marker, and the CSL type the marker
    gives: "Deep learning[J]. Journal …" -> ("Deep learning. Journal …",
    "article-journal"); a text without one comes back as it is, with None."""
    for m in _TYPE_MARKER.finditer(text):
        kind = GBT_TYPES.get(m.group("code"))
        if kind:
            return text[: m.start()] + text[m.end() :], kind
    return text, None


#: GB/T 7714 dates of an online item, after its publisher or title: the date of
#: publication or update in round brackets, the date cited in square ones:
#: "(2020-10-01)[2021-03-05]"; either may stand alone ("[2021-03-05]")
_GBT_DATES = re.compile(
    r"(?:\((?P<issued>\d{4}-\d{1,2}-\d{1,2})\))?\s*"
    r"\[(?P<cited>\d{4}-\d{1,2}-\d{1,2})\]|\((?P<alone>\d{4}-\d{1,2}-\d{1,2})\)(?=\s*[.,]\s)")


def split_gbt_dates(text: str) -> tuple[str, Date | None, Date | None]:
    """``text`` without the GB/T 7714 dates of an online item, and those dates
    (published or updated, cited): "Yearbook. (2020-10-01)[2021-03-05]. http://…"
    -> ("Yearbook. . http://…", 2020-10-01, 2021-03-05). The parsers call it only
    for a reference whose type marker shows it to be GB/T."""
    m = _GBT_DATES.search(text)
    if m is None:
        return text, None, None
    issued = m.group("issued") or m.group("alone")
    cited = m.group("cited")
    return (text[: m.start()] + text[m.end() :],
            parse_date(issued) if issued else None, parse_date(cited) if cited else None)

