"""The data passed between the enrichment parts: requests, results, candidates.

Enrichment is split so that only one module does I/O:

* a *source* (``sources/openlibrary.py`` …) builds :class:`HttpRequest`
  values for a reference and maps payloads to :class:`Candidate` records
  (pure functions), its lookup flow calling an injected ``fetch``;
* the *fetcher* (``http.py``) performs requests: cache, per-host limits,
  retries, timeouts; every failure comes back as a :class:`Fault`, never as
  an exception;
* *matching* scores candidates against the reference, *merging* applies the
  accepted one field by field with provenance; the *engine* drives the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..model import Reference

#: Why a request gave no usable answer. ``offline`` = not in the cache while
#: offline; ``diagnostic`` = the service answered 200 with an error body (SRU).
FaultKind = Literal[
    "rate-limited", "server-error", "client-error", "not-found", "timeout",
    "connection", "malformed", "diagnostic", "empty", "offline",
]


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """One GET request to a catalog. ``source`` names the catalog (its limits)."""

    source: str
    url: str
    params: tuple[tuple[str, str], ...] = ()
    accept: str = "application/json"
    #: what the answer is expected to be, for the source's parser
    #: ("edition", "search", "work", "author", "sru", "works", …)
    purpose: str = ""


@dataclass(frozen=True, slots=True)
class Fault:
    """A request (or its payload) that failed; kept as data, reported per record."""

    kind: FaultKind
    message: str
    source: str
    url: str | None = None
    status: int | None = None


@dataclass(frozen=True, slots=True)
class HttpResult:
    """What came back for one request: a response, or a fault."""

    request: HttpRequest
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    from_cache: bool = False
    fault: Fault | None = None

    @property
    def ok(self) -> bool:
        return self.fault is None and self.status is not None and 200 <= self.status < 300


class Fetcher(Protocol):
    """Anything that performs a request (the real client, or a fake in tests)."""

    def fetch(self, request: HttpRequest) -> HttpResult: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """One catalog record mapped into our model.

    ``reference`` holds the record's fields in the CSL vocabulary (type, title
    with subtitle joined by ": ", author, issued, publisher, publisher-place,
    ISBN, DOI, number-of-pages, …). ``record`` is a stable id or URL of the
    record (for provenance). ``isbns`` lists every ISBN the record carries
    (normalised ISBN-13), so an ISBN lookup can be confirmed. ``identifiers``
    holds other ids that have no CSL field (``lccn``, ``oclc``, ``openlibrary``,
    ``openalex``, ``wikidata``), written to ``extra`` when the match is applied.
    ``level`` is "edition" for a record of one edition (edition facts may be
    taken from it) and "work" for a record of the work (titles and authors only).
    """

    source: str
    record: str
    reference: Reference
    level: Literal["edition", "work"] = "edition"
    isbns: tuple[str, ...] = ()
    identifiers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one source found for one reference: candidates and faults."""

    candidates: tuple[Candidate, ...] = ()
    faults: tuple[Fault, ...] = ()


class Source(Protocol):
    """A catalog client.

    ``find`` runs the source's lookup flow for one reference (identifier
    lookups before searches; a search hit followed to its edition record; an
    edition's author keys to names) through the injected ``fetch``, which
    does all I/O. Mapping payloads to candidates is done by pure module-level
    functions that tests call directly. ``find`` never raises for a bad
    payload: it returns a :class:`Fault` of kind "malformed".
    """

    name: str
    base_url: str

    def find(self, ref: Reference, fetch: Callable[[HttpRequest], HttpResult]) -> Outcome: ...
