"""Every run of inlines in a chapter, for code that works on text (transforms, stats).

A transform that changes text (typography, escapes) or reads it (the
linter) works on *inline sequences*: a paragraph's inlines, a line of
verse, a figure's caption, and the paragraphs of a block quote, a list or a
note, at any depth. :func:`map_blocks` applies one function to every such
sequence and rebuilds the blocks around the results; :func:`sequences`
yields them for reading. Code is never a sequence: it stays as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import assert_never

from .nodes import (
    Block,
    BlockQuote,
    CodeBlock,
    CodeSpan,
    Emphasis,
    Figure,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    Span,
    Strikeout,
    Strong,
    Subheading,
    Telepathy,
    Text,
    Verse,
)


def with_children(span: Span, children: tuple[Inline, ...]) -> Span:
    """The same span around other children."""
    match span:
        case Emphasis():
            return Emphasis(children, span.source)
        case Strong():
            return Strong(children, span.source)
        case Telepathy():
            return Telepathy(children, span.source, span.continued)
        case Strikeout():
            return Strikeout(children, span.source)
        case Link():
            return Link(children, span.url, span.source)
        case _:
            assert_never(span)


InlineChange = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]


def map_blocks(blocks: tuple[Block, ...], change: InlineChange) -> tuple[Block, ...]:
    """``blocks`` with ``change`` applied to every inline sequence, notes included."""
    return tuple(map_block(block, change) for block in blocks)


def map_block(block: Block, change: InlineChange) -> Block:
    """One block with ``change`` applied to each of its inline sequences."""

    def run(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return map_notes(change(inlines), lambda blocks: map_blocks(blocks, change))

    match block:
        case Paragraph():
            inlines = run(block.inlines)
            return block if inlines is block.inlines else Paragraph(inlines, block.source)
        case Subheading():
            inlines = run(block.inlines)
            return block if inlines is block.inlines else Subheading(inlines, block.source)
        case SceneBreak() | CodeBlock():
            return block
        case BlockQuote():
            return BlockQuote(map_blocks(block.blocks, change), block.source)
        case Verse():
            return Verse(tuple(run(line) for line in block.lines), block.source)
        case Figure():
            if not block.caption:
                return block
            return Figure(block.image, block.alt, block.source, run(block.caption))
        case ListBlock():
            items = tuple(map_blocks(item, change) for item in block.items)
            return ListBlock(block.ordered, items, block.source, block.start)
        case _:
            assert_never(block)


def map_notes(
    inlines: tuple[Inline, ...], change: Callable[[tuple[Block, ...]], tuple[Block, ...]]
) -> tuple[Inline, ...]:
    """``inlines`` with every note's blocks replaced by ``change(blocks)``."""
    if len(inlines) == 1 and isinstance(inlines[0], Text):
        return inlines  # the common case, without a generator
    if not any(not isinstance(node, Text) for node in inlines):
        return inlines
    out: list[Inline] = []
    for node in inlines:
        match node:
            case Note():
                out.append(Note(change(node.blocks), node.source))
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                out.append(with_children(node, map_notes(node.children, change)))
            case Text() | CodeSpan() | LineBreak():
                out.append(node)
            case _:
                assert_never(node)
    return tuple(out)


def sequences(blocks: tuple[Block, ...]) -> Iterator[tuple[Inline, ...]]:
    """Every inline sequence in ``blocks``, in reading order (a note's after its host)."""
    for block in blocks:
        match block:
            case Paragraph() | Subheading():
                yield from _with_notes(block.inlines)
            case SceneBreak() | CodeBlock():
                pass
            case BlockQuote():
                yield from sequences(block.blocks)
            case Verse():
                for line in block.lines:
                    yield from _with_notes(line)
            case Figure():
                if block.caption:
                    yield from _with_notes(block.caption)
            case ListBlock():
                for item in block.items:
                    yield from sequences(item)
            case _:
                assert_never(block)


def _with_notes(inlines: tuple[Inline, ...]) -> Iterator[tuple[Inline, ...]]:
    yield inlines
    for note in notes(inlines):
        yield from sequences(note.blocks)


def notes(inlines: tuple[Inline, ...]) -> list[Note]:
    """The notes hanging from some inlines (not those inside other notes)."""
    if len(inlines) == 1 and isinstance(inlines[0], Text):
        return []  # most paragraphs are one run of text: asked of each, several times
    out: list[Note] = []
    for node in inlines:
        match node:
            case Note():
                out.append(node)
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                out.extend(notes(node.children))
            case Text() | CodeSpan() | LineBreak():
                pass
            case _:
                assert_never(node)
    return out
