"""A chapter's blocks and inlines as the JSON data the Typst template walks.

Prose stays data: every string here reaches Typst as a JSON string and is
set as text, never read as markup. Images are the one thing JSON cannot
carry: each figure's bytes are collected under a name made from their hash
(``img-<sha1>.png``), so the template loads them with ``image(name)`` and a
path from the manuscript never reaches Typst. Shapes (the template's header
lists them too)::

    blocks:  {type: "paragraph", inlines, simple?}
           | {type: "paragraph", words, tail?, punct?, initial?, simple?}
           | {type: "scene-break"} | {type: "quote", blocks}
           | {type: "verse", stanzas: [[inlines]]}  (a stanza is a list of lines)
           | {type: "figure", path, alt, caption: inlines}
           | {type: "list", ordered, start, items: [[blocks]]} | {type: "code-block", text}
    inlines: a string | {type: "emphasis" | "strong" | "telepathy" | "strike", children}
           | {type: "link", url (none unless http(s) or mailto), children}
           | {type: "code", text} | {type: "linebreak"} | {type: "note", blocks}

Two things protect the page from hostile prose. A paragraph longer than
:data:`SIMPLE_BREAKS_CHARS` is marked ``simple``: the template sets it with
Typst's greedy line breaking, whose cost grows linearly, instead of the
optimal one, which took minutes and gigabytes over one paragraph of a
megabyte (and such a paragraph's opening words are split into ``words``,
enough to fill the lines beside a drop cap, and ``tail``, the rest, so the
template measures only the first). And a run of more than
:data:`LONG_RUN` characters that offers no line break (a URL, a word typed
without spaces) gets a zero-width space every :data:`BREAK_EVERY` characters,
so it wraps instead of running off the page; the tree and the EPUB are left
as written.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, assert_never

from lxml import etree
from PIL import Image, UnidentifiedImageError

from ... import nodes
from ...errors import InputError
from ..images import figure_raster

# Why: a line must never start with an em dash; a word joiner glues it to the word before.
_EM_DASH = re.compile("(?<!\u2060)\u2014")
WORD_JOINER = "\u2060"

# Why: a run longer than this with no space, hyphen, dash or slash is no word a
# line can hold (a measure is 60-70 characters); it needs break opportunities.
LONG_RUN = 40
#: A zero-width space goes after every this many characters of such a run.
BREAK_EVERY = 16
ZERO_WIDTH_SPACE = "\u200b"
# Why: scripts written without spaces (CJK, Thai, Lao, Myanmar, Khmer) already
# break between characters or at dictionary words; their runs are left alone.
_NO_SPACE_SCRIPTS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
)
_UNBROKEN_RUN = re.compile(
    f"[^\\s\\-\u00ad\u2010-\u2015/\u200b{_NO_SPACE_SCRIPTS}]{{{LONG_RUN + 1},}}"
)

# Why: Typst's optimal (Knuth-Plass) line breaking costs more than linear time
# in a paragraph's length (a 0.9 MB paragraph took minutes and gigabytes); past
# this many characters a paragraph is set with greedy breaking, which is linear.
# No paragraph of a real book comes near it (a long one is a few thousand).
SIMPLE_BREAKS_CHARS = 20_000
# Why: a drop cap needs the words of its first few lines; of a paragraph set
# simply, only this many characters' worth is measured for them.
OPENING_HEAD_CHARS = 2_000

# Why: only web and mail addresses make sense as a link in a PDF; any other
# scheme (javascript:, file:, a relative path) prints as plain text.
_LINKABLE = re.compile(r"^(?:https?://|mailto:)\S+$", re.IGNORECASE)

#: Raster formats Typst can place, as Pillow names them, with the extension Typst reads.
_RASTER = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
SVG = "image/svg+xml"

# Why: a drop cap takes one letter; punctuation before it (an opening quote, the
# apostrophe of an elision such as ’Tis) is set at text size beside it.
_INITIAL = re.compile(r"^([^\w\s]*)(\w[\u0300-\u036f]*)")

# Why: "Mr." as a cap M with a small-caps "R." reads as broken; openers that
# start with an abbreviated title get the small-caps lead-in without a cap.
_ABBREVIATION = re.compile(
    r"^[^\w\s]*(?:Mr|Mrs|Ms|Mx|Messrs|Dr|St|Mt|Ft|Jr|Sr|Fr|Prof|Rev|Hon|Capt|Col|Gen|Lt"
    r"|Sgt|Cpl|Gov|Sen|Supt|Insp|Mme|Mlle)\.",
)

# A word of an opening paragraph: pieces, each ``[text, styles]`` or an inline node
# that is not text (a note, inline code, a line break) as its own dict.
Word = list[Any]


def dashes(text: str) -> str:
    """Prose with a word joiner before each em dash."""
    return _EM_DASH.sub(WORD_JOINER + "\u2014", text)


def prose(text: str) -> str:
    """Text as the PDF sets it: em dashes held to their word, overlong runs breakable."""
    return _UNBROKEN_RUN.sub(lambda m: breakable(m.group()), dashes(text))


def breakable(run: str) -> str:
    """`run` with a zero-width space after every :data:`BREAK_EVERY` characters,
    moved on past combining marks and joiners so no character is split from them."""
    out: list[str] = []
    since = 0
    for i, char in enumerate(run):
        if since >= BREAK_EVERY and _may_break_before(run, i):
            out.append(ZERO_WIDTH_SPACE)
            since = 0
        out.append(char)
        since += 1
    return "".join(out)


def _may_break_before(run: str, i: int) -> bool:
    """Whether a break between ``run[i - 1]`` and ``run[i]`` keeps every character whole."""
    char, before = run[i], run[i - 1]
    if unicodedata.category(char) in ("Mn", "Mc", "Me", "Cf", "Sk"):
        return False  # combining marks, joiners, emoji modifiers' neighbours
    if "\ufe00" <= char <= "\ufe0f" or "\U0001f3fb" <= char <= "\U0001f3ff":
        return False  # variation selectors, skin tones
    return before not in "\u200d\u2060" and not ("\U0001f1e6" <= char <= "\U0001f1ff")


@dataclass
class Body:
    """Turns blocks into template data and gathers the images they show.

    ``images`` maps each file name the data refers to onto its bytes; the
    typesetter hands them to Typst beside the template.
    """

    drop_cap: bool
    lead_words: int
    images: dict[str, bytes] = field(default_factory=dict)

    def chapter(self, blocks: tuple[nodes.Block, ...]) -> list[dict[str, Any]]:
        """A chapter's blocks; an opening paragraph gets the drop cap and lead-in."""
        out = self.blocks(blocks)
        if blocks and isinstance(blocks[0], nodes.Paragraph):
            out[0] = self.opening(blocks[0])
        return out

    def blocks(self, blocks: tuple[nodes.Block, ...]) -> list[dict[str, Any]]:
        return [self.block(block) for block in blocks]

    def block(self, block: nodes.Block) -> dict[str, Any]:
        match block:
            case nodes.Paragraph():
                out = {"type": "paragraph", "inlines": self.inlines(block.inlines)}
                return _mark_simple(out, block)
            case nodes.SceneBreak():
                return {"type": "scene-break"}
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
        first words in ``words`` and the rest, in order, in ``tail``."""
        words = self.words(paragraph.inlines)
        out: dict[str, Any] = {"type": "paragraph", "words": words, "inlines": []}
        if not words:
            return out
        first = words[0][0]
        match = _INITIAL.match(first[0]) if _is_prose(first) else None
        if self.drop_cap and match is not None and not _ABBREVIATION.match(first[0]):
            out["punct"] = match.group(1)
            out["initial"] = match.group(2)
            first[0] = first[0][match.end() :]
            if not first[0]:
                words[0].pop(0)
                if not words[0]:
                    words.pop(0)
        for word in words[: self.lead_words]:
            for piece in word:
                if _is_prose(piece):
                    piece[1].append("smallcaps")
        if _mark_simple(out, paragraph).get("simple"):
            out["words"], out["tail"] = _head_and_tail(words)
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


def _mark_simple(data: dict[str, Any], paragraph: nodes.Paragraph) -> dict[str, Any]:
    """`data`, marked for greedy line breaking when the paragraph is too long for the
    optimal one (the key is left out otherwise, so ordinary books' data is unchanged)."""
    if len(nodes.plain_text(paragraph.inlines)) > SIMPLE_BREAKS_CHARS:
        data["simple"] = True
    return data


def _head_and_tail(words: list[Word]) -> tuple[list[Word], list[Word]]:
    """A long opening's words split after :data:`OPENING_HEAD_CHARS` characters: the
    head is what the template measures for the drop cap; the tail follows it as is."""
    size = 0
    for i, word in enumerate(words):
        size += 1 + sum(len(piece[0]) for piece in word if _is_prose(piece))
        if size > OPENING_HEAD_CHARS:
            return words[: i + 1], words[i + 1 :]
    return words, []


def _is_prose(piece: Any) -> bool:
    return isinstance(piece, list)


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
