"""Look-alikes of the shapes this reader learned (headers, editor's blocks, front pages,
Obsidian and CriticMarkup marks, bracketed headings): each stays what it is, and no
word is lost, moved or invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book import api, markers
from compile_book.api import parse_text, slug
from compile_book.diagnostics import Code
from compile_book.nodes import Book, CodeSpan, Dedication, Epigraph, Text, heading_text
from compile_book.project import load_project
from compile_book.walk import query
from tests.projects import write_files


def _words(book: Book) -> str:
    return " ".join(node.text for node in query(book, Text))


def test_setext_underlines_and_arrows_are_no_highlights() -> None:
    text = "The Salt Road\n=====\n\nChapter One\n======\n\nThe arrow ==> goes <== back.\n"
    book = parse_text(text, filename="x.md")
    assert [heading_text(c.heading) for c in book.chapters] == ["The Salt Road", "Chapter One"]
    assert "The arrow ==> goes <== back." in _words(book)


def test_marks_inside_code_spans_stay_as_typed() -> None:
    book = parse_text("# One\n\nUse `a ==b== c` and `{--x--}` here.\n", filename="x.md")
    spans = [node.text for node in query(book, CodeSpan)]
    assert spans == ["a ==b== c", "{--x--}"]
    assert not any(markers.OPEN <= c <= markers.LAST for s in spans for c in s)


def test_a_status_block_opening_a_later_file_is_the_story(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "01.md": "# The Dungeon Diaries\n\n## Chapter 1\n\nMara woke.\n",
            "02.md": "Name: Mara\nClass: Rogue\nTitle: Shadow Walker\nLevel: 3\n\nShe stared.\n",
        },
    )
    book = api.parse_project(load_project(tmp_path))
    assert "Name: Mara" in _words(book) and "Title: Shadow Walker" in _words(book)


def test_a_header_with_a_story_key_is_no_header() -> None:
    book = parse_text("Name: Mara\nTitle: Shadow Walker\n\nShe stared.\n", filename="x.md")
    assert "Shadow Walker" in _words(book)


def test_a_title_and_by_line_over_a_word_count_are_the_title_page() -> None:
    text = "The Salt Road\nby Mara Quill\nAbout 85,000 words\n\n\nChapter 1\n\nThe rain came.\n"
    book = parse_text(text, filename="x.txt")
    assert (book.meta.title, book.meta.authors) == ("The Salt Road", ("Mara Quill",))
    assert not any(d.code == Code.DOCUMENT_PARTS_LEFT_OUT for d in book.diagnostics)


def test_a_heading_over_a_word_count_stays_a_heading() -> None:
    text = "Chapter 1\nWord count: 2,400\n\n\nThe rain came.\n\nChapter 2\n\nMorning.\n"
    book = parse_text(text, filename="x.txt")
    assert [heading_text(c.heading) for c in book.chapters] == ["Chapter 1", "Chapter 2"]


def test_a_bracketed_heading_with_words_after_it_is_a_note() -> None:
    text = "Chapter 1\n\nShe walked.\n\n[Chapter 2 - rewrite this]\n\nChapter 2\n\nHe ran.\n"
    book = parse_text(text, filename="x.txt")
    assert [heading_text(c.heading) for c in book.chapters] == ["Chapter 1", "Chapter 2"]
    assert any(d.code == Code.AUTHOR_NOTE for d in book.diagnostics)


def test_dialogue_under_an_opening_line_is_no_epigraph() -> None:
    text = (
        "The Quiet House\n\nThe door opened.\n-- You're late, said Tom.\n\nChapter 1\n\nShe sat.\n"
    )
    book = parse_text(text, filename="x.txt")
    assert not any(isinstance(page, Epigraph) for page in book.front)
    assert "late, said Tom" in _words(book)


def test_a_story_line_under_a_copyright_notice_stays_the_story() -> None:
    text = (
        "The Salt Road\n\nCopyright 2025 Mara Quill\n\n"
        "Printing presses had stopped forever by the time I was born.\n\nChapter 1\n\nShe.\n"
    )
    book = parse_text(text, filename="x.txt")
    assert "Printing presses had stopped" in _words(book)


def test_a_file_name_keeps_its_dashes() -> None:
    assert slug("Salt—Road") == slug("Salt--Road") == "salt-road"


def test_a_footnote_in_a_markdown_epigraph_keeps_the_paragraph_in_the_story() -> None:
    text = (
        "# The Salt Road\n\nby Mara Quill\n\n> The sea is salt.[^1]\n>\n> — Seneca\n\n"
        "## Chapter 1\n\nShe walked.\n\n[^1]: Letters, fifty-four, on the tides.\n"
    )
    book = parse_text(text, filename="x.md")
    assert not any(isinstance(page, Epigraph) for page in book.front)
    assert "fifty-four" in _words(book)


def test_emphasis_inside_a_markdown_front_page_line_is_no_front_page() -> None:
    text = (
        "# Salt\n\nby Mara Quill\n\n> *The sea* is **salt**\n>\n> — Seneca\n\n## Chapter 1\n\nHi.\n"
    )
    book = parse_text(text, filename="x.md")
    assert not any(isinstance(page, Epigraph) for page in book.front)
    assert "salt" in _words(book)


def test_speech_a_letter_and_a_sentence_stay_the_story() -> None:
    cases = [
        "He had waited all night at the end of the pier.\n\n— Not any more.\n\n",
        "> Dear Tom,\n>\n> I have gone to the sea.\n>\n> — Mara\n\n",
        "For three days the rain fell.\n\nThe sea took what it wanted.\n\n— Harrow Gazette\n\n",
    ]
    for opening in cases:
        book = parse_text(
            "# Salt\n\nby Mara Quill\n\n" + opening + "## Chapter 1\n\nHi.\n", filename="x.md"
        )
        assert not any(isinstance(page, Dedication) for page in book.front), opening
        words = _words(book)
        assert opening.split()[1].strip(",") in words, opening


def test_an_email_header_is_the_story_not_the_title() -> None:
    text = "From: Mara Quinn\nTo: Jon Quinn\nSubject: the house\n\nJon,\n\nThe agent called.\n"
    book = parse_text(text, filename="x.txt")
    assert book.meta.title != "From: Mara Quinn"
    assert "From: Mara Quinn" in _words(book)


def test_the_end_with_a_question_mark_is_the_last_line() -> None:
    book = parse_text("Chapter 1\n\nShe turned.\n\nThe End?\n", filename="x.txt")
    assert "The End?" in _words(book)


@pytest.mark.parametrize(
    "line",
    [
        "For Sam.",
        "To my mother.",
        "In memory of my father.",
    ],
)
def test_a_one_line_dedication_over_the_first_chapter(line: str) -> None:
    book = parse_text(
        f"Salt\n\nby Ann Poe\n\n{line}\n\nChapter 1\n\nIt rained.\n", filename="x.txt"
    )
    assert any(isinstance(page, Dedication) for page in book.front), line


def test_a_by_line_set_as_a_markdown_heading_is_the_author() -> None:
    book = parse_text("# The Ferry\n\n### by Ann Smith\n\nThe boat was late.\n", filename="x.md")
    assert (book.meta.title, book.meta.authors) == ("The Ferry", ("Ann Smith",))


def test_a_copyright_notice_with_a_comma_after_the_word() -> None:
    text = "Salt\n\nby Ann Poe\n\nCopyright, 1897, by Ann Poe.\n\nChapter 1\n\nIt rained.\n"
    book = parse_text(text, filename="x.txt")
    assert book.meta.rights == "Copyright, 1897, by Ann Poe."


def test_a_contents_list_with_a_page_column_is_left_out_whole() -> None:
    text = (
        "THE BELLS\n\nby Ann Smith\n\nCONTENTS\n\n                    Page\n\n"
        "Chapter I. The Ferry  1\n\nChapter II. The Wake  13\n\n"
        "Chapter I. The Ferry\n\nIt was late.\n\nChapter II. The Wake\n\nMorning came.\n"
    )
    book = parse_text(text, filename="x.txt")
    assert [heading_text(c.heading) for c in book.chapters] == [
        "Chapter I: The Ferry",
        "Chapter II: The Wake",
    ]
    assert "Page" not in _words(book)


@pytest.mark.parametrize(
    "line",
    [
        "For Sam, the war was over.",
        "To my surprise, the ferry was on time.",
        "For Christmas that year we went to Paris.",
        "In memory of the drowned, the town rang its bell.",
        "To Be Continued.",
    ],
)
def test_a_story_line_over_the_first_chapter_is_no_dedication(line: str) -> None:
    text = f"Salt\n\nby Ann Poe\n\n{line}\n\nChapter 1\n\nIt rained.\n"
    book = parse_text(text, filename="x.txt")
    assert not any(isinstance(page, Dedication) for page in book.front), line
    assert line in _words(book)


def test_a_heading_starting_with_by_is_a_heading() -> None:
    text = "# The Ferry\n\n## By Night\n\nThe boat was late.\n\n## Chapter Two\n\nShe left.\n"
    book = parse_text(text, filename="x.md")
    assert book.meta.authors == ()
    assert [heading_text(c.heading) for c in book.chapters] == ["By Night", "Chapter Two"]


def test_a_title_with_a_colon_is_no_mail_header() -> None:
    book = parse_text("Wanted: Dead or Alive\n\nPrologue: Dusk\n\nIt was late.\n", filename="x.txt")
    assert book.meta.title == "Wanted: Dead or Alive"


def test_the_end_with_three_dots_is_the_last_line() -> None:
    book = parse_text("Chapter 1\n\nShe turned.\n\nThe End...\n", filename="x.txt")
    assert "The End" in _words(book)


def test_a_sentence_under_a_markdown_chapter_heading_opens_the_chapter() -> None:
    book = parse_text("# Chapter 1\n\nThe boat was late.\n\nShe waited.\n", filename="x.md")
    assert heading_text(book.chapters[0].heading) == "Chapter 1"
    assert "The boat was late." in _words(book)
