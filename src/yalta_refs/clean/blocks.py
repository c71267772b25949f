"""From raw text to reference blocks: lines, markers, sections, joined wraps.

:func:`split_blocks` turns a whole damaged document into the blocks that hold
one reference each, plus a report of every piece of text that is not part of
a reference (article prose before the list, headings, markup, page furniture
after it), each with its reason and line. :func:`split_lines` is the
one-reference-per-line variant used for known-clean lists and evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import DiscardedText, Reference, SourceSpan
from ..parse.elements import classify
from ..parse.namelists import take_leading_names
from ..parse.names import HAN, UPPER
from ..parse.segments import split_segments
from .jats import PLACEHOLDER, JatsCitation, extract_element_citations
from .markup import BREAK, CONTINUE, LINE, strip_markup
from .text import fix_line, join_broken_links, normalize_newlines

__all__ = ["SECOND_REFERENCE", "Block", "reference_score", "split_blocks", "split_lines"]

# reasons reported for discarded text
MARKUP = "markup"
LIST_MARKER = "list marker"
HEADING = "heading"
BEFORE_LIST = "article text before the reading list"
FURNITURE = "page furniture after the reading list"
NOT_A_REFERENCE = "not a reference (subheading or stray text inside the list)"

# headings that open a reading list ...
_LIST_HEADING = (
    r"(?:further|suggested|recommended|additional|selected|supplementary|select)\s+"
    r"(?:reading|readings|bibliography|sources|works)(?:\s+list)?|bibliography|sources|"
    r"references|works\s+cited|literature\s+cited|works\s+consulted|reading\s+list|"
    r"for\s+further\s+(?:reading|study|information)|sources\s+and\s+further\s+reading|"
    r"bibliography\s+and\s+further\s+reading|literature|notes\s+and\s+references|"
    r"reference\s+list|"
    # German, French, Spanish, Italian, Portuguese, Dutch
    r"literatur|literaturverzeichnis|literaturhinweise|weiterf(?:ü|ue)hrende\s+literatur|"
    r"quellen(?:\s+und\s+literatur)?|bibliogra(?:ph|f)ie|"
    r"r(?:é|e)f(?:é|e)rences(?:\s+bibliographiques)?|pour\s+en\s+savoir\s+plus|"
    r"lectures?\s+compl(?:é|e)mentaires|ouvrages\s+cit(?:é|e)s|"
    r"bibliograf(?:í|i)a|referencias(?:\s+bibliogr(?:á|a)ficas)?|lecturas?\s+recomendadas|"
    r"obras\s+citadas|riferimenti\s+bibliografici|letture\s+consigliate|"
    r"refer(?:ê|e)ncias(?:\s+bibliogr(?:á|a)ficas)?|leituras?\s+(?:adicionais|recomendadas)|"
    r"literatuur(?:lijst)?|bronnen"
)
# ... and subheadings that divide one
_SUBHEADING = (
    r"(?:web|internet|online|electronic|further|other|primary|secondary)\s+"
    r"(?:sites?|resources|sources|texts|works|literature)|websites|resources|selected\s+works|"
    r"works|(?:books|articles|journals|chapters|reports|documents|monographs)"
    r"(?:\s+and\s+(?:articles|books|chapters|journals))?"
)
_HEADING = re.compile(rf"^\s*(?:{_LIST_HEADING}|{_SUBHEADING})\s*:?\s*$", re.I)
_STRONG_HEADING = re.compile(rf"^\s*(?:{_LIST_HEADING})\s*:?\s*$", re.I)
_FURNITURE = re.compile(
    r"^\s*(?:categories\s*:|category\s*:|see\s+also\b|related\s+(?:articles|topics|entries)\b|"
    r"\[[a-z]{1,4}\]|tags\s*:|keywords\s*:|citation\s+information\b|last\s+updated\b|"
    r"retrieved\s+from\s+\"?https?:|this\s+page\s+was\s+last)",
    re.I,
)
_VERB = re.compile(
    r"\b(?:was|were|is|are|had|has|have|did|does|became|began|made|took|came|went|led|met|"
    r"spoke|sought|fought|saw|gave|won|lost|fled|left|held|would|could|will|can)\b|"
    r"\b(?<![A-Z])[a-z]{3,}ed\b(?! by\b)"
)
_MAX_WRAP = 110  # hard-wrapped lists wrap at 60-100 columns
_MARKER = re.compile(
    r"^\s*(?:[•*·▪◦●‣⁃∙■□○\-–—](?![-–—])\s*|\(?\d{1,3}[.)]\s+|\[\d{1,4}\]\s*|\d{1,3}\.\t)"
)
_REPEAT = re.compile(r"^\s*(?:[—–-]{2,}|_{3,})")
#: a second reference run into the line of the one before, by the same author:
#: "… New York: Viking, 1987. ——. The Face of Battle. London: Cape, 1976."
SECOND_REFERENCE = re.compile(r"(?<=[.!?)\]])\s+(?=(?:[—–]{2,}|-{3,}|_{3,})\s*[.,])")
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20[0-4]\d)(?!\d)|\bn\.\s?d\.|\bforthcoming\b", re.I)
_IMPRINT = re.compile(
    r"[A-Z][\w.'’ -]+(?:, [A-Z][\w.]+)?:\s*[A-Z][^:]{2,}?,|\b(?:vol|no|pp|ed|eds|trans)\.\s|"
    r"\b\d+\s*\(\d+\)|https?://|\bdoi\b|\bISBN\b|\bPress\b|\bUniversity\b|\bJournal\b",
)
_NAME_START = re.compile(
    r"^\s*(?:[—–-]{2,}|(?:[A-Z][\w'’-]+|(?:van|von|de|da|di|du|le|la|del|della|der|ten|ter)"
    r"\s+[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)?,\s+(?:[A-Z]|et al\.)|"
    r"[A-Z]\.(?:\s?[A-Z]\.)*\s+[A-Z][\w'’-]+[,.]|\"|“)",
)


@dataclass(frozen=True, slots=True)
class Block:
    """The cleaned text of one reference and where it came from.

    ``parsed`` is set when markup already gave the fields (a JATS
    element-citation); its annotation is whatever text followed the element.
    """

    text: str
    span: SourceSpan
    parsed: Reference | None = None
    #: prose paragraphs set under the reference (an annotated bibliography's
    #: annotation): kept apart from ``text``, which is what a parser reads
    annotation: str | None = None

    @property
    def full_text(self) -> str:
        """The reference and its attached annotation, as they stood in the input."""
        return f"{self.text} {self.annotation}" if self.annotation else self.text


@dataclass(slots=True)
class _Unit:
    text: str
    line: int
    starts_new: bool
    blank: bool = False
    continues: bool = False
    indent: int = 0
    soft: bool = False  # follows a <br>: a new reference only if it opens with names


def _names_first(text: str) -> bool:
    """The text opens with a name list, in any of the styles we read."""
    return bool(_NAME_START.match(text)) or take_leading_names(text[:300]) is not None


def reference_score(text: str) -> int:
    """How much ``text`` looks like a reference (3 or more: it is one)."""
    score = 0
    if _YEAR.search(text):
        score += 2
    if _IMPRINT.search(text):
        score += 1
    if _names_first(text):
        score += 1
    if re.search(r"[.?!]\s+\S", text.strip()):
        score += 1
    if len(text.split()) < 4:
        score -= 1
    return score


def _pieces(text: str) -> Iterator[tuple[str, bool, bool]]:
    """A stripped line cut at markup breaks: (piece, starts a new block?, after a <br>?)."""
    for i, part in enumerate(text.split(BREAK)):
        for k, piece in enumerate(part.split(LINE)):
            yield piece, i > 0 and k == 0, k > 0


def _units(text: str, source: str | None, discarded: list[DiscardedText]) -> Iterator[_Unit]:
    """Line pieces with their markers; a line ending in a closing citation tag makes
    the next line continue the reference (its annotation)."""
    carry = soft_carry = False
    for lineno, raw in enumerate(normalize_newlines(text).split("\n"), start=1):
        stripped = strip_markup(fix_line(raw))
        span = SourceSpan(source, lineno)
        if stripped.removed:
            discarded.append(DiscardedText(" ".join(stripped.removed), MARKUP, span))
        pieces = list(_pieces(stripped.text))
        after_br, soft_carry = soft_carry, stripped.text.rstrip().endswith(LINE)
        for i, (piece, new, soft) in enumerate(pieces):
            soft = soft or (after_br and i == 0)  # "<br>" ended the line before
            marker = _MARKER.match(piece)
            if marker and not _REPEAT.match(piece):
                if any(c.isalnum() for c in marker.group(0)):
                    discarded.append(DiscardedText(marker.group(0).strip(), LIST_MARKER, span))
                piece = piece[marker.end() :]
                new = True
            new = new or bool(PLACEHOLDER.search(piece))  # a structured citation starts one
            continues = piece.lstrip().startswith(CONTINUE) or (carry and i == 0 and not new)
            carry = piece.rstrip().endswith(CONTINUE) and i == len(pieces) - 1
            indent = len(piece) - len(piece.lstrip()) if i == 0 and not new else 0
            piece = piece.replace(CONTINUE, " ")
            if piece.strip():
                yield _Unit(piece.strip(), lineno, new and not continues, continues=continues,
                            indent=indent, soft=soft)
            elif len(pieces) == 1:
                carry = False
                yield _Unit("", lineno, False, blank=True)


def _ends_reference(text: str) -> bool:
    ends = re.search(r"[.!?)\]\"”’']\s*$|(?:https?://|doi:\s?)\S+$", text)
    return bool(ends) and reference_score(text) >= 3


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` carries on the reference of the lines before it."""
    if not _ends_reference(prev):
        return True
    if _starts_with_names(line) or _REPEAT.match(line) or _GOST_OR_CHINESE_NAMES.match(line):
        return False  # "Surname, Given. …" or "———." after a finished reference: a new one
    if _ENDS_WITH_YEAR.search(prev) and _names_then_comma(line):
        return False  # "… Laterza, 1951." then "Salvemini, Gaetano, La politica …"
    if line[:1].islower() or line[:1].isdigit() or _starts_with_fact(line):
        return True  # "1 of A History …", "New York: Viking, 2002. …": a wrapped reference
    lines = prev.split("\n")
    width = max(len(x) for x in [*lines, line])
    if width > _MAX_WRAP:
        return False  # long lines are not hard-wrapped: one reference per line
    # hard-wrapped text: a reference that ended at the margin may go on
    return len(lines[-1]) >= width - 12


def _starts_with_fact(line: str) -> bool:
    first = split_segments(line[:200])
    if not first:
        return False
    element = classify(first[0].bare)
    return element is not None and element.kind not in {"date", "url", "doi"}


#: names that open a reference in GOST ("Иванов И. И. История …", "Петров П. П.,
#: Сидоров С. С. …") or in Chinese (GB/T 7714: "李华, 张伟. 基于…", "王小明, 等. …"),
#: which the name reader for Latin-script styles does not know
_GOST_OR_CHINESE_NAMES = re.compile(
    rf"[{UPPER}][\w'’-]+\s(?:[{UPPER}]\.\s?-?){{1,3}}(?:,|\s[{UPPER}][\w-])"
    rf"|[{HAN}]{{2,4}}(?:[,，、]\s*[{HAN}]{{2,4}})*(?:[,，、]\s*等)?[.．]\s*\S")
_YEAR_AFTER_NAMES = re.compile(r",?\s*\(?(?:1[5-9]|20)\d\d[a-z]?\)?[.,:]")


_ENDS_WITH_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?(?:\s?[-–]\s?(?:1[5-9]|20)?\d\d)?\.$")


_NAMES_THEN_COMMA = re.compile(
    r"(?:(?:de|di|da|del|della|van|von|la|le|du)\s)?[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*)?,"
    r"\s(?-i:[A-Z])[\w'’.-]*(?:\s(?-i:[A-Z])[\w'’.-]*)?,\s(?-i:[A-Z])"
)


def _names_then_comma(line: str) -> bool:
    """ "Surname, Given, Title …": one name set off with commas and a capital after
    it, as lists that part every field with commas open a reference."""
    return bool(_NAMES_THEN_COMMA.match(line)) and line[:1].isupper()


def _starts_with_names(line: str) -> bool:
    """ "Surname, Given." (or "Surname, Given:", "Surname, Given, 1949.", ISO 690's
    names then year) opens the line."""
    element = take_leading_names(line)
    return (
        element is not None
        and element.end < len(line)
        and (line[: element.end].rstrip().endswith((".", ")", ":"))
             or bool(_YEAR_AFTER_NAMES.match(line, element.end)))
    )


def _paragraphs(units: list[_Unit]) -> list[list[_Unit]]:
    """Group units into blocks: blank lines and markers end one; wraps join."""
    done: list[list[_Unit]] = []
    current: list[_Unit] = []
    widest = max((u.indent + len(u.text) for u in units if not u.blank), default=0)
    under = False  # the current paragraph is an annotation set under a reference
    for unit in units:
        if unit.blank:
            if current:
                done.append(current)
            current = []
            continue
        if unit.continues and (current or done):
            (current or done[-1]).append(unit)  # markup says: same reference
            continue
        joined = "\n".join(u.text for u in current)
        indented = bool(current) and unit.indent > current[0].indent + 1
        if unit.soft and current and not (_starts_with_names(unit.text)
                                          or _REPEAT.match(unit.text)
                                          or unit.text.startswith(("“", '"', "‘"))):
            indented = True  # the text after a <br> belongs to the reference before it
        starts_under = indented and bool(current) and _set_under(current, joined, unit, widest)
        if current and (
            unit.starts_new
            or _is_special(unit.text)
            or _is_special(joined)
            or not (indented or _continues(joined, unit.text))
            or starts_under
            or (under and unit.indent < current[0].indent - 1)  # back out of the annotation
        ):
            done.append(current)
            current = []
            under = starts_under
        current.append(unit)
    if current:
        done.append(current)
    return done


def _set_under(current: list[_Unit], joined: str, unit: _Unit, widest: int) -> bool:
    """An indented line that starts a paragraph of its own under a complete reference
    (an annotated bibliography's annotation) rather than a wrapped line of it: the
    reference above is finished (:func:`_ends_reference`) and its last line stops
    well short of the widest line, so it was not wrapped; and the indented line
    opens a sentence of prose, not a reference."""
    last = current[-1]
    return (
        _ends_reference(joined)
        and last.indent + len(last.text) < 0.7 * widest
        and unit.text[:1].isupper() and len(unit.text.split()) >= 6
        and _kind(unit.text) == "other"
    )


def _is_special(text: str) -> bool:
    return bool(_HEADING.match(text) or _FURNITURE.match(text))


def _join_lines(units: list[_Unit]) -> str:
    text = units[0].text
    for unit in units[1:]:
        sep = "" if text.endswith("-") and text[-2:-1].isalpha() else " "
        text = f"{text}{sep}{unit.text}"
    return join_broken_links(re.sub(r"\s{2,}", " ", text).strip())


def split_blocks(
    text: str, *, source: str | None = None
) -> tuple[list[Block], list[DiscardedText]]:
    """Split a damaged document into reference blocks and discarded text."""
    discarded: list[DiscardedText] = []
    text, structured = extract_element_citations(text.replace("\ue003", ""))
    paragraphs = _paragraphs(list(_units(text, source, discarded)))
    texts = [_join_lines(p) for p in paragraphs]
    headings = [i for i, t in enumerate(texts) if _HEADING.match(t)]
    start = _list_start(texts, headings)
    kinds = [_kind(t) for t in texts]
    attached = _attach_annotations(paragraphs, texts, kinds, start)
    refs = [i for i in range(start, len(texts)) if kinds[i] == "ref"]
    last = refs[-1] if refs else -1
    furniture = next((i for i in range(start, len(texts)) if kinds[i] == "furniture"), len(texts))
    blocks: list[Block] = []
    for i, (kind, paragraph) in enumerate(zip(kinds, paragraphs, strict=True)):
        if kind == "merged":
            continue
        if i >= start and kind == "ref" and i < furniture:
            span = SourceSpan(source, paragraph[0].line, paragraph[-1].line)
            parts = SECOND_REFERENCE.split(texts[i])  # "… 1987. ——. The Face of Battle …"
            for part in parts[:-1]:
                blocks.append(_block(part, span, structured))
            block = _block(parts[-1], span, structured)
            if i in attached:
                block = Block(block.text, span, block.parsed, attached[i])
            blocks.append(block)
            continue
        if i < start:
            reason = HEADING if i in headings else BEFORE_LIST
        elif kind == "heading":
            reason = HEADING
        elif kind in ("ref", "furniture") or i > last:
            reason = FURNITURE
        elif not refs or i < refs[0]:
            reason = BEFORE_LIST if not headings else NOT_A_REFERENCE
        else:
            reason = NOT_A_REFERENCE
        # reported line by line, so each piece keeps its own line number
        discarded.extend(DiscardedText(u.text, reason, SourceSpan(source, u.line))
                         for u in paragraph)
    return blocks, sorted(discarded, key=lambda d: d.span.line if d.span else 0)


def _block(text: str, span: SourceSpan, structured: list[JatsCitation]) -> Block:
    """A block; one holding a structured citation's placeholder carries its fields."""
    m = PLACEHOLDER.search(text)
    if not m:
        return Block(text, span)
    citation = structured[int(m.group(1))]
    rest = PLACEHOLDER.sub("", text).strip()
    annotation = " ".join(a for a in (citation.reference.annotation, rest) if a) or None
    full = " ".join(t for t in (citation.text, rest) if t)
    return Block(full, span, citation.reference.with_fields(annotation=annotation))


def _attach_annotations(
    paragraphs: list[list[_Unit]], texts: list[str], kinds: list[str], start: int
) -> dict[int, str]:
    """A paragraph of prose right after a reference, inside the list, is its annotation.

    It qualifies when it is indented deeper than the reference, or when it is a
    sentence of six or more words and another reference follows it (or, after the
    last reference, when each of three or more references before had one). Changes the
    lists in place (merged paragraphs get the kind "merged") and returns the
    annotation text of each reference that got one, by paragraph index: the
    paragraph boundary says where the annotation starts, so the parser never has
    to guess it. A structured citation's block takes the text itself, as before.
    """
    attached: dict[int, str] = {}
    refs = [i for i in range(start, len(kinds)) if kinds[i] == "ref"]
    last = refs[-1] if refs else -1
    for i in range(start + 1, len(kinds)):
        owner = _previous_kept(kinds, i)
        if kinds[i] != "other" or owner is None or owner < start or kinds[owner] != "ref":
            continue
        indented = paragraphs[i][0].indent > paragraphs[owner][0].indent + 1
        sentence = len(texts[i].split()) >= 6 and texts[i].rstrip()[-1:] in ".!?\"”’)"
        # after the last reference, prose is the annotation only where the list is an
        # annotated bibliography: every reference before it had one set under it
        every_one = len(refs) >= 3 and i == owner + 1 == last + 1 and all(
            r in attached or kinds[r + 1 : r + 2] == ["merged"] for r in refs[:-1])
        if indented or (sentence and (i < last or every_one)):
            if PLACEHOLDER.search(texts[owner]):
                texts[owner] = f"{texts[owner]} {texts[i]}"
            else:
                attached[owner] = f"{attached[owner]} {texts[i]}" if owner in attached \
                    else texts[i]
            paragraphs[owner] = paragraphs[owner] + paragraphs[i]
            kinds[i] = "merged"
    return attached


def _previous_kept(kinds: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and kinds[j] == "merged":
        j -= 1
    return j if j >= 0 else None


def _list_start(texts: list[str], headings: list[int]) -> int:
    """Index of the first block of the list.

    After the first list heading ("Further Reading", "Bibliography") that a
    reference follows; with none, after the last paragraph of article prose
    that comes before the first reference. Subheadings ("Websites", "Primary
    sources") divide a list and do not start one.
    """
    for h in headings:
        if not _STRONG_HEADING.match(texts[h]):
            continue
        following = [t for t in texts[h + 1 :] if not _HEADING.match(t)]
        if following and _kind(following[0]) == "ref":
            return h + 1
    first_ref = next((i for i, t in enumerate(texts) if _kind(t) == "ref"), len(texts))
    prose = [i for i in range(first_ref) if _is_prose(texts[i])]
    return prose[-1] + 1 if prose else 0


def _kind(text: str) -> str:
    if _FURNITURE.match(text):
        return "furniture"
    if _HEADING.match(text):
        return "heading"
    if _REPEAT.match(text) or PLACEHOLDER.search(text):
        return "ref"
    return "ref" if reference_score(text) >= 3 and not _is_prose(text) else "other"


def _is_prose(text: str) -> bool:
    """Article prose: a long first sentence with a verb in it, and no names or title first.

    A reference's first element is a name list or a title; titles are in
    title case or at least lack finite verbs like "was" or "created".
    """
    if len(text.split()) < 20 or _names_first(text) or re.search(r"https?://", text[:300]):
        return False
    first = re.split(r"(?<=[a-z0-9][.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
    return len(first.split()) >= 8 and bool(_VERB.search(first))


def split_lines(text: str, *, source: str | None = None) -> tuple[list[Block], list[DiscardedText]]:
    """One block per input line, in order, whatever the line holds."""
    discarded: list[DiscardedText] = []
    blocks: list[Block] = []
    lines = normalize_newlines(text).split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for lineno, raw in enumerate(lines, start=1):
        stripped = strip_markup(fix_line(raw))
        span = SourceSpan(source, lineno)
        if stripped.removed:
            discarded.append(DiscardedText(" ".join(stripped.removed), MARKUP, span))
        line = stripped.text.replace(BREAK, " ")
        marker = _MARKER.match(line)
        if marker and not _REPEAT.match(line):
            if any(c.isalnum() for c in marker.group(0)):
                discarded.append(DiscardedText(marker.group(0).strip(), LIST_MARKER, span))
            line = line[marker.end() :]
        blocks.append(Block(re.sub(r"\s{2,}", " ", line).strip(), span))
    return blocks, discarded
