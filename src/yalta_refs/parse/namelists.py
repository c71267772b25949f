"""Leading name lists in the styles that do not invert the first name.

:func:`take_leading_names` tries, in order, the inverted style of the
humanities ("Polian, Pavel."), the Vancouver style of medicine ("Doll R, Hill
AB."), and the initials-first style of IEEE and physics ("W. Diffie and M. E.
Hellman,"). Each returns the names and where the next element starts.
"""

from __future__ import annotations

import re

from ..model import Name
from .names import AuthorElement, parse_name, take_author_element

__all__ = ["take_leading_names"]

_FAMILY = (
    r"(?:(?:van|von|de|der|den|du|da|di|del|la|le|ten|ter)\s)*[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?"
)
# Vancouver: "Sanger F", "Coulson AR", "Orr-Ewing J"; the list ends with ". "
_VANCOUVER_NAME = rf"{_FAMILY}\s[A-Z]{{1,4}}(?:\s(?:Jr|Sr|II|III|2nd|3rd))?"
_VANCOUVER = re.compile(
    rf"^(?P<names>{_VANCOUVER_NAME}(?:,\s{_VANCOUVER_NAME})*)(?P<etal>,?\set\sal)?\.(?:\s|$)"
)
# initials first: "E. W. Dijkstra", "A.-L. Barabási", "J. R. R. Tolkien"
_INITIALS_NAME = (
    r"(?:[A-Z][a-z]?\.(?:\s?-?[A-Z][a-z]?\.)*\s?)(?:[a-z]+\s)?[A-Z][\w'’-]+(?:,?\sJr\.)?"
)
_INITIALS = re.compile(
    rf"^(?P<names>{_INITIALS_NAME}(?:(?:,\s(?:and\s)?|\sand\s|\s&\s){_INITIALS_NAME})*)"
    r"(?P<etal>,?\set\sal\.)?(?P<end>,\s(?=[“\"‘'])|,\s|\.\s)"
)


# the rest of an IEEE book after its names: "Title, 2nd ed. City, ST, USA: Publisher, 1988."
_IEEE_BOOK = re.compile(r"^[A-Z][^.]{2,200}\.\s[^.:]{2,60}:\s[^,]+,\s(?:1[5-9]|20)\d\d\b")


def _vancouver(text: str) -> AuthorElement | None:
    m = _VANCOUVER.match(text)
    if not m:
        return None
    names = []
    for part in m.group("names").split(", "):
        family, _, initials = part.rpartition(" ")
        if initials in ("Jr", "Sr", "II", "III", "2nd", "3rd"):
            family, _, initials = family.rpartition(" ")
        names.append(Name(family=family, given=initials))
    return AuthorElement(tuple(names), "author", m.end(), bool(m.group("etal")))


def _initials_first(text: str) -> AuthorElement | None:
    m = _INITIALS.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    if m.group("end").startswith(",") and not (
        m.group("etal") or re.match(r"[“\"‘']", rest) or _IEEE_BOOK.search(rest)
    ):
        return None  # "A. Smith, Publisher, …" is not a name list we can trust
    parts = re.split(r",\s(?:and\s)?|\sand\s|\s&\s", m.group("names"))
    names = tuple(parse_name(p) for p in parts if p.strip())
    return AuthorElement(names, "author", m.end(), bool(m.group("etal")))


# Wikipedia: "Meselson, Matthew; Stahl, Franklin W. (1958)." — inverted names and ";"
_SEMICOLON = re.compile(
    r"^(?P<names>[^;()]+?,[^;()]+?(?:;\s*[^;()]+?,[^;()]+?)+?(?:;\s*et al\.?)?)"
    r"(?:\s*\((?P<role>eds?\.|ed\.|trans\.)\))?(?=\s*\(\d{4}|(?<![\s.][A-Z])\.\s(?!\())(?:\.(?=\s))?"
)


def _drop_period(part: str) -> str:
    """ "Parker, Hershel." -> "Parker, Hershel"; an initial keeps its period."""
    part = part.strip()
    return part if re.search(r"\b[^\W\d_]\.$", part) else part.rstrip(".")


def _semicolons(text: str) -> AuthorElement | None:
    m = _SEMICOLON.match(text)
    if not m:
        return None
    parts = [p for p in m.group("names").split(";") if p.strip() not in ("et al.", "et al")]
    if any(len(p.split()) > 6 or ":" in p or re.search(r"[a-z]{2}\.\s", p) for p in parts):
        return None  # sentences, not names: "…Wilderness; or, Getting Back…"
    names = tuple(parse_name(_drop_period(p)) for p in parts)
    if not all(n.family and n.given for n in names):
        return None
    role = "editor" if (m.group("role") or "").startswith("ed") else (
        "translator" if m.group("role") else "author")
    end = m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip())
    return AuthorElement(names, role, end, False)


def take_leading_names(text: str) -> AuthorElement | None:
    """The names a reference starts with, in whichever style they are written."""
    # Vancouver first: "Sanger F, Nicklen S" would read as an inverted "Sanger F, Nicklen"
    return (_vancouver(text) or _semicolons(text) or take_author_element(text)
            or _initials_first(text))
