"""What printers publish about a paperback's cover wrap, and ``[cover_wrap]`` in book.toml.

A paperback's cover is one flat sheet: back cover, spine and front cover side
by side, with bleed all round. Its size is arithmetic on the interior::

    width  = bleed + trim width + spine + trim width + bleed
    height = bleed + trim height + bleed
    spine  = printed pages x paper thickness per page

Sources, and what each rule here takes from them:

* **KDP**, "Create a Paperback Cover" (kdp.amazon.com/en_US/help/topic/G201953020)
  and its cover calculator: paper thickness per page 0.002252 in (black ink on
  white), 0.0025 in (black ink on cream), 0.002347 in (premium colour); bleed
  0.125 in (3.175 mm) on every outside edge; text and images at least 0.125 in
  inside the trim; spine text at least 0.0625 in from each fold; KDP puts the
  barcode in a 2 x 1.2 in area at the bottom right of the back cover (the
  CreateSpace guidance KDP inherited: 0.25 in from the spine and from the bottom
  trim). KDP refuses spine text on books of 79 pages or fewer; this writer
  waits for 100 pages, where a white-paper spine (0.225 in) still leaves type
  of a readable size between its 0.0625 in fold margins.
* **IngramSpark** gives the spine through its Spine Calculator and Cover
  Template Generator (myaccount.ingramspark.com/Portal/Tools), not as a figure
  per page. The figures below are those its templates imply: 50# crème at
  444 pages an inch (0.002252 in a page: a 288-page book is 0.648 in there and
  0.720 in on KDP cream in the two templates set side by side at
  jdandj.com/blog/the-difference-between-kdp-and-ingramspark-book-cover-designs),
  50# white at 472 pages an inch (0.002119 in: Lightning Source's calculator as
  its users have documented it). Its template marks spine text as not allowed
  on thin books (below 48 pages); in practice the fold margins decide first.
  Its bleed (0.125 in) and its binding tolerance at the spine (1/16 in,
  help.ingramspark.com "Manufacturing and File Setup Tips") match KDP's. As
  these figures are second-hand, ``[cover_wrap] caliper`` takes the one printed
  on your own IngramSpark template and overrides the table.

Both printers bind whole sheets, so an odd page count gets a blank last page
(KDP adds one; IngramSpark stores text files with an even count): the spine is
computed from the even count.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .record import record

__all__ = [
    "BARCODE_HEIGHT_IN",
    "BARCODE_INSET_IN",
    "BARCODE_WIDTH_IN",
    "BLEED_IN",
    "CALIPER_IN",
    "POINTS_PER_INCH",
    "SAFE_IN",
    "SPINE_SAFE_IN",
    "SPINE_TEXT_MIN_PAGES",
    "Box",
    "CoverWrapConfig",
    "Paper",
    "Printer",
    "Wrap",
    "printed_pages",
    "spine_inches",
    "spine_text_allowed",
]

Paper = Literal["white", "cream"]
Printer = Literal["kdp", "ingramspark"]

POINTS_PER_INCH = 72.0
#: Bleed beyond the trim on every outside edge (KDP and IngramSpark: 0.125 in, 3.175 mm).
BLEED_IN = 0.125
#: Text and images stay this far inside the trim (KDP).
SAFE_IN = 0.125
#: ... and this far from each spine fold, on the spine and on the covers (KDP, IngramSpark).
SPINE_SAFE_IN = 0.0625
#: KDP's barcode area on the back cover, and its distance from the spine and the bottom trim.
BARCODE_WIDTH_IN = 2.0
BARCODE_HEIGHT_IN = 1.2
BARCODE_INSET_IN = 0.25

#: Paper thickness per printed page, in inches (see the module docstring for sources).
CALIPER_IN: dict[tuple[Printer, Paper], float] = {
    ("kdp", "white"): 0.002252,
    ("kdp", "cream"): 0.0025,
    ("ingramspark", "white"): 1 / 472,
    ("ingramspark", "cream"): 1 / 444,
}
#: The fewest pages a book may have to carry text on its spine, by printer.
SPINE_TEXT_MIN_PAGES: dict[Printer, int] = {"kdp": 100, "ingramspark": 48}

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


class CoverWrapConfig(BaseModel):
    """The print cover wrap (``[cover_wrap]``): paper, printer, colours and proof guides.

    Trim comes from ``[pdf]``; the page count from the print PDF of the same
    book, unless ``pages`` gives it.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    paper: Paper = Field(default="cream", description="Interior paper: white or cream.")
    printer: Printer = Field(
        default="kdp", description="Whose paper thickness sets the spine: kdp or ingramspark."
    )
    pages: int | None = Field(
        default=None,
        ge=2,
        le=2000,
        description="Interior page count; by default the print PDF of this book is counted.",
    )
    caliper: float | None = Field(
        default=None,
        gt=0,
        lt=0.01,
        description="Paper thickness per page in inches, read off your printer's own "
        "cover template; overrides the printer and paper table.",
    )
    back_color: str = Field(
        default="#1d2b3a",
        description="Background of the back cover and spine (and of a front cover "
        "without an image), as #rrggbb.",
    )
    text_color: str = Field(default="#f4efe6", description="Colour of the cover's text, #rrggbb.")
    guides: bool = Field(
        default=False,
        description="Draw the trim, spine folds, safe zones and barcode area "
        "(a proof, never for upload); the 'cover-proof' format always does.",
    )

    @field_validator("back_color", "text_color")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not _COLOR.match(value):
            raise ValueError("a colour is written #rrggbb, e.g. #1d2b3a")
        return value.lower()


def printed_pages(pages: int) -> int:
    """The pages a printer binds: an odd count gets a blank last page."""
    return pages + pages % 2


def spine_inches(pages: int, paper: Paper, printer: Printer, caliper: float | None = None) -> float:
    """The spine width in inches for ``pages`` interior pages."""
    per_page = caliper if caliper is not None else CALIPER_IN[printer, paper]
    return printed_pages(pages) * per_page


@record
class Wrap:
    """The flat cover's geometry in points, origin at its top left (the bleed's corner).

    ``trim_width``/``trim_height`` are one cover's trim; ``spine`` the spine's width.
    """

    trim_width: float
    trim_height: float
    spine: float

    @classmethod
    def of(cls, trim: tuple[float, float], spine_in: float) -> Wrap:
        return cls(trim[0], trim[1], spine_in * POINTS_PER_INCH)

    @property
    def bleed(self) -> float:
        return BLEED_IN * POINTS_PER_INCH

    @property
    def width(self) -> float:
        """2 x trim width + spine + 2 x bleed."""
        return 2 * self.trim_width + self.spine + 2 * self.bleed

    @property
    def height(self) -> float:
        """Trim height + 2 x bleed."""
        return self.trim_height + 2 * self.bleed

    @property
    def spine_left(self) -> float:
        """The fold between the back cover and the spine."""
        return self.bleed + self.trim_width

    @property
    def spine_right(self) -> float:
        """The fold between the spine and the front cover."""
        return self.spine_left + self.spine

    def trim(self) -> Box:
        """The trimmed sheet: back cover, spine and front cover without the bleed."""
        return Box(self.bleed, self.bleed, self.width - 2 * self.bleed, self.trim_height)

    def back_safe(self) -> Box:
        """Where the back cover's text may go."""
        inset, fold = SAFE_IN * POINTS_PER_INCH, SPINE_SAFE_IN * POINTS_PER_INCH
        return Box(
            self.bleed + inset,
            self.bleed + inset,
            self.trim_width - inset - fold,
            self.trim_height - 2 * inset,
        )

    def front_safe(self) -> Box:
        """Where the front cover's text may go."""
        inset, fold = SAFE_IN * POINTS_PER_INCH, SPINE_SAFE_IN * POINTS_PER_INCH
        return Box(
            self.spine_right + fold,
            self.bleed + inset,
            self.trim_width - inset - fold,
            self.trim_height - 2 * inset,
        )

    def spine_safe(self) -> Box | None:
        """Where spine text may go; ``None`` when the folds leave no room."""
        fold, inset = SPINE_SAFE_IN * POINTS_PER_INCH, SAFE_IN * POINTS_PER_INCH
        across = self.spine - 2 * fold
        if across <= 0:
            return None
        return Box(self.spine_left + fold, self.bleed + inset, across, self.trim_height - 2 * inset)

    def barcode(self) -> Box:
        """KDP's barcode area: bottom right of the back cover, clear of spine and trim."""
        inch = POINTS_PER_INCH
        width, height = BARCODE_WIDTH_IN * inch, BARCODE_HEIGHT_IN * inch
        inset = BARCODE_INSET_IN * inch
        return Box(
            self.spine_left - inset - width,
            self.bleed + self.trim_height - inset - height,
            width,
            height,
        )


@record
class Box:
    """A rectangle in points: left, top, width, height."""

    x: float
    y: float
    width: float
    height: float

    def as_dict(self) -> dict[str, float]:
        return {"x": self.x, "y": self.y, "width": self.width, "height": self.height}

    def contains(self, other: Box) -> bool:
        eps = 1e-9
        return (
            other.x >= self.x - eps
            and other.y >= self.y - eps
            and other.x + other.width <= self.x + self.width + eps
            and other.y + other.height <= self.y + self.height + eps
        )


def spine_text_allowed(pages: int, printer: Printer, wrap: Wrap, min_across: float) -> bool:
    """Spine text only when the printer allows it for the page count and it fits the folds."""
    room = wrap.spine_safe()
    return (
        printed_pages(pages) >= SPINE_TEXT_MIN_PAGES[printer]
        and room is not None
        and room.width >= min_across
    )
