"""The book's own front pages in a Markdown manuscript: a copyright block, a
dedication and an epigraph between the title and the first heading, read as the
other readers read them (:mod:`compile_book.readers.frontpages`).

Markdown gives them shapes of its own: a copyright block typed with hard line
breaks is verse, an epigraph is often a block quote (``> quotation`` / ``>`` /
``> — Source``), a dedication is often in italics. Each is read here as its lines.
"""

from __future__ import annotations

from ...nodes import BlockQuote, Paragraph, Verse, plain_text
from ...rules.markdown import restore
from .items import Blk, Head, Item, Prose


def paragraphs(items: list[Item], start: int) -> list[tuple[int, list[str]]]:
    """The paragraphs from ``start`` up to the first heading, each its line number and
    lines; none when something else (a list, a figure, a break) stands between or no
    heading follows: front pages come before the book's first heading."""
    out: list[tuple[int, list[str]]] = []
    for item in items[start:]:
        if isinstance(item, Head):
            return out
        lines = _lines(item)
        if lines is None:
            return []
        out.append(lines)
    return []


def _lines(item: Item) -> tuple[int, list[str]] | None:
    match item:
        case Prose():
            return item.source.line, [restore(line) for line in item.lines]
        case Blk(block=Verse() as verse):
            return verse.source.line, [plain_text(line) for line in verse.lines if line]
        case Blk(block=BlockQuote() as quote) if all(
            isinstance(b, Paragraph) for b in quote.blocks
        ):
            texts = [plain_text(b.inlines) for b in quote.blocks if isinstance(b, Paragraph)]
            return quote.source.line, [" ".join(t.split()) for t in texts]
    return None
