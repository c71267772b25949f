"""Normalising for matching: titles, names, years, ISBNs, DOIs, volumes, edition words.

Pure functions shared by :mod:`.score` and :mod:`.decide`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ...model import Name, Reference

__all__ = [
    "comparable_titles",
    "doi_key",
    "edition_words",
    "fold",
    "invalid_isbns",
    "isbn13",
    "isbn_set",
    "names_of",
    "normalize_title",
    "publisher_words",
    "split_volume",
    "surnames",
    "volume_numbers",
    "volumes_of",
    "year_of",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ARTICLES = _words("the a an der die das ein eine le la les l un une el los las il lo")
_GENERIC_PUBLISHER = _words(
    "press books book publishers publisher publishing publications co company inc ltd limited "
    "llc and of the verlag editions editores sons son house group"
)
_SUBTITLE = re.compile(r"\s*(?::|[?!](?=\s+\w)|\.\s+(?=[A-Z])|\s[-–—]+\s)\s*")
_NON_WORD = re.compile(r"[\W_]+")
_ELIDED = re.compile(r"['’ʼ]")
_ISBN_CHARS = re.compile(r"[^0-9Xx]")
_ISBN_LIKE = re.compile(r"(?:97[89][\s-]?)?(?:\d[\s-]?){9}[\dXx]")


def fold(text: str | None) -> str:
    """Casefolded, accents and punctuation off, "&" as "and", spaces collapsed."""
    if not text:
        return ""
    text = text.casefold().replace("&", " and ")
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        text = text.replace("ß", "ss").replace("ø", "o").replace("ł", "l").replace("æ", "ae")
    return " ".join(_NON_WORD.sub(" ", _ELIDED.sub("", text)).split())


def _drop_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first in _ARTICLES else text


def normalize_title(title: str | None) -> tuple[str, str]:
    """(full title, main title) normalised; main is "" when there is no subtitle."""
    if not title:
        return "", ""
    full = _drop_article(fold(title))
    parts = _SUBTITLE.split(title.strip(), maxsplit=1)
    main = _drop_article(fold(parts[0])) if len(parts) == 2 else ""
    return full, main if main and main != full else ""


# ------------------------------------------------------------------ identifiers


def _isbn_valid(digits: str) -> bool:
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * (10 if d == "X" else int(d)) for i, d in enumerate(digits))
        return total % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    return False


def isbn13(text: str | None) -> str:
    """A valid ISBN as 13 digits (ISBN-10 converted); "" for no ISBN or a wrong check digit."""
    digits = _ISBN_CHARS.sub("", text or "").upper()
    if not _isbn_valid(digits):
        return ""
    if len(digits) == 13:
        return digits
    core = "978" + digits[:9]
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(core)) % 10) % 10
    return core + str(check)


def isbn_set(text: str | None) -> set[str]:
    """The valid ISBNs in a field (as ISBN-13); ISBNs with a wrong check digit are left out."""
    return {n for n in (isbn13(x) for x in _ISBN_LIKE.findall(text or "")) if n}


def invalid_isbns(text: str | None) -> list[str]:
    """The ISBN-like strings in a field whose check digit is wrong (typos)."""
    return [x.strip() for x in _ISBN_LIKE.findall(text or "") if not isbn13(x)]


def doi_key(text: str | None) -> str:
    """A DOI for comparison: prefix forms ("doi:", doi.org URLs) off, casefolded."""
    return re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", (text or "").strip(),
                  flags=re.I).casefold()


# ------------------------------------------------------------------ names, years, imprint


def names_of(ref: Reference) -> tuple[Name, ...]:
    return ref.author or ref.editor


def surnames(names: Iterable[Name]) -> list[str]:
    out = []
    for name in names:
        words = fold(name.family or name.literal or name.given).split()
        if words:
            out.append(words[-1])
    return out


def year_of(date: Any) -> int | None:
    year = getattr(date, "year", None)
    return year if isinstance(year, int) else None


def publisher_words(text: str | None) -> str:
    return " ".join(w for w in fold(text).split() if w not in _GENERIC_PUBLISHER)


# ------------------------------------------------------------------ volumes

_ROMAN = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})", re.I)
_VOLUME_WORD = (r"(?:vol(?:ume)?s?\.?|v\.|bd\.?|band|tome|tom\.|teil|tl\.|part|pt\.)")
_NUMBER_WORDS = {w: i for i, w in enumerate(
    ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve"), 1)}
_NUMBER = rf"(\d+(?:\s*[-–/]\s*\d+)?|[ivxIVX]+|{'|'.join(_NUMBER_WORDS)})"
_VOLUME = re.compile(rf"(?:^|(?<=[\s,.;:(\[]))({_VOLUME_WORD})\s*{_NUMBER}(?![\w-])", re.I)


def _roman(text: str) -> int | None:
    if not text or not _ROMAN.fullmatch(text):
        return None
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    lowered = text.lower()
    for i, ch in enumerate(lowered):
        value = values[ch]
        total += -value if i + 1 < len(lowered) and values[lowered[i + 1]] > value else value
    return total or None


def volume_numbers(text: str | None) -> frozenset[int]:
    """The volume numbers of a field value: "4" {4}, "Bd. 3" {3}, "III" {3}, "1-2" {1, 2}."""
    if not text:
        return frozenset()
    digits = [int(d) for d in re.findall(r"\d+", text)]
    if digits:
        ranged = re.search(r"\d\s*[-–]\s*\d", text)
        if len(digits) == 2 and ranged and 0 < digits[1] - digits[0] < 20:
            return frozenset(range(digits[0], digits[1] + 1))
        return frozenset(digits)
    words = re.findall(r"[A-Za-z]+", text)
    numbers = {_roman(w) for w in words if w.casefold() not in {"v", "vol", "volume", "bd", "t"}}
    return frozenset(n for n in numbers if n)


def split_volume(title: str | None) -> tuple[str | None, frozenset[int]]:
    """A title without its volume designation, and the volume ("Capital, vol. 2" -> 2).

    Recognised: "Vol. 3", "Volume III", "v. 3", "Bd. 4", "Band 2", "Teil 1", "Part 2",
    "Part One".
    The title is kept whole when nothing but the designation would remain.
    """
    if not title:
        return title, frozenset()
    for match in reversed(list(_VOLUME.finditer(title))):
        number = match.group(2)
        word = _NUMBER_WORDS.get(number.casefold()) or _roman(number)
        numbers = volume_numbers(number) if any(c.isdigit() for c in number) else (
            frozenset({word}) if word else frozenset())
        if not numbers:
            continue
        head = title[:match.start()].rstrip(" ,.;:([-–—")
        tail = title[match.end():].lstrip(" .)]")
        rest = f"{head} {tail}".strip() if tail and not tail.startswith(":") else head + tail
        rest = rest.strip(" ,.;:")
        return (rest or title), numbers
    return title, frozenset()


def volumes_of(ref: Reference) -> frozenset[int]:
    """The volume a reference or record names: its ``volume`` field, else its title."""
    return volume_numbers(ref.volume) or split_volume(ref.title)[1]


def comparable_titles(a: Reference, b: Reference) -> tuple[str | None, str | None]:
    """The two titles to compare: without their volume designations when both name a volume.

    ("Capital, vol. 2" and "Capital: A Critique of Political Economy, Volume 2"
    compare as "Capital" and "Capital: A Critique …"; the volumes are compared
    apart.) When only one side names a volume the titles stay whole, so that
    "Memoirs" does not become a full match for "Memoirs, Volume 2".
    """
    if volumes_of(a) and volumes_of(b):
        return split_volume(a.title)[0], split_volume(b.title)[0]
    return a.title, b.title


# ------------------------------------------------------------------ edition words

_EDITION_PHRASES = (
    ("including", r"\bincluding\b|\bincludes\b"),
    ("abridged", r"\babridged\b|\bcondensed\b"),
    ("revised", r"\brevised\b|\brev\b"),
    ("enlarged", r"\benlarged\b|\bexpanded\b|\bupdated\b"),
    ("new introduction", r"\bwith an? (?:new )?(?:introduction|preface|foreword|afterword|"
                         r"epilogue|postscript)\b|\bnew (?:introduction|preface|foreword|"
                         r"afterword|epilogue)\b"),
    ("later edition", r"\b(?:[2-9]|1\d)(?:st|nd|rd|th) (?:ed|edn|edition)\b|\b(?:second|third|"
                      r"fourth|fifth|sixth|seventh|new|anniversary|definitive) edition\b"),
)
_EDITION_RES = tuple((name, re.compile(pattern)) for name, pattern in _EDITION_PHRASES)
_LATER_EDITION = re.compile(r"\b(?:[2-9]|1\d)(?:st|nd|rd|th)?\b|\b(?:second|third|fourth|fifth|"
                            r"sixth|rev|revised|abridged|enlarged|expanded|updated|new)\b")


def edition_words(title: str | None, edition: str | None = None) -> frozenset[str]:
    """Words of a title (or edition statement) that name a particular edition.

    "… Including the Author's Postscript", "abridged", "revised edition",
    "with a new introduction", "2nd ed." (in the title); "2nd ed.", "Rev. ed."
    in the edition statement ("1st ed." names no later edition).
    """
    folded = fold(title)
    found = {name for name, pattern in _EDITION_RES if pattern.search(folded)}
    if edition and _LATER_EDITION.search(fold(edition)):
        found.add("edition statement")
    return frozenset(found)
