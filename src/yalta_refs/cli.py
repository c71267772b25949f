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
                 encoding: str | None, parser: str = "auto") -> Library:
    from .formats.keys import assign_keys
    from .io import read_file

    library = Library()
    for name in inputs:
        if parser == "auto":  # clean_text's own choice: the checked CRF with lines, else both
            library = library.merged(read_file(name, from_fmt, lines=lines, encoding=encoding))
        else:
            library = library.merged(_read_with_parser(name, from_fmt, lines, encoding, parser))
    return assign_keys(library) if len(inputs) > 1 else library


def _read_with_parser(name: str, from_fmt: str | None, lines: bool, encoding: str | None,
                      parser: str) -> Library:
    """A damaged list parsed with ``parser``; structured formats are read as usual."""
    from .formats import read_format
    from .formats.detect import detect_format
    from .io import read_text_file
    from .pipeline import clean_text

    source = "<stdin>" if name == "-" else name
    text = read_text_file(name, encoding)
    kind = (from_fmt or detect_format(text, source)).strip().lower()
    if kind in ("text", "txt", "plain"):
        return clean_text(text, source=source, lines=lines, parser=parser)
    return read_format(text, from_fmt, source=source, lines=lines)


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
@click.option("--parser", "parser", type=click.Choice(["auto", "rules", "crf"]), default="auto",
              show_default=True, help="Reference parser: the rules, the trained CRF, or auto "
              "(the CRF with --lines, else the rules).")
@pass_settings
def clean(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None, lines: bool,
          encoding: str | None, output: str | None, fmt: str, ascii_: bool, zotero: bool,
          report: str | None, key_pattern: str | None, parser: str) -> None:
    """Clean damaged reading lists (files, or - for stdin) into references."""
    library = _read_inputs(inputs, from_fmt=from_fmt, lines=lines, encoding=encoding,
                           parser=parser)
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


# --------------------------------------------------------------------------- enrich

EXIT_FAULTS = 4


class _FaultsExit(click.ClickException):
    """--strict and a fault occurred: exit 4 after the output was written."""

    exit_code = EXIT_FAULTS

    def show(self, file: Any = None) -> None:
        click.echo(f"yalta-refs: {self.message}", err=True)


def _enrich_settings(config_path: str | None, sources: str | None, mailto: str | None,
                     min_score: float | None) -> dict[str, Any]:
    """Options given on the command line over the config file (and its env variables)."""
    from .enrich.config import load_config

    config = load_config(config_path)
    names = [n.strip() for n in sources.split(",") if n.strip()] if sources else config.sources
    return {"sources": list(names) if names else None, "mailto": mailto or config.mailto,
            "min_score": min_score if min_score is not None else (config.min_score or 0.85),
            "source_options": config.source_options}


def _run_enrich(library: Library, settings: Settings, **kwargs: Any) -> Any:
    from .enrich import enrich

    if settings.quiet or not sys.stderr.isatty() or not len(library):
        return enrich(library, **kwargs)
    with click.progressbar(length=len(library), label="enriching", file=sys.stderr) as bar:
        return enrich(library, progress=bar.update, **kwargs)


@cli.command(name="enrich")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@output_options(default="bibtex")
@click.option("--sources", metavar="NAME,...",
              help="Catalogs to ask, in order (default: by record kind; see docs/enrich.md).")
@click.option("--offline", is_flag=True, help="Use cached answers only; no network.")
@click.option("--mailto", metavar="ADDR", help="Contact address sent to the catalogs.")
@click.option("--overwrite", multiple=True, metavar="FIELD",
              help="Replace this field even when it has a value (repeatable, or a,b).")
@click.option("--protect", multiple=True, metavar="FIELD",
              help="Never change this field (repeatable, or a,b; wins over --overwrite).")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=None,
              help="Lowest match score accepted (default 0.85).")
@click.option("--dry-run", is_flag=True, help="Write nothing; print the changes instead.")
@click.option("--strict", is_flag=True, help="Exit with 4 when any lookup failed.")
@click.option("--config", "config_path", metavar="PATH", help="Settings file (TOML).")
@pass_settings
def enrich_command(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None,
                   lines: bool, encoding: str | None, output: str | None, fmt: str,
                   ascii_: bool, zotero: bool, report: str | None, key_pattern: str | None,
                   sources: str | None, offline: bool, mailto: str | None,
                   overwrite: tuple[str, ...], protect: tuple[str, ...],
                   min_score: float | None, dry_run: bool, strict: bool,
                   config_path: str | None) -> None:
    """Fill empty fields from library catalogs, with per-field provenance."""
    options = _enrich_settings(config_path, sources, mailto, min_score)
    library = _read_inputs(inputs, from_fmt=from_fmt, lines=lines, encoding=encoding)
    result = _run_enrich(library, settings, offline=offline, overwrite=overwrite,
                         protect=protect, dry_run=dry_run, **options)
    extra = {"enrich": result.to_dict()}
    if dry_run:
        click.echo(result.change_report() or "no changes")
        if report:
            from .io import write_output

            write_output(json.dumps(extra, ensure_ascii=False, indent=2) + "\n", report)
    else:
        _write(result.library, fmt=fmt, output=output, ascii_=ascii_, zotero=zotero,
               report=report, key_pattern=key_pattern, extra_report=extra)
        if result.change_report():
            settings.note(result.change_report())
    settings.note("yalta-refs: " + result.summary())
    if strict and result.faults:
        raise _FaultsExit(f"{len(result.faults)} lookup fault(s) (--strict)")


# --------------------------------------------------------------------------- render

RENDER_FORMATS = ("text", "html", "markdown", "latex")
SORT_ORDERS = ("author", "year", "title", "none")
ENGINES = ("csl", "pybtex")


def render_options(default_format: str) -> Callable[[F], F]:
    """--style, --format, --no-annotated, --sort, --group-by, --locale, --engine, --fragment."""

    def decorate(fn: F) -> F:
        options = [
            click.option("--style", default="chicago-author-date", show_default=True,
                         metavar="NAME|PATH",
                         help="CSL style id (see `yalta-refs styles`) or a .csl file; with "
                              "--engine pybtex: plain, unsrt, alpha or unsrtalpha."),
            click.option("--format", "fmt", type=click.Choice(RENDER_FORMATS),
                         default=default_format, show_default=True, help="Output format."),
            click.option("--annotated/--no-annotated", default=True, show_default=True,
                         help="Show each annotation under its entry."),
            click.option("--sort", type=click.Choice(SORT_ORDERS), default=None,
                         help="Order of the list (default: the style's; none: input order)."),
            click.option("--group-by", type=click.Choice(["type"]), default=None,
                         help="A heading per kind of work (books, articles ...)."),
            click.option("--locale", default="en-US", show_default=True, metavar="LANG",
                         help="Language of terms and dates (en-US, de-DE, fr-FR ...)."),
            click.option("--engine", type=click.Choice(ENGINES), default="csl",
                         show_default=True, help="csl (our CSL processor) or pybtex's "
                                                 "BibTeX styles."),
            click.option("--fragment", is_flag=True,
                         help="HTML: the list only, not a whole page."),
            click.option("--title", "doc_title", default="Bibliography", show_default=True,
                         help="Title of the HTML page / Markdown document."),
        ]
        for option in reversed(options):
            fn = option(fn)
        return fn

    return decorate


def _render_library(library: Library, *, style: str, fmt: str, annotated: bool,
                    sort: str | None, group_by: str | None, locale: str, engine: str,
                    fragment: bool, doc_title: str) -> str:
    from .render import render

    return render(library, style=style, fmt=fmt, annotated=annotated, sort=sort,
                  group_by=group_by, locale=locale, engine=engine, document=not fragment,
                  title=doc_title)


@cli.command(name="render")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@render_options("text")
@click.option("-o", "--output", metavar="OUT", help="Write here (atomically) instead of stdout.")
@pass_settings
def render_command(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None,
                   lines: bool, encoding: str | None, style: str, fmt: str, annotated: bool,
                   sort: str | None, group_by: str | None, locale: str, engine: str,
                   fragment: bool, doc_title: str, output: str | None) -> None:
    """Render a reading list (CSL-JSON, BibTeX, RIS or damaged text) in a citation style."""
    from .io import write_output

    library = _read_inputs(inputs, from_fmt=from_fmt, lines=lines, encoding=encoding)
    text = _render_library(library, style=style, fmt=fmt, annotated=annotated, sort=sort,
                           group_by=group_by, locale=locale, engine=engine, fragment=fragment,
                           doc_title=doc_title)
    write_output(text, output)
    settings.note(_summary(library))


@cli.command(name="styles")
@click.argument("query", required=False)
@click.option("--dependent", is_flag=True,
              help="Also list dependent styles (journal aliases of another style).")
@click.option("--json", "as_json", is_flag=True, help="Print id, title and path as JSON.")
def styles_command(query: str | None, dependent: bool, as_json: bool) -> None:
    """List the citation styles, or those whose id or title holds QUERY."""
    from .render.styles import find_style, list_styles, renamed_styles

    found = list_styles(query, dependent=dependent)
    renamed = renamed_styles().get((query or "").strip().lower())
    if renamed:
        click.echo(f"yalta-refs: {query.strip()} was renamed {renamed}", err=True)  # type: ignore[union-attr]
        path = find_style(renamed)
        first = [s for s in list_styles(renamed) if s.path == path][:1]
        found = first + [s for s in found if s not in first]
    if as_json:
        click.echo(json.dumps([{"id": s.id, "title": s.title, "path": str(s.path)}
                               for s in found], ensure_ascii=False, indent=1))
        return
    width = max((len(s.id) for s in found), default=0)
    for info in found:
        click.echo(f"{info.id.ljust(width)}  {info.title}")
    if not found:
        click.echo(f"yalta-refs: no style matches {query!r}", err=True)


@cli.command(name="build")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@render_options("html")
@click.option("--bib", "bib_path", required=True, metavar="OUT.bib",
              help="Write the cleaned references here (BibTeX, or BibLaTeX with --biblatex).")
@click.option("--biblatex", is_flag=True, help="Write the --bib file as BibLaTeX.")
@click.option("-o", "--output", required=True, metavar="OUT",
              help="Write the rendered list here (e.g. OUT.html).")
@click.option("--report", metavar="REPORT.json",
              help="Write discarded text, failures and warnings as JSON.")
@click.option("--enrich", "enrich_", is_flag=True,
              help="Fill empty fields from library catalogs first (as `yalta-refs enrich`).")
@click.option("--offline", is_flag=True, help="With --enrich: cached catalog answers only.")
@click.option("--mailto", metavar="ADDR", help="With --enrich: your contact address.")
@pass_settings
def build_command(settings: Settings, inputs: tuple[str, ...], from_fmt: str | None,
                  lines: bool, encoding: str | None, style: str, fmt: str, annotated: bool,
                  sort: str | None, group_by: str | None, locale: str, engine: str,
                  fragment: bool, doc_title: str, bib_path: str, biblatex: bool, output: str,
                  report: str | None, enrich_: bool, offline: bool, mailto: str | None
                  ) -> None:
    """Clean a reading list, write it as .bib and render it, in one step.

    Both files are written only once everything has been rendered, each
    atomically.
    """
    from .formats import write_format
    from .formats.keys import assign_keys
    from .io import write_output
    from .report import library_report

    library = assign_keys(_read_inputs(inputs, from_fmt=from_fmt, lines=lines,
                                       encoding=encoding))
    if enrich_:
        result = _run_enrich(library, settings, offline=offline,
                             **_enrich_settings(None, None, mailto, None))
        library = result.library
        settings.note("yalta-refs: " + result.summary())
    text = _render_library(library, style=style, fmt=fmt, annotated=annotated, sort=sort,
                           group_by=group_by, locale=locale, engine=engine, fragment=fragment,
                           doc_title=doc_title)
    bib = write_format(library, "biblatex" if biblatex else "bibtex")
    write_output(bib, bib_path)
    write_output(text, output)
    if report:
        write_output(json.dumps(library_report(library), ensure_ascii=False, indent=2) + "\n",
                     report)
    settings.note(_summary(library) + f"; wrote {bib_path} and {output}")


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
