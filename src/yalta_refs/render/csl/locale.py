"""CSL locales: terms, date formats and style options, merged once per style.

Locale files come from the ``citeproc-py`` package data (found at run time
through the package's ``__file__``, never a fixed path). A :class:`Locale`
merges, most specific first: the style's own ``<locale>`` overrides, the
locale file for the language, and ``en-US`` as the last fallback.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from .xmltree import CslError, XNode, parse_xml

__all__ = ["DateFormat", "Locale", "load_locale", "locales_dir"]

_FORM_FALLBACK = {
    "verb-short": ("verb-short", "verb", "long"),
    "symbol": ("symbol", "short", "long"),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "long": ("long",),
}


@dataclass(frozen=True)
class DateFormat:
    """A localized date format: ordered date-part attribute maps and the delimiter."""

    parts: tuple[dict[str, str], ...]
    attrs: dict[str, str]


@dataclass
class Locale:
    """Merged terms (name, form, gender-form) -> (single, multiple)."""

    lang: str
    terms: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    dates: dict[str, DateFormat] = field(default_factory=dict)
    options: dict[str, str] = field(default_factory=dict)
    ordinal_match: dict[str, str] = field(default_factory=dict)
    _cache: dict[tuple[str, str, bool, str], str | None] = field(default_factory=dict)

    def term(self, name: str, form: str = "long", plural: bool = False,
             gender: str = "") -> str | None:
        """The term text, falling back through the CSL form chain; None if undefined."""
        key = (name, form, plural, gender)
        try:
            return self._cache[key]
        except KeyError:
            pass
        found: str | None = None
        for candidate in _FORM_FALLBACK.get(form, (form, "long")):
            value = None
            if gender:
                value = self.terms.get((name, candidate, gender))
            if value is None:
                value = self.terms.get((name, candidate, ""))
            if value is not None:
                found = value[1] if plural else value[0]
                break
        self._cache[key] = found
        return found

    def option(self, name: str) -> bool:
        return self.options.get(name) == "true"

    def merge(self, node: XNode) -> None:
        """Merge one ``<locale>`` element over what is here (its entries win)."""
        for opts in node.findall("style-options"):
            self.options.update(opts.attrs)
        for date in node.findall("date"):
            form = date.get("form", "text") or "text"
            parts = tuple(dict(p.attrs) for p in date.findall("date-part"))
            self.dates[form] = DateFormat(parts, dict(date.attrs))
        for terms in node.findall("terms"):
            for term in terms.findall("term"):
                self._merge_term(term)
        self._cache.clear()

    def _merge_term(self, term: XNode) -> None:
        name = term.get("name")
        if not name:
            return
        form = term.get("form", "long") or "long"
        gender_form = term.get("gender-form", "") or ""
        if name.startswith("ordinal-"):
            self.ordinal_match[name] = term.get("match", "") or ""
        if term.get("gender"):
            self.genders[name] = term.get("gender") or ""
        single = term.find("single")
        multiple = term.find("multiple")
        if single is not None or multiple is not None:
            one = single.text if single is not None else (multiple.text if multiple else "")
            many = multiple.text if multiple is not None else one
        else:
            one = many = term.text
        self.terms[(name, form, gender_form)] = (one, many)
        if name.startswith("ordinal-") and not gender_form:
            for gender in ("masculine", "feminine"):
                self.terms.setdefault((name, form, gender), (one, many))


def locales_dir() -> Path:
    """Directory of the ``locales-*.xml`` files shipped with citeproc-py."""
    spec = importlib.util.find_spec("citeproc")
    if spec is None or spec.origin is None:
        raise CslError("the citeproc-py package (CSL locales) is not installed")
    return Path(spec.origin).parent / "data" / "locales"


def _locale_file(lang: str) -> Path | None:
    folder = locales_dir()
    candidates = [lang]
    primary = lang.split("-")[0]
    defaults = {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "pt": "pt-PT",
                "zh": "zh-CN", "sv": "sv-SE", "nb": "nb-NO", "fa": "fa-IR"}
    if primary in defaults:
        candidates.append(defaults[primary])
    candidates.append(primary)
    for name in candidates:
        path = folder / f"locales-{name}.xml"
        if path.is_file():
            return path
    matches = sorted(folder.glob(f"locales-{primary}-*.xml"))
    return matches[0] if matches else None


@functools.lru_cache(maxsize=32)
def _file_locale(lang: str) -> XNode | None:
    path = _locale_file(lang)
    if path is None:
        return None
    return parse_xml(path.read_bytes(), path)


def _base_locale(lang: str) -> Locale:
    locale = Locale(lang)
    base = _file_locale("en-US")
    if base is not None:
        locale.merge(base)
    if lang != "en-US":
        own = _file_locale(lang)
        if own is not None:
            locale.merge(own)
    return locale


def load_locale(lang: str = "en-US", overrides: tuple[XNode, ...] = ()) -> Locale:
    """The merged locale for ``lang``, with a style's ``<locale>`` elements applied.

    Style locales apply in CSL order: no ``xml:lang``, then the primary
    language (``en``), then the exact dialect (``en-US``).
    """
    locale = _base_locale(lang)
    primary = lang.split("-")[0]
    ranked: list[tuple[int, XNode]] = []
    for node in overrides:
        which = node.get("xml:lang")
        if not which:
            ranked.append((0, node))
        elif which == primary:
            ranked.append((1, node))
        elif which == lang:
            ranked.append((2, node))
    for _, node in sorted(ranked, key=lambda pair: pair[0]):
        locale.merge(node)
    return locale
