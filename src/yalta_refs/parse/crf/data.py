"""Labelled sequences from the shared training sets (read at training time only).

A :class:`Labelled` is a reference text plus labelled character spans. The
readers here turn AnyStyle's ``<sequence>`` XML and GROBID's TEI ``<bibl>``
elements into them; :func:`token_labels` turns one into a label per token
(the label of the span holding the token's first character).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import LEXICON
from .tokens import Token, tokenize

__all__ = [
    "LABELS",
    "Labelled",
    "normalized_key",
    "read_anystyle",
    "read_grobid",
    "read_jsonl_texts",
    "token_labels",
]

#: The CRF's label set. "other" is text that belongs to no field we keep.
LABELS = (
    "author", "editor", "translator", "title", "container-title", "collection-title",
    "publisher", "location", "date", "volume", "issue", "pages", "edition", "genre",
    "url", "doi", "isbn", "note", "accessed", "annotation", "other",
)

_ANYSTYLE: dict[str, str] = {
    "author": "author", "editor": "editor", "translator": "translator", "title": "title",
    "container-title": "container-title", "journal": "container-title",
    "source": "container-title", "collection-title": "collection-title",
    "publisher": "publisher", "location": "location", "date": "date", "volume": "volume",
    "pages": "pages", "edition": "edition", "genre": "genre", "note": "note", "url": "url",
    "doi": "doi", "isbn": "isbn",
}


@dataclass
class Labelled:
    """A reference text with labelled spans ``(start, end, label)``."""

    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    source: str = ""
    #: for evaluation, when it differs from ``spans``: only the text that holds
    #: field values (synthetic references label style words such as "pp." for
    #: training, but those are no part of the value)
    gold: list[tuple[int, int, str]] | None = None
    #: for evaluation of synthetic references: the record's names by role
    #: ("author" -> CSL name objects), to score how names are split
    names: dict[str, list[dict[str, str]]] | None = None

    def add(self, piece: str, label: str | None) -> None:
        """Append a piece of text (whitespace collapsed) with its label (None: unlabelled)."""
        piece = re.sub(r"\s+", " ", piece)
        if not self.text or self.text.endswith(" "):
            piece = piece.lstrip()
        if not piece:
            return
        start = len(self.text)
        self.text += piece
        if label is not None:
            self.spans.append((start, len(self.text), label))

    def finish(self) -> Labelled:
        self.text = self.text.rstrip()
        return self


def normalized_key(text: str) -> str:
    """Lowercase letters and digits only: the key used to dedupe texts across sets."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def token_labels(item: Labelled, *, issue_in_volume: bool = False) -> tuple[list[Token],
                                                                            list[str]]:
    """Tokens of ``item.text`` and one label each ("other" where no span covers them).

    ``issue_in_volume``: the set labels "36(4)" and "3, no. 4" as one volume
    (AnyStyle); the part in brackets or after "no." becomes the issue.
    """
    tokens = tokenize(item.text)
    labels: list[str] = []
    spans = sorted(item.spans)
    k = 0
    for token in tokens:
        while k < len(spans) and spans[k][1] <= token.start:
            k += 1
        if k < len(spans) and spans[k][0] <= token.start < spans[k][1]:
            labels.append(spans[k][2])
        else:
            labels.append("other")
    if issue_in_volume:
        _split_issue(tokens, labels)
    return tokens, labels


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def _split_issue(tokens: list[Token], labels: list[str]) -> None:
    in_issue = False
    for i, token in enumerate(tokens):
        if labels[i] != "volume":
            in_issue = False
            continue
        if _YEAR.match(token.text) and token.after.startswith(";"):
            labels[i] = "date"  # Vancouver "2012;30(15):" is one volume segment there
            continue
        previous_volume = i > 0 and labels[i - 1] in ("volume", "issue")
        if previous_volume and ("(" in token.before or token.text.lower() in LEXICON["issue"]):
            in_issue = True
        if in_issue:
            labels[i] = "issue"


def read_anystyle(path: Path) -> Iterator[Labelled]:
    """The ``<sequence>`` elements of an AnyStyle XML file, in order."""
    root = ET.parse(path).getroot()
    for sequence in root.iter("sequence"):
        item = Labelled("", source=f"anystyle:{path.stem}")
        for child in sequence:
            item.add(" ", None)
            item.add("".join(child.itertext()), _ANYSTYLE.get(child.tag, "other"))
        yield item.finish()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _grobid_label(element: ET.Element, has_article_title: bool) -> str:
    tag = _local(element.tag).lower()
    attrs = {_local(k).lower(): v.lower() for k, v in element.attrib.items()}
    kind = attrs.get("level") or attrs.get("leve") or attrs.get("unit") or attrs.get("type", "")
    if tag in ("author", "authors", "editor"):
        return "author" if tag.startswith("author") else "editor"
    if tag == "orgname":
        return "author" if kind == "collaboration" else "publisher"
    if tag == "title":
        return {"a": "title", "j": "container-title", "s": "collection-title",
                "m": "container-title" if has_article_title else "title"}.get(kind, "title")
    if tag in ("biblscope", "volumes", "page"):
        for key, label in (("vol", "volume"), ("issue", "issue"), ("p", "pages")):
            if kind.startswith(key) or tag.startswith(key):
                return label
        return "other"
    simple = {"date": "date", "publisher": "publisher", "publishe": "publisher",
              "pubplace": "location", "ptr": "url"}
    if tag in simple:
        return simple[tag]
    if tag == "idno":
        return {"doi": "doi", "isbn": "isbn"}.get(kind, "other")
    if tag in ("note", "notes"):
        return "genre" if kind == "report" else "note"
    return "other"


def read_grobid(paths: Iterable[Path]) -> Iterator[Labelled]:
    """The ``<bibl>`` elements of GROBID citation TEI files, in file order."""
    for path in paths:
        root = ET.parse(path).getroot()
        for bibl in root.iter():
            if _local(bibl.tag) != "bibl":
                continue
            has_a = any(_local(c.tag) == "title" and c.get("level") == "a" for c in bibl)
            item = Labelled("", source="grobid")
            item.add(bibl.text or "", None)
            for child in bibl:
                item.add("".join(child.itertext()), _grobid_label(child, has_a))
                item.add(child.tail or "", None)
            if item.finish().text:
                yield item


def read_jsonl_texts(path: Path) -> dict[int, str]:
    """Record id -> text of a shared JSONL conversion."""
    out: dict[int, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                data = json.loads(line)
                out[int(data["id"])] = str(data.get("text", ""))
    return out
