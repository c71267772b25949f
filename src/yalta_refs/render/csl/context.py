"""What every compiled element sees while it renders one item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .blob import Blob
    from .disambig import Ambig, CiteShape, NameRegistry
    from .locale import Locale

__all__ = ["Ctx", "Node", "StyleOptions"]


class Node(Protocol):
    """A compiled rendering element."""

    def render(self, ctx: Ctx) -> Blob | None: ...


class StyleOptions:
    """Style-wide settings that elements consult while rendering."""

    __slots__ = ("demote_particle", "initialize_hyphen", "page_range_format",
                 "punct_in_quote", "year_suffix_explicit")

    def __init__(self) -> None:
        self.demote_particle = "display-and-sort"
        self.initialize_hyphen = True
        self.page_range_format = ""
        self.punct_in_quote = False
        self.year_suffix_explicit = False


class Ctx:
    """Per-item rendering state.

    ``called``/``found`` count variable look-ups so that a group can tell
    whether it must be suppressed; ``suppressed`` holds variables already
    used by a ``<substitute>``; ``mode`` is ``"bibliography"``,
    ``"citation"`` or ``"sort"``.
    """

    __slots__ = ("ambig", "called", "citation_number", "english", "first_names", "found",
                 "item", "locale", "mode", "name_parts", "nameset", "opts", "preceded", "registry",
                 "rendered",
                 "shape",
                 "suppressed", "year_suffix", "year_suffix_done")

    def __init__(self, item: Mapping[str, Any], locale: Locale, opts: StyleOptions,
                 mode: str = "bibliography") -> None:
        self.item = item
        self.locale = locale
        self.opts = opts
        self.mode = mode
        self.called = 0
        self.found = 0
        # whether anything has been printed yet (a term printed first is capitalised)
        self.preceded = False
        self.suppressed: set[str] = set()
        self.rendered: list[str] = []
        self.english = _is_english(item.get("language"))
        self.year_suffix = ""
        self.year_suffix_done = False
        self.citation_number = 0
        self.first_names: Blob | None = None
        # what subsequent-author-substitute compares: (raw name, its blob) per shown name
        self.name_parts: list[tuple[str, Blob]] | None = None
        # disambiguation: settings in force, the name register, the names seen
        self.ambig: Ambig | None = None
        self.registry: NameRegistry | None = None
        self.shape: CiteShape | None = None
        self.nameset = 0

    def value(self, name: str) -> Any:
        """The item's value for a variable, or None if absent, empty or suppressed."""
        if name in self.suppressed:
            return None
        value = self.item.get(name)
        if value is None or value == "" or value == []:
            return None
        return value

    def text(self, name: str) -> str:
        """A variable as text ('' when absent); counts the look-up for group suppression
        (``year-suffix`` is not counted, as in citeproc-js)."""
        value = self.special(name)
        if name == "year-suffix":
            return value
        self.called += 1
        if value:
            self.found += 1
            self.rendered.append(name)
        return value

    def special(self, name: str) -> str:
        if name == "year-suffix":
            self.year_suffix_done = True
            return self.year_suffix
        if name == "citation-number":
            return str(self.citation_number) if self.citation_number else ""
        value = self.value(name)
        if value is None or isinstance(value, dict | list):
            return ""
        if isinstance(value, bool):
            return ""
        return str(value)


def _is_english(language: Any) -> bool:
    if not language or not isinstance(language, str):
        return True
    return language.lower().startswith("en")
