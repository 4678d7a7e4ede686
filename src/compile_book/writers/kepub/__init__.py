"""The Kobo KEPUB writer: the EPUB, plus the markup Kobo's own renderer needs.

A ``.kepub.epub`` is an EPUB 3 whose content documents carry Kobo's markup
(:mod:`.markup`): sentence spans for highlights, bookmarks and reading
statistics, the ``book-columns``/``book-inner`` wrappers for pagination, and
Kobo's style element. Kobo readers open a file as a kepub by its double
extension; the same file still passes EPUBCheck.

The writer is the EPUB writer with one step more: the same documents
(:func:`..epub.documents.build_documents`) are each run through
:func:`.markup.kobo_document`, and the same package (:mod:`..epub.package`)
is zipped around them, so the kepub and the EPUB never drift apart.

What kepubify does that is not done here, and why (``kepub/transform.go``):

* the OPF's ``cover-image`` property is already set by the EPUB writer;
* the dummy title page kepubify adds when the first spine document looks like
  body text is never needed: the spine always opens on ``cover.xhtml`` or
  ``titlepage.xhtml``, the names its heuristic accepts;
* its optional steps (smart punctuation, extra CSS, find and replace) would
  change the writer's text, which a compiler must not do behind their back.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ...config import BookConfig
from ...errors import BackendError
from ...nodes import Book
from ...output import atomic_output, build_time
from ..common import EbookOptions, ebook_options
from ..ebookfonts import book_fonts
from ..epub import package
from ..epub.documents import Documents, book_cover, build_documents
from .markup import kobo_document

__all__ = ["EXTENSION", "KepubOptions", "kobo_documents", "options_from", "write"]

EXTENSION = ".kepub.epub"


class KepubOptions(EbookOptions):
    """What the kepub writer reads: the EPUB's settings (mind-speech, heading numbers)."""


def options_from(config: BookConfig) -> KepubOptions:
    """The kepub options ``book.toml`` asks for (the same keys as the EPUB's)."""
    return KepubOptions.model_validate(ebook_options(config))


def kobo_documents(docs: Documents) -> Documents:
    """`docs` with Kobo's markup added to every content document, the navigation one included
    (kepubify transforms every XHTML item of the manifest)."""
    spine = tuple(dataclasses.replace(d, content=kobo_document(d.content)) for d in docs.spine)
    nav = spine[docs.spine.index(docs.nav)]  # the package marks the nav by identity
    return dataclasses.replace(docs, spine=spine, nav=nav)


def write(book: Book, options: KepubOptions, out: Path) -> None:
    """Write `book` as a Kobo kepub to `out` atomically; nothing is left behind on failure."""
    if not book.chapters:
        raise BackendError("the book has no chapters; a kepub needs at least one")
    when = build_time()
    cover = book_cover(book.meta)
    try:
        docs = build_documents(book, options, cover)
    except ValueError as exc:  # lxml refuses text XML cannot hold (chapters say where)
        raise BackendError(f"cannot write the book's metadata as XHTML ({exc})") from None
    css = package.stylesheet().decode() + options.css
    fonts = book_fonts(options, (doc.content for doc in docs.spine), css)
    files = package.members(book, kobo_documents(docs), cover, when, options.css, fonts)
    with atomic_output(out) as tmp:
        package.build_zip(files, tmp, when)
