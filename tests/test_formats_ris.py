"""RIS writing and reading."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yalta_refs.formats import write_format
from yalta_refs.formats.ris import read_ris, write_ris
from yalta_refs.formats.ris_syntax import format_edtf, parse_edtf
from yalta_refs.model import Date, FailedBlock, Library, Name, Reference

from .seed_refs import seed_references

SEED = seed_references("A vivid portrait\nof Stalin's   inner circle.")

CHAPTER = Reference(
    id="full2001", type="chapter",
    author=(Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
            Name(literal="United Nations"), Name(family="Plato")),
    editor=(Name(family="Beethoven", given="Ludwig", dropping_particle="van", suffix="Jr."),),
    translator=(Name(family="Yastrzhembska", given="Anna"),),
    container_author=(Name(family="Öztürk", given="Ayşe"),),
    collection_editor=(Name(family="Ure", given="John"),),
    title="A Chapter", container_title="The Book", collection_title="Series",
    collection_number="7", publisher="Knopf", publisher_place="New York",
    issued=Date(parts=((1990, 3), (1995, 4, 2)), circa=True),
    original_date=Date(literal="early 1950s"), original_title="Der Titel",
    accessed=Date(parts=((2024, 1, 31),)),
    edition="2", volume="3", number_of_volumes="4", issue="5", number="6", page="10-20",
    number_of_pages="350", genre="Essay", medium="Print", URL="https://example.org/a_b%20c",
    DOI="10.1000/xyz", ISBN="9780000000000", ISSN="1234-5678", language="en",
    abstract="Abstract.", note="A note.",
    annotation="An annotation — with “quotes”,\nover two lines.",
    extra={"keywords": "war; exile", "title-short": "Chapter", "RP": "Not in file",
           "container-title-short": "Bk."},
)
BOOK = Reference(
    id="book1", type="book", author=(Name(family="Tolstoy", given="Nikolai"),),
    editor=(Name(family="Ed", given="Ann"),),
    collection_editor=(Name(family="Series", given="S."),),
    title="The Secret Betrayal", container_title="Collected Works", collection_title="Yalta Series",
    collection_number="12", number="3", number_of_pages="503", page="1-20",
    issued=Date(parts=((1978, 5, 1),)), ISBN="978-0-684-15635-7", ISSN="0000-0000",
)
ARTICLE = Reference(
    id="art", type="article-journal", author=(Name(family="Shannon", given="Claude E."),),
    title="A Mathematical Theory of Communication", container_title="Bell System Technical Journal",
    volume="27", issue="3", page="379-423", issued=Date(parts=((1948, 7),)), ISSN="0005-8580",
    ISBN="0-252-72548-4", extra={"container-title-short": "Bell Syst. Tech. J."},
)
REPORT = Reference(
    id="rep", type="report", author=(Name(literal="RAND Corporation"),),
    editor=(Name(family="Ed", given="Rep"),), collection_editor=(Name(family="Se", given="Ri"),),
    title="A Report", number="R-123", ISBN="978-0-8330-0000-0", publisher="RAND",
    genre="Technical report", issued=Date(literal="Spring 1950"),
)
OTHERS = tuple(
    Reference(id=f"t{index}", type=kind, title=f"A {kind}", container_title="Container",
              number="9", issued=Date.from_year(2001), genre="Genre")
    for index, kind in enumerate(("article-magazine", "article-newspaper", "webpage", "thesis",
                                  "paper-conference", "entry-encyclopedia", "document",
                                  "manuscript", "software", "dataset"))
)


def fold(text: str | None) -> str | None:
    return " ".join(text.split()) if text is not None else None


def expected(ref: Reference) -> Reference:
    """What RIS keeps of ``ref``: whitespace folded, no provenance."""
    return ref.with_fields(annotation=fold(ref.annotation), note=fold(ref.note), provenance={})


def read_back(*refs: Reference, ascii: bool = False) -> list[Reference]:
    back = read_ris(write_ris(Library(refs), ascii=ascii), source="out.ris")
    assert back.failed == ()
    return [ref.with_fields(span=None) for ref in back]


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize(
    "ref",
    [*(pytest.param(ref, id=ref.author[0].family) for ref in SEED),
     pytest.param(CHAPTER, id="chapter-every-field"),
     pytest.param(BOOK, id="book-series-editor-pages"),
     pytest.param(ARTICLE, id="article-issn-abbreviation"),
     pytest.param(REPORT, id="report-number-literal-date"),
     *(pytest.param(ref, id=ref.type) for ref in OTHERS),
     pytest.param(Reference(id="x", type="webpage"), id="nearly-empty"),
     pytest.param(Reference(type="book", title="No id"), id="no-id")],
)
def test_round_trip(ref: Reference) -> None:
    assert read_back(ref) == [expected(ref)]


def test_library_round_trip_keeps_order_and_spans() -> None:
    lib = Library((*SEED, CHAPTER, BOOK))
    back = read_ris(write_ris(lib), source="out.ris")
    assert [ref.title for ref in back] == [ref.title for ref in lib]
    first = back.references[0].span
    assert first is not None and (first.file, first.line) == ("out.ris", 1)


@pytest.mark.parametrize(
    ("ref", "lines"),
    [
        pytest.param(SEED[2], ["TY  - BOOK", "AU  - Polian, Pavel", "A4  - Yastrzhembska, Anna",
                               "PY  - 2004", "M2  - original-date: 2001", "ER  - "],
                     id="translator-original-date"),
        pytest.param(SEED[4], ["M2  - original-title: Victims of Yalta",
                               "M2  - original-date: 1977"], id="original-title"),
        pytest.param(CHAPTER, ["TY  - CHAP", "A2  - Beethoven, Ludwig van, Jr.",
                               "A3  - Ure, John", "C2  - Öztürk, Ayşe", "AU  - van Gogh, Vincent",
                               "AU  - United Nations", "AU  - Plato,", "T2  - The Book",
                               "T3  - Series", "SV  - 7", "SP  - 10", "EP  - 20", "DA  - 1990/03//",
                               "Y2  - 2024/01/31/", "M2  - issued: 1990-03~/1995-04-02~",
                               "N1  - An annotation — with “quotes”, over two lines.",
                               "N1  - Note: A note.", "KW  - war", "KW  - exile",
                               "RP  - Not in file", "J2  - Bk.", "M2  - title-short: Chapter"],
                     id="chapter"),
        pytest.param(BOOK, ["A3  - Ed, Ann", "A2  - Series, S.", "T2  - Yalta Series",
                            "M1  - 12", "SP  - 503", "SN  - 978-0-684-15635-7",
                            "M2  - container-title: Collected Works", "M2  - page: 1-20",
                            "DA  - 1978/05/01/", "M2  - ISSN: 0000-0000"], id="book"),
        pytest.param(ARTICLE, ["TY  - JOUR", "SN  - 0005-8580", "SP  - 379", "EP  - 423",
                               "M2  - ISBN: 0-252-72548-4"], id="article"),
        pytest.param(REPORT, ["ED  - Ed, Rep", "A2  - Se, Ri", "SN  - R-123",
                              "PY  - Spring 1950", "M3  - Technical report"], id="report"),
    ],
)
def test_written_tags(ref: Reference, lines: list[str]) -> None:
    written = write_ris(Library((ref,))).split("\r\n")
    for line in lines:
        assert line in written


def test_crlf_and_blank_line_between_records() -> None:
    text = write_ris(Library(SEED[:2]))
    assert "\n" not in text.replace("\r\n", "")
    assert "ER  - \r\n\r\nTY  - BOOK\r\n" in text
    assert text.endswith("ER  - \r\n\r\n")


def test_ascii_transliterates() -> None:
    text = write_ris(Library((CHAPTER,)), ascii=True)
    assert text.isascii()
    assert "C2  - Ozturk, Ayse" in text
    assert write_format(Library((CHAPTER,)), "ris", ascii=True) == text


def test_failed_blocks_are_not_written() -> None:
    lib = Library(SEED[:1], failed=(FailedBlock("TY  - oops", "bad"),))
    assert write_ris(lib) == write_ris(Library(SEED[:1]))


# ---------------------------------------------------------------- the N1 guard


@pytest.mark.parametrize(
    ("annotation", "line"),
    [
        pytest.param("Plain prose.", "N1  - Plain prose.", id="plain"),
        pytest.param("Abstract: a summary.", "N1  - Annotation: Abstract: a summary.",
                     id="leading-abstract-label"),
        pytest.param("Notes: kept whole.", "N1  - Annotation: Notes: kept whole.",
                     id="procite-notes"),
        pytest.param("Edition: revised.", "N1  - Annotation: Edition: revised.",
                     id="procite-edition"),
        pytest.param("See p. 3.Author Role: editor",
                     "N1  - Annotation: See p. 3.Author Role: editor", id="procite-label-inside"),
        pytest.param("Note: mine.", "N1  - Annotation: Note: mine.", id="our-note-prefix"),
        pytest.param("Annotation: twice", "N1  - Annotation: Annotation: twice", id="our-guard"),
        pytest.param("The Title", "N1  - Annotation: The Title", id="equal-to-title"),
        pytest.param("Uses <i>italics</i> & more", "N1  - <p>Uses &lt;i&gt;italics&lt;/i&gt; "
                     "&amp; more</p>", id="html-escaped"),
        pytest.param("&amp; literally", "N1  - <p>&amp;amp; literally</p>", id="entity-escaped"),
        pytest.param("<p>Notes: x</p>", "N1  - Annotation: <p>&lt;p&gt;Notes: x&lt;/p&gt;</p>",
                     id="html-and-label"),
        pytest.param("Stalin's court: a view", "N1  - Stalin's court: a view", id="not-a-label"),
    ],
)
def test_annotation_guard(annotation: str, line: str) -> None:
    ref = Reference(id="a", title="The Title", annotation=annotation)
    assert line in write_ris(Library((ref,))).split("\r\n")
    assert read_back(ref)[0].annotation == annotation


def test_note_and_annotation_read_to_their_fields() -> None:
    ref = Reference(id="a", title="T", note="Note: about the note.", annotation="Note: an opinion.")
    text = write_ris(Library((ref,)))
    assert "N1  - Note: Note: about the note.\r\n" in text
    assert read_back(ref) == [ref]


# ---------------------------------------------------------------- real-world shapes

ZOTERO = """TY  - BOOK
TI  - Stalin: The Court of the Red Tsar
AU  - Montefiore, Simon Sebag
T2  - Vintage Series
A3  - Editor, Ed
CY  - New York
DA  - 2004/03/01/
PY  - 2004
ET  - 1st
SP  - 785
PB  - Knopf
SN  - 978-1-4000-4230-6
UR  - https://example.org/stalin
Y2  - 2024/01/31/12:00:00
L1  - files/1/stalin.pdf
N1  - <p>A vivid portrait<br/>of the &amp; inner circle.</p>
KW  - Soviet Union
KW  - Stalin
ER  -\x20

TY  - CHAP
TI  - A Chapter
AU  - Ure, John
T2  - The Book
A2  - Editor, Ed
SP  - 10
EP  - 20
PY  - 2002
ER  -\x20

"""

ENDNOTE = """\ufeffTY  - JOUR\r
A1  - Baldwin,S.A.\r
A1  - Fugaccia,I.\r
T1  - Blood-brain barrier breach following\r
cortical contusion in the rat\r
JF  - J.Neurosurg.\r
JA  - J Neurosurg\r
Y1  - 1996///\r
VL  - 85\r
SP  - 476\r
EP  - 481\r
RP  - Not In File\r
M3  - 10.3171/jns.1996.85.3.0476\r
N2  - Adult Fisher 344 rats were subjected to a unilateral impact.\r
ER  - \r
\r
TY  - BOOK\r
A1  - Smith, Jane\r
T1  - No End Record\r
Y1  - 1999/07/\r
"""


def test_zotero_export_shape() -> None:
    lib = read_ris(ZOTERO, source="zotero.ris")
    book, chapter = lib.references
    assert book.type == "book" and chapter.type == "chapter"
    assert book.author == (Name(family="Montefiore", given="Simon Sebag"),)
    assert book.editor == (Name(family="Editor", given="Ed"),)
    assert book.collection_title == "Vintage Series"
    assert book.issued == Date(parts=((2004, 3, 1),))
    assert book.accessed == Date(parts=((2024, 1, 31),))
    assert book.number_of_pages == "785" and book.page is None
    assert book.ISBN == "978-1-4000-4230-6"
    assert book.annotation == "A vivid portrait\nof the & inner circle."
    assert book.extra == {"keywords": "Soviet Union; Stalin", "L1": "files/1/stalin.pdf"}
    assert chapter.editor == (Name(family="Editor", given="Ed"),)
    assert chapter.container_title == "The Book" and chapter.page == "10-20"
    assert chapter.span is not None and chapter.span.line == 21


def test_endnote_shape_crlf_bom_missing_er() -> None:
    lib = read_ris(ENDNOTE, source="endnote.ris")
    assert lib.failed == ()
    article, book = lib.references
    assert article.type == "article-journal"
    assert article.author == (Name(family="Baldwin", given="S.A."), Name(family="Fugaccia",
                                                                          given="I."))
    assert article.title == "Blood-brain barrier breach following cortical contusion in the rat"
    assert article.container_title == "J.Neurosurg."
    assert article.extra["container-title-short"] == "J Neurosurg"
    assert article.issued == Date.from_year(1996)
    assert (article.volume, article.page) == ("85", "476-481")
    assert article.DOI == "10.3171/jns.1996.85.3.0476" and article.genre is None
    assert article.abstract == "Adult Fisher 344 rats were subjected to a unilateral impact."
    assert article.extra["RP"] == "Not In File"
    assert book.title == "No End Record" and book.issued == Date(parts=((1999, 7),))
    assert book.span is not None and (book.span.line, book.span.end_line) == (17, 20)


@pytest.mark.parametrize(
    ("text", "attr", "value"),
    [
        pytest.param("TY  - JOUR\nPY  - 1948\nDA  - July\nER  -", "issued",
                     Date(parts=((1948, 7),)), id="month-name-da"),
        pytest.param("TY  - JOUR\nDA  - 2012/09/01\nER  -", "issued",
                     Date(parts=((2012, 9, 1),)), id="da-without-trailing-slash"),
        pytest.param("TY  - JOUR\nPY  - 2012-09-01\nER  -", "issued",
                     Date(parts=((2012, 9, 1),)), id="iso-py"),
        pytest.param("TY  - JOUR\nPY  - 2004/00/00/\nER  -", "issued", Date.from_year(2004),
                     id="zero-parts"),
        pytest.param("TY - BOOK\nTI - One space\nER -", "title", "One space", id="one-space"),
        pytest.param("TY  - EDBOOK\nAU  - Ed, A.\nER  -", "editor", (Name(family="Ed",
                                                                             given="A."),),
                     id="endnote-edited-book"),
        pytest.param("TY  - WEB\nER  -", "type", "webpage", id="endnote-web"),
        pytest.param("TY  - XYZ\nER  -", "type", "document", id="unknown-type"),
        pytest.param("TY  - CONF\nC3  - Proceedings\nER  -", "container_title", "Proceedings",
                     id="conference-proceedings-c3"),
        pytest.param("TY  - JOUR\nJO  - Nature\nER  -", "container_title", "Nature",
                     id="jo-as-journal"),
        pytest.param("TY  - JOUR\nM2  - Original Date: 1950\nER  -", "original_date",
                     Date.from_year(1950), id="zotero-extra-label"),
        pytest.param("TY  - JOUR\nM2  - prose without a label\nER  -", "extra",
                     {"M2": "prose without a label"}, id="m2-prose-kept"),
        pytest.param("TY  - JOUR\nTI  - First\nTI  - Second\nER  -", "extra",
                     {"TI": "Second"}, id="duplicate-tag-kept"),
        pytest.param("TY  - JOUR\nN1  - one\nN1  - <p>two</p>\nER  -", "annotation",
                     "one\ntwo", id="several-notes"),
        pytest.param("TY  - JOUR\nKW  - a\n  b\nKW  - c\nER  -", "extra",
                     {"keywords": "a; b; c"}, id="keyword-continuation"),
        pytest.param("junk before\n\nTY  - BOOK\nID  - key1\nER  -\njunk after", "id", "key1",
                     id="text-outside-records"),
        pytest.param("TY  - JOUR\nAU  - van der Berg, Anna de\nER  -", "author",
                     (Name(family="Berg", given="Anna", non_dropping_particle="van der",
                           dropping_particle="de"),), id="particles"),
    ],
)
def test_reading_tolerates(text: str, attr: str, value: object) -> None:
    lib = read_ris(text)
    assert lib.failed == ()
    assert getattr(lib.references[0], attr) == value


# ---------------------------------------------------------------- failures


MALFORMED = """TY  - BOOK
TI  - Good one
ER  -\x20

TY-JOUR
AU  - Smith, J.
TI  - Lost
ER  -\x20

TY  - BOOK
TI  - Good two
ER  -\x20
TY  - JOUR this is not a type
TI  - Bad type
ER  -\x20
TY  - BOOK
TI  - Binary\x00junk
ER  -\x20
TY  - BOOK
TI  - Good three
"""


def test_malformed_records_become_failed_blocks() -> None:
    lib = read_ris(MALFORMED, source="mixed.ris")
    assert [ref.title for ref in lib] == ["Good one", "Good two", "Good three"]
    assert [ref.span.line for ref in lib if ref.span] == [1, 10, 19]
    no_type, bad_type, binary = lib.failed
    assert no_type.error == "the record does not begin with TY"
    assert no_type.text.startswith("TY-JOUR\nAU  - Smith, J.")
    assert no_type.span is not None and str(no_type.span) == "mixed.ris:5-8"
    assert bad_type.error == "unknown record type TY 'JOUR THIS IS NOT A TYPE'"
    assert bad_type.span is not None and bad_type.span.line == 13
    assert "binary" in binary.error
    assert binary.span is not None and binary.span.line == 16


@pytest.mark.parametrize(
    "text",
    [pytest.param("", id="empty"), pytest.param("\ufeff\r\n\r\n", id="blank"),
     pytest.param("ER  - \nER  - \n", id="stray-er"),
     pytest.param("not RIS at all\nmore text", id="prose")],
)
def test_nothing_to_read(text: str) -> None:
    assert read_ris(text) == Library()


# ---------------------------------------------------------------- EDTF


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param("2004", Date.from_year(2004), id="year"),
        pytest.param("2004-03-01", Date(parts=((2004, 3, 1),)), id="day"),
        pytest.param("1990-03/1995", Date(parts=((1990, 3), (1995,))), id="range"),
        pytest.param("1977~", Date(parts=((1977,),), circa=True), id="circa"),
        pytest.param("-0044-03-15", Date(parts=((-44, 3, 15),)), id="bce"),
        pytest.param("2004-13", Date(literal="2004-13"), id="bad-month-literal"),
        pytest.param("early 1950s", Date(literal="early 1950s"), id="literal"),
    ],
)
def test_parse_edtf(text: str, date: Date) -> None:
    assert parse_edtf(text) == date
    if date.parts and not date.parts[0][0] < 0:
        assert parse_edtf(format_edtf(date)) == date


# ---------------------------------------------------------------- property

words = st.text(st.characters(categories=["L"], max_codepoint=0x24F), min_size=1, max_size=8)
capitalised = words.map(str.capitalize).filter(lambda w: w[:1].isupper())
particle = st.sampled_from(["van", "de", "von der", "da"])
names = st.builds(Name, family=capitalised, given=st.none() | capitalised,
                  non_dropping_particle=st.none() | particle,
                  dropping_particle=st.none() | particle,
                  suffix=st.none() | st.sampled_from(["Jr.", "III"])).filter(
    lambda n: n.given is not None or n.dropping_particle is None) | st.builds(
    Name, literal=st.lists(capitalised, min_size=1, max_size=3).map(" ".join))
printable = st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), min_size=1,
                    max_size=30)
text_value = st.none() | printable.map(fold).filter(bool)
date_part = st.tuples(st.integers(0, 9999)) | st.tuples(
    st.integers(0, 9999), st.integers(1, 12)) | st.tuples(
    st.integers(0, 9999), st.integers(1, 12), st.integers(1, 28))
dates = st.none() | st.builds(Date, parts=st.lists(date_part, min_size=1, max_size=2).map(tuple),
                              circa=st.booleans())
any_ref = st.builds(
    Reference,
    id=st.text(st.characters(categories=("L", "N")), max_size=8),
    type=st.sampled_from(["book", "chapter", "article-journal", "report", "thesis", "webpage",
                          "paper-conference", "document"]),
    author=st.lists(names, max_size=3).map(tuple), editor=st.lists(names, max_size=2).map(tuple),
    translator=st.lists(names, max_size=2).map(tuple),
    collection_editor=st.lists(names, max_size=1).map(tuple),
    container_author=st.lists(names, max_size=1).map(tuple),
    title=text_value, container_title=text_value, collection_title=text_value,
    collection_number=text_value, publisher=text_value, publisher_place=text_value,
    issued=dates, original_date=dates, original_title=text_value, accessed=dates,
    edition=text_value, volume=text_value, issue=text_value, number=text_value,
    number_of_volumes=text_value, genre=text_value, medium=text_value, language=text_value,
    URL=text_value, DOI=text_value, ISBN=text_value, ISSN=text_value, abstract=text_value,
    note=text_value, annotation=text_value,
    page=st.none() | st.from_regex(r"[1-9][0-9]{0,3}(-[1-9][0-9]{0,3})?", fullmatch=True),
    number_of_pages=st.none() | st.from_regex(r"[1-9][0-9]{0,3}", fullmatch=True),
    extra=st.dictionaries(st.from_regex(r"[a-z][a-z-]{0,8}", fullmatch=True)
                          .filter(lambda k: k not in ("keywords", "container-title-short")),
                          printable.map(fold).filter(bool), max_size=3),
)


def _without_m2_collisions(ref: Reference) -> bool:
    """Extra keys that name a CSL field would be read into that field."""
    from yalta_refs.model import CSL_FIELDS

    return not {key.lower() for key in ref.extra} & {k.lower() for k in CSL_FIELDS}


@settings(max_examples=200, deadline=None)
@given(any_ref.filter(_without_m2_collisions))
def test_any_reference_survives_ris(ref: Reference) -> None:
    back = read_back(ref)
    assert back == [dataclasses.replace(ref)]


def test_en_dash_page_ranges_are_split() -> None:
    ref = Reference(id="p", type="article-journal", title="T", page="301–329")
    lines = write_ris(Library((ref,))).splitlines()
    assert "SP  - 301" in lines and "EP  - 329" in lines
    assert read_ris("\n".join(lines)).references[0].page == "301-329"
