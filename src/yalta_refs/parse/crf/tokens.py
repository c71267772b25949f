"""Tokens of one reference for the sequence labeller.

A token is a word (``\\w+``, with inner apostrophes), a URL or a DOI; the
punctuation and spaces between tokens are not tokens but features of their
neighbours (:attr:`Token.before`, :attr:`Token.after`). So "2005;61(4):327-35"
gives five tokens, and a label never has to be guessed for a comma. A single
capital glued to a number is a token of its own ("Phys. Rev. D94" -> "D", "94";
"Tisserand P2015" -> "P", "2015"): PDF extraction loses those spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "tokenize"]

_TOKEN = re.compile(
    r"(?:https?://|ftp://|www\.)\S*[^\s.,;:)\]>\"”]"  # a URL, closing punctuation left out
    r"|\b10\.\d{4,9}/(?:(?!\.URL)[^\s,;\"”])*[^\s.,;:)\]>\"”]"  # a bare DOI
    r"|(?<![^\W\d_])(?-i:[A-Z])(?=\d+(?!\w))"  # a capital glued to a number: "D94", "P2015"
    r"|\w+(?:['’]\w+)*",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, where it is in the reference, and the text around it."""

    text: str
    start: int
    end: int
    before: str  # the characters between the previous token and this one
    after: str   # the characters between this token and the next one


def tokenize(text: str) -> list[Token]:
    """Cut ``text`` into tokens; every non-space character outside a token is in
    the ``before``/``after`` of a neighbour."""
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Token] = []
    for i, (start, end) in enumerate(spans):
        prev_end = spans[i - 1][1] if i else 0
        next_start = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        out.append(Token(text[start:end], start, end, text[prev_end:start], text[end:next_start]))
    return out
