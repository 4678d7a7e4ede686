"""The ``literals`` transform: backslash escapes put back as the characters typed."""

from __future__ import annotations

from compile_book.nodes import Emphasis, plain_text
from compile_book.transforms import inlines, literals, typography
from tests.trees_small import assembled, context, paragraphs, texts


def test_escaped_star_stays_a_literal_star_without_its_backslash() -> None:
    ctx = context()
    book = assembled("A \\*literal\\* star and *real* one.\n")
    book = literals.run(typography.run(inlines.run(book, ctx), ctx), ctx)
    assert texts(book) == ["A *literal* star and real one."]
    assert sum(isinstance(n, Emphasis) for n in paragraphs(book)[0].inlines) == 1


def test_escaped_brace_and_underscore_are_not_parsed_as_delimiters() -> None:
    ctx = context()
    book = literals.run(inlines.run(assembled("a \\{b\\} c \\_d\\_ e\n"), ctx), ctx)
    assert texts(book) == ["a {b} c _d_ e"]
    assert ctx.reporter.items == []


def test_literals_restore_escapes_in_heading_titles() -> None:
    ctx = context()
    book = literals.run(assembled("Chapter 1: Star \\* Light\n\nText.\n"), ctx)
    heading = book.chapters[0].heading
    assert heading is not None and plain_text(heading.title) == "Star * Light"
