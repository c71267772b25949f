"""Finding duplicates: blocking, title/author/year matching, complete linkage.

See :mod:`yalta_refs.dedupe` for the rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..formats.keys import STOPWORDS
from ..model import Library, Reference

__all__ = ["REASONS", "DuplicateGroup", "find_duplicates"]

#: Why references were found to be duplicates, strongest first.
REASONS = ("doi", "isbn", "title+author+year")

_Edge = tuple[tuple[str, float], int, int]  # ((reason, score), class a, class b)
_PART_TYPES = {"chapter", "entry", "entry-encyclopedia", "entry-dictionary", "paper-conference"}
_ARTICLES = {"the", "a", "an", "der", "die", "das", "ein", "eine", "le", "la", "les", "l", "un",
             "une", "el", "los", "las", "il", "lo"}
_ORDINALS = {word: str(number) for number, word in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
     "tenth"), 1)}
_EDITION_WORDS = {"ed", "edn", "edition", "eds", "ausg", "auflage", "aufl"}
_SUBTITLE = re.compile(r"\s*(?::|[?!](?=\s+\w)|\s[-–—]+\s)\s*")
_ELIDED = re.compile(r"[.'’ʼ]")
_NON_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"\d+")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.I)
_ISBN = re.compile(r"(?<![\dXx])(?:97[89][\s-]?(?:\d[\s-]?){9}\d|(?:\d[\s-]?){9}[\dXx])(?![\dXx])")
_CLEARLY_DIFFERENT = 60.0  # token-set similarity (0..100) below which two texts differ
_TYPO = 80.0  # similarity (0..100) of a misspelt word to the right one
_SUBTITLE_FACTOR = 0.95  # a match without one subtitle ranks below a full-title match
_MAX_BLOCK, _WINDOW = 500, 20  # larger blocks: each compared with its 20 title-sorted neighbours


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """References (positions in the library, ascending) that are one work; the first is kept."""

    indices: tuple[int, ...]
    reason: str
    score: float


def _norm(text: str | None) -> str:
    """Casefolded, accents and punctuation off, spaces collapsed."""
    if not text:
        return ""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", _ELIDED.sub("", text.casefold())).split())


def _title_forms(title: str | None) -> tuple[str, str]:
    """(full title, main title) normalised, a leading article off; main is "" without subtitle."""
    if not title:
        return "", ""
    parts = _SUBTITLE.split(title.strip(), maxsplit=1)
    full, main = _drop_article(_norm(title)), _drop_article(_norm(parts[0]))
    has_subtitle = len(parts) == 2 and bool(_norm(parts[1])) and main != full
    return full, main if has_subtitle else ""


def _drop_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first in _ARTICLES else text


def _family(ref: Reference) -> tuple[str, str]:
    """(last word of the family name, given initial) of the first author, else editor."""
    names = ref.author or ref.editor
    if not names:
        return "", ""
    name = names[0]
    words = _norm(name.literal or name.family or name.given).split()
    given = _norm(name.given) if name.family else ""
    return (words[-1] if words else ""), given[:1]


def _edition(text: str | None) -> str:
    words = [_ORDINALS.get(w, w) for w in _norm(text).split()]
    numbers = [w for w in words if w.isdigit()]
    if numbers:
        return str(int(numbers[0]))
    return " ".join(w for w in words if w not in _EDITION_WORDS)


def _isbns(text: str | None) -> frozenset[str]:
    if not text:
        return frozenset()
    from stdnum import isbn

    out: set[str] = set()
    for found in _ISBN.findall(text):
        digits = re.sub(r"[\s-]", "", found).upper()
        ten = len(digits) == 10 and isbn.is_valid(digits)
        out.add(str(isbn.to_isbn13(digits)) if ten else digits)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class _Features:
    """What matching looks at, normalised once per reference (hashable: equal ones collapse)."""

    type: str
    doi: str
    isbns: frozenset[str]
    full: str
    main: str
    family: str
    initial: str
    year: int | None
    edition: str
    volume: str
    publisher: str
    container: str

    @classmethod
    def of(cls, ref: Reference) -> _Features:
        full, main = _title_forms(ref.title)
        family, initial = _family(ref)
        doi = _DOI_PREFIX.sub("", (ref.DOI or "").strip()).casefold()
        year = ref.issued.year if ref.issued is not None else None
        return cls(ref.type, doi, _isbns(ref.ISBN), full, main, family, initial, year,
                   _edition(ref.edition), _norm(ref.volume), _norm(ref.publisher),
                   _norm(ref.container_title))

    def block_keys(self) -> set[tuple[str, str]]:
        """DOI, ISBNs, and first author (or container) with first or last main-title word."""
        who = self.family or "\0" + self.container
        keys = {("\0isbn", number) for number in self.isbns}
        keys.update((who, title.split()[i]) for title in (self.full, self.main) if title
                    for i in (0, -1))
        return keys | {("\0doi", self.doi)} if self.doi else keys


class _Matcher:
    """Pairwise matching of features under one threshold (rapidfuzz loaded once)."""

    def __init__(self, threshold: float) -> None:
        from rapidfuzz import fuzz

        self.threshold = threshold
        self.ratio: Callable[..., float] = fuzz.ratio
        self.token_set: Callable[[str, str], float] = fuzz.token_set_ratio

    def _alike(self, x: str, y: str) -> float:
        """The similarity of two normalised titles; 0 below the threshold or if numbers differ."""
        if x == y:
            return 1.0
        score = self.ratio(x, y, score_cutoff=self.threshold * 100) / 100
        # "Part 1" / "Part 2", "1917" / "1918", "History of War" / "History of Art" differ
        if not score or _NUMBER.findall(x) != _NUMBER.findall(y):
            return 0.0
        return score if self._typos_only(x.split(), y.split()) else 0.0

    def _typos_only(self, a: list[str], b: list[str]) -> bool:
        """Whether every word of one title missing from the other is a stopword or a typo."""
        only_a, only_b = set(a) - set(b), set(b) - set(a)
        return all(
            word in STOPWORDS or any(self.ratio(word, v) >= _TYPO for v in others)
            for words, others in ((only_a, only_b), (only_b, only_a))
            for word in words
        )

    def differ(self, a: str, b: str) -> bool:
        """Whether two normalised texts are both given and clearly different."""
        return bool(a and b) and a != b and self.token_set(a, b) < _CLEARLY_DIFFERENT

    def match(self, a: _Features, b: _Features) -> tuple[str, float] | None:
        """(reason, score) if ``a`` and ``b`` are duplicates, else None."""
        if a.type != b.type:
            return None
        if a.doi and a.doi == b.doi:
            found: tuple[str, float] | None = "doi", 1.0
        elif a.isbns & b.isbns and (a.type not in _PART_TYPES or self._titles(a, b)):
            found = "isbn", 1.0
        elif self._same_work_context(a, b) and (score := self._titles(a, b)) is not None:
            found = "title+author+year", score
        else:
            return None
        return None if self._vetoed(a, b) else found

    def _vetoed(self, a: _Features, b: _Features) -> bool:
        if a.doi and b.doi and a.doi != b.doi:
            return True
        if (a.edition and b.edition and a.edition != b.edition) or (
            a.volume and b.volume and a.volume != b.volume
        ):
            return True
        far = a.year is not None and b.year is not None and abs(a.year - b.year) > 1
        return far and self.differ(a.publisher, b.publisher)

    def _same_work_context(self, a: _Features, b: _Features) -> bool:
        """Same first author (or none and the same container), years close, containers alike."""
        if a.family != b.family or (a.initial and b.initial and a.initial != b.initial):
            return False
        if not a.family and a.container != b.container:
            return False
        if a.year is not None and b.year is not None and abs(a.year - b.year) > 1:
            return False
        return not self.differ(a.container, b.container)

    def _titles(self, a: _Features, b: _Features) -> float | None:
        """The similarity of the titles when they are alike, else None."""
        if not a.full or not b.full:
            return None
        score = self._alike(a.full, b.full)
        if score >= self.threshold:
            return score
        if bool(a.main) == bool(b.main):
            return None  # both or neither have a subtitle: the full titles decide
        short, long = (a, b) if b.main else (b, a)
        score = self._alike(short.full, long.main)
        strong = a.year is not None and a.year == b.year
        strong = strong and not self.differ(a.publisher, b.publisher)
        return score * _SUBTITLE_FACTOR if score >= self.threshold and strong else None


def _classes(refs: Sequence[Reference]) -> tuple[list[list[int]], list[_Features]]:
    """Positions grouped by equal features (first occurrence order), and each group's features."""
    by_features: dict[_Features, list[int]] = {}
    for index, ref in enumerate(refs):
        by_features.setdefault(_Features.of(ref), []).append(index)
    return list(by_features.values()), list(by_features)


def _candidate_pairs(reps: Sequence[_Features]) -> set[tuple[int, int]]:
    """Pairs (a < b) sharing a block; a block over _MAX_BLOCK compares title-sorted neighbours."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for cls, feats in enumerate(reps):
        for key in feats.block_keys():
            blocks[key].append(cls)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        window = len(members)
        if window > _MAX_BLOCK:
            members, window = sorted(members, key=lambda c: reps[c].full), _WINDOW
        for pos, first in enumerate(members):
            pairs.update(_ordered(first, second) for second in members[pos + 1 : pos + 1 + window])
    return pairs


def _ordered(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


class _Linker:
    """Complete-linkage union of classes: two components join only if all their members match."""

    def __init__(self, reps: Sequence[_Features], matcher: _Matcher, edges: list[_Edge]) -> None:
        self.reps, self.matcher = reps, matcher
        self.component = list(range(len(reps)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(reps))}
        self.links: dict[int, list[tuple[str, float]]] = defaultdict(list)
        self._cache: dict[tuple[int, int], tuple[str, float] | None] = {
            (a, b): edge for edge, a, b in edges
        }

    def match(self, a: int, b: int) -> tuple[str, float] | None:
        key = _ordered(a, b)
        if key not in self._cache:
            self._cache[key] = self.matcher.match(self.reps[key[0]], self.reps[key[1]])
        return self._cache[key]

    def link(self, a: int, b: int, edge: tuple[str, float]) -> None:
        ca, cb = self.component[a], self.component[b]
        if ca == cb:
            return
        if any(self.match(x, y) is None for x in self.members[ca] for y in self.members[cb]):
            return
        keep, gone = min(ca, cb), max(ca, cb)
        for member in self.members.pop(gone):
            self.component[member] = keep
            self.members[keep].append(member)
        self.links[keep] += [*self.links.pop(gone, []), edge]


def _weakest(links: Iterable[tuple[str, float]]) -> tuple[str, float]:
    return max(links, key=lambda link: (REASONS.index(link[0]), -link[1]))


def find_duplicates(library: Library, *, threshold: float = 0.9) -> list[DuplicateGroup]:
    """Groups of references in ``library`` that are the same work, in library order.

    References with equal features form one node (they match each other unless
    they have neither title nor identifier, and then they match nothing). A
    group's ``reason`` and ``score`` are those of its weakest link.
    """
    if not 0 < threshold <= 1:
        raise ConfigError(f"the duplicate threshold must be in (0, 1], not {threshold}")
    classes, reps = _classes(library.references)
    matcher = _Matcher(threshold)
    edges = [(e, a, b) for a, b in _candidate_pairs(reps) if (e := matcher.match(reps[a], reps[b]))]
    edges.sort(key=lambda e: (REASONS.index(e[0][0]), -e[0][1], e[1], e[2]))
    linker = _Linker(reps, matcher, edges)
    for edge, a, b in edges:
        linker.link(a, b, edge)
    groups: list[DuplicateGroup] = []
    for root, members in linker.members.items():
        links = list(linker.links.get(root, []))
        for cls in members:
            if len(classes[cls]) > 1 and (same := linker.match(cls, cls)):
                links.append(same)
        if links:
            indices = tuple(sorted(i for cls in members for i in classes[cls]))
            groups.append(DuplicateGroup(indices, *_weakest(links)))
    return sorted(groups, key=lambda g: g.indices)
