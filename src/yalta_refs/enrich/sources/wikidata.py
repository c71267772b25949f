"""Wikidata (optional): a book item by ISBN (P212/P957), or by title.

Flow: ``action=query&list=search`` with ``haswbstatement:P212=…|P957=…`` (or
the title), ``wbgetentities`` for the hits, then one ``wbgetentities`` for
the labels of the authors (P50) and publisher (P123). Items whose author
has no label keep no author names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

from ...model import Date, Reference
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
    hyphenate_isbn,
    isbn10,
    isbn13s,
    name_from_display,
    ref_isbn,
    search_title,
    text,
)

__all__ = [
    "Wikidata",
    "entities_request",
    "entity_ids",
    "isbn_search",
    "labels_of",
    "map_entity",
    "search_hits",
    "search_request",
]

SOURCE = "wikidata"
DEFAULT_URL = "https://www.wikidata.org/w/api.php"
EDITION_CLASSES = {"Q3331189"}  # version, edition or translation
TYPES = {"Q13442814": "article-journal", "Q191067": "article-journal", "Q1980247": "chapter"}


def isbn_search(isbn13: str) -> str:
    """A CirrusSearch query for items carrying this ISBN (stored hyphenated)."""
    terms = [f"P212={hyphenate_isbn(isbn13)}"]
    ten = isbn10(isbn13)
    if ten:
        terms.append(f"P957={hyphenate_isbn(ten)}")
    return "haswbstatement:" + "|".join(terms)


def search_request(base_url: str, query: str, limit: int = 3) -> HttpRequest:
    params = (("action", "query"), ("list", "search"), ("srsearch", query),
              ("srlimit", str(limit)), ("format", "json"))
    return HttpRequest(SOURCE, base_url, params, purpose="search")


def entities_request(
    base_url: str, ids: list[str], props: str = "labels|claims", language: str = "en"
) -> HttpRequest:
    params = (("action", "wbgetentities"), ("ids", "|".join(ids)), ("props", props),
              ("languages", language), ("languagefallback", "1"), ("format", "json"))
    return HttpRequest(SOURCE, base_url, params, purpose="entities")


# --------------------------------------------------------------------------- mapping


def search_hits(payload: Any) -> list[str]:
    """Item ids from a CirrusSearch answer."""
    search = as_dict(as_dict(payload).get("query")).get("search")
    if not isinstance(search, list):
        raise ValueError("search answer without query.search[]")
    return [t for t in (text(as_dict(h).get("title")) for h in search) if t
            and re.fullmatch(r"Q\d+", t)]


def entity_ids(payload: Any) -> dict[str, dict[str, Any]]:
    """The entities of a ``wbgetentities`` answer, by id."""
    entities = as_dict(payload).get("entities")
    if not isinstance(entities, dict):
        raise ValueError("answer without entities{}")
    return {k: v for k, v in entities.items() if isinstance(v, dict) and "missing" not in v}


def _values(entity: Mapping[str, Any], prop: str) -> list[Any]:
    out = []
    for claim in as_list(as_dict(entity.get("claims")).get(prop)):
        claim = as_dict(claim)
        if claim.get("rank") == "deprecated":
            continue
        value = as_dict(as_dict(claim.get("mainsnak")).get("datavalue")).get("value")
        if value is not None:
            out.append(value)
    return out


def _item_id(value: Any) -> str | None:
    value = as_dict(value)
    if text(value.get("id")):
        return text(value.get("id"))
    number = value.get("numeric-id")
    return f"Q{number}" if isinstance(number, int) else None


def _item_ids(entity: Mapping[str, Any], prop: str) -> list[str]:
    return [i for i in (_item_id(v) for v in _values(entity, prop)) if i]


def _time(value: Any) -> Date | None:
    value = as_dict(value)
    match = re.match(r"([+-]\d+)-(\d\d)-(\d\d)", text(value.get("time")) or "")
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    precision = value.get("precision")
    parts: tuple[int, ...] = (year,)
    if isinstance(precision, int) and precision >= 10 and month:
        parts = (year, month, day) if precision >= 11 and day else (year, month)
    return Date(parts=(parts,))


def labels_of(entities: Mapping[str, Mapping[str, Any]], language: str = "en") -> dict[str, str]:
    """Item id -> label (the language asked for, else any)."""
    out = {}
    for qid, entity in entities.items():
        labels = as_dict(entity.get("labels"))
        label = as_dict(labels.get(language)) or next(
            (as_dict(v) for v in labels.values() if isinstance(v, dict)), {})
        if text(label.get("value")):
            out[qid] = str(text(label.get("value")))
    return out


def map_entity(entity: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> Candidate:
    """A book item as a candidate; ``labels`` names the authors and publisher items."""
    labels = labels or {}
    qid = text(entity.get("id")) or ""
    own = labels_of({qid: entity}) if qid else {}
    titles = [text(as_dict(v).get("text")) for v in _values(entity, "P1476")]
    title = next((t for t in titles if t), None) or own.get(qid)
    isbns = isbn13s([*map(text, _values(entity, "P212")), *map(text, _values(entity, "P957"))])
    classes = set(_item_ids(entity, "P31"))
    pages = next((text(as_dict(v).get("amount")) for v in _values(entity, "P1104")), None)
    publisher = next((labels[q] for q in _item_ids(entity, "P123") if q in labels), None)
    authors = tuple(n for n in (name_from_display(labels.get(q)) for q in
                                _item_ids(entity, "P50")) if n)
    ref = Reference(
        type=next((TYPES[c] for c in classes if c in TYPES), "book"),
        title=title,
        author=authors,
        publisher=publisher,
        issued=next((d for d in map(_time, _values(entity, "P577")) if d), None),
        number_of_pages=pages.lstrip("+") if pages else None,
        ISBN=isbns[0] if isbns else None,
    )
    level: Literal["edition", "work"] = "edition" if classes & EDITION_CLASSES or isbns else "work"
    oclc = next((text(v) for v in _values(entity, "P243")), None)
    return Candidate(SOURCE, f"https://www.wikidata.org/wiki/{qid}", ref, level, isbns,
                     compact({"wikidata": qid, "oclc": oclc}))


# --------------------------------------------------------------------------- client


class Wikidata(CatalogSource):
    """Wikidata client (MediaWiki action API)."""

    name = SOURCE
    default_url = DEFAULT_URL
    limit = 3

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:
        ref = container_query(ref)
        lookup = Lookup(SOURCE, fetch)
        isbn = ref_isbn(ref)
        title = search_title(ref.title)
        if isbn:
            query = isbn_search(isbn)
        elif title:
            query = f'"{title}" haswbstatement:P50'
        else:
            return lookup.outcome()
        request = search_request(self.base_url, query, self.limit)
        payload = lookup.json(request)
        if payload is None:
            return lookup.outcome()
        try:
            ids = search_hits(payload)
        except ValueError as exc:
            lookup.fault("malformed", str(exc), request)
            return lookup.outcome()
        if not ids:
            lookup.fault("empty", f"no items for {query}", request)
            return lookup.outcome()
        self._entities(lookup, ids, isbn)
        return lookup.outcome()

    def _entities(self, lookup: Lookup, ids: list[str], isbn: str | None) -> None:
        request = entities_request(self.base_url, ids)
        payload = lookup.json(request)
        if payload is None:
            return
        try:
            entities = entity_ids(payload)
        except ValueError as exc:
            lookup.fault("malformed", str(exc), request)
            return
        linked = sorted({q for e in entities.values() for p in ("P50", "P123")
                         for q in _item_ids(e, p)})
        labels = self._labels(lookup, linked[:50])
        for entity in entities.values():
            try:
                candidate = map_entity(entity, labels)
            except PAYLOAD_ERRORS as exc:
                lookup.fault("malformed", f"entity: {exc}", request)
                continue
            if isbn and isbn not in candidate.isbns:
                lookup.fault("empty", f"{candidate.record} does not carry ISBN {isbn}", request)
                continue
            lookup.add(candidate)

    def _labels(self, lookup: Lookup, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        payload = lookup.json(entities_request(self.base_url, ids, props="labels"))
        try:
            return labels_of(entity_ids(payload)) if payload is not None else {}
        except ValueError:
            return {}
