"""A typographic ebook cover for a book that has no cover art.

A book without a cover shows as a blank or a generic icon in every library
and store listing; this sets the title, subtitle, series and authors on a
plain ground (``templates/ebook-cover.typ``), rendered by Typst as a
1600 x 2560 PNG (the size the stores ask for), so the ebook is at least
recognisable. It is a stand-in: the build warns (``NO_COVER``) that a store
needs a real cover. Words go to Typst as data, never as markup; the image is
byte-identical from build to build (the fonts are the bundled ones).
"""

from __future__ import annotations

import io
from importlib import resources
from typing import Any

from PIL import Image

from ...locale import get_locale
from ...nodes import Metadata
from ...output import build_time
from ..pdf.fonts import font_list
from ..pdf.typeset import run_typst

TEMPLATE = "ebook-cover.typ"
#: The cover in pixels: the page is 800 x 1280 pt, rendered at 144 ppi.
SIZE = (1600, 2560)
PPI = 144.0
#: Warm paper, near-black ink, a muted rule: readable in colour and in greyscale.
COLORS = {"background": "#f3ede2", "text": "#1d1b19", "rule": "#8a6f4e"}


def cover_data(meta: Metadata) -> dict[str, Any]:
    """The words of the cover as the template reads them."""
    locale = get_locale(meta.language)
    series = None
    if meta.series is not None:
        series = meta.series.name
        if meta.series.number is not None:
            series = f"{series} · {meta.series.number:g}"
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": locale.join_names(meta.authors),
        "series": series,
        "fonts": font_list("EB Garamond"),
        "lang": locale.language,
        "region": locale.region,
        "colors": COLORS,
    }


def typographic_cover(meta: Metadata) -> bytes:
    """The cover as PNG bytes, 1600 x 2560 pixels."""
    data = cover_data(meta)
    return _render(tuple(sorted((k, repr(v)) for k, v in data.items())), data)


def _render(key: tuple[tuple[str, str], ...], data: dict[str, Any]) -> bytes:
    # Why a cache: the tests and `--watch` build one book many times; a cover is
    # the same for the same words.
    found = _CACHE.get(key)
    if found is None:
        template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
        found = _rgb(run_typst(template, data, build_time(), ppi=PPI))
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = found
    return found


_CACHE: dict[tuple[tuple[str, str], ...], bytes] = {}
_CACHE_SIZE = 8


def _rgb(png: bytes) -> bytes:
    """Typst's RGBA PNG as RGB (no reader or store needs the alpha of an opaque page)."""
    with Image.open(io.BytesIO(png)) as image:
        out = io.BytesIO()
        image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()
