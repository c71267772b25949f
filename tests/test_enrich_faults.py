"""Every kind of catalog failure, end to end: the real HTTP client against the local
server, through the sources and the engine. The record is left untouched, the run
completes (the good record next to it is still enriched), and the report says why."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from yalta_refs.enrich import enrich
from yalta_refs.enrich.http import CatalogClient, HostLimit
from yalta_refs.enrich.sources import make_source
from yalta_refs.model import Date, Name, Reference

from .catalog_server import CatalogServer, Reply

GOOD_ISBN, BAD_ISBN = "9781400042302", "9780297846789"
BOOK = Reference(id="good", type="book", title="Stalin: The Court of the Red Tsar",
                 author=(Name(family="Montefiore", given="Simon Sebag"),),
                 issued=Date.from_year(2004), ISBN=GOOD_ISBN,
                 annotation="A vivid portrait.")
BAD = BOOK.with_fields(id="bad", ISBN=BAD_ISBN)
NO_ISBN = BOOK.with_fields(id="bad", ISBN=None)  # goes to the LoC title search

EDITION = {"key": "/books/OL1M", "title": "Stalin", "subtitle": "The Court of the Red Tsar",
           "isbn_13": [GOOD_ISBN], "publishers": ["Knopf"], "publish_date": "2004",
           "authors": [{"key": "/authors/OL1A"}]}
AUTHOR = {"key": "/authors/OL1A", "name": "Simon Sebag Montefiore"}
SRU = "http://www.loc.gov/zing/srw/"
DIAGNOSTIC = (f'<?xml version="1.0"?><zs:searchRetrieveResponse xmlns:zs="{SRU}">'
              "<zs:version>1.1</zs:version><zs:diagnostics>"
              '<diag:diagnostic xmlns:diag="http://www.loc.gov/zing/srw/diagnostic/">'
              "<diag:uri>info:srw/diagnostic/1/1</diag:uri>"
              "<diag:message>Permanent system error</diag:message></diag:diagnostic>"
              "</zs:diagnostics></zs:searchRetrieveResponse>")
NO_RECORDS = (f'<?xml version="1.0"?><zs:searchRetrieveResponse xmlns:zs="{SRU}">'
              "<zs:version>1.1</zs:version><zs:numberOfRecords>0</zs:numberOfRecords>"
              "</zs:searchRetrieveResponse>")

BAD_PATH = f"/isbn/{BAD_ISBN}.json"

#: fault kind -> (the reference that meets it, how the server answers it)
FAULTS: dict[str, tuple[Reference, Callable[[CatalogServer], None]]] = {
    "rate-limited": (BAD, lambda s: s.route(BAD_PATH, Reply.retry_after(3600))),
    "server-error": (BAD, lambda s: s.route(BAD_PATH, Reply(500, b"oops"))),
    "unavailable": (BAD, lambda s: s.route(BAD_PATH, Reply(503, b"down"))),
    "timeout": (BAD, lambda s: s.route(BAD_PATH, Reply.json(EDITION, delay=1.5))),
    "reset": (BAD, lambda s: s.route(BAD_PATH, Reply(fault="reset"))),
    "dropped": (BAD, lambda s: s.route(BAD_PATH, Reply(fault="drop"))),
    "malformed-json": (BAD, lambda s: s.route(BAD_PATH, Reply(200, b'{"title": "Sta'))),
    "not-found": (BAD, lambda s: s.route(BAD_PATH, Reply.json({"error": "notfound"}, 404))),
    "malformed-xml": (NO_ISBN, lambda s: s.route("/sru", Reply.xml("<zs:searchRetrieve"))),
    "diagnostic": (NO_ISBN, lambda s: s.route("/sru", Reply.xml(DIAGNOSTIC))),
    "empty": (NO_ISBN, lambda s: s.route("/sru", Reply.xml(NO_RECORDS))),
}
#: the fault kind the report must name for each case
EXPECTED = {"unavailable": "server-error", "reset": "connection", "dropped": "connection",
            "malformed-json": "malformed", "malformed-xml": "malformed"}


def _client() -> CatalogClient:
    return CatalogClient(cache=None, max_retries=1, backoff=0.0, jitter=0.0, max_wait=1.0,
                         read_timeout=0.5, limits={"*": HostLimit(0.0, concurrency=4)})


@pytest.mark.parametrize("case", sorted(FAULTS))
def test_a_fault_leaves_its_record_untouched_and_the_run_goes_on(case: str) -> None:
    bad, serve = FAULTS[case]
    with CatalogServer() as server:
        server.route(f"/isbn/{GOOD_ISBN}.json", Reply.json(EDITION))
        server.route("/authors/OL1A.json", Reply.json(AUTHOR))
        serve(server)
        sources = [make_source("openlibrary", server.url), make_source("loc", server.url + "/sru")]
        # A long Retry-After stops every later request to the host (politeness), so
        # there the good record goes first, one at a time; else both run at once.
        limited = case == "rate-limited"
        with _client() as client:
            result = enrich([BOOK, bad] if limited else [bad, BOOK], sources=sources,
                            fetcher=client, workers=1 if limited else 4)
    failed, good = reversed(result.reports) if limited else result.reports
    library = list(result.library)[::-1] if limited else list(result.library)
    assert library[0] == bad
    assert failed.status in ("fault", "no-match")
    assert EXPECTED.get(case, case) in {fault.kind for fault in failed.faults}, failed.to_dict()
    assert good.status == "enriched", good.to_dict()
    assert library[1].publisher == "Knopf"
    assert library[1].annotation == BOOK.annotation


def test_a_refused_connection_is_a_fault() -> None:
    with CatalogServer() as server:
        closed = server.url  # nothing listens here once the server has stopped
    with _client() as client:
        result = enrich([BAD], sources=[make_source("openlibrary", closed)], fetcher=client)
    assert result.library[0] == BAD
    assert {f.kind for f in result.reports[0].faults} == {"connection"}  # ISBN, then search
    assert result.reports[0].status == "fault"
