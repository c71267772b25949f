"""Scoring one catalog record against a reference (see :mod:`yalta_refs.enrich.match`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ...model import Reference
from ..types import Candidate
from .text import (
    comparable_titles,
    doi_key,
    edition_words,
    fold,
    isbn13,
    isbn_set,
    names_of,
    normalize_title,
    publisher_words,
    surnames,
    volume_numbers,
    volumes_of,
    year_of,
)

__all__ = ["FAMILIES", "Score", "score_candidate"]

_WEIGHTS = {"title": 0.45, "author": 0.25, "year": 0.15, "publisher": 0.10, "container": 0.10,
            "type": 0.05}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBER = re.compile(r"\d+")
_REVIEW_TYPES = frozenset({"review", "review-book", "book-review", "peer-review"})
_REVIEW_TITLE = re.compile(r"^(?:book\s+)?reviews?\b|^reviewed\s+works?\b|^rev\b")
FAMILIES: Mapping[str, str] = {
    **dict.fromkeys(("book", "report", "thesis", "manuscript", "classic", "map",
                     "edited-book", "monograph", "reference-book"), "book"),
    **dict.fromkeys(("article-journal", "article-magazine", "article-newspaper", "article",
                     "journal-article"), "periodical"),
    **dict.fromkeys(("chapter", "entry", "entry-encyclopedia", "entry-dictionary",
                     "paper-conference", "book-chapter"), "part"),
}
_WILDCARD_TYPES = frozenset({"", "document", "other"})
_TITLE_STOPWORDS = _words("a an and the of in on to for with its at by from de la le et und der "
                          "die das")
#: words that, alone, do not name a work: a reference titled only so is no short title
_COMMON_TITLE_WORDS = _words(
    "poems poetry essays essay introduction letters letter works collected selected complete "
    "memoirs memoir diaries diary journal journals notes papers writings speeches stories tales "
    "plays lectures sermons history histories autobiography biography life selections works "
    "correspondence documents studies proceedings report reports dictionary encyclopedia guide "
    "handbook manual reader anthology remarks reflections observations fragments miscellanies "
    "tracts treatises treatise sketches travels voyages recollections reminiscences"
)
#: a short title is no prefix of a title that goes on with one of these ("Lenin and …")
_CONTINUATIONS = _words("and or of in on to for with at by from after before since under "
                        "against between versus vs as &")
#: the title score of a short title ("Tractatus" for "Tractatus logico-philosophicus")
SHORT_TITLE = 0.9


@dataclass(frozen=True, slots=True)
class Score:
    """How well one candidate fits: total 0..1, components, reasons, a veto."""

    total: float
    components: Mapping[str, float] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    veto: str | None = None
    same_edition: bool = False
    identifier: bool = False
    #: the record is the book that contains the reference (a chapter)
    container_match: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "total": round(self.total, 4),
            "components": {k: round(v, 4) for k, v in self.components.items()},
            "reasons": list(self.reasons),
            "same_edition": self.same_edition,
        }
        if self.container_match:
            out["container_match"] = True
        if self.veto:
            out["veto"] = self.veto
        return out


# ------------------------------------------------------------------ components


def _similar(a: str, b: str) -> float:
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) / 100.0


def _odd_words(a: str, b: str) -> list[str]:
    """Words of either title with no counterpart (equal or a likely misspelling) in the other."""
    words_a, words_b = set(a.split()) - _TITLE_STOPWORDS, set(b.split()) - _TITLE_STOPWORDS
    odd = [w for w in words_a - words_b if not any(fuzz.ratio(w, v) >= 70 for v in words_b)]
    return odd + [w for w in words_b - words_a if not any(fuzz.ratio(w, v) >= 70
                                                          for v in words_a)]


def _short_title(short: str, long: str) -> bool:
    """``short`` is a whole-word prefix of ``long`` that can stand for it.

    Not when ``short`` is only common words ("Poems", "Collected Essays") or
    ``long`` goes on with a conjunction or preposition ("Lenin and the …").
    """
    words, longer = short.split(), long.split()
    if not words or len(longer) <= len(words) or longer[:len(words)] != words:
        return False
    if all(w in _COMMON_TITLE_WORDS or w in _TITLE_STOPWORDS or w.isdigit() for w in words):
        return False
    return longer[len(words)] not in _CONTINUATIONS


def _title(ref: Reference, cand: Reference) -> tuple[float | None, str, bool]:
    """(score, reason, short title used) for the titles (see :func:`comparable_titles`)."""
    ref_title, cand_title = comparable_titles(ref, cand)
    ref_full, ref_main = normalize_title(ref_title)
    cand_full, cand_main = normalize_title(cand_title)
    if not ref_full or not cand_full:
        return None, "no title to compare", False
    pairs = [(1.0, ref_full, cand_full, "title")]
    if not ref_main and cand_main:
        pairs.append((1.0, ref_full, cand_main, "title matches the record's main title"))
    if ref_main and not cand_main:
        pairs.append((0.95, ref_main, cand_full, "record lacks the subtitle"))
    best, a, b, how = max(((f * _similar(x, y), x, y, h) for f, x, y, h in pairs),
                          key=lambda p: p[0])
    odd = _odd_words(a, b)
    if odd:  # "History of the Second World War" / "… First World War"
        best, how = min(best, 0.6), f"words differ ({', '.join(sorted(odd)[:4])}):"
    ref_numbers, cand_numbers = set(_NUMBER.findall(a)), set(_NUMBER.findall(b))
    if ref_numbers and cand_numbers and not (ref_numbers <= cand_numbers
                                             or cand_numbers <= ref_numbers):
        best, how = best * 0.7, "numbers in the titles differ"
    if best < SHORT_TITLE and not ref_main and _short_title(ref_full, cand_main or cand_full):
        return SHORT_TITLE, f"short title of the record's title {SHORT_TITLE:.2f}", True
    return best, f"{how} {best:.2f}", False


def _author(ref: Reference, cand: Reference) -> tuple[float | None, str]:
    mine, theirs = surnames(names_of(ref)), surnames(names_of(cand))
    if not mine or not theirs:
        return None, "no names to compare"
    found = sum(1 for s in mine if any(fuzz.ratio(s, t) >= 85 for t in theirs))
    share = found / len(mine)
    return share, f"{found}/{len(mine)} surnames shared"


def _tolerated_years(ref: Reference) -> tuple[int, int] | None:
    year = year_of(ref.issued)
    if year is None:
        return None
    original = year_of(ref.original_date)
    if original is not None:
        return min(original, year) - 1, year + 1
    if ref.edition:
        return year - 60, year + 1
    return None


def _year_component(ref: Reference, cand: Candidate) -> tuple[float | None, str, bool]:
    """(score, reason, far off) for the years."""
    mine, theirs = year_of(ref.issued), year_of(cand.reference.issued)
    if mine is None or theirs is None:
        return None, "no year to compare", False
    diff = abs(mine - theirs)
    if diff == 0:
        return 1.0, "same year", False
    if diff == 1:
        return 0.85, "years one apart", False
    tolerated = _tolerated_years(ref)
    if tolerated and tolerated[0] <= theirs <= tolerated[1]:
        return 0.7, f"year {theirs} within the original/edition range", False
    if cand.level == "work" and theirs < mine:
        return 0.7, f"work first published {theirs}", False
    return max(0.0, 0.5 - 0.05 * diff), f"years {diff} apart", True


def _publisher(ref: Reference, cand: Reference) -> tuple[float | None, str]:
    mine, theirs = publisher_words(ref.publisher), publisher_words(cand.publisher)
    if not mine or not theirs:
        return None, "no publisher to compare"
    sim = max(fuzz.token_set_ratio(mine, theirs), fuzz.partial_ratio(mine, theirs)) / 100.0
    return sim, f"publisher {sim:.2f}"


def _abbreviates(short: str, long: str) -> bool:
    """Each word of ``short`` starts the corresponding word of ``long`` ("J Mod Hist")."""
    a, b = short.split(), [w for w in long.split() if w not in {"of", "the", "and", "for"}]
    return len(a) == len(b) and all(y.startswith(x) for x, y in zip(a, b, strict=True))


def _container(ref: Reference, cand: Reference) -> tuple[float | None, str]:
    mine, theirs = fold(ref.container_title), fold(cand.container_title)
    if not mine or not theirs:
        return None, "no container to compare"
    sim = fuzz.token_set_ratio(mine, theirs) / 100.0
    if _abbreviates(mine, theirs) or _abbreviates(theirs, mine):
        sim = 1.0
    return sim, f"container {sim:.2f}"


def _type(ref: Reference, cand: Reference) -> tuple[float | None, str | None]:
    """(score, veto) for the types."""
    mine, theirs = ref.type or "", cand.type or ""
    if theirs in _REVIEW_TYPES and mine not in _REVIEW_TYPES:
        return 0.0, f"the record is a review ({theirs})"
    if mine in _WILDCARD_TYPES or theirs in _WILDCARD_TYPES:
        return None, None
    if mine == theirs:
        return 1.0, None
    family_a, family_b = FAMILIES.get(mine), FAMILIES.get(theirs)
    if family_a and family_b and family_a != family_b:
        return 0.0, f"a {theirs} record for a {mine}"
    return 0.6, None


def _looks_like_review(ref: Reference, cand: Reference) -> bool:
    if ref.type in _REVIEW_TYPES:
        return False
    full = fold(cand.title)
    if _REVIEW_TITLE.search(full) or (cand.genre and "review" in cand.genre.casefold()):
        return True
    # "The Cossacks: An Illustrated History. By John Ure. Penguin, 2002. 300 pp."
    ref_full, _ = normalize_title(ref.title)
    rest = full.partition(ref_full)[2] if ref_full and ref_full in full else ""
    return bool(re.search(r"\b(?:by|edited by|pp|isbn)\b", rest)) or bool(
        re.search(r"\b\d+\s*pp\b", full))


# ------------------------------------------------------------------ identity facts


def _show(numbers: frozenset[int]) -> str:
    return "-".join(str(n) for n in sorted(numbers)) if len(numbers) > 1 else str(min(numbers))


def _pages(text: str | None) -> tuple[int, int] | None:
    """(first, last) page of a page field ("623–656", "623"); None without a number."""
    numbers = [int(n) for n in re.findall(r"\d+", text or "")[:2]]
    if not numbers:
        return None
    first, last = numbers[0], numbers[-1]
    if last < first:  # "623-56"
        digits = str(last)
        last = int(str(first)[: len(str(first)) - len(digits)] + digits)
    return first, max(first, last)


def _identity(ref: Reference, cand: Reference) -> tuple[str | None, list[str]]:
    """(veto, reasons) from the volume, issue and pages: facts that tell two parts apart.

    A volume named on both sides (the field, or "Vol. 3" in a title) must
    agree; for articles and other parts the issue must agree and the
    reference's pages lie within the record's ("623-656" is not "379-423").
    """
    reasons = []
    mine, theirs = volumes_of(ref), volumes_of(cand)
    if mine and theirs:
        if not mine & theirs:
            return f"volume {_show(theirs)}, not the reference's volume {_show(mine)}", []
        reasons.append(f"volume {_show(mine)}")
    if FAMILIES.get(ref.type or "", "book") == "book":
        return None, reasons
    issue_a, issue_b = volume_numbers(ref.issue), volume_numbers(cand.issue)
    if issue_a and issue_b:
        if not issue_a & issue_b:
            return f"issue {cand.issue}, not the reference's issue {ref.issue}", []
        reasons.append(f"issue {ref.issue}")
    pages_a, pages_b = _pages(ref.page), _pages(cand.page)
    if pages_a and pages_b:
        within = pages_b[0] <= pages_a[0] <= pages_b[1] and pages_a[1] <= pages_b[1]
        if not (within or pages_a[0] == pages_b[0]):
            return f"pages {cand.page}, not the reference's pages {ref.page}", []
        reasons.append(f"pages {ref.page}")
    return None, reasons


def _another_edition(ref: Reference, cand: Reference) -> str | None:
    """Why the record is, by its title or edition statement, another edition than the reference's.

    Only when the years differ: "The Name of the Rose: Including the Author's
    Postscript" (1984) is not the 1983 first edition.
    """
    mine, theirs = year_of(ref.issued), year_of(cand.issued)
    if mine is None or theirs is None or mine == theirs:
        return None
    extra = edition_words(cand.title, cand.edition) - edition_words(ref.title, ref.edition)
    if not extra:
        return None
    return f"the record names another edition ({', '.join(sorted(extra))}, {theirs})"


# ------------------------------------------------------------------ scoring


def _identifier(ref: Reference, cand: Candidate) -> tuple[bool, str | None, str]:
    """(identifier shared, veto, reason) from ISBNs and DOIs."""
    ref_isbns = isbn_set(ref.ISBN)
    cand_isbns = {isbn13(i) for i in cand.isbns} | isbn_set(cand.reference.ISBN)
    cand_isbns.discard("")
    mine_doi, their_doi = doi_key(ref.DOI), doi_key(cand.reference.DOI)
    if mine_doi and their_doi:
        if mine_doi == their_doi:
            return True, None, "same DOI"
        return False, f"the record has another DOI ({their_doi})", ""
    if ref_isbns and cand_isbns:
        if ref_isbns & cand_isbns:
            return True, None, "same ISBN"
        if cand.level == "edition":
            return False, "the record does not carry the reference's ISBN", ""
    return False, None, ""


def _weighted(parts: Mapping[str, float]) -> float:
    weight = sum(_WEIGHTS[k] for k in parts)
    return sum(_WEIGHTS[k] * v for k, v in parts.items()) / weight if weight else 0.0


def _veto(parts: Mapping[str, float], type_veto: str | None, id_veto: str | None,
          review: bool, identity_veto: str | None) -> str | None:
    if type_veto:
        return type_veto
    if review:
        return "the record is a review of the work"
    if id_veto:
        return id_veto
    if "title" not in parts:
        return "no title to compare"
    title, author = parts["title"], parts.get("author")
    if author == 0.0:
        return "no author surname shared"
    if author is not None and title < 0.9 and author < 0.75:
        return "title and authors would both change"
    return identity_veto


def _same_edition(ref: Reference, cand: Candidate, parts: Mapping[str, float],
                  identified: bool) -> bool:
    if cand.level != "edition":
        return False
    if identified:
        return True
    if isbn_set(ref.ISBN):  # the reference names its edition: only that ISBN confirms it
        return False
    if parts.get("year", 1.0) < 0.85:
        return False
    return parts.get("publisher", 1.0) >= 0.6


def _book_of(ref: Reference) -> Reference:
    """The book a chapter is in, as a reference to compare book records with."""
    return Reference(type="book", title=ref.container_title,
                     author=ref.container_author or ref.editor, editor=ref.editor,
                     issued=ref.issued, original_date=ref.original_date, edition=ref.edition,
                     publisher=ref.publisher, publisher_place=ref.publisher_place, ISBN=ref.ISBN,
                     volume=ref.volume)


def score_candidate(ref: Reference, cand: Candidate) -> Score:
    """Score ``cand`` against ``ref`` (see :mod:`yalta_refs.enrich.match` for the rules).

    A book record for a chapter is compared with the chapter's book (its
    container title, editors, imprint): ``container_match`` is then set.
    """
    if (FAMILIES.get(ref.type) == "part" and ref.container_title
            and FAMILIES.get(cand.reference.type) == "book"):
        book = _score(_book_of(ref), cand)
        return Score(book.total, book.components, (*book.reasons, "record of the containing book"),
                     book.veto, book.same_edition, book.identifier, container_match=True)
    return _score(ref, cand)


def _score(ref: Reference, cand: Candidate) -> Score:
    other = cand.reference
    parts: dict[str, float] = {}
    reasons: list[str] = []
    title, reason, short = _title(ref, other)
    reasons.append(reason)
    if title is not None:
        parts["title"] = title
    author, reason = _author(ref, other)
    reasons.append(reason)
    if author is not None:
        parts["author"] = author
    year, reason, far = _year_component(ref, cand)
    reasons.append(reason)
    if year is not None:
        parts["year"] = year
    if short and (author != 1.0 or year is None or far):
        # a short title stands for the record's only with the same authors and a close year
        parts["title"] = min(parts["title"], 0.6)
        reasons.append("short title without the same authors and year")
    venue = ("publisher", _publisher(ref, other)) if FAMILIES.get(ref.type, "book") == "book" \
        else ("container", _container(ref, other))
    if venue[1][0] is not None:
        parts[venue[0]] = venue[1][0]
    reasons.append(venue[1][1])
    type_score, type_veto = _type(ref, other)
    if type_score is not None:
        parts["type"] = type_score
    identity_veto, identity = _identity(ref, other)
    reasons += identity
    identified, id_veto, id_reason = _identifier(ref, cand)
    total = _weighted(parts)
    if far:
        total = min(total, 0.7)
    if identified and parts.get("title", 1.0) >= 0.7:
        total = max(total, 0.95)
        reasons.append(id_reason)
    if not ({"author", "year"} & parts.keys()) and not identified:
        total = min(total, 0.8)
        reasons.append("only the title to go by")
    veto = _veto(parts, type_veto, id_veto, _looks_like_review(ref, other), identity_veto)
    same = veto is None and _same_edition(ref, cand, parts, identified)
    if same and not identified and (edition := _another_edition(ref, other)):
        same = False
        reasons.append(edition)
    return Score(total, parts, tuple(reasons), veto, same, identified)
