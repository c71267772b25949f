"""Docs that tests keep honest: every CLI option is documented, the README's
quick start has exactly two commands and CI runs the README's test command."""

from __future__ import annotations

import re

import click
import pytest

from yalta_refs.cli import cli

from .conftest import ROOT

DOCS = {
    "clean": ROOT / "docs" / "clean.md",
    "convert": ROOT / "docs" / "formats.md",
    "dedupe": ROOT / "docs" / "formats.md",
    "enrich": ROOT / "docs" / "enrich.md",
    "render": ROOT / "docs" / "render.md",
    "styles": ROOT / "docs" / "render.md",
    "build": ROOT / "docs" / "render.md",
}


@pytest.mark.parametrize("command", sorted(DOCS))
def test_every_option_is_documented(command: str) -> None:
    doc = DOCS[command].read_text(encoding="utf-8")
    cmd = cli.commands[command]
    for param in cmd.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert longest in doc, f"{command} {longest} is missing from {DOCS[command].name}"


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"^## Quick start\n.*?```\w*\n(.*?)```", readme, re.S | re.M)
    assert m, "README has no Quick start code block"
    return [line for line in m.group(1).splitlines() if line.strip()]


def test_quick_start_has_two_commands_and_ci_runs_the_second() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert "docs/examples/" in commands[0]
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_has_a_docs_page() -> None:
    assert set(cli.commands) <= set(DOCS)
