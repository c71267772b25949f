"""The cleaner: characters, markup and block splitting, table-driven."""

from __future__ import annotations

import pytest

from yalta_refs.clean import fix_line, split_blocks, split_lines, strip_markup
from yalta_refs.clean.markup import BREAK, CONTINUE


def _mojibake(text: str, times: int = 1) -> str:
    for _ in range(times):
        text = text.encode("utf-8").decode("cp1252", errors="replace")
    return text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Stalin&#8217;s", "Stalin’s", id="numeric-entity"),
        pytest.param("Stalin&amp;#8217;s", "Stalin’s", id="double-escaped"),
        pytest.param("Tom &amp;amp; Jerry", "Tom & Jerry", id="double-escaped-amp"),
        pytest.param("caf&eacute;&nbsp;au lait", "café au lait", id="named-entities"),
        pytest.param(_mojibake("Stalin’s café"), "Stalin’s café", id="mojibake-once"),
        pytest.param(
            _mojibake("Stalin’s café – naïve", 2), "Stalin’s café – naïve", id="mojibake-twice"
        ),
        pytest.param(_mojibake("“Quoted”"), "“Quoted”", id="mojibake-closing-quote"),
        pytest.param("plain ascii, untouched.", "plain ascii, untouched.", id="ascii"),
        pytest.param("zero\u200bwidth\u00a0space", "zerowidth space", id="odd-spaces"),
        pytest.param("pp. 125\u00ad140, infor\u00admation", "pp. 125\u2013140, information",
                     id="soft-hyphen-range-dash-word-break"),
        pytest.param("doi: 10.1016/0043- 1354(84)90246-X.", "doi: 10.1016/0043-1354(84)90246-X.",
                     id="doi-broken-after-hyphen"),
        pytest.param("www.x.gouv.qc.ca/bilan- retablissement-faucon.pdf]",
                     "www.x.gouv.qc.ca/bilan-retablissement-faucon.pdf]", id="link-broken"),
        pytest.param("http://naca.central. cranfield.ac.uk/reports/1954/r.pdf",
                     "http://naca.central.cranfield.ac.uk/reports/1954/r.pdf", id="host-broken"),
        pytest.param("doi: 10.1093/molbev /msu300.", "doi: 10.1093/molbev/msu300.",
                     id="doi-broken-before-slash"),
        pytest.param("10.1000/x / and more", "10.1000/x / and more",
                     id="doi-then-a-lone-slash-kept-apart"),
        pytest.param("www.site.org. www.other.org/x", "www.site.org. www.other.org/x",
                     id="two-links-kept-apart"),
        pytest.param("http://x.org/a- and http://x.org/ Center. 12-", "http://x.org/a- and "
                     "http://x.org/ Center. 12-", id="link-then-words-kept-apart"),
        pytest.param("Ä\u0308rger", "Ä\u0308rger", id="non-mojibake-unicode-kept"),
    ],
)
def test_fix_line(raw: str, expected: str) -> None:
    assert fix_line(raw) == expected


@pytest.mark.parametrize(
    ("line", "text", "removed"),
    [
        pytest.param(
            '  • citation-type="booksimple"',
            "  • " + BREAK,
            ('citation-type="booksimple"',),
            id="seed-opening",
        ),
        pytest.param(
            'xlink:type="simple">Ure, John.',
            BREAK + "Ure, John.",
            ('xlink:type="simple">',),
            id="seed-close",
        ),
        pytest.param(
            'ion citation-type="book" xlink:type="simple">Ure',
            BREAK + "Ure",
            ('ion citation-type="book" xlink:type="simple">',),
            id="cut-tag-name",
        ),
        pytest.param("<italic>Title</italic>.", "Title.", ("<italic>", "</italic>"), id="inline"),
        pytest.param(
            "<surname>Ure</surname><given-names>John</given-names>",
            "Ure John",
            ("<surname>", "</surname>", "<given-names>", "</given-names>"),
            id="inline-no-weld",
        ),
        pytest.param(
            "<li>One</li><li>Two</li>",
            f"{BREAK}One{BREAK}Two",
            ("<li>", "</li>", "<li>", "</li>"),
            id="block-tags",
        ),
        pytest.param("<h2>Sources</h2>Ure", f"{BREAK}Sources{BREAK}Ure", ("<h2>", "</h2>"),
                     id="heading-close-breaks"),
        pytest.param("<note><p>Good.</p></note>", f"{CONTINUE}Good.",
                     ("<note>", "<p>", "</p>", "</note>"), id="note-continues"),
        pytest.param('a x="y" b', 'a x="y" b', (), id="attribute-in-prose-kept"),
        pytest.param("5 < 6 and 7 > 3", "5 < 6 and 7 > 3", (), id="comparison-kept"),
        pytest.param("* Judt, T. (2005). *Postwar*. Penguin. **Highly recommended.**",
                     "* Judt, T. (2005). Postwar. Penguin. Highly recommended.",
                     ("**", "****"), id="markdown-emphasis-bullet-kept"),
        pytest.param("_Postwar_, <i>A History</i>", "Postwar, A History", ("__", "<i>", "</i>"),
                     id="markdown-and-tags"),
        pytest.param("http://x.org/a_b_c, snake_case, 2 * 3 * 4", "http://x.org/a_b_c, "
                     "snake_case, 2 * 3 * 4", (), id="underscores-and-stars-in-words-kept"),
    ],
)
def test_strip_markup(line: str, text: str, removed: tuple[str, ...]) -> None:
    result = strip_markup(line)
    assert (result.text, result.removed) == (text, removed)


REF_A = "Ure, John. The Cossacks: An Illustrated History. New York: Penguin Books, 2002."
REF_B = "Seaton, Albert. The Horsemen of the Steppes. New York: Hippocrene Books, 1985."
REF_C = "Tolstoy, Nikolai. The Secret Betrayal. New York: Scribner, 1978. A careful account."


def _texts(raw: str) -> list[str]:
    """Each block's whole text: the reference and any annotation set under it."""
    return [b.full_text for b in split_blocks(raw)[0]]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param(f"{REF_A}\n{REF_B}\n{REF_C}\n", [REF_A, REF_B, REF_C], id="one-per-line"),
        pytest.param(f"{REF_A}\r\n\r\n{REF_B}\r\n", [REF_A, REF_B], id="crlf-blank-lines"),
        pytest.param(f"• {REF_A}\n• {REF_B}\n", [REF_A, REF_B], id="bullets"),
        pytest.param(
            f"1. {REF_A}\n2) {REF_B}\n[3] {REF_C}\n", [REF_A, REF_B, REF_C], id="numbering"
        ),
        pytest.param(
            "Ure, John. The Cossacks: An Illustrated History. New York: Penguin\n"
            "Books, 2002. An accessible history of the Cossacks, with maps and a long\n"
            "bibliography of Russian sources.\n"
            f"{REF_B}\n",
            [
                REF_A[:-1] + ". An accessible history of the Cossacks, with maps and a long "
                "bibliography of Russian sources.",
                REF_B,
            ],
            id="hard-wraps",
        ),
        pytest.param(
            f'{REF_A} citation-type="booksimple" xlink:type="simple">{REF_B}',
            [REF_A, REF_B],
            id="run-together-by-residue",
        ),
        pytest.param(
            f"<ul><li><i>{REF_A}</i></li><li>{REF_B}</li></ul>", [REF_A, REF_B], id="html-list"
        ),
        pytest.param(
            f"Article text about the war, written in 1990 by someone. It goes on.\n\n"
            f"Further Reading\n{REF_A}\n{REF_B}\n\nSee also\nYalta Conference\n"
            "Categories: History\n",
            [REF_A, REF_B],
            id="heading-and-furniture",
        ),
        pytest.param(f'simple">{REF_A}\nsimple">{REF_B}\n', [REF_A, REF_B],
                     id="cut-attribute-value"),
        pytest.param(
            "In February 1945 the three leaders gathered at Yalta and agreed on the occupation "
            "of Germany and on elections in Poland.\n\nWeb Sites\n"
            f"{REF_A}\n{REF_B}\n",
            [REF_A, REF_B], id="prose-and-unlisted-heading",
        ),
        pytest.param(
            "Courtois, Stéphane, et al. The Black Book of Communism: Crimes,\n"
            "Terror, Repression. Translated by Jonathan Murphy and Mark Kramer.\n"
            "Cambridge, Mass.: Harvard University Press, 1999.\n",
            ["Courtois, Stéphane, et al. The Black Book of Communism: Crimes, Terror, Repression. "
             "Translated by Jonathan Murphy and Mark Kramer. Cambridge, Mass.: Harvard University "
             "Press, 1999."],
            id="wrapped-imprint-is-not-a-new-reference",
        ),
        pytest.param(
            "Tuchman, Barbara W. Stilwell and the American Experience in China. New York:\n"
            "Macmillan, 1971. A biography.\n"
            "———. A Distant Mirror: The Calamitous 14th Century. New York: Knopf,\n"
            "1978. Built around the life of a nobleman.\n",
            ["Tuchman, Barbara W. Stilwell and the American Experience in China. New York: "
             "Macmillan, 1971. A biography.",
             "———. A Distant Mirror: The Calamitous 14th Century. New York: Knopf, 1978. Built "
             "around the life of a nobleman."],
            id="wrapped-year-is-not-a-list-number",
        ),
        pytest.param(
            "National Commission on Terrorist Attacks upon the United States. The 9/11 Commission "
            "Report. New York: W. W. Norton, 2004. Unusually readable for an official report.\n"
            "National Security Council. NSC 68: United States Objectives and Programs for National "
            "Security. Washington, D.C., April 14, 1950. A secret policy paper.\n",
            ["National Commission on Terrorist Attacks upon the United States. The 9/11 Commission "
             "Report. New York: W. W. Norton, 2004. Unusually readable for an official report.",
             "National Security Council. NSC 68: United States Objectives and Programs for "
             "National Security. Washington, D.C., April 14, 1950. A secret policy paper."],
            id="long-lines-one-reference-each",
        ),
        pytest.param(f"<p>{REF_A}<br>A careful and readable history.</p><p>{REF_B}</p>",
                     [f"{REF_A} A careful and readable history.", REF_B],
                     id="br-before-annotation"),
        pytest.param(f"{REF_A}<br>\n{REF_B}<br>\n", [REF_A, REF_B], id="br-between-references"),
        pytest.param(f"<dl><dt>{REF_A}</dt><dd>A careful history.</dd>\n<dt>{REF_B}</dt></dl>",
                     [f"{REF_A} A careful history.", REF_B], id="definition-list"),
        pytest.param(f"{REF_A}\n    A careful and readable history of the hosts.\n{REF_B}\n",
                     [f"{REF_A} A careful and readable history of the hosts.", REF_B],
                     id="indented-annotation-line"),
        pytest.param(f"{REF_A}\n\nA careful and readable history of the hosts.\n\n{REF_B}\n",
                     [f"{REF_A} A careful and readable history of the hosts.", REF_B],
                     id="annotation-paragraph-between-references"),
        pytest.param(f"Primary sources\n{REF_A}\n\nSecondary sources\n{REF_B}\n",
                     [REF_A, REF_B], id="subheadings-inside-the-list"),
        pytest.param(f"<citation>{REF_A}</citation>\nA good read.\n<citation>{REF_B}</citation>",
                     [f"{REF_A} A good read.", REF_B], id="annotation-on-line-after-closing-tag"),
        pytest.param(f"<citation>{REF_A}</citation> A good read.\n<citation>{REF_B}</citation>",
                     [f"{REF_A} A good read.", REF_B], id="annotation-after-closing-tag"),
        pytest.param(f"<ref><mixed-citation>{REF_A}</mixed-citation>\n<note><p>Good.</p></note>"
                     f"</ref>\n<ref><mixed-citation>{REF_B}</mixed-citation></ref>",
                     [f"{REF_A} Good.", REF_B], id="jats-note-continues"),
        pytest.param(
            f"{REF_A}\n———. Another Book. London: Macmillan, 1990.\n",
            [REF_A, "———. Another Book. London: Macmillan, 1990."],
            id="repeat-author",
        ),
    ],
)
def test_split_blocks(raw: str, expected: list[str]) -> None:
    assert _texts(raw) == expected


def test_split_blocks_reports_every_discard_with_reason_and_line() -> None:
    raw = (
        "Some article text that ends in 1945. And more words.\n"
        "\n"
        "Bibliography\n"
        f'• citation-type="booksimple"\n\nxlink:type="simple">{REF_A}\n'
        "\n"
        "World War II: European Theater\n"
        "\n"
        "[kw]Yalta Conference (1945)\n"
        "Categories: History\n"
    )
    blocks, discarded = split_blocks(raw, source="in.txt")
    assert [b.text for b in blocks] == [REF_A]
    assert blocks[0].span.file == "in.txt"
    assert blocks[0].span.line == 6
    found = {(d.text, d.reason, d.span.line if d.span else None) for d in discarded}
    assert ("Bibliography", "heading", 3) in found
    assert ("Categories: History", "page furniture after the reading list", 11) in found
    assert ('citation-type="booksimple"', "markup", 4) in found
    assert any(t.startswith("World War II") and r.startswith("page furniture") for t, r, _ in found)
    assert any(t.startswith("[kw]") for t, _, _ in found)
    assert any(r == "article text before the reading list" for _, r, _ in found)


def test_split_lines_gives_one_block_per_line_even_when_empty() -> None:
    blocks, _ = split_lines(f"{REF_A}\n\n<i>{REF_B}</i>\n")
    assert [b.text for b in blocks] == [REF_A, "", REF_B]
    assert [b.span.line for b in blocks] == [1, 2, 3]


JATS = """<ref-list><title>References</title>
<ref id="r1">
<element-citation publication-type="book">
  <person-group person-group-type="author"><name><surname>Carson</surname>
  <given-names>Rachel</given-names></name></person-group>
  <source>Silent Spring</source><publisher-loc>Boston</publisher-loc>
  <publisher-name>Houghton Mifflin</publisher-name><year>1962</year>
  <date-in-citation>cited 2020</date-in-citation>
</element-citation>
<note><p>First published in 1962; it started a movement.</p></note>
</ref>
<ref id="r2"><element-citation publication-type="journal"><person-group><name>
<surname>Hardin</surname><given-names>Garrett</given-names></name></person-group>
<article-title>The Tragedy of the Commons</article-title><source>Science</source>
<year>1968</year><volume>162</volume><issue>3859</issue><fpage>1243</fpage>
<lpage>1248</lpage><pub-id pub-id-type="doi">10.1126/science.162.3859.1243</pub-id>
</element-citation></ref>
<ref id="r3"><element-citation publication-type="book"><source>Broken &amp; <bad></source>
</element-citation></ref>
</ref-list>
"""


def test_element_citations_are_read_tag_by_tag() -> None:
    from yalta_refs import clean_text

    library = clean_text(JATS, source="refs.xml")
    carson, hardin = library[0], library[1]
    assert (carson.type, carson.title, carson.publisher, carson.publisher_place) == (
        "book", "Silent Spring", "Houghton Mifflin", "Boston")
    assert carson.author[0].family == "Carson" and carson.issued is not None
    assert carson.annotation == "First published in 1962; it started a movement."
    assert carson.note == "date-in-citation: cited 2020"  # unmapped tags are kept
    assert carson.span is not None and carson.span.line == 3
    assert (hardin.type, hardin.container_title, hardin.page, hardin.DOI) == (
        "article-journal", "Science", "1243-1248", "10.1126/science.162.3859.1243")
    assert "Hardin Garrett The Tragedy of the Commons" in (hardin.source_text or "")
    # a malformed element falls back to the text route: its words are not lost
    texts = [r.source_text or "" for r in library] + [d.text for d in library.discarded]
    assert any("Broken" in t for t in texts)


ANNOTATED_BIBLIOGRAPHY = """\
Annotated Bibliography

Ehrenreich, B. (2001). Nickel and dimed: On (not) getting by in America. Henry Holt and Company.
    In this book of nonfiction based on the journalist's experiential research, Ehrenreich \
attempts to ascertain whether it is currently possible for an individual to live on a \
minimum wage in America.
Lamott, A. (1994). Bird by bird: Some instructions on writing and life. Anchor Books.
    Lamott's book offers honest advice on the nature of a writing life. Taking a humorous \
approach to the realities of being a writer, the chapters are wry and anecdotal.
Smith, J. (2019). Reading habits. Journal of Literacy Research, 51(2), 145–167. \
https://doi.org/10.1177/1086296X19833299
    The authors surveyed 1,200 students in three countries. Useful for its data on screen \
reading.
"""


def test_an_annotation_set_under_its_reference_is_kept_apart_from_it() -> None:
    blocks, _ = split_blocks(ANNOTATED_BIBLIOGRAPHY)
    assert [b.text.split(".")[0] for b in blocks] == ["Ehrenreich, B", "Lamott, A", "Smith, J"]
    assert blocks[0].text.endswith("Henry Holt and Company.")
    assert blocks[1].annotation is not None
    assert blocks[1].annotation.startswith("Lamott's book offers honest advice")
    assert blocks[2].text.endswith("1086296X19833299")
    assert blocks[2].annotation is not None
    assert blocks[2].annotation.startswith("The authors surveyed")
    assert blocks[2].full_text.endswith("screen reading.")


def test_the_parsed_reference_gets_the_annotation_set_under_it() -> None:
    from yalta_refs.pipeline import clean_text

    lamott = clean_text(ANNOTATED_BIBLIOGRAPHY, parser="rules").references[1]
    assert lamott.title == "Bird by bird: Some instructions on writing and life"
    assert lamott.publisher == "Anchor Books"
    assert lamott.annotation is not None and lamott.annotation.startswith("Lamott's book")
    assert lamott.source_text is not None and lamott.source_text.endswith("wry and anecdotal.")


def test_wrapped_lines_under_a_reference_stay_in_it() -> None:
    # hanging indent, lines wrapped at the same width: continuation, not annotation
    text = ("Ehrenreich, Barbara, and Jane Smith-Jones. 2001. Nickel and Dimed: On Getting\n"
            "    By in America. Written with the help of many friends and colleagues.\n"
            "    New York: Henry Holt and Company.\n"
            "Lamott, Anne. 1994. Bird by Bird: Some Instructions on Writing and Life. New\n"
            "    York: Anchor Books.\n")
    blocks, _ = split_blocks(text)
    assert len(blocks) == 2
    assert [b.annotation for b in blocks] == [None, None]
    assert blocks[0].text.endswith("New York: Henry Holt and Company.")


@pytest.mark.parametrize("heading", ["Bibliographie", "Literaturverzeichnis", "Literatur",
                                     "Références bibliographiques", "Pour en savoir plus",
                                     "Bibliografía", "Riferimenti bibliografici",
                                     "Weiterführende Literatur", "Referências"])
def test_a_list_heading_in_another_language_opens_the_list(heading: str) -> None:
    # one reference a line, short lines: "NAME, Given, 1978." opens a new one (ISO 690)
    text = (f"{heading}\nBRAUDEL, Fernand, 1949. La Méditerranée. Paris : Armand Colin.\n"
            "FURET, François, 1978. Penser la Révolution française. Paris : Gallimard.\n")
    blocks, discarded = split_blocks(text)
    assert [b.text.split(",")[0] for b in blocks] == ["BRAUDEL", "FURET"]
    assert [(d.text, d.reason) for d in discarded] == [(heading, "heading")]


def test_gost_and_chinese_references_are_one_a_line() -> None:
    # short lines after the longest one: not one reference wrapped at the margin
    text = ("Zhang Y, Li M. Deep learning for image recognition[J]. Journal of Computer "
            "Science, 2019, 34(2): 112-120.\n"
            "王小明. 中国近代史[M]. 北京: 人民出版社, 2008.\n"
            "李华, 张伟, 等. 基于深度学习的图像识别研究[J]. 计算机学报, 2020, 43(5): 1-15.\n"
            "Иванов И. И. История России. М.: Наука, 2005. 320 с.\n"
            "Петров П. П., Сидоров С. С. Реформы // Вопросы истории. 1990. № 3.\n")
    blocks, _ = split_blocks(text)
    assert [b.text[:3] for b in blocks] == ["Zha", "王小明", "李华,", "Ива", "Пет"]


def test_references_set_off_by_commas_only_are_one_a_line() -> None:
    # lines of like length, each ending with its year: not one hard-wrapped reference
    text = ("Bibliografia\n"
            "Chabod, Federico, Storia della politica estera italiana dal 1870 al 1896, Bari, "
            "Laterza, 1951.\n"
            "Salvemini, Gaetano, La politica estera dell'Italia dal 1871 al 1915, Firenze, "
            "Barbèra, 1944.\n"
            "Romeo, Rosario, Cavour e il suo tempo, 3 voll., Roma-Bari, Laterza, 1969-1984.\n"
            "Smith, John, A History of the World, London, Macmillan, 1990.\n")
    blocks, _ = split_blocks(text)
    assert [b.text.split(",")[0] for b in blocks] == ["Chabod", "Salvemini", "Romeo", "Smith"]
    # a wrapped line that goes on after a year is still joined
    text = ("Smith, John. A History of the World, vol. 2, 1500 to\n"
            "1990. London, Macmillan, 1990.\n")
    assert len(split_blocks(text)[0]) == 1
