"""Pictures: ``draw:frame`` / ``draw:image`` -> :class:`~compile_book.nodes.Figure`.

The picture's bytes come from the package (``Pictures/...``); its kind is
read from the bytes themselves, since a name can lie. What an e-book cannot
show is left out with a warning that says what to do: a picture linked
rather than embedded, a format such as WMF, EMF or BMP, a chart or formula
object. LibreOffice stores an SVG picture with a PNG fallback in one frame;
the first picture a book can use is taken. The alternative text is the
frame's ``svg:title`` (LibreOffice's "Text Alternative"), else its
``svg:desc`` ("Description").
"""

from __future__ import annotations

import base64
import binascii
import re

from lxml import etree

from ...diagnostics import Code, Reporter
from ...nodes import Figure, Image, Inline, Source
from ...rules.images import media_type_of
from .package import Package, q, text_in

# Why: a reference with a scheme (http:, file:) is a picture linked from outside, never fetched.
_EXTERNAL_RE = re.compile(r"[a-z][a-z0-9+.-]*:", re.I)


def media_type(data: bytes) -> str | None:
    """The picture's type from its first bytes, if it is one an EPUB may hold."""
    return media_type_of(data)


def alt_text(frame: etree._Element) -> str:
    for tag in ("title", "desc"):
        node = frame.find(q("svg", tag))
        if node is not None and text_in(node):
            return text_in(node)
    return ""


def figure(
    package: Package, frame: etree._Element, source: Source, reporter: Reporter
) -> Figure | None:
    """The figure a frame's picture makes, or ``None`` (reported) when a book cannot use it."""
    problem = ""
    for image in frame.findall(q("draw", "image")):
        href = (image.get(q("xlink", "href")) or "").strip()
        data: bytes | None = None
        if href and _EXTERNAL_RE.match(href):
            problem = (
                problem or f"picture {href!r} is linked, not embedded; insert it into the document"
            )
            continue
        if href:
            data = package.member(href)
        else:
            data = _inline(image)
            href = "embedded picture"
        kind = media_type(data) if data else None
        if data and kind:
            return Figure(Image(href, kind, data), alt_text(frame), source)
        problem = problem or (
            f"picture {href!r} is missing from the document; insert it again"
            if not data
            else f"picture {href!r} is in a format e-books cannot show; insert it as PNG or JPEG"
        )
    if not problem and frame.find(q("draw", "object")) is not None:
        problem = "an embedded object (a chart or formula) has no picture a book can show"
    if problem:
        reporter.add(Code.IMAGE_LEFT_OUT, f"{problem} (left out)", source.file, source.line)
    return None


def with_caption(fig: Figure, caption: tuple[Inline, ...]) -> Figure:
    return Figure(fig.image, fig.alt, fig.source, caption)


def _inline(image: etree._Element) -> bytes | None:
    node = image.find(q("office", "binary-data"))
    if node is None or not node.text:
        return None
    try:
        return base64.b64decode("".join(node.text.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
