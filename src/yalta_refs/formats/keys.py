"""Citation keys: readable, deterministic and unique within a library.

By default a generated key is ``<name><year><word>``, e.g. ``polian2004against``:

* ``name``: the family name of the first author (else editor, else
  translator); for a literal (corporate) name its first significant word; with
  no names at all, the first significant title word (and ``word`` is then the
  second one);
* ``year``: the year issued, or ``nd``;
* ``word``: the first significant title word (articles, prepositions and
  conjunctions of the common western languages are skipped).

Every part is folded to ASCII (NFKD, combining marks dropped, a few letters
such as ``ß`` or ``ł`` transliterated), lowercased, and reduced to ``[a-z0-9]``.

Key patterns
------------

The default is the pattern :data:`DEFAULT_KEY_PATTERN`, ``{auth}{year}{title}``.
:func:`make_key` and :func:`assign_keys` take another one, in the spirit of
Better BibTeX and JabRef: placeholders in braces, anything else literal text.

* ``{auth}``: the family name of the first author (else editor, else
  translator), all its words run together: ``sebagmontefiore``;
* ``{Auth}``: the same, each word capitalised: ``SebagMontefiore``;
* ``{authors}``: the families of the first two names, then ``etal`` when there
  are more: ``smithjonesetal``;
* ``{Authors}``: the same capitalised, then ``EtAl``: ``SmithJonesEtAl``;
* ``{year}``: the year issued, or ``nd``;
* ``{title}``: the first significant title word: ``stalin``;
* ``{Title}``: the same, capitalised: ``Stalin``;
* ``{shorttitle}``: the first three significant title words: ``stalincourtred``;
* ``{ShortTitle}``: the same, each capitalised: ``StalinCourtRed``.

A lowercase placeholder gives lowercase ``[a-z0-9]``; a capitalised one
capitalises each word. When a reference has no names at all, a name
placeholder takes the first significant title word and the title placeholders
start from the next one (``secret1978betrayal``). Literal text may use any
printable ASCII character allowed in a BibTeX key (not ``,{}()"#%'=\\@~``),
e.g. ``{auth}:{year}``. An unknown placeholder, an unbalanced brace or a forbidden
literal character raises :class:`~yalta_refs.errors.ConfigError`; a pattern
that renders empty for some reference gives ``ref``.

:func:`assign_keys` keeps an id that is already set, unique (case-insensitively:
BibTeX warns about keys differing only in case) and usable as a BibTeX key,
whatever the pattern; when an imported id occurs twice, the first reference
keeps it. The other references get generated keys, suffixed Better-BibTeX
style when they collide: ``smith2001history``, ``smith2001historya``,
``smith2001historyb`` ... With ``keep_ids=False`` every key is generated (to
re-key cleaned text, whose keys the pipeline already made with the default).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ConfigError
from ..model import Library, Name, Reference

__all__ = [
    "DEFAULT_KEY_PATTERN",
    "KEY_PLACEHOLDERS",
    "STOPWORDS",
    "assign_keys",
    "check_key_pattern",
    "fold_ascii",
    "is_valid_key",
    "make_key",
]

#: The pattern of the keys generated when none is given (``polian2004against``).
DEFAULT_KEY_PATTERN = "{auth}{year}{title}"

#: The key pattern placeholders and what each gives.
KEY_PLACEHOLDERS: dict[str, str] = {
    "auth": "family name of the first author (else editor, translator), lowercase",
    "Auth": "family name of the first author, each word capitalised",
    "authors": "families of the first two authors, 'etal' when there are more",
    "Authors": "families of the first two authors capitalised, 'EtAl' when there are more",
    "year": "the year issued, or 'nd'",
    "title": "the first significant title word",
    "Title": "the first significant title word, capitalised",
    "shorttitle": "the first three significant title words",
    "ShortTitle": "the first three significant title words, each capitalised",
}
_NAME_PLACEHOLDERS = frozenset({"auth", "Auth", "authors", "Authors"})
_EMPTY_KEY = "ref"

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
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@lru_cache(maxsize=65_536)
def fold_ascii(text: str) -> str:
    """``text`` folded to lowercase ``[a-z0-9]`` ("Ö" -> "o", "Łódź" -> "lodz"); cached,
    as a reading list folds the same title words again and again.

    Letters of other scripts are transliterated (anyascii): "Иванова" -> "ivanova",
    "王俊翰" -> "wangjunhan", as Better BibTeX does, rather than dropped, which left
    such a reference a key of its year alone."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    if not decomposed.isascii():
        decomposed = "".join(_transliterate(ch) for ch in decomposed)
    return "".join(ch for ch in decomposed.lower() if ch.isalnum() and ch.isascii())


def _transliterate(ch: str) -> str:
    if ch.isascii():
        return ch
    if unicodedata.combining(ch):
        return ""  # the accent NFKD split off
    from anyascii import anyascii

    return str(anyascii(ch))


#: Chinese characters and kana: a title in them has no spaces, so each character
#: counts as a word of the key ("新型コロナ…" gives "xin", not the whole title)
_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _significant_words(text: str | None) -> Iterator[str]:
    for word in _WORD.findall(_CJK_CHARS.sub(lambda m: f" {m.group(0)} ", text or "")):
        folded = fold_ascii(word)
        if folded and folded not in STOPWORDS:
            yield folded


def _name_part(name: Name) -> str:
    if name.literal is not None:
        return next(_significant_words(name.literal), "")
    return fold_ascii(name.family or "") or fold_ascii(name.given or "")


def _capitalised_name_part(name: Name) -> str:
    """:func:`_name_part` with each word capitalised ("O'Brien-Smith" -> "OBrienSmith")."""
    if name.literal is not None:
        return _name_part(name).capitalize()
    text = name.family if fold_ascii(name.family or "") else name.given
    words = "".join(fold_ascii(word).capitalize() for word in _WORD.findall(text or ""))
    return words or _name_part(name).capitalize()


def _key_names(ref: Reference) -> tuple[Name, ...]:
    """The names of the first role (author, editor, translator) whose first name has a part."""
    for names in (ref.author, ref.editor, ref.translator):
        if names and _name_part(names[0]):
            return names
    return ()


@dataclass(frozen=True, slots=True)
class _KeyData:
    """What the placeholders of one reference are made of."""

    names: tuple[Name, ...]
    borrowed: str  # the title word standing in for the name when there are no names
    title: tuple[str, ...]  # significant title words, folded (after ``borrowed``)
    year: str

    @classmethod
    def of(cls, ref: Reference, *, borrow: bool) -> _KeyData:
        names = _key_names(ref)
        title = tuple(_significant_words(ref.title))
        borrowed = ""
        if borrow and not names and title:
            borrowed, title = title[0], title[1:]
        year = ref.issued.year if ref.issued is not None else None
        year_part = fold_ascii(str(year)) if year is not None else ""
        return cls(names, borrowed, title, year_part or "nd")


def _authors(data: _KeyData, part: Callable[[Name], str], etal: str) -> str:
    if not data.names:
        return part(Name(literal=data.borrowed)) if data.borrowed else ""
    text = "".join(part(name) for name in data.names[:2])
    return text + etal if len(data.names) > 2 else text


def _first_name(data: _KeyData, part: Callable[[Name], str]) -> str:
    return part(data.names[0]) if data.names else part(Name(literal=data.borrowed))


_RENDERERS: dict[str, Callable[[_KeyData], str]] = {
    "auth": lambda d: _first_name(d, _name_part),
    "Auth": lambda d: _first_name(d, _capitalised_name_part),
    "authors": lambda d: _authors(d, _name_part, "etal"),
    "Authors": lambda d: _authors(d, _capitalised_name_part, "EtAl"),
    "year": lambda d: d.year,
    "title": lambda d: "".join(d.title[:1]),
    "Title": lambda d: "".join(word.capitalize() for word in d.title[:1]),
    "shorttitle": lambda d: "".join(d.title[:3]),
    "ShortTitle": lambda d: "".join(word.capitalize() for word in d.title[:3]),
}


def _check_literal(text: str, pattern: str) -> None:
    if "{" in text or "}" in text:
        raise ConfigError(f"key pattern {pattern!r} has an unbalanced brace")
    bad = _BAD_KEY_CHARS.search(text) or re.search(r"[^\x21-\x7e]", text)
    if bad:
        raise ConfigError(f"key pattern {pattern!r}: {bad.group()!r} cannot be in a BibTeX key")


@lru_cache(maxsize=64)
def _compile(pattern: str) -> tuple[tuple[bool, str], ...]:
    """``pattern`` as (is placeholder, text) parts; :class:`ConfigError` if it is invalid."""
    if not pattern:
        raise ConfigError("the key pattern is empty")
    parts: list[tuple[bool, str]] = []
    end = 0
    for match in _PLACEHOLDER.finditer(pattern):
        parts.append((False, pattern[end : match.start()]))
        name = match.group(1)
        if name not in _RENDERERS:
            known = ", ".join(f"{{{key}}}" for key in KEY_PLACEHOLDERS)
            raise ConfigError(f"unknown key placeholder {{{name}}}; known: {known}")
        parts.append((True, name))
        end = match.end()
    parts.append((False, pattern[end:]))
    for is_field, text in parts:
        if not is_field:
            _check_literal(text, pattern)
    return tuple(part for part in parts if part[1])


def check_key_pattern(pattern: str) -> str:
    """``pattern`` itself if it is a valid key pattern, else :class:`ConfigError`."""
    _compile(pattern)
    return pattern


def make_key(ref: Reference, pattern: str | None = None) -> str:
    """The generated (unsuffixed) key of ``ref`` under ``pattern``.

    With the default pattern the key always matches ``[a-z0-9]+``; with any
    pattern it is a non-empty, valid BibTeX key.
    """
    parts = _compile(DEFAULT_KEY_PATTERN if pattern is None else pattern)
    borrow = any(is_field and text in _NAME_PLACEHOLDERS for is_field, text in parts)
    data = _KeyData.of(ref, borrow=borrow)
    key = "".join(_RENDERERS[text](data) if is_field else text for is_field, text in parts)
    return key or _EMPTY_KEY


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


def assign_keys(
    library: Library, pattern: str | None = None, *, keep_ids: bool = True
) -> Library:
    """A copy of ``library`` in which every reference has a unique, valid id.

    Ids already set, valid and unique are kept (unless ``keep_ids`` is false:
    then every key is generated, e.g. to re-key cleaned text whose keys were
    generated with the default pattern); the others are generated from
    ``pattern`` (default :data:`DEFAULT_KEY_PATTERN`), which is checked first
    even when no key has to be generated.
    """
    if pattern is not None:
        check_key_pattern(pattern)
    refs_in = library.references
    kept = _kept_ids(refs_in) if keep_ids else [None] * len(refs_in)
    taken = {key.casefold() for key in kept if key is not None}
    refs: list[Reference] = []
    for ref, keep in zip(refs_in, kept, strict=True):
        if keep is not None:
            refs.append(ref)
            continue
        key = _unique(make_key(ref, pattern), taken)
        taken.add(key.casefold())
        refs.append(ref.with_fields(id=key))
    return library.with_references(refs)
