"""The default stages and the function that runs them.

A stage is a plain function ``Library -> Library``; :data:`DEFAULT_STAGES`
lists them in order and callers may pass their own list. Per-reference work
goes through :func:`per_reference`, which catches :class:`ParseError` for
that one reference and keeps it as data, so one bad reference never aborts
the batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from .clean.blocks import SECOND_REFERENCE, Block, split_blocks, split_lines
from .errors import ConfigError, ParseError
from .model import Diagnostic, FailedBlock, Library, Reference
from .normalize import normalize_reference
from .parse.notes import notes_from_annotation
from .parse.reference import REPEAT_AUTHOR, copy_names, parse_reference

__all__ = [
    "DEFAULT_STAGES",
    "PARSERS",
    "Parser",
    "Stage",
    "clean_text",
    "fill_repeated_names",
    "get_parser",
    "normalize_stage",
    "parse_blocks",
    "per_reference",
    "run_stages",
]

Stage = Callable[[Library], Library]
#: A parser of one cleaned reference; or its name: "rules", "crf", or "auto" (the
#: CRF for one reference, or one per line, where any style may come; for a reading
#: list, both, the better reading kept: :func:`_auto_parser`).
Parser = Callable[[str], Reference]
PARSERS = ("auto", "rules", "crf")


def get_parser(parser: str | Parser = "rules") -> Parser:
    """The parse function for a parser name ("crf" loads the model lazily; "auto",
    for one reference on its own, is the CRF, with the rules asked where it found no
    title)."""
    if callable(parser):
        return parser
    if parser == "rules":
        return parse_reference
    if parser == "auto":
        return _crf_checked
    if parser == "crf":
        from .parse.crf import parse_crf

        return parse_crf
    raise ConfigError(f"unknown parser {parser!r}; expected one of {', '.join(PARSERS)}")


#: diagnostic code: a line read one reference per line holds a second reference
SECOND_ON_THE_LINE = "second-reference-on-the-line"


#: "auto" for a reading list: the CRF's reading of a reference is taken when it
#: scores at least this much more than the rules' reading (:func:`_reading_score`) ...
AUTO_MARGIN = 10
#: ... and for every reference of the list when it is taken for this share of them
#: (the list is then in a style the rules were not made for). Both chosen on the dev
#: split read as lists of 20 and on the reading-list corpus, which must not lose a
#: field; see docs/parser.md, "Reading lists".
AUTO_LIST_SHARE = 0.05


_YEAR_IN_TEXT = re.compile(r"\b(?:1[5-9]|20)\d\d\b")


_PROSE = frozenset({"note", "annote", "abstract"})


def _reading_score(ref: Reference) -> int:
    """How much of its reference a reading explains: the words it places in fields
    (not in the note or the annotation, where a parser leaves what it cannot read),
    plus three for each name and two for each field it fills. A reading that found
    no date but holds a year inside a field has run the imprint (and whatever
    follows it) into that field ("A Revision of … Warner Bros. Pictures, 1994.
    Compares …" as one title): that field's words do not count."""
    score = 0
    for name, value in ref.items():
        if name in _PROSE:
            continue
        score += 2
        if isinstance(value, tuple):
            score += 3 * len(value)
            value = " ".join(n.display() for n in value)
        elif ref.issued is None and _YEAR_IN_TEXT.search(str(value)):
            continue
        score += len(str(value).split())
    return score


def _names_read_as_title(text: str, rules: Reference, crf: Reference) -> bool:
    """The rules found no names, the CRF found the first author where the reference
    starts, and the rules' title starts there too: the rules read the names as the
    title ("Nipperdey, Thomas: Deutsche Geschichte …", DIN), and their score counts
    those names as title words."""
    if rules.author or rules.editor or not crf.author or not rules.title:
        return False
    family = crf.author[0].family or crf.author[0].literal or ""
    return bool(family) and text.lower().startswith(family.lower()) and \
        rules.title.lower().startswith(family.lower())


def _no_title_found(crf: Reference) -> bool:
    """The CRF found names or a date, but no title of any kind and no annotation."""
    return not (crf.title or crf.container_title or crf.annotation) and \
        bool(crf.author or crf.editor or crf.issued)


def _untitled(rules: Reference | ParseError, crf: Reference | ParseError) -> bool:
    """Where the CRF reads a reference, whether the rules' reading should be taken
    instead: the CRF found no title (:func:`_no_title_found`), and the rules found
    one, read more and lost none of the CRF's fields ("Morrison, Toni. Beloved.
    Vintage, 2004." read by the CRF as one name)."""
    return isinstance(rules, Reference) and isinstance(crf, Reference) and \
        bool(rules.title) and _no_title_found(crf) and \
        _reading_score(rules) > _reading_score(crf) and \
        {name for name, _ in crf.items()} - _PROSE <= {name for name, _ in rules.items()}


def _crf_checked(text: str) -> Reference:
    """The CRF's reading of one reference, or the rules' where :func:`_untitled`
    prefers it (the rules read only the few references the CRF found no title in)."""
    from .parse.crf import parse_crf

    crf = parse_crf(text)
    if not _no_title_found(crf):
        return crf
    try:
        rules = parse_reference(text)
    except ParseError:
        return crf
    return rules if _untitled(rules, crf) else crf


def _auto_parser(blocks: Sequence[Block]) -> Parser:
    """The parse function "auto" uses for this list of blocks: both parsers read every
    reference; see :data:`AUTO_MARGIN` and :data:`AUTO_LIST_SHARE`."""
    from .parse.crf import parse_crf

    readings: dict[str, tuple[Reference | ParseError, Reference | ParseError]] = {}
    for block in blocks:
        if block.parsed is not None or block.text in readings:
            continue
        pair: list[Reference | ParseError] = []
        for reader in (parse_reference, parse_crf):
            try:
                pair.append(reader(block.text))
            except ParseError as exc:
                pair.append(exc)
        readings[block.text] = (pair[0], pair[1])

    set_apart = {block.text for block in blocks if block.annotation}

    def crf_better(text: str, rules: Reference | ParseError, crf: Reference | ParseError
                   ) -> bool:
        if isinstance(crf, ParseError) or not crf.title:
            return False
        if isinstance(rules, ParseError):
            return True
        if text in set_apart and rules.annotation and not crf.annotation:
            # the annotation stands in its own paragraph: the reference's text holds
            # none, and a reading that found one there took facts for prose
            return _reading_score(crf) >= _reading_score(rules)
        if _names_read_as_title(text, rules, crf):
            return _reading_score(crf) >= _reading_score(rules)
        return _reading_score(crf) >= _reading_score(rules) + AUTO_MARGIN

    better = {text: crf_better(text, *pair) for text, pair in readings.items()}
    whole_list = bool(better) and sum(better.values()) >= AUTO_LIST_SHARE * len(better)

    def parse(text: str) -> Reference:
        rules, crf = readings[text]
        found = crf if better[text] or (whole_list and not _untitled(rules, crf)) else rules
        if isinstance(found, ParseError):
            raise found
        return found

    return parse


def parse_blocks(
    blocks: Iterable[Block], *, keep_empty: bool = False, parser: str | Parser = "rules"
) -> Library:
    """Parse each block; a block that fails becomes a FailedBlock (or, with
    ``keep_empty``, an empty reference, so line-per-reference output stays aligned).
    ``parser="auto"`` reads the blocks as one reading list (:func:`_auto_parser`)."""
    if parser == "auto":
        blocks = list(blocks)
        parse = _auto_parser(blocks)
    else:
        parse = get_parser(parser)
    references: list[Reference] = []
    failed: list[FailedBlock] = []
    for block in blocks:
        if block.parsed is not None:
            references.append(_structured(block))
            continue
        try:
            ref = parse(block.text)
        except ParseError as exc:
            if keep_empty:
                references.append(
                    Reference(
                        type="document",
                        source_text=block.full_text,
                        span=block.span,
                        diagnostics=(Diagnostic("empty", str(exc)),),
                    )
                )
            else:
                failed.append(FailedBlock(block.full_text, str(exc), block.span))
            continue
        if block.annotation:
            ref = _with_attached_annotation(ref, block)
        if keep_empty and SECOND_REFERENCE.search(block.text):  # one reference per line
            ref = ref.with_fields(diagnostics=(*ref.diagnostics, Diagnostic(
                SECOND_ON_THE_LINE, "the line seems to hold a second reference (a '——.' "
                "repeating the author); it is read into this one")))
        references.append(ref.with_fields(span=block.span))
    return Library(tuple(references), (), tuple(failed))


def _with_attached_annotation(ref: Reference, block: Block) -> Reference:
    """``ref`` with the annotation paragraph set under it in the input: after any
    annotation the parser found in the reference's own text, and read for the notes
    it states (first published, translated by …) as any annotation is."""
    assert block.annotation is not None
    annotation = " ".join(a for a in (ref.annotation, block.annotation) if a)
    return ref.with_fields(annotation=annotation, source_text=block.full_text,
                           **_stated_in(annotation, ref))


def _stated_in(annotation: str, ref: Reference) -> dict[str, object]:
    """The fields ``annotation`` states that ``ref`` does not have yet."""
    return {k: v for k, v in notes_from_annotation(annotation).items() if not getattr(ref, k)}


def _structured(block: Block) -> Reference:
    """A reference whose fields came from markup; notes in its annotation still count."""
    assert block.parsed is not None
    ref = block.parsed.with_fields(source_text=block.text, span=block.span)
    return ref.with_fields(**_stated_in(ref.annotation, ref)) if ref.annotation else ref


def per_reference(fn: Callable[[Reference], Reference], code: str) -> Stage:
    """Make a stage from a per-reference function, rescuing each reference on its own."""

    def stage(library: Library) -> Library:
        out = []
        for ref in library.references:
            try:
                out.append(fn(ref))
            except (ParseError, ValueError) as exc:
                out.append(ref.warn(code, str(exc)))
        return library.with_references(out)

    stage.__name__ = getattr(fn, "__name__", code)
    return stage


def fill_repeated_names(library: Library) -> Library:
    """ "———." references take the names of the reference above them."""
    out: list[Reference] = []
    for ref in library.references:
        if out and any(d.code == REPEAT_AUTHOR for d in ref.diagnostics):
            ref = copy_names(ref, out[-1])
        out.append(ref)
    return library.with_references(out)


normalize_stage = per_reference(normalize_reference, "normalize-failed")


def _assign_keys(library: Library) -> Library:
    from .formats.keys import assign_keys

    return assign_keys(library)


DEFAULT_STAGES: tuple[Stage, ...] = (fill_repeated_names, normalize_stage, _assign_keys)


def run_stages(library: Library, stages: Sequence[Stage] = DEFAULT_STAGES) -> Library:
    """Apply each stage in turn."""
    for stage in stages:
        library = stage(library)
    return library


def clean_text(
    text: str,
    *,
    source: str | None = None,
    lines: bool = False,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    parser: str | Parser = "auto",
) -> Library:
    """Clean a damaged reading list and parse it into a :class:`Library`.

    ``source`` names the input in spans and messages (a file name). With
    ``lines=True`` every input line is exactly one reference, in order (empty
    lines give empty references). Text that became no reference is in
    ``Library.discarded`` with its reason and line.
    """
    if lines:
        blocks, discarded = split_lines(text, source=source)
    else:
        blocks, discarded = split_blocks(text, source=source)
    if lines and parser == "auto":
        parser = get_parser("auto")  # one reference per line, in whatever style
    library = parse_blocks(blocks, keep_empty=lines, parser=parser)
    library = Library(library.references, tuple(discarded), library.failed)
    return run_stages(library, stages)
