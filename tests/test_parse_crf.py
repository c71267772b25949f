"""The CRF parser: tokens, features, labels -> fields, the shipped model, the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from yalta_refs.cli import cli
from yalta_refs.parse.crf.assemble import assemble, parse_names
from yalta_refs.parse.crf.data import Labelled, token_labels
from yalta_refs.parse.crf.features import features, shape
from yalta_refs.parse.crf.tagger import MODEL_PATH, parse_crf
from yalta_refs.parse.crf.tokens import tokenize
from yalta_refs.parse.fields import split_gbt_dates, split_type_marker

ROOT = Path(__file__).resolve().parent.parent
RATCHET = ROOT / "tests" / "parser_known_failures.json"
needs_model = pytest.mark.skipif(not MODEL_PATH.is_file(), reason="no CRF model file")


# --------------------------------------------------------------------------- tokens, features


def test_tokens_keep_punctuation_as_context() -> None:
    tokens = tokenize("Doll R. Br Med J. 1950;2(4682):739-48. doi:10.1136/bmj.2.4682.739")
    assert [t.text for t in tokens] == [
        "Doll", "R", "Br", "Med", "J", "1950", "2", "4682", "739", "48", "doi",
        "10.1136/bmj.2.4682.739"]
    assert tokens[5].after == ";" and tokens[7].before == "(" and tokens[7].after == "):"


def test_urls_are_one_token_without_closing_punctuation() -> None:
    tokens = tokenize("Available at: https://example.org/a?b=1.")
    assert tokens[-1].text == "https://example.org/a?b=1"


def test_a_capital_glued_to_a_number_is_its_own_token() -> None:
    tokens = tokenize("Phys. Rev. D94 (2016) 094008; Tisserand P2015 ApJL; H2O, CD4, B12, "
                      "v2, McCarthy")
    assert [t.text for t in tokens] == [
        "Phys", "Rev", "D", "94", "2016", "094008", "Tisserand", "P", "2015", "ApJL", "H2O",
        "CD4", "B", "12", "v2", "McCarthy"]
    assert tokens[3].before == "" and "glued0" in features(tokens)[3]


def test_features_mark_abbreviated_journals_numbers_and_the_first_year() -> None:
    tokens = tokenize("A. G. Riess et al., Astron. J. 116, 1009 (1998). Nature")
    by_word = {t.text: f for t, f in zip(tokens, features(tokens), strict=True)}
    assert "abbrrun" in by_word["Astron"] and "abbrrun" in by_word["J"]
    assert "nctx=A.N,N" in by_word["116"] and "nctx=N,N(Y" in by_word["1009"]
    assert ("yr<" in by_word["Riess"] and "yr=" in by_word["1998"]
            and "yr>" in by_word["Nature"])


@pytest.mark.parametrize(("word", "expected"), [
    pytest.param("Smith", "Xx", id="capitalised"), pytest.param("NASA", "X", id="caps"),
    pytest.param("J", "X1", id="initial"), pytest.param("1999", "d4", id="year"),
    pytest.param("2nd", "dx", id="ordinal"), pytest.param("and", "x", id="lower"),
])
def test_shape(word: str, expected: str) -> None:
    assert shape(word) == expected, shape(word)


def test_features_mark_years_initials_word_lists_and_context() -> None:
    tokens = tokenize("Smith, J. (Ed.). 1999. Title. In: Book. Paris: Gallimard, pp. 3-5.")
    feats = features(tokens)
    by_word = {t.text: f for t, f in zip(tokens, feats, strict=True)}
    assert "initial." in by_word["J"]
    assert "year" in by_word["1999"]
    assert "L=role" in by_word["Ed"] and "paren" in by_word["Ed"]
    assert "L=place" in by_word["Paris"] and "L=publisher" in by_word["Gallimard"]
    assert "L=page" in by_word["pp"]
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert "-1:w=smith" in by_word["J"]
    assert features(tokens) == feats  # deterministic


# --------------------------------------------------------------------------- training labels


def test_token_labels_follow_spans_and_split_anystyle_issues() -> None:
    item = Labelled("")
    pieces = [("Doe, J.", "author"), ("Title.", "title"), ("Journal,", "container-title"),
              ("36(4),", "volume"), ("1-9.", "pages")]
    for piece, label in pieces:
        item.add(" ", None)
        item.add(piece, label)
    tokens, labels = token_labels(item.finish(), issue_in_volume=True)
    assert list(zip([t.text for t in tokens], labels, strict=True)) == [
        ("Doe", "author"), ("J", "author"), ("Title", "title"), ("Journal", "container-title"),
        ("36", "volume"), ("4", "issue"), ("1", "pages"), ("9", "pages")]


def test_synthetic_labels_a_page_word_like_a_style_word_not_an_initial() -> None:
    from yalta_refs.parse.crf.synth import label_rendered

    record = {"author": [{"family": "Krüger", "given": "Stephen"}], "title": "Title words",
              "container-title": "Arerugi", "page": "431-453",
              "issued": {"date-parts": [[1988]]}}
    item = label_rendered("KRÜGER, Stephen, 1988. Title words. Arerugi. S. 431–453",
                          record, "test")
    tokens, labels = token_labels(item)
    assert [lab for t, lab in zip(tokens, labels, strict=True) if t.text == "S"] == ["pages"]
    s_at = item.text.index("S. 431")
    assert not any(start == s_at for start, _, _ in item.gold or [])  # no field value


def test_abbreviated_journal_titles_for_training() -> None:
    from yalta_refs.parse.crf.synth import abbreviate

    assert abbreviate("Physical Review Letters") == "Phys. Rev. Lett."
    assert abbreviate("Journal of the American Chemical Society", periods=False) == \
        "J Am Chem Soc"
    assert abbreviate("Cortex") == "Cortex"


def _cs_pools() -> dict[str, list[str]]:
    return {
        "title": ["Learning to rank documents", "Fast parsing of references"],
        "journal": ["Machine Learning"], "book": ["Handbook of Parsing"],
        "proceedings": ["Proceedings of the International Conference on Knowledge Discovery",
                        "Advances in Neural Information Processing Systems"],
        "publisher": ["Morgan Kaufmann", "MIT Press"], "university": ["Stanford University"],
        "place": ["Cambridge, MA"], "series": ["Lecture Notes"],
        "family": ["Smith", "Lee", "Roe"], "given": ["Anna", "Karl"],
        "corporate": ["UNESCO"],
    }


def test_computer_science_flavour_gives_proceedings_reports_and_months() -> None:
    from yalta_refs.parse.crf.synth import computer_science, make_records

    pools = _cs_pools()
    records = make_records(pools, 400, 3)
    flavoured = computer_science(records, pools, 4)
    assert flavoured == computer_science(records, pools, 4)  # the same for the same seed
    assert records == make_records(pools, 400, 3)  # the records given are not changed
    kinds = Counter(r["type"] for r in flavoured)
    assert kinds["paper-conference"] > Counter(r["type"] for r in records)["paper-conference"]
    papers = [r for r in flavoured if r["type"] == "paper-conference"]
    assert all("volume" not in r or r["volume"].isdigit() for r in papers)
    assert any("volume" in r for r in papers) and any("editor" in r for r in papers)
    assert any(re.search(r", [A-Z]{2,5} '\d\d$", r["container-title"]) for r in papers)
    assert not any("issue" in r for r in papers)  # a converted article keeps no issue
    reports = [r for r in flavoured if r["type"] == "report"]
    assert reports and all(r["genre"] in ("Technical Report", "Tech. Rep.", "Technical report",
                                          "Research Report", "Technical Memo")
                           for r in reports)
    months = sum(len(r["issued"]["date-parts"][0]) > 1 for r in flavoured)
    assert months > sum(len(r["issued"]["date-parts"][0]) > 1 for r in records)


def test_bibtex_family_renders_through_our_own_styles() -> None:
    pytest.importorskip("citeproc")
    from yalta_refs.parse.crf.synth import FAMILIES, render_family

    record = {"id": "r1", "type": "paper-conference", "title": "Learning to rank",
              "author": [{"family": "Smith", "given": "Anna"}, {"family": "Lee", "given": "Karl"}],
              "editor": [{"family": "Roe", "given": "Jim"}],
              "container-title": "Advances in Neural Information Processing Systems",
              "volume": "13", "page": "932-938", "publisher": "MIT Press",
              "publisher-place": "Cambridge, MA", "issued": {"date-parts": [[2001]]}}
    train, test = FAMILIES["bibtex"]
    assert not train and test == ("bibtex-plain", "bibtex-abbrv")  # measured only
    plain, abbrv = render_family([record, {**record, "id": "r2"}],
                                 ["bibtex-plain", "bibtex-abbrv"], "t")
    assert plain.text.startswith("[1] Anna Smith and Karl Lee. Learning to rank. In Jim Roe, "
                                 "editor, Advances in Neural Information Processing Systems, "
                                 "volume 13, pages 932")
    assert plain.text.endswith("Cambridge, MA, 2001. MIT Press.")
    assert "A. Smith and K. Lee." in abbrv.text


def test_footnotes_family_renders_first_notes_not_bibliography_entries() -> None:
    pytest.importorskip("citeproc")
    from yalta_refs.parse.crf.synth import FAMILIES, NOTE_FAMILIES, render_family

    record = {"id": "r1", "type": "book", "title": "Against Their Will",
              "author": [{"family": "Polian", "given": "Pavel"}], "publisher": "CEU Press",
              "publisher-place": "Budapest", "issued": {"date-parts": [[2004]]}}
    assert "footnotes" in NOTE_FAMILIES and not FAMILIES["footnotes"][0]
    note, = render_family([record], ["chicago-notes-bibliography"], "t", notes=True)
    entry, = render_family([record], ["chicago-notes-bibliography"], "t")
    # the note: given name (citeproc-py gives its initial) first, the imprint in brackets
    assert note.text == "P. Polian, Against Their Will (CEU Press, 2004)."
    assert entry.text == "Polian, P. Against Their Will. CEU Press, 2004."  # inverted
    assert {label for _, _, label in note.spans} >= {"author", "title", "publisher", "date"}


def test_training_weights_give_real_references_again_by_source() -> None:
    from yalta_refs.parse.crf.data import Labelled
    from yalta_refs.parse.crf.train import weighted

    items = [Labelled("a", source="grobid"), Labelled("b", source="anystyle:bad"),
             Labelled("c", source="synthetic-apa")]

    def counts(out: list[Labelled]) -> list[int]:
        return [sum(1 for o in out if o.text == t) for t in "abc"]

    assert counts(weighted(items, 2)) == [2, 2, 1]
    assert counts(weighted(items, 1)) == [1, 1, 1]
    assert counts(weighted(items, 2, {"anystyle:bad": 3})) == [2, 3, 1]
    assert counts(weighted(items, 2, {"synthetic-apa": 5})) == [2, 2, 1]  # synthetic: once
    assert weighted(items, 2)[:3] == items  # the order of the first copies is kept


# --------------------------------------------------------------------------- labels -> fields


def _labelled(pieces: list[tuple[str, str]]) -> tuple[str, list[str], list[str]]:
    text, labels = "", []
    for piece, label in pieces:
        text = f"{text} {piece}" if text else piece
        labels += [label] * len(tokenize(piece))
    return text, [t.text for t in tokenize(text)], labels


def test_assemble_fills_fields_and_keeps_the_annotation_verbatim() -> None:
    text, _, labels = _labelled([
        ("Polian, Pavel, and Anna Yastrzhembska.", "author"), ("Against Their Will.", "title"),
        ("2nd ed.", "edition"), ("Budapest:", "location"), ("CEU Press,", "publisher"),
        ("2004.", "date"), ("pp. 12–30.", "pages"),
        ("A classic study, translated by Anna Yastrzhembska.", "annotation")])
    ref = assemble(text, tokenize(text), labels)
    assert [n.display() for n in ref.author] == ["Pavel Polian", "Anna Yastrzhembska"]
    assert ref.title == "Against Their Will"
    assert (ref.edition, ref.publisher_place, ref.publisher) == ("2", "Budapest", "CEU Press")
    assert ref.issued is not None and ref.issued.year == 2004
    assert ref.page == "12-30"
    assert ref.annotation == "A classic study, translated by Anna Yastrzhembska."
    assert ref.type == "book"


def test_assemble_journal_article_and_doi_in_a_url() -> None:
    text, _, labels = _labelled([
        ("Jones, P. K. (1999).", "author"), ("Effects of X on Y.", "title"),
        ("Journal of Things,", "container-title"), ("12", "volume"), ("(4),", "issue"),
        ("55–78.", "pages"), ("https://doi.org/10.1000/abc", "url")])
    labels[4] = "date"  # "1999" inside the author piece
    ref = assemble(text, tokenize(text), labels)
    assert (ref.container_title, ref.volume, ref.issue, ref.page) == (
        "Journal of Things", "12", "4", "55-78")
    assert ref.DOI == "10.1000/abc" and ref.URL is None
    assert ref.type == "article-journal"
    # a publisher's page with the DOI in its address stays a link and gives the DOI
    text = "Nicolis C 1998 Physical Review E 58 4391 URL http://link.aps.org/doi/10.1103/PRE.58.4391"
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "container-title"),
                                    (1, "volume"), (1, "pages"), (1, "other"), (1, "url")])
    ref = assemble(text, tokens, labels)
    assert ref.URL == "http://link.aps.org/doi/10.1103/PRE.58.4391"
    assert ref.DOI == "10.1103/PRE.58.4391"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Smith, J. R., Doe, A., & Roe, B.", ["J. R. Smith", "A. Doe", "B. Roe"],
                 id="apa"),
    pytest.param("Doll R, Hill AB", ["R Doll", "AB Hill"], id="vancouver"),
    # the period after the last Vancouver initials ends the sentence, not an initial
    pytest.param("Smith J, Jones K.", ["J Smith", "K Jones"], id="vancouver-period"),
    pytest.param("Doll R, Hill AB.", ["R Doll", "AB Hill"], id="vancouver-period-two"),
    pytest.param("Hill AB.", ["AB Hill"], id="vancouver-period-alone"),
    pytest.param("Smith, J., Jones, K.", ["J. Smith", "K. Jones"], id="dotted-kept"),
    pytest.param("A. M. Müller and J. Smith", ["A. M. Müller", "J. Smith"], id="ieee"),
    pytest.param("MÜLLER, Anna Maria et SMITH, John", ["Anna Maria MÜLLER", "John SMITH"],
                 id="iso690-fr"),
    pytest.param("Montgomery, Alison ; Kato, Aaron", ["Alison Montgomery", "Aaron Kato"],
                 id="din"),
    pytest.param("Korhonen, Gordon, Thomas Virtanen, and Wolfgang Neumann",
                 ["Gordon Korhonen", "Thomas Virtanen", "Wolfgang Neumann"], id="mla"),
    pytest.param("edited by J. Doe", ["J. Doe"], id="chicago-editor"),
    pytest.param("J. Doe (Hrsg.)", ["J. Doe"], id="german-editor"),
    pytest.param("Menéndez Pidal, Ramón", ["Ramón Menéndez Pidal"], id="compound-family"),
    pytest.param("G. Bianchi (a cura di), M. Rossi", ["G. Bianchi", "M. Rossi"], id="a-cura-di"),
    pytest.param("En: P. Ruiz (ed.)", ["P. Ruiz"], id="spanish-en"),
    pytest.param("W: J. Kowalski (red.)", ["J. Kowalski"], id="polish-w"),
    pytest.param("Anne Applebaum, Timothy Snyder", ["Anne Applebaum", "Timothy Snyder"],
                 id="two-direct-names"),
])
def test_parse_names(text: str, expected: list[str]) -> None:
    names = [n.display() for n in parse_names(text)[0]]
    assert names == expected, names


# --------------------------------------------------------------------------- the model


def test_importing_the_crf_package_loads_neither_pycrfsuite_nor_the_model() -> None:
    code = ("import sys, yalta_refs.pipeline, yalta_refs.parse.crf; "
            "print('pycrfsuite' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


@needs_model
def test_model_loads_once_and_parses_deterministically() -> None:
    from yalta_refs.parse.crf import load_tagger, parse_crf

    assert load_tagger() is load_tagger()
    text = ("Hobsbawm, E. (1994). The age of extremes: The short twentieth century, "
            "1914-1991. London: Michael Joseph.")
    first, second = parse_crf(text), parse_crf(text)
    assert first == second
    assert first.title is not None and first.title.startswith("The age of extremes")
    assert first.issued is not None and first.issued.year == 1994


ANNOTATED = [
    pytest.param("Judt, T. (2005). Postwar: A history of Europe since 1945. Penguin Press.",
                 id="apa"),
    pytest.param("Judt, Tony. Postwar: A History of Europe since 1945. Penguin Press, 2005.",
                 id="mla"),
    pytest.param("Judt, Tony. 2005. Postwar: A History of Europe since 1945. New York: "
                 "Penguin Press.", id="chicago-author-date"),
    pytest.param("Judt T. Postwar: a history of Europe since 1945. New York: Penguin Press; "
                 "2005.", id="vancouver"),
    pytest.param("T. Judt, Postwar: A History of Europe since 1945. New York, NY, USA: "
                 "Penguin Press, 2005.", id="ieee"),
    pytest.param("Judt, Tony: Postwar: A History of Europe since 1945. New York : Penguin "
                 "Press, 2005", id="german-din"),
    pytest.param("JUDT, Tony, 2005. Postwar: A History of Europe since 1945. New York : "
                 "Penguin Press.", id="french-iso690"),
]
NOTE = ("A sweeping account of the continent after the war, strongest on the politics of "
        "memory and on the East.")


@needs_model
@pytest.mark.parametrize("reference", ANNOTATED)
def test_an_annotation_after_a_reference_is_separated(reference: str) -> None:
    from yalta_refs.pipeline import clean_text

    ref = clean_text(f"{reference} {NOTE}", lines=True, parser="crf").references[0]
    assert ref.annotation == NOTE, (ref.annotation, ref.title, ref.publisher)
    assert ref.title is not None and "sweeping" not in ref.title
    assert ref.issued is not None and ref.issued.year == 2005


@needs_model
def test_clean_lines_gives_one_item_per_line_in_order(tmp_path: Path) -> None:
    lines = [
        "Doll R, Hill AB. Smoking and carcinoma of the lung. Br Med J. 1950;2(4682):739-48.",
        "",
        "W. Diffie and M. E. Hellman, “New directions in cryptography,” IEEE Trans. Inf. "
        "Theory, vol. 22, no. 6, pp. 644–654, 1976.",
        "Bourdieu, Pierre (1979): La distinction. Paris: Minuit.",
        "untitled fragment",
    ]
    src = tmp_path / "refs.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(src), "--lines", "--to", "csl-json",
                                      "--parser", "crf"])
    assert result.exit_code == 0, result.output
    start = result.output.index("[")
    items = json.loads(result.output[start:result.output.rindex("]") + 1])
    assert len(items) == len(lines)
    assert items[0]["container-title"].startswith("Br Med J")
    assert items[2]["volume"] == "22" and items[2]["issue"] == "6"
    assert items[3]["publisher"] == "Minuit"


def test_unknown_parser_is_a_usage_error(tmp_path: Path) -> None:
    src = tmp_path / "refs.txt"
    src.write_text("Doe, J. Title. 2000.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(src), "--parser", "magic"])
    assert result.exit_code == 2


# --------------------------------------------------------------------------- the ratchet


_RATCHET_DATA = json.loads(RATCHET.read_text(encoding="utf-8"))
#: (section, split) -> why the figure is under its floor: a strict expected failure
_BELOW_FLOOR = {tuple(key.split(":", 1)): why
                for key, why in _RATCHET_DATA.get("below_floor", {}).items()}


def _ratchet_cases(*sections: str) -> list[Any]:
    """One case per (section, split); those the ratchet file lists under "below_floor"
    are strict expected failures, with the file's reason."""
    cases = []
    for section in sections:
        for split in _RATCHET_DATA[section]:
            why = _BELOW_FLOOR.get((section, split))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            cases.append(pytest.param(section, split, marks=marks, id=f"{section}:{split}"))
    return cases


def test_every_figure_under_its_floor_is_a_listed_case() -> None:
    # an entry of "below_floor" names a section and a split the ratchet checks
    for section, split in _BELOW_FLOOR:
        assert split in _RATCHET_DATA[section], f"{section}:{split} is not a ratchet case"


def _check_floor(got: float, floor: float, what: str) -> None:
    """Not under its floor; and a gain of more than a point must raise the floor."""
    got = round(got, 4)
    assert got >= floor - 0.0005, f"{what} {got:.4f} fell below its floor {floor:.4f}"
    assert got <= floor + 0.01, f"{what} {got:.4f} beats its floor {floor:.4f}; raise it"


@pytest.fixture(scope="module")
def _line_figures(shared_dir: Path) -> dict[str, dict[str, float]]:
    pytest.importorskip("citeproc")
    from yalta_refs.eval.parser import run_parser_eval

    report = run_parser_eval("auto", shared_dir, per_family=_RATCHET_DATA["per_family"])
    figures = {
        "floors": report.f1(),
        "name_floors": {s.result.name: s.names_right / s.names for s in report.splits
                        if s.names},
        "annotation_floors": {s.result.name: s.annotations_exact / s.annotations
                              for s in report.splits if s.annotations},
    }
    assert set(figures["annotation_floors"]) == set(_RATCHET_DATA["annotation_floors"])
    return figures


@needs_model
@pytest.mark.parametrize(("section", "split"),
                         _ratchet_cases("floors", "name_floors", "annotation_floors"))
def test_parser_f1_ratchet(_line_figures: dict[str, dict[str, float]], section: str,
                           split: str) -> None:
    """Per split, token micro F1 (on synthetic splits also the share of names split
    right, on annotated ones the share of annotations given back exact) may not fall
    below its floor; a gain of more than a point must be written
    into tests/parser_known_failures.json (the floor only rises)."""
    _check_floor(_line_figures[section][split], _RATCHET_DATA[section][split],
                 f"{split}: {section}")


@pytest.fixture(scope="module")
def _list_figures(shared_dir: Path) -> dict[str, float]:
    pytest.importorskip("citeproc")
    from yalta_refs.eval.parser import run_parser_eval

    report = run_parser_eval("auto", shared_dir, per_family=_RATCHET_DATA["per_family"],
                             lists=20, splits=["anystyle-gold", "grobid-eval", "synthetic",
                                               "unseen", "holdout"])
    scores = report.f1()
    assert set(scores) == set(_RATCHET_DATA["list_floors"])
    return scores


@needs_model
@pytest.mark.parametrize(("section", "split"), _ratchet_cases("list_floors"))
def test_reading_list_ratchet(_list_figures: dict[str, float], section: str,
                              split: str) -> None:
    """The block path: the same references read as reading lists of 20 with the
    default "auto" parser may not fall below their floors either (the floor only rises)."""
    _check_floor(_list_figures[split], _RATCHET_DATA[section][split], f"{split}: lists")


@needs_model
@pytest.mark.parametrize("text", [
    pytest.param("...", id="punctuation"), pytest.param("(((", id="brackets"),
    pytest.param("12345", id="number"), pytest.param("https://example.org", id="url"),
    pytest.param("ed.", id="role-word"), pytest.param("Жуков 漢字 ß", id="scripts"),
    pytest.param("———. Another Title. London: Verso, 2001.", id="repeat-mark"),
    pytest.param("²", id="superscript-digit"), pytest.param("Roe, A. 12 ² 2001.", id="digits"),
])
def test_odd_lines_never_raise_and_keep_their_line(text: str) -> None:
    from yalta_refs.pipeline import clean_text

    library = clean_text(f"{text}\n{text}\n", lines=True, parser="crf")
    assert len(library.references) == 2
    assert [r.span.line for r in library.references if r.span] == [1, 2]


def test_a_name_list_closed_by_a_role_word_is_all_of_that_role() -> None:
    text = "Baker, Ann, Emily Brown und Jan Lee (Hrsg.), 1997. Bodies. Stanford: Oxford UP"
    tokens = tokenize(text)
    labels = ["author"] * 4 + ["editor"] * 4 + ["date", "title", "location", "publisher",
                                                 "publisher"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert not ref.author
    assert [n.family for n in ref.editor] == ["Baker", "Brown", "Lee"]


def test_translators_after_the_authors_stay_translators() -> None:
    text = "Braun, Andrew ; Klein, M. (Übers.): The Conduct. Berlin: Reimer, 2004"
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["translator"] * 3 + ["title"] * 2 + ["location", "publisher",
                                                                   "date"]
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Braun"]
    assert [n.family for n in ref.translator] == ["Klein"]


def test_one_title_run_holding_the_journal_is_cut_at_its_last_sentence() -> None:
    text = "Kapur B. Prehospital care for blast injuries. Prehosp Disaster Med. 2010;25(6):595-600."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 8 + ["date", "volume", "issue", "pages", "pages"]
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("Prehospital care for blast injuries",
                                                "Prehosp Disaster Med")
    text = "S. Chatterjee, Gen. Relat. Gravit. 18 (1986), 1073."  # abbreviations only: kept
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["container-title"] * 3 + ["volume", "date", "pages"]
    assert assemble(text, tokens, labels).container_title == "Gen. Relat. Gravit."


def test_a_container_title_with_nothing_of_a_part_is_the_title() -> None:
    text = "Horsley, Richard A., ed. Hidden Transcripts. Atlanta: SBL, 2004."
    tokens = tokenize(text)
    labels = ["editor"] * 4 + ["container-title"] * 2 + ["location", "publisher", "date"]
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title, ref.type) == ("Hidden Transcripts", None, "book")


def test_no_word_is_lost_when_a_field_comes_twice_and_cued_editors_are_editors() -> None:
    ref = parse_crf('Doe, John. "A Chapter." In The Big Book, edited by Ann Lee, 10-20. '
                    "London: Penguin, 1999.")
    assert (ref.type, ref.container_title, ref.page) == ("chapter", "The Big Book", "10-20")
    assert [n.family for n in ref.editor] == ["Lee"]
    assert (ref.publisher_place, ref.publisher) == ("London", "Penguin")


def _labels(text: str, spec: list[tuple[int, str]]) -> tuple[list, list[str]]:
    """Tokens of ``text`` and labels given as (number of tokens, label) runs."""
    tokens = tokenize(text)
    labels = [label for count, label in spec for _ in range(count)]
    assert len(labels) == len(tokens), [t.text for t in tokens]
    return tokens, labels


def test_two_years_in_one_date_are_a_reprint_and_no_word_of_a_date_is_lost() -> None:
    text = "J. von Neumann, Mathematical Foundations (Princeton UP, 1955, 1983)."
    tokens, labels = _labels(text, [(3, "author"), (2, "title"), (2, "publisher"), (2, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.issued.year, ref.original_date.year) == (1983, 1955)  # type: ignore[union-attr]
    text = "Roe, A. Things. Nature. 2010 Mar 18; 29(11): 1611-21."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (1, "container-title"),
                                    (3, "date"), (2, "volume"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.parts == ((2010, 3, 18),)
    text = "Roe, A. Things. Nature, 1997, 1997."  # the repeated year is kept, as a note
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (1, "container-title"),
                                    (2, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.issued.year == 1997 and ref.note == "1997"  # type: ignore[union-attr]


def test_a_second_title_after_in_and_the_editors_is_the_book() -> None:
    text = ("Cole, M. (2001). The validation of family therapy. In D. J. Cain & J. Seeman "
            "(eds.). Humanistic Therapies. Washington, DC: APA.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (5, "title"), (7, "editor"),
                                    (2, "title"), (2, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title, ref.type) == (
        "The validation of family therapy", "Humanistic Therapies", "chapter")
    assert [n.family for n in ref.editor] == ["Cain", "Seeman"]


def test_an_editor_run_that_goes_on_into_the_book_is_cut_after_ed() -> None:
    text = "Jain, N., 1986, ‘A New Approach’, in D.R. Goyal, ed, Non-Alignment: Concepts (Delhi)"
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"), (8, "editor"),
                                    (1, "location")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.editor] == ["D.R. Goyal"]
    assert ref.container_title == "Non-Alignment: Concepts" and ref.type == "chapter"


def test_a_one_word_book_after_ed_is_the_book_not_an_editor() -> None:
    text = "Benjamin, W. (1969) The Work of Art. In H. Arendt, ed., Illuminations, Pp. 217-252."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (4, "title"), (5, "editor"),
                                    (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.editor] == ["H. Arendt"]
    assert ref.container_title == "Illuminations" and ref.type == "chapter"


def test_a_quoted_title_then_in_and_a_book_in_one_title_run() -> None:
    text = "Henry James, “Nathaniel Hawthorne,” in Literary Criticism (New York: LOA, 1983)."
    tokens, labels = _labels(text, [(2, "author"), (5, "title"), (2, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("Nathaniel Hawthorne", "Literary Criticism")


def test_a_place_after_the_press_in_one_publisher_run() -> None:
    text = "Bucciarelli LL (2003) Engineering philosophy. Delft University Press, Delft"
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (4, "publisher")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.publisher_place) == ("Delft University Press", "Delft")
    text = "Pinel, P. (1801). Traité. Paris: Richard, Caille et Ravier."  # no press word: kept
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"), (1, "location"),
                                    (4, "publisher")])
    assert assemble(text, tokens, labels).publisher == "Richard, Caille et Ravier"


@pytest.mark.parametrize(("text", "expected"), [
    ("Accordino, M. P. & Guerney, Jr., B. G.", [("Accordino", "M. P.", None),
                                                ("Guerney", "B. G.", "Jr.")]),
    ("King, Jr., Martin Luther", [("King", "Martin Luther", "Jr.")]),
    ("Smith, J., II, and K. Lee", [("Smith", "J.", "II"), ("Lee", "K.", None)]),
    ("Yan, L., Li, S., Xu, H.", [("Yan", "L.", None), ("Li", "S.", None), ("Xu", "H.", None)]),
    ("Th. Mann, Ch. Wolf", [("Mann", "Th.", None), ("Wolf", "Ch.", None)]),
    # Vancouver puts the suffix after the initials; "Jr." is no initial like "Ch."
    ("Garcia R Jr, Yue JJ", [("Garcia", "R", "Jr"), ("Yue", "JJ", None)]),
    ("Schimmel, S. C., J. M. Patrick, Jr., and A. J. Wilson, Jr.",
     [("Schimmel", "S. C.", None), ("Patrick", "J. M.", "Jr."), ("Wilson", "A. J.", "Jr")]),
    ("Martin Luther King Jr", [("King", "Martin Luther", "Jr")]),
    # ACM's capitals, "AND" too; initials glued to the family name by PDF extraction
    ("JAYARAM, M., AND VARGHESE, G.", [("JAYARAM", "M.", None), ("VARGHESE", "G.", None)]),
    ("C.Cartier, E.J.Copeland", [("Cartier", "C.", None), ("Copeland", "E.J.", None)]),
    # "et al." glued, turned about, or French: no name; "Hetal" is a name
    ("Konopliv, A. S., Folkner, W. M., etal", [("Konopliv", "A. S.", None),
                                               ("Folkner", "W. M.", None)]),
    ("Goldberg, Y., MacDonald, M., & al, e.", [("Goldberg", "Y.", None),
                                               ("MacDonald", "M.", None)]),
    ("Liu D. et coll", [("Liu", "D.", None)]),
    ("Shah, Hetal", [("Shah", "Hetal", None)]),
    ("and", []),  # between two repeat marks: "--, and --"
    # footnote marks (equal contribution, corresponding author) are no part of a name
    ("Zhou H*, Huang H*, Shi J\u2020", [("Zhou", "H", None), ("Huang", "H", None),
                                      ("Shi", "J", None)]),
])
def test_name_suffixes_and_two_letter_family_names(text: str, expected: list) -> None:
    assert [(n.family, n.given, n.suffix) for n in parse_names(text)[0]] == expected


def _split(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(n.family, n.given, n.literal) for n in parse_names(text)[0]]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Janhäll S., Andreae M. O., Pöschl U.",
                 [("Janhäll", "S.", None), ("Andreae", "M. O.", None), ("Pöschl", "U.", None)],
                 id="family-then-initials-with-periods"),
    pytest.param("MASSOT M.-H., ORFEUIL J.-P., PROULHAC L",
                 [("MASSOT", "M.-H.", None), ("ORFEUIL", "J.-P.", None), ("PROULHAC", "L", None)],
                 id="capitals-then-hyphenated-initials"),
    pytest.param("Heger A., Woosley S. E", [("Heger", "A.", None), ("Woosley", "S. E", None)],
                 id="last-initial-without-period"),
    pytest.param("ALLEN (J.P.)", [("ALLEN", "J.P.", None)], id="initials-in-brackets"),
    pytest.param("Ortega y Gasset, José", [("Ortega y Gasset", "José", None)],
                 id="spanish-family-with-y"),
    pytest.param("Pérez, J. y López, M.", [("Pérez", "J.", None), ("López", "M.", None)],
                 id="y-between-two-names"),
    pytest.param("a cura di Valentino Gerratana", [("Gerratana", "Valentino", None)],
                 id="italian-edited-by"),
    pytest.param("BLOCH (Marc) et FEBVRE (Lucien)",
                 [("BLOCH", "Marc", None), ("FEBVRE", "Lucien", None)],
                 id="given-name-in-brackets"),
    pytest.param("CURA (M.), FERRAN (A. M.)", [("CURA", "M.", None), ("FERRAN", "A. M.", None)],
                 id="initials-in-brackets-list"),
    pytest.param("RAHNER Karl", [("RAHNER", "Karl", None)], id="capital-family-then-given"),
    pytest.param("MELOSI Martin V.", [("MELOSI", "Martin V.", None)], id="capitals-given-initial"),
    pytest.param("DA Alexander and S Klein", [("Alexander", "DA", None), ("Klein", "S", None)],
                 id="initials-first-not-particle"),
    pytest.param("J. V. Price, S. Tangsombatvisit, G. Xu, J. Yu",
                 [("Price", "J. V.", None), ("Tangsombatvisit", "S.", None), ("Xu", "G.", None),
                  ("Yu", "J.", None)], id="two-letter-family-not-an-initial"),
    pytest.param("Johnson EEP, Kopania EEK", [("Johnson", "EEP", None), ("Kopania", "EEK", None)],
                 id="vancouver-initials-with-vowels"),
    pytest.param("MOREL, Stephen, Elizabeth ZHOU und Ming ASHWORTH",
                 [("MOREL", "Stephen", None), ("ZHOU", "Elizabeth", None),
                  ("ASHWORTH", "Ming", None)], id="iso690-capital-family-last"),
    pytest.param("ZHOU, Jennifer, Marie-Claire JOHANSSON",
                 [("ZHOU", "Jennifer", None), ("JOHANSSON", "Marie-Claire", None)],
                 id="short-capital-family-first"),
    pytest.param("Costa, Joan ; Bauer, Donald Diana ; van der Berg, Anna",
                 [("Costa", "Joan", None), ("Bauer", "Donald Diana", None),
                  ("Berg", "Anna", None)], id="semicolons-one-name-each"),
    pytest.param("Jang, J.S.R.; Gulley, N.; & MathWorks",
                 [("Jang", "J.S.R.", None), ("Gulley", "N.", None), ("MathWorks", None, None)],
                 id="semicolons-ampersand"),
    pytest.param("Calabrese, Stefano e Daniela Feltracco",
                 [("Calabrese", "Stefano", None), ("Feltracco", "Daniela", None)],
                 id="italian-e"),
    pytest.param("J. Sebastiao e Silva", [("Silva", "J. Sebastiao e", None)],
                 id="portuguese-e-in-a-name"),
    pytest.param("Eriksson, C., Klein, J. K. et Centers for Disease Control and Prevention",
                 [("Eriksson", "C.", None), ("Klein", "J. K.", None),
                  (None, None, "Centers for Disease Control and Prevention")],
                 id="organisation-with-and"),
    pytest.param("Williams, L., Bundesministerium für Bildung und Forschung et Turner, J.",
                 [("Williams", "L.", None),
                  (None, None, "Bundesministerium für Bildung und Forschung"),
                  ("Turner", "J.", None)], id="organisation-with-und"),
    pytest.param("Royal Society et M. L. de Foster",
                 [(None, None, "Royal Society"), ("Foster", "M. L.", None)],
                 id="organisation-then-person"),
    pytest.param("Tanaka, H., & World Wildlife Fund",
                 [("Tanaka", "H.", None), (None, None, "World Wildlife Fund")],
                 id="organisation-fund"),
    pytest.param("EUROPEAN COMMISSION", [(None, None, "EUROPEAN COMMISSION")],
                 id="organisation-in-capitals"),
    pytest.param("Bank, J. and Board, K.", [("Bank", "J.", None), ("Board", "K.", None)],
                 id="family-names-that-are-organisation-words"),
    pytest.param("Müller, A. u. a.", [("Müller", "A.", None)], id="german-et-al"),
    pytest.param("Smith, Fred, and Jones, Ted", [("Smith", "Fred", None), ("Jones", "Ted", None)],
                 id="given-names-ending-like-a-role-word"),
    pytest.param("Döblin, Alfred (ed.)", [("Döblin", "Alfred", None)], id="role-word-after-ed"),
    pytest.param("J. Smith, eds., B. Jones", [("Smith", "J.", None), ("Jones", "B.", None)],
                 id="role-word-between-names"),
    pytest.param("Smith, J. (ed.), Jones, K.", [("Smith", "J.", None), ("Jones", "K.", None)],
                 id="bracketed-role-word-between-names"),
    pytest.param("Smith, Ed", [("Smith", "Ed", None)], id="given-name-ed"),
    pytest.param("Smith, Ed, and Jones, Ann", [("Smith", "Ed", None), ("Jones", "Ann", None)],
                 id="given-name-ed-in-a-list"),
    pytest.param("Smith, J., Ed.", [("Smith", "J.", None)], id="role-word-ed-after-initials"),
    pytest.param("Van der Berg, Anne", [("Van der Berg", "Anne", None)],
                 id="capitalised-particles-inverted"),
    pytest.param("Smith, J., De la Cruz, Juan", [("Smith", "J.", None),
                                                ("De la Cruz", "Juan", None)],
                 id="capitalised-particles-second-name"),
    pytest.param("OASI, Christel. FOLIO, Philippe. BELMIN, Joël",
                 [("OASI", "Christel", None), ("FOLIO", "Philippe", None),
                  ("BELMIN", "Joël", None)], id="french-names-closed-by-periods"),
])
def test_name_orders_and_organisations(text: str, expected: list) -> None:
    assert _split(text) == expected


def test_particle_after_the_given_names() -> None:
    (zhou, clark), _ = parse_names("Zhou, L. V. von, and K. I. Clark")
    assert (zhou.family, zhou.given, zhou.dropping_particle) == ("Zhou", "L. V.", "von")
    assert (clark.family, clark.given) == ("Clark", "K. I.")


def test_german_et_al_sets_the_flag() -> None:
    assert parse_names("Nilsson, Donald ; Schwarz, Ming ; u. a.")[1] is True


def test_a_family_name_read_as_the_start_of_the_journal_is_the_authors() -> None:
    text = "M. Horacek: Rev. Sci. Instrum. 74 (2003) 3379."
    tokens, labels = _labels(text, [(1, "author"), (4, "container-title"), (1, "volume"),
                                    (1, "date"), (1, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["M. Horacek"]
    assert ref.container_title == "Rev. Sci. Instrum."
    text = "Leonard C. M. L., Am. J. Phys., 52 (1984) 527."  # "Am." is an abbreviation: kept
    tokens, labels = _labels(text, [(4, "author"), (3, "container-title"), (1, "volume"),
                                    (1, "date"), (1, "pages")])
    assert assemble(text, tokens, labels).container_title == "Am. J. Phys."
    # initials first, a family name in capitals with a period: still the author's
    text = "A. J. ZAMBITO et E. E. HOWE. Org. Synth. 1960, 40, 21."
    tokens, labels = _labels(text, [(6, "author"), (3, "container-title"), (1, "date"),
                                    (1, "volume"), (1, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["A. J. ZAMBITO", "E. E. HOWE"]
    assert ref.container_title == "Org. Synth."
    text = "Zambito, A. J. NUCL. Phys. 1960, 40, 21."  # names inverted: the journal's
    tokens, labels = _labels(text, [(3, "author"), (2, "container-title"), (1, "date"),
                                    (1, "volume"), (1, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Zambito"]
    assert (ref.container_title or "").startswith("NUCL. Phys")


def test_names_initials_first_running_into_the_title() -> None:
    text = "S. Dimopoulos and H. Georgi, Softly Broken Supersymmetry and SU(5), Nucl. Phys. B 193"
    tokens, labels = _labels(text, [(11, "author"), (3, "container-title"), (1, "volume")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Dimopoulos", "Georgi"]
    assert ref.title == "Softly Broken Supersymmetry and SU(5)"
    text = "A. D. Ghodke, Riyasat Husain, Pradeep Kumar et al, Rev. Sci. Instrum., 83"
    tokens, labels = _labels(text, [(9, "author"), (3, "container-title"), (1, "volume")])
    ref = assemble(text, tokens, labels)  # full names after initials: still names
    assert ref.title is None and len(ref.author) == 3


def test_a_short_lone_title_before_the_volume_is_the_journal() -> None:
    text = "M. Perrin et P. Martinet. Tet-rahedron, 36, 221 (1980)."
    tokens, labels = _labels(text, [(5, "author"), (2, "title"), (1, "volume"), (1, "pages"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title, ref.type) == (None, "Tet-rahedron",
                                                          "article-journal")
    text = "Gartner, et al., 1978, Surv. Ophthal. 22: 291-312"  # split abbreviations joined
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (1, "title"),
                                    (1, "container-title"), (1, "volume"), (2, "pages")])
    assert assemble(text, tokens, labels).container_title == "Surv. Ophthal."
    text = "Beyer, W. 1987. Metals in Soil from Diverse Sites. Environ. Mon. Assess. 8: 27–36."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (6, "title"),
                                    (3, "container-title"), (1, "volume"), (2, "pages")])
    ref = assemble(text, tokens, labels)  # the title's last word stays in the title
    assert (ref.title, ref.container_title) == ("Metals in Soil from Diverse Sites",
                                                "Environ. Mon. Assess.")


def test_a_journal_abbreviation_read_as_the_last_name_opens_the_journal() -> None:
    text = "S. K. Lamoreaux, Am. J. Phys. 67, 850 (1999)."
    tokens, labels = _labels(text, [(4, "author"), (2, "container-title"), (1, "volume"),
                                    (1, "pages"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["S. K. Lamoreaux"]
    assert ref.container_title == "Am. J. Phys."
    text = "Carson, Rachel. Silent Spring. Boston: Houghton Mifflin, 1962."  # a given name
    tokens, labels = _labels(text, [(2, "author"), (2, "container-title"), (1, "location"),
                                    (2, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["Rachel Carson"] and ref.title == "Silent Spring"


def test_a_french_edition_read_as_an_editor_is_the_edition() -> None:
    text = "S. W. BENSON. Thermochemical kinetics, 2 e éd. John Wiley, New York. 1976."
    tokens, labels = _labels(text, [(3, "author"), (3, "title"), (2, "editor"),
                                    (2, "publisher"), (2, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.edition, ref.editor) == ("Thermochemical kinetics", "2", ())


def test_a_chapter_author_before_in_and_the_editors_stays_the_author() -> None:
    text = "L.D. Faddeev, in: A. Connes, et al. (Eds.), Les Houches Lectures, 1998, p.149."
    tokens, labels = _labels(text, [(3, "author"), (6, "editor"), (3, "container-title"),
                                    (1, "date"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["L.D. Faddeev"]
    assert [n.display() for n in ref.editor] == ["A. Connes"]  # "et al." is no name
    assert any(d.code == "et-al" for d in ref.diagnostics)


def test_an_access_date_keeps_its_day_and_month() -> None:
    text = ("Turner J (2021) Quantum supergroups. In: Nature News. https://example.org/8107. "
            "Accessed 3 Jan 2021")
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["date"] + ["title"] * 2 + ["container-title"] * 3 + ["url"] + \
        ["accessed"] * 4
    assert len(labels) == len(tokens), [t.text for t in tokens]
    ref = assemble(text, tokens, labels)
    assert ref.accessed is not None and ref.accessed.parts == ((2021, 1, 3),)
    assert ref.note is None  # nothing of the date left over


def test_names_split_right_counts_shown_names_and_ignores_particles() -> None:
    from types import SimpleNamespace

    from yalta_refs.eval.parser import SplitResult, _score_names
    from yalta_refs.eval.shared import DatasetResult
    from yalta_refs.model import Name, Reference
    from yalta_refs.parse.crf.data import Labelled

    items = [
        Labelled("Janhäll S., van Dijk A., et al. Title.", names={"author": [
            {"family": "Janhäll", "given": "Sara"},
            {"family": "Dijk", "given": "Anna", "non-dropping-particle": "van"},
            {"family": "Hidden", "given": "Cut"}]}),  # cut by "et al.": not counted
        Labelled("WHO. Report.", names={"author": [{"literal": "WHO"}]}),
    ]
    predicted = [
        Reference(author=(Name(family="S.", given="Janhäll"),  # split wrong
                          Name(family="Dijk", given="A.", non_dropping_particle="van"))),
        Reference(author=(Name(literal="WHO"),)),
    ]
    split = SplitResult(DatasetResult("synthetic-x"))
    _score_names(split, lambda text, **_: SimpleNamespace(references=predicted), items)
    assert (split.names, split.names_right) == (3, 2)


def test_a_subtitle_read_as_the_book_it_is_in_joins_the_title() -> None:
    text = "Levin, David. Unsettling Opera: Staging Mozart. Chicago: University Press, 2007."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 2 + ["container-title"] * 2 + ["location"] + \
        ["publisher"] * 2 + ["date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title, ref.type) == (
        "Unsettling Opera: Staging Mozart", None, "book")


def test_a_quoted_chapter_before_its_book_keeps_the_book() -> None:
    text = "Barthes, Roland. “The Kitchen: Meaning.” The Challenge. New York: Hill, 1988."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 3 + ["container-title"] * 2 + ["location"] * 2 + \
        ["publisher", "date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("The Kitchen: Meaning", "The Challenge")


def test_a_journal_read_as_the_last_name_goes_back_to_the_journal() -> None:
    text = "A. J. Smits, J. Fluid Mech., 501, 135-147 (2004)."
    tokens = tokenize(text)
    labels = ["author"] * 6 + ["volume", "pages", "pages", "date"]
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Smits"]
    assert (ref.container_title, ref.type) == ("J. Fluid Mech.", "article-journal")
    # the year in brackets before the volume
    text = "Mischel and Cloughesy, Brain Pathol. (2003) 13(1): 52-61."
    tokens, labels = _labels(text, [(5, "author"), (1, "date"), (1, "volume"), (1, "issue"),
                                    (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Mischel", "Cloughesy"]
    assert ref.container_title == "Brain Pathol"
    text = "Wood, David Houston. Time and Emotion. Farnham: Ashgate, 2009."
    tokens = tokenize(text)
    labels = ["author"] * 3 + ["container-title"] * 3 + ["location", "publisher", "date"]
    assert assemble(text, tokens, labels).author[0].given == "David Houston"


def test_a_one_word_journal_after_initialled_names_is_not_a_name() -> None:
    text = "Weiss R.F., Carmac E.C., Nature, 349, 665 (1991)."
    tokens = tokenize(text)
    labels = ["author"] * 7 + ["volume", "pages", "date"]
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Weiss", "Carmac"]
    assert ref.container_title == "Nature"
    text = "Korhonen, Gordon, Nature, 2001."  # a given name, not a journal
    labels = ["author"] * 3 + ["date"]
    assert [n.family for n in assemble(text, tokenize(text), labels).author] == ["Korhonen",
                                                                                 "Nature"]


def test_a_number_before_a_bracketed_year_is_the_pages() -> None:
    text = "Y. Altman and D. Ginsburg. J. Chem. Soc. 1498 (1961)."
    tokens = tokenize(text)
    labels = ["author"] * 5 + ["container-title"] * 3 + ["date", "date"]
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.page, ref.issued.year if ref.issued else None) == (
        "J. Chem. Soc.", "1498", 1961)


def test_vancouver_names_end_at_the_period_after_initials() -> None:
    text = "Li J, Yen C, Liaw D. PTEN, a tumour gene. Science 1997; 275:1943-1947."
    tokens = tokenize(text)
    labels = ["author"] * 7 + ["title"] * 3 + ["container-title", "date", "volume", "pages",
                                               "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Li", "Yen", "Liaw"]
    assert ref.title == "PTEN, a tumour gene"
    text = "Agudelo S, Portus M. Leishmania antigen binding. Clin Immunol 2000; 7:717-8."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 5 + ["container-title"] * 2 + ["date", "volume",
                                                                        "pages", "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Agudelo", "Portus"]
    assert ref.title == "Leishmania antigen binding"


def test_apa_initials_are_not_read_as_a_vancouver_boundary() -> None:
    text = "Smith, J. R., Doe, A. Title words here. Journal, 12, 1-9."
    tokens = tokenize(text)
    labels = ["author"] * 5 + ["title"] * 3 + ["container-title", "volume", "pages", "pages"]
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Smith", "Doe"]


def test_a_journal_run_starting_mid_sentence_gives_the_sentence_back() -> None:
    text = "Thomas EJ. Adverse events in Utah and Colorado. Med Care 2000; 38:261-71."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 3 + ["container-title"] * 5 + ["date", "volume",
                                                                        "pages", "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("Adverse events in Utah and Colorado",
                                                "Med Care")
    text = "Yu X. Casimir forces in a gas ,Eu -rophys.Lett. 85, 10005 (2009)."  # no space
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 5 + ["container-title"] * 3 + ["volume", "pages",
                                                                        "date"]
    assert len(labels) == len(tokens)
    assert assemble(text, tokens, labels).container_title == "Eu -rophys.Lett"


def test_names_end_at_a_given_name_closed_by_a_period() -> None:
    text = "Apih, Elio. Italia: Fascismo e antifascismo. Bari: Laterza, 1966."
    tokens = tokenize(text)
    labels = ["author"] * 3 + ["title"] * 3 + ["location", "publisher", "date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.author[0].given, ref.title) == ("Elio", "Italia: Fascismo e antifascismo")
    text = "ROUSSILLON, René. CHABERT, Catherine. Manuel de psychologie. Paris: PUF, 2007."
    tokens = tokenize(text)
    labels = ["author"] * 4 + ["title"] * 3 + ["location", "publisher", "date"]
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["ROUSSILLON", "CHABERT"]


def test_vancouver_names_read_as_a_journal_are_the_authors() -> None:
    text = "Jenkins V, Solis-Trapala I, Langridge C. What they said. J Clin Oncol. 2011;29:61-8."
    tokens = tokenize(text)
    labels = ["container-title"] * 8 + ["title"] * 2 + ["container-title"] * 3 + [
        "date", "volume", "pages", "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Jenkins", "Solis-Trapala", "Langridge"]
    assert (ref.title, ref.container_title) == ("What they said", "J Clin Oncol")


def test_a_month_and_day_before_the_year_are_the_date() -> None:
    text = "Jenkins V. What they said. J Clin Oncol. Jan 1 2011;29(1): 61-8."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 3 + ["container-title"] * 4 + [
        "volume", "date", "volume", "issue", "pages", "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.volume, ref.issue) == ("J Clin Oncol", "29", "1")
    assert ref.issued is not None and ref.issued.parts == ((2011, 1, 1),)


@pytest.mark.parametrize(("raw", "expected"), [
    ("http: //www. example. com/products/show. cfm?isbn=0736034625",
     "http://www.example.com/products/show.cfm?isbn=0736034625"),
    ("< http:// www.example.org/ index.php/ resilience_assessment >",
     "http://www.example.org/index.php/resilience_assessment"),
    ("http ://cern.ch/garfield.", "http://cern.ch/garfield"),
    ("URL https: //doi.org/10.1007/JHEP07(2015)130", "https://doi.org/10.1007/JHEP07(2015)130"),
    ("Available at: http:// eprints.example.ac.uk/8292/. Accessed", "http://eprints.example.ac.uk/8292/"),
    ("Recuperado de http://example.org/a.pdf.", "http://example.org/a.pdf"),
    ("URLhttps : //link.aps.org/doi/10.1103/X.75.715.", "https://link.aps.org/doi/10.1103/X.75.715"),
    ("https: / /example.org/a", "https://example.org/a"),
])
def test_links_broken_by_extraction_are_joined_and_cues_left_out(raw: str, expected: str) -> None:
    from yalta_refs.parse.crf.assemble import _url

    assert _url(raw) == expected


def test_the_start_of_a_broken_link_left_out_of_its_run_joins_it() -> None:
    text = "Roe, A. Gas detectors. Rev. Phys., 75, 715. URLhttps : //cern.ch/garfield/x.html"
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (2, "container-title"),
                                    (1, "volume"), (1, "pages"), (1, "other"), (5, "url")])
    ref = assemble(text, tokens, labels)
    assert ref.URL == "https://cern.ch/garfield/x.html" and not ref.note


def test_a_link_cue_is_not_the_publisher() -> None:
    text = "Carmona, C. (2009). Modelo Bayesiano. IEEE-RITA, 4, 139-146. Recuperado de http://x.org/a"
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["date"] + ["title"] * 2 + ["container-title"] * 2 + [
        "volume", "pages", "pages", "publisher", "publisher", "url"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.URL) == (None, "http://x.org/a")
    text = "Smith, J. (2009). Title. Paris: Editions de http://x.org"  # a name, not a cue
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["date", "title", "location", "publisher", "publisher", "url"]
    assert assemble(text, tokens, labels).publisher == "Editions de"


def test_a_publisher_ending_in_of_takes_the_place_name_after_it() -> None:
    text = "Heinzel, C.: Methoden. Dissertation, University of Bremen, Bremen (1999)"
    tokens = tokenize(text)
    labels = ["author", "author", "title", "genre", "publisher", "publisher", "location",
              "location", "date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.publisher_place) == ("University of Bremen", "Bremen")


def test_genre_words_read_as_a_container_are_the_genre() -> None:
    text = "Roy, D. W., Study of fractures. M.S. Thesis, University of Montreal, 1969."
    tokens = tokenize(text)
    labels = ["author"] * 3 + ["title"] * 5 + ["container-title"] + ["publisher"] * 3 + [
        "date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.genre, ref.container_title, ref.type) == (
        "Study of fractures", "M.S. Thesis", None, "thesis")


def test_a_publisher_name_left_as_a_note_goes_back_to_it() -> None:
    text = "CPJ. (2014). Journalists Killed. New York: Committee to Protect Journalists."
    tokens = tokenize(text)
    labels = ["author", "date", "title", "title", "location", "location", "publisher",
              "note", "note", "note"]
    assert len(labels) == len(tokens)
    assert assemble(text, tokens, labels).publisher == "Committee to Protect Journalists"


@pytest.mark.parametrize(("text", "labels", "editors", "title"), [
    ("Kafka, Franz. Der Prozeß. Edited by Max Brod. Frankfurt: Fischer, 1953.",
     ["author"] * 2 + ["title"] * 6 + ["location", "publisher", "date"], ["Brod"], "Der Prozeß"),
    ("Oestreich, Gerhard. Strukturprobleme. Hg. v. Brigitta Oestreich. Berlin 1980.",
     ["author"] * 2 + ["title"] * 5 + ["location", "date"], ["Oestreich"], "Strukturprobleme"),
    # initials with their periods go on; French "sous la direction de"
    ("Boswell, James. The Life. Edited by R. W. Chapman. Oxford: Clarendon, 1998.",
     ["author"] * 2 + ["title"] * 7 + ["location", "publisher", "date"], ["Chapman"],
     "The Life"),
    ("Dupont, Marie. Histoire. Sous la direction de Jean Martin. Paris : PUF, 2004.",
     ["author"] * 2 + ["title"] * 7 + ["location", "publisher", "date"], ["Martin"],
     "Histoire"),
])
def test_a_role_cue_inside_a_title_names_its_role(text: str, labels: list[str],
                                                   editors: list[str], title: str) -> None:
    tokens = tokenize(text)
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert ([n.family for n in ref.editor], ref.title, ref.note) == (editors, title, None)


def test_a_series_after_the_editors_of_the_book() -> None:
    text = ("Boswell, James. The Life of Samuel Johnson. Edited by R. W. Chapman. Oxford "
            "World's Classics. Oxford: Oxford University Press, 1998.")
    tokens, labels = _labels(text, [(2, "author"), (13, "title"), (1, "location"),
                                    (3, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.editor] == ["R. W. Chapman"]
    assert (ref.title, ref.collection_title, ref.container_title, ref.type) == (
        "The Life of Samuel Johnson", "Oxford World's Classics", None, "book")


def test_edited_by_inside_a_sentence_of_the_title_stays_in_it() -> None:
    text = "Lee, Ann. Texts edited by Monks and Nuns. London: Verso, 2001."
    tokens = tokenize(text)
    labels = ["author"] * 2 + ["title"] * 6 + ["location", "publisher", "date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.editor, ref.title) == ((), "Texts edited by Monks and Nuns")


@pytest.mark.parametrize(("text", "labels", "families", "title"), [
    ("Sha S, Ghosh A, et al. Canagliflozin, a new drug. Diabetes 2013;15:45-52.",
     ["author"] * 7 + ["title"] * 3 + ["container-title", "date", "volume", "pages", "pages"],
     ["Sha", "Ghosh"], "Canagliflozin, a new drug"),
    ("Forbes, Christopher. “Comparison, Self-praise and Irony.” NTS 32 (1986): 1–30.",
     ["author"] * 3 + ["title"] * 4 + ["container-title", "volume", "date", "pages", "pages"],
     ["Forbes"], "Comparison, Self-praise and Irony"),
])
def test_names_end_at_et_al_and_at_an_opening_quote(text: str, labels: list[str],
                                                    families: list[str], title: str) -> None:
    tokens = tokenize(text)
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert ([n.family for n in ref.author], ref.title) == (families, title)


def test_a_given_name_read_as_the_date_goes_back_to_the_name() -> None:
    text = "France, Anatole 1923 [1895]. Le jardin d’Épicure, Paris: Calmann-Lévy."
    tokens = tokenize(text)
    labels = ["author", "date", "date", "date", "title", "title", "title", "location",
              "publisher", "publisher"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.author[0].family, ref.author[0].given) == ("France", "Anatole")
    assert ref.original_date is not None and ref.note is None


def test_a_book_title_stopping_mid_sentence_takes_the_words_up_to_the_mark() -> None:
    text = "Allen, P. (2004) The use. In K. Tudor (Eds.) Approaches to Supervision. Ross: PCCS."
    tokens = tokenize(text)
    labels = ["author", "author", "date", "title", "title", "editor", "editor", "editor",
              "editor", "container-title", "note", "note", "location", "publisher"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.note) == ("Approaches to Supervision", None)
    text = "Lee, A. Nature. Journal of Things Vol. 7, No. 6, 2005, p. 3197."  # label words
    tokens = tokenize(text)
    labels = ["author", "author", "title", "container-title", "container-title",
              "container-title", "note", "volume", "note", "issue", "date", "note", "pages"]
    assert len(labels) == len(tokens)
    assert assemble(text, tokens, labels).container_title == "Journal of Things"


def test_a_date_closing_a_journal_run_is_the_date() -> None:
    text = "BASLER, Adolphe, « Y a-t-il une peinture ? », Mercure de France, 15 novembre 1925, " \
        "p. 11"
    tokens = tokenize(text)
    labels = ["author", "author"] + ["title"] * 6 + ["container-title"] * 6 + ["pages",
                                                                            "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, str(ref.issued), ref.note) == ("Mercure de France",
                                                                "1925-11-15", None)


@pytest.mark.parametrize(("text", "labels", "volume", "page"), [
    ("Takahashi, Y.: Coll. Phenomena 2, 55 (1975)",
     ["author", "author", "container-title", "container-title", "volume", "volume", "date"],
     "2", "55"),
    ("Clinical Science (2008) 114, 687–697",
     ["container-title", "container-title", "date", "pages", "pages", "pages"], "114", "687-697"),
    ("V. Balkanov, Prog. Part. Nucl. Phys. 40 (1998) 391; astro-ph/9801044",
     ["author", "author"] + ["container-title"] * 4 + ["volume", "date", "volume", "other",
                                                         "other", "other"], "40", "391"),
])
def test_volume_and_pages_read_as_one_run(text: str, labels: list[str], volume: str,
                                          page: str) -> None:
    tokens = tokenize(text)
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.page) == (volume, page)


def test_a_list_of_pages_is_not_a_volume() -> None:
    text = "Henry James, Literary Criticism (New York: Library of America, 1983), 427, 426."
    tokens = tokenize(text)
    labels = ["author", "author", "title", "title", "location", "location", "publisher",
              "publisher", "publisher", "date", "pages", "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.page) == (None, "427, 426")


@pytest.mark.parametrize(("text", "labels", "place", "publisher"), [
    ("Gardner, P. The Gifts (Lanham, New York & London: University Press of America, 1994).",
     ["author", "author", "title", "title", "location", "location", "publisher", "publisher",
      "publisher", "publisher", "publisher", "publisher", "date"],
     "Lanham, New York & London", "University Press of America"),
    ("Ramsaran, R. Liberating Words (Valley Forge, PA: Trinity, 1996).",
     ["author", "author", "title", "title", "publisher", "location", "location", "location",
      "date"], "Valley Forge, PA", "Trinity"),
    ("De Neve, G. Labour, New Delhi, Social Science Press, 2005.",
     ["author", "author", "author", "title", "location", "location", "location", "publisher",
      "publisher", "date"], "New Delhi", "Social Science Press"),
    ("De Neve, G. Labour, New Delhi, Social Science Press, 2005.",
     ["author", "author", "author", "title"] + ["publisher"] * 5 + ["date"],
     "New Delhi", "Social Science Press"),
    ("Smith, J. Proceedings. Washington, D. C. MIT Press, 1993.",
     ["author", "author", "title", "location", "location", "location", "publisher",
      "publisher", "date"], "Washington, D. C", "MIT Press"),
    ("Tinkham, M. Superconductivity (McGrawHill, Inc., 1976).",
     ["author", "author", "title", "publisher", "publisher", "date"], None, "McGrawHill, Inc"),
])
def test_an_imprint_is_cut_at_its_colon_or_before_the_press(
        text: str, labels: list[str], place: str | None, publisher: str) -> None:
    tokens = tokenize(text)
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.publisher_place, ref.publisher) == (place, publisher)


def test_a_quote_inside_a_name_does_not_end_the_names() -> None:
    text = "O‘Brien, Sean. The Book. London: Verso, 2001."
    tokens = tokenize(text)
    ref = assemble(text, tokens, ["author"] * 3 + ["title"] * 2 + ["location", "publisher",
                                                                   "date"])
    assert ([n.family for n in ref.author], ref.title) == (["O‘Brien"], "The Book")


def test_words_between_two_title_runs_are_the_title() -> None:
    text = "Menon V. Mortality for non Q MI; results from the 1996 New York database. " \
        "J Am Coll Cardiol 2000; 35:347-64."
    tokens = tokenize(text)
    labels = ["author", "author"] + ["title"] * 5 + ["publisher"] * 3 + ["date"] + \
        ["title"] * 3 + ["container-title"] * 4 + ["date", "volume", "pages", "pages"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert ref.title == "Mortality for non Q MI; results from the 1996 New York database"
    assert (ref.publisher, ref.issued.parts if ref.issued else None) == (None, ((2000,),))


def test_a_bracket_closing_before_the_journal_ends_the_title() -> None:
    text = "Rost NS. A novel antibody (EVG F9). Steroids 65:429-436, 2000."
    tokens = tokenize(text)
    labels = ["author", "author", "title", "title", "title"] + ["container-title"] * 4 + [
        "volume", "pages", "pages", "date"]
    assert len(labels) == len(tokens)
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("A novel antibody (EVG F9)", "Steroids")


def test_a_subtitle_read_as_the_start_of_the_journal_joins_the_title() -> None:
    text = ("Stringham, J., Barriers to Compliance Among Veterans: Dry Eye Symptoms and "
            "Anxiety Disorders. Eye & Contact Lens, 2017.")
    tokens, labels = _labels(text, [(2, "author"), (5, "title"), (9, "container-title"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == ("Barriers to Compliance Among Veterans: Dry Eye Symptoms and "
                         "Anxiety Disorders")
    assert ref.container_title == "Eye & Contact Lens"
    # a journal with its own abbreviations after the colon is left alone
    text = "Roe, A. Counting: Proc. Natl. Acad. Sci. USA, 2010, 12, 3-9."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (5, "container-title"),
                                    (1, "date"), (1, "volume"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Counting" and ref.container_title == "Proc. Natl. Acad. Sci. USA"


def test_the_sentence_after_in_and_the_editors_is_the_book_not_the_imprint() -> None:
    text = ("Podlesch, W. (2007): Der Berliner Beitrag. In: Rülcker, T. (Hrsg.) Modell "
            "Berlin. Frankfurt am Main, S. 159-187.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"), (4, "editor"),
                                    (1, "publisher"), (4, "location"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "Modell Berlin" and ref.publisher is None
    assert ref.publisher_place == "Frankfurt am Main" and ref.type == "chapter"
    # "Place: Publisher" after the editors is the imprint
    text = "Roe, A. (2007): Ein Beitrag. In: Lee, T. (Hrsg.) Frankfurt: Campus. S. 1-9."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (4, "editor"),
                                    (1, "location"), (1, "publisher"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title is None and ref.publisher == "Campus"


def test_translators_stop_at_their_bracket_and_in_opens_the_editors() -> None:
    text = ("Evans, G. (1978). Protein kinase (G. Marino & A. Nilsson, trans.). In L. Zhou, "
            "I. Braun, & E. Young (eds.), Unravelling the Nation (pp. 957–989). Georg Appl.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (8, "translator"), (5, "editor"), (3, "container-title"),
                                    (3, "pages"), (2, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.translator] == ["G. Marino", "A. Nilsson"]
    assert [n.display() for n in ref.editor] == ["L. Zhou", "I. Braun", "E. Young"]
    assert ref.type == "chapter"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("von Wright, G. H.", [("von", "Wright", "G. H.")], id="particle-first-inverted"),
    pytest.param("Von Szilvinyi A.", [(None, "Von Szilvinyi", "A.")], id="particle-family-first"),
    pytest.param("von Hans Müller und Eva Klein",
                 [(None, "Müller", "Hans"), (None, "Klein", "Eva")], id="german-by"),
])
def test_a_leading_von_is_a_particle_unless_a_given_name_follows(text: str,
                                                                 expected: list) -> None:
    names = parse_names(text)[0]
    assert [(n.non_dropping_particle, n.family, n.given) for n in names] == expected


def test_a_quoted_title_read_as_an_annotation_is_the_title() -> None:
    text = "Miller, D. (2005). “Such stuff as dreams are made on”: how does FRBR fit"
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (11, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.title is not None and ref.title.startswith("Such stuff as dreams")
    assert ref.annotation is None
    # prose after a titled reference stays the annotation
    text = "Miller, D. (2005). Dreams. London: Verso. “A masterpiece,” said the Times."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (1, "location"), (1, "publisher"), (5, "annotation")])
    assert assemble(text, tokens, labels).annotation == "“A masterpiece,” said the Times."


def test_a_year_inside_the_imprint_is_the_date() -> None:
    text = "Wehler, Hans-Ulrich: Gesellschaftsgeschichte. München: C. H. Beck, 2003. Standardwerk."
    tokens, labels = _labels(text, [(3, "author"), (1, "title"), (1, "location"),
                                    (5, "publisher")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.annotation) == ("C. H. Beck", "Standardwerk.")
    assert ref.issued is not None and ref.issued.year == 2003


def test_a_place_and_publisher_set_off_by_commas_are_parted() -> None:
    text = "Tuñón de Lara, Manuel, La España del siglo XX, Barcelona, Laia, 1977."
    tokens, labels = _labels(text, [(4, "author"), (5, "title"), (2, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher_place, ref.publisher) == ("Barcelona", "Laia")
    assert [(n.family, n.given) for n in ref.author] == [("Tuñón de Lara", "Manuel")]
    # a state, country or abbreviation after the city is part of the place
    for place in ("Cambridge, Massachusetts", "London, England", "Berkeley, CA",
                  "Cambridge, Mass."):
        text = f"Smith, John, A Title, {place}, 1977."
        tokens, labels = _labels(text, [(2, "author"), (2, "title"),
                                        (len(place.split()), "location"), (1, "date")])
        ref = assemble(text, tokens, labels)
        assert (ref.publisher_place, ref.publisher) == (place.rstrip("."), None), place


def test_a_reference_set_off_by_commas_only_is_read_field_by_field() -> None:
    # the labels the model gives these: names running on over the title and the imprint
    text = "Croce, Benedetto, Storia d'Italia dal 1871 al 1915, Bari, Laterza, 1928."
    tokens, labels = _labels(text, [(10, "author"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [(n.family, n.given) for n in ref.author] == [("Croce", "Benedetto")]
    assert (ref.title, ref.publisher_place, ref.publisher) == (
        "Storia d'Italia dal 1871 al 1915", "Bari", "Laterza")
    text = "Romeo, Rosario, Cavour e il suo tempo, 3 voll., Roma-Bari, Laterza, 1969-1984."
    tokens, labels = _labels(text, [(2, "author"), (5, "container-title"), (1, "volume"),
                                    (4, "author"), (2, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.volume, ref.publisher_place, ref.publisher) == (
        "Cavour e il suo tempo", "3 voll", "Roma-Bari", "Laterza")
    # a sentence after the year is the annotation, whatever the labels made of it
    text = "Eco, Umberto, Il nome della rosa, Milano, Bompiani, 1980. Il romanzo celebre."
    tokens, labels = _labels(text, [(8, "author"), (1, "date"), (3, "title")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.publisher, ref.annotation) == (
        "Il nome della rosa", "Bompiani", "Il romanzo celebre.")
    # a subtitle inside the title; the imprint run over the title's last words
    text = "Ginzburg, Carlo, Il formaggio e i vermi. Il cosmo del '500, Torino, Einaudi, 1976."
    tokens, labels = _labels(text, [(2, "author"), (7, "title"), (4, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.publisher_place, ref.publisher) == (
        "Il formaggio e i vermi. Il cosmo del '500", "Torino", "Einaudi")
    # labels that already make sense are left alone: two authors, each "Family, Given"
    text = "Bloch, Marc, Febvre, Lucien, Annales, Paris, Colin, 1929."
    tokens, labels = _labels(text, [(4, "author"), (1, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Bloch", "Febvre"]
    assert ref.title == "Annales"


def test_a_count_of_volumes_leaves_an_edited_book_a_book() -> None:
    text = "Schmidt, H. (Hrsg.): Geschichte Europas, 2 Bde., München: Beck 1990."
    tokens, labels = _labels(text, [(3, "editor"), (2, "container-title"), (2, "volume"),
                                    (1, "location"), (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.type, ref.title, ref.container_title) == ("book", "Geschichte Europas", None)
    # a volume number with no publisher or place is a journal's
    text = "Schmidt, H.: Geschichte Europas, Bd. 2, 1990."
    tokens, labels = _labels(text, [(2, "author"), (2, "container-title"), (2, "volume"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).container_title == "Geschichte Europas"


def test_a_publisher_name_goes_on_past_its_and_and_to_its_bracket() -> None:
    text = "FREIRE, Paulo. Pedagogia do oprimido. Rio de Janeiro: Paz e Terra, 1987."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (3, "location"),
                                    (2, "publisher"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher_place, ref.publisher) == ("Rio de Janeiro", "Paz e Terra")
    text = ("Doe, J. (2015). Adolescent sleep (Doctoral dissertation, University of "
            "Michigan). ProQuest.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (2, "genre"),
                                    (1, "publisher"), (2, "title"), (1, "note")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.genre) == ("University of Michigan", "Doctoral dissertation")
    # a place inside the bracket stays the place
    text = "Groups (P. Kocienski, published by Thieme Verlag Stuttgart)"
    tokens, labels = _labels(text, [(1, "title"), (2, "author"), (2, "note"), (2, "publisher"),
                                    (1, "location")])
    assert assemble(text, tokens, labels).publisher_place == "Stuttgart"


def test_an_article_number_or_electronic_page_is_the_page() -> None:
    text = "N. Aghanim et al., Astron. Astrophys. 641, A6 (2020)."
    tokens, labels = _labels(text, [(4, "author"), (2, "container-title"), (3, "volume"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.page) == ("641", "A6")
    text = "Smith J, et al. Lancet. 2020;395:e45."
    tokens, labels = _labels(text, [(4, "author"), (1, "container-title"), (1, "date"),
                                    (1, "volume"), (1, "other")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.page) == ("395", "e45")


def test_a_books_length_and_a_series_in_the_imprint() -> None:
    text = ("Dupont, J. (2012). L'histoire de France. Paris : Gallimard, "
            "coll. « Folio histoire », 450 p.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "container-title"),
                                    (1, "location"), (4, "publisher"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.type, ref.title, ref.container_title) == ("book", "L'histoire de France", None)
    assert (ref.publisher, ref.collection_title) == ("Gallimard", "Folio histoire")
    assert (ref.number_of_pages, ref.page) == ("450", None)
    # a series whose quotation is never closed is left in the imprint
    text = "Roe, A. Mapping. Éditions du Seuil, coll. « Fiction & Cie, 2019."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (6, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.collection_title is None
    # pages cited stay pages, and keep a chapter a chapter
    text = "Roe, A. (2012). Ideas. In Books. Paris : Gallimard, p. 450."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (2, "container-title"), (1, "location"), (1, "publisher"),
                                    (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.page, ref.number_of_pages, ref.container_title) == ("450", None, "Books")


def test_a_book_read_as_the_place_after_its_editors_ends_at_its_sentence() -> None:
    text = ("Müller, Hans: Die Geschichte der Stadt. In: Meyer, Karl (Hrsg.): Stadtgeschichte. "
            "Berlin: de Gruyter 2005, S. 12–45.")
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (4, "editor"), (2, "location"),
                                    (2, "publisher"), (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.publisher_place) == ("Stadtgeschichte", "Berlin")


def test_apa_translator_in_brackets_and_the_original_date() -> None:
    text = ("Foucault, M. (1977). Discipline and punish (A. Sheridan, Trans.). Pantheon Books. "
            "(Original work published 1975)")
    # the labels the model gives it: the names as the book, the publisher as translators
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (5, "container-title"),
                                    (3, "translator"), (4, "note")])
    ref = assemble(text, tokens, labels)
    assert [(n.family, n.given) for n in ref.translator] == [("Sheridan", "A.")]
    assert (ref.type, ref.title, ref.publisher) == ("book", "Discipline and punish",
                                                    "Pantheon Books")
    assert ref.original_date is not None and ref.original_date.year == 1975
    assert ref.note is None


def test_one_volume_of_a_published_set_is_a_book_and_a_span_of_years_its_date() -> None:
    text = ("Marx, Karl. Capital: A Critique of Political Economy. Vol. 1. London: Penguin, "
            "1976.")
    tokens, labels = _labels(text, [(2, "author"), (6, "container-title"), (2, "volume"),
                                    (1, "location"), (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.type, ref.title, ref.volume) == ("book", "Capital: A Critique of Political "
                                                 "Economy", "1")
    # a journal's volume keeps the journal
    text = "Roe, A. Journal of Things. Vol. 1. 1976."
    tokens, labels = _labels(text, [(2, "author"), (3, "container-title"), (2, "volume"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).container_title == "Journal of Things"
    text = "Gibbon, Edward. Decline and Fall. London: Strahan & Cadell, 1776–1789."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (1, "location"),
                                    (2, "publisher"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.parts == ((1776,), (1789,))
    assert ref.page is None


def test_prose_after_the_publisher_that_ends_the_reference_is_the_annotation() -> None:
    text = ("BLOCH, Marc, 1949. Apologie pour l'histoire. Paris : Armand Colin. Publié après "
            "la mort de l'auteur.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"), (1, "location"),
                                    (8, "publisher")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.annotation) == ("Armand Colin",
                                               "Publié après la mort de l'auteur.")
    # a month after the publisher is a date before any prose: where that starts is unsure
    text = "Roe, A. 1999. Notes. Athens, GA: Office of Quality. July. Now two documents here."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"), (2, "location"),
                                    (8, "publisher")])
    assert assemble(text, tokens, labels).annotation is None
    # an abbreviation inside a publisher's name is no sentence's end
    text = "Roe, A. 1990. Notes. New York: Wm. Morrow and Co. Publishers."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"), (2, "location"),
                                    (5, "publisher")])
    assert assemble(text, tokens, labels).annotation is None


def test_an_italian_editor_cue_inside_the_title() -> None:
    text = ("Gramsci, Antonio, Quaderni del carcere, a cura di Valentino Gerratana, 4 voll., "
            "Torino, Einaudi, 1975.")
    tokens, labels = _labels(text, [(2, "author"), (8, "title"), (2, "volume"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Quaderni del carcere"
    assert [(n.family, n.given) for n in ref.editor] == [("Gerratana", "Valentino")]


def test_a_link_read_as_a_field_is_the_url() -> None:
    text = "[10] CERT. Overview of attack trends. http://www.cert.org/archive/trends.pdf, 2002."
    tokens, labels = _labels(text, [(1, "other"), (1, "author"), (4, "title"), (1, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.URL, ref.publisher) == ("http://www.cert.org/archive/trends.pdf", None)
    # a link inside the annotation stays there
    text = "Roe, A. 2001. Notes. London: Verso. A good read; see http://example.org/notes."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"), (1, "location"),
                                    (1, "publisher"), (5, "annotation")])
    assert assemble(text, tokens, labels).URL is None


def test_a_journal_abbreviated_without_periods_ends_the_title() -> None:
    text = ("Margulis L: Archael-eubacterial mergers in the origin of Eukarya: classification "
            "of life Proc Natl Acad Sci USA 93:1071-1076, 1996.")
    tokens, labels = _labels(text, [(2, "author"), (16, "title"), (1, "volume"), (2, "pages"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "Proc Natl Acad Sci USA"
    assert ref.title is not None and ref.title.endswith("classification of life")
    # capitalised words that are no abbreviations stay in the title
    text = "Roe A: Notes on Ancient Greek Science 12:1-9, 1996."
    tokens, labels = _labels(text, [(2, "author"), (5, "title"), (1, "volume"), (2, "pages"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).title == "Notes on Ancient Greek Science"


def test_direct_order_names_run_into_the_title_are_the_authors() -> None:
    text = ("Kathryn Harriman, Paul Houston, Bill Senior, and Endre Suli. hp-version "
            "Galerkin methods. Numerische Mathematik, 2002.")
    tokens, labels = _labels(text, [(4, "author"), (9, "title"), (2, "container-title"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Harriman", "Houston", "Senior", "Suli"]
    assert ref.title == "hp-version Galerkin methods"
    # the same after a list number: the repairs see the reference start after it
    tokens, labels = _labels("[83] " + text, [(1, "other"), (4, "author"), (9, "title"),
                                              (2, "container-title"), (1, "date")])
    ref = assemble("[83] " + text, tokens, labels)
    assert [n.family for n in ref.author] == ["Harriman", "Houston", "Senior", "Suli"]
    assert [d.code for d in ref.diagnostics] == ["list-number"]
    # a title that opens with capitalised words and "and" but no names stays whole
    text = "Paul Houston, Anne Smith, Lions, Tigers, and Bears. Oxford: Clarendon, 2002."
    tokens, labels = _labels(text, [(4, "author"), (4, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    assert assemble(text, tokens, labels).title == "Lions, Tigers, and Bears"


def test_an_annotation_starts_where_its_sentence_starts() -> None:
    # the publisher ran on over the sentence end into the annotation's first words
    text = ("Young, A. (1985). Delaying vaccination. London: Peter Owen Limited. Compares "
            "Agincourt, Waterloo, and the Somme from the point of view of the men who fought.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (1, "location"),
                                    (4, "publisher"), (3, "location"), (12, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation is not None and ref.annotation.startswith("Compares Agincourt")
    assert ref.publisher == "Peter Owen Limited" and ref.publisher_place == "London"
    # a field read a second time after the numbers ("Global Politics 176: 11–13. Compares")
    text = ("Nelson, J. 2008. Interobserver Agreement. Global Politics 176: 1111–13. Compares "
            "Agincourt, Waterloo, and the Somme.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (2, "container-title"), (1, "volume"), (2, "pages"),
                                    (1, "container-title"), (2, "location"), (3, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Compares Agincourt, Waterloo, and the Somme."
    assert ref.container_title == "Global Politics"


def test_a_publication_history_before_the_annotation_opens_it() -> None:
    text = ("Lefebvre, G. The Coming of the French Revolution. Princeton: Princeton University "
            "Press, 1947. Originally published as Quatre-vingt-neuf in 1939. The classic "
            "social interpretation of 1789.")
    tokens, labels = _labels(text, [(2, "author"), (6, "title"), (1, "location"),
                                    (3, "publisher"), (1, "date"), (8, "note"),
                                    (6, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation is not None and ref.annotation.startswith("Originally published as")
    assert ref.original_title == "Quatre-vingt-neuf" and not ref.note
    # after the closing numbers with no period, whatever the labels of its words
    numbers = ("Gartner, A. Eyes. Surv. Ophthal. 22: 291-312 First published in 1969 as An "
               "Economic History. The standard introduction.")
    tokens, labels = _labels(numbers, [(2, "author"), (1, "title"), (2, "container-title"),
                                       (1, "volume"), (2, "pages"), (2, "note"), (1, "other"),
                                       (1, "date"), (4, "container-title"), (3, "annotation")])
    ref = assemble(numbers, tokens, labels)
    assert ref.annotation is not None and ref.annotation.startswith("First published in 1969")
    assert ref.page == "291-312" and ref.original_title == "An Economic History"
    # with no annotation after it, the sentence stays the reference's note, all its
    # words kept (they were lost before: only the year was read)
    text = text[: text.index(" The classic")]
    tokens, labels = _labels(text, [(2, "author"), (6, "title"), (1, "location"),
                                    (3, "publisher"), (1, "date"), (8, "note")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation is None and ref.original_title == "Quatre-vingt-neuf"
    assert ref.note == "Originally published as Quatre-vingt-neuf in 1939"
    assert ref.original_date is not None and ref.original_date.year == 1939
    # APA's "(Original work published 1975)" says nothing more than the year
    text = "Freud, S. (1990). The Ego and the Id. Norton. (Original work published 1923)"
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (5, "title"),
                                    (1, "publisher"), (4, "note")])
    ref = assemble(text, tokens, labels)
    assert ref.original_date is not None and ref.original_date.year == 1923 and not ref.note


def test_an_annotation_starts_after_the_numbers_that_close_a_reference() -> None:
    # DIN ends without a period: the pages close the reference
    text = ("SINGH, Mark, 1992. The subunit. Plume. S. 802–838 Compares Agincourt, Waterloo, "
            "and the Somme.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (1, "publisher"),
                                    (3, "pages"), (2, "container-title"), (1, "location"),
                                    (3, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Compares Agincourt, Waterloo, and the Somme."
    assert ref.container_title is None and ref.page == "802-838"
    # a link closed it, and a new field opened after it
    text = ("Fischer, A. (1978) Novalis. Review, 54, pp. 1887–1893. https://doi.org/10.8145/"
            "abc.75. Compares Agincourt, Waterloo, and the Somme.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (1, "container-title"), (1, "volume"), (3, "pages"),
                                    (1, "doi"), (2, "publisher"), (2, "location"),
                                    (2, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Compares Agincourt, Waterloo, and the Somme."
    assert ref.publisher is None and ref.DOI == "10.8145/abc.75"


def test_an_annotation_opening_inside_the_reference_gives_its_words_back() -> None:
    text = ("Béliveau, J. (2006). Parcours. Recherches, 26(2), 40-65. www.example.qc.ca/Revue"
            ".html Lenin’s final months.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (1, "container-title"), (1, "volume"), (1, "issue"),
                                    (2, "pages"), (4, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Lenin’s final months."
    assert ref.URL == "www.example.qc.ca/Revue.html"
    text = "Mahsarski, Dirk. 2011. Herbert Jankuhn. Rahden: VML [Verlag Marie Leidorf]. Waley."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (1, "location"),
                                    (2, "publisher"), (3, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Waley."
    assert ref.publisher is not None and "Leidorf" in ref.publisher


def test_an_annotation_does_not_reach_back_into_the_reference() -> None:
    # no sign of a cut sentence: a capitalised first word after a capitalised word
    text = ("Morel, Henri, 1951. Long-term prognosis. Hilo: University of Hawaii. November "
            "Personal troubles and public issues.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"), (1, "location"),
                                    (3, "publisher"), (1, "date"), (5, "annotation")])
    assert assemble(text, tokens, labels).annotation == "Personal troubles and public issues."
    # the words before the cut are a field of their own, read once: they stay
    text = ("Morel, Henri, 1951. Long-term prognosis. Lexington, MA: Hopkins Press A "
            "much-cited essay.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"), (2, "location"),
                                    (2, "publisher"), (1, "other"), (3, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.publisher_place == "Lexington, MA" and ref.annotation is not None
    assert not ref.annotation.startswith("Lexington")
    # a bracket closing before the annotation is a boundary of its own
    text = ("EPA. 2009. Soil Screening Levels. Washington. June. (Date Accessed) Chapter 7 is "
            "the part everyone cites.")
    tokens, labels = _labels(text, [(1, "author"), (1, "date"), (3, "title"), (1, "location"),
                                    (3, "publisher"), (7, "annotation")])
    assert assemble(text, tokens, labels).annotation == "Chapter 7 is the part everyone cites."


def test_a_second_title_after_a_complete_reference_is_the_annotation() -> None:
    text = ("Ashworth, A. (2013) “Fatal hepatitis”, Mitteilungen, 57(11), pp. 841–880. "
            "Inclusive fitness. Part II, in the same issue, works through the examples.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (1, "container-title"), (1, "volume"), (1, "issue"),
                                    (3, "pages"), (4, "title"), (8, "note")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Fatal hepatitis"
    assert ref.annotation == ("Inclusive fitness. Part II, in the same issue, works through "
                              "the examples.")
    # DIN and others close with the year and no period: the prose starts right after it
    text = ("MERDRIGNAC Bernard, Bretons et Normands, PUR, Rennes, 2008 Introduces the "
            "Chinese Room argument.")
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (1, "publisher"),
                                    (1, "location"), (1, "date"), (5, "title")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Introduces the Chinese Room argument."
    assert ref.title == "Bretons et Normands"
    # a quoted judgement after the reference, whatever the tagger made of its words
    text = ("Judt, Tony. Postwar. New York: Penguin Press, 2005. “The best history of postwar "
            "Europe,” according to the Guardian.")
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (2, "location"),
                                    (2, "publisher"), (1, "date"), (6, "title"),
                                    (4, "container-title")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "“The best history of postwar Europe,” according to the Guardian."
    assert (ref.title, ref.container_title) == ("Postwar", None)
    # a quoted chapter title followed by its book is no judgement
    text = "Judt, Tony. Postwar. 2005. “The Past,” In Essays. London: Verso."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (1, "date"), (2, "title"),
                                    (2, "container-title"), (1, "location"), (1, "publisher")])
    assert assemble(text, tokens, labels).annotation is None
    # a title after a date that is not the last thing in the reference stays a title
    text = "Smith, J. 1990. First Title. Reprinted as Second Title, 2001."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (2, "note"),
                                    (2, "title"), (1, "date")])
    assert assemble(text, tokens, labels).annotation is None


def test_a_role_word_opening_a_bracket_names_the_editors_inside_it() -> None:
    text = "Reimer, B. (2006). Toward a Foundation, MENC Handbook (Ed. Colwell, R.), Oxford UP."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"),
                                    (2, "container-title"), (5, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.editor] == ["R. Colwell"]
    assert ref.publisher == "Oxford UP"


def test_a_bracketed_status_and_the_initials_before_it() -> None:
    text = "Thauer, Christian (forthcoming). Does it really take the State? Business and Politics."
    tokens, labels = _labels(text, [(2, "author"), (7, "title"), (3, "container-title")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Does it really take the State?"
    assert ref.issued is not None and ref.issued.literal == "forthcoming"
    text = "Smith, J. (in press). A study of things. Journal of Stuff."
    tokens, labels = _labels(text, [(1, "author"), (3, "date"), (4, "title"),
                                    (3, "container-title")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["J. Smith"]
    assert ref.issued is not None and ref.issued.literal == "in press"


def test_words_run_into_a_link_are_kept_in_the_note() -> None:
    text = "Wilensky, U. (1999). NetLogo. http://ccl.example.edu/netlogo/. Center for Learning."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"), (2, "url"),
                                    (2, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.URL == "http://ccl.example.edu/netlogo/" and ref.note == "Center"


def test_a_chapter_cited_without_its_own_title_has_the_book_after_in() -> None:
    text = "J. E. Krüger, in Infant Tongues, eds A. Evans and J. Turner, Palgrave, 1953, pp. 6–9."
    tokens, labels = _labels(text, [(3, "author"), (3, "title"), (6, "editor"),
                                    (1, "publisher"), (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title is None and ref.container_title == "Infant Tongues"
    assert [n.display() for n in ref.editor] == ["A. Evans", "J. Turner"]
    assert ref.type == "chapter"


def test_a_journal_read_as_the_publisher_before_volume_and_pages() -> None:
    text = "Hinüber, H. Did Buddha teach it?. Annual Report of the Institute, vol. 20 (2017) 57–66"
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (5, "publisher"),
                                    (2, "volume"), (1, "date"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "Annual Report of the Institute" and ref.publisher is None
    assert ref.type == "article-journal"
    # a book's publisher before its volume, with its place, stays the publisher
    text = "Roe, A. Collected Works. London: Verso, vol. 2, pp. 5–9."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "location"),
                                    (1, "publisher"), (2, "volume"), (3, "pages")])
    assert assemble(text, tokens, labels).publisher == "Verso"


def test_names_with_two_roles_are_editors_and_translators() -> None:
    # APA: the roles in brackets after the title; the labels had taken "Ed." for the
    # whole reference, so the names that open it were read as editors too
    text = ("Borges, J. L. (1999). Selected non-fictions (E. Weinberger, Ed. and Trans.). "
            "New York: Viking.")
    tokens, labels = _labels(text, [(3, "editor"), (1, "date"), (3, "title"), (5, "editor"),
                                    (2, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.author] == ["J. L. Borges"]
    assert [n.display() for n in ref.editor] == ["E. Weinberger"]
    assert [n.display() for n in ref.translator] == ["E. Weinberger"]
    # Chicago: the two role words before the names, labelled as two runs
    text = ("Freud, Sigmund. The Interpretation of Dreams. Edited and translated by James "
            "Strachey. New York: Basic Books, 2010.")
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (2, "editor"),
                                    (4, "translator"), (2, "location"), (2, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.editor] == ["James Strachey"]
    assert [n.display() for n in ref.translator] == ["James Strachey"]
    assert ref.title == "The Interpretation of Dreams"
    # one role only: the names keep it, and an editor with "(Ed.)" of her own stays one
    text = "Smith, J. (Ed.). (1999). A title (K. Roe, Trans.). London: Verso."
    tokens, labels = _labels(text, [(3, "editor"), (1, "date"), (2, "title"), (3, "translator"),
                                    (1, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.display() for n in ref.editor] == ["J. Smith"] and not ref.author
    assert [n.display() for n in ref.translator] == ["K. Roe"]


def test_italian_and_portuguese_e_between_names() -> None:
    assert _split("Smith, J. e Rossi, M.") == [("Smith", "J.", None), ("Rossi", "M.", None)]
    assert _split("Silva e Sousa, João") == [("Silva e Sousa", "João", None)]
    assert _split("Costa, A. e Silva e Sousa, J.") == [("Costa", "A.", None),
                                                      ("Silva e Sousa", "J.", None)]


def test_edition_qualifier_and_a_title_word_read_as_the_place() -> None:
    text = ("Mill, John Stuart. On Liberty. 2nd ed., enl. Chicago: University of Chicago "
            "Press, 1990.")
    tokens, labels = _labels(text, [(3, "author"), (2, "title"), (2, "edition"),
                                    (2, "location"), (4, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.edition == "2" and ref.publisher_place == "Chicago"
    # MLA: a container title, then a comma and the publisher; no mark before "Son"
    text = ('Baldwin, James. "Stranger in the Village." Notes of a Native Son, Beacon Press, '
            "1955, pp. 159-75.")
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (4, "container-title"),
                                    (3, "publisher"), (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "Notes of a Native Son" and ref.publisher == "Beacon Press"
    assert ref.publisher_place is None
    # with a mark before it, a place is a place
    text = "Roe, A. Collected Works. Paris, Gallimard, 1990."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    assert assemble(text, tokens, labels).publisher_place == "Paris"


def test_vancouver_cited_date_medium_and_a_year_in_the_title() -> None:
    text = ("World Health Organization. Global tuberculosis report 2020 [Internet]. Geneva: "
            "WHO; 2020 [cited 2021 Mar 3]. Available from: https://www.who.int/publications/x")
    tokens, labels = _labels(text, [(3, "author"), (3, "title"), (1, "date"), (1, "other"),
                                    (1, "location"), (1, "publisher"), (1, "date"),
                                    (1, "other"), (5, "note"), (1, "url")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Global tuberculosis report 2020" and ref.medium == "Internet"
    assert ref.issued is not None and ref.issued.year == 2020
    assert ref.accessed is not None and ref.accessed.parts == ((2021, 3, 3),)
    assert ref.URL == "https://www.who.int/publications/x" and not ref.note
    # a year after a title with a mark between them is the date
    text = "Roe, A. Collected Works 1990. London: Verso."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "date"),
                                    (1, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Collected Works" and ref.issued is not None


def test_imprint_in_brackets_and_volume_issue_ending_the_journal() -> None:
    text = "P. K. Shukla, Introduction to Dusty Plasmas (Inst. of Physics, Bristol, 2002)."
    tokens, labels = _labels(text, [(3, "author"), (7, "title"), (1, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Introduction to Dusty Plasmas" and ref.publisher == "Inst. of Physics"
    assert ref.publisher_place == "Bristol"
    # a bracket that closes inside the title, or no year closing it: the title as read
    for text, runs in (("P. K. Shukla, Plasmas (Dusty), Inst. of Physics, Bristol, 2002.",
                        [(3, "author"), (5, "title"), (1, "location"), (1, "date")]),
                       ("P. K. Shukla, Introduction to Dusty Plasmas (Inst. of Physics, Bristol).",
                        [(3, "author"), (7, "title"), (1, "location")])):
        tokens, labels = _labels(text, runs)
        assert assemble(text, tokens, labels).publisher is None, text
    text = "L. Berre. Modelling of flow. Quart. J. Roy. Meteor. Soc., 141(692): 2803-2812, 2015."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (6, "container-title"),
                                    (1, "publisher"), (2, "pages"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.volume, ref.issue) == ("Quart. J. Roy. Meteor. Soc.",
                                                            "141", "692")


def test_chinese_names_in_capitals_with_a_hyphenated_given_name() -> None:
    assert _split("DUAN Yi-Shi, GE Mo-Lin") == [("DUAN", "Yi-Shi", None),
                                                ("GE", "Mo-Lin", None)]
    assert _split("SARTRE Jean-Paul") == [("SARTRE", "Jean-Paul", None)]
    assert _split("DA Alexander") == [("Alexander", "DA", None)]  # initials, as before


def test_acl_imprint_and_preprint_type() -> None:
    text = ("Devlin, J. 2019. BERT. In Proceedings of NAACL, pages 4171–4186, Minneapolis, "
            "Minnesota. Association for Computational Linguistics.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (4, "container-title"), (3, "pages"), (1, "location"),
                                    (5, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.publisher_place == "Minneapolis, Minnesota"
    assert ref.publisher == "Association for Computational Linguistics"
    # no state or country before the period: the publisher as read
    text = "Roe, A. 2001. Essais. Paris, Gallimard. Collection Folio Histoire."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"), (1, "location"),
                                    (4, "publisher")])
    assert assemble(text, tokens, labels).publisher_place == "Paris"
    text = "Vaswani, A. (2017). Attention is all you need. arXiv preprint arXiv:1706.03762."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (5, "title"), (2, "genre"),
                                    (3, "note")])
    assert assemble(text, tokens, labels).type == "article"


def test_apa_media_descriptions_give_the_type() -> None:
    text = ("Smith, J. (2019). mytool: A package (Version 2.1.0) [Computer software]. Zenodo. "
            "https://doi.org/10.5281/zenodo.1234567")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (7, "title"),
                                    (2, "genre"), (1, "container-title"), (1, "url")])
    ref = assemble(text, tokens, labels)
    assert (ref.type, ref.title, ref.genre) == ("software", "mytool: A package",
                                                "Computer software")
    assert ref.publisher == "Zenodo" and ref.note == "Version 2.1.0"
    text = "Jones, A. (2020). Global temperature records [Data set]. NOAA. https://x.org/a"
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (5, "title"), (2, "url")])
    ref = assemble(text, tokens, labels)
    assert (ref.type, ref.title, ref.publisher) == ("dataset", "Global temperature records",
                                                    "NOAA")
    # a bracket that is no description stays as read
    text = "Roe, B. (2001). Part [A] of the study. London: Verso."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (5, "title"), (1, "location"),
                                    (1, "publisher")])
    assert assemble(text, tokens, labels).type == "book"


def test_a_standard_and_a_university_named_by_its_town() -> None:
    text = ("International Organization for Standardization. (2018). Information and "
            "documentation (ISO 690:2010).")
    tokens, labels = _labels(text, [(4, "author"), (1, "date"), (3, "title"),
                                    (1, "container-title"), (1, "volume"), (1, "note")])
    ref = assemble(text, tokens, labels)
    assert (ref.type, ref.number, ref.title) == ("standard", "ISO 690:2010",
                                                 "Information and documentation")
    assert ref.container_title is None and ref.volume is None
    text = "Schmidt, Peter: Die Reform der Gemeinden. Diss. Universität Göttingen, 1998."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (1, "genre"),
                                    (1, "publisher"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.publisher_place) == ("Universität Göttingen", None)
    text = "Roe, A. Essays. Cambridge University, Cambridge, 1998."  # after a comma: the place
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (2, "publisher"),
                                    (1, "location"), (1, "date")])
    assert assemble(text, tokens, labels).publisher_place == "Cambridge"


def test_a_corporate_author_before_a_quoted_title() -> None:
    text = ("Wikipedia contributors. \"Yalta Conference.\" Wikipedia, The Free Encyclopedia. "
            "Retrieved 2021-03-05.")
    tokens, labels = _labels(text, [(4, "title"), (5, "container-title"), (2, "date"),
                                    (1, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.literal for n in ref.author] == ["Wikipedia contributors"]
    assert (ref.title, ref.type) == ("Yalta Conference", "entry-encyclopedia")
    text = "World Health Organization. \"Malaria.\" WHO, 2020."
    tokens, labels = _labels(text, [(5, "author"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.literal for n in ref.author] == ["World Health Organization"]
    assert (ref.title, ref.container_title) == ("Malaria", "WHO")


def test_a_journal_called_proceedings_is_a_journal() -> None:
    text = "Hogg PJ, Jackson CM. Fibrin monomer. Proc Natl Acad Sci USA (1989) 86:3619-3623."
    tokens, labels = _labels(text, [(4, "author"), (2, "title"), (5, "container-title"),
                                    (1, "date"), (1, "volume"), (2, "pages")])
    assert assemble(text, tokens, labels).type == "article-journal"
    text = "Lee, A. Parsing. In Proceedings of NAACL, pages 1–10. ACL, 2019."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (4, "container-title"),
                                    (3, "pages"), (1, "publisher"), (1, "date")])
    assert assemble(text, tokens, labels).type == "paper-conference"


def test_a_newspaper_dated_to_the_day_is_news() -> None:
    text = "\"Storm hits coast.\" The Guardian, 5 March 2021, p. 12."
    tokens, labels = _labels(text, [(3, "title"), (2, "container-title"), (3, "date"),
                                    (2, "pages")])
    assert assemble(text, tokens, labels).type == "article-newspaper"
    text = "Roe, B. \"Storms.\" Journal of Weather Studies 12, 5 March 2021: 1-9."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (4, "container-title"),
                                    (1, "volume"), (3, "date"), (2, "pages")])
    assert assemble(text, tokens, labels).type == "article-journal"


def test_a_count_of_volumes_and_a_short_year_range() -> None:
    text = "Tolstoy, Leo. War and Peace. 3 vols. London: Oxford University Press, 1922–23."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (2, "volume"),
                                    (1, "location"), (3, "publisher"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.number_of_volumes == "3" and ref.volume is None
    assert ref.issued is not None and ref.issued.parts == ((1922,), (1923,))
    assert ref.page is None
    text = "Lexer, Matthias. Handwörterbuch. Bd. 3. Stuttgart, 1974."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (2, "volume"),
                                    (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.volume == "3" and ref.number_of_volumes is None  # which volume, not how many


def test_gost_names_title_issue_and_extent() -> None:
    assert _split("Иванов И. И., Петров П. П. и др.") == [("Иванов", "И. И.", None),
                                                        ("Петров", "П. П.", None)]
    assert parse_names("Иванов И. И., Петров П. П. и др.")[1]  # "и др.": et al.
    text = "Петров П. П. Реформы Петра I // Вопросы истории. 1990. № 3. С. 12–20."
    tokens, labels = _labels(text, [(4, "author"), (2, "title"), (2, "container-title"),
                                    (1, "date"), (1, "genre"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert [(n.family, n.given) for n in ref.author] == [("Петров", "П. П.")]
    assert ref.title == "Реформы Петра I" and ref.container_title == "Вопросы истории"
    assert ref.issue == "3" and ref.page == "12-20"
    text = "Ivanov I. I. Istoriya Rossii. M.: Nauka, 2005. 320 с."
    tokens, labels = _labels(text, [(5, "author"), (1, "location"), (1, "publisher"),
                                    (1, "date"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Istoriya Rossii" and [n.family for n in ref.author] == ["Ivanov"]
    assert ref.number_of_pages == "320" and ref.page is None
    assert ref.publisher_place == "M."  # "M.: Nauka": Moscow abbreviated keeps its period
    text = "Roe, A. Collected Works. London. Verso, 1990."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    assert assemble(text, tokens, labels).publisher_place == "London"  # a sentence period
    # initials first, a comma after the family name, or more words before the
    # initials: the names are left as they were read
    for text, n in (("W. H. Moore Title words. Paris, 1990.", 5),
                    ("Marshall, I. Howard. The Gospel. London, 1978.", 3),
                    ("Daya Bay Collab. (F. P. An et al.), Phys. Rev. 1.", 8)):
        tokens = tokenize(text)
        labels = ["author"] * n + ["other"] * (len(tokens) - n)
        assert assemble(text, tokens, labels).title is None, text


def test_chinese_references_and_gbt_type_markers() -> None:
    assert split_type_marker("Deep learning[J]. Journal of X, 2019, 34(2): 1-2.") == (
        "Deep learning. Journal of X, 2019, 34(2): 1-2.", "article-journal")
    assert split_type_marker("Statistical Yearbook[EB/OL]. (2020-10-01)")[1] == "webpage"
    assert split_type_marker("Neural nets[C]//Proceedings of ACL")[1] == "paper-conference"
    assert split_type_marker("Part [A] of the study. London, 1990.") == (
        "Part [A] of the study. London, 1990.", None)  # not after the title
    text = "李华, 张伟. 基于深度学习的图像识别研究. 计算机学报, 2020, 43(5): 1-15."
    tokens, labels = _labels(text, [(4, "author"), (1, "date"), (1, "volume"), (1, "issue"),
                                    (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["李华", "张伟"]
    assert ref.title == "基于深度学习的图像识别研究" and ref.container_title == "计算机学报"
    text = "王小明, 李华, 张伟, 等. 中国经济发展研究. 上海: 上海人民出版社, 2010."
    tokens, labels = _labels(text, [(4, "author"), (1, "title"), (2, "container-title"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["王小明", "李华", "张伟"]
    assert any(d.code == "et-al" for d in ref.diagnostics)
    assert ref.title == "中国经济发展研究"
    assert (ref.publisher_place, ref.publisher) == ("上海", "上海人民出版社")


@needs_model
def test_gbt_marker_gives_the_type_in_both_parsers() -> None:
    from yalta_refs.parse.reference import parse_reference

    text = "Chen X. A study of rivers[D]. Beijing: Peking University, 2015."
    for ref in (parse_crf(text), parse_reference(text)):
        assert ref.type == "thesis" and ref.title == "A study of rivers", ref
        assert ref.source_text == text


def test_gbt_online_dates_are_published_and_cited() -> None:
    text, issued, cited = split_gbt_dates("Yearbook. (2020-10-01)[2021-03-05]. http://x.cn/.")
    assert text == "Yearbook. . http://x.cn/."
    assert issued is not None and issued.parts == ((2020, 10, 1),)
    assert cited is not None and cited.parts == ((2021, 3, 5),)
    _, issued, cited = split_gbt_dates("Yearbook. [2021-03-05]. http://x.cn/.")
    assert issued is None and cited is not None and cited.parts == ((2021, 3, 5),)
    assert split_gbt_dates("Yearbook. 2015, 3(2): 1-5.") == ("Yearbook. 2015, 3(2): 1-5.",
                                                            None, None)
    # the title ends at the marker: what opens the reference before it is the author
    text = "National Bureau of Statistics. China Statistical Yearbook. http://x.cn/."
    tokens = tokenize(text)
    labels = ["title"] * 7 + ["url"]
    ref = assemble(text, tokens, labels, title_end=text.index(". http"))
    assert ref.title == "China Statistical Yearbook"
    assert [n.literal for n in ref.author] == ["National Bureau of Statistics"]
    # names already read stay as they are
    labels = ["author"] * 4 + ["title"] * 3 + ["url"]
    ref = assemble(text, tokens, labels, title_end=text.index(". http"))
    assert ref.title == "China Statistical Yearbook"


@needs_model
def test_gbt_web_page_in_both_parsers() -> None:
    from yalta_refs.parse.reference import parse_reference

    text = ("National Bureau of Statistics. China Statistical Yearbook[EB/OL]. "
            "(2020-10-01)[2021-03-05]. http://www.stats.gov.cn/tjsj/ndsj/.")
    for ref in (parse_crf(text), parse_reference(text)):
        assert ref.type == "webpage" and ref.URL == "http://www.stats.gov.cn/tjsj/ndsj/"
        assert ref.issued is not None and ref.issued.parts == ((2020, 10, 1),)
        assert ref.accessed is not None and ref.accessed.parts == ((2021, 3, 5),)
    assert parse_crf(text).title == "China Statistical Yearbook"


def test_dutch_and_polish_red_marks_editors() -> None:
    text = "Jansen, P. (red.) (2004). Geschiedenis van Nederland. Amsterdam: Boom."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (3, "title"),
                                    (1, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Jansen"] and not ref.author
    text = ("Jansen, P. (2004). De stad. In: K. de Vries (red.), Geschiedenis van Nederland. "
            "Amsterdam: Boom.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (8, "container-title"), (1, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Vries"]
    assert ref.container_title == "Geschiedenis van Nederland"
    text = "Red, Anna. The Red Book. London: Verso, 2001."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Red"] and not ref.editor


def test_abnt_label_words_and_organizers() -> None:
    text = ("SOUZA, M. A.; LIMA, P. R. Educação e sociedade. Revista Brasileira de Educação, "
            "Rio de Janeiro, v. 12, n. 3, p. 45-60, 2015.")
    tokens, labels = _labels(text, [(6, "author"), (3, "title"), (4, "container-title"),
                                    (3, "location"), (2, "volume"), (2, "issue"), (3, "pages"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.issue, ref.page) == ("12", "3", "45-60")
    text = ("OLIVEIRA, A. Capítulo sobre história. In: SANTOS, B. (Org.). Livro organizado. "
            "Belo Horizonte: UFMG, 2005. p. 10-30.")
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (6, "container-title"),
                                    (3, "location"), (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert [(n.family, n.given) for n in ref.editor] == [("SANTOS", "B.")]
    assert ref.container_title == "Livro organizado"
    # an abbreviated journal word is no role word
    text = "Smith, J. (2001). Reaction. J. Org. Chem. 66, 1-5."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (3, "container-title"), (1, "volume"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "J. Org. Chem." and not ref.editor


def test_japanese_brackets_mark_titles() -> None:
    text = "山田太郎・鈴木一郎 (2018)『社会言語学入門』東京: 岩波書店."
    tokens, labels = _labels(text, [(2, "title"), (1, "date"), (1, "title"), (2, "title")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["山田太郎", "鈴木一郎"]
    assert ref.title == "社会言語学入門"
    text = "鈴木一郎 (2010)「言語変化の研究」『言語学雑誌』12(3), 45-60."
    tokens, labels = _labels(text, [(1, "author"), (1, "date"), (2, "title"), (1, "volume"),
                                    (1, "issue"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "言語変化の研究" and ref.container_title == "言語学雑誌"
    text = "山田太郎 (2015)『日本語の文法』くろしお出版."
    tokens, labels = _labels(text, [(1, "author"), (1, "date"), (2, "title")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "日本語の文法" and ref.publisher == "くろしお出版"


def test_retrieved_and_published_dates_and_a_description_in_brackets() -> None:
    text = ("American Psychological Association. (n.d.). Publication manual. Retrieved March 3, "
            "2021, from https://apastyle.apa.org")
    tokens, labels = _labels(text, [(3, "author"), (2, "date"), (7, "note"), (1, "url")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Publication manual" and ref.URL == "https://apastyle.apa.org"
    assert ref.accessed is not None and ref.accessed.parts == ((2021, 3, 3),)
    assert not ref.note
    text = ("RODRIGUES, Carla. O (cis)gênero não existe. Publicado em: 14 dez. 2014. "
            "Disponível em: http://www.geledes.org.br/x/ Acesso em: 9 jan. 2015.")
    tokens, labels = _labels(text, [(2, "author"), (8, "title"), (1, "author"), (1, "date"),
                                    (3, "url"), (5, "note")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.parts == ((2014, 12, 14),)
    assert ref.accessed is not None and ref.accessed.parts == ((2015, 1, 9),)
    assert ref.title == "O (cis)gênero não existe" and [n.family for n in ref.author] == [
        "RODRIGUES"]
    # in an annotation, "published" is prose
    text = "Roe, A. Collected Works. London: Verso, 1990. Published 1995 in a second edition."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date"), (6, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.annotation == "Published 1995 in a second edition."
    assert ref.issued is not None and ref.issued.year == 1990
    # APA 7: "[Doctoral dissertation, Harvard University]" after the title
    text = ("Doe, J. (2019). Title of a dissertation [Doctoral dissertation, Harvard "
            "University]. ProQuest Dissertations and Theses Global.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"), (3, "genre"),
                                    (7, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Title of a dissertation" and ref.genre == "Doctoral dissertation"
    assert ref.publisher == "Harvard University" and ref.type == "thesis"
    assert ref.note == "ProQuest Dissertations and Theses Global"


def test_a_quoted_title_ends_at_its_quotation_and_a_body_before_the_year_is_the_author(
        ) -> None:
    text = 'Jones, Mary. "Web Article." Some Site, June 5, 2019. https://site.org/a.'
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (3, "date"), (1, "url")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Web Article" and ref.container_title == "Some Site"
    text = "Roe, A. “Smiths’ Guide to Gardens.” London: Verso, 1990."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Smiths’ Guide to Gardens" and ref.container_title is None
    text = ("BBC News (2021) 'Storm hits coast', BBC News, 4 February. Available at: "
            "https://www.bbc.co.uk/news/x")
    tokens, labels = _labels(text, [(2, "container-title"), (1, "date"), (3, "title"),
                                    (2, "container-title"), (2, "date"), (3, "url")])
    ref = assemble(text, tokens, labels)
    assert [n.literal for n in ref.author] == ["BBC News"]
    assert ref.container_title == "BBC News" and ref.title == "Storm hits coast"


def test_mla_reprint_year_is_the_original_date() -> None:
    from yalta_refs.parse.reference import parse_reference

    ref = parse_reference("Woolf, Virginia. Mrs. Dalloway. 1925. Harcourt, 1990.")
    assert ref.issued is not None and ref.issued.year == 1990
    assert ref.original_date is not None and ref.original_date.year == 1925
    # a second date the rules cannot place is kept, never dropped
    ref = parse_reference("Roe, A. Collected Works. London: Verso, 1990. Paris: Seuil, 1985.")
    assert "1985" in (ref.note or "") + (ref.annotation or "")
    text = "Eliot, George. Middlemarch: A Study of Provincial Life. 1871. Penguin Classics, 2003."
    tokens, labels = _labels(text, [(2, "author"), (6, "title"), (1, "title"), (2, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Middlemarch: A Study of Provincial Life"
    assert ref.issued is not None and ref.issued.year == 2003
    assert ref.original_date is not None and ref.original_date.year == 1871
    # a year after the title with no later one is the date
    text = "Eliot, George. Middlemarch. 1871. London: Blackwood."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (1, "date"), (1, "location"),
                                    (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.year == 1871 and ref.original_date is None


def test_a_place_word_read_as_the_publisher() -> None:
    text = "Scott, James C. Seeing Like a State. New Haven, CT: Yale University Press, 1998."
    tokens, labels = _labels(text, [(3, "author"), (4, "title"), (1, "publisher"),
                                    (2, "location"), (3, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.publisher_place == "New Haven, CT" and ref.publisher == "Yale University Press"
    assert not ref.note


def test_a_year_inside_a_conference_name() -> None:
    text = ("J. W. Lavrakas, “GPS receiver responses,” in Proceedings of the 1999 National "
            "Technical Meeting of The Institute of Navigation (ION NTM 1999), January 1999, "
            "pp. 1-10.")
    tokens, labels = _labels(text, [(3, "author"), (3, "title"), (4, "container-title"),
                                    (1, "date"), (10, "title"), (3, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == ("Proceedings of the 1999 National Technical Meeting of The "
                                   "Institute of Navigation (ION NTM 1999)")
    assert ref.issued is not None and ref.issued.parts == ((1999, 1),) and not ref.note
    # with no date after it, the year is the date
    text = "Roe, A. Title. In Proceedings of the Meeting 1999 Annual Volume, pp. 1-10."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (5, "container-title"),
                                    (1, "date"), (2, "container-title"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.year == 1999


def test_an_untitled_sentence_after_the_date_is_the_title() -> None:
    text = "Department of Health (2019) Annual report 2018-19. London: HMSO."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (4, "other"), (1, "location"),
                                    (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Annual report 2018-19" and not ref.note
    # prose after the imprint is no title
    text = "Department of Health (2019). London: HMSO. A useful survey."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (1, "location"),
                                    (1, "publisher"), (3, "annotation")])
    assert assemble(text, tokens, labels).title is None


def test_a_newspaper_section_is_a_note() -> None:
    text = ('Krugman, Paul. "The Return of Depression Economics." New York Times, December 14, '
            "2008, sec. A.")
    tokens, labels = _labels(text, [(2, "author"), (5, "title"), (3, "container-title"),
                                    (3, "date"), (1, "pages"), (1, "annotation")])
    ref = assemble(text, tokens, labels)
    assert ref.note == "sec. A" and ref.page is None and ref.annotation is None


def test_words_after_an_isbn_and_an_edition_read_as_a_note_are_kept() -> None:
    text = ("Evans, Richard J. (2003). The Coming of the Third Reich. New York: Penguin Press. "
            "ISBN 978-1-59420-004-3. OCLC 53186059. Reprinted.")
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (6, "title"), (2, "location"),
                                    (2, "publisher"), (9, "isbn")])
    ref = assemble(text, tokens, labels)
    assert ref.ISBN == "9781594200043" and ref.extra == {"OCLC": "53186059"}
    assert ref.note == "Reprinted"
    text = "Doe J. Textbook of Medicine. 4th ed. McGraw-Hill; 2018."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (2, "note"), (2, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.edition == "4" and not ref.note


def test_a_season_is_kept_and_a_body_with_its_acronym_is_one_name() -> None:
    text = ('Worster, Donald. "Nature and the Disorder of History." Environmental History Review '
            "18 (Summer 1994): 1-15.")
    tokens, labels = _labels(text, [(2, "author"), (6, "title"), (3, "container-title"),
                                    (1, "volume"), (2, "date"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.year == 1994 and ref.note == "Summer"
    assert _split("ASTM International (ASTM)") == [(None, None, "ASTM International (ASTM)")]


def test_a_quoted_title_read_as_the_journal_and_a_journal_word_read_as_the_volume() -> None:
    text = ('7984. Holm-Nielsen, Lauritz. "Las investigaciones," Miscelánea antropológica '
            "ecuatoriana, 3 (1983), 89-116.")
    tokens, labels = _labels(text, [(1, "other"), (3, "author"), (4, "container-title"),
                                    (2, "volume"), (1, "date"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Las investigaciones"
    assert ref.container_title == "Miscelánea antropológica ecuatoriana" and ref.volume == "3"
    # the list number is left out, and said so
    assert any(d.code == "list-number" and "7984" in d.message for d in ref.diagnostics)
    # a volume cue or a roman numeral stays the volume
    text = "Roe, A. Title. Journal of Things vol. 3, 1983."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (3, "container-title"),
                                    (2, "volume"), (1, "date")])
    assert assemble(text, tokens, labels).volume == "3"


def test_a_label_word_left_on_its_own_is_consumed_and_mla_web_is_the_medium() -> None:
    text = ("Gordon, M. J. Dividends and Stock Prices. The Review of Economics and "
            "Statistics, Vol. 41, No. 2, pp. 99-105.")
    tokens, labels = _labels(text, [(3, "author"), (4, "title"), (6, "container-title"),
                                    (1, "other"), (1, "volume"), (2, "issue"), (1, "other"),
                                    (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.issue, ref.page) == ("41", "2", "99-105") and ref.note is None
    # a word that is not a label word stays in the note
    text = "Gordon, M. J. Dividends. Review, Vol. 41, Part 1."
    tokens, labels = _labels(text, [(3, "author"), (1, "title"), (1, "container-title"),
                                    (1, "other"), (1, "volume"), (2, "other")])
    assert assemble(text, tokens, labels).note == "Part 1"
    text = 'Wiener, Janet. "Private Lives." The Washington Post 18 Feb. 1980. Web.'
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "container-title"),
                                    (3, "date"), (1, "note")])
    ref = assemble(text, tokens, labels)
    assert ref.medium == "Web" and ref.note is None


def test_after_a_repeat_mark_the_leading_words_are_the_title_not_names() -> None:
    # the names come from the entry above; the model, seeing "Dubliners." open a
    # reference, took it for them
    ref = parse_crf("———. Dubliners. London: Grant Richards, 1914.")
    assert ref.title == "Dubliners" and not ref.author
    assert any(d.code == "repeat-author" for d in ref.diagnostics)
    ref = parse_crf("———. Stephen Hero. Edited by John J. Slocum and Herbert Cahoon. Rev. ed. "
                    "London: Jonathan Cape, 1956.")
    assert ref.title == "Stephen Hero" and not ref.author
    assert [n.family for n in ref.editor] == ["Slocum", "Cahoon"]
    # without the mark the names are read as names
    assert parse_crf("Joyce, James. Ulysses. Paris: Shakespeare and Company, 1922."
                     ).title == "Ulysses"


def test_a_title_the_names_ran_over_in_a_list_parted_by_commas() -> None:
    text = "C. Lanza, Auctoritas principis, Milan, F. Angeli, 1996."
    tokens, labels = _labels(text, [(7, "author"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Lanza"] and ref.title == "Auctoritas principis"
    assert (ref.publisher_place, ref.publisher) == ("Milan", "F. Angeli")
    text = "Lexer, Matthias, Mittelhochdeutsches Handwörterbuch, 3 Bde., Stuttgart, 1974."
    tokens, labels = _labels(text, [(4, "author"), (2, "volume"), (1, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Lexer"]
    assert ref.title == "Mittelhochdeutsches Handwörterbuch"
    # more names after the first are names, not a title
    text = "L. J. Nilsson, A. Zhou and J. H. Klein, Configurations, 2001, 299, 225."
    tokens, labels = _labels(text, [(9, "author"), (1, "container-title"), (1, "date"),
                                    (1, "volume"), (1, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title is None and [n.family for n in ref.author] == ["Nilsson", "Zhou", "Klein"]


def test_a_law_review_cited_as_lawyers_do_has_its_first_page() -> None:
    text = "Hickey, W. P., « Legal problems », (1970) 45 Tulane Law Rev. 863."
    tokens, labels = _labels(text, [(3, "author"), (2, "title"), (1, "date"), (1, "volume"),
                                    (3, "container-title"), (1, "volume")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.container_title, ref.page) == ("45", "Tulane Law Rev", "863")
    # a volume after the journal with none before it stays the volume
    text = "Roe, A. Things. Tulane Law Rev. 45."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (3, "container-title"),
                                    (1, "volume")])
    assert assemble(text, tokens, labels).volume == "45"


def test_days_before_their_month_are_the_date_not_pages() -> None:
    text = "Roe, A. A talk. Proc. Conf. AI, 12-14 February 2007, Innsbruck."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "container-title"),
                                    (2, "pages"), (2, "date"), (1, "location")])
    ref = assemble(text, tokens, labels)
    assert ref.page is None and ref.issued is not None and ref.issued.year == 2007
    # pages of a journal, then a month in a sentence of its own, stay the pages
    text = "Roe, A. Things. AFA Journal. 35(9): 18-19. October."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (2, "container-title"),
                                    (1, "volume"), (1, "issue"), (2, "pages"), (1, "note")])
    assert assemble(text, tokens, labels).page == "18-19"


def test_page_numbers_glued_to_their_label_word() -> None:
    text = "Roe, A. Things. Hombre y Ambiente Vol.4, Pg.19-55 Quito, 1990"
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (3, "container-title"),
                                    (2, "volume"), (1, "pages"), (2, "note"), (1, "location"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).page == "19-55"


def test_a_german_ordinal_ends_no_title() -> None:
    text = "Silvia Konecny, Die Frau vom 7. bis zum 10. Jahrhundert, Wien, 1976."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (4, "container-title"),
                                    (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Die Frau vom 7. bis zum 10. Jahrhundert" and not ref.container_title
    # a closing quotation mark inside the run: the journal is not drawn into the title
    text = "Roe, A. »Slovencev v drugi polovici 19. stoletja«. Šolska kronika 13 (2004)."
    tokens, labels = _labels(text, [(2, "author"), (5, "title"), (3, "container-title"),
                                    (1, "volume"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert "kronika" not in (ref.title or "") and "kronika" in (ref.container_title or "")


def test_role_words_the_model_was_not_given() -> None:
    text = ("Roe, A. Le titre. Hommes et sociétés édité par BONNASSIE P. et TOUBERT P. "
            "Toulouse 2004.")
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "container-title"),
                                    (2, "other"), (5, "author"), (1, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Roe"]
    assert [n.family for n in ref.editor] == ["BONNASSIE", "TOUBERT"]
    assert ref.note is None  # the role words are said by the role


def test_a_publisher_read_as_the_end_of_the_title() -> None:
    text = "SILVESTRE, Armand, Au pays des souvenirs, Librairie illustrée, Paris, 1892"
    tokens, labels = _labels(text, [(2, "author"), (6, "title"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.publisher, ref.publisher_place) == (
        "Au pays des souvenirs", "Librairie illustrée", "Paris")
    text = ("Sungur Savran, Türkiye'de Darbeler [Les coups], Istanbul, Uluslararası Yayıncılık, "
            "1986.")
    tokens, labels = _labels(text, [(2, "author"), (7, "title"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.publisher_place) == ("Uluslararası Yayıncılık", "Istanbul")
    # a title's last piece with no publisher's word stays the title
    text = "Roe, A., Au pays des souvenirs, mes maîtres, Paris, 1892"
    tokens, labels = _labels(text, [(2, "author"), (6, "title"), (1, "location"), (1, "date")])
    assert assemble(text, tokens, labels).title == "Au pays des souvenirs, mes maîtres"


def test_a_title_does_not_end_on_a_small_word() -> None:
    text = ("Reimer, B. (2006). Toward a Philosophical Foundation for Research, MENC Handbook "
            "(Ed. Colwell, R.), Oxford University Press.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (6, "container-title"), (3, "editor"), (3, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Toward a Philosophical Foundation for Research"
    assert ref.container_title == "MENC Handbook"


def test_a_body_or_printer_read_as_another_field_is_the_publisher() -> None:
    text = "Minority issues in the Caucasus, European Center for Minority Issues, Tbilisi, 2011"
    tokens, labels = _labels(text, [(10, "title"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.publisher) == ("Minority issues in the Caucasus",
                                          "European Center for Minority Issues")
    text = ("Bozzano M (2014) Genetic considerations. Thematic Study. FAO and Bioversity "
            "International, Rome")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (4, "title"),
                                    (4, "container-title"), (1, "location")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.container_title) == ("FAO and Bioversity International", None)
    text = "Hutchinson, William. 1778. A View. Newcastle: Printed by T. Saint."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"), (1, "location"),
                                    (4, "note")])
    assert assemble(text, tokens, labels).publisher == "Printed by T. Saint"
    # a journal's name with a body's word, with its numbers, stays the journal
    text = "Roe, A. Things. International Affairs, London, 12: 3-4."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (2, "container-title"),
                                    (1, "location"), (1, "volume"), (2, "pages")])
    assert assemble(text, tokens, labels).container_title == "International Affairs"


def test_a_chicago_note_title_read_as_a_second_name_or_a_container() -> None:
    text = "Anthony Giddens, Beyond Left and Right: The Future (Cambridge: Polity, 1994)."
    tokens, labels = _labels(text, [(6, "author"), (2, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Giddens"]
    assert ref.title == "Beyond Left and Right: The Future"
    text = "Philip Grierson, La maison de Frioul, Revue du Nord, 24, 1938, 241-266."
    tokens, labels = _labels(text, [(6, "author"), (3, "container-title"), (1, "volume"),
                                    (1, "date"), (2, "pages")])
    assert assemble(text, tokens, labels).title == "La maison de Frioul"
    # names, not a title: "A." an initial, "La Fontaine" a family name, a list of names
    for text, count in (("Saint-Paul, A. 1895. La question. Bulletin, 22, 55-72.", 4),
                        ("Jean de La Fontaine, Fables choisies, Paris, 1668.", 4),
                        ("Ann Lee, the Rev. Smith, Jo Roe, Title, 1990.", 7)):
        tokens = tokenize(text)
        labels = ["author"] * count + ["title"] * (len(tokens) - count)
        assert assemble(text, tokens, labels).author, text
    text = ("Levin, David, Unsettling Opera: Mozart, Verdi, Wagner, and Zemlinsky (Chicago UP, "
            "2007).")
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (3, "container-title"),
                                    (2, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == (
        "Unsettling Opera: Mozart, Verdi, Wagner, and Zemlinsky", None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Department of Defense, United States (DoD)",
     [(None, None, "Department of Defense, United States (DoD)")]),
    ("Environmental Protection Agency, United States, Region 4 (EPA Region 4)",
     [(None, None, "Environmental Protection Agency, United States, Region 4 (EPA Region 4)")]),
    ("AECOM Technical Services, Inc. (AECOM)",
     [(None, None, "AECOM Technical Services, Inc. (AECOM)")]),
    # a person or a title after the body: not one name
    ("World Health Organization, John Smith",
     [(None, None, "World Health Organization"), ("Smith", "John", None)]),
    ("Cancer Research Institute, Smith AB, Roe CD",
     [(None, None, "Cancer Research Institute"), ("Smith", "AB", None), ("Roe", "CD", None)]),
    ("United Nations, Apuleius Philosophicus",
     [(None, None, "United Nations"), ("Philosophicus", "Apuleius", None)]),
])
def test_a_body_named_with_its_country_or_acronym_is_one_name(text: str, expected: list) -> None:
    assert _split(text) == expected


def test_pages_that_look_like_years_before_the_year_in_brackets() -> None:
    text = "Reimer DS. A novel approach. Spine 19, 2026–2032 (1994)"
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (1, "container-title"),
                                    (1, "volume"), (1, "date"), (1, "pages"), (1, "note")])
    ref = assemble(text, tokens, labels)
    assert (ref.page, ref.issued.year if ref.issued else None) == ("2026-2032", 1994)


def test_a_chinese_reference_parted_by_commas_only() -> None:
    # read so whatever the tagger said (here: one note)
    text = ("歐素瑛, 近代臺灣工業敎育之濫觴: 以臺灣總督府工業講習所爲中心, "
            "敎育資料與硏究 第104期, 2012.")
    tokens = tokenize(text)
    ref = assemble(text, tokens, ["note"] * len(tokens))
    assert [n.family for n in ref.author] == ["歐素瑛"]
    assert (ref.title, ref.container_title, ref.issue) == (
        "近代臺灣工業敎育之濫觴: 以臺灣總督府工業講習所爲中心", "敎育資料與硏究", "104")
    text = "张三, 李四, 深度学习方法研究综述, 计算机学报, 2020."
    tokens = tokenize(text)
    ref = assemble(text, tokens, ["author"] * (len(tokens) - 1) + ["date"])
    assert [n.family for n in ref.author] == ["张三", "李四"]
    assert (ref.title, ref.container_title) == ("深度学习方法研究综述", "计算机学报")


def test_a_lone_name_before_the_year_a_status_for_the_year_a_journal_number() -> None:
    text = "Plato 1999. The Symposium. Trans. Christopher Gill. London: Penguin."
    tokens, labels = _labels(text, [(1, "container-title"), (1, "date"), (2, "title"),
                                    (3, "translator"), (1, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Plato"] and ref.container_title is None
    text = "Henneton, “Plots,” in Fear and Shaping (Boston: Brill, forthcoming)."
    tokens, labels = _labels(text, [(1, "author"), (1, "title"), (4, "container-title"),
                                    (1, "location"), (2, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.publisher == "Brill" and ref.issued is not None
    assert ref.issued.literal == "forthcoming"
    text = "Fritts, S. H. 1981. Dynamics of a wolf population. Wildlife Monographs 80."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (5, "title"),
                                    (3, "container-title")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.volume) == ("Wildlife Monographs", "80")
    # a meeting's number stays in its name
    text = "Roe, A. 1993. Robots for the home of the future. Proc. IROS 93."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (7, "title"),
                                    (3, "container-title")])
    assert assemble(text, tokens, labels).container_title == "Proc. IROS 93"


def test_a_word_read_as_the_volume_opens_the_series_after_it() -> None:
    text = "Ringe, W. “Hedge funds”, (2012) Legal Research Paper Series, University of Oxford."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "date"), (1, "volume"),
                                    (3, "collection-title"), (3, "publisher")])
    ref = assemble(text, tokens, labels)
    assert (ref.collection_title, ref.volume) == ("Legal Research Paper Series", None)


def test_a_book_subtitle_after_a_period_is_the_title() -> None:
    text = ("Bernhard, Stefan. 2010. Die Konstruktion von Inklusion. Europäische Sozialpolitik "
            "aus soziologischer Perspektive. Frankfurt und New York: Campus.")
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (4, "title"),
                                    (5, "container-title"), (4, "location"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.title == ("Die Konstruktion von Inklusion. Europäische Sozialpolitik aus "
                         "soziologischer Perspektive") and ref.container_title is None
    # a series after the period stays apart
    text = "Roe, Ann. 2010. A Book. Oxford Studies in Things. Oxford: Clarendon."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (4, "container-title"), (1, "location"), (1, "publisher")])
    assert assemble(text, tokens, labels).title == "A Book"


def test_a_journal_running_head_copied_as_a_reference() -> None:
    text = "APPLIED AND ENVIRONMENTAL MICROBIOLOGY, July 2005, p. 3433–3441 Vol. 71, No. 7"
    tokens, labels = _labels(text, [(4, "author"), (2, "date"), (3, "pages"), (1, "other"),
                                    (1, "volume"), (2, "issue")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "APPLIED AND ENVIRONMENTAL MICROBIOLOGY" and not ref.author
    # names in capitals before the year stay names
    text = "SMITH, J., 1999. A title. Nature 3: 4-5."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (1, "container-title"), (1, "volume"), (2, "pages")])
    assert [n.family for n in assemble(text, tokens, labels).author] == ["SMITH"]


def test_a_date_with_no_number_is_no_date() -> None:
    text = "BARRUCAND, Michel, Histoire de la Litterature Irlandaise, Ellipses (Paris), 178."
    tokens, labels = _labels(text, [(2, "author"), (2, "date"), (4, "title"), (1, "location"),
                                    (1, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is None and ref.title is not None
    assert ref.title.startswith("Histoire de la Litterature")
    text = "Braun, H., and E. Vallance, (eds) Context of Consciences (New York, 2004)"
    tokens, labels = _labels(text, [(5, "author"), (1, "date"), (3, "title"), (2, "location"),
                                    (1, "note")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Braun", "Vallance"] and not ref.author
    # a status, a month, a season stay the date
    for word in ("forthcoming", "Spring"):
        text = f"Roe, A. ({word}). A title. Journal."
        tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                        (1, "container-title")])
        assert assemble(text, tokens, labels).issued is not None, word


def test_in_inside_the_title_a_country_before_a_body_a_cjk_quotation() -> None:
    text = ("The Responsibility to Protect. In: International Commission on Intervention. "
            "Ottawa: IDRC; 2001.")
    tokens, labels = _labels(text, [(9, "title"), (1, "location"), (1, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("The Responsibility to Protect",
                                                "International Commission on Intervention")
    text = ("U.S. Board of Governors of the Federal Reserve System. Fifty-Third Annual Report. "
            "Washington: Federal Reserve System (1966).")
    tokens, labels = _labels(text, [(2, "author"), (12, "title"), (1, "location"),
                                    (3, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.literal for n in ref.author] == [
        "U.S. Board of Governors of the Federal Reserve System"]
    assert ref.title == "Fifty-Third Annual Report"
    text = "Zhao, B. R. (1994). 关于用“认知”取代“认识”的问题. Social Sciences in China, 3."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (4, "title"), (1, "note"),
                                    (4, "container-title"), (1, "volume")])
    assert assemble(text, tokens, labels).title == "关于用“认知”取代“认识”的问题"


def test_an_imprint_read_as_the_container_and_editors_inside_the_title() -> None:
    text = "Scheller, Ulf. El mundo de los Salasacas. Guayaquil: Fundación Antropológica " \
        "Ecuatoriana, 1972."
    tokens, labels = _labels(text, [(2, "author"), (5, "title"), (4, "container-title"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher_place, ref.publisher, ref.container_title) == (
        "Guayaquil", "Fundación Antropológica Ecuatoriana", None)
    # the last sentence of a container; an "In:" is no place
    text = "Birk, H. Go-Between. Neue Ansätze in der Erzähltheorie. Trier: WVT, 2003."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (7, "container-title"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.publisher_place, ref.publisher) == (
        "Neue Ansätze in der Erzähltheorie", "Trier", "WVT")
    text = "Clifford, James. 1986 Partial Truths. In Writing Culture: The Poetics of Ethnography."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (7, "container-title")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "Writing Culture: The Poetics of Ethnography"
    assert ref.publisher is None
    # a journal keeps its colon
    text = "Smith, J. A study of things. Ethnos: Journal of Anthropology, 1999."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (4, "container-title"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).container_title == "Ethnos: Journal of Anthropology"
    text = "Schildmann, U. Frauenforschung, in: Georg Antor und Ulrich Bleidick (Hrsg.): " \
        "Handlexikon der Behindertenpädagogik. Stuttgart (Kohlhammer) 2001."
    tokens, labels = _labels(text, [(2, "author"), (11, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("Frauenforschung",
                                                "Handlexikon der Behindertenpädagogik")
    assert [n.family for n in ref.editor] == ["Antor", "Bleidick"]
    assert [n.family for n in ref.author] == ["Schildmann"]
    # Bulgarian "Състав." (compiled by) names editors
    text = "История на книгата / Състав. Ани Гергова. – София: Унив. изд., 2001."
    tokens, labels = _labels(text, [(3, "title"), (3, "author"), (1, "location"),
                                    (2, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [(n.family, n.given) for n in ref.editor] == [("Гергова", "Ани")]
    assert not ref.author


def test_names_cut_at_a_colon_a_role_word_or_no_date_and_a_body_left_out() -> None:
    text = "Roe, A. « Politique d’abord », Pierre BIRNBAUM (dir.), Les élites socialistes " \
        "au pouvoir, Paris, 1985."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "other"),
                                    (5, "container-title"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["BIRNBAUM"]
    assert ref.container_title == "Les élites socialistes au pouvoir"
    text = "1995: Ulf Preuss-Lausitz: Schreien, Toben, Boxen: Wider die Schule. Seelze 1995."
    tokens, labels = _labels(text, [(1, "date"), (6, "author"), (3, "title"), (1, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Preuss-Lausitz"]
    assert ref.title == "Schreien, Toben, Boxen: Wider die Schule"
    text = 'Holm, Bill. N.d. "Holm on Goldman." Manuscript.'
    tokens, labels = _labels(text, [(4, "author"), (3, "title"), (1, "note")])
    assert [(n.family, n.given) for n in assemble(text, tokens, labels).author] == [
        ("Holm", "Bill")]
    text = "Silvia Stoller, Gerhard Unterthurner (Hg.): Entgrenzungen der Hermeneutik. " \
        "Nordhausen 2012."
    tokens, labels = _labels(text, [(3, "author"), (5, "title"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Stoller", "Unterthurner"] and not ref.author
    assert ref.title == "Entgrenzungen der Hermeneutik"
    text = "Lee, J.K.(2009). Housing in Seoul, Journal of Korea Planning Association 44(7), " \
        "Korea Planning Association, 97-108."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (3, "title"),
                                    (5, "container-title"), (1, "volume"), (1, "issue"),
                                    (3, "other"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher, ref.page) == ("Korea Planning Association", "97-108")


def test_an_imprint_or_a_newspaper_as_the_titles_last_sentence() -> None:
    text = "Beltran J: Abnormal Psychology. Rex Bookstore, 2008."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.publisher) == ("Abnormal Psychology", "Rex Bookstore")
    text = "Lazard, Gilbert. 1992. A Grammar of Persian. Mazda, Costa Mesa, California."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (8, "title")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.publisher, ref.publisher_place) == (
        "A Grammar of Persian", "Mazda", "Costa Mesa, California")
    # a subtitle is no imprint
    text = "Lazard, Gilbert. 1992. A Grammar of Persian. Studies in Grammar, 2008."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (7, "title"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.publisher is None and ref.publisher_place is None
    text = "Grubb, B. (2014, August 16). What is metadata? The Sydney Morning Herald. " \
        "Retrieved from http://www.smh.com.au/a.html"
    tokens, labels = _labels(text, [(2, "author"), (3, "date"), (7, "title"), (3, "url")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("What is metadata?", "The Sydney Morning Herald")


def test_a_page_range_read_as_dates_a_single_quoted_title_a_chinese_year_after_names() -> None:
    text = "Shoemaker WC. Multicenter trial. Crit Care med 22:1907-1912, 1994."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "container-title"),
                                    (1, "volume"), (3, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.page, ref.issued.parts[0] if ref.issued else None) == ("1907-1912", (1994,))
    text = "김흥규, 'Q방법론의 유용성,' 주관성연구, pp.15-33, 1996."
    tokens, labels = _labels(text, [(3, "author"), (1, "container-title"), (3, "pages"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, [n.family for n in ref.author]) == ("Q방법론의 유용성", ["김흥규"])
    text = "陈大为, 1995, 辽宁高句丽山城再探, 北方文物 3期."
    tokens, labels = _labels(text, [(1, "author"), (1, "date"), (3, "note")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title, ref.issue) == ("辽宁高句丽山城再探", "北方文物", "3")


def test_an_ieee_book_and_imprint_read_as_editors_and_names_after_the_title() -> None:
    text = "Soete, L. Knowledge and innovation, in National innovation, indicators and " \
        "policy, L. Earl & F. Gault, Eds. Cheltenham: Edward Elgar, 2006."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (14, "editor"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "National innovation, indicators and policy"
    assert [n.family for n in ref.editor] == ["Earl", "Gault"]
    assert (ref.publisher_place, ref.publisher) == ("Cheltenham", "Edward Elgar")
    # Vancouver's "In: names, editors." holds names only
    text = "Manns MP. Hepatitis. In: Schiff ER, Sorrell MF, editors. Diseases of the Liver."
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (6, "editor"),
                                    (4, "container-title")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Schiff", "Sorrell"]
    assert ref.container_title == "Diseases of the Liver"
    text = "Detecting noun compounds: a study. Veronika Vincze, Istvan Nagy T. and Gabor Berend"
    tokens, labels = _labels(text, [(5, "title"), (8, "container-title")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Vincze", "Istvan Nagy", "Berend"]
    assert ref.container_title is None
    # a publisher's name is no list of names
    text = "A study of things. Harper and Row"
    tokens, labels = _labels(text, [(4, "title"), (3, "publisher")])
    assert not assemble(text, tokens, labels).author


def test_a_name_before_a_lone_role_word_and_an_article_number_ending_the_journal() -> None:
    text = "Conati, Marcello (ed.), Encounters with Verdi, Richard Stokes (trans.) " \
        "(Ithaca, NY: Cornell University Press, 1984)."
    tokens, labels = _labels(text, [(3, "editor"), (5, "title"), (1, "translator"),
                                    (2, "location"), (3, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Encounters with Verdi"
    assert [(n.family, n.given) for n in ref.translator] == [("Stokes", "Richard")]
    text = "Kiwelu, I.E., 2013. Frequent Recombination. PLOS ONE 8, e71131."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (2, "title"),
                                    (4, "container-title")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.volume, ref.page) == ("PLOS ONE", "8", "e71131")


def test_lowercase_words_are_no_names_and_in_after_a_comma_inside_the_title() -> None:
    text = "Militantismes institutionnels, 2005, Politix, n° 70."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "container-title"),
                                    (2, "volume")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Militantismes institutionnels" and not ref.author
    text = "Jean Devisse, Hincmar, archevêque de Reims, Genève, 1976."
    tokens, labels = _labels(text, [(6, "author"), (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, [n.family for n in ref.author]) == (
        "Hincmar, archevêque de Reims", ["Devisse"])
    # initials or a colon: names there are
    text = "W. Hatke: Folien aus COC, Kunststoffe 87 (1997) 1, S. 58-62"
    tokens, labels = _labels(text, [(5, "author"), (1, "container-title"), (1, "volume"),
                                    (1, "date"), (1, "issue"), (3, "pages")])
    assert assemble(text, tokens, labels).title is None
    text = "Prengel, A. (2015): Verschiedenes, in: Ethik & Unterricht. Seelze, 2015."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (4, "title"),
                                    (1, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("Verschiedenes", "Ethik & Unterricht")


def test_a_name_with_a_small_word_no_person_holds_is_a_body() -> None:
    assert [n.literal for n in parse_names("Rio on Watch")[0]] == ["Rio on Watch"]
    assert [n.family for n in parse_names("Bernard of Clairvaux, Smith, J.")[0]][-1:] == [
        "Smith"]


def test_east_asian_names_a_chinese_list_with_numbers_and_a_cjk_title_in_the_journal() -> None:
    assert [(n.family, n.given) for n in parse_names("長塚 隆")[0]] == [("長塚", "隆")]
    assert [(n.family, n.given) for n in parse_names("가토 기요후미")[0]] == [("가토", "기요후미")]
    text = "王进玉, 王进聪, 2002, 敦煌石窟铜绿颜料的应用与来源, 敦煌研究, 74(4), pp.23-28."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "container-title"),
                                    (1, "volume"), (1, "issue"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title, ref.volume, ref.issue, ref.page) == (
        "敦煌石窟铜绿颜料的应用与来源", "敦煌研究", "74", "4", "23-28")
    assert [n.family for n in ref.author] == ["王进玉", "王进聪"]
    text = "長塚 隆 (2020). 新型コロナウイルス感染症の拡大と図書館. " \
        "日本農学図書館協議会誌, 199, 8-14."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "container-title"),
                                    (1, "volume"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("新型コロナウイルス感染症の拡大と図書館",
                                                "日本農学図書館協議会誌")


def test_a_meeting_inside_the_title_and_a_journal_cut_at_a_hyphen() -> None:
    text = "Sarver, E. Connecting Dust and Health in Coal Mining, 2015 Joint Meeting of the " \
        "Section of SME, Roanoke, WV, 2015."
    tokens, labels = _labels(text, [(2, "author"), (15, "title"), (2, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Connecting Dust and Health in Coal Mining"
    assert ref.container_title == "2015 Joint Meeting of the Section of SME"
    # a title that opens with a meeting's words keeps them
    text = "Roe, A. The Meeting of Minds, and Other Essays. London, 2015."
    tokens, labels = _labels(text, [(2, "author"), (7, "title"), (1, "location"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).title == "The Meeting of Minds, and Other Essays"
    text = "Domke, W. 1932. Zur Kenntnis einiger Thymelaeaceen. Notizblatt des Museums zu " \
        "Berlin-Dahlem 11: 348-363."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (9, "title"),
                                    (1, "container-title"), (1, "volume"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == (
        "Zur Kenntnis einiger Thymelaeaceen", "Notizblatt des Museums zu Berlin-Dahlem")


def test_a_journal_starting_on_a_small_word_mid_sentence_ending_the_reference() -> None:
    text = "Kendrick, M.A. (2013). Fluxes of noble gases in seafloor serpentinites. " \
        "Earth and Planetary Science Letters (in press)."
    tokens, labels = _labels(text, [(3, "author"), (1, "date"), (4, "title"),
                                    (8, "container-title"), (2, "note")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == (
        "Fluxes of noble gases in seafloor serpentinites", "Earth and Planetary Science Letters")


def test_cjk_names_before_a_quoted_title() -> None:
    text = "塩 津 ゆりか, 原田禎夫, '市町村合併の実証分析,' 会計検査研究, pp.65-86, 2001."
    tokens, labels = _labels(text, [(5, "title"), (1, "container-title"), (3, "pages"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "市町村合併の実証分析"
    assert [(n.family, n.given) for n in ref.author] == [("塩", "津 ゆりか"), ("原田禎夫", None)]
    # a closing quotation mark opens nothing
    text = "何梦莹, 互联网+, '时代下的传播策略分析,' 视听, 2018."
    tokens, labels = _labels(text, [(4, "title"), (1, "date")])
    assert not assemble(text, tokens, labels).author


def test_a_quoted_title_read_as_names() -> None:
    text = "Saying ‘When.’ (1995, December). Wake Forest University Magazine, 43(2), p. 15."
    tokens, labels = _labels(text, [(2, "author"), (2, "date"), (4, "container-title"),
                                    (1, "volume"), (1, "issue"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Saying ‘When’" and not ref.author


def test_a_title_keeps_the_quotation_mark_it_closes() -> None:
    for text, title in (("Smith, J. 2001. Reading “Ulysses”. Dublin: Lilliput Press.",
                         "Reading “Ulysses”"),
                        ("Müller, H. 2001. Zur „Frage“. Berlin: Verlag.", "Zur „Frage“"),
                        ("Smith, J. “A title.” Journal 3 (2001): 1-2.", "A title")):
        assert parse_crf(text).title == title, text


def test_a_body_as_the_titles_last_sentence_is_the_publisher() -> None:
    text = "ECESR. Data Base of Labor Protests for Year 2015. The Egyptian Center for " \
        "Economic and Social Rights (unpublished)"
    tokens, labels = _labels(text, [(1, "author"), (16, "title"), (1, "note")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Data Base of Labor Protests for Year 2015"
    assert ref.publisher == "The Egyptian Center for Economic and Social Rights"


def test_an_imprint_opening_with_a_volume_or_a_place_and_a_subtitle_read_as_the_place() -> None:
    text = "Montcombroux, G. 1997. The Canadian Inuit dog. Volume 1. Whippoorwill Press, " \
        "Winnipeg, Canada."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (4, "title"),
                                    (4, "publisher"), (2, "location")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.publisher) == ("1", "Whippoorwill Press")
    text = "WALTON, R.: Principle of endodontic. 2nd ed. Philadelphia. Wb Saunders company, 1996."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (2, "edition"),
                                    (4, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.publisher_place, ref.publisher) == ("Philadelphia", "Wb Saunders company")
    text = "QUAGHEBEUR Jöelle, Bretons et Normands. Rivalités, malentendus, convergences, " \
        "PUR, Rennes, 2008"
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (5, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Bretons et Normands. Rivalités, malentendus, convergences"
    assert (ref.publisher, ref.publisher_place) == ("PUR", "Rennes")


def test_a_volume_and_issue_read_as_pages() -> None:
    text = "Fernandez H. Une histoire. J Gynecol Obstet (Paris) 2016.45(10);1205-1206."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (4, "container-title"),
                                    (1, "date"), (4, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.issue, ref.page) == ("45", "10", "1205-1206")


def test_an_army_corps_is_a_body() -> None:
    assert [n.literal for n in parse_names("U.S. Army Corps of Engineers")[0]] == [
        "U.S. Army Corps of Engineers"]


def test_names_written_initials_first_left_in_the_title() -> None:
    text = "DS Reimer, BD Halbrook, PH Dreyfuss and C Tibiletti: A novel approach. " \
        "Spine 19, 2026-2032 (1994)"
    tokens, labels = _labels(text, [(4, "author"), (8, "title"), (1, "container-title"),
                                    (1, "volume"), (2, "pages"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Reimer", "Halbrook", "Dreyfuss", "Tibiletti"]
    assert ref.title == "A novel approach"
    text = "K.I. Taylor, K.M. Oberle, P.G. Norton Promoting health in diabetes. " \
        "Biol. Res. Nurs., 6 (2005)"
    tokens, labels = _labels(text, [(8, "author"), (5, "title"), (3, "container-title"),
                                    (1, "volume"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Taylor", "Oberle", "Norton"]
    assert ref.title == "Promoting health in diabetes"
    text = "A. Altland and B. D. Simons, Condensed matter field theory (Cambridge UP, 2010)."
    tokens, labels = _labels(text, [(5, "author"), (5, "title"), (2, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Altland", "Simons"]
    assert ref.title == "Condensed matter field theory"
    # a colon inside a title that opens with no names, and names written family first,
    # are left alone
    text = "DS Reimer, Spine surgery: a review. Spine 19 (1994)"
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (1, "container-title"),
                                    (1, "volume"), (1, "date")])
    assert assemble(text, tokens, labels).title == "Spine surgery: a review"
    text = "Taylor, K. I., Oberle, K. M. Promoting health. Biol. Res. Nurs., 6 (2005)"
    tokens, labels = _labels(text, [(6, "author"), (2, "title"), (3, "container-title"),
                                    (1, "volume"), (1, "date")])
    assert assemble(text, tokens, labels).title == "Promoting health"


def test_a_day_and_month_before_the_year_in_other_languages_are_the_date() -> None:
    text = "L’Eléphant du plateau, Nouvel Observateur, 1 Marzo 1976, 74-76"
    tokens, labels = _labels(text, [(3, "title"), (4, "container-title"), (1, "date"),
                                    (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.page) == ("Nouvel Observateur", "74-76")
    assert ref.issued is not None and ref.issued.parts == ((1976, 3, 1),)
    text = "Un artículo. El País, 3 de mayo de 2001."
    tokens, labels = _labels(text, [(2, "title"), (6, "container-title"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "El País"
    assert ref.issued is not None and ref.issued.parts == ((2001, 5, 3),)
    # a month word inside a title is left there
    text = "Smith, J. Paris in May 1968. London: Verso, 2001."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    assert assemble(text, tokens, labels).title == "Paris in May 1968"


def test_a_journal_opening_on_the_titles_last_word() -> None:
    text = "Moser, I. (2000). Against normalization. Science as culture, 9(2), 201-240."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"),
                                    (2, "container-title"), (1, "volume"), (1, "issue"),
                                    (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert (ref.title, ref.container_title) == ("Against normalization", "Science as culture")
    # the last sentence set off by a mark, or no numbers after the journal: left alone
    text = "Moser, I. (2000). Against normalization. Science, as culture, 9(2), 201-240."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (3, "title"),
                                    (2, "container-title"), (1, "volume"), (1, "issue"),
                                    (2, "pages")])
    assert assemble(text, tokens, labels).title == "Against normalization. Science"


def test_genre_words_opening_the_imprint_are_the_genre() -> None:
    text = "Dang, J. Statistical analysis. Technical report, NHTSA, July 2007."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "publisher"),
                                    (2, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.genre, ref.publisher) == ("Technical report", "NHTSA")
    text = "Dang, J. Statistical analysis. Report Press, 2007."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (2, "publisher"),
                                    (1, "date")])
    assert assemble(text, tokens, labels).publisher == "Report Press"


def test_numbers_after_the_journal_that_the_labels_misread() -> None:
    # pages like years after the volume's bracketed year
    text = "Feng, W. Explicit solutions, Commun Nonlinear Sci, 14( 2009 )2013- 2017"
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (3, "container-title"),
                                    (1, "volume"), (3, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.page) == ("14", "2013-2017")
    assert ref.issued is not None and ref.issued.parts == ((2009,),)
    # a volume and a page after a colon read as one volume run
    text = "G. Tejeda, Phys. Rev. Lett.,76 :34 ( 1996)"
    tokens, labels = _labels(text, [(2, "author"), (3, "container-title"), (2, "volume"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.page) == ("76", "34")
    # an issue's cue and number left out, straight after the volume
    text = 'T. Hughes, "Insulators," Phys .Rev .B ,vol .83 ,no .24, p. 245132, 2011.'
    tokens, labels = _labels(text, [(2, "author"), (1, "title"), (3, "container-title"),
                                    (1, "other"), (1, "volume"), (3, "other"), (1, "pages"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.volume, ref.issue, ref.page) == ("83", "24", "245132")
    # but not a number in a note after the reference
    text = "J. Demmel, On bisection. ETNA, 3 116-149, 1995. (See also LAPACK Working Note No.70)."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (1, "container-title"),
                                    (1, "volume"), (2, "pages"), (1, "date"), (7, "note")])
    assert assemble(text, tokens, labels).issue is None


def test_a_month_read_as_the_publisher_and_the_body_before_it() -> None:
    text = "Department of Health (DOH). 1999. Inspection Report, Kalaupapa Landfill. Solid " \
        "Waste Branch, Office of Solid Waste Management. September."
    tokens, labels = _labels(text, [(4, "author"), (1, "date"), (12, "title"),
                                    (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Inspection Report, Kalaupapa Landfill"
    assert ref.publisher == "Solid Waste Branch, Office of Solid Waste Management"
    assert ref.issued is not None and ref.issued.parts == ((1999,),)


def test_years_ending_a_subtitle_are_no_pages() -> None:
    text = "Rosenwein, B. To Be the Neighbour of Saint Peter. The Social Meaning of " \
        "Cluny’s Property, 909-1049, Ithaca, London, 1989."
    tokens, labels = _labels(text, [(2, "author"), (7, "title"), (6, "container-title"),
                                    (2, "pages"), (2, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "To Be the Neighbour of Saint Peter. The Social Meaning of " \
        "Cluny’s Property, 909-1049"
    assert (ref.container_title, ref.page) == (None, None)
    # a journal's pages that look like years stay pages
    text = "Schwarz, E. (1975). Lacustrine fossils. European Physical Journal, 1094-1106."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (2, "title"),
                                    (3, "container-title"), (2, "pages")])
    assert assemble(text, tokens, labels).page == "1094-1106"


def test_a_title_run_on_into_the_names_after_the_initials() -> None:
    text = "Zempléni A., L'efficacité magique, in Corin H. et Toussignant P., Regards " \
        "anthropologiques en psychiatrie, Montréal, 1986, 35-48."
    tokens, labels = _labels(text, [(10, "author"), (4, "title"), (1, "location"),
                                    (1, "date"), (2, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Zempléni"]
    assert ref.title == "L'efficacité magique"
    assert [n.family for n in ref.editor] == ["Corin", "Toussignant"]
    assert ref.container_title == "Regards anthropologiques en psychiatrie"
    text = "Martin, R. F. Apatite in the Sudbury complex. Can. Mineral. 28, 1-10, 1990."
    tokens, labels = _labels(text, [(8, "author"), (2, "container-title"), (1, "volume"),
                                    (2, "pages"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Martin"]
    assert ref.title == "Apatite in the Sudbury complex"
    # names with particles are left as they are
    text = "Smith, J., Jan van der Berg, Title words. London: Verso, 2001."
    tokens, labels = _labels(text, [(6, "author"), (2, "title"), (1, "location"),
                                    (1, "publisher"), (1, "date")])
    assert len(assemble(text, tokens, labels).author) == 2


def test_a_kind_of_document_read_as_a_container_is_the_genre() -> None:
    text = "Thompson, Wayne. (1997, February 4). Public Affairs Takes Top Honors. Press Release."
    tokens, labels = _labels(text, [(2, "author"), (3, "date"), (5, "title"),
                                    (2, "container-title")])
    ref = assemble(text, tokens, labels)
    assert (ref.genre, ref.container_title) == ("Press Release", None)
    # a journal that only holds such words in a longer name stays the journal
    text = "Thompson, W. (1997). Honors. Press Release Quarterly, 4, 1-2."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (1, "title"),
                                    (3, "container-title"), (1, "volume"), (2, "pages")])
    assert assemble(text, tokens, labels).container_title == "Press Release Quarterly"


def test_in_inside_the_title_before_its_container_and_a_bracketed_publisher() -> None:
    text = "Preuss-Lausitz, Ulf: Wider die Schule. In: Schüler 95. Gewaltlösungen. " \
        "Seelze (Friedrich-Verlag) 1995, S. 24-25"
    tokens, labels = _labels(text, [(3, "author"), (6, "title"), (1, "container-title"),
                                    (3, "publisher"), (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Wider die Schule"
    assert ref.container_title == "Schüler 95. Gewaltlösungen"
    assert (ref.publisher_place, ref.publisher) == ("Seelze", "Friedrich-Verlag")


def test_a_file_name_is_no_date() -> None:
    text = "Hietala, S., Distribution of Shatter Cones, Lunar Science XXXVIII, (1762.pdf). 2007."
    tokens, labels = _labels(text, [(2, "author"), (4, "title"), (3, "container-title"),
                                    (3, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.issued is not None and ref.issued.parts == ((2007,),)
    assert "1762.pdf" in (ref.note or "")


# --------------------------------------------------------------------------- BibTeX layouts


def test_a_list_of_names_with_and_after_its_last_comma_is_no_italian_list() -> None:
    """"A, B, and C." (plain.bst, Chicago): "and" and an editor's role word are no sign
    that the names ran into the title; the comma-list repair left them alone."""
    text = "A. Turner, J. Evans, M. M. Brown, and J. Leroy. Energy flow in periodic " \
        "thermodynamics. In G. V. Kobayashi and F. R. Leroy, editors, Selections from the " \
        "prison notebooks, pages 1286–1304. Bloomsbury, Mineola, N.Y., 1951."
    tokens, labels = _labels(text, [(10, "author"), (5, "title"), (9, "editor"),
                                    (5, "container-title"), (3, "pages"), (1, "publisher"),
                                    (3, "location"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Turner", "Evans", "Brown", "Leroy"]
    assert ref.title == "Energy flow in periodic thermodynamics"
    assert (ref.container_title, ref.page) == ("Selections from the prison notebooks",
                                              "1286-1304")
    # an Italian list whose names ran into the title is still read by commas
    text = "Croce, Benedetto, Storia d'Italia dal 1871 al 1915, Bari, Laterza, 1928."
    tokens, labels = _labels(text, [(8, "author"), (1, "location"), (1, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.title == "Storia d'Italia dal 1871 al 1915"


@pytest.mark.parametrize(("text", "spec", "genre", "number", "publisher"), [
    ("H. Sinclair. Pleckstrin domains. Technical Memo 385, House, October 2006.",
     [(2, "author"), (2, "title"), (4, "publisher"), (2, "date")],
     "Technical Memo", "385", "House"),
    ("G. Dupont. La rentabilité. Technical Report CMU-CS-90-80, Government Finance "
     "Officers Association, Ilford, 1958.",
     [(2, "author"), (2, "title"), (2, "container-title"), (4, "volume"), (4, "publisher"),
      (1, "location"), (1, "date")],
     "Technical Report", "CMU-CS-90-80", "Government Finance Officers Association"),
    ("L. Page and S. Brin. The PageRank citation ranking. Technical Report 1999-66, Stanford "
     "InfoLab, November 1999.",
     [(5, "author"), (4, "title"), (2, "genre"), (4, "publisher"), (2, "date")],
     "Technical Report", "1999-66", "Stanford InfoLab"),
    ("J. Laufer, The structure of turbulence, Report No. 1174, NACA, 1954.",
     [(2, "author"), (4, "title"), (1, "genre"), (2, "issue"), (1, "publisher"), (1, "date")],
     "Report", "1174", "NACA"),
])
def test_a_report_and_its_number(text: str, spec: list[tuple[int, str]], genre: str,
                                 number: str, publisher: str) -> None:
    tokens, labels = _labels(text, spec)
    ref = assemble(text, tokens, labels)
    assert (ref.genre, ref.number, ref.publisher) == (genre, number, publisher)
    assert ref.issue is None and ref.volume is None and ref.type == "report"


def test_a_year_after_the_report_is_the_date_not_its_number() -> None:
    text = "A. Roe. Water quality. Technical Report, 1999."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (2, "genre"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.number is None and ref.issued is not None and ref.issued.year == 1999


@pytest.mark.parametrize(("text", "spec", "container", "more"), [
    ("T. Joachims. Optimizing search engines. In Proceedings of the Eighth ACM SIGKDD "
     "Conference, KDD '02, pages 133–142, New York, NY, USA, 2002. ACM.",
     [(2, "author"), (3, "title"), (9, "container-title"), (1, "volume"), (3, "pages"),
      (4, "location"), (1, "date"), (1, "publisher")],
     "Proceedings of the Eighth ACM SIGKDD Conference, KDD '02",
     {"page": "133-142", "volume": None}),
    ("Y. Bengio and P. Vincent. A neural language model. In T. K. Leen, editor, Advances in "
     "Neural Information Processing Systems 13, pages 932–938. MIT Press, 2001.",
     [(5, "author"), (4, "title"), (5, "editor"), (5, "container-title"), (5, "pages"),
      (2, "publisher"), (1, "date")],
     "Advances in Neural Information Processing Systems 13", {"page": "932-938"}),
    ("M. Jordan. Graphical models. In Advances in Neural Information Processing Systems 8, "
     "pages 1–8, Cambridge, MA, 1996. MIT Press.",
     [(2, "author"), (13, "container-title"), (2, "location"), (1, "date"),
      (2, "publisher")],
     "Advances in Neural Information Processing Systems 8",
     {"page": "1-8", "title": "Graphical models"}),
    ("M. Anderson. The Earth’s Systems. In Conference of Music Librarians, volume 13 of "
     "Communications in Computer and Information Science, pages 669–677, Rowley, 2011. "
     "Koelher.",
     [(2, "author"), (3, "title"), (17, "container-title"), (1, "location"), (1, "date"),
      (1, "publisher")],
     "Conference of Music Librarians",
     {"volume": "13", "collection_title": "Communications in Computer and Information Science",
      "page": "669-677", "note": None}),
    ("S. Osborne. Carbon nanoonions. In Conference on Computer Science, ICACS '59, page "
     "1372, Toronto, 1959. Kröner.",
     [(2, "author"), (2, "title"), (8, "container-title"), (1, "volume"), (1, "location"),
      (1, "date"), (1, "publisher")],
     "Conference on Computer Science, ICACS '59", {"page": "1372", "volume": None}),
])
def test_a_paper_in_proceedings_as_bibtex_prints_it(
        text: str, spec: list[tuple[int, str]], container: str, more: dict[str, object]
) -> None:
    tokens, labels = _labels(text, spec)
    ref = assemble(text, tokens, labels)
    assert ref.container_title == container
    assert {key: getattr(ref, key) for key in more} == more


def test_a_capitalised_vol_inside_a_book_title_stays_there() -> None:
    text = "A. Roe. A grammar. In Studies in Zambian Languages, Vol. 1, pages 241–273. " \
        "Centro, 2019."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (7, "container-title"),
                                    (3, "pages"), (1, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert ref.container_title == "Studies in Zambian Languages, Vol. 1"


def test_editors_with_particles_before_the_role_word_are_no_book_title() -> None:
    """"In S. van der Parker, E. L. O'Brien, and S. Eastwood, editors, Book": every comma
    piece is a name with an initial (particles lowercase); none of it is the book."""
    text = "T. Smith. Studies in fibrositis. In S. van der Parker, E. L. O'Brien, and S. " \
        "Eastwood, editors, Whenever Two Are Gathered, pages 322–353. Scientific, 1960."
    tokens, labels = _labels(text, [(2, "author"), (3, "title"), (12, "editor"),
                                    (4, "container-title"), (3, "pages"), (1, "publisher"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Parker", "O'Brien", "Eastwood"]
    assert ref.container_title == "Whenever Two Are Gathered"


def test_a_conference_acronym_before_a_volume_of_a_series() -> None:
    text = "G. Petit. Motor patterns. In J. Michel, editor, Transplant Proc, TP '80, volume " \
        "3518 of Frontiers in Artificial Intelligence, pages 1589–1601, Moscow, 1980. Payot."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (4, "editor"),
                                    (3, "container-title"), (3, "volume"),
                                    (5, "collection-title"), (3, "pages"), (1, "location"),
                                    (1, "date"), (1, "publisher")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.volume, ref.collection_title, ref.note) == (
        "Transplant Proc, TP '80", "3518", "Frontiers in Artificial Intelligence", None)


def test_a_page_cue_read_into_the_publisher_after_the_book() -> None:
    text = "A. Brown and S. Roe. La psychologie sociale. In A. Perez, editor, Papers of the " \
        "Symposium on the Republic, page 188. MK Marketing, Amsterdam, 1999."
    tokens, labels = _labels(text, [(5, "author"), (3, "title"), (4, "editor"),
                                    (6, "container-title"), (5, "publisher"), (1, "location"),
                                    (1, "date")])
    ref = assemble(text, tokens, labels)
    assert (ref.container_title, ref.page, ref.publisher) == (
        "Papers of the Symposium on the Republic", "188", "MK Marketing")
    # names initials first are no "Family, Given" list, whatever the imprint holds
    assert [n.family for n in ref.author] == ["Brown", "Roe"]


def test_and_others_ends_the_names() -> None:
    """MHRA's "and others" is "et al.": the names end there, on either side of the
    tagger's mistake."""
    text = "C. Kingsley and others, Travail du public, travail du privé, Working paper no. " \
        "703 (John Murray, 2000)."
    tokens, labels = _labels(text, [(7, "author"), (3, "title"), (2, "genre"), (2, "other"),
                                    (2, "publisher"), (1, "date")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Kingsley"]
    assert ref.title == "Travail du public, travail du privé"
    assert (ref.genre, ref.number, ref.type) == ("Working paper", "703", "report")
    text = "J. Park and others, ‘Language Models Are Few-shot Learners’, Annales, 97.3 " \
        "(1976), pp. 1895–925."
    tokens, labels = _labels(text, [(1, "author"), (9, "title"), (1, "container-title"),
                                    (2, "volume"), (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.author] == ["Park"]
    assert ref.title == "Language Models Are Few-shot Learners"
    assert (ref.volume, ref.issue) == ("97", "3")  # MHRA's and MLA 7's "97.3 (1976)"


def test_editors_and_translators_part_at_the_second_cue() -> None:
    text = "M. Sokolov, ‘Exact Solutions’, in Dizionario Di Teologia, ed. by M. Choi and " \
        "W. M. Patel, trans. by C. Michel (University of Maryland, 1998), pp. 1802–15."
    tokens, labels = _labels(text, [(2, "author"), (2, "title"), (4, "container-title"),
                                    (6, "editor"), (6, "translator"), (3, "publisher"),
                                    (1, "date"), (3, "pages")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.editor] == ["Choi", "Patel"]
    assert [n.family for n in ref.translator] == ["Michel"]
    # a cue after its names ("H. Arendt, ed.") closes them: nothing moves
    text = "Benjamin, W. (1969) “The Work of Art,” trans. H. Zohn. In H. Arendt, ed., " \
        "Illuminations, pp. 217-252. New York: Schoken Books."
    tokens, labels = _labels(text, [(2, "author"), (1, "date"), (4, "title"),
                                    (3, "translator"), (4, "editor"), (1, "container-title"),
                                    (3, "pages"), (2, "location"), (2, "publisher")])
    ref = assemble(text, tokens, labels)
    assert [n.family for n in ref.translator] == ["Zohn"]
    assert [n.family for n in ref.editor] == ["Arendt"]


def test_an_edition_statement_after_the_editors_is_the_edition() -> None:
    # the word-pair model (sixteenth round) reads "Rev. ed." as the end of the
    # editors; the sentence of its own says otherwise
    text, _, labels = _labelled([
        ("Stephen Hero.", "title"),
        ("Edited by John J. Slocum and Herbert Cahoon. Rev. ed.", "editor"),
        ("London:", "location"), ("Jonathan Cape,", "publisher"), ("1956.", "date")])
    ref = assemble(text, tokenize(text), labels)
    assert [n.family for n in ref.editor] == ["Slocum", "Cahoon"]
    assert ref.edition == "Rev."
    # "ed." after the names with no sentence of its own is the editors' cue
    text, _, labels = _labelled([("Smith, John, ed.", "editor"), ("A Book.", "title"),
                                 ("London:", "location"), ("Cape,", "publisher"),
                                 ("1956.", "date")])
    ref = assemble(text, tokenize(text), labels)
    assert [n.family for n in ref.editor] == ["Smith"] and ref.edition is None
    # an initial before "2nd ed." does not end a sentence
    text, _, labels = _labelled([("Lee, A. B. 2nd ed.", "editor"), ("A Book.", "title"),
                                 ("1990.", "date")])
    assert [n.family for n in assemble(text, tokenize(text), labels).editor][:1] == ["Lee"]


def test_a_gbt_marker_closes_the_title_whatever_the_words_before_it_were_read_as() -> None:
    text = ("National Bureau of Statistics. China Statistical Yearbook[EB/OL]. "
            "(2020-10-01)[2021-03-05]. http://www.stats.gov.cn/tjsj/ndsj/.")
    tokens = tokenize(text)
    marker = text.index("[EB/OL]")
    words = [t.text for t in tokens]
    at = words.index("China")
    labels = ["publisher"] * at + ["location"] * 3 + ["other"] * (len(tokens) - at - 3)
    ref = assemble(text, tokens, labels, title_end=marker)
    assert ref.title == "China Statistical Yearbook"
    assert [n.literal for n in ref.author] == ["National Bureau of Statistics"]
    # names the tagger found stay as they are
    labels = ["author"] * at + ["title"] * 3 + ["other"] * (len(tokens) - at - 3)
    ref = assemble(text, tokens, labels, title_end=marker)
    assert ref.title == "China Statistical Yearbook" and ref.author


def test_an_editor_cue_opening_the_publisher_gives_the_editors() -> None:
    # the word-pair model read "ed. U. Delacroix et al. (Link" as the publisher
    text, _, labels = _labelled([
        ("B. Cooper,", "author"), ("“Diurnal Rhythm in Lymph Nodes”, ", "title"),
        ("in Regieren Ohne Staat?,", "container-title"),
        ("ed. U. Delacroix et al. (Link,", "publisher"), ("1985).", "date")])
    ref = assemble(text, tokenize(text), labels)
    assert [n.family for n in ref.editor] == ["Delacroix"] and ref.publisher == "Link"
    text, _, labels = _labelled([
        ("Cooper, B.", "author"), ("“Diurnal Rhythm”.", "title"),
        ("Regieren Ohne Staat?,", "container-title"),
        ("edited by Ann Roe and Bo Lee, Link,", "publisher"), ("1985.", "date")])
    ref = assemble(text, tokenize(text), labels)
    assert [n.family for n in ref.editor] == ["Roe", "Lee"] and ref.publisher == "Link"
    # a publisher that only starts like a cue is left alone: "Eds Press"
    text, _, labels = _labelled([("Roe, A.", "author"), ("A Book.", "title"),
                                 ("London:", "location"), ("Eds Press Ltd,", "publisher"),
                                 ("1990.", "date")])
    assert assemble(text, tokenize(text), labels).publisher == "Eds Press Ltd"


def test_a_translators_cue_with_the_language_between_and_names_with_a_particle() -> None:
    # "Trad fr. par Maurice de Gandillac" inside the book's run (the word-pair model
    # reads it so): the translator, the particle kept in the name
    text, _, labels = _labelled([
        ("Walter Benjamin,", "author"), ("« Petite histoire de la photographie »", "title"),
        ("in Œuvres II, Trad fr. par Maurice de Gandillac.", "container-title"),
        ("Paris :", "location"), ("Gallimard,", "publisher"), ("2000.", "date")])
    ref = assemble(text, tokenize(text), labels)
    assert ref.container_title == "Œuvres II"
    (name,) = ref.translator
    assert (name.given, name.non_dropping_particle, name.family) == (
        "Maurice", "de", "Gandillac")
    assert [n.family for n in parse_names("Trad. fr. Jean Dupont")[0]] == ["Dupont"]
    assert [n.family for n in parse_names("Trad, Anna")[0]] == ["Trad"]  # a name


@needs_model
def test_the_model_environment_variable_is_read_at_each_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a candidate model named after the shipped one was loaded is used, not the cache
    from yalta_refs.parse.crf.tagger import MODEL_ENV, load_tagger

    shipped = load_tagger()
    copy = tmp_path / "candidate.crfsuite"
    copy.write_bytes(MODEL_PATH.read_bytes())
    monkeypatch.setenv(MODEL_ENV, str(copy))
    candidate = load_tagger()
    assert candidate is not shipped and candidate is load_tagger()
    monkeypatch.delenv(MODEL_ENV)
    assert load_tagger() is shipped
    monkeypatch.setenv(MODEL_ENV, str(tmp_path / "missing.crfsuite"))
    with pytest.raises(FileNotFoundError):
        load_tagger()
