"""Our files read by independent readers: citation-js, pandoc, @retorquere/bibtex-parser.

Each test skips when its reader is not installed (``.ci/install-readers``
installs them; no test uses the network). The expectations, with the reason
for every field a reader is known to lose, are in :mod:`.expectations`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import pytest

from yalta_refs.eval.interchange import FORMATS, READERS, Check, check_reader, reader_problem

from .expectations import EXPECTED

PAIRS = [(fmt, reader) for fmt in FORMATS for reader in READERS[fmt]]


@cache
def _measured(fmt: str, reader: str) -> Check:
    return check_reader(fmt, reader)


def measured(fmt: str, reader: str) -> Check:
    problem = reader_problem(reader, fmt)
    if problem:
        pytest.skip(problem)
    return _measured(fmt, reader)


def _examples(check: Check, names: Iterable[str]) -> str:
    return "\n".join(f"  {name}: {example}" for name in names
                     for example in check.examples.get(name, []))


def test_every_pair_has_an_expectation() -> None:
    assert set(EXPECTED) == set(PAIRS)


@pytest.mark.parametrize(("fmt", "reader"), PAIRS)
def test_every_record_is_read(fmt: str, reader: str) -> None:
    check = measured(fmt, reader)
    assert check.read == check.records


@pytest.mark.parametrize(("fmt", "reader"), PAIRS)
def test_annotation_survives(fmt: str, reader: str) -> None:
    check = measured(fmt, reader)
    allowed = EXPECTED[fmt, reader].known.get("annote", (0, ""))[0]
    lost = check.annote_total - check.annote_ok
    assert check.annote_total > 200
    assert lost <= allowed, f"{lost} annotations lost:\n{_examples(check, ['annote'])}"


@pytest.mark.parametrize(("fmt", "reader"), PAIRS)
def test_carried_fields_survive(fmt: str, reader: str) -> None:
    check = measured(fmt, reader)
    expected = EXPECTED[fmt, reader]
    worse = {name: count for name, count in check.failures.items()
             if count > expected.known.get(name, (0, ""))[0]}
    assert not worse, f"fields lost beyond the known limits: {worse}\n{_examples(check, worse)}"
    assert check.fields_ok / check.fields_total >= expected.min_fields


@pytest.mark.parametrize(("fmt", "reader"), PAIRS)
def test_known_losses_still_happen(fmt: str, reader: str) -> None:
    """A known loss that no longer happens must leave the list (it only shrinks)."""
    check = measured(fmt, reader)
    fixed = [name for name in EXPECTED[fmt, reader].known if not check.failures.get(name)]
    assert not fixed, f"no longer lost, remove from expectations.EXPECTED: {fixed}"
