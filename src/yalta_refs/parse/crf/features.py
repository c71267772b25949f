"""Token features for the CRF: word, shape, punctuation around it, position,
word-list hits, and the same facts about the neighbours.

Features are plain strings (binary features), which python-crfsuite reads
fastest. :func:`features` is pure and deterministic.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


@lru_cache(maxsize=20_000)
def _punct_features(text: str) -> tuple[str, str, str, str, str, str, str, bool]:
    """The punctuation between two tokens as each of them sees it (own before/after,
    left and right neighbour's), and whether it ends a sentence."""
    p = _punct(text)
    return (p, "b=" + p, "a=" + p, "-1:b=" + p, "-1:a=" + p, "1:b=" + p, "1:a=" + p,
            bool(_SENTENCE_END.match(text + " ")))


_POS = tuple(f"pos={k}" for k in range(10))
_SEG = tuple(f"seg={k}" for k in range(7))


_Word = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str, str, int]


@lru_cache(maxsize=200_000)
def _word(word: str) -> _Word:
    """What a word contributes whatever its context: its own features, the features
    its left and right neighbours see (already prefixed), its "w=" seen two away,
    its kind (Y a year, N another number, A a word) and whether it can be an
    abbreviation (2: "Phys", "Rev"; 1: a capital, "J"; 0: no)."""
    low = word.lower()
    kind = "A"
    abbreviation = 0
    lexical = tuple("L=" + name for name, words in LEXICON.items() if low in words)
    own = ["w=" + low, "sh=" + shape(word)]
    if len(low) > 3:
        own += ["s3=" + low[-3:], "p3=" + low[:3]]
    if word.isdigit():
        value = int(word) if len(word) < 7 and word.isdecimal() else 0
        kind = "N"
        if len(word) == 4 and 1400 <= value <= 2039:
            own.append("year")
            kind = "Y"
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
    if word.isalpha() and word[0].isupper():
        if len(word) == 1:
            abbreviation = 1
        elif len(word) <= 9 and not word.isupper():
            abbreviation = 2
    short = ("w=" + low, "sh=" + shape(word), *lexical)
    return (tuple(own), tuple("-1:" + f for f in short), tuple("1:" + f for f in short),
            "-2:w=" + low, "2:w=" + low, kind, abbreviation)


def _abbreviation(word: _Word, token: Token) -> int:
    """2: a capitalised abbreviation ("Phys.", "Rev."); 1: a capital with a period
    ("J.", "D"), which may be one too; 0: neither."""
    if word[6] == 2:
        return 2 if token.after.startswith(".") else 0
    if word[6] == 1:
        return 1 if token.after[:1] in (".", "") else 0
    return 0


def features(tokens: Sequence[Token]) -> list[list[str]]:
    """One list of feature strings per token."""
    n = len(tokens)
    words = [_word(t.text) for t in tokens]
    lows = [t.text.lower() for t in tokens]
    pres = [_punct_features(t.before) for t in tokens]
    posts = [_punct_features(t.after) for t in tokens]
    role_at = [i for i in range(n) if lows[i] in _CUES]
    kinds = [w[5] for w in words]
    first_year = kinds.index("Y") if "Y" in kinds else -1
    abbr = [_abbreviation(w, t) for w, t in zip(words, tokens, strict=True)]
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
        feats = [*words[i][0], pres[i][1], posts[i][2], _POS[10 * i // n],
                 _SEG[min(sentence, 6)]]
        text = token.text
        if len(text) == 1 and text.isupper():
            feats.append("initial." if token.after.startswith(".") else "initial")
        if depth:
            feats.append("paren")
        if quote:
            feats.append("quote")
        if token.before and not token.before[-1].isspace():
            feats.append("glued")
        elif i > 0 and not token.before:
            feats.append("glued0")  # "D94": a capital and a number written together
        if abbr[i] and ((i > 0 and abbr[i - 1]) or (i + 1 < n and abbr[i + 1])):
            feats.append("abbrrun")  # "Phys. Rev. Lett.", "J. Phys. A"
        elif abbr[i] == 2:
            feats.append("abbr")
        feats.append("yr-" if first_year < 0 else "yr<" if i < first_year
                     else "yr=" if i == first_year else "yr>")
        if kinds[i] != "A":
            feats.append("nctx=" + (kinds[i - 1] if i else "^") + pres[i][0] + kinds[i]
                         + posts[i][0] + (kinds[i + 1] if i + 1 < n else "$"))
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        if i > 0:
            feats += words[i - 1][1]
            feats += (pres[i - 1][3], posts[i - 1][4])
            if i > 1:
                feats.append(words[i - 2][3])
        else:
            feats.append("-1:none")
        if i + 1 < n:
            feats += words[i + 1][2]
            feats += (pres[i + 1][5], posts[i + 1][6])
            if i + 2 < n:
                feats.append(words[i + 2][4])
        else:
            feats.append("1:none")
        if i > in_at:
            feats.append("after_in")
        # the word with each neighbour ("new|york", "university|press"; fifteenth round)
        feats.append("bi-=" + (lows[i - 1] if i else "^") + "|" + lows[i])
        feats.append("bi+=" + lows[i] + "|" + (lows[i + 1] if i + 1 < n else "$"))
        out.append(feats)
        if posts[i][7] and not (len(text) == 1 and text.isupper()):
            sentence += 1
    if not role_at:
        return out
    for i in range(n):  # cues need the sentence numbers of the tokens after
        at = bisect_right(role_at, i)  # role_at[at] is the first cue after i
        if at < len(role_at):
            ahead = role_at[at]
            if ahead - i <= 12 and segs[ahead] == segs[i]:
                out[i].append("ahead=" + _CUES[lows[ahead]])
        before = at - 1 if at and role_at[at - 1] == i else at  # the last cue before i
        if before:
            behind = role_at[before - 1]
            if i - behind <= 25 and segs[behind] >= segs[i] - 1:
                out[i].append("cue=" + _CUES[lows[behind]])
    return out
