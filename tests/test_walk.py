"""``walk`` and ``query``: every node in document order, front matter first."""

from __future__ import annotations

from dataclasses import replace

from compile_book.nodes import (
    BlockQuote,
    Contents,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    ListBlock,
    Note,
    Part,
    Telepathy,
    Text,
    TitlePage,
    Verse,
)
from compile_book.walk import figures, query, walk
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


def _figure(name: str, *caption: Inline) -> Figure:
    return Figure(Image(name, "image/png", b""), name, SRC, caption)


def test_figures_are_the_figures_query_finds_in_the_same_order() -> None:
    def note(*blocks: object) -> Note:
        return Note(tuple(blocks), SRC)  # type: ignore[arg-type]

    heading = Heading(SRC, "Chapter", 1, "1", (Text("Title", SRC), note(_figure("h.png"))))
    book = book_of(
        chapter(
            _figure("a.png", Text("caption ", SRC), note(_figure("in-caption.png"))),
            para("text ", Emphasis((note(para("deep"), _figure("in-note.png")),), SRC)),
            BlockQuote((_figure("quoted.png"),), SRC),
            ListBlock(False, ((para("item"),), (_figure("listed.png"),)), SRC),
            Verse(((Text("line", SRC), note(_figure("verse.png"))),), SRC),
            brk(),
            para("plain"),
            heading=heading,
        ),
        chapter(para("no figure here")),
    )
    names = [f.image.name for f in figures(book)]
    assert names == [f.image.name for f in query(book, Figure)]
    assert names == [
        "h.png", "a.png", "in-caption.png", "in-note.png", "quoted.png", "listed.png", "verse.png"
    ]  # fmt: skip
