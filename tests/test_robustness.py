"""Malformed input in the middle of a list: the references around it survive.

A matrix in the manner of python-bibtexparser's splitter tests: a good
reference, then one kind of bad block, then another good reference, each in
the block splitter (whole documents) and in line mode.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yalta_refs import clean_text

BEFORE = "Ure, John. The Cossacks: An Illustrated History. New York: Penguin Books, 2002."
AFTER = "Seaton, Albert. The Horsemen of the Steppes. New York: Hippocrene Books, 1985."

BAD = [
    pytest.param("", id="empty"),
    pytest.param('citation-type="booksimple"', id="residue-only"),
    pytest.param("<citation><italic></italic></citation>", id="empty-tags"),
    pytest.param("<<<>>> &&& ;;; ...", id="punctuation-soup"),
    pytest.param("&amp;amp;#8217;&amp;", id="entities-only"),
    pytest.param("â€™â€œâ€", id="mojibake-only"),
    pytest.param("———.", id="repeat-mark-alone"),
    pytest.param("1.", id="number-alone"),
    pytest.param("(2000).", id="year-alone"),
    pytest.param("Smith, John.", id="author-alone"),
    pytest.param('"Unclosed quote. New York: Knopf, 1990.', id="unclosed-quote"),
    pytest.param("(Unclosed paren. London: Macmillan, 1990.", id="unclosed-paren"),
    pytest.param("x" * 5000, id="very-long-token"),
    pytest.param("Smith, " * 300, id="very-many-commas"),
    pytest.param("\x00\x07\x1b[31m", id="control-characters"),
    pytest.param("\ue000\ue001", id="private-use-marks"),
]


@pytest.mark.parametrize("bad", BAD)
@pytest.mark.parametrize("lines", [False, True], ids=["blocks", "lines"])
def test_good_references_survive_a_bad_block(bad: str, lines: bool) -> None:
    library = clean_text(f"{BEFORE}\n\n{bad}\n\n{AFTER}\n", lines=lines)
    titles = [r.title for r in library]
    assert titles[0] == "The Cossacks: An Illustrated History"
    assert titles[-1] == "The Horsemen of the Steppes"
    assert library[0].publisher == "Penguin Books"
    assert library[-1].issued is not None and library[-1].issued.year == 1985
    if lines:
        assert len(library) == 5  # one reference per line, blank lines included


_TOKENS = [
    "Smith,", "John", "J.", "R.", "and", "&", "with", "ed.", "eds.", "et", "al.", "The", "A",
    "History", "of", "In", "edited", "by", "Translated", "New", "York:", "London", "Press,",
    "University", "1990.", "2004", "(1995):", "45-67.", "vol.", "no.", "3,", "pp.", "2d", "ed.",
    "Vol.", "Conn.:", "St.", "U.S.", "“Title.”", '"Quoted."', "(", ")", "[", "]", "———.", "-",
    "https://example.org/x.", "doi:10.1000/x.", "Accessed", "May", "1,", "2020.", "?", "Report",
    "PhD", "diss.,", "Series", "12.", "n.d.", "&amp;", "<i>", "</i>", "•", "1.", "Published",
    "as", "First", "published", "in",
]


@settings(max_examples=150, deadline=timedelta(seconds=5))
@given(st.lists(st.sampled_from(_TOKENS), max_size=80), st.booleans())
def test_reference_like_noise_never_hangs_or_raises(tokens: list[str], lines: bool) -> None:
    """Guards against catastrophic regex backtracking: each input must finish promptly."""
    library = clean_text(" ".join(tokens), lines=lines)
    assert len(library) <= 1 or not lines
