"""Where the project, the shared folder and the seed manuscripts are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


def seed_path(prefix: str) -> Path:
    """A seed manuscript by its number (``"002"``); skips when ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not found")
    return matches[0]
