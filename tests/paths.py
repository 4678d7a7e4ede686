"""Where the project, the shared folder and the seed manuscripts are."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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


def corpus_gen() -> ModuleType:
    """The benchmark's corpus generator (``bench/corpus_gen.py``, not a package)."""
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "bench" / "corpus_gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_gen", module)
    spec.loader.exec_module(module)
    return module
