"""Bibliography sort keys (citeproc-js's collation) and year-suffix disambiguation."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .context import Ctx
from .dates import DateVal
from .names import PName
from .names_node import sort_form
from .style import Compiled

__all__ = ["collation_key", "sort_entries", "year_suffixes"]

_IGNORED = re.compile(r"[^\w|]+|_", re.UNICODE)
_CHUNKS = re.compile(r"\d+|\D")

Key = tuple[tuple[int, int, str], ...]
# letters that NFKD leaves alone but ICU's root collation sorts as base letters
_FOLD = str.maketrans({"\u0142": "l", "\u00f8": "o", "\u0111": "d", "\u00df": "ss",
                       "\u00e6": "ae", "\u0153": "oe", "\u0127": "h", "\u00f0": "d",
                       "\u0131": "i\u0250"})  # dotless i: after i, before j


@functools.lru_cache(maxsize=65536)
def collation_key(text: str) -> Key:
    """Case-, accent- and punctuation-blind key with numbers compared by value
    (like ``Intl.Collator`` with sensitivity "base", ignorePunctuation, numeric)."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = _IGNORED.sub("", folded)
    return tuple((1, int(chunk), "") if chunk.isdigit() else
                 ((0, 0, "") if chunk == "|" else (2, 0, chunk))
                 for chunk in _CHUNKS.findall(folded))


def sort_text(text: str) -> str:
    """citeproc-js's key string: words joined by a low-sorting separator."""
    return "|".join(text.split()) + "|"


def _names_key(names: Sequence[PName], ctx: Ctx) -> str:
    return ", ".join(sort_form(n, None, True, ctx) for n in names)


def _variable_key(ctx: Ctx, variable: str) -> Any:
    value = ctx.value(variable)
    if value is None:
        return None
    if isinstance(value, DateVal):
        return value.sort_key() or None
    if isinstance(value, tuple):
        return collation_key(sort_text(_names_key(value, ctx)))
    text = str(value)
    if re.fullmatch(r"\s*\d+\s*", text):
        return ((1, int(text), ""),)
    return collation_key(sort_text(text))


def entry_keys(compiled: Compiled, data: Mapping[str, Any],
               make_ctx: Callable[[Mapping[str, Any], str], Ctx]) -> list[Any]:
    keys: list[Any] = []
    for key in compiled.sort:
        ctx = make_ctx(data, "sort")
        if key.macro is not None:
            blob = key.macro.render(ctx)
            text = blob.plain() if blob is not None else ""
            keys.append(collation_key(sort_text(text)) if text else None)
        elif key.variable == "citation-number":
            keys.append(None)
        else:
            keys.append(_variable_key(ctx, key.variable))
    return keys


def sort_entries(keyed: list[tuple[list[Any], int]], directions: list[bool]) -> list[int]:
    """Indexes in sorted order; empty keys go last whichever the direction."""

    def compare(a: tuple[list[Any], int], b: tuple[list[Any], int]) -> int:
        for pos, descending in enumerate(directions):
            x, y = a[0][pos], b[0][pos]
            if x == y:
                continue
            if x is None:
                return 1
            if y is None:
                return -1
            try:
                smaller = x < y
            except TypeError:
                smaller = str(x) < str(y)
            cmp = -1 if smaller else 1
            return -cmp if descending else cmp
        return a[1] - b[1]

    return [index for _, index in sorted(keyed, key=functools.cmp_to_key(compare))]


def suffix_letters(n: int) -> str:
    """0 → a, 25 → z, 26 → aa (citeproc-js's sequence)."""
    out = ""
    n += 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(97 + rem) + out
    return out


def year_suffixes(cite_keys: Sequence[str]) -> dict[int, str]:
    """Position (in bibliography order) -> year suffix, for colliding citations."""
    groups: dict[str, list[int]] = {}
    for pos, key in enumerate(cite_keys):
        if key:
            groups.setdefault(key, []).append(pos)
    out: dict[int, str] = {}
    for members in groups.values():
        if len(members) > 1:
            for n, pos in enumerate(members):
                out[pos] = suffix_letters(n)
    return out
