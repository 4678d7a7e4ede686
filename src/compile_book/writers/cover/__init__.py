"""The print cover wrap: back cover, spine and front cover at full bleed, on one PDF page.

What a paperback printer asks for beside the interior PDF (KDP, IngramSpark).
Its width is ``2 x trim width + spine + 2 x bleed`` and its height
``trim height + 2 x bleed`` (:mod:`compile_book.printspec` holds the rules and
their sources); the spine comes from the interior's page count and the paper.

* **Page count**: ``[cover_wrap] pages`` when given; otherwise the book is
  typeset by the PDF writer with the same ``[pdf]`` settings and its pages
  counted, so the spine always matches the interior built beside it.
* **Front**: the project's cover image, scaled to cover the front panel and
  its bleed and cropped from the centre; without one, a typographic cover
  (series, title, subtitle, authors) on the ``back_color`` ground.
* **Spine**: title and authors, reading top to bottom as US and UK books do,
  only when the printer allows spine text for the page count and the spine
  is wide enough for it inside its 0.0625 in fold margins.
* **Back**: the ``description`` blurb, the authors, and KDP's 2 x 1.2 in
  barcode area kept white and empty.
* **Proof**: with ``guides`` (or the ``cover-proof`` format), the trim, the
  spine folds, the safe zones and the barcode area are drawn and labelled.

Typst typesets it from a static template (``templates/cover.typ``) and JSON
data; dates come from ``SOURCE_DATE_EPOCH`` so rebuilds are byte-identical.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from ...config import BookConfig
from ...errors import InputError
from ...nodes import Book, Image
from ...output import atomic_output, build_time
from ...printspec import (
    CoverWrapConfig,
    Wrap,
    printed_pages,
    spine_inches,
    spine_text_allowed,
)
from ...record import record
from ...rules.images import COVER_TYPES, EXTENSIONS, media_type_of
from .. import pdf as pdf_writer
from ..pdf.data import page_size
from .data import cover_data
from .typeset import typeset

__all__ = ["EXTENSION", "CoverOptions", "CoverStats", "options_from", "render", "write"]

EXTENSION = ".pdf"
#: Spine type is never set smaller than this (points) ...
SPINE_MIN_PT = 5.0
#: ... and mixed-case type is about this many em from ascender to descender.
SPINE_TEXT_EM = 0.95
#: The cover image's name beside the template.
IMAGE_NAME = "cover"


class CoverOptions(CoverWrapConfig):
    """What the cover writer reads: ``[cover_wrap]``, and ``[pdf]`` for the trim,
    the body font and (when ``pages`` is not given) the interior to count."""

    interior: pdf_writer.PdfOptions = Field(default_factory=pdf_writer.PdfOptions)


@record
class CoverStats:
    """What a cover build measured: the page count used, spine width and sheet size."""

    pages: int
    spine_in: float
    width_pt: float
    height_pt: float
    spine_text: bool


def options_from(config: BookConfig) -> CoverOptions:
    """The cover options ``book.toml`` asks for."""
    return CoverOptions.model_validate(
        {**config.cover_wrap.model_dump(), "interior": pdf_writer.options_from(config)}
    )


def write(book: Book, options: CoverOptions, out: Path) -> None:
    """Typeset `book`'s cover wrap to a PDF at `out`, atomically."""
    pdf, _ = render(book, options)
    with atomic_output(out) as tmp:
        tmp.write_bytes(pdf)


def render(book: Book, options: CoverOptions) -> tuple[bytes, CoverStats]:
    """The cover wrap's PDF bytes, with the figures it was built from."""
    pages = options.pages if options.pages is not None else count_pages(book, options)
    spine_in = spine_inches(pages, options.paper, options.printer, options.caliper)
    wrap = Wrap.of(page_size(options.interior), spine_in)
    spine_text = spine_text_allowed(pages, options.printer, wrap, SPINE_MIN_PT * SPINE_TEXT_EM)
    image = read_image(book.meta.cover)
    images = {f"{IMAGE_NAME}{image[0]}": image[1]} if image is not None else {}
    when = build_time()
    data = cover_data(
        book.meta,
        options,
        wrap,
        spine_text=spine_text,
        image=next(iter(images), None),
        spine_label=_spine_label(pages, spine_in, options),
        when=when,
    )
    pdf = typeset(data, images, when)
    return pdf, CoverStats(pages, spine_in, wrap.width, wrap.height, spine_text)


def count_pages(book: Book, options: CoverOptions) -> int:
    """The interior's page count: the book typeset as the PDF writer sets it."""
    _, stats = pdf_writer.render(book, options.interior)
    return stats.pages


def read_image(cover: Image | str | None) -> tuple[str, bytes] | None:
    """The front cover image as (extension, bytes); JPEG or PNG, recognised by content."""
    if cover is None:
        return None
    if isinstance(cover, str):
        try:
            data = Path(cover).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read the cover image ({exc.strerror})", cover) from None
        name = cover
    else:
        data, name = cover.data, cover.name
    media_type = media_type_of(data)
    if media_type not in COVER_TYPES:
        raise InputError("the cover is not a JPEG or PNG image; convert it to JPEG", name)
    return EXTENSIONS[media_type], data


def _spine_label(pages: int, spine_in: float, options: CoverOptions) -> str:
    # The proof's spine note: what the width was computed from.
    source = f"{options.caliper} in a page" if options.caliper else options.printer
    counted = printed_pages(pages)
    extra = f" ({pages} + 1 blank)" if counted != pages else ""
    return (
        f"spine {spine_in:.4f} in = {spine_in * 25.4:.2f} mm: "
        f"{counted} pages{extra}, {options.paper} paper, {source}"
    )
