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


IN_FORMATS = ("bibtex", "biblatex", "ris", "csl-json", "text")
OUT_FORMATS = ("bibtex", "biblatex", "ris", "csl-json")


def input_options(fn: F) -> F:
    """--from, --lines and --encoding: how to read the inputs."""
    options = [
        click.option("--from", "from_fmt", type=click.Choice(IN_FORMATS), default=None,
                     help="Input format (default: guessed from the name and the content)."),
        click.option("--lines", is_flag=True,
                     help="Damaged text: each input line is exactly one reference."),
        click.option("--encoding", metavar="CODEC", help="Input encoding when it is not UTF-8."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def output_options(default: str | None) -> Callable[[F], F]:
    """-o, --to, --ascii, --zotero, --report, --key-pattern: what to write and where."""

    def decorate(fn: F) -> F:
        options = [
            click.option("-o", "--output", metavar="OUT",
                         help="Write here (atomically) instead of stdout."),
            click.option("--to", "fmt", type=click.Choice(OUT_FORMATS), default=default,
                         required=default is None, show_default=default is not None,
                         help="Output format."),
            click.option("--ascii", "ascii_", is_flag=True,
                         help="LaTeX-encode non-ASCII characters (BibTeX, BibLaTeX)."),
            click.option("--zotero", is_flag=True,
                         help="CSL-JSON: also copy the annotation into 'note' (Zotero's Extra)."),
            click.option("--report", metavar="REPORT.json",
                         help="Write discarded text, failures, warnings and merges as JSON."),
            click.option("--key-pattern", metavar="PATTERN",
                         help="Citation key pattern, e.g. '{auth}{year}{title}'."),
        ]
        for option in reversed(options):
            fn = option(fn)
        return fn

    return decorate


def _read_inputs(inputs: Sequence[str], *, from_fmt: str | None, lines: bool,
                 encoding: str | None) -> Library:
    from .formats.keys import assign_keys
    from .io import read_file

    library = Library()
    for name in inputs:
        library = library.merged(read_file(name, from_fmt, lines=lines, encoding=encoding))
    return assign_keys(library) if len(inputs) > 1 else library


def _write(library: Library, *, fmt: str, output: str | None, ascii_: bool, zotero: bool,
           report: str | None, key_pattern: str | None,
           extra_report: dict[str, Any] | None = None) -> None:
    from .formats import write_format
    from .formats.keys import assign_keys
    from .io import write_output
    from .report import library_report

    if key_pattern:  # asked for explicitly: every key follows it, imported ones too
        library = assign_keys(library, pattern=key_pattern, keep_ids=False)
    if fmt == "csl-json" and zotero:
        from .formats.csljson import write_csljson

        text = write_csljson(library, zotero=True, ascii=ascii_)
    else:
        text = write_format(library, fmt, ascii=ascii_)
    write_output(text, output)
    if report:
        data = library_report(library) | (extra_report or {})
        write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n", report)


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
@input_options
@output_options(default="bibtex")
@pass_settings
def clean(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None, lines: bool,
          encoding: str | None, output: str | None, fmt: str, ascii_: bool, zotero: bool,
          report: str | None, key_pattern: str | None) -> None:
    """Clean damaged reading lists (files, or - for stdin) into references."""
    library = _read_inputs(inputs, from_fmt=from_fmt, lines=lines, encoding=encoding)
    _write(library, fmt=fmt, output=output, ascii_=ascii_, zotero=zotero, report=report,
           key_pattern=key_pattern)
    settings.note(_summary(library))


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@output_options(default=None)
@click.option("--dedupe", "dedupe_", is_flag=True, help="Merge references listed twice.")
@pass_settings
def convert(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None, lines: bool,
            encoding: str | None, output: str | None, fmt: str, ascii_: bool, zotero: bool,
            report: str | None, key_pattern: str | None, dedupe_: bool) -> None:
    """Convert bibliographies between BibTeX, BibLaTeX, RIS and CSL-JSON."""
    library = _read_inputs(inputs, from_fmt=from_fmt, lines=lines, encoding=encoding)
    extra = None
    if dedupe_:
        library, extra = _dedupe(library, settings)
    _write(library, fmt=fmt, output=output, ascii_=ascii_, zotero=zotero, report=report,
           key_pattern=key_pattern, extra_report=extra)
    settings.note(_summary(library))


@cli.command(name="dedupe")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@output_options(default="bibtex")
@click.option("--threshold", type=click.FloatRange(0.5, 1.0), default=0.9, show_default=True,
              help="How alike titles must be (0.5-1).")
@pass_settings
def dedupe_command(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None,
                   lines: bool, encoding: str | None, output: str | None, fmt: str,
                   ascii_: bool, zotero: bool, report: str | None, key_pattern: str | None,
                   threshold: float) -> None:
    """Find the same work listed twice, merge it, and report what was merged."""
    library = _read_inputs(inputs, from_fmt=from_fmt, lines=lines, encoding=encoding)
    library, extra = _dedupe(library, settings, threshold=threshold)
    _write(library, fmt=fmt, output=output, ascii_=ascii_, zotero=zotero, report=report,
           key_pattern=key_pattern, extra_report=extra)
    settings.note(_summary(library))


def _dedupe(library: Library, settings: Settings, *, threshold: float = 0.9
            ) -> tuple[Library, dict[str, Any]]:
    from .dedupe import dedupe

    library, merges = dedupe(library, threshold=threshold)
    for merge in merges:
        settings.note(f"yalta-refs: merged {', '.join(merge.merged)} into {merge.kept} "
                      f"({merge.reason})")
    return library, {"merged": [m.to_dict() for m in merges]}


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
