"""Console output for the CLI: rich consoles, styled findings, and a build progress bar.

* Consoles are plain ``rich`` consoles, so ``NO_COLOR`` (any value) turns
  colour off and output to a pipe or file carries no escape codes; lines are
  never wrapped (``soft_wrap``), so ``file:line:col`` stays on one line for
  editors.
* :class:`BuildProgress` shows a transient progress bar on stderr, only when
  stderr is a terminal, not with ``-q``, and only once a build has run for
  :data:`SHOW_AFTER` seconds (a quick build never flickers).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

from .diagnostics import Diagnostic
from .paths import printable

__all__ = ["SHOW_AFTER", "BuildProgress", "console", "print_findings"]

#: Seconds a build runs before its progress bar appears.
SHOW_AFTER = 1.0

_SEVERITY_STYLE = {"warning": "bold yellow", "info": "cyan", "error": "bold red"}


def console(*, stderr: bool = False) -> Console:
    """A console for stdout or stderr; rich honours ``NO_COLOR`` and non-terminals."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False, markup=False)


def print_findings(out: Console, diagnostics: Iterable[Diagnostic]) -> None:
    """Print compiler-style lines, the severity word coloured when colour is on."""
    from rich.text import Text

    for d in diagnostics:
        line = Text(printable(d.location()) + ": ")
        line.append(str(d.severity), style=_SEVERITY_STYLE.get(str(d.severity), ""))
        line.append(printable(f" {d.code}: {d.message}"))
        out.print(line)


class BuildProgress:
    """A progress bar over a build's steps (parse, then each format), shown late.

    Use as a context manager; call :meth:`step` as each step starts. With
    ``enabled=False`` (``-q``) or when the console is not a terminal it does
    nothing at all.
    """

    def __init__(
        self,
        steps: int,
        *,
        enabled: bool = True,
        out: Console | None = None,
        show_after: float = SHOW_AFTER,
    ) -> None:
        self.steps = steps
        # Why: building a rich Console costs a noticeable share of a small build;
        # when nothing will be shown (not a terminal, or -q), never import rich.
        terminal = out.is_terminal if out is not None else sys.stderr.isatty()
        self.enabled = enabled and terminal
        if out is None and self.enabled:
            out = console(stderr=True)
        self.out = out
        self.show_after = show_after
        self.description = "parsing"
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._done = 0

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def __enter__(self) -> BuildProgress:
        if self.enabled:
            self._timer = threading.Timer(self.show_after, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _show(self) -> None:
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        with self._lock:
            if self._timer is None:  # finished meanwhile
                return
            progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=self.out,
                transient=True,
            )
            self._task = progress.add_task(self.description, total=self.steps)
            progress.update(self._task, completed=self._done)
            progress.start()
            self._progress = progress

    def step(self, description: str) -> None:
        """A new step starts: the previous one is complete."""
        with self._lock:
            self._done = min(self._done + 1, self.steps)
            self.description = description
            if self._progress is not None and self._task is not None:
                self._progress.update(self._task, completed=self._done, description=description)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._progress is not None:
                self._progress.stop()
                self._progress = None
