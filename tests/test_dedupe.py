"""Duplicates: which references are one work, and what merging them keeps."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yalta_refs.dedupe import (
    REASONS,
    Conflict,
    DuplicateGroup,
    dedupe,
    find_duplicates,
    merge_duplicates,
)
from yalta_refs.errors import ConfigError
from yalta_refs.model import Date, Diagnostic, Library, Name, Provenance, Reference, SourceSpan


def ref(
    family: str | None = None,
    title: str | None = None,
    year: int | None = None,
    *,
    given: str = "Simon",
    **fields: object,
) -> Reference:
    authors = (Name(family=family, given=given),) if family else ()
    issued = Date.from_year(year) if year is not None else None
    return Reference(author=authors, title=title, issued=issued).with_fields(**fields)


COURT = "Stalin: The Court of the Red Tsar"


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        pytest.param(ref("Ure", "The Cossacks", 2002, DOI="10.1000/Cossacks"),
                     ref("Ure", "Cossacks: An Illustrated History", 2002,
                         DOI="https://doi.org/10.1000/cossacks"),
                     "doi", id="doi-case-and-prefix"),
        pytest.param(ref("Polian", "Against Their Will", 2004, ISBN="963-9241-68-7"),
                     ref("Polian", "Against their will: the history", 2004,
                         ISBN="9789639241688"),
                     "isbn", id="isbn10-vs-isbn13"),
        pytest.param(ref("Polian", "Against Their Will", 2004, ISBN="0 19 280171 6; 1-2"),
                     ref("Polian", "A different record title", 2004, ISBN="978-0-19-280171-5"),
                     "isbn", id="isbn-in-a-list"),
        pytest.param(ref("Seaton", "The Horsemen of the Steppes", 1985),
                     ref("SEATON", "horsemen of the steppes.", 1985),
                     "title+author+year", id="case-punctuation-article"),
        pytest.param(ref("Müller", "Élites soviétiques et l'État", 1999),
                     ref("Muller", "Elites sovietiques et l’Etat", 1999),
                     "title+author+year", id="accents-and-apostrophes"),
        pytest.param(ref("Montefiore", COURT, 2004, publisher="Knopf"),
                     ref("Montefiore", "Stalin", 2004, publisher="Alfred A. Knopf"),
                     "title+author+year", id="subtitle-dropped-strong-agreement"),
        pytest.param(ref("Montefiore", COURT, 2004),
                     ref("Montefiore", "Stalin - the court of the red tsar", 2005),
                     "title+author+year", id="dash-subtitle-year-off-by-one"),
        pytest.param(ref("Sebag Montefiore", COURT, 2004), ref("Montefiore", COURT, None),
                     "title+author+year", id="two-word-family-year-missing"),
        pytest.param(ref("Tolstoy", "The Secret Betrayal", 1978),
                     ref("Tolstoy", "The Secret Betrayl", 1978),
                     "title+author+year", id="typo"),
        pytest.param(ref(None, "Editorial", 1990, type="article-journal",
                         container_title="Slavic Review"),
                     ref(None, "Editorial.", 1990, type="article-journal",
                         container_title="Slavic review"),
                     "title+author+year", id="no-authors-same-container"),
        pytest.param(ref("Reynolds", "The Yalta Conference", 1994, type="chapter",
                         ISBN="0192801716"),
                     ref("Reynolds", "Yalta conference", 1994, type="chapter",
                         ISBN="9780192801715"),
                     "isbn", id="chapter-isbn-and-title"),
    ],
)
def test_duplicates(a: Reference, b: Reference, reason: str) -> None:
    groups = find_duplicates(Library((a, b)))
    assert [(g.indices, g.reason) for g in groups] == [((0, 1), reason)]
    assert 0.9 <= groups[0].score <= 1.0


BOOK = ref("Montefiore", COURT, 2004, publisher="Knopf", ISBN="9781400042302")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(BOOK, ref("Service", COURT, 2004, type="article-journal",
                               container_title="Slavic Review"), id="review-vs-book"),
        pytest.param(BOOK, BOOK.with_fields(type="article-journal", author=BOOK.author,
                                            container_title="The Russian Review"),
                     id="review-titled-like-the-book-same-name"),
        pytest.param(ref("Tolstoy", "Victims of Yalta", 1977, edition="1st ed."),
                     ref("Tolstoy", "Victims of Yalta", 1978, edition="Second edition"),
                     id="two-editions"),
        pytest.param(ref("Tolstoy", "Victims of Yalta", 1977, publisher="Hodder",
                         ISBN="0340217405"),
                     ref("Tolstoy", "Victims of Yalta", 1990, publisher="Corgi",
                         ISBN="0340217405"),
                     id="reissue-years-and-publishers-apart"),
        pytest.param(ref("Reynolds", "The Yalta Conference", 1994, type="chapter",
                         container_title="Allied Diplomacy", ISBN="0192801716"),
                     ref(None, "Allied Diplomacy", 1994, ISBN="0192801716",
                         editor=(Name(family="Reynolds", given="David"),)),
                     id="chapter-vs-its-book"),
        pytest.param(ref("Reynolds", "The Yalta Conference", 1994, type="chapter",
                         ISBN="0192801716"),
                     ref("Reynolds", "Potsdam and After", 1994, type="chapter",
                         ISBN="0192801716"),
                     id="two-chapters-of-one-book"),
        pytest.param(ref("Service", "Stalin", 2004), ref("Montefiore", "Stalin", 2004),
                     id="same-title-other-author"),
        pytest.param(ref("Smith", "A History of Russia", 2004, given="Anne"),
                     ref("Smith", "A History of Russia", 2004, given="Brian"),
                     id="same-family-other-initial"),
        pytest.param(ref("Montefiore", COURT, 2004), ref("Montefiore", "Young Stalin", 2007),
                     id="same-author-other-book"),
        pytest.param(ref("Montefiore", COURT, 2004), ref("Montefiore", "Stalin", None),
                     id="subtitle-dropped-weak-agreement"),
        pytest.param(ref("Kotkin", "Stalin: Paradoxes of Power", 2014),
                     ref("Kotkin", "Stalin: Waiting for Hitler", 2014),
                     id="same-main-title-other-subtitle"),
        pytest.param(ref("Ure", "The Cossacks", 2002, DOI="10.1/a"),
                     ref("Ure", "The Cossacks", 2002, DOI="10.1/b"), id="different-dois"),
        pytest.param(ref("Figes", "A History", 1990, volume="1"),
                     ref("Figes", "A History", 1990, volume="2"), id="different-volumes"),
        pytest.param(ref("Snyder", "Bloodlands", 2010, type="article-journal",
                         container_title="Slavic Review"),
                     ref("Snyder", "Bloodlands", 2010, type="article-journal",
                         container_title="Journal of Cold War Studies"),
                     id="articles-in-different-journals"),
        pytest.param(ref("Ure", "The Cossacks", 1990), ref("Ure", "The Cossacks", 1995),
                     id="years-apart"),
        pytest.param(ref("Ure", None, 2002), ref("Ure", None, 2002), id="no-title-no-identifier"),
        pytest.param(ref("Figes", "Russia in War and Revolution, Part 1", 1990),
                     ref("Figes", "Russia in War and Revolution, Part 2", 1990),
                     id="numbers-in-titles-differ"),
        pytest.param(ref("Figes", "Stalin and the Red Army", 1990),
                     ref("Figes", "Stalin and the Forced Army", 1990),
                     id="one-word-differs-not-a-typo"),
    ],
)
def test_not_duplicates(a: Reference, b: Reference) -> None:
    assert find_duplicates(Library((a, b))) == []


def test_groups_are_complete_linkage() -> None:
    # "Stalin" matches both, but the two subtitled books are not one work
    lib = Library((ref("Kotkin", "Stalin: Paradoxes of Power", 2014),
                   ref("Kotkin", "Stalin", 2014),
                   ref("Kotkin", "Stalin: Waiting for Hitler", 2014)))
    groups = find_duplicates(lib)
    assert len(groups) == 1
    assert set(groups[0].indices) != {0, 1, 2}


def test_full_title_matches_link_before_subtitle_matches() -> None:
    lib = Library((ref("Montefiore", COURT, 2004), ref("Montefiore", "Stalin", 2004),
                   ref("Montefiore", COURT, 2005)))
    assert [g.indices for g in find_duplicates(lib)] == [(0, 2)]


def test_identical_references_group_once_weakest_link_reported() -> None:
    book = ref("Ure", "The Cossacks", 2002)
    lib = Library((book, ref("Polian", "Against Their Will", 2004), book,
                   book.with_fields(DOI="10.1/x"), book.with_fields(DOI="10.1/X")))
    [group] = find_duplicates(lib)
    assert group == DuplicateGroup((0, 2, 3, 4), "title+author+year", 1.0)


def test_oversized_block_still_finds_neighbours() -> None:
    # one author, 600 titles starting with the same word: compared by sorted neighbourhood
    refs = [ref("Smith", f"History {word} {other}", 2000)
            for word in WORDS for other in WORDS[:20] if word != other]
    refs.append(ref("Smith", "history stalin court.", 2000))
    groups = find_duplicates(Library(tuple(refs)))
    assert len(refs) > 600
    assert [(refs[g.indices[0]].title, g.indices[1]) for g in groups] == [
        ("History Stalin Court", len(refs) - 1)]


def test_threshold_is_checked_and_used() -> None:
    lib = Library((ref("Tolstoy", "The Secret Betrayal", 1978),
                   ref("Tolstoy", "The Secret Betrayl", 1978)))
    assert find_duplicates(lib, threshold=0.99) == []
    assert len(find_duplicates(lib, threshold=0.8)) == 1
    for bad in (0, -1, 1.5):
        with pytest.raises(ConfigError):
            find_duplicates(lib, threshold=bad)


# --- merging --------------------------------------------------------------------------


def test_merge_fills_keeps_and_reports() -> None:
    first = ref("Montefiore", COURT, 2004, id="montefiore2004stalin", publisher="Knopf",
                annotation="An examination of Stalin's inner circle.",
                span=SourceSpan("a.txt", 3), extra={"keywords": "ussr"},
                diagnostics=(Diagnostic("et-al", "cut short"),))
    other = ref("Montefiore", COURT.upper(), 2004, id="montefiore2004stalina",
                publisher="Weidenfeld & Nicolson", publisher_place="London",
                ISBN="9781400042302", annotation="Highly recommended.",
                span=SourceSpan("b.txt", 10, 11), extra={"keywords": "stalin", "lccn": "x"},
                provenance={"ISBN": Provenance("openlibrary", "OL1M", 0.9)})
    between = ref("Ure", "The Cossacks", 2002, id="ure2002cossacks")
    merged_lib, [record] = dedupe(Library((first, between, other)))

    assert [r.id for r in merged_lib] == ["montefiore2004stalin", "ure2002cossacks"]
    merged = merged_lib[0]
    assert merged.title == COURT and merged.publisher == "Knopf"
    assert (merged.publisher_place, merged.ISBN) == ("London", "9781400042302")
    assert merged.annotation == ("An examination of Stalin's inner circle.\n\n"
                                 "Highly recommended.")
    assert merged.extra == {"keywords": "ussr", "lccn": "x"}
    prov = merged.provenance["publisher-place"]
    assert (prov.source, prov.record) == ("merge", "montefiore2004stalina")
    assert "openlibrary" in (merged.provenance["ISBN"].note or "")
    assert "publisher" not in merged.provenance

    assert record.kept == "montefiore2004stalin"
    assert record.merged == ("montefiore2004stalina",)
    assert record.reason == "title+author+year" and record.score == 1.0
    assert record.filled == {"publisher-place": "montefiore2004stalina",
                             "ISBN": "montefiore2004stalina",
                             "extra.lccn": "montefiore2004stalina"}
    assert record.conflicts == (
        Conflict("publisher", "Knopf", "Weidenfeld & Nicolson", "montefiore2004stalina"),
        Conflict("extra.keywords", "ussr", "stalin", "montefiore2004stalina"),
    )
    assert record.sources == ("b.txt:10-11",)
    codes = [d.code for d in merged.diagnostics]
    assert codes == ["et-al", "merged"]
    assert "montefiore2004stalina (b.txt:10-11)" in merged.diagnostics[-1].message
    assert json.loads(json.dumps(record.to_dict()))["conflicts"][0]["field"] == "publisher"


@pytest.mark.parametrize(
    ("annotations", "expected"),
    [
        pytest.param(["Good.", "Good."], "Good.", id="identical-once"),
        pytest.param(["Good.", " Good.\n"], "Good.", id="whitespace-only-difference-once"),
        pytest.param([None, "Useful maps."], "Useful maps.", id="filled"),
        pytest.param(["A.", "B.", "A."], "A.\n\nB.", id="order-kept"),
        pytest.param([None, None], None, id="none"),
    ],
)
def test_merge_annotations(annotations: list[str | None], expected: str | None) -> None:
    refs = [ref("Ure", "The Cossacks", 2002, annotation=a) for a in annotations]
    merged, _ = dedupe(Library(tuple(refs)))
    assert len(merged) == 1
    assert merged[0].annotation == expected


def test_merge_labels_unkeyed_references_by_position_and_keeps_the_rest() -> None:
    lib = Library((ref("Polian", "Against Their Will", 2004),
                   ref("Ure", "The Cossacks", 2002, DOI="10.1/x"),
                   ref("Ure", "Cossacks", 2002, DOI="10.1/X", span=SourceSpan(None, 7))),
                  discarded=(), failed=())
    merged, [record] = dedupe(lib)
    assert (record.kept, record.merged, record.reason) == ("#2", ("#3",), "doi")
    assert "#3 (<input>:7)" in merged[1].diagnostics[-1].message
    assert [r.title for r in merged] == ["Against Their Will", "The Cossacks"]


def test_merge_checks_groups() -> None:
    lib = Library((ref("Ure", "A", 2002), ref("Ure", "A", 2002), ref("Ure", "A", 2002)))
    for groups in ([DuplicateGroup((0,), "doi", 1.0)], [DuplicateGroup((0, 5), "doi", 1.0)],
                   [DuplicateGroup((0, 1), "doi", 1.0), DuplicateGroup((1, 2), "doi", 1.0)]):
        with pytest.raises(ConfigError):
            merge_duplicates(lib, groups)
    assert merge_duplicates(lib, []) == (lib, [])


def test_no_duplicates_leaves_the_library_alone() -> None:
    lib = Library((ref("Ure", "The Cossacks", 2002), ref("Polian", "Against Their Will", 2004)))
    assert dedupe(lib) == (lib, [])


# --- properties -----------------------------------------------------------------------

small_refs = st.builds(
    ref,
    family=st.sampled_from([None, "Ure", "Polian", "Sebag Montefiore", "Montefiore"]),
    title=st.sampled_from([None, "The Cossacks", "Cossacks", COURT, "Stalin", "Stalin."]),
    year=st.sampled_from([None, 2002, 2003, 2004, 2010]),
    annotation=st.sampled_from([None, "Good.", "Good. ", "Bad.", "Maps.\n\nIndex."]),
    DOI=st.sampled_from([None, None, "10.1/a", "10.1/A"]),
    ISBN=st.sampled_from([None, None, "0192801716", "9780192801715"]),
    publisher=st.sampled_from([None, "Knopf", "Penguin"]),
)


def _spaced(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(small_refs, max_size=12))
def test_dedupe_keeps_every_annotation_and_never_grows(refs: list[Reference]) -> None:
    lib = Library(tuple(refs))
    merged, records = dedupe(lib)
    assert len(merged) <= len(lib)
    assert len(merged) == len(lib) - sum(len(r.merged) for r in records)
    kept_text = [_spaced(r.annotation) for r in merged if r.annotation]
    for original in refs:
        if original.annotation and original.annotation.strip():
            assert any(_spaced(original.annotation) in text for text in kept_text)


@settings(max_examples=100, deadline=None)
@given(st.lists(small_refs, max_size=12))
def test_groups_partition_and_are_ordered(refs: list[Reference]) -> None:
    groups = find_duplicates(Library(tuple(refs)))
    seen = [i for g in groups for i in g.indices]
    assert len(seen) == len(set(seen))
    assert all(list(g.indices) == sorted(g.indices) and len(g.indices) > 1 for g in groups)
    assert all(g.reason in REASONS for g in groups)


# --- scale ----------------------------------------------------------------------------

FAMILIES = [f"{a}{b}" for a in ("Mont", "Pol", "Sea", "Tol", "Ur", "Apple", "Con", "Serv")
            for b in ("efiore", "ian", "ton", "stoy", "e", "baum", "quest", "ice")]
WORDS = ["Stalin", "Court", "Red", "Tsar", "Alliance", "History", "Cossacks", "Steppes",
         "Betrayal", "Secret", "War", "Empire", "Forced", "Migrations", "Russia", "Soviet",
         "Union", "Prisoners", "Yalta", "Exile", "Memory", "Terror", "Europe", "Frontier",
         "Revolution", "Peasants", "Archives", "Power", "Making", "Modern", "Gulag", "Diplomacy"]


def synthetic_library(n: int, seed: int = 7) -> tuple[Library, int]:
    """``n`` references, about one in ten a damaged copy of an earlier one (ids say which)."""
    rng = random.Random(seed)
    refs: list[Reference] = []
    seen: set[tuple[str, str]] = set()
    copies = 0
    while len(refs) < n:
        if refs and rng.random() < 0.1:
            original = rng.choice([r for r in refs[-50:] if "-copy" not in r.id])
            title = (original.title or "").lower().rstrip(".") + "."
            refs.append(original.with_fields(id=f"{original.id}-copy{len(refs)}", title=title,
                                             annotation=f"Note {len(refs)}."))
            copies += 1
            continue
        family, title = rng.choice(FAMILIES), " ".join(rng.sample(WORDS, 4))
        if (family, title) in seen:
            continue
        seen.add((family, title))
        refs.append(ref(family, title, rng.randint(1900, 2020), id=f"w{len(refs)}",
                        publisher=rng.choice(["Knopf", "Penguin", None])))
    return Library(tuple(refs)), copies


def test_ten_thousand_references_dedupe() -> None:
    lib, copies = synthetic_library(10_000)
    merged, records = dedupe(lib)
    assert len(merged) == len(lib) - copies
    assert not any("-copy" in r.id for r in merged)
    assert sum(len(r.merged) for r in records) == copies
