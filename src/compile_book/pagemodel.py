"""The page model of the print edition, shared by ``stats`` and the PDF writer.

One set of formulas says how many pages a book takes in print, so ``compile-book
stats``, the gutter the PDF writer picks before it typesets, and the PDF agree
(within 1 % on the books measured, see :data:`EM_PER_CHAR`). It follows the
template, ``templates/book.typ``:

* **text block**: the trim less the margins; the inside margin (gutter) is
  KDP's minimum for the page count plus a quarter inch, never narrower than
  the outside margin, unless ``[pdf] gutter`` fixes it;
* **lines a page**: every line sits on one grid, ``(0.7 + leading) x size``
  apart (the fixed line box plus the leading), so a page holds
  ``(text height + leading) / pitch`` lines, rounded down;
* **characters a line**: the measure over the average advance of a character
  of body text (:data:`EM_PER_CHAR`). Lines are counted from characters, not
  words, because word length differs between books (5.1 characters a word in
  the sample novella, 5.6 in the benchmark novel) while the width of a
  character of text does not;
* **a chapter**: its sunk head, a whole number of lines; then each
  paragraph's characters over a line's, rounded up (the last line partial);
  two lines for each scene break; then up to the next whole page. Other
  blocks count the same way on their own measure: a quotation's paragraphs
  on a measure narrower by its indents, each line of verse and of code
  apart (code at the monospace advance), list items beside their markers,
  a line for the space around each of these; a figure as its image scaled
  to the measure plus its caption, in whole lines; a note's paragraphs at
  footnote size. A book without such blocks is counted as it always was;
* **the book**: the front matter (half title, title page with the copyright
  page on its back, dedication, epigraph, contents by entry count, each
  starting a recto), part title pages with blank backs, and chapters opening
  on a recto when ``chapter_start = "recto"``, leaving blank versos behind.

Pages run short to avoid a widow were measured to cost nothing overall.
:func:`words_per_page` is the model for fiction of average word and paragraph
length (:data:`LINE_CHARS_PER_WORD`), for display.
"""

from __future__ import annotations

import io
import itertools
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, assert_never

from .errors import ConfigError
from .nodes import (
    Block,
    BlockQuote,
    Book,
    Chapter,
    CodeBlock,
    Contents,
    CopyrightPage,
    Dedication,
    Epigraph,
    Figure,
    Heading,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    SceneBreak,
    TitlePage,
    Verse,
    plain_text,
)
from .sequences import notes, sequences

if TYPE_CHECKING:
    from .config import PdfConfig

__all__ = [
    "BASE_WORDS_PER_PAGE",
    "TRIM_SIZES",
    "Page",
    "PageCount",
    "count_words",
    "estimate_pages",
    "front_pages",
    "gutter_for_pages",
    "inside_margin",
    "page_size",
    "paginate",
    "to_points",
    "word_count",
    "words_per_page",
]

# --------------------------------------------------------------------------- page geometry
# Moved here from the PDF backend, which imports this module (not the other way).

#: Trim sizes in points (width, height): KDP's US trims plus ISO A5.
TRIM_SIZES: dict[str, tuple[float, float]] = {
    "5x8": (360.0, 576.0),
    "5.25x8": (378.0, 576.0),
    "5.5x8.5": (396.0, 612.0),
    "6x9": (432.0, 648.0),
    "a5": (148 * 72 / 25.4, 210 * 72 / 25.4),
}
#: KDP paperback inside margins by page count: (last page of the bracket, inches).
GUTTER_BRACKETS = ((150, 0.375), (300, 0.5), (500, 0.625), (700, 0.75))
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
#: A contents page with fewer entries than this is left out.
TOC_MIN_ENTRIES = 2
#: A set-off block (quotation, verse, list, code) takes half a line above and half
#: below: one line in all, so the text after it is back on the grid.
SET_OFF_LINES = 1
#: Quotations are indented this much either side; verse and code at least this much.
QUOTE_INDENT_EM = 2.0
#: A list's marker stands at this indent, its text about 1.5 em further in.
LIST_INDENT_EM = 1.2
LIST_TEXT_EM = LIST_INDENT_EM + 1.5
#: A verse line too long for the measure runs over, indented this much.
VERSE_RUNOVER_EM = 2.0
#: Typst sets code at 0.8 em; DejaVu Sans Mono advances 0.602 em a character.
CODE_EM_PER_CHAR = 0.8 * 0.602
#: Captions and footnotes: their size (of the body's) and leading (in their em).
SMALL_SIZE = 0.85
SMALL_LEADING_EM = 0.5
#: A note's share of the footnote area's rule and gaps, in body lines.
NOTE_LINES = 0.5
#: A figure's image is never taller than this share of the text block; an image
#: whose size cannot be read (a drawing) is taken as across the measure, 4:3.
FIGURE_MAX_HEIGHT = 0.75
FIGURE_ASPECT = 0.75
#: The space between an image and its caption; a caption is at least this share
#: of the measure wide.
CAPTION_GAP_EM = 0.6
CAPTION_MIN_WIDTH = 0.66

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
#: Held out: A5, leading 0.8, next-page starts, no half title or contents, a
#: fixed gutter, 9-14 pt, the four seeds, 250k words: all within 0.5 %.
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
        fixed = self.gutter
        inside = inside_margin(pages, self.outside / 72) * 72 if fixed is None else fixed
        return self.width - inside - self.outside

    def chars_per_line(self, pages: int) -> float:
        return self.measure(pages) / (EM_PER_CHAR * self.font_size)


def to_points(length: str) -> float:
    """A ``book.toml`` length (``0.75in``, ``18mm``, ``11pt``) in PostScript points."""
    match = _LENGTH_RE.match(length)
    if not match:
        raise ConfigError(f"pdf: {length!r} is not a length like 0.75in, 18mm or 11pt")
    return float(match.group(1)) * _POINTS[match.group(2)]


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
    """Words of body prose: paragraphs, quotations, verse, lists, captions and notes
    (as ``stats`` counts them); headings, code and front matter are not counted."""
    return sum(
        count_words(plain_text(inlines))
        for chapter in book.chapters
        for inlines in sequences(chapter.blocks)
    )


# --------------------------------------------------------------------------- pages


@dataclass(frozen=True, slots=True)
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
        (part.heading is not None, [_Text.of(chapter) for chapter in part.chapters])
        for part in book.parts
    ]
    front = front_pages(book, pdf)
    recto = pdf.chapter_start == "recto"
    count = _paginate(parts, page, front, recto, 0)
    for _ in range(3 if page.gutter is None else 0):
        again = _paginate(parts, page, front, recto, count.total)
        count, settled = again, again.total == count.total
        if settled:
            break
    return count


@dataclass(frozen=True, slots=True)
class _Run:
    """Text set off from the body: its characters, the indent it loses from the
    measure (body em), the advance of a character (em of its size), and
    whether it is set small (a note, a caption)."""

    chars: int
    indent_em: float
    em_per_char: float = EM_PER_CHAR
    small: bool = False

    def lines(self, page: Page, measure: float) -> float:
        """Body lines of the grid this run takes (at least one line)."""
        size = page.font_size * (SMALL_SIZE if self.small else 1.0)
        per_line = (measure - self.indent_em * page.font_size) / (self.em_per_char * size)
        count = max(1, math.ceil(self.chars / max(per_line, 1.0)))
        return count * (_small_pitch(page) / page.pitch if self.small else 1.0)


def _small_pitch(page: Page) -> float:
    return (TOP_EDGE_EM + SMALL_LEADING_EM) * SMALL_SIZE * page.font_size


@dataclass(frozen=True, slots=True)
class _Figure:
    """An image's natural size in points (0 when unknown) and its caption's characters."""

    width: float
    height: float
    caption: int

    def lines(self, page: Page, measure: float) -> int:
        """Lines of the grid the figure's box takes (``figure-block`` in the template)."""
        size = page.font_size
        width, height = self.width or measure, self.height or measure * FIGURE_ASPECT
        caption = 0.0
        if self.caption:
            wide = min(measure, max(width, CAPTION_MIN_WIDTH * measure))
            run = _Run(self.caption, 0.0, EM_PER_CHAR, small=True)
            caption = run.lines(page, wide) * page.pitch + CAPTION_GAP_EM * size
        most = FIGURE_MAX_HEIGHT * page.text_height - caption
        image = height * min(1.0, measure / width, max(most, 0.0) / height)
        lead = page.leading * size
        return math.ceil((image + caption + lead + page.pitch) / page.pitch)


@dataclass(frozen=True, slots=True)
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


class _Room:
    """Walks a chapter's blocks, gathering what takes room for :class:`_Text`.

    Body paragraphs are counted by characters as ever; a paragraph in a
    quotation, a list or a note, a verse line and a code line is a
    :class:`_Run` on its narrower measure; set-off spaces, stanza breaks and
    notes' share of the footnote area are fixed lines.
    """

    def __init__(self) -> None:
        self.lengths: list[int] = []
        self.breaks = 0
        self.runs: list[_Run] = []
        self.fixed = 0.0
        self.figures: list[_Figure] = []

    def result(self) -> tuple[tuple[int, ...], int, tuple[_Run, ...], float, tuple[_Figure, ...]]:
        return tuple(self.lengths), self.breaks, tuple(self.runs), self.fixed, tuple(self.figures)

    def blocks(self, blocks: tuple[Block, ...], indent: float = 0.0, small: bool = False) -> None:
        for block in blocks:
            self.block(block, indent, small)

    def block(self, block: Block, indent: float, small: bool) -> None:
        match block:
            case Paragraph():
                self.text(block.inlines, indent, small, body=True)
            case SceneBreak():
                self.breaks += 1
            case BlockQuote():
                self.fixed += SET_OFF_LINES
                self.blocks(block.blocks, indent + 2 * QUOTE_INDENT_EM, small)
            case Verse():
                self.fixed += SET_OFF_LINES
                # A blank line between stanzas: one fewer than the stanzas (runs of
                # empty lines, and empty lines at either end, print nothing).
                lines = ((), *block.lines)
                stanzas = sum(1 for a, b in itertools.pairwise(lines) if b and not a)
                self.fixed += max(0, stanzas - 1)
                for line in filter(None, block.lines):
                    self.text(line, indent + QUOTE_INDENT_EM, small)
            case Figure():
                width, height = image_points(block.image) or (0.0, 0.0)
                self.figures.append(_Figure(width, height, len(plain_text(block.caption))))
                self.notes(block.caption)
            case ListBlock():
                self.fixed += SET_OFF_LINES
                for item in block.items:
                    self.blocks(item, indent + LIST_TEXT_EM, small)
            case CodeBlock():
                self.fixed += SET_OFF_LINES
                for typed in block.text.rstrip("\n").split("\n"):
                    chars = len(typed.expandtabs(2))
                    self.runs.append(_Run(chars, indent + QUOTE_INDENT_EM, CODE_EM_PER_CHAR))
            case _:
                assert_never(block)

    def text(
        self, inlines: tuple[Inline, ...], indent: float, small: bool, body: bool = False
    ) -> None:
        chars = len(plain_text(inlines))
        if body and not indent and not small:
            self.lengths.append(chars)
        else:
            self.runs.append(_Run(chars, indent, EM_PER_CHAR, small))
        self.notes(inlines)

    def notes(self, inlines: tuple[Inline, ...]) -> None:
        for note in notes(inlines):
            self.fixed += NOTE_LINES
            self.blocks(note.blocks, 0.0, small=True)


def image_points(image: Image) -> tuple[float, float] | None:
    """An image's natural size in points, as Typst places it (its pixels at the
    resolution it records, 72 dpi when it records none); ``None`` when its size
    cannot be read (a drawing, a damaged file)."""
    from PIL import Image as Pillow  # only books with figures pay for it

    try:
        with Pillow.open(io.BytesIO(image.data)) as opened:
            dpi = opened.info.get("dpi") or (72, 72)
            xdpi, ydpi = (float(d) or 72.0 for d in dpi)
            return opened.width * 72 / xdpi, opened.height * 72 / ydpi
    except (OSError, ValueError, SyntaxError, TypeError, Pillow.DecompressionBombError):
        return None


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
