"""The ``manuscript-pdf`` writer: Standard Manuscript Format as a PDF, typeset by Typst.

The same pages as the Word manuscript (:mod:`.shunn` plans both; the format
is William Shunn's "Proper Manuscript Format", shunn.net/format), for markets
that take a PDF. As in the print writer, the book reaches Typst as JSON data
read by a static template (``templates/manuscript.typ``): prose is never
spliced into markup, so a ``#`` or ``$`` in the text prints as itself. Blocks
and inlines are made by the print writer's :class:`~..pdf.body.Body`, which
also gathers the figures' images.

Fonts come from pip alone, never the machine's, so a build does not depend on
what is installed. Courier and Times New Roman cannot ship with the project
(no free package carries them); their stand-ins keep what the format is
after: IBM Plex Mono, a slab-serif monospace at Courier's ten characters to
the inch, for ``font = "courier"``; Libertinus Serif, a Times-like face that
ships inside Typst, for ``font = "times"``. The Word manuscript names Courier
New and Times New Roman themselves (Word has them; LibreOffice substitutes
metric-compatible faces).
"""

from __future__ import annotations

import functools
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ...config import BookConfig
from ...locale import get_locale
from ...nodes import Book
from ...output import atomic_output, build_time
from ..pdf.body import Body
from ..pdf.typeset import run_typst
from . import ManuscriptOptions
from . import options_from as _options_from
from .shunn import CHAPTER_DOWN, FONT_SIZE, INDENT, MARGIN, SCENE_BREAK, TITLE_DOWN, Plan, plan

__all__ = ["EXTENSION", "ManuscriptOptions", "manuscript_data", "options_from", "render", "write"]

EXTENSION = ".pdf"
TEMPLATE = "manuscript.typ"

#: Faces tried in order for each ``[submission] font``; the last ships inside Typst.
FONTS = {
    "courier": ["IBM Plex Mono", "DejaVu Sans Mono"],
    "times": ["Libertinus Serif"],
}
#: Code, and the courier fallback: monospace.
MONO = ["IBM Plex Mono", "DejaVu Sans Mono"]


def options_from(config: BookConfig) -> ManuscriptOptions:
    """The manuscript options ``book.toml`` asks for (``[submission]``)."""
    return _options_from(config)


def write(book: Book, options: ManuscriptOptions, out: Path) -> None:
    """Typeset `book` as a submission manuscript PDF at `out`, atomically."""
    pdf = render(book, options)
    with atomic_output(out) as tmp:
        tmp.write_bytes(pdf)


def render(book: Book, options: ManuscriptOptions) -> bytes:
    """The PDF's bytes (the same for the same book and ``SOURCE_DATE_EPOCH``)."""
    when = build_time()
    data, images = manuscript_data(book, options, when=when)
    template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
    # Through the book's Typst child: Ctrl-C stops it at once, as for the book's PDF.
    return run_typst(template, data, when, images, font_paths())


def manuscript_data(
    book: Book, options: ManuscriptOptions, *, when: datetime
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The JSON the template reads, and the images it loads by name (name -> bytes)."""
    layout = plan(book, options)
    body = Body(drop_cap=False, lead_words=0)
    locale = get_locale(book.meta.language)
    front = layout.front
    data = {
        "meta": {
            "title": book.meta.title,
            "authors": [front.byline] if front.byline else [],
            "lang": locale.language,
            "region": locale.region,
            "date": [when.year, when.month, when.day, when.hour, when.minute, when.second],
        },
        "layout": _layout(layout, options),
        "front": {
            "contact": list(front.contact),
            "count": front.count,
            "title": front.title,
            "subtitle": front.subtitle,
            "byline": f"by {front.byline}" if front.byline else None,
        },
        "sections": [
            {
                "kind": section.kind,
                "level": section.level,
                "head": section.head,
                "title": body.inlines(section.heading.title) if section.heading else [],
                "subtitle": body.inlines(section.heading.subtitle) if section.heading else [],
                "blocks": body.blocks(section.blocks),
            }
            for section in layout.sections
        ],
    }
    return data, body.images


def _layout(layout: Plan, options: ManuscriptOptions) -> dict[str, Any]:
    width, height = layout.paper
    return {
        "width": width,
        "height": height,
        "margin": MARGIN,
        "fonts": FONTS[options.font],
        "mono": MONO,
        "size": FONT_SIZE,
        "indent": INDENT,
        "story": layout.story,
        "header": layout.header,
        "scene-break": SCENE_BREAK,
        "end": layout.end,
        "underline": options.underline_italics,
        "telepathy": options.telepathy_style,
        # From the top margin: the title "a third to half way down", a chapter's heading a third.
        "title-drop": round(height * TITLE_DOWN - MARGIN, 2),
        "chapter-drop": round(height * CHAPTER_DOWN - MARGIN, 2),
        "figure-max": 4 * 72.0,
    }


@functools.cache
def font_paths() -> tuple[str, ...]:
    """Folders with the bundled faces (IBM Plex Mono from its PyPI package)."""
    try:
        import fontpkg_ibm_plex_mono
    except ImportError:  # pragma: no cover - a dependency; DejaVu Sans Mono still works
        return ()
    return (str(Path(fontpkg_ibm_plex_mono.ROOT) / "files"),)
