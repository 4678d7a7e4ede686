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


@pytest.mark.parametrize(
    "name",
    [
        *("day-01.txt", "scene3.md", "draft.txt", "01.md", "the-ferry.md", "Scene 1 - The Dock.md"),
        *("Day 1.txt", "IMG_2034.md", "2024-05-01 Notes.md", "10000 Leagues.md", "Part 1.md"),
        *("00 - Title Page.txt", "Copy of The Ferry.md", "S01E01 Pilot.md"),
    ],
)
def test_a_name_that_gives_none(name: str) -> None:
    assert title_of(name) is None


def test_headingless_chapter_files_take_their_names(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "01 - The Ferry.md": "The boat was late.\n",
            "02 - The Wake.md": "**The Wake**\n\nShe woke.\n",  # its title typed again
            "03 - Low Water.md": "The tide went out.\n",
            "98 - Acknowledgments.md": "Thanks to Sam.\n",
        },
    )
    book = api.parse_project(load_project(tmp_path))
    assert [heading_text(c.heading) for c in book.chapters] == [
        "The Ferry",
        "The Wake",
        "Low Water",
        "Acknowledgments",
    ]
    assert str(book.chapters[-1].kind) == "acknowledgments"


def test_scene_files_stay_scenes_of_the_chapter_before(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "01 Chapter One.md": "# Chapter One\n\nIt began.\n",
            "02 - The Dock.md": "Mara walked.\n",
            "03 - The Boat.md": "The boat came.\n",
        },
    )
    book = api.parse_project(load_project(tmp_path))
    assert [heading_text(c.heading) for c in book.chapters] == ["Chapter One"]


def test_a_file_with_a_heading_after_its_first_lines_keeps_only_that(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "01 - The Ferry.md": "> The sea remembers.\n\n# Chapter 1: The Ferry\n\nIt was late.\n",
            "02 - The Wake.md": "# Chapter 2: The Wake\n\nShe woke.\n",
        },
    )
    book = api.parse_project(load_project(tmp_path))
    headings = [heading_text(c.heading) for c in book.chapters if c.heading is not None]
    assert headings == ["Chapter 1: The Ferry", "Chapter 2: The Wake"]


def test_a_single_file_keeps_its_name_for_the_book(tmp_path: Path) -> None:
    write_files(tmp_path, {"01 - The Ferry.md": "The boat was late.\n"})
    book = api.parse_project(load_project(tmp_path / "01 - The Ferry.md"))
    assert [c.heading for c in book.chapters] == [None]
