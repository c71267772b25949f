"""File input and output: the only module of the core that touches the disk.

Reading: :func:`read_text_file` decodes a file (or ``-`` for stdin) and turns
every way that can fail into an :class:`~yalta_refs.errors.UnreadableFileError`
naming the file. Writing: :func:`write_output` writes atomically (a temporary
file in the same folder, then ``os.replace``), so a failed run never leaves a
half-written bibliography behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import OutputError, UnreadableFileError
from .model import Library

__all__ = ["clean_file", "decode_bytes", "read_file", "read_text_file", "write_output"]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode input bytes: a BOM's encoding, else UTF-8, else the one given."""
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise UnreadableFileError(f"cannot decode as {encoding}: {exc}", file=name) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:8192]:
        raise UnreadableFileError("binary file (it holds NUL bytes), not text", file=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UnreadableFileError(
            f"not valid UTF-8 (byte {data[exc.start]:#04x}); give its encoding with --encoding",
            file=name,
            line=line,
        ) from None


def read_text_file(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The text of a file, or of stdin for ``-``."""
    name = os.fspath(path)
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>", encoding)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise UnreadableFileError("no such file", file=name) from None
    except IsADirectoryError:
        raise UnreadableFileError("is a directory, not a file", file=name) from None
    except OSError as exc:
        raise UnreadableFileError(exc.strerror or str(exc), file=name) from None
    return decode_bytes(data, name, encoding)


def clean_file(
    path: str | os.PathLike[str], *, lines: bool = False, encoding: str | None = None
) -> Library:
    """Read a damaged reading list from a file and clean it."""
    from .pipeline import clean_text

    name = os.fspath(path)
    return clean_text(
        read_text_file(name, encoding), source="<stdin>" if name == "-" else name, lines=lines
    )


def read_file(path: str | os.PathLike[str], fmt: str | None = None, *, lines: bool = False,
              encoding: str | None = None) -> Library:
    """Read a bibliography in any format we read (guessed from name and content
    when ``fmt`` is None): BibTeX, BibLaTeX, RIS, CSL-JSON, or a damaged list."""
    from .formats import read_format

    name = os.fspath(path)
    source = "<stdin>" if name == "-" else name
    return read_format(read_text_file(name, encoding), fmt, source=source, lines=lines)


def write_output(text: str, path: str | os.PathLike[str] | None) -> None:
    """Write to a file atomically, or to stdout when ``path`` is None or ``-``."""
    if path is None or os.fspath(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.",
            suffix=".tmp",
            dir=target.parent if str(target.parent) else ".",
        )
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc), file=os.fspath(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(exc.strerror or str(exc), file=os.fspath(path)) from None
