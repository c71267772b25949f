"""Run the cleaner over the damaged gold corpus and score every case.

A case is a pair in one directory: ``NNN-slug.txt`` (the damaged input) and
``NNN-slug.gold.json``::

    {"description": "...", "families": ["..."],
     "references": [CSL-JSON items, "annote" holding the annotation],
     "must_discard": ["text that must land in the discarded report", ...]}

This module reads files; the measuring itself is :func:`.metrics.score_case`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Library, Reference
from .metrics import AnnotationScore, CaseScore, Counts, micro_counts, score_case, total_counts

__all__ = [
    "Case",
    "Cleaner",
    "CorpusResult",
    "ToCsl",
    "default_corpus_dir",
    "discover_cases",
    "load_gold",
    "read_input",
    "repo_root",
    "run_case",
    "run_corpus",
]

#: ``clean_text``'s shape: text and keyword options in, a Library out.
Cleaner = Callable[..., Library]
#: ``reference_to_csl``'s shape.
ToCsl = Callable[[Reference], dict[str, Any]]


def repo_root() -> Path:
    """The checkout this package lives in (src/yalta_refs/eval -> repo)."""
    return Path(__file__).resolve().parents[3]


def default_corpus_dir() -> Path:
    return repo_root() / "tests" / "corpus" / "damaged"


def read_input(path: Path) -> str:
    """A damaged input as text: UTF-8 when it decodes, else Windows-1252, else Latin-1."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file as a dict with at least "references" and "must_discard".

    A bare list of CSL items is accepted too (as the references).
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        data = {"references": data}
    if not isinstance(data, dict) or not isinstance(data.get("references", []), list):
        raise ValueError(f"{path}: expected an object with a 'references' list")
    data.setdefault("references", [])
    data.setdefault("must_discard", [])
    return data


@dataclass(frozen=True)
class Case:
    """One input with its gold."""

    name: str
    input_path: Path
    text: str
    references: list[dict[str, Any]]
    must_discard: list[str] = field(default_factory=list)
    description: str = ""
    families: list[str] = field(default_factory=list)


def discover_cases(directory: Path) -> tuple[list[Case], list[str]]:
    """The cases of ``directory`` in name order, and a note for every unusable file."""
    cases: list[Case] = []
    problems: list[str] = []
    for path in sorted(directory.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            problems.append(f"{path.name}: no {gold_path.name}")
            continue
        try:
            gold = load_gold(gold_path)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            problems.append(f"{gold_path.name}: {exc}")
            continue
        cases.append(Case(
            name=path.stem, input_path=path, text=read_input(path),
            references=list(gold["references"]), must_discard=list(gold["must_discard"]),
            description=str(gold.get("description", "")),
            families=list(gold.get("families", [])),
        ))
    return cases, problems


def default_functions() -> tuple[Cleaner, ToCsl]:
    """The real ``clean_text`` and ``reference_to_csl`` (ImportError if not there yet)."""
    from ..formats.csljson import reference_to_csl
    from ..pipeline import clean_text

    return clean_text, reference_to_csl


def run_case(case: Case, *, clean: Cleaner, to_csl: ToCsl) -> CaseScore:
    """Clean one case's input and score it; a crash is recorded, not raised."""
    error = None
    pred: list[dict[str, Any]] = []
    discarded: list[str] = []
    try:
        library = clean(case.text, source=str(case.input_path))
        pred = [to_csl(ref) for ref in library.references]
        discarded = [d.text for d in library.discarded] + [f.text for f in library.failed]
    except Exception as exc:  # an evaluation measures crashes too; the case scores zero
        error = f"{type(exc).__name__}: {exc}"
    return score_case(case.name, input_text=case.text, pred=pred, gold=case.references,
                      discarded=discarded, must_discard=case.must_discard, error=error)


@dataclass
class CorpusResult:
    """The scores of every case of a corpus, with the totals over them."""

    directory: Path
    cases: list[CaseScore] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def fields(self) -> dict[str, Counts]:
        return total_counts(c.fields for c in self.cases)

    @property
    def micro(self) -> Counts:
        return micro_counts(self.fields)

    @property
    def annotation(self) -> AnnotationScore:
        total = AnnotationScore()
        for case in self.cases:
            total.add(case.annotation)
        return total

    @property
    def count_accuracy(self) -> float:
        return sum(c.count_ok for c in self.cases) / len(self.cases) if self.cases else 0.0

    @property
    def words(self) -> tuple[int, int]:
        """(unaccounted words, input words) over all cases."""
        return (sum(c.unaccounted.total() for c in self.cases),
                sum(c.words_total for c in self.cases))

    @property
    def must_discard(self) -> tuple[int, int]:
        """(strings discarded as required, strings required) over all cases."""
        pairs = [ok for c in self.cases for _, ok in c.must_discard]
        return sum(pairs), len(pairs)

    def to_dict(self) -> dict[str, Any]:
        lost, words = self.words
        hit, required = self.must_discard
        return {
            "directory": str(self.directory), "seconds": self.seconds,
            "problems": self.problems, "micro": self.micro.to_dict(),
            "fields": {k: v.to_dict() for k, v in sorted(self.fields.items())},
            "annotation": self.annotation.to_dict(),
            "count_accuracy": self.count_accuracy,
            "words_unaccounted": lost, "words_total": words,
            "unaccounted_rate": lost / words if words else 0.0,
            "must_discard": {"hit": hit, "total": required,
                             "rate": hit / required if required else 0.0},
            "cases": [c.to_dict() for c in self.cases],
        }


def run_corpus(directory: Path | None = None, *, clean: Cleaner | None = None,
               to_csl: ToCsl | None = None,
               only: Sequence[str] = ()) -> CorpusResult:
    """Score every case of ``directory`` (default: tests/corpus/damaged).

    ``clean``/``to_csl`` default to the real pipeline and CSL-JSON writer;
    ``only`` keeps the cases whose name contains one of its strings.
    """
    directory = directory or default_corpus_dir()
    if not directory.is_dir():
        raise FileNotFoundError(f"no corpus directory {directory}")
    if clean is None or to_csl is None:
        real_clean, real_to_csl = default_functions()
        clean, to_csl = clean or real_clean, to_csl or real_to_csl
    cases, problems = discover_cases(directory)
    if only:
        cases = [c for c in cases if any(s in c.name for s in only)]
    result = CorpusResult(directory, problems=problems)
    start = time.perf_counter()
    result.cases = [run_case(case, clean=clean, to_csl=to_csl) for case in cases]
    result.seconds = time.perf_counter() - start
    return result
