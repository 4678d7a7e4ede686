"""Pieces of a book, each set by its own Typst run, joined into one PDF (pikepdf).

What one Typst run of the whole book would have written, rebuilt across the
pieces (:mod:`.pieces` says why a book is set in pieces):

* the pages, in order, without a piece's throw-away first page, and with the
  blank versos the whole book would have before a recto opener;
* the page labels (i, ii, ... then 1, 2, ...), page by page as Typst writes
  them, a blank page continuing its neighbour's;
* the bookmarks: every part and chapter where its piece put it, a part's
  chapters nested under it even when they were set in a later piece;
* the contents links, which the front matter set to a stand-in place (its
  first page's corner), pointed at the pages their lines print;
* the tagged structure (headings, paragraphs, links) of every piece under
  one document element, with the numbers that tie pages and links to it
  shifted past the pieces before;
* the front matter's document information, its XMP with the real page count.

qpdf (through pikepdf) copies each piece's objects once, keeping what they
point at, so a link to a later page of the same piece still finds it. The
file's identifier is a hash of its content, so the same pieces give the
same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, NumberTree

from ... import keeping
from ...errors import BackendError
from ...record import record
from .opened import Opened, open_piece


@record
class Place:
    """Where a bookmark of a piece points: its page and the corner Typst gave it."""

    number: int  # the page's number as printed
    index: int  # the page's index among the piece's real pages
    left: float
    top: float
    title: str
    closed: bool


@dataclass
class Body:
    """A piece of the body as set, and where it stands in the book."""

    pdf: bytes
    pad: bool  # a throw-away first page, left out
    blank_before: bool  # a blank verso goes before it
    first: int  # its first page's number
    targets: list[str]  # the uids of its bookmarks, in order
    opened: Opened = field(init=False)

    def __post_init__(self) -> None:
        self.opened = open_piece(self.pdf)

    @property
    def pages(self) -> int:
        """Its real pages (the throw-away page not counted)."""
        return self.opened.pages - self.pad

    @cached_property
    def places(self) -> dict[str, Place]:
        """Each bookmark's place, by uid."""
        items = self.opened.bookmarks
        if len(items) != len(self.targets):
            raise BackendError(
                f"a piece of the book has {len(items)} bookmarks for {len(self.targets)} "
                "parts and chapters; please report it"
            )
        places: dict[str, Place] = {}
        for uid, (i, left, top, title, closed) in zip(self.targets, items, strict=True):
            index = i - self.pad
            places[uid] = Place(self.first + index, index, left, top, title, closed)
        return places


@dataclass
class Front:
    """The front matter as set, with the uids its contents lines link to, in order."""

    pdf: bytes
    entries: list[str]


def join(front: Front | None, bodies: list[Body], nesting: dict[str, list[str]]) -> bytes:
    """One PDF of the front matter and the body pieces, as one Typst run would set it.

    `nesting` maps each top-level bookmark's uid to its children's (a part's chapters).
    """
    out = pikepdf.new()
    first = open_piece(front.pdf) if front is not None else bodies[0].opened
    base = first.doc
    joiner = _Joiner(out, base)
    if front is not None:
        joiner.take(first, skip=0)
        if len(out.pages) % 2:
            joiner.blank()  # the body opens on a recto
    body_start = len(out.pages)
    places: dict[str, tuple[int, Place]] = {}
    for body in bodies:
        if body.blank_before:
            joiner.blank()
        at = len(out.pages)
        joiner.take(body.opened, skip=int(body.pad))
        places.update({uid: (at + place.index, place) for uid, place in body.places.items()})
    if front is not None:
        _point_contents(out, front, places, body_start)
    _outline(out, places, nesting)
    _hyphens_read_as_drawn(out)
    joiner.finish()
    joined = _saved(out, base.pdf_version)
    _Last.counted = (joined, len(out.pages))
    _Last.spent = out if keeping.enabled() else None
    return joined


class _Last:
    """What the last join leaves for later: the page count of the PDF it returned, until
    :func:`joined_pages` asks for it; and under --watch its document, until the file
    is written (:func:`release`): freeing qpdf's copy of a whole book takes a hundredth
    of a second that a writer waiting for the new file need not wait."""

    counted: tuple[bytes, int] | None = None
    spent: pikepdf.Pdf | None = None


def release() -> None:
    """Free what the last join kept until its PDF was written."""
    _Last.spent = None


def joined_pages(pdf: bytes) -> int | None:
    """The page count of `pdf` when it is the PDF :func:`join` returned last, else None:
    reading it back would mean opening the whole book again (its page tree is in a
    compressed object stream)."""
    last, _Last.counted = _Last.counted, None
    return last[1] if last is not None and last[0] is pdf else None


def _saved(doc: pikepdf.Pdf, version: str) -> bytes:
    """`doc` as bytes: compact (object streams) and named by a hash of its content, so
    the same pages give the same file."""
    buffer = io.BytesIO()
    doc.save(
        buffer,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        min_version=version,
    )
    return buffer.getvalue()


class _Joiner:
    """Copies pages, their labels and their tagged structure into `out`, piece by piece."""

    def __init__(self, out: pikepdf.Pdf, base: pikepdf.Pdf) -> None:
        self.out = out
        self.base = base
        self.labels: list[dict[str, Any]] = []
        self.parent_tree: dict[int, pikepdf.Object] = {}
        self.next_key = 0
        self.document: pikepdf.Object | None = None
        self.role_map = Dictionary()
        root = base.Root
        box = base.pages[0].mediabox
        self.size = (float(box[2]) - float(box[0]), float(box[3]) - float(box[1]))
        for key in ("/Lang", "/ViewerPreferences", "/MarkInfo"):
            if key in root:
                out.Root[key] = _copy(out, base, root[key])

    def take(self, piece: Opened, skip: int) -> None:
        """Append the piece's pages after the first `skip`, with their labels and structure."""
        offset = self.next_key
        doc = piece.doc
        first = len(self.out.pages)
        self.out.pages.extend(doc.pages[skip:])
        self.labels.extend(piece.labels[skip:])
        tree = doc.Root.get("/StructTreeRoot")
        if tree is None:
            return
        # One copy of the whole tree: its page references meet the pages just copied
        # (before they are changed: qpdf copies far slower after).
        tree = _copy(self.out, doc, tree)
        for page in self.out.pages[first:]:
            _shift_struct_parents(page, offset)
        for key, value in NumberTree(tree.ParentTree).items():
            self.parent_tree[int(key) + offset] = value
        self.next_key = offset + int(tree.get("/ParentTreeNextKey", 0))
        for role, mapped in tree.get("/RoleMap", Dictionary()).items():
            self.role_map[role] = mapped
        self._graft(tree)

    def _graft(self, tree: pikepdf.Object) -> None:
        """Put the piece's structure elements (already copied) under the one document element."""
        kids = tree.K if isinstance(tree.K, Array) else Array([tree.K])
        if self.document is None and len(kids) == 1:
            self.document = kids[0]
            return
        if self.document is None:
            self.document = self.out.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.Document, K=Array())
            )
        target = self.document
        into = target.K
        for kid in kids:
            inner = kid.get("/K") if kid.get("/S") == Name.Document else None
            if inner is None:
                into.append(kid)
                kid.P = target
                continue
            elements = list(inner) if isinstance(inner, Array) else [inner]
            into.extend(elements)
            for element in elements:
                if isinstance(element, Dictionary) and "/S" in element:
                    element.P = target

    def blank(self) -> None:
        """A blank page of the book's size, labelled as its page number would be."""
        self.out.add_blank_page(page_size=self.size)
        previous = self.labels[-1]
        self.labels.append({**previous, "/St": int(previous.get("/St", 1)) + 1})

    def finish(self) -> None:
        """The page labels, the structure tree and the document information."""
        out = self.out
        labels = NumberTree.new(out)
        for i, label in enumerate(self.labels):
            labels[i] = out.make_indirect(Dictionary(label))
        out.Root.PageLabels = labels.obj
        if self.document is not None:
            parent_tree = NumberTree.new(out)
            for key in sorted(self.parent_tree):
                parent_tree[key] = self.parent_tree[key]
            root = out.make_indirect(
                Dictionary(
                    Type=Name.StructTreeRoot,
                    K=Array([self.document]),
                    ParentTree=parent_tree.obj,
                    ParentTreeNextKey=self.next_key,
                    RoleMap=self.role_map,
                )
            )
            self.document.P = root
            out.Root.StructTreeRoot = root
        info = self.base.trailer.get("/Info")
        if info is not None:
            out.trailer.Info = _copy(out, self.base, info)
        metadata = self.base.Root.get("/Metadata")
        if metadata is not None:
            xmp = _with_page_count(metadata.read_bytes(), len(out.pages))
            out.Root.Metadata = out.make_stream(xmp, Type=Name.Metadata, Subtype=Name.XML)


def _copy(out: pikepdf.Pdf, source: pikepdf.Pdf, obj: pikepdf.Object) -> pikepdf.Object:
    """`obj` of `source` copied into `out` (qpdf copies only objects that stand alone)."""
    return out.copy_foreign(obj if obj.is_indirect else source.make_indirect(obj))


def _shift_struct_parents(page: pikepdf.Page, offset: int) -> None:
    """Move a copied page's (and its annotations') keys into the joined parent tree."""
    if offset == 0:
        return
    obj = page.obj
    if "/StructParents" in obj:
        obj.StructParents = int(obj.StructParents) + offset
    for annot in obj.get("/Annots", Array()):
        if "/StructParent" in annot:
            annot.StructParent = int(annot.StructParent) + offset


def _point_contents(
    out: pikepdf.Pdf, front: Front, places: dict[str, tuple[int, Place]], pages: int
) -> None:
    """Point each contents link (set to the front's first page corner) at its division."""
    first = out.pages[0].obj.objgen
    links = [
        annot
        for page in out.pages[:pages]
        for annot in page.obj.get("/Annots", Array())
        if annot.get("/Subtype") == Name.Link and _stand_in(annot, first)
    ]
    if len(links) != len(front.entries):
        raise BackendError(
            f"the contents has {len(links)} links for {len(front.entries)} lines; please report it"
        )
    for annot, uid in zip(links, front.entries, strict=True):
        index, place = places[uid]
        dest = Array([out.pages[index].obj, Name.XYZ, place.left, place.top, 0])
        if "/Dest" in annot:
            annot.Dest = dest
        else:
            annot.A.D = dest


def _stand_in(annot: pikepdf.Object, first: tuple[int, int]) -> bool:
    dest = annot.get("/Dest")
    if dest is None and "/A" in annot:
        dest = annot.A.get("/D")
    return (
        isinstance(dest, Array)
        and len(dest) >= 3
        and dest[0].objgen == first
        and float(dest[2]) == 0.0
    )


def _outline(
    out: pikepdf.Pdf, places: dict[str, tuple[int, Place]], nesting: dict[str, list[str]]
) -> None:
    """The bookmarks of every piece as one tree: parts over their chapters."""
    with out.open_outline() as outline:
        for uid, children in nesting.items():
            item = _item(out, places[uid])
            for child in children:
                item.children.append(_item(out, places[child]))
            item.is_closed = places[uid][1].closed
            outline.root.append(item)


def _item(out: pikepdf.Pdf, at: tuple[int, Place]) -> pikepdf.OutlineItem:
    index, place = at
    dest = Array([out.pages[index].obj, Name.XYZ, place.left, place.top, 0])
    return pikepdf.OutlineItem(place.title, dest)


# A character map line that reads a glyph as a soft hyphen (U+00AD).
_SOFT_HYPHEN = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<00[Aa][Dd]>")


def hyphens_read_as_drawn(pdf: bytes) -> bytes:
    """A PDF of one Typst run with its hyphens read as drawn (unchanged if they are)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        if not _hyphens_read_as_drawn(doc):
            return pdf
        return _saved(doc, doc.pdf_version)


def _hyphens_read_as_drawn(out: pikepdf.Pdf) -> bool:
    """Read the hyphen glyph as "-" in every font of `out` (a piece's, or one run's).

    Typst writes one character for each glyph in a font's character map: the
    one it met first. The hyphen glyph prints both a hyphen the writer typed
    and the hyphen of a word broken at a line's end (a soft hyphen); a piece
    that met the break first would have every typed hyphen read back (copied,
    searched, spoken) as a soft hyphen, which most readers drop:
    "pewter-coloured" would become "pewtercoloured". A whole-book run
    usually meets a typed hyphen first, but not in every font (a 1M-word book's
    italic met a break first); this makes every font read as drawn. True when
    a character map changed.
    """
    changed = False
    seen: set[tuple[int, int]] = set()
    for page in out.pages:
        resources = page.obj.get("/Resources")
        if resources is None or (resources.objgen in seen and resources.is_indirect):
            continue
        seen.add(resources.objgen)
        for font in resources.get("/Font", Dictionary()).values():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data = cmap.read_bytes()
            fixed = _SOFT_HYPHEN.sub(rb"\1<002D>", data)
            if fixed != data:
                cmap.write(fixed)
                changed = True
    return changed


_NPAGES = re.compile(rb"<xmpTPg:NPages>\d+</xmpTPg:NPages>")


def _with_page_count(xmp: bytes, pages: int) -> bytes:
    """The XMP packet with the joined book's page count."""
    return _NPAGES.sub(b"<xmpTPg:NPages>%d</xmpTPg:NPages>" % pages, xmp)
