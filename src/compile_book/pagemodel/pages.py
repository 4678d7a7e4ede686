"""A book's pages: each chapter's, from its sunk head to its last line, and the
whole book's with its front matter, part pages and blank versos."""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from ..keeping import ByIdentity
from ..nodes import Book, Chapter, Heading
from ..record import record
from .blocks import _Figure, _Room, _Run
from .front import front_pages
from .geometry import Page, _words_per_page
from .template import (
    AFTER_HEAD_EM,
    AFTER_HEAD_MIN_EM,
    EM_PER_CHAR,
    SCENE_BREAK_LINES,
    SINK,
    TOP_EDGE_EM,
)

if TYPE_CHECKING:
    from ..pdfconfig import PdfConfig


@record
class PageCount:
    """A book's pages as the model counts them.

    ``chapters`` holds each chapter's pages from its opener to its last line
    (the blank versos and part pages between them are only in ``total``);
    ``words_per_page`` is :func:`words_per_page` for the gutter of ``total``.
    """

    total: int
    front: int
    chapters: tuple[int, ...]
    words_per_page: float


#: Under --watch, each unchanged chapter's room (:class:`_Text`), by the chapter's identity.
_ROOM: ByIdentity[_Text] = ByIdentity()


def estimate_pages(book: Book, pdf: PdfConfig) -> int:
    """Pages of the printed book, front matter and blank pages included."""
    return paginate(book, pdf).total


def paginate(book: Book, pdf: PdfConfig) -> PageCount:
    """Count the book's pages, and each chapter's.

    The gutter depends on the page count, which depends on the gutter: the
    book is counted with the narrowest gutter, then again with the gutter of
    that count until the count holds (as the writer sets the book again).
    """
    page = Page.of(pdf)
    parts = [
        (part.heading is not None, [_room(chapter) for chapter in part.chapters])
        for part in book.parts
    ]
    _ROOM.round()
    front = front_pages(book, pdf)
    recto = pdf.chapter_start == "recto"
    count = _paginate(parts, page, front, recto, 0)
    for _ in range(3 if page.gutter is None else 0):
        again = _paginate(parts, page, front, recto, count.total)
        count, settled = again, again.total == count.total
        if settled:
            break
    return count


def _room(chapter: Chapter) -> _Text:
    """What of `chapter` takes room; under --watch, found again for an unchanged chapter."""
    return _ROOM.get((chapter,), None, functools.partial(_Text.of, chapter))


@record
class _Text:
    """What of a chapter takes room: its heading, body paragraphs' characters,
    scene breaks, and the set-off text, fixed space and figures of other blocks."""

    head_em: float
    lengths: tuple[int, ...]
    breaks: int
    runs: tuple[_Run, ...] = ()
    fixed: float = 0.0
    figures: tuple[_Figure, ...] = ()

    @classmethod
    def of(cls, chapter: Chapter) -> _Text:
        room = _Room()
        room.blocks(chapter.blocks)
        head = _heading_em(chapter.heading)
        return cls(head, *room.result())

    def pages(self, page: Page, measure: float) -> int:
        chars_per_line = measure / (EM_PER_CHAR * page.font_size)
        lines = _opener_lines(self.head_em, page) + SCENE_BREAK_LINES * self.breaks
        lines += sum(math.ceil(n / chars_per_line) for n in self.lengths)
        if self.runs or self.fixed or self.figures:
            extra = self.fixed + sum(run.lines(page, measure) for run in self.runs)
            return max(1, math.ceil((lines + extra + self._figures(page, measure)) / page.lines))
        return max(1, math.ceil(lines / page.lines))

    def _figures(self, page: Page, measure: float) -> int:
        return sum(figure.lines(page, measure) for figure in self.figures)


def _paginate(
    parts: list[tuple[bool, list[_Text]]], page: Page, front: int, recto: bool, pages: int
) -> PageCount:
    measure = page.measure(pages)
    count = front  # always even: the body opens on a recto
    each: list[int] = []
    for headed, chapters in parts:
        if headed:
            count += count % 2 + 2  # a part title on a recto, its back blank
        for text in chapters:
            if recto:
                count += count % 2  # a blank verso before a recto opener
            each.append(text.pages(page, measure))
            count += each[-1]
    return PageCount(count, front, tuple(each), _words_per_page(page, pages))


def _opener_lines(head_em: float, page: Page) -> int:
    """Lines of the grid a chapter's sunk head takes (``opener-head`` in the template)."""
    size, lead = page.font_size, page.leading * page.font_size
    top = page.text_height * SINK + head_em * size
    return max(
        round((top + AFTER_HEAD_EM * size + lead) / page.pitch),
        math.ceil((top + AFTER_HEAD_MIN_EM * size + lead) / page.pitch),
    )


def _heading_em(heading: Heading | None) -> float:
    """The height of a chapter's display heading in em (``display-heading``): its
    lines' boxes (0.7 em of their size) and the space between them."""
    if heading is None:
        return 0.0
    em = 0.0
    labelled = heading.label is not None or heading.number_text is not None
    if heading.title:
        # "Chapter 3" in 0.92 em caps, 1.1 em above a 1.75 em title.
        em += (0.92 * TOP_EDGE_EM + 1.1 if labelled else 0.0) + 1.75 * TOP_EDGE_EM
    elif heading.label is not None and heading.number_text is not None:
        em += 0.9 * TOP_EDGE_EM + 0.7 + 2.2 * TOP_EDGE_EM  # "Chapter" over a 2.2 em "29"
    elif labelled:
        em += 1.9 * TOP_EDGE_EM  # "Prologue" alone, at 1.9 em
    if heading.subtitle:
        em += 0.9 + 1.1 * TOP_EDGE_EM
    return em
