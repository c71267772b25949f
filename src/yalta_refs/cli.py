"""The ``yalta-refs`` command: a thin layer over the public API.

Each command reads its input, calls one library function, writes the output
and turns library errors into a one-line message with the error's exit code
(2 for bad input or options, 3 for output that could not be written).
Nothing here holds logic a Python user could not reach.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from . import __version__
from .errors import YaltaError
from .model import Library

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])
OUTPUT_FORMATS = ("bibtex", "biblatex", "csl-json")


@dataclass
class Settings:
    """Shared settings the group builds and every command receives."""

    quiet: bool = False

    def note(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)


pass_settings = click.make_pass_decorator(Settings, ensure=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="yalta-refs")
@click.option("-q", "--quiet", is_flag=True, help="Print no summary on stderr.")
@click.pass_context
def cli(ctx: click.Context, quiet: bool) -> None:
    """Clean damaged reading lists into annotated BibTeX, BibLaTeX and CSL-JSON."""
    ctx.obj = Settings(quiet=quiet)


def _read_inputs(inputs: Sequence[str], *, lines: bool, encoding: str | None) -> Library:
    from .io import clean_file

    library = Library()
    for name in inputs:
        library = library.merged(clean_file(name, lines=lines, encoding=encoding))
    if len(inputs) > 1:
        from .formats.keys import assign_keys

        library = assign_keys(library.with_references(r.with_fields(id="") for r in library))
    return library


def _summary(library: Library) -> str:
    warnings = sum(1 for r in library for d in r.diagnostics if d.severity != "info")
    parts = [f"{len(library)} reference{'s' * (len(library) != 1)}"]
    if library.discarded:
        parts.append(f"{len(library.discarded)} piece(s) of text discarded")
    if library.failed:
        parts.append(f"{len(library.failed)} block(s) failed")
    if warnings:
        parts.append(f"{warnings} warning(s)")
    return "yalta-refs: " + ", ".join(parts)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(OUTPUT_FORMATS),
    default="bibtex",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--report", metavar="REPORT.json", help="Write discarded text, failures and warnings as JSON."
)
@click.option("--lines", is_flag=True, help="Each input line is exactly one reference.")
@click.option("--ascii", "ascii_", is_flag=True, help="LaTeX-encode non-ASCII characters.")
@click.option(
    "--zotero",
    is_flag=True,
    help="CSL-JSON: also copy the annotation into 'note' (Zotero's Extra).",
)
@click.option("--encoding", metavar="CODEC", help="Input encoding when it is not UTF-8.")
@pass_settings
def clean(
    settings: Settings,
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str,
    report: str | None,
    lines: bool,
    ascii_: bool,
    zotero: bool,
    encoding: str | None,
) -> None:
    """Clean damaged reading lists (files, or - for stdin) into references."""
    from .formats import write_format
    from .io import write_output
    from .report import library_report

    library = _read_inputs(inputs, lines=lines, encoding=encoding)
    if fmt == "csl-json" and zotero:
        from .formats.csljson import write_csljson

        text = write_csljson(library, zotero=True, ascii=ascii_)
    else:
        text = write_format(library, fmt, ascii=ascii_)
    write_output(text, output)
    if report:
        write_output(
            json.dumps(library_report(library), ensure_ascii=False, indent=2) + "\n", report
        )
    settings.note(_summary(library))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (never a traceback for our errors)."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="yalta-refs",
            standalone_mode=False,
        )
    except click.exceptions.Abort:
        click.echo("yalta-refs: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except YaltaError as exc:
        click.echo(f"yalta-refs: error: {exc}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("YALTA_REFS_DEBUG"):
            raise
        click.echo(
            f"yalta-refs: internal error: {type(exc).__name__}: {exc} "
            "(set YALTA_REFS_DEBUG=1 for a traceback; please report it)",
            err=True,
        )
        return 70
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
