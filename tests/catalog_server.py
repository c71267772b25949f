"""A local fake catalog server for tests and benchmarks (never the real hosts).

A real ``ThreadingHTTPServer`` on 127.0.0.1 with an OS-chosen port, served
from a thread. Routes map a path (and optionally a query) to a :class:`Reply`,
a sequence of replies (served in turn, the last one repeating) or a function
of the :class:`Received` request::

    with CatalogServer(latency=0.05) as server:
        server.route("/isbn/1.json", Reply.json({"title": "A"}))
        server.route("/slow", [Reply.retry_after(2), Reply.json({})])
        url = server.url + "/isbn/1.json"
        ...
        assert len(server.requests("/isbn/1.json")) == 1

Fault injection: any status and headers (429 with ``Retry-After``, 500, 503),
``delay`` (slower than the client's read timeout), ``fault="drop"`` (close
without answering), ``"reset"`` (TCP reset), ``"truncate"`` (headers and part of
the body, then close) and any body bytes (malformed JSON or XML).

:meth:`CatalogServer.load_recorded` serves the payloads recorded from the real
services in ``../shared/fixtures/catalogs`` (with their status and recorded
``x-rate-limit-*`` headers), each under ``/<host>/<path>``; translate a real
URL with :meth:`CatalogServer.local_url`. Nothing is copied into the repo.
"""

from __future__ import annotations

import json
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

FIXTURES_DIR = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "catalogs"

Fault = Literal["drop", "reset", "truncate"]


@dataclass(frozen=True)
class Reply:
    """One canned answer."""

    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fault: Fault | None = None

    @classmethod
    def json(cls, data: Any, status: int = 200, **kw: Any) -> Reply:
        return cls(status=status, body=json.dumps(data).encode(), **kw)

    @classmethod
    def xml(cls, text: str | bytes, status: int = 200, **kw: Any) -> Reply:
        body = text.encode() if isinstance(text, str) else text
        return cls(status=status, body=body, content_type="text/xml; charset=utf-8", **kw)

    @classmethod
    def retry_after(cls, value: float | str, status: int = 429) -> Reply:
        """A 429 (or 503) asking to wait ``value`` seconds (or until an HTTP date)."""
        text = value if isinstance(value, str) else f"{value:g}"
        return cls(status=status, body=b'{"status": "too many requests"}',
                   headers={"Retry-After": text})


@dataclass(frozen=True)
class Received:
    """One request as the server saw it (``time`` from ``time.monotonic``)."""

    time: float
    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None


QueryMatch = Mapping[str, str] | Callable[[Mapping[str, list[str]]], bool] | None
Responder = Reply | Sequence[Reply] | Callable[[Received], Reply]


class Route:
    """A path (+ query condition) and what to answer; ``hits`` counts its uses."""

    def __init__(self, path: str, responder: Responder, query: QueryMatch) -> None:
        self.path = path
        self.query = query
        self.responder = responder
        self.hits = 0

    def specificity(self) -> int:
        if self.query is None:
            return 0
        return len(self.query) if isinstance(self.query, Mapping) else 1

    def matches(self, path: str, query: Mapping[str, list[str]]) -> bool:
        if self.path.endswith("*"):  # a prefix: "/ol/*" answers every path under /ol/
            if not path.startswith(self.path[:-1]):
                return False
        elif path != self.path:
            return False
        if self.query is None:
            return True
        if callable(self.query):
            return bool(self.query(query))
        return all(value in query.get(name, []) for name, value in self.query.items())

    def next_reply(self) -> Reply | Callable[[Received], Reply]:
        """Count a hit; the reply, or the function to call for it."""
        self.hits += 1
        if isinstance(self.responder, Reply) or callable(self.responder):
            return self.responder
        replies = list(self.responder)
        return replies[min(self.hits, len(replies)) - 1]


@dataclass(frozen=True)
class Recorded:
    """A recorded payload now served locally."""

    file: str
    recorded_url: str
    url: str
    status: int


class CatalogServer:
    """The fake catalog; a context manager (``start``/``stop``)."""

    def __init__(self, latency: float = 0.0) -> None:
        self.latency = latency
        self.log: list[Received] = []
        self._routes: list[Route] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------

    def start(self) -> CatalogServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.catalog = self
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="catalog-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> CatalogServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "server not started"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- routes and log ---------------------------------------------------

    def route(self, path: str, responder: Responder, *, query: QueryMatch = None) -> Route:
        """Answer GET ``path`` (a trailing ``*`` makes it a prefix), matching
        ``query`` (a dict of required parameters, or a predicate over the
        parsed query), with ``responder``.
        The most specific matching route wins; among equals, the first added."""
        route = Route(path, responder, query)
        with self._lock:
            self._routes.append(route)
        return route

    def requests(self, path: str | None = None) -> list[Received]:
        """The requests received so far (for ``path`` only, if given)."""
        with self._lock:
            return [r for r in self.log if path is None or r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    def local_url(self, real_url: str) -> str:
        """Where a real catalog URL is served here (see :meth:`load_recorded`)."""
        parts = urlsplit(real_url)
        local = f"{self.url}/{parts.netloc}{parts.path}"
        return f"{local}?{parts.query}" if parts.query else local

    def load_recorded(self, root: Path = FIXTURES_DIR) -> list[Recorded]:
        """Serve every recorded payload whose request URL is known."""
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        served = []
        for entry in manifest:
            url = _recorded_url(entry)
            if url is None:
                continue
            parts = urlsplit(url)
            query = {k: v[0] for k, v in parse_qs(parts.query).items() if v[0] != "..."}
            headers = {k: v for k, v in (entry.get("headers") or {}).items()
                       if k.lower() not in {"content-type", "content-length", "date",
                                            "transfer-encoding", "content-encoding"}}
            status = int(entry.get("status", 200))
            reply = Reply(status=status, body=(root / entry["file"]).read_bytes(),
                          content_type=_content_type(entry), headers=headers)
            self.route(f"/{parts.netloc}{parts.path}", reply, query=query or None)
            served.append(Recorded(entry["file"], url, self.local_url(url), status))
        return served

    # -- called by the handler --------------------------------------------

    def _answer(self, received: Received) -> Reply:
        with self._lock:
            self.log.append(received)
            candidates = [r for r in self._routes if r.matches(received.path, received.query)]
            if not candidates:
                return Reply.json({"error": "no route", "path": received.path}, status=404)
            best = max(candidates, key=Route.specificity)  # max keeps the first of equals
            reply = best.next_reply()
        # a function runs outside the lock, so that requests overlap as they would
        return reply if isinstance(reply, Reply) else reply(received)

    def _pause(self, seconds: float) -> None:
        if seconds > 0:
            self._stopping.wait(seconds)


def _recorded_url(entry: Mapping[str, Any]) -> str | None:
    url = entry.get("recorded_uri")
    if not url:
        match = re.match(r"GET (\S+)", str(entry.get("request", "")))
        url = match.group(1) if match else None
    if not url or "{" in url:
        return None
    return str(url)


def _content_type(entry: Mapping[str, Any]) -> str:
    headers = entry.get("headers") or {}
    if "content-type" in headers:
        return str(headers["content-type"])
    suffix = Path(str(entry["file"])).suffix
    return {".json": "application/json", ".xml": "text/xml"}.get(suffix, "text/plain")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    catalog: CatalogServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 10

    def do_GET(self) -> None:
        catalog = self.server.catalog
        parts = urlsplit(self.path)
        received = Received(time.monotonic(), "GET", parts.path, parse_qs(parts.query),
                            dict(self.headers.items()))
        reply = catalog._answer(received)
        catalog._pause(catalog.latency + reply.delay)
        try:
            self._write(reply)
        except OSError:  # the client gave up (timeout) or we broke the socket on purpose
            self.close_connection = True

    def _write(self, reply: Reply) -> None:
        if reply.fault in ("drop", "reset"):
            if reply.fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if reply.fault == "truncate":
            self.wfile.write(reply.body[: len(reply.body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

