"""The editor's block atop a Standard Manuscript Format first page, in plain text."""

from __future__ import annotations

import pytest

from compile_book.api import parse_text
from compile_book.diagnostics import Code
from compile_book.nodes import plain_text
from compile_book.rules.manuscript_format import block_lines, count_line
from compile_book.rules.titles import by_line

SHUNN = """Jane Doe
123 Main Street
Springfield, IL 62701
(555) 555-1234
jane.doe@example.com
About 85,000 words



THE LIGHTHOUSE KEEPER

by Jane Doe



Chapter One

The lamp had not been lit in eleven years.

Chapter Two

The boat arrived at noon.
"""

ONE_LINE = """Jane Doe                                  80,000 words
12 Harbour Road, Leith
jane@example.com


The Lighthouse Keeper

It was late when the lamp went out.
"""


def _is_by(line: str) -> bool:
    return by_line(line) is not None


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("About 85,000 words", True),
        ("Word count: 80,000", True),
        ("approx. 3500 words", True),
        ("Jane Doe                 About 85,000 words", True),
        ("Jane Doe\t80,000 words", True),
        ("ca. 80.000 Wörter", True),
        ("She wrote 3,000 words that night.", False),
        ("The letter ran to 3,000 words.", False),
    ],
)
def test_a_count_line(text: str, counts: bool) -> None:
    assert count_line(text) is counts


def test_the_block_runs_down_to_the_title() -> None:
    assert block_lines(SHUNN.split("\n"), _is_by) == 9
    assert block_lines(ONE_LINE.split("\n"), _is_by) == 5


@pytest.mark.parametrize(
    "text",
    [
        "She wrote 3,000 words that night.\nShe slept.\n\n\nThe next day.\n",  # prose
        "About 85,000 words\n\n\nThe Keeper\n",  # one line is no block
        "Jane Doe\nAbout 85,000 words\nIt was late, and the lamp was out.\n",  # no title under it
        "Jane Doe\n" + "x" * 120 + " 80,000 words\n\n\nTitle\n",  # a long line is prose
    ],
)
def test_what_is_no_block(text: str) -> None:
    assert block_lines(text.split("\n"), _is_by) == 0


@pytest.mark.parametrize(
    ("text", "title", "authors", "first"),
    [
        (
            SHUNN,
            "The Lighthouse Keeper",
            ("Jane Doe",),
            "The lamp had not been lit in eleven years.",
        ),
        (ONE_LINE, "The Lighthouse Keeper", (), "It was late when the lamp went out."),
    ],
)
def test_the_block_is_left_out_of_a_plain_text_book(
    text: str, title: str, authors: tuple[str, ...], first: str
) -> None:
    book = parse_text(text, filename="novel.txt")
    assert (book.meta.title, book.meta.authors) == (title, authors)
    assert plain_text(book.chapters[0].blocks[0].inlines) == first  # type: ignore[union-attr]
    said = [d for d in book.diagnostics if d.code == Code.DOCUMENT_PARTS_LEFT_OUT]
    assert len(said) == 1 and "lines 1-" in said[0].message
    words = " ".join(plain_text(b.inlines) for c in book.chapters for b in c.blocks)  # type: ignore[union-attr]
    assert "Main Street" not in words and "example.com" not in words
