"""Table-driven tests of the evaluation metrics (yalta_refs.eval)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from yalta_refs.eval import labels, metrics, words
from yalta_refs.eval.__main__ import main
from yalta_refs.eval.corpus import run_corpus
from yalta_refs.eval.shared import DATASETS, dataset_path, load_records, run_dataset, shared_dir
from yalta_refs.model import DiscardedText, Library, Name, Reference, SourceSpan


def book(title: str, family: str = "Ure", year: int = 2002, **extra: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "book", "title": title, "author": [{"family": family, "given": "John"}],
        "issued": {"date-parts": [[year]]},
    }
    item.update(extra)
    return item


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(("field", "value", "expected"), [
    pytest.param("page", "327–335.", "327-335", id="en-dash-and-full-stop"),
    pytest.param("page", "327 - 335", "327-335", id="spaced-hyphen"),
    pytest.param("page", "12—14", "12-14", id="em-dash"),
    pytest.param("page", "12‐14", "12-14", id="unicode-hyphen"),
    pytest.param("page", "12--14", "12-14", id="double-hyphen"),
    pytest.param("publisher", "  Penguin\n Books. ", "Penguin Books", id="collapse-and-strip"),
    pytest.param("title", "Stalin: The Court;,", "Stalin: The Court", id="trailing-punct"),
    pytest.param("volume", 61, "61", id="number-as-string"),
    pytest.param("title", "", None, id="empty-is-absent"),
    pytest.param("author", [{"family": "Montefiore", "given": "Simon  Sebag"}],
                 ("Simon Sebag Montefiore",), id="name-display"),
    pytest.param("author", [{"family": "Beethoven", "given": "Ludwig",
                             "non-dropping-particle": "van"}],
                 ("Ludwig van Beethoven",), id="name-particle"),
    pytest.param("author", [{"literal": "Central European University Press"}],
                 ("Central European University Press",), id="name-literal"),
    pytest.param("author", [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}],
                 ("Martin Luther King, Jr.",), id="name-suffix"),
    pytest.param("issued", {"date-parts": [[2004, 3, 1]]}, "2004-3-1", id="date-full"),
    pytest.param("issued", {"date-parts": [["1943"], ["1945"]]}, "1943/1945", id="date-range"),
    pytest.param("issued", {"literal": "n.d."}, "n.d", id="date-literal"),
])
def test_normalize_field(field: str, value: Any, expected: Any) -> None:
    assert metrics.normalize_field(field, value) == expected


@pytest.mark.parametrize(("gold", "pred", "equal"), [
    pytest.param([[2004]], [[2004, 5, 2]], True, id="gold-year-only-cuts-prediction"),
    pytest.param([[2004, 5]], [[2004]], False, id="gold-month-needs-month"),
    pytest.param([[2004, 5]], [[2004, 5, 9]], True, id="gold-month-cuts-day"),
    pytest.param([[2004]], [[2005]], False, id="wrong-year"),
])
def test_date_precision_follows_gold(gold: Any, pred: Any, equal: bool) -> None:
    counts, _ = metrics.compare_pair({"issued": {"date-parts": pred}},
                                     {"issued": {"date-parts": gold}})
    assert (counts["issued"].tp == 1) is equal


# --------------------------------------------------------------------------- pair scores


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    pytest.param({"publisher": "Knopf"}, {"publisher": "Knopf."}, (1, 0, 0), id="equal"),
    pytest.param({"publisher": "Knopf"}, {"publisher": "Scribner"}, (0, 1, 1),
                 id="wrong-is-fp-and-fn"),
    pytest.param({}, {"publisher": "Knopf"}, (0, 0, 1), id="missing-is-fn"),
    pytest.param({"publisher": "Knopf"}, {}, (0, 1, 0), id="extra-is-fp"),
    pytest.param({"page": "1-9"}, {"page": "1–9"}, (1, 0, 0), id="page-dash"),
    pytest.param({"author": [{"family": "montefiore", "given": "Simon"}]},
                 {"author": [{"family": "Montefiore", "given": "Simon"}]}, (0, 1, 1),
                 id="names-case-sensitive"),
    pytest.param({"author": [{"literal": "Simon Montefiore"}]},
                 {"author": [{"family": "Montefiore", "given": "Simon"}]}, (1, 0, 0),
                 id="names-by-display"),
])
def test_compare_pair(pred: dict[str, Any], gold: dict[str, Any],
                      expected: tuple[int, int, int]) -> None:
    counts, wrong = metrics.compare_pair(pred, gold)
    (key,) = counts
    assert (counts[key].tp, counts[key].fp, counts[key].fn) == expected
    assert len(wrong) == (expected[0] == 0)


def test_compare_pair_ignores_id_and_annote() -> None:
    counts, _ = metrics.compare_pair({"id": "a", "annote": "x"}, {"id": "b", "annote": "y"})
    assert counts == {}


# --------------------------------------------------------------------------- alignment

A, B, C, D = (book("Stalin: The Court of the Red Tsar", "Montefiore", 2004),
              book("FDR and Stalin: A Not So Grand Alliance", "Perlmutter", 1993),
              book("Against Their Will", "Polian", 2004),
              book("The Horsemen of the Steppes", "Seaton", 1985))


@pytest.mark.parametrize(("pred", "gold", "pairs"), [
    pytest.param([A, B, C, D], [A, B, C, D], [(0, 0), (1, 1), (2, 2), (3, 3)], id="same"),
    pytest.param([A, C, D], [A, B, C, D], [(0, 0), (None, 1), (1, 2), (2, 3)],
                 id="missing-reference-shifts-nothing"),
    pytest.param([A, B, B, C], [A, B, C], [(0, 0), (1, 1), (2, None), (3, 2)],
                 id="extra-reference"),
    pytest.param([], [A, B], [(None, 0), (None, 1)], id="nothing-predicted"),
    pytest.param([book("Completely different words here", "Zed", 1700)], [A],
                 [(None, 0), (0, None)], id="dissimilar-not-matched"),
    pytest.param([book("Stalin: The Court of the Red", "Montefiore", 2004)], [A],
                 [(0, 0)], id="damaged-title-still-matched"),
    pytest.param([book("Montefiore", "Montefiore", 2004)], [A], [(0, 0)],
                 id="mangled-title-matched-by-author-and-year"),
    pytest.param([{"title": "USHMM", "URL": "https://x.org/a"}],
                 [{"title": "Displaced Persons", "URL": "https://x.org/a"}], [(0, 0)],
                 id="shared-url-matches"),
    pytest.param([book("Young Stalin", "Montefiore", 2007), A], [A], [(0, None), (1, 0)],
                 id="same-author-other-book-loses-to-the-right-one"),
])
def test_align_references(pred: list[dict[str, Any]], gold: list[dict[str, Any]],
                          pairs: list[tuple[int | None, int | None]]) -> None:
    assert metrics.align_references(pred, gold) == pairs


def test_score_case_missing_reference_costs_only_its_fields() -> None:
    gold = [dict(A, annote="An examination."), dict(B), dict(C, annote="A study.")]
    pred = [dict(A, annote="An examination"), dict(C, annote="Other words.")]
    pred[1]["publisher"] = "Knopf"
    score = metrics.score_case("x", input_text="", pred=pred, gold=gold)
    assert not score.count_ok
    assert score.fields["title"].to_dict()["tp"] == 2
    assert score.fields["title"].fn == 1 and score.fields["title"].fp == 0
    assert (score.fields["publisher"].fp, score.fields["publisher"].fn) == (1, 0)
    assert (score.annotation.gold, score.annotation.exact, score.annotation.false) == (2, 1, 0)
    micro = score.micro
    assert (micro.tp, micro.fp, micro.fn) == (8, 1, 4)


def test_invented_annotation_is_counted() -> None:
    score = metrics.score_case("x", input_text="", pred=[dict(A, annote="Nice.")], gold=[A])
    assert (score.annotation.gold, score.annotation.false) == (0, 1)


def test_counts_f1() -> None:
    c = metrics.Counts(tp=6, fp=2, fn=4)
    assert (c.precision, c.recall) == (0.75, 0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert metrics.Counts().f1 == 0.0


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(("text", "tokens"), [
    pytest.param("Stalin’s <i>Court</i>", ["stalin", "s", "court"], id="tags-dropped"),
    pytest.param("Knopf &amp;amp; Co", ["knopf", "co"], id="entities-decoded-repeatedly"),
    pytest.param("Stalinâ€™s", ["stalin", "s"], id="mojibake-fixed"),
    pytest.param("2nd ed., vol. 02", ["2", "ed", "vol", "2"], id="numbers-canonical"),
    pytest.param("Deﬁcits", ["deficits"], id="nfkc-ligature"),
    pytest.param("ISBN 0-7679-0056-1.", ["isbn", "isbn076790056"], id="isbn-10-one-token"),
    pytest.param("9780767900560", ["isbn076790056"], id="isbn-13-same-core"),
    pytest.param("pp. 1993-2004", ["pp", "1993", "2004"], id="ranges-not-isbn"),
    pytest.param("pp. 10719-10724", ["pp", "10719", "10724"], id="ten-digit-range-not-isbn"),
    pytest.param("9780767900568", ["9780767900568"], id="bad-check-digit-not-isbn"),
])
def test_visible_tokens(text: str, tokens: list[str]) -> None:
    assert words.word_tokens(words.visible_text(text)) == tokens


def test_unaccounted_words() -> None:
    text = ('  • xlink:type="simple">Ure, John. <i>The Cossacks</i>. New York: Penguin, '
            "2002. Edited by nobody. An accessible history. Lost words lost.")
    pred = [{"id": "ure2002", "type": "book", "author": [{"family": "Ure", "given": "John"}],
             "title": "The Cossacks", "publisher-place": "New York", "publisher": "Penguin",
             "issued": {"date-parts": [[2002]]}, "annote": "An accessible history."}]
    total, lost = words.unaccounted_words(text, pred, ['xlink:type="simple">', "nobody"])
    assert total == 20
    assert lost == Counter({"lost": 2, "words": 1})


def test_provenance_does_not_account_for_words() -> None:
    item = {"title": "Stalin", "custom": {"provenance": {"title": {"source": "Knopf"}},
                                          "extra": {"keywords": "Yalta"}}}
    assert words.unaccounted_words("Stalin Knopf Yalta", [item], [])[1] == Counter({"knopf": 1})


def test_unaccounted_words_counts_duplicates() -> None:
    total, lost = words.unaccounted_words("Stalin Stalin Stalin", [{"title": "Stalin"}], [])
    assert (total, lost) == (3, Counter({"stalin": 2}))


@pytest.mark.parametrize(("needle", "fields", "dropped", "ok"), [
    pytest.param('citation-type="booksimple"', "Stalin", ['citation-type="booksimple"'],
                 True, id="discarded"),
    pytest.param("booksimple", "Stalin booksimple", ["booksimple"], False,
                 id="also-in-a-field"),
    pytest.param("Categories: History", "Stalin", ["Other"], False, id="not-discarded"),
    pytest.param("Categories:  History", "Stalin", ["Categories:\nHistory"], True,
                 id="whitespace-collapsed"),
])
def test_must_discard(needle: str, fields: str, dropped: list[str], ok: bool) -> None:
    assert words.must_discard_hits([needle], [{"title": fields}], dropped) == [ok]


# --------------------------------------------------------------------------- token F1


def test_token_counts_tiny_example() -> None:
    gold = {"author": ["Bergk, V. & Martin, M."], "title": ["Information deﬁcits."],
            "date": ["2005,"], "pages": ["pp. 327–335."], "other": ["33"],
            "doi": ["doi :10.1212/01.WNL.0000172911"]}
    pred = {"type": "article-journal", "author": [{"family": "Bergk", "given": "V."}],
            "title": "Information deficits", "issued": {"date-parts": [[2005, 1]]},
            "page": "327-335", "volume": "61", "DOI": "10.1212/01.wnl.0000172911"}
    got = {k: (c.tp, c.fp, c.fn) for k, c in labels.token_counts([pred], gold).items()}
    assert got == {"author": (2, 0, 2), "title": (2, 0, 0), "date": (1, 0, 0),
                   "pages": (2, 0, 0), "volume": (0, 1, 0), "DOI": (1, 0, 0)}
    assert labels.gold_tokens(gold)[1] == Counter({"other": 1})


@pytest.mark.parametrize(("label", "values", "tokens"), [
    pytest.param("date", ["(1927),", "1986"], ["1927", "1986"], id="years-only"),
    pytest.param("date", ["n.d."], [], id="no-year"),
    pytest.param("ISBN", ["ISBN 0-226-42976-8."], ["0226429768"], id="isbn-one-token"),
    pytest.param("editor", ["Eds. Bernhard Reitz and Sigrid Rieuwerts."],
                 ["bernhard", "reitz", "sigrid", "rieuwerts"], id="editor-label-words"),
    pytest.param("volume", ["Vol. 9,"], ["9"], id="volume-label"),
    pytest.param("DOI", ["doi:10.1016/j.neuron.2015.10.027"],
                 ["10.1016/j.neuron.2015.10.027"], id="doi-prefix-dropped"),
    # a bare DOI that holds "10." again further on is one token, not its tail
    pytest.param("DOI", ["10.1016/j.neuron.2015.10.027"],
                 ["10.1016/j.neuron.2015.10.027"], id="doi-with-10-inside"),
])
def test_label_tokens(label: str, values: list[str], tokens: list[str]) -> None:
    assert labels.label_tokens(label, values) == Counter(tokens)


def test_token_counts_fold_issue_into_volume() -> None:
    pred, gold = {"volume": "36", "issue": "4"}, {"volume": ["36(4),"]}
    assert labels.token_counts([pred], gold)["issue"].fp == 1
    folded = labels.token_counts([pred], gold, fold={"issue": "volume"})
    assert set(folded) == {"volume"} and folded["volume"].f1 == 1.0


def test_a_count_of_volumes_is_scored_as_the_volume() -> None:
    got = labels.token_counts([{"number-of-volumes": "6"}], {"volume": ["6 Bde"]})
    assert set(got) == {"volume"} and got["volume"].f1 == 1.0


def test_a_doi_link_counts_as_its_doi_whichever_field_holds_it() -> None:
    link = "http://dx.doi.org/10.1016/j.tree.2014.07.006"
    doi = "10.1016/j.tree.2014.07.006"
    for pred in ({"DOI": doi}, {"URL": link}, {"URL": link, "DOI": doi}):
        for gold in ({"url": [link]}, {"doi": [doi]}, {"url": [link], "doi": [doi]}):
            got = labels.token_counts([pred], gold)
            assert set(got) == {"DOI"} and got["DOI"].f1 == 1.0, (pred, gold)
    # another DOI, or a link that is no doi.org link, is scored as before
    got = labels.token_counts([{"DOI": "10.1/other"}], {"url": [link]})
    assert (got["DOI"].tp, got["DOI"].fp, got["DOI"].fn) == (0, 1, 1)
    got = labels.token_counts([{"DOI": doi}], {"url": ["https://x.org/doi/" + doi]})
    assert got["URL"].fn > 1 and got["DOI"].fp == 1


def test_token_counts_no_prediction_is_all_fn() -> None:
    got = labels.token_counts([], {"title": ["A b c"]})
    assert (got["title"].tp, got["title"].fn) == (0, 3)


# --------------------------------------------------------------------------- runners


def _fake_clean(text: str, *, source: str | None = None, lines: bool = False) -> Library:
    refs, dropped = [], []
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("REF "):
            surname, title = line[4:].split(". ", 1)
            refs.append(Reference(author=(Name(family=surname),), title=title.rstrip("."),
                                  span=SourceSpan(source, number)))
        elif line.strip():
            dropped.append(DiscardedText(line, "not a reference"))
    return Library(references=tuple(refs), discarded=tuple(dropped))


def _fake_csl(ref: Reference) -> dict[str, Any]:
    item: dict[str, Any] = {"type": ref.type, "title": ref.title}
    item["author"] = [{"family": n.family} for n in ref.author]
    return item


def test_run_corpus_with_fake_pipeline(tmp_path: Path) -> None:
    (tmp_path / "001-one.txt").write_text("Noise here\nREF Ure. The Cossacks.\n")
    (tmp_path / "001-one.gold.json").write_text(json.dumps({
        "references": [{"type": "book", "title": "The Cossacks",
                        "author": [{"family": "Ure"}]}],
        "must_discard": ["Noise here"]}))
    (tmp_path / "002-orphan.txt").write_text("no gold")
    result = run_corpus(tmp_path, clean=_fake_clean, to_csl=_fake_csl)
    assert [c.name for c in result.cases] == ["001-one"]
    assert result.problems == ["002-orphan.txt: no 002-orphan.gold.json"]
    assert result.micro.f1 == 1.0 and result.count_accuracy == 1.0
    assert result.words == (1, 6) and result.must_discard == (1, 1)
    assert json.loads(json.dumps(result.to_dict()))["micro"]["tp"] == 3


def test_run_dataset_matches_lines_by_span() -> None:
    from yalta_refs.eval.shared import Record

    records = [Record("REF Ure. The Cossacks.", {"title": ["The Cossacks."]}),
               Record("garbage", {"title": ["Lost Title"]})]
    result = run_dataset("t", records, clean=_fake_clean, to_csl=_fake_csl)
    assert (result.lines, result.predicted, result.count_ok) == (2, 1, False)
    assert (result.fields["title"].tp, result.fields["title"].fn) == (2, 2)
    assert result.fields["author"].fp == 1


def test_cli_missing_input_exits_2(tmp_path: Path) -> None:
    assert main(["corpus", str(tmp_path / "absent")]) == 2


# --------------------------------------------------------------------------- ../shared

needs_shared = pytest.mark.skipif(not (shared_dir() / "data").is_dir(),
                                  reason="../shared data not available")


@needs_shared
@pytest.mark.parametrize("name", list(DATASETS))
def test_every_shared_label_is_mapped_or_known_unmapped(name: str) -> None:
    path = dataset_path(name)
    if not path.exists():
        pytest.skip(f"{path} absent")
    keys = {k for r in load_records(path) for k in r.csl}
    assert keys - set(labels.GOLD_LABELS) <= {"other", "note"}
