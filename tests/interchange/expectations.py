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


_MEDIUM = (11, "medium goes to BibTeX `howpublished`, which @book does not have (BibLaTeX: "
              "to the note); the reader drops it or merges it into the publisher")
_PUBSTATE = (7, "BibLaTeX's year must be a number, so 'forthcoming' is written as `pubstate`, "
                "which this reader does not take for the date")
_PROC_NUMBER = (9, "reads the `number` of @inproceedings as the issue, not the series number")
_BRACES = ("pandoc reads braces in a title as case protection and sentence-cases the rest "
           "('Sets {A, B} and …' -> 'Sets a, b and …')")
_PANDOC_BIB = {
    "title": (8, _BRACES),
    "language": (23, "pandoc reads `langid` (babel names: polish -> pl-PL), not `language`, "
                     "and BibTeX has no langid"),
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
        "issued": _PUBSTATE,
    }),
    ("biblatex", "pandoc"): Expectation(0.95, {
        **{name: why for name, why in _PANDOC_BIB.items() if name != "medium"},
        "language": (23, "pandoc reads our `langid` and adds a region: fr -> fr-FR")}),
    ("biblatex", "bibtex-parser"): Expectation(0.99, {"issued": _PUBSTATE}),
    ("ris", "citation-js"): Expectation(0.91, {
        "container-title": (42, "T2 of ELEC/BOOK-like types is read as collection-title"),
        "issued": (34, "DA (month, day) is ignored for some types; PY only"),
        "author": (30, "AU of NEWS is read as reporter; a corporate name with a comma is split "
                       "(RIS cannot mark a literal name)"),
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
        "author": (9, "RIS cannot mark a literal name: a corporate name with a comma ('Office "
                      "of the Historian, U.S. Department of State') is read back as family, given "
                      "(by Zotero and every reader, ours too)"),
    }),
}

#: biber --validate-datamodel warnings our BibLaTeX writer could avoid: pattern -> (count, why).
#: None left: fields an entry type lacks are worded in the note, editor-only books are
#: @collection, chapters with a book author @inbook, literal dates `pubstate` or the note.
BIBER_KNOWN: dict[str, tuple[int, str]] = {}
