"""A tiny XML reader for CSL files and locales that keeps line numbers.

``xml.etree`` drops source lines; error messages must name them, so styles and
locales are read with expat into :class:`XNode` trees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ...errors import ConfigError

__all__ = ["CslError", "XNode", "parse_xml"]

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_NS = "http://www.w3.org/XML/1998/namespace"


class CslError(ConfigError):
    """An invalid CSL style or locale (the message names the file and line)."""


@dataclass(eq=False)
class XNode:
    """One element: tag without namespace, attributes in document order."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[XNode] = field(default_factory=list)
    text: str = ""

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrs.get(key, default)

    def find(self, tag: str) -> XNode | None:
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def findall(self, tag: str) -> list[XNode]:
        return [child for child in self.children if child.tag == tag]


def _local(name: str) -> str:
    if " " in name:
        ns, local = name.split(" ", 1)
        if ns == XML_NS:
            return "xml:" + local
        return local
    return name


def parse_xml(data: bytes, source: str | Path) -> XNode:
    """Parse ``data``; raise :class:`CslError` (with file and line) on bad XML."""
    parser = expat.ParserCreate(namespace_separator=" ")
    stack: list[XNode] = []
    root: list[XNode] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        node = XNode(_local(name), {_local(k): v for k, v in attrs.items()},
                     parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(name: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        if stack:
            stack[-1].text += text

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise CslError(f"invalid XML: {expat.errors.messages[exc.code]}",
                       file=str(source), line=exc.lineno) from None
    if not root:
        raise CslError("empty document", file=str(source), line=1)
    return root[0]
