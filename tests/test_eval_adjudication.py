"""The second reading of the gold (python -m yalta_refs.eval adjudication)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from yalta_refs.eval.__main__ import main
from yalta_refs.eval.adjudication import (
    VERDICTS,
    AdjudicationReport,
    DevAdjudication,
    Disagreement,
    adjudication_path,
    cohen_kappa,
    disagreements,
    format_adjudication,
    load_verdicts,
    reference_key,
    run_dev_adjudication,
    sample_disagreements,
    wilson,
)
from yalta_refs.eval.metrics import Counts
from yalta_refs.eval.shared import shared_dir

SPLIT = "dev-anystyle-bad-ugly"


def test_reference_key_ignores_spacing_only() -> None:
    assert reference_key("Smith, J.  A title.\n") == reference_key(" Smith, J. A title.")
    assert reference_key("Smith, J. A title.") != reference_key("Smith, J. A Title.")
    assert len(reference_key("x")) == 12


def test_wilson_interval_holds_the_share_and_narrows_with_n() -> None:
    low, high = wilson(20, 50)
    assert low < 0.4 < high
    low2, high2 = wilson(200, 500)
    assert low < low2 < 0.4 < high2 < high
    assert wilson(0, 0) == (0.0, 0.0)
    assert wilson(0, 10)[0] == 0.0


def test_cohen_kappa() -> None:
    assert cohen_kappa([("parser", "parser"), ("gold", "gold")]) == 1.0
    # agreement no better than chance: every reader says the same whatever the case
    assert cohen_kappa([("parser", "gold"), ("gold", "parser")]) < 0
    pairs = [("parser", "parser")] * 8 + [("gold", "gold")] * 8 + [("parser", "gold")] * 4
    assert 0.5 < cohen_kappa(pairs) < 0.7  # 0.8 observed, 0.5 by chance: 0.6
    assert cohen_kappa([]) == 0.0


def test_sample_is_drawn_by_key_whatever_the_order() -> None:
    found = [Disagreement(f"{k:012x}", "t", {}, {}, 1) for k in range(100)]
    one = sample_disagreements(found, size=10, seed=5)
    two = sample_disagreements(list(reversed(found)), size=10, seed=5)
    assert [d.key for d in one] == [d.key for d in two]
    assert len(one) == 10 and len(sample_disagreements(found[:3], size=10)) == 3
    # a further sample leaves out what an earlier one read, and draws the rest alike
    read = {d.key for d in one}
    more = sample_disagreements(found, size=10, seed=6, exclude=read)
    assert len(more) == 10 and not read & {d.key for d in more}
    assert [d.key for d in more] == [
        d.key for d in sample_disagreements([d for d in found if d.key not in read],
                                            size=10, seed=6)]


def test_verdicts_file_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text('{"key": "a", "verdict": "parser"}\n\n{"key": "b", "verdict": "maybe"}\n',
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"v\.jsonl:3"):
        load_verdicts(path)


def test_gold_mended_estimate() -> None:
    report = AdjudicationReport("x", 10, 5, 4, 0, 0, counts=Counts(tp=80, fp=10, fn=10))
    assert report.f1_gold_mended() == report.counts.f1  # no verdicts: nothing to mend
    report.errors_by_verdict = Counter({"parser": 10, "gold": 10})
    # half the 20 errors are the gold's alone: 10 errors, 5 mislabelled tokens, go right
    assert report.f1_gold_mended() == pytest.approx(2 * 85 / (2 * 85 + 10))
    report.by_verdict = Counter({"parser": 2, "gold": 2})
    text = format_adjudication(report)
    assert "parser" in text and "50.0%" in text and "94.44" in text
    # the whole dev set the split is part of: the same errors mended there
    whole = Counts(tp=180, fp=15, fn=15)
    assert report.f1_gold_mended(whole) == pytest.approx(2 * 185 / (2 * 185 + 20))
    assert report.interval() == (0.0, 0.0)  # nothing judged to draw from


def test_dev_estimate_mends_each_read_part_with_its_own_share() -> None:
    one = AdjudicationReport("a", 10, 5, 4, 0, 0, counts=Counts(tp=80, fp=10, fn=10))
    one.judged = [("parser", 10), ("gold", 10)]  # half its 20 errors are the gold's
    one.errors_by_verdict = Counter({"parser": 10, "gold": 10})
    two = AdjudicationReport("b", 10, 5, 4, 0, 0, counts=Counts(tp=90, fp=5, fn=5))
    two.judged = [("parser", 2), ("both", 8)]  # a fifth of its 10 errors
    two.errors_by_verdict = Counter({"parser": 2, "both": 8})
    unread = AdjudicationReport("c", 10, 5, 0, 0, 0, counts=Counts(tp=50, fp=5, fn=5))
    whole = Counts(tp=220, fp=20, fn=20)
    dev = DevAdjudication([one, two, unread], whole)
    # 10 + 2 gold-only errors: 6 mislabelled tokens go right; the unread part as it is
    assert dev.f1_gold_mended() == pytest.approx(2 * 226 / (2 * 226 + 28))
    assert DevAdjudication([unread], whole).f1_gold_mended() == pytest.approx(whole.f1)
    low, high = dev.interval(rounds=500)
    assert low <= dev.f1_gold_mended() <= high and low < high
    assert DevAdjudication([unread], whole).interval() == (0.0, 0.0)
    data = dev.to_dict()
    assert [p["split"] for p in data["parts"]] == ["a", "b", "c"]
    assert data["dev_f1"] < data["dev_f1_gold_mended"]


def test_bootstrap_interval_holds_the_estimate() -> None:
    report = AdjudicationReport("x", 10, 5, 4, 0, 0, counts=Counts(tp=80, fp=10, fn=10))
    report.judged = [("parser", 4), ("gold", 6), ("both", 5), ("parser", 1), ("gold", 4)]
    report.errors_by_verdict = Counter({"parser": 5, "gold": 10, "both": 5})
    low, high = report.interval(rounds=500)
    assert low <= report.f1_gold_mended() <= high
    assert low < high
    assert report.interval(rounds=500) == (low, high)  # seeded: the same every run
    report.judged = [("parser", 3)] * 4  # every error the gold's: no spread
    low, high = report.interval(rounds=100)
    assert low == high == report.f1_gold_mended(share=1.0)


#: the verdicts shipped for each dev part: references read (each twice)
SHIPPED = {"dev-grobid": 60, "dev-anystyle": 60, "dev-anystyle-bad-ugly": 120}


@pytest.mark.parametrize("part", sorted(SHIPPED))
def test_shipped_verdicts_are_well_formed(part: str) -> None:
    rows = [json.loads(line) for line in
            adjudication_path(part).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == SHIPPED[part]
    assert len({r["key"] for r in rows}) == len(rows)
    for row in rows:
        assert row["verdict"] in VERDICTS and row["first"] in VERDICTS
        assert row["second"] in VERDICTS and row["reason"].strip()
        assert row["drawn"].strip()  # the commit and seed of the sample it was read in
        if row["first"] == row["second"]:  # a third reading only where the two differ
            assert row["verdict"] == row["first"]
    assert load_verdicts(adjudication_path(part)).keys() == {r["key"] for r in rows}


needs_shared = pytest.mark.skipif(not (shared_dir() / "data").is_dir(),
                                  reason="../shared data not available")


@needs_shared
def test_every_verdict_names_a_reference_of_its_part() -> None:
    verdicts = {part: load_verdicts(adjudication_path(part)) for part in SHIPPED}
    dev = run_dev_adjudication(shared_dir(), verdicts)
    sizes = {"dev-grobid": 680, "dev-anystyle": 528, "dev-anystyle-bad-ugly": 412}
    for report in dev.parts:
        assert report.missing == 0
        assert report.references == sizes[report.split]
        assert sum(report.by_verdict.values()) + report.now_right == SHIPPED[report.split]
        assert report.kappa > 0.8
        assert report.whole is not None and report.whole.tp > report.counts.tp
    assert sum(p.counts.tp + p.counts.fn for p in dev.parts) == dev.whole.tp + dev.whole.fn
    data = dev.to_dict()
    assert data["dev_f1"] < data["dev_f1_gold_mended"]
    low, high = data["dev_f1_gold_mended_interval"]
    assert low <= data["dev_f1_gold_mended"] <= high


@needs_shared
def test_scan_counts_match_the_parser_evaluation() -> None:
    from yalta_refs.eval.parser import run_parser_eval

    scan = disagreements(SPLIT, shared_dir())
    split = run_parser_eval("auto", shared_dir(), splits=[SPLIT]).splits[0]
    assert (scan.counts.tp, scan.counts.fp, scan.counts.fn) == (
        split.issue_micro.tp, split.issue_micro.fp, split.issue_micro.fn)
    assert sum(d.errors for d in scan.found) == scan.counts.fp + scan.counts.fn


@needs_shared
def test_cli_prints_the_report_and_a_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adjudication"]) == 0
    out = capsys.readouterr().out
    assert "Cohen's kappa" in out and "== dev as a whole" in out
    assert out.count("== dev-") == len(SHIPPED)
    assert main(["adjudication", "--split", "dev-grobid"]) == 0
    out = capsys.readouterr().out
    assert "== dev-grobid" in out and "with this part's gold so mended" in out
    assert "== dev as a whole" not in out
    assert main(["adjudication", "--split", SPLIT, "--sample", "--seed", "3"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 60 and all(r["errors"] > 0 for r in rows)
    assert not {r["key"] for r in rows} & load_verdicts(adjudication_path(SPLIT)).keys()


def test_cli_unknown_split_exits_2() -> None:
    if not (shared_dir() / "data").is_dir():
        pytest.skip("../shared data not available")
    assert main(["adjudication", "--split", "nope"]) == 2
