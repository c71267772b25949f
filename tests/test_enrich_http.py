"""CatalogClient against the local fake catalog: cache, offline, limits,
retries, faults, politeness. No test touches a real host."""

from __future__ import annotations

import email.utils
import io
import json
import socket
import threading
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import requests
import urllib3
from requests.adapters import BaseAdapter, HTTPAdapter

from yalta_refs.enrich.http import CatalogClient, HostLimit, base_url, user_agent
from yalta_refs.enrich.types import HttpRequest, HttpResult

from .catalog_server import FIXTURES_DIR, CatalogServer, Received, Recorded, Reply

OPEN = {"*": HostLimit(0.0, concurrency=8)}


class FakeTime:
    """An injected clock and sleep: sleeping records the wait and moves the clock."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self.now += seconds


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


def client(fake: FakeTime | None = None, **kw: Any) -> CatalogClient:
    kw.setdefault("cache", None)
    kw.setdefault("limits", OPEN)
    kw.setdefault("jitter", 0.0)
    if fake is not None:
        kw.setdefault("sleep", fake.sleep)
        kw.setdefault("clock", fake.clock)
    return CatalogClient(**kw)


def get(server: CatalogServer, path: str, source: str = "test", **kw: Any) -> HttpRequest:
    return HttpRequest(source=source, url=server.url + path, **kw)


def book(n: int) -> Reply:
    return Reply.json({"n": n})


# -- cache ------------------------------------------------------------------


def test_second_fetch_comes_from_the_cache(catalog_server: CatalogServer) -> None:
    catalog_server.route("/b", book(1))
    c = client()
    first = c.fetch(get(catalog_server, "/b"))
    second = c.fetch(get(catalog_server, "/b"))
    assert first.ok and not first.from_cache
    assert second.ok and second.from_cache and json.loads(second.body) == {"n": 1}
    assert len(catalog_server.requests("/b")) == 1
    assert (c.stats.network, c.stats.cache_hits) == (1, 1)


def test_cache_key_includes_params_and_accept(catalog_server: CatalogServer) -> None:
    catalog_server.route("/s", book(1))
    c = client()
    c.fetch(get(catalog_server, "/s", params=(("q", "a"),)))
    c.fetch(get(catalog_server, "/s", params=(("q", "b"),)))
    c.fetch(get(catalog_server, "/s", params=(("q", "a"),), accept="text/xml"))
    c.fetch(get(catalog_server, "/s", params=(("q", "a"),)))
    assert len(catalog_server.requests("/s")) == 3


def test_offline_miss_is_a_fault_and_offline_hit_works(
        catalog_server: CatalogServer, tmp_path: Path) -> None:
    catalog_server.route("/b", book(1))
    path = tmp_path / "cache.sqlite"
    client(cache=path).fetch(get(catalog_server, "/b"))
    offline = client(cache=path, offline=True)
    hit = offline.fetch(get(catalog_server, "/b"))
    miss = offline.fetch(get(catalog_server, "/other"))
    assert hit.ok and hit.from_cache
    assert miss.fault is not None and miss.fault.kind == "offline" and miss.status is None
    assert len(catalog_server.requests()) == 1


def test_a_killed_run_resumes_from_the_cache(
        catalog_server: CatalogServer, tmp_path: Path) -> None:
    for n in range(6):
        catalog_server.route(f"/b{n}", book(n))
    path = tmp_path / "cache.sqlite"
    first = client(cache=path)
    for n in range(3):
        assert first.fetch(get(catalog_server, f"/b{n}")).ok
    del first  # killed: never closed
    catalog_server.clear_log()
    results = client(cache=path).fetch_many([get(catalog_server, f"/b{n}") for n in range(6)])
    assert [json.loads(r.body)["n"] for r in results] == list(range(6))
    assert [r.from_cache for r in results] == [True] * 3 + [False] * 3
    assert sorted(r.path for r in catalog_server.requests()) == ["/b3", "/b4", "/b5"]


def test_not_found_is_a_fault_and_is_cached(catalog_server: CatalogServer) -> None:
    c = client()
    first = c.fetch(get(catalog_server, "/missing"))
    second = c.fetch(get(catalog_server, "/missing"))
    for result in (first, second):
        assert result.fault is not None and result.fault.kind == "not-found"
        assert result.status == 404 and not result.ok
    assert second.from_cache and len(catalog_server.requests()) == 1


def test_failures_are_not_cached(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply(status=500), book(1)])
    c = client(fake_time, max_retries=0)
    assert c.fetch(get(catalog_server, "/b")).fault is not None
    assert c.fetch(get(catalog_server, "/b")).ok
    assert len(catalog_server.requests("/b")) == 2


def test_expired_entries_are_fetched_again_but_serve_offline(
        catalog_server: CatalogServer, tmp_path: Path) -> None:
    catalog_server.route("/b", [book(1), book(2)])
    path = tmp_path / "cache.sqlite"
    client(cache=path, ttl=0.05).fetch(get(catalog_server, "/b"))
    time.sleep(0.1)
    assert client(cache=path, offline=True).fetch(get(catalog_server, "/b")).from_cache
    fresh = client(cache=path, ttl=0.05).fetch(get(catalog_server, "/b"))
    assert not fresh.from_cache and json.loads(fresh.body) == {"n": 2}


# -- limits -----------------------------------------------------------------


def test_rate_limit_spaces_requests(catalog_server: CatalogServer) -> None:
    catalog_server.route("/b", book(1))
    c = client(limits={"test": HostLimit(interval=0.2, concurrency=4)})
    c.fetch_many([get(catalog_server, "/b", params=(("i", str(i)),)) for i in range(4)])
    times = sorted(r.time for r in catalog_server.requests())
    gaps = [b - a for a, b in pairwise(times)]
    assert len(times) == 4 and min(gaps) >= 0.1 and times[-1] - times[0] >= 0.5, gaps


def test_a_slow_source_does_not_hold_up_the_others(catalog_server: CatalogServer) -> None:
    catalog_server.route("/b", book(1))
    c = client(limits={"slow": HostLimit(interval=0.25), "fast": HostLimit(0.0, 1)})
    batch = [get(catalog_server, "/b", source=s, params=(("s", s), ("i", str(i))))
             for s in ("slow", "fast") for i in range(3)]
    assert all(r.ok for r in c.fetch_many(batch))
    arrivals = [r.param("s") for r in catalog_server.requests()]
    assert arrivals[-1] == "slow" and arrivals.index("fast") < 3, arrivals


def test_cache_hits_skip_the_rate_limit(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", book(1))
    c = client(fake_time, limits={"test": HostLimit(interval=100.0)})
    for _ in range(5):
        assert c.fetch(get(catalog_server, "/b")).ok
    assert fake_time.sleeps == []
    c.fetch(get(catalog_server, "/other"))  # a real request waits its turn
    assert fake_time.sleeps == [pytest.approx(100.0)]


def _counting(active: list[int], peak: list[int], lock: threading.Lock) -> Any:
    def respond(received: Received) -> Reply:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.2)
        with lock:
            active[0] -= 1
        return book(1)
    return respond


@pytest.mark.parametrize(("limits", "sources", "expected"), [
    pytest.param({"a": HostLimit(0.0, 2)}, ["a"], 2, id="one-source-cap-2"),
    pytest.param({"a": HostLimit(0.0, 1), "b": HostLimit(0.0, 1)}, ["a", "b"], 2,
                 id="two-sources-in-parallel"),
])
def test_concurrency_cap(catalog_server: CatalogServer, limits: dict[str, HostLimit],
                         sources: list[str], expected: int) -> None:
    active, peak, lock = [0], [0], threading.Lock()
    catalog_server.route("/b", _counting(active, peak, lock))
    c = client(limits=limits)
    batch = [get(catalog_server, "/b", source=sources[i % len(sources)],
                 params=(("i", str(i)),)) for i in range(6)]
    assert all(r.ok for r in c.fetch_many(batch))
    assert peak[0] == expected


def test_contact_and_explicit_limits() -> None:
    assert CatalogClient(cache=None).limit("openlibrary").interval == pytest.approx(1.0)
    polite = CatalogClient(cache=None, contact="me@example.org")
    assert polite.limit("openlibrary").interval == pytest.approx(1 / 3)
    assert polite.limit("loc").interval >= 15
    assert polite.limit("crossref").concurrency <= 3
    mine = CatalogClient(cache=None, limits={"loc": HostLimit(0.5), "*": HostLimit(0.0, 9)})
    assert mine.limit("loc") == HostLimit(0.5)
    assert mine.limit("unknown") == HostLimit(0.0, 9)
    assert mine.limit("crossref") == HostLimit(0.0, 9)  # "*" replaces every default
    assert CatalogClient(cache=None, limits={"loc": HostLimit(2.0)}).limit("crossref").adaptive


def test_crossref_rate_limit_headers_adapt_the_limiter(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    headers = {"x-rate-limit-limit": "4", "x-rate-limit-interval": "1s",
               "x-concurrency-limit": "1"}
    catalog_server.route("/works", Reply.json({}, headers=headers))
    limits = {"crossref": HostLimit(0.0, 3, adaptive=True), "other": HostLimit(0.0, 3)}
    c = client(fake_time, limits=limits)
    for i in range(4):
        c.fetch(get(catalog_server, "/works", source="crossref", params=(("i", str(i)),)))
        c.fetch(get(catalog_server, "/works", source="other", params=(("i", str(i)),)))
    assert c.limit("crossref") == HostLimit(0.25, 1, adaptive=True)
    assert c.limit("other") == HostLimit(0.0, 3)
    assert fake_time.sleeps and all(s == pytest.approx(0.25) for s in fake_time.sleeps)


# -- retries and faults -----------------------------------------------------


def test_retry_after_seconds_is_honoured(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply.retry_after(7), book(1)])
    result = client(fake_time).fetch(get(catalog_server, "/b"))
    assert result.ok and fake_time.sleeps == [7.0]
    assert len(catalog_server.requests("/b")) == 2


def test_retry_after_http_date_is_honoured(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    catalog_server.route("/b", [Reply.retry_after(when, status=503), book(1)])
    assert client(fake_time).fetch(get(catalog_server, "/b")).ok
    assert len(fake_time.sleeps) == 1 and 25 <= fake_time.sleeps[0] <= 31


def test_retry_after_beyond_the_cap_gives_up_at_once(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply.retry_after(3600), book(1)])
    result = client(fake_time, max_wait=60).fetch(get(catalog_server, "/b"))
    assert result.fault is not None and result.fault.kind == "rate-limited"
    assert result.status == 429 and "3600" in result.fault.message
    assert fake_time.sleeps == [] and len(catalog_server.requests()) == 1


def test_429_until_retries_run_out(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", Reply.retry_after(1))
    result = client(fake_time, max_retries=2).fetch(get(catalog_server, "/b"))
    assert result.fault is not None and result.fault.kind == "rate-limited"
    assert len(catalog_server.requests()) == 3
    assert fake_time.sleeps == [1.0, 1.0]


def test_429_delays_the_other_requests_to_that_source(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply.retry_after(5), book(1)])
    catalog_server.route("/c", book(2))
    c = client(fake_time, max_retries=0)
    assert c.fetch(get(catalog_server, "/b")).fault is not None
    assert c.fetch(get(catalog_server, "/c")).ok
    assert fake_time.sleeps == [5.0]


def test_a_long_retry_after_stops_the_source_for_a_while(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", Reply.retry_after(600))
    catalog_server.route("/c", book(1))
    c = client(fake_time, max_wait=60)
    assert c.fetch(get(catalog_server, "/b")).fault is not None
    blocked = c.fetch(get(catalog_server, "/c"))
    assert blocked.fault is not None and blocked.fault.kind == "rate-limited"
    assert c.fetch(get(catalog_server, "/c", source="elsewhere")).ok
    assert [r.path for r in catalog_server.requests()] == ["/b", "/c"]
    fake_time.now += 601
    assert c.fetch(get(catalog_server, "/c")).from_cache  # stored by the other source's fetch
    assert c.fetch(get(catalog_server, "/c", params=(("x", "1"),))).ok


def test_backoff_is_capped(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", Reply(status=500))
    c = client(fake_time, max_retries=4, backoff=10.0, max_wait=25.0)
    assert c.fetch(get(catalog_server, "/b")).fault is not None
    assert fake_time.sleeps == [10.0, 20.0, 25.0, 25.0]


def test_server_errors_back_off_then_fault(
        catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", Reply(status=500, body=b"oops"))
    result = client(fake_time, max_retries=2, backoff=0.5).fetch(get(catalog_server, "/b"))
    assert result.fault is not None and result.fault.kind == "server-error"
    assert result.status == 500 and result.fault.url == catalog_server.url + "/b"
    assert fake_time.sleeps == [0.5, 1.0] and len(catalog_server.requests()) == 3


def test_jitter_is_small(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply(status=503), book(1)])
    assert client(fake_time, backoff=2.0, jitter=0.1).fetch(get(catalog_server, "/b")).ok
    assert 2.0 <= fake_time.sleeps[0] <= 2.2


def test_a_server_error_then_success(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply(status=502), Reply(status=503), book(1)])
    result = client(fake_time).fetch(get(catalog_server, "/b"))
    assert result.ok and len(fake_time.sleeps) == 2


@pytest.mark.parametrize(("status", "kind"), [
    pytest.param(400, "client-error", id="400"),
    pytest.param(403, "client-error", id="403"),
    pytest.param(404, "not-found", id="404"),
    pytest.param(501, "server-error", id="501"),
])
def test_statuses_not_worth_a_retry(catalog_server: CatalogServer, fake_time: FakeTime,
                                    status: int, kind: str) -> None:
    catalog_server.route("/b", Reply(status=status, body=b"{}"))
    result = client(fake_time).fetch(get(catalog_server, "/b"))
    assert result.fault is not None and result.fault.kind == kind
    assert result.status == status and fake_time.sleeps == []
    assert len(catalog_server.requests()) == 1


def test_slow_answer_is_a_timeout(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", Reply.json({}, delay=1.0))
    c = client(fake_time, read_timeout=0.2, max_retries=1)
    started = time.monotonic()
    result = c.fetch(get(catalog_server, "/b"))
    assert result.fault is not None and result.fault.kind == "timeout"
    assert time.monotonic() - started < 0.9
    assert len(catalog_server.requests()) == 2 and len(fake_time.sleeps) == 1


@pytest.mark.parametrize("fault", ["reset", "drop", "truncate"])
def test_broken_connections_are_faults(catalog_server: CatalogServer, fake_time: FakeTime,
                                       fault: Any) -> None:
    catalog_server.route("/b", Reply.json({"long": "x" * 5000}, fault=fault))
    result = client(fake_time, max_retries=1).fetch(get(catalog_server, "/b"))
    assert result.fault is not None and result.fault.kind == "connection", result.fault
    assert len(catalog_server.requests()) == 2


def test_a_dropped_answer_then_success(catalog_server: CatalogServer, fake_time: FakeTime) -> None:
    catalog_server.route("/b", [Reply(fault="reset"), book(1)])
    assert client(fake_time).fetch(get(catalog_server, "/b")).ok


def test_refused_connection_and_bad_url_are_faults(fake_time: FakeTime) -> None:
    c = client(fake_time, max_retries=0)
    with socket.socket() as probe:
        # bound but not listening: connecting is refused, and no other process (a
        # second test run on the machine) can take the port meanwhile
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        refused = c.fetch(HttpRequest(source="test", url=f"http://127.0.0.1:{port}/x"))
    assert refused.fault is not None and refused.fault.kind == "connection"
    bad = c.fetch(HttpRequest(source="test", url="not a url"))
    assert bad.fault is not None and bad.fault.kind == "client-error"


def test_malformed_bodies_are_returned_for_the_parser(catalog_server: CatalogServer) -> None:
    catalog_server.route("/b", Reply(body=b'{"docs": [', content_type="application/json"))
    result = client().fetch(get(catalog_server, "/b"))
    assert result.ok and result.body == b'{"docs": ['
    assert result.headers["content-type"] == "application/json"


# -- politeness -------------------------------------------------------------


def test_user_agent_names_the_project_and_contact(catalog_server: CatalogServer) -> None:
    catalog_server.route("/b", book(1))
    client(contact="me@example.org").fetch(get(catalog_server, "/b", source="openlibrary"))
    seen = catalog_server.requests()[0]
    agent = seen.headers["User-Agent"]
    assert agent.startswith("yalta_refs/") and "mailto:me@example.org" in agent
    assert seen.param("mailto") is None  # only the polite-pool sources get the parameter
    assert seen.headers["Accept"] == "application/json"
    assert "mailto" not in user_agent(None)


def test_mailto_parameter_for_crossref(catalog_server: CatalogServer, tmp_path: Path) -> None:
    catalog_server.route("/works", book(1))
    path = tmp_path / "cache.sqlite"
    c = client(cache=path, contact="me@example.org")
    c.fetch(get(catalog_server, "/works", source="crossref", params=(("rows", "2"),)))
    c.fetch(get(catalog_server, "/works", source="crossref",
                params=(("rows", "3"), ("mailto", "other@example.org"))))
    first, second = catalog_server.requests()
    assert first.query["mailto"] == ["me@example.org"] and first.param("rows") == "2"
    assert second.query["mailto"] == ["other@example.org"]
    # the contact is not part of the cache key
    again = client(cache=path, contact="new@example.org").fetch(
        get(catalog_server, "/works", source="crossref", params=(("rows", "2"),)))
    assert again.from_cache and len(catalog_server.requests()) == 2


def test_base_url_from_env_then_config_then_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YALTA_REFS_LOC_SRU_URL", raising=False)
    monkeypatch.delenv("YALTA_REFS_GOOGLE_BOOKS_URL", raising=False)
    assert base_url("loc", "https://lx2.loc.gov/LCDB") == "https://lx2.loc.gov/LCDB"
    assert base_url("loc", "d", {"loc": "http://conf/"}) == "http://conf"
    monkeypatch.setenv("YALTA_REFS_LOC_SRU_URL", "http://127.0.0.1:9/sru/")
    assert base_url("loc", "d", {"loc": "http://conf"}) == "http://127.0.0.1:9/sru"
    monkeypatch.setenv("YALTA_REFS_GOOGLE_BOOKS_URL", "http://gb")
    assert base_url("googlebooks", "d") == "http://gb"
    assert base_url("openlibrary", "https://openlibrary.org") == "https://openlibrary.org"


# -- fetch_many and progress --------------------------------------------------


def test_fetch_many_keeps_order_and_reports_progress(
        catalog_server: CatalogServer, tmp_path: Path) -> None:
    for n in range(12):
        catalog_server.route(f"/b{n}", book(n))
    done: list[HttpResult] = []
    c = client(cache=tmp_path / "c.sqlite", progress=done.append)
    batch = [get(catalog_server, f"/b{n}", source=f"s{n % 3}") for n in range(12)]
    results = c.fetch_many(batch)
    assert [r.request for r in results] == batch
    assert [json.loads(r.body)["n"] for r in results] == list(range(12))
    assert len(done) == 12
    assert all(r.from_cache for r in c.fetch_many(batch))
    assert len(catalog_server.requests()) == 12


def test_a_user_cache_file_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with CatalogClient() as c:
        assert c.cache_path is not None and c.cache_path.is_relative_to(tmp_path)
        assert c.cache_path.parent.name == "yalta_refs"


# -- recorded payloads ------------------------------------------------------


@pytest.fixture
def recorded(catalog_server: CatalogServer) -> list[Recorded]:
    if not (FIXTURES_DIR / "manifest.json").is_file():
        pytest.skip("../shared/fixtures/catalogs is not present")
    return catalog_server.load_recorded()


def test_recorded_payloads_are_served_as_recorded(
        catalog_server: CatalogServer, recorded: list[Recorded]) -> None:
    assert len(recorded) >= 25
    c = client()
    results = c.fetch_many([HttpRequest(source="test", url=r.url) for r in recorded])
    for entry, result in zip(recorded, results, strict=True):
        assert result.status == entry.status, entry.file
        assert result.body == (FIXTURES_DIR / entry.file).read_bytes(), entry.file
    crossref = next(r for r, e in zip(results, recorded, strict=True)
                    if e.file.startswith("crossref/works_10.1017"))
    assert crossref.headers["x-rate-limit-limit"] == "10"
    kinds = {e.file: (r.fault.kind if r.fault else None)
             for e, r in zip(recorded, results, strict=True)}
    assert kinds["crossref/error_404_works_unknown_doi.txt"] == "not-found"
    assert kinds["crossref/error_400_validation_failure_field_query_on_doi_route.json"] == (
        "client-error")


def test_recorded_crossref_headers_adapt_the_limiter(
        catalog_server: CatalogServer, recorded: list[Recorded], fake_time: FakeTime) -> None:
    url = catalog_server.local_url("https://api.crossref.org/works/10.1017/9781108348843")
    c = client(fake_time, limits={"crossref": HostLimit(1.0, 3, adaptive=True)})
    assert c.fetch(HttpRequest(source="crossref", url=url)).ok
    assert c.limit("crossref") == HostLimit(0.1, 3, adaptive=True)
    public = catalog_server.local_url("https://api.crossref.org/works/10.1371/journal.pone.0033693")
    assert c.fetch(HttpRequest(source="crossref", url=public)).ok
    assert c.limit("crossref") == HostLimit(0.2, 1, adaptive=True)


def test_recorded_routes_match_extra_parameters(
        catalog_server: CatalogServer, recorded: list[Recorded]) -> None:
    base = catalog_server.local_url("https://api.crossref.org")
    request = HttpRequest(source="crossref", url=base + "/works",
                          params=(("query", "ecology"), ("rows", "2")))
    result = client(contact="me@example.org").fetch(request)
    expected = FIXTURES_DIR / "crossref" / "works_query_ecology_rows2_list.json"
    assert result.ok and result.body == expected.read_bytes()
    assert catalog_server.requests()[-1].param("mailto") == "me@example.org"


# -- an injected transport ----------------------------------------------------


class CannedAdapter(BaseAdapter):
    """A requests transport answering every request itself (no socket at all)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def send(self, request: requests.PreparedRequest, *args: Any, **kw: Any) -> requests.Response:
        self.seen.append(str(request.url))
        raw = urllib3.HTTPResponse(body=io.BytesIO(b'{"a": 1}'), status=200,
                                   headers={"Content-Type": "application/json"},
                                   preload_content=False, request_url=request.url)
        return HTTPAdapter().build_response(request, raw)

    def close(self) -> None:
        pass


def test_an_injected_session_replaces_the_network() -> None:
    session = requests.Session()
    adapter = CannedAdapter()
    session.mount("https://", adapter)
    c = client(session=session)
    request = HttpRequest(source="test", url="https://catalog.invalid/a")
    assert c.fetch(request).ok and c.fetch(request).from_cache
    assert adapter.seen == ["https://catalog.invalid/a"]
