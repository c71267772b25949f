"""The JSON report: what was discarded and why, and per-reference warnings."""

from __future__ import annotations

from typing import Any

from .model import Library

__all__ = ["library_report"]


def library_report(library: Library) -> dict[str, Any]:
    """A JSON-ready summary: counts, discarded text, failed blocks, warnings."""
    return {
        "references": len(library.references),
        "discarded": [d.to_dict() for d in library.discarded],
        "failed": [
            {
                "text": f.text,
                "error": f.error,
                "file": f.span.file if f.span else None,
                "line": f.span.line if f.span else None,
            }
            for f in library.failed
        ],
        "warnings": [
            {
                "id": ref.id,
                "file": ref.span.file if ref.span else None,
                "line": ref.span.line if ref.span else None,
                "code": d.code,
                "field": d.field,
                "severity": d.severity,
                "message": d.message,
            }
            for ref in library.references
            for d in ref.diagnostics
            if d.severity != "info" or d.code != "repeat-author"
        ],
    }
