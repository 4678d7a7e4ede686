"""Golden tree dumps: the whole text, the front matter and every diagnostic of small books."""

from __future__ import annotations

import pytest

from compile_book.config import BookConfig
from compile_book.parser import ManuscriptSource, parse_sources
from compile_book.serialize import pformat
from tests.golden import GOLDEN, assert_golden

#: manuscript in tests/golden -> the book.toml settings it is compiled with
CASES: dict[str, dict[str, object]] = {
    "conventions.txt": {},
    "wrapped.md": {},
    "parts.txt": {"authors": ["Ann Writer", "Bo Reed", "Cy Doe"], "date": "2026-03-02"},
    "leuchtturm-de.txt": {"language": "de"},
    "faro-es.txt": {"language": "es"},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_tree_dump(name: str) -> None:
    config = BookConfig.model_validate(CASES[name])
    source = GOLDEN / name
    book = parse_sources([ManuscriptSource(name, source.read_bytes())], config)
    assert_golden(f"{name}.tree", pformat(book))
