"""Save to new file under ``compile-book build --watch``, timed from outside.

What a writer waits for: a chapter file is saved, the watcher notices, waits
for quiet, rebuilds, and the output file is replaced. A real ``build --watch``
runs as a child on a copy of the per-chapter project; each round writes one
chapter (a sentence added) and waits until the output file is a new one (its
inode and modification time change: outputs are renamed into place whole).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

#: Seconds given to the first full build, and to each rebuild, before giving up.
FIRST_BUILD_S = 300.0
REBUILD_S = 30.0
#: Quiet between rounds, so that one round's events never fall into the next.
SETTLE_S = 0.4


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


def save_to_file(
    exe: str, project: Path, fmt: str, rounds: int, env: dict[str, str]
) -> tuple[list[float], str | None]:
    """Latencies (seconds) of ``rounds`` saves, or the error that stopped the run."""
    with tempfile.TemporaryDirectory(prefix="bench-watch-") as tmp:
        work = Path(tmp) / "project"
        shutil.copytree(project, work)
        out = Path(tmp) / f"out.{fmt}"
        cmd = [exe, "build", "--watch", str(work), "-f", fmt, "-o", str(out), "-q"]
        log = Path(tmp) / "stderr"
        with open(log, "wb") as err:  # a file, not a pipe: a pipe nobody reads can fill
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        try:
            start = time.monotonic()
            while _identity(out) is None:
                if proc.poll() is not None or time.monotonic() - start > FIRST_BUILD_S:
                    said = log.read_text("utf-8", errors="replace")
                    return [], f"the first build did not finish: {said[-160:]}"
                time.sleep(0.01)
            time.sleep(SETTLE_S)
            chapters = sorted((work / "manuscripts").glob("*.txt"))
            victim = chapters[len(chapters) // 2]
            original = victim.read_bytes().rstrip()
            latencies: list[float] = []
            for i in range(rounds):
                before = _identity(out)
                text = original + f" She wrote it down again, edit {i}.\n".encode()
                t0 = time.perf_counter()
                victim.write_bytes(text)
                while _identity(out) == before:
                    if time.perf_counter() - t0 > REBUILD_S:
                        return latencies, "no new file within 30 s of a save"
                    time.sleep(0.001)
                latencies.append(time.perf_counter() - t0)
                time.sleep(SETTLE_S)
            return latencies, None
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None
