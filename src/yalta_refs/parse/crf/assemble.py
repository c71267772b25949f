"""Labelled tokens -> :class:`~yalta_refs.model.Reference`.

Each run of tokens with one label becomes the text between the run's first
and last token; the value is then cleaned of the style's label words ("pp.",
"Vol.", "(Hrsg.)", "In:") and read with the rule parser's helpers (names,
dates, pages, editions, identifiers). A run labelled "annotation" starts the
annotation, which runs to the end of the text. Pure functions.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from ...model import Date, Diagnostic, Reference
from ...normalize import bare_doi
from ..fields import (
    ISBN_RE,
    MONTH_WORDS,
    parse_date,
    parse_doi,
    parse_edition,
    parse_extent,
    parse_isbn,
    parse_pages,
    parse_year,
)
from ..names import HAN, KANA, PARTICLES
from ..notes import first_published, notes_from_annotation
from .lexicon import BARE_ABBREVIATIONS as _BARE_ABBREVIATIONS
from .lexicon import (
    CONNECTIVE_WORDS,
    GIVEN_NAMES,
    ISSUE_WORDS,
    MORE_ROLE_WORDS,
    PAGE_WORDS,
    PLACE_WORDS,
    STATE_WORDS,
    VOLUME_WORDS,
)
from .lexicon import GENRE_WORDS as _GENRE_WORDS
from .lexicon import JOURNAL_WORDS as _JOURNAL_WORDS
from .lexicon import MONTHS as _MONTHS
from .namelist import BOTH_ROLES, ORG_LINKS, capitals_family, parse_names
from .namelist import ETAL_WORDS as _ETAL_WORDS
from .namelist import SUFFIX as _SUFFIX
from .tokens import Token

__all__ = ["assemble", "parse_names", "runs"]

_NAME_LABELS = {"author": "author", "editor": "editor", "translator": "translator"}
_TEXT_LABELS = {
    "title": "title", "container-title": "container_title",
    "collection-title": "collection_title", "publisher": "publisher",
    "location": "publisher_place", "genre": "genre",
}
_LEADING = re.compile(
    r"^(?:in:?|dans\s*:?|pp?\.|pages?|s\.|pgs?\.|p[áa]gs?\.|vol(?:ume)?s?\.?|bd\.|band|"
    r"t\.|tome|jg\.|"
    r"no\.|nos\.|nr\.|n°|№|no|issue|heft|h\.|num(?:ber)?\.?|retrieved\s+from|"
    r"с\.|стр\.|т\.|вып\.|"  # GOST: "С. 12–20", "Т. 3", "Вып. 2"
    r"v\.\s(?=\d)|n\.\s(?=\d)|"  # ABNT (Brazil): "v. 12, n. 3"
    r"(?:recuperado|retirado|obtenido)\s+de|disponible\s+(?:en|sur)|disponível\s+em|"
    r"verfügbar\s+unter|"
    r"available\s+(?:at|from|online)?:?|url:?|doi:?|isbn:?|\[?online\]?)\s*",
    re.I,
)
_TRIM = " .,;:/"
_QUOTES = "\"“”‘’«»„'"


#: quotation marks a title may open inside itself and close at its end
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("«", "»"), ("„", "“"))


def runs(tokens: Sequence[Token], labels: Sequence[str], text: str) -> list[tuple[str, str]]:
    """(label, text) of each run of equal labels, in order."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j + 1 < len(tokens) and labels[j + 1] == labels[i]:
            j += 1
        value = text[tokens[i].start : tokens[j].end]
        tail = tokens[j].after.strip()
        if tail[:1] and tail[0] in "?!" and labels[i] in ("title", "container-title"):
            value += tail[0]
        elif tail[:1] in (")", "]") and value.count("(" if tail[0] == ")" else "[") > value.count(
                tail[0]):
            value += tail[0]  # "SU(5)": the bracket the run opened is closed with it
        elif tail[:1] == "." and labels[i] in _NAME_LABELS and _is_initial(tokens[j]):
            value += "."  # "Smith, J. (2010)": the initial keeps its period
        elif tail[:1] == "." and labels[i] == "container-title":
            value += "."  # kept only after an abbreviation (_field)
        elif labels[i] == "location" and re.match(r"\.\s*:", tail):
            value += "."  # "М.: Наука", "СПб.: Питер": a place abbreviated (_field)
        if labels[i] in ("title", "container-title"):
            closing = next((c for o, c in _QUOTE_PAIRS if value.count(o) > value.count(c)),
                           None)
            if closing is not None and closing in tail.lstrip(".,?!")[:1]:
                value += closing  # "Reading “Ulysses”.": the quotation the title opened
        if labels[i] == "annotation":  # verbatim, with the quotation mark it opens with
            opening = len(tokens[i].before) - len(tokens[i].before.rstrip("“‘«„\"'(["))
            value = text[tokens[i].start - opening :]
            out.append((labels[i], value))
            break
        out.append((labels[i], value))
        i = j + 1
    return out



#: a journal title written in abbreviations, the last one among them
_ABBREVIATED_JOURNAL = re.compile(r"\b[A-Z][a-z]{0,6}\. .*\b[A-Z][a-z]{0,6}$")


#: a place written as a short abbreviation, given with its period by :func:`runs`
_ABBREVIATED_PLACE = re.compile(r"(?:[^\W\d_]{1,3}\.\s?)*[^\W\d_]{1,3}\.")


def _strip(value: str) -> str:
    """``value`` without the punctuation, quotes and unpaired brackets around it
    ("(Hrsg.)", "[online]" lose theirs; "SU(5)" keeps its closing one)."""
    pairs = {"(": ")", "[": "]", ")": "(", "]": "["}
    original = value
    value = value.strip(_TRIM).strip(_QUOTES + _TRIM)
    for opening, closing in _QUOTE_PAIRS:  # "Reading “Ulysses”" keeps the mark it closes
        if value.count(opening) > value.count(closing) and not value.startswith(opening):
            end = original.find(value) + len(value)
            if closing in original[end : end + 3]:
                value += closing
    changed = True
    while changed and value:
        changed = False
        if value[0] in "([" and value.count(value[0]) > value.count(pairs[value[0]]):
            value, changed = value[1:].lstrip(_QUOTES + _TRIM), True
        if value[-1:] in (")", "]") and value.count(value[-1]) > value.count(pairs[value[-1]]):
            value, changed = value[:-1].rstrip(_QUOTES + _TRIM), True
        if value[:1] in "([" and value and value[-1:] == pairs[value[0]] and \
                value.count(value[0]) == 1 == value.count(value[-1]):
            value, changed = value[1:-1].strip(_QUOTES + _TRIM), True
    return value


def _clean_label_words(value: str) -> str:
    previous = None
    while previous != value:
        previous = value
        value = _LEADING.sub("", value.strip(_TRIM + "([")).strip()
    return value


_ACCESS_CUE = re.compile(
    r"^(?:(?:last\s+)?accessed|retrieved|viewed|cited|consulté(?:\s+le)?|abgerufen(?:\s+am)?|"
    r"zugegriffen(?:\s+am)?|zugriff(?:\s+am)?|visited|acess(?:o|ado)(?:\s+em)?|"
    r"consultado(?:\s+(?:el|en))?|recuperado(?:\s+el)?|"
    r"published|publicad[oa](?:\s+em)?|publiée?(?:\s+le)?)\b\s*(?:on\s+)?:?\s*", re.I)
_YEARS = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_SEASON = re.compile(r"\b(?:spring|summer|autumn|fall|winter|printemps|été|automne|hiver|"
                     r"frühjahr|frühling|sommer|herbst)\b", re.I)


def _dates(value: str) -> tuple[Date | None, Date | None, str]:
    """(date, original date, words left over) of a run labelled as a date.

    Two years with nothing else but punctuation between them ("1955, 1983",
    "1990 [1867]") are a reprint: the earlier the original date. Words a
    parsed year leaves over ("1997, pp") come back as the third value, so
    nothing is lost."""
    value = _ACCESS_CUE.sub("", value.strip(_TRIM + "()[]")).strip(_TRIM + "()[]")
    date = parse_date(value)
    if date is not None:
        season = _SEASON.search(value)  # the model's dates have no season: kept as a note
        return date, None, season.group(0) if season and len(date.parts[0]) < 2 else ""
    years = [int(y) for y in _YEARS.findall(value)]
    rest = _YEARS.sub(" ", value)
    if len(set(years)) == 2 and len(years) == 2 and not re.search(r"\w", rest):
        return Date.from_year(max(years)), Date.from_year(min(years)), ""
    year = parse_year(value)
    if year is None:
        return (Date(literal=value) if value else None), None, ""
    left = _strip(value.replace(str(year), " ", 1))
    return Date.from_year(year), None, left if re.search(r"\w", left) else ""


def _number(value: str) -> str:
    numbered = _CJK_NUMBERED.match(value.strip(_TRIM))
    if numbered:
        return numbered.group(1)  # "第104期": issue 104
    value = _clean_label_words(value)
    return value.strip(_TRIM + "()[]")


def _field(label: str, raw: str, values: dict[str, Any], notes: list[str],
           diagnostics: list[Diagnostic], *, doi_elsewhere: bool = False) -> None:
    def _put(values: dict[str, Any], key: str, value: Any) -> None:
        """Set ``key`` once; a second run of the same field is kept in the note, so no
        word of the reference is lost."""
        if value in (None, "", ()):
            return
        if key not in values:
            values[key] = value
        elif _strip(raw):
            notes.append(_strip(raw))

    if label in _NAME_LABELS:
        names, etal = parse_names(raw)
        if etal:
            diagnostics.append(Diagnostic("et-al", "the list of names was cut short (et al.)",
                                          label, "info"))
        if label in values and names:
            values[label] = (*values[label], *names)
        else:
            _put(values, label, names)
        if label in ("editor", "translator") and names and BOTH_ROLES.search(raw):
            other = "translator" if label == "editor" else "editor"
            values[other] = (*values.get(other, ()), *names)  # "Ed. and Trans."
    elif label in _TEXT_LABELS:
        value = _strip(raw)
        if label == "collection-title":  # "coll. « Folio histoire »"
            value = _strip(_SERIES_CUE.sub("", value))
        if label == "container-title":
            value = _strip(re.sub(r"^(?:in|dans)\b\s*:?\s*", "", value, flags=re.I))
            if raw.rstrip().endswith(".") and _ABBREVIATED_JOURNAL.search(value):
                value += "."  # "Bell Syst. Tech. J.": the last abbreviation keeps its period
        if label == "location" and _ABBREVIATED_PLACE.fullmatch(raw.strip()):
            value += "."  # "М.", "СПб.", "L.", "o. O."
        _put(values, _TEXT_LABELS[label], value)
    elif label == "number":  # set by a repair: a standard's number, "ISO 690:2010"
        _put(values, "number", _strip(raw))
    elif label == "original-date":  # set by a repair: MLA's "Title. 1925. Harcourt, 1990."
        date, _, left = _dates(raw)
        if date is not None and "original_date" not in values:
            values["original_date"] = date
            if left:
                notes.append(left)
        elif _strip(raw):
            notes.append(_strip(raw))
    elif label in ("date", "accessed"):
        date, original, left = _dates(raw)
        if label == "accessed" or "issued" not in values:
            _put(values, "issued" if label == "date" else "accessed", date)
            if original is not None:
                values.setdefault("original_date", original)
            if left:
                notes.append(left)
        elif _strip(raw):
            notes.append(_strip(raw))
    elif label == "pages":
        extent = parse_extent(_strip(raw))
        if extent and "number_of_pages" not in values:
            values["number_of_pages"] = extent  # "450 p.": the book's length, not a page
            return
        value = _number(raw)
        _put(values, "page", parse_pages(value) or value)
    elif label in ("volume", "issue"):
        count = _VOLUMES.fullmatch(raw.strip(" .,;:()"))
        dotted = _VOLUME_DOT_ISSUE.fullmatch(raw.strip(" ,;:"))
        if label == "volume" and count and "number_of_volumes" not in values:
            values["number_of_volumes"] = count.group(1)  # "3 vols.": how many, not which
        elif label == "volume" and dotted and "volume" not in values and \
                "issue" not in values:
            values["volume"], values["issue"] = dotted.groups()  # MHRA, MLA 7: "97.3 (1976)"
        else:
            _put(values, label, _number(raw))
    elif label == "edition":
        value = _strip(raw)
        m = re.match(r"(\d+)", value)
        _put(values, "edition", parse_edition(value) or (m.group(1) if m else value))
    elif label == "url":
        url, rest = _url_and_rest(raw)
        if re.search(r"\w", rest):
            notes.append(rest)  # words the tagger ran into the link are kept
        # a doi.org link is the DOI, unless the DOI is also given on its own; a
        # publisher's page with a DOI in its address ("link.aps.org/doi/10.1103/…")
        # is a link that also gives the DOI
        doi = parse_doi(url) if re.search(r"doi\b|^10\.", url, re.I) else None
        if doi and not doi_elsewhere:
            if bare_doi(url) != url or not _URL_START.match(url):  # a doi.org link
                _put(values, "DOI", doi)
                return
            values.setdefault("DOI", doi)
        _put(values, "URL", url)
    elif label in ("doi", "isbn"):  # not one after all (an arXiv id): kept as a note
        found = parse_doi(raw) if label == "doi" else parse_isbn(raw)
        if found:
            _put(values, label.upper(), found)
            if label == "isbn":  # "ISBN 978-1-59420-004-3. OCLC 53186059": the rest kept
                rest = _ISBN_CUE.sub(" ", ISBN_RE.sub(" ", raw, count=1))
                oclc = _OCLC.search(rest)
                if oclc:  # kept as the rules keep it, in "extra" (Zotero's field)
                    values["extra"] = {**values.get("extra", {}), "OCLC": oclc.group(1)}
                    rest = rest[: oclc.start()] + rest[oclc.end() :]
                if re.search(r"\w", rest):
                    notes.append(_strip(rest))
        elif label == "doi" and _URL_START.search(raw):
            _put(values, "URL", _url(raw))  # a link with no DOI in it
        else:
            notes.append(_strip(raw))
    elif label in ("note", "other"):
        value = _strip(raw)
        first = first_published(value)
        medium = _MEDIUM.fullmatch(raw.strip(" .,;:[]"))
        if first and "original_date" not in values:  # APA's "(Original work published 1975)"
            values["original_date"] = first
            if not _ONLY_FIRST_PUBLISHED.fullmatch(value):
                # "Originally published as Quatre-vingt-neuf in 1939": the title too, and
                # the words kept in the note
                values.update({k: v for k, v in notes_from_annotation(value).items()
                               if k == "original_title" and k not in values})
                notes.append(value)
        elif medium and "medium" not in values:  # Vancouver's "[Internet]"
            values["medium"] = medium.group(1)
        elif "edition" not in values and parse_edition(value):  # AMA's "4th ed."
            values["edition"] = parse_edition(value)
        elif _LABEL_WORD.fullmatch(value):
            pass  # "vol", "pp.", "No." left over from a number the tagger took without it
        elif (words := re.findall(r"\w+", value.lower())) and all(
                w in _CUE_ROLES or w in _LINKS for w in words):
            pass  # "édité par" before the names it gives their role: said by the role
        elif value and label == "other" and value.isdigit() and not values:
            # a list number before the reference ("7984. Holm-Nielsen …"): left out, said so
            diagnostics.append(Diagnostic("list-number",
                                          f"list number {value} before the reference left out",
                                          None, "info"))
        elif value:
            notes.append(value)


_URL_START = re.compile(r"(?:https?|ftp)\s?:\s?/\s?/|www\.", re.I)
#: a first publication said with no more than its year: "Original work published 1975"
_ONLY_FIRST_PUBLISHED = re.compile(
    r"(?:original\s+work|first|originally)\s+(?:published|issued|printed)(?:\s+in)?\s+"
    r"(?:1[5-9]|20)\d\d", re.I)
_ISBN_CUE = re.compile(r"\bISBN(?:-1[03])?\s*:?", re.I)
_OCLC = re.compile(r"\bOCLC:?\s*(\d{4,12})\b", re.I)
#: a medium, in square brackets after a title in NLM/Vancouver and ISO 690 ("[Internet]")
_MEDIUM = re.compile(
    r"((?:serial\s+on\s+the\s+)?internet|online|en\s+ligne|cd-rom|dvd|"
    r"electronic\s+(?:resource|version)|e-?book|database\s+on\s+the\s+internet|"
    r"web|print)", re.I)  # MLA 7's medium of publication: "Web.", "Print."
#: a label word left on its own ("Vol. 41" read as "Vol" and "41"): consumed, as the
#: rules consume it in "vol. 41" (eval.words.STRUCTURAL_WORDS), not kept as a note
_LABEL_WORD = re.compile(
    r"(?:vols?|volume|nos?|nr|num|pp?|pages?|art|doi|in|and|of|ed|eds|s|bd|heft|jg|h|t)", re.I)
_URL_PIECE = re.compile(r"^[\w./?=&%#~+:;@()!*$'-]+$")


def _url(raw: str) -> str:
    """The link in a run labelled as one, cue words left out; a link that PDF
    extraction broke at its slashes and dots is joined again ("http: //www. example.
    com/a" -> "http://www.example.com/a")."""
    return _url_and_rest(raw)[0]


def _url_and_rest(raw: str) -> tuple[str, str]:
    """The link (see :func:`_url`) and the words of the run that are not part of it
    nor a cue word before it ("http://x.org/a. Center" leaves "Center")."""
    m = _URL_START.search(raw)
    if not m:
        return _strip(raw), ""
    pieces = raw[m.end() :].split() or [""]
    url = re.sub(r"\s+", "", m.group(0)) + pieces[0]  # "https : //" -> "https://"
    used = 1
    for piece in pieces[1:]:
        if not _URL_PIECE.match(piece) or not re.search(r"[/.?=_\d]", piece) or not (
                url.endswith(("/", ".", ":", "-", "=", "_"))
                or piece.startswith(("/", ".", "?", "#", ":"))):
            break
        url += piece
        used += 1
    before = [w for w in re.findall(r"\w+", raw[: m.start()]) if w.lower() not in _LINK_CUES]
    rest = " ".join([*before, *pieces[used:]]).strip(" .,;:")
    return url.rstrip(".,;)>]"), rest


def _infer_type(values: dict[str, Any], labels: set[str]) -> str:
    genre = str(values.get("genre", "")).lower()
    if re.search(r"thes|diss|thèse|mémoire|habil|doctor", genre):
        return "thesis"
    if re.search(r"report|rapport|working paper|bericht|\btech\b|memo", genre):
        return "report"
    container = str(values.get("container_title", ""))
    if _STANDARD.match(str(values.get("number", ""))):
        return "standard"
    described = MEDIA_DESCRIPTIONS.get(genre.strip(" []()."))
    if described:  # APA 7's "[Computer software]", "[Data set]" …
        return described
    if "preprint" in genre or (_PREPRINT.search(container) and "volume" not in values) or (
            not container and "publisher" not in values
            and _PREPRINT.search(str(values.get("note", "")))):
        return "article"  # CSL's type for a preprint ("arXiv preprint arXiv:1706.03762")
    if container:
        if re.search(r"Conference|Symposium|Workshop|Congress|Tagung|Meeting", container) or (
                re.search(r"\bProc", container) and not (
                    "volume" in values and not values.keys() & {"publisher", "editor"})):
            # a journal called "Proceedings" with its volume, no publisher or editors
            # ("Proc Natl Acad Sci USA 86", "Proc. R. Soc. A 455") is a journal
            return "paper-conference"
        if re.search(r"Wikipedia|Encyclop|Enzyklop|Lexikon", container):
            return "entry-encyclopedia"  # "Wikipedia, The Free Encyclopedia"
        issued = values.get("issued")
        if _NEWSPAPER.search(container) and isinstance(issued, Date) and issued.parts and \
                len(issued.parts[0]) == 3 and "volume" not in values:
            return "article-newspaper"  # "The Guardian, 5 March 2021, p. 12"
        if "editor" in values or ("publisher" in values and "volume" not in values):
            return "chapter"
        if "URL" in values and not values.keys() & {"publisher", "volume", "page"}:
            return "webpage"
        return "article-journal"
    if "URL" in values and "publisher" not in values:
        return "webpage"
    return "book"


_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?$")
#: a count of volumes: "3 vols", "2 Bde", "4 tomes"
_VOLUMES = re.compile(r"(\d{1,3})\s*(?:vols?|volumes|bde|bände|tomes|t)\.?", re.I)
#: a newspaper's name: dated to the day and with no volume, its articles are news
_NEWSPAPER = re.compile(
    r"\b(?:Times|Guardian|Post|Herald|Tribune|Telegraph|Chronicle|Gazette|Observer|"
    r"Independent|Daily|News|Zeitung|Allgemeine|Monde|Figaro|Libération|Repubblica|"
    r"Corriere|País|Globe|Star|Standard|Courier|Sun|Mail|Express|Inquirer|Bulletin)\b")
#: a preprint server, or the word: "arXiv:1706.03762", "bioRxiv", "SSRN"
_PREPRINT = re.compile(r"\b(?:arxiv|biorxiv|medrxiv|ssrn|preprint)\b", re.I)


def repair(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """Fix what the labels cannot mean: with no date labelled, a year labelled as a
    volume or pages is the date ("1997, 54, 2592–2596"). A list number before the
    reference ("[83]", "93.") is set aside first, so the repairs see the reference
    start where it does."""
    if len(labels) > 1 and labels[0] == "other" and tokens[0].text.isdigit() and \
            labels[1] != "other":
        return [labels[0], *repair(tokens[1:], labels[1:])]
    out = list(labels)
    if "date" not in out:
        for i, token in enumerate(tokens):
            if out[i] not in ("volume", "pages", "issue") or not _YEAR.match(token.text):
                continue
            if i + 1 < len(tokens) and out[i + 1] == out[i] and token.after.strip() in (
                    "-", "–"):
                later = tokens[i + 1].text
                if len(later) == 2 and later.isdigit() and later > token.text[2:4]:
                    later = token.text[:2] + later  # "1922–23"
                if _YEAR.match(later) and 0 < int(later[:4]) - int(token.text[:4]) <= 60 and \
                        (i + 2 == len(tokens) or out[i + 2] != out[i]):
                    out[i : i + 2] = ["date", "date"]  # "Strahan & Cadell, 1776–1789."
                    break
                continue  # pages that look like years ("1997-2011")
            out[i] = "date"
            break
    _year_inside_the_imprint(tokens, out)
    _annotation_inside_the_publisher(tokens, out)
    _commas_only(tokens, out)
    _title_read_as_names(tokens, out)
    _annotation_after_the_reference(tokens, out)
    _annotation_starts_its_sentence(tokens, out)
    _annotation_opens_inside_the_reference(tokens, out)
    _publication_history_opens_the_annotation(tokens, out)
    _inverted_first_name(tokens, out)
    _family_after_initial(tokens, out)
    _names_then_title(tokens, out)
    _names_left_before_the_colon(tokens, out)
    _family_left_in_the_title(tokens, out)
    _title_after_trailing_initials(tokens, out)
    _numero_sign(tokens, out)
    _issue_number_left_out(tokens, out)
    _chinese_names_and_title(tokens, out)
    _japanese_brackets(tokens, out)
    _retrieved_on_a_date(tokens, out)
    _quotation_closes_the_title(tokens, out)
    _corporate_author_before_the_year(tokens, out)
    _reprint_year_after_the_title(tokens, out)
    _place_word_read_as_publisher(tokens, out)
    _region_read_as_publisher(tokens, out)
    _university_of_a_place(tokens, out)
    _year_inside_a_container(tokens, out)
    _imprint_in_brackets(tokens, out)
    _place_before_a_bracketed_publisher(tokens, out)
    _file_name_read_as_a_date(tokens, out)
    _volume_issue_ending_the_journal(tokens, out)
    _untitled_sentence_after_the_date(tokens, out)
    _newspaper_section(tokens, out)
    _journal_word_read_as_volume(tokens, out)
    _description_in_brackets(tokens, out)
    _media_description(tokens, out)
    _names_before_a_quoted_title(tokens, out)
    _edition_closing_the_names(tokens, out)
    _editors_opening_the_publisher(tokens, out)
    _standard_number(tokens, out)
    _editors_by_abbreviated_cue(tokens, out)
    _edition_read_as_editor(tokens, out)
    _journal_after_names(tokens, out)
    _journal_as_last_name(tokens, out)
    _names_read_as_journal(tokens, out)
    _month_day_before_year(tokens, out)
    _link_read_as_a_field(tokens, out)
    _link_cue(tokens, out)
    _link_start_left_out(tokens, out)
    _quoted_title_read_as_annotation(tokens, out)
    _book_after_the_authors(tokens, out)
    _journal_read_as_publisher(tokens, out)
    _bracketed_status_is_the_date(tokens, out)
    _bracketed_role_names(tokens, out)
    _names_then_role_in_brackets(tokens, out)
    _two_roles_before_the_names(tokens, out)
    _edition_qualifier(tokens, out)
    _cited_in_brackets(tokens, out)
    _year_ending_the_title(tokens, out)
    _place_without_a_mark_before_it(tokens, out)
    _names_run_past_their_role_word(tokens, out)
    _vancouver_boundary(tokens, out)
    _names_end_at_sentence(tokens, out)
    _direct_names_run_into_title(tokens, out)
    _given_name_read_as_date(tokens, out)
    _words_between_title_runs(tokens, out)
    _journal_begins_mid_sentence(tokens, out)
    _journal_opens_on_the_titles_last_word(tokens, out)
    _and_others(tokens, out)
    _report_number(tokens, out)
    _bibtex_proceedings(tokens, out)
    _genre_opening_the_imprint(tokens, out)
    _title_ends_mid_sentence(tokens, out)
    _date_closing_a_run(tokens, out)
    _number_before_bracketed_year(tokens, out)
    _range_volume_as_pages(tokens, out)
    _volume_and_pages_in_one_run(tokens, out)
    _split_title_and_journal(tokens, out)
    _bare_abbreviations_end_the_title(tokens, out)
    _abbreviations_to_journal(tokens, out)
    _short_title_is_journal(tokens, out)
    _editor_run_with_book(tokens, out)
    _book_read_as_place(tokens, out)
    _series_in_the_imprint(tokens, out)
    _publisher_then_place(tokens, out)
    _place_then_publisher(tokens, out)
    _imprint_at_its_colon(tokens, out)
    _publisher_cut_at_of(tokens, out)
    _publisher_name_goes_on(tokens, out)
    _genre_read_as_container(tokens, out)
    _role_cue_inside_run(tokens, out)
    _roles_meet_at_their_cue(tokens, out)
    _title_in_book(tokens, out)
    _subtitle_read_as_book(tokens, out)
    _subtitle_read_as_journal(tokens, out)
    _book_after_in_and_editors(tokens, out)
    _book_title(tokens, out)
    _first_page_after_the_journal(tokens, out)
    _publisher_ending_the_title(tokens, out)
    _title_ends_on_a_small_word(tokens, out)
    _printed_by(tokens, out)
    _body_read_as_container(tokens, out)
    _title_read_as_a_second_name(tokens, out)
    _title_before_a_bracketed_imprint(tokens, out)
    _page_range_before_a_bracketed_year(tokens, out)
    _lone_name_before_the_year(tokens, out)
    _forthcoming(tokens, out)
    _number_ending_the_journal(tokens, out)
    _journal_page_header(tokens, out)
    _date_without_a_number(tokens, out)
    _in_editors_inside_the_title(tokens, out)
    _in_inside_the_title(tokens, out)
    _initials_of_a_country_before_a_body(tokens, out)
    _cjk_title_goes_on_after_a_quotation(tokens, out)
    _day_range_read_as_pages(tokens, out)
    _page_numbers_after_their_word(tokens, out)
    _ordinal_inside_the_title(tokens, out)
    _imprint_read_as_container(tokens, out)
    _names_with_a_role_left_out(tokens, out)
    _body_left_out_of_the_imprint(tokens, out)
    _names_end_at_their_colon(tokens, out)
    _no_date_read_as_a_name(tokens, out)
    _last_name_and_role_read_as_the_title(tokens, out)
    _month_read_as_the_publisher(tokens, out)
    _imprint_sentence_ending_the_title(tokens, out)
    _newspaper_after_the_title(tokens, out)
    _page_range_read_as_dates(tokens, out)
    _years_ending_a_subtitle(tokens, out)
    _book_and_imprint_read_as_editors(tokens, out)
    _names_after_the_title(tokens, out)
    _names_before_a_lone_role_word(tokens, out)
    _volume_and_article_number_ending_the_journal(tokens, out)
    _lowercase_words_are_no_names(tokens, out)
    _title_run_on_after_the_initials(tokens, out)
    _cjk_title_and_journal_in_one_run(tokens, out)
    _meeting_inside_the_title(tokens, out)
    _cjk_names_before_a_quoted_title(tokens, out)
    _quoted_title_read_as_names(tokens, out)
    _imprint_opening_with_a_volume_or_a_place(tokens, out)
    _subtitle_read_as_the_place(tokens, out)
    _volume_and_issue_read_as_pages(tokens, out)
    _journal_cut_at_a_hyphen(tokens, out)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1] == out[i]:
            j += 1
        if out[i] in _NAME_LABELS:
            cue = _role_cue(tokens, i, j)
            if cue is not None:
                out[i : j + 1] = [cue] * (j + 1 - i)
                k = i  # "A, B und C (Hrsg.)" labelled author, author, editor: all editors
                # (not translators: "Author ; Translator (Übers.)" is how DIN lists them;
                # not the author of a chapter: "L.D. Faddeev, in: A. Connes (Eds.)")
                chapter = tokens[i].text.lower() in ("in", "dans") or (
                    i > 0 and tokens[i - 1].text.lower() in ("in", "dans"))
                while k > 0 and out[k - 1] == "author" and cue == "editor" and \
                        not chapter and _trailing_cue(tokens, j):
                    k -= 1
                out[k:i] = [cue] * (i - k)
        elif (cued := _cued_names(tokens, out, i, j)) is not None:
            start, end, role = cued  # "edited by Ann Lee" read as part of a title
            out[start : end + 1] = [role] * (end + 1 - start)
            j = end
        elif out[i] in ("location", "publisher") and _IMPRINT_PAIR[out[i]] not in out:
            colon = next((k for k in range(i, j) if ":" in tokens[k].after), None)
            if colon is not None:  # "Marrakech, Morocco: Beacon Press" as one run
                out[i : colon + 1] = ["location"] * (colon + 1 - i)
                out[colon + 1 : j + 1] = ["publisher"] * (j - colon)
        i = j + 1
    return out


_IMPRINT_PAIR = {"location": "publisher", "publisher": "location"}

#: "3 voll.", "2 vols.", "4 tomi": how many volumes, a segment of its own
_VOLUME_COUNT = frozenset({"voll", "vols", "vol", "volumes", "volumi", "tomi", "tomos",
                           "tomes", "bde", "bände", "volúmenes"})


def _comma_segments(tokens: Sequence[Token], last: int
                    ) -> tuple[list[tuple[int, int]], list[int]] | None:
    """tokens[0..last] cut at commas, with the tokens a sentence ends after (a title
    and its subtitle), or None when anything else separates fields (a colon,
    brackets)."""
    segments: list[tuple[int, int]] = []
    periods: list[int] = []
    start = 0
    for k in range(last):
        sep = tokens[k].after.strip().strip(_QUOTES)
        if sep == ".," and tokens[k].text.lower() in _VOLUME_COUNT:
            sep = ","  # "3 voll., Roma"
        if sep == ",":
            segments.append((start, k))
            start = k + 1
        elif sep == "." and len(tokens[k].text) == 1:
            continue  # an initial
        elif sep == ".":
            periods.append(k)
        elif sep not in ("", "-", "–", "'", "’"):
            return None
    segments.append((start, last))
    return segments, periods


def _capitalised(tokens: Sequence[Token], first: int, last: int, most: int) -> bool:
    """tokens[first..last] are 1..most capitalised words with no digits (particles
    allowed)."""
    span = tokens[first : last + 1]
    return 1 <= len(span) <= most and span[0].text[:1].isupper() and all(
        t.text.isalpha() and (t.text[:1].isupper() or t.text.lower() in PARTICLES)
        for t in span)


#: Small words that join the names of a list ("A. Smith, B. Lee, and J. Roe").
_NAMES_JOINED = frozenset({"and", "und", "et", "e", "y", "i", "och", "og", "en"})


def _commas_only(tokens: Sequence[Token], out: list[str]) -> None:
    """Italian, Spanish and older French lists part every field with a comma:
    "Croce, Benedetto, Storia d'Italia dal 1871 al 1915, Bari, Laterza, 1928."
    Read as author, given name, title, place, publisher, year (a "3 voll." before
    the place is the volume count) when the labels plainly went wrong: a name run
    holding digits or small words, no title at all, or an imprint run across commas
    holding the title's words ("del '500, Torino, Einaudi"). Further "Family, Given"
    pairs the labels read as names stay authors."""
    dates = _label_runs(out, "date")
    if not dates or len(tokens) < 6:
        return
    year_first, year_last = dates[-1]
    if not (_YEAR.match(tokens[year_last].text) and _YEAR.match(tokens[year_first].text)) or \
            year_last - year_first > 1:
        return
    # the year ends the reference; a sentence after it is the annotation, whatever its
    # labels ("…, Bompiani, 1980. Il romanzo che lo rese celebre.")
    after = tokens[year_last + 1 :]
    prose = bool(after) and tokens[year_last].after.strip() == "." and \
        after[0].text[:1].isupper() and \
        all(label in ("title", "note", "annotation") for label in out[year_last + 1 :]) and \
        sum(t.text.isalpha() and t.text.islower() for t in after) >= 2
    if year_last + 1 < len(tokens) and not prose:
        return
    cut = _comma_segments(tokens, year_first - 1) if year_first else None
    if cut is None or len(cut[0]) < 5:
        return
    segments, periods = cut
    titled = any(label in ("title", "container-title") for label in out[:year_first])
    names_gone_wrong = any(
        out[k] in _NAME_LABELS and (any(ch.isdigit() for ch in tokens[k].text) or (
            tokens[k].text.isalpha() and tokens[k].text[:1].islower()
            and tokens[k].text not in PARTICLES  # not "l’équipe GINÉ"
            and tokens[k].text not in _NAMES_JOINED  # not "A. Smith, and J. Roe"
            and tokens[k].text not in _CUE_ROLES))  # not "…, and F. R. Leroy, editors,"
        for k in range(year_first))
    imprint_gone_wrong = any(
        any(tokens[k].after.strip() == "," for k in range(first, last)) and any(
            t.text.isdigit() or (t.text.islower() and t.text not in ORG_LINKS)
            for t in tokens[first : last + 1])
        for label in ("location", "publisher") for first, last in _label_runs(out, label))
    if titled and not names_gone_wrong and not imprint_gone_wrong:
        return
    (f0, f1), (g0, g1) = segments[0], segments[1]
    if not (_capitalised(tokens, f0, f1, 3) and _capitalised(tokens, g0, g1, 3)):
        return
    if f1 > f0 and _is_initial(tokens[f0]):
        return  # "A. Brown, G. A. Williams, …": names initials first, not "Family, Given"
    authors = 2
    while authors + 3 < len(segments) and all(
            _capitalised(tokens, *segments[authors + n], 3) and
            out[segments[authors + n][0]] == "author" for n in (0, 1)):
        authors += 2
    (p0, p1), (l0, l1) = segments[-1], segments[-2]
    if not (_capitalised(tokens, l0, l1, 3) and tokens[p0].text[:1].isupper() and
            p1 - p0 < 5 and not any(t.text.isdigit() for t in tokens[p0 : p1 + 1]) and
            not any(t.text.lower() in _PRESS_WORDS for t in tokens[l0 : l1 + 1])):
        return
    title_end = len(segments) - 3
    count = segments[title_end]
    volumes = count[1] - count[0] == 1 and tokens[count[0]].text.isdigit() and \
        tokens[count[1]].text.lower() in _VOLUME_COUNT
    if volumes:
        title_end -= 1
    if title_end < authors or any(not segments[authors][0] <= k < segments[title_end][1]
                                  for k in periods):
        return  # a sentence may end only inside the title ("Il formaggio e i vermi. Il cosmo …")
    out[: segments[authors - 1][1] + 1] = ["author"] * (segments[authors - 1][1] + 1)
    t0, t1 = segments[authors][0], segments[title_end][1]
    out[t0 : t1 + 1] = ["title"] * (t1 + 1 - t0)
    if volumes:
        out[count[0] : count[1] + 1] = ["volume"] * 2
    out[l0 : l1 + 1] = ["location"] * (l1 + 1 - l0)
    out[p0 : p1 + 1] = ["publisher"] * (p1 + 1 - p0)
    out[year_last + 1 :] = ["annotation"] * (len(out) - year_last - 1)


def _title_read_as_names(tokens: Sequence[Token], out: list[str]) -> None:
    """"C. Lanza, Auctoritas principis, Milan, F. Angeli, 1996.", "Lexer, Matthias,
    Mittelhochdeutsches Handwörterbuch, 3 Bde., Stuttgart, 1974.": with commas
    between every field and no title labelled, the names ran on over the title
    (and the imprint). The names are the first segment when it is a name in direct
    order (an initial or a known given name in it), else the first two ("Family,
    Given"); the next segment is the title when it does not read as a name (a
    small word in it, four words or more, or a word of twelve letters, and no
    initial or "and"); one segment left is the place, two are the place and the
    publisher."""
    if out[:1] != ["author"] or "title" in out or "container-title" in out:
        return
    end = next((k for k, label in enumerate(out) if label != "author"), len(out)) - 1
    cut = _comma_segments(tokens, end)
    if cut is None or cut[1] or len(cut[0]) < 2:
        return
    segments = cut[0]
    (f0, f1) = segments[0]
    first = tokens[f0 : f1 + 1]
    direct = 2 <= len(first) <= 4 and _capitalised(tokens, f0, f1, 4) and (
        any(_is_initial(t) for t in first[:-1]) or first[0].text.lower() in GIVEN_NAMES)
    names = 1 if direct else 2
    if not direct and not (len(segments) > 2 and len(first) <= 2 and
                           _capitalised(tokens, f0, f1, 2) and
                           _capitalised(tokens, *segments[1], 3)):
        return
    rest = segments[names:]
    if not 1 <= len(rest) <= 3:
        return
    t0, t1 = rest[0]
    title = tokens[t0 : t1 + 1]
    if any(t.text.lower() in CONNECTIVE_WORDS or _is_initial(t) for t in title) or not (
            any(t.text.isalpha() and t.text.islower() and t.text not in PARTICLES
                for t in title) or len(title) >= 4 or any(len(t.text) >= 12 for t in title)):
        return  # "A. Zhou and J. H. Klein": more names
    imprint = rest[1:]
    if imprint and not all(_capitalised(tokens, a, b, 3) or (
            b - a < 3 and tokens[a].text[:1].isupper()) for a, b in imprint):
        return
    out[t0 : t1 + 1] = ["title"] * (t1 + 1 - t0)
    if len(imprint) == 1:
        a, b = imprint[0]
        out[a : b + 1] = ["location"] * (b + 1 - a)
    elif len(imprint) == 2:
        (a, b), (c, d) = imprint
        out[a : b + 1] = ["location"] * (b + 1 - a)
        out[c : d + 1] = ["publisher"] * (d + 1 - c)


def _range_volume_as_pages(tokens: Sequence[Token], out: list[str]) -> None:
    """In a part of a container with no pages labelled, a "volume" that is a rising
    range ("10-20") after the container is its pages ("In Book, edited by X, 10-20")."""
    if "pages" in out or "container-title" not in out:
        return
    spans = [k for k, label in enumerate(out) if label == "volume"]
    if len(spans) != 2 or spans[1] != spans[0] + 1:
        return
    first, last = tokens[spans[0]], tokens[spans[1]]
    if (first.text.isdigit() and last.text.isdigit() and first.after.strip() in ("-", "–")
            and int(last.text) > int(first.text)
            and spans[0] > max(k for k, label in enumerate(out) if label == "container-title")):
        out[spans[0]] = out[spans[1]] = "pages"


_E_PAGE = re.compile(r"^e\d+$")


def _volume_and_pages_in_one_run(tokens: Sequence[Token], out: list[str]) -> None:
    """Two numbers read as one run, "2, 55" or "76 :34" as the volume with no pages
    labelled or "114, 687-697" as the pages with no volume labelled: the first is the volume,
    the rest the pages. A number after the bracketed year of a volume, left as a
    note or as a second volume, with no pages labelled, is the page: "Prog. Part.
    Nucl. Phys. 40 (1998) 391"."""
    for label, other in (("volume", "pages"), ("pages", "volume")):
        runs_ = _label_runs(out, label)
        if other in out or len(runs_) != 1:
            continue
        first, last = runs_[0]
        ranged = label == "volume" or (last - first == 2 and tokens[first + 1].after.strip()
                                       in ("-", "–"))  # "114, 687-697", not "427, 426"
        if last > first and ranged and tokens[first].text.isdigit() and \
                tokens[first].after.strip() in (",", ":") and all(
                    t.text.isdigit() or (len(t.text) == 1 and t.text.isupper() and not t.after)
                    for t in tokens[first + 1 : last + 1]):  # "641, A6": an article number
            out[first] = "volume"
            out[first + 1 : last + 1] = ["pages"] * (last - first)
            return
    if "pages" in out or "volume" not in out:
        return
    for k in range(1, len(tokens)):
        if out[k] in ("note", "other") and _E_PAGE.match(tokens[k].text) and \
                out[k - 1] in ("volume", "issue") and tokens[k].before.strip() in (":", ","):
            out[k] = "pages"  # "Lancet. 2020;395:e45": an electronic page
            return
    for k in range(1, len(tokens)):
        if out[k] in ("note", "other", "volume") and tokens[k].text.isdigit() and \
                ")" in tokens[k].before and out[k - 1] == "date" and \
                "volume" in out[:k - 1] and (k + 1 == len(tokens) or out[k + 1] != out[k]
                                             or tokens[k].after.strip()[:1] in (";", ",")):
            out[k] = "pages"
            return


def _first_page_after_the_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """A law review cited as lawyers do, "(1970) 45 Tulane Law Rev. 863": the volume
    before the journal, and the number after it, read as a second volume, is the
    first page."""
    if "pages" in out:
        return
    vols = _label_runs(out, "volume")
    if len(vols) != 2:
        return
    (_, b), (c, d) = vols
    if c == d and tokens[c].text.isdigit() and c > 0 and out[c - 1] == "container-title" \
            and b + 1 < len(out) and out[b + 1] == "container-title" \
            and all(label in ("note", "other") for label in out[d + 1 :]):
        out[c] = "pages"


#: the words a publisher's name opens with ("Librairie illustrée", "Éditions du
#: Seuil") or ends with ("Dost Yayınları", "Remzi Kitabevi")
_PUBLISHER_HEAD = frozenset({"librairie", "éditions", "editions", "edizioni", "ediciones",
                             "editorial", "editora", "verlag", "uitgeverij", "wydawnictwo",
                             "nakladatelství", "förlag", "forlag"})
_PUBLISHER_TAIL = frozenset({"yayınları", "yayınevi", "yayıncılık", "kitabevi", "verlag",
                             "uitgeverij", "förlag", "forlag", "kiadó"})


def _publisher_ending_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """The last comma piece of a title, before the place, that is a publisher's name
    ("Au pays des souvenirs, Librairie illustrée, Paris, 1892"), with no publisher
    labelled: the publisher."""
    if "publisher" in out:
        return
    for a, b in _label_runs(out, "title"):
        if b + 1 < len(out) and (out[b + 1] not in ("location", "date") or
                                 "," not in tokens[b].after):
            continue
        commas = [k for k in range(a, b) if tokens[k].after.strip().lstrip(")]") == ","]
        if not commas:
            return
        first, last = tokens[commas[-1] + 1].text.lower(), tokens[b].text.lower()
        named = (first in _PUBLISHER_HEAD or last in _PUBLISHER_TAIL) and b - commas[-1] <= 4
        if not (named or _body_name(tokens[commas[-1] + 1 : b + 1])):
            return
        out[commas[-1] + 1 : b + 1] = ["publisher"] * (b - commas[-1])
        if "location" not in out and len(commas) > 1 and commas[-1] - commas[-2] <= 2 and \
                all(t.text.lower() in PLACE_WORDS
                    for t in tokens[commas[-2] + 1 : commas[-1] + 1]):
            out[commas[-2] + 1 : commas[-1] + 1] = ["location"] * (commas[-1] - commas[-2])
        return


#: the words that make a run of capitalised words a body's name: "European Center
#: for Minority Issues", "FAO and Bioversity International"
_BODY_WORDS = frozenset({
    "center", "centre", "institute", "institut", "association", "commission", "council",
    "committee", "ministry", "department", "agency", "foundation", "bureau", "office",
    "organization", "organisation", "university", "society", "academy", "international",
    "federation", "authority", "secretariat", "laboratory", "survey", "board", "branch",
    "division"})


def _body_name(tokens: Sequence[Token]) -> bool:
    """Whether the tokens are an organisation's name: capitalised words (and the
    small words between them), one of them a body's word, a capital first."""
    words = [t.text for t in tokens]
    return bool(words) and words[0][:1].isupper() and len(words) <= 8 and \
        any(w.lower() in _BODY_WORDS for w in words) and \
        all(w[:1].isupper() or w.lower() in ORG_LINKS for w in words)


def _title_ends_on_a_small_word(tokens: Sequence[Token], out: list[str]) -> None:
    """A title does not end on "a", "the" or "of" with nothing after it: "Toward a |
    Philosophical Foundation for …, MENC Handbook": the title goes on to the first
    comma or sentence end of the container's run."""
    for _, b in _label_runs(out, "title"):
        if b + 1 >= len(out) or out[b + 1] != "container-title" or \
                tokens[b].text.lower() not in _SMALL_END or tokens[b].after.strip():
            continue
        _, d = next(r for r in _label_runs(out, "container-title") if r[0] == b + 1)
        end = next((k for k in range(b + 1, d)
                    if tokens[k].after.strip()[:1] in tuple(",.:;")), None)
        if end is not None:
            out[b + 1 : end + 1] = ["title"] * (end - b)
        return


_SMALL_END = frozenset({"a", "an", "the", "of", "for", "to", "and", "with", "on", "der",
                        "die", "das", "des", "le", "la", "les", "du", "un", "une", "el"})


def _printed_by(tokens: Sequence[Token], out: list[str]) -> None:
    """An old book's imprint, "Newcastle: Printed by T. Saint", read as a note after the
    place: the printer is the publisher."""
    if "publisher" in out:
        return
    for a, b in [*_label_runs(out, "note"), *_label_runs(out, "other")]:
        if a > 0 and out[a - 1] == "location" and b > a + 1 and \
                tokens[a].text.lower() in ("printed", "published") and \
                tokens[a + 1].text.lower() in ("by", "for"):
            out[a : b + 1] = ["publisher"] * (b + 1 - a)
            return


def _lone_container(out: Sequence[str], *absent: str) -> tuple[int, int] | None:
    """The one container-title run of a labelling with none of the labels ``absent``
    (None if there are two, or none, or one of those labels)."""
    if any(label in out for label in absent):
        return None
    runs_ = _label_runs(out, "container-title")
    return runs_[0] if len(runs_) == 1 else None


def _body_read_as_container(tokens: Sequence[Token], out: list[str]) -> None:
    """A body's name before the place, in a reference with no journal numbers and no
    publisher ("… Thematic Study. FAO and Bioversity International, Rome"): the
    publisher, not a container."""
    run = _lone_container(out, "publisher", "volume", "issue", "pages")
    if run is None:
        return
    a, b = run
    if b + 1 < len(out) and out[b + 1] == "location" and "," in tokens[b].after and \
            _body_name(tokens[a : b + 1]) and \
            (a == 0 or tokens[a - 1].text.lower() not in ("in", "dans", "im")):
        out[a : b + 1] = ["publisher"] * (b + 1 - a)


#: the words a title may open with that no name does: "Beyond Left and Right"
_TITLE_OPENERS = frozenset({"the", "a", "an", "beyond", "toward", "towards", "between",
                            "against", "on", "from", "after", "before", "why", "how", "what"})


def _title_read_as_a_second_name(tokens: Sequence[Token], out: list[str]) -> None:
    """One name in direct order, a comma, then a title read as a second name, as
    Chicago's notes write a book ("Anthony Giddens, Beyond Left and Right: The
    Future …", "Philip Grierson, La maison d’Évrard …"): a piece after the name with
    a word no name has (a small word in lower case, or "Beyond", "The" first) opens
    the title."""
    runs_ = _label_runs(out, "author")
    if not runs_ or runs_[0][0] != 0:
        return
    first, last = runs_[0]
    commas = [k for k in range(first, last) if tokens[k].after.strip() == ","]
    if len(commas) != 1 or not 2 <= commas[0] - first + 1 <= 3:
        return  # no comma, or more names may follow: not this case
    comma = commas[0]
    piece = [t.text for t in tokens[comma + 1 : last + 1]]
    lowered = [w for w in piece if w.islower() and w not in PARTICLES and
               w not in CONNECTIVE_WORDS and w not in _ETAL_WORDS]
    opener = piece[0].lower() in _TITLE_OPENERS and not (
        len(piece[0]) == 1 and tokens[comma + 1].after.startswith("."))  # "A." an initial
    if (lowered or opener) and len(_direct_pieces(tokens, first, comma)) == 1:
        out[comma + 1 : last + 1] = ["title"] * (last - comma)


def _title_before_a_bracketed_imprint(tokens: Sequence[Token], out: list[str]) -> None:
    """A book's title cut at a comma, its end read as a container, right before the
    imprint in brackets that Chicago's notes give ("Unsettling Opera: Staging Mozart,
    Verdi, | Wagner, and Zemlinsky (University of Chicago Press, 2007)"): one title."""
    run = _lone_container(out, "volume", "issue", "editor")
    if run is None:
        return
    a, b = run
    if a > 0 and out[a - 1] == "title" and tokens[a - 1].after.strip() == "," and \
            b + 1 < len(out) and out[b + 1] in ("publisher", "location") and \
            "(" in tokens[b].after and tokens[a - 1].text.lower() not in ("in", "dans") and \
            tokens[a].text.lower() not in ("in", "dans"):
        out[a : b + 1] = ["title"] * (b + 1 - a)


def _page_range_before_a_bracketed_year(tokens: Sequence[Token], out: list[str]) -> None:
    """Pages that look like years, after the volume and before the year in brackets
    ("Spine 19, 2026–2032 (1994)"), read as the date: they are the pages."""
    if "volume" not in out:
        return
    starts = [k for first, last in _label_runs(out, "date") for k in range(first - 1, last + 1)]
    for k in starts:  # a pair of tokens with a date in it
        if not 0 < k < len(tokens) - 2:
            continue
        a, b = tokens[k], tokens[k + 1]
        if not ({out[k], out[k + 1]} <= {"date", "pages"} and "date" in (out[k], out[k + 1])
                and a.text.isdigit() and b.text.isdigit() and a.after.strip() in ("-", "–")
                and int(b.text) > int(a.text) and out[k - 1] in ("volume", "issue")):
            continue
        year = next((m for m in range(k + 2, len(tokens)) if _YEAR.match(tokens[m].text)
                     and "(" in tokens[m].before), None)
        if year is not None and out[year] in ("date", "note", "other"):
            out[k : k + 2] = ["pages", "pages"]
            out[year] = "date"
        return


def _lone_name_before_the_year(tokens: Sequence[Token], out: list[str]) -> None:
    """A reference that opens with a name of one to three words and the year, no mark
    between ("Plato 1999. The Symposium.", "Group μ 1981. A General Rhetoric."), and
    has no author: the name is the author's."""
    if "author" in out or "editor" in out:
        return
    k = next((k for k in range(1, min(4, len(tokens))) if _YEAR.match(tokens[k].text)), None)
    if k is None or out[k] not in ("date", out[0]) or not tokens[0].text[:1].isupper() or \
            any(t.after.strip() for t in tokens[:k]) or "title" not in out[k + 1 :]:
        return
    out[:k] = ["author"] * k
    out[k] = "date"


def _forthcoming(tokens: Sequence[Token], out: list[str]) -> None:
    """A reference with no date whose imprint or note ends on a status
    ("forthcoming", "in press"): the status is the date (CSL gives it as a literal)."""
    if "date" in out:
        return
    for size in (1, 2):
        k = len(tokens) - size
        if k > 0 and out[k] in ("publisher", "location", "note", "other") and \
                " ".join(t.text.lower() for t in tokens[k:]) in _STATUS and \
                tokens[k - 1].after.strip()[:1] in (",", ".", "(", ";"):
            out[k:] = ["date"] * size
            return


_MEETING = frozenset({"proceedings", "proc", "conference", "conf", "symposium", "workshop",
                      "congress", "meeting"})


def _number_ending_the_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """A journal's run that ends the reference with a bare number and no volume
    labelled ("Wildlife Monographs 80."): the number is the volume."""
    run = _lone_container(out, "volume", "issue", "pages")
    if run is None:
        return
    a, b = run
    last = tokens[b]
    if b > a and b == len(tokens) - 1 and last.text.isdigit() and len(last.text) <= 4 and \
            not _YEAR.match(last.text) and not last.before.strip() and \
            not any(t.text.lower() in _MEETING for t in tokens[a:b]) and \
            a > 0 and out[a - 1] == "title":
        out[b] = "volume"


def _journal_page_header(tokens: Sequence[Token], out: list[str]) -> None:
    """A journal's running head copied as a reference ("APPLIED AND ENVIRONMENTAL
    MICROBIOLOGY, July 2005, p. 3433–3441 Vol. 71, No. 7"): the words in capitals
    before the date, read as names or a publisher, are the journal."""
    if "title" in out or "container-title" in out or not (
            "volume" in out or "pages" in out):
        return
    k = 0
    while k < len(tokens) and tokens[k].text.isalpha() and tokens[k].text.isupper() and \
            len(tokens[k].text) > 1 and not tokens[k].after.strip():
        k += 1
    if 2 <= k + 1 < len(tokens) and tokens[k].text.isalpha() and tokens[k].text.isupper() \
            and tokens[k].after.strip() == "," and out[k + 1] == "date" and \
            all(label in ("author", "publisher", "other", "note") for label in out[: k + 1]):
        out[: k + 1] = ["container-title"] * (k + 1)


def _date_without_a_number(tokens: Sequence[Token], out: list[str]) -> None:
    """A date run with no number, no month or season and no status ("forthcoming",
    "n.d."), is no date: the title's first words ("BARRUCAND, Michel, Histoire de | la
    Litterature …") go to the title after them, a role word ("(eds)") to the names'
    role, anything else to a note."""
    for first, last in _label_runs(out, "date"):
        words = [t.text.lower() for t in tokens[first : last + 1]]
        if any(ch.isdigit() for w in words for ch in w) or " ".join(words) in _STATUS or \
                any(w in _MONTHS for w in words) or _SEASON.search(" ".join(words)):
            continue
        after = out[last + 1] if last + 1 < len(out) else None
        if after in ("title", "container-title") and not tokens[last].after.strip():
            label = after
        elif all(w in _CUE_ROLES for w in words):
            label = "other"  # read as the role of the names next to it
        else:
            label = "note"
        out[first : last + 1] = [label] * (last + 1 - first)


#: "In:" in the languages that write it so (Polish "w:", Portuguese "Em:", French "Dans :")
_IN_CUES = frozenset({"In", "in", "W", "w", "Em", "em", "Dans", "dans"})


def _in_inside_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"The Responsibility to Protect. In: International Commission on …. Ottawa": an
    "In:" opening a sentence or a comma piece inside the only title run ("…, w:
    Ajdukiewicz Kazimierz, Język i poznanie"), with no container labelled, starts the
    container, which runs to that sentence's end; with a container run straight after
    the title ("… aseptische Schule. In: Schüler 95. | Gewaltlösungen."), the container
    starts there."""
    only = _only_title(out)
    if only is None:
        return
    a, b = only
    journals = _label_runs(out, "container-title")
    if journals and (len(journals) > 1 or journals[0][0] != b + 1):
        return
    for k in range(a + 1, b):
        if tokens[k].text in _IN_CUES and tokens[k - 1].after.strip() in (".", ",") and \
                tokens[k].after.strip() == ":" and tokens[k + 1].text[:1].isupper():
            end = b if journals else next(
                (j for j in range(k + 1, b) if tokens[j].after.strip()[:1] == "."), b)
            out[k : end + 1] = ["container-title"] * (end + 1 - k)
            return


def _initials_of_a_country_before_a_body(tokens: Sequence[Token], out: list[str]) -> None:
    """"U.S. Board of Governors of the Federal Reserve System. Fifty-Third Annual
    Report.": a country's initials read as the author and the body's name as the start
    of the title; the author is the whole first sentence."""
    if len(tokens) < 4 or out[0] != "author" or tokens[0].text not in ("U", "UK", "US"):
        return
    k = 0
    while k < len(tokens) and out[k] == "author" and len(tokens[k].text) <= 2 and \
            tokens[k].text.isupper():
        k += 1
    if k == 0 or k >= len(tokens) or out[k] != "title":
        return
    end = next((j for j in range(k, len(tokens)) if tokens[j].after.strip() == "."), None)
    if end is not None and end + 1 < len(tokens) and out[end + 1] == "title" and \
            _body_name(tokens[k : end + 1]):
        out[k : end + 1] = ["author"] * (end + 1 - k)


def _cjk_title_goes_on_after_a_quotation(tokens: Sequence[Token], out: list[str]) -> None:
    """A Chinese or Japanese title holding a quotation ("关于用“认知”取代“认识”的问题"): the
    closing mark, with the title's characters straight after it, ends no title."""
    for _, b in _label_runs(out, "title"):
        if b + 1 >= len(tokens) or not _CJK.match(tokens[b].text) or \
                tokens[b].after not in ("”", "」", "』", "’") or \
                out[b + 1] not in ("note", "other") or not _CJK.match(tokens[b + 1].text):
            continue
        k = b + 1
        while k < len(tokens) and out[k] == out[b + 1] and _CJK.match(tokens[k].text):
            k += 1
        out[b + 1 : k] = ["title"] * (k - b - 1)
        return


_REGION_WORDS = STATE_WORDS | PLACE_WORDS
#: the last word of a publisher's name written after the title's last sentence
_PRESS_TAIL = frozenset({"press", "publishers", "publishing", "publications", "books",
                         "bookstore", "bookshop", "inc", "ltd", "verlag", "buchhandlung"})


def _place_before_a_bracketed_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """"Seelze (Friedrich-Verlag) 1995": a publisher run of a word or two and then, in
    brackets, a press's name is the place and the publisher."""
    for a, b in _label_runs(out, "publisher"):
        k = next((m for m in range(a + 1, min(b, a + 2) + 1) if "(" in tokens[m].before),
                 None)
        if k is None or ")" not in tokens[b].after or \
                any("(" in t.before or ")" in t.after for t in tokens[k + 1 : b]) or \
                not all(t.text[:1].isupper() for t in tokens[a:k]) or \
                not any(t.text.lower() in _PRESS_TAIL or t.text.lower() in _PUBLISHER_HEAD
                        for t in tokens[k : b + 1]):
            continue
        out[a:k] = ["location"] * (k - a)
        return


_FILE_TYPES = frozenset({"pdf", "htm", "html", "doc", "docx", "txt", "xml", "ps"})


def _file_name_read_as_a_date(tokens: Sequence[Token], out: list[str]) -> None:
    """"(1762.pdf). 2007.": a number that is a file's name is no date."""
    for k in range(len(tokens) - 1):
        if out[k] == "date" and tokens[k].after == "." and \
                tokens[k + 1].text.lower() in _FILE_TYPES and \
                any(lab == "date" for lab in out[k + 2 :]):
            out[k : k + 2] = ["note", "note"]


def _month_read_as_the_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """A publisher run that is only a month (and its day), with a year labelled as the
    date: the month is the date's."""
    runs = _label_runs(out, "publisher")
    if len(runs) != 1 or "date" not in out:
        return
    a, b = runs[0]
    if tokens[a].text.lower() in _ANY_MONTH and all(_day(t) for t in tokens[a + 1 : b + 1]) \
            and b - a <= 1 and (a == 0 or tokens[a - 1].after.strip()[:1] in (".", ",")):
        out[a : b + 1] = ["date"] * (b - a + 1)


def _imprint_sentence_ending_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"Abnormal Psychology. Rex Bookstore, 2008.", "A Grammar of contemporary Persian.
    Mazda, Costa Mesa, California.": with no publisher or place labelled, the title's
    last sentence is the imprint when it names a press or a body ("… for Year 2015.
    The Egyptian Center for Economic and Social Rights (unpublished)"), or is a name
    followed by a known place and region, or names two bodies ("… Waste Branch,
    Office of Solid Waste Management. September.", its month read as the date by
    :func:`_month_read_as_the_publisher` first)."""
    if "publisher" in out or "location" in out:
        return
    for a, b in _label_runs(out, "title"):
        if b + 1 < len(out) and out[b + 1] not in ("date", "annotation", "pages", "note"):
            continue
        k = next((m for m in range(b - 1, a, -1) if tokens[m].after.strip()[:1] == "."), None)
        if k is None or b - k > 12 or not all(t.text[:1].isupper() or t.text.lower() in
                                              ORG_LINKS for t in tokens[k + 1 : b + 1]):
            return
        commas = [m for m in range(k + 1, b) if tokens[m].after.strip() == ","]
        if b - k > 8 and not commas:
            return
        if not commas and (tokens[b].text.lower() in _PRESS_TAIL or
                           tokens[k + 1].text.lower() in _PUBLISHER_HEAD or
                           (b - k >= 3 and _body_name(tokens[k + 1 : b + 1]))):
            out[k + 1 : b + 1] = ["publisher"] * (b - k)
        elif commas and _body_name(tokens[k + 1 : commas[0] + 1]) and \
                _body_name(tokens[commas[-1] + 1 : b + 1]):
            out[k + 1 : b + 1] = ["publisher"] * (b - k)  # "… Branch, Office of …"
        elif commas and commas[0] - k <= 3 and tokens[b].text.lower() in _REGION_WORDS:
            out[k + 1 : commas[0] + 1] = ["publisher"] * (commas[0] - k)
            out[commas[0] + 1 : b + 1] = ["location"] * (b - commas[0])
        return


def _newspaper_after_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"What is "metadata" and should you worry if yours is stored by law? The Sydney
    Morning Herald. Retrieved from …": with no container labelled, a newspaper's name
    as the only title's last sentence is the container."""
    only = _only_title(out, container=False)
    if only is None:
        return
    a, b = only
    k = next((m for m in range(b - 1, a, -1)
              if tokens[m].after.strip()[:1] in (".", "?", "!")), None)
    if k is None or b - k > 6:
        return
    tail = tokens[k + 1 : b + 1]
    if all(t.text[:1].isupper() for t in tail) and \
            _NEWSPAPER.search(" ".join(t.text for t in tail)):
        out[k + 1 : b + 1] = ["container-title"] * (b - k)


def _page_range_read_as_dates(tokens: Sequence[Token], out: list[str]) -> None:
    """"Crit Care med 22:1907-1912, 1994.": a range of two year-like numbers after the
    volume's colon, with the year after it in the same date run, is the pages; so is
    such a range after the volume's bracketed year ("Sci NumerSimulat , 14( 2009
    )2013- 2017")."""
    for a, b in _label_runs(out, "date"):
        if b - a == 2 and a > 0 and out[a - 1] == "volume" and ":" in tokens[a - 1].after and \
                tokens[a].after.strip() in ("-", "–") and \
                all(_YEAR.match(t.text) for t in tokens[a : b + 1]) and \
                int(tokens[a].text) < int(tokens[a + 1].text):
            out[a : a + 2] = ["pages", "pages"]
            return
        if b - a == 2 and "pages" not in out and a > 0 and out[a - 1] == "volume" and \
                "(" in tokens[a].before and ")" in tokens[a].after and \
                tokens[a + 1].after.strip() in ("-", "–") and \
                all(_YEAR.match(t.text) for t in tokens[a : b + 1]) and \
                int(tokens[a + 1].text) < int(tokens[b].text):
            out[a + 1 : b + 1] = ["pages", "pages"]  # "14( 2009 )2013- 2017"
            return


def _years_ending_a_subtitle(tokens: Sequence[Token], out: list[str]) -> None:
    """"To Be the Neighbour of Saint Peter. The Social Meaning of Cluny's Property,
    909-1049, Ithaca, London, 1989.": a book's subtitle read as a container, and the
    span of years closing it as the pages, with only an imprint after them: both are
    the title's."""
    only = _only_title(out)
    journals = _label_runs(out, "container-title")
    pages = _label_runs(out, "pages")
    if only is None or len(journals) != 1 or len(pages) != 1 or \
            any(lab in out for lab in ("volume", "issue", "editor")):
        return
    (_, end), (start, last), (p, q) = only, journals[0], pages[0]
    if start != end + 1 or p != last + 1 or q != p + 1 or \
            tokens[end].after.strip()[:1] not in (".", ":") or \
            tokens[start].text.lower() in ("in", "dans", "im") or \
            any(t.text.lower() in _JOURNAL_WORDS for t in tokens[start : last + 1]) or \
            tokens[p].before.strip(" ,.").lower().endswith("p") or \
            tokens[p].after.strip() not in ("-", "–") or \
            not all(lab in ("location", "publisher", "date") for lab in out[q + 1 :]):
        return
    first, second = tokens[p].text, tokens[q].text
    if first.isdigit() and second.isdigit() and 3 <= len(first) <= 4 and \
            len(second) == 4 and 0 < int(second) - int(first) <= 300 and \
            int(second) <= 2100:
        out[start : q + 1] = ["title"] * (q + 1 - start)


def _book_and_imprint_read_as_editors(tokens: Sequence[Token], out: list[str]) -> None:
    """IEEE's chapter, "in National innovation, indicators and policy, L. Earl & F.
    Gault, Eds. Cheltenham: Edward Elgar, 2006", read as one run of editors: the comma
    piece before "Eds." is the names, what comes before it after "in" the book, and
    "Place: Publisher" after the role word the imprint."""
    for a, b in _label_runs(out, "editor"):
        if tokens[a].text.lower() not in ("in", "dans") or b - a < 5:
            continue
        cue = next((c for c in range(a + 3, b + 1) if tokens[c].text.lower() in
                    ("ed", "eds", "editor", "editors") and tokens[c - 1].after.strip() == ","),
                   None)
        if cue is None:
            continue
        commas = [m for m in range(a + 1, cue - 1) if tokens[m].after.strip() == ","]
        if not commas:
            continue
        names = commas[-1] + 1
        if not all(t.text[:1].isupper() or t.text.lower() in _LINKS or t.text == "&"
                   for t in tokens[names:cue]) or cue - names > 12:
            continue
        if not any(t.text.isalpha() and t.text.islower() and t.text not in ORG_LINKS
                   and t.text not in PARTICLES for t in tokens[a + 1 : names]):
            continue  # "In: Schiff ER, Sorrell MF, Maddrey WC, editors.": names only
        pieces = [(start + 1, end)
                  for start, end in zip([a, *commas], [*commas, names - 1], strict=True)]
        if all(any(_is_initial(t) for t in tokens[p0 : p1 + 1]) and
               all(t.text[:1].isupper() or t.text in PARTICLES for t in tokens[p0 : p1 + 1])
               for p0, p1 in pieces if p0 <= p1):
            continue  # "In S. van der Parker, E. L. O'Brien, and S. Eastwood, editors,"
        out[a:names] = ["container-title"] * (names - a)
        colon = next((m for m in range(cue + 1, b) if ":" in tokens[m].after), None)
        if colon is not None and colon - cue <= 4:
            out[cue + 1 : colon + 1] = ["location"] * (colon - cue)
            out[colon + 1 : b + 1] = ["publisher"] * (b - colon)
        return


def _names_after_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"Detecting noun compounds …: a contrastive study. Veronika Vincze, Istvan Nagy T.
    and Gabor Berend": with no names labelled, a last run after the title made of
    names (two or more of two or three capitalised words, the last after "and") is
    the authors."""
    if any(label in out for label in _NAME_LABELS) or len(out) < 6:
        return
    label = out[-1]
    if label not in ("container-title", "publisher", "note", "other"):
        return
    a = len(out) - 1
    while a > 0 and out[a - 1] == label:
        a -= 1
    if a == 0 or out[a - 1] != "title" or tokens[a - 1].after.strip()[:1] not in (".", "?"):
        return
    pieces: list[list[Token]] = [[]]
    for t in tokens[a:]:
        if t.text.lower() in ("and", "&"):
            pieces.append([])
            continue
        pieces[-1].append(t)
        if t.after.strip() == ",":
            pieces.append([])
    pieces = [p for p in pieces if p]
    if len(pieces) >= 2 and len(pieces) <= 8 and \
            tokens[a:][-len(pieces[-1]) - 1].text.lower() in ("and", "&") and all(
                2 <= len(p) <= 3 and all(t.text[:1].isupper() and t.text.isalpha() for t in p)
                and sum(len(t.text) == 1 for t in p) <= 1 and len(p[0].text) > 1
                for p in pieces):
        out[a:] = ["author"] * (len(out) - a)


def _names_before_a_lone_role_word(tokens: Sequence[Token], out: list[str]) -> None:
    """"Encounters with Verdi, Richard Stokes (trans.) (Ithaca, NY: …)": a translator or
    editor run of nothing but its bracketed role word, after a title whose last comma
    piece is a name (two or three capitalised words): that name has the role."""
    for role in ("translator", "editor"):
        for a, b in _label_runs(out, role):
            if a != b or "(" not in tokens[a].before or a < 3 or out[a - 1] not in (
                    "title", "container-title"):
                continue
            k = a - 1
            while k > a - 4 and out[k - 1] == out[a - 1] and not tokens[k - 1].after.strip():
                k -= 1
            if tokens[k - 1].after.strip() == "," and 2 <= a - k <= 3 and all(
                    t.text[:1].isupper() and t.text.isalpha() for t in tokens[k:a]):
                out[k:a] = [role] * (a - k)


def _volume_and_article_number_ending_the_journal(tokens: Sequence[Token],
                                                  out: list[str]) -> None:
    """"PLOS ONE 8, e71131": with no volume or pages labelled, a journal run ending in
    a number, a comma and an article number ends in its volume and pages."""
    if "volume" in out or "pages" in out:
        return
    for a, b in _label_runs(out, "container-title"):
        if b - a >= 2 and tokens[b - 1].text.isdigit() and len(tokens[b - 1].text) <= 4 and \
                tokens[b - 1].after.strip() == "," and re.fullmatch(r"e?\d{3,}", tokens[b].text):
            out[b - 1] = "volume"
            out[b] = "pages"
            return


def _lowercase_words_are_no_names(tokens: Sequence[Token], out: list[str]) -> None:
    """"Militantismes institutionnels, 2005, Politix, n° 70.": with no title labelled,
    a first run of names holding a lowercase word that is no particle, no "and" and
    no "et al." is the title."""
    if not out or out[0] != "author" or "title" in out:
        return
    b = _label_runs(out, "author")[0][1]
    words = tokens[: b + 1]
    if not 2 <= len(words) <= 8 or not words[0].text[:1].isupper() or any(
            len(t.text) == 1 or ":" in t.after for t in words):
        return  # initials, or "W. Hatke: Folien aus COC": names there are
    low = next((k for k, t in enumerate(words) if k and t.text.isalpha() and
                t.text.islower() and t.text not in PARTICLES and t.text not in _LINKS and
                t.text not in ORG_LINKS and t.text not in _ETAL_WORDS), None)
    if low is None or _body_name(words):
        return  # "Department of Health (2019).": a body's name
    # "BION, Réflexion faite", "Jean Devisse, Hincmar, archevêque de Reims": a name
    # before the first comma stays
    comma = next((k for k, t in enumerate(words) if t.after.strip() == ","), None)
    start = 0
    if comma is not None and comma < min(3, low) and (
            capitals_family(words[0].text) if comma == 0 else
            all(t.text[:1].isupper() and t.text[1:].islower() for t in words[: comma + 1])):
        start = comma + 1
    out[start : b + 1] = ["title"] * (b + 1 - start)


def _title_run_on_after_the_initials(tokens: Sequence[Token], out: list[str]) -> None:
    """"Martin, R. F. Apatite in the Sudbury complex. Can. Mineral. 28", "Zempléni A.,
    L'efficacité magique, in Corin H. et Toussignant P., Regards anthropologiques …":
    a first run of names that goes on, past a name closed by its initials' period,
    into words holding a lowercase one that is no particle: the names end at the
    period and the title begins (when no other title is labelled). Names after "in"
    in that title are the book's editors, and a title run after them is the book."""
    runs = _label_runs(out, "author")
    if not runs or runs[0][0] != 0:
        return
    _, b = runs[0]
    if b < 4 or not tokens[0].text[:1].isupper() or len(tokens[0].text) < 2 or \
            tokens[0].after.strip() not in (",", ""):
        return
    k = 1
    while k <= b and _is_initial(tokens[k]):
        k += 1
    if k == 1 or k > b or not tokens[k].text[:1].isupper() or _one_capital(tokens[k]):
        return
    low = next((m for m in range(k + 1, min(b, k + 4) + 1)
                if tokens[m].text.isalpha() and tokens[m].text.islower() and
                tokens[m].text not in PARTICLES and tokens[m].text not in _LINKS and
                tokens[m].text not in _ETAL_WORDS), None)
    if low is None:
        return
    cue = next((m for m in range(low, b) if tokens[m].text == "in" and
                tokens[m - 1].after.strip() == "," and tokens[m + 1].text[:1].isupper()), None)
    if cue is None:
        if "title" in out:
            return
        out[k : b + 1] = ["title"] * (b + 1 - k)
        return
    later = _label_runs(out, "title")
    if len(later) != 1 or later[0][0] != b + 1 or "container-title" in out:
        return
    out[k:cue] = ["title"] * (cue - k)
    out[cue : b + 1] = ["editor"] * (b + 1 - cue)
    out[later[0][0] : later[0][1] + 1] = ["container-title"] * (later[0][1] + 1 - later[0][0])


def _cjk_title_and_journal_in_one_run(tokens: Sequence[Token], out: list[str]) -> None:
    """"長塚 隆 (2020). 新型コロナウイルス感染症の拡大と図書館. 日本農学図書館協議会誌, 199":
    with no title labelled, a container in Chinese or Japanese holding one sentence
    end is the title, then the journal."""
    if "title" in out:
        return
    runs_ = _label_runs(out, "container-title")
    if len(runs_) != 1:
        return
    a, b = runs_[0]
    if not all(_CJK.match(t.text) for t in tokens[a : b + 1]):
        return
    ends = [k for k in range(a, b) if tokens[k].after.strip()[:1] in (".", "．", "。")]
    if len(ends) == 1:
        out[a : ends[0] + 1] = ["title"] * (ends[0] + 1 - a)


def _meeting_inside_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"Connecting Dust Characteristics and Worker Health in Coal Mining, 2015 Joint
    Meeting of the Central Appalachian Section of SME": with no container labelled,
    a comma piece or sentence ending the only title run that names a meeting in its
    first words is the meeting (the container)."""
    only = _only_title(out, container=False)
    if only is None:
        return
    a, b = only
    for k in range(a + 3, b):
        if tokens[k - 1].after.strip()[:1] not in (",", ".") or tokens[k].text.lower() in (
                "in", "a", "the", "and"):
            continue
        head = [t.text.lower() for t in tokens[k : min(k + 6, b + 1)]]
        if any(w in _MEETING and w not in ("proc", "conf") for w in head) and \
                (tokens[k].text[:1].isupper() or tokens[k].text.isdigit()):
            out[k : b + 1] = ["container-title"] * (b + 1 - k)
            return


def _journal_cut_at_a_hyphen(tokens: Sequence[Token], out: list[str]) -> None:
    """"Zur Kenntnis einiger Thymelaeaceen. Notizblatt des Botanischen Gartens und
    Museums zu Berlin-Dahlem 11: 348-363": a container that starts inside a hyphenated
    word started at the title's last sentence end."""
    for a, _ in _label_runs(out, "container-title"):
        if a < 2 or out[a - 1] != "title" or tokens[a - 1].after != "-":
            continue
        k = next((m for m in range(a - 2, max(a - 14, 0), -1)
                  if out[m] == "title" and tokens[m].after.strip()[:1] == "."), None)
        if k is not None and tokens[k + 1].text[:1].isupper():
            out[k + 1 : a] = ["container-title"] * (a - k - 1)
        return


def _cjk_names_before_a_quoted_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"塩 津 ゆりか, 原田禎夫, 伊多波 良 雄, '市町村合併の実証分析,' 会計検査研究": a title
    run opening with names in Chinese characters or kana, parted by commas, before a
    quoted title: the names are the authors."""
    if not out or out[0] != "title" or any(lab in _NAME_LABELS for lab in out) or \
            not _CJK.match(tokens[0].text):
        return
    for m in range(1, min(len(tokens), 12)):
        if out[m] != "title" or not _CJK.match(tokens[m].text):
            return
        if tokens[m].before[-1:] in ("'", "‘", "“", "「", "『", '"') and \
                tokens[m - 1].after.strip()[:1] in (",", "，", "、"):
            out[:m] = ["author"] * m
            return


def _quoted_title_read_as_names(tokens: Sequence[Token], out: list[str]) -> None:
    """"Saying ‘When.’ (1995, December). Wake Forest University Magazine": with no
    title labelled, names that run into a quotation are the title (no name holds
    quotation marks)."""
    if not out or out[0] != "author" or "title" in out:
        return
    b = _label_runs(out, "author")[0][1]
    quoted = [k for k in range(b + 1) if tokens[k].before[-1:] in ("‘", "“", '"', "«", "„")]
    if quoted and quoted[0] <= 2 and any(q in tokens[b].after for q in ("’", "”", '"', "»")):
        out[: b + 1] = ["title"] * (b + 1)


def _imprint_opening_with_a_volume_or_a_place(tokens: Sequence[Token],
                                              out: list[str]) -> None:
    """A publisher run that opens with the volume ("Volume 1. Whippoorwill Press,
    Winnipeg") or, with no place labelled, with a known place and its full stop
    ("Philadelphia. Wb Saunders company"): those words are the volume, the place."""
    for a, b in _label_runs(out, "publisher"):
        if b - a < 2:
            continue
        if tokens[a].text.lower() in VOLUME_WORDS and tokens[a + 1].text.isdigit() and \
                tokens[a + 1].after.strip()[:1] in (".", ",") and "volume" not in out:
            out[a : a + 2] = ["volume", "volume"]
        elif "location" not in out and tokens[a].text.lower() in PLACE_WORDS and \
                tokens[a].after.strip() in (".", ":") and tokens[a + 1].text[:1].isupper():
            out[a] = "location"


def _subtitle_read_as_the_place(tokens: Sequence[Token], out: list[str]) -> None:
    """"Bretons et Normands au Moyen Âge. Rivalités, malentendus, convergences, PUR,
    Rennes, 2008": with no publisher labelled, a place run of comma pieces ending in
    a known place, after the title, whose first pieces hold lowercase words: those
    are the title's, the piece before the place the publisher."""
    if "publisher" in out:
        return
    for a, b in _label_runs(out, "location"):
        if a == 0 or out[a - 1] != "title" or tokens[b].text.lower() not in PLACE_WORDS:
            continue
        commas = [m for m in range(a, b) if tokens[m].after.strip() == ","]
        if len(commas) < 2 or b - commas[-1] > 3:
            continue
        low = [m for m in range(a, commas[-1] + 1) if tokens[m].text.isalpha() and
               tokens[m].text.islower() and tokens[m].text not in ORG_LINKS]
        if not low:
            continue
        cut = next(c for c in commas if c >= low[-1])
        if cut == commas[-1]:
            continue
        out[a : cut + 1] = ["title"] * (cut + 1 - a)
        out[cut + 1 : commas[-1] + 1] = ["publisher"] * (commas[-1] - cut)
        return


def _volume_and_issue_read_as_pages(tokens: Sequence[Token], out: list[str]) -> None:
    """"J Gynecol Obstet Biol Reprod (Paris) Décembre 2016.45(10);1205-1206.": with no
    volume or issue labelled, a page run shaped "45(10);1205-1206" holds the volume and
    the issue before the pages."""
    if "volume" in out or "issue" in out:
        return
    for a, b in _label_runs(out, "pages"):
        if b - a == 3 and all(t.text.isdigit() for t in tokens[a : b + 1]) and \
                tokens[a].after == "(" and tokens[a + 1].after.startswith(")") and \
                tokens[a + 1].after[1:].strip() in (";", ":", ",") and \
                tokens[a + 2].after.strip() in ("-", "–"):
            out[a] = "volume"
            out[a + 1] = "issue"
            return


def _initials(token: Token) -> bool:
    """A block of initials written without periods or with them glued: "PH", "BD",
    "K.I" (as the tokenizer gives "K", "I": one capital), at most three capitals."""
    return token.text.isalpha() and token.text.isupper() and len(token.text) <= 3


def _initials_first_names(tokens: Sequence[Token], a: int, b: int) -> list[int] | None:
    """Where each name of tokens ``a``..``b`` ends (the index of its family name), if
    they read as names written initials first ("DS Reimer, BD Halbrook and C
    Tibiletti", "K.I. Taylor, K.M. Oberle"), else None. Names are parted by a comma
    or a linking word ("and", "&", "und", "et")."""
    ends: list[int] = []
    k = a
    while k <= b:
        start = k
        while k <= b and (_initials(tokens[k]) and (
                _one_capital(tokens[k]) or not tokens[k].after.strip())):
            k += 1
        if k == start or k > b:
            return None  # no initials, or initials with no family name
        family = tokens[k]
        if not family.text[:1].isupper() or family.text.isupper() or len(family.text) < 2:
            return None
        ends.append(k)
        k += 1
        if k <= b and tokens[k].text.lower() in ("and", "&", "und", "et"):
            k += 1
        elif k <= b and "," not in family.after:
            return None
    return ends


def _names_left_before_the_colon(tokens: Sequence[Token], out: list[str]) -> None:
    """"DS Reimer, BD Halbrook, PH Dreyfuss and C Tibiletti: A novel approach …": names
    written initials first go on, past the comma after the author run, into the title
    run up to a colon; those names are the authors' and the title opens after it."""
    runs = _label_runs(out, "author")
    if not runs or runs[0][0] != 0:
        return
    first, last = runs[0]
    if last + 2 >= len(out) or out[last + 1] != "title" or \
            "," not in tokens[last].after or \
            _initials_first_names(tokens, first, last) is None:
        return
    end = last + 1
    while end < len(out) and out[end] == "title" and ":" not in tokens[end].after:
        end += 1
    if end + 1 >= len(out) or out[end] != "title" or out[end + 1] != "title" or \
            tokens[end].after.strip() != ":" or \
            _initials_first_names(tokens, last + 1, end) is None:
        return
    out[last + 1 : end + 1] = ["author"] * (end - last)


def _family_left_in_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"K.I. Taylor, K.M. Oberle, P.G. Norton Promoting health …", "A. Altland and
    B. D. Simons, Condensed matter …": names written initials first whose run ends
    on initials, the title run straight after and going on past its first word: that
    word is the last author's family name."""
    runs = _label_runs(out, "author")
    if not runs or runs[0][0] != 0:
        return
    first, last = runs[0]
    if last + 2 >= len(out) or out[last + 1] != "title" or out[last + 2] != "title":
        return
    family, word = tokens[last + 1], tokens[last + 2]
    if not _one_capital(tokens[last]) or tokens[last].after.strip() not in ("", ".") or \
            family.after.strip() not in ("", ",", ".") or not family.text[:1].isupper() or \
            family.text.isupper() or len(family.text) < 2 or \
            family.text.lower() in _ETAL_WORDS or not word.text[:1].isalpha():
        return
    if len(_initials_first_names(tokens, first, last + 1) or ()) >= 2:
        out[last + 1] = "author"


def _names_end_at_their_colon(tokens: Sequence[Token], out: list[str]) -> None:
    """"1995: Ulf Preuss-Lausitz: Schreien, Toben, Boxen: Wider die aseptische Schule":
    names end at the colon after them; the words after it, read as more names, open
    the title that follows."""
    for a, b in _label_runs(out, "author"):
        if b + 1 >= len(out) or out[b + 1] != "title":
            continue
        colon = next((k for k in range(a + 1, b) if tokens[k].after.strip() == ":"), None)
        if colon is not None and tokens[colon + 1].text[:1].isupper():
            out[colon + 1 : b + 1] = ["title"] * (b - colon)
            return


def _no_date_read_as_a_name(tokens: Sequence[Token], out: list[str]) -> None:
    """"Holm, Bill. N.d. "Holm on Goldman …"": "N.d." (no date) at the end of the
    names is the date's place, not a name."""
    for a, b in _label_runs(out, "author") + _label_runs(out, "editor"):
        if b - a >= 2 and tokens[b - 1].text in ("N", "n") and tokens[b].text == "d" and \
                tokens[b - 1].after.strip() == "." and \
                tokens[b - 2].after.strip()[:1] in (".", ","):
            out[b - 1 : b + 1] = ["date", "date"]


def _last_name_and_role_read_as_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"Silvia Stoller, Gerhard | Unterthurner (Hg.): Entgrenzungen der
    Phänomenologie": the title run opens with the last name and the bracketed role
    word closing the names; they go back to the names (editors, by the role word)."""
    for a, b in _label_runs(out, "title"):
        if a == 0 or out[a - 1] not in ("author", "editor"):
            continue
        cue = next((c for c in range(a + 1, min(a + 4, b)) if "(" in tokens[c].before and
                    _CUE_ROLES.get(tokens[c].text.lower()) is not None), None)
        if cue is not None and ")" in tokens[cue].after[:3] and \
                all(t.text[:1].isupper() for t in tokens[a:cue]):
            out[a : cue + 1] = [out[a - 1]] * (cue + 1 - a)
        return


def _names_with_a_role_left_out(tokens: Sequence[Token], out: list[str]) -> None:
    """"« Politique d’abord … », Pierre BIRNBAUM (dir.), Les élites socialistes au
    pouvoir": names closed by a bracketed role word, labelled as no field, before
    the book's title, are that book's editors."""
    for label in ("other", "note"):
        for a, b in _label_runs(out, label):
            if b - a < 2 or b - a > 10 or b + 1 >= len(out) or \
                    out[b + 1] not in ("container-title", "title") or \
                    "(" not in tokens[b].before or _CUE_ROLES.get(tokens[b].text.lower()) is None:
                continue
            names = tokens[a:b]
            if names[0].text[:1].isupper() and all(
                    t.text[:1].isupper() or t.text.lower() in _LINKS for t in names):
                out[a : b + 1] = [_CUE_ROLES[tokens[b].text.lower()]] * (b + 1 - a)


def _body_left_out_of_the_imprint(tokens: Sequence[Token], out: list[str]) -> None:
    """"Journal of Korea Planning Association 44(7), Korea Planning Association,
    97-108": a body's name labelled as no field inside the reference, with no
    publisher labelled, is the publisher."""
    if "publisher" in out:
        return
    for a, b in _label_runs(out, "other"):
        if a == 0 or b + 1 >= len(out) or out[b + 1] in ("other", "note", "annotation"):
            continue
        words = [t.text.lower() for t in tokens[a : b + 1]]
        if _body_name(tokens[a : b + 1]) and any(w in _PRESS_WORDS for w in words):
            out[a : b + 1] = ["publisher"] * (b + 1 - a)
            return


def _in_editors_inside_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """"Frauenforschung, in: Georg Antor und Ulrich Bleidick (Hrsg.): Handlexikon der
    Behindertenpädagogik": "in:" after the title's first sentence or clause, then
    names closed by a bracketed role word, all read as one title. The names are the
    editors and the book's title starts after the role word."""
    only = _only_title(out)
    if only is None:
        return
    a, b = only
    for k in range(a + 1, b - 2):
        if tokens[k].text not in ("in", "In") or tokens[k].after.strip() != ":" or \
                tokens[k - 1].after.strip() not in (",", "."):
            continue
        cue = next((c for c in range(k + 2, min(k + 14, b)) if "(" in tokens[c].before and
                    _CUE_ROLES.get(tokens[c].text.lower()) == "editor"), None)
        if cue is None or not all(t.text[:1].isupper() or t.text.lower() in _LINKS or
                                  len(t.text) <= 3 for t in tokens[k + 1 : cue]):
            continue
        out[k : cue + 1] = ["editor"] * (cue + 1 - k)
        out[cue + 1 : b + 1] = ["container-title"] * (b - cue)
        return


def _imprint_read_as_container(tokens: Sequence[Token], out: list[str]) -> None:
    """"El mundo de los Salasacas. Guayaquil: Fundación Antropológica Ecuatoriana,
    1972.": with no place or publisher labelled, a container after the title that is
    (or whose last sentence is) "Place: Publisher" just before the year or at the end
    is the imprint ("Neue Ansätze in der Erzähltheorie. Trier: WVT, 2002"). The place
    is one to three capitalised words; a journal's words, a volume or an "In:" rule it
    out ("In: Mouillebouche 2010")."""
    if "location" in out or "publisher" in out or "volume" in out or "issue" in out or \
            "title" not in out:
        return
    runs_ = _label_runs(out, "container-title")
    if len(runs_) != 1:
        return
    a, b = runs_[0]
    if out.index("title") > a or (b + 1 < len(out) and out[b + 1] != "date") or \
            tokens[b].after.strip()[:1] not in ("", ",", "."):
        return
    colons = [m for m in range(a, b) if ":" in tokens[m].after]
    if len(colons) != 1:
        return
    colon = start = colons[0]
    while start > a and start > colon - 2 and not tokens[start - 1].after.strip():
        start -= 1
    if start > a and tokens[start - 1].after.strip()[:1] not in (".", "–", "—"):
        return
    if tokens[start].text.lower() in ("in", "dans", "en", "em", "im", "w") or not all(
            t.text[:1].isupper() and t.text.isalpha() and t.text.lower() not in _JOURNAL_WORDS
            for t in tokens[start : colon + 1]):
        return
    if any(t.text.lower() in _JOURNAL_WORDS for t in tokens[colon + 1 : b + 1]) or \
            not tokens[colon + 1].text[:1].isupper():
        return
    out[start : colon + 1] = ["location"] * (colon + 1 - start)
    out[colon + 1 : b + 1] = ["publisher"] * (b - colon)


def _day_range_read_as_pages(tokens: Sequence[Token], out: list[str]) -> None:
    """Days before their month, "12-14 February 2007", are the date, not pages."""
    for a, b in _label_runs(out, "pages"):
        if b == a + 1 and b + 1 < len(tokens) and tokens[b + 1].text.lower() in _MONTHS \
                and not tokens[b].after.strip() and (a == 0 or out[a - 1] != "volume") \
                and all(t.text.isdigit() and 1 <= int(t.text) <= 31 for t in tokens[a : b + 1]) \
                and tokens[a].after.strip() in ("-", "–") and \
                int(tokens[a].text) < int(tokens[b].text):
            out[a : b + 1] = ["date"] * 2
            k = b + 1
            while k < len(tokens) and (tokens[k].text.lower() in _MONTHS or (
                    _YEAR.match(tokens[k].text) and k == b + 2)):
                out[k] = "date"
                k += 1


#: the page label words that are glued to their number or stand before it
_PAGE_LABEL = PAGE_WORDS | {"pág", "págs", "pag", "str"}


def _page_numbers_after_their_word(tokens: Sequence[Token], out: list[str]) -> None:
    """"Pg.19-55": the label word read as the pages and the numbers after it left
    out are the pages."""
    for a, b in _label_runs(out, "pages"):
        if not all(t.text.lower() in _PAGE_LABEL for t in tokens[a : b + 1]):
            continue
        k = b + 1
        while k < len(tokens) and out[k] in ("note", "other") and tokens[k].text.isdigit() \
                and (k == b + 1 or tokens[k - 1].after.strip() in ("-", "–")):
            k += 1
        if k > b + 1:
            out[b + 1 : k] = ["pages"] * (k - b - 1)
            return


def _ordinal_inside_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A German ordinal's period ("vom 7. bis zum 10. Jahrhundert") ends no title:
    a container's title that opens with a small word after it goes on the title."""
    for a, b in _label_runs(out, "container-title"):
        if a >= 2 and out[a - 1] == "title" and tokens[a - 1].text.isdigit() and \
                len(tokens[a - 1].text) <= 2 and tokens[a - 1].after.strip() == "." and \
                tokens[a].text.islower() and tokens[a].text not in ("in", "dans", "im") and \
                out[a - 2] == "title" and tokens[a - 2].text.islower() and \
                not any(q in tokens[k].after for k in range(a, b + 1) for q in _QUOTES):
            out[a : b + 1] = ["title"] * (b + 1 - a)
            return


def _one_capital(token: Token) -> bool:
    """A one-letter capital: an initial, with or without its period ("J", "H")."""
    return len(token.text) == 1 and token.text.isupper()


def _is_initial(token: Token) -> bool:
    """A one-letter capital followed by a period: "J." of "J. Smith"."""
    return _one_capital(token) and token.after.lstrip().startswith(".")


def _family_after_initial(tokens: Sequence[Token], out: list[str]) -> None:
    """The family name after an author's initial, labelled as the start of the journal
    that follows ("M. Horacek: Rev. Sci. Instrum."; "S. Pratt, Phys. Rev. C"): a
    capitalised word not written as an abbreviation is the author's. So is a family
    name in capitals with a period after it, where the names are written initials
    first ("A. J. ZAMBITO et E. E. HOWE. Org. Synth.")."""
    for k in range(1, len(tokens) - 1):
        if out[k] != "container-title" or out[k - 1] != "author" or \
                out[k + 1] != "container-title" or not _is_initial(tokens[k - 1]):
            continue
        word, mark = tokens[k].text, tokens[k].after.strip()[:1]
        if (word[:1].isupper() and word[1:].islower() and mark in (",", ":")) or (
                mark == "." and capitals_family(word, shortest=3) and _is_initial(tokens[0])):
            out[k] = "author"


_CJK = re.compile(rf"^[{KANA}{HAN}]+$")
_CJK_NAME_MARKS = (",", "，", "、", ";", "；")


def _chinese_names_and_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A reference in Chinese (GB/T 7714: "李华, 张伟. 基于深度学习的图像识别研究. 计算机学报,
    2020, 43(5): 1-15."): the model, trained on Latin script, cannot tell its
    names from its title. Names of two to four characters before the first period
    are the authors ("等" closing the list is "et al."); the sentence after them is
    the title; a sentence after that, before the year, read as names or as the
    title, is the journal, and "上海: 上海人民出版社, 2010" is the place and the publisher."""
    if not tokens or not _CJK.match(tokens[0].text):
        return
    if _chinese_comma_list(tokens, out):
        return
    k = 0
    while k < len(tokens) and _CJK.match(tokens[k].text) and (
            2 <= len(tokens[k].text) <= 4 or (tokens[k].text == "等" and k)):
        mark = tokens[k].after.strip()
        if mark in _CJK_NAME_MARKS and k + 1 < len(tokens):
            k += 1
            continue
        if mark[:1] in (".", "．", "。"):
            break
        return
    else:
        return
    out[: k + 1] = ["author"] * (k + 1)
    start = k + 1
    end = start
    while end < len(tokens) and tokens[end].after.strip()[:1] not in (".", "．", "。"):
        end += 1
    if end >= len(tokens) or any(label not in ("author", "title", "other", "container-title")
                                 for label in out[start : end + 1]):
        return
    out[start : end + 1] = ["title"] * (end + 1 - start)
    j = end + 1
    if j + 1 < len(tokens) and out[j] in ("author", "title") and _CJK.match(tokens[j].text) \
            and tokens[j].after.strip() in (",", "，") and out[j + 1] == "date":
        out[j] = "container-title"
    elif j + 2 < len(tokens) and _CJK.match(tokens[j].text) and \
            _CJK.match(tokens[j + 1].text) and tokens[j].after.strip() in (":", "：") and \
            tokens[j + 1].after.strip() in (",", "，") and out[j + 2] == "date":
        out[j : j + 2] = ["location", "publisher"]  # "上海: 上海人民出版社, 2010"


_CJK_NUMBERED = re.compile(r"^第?(\d+)([卷期號号辑輯])$")


def _chinese_comma_list(tokens: Sequence[Token], out: list[str]) -> bool:
    """A reference in Chinese parted by commas only, no period before the year ("王俊翰,
    接受美学视域下看 舞蹈风暴 的大众化呈现, 品位经典, 2019."): the names of two to four
    characters first, then the title, then the journal (its "第104期" the issue,
    "第3卷" the volume), then the year. True when it was read so."""
    year = next((k for k, t in enumerate(tokens) if _YEAR.match(t.text)), None)
    if year is not None and 0 < year < 5 and year + 3 <= len(tokens) and \
            tokens[year].after.strip() in _CJK_NAME_MARKS:
        return _chinese_year_after_the_names(tokens, out, year)
    if year is None or year < 3 or any(
            t.after.strip()[:1] in (".", "．", "。") for t in tokens[:year]):
        return False
    pieces: list[list[int]] = [[]]
    for k in range(year):
        pieces[-1].append(k)
        if tokens[k].after.strip() in _CJK_NAME_MARKS:
            pieces.append([])
    if pieces[-1] or not all(_CJK.match(tokens[k].text) or _CJK_NUMBERED.match(tokens[k].text)
                             for k in range(year)):
        return False
    names = 0
    while names < len(pieces) and len(pieces[names]) == 1 and \
            2 <= len(tokens[pieces[names][0]].text) <= 4:
        names += 1
    rest = pieces[names:-1]
    if not names or len(rest) != 2:
        return False
    for piece in pieces[:names]:
        out[piece[0]] = "author"
    title, journal = rest
    for k in title:
        out[k] = "title"
    for k in journal:
        m = _CJK_NUMBERED.match(tokens[k].text)
        out[k] = "container-title" if not m or k == journal[0] else (
            "volume" if m.group(2) == "卷" else "issue")
    out[year] = "date"
    return True


def _chinese_year_after_the_names(tokens: Sequence[Token], out: list[str], year: int) -> bool:
    """The same list with the year after the names ("陈大为, 1995, 辽宁高句丽山城再探,
    北方文物 3期.", "王进玉, 王进聪, 2002, 敦煌石窟铜绿颜料的应用与来源, 敦煌研究, 74(4),
    pp.23-28."): names, year, title, journal and its number; numbers after the
    journal keep the labels they have (a bare one is the volume)."""
    names = range(year)
    if not all(2 <= len(tokens[k].text) <= 4 and _CJK.match(tokens[k].text) and
               tokens[k].after.strip() in _CJK_NAME_MARKS for k in names):
        return False
    end = year + 1
    while end < len(tokens) and (_CJK.match(tokens[end].text) or
                                 _CJK_NUMBERED.match(tokens[end].text)):
        end += 1
    if any(t.text.isalpha() and not _CJK.match(t.text) and t.text.lower() not in PAGE_WORDS
           for t in tokens[end:]):
        return False
    commas = [k for k in range(year + 1, end - 1)
              if tokens[k].after.strip() in _CJK_NAME_MARKS]
    if len(commas) != 1:
        return False
    for k in names:
        out[k] = "author"
    out[year] = "date"
    for k in range(year + 1, commas[0] + 1):
        out[k] = "title"
    for k in range(commas[0] + 1, end):
        m = _CJK_NUMBERED.match(tokens[k].text)
        out[k] = "container-title" if not m or k == commas[0] + 1 else (
            "volume" if m.group(2) == "卷" else "issue")
    for k in range(end, len(tokens)):
        if out[k] not in ("volume", "issue", "pages"):
            out[k] = "volume" if k == end and tokens[k].text.isdigit() else out[k]
    return True


#: role words of other languages, cues only abbreviated and after names: Dutch and
#: Polish "(red.)", Portuguese and Spanish "(Org.)", "(Orgs.)", "(Comp.)"
_OTHER_EDITOR_CUES = frozenset({"red", "org", "orgs", "Org", "Orgs", "comp", "comps", "Comp",
                                "Comps", "coord", "Coord"})


def _quotation_closes_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A quoted title whose run goes on past its closing quotation mark, with no
    container labelled ("Jones, Mary. "Web Article." Some Site, June 5, 2019."): the
    words after the quotation are the container (a site, a journal, a book). The
    same run read as the container, with no title labelled: the quoted words are the
    title."""
    if "title" in out and "container-title" not in out:
        label = "title"  # the words after the quotation become the container
    elif "container-title" in out and "title" not in out:
        label = "container-title"  # the quoted words become the title
    else:
        return
    first = out.index(label)
    if not any(q in tokens[first].before for q in "“\"«„‘"):
        return
    last = first
    while last + 1 < len(out) and out[last + 1] == label:
        last += 1
    for k in range(first, last):
        if any(q in tokens[k].after for q in "”\"»’") and \
                tokens[k + 1].text[:1].isupper() and not any(
                    q in tokens[k + 1].before.replace(tokens[k].after, "") for q in "“«„"):
            if "’" in tokens[k].after and tokens[k].after.strip() == "’":
                return  # an apostrophe, not a closing quotation: "Smiths’ Guide"
            if label == "title":
                out[k + 1 : last + 1] = ["container-title"] * (last - k)
            else:
                out[first : k + 1] = ["title"] * (k + 1 - first)
            return


def _journal_word_read_as_volume(tokens: Sequence[Token], out: list[str]) -> None:
    """The last word of a journal's name run into its volume ("Miscelánea antropológica
    | ecuatoriana, 3"): a word of letters, no volume or issue cue nor a roman numeral,
    with no mark between it and the journal, is the journal's."""
    for first, last in _label_runs(out, "volume"):
        k = first
        while k <= last and tokens[k].text.isalpha() and len(tokens[k].text) > 2 and \
                tokens[k].text.lower() not in _NUMBER_WORDS and \
                not re.fullmatch(r"[ivxlcdm]+", tokens[k].text.lower()):
            k += 1
        if first > 0 and out[first - 1] == "container-title" and \
                tokens[first - 1].after == " " and first < k <= last:
            out[first:k] = ["container-title"] * (k - first)
        elif k > last and last + 1 < len(out) and tokens[last].after == " " and \
                out[last + 1] in ("container-title", "collection-title"):
            # only words, opening the series' name: "(2012) Legal | Research Paper Series"
            out[first : last + 1] = [out[last + 1]] * (last + 1 - first)


def _newspaper_section(tokens: Sequence[Token], out: list[str]) -> None:
    """Chicago's newspaper section, "sec. A" or "section 2", is a note, not a page nor
    the start of an annotation."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].text.lower() in ("sec", "section") and out[k - 1] == "date" and \
                len(tokens[k + 1].text) <= 2 and (k + 2 == len(tokens) or
                                                  _SENTENCE.match(tokens[k + 1].after)):
            out[k : k + 2] = ["note", "note"]


def _untitled_sentence_after_the_date(tokens: Sequence[Token], out: list[str]) -> None:
    """No title labelled, and the sentence right after the author's date read as
    nothing ("Department of Health (2019) Annual report 2018-19. London: HMSO."): with
    the imprint or a link after it, that sentence is the title."""
    if "title" in out or "container-title" in out or "date" not in out:
        return
    k = out.index("date")
    while k + 1 < len(out) and out[k + 1] == "date":
        k += 1
    start = k + 1
    if start >= len(out) or out[start] not in ("other", "note") or \
            not any(label in ("author", "editor") for label in out[:start]):
        return
    end = start
    while end + 1 < len(out) and out[end + 1] == out[start] and \
            not _SENTENCE.match(tokens[end].after):
        end += 1
    if end + 1 < len(out) and _SENTENCE.match(tokens[end].after) and \
            out[end + 1] in ("location", "publisher", "url", "doi"):
        out[start : end + 1] = ["title"] * (end + 1 - start)


def _year_inside_a_container(tokens: Sequence[Token], out: list[str]) -> None:
    """A year inside the name of a conference ("in Proceedings of the 1999 National
    Technical Meeting of The Institute of Navigation (ION NTM 1999), January 1999"),
    read as the date and cutting the container in two: the year is the name's when
    the date comes again after it."""
    for _, last in _label_runs(out, "container-title"):
        year = last + 1
        if year + 1 >= len(out) or out[year] != "date" or not _YEAR.match(tokens[year].text) \
                or tokens[last].after != " " or tokens[year].after != " ":
            continue
        label = out[year + 1]
        if label != "container-title" and not (label == "title" and "title" in out[:last]):
            continue
        end = year + 1
        while end + 1 < len(out) and out[end + 1] == label:
            end += 1
        depth = sum(t.before.count("(") - t.before.count(")") for t in tokens[year : end + 1])
        while depth > 0 and end + 1 < len(out) and ")" not in tokens[end].after:
            end += 1  # "(ION NTM 1999)": the bracket the name opened closes in it
        if any(out[j] == "date" and _YEAR.match(tokens[j].text)
               for j in range(end + 1, len(out))):
            out[year : end + 1] = ["container-title"] * (end + 1 - year)
            return


def _imprint_in_brackets(tokens: Sequence[Token], out: list[str]) -> None:
    """Physics books close with their imprint in brackets: "Introduction to Dusty
    Plasmas (Inst. of Physics, Bristol, 2002)". A title run that opens a bracket and
    runs on to a comma, with only the place and the year after it before the bracket
    closes, ends at the bracket: the words inside it are the publisher."""
    for label in ("title", "container-title"):
        for first, last in _label_runs(out, label):
            opens = next((k for k in range(first + 1, last + 1)
                          if tokens[k].before.rstrip().endswith("(")), None)
            if opens is None or any(")" in tokens[k].after for k in range(opens, last)) or \
                    not tokens[last].after.strip().startswith(","):
                continue
            end = last + 1
            while end < len(out) and out[end] in ("location", "date") and \
                    ")" not in tokens[end - 1].after:
                end += 1
            inside = range(last + 1, end)
            if not inside or ")" not in tokens[end - 1].after or out[end - 1] != "date" or \
                    not _YEAR.match(tokens[end - 1].text) or \
                    not tokens[opens].text[:1].isupper():
                continue
            out[opens : last + 1] = ["publisher"] * (last + 1 - opens)
            return


def _volume_issue_ending_the_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """A journal run whose last word is a number set off by a comma, with a number in
    brackets after it: the volume and the issue ("Quart. J. Roy. Meteor. Soc., 141(692):
    2803-2812")."""
    for first, last in _label_runs(out, "container-title"):
        nxt = last + 1
        if last > first and nxt < len(out) and tokens[last].text.isdigit() and \
                "," in tokens[last].before and tokens[nxt].text.isdigit() and \
                tokens[nxt].before.strip().endswith("(") and \
                tokens[nxt].after.strip().startswith(")") and \
                out[nxt] not in ("volume", "pages", "date"):
            out[last], out[nxt] = "volume", "issue"


def _place_word_read_as_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """A publisher run of a word or two run straight into a place ("New | Haven, CT:
    Yale University Press"), with the publisher proper after the place: the words are
    the place's."""
    for first, last in _label_runs(out, "publisher"):
        nxt = last + 1
        if last - first > 1 or nxt >= len(out) or out[nxt] != "location" or \
                tokens[last].after != " ":
            continue
        end = nxt
        while end + 1 < len(out) and out[end + 1] == "location":
            end += 1
        if end + 1 < len(out) and out[end + 1] == "publisher" and \
                tokens[end].after.strip() in (":", ","):
            out[first : last + 1] = ["location"] * (last + 1 - first)
            return


_UNIVERSITY = frozenset({"universität", "university", "université", "universidad",
                        "universidade", "università", "universiteit", "uniwersytet",
                        "universitet", "hochschule", "college"})


def _university_of_a_place(tokens: Sequence[Token], out: list[str]) -> None:
    """A university named by its town with no mark between ("Diss. Universität
    Göttingen, 1998"), the town read as the place: the town is the university's
    name. (After a mark, "University Press, Cambridge", the place stays a place.)"""
    for _, last in _label_runs(out, "publisher"):
        nxt = last + 1
        if nxt < len(out) and out[nxt] == "location" and tokens[last].after == " " and \
                tokens[last].text.lower() in _UNIVERSITY:
            end = nxt
            while end + 1 < len(out) and out[end + 1] == "location" and \
                    tokens[end].after == " ":
                end += 1
            out[nxt : end + 1] = ["publisher"] * (end + 1 - nxt)
            return


def _region_read_as_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """The ACL anthology's imprint closes a reference with the place, its state or
    country, a period, then the publisher ("Minneapolis, Minnesota. Association for
    Computational Linguistics."): a publisher run that opens, after the place and a
    comma, with one to three capitalised words and a period, and goes on after them,
    gives those words to the place when one of them is a state, a country or a
    place's code ("MN", "USA")."""
    for first, last in _label_runs(out, "publisher"):
        if first == 0 or out[first - 1] != "location" or \
                tokens[first - 1].after.strip() != ",":
            continue
        stop = next((k for k in range(first, min(last, first + 3))
                     if tokens[k].after.strip() == "."), None)
        words = tokens[first : stop + 1] if stop is not None else ()
        if stop is None or last - stop < 2 or not all(
                t.text[:1].isupper() and len(t.text) > 1 for t in words) or not any(
                t.text.lower() in STATE_WORDS or t.text.lower() in PLACE_WORDS
                or (t.text.isupper() and len(t.text) <= 3) for t in words):
            continue  # "Paris, Gallimard. Collection Folio" is no place
        out[first : stop + 1] = ["location"] * (stop + 1 - first)
        return


def _reprint_year_after_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """MLA's reprint: "Woolf, Virginia. Mrs. Dalloway. 1925. Harcourt, 1990.": a year
    standing alone after the title is the original date when the publisher is
    followed by a later year, the date of the edition read."""
    years = [k for k, label in enumerate(out) if label == "date"]
    alone = [k for k in range(1, len(out) - 1) if out[k] == "title" and out[k + 1] != "title"
             and out[k - 1] == "title" and _YEAR.match(tokens[k].text)]
    if len(years) == 1 and len(alone) == 1 and alone[0] < years[0]:
        years = [alone[0], years[0]]  # the year read as the end of the title
    if len(years) != 2 or years[0] == 0:
        return
    first, second = years
    if out[first - 1] != "title" or not _SENTENCE.match(tokens[first - 1].after) or \
            not _SENTENCE.match(tokens[first].after) or out[second - 1] != "publisher" or \
            not _YEAR.match(tokens[first].text) or not _YEAR.match(tokens[second].text) or \
            int(tokens[first].text[:4]) >= int(tokens[second].text[:4]):
        return
    out[first] = "original-date"


def _corporate_author_before_the_year(tokens: Sequence[Token], out: list[str]) -> None:
    """Harvard and APA: what opens the reference, before the year in brackets, is its
    author, a body if need be ("BBC News (2021) 'Storm hits coast', BBC News"): the
    labels had read it as the journal, since the same words come again as one."""
    if not out or out[0] not in ("container-title", "publisher") or "author" in out or \
            "editor" in out:
        return
    end = 0
    while end + 1 < len(out) and out[end + 1] == out[0]:
        end += 1
    if end + 1 < len(out) and out[end + 1] == "date" and "(" in tokens[end + 1].before and \
            end < 6 and all(t.text[:1].isupper() or t.text.lower() in ORG_LINKS
                            for t in tokens[: end + 1]) and "title" in out[end + 1 :]:
        out[: end + 1] = ["author"] * (end + 1)


_RETRIEVED = frozenset({"retrieved", "accessed", "consulté", "abgerufen", "consultado",
                        "recuperado", "acesso", "acessado"})
#: "Publicado em: 14 dez. 2014" (ABNT), "Published on", "Publié le": the date of issue
_PUBLISHED = frozenset({"published", "publicado", "publicada", "publié", "publiée"})
_DATE_LINKS = frozenset({"on", "le", "am", "el", "em", "en", "de", "in"})


def _retrieved_on_a_date(tokens: Sequence[Token], out: list[str]) -> None:
    """APA's "Retrieved March 3, 2021, from https://…": the date is the accessed
    date and "from" goes with the link; with no title labelled, the sentence read as
    a note between the date and it is the title ("American Psychological
    Association. (n.d.). Publication manual. Retrieved …")."""
    found = False
    for k, token in enumerate(tokens):
        cue = token.text.lower()
        if (cue not in _RETRIEVED and cue not in _PUBLISHED) or "[" in token.before or \
                out[k] == "annotation" or (cue in _PUBLISHED and k and tokens[k - 1].text.lower()
                                           in ("work", "first", "originally", "previously")):
            continue  # "(Original work published 1975)" is the original date: left to notes
        end = k + 1
        while end < len(tokens) and end - k <= 5 and (
                tokens[end].text.isdigit() or tokens[end].text.lower() in MONTH_WORDS or
                tokens[end].text.lower() in _DATE_LINKS):
            end += 1
        if end == k + 1 or not any(_YEAR.match(t.text) for t in tokens[k + 1 : end]):
            continue
        if cue in _PUBLISHED:
            out[k:end] = ["date"] * (end - k)
            continue
        if found:
            continue
        found = True
        out[k:end] = ["accessed"] * (end - k)
        if end + 1 < len(tokens) and tokens[end].text.lower() in _LINK_CUES and \
                out[end + 1] == "url":
            out[end] = "url"
        if "title" not in out:
            notes = [i for i in range(k) if out[i] == "note"]
            if notes and all(out[i] == "note" for i in range(notes[0], k)) and \
                    notes[0] > 0 and out[notes[0] - 1] in ("date", "author"):
                out[notes[0] : k] = ["title"] * (k - notes[0])


_DESCRIPTIONS = frozenset({"dissertation", "thesis", "doctoral", "master's", "masters",
                           "report", "thèse", "dissertação", "tesis", "dissertatie"})


def _description_in_brackets(tokens: Sequence[Token], out: list[str]) -> None:
    """APA 7's description after a title: "Title [Doctoral dissertation, Harvard
    University]": the words before the comma are the genre, those after it the
    university (the publisher); the title runs up to the bracket."""
    span = _bracket_span(tokens, "[", "]")
    if span is None:
        return
    start, end = span
    words = {t.text.lower() for t in tokens[start : end + 1]}
    comma = next((k for k in range(start, end) if tokens[k].after.strip() == ","), None)
    if not words & _DESCRIPTIONS or comma is None or start == 0 or \
            out[start - 1] not in ("title", "genre") or not any(
                lab == "title" for lab in out[:start]):
        return
    k = start - 1
    while k >= 0 and out[k] == "genre":
        out[k] = "title"
        k -= 1
    out[start : comma + 1] = ["genre"] * (comma + 1 - start)
    out[comma + 1 : end + 1] = ["publisher"] * (end - comma)
    if end + 1 < len(out) and out[end + 1] == "publisher":  # "ProQuest Dissertations …"
        j = end + 1
        while j < len(out) and out[j] == "publisher":
            out[j] = "note"
            j += 1


#: APA 7's descriptions of what an item is, in square brackets after its title, and
#: the CSL type each gives ("mytool (Version 2.1) [Computer software]. Zenodo.")
MEDIA_DESCRIPTIONS = {
    "computer software": "software", "software": "software", "computer program": "software",
    "mobile app": "software", "data set": "dataset", "dataset": "dataset",
    "database record": "dataset", "unpublished manuscript": "manuscript",
    "manuscript submitted for publication": "manuscript",
    "manuscript in preparation": "manuscript", "film": "motion_picture",
    "motion picture": "motion_picture", "video": "motion_picture",
    "audio podcast episode": "broadcast", "video podcast episode": "broadcast",
    "audio podcast": "broadcast", "podcast": "broadcast", "tv series episode": "broadcast",
    "television series episode": "broadcast", "television series": "broadcast",
    "conference presentation": "speech", "paper presentation": "speech",
    "poster presentation": "speech", "poster session": "speech", "keynote address": "speech",
    "blog post": "post-weblog", "tweet": "post",
}


#: a standard's number: "ISO 690:2010", "DIN 1505-2", "BS 5605:1990", "ANSI/NISO Z39.29"
_STANDARD = re.compile(
    r"(?:ISO|IEC|DIN|EN|BS|ANSI|NISO|ASTM|NF|GOST|JIS|CSA|IEEE\s+Std|ISO/IEC|ANSI/NISO)"
    r"(?:[\s/-](?:ISO|IEC|EN|NISO))*\s+[A-Z]?\d")


def _standard_number(tokens: Sequence[Token], out: list[str]) -> None:
    """A standard's number in brackets after its title ("Guidelines for bibliographic
    references (ISO 690:2010)"): the number, and the item a standard."""
    for start in range(1, len(tokens)):
        if "(" not in tokens[start].before or "title" not in out[:start]:
            continue
        end = next((k for k in range(start, len(tokens)) if ")" in tokens[k].after), None)
        if end is not None and _STANDARD.match(" ".join(t.text for t in tokens[start : end + 1])):
            out[start : end + 1] = ["number"] * (end + 1 - start)
            return


def _names_before_a_quoted_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A reference that opens with a title run holding a sentence and then a quoted
    title ("Wikipedia contributors. "Yalta Conference." Wikipedia, …"): with no names
    labelled, the sentence before the quotation mark is the author's. And the other
    way round, an author run that goes on past its sentence into a quoted title
    ("World Health Organization. "Malaria." WHO, 2020.", "김흥규, 'Q방법론의 유용성,'
    주관성연구"): the quotation is the title, and what follows it in the run the
    container."""
    if out and out[0] == "author" and "title" not in out:
        last = _label_runs(out, "author")[0][1]
        for m in range(1, last + 1):
            if any(q in tokens[m].before for q in "“\"«„'‘") and \
                    tokens[m - 1].after.strip()[:1] in (".", ","):
                close = next((c for c in range(m, last + 1)
                              if any(q in tokens[c].after for q in "”\"»“'’")), None)
                if close is not None:
                    out[m : close + 1] = ["title"] * (close + 1 - m)
                    out[close + 1 : last + 1] = ["container-title"] * (last - close)
                return
    if not out or out[0] != "title" or any(lab in _NAME_LABELS for lab in out):
        return
    for m in range(1, min(len(tokens), 7)):
        if out[m] != "title":
            return
        if any(q in tokens[m].before for q in "“\"«„") and \
                tokens[m - 1].after.strip()[:1] == "." and all(
                    t.text[:1].isupper() or t.text.lower() in ORG_LINKS
                    or t.text.lower() == "contributors" for t in tokens[:m]):
            out[:m] = ["author"] * m
            return


def _media_description(tokens: Sequence[Token], out: list[str]) -> None:
    """APA 7's "[Computer software]", "[Data set]", "[Unpublished manuscript]" …
    after a title: the genre (which gives the CSL type), no part of the title; the
    name right after it, read as a journal with no numbers to follow, is the
    publisher ("[Data set]. NOAA.")."""
    span = _bracket_span(tokens, "[", "]")
    if span is None:
        return
    start, end = span
    words = " ".join(t.text.lower() for t in tokens[start : end + 1])
    if words not in MEDIA_DESCRIPTIONS or start == 0 or "title" not in out[:start]:
        return
    out[start : end + 1] = ["genre"] * (end + 1 - start)
    version = next((k for k in range(max(0, start - 4), start)
                    if tokens[k].text.lower() == "version" and "(" in tokens[k].before), None)
    if version is not None and ")" in tokens[start - 1].after:
        out[version:start] = ["note"] * (start - version)  # "(Version 2.1.0)": kept, not title
    nxt = end + 1
    k = nxt
    while k < len(out) and out[k] == "url" and tokens[k].text.isalpha():
        k += 1  # "[Data set]. NOAA. https://…": the name run into the link
    if nxt < k < len(out) and out[k] == "url" and tokens[nxt].text[:1].isupper():
        out[nxt:k] = ["publisher"] * (k - nxt)
    elif nxt < len(out) and out[nxt] in ("container-title", "note", "other"):
        label, last = out[nxt], nxt
        while last + 1 < len(out) and out[last + 1] == label:
            last += 1
        if all(lab in ("url", "doi", "date", "accessed") for lab in out[last + 1 :]) and \
                tokens[nxt].text[:1].isupper():
            out[nxt : last + 1] = ["publisher"] * (last + 1 - nxt)


def _bracket_span(tokens: Sequence[Token], opening: str, closing: str) -> tuple[int, int] | None:
    start = next((k for k, t in enumerate(tokens) if opening in t.before), None)
    if start is None:
        return None
    end = next((k for k in range(start, len(tokens)) if closing in tokens[k].after), None)
    return None if end is None else (start, end)


def _japanese_brackets(tokens: Sequence[Token], out: list[str]) -> None:
    """Japanese references mark titles with brackets: 「an article」, 『a book or a
    journal』 ("山田太郎 (2015)『日本語の文法』くろしお出版."). The names before them are
    the authors, and the words after a book's 』 up to the sentence end its publisher."""
    book = _bracket_span(tokens, "『", "』")
    article = _bracket_span(tokens, "「", "」")
    if book is None and article is None:
        return
    for span, label in ((article, "title"), (book, "container-title" if article else "title")):
        if span is not None:
            out[span[0] : span[1] + 1] = [label] * (span[1] + 1 - span[0])
    first = min(span[0] for span in (book, article) if span is not None)
    names = 0
    while names < first and _CJK.match(tokens[names].text) and out[names] != "date":
        names += 1
    if names:
        out[:names] = ["author"] * names
    if book is not None and article is None:
        k = book[1] + 1
        while k < len(tokens) and _CJK.match(tokens[k].text) and out[k] not in ("date", "pages"):
            out[k] = "publisher"
            if tokens[k].after.strip()[:1] in (".", "。", ","):
                break
            k += 1


def _editors_by_abbreviated_cue(tokens: Sequence[Token], out: list[str]) -> None:
    """Dutch and Polish "(red.)", Portuguese and Spanish "(Org.)" or "(Comp.)" after
    names: they are editors ("Jansen, P. (red.)"; "In: K. de Vries (red.),
    Geschiedenis"; "In: SANTOS, B. (Org.). Livro"). Only the abbreviated word is a
    cue, and "red" only in lowercase: "Red, Anna" is a name, "J. Org. Chem." a journal."""
    for k in range(1, len(tokens)):
        if tokens[k].text not in _OTHER_EDITOR_CUES or not tokens[k].after.startswith(".") or \
                not ("(" in tokens[k].before or ("," in tokens[k].before and
                                                tokens[k].text == "red")):
            continue
        label = out[k - 1]
        start = k - 1
        while start > 0 and out[start - 1] == label and \
                tokens[start - 1].text.lower() not in ("in", "w"):
            start -= 1
        if label == "author" or (label in ("container-title", "title") and start > 0 and
                                 tokens[start - 1].text.lower() in ("in", "w", "en")):
            out[start : k + 1] = ["editor"] * (k + 1 - start)
        elif label in ("container-title", "title"):
            # "In: SANTOS, B. (Org.). Livro": the names are the last words before the
            # cue that look like names (capitals, initials), after "In:"
            j = k - 1
            while j > start and (tokens[j - 1].text[:1].isupper() and
                                 tokens[j - 1].text.lower() not in ("in", "w", "en")):
                j -= 1
            if j > 0 and tokens[j - 1].text.lower() in ("in", "w", "en") and k - j <= 8 and \
                    any(_one_capital(t) for t in tokens[j:k]):
                out[j : k + 1] = ["editor"] * (k + 1 - j)


def _numero_sign(tokens: Sequence[Token], out: list[str]) -> None:
    """GOST's "№ 3" is the issue, whatever the labels made of it (the sign is
    punctuation to the tokenizer, so the model hardly sees it); so is French "n° 4"
    after a volume ("vol. 13, n° 4")."""
    for k, token in enumerate(tokens):
        french = token.text in ("N", "n") and token.after.strip() == "°"
        if not ("№" in token.before or french) or \
                out[k] not in ("genre", "note", "other", "volume"):
            continue
        if french and not (k > 1 and out[k - 1] == "volume" and out[k] == "volume"):
            continue  # "n° 59" alone may be all the numbering a journal has: left as read
        j = k + 1 if french else k
        if j < len(tokens) and tokens[j].text.isdigit():
            out[k : j + 1] = ["issue"] * (j + 1 - k)


#: words that introduce an issue's number ("no. 24", "Nr. 3", "Heft 2", "núm. 5")
_ISSUE_CUES = frozenset({"no", "nr", "num", "núm", "heft", "iss", "issue", "fasc"})


def _issue_number_left_out(tokens: Sequence[Token], out: list[str]) -> None:
    """"Phys .Rev .B ,vol .83 ,no .24, p. 245132": an issue's cue and number left out
    of every field, straight after the volume, with no issue labelled, are the issue."""
    if "issue" in out or "volume" not in out:
        return
    for k in range(1, len(tokens) - 1):
        if tokens[k].text.lower() in _ISSUE_CUES and out[k] in ("other", "note") and \
                out[k + 1] in ("other", "note") and tokens[k + 1].text.isdigit() and \
                out[k - 1] == "volume" and tokens[k].after.strip() in (".", ""):
            out[k : k + 2] = ["issue", "issue"]
            return


def _title_after_trailing_initials(tokens: Sequence[Token], out: list[str]) -> None:
    """GOST and Vancouver with periods: "Ivanov I. I. Istoriya Rossii. M.: Nauka" (family
    name, then initials, then the title, no comma): the first run of names ends at
    the initials, and the words after them, up to its end (a sentence end, or the
    title run going on), open the title."""
    runs = _label_runs(out, "author")
    if not runs or runs[0][0] != 0:
        return
    first, last = runs[0]
    nxt = out[last + 1] if last + 1 < len(out) else None
    if ("title" in out and nxt != "title") or _one_capital(tokens[first]) or \
            tokens[first].after.strip() or \
            tokens[last].after.strip()[:1] not in (("",) if nxt == "title" else (".",)):
        return  # initials first ("W. H. Moore"), a comma ("Marshall, I. Howard"), a name end
    for k in range(first + 1, last):
        token, word = tokens[k], tokens[k + 1]
        if not _one_capital(token):
            return  # "Daya Bay Collab. (F. P. An": more than one word before the initials
        if token.after.strip() != "." or _is_initial(word):
            continue
        if not word.text[:1].isupper() or len(word.text) < 2 or \
                word.text.lower() in _ETAL_WORDS:
            return
        rest = tokens[k + 1 : last + 1]
        if any(t.after.strip() == "," for t in rest[:-1]) or (
                len(rest) < 2 and nxt != "title"):
            return  # "Smith J. Brown, K.": more names
        out[k + 1 : last + 1] = ["title"] * len(rest)
        return


def _names_then_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A list of names written initials first ("D. Bigi and P. Gambino, Revisiting B →
    Dν, Phys. Rev. D94") whose run goes on, after a comma, into words that start with
    no initial: with no title labelled, those words are the title."""
    if "title" in out or not out or out[0] != "author" or not _is_initial(tokens[0]):
        return
    last = _label_runs(out, "author")[0][1]
    for k in range(last):
        if "," not in tokens[k].after:
            continue
        start = tokens[k + 1]
        if _is_initial(start) or start.text.lower() in ("and", "et", "&", "al"):
            continue
        segment = tokens[k + 1 : last + 1]
        words = {t.text.lower() for t in segment}
        prose = any(t.text[:1].islower() and t.text not in ("and", "und", "et", "y")
                    and not re.match(r"and[A-Z]", t.text) for t in segment) or any(
            t.text[:1].isdigit() for t in segment) or any(
            c in t.after for t in segment[:-1] for c in "→?!:")
        if (len(segment) >= 2 and prose and not words & {"et", "al"}
                and "(" not in start.before and not any(_is_initial(t) for t in segment)):
            out[k + 1 : last + 1] = ["title"] * len(segment)
        return


def _abbreviated(token: Token) -> bool:
    """A capitalised word written as an abbreviation: "Phys.", "J.", "Rept ." """
    return token.text[:1].isupper() and 2 <= len(token.text) <= 8 and token.text.isalpha() and \
        token.after.lstrip().startswith(".")


def _abbreviations_to_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """Abbreviations at the end of a title run that touch an abbreviated journal
    title ("Gartner, et al., 1978, Surv. Ophthal. 22": "Surv." is the journal's):
    they belong to the journal."""
    for k in range(len(out) - 1):
        if out[k] == "title" and out[k + 1] == "container-title" and _abbreviated(tokens[k]) \
                and _abbreviated(tokens[k + 1]):
            start = k
            while start > 0 and out[start - 1] == "title" and _abbreviated(tokens[start - 1]):
                start -= 1
            # all the title, or set off from it by a comma ("…Lattices ,Rept .Prog .Phys");
            # not the last word of a title sentence ("…Diverse Sites. Environ. Mon.")
            if start == 0 or out[start - 1] != "title" or "," in tokens[start - 1].after:
                out[start : k + 1] = ["container-title"] * (k + 1 - start)
            return


def _lone_title_before_numbers(out: Sequence[str]) -> tuple[int, int] | None:
    """The one title run, with no journal labelled, when a volume, issue or pages
    come straight after it: an article whose journal the tagger read as title."""
    if "container-title" in out:
        return None
    titles = _label_runs(out, "title")
    if len(titles) != 1:
        return None
    first, last = titles[0]
    if last + 1 >= len(out) or out[last + 1] not in ("volume", "issue", "pages"):
        return None
    return first, last


def _short_title_is_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """The only title, one or two capitalised words or abbreviations and straight
    before the volume or pages, with no journal labelled: it is the journal ("M.
    Perrin et P. Martinet. Tetrahedron, 36, 221 (1980)"; "J. Chem. Soc. 1498")."""
    lone = _lone_title_before_numbers(out)
    if lone is None:
        return
    first, last = lone
    run = tokens[first : last + 1]
    words = ("".join(t.text + t.after for t in run[:-1]) + run[-1].text).split()
    abbreviations = 2 <= len(run) <= 5 and all(_abbreviated(t) for t in run[:-1])
    short = len(words) <= 2 and all(w[:1].isupper() for w in words)
    if abbreviations or short:
        out[first : last + 1] = ["container-title"] * len(run)


def _journal_after_names(tokens: Sequence[Token], out: list[str]) -> None:
    """The first run of names ending, after its last comma, in abbreviations only,
    with the journal or the volume next (or a year, then the volume): those
    abbreviations open the journal ("S. K. Lamoreaux, Am. J. Phys. 67"; "A. J. Smits,
    J. Fluid Mech., 501"; "Mischel and Cloughesy, Brain Pathol. (2003) 13(1)")."""
    if not out or out[0] != "author":
        return
    last = _label_runs(out, "author")[0][1]
    if last + 1 >= len(out) or (out[last + 1] not in ("container-title", "volume") and not (
            out[last + 1] == "date" and last + 2 < len(out) and out[last + 2] == "volume")):
        return
    comma = max((k for k in range(last) if "," in tokens[k].after), default=None)
    if comma is None:
        return
    tail = tokens[comma + 1 : last + 1]
    if not tail or tail[0].text.lower() in _ETAL_WORDS or not all(
            t.text[:1].isupper() for t in tail):
        return
    numbers_next = "," in tail[-1].after or tokens[last + 1].text[:1].isdigit()
    if len(tail) > 1 and _abbreviated(tail[-1]) and len(tail[-1].text) >= 3 and \
            numbers_next and not _SUFFIX.match(tail[-1].text):
        # ends in an abbreviated word, which no name does: "A. J. Smits, J. Fluid Mech."
        out[comma + 1 : last + 1] = ["container-title"] * len(tail)
        return
    if not all(t.after.lstrip().startswith(".") for t in tail):
        return
    # one word: only after names written initials first ("Carson, Rachel. Silent
    # Spring" ends its names with a period too); more: an abbreviation before the last
    if (len(tail) == 1 and _is_initial(tokens[0]) and _abbreviated(tail[0])) or (
            len(tail) > 1 and any(_abbreviated(t) for t in tail[:-1])):
        out[comma + 1 : last + 1] = ["container-title"] * len(tail)


_EDITION_TAIL = frozenset({"e", "er", "re", "ème", "eme", "éd", "ed", "edn", "edition",
                           "édition", "aufl", "auflage"})


#: what opens an edition statement written as two words: "Rev. ed.", "New ed.", "2nd ed."
_EDITION_HEAD = re.compile(r"(?i)(?:rev|revised|new|enl|enlarged|expanded|corr|updated|"
                           r"abridged|\d+(?:st|nd|rd|th|e|er|re|ème|\.)?)$")


def _edition_closing_the_names(tokens: Sequence[Token], out: list[str]) -> None:
    """An edition statement in a sentence of its own right after the names is no part
    of them: "Edited by John J. Slocum and Herbert Cahoon. Rev. ed. London" (the
    "ed." is not the editors' cue)."""
    for first, last in [r for label in _NAME_LABELS for r in _label_runs(out, label)]:
        if last - first < 2 or tokens[last].text.lower() not in _EDITION_TAIL:
            continue
        head = last - 1
        if _EDITION_HEAD.match(tokens[head].text) and \
                tokens[head - 1].after.strip().startswith(".") and \
                not _is_initial(tokens[head - 1]):
            out[head : last + 1] = ["edition", "edition"]


_OPENING_EDITOR_CUES = frozenset({"ed", "eds", "edited", "hrsg", "éd", "éds"})


def _editors_opening_the_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """A publisher run that opens with an editor's cue holds the editors first, up to
    "et al." or the next comma or bracket: "…, ed. U. Delacroix et al. (Link, 1985)",
    "…, edited by U. Delacroix et al., Link, 1985"."""
    if "editor" in out:
        return
    for first, last in _label_runs(out, "publisher"):
        cue = tokens[first]
        if cue.text.lower() not in _OPENING_EDITOR_CUES or last - first < 3 or not (
                cue.after.startswith(".") or cue.text.lower() == "edited"):
            continue  # "Eds Press" is a name
        k = first + 1 + (tokens[first + 1].text.lower() == "by")
        end = None
        for j in range(k, last):
            if tokens[j].text.lower() == "al" and tokens[j - 1].text.lower() == "et":
                end = j
                break
            if any(c in tokens[j].after for c in ",(;:"):
                end = j
                break
        if end is None or not 1 <= end - k <= 10:
            continue
        if all(t.text[:1].isupper() or t.text.lower() in ("and", "et", "al", "und", "&")
               for t in tokens[k : end + 1]):
            out[first : end + 1] = ["editor"] * (end + 1 - first)


def _journal_as_last_name(tokens: Sequence[Token], out: list[str]) -> None:
    """In a reference with no title labelled, the author run's last piece that is one
    capitalised word with no initials, after names that all carry initials, and with
    the numbers next, is the journal: "Weiss R.F., Koropalov V.M., Nature, 1991"."""
    if not out or out[0] != "author" or "title" in out or "container-title" in out:
        return
    first, last = _label_runs(out, "author")[0]
    if last + 1 >= len(out) or out[last + 1] not in ("volume", "pages", "date"):
        return
    if last == first or "," not in tokens[last - 1].after or "," not in tokens[last].after:
        return
    word = tokens[last]
    if not (word.text[:1].isupper() and word.text[1:].islower() and len(word.text) > 3):
        return
    pieces: list[list[Token]] = [[]]
    for k in range(first, last):
        pieces[-1].append(tokens[k])
        if "," in tokens[k].after or ";" in tokens[k].after:
            pieces.append([])
    pieces = [p for p in pieces if p]
    if len(pieces) >= 2 and all(any(_one_capital(t) for t in p) for p in pieces):
        out[last] = "container-title"


def _number_before_bracketed_year(tokens: Sequence[Token], out: list[str]) -> None:
    """A number that is no year, read as the date before a bracketed year, is the
    pages (the volume when pages are labelled): "J. Chem. Soc. 1498 (1961)"."""
    for first, last in _label_runs(out, "date"):
        year = next((k for k in range(first + 1, last + 1) if _YEAR.match(tokens[k].text)
                     and "(" in tokens[k].before), None)
        if year is None:
            continue
        for k in range(first, year):
            if tokens[k].text.isdigit() and not _YEAR.match(tokens[k].text):
                out[k] = "pages" if "pages" not in out else (
                    "volume" if "volume" not in out else out[k])


def _vancouver_initials(token: Token) -> bool:
    """Initials written Vancouver style: "J", "DM", "EEP" (capitals, no periods)."""
    return token.text.isupper() and token.text.isalpha() and len(token.text) <= 3


def _vancouver_boundary(tokens: Sequence[Token], out: list[str]) -> None:
    """Vancouver names ("Li J, Yen C, Liaw D.") end at the first period after
    initials: words after it labelled as names are the title's ("Liaw D. PTEN, a
    putative …"), and a "Family INITIALS." opening the title right after a comma
    that closed the names is the last name ("Weiler PC, Brennan TA. Incidence")."""
    runs = _label_runs(out, "author")
    if not runs:
        return
    first, last = runs[0]
    if not (first + 1 <= last and tokens[first].text[:1].isupper() and
            _vancouver_initials(tokens[first + 1]) and
            tokens[first + 1].after.strip()[:1] == ","):
        return  # "Li J, …": not "Smith, J. R.", whose initials carry periods
    for k in range(first + 1, last):
        if _vancouver_initials(tokens[k]) and tokens[k].after.strip()[:1] == "." and \
                not _vancouver_initials(tokens[k + 1]) and last + 1 < len(out) and \
                out[last + 1] == "title":
            out[k + 1 : last + 1] = ["title"] * (last - k)
            return
    if last + 2 < len(out) and out[last + 1] == "title" and "," in tokens[last].after and \
            _vancouver_initials(tokens[last]) and tokens[last + 1].text[:1].isupper() and \
            not _vancouver_initials(tokens[last + 1]) and \
            _vancouver_initials(tokens[last + 2]) and \
            tokens[last + 2].after.strip()[:1] == "." and out[last + 2] == "title":
        out[last + 1 : last + 3] = ["author", "author"]


_GIVEN_ABBREVIATIONS = frozenset({"jr", "sr", "jun", "sen", "wm", "chas", "geo", "jas",
                                  "thos", "jos", "benj", "saml", "st", "ste"})


def _names_end_at_sentence(tokens: Sequence[Token], out: list[str]) -> None:
    """The first run of names ends at a full word closed by a period ("Apih, Elio.
    Italia: Fascismo …"): words after it labelled as names, before the title, are
    the title's."""
    runs = _label_runs(out, "author")
    if not runs:
        return
    first, last = runs[0]
    if last + 1 >= len(out) or out[last + 1] != "title":
        return
    for k in range(first + 1, last):
        token, nxt = tokens[k], tokens[k + 1]
        if (token.text.lower() == "al" and tokens[k - 1].text.lower() == "et"
                and token.after.strip().startswith(".")) or re.search(
                    r"\s[“«„\"]$", nxt.before):
            # "Sha S, Ghosh A, et al. Canagliflozin, a …", "Forbes, Christopher. “Comparison"
            out[k + 1 : last + 1] = ["title"] * (last - k)
            return
        if (token.after.strip() == "." and len(token.text) >= 3 and token.text[:1].isupper()
                and token.text[1:].islower()
                and token.text.lower() not in _GIVEN_ABBREVIATIONS
                and nxt.text[:1].isupper() and nxt.text.lower() not in _ETAL_WORDS
                and len(nxt.text) > 1 and not (nxt.text.isupper() and "," in nxt.after)):
            # not "ROUSSILLON, René. CHABERT, Catherine." (French lists), not "N.d."
            out[k + 1 : last + 1] = ["title"] * (last - k)
            return


def _direct_pieces(tokens: Sequence[Token], first: int, last: int) -> list[tuple[int, int]]:
    """Tokens ``first``..``last`` cut at commas into names written in direct order
    ("Kathryn Harriman, Paul Houston"): pieces of two or three capitalised words, the
    last piece maybe after "and"/"&"; empty if they are not such names."""
    pieces: list[tuple[int, int]] = []
    start = first
    for k in range(first, last + 1):
        word = tokens[k].text
        if k == start and word.lower() in CONNECTIVE_WORDS:
            start = k + 1
            continue
        if not (word[:1].isupper() and (word[1:].islower() or len(word) == 1)):
            return []
        if "," in tokens[k].after or "&" in tokens[k].after or k == last:
            if not 2 <= k - start + 1 <= 3 or len(tokens[start].text) < 2:
                return []
            pieces.append((start, k))
            start = k + 1
    return pieces


def _direct_names_run_into_title(tokens: Sequence[Token], out: list[str]) -> None:
    """Names in direct order that the tagger ran into the title ("Kathryn Harriman,
    Paul Houston, | Bill Senior, and Endre Suli. hp-version …"): after at least two
    such names and a comma, a title that opens with more of them, the last after
    "and", up to a period, opens with the rest of the authors."""
    runs = _label_runs(out, "author")
    if not runs or runs[0][0] != 0:
        return
    first, last = runs[0]
    if last + 1 >= len(out) or out[last + 1] != "title" or "," not in tokens[last].after:
        return
    if len(_direct_pieces(tokens, first, last)) < 2:
        return
    end = last + 1
    while end < len(tokens) and out[end] == "title" and "." not in tokens[end].after:
        end += 1
    if end >= len(tokens) - 1 or out[end] != "title" or end - last > 12:
        return
    if not any(tokens[k].text.lower() in CONNECTIVE_WORDS or "&" in tokens[k].after
               for k in range(last + 1, end)):
        return
    pieces = _direct_pieces(tokens, last + 1, end)
    if pieces and pieces[-1][1] == end:
        out[last + 1 : end + 1] = ["author"] * (end - last)


def _names_read_as_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """A journal run made of Vancouver names ("Jenkins V, Solis-Trapala I, Langridge
    C.") while another journal run follows is the authors; words after the period
    that closes the names, in the same run, open the title."""
    runs = _label_runs(out, "container-title")
    if len(runs) < 2 or "author" in out:
        return
    first, last = runs[0]
    pieces: list[tuple[int, int]] = []
    start = first
    end_of_names = None
    for k in range(first, last + 1):
        sep = tokens[k].after.strip()[:1]
        if sep == "," or k == last or (sep == "." and _vancouver_initials(tokens[k])):
            pieces.append((start, k))
            start = k + 1
            if sep == "." and k < last:
                end_of_names = k
                break
    if len(pieces) < 2 or not all(
            b > a and _vancouver_initials(tokens[b]) and tokens[a].text[:1].isupper()
            and not _vancouver_initials(tokens[a]) and b - a <= 3 for a, b in pieces):
        return
    names_end = pieces[-1][1]
    out[first : names_end + 1] = ["author"] * (names_end + 1 - first)
    if end_of_names is not None and names_end + 1 <= last and (
            last + 1 >= len(out) or out[last + 1] == "title"):
        out[names_end + 1 : last + 1] = ["title"] * (last - names_end)


def _month_day_before_year(tokens: Sequence[Token], out: list[str]) -> None:
    """A month name (and its day, before or after it) straight before a year labelled
    as the date is the date too: "J Clin Oncol. Jan 1 2011;29(1)" (not the journal's
    and a volume), "Nouvel Observateur, 1 Marzo 1976", "El País, 3 de mayo de 2001"."""
    for k in range(len(tokens) - 1):
        if out[k] == "date" or tokens[k].text.lower() not in _ANY_MONTH:
            continue
        i, j = k, k + 1
        if j + 1 < len(tokens) and tokens[j].text.lower() in _DAY_MONTH_LINKS:
            j += 1  # "3 de mayo de 2001"
        if _day(tokens[j]):
            j += 1
        else:
            before = k - 1 - (k > 1 and tokens[k - 1].text.lower() in _DAY_MONTH_LINKS)
            if before >= 0 and _day(tokens[before]) and out[before] == out[k] and \
                    not any(t.after.strip() for t in tokens[before:k]):
                i = before
        if j < len(tokens) and out[j] == "date" and _YEAR.match(tokens[j].text) and \
                (i == 0 or out[i - 1] != "title" or (
                    out[k] != "title" and "," in tokens[i - 1].after)):
            out[i:j] = ["date"] * (j - i)


#: month names in the languages the model knows, and the longer ones of the others
#: the dates are read in ("out", "set" and such short words are left out)
_ANY_MONTH = _MONTHS | {word for word in MONTH_WORDS if len(word) > 3}
#: the words between day, month and year in Spanish and Portuguese: "3 de mayo de 2001"
_DAY_MONTH_LINKS = frozenset({"de", "del"})


def _day(token: Token) -> bool:
    """A day of the month: "1", "23"."""
    return token.text.isdecimal() and len(token.text) <= 2 and 0 < int(token.text) <= 31


#: words that introduce a link ("Retrieved from", "Recuperado de", "Disponible sur")
_LINK_CUES = frozenset({
    "retrieved", "from", "recuperado", "de", "retirado", "obtenido", "disponible", "en",
    "sur", "à", "l", "adresse", "available", "at", "online", "verfügbar", "unter",
    "abgerufen", "von", "disponível", "em", "url", "consulté", "le", "accessed", "via",
})


def _link_cue(tokens: Sequence[Token], out: list[str]) -> None:
    """The words that introduce a link belong to it, not to the publisher or a note:
    "Recuperado de http://…" (they are dropped with the link's other label words)."""
    for k, label in enumerate(out):
        if label != "url" or k == 0 or out[k - 1] == "url":
            continue
        j = k
        while j > 0 and tokens[j - 1].text.lower() in _LINK_CUES and out[j - 1] != "date" \
                and not any(ch in tokens[j - 1].after for ch in ".;,"):
            j -= 1
        starts = j == 0 or any(ch in tokens[j - 1].after for ch in ".;,:")
        if j < k and starts and tokens[j].text.lower() not in (
                "de", "en", "at", "from", "von", "em", "le", "l", "à", "sur", "unter", "via"):
            out[j:k] = ["url"] * (k - j)


_SENTENCE = re.compile(r"\s*[”’»\"]?[.?!][”’»\"]?\s")  # a sentence ends after the token
_SCHEME = re.compile(r"^(?:url|doi|online)?(?:https?|ftp)$", re.I)


def _link_start_left_out(tokens: Sequence[Token], out: list[str]) -> None:
    """The start of a link PDF extraction broke apart, left out of the url run
    ("URLhttps : //doi.org/10.1007/x" read as other, other, url): up to three tokens
    before the run, joined to it by nothing but ":", "/" and ".", back to the one
    holding the scheme, are the link's."""
    for k, label in enumerate(out):
        if label != "url" or k == 0 or out[k - 1] == "url":
            continue
        j = k
        while j > 0 and k - j < 3 and out[j - 1] != "url" and \
                set(tokens[j - 1].after) <= set(" :/.") and tokens[j - 1].after.strip():
            j -= 1
            if _SCHEME.match(tokens[j].text):
                out[j:k] = ["url"] * (k - j)
                break


def _names_run_past_their_role_word(tokens: Sequence[Token], out: list[str]) -> None:
    """A run of names that goes on past its role word and the bracket closing it
    ("(G. Marino & A. Nilsson, trans.). | In L. Zhou, I. Braun, …, & E. Young (eds.)"
    read as translators up to "O. M."): what follows the bracket is the next names'
    run when one follows, the editors when it opens with "In"."""
    for first, last in [r for label in _NAME_LABELS for r in _label_runs(out, label)]:
        for k in range(first + 1, last):
            if tokens[k].text.lower() not in _CUE_ROLES or ")" not in tokens[k].after:
                continue
            nxt = out[last + 1] if last + 1 < len(out) else ""
            if nxt in _NAME_LABELS and nxt != out[k]:
                role = nxt
            elif tokens[k + 1].text.lower() in ("in", "dans"):
                role = "editor"
            else:
                break
            out[k + 1 : last + 1] = [role] * (last - k)
            break


_STATUS = frozenset({"forthcoming", "in press", "im druck", "sous presse", "to appear",
                     "in preparation", "in prep", "submitted", "under review", "accepted",
                     "n d", "nd", "s d", "o j", "sans date"})


def _bracketed_status_is_the_date(tokens: Sequence[Token], out: list[str]) -> None:
    """A bracketed status in place of the year ("Thauer (forthcoming). Does it …",
    "(in press)", "(n.d.)", "(im Druck)"), with no date labelled, is the date, not
    the start of the title."""
    if "date" in out:
        return
    for k, token in enumerate(tokens):
        if "(" not in token.before:
            continue
        for j in range(k, min(k + 3, len(tokens))):
            if ")" in tokens[j].after:
                phrase = " ".join(t.text.lower() for t in tokens[k : j + 1])
                if phrase in _STATUS:
                    out[k : j + 1] = ["date"] * (j + 1 - k)
                    return
                break


def _book_after_the_authors(tokens: Sequence[Token], out: list[str]) -> None:
    """A chapter cited without a title of its own ("J. E. Krüger, in Infant Tongues:
    The Voice of the Child, eds A. Evans …, Palgrave, 1953, pp. 697–705"): a title run
    opening with "in" straight after the authors and their comma, with no book
    labelled, is the book."""
    if "container-title" in out:
        return
    for first, last in _label_runs(out, "title"):
        if first == 0 or out[first - 1] != "author" or "," not in tokens[first - 1].after or \
                tokens[first].text.lower() not in ("in", "dans") or last == first:
            continue
        out[first : last + 1] = ["container-title"] * (last + 1 - first)
        return


def _journal_read_as_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """No container title and no place labelled, and a publisher run straight followed
    by a volume and pages ("… Annual Report of the Institute at Soka University, vol.
    20 (2017) 57–66"; "Publ. RIMS Kyoto Univ. 30 (1994), no. 3, 459-478"): the run is
    the journal the article is in."""
    if "container-title" in out or "location" in out or "pages" not in out:
        return
    runs = _label_runs(out, "publisher")
    if len(runs) != 1:
        return
    first, last = runs[0]
    after = [lab for lab in out[last + 1 :] if lab not in ("date", "other")]
    if after[:1] in (["volume"], ["issue"]) and "pages" in after and "title" in out[:first]:
        out[first : last + 1] = ["container-title"] * (last + 1 - first)


_CLOSING = frozenset({"date", "publisher", "location", "pages", "volume", "issue", "url",
                      "doi", "isbn", "edition", "genre"})
_NOT_SENTENCE_END = frozenset({"ed", "eds", "vol", "no", "nr", "pp", "p", "st", "dr", "mr", "mrs",
                               "jr", "sr", "ser", "co", "inc", "ltd", "al", "cf", "vs", "hrsg"})


def _sentence_starts(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` opens a sentence: the token before it ends with a period (or "?",
    "!") that is no initial and no common abbreviation, and ``k`` is capitalised."""
    if k == 0:
        return True
    prev = tokens[k - 1]
    return bool(_SENTENCE.match(prev.after)) and tokens[k].text[:1].isupper() and \
        len(prev.text) > 1 and prev.text.lower() not in _NOT_SENTENCE_END


def _complete_before(out: Sequence[str], k: int) -> bool:
    """Before token ``k`` stand a title (or book) and something that closes a
    reference: a date, an imprint, numbers, a link."""
    head = out[:k]
    return any(lab in ("title", "container-title") for lab in head) and any(
        lab in _CLOSING for lab in head)


def _annotation_starts_its_sentence(tokens: Sequence[Token], out: list[str]) -> None:
    """An annotation run that starts in the middle of a sentence ("Peter Owen
    Limited. Compares Agincourt, Waterloo, and | the Somme from …"), after a
    complete reference: an annotation is made of sentences, so it starts where its
    sentence does, when the few words before it hold no number or link and the
    reference plainly ended before them: the run before ran on over the sentence
    end, or a field comes a second time, or a number or link closed the reference
    ("pp. 1887–1893. Compares …", DIN's "S. 802–838 Compares …")."""
    if "annotation" not in out:
        return
    start = out.index("annotation")
    if start == 0 or _sentence_starts(tokens, start) or any(
            ch in tokens[start].before for ch in ")]"):
        return
    first, prev = tokens[start], tokens[start - 1]
    if not (first.text[:1].islower() or prev.text[:1].islower() or first.before == "-"):
        return  # "… Hilo. November | Personal troubles": no sign of a sentence cut
    k = start - 1
    while k > 0 and start - k < 10 and not _sentence_starts(tokens, k) and \
            not _after_the_numbers(tokens, out, k):
        k -= 1
    if start - k >= 10 or not _complete_before(out, k):
        return
    ended = out[k - 1] in _ENDS_A_REFERENCE and (
        _sentence_starts(tokens, k) or _after_the_numbers(tokens, out, k))
    if not ended and not (_sentence_starts(tokens, k) and (
            out[k - 1] == out[k] or out[k] in out[: k - 1])):
        return
    if any(lab in _ENDS_A_REFERENCE or lab == "edition" or tokens[j].text[:1].isdigit()
           for j, lab in enumerate(out[k:start], k)):
        return
    out[k:start] = ["annotation"] * (start - k)


_DOI_START = re.compile(r"10\.\d{4,9}/")  # a bare DOI token; links: _URL_START


def _annotation_opens_inside_the_reference(tokens: Sequence[Token], out: list[str]) -> None:
    """An annotation run that opens with the reference's last words: a link or DOI
    ("… 40-65. www.example.qc.ca/Revue.html | Lenin's final months …") is the
    reference's own, and so are the words inside a bracket the reference opened
    ("Bonn 1984 (Reha-Verlag, Heft 3 … / M. ) | Expanded from lectures …")."""
    if "annotation" not in out:
        return
    start = out.index("annotation")
    if start == 0 or start + 1 >= len(tokens):
        return
    link = tokens[start].text
    if _URL_START.match(link) or _DOI_START.match(link):
        out[start] = "doi" if _DOI_START.match(link) else "url"
        return
    text_before = "".join(t.before + t.text for t in tokens[:start])
    depth = {"(": text_before.count("(") - text_before.count(")"),
             "[": text_before.count("[") - text_before.count("]")}
    for opening, closing in (("(", ")"), ("[", "]")):
        if depth[opening] != 1:
            continue
        for k in range(start, min(start + 12, len(tokens) - 1)):
            if opening in tokens[k].before or opening in tokens[k].after:
                break  # another bracket opens first
            if closing in tokens[k].after:
                out[start : k + 1] = [out[start - 1]] * (k + 1 - start)
                return


_FIELDS_NO_LINK_IS = frozenset({"title", "container-title", "collection-title", "publisher",
                                "location", "author", "editor", "translator", "volume",
                                "issue", "pages", "date", "edition", "genre"})


def _link_read_as_a_field(tokens: Sequence[Token], out: list[str]) -> None:
    """A web address labelled as a title, journal, publisher … ("Overview of attack
    trends. http://www.cert.org/archive/pdf/attacktrends.pdf, 2002." with the link
    read as the publisher) is the URL: no such field is ever a link."""
    for k, token in enumerate(tokens):
        if out[k] in _FIELDS_NO_LINK_IS and _URL_START.match(token.text):
            out[k] = "url"


def _year_inside_the_imprint(tokens: Sequence[Token], out: list[str]) -> None:
    """No date labelled, and a year inside the imprint run ("München: C. H. Beck,
    2003. Standardwerk." read as one publisher): the year is the date, and words
    after it, past a sentence end and to the end of the text, are the annotation."""
    if "date" in out:
        return
    for k in range(1, len(tokens)):
        if out[k] in ("publisher", "location") and out[k - 1] == out[k] and \
                _YEAR.match(tokens[k].text) and "," in tokens[k - 1].after + tokens[k].before:
            label = out[k]
            out[k] = "date"
            rest = range(k + 1, len(tokens))
            if rest and all(out[j] == label for j in rest) and _SENTENCE.match(tokens[k].after):
                for j in rest:
                    out[j] = "annotation"
            return


_ENDS_A_REFERENCE = frozenset({"date", "pages", "volume", "issue", "url", "doi", "isbn"})


def _after_the_numbers(tokens: Sequence[Token], out: Sequence[str], k: int) -> bool:
    """Token ``k`` is a capitalised word straight after the reference's closing
    numbers with only a space between, as where a style ends without a period."""
    return k > 0 and out[k - 1] in ("pages", "date", "volume", "issue") and \
        tokens[k - 1].text.isdigit() and tokens[k - 1].after == " " and \
        tokens[k].text[:1].isupper()


#: the opening of a sentence on an item's publication history: "First published in
#: 1969 as …", "Originally published as …", "Published in English as …", "Later
#: reissued as …", "Reprinted as …"
_HISTORY = re.compile(
    r"(?:(?:first|originally|previously)\s+(?:published|issued|printed)|"
    r"published\s+in\s+[A-Z]\w+\s+as|(?:later\s+)?(?:reissued|republished|reprinted)\s+as)\b",
    re.I)


def _publication_history_opens_the_annotation(tokens: Sequence[Token],
                                              out: list[str]) -> None:
    """A sentence on the item's history ("Originally published as Quatre-vingt-neuf in
    1939.", "First published in 1969 as …") right before the annotation, after a
    complete reference (at a sentence start, or right after its closing numbers,
    date or link), whatever the tagger made of its words: it is the annotation's
    first sentence. The annotation is read for the original date and title as every
    annotation is."""
    if "annotation" not in out:
        return
    start = out.index("annotation")
    if "." not in tokens[start - 1].after if start else True:
        return  # the history's sentence ends where the annotation starts
    for k in range(max(1, start - 30), start):
        words = " ".join(t.text for t in tokens[k : k + 5])
        if not _HISTORY.match(words) or not _complete_before(out, k):
            continue
        if _sentence_starts(tokens, k) or out[k - 1] in _ENDS_A_REFERENCE:
            out[k:start] = ["annotation"] * (start - k)
        return


def _annotation_after_the_reference(tokens: Sequence[Token], out: list[str]) -> None:
    """A second title run after a complete reference (a title, then a date, imprint
    or numbers, the last of them just before it), at the start of a sentence, with
    nothing but note and annotation after it: prose after the reference ("… pp.
    841–880. | Inclusive fitness. Part II, in the same issue, works through the
    examples."), not a second title; so is a quoted judgement after the reference
    ("2005. | “The best history of postwar Europe,” according to the Guardian."),
    whatever the tagger made of its words."""
    runs = _label_runs(out, "title")
    if len(runs) < 2:
        return
    start = runs[-1][0]
    if not (_sentence_starts(tokens, start) or _after_the_numbers(tokens, out, start)) or \
            not _complete_before(out, start):
        return  # ("… Rennes, 2008 Introduces the Chinese Room argument.": no period)
    if out[start - 1] not in _CLOSING:
        return
    tail = out[start:]
    if any(lab not in ("title", "note", "annotation", "other") for lab in tail) and not (
            _quotation_said(tokens, start) and not any(lab in _ENDS_A_REFERENCE
                                                       for lab in tail)):
        return
    if not any(t.text.islower() and len(t.text) > 2 for t in tokens[start:]):
        return
    out[start:] = ["annotation"] * len(tail)


def _quotation_said(tokens: Sequence[Token], start: int) -> bool:
    """The text from token ``start`` opens with a quotation that a lowercase word
    follows, as a quoted judgement does ("“The best history of postwar Europe,”
    according to the Guardian"); a quoted title is followed by its book or journal."""
    if not any(q in tokens[start].before for q in "“\"«„"):
        return False
    for k in range(start, len(tokens) - 1):
        if any(q in tokens[k].after for q in "”\"»"):
            return tokens[k + 1].text[:1].islower()
    return False


def _quoted_title_read_as_annotation(tokens: Sequence[Token], out: list[str]) -> None:
    """No title and no book labelled, and an "annotation" opening with a quotation
    mark ("Miller, D. (2005). “Such stuff as dreams are made on”: how does FRBR"): the
    tagger took the title for prose after the reference. Annotations do not open with
    a quotation; the quoted title (to the end of its sentence) is the title."""
    if "title" in out or "container-title" in out or "annotation" not in out:
        return
    start = out.index("annotation")
    if not any(q in tokens[start].before for q in "“‘«„\""):
        return
    end = start
    while end + 1 < len(tokens) and not (
            _SENTENCE.match(tokens[end].after) and tokens[end + 1].text[:1].isupper()):
        end += 1
    out[start : end + 1] = ["title"] * (end + 1 - start)


def _bracketed_role_names(tokens: Sequence[Token], out: list[str]) -> None:
    """ "(Ed. Colwell, R.)" inside another run (a publisher, a book): the role word
    opens a bracket that closes within a few capitalised words; they are the names."""
    for k in range(len(tokens) - 1):
        role = _CUE_ROLES.get(tokens[k].text.lower())
        if role is None or "(" not in tokens[k].before or out[k] in _NAME_LABELS:
            continue
        end = k + 1
        while end < len(tokens) and end - k <= 8 and ")" not in tokens[end].after and (
                tokens[end].text[:1].isupper() or tokens[end].text.lower() in _LINKS):
            end += 1
        if end < len(tokens) and end - k <= 8 and ")" in tokens[end].after and \
                tokens[end].text[:1].isupper() and end > k:
            out[k : end + 1] = [role] * (end + 1 - k)
            return


_COMPANY_ABBREVIATIONS = frozenset({"inc", "ltd", "co", "corp", "bros", "univ", "pub", "publ",
                                    "pubs", "assn", "assoc", "dept", "inst", "natl", "intl"})


def _annotation_inside_the_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """The publisher run that ends the reference, with a sentence ending inside it and
    prose after ("Paris : Armand Colin. Un classique de l'histoire totale."): the
    prose is the annotation."""
    found = _label_runs(out, "publisher")
    if not found:
        return
    first, last = found[-1]
    if any(label != "annotation" for label in out[last + 1 :]):
        return
    for k in range(first, last):
        if tokens[k].after.strip() != "." or len(tokens[k].text) < 3 or \
                tokens[k].text.lower() in _COMPANY_ABBREVIATIONS:
            continue
        rest = tokens[k + 1 : last + 1]
        small = [t for t in rest if t.text.isalpha() and t.text.islower()
                 and t.text not in ORG_LINKS]
        if len(rest) >= 3 and len(small) >= 2 and rest[0].text[:1].isupper() and \
                rest[0].text.lower() not in _MONTHS:  # "Assurance. July. (Now …": a date first
            out[k + 1 : last + 1] = ["annotation"] * len(rest)
        return


_BY = frozenset({"by", "von", "par"})
_EDITION_QUALIFIERS = frozenset({"enl", "enlarged", "rev", "revised", "augm", "augmented",
                                 "expanded", "corr", "corrected", "updated", "erw", "überarb",
                                 "augmentée", "revue", "corrigée"})


def _place_without_a_mark_before_it(tokens: Sequence[Token], out: list[str]) -> None:
    """One or two words after a title with no mark between them, then a comma and a
    publisher, are the end of that title: MLA's "Notes of a Native | Son, Beacon
    Press" (a place or a publisher is set off from the title before it)."""
    for label in ("location", "publisher"):
        for first, last in _label_runs(out, label):
            if first == 0 or out[first - 1] not in ("title", "container-title") or \
                    tokens[first - 1].after != " ":
                continue
            before = first - 1
            while before > 0 and out[before - 1] == out[first - 1]:
                before -= 1
            if any(_SENTENCE.match(t.after) for t in tokens[before : first - 1]):
                continue  # the run before was cut oddly already ("Unit. Colorado … Water")
            end = next((k for k in range(first, min(first + 2, last + 1))
                        if tokens[k].after.strip() == ","), None)
            if end is None or end + 1 >= len(tokens) or \
                    (label == "location" and (end != last or out[end + 1] != "publisher")) or \
                    (label == "publisher" and end == last) or \
                    not tokens[end + 1].text[:1].isupper():
                continue
            out[first : end + 1] = [out[first - 1]] * (end + 1 - first)


def _year_ending_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A year run into the end of a title with no mark between them ("Global
    tuberculosis report 2020 [Internet]. Geneva: WHO; 2020") is the title's when the
    reference gives its date again later."""
    for _first, last in _label_runs(out, "title"):
        k = last + 1
        if k + 1 >= len(tokens) or out[k] != "date" or tokens[last].after != " " or \
                not _YEAR.match(tokens[k].text) or out[k + 1] == "date" or \
                tokens[k].after.strip()[:1] not in (".", "["):
            continue
        if any(out[j] == "date" and _YEAR.match(tokens[j].text)
               for j in range(k + 2, len(tokens))):
            out[k] = "title"
        return


def _cited_in_brackets(tokens: Sequence[Token], out: list[str]) -> None:
    """Vancouver's "[cited 2021 Mar 3]" (and "[accessed …]", "[consulté le …]") is the
    date the page was seen, whatever the labels made of it."""
    for k, token in enumerate(tokens):
        if "[" not in token.before or _ACCESS_CUE.match(token.text + " ") is None:
            continue
        end = k
        while end + 1 < len(tokens) and end - k < 8 and "]" not in tokens[end].after:
            end += 1
        if "]" in tokens[end].after and any(_YEAR.match(t.text)
                                             for t in tokens[k + 1 : end + 1]):
            out[k : end + 1] = ["accessed"] * (end + 1 - k)


def _edition_qualifier(tokens: Sequence[Token], out: list[str]) -> None:
    """ "2nd ed., enl. Chicago": a word qualifying the edition, right after it, read as
    the place (or the publisher) belongs to the edition."""
    for k in range(1, len(tokens) - 1):
        if out[k - 1] == "edition" and out[k] in ("location", "publisher") and \
                tokens[k].text.lower() in _EDITION_QUALIFIERS and \
                tokens[k].after.strip()[:1] in (".", ",") and \
                tokens[k - 1].after.strip() in (".,", ",", ".") and out[k + 1] == out[k]:
            out[k] = "edition"


def _two_roles_before_the_names(tokens: Sequence[Token], out: list[str]) -> None:
    """ "Edited and translated by James Strachey", "Hrsg. und übers. von …": the two
    role words and the names after them are one run, of the role the names were
    given (assembly gives the names both roles)."""
    for k in range(len(tokens) - 3):
        first = _CUE_ROLES.get(tokens[k].text.lower())
        if first is None:
            continue
        j = k + 1
        if tokens[j].text.lower() in ("and", "und", "et"):
            j += 1
        elif tokens[k].after.strip(" .") != "&":
            continue
        second = _CUE_ROLES.get(tokens[j].text.lower())
        if second is None or second == first:
            continue
        start = j + 1
        if start < len(tokens) and tokens[start].text.lower() in _BY:
            start += 1
        if start >= len(tokens) or out[start] not in ("editor", "translator") or \
                not tokens[start].text[:1].isupper():
            continue
        role = out[start]
        end = start
        while end + 1 < len(tokens) and out[end + 1] == role:
            end += 1
        out[k : end + 1] = [role] * (end + 1 - k)
        return


def _names_then_role_in_brackets(tokens: Sequence[Token], out: list[str]) -> None:
    """APA's "(A. Sheridan, Trans.)" and "(J. Lee & K. Roe, Eds.)" after a title: the
    names before the role word, inside the bracket, take its role; a run the labels
    carried on past the bracket to the end ("Pantheon Books.") is the publisher."""
    for k in range(1, len(tokens)):
        role = _CUE_ROLES.get(tokens[k].text.lower())
        if role is None or not tokens[k].after.lstrip(".").startswith(")"):
            continue
        last = k
        if k > 2 and tokens[k - 1].text.lower() in ("and", "und", "et") and \
                _CUE_ROLES.get(tokens[k - 2].text.lower(), role) != role:
            k -= 2  # "(E. Weinberger, Ed. and Trans.)": both roles, the first one kept
            role = _CUE_ROLES[tokens[k].text.lower()]
        elif k > 1 and tokens[k - 1].after.strip(" .") == "&" and \
                _CUE_ROLES.get(tokens[k - 1].text.lower(), role) != role:
            k -= 1  # "(E. Weinberger, Ed. & Trans.)"
            role = _CUE_ROLES[tokens[k].text.lower()]
        if tokens[k].before.strip() != ",":
            continue
        start = k - 1
        while start > 0 and k - start < 12 and "(" not in tokens[start].before:
            start -= 1
        span = tokens[start:k]
        if "(" not in tokens[start].before or not all(
                t.text[:1].isupper() or t.text.lower() in _LINKS for t in span) or \
                not any(_is_initial(t) or t.after.strip() in (",", "&") for t in span):
            continue
        out[start : last + 1] = [role] * (last + 1 - start)
        end = last + 1
        while end < len(tokens) and out[end] == role:
            end += 1
        if end > last + 1 and tokens[end - 1].after.strip()[:1] in (".", "") and \
                (end == len(tokens) or out[end] in ("note", "annotation", "url", "doi")):
            out[last + 1 : end] = ["publisher"] * (end - last - 1)
        runs = _label_runs(out, role)
        if runs and runs[0][1] < start and runs[0][0] == 0 and "title" in out[: start] and \
                "author" not in out and not _trailing_cue(tokens, runs[0][1]):
            # the names that open the reference, with no role word of their own, are
            # its authors: the labels took the role from the bracket after the title
            out[runs[0][0] : runs[0][1] + 1] = ["author"] * (runs[0][1] + 1 - runs[0][0])
        return


def _given_name_read_as_date(tokens: Sequence[Token], out: list[str]) -> None:
    """A date run that opens with a capitalised word, right after a family name and
    its comma, starts with the given name: "France, | Anatole 1923 [1895]"."""
    runs = _label_runs(out, "author")
    if not runs:
        return
    last = runs[0][1]
    k = last + 1
    if k + 1 < len(out) and out[k] == "date" and "," in tokens[last].after and \
            tokens[k].text.isalpha() and tokens[k].text[:1].isupper() and \
            tokens[k].text[1:].islower() and tokens[k].text.lower() not in _MONTHS and \
            out[k + 1] == "date" and _YEAR.match(tokens[k + 1].text):
        out[k] = "author"
        return
    # initials read as the date before a bracketed one: "Smith, | J. (in press)"
    j = k
    while j < len(out) and out[j] == "date" and _one_capital(tokens[j]) and \
            tokens[j].after.startswith("."):
        j += 1
    if j > k and "," in tokens[last].after and j < len(out) and out[j] == "date" and \
            "(" in tokens[j].before:
        out[k:j] = ["author"] * (j - k)


_NUMBER_WORDS = VOLUME_WORDS | ISSUE_WORDS | PAGE_WORDS


def _title_ends_mid_sentence(tokens: Sequence[Token], out: list[str]) -> None:
    """A title or book run that stops in the middle of its sentence (no punctuation
    after its last word) goes on over the words after it up to the next mark, when
    those were left as a note or read as the place: "Person-Centred Approaches | to
    Supervision. Ross-on-Wye", "Ministry with Searching | Youth, s.l.: Xlibris"."""
    for label in ("container-title", "title"):
        for _, last in _label_runs(out, label):
            k = last + 1
            if k >= len(out) or tokens[last].after.strip() or \
                    out[k] not in ("note", "other", "location"):
                continue
            j = k
            while j < len(out) and out[j] == out[k] and tokens[j].text.isalpha() and \
                    not tokens[j].after.strip():
                j += 1
            if any(t.text.lower() in _NUMBER_WORDS for t in tokens[k : j + 1]):
                continue  # "Vol.", "No.": the label of a number
            if j >= len(out) or out[j] != out[k] or not tokens[j].text.isalpha():
                continue
            mark = tokens[j].after.strip()[:1]
            if mark in (".", ",") and (out[k] != "location" or mark == ","):
                out[k : j + 1] = [label] * (j + 1 - k)


def _date_closing_a_run(tokens: Sequence[Token], out: list[str]) -> None:
    """With no date labelled, a journal or publisher run that ends, after a comma, in
    a year (with its month and day) ends in the date: "Mercure de France, 15 novembre
    1925, pp. 11-18"."""
    if "date" in out:
        return
    for label in ("container-title", "publisher"):
        for first, last in _label_runs(out, label):
            if not _YEAR.match(tokens[last].text) or last == first:
                continue
            k = last
            if tokens[k - 1].text.lower() in _MONTHS:
                k -= 1
                if k > first and tokens[k - 1].text.isdigit() and len(tokens[k - 1].text) <= 2:
                    k -= 1
            if k > first and "," in tokens[k - 1].after:
                out[k : last + 1] = ["date"] * (last + 1 - k)
                return


def _words_between_title_runs(tokens: Sequence[Token], out: list[str]) -> None:
    """A few words between two title runs, with no sentence end among them, read as
    something else ("… non Q MI; | results from the | 1996 | New York State … database")
    are the title's, a year among them only when another date is labelled; a bracket
    that opens a journal run and closes before a sentence end ends the title ("…
    antibody | (EVG F9). Steroids 65")."""
    titles = _label_runs(out, "title")
    for (_, end), (start, _) in itertools.pairwise(titles):
        between = range(end + 1, start)
        if not 1 <= len(between) <= 6 or any(
                out[m] not in ("publisher", "location", "date", "note", "other")
                for m in between):
            continue
        if any(tokens[m].after.strip()[:1] in (".", "?", "!", ",") for m in range(end, start)):
            continue  # a sentence end or a comma: a new element may start there
        dates = [m for m in between if out[m] == "date"]
        if dates and out.count("date") == len(dates):
            continue
        out[end + 1 : start] = ["title"] * len(between)
    journals = _label_runs(out, "container-title")
    for _, end in _label_runs(out, "title"):
        start = end + 1
        run = next(((a, b) for a, b in journals if a == start), None)
        if run is None or "(" not in tokens[start].before:
            continue
        close = next((m for m in range(start, run[1]) if ")" in tokens[m].after), None)
        if close is not None and re.match(r"\)\s*\.\s", tokens[close].after):
            out[start : close + 1] = ["title"] * (close + 1 - start)


def _journal_begins_mid_sentence(tokens: Sequence[Token], out: list[str]) -> None:
    """A journal run that starts in the middle of the title's sentence (no period
    before it) and holds a sentence end: the words up to that end are the title's
    ("… in | Utah and Colorado. Med Care 2000;38")."""
    titles = _label_runs(out, "title")
    journals = _label_runs(out, "container-title")
    if len(titles) != 1 or len(journals) != 1:
        return
    (_, end), (start, last) = titles[0], journals[0]
    if start != end + 1 or any(ch in tokens[end].after for ch in ".?!:\"”’»"):
        return
    if not any(lab in ("volume", "issue", "pages") for lab in out[last + 1 :]) and not (
            tokens[start].text.islower() and
            all(lab in ("note", "date", "other") for lab in out[last + 1 :])):
        return  # "… noble gases | in seafloor … serpentinites. Earth and Planetary Science
        # Letters (in press).": a journal starting on a small word may end the reference
    cut = None
    for k in range(start, last):
        token, nxt = tokens[k], tokens[k + 1]
        if (token.after.strip()[:1] in (".", "?", "!") and token.after.endswith(" ")
                and nxt.text[:1].isupper() and len(token.text) > 3
                and token.text.lower() not in _JOURNAL_WORDS):
            cut = k
    if cut is not None and last - cut <= 12 and any(
            t.text.islower() and len(t.text) > 2 for t in tokens[start : cut + 1]):
        out[start : cut + 1] = ["title"] * (cut + 1 - start)


def _journal_opens_on_the_titles_last_word(tokens: Sequence[Token], out: list[str]) -> None:
    """"… of ability and disability. Science as culture, 9(2), 201-240": the title's
    last sentence is a word or two run straight, with no mark, into the journal that
    follows: they open the journal."""
    titles = _label_runs(out, "title")
    journals = _label_runs(out, "container-title")
    if len(titles) != 1 or len(journals) != 1:
        return
    (first, end), (start, last) = titles[0], journals[0]
    if start != end + 1 or tokens[end].after.strip() or \
            not any(lab in ("volume", "issue", "pages") for lab in out[last + 1 :]):
        return
    for k in (end, end - 1):
        if k > first + 1 and _sentence_starts(tokens, k) and \
                all(not t.after.strip() for t in tokens[k:end]):
            if tokens[k].text.lower() in _JOURNAL_WORDS or tokens[start].text.islower():
                out[k : end + 1] = ["container-title"] * (end + 1 - k)
            return


#: The kinds of report a number follows ("Technical Report CS-95-12", "Tech. Rep. 385").
_REPORT_KINDS = frozenset({"technical", "tech", "research", "internal", "working", "report",
                           "rep", "memo", "memorandum", "paper", "note", "notes", "rapport"})
_REPORT_ENDS = frozenset({"report", "rep", "memo", "memorandum", "paper", "note", "rapport"})
_REPORT_STARTS = frozenset({"technical", "tech", "research", "internal", "working", "report",
                            "rapport"})


def _report_number(tokens: Sequence[Token], out: list[str]) -> None:
    """"Technical Report CMU-CS-90-80, Carnegie Mellon University, 1990", "Tech. Rep.
    385, …", "Report No. 1174, …": after the title, a kind of report and its number
    (digits, perhaps with capitals, joined by hyphens or slashes, up to a comma, a
    semicolon or the sentence's end) are the genre and the report's number, not the
    publisher, a container, a volume or an issue. A year alone is no number."""
    titles = _label_runs(out, "title")
    if not titles:
        return
    n = len(tokens)

    def part(t: Token) -> bool:
        return t.text.isdigit() or (t.text.isalpha() and t.text.isupper())

    k = titles[0][1] + 1
    while k < n and tokens[k].text.lower() not in _REPORT_STARTS:
        k += 1
    if k >= n:
        return
    j = k
    while j + 1 < n and tokens[j + 1].text.lower() in _REPORT_KINDS and \
            tokens[j].after.strip() in ("", "."):
        j += 1
    m = j + 1
    if tokens[j].text.lower() not in _REPORT_ENDS or m >= n:
        return
    if tokens[m].text.lower() in ("no", "nr", "number") and m + 1 < n:
        m += 1
    first = m
    if not part(tokens[m]):
        return
    while m + 1 < n and tokens[m].after.strip() in ("", "-", "–", "/", "_") and \
            part(tokens[m + 1]) and m - first < 6:
        m += 1
    number = tokens[first : m + 1]
    if not any(t.text.isdigit() for t in number) or \
            (len(number) == 1 and _YEAR.fullmatch(number[0].text)) or \
            not (m + 1 == n or tokens[m].after.strip()[:1] in (",", ".", ";")):
        return
    out[k : j + 1] = ["genre"] * (j + 1 - k)
    out[j + 1 : m + 1] = ["other"] * (m - j)


def _acronym(token: Token) -> bool:
    return len(token.text) >= 2 and token.text.isalpha() and token.text.isupper()


def _bibtex_proceedings(tokens: Sequence[Token], out: list[str]) -> None:
    """The tail of a paper in proceedings as BibTeX's standard styles print it, which
    the tagger reads into the book's title: "In Booktitle, volume 1234 of Lecture Notes
    in Computer Science, pages 10–17, …" (the volume, the series after "of", the
    pages), "…, KDD '02, pages …" (the conference's acronym and year are the book's),
    "… Processing Systems 13, pages 932–938" (a number ending the book's title and the
    pages cue read as pages: the number is the title's), and, with no title found,
    "Graphical models. In Advances …" (the sentence before "In" is the title)."""
    n = len(tokens)
    for a, b in _label_runs(out, "pages"):  # "Systems 13, pages 932–938" read as pages
        cue = next((k for k in range(a, b + 1)
                    if tokens[k].text.lower() in ("pages", "page", "pp")), None)
        if cue is not None and a < cue and a > 0 and out[a - 1] == "container-title" and \
                tokens[cue - 1].after.strip() == "," and \
                all(t.text[:1].isupper() or t.text.isdigit() for t in tokens[a:cue]):
            out[a:cue] = ["container-title"] * (cue - a)
    for a, b in _label_runs(out, "publisher"):  # "… Democratic Republic, page 188. MK"
        if a == 0 or out[a - 1] != "container-title":
            continue
        cue = next((k for k in range(a + 1, b) if tokens[k].text.lower() in ("pages", "page")
                    and tokens[k - 1].after.strip() == "," and tokens[k + 1].text.isdigit()),
                   None)
        if cue is None:
            continue
        end = cue + 1
        while end + 1 <= b and tokens[end].after.strip() in ("-", "–") and \
                tokens[end + 1].text.isdigit():
            end += 1
        if end < b and tokens[end].after.strip() == "." and \
                all(t.text[:1].isupper() for t in tokens[a:cue]):
            out[a:cue] = ["container-title"] * (cue - a)
            out[cue : end + 1] = ["pages"] * (end + 1 - cue)
    if "title" not in out:
        runs = _label_runs(out, "container-title")
        if len(runs) == 1:
            a, b = runs[0]
            cut = next((k for k in range(a + 2, b) if tokens[k].text == "In" and
                        tokens[k - 1].after.strip() == "."), None)
            if cut is not None and (a == 0 or out[a - 1] in ("author", "editor", "date")):
                out[a:cut] = ["title"] * (cut - a)
    for a, b in _label_runs(out, "container-title"):
        k = a + 1
        while k <= b:
            word = tokens[k].text.lower()
            if tokens[k].text == "volume" and tokens[k - 1].after.strip() == "," and \
                    k + 1 <= b and tokens[k + 1].text.isdigit():
                # ", volume 1234 of Lecture Notes in Computer Science,"
                end = k + 1
                out[k : end + 1] = ["volume"] * 2
                if end + 2 <= b and tokens[end + 1].text == "of" and \
                        tokens[end + 2].text[:1].isupper():
                    stop = next((j for j in range(end + 2, b + 1)
                                 if tokens[j].after.strip()[:1] in (",", ".")), b)
                    out[end + 1] = "other"  # "of", a word of the style's
                    out[end + 2 : stop + 1] = ["collection-title"] * (stop - end - 1)
                    k = stop + 1
                    continue
                k = end + 1
                continue
            if word in ("pages", "page", "pp") and tokens[k - 1].after.strip() == "," and \
                    k + 1 < n and tokens[k + 1].text.isdigit() and \
                    out[k + 1] in ("container-title", "volume", "pages"):
                # ", pages 1–8," or ", page 1372" left inside the book's title
                end = k + 1
                while end + 1 < n and tokens[end].after.strip() in ("-", "–", "—") and \
                        tokens[end + 1].text.isdigit():
                    end += 1
                out[k : end + 1] = ["pages"] * (end + 1 - k)
                k = end + 1
                continue
            k += 1
        if b + 1 < n and out[b + 1] == "volume" and _acronym(tokens[b]) and \
                len(tokens[b + 1].text) == 2 and tokens[b + 1].text.isdigit() and \
                tokens[b].after.strip() in ("'", "’", "‘") and \
                tokens[b + 1].after.strip()[:1] == ",":
            out[b + 1] = "container-title"  # "KDD '02,"
    for a, _ in _label_runs(out, "collection-title"):
        if tokens[a].text == "of" and a > 0 and out[a - 1] == "volume" and \
                tokens[a - 1].text.isdigit():
            out[a] = "other"  # "volume 3518 of Frontiers in …": the style's word


def _and_others(tokens: Sequence[Token], out: list[str]) -> None:
    """MHRA's "et al.", "and others", ends the names: "C. Kingsley and others, Travail
    du public, …" (names run on past it: the rest is the title) and "J. Park and others,
    ‘Language Models …’" (the names stopped at the initial: "Park and others" is
    theirs)."""
    n = len(tokens)
    k = next((k for k in range(2, n - 1) if tokens[k].text.lower() == "others" and
              tokens[k - 1].text.lower() in ("and", "&") and
              tokens[k].after.strip()[:1] in (",", ".")), None)
    if k is None:
        return
    if out[k] in _NAME_LABELS and out[k + 1] == out[k]:
        end = k + 1
        while end + 1 < n and out[end + 1] == out[k]:
            end += 1
        if end + 1 == n or out[end + 1] == "title" or "title" not in out:
            out[k + 1 : end + 1] = ["title"] * (end - k)
    elif out[k - 2 : k + 1] == ["title"] * 3 and k >= 3 and out[k - 3] in _NAME_LABELS and \
            _is_initial(tokens[k - 3]):
        out[k - 2 : k + 1] = [out[k - 3]] * 3


def _genre_opening_the_imprint(tokens: Sequence[Token], out: list[str]) -> None:
    """"… final report. Technical report, NHTSA, July 2007": genre words opening a
    publisher run, set off by a comma, are the genre."""
    for a, b in _label_runs(out, "publisher"):
        k = a
        while k < b and tokens[k].text.lower() in _GENRE_WORDS:
            k += 1
            if tokens[k - 1].after.strip(" ."):
                break
        if a < k <= b and tokens[k - 1].after.strip(" .") == "," and \
                tokens[k - 1].text.lower() in ("report", "paper", "thesis", "dissertation",
                                               "rapport", "rep", "preprint"):
            out[a:k] = ["genre"] * (k - a)
            return


def _edition_read_as_editor(tokens: Sequence[Token], out: list[str]) -> None:
    """A "name" run that is only an edition's words after a number ("2 e éd.", "2nd
    ed.") is the edition, number included."""
    for first, last in _label_runs(out, "editor") + _label_runs(out, "author"):
        run = tokens[first : last + 1]
        if first > 0 and tokens[first - 1].text.isdigit() and all(
                t.text.lower() in _EDITION_TAIL for t in run) and run[-1].text.lower() in (
                "éd", "ed", "edn", "edition", "édition", "aufl", "auflage"):
            out[first - 1 : last + 1] = ["edition"] * (last + 2 - first)


def _only_title(out: Sequence[str], *, container: bool = True) -> tuple[int, int] | None:
    """(first, last) of the reference's one title run; None when there is none or more
    than one, or (``container=False``) when a container is labelled too."""
    if not container and "container-title" in out:
        return None
    found = _label_runs(out, "title")
    return found[0] if len(found) == 1 else None


def _label_runs(out: Sequence[str], label: str) -> list[tuple[int, int]]:
    """(first, last) token index of each run labelled ``label``. Called by most
    repairs, so it leans on ``index`` rather than a loop over every label."""
    found: list[tuple[int, int]] = []
    if label not in out:  # most calls: a membership test is cheaper than a ValueError
        return found
    n = len(out)
    k = out.index(label)
    while True:
        j = k + 1
        while j < n and out[j] == label:
            j += 1
        found.append((k, j - 1))
        try:
            k = out.index(label, j)
        except ValueError:
            return found


def _editor_run_with_book(tokens: Sequence[Token], out: list[str]) -> None:
    """An editor run with its role word inside, no container title labelled: names
    (with initials) before the role word, the book after it ("in D.R. Goyal, ed,
    Non-Alignment: Concepts and Concerns (Delhi: …)"); or the book before it and the
    names after ("In Middle Iranian Lexicography, eds. C.G. Cereti & M. Maggi")."""
    if "container-title" in out:
        return
    initial = _one_capital
    for first, last in _label_runs(out, "editor"):
        for k in range(first + 1, last):
            word = tokens[k].text.lower()
            if _CUE_ROLES.get(word) != "editor" or tokens[k].after.strip()[:1] not in (",", "."):
                continue
            rest = tokens[k + 1 : last + 1]
            if any(_CUE_ROLES.get(t.text.lower()) for t in rest):
                return
            # names before the role word (with an initial: "D.R. Goyal, ed"), none after
            # it ("In Soins Cadres, eds. Marc Fitzgerald and …" names the editors after)
            before = [t for t in tokens[first:k] if t.text.lower() not in ("in", "dans")]
            links = ("and", "&", "und", "et", "von", "van", "de", "da", "der", "di", "du")
            if (rest[0].text[:1].isupper()
                    and any(initial(t) for t in before)
                    and all(t.text[:1].isupper() or t.text.lower() in links for t in before)
                    and not any(initial(t) for t in rest)
                    and not rest[0].after.strip().startswith(":")):  # "Cheltenham: Elgar"
                out[k + 1 : last + 1] = ["container-title"] * len(rest)
            elif (before and all(t.text[:1].isupper() or (t.text.islower() and len(t.text) <= 3)
                                 for t in before) and before[0].text[:1].isupper()
                  and not any(initial(t) for t in before)
                  and (any(initial(t) for t in rest)
                       or {t.text.lower() for t in rest} & {"and", "&", "und", "et"})):
                # the book before the role word, its editors after ("In Middle Iranian
                # Lexicography, eds. C.G. Cereti & M. Maggi")
                out[first:k] = ["container-title"] * (k - first)
            return


_PRESS_WORDS = frozenset({
    "press", "university", "universität", "université", "verlag", "publishing", "publishers",
    "publications", "books", "institute", "institut", "company", "inc", "ltd", "gmbh",
    "society", "association", "editions", "éditions", "editorial", "editora", "edizioni",
})


def _book_read_as_place(tokens: Sequence[Token], out: list[str]) -> None:
    """A place run straight after the editors, no book labelled, with a sentence
    ending inside it: the book's title ends there ("In: Meyer, Karl (Hrsg.):
    Stadtgeschichte. | Berlin: de Gruyter")."""
    if "container-title" in out:
        return
    for first, last in _label_runs(out, "location"):
        if first == 0 or out[first - 1] != "editor":
            continue
        end = next((k for k in range(first, last) if tokens[k].after.strip() == "."
                    and len(tokens[k].text) > 3), None)
        if end is not None:
            out[first : end + 1] = ["container-title"] * (end + 1 - first)
        return


_SERIES_CUES = frozenset({"coll", "collection", "série", "reihe", "series", "colección",
                          "collana"})
_SERIES_CUE = re.compile(
    r"^(?:{})\b\.?\s*".format("|".join(sorted(_SERIES_CUES, key=len, reverse=True))), re.I)


def _series_in_the_imprint(tokens: Sequence[Token], out: list[str]) -> None:
    """A series cue after a comma inside the publisher run starts the series: "Paris :
    Gallimard, coll. « Folio histoire »", "Tübingen: Mohr, Reihe Jus Publicum"."""
    for first, last in _label_runs(out, "publisher"):
        for k in range(first + 1, last):
            if tokens[k].text.lower() in _SERIES_CUES and tokens[k].before.strip() == "," \
                    and tokens[k + 1].text[:1].isupper():
                span = "".join(t.before + t.text for t in tokens[k : last + 1]) + \
                    tokens[last].after
                if span.count("«") > span.count("»") or span.count("“") > span.count("”"):
                    return  # "coll. « Fiction & Cie, 2019": where the series ends is unsure
                out[k : last + 1] = ["collection-title"] * (last + 1 - k)
                return


def _publisher_then_place(tokens: Sequence[Token], out: list[str]) -> None:
    """One publisher run, no place labelled, that names a press and then, after a
    comma, a few capitalised words: those are the place ("Delft University Press,
    Delft"; "Pioneer Press, Union City, Tennessee")."""
    found = _lone_run_with_comma(tokens, out, "publisher", "location")
    if found is None:
        return
    first, comma, last = found
    if not any(t.text.lower() in _PRESS_WORDS for t in tokens[first : comma + 1]):
        return
    rest = tokens[comma + 1 : last + 1]
    if 1 <= len(rest) <= 5 and all(t.text[:1].isupper() for t in rest) and not any(
            t.text.lower() in _PRESS_WORDS for t in rest):
        out[comma + 1 : last + 1] = ["location"] * len(rest)


def _lone_run_with_comma(tokens: Sequence[Token], out: Sequence[str], label: str,
                         absent: str) -> tuple[int, int, int] | None:
    """(first, first comma, last) of the one run labelled ``label`` when nothing is
    labelled ``absent`` and a comma parts the run: an imprint read as one field."""
    if absent in out:
        return None
    found = _label_runs(out, label)
    if len(found) != 1:
        return None
    first, last = found[0]
    comma = next((k for k in range(first, last) if tokens[k].after.strip() == ","), None)
    return None if comma is None else (first, comma, last)


def _place_then_publisher(tokens: Sequence[Token], out: list[str]) -> None:
    """One place run, no publisher labelled, that names a known place and then,
    after a comma, a few capitalised words that are no state, country or
    abbreviation: they are the publisher, set off with commas only as Italian,
    Spanish and older French lists do ("Barcelona, Laia, 1977"; "Milano,
    Bompiani")."""
    found = _lone_run_with_comma(tokens, out, "location", "publisher")
    if found is None:
        return
    first, comma, last = found
    if comma - first > 2 or tokens[first].text.lower() not in PLACE_WORDS:
        return
    rest = tokens[comma + 1 : last + 1]
    if 1 <= len(rest) <= 4 and all(
            t.text[:1].isupper() and not t.text.isupper() and not _abbreviated(t)
            and t.text.lower() not in PLACE_WORDS and t.text.lower() not in STATE_WORDS
            for t in rest):
        out[comma + 1 : last + 1] = ["publisher"] * len(rest)


def _imprint_at_its_colon(tokens: Sequence[Token], out: list[str]) -> None:
    """An imprint read as place and publisher runs cut at the wrong word, near the
    tagger's own boundary: one colon inside it parts the place from the publisher
    ("Lanham, New | York & London: University Press of America", "Valley | Forge,
    PA: Trinity"), or with no colon the last comma before the words that name a
    press ("New Delhi, Social | Science Press"). With no place labelled at all, a
    publisher run opens with the place when only the part after its first comma
    names a press ("New Delhi, Social Science Press")."""
    k = 0
    while k < len(out):
        if out[k] not in _IMPRINT_PAIR:
            k += 1
            continue
        j = k
        while j + 1 < len(out) and out[j + 1] in _IMPRINT_PAIR:
            j += 1
        colons = [m for m in range(k, j) if ":" in tokens[m].after]
        both = "location" in out[k : j + 1] and "publisher" in out[k : j + 1]
        cut = colons[0] if len(colons) == 1 else None
        at_mark = any(out[m] != out[m + 1] and tokens[m].after.strip() for m in range(k, j))
        if cut is None and not colons and out[k] == "location" and not at_mark:
            commas = [m for m in range(k, j) if tokens[m].after.strip() == ","]
            cut = next((m for m in reversed(commas) if any(
                t.text.lower() in _PRESS_WORDS for t in tokens[m + 1 : j + 1]) and not any(
                t.text.lower() in _PRESS_WORDS for t in tokens[k : m + 1])), None)
        bounds = [m for m in range(k, j) if out[m] != out[m + 1]]
        near = len(bounds) == 1 and cut is not None and abs(cut - bounds[0]) <= 3
        if both and near and cut is not None and cut - k <= 5 and not any(
                ";" in tokens[m].after for m in range(k, j)) and any(
                t.text.isalpha() and len(t.text) > 2 for t in tokens[k : cut + 1]):
            start = k  # the place starts after a bracket or a sentence end inside the run
            for m in range(k, cut):
                if ")" in tokens[m].after or tokens[m].after.strip() == ".":
                    start = m + 1
            out[start : cut + 1] = ["location"] * (cut + 1 - start)
            out[cut + 1 : j + 1] = ["publisher"] * (j - cut)
        k = j + 1
    if "location" in out:
        return
    for first, last in _label_runs(out, "publisher"):
        comma = next((m for m in range(first, last) if tokens[m].after.strip() == ","), None)
        if comma is None or comma - first > 2 or any(
                ":" in tokens[m].after for m in range(first, last)):
            continue
        head, tail = tokens[first : comma + 1], tokens[comma + 1 : last + 1]
        if not any(t.text.lower() in _PRESS_WORDS for t in head) and any(
                t.text.lower() in _PRESS_WORDS for t in tail) and len(tail) >= 2 and all(
                t.text[:1].isupper() and len(t.text) > 1 and t.text.lower() not in _CUE_ROLES
                and not any(ch in t.before + t.after for ch in "()[]") for t in head):
            out[first : comma + 1] = ["location"] * (comma + 1 - first)
        return


def _publisher_cut_at_of(tokens: Sequence[Token], out: list[str]) -> None:
    """A publisher run that ends in "of" ("University of | Bremen, Bremen") goes on
    into the place run after it, up to the first comma."""
    for _, last in _label_runs(out, "publisher"):
        if tokens[last].text.lower() not in ("of", "de", "di", "für", "du", "des", "della") \
                or last + 1 >= len(out) or out[last + 1] != "location" or \
                tokens[last].after.strip():
            continue
        k = last + 1
        while k < len(out) and out[k] == "location" and tokens[k].text[:1].isupper():
            out[k] = "publisher"
            if tokens[k].after.strip():
                break
            k += 1
        return




def _publisher_name_goes_on(tokens: Sequence[Token], out: list[str]) -> None:
    """Words left as a note straight after a publisher, with no punctuation between,
    that go on with its name ("Committee | to Protect Journalists") are the
    publisher's; so is the word after a publisher run that ends at "and", "e", "&"."""
    for _, last in _label_runs(out, "publisher"):
        k = last + 1
        if k >= len(out) or tokens[last].after.strip():
            continue
        if tokens[last].text.lower() in CONNECTIVE_WORDS and out[k] == "location" and \
                tokens[k].text[:1].isupper() and "location" in out[:last]:
            out[k] = "publisher"  # "Rio de Janeiro: Paz e | Terra": no name ends at "e"
            continue
        if _inside_brackets(tokens, last):
            j = k  # "(Doctoral dissertation, University | of Michigan)": on to the bracket
            while j < len(out) - 1 and not tokens[j].after.strip() and (
                    tokens[j].text[:1].isupper() or tokens[j].text.lower() in ORG_LINKS):
                j += 1
            if tokens[j].after.lstrip().startswith(")") and tokens[j].text[:1].isupper() and \
                    not {"location", "date"} & set(out[k : j + 1]):
                out[k : j + 1] = ["publisher"] * (j + 1 - k)
            continue
        if out[k] not in ("note", "other"):
            continue
        j = k
        while j < len(out) and out[j] == out[k] and (
                tokens[j].text[:1].isupper() or tokens[j].text.lower() in ORG_LINKS):
            if tokens[j].after.strip():
                break
            j += 1
        if j < len(out) and out[j] == out[k] and tokens[j].after.strip()[:1] in (
                ".", ",", ";") and (j + 1 >= len(out) or out[j + 1] != out[k]):
            out[k : j + 1] = ["publisher"] * (j + 1 - k)


def _inside_brackets(tokens: Sequence[Token], k: int) -> bool:
    """Whether a round bracket opened before token ``k`` is still open after it."""
    depth = 0
    for token in tokens[: k + 1]:
        depth += token.before.count("(") - token.before.count(")")
    return depth > 0


def _roles_meet_at_their_cue(tokens: Sequence[Token], out: list[str]) -> None:
    """"ed. by M. Choi and W. M. Patel, trans. by C. Michel": an editor run and the
    translator run after it (or the other way round) part where the second role's cue
    stands, after a comma: the names before the cue are the first role's, whatever
    side of it the tagger put them."""
    for first, second in (("editor", "translator"), ("translator", "editor")):
        for a, b in _label_runs(out, first):
            if b + 1 >= len(out) or out[b + 1] != second or \
                    _CUE_ROLES.get(tokens[a].text.lower()) != first:
                continue
            end = b + 1
            while end + 1 < len(out) and out[end + 1] == second:
                end += 1
            cue = next((k for k in range(b + 2, end + 1)
                        if _CUE_ROLES.get(tokens[k].text.lower()) == second and
                        tokens[k - 1].after.strip() == ","), None)
            if cue is None or cue == end or not all(
                    t.text[:1].isupper() or t.text in PARTICLES or
                    t.text.lower() in _NAMES_JOINED for t in tokens[b + 1 : cue]) or \
                    any(t.text.lower() in ("in", "dans") for t in tokens[b + 1 : cue]):
                continue  # "trans. H. Zohn. In H. Arendt, ed.": the cue closes its names
            out[b + 1 : cue] = [first] * (cue - b - 1)
            return


#: a translation's language, abbreviated between "trad." and "par": "trad. fr. par"
_TARGET_LANGUAGES = frozenset({"fr", "franç", "angl", "all", "it", "ital", "esp", "engl",
                               "dt"})


def _role_cue_inside_run(tokens: Sequence[Token], out: list[str]) -> None:
    """"Hg. v. Brigitta Oestreich", "Edited by Ann Lee", "a cura di Valentino Gerratana"
    inside a title, book or note
    run, after a sentence end: the cue is no part of the run, the capitalised words
    after it, up to the next comma, period or bracket, are the names of its role."""
    for k in range(1, len(tokens) - 2):
        role = _CUE_ROLES.get(tokens[k].text.lower())
        cue = k
        if role is None and k > 1 and tokens[k].text.lower() == "cura" and \
                tokens[k - 1].text.lower() == "a":
            role, cue = "editor", k - 1  # Italian "a cura di"
        if role is None and k > 2 and tokens[k].text.lower() == "direction" and \
                [t.text.lower() for t in tokens[k - 2 : k]] == ["sous", "la"]:
            role, cue = "editor", k - 2  # French "sous la direction de"
        by = k + 1
        if role == "translator" and tokens[by].text.lower() in _TARGET_LANGUAGES and \
                by + 2 < len(tokens) and tokens[by].after.startswith("."):
            by += 1  # "Trad. fr. par Maurice de Gandillac": the language between
        if role is None or out[k] not in ("title", "container-title", "note") or \
                tokens[by].text.lower() not in ("by", "von", "v", "par", "di", "de") or \
                out[by] != out[k] or out[by + 1] != out[k] or out[cue] != out[k]:
            continue
        if not any(ch in tokens[cue - 1].after for ch in ".,;:"):
            continue  # "… edited by" inside a sentence of the title
        end = by + 1
        while end < len(tokens) and end - k <= 7 and out[end] == out[k] and (
                tokens[end].text[:1].isupper() or tokens[end].text.lower() in _LINKS or (
                    tokens[end].text in PARTICLES and end > by + 1 and end + 1 < len(tokens)
                    and tokens[end + 1].text[:1].isupper())):  # "Maurice de Gandillac"
            if any(mark in tokens[end].after for mark in ",.:;()[]") and not (
                    _is_initial(tokens[end]) and tokens[end].after.strip() == "."):
                break  # (an initial's period goes on: "Edited by R. W. Chapman.")
            end += 1
        if end >= len(tokens) or out[end] != out[k] or end - k > 7 or \
                not tokens[end].text[:1].isupper():
            continue
        label = out[k]
        out[cue : end + 1] = [role] * (end + 1 - cue)  # the cue is read off the names
        after = end + 1
        while after < len(out) and out[after] == label:
            after += 1
        if label == "title" and end + 1 < after < len(out) and \
                out[after] in ("location", "publisher"):
            # "Edited by R. W. Chapman. Oxford World's Classics. Oxford: …": the series
            out[end + 1 : after] = ["collection-title"] * (after - end - 1)
        return


_DEGREE_LETTERS = frozenset({"m", "s", "a", "ph", "d", "b", "sc", "ma", "ms", "msc", "phd"})


#: kinds of document named in a reference's own sentence
_GENRE_PHRASES = frozenset({"press release", "news release", "personal communication",
                            "unpublished manuscript", "fact sheet", "white paper",
                            "policy brief", "working paper", "discussion paper"})
_GENRE_PHRASE_HEADS = frozenset(phrase.split()[0] for phrase in _GENRE_PHRASES)


def _genre_phrase(tokens: Sequence[Token], out: list[str]) -> bool:
    """A container, publisher or second title that is only a kind of document becomes
    the genre; whether one did."""
    for label in ("container-title", "publisher", "title"):
        for first, last in _label_runs(out, label):
            words = " ".join(t.text.lower() for t in tokens[first : last + 1])
            if words in _GENRE_PHRASES and first > 0 and \
                    tokens[first - 1].after.strip()[:1] in (".", ",") and \
                    (label != "title" or len(_label_runs(out, "title")) == 2):
                out[first : last + 1] = ["genre"] * (last + 1 - first)
                return True
    return False


def _genre_read_as_container(tokens: Sequence[Token], out: list[str]) -> None:
    """A "container" of genre words only, after a title, is the genre ("M.S. Thesis",
    "PhD dissertation", "Technical Report"), the degree's letters that end the title
    run with it. So is a container, publisher or second title that is only a kind of
    document ("… for Communications. Press Release.", "Personal communication")."""
    if "genre" in out:
        return
    if any(t.text.lower() in _GENRE_PHRASE_HEADS for t in tokens) and \
            _genre_phrase(tokens, out):
        return
    if "title" not in out:
        return
    for first, last in _label_runs(out, "container-title"):
        if not all(t.text.lower() in _GENRE_WORDS for t in tokens[first : last + 1]):
            continue
        if not any(t.text.lower() in ("thesis", "dissertation", "diss", "thèse", "report",
                                      "rapport", "mémoire", "paper")
                   for t in tokens[first : last + 1]):
            continue
        k = first
        while k > 0 and out[k - 1] == "title" and tokens[k - 1].text.lower() in _DEGREE_LETTERS \
                and len(tokens[k - 1].text) <= 3:
            k -= 1
        out[k : last + 1] = ["genre"] * (last + 1 - k)
        return


def _title_in_book(tokens: Sequence[Token], out: list[str]) -> None:
    """With no container title labelled: a second title run after "In" or after the
    editors of a book ("In D. J. Cain & J. Seeman (eds.). Humanistic Therapies. …")
    is the book; a title run holding a closed quotation, then "in" and more words
    ("“Nathaniel Hawthorne,” in Literary Criticism") is a chapter title and its book,
    also when a container run follows that is the editors' names ("“A Chapter.” In
    The Big Book, edited by | Ann Lee"): the cue is then left to name them."""
    titles = _label_runs(out, "title")
    has_container = "container-title" in out
    if len(titles) == 2 and not has_container:
        (_, end), (start, last) = titles
        between = out[end + 1 : start]
        cue = tokens[start - 1].text.lower() in ("in", "dans") if start else False
        if "editor" in between or cue:
            out[start : last + 1] = ["container-title"] * (last + 1 - start)
        return
    if len(titles) != 1:
        return
    first, last = titles[0]
    if not any(q in tokens[first].before for q in "“‘«\""):
        return  # only a title that opens with a quotation mark
    for k in range(first + 1, last - 1):
        token = tokens[k]
        if token.text.lower() in ("in", "dans") and any(
                q in tokens[k - 1].after for q in "”’»\"") and tokens[k + 1].text[:1].isupper():
            words = [t.text.lower().rstrip(".") for t in tokens[last - 1 : last + 1]]
            by_cue = len(words) == 2 and words[1] in ("by", "von", "par") and \
                words[0] in _CUE_ROLES
            if has_container and not by_cue:
                return
            out[k : last + 1] = ["container-title"] * (last + 1 - k)
            if by_cue:
                out[last - 1 : last + 1] = ["other", "other"]
            return


def _subtitle_read_as_book(tokens: Sequence[Token], out: list[str]) -> None:
    """A book's subtitle read as the book it is in ("Unsettling Opera: | Staging
    Mozart. Chicago: UP"): an unquoted title that ends at a colon, straight followed
    by a "container" with no cue of a part ("In", editors, volume, issue, pages) and
    an imprint after it, is one title. After a period the second sentence is as often
    a series: there only a sentence with no number and no series' word ("Studies",
    "Reihe" …) is the subtitle ("Die Konstruktion von Inklusion. Europäische
    Sozialpolitik aus soziologischer Perspektive. Frankfurt: Campus")."""
    titles = _label_runs(out, "title")
    books = _label_runs(out, "container-title")
    if len(titles) != 1 or len(books) != 1:
        return
    (first, end), (start, last) = titles[0], books[0]
    if start != end + 1 or any(q in tokens[first].before for q in _QUOTES):
        return
    if ":" not in tokens[end].after and not (
            tokens[end].after.strip() == "." and not any(
                t.text.lower() in _SERIES_WORDS or t.text.isdigit()
                for t in tokens[start : last + 1])
            and tokens[last].after.strip()[:1] == "."):
        return
    if any(lab in ("editor", "volume", "issue", "pages") for lab in out):
        return
    if tokens[start].text.lower() in ("in", "dans") or not any(
            lab in ("publisher", "location") for lab in out[last + 1 :]):
        return
    out[start : last + 1] = ["title"] * (last + 1 - start)


#: words of a series' name: "Oxford Studies in …", "Lecture Notes in …", "Schriftenreihe"
_SERIES_WORDS = _SERIES_CUES | {"studies", "library", "monographs", "papers", "notes",
                                "schriftenreihe", "beiträge", "cahiers", "travaux", "studi",
                                "bibliothèque", "bibliothek", "texts", "classics", "handbooks",
                                "history", "report", "reports"}


def _book_after_in_and_editors(tokens: Sequence[Token], out: list[str]) -> None:
    """ "In: Rülcker, T. (Hrsg.) Modell Berlin. Frankfurt am Main, S. 159-187": with no
    container title labelled, the sentence right after "In", the editors and their
    role word is the book, not a publisher or place; only when more of the imprint or
    the pages follow it, and it holds no colon ("Frankfurt: Campus" is an imprint)."""
    if "container-title" in out:
        return
    for first, last in _label_runs(out, "editor"):
        if tokens[first].text.lower() not in ("in", "dans") or \
                tokens[last].text.lower() not in _CUE_ROLES or last + 1 >= len(tokens):
            continue
        start = last + 1
        end = start
        while end < len(tokens) and out[end] in ("publisher", "location") and \
                ":" not in tokens[end].after and not (
                    tokens[end].after.strip()[:1] in (".", ",") and end > start):
            end += 1
        if end >= len(tokens) - 1 or out[end] not in ("publisher", "location") or \
                tokens[end].after.strip()[:1] != ".":
            return
        if not any(lab in ("location", "publisher", "pages", "date")
                   for lab in out[end + 1 :]) or end - start > 8:
            return
        out[start : end + 1] = ["container-title"] * (end + 1 - start)
        return


def _subtitle_read_as_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """An article's subtitle read as the start of its journal ("Barriers to Care: | Dry
    Eye Symptoms and Anxiety Disorders. Eye & Contact Lens, 2017"): a title ending at
    a colon, straight followed by a container run with one sentence end inside, not
    at an abbreviation: the words up to that sentence end are the title's."""
    titles = _label_runs(out, "title")
    books = _label_runs(out, "container-title")
    if len(titles) != 1 or len(books) != 1:
        return
    (_, end), (start, last) = titles[0], books[0]
    if start != end + 1 or ":" not in tokens[end].after or \
            tokens[start].text.lower() in ("in", "dans"):
        return
    cuts = [k for k in range(start, last)
            if tokens[k].after.strip()[:1] in (".", "?", "!") and "(" not in tokens[k].after
            and tokens[k + 1].text[:1].isupper() and len(tokens[k].text) > 3
            and tokens[k].text.lower() not in _JOURNAL_WORDS]
    if len(cuts) != 1:
        return
    cut = cuts[0]
    if cut - start < 1 or not any(t.text.islower() and len(t.text) > 1
                                  for t in tokens[start : cut + 1]):
        return  # one word, or words in capitals only: a journal's own full stop
    out[start : cut + 1] = ["title"] * (cut + 1 - start)


def _book_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A container title with no title and nothing of a part in a container (no
    issue or pages cited; no volume, unless a count of volumes or the volume of a
    book with its publisher or place) is the title of the work:
    "Horsley, R., ed. Hidden Transcripts. Atlanta: SBL, 2004." and "Schmidt, H.
    (Hrsg.): Geschichte Europas, 2 Bde., München: Beck 1990." are books, not
    chapters of one."""
    if "title" in out or "container-title" not in out:
        return
    if "issue" in out:
        return
    for first, last in _label_runs(out, "pages"):
        if not parse_extent(f"{tokens[first].text} {tokens[last].text}.") or last > first + 1:
            return  # pages cited, not the book's length ("450 p.")
    published = "publisher" in out or "location" in out
    for first, last in _label_runs(out, "volume"):
        if not published and not (last == first + 1 and tokens[first].text.isdigit()
                                  and tokens[last].text.lower() in _VOLUME_COUNT):
            return  # a journal's volume; one volume of a published set is the book's
    for k, label in enumerate(out):
        if label == "container-title":
            out[k] = "title"


def _split_title_and_journal(tokens: Sequence[Token], out: list[str]) -> None:
    """ "Title words. Journal Name. 2010;25(6)" read as one title (or one container
    title) with no other: the last sentence in it is the journal, the rest the title.
    Only for an article (a volume, issue or pages follows), never at an abbreviation
    ("J. Phys. Chem."), and only when what is left for the title reads like one
    (three words or more, some in lower case: not "Gen. Relat. Gravit.")."""
    for label, other in (("title", "container-title"), ("container-title", "title")):
        if label not in out or other in out:
            continue
        first = out.index(label)
        last = len(out) - 1 - out[::-1].index(label)
        if any(lab != label for lab in out[first : last + 1]):
            return  # two runs: leave it
        if not any(lab in ("volume", "issue", "pages") for lab in out[last + 1 :]):
            return
        cut = None
        for k in range(first + 1, last):
            token, nxt = tokens[k], tokens[k + 1]
            if (token.after.strip()[:1] in (".", "?", "!") and nxt.text[:1].isupper()
                    and len(token.text) > 1 and token.text.lower() not in _JOURNAL_WORDS
                    and "(" not in token.after):
                cut = k
        prose = cut is not None and cut + 1 - first >= 3 and any(
            t.text[:1].islower() and len(t.text) > 2 for t in tokens[first : cut + 1])
        if cut is not None and prose and last - cut <= 12:
            out[first : cut + 1] = ["title"] * (cut + 1 - first)
            out[cut + 1 : last + 1] = ["container-title"] * (last - cut)
        return


def _bare_abbreviations_end_the_title(tokens: Sequence[Token], out: list[str]) -> None:
    """A journal abbreviated without periods that the tagger ran into the title, with
    no journal labelled and volume or pages after ("… classification of life Proc Natl
    Acad Sci USA 93:1071-1076"): the capitalised abbreviations ending the title run
    (two at least, with "USA", "B" …) are the journal."""
    lone = _lone_title_before_numbers(out)
    if lone is None:
        return
    first, last = lone
    k = last
    known = 0
    while k > first and tokens[k].text[:1].isupper() and tokens[k].text.isalpha() and (
            tokens[k].text.lower() in _BARE_ABBREVIATIONS
            or (tokens[k].text.isupper() and len(tokens[k].text) <= 3)):
        known += tokens[k].text.lower() in _BARE_ABBREVIATIONS
        k -= 1
    if known >= 2 and k - first >= 2 and not any(
            "." in tokens[j].after for j in range(k + 1, last)):
        out[k + 1 : last + 1] = ["container-title"] * (last - k)


def _cued_names(tokens: Sequence[Token], out: Sequence[str], i: int, j: int
                ) -> tuple[int, int, str] | None:
    """A run (labelled as anything but names) that follows "edited by", "translated
    by", "hrsg. von" …: its capitalised words up to the first comma or period are the
    names of that role. Returns (first token of the cue, last name token, role)."""
    if i < 2 or out[i - 1] not in ("other", "note") or tokens[i - 1].text.lower() not in (
            "by", "von", "par"):
        return None
    role = _CUE_ROLES.get(tokens[i - 2].text.lower().rstrip("."))
    if role is None or out[i - 2] not in ("other", "note"):
        return None
    end = i
    while end <= j:
        token = tokens[end]
        if not (token.text[:1].isupper() or token.text.lower() in _LINKS):
            return None
        if any(mark in token.after for mark in ",.:;("):
            break
        end += 1
    return i - 2, min(end, j), role


def _inverted_first_name(tokens: Sequence[Token], out: list[str]) -> None:
    """ "Judt, Tony. Postwar …": a lone surname, a comma, then one or two capitalised
    words up to the first period are the first author's given names, not the title."""
    if len(out) < 4 or out[0] != "author" or out[1] == "author":
        return
    if tokens[0].after.strip() != ",":
        return
    for k in (1, 2):
        words = tokens[1 : k + 1]
        if all(w.text[:1].isupper() and w.text[1:].islower() for w in words) and \
                tokens[k].after.startswith(".") and all(
                    w.after.strip() in ("", "-") for w in words[:-1]):
            out[1 : k + 1] = ["author"] * k
            return


_CUE_ROLES = {
    **dict.fromkeys(("ed", "eds", "edited", "editor", "editors", "hrsg", "hg", "herausgegeben",
                     "éd", "éds", "dir", "coord", *(MORE_ROLE_WORDS - {"cura"})), "editor"),
    **dict.fromkeys(("trans", "transl", "translated", "translator", "translators", "übers",
                     "übersetzt", "trad", "traduit"), "translator"),
}
_LINKS = frozenset({"by", "von", "par", "and", "und", "et"})


def _trailing_cue(tokens: Sequence[Token], j: int) -> bool:
    """Whether the role word of the run ending at ``j`` follows it ("X (Hrsg.)", "X, eds.")."""
    for k in (j, j + 1):
        if k < len(tokens) and tokens[k].text.lower() in _CUE_ROLES and (
                "(" in tokens[k].before or "," in tokens[k].before):
            return True
    return False


def _role_cue(tokens: Sequence[Token], i: int, j: int) -> str | None:
    """The role a run of names has by the words around it ("Eds. X", "X (Hrsg.)", "X, ed.")."""
    k = i
    while k < j and tokens[k].text.lower() in _LINKS:
        k += 1
    near = [*tokens[max(0, i - 3) : i], tokens[i]]
    before = [t.text.lower() for t in near]
    for word, token in zip(reversed(before), reversed(near), strict=True):
        if word in _CUE_ROLES and ")" not in token.after:  # "(X, trans.). In Y": X's
            return _CUE_ROLES[word]
        if word not in _LINKS and word != before[-1]:
            break
    last = tokens[j]
    if last.text.lower() in _CUE_ROLES and ("(" in last.before or "," in last.before):
        return _CUE_ROLES[last.text.lower()]
    if j + 1 < len(tokens):
        nxt = tokens[j + 1]
        if nxt.text.lower() in _CUE_ROLES and ("(" in nxt.before or "," in nxt.before):
            return _CUE_ROLES[nxt.text.lower()]
    return None


#: labels a GB/T title and the names before it may have been read as
_IMPRINT_OR_BOOK = frozenset({"title", "location", "publisher", "container-title",
                              "collection-title"})


def _names_before_a_marked_title(tokens: Sequence[Token], labels: Sequence[str],
                                 title_end: int) -> list[str]:
    """GB/T 7714 sets its type marker right after the title: the sentence the marker
    closes is the title, and one sentence before it, read as a title, a place or a
    publisher, is the names: "National Bureau of Statistics. China Statistical
    Yearbook[EB/OL]"."""
    out = list(labels)
    last = max((k for k, t in enumerate(tokens) if t.end <= title_end), default=-1)
    if last < 1 or any(x in out for x in _NAME_LABELS):
        return out
    cut = max((k for k in range(last) if tokens[k].after.strip().startswith(".")
               and not _is_initial(tokens[k])), default=None)
    if out[last] != "title":
        # the marker closes the title whatever the tagger made of the words before
        # it, if it read them as a place, a publisher or a book
        start = 0 if cut is None else cut + 1
        if not set(out[start : last + 1]) <= _IMPRINT_OR_BOOK:
            return out
        out[start : last + 1] = ["title"] * (last + 1 - start)
    if cut is not None and len(set(out[: cut + 1])) == 1 and out[0] in _IMPRINT_OR_BOOK:
        out[: cut + 1] = ["author"] * (cut + 1)  # one sentence before the title: names
    return out


#: a report's number: "385", "CMU-CS-90-80", "1999-66", "No. 1174", "no. 703"
_REPORT_NUMBER = re.compile(
    r"(?:(?:[Nn]o|[Nn]r|[Nn]umber)\.?\s*)?[A-Z0-9][A-Z0-9/_ -]*\d[A-Z0-9/_-]*")
#: a volume and its issue joined by a period, as MHRA and MLA 7 print them: "97.3"
_VOLUME_DOT_ISSUE = re.compile(r"(\d{1,4})\.(\d{1,2})")


def assemble(text: str, tokens: Sequence[Token], labels: Sequence[str], *,
             title_end: int | None = None) -> Reference:
    """The reference the labels describe (``text`` is what the tokens index into).
    ``title_end``: where the title is known to end (a GB/T 7714 type marker)."""
    if title_end is not None:
        labels = _names_before_a_marked_title(tokens, labels, title_end)
    labels = repair(tokens, labels)
    values: dict[str, Any] = {}
    notes: list[str] = []
    diagnostics: list[Diagnostic] = []
    annotation = None
    previous = None
    for label, raw in runs(tokens, labels, text):
        if label == "annotation":
            annotation = raw.strip()
            break
        number = raw.strip(" ,.;:#")
        if label == "other" and previous == "genre" and "number" not in values and \
                _REPORT_NUMBER.fullmatch(number):  # "Technical Report CS-95-12"
            values["number"] = re.sub(r"^(?:No|Nr|Number)\.?\s*", "", number, flags=re.I)
        else:
            _field(label, raw, values, notes, diagnostics, doi_elsewhere="doi" in labels)
        previous = label
    if notes:
        values["note"] = ". ".join(notes)
    if annotation:
        for key, value in notes_from_annotation(annotation).items():
            values.setdefault(key, value)
    if "title" not in values:
        diagnostics.append(Diagnostic("no-title", "no title found", "title"))
    return Reference(
        type=_infer_type(values, set(labels)),
        annotation=annotation or None,
        source_text=text,
        diagnostics=tuple(diagnostics),
        **values,
    )
