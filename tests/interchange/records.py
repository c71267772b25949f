"""A deterministic set of 200+ varied references for the interchange checks.

:func:`build_records` returns the six seed books and, for every CSL type we
write, :data:`PER_TYPE` variants built from real-looking values with
``random.Random(0)``. Each type has a list of features (translators,
particles, et al.-length lists, LaTeX specials ...); variant ``i`` always has
feature ``i % len(features)`` and any other with some probability, so every
feature occurs at least twice per type whatever the draw.

Ids are set by :func:`yalta_refs.formats.keys.assign_keys`, so the writers
keep them and readers' output can be matched back by key.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache
from typing import TypeVar

from yalta_refs.formats.keys import assign_keys
from yalta_refs.model import Date, Library, Name, Reference

from ..seed_refs import seed_references
from .values import (
    ABSTRACTS,
    ANNOTATIONS,
    BOOK_TITLES,
    CONTAINERS,
    CORPORATE,
    DOIS,
    GENRES,
    LANGUAGES,
    NOTES,
    ORIGINAL_TITLES,
    PAGES,
    PEOPLE,
    PUBLISHERS,
    SERIES,
    SPECIAL_TITLES,
    UNICODE_TITLES,
    URLS,
    isbn13,
    issn,
)

__all__ = ["PER_TYPE", "TYPE_FEATURES", "build_records", "records_library"]

_T = TypeVar("_T")

#: Variants built per CSL type (plus the six seed books).
PER_TYPE = 24

_COMMON = ("annotation-abstract", "annotation-notes", "latex-title", "unicode-title",
           "corporate", "particles", "et-al", "url", "note", "empty", "full-date", "range")
#: The features each type cycles through (see the module docstring).
TYPE_FEATURES: dict[str, tuple[str, ...]] = {
    "book": (*_COMMON, "translator", "editor", "edition", "volumes", "series", "isbn",
             "original", "pages-total", "language", "medium"),
    "chapter": (*_COMMON, "translator", "editor", "container-author", "series", "edition",
                "isbn", "volume"),
    "article-journal": (*_COMMON, "doi", "issn", "issue", "language", "accessed", "abstract"),
    "article-magazine": (*_COMMON, "issue", "accessed"),
    "article-newspaper": (*_COMMON, "edition", "place", "accessed"),
    "webpage": (*_COMMON, "accessed", "genre", "container"),
    "thesis": (*_COMMON, "genre", "pages-total", "language", "doi", "abstract"),
    "report": (*_COMMON, "number", "series", "genre", "doi", "editor", "literal-date"),
    "paper-conference": (*_COMMON, "editor", "doi", "series", "isbn", "place"),
}


class _Draw:
    """The random choices of one variant: forced feature plus coin flips."""

    def __init__(self, rng: random.Random, features: tuple[str, ...], index: int) -> None:
        self.rng = rng
        self.forced = features[index % len(features)]
        self.on_ = {f for f in features if f == self.forced or rng.random() < 0.3}
        if self.forced == "empty":  # a sparse record: no other feature
            self.on_ = {"empty"}
        elif "empty" in self.on_:
            self.on_.remove("empty")

    def on(self, feature: str) -> bool:
        return feature in self.on_

    def pick(self, values: tuple[_T, ...]) -> _T:
        return self.rng.choice(values)

    def people(self, low: int = 1, high: int = 3) -> tuple[Name, ...]:
        if self.on("et-al"):
            return tuple(self.rng.sample(PEOPLE, self.rng.randint(8, 14)))
        pool = PEOPLE
        if self.on("particles"):
            with_particle = tuple(p for p in PEOPLE if p.non_dropping_particle
                                  or p.dropping_particle or p.suffix)
            first = self.rng.choice(with_particle)
            rest = self.rng.sample(pool, self.rng.randint(low, high) - 1)
            return (first, *(p for p in rest if p != first))
        return tuple(self.rng.sample(pool, self.rng.randint(low, high)))

    def date(self, low: int = 1890, high: int = 2024) -> Date:
        year = self.rng.randint(low, high)
        if self.on("range") and self.rng.random() < 0.5:
            return Date(parts=((year,), (year + self.rng.randint(1, 6),)))
        if self.on("range"):
            month, day = self.rng.randint(1, 12), self.rng.randint(1, 20)
            return Date(parts=((year, month, day), (year, month, day + self.rng.randint(1, 8))))
        if self.on("full-date"):
            return Date(parts=((year, self.rng.randint(1, 12), self.rng.randint(1, 28)),))
        if self.rng.random() < 0.15:
            return Date(parts=((year, self.rng.randint(1, 12)),))
        return Date.from_year(year)

    def accessed(self) -> Date:
        return Date(parts=((self.rng.randint(2015, 2024), self.rng.randint(1, 12),
                            self.rng.randint(1, 28)),))

    def title(self, pool: tuple[str, ...] = BOOK_TITLES) -> str:
        if self.on("latex-title"):
            return self.pick(SPECIAL_TITLES)
        if self.on("unicode-title"):
            return self.pick(UNICODE_TITLES)
        return self.pick(pool)

    def annotation(self) -> str | None:
        if self.on("annotation-abstract"):
            return "Abstract: " + self.pick(ANNOTATIONS)
        if self.on("annotation-notes"):
            return "Notes: " + self.pick(ANNOTATIONS)
        if self.on("empty") and self.rng.random() < 0.5:
            return None
        return self.pick(ANNOTATIONS)


def _imprint(d: _Draw) -> dict[str, object]:
    publisher, place = d.pick(PUBLISHERS)
    return {"publisher": publisher, "publisher_place": place}


def _common(d: _Draw) -> dict[str, object]:
    """Fields every type may have: creators, title, date, URL, note, annotation."""
    out: dict[str, object] = {"title": d.title(), "issued": d.date(), "annotation": d.annotation()}
    out["author"] = (d.pick(CORPORATE),) if d.on("corporate") else d.people()
    if d.on("url") or d.on("accessed"):
        out["URL"] = d.pick(URLS)
    if d.on("accessed"):
        out["accessed"] = d.accessed()
    if d.on("note"):
        out["note"] = d.pick(NOTES)
    if d.on("language"):
        out["language"] = d.pick(LANGUAGES)
    if d.on("doi"):
        out["DOI"] = d.pick(DOIS)
    if d.on("abstract"):
        out["abstract"] = d.pick(ABSTRACTS)
    if d.on("literal-date"):
        out["issued"] = Date(literal=d.pick(("forthcoming", "n.d.")))
    if d.on("empty"):  # no creators, an empty publisher and note: must not appear anywhere
        out.update(author=(), publisher="", note="", URL=None)
    return out


def _book(d: _Draw) -> dict[str, object]:
    out = {**_imprint(d), **_common(d)}  # an empty record keeps publisher ""
    if d.on("editor"):
        out["editor"] = d.people(1, 2)
        if d.rng.random() < 0.5:
            out["author"] = ()
    if d.on("translator"):
        out["translator"] = d.people(1, 2)
    if d.on("edition"):
        out["edition"] = d.pick(("2", "3", "Rev. ed.", "2nd"))
    if d.on("volumes"):
        out.update(volume=d.pick(("1", "2", "IV")), number_of_volumes=d.pick(("3", "4", "12")))
    if d.on("series"):
        out.update(collection_title=d.pick(SERIES), collection_number=str(d.rng.randint(1, 60)))
        if d.rng.random() < 0.5:
            out["collection_editor"] = d.people(1, 2)
    if d.on("isbn"):
        out["ISBN"] = isbn13(d.rng)
    if d.on("original"):
        circa = d.rng.random() < 0.3
        out["original_date"] = Date(parts=((d.rng.randint(1850, 1980),),), circa=circa)
        if d.rng.random() < 0.7:
            out["original_title"] = d.pick(ORIGINAL_TITLES)
    if d.on("pages-total"):
        out["number_of_pages"] = str(d.rng.randint(120, 900))
    if d.on("medium"):
        out["medium"] = d.pick(("Print", "E-book"))
    return out


def _chapter(d: _Draw) -> dict[str, object]:
    out = {**_imprint(d), **_common(d)}  # an empty record keeps publisher ""
    out.update(container_title=d.pick(BOOK_TITLES), page=d.pick(PAGES), editor=d.people(1, 3))
    if d.on("translator"):
        out["translator"] = d.people(1, 1)
    if d.on("container-author"):
        out["container_author"] = d.people(1, 1)
    if d.on("series"):
        out.update(collection_title=d.pick(SERIES), collection_number=str(d.rng.randint(1, 60)))
    if d.on("edition"):
        out["edition"] = d.pick(("2", "3"))
    if d.on("isbn"):
        out["ISBN"] = isbn13(d.rng)
    if d.on("volume"):
        out["volume"] = str(d.rng.randint(1, 5))
    return out


def _periodical(kind: str) -> Callable[[_Draw], dict[str, object]]:
    def build(d: _Draw) -> dict[str, object]:
        out = _common(d)
        out.update(container_title=d.pick(CONTAINERS[kind]), page=d.pick(PAGES))
        if kind == "article-journal":
            out.update(volume=str(d.rng.randint(1, 120)))
            if d.on("issn"):
                out["ISSN"] = issn(d.rng)
        if d.on("issue") or (kind == "article-journal" and d.rng.random() < 0.5):
            out["issue"] = d.pick(("1", "2", "3–4", "Spring", "12"))
        if kind != "article-journal" and not d.on("range"):
            year = d.rng.randint(1945, 2024)
            out["issued"] = Date(parts=((year, d.rng.randint(1, 12), d.rng.randint(1, 28)),))
        if d.on("edition"):
            out["edition"] = d.pick(("Late edition", "International edition"))
        if d.on("place"):
            out["publisher_place"] = d.pick(("London", "New York", "Paris"))
        return out

    return build


def _webpage(d: _Draw) -> dict[str, object]:
    out = _common(d)
    out.update(URL=d.pick(URLS), accessed=d.accessed())
    if d.on("container") or d.rng.random() < 0.6:
        out["container_title"] = d.pick(CONTAINERS["webpage"])
    if d.on("genre"):
        out["genre"] = d.pick(("Blog post", "Online exhibition"))
    return out


def _thesis(d: _Draw) -> dict[str, object]:
    out = _common(d)
    university, place = d.pick(CONTAINERS["thesis"]), d.pick(("Oxford", "Kraków", "Tokyo"))
    if not d.on("empty"):  # a thesis has one personal author
        out["author"] = d.people(1, 1)[:1]
    out.update(publisher_place=place, publisher=out.get("publisher", university))
    out["genre"] = d.pick(GENRES["thesis"]) if d.on("genre") or d.rng.random() < 0.6 else None
    if d.on("pages-total"):
        out["number_of_pages"] = str(d.rng.randint(180, 600))
    return out


def _report(d: _Draw) -> dict[str, object]:
    out = {**_imprint(d), **_common(d)}  # an empty record keeps publisher ""
    if d.on("number") or d.rng.random() < 0.5:
        out["number"] = d.pick(("WP-17-04", "12", "NBER w21341", "TR 2009/3"))
    if d.on("series"):
        out["collection_title"] = d.pick(("Working Paper Series", "Occasional Papers"))
    if d.on("genre"):
        out["genre"] = d.pick(GENRES["report"])
    if d.on("editor"):
        out["editor"] = d.people(1, 2)
    return out


def _conference(d: _Draw) -> dict[str, object]:
    out = {**_imprint(d), **_common(d)}  # an empty record keeps publisher ""
    out.update(container_title=d.pick(CONTAINERS["paper-conference"]), page=d.pick(PAGES))
    if d.on("editor"):
        out["editor"] = d.people(2, 4)
    if d.on("series"):
        out.update(collection_title="Lecture Notes in Computer Science",
                   collection_number=str(d.rng.randint(1000, 14000)))
    if d.on("isbn"):
        out["ISBN"] = isbn13(d.rng)
    if not d.on("place"):
        out.pop("publisher_place")
    return out


_BUILDERS: dict[str, Callable[[_Draw], dict[str, object]]] = {
    "book": _book, "chapter": _chapter,
    "article-journal": _periodical("article-journal"),
    "article-magazine": _periodical("article-magazine"),
    "article-newspaper": _periodical("article-newspaper"),
    "webpage": _webpage, "thesis": _thesis, "report": _report,
    "paper-conference": _conference,
}


@cache
def build_records(seed: int = 0) -> tuple[Reference, ...]:
    """The six seed books and ``PER_TYPE`` variants of each type, with unique ids."""
    rng = random.Random(seed)
    first = "Abstract: A vivid portrait of Stalin's inner circle. It draws on new archives."
    refs = list(seed_references(first))
    for kind, builder in _BUILDERS.items():
        for index in range(PER_TYPE):
            draw = _Draw(rng, TYPE_FEATURES[kind], index)
            values = {k: v for k, v in builder(draw).items() if v is not None}
            refs.append(Reference(type=kind).with_fields(**values))
    return assign_keys(Library(tuple(refs))).references


def records_library(seed: int = 0) -> Library:
    """:func:`build_records` as a :class:`Library`."""
    return Library(build_records(seed))
