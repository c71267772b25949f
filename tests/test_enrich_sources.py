"""Catalog clients: payload mapping on the recorded payloads, lookup flows on a fake fetch.

The recorded payloads live in ../shared/fixtures/catalogs (see its SOURCES.md
and manifest.json); they are read in place, never copied. Shapes the
recordings lack are written inline below as small invented records in the
same format (facts of the seed's books: Montefiore, *Stalin*, Knopf 2004).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from yalta_refs.enrich.sources import (
    SOURCES,
    URL_ENV,
    Crossref,
    GoogleBooks,
    LibraryOfCongress,
    OpenAlex,
    OpenLibrary,
    Wikidata,
    loc,
    make_source,
    plan,
    request_url,
)
from yalta_refs.enrich.sources import crossref as cr
from yalta_refs.enrich.sources import googlebooks as gb
from yalta_refs.enrich.sources import openalex as oa
from yalta_refs.enrich.sources import openlibrary as ol
from yalta_refs.enrich.sources import wikidata as wd
from yalta_refs.enrich.sources._common import (
    name_from_display,
    name_from_inverted,
    normalize_doi,
    normalize_isbn,
    parse_date,
    search_title,
)
from yalta_refs.enrich.types import Fault, HttpRequest, HttpResult, Outcome, Source
from yalta_refs.errors import ConfigError
from yalta_refs.model import Date, Name, Reference

CATALOGS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "catalogs"


def recorded(rel: str) -> bytes:
    """A recorded payload from the shared fixtures (skip when they are absent)."""
    path = CATALOGS / rel
    if not path.is_file():
        pytest.skip(f"shared catalog fixture {rel} is not present")
    return path.read_bytes()


def recorded_json(rel: str) -> Any:
    return json.loads(recorded(rel))


def recorded_status(rel: str) -> int:
    """The HTTP status manifest.json records for a file (200 when not recorded)."""
    manifest = json.loads(recorded("manifest.json"))
    entry = next(e for e in manifest if e["file"] == rel)
    return int(entry.get("status") or 200)


class FakeFetch:
    """``fetch`` over a dict URL -> (status, body) or HttpResult; records the calls."""

    def __init__(self, answers: Mapping[str, tuple[int, bytes | str | Any] | HttpResult]) -> None:
        self.answers = dict(answers)
        self.calls: list[str] = []

    def __call__(self, request: HttpRequest) -> HttpResult:
        url = request_url(request)
        self.calls.append(url)
        answer = self.answers.get(url)
        if answer is None:
            return HttpResult(request, fault=Fault("not-found", "no such answer", "fake", url))
        if isinstance(answer, HttpResult):
            return HttpResult(request, answer.status, answer.headers, answer.body,
                              fault=answer.fault)
        status, body = answer
        if isinstance(body, str):
            body = body.encode()
        elif not isinstance(body, bytes):
            body = json.dumps(body).encode()
        return HttpResult(request, status, {}, body)


def kinds(outcome: Outcome) -> list[str]:
    return [f.kind for f in outcome.faults]


OLB = "https://openlibrary.org"
STALIN = Reference(
    type="book", title="Stalin: The Court of the Red Tsar",
    author=(Name(family="Montefiore", given="Simon Sebag"),), publisher="Knopf",
    publisher_place="New York", issued=Date.from_year(2004),
)


# =========================================================================== helpers


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("0-14-032872-6", "9780140328721", id="isbn10-hyphens"),
    pytest.param("9781449330064 (pbk.)", "9781449330064", id="qualifier"),
    pytest.param("ISBN 0393310728", "9780393310726", id="prefix"),
    pytest.param("0140328727", None, id="bad-check-digit"),
    pytest.param("", None, id="empty"),
])
def test_normalize_isbn(raw: str, expected: str | None) -> None:
    assert normalize_isbn(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("https://doi.org/10.1017/9781108348843", "10.1017/9781108348843", id="url"),
    pytest.param("doi:10.1371/JOURNAL.PONE.0033693", "10.1371/journal.pone.0033693", id="doi:"),
    pytest.param("http://dx.doi.org/10.1007/978-3-662-46370-3_13.", "10.1007/978-3-662-46370-3_13",
                 id="dx-trailing-period"),
    pytest.param("not a doi", None, id="junk"),
])
def test_normalize_doi(raw: str, expected: str | None) -> None:
    assert normalize_doi(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("Stalin: The Court of the Red Tsar", "Stalin", id="subtitle"),
    pytest.param("{FDR} and Stalin: A Not So Grand Alliance, 1943-1945", "FDR and Stalin",
                 id="braces"),
    pytest.param("The Secret Betrayal", "The Secret Betrayal", id="plain"),
    pytest.param("Ur: The City of the Moon God", "Ur: The City of the Moon God", id="too-short"),
])
def test_search_title(raw: str, expected: str) -> None:
    assert search_title(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("Simon Sebag Montefiore", Name(family="Montefiore", given="Simon Sebag"),
                 id="display"),
    pytest.param("Ludwig van Beethoven",
                 Name(family="Beethoven", given="Ludwig", non_dropping_particle="van"),
                 id="particle"),
    pytest.param("Martin Luther King Jr.", Name(family="King", given="Martin Luther",
                                                suffix="Jr."), id="suffix"),
    pytest.param("Беспалов Дмитрий Николаевич",
                 Name(family="Беспалов", given="Дмитрий Николаевич"), id="russian-order"),
    pytest.param("Huff, Darrell.", Name(family="Huff", given="Darrell"), id="inverted"),
    pytest.param("European Journalism Centre (Maastricht)",
                 Name(literal="European Journalism Centre (Maastricht)"), id="unsure-literal"),
])
def test_name_from_display(raw: str, expected: Name) -> None:
    assert name_from_display(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("Weinberger, David, 1950-", Name(family="Weinberger", given="David"),
                 id="dates"),
    pytest.param("Gray, Jonathan (Jonathan Alan)", Name(family="Gray", given="Jonathan"),
                 id="fuller-form"),
    pytest.param("Rowling, J. K.", Name(family="Rowling", given="J. K."), id="initials-kept"),
])
def test_name_from_inverted(raw: str, expected: Name) -> None:
    assert name_from_inverted(raw) == expected


@pytest.mark.parametrize(("raw", "parts"), [
    pytest.param("October 1, 1988", (1988, 10, 1), id="us-long"),
    pytest.param("January 1993", (1993, 1), id="month-year"),
    pytest.param("[2013]", (2013,), id="bracketed"),
    pytest.param("2019-07-01", (2019, 7, 1), id="iso"),
    pytest.param("2019-10-03T00:00:00+02:00", (2019, 10, 3), id="iso-time"),
    pytest.param("1 Oct. 1988", (1988, 10, 1), id="day-first"),
    pytest.param(1962, (1962,), id="int"),
])
def test_parse_date(raw: object, parts: tuple[int, ...]) -> None:
    date = parse_date(raw)
    assert date is not None and date.parts == (parts,), date


def test_parse_date_without_year_keeps_literal() -> None:
    assert parse_date("n.d.") == Date(literal="n.d.")


def test_request_url_percent_encodes_and_redacts() -> None:
    request = HttpRequest("x", "https://h/works", (("q", 'intitle:"a b" & c'), ("key", "SECRET")))
    assert request_url(request) == "https://h/works?q=intitle%3A%22a+b%22+%26+c&key=SECRET"
    assert "SECRET" not in request_url(request, redact=True)


# =========================================================================== Open Library


def test_openlibrary_edition_fantastic_mr_fox() -> None:
    edition = recorded_json("openlibrary/isbn_0140328726_edition_fantastic_mr_fox.json")
    candidate = ol.map_edition(edition, {"OL34184A": "Roald Dahl"})
    ref = candidate.reference
    assert candidate.level == "edition"
    assert candidate.record == "https://openlibrary.org/books/OL7353617M"
    assert ref.title == "Fantastic Mr. Fox"
    assert ref.publisher == "Puffin"
    assert ref.number_of_pages == "96"
    assert ref.ISBN == "9780140328721"
    assert candidate.isbns == ("9780140328721",)  # isbn_13 and isbn_10 are one ISBN
    assert ref.issued == Date(parts=((1988, 10, 1),))
    assert ref.author == (Name(family="Dahl", given="Roald"),)
    assert ref.language == "en"
    assert candidate.identifiers["openlibrary_work"] == "OL45883W"


def test_openlibrary_edition_great_gatsby_identifiers() -> None:
    payload = recorded_json("openlibrary/books_OL23109860M_great_gatsby_edition.json")
    candidate = ol.map_edition(payload)
    ref = candidate.reference
    assert ref.publisher == "Scribner"
    assert ref.publisher_place == "New York, New York, USA"
    assert ref.issued == Date.from_year(2004)
    assert ref.number_of_pages == "180"
    assert candidate.identifiers["lccn"] == "25010468"
    assert candidate.identifiers["oclc"] == "57215622"
    assert ref.extra["by_statement"] == "F. Scott Fitzgerald."
    assert ref.author == ()  # author keys only and no names given


def test_openlibrary_editions_list_entry_with_subtitle_and_edition_name() -> None:
    entries = recorded_json("openlibrary/works_editions_entries_gibson.json")["entries"]
    ref = ol.map_edition(entries[0]).reference
    assert ref.title == "Neuromantiker: roman"
    assert ref.edition == "2. udg./1. opl."
    assert ref.publisher == "Per Kof" and ref.publisher_place == "Copenhagen"
    assert ref.language == "da"
    assert ref.ISBN == "9788790136291"  # isbn_10 8790136292 as ISBN-13
    assert ref.collection_title == "Cyberspace trilogien"


def test_openlibrary_legacy_search_docs() -> None:
    docs = ol.search_docs(recorded_json("openlibrary/search_q_capitalism_and_freedom_legacy.json"))
    assert len(docs) == 88
    candidate = ol.map_search_doc(docs[0])
    assert candidate.level == "work"
    assert candidate.record == "https://openlibrary.org/works/OL2747782W"  # key had no /works/
    assert candidate.reference.title == "Capitalism and freedom"
    assert candidate.reference.author == (Name(family="Friedman", given="Milton"),)
    assert candidate.reference.issued == Date.from_year(1962)
    assert "9780226264219" in candidate.isbns
    assert candidate.reference.publisher is None  # edition facts are not taken from a work


def test_openlibrary_modern_search_envelope() -> None:
    docs = ol.search_docs(recorded_json("openlibrary/search_authors_rowling.json"))
    assert docs[0]["name"] == "J. K. Rowling"


def test_openlibrary_search_docs_rejects_other_shapes() -> None:
    with pytest.raises(ValueError):
        ol.search_docs({"error": "x"})


# --- flows

MONTEFIORE_SEARCH = {
    "numFound": 1, "start": 0, "numFoundExact": True,
    "docs": [{
        "key": "/works/OL1000001W", "title": "Stalin", "subtitle": "The Court of the Red Tsar",
        "author_name": ["Simon Sebag Montefiore"], "author_key": ["OL200001A"],
        "first_publish_year": 2003, "edition_key": ["OL300001M", "OL300002M"],
        "isbn": ["1400042305", "0297846396"], "publisher": ["Knopf", "Weidenfeld & Nicolson"],
    }],
}
MONTEFIORE_EDITIONS = {"entries": [
    {"key": "/books/OL300002M", "title": "Stalin", "subtitle": "the court of the red tsar",
     "publishers": ["Weidenfeld & Nicolson"], "publish_places": ["London"],
     "publish_date": "2003", "isbn_10": ["0297846396"], "authors": [{"key": "/authors/OL200001A"}],
     "works": [{"key": "/works/OL1000001W"}]},
    {"key": "/books/OL300001M", "title": "Stalin", "subtitle": "the court of the red tsar",
     "publishers": ["Alfred A. Knopf"], "publish_places": ["New York"],
     "publish_date": "2004", "number_of_pages": 785, "isbn_10": ["1400042305"],
     "lccn": ["2004040386"], "authors": [{"key": "/authors/OL200001A"}],
     "works": [{"key": "/works/OL1000001W"}]},
]}


def _search_url(title: str, author: str | None) -> str:
    return request_url(ol.search_request(OLB, title, author))


def test_openlibrary_search_then_edition_nearest_the_reference() -> None:
    fetch = FakeFetch({
        _search_url("Stalin", "Montefiore"): (200, MONTEFIORE_SEARCH),
        f"{OLB}/works/OL1000001W/editions.json?limit=50": (200, MONTEFIORE_EDITIONS),
    })
    outcome = OpenLibrary().find(STALIN, fetch)
    assert outcome.faults == ()
    assert len(fetch.calls) == 2  # author names came with the search hit: no author request
    [candidate] = outcome.candidates
    ref = candidate.reference
    assert candidate.level == "edition"
    assert candidate.record == "https://openlibrary.org/books/OL300001M"  # Knopf 2004, not 2003
    assert ref.publisher == "Alfred A. Knopf" and ref.publisher_place == "New York"
    assert ref.number_of_pages == "785" and candidate.isbns == ("9781400042302",)
    assert ref.author == (Name(family="Montefiore", given="Simon Sebag"),)
    assert ref.title == "Stalin: the court of the red tsar"


def test_openlibrary_search_query_uses_title_without_subtitle_and_family() -> None:
    request = ol.search_request(OLB, "Stalin", "Montefiore")
    assert dict(request.params)["title"] == "Stalin"
    assert dict(request.params)["author"] == "Montefiore"
    assert request_url(request).startswith(f"{OLB}/search.json?title=Stalin&author=Montefiore&")


def test_openlibrary_search_follows_edition_and_fetches_author_once() -> None:
    search = {"numFound": 2, "docs": [
        {"key": "/works/OL1W", "title": "The Secret Betrayal", "edition_key": ["OL11M"],
         "author_name": ["Nikolai Tolstoy"]},
        {"key": "/works/OL2W", "title": "Victims of Yalta", "cover_edition_key": "OL12M",
         "author_name": ["Nikolai Tolstoy"]},
    ]}
    edition = {"title": "The secret betrayal", "publishers": ["Scribner"],
               "publish_places": ["New York"], "publish_date": "1978",
               "authors": [{"key": "/authors/OL9A"}], "key": "/books/OL11M"}
    other = {**edition, "title": "Victims of Yalta", "key": "/books/OL12M",
             "publish_date": "1977", "publishers": ["Hodder and Stoughton"]}
    ref = Reference(title="The Secret Betrayal", author=(Name(family="Tolstoy", given="Nikolai"),))
    fetch = FakeFetch({
        _search_url("The Secret Betrayal", "Tolstoy"): (200, search),
        f"{OLB}/books/OL11M.json": (200, edition),
        f"{OLB}/books/OL12M.json": (200, other),
        f"{OLB}/authors/OL9A.json": (200, {"key": "/authors/OL9A", "name": "Nikolai Tolstoy"}),
    })
    outcome = OpenLibrary().find(ref, fetch)
    assert [c.record for c in outcome.candidates] == [
        "https://openlibrary.org/books/OL11M", "https://openlibrary.org/books/OL12M"]
    assert fetch.calls.count(f"{OLB}/authors/OL9A.json") == 1  # cached within the call
    assert all(c.reference.author == (Name(family="Tolstoy", given="Nikolai"),)
               for c in outcome.candidates)
    assert outcome.candidates[0].reference.publisher == "Scribner"


def test_openlibrary_hit_without_edition_is_a_work_candidate() -> None:
    search = {"numFound": 1, "docs": [{"key": "/works/OL5W", "title": "The Cossacks",
                                       "author_name": ["John Ure"], "first_publish_year": 1999}]}
    ref = Reference(title="The Cossacks: An Illustrated History", author=(Name(family="Ure"),))
    fetch = FakeFetch({_search_url("The Cossacks", "Ure"): (200, search)})
    [candidate] = OpenLibrary().find(ref, fetch).candidates
    assert candidate.level == "work"
    assert candidate.reference.author == (Name(family="Ure", given="John"),)


def test_openlibrary_isbn_lookup_confirmed_and_author_fetched() -> None:
    edition = recorded("openlibrary/isbn_0140328726_edition_fantastic_mr_fox.json")
    fetch = FakeFetch({
        f"{OLB}/isbn/9780140328721.json": (200, edition),
        f"{OLB}/authors/OL34184A.json": (200, {"name": "Roald Dahl"}),
    })
    outcome = OpenLibrary().find(Reference(ISBN="0-14-032872-6"), fetch)
    assert fetch.calls == [f"{OLB}/isbn/9780140328721.json", f"{OLB}/authors/OL34184A.json"]
    [candidate] = outcome.candidates
    assert candidate.reference.publisher == "Puffin"
    assert candidate.reference.author == (Name(family="Dahl", given="Roald"),)


def test_openlibrary_isbn_lookup_not_carrying_the_isbn_is_rejected() -> None:
    gatsby = recorded("openlibrary/books_OL23109860M_great_gatsby_edition.json")
    fetch = FakeFetch({f"{OLB}/isbn/9781400042302.json": (200, gatsby)})
    outcome = OpenLibrary().find(Reference(ISBN="1400042305"), fetch)
    assert outcome.candidates == ()
    assert kinds(outcome) == ["empty"] and "does not carry" in outcome.faults[0].message


def test_openlibrary_isbn_not_found_falls_back_to_search() -> None:
    ref = STALIN.with_fields(ISBN="1400042305")
    fetch = FakeFetch({
        f"{OLB}/isbn/9781400042302.json": (404, "<html>Not found</html>"),
        _search_url("Stalin", "Montefiore"): (200, MONTEFIORE_SEARCH),
        f"{OLB}/works/OL1000001W/editions.json?limit=50": (200, MONTEFIORE_EDITIONS),
    })
    outcome = OpenLibrary().find(ref, fetch)
    assert kinds(outcome) == ["not-found"]
    assert outcome.candidates[0].isbns == ("9781400042302",)  # ISBN picked the edition


@pytest.mark.parametrize(("answer", "kind"), [
    pytest.param((200, "<html>busy</html>"), "malformed", id="not-json"),
    pytest.param((200, {"unexpected": True}), "malformed", id="no-docs"),
    pytest.param((200, {"numFound": 0, "start": 0, "docs": []}), "empty", id="empty"),
    pytest.param(HttpResult(HttpRequest("openlibrary", "x"),
                            fault=Fault("timeout", "read timed out", "openlibrary")),
                 "timeout", id="fetcher-fault"),
    pytest.param((429, {"status": 429, "message": "Too Many Requests."}), "rate-limited",
                 id="http-429"),
])
def test_openlibrary_search_faults(answer: Any, kind: str) -> None:
    fetch = FakeFetch({_search_url("Stalin", "Montefiore"): answer})
    outcome = OpenLibrary().find(STALIN, fetch)
    assert outcome.candidates == ()
    assert kinds(outcome) == [kind]


def test_openlibrary_malformed_edition_is_a_fault() -> None:
    fetch = FakeFetch({f"{OLB}/isbn/9780140328721.json": (200, "[1, 2]")})
    outcome = OpenLibrary().find(Reference(ISBN="0140328726"), fetch)
    assert kinds(outcome) == ["malformed"]


# =========================================================================== Library of Congress

LOC_URL = "http://lx2.loc.gov:210/LCDB"


def _mods(rel: str) -> loc.SruAnswer:
    return loc.parse_sru(recorded(f"loc_sru/{rel}"))


def test_loc_how_to_lie_with_statistics() -> None:
    answer = _mods("sru_mods_bath_lccn_93028401_how_to_lie_with_statistics.xml")
    assert answer.number == 1 and answer.diagnostics == ()
    candidate = loc.map_mods(answer.records[0])
    ref = candidate.reference
    assert ref.title == "How to lie with statistics"
    assert ref.author == (Name(family="Huff", given="Darrell"),)
    assert ref.publisher == "Norton"
    assert ref.publisher_place == "New York"  # the text placeTerm, not the code "nyu"
    assert ref.issued == Date.from_year(1993)
    assert ref.number_of_pages == "144"
    assert candidate.identifiers["lccn"] == "93028401"
    assert candidate.isbns == ("9780393310726",)
    assert candidate.record == "https://lccn.loc.gov/93028401"


def test_loc_subtitle_dates_and_oclc() -> None:
    ref_candidate = loc.map_mods(
        _mods("sru_mods_bath_lccn_2007012024_everything_is_miscellaneous.xml").records[0])
    ref = ref_candidate.reference
    assert ref.title == "Everything is miscellaneous: the power of the new digital disorder"
    assert ref.author == (Name(family="Weinberger", given="David"),)  # "1950-" dropped
    assert ref.edition == "1st ed."
    assert ref_candidate.isbns == ("9780805080438",)
    assert ref_candidate.identifiers["oclc"] == "122291427"  # "ocn" prefix dropped


def test_loc_nonsort_alternative_title_and_editors() -> None:
    candidate = loc.map_mods(
        _mods("sru_mods_bath_lccn_2012532441_data_journalism_handbook.xml").records[0])
    ref = candidate.reference
    assert ref.title == "The data journalism handbook"  # the cover subtitle is "alternative"
    # no roles, statement "edited by …": editors; corporate sponsors are left out
    assert [n.family for n in ref.editor] == ["Gray", "Bounegru", "Chambers"]
    assert ref.author == ()
    assert ref.publisher == "O'Reilly Media" and ref.publisher_place == "Sebastopol, CA"
    assert candidate.isbns == ("9781449330064",)
    assert candidate.identifiers["oclc"] == "781679351"


def test_loc_series_isbd_punctuation_and_roles() -> None:
    candidate = loc.map_mods(
        _mods("sru_mods_bath_lccn_2012471967_multiple_series.xml").records[0])
    ref = candidate.reference
    assert ref.title == "The Rails View: Creating a Beautiful and Maintainable User Experience"
    assert ref.author == (Name(family="Athayde", given="John"),
                          Name(family="Williams", given="Bruce"))
    assert ref.publisher == "The Pragmatic Bookshelf"
    assert ref.publisher_place == "Dallas, Texas"
    assert ref.issued == Date.from_year(2012)
    assert ref.collection_title == "The Pragmatic Programmers"
    assert ref.number_of_pages == "245"


def test_loc_uniform_title_skipped_and_illustrator_left_out() -> None:
    ref = loc.map_mods(
        _mods("sru_mods_bath_lccn_2014381788_translated_title.xml").records[0]).reference
    assert ref.title == "Harry Potter and the sorcerer's stone"
    assert ref.author == (Name(family="Rowling", given="J. K."),)  # not the illustrator
    assert ref.issued == Date.from_year(2013)
    assert ref.publisher == "Scholastic"


def test_loc_keyword_query_many_records() -> None:
    answer = _mods("sru_mods_query_library_10_records.xml")
    assert answer.number == 10000 and len(answer.records) == 10
    candidates = [loc.map_mods(m) for m in answer.records]
    assert len(candidates) == 10


def test_loc_diagnostic_in_a_200_body() -> None:
    answer = _mods("sru_diagnostic_permanent_system_error.xml")
    assert answer.records == ()
    assert "Permanent system error" in answer.diagnostics[0]


def test_loc_queries() -> None:
    assert loc.isbn_query("9780393310726") == "bath.isbn=0393310728"
    assert loc.isbn_query("9791032305690") == "bath.isbn=9791032305690"  # no ISBN-10 form
    assert loc.lccn_query("93028401") == 'bath.lccn="^93028401"'
    assert (loc.title_author_query('How to "lie"', "Huff")
            == 'bath.title="How to lie" and bath.author="Huff"')
    params = dict(loc.sru_request(LOC_URL, "bath.isbn=1").params)
    assert params["version"] == "1.1" and params["operation"] == "searchRetrieve"
    assert params["recordSchema"] == "mods" and params["startRecord"] == "1"


def _loc_url(query: str) -> str:
    return request_url(loc.sru_request(LOC_URL, query))


def test_loc_find_by_isbn_confirms_the_isbn() -> None:
    body = recorded("loc_sru/sru_mods_bath_lccn_93028401_how_to_lie_with_statistics.xml")
    fetch = FakeFetch({_loc_url("bath.isbn=0393310728"): (200, body)})
    outcome = LibraryOfCongress().find(Reference(ISBN="978-0-393-31072-6"), fetch)
    assert [c.identifiers["lccn"] for c in outcome.candidates] == ["93028401"]
    assert outcome.faults == ()


def test_loc_find_isbn_mismatch_then_title_author() -> None:
    huff = recorded("loc_sru/sru_mods_bath_lccn_93028401_how_to_lie_with_statistics.xml")
    ref = Reference(title="How to Lie with Statistics", author=(Name(family="Huff"),),
                    ISBN="0140328726")
    fetch = FakeFetch({
        _loc_url("bath.isbn=0140328726"): (200, huff),
        _loc_url('bath.title="How to Lie with Statistics" and bath.author="Huff"'): (200, huff),
    })
    outcome = LibraryOfCongress().find(ref, fetch)
    assert kinds(outcome) == ["empty"]  # the ISBN answer did not carry the ISBN
    assert len(outcome.candidates) == 1


EMPTY_SRU = (b'<?xml version="1.0"?><zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/'
             b'zing/srw/"><zs:version>1.1</zs:version><zs:numberOfRecords>0</zs:numberOfRecords>'
             b"</zs:searchRetrieveResponse>")


@pytest.mark.parametrize(("body", "kind"), [
    pytest.param("diagnostic", "diagnostic", id="diagnostic"),
    pytest.param(EMPTY_SRU, "empty", id="zero-records"),
    pytest.param(b"<html><body>Proxy error</body></html>", "malformed", id="not-sru"),
    pytest.param(b"<zs:searchRetrieveResponse", "malformed", id="broken-xml"),
])
def test_loc_find_faults(body: bytes | str, kind: str) -> None:
    if body == "diagnostic":
        body = recorded("loc_sru/sru_diagnostic_permanent_system_error.xml")
    fetch = FakeFetch({_loc_url('bath.title="Secret Betrayal" and bath.author="Tolstoy"'):
                       (200, body)})
    ref = Reference(title="Secret Betrayal", author=(Name(family="Tolstoy"),))
    outcome = LibraryOfCongress().find(ref, fetch)
    assert outcome.candidates == () and kinds(outcome) == [kind]


def test_loc_chapter_looks_up_its_book() -> None:
    ref = Reference(type="chapter", title="Some chapter", container_title="The Cossacks",
                    editor=(Name(family="Ure", given="John"),))
    fetch = FakeFetch({})
    LibraryOfCongress().find(ref, fetch)
    assert fetch.calls == [_loc_url('bath.title="The Cossacks" and bath.author="Ure"')]


# =========================================================================== Crossref

CR = "https://api.crossref.org"


def test_crossref_book_chapter_springer() -> None:
    payload = recorded_json("crossref/works_10.1007_978-3-662-46370-3_13_book_chapter.json")
    [item] = cr.work_items(payload)
    candidate = cr.map_work(item)
    ref = candidate.reference
    assert ref.type == "chapter"
    assert ref.container_title == "Shoulder Stiffness"
    assert ref.publisher == "Springer Berlin Heidelberg"
    assert ref.publisher_place == "Berlin, Heidelberg"
    assert ref.page == "155-158"
    assert ref.issued == Date.from_year(2015)
    assert candidate.isbns == ("9783662463697", "9783662463703")  # print first
    assert ref.author[0] == Name(family="Diercks", given="Ronald L.")
    assert candidate.record == "https://doi.org/10.1007/978-3-662-46370-3_13"


def test_crossref_book_chapter_publisher_location_basel() -> None:
    payload = recorded_json(
        "crossref/works_10.1007_978-3-0348-8720-5_13_book_chapter_publisher_location.json")
    ref = cr.map_work(cr.work_items(payload)[0]).reference
    assert ref.publisher_place == "Basel"
    assert ref.container_title == "Hyperbolic Problems: Theory, Numerics, Applications"
    assert ref.ISBN == "9783034897426"  # the print ISBN


def test_crossref_monograph_is_a_book() -> None:
    payload = recorded_json("crossref/works_10.1017_9781108348843_book.json")
    candidate = cr.map_work(cr.work_items(payload)[0])
    ref = candidate.reference
    assert ref.type == "book"
    assert ref.title == "The Politics of the Past in Early China"  # subtitle [] ignored
    assert ref.publisher == "Cambridge University Press" and ref.publisher_place is None
    assert ref.issued == Date(parts=((2019, 7, 1),))
    assert ref.edition == "1"
    assert ref.ISBN == "9781108425728"  # print before electronic
    assert set(candidate.isbns) == {"9781108348843", "9781108425728", "9781108443241"}


def test_crossref_journal_article() -> None:
    payload = recorded_json("crossref/works_10.1371_journal.pone.0033693_article_public_pool.json")
    ref = cr.map_work(cr.work_items(payload)[0]).reference
    assert ref.type == "article-journal"
    assert ref.container_title == "PLoS ONE"
    assert (ref.volume, ref.issue, ref.page) == ("7", "3", "e33693")
    assert ref.editor == (Name(family="Borlongan", given="Cesario V."),)
    assert ref.DOI == "10.1371/journal.pone.0033693"
    assert ref.ISSN == "1932-6203"


def test_crossref_lists() -> None:
    items = cr.work_items(recorded_json("crossref/works_query_ecology_rows2_list.json"))
    assert len(items) == 2
    assert cr.map_work(items[0]).reference.title == "Communicating Ecology"
    trimmed = cr.work_items(recorded_json("crossref/works_query_select_doi_title_list.json"))
    assert all(cr.map_work(i).reference.DOI for i in trimmed)  # select= items still map


@pytest.mark.parametrize(("item", "csl"), [
    pytest.param({"type": "peer-review", "title": ["Review of: X"]}, "review", id="peer-review"),
    pytest.param({"type": "journal-article", "title": ["Review of The Cossacks, by John Ure"]},
                 "review-book", id="review-as-article"),
    pytest.param({"type": "proceedings-article", "title": ["X"]}, "paper-conference", id="proc"),
    pytest.param({"type": "dissertation", "title": ["X"]}, "thesis", id="thesis"),
    pytest.param({"type": "edited-book", "title": ["X"]}, "book", id="edited-book"),
])
def test_crossref_types(item: dict[str, Any], csl: str) -> None:
    assert cr.map_work(item).reference.type == csl


def test_crossref_find_by_doi_with_mailto() -> None:
    body = recorded("crossref/works_10.1007_978-3-662-46370-3_13_book_chapter.json")
    fetch = FakeFetch({f"{CR}/works/10.1007/978-3-662-46370-3_13?mailto=me%40example.org":
                       (200, body)})
    ref = Reference(type="chapter", DOI="https://doi.org/10.1007/978-3-662-46370-3_13")
    outcome = Crossref(mailto="me@example.org").find(ref, fetch)
    assert len(fetch.calls) == 1
    assert outcome.candidates[0].reference.container_title == "Shoulder Stiffness"


def test_crossref_search_request() -> None:
    ref = Reference(type="chapter", title="Clinical Symptoms and Physical Examinations: X",
                    author=(Name(family="Diercks", given="R."),))
    fetch = FakeFetch({})
    Crossref().find(ref, fetch)
    assert fetch.calls == [
        f"{CR}/works?query.bibliographic=Clinical+Symptoms+and+Physical+Examinations+Diercks"
        "&filter=type%3Abook-chapter%2Ctype%3Abook-section%2Ctype%3Abook-part&rows=5"]


def test_crossref_unknown_doi_404_text_is_no_candidate() -> None:
    rel = "crossref/error_404_works_unknown_doi.txt"
    fetch = FakeFetch({f"{CR}/works/10.1371/notarealdoi": (recorded_status(rel), recorded(rel))})
    outcome = Crossref().find(Reference(type="article-journal", DOI="10.1371/notarealdoi"), fetch)
    assert outcome.candidates == ()
    assert kinds(outcome) == ["not-found"] and outcome.faults[0].status == 404
    assert "Resource not found." in outcome.faults[0].message


def test_crossref_404_text_with_status_200_is_malformed() -> None:
    fetch = FakeFetch({f"{CR}/works/10.1371/notarealdoi":
                       (200, recorded("crossref/error_404_works_unknown_doi.txt"))})
    outcome = Crossref().find(Reference(DOI="10.1371/notarealdoi"), fetch)
    assert outcome.candidates == () and kinds(outcome) == ["malformed"]


def test_crossref_400_validation_failure() -> None:
    rel = "crossref/error_400_validation_failure_field_query_on_doi_route.json"
    fetch = FakeFetch({f"{CR}/works/10.1371/journal.pone.0033693":
                       (recorded_status(rel), recorded(rel))})
    outcome = Crossref().find(Reference(DOI="10.1371/journal.pone.0033693"), fetch)
    assert kinds(outcome) == ["client-error"]
    assert "does not support field query parameters" in outcome.faults[0].message


def test_crossref_empty_list() -> None:
    empty = {"status": "ok", "message-type": "work-list",
             "message": {"total-results": 0, "items": []}}
    fetch = FakeFetch({f"{CR}/works?query.bibliographic=Stalin+Montefiore"
                       "&filter=type%3Abook%2Ctype%3Amonograph%2Ctype%3Aedited-book"
                       "%2Ctype%3Areference-book&rows=5": (200, empty)})
    outcome = Crossref().find(STALIN, fetch)
    assert kinds(outcome) == ["empty"]


# =========================================================================== OpenAlex

OA = "https://api.openalex.org"


def test_openalex_book_on_an_ebook_platform() -> None:
    payload = recorded_json("openalex/works_doi_10.1017_9781108348843_book.json")
    candidate = oa.map_work(oa.work_results(payload)[0])
    ref = candidate.reference
    assert ref.type == "book"
    assert ref.title == "The Politics of the Past in Early China"
    assert ref.author == (Name(family="Leung", given="Vincent S."),)
    assert ref.container_title is None  # "Cambridge University Press eBooks" is a platform
    assert ref.publisher == "Cambridge University Press"
    assert ref.issued == Date(parts=((2019, 7, 1),))
    assert ref.DOI == "10.1017/9781108348843"
    assert candidate.identifiers["openalex"] == "W97658052"


def test_openalex_book_chapter() -> None:
    payload = recorded_json("openalex/works_doi_10.1007_978-3-662-46370-3_13_book_chapter.json")
    ref = oa.map_work(oa.work_results(payload)[0]).reference
    assert ref.type == "chapter"
    assert ref.container_title == "Shoulder Stiffness"  # from raw_source_name: no source
    assert ref.page == "155-158"
    igi = recorded_json("openalex/works_doi_10.4018_978-1-4666-1891-6.ch004_book_chapter.json")
    assert oa.map_work(igi).reference.publisher == "IGI Global"


def test_openalex_list() -> None:
    results = oa.work_results(recorded_json("openalex/works_sample5_list.json"))
    assert len(results) == 5
    assert all(oa.map_work(r).reference.type == "article-journal" for r in results)


def test_openalex_find_by_doi_with_key_redacted_in_faults() -> None:
    body = recorded("openalex/works_doi_10.1017_9781108348843_book.json")
    url = f"{OA}/works/doi:10.1017/9781108348843?api_key=K&mailto=me%40example.org"
    fetch = FakeFetch({url: (200, body)})
    source = OpenAlex(key="K", mailto="me@example.org")
    outcome = source.find(Reference(DOI="10.1017/9781108348843"), fetch)
    assert outcome.candidates[0].identifiers["openalex"] == "W97658052"
    bad = FakeFetch({url: (500, "oops")})
    outcome = source.find(Reference(DOI="10.1017/9781108348843"), bad)
    assert kinds(outcome) == ["server-error"]
    assert "api_key=K" not in (outcome.faults[0].url or "")


def test_openalex_search_empty_and_malformed() -> None:
    url = f"{OA}/works?filter=title.search%3APatriotism&per-page=5"
    ref = Reference(type="article-journal", title="Patriotism: a criterion")
    empty = {"meta": {"count": 0}, "results": []}
    assert kinds(OpenAlex().find(ref, FakeFetch({url: (200, empty)}))) == ["empty"]
    assert kinds(OpenAlex().find(ref, FakeFetch({url: (200, "[]")}))) == ["malformed"]


# =========================================================================== Google Books

GB = "https://www.googleapis.com/books/v1"


def test_googlebooks_isbn_volume() -> None:
    payload = recorded_json("google_books/volumes_q_isbn_9780099560432.json")
    candidate = gb.map_volume(gb.volume_items(payload)[0])
    ref = candidate.reference
    assert ref.title == "Ready Player One"
    assert ref.author == (Name(family="Cline", given="Ernest"),)
    assert ref.publisher == "Random House"
    assert ref.issued == Date.from_year(2012)
    assert ref.number_of_pages == "388"
    assert candidate.isbns == ("9780099560432",)


def test_googlebooks_sparse_and_translation() -> None:
    sparse = gb.map_volume(gb.volume_items(
        recorded_json("google_books/volumes_q_isbn_9780918024565.json"))[0]).reference
    assert sparse.publisher is None and sparse.number_of_pages is None  # pageCount 0
    items = gb.volume_items(recorded_json("google_books/volumes_q_children_of_time_2015.json"))
    assert [gb.map_volume(i).reference.language for i in items] == ["en", "fr"]
    single = gb.map_volume(recorded_json("google_books/volume_G7utDwAAQBAJ_fr.json"))
    assert single.reference.title == "Dans la toile du temps"


def test_googlebooks_without_key_makes_no_request() -> None:
    fetch = FakeFetch({})
    assert GoogleBooks().find(STALIN.with_fields(ISBN="1400042305"), fetch) == Outcome()
    assert fetch.calls == []


def test_googlebooks_find_by_isbn_and_empty() -> None:
    body = recorded("google_books/volumes_q_isbn_9780008117498.json")
    url = f"{GB}/volumes?q=isbn%3A9780008117498&printType=books&maxResults=5&key=K"
    outcome = GoogleBooks(key="K").find(Reference(ISBN="0008117497"), FakeFetch({url: (200, body)}))
    assert outcome.candidates[0].reference.publisher == "Voyager"
    nothing = {"kind": "books#volumes", "totalItems": 0}  # no "items" key at all
    ref = Reference(ISBN="0008117497")
    outcome = GoogleBooks(key="K").find(ref, FakeFetch({url: (200, nothing)}))
    assert kinds(outcome) == ["empty"]
    assert "key=%2A%2A%2A" in (outcome.faults[0].url or "")  # the key is not reported


def test_googlebooks_title_author_query() -> None:
    assert (gb.title_author_query("Stalin", "Montefiore")
            == 'intitle:"Stalin" inauthor:"Montefiore"')


# =========================================================================== Wikidata

WD = "https://www.wikidata.org/w/api.php"


def test_wikidata_entity_with_labels() -> None:
    entity = recorded_json("wikidata/entity_Q4132785_bring_the_jubilee_book.json")
    candidate = wd.map_entity(entity, {"Q947986": "Ward Moore", "Q744182": "Ballantine Books"})
    ref = candidate.reference
    assert ref.title == "Bring the Jubilee"
    assert ref.author == (Name(family="Moore", given="Ward"),)
    assert ref.publisher == "Ballantine Books"
    assert ref.issued == Date.from_year(1953)  # precision 9: a year
    assert candidate.isbns == ("9780345405029", "9788427012844")
    assert candidate.identifiers == {"wikidata": "Q4132785", "oclc": "38014790"}


def test_wikidata_entity_without_labels() -> None:
    entity = recorded_json("wikidata/entity_Q22002395_book_no_en_label.json")
    candidate = wd.map_entity(entity)
    assert candidate.reference.number_of_pages == "144"
    assert candidate.reference.author == ()  # author ids only, not labelled
    assert candidate.reference.title is None
    assert candidate.level == "work"


def test_wikidata_envelopes() -> None:
    entities = wd.entity_ids(recorded_json("wikidata/wbgetentities_response.json"))
    assert list(entities) == ["Q3235026"]
    assert wd.search_hits(recorded_json("wikidata/cirrus_search_response.json")) == ["Q1"]
    assert (wd.isbn_search("9780345405029")
            == "haswbstatement:P212=978-0-345-40502-9|P957=0-345-40502-1")


def test_wikidata_find_by_isbn() -> None:
    entity = recorded_json("wikidata/entity_Q4132785_bring_the_jubilee_book.json")
    search_url = request_url(wd.search_request(WD, wd.isbn_search("9780345405029")))
    items_url = request_url(wd.entities_request(WD, ["Q4132785"]))
    labels_url = request_url(wd.entities_request(WD, ["Q744182", "Q947986"], props="labels"))
    fetch = FakeFetch({
        search_url: (200, {"query": {"search": [{"ns": 0, "title": "Q4132785"}]}}),
        items_url: (200, {"entities": {"Q4132785": entity}}),
        labels_url: (200, {"entities": {
            "Q947986": {"id": "Q947986", "labels": {"en": {"language": "en",
                                                           "value": "Ward Moore"}}},
            "Q744182": {"id": "Q744182", "labels": {"en": {"language": "en",
                                                           "value": "Ballantine Books"}}}}}),
    })
    outcome = Wikidata().find(Reference(ISBN="0-345-40502-1"), fetch)
    assert fetch.calls == [search_url, items_url, labels_url]
    [candidate] = outcome.candidates
    assert candidate.reference.author == (Name(family="Moore", given="Ward"),)
    assert candidate.reference.publisher == "Ballantine Books"


def test_wikidata_find_empty() -> None:
    search_url = request_url(wd.search_request(WD, wd.isbn_search("9780345405029")))
    fetch = FakeFetch({search_url: (200, {"query": {"searchinfo": {"totalhits": 0},
                                                    "search": []}})})
    assert kinds(Wikidata().find(Reference(ISBN="0345405021"), fetch)) == ["empty"]


# =========================================================================== registry


def test_registry_names_and_protocol() -> None:
    assert set(SOURCES) == {"openlibrary", "loc", "crossref", "openalex", "googlebooks",
                            "wikidata"}
    for name, cls in SOURCES.items():
        source: Source = cls()  # mypy checks the protocol here
        assert source.name == name
        assert source.base_url.startswith("http")
        assert callable(source.find)


@pytest.mark.parametrize(("ref", "expected"), [
    pytest.param(STALIN.with_fields(ISBN="1400042305"), ["openlibrary", "loc"], id="book-isbn"),
    pytest.param(STALIN, ["loc", "openlibrary"], id="book"),
    pytest.param(Reference(type="book", title="X", DOI="10.1017/9781108348843"),
                 ["crossref", "openlibrary", "loc"], id="book-doi"),
    pytest.param(Reference(type="article-journal", title="X"), ["crossref", "openalex"],
                 id="article"),
    pytest.param(Reference(type="chapter", title="X", container_title="Y"),
                 ["crossref", "loc", "openlibrary"], id="chapter"),
    pytest.param(Reference(type="webpage", title="X"), [], id="webpage"),
])
def test_plan(ref: Reference, expected: list[str]) -> None:
    assert plan(ref) == expected


def test_make_source_base_url_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YALTA_REFS_LOC_SRU_URL", "http://127.0.0.1:9999/LCDB/")
    assert make_source("loc").base_url == "http://127.0.0.1:9999/LCDB"
    assert make_source("loc", "http://other").base_url == "http://other"
    monkeypatch.delenv("YALTA_REFS_LOC_SRU_URL")
    assert make_source("loc").base_url == "http://lx2.loc.gov:210/LCDB"
    assert set(URL_ENV.values()) >= {"YALTA_REFS_GOOGLE_BOOKS_URL", "YALTA_REFS_OPENALEX_URL"}
    source = make_source("crossref", mailto="me@example.org")
    assert isinstance(source, Crossref) and source.mailto == "me@example.org"
    assert make_source("googlebooks", key="K").key == "K"


def test_make_source_unknown_name() -> None:
    with pytest.raises(ConfigError):
        make_source("worldcat")
