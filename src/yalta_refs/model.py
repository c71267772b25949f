"""The one internal model: references in the CSL vocabulary.

Every format is read into these types and written from them; every stage
(clean, parse, normalize, enrich, render) is a function over them. All types
are frozen dataclasses: a stage returns a changed copy (``dataclasses.replace``
or :meth:`Reference.with_fields`) rather than mutating its input.

Field names follow CSL 1.0.2 with hyphens turned into underscores
(``container-title`` -> ``container_title``). :data:`CSL_FIELDS` maps each
attribute to its CSL name, so format mappings can be tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

__all__ = [
    "CSL_DATE_FIELDS",
    "CSL_FIELDS",
    "CSL_NAME_FIELDS",
    "CSL_TEXT_FIELDS",
    "REFERENCE_TYPES",
    "Date",
    "Diagnostic",
    "DiscardedText",
    "FailedBlock",
    "Library",
    "Name",
    "Provenance",
    "Reference",
    "SourceSpan",
]

#: CSL item types the parser produces; readers may carry any other CSL type.
REFERENCE_TYPES = (
    "book",
    "chapter",
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "webpage",
    "thesis",
    "report",
    "paper-conference",
    "entry-encyclopedia",
    "document",
    "patent",  # these four from GB/T 7714's type markers only
    "standard",
    "dataset",
    "software",
    "manuscript",  # these from APA 7's descriptions in brackets ("[Unpublished manuscript]")
    "motion_picture",
    "broadcast",
    "speech",
    "post-weblog",
    "post",
)


@dataclass(frozen=True, slots=True)
class Name:
    """A personal or corporate name (CSL name variable).

    A corporate or otherwise unsplittable name uses ``literal`` only.
    """

    family: str | None = None
    given: str | None = None
    non_dropping_particle: str | None = None
    dropping_particle: str | None = None
    suffix: str | None = None
    literal: str | None = None

    @property
    def is_literal(self) -> bool:
        return self.literal is not None

    def display(self) -> str:
        """The name in display order ("Simon Sebag Montefiore")."""
        if self.literal is not None:
            return self.literal
        parts = [self.given, self.dropping_particle, self.non_dropping_particle, self.family]
        text = " ".join(p for p in parts if p)
        return f"{text}, {self.suffix}" if self.suffix else text

    def sort_form(self) -> str:
        """The name in inverted order ("Montefiore, Simon Sebag")."""
        if self.literal is not None:
            return self.literal
        family = " ".join(p for p in (self.non_dropping_particle, self.family) if p)
        given = " ".join(p for p in (self.given, self.dropping_particle) if p)
        out = f"{family}, {given}" if given else family
        return f"{out}, {self.suffix}" if self.suffix else out


@dataclass(frozen=True, slots=True)
class Date:
    """A CSL date: one or two date-parts lists, or an unparsed literal.

    ``parts`` holds ``((year, month?, day?),)`` or, for a range, two such
    tuples. ``literal`` keeps text we could not turn into parts.
    """

    parts: tuple[tuple[int, ...], ...] = ()
    literal: str | None = None
    circa: bool = False

    @property
    def year(self) -> int | None:
        return self.parts[0][0] if self.parts and self.parts[0] else None

    @classmethod
    def from_year(cls, year: int) -> Date:
        return cls(parts=((year,),))

    def __str__(self) -> str:
        if not self.parts:
            return self.literal or ""
        return "/".join(
            "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(dp)) for dp in self.parts
        )


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a piece of text came from: file name (or "<stdin>") and 1-based lines."""

    file: str | None
    line: int
    end_line: int | None = None

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.end_line and self.end_line != self.line:
            return f"{where}:{self.line}-{self.end_line}"
        return f"{where}:{self.line}"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where one field's value came from.

    ``source`` is "input" for values parsed from the user's text, otherwise a
    catalog or format name; ``record`` an id or URL there; ``score`` a match
    score in 0..1 when the value came from a matched record.
    """

    source: str
    record: str | None = None
    score: float | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A warning attached to one reference (failures kept as data)."""

    code: str
    message: str
    field: str | None = None
    severity: Literal["info", "warning", "error"] = "warning"


@dataclass(frozen=True, slots=True)
class DiscardedText:
    """Input text that became no reference, with the reason why."""

    text: str
    reason: str
    span: SourceSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "reason": self.reason,
            "file": self.span.file if self.span else None,
            "line": self.span.line if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class FailedBlock:
    """A block that looked like a reference (or entry) but could not be read."""

    text: str
    error: str
    span: SourceSpan | None = None


@dataclass(frozen=True)
class Reference:
    """One bibliographic reference in the CSL vocabulary plus our extras.

    Extras beyond CSL: ``annotation`` (CSL ``annote``: the evaluative prose
    that followed the reference), ``source_text`` (the cleaned text the
    reference was parsed from), ``span`` (where it came from), ``provenance``
    (per-field origin), ``diagnostics`` and ``extra`` (fields of an input
    format that have no CSL equivalent, kept for the round trip).
    """

    id: str = ""
    type: str = "book"
    author: tuple[Name, ...] = ()
    editor: tuple[Name, ...] = ()
    translator: tuple[Name, ...] = ()
    container_author: tuple[Name, ...] = ()
    collection_editor: tuple[Name, ...] = ()
    title: str | None = None
    container_title: str | None = None
    collection_title: str | None = None
    collection_number: str | None = None
    publisher: str | None = None
    publisher_place: str | None = None
    issued: Date | None = None
    original_date: Date | None = None
    original_title: str | None = None
    accessed: Date | None = None
    edition: str | None = None
    volume: str | None = None
    number_of_volumes: str | None = None
    issue: str | None = None
    number: str | None = None
    page: str | None = None
    number_of_pages: str | None = None
    genre: str | None = None
    medium: str | None = None
    URL: str | None = None
    DOI: str | None = None
    ISBN: str | None = None
    ISSN: str | None = None
    language: str | None = None
    abstract: str | None = None
    note: str | None = None
    annotation: str | None = None
    source_text: str | None = None
    span: SourceSpan | None = None
    provenance: Mapping[str, Provenance] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)

    def with_fields(self, **changes: Any) -> Reference:
        """A copy with ``changes`` applied (attribute names, not CSL names).

        As ``dataclasses.replace`` does, for a reference has no ``__post_init__``, but
        without calling ``__init__`` with every field again: the pipeline copies each
        reference several times, and that call cost a tenth of clean's time."""
        unknown = changes.keys() - _REFERENCE_FIELDS
        if unknown:
            raise TypeError(f"Reference has no field {min(unknown)!r}")
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def get(self, csl_name: str) -> Any:
        """The value of a field by its CSL name ("container-title")."""
        return getattr(self, CSL_FIELDS[csl_name])

    def items(self) -> Iterator[tuple[str, Any]]:
        """(CSL name, value) for every non-empty CSL field, in model order."""
        for csl_name, attr in CSL_FIELDS.items():
            value = getattr(self, attr)
            if value not in (None, "", ()):
                yield csl_name, value

    def warn(self, code: str, message: str, field_name: str | None = None) -> Reference:
        """A copy with one more diagnostic."""
        diagnostic = Diagnostic(code, message, field_name)
        return self.with_fields(diagnostics=(*self.diagnostics, diagnostic))


def _csl_name(attr: str) -> str:
    return attr if attr in {"URL", "DOI", "ISBN", "ISSN"} else attr.replace("_", "-")


_NOT_CSL = {"id", "source_text", "span", "provenance", "diagnostics", "extra", "annotation"}

#: CSL variable name -> Reference attribute, for every CSL field of the model.
#: ``annote`` is the CSL name of our ``annotation``.
CSL_FIELDS: dict[str, str] = {
    _csl_name(f.name): f.name for f in fields(Reference) if f.name not in _NOT_CSL
}
CSL_FIELDS["annote"] = "annotation"

CSL_NAME_FIELDS = ("author", "editor", "translator", "container-author", "collection-editor")
CSL_DATE_FIELDS = ("issued", "original-date", "accessed")
CSL_TEXT_FIELDS = tuple(
    k for k in CSL_FIELDS if k not in CSL_NAME_FIELDS and k not in CSL_DATE_FIELDS
)


_REFERENCE_FIELDS = frozenset(f.name for f in fields(Reference))


@dataclass(frozen=True)
class Library:
    """The result of reading an input: references plus everything that was not one."""

    references: tuple[Reference, ...] = ()
    discarded: tuple[DiscardedText, ...] = ()
    failed: tuple[FailedBlock, ...] = ()

    def __iter__(self) -> Iterator[Reference]:
        return iter(self.references)

    def __len__(self) -> int:
        return len(self.references)

    def __getitem__(self, index: int) -> Reference:
        return self.references[index]

    def with_references(self, references: Iterable[Reference]) -> Library:
        return replace(self, references=tuple(references))

    def merged(self, other: Library) -> Library:
        """This library followed by ``other`` (used when several inputs are read)."""
        return Library(
            self.references + other.references,
            self.discarded + other.discarded,
            self.failed + other.failed,
        )
