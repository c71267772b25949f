"""Shared test helpers: where the repository and ../shared are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_513468435c83c218.txt"
EXAMPLE = ROOT / "docs" / "examples" / "further-reading.txt"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
