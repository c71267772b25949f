"""Two parser runs side by side, with a paired bootstrap per split.

``python -m yalta_refs.eval parser --save A.json`` keeps, for every split, each
line's true positives, false positives and false negatives over the issue's
fields; ``python -m yalta_refs.eval compare A.json B.json`` then says, split by
split, how far B's token micro F1 lies from A's and whether the difference
outlives resampling: the lines of a split are drawn again with replacement (the
same draw for both runs, so each line is compared with itself) and the 2.5th and
97.5th percentiles of the differences give a 95% interval. A difference whose
interval holds zero is within what a split of that size moves by chance, which is
how a retrained model should be judged against a floor set on one model's figure.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .metrics import middle_95

__all__ = ["SplitComparison", "compare_runs", "format_comparison", "paired_bootstrap"]

Line = Sequence[int]  # (tp, fp, fn)


def _f1(lines: Sequence[Line], draw: Sequence[int]) -> float:
    tp = sum(lines[i][0] for i in draw)
    wrong = sum(lines[i][1] + lines[i][2] for i in draw)
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def paired_bootstrap(a: Sequence[Line], b: Sequence[Line], *, draws: int = 1000,
                     seed: int = 2026) -> tuple[float, float, float]:
    """(B's F1 − A's, and the 95% interval of that difference) over the same lines."""
    if len(a) != len(b):
        raise ValueError(f"the runs hold {len(a)} and {len(b)} lines")
    whole = range(len(a))
    difference = _f1(b, whole) - _f1(a, whole)
    if not a:
        return difference, difference, difference
    rng = random.Random(seed)
    n = len(a)
    values = []
    for _ in range(draws):
        draw = [rng.randrange(n) for _ in whole]
        values.append(_f1(b, draw) - _f1(a, draw))
    low, high = middle_95(values)
    return difference, low, high


@dataclass(frozen=True)
class SplitComparison:
    split: str
    lines: int
    f1_a: float
    f1_b: float
    difference: float
    low: float
    high: float

    @property
    def significant(self) -> bool:
        """True when the interval leaves out zero."""
        return self.low > 0 or self.high < 0


def _per_reference(run: Mapping[str, Any]) -> dict[str, list[Line]]:
    out: dict[str, list[Line]] = {}
    for split in run.get("splits", []):
        rows = split.get("per_reference")
        if rows is not None:
            out[str(split["name"])] = [tuple(int(x) for x in row) for row in rows]
    return out


def compare_runs(a: Mapping[str, Any], b: Mapping[str, Any], *, draws: int = 1000,
                 seed: int = 2026) -> list[SplitComparison]:
    """One comparison per split both runs saved with the same number of lines."""
    rows_a, rows_b = _per_reference(a), _per_reference(b)
    out = []
    for name, lines_a in rows_a.items():
        lines_b = rows_b.get(name)
        if lines_b is None or len(lines_b) != len(lines_a):
            continue
        whole = range(len(lines_a))
        difference, low, high = paired_bootstrap(lines_a, lines_b, draws=draws, seed=seed)
        out.append(SplitComparison(name, len(lines_a), _f1(lines_a, whole),
                                   _f1(lines_b, whole), difference, low, high))
    return out


def format_comparison(rows: Sequence[SplitComparison]) -> str:
    head = f"{'split':32} {'lines':>6} {'A':>7} {'B':>7} {'B − A':>7}  95% interval"
    out = [head]
    for r in rows:
        mark = "  *" if r.significant else ""
        out.append(f"{r.split:32} {r.lines:6d} {100 * r.f1_a:7.2f} {100 * r.f1_b:7.2f} "
                   f"{100 * r.difference:+7.2f}  [{100 * r.low:+.2f}, {100 * r.high:+.2f}]{mark}")
    out.append("token micro F1 over the issue's fields; * the interval leaves out zero "
               "(paired bootstrap over the split's lines)")
    return "\n".join(out)
