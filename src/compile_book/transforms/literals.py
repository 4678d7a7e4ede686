"""The ``literals`` transform: backslash-escaped characters put back as the writer typed them.

A reader hides ``\\*``, ``\\_``, ``\\{`` and friends from the inline parser and
from typography behind private-use stand-ins
(:func:`compile_book.rules.markdown.hide_escapes`); this last text transform
restores the characters and drops the backslashes. It always runs.
"""

from __future__ import annotations

import dataclasses
import re

from ..nodes import Book, Chapter, Heading, Inline, Paragraph, Part
from ..rules.markdown import restore
from . import Context, heading_inlines
from .flat import map_texts

_STAND_INS = re.compile("[\ue0c0-\ue0ff]")


def _inlines(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return map_texts(inlines, lambda text: restore(text) if _STAND_INS.search(text) else text)


def _heading(heading: Heading | None) -> Heading | None:
    return heading_inlines(heading, _inlines) if heading is not None else None


def _chapter(chapter: Chapter) -> Chapter:
    blocks = tuple(
        Paragraph(_inlines(b.inlines), b.source) if isinstance(b, Paragraph) else b
        for b in chapter.blocks
    )
    return Chapter(chapter.kind, _heading(chapter.heading), blocks, chapter.source)


def run(book: Book, context: Context) -> Book:
    """Restore escaped characters in every paragraph and heading."""
    book = context.each_chapter("literals", book, _chapter)
    parts = tuple(Part(_heading(p.heading), p.chapters, p.source) for p in book.parts)
    return dataclasses.replace(book, parts=parts)
