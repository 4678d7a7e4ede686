"""Small queries over a built tree that many tests ask."""

from __future__ import annotations

from compile_book.nodes import Book, Inline, Paragraph, Span, plain_text


def paragraphs(book: Book) -> list[Paragraph]:
    return [b for c in book.chapters for b in c.blocks if isinstance(b, Paragraph)]


def texts(book: Book) -> list[str]:
    return [plain_text(p.inlines) for p in paragraphs(book)]


def codes(book: Book) -> list[str]:
    return [d.code for d in book.diagnostics]


def count(nodes: tuple[Inline, ...], kind: type) -> int:
    n = 0
    for node in nodes:
        if isinstance(node, kind) and not getattr(node, "continued", False):
            n += 1
        if isinstance(node, Span):
            n += count(node.children, kind)
    return n
