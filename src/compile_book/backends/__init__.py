"""Compatibility layer: the old ``backends`` interface over :mod:`compile_book.writers`.

Writers now take ``(book, options, out)`` with their own options model; the
functions here keep the old ``(book, out, config)`` shape working for code
that still calls it. New code should use :mod:`compile_book.writers`.

A tree built by hand (not by the pipeline) has no front matter yet; these
shims give it the front matter the ``matter`` transform would have built, so
old callers get the title page and copyright page they always got.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from .. import writers
from ..config import BookConfig
from ..locale import get_locale
from ..nodes import Book
from ..output import build_time

__all__ = ["FORMATS", "REGISTRY", "Writer", "extension", "finished", "writer"]

Writer = Callable[[Book, Path, BookConfig], None]

#: format name -> (module, function, file extension), as before the writers package.
REGISTRY: dict[str, tuple[str, str, str]] = {
    "epub": ("compile_book.backends.epub", "write_epub", writers.extension("epub")),
    "pdf": ("compile_book.backends.pdf", "write_pdf", writers.extension("pdf")),
}
FORMATS = tuple(REGISTRY)


def writer(fmt: str) -> Writer:
    """A ``(book, out, config)`` function writing format `fmt`."""

    def write(book: Book, out: Path, config: BookConfig) -> None:
        options = writers.options_for(fmt, config)
        writers.write(finished(book), fmt, out, options)

    if fmt not in writers.REGISTRY:
        raise KeyError(fmt)
    return write


def extension(fmt: str) -> str:
    return writers.extension(fmt)


def finished(book: Book) -> Book:
    """`book` with its front matter, built as the ``matter`` transform builds it if missing."""
    if book.front:
        return book
    from ..transforms.matter import front_matter

    front = front_matter(book.meta, get_locale(book.meta.language), build_time().year)
    return dataclasses.replace(book, front=front)
