"""Token features for the CRF: word, shape, punctuation around it, position,
word-list hits, and the same facts about the neighbours.

Features are plain strings (binary features), which python-crfsuite reads
fastest. :func:`features` is pure and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .lexicon import LEXICON
from .tokens import Token

__all__ = ["features", "shape"]

_ROMAN = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d|e|er|re|ème|eme|te|ten)$", re.I)
_SENTENCE_END = re.compile(r"[.?!]\S*\s")
_CUES = {
    **dict.fromkeys(("ed", "eds", "edited", "editor", "editors", "hrsg", "hg", "herausgegeben",
                     "éd", "éds", "dir", "coord"), "ed"),
    **dict.fromkeys(("trans", "transl", "translated", "translator", "translators", "übers",
                     "übersetzt", "trad", "traduit", "traduction"), "tr"),
}
_OPEN = "([{"
_CLOSE = ")]}"
_QUOTES = "\"“”‘’«»„"


def shape(word: str) -> str:
    """A short word shape: "Xx" (capitalised), "X" (all caps), "x", "d4" (four digits)…"""
    if word.isdigit():
        return f"d{min(len(word), 5)}"
    if word.isalpha():
        if word.isupper():
            return "X" if len(word) > 1 else "X1"
        if word[0].isupper():
            return "Xx"
        return "x"
    if any(c.isdigit() for c in word):
        return "dx" if word[0].isdigit() else "xd"
    return "o"


def _punct(text: str) -> str:
    return "".join(text.split())[:4] or "_"


@lru_cache(maxsize=200_000)
def _word(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str]:
    """What a word contributes whatever its context: its own features, the features
    its left and right neighbours see (already prefixed), and its "w=" seen two away."""
    low = word.lower()
    lexical = tuple("L=" + name for name, words in LEXICON.items() if low in words)
    own = ["w=" + low, "sh=" + shape(word)]
    if len(low) > 3:
        own += ["s3=" + low[-3:], "p3=" + low[:3]]
    if word.isdigit():
        value = int(word) if len(word) < 7 else 0
        if len(word) == 4 and 1400 <= value <= 2039:
            own.append("year")
        own.append(f"num{len(word)}")
    elif _ORDINAL.match(low):
        own.append("ordinal")
    if _ROMAN.match(low):
        own.append("roman")
    if low.startswith(("http", "www.", "ftp")):
        own.append("url")
    elif low.startswith("10.") and "/" in low:
        own.append("doi")
    own += lexical
    short = ("w=" + low, "sh=" + shape(word), *lexical)
    return (tuple(own), tuple("-1:" + f for f in short), tuple("1:" + f for f in short),
            "-2:w=" + low, "2:w=" + low)


def features(tokens: Sequence[Token]) -> list[list[str]]:
    """One list of feature strings per token."""
    n = len(tokens)
    words = [_word(t.text) for t in tokens]
    lows = [t.text.lower() for t in tokens]
    pres = [_punct(t.before) for t in tokens]
    posts = [_punct(t.after) for t in tokens]
    role_at = [i for i in range(n) if lows[i] in _CUES]
    in_at = next((i for i in range(n) if lows[i] in ("in", "dans") and i > 0
                  and tokens[i - 1].after.strip()[-1:] in (".", ",", ":", "")), n)
    out: list[list[str]] = []
    depth = 0
    quote = False
    sentence = 0
    segs: list[int] = []
    for i, token in enumerate(tokens):
        segs.append(sentence)
        for ch in token.before:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif ch in _QUOTES:
                quote = ch in "“‘«„" or (ch == '"' and not quote)
        feats = [*words[i][0], "b=" + pres[i], "a=" + posts[i], f"pos={10 * i // n}",
                 f"seg={min(sentence, 6)}"]
        text = token.text
        if len(text) == 1 and text.isupper():
            feats.append("initial." if token.after.startswith(".") else "initial")
        if depth:
            feats.append("paren")
        if quote:
            feats.append("quote")
        if token.before and not token.before[-1].isspace():
            feats.append("glued")
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        if i > 0:
            feats += words[i - 1][1]
            feats += ("-1:b=" + pres[i - 1], "-1:a=" + posts[i - 1])
            if i > 1:
                feats.append(words[i - 2][3])
        else:
            feats.append("-1:none")
        if i + 1 < n:
            feats += words[i + 1][2]
            feats += ("1:b=" + pres[i + 1], "1:a=" + posts[i + 1])
            if i + 2 < n:
                feats.append(words[i + 2][4])
        else:
            feats.append("1:none")
        if i > in_at:
            feats.append("after_in")
        out.append(feats)
        if _SENTENCE_END.match(token.after + " ") and not (len(text) == 1 and text.isupper()):
            sentence += 1
    for i in range(n):  # cues need the sentence numbers of the tokens after
        ahead = next((j for j in role_at if j > i), None)
        if ahead is not None and ahead - i <= 12 and segs[ahead] == segs[i]:
            out[i].append("ahead=" + _CUES[lows[ahead]])
        behind = next((j for j in reversed(role_at) if j < i), None)
        if behind is not None and i - behind <= 25 and segs[behind] >= segs[i] - 1:
            out[i].append("cue=" + _CUES[lows[behind]])
    return out
