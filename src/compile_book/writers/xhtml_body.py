"""The body of an XHTML document: blocks, inlines, footnotes and the images figures show.

:mod:`.xhtml` builds documents (skeleton, headings, front matter, navigation);
this module renders what a chapter holds. :class:`Body` is one document's
renderer: it numbers the document's notes (numbering restarts in every
chapter) and sets them out after the text, and it registers each figure's
image in the book's :class:`Images`, once per distinct image. Every node type
is handled by a ``match`` ending in ``assert_never``.

Markup contract (every name is a constant below; the shapes follow Standard
Ebooks and pandoc's EPUB 3 writer)::

    <blockquote><p class="first">…</p></blockquote>
    <div class="verse" epub:type="z3998:verse">
      <p class="stanza"><span class="line">…</span><br/><span class="line">…</span></p>
    </div>
    <figure><img src="images/image-001.png" alt="…"/><figcaption>…</figcaption></figure>
    <ol start="3"><li><p class="first">…</p></li></ol>      <ul><li>…</li></ul>
    <pre><code>…</code></pre>     <code>…</code>     <del>…</del>     <br/>
    <a href="https://…">…</a>    (http, https and mailto only; anything else is plain text)
    … <a class="noteref" epub:type="noteref" role="doc-noteref" id="noteref-1"
         href="#note-1">1</a> …
    <aside class="footnote" epub:type="footnote" role="doc-footnote" id="note-1">
      <p class="first"><a class="note-backlink" role="doc-backlink"
         href="#noteref-1">1</a>. …</p>
    </aside>

Footnotes, not a book-end endnotes file: Apple Books and Kobo open an
``<aside epub:type="footnote">`` in a pop-up from its noteref (Apple Books
hides the aside from the page), Kindle does the same for KDP uploads, and a
reader without pop-ups still finds the note at the end of the same chapter,
one tap from the mark and one back.
"""

from __future__ import annotations

from typing import assert_never

from lxml import etree

from ..nodes import (
    Block,
    BlockQuote,
    CodeBlock,
    CodeSpan,
    Emphasis,
    Figure,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    Strikeout,
    Strong,
    Subheading,
    Telepathy,
    Text,
    Verse,
)
from .common import safe_href
from .images import Images
from .leadin import lead_in_count

# --------------------------------------------------------------------------- namespaces and tags

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_NS = "http://www.w3.org/XML/1998/namespace"
EPUB_TYPE = f"{{{EPUB_NS}}}type"
XML_LANG = f"{{{XML_NS}}}lang"


def _tag(name: str) -> str:
    return f"{{{XHTML_NS}}}{name}"


# Clark-notation tags, computed once: SubElement is called ~10^5 times for a long book.
H1 = _tag("h1")
H2 = _tag("h2")
H3 = _tag("h3")
IMG = _tag("img")
A = _tag("a")
P = _tag("p")
SPAN = _tag("span")
OL = _tag("ol")
LI = _tag("li")
BLOCKQUOTE = _tag("blockquote")
_UL = _tag("ul")
_HR = _tag("hr")
_EM = _tag("em")
_STRONG = _tag("strong")
_DEL = _tag("del")
_CODE = _tag("code")
_PRE = _tag("pre")
_BR = _tag("br")
_DIV = _tag("div")
_FIGURE = _tag("figure")
_FIGCAPTION = _tag("figcaption")
_ASIDE = _tag("aside")

# --------------------------------------------------------------------------- class names and types

CLASS_FIRST = "first"
CLASS_LEAD = "lead"
#: Words of a chapter's first line set in small caps (the print edition sets three).
LEAD_IN_WORDS = 3
CLASS_SCENE_BREAK = "scene-break"
CLASS_SUBHEAD = "subhead"
CLASS_TELEPATHIC = "telepathic"
CLASS_VERSE = "verse"
CLASS_STANZA = "stanza"
CLASS_LINE = "line"
CLASS_NOTEREF = "noteref"
CLASS_FOOTNOTE = "footnote"
CLASS_BACKLINK = "note-backlink"
#: After the number that opens a footnote (and links back to its mark).
NOTE_NUMBER_SEPARATOR = ". "

#: Verse of any kind (poem, song, address lines), in the Z39.98 structure vocabulary.
TYPE_VERSE = "z3998:verse"
#: Its declaration, on every document's root (EPUBCheck OPF-028 wants it declared
#: in content documents; Standard Ebooks declares it the same way).
EPUB_PREFIX = f"{{{EPUB_NS}}}prefix"
PREFIXES = "z3998: http://www.daisy.org/z3998/2012/vocab/structure/#"
TYPE_NOTEREF = "noteref"
TYPE_FOOTNOTE = "footnote"
ROLE_NOTEREF = "doc-noteref"
ROLE_FOOTNOTE = "doc-footnote"
ROLE_BACKLINK = "doc-backlink"
NOTE_ID = "note-{}"
NOTEREF_ID = "noteref-{}"

# --------------------------------------------------------------------------- the renderer

_FIRST = {"class": CLASS_FIRST}
_SCENE_BREAK = {"class": CLASS_SCENE_BREAK}
_sub = etree.SubElement


def _last(parent: etree._Element) -> etree._Element | None:
    """The last child of `parent` (where following text goes, as its tail).

    (Asked first of every new paragraph, which has none: a raised IndexError
    cost five times the count of its children.)
    """
    return parent[-1] if len(parent) else None


def _append_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        parent.text = text if parent.text is None else parent.text + text
    else:
        last.tail = text if last.tail is None else last.tail + text


class Body:
    """Renders the blocks and inlines of one document, then its footnotes.

    One instance per document: note numbers start at 1 in each. `images` is
    the book's registry, shared by all its documents.
    """

    def __init__(
        self,
        telepathic: str,
        images: Images | None = None,
        function_words: frozenset[str] = frozenset(),
    ) -> None:
        self.function_words = function_words
        self.telepathic = telepathic
        self.images = images if images is not None else Images()
        self._notes: list[Note] = []
        self._deferred: list[Note] = []
        self._in_link = False
        #: The tag of a subheading: a level below the chapter's heading
        #: (:meth:`~compile_book.writers.xhtml.Xhtml.chapter` sets it).
        self.subheading_tag = H3

    # ----------------------------------------------------------------------- blocks

    def blocks(
        self, parent: etree._Element, items: tuple[Block, ...], opening: bool = False
    ) -> None:
        """Blocks into `parent`; a scene break at either edge or doubled is dropped.

        A paragraph at the start or after a scene break is marked ``first`` (no
        indent); with `opening`, the first paragraph gets the small-caps lead-in.
        """
        first, started, pending = True, False, False
        for block in items:
            if isinstance(block, SceneBreak):
                pending = started
                continue
            if pending:
                _sub(parent, _HR, _SCENE_BREAK).tail = "\n"
                pending, first = False, True
            started = True
            match block:
                case Paragraph():
                    p = _sub(parent, P, _FIRST) if first else _sub(parent, P)
                    p.tail = "\n"
                    first = False
                    content = block.inlines
                    if opening:
                        content = _lead_in(p, content, self.function_words)
                        opening = False
                    self.inlines(p, content)
                case Subheading():
                    head = _sub(parent, self.subheading_tag, {"class": CLASS_SUBHEAD})
                    head.tail = "\n"
                    self.inlines(head, block.inlines)
                    first = True  # the text under it starts flush, as after a scene break
                case BlockQuote():
                    quote_el = _sub(parent, BLOCKQUOTE)
                    quote_el.text = quote_el.tail = "\n"
                    self.blocks(quote_el, block.blocks)
                case Verse():
                    self.verse(parent, block)
                case Figure():
                    self.figure(parent, block)
                case ListBlock():
                    self.list(parent, block)
                case CodeBlock():
                    pre = _sub(parent, _PRE)
                    pre.tail = "\n"
                    _sub(pre, _CODE).text = block.text
                case _:
                    assert_never(block)

    def verse(self, parent: etree._Element, verse: Verse) -> None:
        """One ``<p class="stanza">`` per stanza, one ``<span class="line">`` per line.

        The ``<br/>`` between lines keeps them apart where CSS is ignored; the
        stylesheet sets each line as a block with a hanging indent instead.
        """
        div = _sub(parent, _DIV, {"class": CLASS_VERSE, EPUB_TYPE: TYPE_VERSE})
        div.text = div.tail = "\n"
        stanza: etree._Element | None = None
        for line in verse.lines:
            if not line:
                stanza = None
                continue
            if stanza is None:
                stanza = _sub(div, P, {"class": CLASS_STANZA})
                stanza.tail = "\n"
            else:
                # Why the newline: text extraction (search, copy) would run the lines together.
                _sub(stanza, _BR).tail = "\n"
            self.inlines(_sub(stanza, SPAN, {"class": CLASS_LINE}), line)

    def figure(self, parent: etree._Element, figure: Figure) -> None:
        """``<figure><img src alt/><figcaption/></figure>``.

        An empty ``alt`` stays ``alt=""``: HTML's own mark of an image that
        adds nothing the text does not say (EPUBCheck and Ace accept it; a
        ``role="presentation"`` would only repeat it).
        """
        el = _sub(parent, _FIGURE)
        el.tail = "\n"
        _sub(el, IMG, {"src": self.images.add(figure), "alt": figure.alt.strip()})
        if figure.caption:
            self.inlines(_sub(el, _FIGCAPTION), figure.caption)

    def list(self, parent: etree._Element, node: ListBlock) -> None:
        """``<ol start>`` (start only when not 1) or ``<ul>``; each item's blocks in an ``<li>``."""
        attrs = {"start": str(node.start)} if node.ordered and node.start != 1 else None
        el = _sub(parent, OL if node.ordered else _UL, attrs)
        el.text = el.tail = "\n"
        for item in node.items:
            li = _sub(el, LI)
            li.tail = "\n"
            self.blocks(li, item)

    # ----------------------------------------------------------------------- inlines

    def inlines(self, parent: etree._Element, content: tuple[Inline, ...]) -> None:
        """Append inline nodes to `parent` as text, tails and nested elements."""
        last = _last(parent)
        for node in content:
            match node:
                case Text():
                    _append_text(parent, last, node.text)
                    continue
                case Emphasis():
                    self.inlines(_sub(parent, _EM), node.children)
                case Strong():
                    self.inlines(_sub(parent, _STRONG), node.children)
                case Telepathy():
                    self.inlines(_sub(parent, SPAN, {"class": self.telepathic}), node.children)
                case Strikeout():
                    self.inlines(_sub(parent, _DEL), node.children)
                case CodeSpan():
                    _sub(parent, _CODE).text = node.text
                case LineBreak():
                    _sub(parent, _BR)
                case Link():
                    self.link(parent, node)
                case Note():
                    self.noteref(parent, node)
                case _:
                    assert_never(node)
            last = _last(parent)

    def link(self, parent: etree._Element, node: Link) -> None:
        """``<a href>`` for a safe URL; otherwise (or inside another link) its text alone.

        Links never nest, so the mark of a note inside a link follows the link.
        """
        href = None if self._in_link else safe_href(node.url)
        if href is None:
            self.inlines(parent, node.children)
            return
        a = _sub(parent, A, {"href": href})
        self._in_link = True
        try:
            self.inlines(a, node.children or (Text(node.url, node.source),))
        finally:
            self._in_link = False
        deferred, self._deferred = self._deferred, []
        for note in deferred:
            self.noteref(parent, note)

    def noteref(self, parent: etree._Element, note: Note) -> None:
        """The note's number, linked to the note, where the note stands in the text."""
        if self._in_link:
            self._deferred.append(note)
            return
        self._notes.append(note)
        number = str(len(self._notes))
        attrs = {
            "class": CLASS_NOTEREF,
            EPUB_TYPE: TYPE_NOTEREF,
            "role": ROLE_NOTEREF,
            "id": NOTEREF_ID.format(number),
            "href": "#" + NOTE_ID.format(number),
        }
        _sub(parent, A, attrs).text = number

    # ----------------------------------------------------------------------- footnotes

    def footnotes(self, parent: etree._Element) -> None:
        """Every note referred to so far, in number order, as an ``<aside>`` at the end.

        A note met while writing another (a note inside a note) takes the next
        number and is set out after it: the list grows while it is walked.
        """
        done = 0
        while done < len(self._notes):
            note = self._notes[done]
            done += 1
            number = str(done)
            attrs = {
                "class": CLASS_FOOTNOTE,
                EPUB_TYPE: TYPE_FOOTNOTE,
                "role": ROLE_FOOTNOTE,
                "id": NOTE_ID.format(number),
            }
            aside = _sub(parent, _ASIDE, attrs)
            aside.text = aside.tail = "\n"
            self.blocks(aside, note.blocks)
            _backlink(aside, number)

    @property
    def note_count(self) -> int:
        return len(self._notes)


def _backlink(aside: etree._Element, number: str) -> None:
    """Open the note with its number, linked back to the mark in the text."""
    first = aside[0] if len(aside) else None
    if first is None or first.tag != P:
        first = etree.Element(P, _FIRST)
        first.tail = "\n"
        aside.insert(0, first)
    attrs = {
        "class": CLASS_BACKLINK,
        "role": ROLE_BACKLINK,
        "href": "#" + NOTEREF_ID.format(number),
    }
    a = etree.Element(A, attrs)
    a.text = number
    a.tail = NOTE_NUMBER_SEPARATOR + (first.text or "")
    first.text = None
    first.insert(0, a)


def _lead_in(
    p: etree._Element, content: tuple[Inline, ...], function_words: frozenset[str]
) -> tuple[Inline, ...]:
    """Set a chapter's first words in small caps, as the print edition does (not
    ending on a function word: :func:`~compile_book.writers.leadin.lead_in_count`).

    Only when the paragraph opens with plain text holding enough words; the
    span is placed in ``p`` and the rest of the inlines are returned.
    """
    if not content or not isinstance(content[0], Text):
        return content
    head = content[0]
    words = head.text.split(" ")
    lead = lead_in_count(words, LEAD_IN_WORDS, function_words)
    if len(words) <= lead:
        return content
    span = _sub(p, SPAN, {"class": CLASS_LEAD})
    span.text = " ".join(words[:lead])
    rest = Text(" " + " ".join(words[lead:]), head.source)
    return (rest, *content[1:])
