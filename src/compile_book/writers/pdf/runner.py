"""The parent's side of :mod:`.typst_child`: one Typst process, kept, and killed on a signal.

:func:`compile_pdf` hands the child a scratch folder and waits for its answer.
Waiting is an ordinary blocking read, which a signal interrupts: on Ctrl-C,
SIGTERM or SIGHUP (or any exception) the child is killed there and then, and
the next compile starts a new one. One child serves the whole process (a
lock keeps its requests in turn); a process forked from this one starts its
own.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from ...errors import BackendError
from ...signals import STOPPING, Interrupted
from . import typst_child

#: The script the child runs (a file, so it imports nothing of compile_book).
CHILD = str(Path(typst_child.__file__))

_lock = threading.Lock()


class _Child:
    """The running Typst process and the process id that started it."""

    process: subprocess.Popen[bytes] | None = None
    owner: int = 0


def compile_pdf(
    scratch: Path,
    timestamp: int,
    fonts: tuple[str, ...],
    ppi: float | None = None,
    query: str | None = None,
) -> bytes:
    """Typeset the book in ``scratch`` (see :mod:`.typst_child`) and return the PDF (with
    `ppi`: its one page as a PNG at that resolution; with `query`, the selected
    element's value is left in the scratch folder's ``query.json``)."""
    asked: dict[str, object] = {"scratch": str(scratch), "timestamp": timestamp, "fonts": fonts}
    if ppi is not None:
        asked["ppi"] = ppi
    if query is not None:
        asked["query"] = query
    request = json.dumps(asked)
    with _lock:
        process = _child()
        stdin, stdout = _pipes(process)
        try:
            stdin.write(request.encode("utf-8") + b"\n")
            stdin.flush()
            answer = stdout.readline()
        except BaseException:  # Ctrl-C, SIGTERM: stop Typst now, not when it is done
            stop()
            raise
    if answer.strip() == b"0":
        return (scratch / typst_child.OUT).read_bytes()
    error = scratch / typst_child.ERROR
    if answer.strip() == b"1" and error.exists():
        message = error.read_text(encoding="utf-8", errors="replace")
        raise BackendError(f"Typst failed: {one_line(message)}")
    code = _ended()
    if code is not None and -code in STOPPING:  # the child alone was stopped (its group was)
        raise Interrupted(-code)
    how = f"signal {-code}" if code is not None and code < 0 else f"status {code}"
    raise BackendError(f"Typst stopped unexpectedly ({how}); try again, or report it")


def _child() -> subprocess.Popen[bytes]:
    """The running child, started if there is none (or it died, or this is a fork)."""
    process = _Child.process
    if process is not None and process.poll() is None and _Child.owner == _pid():
        return process
    _Child.process = subprocess.Popen(
        [sys.executable, "-P", CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    _Child.owner = _pid()
    return _Child.process


def _pipes(process: subprocess.Popen[bytes]) -> tuple[IO[bytes], IO[bytes]]:
    if process.stdin is None or process.stdout is None:  # pragma: no cover - always piped
        raise BackendError("cannot talk to the Typst process")
    return process.stdin, process.stdout


def _ended() -> int | None:
    """Reap a child that died; its exit status (negative: the signal)."""
    process = _Child.process
    _Child.process = None
    if process is None:
        return None
    try:
        return process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()
    finally:
        for pipe in (process.stdin, process.stdout):
            if pipe is not None:
                pipe.close()


def child_memory_mb() -> float | None:
    """What the kept Typst process holds now, in MB (None: no child, or not measurable here).

    Typst keeps what it laid out for the next run; between the pieces of a long
    book that is dropped by stopping the child (:mod:`.pieces`)."""
    process = _Child.process
    if process is None or process.poll() is not None:
        return None
    try:
        with open(f"/proc/{process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def stop() -> None:
    """Kill the Typst child now, if there is one (the next compile starts another)."""
    process = _Child.process
    _Child.process = None
    if process is None:
        return
    process.kill()
    process.wait()
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            pipe.close()


def one_line(message: str) -> str:
    """A Typst message on one line (it spans several, with a caret under the column)."""
    return " ".join(message.split()) or "unknown error"


def _pid() -> int:
    return os.getpid()


def _shutdown() -> None:
    """At exit: close the child's input so it ends by itself (it is idle then)."""
    process = _Child.process
    _Child.process = None
    if process is None or _Child.owner != _pid():
        return
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            pipe.close()
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


atexit.register(_shutdown)
