"""Compatibility: the old PDF backend functions over :mod:`compile_book.writers.pdf`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from ..config import BookConfig
from ..nodes import Book
from ..pagemodel import TRIM_SIZES, estimate_pages, gutter_for_pages, inside_margin, to_points
from ..pdfconfig import PdfConfig
from ..writers import pdf as _pdf
from ..writers.pdf import data as _data
from ..writers.pdf.fonts import font_list
from ..writers.pdf.typeset import PdfStats, count_pages
from . import finished

__all__ = [
    "TRIM_SIZES",
    "PdfStats",
    "book_data",
    "count_pages",
    "estimate_pages",
    "font_list",
    "gutter_for_pages",
    "inside_margin",
    "page_size",
    "render_pdf",
    "to_points",
    "write_pdf",
]


def write_pdf(book: Book, out: Path, config: BookConfig) -> None:
    """Typeset `book` to a print-ready PDF at `out`, atomically."""
    _pdf.write(finished(book), _pdf.options_from(config), out)


def render_pdf(book: Book, config: BookConfig) -> tuple[bytes, PdfStats]:
    """Typeset `book` and return the PDF bytes with what the build measured."""
    return _pdf.render(finished(book), _pdf.options_from(config))


def book_data(book: Book, config: BookConfig, *, when: datetime) -> dict[str, Any]:
    """The JSON the Typst template reads."""
    return _data.book_data(finished(book), _pdf.options_from(config), when=when)


def page_size(cfg: PdfConfig) -> tuple[float, float]:
    """The trim size in points (a custom trim must give both sizes)."""
    return _data.page_size(_pdf.PdfOptions.model_validate(cfg.model_dump()))
