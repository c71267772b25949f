"""Shared test helpers: where the repository and ../shared are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_513468435c83c218.txt"
EXAMPLE = ROOT / "docs" / "examples" / "further-reading.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


# the local fake catalog for the enrichment tests (imports kept with their fixture)
from collections.abc import Iterator  # noqa: E402

from .catalog_server import CatalogServer  # noqa: E402


@pytest.fixture
def catalog_server() -> Iterator[CatalogServer]:
    """A started local fake catalog (tests/catalog_server.py), stopped afterwards."""
    with CatalogServer() as server:
        yield server
