"""Name runs -> names: the names in one run the tagger labelled as authors, editors
or translators, in any style (inverted, initials first, Vancouver "Doll R", DIN
"A ; B", ISO 690 "MÜLLER, Anna" and "Anna MÜLLER", family names before their
initials with no comma "Janhäll S."), organisations kept whole. Pure functions.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from ...model import Name
from ..names import HAN, KANA, PARTICLES, UPPER, parse_name
from .lexicon import GIVEN_NAMES, PLACE_WORDS, STATE_WORDS

__all__ = ["BOTH_ROLES", "ETAL_WORDS", "ORG_LINKS", "SUFFIX", "capitals_family", "parse_names"]

#: the short role words written after names ("Smith, J. (ed.)", "A und B (Hrsg.)")
_ROLE = r"(?:eds?|hrsg|hg|übers|trans|transl|trad|éds?|dir|coord|comps?|red|orgs?|a\s+cura\s+di)"
#: names that are editors and translators both: "(E. Weinberger, Ed. and Trans.)",
#: "edited and translated by", "Hrsg. und übers. von", "éd. et trad."
BOTH_ROLES = re.compile(
    r"\b(?:eds?|editors?|edited|hrsg|hg|herausgegeben|éds?)\.?\s*(?:and|&|und|et)\s*"
    r"(?:trans|transl|translators?|translated|übers|übersetzt|trad|traduit)\b"
    r"|\b(?:trans|transl|translators?|translated|übers|übersetzt|trad|traduit)\.?\s*"
    r"(?:and|&|und|et)\s*(?:eds?|editors?|edited|hrsg|hg|herausgegeben|éds?)\b", re.I)
_BOTH_AT_END = re.compile(rf"[\s,;]*[([]?(?:{BOTH_ROLES.pattern})\.?[)\]]?[\s.,;:]*$", re.I)
_BOTH_AT_START = re.compile(rf"^(?:{BOTH_ROLES.pattern})\.?(?:\s+(?:by|von|par))?\s+", re.I)
_ROLE_AROUND = re.compile(
    r"^(?:(?:edited|translated|compiled)\s+(?:and\s+\w+\s+)?by|eds?\.|eds\b|hrsg\.?(?:\s+v(?:on|\.))?|"
    r"hg\.?(?:\s+v(?:on|\.))?|herausgegeben\s+von|übers\.(?:\s+von)?|übersetzt\s+von|trans\.|"
    r"transl\.|tr\.|trad\.?(?:\s+(?:fr|franç|angl|all|it|ital|esp|engl|dt)\.)?(?:\s+par)?|traduit\s+par|sous\s+la\s+dir(?:ection|\.)\s+de|"
    r"dir\.|a\s+cura\s+di|by|par|in:?|dans:?|en:|em:|w:|"
    r"(?:под\s+)?ред\.|съст(?:ав)?\.|сост\.)\s+"
    rf"|[\s,;]*[([]?\b(?:editors?|{_ROLE})\.?[)\]]?[\s.,;:]*$",
    re.I,
)
_GIVEN_ED = re.compile(r"[^\W\d][^,;&.]*,\s*Ed\.?")
_ROLE_BRACKET = re.compile(rf"\s*[([]{_ROLE}\.?[)\]]", re.I)
#: A comma piece that is only a role word ("J. Smith, eds., B. Jones"): no name. A
#: short one needs its period or brackets ("Smith, Ed" is a name).
_ROLE_PIECE = re.compile(rf"(?:eds|editors?|hrsg)\.?|[([]{_ROLE}\.?[)\]]|{_ROLE}\.", re.I)
_ETAL = re.compile(
    r"[,，]?\s*(?:\bet\s*al\.?|&\s*al\.?(?:,\s*e\.?)?|u\.\s*a\.?|and\s+others|\bet\s+coll\.?|"
    r"等|и\s+др\.?)\s*$", re.I)  # "& al, e." is "et al." turned about
_AND_SPLIT = re.compile(
    r"\s*(?:;|\s&\s|[・、，]|(?<=\w)\s?/\s?(?=[A-Z])|,?\s+(?:and|und|et|y|AND|UND|ET)\s+"
    # "e" before an inverted name: "Smith, J. e Rossi, M.", "… e Silva e Sousa, J."
    r"|(?<=[\w.]),?\s+e\s+(?=[A-ZÀ-Ý][\w'’-]*(?:\s+(?:e|y|de|da|do|dos|das)\s+"
    r"[A-ZÀ-Ý][\w'’-]*)*,))\s*")
ETAL_WORDS = frozenset({"et", "al", "and", "others"})
SUFFIX = re.compile(r"^(?:Jr|Sr|Jun|Sen)\.?$|^(?:II|III|IV)$")
_INITIALS = re.compile(
    rf"^(?:(?:[{UPPER}][a-zа-я]\.|[{UPPER}]\.?)[\s-]?){{1,4}}$|^[{UPPER}]{{1,4}}$")
#: a period closing a given name before a family name in capitals and its comma
_PERIOD_BETWEEN_NAMES = re.compile(r"(?<=[^\W\d_]{2})\.\s+(?=[^\W\d_a-z]{2,}[\w'’-]*,)")
#: "e" between two names in Italian and Portuguese lists, only before a name of two
#: words or more ("Stefano e Daniela Feltracco"), never in "J. Sebastiao e Silva"
_E_SPLIT = re.compile(r"\s+e\s+(?=[A-Z][\w.'’-]*\s+[A-Z])")
#: Vancouver initials with no period ("Smith J, Jones K."): a period ending such a
#: list is the sentence's, "Jones K." is "Jones K"
_UNDOTTED = re.compile(rf"[^\W\d_]{{2,}}\s+[{UPPER}]{{1,3}}\s*,|\s[{UPPER}]{{2,3}}\.$")
#: one word of initials after a family name: "S.", "J.-P.", "(J.P.)", "Fl."
_INITIAL_WORD = re.compile(
    rf"^\(?(?:[{UPPER}][a-zа-я]?\.(?:-?[{UPPER}]\.?)*|[{UPPER}])\)?$")


#: a footnote mark after a name ("Zhou H*", "Smith J†"): equal contribution, the
#: corresponding author; no part of the name
_MARKS = re.compile(r"(?<=[^\W\d_.])[*†‡§¶]+(?=[\s,;.]|$)")


#: initials glued to the family name by PDF extraction: "C.Cartier", "E.J.Copeland"
_GLUED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.-?){1,3})(?=[A-Z][a-z]{2,})")


def parse_names(value: str) -> tuple[tuple[Name, ...], bool]:
    """Names in a name run (any style: inverted, direct, Vancouver); True if "et al."."""
    value = _GLUED_INITIALS.sub(r"\1 ", _MARKS.sub("", value)).strip(" ,;:")
    if value.endswith(".") and (not re.search(rf"\b[{UPPER}]\.$", value) or (
            "." not in value[:-1] and _UNDOTTED.search(value))):
        value = value[:-1]  # a sentence period, not an initial's
    etal = False
    previous = None
    by = re.match(r"von\s+([^\W\d]+)", value)
    if by and by.group(1).lower() in GIVEN_NAMES:  # "von Hans Müller": German "by"
        value = value[by.start(1) :]
    if _GIVEN_ED.fullmatch(value):  # "Smith, Ed": a given name, not a role word
        return (parse_name(value.rstrip(".")),), False
    value = _BOTH_AT_START.sub("", _BOTH_AT_END.sub("", value))
    while previous != value:  # role words and "et al." in any order at the end
        previous = value
        value = _ROLE_AROUND.sub("", value).strip(" ,;:")
        etal = etal or bool(_ETAL.search(value))
        value = _ETAL.sub("", value).strip(" ,;:")
    if not value or all(w in ("and", "und", "et", "&") for w in value.lower().split()):
        return (), etal  # nothing, or only "and" between two repeat marks ("--, and --")
    if _one_body(value):
        return (Name(literal=value),), etal  # "Department of Health, State of Hawaii (DOH)"
    value = _ROLE_BRACKET.sub("", value)  # "Smith, J. (ed.), Jones, K."
    value = _PERIOD_BETWEEN_NAMES.sub("; ", value)  # "OASI, Christel. FOLIO, Philippe"
    semi = [p.strip(" ,&") for p in value.split(";") if p.strip(" ,&")]
    if len(semi) > 1 and all(p.count(",") <= 1 for p in semi):
        # one name per part: "Costa, Joan ; Bauer, Donald Diana ; van der Berg, A."
        return tuple(n for p in semi if (n := _one_name(p)).family or n.literal), etal
    parts = [q.strip(" ,") for p in _split_and(value) for q in _E_SPLIT.split(p)
             if q.strip(" ,")]
    pieces: list[str] = []
    first_of_part: set[int] = set()  # pieces that follow "and", "&", "und" …
    for part in parts:
        first_of_part.add(len(pieces))
        pieces += [c.strip() for c in part.split(",")
                   if c.strip() and not _ROLE_PIECE.fullmatch(c.strip())]
    names: list[Name] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        # an inverted name never runs across "and": "UNESCO and K. Foster"
        nxt = pieces[i + 1] if i + 1 < len(pieces) and i + 1 not in first_of_part else None
        after = pieces[i + 2] if i + 2 < len(pieces) else None
        if SUFFIX.match(piece) and names and names[-1].suffix is None and names[-1].family:
            names[-1] = dataclasses.replace(names[-1], suffix=piece)  # "Smith, John, Jr."
            i += 1
            continue
        if (nxt is not None and after is not None and SUFFIX.match(nxt)
                and not _initials_only(piece, family=True) and _inverted(piece, after, i)):
            name = parse_name(f"{piece}, {after}")  # "Guerney, Jr., B. G."
            names.append(dataclasses.replace(name, suffix=nxt))
            i += 3
            continue
        if _corporate(piece):
            names.append(Name(literal=piece))  # "AMERICAN PSYCHOLOGICAL ASSOCIATION"
            i += 1
            continue
        if nxt is not None and _corporate(nxt):
            nxt = None  # never the given names of the name before it
        family_first = _family_first(piece)
        if family_first is not None and (nxt is None or _family_first(nxt) is not None):
            names.append(family_first)  # "Janhäll S., Andreae M. O.", "ALLEN (J.P.)"
            i += 1
            continue
        if nxt is not None and not SUFFIX.match(nxt) and not _initials_only(
                piece, family=True) and _inverted(piece, nxt, i, alone=i + 2 == len(pieces)):
            names.append(parse_name(f"{piece}, {nxt}"))  # "Smith, J. R."
            i += 2
            continue
        names.append(_direct_name(piece))
        i += 1
    return tuple(n for n in names if n.family or n.literal), etal


#: a piece after a body's name that goes on naming it: capitalised words, small
#: words, numbers, an acronym in brackets ("United States (DoD)", "Region 4")
_BODY_PIECE = re.compile(
    r"(?:(?:[A-Z][\w'’&.-]+|\d+|\([^()]+\)|of|the|and|for|de|du|des|la|le|für|und)\s*)+")


_PLACE_OR_FORM = PLACE_WORDS | STATE_WORDS | {"inc", "ltd", "llc", "co", "corp", "gmbh",
                                              "of", "the"}


def _one_body(value: str) -> bool:
    """Whether ``value`` is one organisation's name with its country, region or
    acronym after commas ("Environmental Protection Agency, United States, Region 4
    (EPA Region 4)"): a body's name first, then pieces with no initial and no given
    name."""
    pieces = [p.strip() for p in value.split(",")]
    if not 2 <= len(pieces) <= 3 or not _corporate(pieces[0]) or ";" in value:
        return False
    if not value.endswith(")") and not all(
            w.lower() in _PLACE_OR_FORM for p in pieces[1:] for w in re.findall(r"\w+", p)):
        return False  # "United Nations, Apuleius Philosophicus": a title after the body
    for piece in pieces[1:]:
        words = re.findall(r"[^\W\d_]+", re.sub(r"\([^()]*\)", "", piece))
        if not _BODY_PIECE.fullmatch(piece) or any(
                len(w) == 1 or w.lower() in GIVEN_NAMES or (w.isupper() and len(w) <= 3)
                for w in words):  # an initial, a given name, Vancouver's "AB"
            return False
    return True


def _split_and(value: str) -> list[str]:
    """``value`` cut at "and", "&", "und", "et", "y", "e", ";" and "/" between names,
    but not inside an organisation's name ("Centers for Disease Control and
    Prevention", "Bundesministerium für Bildung und Forschung") nor inside a Spanish
    or Portuguese family name ("Ortega y Gasset, José", "Silva e Sousa, J.")."""
    out: list[str] = []
    start = 0
    for m in _AND_SPLIT.finditer(value):
        left = re.split(r"[,;]", value[start : m.start()])[-1]
        if m.group().strip(" ,") in ("y", "e") and "," not in value[start : m.start()] \
                and re.fullmatch(r"[A-ZÀ-Ý][\w'’-]+", left) \
                and re.match(r"\s*[A-ZÀ-Ý][\w'’-]+\s*,", value[m.end() :]):
            continue  # "Ortega y Gasset, José": one family name, not two people
        right = _AND_SPLIT.split(re.split(r"[,;]", value[m.end() :])[0])[0]
        inverted = re.match(r",\s*[A-Z]\.", value[m.end() + len(right) :])  # "Turner, J."
        if ";" not in m.group() and _corporate(left) and len(right.split()) <= 4 and \
                not inverted and \
                not re.search(r"\b[A-Z]\.", right) and all(
                    w[:1].isupper() or w in ORG_LINKS for w in right.split()):
            continue
        out.append(value[start : m.start()])
        start = m.end()
    out.append(value[start:])
    return out


#: the small words inside an organisation's name ("Committee to Protect Journalists",
#: "Bundesministerium für Bildung und Forschung"); assemble.py uses them too
ORG_LINKS = frozenset({"of", "the", "to", "for", "and", "on", "de", "la", "le", "des", "du",
                       "di", "della", "für", "und", "der", "et", "&"})


def _one_name(part: str) -> Name:
    """One name standing alone: inverted at its comma, else as :func:`_direct_name`."""
    part = re.sub(r"^(?:and|und|et|&)\s+", "", part.strip())
    if _corporate(part):
        return Name(literal=part)
    if "," in part:
        return parse_name(part)
    return _direct_name(part)


#: a name word in Chinese characters, kana or hangul: such names put the family first
_EAST_ASIAN = re.compile(rf"[{HAN}{KANA}\uac00-\ud7af]+")


def _direct_name(piece: str) -> Name:
    """A name with no comma: family first ("Janhäll S.", "Doll R", "RAHNER Karl") or
    given names first ("Antoine KOBAYASHI", "Anna Yastrzhembska"); a suffix after
    either ("Garcia R Jr") stays the suffix. Chinese, Japanese and Korean names put
    the family name first ("長塚 隆", "가토 기요후미")."""
    words = piece.split()
    if len(words) >= 2 and all(_EAST_ASIAN.fullmatch(w) for w in words):
        return Name(family=words[0], given=" ".join(words[1:]))  # "長塚 隆": family first
    if len(words) >= 3 and SUFFIX.match(words[-1]):
        name = _direct_name(" ".join(words[:-1]))
        if name.family and not name.suffix:
            return dataclasses.replace(name, suffix=words[-1])
    family_first = _family_first(piece)
    if family_first is not None:
        return family_first
    words = piece.split()
    if len(words) >= 2 and _INITIALS.match(words[-1]) and words[-1].isupper() \
            and "." not in piece and not capitals_family(words[-1]):
        return Name(family=" ".join(words[:-1]), given=words[-1])  # "Doll R"
    return parse_name(piece)


def capitals_family(word: str, *, shortest: int = 4) -> bool:
    """A family name in capitals ("ZHOU", "DIAZ"), not Vancouver initials ("JR",
    "EEP"): ``shortest`` letters or more (four unless the context rules initials
    out) with a vowel."""
    return word.isalpha() and word.isupper() and len(word) >= shortest and \
        bool(re.search("[AEIOUYÀ-Ý]", word))


#: words of an organisation's name: a name holding one (and two words or more) is
#: kept whole as a literal ("World Health Organization", "EUROPEAN COMMISSION")
_CORPORATE_WORDS = frozenset({
    "institute", "institut", "committee", "organization", "organisation", "association",
    "society", "council", "department", "ministry", "ministère", "ministerium", "university",
    "universität", "université", "commission", "agency", "foundation", "bureau",
    "administration", "corporation", "centers", "center", "centre", "office", "board",
    "academy", "federation", "consortium", "nations", "programme", "laboratory",
    "survey", "government", "group", "bank", "union", "service", "services", "authority",
    "collaboration", "collaborations", "network", "alliance", "partnership", "inc", "ltd",
    "llc", "gmbh", "fund", "trust", "forum", "museum", "library", "institution",
    "coalition", "panel", "secretariat", "directorate", "observatory", "company", "project",
    "news", "times", "magazine", "radio", "television", "broadcasting", "media",
    "international", "contributors", "army", "corps", "navy", "police", "parliament",
})


#: words that are no given name: an organisation's words and the publishers' ones
_NOT_GIVEN = _CORPORATE_WORDS | {"press", "publishing"}
_CORPORATE_ENDINGS = ("ministerium", "institut", "gesellschaft", "verband", "bundesamt")


def _corporate(text: str) -> bool:
    found = re.findall(r"[^\W\d_]+", text)
    words = [w.lower() for w in found]
    if len(words) >= 3 and any(w in _NO_NAME_LINKS for w in found[1:-1]):
        return True  # "Rio on Watch", "Friends for the Earth": no person's name
    return len(words) >= 2 and any(w in _CORPORATE_WORDS or w.endswith(_CORPORATE_ENDINGS)
                                   for w in words)


#: small words a person's name never holds ("of" and "de" it may: "Bernard of Clairvaux")
_NO_NAME_LINKS = frozenset({"on", "for", "to", "the"})


def _family_first(piece: str) -> Name | None:
    """A name written family name first with no comma: the family name, then its
    initials with periods ("Janhäll S.", "MASSOT M.-H.", "ALLEN (J.P.)"), or a family
    name in capitals before given names ("RAHNER Karl"). None for anything else."""
    words = piece.split()
    if len(words) < 2:
        return None
    upper = list(itertools.takewhile(lambda w: w.isupper() and w.isalpha() and (
        w.lower() in PARTICLES or (len(w) >= 3 and re.search("[AEIOUYÀ-Ý]", w))), words))
    if not upper and len(words) == 2 and re.fullmatch(r"[A-Z]{2}", words[0]) and \
            _PINYIN_GIVEN.fullmatch(words[1]) and re.search("[AEIOUY]", words[0]):
        upper = words[:1]  # "GE Mo-Lin", "AI De-Zhen": a Chinese family name of two letters
    while upper and upper[-1].lower() in PARTICLES:
        upper.pop()  # "DA Alexander": initials, not the particle "da"
    rest = words[len(upper):]
    bare = " ".join(rest)
    if bare.startswith("(") and bare.endswith(")"):
        rest = bare[1:-1].split()  # "BLOCH (Marc)", as French bibliographies write it
    if upper and 1 <= len(rest) <= 3 and all(
            _INITIAL_WORD.match(w) or _PINYIN_GIVEN.fullmatch(w) or (
                w.isalpha() and w[:1].isupper() and w[1:].islower()
                and w.lower() not in _NOT_GIVEN)
            for w in rest):  # "RAHNER Karl", "MELOSI Martin V.", "MINNIS A. J.", "DUAN Yi-Shi"
        return parse_name(f'{" ".join(upper)}, {" ".join(rest).strip("()")}')
    k = len(words)
    while k > 1 and _INITIAL_WORD.match(words[k - 1]):
        k -= 1
    if k < len(words) and k <= 3 and not _INITIAL_WORD.match(words[0]) and all(
            w[:1].isupper() or w.lower() in PARTICLES for w in words[:k]) and \
            words[k - 1][:1].isupper() and len(words[k - 1]) > 1:
        return parse_name(f'{" ".join(words[:k])}, {" ".join(words[k:]).strip("()")}')
    return None


#: a Chinese given name of two syllables, joined by a hyphen: "Yi-Shi", "Xiao-ming"
_PINYIN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5}")


def _initials_only(text: str, *, family: bool = False) -> bool:
    """Whether ``text`` is only initials ("J. R.", "JR", "Ch."); with ``family``, a
    two-letter word with no period ("Li", "Xu") or a word of three capitals or more
    with a vowel ("ZHOU", "TAK") counts as a family name instead."""
    text = text.strip()
    if family and (re.fullmatch(r"[A-Z][a-z]", text) or (re.fullmatch(
            r"[A-Z]*[AEIOUY][A-Z]*", text) and len(text) >= 3)):
        return False
    return bool(_INITIALS.match(text))


def _inverted(family: str, given: str, index: int, *, alone: bool = False) -> bool:
    """Whether "family, given" is one inverted name: "Smith, J. R.", "Martin- Facklam, M.",
    "MÜLLER, Anna Maria", the first name of a list ("Korhonen, Gordon James, …"), or
    (``alone``: the whole list) a family name of several words before one given name
    ("Tuñón de Lara, Manuel", "Menéndez Pidal, Ramón")."""
    words = given.split()
    while len(words) > 1 and words[-1] in PARTICLES:
        words.pop()  # "Zhou, L. V. von": the particle after the given names
    given = " ".join(words)
    if _initials_only(given):
        return len(family.split()) <= 3
    if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    if any(w.lower().rstrip(".") in {"jr", "sr"} for w in words):
        return False
    core = family.split()
    while len(core) > 1 and core[0].lower() in PARTICLES:
        core.pop(0)  # "Van der Berg, Anne", "De la Cruz, Juan"
    single = len(core) == 1
    if alone and index == 0 and len(words) == 1 and 2 <= len(core) <= 4 and all(
            (w[:1].isupper() and len(w) > 2 and not w.endswith(".")) or w.lower() in PARTICLES
            or (w in ("y", "i", "e") and 0 < n < len(core) - 1)  # "Ortega y Gasset, José"
            for n, w in enumerate(core)):
        return True  # not "I. Kobayashi, Loyalty": an initial opens a name in direct order
    if index == 0 or family.isupper():
        return single or family.isupper()
    return single and len(words) == 1
