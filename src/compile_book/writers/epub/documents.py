"""The EPUB's content documents: cover, front matter, navigation document, parts and chapters.

Every document is rendered by the shared XHTML visitor (:mod:`..xhtml`) and
serialised once here; packaging (:mod:`.package`) stores the bytes as they are.
The front matter is the book's own :data:`~compile_book.nodes.Matter` nodes,
in their order; the navigation document stands where the
:class:`~compile_book.nodes.Contents` node does (after the other front matter
when a tree has none).
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_never

from lxml import etree

from ...nodes import (
    Book,
    Contents,
    CopyrightPage,
    Dedication,
    Epigraph,
    Image,
    Matter,
    Metadata,
    TitlePage,
)
from ...record import record
from ...rules.images import EXTENSIONS
from ..common import (
    Division,
    Headings,
    TocEntry,
    WriterOptions,
    contents_title,
    divisions,
    toc,
)
from ..images import NO_FIGURES, Figures, ImageFile, Images, cover_raster, read_cover_file
from ..xhtml import (
    CLASS_COVER,
    EPUB_TYPE,
    H1,
    H2,
    IMG,
    ROLES,
    TYPE_BODYMATTER,
    TYPE_COVER,
    TYPE_TITLEPAGE,
    TYPE_TOC,
    Xhtml,
    landmarks_nav,
    serialise,
)
from .kept import KeptChapters

# --------------------------------------------------------------------------- package layout

CSS_HREF = "css/book.css"
IMAGES_FOLDER = "images/"
NAV_HREF = "nav.xhtml"
COVER_HREF = "cover.xhtml"
DOC_SUFFIX = ".xhtml"
_SECTION = "{http://www.w3.org/1999/xhtml}section"


@record
class Document:
    """One XHTML content document, already serialised."""

    uid: str
    href: str
    title: str
    content: bytes


@record
class Cover:
    """The cover image as read from disk."""

    href: str
    data: bytes

    @property
    def media_type(self) -> str:
        return "image/png" if self.href.endswith(".png") else "image/jpeg"


#: A landmark: (epub:type, href, label).
Landmark = tuple[str, str, str]


@record
class Documents:
    """Everything :func:`build_documents` made; ``spine`` is in reading order, nav included.

    ``images`` are the figures' images the documents link to (the cover is not
    among them), ``figures`` what the accessibility metadata says about them.
    """

    spine: tuple[Document, ...]
    nav: Document
    toc: tuple[TocEntry, ...]
    landmarks: tuple[Landmark, ...]
    images: tuple[ImageFile, ...] = ()
    figures: Figures = NO_FIGURES


def book_cover(meta: Metadata) -> Cover:
    """The book's cover (:func:`read_cover`), or, for a book without one, a
    typographic cover made from its title and authors (the build warns that a
    store needs a real one): a book with no cover shows as a blank in every
    library."""
    found = read_cover(meta.cover)
    if found is not None:
        return found
    from ..ebookcover import typographic_cover

    return Cover(f"{IMAGES_FOLDER}cover.png", typographic_cover(meta))


def read_cover(cover: Image | str | None) -> Cover | None:
    """The cover to package: the tree's image, or the file a path names (the
    project's cover). JPEG and PNG only, recognised by content, not by name,
    decoded, and converted to RGB where readers need it."""
    if cover is None:
        return None
    if isinstance(cover, str):
        raster = read_cover_file(Path(cover), cover)
    else:
        raster = cover_raster(cover.data, cover.name)
    return Cover(f"{IMAGES_FOLDER}cover{EXTENSIONS[raster.media_type]}", raster.data)


def build_documents(
    book: Book, options: WriterOptions, cover: Cover | None, *, cover_page: bool = True
) -> Documents:
    """Build every XHTML document of the book: cover, front matter, nav, body.

    Without ``cover_page`` the cover is only the package's cover image (Kindle:
    an HTML cover page would show the cover twice).
    """
    headings = Headings.of(book, options)
    words = headings.locale.words
    images = Images(IMAGES_FOLDER)
    if cover is not None:
        images.adopt(cover.data, cover.href)  # a figure showing the cover links to it
    xhtml = Xhtml(book.meta.language, headings, options.telepathy_style, CSS_HREF, images)
    layout = divisions(book, headings)
    body = build_body(book, xhtml, layout)

    front: list[Document] = []
    marks: list[Landmark] = []
    if cover is not None and cover_page:
        front.append(make_cover_page(book, xhtml, cover))
        marks.append((TYPE_COVER, COVER_HREF, words.cover))
    nav_at: int | None = None
    for node in book.front:
        if isinstance(node, Contents):
            nav_at = len(front)
            continue
        doc = front_page(xhtml, node)
        front.append(doc)
        if isinstance(node, TitlePage):
            marks.append((TYPE_TITLEPAGE, doc.href, words.titlepage))
    marks.append((TYPE_TOC, f"{NAV_HREF}#{TYPE_TOC}", words.contents))
    if body:
        marks.append((TYPE_BODYMATTER, body[0].href, words.start))
    entries = toc(layout)
    nav = build_navigation_doc(xhtml, contents_title(book), entries, marks, words.landmarks)
    at = len(front) if nav_at is None else nav_at
    spine = (*front[:at], nav, *front[at:], *body)
    return Documents(spine, nav, entries, tuple(marks), images.files, images.figures)


def front_page(xhtml: Xhtml, node: Matter) -> Document:
    """One front-matter page (the :class:`Contents` node is the navigation document)."""
    match node:
        case TitlePage():
            return _document("titlepage", node.title, xhtml.title_page(node))
        case CopyrightPage():
            return _document("copyright", node.heading, xhtml.lines_page(node))
        case Dedication():
            return _document("dedication", node.heading, xhtml.lines_page(node))
        case Epigraph():
            return _document("epigraph", node.heading, xhtml.epigraph(node))
        case Contents():
            raise ValueError("the contents are the navigation document, not a page")
        case _:
            assert_never(node)


def build_body(book: Book, xhtml: Xhtml, layout: tuple[Division, ...]) -> list[Document]:
    """Part pages and chapters in reading order (a part page before its chapters)."""
    # Chapters take h2 under part pages, h1 in a book without parts.
    tag = H2 if any(d.uid is not None for d in layout) else H1
    docs: list[Document] = []
    kept = KeptChapters.begin()
    for division in layout:
        heading = division.part.heading
        if division.uid is not None and heading is not None:
            printed = xhtml.headings.part(heading)
            html = xhtml.part(printed, division.uid, heading.source)
            docs.append(_document(division.uid, division.name, html))
        for k, matter in enumerate(division.part.front, start=1):
            page = front_page(xhtml, matter)  # a box-set book's dedication and epigraph
            uid = f"{division.uid or 'part'}-{k}-{page.uid}"
            docs.append(Document(uid, uid + DOC_SUFFIX, page.title, page.content))
        for entry in division.chapters:
            heading = entry.chapter.heading
            printed_title = xhtml.headings.chapter(heading).line if heading else ""
            title = printed_title or book.meta.title
            content = kept.chapter(xhtml, entry, title, tag)
            docs.append(Document(entry.uid, entry.uid + DOC_SUFFIX, title, content))
    kept.done()
    return docs


def _document(uid: str, title: str, html: etree._Element) -> Document:
    return Document(uid, uid + DOC_SUFFIX, title, serialise(html))


def make_cover_page(book: Book, xhtml: Xhtml, cover: Cover) -> Document:
    """The cover image on a page of its own, described for readers who cannot see it."""
    words = xhtml.headings.locale.words
    html, body = xhtml.skeleton(words.cover)
    body.set("class", CLASS_COVER)  # lets the stylesheet drop the page margins here only
    section = etree.SubElement(body, _SECTION, {"class": CLASS_COVER, "id": "cover"})
    alt = words.cover_alt.format(title=book.meta.title)
    if book.meta.authors:
        alt = f"{alt}, {', '.join(book.meta.authors)}"
    attrs = {"src": cover.href, "alt": alt, EPUB_TYPE: TYPE_COVER, "role": ROLES[TYPE_COVER]}
    etree.SubElement(section, IMG, attrs)
    return Document("cover", COVER_HREF, words.cover, serialise(html))


def build_navigation_doc(
    xhtml: Xhtml,
    title: str,
    entries: tuple[TocEntry, ...],
    marks: list[Landmark],
    landmarks_title: str,
) -> Document:
    """The EPUB 3 navigation document: the visible contents and the hidden landmarks."""
    html, body = xhtml.skeleton(title)
    xhtml.contents_nav(body, title, entries, DOC_SUFFIX)
    landmarks_nav(body, landmarks_title, marks)
    return Document("nav", NAV_HREF, title, serialise(html))
