"""The plain-text reader: decoding, cleaning, and the events of a ``.txt`` file."""

from __future__ import annotations

import pytest

from compile_book.diagnostics import Reporter
from compile_book.errors import InputError
from compile_book.events import BookAuthor, BookTitle, Break, Para, StartChapter
from compile_book.nodes import ChapterKind, Heading, Source
from compile_book.readers import Options
from compile_book.readers.text import decode_text, read
from tests.trees_small import codes, events


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
