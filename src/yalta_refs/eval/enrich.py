"""The enrichment precision set: references, true records and decoys, in a fake catalog.

``tests/enrich/precision/cases.json`` holds cases: an input reference (CSL-JSON),
the keys of its true records (``true``, empty when the catalogs do not hold it:
then "no match" is the right answer) and catalog records — the true edition
and decoys (another edition, a review, the same title by another author, the
same author's other book). :class:`FakeCatalog` serves them in the real API
formats — Open Library JSON (search, work editions, edition, ISBN, author),
Library of Congress SRU/MODS XML and Crossref REST JSON — answering the
requests of the real source clients, so the whole path (request, payload
parsing, matching, merging) is measured without a network. Searches return
every record of the case sharing a title word or the author's surname, the
way a real search returns near misses; Crossref's type filter is ignored
(its book search does return reviews). A record's ``volume`` is served by
Crossref as ``volume`` and by the Library of Congress as the MODS
``partNumber`` ("v. 3"); Open Library records name a volume in their title.
Case keys are found again from a served record id case-insensitively (DOIs
are case-insensitive: Crossref lower-cases them).

:func:`run_precision` runs every case and counts true matches found, wrong
matches applied, correct abstentions and the fields filled.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from xml.sax.saxutils import escape

from ..enrich.types import HttpRequest, HttpResult

CASES = Path("tests/enrich/precision/cases.json")
_STOP = frozenset(["the", "and", "for", "with", "from", "into", "of", "a", "an", "in", "on",
                   "to", "by", "at", "its", "his", "her", "their", "review"])
_MODS = "http://www.loc.gov/mods/v3"


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", (text or "").casefold()) if w not in _STOP}


def _family(name: str) -> str:
    return name.split()[-1].casefold() if name.strip() else ""


def _isbn10(isbn13: str) -> str | None:
    if not isbn13.startswith("978") or len(isbn13) != 13:
        return None
    core = isbn13[3:12]
    check = sum((10 - i) * int(d) for i, d in enumerate(core)) % 11
    return core + ("X" if (11 - check) % 11 == 10 else str((11 - check) % 11))


@dataclass
class FakeCatalog:
    """A fetcher answering Open Library, LoC SRU and Crossref requests from one case."""

    records: Sequence[Mapping[str, Any]]
    requests: list[HttpRequest] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.ids: dict[str, str] = {}  # record key -> the id it is served under
        works: dict[str, list[Mapping[str, Any]]] = {}
        for i, rec in enumerate(self.records):
            if rec["catalog"] == "openlibrary":
                self.ids[rec["key"]] = f"OL{9000 + i}M"
                works.setdefault(rec.get("work", rec["key"]), []).append(rec)
            elif rec["catalog"] == "loc":
                self.ids[rec["key"]] = rec.get("lccn") or f"{2000000 + i}"
            else:
                self.ids[rec["key"]] = rec.get("doi") or f"10.5555/{rec['key']}"
        self.works = {f"OL{8000 + i}W": recs for i, recs in enumerate(works.values())}
        self.authors = {name: f"OL{7000 + i}A" for i, name in enumerate(sorted(
            {a for r in self.records for a in r.get("authors", [])}))}

    def key_of(self, record: str) -> str | None:
        """The case key of a served record id or URL (a work: its first edition's key)."""
        record = record.casefold()  # DOIs are case-insensitive (Crossref lower-cases them)
        for key, served in self.ids.items():
            served = served.casefold()
            if record.endswith(served) or record.endswith("/" + served):
                return key
        for work, recs in self.works.items():
            if record.endswith(work):
                return str(recs[0]["key"])
        return None

    # ---------------------------------------------------------------- routing

    def fetch(self, request: HttpRequest) -> HttpResult:
        self.requests.append(request)
        params = dict(request.params)
        try:
            body = getattr(self, f"_{request.source}")(request.url, params)
        except KeyError:
            return HttpResult(request, 404, {}, b'{"error": "notfound"}')
        if body is None:
            return HttpResult(request, 404, {}, b'{"error": "notfound"}')
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        return HttpResult(request, 200, {}, data)

    def _hits(self, catalog: str, title: str, author: str = "") -> list[Mapping[str, Any]]:
        words, family = _words(title), author.casefold().strip()
        return [r for r in self.records if r["catalog"] == catalog and (
            words & _words(r["title"]) or (family and any(
                _family(a) == family for a in r.get("authors", []) + r.get("editors", []))))]

    # ---------------------------------------------------------------- Open Library

    def _openlibrary(self, url: str, params: Mapping[str, str]) -> Any:
        path = re.sub(r"^https?://[^/]+", "", url)
        if path == "/search.json":
            return self._ol_search(params.get("title") or params.get("q", ""),
                                   params.get("author", ""))
        m = re.fullmatch(r"/works/(OL\d+W)/editions\.json", path)
        if m:
            recs = self.works[m.group(1)]
            return {"size": len(recs), "entries": [self._ol_edition(r) for r in recs]}
        m = re.fullmatch(r"/books/(OL\d+M)\.json", path)
        if m:
            return next(self._ol_edition(r) for r in self._ol() if self.ids[r["key"]]
                        == m.group(1))
        m = re.fullmatch(r"/isbn/([\dXx]+)\.json", path)
        if m:
            wanted = m.group(1).upper()
            return next((self._ol_edition(r) for r in self._ol() if any(
                wanted in (i, _isbn10(i)) for i in r.get("isbn", []))), None)
        m = re.fullmatch(r"/authors/(OL\d+A)\.json", path)
        if m:
            name = next(n for n, k in self.authors.items() if k == m.group(1))
            return {"key": f"/authors/{m.group(1)}", "name": name, "personal_name": name}
        return None

    def _ol(self) -> list[Mapping[str, Any]]:
        return [r for r in self.records if r["catalog"] == "openlibrary"]

    def _work_of(self, rec: Mapping[str, Any]) -> str:
        return next(w for w, recs in self.works.items() if any(r is rec for r in recs))

    def _ol_edition(self, rec: Mapping[str, Any]) -> dict[str, Any]:
        isbns = list(rec.get("isbn", []))
        out: dict[str, Any] = {
            "key": f"/books/{self.ids[rec['key']]}", "title": rec["title"],
            "authors": [{"key": f"/authors/{self.authors[a]}"} for a in rec.get("authors", [])],
            "works": [{"key": f"/works/{self._work_of(rec)}"}],
            "publishers": [rec["publisher"]] if rec.get("publisher") else [],
            "publish_date": str(rec.get("year", "")),
            "type": {"key": "/type/edition"},
        }
        optional = {"subtitle": rec.get("subtitle"), "publish_places": [rec["place"]]
                    if rec.get("place") else None, "isbn_13": isbns or None,
                    "isbn_10": [x for x in map(_isbn10, isbns) if x] or None,
                    "lccn": [rec["lccn"]] if rec.get("lccn") else None,
                    "number_of_pages": rec.get("pages"), "edition_name": rec.get("edition")}
        out.update({k: v for k, v in optional.items() if v})
        return out

    def _ol_search(self, title: str, author: str) -> dict[str, Any]:
        docs = []
        for work, recs in self.works.items():
            if not any(r in self._hits("openlibrary", title, author) for r in recs):
                continue
            first = recs[0]
            docs.append({
                "key": f"/works/{work}", "title": first["title"],
                **({"subtitle": first["subtitle"]} if first.get("subtitle") else {}),
                "author_name": list(first.get("authors", [])),
                "author_key": [self.authors[a] for a in first.get("authors", [])],
                "first_publish_year": min(r.get("year", 9999) for r in recs),
                "edition_key": [self.ids[r["key"]] for r in recs],
                "cover_edition_key": self.ids[first["key"]],
                "isbn": [i for r in recs for i in r.get("isbn", [])],
                "publisher": sorted({r["publisher"] for r in recs if r.get("publisher")}),
            })
        return {"numFound": len(docs), "start": 0, "numFoundExact": True, "docs": docs}

    # ---------------------------------------------------------------- LoC SRU

    def _loc(self, url: str, params: Mapping[str, str]) -> bytes:
        query = params.get("query", "")
        isbn = re.search(r"bath\.isbn\s*=\s*\"?([\dXx]+)", query)
        if isbn:
            hits = [r for r in self.records if r["catalog"] == "loc" and isbn.group(1)
                    in r.get("isbn", [])]
        else:
            title = re.search(r'bath\.title\s*=\s*"([^"]*)"', query)
            author = re.search(r'bath\.author\s*=\s*"([^"]*)"', query)
            hits = self._hits("loc", title.group(1) if title else query,
                              author.group(1) if author else "")
        records = "".join(
            f"<zs:record><zs:recordSchema>mods</zs:recordSchema><zs:recordPacking>xml"
            f"</zs:recordPacking><zs:recordData>{self._mods(r)}</zs:recordData>"
            f"<zs:recordPosition>{i + 1}</zs:recordPosition></zs:record>"
            for i, r in enumerate(hits[:5]))
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<zs:searchRetrieveResponse '
                f'xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.1</zs:version>'
                f"<zs:numberOfRecords>{len(hits)}</zs:numberOfRecords><zs:records>{records}"
                f"</zs:records></zs:searchRetrieveResponse>").encode()

    def _mods(self, rec: Mapping[str, Any]) -> str:
        def e(text: Any) -> str:
            return escape(str(text))

        title = f"<title>{e(rec['title'])}</title>"
        if rec.get("subtitle"):
            title += f"<subTitle>{e(rec['subtitle'])}</subTitle>"
        if rec.get("volume"):  # one volume of a multi-volume work ("v. 3")
            title += f"<partNumber>{e(rec['volume'])}</partNumber>"
        names = ""
        for role, key in (("aut", "authors"), ("edt", "editors")):
            for name in rec.get(key, []):
                given, _, family = name.rpartition(" ")
                names += (f'<name type="personal"><namePart type="family">{e(family)}</namePart>'
                          f'<namePart type="given">{e(given)}</namePart><role><roleTerm '
                          f'type="code" authority="marcrelator">{role}</roleTerm></role></name>')
        origin = "".join([
            f'<place><placeTerm type="text">{e(rec["place"])} :</placeTerm></place>'
            if rec.get("place") else "",
            f"<publisher>{e(rec['publisher'])},</publisher>" if rec.get("publisher") else "",
            f"<dateIssued>{e(rec.get('year', ''))}</dateIssued>",
            f"<edition>{e(rec['edition'])}</edition>" if rec.get("edition") else "",
        ])
        ids = "".join(f'<identifier type="isbn">{e(i)}</identifier>' for i in rec.get("isbn", []))
        ids += f'<identifier type="lccn">{e(self.ids[rec["key"]])}</identifier>'
        extent = (f"<physicalDescription><extent>{rec['pages']} p. ;</extent>"
                  f"</physicalDescription>" if rec.get("pages") else "")
        return (f'<mods xmlns="{_MODS}" version="3.5"><titleInfo>{title}</titleInfo>{names}'
                f"<typeOfResource>text</typeOfResource><originInfo>{origin}"
                f"<issuance>monographic</issuance></originInfo>{extent}{ids}"
                f"<recordInfo><recordIdentifier>{e(self.ids[rec['key']])}</recordIdentifier>"
                f"</recordInfo></mods>")

    # ---------------------------------------------------------------- Crossref

    def _crossref(self, url: str, params: Mapping[str, str]) -> dict[str, Any] | None:
        path = re.sub(r"^https?://[^/]+", "", url)
        if path.startswith("/works/"):
            doi = unquote(path[len("/works/"):]).casefold()
            rec = next((r for r in self.records if r["catalog"] == "crossref"
                        and self.ids[r["key"]].casefold() == doi), None)
            if rec is None:
                return None
            return {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                    "message": self._cr_work(rec)}
        query = params.get("query.bibliographic", "")
        hits = [r for r in self.records if r["catalog"] == "crossref" and (
            _words(query) & _words(r["title"]))]
        rows = int(params.get("rows", "20"))
        return {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                "message": {"total-results": len(hits), "items-per-page": rows,
                            "items": [self._cr_work(r) for r in hits[:rows]]}}

    def _cr_work(self, rec: Mapping[str, Any]) -> dict[str, Any]:
        def people(names: Sequence[str]) -> list[dict[str, str]]:
            return [{"given": n.rpartition(" ")[0], "family": n.rpartition(" ")[2],
                     "sequence": "first" if i == 0 else "additional"}
                    for i, n in enumerate(names)]

        doi = self.ids[rec["key"]]
        out: dict[str, Any] = {
            "DOI": doi, "type": rec.get("type", "journal-article"), "title": [rec["title"]],
            "author": people(rec.get("authors", [])),
            "issued": {"date-parts": [[rec["year"]]]} if rec.get("year") else {},
            "URL": f"https://doi.org/{doi}", "publisher": rec.get("publisher", ""),
        }
        optional = {"subtitle": [rec["subtitle"]] if rec.get("subtitle") else None,
                    "editor": people(rec.get("editors", [])) or None,
                    "container-title": [rec["container"]] if rec.get("container") else None,
                    "volume": rec.get("volume"), "issue": rec.get("issue"),
                    "page": rec.get("page"), "ISBN": rec.get("isbn") or None,
                    "publisher-location": rec.get("place")}
        out.update({k: v for k, v in optional.items() if v})
        return out


# -------------------------------------------------------------------- the run


@dataclass
class PrecisionResult:
    """Counts over the precision set for one way of choosing sources."""

    mode: str
    cases: int = 0
    expected: int = 0
    found: int = 0
    wrong_applied: int = 0
    wrong_accepted: int = 0
    abstain_expected: int = 0
    abstained: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode, "cases": self.cases, "expected": self.expected,
                "found": self.found, "wrong_applied": self.wrong_applied,
                "wrong_accepted": self.wrong_accepted, "abstain_expected": self.abstain_expected,
                "correct_abstentions": self.abstained, "fields": dict(self.fields),
                "problems": self.problems}


def load_cases(path: Path | None = None) -> list[dict[str, Any]]:
    from .corpus import repo_root

    data = json.loads((path or repo_root() / CASES).read_text(encoding="utf-8"))
    return list(data["cases"])


def run_case(case: Mapping[str, Any], sources: Sequence[str] | None) -> tuple[str | None, int,
                                                                              list[str]]:
    """(accepted case key or None, changes applied, changed fields) for one case."""
    from ..enrich.engine import enrich
    from ..formats.csljson import reference_from_csl
    from ..model import Library

    catalog = FakeCatalog(case["records"])
    ref = reference_from_csl(case["ref"])
    result = enrich(Library((ref,)), sources=sources, fetcher=catalog, workers=1)
    report = result.reports[0]
    if report.accepted is None:
        return None, 0, []
    key = catalog.key_of(report.accepted.record) or report.accepted.record
    return key, len(report.changes), [c.field for c in report.changes]


def run_precision(cases: Sequence[Mapping[str, Any]], sources: Sequence[str] | None,
                  mode: str) -> PrecisionResult:
    out = PrecisionResult(mode, cases=len(cases))
    for case in cases:
        key, applied, fields = run_case(case, sources)
        true = set(case.get("true", []))
        if true:
            out.expected += 1
        else:
            out.abstain_expected += 1
        if key is None:
            out.abstained += not true
            if true:
                out.problems.append(f"{case['id']}: true record not found")
        elif key in true:
            out.found += 1
            out.fields.update(fields)
        else:
            out.wrong_accepted += 1
            out.wrong_applied += applied > 0
            out.problems.append(f"{case['id']}: accepted {key} ({applied} change(s))")
    return out


MODES: dict[str, tuple[str, ...] | None] = {
    "plan": None,  # each record's default plan
    "all": ("crossref", "openlibrary", "loc"),  # every catalog, Crossref (and its reviews) first
}


def format_precision(results: Sequence[PrecisionResult],
                     name: str = "development precision set") -> str:
    """The report; ``name`` says which set of cases was run."""
    lines = []
    for r in results:
        rate = r.found / r.expected if r.expected else 1.0
        lines += [f"enrich {name}, sources: {r.mode} ({r.cases} references)",
                  f"  true matches found:   {r.found}/{r.expected} ({100 * rate:.1f}%; "
                  f"target >= 90%)",
                  f"  wrong matches applied: {r.wrong_applied} (target 0); wrong accepted: "
                  f"{r.wrong_accepted}",
                  f"  correct abstentions:  {r.abstained}/{r.abstain_expected}",
                  "  fields filled: " + (", ".join(f"{k} {n}" for k, n in
                                                   sorted(r.fields.items())) or "none")]
        lines += [f"  - {p}" for p in r.problems]
    return "\n".join(lines)
