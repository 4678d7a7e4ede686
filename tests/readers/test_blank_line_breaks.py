"""Scene breaks marked by blank lines: a wider gap than the file's paragraph spacing."""

from __future__ import annotations

import pytest

from compile_book import api
from compile_book.diagnostics import Code
from compile_book.events import BookTitle, Break, Event, FileEvents, Para, StartChapter
from compile_book.nodes import Paragraph, SceneBreak, Source
from compile_book.readers import Options, read
from compile_book.rules.paragraphs import blank_line_breaks
from tests.paths import seed_path
from tests.trees_small import found


def _read(text: str, *, first: bool = False) -> FileEvents:
    return read("a.txt", text.encode("utf-8"), Options(first=first))


def _shape(events: tuple[Event, ...]) -> str:
    """``P`` per paragraph, ``|`` per break, ``H`` per chapter start, ``T`` per title."""
    marks = {Para: "P", Break: "|", StartChapter: "H", BookTitle: "T"}
    return "".join(marks.get(type(e), "?") for e in events)


def _scene(name: str, n: int, sep: str) -> str:
    return sep.join(f"{name} paragraph {i} goes on." for i in range(1, n + 1))


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    ("gaps", "expected"),
    [
        ([None, 0, 0, 1, 0, 0], ([3], 0)),  # one paragraph per line, a blank line between
        ([None, 0, 0, 2, 0, 0], ([3], 0)),
        ([None, 1, 1, 2, 1, 1], ([3], 1)),  # blank-line separated, two between scenes
        ([None, 1, 1, 3, 1, 1], ([3], 1)),
        ([None, 2, 2, 4, 2, 2], ([], 2)),  # two or more blank lines everywhere: spacing
        ([None, 1, 2, 1, 2, 1], ([], 1)),  # irregular: 2 of 5 boundaries wider
        ([None, 0, 1, 1, 0, 0, 0, 0, 0, 0], ([], 0)),  # a lone line between blank lines
        ([None, 1, 0, 0, 0, 0], ([], 0)),  # a lone first line set apart
        ([None, 0, 0, 0, 0, 1], ([], 0)),  # a lone last line set apart
        ([None, 0, None, 0, 0, 1, 0, 0], ([5], 0)),  # runs split by a heading
        ([None, 1, 1, 1, 2, 2, 1, 1, 1, 1], ([4, 5], 1)),  # one-paragraph scene, two blanks
        ([None, 0, 1], ([], 0)),  # a tie takes the smaller spacing; then too wide a share
        ([None, None], ([], 0)),
        ([], ([], 0)),
    ],
)
def test_blank_line_breaks_decides_from_the_files_spacing(
    gaps: list[int | None], expected: tuple[list[int], int]
) -> None:
    assert blank_line_breaks(gaps) == expected


# --------------------------------------------------------------------------- the reader


def test_one_paragraph_per_line_with_blank_lines_between_scenes() -> None:
    text = "\n\n".join(_scene(s, 4, "\n") for s in ("First", "Second", "Third")) + "\n"
    result = _read(text)
    assert _shape(result.events) == "PPPP|PPPP|PPPP"
    breaks = [e for e in result.events if isinstance(e, Break)]
    assert [b.source for b in breaks] == [Source("a.txt", 5), Source("a.txt", 10)]
    # Assembly reports each break it keeps (N030) with this note on how it was marked.
    assert [b.how for b in breaks] == [
        " (read from 1 blank line(s); paragraphs one per line elsewhere)"
    ] * 2


def test_blank_line_separated_with_two_blank_lines_between_scenes() -> None:
    text = _scene("First", 4, "\n\n") + "\n\n\n" + _scene("Second", 4, "\n\n") + "\n"
    result = _read(text)
    assert _shape(result.events) == "PPPP|PPPP"
    (brk,) = [e for e in result.events if isinstance(e, Break)]
    assert brk.source == Source("a.txt", 8)
    assert "from 2 blank line(s); one blank line between elsewhere" in brk.how


def test_two_or_more_blank_lines_everywhere_is_only_spacing() -> None:
    text = _scene("First", 4, "\n\n\n") + "\n\n\n\n" + _scene("Second", 4, "\n\n\n") + "\n"
    assert _shape(_read(text).events) == "PPPPPPPP"


def test_irregular_spacing_is_not_a_convention() -> None:
    text = "One.\n\nTwo.\n\n\nThree.\n\nFour.\n\n\nFive.\n"
    assert _shape(_read(text).events) == "PPPPP"


def test_no_break_next_to_a_heading_or_a_title_line() -> None:
    text = (
        "Salt and Stone\n\n\n"
        f"Chapter 1\n\n\n{_scene('A', 4, chr(10))}\n\n\n"
        f"Chapter 2\n\n\n{_scene('B', 4, chr(10))}\n"
    )
    assert _shape(_read(text, first=True).events) == "THPPPPHPPPP"


def test_a_divider_between_blank_lines_is_one_break_not_two() -> None:
    text = _scene("A", 4, "\n\n") + "\n\n\n* * *\n\n\n" + _scene("B", 4, "\n\n") + "\n"
    assert _shape(_read(text).events) == "PPPP|PPPP"


def test_a_paragraph_broken_mid_sentence_is_rejoined_not_split_by_a_break() -> None:
    text = (
        _scene("A", 4, "\n\n") + "\n\nand she walked\n\n\nto the door.\n\n" + _scene("B", 4, "\n\n")
    )
    result = _read(text)
    assert _shape(result.events) == "PPPPPPPPP"
    assert "and she walked to the door." in [e.text for e in result.events if isinstance(e, Para)]


def test_a_note_between_paragraphs_adds_no_break_but_keeps_one() -> None:
    # between single blank lines: no break; after two blank lines: the break stays
    quiet = _scene("A", 4, "\n\n") + "\n\n[ fix ]\n\n" + _scene("B", 4, "\n\n") + "\n"
    assert _shape(_read(quiet).events) == "PPPPPPPP"
    wide = _scene("A", 4, "\n\n") + "\n\n\n[ fix ]\n\n" + _scene("B", 4, "\n\n") + "\n"
    assert _shape(_read(wide).events) == "PPPP|PPPP"
    assert [e.source for e in _read(wide).events if isinstance(e, Break)] == [Source("a.txt", 8)]


def test_a_comment_line_is_invisible_to_the_spacing() -> None:
    per_line = _scene("A", 4, "\n") + "\n<!-- later -->\n" + _scene("B", 4, "\n") + "\n"
    assert _shape(_read(per_line).events) == "PPPPPPPP"
    spaced = _scene("A", 4, "\n\n") + "\n\n<!-- later -->\n\n" + _scene("B", 4, "\n\n") + "\n"
    assert _shape(_read(spaced).events) == "PPPPPPPP"


def test_a_lone_backslash_line_is_an_empty_paragraph_that_can_mark_a_break() -> None:
    text = _scene("A", 4, "\n\n") + "\n\n\\\n\n" + _scene("B", 4, "\n\n") + "\n"
    result = _read(text)
    assert _shape(result.events) == "PPPP|PPPP"
    assert found(result.diagnostics, Code.MARKUP_LEFT_OUT) == [("a.txt", 9, 0)]


def test_leading_and_trailing_blank_lines_are_not_breaks() -> None:
    text = "\n\n\n" + _scene("A", 5, "\n") + "\n\n\n\n"
    assert _shape(_read(text).events) == "PPPPP"


# --------------------------------------------------------------------------- the seeds


@pytest.mark.parametrize(
    ("seed", "paragraphs", "breaks"),
    [("000", 63, 1), ("001", 396, 0), ("002", 81, 1), ("003", 83, 0)],
)
def test_the_seeds_keep_their_paragraphs_and_breaks(
    seed: str, paragraphs: int, breaks: int
) -> None:
    book = api.parse(seed_path(seed))
    blocks = [b for c in book.chapters for b in c.blocks]
    assert sum(isinstance(b, Paragraph) for b in blocks) == paragraphs
    assert sum(isinstance(b, SceneBreak) for b in blocks) == breaks
    assert not [d for d in book.diagnostics if "blank line" in d.message]


def test_blank_lines_after_a_paragraph_ending_in_a_colon_are_no_scene_break() -> None:
    text = (
        f"{_scene('One', 3, chr(10) * 2)}\n\nThese were its contents:--\n\n\n\n"
        f"{_scene('Letter', 3, chr(10) * 2)}\n\n\n\n{_scene('Two', 3, chr(10) * 2)}\n"
    )
    assert _shape(_read(text).events) == "PPPPPPP|PPP"
