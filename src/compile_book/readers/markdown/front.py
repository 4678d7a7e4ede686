"""The book's own front pages in a Markdown manuscript: a copyright block, a
dedication and an epigraph between the title and the first heading, read as the
other readers read them (:mod:`compile_book.readers.frontpages`).

Markdown gives them shapes of its own: a copyright block typed with hard line
breaks is verse, an epigraph is often a block quote (``> quotation`` / ``>`` /
``> — Source``), a dedication is often in italics. Each is read here as its lines.
"""

from __future__ import annotations

from ...nodes import BlockQuote, Emphasis, Inline, Paragraph, Strong, Text, Verse
from ...rules.markdown import restore, unwrapped
from .items import Blk, Head, Item, Prose


def paragraphs(items: list[Item], start: int, to_end: bool = False) -> list[tuple[int, list[str]]]:
    """The paragraphs from ``start`` up to the first heading, each its line number and
    lines; none when something else (a list, a figure, a break) stands between or no
    heading follows: front pages come before the book's first heading. `to_end`: the
    file's end will do instead (a file holding only front pages)."""
    out: list[tuple[int, list[str]]] = []
    for item in items[start:]:
        if isinstance(item, Head):
            return out
        lines = _lines(item)
        if lines is None:
            return []
        out.append(lines)
    return out if to_end else []


def _lines(item: Item) -> tuple[int, list[str]] | None:
    """An item's lines as a front page would print them; ``None`` when it holds more
    than words a page can carry (a note, a link, a picture, emphasis inside a line):
    such a paragraph stays where it is, with all it holds."""
    match item:
        case Prose():
            found = [_words(restore(line)) for line in item.lines]
            source = item.source.line
        case Blk(block=Verse() as verse):
            found = [_inline_words(line) for line in verse.lines if line]
            source = verse.source.line
        case Blk(block=BlockQuote() as quote) if all(
            isinstance(b, Paragraph) for b in quote.blocks
        ):
            found = [_inline_words(b.inlines) for b in quote.blocks if isinstance(b, Paragraph)]
            source = quote.source.line
        case _:
            return None
    if any(line is None for line in found):
        return None
    return source, [" ".join(line.split()) for line in found if line is not None]


def _words(line: str) -> str | None:
    """A typed line without the emphasis around the whole of it; ``None`` when markup
    stays inside (``*The sea* is **salt**``, a ``[^1]`` note, a ``[link](…)``)."""
    line = unwrapped(line)
    if any(mark in line for mark in ("*", "_", "[^", "](", "<")):
        return None
    return line


def _inline_words(inlines: tuple[Inline, ...]) -> str | None:
    """Inline nodes as words; ``None`` for anything but text and emphasis."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, Emphasis | Strong):
            inner = _inline_words(node.children)
            if inner is None:
                return None
            parts.append(inner)
        else:
            return None
    return _words(restore("".join(parts)))
