"""Tests of the writers (EPUB, PDF) and of what they share."""

from __future__ import annotations

import dataclasses

from compile_book.locale import get_locale
from compile_book.nodes import Book
from compile_book.output import build_time
from compile_book.transforms.matter import front_matter


def finished(book: Book) -> Book:
    """A hand-made tree with the front matter the pipeline's ``matter`` transform gives it."""
    front = front_matter(book.meta, get_locale(book.meta.language), build_time().year)
    return dataclasses.replace(book, front=front)
