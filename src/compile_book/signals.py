"""Ctrl-C, SIGTERM and SIGHUP stop a run cleanly: files and children cleaned up, exit 128+N.

Python's default turns Ctrl-C into ``KeyboardInterrupt``, but SIGTERM (what a
build server sends to stop a job) and SIGHUP (a closed terminal) end the
process on the spot, leaving ``.part`` files, scratch folders and a running
Typst process behind. :func:`install` makes all three raise
:class:`Interrupted` in the main thread instead, so every ``finally`` and
context manager on the way out runs (temporary files deleted, the Typst
child killed); the command line then exits with ``128 + signal number``
(130 for Ctrl-C), as shells report a process a signal stopped.

Why not ``KeyboardInterrupt``: click turns that into "Aborted!" and exit 1,
and code that catches it to mean "the user is done" (``watch``) would also
swallow a SIGTERM. A second signal while the first unwinds is ignored, so the
clean-up it is waiting for is not itself cut short. Code that turns any
signal into its own exception (``watchfiles``) can ask :func:`received`
which one it was.
"""

from __future__ import annotations

import signal
from types import FrameType

#: The signals that stop a run cleanly.
STOPPING = (signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else []))


class Interrupted(BaseException):
    """A signal asked the process to stop; raised in the main thread to unwind it."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signum)

    @property
    def exit_code(self) -> int:
        """The shell's convention for a process a signal stopped: 128 + its number."""
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


_received: list[int] = []


def received() -> int | None:
    """The first stopping signal this process received since :func:`install`, if any."""
    return _received[0] if _received else None


def install() -> None:
    """Make SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (main thread only)."""
    for signum in STOPPING:
        signal.signal(signum, _stop)


def _stop(signum: int, frame: FrameType | None) -> None:
    for other in STOPPING:  # unwinding has begun: do not cut the clean-up short
        signal.signal(other, signal.SIG_IGN)
    _received.append(signum)
    raise Interrupted(signum)


def defaults() -> None:
    """Every stopping signal back to the operating system's default (a child process:
    stop at once)."""
    for signum in STOPPING:
        signal.signal(signum, signal.SIG_DFL)
