"""Parsing one cleaned reference into the model (names, elements, notes)."""

from .reference import parse_reference

__all__ = ["parse_reference"]
