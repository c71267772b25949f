"""The holdout splits of the parser evaluation: the shared references that other
evaluation sets (CORA, ParsCit) hold too, scored but never trained on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from yalta_refs.eval.parser import HOLDOUT_PARTS, holdout_records, run_parser_eval


def _write_jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def fake_shared(tmp_path: Path) -> Path:
    core = [
        {"id": 1, "text": "Smith, J. 1995. Learning  to parse. Machine Learning 5(3).",
         "csl": {"author": ["Smith, J."], "title": ["Learning to parse."]}},
        {"id": 2, "text": "Roe, A. An unlisted reference. 1990.", "csl": {"title": ["x"]}},
        {"id": 3, "text": "Doe, B. Humanities at large. Paris, 1970.",
         "csl": {"author": ["Doe, B."], "location": ["Paris"]}},
    ]
    corpus = [  # the first text again, spaced otherwise: kept once, in its first split
        {"id": 7, "text": "Smith, J. 1995. Learning to parse. Machine  Learning 5(3).",
         "csl": {"author": ["Smith, J."]}},
        {"id": 8, "text": "Poe, E. A report. Tech. Rep. 12, 1999.",
         "csl": {"author": ["Poe, E."], "genre": ["Tech. Rep."]}},
    ]
    _write_jsonl(tmp_path / "data" / "anystyle" / "core.jsonl", core)
    _write_jsonl(tmp_path / "data" / "grobid-citation" / "corpus.jsonl", corpus)
    _write_jsonl(tmp_path / "data" / "holdout_overlap.jsonl", [
        {"source": "anystyle:core", "id": 1, "holdout_sources": ["cora"]},
        {"source": "anystyle:core", "id": 3, "holdout_sources": ["parscit:en-humanities"]},
        {"source": "grobid-citation:corpus", "id": 7, "holdout_sources": ["parscit:citeseerx"]},
        {"source": "grobid-citation:corpus", "id": 8,
         "holdout_sources": ["umass-citation:dev", "cora"]},
    ])
    return tmp_path


def test_holdout_records_are_grouped_by_the_other_set_and_kept_once(fake_shared: Path) -> None:
    held = holdout_records(fake_shared)
    assert set(held) == set(HOLDOUT_PARTS)
    cora = [r.text for r in held["holdout-cora"]]
    parscit = [r.text for r in held["holdout-parscit"]]
    # whitespace folded; the corpus copy of Smith is a duplicate and dropped
    assert cora[0] == "Smith, J. 1995. Learning to parse. Machine Learning 5(3)."
    assert "Doe, B. Humanities at large. Paris, 1970." in parscit
    assert not any("Machine" in t for t in parscit)
    # listed under CORA too: a record goes to the first split whose set lists it
    assert "Poe, E. A report. Tech. Rep. 12, 1999." in cora
    # an unlisted record is in neither
    assert not any("unlisted" in t for t in cora + parscit)
    # the labels are the record's own
    assert held["holdout-cora"][0].csl["author"] == ["Smith, J."]


def test_holdout_splits_are_scored_by_name_or_prefix(fake_shared: Path) -> None:
    report = run_parser_eval("rules", fake_shared, splits=["holdout"])
    names = [s.result.name for s in report.splits]
    assert names == ["holdout-cora", "holdout-parscit"]
    assert [s.result.lines for s in report.splits] == [2, 1]
    assert all(s.result.count_ok for s in report.splits)
    only = run_parser_eval("rules", fake_shared, splits=["holdout-parscit"])
    assert [s.result.name for s in only.splits] == ["holdout-parscit"]


def test_holdout_records_never_reach_training(shared_dir: Path) -> None:
    """Every text of the holdout splits is excluded from train and dev."""
    from yalta_refs.parse.crf.data import normalized_key
    from yalta_refs.parse.crf.splits import load_splits

    held = holdout_records(shared_dir)
    keys = {normalized_key(r.text) for records in held.values() for r in records}
    assert len(keys) > 1000
    splits = load_splits(shared_dir)
    used = {normalized_key(i.text) for i in [*splits.train, *splits.dev]}
    assert not keys & used
