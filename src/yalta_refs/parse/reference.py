"""Parse one cleaned reference into a :class:`~yalta_refs.model.Reference`.

The order of work: the leading names (or a "———." repeat mark), an
author-date year in parentheses, the title (quoted or the first element),
then the publication-fact elements one by one. The first element after the
last fact that is not itself a fact starts the annotation, which is kept
verbatim; notes inside it (first published, published as, translated by)
fill empty fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ParseError
from ..model import Date, Diagnostic, Name, Reference
from .commalist import take_comma_facts
from .elements import _PUB_WORDS, TERMINAL_KINDS, Element, classify
from .fields import parse_date, parse_edition, parse_pages, split_gbt_dates, split_type_marker
from .namelists import take_leading_names
from .names import parse_name_list
from .notes import notes_from_annotation
from .segments import Segment, split_segments

__all__ = ["REPEAT_AUTHOR", "parse_reference", "repeated_names"]

#: diagnostic code for "———." references: the pipeline copies the names
REPEAT_AUTHOR = "repeat-author"

_SEPARATOR = re.compile(r"^[–—-]+\s+")  # a dash set between a reference and its annotation
_REPEAT = re.compile(
    r"^\s*(?:[—–]+|-{2,}|_{3,})\s*"
    r"(?:,\s*(?P<role>eds?|editors?|trans|transl|tr|comp|comps|hrsg|hg|dir|éds?)\.?\s*)?"
    r"[.,]?\s*", re.I)
_REPEAT_ROLES = {"tr": "translator", "trans": "translator", "transl": "translator"}


def repeated_names(text: str) -> tuple[int, Diagnostic] | None:
    """Where a "———." reference's own text starts, and the diagnostic that asks for the
    names above; "———, ed." and "———, trans." name the role they take them in (the
    diagnostic's field). None when ``text`` does not open with the dashes."""
    m = _REPEAT.match(text)
    if not m:
        return None
    role = m.group("role")
    field = _REPEAT_ROLES.get(role.lower(), "editor") if role else None
    return m.end(), Diagnostic(REPEAT_AUTHOR, "names repeated from the entry above", field)
# "(2000)." (APA) or "2000." (Chicago author-date) right after the names
_AUTHOR_YEAR = re.compile(
    r"^(?:\((?P<year>\d{4}[a-z]?|n\.\s?d\.)(?:,\s*(?P<rest>[^)]*))?\)"
    r"(?:\s*\[(?P<orig>\d{4})\])?\.?"
    r"|(?P<bare>(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.\s?d)\.)(?:\s+|$)"
)
# a quoted title; "“The Good War”: An Oral History" is a title that starts with a quote
_QUOTED = re.compile(
    r'^(?:"(?P<a>[^"]+)"|“(?P<b>[^”]+)”|‘(?P<c>[^’]+)’|\'(?P<d>(?:[^\']|\'(?=\w))+)\')'
    r"(?![:;\w])(?P<comma>,)?[.]?\s*"
)
# after the publication facts, only these may still come before the annotation
_TRAILING = frozenset(
    {"url", "doi", "accessed", "isbn", "extent", "series", "pages", "date", "original"}
)
_REPORT_TITLE = re.compile(
    r"^(?:The\s+)?(?:[\w/-]+\s+){0,3}Report\b|\bReport of\b|\bFinal Report\b"
)
_GOVERNMENT = re.compile(
    r"\b(?:Government Printing Office|GPO|Government Publishing Office|H\.?M\.? ?Stationery Office|"
    r"HMSO|Stationery Office)\b"
)
_TITLE_EDITION = re.compile(r",\s*(?P<ed>\d+(?:st|nd|rd|th|d)\s+ed\.?|[A-Z][a-z]+\s+ed\.)$")
_TITLE_BRACKET = re.compile(r"\s*\((?P<inner>[^()]+)\)$")
_BRACKET_ROLE = re.compile(
    r"^(?P<names>.+?),\s*(?P<role>Trans\.|Eds?\.|Trans\.\s*&\s*Eds?\.|Eds?\.\s*&\s*Trans\.)$"
)
# an imprint with its own year later on: the year right after the names was a title
_YEAR_LATER = re.compile(r"^(?:[^.]{0,200}?\.\s)?[^.]*?:\s[^.]*?,\s(?:1[5-9]|20)\d\d\b")
# APA "American Psychological Association. (2020)." and Wikipedia "Homer (2018)."
_CORPORATE_YEAR = re.compile(
    r"^(?P<name>[A-Z][^.()]{2,100}?)\.\s+(?=\((?:\d{4}[a-z]?|n\.\s?d\.)(?:,[^)]*)?\))"
    r"|^(?P<mononym>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})\s+(?=\(\d{4}[a-z]?\)\.)"
)
# a publisher's name: capitalised words, initials, "&", "and" ("Row, Peterson")
_NAME_LIKE = re.compile(r"(?:(?:[A-Z][\w.'’-]*|&|and|of|de|the|[A-Z]\.)[,]?\s?)+")
_PAGES = re.compile(r"^(?:pp?\.|pages?)\s*\S+", re.I)


@dataclass
class _State:
    values: dict[str, Any] = field(default_factory=dict)
    kinds: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def put(self, element: Element) -> None:
        self.kinds.append(element.kind)
        for key, value in element.values.items():
            if value in (None, "", ()):
                continue
            if key not in self.values:
                self.values[key] = value
            elif key == "issued" and isinstance(value, Date) and value != self.values[key]:
                self._second_date(value)

    def _second_date(self, date: Date) -> None:
        """A second date after the first: MLA's reprint ("Mrs. Dalloway. 1925.
        Harcourt, 1990.": the edition read is the later one, the first its original
        date); any other second date is kept in the note, so it is not lost."""
        first = self.values["issued"]
        if first.year and date.year and first.year < date.year and \
                first.parts == ((first.year,),) and "original_date" not in self.values and \
                not self.values.get("_author_year"):  # "Smith (1990). …": that is the date
            self.values["original_date"] = first
            self.values["issued"] = date
        else:
            self.notes.append(str(date))


def parse_reference(text: str) -> Reference:
    """Parse the cleaned text of one reference; raise ParseError if it is empty."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise ParseError("empty reference")
    bare, marked = split_type_marker(text)
    if marked:  # GB/T 7714's "[J]", "[M]"…: the type, and no part of a field
        bare, issued, cited = split_gbt_dates(bare)
        ref = parse_reference(bare).with_fields(type=marked, source_text=text)
        if issued is not None:
            ref = ref.with_fields(issued=issued)
        if cited is not None:
            ref = ref.with_fields(accessed=cited)
        return ref
    state = _State()
    pos = _take_names(text, state)
    pos += len(text[pos:]) - len(text[pos:].lstrip())
    m = _AUTHOR_YEAR.match(text[pos:])
    if m and m.group("bare") and _YEAR_LATER.search(text[pos + m.end() :]):
        m = None  # "McCullough, David. 1776. New York: Simon & Schuster, 2005.": a title
    if m:
        year = m.group("year") or m.group("bare")
        if year[0].isdigit():
            state.values["issued"] = parse_date(year[:4])
        state.values["_author_year"] = True
        if m.group("orig"):  # "(2002) [1851]": Wikipedia's original year
            state.values["original_date"] = parse_date(m.group("orig"))
        pos += m.end()
        editors = take_leading_names(text[pos:])
        if editors is not None and editors.role != "author":  # "Hayford, H.; Parker, H. (eds.)."
            state.values.setdefault(editors.role, editors.names)
            pos += editors.end
    pos = _take_title(text, pos, state)
    terminal = False
    if state.values.pop("_comma", False):
        facts = take_comma_facts(text[pos:])
        if facts is not None:
            pos += _put_comma_facts(facts, state)
            terminal = True
    annotation_start = _take_facts(text, pos, state, terminal=terminal)
    annotation = text[annotation_start:].strip() if annotation_start is not None else ""
    annotation = _SEPARATOR.sub("", annotation)  # "Giroux. – A psychologist's tour …"
    return _build(text, state, annotation)


def _take_names(text: str, state: _State) -> int:
    repeat = repeated_names(text)
    if repeat:
        state.diagnostics.append(repeat[1])
        return repeat[0]
    element = take_leading_names(text)
    if element is None:
        corporate = _CORPORATE_YEAR.match(text)
        if corporate:  # APA: "American Psychological Association. (2020)."
            name = corporate.group("name") or corporate.group("mononym")
            state.values["author"] = (Name(literal=name),)
            return corporate.end()
        return 0
    state.values[element.role] = element.names
    if element.et_al:
        state.diagnostics.append(
            Diagnostic("et-al", "the list of names was cut short (et al.)", element.role, "info")
        )
    return element.end


def _take_title(text: str, pos: int, state: _State) -> int:
    rest = text[pos:]
    m = _QUOTED.match(rest)
    if m:
        raw = (m.group("a") or m.group("b") or m.group("c") or m.group("d")).strip()
        state.values["title"] = raw.rstrip(".,")
        state.values["_quoted"] = True
        state.values["_comma"] = raw.endswith(",") or bool(m.group("comma"))
        return pos + m.end()
    segments = split_segments(rest)
    if not segments:
        return pos
    first = segments[0]
    element = classify(first.bare)
    if element is not None and element.kind in {"url", "doi", "isbn"}:
        return pos  # no title: facts straight away
    if (
        not _has_author(state)
        and len(segments) > 2
        and _looks_corporate(first.bare)
        and not _is_strong_fact(segments[1])
        and (_is_fact(segments[2]) or _QUOTED.match(segments[1].text)
             or (len(segments) > 3 and len(segments[2].bare.split()) <= 8
                 and _is_journal(segments[3])))
    ):
        if _QUOTED.match(segments[1].text):
            state.values["author"] = (Name(literal=first.bare),)
            return _take_title(text, pos + segments[1].start, state)
        # "United Nations. The State of the World's Refugees. Geneva: UNHCR, 2000."
        state.values["author"] = (Name(literal=first.bare),)
        state.values["title"] = _title_notes(segments[1].bare, state)
        return pos + segments[1].end
    state.values["title"] = _title_notes(first.bare, state)
    return pos + first.end


def _title_notes(title: str, state: _State) -> str:
    """APA puts roles and editions in brackets after the title:
    "Crime and punishment (R. Pevear & L. Volokhonsky, Trans.)", "Title (2nd ed.)"."""
    ieee = _TITLE_EDITION.search(title)
    if ieee:  # IEEE: "The C Programming Language, 2nd ed."
        state.values.setdefault("edition", parse_edition(ieee.group("ed")))
        title = title[: ieee.start()]
    while (m := _TITLE_BRACKET.search(title)) is not None:
        inner = m.group("inner")
        role = _BRACKET_ROLE.match(inner)
        if role:
            names = parse_name_list(role.group("names"))
            for key in ("translator", "editor"):
                if key[:2] in role.group("role").lower() or (
                        key == "translator" and "trans" in role.group("role").lower()):
                    state.values.setdefault(key, names)
        elif parse_edition(inner or ""):
            state.values.setdefault("edition", parse_edition(inner))
        elif re.fullmatch(r"Vol\.\s*\w+", inner):
            state.values.setdefault("volume", inner.split()[-1])
        else:
            break
        title = title[: m.start()].rstrip()
    return title


def _ends_facts(segment: Segment | None) -> bool:
    """Nothing, prose, or only identifiers follow (so the segment before was the last fact)."""
    if segment is None:
        return True
    element = classify(segment.bare)
    return element is None or element.kind in _TRAILING


def _is_journal(segment: Segment) -> bool:
    element = classify(segment.bare)
    return element is not None and element.kind == "journal"


def _is_strong_fact(segment: Segment) -> bool:
    """A fact beyond doubt; "Smoking and Health: Report of …" looks like an imprint
    but an imprint without a year is no proof."""
    element = classify(segment.bare)
    if element is None:
        return False
    if element.kind == "report":
        return False  # "Report of the National Advisory Commission …" is a title
    return element.kind != "imprint" or "issued" in element.values


def _has_author(state: _State) -> bool:
    return any(k in state.values for k in ("author", "editor", "translator"))


def _is_fact(segment: Segment) -> bool:
    return classify(segment.bare) is not None


def _looks_corporate(text: str) -> bool:
    return ":" not in text and "?" not in text and len(text.split()) <= 14


def _put_comma_facts(facts: dict[str, Any], state: _State) -> int:
    """Store IEEE-style comma facts; return how much text they used."""
    container = str(facts.get("container_title", ""))
    kind = "journal"
    if container.startswith("in "):
        facts["container_title"] = container[3:]
        kind = "conference" if re.search(r"\bProc\b|Conf|Symp|Workshop", container) else "chapter"
    rest = facts.pop("_rest", [])
    if rest:
        state.notes.append(", ".join(rest))
    end = int(facts.pop("_end"))
    state.put(Element(kind, facts))
    return end


def _take_facts(text: str, pos: int, state: _State, *, terminal: bool = False) -> int | None:
    """Read fact elements; return where the annotation starts (None: no annotation)."""
    segments = [Segment(s.text, s.start + pos, s.end + pos) for s in split_segments(text[pos:])]
    unknown: list[Segment] = []
    for k, seg in enumerate(segments):
        following = segments[k + 1] if k + 1 < len(segments) else None
        element = _classify_in_context(seg, state, terminal, following)
        if element is None:
            if terminal:
                return seg.start
            unknown.append(seg)
            continue
        if unknown:
            _keep_unknown(unknown, state, next_element=element)
            unknown = []
        state.put(element)
        terminal = terminal or element.kind in TERMINAL_KINDS
    if unknown and not terminal and not state.kinds:
        return unknown[0].start  # title, then prose: all of it is the annotation
    if unknown:
        _keep_unknown(unknown, state, next_element=None)
    return None


def _classify_in_context(
    seg: Segment, state: _State, terminal: bool, following: Segment | None = None
) -> Element | None:
    bare = seg.bare
    if _PAGES.match(bare):
        pages = parse_pages(bare)
        if pages:
            return Element("pages", {"page": pages})
    element = classify(bare)
    if terminal:
        return element if element is not None and element.kind in _TRAILING else None
    if (
        element is None
        and state.values.get("_author_year")
        and set(state.kinds) <= {"chapter", "volumes", "edition", "role", "series"}
        and len(bare.split()) <= 8
        and (_PUB_WORDS.search(bare) or _NAME_LIKE.fullmatch(bare))
        and _ends_facts(following)
    ):
        # APA: the element after the title is the publisher ("T. Egerton", "Row, Peterson")
        return Element("publisher-year", {"publisher": bare})
    return element


_BOOK_FACTS = frozenset({"imprint", "publisher-year", "volumes", "edition", "role", "extent"})


def _keep_unknown(
    unknown: list[Segment], state: _State, *, next_element: Element | None
) -> None:
    """Elements we could not name: a website's name, a series, else a note."""
    next_kind = next_element.kind if next_element is not None else None
    for i, seg in enumerate(unknown):
        bare = seg.bare
        title = state.values.get("title", "")
        last = i == len(unknown) - 1
        if last and next_element is not None and next_element.kind == "journal" \
                and "container_title" not in next_element.values \
                and "container_title" not in state.values:
            state.values["container_title"] = bare  # "Title. Br Med J. 1950;2(4682):739-48."
            continue
        if next_kind is not None and title.endswith(("?", "!")) and not state.kinds \
                and not state.values.get("_quoted"):
            state.values["title"] = f"{title} {bare}"  # "Who Governs? Democracy and Power …"
        elif "container_title" not in state.values and state.values.get("_quoted"):
            state.values["container_title"] = bare
        elif next_kind in _BOOK_FACTS and _series(bare, state):
            continue
        else:
            state.notes.append(bare)
    unknown.clear()


_MINOR_WORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "and", "for", "to", "at", "by", "from", "with", "de"]
)


def _series(text: str, state: _State) -> bool:
    """ "The Oxford History of the United States 6": a series title and number."""
    m = re.fullmatch(r"\(?(?P<title>[A-Z][^()]*?[A-Za-z])(?:,?\s+(?:no\.|vol\.)?\s*"
                     r"(?P<number>\d+))?\)?", text)
    if not m or "collection_title" in state.values:
        return False
    words = [w for w in text.strip("()").split() if w.isalpha()]
    title_case = len(words) <= 8 and all(
        w[0].isupper() for w in words if w.lower() not in _MINOR_WORDS)
    if not (m.group("number") or text.startswith("(") or title_case):
        return False
    state.values["collection_title"] = m.group("title")
    if m.group("number"):
        state.values["collection_number"] = m.group("number")
    return True


def _infer_type(state: _State) -> str:
    v, kinds = state.values, set(state.kinds)
    if "type" in v:
        return str(v["type"])
    if "thesis" in kinds:
        return "thesis"
    if "chapter" in kinds:
        return "chapter"
    if "conference" in kinds:
        return "paper-conference"
    if "journal" in kinds:
        return "article-journal"
    by_title = _REPORT_TITLE.search(v.get("title", "")) and "container_title" not in v
    if "report" in kinds or by_title or _GOVERNMENT.search(v.get("publisher", "")):
        return "report"
    if kinds & {"url", "accessed"} and "publisher" not in v:
        return "webpage"
    if v.get("_quoted") and "container_title" in v:
        return "article-magazine" if "publisher" not in v else "chapter"
    return "book"


def _build(text: str, state: _State, annotation: str) -> Reference:
    values = {k: v for k, v in state.values.items() if not k.startswith("_")}
    extra = {k.removeprefix("extra:"): str(values.pop(k)) for k in list(values)
             if k.startswith("extra:")}
    if extra:
        values["extra"] = extra
    ref_type = _infer_type(state)
    values.pop("type", None)
    if state.notes:
        values["note"] = ". ".join(state.notes)
        state.diagnostics.append(
            Diagnostic(
                "unrecognised-element", f"kept as a note: {values['note']!r}", "note", "info"
            )
        )
    if annotation:
        for key, value in notes_from_annotation(annotation).items():
            values.setdefault(key, value)
    if "title" not in values:
        state.diagnostics.append(Diagnostic("no-title", "no title found", "title"))
    return Reference(
        type=ref_type,
        annotation=annotation or None,
        source_text=text,
        diagnostics=tuple(state.diagnostics),
        **values,
    )


def copy_names(ref: Reference, previous: Reference) -> Reference:
    """Fill a "———." reference's names from the reference above it: in the role the
    dashes named ("———, ed.": the editors), else in the role they had above."""
    wanted = next((d.field for d in ref.diagnostics if d.code == REPEAT_AUTHOR and d.field),
                  None)
    role = next((r for r in ("author", "editor", "translator") if getattr(previous, r)), None)
    if role is None:
        return ref
    target = wanted or ("author" if role == "translator" else role)  # "———, trans." above
    if getattr(ref, target):
        return ref
    return ref.with_fields(**{target: getattr(previous, role)})
