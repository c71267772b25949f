"""Numbers: is-numeric, ordinals, roman numerals, page ranges, ``<number>`` and ``<label>``."""

from __future__ import annotations

import re

from .blob import Blob, Decor
from .context import Ctx
from .locale import Locale
from .textcase import apply_case, strip_periods

__all__ = ["LabelNode", "NumberNode", "format_page_range", "is_numeric", "ordinal", "roman"]

_ROMAN = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100), ("xc", 90),
          ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


_LABEL_WORD = re.compile(r"^[a-z]{1,4}\.\s*")
# the short labels citeproc-js recognises in front of a number ("pt. 1", "ch. 3");
# another word there ("c. 12") leaves the value not numeric
_KNOWN_LABELS = frozenset((
    "vrs.", "sv.", "op.", "add.", "app.", "art.", "bk.", "ch.", "cl.", "col.", "cmt.", "dec.",
    "dept.", "ex.", "fig.", "fld.", "fol.", "n.", "l.", "no.", "p.", "pp.", "para.", "pt.",
    "pmbl.", "pub.", "r.", "rn.", "sec.", "ser.", "supp.", "tbl.", "tit.", "vol."))
_SLASHED = re.compile(r"^\d+(?:/\d+)+$")


def is_numeric(value: str, variable: str = "") -> bool:
    """CSL is-numeric as citeproc-js decides it: the first value (after a letter
    prefix) is a number or a lower-case roman numeral, the values joined by "-",
    "&", "and", ", " or "; " ("3, pt. 1", "xiv, 312", "12-14", "A12", "49/2016"; not
    "174,465", "II", "n.s. 4", "1.2"). In ``number`` a short label may lead ("pt. 1")."""
    values = number_values(value)
    if not values:
        return False
    first = values[0]
    text = first[0] + first[1]
    label = _LABEL_WORD.match(text)
    if variable in ("number", "locator", "page") and label \
            and label.group(0).strip() in _KNOWN_LABELS:
        rest = text[label.end():]
        match = _PREFIXED.match(rest)
        text_value = match.group(2) if match else rest
    else:
        text_value = first[1]
    if _SLASHED.match(text) and len(values) == 1:
        return True
    return bool(_MASTER.match(text_value))


# how citeproc-js reads a number variable: values joined by "&", "and", ", ",
# "; " or hyphens (a comma or semicolon counts only with a space after it:
# "223,898" is one value); a value may carry a letter prefix ("S12", "e1", "s2")
_JOINER = re.compile(r"(\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[-\u2013]+\s*)")
_PREFIXED = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")
_MASTER = re.compile(r"^(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)$")
_COUNTABLE = re.compile(r"^\s*[+-]?\d|^[ivxlcmIVXLCM]+$")
_PLAIN = re.compile(r"^(?:[0-9]+|[ivxlcmIVXLCM]+)$")
_SUBSECTION = re.compile(r"^(?:[a-z]{1,4}\.\s+)*[0-9]+[,a-zA-Z]+$")
_LETTERS = re.compile(r"^[,a-zA-Z]+$")
_RANGE_PAIR = re.compile(r"^((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)"
                         r"([-,a-zA-Z]?0*)([0-9]+[a-z]*)$")


def number_values(value: str) -> list[tuple[str, str, str]]:
    """(prefix, value, joiner after it) for each value of a number variable."""
    pieces = _JOINER.split(value.strip())
    # "5a-c" is one value (a subsection range), as in citeproc-js
    i = len(pieces) - 2
    while i > 0:
        if pieces[i].strip() == "-" and _SUBSECTION.match(pieces[i - 1]) \
                and _LETTERS.match(pieces[i + 1]):
            pieces[i - 1:i + 2] = ["".join(pieces[i - 1:i + 2])]
        i -= 2
    out = []
    for i in range(0, len(pieces), 2):
        text = pieces[i].strip()
        joiner = pieces[i + 1] if i + 1 < len(pieces) else ""
        match = _PREFIXED.match(text)
        out.append((match.group(1) or "", match.group(2), joiner) if match
                   else ("", text, joiner))
    return out


def number_shape(value: str) -> tuple[bool, bool]:
    """(numeric, plural) as citeproc-js decides them: numeric when the first value
    is a number (after any letter prefix), plural when there are several values
    and each starts with a digit or is a roman numeral ("B-1-B-48" and "A-12" are
    neither: their first value is a letter)."""
    values = number_values(value)
    numeric = bool(values) and bool(_MASTER.match(values[0][1]))
    plural = len(values) > 1 and all(_COUNTABLE.match(v) for _, v, _ in values)
    return numeric, plural


def join_ranges(value: str) -> str:
    """Hyphens between two values of a (non-page) number variable: an en dash when
    both are plain numbers with the same prefix ("12-14" -> "12–14"); kept when
    the prefixes differ or a value has letters ("s2-42", "2A-3B")."""
    values = number_values(value)
    if len(values) < 2:
        return value
    numeric = bool(_MASTER.match(values[0][1]))
    out = []
    for i, (prefix, text, joiner) in enumerate(values):
        out.append(prefix + text)
        if not joiner:
            continue
        if joiner.strip() == "-" and i + 1 < len(values):
            nprefix, ntext, _ = values[i + 1]
            if _COUNTABLE.match(text) and _COUNTABLE.match(ntext):
                # citeproc-js: a range of plain numbers, or of numbers with letters
                # that its range pattern reads ("4c-0023"), when the prefixes agree
                plain = prefix == nprefix and (
                    (bool(_PLAIN.match(text)) and bool(_PLAIN.match(ntext)))
                    or (numeric and bool(_RANGE_PAIR.match(f"{text}-{ntext}"))))
            else:
                plain = numeric
            out.append("\u2013" if plain else "-")
            continue
        out.append(joiner)
    return "".join(out)


def case_values(value: str, case: str) -> str:
    """text-case on a number variable that is not a number: citeproc-js cases each
    of its values apart ("second edition, revised and expanded" with
    capitalize-first: "Second edition, Revised and Expanded"), leaving a short
    label word that leads a later value as it is ("and enl. ed." -> "and enl. Ed.")."""
    pieces = _JOINER.split(value)
    for i in range(0, len(pieces), 2):
        label = _LABEL_WORD.match(pieces[i]) if i else None
        head = label.group(0) if label else ""
        pieces[i] = head + apply_case(pieces[i][len(head):], case)
    return "".join(pieces)


def is_plural(value: str, variable: str = "") -> bool:
    """Whether a label for ``value`` takes the plural term (citeproc-js's rule:
    several values, each a number or roman numeral, "ix-xvii", "S12-S19")."""
    return number_shape(value)[1]


def roman(number: int) -> str:
    if number <= 0 or number >= 4000:
        return str(number)
    out = []
    for letters, amount in _ROMAN:
        while number >= amount:
            out.append(letters)
            number -= amount
    return "".join(out)


def ordinal(number: int, locale: Locale, gender: str = "") -> str:
    """``number`` with the locale's ordinal suffix (CSL 1.0.1 matching rules)."""
    last_two = number % 100
    candidates = []
    if last_two >= 10:
        candidates.append((f"ordinal-{last_two:02d}", last_two, "last-two-digits"))
    candidates.append((f"ordinal-{number % 10:02d}", number % 10, "last-digit"))
    for name, part, default in candidates:
        match = locale.ordinal_match.get(name, "") or default
        if match == "whole-number" and number != part:
            continue
        if match == "last-two-digits" and last_two != part:
            continue
        term = locale.term(name, "long", False, gender)
        if term is not None:
            return f"{number}{term}"
    return f"{number}{locale.term('ordinal', 'long', False, gender) or ''}"


def long_ordinal(number: int, locale: Locale, gender: str = "") -> str:
    if 1 <= number <= 10:
        term = locale.term(f"long-ordinal-{number:02d}", "long", False, gender)
        if term:
            return term
    return ordinal(number, locale, gender)


_RANGE = re.compile(r"([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)\s*[-\u2013]\s*([0-9]*[a-zA-Z]+0*)?"
                    r"([0-9]+[a-z]*)")


_HYPHENS = re.compile(r"(?<=[0-9a-zA-Z])\s*-\s*(?=[0-9a-zA-Z])")


def _minimal(begin: str, end: str, keep: int) -> str:
    if len(begin) != len(end):
        return end
    i = 0
    while i < len(begin) and begin[i] == end[i] and len(end) - i > keep:
        i += 1
    return end[i:]


def _chicago16(begin: int, end: int) -> str:
    digits = str(end)
    if begin > 100 and begin % 100:
        for i in range(2, len(digits)):
            divisor = 10 ** i
            if begin // divisor == end // divisor:
                return str(end % divisor)
    return digits


def _chicago15(begin: int, end: int) -> str:
    if begin > 100 and begin % 100 and begin // 100 == end // 100:
        return str(end % 100)
    if begin >= 10000:
        return str(end % 1000)
    return str(end)


def format_page_range(value: str, fmt: str, delimiter: str = "\u2013") -> str:
    """Page ranges in ``value`` expanded, then shortened per ``page-range-format``
    (without a format only the hyphen becomes the range delimiter). As in
    citeproc-js, a shortened range drops the repeated letter prefix of its end
    ("S12-S19" -> "S12\u201319"), a range whose ends have different prefixes is
    kept as given, and other ranges (roman numerals) only get the delimiter."""
    chain = value.split("-")
    if len(chain) > 2 and all(re.fullmatch(r"[A-Za-z]*\d+[A-Za-z]*", p) for p in chain):
        # three or more values joined by hyphens ("P3-08-12", an abstract number):
        # citeproc-js ranges only the last two and keeps the rest as given
        pair = format_page_range(f"{chain[-2]}-{chain[-1]}", fmt, delimiter)
        return "-".join(chain[:-2]) + "-" + pair
    if not fmt:
        return _HYPHENS.sub(delimiter, value) if "-" in value else value

    def one(match: re.Match[str]) -> str:
        pre1, begin, pre2, end = (match.group(1) or "", match.group(2), match.group(3),
                                  match.group(4))
        if pre2 and pre2 != pre1:
            return match.group(0)
        if len(end) < len(begin):
            end = begin[: len(begin) - len(end)] + end
        b_num, e_num = _lead_int(begin), _lead_int(end)
        if b_num >= e_num:
            return match.group(0).replace("-", delimiter)
        if fmt == "minimal":
            short = _minimal(begin, end, 0)
        elif fmt == "minimal-two":
            short = _minimal(begin, end, 2)
        elif not begin.isdigit() or not end.isdigit():
            short = end
        elif fmt == "chicago-16":
            short = _chicago16(b_num, e_num)
        elif fmt in ("chicago", "chicago-15"):
            short = _chicago15(b_num, e_num)
        else:
            return f"{pre1}{begin}{delimiter}{pre1}{end}"
        return f"{pre1}{begin}{delimiter}{short}"

    out: list[str] = []
    last = 0
    for match in _RANGE.finditer(value):
        out.append(_HYPHENS.sub(delimiter, value[last:match.start()]))
        out.append(one(match))
        last = match.end()
    out.append(_HYPHENS.sub(delimiter, value[last:]))
    return "".join(out)


def _lead_int(text: str) -> int:
    match = re.match(r"\d+", text)
    return int(match.group(0)) if match else 0


def format_number(value: str, form: str, locale: Locale, gender: str = "") -> str:
    """A numeric variable in one ``<number>`` form, keeping separators."""
    value = join_ranges(value)
    pieces = re.split(r"(\s*[-\u2013&]\s*|,\s+|\s+and\s+)", value.strip())
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            sep = piece.strip()
            out.append({"-": "-", "\u2013": "\u2013", ",": ", ", "&": " & "}.get(
                sep, " " + sep + " "))
            continue
        match = re.fullmatch(r"([A-Za-z]?)(\d+)([A-Za-z]?)", piece)
        if not match or form == "numeric" or match.group(1) or match.group(3):
            out.append(piece)
            continue
        number = int(match.group(2))
        if form == "ordinal":
            out.append(ordinal(number, locale, gender))
        elif form == "long-ordinal":
            out.append(long_ordinal(number, locale, gender))
        elif form == "roman":
            out.append(roman(number))
        else:
            out.append(piece)
    return "".join(out)


class NumberNode:
    """A compiled ``<number>`` element."""

    def __init__(self, variable: str, form: str, prefix: str, suffix: str,
                 decor: tuple[Decor, ...], case: str) -> None:
        self.variable = variable
        self.form = form
        self.prefix = prefix
        self.suffix = suffix
        self.decor = decor
        self.case = case

    def render(self, ctx: Ctx) -> Blob | None:
        value = ctx.text(self.variable)
        if not value:
            return None
        if is_numeric(value, self.variable):
            gender = ctx.locale.genders.get(self.variable, "")
            text = format_number(value, self.form, ctx.locale, gender)
        else:
            text = value
        if self.case:
            text = apply_case(text, self.case)
        return Blob(text, prefix=self.prefix, suffix=self.suffix, decor=self.decor)


class LabelNode:
    """A compiled ``<label>`` (outside ``<names>``)."""

    def __init__(self, variable: str, form: str, plural: str, prefix: str, suffix: str,
                 decor: tuple[Decor, ...], case: str, strip: bool) -> None:
        self.variable = variable
        self.form = form
        self.plural = plural
        self.prefix = prefix
        self.suffix = suffix
        self.decor = decor
        self.case = case
        self.strip = strip

    def render(self, ctx: Ctx) -> Blob | None:
        value = ctx.special(self.variable)
        if not value:
            # citeproc-js renders a label's term even when its variable is empty
            # (singular): "(3 vol)" from number-of-volumes plus a volume label;
            # a group holding only empty variables still disappears
            value = "1"
        if self.plural == "always":
            many = True
        elif self.plural == "never":
            many = False
        elif self.variable == "number-of-pages" or self.variable == "number-of-volumes":
            many = (value.strip().isdigit() and int(value) > 1) or is_plural(value)
        else:
            many = is_plural(value, self.variable)
        term = ctx.locale.term(self.variable, self.form, many)
        if not term:
            return None
        return make_term_blob(term, self.prefix, self.suffix, self.decor, self.case,
                              self.strip)


def make_term_blob(term: str, prefix: str, suffix: str, decor: tuple[Decor, ...], case: str,
                   strip: bool) -> Blob:
    if case:
        term = apply_case(term, case)
    if strip:
        term = strip_periods(term)
    return Blob(term, prefix=prefix, suffix=suffix, decor=decor)
