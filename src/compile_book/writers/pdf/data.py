"""The book as the JSON data the Typst template reads (``templates/book.typ``).

Prose goes to Typst as data, never spliced into markup, so a manuscript
containing ``#read(...)``, ``$``, ``*`` or ``]`` prints those characters
literally. The shape (the template's header comment documents it too)::

    meta:     title, authors, author-line, description, lang, region, date
    layout:   page size and margins in points, fonts, and the [pdf] choices
    front:    the book's front-matter nodes in order, each {type, ...}
    contents: [{uid, label, children}]   (writers.common.contents: the EPUB's too)
    parts:    [{uid, name, heading, chapters: [{uid, name, head, heading, blocks}]}]

Blocks and inlines are made by :class:`~.body.Body`, which also gathers the
figures' images (:func:`book_input` returns them beside the data).

Headings carry their number as printed (``[headings]`` styles applied here,
by :class:`~compile_book.writers.common.Headings`), so the page, the contents
and the PDF outline say what the EPUB says.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, assert_never

from ... import nodes
from ...errors import ConfigError
from ...locale import Locale
from ...nodes import Contents, CopyrightPage, Dedication, Epigraph, TitlePage
from ...pagemodel import (
    CAPTION_GAP_EM,
    CAPTION_MIN_WIDTH,
    FIGURE_MAX_HEIGHT,
    LIST_INDENT_EM,
    QUOTE_INDENT_EM,
    SMALL_LEADING_EM,
    SMALL_SIZE,
    VERSE_RUNOVER_EM,
    to_points,
)
from ...pagemodel import page_size as _page_size
from ..common import Division, Entry, Headings, PrintedHeading, TocEntry, divisions, toc
from .body import Body
from .fonts import CODE_FONT, font_list
from .kept import KeptData

if TYPE_CHECKING:
    from . import PdfOptions

# Why: a fleuron at 1.15 em carries about the colour of a line of text. EB
# Garamond has ❦ ❧ ☙ ⁎ ◆ but no asterism: ⁂ comes from Libertinus, which
# draws it small and light, so it is set larger. Values: (font, size in em).
ORNAMENT_SIZE = 1.15
_ORNAMENTS: dict[str, tuple[str | None, float]] = {"⁂": ("Libertinus Serif", 1.6)}

#: A contents page with fewer entries than this says nothing: it is left out.
TOC_MIN_ENTRIES = 2

# Front-matter node types as the template names them.
FRONT_TITLEPAGE = "titlepage"
FRONT_COPYRIGHT = "copyright"
FRONT_DEDICATION = "dedication"
FRONT_EPIGRAPH = "epigraph"
FRONT_CONTENTS = "contents"


def page_size(options: PdfOptions) -> tuple[float, float]:
    """The trim size in points; a custom trim must give both sizes."""
    if options.trim == "custom" and (options.width is None or options.height is None):
        raise ConfigError("pdf.width and pdf.height are required when pdf.trim = 'custom'")
    return _page_size(options)


def book_data(book: nodes.Book, options: PdfOptions, *, when: datetime) -> dict[str, Any]:
    """The tree and its layout as the JSON the template reads."""
    return book_input(book, options, when=when)[0]


def book_input(
    book: nodes.Book, options: PdfOptions, *, when: datetime
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The JSON the template reads, and the images it loads by name (name -> bytes)."""
    headings = Headings.of(book, options)
    layout = divisions(book, headings)
    entries = toc(layout)
    body = Body(options.drop_cap, options.small_caps_words, headings.locale.function_words)
    kept = KeptData.begin()
    places = itertools.count()

    def chapter(entry: Entry) -> dict[str, Any]:
        # Everything the chapter's data depends on besides the chapter (see .kept).
        key = (
            id(entry.chapter), entry.uid, entry.name, next(places), options.even_spreads,
            body.drop_cap, body.lead_words, body.function_words, id(headings.locale),
            headings.chapter_numbers, headings.part_numbers,
        )  # fmt: skip
        return kept.chapter(key, entry.chapter, lambda: _chapter(entry, headings, body))

    data = {
        "meta": _meta(book.meta, headings.locale, when),
        "layout": _layout(options),
        "front": front_data(book, entries, options.toc),
        "contents": [_toc_entry(entry) for entry in entries],
        "parts": [_part(d, headings, chapter) for d in layout],
    }
    kept.done()
    return data, body.images


def encoded(data: dict[str, Any]) -> bytes:
    """The data as the bytes of ``book.json`` (compact UTF-8 JSON, keys in the order built)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _meta(meta: nodes.Metadata, locale: Locale, when: datetime) -> dict[str, Any]:
    return {
        "title": meta.title,
        "authors": list(meta.authors),
        # The running head's author line ("A, B and C"); the title when there is none.
        "author-line": locale.join_names(meta.authors) or meta.title,
        "description": meta.description,
        "lang": locale.language,
        "region": locale.region,
        "date": typst_date(when),
    }


def book_fonts(font: str) -> list[str]:
    """The body's font stack: the writer's font (a file, an installed family or a bundled
    one) first, then the fallbacks (:mod:`.userfont`)."""
    from .userfont import resolve_font

    resolved = resolve_font(font)
    stack = font_list(resolved.family)
    if resolved.folders and resolved.family not in stack:
        stack.insert(0, resolved.family)
    return stack


def _layout(options: PdfOptions) -> dict[str, Any]:
    width, height = page_size(options)
    top, bottom = to_points(options.top), to_points(options.bottom)
    text_height = height - top - bottom
    ornament = _ORNAMENTS.get(options.scene_break, (None, ORNAMENT_SIZE))
    return {
        "width": width,
        "height": height,
        "gutter": 0.5 * 72,  # set per run by typeset.render
        "overhang": True,
        "outside": to_points(options.outside),
        "top": top,
        "bottom": bottom,
        "fonts": book_fonts(options.font),
        "size": options.font_size,
        "leading": options.leading,
        "indent": 1.2,
        # Why: a little above EB Garamond's and Libertinus's cap height (0.65 em),
        # so the fixed line box clears capitals and accents alike.
        "top-edge": 0.7,
        "drop-lines": options.drop_cap_lines,
        "heading-fonts": font_list(options.heading_font) if options.heading_font else None,
        "heading-case": options.heading_case,
        "heading-align": options.heading_align,
        "drop-cap-min-lines": 2,
        # Why: a sunk head starts about a fifth of the way down the text block.
        "sink": round(text_height * 0.2, 2),
        "part-sink": round(text_height * 0.3, 2),
        "after-head": round(options.font_size * 3.2, 2),
        "chapter-start": options.chapter_start,
        "drop-cap": options.drop_cap,
        "even-spreads": options.even_spreads,
        "half-title": options.half_title,
        "scene-break": options.scene_break,
        "ornament-font": ornament[0],
        "ornament-size": ornament[1],
        "head-verso": options.running_head_verso,
        "head-recto": options.running_head_recto,
        "page-numbers": options.page_numbers,
        "front-numbers": options.front_matter_numbers,
        "telepathy": options.telepathy or options.telepathy_style,
        "code-font": CODE_FONT,
        # Block quotes, verse, lists and figures: see the page model's figures.
        "quote-indent": QUOTE_INDENT_EM,
        "list-indent": LIST_INDENT_EM,
        "runover": VERSE_RUNOVER_EM,
        "figure-max": FIGURE_MAX_HEIGHT,
        "caption-gap": CAPTION_GAP_EM,
        "caption-width": CAPTION_MIN_WIDTH,
        "small": SMALL_SIZE,
        "small-leading": SMALL_LEADING_EM,
    }


# --------------------------------------------------------------------------- front matter


def front_data(
    book: nodes.Book, entries: tuple[TocEntry, ...], want_toc: bool
) -> list[dict[str, Any]]:
    """The book's front-matter nodes, in order, as the template's front pages.

    The contents page is printed where the ``Contents`` node stands, when
    ``[pdf] toc`` asks for it and it would list at least two entries.
    """
    count = sum(1 + len(entry.children) for entry in entries)
    out: list[dict[str, Any]] = []
    for node in book.front:
        if isinstance(node, Contents):
            if want_toc and count >= TOC_MIN_ENTRIES:
                out.append({"type": FRONT_CONTENTS, "heading": node.heading})
        else:
            out.append(matter_data(node))
    return out


def matter_data(node: TitlePage | CopyrightPage | Dedication | Epigraph) -> dict[str, Any]:
    """One front-matter page as the template reads it (``type`` names its layout)."""
    match node:
        case TitlePage():
            return {
                "type": FRONT_TITLEPAGE,
                "title": node.title,
                "subtitle": node.subtitle,
                "authors": list(node.authors),
                "publisher": node.publisher,
            }
        case CopyrightPage():
            return {"type": FRONT_COPYRIGHT, "heading": node.heading, "lines": node.lines}
        case Dedication():
            return {"type": FRONT_DEDICATION, "heading": node.heading, "lines": node.lines}
        case Epigraph():
            return {
                "type": FRONT_EPIGRAPH,
                "heading": node.heading,
                "lines": node.lines,
                "attribution": node.attribution,
            }
        case _:
            assert_never(node)


# Why: a title's closing full stop ("Salt and Iron.") belongs to the display
# heading; in a running head or a contents line it reads as a stray dot. An
# ellipsis is kept: it is part of the title's voice.
_FULL_STOP = re.compile(r"(?<![.…])\.\s*$")


def without_full_stop(label: str) -> str:
    """A title as a running head or the contents print it: no closing full stop."""
    return _FULL_STOP.sub("", label)


def _toc_entry(entry: TocEntry) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "label": without_full_stop(entry.label),
        "children": [_toc_entry(child) for child in entry.children],
    }


# --------------------------------------------------------------------------- body


def _part(
    division: Division, headings: Headings, chapter: Callable[[Entry], dict[str, Any]]
) -> dict[str, Any]:
    heading = division.part.heading
    printed = headings.part(heading) if division.uid is not None and heading else None
    return {
        "uid": division.uid,
        "name": division.name,
        "heading": _heading(printed),
        "front": [matter_data(node) for node in division.part.front],
        "chapters": [chapter(entry) for entry in division.chapters],
    }


def _heading(printed: PrintedHeading | None) -> dict[str, Any] | None:
    if printed is None:
        return None
    return {
        "label": printed.label,
        "number": printed.number,
        "title": _plain_inlines(printed.title),
        "subtitle": _plain_inlines(printed.subtitle),
    }


#: The most of the text block's height the author's photo takes, so that the heading,
#: the photo and the start of the biography share a page.
PHOTO_MAX = 0.35


def _chapter(entry: Entry, headings: Headings, body: Body) -> dict[str, Any]:
    chapter = entry.chapter
    # A list of titles or a call to action opens without a drop cap, set centred.
    listing = not chapter.kind.opens_as_text
    if chapter.kind.is_back:
        body = dataclasses.replace(body, print_urls=True)  # the same images registry
    blocks = body.blocks(chapter.blocks) if listing else body.chapter(chapter.blocks)
    if chapter.kind is nodes.ChapterKind.ABOUT_AUTHOR:
        for block in blocks:
            if block["type"] == "figure":
                block["max"] = PHOTO_MAX  # a portrait beside the heading, not a plate
    # The running head (for running_head_* = "chapter"): the title alone if there is one.
    head = nodes.plain_text(chapter.heading.title) if chapter.heading else ""
    printed = headings.chapter(chapter.heading) if chapter.heading else None
    return {
        "uid": entry.uid,
        "name": entry.name,
        "head": without_full_stop(head or entry.name),
        "heading": _heading(printed),
        "blocks": blocks,
        "listing": listing,
    }


def _plain_inlines(content: tuple[nodes.Inline, ...]) -> list[Any]:
    """A heading's inlines as template data."""
    return Body(drop_cap=False, lead_words=0).inlines(content)


def typst_date(when: datetime) -> dict[str, int]:
    """The build time as the fields Typst's ``datetime(..)`` takes (every template's)."""
    return {
        "year": when.year,
        "month": when.month,
        "day": when.day,
        "hour": when.hour,
        "minute": when.minute,
        "second": when.second,
    }
