"""Markdown kept in Obsidian: its own markup read as Obsidian shows it, nothing lost."""

from __future__ import annotations

import pytest

from compile_book.api import parse_text
from compile_book.diagnostics import Code
from compile_book.nodes import BlockQuote, Paragraph, plain_text
from compile_book.rules.appmarkup import obsidian
from compile_book.rules.markdown import prepare, restore
from tests.growth import MAX_RATIO, growth

NOTE = """---
title: The Salt Road
author: Mara Quill
tags: [draft, novel]
---

# Chapter 1: Arrival

The caravan reached [[Kessary]] at dusk, as [[Notes/Places|the old atlas]] said.

> [!note] Fix the timeline
> Mara's age is wrong.

"You're late," said Oren. ==Highlight this later.==

%% TODO: expand this scene %%

She shrugged.

# Chapter 2: The Market

Stalls %%not sure%% crowded the square.
"""


def _texts(name: str = "x.md") -> list[str]:
    book = parse_text(NOTE, filename=name)
    return [
        plain_text(b.inlines)
        if isinstance(b, Paragraph)
        else f"> {plain_text(b.blocks[0].inlines)}"  # type: ignore[union-attr]
        for c in book.chapters
        for b in c.blocks
        if isinstance(b, Paragraph | BlockQuote)
    ]


def test_a_tagged_note_with_headings_gives_the_book_its_title() -> None:
    """``tags:`` is a web page's key too, but a page heading its own chapters is a book."""
    book = parse_text(NOTE, filename="x.md")
    assert (book.meta.title, book.meta.authors) == ("The Salt Road", ("Mara Quill",))


def test_links_highlights_callouts_and_comments_read_as_obsidian_shows_them() -> None:
    assert _texts() == [
        "The caravan reached Kessary at dusk, as the old atlas said.",
        "> Fix the timeline Mara’s age is wrong.",
        "“You’re late,” said Oren. Highlight this later.",
        "She shrugged.",
        "Stalls crowded the square.",
    ]
    book = parse_text(NOTE, filename="x.md")
    said = [
        d.message
        for d in book.diagnostics
        if d.code in (Code.MARKUP_LEFT_OUT, Code.COMMENTS_LEFT_OUT)
    ]
    assert "2 Obsidian wiki link(s) read" in said
    assert "2 comment(s) left out of the book" in said


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("[[Kessary]]", "Kessary"),
        ("[[Kessary|the city]]", "the city"),
        ("[[Kessary#Gates]]", "Kessary"),
        ("[[#Gates]]", "Gates"),
        ("[[ ]]", "[[ ]]"),  # nothing to show: left as typed
        ("![[map.png]]", "![[map.png]]"),  # an embed is not a link
        ("a == b and c == d", "a == b and c == d"),  # a sum, not a highlight
        ("50%% off %% no", "50%% off %% no"),  # no comment opened after a space and closed
    ],
)
def test_what_each_mark_shows(typed: str, shown: str) -> None:
    text, _ = obsidian(prepare(f"See {typed} now.").text)
    assert restore(text) == f"See {shown} now."


def test_columns_keep_their_place() -> None:
    line = "See [[Notes/Places|the atlas]] and ==this== now."
    text, _ = obsidian(line)
    assert len(text) == len(line)
    assert text.index("now") == line.index("now")


def test_code_keeps_its_marks() -> None:
    text, counts = obsidian("see [[a]]\n    see [[b]]", frozenset({1}))
    assert restore(text) == "see a\n    see [[b]]"
    assert counts["wiki link"] == 1


def test_reading_obsidian_marks_is_linear() -> None:
    def run(n: int) -> object:
        return obsidian("[[a|b]] ==c== [[d ==e " * n + "\n> [!note] x\n" * n)

    assert growth(run, 2000) < MAX_RATIO


def test_a_line_wholly_in_double_brackets_stays_a_note_to_self() -> None:
    book = parse_text("# One\n\nShe left.\n\n[[fix the ending]]\n\nHe came.\n", filename="x.md")
    assert [plain_text(b.inlines) for b in book.chapters[0].blocks] == ["She left.", "He came."]  # type: ignore[union-attr]
    assert any(d.code == Code.AUTHOR_NOTE for d in book.diagnostics)
