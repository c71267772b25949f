"""yalta_refs: clean damaged reading lists into structured, annotated bibliographies.

The public API is re-exported here and loaded lazily, so ``import yalta_refs``
stays light (no pybtex, requests or citeproc until a function needs them)::

    >>> import yalta_refs
    >>> lib = yalta_refs.clean_text("Ure, John. The Cossacks. New York: Penguin Books, 2002.")
    >>> lib.references[0].publisher
    'Penguin Books'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    ConfigError,
    FormatError,
    InputError,
    OutputError,
    ParseError,
    UnreadableFileError,
    YaltaError,
)
from .model import (
    Date,
    Diagnostic,
    DiscardedText,
    FailedBlock,
    Library,
    Name,
    Provenance,
    Reference,
    SourceSpan,
)

__version__ = "0.1.0"

# public name -> module that defines it (imported on first use)
_LAZY = {
    "clean_text": "pipeline",
    "clean_file": "io",
    "read_file": "io",
    "read_format": "formats",
    "detect_format": "formats.detect",
    "read_bibtex": "formats.bibtex_read",
    "read_ris": "formats.ris",
    "write_ris": "formats.ris",
    "dedupe": "dedupe",
    "find_duplicates": "dedupe",
    "merge_duplicates": "dedupe",
    "read_text_file": "io",
    "write_output": "io",
    "DEFAULT_STAGES": "pipeline",
    "run_stages": "pipeline",
    "library_report": "report",
    "assign_keys": "formats.keys",
    "write_bibtex": "formats.bibtex",
    "write_biblatex": "formats.bibtex",
    "write_csljson": "formats.csljson",
    "read_csljson": "formats.csljson",
    "reference_to_csl": "formats.csljson",
    "reference_from_csl": "formats.csljson",
    "write_format": "formats",
    "enrich": "enrich.engine",
    "render_bibliography": "render",
    "find_style": "render",
    "list_styles": "render",
}

__all__ = [
    "ConfigError",
    "Date",
    "Diagnostic",
    "DiscardedText",
    "FailedBlock",
    "FormatError",
    "InputError",
    "Library",
    "Name",
    "OutputError",
    "ParseError",
    "Provenance",
    "Reference",
    "SourceSpan",
    "UnreadableFileError",
    "YaltaError",
    "__version__",
    *sorted(_LAZY),
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'yalta_refs' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .dedupe import dedupe, find_duplicates, merge_duplicates
    from .enrich.engine import enrich
    from .formats import read_format, write_format
    from .formats.bibtex import write_biblatex, write_bibtex
    from .formats.bibtex_read import read_bibtex
    from .formats.csljson import (
        read_csljson,
        reference_from_csl,
        reference_to_csl,
        write_csljson,
    )
    from .formats.detect import detect_format
    from .formats.keys import assign_keys
    from .formats.ris import read_ris, write_ris
    from .io import clean_file, read_file, read_text_file, write_output
    from .pipeline import DEFAULT_STAGES, clean_text, run_stages
    from .render import find_style, list_styles, render_bibliography
    from .report import library_report
