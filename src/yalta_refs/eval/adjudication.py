"""A second reading of the gold where the parser and the gold disagree.

AnyStyle's "bad" and "ugly" sets hold damaged references, and labels that
contradict one another (a monograph's title is the title in most of them and the
container title, with no title, in others). Token F1 against such gold cannot
tell a parser's error from the gold's. So a fixed random sample of the dev
references on which the parser and the gold disagree was read again, twice and
independently, and each reading records who is right where the two differ
(``tests/adjudication/<split>.jsonl``):

* ``parser``: the parser's labelling is the right one (the gold breaks its own
  convention or labels text as a field it is not);
* ``gold``: the gold is right and the parser wrong;
* ``both``: each is wrong somewhere that matters;
* ``neither``: the text is too damaged for any labelling to be right.

Where the two readings differed, a third settled the verdict. A verdict names its
reference by :func:`reference_key` (a hash of the text, so no text of ../shared
is copied here), gives its reason in a few words, and says where its sample was
drawn (``drawn``: the commit and the seed). Every dev part has a sample (bad/ugly
two, the second drawn leaving out the first); the rubric the readers followed is
``tests/adjudication/RUBRIC.md``. The samples are frozen: drawn by ``python -m
yalta_refs.eval adjudication --split PART --sample --seed N``, and the report
reads them against the parser as it is now, counting the sampled references it
now gets right apart. For each part it prints the verdicts' shares, of the
references and of their token errors, with a 95% Wilson interval for the share
of references, and the two readers' agreement (Cohen's kappa); then dev as a
whole, scored against every read part's gold mended where only the gold is wrong
(:class:`DevAdjudication`).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .labels import gold_tokens, pred_tokens
from .metrics import Counts, middle_95
from .parser import DEV_PARTS, ISSUE_FIELDS, _token_record

__all__ = [
    "VERDICTS",
    "AdjudicationReport",
    "DevAdjudication",
    "Disagreement",
    "adjudication_path",
    "cohen_kappa",
    "disagreements",
    "format_adjudication",
    "format_dev_adjudication",
    "reference_key",
    "run_adjudication",
    "run_dev_adjudication",
    "sample_disagreements",
    "scan_dev",
]

VERDICTS = ("parser", "gold", "both", "neither")
SAMPLE_SEED = 2026
SAMPLE_SIZE = 60


def reference_key(text: str) -> str:
    """A reference's key: the first 12 hex digits of the SHA-1 of its text with its
    spaces made single."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def adjudication_path(split: str) -> Path:
    from .corpus import repo_root

    return repo_root() / "tests" / "adjudication" / f"{split}.jsonl"


@dataclass
class Disagreement:
    key: str
    text: str
    gold: dict[str, list[str]]
    pred: dict[str, Any]
    errors: int  # token false positives plus false negatives over the issue's fields


def _counts(gold_csl: Mapping[str, Sequence[str]], item: Mapping[str, Any]) -> Counts:
    gold, _ = gold_tokens(gold_csl)
    pred = pred_tokens(item)
    counts = Counts()
    for label in (gold.keys() | pred.keys()) & set(ISSUE_FIELDS):
        g = gold.get(label, Counter())
        p = pred.get(label, Counter())
        counts.add(Counts(tp=(g & p).total(), fp=(p - g).total(), fn=(g - p).total()))
    return counts


@dataclass
class SplitScan:
    """A dev split parsed and compared with its gold."""

    found: list[Disagreement]  # the references with any token error
    keys: set[str]  # every reference's key
    counts: Counts  # the split's token counts over the issue's fields


def disagreements(split: str, shared: Path, parser: str = "auto") -> SplitScan:
    """The references of a dev split whose parse differs from the gold."""
    from ..formats.csljson import reference_to_csl
    from ..parse.crf.splits import load_splits
    from ..pipeline import clean_text

    sources = DEV_PARTS[split]
    records = [_token_record(item) for item in load_splits(shared).dev
               if item.source.split(":")[-1] in sources]
    library = clean_text("\n".join(r.text for r in records), parser=parser, lines=True)
    scan = SplitScan([], {reference_key(r.text) for r in records}, Counts())
    for record, ref in zip(records, library.references, strict=True):
        item = reference_to_csl(ref)
        counts = _counts(record.csl, item)
        scan.counts.add(counts)
        if counts.fp or counts.fn:
            pred = {k: v for k, v in item.items() if k != "id"}
            scan.found.append(Disagreement(reference_key(record.text), record.text,
                                           dict(record.csl), pred, counts.fp + counts.fn))
    return scan


def scan_dev(shared: Path, parser: str = "auto") -> dict[str, SplitScan]:
    """Every dev part parsed once and compared with its gold."""
    return {part: disagreements(part, shared, parser) for part in DEV_PARTS}


def _whole(scans: Mapping[str, SplitScan]) -> Counts:
    whole = Counts()
    for scan in scans.values():
        whole.add(scan.counts)
    return whole


def sample_disagreements(found: Sequence[Disagreement], size: int = SAMPLE_SIZE,
                         seed: int = SAMPLE_SEED,
                         exclude: Collection[str] = ()) -> list[Disagreement]:
    """A fixed random sample, drawn by key so the same references come out whatever
    order they were read in; references whose key is in ``exclude`` (read in an
    earlier sample) are left out."""
    ordered = sorted((d for d in found if d.key not in exclude), key=lambda d: d.key)
    chosen = random.Random(seed).sample(ordered, min(size, len(ordered)))
    return sorted(chosen, key=lambda d: d.key)


def load_verdicts(path: Path) -> dict[str, dict[str, str]]:
    verdicts: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("verdict") not in VERDICTS:
            raise ValueError(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS)}")
        verdicts[str(row["key"])] = row
    return verdicts


def wilson(successes: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a share."""
    if n == 0:
        return 0.0, 0.0
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def _mended_f1(counts: Counts, gone: float) -> float:
    """The F1 of ``counts`` with ``gone`` of its errors the gold's alone: each pair of
    them (a false positive and a false negative) is one mislabelled token, which then
    counts as a true positive."""
    tp = counts.tp + gone / 2
    return 2 * tp / (2 * tp + counts.fp + counts.fn - gone)


def _redrawn_share(rng: random.Random, judged: Sequence[tuple[str, int]]) -> float:
    """The share of token errors in references where only the gold is wrong, in the
    judged references drawn again with replacement."""
    draw = [rng.choice(judged) for _ in judged]
    errors = sum(e for _, e in draw)
    return sum(e for v, e in draw if v == "parser") / errors if errors else 0.0


@dataclass
class AdjudicationReport:
    split: str
    references: int
    disagreeing: int
    sample: int
    now_right: int
    missing: int  # verdicts whose reference is no longer in the split
    by_verdict: Counter[str] = field(default_factory=Counter)
    errors_by_verdict: Counter[str] = field(default_factory=Counter)
    counts: Counts = field(default_factory=Counts)  # the split's token counts
    whole: Counts | None = None  # the token counts of all dev, the split a part of it
    judged: list[tuple[str, int]] = field(default_factory=list)  # (verdict, token errors)
    read_twice: int = 0  # verdicts with two independent readings ("first", "second")
    readers_agree: int = 0
    kappa: float = 0.0  # Cohen's kappa of the two readings

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "references": self.references,
                "disagreeing": self.disagreeing, "sample": self.sample,
                "now_right": self.now_right, "missing": self.missing,
                "by_verdict": dict(self.by_verdict),
                "errors_by_verdict": dict(self.errors_by_verdict),
                "read_twice": self.read_twice, "readers_agree": self.readers_agree,
                "kappa": round(self.kappa, 3), "f1": round(self.counts.f1, 4),
                "f1_gold_mended": round(self.f1_gold_mended(), 4),
                "f1_gold_mended_interval": [round(v, 4) for v in self.interval()],
                **({"dev_f1": round(self.whole.f1, 4),
                    "dev_f1_gold_mended": round(self.f1_gold_mended(self.whole), 4),
                    "dev_f1_gold_mended_interval": [round(v, 4)
                                                    for v in self.interval(self.whole)]}
                   if self.whole else {})}

    def gold_errors(self, share: float | None = None) -> float:
        """The split's token errors estimated to be the gold's alone: its false
        positives and negatives times the sample's share of errors in references
        where only the gold is wrong (or ``share``)."""
        if share is None:
            errors = sum(self.errors_by_verdict.values())
            share = self.errors_by_verdict["parser"] / errors if errors else 0.0
        return (self.counts.fp + self.counts.fn) * share

    def interval(self, whole: Counts | None = None, rounds: int = 2000,
                 seed: int = SAMPLE_SEED) -> tuple[float, float]:
        """A 95% bootstrap interval of :meth:`f1_gold_mended`: the judged references
        drawn again with replacement, ``rounds`` times."""
        if not self.judged:
            return (0.0, 0.0)
        rng = random.Random(seed)
        return middle_95([self.f1_gold_mended(whole, share=_redrawn_share(rng, self.judged))
                           for _ in range(rounds)])

    def f1_gold_mended(self, whole: Counts | None = None, *,
                       share: float | None = None) -> float:
        """An estimate: the F1 of the split (or of ``whole``, a set the split is part
        of) against the split's gold mended where only the gold is wrong, if the
        sample's share of such errors holds for the whole split and each pair of them
        (a false positive and a false negative) is one mislabelled token, which then
        counts as a true positive."""
        return _mended_f1(whole or self.counts, self.gold_errors(share))


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Agreement of two readers beyond what chance gives."""
    n = len(pairs)
    if n == 0:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[v] * second[v] for v in VERDICTS) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


@dataclass
class DevAdjudication:
    """Every dev part read again where it has verdicts: dev as a whole scored
    against its gold mended, in each part, where that part's sample finds the gold
    alone wrong (a part without verdicts is left as it is)."""

    parts: list[AdjudicationReport]
    whole: Counts

    def f1_gold_mended(self, shares: Mapping[str, float] | None = None) -> float:
        return _mended_f1(self.whole, sum(
            report.gold_errors(None if shares is None else shares[report.split])
            for report in self.parts if report.judged))

    def interval(self, rounds: int = 2000, seed: int = SAMPLE_SEED) -> tuple[float, float]:
        """A 95% bootstrap interval: each part's judged references drawn again with
        replacement, the parts independently, ``rounds`` times."""
        judged = [report for report in self.parts if report.judged]
        if not judged:
            return (0.0, 0.0)
        rng = random.Random(seed)
        return middle_95([
            self.f1_gold_mended({report.split: _redrawn_share(rng, report.judged)
                                 for report in judged})
            for _ in range(rounds)])

    def to_dict(self) -> dict[str, Any]:
        return {"parts": [report.to_dict() for report in self.parts],
                "dev_f1": round(self.whole.f1, 4),
                "dev_f1_gold_mended": round(self.f1_gold_mended(), 4),
                "dev_f1_gold_mended_interval": [round(v, 4) for v in self.interval()]}


def run_dev_adjudication(shared: Path, verdicts: Mapping[str, Mapping[str, Mapping[str, str]]],
                         parser: str = "auto") -> DevAdjudication:
    """The report on each dev part that has verdicts (``verdicts``: part -> its
    verdicts) and on dev as a whole with all of them mended."""
    scans = scan_dev(shared, parser)
    parts = [run_adjudication(part, shared, verdicts[part], parser, scans)
             for part in DEV_PARTS if part in verdicts]
    return DevAdjudication(parts, _whole(scans))


def run_adjudication(split: str, shared: Path, verdicts: Mapping[str, Mapping[str, str]],
                     parser: str = "auto",
                     scans: Mapping[str, SplitScan] | None = None) -> AdjudicationReport:
    """The report on one dev part; ``scans`` (each dev part's scan, from
    :func:`scan_dev`) saves parsing the parts again."""
    if scans is None:
        scans = scan_dev(shared, parser)
    scan = scans[split]
    keys = scan.keys
    by_key = {d.key: d for d in scan.found}
    report = AdjudicationReport(split, len(keys), len(scan.found), len(verdicts), 0, 0,
                                counts=scan.counts)
    for key, row in verdicts.items():
        d = by_key.get(key)
        if d is None:
            if key in keys:
                report.now_right += 1
            else:
                report.missing += 1
            continue
        report.by_verdict[row["verdict"]] += 1
        report.errors_by_verdict[row["verdict"]] += d.errors
        report.judged.append((row["verdict"], d.errors))
    report.whole = _whole(scans)
    pairs = [(row["first"], row["second"]) for row in verdicts.values()
             if "first" in row and "second" in row]
    report.read_twice = len(pairs)
    report.readers_agree = sum(a == b for a, b in pairs)
    report.kappa = cohen_kappa(pairs)
    return report


def format_dev_adjudication(dev: DevAdjudication) -> str:
    blocks = [format_adjudication(report) for report in dev.parts]
    low, high = dev.interval()
    read = ", ".join(f"{report.split} {sum(report.by_verdict.values())}" for report in dev.parts)
    blocks.append(f"== dev as a whole ({dev.whole.tp + dev.whole.fn} gold tokens): token micro F1 "
                  f"now {100 * dev.whole.f1:.2f}; with every read part's gold mended where "
                  f"only the gold is wrong: {100 * dev.f1_gold_mended():.2f} (95% bootstrap "
                  f"interval {100 * low:.2f}–{100 * high:.2f}; verdicts read: {read})")
    return "\n\n".join(blocks)


def format_adjudication(report: AdjudicationReport) -> str:
    n = sum(report.by_verdict.values())
    errors = sum(report.errors_by_verdict.values())
    lines = [
        f"== {report.split}: a second reading of the gold where parser and gold disagree",
        f"references {report.references}; the parser disagrees with the gold on "
        f"{report.disagreeing}",
        f"verdicts on a frozen random sample {report.sample}: the parser still disagrees on "
        f"{n}, now agrees on {report.now_right}; verdicts on no reference of the split "
        f"{report.missing}",
        f"read twice, independently: {report.read_twice}; the readers agree on "
        f"{report.readers_agree} (Cohen's kappa {report.kappa:.2f}); a third reading "
        f"settled the rest",
        "verdict   refs   share  95% interval   token errors  share",
    ]
    for verdict in VERDICTS:
        k = report.by_verdict[verdict]
        low, high = wilson(k, n)
        e = report.errors_by_verdict[verdict]
        lines.append(f"{verdict:8s} {k:5d}  {100 * k / max(n, 1):5.1f}%  "
                     f"{100 * low:5.1f}–{100 * high:5.1f}%  {e:12d}  "
                     f"{100 * e / max(errors, 1):5.1f}%")
    low, high = report.interval()
    lines.append(f"token micro F1 now {100 * report.counts.f1:.2f}; estimated against the "
                 f"gold mended where only the gold is wrong: {100 * report.f1_gold_mended():.2f}"
                 f" (95% bootstrap interval {100 * low:.2f}–{100 * high:.2f}; the sample's "
                 "share of such errors taken for the whole split)")
    if report.whole is not None:
        low, high = report.interval(report.whole)
        lines.append(f"dev as a whole: now {100 * report.whole.f1:.2f}; with this part's gold so "
                     f"mended: {100 * report.f1_gold_mended(report.whole):.2f} "
                     f"({100 * low:.2f}–{100 * high:.2f})")
    return "\n".join(lines)
