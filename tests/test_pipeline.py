"""The pipeline: whole inputs, nothing lost, one bad reference never aborts a batch."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import yalta_refs
from yalta_refs.clean import fix_line
from yalta_refs.model import Library, Reference
from yalta_refs.pipeline import DEFAULT_STAGES, clean_text, per_reference, run_stages

from .conftest import SEED

GOLD = Path(__file__).parent / "corpus" / "seed.gold.json"
GOOD = "Ure, John. The Cossacks. New York: Penguin Books, 2002. A lively history."


def _words(text: str) -> list[str]:
    # underscores around a word are Markdown emphasis ("__0__", "_Title_"), which
    # cleaning removes and reports as markup: the word is what they enclose
    return [w.strip("_") for w in re.findall(r"\w+", text.lower()) if w.strip("_")]


def _accounted(library: Library) -> set[str]:
    words: set[str] = set()
    for ref in library:
        for _, value in ref.items():
            if isinstance(value, tuple):
                words.update(w for n in value for w in _words(n.display()))
            else:
                words.update(_words(str(value)))
        words.update(_words(ref.note or ""))
    for d in library.discarded:
        words.update(_words(d.text))
    return words


def test_seed_gives_the_six_gold_references(shared_dir: Path) -> None:
    library = clean_text(SEED.read_text(encoding="utf-8"), source=str(SEED))
    got = [yalta_refs.reference_to_csl(r) for r in library]
    for item in got:
        item.pop("id")
    assert got == json.loads(GOLD.read_text(encoding="utf-8"))["references"]


def test_seed_words_are_all_accounted_for(shared_dir: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    library = clean_text(text)
    labels = {"translated", "by"}
    missing = set(_words(text)) - _accounted(library) - labels
    assert missing == set()


@settings(max_examples=60, deadline=None)
@example(["__0__"])  # Markdown emphasis around a word: found by Hypothesis
@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
        max_size=6,
    )
)
def test_arbitrary_text_never_raises_and_keeps_its_words(lines: list[str]) -> None:
    text = "\n".join(lines)
    library = clean_text(text)
    kept = _accounted(library) | {w for r in library for w in _words(r.source_text or "")}
    # the words as each line reads once entities and mojibake are repaired
    visible = {w for line in re.split(r"\r\n|\r|\n", text) for w in _words(fix_line(line))}
    assert visible - kept == set()


@pytest.mark.parametrize("bad", ["", "   ", "\x00", "<<<>>>", "———.", "1.", "(2000)."])
def test_bad_block_between_good_ones_does_not_abort(bad: str) -> None:
    library = clean_text(f"{GOOD}\n{bad}\n{GOOD}\n", lines=True)
    assert len(library) == 3
    assert library[0].title == library[2].title == "The Cossacks"


def test_failing_stage_is_caught_per_reference() -> None:
    def explode(ref: Reference) -> Reference:
        if ref.title == "Boom":
            raise ValueError("cannot handle this one")
        return ref

    library = clean_text(f"{GOOD}\nDoe, Jane. Boom. London: Macmillan, 1990.\n")
    library = run_stages(library, [per_reference(explode, "explode")])
    assert [d.code for d in library[1].diagnostics] == ["explode"]
    assert library[0].diagnostics == ()


def test_repeat_author_takes_the_names_above() -> None:
    library = clean_text(f"{GOOD}\n———. Another Book. London: Macmillan, 1990.\n")
    assert library[1].author == library[0].author


@pytest.mark.parametrize("lines", [False, True])
def test_repeat_dashes_with_a_role_take_the_names_in_that_role(lines: bool) -> None:
    text = (f"{GOOD}\n———, ed. Book Two. London: Verso, 1995.\n"
            "———, trans. Book Three. London: Verso, 1996.\n"
            "———. Book Four. London: Verso, 1997.\n")
    library = clean_text(text, lines=lines)
    first = library[0].author
    assert (library[1].editor, library[1].author) == (first, ())
    assert (library[2].translator, library[2].author) == (first, ())
    assert library[3].author == first  # plain dashes: the author, whatever the role above
    assert all("ed." not in str(r.author) for r in library)


def test_a_second_reference_on_the_line_is_split_and_takes_the_names() -> None:
    line = ("Keegan, John. The Mask of Command. New York: Viking, 1987. ——. The Face of "
            "Battle. London: Cape, 1976.\n")
    library = clean_text(line)
    assert [r.title for r in library] == ["The Mask of Command", "The Face of Battle"]
    assert library[1].author == library[0].author and not library[0].annotation
    assert [r.span.line for r in library if r.span] == [1, 1]
    # one reference per line: kept as one, and said so
    (ref,) = clean_text(line, lines=True)
    assert "second-reference-on-the-line" in [d.code for d in ref.diagnostics]
    # a dash that sets an annotation apart, and a single em dash, are no second reference
    for text in ("Ure, John. The Cossacks. New York: Penguin, 2002. – A lively history.\n",
                 "Ure, John. The Cossacks. New York: Penguin, 2002. — Lively, and short.\n"):
        assert len(clean_text(text)) == 1
        assert "second-reference-on-the-line" not in [
            d.code for d in clean_text(text, lines=True)[0].diagnostics]


def test_default_stages_are_replaceable() -> None:
    library = clean_text(GOOD, stages=())
    assert library[0].id == ""
    assert clean_text(GOOD, stages=DEFAULT_STAGES)[0].id == "ure2002cossacks"


# A reading list in APA style: the rules, made for encyclopedia lists, misread it.
APA_LIST = """\
Okafor, N., Lindqvist, B., & van Dalen, C. (2015). Tidal marshes and their birds: a field \
guide (2nd ed.). Harbour Press. https://example.org/marsh

Moreau, A., & de Souza, R. (1998). Salt and the early modern state (K. Weiss & P. Lund, \
Trans.). In P. Brandt & R. Ilves (Eds.), Taxes in Northern Europe (pp. 41–67). Baltic \
University Press.

Tanaka, H. (2009). Nesting success of redshanks on grazed saltmarsh. Journal of Coastal \
Birds, 14(2), 113–129.
"""


def test_a_list_in_another_style_is_read_by_the_crf_as_a_whole() -> None:
    rules = clean_text(APA_LIST, parser="rules")
    assert [r.title for r in rules][:2] == ["C", "R"]  # what the rules make of it
    book, chapter, article = clean_text(APA_LIST)  # "auto"
    assert book.title == "Tidal marshes and their birds: a field guide"
    assert (book.edition, book.publisher) == ("2", "Harbour Press")
    assert [(n.non_dropping_particle, n.family) for n in book.author][2] == ("van", "Dalen")
    assert chapter.title == "Salt and the early modern state"
    assert [n.display() for n in chapter.translator] == ["K. Weiss", "P. Lund"]
    assert [n.display() for n in chapter.editor] == ["P. Brandt", "R. Ilves"]
    assert (chapter.container_title, chapter.page) == ("Taxes in Northern Europe", "41-67")
    # the third reference the rules read right; it goes with its list all the same
    assert (article.container_title, article.volume, article.issue) == (
        "Journal of Coastal Birds", "14", "2")


def test_the_reading_that_explains_more_of_the_reference_scores_higher() -> None:
    from yalta_refs.model import Name
    from yalta_refs.pipeline import _reading_score

    text = "Doe, Jane. Boom. London: Macmillan, 1990."
    parsed = Reference(title="Boom", author=(Name(family="Doe", given="Jane"),),
                       publisher="Macmillan", publisher_place="London")
    in_the_note = Reference(title="Boom", note="Doe, Jane. London: Macmillan, 1990.")
    assert _reading_score(parsed) > _reading_score(in_the_note)
    assert _reading_score(Reference(title="Boom", annotation=text)) == \
        _reading_score(Reference(title="Boom"))


def test_a_reading_that_ran_the_imprint_into_the_title_scores_lower() -> None:
    from yalta_refs.model import Date, Name
    from yalta_refs.pipeline import _reading_score

    author = (Name(family="Nilsson", given="I."),)
    swallowed = Reference(author=author, title="A Revision of the Camphorosmioideae. Warner "
                          "Bros. Pictures, 1994. Compares Agincourt, Waterloo, and the Somme")
    read = Reference(author=author, title="A Revision of the Camphorosmioideae",
                     publisher="Warner Bros. Pictures", issued=Date(((1994,),)),
                     annotation="Compares Agincourt, Waterloo, and the Somme.")
    assert _reading_score(read) > _reading_score(swallowed)
    # a title that names a year is no imprint run into it when the date was found
    dated = Reference(author=author, title="Postwar: Europe since 1945", issued=Date(((2005,),)))
    assert _reading_score(dated) == _reading_score(dated.with_fields(title="Postwar: Europe "
                                                                           "since then"))


MLA_ANNOTATED = """\
Works Cited

Lamott, Anne. Bird by Bird: Some Instructions on Writing and Life. Anchor Books, 1995.

Lamott's book offers honest advice on the nature of a writing life, complete with its \
insecurities and failures.

Garrard, Greg. Ecocriticism. 2nd ed., Routledge, 2012.

A clear introduction to the field, organized by theme rather than by period.

Bartholomae, David. "Inventing the University." Journal of Basic Writing, vol. 5, no. 1, \
1986, pp. 4-23.

The essay that every composition student meets sooner or later.
"""


def test_an_annotated_bibliography_keeps_each_annotation_apart() -> None:
    library = clean_text(MLA_ANNOTATED)
    lamott, garrard, bartholomae = library.references
    assert lamott.annotation is not None and lamott.annotation.startswith("Lamott's book")
    assert garrard.annotation == ("A clear introduction to the field, organized by theme "
                                  "rather than by period.")
    # the reference's own text holds no annotation, so "2nd ed., Routledge, 2012." is
    # the edition, publisher and date (the rules read it as prose; the CRF does not)
    assert (garrard.edition, garrard.publisher) == ("2", "Routledge")
    assert garrard.issued is not None and garrard.issued.year == 2012
    # the last annotation too: every reference before it had one set under it
    assert bartholomae.annotation == "The essay that every composition student meets sooner " \
        "or later."
    assert [d.text for d in library.discarded] == ["Works Cited"]


DIN_LIST = """\
Literatur
- Nipperdey, Thomas: Deutsche Geschichte 1800–1866. Bürgerwelt und starker Staat. München: \
Beck, 1983.
- Evans, Richard J.: Das Dritte Reich. Übers. von Holger Fliessbach. München: DVA, 2004.
- Wehler, Hans-Ulrich: Deutsche Gesellschaftsgeschichte. München: C. H. Beck, 2003. \
Standardwerk.
"""


def test_a_german_list_whose_names_the_rules_read_as_titles_goes_to_the_crf() -> None:
    rules = clean_text(DIN_LIST, parser="rules")
    assert not rules.references[0].author  # the rules: "Nipperdey, Thomas: …" is the title
    nipperdey, evans, wehler = clean_text(DIN_LIST).references
    assert [n.family for n in nipperdey.author] == ["Nipperdey"]
    assert nipperdey.title == "Deutsche Geschichte 1800–1866. Bürgerwelt und starker Staat"
    assert [n.family for n in evans.translator] == ["Fliessbach"]
    assert (wehler.publisher, wehler.annotation) == ("C. H. Beck", "Standardwerk.")


def test_a_crf_reading_with_no_title_gives_way_to_a_rules_reading_that_lost_nothing() -> None:
    from yalta_refs.model import Date, Name
    from yalta_refs.pipeline import _untitled

    crf = Reference(id="c", type="book", issued=Date(parts=((2004,),)),
                    author=(Name(family="Morrison", given="Toni. Beloved. Vintage"),))
    rules = Reference(id="r", type="book", title="Beloved", publisher="Vintage",
                      issued=Date(parts=((2004,),)),
                      author=(Name(family="Morrison", given="Toni"),))
    assert _untitled(rules, crf)
    # the CRF found a link the rules did not: kept
    assert not _untitled(rules, crf.with_fields(URL="https://example.org/b"))
    # the CRF found an annotation (a reference of names only, then prose): kept
    assert not _untitled(rules, crf.with_fields(annotation="A poet's translation."))
    # the CRF found a journal: an article cited without its title, kept
    assert not _untitled(rules, crf.with_fields(container_title="Phys. Rev."))
    # nothing but a note (a footnote, no reference): kept
    note = Reference(id="n", type="book", note="In order to obtain the entropy …")
    assert not _untitled(rules, note)


def test_one_reference_a_line_in_auto_is_read_by_the_crf_then_checked() -> None:
    library = clean_text("Morrison, Toni. Beloved. Vintage, 2004.\n"
                         "S. Weinberg, Phys. Rev. Lett. 19, 1264 (1967).\n", lines=True)
    first, second = library.references
    assert (first.title, first.publisher) == ("Beloved", "Vintage")
    assert (second.title, second.container_title) == (None, "Phys. Rev. Lett.")


def test_a_link_or_doi_wrapped_across_lines_is_joined_again() -> None:
    lib = clean_text(
        "Rebhun, M. (1984). Contact flocculation. Water Research, 18(8), 963. "
        "https://doi.org/10.1016/0043-\n1354(84)90246-X\n\n"
        "Roe, A. (2001). A report. Available at http://example.org/reports/\n2001/roe.pdf\n")
    assert [(r.DOI, r.URL) for r in lib.references] == [
        ("10.1016/0043-1354(84)90246-X", None), (None, "http://example.org/reports/2001/roe.pdf")]


def test_with_fields_copies_as_dataclasses_replace_does() -> None:
    from dataclasses import FrozenInstanceError, replace

    ref = Reference(title="A", volume="1", extra={"k": "v"})
    copy = ref.with_fields(title="B", issue="2")
    assert copy == replace(ref, title="B", issue="2")
    assert (ref.title, ref.issue) == ("A", None)  # the original is untouched
    assert copy.extra is ref.extra  # a shallow copy, as replace makes
    with pytest.raises(FrozenInstanceError):
        copy.title = "C"  # type: ignore[misc]
    with pytest.raises(TypeError, match="no field 'bogus'"):
        ref.with_fields(bogus=1)
