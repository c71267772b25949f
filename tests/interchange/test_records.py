"""The interchange records: deterministic, 200+, and as varied as promised."""

from __future__ import annotations

import re
from collections import Counter

from yalta_refs.formats.keys import is_valid_key
from yalta_refs.model import Reference

from .records import PER_TYPE, TYPE_FEATURES, build_records

RECORDS = build_records()
TYPES = tuple(TYPE_FEATURES)


def of_type(kind: str) -> list[Reference]:
    return [ref for ref in RECORDS if ref.type == kind]


def texts(ref: Reference) -> str:
    return " ".join(str(value) for _, value in ref.items())


def test_deterministic_and_large() -> None:
    assert build_records.__wrapped__(0) == RECORDS
    assert len(RECORDS) >= 200
    assert Counter(ref.type for ref in RECORDS) == {**dict.fromkeys(TYPES, PER_TYPE),
                                                    "book": PER_TYPE + 6}


def test_ids_are_unique_valid_keys() -> None:
    ids = [ref.id for ref in RECORDS]
    assert len({key.casefold() for key in ids}) == len(ids)
    assert all(is_valid_key(key) for key in ids)


def test_every_type_has_the_common_variety() -> None:
    for kind in TYPES:
        refs = of_type(kind)
        names = [n for ref in refs for n in ref.author]
        assert any(n.non_dropping_particle or n.dropping_particle for n in names), kind
        assert any(n.suffix for n in names), kind
        if kind != "thesis":  # one personal author
            assert any(n.literal for n in names), kind
            assert any(len(ref.author) >= 8 for ref in refs), kind
        assert any(re.search("[&%]", ref.URL or "") for ref in refs), kind
        assert any(ref.note for ref in refs), kind
        assert any(ref.issued and len(ref.issued.parts) == 2 for ref in refs), kind
        starts = [ref.issued.parts[0] for ref in refs if ref.issued and ref.issued.parts]
        assert any(len(start) == 3 for start in starts), kind
        assert any(not ref.author and ref.publisher == "" for ref in refs), kind  # sparse
        annotations = [ref.annotation or "" for ref in refs]
        assert any(a.startswith("Abstract:") for a in annotations), kind
        assert any(a.startswith("Notes:") for a in annotations), kind
        assert any(a.count(". ") >= 1 for a in annotations), kind
        titles = " ".join(ref.title or "" for ref in refs)
        assert re.search(r"[&%$#_{}~^\\]", titles), kind


def test_specific_fields_occur() -> None:
    def some(attr: str, kind: str | None = None) -> bool:
        return any(getattr(ref, attr) not in (None, "", ()) for ref in RECORDS
                   if kind is None or ref.type == kind)

    for attr, kind in [("translator", "book"), ("editor", "book"), ("edition", "book"),
                       ("number_of_volumes", "book"), ("collection_number", "book"),
                       ("ISBN", "book"), ("original_date", "book"), ("original_title", "book"),
                       ("editor", "chapter"), ("container_author", "chapter"),
                       ("page", "chapter"), ("issue", "article-journal"),
                       ("DOI", "article-journal"), ("ISSN", "article-journal"),
                       ("abstract", "article-journal"), ("accessed", "webpage"),
                       ("genre", "thesis"), ("number", "report"), ("genre", "report"),
                       ("collection_editor", None), ("medium", None), ("language", None),
                       ("edition", "article-newspaper"), ("collection_title", "report")]:
        assert some(attr, kind), (attr, kind)
    assert any(ref.issued and ref.issued.literal for ref in RECORDS)
    assert any(not ref.annotation for ref in RECORDS)
    assert any(ref.original_date and ref.original_date.circa for ref in RECORDS)


def test_unicode_latex_specials_and_quotes() -> None:
    everything = " ".join(texts(ref) + " " + (ref.annotation or "") for ref in RECORDS)
    for needle in ("é", "ß", "ł", "Ж" if "Ж" in everything else "Г", "東", '"', "“", "'"):
        assert needle in everything, needle
    annotations = " ".join(ref.annotation or "" for ref in RECORDS)
    for char in "&%$#_{}~^\\":
        assert char in annotations, char
