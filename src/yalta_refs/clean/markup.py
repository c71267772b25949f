"""Markup removal: whole tags, cut tags and attribute residue.

Scraped lists carry three kinds of markup: whole tags (``<i>``, ``<li>``,
``<mixed-citation>``), the residue of a tag whose ``<name`` was cut away
(``citation-type="booksimple"`` … ``xlink:type="simple">``), and tags split
across lines. :func:`strip_markup` removes all three from one line (and Markdown
emphasis, ``*Title*``), reports what it removed, and marks with :data:`BREAK` the
places where a new reference must start (block-level tags, citation openings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["BREAK", "CONTINUE", "LINE", "StrippedLine", "strip_markup"]

#: Inserted where markup says a new block begins.
BREAK = "\ue000"  # private-use characters: not whitespace, never in real text
#: Inserted where markup says the text still belongs to the reference before
#: (a JATS ``<note>`` after its ``<mixed-citation>``).
CONTINUE = "\ue001"
#: Inserted for <br>: a line break that may or may not start a new reference.
LINE = "\ue002"

_ATTR = r"""[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'>]+)"""
_TAG = re.compile(
    rf"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[|\]\]>|<!DOCTYPE[^>]*>"
    rf"|<(?P<close>/)?(?P<name>[A-Za-z][\w:.-]*)(?:\s+{_ATTR}|\s+[A-Za-z_][\w:.-]*)*\s*/?>",
    re.S,
)
# attributes left over from a tag whose "<name" was cut away, possibly with
# a fragment of the name still in front ("ion citation-type=...").
_RESIDUE = re.compile(
    rf"(?P<lead>(?:^|(?<=[\s>.;]))(?:<?[A-Za-z][\w:-]*\s+)?)"
    rf"(?P<attrs>(?:{_ATTR}\s*)+)(?P<close>/?>)?"
)
# "<citation" at the very end of a line, its attributes on the next one
_OPEN_AT_END = re.compile(r"<(?P<name>[A-Za-z][\w:.-]*)(?:\s+" + _ATTR + r")*\s*$")

# the tail of an attribute value whose start was cut: 'simple">' at a line start
_CUT_VALUE = re.compile(
    r"^\s*(?:[•*·-]\s*|\(?\d{1,3}[.)]\s*|\[\d{1,3}\]\s*)?(?P<frag>[A-Za-z][\w:.-]*\"\s*/?>)"
)

_BLOCK_TAGS = frozenset(
    [
        "citation",
        "mixed-citation",
        "element-citation",
        "nlm-citation",
        "ref",
        "ref-list",
        "li",
        "ul",
        "ol",
        "p",
        "br",
        "div",
        "tr",
        "td",
        "dd",
        "dt",
        "dl",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tbody",
        "section",
        "bibl",
        "biblstruct",
        "listbibl",
        "entry",
        "item",
        "blockquote",
        "hr",
        "article",
        "body",
        "html",
        "head",
        "title",
    ]
)
_CLOSING_CITATION_AT_END = re.compile(
    r"</(?:citation|mixed-citation|element-citation|nlm-citation)>\s*$", re.I
)
_CONTINUATION_TAGS = frozenset({"note", "annotation", "comment", "annote", "dd"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title", "head"})
_CITATION_ATTRS = re.compile(r"(?:citation|publication|ref)-type\s*=|xlink:type\s*=", re.I)


@dataclass(frozen=True, slots=True)
class StrippedLine:
    """A line with its markup removed: ``text`` may hold :data:`BREAK` marks."""

    text: str
    removed: tuple[str, ...]


def _is_block(name: str | None) -> bool:
    return bool(name) and name.lower().split(":")[-1] in _BLOCK_TAGS  # type: ignore[union-attr]


def _join(left: str, right: str, block: bool) -> str:
    """Glue text around a removed tag without welding two words together."""
    if block:
        return f"{left}{BREAK}{right}"
    if left[-1:].isalnum() and right[:1].isalnum():
        return f"{left} {right}"
    return left + right


def _strip_tags(line: str, removed: list[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        removed.append(m.group(0))
        name = (m.group("name") or "").lower()
        if name in _CONTINUATION_TAGS and not m.group("close"):
            return CONTINUE
        if name == "br":
            return LINE
        if m.group("close") and name not in _HEADING_TAGS:
            # text after </citation> or </li> on the same line still belongs to it
            return "\x00"
        return BREAK if _is_block(name) else "\x00"

    text = _weld(_TAG.sub(repl, line))
    closing = _CLOSING_CITATION_AT_END.search(line)
    if closing:
        text = text.rstrip() + CONTINUE  # the annotation may follow on the next line
    return re.sub(f"{CONTINUE}[\\s{BREAK}]*", CONTINUE, text) if CONTINUE in text else text


def _weld(text: str) -> str:
    """Resolve inline-tag placeholders (\\x00): a space between words, else nothing."""
    if "\x00" not in text:
        return text
    parts = re.split(r"\x00+", text)
    result = parts[0]
    for part in parts[1:]:
        result = _join(result, part, False)
    return result


def _strip_residue(line: str, removed: list[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        attrs = m.group("attrs")
        lead = m.group("lead")
        at_start = not line[: m.start()].strip(" \t•*·-–—")
        citation_like = bool(_CITATION_ATTRS.search(attrs)) or "citation" in lead.lower()
        xml_names = bool(re.search(r"[\w]+[-:][\w-]+\s*=", attrs))
        if not (m.group("close") or citation_like or (at_start and xml_names)):
            return m.group(0)  # an x="y" inside prose: leave it alone
        removed.append(m.group(0).strip())
        return BREAK if (citation_like or at_start) else " "

    return _RESIDUE.sub(repl, line)


# Markdown emphasis around words: "*The Age of Revolution*", "**Highly recommended.**",
# "_Postwar_"; never a bullet ("* Hobsbawm …") nor underscores inside a word or link
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*\*|\*|__|_)(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")


def _strip_emphasis(text: str, removed: list[str]) -> str:
    def repl(m: re.Match[str]) -> str:
        removed.append(m.group(1) * 2)
        return m.group(2)

    return _EMPHASIS.sub(repl, text)


def strip_markup(line: str) -> StrippedLine:
    """Remove tags, tag residue and Markdown emphasis from one line (entities
    already decoded)."""
    if "*" in line or "_" in line:
        emphasis: list[str] = []
        bare = _strip_emphasis(line, emphasis)
        if emphasis:
            inner = strip_markup(bare)
            return StrippedLine(inner.text, (*emphasis, *inner.removed))
    if "<" not in line and "=" not in line and ">" not in line:
        return StrippedLine(line, ())
    removed: list[str] = []
    text = _strip_tags(line, removed) if "<" in line else line
    if "=" in text:
        text = _strip_residue(text, removed)
    cut = _CUT_VALUE.match(text)
    if cut:
        removed.append(cut.group("frag"))
        text = text[: cut.start("frag")] + BREAK + text[cut.end() :]
    m = _OPEN_AT_END.search(text)
    if m:
        removed.append(m.group(0))
        text = text[: m.start()] + (BREAK if _is_block(m.group("name")) else "")
    if text.lstrip().startswith(">") and removed == []:
        # the tail ">" of a tag cut on the previous line
        removed.append(">")
        text = text.lstrip()[1:]
    return StrippedLine(text, tuple(removed))
