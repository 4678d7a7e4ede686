"""The front matter's pages: half title, title and copyright pages, dedication,
epigraph and contents, each starting a recto."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..nodes import Book, Contents, CopyrightPage, Dedication, Epigraph, TitlePage
from .geometry import Page
from .template import TOC_ENTRY_EM, TOC_HEAD_EM, TOC_MIN_ENTRIES, TOC_PART_ENTRY_EM, TOC_SINK

if TYPE_CHECKING:
    from ..pdfconfig import PdfConfig


def front_pages(book: Book, pdf: PdfConfig) -> int:
    """Pages before the body. The half title, the title page, the dedication,
    the epigraph and the contents each start a recto; the copyright page is
    the title page's back; the body opens on a recto."""
    meta = book.meta
    front = book.front or (  # a book the ``matter`` transform has not seen yet
        TitlePage(meta.title),
        CopyrightPage("", ()),
        *((Dedication("", ()),) if meta.dedication else ()),
        *((Epigraph("", ()),) if meta.epigraph else ()),
        Contents(""),
    )
    count = 1 if pdf.half_title else 0
    for node in front:
        if isinstance(node, CopyrightPage):
            count += 1
        elif not isinstance(node, Contents):
            count += count % 2 + 1
        elif pdf.toc:
            count += count % 2 + _contents_pages(book, Page.of(pdf))
    return count + count % 2


def _contents_pages(book: Book, page: Page) -> int:
    parts = sum(1 for part in book.parts if part.heading is not None)
    chapters = len(book.chapters)
    if parts + chapters < TOC_MIN_ENTRIES:
        return 0
    first = page.text_height * (1 - TOC_SINK) - TOC_HEAD_EM * page.font_size
    need = (chapters * TOC_ENTRY_EM + parts * TOC_PART_ENTRY_EM) * page.font_size
    return 1 + math.ceil(max(0.0, need - first) / page.text_height)
