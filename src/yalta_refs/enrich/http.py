"""The one place where enrichment touches the network: :class:`CatalogClient`.

``CatalogClient.fetch(request)`` implements the :class:`~.types.Fetcher`
protocol. One call goes through, in order:

1. the **cache** (requests-cache storage: SQLite in the user cache directory by
   default, or a given path, or memory). A fresh entry is returned at once,
   with no rate limit and no network. Only 2xx and 404 answers are stored, each
   as soon as it arrives (one SQLite transaction per response), so a run that
   is killed resumes from the cache without repeating completed requests.
   The key is the method, the URL (with ``mailto``, ``key`` and ``api_key``
   removed, so a new contact or key keeps the cache) and the ``Accept`` header.
2. ``offline=True`` stops here: a miss is a ``Fault(kind="offline")``; an
   expired entry still counts as a hit (stale data beats none).
3. the **limits** of the request's source (:class:`HostLimit`): at most
   ``concurrency`` requests in flight and request starts spaced by
   ``interval`` seconds. Sources are the keys (``request.source``), not host
   names: in practice one catalog is one host, and a test server that serves
   every catalog from 127.0.0.1 still gives each one its own budget. Adaptive
   limits (Crossref) follow the ``x-rate-limit-limit``/``-interval`` and
   ``x-concurrency-limit`` headers of every answer.
4. **retries**: 429, 500, 502, 503, 504, timeouts and broken connections are
   retried up to ``max_retries`` times, waiting ``Retry-After`` (seconds or an
   HTTP date) when the answer has one, else ``backoff * 2**n`` plus up to
   ``jitter`` of it at random (capped at ``max_wait``). A ``Retry-After``
   longer than ``max_wait`` is not slept: the request gives up at once with
   its fault (``rate-limited`` for 429). A 429 delays every other request to
   that source too; one past the cap stops the source for that long (its
   requests fail at once as ``rate-limited``, cache hits still work).

``fetch_many`` runs a batch with one pool of threads, giving each source its
own workers (as many as its concurrency), so a slow catalog (LoC: one request
per 15 s) never holds up the others. ``progress`` is called once per result.

Every failure comes back as an :class:`HttpResult` carrying a :class:`Fault`
(429 → rate-limited, 5xx → server-error, 404 → not-found, other 4xx and 3xx →
client-error, timeouts → timeout, refused/reset/truncated → connection); no
network error escapes as an exception. A 404 result keeps its status and body.

Politeness: every request carries ``User-Agent: yalta_refs/VERSION (PROJECT_URL;
mailto:CONTACT)``. With a contact configured, the client itself adds the
``mailto`` query parameter to requests of the sources in
:data:`MAILTO_PARAM_SOURCES` (Crossref's and OpenAlex's polite pools) unless
the source already set one, so source modules need not know the contact.
Open Library and Crossref get faster default limits with a contact
(:data:`CONTACT_LIMITS`).

``sleep`` and ``clock`` are injectable so tests never wait for real; a
``session`` (``requests.Session`` with mounted adapters) can replace the
transport. This module imports requests; ``import yalta_refs`` never loads it.
"""

from __future__ import annotations

import email.utils
import logging
import os
import random
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from requests.structures import CaseInsensitiveDict
from requests_cache.backends.base import BaseCache
from requests_cache.backends.sqlite import SQLiteCache
from requests_cache.cache_keys import create_key
from requests_cache.models.response import CachedResponse
from urllib3.exceptions import ReadTimeoutError

from .. import __version__
from .types import Fault, FaultKind, HttpRequest, HttpResult

__all__ = [
    "CONTACT_LIMITS",
    "DEFAULT_LIMITS",
    "DEFAULT_TTL",
    "MAILTO_PARAM_SOURCES",
    "PROJECT_URL",
    "SOURCE_ENV",
    "CatalogClient",
    "FetchStats",
    "HostLimit",
    "base_url",
    "default_cache_path",
    "user_agent",
]

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/yalta-refs/yalta_refs"
DEFAULT_TTL = 30 * 24 * 3600.0
#: sources whose requests get ``mailto=CONTACT`` added when a contact is set
MAILTO_PARAM_SOURCES = frozenset({"crossref", "openalex"})
#: source name -> the NAME in the ``YALTA_REFS_<NAME>_URL`` variable
SOURCE_ENV = {
    "openlibrary": "OPENLIBRARY",
    "loc": "LOC_SRU",
    "crossref": "CROSSREF",
    "openalex": "OPENALEX",
    "googlebooks": "GOOGLE_BOOKS",
    "wikidata": "WIKIDATA",
}
_IGNORED_PARAMS = ("mailto", "key", "api_key", "Authorization", "X-API-KEY", "access_token")
_CACHED_STATUSES = frozenset([*range(200, 300), 404])
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class HostLimit:
    """How hard one source may be asked: request starts at least ``interval``
    seconds apart, at most ``concurrency`` in flight; ``adaptive`` follows the
    service's ``x-rate-limit-*`` and ``x-concurrency-limit`` headers."""

    interval: float
    concurrency: int = 1
    adaptive: bool = False

    @classmethod
    def per_second(cls, rate: float, concurrency: int = 1, adaptive: bool = False) -> HostLimit:
        return cls(1.0 / rate if rate > 0 else 0.0, concurrency, adaptive)


#: each service's etiquette; ``"*"`` is for any other source
DEFAULT_LIMITS: Mapping[str, HostLimit] = {
    "openlibrary": HostLimit.per_second(1),
    "loc": HostLimit(interval=15.0),
    "crossref": HostLimit.per_second(5, concurrency=1, adaptive=True),
    "openalex": HostLimit.per_second(10, concurrency=3),
    "googlebooks": HostLimit.per_second(1),
    "wikidata": HostLimit.per_second(5),
    "*": HostLimit.per_second(1),
}
#: what replaces a default when the user gave a contact address
CONTACT_LIMITS: Mapping[str, HostLimit] = {
    "openlibrary": HostLimit.per_second(3, concurrency=3),
    "crossref": HostLimit.per_second(10, concurrency=3, adaptive=True),
}


@dataclass(frozen=True, slots=True)
class FetchStats:
    """Counters since the client was made: answers from the network and from
    the cache, retries slept, and results that carried a fault."""

    network: int = 0
    cache_hits: int = 0
    retries: int = 0
    faults: int = 0


def default_cache_path() -> Path:
    """The SQLite cache file in the user's cache directory."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("yalta_refs")) / "http_cache.sqlite"


def user_agent(contact: str | None = None) -> str:
    """``yalta_refs/0.1.0 (PROJECT_URL; mailto:CONTACT)``."""
    details = PROJECT_URL if not contact else f"{PROJECT_URL}; mailto:{contact}"
    return f"yalta_refs/{__version__} ({details})"


def base_url(source: str, default: str, config: Mapping[str, str] | None = None) -> str:
    """A catalog's base URL: ``$YALTA_REFS_<NAME>_URL``, else ``config[source]``,
    else ``default`` (without a trailing slash). See :data:`SOURCE_ENV`."""
    name = SOURCE_ENV.get(source, re.sub(r"\W", "_", source).upper())
    value = os.environ.get(f"YALTA_REFS_{name}_URL") or (config or {}).get(source) or default
    return value.rstrip("/")


class _Throttle:
    """One source's concurrency gate and request-start schedule."""

    def __init__(self, limit: HostLimit, clock: Callable[[], float],
                 sleep: Callable[[float], None]) -> None:
        self.limit = limit
        self._clock = clock
        self._sleep = sleep
        self._cond = threading.Condition()
        self._active = 0
        self._next = float("-inf")
        self._blocked_until = float("-inf")

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._cond:
            while self._active >= max(1, self.limit.concurrency):
                self._cond.wait()
            self._active += 1
            now = self._clock()
            start = max(now, self._next)
            self._next = start + self.limit.interval
        try:
            if start > now:
                self._sleep(start - now)
            yield
        finally:
            with self._cond:
                self._active -= 1
                self._cond.notify()

    def block(self, seconds: float) -> None:
        """Send nothing for ``seconds``: requests fail at once meanwhile."""
        with self._cond:
            self._blocked_until = max(self._blocked_until, self._clock() + seconds)

    def blocked_for(self) -> float:
        with self._cond:
            return self._blocked_until - self._clock()

    def defer(self, seconds: float) -> None:
        """Start nothing before ``seconds`` from now (after a 429)."""
        with self._cond:
            self._next = max(self._next, self._clock() + seconds)

    def adapt(self, headers: Mapping[str, str], ceiling: int) -> None:
        if not self.limit.adaptive:
            return
        interval = _header_interval(headers)
        concurrency = _header_int(headers.get("x-concurrency-limit"))
        with self._cond:
            if interval is not None and interval != self.limit.interval:
                log.debug("rate limit adapted to one request per %.3f s", interval)
                self.limit = replace(self.limit, interval=interval)
            if concurrency is not None:
                self.limit = replace(self.limit, concurrency=max(1, min(ceiling, concurrency)))
                self._cond.notify_all()


def _header_int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _header_interval(headers: Mapping[str, str]) -> float | None:
    """``x-rate-limit-limit: 10`` per ``x-rate-limit-interval: 1s`` → 0.1 s."""
    count = _header_int(headers.get("x-rate-limit-limit"))
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*",
                         headers.get("x-rate-limit-interval") or "")
    if not count or count <= 0 or match is None:
        return None
    unit = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}[match.group(2) or "s"]
    return float(match.group(1)) * unit / count


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (seconds or an HTTP date)."""
    if not value:
        return None
    try:
        return max(0.0, float(value.strip()))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - time.time())


def _status_fault(status: int) -> FaultKind | None:
    if 200 <= status < 300:
        return None
    if status == 404:
        return "not-found"
    if status == 429:
        return "rate-limited"
    return "server-error" if status >= 500 else "client-error"


def _exception_fault(exc: requests.RequestException) -> tuple[FaultKind, bool]:
    """The fault kind for a transport error, and whether a retry may help."""
    if isinstance(exc, requests.Timeout):
        return "timeout", True
    if isinstance(exc, requests.ConnectionError) and exc.args and isinstance(
            exc.args[0], ReadTimeoutError):
        return "timeout", True  # a read timeout while the body was streaming
    if isinstance(exc, (requests.TooManyRedirects, requests.exceptions.InvalidURL,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema,
                        requests.exceptions.InvalidHeader)):
        return "client-error", False
    return "connection", True


@dataclass(frozen=True, slots=True)
class _Failure:
    kind: FaultKind
    message: str
    retry: bool


class CatalogClient:
    """Thread-safe fetcher: cache, per-source limits, retries, faults as data.

    ``cache``: a path for a SQLite file, ``"memory"`` or ``None`` for a cache
    that lives as long as the client, or ``"user"`` (default) for
    :func:`default_cache_path`. ``ttl`` in seconds (``None``: never expires).
    ``limits`` replace the defaults (:data:`DEFAULT_LIMITS`, :data:`CONTACT_LIMITS`):
    per source, and under the key ``"*"`` for every source they do not name
    (``{"*": HostLimit(0, 8)}`` lifts all limits, for tests and benchmarks).
    ``progress`` is called with each completed result (from the fetching
    thread, one call at a time).
    """

    def __init__(
        self,
        *,
        cache: str | os.PathLike[str] | None = "user",
        ttl: float | None = DEFAULT_TTL,
        offline: bool = False,
        contact: str | None = None,
        limits: Mapping[str, HostLimit] | None = None,
        max_retries: int = 3,
        backoff: float = 1.0,
        jitter: float = 0.1,
        max_wait: float = 60.0,
        connect_timeout: float = 5.0,
        read_timeout: float = 20.0,
        max_workers: int = 16,
        progress: Callable[[HttpResult], None] | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.offline = offline
        self.contact = contact or None
        self.ttl = ttl
        self.max_retries = max(0, max_retries)
        self.backoff = backoff
        self.jitter = jitter
        self.max_wait = max_wait
        self.timeout = (connect_timeout, read_timeout)
        self.max_workers = max(1, max_workers)
        self.progress = progress
        self.user_agent = user_agent(self.contact)
        self._limits = dict(limits or {})
        self._sleep = sleep
        self._clock = clock
        self._random = random.Random()
        self._lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._progress_lock = threading.Lock()
        self._throttles: dict[str, _Throttle] = {}
        self._stats = FetchStats()
        self.cache_path, self._cache = _open_cache(cache)
        self._own_session = session is None
        self._session = session if session is not None else _new_session(self.max_workers)

    # -- public -----------------------------------------------------------

    def fetch(self, request: HttpRequest) -> HttpResult:
        """Perform one request; never raises for network or HTTP failures."""
        result = self._fetch(request)
        self._count(faults=result.fault is not None)
        if self.progress is not None:
            with self._progress_lock:
                self.progress(result)
        return result

    def fetch_many(self, requests_: Iterable[HttpRequest]) -> list[HttpResult]:
        """Fetch all; results in the order of the requests. Each source gets
        its own workers (as many as its concurrency), so a slow catalog never
        holds up the others."""
        batch = list(requests_)
        queues: dict[str, deque[int]] = {}
        for index, request in enumerate(batch):
            queues.setdefault(request.source, deque()).append(index)
        results: list[HttpResult | None] = [None] * len(batch)

        def drain(queue: deque[int]) -> None:
            while queue:
                try:
                    index = queue.popleft()
                except IndexError:  # another worker took the last one
                    return
                results[index] = self.fetch(batch[index])

        # round-robin, so that every source has a worker before any has two
        widths = {s: min(len(q), self.limit(s).concurrency) for s, q in queues.items()}
        tasks = [queues[s] for n in range(max(widths.values(), default=0))
                 for s in queues if widths[s] > n]
        if len(tasks) <= 1:
            for queue in tasks:
                drain(queue)
        else:
            workers = max(len(queues), min(self.max_workers, len(tasks)))
            with ThreadPoolExecutor(workers, thread_name_prefix="yalta-fetch") as pool:
                for future in [pool.submit(drain, queue) for queue in tasks]:
                    future.result()
        done = [r for r in results if r is not None]
        assert len(done) == len(batch)
        return done

    def limit(self, source: str) -> HostLimit:
        """The limit in force for ``source`` (after any adaptation)."""
        return self._throttle(source).limit

    @property
    def stats(self) -> FetchStats:
        with self._lock:
            return self._stats

    def close(self) -> None:
        with self._cache_lock:
            self._cache.close()  # type: ignore[no-untyped-call]
        if self._own_session:
            self._session.close()

    def __enter__(self) -> CatalogClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request ------------------------------------------------------

    def _fetch(self, request: HttpRequest) -> HttpResult:
        prepared = self._prepare(request)
        if isinstance(prepared, _Failure):
            return self._fault(request, prepared.kind, prepared.message)
        key = create_key(prepared, ignored_parameters=_IGNORED_PARAMS, match_headers=["Accept"])
        cached = self._lookup(key)
        if cached is not None and (self.offline or not cached.is_expired):
            self._count(cache_hits=True)
            return self._result(request, cached, from_cache=True)
        if self.offline:
            return self._fault(request, "offline", "not in the cache (offline)")
        return self._fetch_network(request, prepared, key)

    def _fetch_network(self, request: HttpRequest, prepared: requests.PreparedRequest,
                       key: str) -> HttpResult:
        throttle = self._throttle(request.source)
        for attempt in range(self.max_retries + 1):
            blocked = throttle.blocked_for()
            if blocked > 0:
                return self._fault(request, "rate-limited",
                                   f"the service asked to wait {blocked:.0f} s more")
            outcome = self._send(prepared, request.source, throttle)
            if isinstance(outcome, requests.Response) and outcome.status_code in _CACHED_STATUSES:
                self._store(key, outcome)
            wait = self._retry_wait(outcome, attempt)
            if wait is None:
                return self._finish(request, outcome, "")
            if isinstance(outcome, requests.Response) and outcome.status_code == 429:
                # the whole source waits; past the cap it sends nothing for that long
                (throttle.block if wait > self.max_wait else throttle.defer)(wait)
            if wait > self.max_wait:
                return self._finish(request, outcome,
                                    f" (asked to wait {wait:.0f} s, more than {self.max_wait:g} s)")
            if attempt >= self.max_retries:
                return self._finish(request, outcome, f" (after {attempt} retries)")
            log.debug("retrying %s in %.2f s", prepared.url, wait)
            self._count(retries=True)
            self._sleep(wait)
        raise AssertionError("unreachable")  # the last attempt always returns

    def _retry_wait(self, outcome: requests.Response | _Failure, attempt: int) -> float | None:
        """Seconds to wait before retrying, or None when a retry would not help."""
        if isinstance(outcome, _Failure):
            if not outcome.retry:
                return None
        elif outcome.status_code not in _RETRY_STATUSES:
            return None
        elif outcome.status_code in (429, 503):
            wait = _retry_after(outcome.headers.get("Retry-After"))
            if wait is not None:
                return wait
        wait = self.backoff * 2.0**attempt
        return min(self.max_wait, wait + self._random.uniform(0, self.jitter * wait))

    def _send(self, prepared: requests.PreparedRequest, source: str,
              throttle: _Throttle) -> requests.Response | _Failure:
        url = prepared.url or ""
        try:
            settings = self._session.merge_environment_settings(url, {}, None, None, None)
            with throttle.slot():
                response = self._session.send(prepared, timeout=self.timeout,
                                              allow_redirects=True, **settings)
        except requests.RequestException as exc:
            kind, retry = _exception_fault(exc)
            return _Failure(kind, f"{type(exc).__name__}: {exc}", retry)
        except OSError as exc:  # a socket error that requests did not wrap
            return _Failure("connection", f"{type(exc).__name__}: {exc}", True)
        self._count(network=True)
        throttle.adapt(response.headers, ceiling=self._configured(source).concurrency)
        return response

    def _prepare(self, request: HttpRequest) -> requests.PreparedRequest | _Failure:
        params = list(request.params)
        if (self.contact and request.source in MAILTO_PARAM_SOURCES
                and not any(k == "mailto" for k, _ in params)):
            params.append(("mailto", self.contact))
        headers = {"Accept": request.accept, "User-Agent": self.user_agent}
        try:
            prepared = self._session.prepare_request(
                requests.Request("GET", request.url, params=params, headers=headers))
        except (requests.RequestException, ValueError) as exc:
            return _Failure("client-error", f"bad request URL {request.url!r}: {exc}", False)
        return prepared

    # -- results ----------------------------------------------------------

    def _result(self, request: HttpRequest, response: requests.Response,
                *, from_cache: bool) -> HttpResult:
        status = response.status_code
        kind = _status_fault(status)
        fault = None if kind is None else Fault(
            kind=kind, message=f"HTTP {status} {response.reason or ''}".strip(),
            source=request.source, url=response.url or request.url, status=status)
        return HttpResult(request=request, status=status,
                          headers=CaseInsensitiveDict(response.headers),
                          body=response.content or b"", from_cache=from_cache, fault=fault)

    def _finish(self, request: HttpRequest, outcome: requests.Response | _Failure,
                note: str) -> HttpResult:
        if isinstance(outcome, _Failure):
            return self._fault(request, outcome.kind, outcome.message + note)
        result = self._result(request, outcome, from_cache=False)
        if result.fault is None or not note:
            return result
        return replace(result, fault=replace(result.fault, message=result.fault.message + note))

    def _fault(self, request: HttpRequest, kind: FaultKind, message: str) -> HttpResult:
        return HttpResult(request=request, fault=Fault(kind=kind, message=message,
                                                       source=request.source, url=request.url))

    # -- cache ------------------------------------------------------------

    def _lookup(self, key: str) -> CachedResponse | None:
        try:
            with self._cache_lock:
                return self._cache.get_response(key)
        except (sqlite3.Error, OSError) as exc:
            log.warning("cache read failed (%s); fetching again", exc)
            return None

    def _store(self, key: str, response: requests.Response) -> None:
        expires = None if self.ttl is None else datetime.now(UTC) + timedelta(seconds=self.ttl)
        try:
            with self._cache_lock:
                self._cache.save_response(response, cache_key=key, expires=expires)
        except Exception as exc:  # best effort: the answer is in hand, only resuming suffers
            log.warning("cache write failed for %s: %s", response.url, exc)

    # -- limits and counters ----------------------------------------------

    def _configured(self, source: str) -> HostLimit:
        """The caller's limit for the source, or their ``"*"``, or the defaults."""
        defaults = {**DEFAULT_LIMITS, **(CONTACT_LIMITS if self.contact else {})}
        for table, key in ((self._limits, source), (self._limits, "*"), (defaults, source)):
            if key in table:
                return table[key]
        return DEFAULT_LIMITS["*"]

    def _throttle(self, source: str) -> _Throttle:
        with self._lock:
            throttle = self._throttles.get(source)
            if throttle is None:
                throttle = _Throttle(self._configured(source), self._clock, self._sleep)
                self._throttles[source] = throttle
            return throttle

    def _count(self, *, network: bool = False, cache_hits: bool = False,
               retries: bool = False, faults: bool = False) -> None:
        with self._lock:
            s = self._stats
            self._stats = FetchStats(s.network + network, s.cache_hits + cache_hits,
                                     s.retries + retries, s.faults + faults)


def _open_cache(
    cache: str | os.PathLike[str] | None,
) -> tuple[Path | None, BaseCache]:
    """The requests-cache storage for a ``cache`` setting, and its file."""
    if cache is None or (isinstance(cache, str) and cache == "memory"):
        return None, BaseCache()
    path = default_cache_path() if isinstance(cache, str) and cache == "user" else Path(cache)
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path, SQLiteCache(path, wal=True, busy_timeout=30_000)


def _new_session(pool_size: int) -> requests.Session:
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=16, pool_maxsize=pool_size,
                                            max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
