"""Pieces of a book opened by qpdf for the join (:mod:`.joining`), kept for the next join.

Why kept: a rebuild after an edit joins the very same pieces again but one, and
copying from a piece qpdf has already read is three to five times faster than
reading it again. What the join reads of a piece besides its pages (each page's
label, its bookmarks) is read once with it. Only a few megabytes are kept, so
a long book's build holds no second copy of itself.
"""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from collections.abc import Iterator
from functools import cached_property
from typing import Any

import pikepdf
from pikepdf import Array, Name, NumberTree

from ...errors import BackendError

#: Pieces kept open (parsed) for the next join, up to this many bytes of PDF in all.
KEEP_OPEN_BYTES = 8_000_000

Bookmark = tuple[int, float, float, str, bool]


class Opened:
    """A piece as qpdf read it, with what the join reads of it besides its pages.

    Nothing here changes the piece: what the join changes, it changes in its copy."""

    def __init__(self, doc: pikepdf.Pdf, size: int) -> None:
        self.doc = doc
        self.size = size

    @cached_property
    def pages(self) -> int:
        return len(self.doc.pages)

    @cached_property
    def labels(self) -> list[dict[str, Any]]:
        """Each page's label (style, prefix, number), its start number counted on to that page."""
        found = self.doc.Root.get("/PageLabels")
        ranges = (
            sorted((int(k), v) for k, v in NumberTree(found).items()) if found is not None else []
        )
        out: list[dict[str, Any]] = []
        start: int = 0
        label: dict[str, Any] = {"/S": Name.D}
        upcoming = iter(ranges)
        following = next(upcoming, None)
        for i in range(self.pages):
            while following is not None and following[0] <= i:
                start, label = following[0], {str(k): v for k, v in following[1].items()}
                following = next(upcoming, None)
            out.append({**label, "/St": int(label.get("/St", 1)) + (i - start)})
        return out

    @cached_property
    def bookmarks(self) -> list[Bookmark]:
        """The piece's bookmarks in document order: (page index, left, top, title, closed)."""
        return list(_bookmarks(self.doc))


_open_pieces: OrderedDict[bytes, Opened] = OrderedDict()


def open_piece(pdf: bytes) -> Opened:
    """A piece opened by qpdf, the same object again for the same bytes (while kept)."""
    key = hashlib.sha256(pdf).digest()
    kept = _open_pieces.get(key)
    if kept is not None:
        _open_pieces.move_to_end(key)
        return kept
    opened = Opened(pikepdf.open(io.BytesIO(pdf)), len(pdf))
    _open_pieces[key] = opened
    while sum(piece.size for piece in _open_pieces.values()) > KEEP_OPEN_BYTES:
        _open_pieces.popitem(last=False)
    return opened


def _bookmarks(doc: pikepdf.Pdf) -> Iterator[Bookmark]:
    index: dict[tuple[int, int], int] = {page.obj.objgen: i for i, page in enumerate(doc.pages)}
    with doc.open_outline() as outline:

        def walk(items: list[pikepdf.OutlineItem]) -> Iterator[Bookmark]:
            for item in items:
                dest = item.destination
                if not isinstance(dest, Array) or len(dest) < 4:
                    raise BackendError("a piece of the book has a bookmark Typst did not place")
                yield (
                    index[dest[0].objgen],
                    float(dest[2]),
                    float(dest[3]),
                    item.title,
                    item.is_closed,
                )
                yield from walk(item.children)

        yield from walk(outline.root)
