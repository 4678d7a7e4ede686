"""The page model's figures: those read off ``templates/book.typ``, and those measured.

Kept apart from the formulas that use them so a change to the template is a
change to this one file, and the PDF writer can read the same figures.
"""

from __future__ import annotations

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
