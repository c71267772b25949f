"""Enrichment throughput against a local catalog server with the real per-host limits.

    python benchmarks/bench_enrich.py            # 1,000 references (about 7 minutes)
    python benchmarks/bench_enrich.py --n 200    # the quicker run CI makes

The references are books with an ISBN (Open Library: the edition by ISBN, then
its author record) and journal articles with a DOI (Crossref: the work). The
local server (tests/catalog_server.py, a real socket on 127.0.0.1) answers
every request after ``--latency`` seconds (default 50 ms) in the real API
formats, sending Crossref's ``x-rate-limit-*`` headers. The client keeps its
real limits for a user who gave a contact address (Open Library 3/s, 3 at a
time; Crossref as its headers allow, 3 at a time).

Printed: the wall time of a cold run; the least time the limits allow for the
requests actually made (per catalog: the request starts the rate allows and
the latency the concurrency hides; catalogs run in parallel, so the largest);
their ratio (target <= 1.2); then a second run over the same cache — no request
reaches the server — in references per second.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests/catalog_server.py

from tests.catalog_server import CatalogServer, Received, Reply  # noqa: E402

from yalta_refs import enrich  # noqa: E402
from yalta_refs.enrich.http import CatalogClient  # noqa: E402
from yalta_refs.model import Date, Library, Name, Reference  # noqa: E402

GIVEN = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Feliks", "Galina", "Hugo", "Irina"]
FAMILY = ["Abramov", "Belova", "Chernov", "Dobrov", "Egorova", "Fomin", "Glinka", "Haas"]
WORDS = ["river", "empire", "winter", "harvest", "border", "archive", "silence", "bridge",
         "frontier", "exile", "memory", "steppe", "garrison", "treaty", "ledger", "signal"]


def _isbn13(n: int) -> str:
    core = f"978{n:09d}"
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(core)) % 10) % 10
    return core + str(check)


def _title(n: int) -> str:
    picks = [WORDS[(n * 7 + k * 5) % len(WORDS)] for k in range(3)]
    return f"The {picks[0].title()} of the {picks[1].title()}: A {picks[2].title()} Study {n}"


def references(count: int) -> list[Reference]:
    """Books with an ISBN and articles with a DOI, alternating three to two."""
    refs = []
    for n in range(count):
        author = Name(family=FAMILY[n % len(FAMILY)], given=GIVEN[n % len(GIVEN)])
        issued = Date.from_year(1950 + n % 70)
        if n % 5 < 3:
            refs.append(Reference(id=f"b{n}", type="book", title=_title(n), author=(author,),
                                  issued=issued, ISBN=_isbn13(n)))
        else:
            refs.append(Reference(id=f"a{n}", type="article-journal", title=_title(n),
                                  author=(author,), issued=issued,
                                  container_title="Journal of Slavic Things",
                                  DOI=f"10.5555/bench.{n}"))
    return refs


def _openlibrary(refs: dict[str, Reference], request: Received) -> Reply:
    tail = request.path.rsplit("/", 1)[-1].removesuffix(".json")
    if request.path.startswith("/ol/authors/"):
        n = int(tail.removeprefix("OL").removesuffix("A"))
        ref = refs[f"b{n}"]
        return Reply.json({"key": f"/authors/OL{n}A", "name": ref.author[0].display()})
    ref = next((r for r in refs.values() if tail == r.ISBN), None)
    if ref is None:
        return Reply.json({"error": "notfound"}, status=404)
    n = int(ref.id[1:])
    return Reply.json({
        "key": f"/books/OL{n}M", "title": ref.title, "isbn_13": [ref.ISBN],
        "publishers": ["Steppe Press"], "publish_places": ["Kazan"],
        "publish_date": str(ref.issued.year if ref.issued else 2000), "number_of_pages": 200 + n,
        "authors": [{"key": f"/authors/OL{n}A"}], "works": [{"key": f"/works/OL{n}W"}]})


def _crossref(refs: dict[str, Reference], request: Received) -> Reply:
    doi = request.path.split("/works/", 1)[-1]
    ref = next((r for r in refs.values() if doi == r.DOI), None)
    headers = {"x-rate-limit-limit": "50", "x-rate-limit-interval": "1s"}
    if ref is None:
        return Reply(status=404, body=b"Resource not found.", content_type="text/plain",
                     headers=headers)
    author = ref.author[0]
    return Reply.json({"status": "ok", "message-type": "work", "message": {
        "DOI": doi, "type": "journal-article", "title": [ref.title],
        "author": [{"given": author.given, "family": author.family, "sequence": "first"}],
        "container-title": [ref.container_title], "publisher": "Slavic Society",
        "issued": {"date-parts": [[ref.issued.year if ref.issued else 2000]]},
        "volume": "12", "issue": "3", "page": "101-120", "ISSN": ["1234-5679"]}},
        headers=headers)


def minimum_time(log: list[Received], client: CatalogClient, latency: float) -> float:
    """The least wall time the limits allow for the requests in ``log``."""
    counts = Counter("openlibrary" if r.path.startswith("/ol/") else "crossref" for r in log)
    least = 0.0
    for source, n in counts.items():
        limit = client.limit(source)
        least = max(least, (n - 1) * limit.interval + latency,
                    n * latency / max(1, limit.concurrency))
    return least


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="references (default 1000)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per answer")
    args = parser.parse_args()
    refs = references(args.n)
    by_id = {ref.id: ref for ref in refs}
    with tempfile.TemporaryDirectory() as tmp, CatalogServer(latency=args.latency) as server:
        server.route("/ol/*", lambda request: _openlibrary(by_id, request))
        server.route("/cr/*", lambda request: _crossref(by_id, request))
        options = {"openlibrary": {"url": server.url + "/ol"},
                   "crossref": {"url": server.url + "/cr"}}
        cache = Path(tmp, "cache.sqlite")
        runs = []
        for label in ("cold", "cached"):
            server.clear_log()
            with CatalogClient(cache=cache, contact="bench@example.org") as client:
                start = time.perf_counter()
                result = enrich(Library(tuple(refs)), fetcher=client, source_options=options,
                                mailto="bench@example.org")
                wall = time.perf_counter() - start
                runs.append((label, wall, list(server.log), result, client))
        (_, cold, log, result, client), (_, warm, warm_log, warm_result, _) = runs
        least = minimum_time(log, client, args.latency)
        counts = result.counts()
        limits = ", ".join(f"{name} {1 / lim.interval:.0f}/s x{lim.concurrency}"
                           for name in ("openlibrary", "crossref")
                           for lim in [client.limit(name)])
        print(f"enrich benchmark: {args.n} references, latency {args.latency * 1000:.0f} ms, "
              f"real limits ({limits})")
        print(f"  cold run:   {cold:7.1f} s, {len(log)} requests, {counts}")
        print(f"  minimum the limits allow: {least:7.1f} s  ->  ratio {cold / least:.2f} "
              f"(target <= 1.2)")
        print(f"  cached run: {warm:7.2f} s, {len(warm_log)} requests reached the server, "
              f"{args.n / warm:,.0f} references/s, {warm_result.counts()}")


if __name__ == "__main__":
    main()
