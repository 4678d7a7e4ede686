"""What the block walker hands the manuscript rules: a flat list of items.

A :class:`Prose` is a plain paragraph still as raw text (it becomes an
:class:`~compile_book.events.Para`, so the rules every manuscript shares apply
to it: heading lines, title lines, rejoining, mind-speech over paragraphs); a
:class:`Head` is a Markdown heading already matched against the heading
patterns; a :class:`Brk` a scene break; a :class:`Blk` a block built whole.
"""

from __future__ import annotations

from typing import assert_never

from ...nodes import Block, Inline, Paragraph, SceneBreak, Source, Strong, Text
from ...record import record
from ...rules.headings import HeadingMatch


@record
class Prose:
    """A plain paragraph: raw text (escapes hidden), its source, its stripped lines."""

    text: str
    source: Source
    lines: tuple[str, ...]


@record
class Head:
    """A heading: what it means, as typed (for messages), and its title's inlines."""

    found: HeadingMatch
    typed: str
    source: Source
    title: tuple[Inline, ...]
    whole: tuple[Inline, ...]


@record
class Brk:
    """A scene break."""

    source: Source


@record
class Blk:
    """A finished block (a formatted paragraph, a quotation, verse, a figure...)."""

    block: Block


Item = Prose | Head | Brk | Blk


def as_block(item: Item) -> Block:
    """An item as a block inside a quotation, a list or a note (no chapters there)."""
    match item:
        case Prose():
            return Paragraph((Text(item.text, item.source),), item.source.plain())
        case Head():
            return Paragraph((Strong(item.whole, item.source),), item.source)
        case Brk():
            return SceneBreak(item.source)
        case Blk():
            return item.block
        case _:
            assert_never(item)
