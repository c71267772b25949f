"""CSL-JSON writing and reading."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yalta_refs.errors import FormatError
from yalta_refs.formats.csljson import (
    read_csljson,
    reference_from_csl,
    reference_to_csl,
    write_csljson,
)
from yalta_refs.model import Date, FailedBlock, Library, Name, Provenance, Reference

from .seed_refs import seed_references

SEED = seed_references("A vivid portrait of Stalin's inner circle.")

FULL = Reference(
    id="full2001",
    type="chapter",
    author=(Name(family="Gogh", given="Vincent", non_dropping_particle="van"),
            Name(literal="United Nations")),
    editor=(Name(family="Beethoven", given="Ludwig", dropping_particle="van", suffix="Jr."),),
    container_author=(Name(family="Öztürk", given="Ayşe"),),
    collection_editor=(Name(family="Ure", given="John"),),
    title="A Chapter",
    container_title="The Book",
    collection_title="Series",
    collection_number="7",
    issued=Date(parts=((1990, 3), (1995, 4, 2)), circa=True),
    original_date=Date(literal="early 1950s"),
    accessed=Date(parts=((2024, 1, 31),)),
    edition="2", volume="3", number_of_volumes="4", issue="5", number="6", page="10–20",
    number_of_pages="350",
    genre="Essay", medium="Print", URL="https://example.org/a_b%20c", DOI="10.1000/xyz",
    ISBN="9780000000000", ISSN="1234-5678", language="en", abstract="Abstract.",
    note="A note.", annotation="An annotation — with “quotes”.",
    provenance={"title": Provenance("input"),
                "publisher": Provenance("openlibrary", "OL1M", 0.93, "fuzzy")},
    extra={"keywords": "war; exile", "title-short": "Chapter",
           "interviewer": '[{"family": "Doe"}]'},
)


@pytest.mark.parametrize(
    "ref",
    [*(pytest.param(ref, id=ref.author[0].family) for ref in SEED),
     pytest.param(FULL, id="every-field"),
     pytest.param(Reference(id="x", type="webpage"), id="nearly-empty")],
)
def test_round_trip_reference_item_reference(ref: Reference) -> None:
    item = reference_to_csl(ref)
    assert json.loads(json.dumps(item)) == item
    assert reference_from_csl(item) == ref


def test_item_shape() -> None:
    item = reference_to_csl(FULL)
    assert item["author"] == [
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        {"literal": "United Nations"},
    ]
    assert item["editor"][0]["dropping-particle"] == "van"
    assert item["issued"] == {"date-parts": [[1990, 3], [1995, 4, 2]], "circa": True}
    assert item["original-date"] == {"literal": "early 1950s"}
    assert item["annote"] == FULL.annotation
    assert item["container-title"] == "The Book"
    assert item["number-of-pages"] == "350"
    assert item["title-short"] == "Chapter"
    assert item["interviewer"] == [{"family": "Doe"}]
    assert item["custom"]["extra"] == {"keywords": "war; exile"}
    assert item["custom"]["provenance"]["publisher"] == {
        "source": "openlibrary", "record": "OL1M", "score": 0.93, "note": "fuzzy"}
    assert item["custom"]["provenance"]["title"] == {"source": "input"}


@pytest.mark.parametrize(
    ("item", "attr", "expected"),
    [
        pytest.param({"issued": {"date-parts": [["2004", "3", "01"]]}}, "issued",
                     Date(parts=((2004, 3, 1),)), id="string-date-parts"),
        pytest.param({"issued": {"raw": "1995-03-03"}}, "issued",
                     Date(parts=((1995, 3, 3),)), id="raw-date"),
        pytest.param({"issued": {"raw": "1990/1995"}}, "issued",
                     Date(parts=((1990,), (1995,))), id="raw-range"),
        pytest.param({"issued": {"raw": "Spring 1990"}}, "issued",
                     Date(literal="Spring 1990"), id="raw-unparseable-literal"),
        pytest.param({"issued": "2001"}, "issued", Date(parts=((2001,),)), id="date-string"),
        pytest.param({"issued": {"date-parts": [[1990]], "circa": "true"}}, "issued",
                     Date(parts=((1990,),), circa=True), id="circa-string"),
        pytest.param({"author": ["United Nations", {"family": "Ure", "given": "John"}]},
                     "author", (Name(literal="United Nations"), Name(family="Ure", given="John")),
                     id="string-name-literal"),
        pytest.param({"author": "Anonymous"}, "author", (Name(literal="Anonymous"),),
                     id="single-string-name"),
        pytest.param({"volume": 3, "page": 12}, "volume", "3", id="number-as-text"),
        pytest.param({"title": ""}, "title", None, id="empty-text-ignored"),
        pytest.param({"issued": {"date-parts": [[]]}}, "issued", None, id="empty-date-ignored"),
        pytest.param({"id": 17}, "id", "17", id="numeric-id"),
        pytest.param({}, "type", "document", id="missing-type"),
        pytest.param({"keyword": "x", "unknown": [1]}, "extra",
                     {"keyword": "x", "unknown": "[1]"}, id="unknown-kept-in-extra"),
        pytest.param({"custom": {"mine": {"a": 1}}}, "extra", {"custom.mine": '{"a": 1}'},
                     id="foreign-custom-kept"),
    ],
)
def test_reference_from_csl_tolerates(item: dict[str, Any], attr: str, expected: Any) -> None:
    assert getattr(reference_from_csl(item), attr) == expected


def test_foreign_custom_written_back() -> None:
    item = {"id": "a", "type": "book", "custom": {"mine": {"a": 1}}}
    assert reference_to_csl(reference_from_csl(item)) == item


@pytest.mark.parametrize(
    "item",
    [
        pytest.param({"author": 5}, id="name-number"),
        pytest.param({"issued": [2004]}, id="date-list"),
        pytest.param({"title": {"x": 1}}, id="title-object"),
        pytest.param({"issued": {"date-parts": 2004}}, id="date-parts-number"),
    ],
)
def test_reference_from_csl_rejects_unusable_shapes(item: dict[str, Any]) -> None:
    with pytest.raises(FormatError):
        reference_from_csl(item)


def test_write_csljson_document() -> None:
    text = write_csljson(Library(SEED))
    assert text.endswith("]\n")
    data = json.loads(text)
    assert [d["id"] for d in data] == ["montefiore2004stalin", "perlmutter1993fdr",
                                       "polian2004against", "seaton1985horsemen",
                                       "tolstoy1978secret", "ure2002cossacks"]
    assert data[2]["translator"] == [{"family": "Yastrzhembska", "given": "Anna"}]
    assert data[4]["original-title"] == "Victims of Yalta"


def test_write_csljson_keeps_unicode_unless_ascii() -> None:
    lib = Library((FULL,))
    assert "Öztürk" in write_csljson(lib)
    ascii_text = write_csljson(lib, ascii=True)
    assert ascii_text.isascii()
    assert json.loads(ascii_text) == json.loads(write_csljson(lib))


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        pytest.param(None, "An annotation.", id="no-note"),
        pytest.param("Reprint.", "Reprint.\nAn annotation.", id="appended"),
    ],
)
def test_zotero_copies_annotation_into_note(note: str | None, expected: str) -> None:
    ref = Reference(id="a", title="T", note=note, annotation="An annotation.")
    item = json.loads(write_csljson(Library((ref,)), zotero=True))[0]
    assert item["note"] == expected
    assert item["annote"] == "An annotation."
    plain = json.loads(write_csljson(Library((ref,))))[0]
    assert plain.get("note") == note


def test_written_library_reads_back() -> None:
    lib = Library((*SEED, FULL))
    back = read_csljson(write_csljson(lib), source="out.json")
    assert [ref.with_fields(span=None) for ref in back.references[-1:]] == [FULL]
    assert [ref.title for ref in back] == [ref.title for ref in lib]
    assert back.references[0].span is not None
    assert back.references[0].span.file == "out.json"
    assert back.failed == ()


@pytest.mark.parametrize(
    ("text", "count"),
    [
        pytest.param('[{"id": "a", "type": "book"}, {"id": "b"}]', 2, id="array"),
        pytest.param('{"id": "a", "type": "book", "title": "T"}', 1, id="single-object"),
        pytest.param('{"items": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}', 3, id="items-wrapper"),
        pytest.param("\ufeff[]", 0, id="bom-empty-array"),
    ],
)
def test_read_csljson_shapes(text: str, count: int) -> None:
    assert len(read_csljson(text)) == count


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param('[\n  {"id": "a"},\n  {"id": "b",}\n]', 3, id="trailing-comma"),
        pytest.param('[\n{"id": "a"\n', 3, id="truncated"),
        pytest.param("", 1, id="empty"),
    ],
)
def test_malformed_json_raises_format_error_with_line(text: str, line: int) -> None:
    with pytest.raises(FormatError) as info:
        read_csljson(text, source="refs.json")
    assert info.value.file == "refs.json"
    assert info.value.line == line
    assert str(info.value).startswith(f"refs.json:{line}: ")
    assert "column" in str(info.value)


def test_non_list_document_is_a_format_error() -> None:
    with pytest.raises(FormatError, match="array"):
        read_csljson("42", source="x.json")


def test_bad_items_become_failed_blocks() -> None:
    text = ('[\n  {"id": "a", "title": "Good"},\n  "not an item",\n  {"id": "b", "author": 5},\n'
            '  {"id": "c", "title": "Also good"}\n]\n')
    lib = read_csljson(text, source="mixed.json")
    assert [ref.id for ref in lib] == ["a", "c"]
    assert [ref.span.line for ref in lib if ref.span] == [2, 5]
    first, second = lib.failed
    assert isinstance(first, FailedBlock)
    assert first.error.startswith("item 1: expected a JSON object")
    assert first.text == '"not an item"'
    assert first.span is not None and first.span.line == 3
    assert second.error.startswith("item 2: field 'author'")
    assert second.span is not None and str(second.span) == "mixed.json:4"


maybe_text = st.none() | st.text(min_size=1, max_size=15)
any_name = st.builds(Name, literal=st.text(min_size=1, max_size=15)) | st.builds(
    Name, family=maybe_text, given=maybe_text, suffix=maybe_text,
    non_dropping_particle=maybe_text,
).filter(lambda n: any((n.family, n.given, n.suffix, n.non_dropping_particle)))
date_part = st.tuples(st.integers(-3000, 3000)) | st.tuples(
    st.integers(0, 3000), st.integers(1, 12), st.integers(1, 31))
any_date = st.builds(Date, parts=st.lists(date_part, min_size=1, max_size=2).map(tuple),
                     literal=maybe_text, circa=st.booleans())
any_ref = st.builds(
    Reference, id=st.text(max_size=8), type=st.sampled_from(["book", "chapter", "thesis"]),
    author=st.lists(any_name, max_size=3).map(tuple), title=maybe_text, page=maybe_text,
    issued=st.none() | any_date, annotation=maybe_text,
    extra=st.dictionaries(
        st.sampled_from(["custom.x", "custom.extra", "interviewer", "title-short", "title"])
        | st.text(min_size=1, max_size=8),
        st.sampled_from(["1", " 1", '{"a": 1}', "[1,2]", '"s"', "null"]) | st.text(max_size=8),
        max_size=3),
)


@settings(max_examples=200, deadline=None)
@given(any_ref)
def test_any_reference_round_trips(ref: Reference) -> None:
    item = json.loads(json.dumps(reference_to_csl(ref)))
    assert reference_from_csl(item) == ref
