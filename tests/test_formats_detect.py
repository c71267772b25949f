"""Format detection and the reader registry."""

from __future__ import annotations

import pytest

from yalta_refs.errors import ConfigError, FormatError
from yalta_refs.formats import READ_FORMATS, read_format, write_format
from yalta_refs.formats.detect import detect_format
from yalta_refs.model import Library, Reference

from .seed_refs import seed_references

SEED = Library(seed_references("A vivid portrait of Stalin's inner circle."))
BIBTEX = "@book{a,\n  title = {T},\n  year = {2004},\n  address = {New York},\n}\n"
BIBLATEX = "@book{a,\n  title = {T},\n  date = {2004},\n  location = {New York},\n}\n"
RIS = "TY  - BOOK\r\nTI  - T\r\nER  - \r\n"
CSL = '[{"id": "a", "type": "book", "title": "T"}]'
LIST = "Montefiore, Simon Sebag. Stalin. New York: Knopf, 2004.\n"


@pytest.mark.parametrize(
    ("text", "filename", "fmt"),
    [
        pytest.param(BIBTEX, "refs.bib", "bibtex", id="bib-extension-bibtex"),
        pytest.param(BIBLATEX, "refs.bib", "biblatex", id="bib-extension-biblatex"),
        pytest.param("@online{a, title={T}}", "refs.BIB", "biblatex", id="online-type"),
        pytest.param("@book{a, date={2004-03-01}, year={2004}}", "r.bib", "bibtex",
                     id="date-next-to-year-is-bibtex"),
        pytest.param("@article{a, journaltitle={J}, year={2004}}", None, "biblatex",
                     id="journaltitle"),
        pytest.param("", "refs.bib", "bibtex", id="empty-bib"),
        pytest.param(RIS, "refs.ris", "ris", id="ris-extension"),
        pytest.param("anything", "refs.json", "csl-json", id="json-extension"),
        pytest.param(BIBTEX, None, "bibtex", id="bibtex-content"),
        pytest.param(BIBLATEX, "refs.txt", "biblatex", id="biblatex-content"),
        pytest.param("% JabRef\n\n" + BIBTEX, None, "bibtex", id="bibtex-after-comment"),
        pytest.param(RIS, None, "ris", id="ris-content"),
        pytest.param("\ufeff\r\n" + RIS, "export.txt", "ris", id="ris-bom-txt"),
        pytest.param("TY - JOUR\nER -", None, "ris", id="ris-one-space"),
        pytest.param(CSL, None, "csl-json", id="csl-array"),
        pytest.param('{"items": [{"type": "book"}]}', None, "csl-json", id="csl-items"),
        pytest.param("[]", None, "csl-json", id="empty-array"),
        pytest.param('[{"id": "a", "type": "book",}]', None, "csl-json", id="broken-csl-json"),
        pytest.param('{"name": "package", "version": "1"}', None, "text", id="other-json"),
        pytest.param("[1] Montefiore, Simon. Stalin. 2004.", None, "text", id="numbered-list"),
        pytest.param(LIST, None, "text", id="reading-list"),
        pytest.param(LIST, "list.md", "text", id="markdown-list"),
        pytest.param("Write to me@example.org {soon}", None, "text", id="email-brace"),
        pytest.param("", None, "text", id="empty"),
        pytest.param("\x00\x01\xff binary", "x.bin", "text", id="binary"),
        pytest.param("[" * 5000, None, "text", id="deep-brackets"),
        pytest.param(RIS + "\n" + BIBTEX, None, "ris", id="first-wins"),
    ],
)
def test_detect_format(text: str, filename: str | None, fmt: str) -> None:
    assert detect_format(text, filename) == fmt


@pytest.mark.parametrize(
    ("writer_fmt", "reader_fmt"),
    [
        pytest.param("bibtex", "bibtex", id="bibtex"),
        pytest.param("biblatex", "biblatex", id="biblatex"),
        pytest.param("ris", "ris", id="ris"),
        pytest.param("csl-json", "csl-json", id="csl-json"),
    ],
)
def test_our_output_is_detected_and_read(writer_fmt: str, reader_fmt: str) -> None:
    text = write_format(SEED, writer_fmt)
    assert detect_format(text) == reader_fmt
    back = read_format(text)
    assert [ref.title for ref in back] == [ref.title for ref in SEED]
    assert [ref.id for ref in back][:2] == ["montefiore2004stalin", "perlmutter1993fdr"]


def test_read_format_assigns_missing_and_clashing_keys() -> None:
    text = ("TY  - BOOK\nTI  - Stalin\nAU  - Montefiore, Simon\nPY  - 2004\nER  -\n"
            "TY  - BOOK\nID  - mykey\nTI  - A\nER  -\n"
            "TY  - BOOK\nID  - MyKey\nTI  - B\nER  -\n")
    ids = [ref.id for ref in read_format(text, "ris")]
    assert ids[0] == "montefiore2004stalin"
    assert ids[1] == "mykey"
    assert ids[2] not in ("", "MyKey")


def test_read_format_text_uses_the_cleaner() -> None:
    lib = read_format(LIST, source="list.txt")
    assert len(lib) == 1
    assert lib.references[0].publisher == "Knopf"
    lines = read_format("A. B. Title. 2001.\n\nC. D. Other. 2002.\n", "txt", lines=True)
    assert len(lines) == 3  # one reference per line, the empty one included


def test_read_format_aliases_and_errors() -> None:
    assert isinstance(read_format("[]", "json"), Library)
    assert READ_FORMATS == ("bibtex", "biblatex", "ris", "csl-json", "text")
    with pytest.raises(ConfigError, match="bibtex, biblatex, ris, csl-json, text"):
        read_format("", "endnote")
    with pytest.raises(FormatError):
        read_format("[{", "csl-json", source="x.json")


def test_read_format_keeps_imported_keys() -> None:
    lib = read_format("@book{Smith:2001, title={T}}", source="r.bib")
    assert [ref.id for ref in lib] == ["Smith:2001"]
    assert isinstance(lib.references[0], Reference)
