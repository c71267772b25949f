"""Duplicates: find the references that describe one work, and merge them.

Two references are duplicates when they have the same type (a book and a
review of it, or a chapter and its book, never are), nothing vetoes the match,
and one ``reason`` holds:

* ``doi``: equal DOIs (case-insensitive; ``doi:`` and ``https://doi.org/`` off);
* ``isbn``: a shared ISBN, ISBN-10 and ISBN-13 compared as ISBN-13 (a chapter,
  entry or conference paper carries its book's ISBN: its title must match too);
* ``title+author+year``: alike titles; the same first author (family name, and
  given initial when both have one) or, with no names on either side, the same
  container; years equal or one apart (or one missing); containers not clearly
  different.

Titles are compared with accents, case, punctuation and a leading article off.
They are alike when their similarity (rapidfuzz's normalised Indel ratio, 0..1)
reaches ``threshold``, their numbers agree, and each word only one of them has
is a stopword or a misspelling of a word of the other ("Part 1" / "Part 2", "the
Red Army" / "the Forced Army" are not alike). A title lacking the other's
subtitle ("Stalin" / "Stalin: The Court of the Red Tsar") is alike when it
matches the main title and the rest agrees strongly (equal years, publishers
not clearly different); it scores 0.95 times that similarity, so full-title
matches are linked first. Vetoes: different DOIs, editions or volumes (both
given); years more than one apart with clearly different publishers.

Candidates come from blocks (shared DOI, ISBN, or first-author family plus the
first or last main-title word; a block of over 500 compares each member with
its 20 neighbours in title order), never from all pairs. Groups are complete
linkage: every member matches every other, so no chain of near misses merges
two works.

:func:`merge_duplicates` merges a group into its first reference (id, key and
position kept): empty fields are filled from the others in order (provenance
``merge``, keyed by CSL name, ``record`` the other's id or ``#<position>``),
differing values are kept and reported as conflicts, distinct annotations are
all kept (joined by a blank line), ``extra`` is united, the others' diagnostics
are kept (prefixed with their id) and a ``merged`` diagnostic names them and
their source lines. No I/O.
"""


from __future__ import annotations

from ..model import Library
from .match import REASONS, DuplicateGroup, find_duplicates
from .merge import Conflict, MergeRecord, merge_duplicates

__all__ = [
    "REASONS",
    "Conflict",
    "DuplicateGroup",
    "MergeRecord",
    "dedupe",
    "find_duplicates",
    "merge_duplicates",
]


def dedupe(library: Library, *, threshold: float = 0.9) -> tuple[Library, list[MergeRecord]]:
    """:func:`find_duplicates` then :func:`merge_duplicates`."""
    return merge_duplicates(library, find_duplicates(library, threshold=threshold))
