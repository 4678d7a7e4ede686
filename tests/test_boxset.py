"""Box sets: three books, each compiled as itself, set in one EPUB and one PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from compile_book import api
from compile_book.errors import CompileBookError
from compile_book.nodes import plain_text
from tests.epubcheck import run_epubcheck
from tests.projects import write_files


def _books(root: Path, count: int = 3) -> Path:
    for i in range(1, count + 1):
        write_files(
            root / f"book-{i}",
            {
                "book.toml": f'title = "Tide {i}"\nauthors = ["A. Writer"]\nlanguage = "en"\n',
                "manuscripts/01.txt": f'Chapter 1\n\n"Words of book {i}," she said.\n\n'
                f"Chapter 2\n\nThe second chapter of book {i}.\n",
            },
        )
    books = ", ".join(f'"../book-{i}"' for i in range(1, count + 1))
    write_files(
        root / "set",
        {
            "book.toml": 'title = "The Tides"\nauthors = ["A. Writer"]\n'
            f"[boxset]\nbooks = [{books}]\n"
        },
    )
    return root / "set"


def test_a_three_book_set_builds_one_epub_and_one_pdf(tmp_path: Path) -> None:
    boxset = _books(tmp_path)
    result = api.build(boxset, ["epub", "pdf"], tmp_path / "out")
    book = result.book
    assert [p.heading.title[0].text for p in book.parts if p.heading] == [  # type: ignore[union-attr]
        "Tide 1",
        "Tide 2",
        "Tide 3",
    ]
    assert book.meta.title == "The Tides" and len(book.chapters) == 6
    epub = result.outputs["epub"]
    assert run_epubcheck(epub).clean
    with zipfile.ZipFile(epub) as archive:
        nav = archive.read("EPUB/nav.xhtml").decode()
    assert all(f"Tide {i}" in nav for i in (1, 2, 3))
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(result.outputs["pdf"]).pages)
    positions = [text.index(f"book {i}") for i in (1, 2, 3)]
    assert positions == sorted(positions)  # every book, in the set's order


def test_a_listed_folder_must_be_a_book_project(tmp_path: Path) -> None:
    boxset = _books(tmp_path)
    (boxset / "book.toml").write_text('title = "S"\n[boxset]\nbooks = ["/etc"]\n')
    with pytest.raises(CompileBookError, match="not a book project"):
        api.parse(boxset)


def test_a_part_title_keeps_its_emphasised_words() -> None:
    import dataclasses

    from compile_book.boxset import assemble_boxset
    from compile_book.nodes import Emphasis, Heading, Part, Source, Text, plain_text

    src = Source("b.txt", 1, 1)
    title = (Text("The ", src), Emphasis((Text("Sea", src),), src))
    heading = Heading(src, label="Part", number_text="One", title=title)
    book = api.parse_text("Tide\n\nChapter 1\n\nWords.\n")
    chapters = book.parts[0].chapters
    book = dataclasses.replace(book, parts=(Part(heading, chapters, src),) * 2)
    parts = assemble_boxset(book, [book]).parts
    assert parts[0].chapters == () and parts[0].heading is not None  # the book's title page
    assert plain_text(parts[0].heading.title) == book.meta.title
    first = parts[1].heading
    assert first is not None and isinstance(first.title[0], Text)
    assert first.title[0].text == f"{book.meta.title}: Part One: The Sea"


def test_each_book_keeps_its_own_title_page_dedication_and_epigraph(tmp_path: Path) -> None:
    boxset = _books(tmp_path, 2)
    (tmp_path / "book-2" / "book.toml").write_text(
        'title = "Tide 2"\nauthors = ["A. Writer"]\nlanguage = "en"\n'
        'dedication = "For the keeper\\nof the light"\n'
        'epigraph = "The sea is everything."\nepigraph_source = "Jules Verne"\n'
    )
    (tmp_path / "book-2" / "manuscripts" / "01.txt").write_text(
        "Part One\n\nChapter 1\n\nFirst of book 2.\n\nPart Two\n\nChapter 2\n\nSecond of book 2.\n"
    )
    result = api.build(boxset, ["epub", "pdf"], tmp_path / "out")
    parts = result.book.parts
    heads = [plain_text(p.heading.title) for p in parts if p.heading]
    assert heads == ["Tide 1", "Tide 2", "Tide 2: Part One", "Tide 2: Part Two"]
    assert parts[1].chapters == () and [type(m).__name__ for m in parts[1].front] == [
        "Dedication",
        "Epigraph",
    ]
    assert parts[0].front == ()
    epub = result.outputs["epub"]
    assert run_epubcheck(epub).clean
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    spine = re.findall(r'<itemref idref="([^"]+)"', opf)
    wanted = ["part-02", "part-02-1-dedication", "part-02-2-epigraph", "part-03"]
    assert [s for s in spine if s.startswith(("part-02", "part-03"))] == wanted
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(result.outputs["pdf"]).pages)
    flat = " ".join(text.split())
    spots = [flat.index(w) for w in ("book 1", "of the light", "everything", "First of book 2")]
    assert spots == sorted(spots)
