"""Which levels of headings inside chapters hold subheadings, and which subtitles."""

from __future__ import annotations

from compile_book.readers.subheadings import Role, subheading_levels

D, IN = Role.DIVISION, Role.INNER


def test_a_heading_after_prose_makes_its_level_subheadings() -> None:
    heads = [(D, 1, "", False), (IN, 2, "Elena", False), (D, 1, "", False), (IN, 2, "Marcus", True)]
    assert subheading_levels(heads) == {2}


def test_titles_straight_under_each_chapter_are_subtitles() -> None:
    heads = [(D, 1, "", False), (IN, 2, "The Fall", True), (D, 1, "", False), (IN, 2, "Dawn", True)]
    assert subheading_levels(heads) == set()


def test_a_second_heading_in_a_chapter_leaves_the_first_a_subtitle() -> None:
    heads = [(D, 1, "", False), (IN, 2, "The Fall", True), (IN, 2, "Monday", False)]
    assert subheading_levels(heads) == set()


def test_names_repeated_under_the_chapters_are_subheadings() -> None:
    one = [(D, 1, "", False), (IN, 2, "Elena", True), (IN, 2, "Marcus", False)]
    assert subheading_levels(one + one) == {2}
    # or a name under one chapter heading that comes back inside another
    two = [(D, 1, "", False), (IN, 2, "Marcus", True), (IN, 2, "ELENA", False)]
    assert subheading_levels(one[:2] + two) == {2}


def test_levels_are_judged_apart() -> None:
    heads = [
        (D, 1, "", False),
        (IN, 2, "The Fall", True),
        (IN, 3, "Monday", False),
        (D, 1, "", False),
        (IN, 2, "Dawn", True),
    ]
    assert subheading_levels(heads) == {3}
