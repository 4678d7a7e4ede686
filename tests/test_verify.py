"""``build --check``: every output read back and held to its destination's rules."""

from __future__ import annotations

from pathlib import Path

from compile_book import api
from compile_book.config import BookConfig
from compile_book.verify import table_rows, verify
from tests.projects import make_project


def test_a_clean_epub_passes_and_a_short_pdf_fails_kdp(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = api.build(project, ["epub", "pdf", "cover"], tmp_path / "out")
    config = result.project.config
    epub = verify("epub", result.outputs["epub"], config)
    assert epub.ok and "EPUBCheck: 0 errors" in epub.summary
    pdf = verify("pdf", result.outputs["pdf"], config)
    assert not pdf.ok and "KDP prints paperbacks of 24 to 828" in pdf.summary  # a 2-chapter book
    assert pdf.pages is not None and pdf.pages < 24
    cover = verify("cover", result.outputs["cover"], config)
    assert cover.ok and "spine" in cover.summary
    rows = table_rows([epub, pdf, cover])
    assert [r[0] for r in rows] == ["epub", "pdf", "cover"]


def test_a_pdf_of_the_wrong_trim_fails(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    out = api.build(project, ["pdf"], tmp_path / "b.pdf").outputs["pdf"]
    other = BookConfig.model_validate({"pdf": {"trim": "6x9"}})
    assert "page 1 is not the trim size" in verify("pdf", out, other).summary
