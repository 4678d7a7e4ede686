"""AZW3 (Kindle Format 8) through calibre's ``ebook-convert``, when calibre is installed.

KDP takes EPUB, so most writers never need this; it is for sideloading onto a
Kindle and for stores that still take AZW3. Nothing in Python writes KF8, so
rather than a second-rate converter this hands the Kindle edition
(:mod:`.kindle`) to calibre, the converter everybody uses for it, and says
plainly when calibre is not there.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..config import BookConfig
from ..errors import CompileBookError
from ..nodes import Book
from ..output import atomic_output
from . import kindle
from .epub import EpubOptions

__all__ = ["EXTENSION", "converter", "options_from", "write"]

EXTENSION = ".azw3"
_CONVERTER = "ebook-convert"


def converter() -> str | None:
    """The path of calibre's converter, or None when calibre is not installed."""
    return shutil.which(_CONVERTER)


def options_from(config: BookConfig) -> EpubOptions:
    """The Kindle edition's options: AZW3 is made from it."""
    return kindle.options_from(config)


def write(book: Book, options: EpubOptions, out: Path) -> None:
    """Write the Kindle EPUB, convert it with calibre, put the AZW3 at `out` atomically."""
    program = converter()
    if program is None:
        raise CompileBookError(
            "azw3 needs calibre's ebook-convert, which is not installed; install calibre "
            "(calibre-ebook.com) or upload the kindle edition's EPUB to KDP instead"
        )
    with tempfile.TemporaryDirectory(prefix="compile-book-azw3-") as work:
        epub = Path(work) / "kindle.epub"
        kindle.write(book, options, epub)
        made = Path(work) / "book.azw3"
        try:
            subprocess.run(
                [program, str(epub), str(made)], capture_output=True, check=True, timeout=600
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise CompileBookError(f"calibre's ebook-convert failed ({exc})", str(out)) from None
        with atomic_output(out) as tmp:
            shutil.copyfile(made, tmp)
