"""Differential check: our CSL engine against citeproc-js over tests/render/corpus.json.

Per verified style and format (HTML, text) the number of items rendered the
same as citeproc-js may only go up (:mod:`.expectations`). The checks skip
when node, the npm package citeproc (``.ci/install-readers``) or our engine
is absent; no check uses the network.
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from functools import cache

import pytest

from yalta_refs.eval.render import FORMATS, VERIFIED_STYLES, Parity, corpus_path, node_problem

from .expectations import FLOORS, SAME_ORDER, TARGET
from .make_corpus import build


def test_corpus_is_the_generators_output() -> None:
    assert json.loads(corpus_path().read_text(encoding="utf-8")) == build()


def test_corpus_is_large_and_varied() -> None:
    items = build()
    assert len(items) >= 300
    kinds = Counter(item["type"] for item in items)
    for kind in ("book", "chapter", "article-journal", "article-magazine",
                 "article-newspaper", "webpage", "thesis", "report"):
        assert kinds[kind] >= 15, kind
    text = json.dumps(items, ensure_ascii=False)
    for needle in ('"translator"', '"editor"', '"edition"', '"volume"', '"accessed"',
                   '"literal"', '"non-dropping-particle": "van"', '"dropping-particle"',
                   '"suffix"', "&", "<script>", "“", "<i>", "<sup>", '"annote"'):
        assert needle in text, needle
    pairs = Counter((json.dumps(i.get("author")), json.dumps(i.get("issued"))) for i in items
                    if i.get("author"))
    assert max(pairs.values()) >= 2  # the same author in the same year


def test_every_verified_style_has_a_floor() -> None:
    assert set(FLOORS) == set(VERIFIED_STYLES)


@cache
def _measured(style: str, fmt: str) -> Parity:
    from yalta_refs.eval.render import run_style

    return run_style(style, fmt, engine="csl", examples=5)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", VERIFIED_STYLES)
def test_parity_never_goes_down(style: str, fmt: str) -> None:
    problem = node_problem()
    if problem:
        pytest.skip(problem)
    result = _measured(style, fmt)
    assert result.error is None, result.error
    floor = FLOORS[style][FORMATS.index(fmt)]
    shown = "\n".join(f"  {e['id']}\n    js:   {e['citeproc-js']}\n    ours: {e['yalta_refs']}"
                      for e in result.examples)
    assert result.exact >= floor, (f"{style} {fmt}: {result.exact}/{result.items} the same, "
                                   f"floor {floor}\n{shown}")
    if style in SAME_ORDER:
        assert result.same_order, f"{style} {fmt}: the entries are not in citeproc-js's order"
    if result.exact > floor:
        warnings.warn(f"{style} {fmt}: {result.exact} now the same; raise its floor in "
                      f"tests/render/expectations.py", stacklevel=1)
    if result.rate < TARGET:
        warnings.warn(f"{style} {fmt}: {result.rate:.1%} under the {TARGET:.0%} target",
                      stacklevel=1)
