"""Compiled rendering elements: ``<text>``, ``<group>``, ``<choose>`` and macros."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .blob import Blob, Decor
from .context import Ctx, Node
from .dates import DateVal
from .names import ROMANESQUE as _ROMANESQUE
from .numbers import (
    case_values,
    format_page_range,
    is_numeric,
    join_ranges,
    make_term_blob,
    number_shape,
)
from .output import has_markup, markup_tree
from .textcase import apply_case, strip_periods

__all__ = ["Choose", "Group", "TermText", "ValueText", "VarText", "render_children"]

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LANGUAGE_FIELDS = _words(
    "event publisher publisher-place event-place title container-title collection-title "
    "authority genre title-short medium country jurisdiction archive archive-place")
NUMBER_VARS = _words(
    'chapter-number citation-number collection-number edition issue number number-of-pages '
    'number-of-volumes part-number printing-number section supplement-number volume '
)
_NNBSP = re.compile(r" ([:;?!\u00bb])")
_LEADING = frozenset(":.;!? ")


def render_children(children: Sequence[Node], ctx: Ctx) -> list[Blob]:
    out: list[Blob] = []
    for child in children:
        if isinstance(child, Choose):
            kids = child.render_list(ctx)
            if kids:
                out.extend(kids)
                ctx.preceded = True
        else:
            blob = child.render(ctx)
            if blob is not None:
                out.append(blob)
                ctx.preceded = True
    return out


def text_blob(text: str, prefix: str, suffix: str, decor: tuple[Decor, ...],
              markup: bool = True) -> Blob:
    """A leaf (or a small tree when ``text`` holds markup or quotes)."""
    if decor and not _ROMANESQUE.search(text):
        # text with no Latin, Greek, Cyrillic, Arabic... letter (Chinese, Japanese)
        # is never set in italics (citeproc-js)
        decor = tuple(d for d in decor if d[0] != "font-style")
    if "'" in text and not markup:
        text = text.replace("'", "\u2019")
    if " " in text:
        text = _NNBSP.sub("\u202f\\1", text)
    if text[:1] in _LEADING and text[:1] != " ":
        lead = len(text) - len(text.lstrip(":.;!?"))
        if lead < len(text):
            prefix += text[:lead]
            text = text[lead:]
    if markup and has_markup(text):
        tree = markup_tree(text)
        if tree is None:
            text = text.replace("'", "\u2019")
        elif len(tree) == 1 and tree[0].kids is None:
            text = tree[0].text or ""
        else:
            return Blob(kids=tree, prefix=prefix, suffix=suffix, decor=decor)
    return Blob(text, prefix=prefix, suffix=suffix, decor=decor)


class _Text:
    def __init__(self, prefix: str, suffix: str, decor: tuple[Decor, ...], case: str,
                 strip: bool) -> None:
        self.prefix = prefix
        self.suffix = suffix
        self.decor = decor
        self.case = case
        self.strip = strip

    def _finish(self, text: str, ctx: Ctx, by_value: bool = False,
                variable: str = "") -> Blob:
        # title case skips the language-tagged fields of items not in English
        # (citeproc-js: only its multilingual fields; a reviewed title is cased)
        if self.case and (self.case != "title" or ctx.english
                          or variable not in _LANGUAGE_FIELDS):
            text = case_values(text, self.case) if by_value else apply_case(text, self.case)
        if self.strip:
            text = strip_periods(text)
        return text_blob(text, self.prefix, self.suffix, self.decor)


class VarText(_Text):
    """``<text variable=...>``."""

    def __init__(self, variable: str, form: str, prefix: str, suffix: str,
                 decor: tuple[Decor, ...], case: str, strip: bool) -> None:
        super().__init__(prefix, suffix, decor, case, strip)
        self.variable = variable
        self.short = variable + "-short" if form == "short" else ""

    def render(self, ctx: Ctx) -> Blob | None:
        text = ""
        if self.short:
            text = ctx.special(self.short)
            if text:
                ctx.called += 1
                ctx.found += 1
                ctx.rendered.append(self.variable)
        if not text:
            text = ctx.text(self.variable)
        if not text:
            return None
        if self.variable in ("page", "locator"):
            if number_shape(text)[0]:
                text = format_page_range(text, ctx.opts.page_range_format,
                                         ctx.locale.term("page-range-delimiter") or "\u2013")
            elif self.variable == "page":
                # not a number ("B-1\u2013B-48"): citeproc-js gives it with plain hyphens
                text = text.replace("\u2013", "-")
        elif self.variable in NUMBER_VARS and "-" in text and is_numeric(text, self.variable):
            text = join_ranges(text)
        return self._finish(text, ctx, self.variable in NUMBER_VARS, self.variable)


class TermText(_Text):
    """``<text term=...>``."""

    def __init__(self, term: str, form: str, plural: bool, prefix: str, suffix: str,
                 decor: tuple[Decor, ...], case: str, strip: bool) -> None:
        super().__init__(prefix, suffix, decor, case, strip)
        self.term = term
        self.form = form
        self.plural = plural

    def render(self, ctx: Ctx) -> Blob | None:
        term = ctx.locale.term(self.term, self.form, self.plural)
        if not term:
            return None
        if not ctx.preceded and ctx.mode == "bibliography":
            # a term that opens the entry is capitalised ("N.d.", citeproc-js)
            term = term[:1].upper() + term[1:]
        return make_term_blob(term, self.prefix, self.suffix, self.decor, self.case,
                              self.strip)


class ValueText(_Text):
    """``<text value=...>``."""

    def __init__(self, value: str, prefix: str, suffix: str, decor: tuple[Decor, ...],
                 case: str, strip: bool) -> None:
        super().__init__(prefix, suffix, decor, case, strip)
        self.value = value

    def render(self, ctx: Ctx) -> Blob | None:
        if not self.value:
            return None
        return self._finish(self.value, ctx)


class Group:
    """``<group>``, a macro call (``<text macro=...>``) or a layout: children joined by a
    delimiter, suppressed when it calls variables and all of them are empty."""

    def __init__(self, children: Sequence[Node], delim: str, prefix: str, suffix: str,
                 decor: tuple[Decor, ...], suppress: bool = True) -> None:
        self.children = list(children)
        self.delim = delim
        self.prefix = prefix
        self.suffix = suffix
        self.decor = decor
        self.suppress = suppress

    def render(self, ctx: Ctx) -> Blob | None:
        called, found, preceded = ctx.called, ctx.found, ctx.preceded
        kids = render_children(self.children, ctx)
        if self.suppress and ctx.called > called and ctx.found == found:
            ctx.preceded = preceded
            return None
        if not kids:
            ctx.preceded = preceded
            return None
        if ctx.called == called:
            # a group of terms only that printed counts as content for the enclosing
            # group (citeproc-js: "[Online]" keeps its group when "accessed" is empty)
            ctx.found += 1
        return Blob(kids=kids, prefix=self.prefix, suffix=self.suffix, delim=self.delim,
                    decor=self.decor)


Test = Callable[[Ctx], bool]


def _value_present(var: str) -> Test:
    def test(ctx: Ctx) -> bool:
        if var in ("year-suffix", "citation-number"):
            return bool(ctx.special(var))
        value = ctx.item.get(var)
        return value is not None and value != "" and value != []
    return test


def _type_is(kind: str) -> Test:
    return lambda ctx: ctx.item.get("type") == kind


def _numeric(var: str) -> Test:
    def test(ctx: Ctx) -> bool:
        value = ctx.item.get(var)
        if value is None or isinstance(value, dict | list | tuple | DateVal):
            return False
        return is_numeric(str(value), var)
    return test


def _uncertain(var: str) -> Test:
    def test(ctx: Ctx) -> bool:
        value = ctx.item.get(var)
        return isinstance(value, DateVal) and value.circa
    return test


def _position(value: str) -> Test:
    return lambda ctx: ctx.mode == "citation" and value == "first"


def _never(_: Ctx) -> bool:
    return False


def _disambiguate(value: str) -> Test:
    wanted = value == "true"
    return lambda ctx: (ctx.ambig is not None and ctx.ambig.flag) == wanted


_TESTS: dict[str, Callable[[str], Test]] = {
    "variable": _value_present, "type": _type_is, "is-numeric": _numeric,
    "is-uncertain-date": _uncertain, "position": _position,
    "locator": lambda _v: _never, "disambiguate": _disambiguate,
}


def compile_condition(attrs: dict[str, str]) -> Callable[[Ctx], bool]:
    tests: list[Test] = []
    for key, factory in _TESTS.items():
        if key in attrs:
            for value in attrs[key].split():
                tests.append(factory(value))
    match = attrs.get("match", "all")
    if match == "any":
        return lambda ctx: any(t(ctx) for t in tests)
    if match == "none":
        return lambda ctx: not any(t(ctx) for t in tests)
    return lambda ctx: all(t(ctx) for t in tests)


class Choose:
    """``<choose>``: the first branch whose condition holds; its children join the parent."""

    def __init__(self, branches: list[tuple[Callable[[Ctx], bool] | None, list[Node]]]) -> None:
        self.branches = branches

    def chosen(self, ctx: Ctx) -> Sequence[Node]:
        """The children of the first branch whose condition holds."""
        for cond, children in self.branches:
            if cond is None or cond(ctx):
                return children
        return ()

    def render_list(self, ctx: Ctx) -> list[Blob]:
        children = self.chosen(ctx)
        return render_children(children, ctx) if children else []

    def render(self, ctx: Ctx) -> Blob | None:
        kids = self.render_list(ctx)
        return Blob(kids=kids) if kids else None
