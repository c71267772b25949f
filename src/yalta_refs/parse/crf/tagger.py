"""Load the CRF model once and label references with it."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ...errors import ParseError
from ...model import Diagnostic, Reference
from ..fields import split_gbt_dates, split_type_marker
from .assemble import assemble, repair
from .decode import one_run_per_field
from .features import features
from .tokens import Token, tokenize

__all__ = ["MODEL_ENV", "MODEL_PATH", "load_tagger", "parse_crf", "tag_tokens"]

#: The versioned model shipped with the package.
MODEL_PATH = Path(__file__).with_name("model-v1.crfsuite")
#: An environment variable naming another model file to use instead (a candidate
#: model under evaluation: ``python -m yalta_refs.eval parser --model FILE`` sets it).
MODEL_ENV = "YALTA_REFS_CRF_MODEL"


def load_tagger(path: str | None = None) -> Any:
    """A python-crfsuite Tagger for ``path`` (default: the file :data:`MODEL_ENV`
    names, else the shipped model), each file opened once."""
    return _open_tagger(str(path or os.environ.get(MODEL_ENV) or MODEL_PATH))


@cache
def _open_tagger(path: str) -> Any:
    import pycrfsuite

    model = Path(path)
    if not model.is_file():
        raise FileNotFoundError(
            f"CRF model {model} is missing; build it with python -m yalta_refs.parse.crf.train")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def tag_tokens(tokens: Sequence[Token], *, model: str | None = None) -> list[str]:
    """One label per token: the model's best labelling with one run per field that a
    reference gives once (:mod:`.decode`)."""
    if not tokens:
        return []
    tagger = load_tagger(model)
    labels = tagger.tag(features(tokens))

    def annotation_at(labels: Sequence[str]) -> int | None:
        repaired = repair(tokens, labels)
        return repaired.index("annotation") if "annotation" in repaired else None

    return one_run_per_field(labels, tagger, annotation_at=annotation_at,
                             words=[t.text for t in tokens])


def parse_crf(text: str, *, model: str | None = None) -> Reference:
    """Parse one cleaned reference with the CRF; raise ParseError if it holds no words."""
    from .. import reference as rules  # the diagnostic code shared with the rule parser

    text = " ".join(text.split())
    diagnostics: list[Diagnostic] = []
    repeat = rules.repeated_names(text)
    body = text
    if repeat:
        diagnostics.append(repeat[1])
        body = text[repeat[0]:]
    unmarked, marked = split_type_marker(body)
    issued = cited = title_end = None
    if marked:  # GB/T 7714: the title ends at the marker; "(2020-10-01)[2021-03-05]"
        title_end = next((k for k, (a, b) in enumerate(zip(body, unmarked, strict=False))
                          if a != b), len(unmarked))
        unmarked, issued, cited = split_gbt_dates(unmarked)
    body = unmarked
    tokens = tokenize(body)
    if not tokens:
        raise ParseError("empty reference")
    labels = tag_tokens(tokens, model=model)
    if repeat and labels[0] == "author" and "title" not in labels:
        # "———. Dubliners. London: …": the names are the entry's above, so what the
        # model took for them, at the start of a reference with no title, is the title
        k = next((i for i, label in enumerate(labels) if label != "author"), len(labels))
        labels = ["title"] * k + labels[k:]
    ref = assemble(body, tokens, labels, title_end=title_end)
    if marked:
        ref = ref.with_fields(type=marked)
        if issued is not None:
            ref = ref.with_fields(issued=issued)
        if cited is not None:
            ref = ref.with_fields(accessed=cited)
    if diagnostics:
        ref = ref.with_fields(diagnostics=(*diagnostics, *ref.diagnostics))
    return ref if body == text else ref.with_fields(source_text=text)
