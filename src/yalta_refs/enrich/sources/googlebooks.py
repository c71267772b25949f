"""Google Books API v1: used only with a user's API key (keyless quota is zero)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ...model import Reference
from ..types import Candidate, HttpRequest, Outcome
from ._common import (
    CatalogSource,
    Fetch,
    Lookup,
    as_dict,
    as_list,
    compact,
    container_query,
    isbn13s,
    join_title,
    language_code,
    names,
    parse_date,
    ref_family,
    ref_isbn,
    search_title,
    text,
    texts,
)

__all__ = ["GoogleBooks", "map_volume", "volume_items", "volumes_request"]

SOURCE = "googlebooks"
DEFAULT_URL = "https://www.googleapis.com/books/v1"


def _term(value: str) -> str:
    value = re.sub(r'["+:]', " ", value)
    return '"' + re.sub(r"\s+", " ", value).strip() + '"'


def isbn_query(isbn: str) -> str:
    return f"isbn:{isbn}"


def title_author_query(title: str, author: str | None = None) -> str:
    query = f"intitle:{_term(title)}"
    return f"{query} inauthor:{_term(author)}" if author else query


def volumes_request(base_url: str, query: str, key: str, max_results: int = 5) -> HttpRequest:
    params = (("q", query), ("printType", "books"), ("maxResults", str(max_results)),
              ("key", key))
    return HttpRequest(SOURCE, f"{base_url}/volumes", params, purpose="volumes")


def map_volume(volume: Mapping[str, Any]) -> Candidate:
    """One volume (an item of ``/volumes`` or ``/volumes/{id}``) as a candidate."""
    info = as_dict(volume.get("volumeInfo"))
    identifiers = [as_dict(i) for i in as_list(info.get("industryIdentifiers"))]
    isbns = isbn13s([text(i.get("identifier")) for i in identifiers
                     if text(i.get("type")) in {"ISBN_13", "ISBN_10"}])
    pages = info.get("pageCount")
    print_type = text(info.get("printType"))
    ref = Reference(
        type="article-magazine" if print_type == "MAGAZINE" else "book",
        title=join_title(text(info.get("title")), text(info.get("subtitle"))),
        author=names(texts(info.get("authors"))),
        publisher=text(info.get("publisher")),
        issued=parse_date(text(info.get("publishedDate"))),
        number_of_pages=str(pages) if isinstance(pages, int) and pages > 0 else None,
        ISBN=isbns[0] if isbns else None,
        language=language_code(text(info.get("language"))),
    )
    volume_id = text(volume.get("id"))
    record = f"https://books.google.com/books?id={quote(volume_id)}" if volume_id else ""
    return Candidate(SOURCE, record, ref, "edition", isbns, compact({"google_books": volume_id}))


def volume_items(payload: Any) -> list[dict[str, Any]]:
    """The volumes of a search answer; ``totalItems: 0`` comes without ``items``."""
    if not isinstance(payload, dict) or ("totalItems" not in payload and "items" not in payload):
        raise ValueError("not a volumes answer")
    items = payload.get("items", [])
    if not isinstance(items, list):
        raise ValueError("items is not a list")
    return [i for i in items if isinstance(i, dict)]


class GoogleBooks(CatalogSource):
    """Google Books client; without ``key`` it makes no request and finds nothing."""

    name = SOURCE
    default_url = DEFAULT_URL
    max_results = 5

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:
        lookup = Lookup(SOURCE, fetch)
        if not self.key:
            return lookup.outcome()
        ref = container_query(ref)
        isbn = ref_isbn(ref)
        if isbn:
            self._run(lookup, isbn_query(isbn), isbn)
            if lookup.candidates:
                return lookup.outcome()
        title = search_title(ref.title)
        if title:
            self._run(lookup, title_author_query(title, ref_family(ref)), None)
        return lookup.outcome()

    def _run(self, lookup: Lookup, query: str, isbn: str | None) -> None:
        assert self.key is not None
        request = volumes_request(self.base_url, query, self.key, self.max_results)
        for candidate in lookup.mapped(request, volume_items, map_volume, "volume"):
            if isbn and isbn not in candidate.isbns:
                lookup.fault("empty", f"{candidate.record} does not carry ISBN {isbn}", request)
                continue
            lookup.add(candidate)
