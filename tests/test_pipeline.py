"""The pipeline: whole inputs, nothing lost, one bad reference never aborts a batch."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import yalta_refs
from yalta_refs.clean import fix_line
from yalta_refs.model import Library, Reference
from yalta_refs.pipeline import DEFAULT_STAGES, clean_text, per_reference, run_stages

from .conftest import SEED

GOLD = Path(__file__).parent / "corpus" / "seed.gold.json"
GOOD = "Ure, John. The Cossacks. New York: Penguin Books, 2002. A lively history."


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


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


def test_default_stages_are_replaceable() -> None:
    library = clean_text(GOOD, stages=())
    assert library[0].id == ""
    assert clean_text(GOOD, stages=DEFAULT_STAGES)[0].id == "ure2002cossacks"
