"""The enrichment driver with fake sources and fetchers: order, faults, dry runs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import yalta_refs
from yalta_refs.enrich import enrich
from yalta_refs.enrich.types import Candidate, Fault, HttpRequest, HttpResult, Outcome
from yalta_refs.errors import ConfigError
from yalta_refs.model import Library, Reference

from .enrich_helpers import FakeFetcher, FakeSource, cand, ref

ANNOTATION = "Highly recommended; see ch. 3."
REFS = [
    ref("The Cossacks", "John Ure", year=2002, id="ure", annotation=ANNOTATION),
    ref("The Horsemen of the Steppes", "Albert Seaton", year=1985, id="seaton"),
    ref("Nothing Like It", "Nobody Known", year=1999, id="none"),
]
CATALOG = {
    "The Cossacks": [cand("The Cossacks: An Illustrated History", "John Ure", year=2002,
                          publisher="Penguin", record="OL1M")],
    "The Horsemen of the Steppes": [cand("The horsemen of the steppes", "Albert Seaton",
                                         year=1986, publisher="Hippocrene Books",
                                         publisher_place="New York", record="OL2M")],
}


def _run(**kw):  # type: ignore[no-untyped-def]
    source = FakeSource("fake", by_title=CATALOG)
    fetcher = FakeFetcher()
    return enrich(Library(tuple(REFS)), sources=[source], fetcher=fetcher, **kw), fetcher


def test_enrich_fills_fields_in_input_order() -> None:
    result, fetcher = _run()
    assert [r.id for r in result.library] == ["ure", "seaton", "none"]
    assert result.library[0].publisher == "Penguin"
    assert result.library[1].publisher_place == "New York"
    assert result.library[0].annotation == ANNOTATION
    assert [r.status for r in result.reports] == ["enriched", "enriched", "no-match"]
    assert len(fetcher.requests) == 3
    assert "publisher" in result.change_report()
    assert result.to_dict()["counts"]["enriched"] == 2


def test_dry_run_changes_nothing_but_reports() -> None:
    result, _ = _run(dry_run=True)
    assert result.library.references == tuple(REFS)
    assert result.changes and result.dry_run
    assert "would fill" in result.summary()


def test_protect_and_min_score() -> None:
    result, _ = _run(protect=["publisher"])
    assert result.library[0].publisher is None
    result, _ = _run(min_score=1.0)
    assert result.library[1].publisher_place is None


def test_a_raising_source_is_a_fault_on_that_record_only() -> None:
    good = FakeSource("good", by_title=CATALOG)
    bad = FakeSource("bad", error=RuntimeError("boom"))
    result = enrich(REFS, sources=[bad, good], fetcher=FakeFetcher())
    assert result.library[0].publisher == "Penguin"
    assert all(r.faults and "boom" in r.faults[0].message for r in result.reports)
    assert [r.status for r in result.reports] == ["enriched", "enriched", "fault"]


def test_faults_leave_the_record_untouched() -> None:
    down = FakeSource("down", faults=[Fault("server-error", "HTTP 503", "down")])
    result = enrich(REFS, sources=[down], fetcher=FakeFetcher())
    assert result.library.references == tuple(REFS)
    assert [r.status for r in result.reports] == ["fault"] * 3
    assert len(result.faults) == 3


def test_progress_is_called_once_per_reference() -> None:
    calls: list[int] = []
    _run(progress=calls.append)
    assert calls == [1, 1, 1]


def test_bad_options_raise_config_errors() -> None:
    with pytest.raises(ConfigError):
        enrich(REFS, sources=["nonexistent"], fetcher=FakeFetcher())
    with pytest.raises(ConfigError):
        enrich(REFS, sources=[FakeSource("x")], fetcher=FakeFetcher(), overwrite=["bogus"])


def test_public_api_is_callable_from_the_package() -> None:
    result = yalta_refs.enrich(REFS[:1], sources=[FakeSource("fake", by_title=CATALOG)],
                               fetcher=FakeFetcher())
    assert result.library[0].publisher == "Penguin"


def test_planned_sources_by_kind() -> None:
    from yalta_refs.enrich.engine import _planned

    assert _planned(REFS[0], None) == ["loc", "openlibrary"]
    assert _planned(REFS[0], ["crossref", "openlibrary"]) == ["crossref", "openlibrary"]


# ------------------------------------------------------------------ identifiers


class _ByIdentifier:
    """A source answering an ISBN or DOI lookup with ``by_id``, a search with ``by_search``."""

    base_url = "http://fake.invalid"

    def __init__(self, name: str, by_id: list[Candidate], by_search: list[Candidate]) -> None:
        self.name = name
        self.by_id, self.by_search = by_id, by_search
        self.asked: list[tuple[str | None, str | None]] = []

    def find(self, ref: Reference, fetch: Callable[[HttpRequest], HttpResult]) -> Outcome:
        from yalta_refs.enrich.sources._common import ref_doi, ref_isbn

        self.asked.append((ref.ISBN, ref.DOI))
        # like the real sources: only a valid ISBN (or a DOI) is looked up
        found = self.by_id if ref_isbn(ref) or ref_doi(ref) else self.by_search
        return Outcome(tuple(found))


GULAG = cand("Gulag: A History", "Anne Applebaum", year=2003, publisher="Doubleday",
             record="OL-gulag", isbns=["9780767900560"])
IRON = cand("Iron Curtain: The Crushing of Eastern Europe, 1944-1956", "Anne Applebaum",
            year=2012, publisher="Doubleday", record="OL-iron", isbns=["9780385515696"])


def test_an_isbn_of_another_work_leads_to_a_title_search() -> None:
    source = _ByIdentifier("fake", [IRON], [GULAG, IRON])
    r = ref("Gulag: A History", "Anne Applebaum", year=2003, ISBN="9780385515696")
    result = enrich([r], sources=[source], fetcher=FakeFetcher())
    report = result.reports[0]
    assert source.asked == [("9780385515696", None), (None, None)]
    assert report.accepted is GULAG and report.status == "enriched"
    assert result.library[0].ISBN == "9780385515696"  # kept: not overwritten
    assert result.library[0].publisher == "Doubleday"
    assert any("points to another work" in n and "Iron Curtain" in n for n in report.notes)
    data = report.to_dict()
    assert data["notes"] == list(report.notes)
    assert any(x["record"] == "OL-iron" and "another work" in x["reason"]
               for x in data["rejected"])
    assert "note: ISBN 9780385515696 points to another work" in result.change_report()


def test_an_isbn_of_another_work_and_nothing_else_is_no_match() -> None:
    source = _ByIdentifier("fake", [IRON], [IRON])
    r = ref("Between East and West", "Anne Applebaum", year=1994, ISBN="9780385515696")
    report = enrich([r], sources=[source], fetcher=FakeFetcher()).reports[0]
    assert report.status == "no-match" and len(source.asked) == 2
    assert report.notes and "another work" in report.notes[0]


def test_a_transposed_doi_leads_to_a_bibliographic_search() -> None:
    right = cand("Displaced Persons Camps in Bavaria", "Olga Petrov", year=2005,
                 type="article-journal", DOI="10.5555/jrs.2005.18.2.214", record="right")
    wrong = cand("Housing Policy in Postwar Hamburg", "Karl Brandt", year=2005,
                 type="article-journal", DOI="10.5555/jrs.2005.18.3.241", record="wrong")
    source = _ByIdentifier("fake", [wrong], [right])
    r = ref("Displaced Persons Camps in Bavaria", "Olga Petrov", year=2005,
            type="article-journal", DOI="10.5555/jrs.2005.18.3.241")
    report = enrich([r], sources=[source], fetcher=FakeFetcher()).reports[0]
    assert report.accepted is right
    assert report.notes and report.notes[0].startswith("DOI 10.5555/jrs.2005.18.3.241")


def test_no_retry_when_the_identifier_found_another_edition() -> None:
    other_edition = cand("Gulag: A History", "Anne Applebaum", year=1990, publisher="Penguin",
                         record="OL-x", isbns=["9780385515696"])
    source = _ByIdentifier("fake", [other_edition], [GULAG])
    r = ref("Gulag: A History", "Anne Applebaum", year=2003, ISBN="9780385515696",
            publisher="Doubleday")
    report = enrich([r], sources=[source], fetcher=FakeFetcher()).reports[0]
    assert len(source.asked) == 1 and not report.notes


def test_an_invalid_isbn_is_reported_and_not_used() -> None:
    source = _ByIdentifier("fake", [IRON], [GULAG])
    r = ref("Gulag: A History", "Anne Applebaum", year=2003, ISBN="978-0-7679-0056-3",
            publisher="Doubleday")
    report = enrich([r], sources=[source], fetcher=FakeFetcher()).reports[0]
    assert report.accepted is GULAG  # the wrong check digit does not veto the true record
    assert report.notes == ("invalid ISBN '978-0-7679-0056-3' (wrong check digit): not looked "
                            "up; searched by title and author",)


def test_sources_skip_an_invalid_isbn() -> None:
    from yalta_refs.enrich.sources import plan
    from yalta_refs.enrich.sources._common import ref_isbn

    r = ref("Gulag: A History", "Anne Applebaum", year=2003, ISBN="9780767900563")
    assert ref_isbn(r) is None
    assert plan(r) == ["loc", "openlibrary"]  # a book without (a valid) ISBN: searched
