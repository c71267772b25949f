"""Crossref REST API: a work by DOI, else a bibliographic search filtered by type.

Reviews come back from book searches: their type is kept as "review" or
"review-book" so that matching can reject them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ...model import Name, Reference
from ..types import Candidate, HttpRequest, Outcome
from ._common import (
    CatalogSource,
    Fetch,
    Lookup,
    as_dict,
    as_list,
    date_from_parts,
    first,
    isbn13s,
    join_title,
    language_code,
    normalize_doi,
    ref_doi,
    ref_family,
    search_title,
    text,
)

__all__ = ["Crossref", "map_work", "search_request", "work_items", "work_request"]

SOURCE = "crossref"
DEFAULT_URL = "https://api.crossref.org"

#: Crossref type -> CSL type
TYPES = {
    "journal-article": "article-journal",
    "book-chapter": "chapter",
    "book-section": "chapter",
    "book-part": "chapter",
    "book": "book",
    "monograph": "book",
    "edited-book": "book",
    "reference-book": "book",
    "book-set": "book",
    "book-series": "book",
    "proceedings-article": "paper-conference",
    "posted-content": "article",
    "report": "report",
    "report-component": "report",
    "dissertation": "thesis",
    "reference-entry": "entry-encyclopedia",
    "dataset": "dataset",
    "standard": "standard",
    "peer-review": "review",
    "book-review": "review-book",
}
#: CSL type of the reference -> the Crossref types a search is restricted to
SEARCH_TYPES = {
    "book": ("book", "monograph", "edited-book", "reference-book"),
    "chapter": ("book-chapter", "book-section", "book-part"),
    "article-journal": ("journal-article",),
    "paper-conference": ("proceedings-article",),
    "report": ("report",),
    "thesis": ("dissertation",),
}


# --------------------------------------------------------------------------- requests


def work_request(base_url: str, doi: str, mailto: str | None = None) -> HttpRequest:
    params = (("mailto", mailto),) if mailto else ()
    return HttpRequest(SOURCE, f"{base_url}/works/{quote(doi, safe='/')}", params, purpose="work")


def search_request(
    base_url: str, query: str, csl_type: str | None = None, mailto: str | None = None,
    rows: int = 5,
) -> HttpRequest:
    params = [("query.bibliographic", query)]
    types = SEARCH_TYPES.get(csl_type or "")
    if types:
        params.append(("filter", ",".join(f"type:{t}" for t in types)))
    params.append(("rows", str(rows)))
    if mailto:
        params.append(("mailto", mailto))
    return HttpRequest(SOURCE, f"{base_url}/works", tuple(params), purpose="works")


# --------------------------------------------------------------------------- mapping


def _names(value: Any) -> tuple[Name, ...]:
    out = []
    for person in as_list(value):
        person = as_dict(person)
        family, given = text(person.get("family")), text(person.get("given"))
        if family:
            out.append(Name(family=family, given=given, suffix=text(person.get("suffix"))))
        elif text(person.get("name")):
            out.append(Name(literal=text(person.get("name"))))
    return tuple(out)


def _type(message: Mapping[str, Any], title: str | None) -> str:
    kind = text(message.get("type")) or ""
    csl = TYPES.get(kind, "document")
    if csl == "article-journal" and title and re.match(
        r"(?:book\s+)?reviews?\b(?:\s+of\b|\s*:)", title, re.I
    ):
        return "review-book"
    return csl


def _isbns(message: Mapping[str, Any]) -> tuple[str, ...]:
    typed = [as_dict(i) for i in as_list(message.get("isbn-type"))]
    typed.sort(key=lambda i: i.get("type") != "print")
    return isbn13s([*(text(i.get("value")) for i in typed), *as_list(message.get("ISBN"))])


def map_work(message: Mapping[str, Any]) -> Candidate:
    """A Crossref work (``message`` of ``/works/{doi}``, or one list item)."""
    title = join_title(first(message.get("title")), first(message.get("subtitle")))
    doi = normalize_doi(text(message.get("DOI")))
    issued = None
    for key in ("issued", "published-print", "published-online", "published"):
        issued = date_from_parts(message.get(key))
        if issued:
            break
    isbns = _isbns(message)
    ref = Reference(
        type=_type(message, title),
        title=title,
        author=_names(message.get("author")),
        editor=_names(message.get("editor")),
        translator=_names(message.get("translator")),
        container_title=first(message.get("container-title")),
        publisher=text(message.get("publisher")),
        publisher_place=text(message.get("publisher-location")),
        issued=issued,
        edition=text(message.get("edition-number")),
        volume=text(message.get("volume")),
        issue=text(message.get("issue")),
        page=text(message.get("page")),
        ISBN=isbns[0] if isbns else None,
        ISSN=first(message.get("ISSN")),
        DOI=doi,
        URL=text(message.get("URL")),
        language=language_code(text(message.get("language"))),
    )
    record = f"https://doi.org/{doi}" if doi else ""
    return Candidate(SOURCE, record, ref, "edition", isbns)


def work_items(payload: Any) -> list[dict[str, Any]]:
    """The work(s) of an answer: one for ``/works/{doi}``, the items of a list."""
    message = as_dict(payload).get("message") if isinstance(payload, dict) else None
    if not isinstance(message, dict):
        raise ValueError("answer without a message object")
    if payload.get("message-type") == "work-list" or "items" in message:
        items = message.get("items")
        if not isinstance(items, list):
            raise ValueError("work list without items[]")
        return [i for i in items if isinstance(i, dict)]
    return [message]


# --------------------------------------------------------------------------- client


class Crossref(CatalogSource):
    """Crossref client; ``mailto`` selects the polite pool."""

    name = SOURCE
    default_url = DEFAULT_URL
    rows = 5

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:
        lookup = Lookup(SOURCE, fetch)
        doi = ref_doi(ref)
        if doi:
            self._run(lookup, work_request(self.base_url, doi, self.mailto))
            if lookup.candidates:
                return lookup.outcome()
        title = search_title(ref.title)
        if title:
            query = " ".join(p for p in (title, ref_family(ref)) if p)
            self._run(lookup, search_request(self.base_url, query, ref.type, self.mailto,
                                             self.rows))
        return lookup.outcome()

    def _run(self, lookup: Lookup, request: HttpRequest) -> None:
        for candidate in lookup.mapped(request, work_items, map_work, "work"):
            lookup.add(candidate)
