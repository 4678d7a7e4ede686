"""How the command line speaks: one line per error, diagnostics on stderr, paths as typed.

Split from :mod:`compile_book.cli` so the build command's own runs
(:mod:`compile_book.clibuild`) print exactly as every other command does. Every
string a user's file or folder name reaches passes through
:func:`~compile_book.paths.printable`: a control character in a name must never
reach the terminal.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import NoReturn

import typer

from .diagnostics import Diagnostic, Severity
from .errors import CompileBookError
from .paths import printable

__all__ = ["fail", "print_diagnostics", "print_json", "shown"]


def fail(exc: CompileBookError) -> NoReturn:
    # Several problems of one file are one line each; nothing else may break a line.
    typer.echo(printable(exc.format(), keep_newlines=True), err=True)
    raise typer.Exit(exc.exit_code)


def print_diagnostics(
    diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], verbose: bool
) -> None:
    threshold = Severity.INFO if verbose else Severity.WARNING
    for d in diagnostics:
        if d.severity >= threshold:
            typer.echo(printable(d.format()), err=True)


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def shown(path: Path) -> str:
    """A path as the command line prints it: relative when inside the working folder,
    with control characters escaped (:func:`~compile_book.paths.printable`)."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return printable(str(path))
    return printable(rel if not rel.startswith("..") else str(path))
