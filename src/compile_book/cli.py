"""The ``compile-book`` command line: parse arguments, call the library, print, exit.

Every failure a user can fix is a :class:`~compile_book.errors.CompileBookError`
printed as one line on stderr with its exit code; no traceback ever reaches a
writer. Output locations go to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .diagnostics import Diagnostic, Severity
from .errors import CompileBookError

app = typer.Typer(
    name="compile-book",
    help="Compile raw fiction manuscripts into a store-ready EPUB 3 and a print-ready PDF.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    epub = "epub"
    pdf = "pdf"
    all = "all"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"compile-book {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """compile-book: raw manuscripts in, EPUB and PDF out."""


def fail(exc: CompileBookError) -> NoReturn:
    typer.echo(exc.format(), err=True)
    raise typer.Exit(exc.exit_code)


def print_diagnostics(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], verbose: bool) -> None:
    threshold = Severity.INFO if verbose else Severity.WARNING
    for d in diagnostics:
        if d.severity >= threshold:
            typer.echo(d.format(), err=True)


PathArg = Annotated[
    Path,
    typer.Argument(help="A project folder (with book.toml), a folder of manuscripts, or one file."),
]


@app.command()
def build(
    path: PathArg = Path("."),
    fmt: Annotated[
        list[Format] | None,
        typer.Option("--format", "-f", help="Output format; repeat or use 'all'. Default: epub."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Output file (one format) or folder (several)."),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show every normalisation made.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Refuse to build when the manuscript has warnings.")
    ] = False,
) -> None:
    """Compile a book to EPUB (default) and/or PDF."""
    from . import api, backends

    chosen = [f.value for f in (fmt or [Format.epub])]
    formats = list(backends.FORMATS) if "all" in chosen else chosen
    try:
        result = api.build(path, formats, output, strict=strict)
    except CompileBookError as exc:
        fail(exc)
    if not quiet:
        print_diagnostics(result.book.diagnostics, verbose)
        for out in result.outputs.values():
            typer.echo(f"wrote {_shown(out)}")


@app.command()
def tree(
    path: PathArg = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="Print the tree as JSON.")] = False,
    sources: Annotated[
        bool, typer.Option("--sources/--no-sources", help="Include source positions in JSON.")
    ] = True,
) -> None:
    """Print the document tree the parser builds (for tools and debugging)."""
    from . import api, serialize

    try:
        book = api.parse(path)
    except CompileBookError as exc:
        fail(exc)
    if as_json:
        json.dump(serialize.to_data(book, sources=sources), sys.stdout, ensure_ascii=False,
                  indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(serialize.pformat(book))


def _shown(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise SystemExit(130) from None
