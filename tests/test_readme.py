"""The README's generated parts stay in step with the code they describe."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_codes_table_matches_the_diagnostics() -> None:
    spec = importlib.util.spec_from_file_location("readme_codes", ROOT / "scripts/readme_codes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.render(readme) == readme, "run: python scripts/readme_codes.py"
