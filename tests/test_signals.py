"""Signals stop a build at once, even while Typst is typesetting, and leave nothing behind.

Real processes and real signals: a book big enough that Typst is still busy
when the signal lands (its child process is running and its scratch folder
exists), then the exit status, the time to exit, the output folder, the
temporary folder and the child process are checked. Before, Ctrl-C waited
for Typst to finish (21 s on a long book) and SIGTERM left the scratch folder.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import compile_book
from compile_book import parts

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc"),
]

#: Generous: the process is gone within this many seconds of the signal (it takes
#: a few hundredths; the old behaviour was up to 21 s).
EXIT_WITHIN_S = 5.0
_COMMAND = (sys.executable, "-m", "compile_book")
WORDS = (
    "the of and a to in he she was it his her that with as for had not on at but by "
    "lantern harbour silence morning river window stone"
).split()


def _book(path: Path, chapters: int = 12) -> Path:
    """About 30,000 words: Typst takes seconds on it, the parse a fraction of that."""
    rng = random.Random(11)
    lines = ["Big Book", "", "by A Writer", ""]
    for number in range(1, chapters + 1):
        lines += [f"Chapter {number}", ""]
        for _ in range(40):
            lines += [" ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + ".", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _env(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TMPDIR": str(tmp),
        "PYTHONPATH": str(Path(compile_book.__file__).parents[1]),
    }


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[1] == str(pid):
                kids.append(int(entry.name))
    return kids


def _running(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie (dead, waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_typesetting(tmp_path: Path) -> tuple[subprocess.Popen[bytes], list[int], Path]:
    """A PDF build, returned once its Typst child is typesetting."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    book = _book(tmp_path / "big.txt")
    build = subprocess.Popen(
        [*_COMMAND, "build", str(book), "-f", "pdf", "-o", str(tmp_path / "out" / "big.pdf")],
        env=_env(scratch),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's job is
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and build.poll() is None:
        typst = [k for k in _children(build.pid) if _running(k)]
        if typst and any(scratch.glob("compile-book-typst-*")):
            time.sleep(0.3)  # well inside the compile: it takes seconds
            assert build.poll() is None, "Typst finished before the signal; use a bigger book"
            return build, typst, scratch
        time.sleep(0.02)
    build.kill()
    pytest.fail("Typst never started")


def _exit_after(build: subprocess.Popen[bytes], send: int, group: bool = False) -> float:
    start = time.monotonic()
    if group:
        os.killpg(build.pid, send)  # Ctrl-C at a terminal: every process of the job
    else:
        build.send_signal(send)
    build.wait(timeout=60)
    return time.monotonic() - start


@pytest.mark.parametrize(
    ("send", "group"),
    [
        (signal.SIGINT, False),
        (signal.SIGINT, True),
        (signal.SIGTERM, False),
        (signal.SIGHUP, False),
    ],
    ids=["SIGINT", "ctrl-c-at-a-terminal", "SIGTERM", "SIGHUP"],
)
def test_a_signal_during_typst_stops_the_build_cleanly(
    tmp_path: Path, send: signal.Signals, group: bool
) -> None:
    build, typst, scratch = _start_typesetting(tmp_path)
    took = _exit_after(build, send, group)
    assert build.returncode == 128 + send
    assert took < EXIT_WITHIN_S
    assert build.stderr is not None
    assert build.stderr.read().decode().strip() in {"interrupted", f"stopped by {send.name}"}
    assert list(scratch.iterdir()) == []  # no scratch folder, no streamed .part
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []
    assert not any(_running(pid) for pid in typst)


def test_sigkill_leaves_no_typesetting_orphan_and_the_next_build_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build, typst, scratch = _start_typesetting(tmp_path)
    _exit_after(build, signal.SIGKILL)
    deadline = time.monotonic() + EXIT_WITHIN_S
    while any(_running(pid) for pid in typst) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in typst), "Typst went on without its parent"
    (left,) = scratch.iterdir()  # nothing could clean up after SIGKILL...
    assert left.name.startswith("compile-book-typst-")
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with parts.scratch_dir("typst") as mine:  # ...so the next Typst run does
        assert [p.name for p in scratch.iterdir()] == [Path(mine).name]


def test_sigterm_ends_a_watch_with_143(tmp_path: Path) -> None:
    # Ctrl-C is how a watch ends (status 0, tests/test_watch.py); SIGTERM is a stop.
    story = _book(tmp_path / "story.txt", chapters=1)
    out = tmp_path / "story.epub"
    watch = subprocess.Popen(
        [*_COMMAND, "build", str(story), "--watch", "-o", str(out)],
        env=_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert out.exists()
    time.sleep(0.3)  # into the watch loop
    took = _exit_after(watch, signal.SIGTERM)
    assert watch.returncode == 128 + signal.SIGTERM
    assert took < EXIT_WITHIN_S
