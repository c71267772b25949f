"""OpenAlex: a work by DOI, else a title search. No ISBN, place or edition there."""

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
    compact,
    language_code,
    name_from_display,
    normalize_doi,
    parse_date,
    ref_doi,
    search_title,
    text,
)

__all__ = ["OpenAlex", "doi_request", "map_work", "search_request", "work_results"]

SOURCE = "openalex"
DEFAULT_URL = "https://api.openalex.org"

TYPES = {
    "article": "article-journal",
    "book": "book",
    "book-chapter": "chapter",
    "dissertation": "thesis",
    "preprint": "article",
    "report": "report",
    "review": "review",
    "dataset": "dataset",
    "standard": "standard",
    "reference-entry": "entry-encyclopedia",
    "editorial": "article-journal",
    "letter": "article-journal",
    "erratum": "document",
    "paratext": "document",
    "peer-review": "review",
}


def _params(mailto: str | None, key: str | None) -> tuple[tuple[str, str], ...]:
    out = []
    if key:
        out.append(("api_key", key))
    if mailto:
        out.append(("mailto", mailto))
    return tuple(out)


def doi_request(
    base_url: str, doi: str, mailto: str | None = None, key: str | None = None
) -> HttpRequest:
    url = f"{base_url}/works/{quote('doi:' + doi, safe='/:')}"
    return HttpRequest(SOURCE, url, _params(mailto, key), purpose="work")


def search_request(
    base_url: str, title: str, mailto: str | None = None, key: str | None = None,
    per_page: int = 5,
) -> HttpRequest:
    # commas separate alternatives in an OpenAlex filter value
    value = re.sub(r"[,|:]", " ", title)
    params = (("filter", f"title.search:{value}"), ("per-page", str(per_page)),
              *_params(mailto, key))
    return HttpRequest(SOURCE, f"{base_url}/works", params, purpose="works")


def _authors(work: Mapping[str, Any]) -> tuple[Name, ...]:
    out = []
    for authorship in as_list(work.get("authorships")):
        authorship = as_dict(authorship)
        display = text(as_dict(authorship.get("author")).get("display_name"))
        name = name_from_display(display or text(authorship.get("raw_author_name")))
        if name:
            out.append(name)
    return tuple(out)


def map_work(work: Mapping[str, Any]) -> Candidate:
    """One OpenAlex work as a candidate."""
    location = as_dict(work.get("primary_location"))
    source = as_dict(location.get("source"))
    kind = text(work.get("type")) or ""
    source_type = text(source.get("type")) or ""
    csl_type = TYPES.get(kind, "document")
    if csl_type == "article-journal" and source_type == "conference":
        csl_type = "paper-conference"
    container = text(source.get("display_name"))
    if source_type in {"ebook platform", "repository"}:
        container = None  # "Cambridge University Press eBooks" hosts, it does not contain
    if csl_type == "chapter" and not container:
        container = text(location.get("raw_source_name"))
    publisher = text(source.get("host_organization_name")) if csl_type in {"book", "chapter"} \
        else None
    biblio = as_dict(work.get("biblio"))
    first_page, last_page = text(biblio.get("first_page")), text(biblio.get("last_page"))
    page = f"{first_page}-{last_page}" if first_page and last_page and first_page != last_page \
        else first_page
    issued = parse_date(text(work.get("publication_date"))) or parse_date(
        work.get("publication_year"))
    openalex_url = text(as_dict(work.get("ids")).get("openalex")) or text(work.get("id")) or ""
    ref = Reference(
        type=csl_type,
        title=text(work.get("title")) or text(work.get("display_name")),
        author=_authors(work),
        container_title=container if csl_type != "book" else None,
        publisher=publisher,
        issued=issued,
        volume=text(biblio.get("volume")),
        issue=text(biblio.get("issue")),
        page=page,
        DOI=normalize_doi(text(work.get("doi"))),
        ISSN=text(source.get("issn_l")),
        language=language_code(text(work.get("language"))),
    )
    work_id = openalex_url.rsplit("/", 1)[-1] or None
    return Candidate(SOURCE, openalex_url, ref, "edition", (), compact({"openalex": work_id}))


def work_results(payload: Any) -> list[dict[str, Any]]:
    """The works of an answer: one for ``/works/{id}``, ``results`` of a list."""
    if not isinstance(payload, dict):
        raise ValueError("answer is not an object")
    if "results" in payload:
        results = payload["results"]
        if not isinstance(results, list):
            raise ValueError("results is not a list")
        return [r for r in results if isinstance(r, dict)]
    if not text(payload.get("id")):
        raise ValueError("work without an id")
    return [payload]


class OpenAlex(CatalogSource):
    """OpenAlex client; ``key`` is the API key, ``mailto`` a contact address."""

    name = SOURCE
    default_url = DEFAULT_URL
    per_page = 5

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:
        lookup = Lookup(SOURCE, fetch)
        doi = ref_doi(ref)
        if doi:
            self._run(lookup, doi_request(self.base_url, doi, self.mailto, self.key))
            if lookup.candidates:
                return lookup.outcome()
        title = search_title(ref.title)
        if title:
            self._run(lookup, search_request(self.base_url, title, self.mailto, self.key,
                                             self.per_page))
        return lookup.outcome()

    def _run(self, lookup: Lookup, request: HttpRequest) -> None:
        for candidate in lookup.mapped(request, work_results, map_work, "work"):
            lookup.add(candidate)
