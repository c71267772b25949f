"""The development corpus as a regression test: every case matches its gold.

Each case in tests/corpus/damaged/ is one test: the same reference count, every
compared field equal, every annotation exact, every must-discard string
discarded. Cases in known_failures.txt are strict expected failures (a ratchet).
The figures (F1, words unaccounted) are printed by ``python -m yalta_refs.eval corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from yalta_refs.eval.corpus import default_functions, discover_cases, run_case

CORPUS = Path(__file__).parent / "corpus" / "damaged"
KNOWN = Path(__file__).parent / "corpus" / "known_failures.txt"


def _known_failures() -> dict[str, str]:
    known = {}
    for line in KNOWN.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition("  ")
            known[name.strip()] = reason.strip()
    return known


def _params() -> list[object]:
    cases, problems = discover_cases(CORPUS)
    assert not problems, problems
    known = _known_failures()
    return [
        pytest.param(case, id=case.name,
                     marks=[pytest.mark.xfail(reason=known[case.name], strict=True)]
                     if case.name in known else [])
        for case in cases
    ]


@pytest.mark.parametrize("case", _params())
def test_case_matches_gold(case: object) -> None:
    clean, to_csl = default_functions()
    score = run_case(case, clean=clean, to_csl=to_csl)  # type: ignore[arg-type]
    assert score.error is None, score.error
    assert score.pred_count == score.gold_count
    wrong = [f"{m.field}: gold {m.gold!r} != pred {m.pred!r}" for m in score.mismatches]
    assert wrong == []
    assert (score.annotation.exact, score.annotation.false) == (score.annotation.gold, 0)
    assert all(ok for _, ok in score.must_discard), score.must_discard


def test_known_failures_name_real_cases() -> None:
    names = {p.stem for p in CORPUS.glob("*.txt")}
    assert set(_known_failures()) <= names
