"""Personal and corporate names: one name, and the author element of a reference.

:func:`parse_name` reads one name in either order ("Polian, Pavel" or
"Anna Yastrzhembska"); :func:`parse_name_list` reads "X, Y, and Z" lists;
:func:`take_author_element` finds where the leading author element of a
reference ends ("Smith, John R., and Jane Doe, eds.") and parses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Name

__all__ = ["HAN", "KANA", "UPPER", "AuthorElement", "parse_name", "parse_name_list",
           "take_author_element"]

PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "des",
        "le",
        "la",
        "las",
        "los",
        "ten",
        "ter",
        "op",
        "dos",
        "das",
        "zu",
        "vom",
        "zur",
        "d'",
        "al",
        "el",
        "bin",
        "ibn",
    ]
)
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "2nd", "3rd"})
_ROLE = re.compile(r"^(eds?|comps?|trans|translators?|editors?|compilers?)\.?[,.]?$", re.I)
#: capital letters an initial can be: Latin (with the accented ones), Cyrillic, Greek
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽЁА-ЯΑ-Ω"
_UP = UPPER
#: Chinese characters (a name in GB/T 7714 is two to four of them)
HAN = "\u3400-\u9fff\uf900-\ufaff"
#: Japanese kana, for references in Japanese
KANA = "\u3040-\u30ff"
_INITIAL = re.compile(rf"^(?:[{_UP}][a-z]?\.|[{_UP}]\.-?[{_UP}]\.)(?:[{_UP}]\.)*,?$", re.U)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*,?$", re.U)
_ONE_INVERTED = re.compile(
    r"(?:(?:van|von|de|du|da|di|le|la|der|den|del)\s)*[^\W\d_][\w'’-]+,"
    r"\s+(?:[^\W\d_][\w'’-]*\.?\s?){1,4}"
)
_AND = frozenset({"and", "&", "und", "et", "y", "e"})


def _is_cap(token: str) -> bool:
    return bool(token) and token[0].isupper()


def _is_initial(token: str) -> bool:
    return (
        bool(_INITIAL.match(token.rstrip(".,") + "."))
        and len(token.rstrip(".,")) <= 4
        and (token.rstrip(",").endswith(".") or len(token.rstrip(",")) == 1)
    )


def parse_name(text: str) -> Name:
    """One name, inverted ("Montefiore, Simon Sebag") or direct ("Anna Yastrzhembska")."""
    text = re.sub(r"\s+", " ", text).strip(" ,;")
    if not text:
        return Name(literal="")
    if "," in text:
        family, _, given = (p.strip() for p in text.partition(","))
        suffix = None
        if "," in given:
            given, _, rest = (p.strip() for p in given.partition(","))
            if rest in _SUFFIXES:
                suffix = rest
        if given in _SUFFIXES:
            return _family_name(family, None, given)
        last = given.rsplit(" ", 1)
        if suffix is None and len(last) == 2 and last[1] in _SUFFIXES:
            given, suffix = last  # "Dana, Richard Henry Jr."
        return _family_name(family, given or None, suffix)
    words = text.split(" ")
    suffix = None
    if len(words) > 1 and words[-1] in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    # direct order: given names, then particles, then family
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    family = " ".join(words[i:])
    given = " ".join(words[:i])
    return _family_name(family, given, suffix)


def _family_name(family: str, given: str | None, suffix: str | None) -> Name:
    particle = None
    parts = family.split(" ")
    lead = []
    while len(parts) > 1 and parts[0].lower() in PARTICLES and parts[0].islower():
        lead.append(parts.pop(0))
    if lead:
        particle = " ".join(lead)
    dropping = None
    if given:
        gparts = given.split(" ")
        tail: list[str] = []
        while len(gparts) > 1 and gparts[-1] in PARTICLES:
            tail.insert(0, gparts.pop())
        if tail:
            dropping = " ".join(tail)
            given = " ".join(gparts)
    return Name(
        family=" ".join(parts),
        given=given or None,
        non_dropping_particle=particle,
        dropping_particle=dropping,
        suffix=suffix,
    )


def parse_name_list(text: str) -> tuple[Name, ...]:
    """Names in direct order joined by commas, "and", "&" ("A B, C D, and E F").

    One inverted name ("Lyon, F. H.") and semicolon lists of inverted names
    ("Hayford, Harrison; Parker, Hershel") are read as such.
    """
    text = re.sub(r",?\s+et al\.?$", "", text.strip())
    if _ONE_INVERTED.fullmatch(text):
        return (parse_name(_strip_final_period(text)),)
    if ";" in text and all("," in part for part in text.split(";")):
        return tuple(parse_name(_strip_final_period(p.strip())) for p in text.split(";"))
    text = text.rstrip(".")
    parts = re.split(r",\s*(?:and|&)\s+|\s+(?:and|&)\s+|;\s*|,\s*(?=[^,]*\s)", text)
    names = []
    for part in parts:
        part = part.strip(" ,")
        if part and part not in _SUFFIXES:
            names.append(parse_name(part))
        elif part in _SUFFIXES and names:
            last = names[-1]
            names[-1] = Name(
                last.family,
                last.given,
                last.non_dropping_particle,
                last.dropping_particle,
                part,
                last.literal,
            )
    return _share_family(names)


def _share_family(names: list[Name]) -> tuple[Name, ...]:
    """ "John and Anne Tedeschi": a lone given name takes the family name after it."""
    out = list(names)
    for i in range(len(out) - 2, -1, -1):
        name, nxt = out[i], out[i + 1]
        if name.given is None and name.family and nxt.family and nxt.given \
                and name.literal is None and " " not in name.family:
            out[i] = Name(family=nxt.family, given=name.family,
                          non_dropping_particle=nxt.non_dropping_particle)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class AuthorElement:
    """The leading names of a reference and where the rest begins."""

    names: tuple[Name, ...]
    role: str  # "author", "editor", "translator"
    end: int  # index in the text where the next element starts
    et_al: bool = False


def _tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(0), m.start()) for m in re.finditer(r"\S+", text)]


def _has_period_initial(token: str) -> bool:
    return token.rstrip(",").endswith(".") and _is_initial(token)


def _given_continues(tokens: list[tuple[str, int]], i: int) -> bool:
    """Token i (ending in a period) is inside the given names: more of them follow."""
    nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
    if _has_period_initial(nxt):
        return True  # "J. R. R."
    if nxt in PARTICLES and i + 2 < len(tokens) and _is_cap(tokens[i + 2][0]):
        return True  # "Price, Derek J. de Solla."
    if not _is_initial(tokens[i][0].rstrip(",")) or not _NAME_WORD.match(nxt):
        return False
    if not _is_cap(nxt) or nxt.lower().rstrip(",.") in {"the", "a", "an"} or len(nxt) > 14:
        return False
    after = tokens[i + 2][0] if i + 2 < len(tokens) else ""
    if re.match(r"\(\d{4}[a-z]?\)", after):
        return True  # "Hill, A. Bradford (1950)."
    if nxt.endswith("."):
        # "Fitzgerald, F. Scott." — a name after a leading initial; but in
        # "Said, Edward W. Orientalism." the initial closes the given names
        return i > 0 and tokens[i - 1][0].endswith(",")
    if nxt.endswith(","):
        # "J. Arch, and …" / "J. Arch, Gábor T. …": a middle name; "Doe, A." is the next
        # person; "D-Day, June 6, 1944" is a title
        if after in _AND or after == "with" or bool(_ROLE.match(after)):
            return True
        return _name_ahead(tokens, i + 2)
    return False


def _name_ahead(tokens: list[tuple[str, int]], k: int) -> bool:
    """Tokens from k read as a direct-order name ending in a comma or period."""
    for token, _ in tokens[k : k + 4]:
        if not (_NAME_WORD.match(token) and (_is_cap(token) or token in PARTICLES)):
            return False
        if token.endswith((",", ".")) and not _has_period_initial(token):
            return True
    return False


def _apa_surname_follows(tokens: list[tuple[str, int]], i: int) -> bool:
    """ "Smith, J. Doe, A.": after an initial, a surname with a comma, then an initial."""
    nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
    after = tokens[i + 2][0] if i + 2 < len(tokens) else ""
    return (_is_initial(tokens[i][0].rstrip(",")) and nxt.endswith(",")
            and bool(_NAME_WORD.match(nxt)) and _has_period_initial(after))


def _ends_element(tokens: list[tuple[str, int]], i: int) -> bool:
    """Token i ends with a period: does the author element end here?"""
    if not tokens[i][0].endswith("."):
        return False
    nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
    if nxt in ("and", "&") and _is_initial(tokens[i][0]):
        return False  # "Watts, D.J. and Strogatz, S.H."
    return not (_given_continues(tokens, i) or _apa_surname_follows(tokens, i))


def take_author_element(text: str) -> AuthorElement | None:
    """Parse the names at the start of a reference, inverted first name style.

    Returns None when the text does not start with an inverted name list.
    """
    # "Doll, Richard; Hill, A. Bradford": semicolons separate names like commas
    tokens = _tokens(text.replace(";", ","))
    first = _inverted_name(tokens, 0)
    if first is None:
        return None
    names: list[Name] = [first[0]]
    i = first[1]
    role, et_al = "author", False
    while i < len(tokens):
        prev = tokens[i - 1][0]
        if prev.endswith(".") and not prev.endswith(",") and _ends_element(tokens, i - 1):
            break
        if re.match(r"^\(\d{4}[a-z]?\)|^\(n\.\s?d\.\)", tokens[i][0]):
            break
        token = tokens[i][0]
        if _ROLE.match(token):
            role = "translator" if token.lower().startswith("trans") else "editor"
            i += 1
            continue
        if token == "et" and i + 1 < len(tokens) and tokens[i + 1][0].startswith("al"):
            et_al = True
            i += 2
            continue
        if token.rstrip(",") in _SUFFIXES or token.rstrip(".,") + "." in _SUFFIXES:
            last = names[-1]
            suffix = token.rstrip(",")
            suffix = suffix if suffix in _SUFFIXES else suffix + "."
            names[-1] = Name(
                last.family,
                last.given,
                last.non_dropping_particle,
                last.dropping_particle,
                suffix,
                last.literal,
            )
            i += 1
            continue
        nxt = _next_name(tokens, i)
        if nxt is None:
            break
        names.append(nxt[0])
        i = nxt[1]
    end = len(text) if i >= len(tokens) else tokens[i][1]
    return AuthorElement(tuple(names), role, end, et_al)


def _inverted_name(tokens: list[tuple[str, int]], i: int) -> tuple[Name, int] | None:
    """ "Family, Given Names" starting at token i; returns the name and next index."""
    family: list[str] = []
    while i < len(tokens) and len(family) < 4:
        token = tokens[i][0]
        if not (_is_cap(token) or token.lower() in PARTICLES) or not _NAME_WORD.match(token):
            return None
        if _has_period_initial(token):
            return None  # "R. L. Rivest, A. Shamir": initials first, not a family name
        family.append(token)
        i += 1
        if token.endswith(","):
            break
    else:
        return None
    if not family or not family[-1].endswith(",") or family[-1].endswith(".,"):
        return None
    given: list[str] = []
    while i < len(tokens) and len(given) < 5:
        token = tokens[i][0]
        if (
            _ROLE.match(token)
            or token in _AND
            or not (_is_cap(token) or token.rstrip(".,") in PARTICLES)
        ):
            break
        if not _NAME_WORD.match(token.rstrip(",")):
            break
        given.append(token)
        i += 1
        if token.endswith(",") or (token.endswith(".") and not _given_continues(tokens, i - 1)):
            break
    if not given:
        return None
    nxt = tokens[i][0] if i < len(tokens) else ""
    if nxt and not given[-1].endswith((",", ".")) and nxt[:1].islower() \
            and nxt not in _AND and nxt != "with" and nxt not in PARTICLES \
            and not _ROLE.match(nxt) and not nxt.startswith("et"):
        return None  # "U.S. Congress, Office of Technology": not a person's name
    given_text = _strip_final_period(" ".join(given).rstrip(","))
    name = parse_name(" ".join(family) + " " + given_text)
    return name, i


def _next_name(tokens: list[tuple[str, int]], i: int) -> tuple[Name, int] | None:
    """A further name after a comma: "and Jane Doe", "Jane Doe,", "with X", "& Doe, J."."""
    if tokens[i][0] in _AND or tokens[i][0] == "with":
        i += 1
    if i >= len(tokens):
        return None
    # inverted (APA-like): "Doe, J."
    if tokens[i][0].endswith(",") and i + 1 < len(tokens) and _is_initial(tokens[i + 1][0]):
        return _inverted_name(tokens, i)
    words: list[str] = []
    while i < len(tokens) and len(words) < 6:
        token = tokens[i][0]
        if not (_is_cap(token) or token.lower() in PARTICLES) or not _NAME_WORD.match(token):
            break
        words.append(token)
        i += 1
        # in direct order initials come first ("F. H. C. Crick"): they never end the name
        if token.endswith(",") or (
            token.endswith(".") and not _is_initial(token) and _ends_element(tokens, i - 1)
        ):
            break
    if len(words) < 2 and not (words and words[-1].rstrip(",.") in _SUFFIXES):
        return None
    text = " ".join(words)
    return parse_name(text.rstrip(",") if text.endswith(",") else _strip_final_period(text)), i


def _strip_final_period(text: str) -> str:
    last = text.split(" ")[-1]
    if _is_initial(last) or last in _SUFFIXES:
        return text
    return text.rstrip(".")
