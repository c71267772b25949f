"""Applying an accepted record: empty fields only, protect/overwrite, provenance, annotations."""

from __future__ import annotations

import pytest

from yalta_refs.enrich.match import score_candidate
from yalta_refs.enrich.merge import apply_candidate, field_names
from yalta_refs.errors import ConfigError
from yalta_refs.model import Provenance

from .enrich_helpers import cand, ref

ANNOTATION = "A lively history — “highly recommended”."
URE = ref("The Cossacks", "John Ure", year=2002, publisher="Penguin Books",
          annotation=ANNOTATION, note="Our copy is signed.")
RECORD = cand("The Cossacks: An Illustrated History", "John Ure", year=2002,
              publisher="Penguin", publisher_place="New York", number_of_pages="300",
              isbns=["9780140294347"], identifiers={"lccn": "2001012345", "openlibrary":
                                                    "OL123M"},
              annotation="catalog text", note="catalog note", record="OL123M")


def _apply(r=URE, c=RECORD, **kw):  # type: ignore[no-untyped-def]
    return apply_candidate(r, c, score_candidate(r, c), **kw)


def test_fills_empty_fields_only_with_provenance() -> None:
    new, changes = _apply()
    assert new.publisher == "Penguin Books" and new.title == "The Cossacks"
    assert new.publisher_place == "New York" and new.ISBN == "9780140294347"
    assert new.extra["lccn"] == "2001012345"
    prov = new.provenance["publisher-place"]
    assert isinstance(prov, Provenance)
    assert (prov.source, prov.record) == ("openlibrary", "OL123M") and prov.score
    assert new.provenance["extra.lccn"].source == "openlibrary"
    assert {c.field for c in changes} == {"publisher-place", "ISBN", "number-of-pages",
                                          "extra.lccn", "extra.openlibrary"}
    assert new.diagnostics[-1].code == "enriched"


def test_annotation_note_and_id_are_never_altered() -> None:
    new, _ = _apply(overwrite=field_names(["annote", "note", "title"]))
    assert new.annotation == ANNOTATION
    assert new.note == "Our copy is signed."
    assert new.id == URE.id and new.type == URE.type


def test_overwrite_replaces_and_protect_wins() -> None:
    new, changes = _apply(overwrite=field_names(["title,publisher"]),
                          protect=field_names(["publisher", "ISBN"]))
    assert new.title == "The Cossacks: An Illustrated History"
    assert new.publisher == "Penguin Books"
    assert new.ISBN is None
    old = next(c for c in changes if c.field == "title")
    assert old.old == "The Cossacks"


def test_edition_facts_only_from_the_same_edition() -> None:
    later = cand("The Cossacks", "John Ure", year=2010, publisher="Penguin",
                 publisher_place="London", level="edition")
    new, _ = _apply(ref("The Cossacks", "John Ure", year=2002), later)
    assert new.publisher_place is None and new.publisher is None
    work = cand("The Cossacks", "John Ure", year=1999, publisher="Penguin", level="work")
    r = ref("The Cossacks", "John Ure", year=2002)
    new, _ = _apply(r, work)
    assert new.publisher is None and new.issued == r.issued


def test_nothing_to_add_returns_the_same_object() -> None:
    r = ref("The Cossacks", "John Ure", year=2002, publisher="Penguin")
    c = cand("The Cossacks", "John Ure", year=2002, publisher="Penguin")
    new, changes = _apply(r, c)
    assert new is r and changes == []


def test_field_names_accepts_csl_and_attribute_names() -> None:
    assert field_names(["publisher_place", "ISBN,extra.lccn"]) == {
        "publisher-place", "ISBN", "extra.lccn"}
    with pytest.raises(ConfigError):
        field_names(["nonsense"])
