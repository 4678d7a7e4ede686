"""The ``literals`` transform: backslash-escaped characters put back as the writer typed them.

A reader hides ``\\*``, ``\\_``, ``\\{`` and friends from the inline parser and
from typography behind stand-in markers (:mod:`compile_book.markers`)
(:func:`compile_book.rules.markdown.hide_escapes`); this last text transform
restores the characters and drops the backslashes. It always runs.
"""

from __future__ import annotations

import dataclasses
import re

from ..markers import ESCAPES
from ..nodes import Book, Chapter, Heading, Inline, Text
from ..rules.markdown import restore
from ..sequences import map_blocks, sequences
from . import Context, heading_inlines
from .flat import map_texts, texts

_STAND_INS = re.compile(f"[{ESCAPES}]")


def _inlines(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if not _escaped(inlines):
        return inlines  # the common case: nothing escaped, nothing rebuilt
    return map_texts(inlines, restore)


def _escaped(inlines: tuple[Inline, ...]) -> bool:
    if len(inlines) == 1 and isinstance(inlines[0], Text):  # most paragraphs: one text
        return _STAND_INS.search(inlines[0].text) is not None
    return any(_STAND_INS.search(node.text) for node in texts(inlines))


def _heading(heading: Heading | None) -> Heading | None:
    return heading_inlines(heading, _inlines) if heading is not None else None


def _chapter(chapter: Chapter) -> Chapter:
    heading = _heading(chapter.heading)
    if heading == chapter.heading and not any(_escaped(x) for x in sequences(chapter.blocks)):
        return chapter  # nothing escaped here: nothing rebuilt
    return Chapter(chapter.kind, heading, map_blocks(chapter.blocks, _inlines), chapter.source)


def run(book: Book, context: Context) -> Book:
    """Restore escaped characters in every paragraph and heading."""
    book = context.each_chapter("literals", book, _chapter)
    parts = tuple(dataclasses.replace(p, heading=_heading(p.heading)) for p in book.parts)
    return dataclasses.replace(book, parts=parts)
