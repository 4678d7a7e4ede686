"""Peak memory of a whole process tree: the process and every descendant, summed.

Why a sum, sampled: a tool that sets a long book in worker processes holds its
memory in several processes at once; the largest single process (what
``getrusage`` and ``/usr/bin/time`` report) would hide all but one of them. On
Linux, ``/proc`` gives each process's children and resident set; a thread samples
the tree every few milliseconds while the command runs. Elsewhere (no ``/proc``)
the sampler reports nothing and the caller keeps the largest single process.

A run shorter than one interval may be missed by the sampler; the caller takes
the larger of the sampled sum and the largest single process, so the figure is
never below what ``getrusage`` saw. Processor time is sampled the same way: a
worker its parent never waits for (one ended with the parent) is missing from
``getrusage``'s children's time.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PROC = Path("/proc")
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
INTERVAL_S = 0.005


def _children(pid: int) -> list[int]:
    """The direct children of ``pid``, from each of its threads' ``children`` list
    (cheap: no scan of every process on the machine, which would cost the tool
    being measured a share of the processor)."""
    out: list[int] = []
    try:
        tasks = os.listdir(PROC / str(pid) / "task")
    except OSError:
        return out
    for task in tasks:
        try:
            out += [
                int(c) for c in (PROC / str(pid) / "task" / task / "children").read_bytes().split()
            ]
        except (OSError, ValueError):
            continue
    return out


def _rss(pid: int) -> int:
    """Resident bytes of one process (0 when it is gone)."""
    try:
        return int((PROC / str(pid) / "statm").read_bytes().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu(pid: int) -> float | None:
    """Processor seconds (user + system) ``pid`` has used so far, or None when gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_bytes()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces.
    fields = stat[stat.rfind(b")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def tree_rss(root: int, cpu: dict[int, float] | None = None) -> int:
    """Resident bytes of ``root`` and all its descendants now; ``cpu`` gets each one's
    processor seconds so far (by process id)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss(pid)
        if cpu is not None:
            used = _cpu(pid)
            if used is not None:
                cpu[pid] = max(used, cpu.get(pid, 0.0))
        todo.extend(_children(pid))
    return total


class TreeSampler:
    """Samples the tree under ``pid`` until :meth:`stop`; ``peak_mb`` is the largest sum."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = (PROC / str(os.getpid()) / "task").is_dir()
        if self.available:
            self._thread.start()

    def _run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, tree_rss(self.pid, self.cpu))
            self._done.wait(INTERVAL_S)

    def stop(self) -> float | None:
        """Stop sampling; the peak in MB, or None when nothing could be sampled."""
        self._done.set()
        if self.available:
            self._thread.join()
        return self.peak / 2**20 if self.peak else None

    def tree_cpu(self) -> float:
        """Processor seconds of every process seen in the tree (children its parent never
        waited for included, which ``getrusage`` misses), as last sampled."""
        return sum(self.cpu.values())
