"""Matching: is a catalog record the reference's record? Pure functions, no I/O.

:func:`score_candidate` (in :mod:`.score`) compares one :class:`Candidate`
with the reference and returns a :class:`Score`: a weighted total in 0..1,
its components, the reasons behind them, and a *veto* when the candidate can
never be accepted. :func:`choose` (in :mod:`.decide`) accepts at most one.
Normalising (titles, ISBNs, DOIs, volumes, edition words) is in :mod:`.text`.

Components (weights; a component missing on either side is left out and the
others re-weighted):

* ``title`` (0.45): accents, case, punctuation and a leading article off, and
  a volume designation ("vol. 2", "Volume II", "v. 3", "Bd. 4") set aside
  (volumes are compared on their own, below); rapidfuzz similarity of the
  full titles. A reference title without a subtitle that equals the record's
  main title counts as a full match (the other way round scores 0.95). A word
  of one title with no counterpart in the other (equal, or a likely
  misspelling) caps the similarity at 0.6 ("Second World War" / "First World
  War"); titles whose numbers differ ("1943-1945" / "1939-1945") lose 30 %.
  A reference title without a subtitle that is a whole-word prefix of the
  record's main title is a *short title* and scores 0.9 ("Tractatus" for
  "Tractatus logico-philosophicus") — but only with all the reference's
  surnames and a year that is not far off, never when the short title is
  only common words ("Poems", "Essays", "Introduction") and never when the
  record's title goes on with a conjunction or preposition ("Lenin and the
  Russian Revolution").
* ``author`` (0.25): the share of the reference's surnames (authors, else
  editors) found among the record's, each compared fuzzily.
* ``year`` (0.15): equal 1.0, one apart 0.85. A work record (first
  publication) may be older than the reference; when the reference names an
  original date or an edition, a record between the original and the
  reference's year is tolerated (0.7). Otherwise a year further off lowers
  the score and caps the total at 0.7.
* ``publisher`` (0.10, for books) or ``container`` (for articles and
  chapters): token similarity without words such as "press" or "books".
* ``type`` (0.05): the same kind 1.0, a related kind 0.6.

Vetoes: a review of the book ("Review of …", type ``review``/``book-review``)
for a reference that is not a review; types of different families (a book and
a journal article); no shared author surname; title *and* authors would both
change; an edition record whose ISBNs do not include the reference's ISBN (an
ISBN lookup must return a record carrying that ISBN); different DOIs (compared
case-insensitively); identity facts that conflict: a volume named on both
sides (the ``volume`` field, or "Vol. 3" in a title) that differs, and for
articles and other parts a different issue, or pages of the reference that do
not lie within the record's (part 2 of an article, pp. 623–656, is not part 1,
pp. 379–423).

An ISBN with a wrong check digit is no ISBN: it neither vetoes nor confirms.
A shared ISBN or DOI with a similar title lifts the total to at least 0.95.

``same_edition`` tells whether an edition record describes the reference's
edition (year within one, no contradicting ISBN or publisher, and — when the
years differ — no edition words in the record's title or edition statement
that the reference lacks: "Including the Author's Postscript", "abridged",
"revised edition", "with a new introduction", "2nd ed."): only then may
edition facts (publisher, place, date, ISBN, pages) be taken from it.

:func:`choose` accepts the best candidate only when its total reaches
``min_score``, it is not vetoed, an edition record is the same edition (a work
record is fine), and it leads the best other candidate by ``margin`` — unless
the two describe the same edition (shared ISBN, or equal title, year and
publisher), as when two catalogs hold one book. :func:`other_work` tells when
a rejected record found by the reference's ISBN or DOI is another work (the
identifier is wrong), so that the engine can search by title and author.
"""

from __future__ import annotations

from .decide import DEFAULT_MARGIN, DEFAULT_MIN_SCORE, Decision, Rejection, choose, other_work
from .score import Score, score_candidate
from .text import invalid_isbns, isbn13, normalize_title, split_volume, volumes_of

__all__ = [
    "DEFAULT_MARGIN",
    "DEFAULT_MIN_SCORE",
    "Decision",
    "Rejection",
    "Score",
    "choose",
    "invalid_isbns",
    "isbn13",
    "normalize_title",
    "other_work",
    "score_candidate",
    "split_volume",
    "volumes_of",
]
