"""The bibliography processor: prepare items, sort, disambiguate, render, write out."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .blob import Blob, adjust
from .context import Ctx
from .dates import parse_date
from .disambig import Ambig, CiteShape, Disambiguator, NameRegistry
from .names import PName, parse_name
from .output import FORMATS, write
from .sorting import entry_keys, sort_entries, suffix_letters
from .style import Style
from .xmltree import CslError, XNode

__all__ = ["Entry", "Processor", "prepare_item"]

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NAME_VARS = _words(
    'author chair collection-editor compiler composer container-author contributor curator '
    'director editor editorial-director editor-translator executive-producer guest host '
    'illustrator interviewer narrator organizer original-author performer producer recipient '
    'reviewed-author script-writer series-creator translator '
)
DATE_VARS = _words(
    'accessed available-date event-date issued original-date submitted '
)


@dataclass(frozen=True)
class Entry:
    """One formatted bibliography entry (no trailing newline)."""

    id: str
    text: str


def _names(value: Any, language: str = "") -> tuple[PName, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return None
    names = tuple(parse_name(v, language) for v in value if isinstance(v, Mapping | str))
    names = tuple(n for n in names if n.family or n.given or n.literal)
    return names or None


def prepare_item(item: Mapping[str, Any]) -> dict[str, Any]:
    """A CSL-JSON item with names and dates parsed and numbers as text."""
    out: dict[str, Any] = {}
    language = str(item.get("language") or "").strip()
    for key, value in item.items():
        if value is None:
            continue
        if key in NAME_VARS:
            names = _names(value, language)
            if names:
                out[key] = names
        elif key in DATE_VARS:
            date = parse_date(value)
            if date is not None:
                out[key] = date
        elif isinstance(value, bool):
            out[key] = value
        elif isinstance(value, int | float):
            out[key] = str(value)
        elif isinstance(value, str):
            if value.strip():
                out[key] = value.strip() if key != "id" else value
        else:
            out[key] = value
    out["id"] = str(item.get("id", ""))
    page = out.get("page")
    if isinstance(page, str) and "page-first" not in out:
        # citeproc-js derives the first page (legal styles print it)
        out["page-first"] = re.split(r"\s*(?:&|, |-|\u2013)\s*", page)[0]
    if "container-title-short" not in out and isinstance(out.get("journalAbbreviation"), str):
        # Zotero's field name; citeproc-js reads it as the short container title
        out["container-title-short"] = out["journalAbbreviation"]
    return out


class Processor:
    """Render bibliographies of CSL-JSON items with one style and locale."""

    def __init__(self, style: Style, locale: str | None = None) -> None:
        self.style = style
        self.compiled = style.compiled(locale)
        if self.compiled.bibliography is None:
            raise CslError("style has no <bibliography>", file=style.path)
        locale_obj = self.compiled.locale
        self.quotes = tuple(locale_obj.term(name) or default for name, default in (
            ("open-quote", "\u201c"), ("close-quote", "\u201d"),
            ("open-inner-quote", "\u2018"), ("close-inner-quote", "\u2019")))
        cattrs = self.compiled.citation_attrs
        self.add_names = cattrs.get("disambiguate-add-names") == "true"
        self.add_givenname = cattrs.get("disambiguate-add-givenname") == "true"
        self.add_year_suffix = cattrs.get("disambiguate-add-year-suffix") == "true"
        self.rule = cattrs.get("givenname-disambiguation-rule") or "by-cite"
        self.has_condition = _has_condition(style)
        self.disambiguates = (self.add_names or self.add_givenname or self.add_year_suffix
                              or self.has_condition)

    def _ctx(self, data: Mapping[str, Any], mode: str) -> Ctx:
        return Ctx(data, self.compiled.locale, self.compiled.opts, mode)

    def bibliography(self, items: Sequence[Mapping[str, Any]], fmt: str = "text") -> list[Entry]:
        """Formatted entries in the style's bibliography order."""
        writer = FORMATS.get(fmt)
        if writer is None:
            raise CslError(f"unknown output format {fmt!r} (text, html, markdown, latex)")
        prepared = [prepare_item(item) for item in items]
        registry = None
        if self.disambiguates:
            registry = NameRegistry(self.rule, self.add_givenname,
                                    self.compiled.opts.demote_particle == "never")
        order = self._order(prepared, registry)
        ordered = [prepared[i] for i in order]
        ambigs: dict[int, Ambig] = {}
        if registry is not None:
            # the order stays as sorted before disambiguation: citeproc-js does not
            # re-sort when given names are added ("Müller, Klaus" may precede "Karl")
            ambigs, _ = self._disambiguate(ordered, registry)
        bib = self.compiled.bibliography
        assert bib is not None
        attrs = self.compiled.bib_attrs
        substitute = attrs.get("subsequent-author-substitute")
        rule = attrs.get("subsequent-author-substitute-rule", "complete-all")
        align = attrs.get("second-field-align") in ("flush", "margin")
        previous: list[str] = []
        entries: list[Entry] = []
        for pos, data in enumerate(ordered):
            ctx = self._ctx(data, "bibliography")
            ctx.citation_number = pos + 1
            ambig = ctx.ambig = ambigs.get(pos)
            ctx.registry = registry
            if ambig is not None and ambig.year_suffix is not None:
                ctx.year_suffix = suffix_letters(ambig.year_suffix)
            blob = bib.render(ctx)
            if blob is None:
                entries.append(Entry(data["id"], ""))
                continue
            if substitute is not None and ctx.first_names is not None and ctx.name_parts:
                previous = _substitute(ctx.first_names, ctx.name_parts, previous, substitute,
                                       rule)
            root = _shape(blob, align)
            adjust(root, self.compiled.opts.punct_in_quote)
            text = write(root, writer, self.quotes)  # type: ignore[arg-type]
            entries.append(Entry(data["id"], text.strip()))
        return entries

    def _order(self, prepared: list[dict[str, Any]],
               registry: NameRegistry | None) -> list[int]:
        keys = self.compiled.sort
        if not keys:
            return list(range(len(prepared)))

        def make_ctx(data: Mapping[str, Any], mode: str) -> Ctx:
            ctx = self._ctx(data, mode)
            ctx.registry = registry
            return ctx

        keyed = [(entry_keys(self.compiled, data, make_ctx), index)
                 for index, data in enumerate(prepared)]
        return sort_entries(keyed, [k.descending for k in keys])

    def _disambiguate(self, ordered: list[dict[str, Any]],
                      registry: NameRegistry) -> tuple[dict[int, Ambig], set[int]]:
        citation = self.compiled.citation

        def cite(data: dict[str, Any], ambig: Ambig | None, shape: CiteShape | None) -> str:
            ctx = self._ctx(data, "citation")
            ctx.registry = registry
            ctx.ambig = ambig
            ctx.shape = shape
            blob = citation.render(ctx)
            return blob.plain() if blob is not None else ""

        pass_ = Disambiguator(cite, add_names=self.add_names, add_givenname=self.add_givenname,
                              rule=self.rule, year_suffix=self.add_year_suffix,
                              has_condition=self.has_condition)
        return pass_.run(ordered), pass_.touched


def _has_condition(style: Style) -> bool:
    """Whether the style tests ``disambiguate="true"`` anywhere."""
    def walk(node: XNode) -> bool:
        return node.get("disambiguate") == "true" or any(walk(kid) for kid in node.children)
    return walk(style.root)


def _substitute(names: Blob, parts: list[tuple[str, Blob]], previous: list[str],
               substitute: str, rule: str) -> list[str]:
    """Apply subsequent-author-substitute to this entry's first names; the names
    (each one's raw parts, as citeproc-js compares them) to compare the next entry with."""
    current = [raw for raw, _ in parts]
    if rule.startswith("partial"):
        for (raw, blob), before in zip(parts, previous, strict=False):
            if raw != before:
                break
            blob.kids, blob.text, blob.decor = None, substitute, ()
            if rule == "partial-first":
                break
    elif current == previous:
        if rule == "complete-each":
            for _, blob in parts:
                blob.kids, blob.text, blob.decor = None, substitute, ()
        else:
            names.kids = [Blob(substitute)]
            names.decor = ()
    return current


def _shape(blob: Blob, align: bool) -> Blob:
    """The entry tree: the layout prefix on its first element, second-field-align."""
    if blob.kids and blob.prefix:
        first = blob.kids[0]
        first.prefix = blob.prefix + first.prefix
        blob.prefix = ""
    if align and blob.kids and len(blob.kids) > 1:
        first, rest = blob.kids[0], blob.kids[1:]
        first.decor = (*first.decor, ("display", "left-margin"))
        inline = Blob(kids=rest, decor=(("display", "right-inline"),))
        blob.kids = [first, inline]
    return blob

