"""Shared test fixtures: reproducible builds and real EPUBCheck.

Helpers live in their own modules (``tests.paths``, ``tests.epubcheck``,
``tests.projects``, ``tests.treequery``); the names below are re-exported for
test modules that still import them from here.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from tests.epubcheck import EpubCheckResult, run_epubcheck
from tests.paths import ROOT, SEEDS, SHARED, seed_path

__all__ = ["ROOT", "SEEDS", "SHARED", "EpubCheckResult", "run_epubcheck", "seed_path"]

# Property tests run the same examples on every machine, so a run that passes here
# passes in CI; `HYPOTHESIS_PROFILE=explore make test` draws fresh examples to hunt
# for new failures (fix them, then add the case as an example).
settings.register_profile("default", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Reproducible builds in every test unless a test says otherwise.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
# The covers the tests render are cached in a folder of this run, not the user's.
os.environ.setdefault("COMPILE_BOOK_CACHE_DIR", tempfile.mkdtemp(prefix="compile-book-cache-"))


@pytest.fixture
def epubcheck() -> Callable[[Path], EpubCheckResult]:
    """``epubcheck(path)`` asserts that EPUBCheck reports 0 errors and 0 warnings."""

    def check(epub: Path) -> EpubCheckResult:
        result = run_epubcheck(epub)
        assert result.clean, "EPUBCheck:\n" + "\n".join(result.messages)
        return result

    return check
