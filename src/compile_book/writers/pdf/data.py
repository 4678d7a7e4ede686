"""The book as the JSON data the Typst template reads (``templates/book.typ``).

Prose goes to Typst as data, never spliced into markup, so a manuscript
containing ``#read(...)``, ``$``, ``*`` or ``]`` prints those characters
literally. The shape (the template's header comment documents it too)::

    meta:     title, authors, author-line, description, lang, region, date
    layout:   page size and margins in points, fonts, and the [pdf] choices
    front:    the book's front-matter nodes in order, each {type, ...}
    contents: [{uid, label, children}]   (writers.common.contents: the EPUB's too)
    parts:    [{uid, name, heading, chapters: [{uid, name, head, heading, blocks}]}]

Headings carry their number as printed (``[headings]`` styles applied here,
by :class:`~compile_book.writers.common.Headings`), so the page, the contents
and the PDF outline say what the EPUB says.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any, assert_never

from ... import nodes
from ...errors import ConfigError
from ...locale import Locale
from ...nodes import Contents, CopyrightPage, Dedication, Epigraph, TitlePage
from ...pagemodel import page_size as _page_size
from ...pagemodel import to_points
from ..common import Division, Entry, Headings, PrintedHeading, TocEntry, divisions, toc
from .fonts import font_list

if TYPE_CHECKING:
    from . import PdfOptions

# Why: a line must never start with an em dash; a word joiner glues it to the word before.
_EM_DASH = re.compile("(?<!\u2060)\u2014")
WORD_JOINER = "\u2060"

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
    headings = Headings.of(book, options)
    layout = divisions(book, headings)
    entries = toc(layout)
    return {
        "meta": _meta(book.meta, headings.locale, when),
        "layout": _layout(options),
        "front": front_data(book, entries, options.toc),
        "contents": [_toc_entry(entry) for entry in entries],
        "parts": [_part(d, headings, options) for d in layout],
    }


def _meta(meta: nodes.Metadata, locale: Locale, when: datetime) -> dict[str, Any]:
    return {
        "title": meta.title,
        "authors": list(meta.authors),
        # The running head's author line ("A, B and C"); the title when there is none.
        "author-line": locale.join_names(meta.authors) or meta.title,
        "description": meta.description,
        "lang": locale.language,
        "region": locale.region,
        "date": {
            "year": when.year,
            "month": when.month,
            "day": when.day,
            "hour": when.hour,
            "minute": when.minute,
            "second": when.second,
        },
    }


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
        "fonts": font_list(options.font),
        "size": options.font_size,
        "leading": options.leading,
        "indent": 1.2,
        # Why: a little above EB Garamond's and Libertinus's cap height (0.65 em),
        # so the fixed line box clears capitals and accents alike.
        "top-edge": 0.7,
        "drop-lines": 3,
        "drop-cap-min-lines": 2,
        # Why: a sunk head starts about a fifth of the way down the text block.
        "sink": round(text_height * 0.2, 2),
        "part-sink": round(text_height * 0.3, 2),
        "after-head": round(options.font_size * 3.2, 2),
        "chapter-start": options.chapter_start,
        "drop-cap": options.drop_cap,
        "half-title": options.half_title,
        "scene-break": options.scene_break,
        "ornament-font": ornament[0],
        "ornament-size": ornament[1],
        "head-verso": options.running_head_verso,
        "head-recto": options.running_head_recto,
        "page-numbers": options.page_numbers,
        "front-numbers": options.front_matter_numbers,
        "telepathy": options.telepathy or options.telepathy_style,
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
        match node:
            case TitlePage():
                out.append(
                    {
                        "type": FRONT_TITLEPAGE,
                        "title": node.title,
                        "subtitle": node.subtitle,
                        "authors": list(node.authors),
                        "publisher": node.publisher,
                    }
                )
            case CopyrightPage():
                out.append({"type": FRONT_COPYRIGHT, "heading": node.heading, "lines": node.lines})
            case Dedication():
                out.append({"type": FRONT_DEDICATION, "heading": node.heading, "lines": node.lines})
            case Epigraph():
                out.append(
                    {
                        "type": FRONT_EPIGRAPH,
                        "heading": node.heading,
                        "lines": node.lines,
                        "attribution": node.attribution,
                    }
                )
            case Contents():
                if want_toc and count >= TOC_MIN_ENTRIES:
                    out.append({"type": FRONT_CONTENTS, "heading": node.heading})
            case _:
                assert_never(node)
    return out


def _toc_entry(entry: TocEntry) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "label": entry.label,
        "children": [_toc_entry(child) for child in entry.children],
    }


# --------------------------------------------------------------------------- body


def _part(division: Division, headings: Headings, options: PdfOptions) -> dict[str, Any]:
    heading = division.part.heading
    printed = headings.part(heading) if division.uid is not None and heading else None
    return {
        "uid": division.uid,
        "name": division.name,
        "heading": _heading(printed),
        "chapters": [_chapter(entry, headings, options) for entry in division.chapters],
    }


def _heading(printed: PrintedHeading | None) -> dict[str, Any] | None:
    if printed is None:
        return None
    return {
        "label": printed.label,
        "number": printed.number,
        "title": _inlines(printed.title),
        "subtitle": _inlines(printed.subtitle),
    }


def _chapter(entry: Entry, headings: Headings, options: PdfOptions) -> dict[str, Any]:
    chapter = entry.chapter
    blocks: list[dict[str, Any]] = []
    for index, block in enumerate(chapter.blocks):
        match block:
            case nodes.Paragraph() if index == 0:
                blocks.append(_opening(block, options.drop_cap, options.small_caps_words))
            case nodes.Paragraph():
                blocks.append({"type": "paragraph", "inlines": _inlines(block.inlines)})
            case nodes.SceneBreak():
                blocks.append({"type": "scene-break"})
            case _:
                assert_never(block)
    # The running head (for running_head_* = "chapter"): the title alone if there is one.
    head = nodes.plain_text(chapter.heading.title) if chapter.heading else ""
    printed = headings.chapter(chapter.heading) if chapter.heading else None
    return {
        "uid": entry.uid,
        "name": entry.name,
        "head": head or entry.name,
        "heading": _heading(printed),
        "blocks": blocks,
    }


# Why: a drop cap takes one letter; punctuation before it (an opening quote, the
# apostrophe of an elision such as ’Tis) is set at text size beside it.
_INITIAL = re.compile(r"^([^\w\s]*)(\w[\u0300-\u036f]*)")

# Why: "Mr." as a cap M with a small-caps "R." reads as broken; openers that
# start with an abbreviated title get the small-caps lead-in without a cap.
_ABBREVIATION = re.compile(
    r"^[^\w\s]*(?:Mr|Mrs|Ms|Mx|Messrs|Dr|St|Mt|Ft|Jr|Sr|Fr|Prof|Rev|Hon|Capt|Col|Gen|Lt"
    r"|Sgt|Cpl|Gov|Sen|Supt|Insp|Mme|Mlle)\.",
)


def _opening(paragraph: nodes.Paragraph, drop_cap: bool, lead_words: int) -> dict[str, Any]:
    """A chapter's opening paragraph as words: ``words`` is one list of
    ``[text, styles]`` pieces per word (outermost style first), the first
    `lead_words` words marked for small caps whatever style they are in;
    with a drop cap, its letter in ``initial`` and any punctuation before the
    letter in ``punct`` (both taken off the first word)."""
    words = _words(paragraph.inlines)
    out: dict[str, Any] = {"type": "paragraph", "words": words, "inlines": []}
    if not words:
        return out
    first = words[0][0]
    match = _INITIAL.match(first[0])
    if drop_cap and match is not None and not _ABBREVIATION.match(first[0]):
        out["punct"] = match.group(1)
        out["initial"] = match.group(2)
        first[0] = first[0][match.end() :]
        if not first[0]:
            words[0].pop(0)
            if not words[0]:
                words.pop(0)
    for word in words[:lead_words]:
        for piece in word:
            piece[1].append("smallcaps")
    return out


def _words(content: tuple[nodes.Inline, ...]) -> list[list[list[Any]]]:
    """Inlines split into words, each a list of ``[text, styles]`` pieces."""
    words: list[list[list[Any]]] = []
    joined = True  # the next piece continues the current word
    for text, styles in _pieces(content, ()):
        text = _EM_DASH.sub(WORD_JOINER + "\u2014", text)
        for i, chunk in enumerate(text.split(" ")):
            if i > 0:
                joined = False
            if not chunk:
                continue
            if joined and words:
                words[-1].append([chunk, list(styles)])
            else:
                words.append([[chunk, list(styles)]])
            joined = True
    return words


def _pieces(
    content: tuple[nodes.Inline, ...], styles: tuple[str, ...]
) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for node in content:
        match node:
            case nodes.Text():
                out.append((node.text, styles))
            case nodes.Emphasis():
                out.extend(_pieces(node.children, (*styles, "emphasis")))
            case nodes.Strong():
                out.extend(_pieces(node.children, (*styles, "strong")))
            case nodes.Telepathy():
                out.extend(_pieces(node.children, (*styles, "telepathy")))
            case _:
                assert_never(node)
    return out


def _inlines(content: tuple[nodes.Inline, ...]) -> list[Any]:
    out: list[Any] = []
    for node in content:
        match node:
            case nodes.Text():
                text = _EM_DASH.sub(WORD_JOINER + "\u2014", node.text)
                # Adjacent runs become one string: fewer nodes for Typst to walk.
                if out and isinstance(out[-1], str):
                    out[-1] += text
                else:
                    out.append(text)
            case nodes.Emphasis():
                out.append({"type": "emphasis", "children": _inlines(node.children)})
            case nodes.Strong():
                out.append({"type": "strong", "children": _inlines(node.children)})
            case nodes.Telepathy():
                out.append({"type": "telepathy", "children": _inlines(node.children)})
            case _:
                assert_never(node)
    return out
