"""The enrichment driver: per record, ask catalogs, match, merge; never stop the run.

Per reference: the sources are the user's ``sources`` in their order, else
those planned for its kind (:func:`yalta_refs.enrich.sources.plan`), asked one
after the other through the fetcher, and their candidates matched
(:func:`~yalta_refs.enrich.match.choose`) after each; the asking stops at the
first source that yields a match for the reference's own edition. The accepted
candidate is applied (:func:`~yalta_refs.enrich.merge.apply_candidate`).

Identifiers are checked: an ISBN with a wrong check digit is not looked up
(the sources search by title and author; the report notes it). When no
record is accepted and every record found by the reference's ISBN or DOI is
another work (:func:`~yalta_refs.enrich.match.other_work`: title or authors
differ), the sources are asked again for the reference without that
identifier — a title/author search — and the report notes that the
identifier points to another work. The record keeps its ISBN/DOI.

References run in parallel on a thread pool (the fetcher enforces per-host
limits); results keep the input order. A fault (HTTP error, timeout, bad
payload, an exception inside a source) is recorded on that one record, which
keeps what it had, and the run goes on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from ..errors import ConfigError
from ..model import Library, Reference
from .match import (
    DEFAULT_MARGIN,
    DEFAULT_MIN_SCORE,
    Decision,
    Rejection,
    Score,
    choose,
    invalid_isbns,
    other_work,
)
from .merge import Change, apply_candidate, field_names
from .types import Candidate, Fault, Fetcher, HttpRequest, HttpResult, Source

__all__ = ["EnrichResult", "RecordReport", "enrich"]

Status = Literal["enriched", "matched", "no-match", "ambiguous", "no-source", "fault"]


@dataclass(frozen=True)
class RecordReport:
    """What enrichment did for one reference.

    ``status``: ``enriched`` (fields changed), ``matched`` (a record was
    accepted but had nothing to add), ``no-match``, ``ambiguous``,
    ``no-source`` (no catalog for this kind of record) or ``fault`` (no
    candidates and at least one fault).
    """

    index: int
    id: str
    title: str | None
    status: Status
    sources: tuple[str, ...] = ()
    accepted: Candidate | None = None
    score: Score | None = None
    changes: tuple[Change, ...] = ()
    rejected: tuple[Rejection, ...] = ()
    faults: tuple[Fault, ...] = ()
    #: remarks on the reference's own data: an invalid ISBN, an identifier of another work
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "index": self.index, "id": self.id, "title": self.title, "status": self.status,
            "sources": list(self.sources),
        }
        if self.accepted is not None and self.score is not None:
            out["accepted"] = {"source": self.accepted.source, "record": self.accepted.record,
                               "level": self.accepted.level, **self.score.to_dict()}
        out["changes"] = [c.to_dict() for c in self.changes]
        out["rejected"] = [r.to_dict() for r in self.rejected]
        out["faults"] = [{"source": f.source, "kind": f.kind, "message": f.message,
                          "url": f.url, "status": f.status} for f in self.faults]
        if self.notes:
            out["notes"] = list(self.notes)
        return out


@dataclass(frozen=True)
class EnrichResult:
    """The enriched library (unchanged in a dry run) and one report per reference."""

    library: Library
    reports: tuple[RecordReport, ...]
    dry_run: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> list[tuple[RecordReport, Change]]:
        return [(r, c) for r in self.reports for c in r.changes]

    @property
    def faults(self) -> list[tuple[RecordReport, Fault]]:
        return [(r, f) for r in self.reports for f in r.faults]

    def counts(self) -> dict[str, int]:
        out = {status: 0 for status in Status.__args__}  # type: ignore[attr-defined]
        for report in self.reports:
            out[report.status] += 1
        out["changes"] = len(self.changes)
        out["faults"] = len(self.faults)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data (what ``--report`` writes under ``enrich``)."""
        return {"dry_run": self.dry_run, "options": dict(self.options),
                "counts": self.counts(), "records": [r.to_dict() for r in self.reports]}

    def summary(self) -> str:
        """One line: references enriched, fields filled, no match, faults."""
        c = self.counts()
        verb = "would fill" if self.dry_run else "filled"
        return (f"enriched {c['enriched']} of {len(self.reports)} references ({verb} "
                f"{c['changes']} fields); {c['no-match']} without a match, {c['ambiguous']} "
                f"ambiguous, {c['faults']} fault(s)")

    def change_report(self) -> str:
        """The human-readable change report: one block per reference that changed or failed."""
        lines: list[str] = []
        for r in self.reports:
            if not r.changes and not r.faults and not r.notes:
                continue
            head = f"{r.id or '#' + str(r.index + 1)}: {r.title or '(no title)'}"
            if r.accepted is not None and r.score is not None:
                head += f"  [{r.accepted.source} {r.accepted.record}, score {r.score.total:.2f}]"
            lines.append(head)
            for c in r.changes:
                old = f"{c.old!r} -> " if c.old is not None else ""
                lines.append(f"  {c.field}: {old}{c.new!r}")
            for f in r.faults:
                lines.append(f"  fault: {f.source} {f.kind}: {f.message}")
            for note in r.notes:
                lines.append(f"  note: {note}")
        return "\n".join(lines)


# ------------------------------------------------------------------ sources


def _resolve_sources(
    sources: Sequence[str | Source] | None, *, mailto: str | None,
    source_options: Mapping[str, Mapping[str, str]],
) -> tuple[list[str] | None, dict[str, Source]]:
    """(the sources the user chose, or None for the plan) and the source objects by name."""
    from .sources import make_source

    objects: dict[str, Source] = {}
    names: list[str] | None = None
    if sources is not None:
        names = []
        for item in sources:
            if isinstance(item, str):
                name = item.strip()
                if name and name not in names:
                    names.append(name)
            else:
                objects[item.name] = item
                names.append(item.name)
    for name in names or []:
        if name not in objects:
            opts = source_options.get(name, {})
            objects[name] = make_source(name, opts.get("url") or None, mailto=mailto,
                                        key=opts.get("key") or None)
    return names, objects


def _planned(ref: Reference, names: list[str] | None) -> list[str]:
    """Sources for ``ref``: the user's, in their order, else the plan for its kind."""
    if names is not None:
        return list(names)
    from .sources import plan

    return list(plan(ref))


# ------------------------------------------------------------------ one record


@dataclass
class _Context:
    names: list[str] | None
    objects: dict[str, Source]
    fetch: Callable[[HttpRequest], HttpResult]
    min_score: float
    margin: float
    overwrite: frozenset[str]
    protect: frozenset[str]
    source_options: Mapping[str, Mapping[str, str]]
    mailto: str | None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def source(self, name: str) -> Source:
        with self.lock:
            if name not in self.objects:
                from .sources import make_source

                opts = self.source_options.get(name, {})
                self.objects[name] = make_source(name, opts.get("url") or None,
                                                 mailto=self.mailto, key=opts.get("key") or None)
            return self.objects[name]


def _ask(source: Source, ref: Reference, fetch: Callable[[HttpRequest], HttpResult]
         ) -> tuple[list[Candidate], list[Fault]]:
    try:
        outcome = source.find(ref, fetch)
    except Exception as exc:  # a bug or a payload a source did not expect: this record only
        return [], [Fault("malformed", f"{type(exc).__name__} in source: {exc}", source.name)]
    return list(outcome.candidates), list(outcome.faults)


def _lookup(ref: Reference, names: Sequence[str], ctx: _Context
            ) -> tuple[Decision, list[Candidate], list[Fault]]:
    """Ask the sources in order, matching after each; stop at a match of the own edition."""
    candidates: list[Candidate] = []
    faults: list[Fault] = []
    decision = Decision(None, None, reason="no candidates")
    for name in names:
        found, failed = _ask(ctx.source(name), ref, ctx.fetch)
        candidates += found
        faults += failed
        if found:
            decision = choose(ref, candidates, min_score=ctx.min_score, margin=ctx.margin)
            if decision.score is not None and decision.score.same_edition:
                break
    return decision, candidates, faults


def _identifier_notes(ref: Reference) -> list[str]:
    return [f"invalid ISBN {bad!r} (wrong check digit): not looked up; searched by title and "
            "author" for bad in invalid_isbns(ref.ISBN)]


def _stray_identifiers(ref: Reference, decision: Decision) -> dict[str, Rejection]:
    """The identifiers ("ISBN", "DOI") that led only to other works, when no record was accepted.

    Empty unless every record found by the reference's ISBN or DOI was rejected
    as another work (title and/or authors differ).
    """
    if decision.accepted is not None or decision.reason.startswith("ambiguous"):
        return {}
    by_identifier = [r for r in decision.rejected if r.score.identifier]
    kinds = [other_work(ref, r) for r in by_identifier]
    if not by_identifier or not all(kinds):
        return {}
    return {kind: r for kind, r in zip(kinds, by_identifier, strict=True) if kind}


def _enrich_one(index: int, ref: Reference, ctx: _Context) -> tuple[Reference, RecordReport]:
    names = _planned(ref, ctx.names)
    notes = _identifier_notes(ref)
    report = RecordReport(index, ref.id, ref.title, "no-source", tuple(names),
                          notes=tuple(notes))
    if not names:
        return ref, report
    decision, candidates, faults = _lookup(ref, names, ctx)
    stray = _stray_identifiers(ref, decision)
    if stray:  # the ISBN or DOI names another work: search by title and author instead
        for kind, rejection in stray.items():
            value = ref.ISBN if kind == "ISBN" else ref.DOI
            notes.append(f"{kind} {value} points to another work ({rejection.candidate.source} "
                         f"{rejection.candidate.record}: {rejection.candidate.reference.title!r}"
                         "); searched by title and author")
        bare = ref.with_fields(**{"ISBN" if kind == "ISBN" else "DOI": None for kind in stray})
        first = [replace(r, reason=f"{kind}: another work ({r.reason})")
                 for kind, r in stray.items()]
        retry = _planned(bare, ctx.names)
        names = list(dict.fromkeys([*names, *retry]))
        decision, more, more_faults = _lookup(bare, retry, ctx)
        candidates += more
        faults += more_faults
        seen = {(r.candidate.source, r.candidate.record) for r in first}
        decision = replace(decision, rejected=(*first, *(
            r for r in decision.rejected
            if (r.candidate.source, r.candidate.record) not in seen)))
    if decision.accepted is None or decision.score is None:
        ambiguous = decision.reason.startswith("ambiguous")
        status: Status = "ambiguous" if ambiguous else "fault" if faults and not candidates \
            else "no-match"
        return ref, RecordReport(index, ref.id, ref.title, status, tuple(names),
                                 rejected=decision.rejected, faults=tuple(faults),
                                 notes=tuple(notes))
    new, changes = apply_candidate(ref, decision.accepted, decision.score,
                                   overwrite=ctx.overwrite, protect=ctx.protect,
                                   companions=decision.companions)
    return new, RecordReport(index, ref.id, ref.title, "enriched" if changes else "matched",
                             tuple(names), decision.accepted, decision.score, tuple(changes),
                             decision.rejected, tuple(faults), tuple(notes))


def _safe_one(index: int, ref: Reference, ctx: _Context) -> tuple[Reference, RecordReport]:
    try:
        return _enrich_one(index, ref, ctx)
    except ConfigError:
        raise
    except Exception as exc:  # never let one record stop the run
        fault = Fault("malformed", f"{type(exc).__name__}: {exc}", "enrich")
        return ref, RecordReport(index, ref.id, ref.title, "fault", faults=(fault,))


# ------------------------------------------------------------------ the run


def _default_fetcher(*, offline: bool, mailto: str | None,
                     cache_path: str | None) -> Fetcher:
    from .http import CatalogClient

    return CatalogClient(cache=cache_path or "user", offline=offline, contact=mailto)


def enrich(
    library: Library | Iterable[Reference], *,
    sources: Sequence[str | Source] | None = None,
    offline: bool = False,
    mailto: str | None = None,
    overwrite: Iterable[str] = (),
    protect: Iterable[str] = (),
    min_score: float = DEFAULT_MIN_SCORE,
    margin: float = DEFAULT_MARGIN,
    dry_run: bool = False,
    fetcher: Fetcher | None = None,
    cache_path: str | None = None,
    progress: Callable[[int], None] | None = None,
    source_options: Mapping[str, Mapping[str, str]] | None = None,
    workers: int = 4,
) -> EnrichResult:
    """Look every reference up in library catalogs and fill its empty fields.

    ``sources`` restricts and orders the catalogs (names such as
    ``"openlibrary"``, ``"loc"``, ``"crossref"``, or :class:`Source` objects);
    by default each record asks the catalogs planned for its kind.
    ``overwrite``/``protect`` name fields (CSL names; ``protect`` wins).
    ``fetcher`` performs the requests (default: the caching
    :class:`~yalta_refs.enrich.http.CatalogClient`, ``offline`` = cache only,
    ``cache_path`` its location). ``source_options`` maps a source name to
    ``{"url": ..., "key": ...}``. ``progress`` is called with 1 after each
    reference. With ``dry_run`` the returned library is the input unchanged
    and the reports hold the changes that would be made.

    Raises :class:`~yalta_refs.errors.ConfigError` for an unknown source or
    field name or a ``min_score`` outside 0..1; faults never raise.
    """
    if not isinstance(library, Library):
        library = Library(tuple(library))
    if not 0.0 <= min_score <= 1.0:
        raise ConfigError(f"min_score must be between 0 and 1, not {min_score}")
    options = dict(source_options or {})
    names, objects = _resolve_sources(sources, mailto=mailto, source_options=options)
    ctx = _Context(names, objects, _no_fetch, min_score, margin, field_names(overwrite),
                   field_names(protect), options, mailto)
    own = fetcher is None
    if fetcher is None:
        fetcher = _default_fetcher(offline=offline, mailto=mailto, cache_path=cache_path)
    ctx.fetch = fetcher.fetch
    try:
        done = _run(list(library.references), ctx, workers, progress)
    finally:
        close = getattr(fetcher, "close", None)
        if own and callable(close):
            close()
    reports = tuple(report for _, report in done)
    enriched = library if dry_run else library.with_references(ref for ref, _ in done)
    summary = {"sources": names, "min_score": min_score, "overwrite": sorted(ctx.overwrite),
               "protect": sorted(ctx.protect), "offline": offline}
    return EnrichResult(enriched, reports, dry_run, summary)


def _no_fetch(request: HttpRequest) -> HttpResult:  # pragma: no cover - replaced before use
    raise RuntimeError("no fetcher")


def _run(refs: list[Reference], ctx: _Context, workers: int,
         progress: Callable[[int], None] | None) -> list[tuple[Reference, RecordReport]]:
    results: list[tuple[Reference, RecordReport] | None] = [None] * len(refs)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(_safe_one, i, ref, ctx): i for i, ref in enumerate(refs)}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            if progress is not None:
                progress(1)
    return [r for r in results if r is not None]
