"""The runs of a Word paragraph -> flat :mod:`.pieces`, keeping the writer's final text.

What is kept and what is not, as Word shows the document with every tracked
change accepted and nothing hidden:

* kept: text (``w:t``) in runs, inserted (``w:ins``) and moved-to text,
  the *results* of fields (a date, a cross-reference), hyperlinks (``w:hyperlink``
  and ``HYPERLINK`` fields), content controls (``w:sdt``), smart tags, math
  text, footnote and endnote references (with their notes), pictures, the
  text of text boxes (handed back to be read as paragraphs after this one);
* left out, and counted: deleted and moved-away text (``w:del``,
  ``w:moveFrom``), hidden text (``w:vanish``), text boxes that hold only a page
  number; left out silently: field *codes* (``w:instrText``), comment marks,
  ruby annotations, proofing and bookmark marks, property-change history.

``mc:AlternateContent`` offers one thing in several forms (a modern shape and
its old VML fallback): the first ``mc:Choice`` is read, the ``mc:Fallback``
only when there is no choice, so a text box is never read twice. Fields can
span runs and paragraphs (``w:fldChar`` begin/separate/end), so their state
lives on the walker of the whole part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ...diagnostics import Reporter
from ...nodes import Note, Paragraph, Source
from ...record import record
from .media import Media, symbol
from .package import MC, WP, A, M, Package, R, V, w
from .pieces import LINK, Chars, NoteMark, PageBreak, Picture, Piece, Rule, Soft, nest, tidy
from .styles import Numbering, ParaStyle, RunProps, Styles, run_props

_O_HR = "{urn:schemas-microsoft-com:office:office}hr"
# Why: a HYPERLINK field names its URL as the first quoted (or bare) argument;
# with the \l switch it points at a bookmark inside the document instead.
_HYPERLINK = re.compile(
    r'\s*HYPERLINK\s+(?:\\[a-z]\s+"[^"]*"\s+)*(?:"(?P<q>[^"]+)"|(?P<b>[^\s\\"]+))'
)
_BOOKMARK_SWITCH = re.compile(r"\\l\b")
# Why: a text box whose only field is the page number is page furniture.
_PAGE_FIELD = re.compile(r"\b(?:PAGE|NUMPAGES|SECTIONPAGES)\b")
_SKIP = frozenset(
    w(tag)
    for tag in (
        "rPr pPr sdtPr sdtEndPr delText delInstrText fldData rubyPr rt commentReference "
        "annotationRef footnoteRef endnoteRef separator continuationSeparator softHyphen "
        "lastRenderedPageBreak pgNum tblPr tcPr trPr tblGrid sectPr"
    ).split()
)


@dataclass(slots=True)
class _Field:
    result: bool = False
    instr: list[str] = field(default_factory=list)
    url: str | None = None


@record
class _Run:
    marks: frozenset[str]
    bold: bool
    hidden: bool


class Document:
    """What every walker over one file shares: parts, styles, media, what was left out."""

    def __init__(self, file: str, package: Package, reporter: Reporter) -> None:
        self.file = file
        self.package = package
        self.reporter = reporter
        self.main = package.main_part()
        self.rels = package.relationships(self.main)
        self.styles = Styles(self.part_xml("styles"))
        self.numbering = Numbering(self.part_xml("numbering"))
        self.media = Media(file, package, reporter)
        #: kind of thing left out -> [how many, first paragraph]
        self.left_out: dict[str, list[int]] = {}
        self._notes: dict[str, tuple[str, dict[str, etree._Element]]] = {}

    def part_name(self, kind: str) -> str | None:
        """The part the main document names for a relationship type (``styles``...)."""
        for rel in self.rels.values():
            if rel.type == kind and not rel.external:
                return rel.target
        return None

    def part_xml(self, kind: str) -> etree._Element | None:
        name = self.part_name(kind)
        return self.package.xml(name) if name is not None else None

    def omit(self, kind: str, n: int, count: int = 1) -> None:
        """Count something left out of the book (reported once per kind)."""
        entry = self.left_out.setdefault(kind, [0, n])
        entry[0] += count

    def note(self, kind: str, note_id: str, n: int) -> Note | None:
        """The footnote or endnote ``note_id`` as tree blocks, sourced at paragraph ``n``."""
        if kind not in self._notes:
            part = self.part_name(f"{kind}s") or f"word/{kind}s.xml"
            root = self.package.xml(part)
            table = {} if root is None else {el.get(w("id"), ""): el for el in root.iter(w(kind))}
            self._notes[kind] = (part, table)
        part, table = self._notes[kind]
        element = table.get(note_id)
        if element is None or element.get(w("type"), "normal") != "normal":
            return None
        walker = Content(self, part)
        blocks = []
        for p in element.iter(w("p")):
            pieces, _ = walker.paragraph(p, self.styles.paragraph(style_id(p)), n)
            inlines = nest(tidy(pieces)[0], self.file, n)
            if inlines:
                blocks.append(Paragraph(inlines, Source(self.file, n)))
        return Note(tuple(blocks), Source(self.file, n)) if blocks else None


def style_id(p: etree._Element) -> str | None:
    """A paragraph's style id, if it names one."""
    found = p.find(f"{w('pPr')}/{w('pStyle')}")
    return found.get(w("val")) if found is not None else None


class Content:
    """Walks the runs of one part's paragraphs (field state spans paragraphs)."""

    def __init__(self, doc: Document, part: str) -> None:
        self.doc = doc
        self.rels = doc.package.relationships(part)
        self.fields: list[_Field] = []
        self.out: list[Piece] = []
        self.boxes: list[etree._Element] = []
        self.style: ParaStyle | None = None
        self.n = 0
        self._states: dict[tuple[ParaStyle | None, str | None, RunProps, str | None], _Run] = {}
        H = Callable[[etree._Element, _Run | None, str | None], None]
        self.handlers: dict[str, H] = {
            w("r"): self._run,
            w("t"): self._text,
            f"{{{M}}}t": self._text,
            w("tab"): lambda el, run, link: self._chars(" ", run, link),
            w("ptab"): lambda el, run, link: self._chars(" ", run, link),
            w("noBreakHyphen"): lambda el, run, link: self._chars("\u2011", run, link),
            w("br"): self._break,
            w("cr"): lambda el, run, link: self.out.append(Soft()),
            w("sym"): self._symbol,
            w("footnoteReference"): lambda el, run, link: self._note(el, "footnote"),
            w("endnoteReference"): lambda el, run, link: self._note(el, "endnote"),
            w("drawing"): self._drawing,
            w("pict"): self._pict,
            w("object"): self._object,
            f"{{{MC}}}AlternateContent": self._alternate,
            w("fldChar"): self._field_char,
            w("instrText"): self._instruction,
            w("fldSimple"): self._simple_field,
            w("hyperlink"): self._hyperlink,
            w("del"): self._deleted,
            w("moveFrom"): self._deleted,
            w("txbxContent"): lambda el, run, link: self._text_box(el),
        }

    def paragraph(
        self, p: etree._Element, style: ParaStyle, n: int
    ) -> tuple[list[Piece], list[etree._Element]]:
        """The pieces of paragraph ``p`` and the text boxes anchored in it."""
        self.out, self.boxes, self.style, self.n = [], [], style, n
        self._children(p, None, None)
        return self.out, self.boxes

    def _children(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        handlers = self.handlers
        for child in element:
            tag = child.tag
            handler = handlers.get(tag) if isinstance(tag, str) else None
            if handler is not None:
                handler(child, run, link)
            elif isinstance(tag, str) and tag not in _SKIP:
                self._children(child, run, link)

    # -- runs and text

    def _run(self, r: etree._Element, run: _Run | None, link: str | None) -> None:
        self._children(r, self._run_state(r.find(w("rPr")), link or self._field_link()), link)

    def _run_state(self, rpr: etree._Element | None, link: str | None) -> _Run:
        sid = rpr.find(w("rStyle")) if rpr is not None else None
        key = (self.style, sid.get(w("val")) if sid is not None else None, run_props(rpr), link)
        found = self._states.get(key)
        if found is None:
            found = self._states[key] = self._resolve_run(*key)
        return found

    def _resolve_run(
        self, style: ParaStyle | None, sid: str | None, direct: RunProps, link: str | None
    ) -> _Run:
        """What a run shows, and which of it differs from its paragraph's own look."""
        styles = self.doc.styles
        paragraph = style.run if style is not None else RunProps()
        character = styles.character(sid)
        base, shown = {}, {}
        for key in ("italic", "bold", "strike", "hidden"):
            start = bool(getattr(styles.defaults, key)) ^ bool(getattr(paragraph, key))
            styled = start ^ bool(getattr(character, key))
            value = getattr(direct, key)
            base[key], shown[key] = start, styled if value is None else value
        # Underlining typed by hand is the manuscript convention for italics (not in links,
        # which are underlined to look like links).
        italic = shown["italic"] or (bool(direct.underline) and link is None)
        marks = {
            mark
            for mark, key, seen in (
                ("em", "italic", italic),
                ("strong", "bold", shown["bold"]),
                ("strike", "strike", shown["strike"]),
            )
            if seen != base[key]
        }
        if link is not None:
            marks.add(LINK + link)
        return _Run(frozenset(marks), shown["bold"], shown["hidden"])

    def _text(self, t: etree._Element, run: _Run | None, link: str | None) -> None:
        self._chars(t.text or "", run, link)

    def _chars(self, text: str, run: _Run | None, link: str | None) -> None:
        if not text or any(not f.result for f in self.fields):
            return  # a field's code, not its result
        if run is None:
            run = self._run_state(None, link or self._field_link())
        if run.hidden:
            self.doc.omit("hidden text", self.n)
            return
        self.out.append(Chars(text, run.marks, run.bold))

    def _break(self, br: etree._Element, run: _Run | None, link: str | None) -> None:
        kind = br.get(w("type"), "textWrapping")
        if kind == "page":
            self.out.append(PageBreak())
        elif kind == "column":
            self._chars(" ", run, link)
        else:
            self.out.append(Soft())

    def _symbol(self, sym: etree._Element, run: _Run | None, link: str | None) -> None:
        self._chars(symbol(sym.get(w("font"), ""), sym.get(w("char"), "")), run, link)

    def _note(self, ref: etree._Element, kind: str) -> None:
        note = self.doc.note(kind, ref.get(w("id"), ""), self.n)
        if note is not None:
            self.out.append(NoteMark(note))

    def _deleted(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        if any((t.text or "").strip() for t in element.iter(w("delText"), w("t"))):
            self.doc.omit("deleted text", self.n)

    # -- links and fields

    def _hyperlink(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        rel = self.rels.get(element.get(f"{{{R}}}id", ""))
        url = rel.target if rel is not None and rel.external else None
        self._children(element, run, url or link)

    def _field_link(self) -> str | None:
        for f in reversed(self.fields):
            if f.url is not None:
                return f.url
        return None

    def _field_char(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        kind = element.get(w("fldCharType"))
        if kind == "begin":
            self.fields.append(_Field())
        elif kind == "separate" and self.fields:
            top = self.fields[-1]
            top.result = True
            top.url = _hyperlink_url("".join(top.instr))
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _instruction(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        if self.fields:
            self.fields[-1].instr.append(element.text or "")

    def _simple_field(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        url = _hyperlink_url(element.get(w("instr"), ""))
        self._children(element, run, url or link)

    # -- graphics and text boxes

    def _drawing(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        doc_pr = element.find(f".//{{{WP}}}docPr")
        alt = "" if doc_pr is None else doc_pr.get("descr") or doc_pr.get("title") or ""
        for blip in element.iter(f"{{{A}}}blip"):
            if _outside_boxes(blip, element):
                self._picture(blip.get(f"{{{R}}}embed"), blip.get(f"{{{R}}}link"), alt)
        for box in element.iter(w("txbxContent")):
            if _outside_boxes(box, element):
                self._text_box(box)

    def _pict(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        for node in element.iter():
            if not _outside_boxes(node, element):
                continue  # read with its text box
            if node.get(_O_HR) in ("t", "true"):
                self.out.append(Rule())
            elif node.tag == f"{{{V}}}imagedata":
                shape = node.getparent()
                alt = (shape.get("alt") or shape.get("title") or "") if shape is not None else ""
                self._picture(node.get(f"{{{R}}}id"), None, alt)
            elif node.tag == w("txbxContent"):
                self._text_box(node)

    def _object(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        self.doc.media.left_out(
            "an embedded object (OLE: a spreadsheet, a chart) is left out; paste it as a picture",
            self.n,
        )

    def _picture(self, embed: str | None, linked: str | None, alt: str) -> None:
        rel = self.rels.get(embed or "")
        if rel is None or rel.external:
            if linked or (rel is not None and rel.external):
                self.doc.media.left_out(
                    "a linked picture (not stored in the document) is left out; insert it "
                    "instead of linking it",
                    self.n,
                )
            return
        image = self.doc.media.image(rel.target, self.n)
        if image is not None:
            self.out.append(Picture(image, " ".join(alt.split())))

    def _text_box(self, box: etree._Element) -> None:
        codes = " ".join(
            [t.text or "" for t in box.iter(w("instrText"))]
            + [f.get(w("instr"), "") for f in box.iter(w("fldSimple"))]
        )
        if _PAGE_FIELD.search(codes):
            self.doc.omit("page-number text boxes", self.n)
        else:
            self.boxes.append(box)

    def _alternate(self, element: etree._Element, run: _Run | None, link: str | None) -> None:
        chosen = element.find(f"{{{MC}}}Choice")
        if chosen is None:
            chosen = element.find(f"{{{MC}}}Fallback")
        if chosen is not None:
            self._children(chosen, run, link)


def _outside_boxes(node: etree._Element, root: etree._Element) -> bool:
    """``node`` lies in ``root`` itself, not inside a text box nested in it (whose content
    is read as paragraphs of its own)."""
    parent = node.getparent()
    while parent is not None and parent is not root:
        if parent.tag == w("txbxContent"):
            return False
        parent = parent.getparent()
    return True


def _hyperlink_url(instr: str) -> str | None:
    m = _HYPERLINK.match(instr)
    if m is None or _BOOKMARK_SWITCH.search(instr):
        return None
    return m.group("q") or m.group("b")
