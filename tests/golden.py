"""Golden files: whole outputs compared with a file kept in ``tests/golden/``.

A missing or different golden file fails. To accept new output after a
deliberate change, run the tests with ``COMPILE_BOOK_UPDATE_GOLDEN=1`` and
review the diff before committing (Standard Ebooks' update-flag habit).
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("COMPILE_BOOK_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, actual: str) -> None:
    """``actual`` must equal ``tests/golden/<name>`` (written instead when updating)."""
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with COMPILE_BOOK_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; run with COMPILE_BOOK_UPDATE_GOLDEN=1 to accept"
