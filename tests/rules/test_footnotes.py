"""Footnote marks and notes in plain text: which shapes are read, and what stays text."""

from __future__ import annotations

from compile_book.rules.footnotes import Footnotes, find_footnotes
from compile_book.rules.headings import match_heading
from tests.growth import MAX_RATIO, growth


def _find(text: str) -> Footnotes | None:
    return find_footnotes(text.split("\n"), lambda line: match_heading(line) is not None)


def _notes(found: Footnotes | None) -> dict[tuple[int, int], str]:
    """Each mark's (line, col) -> its note's first paragraph."""
    assert found is not None
    return {
        at: " ".join(p.text for p in found.bodies[k][0]) for at, k in sorted(found.marks.items())
    }


def test_numbered_marks_with_a_notes_section_at_the_end() -> None:
    found = _find(
        "Chapter 1\n\nThe village of Ystrad[1] had no church.\n\n"
        "A tin of buttons.[2] Nobody asked.\n\nNotes\n\n"
        "[1] Pronounced with a y.\n\n2. A Quality Street tin,\nnaturally.\n"
    )
    assert _notes(found) == {
        (3, 22): "Pronounced with a y.",
        (5, 18): "A Quality Street tin, naturally.",
    }
    assert found is not None and found.void == {6, 8, 10, 11}  # the heading and the notes


def test_notes_at_each_chapters_end_restart_their_numbers() -> None:
    found = _find(
        "Chapter 1\n\nOne[1] and two[2].\n\nNotes\n\n[1] a\n\n[2] b\n\n"
        "Chapter 2\n\nThree[1].\n\nFootnotes:\n\n[1] c\n"
    )
    assert list(_notes(found).values()) == ["a", "b", "c"]


def test_a_heading_less_run_of_bracketed_notes_before_the_next_chapter() -> None:
    found = _find("Chapter 1\n\nFond of[1] Chopin.\n\n\n[1]  In his speech.\n\nChapter 2\n\nOn.\n")
    assert list(_notes(found).values()) == ["In his speech."]


def test_markdown_marks_and_definitions_anywhere() -> None:
    found = _find("It was dark.[^dark] And cold.[^1]\n\n[^1]: Very cold.\n[^dark]: Quite.\n")
    assert _notes(found) == {(1, 13): "Quite.", (1, 30): "Very cold."}


def test_gutenberg_blocks_take_the_nearest_mark_before_them() -> None:
    found = _find(
        "CHAPTER I\n\nOregon[A] was far.\n\nSeattle[B] was young.\n\nFOOTNOTES:\n\n"
        "[Footnote A: See the\nHistorical Notes.]\n\n[Footnote B: See\n\n"
        "Notes.]\n\nCHAPTER II\n\nAgain[A] here.\n\n[Footnote A: Once more.]\n"
    )
    notes = _notes(found)
    assert notes[3, 7] == "See the Historical Notes."
    assert notes[5, 8] == "See"  # the block's first paragraph: it has two
    assert notes[18, 6] == "Once more."
    assert found is not None and 6 in found.void  # FOOTNOTES: goes with its blocks


def test_a_mark_in_a_heading_line_comes_out_of_it() -> None:
    found = _find("CHAPTER II[1].\n\nIt began.\n\n[Footnote 1: First printed in 1890.]\n")
    assert found is not None
    assert found.edits == {0: "CHAPTER II."}
    assert found.headings == {0: [0]}
    assert not found.marks


def test_what_is_not_a_footnote_stays_text() -> None:
    for text in (
        "In [1984] we met.\n\nNotes\n\n[1] none\n",  # a year; the note has no mark
        "See [1] and [2].\n",  # citations with no notes
        "Choose:\n\n[1] Fight\n[2] Run\n",  # a game's options
        "Buy:\n\n1. eggs\n2. milk\n",
    ):
        assert _find(text) is None, text  # not even a warning: nothing looks like a mark


def test_marks_that_do_not_match_the_notes_are_left_with_a_problem() -> None:
    found = _find("One[1] two[3].\n\nNotes\n\n[1] a\n\n[2] b\n")
    assert found is not None and not found.bodies
    assert found.problems[0][0] == 3
    found = _find("One[^a] two[^a].\n\n[^a]: twice marked\n")
    assert found is not None and not found.bodies and found.problems


def test_a_gutenberg_block_with_no_mark_stays_text() -> None:
    found = _find("No mark here.\n\n[Footnote 1: Orphan.]\n")
    assert found is not None and not found.bodies
    assert "no mark" in found.problems[0][1]


def test_a_mark_at_a_lines_start_is_not_one() -> None:
    found = _find("[1] starts the line\n\n[Footnote 1: note]\n")
    assert found is not None and not found.bodies


def test_reading_footnotes_is_linear() -> None:
    def run(n: int) -> object:
        chapter = "Chapter 1\n\n" + "Word[1] and[2] more [3] text.\n\n" * 3
        chapter += "Notes\n\n[1] a\n\n[2] b\n\n[3] c\n\n"
        pg = "Text[A] here.\n\n[Footnote A: a note\nover lines.]\n\n"
        md = "Mark[^x] there.\n\n"
        lines = (chapter * n + pg * n + md + "[^x]: note\n" + "[1984] [x] " * n).split("\n")
        return find_footnotes(lines, lambda line: match_heading(line) is not None)

    assert growth(run, 300) < MAX_RATIO
