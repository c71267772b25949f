"""Unit tests of the CSL engine fixes for the held-out corpus's error classes."""

from __future__ import annotations

from yalta_refs.render.csl.names import parse_name
from yalta_refs.render.csl.numbers import format_page_range, is_numeric, is_plural
from yalta_refs.render.csl.output import parse_markup
from yalta_refs.render.csl.textcase import apply_case


def test_roman_and_lettered_page_ranges_are_plural() -> None:
    assert is_plural("ix-xvii", "page")
    assert is_plural("iii–xii", "page")
    assert is_plural("S12-S19", "page")
    assert not is_plural("xii", "page")
    assert not is_plural("49/2016", "number")


def test_page_range_prefix_dropped_when_minimised() -> None:
    assert format_page_range("S12-S19", "minimal") == "S12\u20139"
    assert format_page_range("e101-e109", "minimal-two") == "e101\u201309"
    assert format_page_range("A1-A9", "chicago") == "A1\u20139"
    assert format_page_range("12a-14b", "minimal") == "12a\u20134b"
    assert format_page_range("S12-S19", "expanded") == "S12\u2013S19"


def test_page_range_roman_gets_delimiter_and_mixed_prefixes_kept() -> None:
    assert format_page_range("ix-xvii", "chicago") == "ix\u2013xvii"
    assert format_page_range("iv-7", "minimal") == "iv\u20137"
    assert format_page_range("B12-C19", "minimal") == "B12-C19"


def test_numbers_with_slashes_are_numeric() -> None:
    assert is_numeric("49/2016")
    assert is_numeric("1/2/3")
    assert not is_numeric("2016/49a")
    assert not is_numeric("49 / 2016")
    assert not is_numeric("x/y")


def test_given_only_name_is_literal() -> None:
    assert parse_name({"given": "Plato"}).literal == "Plato"
    assert parse_name({"family": "Hays", "given": "G."}).literal == ""


def test_title_case_does_not_capitalise_after_apostrophe() -> None:
    assert apply_case("surely you're joking, mr. feynman!", "title") == \
        "Surely You're Joking, Mr. Feynman!"
    assert apply_case("the o\u2019brien thesis", "title") == "The o\u2019brien Thesis"
    assert apply_case("it's ma'am", "title") == "It's Ma'am"


def test_straight_single_quotes_nest_like_double_quotes() -> None:
    runs = parse_markup("after 'Wayne Booth' and")
    assert runs[1][0] == "Wayne Booth"
    assert runs[1][1][0][0] == "quotes"
    assert runs[1][1][0][1] != "inner"
    curly = parse_markup("after \u2018Wayne Booth\u2019 and")
    assert curly[1][1] == (("quotes", "inner"),)
