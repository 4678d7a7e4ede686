"""The old ``compile_book.backends`` interface keeps working over the writers."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from compile_book import backends, writers
from compile_book.backends import epub as backend_epub
from compile_book.backends import pdf as backend_pdf
from compile_book.config import BookConfig
from compile_book.output import build_time
from tests.trees import simple_book


def test_registry_and_lookups() -> None:
    assert backends.FORMATS == writers.FORMATS[:2] == ("epub", "pdf")
    assert backends.REGISTRY["epub"] == ("compile_book.backends.epub", "write_epub", ".epub")
    assert [backends.extension(f) for f in backends.FORMATS] == [".epub", ".pdf"]
    assert writers.extension("pdf") == ".pdf"


def test_old_epub_call_gives_a_hand_made_tree_its_front_matter(tmp_path: Path) -> None:
    out = tmp_path / "b.epub"
    config = BookConfig.model_validate({"headings": {"chapter_numbers": "words"}})
    backends.writer("epub")(simple_book(), out, config)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        chapter = etree.fromstring(z.read("EPUB/chapter-001.xhtml"))
    assert "EPUB/titlepage.xhtml" in names and "EPUB/copyright.xhtml" in names
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert chapter.xpath("//h:span[@class='number']/text()", namespaces=ns) == ["One"]
    backend_epub.write_epub(simple_book(), tmp_path / "c.epub", BookConfig())
    assert (tmp_path / "c.epub").is_file()


def test_old_pdf_functions() -> None:
    made = backend_pdf.book_data(simple_book(), BookConfig(), when=build_time())
    assert [f["type"] for f in made["front"]] == ["titlepage", "copyright", "contents"]
    assert backend_pdf.page_size(BookConfig().pdf) == (396.0, 612.0)
    assert backend_pdf.gutter_for_pages(200) == 0.5
    pdf, stats = backend_pdf.render_pdf(simple_book(), BookConfig())
    assert pdf.startswith(b"%PDF") and stats.pages == backend_pdf.count_pages(pdf)
