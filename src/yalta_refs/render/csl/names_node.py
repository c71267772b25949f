"""The ``<names>`` element: name lists, "and", et-al, labels and substitution."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .blob import Blob, Decor
from .context import Ctx, Node
from .names import PName, format_name, initialize
from .nodes import Choose
from .numbers import make_term_blob

__all__ = ["NameOpts", "NamesLabel", "NamesNode", "raw_name", "sort_form"]


@dataclass(frozen=True)
class NameOpts:
    """Attributes of ``<name>`` after inheritance from style/citation/bibliography."""

    and_: str = ""
    delimiter: str = ", "
    precedes_et_al: str = "contextual"
    precedes_last: str = "contextual"
    et_al_min: int = 0
    et_al_use_first: int = 0
    et_al_use_last: bool = False
    form: str = "long"
    initialize: bool = True
    initialize_with: str | None = None
    sort_order: str = ""
    sort_separator: str = ", "
    prefix: str = ""
    suffix: str = ""
    decor: tuple[Decor, ...] = ()
    et_al_term: str = "et-al"
    et_al_decor: tuple[Decor, ...] = ()


@dataclass(frozen=True)
class NamesLabel:
    form: str = "long"
    plural: str = "contextual"
    prefix: str = ""
    suffix: str = ""
    decor: tuple[Decor, ...] = ()
    case: str = ""
    strip: bool = False
    before: bool = False


def _joiner(setting: str, delimiter: str, contextual: bool, inverted_before: bool) -> str:
    if setting == "always":
        return delimiter
    if setting == "never":
        return " "
    if setting == "after-inverted-name":
        return delimiter if inverted_before else " "
    return delimiter if contextual else " "


class NamesNode:
    """A compiled ``<names>`` element."""

    def __init__(self, variables: list[str], opts: NameOpts | None, label: NamesLabel | None,
                 substitute: list[Node], delimiter: str, prefix: str, suffix: str,
                 decor: tuple[Decor, ...], has_name: bool) -> None:
        self.variables = variables
        self.opts = opts or NameOpts()
        self.label = label
        self.substitute = substitute
        self.delimiter = delimiter
        self.prefix = prefix
        self.suffix = suffix
        self.decor = decor
        self.has_name = has_name

    def inherit(self, parent: NamesNode) -> NamesNode:
        """A copy of a bare ``<names>`` inside ``<substitute>`` that takes its parent's options."""
        if self.has_name and self.label is not None:
            return self
        clone = NamesNode(self.variables, self.opts if self.has_name else parent.opts,
                          self.label if self.label is not None else parent.label,
                          self.substitute, self.delimiter, self.prefix, self.suffix,
                          self.decor, True)
        return clone

    def render(self, ctx: Ctx) -> Blob | None:
        found: list[tuple[str, tuple[PName, ...]]] = []
        for var in self.variables:
            ctx.called += 1
            value = ctx.value(var)
            if value:
                found.append((var, value))
        if (len(found) == 2 and {found[0][0], found[1][0]} == {"editor", "translator"}
                and found[0][1] == found[1][1]):
            found = [("editortranslator", found[0][1])]
        if not found:
            blob = self._substitute(ctx)
        else:
            ctx.found += 1
            ctx.rendered.extend(var for var, _ in found)
            first_pos = ctx.nameset
            ctx.nameset += len(found)
            if self.opts.form == "count":
                count = sum(len(self._shown(names, ctx, first_pos + i)[0])
                            for i, (_, names) in enumerate(found))
                blob = Blob(str(count)) if count else None
            else:
                first = ctx.first_names is None and ctx.mode == "bibliography"
                collect: list[tuple[str, Blob]] | None = [] if first else None
                kids = [self._one(var, names, ctx, first_pos + i, collect)
                        for i, (var, names) in enumerate(found)]
                blob = Blob(kids=kids, delim=self.delimiter)
                if collect is not None:
                    ctx.name_parts = [] if any(not raw for raw, _ in collect) else collect
        if blob is None:
            return None
        out = Blob(kids=[blob], prefix=self.prefix, suffix=self.suffix, decor=self.decor)
        if ctx.first_names is None and ctx.mode == "bibliography":
            ctx.first_names = out
        return out

    def _substitute(self, ctx: Ctx) -> Blob | None:
        for node in _candidates(self.substitute, ctx):
            mark = len(ctx.rendered)
            blob = node.render(ctx)
            if blob is not None and not blob.is_empty():
                ctx.suppressed.update(ctx.rendered[mark:])
                return blob
        return None

    def _shown(self, names: Sequence[PName], ctx: Ctx,
               pos: int) -> tuple[Sequence[PName], bool, bool]:
        shown, et_al, use_last = self._truncate(names, ctx, pos)
        if ctx.shape is not None and pos == len(ctx.shape.namesets):
            ctx.shape.namesets.append((len(shown), len(names)))
        return shown, et_al, use_last

    def _truncate(self, names: Sequence[PName], ctx: Ctx,
                  pos: int) -> tuple[Sequence[PName], bool, bool]:
        opts = self.opts
        ambig = ctx.ambig
        wanted = ambig.names[pos] if ambig is not None and pos < len(ambig.names) else 0
        if ambig is not None and ctx.mode == "citation":
            shown = self._default(names) if not wanted else \
                ((names, False, False) if wanted >= len(names) else (names[:wanted], True, False))
            # as in citeproc-js, the settings learn how many names really show
            while len(ambig.names) <= pos:
                ambig.names.append(0)
            ambig.names[pos] = len(shown[0])
            return shown
        if not opts.et_al_min or len(names) < opts.et_al_min:
            return names, False, False
        if wanted > opts.et_al_use_first and ctx.mode == "bibliography":
            # names the citation needed to tell items apart show here too
            return (names, False, False) if wanted >= len(names) else (names[:wanted], True, False)
        return self._default(names)

    def _default(self, names: Sequence[PName]) -> tuple[Sequence[PName], bool, bool]:
        opts = self.opts
        if not opts.et_al_min or len(names) < opts.et_al_min:
            return names, False, False
        first = max(opts.et_al_use_first, 1)
        if first >= len(names):
            return names, False, False
        use_last = opts.et_al_use_last and len(names) >= first + 2
        return names[:first], not use_last, use_last

    def _one(self, var: str, names: Sequence[PName], ctx: Ctx, pos: int,
             collect: list[tuple[str, Blob]] | None = None) -> Blob:
        registry = ctx.registry
        if registry is not None:
            item_id = str(ctx.item.get("id", ""))
            for i, name in enumerate(names):
                registry.add(item_id, name, i)
        shown, et_al, use_last = self._shown(names, ctx, pos)
        listing = self._list(shown, names[-1] if use_last else None, et_al, ctx, pos, collect)
        label = self.label
        if label is None or ctx.mode == "sort":
            return listing
        many = len(names) > 1 if label.plural == "contextual" else label.plural == "always"
        term = ctx.locale.term(var, label.form, many)
        if not term:
            return listing
        lab = make_term_blob(term, label.prefix, label.suffix, label.decor, label.case,
                             label.strip)
        if collect is not None:
            # citeproc-js leaves labelled names (editors...) out of subsequent-author-substitute
            collect.append(("", lab))
        return Blob(kids=[lab, listing] if label.before else [listing, lab])

    def _inverted(self, index: int, ctx: Ctx) -> bool:
        order = "all" if ctx.mode == "sort" else self.opts.sort_order
        return order == "all" or (order == "first" and index == 0)

    def _format(self, name: PName, index: int, ctx: Ctx, pos: int) -> str:
        opts = self.opts
        if ctx.mode == "sort":
            return sort_form(name, opts.initialize_with, opts.initialize, ctx)
        form, init_with = opts.form, opts.initialize_with
        if ctx.registry is not None and not name.literal:
            level = self._level(name, index, ctx, pos)
            if level == 0:
                form = "short"
            elif level == 1:
                form = "long"
                if init_with is None and ctx.registry.with_initials:
                    init_with = ""
            else:
                form, init_with = "long", None
        return format_name(name, form=form, inverted=self._inverted(index, ctx),
                           sort_sep=opts.sort_separator, init_with=init_with,
                           initialize_on=opts.initialize, demote=ctx.opts.demote_particle,
                           hyphen=ctx.opts.initialize_hyphen)

    def _level(self, name: PName, index: int, ctx: Ctx, pos: int) -> int:
        """Given-name level: 0 family only, 1 initials, 2 full (the style's form unless
        disambiguation asks for more)."""
        opts = self.opts
        short = opts.form == "short"
        initials = opts.initialize_with is not None
        default = 0 if short else (1 if initials else 2)
        registry = ctx.registry
        assert registry is not None
        requested = ctx.ambig.given(pos, index) if ctx.ambig is not None else 0
        if registry.add_givenname and name.given:
            if requested == 1 and registry.by_cite and not initials:
                requested = 2
            requested = registry.level(str(ctx.item.get("id", "")), name, index, requested,
                                       short, initials)
            ambig = ctx.ambig
            if ambig is not None and ctx.mode == "citation" and pos < len(ambig.givens) \
                    and index < len(ambig.givens[pos]):
                ambig.givens[pos][index] = requested
        return max(requested, default)

    def _list(self, shown: Sequence[PName], last: PName | None, et_al: bool,
              ctx: Ctx, pos: int, collect: list[tuple[str, Blob]] | None = None) -> Blob:
        opts = self.opts
        texts = [self._format(name, i, ctx, pos) for i, name in enumerate(shown)]
        kids = [Blob(text) for text in texts]
        if collect is not None:
            collect.extend((raw_name(name), kid) for name, kid in zip(shown, kids, strict=True))
        for blob in kids[:-1]:
            blob.suffix = opts.delimiter
        sort = ctx.mode == "sort"
        if last is not None:
            kids[-1].suffix = opts.delimiter
            kids.append(Blob("\u2026 " + self._format(last, len(shown), ctx, pos)))
        elif et_al and not sort:
            term = ctx.locale.term(opts.et_al_term) or ""
            if term:
                join = _joiner(opts.precedes_et_al, opts.delimiter, len(shown) >= 2,
                               self._inverted(len(shown) - 1, ctx))
                kids[-1].suffix = join
                kids.append(Blob(term, decor=opts.et_al_decor))
        elif len(kids) > 1 and opts.and_ and not sort:
            word = "&" if opts.and_ == "symbol" else (ctx.locale.term("and") or "and")
            if shown[-1].literal:
                # before an institution the style's delimiter-precedes-last does not
                # apply; a comma only in lists of three or more (citeproc-js)
                join = opts.delimiter if len(kids) >= 3 else " "
            else:
                join = _joiner(opts.precedes_last, opts.delimiter, len(kids) >= 3,
                               self._inverted(len(kids) - 2, ctx))
            kids[-2].suffix = join
            kids[-1] = Blob(kids=[Blob(word), kids[-1]], delim=" ")
        return Blob(kids=kids, prefix=opts.prefix, suffix=opts.suffix, decor=opts.decor)


def _candidates(nodes: Sequence[Node], ctx: Ctx) -> Iterator[Node]:
    """The elements of a ``<substitute>`` in turn; a ``<choose>`` offers the elements
    of its chosen branch one by one (citeproc-js stops at the first that prints)."""
    for node in nodes:
        if isinstance(node, Choose):
            yield from _candidates(node.chosen(ctx), ctx)
        else:
            yield node


def raw_name(name: PName) -> str:
    """A name's parts run together, as citeproc-js compares names for
    subsequent-author-substitute."""
    return name.ndp + name.family + name.given + name.dp + name.suffix + name.literal


def sort_form(name: PName, init_with: str | None, init_on: bool, ctx: Ctx) -> str:
    """A name as citeproc-js writes it into sort keys: particle, family, given, suffix."""
    if name.literal:
        return name.literal
    given = name.given
    if init_with is not None and given:
        given = initialize(given, init_with, not init_on, ctx.opts.initialize_hyphen)
    ndp = name.ndp.replace("\u2019", " ").replace("'", " ")
    if name.static_order and given:
        parts: tuple[str, ...] = (ndp, name.family, given)
    elif ctx.opts.demote_particle == "never":
        parts = (ndp, name.family, name.dp, given, name.suffix)
    else:
        parts = (name.family, given, name.dp, ndp, name.suffix)
    return " ".join(p.strip() for p in parts if p.strip())

