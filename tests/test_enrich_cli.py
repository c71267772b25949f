"""``yalta-refs enrich`` through click's runner, with catalogs faked (no network)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from yalta_refs.cli import cli
from yalta_refs.enrich import engine
from yalta_refs.eval.enrich import FakeCatalog, load_cases

SEED = next(c for c in load_cases() if c["id"] == "seed-montefiore-stalin")


@pytest.fixture
def catalog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeCatalog:
    """The seed's Montefiore records behind every fetch; no user config, cache in tmp."""
    fake = FakeCatalog(SEED["records"])
    seen: dict[str, Any] = {}

    def factory(**kw: Any) -> FakeCatalog:
        seen.update(kw)
        return fake

    monkeypatch.setattr(engine, "_default_fetcher", factory)
    monkeypatch.setenv("YALTA_REFS_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("YALTA_REFS_MAILTO", raising=False)
    fake.factory_args = seen  # type: ignore[attr-defined]
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    return fake


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps([SEED["ref"]]), encoding="utf-8")
    return path


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["enrich", *args])


def test_enrich_writes_filled_fields_with_provenance(catalog: FakeCatalog, bib: Path,
                                                     tmp_path: Path) -> None:
    out, report = tmp_path / "out.json", tmp_path / "report.json"
    result = _run(str(bib), "--to", "csl-json", "-o", str(out), "--report", str(report),
                  "--mailto", "me@example.org")
    assert result.exit_code == 0, result.output
    item = json.loads(out.read_text(encoding="utf-8"))[0]
    assert item["ISBN"] == "9781400042302"
    assert item["publisher"] == "Knopf"  # filled fields only: the input's publisher stays
    assert item["annote"] == SEED["ref"]["annote"]
    assert item["custom"]["provenance"]["ISBN"]["source"] in {"loc", "openlibrary"}
    data = json.loads(report.read_text(encoding="utf-8"))
    record = data["enrich"]["records"][0]
    assert record["status"] == "enriched" and record["changes"]
    assert any(r["reason"] for r in record["rejected"])
    assert "enriched 1 of 1" in result.stderr and "ISBN" in result.stderr
    assert catalog.factory_args["mailto"] == "me@example.org"  # type: ignore[attr-defined]


def test_dry_run_writes_nothing_and_prints_changes(catalog: FakeCatalog, bib: Path,
                                                   tmp_path: Path) -> None:
    out = tmp_path / "out.bib"
    result = _run(str(bib), "-o", str(out), "--dry-run")
    assert result.exit_code == 0, result.output
    assert not out.exists()
    assert "ISBN: '9781400042302'" in result.stdout
    assert "would fill" in result.stderr


def test_protect_and_overwrite(catalog: FakeCatalog, bib: Path) -> None:
    result = _run(str(bib), "--to", "csl-json", "--protect", "ISBN,number-of-pages",
                  "--overwrite", "publisher")
    assert result.exit_code == 0, result.output
    item = json.loads(result.stdout)[0]
    assert "ISBN" not in item and "number-of-pages" not in item
    assert item["publisher"] == "Alfred A. Knopf"


def test_unknown_field_or_source_is_a_usage_error(catalog: FakeCatalog, bib: Path) -> None:
    from yalta_refs.cli import main

    assert main(["enrich", str(bib), "--protect", "colour"]) == 2
    assert main(["enrich", str(bib), "--sources", "nowhere"]) == 2


def test_strict_exits_4_on_faults_and_output_is_still_written(
        monkeypatch: pytest.MonkeyPatch, bib: Path, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
    monkeypatch.setenv("YALTA_REFS_CONFIG", str(bib.with_name("c.toml")))
    bib.with_name("c.toml").write_text("", encoding="utf-8")
    out = tmp_path / "out.json"
    lenient = _run(str(bib), "--offline", "--to", "csl-json", "-o", str(out))
    assert lenient.exit_code == 0, lenient.output
    assert json.loads(out.read_text(encoding="utf-8"))[0]["title"] == SEED["ref"]["title"]
    assert "fault" in lenient.stderr
    strict = _run(str(bib), "--offline", "--strict", "--to", "csl-json", "-o", str(out))
    assert strict.exit_code == 4
    assert "--strict" in strict.stderr


def test_config_file_sets_sources_and_min_score(catalog: FakeCatalog, bib: Path,
                                                tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[enrich]\nsources = ["openlibrary"]\nmin_score = 0.99\n'
                      'mailto = "cfg@example.org"\n', encoding="utf-8")
    report = tmp_path / "r.json"
    result = _run(str(bib), "--config", str(config), "--dry-run", "--report", str(report))
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))["enrich"]
    assert data["options"]["sources"] == ["openlibrary"]
    assert data["options"]["min_score"] == 0.99
    assert {r.source for r in catalog.requests} == {"openlibrary"}


def test_missing_config_file_is_an_error(bib: Path) -> None:
    from yalta_refs.cli import main

    assert main(["enrich", str(bib), "--config", "/nonexistent/config.toml"]) == 2


def test_quiet_prints_nothing_on_stderr(catalog: FakeCatalog, bib: Path) -> None:
    result = CliRunner().invoke(cli, ["-q", "enrich", str(bib), "--to", "csl-json"])
    assert result.exit_code == 0
    assert result.stderr == ""
