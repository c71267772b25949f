"""Merging duplicates: fill empty fields with provenance, keep every annotation.

See :mod:`yalta_refs.dedupe` for the rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from ..errors import ConfigError
from ..model import CSL_FIELDS, Diagnostic, Library, Name, Provenance, Reference
from .match import _DOI_PREFIX, DuplicateGroup

__all__ = ["Conflict", "MergeRecord", "merge_duplicates"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two non-empty values that differ; ``kept`` stayed, ``other`` came from ``record``."""

    field: str
    kept: str
    other: str
    record: str


@dataclass(frozen=True)
class MergeRecord:
    """What merging one duplicate group did.

    ``filled`` maps each filled CSL field (``extra.<key>`` for extras) to the
    id it came from; ``sources`` gives each merged reference's ``file:line``.
    """

    kept: str
    merged: tuple[str, ...]
    reason: str
    score: float
    filled: Mapping[str, str]
    conflicts: tuple[Conflict, ...]
    sources: tuple[str | None, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON data."""
        return {
            "kept": self.kept, "merged": list(self.merged), "sources": list(self.sources),
            "reason": self.reason, "score": round(self.score, 4), "filled": dict(self.filled),
            "conflicts": [asdict(conflict) for conflict in self.conflicts],
        }


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == ()


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "; ".join(n.display() if isinstance(n, Name) else str(n) for n in value)
    return str(value)


def _same(a: Any, b: Any) -> bool:
    """Equal, or equal but for case, spacing and a DOI prefix."""
    texts = (_DOI_PREFIX.sub("", " ".join(_show(v).split())).casefold() for v in (a, b))
    return a == b or next(texts) == next(texts)


def _label(ref: Reference, index: int) -> str:
    return ref.id or f"#{index + 1}"


@dataclass
class _Merge:
    """The merge of one group in progress (into the first reference)."""

    kept: Reference
    reason: str
    score: float
    changes: dict[str, Any]
    provenance: dict[str, Provenance]
    filled: dict[str, str]
    conflicts: list[Conflict]

    def take_fields(self, other: Reference, label: str) -> None:
        for csl_name, attr in CSL_FIELDS.items():
            theirs = getattr(other, attr)
            if attr == "annotation" or _empty(theirs):
                continue
            mine = self.changes.get(attr, getattr(self.kept, attr))
            if _empty(mine):
                self.changes[attr] = theirs
                self.filled[csl_name] = label
                self.provenance[csl_name] = self._provenance(other, csl_name, label)
            elif not _same(mine, theirs):
                self.conflicts.append(Conflict(csl_name, _show(mine), _show(theirs), label))

    def _provenance(self, other: Reference, csl_name: str, label: str) -> Provenance:
        note = f"from duplicate {label} ({self.reason})"
        origin = other.provenance.get(csl_name)
        if origin is not None:
            note += f"; there from {origin.source}" + (f" {origin.record}" if origin.record else "")
        return Provenance("merge", record=label, score=self.score, note=note)

    def take_extra(self, other: Reference, label: str) -> None:
        extra = dict(self.changes.get("extra", self.kept.extra))
        for key, value in other.extra.items():
            if key not in extra:
                extra[key] = value
                self.filled[f"extra.{key}"] = label
            elif extra[key] != value:
                self.conflicts.append(Conflict(f"extra.{key}", extra[key], value, label))
        self.changes["extra"] = extra


def _annotation(refs: Sequence[Reference]) -> str | None:
    """Every distinct annotation (whitespace-insensitive), in order, joined by a blank line."""
    seen: dict[str, str] = {}
    for ref in refs:
        if ref.annotation and ref.annotation.strip():
            seen.setdefault(" ".join(ref.annotation.split()), ref.annotation)
    texts = list(seen.values())
    return texts[0] if len(texts) == 1 else "\n\n".join(t.strip() for t in texts) or None


def _diagnostics(
    refs: Sequence[Reference], labels: Sequence[str], group: DuplicateGroup
) -> tuple[Diagnostic, ...]:
    out = list(refs[0].diagnostics)
    for ref, label in zip(refs[1:], labels[1:], strict=True):
        out += [replace(d, message=f"{label}: {d.message}") for d in ref.diagnostics]
    merged = ", ".join(
        f"{label} ({ref.span})" if ref.span else label
        for ref, label in zip(refs[1:], labels[1:], strict=True)
    )
    message = f"merged duplicates by {group.reason} (score {group.score:.2f}): {merged}"
    return (*dict.fromkeys(out), Diagnostic("merged", message, severity="info"))


def _merge_group(
    refs: Sequence[Reference], labels: Sequence[str], group: DuplicateGroup
) -> tuple[Reference, MergeRecord]:
    kept = refs[0]
    merge = _Merge(kept, group.reason, group.score, {}, dict(kept.provenance), {}, [])
    for other, label in zip(refs[1:], labels[1:], strict=True):
        merge.take_fields(other, label)
        merge.take_extra(other, label)
    merged = kept.with_fields(
        **merge.changes,
        annotation=_annotation(refs),
        provenance=merge.provenance,
        diagnostics=_diagnostics(refs, labels, group),
    )
    sources = tuple(str(ref.span) if ref.span else None for ref in refs[1:])
    record = MergeRecord(labels[0], tuple(labels[1:]), group.reason, group.score,
                         merge.filled, tuple(merge.conflicts), sources)
    return merged, record


def _check_groups(library: Library, groups: Sequence[DuplicateGroup]) -> None:
    seen: set[int] = set()
    for group in groups:
        if len(group.indices) < 2 or not all(0 <= i < len(library) for i in group.indices):
            raise ConfigError(f"not a duplicate group of this library: {group.indices}")
        if seen.intersection(group.indices):
            raise ConfigError(f"duplicate groups overlap: {group.indices}")
        seen.update(group.indices)


def merge_duplicates(
    library: Library, groups: Sequence[DuplicateGroup]
) -> tuple[Library, list[MergeRecord]]:
    """``library`` with each group merged into its first reference, and what each merge did.

    The kept reference stays where it was; the others are removed. Groups must
    not overlap (:class:`ConfigError` otherwise).
    """
    _check_groups(library, groups)
    refs = list(library.references)
    gone: set[int] = set()
    records: list[MergeRecord] = []
    for group in groups:
        members = [refs[i] for i in group.indices]
        labels = [_label(ref, i) for ref, i in zip(members, group.indices, strict=True)]
        refs[group.indices[0]], record = _merge_group(members, labels, group)
        gone.update(group.indices[1:])
        records.append(record)
    return library.with_references(r for i, r in enumerate(refs) if i not in gone), records
