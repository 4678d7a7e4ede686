"""EPUB packaging as named steps (Sphinx's EPUB builder): each part of the package
is built by one function and can be read and tested on its own.

* :func:`build_mimetype` and :func:`build_container`: the fixed entry points;
* :func:`build_metadata`: the OPF ``<metadata>`` (Dublin Core, EPUB 3
  refinements, series, EPUB Accessibility 1.1);
* :func:`build_content`: the OPF package (metadata, manifest, spine, EPUB 2 guide);
* :func:`build_ncx`: the NCX table of contents older readers use;
* :func:`build_zip`: the zip, ``mimetype`` first and stored, fixed timestamps
  and a stable member order, so two builds of the same tree with the same
  ``SOURCE_DATE_EPOCH`` are byte-identical.

Everything is built with lxml, so every string the book supplies is escaped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from lxml import etree

from ...config import isbn_digits
from ...errors import BackendError
from ...locale import Summary, get_locale
from ...nodes import Book
from ..common import TocEntry, rights_statement
from ..ebookfonts import FontFile, font_face_rules
from ..images import NO_FIGURES, Figures
from ..xhtml import TYPE_BODYMATTER, TYPE_COVER, TYPE_TITLEPAGE, TYPE_TOC, XML_LANG
from .deflate import write_deflated
from .documents import CSS_HREF, DOC_SUFFIX, Cover, Documents

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
NCX_NS = "http://www.daisy.org/z3986/2005/ncx/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"

MIMETYPE = b"application/epub+zip"
ROOT = "EPUB"
OPF_PATH = f"{ROOT}/content.opf"
NCX_HREF = "toc.ncx"
NCX_ID = "ncx"
CSS_ID = "css"
COVER_IMAGE_ID = "cover-img"
UNIQUE_ID = "id"
XHTML_MEDIA_TYPE = "application/xhtml+xml"
CSS_RESOURCE = "data/epub.css"

# EPUB 2 guide types for our landmarks (readers that predate the nav document).
GUIDE_TYPES = {
    TYPE_COVER: "cover",
    TYPE_TITLEPAGE: "title-page",
    TYPE_TOC: "toc",
    TYPE_BODYMATTER: "text",
}

# Why: the zip format stores dates from 1980 to 2107 only (a 7-bit year from 1980).
_ZIP_FIRST = (1980, 1, 1, 0, 0, 0)
_ZIP_LAST = (2107, 12, 31, 23, 59, 59)


#: The summary in English (a book without a language module reads English pages).
ENGLISH = Summary()


def accessibility_summary(
    has_cover: bool, figures: Figures = NO_FIGURES, words: Summary = ENGLISH
) -> str:
    """The summary says what this book holds, in its language (`words`): its
    illustrations and how many of them have a text description, the cover, or that it
    has no images at all."""
    if not figures.count:
        return words.text.format(images=words.cover_only if has_cover else words.none)
    opening = words.besides_cover if has_cover else words.has
    return words.text.format(images=opening.format(pictures=_illustrations(figures, words)))


def _illustrations(figures: Figures, words: Summary) -> str:
    """``3 illustrations, each with a text description.`` and the like."""
    n, k = figures.count, figures.described
    if n == 1:
        return words.one_with if k else words.one_without
    if k == n:
        return words.all_with.format(n=n)
    if k == 0:
        return words.none_with.format(n=n)
    return words.mixed.format(n=n, k=k, m=n - k)


def _opf(tag: str) -> str:
    return f"{{{OPF_NS}}}{tag}"


def _dc(tag: str) -> str:
    return f"{{{DC_NS}}}{tag}"


def _root(ns: str, tag: str, attrs: dict[str, str], **prefixes: str) -> etree._Element:
    """A root element in namespace `ns` (the default one), with other `prefixes` declared."""
    nsmap: dict[str | None, str] = {None: ns}
    nsmap.update(prefixes)
    # lxml-stubs type nsmap keys as str, but None (the default namespace) is valid.
    return etree.Element(f"{{{ns}}}{tag}", attrs, nsmap=nsmap)  # type: ignore[arg-type]


def _xml(root: etree._Element) -> bytes:
    result: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
    return result


# --------------------------------------------------------------------------- entry points


def build_mimetype() -> bytes:
    return MIMETYPE


def build_container() -> bytes:
    """``META-INF/container.xml``: where the package document is."""
    root = _root(CONTAINER_NS, "container", {"version": "1.0"})
    files = etree.SubElement(root, f"{{{CONTAINER_NS}}}rootfiles")
    attrs = {"full-path": OPF_PATH, "media-type": "application/oebps-package+xml"}
    etree.SubElement(files, f"{{{CONTAINER_NS}}}rootfile", attrs)
    return _xml(root)


# --------------------------------------------------------------------------- metadata


def build_metadata(
    book: Book, has_cover: bool, when: datetime, figures: Figures = NO_FIGURES
) -> etree._Element:
    """The OPF ``<metadata>``: identification, people, series, accessibility, date."""
    md = _root(OPF_NS, "metadata", {}, dc=DC_NS)
    meta = book.meta
    _dc_element(md, "identifier", meta.identifier, id=UNIQUE_ID)
    _dc_element(md, "title", meta.title, id="title")
    _prop(md, "title-type", "main", refines="#title")
    if meta.subtitle:
        _dc_element(md, "title", meta.subtitle, id="subtitle")
        _prop(md, "title-type", "subtitle", refines="#subtitle")
    _dc_element(md, "language", meta.language)
    for number, author in enumerate(meta.authors, start=1):
        _dc_element(md, "creator", author, id=f"creator-{number}")
        _prop(md, "role", "aut", refines=f"#creator-{number}", scheme="marc:relators")
    isbn_urn = f"urn:isbn:{isbn_digits(meta.isbn)}" if meta.isbn else None
    if isbn_urn and meta.identifier != isbn_urn:
        _dc_element(md, "identifier", isbn_urn, id="isbn")
    for name, value in (
        ("publisher", meta.publisher),
        ("date", meta.date),
        ("description", meta.description),
        ("rights", rights_statement(book)),
    ):
        if value:
            _dc_element(md, name, value)
    if meta.series is not None:
        _prop(md, "belongs-to-collection", meta.series.name, id="series")
        _prop(md, "collection-type", "series", refines="#series")
        if meta.series.number is not None:
            position = float(meta.series.number)
            text = str(int(position)) if position.is_integer() else str(position)
            _prop(md, "group-position", text, refines="#series")
    _accessibility(md, has_cover, figures, get_locale(meta.language).words.summary)
    if has_cover:
        # EPUB 2 readers (and Kindle's converter) find the cover through this.
        etree.SubElement(md, _opf("meta"), {"name": "cover", "content": COVER_IMAGE_ID})
    _prop(md, "dcterms:modified", when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return md


def _dc_element(md: etree._Element, name: str, text: str, **attrs: str) -> None:
    etree.SubElement(md, _dc(name), attrs).text = text


def _prop(md: etree._Element, name: str, text: str, **attrs: str) -> None:
    etree.SubElement(md, _opf("meta"), {"property": name, **attrs}).text = text


def _accessibility(
    md: etree._Element, has_cover: bool, figures: Figures, words: Summary = ENGLISH
) -> None:
    """EPUB Accessibility 1.1 metadata, true of the book at hand.

    Illustrations make the book visual as well as textual; text alone is
    enough to read it only when every illustration has a text description.
    """
    _prop(md, "schema:accessMode", "textual")
    if figures.count:
        _prop(md, "schema:accessMode", "visual")
    described = figures.described == figures.count
    _prop(md, "schema:accessModeSufficient", "textual" if described else "textual,visual")
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if has_cover or figures.described:
        features.append("alternativeText")
    for feature in features:
        _prop(md, "schema:accessibilityFeature", feature)
    _prop(md, "schema:accessibilityHazard", "none")
    _prop(md, "schema:accessibilitySummary", accessibility_summary(has_cover, figures, words))


# --------------------------------------------------------------------------- package document


def build_content(
    book: Book,
    docs: Documents,
    cover: Cover | None,
    when: datetime,
    fonts: Sequence[FontFile] = (),
) -> bytes:
    """The OPF package document: metadata, manifest, spine (with the NCX) and guide."""
    lang = book.meta.language
    attrs = {"version": "3.0", "unique-identifier": UNIQUE_ID, XML_LANG: lang}
    root = _root(OPF_NS, "package", attrs)
    root.append(build_metadata(book, cover is not None, when, docs.figures))
    manifest = etree.SubElement(root, _opf("manifest"))

    def item(uid: str, href: str, media_type: str, properties: str | None = None) -> None:
        attrs = {"id": uid, "href": href, "media-type": media_type}
        if properties:
            attrs["properties"] = properties
        etree.SubElement(manifest, _opf("item"), attrs)

    item(CSS_ID, CSS_HREF, "text/css")
    if cover is not None:
        item(COVER_IMAGE_ID, cover.href, cover.media_type, "cover-image")
    for image in docs.images:
        item(image.uid, image.href, image.media_type)
    for font in fonts:
        item(font.uid, font.href, font.media_type)
    for doc in docs.spine:
        item(doc.uid, doc.href, XHTML_MEDIA_TYPE, "nav" if doc is docs.nav else None)
    item(NCX_ID, NCX_HREF, "application/x-dtbncx+xml")
    spine = etree.SubElement(root, _opf("spine"), {"toc": NCX_ID})
    for doc in docs.spine:
        etree.SubElement(spine, _opf("itemref"), {"idref": doc.uid})
    guide = etree.SubElement(root, _opf("guide"))
    for epub_type, href, label in docs.landmarks:
        attrs = {"type": GUIDE_TYPES[epub_type], "title": label, "href": href}
        etree.SubElement(guide, _opf("reference"), attrs)
    etree.cleanup_namespaces(root)
    return _xml(root)


# --------------------------------------------------------------------------- NCX


def build_ncx(book: Book, entries: Sequence[TocEntry]) -> bytes:
    """The NCX: the same contents as the navigation document, for EPUB 2 readers."""

    def n(tag: str) -> str:
        return f"{{{NCX_NS}}}{tag}"

    root = _root(NCX_NS, "ncx", {"version": "2005-1", XML_LANG: book.meta.language})
    head = etree.SubElement(root, n("head"))
    depth = 2 if any(entry.children for entry in entries) else 1
    for name, content in (
        ("dtb:uid", book.meta.identifier),
        ("dtb:depth", str(depth)),
        ("dtb:totalPageCount", "0"),
        ("dtb:maxPageNumber", "0"),
    ):
        etree.SubElement(head, n("meta"), {"name": name, "content": content})
    etree.SubElement(etree.SubElement(root, n("docTitle")), n("text")).text = book.meta.title
    nav_map = etree.SubElement(root, n("navMap"))
    order = 0

    def points(parent: etree._Element, items: Sequence[TocEntry]) -> None:
        nonlocal order
        for entry in items:
            order += 1
            point = etree.SubElement(
                parent, n("navPoint"), {"id": f"nav-{entry.uid}", "playOrder": str(order)}
            )
            label = etree.SubElement(point, n("navLabel"))
            etree.SubElement(label, n("text")).text = entry.label
            etree.SubElement(point, n("content"), {"src": entry.uid + DOC_SUFFIX})
            points(point, entry.children)

    points(nav_map, entries)
    return _xml(root)


# --------------------------------------------------------------------------- zip


def members(
    book: Book,
    docs: Documents,
    cover: Cover | None,
    when: datetime,
    css: str = "",
    fonts: Sequence[FontFile] = (),
) -> list[tuple[str, bytes]]:
    """Every file of the EPUB, in the order it is zipped (``mimetype`` first); ``css``
    is added after the stylesheet (the theme's rules, the writer's own file), and the
    `fonts` embedded (``[epub] embed_fonts``) with their ``@font-face`` rules."""
    css += font_face_rules(fonts, CSS_HREF)
    files = [
        ("mimetype", build_mimetype()),
        ("META-INF/container.xml", build_container()),
        (OPF_PATH, build_content(book, docs, cover, when, fonts)),
        (f"{ROOT}/{CSS_HREF}", stylesheet() + css.encode("utf-8")),
    ]
    if cover is not None:
        files.append((f"{ROOT}/{cover.href}", cover.data))
    files.extend((f"{ROOT}/{image.href}", image.data) for image in docs.images)
    files.extend((f"{ROOT}/{font.href}", font.data) for font in fonts)
    files.extend((f"{ROOT}/{doc.href}", doc.content) for doc in docs.spine)
    files.append((f"{ROOT}/{NCX_HREF}", build_ncx(book, docs.toc)))
    return files


def stylesheet() -> bytes:
    return resources.files("compile_book").joinpath(CSS_RESOURCE).read_bytes()


def build_zip(files: Sequence[tuple[str, bytes]], target: Path, when: datetime) -> None:
    """Zip `files` into `target`: ``mimetype`` stored, the rest deflated, fixed dates.

    A date the zip format cannot hold is an error here (``build_time`` refuses
    such a ``SOURCE_DATE_EPOCH`` before any of this runs): never a crash in
    ``zipfile``, never a date silently changed.
    """
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    if not _ZIP_FIRST <= stamp <= _ZIP_LAST:
        raise BackendError(
            f"the date {when:%Y-%m-%d} cannot be stored in an EPUB, a ZIP (1980 to 2107); "
            "set SOURCE_DATE_EPOCH to a time in that range"
        )
    with zipfile.ZipFile(target, "w") as dst:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, whatever the build machine
            info.external_attr = 0o100644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                dst.writestr(info, data)
            else:
                write_deflated(dst, info, data)
