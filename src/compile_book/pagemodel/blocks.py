"""What each kind of block takes on the page, in lines of the body's grid.

Body paragraphs are counted by characters in :mod:`.pages`; everything set off
from the body (quotations, verse, lists, code, notes) is a :class:`_Run` on its
own measure, and a figure is its image scaled to the measure plus its caption.
"""

from __future__ import annotations

import io
import itertools
import math
from typing import assert_never

from ..nodes import (
    Block,
    BlockQuote,
    CodeBlock,
    Figure,
    Image,
    Inline,
    ListBlock,
    Paragraph,
    SceneBreak,
    Subheading,
    Verse,
    plain_text,
)
from ..record import record
from ..sequences import notes
from .geometry import Page
from .template import (
    CAPTION_GAP_EM,
    CAPTION_MIN_WIDTH,
    CODE_EM_PER_CHAR,
    EM_PER_CHAR,
    FIGURE_ASPECT,
    FIGURE_MAX_HEIGHT,
    LIST_TEXT_EM,
    NOTE_LINES,
    QUOTE_INDENT_EM,
    SET_OFF_LINES,
    SMALL_LEADING_EM,
    SMALL_SIZE,
    TOP_EDGE_EM,
)


@record
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


@record
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
            case Subheading():
                # Set like an ornament: two lines of the grid with the text between.
                self.breaks += 1
                self.notes(block.inlines)
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
