"""``import yalta_refs`` stays light, and the public API is what __all__ says."""

from __future__ import annotations

import subprocess
import sys

import yalta_refs

HEAVY = ("pybtex", "requests", "citeproc", "click", "ftfy", "stdnum", "latexcodec")


def test_import_does_not_load_heavy_modules() -> None:
    code = (
        "import sys, yalta_refs; "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_public_name_resolves() -> None:
    for name in yalta_refs.__all__:
        assert getattr(yalta_refs, name) is not None, name


def test_error_tree_subclasses_builtins() -> None:
    assert issubclass(yalta_refs.InputError, ValueError)
    assert issubclass(yalta_refs.OutputError, OSError)
    assert issubclass(yalta_refs.ParseError, yalta_refs.YaltaError)
