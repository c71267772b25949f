"""Fakes for the enrichment tests: candidates, sources and fetchers with no network."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from yalta_refs.enrich.types import Candidate, Fault, HttpRequest, HttpResult, Outcome
from yalta_refs.model import Date, Name, Reference


def names(*families: str) -> tuple[Name, ...]:
    out = []
    for text in families:
        given, _, family = text.rpartition(" ")
        out.append(Name(family=family, given=given or None))
    return tuple(out)


def ref(title: str, *authors: str, year: int | None = None, **kw: Any) -> Reference:
    issued = Date.from_year(year) if year else None
    original = kw.pop("original_year", None)
    if original:
        kw["original_date"] = Date.from_year(original)
    return Reference(id=kw.pop("id", "r1"), type=kw.pop("type", "book"), title=title,
                     author=names(*authors), issued=issued, **kw)


def cand(title: str, *authors: str, year: int | None = None, source: str = "openlibrary",
         record: str = "OL1M", level: Literal["edition", "work"] = "edition",
         isbns: Sequence[str] = (), identifiers: dict[str, str] | None = None,
         **kw: Any) -> Candidate:
    reference = ref(title, *authors, year=year, id=record, **kw)
    return Candidate(source, record, reference, level, tuple(isbns), identifiers or {})


@dataclass
class FakeSource:
    """A source answering with fixed candidates and faults (or raising)."""

    name: str
    candidates: Sequence[Candidate] = ()
    faults: Sequence[Fault] = ()
    error: Exception | None = None
    base_url: str = "http://fake.invalid"
    seen: list[str] = field(default_factory=list)
    by_title: dict[str, Sequence[Candidate]] | None = None

    def find(self, ref: Reference, fetch: Callable[[HttpRequest], HttpResult]) -> Outcome:
        self.seen.append(ref.id)
        fetch(HttpRequest(self.name, f"{self.base_url}/q", (("q", ref.title or ""),)))
        if self.error is not None:
            raise self.error
        found = self.candidates if self.by_title is None else self.by_title.get(
            ref.title or "", ())
        return Outcome(tuple(found), tuple(self.faults))


class FakeFetcher:
    """Answers every request with an empty 200 and remembers the requests."""

    def __init__(self) -> None:
        self.requests: list[HttpRequest] = []

    def fetch(self, request: HttpRequest) -> HttpResult:
        self.requests.append(request)
        return HttpResult(request, 200, {}, b"{}")
