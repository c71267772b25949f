"""Matching a catalog record against a reference: scores, vetoes and the decision."""

from __future__ import annotations

import pytest

from yalta_refs.enrich.match import choose, isbn13, normalize_title, score_candidate

from .enrich_helpers import cand, ref

STALIN = ref("Stalin: The Court of the Red Tsar", "Simon Sebag Montefiore", year=2004,
             publisher="Knopf", publisher_place="New York")


@pytest.mark.parametrize(("title", "expected"), [
    pytest.param("The Cossacks: An Illustrated History", ("cossacks an illustrated history",
                                                          "cossacks"), id="article-subtitle"),
    pytest.param("Stalin", ("stalin", ""), id="no-subtitle"),
    pytest.param("Über die Kosaken — eine Geschichte", ("uber die kosaken eine geschichte",
                                                        "uber die kosaken"), id="diacritics"),
    pytest.param("War & Peace", ("war and peace", ""), id="ampersand"),
])
def test_normalize_title(title: str, expected: tuple[str, str]) -> None:
    assert normalize_title(title) == expected


def test_isbn13_converts_isbn10() -> None:
    assert isbn13("0-14-032872-6") == "9780140328721"
    assert isbn13("978-0-14-032872-1") == "9780140328721"
    assert isbn13("12") == ""


def test_same_edition_scores_high() -> None:
    score = score_candidate(STALIN, cand("Stalin : the court of the red tsar",
                                         "Simon Sebag Montefiore", year=2004,
                                         publisher="Alfred A. Knopf"))
    assert score.total >= 0.95, score
    assert score.same_edition and score.veto is None


def test_title_without_subtitle_matches_the_main_title_fully() -> None:
    short = ref("The Cossacks", "John Ure", year=2002, publisher="Penguin Books")
    score = score_candidate(short, cand("The Cossacks: An Illustrated History", "John Ure",
                                        year=2002, publisher="Penguin"))
    assert score.components["title"] == 1.0
    assert score.total >= 0.95


@pytest.mark.parametrize(("candidate", "veto"), [
    pytest.param(cand("Review of Stalin: The Court of the Red Tsar", "Robert Service",
                      year=2004, type="article-journal"), "article-journal", id="review-type"),
    pytest.param(cand("Stalin: The Court of the Red Tsar", "Simon Sebag Montefiore",
                      year=2004, type="review-book"), "review", id="review-book-type"),
    pytest.param(cand("Stalin: The Court of the Red Tsar. By Simon Sebag Montefiore. "
                      "New York: Knopf, 2004. 720 pp.", "Robert Service", year=2004),
                 "review", id="review-title"),
    pytest.param(cand("Stalin: The Court of the Red Tsar", "Stephen Kotkin", year=2004,
                      publisher="Knopf"), "no author surname shared", id="other-author"),
    pytest.param(cand("Young Stalin", "Jane Smith", year=2004), "no author surname shared",
                 id="both-change"),
])
def test_vetoes(candidate: object, veto: str) -> None:
    score = score_candidate(STALIN, candidate)  # type: ignore[arg-type]
    assert score.veto is not None and veto in score.veto, score


def test_title_and_authors_both_changing_is_vetoed() -> None:
    two = ref("Stalin and His Hangmen", "Donald Rayfield", "Simon Sebag Montefiore", year=2004)
    score = score_candidate(two, cand("Stalin's Hangmen", "Donald Rayfield", year=2004))
    assert score.veto == "title and authors would both change"


def test_far_year_caps_the_score() -> None:
    score = score_candidate(STALIN, cand("Stalin: The Court of the Red Tsar",
                                         "Simon Sebag Montefiore", year=1990, publisher="Knopf"))
    assert score.total <= 0.7


def test_original_date_tolerates_a_reprint_year() -> None:
    polian = ref("Against Their Will", "Pavel Polian", year=2004, original_year=2001)
    work = cand("Against their will", "Pavel Polian", year=2001, level="work")
    score = score_candidate(polian, work)
    assert score.components["year"] == 0.7
    assert score.total >= 0.85


def test_work_record_may_be_older() -> None:
    seaton = ref("The Horsemen of the Steppes", "Albert Seaton", year=1985)
    score = score_candidate(seaton, cand("The horsemen of the steppes", "Albert Seaton",
                                         year=1972, level="work"))
    assert score.veto is None and score.total >= 0.85 and not score.same_edition


def test_isbn_lookup_must_carry_the_isbn() -> None:
    r = ref("The Cossacks", "John Ure", year=2002, ISBN="0-14-029434-1")
    wrong = cand("The Cossacks", "John Ure", year=2002, isbns=["9780000000002"])
    right = cand("The Cossacks", "John Ure", year=2002, isbns=["9780140294347"])
    assert score_candidate(r, wrong).veto == "the record does not carry the reference's ISBN"
    good = score_candidate(r, right)
    assert good.same_edition and good.identifier and good.total >= 0.95


def test_different_doi_is_vetoed() -> None:
    r = ref("On bridges", "Ann Lee", year=2001, type="article-journal", DOI="10.1/a")
    c = cand("On bridges", "Ann Lee", year=2001, type="article-journal", DOI="10.1/b")
    assert score_candidate(r, c).veto is not None


def test_journal_abbreviation_matches_the_full_name() -> None:
    r = ref("The Yalta conference revisited", "Ann Lee", year=2001, type="article-journal",
            container_title="J. Mod. Hist.")
    c = cand("The Yalta Conference Revisited", "Ann Lee", year=2001, type="article-journal",
             container_title="Journal of Modern History")
    assert score_candidate(r, c).components["container"] == 1.0


def test_numbers_in_titles_must_agree() -> None:
    r = ref("FDR and Stalin: A Not So Grand Alliance, 1943-1945", "Amos Perlmutter", year=1993)
    c = cand("FDR and Stalin: A Not So Grand Alliance, 1939-1941", "Amos Perlmutter", year=1993)
    assert score_candidate(r, c).components["title"] < 0.8


# ------------------------------------------------------------------ decisions


def test_choose_accepts_the_true_edition_among_decoys() -> None:
    true = cand("Stalin: the court of the red tsar", "Simon Sebag Montefiore", year=2004,
                publisher="Knopf", record="OL-true")
    decoys = [
        cand("Stalin: The Court of the Red Tsar", "Simon Sebag Montefiore", year=2003,
             publisher="Weidenfeld & Nicolson", record="OL-uk"),
        cand("Stalin: The Court of the Red Tsar", "Stephen Kotkin", year=2004, record="OL-x"),
        cand("Young Stalin", "Simon Sebag Montefiore", year=2007, publisher="Knopf",
             record="OL-young"),
        cand("Review of Stalin: The Court of the Red Tsar", "Robert Service", year=2004,
             type="article-journal", source="crossref", record="10.1/rev"),
    ]
    decision = choose(STALIN, [*decoys, true])
    assert decision.accepted is true
    reasons = {r.candidate.record: r.reason for r in decision.rejected}
    assert "another edition" in reasons["OL-uk"]
    assert "review" in reasons["10.1/rev"] or "article-journal" in reasons["10.1/rev"]


def test_choose_abstains_when_only_another_edition_exists() -> None:
    other = cand("Stalin: The Court of the Red Tsar", "Simon Sebag Montefiore", year=2003,
                 publisher="Weidenfeld & Nicolson")
    decision = choose(STALIN, [other])
    assert decision.accepted is None


def test_choose_abstains_when_two_works_are_close() -> None:
    r = ref("Memoirs", "John Smith", year=1990)
    a = cand("Memoirs", "John Smith", year=1990, record="a", level="work")
    b = cand("Memoir", "John Smith", year=1990, record="b", level="work")
    decision = choose(r, [a, b])
    assert decision.accepted is None and decision.reason.startswith("ambiguous")


def test_two_catalogs_with_one_edition_are_not_ambiguous() -> None:
    a = cand("Stalin: The Court of the Red Tsar", "Simon Sebag Montefiore", year=2004,
             publisher="Knopf", record="OL1M", isbns=["9781400042302"])
    b = cand("Stalin : the court of the red tsar", "Simon Sebag Montefiore", year=2004,
             publisher="Alfred A. Knopf", source="loc", record="2003065330",
             isbns=["9781400042302"], identifiers={"lccn": "2003065330"})
    decision = choose(STALIN, [a, b])
    assert decision.accepted is not None
    assert len(decision.companions) == 1


def test_below_min_score_is_rejected_with_its_score() -> None:
    r = ref("A history of the Cossacks", "John Ure", year=2002)
    c = cand("The Cossacks in history", "John Ure", year=2002)
    decision = choose(r, [c], min_score=0.99)
    assert decision.accepted is None
    assert "below 0.99" in decision.rejected[0].reason


# ------------------------------------------------------------------ identifiers, parts, volumes


def test_the_public_names_are_importable_from_the_package() -> None:
    from yalta_refs.enrich import match

    for name in ("choose", "score_candidate", "Score", "Decision", "Rejection",
                 "normalize_title", "isbn13"):
        assert hasattr(match, name), name


def test_dois_compare_case_insensitively() -> None:
    r = ref("Remarks on commutative rings", "Gabor Szabo", year=1959, type="article-journal",
            DOI="10.5486/PMD.1959.6.3-4.12")
    c = cand("Remarks on Commutative Rings", "Gabor Szabo", year=1959, type="article-journal",
             DOI="https://doi.org/10.5486/pmd.1959.6.3-4.12")
    score = score_candidate(r, c)
    assert score.veto is None and score.identifier and score.total >= 0.95


def test_isbn_with_a_wrong_check_digit_is_no_isbn() -> None:
    from yalta_refs.enrich.match import invalid_isbns

    assert isbn13("9780195050803") == ""  # check digit should be 9
    assert isbn13("0-19-510198-4") == ""
    assert invalid_isbns("9780195050803 (hbk.)") == ["9780195050803"]
    r = ref("Stalin's Peasants", "Sheila Fitzpatrick", year=1994, publisher="Oxford UP",
            ISBN="9780195050803")
    c = cand("Stalin's peasants", "Sheila Fitzpatrick", year=1994,
             publisher="Oxford University Press", isbns=["9780195050809"])
    score = score_candidate(r, c)
    assert score.veto is None and score.same_edition and not score.identifier


PART1 = cand("The Cossack Hosts in Exile", "Peter Novak", year=1978, type="article-journal",
             container_title="Slavic Review", volume="37", issue="3", page="379-423",
             record="part1")
PART2 = cand("The Cossack Hosts in Exile", "Peter Novak", year=1978, type="article-journal",
             container_title="Slavic Review", volume="37", issue="4", page="623-656",
             record="part2")


def test_article_parts_are_told_apart_by_issue_and_pages() -> None:
    r = ref("The Cossack hosts in exile", "Peter Novak", year=1978, type="article-journal",
            container_title="Slavic Review", volume="37", issue="4", page="623–656")
    assert "issue" in (score_candidate(r, PART1).veto or "")
    assert score_candidate(r, PART2).veto is None
    decision = choose(r, [PART1, PART2])
    assert decision.accepted is PART2
    assert choose(r, [PART1]).accepted is None


@pytest.mark.parametrize(("page", "vetoed"), [
    pytest.param("623", False, id="first-page"),
    pytest.param("630-631", False, id="within-the-range"),
    pytest.param("623-56", False, id="abbreviated-range"),
    pytest.param("379", True, id="other-part"),
])
def test_pages_of_the_reference_must_lie_within_the_record(page: str, vetoed: bool) -> None:
    r = ref("The Cossack hosts in exile", "Peter Novak", year=1978, type="article-journal",
            container_title="Slavic Review", page=page)
    assert (score_candidate(r, PART2).veto is not None) is vetoed


def test_article_volumes_must_agree() -> None:
    r = ref("The Cossack hosts in exile", "Peter Novak", year=1978, type="article-journal",
            container_title="Slavic Review", volume="38")
    assert "volume" in (score_candidate(r, PART2).veto or "")


@pytest.mark.parametrize(("title", "expected"), [
    pytest.param("Capital, vol. 2", ("Capital", {2}), id="vol"),
    pytest.param("Capital: A Critique of Political Economy, Volume 2",
                 ("Capital: A Critique of Political Economy", {2}), id="volume"),
    pytest.param("Russia and the West, Volume III", ("Russia and the West", {3}), id="roman"),
    pytest.param("Geschichte der Kosaken. Bd. 3", ("Geschichte der Kosaken", {3}), id="band"),
    pytest.param("Studies, v. 3", ("Studies", {3}), id="v"),
    pytest.param("Memoirs, Part One", ("Memoirs", {1}), id="word"),
    pytest.param("Roe v. Wade", ("Roe v. Wade", set()), id="no-volume"),
    pytest.param("The Volga Germans", ("The Volga Germans", set()), id="vol-inside-a-word"),
])
def test_split_volume(title: str, expected: tuple[str, set[int]]) -> None:
    from yalta_refs.enrich.match import split_volume

    assert split_volume(title) == (expected[0], frozenset(expected[1]))


@pytest.mark.parametrize("reference", [
    pytest.param(ref("Geschichte der Kosaken", "Karl Hoffmann", year=1898, volume="4"),
                 id="volume-field"),
    pytest.param(ref("Geschichte der Kosaken, Bd. 4", "Karl Hoffmann", year=1898),
                 id="volume-in-title"),
])
def test_another_volume_is_vetoed(reference: object) -> None:
    vol3 = cand("Geschichte der Kosaken. Bd. 3", "Karl Hoffmann", year=1897)
    vol3_field = cand("Geschichte der Kosaken", "Karl Hoffmann", year=1897, volume="3")
    for other in (vol3, vol3_field):
        veto = score_candidate(reference, other).veto  # type: ignore[arg-type]
        assert veto is not None and "volume 3" in veto


def test_the_right_volume_matches_with_its_volume_set_aside() -> None:
    r = ref("Capital, vol. 2", "Karl Marx", year=1978, publisher="Penguin")
    v1 = cand("Capital: A Critique of Political Economy, Volume 1", "Karl Marx", year=1978,
              publisher="Penguin", record="v1")
    v2 = cand("Capital: A Critique of Political Economy, Volume 2", "Karl Marx", year=1978,
              publisher="Penguin", record="v2")
    score = score_candidate(r, v2)
    assert score.components["title"] == 1.0 and score.veto is None and score.same_edition
    assert choose(r, [v1, v2]).accepted is v2
    by_field = ref("Capital", "Karl Marx", year=1978, volume="2", publisher="Penguin")
    assert choose(by_field, [v1, v2]).accepted is v2


def test_a_volume_on_one_side_only_keeps_the_title_whole() -> None:
    r = ref("Memoirs", "George Kennan", year=1967)
    c = cand("Memoirs, Volume 2", "George Kennan", year=1967)
    assert score_candidate(r, c).components["title"] < 0.85


# ------------------------------------------------------------------ edition words


def test_edition_words_and_another_year_make_another_edition() -> None:
    first = ref("The Name of the Rose", "Umberto Eco", year=1983,
                publisher="Harcourt Brace Jovanovich")
    later = cand("The Name of the Rose: Including the Author's Postscript", "Umberto Eco",
                 year=1984, publisher="Harcourt Brace Jovanovich")
    score = score_candidate(first, later)
    assert score.veto is None and not score.same_edition
    assert any("including" in r for r in score.reasons)
    decision = choose(first, [later])
    assert decision.accepted is None and "including" in decision.rejected[0].reason


@pytest.mark.parametrize(("title", "edition"), [
    pytest.param("Europe since Napoleon (Abridged)", None, id="abridged"),
    pytest.param("Europe since Napoleon. Revised edition", None, id="revised"),
    pytest.param("Europe since Napoleon, with a new introduction", None, id="introduction"),
    pytest.param("Europe since Napoleon", "2nd ed., rev.", id="edition-statement"),
])
def test_edition_words_the_reference_lacks(title: str, edition: str | None) -> None:
    r = ref("Europe Since Napoleon", "David Thomson", year=1957, publisher="Longmans")
    c = cand(title, "David Thomson", year=1958, publisher="Longmans", edition=edition)
    assert not score_candidate(r, c).same_edition


def test_edition_words_in_the_same_year_or_in_the_reference_are_fine() -> None:
    later = cand("The Name of the Rose: Including the Author's Postscript", "Umberto Eco",
                 year=1984, publisher="Harcourt Brace Jovanovich")
    same_year = ref("The Name of the Rose", "Umberto Eco", year=1984,
                    publisher="Harcourt Brace Jovanovich")
    named = ref("The Name of the Rose: Including the Author's Postscript", "Umberto Eco",
                year=1985, publisher="Harcourt Brace Jovanovich")
    assert score_candidate(same_year, later).same_edition
    assert score_candidate(named, later).same_edition
    first = cand("Europe since Napoleon", "David Thomson", year=1958, edition="1st ed.")
    assert score_candidate(ref("Europe Since Napoleon", "David Thomson", year=1957),
                           first).same_edition


# ------------------------------------------------------------------ short titles


def test_a_short_title_matches_the_records_title() -> None:
    r = ref("Tractatus", "Ludwig Wittgenstein", year=1961, publisher="Routledge & Kegan Paul")
    c = cand("Tractatus logico-philosophicus", "Ludwig Wittgenstein", year=1961,
             publisher="Routledge & Kegan Paul")
    score = score_candidate(r, c)
    assert score.components["title"] == 0.9 and score.total >= 0.85 and score.same_edition
    assert choose(r, [c]).accepted is c


@pytest.mark.parametrize(("short", "long", "author", "year"), [
    pytest.param("Essays", "Essays moral and political", "David Hume", 1742, id="common-word"),
    pytest.param("Poems", "Poems chiefly in the Scottish dialect", "Robert Burns", 1786,
                 id="poems"),
    pytest.param("Introduction", "Introduction mathematical philosophy", "Bertrand Russell",
                 1919, id="introduction"),
    pytest.param("Lenin", "Lenin and the Russian Revolution", "Robert Service", 2000,
                 id="goes-on-with-and"),
    pytest.param("Tractatus", "Tractatus logico-philosophicus", "Someone Else", 1961,
                 id="other-author"),
    pytest.param("Tractatus", "Tractatus logico-philosophicus", "Ludwig Wittgenstein", 1990,
                 id="far-year"),
])
def test_short_title_guards(short: str, long: str, author: str, year: int) -> None:
    r = ref(short, author, year=year)
    c = cand(long, "Ludwig Wittgenstein" if short == "Tractatus" else author,
             year=1961 if short == "Tractatus" else year)
    decision = choose(r, [c])
    assert decision.accepted is None


def test_other_work_names_the_identifier_that_led_astray() -> None:
    from yalta_refs.enrich.match import other_work

    r = ref("Gulag: A History", "Anne Applebaum", year=2003, ISBN="9780385515696")
    iron = cand("Iron Curtain: The Crushing of Eastern Europe", "Anne Applebaum", year=2012,
                isbns=["9780385515696"])
    rejection = choose(r, [iron]).rejected[0]
    assert other_work(r, rejection) == "ISBN"
    other_edition = cand("Gulag: A History", "Anne Applebaum", year=2004,
                         isbns=["9780385515696"], publisher="Penguin")
    assert choose(r, [other_edition]).accepted is not None  # the ISBN confirms the edition
    article = ref("Displaced Persons Camps", "Olga Petrov", year=2005, type="article-journal",
                  DOI="10.5555/X.1")
    wrong = cand("Housing Policy in Hamburg", "Karl Brandt", year=2005, type="article-journal",
                 DOI="10.5555/x.1")
    assert other_work(article, choose(article, [wrong]).rejected[0]) == "DOI"
