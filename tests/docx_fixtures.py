"""Word documents built from raw WordprocessingML, so each test says exactly what is in it.

``docx(body)`` packs a ``<w:body>`` fragment (with the styles Word writes,
and any notes, comments, headers, numbering or media given) into a real
``.docx`` ZIP. ``p``, ``r`` and friends write the common elements; anything
unusual is written as XML in the test itself.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from PIL import Image

from compile_book.config import BookConfig
from compile_book.nodes import (
    Block,
    BlockQuote,
    Book,
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
    heading_text,
)
from compile_book.pipeline import ManuscriptSource, compile_sources

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


DEFAULT = ' w:default="1"'


def style(
    sid: str,
    name: str,
    *,
    kind: str = "paragraph",
    based_on: str | None = None,
    ppr: str = "",
    rpr: str = "",
    default: bool = False,
) -> str:
    """One ``w:style`` element."""
    return (
        f'<w:style w:type="{kind}" w:styleId="{sid}"{DEFAULT if default else ""}>'
        f'<w:name w:val="{name}"/>'
        + (f'<w:basedOn w:val="{based_on}"/>' if based_on else "")
        + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
        + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
        + "</w:style>"
    )


def heading_style(sid: str, name: str, level: int) -> str:
    return style(
        sid,
        name,
        based_on="Normal",
        ppr=f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
        rpr="<w:b/>",
    )


#: The styles Word 365 writes into a new document (the ones these tests use).
WORD_STYLES = "".join(
    (
        style("Normal", "Normal", default=True),
        heading_style("Heading1", "heading 1", 1),
        heading_style("Heading2", "heading 2", 2),
        heading_style("Heading3", "heading 3", 3),
        style("Title", "Title", based_on="Normal", rpr='<w:sz w:val="56"/>'),
        style("Subtitle", "Subtitle", based_on="Normal", rpr="<w:i/>"),
        style("Quote", "Quote", based_on="Normal", ppr='<w:jc w:val="center"/>', rpr="<w:i/>"),
        style("FootnoteText", "footnote text", based_on="Normal"),
        style("Caption", "caption", based_on="Normal", rpr="<w:i/>"),
        style("TOC1", "toc 1", based_on="Normal"),
        style("ListParagraph", "List Paragraph", based_on="Normal", ppr='<w:ind w:left="720"/>'),
        style(
            "FootnoteReference",
            "footnote reference",
            kind="character",
            rpr='<w:vertAlign w:val="superscript"/>',
        ),
        style(
            "Hyperlink",
            "Hyperlink",
            kind="character",
            rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>',
        ),
        style("Emphasis", "Emphasis", kind="character", rpr="<w:i/>"),
        style("Strong", "Strong", kind="character", rpr="<w:b/>"),
    )
)


def styles_xml(styles: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NAMESPACES}>'
        '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>'
        f"</w:docDefaults>{styles}</w:styles>"
    )


def r(
    text: str,
    *,
    i: bool = False,
    b: bool = False,
    u: bool = False,
    strike: bool = False,
    rstyle: str | None = None,
    rpr: str = "",
) -> str:
    """A run of text (``\\t`` and ``\\n`` become ``w:tab`` and ``w:br``)."""
    props = (
        (f'<w:rStyle w:val="{rstyle}"/>' if rstyle else "")
        + ("<w:b/>" if b else "")
        + ("<w:i/>" if i else "")
        + ("<w:strike/>" if strike else "")
        + ('<w:u w:val="single"/>' if u else "")
        + rpr
    )
    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(parts)}</w:r>"


def p(*runs: str, style: str | None = None, jc: str | None = None, ppr: str = "") -> str:
    """A paragraph of runs; a plain string argument is one unformatted run."""
    props = (
        (f'<w:pStyle w:val="{style}"/>' if style else "")
        + ppr
        + (f'<w:jc w:val="{jc}"/>' if jc else "")
    )
    body = "".join(x if x.startswith("<") else r(x) for x in runs)
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{body}</w:p>"


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def link(rid: str, *runs: str) -> str:
    return f'<w:hyperlink r:id="{rid}">{"".join(runs)}</w:hyperlink>'


def note_ref(note_id: int, kind: str = "footnote") -> str:
    return (
        f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:{kind}Reference w:id="{note_id}"/></w:r>'
    )


def notes(kind: str, *bodies: str) -> str:
    """``footnotes.xml``/``endnotes.xml``: Word's two separators, then notes 1, 2, ..."""
    items = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        f"</w:r></w:p></w:{kind}>",
    ]
    for k, body in enumerate(bodies, start=1):
        items.append(
            f'<w:{kind} w:id="{k}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{body}</w:p></w:{kind}>'
        )
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {NAMESPACES}>'
    return f"{head}{''.join(items)}</w:{kind}s>"


def picture(rid: str, descr: str, *, anchor: bool = False) -> str:
    """A picture run as Word writes it (inline, or floating when ``anchor``)."""
    graphic = (
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        "<pic:spPr/></pic:pic></a:graphicData></a:graphic>"
    )
    wrap = "wp:anchor" if anchor else "wp:inline"
    return (
        f'<w:r><w:drawing><{wrap}><wp:extent cx="952500" cy="952500"/>'
        f'<wp:docPr id="1" name="Picture 1" descr={quoteattr(descr)}/>{graphic}'
        f"</{wrap}></w:drawing></w:r>"
    )


def text_box(*paragraphs: str) -> str:
    """A floating text box as Word 2010+ writes it: a shape, and its VML fallback."""
    content = "".join(paragraphs)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:docPr id="2" name="Text Box 2"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        f"{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def png(width: int = 4, height: int = 3, colour: str = "red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return out.getvalue()


def header_xml(text: str, root: str = "hdr") -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:{root} {NAMESPACES}>{p(text)}</w:{root}>'


def comments_xml(*texts: str) -> str:
    items = "".join(
        f'<w:comment w:id="{k}" w:author="Ed" w:initials="E">{p(t)}</w:comment>'
        for k, t in enumerate(texts)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:comments {NAMESPACES}>{items}</w:comments>'


def docx(
    *body: str,
    styles: str | None = WORD_STYLES,
    parts: dict[str, str | bytes] | None = None,
    rels: list[tuple[str, str, str]] | None = None,
    sect: str = "",
) -> bytes:
    """A complete ``.docx`` of some body elements.

    ``parts``: extra parts by name (``word/footnotes.xml``); ``rels``: extra
    ``(id, type, target)`` relationships of the document (a target starting
    ``http`` is external); ``sect``: the body's final ``w:sectPr`` content."""
    parts = dict(parts or {})
    rel_items = list(rels or [])
    if styles is not None:
        parts["word/styles.xml"] = styles_xml(styles)
        rel_items.append(("rIdStyles", "styles", "styles.xml"))
    for name, kind in (
        ("word/footnotes.xml", "footnotes"),
        ("word/endnotes.xml", "endnotes"),
        ("word/comments.xml", "comments"),
        ("word/numbering.xml", "numbering"),
    ):
        if name in parts:
            rel_items.append((f"rId{kind}", kind, name.removeprefix("word/")))
    rel_xml = "".join(_relationship(rid, kind, target) for rid, kind, target in rel_items)
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}>'
        f"<w:body>{''.join(body)}<w:sectPr>{sect}</w:sectPr></w:body></w:document>"
    )
    files: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": document,
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS_NS}">{rel_xml}'
            "</Relationships>"
        ),
        **parts,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


def _relationship(rid: str, kind: str, target: str) -> str:
    external = ' TargetMode="External"' if target.startswith(("http", "mailto")) else ""
    return f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target={quoteattr(target)}{external}/>'


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)


# --------------------------------------------------------------------------- reading back

Shape = str | tuple[object, ...]


def shape(node: Block | Inline) -> Shape:
    """A node as a compact, source-free value: ``("p", "It was ", ("em", "walk"))``."""
    match node:
        case Text():
            return node.text
        case LineBreak():
            return ("br",)
        case Emphasis() | Strong() | Strikeout() | Telepathy():
            name = {Emphasis: "em", Strong: "strong", Strikeout: "strike", Telepathy: "tele"}
            return (name[type(node)], *map(shape, node.children))
        case Link():
            return ("link", node.url, *map(shape, node.children))
        case Note():
            return ("note", *map(shape, node.blocks))
        case CodeSpan():
            return ("code", node.text)
        case Paragraph():
            return ("p", *map(shape, node.inlines))
        case Subheading():
            return ("sub", *map(shape, node.inlines))
        case SceneBreak():
            return "***"
        case Verse():
            return ("verse", *(tuple(map(shape, line)) for line in node.lines))
        case BlockQuote():
            return ("quote", *map(shape, node.blocks))
        case Figure():
            return ("figure", node.image.media_type, node.alt, *map(shape, node.caption))
        case ListBlock():
            items = tuple(tuple(map(shape, item)) for item in node.items)
            return ("ol" if node.ordered else "ul", node.start, *items)
        case CodeBlock():
            return ("pre", node.text)
    raise AssertionError(node)


def chapters(book: Book) -> list[tuple[str, list[Shape]]]:
    """Each chapter's heading text and its blocks' shapes."""
    return [(heading_text(c.heading), [shape(b) for b in c.blocks]) for c in book.chapters]


def blocks(book: Book) -> list[Shape]:
    """The shapes of every block of the book, in order, chapter boundaries ignored."""
    return [shape(b) for c in book.chapters for b in c.blocks]


def compiled(data: bytes, name: str = "book.docx", **config: object) -> Book:
    """The finished tree of one ``.docx`` given as bytes."""
    return compile_sources([ManuscriptSource(name, data)], BookConfig.model_validate(config))
