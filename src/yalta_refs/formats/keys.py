"""Citation keys: readable, deterministic and unique within a library.

A generated key is ``<name><year><word>``, e.g. ``polian2004against``:

* ``name``: the family name of the first author (else editor, else
  translator); for a literal (corporate) name its first significant word; with
  no names at all, the first significant title word (and ``word`` is then the
  second one);
* ``year``: the year issued, or ``nd``;
* ``word``: the first significant title word (articles, prepositions and
  conjunctions of the common western languages are skipped).

Every part is folded to ASCII (NFKD, combining marks dropped, a few letters
such as ``ß`` or ``ł`` transliterated), lowercased, and reduced to ``[a-z0-9]``.

:func:`assign_keys` keeps an id that is already set, unique (case-insensitively:
BibTeX warns about keys differing only in case) and usable as a BibTeX key;
when an imported id occurs twice, the first reference keeps it. The other
references get generated keys, suffixed Better-BibTeX style when they collide:
``smith2001history``, ``smith2001historya``, ``smith2001historyb`` ...
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from ..model import Library, Name, Reference

__all__ = ["STOPWORDS", "assign_keys", "fold_ascii", "is_valid_key", "make_key"]

#: Title words never used as the key's word (compared after ASCII folding).


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _wordset(
    """
    a an the of on in and or to for at by with from into as is
    der die das des dem den ein eine einer eines und im am zum zur von vom zu
    le la les l un une du de d et au aux en sur
    el los las lo y del al con por para
    il lo gli i uno una e di da dei della delle degli nel per
    o os as um uma do dos das no na em
    het een van
    """
)

# Letters NFKD does not decompose into an ASCII base letter.
_TRANSLIT = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
        "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h",
    }
)

_WORD = re.compile(r"[^\W_]+")
# Characters that break a BibTeX/biber key, plus whitespace.
_BAD_KEY_CHARS = re.compile(r"[\s,{}()\"#%'=\\@~]")


def fold_ascii(text: str) -> str:
    """``text`` folded to lowercase ``[a-z0-9]`` ("Ö" -> "o", "Łódź" -> "lodz")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return "".join(ch for ch in ascii_text if ch.isalnum())


def _significant_words(text: str | None) -> Iterator[str]:
    for word in _WORD.findall(text or ""):
        folded = fold_ascii(word)
        if folded and folded not in STOPWORDS:
            yield folded


def _name_part(name: Name) -> str:
    if name.literal is not None:
        return next(_significant_words(name.literal), "")
    return fold_ascii(name.family or "") or fold_ascii(name.given or "")


def _first_name_part(ref: Reference) -> str:
    for names in (ref.author, ref.editor, ref.translator):
        for name in names[:1]:
            part = _name_part(name)
            if part:
                return part
    return ""


def make_key(ref: Reference) -> str:
    """The generated (unsuffixed) key of ``ref``; always matches ``[a-z0-9]+``."""
    title_words = list(_significant_words(ref.title))
    name = _first_name_part(ref)
    if not name and title_words:
        name = title_words.pop(0)
    year = ref.issued.year if ref.issued is not None else None
    year_part = str(year) if year is not None else "nd"
    word = title_words[0] if title_words else ""
    return f"{name}{fold_ascii(year_part) or 'nd'}{word}"


def is_valid_key(key: str) -> bool:
    """Whether ``key`` can be kept as a citation key (non-empty, BibTeX-safe)."""
    return bool(key) and not _BAD_KEY_CHARS.search(key)


def _suffixes() -> Iterator[str]:
    """"", "a" .. "z", "aa" .. "az", "ba" .. (Better BibTeX disambiguation)."""
    yield ""
    letters = "abcdefghijklmnopqrstuvwxyz"
    length = 1
    while True:
        for index in range(26**length):
            chars = []
            for _ in range(length):
                index, rest = divmod(index, 26)
                chars.append(letters[rest])
            yield "".join(reversed(chars))
        length += 1


def _kept_ids(refs: Iterable[Reference]) -> list[str | None]:
    """Per reference, the id it keeps (first valid occurrence wins) or None."""
    seen: set[str] = set()
    kept: list[str | None] = []
    for ref in refs:
        folded = ref.id.casefold()
        if is_valid_key(ref.id) and folded not in seen:
            seen.add(folded)
            kept.append(ref.id)
        else:
            kept.append(None)
    return kept


def _unique(base: str, taken: set[str]) -> str:
    for suffix in _suffixes():  # pragma: no branch - the generator is endless
        key = base + suffix
        if key.casefold() not in taken:
            return key
    raise AssertionError("unreachable")  # pragma: no cover


def assign_keys(library: Library) -> Library:
    """A copy of ``library`` in which every reference has a unique, valid id."""
    kept = _kept_ids(library.references)
    taken = {key.casefold() for key in kept if key is not None}
    refs: list[Reference] = []
    for ref, keep in zip(library.references, kept, strict=True):
        if keep is not None:
            refs.append(ref)
            continue
        key = _unique(make_key(ref), taken)
        taken.add(key.casefold())
        refs.append(ref.with_fields(id=key))
    return library.with_references(refs)
