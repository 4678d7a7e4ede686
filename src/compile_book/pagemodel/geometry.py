"""Page geometry: trim sizes, lengths, the gutter and the text block.

What ``[pdf]`` says about the page, turned into points, and what a page holds
(lines of the grid, characters a line, words a page).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..record import record
from .template import EM_PER_CHAR, LINE_CHARS_PER_WORD, TOP_EDGE_EM

if TYPE_CHECKING:
    from ..pdfconfig import PdfConfig

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


@record
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
