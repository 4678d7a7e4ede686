"""Which page sizes and margins a printer can take: checked when ``book.toml`` is read.

KDP prints paperbacks from 4 x 6 in to 8.5 x 11.69 in, IngramSpark and Lulu
a little beyond (up to 12 in square); a page of ``0in`` or ``99999in`` is a
typo, and Typst would still make a PDF of it. The bounds here are generous,
:data:`SIDE_MIN` to :data:`SIDE_MAX` a side, so that an unusual book (a pocket
edition, a tabloid) is never refused, while margins must leave a text block
of at least :data:`TEXT_MIN_WIDTH` by :data:`TEXT_MIN_HEIGHT`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdfconfig import PdfConfig

__all__ = ["SIDE_MAX", "SIDE_MIN", "TEXT_MIN_HEIGHT", "TEXT_MIN_WIDTH", "layout_problems"]

#: A page side, in inches: a business card is 2 in, a tabloid sheet 17 in.
SIDE_MIN, SIDE_MAX = 2.0, 17.0
#: The smallest text block, in inches: a dozen characters a line, a dozen lines a page.
TEXT_MIN_WIDTH, TEXT_MIN_HEIGHT = 1.5, 2.0
#: The narrowest inside margin the PDF writer picks by itself (KDP's minimum for
#: the shortest books, 0.375 in, plus the quarter inch it adds): ``pagemodel.geometry``.
_DEFAULT_GUTTER_MIN = 0.625

_INCHES = {"in": 1.0, "pt": 1 / 72, "mm": 1 / 25.4, "cm": 1 / 2.54}


def inches(length: str) -> float:
    """A ``book.toml`` length (already matched by its pattern: ``0.75in``) in inches."""
    return float(length[:-2]) * _INCHES[length[-2:]]


def _show(value: float) -> str:
    return f"{value:.3g}in"


def _block(size: float, way: str) -> str:
    return f"a text block {_show(size)} {way}" if size > 0 else "no room for text"


def side_problem(length: str) -> str | None:
    """What is wrong with a page side (``pdf.width``, ``pdf.height``), or ``None``."""
    size = inches(length)
    if SIDE_MIN <= size <= SIDE_MAX:
        return None
    return (
        f"{length} is not a page size a printer takes; choose between "
        f"{_show(SIDE_MIN)} and {_show(SIDE_MAX)} (KDP prints 4in to 8.5in wide)"
    )


def layout_problems(pdf: PdfConfig) -> list[str]:
    """What makes ``[pdf]``'s page and margins unprintable (empty when they are fine).

    The trim presets' sizes come from :mod:`compile_book.pagemodel.geometry`. With
    no ``gutter`` given, the narrowest one the writer may choose is assumed.
    """
    if pdf.trim == "custom":
        missing = [k for k in ("width", "height") if getattr(pdf, k) is None]
        if missing:
            keys = " and ".join(f"pdf.{k}" for k in missing)
            return [f"trim = 'custom' needs {keys}; give the page size or choose a preset trim"]
        width, height = inches(pdf.width or "0in"), inches(pdf.height or "0in")
    else:
        from .pagemodel.geometry import TRIM_SIZES

        width, height = (points / 72 for points in TRIM_SIZES[pdf.trim])
    outside = inches(pdf.outside)
    gutter = inches(pdf.gutter) if pdf.gutter is not None else max(_DEFAULT_GUTTER_MIN, outside)
    across = width - gutter - outside
    down = height - inches(pdf.top) - inches(pdf.bottom)
    problems = []
    if across < TEXT_MIN_WIDTH:
        inside = "pdf.gutter" if pdf.gutter is not None else "the default gutter"
        problems.append(
            f"the margins leave {_block(across, 'wide')} on a {_show(width)} page "
            f"({inside} {_show(gutter)}, pdf.outside {_show(outside)}); "
            f"narrow them to leave at least {_show(TEXT_MIN_WIDTH)}"
        )
    if down < TEXT_MIN_HEIGHT:
        problems.append(
            f"the margins leave {_block(down, 'tall')} on a {_show(height)} page "
            f"(pdf.top {_show(inches(pdf.top))}, pdf.bottom {_show(inches(pdf.bottom))}); "
            f"narrow them to leave at least {_show(TEXT_MIN_HEIGHT)}"
        )
    return problems
