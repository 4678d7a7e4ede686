"""The project's cover as found and checked when the project loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book.api import parse
from compile_book.covers import IDEAL_COVER, MIN_COVER_SIDE
from compile_book.diagnostics import Code
from tests.images import picture
from tests.projects import make_project


def _with_cover(root: Path, size: tuple[int, int]) -> Path:
    make_project(root, cover=False)
    (root / "covers").mkdir()
    (root / "covers" / "cover.jpg").write_bytes(picture("JPEG", size=size))
    return root


@pytest.mark.parametrize(
    ("size", "warned"),
    [
        ((600, 960), True),
        ((MIN_COVER_SIDE - 1, 2560), True),
        ((MIN_COVER_SIDE, 2240), False),
        (IDEAL_COVER, False),
    ],
)
def test_a_cover_too_small_for_the_stores_is_warned(
    tmp_path: Path, size: tuple[int, int], warned: bool
) -> None:
    book = parse(_with_cover(tmp_path / "p", size))
    notes = [d for d in book.diagnostics if d.code is Code.COVER_SMALL]
    assert bool(notes) is warned
    if warned:
        (note,) = notes
        assert note.file is not None and note.file.endswith("cover.jpg")
        assert f"{size[0]} x {size[1]} pixels" in note.message and "1600 x 2560" in note.message
