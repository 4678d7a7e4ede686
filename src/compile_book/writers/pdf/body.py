"""A chapter's blocks and inlines as the JSON data the Typst template walks.

Prose stays data: every string here reaches Typst as a JSON string and is
set as text, never read as markup. Images are the one thing JSON cannot
carry: each figure's bytes are collected under a name made from their hash
(``img-<sha1>.png``), so the template loads them with ``image(name)`` and a
path from the manuscript never reaches Typst. Shapes (the template's header
lists them too)::

    blocks:  {type: "paragraph", inlines, simple?}
           | {type: "paragraph", words, tail?, punct?, initial?, then?, simple?}
             (then: the next paragraphs' words, which a drop cap may take beside it)
           | {type: "scene-break"} | {type: "quote", blocks}
           | {type: "verse", stanzas: [[inlines]]}  (a stanza is a list of lines)
           | {type: "figure", path, alt, caption: inlines}
           | {type: "list", ordered, start, items: [[blocks]]} | {type: "code-block", text}
    inlines: a string | {type: "emphasis" | "strong" | "telepathy" | "strike", children}
           | {type: "link", url (none unless http(s) or mailto), children}
           | {type: "code", text} | {type: "linebreak"} | {type: "note", blocks}

Prose too long for a page to hold as written (a paragraph of a megabyte, a
word of thousands of letters) is made printable by :mod:`.extremes`.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from typing import Any, assert_never

from lxml import etree
from PIL import Image, UnidentifiedImageError

from ... import nodes
from ...errors import InputError
from ..images import figure_raster
from .extremes import Word, head_and_tail, is_prose, mark_simple, prose
from .opening import lead_in_length, mark_opening

# Why: only web and mail addresses make sense as a link in a PDF; any other
# scheme (javascript:, file:, a relative path) prints as plain text.
_LINKABLE = re.compile(r"^(?:https?://|mailto:)\S+$", re.IGNORECASE)

_SCHEME = re.compile(r"^(?:https?://|mailto:)(?:www\.)?", re.IGNORECASE)


def printed_url(link: nodes.Link) -> str | None:
    """The address a printed page shows after a link's text, which paper cannot click:
    ``example.com/books`` (scheme dropped), or ``None`` when the text already shows it
    or the link goes nowhere a reader could type."""
    url = link.url.strip()
    if not _LINKABLE.match(url):
        return None
    shown = _SCHEME.sub("", url).rstrip("/")
    text = nodes.plain_text(link.children).strip()
    if not text or _SCHEME.sub("", text).rstrip("/") == shown:
        return None
    return shown


#: Raster formats Typst can place, as Pillow names them, with the extension Typst reads.
_RASTER = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
SVG = "image/svg+xml"

# Why: a drop cap takes one letter; punctuation before it (an opening quote, the
# apostrophe of an elision such as ’Tis) is set at text size beside it.
_INITIAL = re.compile(r"^([^\w\s]*)(\w[\u0300-\u036f]*)")

#: Paragraphs after a short opening that a drop cap may take beside it, so the cap
#: is as deep in every chapter (the template uses as many as it needs).
THEN_PARAGRAPHS = 2
#: Only an opening shorter than this (in characters) can leave the cap's lines
#: unfilled, and only paragraphs this short together go beside it: measuring more
#: for the cap would cost time for nothing (a huge paragraph is ``extremes``' case).
THEN_LIMIT = 2000


@dataclass
class Body:
    """Turns blocks into template data and gathers the images they show.

    ``images`` maps each file name the data refers to onto its bytes; the
    typesetter hands them to Typst beside the template.
    """

    drop_cap: bool
    lead_words: int
    function_words: frozenset[str] = frozenset()
    """Words a small-caps lead-in must not end on (the locale's)."""
    images: dict[str, bytes] = field(default_factory=dict)
    print_urls: bool = False
    """Print each link's address after its text (back matter: paper cannot be clicked,
    and a reader must be able to type the store's or newsletter's address)."""

    def chapter(self, blocks: tuple[nodes.Block, ...]) -> list[dict[str, Any]]:
        """A chapter's blocks; an opening paragraph gets the drop cap and lead-in."""
        out = self.blocks(blocks)
        if blocks and isinstance(blocks[0], nodes.Paragraph):
            out[0] = self.opening(blocks[0])
            if "initial" in out[0]:
                out[0]["then"] = self.then(blocks)
        return out

    def then(self, blocks: tuple[nodes.Block, ...]) -> list[list[Word]]:
        """The paragraphs that may go on beside the cap when the opening is short."""
        used = len(nodes.plain_text(blocks[0].inlines)) if blocks else 0  # type: ignore[union-attr]
        out: list[list[Word]] = []
        for block in blocks[1 : 1 + THEN_PARAGRAPHS]:
            if not isinstance(block, nodes.Paragraph):
                break
            used += len(nodes.plain_text(block.inlines))
            if used > THEN_LIMIT:
                break
            out.append(self.words(block.inlines))
        return out

    def blocks(self, blocks: tuple[nodes.Block, ...]) -> list[dict[str, Any]]:
        return [self.block(block) for block in blocks]

    def block(self, block: nodes.Block) -> dict[str, Any]:
        match block:
            case nodes.Paragraph():
                out = {"type": "paragraph", "inlines": self.inlines(block.inlines)}
                return mark_simple(out, block)
            case nodes.SceneBreak():
                return {"type": "scene-break"}
            case nodes.Subheading():
                return {"type": "subhead", "inlines": self.inlines(block.inlines)}
            case nodes.BlockQuote():
                return {"type": "quote", "blocks": self.blocks(block.blocks)}
            case nodes.Verse():
                return {"type": "verse", "stanzas": self.stanzas(block.lines)}
            case nodes.Figure():
                return self.figure(block)
            case nodes.ListBlock():
                items = [self.blocks(item) for item in block.items]
                return {
                    "type": "list",
                    "ordered": block.ordered,
                    "start": block.start,
                    "items": items,
                }
            case nodes.CodeBlock():
                return {"type": "code-block", "text": block.text.rstrip("\n")}
            case _:
                assert_never(block)

    def stanzas(self, lines: tuple[tuple[nodes.Inline, ...], ...]) -> list[list[list[Any]]]:
        """Verse lines grouped into stanzas (empty lines separate them; runs of them count once)."""
        stanzas: list[list[list[Any]]] = [[]]
        for line in lines:
            if line:
                stanzas[-1].append(self.inlines(line))
            elif stanzas[-1]:
                stanzas.append([])
        return [stanza for stanza in stanzas if stanza]

    def figure(self, figure: nodes.Figure) -> dict[str, Any]:
        return {
            "type": "figure",
            "path": self.image_file(figure),
            "alt": figure.alt,
            "caption": self.inlines(figure.caption),
        }

    def image_file(self, figure: nodes.Figure) -> str:
        """The name the template loads the figure's image by (checked readable first)."""
        ext = _image_extension(figure)
        data = figure_raster(figure).data  # decoded; CMYK and 16-bit made 8-bit RGB
        name = f"img-{hashlib.sha1(data).hexdigest()}.{ext}"
        self.images[name] = data
        return name

    # ------------------------------------------------------------------- inlines

    def inlines(self, content: tuple[nodes.Inline, ...]) -> list[Any]:
        out: list[Any] = []
        for node in content:
            match node:
                case nodes.Text():
                    # Adjacent runs become one string: fewer nodes for Typst to walk.
                    if out and isinstance(out[-1], str):
                        out[-1] += prose(node.text)
                    else:
                        out.append(prose(node.text))
                case nodes.Link():
                    url = node.url.strip()
                    link = url if _LINKABLE.match(url) else None
                    children = self.inlines(node.children)
                    out.append({"type": "link", "url": link, "children": children})
                    shown = printed_url(node) if self.print_urls else None
                    if shown:
                        out.append(f" ({shown})")
                case nodes.Emphasis() | nodes.Strong() | nodes.Telepathy() | nodes.Strikeout():
                    children = self.inlines(node.children)
                    out.append({"type": _STYLE[type(node)], "children": children})
                case nodes.CodeSpan() | nodes.LineBreak() | nodes.Note():
                    out.append(self.atom(node))
                case _:
                    assert_never(node)
        return out

    def atom(self, node: nodes.CodeSpan | nodes.LineBreak | nodes.Note) -> dict[str, Any]:
        """An inline that is not running text: code, a line break, a note."""
        match node:
            case nodes.CodeSpan():
                return {"type": "code", "text": node.text}
            case nodes.LineBreak():
                return {"type": "linebreak"}
            case nodes.Note():
                return {"type": "note", "blocks": self.blocks(node.blocks)}
            case _:
                assert_never(node)

    # ------------------------------------------------------------------- the opening

    def opening(self, paragraph: nodes.Paragraph) -> dict[str, Any]:
        """A chapter's opening paragraph as words: ``words`` is one list of pieces
        per word, a piece ``[text, styles]`` (outermost style first) or a non-text
        inline node; the first `lead_words` words are marked for small caps
        whatever style they are in (code excepted); with a drop cap, its letter
        is in ``initial`` and any punctuation before it in ``punct`` (both
        taken off the first word). A paragraph marked ``simple`` keeps only its
        first words in ``words``; the rest follow in ``tail`` as pieces, spaces
        included."""
        words = self.words(paragraph.inlines)
        out: dict[str, Any] = {"type": "paragraph", "words": words, "inlines": []}
        if not words:
            return out
        first = words[0][0]
        match = _INITIAL.match(first[0]) if is_prose(first) else None
        if self.drop_cap and match is not None:
            out["punct"] = match.group(1)
            out["initial"] = match.group(2)
            first[0] = first[0][match.end() :]
            if not first[0]:
                words[0].pop(0)
                if not words[0]:
                    words.pop(0)
        mark_opening(words, lead_in_length(words, self.lead_words, self.function_words))
        if mark_simple(out, paragraph).get("simple"):
            out["words"], out["tail"] = head_and_tail(words)
        return out

    def words(self, content: tuple[nodes.Inline, ...]) -> list[Word]:
        """Inlines split into words at spaces; a line break is a word of its own."""
        words: list[Word] = []
        joined = True  # the next piece continues the current word
        for piece in self.pieces(content, ()):
            if isinstance(piece, dict):
                if piece["type"] == "linebreak":
                    words.append([piece])
                    joined = False
                elif joined and words:
                    words[-1].append(piece)
                else:
                    words.append([piece])
                    joined = True
                continue
            text, styles = piece
            for i, chunk in enumerate(text.split(" ")):
                if i > 0:
                    joined = False
                if not chunk:
                    continue
                if joined and words:
                    words[-1].append([chunk, list(styles)])
                else:
                    words.append([[chunk, list(styles)]])
                joined = True
        return words

    def pieces(
        self, content: tuple[nodes.Inline, ...], styles: tuple[Any, ...]
    ) -> list[tuple[str, tuple[Any, ...]] | dict[str, Any]]:
        out: list[tuple[str, tuple[Any, ...]] | dict[str, Any]] = []
        for node in content:
            match node:
                case nodes.Text():
                    out.append((prose(node.text), styles))
                case nodes.Link():
                    url = node.url.strip()
                    link = {"type": "link", "url": url if _LINKABLE.match(url) else None}
                    out.extend(self.pieces(node.children, (*styles, link)))
                    shown = printed_url(node) if self.print_urls else None
                    if shown:
                        out.append((f" ({shown})", styles))
                case nodes.Emphasis() | nodes.Strong() | nodes.Telepathy() | nodes.Strikeout():
                    out.extend(self.pieces(node.children, (*styles, _STYLE[type(node)])))
                case nodes.CodeSpan():
                    out.append({**self.atom(node), "styles": list(styles)})
                case nodes.LineBreak() | nodes.Note():
                    out.append(self.atom(node))
                case _:
                    assert_never(node)
        return out


_STYLE: dict[type, str] = {
    nodes.Emphasis: "emphasis",
    nodes.Strong: "strong",
    nodes.Telepathy: "telepathy",
    nodes.Strikeout: "strike",
}


def _image_extension(figure: nodes.Figure) -> str:
    """The extension Typst reads the image by, from its bytes; an image Typst
    cannot place is a one-line error naming the manuscript line."""
    image = figure.image
    kind, problem = _image_kind(image)
    if problem is not None:
        message = f"the image {image.name} {problem}; save it again as PNG or JPEG"
        raise InputError(message, figure.source.file, figure.source.line)
    return kind


def _image_kind(image: nodes.Image) -> tuple[str, str | None]:
    """The image's extension for Typst, or what is wrong with it."""
    if image.media_type == SVG:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(image.data, parser)
        except etree.XMLSyntaxError as exc:
            return "", f"is not valid SVG ({exc})"
        if etree.QName(root).localname != "svg":
            return "", "is not an SVG drawing"
        return "svg", None
    try:
        with Image.open(io.BytesIO(image.data)) as opened:
            kind = opened.format or ""
            opened.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return "", f"cannot be read ({exc})"
    except Image.DecompressionBombError:
        return "", "has too many pixels to print"
    if kind not in _RASTER:
        return "", f"is in a format print cannot use ({kind or 'unknown'})"
    return _RASTER[kind], None
