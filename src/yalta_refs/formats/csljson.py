"""CSL-JSON (CSL 1.0.2 data) reading and writing.

Every field of the model is written under its CSL name
(:data:`yalta_refs.model.CSL_FIELDS`); the annotation is ``annote``. What CSL
has no variable for goes into the ``custom`` object CSL 1.0.2 reserves for
extensions::

    "custom": {"provenance": {"publisher": {"source": "input", ...}},
               "extra": {"keywords": "..."}}

An ``extra`` entry whose key is itself a standard CSL variable the model does
not carry (``number-of-pages``, ``title-short`` ...) is written at the top
level instead, so citeproc processors still see it; reading puts such
variables, and anything else unknown, back into ``extra``.

Reading is tolerant: numbers where strings belong, date-parts given as
strings, ``raw`` dates and names given as plain strings (kept as literal
names) are accepted. A malformed document raises :class:`FormatError` with its
line; an item that is not an object, or whose fields cannot be read at all,
becomes a :class:`FailedBlock` and the other items are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import FormatError
from ..model import (
    CSL_DATE_FIELDS,
    CSL_FIELDS,
    CSL_NAME_FIELDS,
    Date,
    FailedBlock,
    Library,
    Name,
    Provenance,
    Reference,
    SourceSpan,
)

__all__ = ["read_csljson", "reference_from_csl", "reference_to_csl", "write_csljson"]

_NAME_KEYS = {
    "family": "family",
    "given": "given",
    "non-dropping-particle": "non_dropping_particle",
    "dropping-particle": "dropping_particle",
    "suffix": "suffix",
    "literal": "literal",
}

#: CSL 1.0.2 variables the model does not carry; kept top-level via ``extra``.


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_OTHER_CSL_NAMES = _wordset(
    "chair compiler composer contributor curator director editorial-director "
    "executive-producer guest host illustrator interviewer narrator organizer "
    "original-author performer producer recipient reviewed-author script-writer "
    "series-creator"
)
_OTHER_CSL_DATES = _wordset("available-date event-date submitted")
_OTHER_CSL_TEXT = _wordset(
    "archive archive_collection archive_location archive-place authority "
    "call-number chapter-number citation-key citation-label citation-number "
    "collection-title-short container-title-short dimensions division event "
    "event-place event-title first-reference-note-number jurisdiction keyword "
    "locator number-of-pages original-publisher original-publisher-place "
    "part-number part-title PMCID PMID printing-number references "
    "reviewed-genre reviewed-title scale section source status supplement-number "
    "title-short version volume-title volume-title-short year-suffix"
)
_OTHER_CSL = (_OTHER_CSL_NAMES | _OTHER_CSL_DATES | _OTHER_CSL_TEXT) - set(CSL_FIELDS)
_STRUCTURED = _OTHER_CSL_NAMES | _OTHER_CSL_DATES
_CUSTOM_PREFIX = "custom."

# ---------------------------------------------------------------- writing


def _name_to_csl(name: Name) -> dict[str, str]:
    if name.literal is not None:
        return {"literal": name.literal}
    out: dict[str, str] = {}
    for csl_key, attr in _NAME_KEYS.items():
        value = getattr(name, attr)
        if value:
            out[csl_key] = value
    return out


def _date_to_csl(date: Date) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if date.parts:
        out["date-parts"] = [list(part) for part in date.parts]
    if date.literal is not None:
        out["literal"] = date.literal
    if date.circa:
        out["circa"] = True
    return out


def _provenance_to_csl(provenance: Mapping[str, Provenance]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field_name, prov in sorted(provenance.items()):
        entry: dict[str, Any] = {"source": prov.source}
        for key in ("record", "score", "note"):
            value = getattr(prov, key)
            if value is not None:
                entry[key] = value
        out[field_name] = entry
    return out


def _extra_value_out(key: str, value: str) -> Any:
    """A structured value kept as JSON text in ``extra``, decoded again when that is lossless."""
    if key in _STRUCTURED or key.startswith(_CUSTOM_PREFIX):
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        if decoded is not None and _extra_value_in(decoded) == value:
            return decoded
    return value


def _place_extra(item: dict[str, Any], custom: dict[str, Any], extra: Mapping[str, str]) -> None:
    leftover: dict[str, str] = {}
    for key, value in sorted(extra.items()):
        if key in _OTHER_CSL and key not in item:
            item[key] = _extra_value_out(key, value)
        elif key.startswith(_CUSTOM_PREFIX) and key[len(_CUSTOM_PREFIX):] not in (
            "provenance", "extra"
        ):
            custom[key[len(_CUSTOM_PREFIX):]] = _extra_value_out(key, value)
        else:
            leftover[key] = value
    if leftover:
        custom["extra"] = leftover


def reference_to_csl(ref: Reference) -> dict[str, Any]:
    """``ref`` as a CSL-JSON item (a JSON-ready dict)."""
    item: dict[str, Any] = {"id": ref.id, "type": ref.type}
    for csl_name, value in ref.items():
        if csl_name == "type":
            continue
        if csl_name in CSL_NAME_FIELDS:
            item[csl_name] = [_name_to_csl(name) for name in value]
        elif csl_name in CSL_DATE_FIELDS:
            item[csl_name] = _date_to_csl(value)
        else:
            item[csl_name] = value
    custom: dict[str, Any] = {}
    if ref.provenance:
        custom["provenance"] = _provenance_to_csl(ref.provenance)
    _place_extra(item, custom, ref.extra)
    if custom:
        item["custom"] = custom
    return item


def _needs_keys(library: Library) -> bool:
    ids = [ref.id for ref in library.references]
    return any(not key for key in ids) or len({key.casefold() for key in ids}) != len(ids)


def write_csljson(library: Library, *, zotero: bool = False, ascii: bool = False) -> str:
    """The references of ``library`` as a CSL-JSON array (with a trailing newline).

    With ``zotero=True`` the annotation is also copied into ``note`` (appended
    to an existing note on a new line), since Zotero's CSL-JSON import keeps
    ``note`` but ignores ``annote``. ``ascii=True`` escapes non-ASCII text.
    """
    if _needs_keys(library):
        from .keys import assign_keys

        library = assign_keys(library)
    items = []
    for ref in library.references:
        item = reference_to_csl(ref)
        if zotero and ref.annotation:
            note = item.get("note")
            item["note"] = f"{note}\n{ref.annotation}" if note else ref.annotation
        items.append(item)
    return json.dumps(items, ensure_ascii=ascii, indent=2) + "\n"


# ---------------------------------------------------------------- reading

_RAW_DATE = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def _text(value: Any, field_name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise FormatError(f"field {field_name!r}: expected text, got a boolean")
    if isinstance(value, int | float):
        return str(value)
    raise FormatError(f"field {field_name!r}: expected text, got {type(value).__name__}")


def _name_from_csl(value: Any, field_name: str) -> Name:
    if isinstance(value, str):
        return Name(literal=value)
    if not isinstance(value, dict):
        raise FormatError(f"field {field_name!r}: a name must be an object or a string")
    parts = {
        attr: _text(value[key], field_name)
        for key, attr in _NAME_KEYS.items()
        if value.get(key) not in (None, "")
    }
    if "literal" in parts:
        return Name(literal=parts["literal"])
    return Name(**parts)


def _names_from_csl(value: Any, field_name: str) -> tuple[Name, ...]:
    values = value if isinstance(value, list) else [value]
    return tuple(_name_from_csl(v, field_name) for v in values if v not in (None, "", {}))


def _date_part(value: Any, field_name: str) -> tuple[int, ...]:
    if not isinstance(value, list):
        raise FormatError(f"field {field_name!r}: date-parts must be lists")
    numbers: list[int] = []
    for piece in value[:3]:
        try:
            numbers.append(int(str(piece).strip()))
        except ValueError:
            break  # keep the leading numeric parts ("2004", "spring" -> 2004)
    return tuple(numbers)


def _raw_date(raw: str) -> Date:
    ranges = raw.split("/")
    parts = []
    for piece in ranges[:2]:
        match = _RAW_DATE.match(piece)
        if match is None:
            return Date(literal=raw)
        parts.append(tuple(int(g) for g in match.groups() if g is not None))
    return Date(parts=tuple(parts))


def _date_from_csl(value: Any, field_name: str) -> Date:
    if isinstance(value, int) and not isinstance(value, bool):
        return Date.from_year(value)
    if isinstance(value, str):
        return _raw_date(value)
    if not isinstance(value, dict):
        raise FormatError(f"field {field_name!r}: a date must be an object")
    raw_parts = value.get("date-parts") or []
    if not isinstance(raw_parts, list):
        raise FormatError(f"field {field_name!r}: date-parts must be a list")
    parts = tuple(p for p in (_date_part(v, field_name) for v in raw_parts[:2]) if p)
    literal = value.get("literal")
    date = Date(parts=parts, literal=None if literal is None else _text(literal, field_name))
    if not date.parts and date.literal is None and value.get("raw"):
        date = _raw_date(_text(value["raw"], field_name))
    circa = value.get("circa") in (True, 1, "1", "true", "yes")
    return Date(parts=date.parts, literal=date.literal, circa=circa)


def _provenance_from_csl(value: Any) -> dict[str, Provenance]:
    out: dict[str, Provenance] = {}
    if not isinstance(value, dict):
        return out
    for field_name, entry in value.items():
        if not isinstance(entry, dict):
            continue
        score = entry.get("score")
        out[str(field_name)] = Provenance(
            source=str(entry.get("source") or "unknown"),
            record=None if entry.get("record") is None else str(entry["record"]),
            score=float(score) if isinstance(score, int | float) else None,
            note=None if entry.get("note") is None else str(entry["note"]),
        )
    return out


def _extra_value_in(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _read_custom(value: Any, extra: dict[str, str]) -> dict[str, Provenance]:
    if not isinstance(value, dict):
        extra["custom"] = _extra_value_in(value)
        return {}
    for key, inner in value.items():
        if key == "extra" and isinstance(inner, dict):
            extra.update({str(k): _extra_value_in(v) for k, v in inner.items()})
        elif key != "provenance":
            extra[_CUSTOM_PREFIX + str(key)] = _extra_value_in(inner)
    return _provenance_from_csl(value.get("provenance"))


def _field_value(csl_name: str, value: Any) -> Any:
    """The model value of one CSL field, or None when it is empty."""
    if csl_name in CSL_NAME_FIELDS:
        return _names_from_csl(value, csl_name) or None
    if csl_name in CSL_DATE_FIELDS:
        date = _date_from_csl(value, csl_name)
        return date if date.parts or date.literal is not None else None
    return _text(value, csl_name) or None


def reference_from_csl(item: Mapping[str, Any]) -> Reference:
    """The :class:`Reference` of one CSL-JSON item (inverse of :func:`reference_to_csl`).

    Raises :class:`FormatError` for a field whose value has an unusable shape.
    """
    changes: dict[str, Any] = {"id": _text(item.get("id", ""), "id")}
    changes["type"] = _text(item.get("type") or "document", "type")
    extra: dict[str, str] = {}
    provenance: dict[str, Provenance] = {}
    for key, value in item.items():
        if key in ("id", "type") or value is None:
            continue
        if key == "custom":
            provenance = _read_custom(value, extra)
        elif key in CSL_FIELDS:
            field_value = _field_value(key, value)
            if field_value is not None:
                changes[CSL_FIELDS[key]] = field_value
        else:
            extra[key] = _extra_value_in(value)
    return Reference(**changes, provenance=provenance, extra=extra)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _array_items(text: str) -> Iterator[tuple[Any, int, int]]:
    """(item, first line, last line) for each item of a top-level JSON array."""
    decoder = json.JSONDecoder()
    index = text.index("[") + 1
    while True:
        while text[index] in " \t\r\n,":
            index += 1
        if text[index] == "]":
            return
        value, end = decoder.raw_decode(text, index)
        yield value, _line_of(text, index), _line_of(text, end - 1)
        index = end


_Located = tuple[Any, int | None, int | None]


def _top_level_items(text: str, data: Any, source: str | None) -> list[_Located]:
    if isinstance(data, list):
        return list(_array_items(text))
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return [(item, None, None) for item in data["items"]]
    if isinstance(data, dict):
        return [(data, _line_of(text, text.index("{")), None)]
    raise FormatError(
        f"CSL-JSON must be an array of items or an object, not {type(data).__name__}",
        file=source,
        line=1,
    )


def _read_item(
    item: Any, index: int, span: SourceSpan | None
) -> Reference | FailedBlock:
    text = json.dumps(item, ensure_ascii=False)
    if not isinstance(item, dict):
        error = f"item {index}: expected a JSON object, got {type(item).__name__}"
        return FailedBlock(text=text, error=error, span=span)
    try:
        ref = reference_from_csl(item)
    except FormatError as exc:
        return FailedBlock(text=text, error=f"item {index}: {exc.message}", span=span)
    return ref.with_fields(span=span) if span is not None else ref


def read_csljson(text: str, *, source: str | None = None) -> Library:
    """A :class:`Library` from CSL-JSON: an array, a single item or ``{"items": [...]}``."""
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"malformed CSL-JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise FormatError(message, file=source, line=exc.lineno) from exc
    refs: list[Reference] = []
    failed: list[FailedBlock] = []
    for index, (item, line, end_line) in enumerate(_top_level_items(text, data, source)):
        span = SourceSpan(source, line, end_line) if line is not None else None
        result = _read_item(item, index, span)
        if isinstance(result, FailedBlock):
            failed.append(result)
        else:
            refs.append(result)
    return Library(references=tuple(refs), failed=tuple(failed))
