"""Files as scenes: day and scene files join the open chapter after a scene break."""

from __future__ import annotations

from pathlib import Path

import pytest

import compile_book
from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import Book, Paragraph, SceneBreak, plain_text
from compile_book.pipeline import ManuscriptSource, compile_sources
from tests.epubcheck import run_epubcheck
from tests.projects import COMPLETE_TOML, write_files

PARTS = ("Arrival", "The Storm", "Low Water", "Home")
DAYS = 36


def _day(n: int) -> str:
    return f"On the {n}th morning the boats went out.\n\nBy night they were home.\n"


def _nanowrimo(layout: str) -> dict[str, str]:
    """36 day files in 4 parts: the ``Part N:`` heading in a file of its own, or atop a day."""
    files: dict[str, str] = {}
    for n in range(1, DAYS + 1):
        part, first = divmod(n - 1, 9)
        heading = f"Part {part + 1}: {PARTS[part]}\n\n"
        if first == 0 and layout == "part-files":
            files[f"manuscripts/{part + 1}/00-part.txt"] = heading
        text = heading + _day(n) if first == 0 and layout == "in-day-files" else _day(n)
        files[f"manuscripts/{part + 1}/day-{n:02}.txt"] = text
    return files


def _compile(*texts: str, files: str = "auto") -> Book:
    config = BookConfig.model_validate({"reading": {"files": files}})
    sources = [ManuscriptSource(f"{k:02}.txt", t.encode()) for k, t in enumerate(texts, 1)]
    return compile_sources(sources, config)


def _shape(book: Book) -> list[list[str]]:
    """Each chapter's blocks: a paragraph's first word, or ``*`` for a scene break."""
    return [
        [
            "*" if isinstance(b, SceneBreak) else plain_text(b.inlines).split()[0]
            for b in ch.blocks
            if isinstance(b, (Paragraph, SceneBreak))
        ]
        for ch in book.chapters
    ]


@pytest.mark.parametrize("layout", ["part-files", "in-day-files"])
def test_a_nanowrimo_book_is_four_parts_of_scenes_not_36_chapters(
    tmp_path: Path, layout: str
) -> None:
    write_files(tmp_path, {"book.toml": COMPLETE_TOML, **_nanowrimo(layout)})
    book = compile_book.parse(tmp_path)
    assert [plain_text(p.heading.title) if p.heading else None for p in book.parts] == list(PARTS)
    assert [len(p.chapters) for p in book.parts] == [1, 1, 1, 1]
    for chapter in book.chapters:
        breaks = [b for b in chapter.blocks if isinstance(b, SceneBreak)]
        assert len(breaks) == 8  # nine days, one scene break between each two
        assert len(chapter.blocks) == 9 * 2 + 8
    words = " ".join(
        plain_text(b.inlines) for ch in book.chapters for b in ch.blocks if isinstance(b, Paragraph)
    )
    assert words.count("boats went out") == DAYS
    assert [f"{n}th" for n in range(1, DAYS + 1)] == [w for w in words.split() if w[0].isdigit()]
    (note,) = [d for d in book.diagnostics if d.code is Code.FILES_AS_SCENES]
    assert note.message.startswith("32 files read as scenes of the chapter before them")
    assert note.file.endswith("day-02.txt")
    assert not [d for d in book.diagnostics if d.code in (Code.SCENE_BREAK_AT_EDGE,)]


def test_files_chapters_keeps_one_chapter_per_file(tmp_path: Path) -> None:
    toml = COMPLETE_TOML + '\n[reading]\nfiles = "chapters"\n'
    write_files(tmp_path, {"book.toml": toml, **_nanowrimo("in-day-files")})
    book = compile_book.parse(tmp_path)
    assert len(book.chapters) == DAYS
    assert not [d for d in book.diagnostics if d.code is Code.FILES_AS_SCENES]


def test_scene_files_after_a_heading_only_file_start_the_chapter_without_a_break() -> None:
    book = _compile("Chapter 1\n", "Alpha went first.\n", "Beta came next.\n")
    assert [h.heading is not None for h in book.chapters] == [True]
    assert _shape(book) == [["Alpha", "*", "Beta"]]
    codes = {d.code for d in book.diagnostics}
    assert Code.EMPTY_CHAPTER not in codes and Code.SCENE_BREAK_AT_EDGE not in codes


def test_a_scene_file_opening_with_its_own_divider_gets_one_break() -> None:
    book = _compile(
        "Chapter 1\n\nAlpha went first.\n",
        "* * *\n\nBeta came next.\n",
        "Gamma last.\n",
        files="scenes",
    )
    assert _shape(book) == [["Alpha", "*", "Beta", "*", "Gamma"]]
    codes = {d.code for d in book.diagnostics}
    assert Code.SCENE_BREAK_DROPPED not in codes and Code.SCENE_BREAK_AT_EDGE not in codes
    (note,) = [d for d in book.diagnostics if d.code is Code.FILES_AS_SCENES]
    assert note.message.startswith("2 files read as scenes") and "asks" in note.message


def test_auto_leaves_a_forgotten_heading_and_a_book_without_headings_alone() -> None:
    # One headingless file among chapters: a heading forgotten, still a chapter.
    forgot = _compile("Chapter 1\n\nAlpha went first.\n", "Beta came next.\n")
    assert _shape(forgot) == [["Alpha"], ["Beta"]]
    # The same two files read as scenes when book.toml says so.
    asked = _compile("Chapter 1\n\nAlpha went first.\n", "Beta came next.\n", files="scenes")
    assert _shape(asked) == [["Alpha", "*", "Beta"]]
    # No headings anywhere: one chapter per file, as always.
    plain = _compile("Alpha went first.\n", "Beta came next.\n", "Gamma last.\n")
    assert _shape(plain) == [["Alpha"], ["Beta"], ["Gamma"]]
    assert not [d for d in plain.diagnostics if d.code is Code.FILES_AS_SCENES]


def test_a_file_with_its_own_heading_still_opens_its_chapter_in_scenes_mode() -> None:
    book = _compile(
        "Chapter 1\n\nAlpha went first.\n",
        "Beta came next.\n",
        "Chapter 2\n\nGamma last.\n",
        files="scenes",
    )
    assert _shape(book) == [["Alpha", "*", "Beta"], ["Gamma"]]


@pytest.mark.slow
def test_a_book_of_scene_files_builds_a_valid_epub(tmp_path: Path) -> None:
    write_files(tmp_path, {"book.toml": COMPLETE_TOML, **_nanowrimo("part-files")})
    result = compile_book.build(tmp_path, output=tmp_path / "book.epub")
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, check.messages
