"""The EPUB 3 backend: one :class:`~compile_book.nodes.Book` in, one store-ready EPUB out.

Built as named steps (Sphinx's EPUB builder habit), each testable on its own:

* every XHTML document (front matter, part pages, chapters, the navigation
  document) is built with lxml element by element, so all prose is escaped by
  lxml and no markup is ever assembled from strings;
* ebooklib packages those documents: OPF metadata (Dublin Core, EPUB
  Accessibility 1.1, series), manifest, spine, EPUB 2 guide and the NCX;
* the package ebooklib wrote (in memory) is re-zipped into the atomic output
  file with fixed timestamps and a stable member order, so two builds of the
  same tree with the same ``SOURCE_DATE_EPOCH`` are byte-identical.

Markup contract (other tools and tests rely on it; every name is a constant
below)::

    <section epub:type="chapter" role="doc-chapter" id="chapter-029">
      <header>
        <h1><span class="label">Chapter</span> <span class="number">29</span> <span
            class="title">All for nothing.</span></h1>
        <p class="subtitle">…</p>
      </header>
      <p class="first">…</p>
      <p>… <span class="telepathic">… <em>…</em></span> … <strong>…</strong></p>
      <hr class="scene-break"/>
      <p class="first">…</p>
    </section>

Chapters use ``h1`` when the book has no real parts, ``h2`` under part pages
(``<section epub:type="part">`` with an ``h1``). Prologues and epilogues take
``epub:type="prologue"``/``"epilogue"``; an interlude is a ``chapter``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, assert_never

from ebooklib import epub
from lxml import etree

from .. import nodes
from ..config import BookConfig, isbn_digits
from ..errors import BackendError, InputError
from ..nodes import (
    Book,
    Chapter,
    ChapterKind,
    Emphasis,
    Heading,
    Inline,
    Paragraph,
    SceneBreak,
    Strong,
    Telepathy,
    Text,
)
from ..output import atomic_output, build_time

__all__ = ["write_epub"]

# --------------------------------------------------------------------------- namespaces

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_NSMAP: dict[str | None, str] = {None: XHTML_NS, "epub": EPUB_NS}
_DOCTYPE = "<!DOCTYPE html>"

# Clark-notation tags, computed once: SubElement is called ~10^5 times for a long book.
_HTML = f"{{{XHTML_NS}}}html"
_HEAD = f"{{{XHTML_NS}}}head"
_TITLE = f"{{{XHTML_NS}}}title"
_LINK = f"{{{XHTML_NS}}}link"
_BODY = f"{{{XHTML_NS}}}body"
_SECTION = f"{{{XHTML_NS}}}section"
_HEADER = f"{{{XHTML_NS}}}header"
_NAV = f"{{{XHTML_NS}}}nav"
_OL = f"{{{XHTML_NS}}}ol"
_LI = f"{{{XHTML_NS}}}li"
_A = f"{{{XHTML_NS}}}a"
_H1 = f"{{{XHTML_NS}}}h1"
_H2 = f"{{{XHTML_NS}}}h2"
_P = f"{{{XHTML_NS}}}p"
_HR = f"{{{XHTML_NS}}}hr"
_SPAN = f"{{{XHTML_NS}}}span"
_EM = f"{{{XHTML_NS}}}em"
_STRONG = f"{{{XHTML_NS}}}strong"
_IMG = f"{{{XHTML_NS}}}img"
_BLOCKQUOTE = f"{{{XHTML_NS}}}blockquote"
_EPUB_TYPE = f"{{{EPUB_NS}}}type"
_XML_LANG = f"{{{XML_NS}}}lang"

# --------------------------------------------------------------------------- class names

CLASS_LABEL = "label"
CLASS_NUMBER = "number"
CLASS_TITLE = "title"
CLASS_SUBTITLE = "subtitle"
CLASS_FIRST = "first"
CLASS_LEAD = "lead"
#: Words of a chapter's first line set in small caps (the print edition sets three).
LEAD_IN_WORDS = 3
CLASS_SCENE_BREAK = "scene-break"
CLASS_TELEPATHIC = "telepathic"
CLASS_COVER = "cover"
CLASS_TITLEPAGE = "titlepage"
CLASS_AUTHOR = "author"
CLASS_PUBLISHER = "publisher"
CLASS_COPYRIGHT = "copyright"
CLASS_DEDICATION = "dedication"
CLASS_EPIGRAPH = "epigraph"
CLASS_EPIGRAPH_SOURCE = "epigraph-source"
CLASS_TOC = "toc"

# --------------------------------------------------------------------------- epub:type values

TYPE_CHAPTER = "chapter"
TYPE_PROLOGUE = "prologue"
TYPE_EPILOGUE = "epilogue"
TYPE_PART = "part"
TYPE_COVER = "cover"
TYPE_TITLEPAGE = "titlepage"
TYPE_COPYRIGHT = "copyright-page"
TYPE_DEDICATION = "dedication"
TYPE_EPIGRAPH = "epigraph"
TYPE_TOC = "toc"
TYPE_LANDMARKS = "landmarks"
TYPE_BODYMATTER = "bodymatter"

# The DPUB-ARIA role matching each epub:type (accessibility checkers flag an
# epub:type without its role).
_ROLES = {
    TYPE_CHAPTER: "doc-chapter",
    TYPE_PROLOGUE: "doc-prologue",
    TYPE_EPILOGUE: "doc-epilogue",
    TYPE_PART: "doc-part",
    TYPE_COVER: "doc-cover",
    TYPE_DEDICATION: "doc-dedication",
    TYPE_EPIGRAPH: "doc-epigraph",
    TYPE_TOC: "doc-toc",
}

_CHAPTER_TYPES = {
    ChapterKind.CHAPTER: TYPE_CHAPTER,
    ChapterKind.PROLOGUE: TYPE_PROLOGUE,
    ChapterKind.EPILOGUE: TYPE_EPILOGUE,
    ChapterKind.INTERLUDE: TYPE_CHAPTER,
}

# --------------------------------------------------------------------------- package layout

CSS_HREF = "css/book.css"
NAV_HREF = "nav.xhtml"
COVER_HREF = "cover.xhtml"
TITLEPAGE_HREF = "titlepage.xhtml"
COPYRIGHT_HREF = "copyright.xhtml"
DEDICATION_HREF = "dedication.xhtml"
EPIGRAPH_HREF = "epigraph.xhtml"
TOC_ID = "toc"
LANDMARKS_ID = "landmarks"
XHTML_MEDIA_TYPE = "application/xhtml+xml"
CSS_RESOURCE = "data/epub.css"

# Why: the zip format cannot store dates before 1980 (SOURCE_DATE_EPOCH=0 is common).
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

_ACCESSIBILITY_SUMMARY = (
    "This publication is reflowable text with structured headings, a table of "
    "contents and a logical reading order. {images} It has no sounds, flashing "
    "content or motion."
)
_IMAGES_WITH_COVER = "It has no images except the cover, which has a text description."
_IMAGES_NONE = "It has no images."


def accessibility_summary(has_cover: bool) -> str:
    """The summary says what this book holds: a cover image or no image at all."""
    return _ACCESSIBILITY_SUMMARY.format(images=_IMAGES_WITH_COVER if has_cover else _IMAGES_NONE)


# Interface words, by primary language subtag; English otherwise.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents",
        "landmarks": "Landmarks",
        "cover": "Cover",
        "titlepage": "Title Page",
        "copyright": "Copyright",
        "dedication": "Dedication",
        "epigraph": "Epigraph",
        "start": "Start of Content",
        "chapter": "Chapter",
        "rights": "All rights reserved.",
        "cover_alt": "The cover of {title}",
    },
    "de": {
        "contents": "Inhalt",
        "landmarks": "Orientierungspunkte",
        "cover": "Umschlag",
        "titlepage": "Titelseite",
        "copyright": "Impressum",
        "dedication": "Widmung",
        "epigraph": "Motto",
        "start": "Beginn des Textes",
        "chapter": "Kapitel",
        "rights": "Alle Rechte vorbehalten.",
        "cover_alt": "Der Umschlag von {title}",
    },
    "fr": {
        "contents": "Table des matières",
        "landmarks": "Repères",
        "cover": "Couverture",
        "titlepage": "Page de titre",
        "copyright": "Droits d’auteur",
        "dedication": "Dédicace",
        "epigraph": "Épigraphe",
        "start": "Début du texte",
        "chapter": "Chapitre",
        "rights": "Tous droits réservés.",
        "cover_alt": "La couverture de {title}",
    },
    "es": {
        "contents": "Índice",
        "landmarks": "Puntos de referencia",
        "cover": "Cubierta",
        "titlepage": "Portada",
        "copyright": "Derechos de autor",
        "dedication": "Dedicatoria",
        "epigraph": "Epígrafe",
        "start": "Inicio del texto",
        "chapter": "Capítulo",
        "rights": "Todos los derechos reservados.",
        "cover_alt": "La cubierta de {title}",
    },
}


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language.split("-")[0].lower(), _WORDS["en"])


# --------------------------------------------------------------------------- public API


def write_epub(book: Book, out: Path, config: BookConfig) -> None:
    """Write `book` as EPUB 3 to `out` atomically (via output.atomic_output)."""
    if not any(part.chapters for part in book.parts):
        raise BackendError("the book has no chapters; an EPUB needs at least one")
    when = build_time()
    cover = _read_cover(book.meta.cover)
    docs = build_documents(book, config, cover, when)
    package = _package(book, docs, cover, when)
    with atomic_output(out) as tmp:
        _rezip(package, tmp, when, book.meta.language)


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Document:
    """One XHTML content document, already serialised."""

    uid: str
    href: str
    title: str
    content: bytes


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A table-of-contents entry; ``children`` nest chapters under a part."""

    uid: str
    href: str
    label: str
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Cover:
    """The cover image as read from disk."""

    href: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Documents:
    """Everything :func:`build_documents` made, in spine order."""

    front: tuple[Document, ...]
    nav: Document
    body: tuple[Document, ...]
    toc: tuple[TocEntry, ...]
    landmarks: tuple[tuple[str, str, str], ...]  # (epub:type, href, label)


def build_documents(
    book: Book, config: BookConfig, cover: Cover | None, when: datetime
) -> Documents:
    """Build every XHTML document of the book (front matter, body, nav)."""
    meta = book.meta
    words = _words(meta.language)
    front: list[Document] = []
    landmarks: list[tuple[str, str, str]] = []

    if cover is not None:
        front.append(_cover_page(book, cover, words))
        landmarks.append((TYPE_COVER, COVER_HREF, words["cover"]))
    front.append(_title_page(book))
    landmarks.append((TYPE_TITLEPAGE, TITLEPAGE_HREF, words["titlepage"]))
    copyright_page = _copyright_page(book, words, when)
    if copyright_page is not None:
        front.append(copyright_page)
    if meta.dedication:
        front.append(_dedication_page(book, words))
    if meta.epigraph:
        front.append(_epigraph_page(book, words))
    landmarks.append((TYPE_TOC, f"{NAV_HREF}#{TOC_ID}", words["contents"]))

    body, toc = _body(book, config, words)
    if body:
        landmarks.append((TYPE_BODYMATTER, body[0].href, words["start"]))
    nav = _nav_document(book, toc, landmarks, words)
    return Documents(tuple(front), nav, tuple(body), tuple(toc), tuple(landmarks))


def _body(
    book: Book, config: BookConfig, words: dict[str, str]
) -> tuple[list[Document], list[TocEntry]]:
    """Part pages and chapters in reading order, with their toc entries."""
    has_parts = any(part.heading is not None for part in book.parts)
    chapter_tag = _H2 if has_parts else _H1
    style = config.telepathy.style
    telepathic = CLASS_TELEPATHIC if style == "italic" else f"{CLASS_TELEPATHIC} {style}"
    total = sum(len(part.chapters) for part in book.parts)
    width = max(3, len(str(total)))
    part_width = max(2, len(str(sum(part.heading is not None for part in book.parts))))
    lang = book.meta.language

    docs: list[Document] = []
    toc: list[TocEntry] = []
    index = 0
    part_index = 0
    for part in book.parts:
        entries: list[TocEntry] = []
        for chapter in part.chapters:
            index += 1
            uid = f"chapter-{index:0{width}d}"
            label = nodes.chapter_label(book, chapter)
            doc = _chapter_document(book, chapter, uid, chapter_tag, telepathic, lang, label)
            docs.append(doc)
            entries.append(TocEntry(uid, doc.href, label))
        if part.heading is not None and nodes.heading_text(part.heading):
            part_index += 1
            uid = f"part-{part_index:0{part_width}d}"
            doc = _part_document(book, part.heading, uid, telepathic, lang)
            docs.insert(len(docs) - len(entries), doc)
            toc.append(TocEntry(uid, doc.href, doc.title, tuple(entries)))
        else:
            toc.extend(entries)
    return docs, toc


def _chapter_document(
    book: Book,
    chapter: Chapter,
    uid: str,
    tag: str,
    telepathic: str,
    lang: str,
    label: str | None = None,
) -> Document:
    title = nodes.heading_text(chapter.heading) or book.meta.title
    html, body = _skeleton(title, lang)
    epub_type = _CHAPTER_TYPES[chapter.kind]
    section = _section(body, epub_type, uid)
    if not nodes.heading_text(chapter.heading):
        # No visible heading: name the section for screen readers as the toc does.
        section.set("aria-label", label or title)
    try:
        if chapter.heading is not None and nodes.heading_text(chapter.heading):
            _header(section, chapter.heading, tag, telepathic)
        _blocks(section, chapter.blocks, telepathic)
    except ValueError as exc:  # lxml refuses text that XML cannot hold
        raise BackendError(
            f"cannot write this chapter as XHTML ({exc})",
            chapter.source.file,
            chapter.source.line,
        ) from None
    return Document(uid, f"{uid}.xhtml", title, _serialise(html))


def _part_document(book: Book, heading: Heading, uid: str, telepathic: str, lang: str) -> Document:
    title = nodes.heading_text(heading)
    html, body = _skeleton(title, lang)
    section = _section(body, TYPE_PART, uid)
    try:
        _header(section, heading, _H1, telepathic)
    except ValueError as exc:
        raise BackendError(
            f"cannot write this part heading as XHTML ({exc})",
            heading.source.file,
            heading.source.line,
        ) from None
    return Document(uid, f"{uid}.xhtml", title, _serialise(html))


def _header(section: etree._Element, heading: Heading, tag: str, telepathic: str) -> None:
    """``<header><hN>label number title</hN><p class="subtitle"/></header>``."""
    header = etree.SubElement(section, _HEADER)
    header.tail = "\n"
    h = etree.SubElement(header, tag)
    last: etree._Element | None = None
    if heading.label:
        last = etree.SubElement(h, _SPAN, {"class": CLASS_LABEL})
        last.text = heading.label
    number = heading.number_text
    if number is None and heading.number is not None:
        number = str(heading.number)
    if number:
        if last is not None:
            last.tail = " "
        last = etree.SubElement(h, _SPAN, {"class": CLASS_NUMBER})
        last.text = number
    if heading.title:
        # Why the space: text extraction and screen readers would otherwise run
        # "29" into the title; CSS sets the title on its own line.
        if last is not None:
            last.tail = " "
        span = etree.SubElement(h, _SPAN, {"class": CLASS_TITLE})
        _inlines(span, heading.title, telepathic)
    if heading.subtitle:
        sub = etree.SubElement(header, _P, {"class": CLASS_SUBTITLE})
        _inlines(sub, heading.subtitle, telepathic)


_FIRST = {"class": CLASS_FIRST}
_SCENE_BREAK = {"class": CLASS_SCENE_BREAK}


def _blocks(
    section: etree._Element, blocks: tuple[Paragraph | SceneBreak, ...], telepathic: str
) -> None:
    """Paragraphs and scene breaks; a break at either edge of a chapter or doubled is dropped."""
    first = True
    opening = True
    pending_break = False
    sub = etree.SubElement
    for block in blocks:
        match block:
            case Paragraph():
                if pending_break:
                    sub(section, _HR, _SCENE_BREAK).tail = "\n"
                    pending_break = False
                p = sub(section, _P, _FIRST) if first else sub(section, _P)
                p.tail = "\n"
                first = False
                inlines = block.inlines
                if opening:
                    inlines = _lead_in(p, inlines)
                    opening = False
                _inlines(p, inlines, telepathic)
            case SceneBreak():
                if not first:
                    pending_break = True
                    first = True
            case _:
                assert_never(block)


def _lead_in(p: etree._Element, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Set a chapter's first words in small caps, as the print edition does.

    Only when the paragraph opens with plain text holding enough words; the
    span is placed in ``p`` and the rest of the inlines are returned.
    """
    if not inlines or not isinstance(inlines[0], Text):
        return inlines
    head = inlines[0]
    words = head.text.split(" ")
    if len(words) <= LEAD_IN_WORDS:
        return inlines
    span = etree.SubElement(p, _SPAN, {"class": CLASS_LEAD})
    span.text = " ".join(words[:LEAD_IN_WORDS])
    rest = Text(" " + " ".join(words[LEAD_IN_WORDS:]), head.source)
    return (rest, *inlines[1:])


def _inlines(parent: etree._Element, inlines: tuple[Inline, ...], telepathic: str) -> None:
    """Append inline nodes to `parent` as text, tails and nested elements."""
    last: etree._Element | None = parent[-1] if len(parent) else None
    for node in inlines:
        match node:
            case Text():
                if last is None:
                    parent.text = node.text if parent.text is None else parent.text + node.text
                else:
                    last.tail = node.text if last.tail is None else last.tail + node.text
                continue
            case Emphasis():
                el = etree.SubElement(parent, _EM)
            case Strong():
                el = etree.SubElement(parent, _STRONG)
            case Telepathy():
                el = etree.SubElement(parent, _SPAN, {"class": telepathic})
            case _:
                assert_never(node)
        _inlines(el, node.children, telepathic)
        last = el


# --------------------------------------------------------------------------- front matter


def _cover_page(book: Book, cover: Cover, words: dict[str, str]) -> Document:
    title = words["cover"]
    html, body = _skeleton(title, book.meta.language)
    body.set("class", CLASS_COVER)  # lets the stylesheet drop the page margins here only
    section = etree.SubElement(body, _SECTION, {"class": CLASS_COVER, "id": "cover"})
    alt = words["cover_alt"].format(title=book.meta.title)
    if book.meta.authors:
        alt = f"{alt}, {', '.join(book.meta.authors)}"
    etree.SubElement(
        section,
        _IMG,
        {"src": cover.href, "alt": alt, _EPUB_TYPE: TYPE_COVER, "role": _ROLES[TYPE_COVER]},
    )
    return Document("cover", COVER_HREF, title, _serialise(html))


def _title_page(book: Book) -> Document:
    meta = book.meta
    html, body = _skeleton(meta.title, meta.language)
    section = _section(body, TYPE_TITLEPAGE, "titlepage")
    section.set("class", CLASS_TITLEPAGE)
    h1 = etree.SubElement(section, _H1, {"class": CLASS_TITLE})
    h1.text = meta.title
    if meta.subtitle:
        _para(section, meta.subtitle, CLASS_SUBTITLE)
    for author in meta.authors:
        _para(section, author, CLASS_AUTHOR)
    if meta.publisher:
        _para(section, meta.publisher, CLASS_PUBLISHER)
    return Document("titlepage", TITLEPAGE_HREF, meta.title, _serialise(html))


def rights_line(book: Book, when: datetime) -> str | None:
    """``meta.rights``, or ``Copyright © <year> <authors>`` when there are authors."""
    meta = book.meta
    if meta.rights:
        return meta.rights
    if not meta.authors:
        return None
    year = meta.date[:4] if meta.date else str(when.year)
    return f"Copyright © {year} {', '.join(meta.authors)}"


def _copyright_page(book: Book, words: dict[str, str], when: datetime) -> Document | None:
    meta = book.meta
    lines: list[str] = []
    rights = rights_line(book, when)
    if rights:
        lines.append(rights)
        if not meta.rights:
            lines.append(words["rights"])
    if meta.isbn:
        lines.append(f"ISBN {meta.isbn}")
    if meta.edition:
        lines.append(meta.edition)
    if meta.publisher:
        lines.append(meta.publisher)
    if meta.date:
        lines.append(meta.date)
    if not lines:
        return None
    title = words["copyright"]
    html, body = _skeleton(title, meta.language)
    section = _section(body, TYPE_COPYRIGHT, "copyright")
    section.set("class", CLASS_COPYRIGHT)
    for line in lines:
        _para(section, line)
    return Document("copyright", COPYRIGHT_HREF, title, _serialise(html))


def _dedication_page(book: Book, words: dict[str, str]) -> Document:
    title = words["dedication"]
    html, body = _skeleton(title, book.meta.language)
    section = _section(body, TYPE_DEDICATION, "dedication")
    section.set("class", CLASS_DEDICATION)
    for line in _lines(book.meta.dedication or ""):
        _para(section, line)
    return Document("dedication", DEDICATION_HREF, title, _serialise(html))


def _epigraph_page(book: Book, words: dict[str, str]) -> Document:
    meta = book.meta
    title = words["epigraph"]
    html, body = _skeleton(title, meta.language)
    section = _section(body, TYPE_EPIGRAPH, "epigraph")
    section.set("class", CLASS_EPIGRAPH)
    quote = etree.SubElement(section, _BLOCKQUOTE)
    for line in _lines(meta.epigraph or ""):
        _para(quote, line)
    if meta.epigraph_source:
        _para(section, f"— {meta.epigraph_source}", CLASS_EPIGRAPH_SOURCE)
    return Document("epigraph", EPIGRAPH_HREF, title, _serialise(html))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------- navigation


def _nav_document(
    book: Book,
    toc: Sequence[TocEntry],
    landmarks: Sequence[tuple[str, str, str]],
    words: dict[str, str],
) -> Document:
    """The EPUB 3 navigation document: a visible toc and hidden landmarks."""
    title = words["contents"]
    html, body = _skeleton(title, book.meta.language)
    nav = etree.SubElement(
        body,
        _NAV,
        {_EPUB_TYPE: TYPE_TOC, "id": TOC_ID, "role": _ROLES[TYPE_TOC], "class": CLASS_TOC},
    )
    nav.tail = "\n"
    etree.SubElement(nav, _H1).text = title
    _toc_list(nav, toc)
    marks = etree.SubElement(body, _NAV, {_EPUB_TYPE: TYPE_LANDMARKS, "id": LANDMARKS_ID})
    marks.set("hidden", "hidden")
    etree.SubElement(marks, _H2).text = words["landmarks"]
    ol = etree.SubElement(marks, _OL)
    for epub_type, href, label in landmarks:
        a = etree.SubElement(etree.SubElement(ol, _LI), _A, {_EPUB_TYPE: epub_type, "href": href})
        a.text = label
    return Document("nav", NAV_HREF, title, _serialise(html))


def _toc_list(parent: etree._Element, entries: Sequence[TocEntry]) -> None:
    ol = etree.SubElement(parent, _OL)
    for entry in entries:
        li = etree.SubElement(ol, _LI)
        li.tail = "\n"
        a = etree.SubElement(li, _A, {"href": entry.href})
        a.text = entry.label
        if entry.children:
            _toc_list(li, entry.children)


# --------------------------------------------------------------------------- XHTML helpers


def _skeleton(title: str, lang: str) -> tuple[etree._Element, etree._Element]:
    """``<html lang xml:lang><head><title/><link css/></head><body/></html>``."""
    # lxml-stubs type nsmap keys as str, but None (the default namespace) is valid.
    html = etree.Element(_HTML, {"lang": lang, _XML_LANG: lang}, nsmap=_NSMAP)  # type: ignore[arg-type]
    head = etree.SubElement(html, _HEAD)
    etree.SubElement(head, _TITLE).text = title
    etree.SubElement(head, _LINK, {"rel": "stylesheet", "type": "text/css", "href": CSS_HREF})
    body = etree.SubElement(html, _BODY)
    body.text = "\n"
    return html, body


def _section(body: etree._Element, epub_type: str, uid: str) -> etree._Element:
    attrs = {_EPUB_TYPE: epub_type, "id": uid}
    role = _ROLES.get(epub_type)
    if role:
        attrs["role"] = role
    section = etree.SubElement(body, _SECTION, attrs)
    section.text = "\n"
    section.tail = "\n"
    return section


def _para(parent: etree._Element, text: str, cls: str | None = None) -> etree._Element:
    p = etree.SubElement(parent, _P, {"class": cls} if cls else None)
    p.text = text
    p.tail = "\n"
    return p


def _serialise(html: etree._Element) -> bytes:
    """Serialise once; ebooklib stores these bytes as they are (no re-parse)."""
    return etree.tostring(html, encoding="utf-8", xml_declaration=True, doctype=_DOCTYPE)


# --------------------------------------------------------------------------- cover


def _read_cover(path: str | None) -> Cover | None:
    """Read the cover image; JPEG and PNG only, recognised by content, not by name."""
    if path is None:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the cover image ({exc.strerror})", path) from None
    if data.startswith(b"\xff\xd8\xff"):
        return Cover("images/cover.jpg", data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Cover("images/cover.png", data)
    raise InputError("the cover is not a JPEG or PNG image; convert it to JPEG", path)


# --------------------------------------------------------------------------- packaging


def _package(book: Book, docs: Documents, cover: Cover | None, when: datetime) -> bytes:
    """Have ebooklib write the package (OPF, NCX, items) into memory."""
    pkg = epub.EpubBook()
    _metadata(pkg, book, cover is not None, when)

    css = epub.EpubItem(uid="css", file_name=CSS_HREF, media_type="text/css", content=_stylesheet())
    pkg.add_item(css)
    if cover is not None:
        pkg.set_cover(cover.href, cover.data, create_page=False)

    # Plain EpubItems holding finished bytes, not EpubHtml: EpubHtml re-parses every
    # document with lxml's HTML parser (slow, and it drops attributes on <body>).
    # The navigation document is ours too, so the landmarks nav can be hidden.
    spine: list[Any] = []
    for doc in (*docs.front, docs.nav, *docs.body):
        item = epub.EpubItem(
            uid=doc.uid, file_name=doc.href, media_type=XHTML_MEDIA_TYPE, content=doc.content
        )
        if doc is docs.nav:
            item.properties = ["nav"]
        pkg.add_item(item)
        spine.append(item)
    pkg.add_item(epub.EpubNcx())
    pkg.spine = spine
    pkg.toc = [_ncx_entry(entry) for entry in docs.toc]
    guide_types = {
        TYPE_COVER: "cover",
        TYPE_TITLEPAGE: "title-page",
        TYPE_TOC: "toc",
        TYPE_BODYMATTER: "text",
    }
    pkg.guide = [
        {"type": guide_types[epub_type], "href": href, "title": label}
        for epub_type, href, label in docs.landmarks
    ]

    buffer = io.BytesIO()
    options = {
        "raise_exceptions": True,
        "mtime": when,
        # The members are re-compressed by _rezip: don't deflate twice.
        "compresslevel": 0,
        "epub3_landmark": False,
        "epub3_pages": False,
        "play_order": {"enabled": True, "start_from": 1},
    }
    try:
        epub.write_epub(buffer, pkg, options)
    except (epub.EpubException, ValueError, TypeError) as exc:
        raise BackendError(f"EPUB packaging failed: {exc}") from None
    return buffer.getvalue()


def _ncx_entry(entry: TocEntry) -> Any:
    link = epub.Link(entry.href, entry.label, f"nav-{entry.uid}")
    if entry.children:
        return (link, [_ncx_entry(child) for child in entry.children])
    return link


def _metadata(pkg: Any, book: Book, has_cover: bool, when: datetime) -> None:
    """Dublin Core, EPUB 3 refinements, series and EPUB Accessibility 1.1 metadata."""
    meta = book.meta
    pkg.set_identifier(meta.identifier)
    # Set by hand rather than set_title so the title carries an id to refine.
    pkg.title = meta.title
    pkg.add_metadata("DC", "title", meta.title, {"id": "title"})
    pkg.add_metadata(None, "meta", "main", {"refines": "#title", "property": "title-type"})
    if meta.subtitle:
        pkg.add_metadata("DC", "title", meta.subtitle, {"id": "subtitle"})
        pkg.add_metadata(
            None, "meta", "subtitle", {"refines": "#subtitle", "property": "title-type"}
        )
    pkg.set_language(meta.language)
    for number, author in enumerate(meta.authors, start=1):
        pkg.add_author(author, role="aut", uid=f"creator-{number}")
    isbn_urn = f"urn:isbn:{isbn_digits(meta.isbn)}" if meta.isbn else None
    if isbn_urn and meta.identifier != isbn_urn:
        pkg.add_metadata("DC", "identifier", isbn_urn, {"id": "isbn"})
    if meta.publisher:
        pkg.add_metadata("DC", "publisher", meta.publisher)
    if meta.date:
        pkg.add_metadata("DC", "date", meta.date)
    if meta.description:
        pkg.add_metadata("DC", "description", meta.description)
    rights = rights_line(book, when)
    if rights:
        pkg.add_metadata("DC", "rights", rights)
    if meta.series is not None:
        pkg.add_metadata(
            None, "meta", meta.series.name, {"property": "belongs-to-collection", "id": "series"}
        )
        pkg.add_metadata(
            None, "meta", "series", {"refines": "#series", "property": "collection-type"}
        )
        if meta.series.number is not None:
            position = float(meta.series.number)
            text = str(int(position)) if position.is_integer() else str(position)
            pkg.add_metadata(
                None, "meta", text, {"refines": "#series", "property": "group-position"}
            )

    def schema(prop: str, value: str) -> None:
        pkg.add_metadata(None, "meta", value, {"property": f"schema:{prop}"})

    schema("accessMode", "textual")
    schema("accessModeSufficient", "textual")
    features = ["structuralNavigation", "tableOfContents", "readingOrder"]
    if has_cover:
        features.append("alternativeText")
    for feature in features:
        schema("accessibilityFeature", feature)
    schema("accessibilityHazard", "none")
    schema("accessibilitySummary", accessibility_summary(has_cover))


def _stylesheet() -> bytes:
    return resources.files("compile_book").joinpath(CSS_RESOURCE).read_bytes()


def _package_lang(opf: bytes, language: str) -> bytes:
    """Put ``xml:lang`` on the OPF ``<package>``: ebooklib cannot, and Ace requires it."""
    root = etree.fromstring(opf)
    root.set(_XML_LANG, language)
    result: bytes = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    return result


def _rezip(package: bytes, target: Path, when: datetime, language: str) -> None:
    """Copy ebooklib's zip into `target` with fixed dates: mimetype first and stored.

    On the way the OPF gets its package-level ``xml:lang``.
    """
    stamp = max(_ZIP_EPOCH, (when.year, when.month, when.day, when.hour, when.minute, when.second))
    with (
        zipfile.ZipFile(io.BytesIO(package)) as src,
        zipfile.ZipFile(target, "w") as dst,
    ):
        names = src.namelist()
        if "mimetype" not in names:
            raise BackendError("EPUB packaging failed: no mimetype member")
        ordered = ["mimetype", *(name for name in names if name != "mimetype")]
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, whatever the build machine
            info.external_attr = 0o100644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                dst.writestr(info, src.read(name))
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                data = src.read(name)
                if name.endswith(".opf"):
                    data = _package_lang(data, language)
                dst.writestr(info, data, compresslevel=6)
