"""The Markdown reader: front matter, comments, and Markdown headings."""

from __future__ import annotations

from compile_book.events import BookAuthor, BookTitle, Para, StartChapter
from compile_book.nodes import Source, plain_text
from compile_book.rules.markdown import restore
from compile_book.rules.yamlfront import read_front_matter
from tests.trees_small import events

FRONT = "---\ntitle: Salt\nauthor: Ann Poe\n---\n"


def test_front_matter_becomes_book_title_and_author_events_first() -> None:
    result = events(FRONT + "# Chapter 1\n\nHello there.\n", "b.md", first=True)
    assert result.events[:2] == (
        BookTitle("Salt", Source("b.md", 1)),
        BookAuthor("Ann Poe", Source("b.md", 1)),
    )
    assert isinstance(result.events[2], StartChapter)


def test_front_matter_of_a_later_file_is_read_but_gives_no_title() -> None:
    result = events(FRONT + "# Chapter 1\n\nHello there.\n", "b.md", first=False)
    assert not any(isinstance(e, BookTitle | BookAuthor) for e in result.events)
    assert [d.message for d in result.diagnostics if d.code == "N024"] == [
        "front matter read (author, title)"
    ]


def test_front_matter_title_stops_the_first_line_being_taken_as_a_title() -> None:
    result = events(
        "---\ntitle: Salt\n---\nPlain Title\n\nIt was late.\n\nMore.\n", "a.md", first=True
    )
    titles = [e for e in result.events if isinstance(e, BookTitle)]
    assert titles == [BookTitle("Salt", Source("a.md", 1))]
    assert [e.text for e in result.events if isinstance(e, Para)] == [
        "Plain Title",
        "It was late.",
        "More.",
    ]


def test_html_comments_are_left_out_and_counted() -> None:
    result = events("<!-- a note to self -->\nHello there.\n\nMore.\n", "c.md")
    assert [e.text for e in result.events if isinstance(e, Para)] == ["Hello there.", "More."]
    assert [d.message for d in result.diagnostics if d.code == "N025"] == [
        "1 comment(s) left out of the book"
    ]


def test_deeper_markdown_heading_under_a_chapter_heading_is_its_subtitle() -> None:
    result = events("# Chapter 1\n\n## The Long Night\n\nText here.\n", "a.md")
    start = result.events[0]
    assert isinstance(start, StartChapter) and start.heading is not None
    assert (start.heading.label, start.heading.number) == ("Chapter", 1)
    assert plain_text(start.heading.subtitle) == "The Long Night"
    assert result.events[1:] == (Para("Text here.", Source("a.md", 5)),)


def test_front_matter_reads_the_yaml_a_writer_types() -> None:
    block = (
        "# a comment\ntitle: \"Salt: A Tale\"  \nsubtitle: 'It''s late' # not this\n"
        "tags: [sea, 'salt, iron']\nauthors:\n  - Ann Poe\n  - Bo Reed\n"
        "description: |\n  Line one\n  line two\nsummary: >-\n  Folded\n  words\n\n  New.\n"
        "seo:\n  image: x.png\nempty:\n"
    )
    assert read_front_matter(block) == {
        "title": "Salt: A Tale",
        "subtitle": "It's late",
        "tags": ("sea", "salt, iron"),
        "authors": ("Ann Poe", "Bo Reed"),
        "description": "Line one\nline two",
        "summary": "Folded words\nNew.",
    }


def test_prose_between_dividers_is_not_front_matter() -> None:
    assert read_front_matter("She said: go.\n") is None
    assert read_front_matter("title: X\nAnd then prose.\n") is None


def test_escaped_braces_stay_literal_and_line_numbers_survive_front_matter() -> None:
    result = events("---\ntitle: Salt\n---\n\n# Chapter 1\n\nA \\{b\\} c.\n", "a.md")
    (para,) = [e for e in result.events if isinstance(e, Para)]
    assert restore(para.text) == "A {b} c."
    assert para.source.line == 7
    start = next(e for e in result.events if isinstance(e, StartChapter))
    assert start.source.line == 5


def _chapters(text: str) -> list[tuple[str | None, int | None, str]]:
    result = events(text, "a.md")
    return [
        (e.heading.label, e.heading.number, plain_text(e.heading.title))
        for e in result.events
        if isinstance(e, StartChapter) and e.heading is not None
    ]


def test_a_number_heading_over_a_title_heading_of_its_level_is_one_chapter() -> None:
    text = "# Chapter 1\n\n# The Letter\n\nMara waited.\n\n# 2\n\n# The Flood\n\nIt rose.\n"
    assert _chapters(text)[0] == ("Chapter", 1, "The Letter")


def test_two_headings_of_one_level_stay_two_chapters_unless_a_number_titles() -> None:
    # A title over a title, a number over a number, a number with a title already,
    # a number with text between, a prologue: each heading its own chapter.
    assert len(_chapters("# The Letter\n\n# The Flood\n\nIt rose.\n")) == 2
    assert len(_chapters("# Chapter 1\n\n# Chapter 2\n\nIt rose.\n")) == 2
    assert len(_chapters("# Chapter 1: The Letter\n\n# The Flood\n\nIt rose.\n")) == 2
    assert len(_chapters("# Chapter 1\n\nMara waited.\n\n# The Flood\n\nIt rose.\n")) == 2
    assert len(_chapters("# Prologue\n\n# The Flood\n\nIt rose.\n")) == 2
    assert len(_chapters("# Chapter 1\n\n# Acknowledgments\n\nThanks.\n")) == 2


def test_a_plain_chapter_line_in_a_file_of_hash_headed_chapters_stays_text() -> None:
    text = (
        "# Chapter 6: The Moor\n\nChapter 5: The Moor\n\nI was worried.\n\n"
        "Chapter 5: The Moor\nwas the page she had torn out.\n\n# Chapter 7\n\nCold.\n"
    )
    result = events(text, "a.md")
    assert [c[1] for c in _chapters(text)] == [6, 7]
    paras = [e.text for e in result.events if isinstance(e, Para)]
    assert paras[0] == "Chapter 5: The Moor"
    assert paras[2] == "Chapter 5: The Moor was the page she had torn out."
    warned = [d.line for d in result.diagnostics if d.code == "W106"]
    assert warned == [3, 7]


def test_a_plain_chapter_line_numbered_next_is_a_heading_whose_hash_was_forgotten() -> None:
    text = "# Chapter 1\n\nIt was late.\n\nChapter 2\n\nIt was early.\n"
    assert [c[1] for c in _chapters(text)] == [1, 2]


def test_plain_chapter_lines_head_chapters_where_hash_headings_number_none() -> None:
    # "# Salt" (the book's title, or one titled chapter) numbers nothing: the plain
    # "Chapter 1" lines are the file's headings, as before.
    text = "# Salt\n\nChapter 1\n\nIt was late.\n\nChapter 2: Dawn\n\nIt was early.\n"
    assert [c[:2] for c in _chapters(text)][-2:] == [("Chapter", 1), ("Chapter", 2)]
