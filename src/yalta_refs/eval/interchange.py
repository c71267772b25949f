"""Interchange: our files read back by real, independent readers.

``python -m yalta_refs.eval interchange [--json]`` writes tests/interchange/records.py's
references as BibTeX, BibLaTeX, RIS and CSL-JSON, reads each file with every installed
reader (citation-js and pandoc give CSL-JSON; js/bibtexparser.mjs puts Better BibTeX's
parser's fields under CSL names) and compares each item with what was written, field by
field in normal form, over the fields the format carries (:func:`carried`); the
annotation is counted apart. ``yalta_refs`` rows use our own readers ("stable": written
again byte for byte). biber validates the BibLaTeX file, BibTeX compiles the BibTeX one.
It measures and never asserts; tests/interchange holds the expectations.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

from ..formats import write_format
from ..formats.bibtex import noted_fields
from ..formats.csljson import reference_from_csl
from ..model import CSL_DATE_FIELDS, CSL_FIELDS, CSL_NAME_FIELDS, Library, Name, Reference
from .corpus import repo_root

__all__ = ["FORMATS", "READERS", "Check", "Validation", "carried", "check_reader",
           "check_roundtrip", "comparable", "format_report", "load_records", "reader_problem",
           "report", "run", "validate_biblatex", "validate_bibtex"]

FORMATS = ("bibtex", "biblatex", "ris", "csl-json")
#: Independent readers of each format (``yalta_refs``, our own, is checked too).
READERS: dict[str, tuple[str, ...]] = {
    "bibtex": ("citation-js", "pandoc", "bibtex-parser"),
    "biblatex": ("citation-js", "pandoc", "bibtex-parser"),
    "ris": ("citation-js", "pandoc"),
    "csl-json": ("citation-js", "pandoc"),
}
_PANDOC_FORMAT = {"bibtex": "bibtex", "biblatex": "biblatex", "ris": "ris", "csl-json": "csljson"}
_SCRIPTS = {"citation-js": "citationjs.mjs", "bibtex-parser": "bibtexparser.mjs"}
_TIMEOUT = 300

Value = str | tuple[str, ...]
Item = dict[str, Value]

# --------------------------------------------------------------------------- what a format carries

_ALL = frozenset(CSL_FIELDS) | {"type"}
_ARTICLES = ("article-journal", "article-magazine", "article-newspaper")
#: Fields with an RIS tag of their own for some types only (``formats/ris.py``); otherwise
#: they are ``M2`` lines ("original-date: 1977", Zotero's Extra) that no reader maps back.
_RIS_SOME: dict[str, Callable[[str], bool]] = {
    "container-title": lambda t: t != "book", "container-author": lambda t: t == "chapter",
    "collection-number": lambda t: t in ("book", "chapter"), "number": lambda t: t == "report",
    "ISBN": lambda t: t not in (*_ARTICLES, "report"), "ISSN": lambda t: t in _ARTICLES,
    "page": lambda t: t not in ("book", "thesis"),
    "number-of-pages": lambda t: t in ("book", "thesis"),
}
_RIS = _ALL - set(_RIS_SOME) - {"original-date", "original-title", "medium"}


def carried(ref: Reference, fmt: str) -> frozenset[str]:
    """The CSL fields of ``ref`` that ``fmt`` has a place for (the rest goes to a note)."""
    if fmt == "csl-json":
        return _ALL
    if fmt == "ris":  # a date range is an M2 line too (PY/DA hold its start)
        out = _RIS | {name for name, applies in _RIS_SOME.items() if applies(ref.type)}
        return out - {n for n in CSL_DATE_FIELDS if len(getattr(ref.get(n), "parts", ())) > 1}
    out = _ALL - noted_fields(ref, biblatex=fmt == "biblatex")
    if fmt == "bibtex" and ref.type in ("article-magazine", "article-newspaper", "webpage"):
        out -= {"type", "medium"} if ref.type == "webpage" else {"type"}  # @article, @misc
    return out


# --------------------------------------------------------------------------- normal form

_TAGS = re.compile(r"</?(span|i|b|em|strong|sup|sub)\b[^>]*>")
_DASHES = re.compile(r"\s*[-\u2010-\u2015\u2212]+\s*")
_YEARS = re.compile(r"^(\d{3,4})\s*[-\u2013/]+\s*(\d{3,4})$")
_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _norm(text: str) -> str:
    """NFC, markup tags gone, typographic quotes straight, whitespace folded."""
    return " ".join(_TAGS.sub("", unicodedata.normalize("NFC", text)).translate(_QUOTES).split())


def comparable(ref: Reference, fields: Iterable[str]) -> Item:
    """The normal form of the non-empty ``fields`` (CSL names) of ``ref``: names as
    display strings, dates as ISO ("1960/1966" also for a literal "1960–1966")."""
    out: Item = {}
    for name in fields:
        value = ref.type if name == "type" else ref.get(name)
        if value in (None, "", ()):
            continue
        if name in CSL_NAME_FIELDS:
            out[name] = tuple(_norm(n.display()) for n in cast(tuple[Name, ...], value))
        elif name in CSL_DATE_FIELDS:
            out[name] = _YEARS.sub(r"\1/\2", _norm(str(value)))
        else:
            text = _norm(str(value))
            out[name] = _DASHES.sub("-", text) if name == "page" else text
    return out


def _same(want: Value, got: Value | None, *, contain: bool, fold_case: bool) -> bool:
    if isinstance(want, str) and isinstance(got, str):
        if fold_case:
            want, got = want.casefold(), got.casefold()
        return want in got if contain else want == got
    return want == got


# --------------------------------------------------------------------------- readers


def readers_dir() -> Path:
    """Where .ci/install-readers puts the readers (``$YALTA_READERS`` overrides)."""
    return Path(os.environ.get("YALTA_READERS", repo_root() / ".cache" / "readers"))


def _js(reader: str) -> list[str] | None:
    node = shutil.which("node")
    modules = Path(os.environ.get("YALTA_READERS_NODE", readers_dir() / "node"))
    script = repo_root() / "tests" / "interchange" / "js" / _SCRIPTS[reader]
    if node is None or not (modules / "node_modules").is_dir() or not script.exists():
        return None
    return [node, str(script)]


@cache
def _pandoc() -> tuple[str, frozenset[str]] | None:
    """``$YALTA_PANDOC``, else the pinned pypandoc-binary one (not PATH's: the expectations
    are for that version), and its input formats."""
    bundled = readers_dir() / "pandoc" / "pypandoc" / "files" / "pandoc"
    for candidate in (os.environ.get("YALTA_PANDOC"), str(bundled)):
        if candidate and Path(candidate).is_file():
            listed = subprocess.run([candidate, "--list-input-formats"], capture_output=True,
                                    text=True, check=False, timeout=60)
            return candidate, frozenset(listed.stdout.split())
    return None


def _yalta_reader() -> Callable[[str, str], Library] | None:
    module = importlib.import_module("yalta_refs.formats")
    return cast(Callable[[str, str], Library] | None, getattr(module, "read_format", None))


def reader_problem(reader: str, fmt: str) -> str | None:
    """Why ``reader`` cannot read ``fmt`` here (not installed ...), or None."""
    if fmt not in importlib.import_module("yalta_refs.formats").FORMATS:
        return f"yalta_refs writes no {fmt} yet"
    if reader == "yalta_refs":
        return None if _yalta_reader() is not None else "formats.read_format is not there yet"
    if reader == "pandoc":
        found = _pandoc()
        if found is None:
            return "pandoc is not installed (.ci/install-readers)"
        return None if _PANDOC_FORMAT[fmt] in found[1] else f"this pandoc cannot read {fmt}"
    return None if _js(reader) else f"{reader} is not installed (.ci/install-readers)"


def _run(command: Sequence[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT, check=False,
                          encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def _read_with(reader: str, fmt: str, text: str) -> list[Reference]:
    """``text`` read by ``reader``, each CSL item as a Reference (a split list as "a; b")."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"records.{fmt}"
        path.write_text(text, encoding="utf-8")
        if reader == "pandoc":
            pandoc = cast(tuple[str, frozenset[str]], _pandoc())[0]
            command = [pandoc, "-f", _PANDOC_FORMAT[fmt], "-t", "csljson", str(path)]
        else:
            command = [*(_js(reader) or []), *([fmt] if reader == "citation-js" else []),
                       str(path)]
        items = json.loads(_run(command))
    refs = []
    for item in items:
        item = {k: "; ".join(map(str, v)) if isinstance(v, list) and k not in CSL_NAME_FIELDS
                else v for k, v in item.items() if not k.startswith("_")}
        try:
            refs.append(reference_from_csl(item))
        except Exception:  # an item we cannot read counts as lost
            continue
    return refs


# --------------------------------------------------------------------------- checks


@dataclass
class Check:
    """The outcome of one (format, reader) pair."""

    format: str
    reader: str
    records: int = 0
    read: int = 0
    fields_ok: int = 0
    fields_total: int = 0
    annote_ok: int = 0
    annote_total: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[tuple[str, Value, Value | None]]] = field(default_factory=dict)
    stable: bool | None = None
    skipped: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**vars(self), "failures": dict(self.failures.most_common())}


@cache
def load_records() -> tuple[Reference, ...]:
    """The references of tests/interchange/records.py (a checkout is needed)."""
    root = str(repo_root())
    if root not in sys.path:
        sys.path.insert(0, root)
    module = importlib.import_module("tests.interchange.records")
    return cast(tuple[Reference, ...], module.build_records())


@cache
def _written(fmt: str) -> str:
    return write_format(Library(load_records()), fmt)


def _score(check: Check, read: Sequence[Reference], fold_case: bool = False) -> Check:
    refs = load_records()
    by_id = {ref.id: ref for ref in read}
    if len(read) == len(refs) and not any(ref.id in by_id for ref in refs):
        by_id = {ref.id: back for ref, back in zip(refs, read, strict=True)}  # by position
    check.records, check.read = len(refs), len(read)
    ris_notes = check.format == "ris" and check.reader != "yalta_refs"
    for ref in refs:
        fields = carried(ref, check.format)
        back = by_id.get(ref.id)
        have = comparable(back, fields) if back is not None else {}
        for name, want in comparable(ref, fields).items():
            got, contain = have.get(name), name == "note"
            if name == "annote" and ris_notes:  # RIS readers put every N1 in the note
                got, contain = got or have.get("note"), True
            ok = _same(want, got, contain=contain, fold_case=fold_case and "title" in name)
            if name == "annote":
                check.annote_total, check.annote_ok = check.annote_total + 1, check.annote_ok + ok
            else:
                check.fields_total, check.fields_ok = check.fields_total + 1, check.fields_ok + ok
            if not ok:
                check.failures[name] += 1
                check.examples.setdefault(name, []).append((ref.id, want, got))
    check.examples = {name: found[:3] for name, found in check.examples.items()}
    return check


def check_reader(fmt: str, reader: str) -> Check:
    """Write the records as ``fmt``, read them with ``reader`` and score the result.

    pandoc sentence-cases the titles of (English) BibTeX entries, as CSL wants, so its
    titles are compared without case there."""
    check = Check(fmt, reader, skipped=reader_problem(reader, fmt))
    if check.skipped:
        return check
    read = _read_with(reader, fmt, _written(fmt))
    return _score(check, read, fold_case=reader == "pandoc" and fmt in ("bibtex", "biblatex"))


def check_roundtrip(fmt: str) -> Check:
    """Model -> ``fmt`` -> model with our own reader, and ``fmt`` -> model -> ``fmt`` stability."""
    check = Check(fmt, "yalta_refs", skipped=reader_problem("yalta_refs", fmt))
    reader = _yalta_reader()
    if check.skipped or reader is None:
        return check
    try:
        library = reader(_written(fmt), fmt)
    except Exception as exc:  # the reader's failure is the result
        check.skipped = f"read_format failed: {type(exc).__name__}: {exc}"
        return check
    check.stable = write_format(library, fmt) == _written(fmt)
    return _score(check, library.references)


# --------------------------------------------------------------------------- validators


@dataclass
class Validation:
    """A TeX tool's warnings on our file: ``ours`` (the writer could avoid them), ``data``
    (a record lacks what the tool asks for) and ``style`` (limits of plain.bst)."""

    tool: str
    ours: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    style: list[str] = field(default_factory=list)
    skipped: str | None = None


_TEX_FIELD = {"author": "author", "title": "title", "journal": "container-title",
              "journaltitle": "container-title", "booktitle": "container-title",
              "publisher": "publisher", "school": "publisher", "institution": "publisher",
              "year": "issued", "date": "issued"}
_MISSING = re.compile(r"Entry '([^']+)'.*Missing mandatory field (?:- one of )?'(\w+)"
                      r"|Warning--(?:empty (\w+)(?: and \w+)?|to sort, need (\w+)\W.*) in (\S+)")
_STYLE = re.compile(r"Warning--(can't use both|there's a number but no volume)")
_TEX = (r"\documentclass{article}\usepackage[T1]{fontenc}\usepackage[utf8]{inputenc}"
        "\n\\begin{document}\\nocite{*}\\bibliographystyle{plain}\\bibliography{records}"
        "\\end{document}\n")


def _classify(check: Validation, lines: Iterable[str]) -> Validation:
    """Sort ``lines`` into ``check``: a missing field is data when the record lacks it
    (an edited book lacks no author: it could be a @collection), else ours."""
    refs = {ref.id: ref for ref in load_records()}
    for line in lines:
        if missing := _MISSING.search(line):
            key = missing[1] or missing[5]
            ref, csl = refs.get(key), _TEX_FIELD.get(missing[2] or missing[3] or missing[4])
            value = ref.get(csl) if ref is not None and csl is not None else None
            if csl == "issued" and value is not None and not value.parts:
                value = None  # "n.d.", "forthcoming": no date biber can use
            lacks = ref is not None and csl is not None and not value and not (
                csl == "author" and ref.editor and ref.type == "book")
            (check.data if lacks else check.ours).append(line)
        else:
            (check.style if _STYLE.search(line) else check.ours).append(line)
    return check


def _tex_log(fmt: str, commands: Sequence[Sequence[str]], log: str) -> list[str]:
    """Run ``commands`` in a folder holding our ``fmt`` file as records.bib; ``log``'s lines."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "records.bib").write_text(_written(fmt), encoding="utf-8")
        Path(tmp, "doc.tex").write_text(_TEX, encoding="utf-8")
        for command in commands:
            subprocess.run(command, cwd=tmp, capture_output=True, timeout=_TIMEOUT, check=False)
        return Path(tmp, log).read_text(encoding="utf-8", errors="replace").splitlines()


def validate_biblatex() -> Validation:
    """``biber --tool --validate-datamodel`` on our BibLaTeX file."""
    if shutil.which("biber") is None:
        return Validation("biber", skipped="biber is not installed (.ci/install-readers)")
    log = _tex_log("biblatex", [["biber", "--tool", "--validate-datamodel", "records.bib"]],
                   "records.bib.blg")
    return _classify(Validation("biber"), (line.split(" - ", 1)[1] for line in log
                                           if " WARN - " in line or " ERROR - " in line))


def validate_bibtex() -> Validation:
    """``latex`` + ``bibtex`` (plain.bst) on a document citing our whole BibTeX file; its
    errors ("I was expecting a ','") and warnings."""
    if shutil.which("latex") is None or shutil.which("bibtex") is None:
        return Validation("bibtex", skipped="latex/bibtex are not installed "
                                            "(.ci/install-readers)")
    log = _tex_log("bibtex", [["latex", "-interaction=nonstopmode", "doc.tex"],
                              ["bibtex", "doc"]], "doc.blg")
    errors = ("Warning--", "I was expecting", "I'm skipping", "Repeated entry", "Too many")
    return _classify(Validation("bibtex"), (" ".join(log[i:i + 1 + (not line.startswith("W"))])
                                            for i, line in enumerate(log)
                                            if line.startswith(errors)))


# --------------------------------------------------------------------------- report


def run(formats: Sequence[str] = FORMATS) -> tuple[list[Check], list[Validation]]:
    """Every (format, reader) check, our round trips, and the two TeX validations."""
    checks: list[Check] = []
    for fmt in formats:
        checks += [check_reader(fmt, reader) for reader in READERS[fmt]]
        checks.append(check_roundtrip(fmt))
    return checks, [validate_biblatex(), validate_bibtex()]


_ENTRY = re.compile(r"'[^']*' \(records\.bib\)|entry '[^']*'|(?<= in )\S+$")


def _short(value: Value | None) -> str:
    text = repr(" | ".join(value) if isinstance(value, tuple) else value)
    return text if len(text) <= 90 else text[:87] + "..."


def format_report(checks: Sequence[Check], validations: Sequence[Validation]) -> str:
    """The table, per-field failures with examples, and the TeX tools' warnings."""
    rows = [("format", "reader", "records", "fields", "%", "annote", "stable")]
    for c in (c for c in checks if not c.skipped):
        pct = f"{100 * c.fields_ok / c.fields_total:.1f}%" if c.fields_total else "-"
        rows.append((c.format, c.reader, f"{c.read}/{c.records}",
                     f"{c.fields_ok}/{c.fields_total}", pct, f"{c.annote_ok}/{c.annote_total}",
                     {None: "", True: "yes", False: "NO"}[c.stable]))
    widths = [max(len(r[i]) for r in rows) for i in range(7)]
    out = [f"interchange: {len(load_records())} records", ""]
    out += ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
            for r in rows]
    out += [f"{c.format} {c.reader}: skipped, {c.skipped}" for c in checks if c.skipped]
    for c in (c for c in checks if c.failures):
        out += ["", f"{c.format} / {c.reader}: lost or changed"]
        for name, count in c.failures.most_common():
            out.append(f"  {name:<18} {count:>4}")
            out += [f"      {key}: wrote {_short(want)}; read {_short(got)}"
                    for key, want, got in c.examples.get(name, [])[:2]]
    for v in validations:
        out += ["", f"{v.tool}: " + (f"skipped, {v.skipped}" if v.skipped else
                                     f"{len(v.ours)} warnings about our entries, {len(v.data)} "
                                     f"about data the records lack, {len(v.style)} style limits")]
        for label, lines in (("ours", v.ours), ("style", v.style)):
            kinds = Counter(_ENTRY.sub("X", line) for line in lines)
            out += [f"  {label:<5} {n:>3} x {kind}" for kind, n in kinds.most_common()]
    return "\n".join(out)


def report(as_json: bool = False) -> str | dict[str, Any]:
    """What ``python -m yalta_refs.eval interchange`` prints."""
    checks, validations = run()
    if not as_json:
        return format_report(checks, validations)
    return {"records": len(load_records()), "checks": [c.to_dict() for c in checks],
            "validations": [asdict(v) for v in validations]}
