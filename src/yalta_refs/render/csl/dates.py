"""Dates: reading CSL-JSON dates and the ``<date>`` element.

Localized (``form="text"``/``"numeric"``) and style-defined dates, ranges
collapsed on the largest differing part ("May 3–10, 2010"), seasons, BC/AD
years, ordinal days, ``raw`` strings parsed as citeproc-js would for common
shapes (ISO, "May 2010", "3 May 2010", "2010/2012") and ``literal`` dates
printed as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .blob import Blob, Decor
from .context import Ctx
from .numbers import ordinal
from .textcase import apply_case, strip_periods

__all__ = ["DateNode", "DatePartSpec", "DateVal", "parse_date"]

_RANK = {"day": 0, "month": 1, "year": 2}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_SEASONS = {"spring": 13, "summer": 14, "autumn": 15, "fall": 15, "winter": 16}


@dataclass(frozen=True, slots=True)
class DateVal:
    """A prepared date: start and optional end as (year, month, day), 0 = missing."""

    start: tuple[int, int, int] = (0, 0, 0)
    end: tuple[int, int, int] | None = None
    season: str = ""
    circa: bool = False
    literal: str = ""

    def sort_key(self, shown: frozenset[str] | None = None) -> str:
        """Sortable digits of start and end; ``shown`` keeps only those parts."""
        if self.literal and not self.start[0]:
            return ""
        def one(part: tuple[int, int, int]) -> str:
            year, month, day = part
            month = month if month <= 12 else 0
            if shown is not None:
                month = month if "month" in shown else 0
                day = day if "day" in shown else 0
            return f"{year + 10000:05d}{month:02d}{day:02d}"
        return one(self.start) + (one(self.end) if self.end else "000000000")


def _int(value: Any) -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        return 0


def _triple(parts: Any) -> tuple[int, int, int]:
    if not isinstance(parts, list | tuple):
        return (0, 0, 0)
    vals = [_int(p) for p in list(parts)[:3]] + [0, 0, 0]
    return (vals[0], vals[1], vals[2])


def _parse_one(text: str) -> tuple[int, int, int] | None:
    text = text.strip()
    match = re.fullmatch(r"(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if match:
        return (int(match.group(1)), int(match.group(2) or 0), int(match.group(3) or 0))
    words = re.findall(r"[A-Za-z]+|\d+", text)
    year = month = day = 0
    for word in words:
        low = word.lower()
        if word.isdigit():
            if len(word) >= 3 or (year == 0 and day and int(word) > 31):
                year = int(word)
            elif day == 0 and int(word) <= 31:
                day = int(word)
            else:
                return None
        elif low[:3] in _MONTHS:
            month = _MONTHS[low[:3]]
        elif low in _SEASONS:
            month = _SEASONS[low]
        else:
            return None
    if not year:
        return None
    return (year, month, day if month else 0)


def parse_date(raw: Any) -> DateVal | None:
    """A CSL-JSON date object (or string) as a :class:`DateVal`; None if empty."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str | int):
        raw = {"raw": str(raw)}
    if not isinstance(raw, Mapping):
        return None
    circa = bool(raw.get("circa"))
    season = str(raw.get("season") or "")
    parts = raw.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list | tuple) and parts[0]:
        start = _triple(parts[0])
        end = _triple(parts[1]) if len(parts) > 1 and parts[1] else None
        if start[0] or start[1]:
            return DateVal(start, end if end and end != start and end[0] else None,
                           season, circa)
    if raw.get("literal"):
        return DateVal(literal=str(raw["literal"]), circa=circa)
    if raw.get("raw"):
        text = str(raw["raw"])
        pieces = re.split(r"\s*/\s*|\s+[-\u2013]\s+", text) if "/" in text or " - " in text \
            or " \u2013 " in text else [text]
        parsed = [_parse_one(p) for p in pieces[:2]]
        if parsed and all(parsed) and parsed[0] is not None:
            end = parsed[1] if len(parsed) > 1 else None
            return DateVal(parsed[0], end, season, circa)
        return DateVal(literal=text, circa=circa)
    return None


@dataclass
class DatePartSpec:
    """One ``<date-part>`` with its attributes."""

    name: str
    form: str
    prefix: str = ""
    suffix: str = ""
    case: str = ""
    strip: bool = False
    range_delim: str = "\u2013"
    decor: tuple[Decor, ...] = ()


class DateNode:
    """A compiled ``<date>`` element."""

    def __init__(self, variable: str, parts: list[DatePartSpec], delim: str, prefix: str,
                 suffix: str, decor: tuple[Decor, ...], case: str) -> None:
        self.variable = variable
        self.parts = parts
        self.delim = delim
        self.prefix = prefix
        self.suffix = suffix
        self.decor = decor
        self.case = case
        self.shown = frozenset(p.name for p in parts)

    def render(self, ctx: Ctx) -> Blob | None:
        ctx.called += 1
        value = ctx.value(self.variable)
        if not isinstance(value, DateVal):
            return None
        ctx.found += 1
        ctx.rendered.append(self.variable)
        if ctx.mode == "sort":
            # a date inside a sort macro keys on the parts it shows (citeproc-js):
            # a year-only date leaves month and day out of the order
            return Blob(value.sort_key(self.shown) or value.literal)
        if value.literal:
            if not any(p.name == "year" for p in self.parts):
                return None
            text = value.literal
            return Blob(text, prefix=self.prefix, suffix=self.suffix, decor=self.decor)
        kids = self._kids(ctx, value)
        if not kids:
            return None
        if value.season and not value.start[1] and not 1 <= _int(value.season) <= 4 \
                and all(p.name == "month" for p in self.parts if self._has(p, value.start, value)):
            # a season given as words and nothing else of the date: citeproc-js prints
            # it but counts it as no content, so the group or macro around it (there
            # always is one in practice) drops it: "no. 20 (Spring)" -> "no. 20"
            ctx.found -= 1
            return None
        return Blob(kids=kids, prefix=self.prefix, suffix=self.suffix, delim=self.delim,
                    decor=self.decor)

    def _kids(self, ctx: Ctx, value: DateVal) -> list[Blob]:
        parts = [p for p in self.parts if self._has(p, value.start, value)]
        end = value.end
        diff = -1
        if end is not None:
            for spec in parts:
                idx = 2 - _RANK[spec.name]
                if value.start[idx] != end[idx]:
                    diff = max(diff, _RANK[spec.name])
        if diff < 0 or end is None:
            return [b for b in (self._part(ctx, p, value.start, value) for p in parts) if b]
        inside = [p for p in parts if _RANK[p.name] <= diff]
        first = parts.index(inside[0])
        last = parts.index(inside[-1])
        delim = next(p.range_delim for p in parts if _RANK[p.name] == diff)
        out: list[Blob] = []
        for spec in parts[:first]:
            blob = self._part(ctx, spec, value.start, value)
            if blob:
                out.append(blob)
        starts = [b for b in (self._part(ctx, p, value.start, value) for p in inside) if b]
        ends = [b for b in (self._part(ctx, p, end, value) for p in inside) if b]
        if starts and ends:
            starts[-1].suffix = ""
            ends[0].prefix = ""
            out.append(Blob(kids=[Blob(kids=starts, delim=self.delim),
                                  Blob(kids=ends, delim=self.delim)], delim=delim))
        for spec in parts[last + 1:]:
            blob = self._part(ctx, spec, value.start, value)
            if blob:
                out.append(blob)
        return out

    @staticmethod
    def _has(spec: DatePartSpec, when: tuple[int, int, int], value: DateVal) -> bool:
        if spec.name == "year":
            return bool(when[0])
        if spec.name == "month":
            return bool(when[1]) or bool(value.season)
        return bool(when[2]) and 0 < when[1] <= 12

    def _part(self, ctx: Ctx, spec: DatePartSpec, when: tuple[int, int, int],
              value: DateVal) -> Blob | None:
        text = _part_text(ctx, spec, when, value)
        if not text:
            return None
        if spec.name == "year" and self.variable == "issued" and ctx.year_suffix \
                and not ctx.opts.year_suffix_explicit and not ctx.year_suffix_done:
            ctx.year_suffix_done = True
            text += ctx.year_suffix
        if spec.case:
            text = apply_case(text, spec.case)
        if spec.strip:
            text = strip_periods(text)
        return Blob(text, prefix=spec.prefix, suffix=spec.suffix, decor=spec.decor)


def _part_text(ctx: Ctx, spec: DatePartSpec, when: tuple[int, int, int],
               value: DateVal) -> str:
    year, month, day = when
    locale = ctx.locale
    if spec.name == "year":
        if spec.form == "short":
            return f"{abs(year) % 100:02d}"
        if year < 0:
            return f"{-year}{locale.term('bc') or 'BC'}"
        if year < 1000:
            return f"{year}{locale.term('ad') or 'AD'}"
        return str(year)
    if spec.name == "month":
        if not month:
            if value.season:
                num = _int(value.season)
                if 1 <= num <= 4:
                    return locale.term(f"season-0{num}") or value.season
                return value.season
            return ""
        if month > 12:
            if 13 <= month <= 16:
                return locale.term(f"season-0{month - 12}") or ""
            return ""
        if spec.form == "numeric":
            return str(month)
        if spec.form == "numeric-leading-zeros":
            return f"{month:02d}"
        form = "short" if spec.form == "short" else "long"
        return locale.term(f"month-{month:02d}", form) or str(month)
    if spec.form == "numeric-leading-zeros":
        return f"{day:02d}"
    if spec.form == "ordinal":
        if locale.option("limit-day-ordinals-to-day-1") and day != 1:
            return str(day)
        return ordinal(day, locale, locale.genders.get(f"month-{month:02d}", ""))
    return str(day)
