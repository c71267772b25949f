"""Output formats: a registry of writers by name.

The writer modules (which import pybtex) are loaded only when a format is
written, so importing this package stays light::

    >>> from yalta_refs.formats import FORMATS
    >>> FORMATS
    ('bibtex', 'biblatex', 'csl-json')
"""

from __future__ import annotations

import importlib
from typing import Protocol

from ..errors import ConfigError
from ..model import Library

__all__ = ["FORMATS", "write_format"]


class _Writer(Protocol):
    def __call__(self, library: Library, *, ascii: bool = False) -> str: ...


#: format name -> (module under yalta_refs.formats, writer function)
_WRITERS: dict[str, tuple[str, str]] = {
    "bibtex": ("bibtex", "write_bibtex"),
    "biblatex": ("bibtex", "write_biblatex"),
    "csl-json": ("csljson", "write_csljson"),
}
_ALIASES = {"bib": "bibtex", "csljson": "csl-json", "csl_json": "csl-json", "json": "csl-json"}

#: The names :func:`write_format` accepts (aliases aside), in display order.
FORMATS = tuple(_WRITERS)


def _writer(fmt: str) -> _Writer:
    name = fmt.strip().lower()
    name = _ALIASES.get(name, name)
    if name not in _WRITERS:
        choices = ", ".join(FORMATS)
        raise ConfigError(f"unknown output format {fmt!r}; choose one of: {choices}")
    module_name, function_name = _WRITERS[name]
    module = importlib.import_module(f".{module_name}", __name__)
    writer: _Writer = getattr(module, function_name)
    return writer


def write_format(library: Library, fmt: str, *, ascii: bool = False) -> str:
    """``library`` written as ``fmt`` ("bibtex", "biblatex" or "csl-json").

    ``ascii=True`` asks for pure ASCII output (LaTeX commands in BibTeX,
    ``\\u`` escapes in JSON). Raises :class:`ConfigError` for an unknown format.
    """
    return _writer(fmt)(library, ascii=ascii)
