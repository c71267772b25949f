"""Structured JATS citations: ``<element-citation>`` read tag by tag.

An ``<element-citation>`` carries its fields as tags and no punctuation, so
stripping its markup leaves words with nothing to split them by. When such an
element is well-formed XML we read the fields from the tags instead, and hand
the cleaner a placeholder standing where the element was (the line count is
kept, so spans stay right). ``<mixed-citation>`` keeps its punctuation and goes
through the ordinary text route.
"""

from __future__ import annotations

import html.entities
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ..model import Date, Name, Reference
from ..parse.fields import parse_edition

__all__ = ["PLACEHOLDER", "JatsCitation", "extract_element_citations"]

#: A placeholder "\ue003<n>\ue003" stands where the n-th citation was.
PLACEHOLDER = re.compile("\ue003(\\d+)\ue003")

_ELEMENT = re.compile(r"<(element|mixed)-citation\b[^>]*>.*?</\1-citation\s*>", re.S)
# a mixed-citation is read tag by tag only when its names and title are tagged
_TAGGED = re.compile(r"<(?:person-group|string-name|name)\b.*<(?:source|article-title)\b", re.S)
# words that the untagged text of a mixed-citation may hold without losing anything
_GLUE = frozenset(
    [
        "and",
        "et",
        "al",
        "in",
        "ed",
        "eds",
        "edited",
        "by",
        "pp",
        "p",
        "vol",
        "no",
        "trans",
        "translated",
        "doi",
        "https",
        "http",
        "org",
        "dx",
        "www",
        "available",
        "from",
        "retrieved",
        "accessed",
        "n",
        "d",
        "isbn",
        "vols",
        "vol",
    ]
)
_PREFIXED = re.compile(r"(</?|\s)([A-Za-z][\w.-]*):([A-Za-z][\w.-]*)")
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_MAPPED = frozenset(
    [
        "person-group",
        "article-title",
        "chapter-title",
        "source",
        "pub-id",
        "isbn",
        "uri",
        "ext-link",
        "volume",
        "issue",
        "edition",
        "publisher-name",
        "publisher-loc",
        "series",
        "year",
        "month",
        "day",
        "fpage",
        "lpage",
        "page-range",
        "comment",
        "annotation",
    ]
)
_TYPES = {
    "book": "book",
    "journal": "article-journal",
    "chapter": "chapter",
    "thesis": "thesis",
    "report": "report",
    "web": "webpage",
    "webpage": "webpage",
    "newspaper": "article-newspaper",
    "magazine": "article-magazine",
    "confproc": "paper-conference",
    "other": "document",
}


@dataclass(frozen=True)
class JatsCitation:
    """A structured citation and the plain text of its element."""

    reference: Reference
    text: str


def _xml_safe(fragment: str) -> str:
    """Namespace prefixes dropped, HTML entities as numeric references."""
    fragment = _PREFIXED.sub(lambda m: f"{m.group(1)}{m.group(2)}_{m.group(3)}", fragment)

    def entity(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
            return m.group(0)
        return f"&#{html.entities.name2codepoint[name]};"

    return _ENTITY.sub(entity, fragment)


def _text(node: ET.Element | None, sep: str = "") -> str:
    if node is None:
        return ""
    return re.sub(r"\s+", " ", sep.join(node.itertext())).strip()


def _name(node: ET.Element) -> Name | None:
    if node.tag == "collab":
        return Name(literal=_text(node)) if _text(node) else None
    family = _text(node.find("surname"))
    given = _text(node.find("given-names")) or None
    suffix = _text(node.find("suffix")) or None
    if family:
        return Name(family=family, given=given, suffix=suffix)
    return Name(literal=_text(node)) if _text(node) else None


def _names(root: ET.Element) -> dict[str, tuple[Name, ...]]:
    roles: dict[str, list[Name]] = {}
    for group in root.iter("person-group"):
        role = group.get("person-group-type", "author")
        role = {"editor": "editor", "translator": "translator"}.get(role, "author")
        for node in group:
            if node.tag in ("name", "string-name", "collab"):
                name = _name(node)
                if name:
                    roles.setdefault(role, []).append(name)
    return {role: tuple(names) for role, names in roles.items()}


def _date(root: ET.Element) -> Date | None:
    year = _text(root.find("year"))
    m = re.match(r"\d{4}", year)
    if not m:
        return None
    parts = [int(m.group(0))]
    month, day = _text(root.find("month")), _text(root.find("day"))
    if month.isdigit():
        parts.append(int(month))
        if day.isdigit():
            parts.append(int(day))
    return Date(parts=(tuple(parts),))


def _pages(root: ET.Element) -> str | None:
    first, last = _text(root.find("fpage")), _text(root.find("lpage"))
    if first and last:
        return f"{first}-{last}"
    return first or _text(root.find("page-range")) or None


def _titles(root: ET.Element, kind: str) -> dict[str, str]:
    part = _text(root.find("article-title")) or _text(root.find("chapter-title"))
    source = _text(root.find("source"))
    if part:
        return {"title": part, "container_title": source} if source else {"title": part}
    return {"title": source} if source else {}


def _identifiers(root: ET.Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in root.iter("pub-id"):
        if node.get("pub-id-type") == "doi" and _text(node):
            out["DOI"] = _text(node)
    for tag, key in (("isbn", "ISBN"), ("uri", "URL"), ("ext-link", "URL")):
        value = _text(root.find(tag))
        if value:
            out.setdefault(key, value)
    return out


def _trailing_text(root: ET.Element) -> str:
    """Untagged prose after a mixed-citation's last tag: its annotation."""
    children = list(root)
    tail = (children[-1].tail or "") if children else ""
    tail = re.sub(r"\s+", " ", tail).strip()
    tail = re.sub(r"^[.,;:)\]]+\s*", "", tail)
    return tail if len(re.findall(r"[^\W\d_]{2,}", tail)) >= 3 else ""


def _untagged_words(root: ET.Element) -> str:
    """Words of a mixed-citation that sit between its tags, beyond punctuation and glue."""
    tails = [c.tail or "" for c in root]
    if _trailing_text(root):
        tails = tails[:-1]
    loose = " ".join(t for t in [root.text or "", *tails] if t)
    words = [w for w in re.findall(r"[^\W\d_]+", loose) if w.lower() not in _GLUE]
    return " ".join(words)


def _reference(root: ET.Element) -> Reference:
    kind = _TYPES.get((root.get("publication-type") or "").lower(), "book")
    fields: dict[str, object] = {**_names(root), **_titles(root, kind), **_identifiers(root)}
    simple = {
        "volume": "volume",
        "issue": "issue",
        "edition": "edition",
        "publisher-name": "publisher",
        "publisher-loc": "publisher_place",
        "series": "collection_title",
    }
    for tag, attr in simple.items():
        value = _text(root.find(tag))
        if value:
            fields[attr] = value
    if "edition" in fields:
        fields["edition"] = parse_edition(str(fields["edition"])) or fields["edition"]
    if (issued := _date(root)) is not None:
        fields["issued"] = issued
    if (page := _pages(root)) is not None:
        fields["page"] = page
    if "container_title" in fields and kind == "book":
        kind = "chapter"
    notes = [_text(n) for n in root if n.tag in ("comment", "annotation")]
    annotation = " ".join([*notes, _trailing_text(root)]).strip() or None
    # nothing lost: the text of tags we do not map is kept as a note
    other = [f"{n.tag}: {_text(n)}" for n in root if n.tag not in _MAPPED and _text(n)]
    volumes = re.search(r"(\d+)\s+vols?\.", " ".join(c.tail or "" for c in root))
    if volumes:
        fields["number_of_volumes"] = volumes.group(1)
    loose = _untagged_words(root)
    if loose:
        other.append(f"untagged: {loose}")
    if other:
        fields["note"] = "; ".join(other)
    return Reference(type=kind, annotation=annotation, **fields)  # type: ignore[arg-type]


def extract_element_citations(text: str) -> tuple[str, list[JatsCitation]]:
    """``text`` with each well-formed element-citation replaced by a placeholder."""
    if "<element-citation" not in text and "<mixed-citation" not in text:
        return text, []
    found: list[JatsCitation] = []

    def replace(m: re.Match[str]) -> str:
        if m.group(1) == "mixed" and not _TAGGED.search(m.group(0)):
            return m.group(0)  # punctuation and few tags: the text route reads it
        try:
            root = ET.fromstring(_xml_safe(m.group(0)))
        except ET.ParseError:
            return m.group(0)  # not well-formed: the text route will cope
        found.append(JatsCitation(_reference(root), _text(root, " ")))
        return f"\ue003{len(found) - 1}\ue003" + "\n" * m.group(0).count("\n")

    return _ELEMENT.sub(replace, text), found
