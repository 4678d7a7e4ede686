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

from .blocks import _Figure as _Figure
from .blocks import image_points
from .front import front_pages
from .geometry import (
    BASE_WORDS_PER_PAGE,
    GUTTER_BRACKETS,
    GUTTER_EXTRA,
    GUTTER_MAX,
    TRIM_SIZES,
    Page,
    gutter_for_pages,
    inside_margin,
    page_size,
    to_points,
    words_per_page,
)
from .pages import PageCount, estimate_pages, paginate
from .pages import _heading_em as _heading_em
from .pages import _opener_lines as _opener_lines
from .template import (
    AFTER_HEAD_EM,
    AFTER_HEAD_MIN_EM,
    CAPTION_GAP_EM,
    CAPTION_MIN_WIDTH,
    CODE_EM_PER_CHAR,
    EM_PER_CHAR,
    FIGURE_ASPECT,
    FIGURE_MAX_HEIGHT,
    LINE_CHARS_PER_WORD,
    LIST_INDENT_EM,
    LIST_TEXT_EM,
    NOTE_LINES,
    PART_SINK,
    QUOTE_INDENT_EM,
    SCENE_BREAK_LINES,
    SET_OFF_LINES,
    SINK,
    SMALL_LEADING_EM,
    SMALL_SIZE,
    TOC_ENTRY_EM,
    TOC_HEAD_EM,
    TOC_MIN_ENTRIES,
    TOC_PART_ENTRY_EM,
    TOC_SINK,
    TOP_EDGE_EM,
    VERSE_RUNOVER_EM,
)
from .words import count_words, word_count

# Public: the functions and types, and (since the split into modules, for the
# PDF writer and mypy's explicit re-exports) the template's and gutter's figures.
__all__ = [
    "AFTER_HEAD_EM",
    "AFTER_HEAD_MIN_EM",
    "BASE_WORDS_PER_PAGE",
    "CAPTION_GAP_EM",
    "CAPTION_MIN_WIDTH",
    "CODE_EM_PER_CHAR",
    "EM_PER_CHAR",
    "FIGURE_ASPECT",
    "FIGURE_MAX_HEIGHT",
    "GUTTER_BRACKETS",
    "GUTTER_EXTRA",
    "GUTTER_MAX",
    "LINE_CHARS_PER_WORD",
    "LIST_INDENT_EM",
    "LIST_TEXT_EM",
    "NOTE_LINES",
    "PART_SINK",
    "QUOTE_INDENT_EM",
    "SCENE_BREAK_LINES",
    "SET_OFF_LINES",
    "SINK",
    "SMALL_LEADING_EM",
    "SMALL_SIZE",
    "TOC_ENTRY_EM",
    "TOC_HEAD_EM",
    "TOC_MIN_ENTRIES",
    "TOC_PART_ENTRY_EM",
    "TOC_SINK",
    "TOP_EDGE_EM",
    "TRIM_SIZES",
    "VERSE_RUNOVER_EM",
    "Page",
    "PageCount",
    "count_words",
    "estimate_pages",
    "front_pages",
    "gutter_for_pages",
    "image_points",
    "inside_margin",
    "page_size",
    "paginate",
    "to_points",
    "word_count",
    "words_per_page",
]
