"""Character-level repair of one line: entities, mojibake, odd spaces.

These functions are pure and work line by line, so line numbers survive.
ftfy repairs mojibake (UTF-8 read as cp1252, once or twice); we decode HTML
entities ourselves, repeatedly, because scraped lists are often escaped twice
(``&amp;#8217;``) and ftfy only unescapes where no markup is present.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any

__all__ = ["decode_entities", "fix_line", "fix_mojibake", "join_broken_links", "normalize_newlines"]

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# characters that only show up when text was mis-decoded
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00c3\u00e2\u00c5\u0080-\u009f\u20ac\u201a\u0192\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2122\u0161\u203a\u0153\u017e\u0178]"
)
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A soft hyphen between two digits is a range's dash that a PDF's text layer lost
# ("125\u00ad140"); within a word it is only a hyphenation point and goes.
_SOFT_HYPHEN_RANGE = re.compile("(?<=\\d)\u00ad(?=\\d)")
# A link or DOI broken after a hyphen, slash, underscore or equals sign and left with
# a space ("10.1016/0043- 1354(84)90246-X", ".../bilan- retablissement.pdf"): joined
# when what follows looks like more of it (a digit, a slash, a dot inside a word).
_LINK_BREAK = re.compile(
    r"((?:https?://|www\.|\b10\.\d{4,9}/)\S*[-/_=])\s+(?=[\w(]\S*(?:\d|/|\.\w))"
    # after a dot only a host name's rest with its path: "naca.central. cranfield.ac.uk/r"
    r"|((?:https?://|www\.)[^\s/]*\.)\s+(?!www\.|https?:)(?=[a-z][\w-]*\.[a-z][\w.-]*/)"
    # before a slash: "10.1093/molbev /msu300"
    r"|(\b10\.\d{4,9}/[^\s/]+)\s+(?=/\w)",
    re.I)
# control characters, and the two private-use marks the markup stage uses
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ue000-\ue002]")  # \ue003: see jats.py


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark is dropped."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def decode_entities(text: str, rounds: int = 3) -> str:
    """Decode HTML/XML entities, again and again for double-escaped text."""
    for _ in range(rounds):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


@lru_cache(maxsize=1)
def _ftfy_config() -> Any:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        uncurl_quotes=False,
        fix_latin_ligatures=True,
        fix_character_width=True,
        normalization="NFC",
        explain=False,
    )


def fix_mojibake(text: str) -> str:
    """Repair UTF-8-read-as-cp1252 mojibake (also when done twice)."""
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    text = text.replace("\u00e2\u20ac\ufffd", "\u201d").replace("\u00e2\u20ac\x9d", "\u201d")
    fixed: str = ftfy.fix_text(text, config=_ftfy_config())
    if "\ufffd" in fixed and fixed.count("\u201c") > fixed.count("\u201d"):
        # the closing quote's last byte (0x9d) has no cp1252 character and got lost
        fixed = fixed.replace("\ufffd", "\u201d", fixed.count("\u201c") - fixed.count("\u201d"))
    return fixed


def fix_line(line: str) -> str:
    """Entities, mojibake, exotic spaces and zero-width characters of one line."""
    line = decode_entities(line)
    line = fix_mojibake(line)
    line = _ZERO_WIDTH.sub("", _SOFT_HYPHEN_RANGE.sub("\u2013", line))
    return join_broken_links(_SPACES.sub(" ", _CONTROL.sub(" ", line)))


def join_broken_links(text: str) -> str:
    """A link or DOI that a space broke after a hyphen, slash, underscore or equals
    sign, after a dot of its host name, or before a slash of a DOI's suffix, joined
    again: "10.1016/0043- 1354(84)90246-X" -> "10.1016/0043-1354(84)90246-X",
    "10.1093/molbev /msu300" -> "10.1093/molbev/msu300"."""
    return _LINK_BREAK.sub(lambda m: m.group(1) or m.group(2) or m.group(3),
                           text) if "/" in text else text
