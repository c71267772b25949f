"""Training, development and test splits of the shared data (training time only).

* test: AnyStyle gold and the GROBID evaluation set (never trained on), and
  the synthetic test records of each style family (test value pools, own seed);
* excluded from training: every text that is also in a test set (compared by
  :func:`~.data.normalized_key`) and every record in ``holdout_overlap.jsonl``;
* dev: a fixed tenth of the remaining real references (by hash), for tuning;
* train: the rest, plus synthetic references rendered from train value pools.

Annotations: a share of training references get an annotation appended (texts
from the project's development corpus, train half), so the model learns to
stop a reference where the prose starts.
"""

from __future__ import annotations

import json
import random
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .data import Labelled, normalized_key, read_anystyle, read_grobid, read_jsonl_texts
from .synth import CORPORATE, FAMILY_NAMES, GIVEN, Pools, split_pool

__all__ = [
    "ANYSTYLE_TRAIN",
    "Splits",
    "annotation_pool",
    "holdout_listing",
    "load_splits",
    "make_pools",
    "with_annotation",
]

ANYSTYLE_TRAIN = ("core", "good", "bad", "ugly")
TEST_JSONL = ("data/anystyle/gold.jsonl", "data/grobid-citation/evaluation.jsonl")


@dataclass
class Splits:
    train: list[Labelled]
    dev: list[Labelled]
    excluded: int
    duplicates: int


def holdout_listing(shared: Path) -> list[dict[str, Any]]:
    """The rows of ``holdout_overlap.jsonl``: each a record (``source`` such as
    "anystyle:core", ``id`` in that set's JSONL) and the other evaluation sets that
    hold it (``holdout_sources``)."""
    with (shared / "data" / "holdout_overlap.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _excluded_keys(shared: Path) -> set[str]:
    keys = set()
    for rel in TEST_JSONL:
        keys |= {normalized_key(t) for t in read_jsonl_texts(shared / rel).values()}
    texts: dict[str, dict[int, str]] = {}
    for row in holdout_listing(shared):
        source = str(row["source"])
        if source not in texts:
            folder, name = source.split(":")
            texts[source] = read_jsonl_texts(shared / "data" / folder / f"{name}.jsonl")
        keys.add(normalized_key(texts[source][int(row["id"])]))
    return keys


def load_splits(shared: Path) -> Splits:
    """Real labelled references for training and development, deduplicated."""
    excluded_keys = _excluded_keys(shared)
    items: list[Labelled] = []
    for name in ANYSTYLE_TRAIN:
        items += read_anystyle(shared / "data" / "anystyle" / f"{name}.xml")
    items += read_grobid(sorted((shared / "data" / "grobid-citation" / "corpus").glob("*.xml")))
    seen: set[str] = set()
    train: list[Labelled] = []
    dev: list[Labelled] = []
    excluded = duplicates = 0
    for item in items:
        key = normalized_key(item.text)
        if not key or key in excluded_keys:
            excluded += 1
            continue
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        (dev if zlib.crc32(key.encode()) % 10 == 0 else train).append(item)
    return Splits(train, dev, excluded, duplicates)


_CLEAN = re.compile(r"^[^\W\d_]")
_DIRTY = re.compile(r"\d{4}|https?:|[<>/*]|&\w+;|\.\s*[–-]|\s[–-]$")
_TRIM = " .,;:()[]{}\"“”‘’'«»"


def _segments(items: Iterable[Labelled], label: str, *, near: str | None = None) -> list[str]:
    out = []
    for item in items:
        labels = {lab for _, _, lab in item.spans}
        if near is not None and near not in labels:
            continue
        for start, end, lab in item.spans:
            if lab == label:
                value = re.sub(r"^(?:In|in|In:|Dans|Dans :)\s+", "", item.text[start:end])
                value = value.replace("*", "").strip(_TRIM)
                if 2 <= len(value) <= 160 and _CLEAN.match(value) and not _DIRTY.search(value):
                    out.append(value)
    return out


def make_pools(train: Sequence[Labelled], *, test: bool) -> Pools:
    """Value pools for synthetic records: the train (or test) fifth of each pool."""
    titles = [t for t in _segments(train, "title") if 3 <= len(t.split()) <= 25]
    universities = [p for p in _segments(train, "publisher")
                    if re.search(r"Univ|Universit|Institut|College|School", p)]
    pools = {
        "title": titles,
        "journal": _segments(train, "container-title", near="volume"),
        "book": [t for t in _segments(train, "container-title", near="editor")
                 if len(t.split()) >= 2],
        "proceedings": [t for t in _segments(train, "container-title")
                        if re.search(r"Proc|Conference|Symposium|Workshop|Congress", t)],
        "publisher": [p for p in _segments(train, "publisher")
                      if ":" not in p and not re.search(r"\d", p)],
        "university": universities or ["University of Cambridge"],
        "place": [p for p in _segments(train, "location")
                  if len(p.split()) <= 4 and ":" not in p],
        "series": _segments(train, "collection-title"),
        "family": FAMILY_NAMES,
        "given": GIVEN,
        "corporate": CORPORATE,
    }
    return {key: split_pool(values, test=test) or sorted(set(values))
            for key, values in pools.items()}


def annotation_pool(corpus_dir: Path, *, test: bool) -> list[str]:
    """Annotations of the project's development corpus (train or test half, by hash)."""
    texts = []
    for path in sorted(corpus_dir.glob("*.gold.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        refs = data["references"] if isinstance(data, dict) else data
        texts += [" ".join(str(r["annote"]).split()) for r in refs if r.get("annote")]
    return split_pool(texts, test=test)


def with_annotation(item: Labelled, annotation: str) -> Labelled:
    """``item`` followed by an annotation (labelled "annotation")."""
    out = Labelled(item.text, list(item.spans), item.source,
                   None if item.gold is None else list(item.gold), item.names)
    out.add(" ", None)
    out.add(annotation, "annotation")
    return out.finish()


def sample(items: Sequence[Labelled], share: float, seed: int) -> list[int]:
    """Indices of a fixed random ``share`` of ``items``."""
    rng = random.Random(seed)
    return [i for i in range(len(items)) if rng.random() < share]
