"""tests/render/holdout*.json: the held-out CSL-JSON corpora (written without seeing
the engine; see docs/render.md for their first-run figures) load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("name", ["holdout.json", "holdout2.json", "holdout3.json"])
def test_holdout_loads_with_unique_ids(name: str) -> None:
    items = json.loads((HERE / name).read_text(encoding="utf-8"))
    assert isinstance(items, list) and len(items) >= 150
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert all(isinstance(item.get("type"), str) and item["type"] for item in items)
