"""The exception tree of yalta_refs.

Every exception the library raises on purpose derives from :class:`YaltaError`
and also from the builtin that fits, so callers may catch either::

    YaltaError
    ├── InputError (ValueError)         input that cannot be read at all
    │   ├── UnreadableFileError (OSError-like; ValueError)  missing, binary or undecodable file
    │   └── FormatError                 a malformed BibTeX/RIS/CSL-JSON entry (file, line)
    ├── ParseError (ValueError)         one reference could not be parsed (caught per item)
    ├── OutputError (OSError)           an output file could not be written
    └── ConfigError (ValueError)        a bad option, style name or setting

Pure helpers raise these; pipeline stages catch :class:`ParseError` per
reference and keep it as a diagnostic, so one bad reference never aborts a
batch. The CLI turns any :class:`YaltaError` into a one-line message and the
exit code in :attr:`YaltaError.exit_code`.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "FormatError",
    "InputError",
    "OutputError",
    "ParseError",
    "UnreadableFileError",
    "YaltaError",
]


class YaltaError(Exception):
    """Base of every deliberate yalta_refs error."""

    exit_code = 1

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.message}"


class InputError(YaltaError, ValueError):
    """Input that cannot be read."""

    exit_code = 2


class UnreadableFileError(InputError):
    """A missing, binary or undecodable input file."""


class FormatError(InputError):
    """A malformed entry in a structured format (BibTeX, RIS, CSL-JSON)."""


class ParseError(YaltaError, ValueError):
    """One reference could not be parsed; stages catch it per item."""


class OutputError(YaltaError, OSError):
    """An output file could not be written."""

    exit_code = 3


class ConfigError(YaltaError, ValueError):
    """A bad option, style name or setting."""

    exit_code = 2
