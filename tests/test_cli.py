"""The command line, through click's runner and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from yalta_refs.cli import cli, main

from .conftest import EXAMPLE, ROOT

REF = "Ure, John. The Cossacks. New York: Penguin Books, 2002. A lively history.\n"


def test_clean_example_matches_references_bib() -> None:
    result = CliRunner().invoke(cli, ["clean", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (ROOT / "references.bib").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["bibtex", "biblatex", "csl-json"])
def test_clean_to_each_format_keeps_the_annotation(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["clean", str(EXAMPLE), "--to", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Highly recommended." in text
    assert "6 references" in result.stderr


def test_csl_json_has_one_item_per_line_in_order(tmp_path: Path) -> None:
    src = tmp_path / "lines.txt"
    src.write_text(REF + "\nnot a reference at all\n" + REF, encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", str(src), "--lines", "--to", "csl-json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert len(items) == 4
    assert items[0]["title"] == items[3]["title"] == "The Cossacks"


def test_report_lists_discarded_text_with_reason_and_line(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["clean", str(EXAMPLE), "--report", str(report)])
    assert result.exit_code == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["references"] == 6
    entries = {(d["text"], d["reason"]) for d in data["discarded"]}
    assert ("Categories: History", "page furniture after the reading list") in entries
    assert ("Further Reading", "heading") in entries
    assert all(d["line"] for d in data["discarded"])


def test_stdin_is_read_with_dash() -> None:
    result = CliRunner().invoke(cli, ["clean", "-", "--to", "csl-json"], input=REF)
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["annote"] == "A lively history."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "no such file", id="missing"),
        pytest.param(b"\x00\x01\x02binary", "binary file", id="binary"),
        pytest.param(b"caf\xe9\n", "not valid UTF-8", id="undecodable"),
    ],
)
def test_bad_input_gives_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    code = main(["clean", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and str(path) in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_encoding_option_reads_legacy_files(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(REF.replace("Ure", "Uré").encode("latin-1"))
    result = CliRunner().invoke(
        cli, ["clean", str(path), "--encoding", "latin-1", "--to", "csl-json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["author"][0]["family"] == "Uré"


def test_output_is_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "missing-dir" / "out.bib"
    code = main(["clean", str(EXAMPLE), "-o", str(out)])
    assert code == 3
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_ascii_output_is_ascii() -> None:
    result = CliRunner().invoke(cli, ["clean", str(EXAMPLE), "--ascii"])
    assert result.exit_code == 0
    assert result.stdout.isascii()


def test_console_script_runs_as_a_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "yalta_refs", "clean", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "@book{polian2004against," in proc.stdout
