"""Scene-break divider lines."""

from __future__ import annotations

import pytest

from compile_book.rules.scenebreaks import is_scene_break, looks_like_divider

BREAKS = [
    "***",
    "* * *",
    "#",
    "~~~~~",
    "---",
    "___",
    "===",
    "+++",
    "•••",
    "• • •",
    "⁂",
    "o0o",
    "oOo",
    "OoO",
    "xXx",
    "-x-x-x-",
    "~o~o~",
    "*",
    "- - -",
]
PROSE = ["Ooo", "ooo", "xox and hugs", "Oh.", "I", "#hashtag", "x", "*sigh*", "...", "OK"]


@pytest.mark.parametrize("line", BREAKS)
def test_dividers_are_scene_breaks(line: str) -> None:
    assert is_scene_break(line)


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_not_a_scene_break(line: str) -> None:
    assert not is_scene_break(line)


def test_unknown_divider_is_flagged_not_taken() -> None:
    assert looks_like_divider("<><><>")
    assert not looks_like_divider("***")
    assert not looks_like_divider("Hello")
