"""Word tokens of inputs and outputs, and the "words unaccounted" measure.

Every word a reader can see in the damaged input should end up somewhere:
in a field, in an annotation, or in the discarded report. The words that do
not are a direct measure of silent loss. Pure functions; no I/O.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import ftfy

__all__ = [
    "NAME_FIELDS",
    "STRUCTURAL_WORDS",
    "collapse",
    "item_words",
    "must_discard_hits",
    "name_display",
    "normalize_names",
    "unaccounted_words",
    "value_texts",
    "visible_text",
    "word_tokens",
]

#: CSL name variables (lists of name objects).
NAME_FIELDS = frozenset({
    "author", "editor", "translator", "container-author", "collection-editor",
    "composer", "director", "illustrator", "interviewer", "original-author",
    "recipient", "reviewed-author", "editorial-director",
})

#: Label words that parsing legitimately consumes (never counted as lost).
STRUCTURAL_WORDS = frozenset({
    "by", "ed", "eds", "edn", "edited", "editor", "editors", "trans", "transl", "translated",
    "translator", "vol", "vols", "volume", "no", "nos", "nr", "pp", "p", "in", "accessed",
    "retrieved", "from", "diss", "et", "al", "and", "n", "d", "nd", "with", "edition", "rev",
    "http", "https", "www", "doi", "org", "dx", "isbn", "issn", "url", "available", "online",
    "at", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december",
})

_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_TAG = re.compile(r"<[^<>]*>")
#: A 10- or 13-digit ISBN, hyphenated or not: optional 978/979 prefix, 9 core digits, check.
_ISBN = re.compile(r"(?<![\w-])(?:97[89]-?)?(\d(?:-?\d){8})-?[\dXx](?![\w-])")
_SKIPPED_KEYS = frozenset({"id", "type", "citation-key"})


def collapse(text: str) -> str:
    """NFC with runs of whitespace as one space, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def name_display(name: Mapping[str, Any] | str) -> str:
    """"given particle family" (or the literal) of a CSL name, whitespace collapsed."""
    if isinstance(name, str):
        return collapse(name)
    if name.get("literal"):
        return collapse(str(name["literal"]))
    keys = ("given", "dropping-particle", "non-dropping-particle", "family")
    text = " ".join(str(name[k]) for k in keys if name.get(k))
    if name.get("suffix"):
        text = f"{text}, {name['suffix']}"
    return collapse(text)


def normalize_names(value: Any) -> tuple[str, ...]:
    """A CSL name list as a tuple of display strings."""
    names = value if isinstance(value, list | tuple) else [value]
    return tuple(d for d in (name_display(n) for n in names) if d)


def visible_text(text: str) -> str:
    """The text a reader sees: entities decoded (repeatedly), mojibake fixed, tags dropped."""
    for _ in range(5):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return _TAG.sub(" ", str(ftfy.fix_text(text)))


def _canonical(token: str) -> str:
    ordinal = _ORDINAL.match(token)
    if ordinal:
        token = ordinal.group(1)
    if token.isascii() and token.isdigit():
        return str(int(token))
    return token


def word_tokens(text: str) -> list[str]:
    """``\\w+`` tokens after NFKC lowercasing.

    Numbers lose leading zeros and English ordinal endings ("02" and "2nd"
    both become "2"), so a month or an edition number parsed into an integer
    still accounts for the word it came from. An ISBN, hyphenated or not, 10
    or 13 digits with a valid check digit, is one token of its 9 core digits
    ("0-7679-0056-1" and "9780767900560" both become "isbn076790056").
    """
    folded = _ISBN.sub(_isbn_token, unicodedata.normalize("NFKC", text).lower())
    return [_canonical(t) for t in _WORD.findall(folded)]


def _isbn_token(match: re.Match[str]) -> str:
    """The ISBN's token; a hyphenated number that fails the check digit (a page range
    "10719-10724") is left as it was."""
    digits = match.group(0).replace("-", "").upper()
    if not _valid_isbn(digits):
        return match.group(0)
    return " isbn" + match.group(1).replace("-", "") + " "


def _valid_isbn(digits: str) -> bool:
    if len(digits) == 10:
        values = [10 if ch == "X" else int(ch) for ch in digits]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum(int(ch) * (3 if i % 2 else 1) for i, ch in enumerate(digits)) % 10 == 0
    return False


def value_texts(value: Any) -> Iterator[str]:
    """Every scalar inside a CSL value (names, date parts, strings), as text."""
    if isinstance(value, Mapping):
        for v in value.values():
            yield from value_texts(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from value_texts(v)
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def item_words(item: Mapping[str, Any]) -> list[str]:
    """Word tokens of every value of a CSL item (annotation included; id and type not)."""
    words: list[str] = []
    for key, value in _output_values(item):
        if key not in _SKIPPED_KEYS:
            for text in value_texts(value):
                words.extend(word_tokens(text))
    return words


def _output_values(item: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """The item's (key, value) pairs; of "custom" only the kept input fields ("extra")."""
    for key, value in item.items():
        if key == "custom":
            if isinstance(value, Mapping) and value.get("extra"):
                yield "extra", value["extra"]
        else:
            yield key, value


def unaccounted_words(input_text: str, pred: Iterable[Mapping[str, Any]],
                      discarded: Iterable[str]) -> tuple[int, Counter[str]]:
    """(number of input words, multiset of input words found nowhere in the output).

    The input is read as :func:`visible_text`. The output is every predicted
    field value and annotation plus the discarded texts. Words of
    :data:`STRUCTURAL_WORDS` are never counted as lost.
    """
    source = Counter(word_tokens(visible_text(input_text)))
    found: Counter[str] = Counter()
    for item in pred:
        found.update(item_words(item))
    for text in discarded:
        found.update(word_tokens(visible_text(text)))
    lost = source - found
    for word in STRUCTURAL_WORDS & lost.keys():
        del lost[word]
    return source.total(), lost


def _field_texts(item: Mapping[str, Any]) -> list[str]:
    out: list[str] = []
    for key, value in _output_values(item):
        if key not in _SKIPPED_KEYS:
            if key in NAME_FIELDS:
                out.extend(normalize_names(value))
            else:
                out.extend(collapse(t) for t in value_texts(value))
    return out


def must_discard_hits(strings: Sequence[str], pred: Sequence[Mapping[str, Any]],
                      discarded: Sequence[str]) -> list[bool]:
    """For each string: True when it is in some discarded text and did not become a field.

    "Became a field" means a field equal to the string, or ending with it (furniture
    run into the last annotation); a furniture link like "Containment" may still occur
    inside a real title ("Strategies of Containment").
    """
    dropped = [collapse(t) for t in discarded]
    fields = [t for item in pred for t in _field_texts(item)]
    hits = []
    for s in strings:
        needle = collapse(s)
        became_field = any(f == needle or f.endswith(needle) for f in fields)
        hits.append(any(needle in d for d in dropped) and not became_field)
    return hits
