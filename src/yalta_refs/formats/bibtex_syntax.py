"""BibTeX syntax for :mod:`yalta_refs.formats.bibtex_read`: LaTeX field text to
Unicode, and the scan that cuts a file into top-level ``@type{...}`` blocks,
each parsed alone by pybtex so that one malformed entry loses nothing else.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.database.input.bibtex import DuplicateField, Parser

__all__ = ["Block", "BlockParser", "blocks", "decode_latex", "error_message", "raw_value"]

# ---------------------------------------------------------------- LaTeX text

#: Characters that must survive brace stripping and latexcodec, by placeholder.
_KEEP = {"\ufdd0": "{", "\ufdd1": "}", "\ufdd2": "\\", "\ufdd3": "~", "\ufdd4": "^",
         "\ufdd5": "$", "\ufdd6": "%", "\ufdd7": "&", "\ufdd8": "#", "\ufdd9": "_"}
_PLACEHOLDER = {char: mark for mark, char in _KEEP.items()}
_NAMED = {"textbraceleft": "{", "textbraceright": "}", "textbackslash": "\\",
          "textasciitilde": "~", "textasciicircum": "^", "textdollar": "$",
          "textunderscore": "_", "textpercent": "%", "textampersand": "&"}
_NAMED_RE = re.compile(r"\\(" + "|".join(_NAMED) + r")(?:\{\}|(?![A-Za-z])[ \t]*)")
_SYMBOL_RE = re.compile(r'\\symbol\{("[0-9A-Fa-f]+|\d+)\}')


#: What latexcodec would change: commands, math, ligatures (``--``, ``````, ``''``).
_NEEDS_CODEC = re.compile(r"[\\$`]|--|''")
#: What makes a value more than plain text.
_NOT_PLAIN = re.compile(r"[\\{}~%$`\ufdd0-\ufdd9]|--|''")
_ESCAPED = re.compile(r"\\([{}$%&#_])")
_SPACES = re.compile(r"\\\\|\\[ ,;:!]")
_PERCENT = re.compile(r"(?<!\\)%")
_TIE = re.compile(r"(?<!\\)~")
_EMPTY_ARGUMENT = re.compile(r"\\([A-Za-z]+)\s*\{\}")
_FORMATTING = re.compile(r"\\[A-Za-z]+\s*(?=\{)")
_COMMAND_NAME = re.compile(r"\\([A-Za-z]+)")


def _keep(char: str) -> str:
    return _PLACEHOLDER.get(char, char)


def _symbol(match: re.Match[str]) -> str:
    code = match.group(1)
    try:
        return _keep(chr(int(code[1:], 16) if code.startswith('"') else int(code)))
    except (ValueError, OverflowError):
        return match.group()


def _protect(text: str) -> str:
    text = _NAMED_RE.sub(lambda m: _keep(_NAMED[m.group(1)]), text)
    text = _SYMBOL_RE.sub(_symbol, text)
    text = _ESCAPED.sub(lambda m: _keep(m.group(1)), text)
    text = _SPACES.sub(" ", text).replace("\\-", "")  # \- marks a hyphenation point
    text = _PERCENT.sub(_PLACEHOLDER["%"], text)  # not a comment in a field
    return _TIE.sub(" ", text)  # a tie is a space; \~ is an accent


def decode_latex(text: str) -> str:
    """``text`` from a BibTeX field as plain Unicode: LaTeX commands decoded,
    braces dropped, whitespace collapsed (``{\\'E}mile`` -> ``Émile``)."""
    if not _NOT_PLAIN.search(text):
        return unicodedata.normalize("NFC", " ".join(text.split()))
    decoded = _protect(text)
    if _NEEDS_CODEC.search(decoded):  # latexcodec is slow; most values are plain
        with contextlib.suppress(ValueError, TypeError):  # it decodes leniently anyway
            decoded = codecs.decode(decoded, "ulatex")  # type: ignore[call-overload]
    decoded = _EMPTY_ARGUMENT.sub(r"\1", decoded)  # \LaTeX{} -> LaTeX
    decoded = _FORMATTING.sub("", decoded)  # \emph{x} -> {x}
    decoded = _COMMAND_NAME.sub(r"\1", decoded)
    decoded = decoded.replace("{", "").replace("}", "")
    decoded = "".join(_KEEP.get(ch, ch) for ch in decoded)
    return unicodedata.normalize("NFC", " ".join(decoded.split()))


def raw_value(text: str) -> str:
    """A URL or DOI: only LaTeX escapes of URL characters are undone."""
    return re.sub(r"\\([_%&#~$])", r"\1", text).strip()


# ---------------------------------------------------------------- blocks

_COMMAND = re.compile(r"@[ \t]*([A-Za-z][\w:.+-]*)[ \t\r\n]*([{(])")
_ENTRY_LINE = re.compile(r"[ \t]*@[ \t]*[A-Za-z][\w:.+-]*[ \t]*[{(]")
_DELIMITERS = re.compile(r"[{}()\n]")


@dataclass(frozen=True)
class Block:
    command: str
    text: str
    line: int
    end_line: int
    closed: bool


def _block_end(text: str, start: int, opener: str) -> tuple[int, bool]:
    """Where the block whose body starts at ``start`` ends, and whether it closed."""
    depth = 0
    for match in _DELIMITERS.finditer(text, start):
        char = match.group()
        if char == "\n":
            if _ENTRY_LINE.match(text, match.end()):
                return match.start(), False  # a new entry: this one never closed
        elif char == "{":
            depth += 1
        elif char == "}" and depth == 0 and opener == "{":
            return match.end(), True
        elif char == "}":
            depth -= 1
        elif char == ")" and depth == 0 and opener == "(":
            return match.end(), True
    return len(text), False


def blocks(text: str) -> Iterator[Block]:
    position, line = 0, 1
    while (match := _COMMAND.search(text, position)) is not None:
        line += text.count("\n", position, match.start())
        end, closed = _block_end(text, match.end(), match.group(2))
        body = text[match.start():end].rstrip()
        yield Block(match.group(1).lower(), body, line, line + body.count("\n"), closed)
        line += text.count("\n", match.start(), end)
        position = end


class BlockParser(Parser):  # type: ignore[misc]
    """pybtex's parser for one block: every error is raised, except a duplicate
    field, which keeps the first value (as BibTeX does) and is remembered."""

    def __init__(self, macros: dict[str, str]) -> None:
        super().__init__(macros=macros, person_fields=())
        self.warnings: list[str] = []

    def handle_error(self, error: Exception) -> None:
        if isinstance(error, DuplicateField):
            self.warnings.append(str(error))
            return
        raise error


def error_message(block: Block, exc: Exception) -> str:
    """pybtex's message with the line counted in the whole file, not the block."""
    message = re.sub(r"in line (\d+)", lambda m: f"in line {block.line + int(m.group(1)) - 1}",
                     str(exc))
    return f"@{block.command}: {message}"
