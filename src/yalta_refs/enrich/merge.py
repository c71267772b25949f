"""Applying an accepted catalog record to a reference, field by field, with provenance.

Rules (no I/O):

* only empty fields are filled, unless a field is in ``overwrite``; a field
  in ``protect`` is never touched (protect wins over overwrite);
* ``id``, ``type``, ``annotation``, ``note``, ``source_text``, ``span`` and
  ``diagnostics`` are never taken from a record;
* work facts (title, names, original title, language, and for
  articles and chapters their container, volume, issue, pages and DOI) may
  come from any accepted record; edition facts (publisher, place, date,
  edition, ISBN, number of pages, series) only from a record of the
  reference's own edition (:attr:`Score.same_edition`);
* a book record accepted for a chapter (the chapter's book) fills only the
  chapter's imprint (publisher, place, date, edition, ISBN, series), and only
  from a record of the same edition; its identifiers are not taken;
* identifiers with no CSL field (``lccn``, ``oclc``, ``openlibrary`` …) go
  into ``extra``; from companion records (other catalogs' records of the same
  edition) only such identifiers are taken;
* every applied field gets a :class:`Provenance` (catalog, record, score)
  under its CSL name (``extra.<key>`` for identifiers), and a :class:`Change`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..model import CSL_FIELDS, Diagnostic, Name, Provenance, Reference
from .match import Score
from .types import Candidate

__all__ = [
    "EDITION_FIELDS",
    "NEVER_FIELDS",
    "WORK_FIELDS",
    "Change",
    "apply_candidate",
    "field_names",
]

#: fields a record of the work (or of any edition) may fill
WORK_FIELDS = ("title", "author", "editor", "translator", "original-title", "language",
               "container-author", "collection-editor")
#: further work facts for articles and chapters (their "edition" is the work)
PART_FIELDS = ("container-title", "volume", "issue", "page", "DOI", "ISSN")
#: fields only a record of the reference's own edition may fill
EDITION_FIELDS = ("publisher", "publisher-place", "issued", "edition", "ISBN",
                  "number-of-pages", "number-of-volumes", "collection-title",
                  "collection-number", "DOI")
#: never taken from a catalog
NEVER_FIELDS = ("id", "type", "annote", "note", "source_text", "span", "diagnostics",
                "abstract", "genre", "accessed", "URL", "original-date")
_PART_TYPES = frozenset({"chapter", "article-journal", "article-magazine", "article-newspaper",
                         "paper-conference", "entry-encyclopedia", "entry-dictionary", "entry"})


@dataclass(frozen=True, slots=True)
class Change:
    """One field changed (or, in a dry run, that would change) on one reference."""

    field: str
    old: str | None
    new: str
    source: str
    record: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "old": self.old, "new": self.new, "source": self.source,
                "record": self.record, "score": round(self.score, 4)}


def field_names(names: Iterable[str]) -> frozenset[str]:
    """CSL names for user-given field names (CSL, attribute or ``extra.<key>`` form).

    Comma-separated values are split. Unknown names raise :class:`ConfigError`.
    """
    out: set[str] = set()
    by_attr = {attr: csl for csl, attr in CSL_FIELDS.items()}
    for item in names:
        for name in (n.strip() for n in item.split(",")):
            if not name:
                continue
            if name.startswith("extra.") or name in CSL_FIELDS:
                out.add(name)
            elif name in by_attr:
                out.add(by_attr[name])
            elif name.casefold() in {"annotation", "annote"}:
                out.add("annote")
            else:
                raise ConfigError(f"unknown field {name!r} (use CSL names like "
                                  "'publisher-place' or 'ISBN')")
    return frozenset(out)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == ()


def _show(value: Any) -> str | None:
    if _empty(value):
        return None
    if isinstance(value, tuple):
        return "; ".join(n.sort_form() if isinstance(n, Name) else str(n) for n in value)
    return str(value)


def _same(a: Any, b: Any) -> bool:
    return a == b or " ".join((_show(a) or "").split()).casefold() == " ".join(
        (_show(b) or "").split()).casefold()


#: what the record of a chapter's book may fill on the chapter (same edition only)
CONTAINER_FIELDS = ("publisher", "publisher-place", "issued", "edition", "ISBN",
                    "collection-title", "collection-number")


def _allowed(ref: Reference, cand: Candidate, score: Score) -> tuple[str, ...]:
    if score.container_match:
        return CONTAINER_FIELDS if cand.level == "edition" and score.same_edition else ()
    fields: tuple[str, ...] = WORK_FIELDS
    if ref.type in _PART_TYPES:
        fields += PART_FIELDS
    if cand.level == "edition" and score.same_edition:
        fields += EDITION_FIELDS
    return tuple(dict.fromkeys(f for f in fields if f not in NEVER_FIELDS))


@dataclass
class _Apply:
    ref: Reference
    cand: Candidate
    score: Score
    overwrite: frozenset[str]
    protect: frozenset[str]

    def __post_init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.provenance = dict(self.ref.provenance)
        self.extra = dict(self.ref.extra)
        self.changes: list[Change] = []

    def _record(self, name: str, old: Any, new: Any) -> None:
        self.provenance[name] = Provenance(self.cand.source, record=self.cand.record,
                                           score=round(self.score.total, 4))
        self.changes.append(Change(name, _show(old), _show(new) or "", self.cand.source,
                                   self.cand.record, self.score.total))

    def field(self, name: str) -> None:
        if name in self.protect or name == "annote":
            return
        attr = CSL_FIELDS[name]
        new = getattr(self.cand.reference, attr)
        if name == "ISBN" and _empty(new) and self.cand.isbns:
            new = self.cand.isbns[0]
        old = getattr(self.ref, attr)
        if _empty(new) or (not _empty(old) and (name not in self.overwrite or _same(old, new))):
            return
        self.values[attr] = new
        self._record(name, old, new)

    def identifiers(self, cand: Candidate, score: Score) -> None:
        for key, value in sorted(cand.identifiers.items()):
            name = f"extra.{key}"
            if not value or name in self.protect:
                continue
            old = self.extra.get(key)
            if old is not None and (name not in self.overwrite or old == value):
                continue
            self.extra[key] = value
            self.provenance[name] = Provenance(cand.source, record=cand.record,
                                               score=round(score.total, 4))
            self.changes.append(Change(name, old, value, cand.source, cand.record, score.total))


def apply_candidate(
    ref: Reference, cand: Candidate, score: Score, *,
    overwrite: Iterable[str] = (), protect: Iterable[str] = (),
    companions: Iterable[tuple[Candidate, Score]] = (),
) -> tuple[Reference, list[Change]]:
    """``ref`` with ``cand``'s fields applied by the rules above, and the changes made.

    ``overwrite`` and ``protect`` hold CSL names (see :func:`field_names`).
    The reference is returned unchanged (the same object) when nothing applies.
    """
    run = _Apply(ref, cand, score, frozenset(overwrite), frozenset(protect))
    for name in _allowed(ref, cand, score):
        run.field(name)
    if not score.container_match:
        run.identifiers(cand, score)
        for other, other_score in companions:
            run.identifiers(other, other_score)
    if not run.changes:
        return ref, []
    filled = ", ".join(c.field for c in run.changes)
    note = Diagnostic("enriched", f"from {cand.source} {cand.record} (score "
                      f"{score.total:.2f}): {filled}", severity="info")
    changed = ref.with_fields(**run.values, provenance=run.provenance, extra=run.extra,
                              diagnostics=(*ref.diagnostics, note))
    return changed, run.changes
