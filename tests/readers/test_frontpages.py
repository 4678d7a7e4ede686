"""A book's own front pages typed at the top of its first file: the copyright block,
the dedication and the epigraph, each set on a page of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compile_book import api
from compile_book.api import parse_text, slug
from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import CopyrightPage, Dedication, Epigraph, Paragraph, plain_text
from compile_book.nodes import Image as Image_
from compile_book.project import load_project
from tests.epubcheck import run_epubcheck

INDIE = """THE GLASS ORCHARD

A Novel

by Priya Nandakumar

Copyright © 2025 Priya Nandakumar
All rights reserved. No part of this book may be reproduced without permission.
ISBN: 978-1-23456-789-7
This is a work of fiction. Names, characters and places are the author's invention.

For Amma, who planted the first tree.

"We are all gardeners of what we cannot keep."
— Unknown

Chapter 1: Frost

Meera woke to the sound of branches ringing.
"""


def _pages(text: str, filename: str = "x.txt", **config: str) -> dict[str, Any]:
    book = parse_text(text, filename=filename, config=BookConfig(**config) if config else None)  # type: ignore[arg-type]
    return {type(page).__name__: page for page in book.front}


def test_a_typed_copyright_block_dedication_and_epigraph_get_their_pages() -> None:
    book = parse_text(INDIE, filename="x.txt")
    pages = {type(page).__name__: page for page in book.front}
    copyright_ = pages["CopyrightPage"]
    assert isinstance(copyright_, CopyrightPage)
    assert copyright_.lines == (
        "Copyright © 2025 Priya Nandakumar",
        "All rights reserved. No part of this book may be reproduced without permission.",
        "ISBN: 978-1-23456-789-7",
        "This is a work of fiction. Names, characters and places are the author’s invention.",
    )
    dedication = pages["Dedication"]
    assert isinstance(dedication, Dedication)
    assert dedication.lines == ("For Amma, who planted the first tree.",)
    epigraph = pages["Epigraph"]
    assert isinstance(epigraph, Epigraph)
    assert (epigraph.lines, epigraph.attribution) == (
        ("We are all gardeners of what we cannot keep.",),
        "Unknown",
    )
    (chapter,) = book.chapters
    assert [plain_text(b.inlines) for b in chapter.blocks] == [  # type: ignore[union-attr]
        "Meera woke to the sound of branches ringing."
    ]


def test_book_toml_wins_over_the_typed_pages() -> None:
    pages = _pages(INDIE, rights="© 2026 Harbour Press", epigraph="Salt.", epigraph_source="Anon.")
    assert pages["CopyrightPage"].lines[0] == "© 2026 Harbour Press"
    assert pages["Epigraph"].lines == ("Salt.",)


@pytest.mark.parametrize(
    "opening",
    [
        # neither the sign nor a year after the word: a sentence about copyright
        "Copyright law was invented in 1710 or so, she said.\n\n",
        # a quotation and its speaker in the story, with more story before the heading
        '"Go home."\n— Mara\n\nShe went.\n\n',
        # a letter signed before the first chapter is too long to be an epigraph
        "Dear John,\n"
        + "I am leaving and I will not come back to the farm. " * 10
        + "\n— Mara\n\n",
    ],
)
def test_what_stays_prose(opening: str) -> None:
    text = "The Salt Road\n\nby Ann Poe\n\n" + opening + "Chapter 1\n\nIt was late.\n"
    book = parse_text(text, filename="x.txt")
    assert not any(isinstance(p, Epigraph) for p in book.front)
    words = " ".join(plain_text(b.inlines) for c in book.chapters for b in c.blocks)  # type: ignore[union-attr]
    first = opening.split()[0].strip('"')
    assert first in words


def test_a_one_line_dedication_ending_in_a_full_stop_needs_an_epigraph_under_it() -> None:
    text = "The Salt Road\n\nby Ann Poe\n\nFor three days it rained.\n\nChapter 1\n\nIt was late.\n"
    book = parse_text(text, filename="x.txt")
    assert not any(isinstance(p, Dedication) for p in book.front)


def test_front_matter_keys_give_dedication_and_epigraph() -> None:
    text = (
        "---\ntitle: Salt\ndedication: For my mother\nepigraph: All is salt.\n---\n\n# One\n\nHi.\n"
    )
    pages = _pages(text, "x.md")
    assert pages["Dedication"].lines == ("For my mother",)
    assert pages["Epigraph"].lines == ("All is salt.",)


def test_the_title_is_set_like_the_text_and_its_file_name_does_not_change() -> None:
    book = parse_text('---\ntitle: Who\'s "There"\n---\n\n# One\n\nHi.\n', filename="x.md")
    assert book.meta.title == "Who’s “There”"
    assert slug(book.meta.title) == slug('Who\'s "There"') == "who-s-there"


def test_a_copyright_block_in_german() -> None:
    text = (
        "Der Leuchtturm\n\nvon Anna Berg\n\nCopyright © 2025 Anna Berg\n"
        "Alle Rechte vorbehalten.\nISBN 978-3-16-148410-0\n\nKapitel 1\n\nEs war spät.\n"
    )
    pages = _pages(text, language="de")
    assert pages["CopyrightPage"].lines == (
        "Copyright © 2025 Anna Berg",
        "Alle Rechte vorbehalten.",
        "ISBN 978-3-16-148410-0",
    )


def test_pandoc_front_matter_names_the_cover_and_the_publisher(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (16, 24), (30, 60, 90)).save(tmp_path / "cover.jpg")
    (tmp_path / "book.md").write_text(
        "---\ntitle: Salt\npublisher: Harbour Press\ncover-image: cover.jpg\n---\n\n# One\n\nHi.\n",
        encoding="utf-8",
    )
    result = api.build(tmp_path / "book.md", ["epub"], tmp_path / "out" / "salt.epub")
    meta = result.book.meta
    assert meta.publisher == "Harbour Press"
    assert isinstance(meta.cover, Image_) and meta.cover.media_type == "image/jpeg"
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)


@pytest.mark.parametrize(
    ("cover", "problem"),
    [("missing.jpg", "cannot be read"), ("notes.txt", "is not a JPEG, PNG, GIF or SVG image")],
)
def test_a_cover_that_cannot_be_used_is_said(tmp_path: Path, cover: str, problem: str) -> None:
    (tmp_path / "notes.txt").write_text("words", encoding="utf-8")
    path = tmp_path / "book.md"
    path.write_text(f"---\ntitle: Salt\ncover-image: {cover}\n---\n\n# One\n\nHi.\n", "utf-8")
    book = api.parse_project(load_project(path))
    said = [d.message for d in book.diagnostics if d.code == Code.IMAGE_LEFT_OUT]
    assert len(said) == 1 and problem in said[0]
    assert book.meta.cover is None


def test_markdown_front_pages_as_markdown_writes_them() -> None:
    """A copyright block with hard line breaks (verse), an italic dedication, an
    epigraph in a block quote with its source inside it."""
    text = (
        "# The Glass Orchard\n\nby Priya Nandakumar\n\n"
        "Copyright © 2025 Priya Nandakumar  \nAll rights reserved.  \nISBN 978-1-23456-789-7\n\n"
        "*For Amma, who planted the first tree.*\n\n"
        "> We are all gardeners of what we cannot keep.\n>\n> — Unknown\n\n"
        "## Chapter 1: Frost\n\nMeera woke.\n"
    )
    pages = _pages(text, "x.md")
    assert pages["CopyrightPage"].lines == (
        "Copyright © 2025 Priya Nandakumar",
        "All rights reserved.",
        "ISBN 978-1-23456-789-7",
    )
    assert pages["Dedication"].lines == ("For Amma, who planted the first tree.",)
    assert pages["Epigraph"].attribution == "Unknown"


@pytest.mark.parametrize(
    ("language", "text", "title", "subtitle", "author"),
    [
        (
            "de",
            "Der stille Hafen\n\nErzählung\n\nvon Hans Berger",
            "Der stille Hafen",
            "Erzählung",
            "Hans Berger",
        ),
        (
            "fr",
            "Le petit port\n\nRoman\n\npar Jeanne Duval",
            "Le petit port",
            "Roman",
            "Jeanne Duval",
        ),
        (
            "en",
            "The quiet harbour\n\nA story\n\nby Hans Berger",
            "The quiet harbour",
            "A story",
            "Hans Berger",
        ),
    ],
)
def test_a_sentence_case_title_over_its_subtitle_and_by_line(
    language: str, text: str, title: str, subtitle: str, author: str
) -> None:
    # Most languages write a title in sentence case: the by line under its subtitle
    # makes it the title page (it was an untitled first chapter).
    book = parse_text(f"{text}\n\nChapter 1\n\nThe boat was late.\n", language=language)
    assert (book.meta.title, book.meta.subtitle, book.meta.authors) == (title, subtitle, (author,))
    (block,) = book.chapters[0].blocks
    assert isinstance(block, Paragraph) and plain_text(block.inlines) == "The boat was late."


def test_a_sentence_under_a_short_line_is_no_subtitle() -> None:
    text = "The quiet harbour\n\nIt rained.\n\nby the sea the boats waited.\n\nThe boat was late.\n"
    book = parse_text(text)
    assert book.meta.subtitle is None and book.meta.authors == ()


FRONT_FILE = (
    "_For Susanne._\n\n> If a religion is a system of ideas, mathematics is one.\n\n"
    "— John D. Barrow\n"
)


def _front_file_book(front: str, *more: str) -> Any:
    from compile_book.pipeline import ManuscriptSource, compile_sources

    sources = [ManuscriptSource("00-front.md", front.encode())]
    sources += [ManuscriptSource(f"{k:02}.md", text.encode()) for k, text in enumerate(more, 1)]
    return compile_sources(sources, BookConfig(), "x")


def test_a_first_file_of_front_pages_alone_gives_them_their_pages() -> None:
    book = _front_file_book(FRONT_FILE, "## Chapter 1\n\nThe water leaves.\n")
    pages = {type(page).__name__: page for page in book.front}
    assert pages["Dedication"].lines == ("For Susanne.",)
    assert pages["Epigraph"].attribution == "John D. Barrow"
    assert [c.heading is not None for c in book.chapters] == [True]


def test_a_front_file_with_a_line_of_story_or_alone_stays_text() -> None:
    story = FRONT_FILE + "\nThe water had been rising for days.\n"
    book = _front_file_book(story, "## Chapter 1\n\nThe water leaves.\n")
    assert "Dedication" not in {type(page).__name__ for page in book.front}
    assert len(book.chapters) == 2
    alone = _front_file_book(FRONT_FILE)
    assert "Dedication" not in {type(page).__name__ for page in alone.front}
