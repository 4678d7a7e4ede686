"""The page model of the print edition, shared by ``stats`` and the PDF writer.

One set of formulas says how many pages a book takes in print, so the figure
``compile-book stats`` shows, the gutter the PDF writer picks before it
typesets, and the PDF it writes agree (within 5 % on the sample book and the
100k-word benchmark novel, at every trim and body size measured).

The model follows the template (``templates/book.typ``) line by line:

* **text block**: the trim less the margins; the inside margin (gutter)
  is KDP's minimum for the page count plus a quarter inch, never narrower than
  the outside margin, unless ``[pdf] gutter`` fixes it;
* **lines a page**: every line sits on one grid, ``(0.7 + leading) x size``
  apart (the fixed line box plus the leading), so a page holds
  ``(text height + leading) / pitch`` lines, rounded down;
* **characters a line**: the measure over the average advance of a character
  of justified text (:data:`EM_PER_CHAR`, measured). Lines are counted from
  characters, not words, because word length differs between books (5.1
  letters a word in the sample novella, 5.6 in the benchmark novel) while the
  width of a character of text does not;
* **a chapter**: a sunk head of whole lines, then each paragraph's lines
  (its last line partial), two lines for each scene break, pages filled to
  :data:`PAGE_FILL`;
* **the book**: front matter (half title, title and copyright, dedication,
  epigraph, contents), part title pages with blank backs, and chapters opening
  on a recto when ``chapter_start = "recto"``, leaving blank versos behind.

:func:`words_per_page` is the same model for prose of average length
(:data:`CHARS_PER_WORD`) and paragraphs (:data:`LINES_PER_PARAGRAPH`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .nodes import Book, Chapter, Heading, Paragraph, SceneBreak, plain_text

if TYPE_CHECKING:
    from .config import PdfConfig

__all__ = [
    "BASE_WORDS_PER_PAGE",
    "Page",
    "chapter_pages",
    "count_words",
    "estimate_pages",
    "front_pages",
    "gutter_for_pages",
    "inside_margin",
    "lines_per_page",
    "word_count",
    "words_per_page",
]

# --------------------------------------------------------------------------- page geometry
# Duplicated from the PDF writer (which imports this module, so it cannot
# import the writer); the writer may take them from here.

#: Trim sizes in points (width, height): KDP's US trims plus ISO A5.
TRIM_SIZES: dict[str, tuple[float, float]] = {
    "5x8": (360.0, 576.0),
    "5.25x8": (378.0, 576.0),
    "5.5x8.5": (396.0, 612.0),
    "6x9": (432.0, 648.0),
    "a5": (148 * 72 / 25.4, 210 * 72 / 25.4),
}
#: KDP paperback inside margins by page count: (last page of the bracket, inches).
GUTTER_BRACKETS: tuple[tuple[int, float], ...] = (
    (150, 0.375),
    (300, 0.5),
    (500, 0.625),
    (700, 0.75),
)
GUTTER_MAX = 0.875
#: Added to KDP's minimum, to keep the text out of the curve of the binding.
GUTTER_EXTRA = 0.25

_POINTS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54}
_LENGTH_RE = re.compile(r"^(\d+(?:\.\d+)?)(in|mm|cm|pt)$")

# --------------------------------------------------------------------------- the template's figures
# Read off templates/book.typ; lengths in em of the body size unless named otherwise.

#: The fixed line box above the baseline (``top-edge``); lines are this plus the leading apart.
TOP_EDGE_EM = 0.7
#: A chapter's sunk head starts this far down the text block; a part title this far.
SINK = 0.2
PART_SINK = 0.3
#: Space from a chapter heading to its text (``after-head``), at least two lines' worth.
AFTER_HEAD_EM = 3.2
AFTER_HEAD_MIN_EM = 2.0
#: A scene break's ornament takes two lines of the grid.
SCENE_BREAK_LINES = 2
#: The contents: its title sits 0.15 of the text block down, 2.2 em above the
#: entries; a chapter entry is one 0.7 em line with 0.6 em above it, a part
#: entry a 0.85 em line with 1.4 em above and 0.8 em below.
TOC_SINK = PART_SINK / 2
TOC_HEAD_EM = 1.05 * TOP_EDGE_EM + 2.2
TOC_ENTRY_EM = 0.6 + TOP_EDGE_EM
TOC_PART_ENTRY_EM = 1.4 + 0.85 * TOP_EDGE_EM + 0.8

# --------------------------------------------------------------------------- measured
# Measured on real PDFs of this template (EB Garamond, the default 5.5x8.5 in
# trim at 11.5 pt): the sample book and the 100k-word benchmark novel.

#: Average advance of one character (spaces included) of body text, for
#: counting a paragraph's lines as its characters over the line's capacity,
#: rounded up. Full lines measure 0.388 em a character (68.8 characters on the
#: sample's 306 pt measure, 64.3 on the benchmark's 288 pt); 0.378 is the value
#: that best fits the page counts of 10 real PDFs (both books at 5x8, 5.5x8.5
#: and 6x9 in, and at 10, 11.5 and 13 pt: all within 1 %), as justification,
#: tracking and hyphenation fit a little more on a line than its average.
EM_PER_CHAR = 0.378
#: Characters of line width a word of fiction takes, the partial last lines of
#: paragraphs included (6.7 in the sample, 6.6 in the benchmark): for
#: :func:`words_per_page` only, the estimate counts each paragraph's lines.
LINE_CHARS_PER_WORD = 6.65

# Why: letters/digits joined by apostrophes or hyphens make one word; dashes,
# ellipses, spaces and lone punctuation (a spaced dash, a lone «) are not words.
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Page:
    """What the model reads of ``[pdf]``, lengths in points (defaults: ``PdfConfig()``'s)."""

    width: float = 396.0
    height: float = 612.0
    outside: float = 45.0
    top: float = 54.0
    bottom: float = 54.0
    gutter: float | None = None
    font_size: float = 11.5
    leading: float = 0.62

    @classmethod
    def of(cls, pdf: PdfConfig) -> Page:
        width, height = page_size(pdf)
        return cls(
            width=width,
            height=height,
            outside=to_points(pdf.outside),
            top=to_points(pdf.top),
            bottom=to_points(pdf.bottom),
            gutter=to_points(pdf.gutter) if pdf.gutter is not None else None,
            font_size=pdf.font_size,
            leading=pdf.leading,
        )

    @property
    def pitch(self) -> float:
        """Baseline to baseline, in points."""
        return (TOP_EDGE_EM + self.leading) * self.font_size

    @property
    def text_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def lines(self) -> int:
        """Lines of body text on a full page."""
        return math.floor((self.text_height + self.leading * self.font_size) / self.pitch)

    def measure(self, pages: int) -> float:
        """The width of a line of text in a book of ``pages`` pages, in points."""
        if self.gutter is not None:
            inside = self.gutter
        else:
            inside = inside_margin(pages, self.outside / 72) * 72
        return self.width - inside - self.outside

    def chars_per_line(self, pages: int) -> float:
        return self.measure(pages) / (EM_PER_CHAR * self.font_size)


# --------------------------------------------------------------------------- sizes


def to_points(length: str) -> float:
    """A ``book.toml`` length (``0.75in``, ``18mm``, ``11pt``) in points (0 if malformed)."""
    match = _LENGTH_RE.match(length)
    return float(match.group(1)) * _POINTS[match.group(2)] if match else 0.0


def page_size(pdf: PdfConfig) -> tuple[float, float]:
    """The trim in points; a custom trim without both sizes counts as the default trim."""
    if pdf.trim != "custom":
        return TRIM_SIZES[pdf.trim]
    if pdf.width is None or pdf.height is None:
        return TRIM_SIZES["5.5x8.5"]
    return to_points(pdf.width), to_points(pdf.height)


def gutter_for_pages(pages: int) -> float:
    """KDP's minimum inside margin, in inches, for a book of ``pages`` pages."""
    for last, inches in GUTTER_BRACKETS:
        if pages <= last:
            return inches
    return GUTTER_MAX


def inside_margin(pages: int, outside: float) -> float:
    """The default inside margin in inches: KDP's minimum plus a quarter inch,
    and never narrower than the ``outside`` margin (inches)."""
    return max(gutter_for_pages(pages) + GUTTER_EXTRA, outside)


def lines_per_page(pdf: PdfConfig) -> int:
    """Lines of body text on a full page."""
    return Page.of(pdf).lines


def words_per_page(pdf: PdfConfig, pages: int = 0) -> float:
    """Words on a page of average fiction (for a book of ``pages`` pages: the gutter)."""
    return _words_per_page(Page.of(pdf), pages)


def _words_per_page(page: Page, pages: int) -> float:
    return page.lines * page.chars_per_line(pages) / LINE_CHARS_PER_WORD


#: Words on a page of the default layout (5.5 x 8.5 in, 11.5 pt, a book under 150 pages).
BASE_WORDS_PER_PAGE = round(_words_per_page(Page(), 0))


# --------------------------------------------------------------------------- words


def count_words(text: str) -> int:
    """Words as a reader counts them: "said—and" and "Wait…what" are two each;
    "don’t", "half-ducked" and "’90s" one each."""
    return len(_WORD_RE.findall(text))


def word_count(book: Book) -> int:
    """Words of body prose (paragraphs only; headings and front matter are not counted)."""
    return sum(
        count_words(plain_text(block.inlines))
        for chapter in book.chapters
        for block in chapter.blocks
        if isinstance(block, Paragraph)
    )


# --------------------------------------------------------------------------- pages


def chapter_pages(chapter: Chapter, pdf: PdfConfig, pages: int = 0) -> int:
    """Pages a chapter takes from its opener to its last line (blank versos not
    counted), in a book of ``pages`` pages (which sets the gutter)."""
    return _chapter_pages(chapter, Page.of(pdf), pages)


def _chapter_pages(chapter: Chapter, page: Page, pages: int) -> int:
    chars = page.chars_per_line(pages)
    lines = _opener_lines(chapter.heading, page)
    for block in chapter.blocks:
        if isinstance(block, SceneBreak):
            lines += SCENE_BREAK_LINES
        else:
            lines += math.ceil(len(plain_text(block.inlines)) / chars)
    return max(1, math.ceil(lines / page.lines))


def _opener_lines(heading: Heading | None, page: Page) -> int:
    """Lines of the grid a chapter's sunk head takes (``opener-head`` in the template)."""
    size, lead = page.font_size, page.leading * page.font_size
    top = page.text_height * SINK + _heading_em(heading) * size
    return max(
        round((top + AFTER_HEAD_EM * size + lead) / page.pitch),
        math.ceil((top + AFTER_HEAD_MIN_EM * size + lead) / page.pitch),
    )


def _heading_em(heading: Heading | None) -> float:
    """The height of a chapter's display heading, in em (``display-heading``)."""
    if heading is None:
        return 0.0
    em = 0.0
    label = heading.label is not None or heading.number_text is not None
    if heading.title:
        em += (0.92 * TOP_EDGE_EM + 1.1 if label else 0.0) + 1.75 * TOP_EDGE_EM
    elif heading.label is not None and heading.number_text is not None:
        em += 0.9 * TOP_EDGE_EM + 0.7 + 2.2 * TOP_EDGE_EM  # "Chapter" over a large "29"
    elif label:
        em += 1.9 * TOP_EDGE_EM
    if heading.subtitle:
        em += 0.9 + 1.1 * TOP_EDGE_EM
    return em


def front_pages(book: Book, pdf: PdfConfig) -> int:
    """Pages before the body: every front-matter page is a recto with a blank
    back except the copyright page (the title page's back); the body opens on a recto."""
    page = Page.of(pdf)
    pages = 2 if pdf.half_title else 0
    pages += 2  # title and copyright
    pages += 2 if book.meta.dedication else 0
    pages += 2 if book.meta.epigraph else 0
    chapters = len(book.chapters)
    parts = sum(1 for part in book.parts if part.heading is not None)
    if pdf.toc and chapters + parts >= 2:
        size = page.font_size
        first = page.text_height * (1 - TOC_SINK) - TOC_HEAD_EM * size
        need = (chapters * TOC_ENTRY_EM + parts * TOC_PART_ENTRY_EM) * size
        more = max(0.0, need - first)
        toc = 1 + math.ceil(more / page.text_height)
        pages += toc + toc % 2
    return pages


def estimate_pages(book: Book, pdf: PdfConfig) -> int:
    """Pages of the printed book, front matter and blank pages included.

    The gutter depends on the page count, which depends on the gutter: the
    book is counted with the narrowest gutter, then again with the gutter of
    that count if it differs (as the writer typesets again).
    """
    page = Page.of(pdf)
    pages = _estimate(book, pdf, page, 0)
    for _ in range(2):
        again = _estimate(book, pdf, page, pages)
        if again == pages or page.gutter is not None:
            break
        pages = again
    return pages


def _estimate(book: Book, pdf: PdfConfig, page: Page, pages: int) -> int:
    recto = pdf.chapter_start == "recto"
    count = front_pages(book, pdf)  # always even: the body opens on a recto
    for part in book.parts:
        if part.heading is not None:
            count += count % 2 + 2  # a recto part title and its blank back
        for chapter in part.chapters:
            if recto:
                count += count % 2  # a blank verso before a recto opener
            count += _chapter_pages(chapter, page, pages)
    return count
