"""BibTeX and BibLaTeX output (read back with pybtex), and the format registry."""

from __future__ import annotations

import codecs
import re

import latexcodec  # noqa: F401
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import BibliographyData, Entry, Person, parse_string

from yalta_refs.errors import ConfigError
from yalta_refs.formats import FORMATS, write_format
from yalta_refs.formats.bibtex import (
    format_name,
    latex_escape,
    noted_fields,
    protect_case,
    write_biblatex,
    write_bibtex,
)
from yalta_refs.formats.bibtex_read import read_bibtex
from yalta_refs.model import Date, FailedBlock, Library, Name, Reference, SourceSpan

from .seed_refs import seed_references

SEED = Library(seed_references("A vivid portrait\nof Stalin's   inner circle."))
KEYS = ["montefiore2004stalin", "perlmutter1993fdr", "polian2004against",
        "seaton1985horsemen", "tolstoy1978secret", "ure2002cossacks"]


def parse(text: str) -> BibliographyData:
    return parse_string(text, "bibtex")


def only_entry(ref: Reference, *, biblatex: bool = False, ascii: bool = False) -> Entry:
    writer = write_biblatex if biblatex else write_bibtex
    entries = parse(writer(Library((ref,)), ascii=ascii)).entries
    assert len(entries) == 1
    return next(iter(entries.values()))


def plain(value: str) -> str:
    """A field value as text: LaTeX decoded, protective braces removed."""
    decoded: str = codecs.decode(value, "ulatex")  # type: ignore[call-overload]
    return decoded.replace("{", "").replace("}", "")


# ---------------------------------------------------------------- round trip


def test_seed_round_trip_through_pybtex() -> None:
    data = parse(write_bibtex(SEED))
    assert list(data.entries) == KEYS
    for key, ref in zip(KEYS, SEED, strict=True):
        entry = data.entries[key]
        assert entry.type == "book"
        assert plain(entry.fields["title"]) == ref.title
        assert entry.fields["publisher"] == ref.publisher
        assert entry.fields["address"] == ref.publisher_place
        assert entry.fields["year"] == str(ref.issued.year if ref.issued else "")
        assert [str(p) for p in entry.persons["author"]] == [ref.author[0].sort_form()]
    assert data.entries[KEYS[0]].fields["annote"] == "A vivid portrait of Stalin's inner circle."


def test_translator_and_original_publication_in_bibtex() -> None:
    data = parse(write_bibtex(SEED))
    polian, tolstoy = data.entries["polian2004against"], data.entries["tolstoy1978secret"]
    # pybtex only knows author/editor as persons; translator stays a field
    assert str(Person(polian.fields["translator"])) == "Yastrzhembska, Anna"
    assert polian.fields["origdate"] == "2001"
    assert polian.fields["note"] == "First published 2001."
    assert tolstoy.fields["origtitle"] == "Victims of Yalta"
    assert tolstoy.fields["origdate"] == "1977"
    assert tolstoy.fields["note"] == "Originally published as Victims of Yalta (1977)."


def test_et_al_is_written_and_others_and_read_back() -> None:
    from yalta_refs.model import Diagnostic

    ref = Reference(id="vaswani2017", type="article", title="Attention is all you need",
                    author=(Name(family="Vaswani", given="A."), Name(family="Shazeer", given="N.")),
                    editor=(Name(family="Roe", given="B."),),
                    diagnostics=(Diagnostic("et-al", "cut short", "author", "info"),))
    for write in (write_bibtex, write_biblatex):
        text = write(Library((ref,)))
        assert "author = {Vaswani, A. and Shazeer, N. and others}" in text
        assert "editor = {Roe, B.}" in text  # only the list that was cut
        (back,) = read_bibtex(text).references
        assert [n.family for n in back.author] == ["Vaswani", "Shazeer"]
        assert [(d.code, d.field) for d in back.diagnostics] == [("et-al", "author")]


def test_biblatex_has_translator_origdate_origtitle() -> None:
    data = parse(write_biblatex(SEED))
    polian, tolstoy = data.entries["polian2004against"], data.entries["tolstoy1978secret"]
    assert str(Person(polian.fields["translator"])) == "Yastrzhembska, Anna"
    assert polian.fields["origdate"] == "2001"
    assert tolstoy.fields["origtitle"] == "Victims of Yalta"
    assert tolstoy.fields["origdate"] == "1977"
    assert tolstoy.fields["date"] == "1978"
    assert tolstoy.fields["location"] == "New York"
    assert "note" not in tolstoy.fields
    assert not {"year", "address"} & set(tolstoy.fields)


def test_output_is_deterministic_and_ordered() -> None:
    text = write_bibtex(SEED)
    assert text == write_bibtex(SEED)
    assert text.startswith("% Encoding: UTF-8\n")
    first = text.split("\n\n")[1]
    names = re.findall(r"^  (\w+) =", first, flags=re.M)
    assert names == ["author", "title", "publisher", "address", "year", "annote"]


UNICODE = Reference(
    id="u", type="book", author=(Name(family="Dvořák", given="Antonín"),
                                 Name(family="Łukasiewicz", given="Jan")),
    title="Émigrés — the “Russian” Diaspora’s Story, 1920–1940", publisher="Éditions Ça",
    URL="https://example.org/é", annotation="Straße ß and œuvre…",
)


@pytest.mark.parametrize("biblatex", [pytest.param(False, id="bibtex"),
                                      pytest.param(True, id="biblatex")])
def test_ascii_output_is_ascii_and_parses(biblatex: bool) -> None:
    writer = write_biblatex if biblatex else write_bibtex
    text = writer(Library((UNICODE,)), ascii=True)
    assert text.isascii()
    entry = parse(text).entries["u"]
    assert "{\\'E}migr{\\'e}s --- the ``Russian'' Diaspora's Story, 1920--1940" in text
    assert plain(entry.fields["publisher"]) == "Éditions Ça"
    assert plain(str(entry.persons["author"][0])) == "Dvořák, Antonín"
    assert entry.fields["url"] == "https://example.org/%C3%A9"
    assert plain(entry.fields["annote"]) == "Straße ß and œuvre…"


def test_utf8_output_keeps_unicode() -> None:
    text = write_bibtex(Library((UNICODE,)))
    assert "Dvořák, Antonín" in text
    assert "title = {Émigrés — the “Russian” Diaspora’s Story, 1920–1940}" in text


# ---------------------------------------------------------------- text


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Forced Migrations in the USSR", "Forced Migrations in the {USSR}",
                     id="acronym"),
        pytest.param("FDR and Stalin", "{FDR} and Stalin", id="leading-acronym"),
        pytest.param("The iPhone and DNA", "The {iPhone} and {DNA}", id="internal-capital"),
        pytest.param("McCarthy's America", "{McCarthy's} America", id="mc"),
        pytest.param("World War II", "World War {II}", id="roman-numeral"),
        pytest.param("The Anglo-American Alliance", "The Anglo-American Alliance",
                     id="hyphenated-title-case-untouched"),
        pytest.param("U.S.-Soviet Relations", "{U.S}.-Soviet Relations", id="hyphen-part"),
        pytest.param("(USSR) Archives", "({USSR}) Archives", id="punctuation-outside"),
        pytest.param("A Not So Grand Alliance", "A Not So Grand Alliance", id="plain-words"),
        pytest.param("AT&T: 100% Sure", "{AT\\&T}: 100\\% Sure", id="escaped-inside"),
    ],
)
def test_protect_case(title: str, expected: str) -> None:
    assert protect_case(title) == expected


def test_ussr_title_braced_in_file() -> None:
    text = write_bibtex(SEED)
    assert "Forced Migrations in the {USSR}}," in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Tom & Jerry", r"Tom \& Jerry", id="ampersand"),
        pytest.param("100%", r"100\%", id="percent"),
        pytest.param("$5", r"\$5", id="dollar"),
        pytest.param("#1", r"\#1", id="hash"),
        pytest.param("a_b", r"a\_b", id="underscore"),
        pytest.param("{x}", r"\{x\}", id="braces"),
        pytest.param("a}b{", r"a\textbraceright{}b\textbraceleft{}", id="unbalanced-braces"),
        pytest.param("~", r"\textasciitilde{}", id="tilde"),
        pytest.param("^", r"\textasciicircum{}", id="caret"),
        pytest.param("C:\\dir", r"C:\textbackslash{}dir", id="backslash"),
        pytest.param("line\nbreak", "line break", id="newline"),
    ],
)
def test_latex_escape(text: str, expected: str) -> None:
    assert latex_escape(text) == expected


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        pytest.param("é", "{\\'e}", id="acute"),
        pytest.param("—", "---", id="em-dash"),
        pytest.param("’", "'", id="apostrophe"),
        pytest.param("ß", "{\\ss}", id="sharp-s"),
        pytest.param("€", '{\\symbol{"20AC}}', id="unknown-to-latexcodec"),
        pytest.param("中", '{\\symbol{"4E2D}}', id="cjk"),
    ],
)
def test_latex_escape_ascii(char: str, expected: str) -> None:
    assert latex_escape(char, ascii=True) == expected


def test_special_characters_escaped_but_url_doi_raw() -> None:
    ref = Reference(id="s", type="webpage", title="Profits & Losses: 50% of $_#",
                    URL="https://example.org/a_b%20c?x=1&y=~z", DOI="10.1000/a_b<c>",
                    note="See {this}")
    text = write_bibtex(Library((ref,)))
    assert r"title = {Profits \& Losses: 50\% of \$\_\#}," in text
    assert "url = {https://example.org/a_b%20c?x=1&y=~z}," in text
    assert "doi = {10.1000/a_b<c>}," in text
    entry = parse(text).entries["s"]
    assert entry.fields["note"] == r"See \{this\}"


@pytest.mark.parametrize(("url", "kept"), [
    pytest.param("https://doi.org/10.1000/XYZ_1", False, id="resolver-link"),
    pytest.param("http://dx.doi.org/10.1000%2Fxyz_1", False, id="old-resolver-escaped"),
    pytest.param("https://doi.org/10.1000/other", True, id="another-doi"),
    pytest.param("https://example.org/10.1000/xyz_1", True, id="another-site"),
])
def test_a_url_that_only_resolves_the_doi_is_left_out(url: str, kept: bool) -> None:
    ref = Reference(id="d", type="article-journal", title="T", URL=url, DOI="10.1000/xyz_1")
    for writer in (write_bibtex, write_biblatex):
        fields = parse(writer(Library((ref,)))).entries["d"].fields
        assert fields["doi"] == "10.1000/xyz_1"
        assert ("url" in fields) is kept


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param(Name(family="Montefiore", given="Simon Sebag"), "Montefiore, Simon Sebag",
                     id="plain"),
        pytest.param(Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
                     "van Gogh, Vincent", id="particle"),
        pytest.param(Name(family="Beethoven", given="Ludwig", dropping_particle="van"),
                     "van Beethoven, Ludwig", id="dropping-particle"),
        pytest.param(Name(family="King", given="Martin Luther", suffix="Jr."),
                     "King, Jr., Martin Luther", id="suffix"),
        pytest.param(Name(literal="United Nations"), "{United Nations}", id="corporate"),
        pytest.param(Name(literal="Smith & Sons"), r"{Smith \& Sons}", id="corporate-escaped"),
        pytest.param(Name(family="Sebag Montefiore"), "{Sebag Montefiore}",
                     id="family-only-two-words"),
        pytest.param(Name(given="Homer"), "{Homer}", id="given-only"),
        pytest.param(Name(family="Smith, Jones", given="A."), "{Smith, Jones}, A.",
                     id="comma-protected"),
    ],
)
def test_format_name(name: Name, expected: str) -> None:
    assert format_name(name) == expected


def test_names_read_back_by_pybtex() -> None:
    ref = Reference(id="n", author=(
        Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
        Name(literal="United Nations"),
        Name(family="King", given="Martin Luther", suffix="Jr."),
    ))
    text = write_bibtex(Library((ref,)))
    assert " and {United Nations} and " in text
    gogh, un, king = parse(text).entries["n"].persons["author"]
    assert (gogh.prelast_names, gogh.last_names, gogh.first_names) == (["van"], ["Gogh"],
                                                                       ["Vincent"])
    assert un.last_names == ["{United Nations}"] and not un.first_names
    assert (king.last_names, king.lineage_names) == (["King"], ["Jr."])


def test_sole_corporate_author_in_double_braces() -> None:
    ref = Reference(id="un", author=(Name(literal="United Nations"),), title="Report")
    assert "author = {{United Nations}}," in write_bibtex(Library((ref,)))


# ---------------------------------------------------------------- types and fields

CHAPTER = Reference(id="c", type="chapter", title="A Chapter", container_title="The Book",
                    editor=(Name(family="Ed", given="E."),), page="10-20")
ARTICLE = Reference(id="a", type="article-journal", title="An Article",
                    container_title="Journal of Things", volume="3", issue="4", page="5–9")


@pytest.mark.parametrize(
    ("ref", "biblatex", "entry_type", "fields"),
    [
        pytest.param(SEED[0], False, "book", {"publisher": "Knopf"}, id="book"),
        pytest.param(CHAPTER, False, "incollection",
                     {"booktitle": "The Book", "pages": "10--20"}, id="chapter"),
        pytest.param(CHAPTER, True, "incollection", {"booktitle": "The Book"},
                     id="chapter-biblatex"),
        pytest.param(ARTICLE, False, "article",
                     {"journal": "Journal of Things", "number": "4", "pages": "5--9"},
                     id="article"),
        pytest.param(ARTICLE, True, "article", {"journaltitle": "Journal of Things"},
                     id="article-biblatex"),
        pytest.param(ARTICLE.with_fields(type="article-magazine"), True, "article",
                     {"entrysubtype": "magazine"}, id="magazine-biblatex"),
        pytest.param(ARTICLE.with_fields(type="article-newspaper"), False, "article", {},
                     id="newspaper"),
        pytest.param(Reference(id="w", type="webpage", URL="https://x.org", title="Page",
                               accessed=Date(parts=((2024, 5, 1),))),
                     False, "misc", {"url": "https://x.org", "urldate": "2024-05-01"},
                     id="webpage"),
        pytest.param(Reference(id="w", type="webpage", URL="https://x.org", title="Page"),
                     True, "online", {"url": "https://x.org"}, id="webpage-biblatex"),
        pytest.param(Reference(id="t", type="thesis", genre="PhD dissertation",
                               publisher="Harvard University"),
                     False, "phdthesis",
                     {"school": "Harvard University", "type": "PhD dissertation"}, id="phd"),
        pytest.param(Reference(id="t", type="thesis", genre="M.A. thesis", publisher="UCL"),
                     False, "mastersthesis", {"school": "UCL"}, id="masters"),
        pytest.param(Reference(id="t", type="thesis", publisher="UCL"), True, "thesis",
                     {"institution": "UCL", "type": "phdthesis"}, id="thesis-biblatex"),
        pytest.param(Reference(id="r", type="report", publisher="RAND", number="R-1"),
                     False, "techreport", {"institution": "RAND", "number": "R-1"},
                     id="report"),
        pytest.param(Reference(id="r", type="report", publisher="RAND"), True, "report",
                     {"institution": "RAND", "type": "techreport"}, id="report-biblatex"),
        pytest.param(CHAPTER.with_fields(type="paper-conference"), False, "inproceedings",
                     {"booktitle": "The Book"}, id="conference"),
        pytest.param(Reference(id="d", type="document", title="Leaflet"), False, "misc", {},
                     id="other"),
        pytest.param(Reference(id="b", collection_title="Studies", collection_number="12",
                               edition="2", volume="1", number_of_volumes="3",
                               number_of_pages="300", ISBN="978", language="en"),
                     False, "book",
                     {"series": "Studies", "number": "12", "edition": "2", "volume": "1",
                      "volumes": "3", "pagetotal": "300", "isbn": "978", "language": "en"},
                     id="series-and-numbers"),
    ],
)
def test_entry_types_and_fields(ref: Reference, biblatex: bool, entry_type: str,
                                fields: dict[str, str]) -> None:
    entry = only_entry(ref, biblatex=biblatex)
    assert entry.type == entry_type
    for name, value in fields.items():
        assert entry.fields[name] == value


@pytest.mark.parametrize(
    ("date", "bibtex", "biblatex"),
    [
        pytest.param(Date.from_year(2004), {"year": "2004"}, {"date": "2004"}, id="year"),
        pytest.param(Date(parts=((1995, 3),)), {"year": "1995", "month": "March"},
                     {"date": "1995-03"}, id="month"),
        pytest.param(Date(parts=((1995, 3, 3),)),
                     {"year": "1995", "month": "March", "date": "1995-03-03"},
                     {"date": "1995-03-03"}, id="day"),
        pytest.param(Date(parts=((1990,), (1995,))), {"year": "1990--1995", "date": "1990/1995"},
                     {"date": "1990/1995"}, id="range"),
        pytest.param(Date(parts=((1990,),), circa=True),
                     {"year": "1990", "note": "Date approximate (circa 1990)."},
                     {"date": "1990~"}, id="circa"),
        pytest.param(Date(literal="Spring 1990"), {"year": "Spring 1990"},
                     {"note": "Date: Spring 1990."}, id="literal"),
        pytest.param(Date(literal="forthcoming"), {"year": "forthcoming"},
                     {"pubstate": "forthcoming"}, id="forthcoming"),
        pytest.param(Date(literal="In press"), {"year": "In press"},
                     {"pubstate": "inpress"}, id="in-press"),
    ],
)
def test_dates(date: Date, bibtex: dict[str, str], biblatex: dict[str, str]) -> None:
    ref = Reference(id="d", title="T", issued=date)
    assert {k: v for k, v in only_entry(ref).fields.items() if k != "title"} == bibtex
    assert {k: v for k, v in only_entry(ref, biblatex=True).fields.items()
            if k != "title"} == biblatex


NEWSPAPER = Reference(id="n", type="article-newspaper", title="Talks End",
                      container_title="The Times", edition="Late ed.", publisher_place="London",
                      issued=Date(parts=((1945, 2, 12),)))
EDITORS = (Name(family="Ure", given="John"), Name(family="Seaton", given="Albert"))


@pytest.mark.parametrize(
    ("ref", "entry_type", "fields", "note"),
    [
        pytest.param(Reference(id="c", title="Essays", editor=EDITORS), "collection",
                     {}, None, id="edited-book"),
        pytest.param(CHAPTER.with_fields(container_author=(Name(family="Ure", given="J."),)),
                     "inbook", {"bookauthor": "Ure, J.", "booktitle": "The Book"}, None,
                     id="chapter-in-authored-book"),
        pytest.param(NEWSPAPER, "article", {"journaltitle": "The Times"},
                     "Edition: Late ed. Place: London.", id="newspaper-edition-place"),
        pytest.param(Reference(id="w", type="webpage", title="Page", URL="https://x.org",
                               genre="Blog post"),
                     "online", {"url": "https://x.org"}, "Type: Blog post.", id="online-genre"),
        pytest.param(Reference(id="r", type="report", title="R", publisher="RAND",
                               editor=EDITORS, collection_title="Papers"),
                     "report", {"institution": "RAND"},
                     "Edited by John Ure and Albert Seaton. Series: Papers.",
                     id="report-editor-series"),
        pytest.param(Reference(id="b", title="Film", medium="DVD"), "book", {},
                     "Medium: DVD.", id="book-medium"),
        pytest.param(Reference(id="b", title="History", volume="IV", number_of_volumes="6"),
                     "book", {"volumes": "6"}, "Volume: IV.", id="roman-volume"),
    ],
)
def test_biblatex_fields_follow_the_biber_data_model(ref: Reference, entry_type: str,
                                                     fields: dict[str, str],
                                                     note: str | None) -> None:
    entry = only_entry(ref, biblatex=True)
    assert entry.type == entry_type
    assert {k: entry.fields[k] for k in fields} == fields
    assert entry.fields.get("note") == note
    if note:  # what moved to the note is no field of the entry
        for csl in noted_fields(ref, biblatex=True):
            assert ref.get(csl), csl
        assert "edition" not in entry.fields or ref.type != "article-newspaper"


def test_biblatex_literal_dates_read_back() -> None:
    for literal in ("forthcoming", "in press"):
        ref = Reference(id="f", title="T", issued=Date(literal=literal))
        back = read_bibtex(write_biblatex(Library((ref,)))).references[0]
        assert back.issued == Date(literal=literal)


def test_nothing_silently_dropped() -> None:
    ref = Reference(id="x", type="article-journal", title="T", issue="4", number="99",
                    collection_number="7", collection_editor=(Name(family="Ure", given="J."),),
                    note="Reprint", medium="Microfilm", genre="Review",
                    extra={"keywords": "war", "odd key": "v"})
    entry = only_entry(ref)
    assert entry.fields["number"] == "4"
    assert entry.fields["note"] == ("Reprint. Series edited by J. Ure. Number: 99. "
                                    "Series number: 7. odd key: v.")
    assert entry.fields["howpublished"] == "Microfilm"
    assert entry.fields["type"] == "Review"
    assert entry.fields["keywords"] == "war"


# ---------------------------------------------------------------- failed blocks


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Smith, J. {Broken entry", id="unbalanced-open"),
        pytest.param("Smith} @book{x, title={y}}", id="at-sign-and-close"),
        pytest.param("Fine {balanced} text", id="balanced"),
        pytest.param("Ünïcode block — here", id="unicode"),
    ],
)
def test_failed_blocks_become_comments_and_file_parses(text: str) -> None:
    block = FailedBlock(text=text, error="no title {found}", span=SourceSpan("list.txt", 7))
    lib = Library(SEED.references[:2], failed=(block,))
    for ascii in (False, True):
        out = write_bibtex(lib, ascii=ascii)
        assert "@comment{yalta-refs could not read this block at list.txt:7" in out
        assert out.count("@") == 3
        assert list(parse(out).entries) == KEYS[:2]
        assert out.isascii() or not ascii


# ---------------------------------------------------------------- registry


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        pytest.param("bibtex", "address = {New York}", id="bibtex"),
        pytest.param("BibLaTeX", "location = {New York}", id="biblatex-any-case"),
        pytest.param("csl-json", '"publisher-place": "New York"', id="csl-json"),
        pytest.param("json", '"publisher-place": "New York"', id="alias"),
    ],
)
def test_write_format(fmt: str, marker: str) -> None:
    assert marker in write_format(SEED, fmt)


def test_write_format_ascii_passes_through() -> None:
    lib = Library((UNICODE,))
    assert write_format(lib, "csl-json", ascii=True).isascii()
    assert write_format(lib, "bibtex", ascii=True) == write_bibtex(lib, ascii=True)


def test_unknown_format_is_config_error() -> None:
    with pytest.raises(ConfigError, match="bibtex, biblatex, ris, csl-json"):
        write_format(SEED, "endnote-xml")
    assert FORMATS == ("bibtex", "biblatex", "ris", "csl-json")


text = st.text(max_size=25)
any_name = st.builds(Name, family=st.none() | text, given=st.none() | text,
                     non_dropping_particle=st.none() | text, literal=st.none() | text)
any_ref = st.builds(Reference, id=st.just(""), author=st.lists(any_name, max_size=3).map(tuple),
                    title=st.none() | text, note=st.none() | text, annotation=st.none() | text,
                    URL=st.none() | text, publisher=st.none() | text)


@settings(max_examples=100, deadline=None)
@given(st.lists(any_ref, max_size=4), st.lists(text, max_size=2), st.booleans())
def test_any_text_gives_a_parsable_file(refs: list[Reference], failed: list[str],
                                        ascii: bool) -> None:
    blocks = tuple(FailedBlock(text=t, error="e") for t in failed)
    out = write_bibtex(Library(tuple(refs), failed=blocks), ascii=ascii)
    assert len(parse(out).entries) == len(refs)
    assert out.isascii() or not ascii
