"""``compile-book build --watch``: rebuild when a manuscript, ``book.toml`` or the cover changes.

The core is :class:`Rebuilder`, which knows nothing of file-system events:
``rebuild(changed)`` reloads the project (so a new chapter file or an edited
``book.toml`` is picked up), parses it through a
:class:`~compile_book.parser.ParseCache` kept across rebuilds (only changed
manuscripts are parsed again; unchanged chapters come back as the same node
objects), writes the outputs and returns a :class:`RebuildResult` with a
one-line status. Problems a writer must fix (a broken ``book.toml``, a
``--strict`` warning) are reported in the result and watching goes on.

:func:`watch` is the loop around it: ``watchfiles.watch`` on the folders the
inputs live in (not recursively, so the output folder and the rest of a big
folder are never watched), events filtered by :meth:`Rebuilder.wants`,
grouped (debounced) and handed to ``rebuild``. Ctrl-C ends it, returning 0.
Everything heavy is imported when a rebuild first runs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .diagnostics import problems
from .record import record

if TYPE_CHECKING:
    from datetime import datetime

    from .diagnostics import Diagnostic
    from .errors import CompileBookError
    from .nodes import Book
    from .pipeline import CompileCache as ParseCache
    from .project import Project

__all__ = ["RebuildResult", "Rebuilder", "watch"]

#: Milliseconds of quiet after a change before a rebuild starts (an editor's
#: save can be several events, written within a millisecond or two of each
#: other; every millisecond here is one more between save and new file), and
#: the most a rebuild waits for quiet.
STEP_MS = 20
DEBOUNCE_MS = 1600


class StopEvent(Protocol):
    def is_set(self) -> bool: ...


@record
class RebuildResult:
    """One rebuild: what it wrote, how long it took, what it re-parsed."""

    seconds: float
    outputs: dict[str, Path] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    """Everything the parser reported, normalisations included."""
    changed: tuple[Path, ...] = ()
    parsed: int = 0
    """Manuscripts parsed afresh."""
    reused: int = 0
    """Manuscripts taken unchanged from the parse cache."""
    error: CompileBookError | None = None
    book: Book | None = None
    """The tree that was written (``None`` when the rebuild failed)."""

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def warnings(self) -> list[Diagnostic]:

        return problems(self.diagnostics)

    def status(self) -> str:
        """``12:01:02 rebuilt build/x.epub in 0.21 s (1 parsed, 39 reused), 2 warnings``."""
        from .paths import display_path

        stamp = time.strftime("%H:%M:%S")
        if self.error is not None:
            return f"{stamp} not rebuilt ({self.seconds:.2f} s): {self.error.format()}"
        outs = ", ".join(display_path(p) for p in self.outputs.values())
        n = len(self.warnings)
        warned = f", {n} warning{'s' if n != 1 else ''}" if n else ""
        return (
            f"{stamp} rebuilt {outs} in {self.seconds:.2f} s "
            f"({self.parsed} parsed, {self.reused} reused){warned}"
        )


class Rebuilder:
    """Builds a project again and again, reusing the parse of unchanged manuscripts."""

    def __init__(
        self,
        path: str | os.PathLike[str] = ".",
        formats: Iterable[str] = ("epub",),
        output: str | os.PathLike[str] | None = None,
        *,
        strict: bool = False,
        cache: bool = True,
    ) -> None:
        from . import writers
        from .errors import CompileBookError
        from .pipeline import CompileCache as ParseCache

        self.path = Path(path)
        self.formats = list(dict.fromkeys(formats))
        for f in self.formats:
            if f not in writers.REGISTRY:
                raise CompileBookError(
                    f"unknown format {f!r}; choose from {', '.join(writers.FORMATS)}"
                )
        self.output = Path(output) if output is not None else None
        self.strict = strict
        self.cache: ParseCache | None = ParseCache() if cache else None
        self.project: Project | None = None
        self.outputs: dict[str, Path] = {}
        self._written: set[Path] = set()
        self.started: datetime | None = None  # every rebuild's date (see output.same_time)

    def rebuild(self, changed: Iterable[Path] = ()) -> RebuildResult:
        """Reload, parse (through the cache) and write; never raises for a user problem."""
        from .api import parse_project, write_project
        from .errors import CompileBookError
        from .keeping import keeping
        from .output import build_time, same_time
        from .project import load_project

        start = time.perf_counter()
        hits, misses = self._cache_counts()
        try:
            project = load_project(self.path)
            self.project = project
            if self.started is None:
                self.started = build_time()
            # The next rebuild reuses each unchanged chapter's work, and every
            # rebuild is dated when the session started (its kept work holds the date).
            with keeping(), same_time(self.started):
                book = parse_project(project, cache=self.cache)
                result = write_project(book, project, self.formats, self.output, strict=self.strict)
        except CompileBookError as exc:
            return RebuildResult(time.perf_counter() - start, changed=tuple(changed), error=exc)
        self.outputs = result.outputs
        self._written = {p.resolve() for p in result.outputs.values()}
        new_hits, new_misses = self._cache_counts()
        parsed = new_misses - misses if self.cache is not None else len(project.manuscripts)
        return RebuildResult(
            time.perf_counter() - start,
            result.outputs,
            book.diagnostics,
            tuple(changed),
            parsed,
            new_hits - hits,
            book=book,
        )

    def _cache_counts(self) -> tuple[int, int]:
        return (self.cache.hits, self.cache.misses) if self.cache is not None else (0, 0)

    # -- what to watch
    def folders(self) -> list[Path]:
        """The folders the inputs live in (watched without recursion)."""
        project = self.project
        if project is None:
            base = self.path.resolve()
            return [base if base.is_dir() else base.parent]
        found = {p.parent for p in project.watched}
        if project.kind != "file":
            found.add(project.root)
            for sub in ("manuscripts", "covers"):
                if (project.root / sub).is_dir():
                    found.add(project.root / sub)
        return sorted(p for p in found if p.is_dir())

    def wants(self, change: Any, path: str) -> bool:
        """Whether a changed path can affect the book (a ``watchfiles`` filter)."""
        from .config import CONFIG_NAME
        from .discovery import name_reason
        from .project import COVER_SUFFIXES, MANUSCRIPT_SUFFIXES

        p = Path(path)
        if p.name.startswith((".", "#")) or p.name.endswith("~"):
            return False  # hidden and editor backup/lock files
        if p in self._written:
            return False
        project = self.project
        if project is None:
            return True
        if p in project.watched:
            return True
        if project.kind == "file":
            return False
        if p.name == CONFIG_NAME:
            return p.parent == project.root
        if name_reason(p.name) is not None:
            return False  # a README, notes or a lock file: never part of the book
        # A new or renamed manuscript or cover image may now match book.toml.
        return p.suffix.lower() in (*MANUSCRIPT_SUFFIXES, *COVER_SUFFIXES)


def watch(
    path: str | os.PathLike[str] = ".",
    formats: Iterable[str] = ("epub",),
    output: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    on_result: Callable[[RebuildResult], None] | None = None,
    stop_event: StopEvent | None = None,
    step_ms: int = STEP_MS,
    debounce_ms: int = DEBOUNCE_MS,
    rust_timeout_ms: int = 5000,
    force_polling: bool | None = None,
) -> int:
    """Build once, then rebuild on every change until Ctrl-C or ``stop_event``; return 0.

    ``on_result`` receives each :class:`RebuildResult` (by default its status
    line is printed).
    """
    import watchfiles

    rebuilder = Rebuilder(path, formats, output, strict=strict)
    report = on_result or (lambda result: print(result.status(), flush=True))
    try:
        report(rebuilder.rebuild())
        while stop_event is None or not stop_event.is_set():
            folders = rebuilder.folders()
            for changes in watchfiles.watch(
                *folders,
                watch_filter=rebuilder.wants,
                step=step_ms,
                debounce=debounce_ms,
                stop_event=stop_event,
                rust_timeout=rust_timeout_ms,
                recursive=False,
                force_polling=force_polling,
            ):
                changed = tuple(sorted({Path(p) for _, p in changes}))
                report(rebuilder.rebuild(changed))
                if rebuilder.folders() != folders:
                    break  # book.toml now reads from other folders: watch those
            else:
                break  # stop_event was set
    except KeyboardInterrupt:
        pass
    return 0
