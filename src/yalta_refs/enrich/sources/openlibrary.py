"""Open Library: edition by ISBN, else a title/author search followed to an edition.

Flow of :meth:`OpenLibrary.find`: ``/isbn/{isbn}.json`` (an edition record,
kept only when it carries that ISBN); otherwise ``/search.json`` (works), the
best hits followed to one edition each (``/works/{W}/editions.json`` to choose
the edition nearest the reference's year and publisher when a work has
several, or ``/books/{OLID}.json``), the edition's author keys resolved with
``/authors/{key}.json`` (cached within the call). A hit that cannot be
followed is returned as a work-level candidate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from ...model import Name, Reference
from ..types import Candidate, HttpRequest, Outcome
from ._common import (
    PAYLOAD_ERRORS,
    CatalogSource,
    Fetch,
    Lookup,
    as_dict,
    as_list,
    compact,
    container_query,
    first,
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

__all__ = [
    "OpenLibrary",
    "author_request",
    "edition_request",
    "editions_request",
    "isbn_request",
    "map_edition",
    "map_search_doc",
    "olid",
    "pick_edition",
    "search_docs",
    "search_request",
]

SOURCE = "openlibrary"
DEFAULT_URL = "https://openlibrary.org"
CANONICAL = "https://openlibrary.org"
SEARCH_FIELDS = (
    "key,title,subtitle,author_name,author_key,first_publish_year,edition_key,"
    "cover_edition_key,isbn,publisher,publish_place,lccn,oclc,language"
)


# --------------------------------------------------------------------------- requests


def isbn_request(base_url: str, isbn: str) -> HttpRequest:
    return HttpRequest(SOURCE, f"{base_url}/isbn/{quote(isbn)}.json", purpose="edition")


def edition_request(base_url: str, edition_id: str) -> HttpRequest:
    return HttpRequest(SOURCE, f"{base_url}/books/{quote(edition_id)}.json", purpose="edition")


def editions_request(base_url: str, work_id: str, limit: int = 50) -> HttpRequest:
    return HttpRequest(
        SOURCE, f"{base_url}/works/{quote(work_id)}/editions.json",
        (("limit", str(limit)),), purpose="editions",
    )


def author_request(base_url: str, author_id: str) -> HttpRequest:
    return HttpRequest(SOURCE, f"{base_url}/authors/{quote(author_id)}.json", purpose="author")


def search_request(
    base_url: str, title: str, author: str | None = None, limit: int = 5
) -> HttpRequest:
    params = [("title", title)]
    if author:
        params.append(("author", author))
    params += [("fields", SEARCH_FIELDS), ("limit", str(limit))]
    return HttpRequest(SOURCE, f"{base_url}/search.json", tuple(params), purpose="search")


# --------------------------------------------------------------------------- mapping


def olid(key: Any) -> str | None:
    """"OL7353617M" from "/books/OL7353617M", "OL2747782W", {"key": …}."""
    if isinstance(key, dict):
        key = key.get("key")
    value = text(key)
    if not value:
        return None
    match = re.search(r"OL\d+[AMW]", value)
    return match.group() if match else None


def edition_author_ids(edition: Mapping[str, Any]) -> list[str]:
    """Author keys of an edition (``[{key}]`` or ``[{author: {key}}]``)."""
    out = []
    for entry in as_list(edition.get("authors")):
        entry = as_dict(entry)
        key = olid(entry.get("author", entry))
        if key:
            out.append(key)
    return out


def map_edition(
    edition: Mapping[str, Any],
    author_names: Mapping[str, str] | None = None,
    fallback_authors: tuple[Name, ...] = (),
) -> Candidate:
    """An edition record (``/books/…json``, ``/isbn/…json``) as a candidate.

    ``author_names`` maps author keys (``OL34184A``) to names; when none of the
    edition's authors is named, ``fallback_authors`` (the work's) are used.
    """
    author_names = author_names or {}
    authors = names(author_names.get(k) for k in edition_author_ids(edition))
    if not authors:
        authors = fallback_authors
    key = olid(edition.get("key"))
    title = join_title(text(edition.get("title")), text(edition.get("subtitle")))
    prefix = text(edition.get("title_prefix"))
    if prefix and title:
        title = f"{prefix} {title}"
    by_statement = text(edition.get("by_statement"))
    pages = edition.get("number_of_pages")
    languages = [language_code(olid_or_text(v)) for v in as_list(edition.get("languages"))]
    ref = Reference(
        type="book",
        title=title,
        author=authors,
        translator=_translators(by_statement),
        publisher=first(edition.get("publishers")),
        publisher_place=first(edition.get("publish_places")),
        issued=parse_date(edition.get("publish_date")),
        edition=text(edition.get("edition_name")),
        number_of_pages=str(pages) if isinstance(pages, int) and pages > 0 else None,
        collection_title=first(edition.get("series")),
        language=next((lang for lang in languages if lang), None),
        extra=compact({"by_statement": by_statement}),
    )
    isbns = _edition_isbns(edition)
    ref = ref.with_fields(ISBN=isbns[0] if isbns else None)
    work = olid(as_list(edition.get("works"))[0]) if as_list(edition.get("works")) else None
    identifiers = compact({
        "openlibrary": key,
        "openlibrary_work": work,
        "lccn": first(edition.get("lccn")),
        "oclc": first(edition.get("oclc_numbers") or edition.get("oclc_number")),
    })
    return Candidate(SOURCE, f"{CANONICAL}/books/{key}" if key else "", ref, "edition",
                     isbns, identifiers)


def olid_or_text(value: Any) -> str | None:
    """"eng" from ``{"key": "/languages/eng"}`` or "eng"."""
    if isinstance(value, dict):
        value = value.get("key")
    return text(value)


def _translators(by_statement: str | None) -> tuple[Name, ...]:
    if not by_statement:
        return ()
    match = re.search(r"\btrans(?:lated|\.)?\s+(?:from [A-Za-z]+ )?(?:and \w+ )?by\s+([^;.]+)",
                      by_statement, re.I)
    if not match:
        return ()
    return names(re.split(r"\s*(?:,|\band\b|&)\s*", match.group(1)))


def search_docs(payload: Any) -> list[dict[str, Any]]:
    """The ``docs`` of a search answer (modern and legacy shapes)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("docs"), list):
        raise ValueError("search answer without docs[]")
    return [d for d in payload["docs"] if isinstance(d, dict)]


def map_search_doc(doc: Mapping[str, Any]) -> Candidate:
    """A search hit (a work) as a work-level candidate: title, authors, first year."""
    key = olid(doc.get("key"))
    ref = Reference(
        type="book",
        title=join_title(text(doc.get("title")), text(doc.get("subtitle"))),
        author=names(texts(doc.get("author_name"))),
        issued=parse_date(doc.get("first_publish_year")),
    )
    return Candidate(SOURCE, f"{CANONICAL}/works/{key}" if key else "", ref, "work",
                     isbn13s(texts(doc.get("isbn"))), compact({"openlibrary_work": key}))


def _edition_isbns(edition: Mapping[str, Any]) -> tuple[str, ...]:
    return isbn13s([*texts(edition.get("isbn_13")), *texts(edition.get("isbn_10"))])


def pick_edition(entries: list[Any], ref: Reference) -> dict[str, Any] | None:
    """The edition nearest to the reference: ISBN, then year, publisher and language."""
    want_isbn = ref_isbn(ref)
    want_year = ref.issued.year if ref.issued else None
    want_pub = set(re.findall(r"\w{3,}", (ref.publisher or "").lower()))
    best: tuple[float, dict[str, Any]] | None = None
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        score = 0.0
        if want_isbn and want_isbn in _edition_isbns(entry):
            score += 10
        date = parse_date(entry.get("publish_date"))
        if want_year and date and date.year:
            score += 3 if date.year == want_year else (1 if abs(date.year - want_year) == 1 else 0)
        publishers = " ".join(texts(entry.get("publishers"))).lower()
        if want_pub and want_pub & set(re.findall(r"\w{3,}", publishers)):
            score += 2
        langs = {olid_or_text(v) for v in as_list(entry.get("languages"))}
        if "/languages/eng" in langs or "eng" in langs:
            score += 0.5
        if best is None or score > best[0]:
            best = (score, entry)
    return best[1] if best else None


def _rank_docs(docs: list[dict[str, Any]], ref: Reference) -> list[dict[str, Any]]:
    want = (search_title(ref.title) or "").lower()
    family = (ref_family(ref) or "").lower()

    def score(doc: dict[str, Any]) -> float:
        title = (text(doc.get("title")) or "").lower()
        s = 2.0 if title == want else (1.0 if want and want in title else 0.0)
        if family and any(family in a.lower() for a in texts(doc.get("author_name"))):
            s += 1.5
        return s

    return sorted(docs, key=score, reverse=True)


# --------------------------------------------------------------------------- client


class OpenLibrary(CatalogSource):
    """Open Library client (``https://openlibrary.org``)."""

    name = SOURCE
    default_url = DEFAULT_URL
    #: how many search hits are followed to an edition
    follow = 2

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:
        ref = container_query(ref)
        run = _Run(self.base_url, Lookup(SOURCE, fetch))
        isbn = ref_isbn(ref)
        if isbn and run.by_isbn(isbn):
            return run.lookup.outcome()
        title = search_title(ref.title)
        if title:
            run.by_search(ref, title)
        return run.lookup.outcome()


class _Run:
    """The state of one ``find`` call (author-name cache included)."""

    def __init__(self, base_url: str, lookup: Lookup) -> None:
        self.base_url = base_url
        self.lookup = lookup
        self.author_names: dict[str, str] = {}

    def by_isbn(self, isbn: str) -> bool:
        request = isbn_request(self.base_url, isbn)
        edition = self.lookup.json(request)
        if edition is None:
            return False
        if isinstance(edition, dict) and isbn not in _edition_isbns(edition):
            # confirm before following the author keys of a record we will not use
            record = olid(edition.get("key")) or "the edition"
            self.lookup.fault("empty", f"{record} does not carry ISBN {isbn}", request)
            return False
        candidate = self.edition_candidate(edition, request)
        if candidate is None:
            return False
        self.lookup.add(candidate)
        return True

    def by_search(self, ref: Reference, title: str) -> None:
        request = search_request(self.base_url, title, ref_family(ref))
        payload = self.lookup.json(request)
        if payload is None:
            return
        try:
            docs = search_docs(payload)
        except ValueError as exc:
            self.lookup.fault("malformed", str(exc), request)
            return
        if not docs:
            self.lookup.fault("empty", f"no work found for {title!r}", request)
            return
        for doc in _rank_docs(docs, ref)[: OpenLibrary.follow]:
            self.follow_doc(doc, ref)

    def follow_doc(self, doc: dict[str, Any], ref: Reference) -> None:
        for key, name in zip(texts(doc.get("author_key")), texts(doc.get("author_name")),
                             strict=False):
            self.author_names.setdefault(key, name)
        work_authors = names(texts(doc.get("author_name")))
        edition = self.choose_edition(doc, ref)
        candidate = None
        if edition is not None:
            candidate = self.edition_candidate(edition[0], edition[1], work_authors)
        if candidate is None:
            try:
                candidate = map_search_doc(doc)
            except PAYLOAD_ERRORS:
                return
        self.lookup.add(candidate)

    def choose_edition(
        self, doc: dict[str, Any], ref: Reference
    ) -> tuple[dict[str, Any], HttpRequest] | None:
        keys = [k for k in (olid(v) for v in texts(doc.get("edition_key"))) if k]
        work = olid(doc.get("key"))
        if work and len(keys) > 1 and (ref.issued or ref.publisher or ref.ISBN):
            request = editions_request(self.base_url, work)
            payload = self.lookup.json(request)
            if isinstance(payload, dict):
                chosen = pick_edition(as_list(payload.get("entries")), ref)
                if chosen is not None:
                    return chosen, request
        key = olid(doc.get("cover_edition_key")) or (keys[0] if keys else None)
        if key is None:
            return None
        request = edition_request(self.base_url, key)
        payload = self.lookup.json(request)
        return (payload, request) if isinstance(payload, dict) else None

    def edition_candidate(
        self, edition: Any, request: HttpRequest, work_authors: tuple[Name, ...] = ()
    ) -> Candidate | None:
        if not isinstance(edition, dict):
            self.lookup.fault("malformed", "edition record is not an object", request)
            return None
        for key in edition_author_ids(edition):
            if key not in self.author_names:
                self.author_names[key] = self.author_name(key) or ""
        try:
            return map_edition(edition, self.author_names, work_authors)
        except PAYLOAD_ERRORS as exc:
            self.lookup.fault("malformed", f"edition record: {exc}", request)
            return None

    def author_name(self, key: str) -> str | None:
        payload = self.lookup.json(author_request(self.base_url, key))
        if not isinstance(payload, dict):
            return None
        return text(payload.get("personal_name")) or text(payload.get("name"))

