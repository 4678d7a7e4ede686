"""The XHTML visitor: tree nodes to XHTML elements, shared by the EPUB and any HTML output.

Every node type is handled by a ``match`` that ends in ``assert_never``, so a
node type added to :mod:`compile_book.nodes` fails type-checking here until it
is written. Elements are built with lxml one by one, so all prose is escaped
by lxml and no markup is ever assembled from strings.

Markup contract (other tools and tests rely on it; every name is a constant
below)::

    <section epub:type="chapter" role="doc-chapter" id="chapter-029">
      <header>
        <h1><span class="label">Chapter</span> <span class="number">29</span> <span
            class="title">All for nothing.</span></h1>
        <p class="subtitle">…</p>
      </header>
      <p class="first"><span class="lead">The first three</span> words…</p>
      <p>… <span class="telepathic">… <em>…</em></span> … <strong>…</strong></p>
      <hr class="scene-break"/>
      <p class="first">…</p>
    </section>

What a chapter holds (quotations, verse, figures, lists, code, links and
footnotes) is rendered by :class:`.xhtml_body.Body`; its contract is written
there. Chapters use ``h1`` when the book has no real parts, ``h2`` under part pages
(``<section epub:type="part">`` with an ``h1``). Prologues and epilogues take
``epub:type="prologue"``/``"epilogue"``; an interlude is a ``chapter``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from lxml import etree

from ..errors import BackendError
from ..nodes import ChapterKind, CopyrightPage, Dedication, Epigraph, Source, TitlePage
from .common import Entry, Headings, PrintedHeading, TelepathyStyle, TocEntry
from .images import Images
from .xhtml_body import (
    BLOCKQUOTE,
    CLASS_FIRST,
    CLASS_LEAD,
    CLASS_SCENE_BREAK,
    CLASS_TELEPATHIC,
    EPUB_NS,
    EPUB_PREFIX,
    EPUB_TYPE,
    H1,
    H2,
    H3,
    IMG,
    LEAD_IN_WORDS,
    LI,
    OL,
    PREFIXES,
    SPAN,
    XHTML_NS,
    XML_LANG,
    XML_NS,
    A,
    Body,
    P,
)

__all__ = [
    "CLASS_FIRST",
    "CLASS_LEAD",
    "CLASS_SCENE_BREAK",
    "CLASS_TELEPATHIC",
    "EPUB_NS",
    "EPUB_TYPE",
    "H1",
    "H2",
    "IMG",
    "LEAD_IN_WORDS",
    "XHTML_NS",
    "XML_LANG",
    "XML_NS",
    "Body",
    "Images",
    "Xhtml",
    "landmarks_nav",
    "para",
    "serialise",
    "telepathy_class",
]

_NSMAP: dict[str | None, str] = {None: XHTML_NS, "epub": EPUB_NS}
_DOCTYPE = "<!DOCTYPE html>"


def _tag(name: str) -> str:
    return f"{{{XHTML_NS}}}{name}"


_HTML = _tag("html")
_HEAD = _tag("head")
_TITLE = _tag("title")
_LINK = _tag("link")
_BODY = _tag("body")
_SECTION = _tag("section")
_HEADER = _tag("header")
_NAV = _tag("nav")

# --------------------------------------------------------------------------- class names

CLASS_LABEL = "label"
CLASS_NUMBER = "number"
CLASS_TITLE = "title"
CLASS_SUBTITLE = "subtitle"
CLASS_COVER = "cover"
CLASS_TITLEPAGE = "titlepage"
CLASS_AUTHOR = "author"
CLASS_PUBLISHER = "publisher"
CLASS_COPYRIGHT = "copyright"
CLASS_DEDICATION = "dedication"
CLASS_EPIGRAPH = "epigraph"
CLASS_EPIGRAPH_SOURCE = "epigraph-source"
CLASS_TOC = "toc"
#: Set before an epigraph's attribution: an em dash and a space.
ATTRIBUTION_DASH = "— "

# --------------------------------------------------------------------------- epub:type values

TYPE_CHAPTER = "chapter"
TYPE_PROLOGUE = "prologue"
TYPE_EPILOGUE = "epilogue"
TYPE_AFTERWORD = "afterword"
TYPE_ACKNOWLEDGMENTS = "acknowledgments"
#: Back matter with no term of its own (about the author, also by, newsletter, ...).
TYPE_BACKMATTER = "backmatter"
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
ROLES = {
    TYPE_CHAPTER: "doc-chapter",
    TYPE_PROLOGUE: "doc-prologue",
    TYPE_EPILOGUE: "doc-epilogue",
    TYPE_AFTERWORD: "doc-afterword",
    TYPE_ACKNOWLEDGMENTS: "doc-acknowledgments",
    TYPE_PART: "doc-part",
    TYPE_COVER: "doc-cover",
    TYPE_DEDICATION: "doc-dedication",
    TYPE_EPIGRAPH: "doc-epigraph",
    TYPE_TOC: "doc-toc",
}

CHAPTER_TYPES = {
    ChapterKind.CHAPTER: TYPE_CHAPTER,
    ChapterKind.PROLOGUE: TYPE_PROLOGUE,
    ChapterKind.EPILOGUE: TYPE_EPILOGUE,
    ChapterKind.INTERLUDE: TYPE_CHAPTER,
    ChapterKind.AFTERWORD: TYPE_AFTERWORD,
    ChapterKind.ACKNOWLEDGMENTS: TYPE_ACKNOWLEDGMENTS,
    ChapterKind.DISCUSSION: TYPE_BACKMATTER,
    ChapterKind.ABOUT_AUTHOR: TYPE_BACKMATTER,
    ChapterKind.ALSO_BY: TYPE_BACKMATTER,
    ChapterKind.NEWSLETTER: TYPE_BACKMATTER,
    ChapterKind.EXCERPT: TYPE_CHAPTER,
    ChapterKind.BACKMATTER: TYPE_BACKMATTER,
}


def telepathy_class(style: TelepathyStyle) -> str:
    """``telepathic``, plus the style when it is not the stylesheet's default (italic)."""
    return CLASS_TELEPATHIC if style == "italic" else f"{CLASS_TELEPATHIC} {style}"


# --------------------------------------------------------------------------- documents


class Xhtml:
    """Renders one book's nodes as XHTML documents (lxml element trees).

    Holds what every document of the book shares: its language, the stylesheet
    link, how headings print, the class mind-speech takes and the registry of
    the images its figures show (read by the packaging once every document is
    written).
    """

    def __init__(
        self,
        lang: str,
        headings: Headings,
        telepathy: TelepathyStyle,
        css: str,
        images: Images | None = None,
    ) -> None:
        self.lang = lang
        self.headings = headings
        self.telepathic = telepathy_class(telepathy)
        self.css = css
        self.images = images if images is not None else Images()

    def skeleton(self, title: str) -> tuple[etree._Element, etree._Element]:
        """``<html lang xml:lang><head><title/><link css/></head><body/></html>``."""
        # lxml-stubs type nsmap keys as str, but None (the default namespace) is valid.
        attrs = {"lang": self.lang, XML_LANG: self.lang, EPUB_PREFIX: PREFIXES}
        html = etree.Element(_HTML, attrs, nsmap=_NSMAP)  # type: ignore[arg-type]
        head = etree.SubElement(html, _HEAD)
        etree.SubElement(head, _TITLE).text = title
        etree.SubElement(head, _LINK, {"rel": "stylesheet", "type": "text/css", "href": self.css})
        body = etree.SubElement(html, _BODY)
        body.text = "\n"
        return html, body

    # ----------------------------------------------------------------------- body

    def body(self) -> Body:
        """A renderer for one document's text: its own note numbers, the book's images."""
        return Body(self.telepathic, self.images, self.headings.locale.function_words)

    def chapter(self, entry: Entry, title: str, tag: str) -> etree._Element:
        """A chapter document: its section, header (when it has one), blocks and footnotes."""
        chapter = entry.chapter
        html, body = self.skeleton(title)
        # The class names the kind for the stylesheet (back matter is set apart).
        cls = str(chapter.kind) if chapter.kind.is_back else None
        section = _section(body, CHAPTER_TYPES[chapter.kind], entry.uid, cls)
        printed = self.headings.chapter(chapter.heading) if chapter.heading else None
        text = self.body()
        # A subheading is a level below the chapter's heading (the same level when the
        # chapter prints none: headings never skip a level).
        shown = printed is not None and bool(printed.line)
        text.subheading_tag = {H1: H2, H2: H3}[tag] if shown else tag
        with _in_xml(chapter.source, "this chapter"):
            if printed is not None and printed.line:
                self.header(section, printed, tag, text)
            else:
                # No visible heading: name the section for screen readers as the toc does.
                section.set("aria-label", entry.name)
            text.blocks(section, chapter.blocks, opening=chapter.kind.opens_as_text)
            text.footnotes(section)
        return html

    def part(self, printed: PrintedHeading, uid: str, source: Source) -> etree._Element:
        """A part title page (with the notes its heading may carry)."""
        html, body = self.skeleton(printed.line)
        # The class, not only epub:type: Kindle and epub.js readers drop epub|type selectors.
        section = _section(body, TYPE_PART, uid, "part")
        text = self.body()
        with _in_xml(source, "this part heading"):
            self.header(section, printed, H1, text)
            text.footnotes(section)
        return html

    def header(
        self, section: etree._Element, heading: PrintedHeading, tag: str, text: Body
    ) -> None:
        """``<header><hN>label number title</hN><p class="subtitle"/></header>``."""
        header = etree.SubElement(section, _HEADER)
        header.tail = "\n"
        h = etree.SubElement(header, tag)
        last: etree._Element | None = None
        for word, cls in ((heading.label, CLASS_LABEL), (heading.number, CLASS_NUMBER)):
            if word:
                if last is not None:
                    last.tail = " "
                last = etree.SubElement(h, SPAN, {"class": cls})
                last.text = word
        if heading.title:
            # Why the space: text extraction and screen readers would otherwise run
            # "29" into the title; CSS sets the title on its own line.
            if last is not None:
                last.tail = " "
            span = etree.SubElement(h, SPAN, {"class": CLASS_TITLE})
            text.inlines(span, heading.title)
        if heading.subtitle:
            sub = etree.SubElement(header, P, {"class": CLASS_SUBTITLE})
            text.inlines(sub, heading.subtitle)

    # ----------------------------------------------------------------------- front matter

    def title_page(self, node: TitlePage) -> etree._Element:
        html, body = self.skeleton(node.title)
        section = _section(body, TYPE_TITLEPAGE, "titlepage", CLASS_TITLEPAGE)
        etree.SubElement(section, H1, {"class": CLASS_TITLE}).text = node.title
        if node.subtitle:
            para(section, node.subtitle, CLASS_SUBTITLE)
        for author in node.authors:
            para(section, author, CLASS_AUTHOR)
        if node.publisher:
            para(section, node.publisher, CLASS_PUBLISHER)
        return html

    def lines_page(self, node: CopyrightPage | Dedication) -> etree._Element:
        """The copyright page or the dedication: one paragraph per line."""
        if isinstance(node, CopyrightPage):
            epub_type, uid, cls = TYPE_COPYRIGHT, "copyright", CLASS_COPYRIGHT
        else:
            epub_type, uid, cls = TYPE_DEDICATION, "dedication", CLASS_DEDICATION
        html, body = self.skeleton(node.heading)
        section = _section(body, epub_type, uid, cls)
        for line in node.lines:
            para(section, line)
        return html

    def epigraph(self, node: Epigraph) -> etree._Element:
        html, body = self.skeleton(node.heading)
        section = _section(body, TYPE_EPIGRAPH, "epigraph", CLASS_EPIGRAPH)
        quote = etree.SubElement(section, BLOCKQUOTE)
        for line in node.lines:
            para(quote, line)
        if node.attribution:
            para(section, ATTRIBUTION_DASH + node.attribution, CLASS_EPIGRAPH_SOURCE)
        return html

    def contents_nav(
        self, body: etree._Element, title: str, entries: Sequence[TocEntry], suffix: str
    ) -> None:
        """``<nav epub:type="toc">`` with the title and nested lists; hrefs are ``uid + suffix``."""
        attrs = {EPUB_TYPE: TYPE_TOC, "id": TYPE_TOC, "role": ROLES[TYPE_TOC], "class": CLASS_TOC}
        nav = etree.SubElement(body, _NAV, attrs)
        nav.tail = "\n"
        etree.SubElement(nav, H1).text = title
        _toc_list(nav, entries, suffix)


def _toc_list(parent: etree._Element, entries: Sequence[TocEntry], suffix: str) -> None:
    ol = etree.SubElement(parent, OL)
    for entry in entries:
        li = etree.SubElement(ol, LI)
        li.tail = "\n"
        etree.SubElement(li, A, {"href": entry.uid + suffix}).text = entry.label
        if entry.children:
            _toc_list(li, entry.children, suffix)


def landmarks_nav(body: etree._Element, title: str, marks: Sequence[tuple[str, str, str]]) -> None:
    """The hidden ``<nav epub:type="landmarks">``: ``(epub:type, href, label)`` links."""
    nav = etree.SubElement(body, _NAV, {EPUB_TYPE: TYPE_LANDMARKS, "id": TYPE_LANDMARKS})
    nav.set("hidden", "hidden")
    etree.SubElement(nav, H2).text = title
    ol = etree.SubElement(nav, OL)
    for epub_type, href, label in marks:
        a = etree.SubElement(etree.SubElement(ol, LI), A, {EPUB_TYPE: epub_type, "href": href})
        a.text = label


# --------------------------------------------------------------------------- helpers


def _section(
    body: etree._Element, epub_type: str, uid: str, cls: str | None = None
) -> etree._Element:
    attrs = {EPUB_TYPE: epub_type, "id": uid}
    role = ROLES.get(epub_type)
    if role:
        attrs["role"] = role
    if cls:
        attrs["class"] = cls
    section = etree.SubElement(body, _SECTION, attrs)
    section.text = "\n"
    section.tail = "\n"
    return section


def para(parent: etree._Element, text: str, cls: str | None = None) -> etree._Element:
    """``<p class>text</p>`` on a line of its own."""
    p = etree.SubElement(parent, P, {"class": cls} if cls else None)
    p.text = text
    p.tail = "\n"
    return p


def serialise(html: etree._Element) -> bytes:
    """A finished document as UTF-8 bytes with its XML declaration and doctype."""
    return etree.tostring(html, encoding="utf-8", xml_declaration=True, doctype=_DOCTYPE)


@contextlib.contextmanager
def _in_xml(source: Source, what: str) -> Iterator[None]:
    """Turn lxml's refusal of text XML cannot hold into a :class:`BackendError` at `source`."""
    try:
        yield
    except ValueError as exc:
        raise BackendError(
            f"cannot write {what} as XHTML ({exc})", source.file, source.line
        ) from None
