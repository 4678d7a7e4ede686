"""The repository's own sample novella compiles to exactly what its author intended."""

from __future__ import annotations

import pytest

from compile_book import api, writers
from compile_book.diagnostics import Severity
from compile_book.nodes import Book, ChapterKind, Paragraph, SceneBreak, Telepathy
from compile_book.project import load_project
from compile_book.writers.common import Headings
from tests.paths import ROOT
from tests.treequery import count

# (heading as printed, paragraphs, scene breaks, telepathy spans), in reading order.
# The manuscripts number chapters every way ("Chapter One", "CHAPTER II.",
# "Chapter 3"); book.toml asks for words, which the writers print.
EXPECTED = [
    ("Prologue", 25, 1, 6),
    ("Chapter One", 43, 1, 4),
    ("Chapter Two", 42, 1, 12),
    ("Chapter Three: The Fall", 40, 2, 10),
    ("Chapter Four: The Long Night", 44, 2, 17),
    ("Chapter Five: Salt and Iron.", 45, 1, 9),
    ("Chapter Six: The Bell Road", 40, 1, 30),
    ("Chapter Seven", 39, 2, 12),
    ("Chapter Eight", 26, 1, 8),
    ("Chapter Nine: Low Water", 42, 1, 29),
    ("Epilogue", 10, 0, 3),
]


@pytest.fixture(scope="module")
def book() -> Book:
    return api.parse(ROOT)


@pytest.fixture(scope="module")
def headings(book: Book) -> Headings:
    """Headings as the sample's EPUB and PDF print them (``[headings]`` in book.toml)."""
    return Headings.of(book, writers.options_for("epub", load_project(ROOT).config))


def test_structure(book: Book, headings: Headings) -> None:
    assert [headings.part_name(p) or None for p in book.parts] == [
        None,
        "Part One: The Quiet Shore",
        "Part Two: The Drowned Bells",
        None,  # the epilogue stands outside the parts, like the prologue
    ]
    chapters = list(book.chapters)
    got = [
        (
            headings.chapter_name(book, c),
            sum(isinstance(b, Paragraph) for b in c.blocks),
            sum(isinstance(b, SceneBreak) for b in c.blocks),
            sum(count(b.inlines, Telepathy) for b in c.blocks if isinstance(b, Paragraph)),
        )
        for c in chapters
    ]
    assert got == EXPECTED
    assert chapters[0].kind is ChapterKind.PROLOGUE
    assert chapters[-1].kind is ChapterKind.EPILOGUE


def test_metadata_and_cover(book: Book) -> None:
    assert book.meta.title == "The Bells of Lannow"
    assert book.meta.authors
    assert book.meta.isbn == "979-8-88512-046-3"  # printed as the writer hyphenated it
    assert book.meta.identifier == "urn:isbn:9798885120463"
    assert isinstance(book.meta.cover, str) and book.meta.cover.endswith("cover.jpg")


def test_no_warnings_on_the_sample(book: Book) -> None:
    warnings = [d.format() for d in book.diagnostics if d.severity >= Severity.WARNING]
    assert warnings == []


def test_every_encoding_was_met(book: Book) -> None:
    messages = {d.message for d in book.diagnostics if d.code == "N001"}
    assert {"decoded as UTF-8 with BOM", "decoded as Windows-1252", "decoded as UTF-16"} <= messages
