"""A chapter file's title taken from its name when the file has no heading."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book import api
from compile_book.nodes import heading_text
from compile_book.project import load_project
from compile_book.readers.filetitles import title_of
from tests.projects import write_files


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("01 - The Ferry.md", "The Ferry"),
        ("03_Low Water.txt", "Low Water"),
        ("12. The Bell Road.txt", "The Bell Road"),
        ("chapter-02.md", "Chapter 02"),
        ("Chapter 3 - The Fall.txt", "Chapter 3: The Fall"),
    ],
)
def test_a_name_gives_a_heading(name: str, heading: str) -> None:
    assert heading_text(title_of(name)) == heading


@pytest.mark.parametrize("name", ["day-01.txt", "scene3.md", "draft.txt", "01.md", "the-ferry.md"])
def test_a_name_that_gives_none(name: str) -> None:
    assert title_of(name) is None


def test_headingless_chapter_files_take_their_names_and_headed_ones_keep_theirs(
    tmp_path: Path,
) -> None:
    write_files(
        tmp_path,
        {
            "01 - The Ferry.md": "The boat was late.\n",
            "02 - The Wake.md": "# Chapter Two: Morning\n\nShe woke.\n",
            "03 - Low Water.md": "The tide went out.\n",
        },
    )
    book = api.parse_project(load_project(tmp_path))
    assert [heading_text(c.heading) for c in book.chapters] == [
        "The Ferry",
        "Chapter Two: Morning",
        "Low Water",
    ]


def test_a_single_file_keeps_its_name_for_the_book(tmp_path: Path) -> None:
    write_files(tmp_path, {"01 - The Ferry.md": "The boat was late.\n"})
    book = api.parse_project(load_project(tmp_path / "01 - The Ferry.md"))
    assert [c.heading for c in book.chapters] == [None]
