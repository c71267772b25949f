"""Loading a CSL style: parse and validate the XML once, compile per locale.

:func:`load_style` reads and checks a style file (cached by path and
modification time). :meth:`Style.compiled` turns it, for one locale, into a
tree of render objects (:mod:`.nodes`, :mod:`.names_node`, :mod:`.dates`)
with every inherited option resolved and every localized date format merged,
so rendering an item does no lookup in the XML.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from .context import Node, StyleOptions
from .locale import Locale, load_locale
from .xmltree import CslError, XNode, parse_xml

__all__ = ["Compiled", "SortKey", "Style", "load_style"]

RENDERING = frozenset(("text", "number", "label", "group", "choose", "names", "date"))
_NAME_INHERIT = ("and", "delimiter-precedes-et-al", "delimiter-precedes-last", "et-al-min",
                 "et-al-use-first", "et-al-use-last", "et-al-subsequent-min",
                 "et-al-subsequent-use-first", "initialize", "initialize-with",
                 "name-as-sort-order", "sort-separator", "name-form", "name-delimiter",
                 "names-delimiter")


@dataclass
class SortKey:
    """One ``<key>``: a variable or a compiled macro, and its direction."""

    variable: str
    macro: Node | None
    descending: bool


@dataclass
class Compiled:
    """A style compiled for one locale."""

    locale: Locale
    opts: StyleOptions
    citation: Node
    bibliography: Node | None
    sort: list[SortKey]
    bib_attrs: dict[str, str]
    citation_attrs: dict[str, str]


@dataclass(eq=False)
class Style:
    """A parsed, validated CSL style."""

    path: str
    root: XNode
    macros: dict[str, XNode]
    default_locale: str
    _compiled: dict[str, Compiled] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def title(self) -> str:
        info = self.root.find("info")
        node = info.find("title") if info is not None else None
        return node.text.strip() if node is not None else ""

    @property
    def has_bibliography(self) -> bool:
        return self.root.find("bibliography") is not None

    def compiled(self, lang: str | None = None) -> Compiled:
        lang = lang or self.default_locale
        with self._lock:
            found = self._compiled.get(lang)
            if found is None:
                from .compiler import compile_style

                found = compile_style(self, load_locale(lang, tuple(self.root.findall("locale"))))
                self._compiled[lang] = found
        return found

    def error(self, message: str, node: XNode) -> CslError:
        return CslError(message, file=self.path, line=node.line)


_CACHE: dict[tuple[str, float], Style] = {}
_CACHE_LOCK = threading.Lock()


def load_style(path: str | Path) -> Style:
    """Parse and validate the style at ``path`` (cached by path and mtime)."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime
    except OSError as exc:
        raise CslError(f"cannot read style: {exc.strerror}", file=str(path)) from None
    key = (str(path.resolve()), stamp)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    style = parse_style(path.read_bytes(), str(path))
    with _CACHE_LOCK:
        _CACHE[key] = style
    return style


def parse_style(data: bytes, source: str = "<style>") -> Style:
    """Parse and validate style XML (no compilation yet)."""
    root = parse_xml(data, source)
    if root.tag != "style":
        raise CslError(f"root element is <{root.tag}>, not <style>", file=source, line=root.line)
    macros: dict[str, XNode] = {}
    for node in root.findall("macro"):
        name = node.get("name")
        if not name:
            raise CslError("<macro> without a name", file=source, line=node.line)
        macros[name] = node
    style = Style(source, root, macros, root.get("default-locale") or "en-US")
    citation = root.find("citation")
    if citation is None or citation.find("layout") is None:
        raise CslError("style has no <citation> with a <layout>", file=source, line=root.line)
    for section in (citation, root.find("bibliography")):
        if section is None:
            continue
        layout = section.find("layout")
        if layout is None:
            raise style.error(f"<{section.tag}> has no <layout>", section)
        _validate(style, layout, set())
        sort = section.find("sort")
        for key in sort.findall("key") if sort is not None else []:
            if not key.get("variable") and not key.get("macro"):
                raise style.error("<key> needs a variable or a macro", key)
            if key.get("macro") and key.get("macro") not in macros:
                raise style.error(f"unknown macro {key.get('macro')!r}", key)
    return style


_NEEDS = {"number": ("variable",), "label": ("variable",), "names": ("variable",),
          "date": ("variable",)}


def _validate(style: Style, node: XNode, seen: set[str]) -> None:
    for child in node.children:
        tag = child.tag
        if tag in ("if", "else-if", "else", "substitute", "name", "et-al", "name-part",
                   "date-part", "layout"):
            _validate(style, child, seen)
            continue
        if tag not in RENDERING:
            raise style.error(f"unknown element <{tag}> in <{node.tag}>", child)
        for attr in _NEEDS.get(tag, ()):
            if not child.get(attr):
                raise style.error(f"<{tag}> needs a {attr!r} attribute", child)
        if tag == "text":
            if not any(child.get(a) is not None for a in ("variable", "macro", "term", "value")):
                raise style.error("<text> needs variable, macro, term or value", child)
            macro = child.get("macro")
            if macro is not None:
                if macro not in style.macros:
                    raise style.error(f"unknown macro {macro!r}", child)
                if macro not in seen:
                    seen.add(macro)
                    _validate(style, style.macros[macro], seen)
        if tag == "choose" and child.find("if") is None:
            raise style.error("<choose> has no <if>", child)
        if tag == "names":
            for sub in child.findall("substitute"):
                _validate(style, sub, seen)
            continue
        _validate(style, child, seen)


def inherited_name_attrs(root: XNode, section: XNode | None) -> dict[str, str]:
    attrs = {k: v for k, v in root.attrs.items() if k in _NAME_INHERIT}
    if section is not None:
        attrs.update({k: v for k, v in section.attrs.items() if k in _NAME_INHERIT})
    return attrs


def style_options(root: XNode, locale: Locale) -> StyleOptions:
    opts = StyleOptions()
    opts.demote_particle = root.get("demote-non-dropping-particle") or "display-and-sort"
    opts.initialize_hyphen = root.get("initialize-with-hyphen") != "false"
    opts.page_range_format = root.get("page-range-format") or ""
    opts.punct_in_quote = locale.option("punctuation-in-quote")
    return opts
