"""Two parser runs compared split by split with a paired bootstrap
(``python -m yalta_refs.eval compare``), and the per-reference counts a saved run keeps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yalta_refs.eval.__main__ import main
from yalta_refs.eval.compare import compare_runs, format_comparison, paired_bootstrap


def _run(**splits: list[tuple[int, int, int]]) -> dict[str, object]:
    return {"parser": "auto", "splits": [
        {"name": name, "per_reference": [list(r) for r in rows]} for name, rows in splits.items()]}


def test_identical_runs_differ_by_nothing() -> None:
    rows = [(5, 1, 0), (3, 0, 2), (7, 0, 0), (2, 2, 2)] * 10
    difference, low, high = paired_bootstrap(rows, rows)
    assert difference == low == high == 0.0


def test_a_gain_on_every_line_is_significant_and_a_gain_on_one_is_not() -> None:
    a = [(8, 1, 1)] * 200
    everywhere = [(9, 0, 1)] * 200  # each line one error fewer
    difference, low, high = paired_bootstrap(a, everywhere)
    assert difference > 0 and low > 0
    once = [(9, 0, 1), *a[1:]]  # one line better, the others the same
    difference, low, high = paired_bootstrap(a, once)
    assert difference > 0 and low <= 0 <= high


def test_the_difference_is_measured_over_the_same_lines() -> None:
    # B is better on one half and worse on the other by the same amount: the
    # pairing sees the trade, and its interval holds zero
    a = [(8, 1, 1)] * 100 + [(8, 1, 1)] * 100
    b = [(10, 0, 0)] * 100 + [(6, 2, 2)] * 100
    difference, low, high = paired_bootstrap(a, b)
    assert abs(difference) < 0.01 and low < 0 < high
    with pytest.raises(ValueError):
        paired_bootstrap(a, b[:-1])


def test_splits_are_compared_only_when_both_runs_hold_them_line_for_line() -> None:
    a = _run(dev=[(8, 1, 1)] * 50, gold=[(5, 0, 0)] * 10, only_a=[(1, 0, 0)])
    b = _run(dev=[(9, 0, 1)] * 50, gold=[(5, 0, 0)] * 9)  # gold: another line count
    rows = compare_runs(a, b)
    assert [r.split for r in rows] == ["dev"]
    (dev,) = rows
    assert dev.lines == 50 and dev.f1_b > dev.f1_a and dev.significant
    text = format_comparison(rows)
    assert "dev" in text and "*" in text


def test_the_cli_compares_two_saved_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(_run(dev=[(8, 1, 1)] * 40)), encoding="utf-8")
    b.write_text(json.dumps(_run(dev=[(8, 1, 1)] * 39 + [(6, 2, 2)])), encoding="utf-8")
    assert main(["compare", str(a), str(b), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    (row,) = out["splits"]
    assert row["split"] == "dev" and row["difference"] < 0 and not row["significant"]
    # a file that is no saved run is a clear error, not a traceback
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    assert main(["compare", str(a), str(bad)]) == 2
    assert "not a saved parser run" in capsys.readouterr().err
    assert main(["compare", str(a), str(tmp_path / "missing.json")]) == 2


def test_a_saved_run_keeps_each_references_counts(tmp_path: Path) -> None:
    from yalta_refs.eval.parser import SplitResult
    from yalta_refs.eval.shared import Record, run_dataset

    records = [Record("Smith, J. 1995. Learning to parse. Machine Learning 5(3).",
                      {"author": ["Smith, J."], "title": ["Learning to parse."],
                       "container-title": ["Machine Learning"], "date": ["1995"]}),
               Record("Roe, A. A book. Paris: Seuil, 1990.",
                      {"author": ["Roe, A."], "title": ["A book."], "location": ["Paris"],
                       "publisher": ["Seuil"], "date": ["1990"]})]
    split = SplitResult(run_dataset("tiny", records))
    rows = split.per_reference()
    assert len(rows) == 2
    # the lines add up to the split
    assert [sum(r[k] for r in rows) for k in range(3)] == [
        split.issue_micro.tp, split.issue_micro.fp, split.issue_micro.fn]


def test_the_parser_eval_refuses_a_missing_model(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("YALTA_REFS_SHARED", str(tmp_path))
    assert main(["parser", "--model", str(tmp_path / "none.crfsuite")]) == 2
    assert "no model file" in capsys.readouterr().err
