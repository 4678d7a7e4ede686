"""A labelled header (``Title: …`` / ``Author: …``) opening a manuscript, as Scrivener's
MultiMarkdown and many writers' plain-text files carry it."""

from __future__ import annotations

import pytest

from compile_book.api import parse_text
from compile_book.diagnostics import Code
from compile_book.nodes import heading_text, plain_text
from compile_book.rules.labelled import blank_labelled, read_labelled

SCRIVENER = (
    "Title: Winter Orchard\nAuthor: J. P. Fenn\nDate: 2024\nBase Header Level: 2\n\n"
    "# One #\n\nThe orchard froze in the night.\n\n# Two #\n\nBy noon the ice sang.\n"
)


def test_the_header_gives_keys_and_its_length() -> None:
    assert read_labelled(SCRIVENER) == (
        {
            "title": "Winter Orchard",
            "author": "J. P. Fenn",
            "date": "2024",
            "base header level": "2",
        },
        4,
    )


def test_indented_lines_continue_a_value_and_authors_is_author() -> None:
    text = "Title: The Long and\n    Winding Night\nAuthors: Ann Poe\n\nText.\n"
    assert read_labelled(text) == ({"title": "The Long and Winding Night", "author": "Ann Poe"}, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Note: this is fiction.\n\nText.\n",  # no title or author key
        "Title: Salt\nShe walked in.\n\nText.\n",  # a prose line inside
        "\nTitle: Salt\n\nText.\n",  # not at the top
        "Title:\nAuthor: Ann Poe\nMore: x\n Chapter One: The Beginning\n",  # an empty title
        "Chapter One: The Beginning\n\nText.\n",
        "Title: " + "x\nKey: y\n" * 20,  # too long for a header
    ],
)
def test_what_is_not_a_header(text: str) -> None:
    assert read_labelled(text) is None


def test_blanking_keeps_line_numbers() -> None:
    assert blank_labelled("Title: A\nAuthor: B\n\nText.", 2) == "\n\n\nText."


@pytest.mark.parametrize("name", ["x.md", "x.txt"])
def test_a_header_is_the_books_title_and_author_in_markdown_and_plain_text(name: str) -> None:
    book = parse_text(SCRIVENER, filename=name)
    assert (book.meta.title, book.meta.authors, book.meta.date) == (
        "Winter Orchard",
        ("J. P. Fenn",),
        "2024",
    )
    assert [heading_text(c.heading) for c in book.chapters if c.heading] == ["One", "Two"]
    first = book.chapters[0].blocks[0]
    assert plain_text(first.inlines) == "The orchard froze in the night."  # type: ignore[union-attr]
    assert any(d.code == Code.FRONT_MATTER_READ and d.line == 1 for d in book.diagnostics)


def test_a_header_in_plain_text_leaves_the_first_line_of_prose_alone() -> None:
    book = parse_text("Author: Ann Poe\n\nThe Salt Road\n\nIt was late.\n", filename="x.txt")
    assert book.meta.authors == ("Ann Poe",)
    assert book.meta.title == "The Salt Road"
