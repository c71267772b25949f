"""BibTeX and BibLaTeX reading."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from yalta_refs.formats.bibtex import noted_fields, write_biblatex, write_bibtex
from yalta_refs.formats.bibtex_read import read_bibtex
from yalta_refs.formats.bibtex_syntax import decode_latex
from yalta_refs.model import Date, FailedBlock, Library, Name, Provenance, Reference, SourceSpan

from .seed_refs import seed_references

SEED = seed_references("A vivid portrait\nof Stalin's   inner circle.")
KEYS = ["montefiore2004stalin", "perlmutter1993fdr", "polian2004against",
        "seaton1985horsemen", "tolstoy1978secret", "ure2002cossacks"]
WRITERS = [
    pytest.param(write_bibtex, False, id="bibtex"),
    pytest.param(write_bibtex, True, id="bibtex-ascii"),
    pytest.param(write_biblatex, False, id="biblatex"),
    pytest.param(write_biblatex, True, id="biblatex-ascii"),
]
Writer = Callable[..., str]

UNICODE = Reference(
    id="unicode", type="chapter",
    author=(Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
            Name(literal="Ayşe & Co."), Name(family="Łukasiewicz", given="Jan", suffix="Jr.")),
    editor=(Name(family="Öztürk", given="Ayşe"),), translator=(Name(family="Smith", given="J."),),
    container_author=(Name(family="Dostoevsky", given="Fyodor"),),
    title="Éléments d'histoire: USSR — 50% of {braces} & $5_x~^\\",
    container_title="Žurnal", collection_title="Série", collection_number="7",
    publisher="Ørsted & Søn", publisher_place="København", issued=Date(parts=((1990, 3, 2),)),
    original_date=Date.from_year(1950), original_title="Урок",
    accessed=Date(parts=((2024, 1, 31),)), edition="2", volume="3", number_of_volumes="4",
    page="10-20", number_of_pages="350", genre="Essay", URL="https://example.org/a_b%20c",
    DOI="10.1000/x_y", ISBN="9780000000000", ISSN="1234-5678", language="fr",
    abstract="Résumé.", annotation="Une “annotation” — très bien.",
    extra={"keywords": "war; exile"},
)


def without_place(ref: Reference) -> Reference:
    return ref.with_fields(id="", span=None)


# ---------------------------------------------------------------- our writer, read back


@pytest.mark.parametrize(("writer", "ascii"), WRITERS)
def test_seed_books_read_back_field_by_field(writer: Writer, ascii: bool) -> None:
    text = writer(Library(SEED), ascii=ascii)
    back = read_bibtex(text, source="seed.bib")
    assert back.failed == ()
    assert [ref.id for ref in back] == KEYS
    for ref, original in zip(back, SEED, strict=True):
        wanted = original.with_fields(annotation=" ".join((original.annotation or "").split())
                                      or None)
        assert without_place(ref) == wanted
    assert back.references[0].annotation == "A vivid portrait of Stalin's inner circle."
    assert back.references[4].note is None  # "Originally published as ..." is not doubled


@pytest.mark.parametrize(("writer", "ascii"), WRITERS)
def test_unicode_and_specials_read_back(writer: Writer, ascii: bool) -> None:
    back = read_bibtex(writer(Library((UNICODE,)), ascii=ascii))
    ref = back.references[0]
    if writer is write_biblatex:  # a chapter in an authored book is an @inbook, which
        # has no pagetotal, type or issn: those are worded in the note
        assert noted_fields(UNICODE, biblatex=True) == {"number-of-pages", "genre", "ISSN"}
        assert ref.note == "Number of pages: 350. Type: Essay. ISSN: 1234-5678."
        expected = UNICODE.with_fields(number_of_pages=None, genre=None, ISSN=None,
                                       note=ref.note)
    else:
        expected = UNICODE
    assert without_place(ref) == without_place(expected)


def test_origdate_note_kept_when_it_says_more() -> None:
    ref = SEED[2].with_fields(note="Reprint.")
    back = read_bibtex(write_bibtex(Library((ref,)))).references[0]
    assert back.note == "Reprint."
    assert back.original_date == Date.from_year(2001)


# ---------------------------------------------------------------- hand-written entries

JABREF = r"""% This file was created with JabRef 5.9.
% Encoding: UTF-8

@String{knopf = {Alfred A. Knopf}}
@String{ny = "New York"}

@Book{Montefiore2004,
  author    = {Sebag Montefiore, Simon},
  title     = {Stalin: The Court of the {Red} {Tsar}},
  publisher = knopf,
  year      = {2004},
  address   = ny # { City},
  month     = mar,
  owner     = {me},
}

@Comment{jabref-meta: databaseType:bibtex;}
"""

BBT = r"""
@article{shannonMathematicalTheoryCommunication1948,
  title = {A {{Mathematical Theory}} of {{Communication}}},
  author = {Shannon, C. E.},
  date = {1948-07},
  journaltitle = {Bell System Technical Journal},
  number = {3},
  pages = {379--423},
  langid = {english},
  file = {/home/me/Zotero/storage/ABC/Shannon_1948.pdf}
}
"""


def entry(body: str, kind: str = "book", key: str = "k") -> Reference:
    lib = read_bibtex(f"@{kind}{{{key},\n{body}\n}}\n")
    assert lib.failed == ()
    return lib.references[0]


def test_jabref_shape_with_string_macros() -> None:
    lib = read_bibtex(JABREF, source="jabref.bib")
    (ref,) = lib.references
    assert ref.id == "Montefiore2004"
    assert ref.author == (Name(family="Sebag Montefiore", given="Simon"),)
    assert ref.title == "Stalin: The Court of the Red Tsar"
    assert (ref.publisher, ref.publisher_place) == ("Alfred A. Knopf", "New York City")
    assert ref.issued == Date(parts=((2004, 3),))
    assert ref.extra == {"owner": "me"}
    assert ref.span == SourceSpan("jabref.bib", 7, 15)
    assert lib.failed == ()


def test_better_bibtex_shape() -> None:
    (ref,) = read_bibtex(BBT).references
    assert ref.type == "article-journal"
    assert ref.title == "A Mathematical Theory of Communication"
    assert ref.issued == Date(parts=((1948, 7),))
    assert (ref.container_title, ref.issue, ref.page) == (
        "Bell System Technical Journal", "3", "379-423")
    assert ref.language == "en"  # from langid, which then only repeats it
    assert ref.extra == {"file": "/home/me/Zotero/storage/ABC/Shannon_1948.pdf"}


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "english"), ("en-GB", "british"), ("pt_BR", "brazilian"), ("fr-CA", "french"),
    ("French", "french"), ("tlh", None), (None, None)])
def test_langid_written_for_biblatex(language: str | None, expected: str | None) -> None:
    ref = Reference(id="k", title="T", language=language)
    written = write_biblatex(Library((ref,)))
    assert (f"langid = {{{expected}}}" in written) == (expected is not None)
    assert "langid" not in write_bibtex(Library((ref,)))
    assert read_bibtex(written).references[0].language == language


def test_langid_of_the_input_is_kept_when_it_differs() -> None:
    ref = entry("title = {T},\n language = {en},\n langid = {british}")
    assert (ref.language, ref.extra) == ("en", {"langid": "british"})
    assert "langid = {british}" in write_biblatex(Library((ref,)))


@pytest.mark.parametrize(
    ("body", "kind", "attr", "value"),
    [
        pytest.param("author = {{{United Nations}}}", "book", "author",
                     (Name(literal="United Nations"),), id="corporate-double-braces"),
        pytest.param("author = {van Gogh, Vincent and Vincent van Gogh}", "book", "author",
                     (Name(family="Gogh", given="Vincent", non_dropping_particle="van"),) * 2,
                     id="von-part"),
        pytest.param("author = {Beethoven, Jr., Ludwig}", "book", "author",
                     (Name(family="Beethoven", given="Ludwig", suffix="Jr."),), id="jr-part"),
        pytest.param("author = {Z{\\'e}nobe Gramme and {\\'E}mile Zola}", "book", "author",
                     (Name(family="Gramme", given="Zénobe"), Name(family="Zola", given="Émile")),
                     id="accented-names"),
        pytest.param("author = {Smith, J., Jr., Extra}", "book", "author",
                     (Name(literal="Smith, J., Jr., Extra"),), id="too-many-commas-literal"),
        pytest.param("author = {{Barnes and Noble}}", "book", "author",
                     (Name(literal="Barnes and Noble"),), id="and-inside-braces"),
        pytest.param("title = {The {USSR} and {iPhone} {{Era}}}", "book", "title",
                     "The USSR and iPhone Era", id="braces-in-title"),
        pytest.param("title = {Arles \\& Saint-R\\'{e}my -- 1888--1889}", "book", "title",
                     "Arles & Saint-Rémy – 1888–1889", id="latex-decoded"),
        pytest.param('title = "Quoted {T}itle"', "book", "title", "Quoted Title", id="quotes"),
        pytest.param("title = {T}, subtitle = {A Subtitle}", "book", "title", "T: A Subtitle",
                     id="subtitle"),
        pytest.param("year = 2004, month = {September}", "book", "issued",
                     Date(parts=((2004, 9),)), id="month-name"),
        pytest.param("year = 2004, month = 11", "book", "issued", Date(parts=((2004, 11),)),
                     id="month-number"),
        pytest.param("year = {1990--1995}", "book", "issued", Date(parts=((1990,), (1995,))),
                     id="year-range"),
        pytest.param("year = {1977 [1950]}", "book", "issued", Date(literal="1977 [1950]"),
                     id="year-literal"),
        pytest.param("date = {1990-03/1995-04-02~}", "book", "issued",
                     Date(parts=((1990, 3), (1995, 4, 2)), circa=True), id="edtf-range-circa"),
        pytest.param("date = {2004-03-01}, year = {2004}, month = mar", "book", "issued",
                     Date(parts=((2004, 3, 1),)), id="date-wins-over-year"),
        pytest.param("date = {Spring 1950}", "book", "issued", Date(literal="Spring 1950"),
                     id="literal-date"),
        pytest.param("date = {Spring}, year = {1950}", "book", "extra", {"date": "Spring"},
                     id="literal-date-next-to-year-kept"),
        pytest.param("url = {https://x.org/a_b}", "misc", "type", "webpage", id="misc-with-url"),
        pytest.param("howpublished = {\\url{https://x.org/a\\_b}}", "misc", "URL",
                     "https://x.org/a_b", id="howpublished-url"),
        pytest.param("note = {N}", "misc", "type", "document", id="misc-document"),
        pytest.param("entrysubtype = {newspaper}", "article", "type", "article-newspaper",
                     id="newspaper"),
        pytest.param("number = {5}", "article", "issue", "5", id="article-number-is-issue"),
        pytest.param("number = {R-1}", "techreport", "number", "R-1", id="report-number"),
        pytest.param("series = {S}, number = {7}", "book", "collection_number", "7",
                     id="series-number"),
        pytest.param("school = {Oxford}", "mastersthesis", "genre", "Master's thesis",
                     id="masters-thesis"),
        pytest.param("type = {phdthesis}", "thesis", "genre", None, id="biblatex-default-type"),
        pytest.param("volumes = {3}, pagetotal = {350}", "book", "number_of_pages", "350",
                     id="pagetotal"),
        pytest.param("origdate = {1950}, origtitle = {Urtext}", "book", "original_title",
                     "Urtext", id="origtitle"),
        pytest.param("annotation = {Good.}", "book", "annotation", "Good.",
                     id="biblatex-annotation"),
        pytest.param("keywords = {a, b}, eprint = {x\\_y}", "book", "extra",
                     {"keywords": "a, b", "eprint": "x\\_y"}, id="unknown-fields-kept"),
        pytest.param("title = {A}, title = {B}", "book", "title", "A", id="duplicate-field"),
        pytest.param("title = {50\\% of it}", "book", "title", "50% of it", id="percent"),
    ],
)
def test_entries(body: str, kind: str, attr: str, value: Any) -> None:
    assert getattr(entry(body, kind), attr) == value


def test_duplicate_field_warns() -> None:
    ref = entry("title = {A}, Title = {B}")
    assert [d.code for d in ref.diagnostics] == ["duplicate-field"]


def test_and_others_is_a_diagnostic() -> None:
    ref = entry("author = {Smith, J. and others}")
    assert ref.author == (Name(family="Smith", given="J."),)
    assert [d.code for d in ref.diagnostics] == ["et-al"]


def test_parenthesised_entry_and_preamble() -> None:
    lib = read_bibtex('@preamble{"\\newcommand{\\x}{y}"}\n@book(k1, title = {T})\n')
    assert [ref.id for ref in lib] == ["k1"]


# ---------------------------------------------------------------- failures

MALFORMED = """@book{good1,
  title = {First},
}

@article{bad1,
  title = {Missing comma}
  author = {Smith, J.},
}

@book{bad2,
  title = {Never closed,
  year = 2001,

@book{good2, title = {Second}, publisher = undefinedmacro # {X}}

@book{good3,
  title = {Third},
}
"""


def test_malformed_entries_become_failed_blocks() -> None:
    lib = read_bibtex(MALFORMED, source="bad.bib")
    assert [ref.id for ref in lib] == ["good1", "good3"]
    assert [ref.span.line for ref in lib if ref.span] == [1, 16]
    comma, unclosed, macro = lib.failed
    assert comma.span == SourceSpan("bad.bib", 5, 8)
    assert comma.error == "@article: syntax error in line 7: '}' expected"
    assert comma.text.startswith("@article{bad1,")
    assert unclosed.span is not None and unclosed.span.line == 10
    assert "not closed" in unclosed.error
    assert macro.span is not None and macro.span.line == 14
    assert "undefinedmacro" in macro.error


def test_bad_string_macro_is_a_failed_block() -> None:
    lib = read_bibtex("@string{x = }\n@book{k, title = {T}}\n")
    assert [ref.id for ref in lib] == ["k"]
    assert lib.failed[0].span is not None and lib.failed[0].span.line == 1


def test_written_failed_block_comes_back() -> None:
    block = FailedBlock("Some {unbalanced text", "no year found", SourceSpan("in.txt", 4))
    text = write_bibtex(Library(SEED[:1], failed=(block,)))
    back = read_bibtex(text)
    assert len(back) == 1
    (failed,) = back.failed
    assert failed.error == "no year found"
    assert failed.text == "Some (unbalanced text"


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        pytest.param("{\\'e}t{\\'e}", "été", id="accent"),
        pytest.param("a -- b --- c", "a – b — c", id="dashes"),
        pytest.param("\\textbraceleft{}x\\textbraceright{}", "{x}", id="escaped-braces"),
        pytest.param("\\textbackslash{} \\textasciitilde{} \\textasciicircum{}", "\\ ~ ^",
                     id="text-commands"),
        pytest.param("J.~R.~R. Tolkien", "J. R. R. Tolkien", id="tie"),
        pytest.param("Espa\\~{n}a", "España", id="tilde-accent"),
        pytest.param('{\\symbol{"0416}}', "Ж", id="symbol"),
        pytest.param("\\emph{x} and \\LaTeX{}", "x and LaTeX", id="commands"),
        pytest.param("``quoted''", "“quoted”", id="quotes"),
        pytest.param("hy\\-phen", "hyphen", id="soft-hyphen"),
        pytest.param("\\$5 \\& \\# \\_", "$5 & # _", id="specials"),
        pytest.param("Ünïcödé  stays", "Ünïcödé stays", id="unicode"),
    ],
)
def test_decode_latex(latex: str, text: str) -> None:
    assert decode_latex(latex) == text


def test_catalog_provenance_round_trips() -> None:
    prov = {"publisher": Provenance("openlibrary", "https://openlibrary.org/books/OL1M",
                                    0.97),
            "ISBN": Provenance("loc", "lccn 2004; x", 1.0),
            "title": Provenance("input")}
    ref = Reference(id="k", title="T", publisher="Knopf", ISBN="9781400042302",
                    provenance=prov)
    for writer in (write_bibtex, write_biblatex):
        text = writer(Library((ref,)))
        assert ("provenance = {ISBN: loc lccn%202004%3B%20x score 1; publisher: openlibrary "
                "https://openlibrary.org/books/OL1M score 0.97}") in text
        back = read_bibtex(text).references[0]
        assert back.provenance == {k: v for k, v in prov.items() if k != "title"}
        assert back.extra == {}


def test_foreign_provenance_field_is_kept_as_extra() -> None:
    ref = entry("title = {T},\n provenance = {from my notes, 1999}")
    assert (ref.provenance, ref.extra) == ({}, {"provenance": "from my notes, 1999"})
