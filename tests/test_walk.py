"""``walk`` and ``query``: every node in document order, front matter first."""

from __future__ import annotations

from dataclasses import replace

from compile_book.nodes import (
    Contents,
    Emphasis,
    Heading,
    Part,
    Telepathy,
    Text,
    TitlePage,
)
from compile_book.walk import query, walk
from tests.trees_small import SRC, book_of, brk, chapter, para


def test_walk_yields_front_matter_parts_headings_blocks_and_inlines_depth_first() -> None:
    part_heading = Heading(SRC, "Part", 1, "One", (Text("Early", SRC),))
    ch_heading = Heading(SRC, "Chapter", 1, "1", (Text("Title", SRC),), (Text("Sub", SRC),))
    book = book_of(
        chapter(
            para("a ", Emphasis((Text("b", SRC),), SRC)),
            brk(),
            para(Telepathy((Text("c", SRC),), SRC)),
            heading=ch_heading,
        ),
        part_heading=part_heading,
    )
    book = replace(book, front=(TitlePage("T"), Contents("Contents")))
    names = [type(n).__name__ for n in walk(book)]
    assert names == [
        "TitlePage",
        "Contents",
        "Part",
        "Heading",
        "Text",  # part title
        "Chapter",
        "Heading",
        "Text",  # chapter title
        "Text",  # chapter subtitle
        "Paragraph",
        "Text",
        "Emphasis",
        "Text",
        "SceneBreak",
        "Paragraph",
        "Telepathy",
        "Text",
    ]


def test_query_keeps_the_nodes_of_one_type_in_document_order() -> None:
    book = book_of(chapter(para("one ", Emphasis((Text("two", SRC),), SRC)), brk(), para("three")))
    assert [t.text for t in query(book, Text)] == ["one ", "two", "three"]
    assert len(query(book, Part)) == 1
    assert query(book, Telepathy) == []


def test_walk_of_an_implicit_part_yields_no_heading() -> None:
    book = book_of(chapter(para("x")))
    assert [type(n).__name__ for n in walk(book)] == ["Part", "Chapter", "Paragraph", "Text"]
