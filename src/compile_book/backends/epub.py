"""Compatibility: ``write_epub(book, out, config)`` over :mod:`compile_book.writers.epub`."""

from __future__ import annotations

from pathlib import Path

from ..config import BookConfig
from ..nodes import Book
from ..writers import epub as _epub
from ..writers.epub.package import accessibility_summary
from . import finished

__all__ = ["accessibility_summary", "write_epub"]


def write_epub(book: Book, out: Path, config: BookConfig) -> None:
    """Write `book` as EPUB 3 to `out` atomically, with the settings of `config`."""
    _epub.write(finished(book), _epub.options_from(config), out)
