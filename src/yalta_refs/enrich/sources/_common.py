"""Helpers shared by the catalog clients: query values, names, dates, faults.

Everything here is pure except :class:`Lookup`, which calls the injected
``fetch`` and collects candidates and faults for one ``find`` call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

from ...model import Date, Name, Reference
from ..types import Candidate, Fault, FaultKind, HttpRequest, HttpResult, Outcome

Fetch = Callable[[HttpRequest], HttpResult]

#: Errors a mapping function may raise on a payload of an unexpected shape.
PAYLOAD_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError)


class CatalogSource:
    """Base of the catalog clients: a name, a base URL and optional credentials."""

    name = ""
    default_url = ""

    def __init__(
        self, base_url: str | None = None, *, mailto: str | None = None, key: str | None = None
    ) -> None:
        self.base_url = (base_url or self.default_url).rstrip("/")
        self.mailto = mailto
        self.key = key

    def find(self, ref: Reference, fetch: Fetch) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.base_url!r})"


#: parameters whose values are secrets, never written into a fault
SECRET_PARAMS = frozenset({"key", "api_key"})


def request_url(request: HttpRequest, *, redact: bool = False) -> str:
    """The full URL of a request, its parameters percent-encoded (secrets hidden if asked)."""
    if not request.params:
        return request.url
    params = [(k, "***" if redact and k in SECRET_PARAMS else v) for k, v in request.params]
    sep = "&" if "?" in request.url else "?"
    return f"{request.url}{sep}{urlencode(params)}"


# --------------------------------------------------------------------------- lookups


class Lookup:
    """One ``find`` call: performs requests through ``fetch``, keeps faults as data."""

    def __init__(self, source: str, fetch: Fetch) -> None:
        self.source = source
        self._fetch = fetch
        self.candidates: list[Candidate] = []
        self.faults: list[Fault] = []

    def fault(self, kind: FaultKind, message: str, request: HttpRequest | None = None) -> None:
        url = request_url(request, redact=True) if request else None
        self.faults.append(Fault(kind, message, self.source, url))

    def body(self, request: HttpRequest) -> bytes | None:
        """The body of a successful answer, or None (a fault is recorded)."""
        result = self._fetch(request)
        if result.fault is not None:
            self.faults.append(result.fault)
            return None
        status = result.status
        if status is None or not 200 <= status < 300:
            self.faults.append(status_fault(result, self.source))
            return None
        return result.body

    def json(self, request: HttpRequest) -> Any:
        """The decoded JSON of a successful answer, or None (a fault is recorded)."""
        body = self.body(request)
        if body is None:
            return None
        try:
            return json.loads(body.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self.fault("malformed", f"not JSON: {exc}", request)
            return None

    def add(self, candidate: Candidate) -> None:
        if all(c.record != candidate.record for c in self.candidates):
            self.candidates.append(candidate)

    def mapped(self, request: HttpRequest, items_of: Callable[[Any], list[dict[str, Any]]],
               map_one: Callable[[dict[str, Any]], Candidate], what: str) -> list[Candidate]:
        """Fetch ``request`` (JSON), list its records with ``items_of`` and map each
        with ``map_one``. A payload ``items_of`` rejects (ValueError) or a record that
        does not map is a "malformed" fault, no records an "empty" one; the records
        that map are returned (not yet added)."""
        payload = self.json(request)
        if payload is None:
            return []
        try:
            items = items_of(payload)
        except ValueError as exc:
            self.fault("malformed", str(exc), request)
            return []
        if not items:
            self.fault("empty", f"no {what}s found", request)
            return []
        found = []
        for item in items:
            try:
                found.append(map_one(item))
            except PAYLOAD_ERRORS as exc:
                self.fault("malformed", f"{what}: {exc}", request)
        return found

    def outcome(self) -> Outcome:
        return Outcome(tuple(self.candidates), tuple(self.faults))


def status_fault(result: HttpResult, source: str) -> Fault:
    """A fault for a non-2xx answer the fetcher passed on as a response."""
    status = result.status
    kind: FaultKind
    if status is None:
        kind = "connection"
    elif status == 404:
        kind = "not-found"
    elif status == 429:
        kind = "rate-limited"
    elif status >= 500:
        kind = "server-error"
    else:
        kind = "client-error"
    detail = error_message(result.body)
    message = f"HTTP {status}" + (f": {detail}" if detail else "")
    return Fault(kind, message, source, request_url(result.request, redact=True), status)


def error_message(body: bytes) -> str:
    """A short message from an error body (JSON ``message``/``error`` or plain text)."""
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return text[:200] if not text.startswith("<") else ""
    found: list[str] = []
    if isinstance(data, dict):
        for key in ("message", "error"):
            value = data.get(key)
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, dict) and isinstance(value.get("message"), str):
                found.append(value["message"])
            elif isinstance(value, list):
                found.extend(m["message"] for m in value if isinstance(m, dict) and "message" in m)
    return "; ".join(found)[:200]


# --------------------------------------------------------------------------- payload access


def text(value: Any) -> str | None:
    """A stripped non-empty string, or None."""
    if isinstance(value, str):
        value = re.sub(r"\s+", " ", value).strip()
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def texts(value: Any) -> list[str]:
    """Non-empty strings from a string or a list of them."""
    if isinstance(value, list):
        return [t for t in (text(v) for v in value) if t]
    single = text(value)
    return [single] if single else []


def first(value: Any) -> str | None:
    found = texts(value)
    return found[0] if found else None


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def join_title(title: str | None, subtitle: str | None) -> str | None:
    """"Title: Subtitle" (the subtitle is dropped when the title already has it)."""
    if not title:
        return subtitle
    title = title.rstrip(" :;/")
    if not subtitle or title.lower().endswith(subtitle.lower()):
        return title
    return f"{title}: {subtitle}"


# --------------------------------------------------------------------------- identifiers


def normalize_isbn(value: str | None) -> str | None:
    """An ISBN-13 (digits) from "0-14-032872-6", "9781449330064 (pbk.)", …; None if invalid."""
    if not value:
        return None
    match = re.search(r"[0-9][0-9\- ]{8,16}[0-9Xx]", value)
    if not match:
        return None
    from stdnum import isbn

    digits = re.sub(r"[^0-9Xx]", "", match.group()).upper()
    if not isbn.is_valid(digits):
        return None
    return str(isbn.to_isbn13(digits))


def isbn13s(values: Iterable[str | None]) -> tuple[str, ...]:
    """Valid ISBNs as ISBN-13, de-duplicated, in order."""
    out: list[str] = []
    for value in values:
        norm = normalize_isbn(value)
        if norm and norm not in out:
            out.append(norm)
    return tuple(out)


def isbn10(isbn13: str) -> str | None:
    """The ISBN-10 form of a 978 ISBN-13, else None."""
    from stdnum import isbn

    try:
        return str(isbn.to_isbn10(isbn13))
    except Exception:  # stdnum raises its own ValidationError for 979 ISBNs
        return None


def hyphenate_isbn(isbn13: str) -> str:
    from stdnum import isbn

    return str(isbn.format(isbn13))


def normalize_doi(value: str | None) -> str | None:
    """A bare lower-case DOI ("10.1017/…") from a DOI, doi: form or doi.org URL."""
    if not value:
        return None
    value = value.strip()
    value = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", value, flags=re.I)
    value = value.rstrip(".,;").lower()
    return value if value.startswith("10.") and "/" in value else None


def ref_isbn(ref: Reference) -> str | None:
    return normalize_isbn(ref.ISBN)


def ref_doi(ref: Reference) -> str | None:
    return normalize_doi(ref.DOI)


# --------------------------------------------------------------------------- queries


def search_title(title: str | None) -> str | None:
    """The title for a search: no subtitle, no BibTeX braces, single spaces."""
    if not title:
        return None
    title = re.sub(r"[{}]", "", title)
    main = re.split(r"\s*[:;]\s+|\s+[—–]\s+|\s*[.?!]\s+(?=[A-Z])", title, maxsplit=1)[0]
    if len(main.strip()) < 4:  # "Ur: …" alone says too little
        main = title
    return re.sub(r"\s+", " ", main).strip(" .,:;") or None


def first_family(names: Iterable[Name]) -> str | None:
    """The family name of the first name (the last word of a literal one)."""
    for name in names:
        if name.family:
            return " ".join(p for p in (name.non_dropping_particle, name.family) if p)
        if name.literal:
            return name.literal.split()[-1]
    return None


def ref_family(ref: Reference) -> str | None:
    return first_family(ref.author) or first_family(ref.editor)


def container_query(ref: Reference) -> Reference:
    """For a chapter, the book to look up: its title, editors and ISBN; else ``ref``."""
    if ref.type != "chapter" or not ref.container_title:
        return ref
    return Reference(
        type="book",
        title=ref.container_title,
        author=ref.container_author or ref.editor,
        editor=ref.editor,
        issued=ref.issued,
        publisher=ref.publisher,
        publisher_place=ref.publisher_place,
        ISBN=ref.ISBN,
    )


# --------------------------------------------------------------------------- names

_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "le", "la",
              "ten", "ter", "dos", "das", "do", "af", "zu", "vom", "des"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def name_from_display(value: str | None) -> Name | None:
    """A name in display order ("Simon Sebag Montefiore") or inverted ("Huff, Darrell").

    Unsure cases (digits, brackets, very long names) stay literal.
    """
    value = text(value)
    if not value:
        return None
    if "," in value:
        return name_from_inverted(value)
    if re.search(r"[\d()\[\]/&]", value) or len(value.split()) > 5:
        return Name(literal=value)
    words = value.split()
    suffix = None
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    if len(words) == 3 and re.search(r"(?:вич|вна|ична|vich|vna)$", words[-1], re.I):
        return Name(family=words[0], given=" ".join(words[1:]))  # Russian order, patronymic last
    start = len(words) - 1
    for i in range(1, len(words) - 1):
        if words[i].lower() in _PARTICLES:
            start = i
            break
    particle = " ".join(w for w in words[start:-1]) or None
    return Name(
        family=words[-1], given=" ".join(words[:start]), non_dropping_particle=particle,
        suffix=suffix,
    )


def name_from_inverted(value: str) -> Name | None:
    """"Family, Given, dates" (catalogue heading form) as a name; dates dropped."""
    value = re.sub(r"\([^)]*\)", " ", value)  # fuller forms "(Jonathan Alan)"
    parts = [p.strip() for p in value.split(",")]
    parts = [p for p in parts if p and not re.fullmatch(r"[\d\s?.\-–]+|active .*|b\. .*|d\. .*", p)]
    if not parts:
        return None
    family = _tidy_name_part(parts[0])
    given = _tidy_name_part(parts[1]) if len(parts) > 1 else None
    suffix = None
    if len(parts) > 2 and parts[2].lower().rstrip(".") + "." in _SUFFIXES | {"jr.", "sr."}:
        suffix = parts[2]
    if not family:
        return None
    return Name(family=family, given=given or None, suffix=suffix)


def _tidy_name_part(part: str) -> str:
    part = re.sub(r"\s+", " ", part).strip(" ,;:")
    # a final period is cataloguing punctuation, unless it ends an initial ("J. K.")
    if part.endswith(".") and not re.search(r"(?:^|[\s.])[A-Z]\.$", part):
        part = part[:-1]
    return part


def names(values: Iterable[str | None]) -> tuple[Name, ...]:
    return tuple(n for n in (name_from_display(v) for v in values) if n)


# --------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def parse_date(value: Any) -> Date | None:
    """A Date from "October 1, 1988", "2004", "[2013]", "2019-07-01", "1 Oct. 1988", 1962."""
    if isinstance(value, int) and not isinstance(value, bool):
        return Date.from_year(value) if 0 < value < 3000 else None
    raw = text(value)
    if not raw:
        return None
    iso = re.search(r"(?<!\d)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)", raw)
    if iso:
        parts = tuple(int(p) for p in iso.groups() if p)
        return Date(parts=(_valid_parts(parts),))
    year_match = re.search(r"(?<!\d)(1[0-9]\d\d|20\d\d)(?!\d)", raw)
    if not year_match:
        return Date(literal=raw)
    year = int(year_match.group(1))
    month_match = re.search(r"\b([A-Za-z]{3,9})\.?\b", raw)
    month = _MONTHS.get(month_match.group(1)[:3].lower()) if month_match else None
    if month is None:
        return Date(parts=((year,),), circa=bool(re.search(r"\b(?:ca?\.|circa)|\?", raw)))
    day_match = re.search(r"(?<![\d])([0-3]?\d)(?![\d])", raw.replace(year_match.group(1), " "))
    parts = (year, month, int(day_match.group(1))) if day_match else (year, month)
    return Date(parts=(_valid_parts(parts),))


def _valid_parts(parts: tuple[int, ...]) -> tuple[int, ...]:
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        return parts[:2]
    return parts


def date_from_parts(value: Any) -> Date | None:
    """A Date from CSL/Crossref ``{"date-parts": [[2019, 7, 1]]}``."""
    parts = as_list(as_dict(value).get("date-parts"))
    if not parts or not isinstance(parts[0], list):
        return None
    numbers = []
    for p in parts[0]:
        if isinstance(p, str) and p.isdigit():
            p = int(p)
        if not isinstance(p, int) or isinstance(p, bool):
            break
        numbers.append(p)
    return Date(parts=(_valid_parts(tuple(numbers)),)) if numbers else None


def pages_from_extent(value: str | None) -> str | None:
    """The page count from an extent statement ("xvii, 220 p. : ill." -> "220")."""
    if not value:
        return None
    match = re.search(r"(\d+)\s*(?:p\b|pp\b|pages\b|S\.|leaves\b)", value)
    return match.group(1) if match else None


_LANGUAGES = {"eng": "en", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "spa": "es",
              "ita": "it", "rus": "ru", "pol": "pl", "dan": "da", "dut": "nl", "nld": "nl",
              "swe": "sv", "nor": "no", "por": "pt", "ukr": "uk", "cze": "cs", "ces": "cs",
              "jpn": "ja", "chi": "zh", "zho": "zh", "lat": "la", "fin": "fi", "hun": "hu"}


def language_code(value: str | None) -> str | None:
    """A two-letter code for a MARC/ISO 639-2 code ("eng" -> "en"); others unchanged."""
    if not value:
        return None
    code = value.rsplit("/", 1)[-1].strip().lower()
    return _LANGUAGES.get(code, code) or None


def compact(mapping: Mapping[str, str | None]) -> dict[str, str]:
    return {k: v for k, v in mapping.items() if v}
