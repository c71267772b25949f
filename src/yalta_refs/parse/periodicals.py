"""Recognisers for the elements of periodicals: journals in every style, newspapers.

"Foreign Affairs 46, no. 1 (1967): 22-52" (Chicago), "Slavic Review, 45(3), 400–420"
(APA), "vol. 12, no. 3, 1980, pp. 10-19" (MLA), "1977;74(12):5463-5467"
(Vancouver), "The New York Times, March 3, 1995" (newspapers).
"""

from __future__ import annotations

import re
from typing import Any

from .element import Element
from .fields import MONTH_RE, parse_date, parse_pages

__all__ = ["recognise_journal", "recognise_news", "recognise_vancouver"]

_JOURNAL = re.compile(
    r"^(?P<container>[^\d(]+?)(?:,?\s+(?:vol\.\s*)?(?P<volume>\d+[A-Za-z]?))?"
    r"(?:,?\s*(?:no\.|nos\.|issue|#)\s*(?P<issue>[\w/–-]+))?"
    r"(?:\s*\((?P<date>[^)]*?(?<!\d)(?:1[5-9]|20)\d\d(?!\d)[^)]*?)\)"
    r"|,\s*(?P<date2>(?:\w+\.?\s+)?(?:1[5-9]|20)\d\d))"
    r"(?:\s*[:,]\s*(?:pp?\.\s*)?(?P<page>[\w–-]+(?:,\s*\d+[–-]\d+)*))?$"
)

_JOURNAL_MLA = re.compile(
    r"^(?P<container>[^,]+?),\s+vol\.\s*(?P<volume>\w+)(?:,\s*no\.\s*(?P<issue>[\w/–-]+))?"
    r"(?:,\s*(?P<date>[^,]*\d{4}))?(?:,\s*pp?\.\s*(?P<page>[\w–-]+))?$"
)

_JOURNAL_APA = re.compile(
    r"^(?P<container>[^,\d]+?),\s*(?P<volume>\d+)(?:\s*\((?P<issue>[\w/–-]+)\))?"
    r"(?:,\s*(?:pp?\.\s*)?(?P<page>[\w]+(?:[–-]\w+)?))?$"
)
# Vancouver: "1977;74(12):5463-5467", "2001 Mar;12(3):45-67", "1950;2:739-48"
_VANCOUVER = re.compile(
    r"^(?P<year>(?:1[5-9]\d\d|20\d\d))(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?\s*;\s*"
    r"(?P<volume>\d+[A-Za-z]?)?(?:\s*\((?P<issue>[^)]+)\))?(?:\s*:\s*(?P<page>[\w–-]+))?$"
)
# author-date journals: "American Historical Review 89(2): 346–381", "Slavic Review 45: 3-20"
_JOURNAL_AD = re.compile(
    r"^(?P<container>[^\d(:]+?),?\s+(?:vol\.\s*)?(?P<volume>\d+)\s*"
    r"(?:\((?P<issue>[\w/–-]+)\)|,?\s*no\.\s*(?P<issue2>[\w/–-]+))?"
    r"\s*[:,]\s*(?:pp?\.\s*)?(?P<page>\w+(?:\s*[–-]\s*\w+)?)$"
)

_NEWS = re.compile(
    rf"^(?P<container>[^,]+?),\s*(?P<date>(?:{MONTH_RE}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH_RE}\s+\d{{4}}|{MONTH_RE}\s+\d{{4}}|(?:Spring|Summer|Fall|Autumn|Winter)\s+\d{{4}}))"
    r"(?:,\s*(?:sec\.\s*\w+,\s*)?(?:pp?\.\s*)?(?P<page>[\w–-]+))?$",
    re.I,
)

_NEWSPAPER = re.compile(
    r"\b(?:Times|Post|Herald|Tribune|Guardian|Gazette|News|Telegraph|Chronicle|Observer|"
    r"Independent|Globe|Daily|Journal|Sun|Star|Mail|Express|Inquirer|Courier|Record|Zeitung|"
    r"Monde|Figaro|Pravda|Izvestia|Bulletin|Dispatch|Register|Examiner)\b"
)

def recognise_vancouver(text: str) -> Element | None:
    """ "1977;74(12):5463-5467": the year, volume, issue and pages of medicine's style."""
    m = _VANCOUVER.match(text)
    if not m or not (m.group("volume") or m.group("page")):
        return None
    values: dict[str, Any] = {k: v for k, v in m.groupdict().items() if v and k != "year"}
    values["issued"] = parse_date(m.group("year"))
    if "page" in values:
        values["page"] = parse_pages(values["page"]) or values["page"]
    return Element("journal", values)

def recognise_journal(text: str) -> Element | None:
    for pattern in (_JOURNAL, _JOURNAL_MLA, _JOURNAL_APA, _JOURNAL_AD):
        m = pattern.match(text)
        if m and _year_as_volume(m.groupdict()):
            continue  # "J. B. Lippincott, 1937": a publisher and a year
        if m and (m.groupdict().get("volume") or m.groupdict().get("issue")):
            d = m.groupdict()
            values: dict[str, Any] = {"container_title": d["container"].strip(" ,")}
            for key in ("volume", "issue"):
                if d.get(key) or d.get(key + "2"):
                    values[key] = d.get(key) or d[key + "2"]
            date = d.get("date") or d.get("date2")
            if date:
                values["issued"] = parse_date(date) or parse_date(str(_year_of(date)))
            if d.get("page"):
                values["page"] = parse_pages(d["page"]) or d["page"]
            return Element("journal", values)
    return None

def _year_as_volume(d: dict[str, Any]) -> bool:
    volume = d.get("volume") or ""
    return bool(re.fullmatch(r"1[5-9]\d\d|20\d\d", volume)) and not (
        d.get("issue") or d.get("page") or d.get("date") or d.get("date2"))

def _year_of(text: str) -> int | str:
    m = re.search(r"\d{4}", text)
    return int(m.group(0)) if m else ""

def recognise_news(text: str) -> Element | None:
    m = _NEWS.match(text)
    if not m:
        return None
    container = m.group("container").strip()
    kind = "article-newspaper" if _NEWSPAPER.search(container) else "article-magazine"
    values: dict[str, Any] = {
        "container_title": container,
        "issued": parse_date(m.group("date")),
        "type": kind,
    }
    if m.group("page"):
        values["page"] = parse_pages(m.group("page")) or m.group("page")
    return Element("news", values)
