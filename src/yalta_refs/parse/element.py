"""The result of recognising one element of a reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Element"]


@dataclass(frozen=True)
class Element:
    """What one element holds: its kind and the model fields it sets."""

    kind: str
    values: dict[str, Any] = field(default_factory=dict)
