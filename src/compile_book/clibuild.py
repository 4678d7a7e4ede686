"""The ``build`` command's other runs: a release of editions, a watch, a read-back check.

Split from :mod:`compile_book.cli` so the command module holds the commands and
their options; each run here imports what it needs only when asked (a one-file
EPUB build loads none of the release, watch or verify machinery).
"""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .cliprint import fail, print_diagnostics, shown
from .diagnostics import Severity
from .errors import CompileBookError, StrictError
from .paths import printable
from .signals import Interrupted

if TYPE_CHECKING:
    from .config import BookConfig
    from .project import Project

__all__ = ["config_used", "print_checks", "release", "watch_build"]


def release(
    path: Path,
    names: list[str] | None,
    output: Path | None,
    *,
    strict: bool,
    quiet: bool,
    verify: bool,
) -> None:
    """``build --edition NAME`` / ``--all-editions``: the release, one file per edition."""
    from .release import build_editions

    try:
        result = build_editions(path, names or None, output, strict=strict)
    except CompileBookError as exc:
        fail(exc)
    if not quiet:
        print_diagnostics(result.diagnostics, False)
        for item in result.outputs:
            typer.echo(f"wrote {shown(item.path)} ({item.edition.name})")
    if verify:
        print_checks(
            [(o.edition.format, o.path, o.edition.config, o.edition.name) for o in result.outputs]
        )


def print_checks(items: list[tuple[str, Path, BookConfig, str]]) -> None:
    """Check what was written and print one table; exit 1 when any file fails."""
    from .progress import console
    from .verify import verdict_table, verify

    verdicts = [verify(fmt, out, config, label) for fmt, out, config, label in items]
    console().print(verdict_table(verdicts))
    failed = [v.label for v in verdicts if not v.ok]
    if failed:
        fail(StrictError(f"{len(failed)} file(s) failed their check: {', '.join(failed)}"))


def config_used(project: Project) -> str:
    """``build -v`` run inside a project: which book.toml, found above, built the book."""
    found = shown(project.config_path) if project.config_path else "book.toml"
    inside = project.found_from.relative_to(project.root) if project.found_from else Path()
    return f"{found}: using this book.toml (found above {inside.as_posix()}/)"


def watch_build(
    path: Path, formats: list[str], output: Path | None, *, verbose: bool, quiet: bool, strict: bool
) -> None:
    from .progress import console, print_findings
    from .signals import received
    from .watch import RebuildResult, watch

    err = console(stderr=True)
    threshold = Severity.INFO if verbose else Severity.WARNING

    def report(result: RebuildResult) -> None:
        if not result.ok or not quiet:
            print_findings(err, [d for d in result.diagnostics if d.severity >= threshold])
            err.print(printable(result.status()))

    if not quiet:
        err.print(f"watching {shown(path)} (Ctrl-C to stop)")
    try:
        watch(path, formats, output, strict=strict, on_result=report)
    except CompileBookError as exc:
        fail(exc)
    except Interrupted as stop:
        if stop.signum != signal.SIGINT:
            raise
        return  # Ctrl-C is how a watch ends
    stopped = received()
    if stopped is not None and stopped != signal.SIGINT:
        # watchfiles turns every signal into KeyboardInterrupt and returns: say which it was.
        raise Interrupted(stopped)
