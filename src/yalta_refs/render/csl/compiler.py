"""Turning validated style XML into render objects, once per (style, locale)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .blob import Blob, Decor
from .context import Ctx, Node
from .dates import DateNode, DatePartSpec
from .locale import Locale
from .names_node import NameOpts, NamesLabel, NamesNode
from .nodes import Choose, Group, TermText, ValueText, VarText, compile_condition
from .numbers import LabelNode, NumberNode
from .style import Compiled, SortKey, inherited_name_attrs, style_options
from .xmltree import XNode

if TYPE_CHECKING:
    from .style import Style

__all__ = ["compile_style"]

_DECOR_KEYS = ("font-style", "font-variant", "font-weight", "text-decoration",
               "vertical-align", "quotes", "display")


def decorations(node: XNode) -> tuple[Decor, ...]:
    out = []
    for key, value in node.attrs.items():
        if key in _DECOR_KEYS:
            if key == "quotes" and value != "true":
                continue
            out.append((key, value))
    return tuple(out)


def _affixes(node: XNode) -> tuple[str, str]:
    return node.get("prefix", "") or "", node.get("suffix", "") or ""


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Compiler:
    def __init__(self, style: Style, locale: Locale, section: XNode | None,
                 overrides: dict[str, str] | None = None) -> None:
        self.style = style
        self.locale = locale
        self.inherit = inherited_name_attrs(style.root, section)
        if overrides:
            self.inherit.update(overrides)
        self.macros: dict[str, list[Node]] = {}

    def children(self, node: XNode) -> list[Node]:
        out = []
        for child in node.children:
            compiled = self.element(child)
            if compiled is not None:
                out.append(compiled)
        return out

    def element(self, node: XNode) -> Node | None:
        tag = node.tag
        if tag == "text":
            return self.text(node)
        if tag == "group":
            prefix, suffix = _affixes(node)
            return Group(self.children(node), node.get("delimiter", "") or "", prefix, suffix,
                         decorations(node))
        if tag == "choose":
            return self.choose(node)
        if tag == "names":
            return self.names(node)
        if tag == "date":
            return self.date(node)
        if tag == "number":
            prefix, suffix = _affixes(node)
            return NumberNode(node.get("variable") or "", node.get("form", "numeric") or "",
                              prefix, suffix, decorations(node), node.get("text-case") or "")
        if tag == "label":
            prefix, suffix = _affixes(node)
            return LabelNode(node.get("variable") or "", node.get("form", "long") or "long",
                             node.get("plural", "contextual") or "contextual", prefix, suffix,
                             decorations(node), node.get("text-case") or "",
                             node.get("strip-periods") == "true")
        return None

    def macro(self, name: str) -> list[Node]:
        found = self.macros.get(name)
        if found is None:
            self.macros[name] = []  # recursion guard
            found = self.children(self.style.macros[name])
            self.macros[name] = found
        return found

    def text(self, node: XNode) -> Node | None:
        prefix, suffix = _affixes(node)
        decor = decorations(node)
        case = node.get("text-case") or ""
        strip = node.get("strip-periods") == "true"
        if node.get("macro") is not None:
            body = self.macro(node.get("macro") or "")
            return _MacroCall(body, prefix, suffix, decor, case)
        if node.get("variable") is not None:
            return VarText(node.get("variable") or "", node.get("form", "long") or "long",
                           prefix, suffix, decor, case, strip)
        if node.get("term") is not None:
            return TermText(node.get("term") or "", node.get("form", "long") or "long",
                            node.get("plural") == "true", prefix, suffix, decor, case, strip)
        return ValueText(node.get("value") or "", prefix, suffix, decor, case, strip)

    def choose(self, node: XNode) -> Node:
        branches = []
        for branch in node.children:
            cond = None if branch.tag == "else" else compile_condition(branch.attrs)
            branches.append((cond, self.children(branch)))
        return Choose(branches)

    def name_opts(self, name: XNode | None, et_al: XNode | None) -> NameOpts:
        attrs = dict(self.inherit)
        if "name-form" in attrs:
            attrs["form"] = attrs.pop("name-form")
        if "name-delimiter" in attrs:
            attrs["delimiter"] = attrs.pop("name-delimiter")
        for key in ("names-min", "names-use-first", "names-use-last"):
            if key in attrs:
                attrs[key.replace("names", "et-al")] = attrs.pop(key)
        if name is not None:
            attrs.update(name.attrs)
            for key in ("names-min", "names-use-first", "names-use-last"):
                if key in self.inherit:
                    attrs[key.replace("names", "et-al")] = self.inherit[key]
        prefix, suffix = _affixes(name) if name is not None else ("", "")
        return NameOpts(
            and_=attrs.get("and", ""), delimiter=attrs.get("delimiter", ", "),
            precedes_et_al=attrs.get("delimiter-precedes-et-al", "contextual"),
            precedes_last=attrs.get("delimiter-precedes-last", "contextual"),
            et_al_min=_int(attrs.get("et-al-min")),
            et_al_use_first=_int(attrs.get("et-al-use-first")),
            et_al_use_last=attrs.get("et-al-use-last") == "true",
            form=attrs.get("form", "long"), initialize=attrs.get("initialize") != "false",
            initialize_with=attrs.get("initialize-with"),
            sort_order=attrs.get("name-as-sort-order", ""),
            sort_separator=attrs.get("sort-separator", ", "), prefix=prefix, suffix=suffix,
            decor=decorations(name) if name is not None else (),
            et_al_term=(et_al.get("term", "et-al") or "et-al") if et_al is not None else "et-al",
            et_al_decor=decorations(et_al) if et_al is not None else (),
        )

    def names(self, node: XNode) -> Node:
        name = node.find("name")
        label_node = node.find("label")
        label = None
        if label_node is not None:
            prefix, suffix = _affixes(label_node)
            before = name is not None and \
                node.children.index(label_node) < node.children.index(name)
            label = NamesLabel(label_node.get("form", "long") or "long",
                               label_node.get("plural", "contextual") or "contextual",
                               prefix, suffix, decorations(label_node),
                               label_node.get("text-case") or "",
                               label_node.get("strip-periods") == "true", before)
        substitute = node.find("substitute")
        subs = self.children(substitute) if substitute is not None else []
        prefix, suffix = _affixes(node)
        delimiter = node.get("delimiter")
        if delimiter is None:
            delimiter = self.inherit.get("names-delimiter", "")
        names = NamesNode((node.get("variable") or "").split(),
                          self.name_opts(name, node.find("et-al")), label, subs, delimiter,
                          prefix, suffix, decorations(node), name is not None)
        names.substitute = [_inherit(child, names) for child in subs]
        return names

    def date(self, node: XNode) -> Node:
        form = node.get("form")
        own = {p.get("name"): p for p in node.findall("date-part")}
        specs: list[DatePartSpec] = []
        delim = node.get("delimiter", "") or ""
        if form in ("text", "numeric"):
            fmt = self.locale.dates.get(form)
            wanted = (node.get("date-parts") or "year-month-day").split("-")
            for attrs in fmt.parts if fmt else ():
                merged = dict(attrs)
                override = own.get(attrs.get("name"))
                if override is not None:
                    merged.update({k: v for k, v in override.attrs.items()
                                   if k not in ("prefix", "suffix")})
                if merged.get("name") in wanted:
                    specs.append(self._part(merged))
            if fmt is not None and not delim:
                delim = fmt.attrs.get("delimiter", "") or ""
        else:
            specs = [self._part(dict(p.attrs)) for p in node.findall("date-part")]
        prefix, suffix = _affixes(node)
        return DateNode(node.get("variable") or "", specs, delim, prefix, suffix,
                        decorations(node), node.get("text-case") or "")

    @staticmethod
    def _part(attrs: dict[str, str]) -> DatePartSpec:
        name = attrs.get("name", "year")
        default = {"month": "long", "day": "numeric"}.get(name, "long")
        decor = tuple((k, v) for k, v in attrs.items() if k in _DECOR_KEYS)
        return DatePartSpec(name, attrs.get("form", default), attrs.get("prefix", ""),
                            attrs.get("suffix", ""), attrs.get("text-case", ""),
                            attrs.get("strip-periods") == "true",
                            attrs.get("range-delimiter", "\u2013"), decor)


class _MacroCall(Group):
    """``<text macro=...>``: a group over the macro's children (citeproc-js treats it so)."""

    def __init__(self, body: list[Node], prefix: str, suffix: str, decor: tuple[Decor, ...],
                 case: str) -> None:
        super().__init__(body, "", prefix, suffix, decor, suppress=False)
        self.children = body  # shared list: filled later for recursive macros
        self.case = case

    def render(self, ctx: Ctx) -> Blob | None:
        blob = super().render(ctx)
        if blob is None or not (self.prefix or self.suffix or self.decor):
            return blob
        # citeproc-js puts the call's affixes and decorations on a wrapper around
        # the macro's own group; punctuation settles differently across the two
        # levels ("Tokyo." + ". " keeps its space, unlike a group's suffix)
        inner = Blob(kids=blob.kids, delim=blob.delim)
        return Blob(kids=[inner], prefix=blob.prefix, suffix=blob.suffix, decor=blob.decor)


def _inherit(node: Node, parent: NamesNode) -> Node:
    """Bare ``<names>`` inside ``<substitute>`` (also within ``<choose>``) take the
    parent's ``<name>``, ``<et-al>`` and ``<label>``."""
    if isinstance(node, NamesNode):
        return node.inherit(parent)
    if isinstance(node, Choose):
        return Choose([(cond, [_inherit(c, parent) for c in children])
                       for cond, children in node.branches])
    return node


def _layout(compiler: _Compiler, section: XNode | None) -> Node | None:
    if section is None:
        return None
    layout = section.find("layout")
    if layout is None:
        return None
    prefix, suffix = _affixes(layout)
    return Group(compiler.children(layout), layout.get("delimiter", "") or "", prefix, suffix,
                 decorations(layout), suppress=False)


def compile_style(style: Style, locale: Locale) -> Compiled:
    root = style.root
    citation = root.find("citation")
    bibliography = root.find("bibliography")
    opts = style_options(root, locale)
    cit = _layout(_Compiler(style, locale, citation), citation)
    bib_compiler = _Compiler(style, locale, bibliography)
    bib = _layout(bib_compiler, bibliography)
    keys: list[SortKey] = []
    sort = bibliography.find("sort") if bibliography is not None else None
    for key in sort.findall("key") if sort is not None else []:
        macro = None
        if key.get("macro"):
            overrides = {k: v for k, v in key.attrs.items()
                         if k in ("names-min", "names-use-first", "names-use-last")}
            compiler = _Compiler(style, locale, bibliography, overrides) if overrides \
                else bib_compiler
            macro = _MacroCall(compiler.macro(key.get("macro") or ""), "", "", (), "")
        keys.append(SortKey(key.get("variable") or "", macro, key.get("sort") == "descending"))
    opts.year_suffix_explicit = _renders_year_suffix(style)
    assert cit is not None
    return Compiled(locale, opts, cit, bib, keys,
                    dict(bibliography.attrs) if bibliography is not None else {},
                    dict(citation.attrs) if citation is not None else {})


def _renders_year_suffix(style: Style) -> bool:
    def walk(node: XNode) -> bool:
        if node.tag == "text" and node.get("variable") == "year-suffix":
            return True
        return any(walk(child) for child in node.children)
    return walk(style.root)
