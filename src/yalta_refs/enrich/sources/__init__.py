"""Catalog clients, one module per catalog, behind a registry.

* :data:`SOURCES` — name -> client class (each implements the ``Source``
  protocol of :mod:`yalta_refs.enrich.types`);
* :data:`DEFAULT_URLS` and :data:`URL_ENV` — base URLs and the environment
  variables (``YALTA_REFS_<SOURCE>_URL``) that override them;
* :func:`plan` — which catalogs to ask, in order, for one reference;
* :func:`make_source` — a configured client.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from ...errors import ConfigError
from ...model import Reference
from ._common import CatalogSource, ref_doi, ref_isbn, request_url
from .crossref import Crossref
from .googlebooks import GoogleBooks
from .loc import LibraryOfCongress
from .openalex import OpenAlex
from .openlibrary import OpenLibrary
from .wikidata import Wikidata

__all__ = [
    "DEFAULT_ORDER",
    "DEFAULT_URLS",
    "SOURCES",
    "URL_ENV",
    "CatalogSource",
    "Crossref",
    "GoogleBooks",
    "LibraryOfCongress",
    "OpenAlex",
    "OpenLibrary",
    "Wikidata",
    "make_source",
    "plan",
    "record_kind",
    "request_url",
    "source_url",
]

SOURCES: dict[str, type[CatalogSource]] = {
    "openlibrary": OpenLibrary,
    "loc": LibraryOfCongress,
    "crossref": Crossref,
    "openalex": OpenAlex,
    "googlebooks": GoogleBooks,
    "wikidata": Wikidata,
}

DEFAULT_URLS: dict[str, str] = {name: cls.default_url for name, cls in SOURCES.items()}

URL_ENV: dict[str, str] = {
    "openlibrary": "YALTA_REFS_OPENLIBRARY_URL",
    "loc": "YALTA_REFS_LOC_SRU_URL",
    "crossref": "YALTA_REFS_CROSSREF_URL",
    "openalex": "YALTA_REFS_OPENALEX_URL",
    "googlebooks": "YALTA_REFS_GOOGLE_BOOKS_URL",
    "wikidata": "YALTA_REFS_WIKIDATA_URL",
}

#: record kind (see :func:`record_kind`) -> catalogs to ask, in order.
#: Google Books (with a user key) and Wikidata are opt-in: not in these lists.
DEFAULT_ORDER: dict[str, tuple[str, ...]] = {
    "book-isbn": ("openlibrary", "loc"),
    "book": ("loc", "openlibrary"),
    "book-doi": ("crossref", "openlibrary", "loc"),
    "article": ("crossref", "openalex"),
    "chapter": ("crossref", "loc", "openlibrary"),
    "chapter-isbn": ("crossref", "openlibrary", "loc"),
    "other": (),
}

_ARTICLES = {"article-journal", "article-magazine", "article-newspaper", "paper-conference",
             "article", "review", "review-book"}
_BOOKS = {"book", "thesis", "report", "manuscript"}


def record_kind(ref: Reference) -> str:
    """The key of :data:`DEFAULT_ORDER` for a reference."""
    if ref.type in _ARTICLES:
        return "article"
    if ref.type == "chapter":
        return "chapter-isbn" if ref_isbn(ref) else "chapter"
    if ref.type in _BOOKS:
        if ref_isbn(ref):
            return "book-isbn"
        return "book-doi" if ref_doi(ref) else "book"
    return "article" if ref_doi(ref) else "other"


def plan(ref: Reference) -> list[str]:
    """The names of the catalogs to ask for ``ref``, in order.

    Books with an ISBN: Open Library (edition by ISBN), then LoC; books
    without: LoC (title/author), then Open Library (search, then the
    edition); a book with a DOI asks Crossref first. Articles: Crossref, then
    OpenAlex. Chapters: Crossref for the chapter, then the book record (the
    book catalogs look up a chapter's container: see ``container_query``).
    """
    return list(DEFAULT_ORDER[record_kind(ref)])


def source_url(name: str, environ: Mapping[str, str] | None = None) -> str:
    """The base URL of a catalog: ``YALTA_REFS_<SOURCE>_URL`` if set, else the default."""
    if name not in SOURCES:
        raise ConfigError(f"unknown catalog {name!r} (known: {', '.join(SOURCES)})")
    env = os.environ if environ is None else environ
    value = env.get(URL_ENV[name], "").strip()
    return value or DEFAULT_URLS[name]


def make_source(
    name: str,
    base_url: str | None = None,
    *,
    mailto: str | None = None,
    key: str | None = None,
) -> CatalogSource:
    """A client for catalog ``name``; ``base_url`` None means environment or default."""
    if name not in SOURCES:
        raise ConfigError(f"unknown catalog {name!r} (known: {', '.join(SOURCES)})")
    return SOURCES[name](base_url or source_url(name), mailto=mailto, key=key)
