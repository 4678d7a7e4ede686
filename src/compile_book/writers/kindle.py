"""The Kindle edition: the EPUB that Kindle Direct Publishing takes, set as KDP asks.

KDP converts an uploaded EPUB itself, so this is the EPUB writer with the
differences Amazon's *Kindle Publishing Guidelines* ask for (section 4,
"Cover Image Guidelines", and section 5, "Navigation"):

* the cover is declared in the package (``properties="cover-image"`` and the
  ``<meta name="cover">`` older converters read) but has no HTML page of its
  own: "Internal Cover Must Not Appear Twice", and an HTML cover page is
  either suppressed by the converter or moved to the end of the book;
* the logical contents (NCX) and the HTML contents are both present, and the
  landmarks give the contents and the start-reading location (which KDP uses
  for "Go to Beginning"); the landmarks list stays hidden, so older readers
  never show it as a second contents;
* the styling works without ``epub|type`` selectors, which Kindle's renderer
  ignores: every styled element also carries a class (true of all editions).

``--format azw3`` (calibre's converter, when installed) starts from this file.
"""

from __future__ import annotations

from pathlib import Path

from ..config import BookConfig
from ..nodes import Book
from .common import ebook_options
from .epub import EpubOptions
from .epub import write as write_epub

__all__ = ["EXTENSION", "options_from", "write"]

EXTENSION = ".epub"


def options_from(config: BookConfig) -> EpubOptions:
    """The EPUB options with the cover page left to Kindle."""
    return EpubOptions.model_validate({**ebook_options(config), "cover_page": False})


def write(book: Book, options: EpubOptions, out: Path) -> None:
    """Write the Kindle edition of `book` to `out` (an EPUB; nothing half-written)."""
    write_epub(book, options, out)
