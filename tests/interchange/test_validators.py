"""biber validates our BibLaTeX against its data model; BibTeX (plain.bst) compiles
a document citing our whole BibTeX file. Warnings the writer could avoid must be
none, but for those listed (with reasons) in :data:`.expectations.BIBER_KNOWN`."""

from __future__ import annotations

import re
import shutil
from functools import cache

import pytest

from yalta_refs.eval.interchange import Validation, validate_biblatex, validate_bibtex

from .expectations import BIBER_KNOWN


@cache
def _biber() -> Validation:
    return validate_biblatex()


@cache
def _bibtex() -> Validation:
    return validate_bibtex()


def biber() -> Validation:
    if shutil.which("biber") is None:
        pytest.skip("biber is not installed (.ci/install-readers)")
    return _biber()


def test_biber_warns_only_about_known_writer_issues() -> None:
    counts = dict.fromkeys(BIBER_KNOWN, 0)
    unknown = []
    for line in biber().ours:
        pattern = next((p for p in BIBER_KNOWN if re.search(p, line)), None)
        if pattern is None:
            unknown.append(line)
        else:
            counts[pattern] += 1
    assert not unknown, "\n".join(unknown[:10])
    worse = {p: n for p, n in counts.items() if n > BIBER_KNOWN[p][0]}
    assert not worse
    fixed = [p for p, n in counts.items() if n == 0]
    assert not fixed, f"no longer warned, remove from expectations.BIBER_KNOWN: {fixed}"


def test_biber_data_warnings_concern_records_that_lack_the_field() -> None:
    assert all("Missing mandatory field" in line for line in biber().data)


def test_bibtex_compiles_without_warnings_about_our_entries() -> None:
    if shutil.which("latex") is None or shutil.which("bibtex") is None:
        pytest.skip("latex/bibtex are not installed (.ci/install-readers)")
    check = _bibtex()
    assert check.ours == []
    assert all(line.startswith("Warning--") for line in check.data + check.style)
