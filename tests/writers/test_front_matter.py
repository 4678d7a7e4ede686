"""The EPUB and the PDF of one book say the same thing: the same front-matter words
(built once by the ``matter`` transform, in the book's language) and the same
contents (parts with their chapters, an epilogue outside the parts on its own)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest
from lxml import etree

from compile_book import writers
from compile_book.config import BookConfig
from compile_book.nodes import Book, CopyrightPage, Dedication, Epigraph, TitlePage
from compile_book.parser import parse_text
from tests.epubcheck import run_epubcheck
from tests.writers.pdfread import opener_pages, outline_tree, squash

NS = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}


def xp(el: etree._Element, path: str) -> Any:
    """XPath with the namespaces above (results typed loosely, as lxml's are)."""
    return el.xpath(path, namespaces=NS)


MANUSCRIPT = {
    "en": "Part 1\n\nChapter 1\n\nOne two three four.\n\nChapter 2\n\nFive six.\n\n"
    "Part 2\n\nChapter 3\n\nSeven eight.\n\nEpilogue\n\nThe end of it all.\n",
    "it": "Parte 1\n\nCapitolo 1\n\nUno due tre quattro.\n\nCapitolo 2\n\nCinque sei.\n\n"
    "Epilogo\n\nLa fine di tutto.\n",
}
SETTINGS: dict[str, Any] = {
    "title": "Three Hands",
    "authors": ["Ann Poe", "Bob Roe", "Cy Doe"],
    "date": "2026-03-02",
    "publisher": "Harbour Press",
    "isbn": "9780306406157",
    "edition": "Second edition",
    "dedication": "For the ferrymen,\nall of them.",
    "epigraph": "The sea keeps what it is given.",
    "epigraph_source": "Carrow saying",
}


@dataclass
class Built:
    book: Book
    epub: Path
    pdf: pypdf.PdfReader

    def xhtml(self, name: str) -> etree._Element:
        with zipfile.ZipFile(self.epub) as z:
            return etree.fromstring(z.read(f"EPUB/{name}"))

    def front_pages(self) -> list[list[str]]:
        """The lines of each PDF page before the body."""
        first = opener_pages(self.pdf)[0]
        return [p.extract_text().splitlines() for p in self.pdf.pages[:first]]

    def node(self, kind: type) -> Any:
        (found,) = [n for n in self.book.front if isinstance(n, kind)]
        return found


def build(tmp: Path, language: str) -> Built:
    config = BookConfig.model_validate({**SETTINGS, "language": language})
    tree = parse_text(MANUSCRIPT[language], config, "book.txt")
    for fmt in ("epub", "pdf"):
        writers.write(tree, fmt, tmp / f"book.{fmt}", writers.options_for(fmt, config))
    return Built(tree, tmp / "book.epub", pypdf.PdfReader(tmp / "book.pdf"))


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("en"), "en")


@pytest.fixture(scope="module")
def italian(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("it"), "it")


def test_copyright_page_says_the_same_in_both(english: Built) -> None:
    lines = list(english.node(CopyrightPage).lines)
    assert lines == [
        "Copyright © 2026 Ann Poe, Bob Roe and Cy Doe",
        "All rights reserved.",
        "Second edition",
        "ISBN 9780306406157",
        "Published by Harbour Press",
        "March 2, 2026",
    ]
    epub = xp(english.xhtml("copyright.xhtml"), "//h:section/h:p/text()")
    assert epub == lines
    (pdf,) = [page for page in english.front_pages() if "ISBN 9780306406157" in page]
    assert pdf == lines


def test_title_page_dedication_and_epigraph_say_the_same(english: Built) -> None:
    title: TitlePage = english.node(TitlePage)
    dedication: Dedication = english.node(Dedication)
    epigraph: Epigraph = english.node(Epigraph)
    words = [title.title, *title.authors, title.publisher or ""]
    epub_title = xp(english.xhtml("titlepage.xhtml"), "string(//h:section)")
    assert squash(epub_title) == squash(" ".join(words))
    pdf = [squash(" ".join(page)) for page in english.front_pages()]
    assert squash(" ".join(words)) in pdf
    epub_dedication = xp(english.xhtml("dedication.xhtml"), "//h:p/text()")
    assert epub_dedication == list(dedication.lines) == ["For the ferrymen,", "all of them."]
    assert squash(" ".join(dedication.lines)) in pdf
    quote = xp(english.xhtml("epigraph.xhtml"), "//h:p/text()")
    assert quote == [*epigraph.lines, f"— {epigraph.attribution}"]
    assert squash(" ".join(quote)) in pdf


def epub_contents(built: Built) -> list[tuple[str, list[str]]]:
    nav = built.xhtml("nav.xhtml")
    out = []
    for li in xp(nav, "//h:nav[@epub:type='toc']/h:ol/h:li"):
        children = xp(li, "h:ol/h:li/h:a/text()")
        out.append((xp(li, "string(h:a)"), children))
    return out


def pdf_contents(built: Built, title: str) -> list[str]:
    """The contents page's entries, each ending with its page number."""
    for page in built.front_pages():
        if page and squash(page[0]) == squash(title):
            return page[1:]
    raise AssertionError(f"no {title!r} page in the PDF")


def test_contents_have_the_same_structure(english: Built) -> None:
    expected = [
        ("Part 1", ["Chapter 1", "Chapter 2"]),
        ("Part 2", ["Chapter 3"]),
        ("Epilogue", []),
    ]
    assert epub_contents(english) == expected
    assert outline_tree(english.pdf) == expected
    labels = english.pdf.page_labels
    entries = pdf_contents(english, "Contents")
    flat = [x for label, children in expected for x in (label, *children)]
    assert len(entries) == len(flat)
    for line, name, page in zip(entries, flat, opener_pages(english.pdf), strict=True):
        text, number = line.rsplit(" ", 1)
        assert squash(text) == squash(name)
        assert number == labels[page], "parts too carry their page number"


def test_italian_book_says_indice_in_both(italian: Built) -> None:
    nav = italian.xhtml("nav.xhtml")
    assert xp(nav, "//h:nav[@epub:type='toc']/h:h1/text()") == ["Indice"]
    assert xp(nav, "//h:title/text()") == ["Indice"]
    entries = pdf_contents(italian, "Indice")
    assert [squash(e.rsplit(" ", 1)[0]) for e in entries] == [
        squash(x) for x in ("Parte 1", "Capitolo 1", "Capitolo 2", "Epilogo")
    ]
    rights = xp(italian.xhtml("copyright.xhtml"), "//h:p/text()")
    assert rights[0] == "© 2026 Ann Poe, Bob Roe e Cy Doe"
    assert rights[-1] == "2 marzo 2026"
    assert any(page[: len(rights)] == rights for page in italian.front_pages())


@pytest.mark.slow
def test_both_epubs_pass_epubcheck(english: Built, italian: Built) -> None:
    for built in (english, italian):
        result = run_epubcheck(built.epub)
        assert result.clean, "\n".join(result.messages)
