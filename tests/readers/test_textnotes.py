"""Footnotes in ``.txt`` manuscripts reach the tree as notes, and both outputs."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from compile_book import api
from compile_book.diagnostics import Code
from compile_book.nodes import Book, Note, Paragraph, plain_text
from compile_book.sequences import notes
from tests.epubcheck import run_epubcheck
from tests.writers import pdfread

HAND = (
    "The Glossary War\nby Peter Quill\n\nChapter 1\n\n"
    "The village of Ystrad[1] had no church.\n\n"
    "Gwen's grandmother kept the key in a tin of buttons.[2] Nobody asked why.\n\n"
    "Chapter 2\n\nOn Sunday the chapel door stood open.\n\nNotes\n\n"
    '[1] Pronounced "UH-strad". It means "vale".\n\n[2] A Quality Street tin, naturally.\n'
)
GUTENBERG = (
    'CHAPTER I.\n\nMarcus Whitman\'s "Ride for Oregon"[A]--that daring trip\n'
    "across the continent.\n\n[Footnote A: See Historical\nNotes.]\n\n"
    "More text follows here.\n\n"
    "CHAPTER II[1].\n\nThe second chapter opens, and Seattle[*] was there.\n\n"
    "It goes on.\n\nFOOTNOTES:\n\n[Footnote 1: First printed in 1890.]\n\n"
    "[Footnote *: The city's name.]\n"
)


def _paragraphs(book: Book) -> list[Paragraph]:
    return [b for ch in book.chapters for b in ch.blocks if isinstance(b, Paragraph)]


def _note_texts(book: Book) -> list[str]:
    return [
        plain_text(n.blocks[0].inlines)
        for p in _paragraphs(book)
        for n in notes(p.inlines)
        if isinstance(n.blocks[0], Paragraph)
    ]


def test_numbered_notes_stand_at_their_marks() -> None:
    book = api.parse_text(HAND, filename="war.txt")
    first = _paragraphs(book)[0]
    assert plain_text(first.inlines) == "The village of Ystrad had no church."
    assert isinstance(first.inlines[1], Note)
    assert _note_texts(book) == [
        "Pronounced “UH-strad”. It means “vale”.",
        "A Quality Street tin, naturally.",
    ]
    assert [ch.heading.number for ch in book.chapters if ch.heading] == [1, 2]
    assert len(book.chapters[1].blocks) == 1  # "Notes" and its notes are not text
    assert any(d.code == Code.FOOTNOTES_RECOGNISED for d in book.diagnostics)


def test_gutenberg_blocks_and_a_mark_in_a_heading_line() -> None:
    book = api.parse_text(GUTENBERG, filename="pg.txt")
    assert [ch.heading.number for ch in book.chapters if ch.heading] == [1, 2]
    assert _note_texts(book) == [
        "See Historical Notes.",
        "The city’s name.",
        "First printed in 1890.",  # the heading's note ends the chapter's first paragraph
    ]
    words = " ".join(plain_text(p.inlines) for p in _paragraphs(book))
    assert "[" not in words and "FOOTNOTES" not in words
    assert not [d for d in book.diagnostics if d.code == Code.AUTHOR_NOTE]


def test_a_mark_in_a_chapters_title_line_goes_with_its_first_paragraph() -> None:
    text = "Chapter 1\n\nThe Valley[1]\n\nIt was green.\n\nMore.\n\nNotes\n\n[1] A real valley.\n"
    book = api.parse_text(text, filename="t.txt")
    heading = book.chapters[0].heading
    assert heading is not None and plain_text(heading.title) == "The Valley"
    first = _paragraphs(book)[0]
    assert plain_text(first.inlines) == "It was green."
    assert isinstance(first.inlines[-1], Note)


def test_a_note_with_nowhere_to_go_stays_text_and_the_others_are_read() -> None:
    text = (
        "The Glossary War[1]\nby Peter Quill\n\nChapter 1\n\nYstrad[2] had a chapel.\n\n"
        "Notes\n\n[1] A working title.\n\n[2] Pronounced UH-strad.\n"
    )
    book = api.parse_text(text, filename="t.txt")
    assert _note_texts(book) == ["Pronounced UH-strad."]
    said = [d for d in book.diagnostics if d.code == Code.FOOTNOTES_NOT_READ]
    assert said and said[0].line == 10
    every = " ".join(plain_text(p.inlines) for p in _paragraphs(book))
    assert "A working title." in every  # the note kept as text, never lost


def test_marks_with_no_notes_stay_as_typed() -> None:
    book = api.parse_text("Chapter 1\n\nIn [1984] and [1] we met.\n", filename="c.txt")
    assert plain_text(_paragraphs(book)[0].inlines) == "In [1984] and [1] we met."


@pytest.mark.slow
def test_text_footnotes_build_a_valid_epub_and_print_in_the_pdf(tmp_path: Path) -> None:
    source = tmp_path / "war.txt"
    source.write_text(HAND + "\n" + GUTENBERG.replace("CHAPTER I.", "CHAPTER III."))
    result = api.build(source, ["epub", "pdf"], tmp_path / "out")
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)
    reader = pypdf.PdfReader(result.outputs["pdf"])
    printed = " ".join(pdfread.norm_words(pdfread.body_text(reader, result.book)))
    for words in ("Quality Street tin", "See Historical Notes", "First printed in 1890"):
        assert " ".join(pdfread.norm_words(words)) in printed
