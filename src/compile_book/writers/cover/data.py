"""The cover wrap as the JSON data its Typst template reads (``templates/cover.typ``).

Every word on the cover (title, subtitle, authors, series, the blurb) goes to
Typst as a string in this data, never spliced into markup, so a ``#`` or a
``]`` in a title prints as itself. Geometry is computed here, in points, from
:class:`~compile_book.printspec.Wrap`; the template only places things where
the data says and fits type to the boxes it is given.

Shape::

    meta:    title, authors, lang, region, date {year, ..., second}
    page:    {width, height}            the whole flat sheet, bleed included
    trim:    {x, y, width, height}      the trimmed sheet (all three panels)
    panels:  back, spine, front: trim boxes; front-art: the front with its bleed
    safe:    back, front: boxes; spine: box or none
    barcode: box                        kept white and empty
    blurb:   box for the description    (above the barcode)
    colors:  {background, text} as #rrggbb
    fonts:   font families in order
    front:   {image: file name or none, title, subtitle, authors, series}
    spine:   {title, authors, max-size} or none (too thin for text)
    back:    {paragraphs: [str], authors}
    guides:  none, or {spine-label, trim-label}  (the proof variant)
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ...locale import get_locale
from ...nodes import Metadata
from ...printspec import Box, Wrap
from ..pdf.data import typst_date
from ..pdf.fonts import font_list

if TYPE_CHECKING:
    from . import CoverOptions

INCH = 72.0
#: The blurb sits this far inside the back cover's trim at the sides, and this far from the top.
BLURB_SIDE_IN = 0.5
BLURB_TOP_IN = 0.75
#: Space kept between the blurb and the barcode area (the author's name sits beside the barcode).
BLURB_GAP_IN = 0.3
#: The largest spine type, in points; the template shrinks it to the spine.
SPINE_MAX_PT = 16.0

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def cover_data(
    meta: Metadata,
    options: CoverOptions,
    wrap: Wrap,
    *,
    spine_text: bool,
    image: str | None,
    spine_label: str,
    when: datetime,
) -> dict[str, Any]:
    """The JSON the template reads for one cover wrap."""
    locale = get_locale(meta.language)
    authors = locale.join_names(meta.authors)
    spine = wrap.spine_safe()
    return {
        "meta": {
            "title": meta.title,
            "authors": list(meta.authors),
            "lang": locale.language,
            "region": locale.region,
            "date": typst_date(when),
        },
        "page": {"width": wrap.width, "height": wrap.height},
        "trim": wrap.trim().as_dict(),
        "panels": _panels(wrap),
        "safe": {
            "back": wrap.back_safe().as_dict(),
            "front": wrap.front_safe().as_dict(),
            "spine": spine.as_dict() if spine is not None else None,
        },
        "barcode": wrap.barcode().as_dict(),
        "blurb": blurb_box(wrap).as_dict(),
        "colors": {"background": options.back_color, "text": options.text_color},
        "fonts": font_list(options.interior.font),
        "front": {
            "image": image,
            "title": meta.title,
            "subtitle": meta.subtitle,
            "authors": authors,
            "series": _series(meta),
        },
        "spine": (
            {"title": meta.title, "authors": authors, "max-size": SPINE_MAX_PT}
            if spine_text
            else None
        ),
        "back": {"paragraphs": paragraphs(meta.description), "authors": authors},
        "guides": {"spine-label": spine_label} if options.guides else None,
    }


def paragraphs(description: str | None) -> list[str]:
    """The blurb's paragraphs: blank lines divide them, other line breaks are spaces."""
    if not description:
        return []
    parts = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(description))
    return [p for p in parts if p]


def blurb_box(wrap: Wrap) -> Box:
    """The room for the description: inside the back cover, above the barcode area."""
    side, top = BLURB_SIDE_IN * INCH, BLURB_TOP_IN * INCH
    x = wrap.bleed + side
    y = wrap.bleed + top
    bottom = wrap.barcode().y - BLURB_GAP_IN * INCH
    return Box(x, y, wrap.trim_width - 2 * side, bottom - y)


def _panels(wrap: Wrap) -> dict[str, dict[str, float]]:
    b = wrap.bleed
    return {
        "back": Box(b, b, wrap.trim_width, wrap.trim_height).as_dict(),
        "spine": Box(wrap.spine_left, b, wrap.spine, wrap.trim_height).as_dict(),
        "front": Box(wrap.spine_right, b, wrap.trim_width, wrap.trim_height).as_dict(),
        # The front cover's art runs into the bleed on three sides (not over the spine).
        "front-art": Box(wrap.spine_right, 0, wrap.trim_width + b, wrap.height).as_dict(),
    }


def _series(meta: Metadata) -> str | None:
    if meta.series is None:
        return None
    number = meta.series.number
    if number is None:
        return meta.series.name
    shown = str(int(number)) if float(number).is_integer() else f"{number:g}"
    return f"{meta.series.name} · {shown}"
