"""The seed article's six books as model objects, shared by the format tests."""

from __future__ import annotations

from typing import Any

from yalta_refs.model import Date, Name, Reference


def seed_book(family: str, given: str, title: str, place: str, publisher: str, year: int,
              **fields: Any) -> Reference:
    return Reference(
        type="book", author=(Name(family=family, given=given),), title=title,
        publisher_place=place, publisher=publisher, issued=Date.from_year(year),
    ).with_fields(**fields)


def seed_references(first_annotation: str) -> tuple[Reference, ...]:
    """The six books; the first carries ``first_annotation``."""
    return (
        seed_book("Montefiore", "Simon Sebag", "Stalin: The Court of the Red Tsar", "New York",
                  "Knopf", 2004, annotation=first_annotation),
        seed_book("Perlmutter", "Amos", "FDR and Stalin: A Not So Grand Alliance, 1943-1945",
                  "Columbia", "University of Missouri Press", 1993),
        seed_book("Polian", "Pavel", "Against Their Will: The History and Geography of Forced "
                  "Migrations in the USSR", "New York", "Central European University Press",
                  2004, translator=(Name(family="Yastrzhembska", given="Anna"),),
                  original_date=Date.from_year(2001)),
        seed_book("Seaton", "Albert", "The Horsemen of the Steppes: The Story of the Cossacks",
                  "New York", "Hippocrene Books", 1985),
        seed_book("Tolstoy", "Nikolai", "The Secret Betrayal", "New York", "Scribner", 1978,
                  original_title="Victims of Yalta", original_date=Date.from_year(1977)),
        seed_book("Ure", "John", "The Cossacks: An Illustrated History", "New York",
                  "Penguin Books", 2002),
    )
