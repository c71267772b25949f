"""Input and output formats: registries of readers and writers by name.

The reader and writer modules (some import pybtex) are loaded only when a
format is read or written, so importing this package stays light::

    >>> from yalta_refs.formats import FORMATS, READ_FORMATS
    >>> FORMATS
    ('bibtex', 'biblatex', 'ris', 'csl-json')
    >>> READ_FORMATS
    ('bibtex', 'biblatex', 'ris', 'csl-json', 'text')
"""

from __future__ import annotations

import importlib
from typing import Protocol

from ..errors import ConfigError
from ..model import Library

__all__ = ["FORMATS", "READ_FORMATS", "read_format", "write_format"]


class _Writer(Protocol):
    def __call__(self, library: Library, *, ascii: bool = False) -> str: ...


class _Reader(Protocol):
    def __call__(self, text: str, *, source: str | None = None) -> Library: ...


#: format name -> (module under yalta_refs.formats, writer function)
_WRITERS: dict[str, tuple[str, str]] = {
    "bibtex": ("bibtex", "write_bibtex"),
    "biblatex": ("bibtex", "write_biblatex"),
    "ris": ("ris", "write_ris"),
    "csl-json": ("csljson", "write_csljson"),
}
#: format name -> (module, reader function); "text" is the cleaner, not a reader here.
_READERS: dict[str, tuple[str, str]] = {
    "bibtex": ("bibtex_read", "read_bibtex"),
    "biblatex": ("bibtex_read", "read_bibtex"),
    "ris": ("ris", "read_ris"),
    "csl-json": ("csljson", "read_csljson"),
}
_ALIASES = {"bib": "bibtex", "csljson": "csl-json", "csl_json": "csl-json", "json": "csl-json"}
_READ_ALIASES = {**_ALIASES, "txt": "text", "plain": "text"}

#: The names :func:`write_format` accepts (aliases aside), in display order.
FORMATS = tuple(_WRITERS)
#: The names :func:`read_format` accepts (aliases aside), in display order.
READ_FORMATS = ("bibtex", "biblatex", "ris", "csl-json", "text")


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
    """``library`` written as ``fmt`` ("bibtex", "biblatex", "ris" or "csl-json").

    ``ascii=True`` asks for pure ASCII output (LaTeX commands in BibTeX,
    ``\\u`` escapes in JSON, transliteration in RIS). Raises
    :class:`ConfigError` for an unknown format.
    """
    return _writer(fmt)(library, ascii=ascii)


def _reader(name: str) -> _Reader:
    module_name, function_name = _READERS[name]
    module = importlib.import_module(f".{module_name}", __name__)
    reader: _Reader = getattr(module, function_name)
    return reader


def read_format(text: str, fmt: str | None = None, *, source: str | None = None,
                lines: bool = False) -> Library:
    """A :class:`Library` from ``text`` in ``fmt`` (one of :data:`READ_FORMATS`).

    With ``fmt=None`` the format is guessed from ``source`` (a file name) and
    the content (:func:`~yalta_refs.formats.detect.detect_format`). "text" is a
    damaged reading list, cleaned by :func:`yalta_refs.pipeline.clean_text`
    (``lines=True``: one reference per line). A structured format keeps the
    imported citation keys; references whose id is empty, unusable or taken
    by an earlier one get generated keys. Raises :class:`ConfigError` for an
    unknown format name.
    """
    if fmt is None:
        from .detect import detect_format

        name = detect_format(text, source)
    else:
        name = fmt.strip().lower()
        name = _READ_ALIASES.get(name, name)
        if name not in READ_FORMATS:
            choices = ", ".join(READ_FORMATS)
            raise ConfigError(f"unknown input format {fmt!r}; choose one of: {choices}")
    if name == "text":
        from ..pipeline import clean_text

        return clean_text(text, source=source, lines=lines)
    from .keys import assign_keys

    return assign_keys(_reader(name)(text, source=source))
