"""A CSL 1.0.2 bibliography processor, written to match citeproc-js.

::

    style = load_style("apa.csl")            # parsed, validated, cached
    entries = Processor(style).bibliography(items, fmt="html")

``items`` are CSL-JSON dicts; entries come back sorted per the style, with
year suffixes (2010a, 2010b) where citations would collide and
subsequent-author-substitute applied. Formats: ``text``, ``html`` (as
citeproc-js's html output), ``markdown`` and ``latex``.
"""

from __future__ import annotations

from .locale import Locale, load_locale
from .processor import Entry, Processor
from .style import Style, load_style
from .xmltree import CslError

__all__ = ["CslError", "Entry", "Locale", "Processor", "Style", "load_locale", "load_style"]
