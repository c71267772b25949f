"""The precision set: no wrong match is ever applied, and true records are found.

Also the whole path through the real HTTP client against the local catalog
server (``tests/catalog_server.py``), replaying one case's payloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yalta_refs.enrich import enrich
from yalta_refs.enrich.http import CatalogClient, HostLimit
from yalta_refs.enrich.sources import make_source
from yalta_refs.eval.enrich import MODES, FakeCatalog, load_cases, run_precision
from yalta_refs.formats.csljson import reference_from_csl
from yalta_refs.model import Library

from .catalog_server import CatalogServer, Reply

CASES = load_cases()


def test_the_set_is_large_and_varied() -> None:
    assert len(CASES) >= 40
    roles = {r["role"] for c in CASES for r in c["records"]}
    assert {"true", "edition", "review", "other-author", "other-book"} <= roles
    assert sum(1 for c in CASES if not c["true"]) >= 5


@pytest.mark.parametrize("name", ["holdout", "holdout2"])
def test_a_holdout_set_loads_and_its_true_keys_exist(name: str) -> None:
    """The independently written held-out sets are well formed (their figures are
    measured, never asserted: no tuning)."""
    holdout = load_cases(Path(__file__).parent / f"enrich/{name}/cases.json")
    assert len(holdout) >= 50
    assert len({c["id"] for c in holdout}) == len(holdout)
    assert sum(1 for c in holdout if not c["true"]) >= 12
    for case in holdout:
        keys = [r["key"] for r in case["records"]]
        assert len(keys) == len(set(keys)), case["id"]
        assert set(case["true"]) <= set(keys), case["id"]


@pytest.mark.parametrize("mode", sorted(MODES))
def test_no_wrong_match_is_applied_and_90_percent_are_found(mode: str) -> None:
    result = run_precision(CASES, MODES[mode], mode)
    assert result.wrong_applied == 0, result.problems
    assert result.found >= 0.9 * result.expected, result.problems
    assert result.abstained == result.abstain_expected, result.problems


def test_annotations_are_never_altered() -> None:
    for case in CASES:
        ref = reference_from_csl(case["ref"])
        result = enrich(Library((ref,)), fetcher=FakeCatalog(case["records"]), workers=1,
                        overwrite=["title", "publisher", "annote", "note"])
        assert result.library[0].annotation == ref.annotation
        assert result.library[0].note == ref.note


def _replay(server: CatalogServer, case: dict[str, Any], sources: list[Any]) -> None:
    """Serve, on the local server, what the fake catalog answers to the case's requests."""
    fake = FakeCatalog(case["records"])
    enrich(Library((reference_from_csl(case["ref"]),)), sources=sources, fetcher=fake)
    for request in list(fake.requests):
        answer = fake.fetch(request)
        path = request.url[len(server.url):]
        kind = "text/xml" if request.source == "loc" else "application/json"
        server.route(path, Reply(answer.status or 200, answer.body, kind),
                     query=dict(request.params))


def test_real_client_against_the_local_server() -> None:
    case = next(c for c in CASES if c["id"] == "seed-montefiore-stalin")
    ref = reference_from_csl(case["ref"])
    with CatalogServer() as server:
        sources = [make_source("loc", server.url + "/sru"),
                   make_source("openlibrary", server.url)]
        _replay(server, case, sources)
        client = CatalogClient(cache=None, limits={"*": HostLimit(0.0, concurrency=4)})
        with client:
            result = enrich([ref], sources=sources, fetcher=client)
    report = result.reports[0]
    assert report.status == "enriched", report.to_dict()
    assert result.library[0].ISBN == "9781400042302"
    assert result.library[0].annotation == ref.annotation


def test_server_errors_leave_the_record_untouched() -> None:
    case = next(c for c in CASES if c["id"] == "seed-montefiore-stalin")
    ref = reference_from_csl(case["ref"])
    with CatalogServer() as server:
        sources = [make_source("loc", server.url + "/sru"),
                   make_source("openlibrary", server.url)]
        server.route("/sru", Reply(200, b"<not-xml", "text/xml"))
        server.route("/search.json", Reply(503, b"down"))
        client = CatalogClient(cache=None, max_retries=0,
                               limits={"*": HostLimit(0.0, concurrency=4)})
        with client:
            result = enrich([ref, ref], sources=sources, fetcher=client)
    assert result.library.references == (ref, ref)
    kinds = {f.kind for r in result.reports for f in r.faults}
    assert {"malformed", "server-error"} <= kinds
    assert [r.status for r in result.reports] == ["fault", "fault"]
