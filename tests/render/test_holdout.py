"""tests/render/holdout.json: the held-out CSL-JSON corpus (not tuned against) loads."""

from __future__ import annotations

import json
from pathlib import Path

HOLDOUT = Path(__file__).resolve().parent / "holdout.json"


def test_holdout_loads_with_unique_ids() -> None:
    items = json.loads(HOLDOUT.read_text(encoding="utf-8"))
    assert isinstance(items, list) and len(items) >= 150
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert all(isinstance(item.get("type"), str) and item["type"] for item in items)
