"""What each independent reader is expected to get back from our files.

For every (format, reader): the least share of carried fields that must come
back equal (``min_fields``), and the fields that are known to be lost, with
the most records each may lose and why. A field missing from ``known`` must
survive in every record; a known count may only go down, and a known entry
whose field no longer fails must be removed (the tests say so). Reasons marked
WRITER are bugs or choices of our writers, reported for fixing; the others are
limits of the reader (or of the format), measured with the pinned versions of
tests/interchange/js/package-lock.json, pypandoc-binary (pandoc 3.9) and
Debian bookworm's biber 2.18 / TeX Live 2022.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Expectation:
    min_fields: float
    known: dict[str, tuple[int, str]] = field(default_factory=dict)


_MEDIUM = (11, "WRITER: medium goes to `howpublished`, which @book does not have (biber: "
              "invalid field); the reader drops it or merges it into the publisher")
_PROC_NUMBER = (9, "reads the `number` of @inproceedings as the issue, not the series number")
_BRACES = ("pandoc reads braces in a title as case protection and sentence-cases the rest "
           "('Sets {A, B} and …' -> 'Sets a, b and …')")
_PANDOC_BIB = {
    "title": (8, _BRACES),
    "language": (23, "pandoc reads `langid` (babel names: polish -> pl-PL), not `language`; "
                     "WRITER could add langid"),
    "container-title": (18, "pandoc maps the site of a webpage (@misc howpublished, @online "
                            "organization) to publisher"),
    "issued": (10, "pandoc drops a year that is not a number (forthcoming, n.d.)"),
    "medium": _MEDIUM,
}

EXPECTED: dict[tuple[str, str], Expectation] = {
    ("bibtex", "citation-js"): Expectation(0.85, {
        "issued": (93, "@bibtex mode reads year and month only, not `date` (days, ranges)"),
        "accessed": (42, "@bibtex mode ignores urldate"),
        "language": (23, "@bibtex mode ignores language"),
        "translator": (17, "@bibtex mode ignores translator (not a BibTeX field)"),
        "container-title": (18, "the site of a webpage (@misc howpublished) is not read as "
                                "container-title"),
        "number-of-pages": (16, "@bibtex mode ignores pagetotal"),
        "abstract": (10, "@bibtex mode ignores abstract"),
        "collection-number": _PROC_NUMBER,
        "original-date": (9, "@bibtex mode ignores origdate (a BibLaTeX field)"),
        "original-title": (5, "@bibtex mode ignores origtitle (a BibLaTeX field)"),
        "number-of-volumes": (5, "@bibtex mode ignores volumes"),
        "container-author": (5, "@bibtex mode ignores bookauthor"),
        "medium": _MEDIUM,
    }),
    ("bibtex", "pandoc"): Expectation(0.95, {**_PANDOC_BIB, "publisher": (11, _MEDIUM[1])}),
    ("bibtex", "bibtex-parser"): Expectation(0.99, {}),
    ("biblatex", "citation-js"): Expectation(0.95, {
        "type": (48, "entrysubtype magazine/newspaper is read as genre; the type stays "
                     "article-journal"),
        "container-title": (18, "@online organization (the site) is read as publisher"),
        "collection-number": _PROC_NUMBER,
        "medium": _MEDIUM,
    }),
    ("biblatex", "pandoc"): Expectation(0.95, {
        **_PANDOC_BIB, "publisher": (11, _MEDIUM[1])}),
    ("biblatex", "bibtex-parser"): Expectation(0.99, {}),
    ("ris", "citation-js"): Expectation(0.91, {
        "container-title": (42, "T2 of ELEC/BOOK-like types is read as collection-title"),
        "issued": (34, "DA (month, day) is ignored for some types; PY only"),
        "author": (30, "AU of NEWS is read as reporter; a corporate name with a comma is split "
                       "(WRITER: RIS cannot mark a literal name)"),
        "accessed": (24, "Y2 is ignored for some types (ELEC)"),
        "container-author": (5, "C2 (book author of a chapter) is ignored"),
        "genre": (8, "M3 of ELEC is ignored"),
        "publisher-place": (7, "CY of CONF is read as event-place"),
        "editor": (4, "ED of RPRT is ignored"),
        "collection-title": (4, "T3 of RPRT is ignored"),
    }),
    ("ris", "pandoc"): Expectation(0.69, {
        "annote": (211, "pandoc's RIS reader ignores N1"),
        "note": (68, "pandoc's RIS reader ignores N1"),
        "publisher-place": (118, "pandoc's RIS reader ignores CY"),
        "issued": (86, "pandoc's RIS reader ignores DA (PY only)"),
        "author": (55, "a suffix (`King, Martin Luther, Jr.`) becomes part of the given name; "
                       "a corporate name with a comma is split"),
        "accessed": (42, "pandoc's RIS reader ignores Y2"),
        "genre": (40, "pandoc's RIS reader ignores M3"),
        "collection-title": (28, "pandoc's RIS reader ignores T3 and a book's T2"),
        "type": (24, "ELEC is read as misc"),
        "editor": (18, "pandoc's RIS reader ignores A3 and ED"),
        "ISBN": (28, "pandoc's RIS reader ignores SN"),
        "translator": (17, "pandoc's RIS reader ignores A4"),
        "number": (17, "pandoc's RIS reader ignores SN"),
        "number-of-pages": (16, "pandoc's RIS reader ignores SP of a book"),
        "collection-number": (15, "pandoc's RIS reader ignores M1 and SV"),
        "container-author": (5, "pandoc's RIS reader ignores C2"),
        "collection-editor": (4, "pandoc's RIS reader ignores A2 of a book"),
    }),
    ("csl-json", "citation-js"): Expectation(1.0),
    ("csl-json", "pandoc"): Expectation(0.99, {
        "issued": (10, "pandoc drops a literal date ({\"literal\": \"forthcoming\"})"),
    }),
}

#: Our own readers (model -> format -> model); every format must be stable.
ROUNDTRIP: dict[str, Expectation] = {
    "bibtex": Expectation(1.0),
    "biblatex": Expectation(1.0),
    "csl-json": Expectation(1.0),
    "ris": Expectation(0.99, {
        "author": (9, "WRITER: a corporate name with a comma ('Office of the Historian, U.S. "
                      "Department of State') is written as is, and read back as family, given"),
    }),
}

#: biber --validate-datamodel warnings our BibLaTeX writer could avoid: pattern -> (count, why).
BIBER_KNOWN: dict[str, tuple[int, str]] = {
    r"legacy year field '(forthcoming|n\.d\.)'": (
        10, "WRITER: a literal date is written as `year`; use pubstate = {forthcoming}, and "
            "put other text in the note"),
    r"Invalid value of field 'year' must be datatype 'datepart'": (10, "WRITER: same"),
    r"Invalid field 'edition' for entrytype 'article'": (
        10, "WRITER: a newspaper's edition has no @article field; note (or version)"),
    r"Invalid field 'location' for entrytype 'article'": (
        9, "WRITER: a newspaper's place has no @article field; note"),
    r"Invalid field 'type' for entrytype 'online'": (
        8, "WRITER: the genre of a webpage has no @online field; note (or titleaddon)"),
    r"Invalid field 'bookauthor' for entrytype 'incollection'": (
        5, "WRITER: a chapter with a book author is an @inbook"),
    r"Invalid field 'editor' for entrytype 'report'": (
        4, "WRITER: @report has no editor; note (or editora)"),
    r"Invalid field 'series' for entrytype 'report'": (
        4, "WRITER: @report has no series; note"),
    r"Invalid field 'howpublished' for entrytype 'book'": (11, _MEDIUM[1]),
    r"Invalid value of field 'volume' must be datatype 'integer'": (
        1, "WRITER: biber drops a volume that is not an integer ('IV'); arabic numerals, or "
           "the text in the note"),
    r"Missing mandatory field 'author'": (
        4, "WRITER: a book with editors and no author is a @collection"),
}
