"""The EPUB 3 writer: one finished :class:`~compile_book.nodes.Book` in, one store-ready EPUB out.

The steps, each in its own function so it can be read and tested alone:

1. :func:`.documents.build_documents`: every XHTML content document (cover,
   the book's front-matter nodes, the navigation document where the
   ``Contents`` node stands, part pages, chapters) through the shared XHTML
   visitor;
2. :mod:`.package`: ``mimetype``, ``container.xml``, the OPF metadata and
   package document, the NCX, and the zip (reproducible under
   ``SOURCE_DATE_EPOCH``), written atomically.

The writer reads only the book, its :class:`EpubOptions` and the cover image
the book names.
"""

from __future__ import annotations

from pathlib import Path

from ...config import BookConfig
from ...errors import BackendError
from ...nodes import Book
from ...output import atomic_output, build_time
from ..common import EbookOptions, ebook_options
from ..ebookfonts import book_fonts
from . import package
from .documents import book_cover, build_documents

__all__ = ["EXTENSION", "EpubOptions", "options_from", "write"]

EXTENSION = ".epub"


class EpubOptions(EbookOptions):
    """What the EPUB writer reads: mind-speech style, heading number styles, and
    whether the cover also gets a page of its own (every store but Kindle wants one)."""

    cover_page: bool = True


def options_from(config: BookConfig) -> EpubOptions:
    """The EPUB options ``book.toml`` asks for."""
    return EpubOptions.model_validate(ebook_options(config))


def write(book: Book, options: EpubOptions, out: Path) -> None:
    """Write `book` as EPUB 3 to `out` atomically; nothing is left behind on failure."""
    if not book.chapters:
        raise BackendError("the book has no chapters; an EPUB needs at least one")
    when = build_time()
    cover = book_cover(book.meta)
    try:
        docs = build_documents(book, options, cover, cover_page=options.cover_page)
    except ValueError as exc:  # lxml refuses text XML cannot hold (chapters say where)
        raise BackendError(f"cannot write the book's metadata as XHTML ({exc})") from None
    css = package.stylesheet().decode() + options.css
    fonts = book_fonts(options, (doc.content for doc in docs.spine), css)
    files = package.members(book, docs, cover, when, options.css, fonts)
    with atomic_output(out) as tmp:
        package.build_zip(files, tmp, when)
