"""The ``compile-book`` command line: parse arguments, call the library, print, exit.

Every failure a user can fix is a :class:`~compile_book.errors.CompileBookError`
printed as one line on stderr with its exit code; no traceback ever reaches a
writer. Output locations go to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__, clicoerce
from .clibuild import config_used, print_checks, release, watch_build
from .cliprint import fail, print_diagnostics, print_json, shown
from .errors import CompileBookError, StrictError
from .paths import printable
from .signals import Interrupted
from .signals import install as install_signals

#: Exit status for a bug in compile-book itself (BSD's EX_SOFTWARE).
INTERNAL_ERROR_EXIT = 70

app = typer.Typer(
    name="compile-book",
    help="Compile raw fiction manuscripts into a store-ready EPUB 3 and a print-ready PDF.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


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


PathArg = Annotated[
    Path,
    typer.Argument(help="A project folder (with book.toml), a folder of manuscripts, or one file."),
]


@app.command()
def build(
    path: PathArg = Path("."),
    fmt: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="epub, kepub, kindle, azw3, pdf, cover, cover-proof, manuscript, "
            "manuscript-pdf, or all (epub and pdf); a list (epub,pdf) or repeated. "
            "Default: from -o's extension, else epub.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file (one format) or folder (several); - for standard output.",
        ),
    ] = None,
    edition: Annotated[
        list[str] | None,
        typer.Option("--edition", "-e", help="Build this edition of book.toml; repeat."),
    ] = None,
    all_editions: Annotated[
        bool, typer.Option("--all-editions", help="Build every edition book.toml declares.")
    ] = False,
    check_outputs: Annotated[
        bool,
        typer.Option(
            "--check", help="Read back every file written and check it (EPUBCheck, KDP's rules)."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show every normalisation made.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Refuse to build when the manuscript has warnings.")
    ] = False,
    watch: Annotated[
        bool,
        typer.Option(
            "--watch", "-w", help="Rebuild whenever a manuscript, book.toml or the cover changes."
        ),
    ] = False,
) -> None:
    """Compile a book: an EPUB by default, any other format with -f, or its editions."""
    from . import api
    from .formats import parse_formats
    from .output import is_stdout, is_stream
    from .progress import BuildProgress

    if edition or all_editions:
        release(path, edition, output, strict=strict, quiet=quiet, verify=check_outputs)
        return
    try:
        formats = parse_formats(fmt, output)
    except CompileBookError as exc:
        fail(exc)
    if watch:
        watch_build(path, formats, output, verbose=verbose, quiet=quiet, strict=strict)
        return
    try:
        with BuildProgress(1 + len(formats), enabled=not quiet) as progress:
            result = api.build(
                path,
                formats,
                output,
                strict=strict,
                on_format=lambda f: progress.step(f"writing {f}"),
            )
    except CompileBookError as exc:
        fail(exc)
    if not quiet:
        if verbose and result.project.found_from is not None:
            typer.echo(config_used(result.project), err=True)
        print_diagnostics(result.book.diagnostics, verbose)
        for name, out in result.outputs.items():
            if is_stdout(out):  # stdout carries the book itself
                typer.echo(f"wrote the {name.upper()} to standard output", err=True)
            else:  # -o /dev/stdout carries it too: a stream's line goes to stderr
                typer.echo(f"wrote {shown(out)}", err=is_stream(out))
    if check_outputs:
        config = result.project.config
        print_checks([(f, out, config, f) for f, out in result.outputs.items()])


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
        print_json(serialize.to_json(book, sources=sources))
    else:
        sys.stdout.write(printable(serialize.pformat(book), keep_newlines=True))


@app.command()
def check(
    path: PathArg = Path("."),
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text for people, json for tools.")
    ] = ReportFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with status 1 when there are warnings.")
    ] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also list every normalisation (what build -v shows).")
    ] = False,
    ignore: Annotated[
        list[str] | None,
        typer.Option("--ignore", metavar="CODE", help="Leave out findings with this code; repeat."),
    ] = None,
) -> None:
    """Lint the manuscripts and book.toml: file:line:col: severity code: message."""
    from .check import check as run_check
    from .progress import console, print_findings

    try:
        report = run_check(path, explain=explain, ignore=ignore or ())
    except CompileBookError as exc:
        fail(exc)
    if fmt is ReportFormat.json:
        print_json(report.to_json())
    else:
        out = console()
        for group in report.by_file().values():
            print_findings(out, group)
            out.print()
        out.print(report.summary_line())
    if strict and report.warnings:
        n = len(report.warnings)
        fail(StrictError(f"{n} warning{'s' if n != 1 else ''} and --strict given"))


@app.command()
def stats(
    path: PathArg = Path("."),
    fmt: Annotated[
        StatsFormat, typer.Option("--format", "-f", help="A table for people, json for tools.")
    ] = StatsFormat.table,
) -> None:
    """Words, chapters, scenes, dialogue, telepathy, reading time and pages."""
    from .progress import console
    from .stats import stats as run_stats

    try:
        result = run_stats(path)
    except CompileBookError as exc:
        fail(exc)
    if fmt is StatsFormat.json:
        print_json(result.to_json())
    else:
        console().print(result.table())


@app.command()
def init(
    directory: Annotated[
        Path, typer.Argument(help="Folder for the new book (created if needed).")
    ] = Path("."),
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Take the defaults; ask nothing.")
    ] = False,
    title: Annotated[str | None, typer.Option(help="The book's title.")] = None,
    author: Annotated[str | None, typer.Option(help="The author's name.")] = None,
    language: Annotated[
        str | None, typer.Option(help="BCP 47 language tag, e.g. en, en-GB, de, fr.")
    ] = None,
) -> None:
    """Start a new book: book.toml, manuscripts/, covers/, a Makefile and a .gitignore.

    In a folder that already holds manuscripts, book.toml lists them in reading order.
    """
    from .scaffold import CHAPTER_NAME, DEFAULT_LANGUAGE, default_title
    from .scaffold import init as run_init

    ask = not yes and _interactive()
    if ask:
        title = title or typer.prompt("Title", default=default_title(directory))
        author = author if author is not None else typer.prompt("Author", default="")
        language = language or typer.prompt("Language", default=DEFAULT_LANGUAGE)
    try:
        written = run_init(
            directory, title=title, author=author or "", language=language or DEFAULT_LANGUAGE
        )
    except CompileBookError as exc:
        fail(exc)
    for f in written:
        typer.echo(f"created {shown(f)}")
    where = "" if directory.resolve() == Path.cwd() else f"cd {shown(directory)} && "
    if any(f.name == CHAPTER_NAME for f in written):
        typer.echo(f"next: write in manuscripts/, add covers/cover.jpg, then {where}make book")
    else:  # init adopted the manuscripts already there
        typer.echo(
            "next: check the reading order in book.toml, add covers/cover.jpg, "
            f"then {where}make book"
        )


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (e.g. book.schema.json)."),
    ] = None,
) -> None:
    """Print the JSON Schema of book.toml, for editor completion and validation."""
    from .config import json_schema
    from .errors import OutputError
    from .output import destination, is_stdout, write_file

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None or is_stdout(output):
        sys.stdout.write(text)
        return
    try:
        where = destination(output)
        if where.kind == "file" and where.path.exists() and where.path.suffix != ".json":
            # Why: -o book.toml (or a manuscript) would destroy what the schema describes.
            raise OutputError(
                "exists and is not a .json file; schema -o replaces only a .json file",
                shown(output),
            )
        write_file(output, text.encode("utf-8"))
    except CompileBookError as exc:
        fail(exc)
    typer.echo(f"wrote {shown(output)}")


@app.command()
def themes(
    path: PathArg = Path("."),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder for the pictures (default: build/themes)."),
    ] = None,
) -> None:
    """List the themes, each with a picture of your book's first chapter set in it."""
    from .theme_preview import preview_themes

    try:
        previews = preview_themes(path, output)
    except CompileBookError as exc:
        fail(exc)
    for item in previews:
        picture = printable(shown(item.image))
        typer.echo(f"{item.theme.name:<8} {item.theme.description}  ({item.pages} pages) {picture}")
    typer.echo('choose one with theme = "<name>" in book.toml')


@app.command()
def preview(
    path: PathArg = Path("."),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Folder for the pictures (default: build/preview)."),
    ] = None,
    pages: Annotated[int, typer.Option(help="Print pages pictured per edition.", min=1)] = 4,
) -> None:
    """Picture the first pages of each edition: print pages, the ebook on a phone."""
    from .preview import preview as run_preview

    try:
        result = run_preview(path, output, pages)
    except CompileBookError as exc:
        fail(exc)
    for image in result.images:
        typer.echo(f"wrote {printable(shown(image))}")
    for note in result.notes:
        typer.echo(f"note: {note}", err=True)
    if result.sheet is not None:
        typer.echo(f"contact sheet: {printable(shown(result.sheet))}")


def _interactive() -> bool:
    """Ask questions only when someone is at a terminal to answer them."""
    return sys.stdin.isatty()


def _exit_now(code: object) -> NoReturn:
    """Exit without Python's teardown once the command's work is done and flushed.

    Why: freeing a novel's worth of tree nodes and every imported module one by
    one takes a tenth of a small build's time; the operating system reclaims it
    all at once. Outputs were already renamed into place; nothing is pending.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message") prints the message and exits 1
        sys.stderr.write(f"{code}\n")
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def main() -> None:
    """Console-script entry point."""
    # Why: pydantic scans every installed package for plugins on first use; the CLI
    # uses none, and the scan is a measurable share of a small build.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    install_signals()
    try:
        # typer's own call, with the plain parameters converted without pydantic
        clicoerce.install(typer.main.get_command(app))()
    except SystemExit as done:
        _exit_now(done.code)
    except Interrupted as stop:
        # Every file and child process was cleaned up on the way here.
        said = "interrupted" if stop.signum == signal.SIGINT else f"stopped by {stop.name}"
        typer.echo(said, err=True)
        _exit_now(stop.exit_code)
    except KeyboardInterrupt:  # before the handlers were in place
        typer.echo("interrupted", err=True)
        _exit_now(128 + signal.SIGINT)
    except Exception as exc:  # a bug of ours, never the writer's fault: still no traceback
        if os.environ.get("COMPILE_BOOK_DEBUG"):
            raise
        typer.echo(
            printable(
                f"compile-book: internal error: {type(exc).__name__}: {exc}; please report it "
                "(set COMPILE_BOOK_DEBUG=1 for the traceback)"
            ),
            err=True,
        )
        raise SystemExit(INTERNAL_ERROR_EXIT) from None
