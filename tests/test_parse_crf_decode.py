"""Constrained decoding (parse/crf/decode.py): one run per field given once,
chosen by the model's own scores. A scripted tagger stands in for the model, so
each test says which labelling the model prefers."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from yalta_refs.parse.crf.decode import one_run_per_field, runs_of

LABELS = ("author", "title", "container-title", "publisher", "location", "date", "editor",
          "note", "annotation", "pages", "volume", "issue", "other")


class ScriptedTagger:
    """Marginals are 1.0 for ``second`` (per token, where given) and small otherwise;
    the probability of a labelling is looked up in ``scores`` (0.01 if absent)."""

    def __init__(self, scores: dict[tuple[str, ...], float] | None = None,
                 second: Sequence[str] = ()) -> None:
        self.scores = scores or {}
        self.second = list(second)
        self.asked: list[tuple[str, ...]] = []

    def labels(self) -> list[str]:
        return list(LABELS)

    def marginal(self, label: str, t: int) -> float:
        return 1.0 if t < len(self.second) and self.second[t] == label else 0.001

    def probability(self, labels: Sequence[str]) -> float:
        self.asked.append(tuple(labels))
        return self.scores.get(tuple(labels), 0.01)


class Untouchable:
    def __getattr__(self, name: str) -> None:
        raise AssertionError(f"the tagger was asked ({name}) about a labelling with no repeat")


def test_runs_of() -> None:
    assert runs_of(["author", "author", "title", "date", "title"]) == [
        ("author", 0, 1), ("title", 2, 2), ("date", 3, 3), ("title", 4, 4)]
    assert runs_of([]) == []


def test_a_labelling_with_each_field_once_is_not_scored_again() -> None:
    labels = ["author", "title", "title", "container-title", "date"]
    assert one_run_per_field(labels, Untouchable()) == labels
    # two dates are allowed (a reprint, a day and a year)
    labels = ["author", "date", "title", "date"]
    assert one_run_per_field(labels, Untouchable()) == labels


def test_a_title_cut_by_names_is_joined_when_the_model_rates_that_highest() -> None:
    # "… Some Problems with E. D. Hirsch's The Philosophy of Composition. Journal."
    labels = ["author", "date", "title", "title", "author", "author", "title",
              "container-title"]
    joined = ("author", "date", "title", "title", "title", "title", "title",
              "container-title")
    tagger = ScriptedTagger({joined: 0.2})
    assert one_run_per_field(labels, tagger) == list(joined)
    # every candidate scored is a labelling with one title
    assert all(sum(1 for r in runs_of(c) if r[0] == "title") == 1 for c in tagger.asked)


def test_the_second_run_takes_the_label_the_model_rates_next() -> None:
    # "Title. Publisher, Press and the Russell Sage Foundation": the second "title" run
    # is the publisher going on
    labels = ["title", "title", "publisher", "publisher", "title", "title"]
    mended = ("title", "title", "publisher", "publisher", "publisher", "publisher")
    tagger = ScriptedTagger({mended: 0.3, ("title",) * 6: 0.1})
    assert one_run_per_field(labels, tagger) == list(mended)


def test_runs_are_not_joined_across_the_only_date() -> None:
    # "Équipe … (EROP) (2009). Bilan …": joining the two titles would swallow the date
    labels = ["title", "title", "date", "title", "title"]
    joined = ("title",) * 5
    relabelled = ("author", "author", "date", "title", "title")
    tagger = ScriptedTagger({joined: 0.9, relabelled: 0.2}, second=["author", "author"])
    assert one_run_per_field(labels, tagger) == list(relabelled)
    assert joined not in tagger.asked
    # with a second date elsewhere the join is a candidate like any other
    labels = ["title", "date", "title", "date"]
    tagger = ScriptedTagger({("title", "title", "title", "date"): 0.9})
    assert one_run_per_field(labels, tagger) == ["title", "title", "title", "date"]


def test_each_token_may_take_its_own_next_label() -> None:
    labels = ["title", "container-title", "title", "title"]
    per_token = ("title", "container-title", "date", "publisher")
    tagger = ScriptedTagger({per_token: 0.5}, second=["note", "note", "date", "publisher"])
    assert one_run_per_field(labels, tagger) == list(per_token)


def test_prose_after_the_annotation_start_is_left_alone() -> None:
    # "Smith. Title. Oxford: Clarendon. A fine book, which Oxford reissued …"
    labels = ["author", "title", "location", "publisher", "note", "publisher", "title"]

    def annotation_at(_: Sequence[str]) -> int:
        return 4

    assert one_run_per_field(labels, Untouchable(), annotation_at=annotation_at) == labels
    # a repeat before the annotation is still mended, the annotation kept as it was
    labels = ["title", "location", "title", "publisher", "annotation", "title"]
    mended = ("title", "location", "location", "publisher", "annotation", "title")
    tagger = ScriptedTagger({mended: 0.4})
    assert one_run_per_field(labels, tagger, annotation_at=annotation_at) == list(mended)
    assert all(c[4:] == ("annotation", "title") for c in tagger.asked)


def test_three_runs_are_mended_over_rounds() -> None:
    # each round takes away one surplus run, so a third title goes too
    labels = ["title", "date", "title", "date", "title"]
    out = one_run_per_field(labels, ScriptedTagger())
    assert sum(1 for r in runs_of(out) if r[0] == "title") == 1
    assert len(out) == len(labels) and out[1] == out[3] == "date"  # only title runs moved


@pytest.mark.parametrize("text, title, container", [
    ("Johansson, J. (2004). Inherent' Ideology, 'Universal' History, 'Empirical' Evidence in "
     "'Context Free' Writing: Some Problems with E. D. Hirsch's The Philosophy of "
     "Composition. International Journal of American Linguistics, Native American Texts "
     "Series.",
     "Inherent' Ideology, 'Universal' History, 'Empirical' Evidence in 'Context Free' "
     "Writing: Some Problems with E. D. Hirsch's The Philosophy of Composition", None),
    ("Menon V, Homel P, Kamel SM, Fincke R, Swistel DG, Hochman JS. Mortality with coronary "
     "artery bypass grafting for non Q MI; results from the 1996 New York State Cardiac "
     "Surgery database . J Am Coll Cardiol 2000; 35:347A-1064.",
     "Mortality with coronary artery bypass grafting for non Q MI; results from the 1996 "
     "New York State Cardiac Surgery database", "J Am Coll Cardiol"),
])
def test_the_shipped_model_gives_one_title(text: str, title: str, container: str | None
                                           ) -> None:
    pytest.importorskip("pycrfsuite")
    from yalta_refs.parse.crf import parse_crf

    ref = parse_crf(text)
    assert ref.title == title
    if container is not None:
        assert ref.container_title == container


def test_a_cue_alone_is_not_a_second_container() -> None:
    # "Title, in A. Diaz (eds.) Book": "in" labelled as the container before the editors
    labels = ["title", "container-title", "editor", "editor", "container-title"]
    words = ["Histoire", "in", "Diaz", "eds", "Imbroglio"]
    assert one_run_per_field(labels, Untouchable(), words=words) == labels


def test_what_follows_a_doi_is_left_alone() -> None:
    # "… 2019;280(3):1313–32. doi:10.3500/x Compares Agincourt, Waterloo, and …"
    labels = ["title", "container-title", "date", "doi", "container-title", "location"]
    assert one_run_per_field(labels, Untouchable()) == labels


def test_a_run_of_words_is_not_made_the_pages() -> None:
    # "… volume 4: Contact and perception (25-50)": the second container run
    labels = ["title", "container-title", "volume", "container-title", "container-title",
              "pages"]
    words = ["Variables", "Conditions", "4", "Contact", "perception", "25"]
    numbers = ("title", "container-title", "volume", "pages", "pages", "pages")
    note = ("title", "container-title", "volume", "note", "note", "pages")
    tagger = ScriptedTagger({numbers: 0.9, note: 0.1}, second=["", "", "", "pages", "pages"])
    out = one_run_per_field(labels, tagger, words=words)
    assert numbers not in tagger.asked and out[3] not in ("pages", "volume", "issue")


def test_author_runs_are_joined_only_where_no_role_word_is() -> None:
    # "LIGO Scientific Collaboration and Virgo Collaboration, GW151226 …": "and" read
    # as other between two author runs
    labels = ["author", "author", "other", "author", "title"]
    words = ["LIGO", "Collaboration", "and", "Virgo", "Observation"]
    joined = ("author", "author", "author", "author", "title")
    tagger = ScriptedTagger({joined: 0.6})
    assert one_run_per_field(labels, tagger, words=words) == list(joined)
    # "et al., editors": the names before a role word are the repairs' to read
    words = ["Johansson", "Marino", "editors", "Text", "Nation"]
    assert one_run_per_field(labels, Untouchable(), words=words) == labels


def test_the_names_a_reference_opens_with_stay_authors() -> None:
    # "Young, A. B. 1986. Title. Rapport No. 513. EPA Office of Solid Waste …": the
    # second author run may change, the first does not
    labels = ["author", "author", "date", "title", "author", "author"]
    words = ["Young", "A", "1986", "Seafloor", "EPA", "Office"]
    first_gone = ("note", "note", "date", "title", "author", "author")
    second_gone = ("author", "author", "date", "title", "publisher", "publisher")
    tagger = ScriptedTagger({first_gone: 0.9, second_gone: 0.3},
                            second=["note", "note", "", "", "publisher", "publisher"])
    assert one_run_per_field(labels, tagger, words=words) == list(second_gone)
    assert first_gone not in tagger.asked


def test_a_second_page_run_is_mended_too() -> None:
    # "Miscelánea antropológica ecuatoriana, 3 (3), 1983, 89-116": the issue read as pages
    labels = ["container-title", "volume", "pages", "date", "pages"]
    words = ["Miscelánea", "3", "3", "1983", "89"]
    issue = ("container-title", "volume", "issue", "date", "pages")
    tagger = ScriptedTagger({issue: 0.5}, second=["", "", "issue", "", ""])
    assert one_run_per_field(labels, tagger, words=words) == list(issue)
