"""The output tree and citeproc-js's punctuation rules.

Every rendering element produces a :class:`Blob`: a leaf holding text, or a
list of child blobs joined by ``delim``; both carry a prefix, a suffix and
decorations (font style, quotes, display...). Before a tree is written out,
:func:`adjust` settles punctuation where affixes, delimiters and field text
meet, the way citeproc-js does: duplicates collapse (``..`` → ``.``), a few
pairs merge (``?.`` → ``?``), spaces and punctuation migrate up to the
enclosing level, and with ``punctuation-in-quote`` commas and periods move
inside closing quotes.
"""

from __future__ import annotations

__all__ = ["Blob", "adjust"]

Decor = tuple[str, str]

PUNCT = frozenset(".,;:!?")
PUNCT_OR_SPACE = frozenset(".,;:!? \u00a0")
SWAP_IN = frozenset(".,!?")
SWAP_OUT = frozenset(",;:")
_FONT_KEYS = frozenset(("font-style", "font-variant", "font-weight",
                        "text-decoration", "vertical-align"))

# (left, right) -> what the pair becomes; pairs not listed do not merge
_MERGE: dict[str, dict[str, str]] = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}


class Blob:
    """One node of rendered output."""

    __slots__ = ("decor", "delim", "kids", "prefix", "suffix", "text")

    def __init__(self, text: str | None = None, kids: list[Blob] | None = None,
                 prefix: str = "", suffix: str = "", delim: str = "",
                 decor: tuple[Decor, ...] = ()) -> None:
        self.text = text
        self.kids = kids
        self.prefix = prefix
        self.suffix = suffix
        self.delim = delim
        self.decor = decor

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        body = repr(self.text) if self.kids is None else repr(self.kids)
        return f"Blob({self.prefix!r}{body}{self.suffix!r} d={self.delim!r} {self.decor})"

    def is_empty(self) -> bool:
        if self.kids is None:
            return not self.text
        return all(kid.is_empty() for kid in self.kids)

    def plain(self) -> str:
        """Text with affixes and delimiters, no decorations (for keys and comparisons)."""
        if self.kids is None:
            return self.prefix + self.text + self.suffix if self.text else ""
        parts = [p for p in (kid.plain() for kid in self.kids) if p]
        if not parts:
            return ""
        return self.prefix + self.delim.join(parts) + self.suffix


def _font_decor(blob: Blob, quotes: bool = False) -> bool:
    return any(key in _FONT_KEYS or (quotes and key == "quotes") for key, _ in blob.decor)


def _has_quotes(blob: Blob) -> bool:
    return any(key == "quotes" for key, _ in blob.decor)


def purge(blob: Blob) -> None:
    """Drop empty children, recursively."""
    if blob.kids is None:
        return
    for kid in blob.kids:
        purge(kid)
    blob.kids = [kid for kid in blob.kids if (kid.text if kid.kids is None else kid.kids)]


class _Slot:
    """A reference to one string attribute of a blob (text, prefix or suffix)."""

    __slots__ = ("attr", "blob")

    def __init__(self, blob: Blob, attr: str) -> None:
        self.blob = blob
        self.attr = attr

    def get(self) -> str:
        value: str = getattr(self.blob, self.attr)
        return value

    def set(self, value: str) -> None:
        setattr(self.blob, self.attr, value)


def _merge_chars(first: _Slot, second: _Slot, rightward: bool = False) -> None:
    left, right = first.get(), second.get()
    lchar, rchar = left[-1:], right[:1]
    if lchar == rchar:
        if rightward:
            first.set(left[:-1])
        else:
            second.set(right[1:])
        return
    if rightward:
        if lchar not in _MERGE:
            return
        merged = _MERGE[lchar].get(rchar)
        if merged is not None:
            first.set(left[:-1])
            second.set(merged + right[1:])
        else:
            second.set(lchar + right)
            first.set(left[:-1])
    else:
        if rchar not in _MERGE:
            return
        merged = _MERGE.get(lchar, {}).get(rchar)
        if merged is not None:
            first.set(left[:-1] + merged)
            second.set(right[1:])
        else:
            first.set(left + rchar)
            second.set(right[1:])


def _leaf_suffix_dupe(blob: Blob) -> None:
    first = blob.suffix[:1]
    if first in PUNCT and blob.text and first == blob.text[-1:]:
        blob.suffix = blob.suffix[1:]


def _upward(parent: Blob) -> None:
    kids = parent.kids
    if kids is None:
        _leaf_suffix_dupe(parent)
        return
    if not kids:
        return
    decorated = _font_decor(parent, True)
    last = len(kids) - 1
    for i in range(last, -1, -1):
        kid = kids[i]
        _upward(kid)
        if i == 0:
            if parent.prefix[-1:] == " " and kid.prefix[:1] == " ":
                kid.prefix = kid.prefix[1:]
            char = kid.prefix[:1]
            if not decorated and char in PUNCT_OR_SPACE and char and not parent.prefix:
                parent.prefix += char
                kid.prefix = kid.prefix[1:]
        if i == last:
            char = kid.suffix[-1:]
            if not decorated and char == " ":
                if parent.suffix[:1] != char:
                    parent.suffix = char + parent.suffix
                kid.suffix = kid.suffix[:-1]
        if parent.delim and i > 0:
            char = parent.delim[-1:]
            if char in PUNCT_OR_SPACE and char and char == kid.prefix[:1]:
                kid.prefix = kid.prefix[1:]


def _leftward(parent: Blob) -> None:
    kids = parent.kids
    if not kids:
        return
    for i in range(len(kids) - 1, -1, -1):
        _leftward(kids[i])
        if i < len(kids) - 1 and not parent.delim:
            child, sibling = kids[i], kids[i + 1]
            char = sibling.prefix[:1]
            if char in PUNCT and char and not _font_decor(child) and not _font_decor(sibling):
                same_suffix = char == child.suffix[-1:]
                same_field = (not child.suffix and child.kids is None
                              and (child.text or "")[-1:] == char)
                if not same_suffix and not same_field:
                    _merge_chars(_Slot(child, "suffix"), _Slot(sibling, "prefix"))
                else:
                    sibling.prefix = sibling.prefix[1:]


def _merging_below(char: str, blob: Blob) -> bool:
    last = blob.suffix[-1:]
    if not last and blob.kids is None:
        last = (blob.text or "")[-1:]
    merged = _MERGE.get(last, {}).get(char)
    if merged is not None and len(merged) == 1:
        return True
    if not blob.kids:
        return False
    return _merging_below(char, blob.kids[-1])


def _quotes_below(blob: Blob) -> bool:
    if _has_quotes(blob):
        return True
    if not blob.kids:
        return False
    return _quotes_below(blob.kids[-1])


def _ends_with(blob: Blob, char: str) -> bool:
    if char not in PUNCT or not char:
        return False
    if blob.kids is None:
        return (blob.text or "")[-1:] == char
    if not blob.kids:
        return False
    child = blob.kids[-1]
    last = child.suffix[-1:]
    if not last:
        return _ends_with(child, char)
    return last == char


def _downward(parent: Blob, punct_in_quote: bool) -> None:
    kids = parent.kids
    if kids is None:
        _leaf_suffix_dupe(parent)
        return
    if not kids:
        return
    if parent.delim and parent.delim[0] in PUNCT:
        char = parent.delim[0]
        for kid in kids[:-1]:
            if kid.suffix[-1:] != char:
                kid.suffix += char
        parent.delim = parent.delim[1:]
    last = len(kids) - 1
    for i in range(last, -1, -1):
        child = kids[i]
        if i == last:
            _downward_last(parent, child, punct_in_quote)
        elif parent.delim:
            char = parent.delim[:1]
            if char in PUNCT_OR_SPACE and char == child.suffix[-1:]:
                child.suffix = child.suffix[:-1]
        else:
            sibling = kids[i + 1]
            char = child.suffix[-1:]
            if (not _font_decor(child, True) and char and char in PUNCT_OR_SPACE
                    and char == sibling.prefix[:1]):
                sibling.prefix = sibling.prefix[1:]
        if (not _font_decor(child, True) and child.suffix[:1] in PUNCT and child.suffix
                and child.kids is None):
            _merge_chars(_Slot(child, "text"), _Slot(child, "suffix"))
        elif child.kids and child.suffix[:1] in PUNCT and child.suffix \
                and not _font_decor(child):
            _absorb(child)
        _downward(child, punct_in_quote)


def _deep_text(blob: Blob) -> _Slot | None:
    """The text slot of the last leaf, reached through last children that have no
    suffix and only quotes for decoration; None when something else ends it."""
    while blob.kids:
        if blob.suffix or any(key != "quotes" for key, _ in blob.decor):
            return None
        blob = blob.kids[-1]
    if blob.kids is not None or blob.suffix:
        return None
    return _Slot(blob, "text")


def _absorb(child: Blob) -> None:
    """A value that ends inside nested quotes with "." "?" or "!" absorbs the
    punctuation after it ('“Never.”’' + '.' stays as it is)."""
    assert child.kids
    deep = _deep_text(child.kids[-1])
    if deep is None:
        return
    last, char = deep.get()[-1:], child.suffix[:1]
    if last == char or len(_MERGE.get(last, {}).get(char, "xx")) == 1:
        _merge_chars(deep, _Slot(child, "suffix"))


def _downward_last(parent: Blob, child: Blob, punct_in_quote: bool) -> None:
    char = parent.suffix[:1]
    if char and char in PUNCT:
        allow = _merging_below(char, child) or (punct_in_quote and _quotes_below(child))
        if allow:
            if child.kids is None:
                _merge_chars(_Slot(child, "text"), _Slot(parent, "suffix"))
            else:
                _merge_chars(_Slot(child, "suffix"), _Slot(parent, "suffix"))
            if parent.suffix[:1] == ".":
                child.suffix += "."
                parent.suffix = parent.suffix[1:]
    if child.suffix[-1:] == " " and parent.suffix[:1] == " ":
        parent.suffix = parent.suffix[1:]
    if child.suffix[:1] in PUNCT_OR_SPACE and child.suffix:
        if child.kids is None and (child.text or "")[-1:] == child.suffix[:1]:
            child.suffix = child.suffix[1:]
        if child.suffix[-1:] and child.suffix[-1:] == parent.suffix[:1]:
            parent.suffix = parent.suffix[:-1]
    if _ends_with(parent, parent.suffix[:1]):
        parent.suffix = parent.suffix[1:]


def _swap_in(child: Blob) -> None:
    if child.kids is None:
        while child.suffix[:1] in SWAP_IN and child.suffix:
            before = (child.text, child.suffix)
            _merge_chars(_Slot(child, "text"), _Slot(child, "suffix"))
            if before == (child.text, child.suffix):
                break
    elif child.kids:
        last = child.kids[-1]
        while child.suffix[:1] in SWAP_IN and child.suffix:
            before = (last.suffix, child.suffix)
            _merge_chars(_Slot(last, "suffix"), _Slot(child, "suffix"))
            if before == (last.suffix, child.suffix):
                break


def _swap_out(child: Blob) -> None:
    if child.kids is None:
        while (child.text or "")[-1:] in SWAP_OUT and child.text:
            before = (child.text, child.suffix)
            _merge_chars(_Slot(child, "text"), _Slot(child, "suffix"), True)
            if before == (child.text, child.suffix):
                break
    elif child.kids:
        last = child.kids[-1]
        while last.suffix[-1:] in SWAP_OUT and last.suffix:
            before = (last.suffix, child.suffix)
            _merge_chars(_Slot(last, "suffix"), _Slot(child, "suffix"), True)
            if before == (last.suffix, child.suffix):
                break


def _fix(parent: Blob, punct_in_quote: bool) -> None:
    if not parent.kids:
        return
    for child in parent.kids:
        if _has_quotes(child):
            if punct_in_quote:
                _swap_in(child)
            else:
                _swap_out(child)
        _fix(child, punct_in_quote)


def adjust(root: Blob, punct_in_quote: bool) -> None:
    """Settle punctuation in ``root`` in place (citeproc-js's four passes)."""
    purge(root)
    _upward(root)
    _leftward(root)
    _downward(root, punct_in_quote)
    _fix(root, punct_in_quote)
