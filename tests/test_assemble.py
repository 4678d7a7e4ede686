"""Assembly: every file's events -> one Book, with the book-level decisions made once."""

from __future__ import annotations

import pytest

from compile_book.assemble import assemble
from compile_book.bookmeta import metadata
from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.errors import InputError
from compile_book.events import (
    BlockNode,
    BookAuthor,
    BookTitle,
    Break,
    FileEvents,
    Para,
    StartChapter,
)
from compile_book.nodes import (
    ChapterKind,
    Figure,
    Heading,
    Image,
    Paragraph,
    SceneBreak,
    Source,
    Text,
    heading_text,
)
from compile_book.treecheck import TreeError, validate
from tests.trees_small import assembled, book_of, brk, chapter, codes, found, para


def _file(name: str, *items: BookTitle | BookAuthor | StartChapter | Para | Break) -> FileEvents:
    return FileEvents(name, tuple(items))


def _chapter_start(name: str, number: int, line: int = 1) -> StartChapter:
    src = Source(name, line)
    return StartChapter(ChapterKind.CHAPTER, Heading(src, "Chapter", number, str(number)), src)


# --------------------------------------------------------------------------- book-level


def test_title_and_author_come_only_from_the_first_file() -> None:
    a, b = Source("a.txt", 1), Source("b.txt", 1)
    files = [
        _file("a.txt", BookTitle("Salt", a), BookAuthor("Ann Poe", a), Para("One.", a)),
        _file("b.txt", BookTitle("Other", b), BookAuthor("Bob", b), Para("Two.", b)),
    ]
    book = assemble(files, BookConfig())
    assert (book.meta.title, book.meta.authors) == ("Salt", ("Ann Poe",))


def test_files_without_text_are_an_input_error_naming_the_first() -> None:
    """A divider alone makes no chapter: the reader's one-line error, not a writer's."""
    a, b = Source("a.txt", 1), Source("b.txt", 1)
    files = [_file("a.txt", Break(a)), _file("b.txt", Break(b))]
    with pytest.raises(InputError, match=r"^a\.txt: error: the manuscript has no text"):
        assemble(files, BookConfig())


def test_config_title_and_authors_override_the_manuscript() -> None:
    a = Source("a.txt", 1)
    files = [_file("a.txt", BookTitle("Salt", a), BookAuthor("Ann Poe", a), Para("One.", a))]
    book = assemble(files, BookConfig(title="Stone", authors=["Jane Doe", "John Roe"]))
    assert (book.meta.title, book.meta.authors) == ("Stone", ("Jane Doe", "John Roe"))


def test_title_falls_back_to_the_name_hint_else_the_first_files_name() -> None:
    files = [_file("the-long-night_draft2.txt", Para("One.", Source("x", 1)))]
    assert assemble(files, BookConfig()).meta.title == "The Long Night Draft2"
    assert assemble(files, BookConfig(), "my-novel").meta.title == "My Novel"


def test_every_file_starts_a_new_chapter() -> None:
    book = assembled("Chapter 1\n\nOne.\n", "More text without a heading.\n")
    assert [(c.source.file, heading_text(c.heading)) for c in book.chapters] == [
        ("a.txt", "Chapter 1"),
        ("b.txt", ""),
    ]


def test_paragraphs_arrive_as_one_raw_text_node_with_a_plain_source() -> None:
    src = Source("a.txt", 3, 1, ((4, 4, 1),))
    book = assemble([_file("a.txt", Para("*raw* text", src))], BookConfig())
    (block,) = book.chapters[0].blocks
    assert block == Paragraph((Text("*raw* text", src),), Source("a.txt", 3))
    assert isinstance(block, Paragraph) and isinstance(block.inlines[0], Text)
    assert block.source.breaks == ()
    assert block.inlines[0].source.breaks == ((4, 4, 1),)


def test_chapters_group_under_parts_and_the_epilogue_leaves_the_last_part() -> None:
    book = assembled(
        "Prologue\n\nBefore.\n\nPart One\n\nChapter 1\n\nA.\n\nChapter 2\n\nB.\n\n"
        "Part Two\n\nChapter 1\n\nC.\n\nEpilogue\n\nAfter.\n"
    )
    shape = [
        (heading_text(p.heading) or None, [heading_text(c.heading) for c in p.chapters])
        for p in book.parts
    ]
    assert shape == [
        (None, ["Prologue"]),
        ("Part One", ["Chapter 1", "Chapter 2"]),
        ("Part Two", ["Chapter 1"]),
        (None, ["Epilogue"]),
    ]


def test_chapter_numbers_restarting_at_one_in_a_new_part_are_not_w109() -> None:
    book = assembled("Part One\n\nChapter 1\n\nA.\n\nPart Two\n\nChapter 1\n\nB.\n")
    assert "W109" not in codes(book.diagnostics)


def test_w109_reports_a_skipped_and_a_repeated_chapter_number() -> None:
    files = [
        _file(
            "a.txt",
            _chapter_start("a.txt", 1, 1),
            Para("A.", Source("a.txt", 3)),
            _chapter_start("a.txt", 3, 5),
            Para("B.", Source("a.txt", 7)),
            _chapter_start("a.txt", 3, 9),
            Para("C.", Source("a.txt", 11)),
        )
    ]
    book = assemble(files, BookConfig())
    assert [(d.line, d.message) for d in book.diagnostics if d.code == Code.CHAPTER_SEQUENCE] == [
        (
            5,
            "chapter number 3 is out of sequence (previous was 1); if chapter 2 is there, its "
            "heading was not recognised (put it on a line of its own); otherwise renumber the "
            "chapter",
        ),
        (9, "chapter number 3 repeats (previous was 3); renumber the chapter"),
    ]


def test_w111_reports_a_heading_without_text() -> None:
    files = [
        _file("a.txt", _chapter_start("a.txt", 1, 1), Para("A.", Source("a.txt", 3))),
        _file("b.txt", _chapter_start("b.txt", 2, 1)),
    ]
    book = assemble(files, BookConfig())
    assert found(book.diagnostics, Code.EMPTY_CHAPTER) == [("b.txt", 1, 1)]
    assert book.chapters[1].blocks == ()


# --------------------------------------------------------------------------- scene breaks


def test_w105_drops_a_break_at_the_start_of_a_chapter() -> None:
    files = [
        _file(
            "a.txt",
            _chapter_start("a.txt", 1),
            Break(Source("a.txt", 3)),
            Para("A.", Source("a.txt", 5)),
        )
    ]
    book = assemble(files, BookConfig())
    assert [type(b) for b in book.chapters[0].blocks] == [Paragraph]
    assert found(book.diagnostics, Code.SCENE_BREAK_AT_EDGE) == [("a.txt", 3, 1)]


def test_w105_drops_a_break_at_the_end_and_withdraws_its_n030() -> None:
    files = [
        _file("a.txt", Para("A.", Source("a.txt", 1)), Break(Source("a.txt", 3))),
        _file("b.txt", Para("B.", Source("b.txt", 1))),
    ]
    book = assemble(files, BookConfig())
    assert [len(c.blocks) for c in book.chapters] == [1, 1]
    assert found(book.diagnostics, Code.SCENE_BREAK_AT_EDGE) == [("a.txt", 3, 1)]
    assert found(book.diagnostics, Code.SCENE_BREAK_RECOGNISED) == []


def test_n031_merges_a_second_break_in_a_row_into_the_first() -> None:
    a = "a.txt"
    files = [
        _file(
            a,
            Para("A.", Source(a, 1)),
            Break(Source(a, 3)),
            Break(Source(a, 5)),
            Para("B.", Source(a, 7)),
        )
    ]
    book = assemble(files, BookConfig())
    assert [type(b) for b in book.chapters[0].blocks] == [Paragraph, SceneBreak, Paragraph]
    assert book.chapters[0].blocks[1].source == Source(a, 3)
    assert found(book.diagnostics, Code.SCENE_BREAK_RECOGNISED) == [(a, 3, 0)]
    assert found(book.diagnostics, Code.SCENE_BREAK_DROPPED) == [(a, 5, 0)]


def test_a_file_of_only_a_scene_break_adds_no_empty_chapter() -> None:
    files = [
        _file("a.txt", Para("A.", Source("a.txt", 1))),
        _file("b.txt", Break(Source("b.txt", 1))),
    ]
    book = assemble(files, BookConfig())
    assert all(c.blocks or c.heading is not None for c in book.chapters)


# --------------------------------------------------------------------------- diagnostics, metadata


def test_metadata_identifier_is_the_isbn_urn_else_a_stable_uuid_of_title_and_authors() -> None:
    meta = metadata(BookConfig(isbn="978-3-16-148410-0"), "T", None, "x.txt")
    assert (meta.identifier, meta.isbn) == ("urn:isbn:9783161484100", "978-3-16-148410-0")
    one = metadata(BookConfig(), "Salt", "Ann Poe", "x.txt").identifier
    assert one == metadata(BookConfig(), "Salt", "Ann Poe", "y.txt").identifier
    assert one != metadata(BookConfig(), "Salt", "Bob", "x.txt").identifier
    assert one.startswith("urn:uuid:")


def test_title_from_a_folder_name_with_a_dot_keeps_the_whole_name() -> None:
    assert metadata(BookConfig(), None, None, "Mrs. Dalloway").title == "Mrs. Dalloway"


# --------------------------------------------------------------------------- validate


def test_validate_accepts_breaks_between_paragraphs() -> None:
    validate(book_of(chapter(para("a"), brk(), para("b"), brk(), para("c"))))


@pytest.mark.parametrize(
    ("blocks", "message"),
    [
        ((brk(), para("a")), "a scene break at the edge of a chapter"),
        ((para("a"), brk()), "a scene break at the edge of a chapter"),
        ((para("a"), brk(2), brk(3), para("b")), "t.txt:3: two scene breaks in a row"),
    ],
    ids=["break-first", "break-last", "two-in-a-row"],
)
def test_validate_raises_tree_error_for_misplaced_breaks(
    blocks: tuple[Paragraph | SceneBreak, ...], message: str
) -> None:
    with pytest.raises(TreeError, match=message):
        validate(book_of(chapter(*blocks)))


def test_validate_raises_tree_error_for_a_block_without_a_source() -> None:
    bad = Paragraph((), "t.txt:1")  # type: ignore[arg-type]
    with pytest.raises(TreeError, match="a block without a source position"):
        validate(book_of(chapter(bad)))


# --------------------------------------------------------------------------- cover picture

_PNG = Image("a.docx/media/cover.png", "image/png", b"\x89PNG\r\n\x1a\n...")


def _picture() -> BlockNode:
    return BlockNode(Figure(_PNG, "Cover", Source("a.docx", 1)))


def test_a_picture_before_the_title_is_the_books_cover() -> None:
    events = (
        _picture(),
        BookTitle("Salt", Source("a.docx", 2)),
        Para("It was late.", Source("a.docx", 3)),
    )
    book = assemble([FileEvents("a.docx", events)], BookConfig())
    assert book.meta.cover == _PNG
    assert not any(isinstance(b, Figure) for c in book.chapters for b in c.blocks)


def test_a_picture_followed_by_prose_stays_in_the_text() -> None:
    events = (_picture(), Para("It was late.", Source("a.docx", 3)))
    book = assemble([FileEvents("a.docx", events)], BookConfig())
    assert book.meta.cover is None
    assert isinstance(book.chapters[0].blocks[0], Figure)


def test_a_gap_after_an_unrecognised_heading_points_at_that_heading() -> None:
    import compile_book
    from compile_book.diagnostics import Code

    text = (
        "Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n\nChapter Thre\n\nThree.\n\nChapter 4\n\nFour.\n"
    )
    book = compile_book.parse_text(text)
    [sequence] = [d for d in book.diagnostics if d.code is Code.CHAPTER_SEQUENCE]
    assert "<text>:9" in sequence.message and "renumber" not in sequence.message


def test_a_gap_with_no_heading_in_between_suggests_both_causes() -> None:
    import compile_book
    from compile_book.diagnostics import Code

    book = compile_book.parse_text("Chapter 1\n\nOne.\n\nChapter 3\n\nThree.\n")
    [sequence] = [d for d in book.diagnostics if d.code is Code.CHAPTER_SEQUENCE]
    assert "heading was not recognised" in sequence.message
    assert "renumber" in sequence.message
