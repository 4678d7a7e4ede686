"""Indented groups in flush-left prose: verse and letters, not headings or centred lines."""

from __future__ import annotations

from compile_book.rules.indented import find_groups, group
from compile_book.rules.paragraphs import split_lines

PROSE = "She walked out along the harbour wall and looked at the boats there.\n"


def _groups(text: str) -> list[list[str]]:
    lines = split_lines(text)
    return [[ln.text for ln in lines[a:b]] for a, b in find_groups(lines, lambda _: False)]


def test_an_indented_poem_between_blank_lines_is_a_group() -> None:
    text = PROSE * 6 + "\n    The hens are in the meadow,\n    The fox is in the wood;\n\n" + PROSE
    assert _groups(text) == [["The hens are in the meadow,", "The fox is in the wood;"]]


def test_stanzas_stay_in_one_group_and_a_letter_is_told_apart() -> None:
    text = (
        PROSE * 6 + "\n    Dear Garnet,\n\n    Come down at once.\n    Yours,\n    S.\n\n" + PROSE
    )
    lines = split_lines(text)
    ((a, b),) = find_groups(lines, lambda _: False)
    found = group(lines[a:b])
    assert found.letter
    assert [[ln.text for ln in s] for s in found.stanzas] == [
        ["Dear Garnet,"],
        ["Come down at once.", "Yours,", "S."],
    ]


def test_a_file_that_indents_its_paragraphs_has_no_groups() -> None:
    text = ("    " + PROSE + "    " + PROSE + "\n") * 5
    assert _groups(text) == []


def test_a_single_line_a_heading_or_centred_lines_are_not_groups() -> None:
    one = PROSE * 6 + "\n    Just one line.\n\n" + PROSE
    heading = PROSE * 6 + "\n    CHAPTER I\n    The Start\n\n" + PROSE
    centred = PROSE * 9 + "\n          TO MY FRIEND\n        WILLIAM TOWNEND\n\n" + PROSE
    assert _groups(one) == []
    assert [ln.text for ln in split_lines(heading)] and not [
        g for g in find_groups(split_lines(heading), lambda t: t == "CHAPTER I")
    ]
    assert _groups(centred) == []


def test_a_group_running_into_prose_without_a_blank_line_is_not_one() -> None:
    text = PROSE * 6 + "\n    The hens are in the meadow,\n    The fox is in the wood;\n" + PROSE
    assert _groups(text) == []


def test_single_indented_lines_between_blank_lines_are_not_a_group() -> None:
    text = PROSE * 6 + "\n    “Yes,” she said.\n\n    “No,” he said.\n\n" + PROSE
    assert _groups(text) == []
