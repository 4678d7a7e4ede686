"""Exceptions that stop a build, each with its exit code, defined in one place.

Only config, file and backend failures are exceptions; odd prose never is
(it becomes a :class:`~compile_book.diagnostics.Diagnostic`). The CLI prints
``str(exc)``, a single line naming the file, the place and what to do, and
exits with ``exc.exit_code``, never with a traceback.
"""

from __future__ import annotations

from .paths import printable


class CompileBookError(Exception):
    """Base class: a one-line, user-facing failure."""

    exit_code = 2

    def __init__(self, message: str, file: str | None = None, line: int = 0) -> None:
        self.message = message
        self.file = file
        self.line = line
        super().__init__(self.format())

    def format(self) -> str:
        where = ""
        if self.file:
            # A file name is never allowed to break the line or drive the terminal.
            name = printable(self.file)
            where = f"{name}:{self.line}: " if self.line else f"{name}: "
        return f"{where}error: {self.message}"


class InputError(CompileBookError):
    """A manuscript or cover is missing, unreadable, undecodable or empty."""


class ConfigError(CompileBookError):
    """``book.toml`` is malformed or fails validation."""


class OutputError(CompileBookError):
    """The output cannot be written."""


class BackendError(CompileBookError):
    """A backend (EPUB packaging, Typst) failed on a valid tree."""

    exit_code = 3


class StrictError(CompileBookError):
    """``--strict`` was given and the manuscript has warnings."""

    exit_code = 1
