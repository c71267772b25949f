"""Our own readers: model -> format -> model keeps every carried field, and
format -> model -> format gives the same bytes (skipped until a format has a reader)."""

from __future__ import annotations

from functools import cache

import pytest

from yalta_refs.eval.interchange import FORMATS, Check, check_roundtrip, reader_problem

from .expectations import ROUNDTRIP


@cache
def _measured(fmt: str) -> Check:
    return check_roundtrip(fmt)


def measured(fmt: str) -> Check:
    problem = reader_problem("yalta_refs", fmt)
    if problem:
        pytest.skip(problem)
    check = _measured(fmt)
    assert check.skipped is None, check.skipped
    return check


@pytest.mark.parametrize("fmt", FORMATS)
def test_written_twice_is_byte_identical(fmt: str) -> None:
    assert measured(fmt).stable is True


@pytest.mark.parametrize("fmt", FORMATS)
def test_model_format_model(fmt: str) -> None:
    check = measured(fmt)
    known = ROUNDTRIP[fmt].known
    assert check.read == check.records
    assert check.annote_ok == check.annote_total > 200
    worse = {name: count for name, count in check.failures.items()
             if count > known.get(name, (0, ""))[0]}
    assert not worse, f"{worse}: {[check.examples[name] for name in worse]}"
    assert check.fields_ok / check.fields_total >= ROUNDTRIP[fmt].min_fields
    fixed = [name for name in known if not check.failures.get(name)]
    assert not fixed, f"no longer lost, remove from expectations.ROUNDTRIP: {fixed}"
