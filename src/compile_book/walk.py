"""Generic traversal of the tree: one walk instead of a hand-written loop per tool.

``walk(book)`` yields every node in document order (front matter, then each
part, its heading, its chapters, their headings, blocks and inlines,
depth-first); ``query(book, Type)`` keeps the nodes of one type. Tools and
tests use these instead of nesting loops over parts and chapters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeAlias, TypeVar, assert_never

from .nodes import (
    Block,
    BlockQuote,
    Book,
    Chapter,
    CodeBlock,
    CodeSpan,
    Contents,
    CopyrightPage,
    Dedication,
    Emphasis,
    Epigraph,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Matter,
    Note,
    Paragraph,
    Part,
    SceneBreak,
    Strikeout,
    Strong,
    Subheading,
    Telepathy,
    Text,
    TitlePage,
    Verse,
)

__all__ = ["Node", "figures", "query", "walk", "walk_chapter", "walk_heading"]

Node: TypeAlias = Part | Chapter | Heading | Block | Inline | Matter
N = TypeVar("N")


def walk(book: Book) -> Iterator[Node]:
    """Every node of the book in document order, depth-first."""
    for matter in book.front:
        match matter:
            case TitlePage() | CopyrightPage() | Dedication() | Epigraph() | Contents():
                yield matter
            case _:
                assert_never(matter)
    for part in book.parts:
        yield part
        if part.heading is not None:
            yield from walk_heading(part.heading)
        yield from part.front
        for chapter in part.chapters:
            yield chapter
            yield from walk_chapter(chapter)


def walk_chapter(chapter: Chapter) -> Iterator[Node]:
    """The nodes inside one chapter (its heading, blocks and inlines), in document order."""
    if chapter.heading is not None:
        yield from walk_heading(chapter.heading)
    yield from _blocks(chapter.blocks)


def query(book: Book, kind: type[N]) -> list[N]:
    """Every node of type ``kind`` (``query(book, Telepathy)``), in document order."""
    return [node for node in walk(book) if isinstance(node, kind)]


def walk_heading(heading: Heading) -> Iterator[Node]:
    """A heading and the inlines of its title and subtitle."""
    yield heading
    yield from _inlines(heading.title)
    yield from _inlines(heading.subtitle)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[Node]:
    for block in blocks:
        yield block
        match block:
            case Paragraph() | Subheading():
                yield from _inlines(block.inlines)
            case SceneBreak() | CodeBlock():
                pass
            case BlockQuote():
                yield from _blocks(block.blocks)
            case Verse():
                for line in block.lines:
                    yield from _inlines(line)
            case Figure():
                yield from _inlines(block.caption)
            case ListBlock():
                for item in block.items:
                    yield from _blocks(item)
            case _:
                assert_never(block)


def _inlines(inlines: tuple[Inline, ...]) -> Iterator[Node]:
    for node in inlines:
        yield node
        match node:
            case Text() | CodeSpan() | LineBreak():
                pass
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                yield from _inlines(node.children)
            case Note():
                yield from _blocks(node.blocks)
            case _:
                assert_never(node)


def figures(book: Book) -> list[Figure]:
    """``query(book, Figure)``, without visiting every inline node.

    Why: figures are blocks, and inlines hold blocks only inside notes; asked on
    every build (the files a build must not overwrite), the full walk went
    through every text node of the book.
    """
    out: list[Figure] = []
    for part in book.parts:
        if part.heading is not None:
            _heading_figures(part.heading, out)
        for chapter in part.chapters:
            if chapter.heading is not None:
                _heading_figures(chapter.heading, out)
            _block_figures(chapter.blocks, out)
    return out


def _heading_figures(heading: Heading, out: list[Figure]) -> None:
    _note_figures(heading.title, out)
    _note_figures(heading.subtitle, out)


def _note_figures(inlines: tuple[Inline, ...], out: list[Figure]) -> None:
    if len(inlines) == 1 and isinstance(inlines[0], Text):
        return  # most paragraphs: one text, no note
    for node in _inlines(inlines):
        if isinstance(node, Figure):
            out.append(node)


def _block_figures(blocks: tuple[Block, ...], out: list[Figure]) -> None:
    for block in blocks:
        match block:
            case Paragraph() | Subheading():
                _note_figures(block.inlines, out)
            case Figure():
                out.append(block)
                _note_figures(block.caption, out)
            case BlockQuote():
                _block_figures(block.blocks, out)
            case Verse():
                for line in block.lines:
                    _note_figures(line, out)
            case ListBlock():
                for item in block.items:
                    _block_figures(item, out)
            case SceneBreak() | CodeBlock():
                pass
            case _:
                assert_never(block)
