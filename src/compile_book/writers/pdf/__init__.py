"""The PDF writer: a finished :class:`~compile_book.nodes.Book` typeset by Typst into a
print-ready interior.

Two steps: :mod:`.data` turns the tree into the JSON the static template
(``templates/book.typ``) reads; :mod:`.typeset` runs Typst on the two,
choosing the gutter for the page count (a long book in pieces, :mod:`.pieces`,
joined by :mod:`.joining`). This module only holds the options
and writes the file. The writer produces Typst *data* only: prose is never
spliced into Typst markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from ...config import BookConfig
from ...nodes import Book
from ...output import atomic_output
from ...pdfconfig import PdfConfig
from ...themes import get_theme
from ..common import WriterOptions, shared_options
from .joining import release
from .typeset import PdfStats, render

__all__ = ["EXTENSION", "PdfOptions", "PdfStats", "options_from", "render", "write"]

EXTENSION = ".pdf"


class PdfOptions(PdfConfig, WriterOptions):
    """What the PDF writer reads: the ``[pdf]`` table, mind-speech and heading number styles.

    It *is* a :class:`~compile_book.pdfconfig.PdfConfig`, so the page model
    (:mod:`compile_book.pagemodel`) reads it as it reads ``[pdf]``. The
    ``telepathy`` field is ``[pdf] telepathy`` (a print-only override);
    ``telepathy_style`` is the style the book asks for everywhere. The heading
    case and alignment come from the theme (:mod:`compile_book.themes`).
    """

    heading_case: Literal["small-caps", "upper", "italic", "bold"] = "small-caps"
    heading_align: Literal["center", "left"] = "center"


def options_from(config: BookConfig) -> PdfOptions:
    """The PDF options ``book.toml`` asks for: the theme's, then what ``[pdf]`` sets."""
    theme = get_theme(config.theme)
    chosen = config.pdf.model_dump()
    for key, value in theme.pdf_defaults().items():
        if key not in config.pdf.model_fields_set:
            chosen[key] = value
    chosen.update(heading_case=theme.heading_case, heading_align=theme.heading_align)
    return PdfOptions.model_validate({**chosen, **shared_options(config)})


def write(book: Book, options: PdfOptions, out: Path) -> None:
    """Typeset `book` to a print-ready PDF at `out`, atomically."""
    pdf, _ = render(book, options)
    with atomic_output(out) as tmp:
        tmp.write_bytes(pdf)
    release()  # only now: the file is there
