"""The plain-text reader: decoding, cleaning, and the events of a ``.txt`` file."""

from __future__ import annotations

import pytest

from compile_book.diagnostics import Code, Reporter
from compile_book.errors import InputError
from compile_book.events import BookAuthor, BookTitle, Break, Para, StartChapter
from compile_book.nodes import ChapterKind, Heading, Source
from compile_book.readers import Options
from compile_book.readers.text import decode_text, leave_out, read
from compile_book.rules.paragraphs import VOID
from tests.trees_small import codes, events, found


def test_decode_text_reads_windows_1252_and_normalises_crlf_reporting_both() -> None:
    reporter = Reporter()
    data = "Café “x”\r\nNext\r\n".encode("cp1252")
    assert decode_text("a.txt", data, reporter) == "Café “x”\nNext\n"
    assert [d.format() for d in reporter.items] == [
        "a.txt:1: info N001: decoded as Windows-1252",
        "a.txt:1: info N002: CRLF/CR line endings normalised to LF",
    ]


def test_decode_text_drops_bom_and_zero_width_characters_reporting_them() -> None:
    reporter = Reporter()
    assert decode_text("a.txt", "\ufeffHi\u200b there\n".encode(), reporter) == "Hi there\n"
    assert codes(reporter.items) == ["N001", "N003"]


def test_read_emits_title_author_chapter_para_and_break_in_order() -> None:
    data = b"Salt and Stone\nby Ann Poe\n\nChapter 1\n\nIt was late.\n\n***\n\nIt was later.\n"
    result = read("a.txt", data, Options())
    assert result.events == (
        BookTitle("Salt and Stone", Source("a.txt", 1)),
        BookAuthor("Ann Poe", Source("a.txt", 2)),
        StartChapter(
            ChapterKind.CHAPTER, Heading(Source("a.txt", 4), "Chapter", 1, "1"), Source("a.txt", 4)
        ),
        Para("It was late.", Source("a.txt", 6)),
        Break(Source("a.txt", 8)),
        Para("It was later.", Source("a.txt", 10)),
    )


def test_read_keeps_paragraph_text_raw_for_the_transforms() -> None:
    result = events('He said "hi" -- *twice* {and thought it}...')
    assert result.events == (
        Para('He said "hi" -- *twice* {and thought it}...', Source("a.txt", 1)),
    )


def test_read_of_a_blank_file_raises_input_error_naming_it() -> None:
    with pytest.raises(InputError, match=r"^e\.txt: error: the manuscript is empty"):
        read("e.txt", b"  \n\n\t\n", Options())


def test_read_hides_backslash_escapes_from_later_stages() -> None:
    (para,) = events("A \\*literal\\* star.").events
    assert isinstance(para, Para)
    assert "*" not in para.text and "\\" not in para.text


# --------------------------------------------------------------------------- left out


def test_html_comments_are_left_out_keeping_line_numbers_and_counted() -> None:
    text = "One.\n<!-- a note\nover two lines -->\nTwo <!-- aside --> too.\nThree.\n"
    result = events(text)
    assert [e for e in result.events if isinstance(e, Para)] == [
        Para("One.", Source("a.txt", 1)),
        Para("Two  too.", Source("a.txt", 4)),
        Para("Three.", Source("a.txt", 5)),
    ]
    assert [d.format() for d in result.diagnostics if d.code == Code.COMMENTS_LEFT_OUT] == [
        "a.txt:2: info N025: 2 comment(s) left out of the book"
    ]


def test_leave_out_makes_comment_lines_void_and_keeps_other_text() -> None:
    reporter = Reporter()
    text = "A <!-- x\ny\nz --> B\n<!-- w -->\nC\n"
    assert leave_out("a.txt", text, reporter) == f"A \n{VOID}\n B\n{VOID}\nC\n"


def test_an_unclosed_comment_is_kept_as_text_with_a_warning() -> None:
    result = events("One.\n\nTwo <!-- never closed.\n\nThree.\n")
    assert [e.text for e in result.events if isinstance(e, Para)] == [
        "One.",
        "Two <!-- never closed.",
        "Three.",
    ]
    assert found(result.diagnostics, Code.AUTHOR_NOTE) == [("a.txt", 3, 5)]


def test_a_txt_file_has_no_front_matter_a_top_dashes_block_is_text() -> None:
    text = "---\nNote: she left.\n---\n\nShe came back. <!-- x -->\n"
    paras = [e.text for e in events(text).events if isinstance(e, Para)]
    assert paras == ["Note: she left.", "She came back."]


def test_lone_backslash_lines_are_read_as_blank_lines() -> None:
    result = events("One.\n\\\nTwo.\n  \\  \nThree.\n")
    assert [e.text for e in result.events if isinstance(e, Para)] == ["One.", "Two.", "Three."]
    assert [d.format() for d in result.diagnostics if d.code == Code.MARKUP_LEFT_OUT] == [
        "a.txt:2: info N026: 2 line(s) holding only '\\' (an export's empty paragraphs) "
        "read as blank lines"
    ]
    # a backslash in a line of prose is prose
    assert [e.text for e in events("a \\ b\n").events if isinstance(e, Para)] == ["a \\ b"]


def test_a_manuscript_of_comments_only_is_empty() -> None:
    with pytest.raises(InputError, match="the manuscript is empty"):
        read("e.txt", b"<!-- to write -->\n\n<!-- later\n-->\n", Options())


def test_an_empty_file_among_others_is_a_warning_not_an_error() -> None:
    from compile_book.pipeline import ManuscriptSource, compile_sources

    book = compile_sources(
        [
            ManuscriptSource("a.txt", b"Chapter 1\n\nText.\n"),
            ManuscriptSource("b.md", b"<!-- scrap -->\n"),
        ]
    )
    assert len(book.chapters) == 1
    assert [(d.file, d.code) for d in book.diagnostics if d.code == Code.EMPTY_CHAPTER] == [
        ("b.md", Code.EMPTY_CHAPTER)
    ]


def test_an_empty_word_processor_file_among_others_is_a_warning_too() -> None:
    from compile_book.pipeline import ManuscriptSource, compile_sources
    from tests.docx_fixtures import docx, p
    from tests.odt_fixtures import odt

    book = compile_sources(
        [
            ManuscriptSource("a.txt", b"Chapter 1\n\nText.\n"),
            ManuscriptSource("b.docx", docx(p(""))),
            ManuscriptSource("c.odt", odt("<text:p/>")),
        ]
    )
    assert len(book.chapters) == 1
    assert [d.file for d in book.diagnostics if d.code == Code.EMPTY_CHAPTER] == ["b.docx", "c.odt"]
