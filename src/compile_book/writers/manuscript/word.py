"""The ``manuscript`` writer: Standard Manuscript Format as a Word document (``.docx``).

Agents and magazines take submissions as Word files; this one is typed the
way William Shunn's "Proper Manuscript Format" (shunn.net/format) asks, page
by page as :mod:`.shunn` plans it: the contact block and word count on page
one, the title a third of the way down with the byline, a story's text below
it or a novel's chapters each on a new page a third down, ``#`` scene breaks,
``END``. The running header ``Surname / Title / page`` uses a ``PAGE`` field,
so it stays right when an editor reflows the text. Made with python-docx; it
opens in Word and LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ...config import BookConfig
from ...nodes import Book, Inline
from ...output import atomic_output, build_time
from . import ManuscriptOptions
from . import options_from as _options_from
from .shunn import MARGIN, TITLE_DOWN, Plan, Section, plan
from .word_body import Sink, WordBody, clean
from .word_package import (
    FONTS,
    LINE,
    SINGLE,
    Footnotes,
    chapter_drop,
    page_setup,
    properties,
    save,
    styles,
)

__all__ = ["EXTENSION", "ManuscriptOptions", "options_from", "render", "write"]

EXTENSION = ".docx"


def options_from(config: BookConfig) -> ManuscriptOptions:
    """The manuscript options ``book.toml`` asks for (``[submission]``)."""
    return _options_from(config)


def write(book: Book, options: ManuscriptOptions, out: Path) -> None:
    """Write `book` as a submission manuscript in Word format at `out`, atomically."""
    data = render(book, options)
    with atomic_output(out) as tmp:
        tmp.write_bytes(data)


def render(book: Book, options: ManuscriptOptions) -> bytes:
    """The ``.docx`` bytes (the same for the same book and ``SOURCE_DATE_EPOCH``)."""
    when = build_time()
    layout = plan(book, options)
    doc: Document = docx.Document()
    text_width = layout.paper[0] - 2 * MARGIN
    language = book.meta.language
    ids = styles(doc, FONTS[options.font], text_width, language)
    page_setup(doc, layout)
    properties(doc, book.meta.title, layout.front.byline, language, when)
    notes = Footnotes()
    body = WordBody(doc, options, notes, text_width, ids)
    _drop_template_paragraphs(doc)
    sink = body.sink(doc.element.body, before=doc.element.body.sectPr)
    _front_page(sink, layout)
    for index, section in enumerate(layout.sections):
        _section(sink, body, layout, section, opening=not (layout.story and index == 0))
    if layout.end:
        sink("End").add_run(clean(layout.end))
    notes.attach(doc)
    return save(doc, when)


def _drop_template_paragraphs(doc: Document) -> None:
    """python-docx's template body is empty but for the section properties; keep it so."""
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)


def _front_page(sink: Sink, layout: Plan) -> None:
    """Contact block (word count at its right), then the title a third down and the byline."""
    front = layout.front
    lines = list(front.contact) or [""]
    for i, line in enumerate(lines):
        para = sink("Contact")
        para.add_run(clean(line))
        if i == 0:
            para.add_run("\t" + front.count)
    drop = layout.paper[1] * TITLE_DOWN - MARGIN - SINGLE * len(lines)
    title = sink("Manuscript Title")
    title.add_run(clean(front.title))
    title.paragraph_format.space_before = Pt(max(LINE, round(drop, 1)))
    if front.subtitle:
        sink("Manuscript Subtitle").add_run(clean(front.subtitle))
    last = title
    if front.byline:
        last = sink("Byline")
        last.add_run(clean(f"by {front.byline}"))
    if layout.story:
        last.paragraph_format.space_after = Pt(LINE)


def _section(sink: Sink, body: WordBody, layout: Plan, section: Section, *, opening: bool) -> None:
    """A part or chapter: its heading (on a new page a third down unless `opening` is
    false, for a story's text under its byline), then its blocks."""
    made: list[Paragraph] = []

    def first(style: str) -> Paragraph:
        para = sink(style)
        if not made:
            made.append(para)
        return para

    pieces = _heading_pieces(section)
    if pieces:
        head = first(f"Heading {section.level}")
        if opening:
            head.paragraph_format.space_before = Pt(chapter_drop(layout))
        else:
            head.paragraph_format.page_break_before = False
        for i, piece in enumerate(pieces):
            if i:
                head.add_run().add_break()
            if isinstance(piece, str):
                head.add_run(clean(piece))
            else:
                body.inlines(head, piece)
    body.blocks(section.blocks, sink)
    if opening and not pieces:
        # A chapter without a heading still starts a new page, its text a third down.
        start = made[0] if made else sink("Normal")
        start.paragraph_format.page_break_before = True
        start.paragraph_format.space_before = Pt(chapter_drop(layout))


def _heading_pieces(section: Section) -> list[str | tuple[Inline, ...]]:
    """The heading's lines: label and number as text, title and subtitle as inlines."""
    printed = section.heading
    if printed is None:
        return []
    pieces: list[str | tuple[Inline, ...]] = [section.head] if section.head else []
    pieces += [x for x in (printed.title, printed.subtitle) if x]
    return pieces
