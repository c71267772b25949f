"""``--engine pybtex``: BibTeX's own styles (plain, unsrt, alpha, unsrtalpha) as
pybtex implements them in Python.

The items are written as BibTeX by our writer, read back by pybtex and
formatted by its style plugin into HTML, which :mod:`.output` then turns into
the text, HTML, Markdown or LaTeX document (``\\bibitem[Knu84]{key}`` for the
alpha labels). An entry that lacks a field its BibTeX type requires (a book
without a publisher) is formatted as ``@misc`` rather than lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError
from .output import Rendered

__all__ = ["PYBTEX_STYLES", "render_pybtex"]

PYBTEX_STYLES = ("plain", "unsrt", "alpha", "unsrtalpha")


def _bib_data(items: list[dict[str, Any]]) -> Any:
    from pybtex.database import parse_string

    from ..formats import write_format
    from ..formats.csljson import reference_from_csl
    from ..model import Library

    refs = tuple(reference_from_csl(item) for item in items)
    text = write_format(Library(references=refs), "bibtex")
    return parse_string(text, "bibtex")


def _format_one(style: Any, label: str, entry: Any, backend: Any) -> str:
    from pybtex.style.template import FieldIsMissing

    try:
        return str(style.format_entry(label, entry).text.render(backend))
    except (FieldIsMissing, KeyError, AttributeError, TypeError, ValueError):
        original = entry.type
        try:
            entry.type = "misc"
            return str(style.format_entry(label, entry).text.render(backend))
        except Exception:
            title = entry.fields.get("title", entry.key)
            return str(backend.format_str(str(title)))
        finally:
            entry.type = original


def render_pybtex(items: list[dict[str, Any]], *, style: str = "plain",
                  keep_order: bool = False) -> list[Rendered]:
    """Rendered entries (HTML bodies, labels) of ``items`` in a pybtex style.

    ``keep_order`` keeps the items' order instead of the style's sorting.
    """
    from pybtex.backends.html import Backend
    from pybtex.plugin import find_plugin

    name = style.strip().lower()
    if name not in PYBTEX_STYLES:
        raise ConfigError(f"unknown pybtex style {style!r}; use one of "
                          f"{', '.join(PYBTEX_STYLES)}")
    options = {"sorting_style": "none"} if keep_order else {}
    formatter = find_plugin("pybtex.style.formatting", name)(**options)
    data = _bib_data(items)
    by_key = {str(item["id"]).casefold(): item for item in items}
    entries = [data.entries[key] for key in data.entries]
    ordered = list(formatter.sort(entries))
    labels = list(formatter.format_labels(ordered))
    backend = Backend()
    out = []
    for label, entry in zip(labels, ordered, strict=True):
        item: Mapping[str, Any] = by_key.get(entry.key.casefold(), {})
        annote = item.get("annote")
        out.append(Rendered(id=str(item.get("id", entry.key)),
                            body=_format_one(formatter, label, entry, backend),
                            annotation=str(annote) if annote else None,
                            type=str(item.get("type") or "document"), label=str(label)))
    return out
