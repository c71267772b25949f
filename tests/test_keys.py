"""Citation keys: readable, deterministic, unique."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yalta_refs.errors import ConfigError
from yalta_refs.formats.keys import (
    DEFAULT_KEY_PATTERN,
    KEY_PLACEHOLDERS,
    assign_keys,
    check_key_pattern,
    fold_ascii,
    is_valid_key,
    make_key,
)
from yalta_refs.model import Date, Library, Name, Reference


def book(
    family: str | None = None,
    title: str | None = None,
    year: int | None = None,
    *,
    key: str = "",
    **fields: object,
) -> Reference:
    authors = (Name(family=family, given="A."),) if family else ()
    issued = Date.from_year(year) if year is not None else None
    return Reference(id=key, author=authors, title=title, issued=issued).with_fields(**fields)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        pytest.param(book("Montefiore", "Stalin: The Court of the Red Tsar", 2004),
                     "montefiore2004stalin", id="montefiore"),
        pytest.param(book("Perlmutter", "FDR and Stalin: A Not So Grand Alliance", 1993),
                     "perlmutter1993fdr", id="perlmutter"),
        pytest.param(book("Polian", "Against Their Will", 2004), "polian2004against",
                     id="polian"),
        pytest.param(book("Seaton", "The Horsemen of the Steppes", 1985),
                     "seaton1985horsemen", id="seaton-skips-the"),
        pytest.param(book("Tolstoy", "The Secret Betrayal", 1978), "tolstoy1978secret",
                     id="tolstoy"),
        pytest.param(book("Ure", "The Cossacks: An Illustrated History", 2002),
                     "ure2002cossacks", id="ure"),
        pytest.param(book("Öztürk", "Die Geschichte der Stadt", 1999), "ozturk1999geschichte",
                     id="folded-german-stopword"),
        pytest.param(book("Łukasiewicz", "L'Empire", 1950), "lukasiewicz1950empire",
                     id="l-stroke-elision"),
        pytest.param(book("Smith", "A History"), "smithndhistory", id="no-year"),
        pytest.param(book("Smith", None, 2001), "smith2001", id="no-title"),
        pytest.param(book(None, "The Secret Betrayal", 1978), "secret1978betrayal",
                     id="no-names-title-words"),
        pytest.param(book(None, None, None), "nd", id="nothing-at-all"),
        pytest.param(
            book(None, "Yearbook", 1990, editor=(Name(family="Jones", given="B."),)),
            "jones1990yearbook", id="editor-fallback"),
        pytest.param(
            book(None, "Report on Refugees", 1946, author=(Name(literal="The United Nations"),)),
            "united1946report", id="corporate-first-significant-word"),
        pytest.param(
            book(None, "Letters", 1850,
                 author=(Name(family="Gogh", given="Vincent", non_dropping_particle="van"),)),
            "gogh1850letters", id="particle-not-in-key"),
        pytest.param(book("Sebag Montefiore", "Young Stalin", 2007),
                     "sebagmontefiore2007young", id="two-word-family"),
        pytest.param(book("Иванова", "Агиографските произведения", 2004),
                     "ivanova2004agiografskite", id="cyrillic-transliterated"),
        pytest.param(book("長塚", "新型コロナウイルス感染症の拡大と図書館", 2020),
                     "zhangzhong2020xin", id="cjk-title-one-character-a-word"),
    ],
)
def test_make_key(ref: Reference, expected: str) -> None:
    assert make_key(ref) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ö", "o", id="umlaut"),
        pytest.param("Straße", "strasse", id="sharp-s"),
        pytest.param("Dvořák", "dvorak", id="caron"),
        pytest.param("O'Brien-Smith", "obriensmith", id="punctuation"),
        pytest.param("Полян", "polyan", id="cyrillic"),
        pytest.param("Αριστοτέλης", "aristotelis", id="greek"),
        pytest.param("王俊翰", "wangjunhan", id="chinese"),
        pytest.param("ŋ", "ng", id="eng"),
    ],
)
def test_fold_ascii(text: str, expected: str) -> None:
    assert fold_ascii(text) == expected


def keys(refs: list[Reference]) -> list[str]:
    return [ref.id for ref in assign_keys(Library(tuple(refs)))]


@pytest.mark.parametrize(
    ("refs", "expected"),
    [
        pytest.param(
            [book("Smith", "History", 2001)] * 3,
            ["smith2001history", "smith2001historya", "smith2001historyb"],
            id="better-bibtex-suffixes"),
        pytest.param(
            [book("Smith", "History", 2001, key="mykey"), book("Ure", "Cossacks", 2002)],
            ["mykey", "ure2002cossacks"], id="imported-key-kept"),
        pytest.param(
            [book("Smith", "History", 2001, key="dup"), book("Ure", "Cossacks", 2002, key="dup")],
            ["dup", "ure2002cossacks"], id="clashing-id-first-keeps"),
        pytest.param(
            [book("Smith", "History", 2001, key="Dup"), book("Ure", "Cossacks", 2002, key="dup")],
            ["Dup", "ure2002cossacks"], id="clash-is-case-insensitive"),
        pytest.param(
            [book("Smith", "History", 2001), book("Ure", "Cossacks", 2002,
                                                  key="smith2001history")],
            ["smith2001historya", "smith2001history"], id="generated-avoids-kept"),
        pytest.param(
            [book("Smith", "History", 2001, key="Smith 2001")],
            ["smith2001history"], id="invalid-bibtex-key-replaced"),
    ],
)
def test_assign_keys(refs: list[Reference], expected: list[str]) -> None:
    assert keys(refs) == expected


def test_assign_keys_is_deterministic_and_idempotent() -> None:
    refs = [book("Smith", "History", 2001)] * 4 + [book(None, None, None)] * 2
    first = assign_keys(Library(tuple(refs)))
    assert first == assign_keys(Library(tuple(refs)))
    assert assign_keys(first) == first


def test_suffixes_go_past_z() -> None:
    generated = keys([book("Smith", "History", 2001)] * 30)
    assert generated[26:] == ["smith2001historyz", "smith2001historyaa",
                              "smith2001historyab", "smith2001historyac"]


@pytest.mark.parametrize(
    ("key", "valid"),
    [
        pytest.param("smith2001", True, id="plain"),
        pytest.param("Smith:2001/a-b_c", True, id="punctuation-ok"),
        pytest.param("", False, id="empty"),
        pytest.param("a b", False, id="space"),
        pytest.param("a,b", False, id="comma"),
        pytest.param("a{b", False, id="brace"),
    ],
)
def test_is_valid_key(key: str, valid: bool) -> None:
    assert is_valid_key(key) is valid


names = st.builds(
    Name,
    family=st.none() | st.text(max_size=12),
    given=st.none() | st.text(max_size=8),
    literal=st.none() | st.text(max_size=12),
)
references = st.builds(
    Reference,
    id=st.just(""),
    author=st.lists(names, max_size=2).map(tuple),
    editor=st.lists(names, max_size=1).map(tuple),
    title=st.none() | st.text(max_size=30),
    issued=st.none() | st.integers(-500, 3000).map(Date.from_year),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(references, max_size=25))
def test_generated_keys_unique_and_plain(refs: list[Reference]) -> None:
    generated = keys(refs)
    assert len({k.casefold() for k in generated}) == len(generated)
    assert all(re.fullmatch(r"[a-z0-9]+", k) for k in generated)
    assert generated == keys(refs)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(references, st.text(max_size=6)), max_size=25))
def test_keys_unique_with_imported_ids(pairs: list[tuple[Reference, str]]) -> None:
    refs = [ref.with_fields(id=key) for ref, key in pairs]
    assigned = keys(refs)
    assert len({k.casefold() for k in assigned}) == len(assigned)
    assert all(is_valid_key(k) for k in assigned)


# --- key patterns ---------------------------------------------------------------------

MONTEFIORE = book("Sebag Montefiore", "Stalin: The Court of the Red Tsar", 2004)
THREE = book(None, "The Cossacks and the Steppe", 1999,
             author=(Name(family="Smith"), Name(family="O'Brien-Jones"), Name(family="Ure")))


@pytest.mark.parametrize(
    ("ref", "pattern", "expected"),
    [
        pytest.param(MONTEFIORE, "{auth}", "sebagmontefiore", id="auth"),
        pytest.param(MONTEFIORE, "{Auth}", "SebagMontefiore", id="Auth"),
        pytest.param(book("Öztürk", "X", 1), "{Auth}", "Ozturk", id="Auth-folded"),
        pytest.param(MONTEFIORE, "{authors}", "sebagmontefiore", id="authors-one"),
        pytest.param(THREE, "{authors}", "smithobrienjonesetal", id="authors-etal"),
        pytest.param(THREE, "{Authors}", "SmithOBrienJonesEtAl", id="Authors-EtAl"),
        pytest.param(THREE.with_fields(author=THREE.author[:2]), "{Authors}",
                     "SmithOBrienJones", id="Authors-two"),
        pytest.param(MONTEFIORE, "{year}", "2004", id="year"),
        pytest.param(book("Smith", "A History"), "{year}", "nd", id="year-missing"),
        pytest.param(MONTEFIORE, "{title}", "stalin", id="title"),
        pytest.param(MONTEFIORE, "{Title}", "Stalin", id="Title"),
        pytest.param(MONTEFIORE, "{shorttitle}", "stalincourtred", id="shorttitle"),
        pytest.param(MONTEFIORE, "{ShortTitle}", "StalinCourtRed", id="ShortTitle"),
        pytest.param(book("Ure", "Cossacks", 2002), "{shorttitle}", "cossacks",
                     id="shorttitle-short"),
        pytest.param(MONTEFIORE, "{Auth}:{year}-{Title}", "SebagMontefiore:2004-Stalin",
                     id="literal-text"),
        pytest.param(MONTEFIORE, "{auth}{year}{title}", "sebagmontefiore2004stalin",
                     id="default-spelled-out"),
        pytest.param(book(None, "The Secret Betrayal Again", 1978), "{Auth}{year}{ShortTitle}",
                     "Secret1978BetrayalAgain", id="no-names-borrows-title-word"),
        pytest.param(book(None, "The Secret Betrayal", 1978), "{title}{year}",
                     "secret1978", id="no-name-placeholder-no-borrowing"),
        pytest.param(
            book(None, "Report on Refugees", 1946, author=(Name(literal="The United Nations"),)),
            "{Auth}{year}", "United1946", id="corporate"),
        pytest.param(book(None, None, None), "{auth}{title}", "ref", id="empty-render"),
    ],
)
def test_key_pattern(ref: Reference, pattern: str, expected: str) -> None:
    assert make_key(ref, pattern) == expected
    assert is_valid_key(make_key(ref, pattern))


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        pytest.param("{auth}{yr}", "unknown key placeholder {yr}; known: {auth}, {Auth}",
                     id="unknown"),
        pytest.param("{AUTH}", "unknown key placeholder {AUTH}", id="case-matters"),
        pytest.param("{auth", "unbalanced brace", id="unbalanced-open"),
        pytest.param("auth}", "unbalanced brace", id="unbalanced-close"),
        pytest.param("{auth} {year}", "' ' cannot be in a BibTeX key", id="space"),
        pytest.param("{auth},{year}", "',' cannot be in a BibTeX key", id="comma"),
        pytest.param("", "empty", id="empty"),
        pytest.param("{auth}ü", "'ü' cannot be in a BibTeX key", id="non-ascii"),
    ],
)
def test_bad_key_pattern(pattern: str, message: str) -> None:
    for call in (lambda: make_key(MONTEFIORE, pattern), lambda: check_key_pattern(pattern),
                 lambda: assign_keys(Library(()), pattern)):
        with pytest.raises(ConfigError) as info:
            call()
        assert message in str(info.value)


def test_unknown_placeholder_lists_every_known_one() -> None:
    with pytest.raises(ConfigError) as info:
        check_key_pattern("{nope}")
    assert all(f"{{{name}}}" in str(info.value) for name in KEY_PLACEHOLDERS)


def test_default_pattern_is_the_default() -> None:
    refs = [MONTEFIORE, THREE, book(None, "The Secret Betrayal", 1978), book(None, None, None)]
    assert DEFAULT_KEY_PATTERN == "{auth}{year}{title}"
    assert [make_key(r) for r in refs] == [make_key(r, DEFAULT_KEY_PATTERN) for r in refs]
    lib = Library(tuple(refs))
    assert assign_keys(lib) == assign_keys(lib, DEFAULT_KEY_PATTERN)


def test_pattern_keys_unique_with_suffixes_and_imported_kept() -> None:
    refs = [book("Smith", "History", 2001)] * 3 + [book("Ure", "Cossacks", 2002, key="mine")]
    assigned = [r.id for r in assign_keys(Library(tuple(refs)), "{Auth}_{year}")]
    assert assigned == ["Smith_2001", "Smith_2001a", "Smith_2001b", "mine"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(references, st.text(max_size=4)), max_size=20),
       st.sampled_from(["{Auth}{year}", "{authors}-{shorttitle}", "x:{Title}", "{ShortTitle}"]))
def test_pattern_keys_unique_valid_deterministic(
    pairs: list[tuple[Reference, str]], pattern: str
) -> None:
    lib = Library(tuple(ref.with_fields(id=key) for ref, key in pairs))
    first = assign_keys(lib, pattern)
    assigned = [r.id for r in first]
    assert len({k.casefold() for k in assigned}) == len(assigned)
    assert all(is_valid_key(k) for k in assigned)
    assert first == assign_keys(lib, pattern)
    assert assign_keys(first, pattern) == first


def test_keep_ids_false_rekeys_everything() -> None:
    lib = assign_keys(Library((book("Smith", "History", 2001, key="mine"),
                               book("Smith", "History", 2001))))
    assert [r.id for r in lib] == ["mine", "smith2001history"]
    rekeyed = assign_keys(lib, "{Auth}{year}", keep_ids=False)
    assert [r.id for r in rekeyed] == ["Smith2001", "Smith2001a"]
    assert [r.id for r in assign_keys(lib, "{Auth}{year}")] == ["mine", "smith2001history"]
