"""Constrained decoding: one run per field that a reference gives once.

The CRF is first order: it sees two neighbouring labels at a time, so nothing
stops its best labelling from giving a reference two titles ("The Philosophy of
Composition" cut off by the names in "Some Problems with E. D. Hirsch's …") or
two publishers, the second of which the assembly could only keep as a note. A
reference has one title, one container title, one publisher, one place and one
page range. When the best labelling breaks that (or gives two runs of authors
in a reference with no role word, where no editor or translator is to be told
apart from them), the labellings that mend it are scored by the model itself
(``Tagger.probability``: the CRF's P(labels | text)) and the likeliest is
taken. The candidates, per repeated field:

- one of its runs relabelled as a whole, with the label of a neighbouring run or
  the label the model rates next for one of its tokens (``Tagger.marginal``);
- each token of one of its runs given the label the model rates next for it;
- two of its runs joined, the at most six tokens between them taken into the
  field, unless those hold the reference's only date or an editor or translator
  ("In A. Brooks (ed.), Book" is a chapter, not one title cut by a name).

What is left to the model and the repairs: where an annotation starts (no run is
made the annotation here, and the labels from the annotation's start, as the
repairs find it, are kept, since prose may name a title or a publisher again);
who the names are (no run is made an editor or translator, and the names a
reference opens with stay its authors); the text after a DOI or link (notes or
prose). A run of nothing but a cue ("In" labelled as the container before the
editors) does not count as a run, and a run of words is not made the pages,
volume or issue.

Pure given the tagger; the tagger must have tagged the sequence just before
(python-crfsuite scores the sequence it last tagged). Measured on every split in
docs/parser.md (tenth round).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import groupby, pairwise
from typing import Any

from .lexicon import IN_WORDS, MORE_ROLE_WORDS, ROLE_WORDS

__all__ = ["ONE_RUN", "one_run_per_field", "runs_of"]

#: fields a reference gives once
ONE_RUN = ("title", "container-title", "publisher", "location", "pages")
#: every field that may be mended (authors only where no role word is)
_ANY_FIELD = (*ONE_RUN, "author")
#: names with a role: "In A. Brooks (ed.), Book" is not one title cut by a name
_ROLES = frozenset({"editor", "translator"})
#: labels no run is given here: where prose starts, and who the names are, are the
#: model's and the repairs' call
_NOT_HERE = frozenset({"annotation", "editor", "translator"})
_NUMBERS = frozenset({"pages", "volume", "issue"})
_LINKS = frozenset({"doi", "url"})
#: words that give names a role (the lexicon's, less "by", "von", "par", which
#: titles and names hold too, and "In" before editors); where one is, author runs
#: are the repairs' to read
_ROLE_CUES = (ROLE_WORDS - {"by", "von", "par"}) | MORE_ROLE_WORDS | {"in"}
#: words that only say what follows ("In:", "dans", "Em:"); a run of nothing else is
#: no field
_CUE_WORDS = IN_WORDS | {"en", "im", "em", "w"}
_WORD = re.compile(r"[^\W\d_]{3,}")
#: the longest stretch two runs of a field are joined across
_LONGEST_GAP = 6
#: rounds of mending (each mends at least one field)
_ROUNDS = 4


def runs_of(labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """(label, first, last) for each run of equal labels."""
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(labels):
        j = i
        while j + 1 < len(labels) and labels[j + 1] == labels[i]:
            j += 1
        out.append((labels[i], i, j))
        i = j + 1
    return out


def _seen(labels: Sequence[str], cues: Sequence[bool]) -> list[str]:
    """The label of each run, leaving out runs of nothing but a cue ("In" labelled
    as the container before the editors: the assembly drops it)."""
    return [label for label, i, j in runs_of(labels)
            if not (cues and all(cues[i:j + 1]))]


def _repeated(labels: Sequence[str], cues: Sequence[bool] = (),
              fields: Sequence[str] = ONE_RUN) -> list[str]:
    seen = _seen(labels, cues)
    return [label for label in fields if seen.count(label) > 1]


def _surplus(labels: Sequence[str], cues: Sequence[bool] = (),
             fields: Sequence[str] = ONE_RUN) -> int:
    """How many runs of ``fields`` there are beyond one each."""
    seen = _seen(labels, cues)
    return sum(max(0, seen.count(label) - 1) for label in fields)


def one_run_per_field(labels: Sequence[str], tagger: Any, *,
                      annotation_at: Callable[[Sequence[str]], int | None] | None = None,
                      words: Sequence[str] = ()) -> list[str]:
    """``labels`` (the tagger's best for the sequence it last tagged) with every
    field of :data:`ONE_RUN` in one run, where the model finds a way to; else
    ``labels`` unchanged. ``annotation_at`` gives where the annotation starts
    for a labelling (None: there is none); the labels from there on are kept.
    ``words`` (the tokens' texts): a run holding a word is not made a number
    (pages, volume, issue)."""
    labels = list(labels)
    seen = [label for label, _ in groupby(labels)]
    if all(seen.count(field) < 2 for field in _ANY_FIELD):
        return labels  # most references: nothing to mend, found at the least cost
    cues = [w.lower().rstrip(":") in _CUE_WORDS for w in words]
    fields: tuple[str, ...] = ONE_RUN
    if words and not any(w.lower() in _ROLE_CUES for w in words):
        fields = (*ONE_RUN, "author")  # no editor or translator to tell apart from them
    if not _repeated(labels, cues, fields):
        return labels
    end = len(labels)
    if annotation_at is not None:
        start = annotation_at(labels)
        if start is not None:
            end = start
    link = next((k for k, label in enumerate(labels) if label in _LINKS), None)
    if link is not None:  # a DOI or link ends the reference; what follows is notes or prose
        while link < end and labels[link] in _LINKS:
            link += 1
        end = min(end, link)
    if not _repeated(labels[:end], cues, fields):
        return labels
    names = sorted(tagger.labels())
    marginals: dict[int, list[tuple[float, str]]] = {}

    def ranked(t: int) -> list[tuple[float, str]]:
        if t not in marginals:
            marginals[t] = sorted(((tagger.marginal(y, t), y) for y in names),
                                  key=lambda p: -p[0])
        return marginals[t]

    def next_best(t: int, label: str) -> str:
        barred = _NOT_HERE | (_NUMBERS if words and _WORD.search(words[t]) else set())
        return next(y for _, y in ranked(t) if y != label and y not in barred)

    current = labels
    for _ in range(_ROUNDS):
        head, tail = current[:end], current[end:]
        repeated = _repeated(head, cues, fields)
        if not repeated:
            break
        runs = runs_of(head)
        candidates: list[list[str]] = []
        for label in repeated:
            mine = [k for k, (name, i, j) in enumerate(runs)
                    if name == label and not (cues and all(cues[i:j + 1]))]
            for k in mine:
                _, i, j = runs[k]
                if label == "author" and k == mine[0]:
                    continue  # the names a reference opens with stay its authors
                others = {runs[m][0] for m in (k - 1, k + 1) if 0 <= m < len(runs)}
                others |= {next_best(t, label) for t in range(i, j + 1)}
                others -= {label, *_NOT_HERE}
                if any(_WORD.search(w) for w in words[i:j + 1]):
                    others -= _NUMBERS  # "Contact and perception" is not the pages
                for other in sorted(others):
                    candidates.append([*head[:i], *[other] * (j + 1 - i), *head[j + 1:]])
                candidates.append([*head[:i], *(next_best(t, label) for t in range(i, j + 1)),
                                   *head[j + 1:]])
            for a, b in pairwise(mine):
                last, first = runs[a][2], runs[b][1]
                gap = head[last + 1:first]
                only_date = "date" in gap and "date" not in (*head[:last + 1], *head[first:])
                if len(gap) <= _LONGEST_GAP and not only_date and not _ROLES & set(gap):
                    candidates.append([*head[:last + 1], *[label] * len(gap), *head[first:]])
        surplus = _surplus(head, cues, fields)
        better = [c for c in candidates if _surplus(c, cues, fields) < surplus]
        if not better:
            break
        best = max(better, key=lambda c: tagger.probability([*c, *tail]))
        current = [*best, *tail]
    return current
