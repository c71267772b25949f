"""Deciding which candidate, if any, is the reference's record.

See :mod:`yalta_refs.enrich.match` for the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ...model import Reference
from ..types import Candidate
from .score import Score, score_candidate
from .text import (
    comparable_titles,
    doi_key,
    isbn13,
    names_of,
    normalize_title,
    publisher_words,
    surnames,
    volumes_of,
    year_of,
)

__all__ = [
    "DEFAULT_MARGIN",
    "DEFAULT_MIN_SCORE",
    "Decision",
    "Rejection",
    "choose",
    "other_work",
]

DEFAULT_MIN_SCORE = 0.85
DEFAULT_MARGIN = 0.05

#: vetoes meaning the record is another work (not another edition of the reference's)
_OTHER_WORK_VETOES = ("no author surname shared", "title and authors would both change")


@dataclass(frozen=True, slots=True)
class Rejection:
    """A candidate that was not accepted, and why."""

    candidate: Candidate
    score: Score
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.candidate.source, "record": self.candidate.record,
                "title": self.candidate.reference.title, "score": round(self.score.total, 4),
                "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of matching: the accepted candidate (if any), its companions, the rest."""

    accepted: Candidate | None
    score: Score | None
    rejected: tuple[Rejection, ...] = ()
    #: other candidates describing the same edition as the accepted one
    companions: tuple[tuple[Candidate, Score], ...] = ()
    reason: str = ""


def other_work(ref: Reference, rejection: Rejection) -> str | None:
    """The identifier ("ISBN" or "DOI") by which a rejected record was found, when the
    record is another work: it carries the reference's ISBN or DOI, but its title (or
    its authors) differ. None otherwise.
    """
    score = rejection.score
    if not score.identifier:
        return None
    title = score.components.get("title", 1.0)
    if not (title < 0.7 or score.veto in _OTHER_WORK_VETOES):
        return None
    cand = rejection.candidate
    mine, theirs = doi_key(ref.DOI), doi_key(cand.reference.DOI)
    if mine and mine == theirs:
        return "DOI"
    return "ISBN"


def _same_edition_pair(a: Candidate, b: Candidate) -> bool:
    """Two records of one edition (two catalogs holding one book, or one record twice)."""
    if (a.source, a.record) == (b.source, b.record):
        return True
    isbns_a = {isbn13(i) for i in a.isbns} - {""}
    isbns_b = {isbn13(i) for i in b.isbns} - {""}
    if isbns_a and isbns_b:
        return bool(isbns_a & isbns_b)
    ra, rb = a.reference, b.reference
    if doi_key(ra.DOI) and doi_key(rb.DOI):
        return doi_key(ra.DOI) == doi_key(rb.DOI)
    pa, pb = publisher_words(ra.publisher), publisher_words(rb.publisher)
    return (a.level == b.level == "edition" and _same_work(a, b)
            and year_of(ra.issued) == year_of(rb.issued)
            and (not pa or not pb or fuzz.token_set_ratio(pa, pb) >= 80))


def _same_work(a: Candidate, b: Candidate) -> bool:
    """Equal titles (main title of either), the same volume and surnames: editions of one work."""
    vol_a, vol_b = volumes_of(a.reference), volumes_of(b.reference)
    if vol_a and vol_b and not vol_a & vol_b:
        return False
    title_a, title_b = comparable_titles(a.reference, b.reference)
    full_a, main_a = normalize_title(title_a)
    full_b, main_b = normalize_title(title_b)
    if not ({full_a, main_a} - {""}) & ({full_b, main_b} - {""}):
        return False
    names_a, names_b = surnames(names_of(a.reference)), surnames(names_of(b.reference))
    return not names_a or not names_b or bool(set(names_a) & set(names_b))


def _rejection(cand: Candidate, score: Score, min_score: float) -> str | None:
    if score.veto:
        return score.veto
    if score.total < min_score:
        return f"score {score.total:.2f} below {min_score:.2f}"
    if cand.level == "edition" and not score.same_edition:
        named = next((r for r in score.reasons if r.startswith("the record names another")), None)
        return f"another edition ({named})" if named else \
            "another edition (year, publisher or ISBN differ)"
    return None


def choose(ref: Reference, candidates: Sequence[Candidate], *,
           min_score: float = DEFAULT_MIN_SCORE, margin: float = DEFAULT_MARGIN) -> Decision:
    """Score every candidate and accept at most one (see :mod:`yalta_refs.enrich.match`)."""
    scored = sorted(((c, score_candidate(ref, c)) for c in candidates),
                    key=lambda cs: (cs[1].veto is None, cs[1].same_edition, cs[1].total),
                    reverse=True)
    rejected: list[Rejection] = []
    eligible: list[tuple[Candidate, Score]] = []
    for cand, score in scored:
        why = _rejection(cand, score, min_score)
        if why:
            rejected.append(Rejection(cand, score, why))
        else:
            eligible.append((cand, score))
    if not eligible:
        return Decision(None, None, tuple(rejected), reason="no candidate good enough"
                        if candidates else "no candidates")
    best, best_score = eligible[0]
    companions: list[tuple[Candidate, Score]] = []
    for cand, score in scored:
        if cand is best or score.veto:
            continue
        if best.level == "edition" and cand.level == "edition" and _same_edition_pair(best, cand):
            if any(cand is c for c, _ in eligible):
                companions.append((cand, score))
            continue
        if _same_work(best, cand) and (best_score.same_edition or best.level == "work"):
            continue  # another edition or the work record of the accepted one: no rival
        if best_score.total - score.total < margin:
            why = (f"ambiguous: {cand.source} {cand.record} scores {score.total:.2f}, "
                   f"within {margin:.2f} of {best_score.total:.2f}")
            everyone = [Rejection(c, s, why) for c, s in eligible]
            return Decision(None, None, (*everyone, *rejected), reason=why)
    rest = list(rejected)
    rest += [Rejection(c, s, "a better candidate was accepted") for c, s in eligible[1:]
             if all(c is not k for k, _ in companions)]
    return Decision(best, best_score, tuple(rest), tuple(companions), reason="accepted")

