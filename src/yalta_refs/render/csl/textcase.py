"""CSL text-case: lowercase, uppercase, capitalize-first/-all, sentence, title.

The string may still hold inline markup (``<i>``, ``<span class="nocase">``
...): tags and punctuation split it into runs, text inside ``nocase``,
small-caps, ``<sc>``, ``<sup>`` and ``<sub>`` is left alone, and a word that
already has a capital is never changed — the rules of citeproc-js. Title case
lowercases nothing: it capitalizes every word except stop words, and the
first word, the last word and words after ``:``, ``?`` and ``!`` always.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["STOP_WORDS", "apply_case", "strip_periods"]

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS = _words(
    'about above across afore after against al along alongside amid amidst among amongst '
    'anenst apropos apud around as aside astride at athwart atop barring before behind below '
    'beneath beside besides between beyond but by circa despite down during et except for '
    'forenenst from given in inside into lest like modulo near next notwithstanding of off on '
    'onto out over per plus pro qua sans since than through throughout thruout till to toward '
    'towards under underneath until unto up upon versus vs v via vis-à-vis with within '
    "without or yet so and nor a an the de d' von van c ca "
)

_SPLIT = re.compile(
    r"(\u2018|\u2019|\u201c|\u201d| \"| '|\"|'|[-\u2013\u2014/.,;?!:]|\[|\]|\(|\)"
    r'|<span style="font-variant: ?small-caps;?">|<span class="no(?:case|decor)">|</span>'
    r"|</?(?:i|sc|b|sub|sup)>)"
)
_WORDS = re.compile(r"([\u00a0 \u2000-\u200b\u205f\u3000]+)")
_PROTECT_OPEN = {'<span class="nocase">': "</span>", '<span class="nodecor">': "</span>",
                 "<sc>": "</sc>", "<sub>": "</sub>", "<sup>": "</sup>"}
_GREEK = re.compile(r"^[\u0370-\u03ff]$")


def _protect_closer(tag: str) -> str | None:
    if tag.startswith("<span style"):
        return "</span>"
    return _PROTECT_OPEN.get(tag)


def _capitalise(word: str) -> str:
    stripped = word.lstrip()
    if not stripped:
        return word
    lead = word[: len(word) - len(stripped)]
    first, rest = stripped[0], stripped[1:]
    if _GREEK.match(first) and not rest:
        return word
    return lead + first.upper() + rest


class _State:
    __slots__ = ("after_apostrophe", "after_punct", "first", "last_word")

    def __init__(self) -> None:
        self.after_apostrophe = False
        self.first = True
        self.after_punct = False
        self.last_word: tuple[int, int] | None = None


Words = Callable[[str, int, str, _State], str]


def _lower(text: str, index: int, following: str, state: _State) -> str:
    return text.lower()


def _upper(text: str, index: int, following: str, state: _State) -> str:
    return text.upper()


def _sentence(text: str, index: int, following: str, state: _State) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if word:
            if state.first:
                words[i] = _capitalise(word)
                state.first = False
            else:
                words[i] = word.lower()
    return " ".join(words)


def _cap_first(text: str, index: int, following: str, state: _State) -> str:
    if not state.first:
        return text
    parts = _WORDS.split(text)
    for i in range(0, len(parts), 2):
        word = parts[i]
        if word:
            if word == word.lower():
                parts[i] = _capitalise(word)
            state.first = False
            break
    return "".join(parts)


def _cap_all(text: str, index: int, following: str, state: _State) -> str:
    parts = _WORDS.split(text)
    for i in range(0, len(parts), 2):
        word = parts[i]
        if word and word == word.lower():
            parts[i] = _capitalise(word)
    return "".join(parts)


def _title(text: str, index: int, following: str, state: _State) -> str:
    if not text.strip():
        return text
    parts = _WORDS.split(text)
    last = len(parts) - 1
    for j in range(0, len(parts), 2):
        word = parts[j]
        if not word:
            continue
        lower = word.lower()
        tail = j == 0 and state.after_apostrophe
        if tail:
            # the rest of a word after an apostrophe ("you're") or a straight
            # single quote is never capitalised (citeproc-js)
            capitalize = False
        else:
            capitalize = (
                (len(word) > 1 and lower not in STOP_WORDS)
                or (j == last and following == "-")
                or state.first
                or state.after_punct
            )
        if capitalize and word == lower:
            parts[j] = _capitalise(word)
        state.after_punct = False
        state.after_apostrophe = False
        state.first = False
        # nor is it the last word that title case capitalises ("Chang’an")
        state.last_word = None if tail else (index, j)
    return "".join(parts)


_CASES: dict[str, Words] = {
    "lowercase": _lower, "uppercase": _upper, "sentence": _sentence,
    "capitalize-first": _cap_first, "capitalize-all": _cap_all, "title": _title,
}


def apply_case(text: str, case: str) -> str:
    """Apply one CSL text-case value to ``text`` (which may hold markup)."""
    words = _CASES.get(case)
    if words is None or not text:
        return text
    pieces = _SPLIT.split(text)
    strings = pieces[0::2]
    tags = pieces[1::2]
    state = _State()
    protect: list[str] = []
    if strings[0].strip():
        strings[0] = words(strings[0], 0, tags[0] if tags else "", state)
    for i, tag in enumerate(tags):
        closer = _protect_closer(tag)
        if closer:
            protect.append(closer)
        elif protect and tag == protect[-1]:
            protect.pop()
        if tag[-1:] in "!?:" and case == "title":
            state.after_punct = True
        text_i = strings[i + 1]
        state.after_apostrophe = tag in ("'", " '", "\u2019") and text_i[:1].isalnum()
        if not protect:
            strings[i + 1] = words(text_i, i + 1, "", state)
        elif text_i.strip():
            state.last_word = None
        if text_i.strip():
            state.first = False
            state.after_punct = False
    if case == "title" and state.last_word is not None:
        idx, j = state.last_word
        parts = _WORDS.split(strings[idx])
        word = parts[j]
        if len(word) > 1 and word.lower() in STOP_WORDS:
            parts[j] = _capitalise(word)
            strings[idx] = "".join(parts)
    out = [strings[0]]
    for tag, piece in zip(tags, strings[1:], strict=True):
        out.append(tag)
        out.append(piece)
    return "".join(out)


_PERIODS = re.compile(r"\.([^a-z]|$)")


def strip_periods(text: str) -> str:
    """Remove periods not followed by a lowercase letter (citeproc-js's rule)."""
    return _PERIODS.sub(r"\1", text) if "." in text else text
