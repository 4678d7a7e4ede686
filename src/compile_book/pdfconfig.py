"""``[pdf]`` in ``book.toml``: the print edition's layout, validated by pydantic.

Split from :mod:`compile_book.config` because it is the largest table and the one
the page model, the statistics and the PDF writer read on their own (the writer's
options *are* a :class:`PdfConfig`). Its defaults are the default theme's; a layout
no printer takes (a 0in page, margins that leave no room for text) is refused here,
before anything is written.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

from .metadata import Text
from .printable import layout_problems, side_problem
from .themes import DEFAULT_THEME

__all__ = ["Length", "PdfConfig"]

# Why: Typst and CSS both accept these units; anything else is a typo.
_LENGTH_RE = re.compile(r"^\d+(\.\d+)?(in|mm|cm|pt)$")


class _Model(BaseModel):
    # The same settings as every book.toml table (:class:`compile_book.config._Model`):
    # unknown keys refused, frozen, the validator built on first use.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


Length = Annotated[str, Field(pattern=_LENGTH_RE.pattern, examples=["0.75in", "18mm", "11pt"])]


class PdfConfig(_Model):
    """Print layout (``[pdf]``)."""

    trim: Literal["5x8", "5.25x8", "5.5x8.5", "6x9", "a5", "custom"] = Field(
        default="5.5x8.5", description="Trim size preset; 'custom' uses width and height."
    )
    width: Length | None = Field(default=None, description="Page width for trim = 'custom'.")
    height: Length | None = Field(default=None, description="Page height for trim = 'custom'.")
    gutter: Length | None = Field(
        default=None,
        description="Inside margin, used as given. By default KDP's minimum for the page "
        "count plus 0.25in, and never less than the outside margin.",
    )
    outside: Length = Field(default="0.625in", description="Outside margin.")
    top: Length = Field(default="0.75in", description="Top margin.")
    bottom: Length = Field(default="0.75in", description="Bottom margin.")
    font: Text = Field(
        default=DEFAULT_THEME.font,
        description="Body font (by default the theme's): a family, bundled or installed, "
        "or a font file relative to book.toml ('fonts/Face.otf'), checked for embedding.",
    )
    heading_font: Text | None = Field(
        default=DEFAULT_THEME.heading_font,
        description="Font of chapter and part heads (by default the theme's).",
    )
    drop_cap_lines: int = Field(
        default=DEFAULT_THEME.drop_cap_lines,
        ge=2,
        le=5,
        description="How many lines deep a drop cap is.",
    )
    font_size: float = Field(
        default=DEFAULT_THEME.font_size, ge=6, le=24, description="Body size in points."
    )
    leading: float = Field(default=0.62, ge=0.1, le=2.0, description="Space between lines, in em.")
    chapter_start: Literal["recto", "next"] = Field(
        default="recto", description="Start chapters on a right-hand page, or the next page."
    )
    drop_cap: StrictBool = Field(
        default=DEFAULT_THEME.drop_cap,
        description="A drop cap opens each chapter, three lines deep in every chapter "
        "(a short opening paragraph is followed beside it by the next).",
    )
    small_caps_words: int = Field(
        default=DEFAULT_THEME.small_caps_words,
        ge=0,
        le=12,
        description="Words of the first line set in small caps.",
    )
    even_spreads: StrictBool = Field(
        default=True,
        description="End facing pages on the same line: a spread that widow and orphan "
        "control left uneven runs one or two lines short on both pages. It costs a second, "
        "shorter Typst run; false sets the pages as Typst breaks them.",
    )
    toc: StrictBool = Field(default=True, description="Print a table of contents.")
    half_title: StrictBool = Field(default=True, description="Print a half-title page.")
    scene_break: Text = Field(
        default=DEFAULT_THEME.scene_break,
        description="Ornament drawn at a scene break (the default fleuron is in EB Garamond; "
        "an asterism ⁂ is set from Libertinus Serif).",
    )
    running_head_verso: Literal["author", "title", "chapter", "none"] = "author"
    running_head_recto: Literal["author", "title", "chapter", "none"] = "title"
    page_numbers: Literal["footer", "header"] = "footer"
    front_matter_numbers: Literal["none", "roman"] = "none"
    telepathy: Literal["italic", "roman", "small-caps", "bold"] | None = Field(
        default=None, description="Overrides [telepathy] style in print."
    )

    @field_validator("width", "height")
    @classmethod
    def _side(cls, value: str | None) -> str | None:
        problem = None if value is None else side_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _printable(self) -> PdfConfig:
        # Why: a 0in or 99999in page, or margins that leave no room for text,
        # make a PDF no printer takes; say so before anything is written. The
        # defaults are printable (tested), and checking them loads the page model.
        problems = layout_problems(self) if self.model_fields_set else []
        if problems:
            raise ValueError("; ".join(problems))
        return self
