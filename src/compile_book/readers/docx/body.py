"""The body of a Word document -> its paragraphs in reading order, with what they say.

Paragraphs are found wherever the body holds them: at the top level, in
table cells, inside content controls (``w:sdt``) and custom XML, and inside
text boxes (read after the paragraph that anchors them). A generated table
of contents (a content control of the "Table of Contents" gallery) is left
out: the book makes its own.

Two tracked or typographic cases join paragraphs: a paragraph whose mark
was deleted with changes tracked runs on into the next one (accepting the
change would join them), and a drop cap (a one-letter frame) belongs to the
paragraph after it. A page break typed inside a paragraph splits it there.
Each :class:`WordPara` carries its number ``n`` (1-based, in the order the
reader meets paragraphs), its resolved style and direct paragraph
properties, and its flat :mod:`.pieces`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .content import _SKIP, Content, Document, style_id
from .package import MC, damaged, w
from .pieces import Chars, PageBreak, Piece, plain, tidy
from .styles import ParaStyle, numbering_of, on, twips


@dataclass(slots=True)
class WordPara:
    """One paragraph as the classifier needs it."""

    n: int
    style: ParaStyle
    pieces: list[Piece]
    kind: str
    level: int | None
    align: str | None
    left: int | None
    numbering: tuple[str, int] | None
    border: bool = False
    page_before: bool = False
    page_after: bool = False
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = plain(self.pieces).strip()

    @property
    def centred(self) -> bool:
        return self.align == "center"

    @property
    def bold(self) -> bool:
        """Every letter of the paragraph is bold to the eye."""
        chars = [p for p in self.pieces if isinstance(p, Chars) and p.text.strip()]
        return bool(chars) and all(p.bold for p in chars)


class Body:
    """Reads the main document's body into :class:`WordPara` items."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.content = Content(doc, doc.main)
        self.paras: list[WordPara] = []
        self.count = 0
        self.carry: tuple[int, list[Piece]] | None = None
        self.invisible = (0, 0)  # characters removed, first paragraph

    def read(self) -> list[WordPara]:
        root = self.doc.package.xml(self.doc.main)
        body = root.find(w("body")) if root is not None else None
        if body is None:
            raise damaged(self.doc.file, f"{self.doc.main} has no body")
        self._blocks(body)
        if self.carry is not None:  # a deleted mark on the last paragraph
            n, pieces = self.carry
            self._add(n, self.doc.styles.paragraph(None), None, pieces)
        return self.paras

    def _blocks(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == w("p"):
                self._paragraph(child)
            elif tag == w("sdt") and _is_contents(child):
                self.doc.omit("table of contents", self.count + 1)
            elif tag == w("altChunk"):
                self.doc.omit("embedded documents (open the file in Word and save it)", self.count)
            elif tag == f"{{{MC}}}AlternateContent":
                chosen = child.find(f"{{{MC}}}Choice")
                if chosen is None:
                    chosen = child.find(f"{{{MC}}}Fallback")
                if chosen is not None:
                    self._blocks(chosen)
            else:  # tables, rows, cells, content controls, custom XML
                self._blocks(child)

    def _paragraph(self, p: etree._Element) -> None:
        self.count += 1
        n = self.count
        style = self.doc.styles.paragraph(style_id(p))
        pieces, boxes = self.content.paragraph(p, style, n)
        if self.carry is not None:
            n, before = self.carry
            before.extend(pieces)  # in place: a long run of joined paragraphs stays linear
            pieces = before
            self.carry = None
        ppr = p.find(w("pPr"))
        if _runs_on(ppr):
            self.carry = (n, pieces)
        else:
            self._add(n, style, ppr, pieces)
        for box in boxes:
            self._blocks(box)

    def _add(
        self, n: int, style: ParaStyle, ppr: etree._Element | None, pieces: list[Piece]
    ) -> None:
        kind, level = style.kind, style.level
        outline = _find(ppr, "outlineLvl")
        if outline is not None:
            value = twips(outline.get(w("val")))
            if value is not None and 0 <= value < 9:
                kind, level = "heading", value + 1
            elif kind == "heading":
                kind, level = "body", None
        jc, ind = _find(ppr, "jc"), _find(ppr, "ind")
        left = None if ind is None else twips(ind.get(w("left")) or ind.get(w("start")))
        numbering = numbering_of(ppr) or style.numbering
        if numbering is not None and numbering[0] == "0":
            numbering = None
        before = on(_find(ppr, "pageBreakBefore"))
        section = _find(ppr, "sectPr")
        section_type = _find(section, "type")
        chunks = _split_pages(pieces)
        for k, raw in enumerate(chunks):
            chunk, removed = tidy(raw)
            if removed:
                total, first = self.invisible
                self.invisible = (total + removed, first or n)
            self.paras.append(
                WordPara(
                    n,
                    style,
                    chunk,
                    kind,
                    level,
                    jc.get(w("val")) if jc is not None else style.align,
                    left if left is not None else style.left,
                    numbering,
                    border=_has_border(_find(ppr, "pBdr")),
                    page_before=(style.page_before if before is None else before)
                    if k == 0
                    else True,
                    page_after=k == len(chunks) - 1
                    and section is not None
                    and (section_type is None or section_type.get(w("val")) != "continuous"),
                )
            )


def _find(parent: etree._Element | None, tag: str) -> etree._Element | None:
    return parent.find(w(tag)) if parent is not None else None


def _runs_on(ppr: etree._Element | None) -> bool:
    """The paragraph joins the next: its mark was deleted (tracked), or it is a drop cap."""
    mark = _find(ppr, "rPr")
    if mark is not None and (
        mark.find(w("del")) is not None or mark.find(w("moveFrom")) is not None
    ):
        return True
    frame = _find(ppr, "framePr")
    return frame is not None and frame.get(w("dropCap")) in ("drop", "margin")


def _split_pages(pieces: list[Piece]) -> list[list[Piece]]:
    """Split at page breaks typed inside the paragraph; an empty chunk keeps the break's place."""
    chunks: list[list[Piece]] = [[]]
    for piece in pieces:
        if isinstance(piece, PageBreak):
            chunks.append([])
        else:
            chunks[-1].append(piece)
    return chunks


def _has_border(borders: etree._Element | None) -> bool:
    """A paragraph border Word drew (AutoFormat turns a typed ``***`` or ``---`` into one)."""
    if borders is None:
        return False
    return any(side.get(w("val"), "single") not in ("nil", "none") for side in borders)


def _is_contents(sdt: etree._Element) -> bool:
    gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and "contents" in (gallery.get(w("val")) or "").casefold()
