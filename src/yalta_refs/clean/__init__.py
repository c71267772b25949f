"""Cleaning damaged text: characters, markup, and splitting into reference blocks."""

from .blocks import Block, split_blocks, split_lines
from .markup import strip_markup
from .text import fix_line

__all__ = ["Block", "fix_line", "split_blocks", "split_lines", "strip_markup"]
