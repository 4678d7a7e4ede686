"""Running Typst: the template and the book's data in, PDF bytes out.

Typst itself runs in a child process (:mod:`.runner`, :mod:`.typst_child`),
so a signal stops a long typesetting at once.

Fonts come from pip alone: EB Garamond from its PyPI font package, then
Typst's built-in Libertinus Serif; system fonts are never consulted, so the
output does not depend on the machine. Dates come from
:func:`~compile_book.output.build_time` (``SOURCE_DATE_EPOCH``), so two builds
of the same input are byte-identical.

The inside margin (gutter) is KDP's minimum for the page count plus a
quarter inch, and never narrower than the outside margin, unless
``[pdf] gutter`` is set (then it is used as given). The page count is
estimated first (:func:`~compile_book.pagemodel.estimate_pages`, the model
``compile-book stats`` uses); after typesetting, the real count is read back
and the book is set again only if it falls in another gutter bracket.
Hanging punctuation is turned off when it could reach into KDP's minimum
inside margin (only possible with a tight explicit gutter).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pikepdf

from ... import parts
from ...errors import BackendError
from ...nodes import Book
from ...output import build_time
from ...pagemodel import estimate_pages, gutter_for_pages, inside_margin, to_points
from ...record import record
from . import pieces, spreads, typst_child
from .data import book_input, encoded
from .fonts import font_paths
from .joining import hyphens_read_as_drawn, joined_pages
from .runner import compile_pdf
from .userfont import resolve_font

if TYPE_CHECKING:
    from . import PdfOptions

TEMPLATE = "book.typ"
DATA_FILE = typst_child.DATA_FILE
MAIN_FILE = typst_child.MAIN_FILE

# How far punctuation may hang into a margin, in em: Typst hangs an opening
# quote by up to its whole width (about 0.45 em in EB Garamond).
HANG_EM = 0.5


@record
class PdfStats:
    """What a build measured: pages, the gutter used, and how many Typst runs it took."""

    pages: int
    gutter_in: float
    runs: int


def render(
    book: Book, options: PdfOptions, piece_chars: int | None = None
) -> tuple[bytes, PdfStats]:
    """Typeset `book` and return the PDF bytes with what the build measured.

    A book longer than `piece_chars` (characters of prose, as data; by default
    :data:`.pieces.PIECE_CHARS`) is set in pieces of about that size
    (:mod:`.pieces`); 0 sets it in one Typst run."""
    if piece_chars is None:
        piece_chars = pieces.PIECE_CHARS
    when = build_time()
    data, images = book_input(book, options, when=when)
    template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
    outside = to_points(options.outside) / 72
    fixed = to_points(options.gutter) / 72 if options.gutter is not None else None
    hang = HANG_EM * options.font_size / 72

    def margins(pages: int) -> tuple[float, bool]:
        # The inside margin in inches, and whether punctuation may hang into it.
        inside = fixed if fixed is not None else inside_margin(pages, outside)
        return inside, inside - hang >= gutter_for_pages(pages)

    chosen = margins(estimate_pages(book, options))
    fonts = (*font_paths(), *resolve_font(options.font).folders)
    pdf = typeset(template, data, chosen, when, images, fonts, piece_chars)
    pages = count_pages(pdf)
    runs = 1
    if margins(pages) != chosen:
        # The estimate fell in the wrong bracket: set again with the right gutter.
        chosen = margins(pages)
        pdf = typeset(template, data, chosen, when, images, fonts, piece_chars)
        pages = count_pages(pdf)
        runs = 2
    return pdf, PdfStats(pages, chosen[0], runs)


def typeset(
    template: bytes,
    data: dict[str, Any],
    margin: tuple[float, bool],
    when: datetime,
    images: Mapping[str, bytes] | None = None,
    fonts: tuple[str, ...] | None = None,
    piece_chars: int = 0,
) -> bytes:
    """The book set with the given inside margin (inches) and hanging punctuation:
    one Typst run, or one per piece of about `piece_chars` characters (:mod:`.pieces`).

    `images` (name -> bytes) are the figures the data names. typst-py decodes
    every file of an in-memory file set as UTF-8 (0.15.2), so binary images
    cannot travel in it: they are written into the run's own empty root,
    under the hashed names the data uses, and nothing else is there to read.

    Typst runs in a child process (:mod:`.runner`) so that Ctrl-C, SIGTERM
    or SIGHUP stop it at once: the child is killed and the scratch folder
    removed before the exception goes on.
    """
    data["layout"]["gutter"] = margin[0] * 72
    data["layout"]["overhang"] = margin[1]
    even = data["layout"].get("even-spreads", True)
    if even:
        spreads.mark(data)
    chunks = pieces.split(data["parts"], piece_chars) if piece_chars else []

    def measure(payload: bytes) -> tuple[bytes, bytes]:
        return measure_encoded(template, payload, when, images, fonts)

    def plain(payload: bytes) -> bytes:
        return run_encoded(template, payload, when, images, fonts)

    def one(payload: bytes) -> bytes:
        # Set twice: once to measure, once with the spreads evened (:mod:`.spreads`).
        return spreads.set_even(payload, measure, plain) if even else plain(payload)

    if len(chunks) < 2:
        return hyphens_read_as_drawn(one(encoded(data)))

    # What else goes into a run besides its data (figures are named by their hash).
    key = b"\0".join([template, json.dumps(fonts).encode(), str(when.timestamp()).encode()])
    return pieces.set_in_pieces(data, chunks, one, key)


def run_typst(
    template: bytes,
    data: dict[str, Any],
    when: datetime,
    images: Mapping[str, bytes] | None = None,
    fonts: tuple[str, ...] | None = None,
    ppi: float | None = None,
) -> bytes:
    """Typeset ``template`` over ``data`` (read by the template as ``book.json``) in the
    interruptible Typst child; every Typst writer (book, cover, manuscript) goes through here.
    With `ppi`, the one page comes back as a PNG at that resolution (an ebook cover)."""
    return run_encoded(template, encoded(data), when, images, fonts, ppi)


def run_encoded(
    template: bytes,
    payload: bytes,
    when: datetime,
    images: Mapping[str, bytes] | None = None,
    fonts: tuple[str, ...] | None = None,
    ppi: float | None = None,
) -> bytes:
    """:func:`run_typst` over data already encoded (:func:`.data.encoded`): a piece of a
    long book is encoded once, for its store key and for Typst."""
    with _scratch(template, payload, images) as scratch:
        return compile_pdf(scratch, int(when.timestamp()), _fonts(fonts), ppi)


def measure_encoded(
    template: bytes,
    payload: bytes,
    when: datetime,
    images: Mapping[str, bytes] | None,
    fonts: tuple[str, ...] | None,
) -> tuple[bytes, bytes]:
    """The measuring run (:mod:`.spreads`): the PDF, and where the markers fell (JSON)."""
    with _scratch(template, payload, images) as scratch:
        pdf = compile_pdf(scratch, int(when.timestamp()), _fonts(fonts), query=spreads.QUERY)
        return pdf, (scratch / typst_child.QUERY).read_bytes()


@contextlib.contextmanager
def _scratch(template: bytes, payload: bytes, images: Mapping[str, bytes] | None) -> Iterator[Path]:
    """A scratch folder holding one run's template, data and figures."""
    with parts.scratch_dir("typst") as name:
        scratch = Path(name)
        # A root of its own: the template reads nothing from disk but the figures put there.
        root = scratch / typst_child.ROOT
        root.mkdir()
        for image_name, image in (images or {}).items():
            (root / image_name).write_bytes(image)
        (scratch / typst_child.MAIN_FILE).write_bytes(template)
        (scratch / typst_child.DATA_FILE).write_bytes(payload)
        yield scratch


def _fonts(fonts: tuple[str, ...] | None) -> tuple[str, ...]:
    return font_paths() if fonts is None else fonts


_PAGE_COUNT = re.compile(
    rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b"
)


def count_pages(pdf: bytes) -> int:
    """Pages in a PDF Typst wrote (its page tree root is a plain object) or joined."""
    joined = joined_pages(pdf)
    if joined is not None:
        return joined
    counts = [int(a or b) for a, b in _PAGE_COUNT.findall(pdf)]
    if counts:
        return max(counts)
    # A book joined from pieces keeps its page tree in a compressed object stream.
    try:
        with pikepdf.open(io.BytesIO(pdf)) as doc:
            return len(doc.pages)
    except pikepdf.PdfError as exc:
        raise BackendError("cannot read the page count of the PDF Typst wrote") from exc
