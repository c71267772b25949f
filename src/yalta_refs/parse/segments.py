"""Split a reference into its period-separated elements.

Bibliographic elements end with ". " (or "? ", "! "), but so do initials,
abbreviations ("St.", "Vol.", "pp."), and periods inside quoted titles,
parentheses and URLs. :func:`split_segments` knows those cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Segment", "split_segments"]

_NO_BREAK_AFTER = frozenset(
    """st mt ft dr mr mrs ms messrs prof vs cf e.g i.e vol vols no nos pp p ca c fl jan feb
    mar apr jun jul aug sep sept oct nov dec gen col capt lt sgt adm gov sen rep pres rev repr
    approx fig figs ch chap sec pt bk n nn ser esp viz""".split()  # noqa: SIM905
)
_BEFORE_NUMBER = frozenset(
    {"vol", "vols", "no", "nos", "pp", "p", "ch", "chap", "pt", "bk", "n", "nn", "art"}
)
_IMPRINT_AHEAD = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?:, [A-Z][\w.]+)?: [A-Z]")
_EVENT = re.compile(r"""[.?!]["”’']?(?= |$)|[()\[\]“”"]| [—–] """)
# " — " ends an element when what came before was an identifier or a number:
# "doi:10.1073/pnas.74.12.5463 — Dideoxy sequencing"
_DASH_AFTER = re.compile(r"(?:doi:?\s*\S+|https?://\S+|\d[\d)\]]*)$", re.I)
_LOWER_STARTS = re.compile(
    r"(?:doi|https?|www|pp?\.|vols?\.|no\.|eds?\.|edited|trans|in\s|n\.\s?d|et al|"
    r"accessed|retrieved|available)", re.I
)
_OPEN = {"(": ")", "[": "]", "“": "”"}
_CLOSE = frozenset(_OPEN.values())
_URL = re.compile(r"(?:https?://|www\.|doi:\s?)\S+", re.I)


@dataclass(frozen=True, slots=True)
class Segment:
    """One element: its text (with the closing punctuation) and its offsets."""

    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """The text without the element-closing period."""
        t = self.text.rstrip()
        if t.endswith(".") and not _keeps_period(t):
            t = t[:-1]
        return t.strip()


def _keeps_period(text: str) -> bool:
    last = text.rsplit(None, 1)[-1] if text.split() else ""
    core = last.rstrip(".").lower()
    return (
        bool(re.fullmatch(r"[a-z]", core) and last[0].isupper())
        or core
        in {
            "jr",
            "sr",
            "inc",
            "ltd",
            "co",
            "bros",
            "corp",
            "etc",
            "al",
            "ed",
            "eds",
            "trans",
            "comp",
            "diss",
            "n.d",
            "u.s",
            "u.k",
            "d.c",
        }
        or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", core))
    )


def _is_break(text: str, i: int, depth: int, in_quote: bool) -> bool:
    """Whether the punctuation at text[i] ends an element (text[i+1] is a space)."""
    if depth > 0:
        return False
    ch = text[i]
    if ch in "?!":
        return not in_quote
    word = re.search(r"(\S+)$", text[:i])
    token = word.group(1) if word else ""
    bare = token.lstrip("(\"“'‘")
    after = text[i + 2 : i + 14]
    if after[:1].islower() and not _LOWER_STARTS.match(after):
        return False  # "E. coli", "ca. three", "etc. and": no element starts in lower case
    if re.fullmatch(r"[A-Z]|(?:[A-Z]\.)+[A-Z]", bare):
        nxt = text[i + 2 : i + 40]
        if _IMPRINT_AHEAD.match(nxt):
            return True  # "… to F.D.R. New York: Knopf, 1955"
        # an initial: "J. R. Smith", "U.S. Army"; but "Smith, John Q. The Title"
        return not re.match(r"[A-Z]\.|[A-Z][\w'’-]*[\s,.]", nxt) or bool(
            re.match(r"(?:The|A|An|In|On|Of)\s", nxt)
        )
    core = bare.lower()
    if core in _BEFORE_NUMBER:
        ahead = text[i + 1 : i + 16]
        if re.match(r"\s\d+(?:st|nd|rd|th|d)\s+ed", ahead):
            return True  # "The Story of Art. 16th ed."
        return not re.match(r"\s(?:\d|[IVXLivxl]+\b)", ahead)
    if core in _NO_BREAK_AFTER:
        return False
    return not in_quote


def split_segments(text: str) -> list[Segment]:
    """The period-separated elements of a reference, with their offsets.

    Only brackets, quotes and sentence punctuation matter, so the scan jumps
    from one of those to the next instead of walking every character.
    """
    protected = [
        (m.start(), m.start() + len(m.group(0).rstrip(".,;:)"))) for m in _URL.finditer(text)
    ]
    # a URL with no period after it, then a sentence: "…/h0043158 A witty address"
    url_ends = [b for _, b in protected if re.match(r" [A-Z]", text[b : b + 2])]
    segments: list[Segment] = []
    start = depth = 0
    in_quote = False
    for m in _EVENT.finditer(text):
        i = m.start()
        while url_ends and url_ends[0] <= i:
            end = url_ends.pop(0)
            if end > start:
                segments.append(Segment(text[start:end].strip(), start, end))
                start = end + 1
        if i < start or (protected and any(a <= i < b for a, b in protected)):
            continue
        ch = m.group(0)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
            if depth == 0 and ch == ")" and text[start : start + 1] == "(" \
                    and re.match(r" [A-Z]", text[i + 1 : i + 3]):
                # "(Original work published 1866) A translation that …"
                segments.append(Segment(text[start : i + 1].strip(), start, i + 1))
                start = i + 2
        elif ch == '"':
            in_quote = not in_quote
        elif ch.strip() in "—–":
            if depth == 0 and not in_quote and _DASH_AFTER.search(text[start:i]):
                segments.append(Segment(text[start:i].strip(), start, i))
                start = m.end()
        else:  # ".", "?" or "!", perhaps with a closing quote, before a space or the end
            closing_quote = len(ch) > 1
            if closing_quote or _is_break(text, i, depth, in_quote):
                if closing_quote and ch.endswith('"'):
                    in_quote = False
                elif closing_quote and ch.endswith("”"):
                    depth = max(depth - 1, 0)
                end = m.end()
                segments.append(Segment(text[start:end].strip(), start, end))
                start = end
                while start < len(text) and text[start] == " ":
                    start += 1
    if text[start:].strip():
        segments.append(Segment(text[start:].strip(), start, len(text)))
    return segments
