"""Enrichment: look references up in library catalogs and fill their empty fields.

:func:`enrich` is the entry point (``yalta-refs enrich`` on the command line).
The parts, each replaceable: :mod:`.types` (the data passed between them),
:mod:`.http` (the caching, rate-limited fetcher: the only I/O),
:mod:`.sources` (one client per catalog), :mod:`.match` (is a record the
reference's record?), :mod:`.merge` (apply it with provenance) and
:mod:`.engine` (the driver). See ``docs/enrich.md``.

Names are loaded lazily so that importing this package stays light.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__all__ = [
    "Candidate",
    "Change",
    "Decision",
    "EnrichResult",
    "Fault",
    "RecordReport",
    "Rejection",
    "Score",
    "apply_candidate",
    "choose",
    "enrich",
    "load_config",
    "score_candidate",
]

_LAZY = {
    "Candidate": "types",
    "Fault": "types",
    "Change": "merge",
    "apply_candidate": "merge",
    "Decision": "match",
    "Rejection": "match",
    "Score": "match",
    "choose": "match",
    "score_candidate": "match",
    "EnrichResult": "engine",
    "RecordReport": "engine",
    "enrich": "engine",
    "load_config": "config",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'yalta_refs.enrich' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


class _CallableModule(types.ModuleType):
    """``yalta_refs.enrich`` is both this package and the public function.

    Importing the package binds ``yalta_refs.enrich`` to it, hiding the lazily
    exported function of the same name; calling the package calls the function,
    so ``yalta_refs.enrich(library, ...)`` works in either case.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from .engine import enrich

        return enrich(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule


if TYPE_CHECKING:  # pragma: no cover
    from .config import load_config
    from .engine import EnrichResult, RecordReport, enrich
    from .match import Decision, Rejection, Score, choose, score_candidate
    from .merge import Change, apply_candidate
    from .types import Candidate, Fault
