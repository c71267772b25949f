"""Personal and institutional names: parsing CSL-JSON names and formatting one name.

Formatting follows CSL 1.0.2 and citeproc-js: display order
``given dropping-particle non-dropping-particle family suffix``; inverted
(``name-as-sort-order``) order with the non-dropping particle demoted after
the given name only when ``demote-non-dropping-particle="display-and-sort"``;
``initialize-with`` turning given names into initials unless
``initialize="false"``, in which case only given names that already are
initials are normalized ("J.R." → "J. R.").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["PName", "format_name", "initialize", "parse_name"]

_ROMANESQUE = re.compile(
    r"[-0-9a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4"
    r"\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]")
ROMANESQUE = _ROMANESQUE
_STARTS_ROMANESQUE = re.compile(
    r"^[&a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4"
    r"\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]")
_NON_ROMANESQUE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")
# one leading word of a family name and what joins it to the rest (citeproc-js)
_PARTICLE = re.compile(r"^([^ ]+(?:-|\u02bb|\u2019| |') *)(.+)$")


@dataclass(frozen=True, slots=True)
class PName:
    """One prepared name."""

    family: str = ""
    given: str = ""
    ndp: str = ""
    dp: str = ""
    suffix: str = ""
    comma_suffix: bool = False
    literal: str = ""
    static_order: bool = False

    @property
    def roman(self) -> bool:
        text = self.family + self.given
        return not _NON_ROMANESQUE.search(text)


def _split_family(family: str) -> tuple[str, str]:
    """Leading lower-case words ("van der", "d'", "al-") as the non-dropping particle."""
    particle = ""
    rest = family
    while (match := _PARTICLE.match(rest)) is not None:
        head = match.group(1)
        first = head.lstrip("-'\u02bb\u2019 ")[:1]
        if not first or first.upper() == first:
            break
        particle += head
        rest = match.group(2)
    if not particle:
        return "", family
    trimmed = particle.strip()
    if particle.endswith(" ") and trimmed[-1:] in ("'", "\u2019"):
        trimmed += " "
    return trimmed, rest


def _split_given(given: str) -> tuple[str, str]:
    words = given.split(" ")
    cut = len(words)
    while cut > 1 and words[cut - 1][:1].islower():
        cut -= 1
    if cut == len(words):
        return given, ""
    return " ".join(words[:cut]), " ".join(words[cut:])


def parse_name(raw: Mapping[str, Any] | str, language: str = "") -> PName:
    """A CSL-JSON name (or a bare string, taken as a literal) as a :class:`PName`;
    ``language`` is the item's (Japanese, Chinese, Hungarian and Vietnamese names are
    written family name first, as citeproc-js does)."""
    if isinstance(raw, str):
        return PName(literal=raw.strip().replace("'", "\u2019"))
    literal = str(raw.get("literal") or "").strip()
    family = str(raw.get("family") or "").strip()
    given = str(raw.get("given") or "").strip()
    if literal or not family:
        return PName(literal=(literal or given).replace("'", "\u2019"))
    ndp = str(raw.get("non-dropping-particle") or "").strip()
    dp = str(raw.get("dropping-particle") or "").strip()
    suffix = str(raw.get("suffix") or "").strip()
    comma = bool(raw.get("comma-suffix"))
    if raw.get("parse-names", True) not in (False, "false"):
        if not ndp and given and not (family.startswith('"') and family.endswith('"')):
            ndp, family = _split_family(family)
        if not dp and " " in given:
            given, dp = _split_given(given)
        if not suffix and ", " in given:
            given, _, rest = given.partition(", ")
            suffix = rest.lstrip("!").strip()
            comma = comma or rest.startswith("!")
    if "'" in family + given + ndp + dp:
        family, given, ndp, dp = (x.replace("'", "\u2019") for x in (family, given, ndp, dp))
    static = bool(raw.get("static-ordering")) or language in ("hu", "vi")
    if not static and given:
        if not _ROMANESQUE.search(family):
            static = bool(_STARTS_ROMANESQUE.match(given))
        else:
            static = language[:2] in ("ja", "zh")
    return PName(family=family, given=given, ndp=ndp, dp=dp, suffix=suffix,
                 comma_suffix=comma, static_order=static)


# --- initials -------------------------------------------------------------------

_INITIAL = re.compile(
    "^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff"
    "\u0370\u0372\u0376\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee"
    "\u03f4\u03f7\u03fd-\u03ff])")


def initialize(given: str, terminator: str, normalize_only: bool, hyphen: bool = True) -> str:
    """Initials of ``given``; with ``normalize_only`` only existing initials change."""
    if not given or given in ("Lord", "Lady") or not _STARTS_ROMANESQUE.match(given):
        return given
    if not hyphen:
        given = given.replace("-", " ")
    given = re.sub(r"\s*-\s*", "-", given)
    given = re.sub(r"\s+", " ", given)
    given = re.sub(r"-([a-z])", "\u2013\\1", given)
    given = re.sub(r"\.(?=[^ ])", ". ", given)
    pieces = re.split(r"([-\s]+)", given)
    if len(pieces) == 1:
        tail = pieces[0].rsplit(".", 1)[-1]
        if len(tail) == 1 and tail != tail.lower():
            pieces[0] += "."
    out = _normalize(pieces, terminator) if normalize_only else _initialize(pieces, terminator)
    return out.replace("\u2013", "-") if "\u2013" in out else out


def _clean(text: str) -> str:
    text = re.sub(r"[\s\ufeff\u00a0]+$", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return re.sub(r"[\t\n\r ]+", " ", text)


def _normalize(pieces: list[str], terminator: str) -> str:
    abbrev = []
    for i, piece in enumerate(pieces):
        if len(piece) > 1 and piece.endswith("."):
            pieces[i] = piece[:-1] if piece.count(".") == 1 else re.sub(r"^(.*)\.(.*)$",
                                                                          r"\1\2", piece)
            abbrev.append(True)
        else:
            abbrev.append(len(piece) == 1 and piece.upper() == piece and i % 2 == 0)
    for i in range(0, len(pieces), 2):
        if not abbrev[i]:
            continue
        if i < len(pieces) - 2:
            sep = "" if abbrev[i + 2] else " "
            pieces[i + 1] = terminator + sep if len(pieces[i + 2]) > 1 else terminator
        if i == len(pieces) - 1:
            pieces[i] += terminator
    return _clean("".join(pieces))


def _initialize(pieces: list[str], terminator: str) -> str:
    count = len(pieces)
    out = list(pieces)
    for i in range(0, count, 2):
        word = pieces[i]
        if not word:
            continue
        match = _INITIAL.match(word)
        if match and match.group(1).upper() == match.group(1):
            out[i] = match.group(1)
            if i < count - 1:
                if "-" in out[i + 1]:
                    out[i + 1] = terminator + "-"
                else:
                    out[i + 1] = terminator
            else:
                out.append(terminator)
        elif _ROMANESQUE.search(word):
            out[i] = " " + word
    return _clean("".join(out))


# --- one name ------------------------------------------------------------------

def _join_particle(particle: str, family: str) -> str:
    if not particle:
        return family
    if particle[-1] in "'\u2019-":
        return particle + family
    return particle + " " + family


def format_name(name: PName, *, form: str, inverted: bool, sort_sep: str, init_with: str | None,
                initialize_on: bool, demote: str, hyphen: bool) -> str:
    """One name as text."""
    if name.literal:
        return name.literal
    family = name.family
    if not name.roman:
        if form == "short":
            return name.ndp + family
        return family + name.given
    if form == "short":
        return _join_particle(name.ndp, family)
    given = name.given
    suffix = name.suffix
    if init_with is not None:
        if given:
            given = initialize(given, init_with, not initialize_on, hyphen)
        if suffix:
            suffix = initialize(suffix, init_with, True, hyphen)
    if name.static_order and given:
        # family name first, in every position, without a comma (citeproc-js)
        return _join_particle(name.ndp, family) + " " + given
    if not inverted or (name.static_order and not given):
        first = " ".join(p for p in (given, name.dp) if p)
        last = _join_particle(name.ndp, family)
        full = _join_particle(first, last) if first else last
        if first and not last:
            full = first
        if suffix:
            full += (", " if name.comma_suffix else " ") + suffix
        return full
    if demote == "display-and-sort":
        head = family
        tail = " ".join(p for p in (given, name.dp, name.ndp) if p)
    else:
        head = _join_particle(name.ndp, family)
        tail = " ".join(p for p in (given, name.dp) if p)
    out = head
    if tail:
        out += sort_sep + tail if head else tail
    if suffix:
        out += sort_sep + suffix
    return out
