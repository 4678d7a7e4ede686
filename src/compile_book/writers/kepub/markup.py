"""Kobo's markup on one XHTML content document, as kepubify adds it.

kepubify (``TransformContent`` in ``kepub/transform.go``) makes three changes
it calls mandatory, "to match official KEPUBs", and they are the only ones
made here, in its order:

1. **styles**: a ``<style class="kobostylehacks">`` at the end of the head
   (kepubify's reduced form of Kobo's own rules: only the wrappers' vertical
   margins, no font size, link colour or margin overrides);
2. **wrappers**: the body's content inside ``div#book-columns >
   div#book-inner``, the target of Kobo's pagination styles;
3. **spans**: every run of text cut into sentence segments
   (:mod:`.sentences`), each in ``<span class="koboSpan" id="kobo.P.S">``.
   Kobo's highlights, bookmarks and reading position need them.

The span rules are kepubify's ``transformContentKoboSpans``:

* the paragraph number ``P`` goes up by one at the first span inside each
  ``p``, ``ol``, ``ul``, ``table`` and heading ``h1``-``h6`` (headings get
  spans like paragraphs do), never for a block that gets no span; the
  segment number ``S`` restarts at 1;
* an ``img`` starts a paragraph of its own and is wrapped in a span;
* text inside ``script``, ``style``, ``pre``, ``audio``, ``video``, ``svg``
  and ``math`` is left as it is (a code block keeps its exact text);
* whitespace-only text is wrapped only when it stands directly in a ``p``;
  elsewhere (between blocks) it stays bare;
* a document that already has wrappers or spans keeps them (the step is skipped).

Everything is done on the lxml tree: text is moved into new elements, never
spliced into markup, so no character of the book can be lost or escaped twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..xhtml import serialise
from .sentences import is_space, split_sentences

__all__ = [
    "KOBO_CSS",
    "KOBO_SPAN",
    "add_spans",
    "add_style",
    "close_explicitly",
    "kobo_document",
    "wrap_body",
]

_XHTML = "http://www.w3.org/1999/xhtml"
_SPAN = f"{{{_XHTML}}}span"
_DIV = f"{{{_XHTML}}}div"
_STYLE = f"{{{_XHTML}}}style"

KOBO_SPAN = "koboSpan"
KOBO_STYLE_CLASS = "kobostylehacks"
#: kepubify's ``transformContentKoboStyles``, character for character.
KOBO_CSS = "div#book-inner { margin-top: 0; margin-bottom: 0;}"
OUTER_ID = "book-columns"
INNER_ID = "book-inner"

_PARAGRAPHS = frozenset({"p", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6"})
#: HTML's void elements: the only ones written self-closed (``<img/>``, ``<br/>``).
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_KEPT_AS_IS = frozenset({"script", "style", "pre", "audio", "video", "svg", "math"})

# Why huge_tree: the document is our own, and a chapter may hold one very long paragraph.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def kobo_document(content: bytes) -> bytes:
    """One serialised XHTML document with Kobo's styles, wrappers and spans added."""
    html = etree.fromstring(content, _PARSER)
    add_style(html)
    body = _child(html, "body")
    if body is not None:
        wrap_body(body)
        add_spans(body)
    close_explicitly(html)
    return serialise(html)


def close_explicitly(html: etree._Element) -> None:
    """Write an empty non-void element as ``<p></p>``, never ``<p/>``.

    Why: kepubify renders "polyglot" markup, "never self-closing non-void
    elements", so a renderer that reads the file as HTML nests it right. lxml
    writes ``<p/>`` for an element without text, which reading the EPUB's
    ``<p></p>`` back gives; an empty text keeps it open.
    """
    for element in html.iter(f"{{{_XHTML}}}*"):
        if element.text is None and not len(element) and _local(element) not in _VOID:
            element.text = ""


def add_style(html: etree._Element) -> None:
    """Kobo's style element, last in the head."""
    head = _child(html, "head")
    if head is None or any(e.get("class") == KOBO_STYLE_CLASS for e in head.iter(_STYLE)):
        return
    style = etree.SubElement(head, _STYLE, {"type": "text/css", "class": KOBO_STYLE_CLASS})
    style.text = KOBO_CSS


def wrap_body(body: etree._Element) -> None:
    """Move everything in `body` into ``div#book-columns > div#book-inner``."""
    for outer in body.iterchildren(_DIV):
        if outer.get("id") == OUTER_ID and any(
            inner.get("id") == INNER_ID for inner in outer.iterchildren(_DIV)
        ):
            return
    children = list(body)
    # Made inside the document: moving a large subtree between lxml documents is quadratic.
    outer = etree.SubElement(body, _DIV, {"id": OUTER_ID})
    inner = etree.SubElement(outer, _DIV, {"id": INNER_ID})
    inner.text, body.text = body.text, None
    for child in children:
        inner.append(child)  # lxml moves each child with its tail


@dataclass
class _Numbers:
    """kepubify's counters: paragraph, segment, and "a new paragraph starts at the next span"."""

    para: int = 0
    seg: int = 0
    pending: bool = False

    def next_id(self) -> str:
        if self.pending:
            self.para, self.seg, self.pending = self.para + 1, 0, False
        self.seg += 1
        return f"kobo.{self.para}.{self.seg}"

    def image_id(self) -> str:
        self.para, self.seg, self.pending = self.para + 1, 0, False
        return self.next_id()


def add_spans(body: etree._Element) -> None:
    """Wrap every sentence segment under `body` in a numbered ``koboSpan``."""
    if any(KOBO_SPAN in (e.get("class") or "").split() for e in body.iter(_SPAN)):
        return
    _walk(body, _Numbers())


def _walk(element: etree._Element, numbers: _Numbers) -> None:
    """Depth first, in document order: the element's text, then each child and its tail."""
    name = _local(element)
    if name in _PARAGRAPHS:
        numbers.pending = True
    in_p = name == "p"
    children = list(element)  # before any span goes in: spans are not walked again
    if element.text:
        text, element.text = element.text, None
        _place(element, None, text, numbers, in_p)
    for child in children:
        anchor = child
        if isinstance(child.tag, str):  # comments and processing instructions have no text
            child_name = _local(child)
            if child_name == "img" and child.tag == f"{{{_XHTML}}}img":
                anchor = _wrap_image(child, numbers)
            elif child_name not in _KEPT_AS_IS:
                _walk(child, numbers)
        if anchor.tail:
            text, anchor.tail = anchor.tail, None
            _place(element, anchor, text, numbers, in_p)


def _place(
    parent: etree._Element,
    anchor: etree._Element | None,
    text: str,
    numbers: _Numbers,
    in_p: bool,
) -> None:
    """Put `text` back where it was (``parent.text`` or ``anchor.tail``), a span per segment."""
    for piece in split_sentences(text):
        if is_space(piece) and not in_p:
            if anchor is None:
                parent.text = (parent.text or "") + piece
            else:
                anchor.tail = (anchor.tail or "") + piece
            continue
        span = _new_span(parent, numbers.next_id())
        span.text = piece
        if anchor is None:
            parent.insert(0, span)
        else:
            anchor.addnext(span)  # after the anchor and its tail
        anchor = span


def _wrap_image(image: etree._Element, numbers: _Numbers) -> etree._Element:
    """Put `image` in a span of its own (a paragraph of its own); the span takes its tail."""
    tail, image.tail = image.tail, None
    span = _new_span(image.getparent(), numbers.image_id())
    image.addnext(span)
    span.append(image)
    span.tail = tail
    return span


def _new_span(parent: etree._Element | None, uid: str) -> etree._Element:
    """A koboSpan made in `parent`'s document (the caller moves it to its place)."""
    assert parent is not None  # an image is never the root
    return etree.SubElement(parent, _SPAN, {"class": KOBO_SPAN, "id": uid})


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return element.find(f"{{{_XHTML}}}{name}")


def _local(element: etree._Element) -> str:
    """The tag's local name (``p`` for ``{http://www.w3.org/1999/xhtml}p``)."""
    return str(element.tag).rpartition("}")[2]
