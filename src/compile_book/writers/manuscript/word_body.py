"""The book's blocks and inlines as Word paragraphs and runs.

Every node of the tree has its place, so no word is lost: paragraphs in the
Normal style (double-spaced, first line indented), a ``#`` line for a scene
break, quotations and verse indented, lists with their markers typed out,
code in Courier New, figures as pictures (a drawing Word cannot place, an SVG,
is named by its description instead), notes as real Word footnotes.

Emphasis is italic, or underlined where ``[submission] underline_italics``
asks for the typewriter's convention; emphasis inside italics comes out roman,
as it does in the PDF. Mind-speech follows ``[telepathy] style``.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, assert_never

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from lxml import etree
from PIL import Image, UnidentifiedImageError

from ... import nodes
from ...record import record
from .shunn import INDENT, SCENE_BREAK
from .word_package import LINE, MONO, Footnotes, new_paragraph

if TYPE_CHECKING:
    from . import ManuscriptOptions

__all__ = ["Sink", "WordBody"]

#: Makes a new paragraph in the given style where the text is going (body or a note).
Sink = Callable[[str], Paragraph]

# Why: XML 1.0 cannot hold these control characters; Word would refuse the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Picture formats a .docx may hold as they are (Word reads these natively).
_NATIVE = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}
# Element and attribute names of a run, made once.
_R, _RPR, _RFONTS, _T, _BR, _TAB = (qn(f"w:{x}") for x in ("r", "rPr", "rFonts", "t", "br", "tab"))
_B, _I, _SMALL_CAPS, _STRIKE, _U = (qn(f"w:{x}") for x in ("b", "i", "smallCaps", "strike", "u"))
_VAL = qn("w:val")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: The tallest a picture may stand, in points: room for its caption on the page.
FIGURE_MAX = 4 * 72.0


@record
class Look:
    """How a run is set: the styles its enclosing spans have switched on."""

    italic: bool = False
    bold: bool = False
    small_caps: bool = False
    strike: bool = False
    mono: bool = False


#: A run with no style switched on.
_PLAIN = Look()


def clean(text: str) -> str:
    """Text as XML can carry it (stray control characters dropped)."""
    return _NOT_XML.sub("", text)


@dataclass
class WordBody:
    """Writes blocks into a document; ``notes`` collects the footnotes they hold."""

    doc: Document
    options: ManuscriptOptions
    notes: Footnotes
    text_width: float
    ids: dict[str, str]

    def style_id(self, name: str) -> str | None:
        """The id of a style by name; ``None`` for Normal (a paragraph's default)."""
        return None if name == "Normal" else self.ids[name]

    def sink(self, container: Any, before: Any = None) -> Sink:
        """Paragraphs appended to `container` (a footnote), or put before `before`
        (the body's closing section properties)."""
        return lambda style: new_paragraph(self.doc, container, self.style_id(style), before)

    # ------------------------------------------------------------------ blocks

    def blocks(self, blocks: tuple[nodes.Block, ...], sink: Sink, depth: int = 0) -> None:
        for block in blocks:
            self.block(block, sink, depth)

    def block(self, block: nodes.Block, sink: Sink, depth: int = 0) -> None:
        """One block; `depth` counts the quotations and list items it stands in."""
        match block:
            case nodes.Paragraph():
                style = "Normal" if depth == 0 else "Quotation"
                para = sink(style)
                self._indent(para, depth, first=style == "Normal")
                self.inlines(para, block.inlines)
            case nodes.SceneBreak():
                sink("Scene Break").add_run(SCENE_BREAK)
            case nodes.Subheading():
                self.inlines(sink("Heading 3"), block.inlines)
            case nodes.BlockQuote():
                self.blocks(block.blocks, sink, depth + 1)
            case nodes.Verse():
                self.verse(block, sink, depth)
            case nodes.Figure():
                self.figure(block, sink)
            case nodes.ListBlock():
                self.list_block(block, sink, depth)
            case nodes.CodeBlock():
                para = sink("Code Block")
                self._indent(para, depth, first=False)
                lines = block.text.rstrip("\n").split("\n")
                for i, line in enumerate(lines):
                    if i:
                        para.add_run().add_break()
                    para.add_run(clean(line))
            case _:
                assert_never(block)

    def _indent(self, para: Paragraph, depth: int, *, first: bool) -> None:
        """A block inside `depth` quotations or items, moved in half an inch each."""
        if depth > 1 or (depth == 1 and first):
            para.paragraph_format.left_indent = Pt(INDENT * depth)

    def verse(self, verse: nodes.Verse, sink: Sink, depth: int) -> None:
        """A paragraph per line (a long line runs over under a hanging indent), a blank
        line between stanzas."""
        gap = False
        for line in verse.lines:
            if not line:
                gap = True
                continue
            para = sink("Verse")
            if depth:
                para.paragraph_format.left_indent = Pt(INDENT * (2 + depth))
            if gap:
                para.paragraph_format.space_before = Pt(LINE)
                gap = False
            self.inlines(para, line)

    def list_block(self, block: nodes.ListBlock, sink: Sink, depth: int) -> None:
        """Items with their marker typed out (``1.`` or a bullet) and a hanging indent."""
        for offset, item in enumerate(block.items):
            marker = f"{block.start + offset}." if block.ordered else "•"
            first = True
            for child in item:
                if first and isinstance(child, nodes.Paragraph):
                    para = sink("List Item")
                    if depth:
                        para.paragraph_format.left_indent = Pt(INDENT * (2 + depth))
                    para.add_run(f"{marker}\t")
                    self.inlines(para, child.inlines)
                elif isinstance(child, nodes.Paragraph):
                    para = sink("List Continue")
                    if depth:
                        para.paragraph_format.left_indent = Pt(INDENT * (2 + depth))
                    self.inlines(para, child.inlines)
                else:
                    if first:
                        sink("List Item").add_run(f"{marker}\t")
                    self.block(child, sink, depth + 1)
                first = False

    def figure(self, figure: nodes.Figure, sink: Sink) -> None:
        """The picture centred, no wider than the text nor taller than four inches."""
        para = sink("Figure")
        picture = _picture(figure.image)
        if picture is None:
            para.add_run(clean(f"[{figure.alt}]" if figure.alt else "[figure]"))
        else:
            data, (width, height) = picture
            scale = min(1.0, self.text_width / width, FIGURE_MAX / height)
            para.add_run().add_picture(io.BytesIO(data), width=Pt(width * scale))
        if figure.caption:
            self.inlines(sink("Figure Caption"), figure.caption)

    # ------------------------------------------------------------------ inlines

    def inlines(
        self, para: Paragraph, inlines: tuple[nodes.Inline, ...], look: Look = _PLAIN
    ) -> None:
        for node in inlines:
            self.inline(para, node, look)

    def inline(self, para: Paragraph, node: nodes.Inline, look: Look) -> None:
        match node:
            case nodes.Text():
                self._run(para, node.text, look)
            case nodes.CodeSpan():
                self._run(para, node.text, dataclasses.replace(look, mono=True))
            case nodes.LineBreak():
                para.add_run().add_break()
            case nodes.Emphasis():
                self.inlines(para, node.children, dataclasses.replace(look, italic=not look.italic))
            case nodes.Strong():
                self.inlines(para, node.children, dataclasses.replace(look, bold=True))
            case nodes.Strikeout():
                self.inlines(para, node.children, dataclasses.replace(look, strike=True))
            case nodes.Telepathy():
                self.inlines(para, node.children, self._telepathy(look))
            case nodes.Link():
                self.inlines(para, node.children, look)
            case nodes.Note():
                self.footnote(para, node)
            case _:
                assert_never(node)

    def _telepathy(self, look: Look) -> Look:
        style = self.options.telepathy_style
        if style == "italic":
            return dataclasses.replace(look, italic=not look.italic)
        if style == "small-caps":
            return dataclasses.replace(look, small_caps=True)
        if style == "bold":
            return dataclasses.replace(look, bold=True)
        return look

    def _run(self, para: Paragraph, text: str, look: Look) -> None:
        """A run of text in `look`, built as XML directly (python-docx's run API
        compiles an XPath per call: seconds for a novel)."""
        r = etree.SubElement(para._p, _R)
        props = []
        if look.mono:
            fonts = etree.Element(_RFONTS)
            for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
                fonts.set(qn(f"w:{attr}"), MONO)
            props.append(fonts)
        if look.bold:
            props.append(etree.Element(_B))
        italic = look.italic and not self.options.underline_italics
        if italic:
            props.append(etree.Element(_I))
        if look.small_caps:
            props.append(etree.Element(_SMALL_CAPS))
        if look.strike:
            props.append(etree.Element(_STRIKE))
        if look.italic and self.options.underline_italics:
            props.append(etree.Element(_U, {_VAL: "single"}))
        if props:
            etree.SubElement(r, _RPR).extend(props)
        for i, line in enumerate(clean(text).split("\n")):
            if i:
                etree.SubElement(r, _BR)
            for j, piece in enumerate(line.split("\t")):
                if j:
                    etree.SubElement(r, _TAB)
                if piece:
                    t = etree.SubElement(r, _T)
                    t.text = piece
                    t.set(_SPACE, "preserve")

    def footnote(self, para: Paragraph, note: nodes.Note) -> None:
        """A Word footnote: the mark here, the note's paragraphs in ``footnotes.xml``."""
        number, element = self.notes.new()
        mark = para.add_run()
        mark._r.style = self.ids["Footnote Reference"]
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), str(number))
        mark._r.append(reference)
        first = True

        def sink(style: str) -> Paragraph:
            nonlocal first
            made = new_paragraph(
                self.doc, element, self.ids["Footnote Text" if style == "Normal" else style]
            )
            if first:
                first = False
                ref = made.add_run()
                ref._r.style = self.ids["Footnote Reference"]
                ref._r.append(OxmlElement("w:footnoteRef"))
                made.add_run(" ")
            return made

        blocks = note.blocks or (nodes.Paragraph((), note.source),)
        for block in blocks:
            if isinstance(block, nodes.Figure):  # a picture belongs in the text, not a note
                self.inlines(sink("Normal"), (nodes.Text(f"[{block.alt}]", note.source),))
                if block.caption:
                    self.inlines(sink("Normal"), block.caption)
            else:
                self.block(block, sink)


def _picture(image: nodes.Image) -> tuple[bytes, tuple[float, float]] | None:
    """The picture's bytes as Word can hold them and its size in points, or ``None``.

    PNG, JPEG, GIF, BMP and TIFF go in as they are; any other format Pillow
    reads (WebP) is converted to PNG; an SVG or unreadable data gives ``None``.
    """
    try:
        with Image.open(io.BytesIO(image.data)) as img:
            fmt = img.format or ""
            dpi: Any = img.info.get("dpi", (72, 72))
            ppi = float(dpi[0]) if dpi and float(dpi[0]) > 1 else 72.0
            size = (img.width * 72.0 / ppi, img.height * 72.0 / ppi)
            if fmt in _NATIVE:
                return image.data, size
            out = io.BytesIO()
            img.save(out, format="PNG")
            return out.getvalue(), size
    except (UnidentifiedImageError, OSError, ValueError):
        return None
