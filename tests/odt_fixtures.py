"""OpenDocument Text packages built from raw ODF XML, for the ``.odt`` reader's tests.

``odt(body)`` wraps body XML (``text:p``, ``text:h``...) in ``content.xml``
with every namespace declared, adds a ``styles.xml`` holding the named styles
LibreOffice ships (``Heading_20_1`` with display name "Heading 1", Title,
Subtitle, Quotations, Horizontal Line, the Emphasis character style...) plus
localised and derived ones, and zips them as LibreOffice does: ``mimetype``
first and stored, then ``META-INF/manifest.xml``. ``NOVEL`` is one book that
uses every feature at once (the end-to-end fixture ``tests/fixtures/odt/novel.odt``
is written from it by ``python -m tests.odt_fixtures``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

MIMETYPE = "application/vnd.oasis.opendocument.text"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}
NAMESPACES = " ".join(f'xmlns:{p}="{uri}"' for p, uri in _NS.items())
FIXTURES = Path(__file__).parent / "fixtures" / "odt"


def style(name: str, parent: str = "", display: str = "", inner: str = "", **attrs: str) -> str:
    """A ``style:style`` element; ``family`` defaults to paragraph, other attributes
    (``outline="1"`` for ``style:default-outline-level``) go on the element."""
    family = attrs.pop("family", "paragraph")
    head = f'style:name="{name}" style:family="{family}"'
    if parent:
        head += f' style:parent-style-name="{parent}"'
    if display:
        head += f' style:display-name="{display}"'
    if "outline" in attrs:
        head += f' style:default-outline-level="{attrs.pop("outline")}"'
    return f"<style:style {head}>{inner}</style:style>"


def text_props(attrs: str) -> str:
    return f"<style:text-properties {attrs}/>"


def para_props(attrs: str) -> str:
    return f"<style:paragraph-properties {attrs}/>"


ITALIC = text_props('fo:font-style="italic"')
BOLD = text_props('fo:font-weight="bold"')
CENTRE = para_props('fo:text-align="center"')

#: Named styles (styles.xml), as LibreOffice and a German Word write them.
NAMED_STYLES = "".join(
    [
        '<style:default-style style:family="paragraph">'
        + text_props('fo:font-size="12pt"')
        + "</style:default-style>",
        style("Standard"),
        style("Text_20_body", "Standard", "Text Body"),
        style("Heading", "Standard", inner=BOLD),
        *(style(f"Heading_20_{n}", "Heading", f"Heading {n}", outline=str(n)) for n in (1, 2, 3)),
        style("Überschrift_20_1", "Standard", "Überschrift 1"),
        style("Chapter_20_Opening", "Heading_20_1", "Chapter Opening"),
        style("Contents_20_Heading", "Heading_20_1", "Contents Heading", outline=""),
        style("Title", "Heading", inner=CENTRE),
        style("Subtitle", "Title"),
        style("Quotations", "Standard"),
        style("Poem", "Standard"),
        style(
            "Horizontal_20_Line",
            "Standard",
            "Horizontal Line",
            para_props('fo:border-bottom="0.06pt solid #808080"'),
        ),
        style("Emphasis", family="text", inner=ITALIC),
        style("Strong_20_Emphasis", display="Strong Emphasis", family="text", inner=BOLD),
        style("Book_20_Ship", "Emphasis", "Ship Name", family="text"),
    ]
)

#: A master page with a running header and a page-number footer (never read).
MASTER = (
    '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
    '<style:header><text:p text:style-name="Header">Doe / THE LONG NIGHT / '
    "<text:page-number>1</text:page-number></text:p></style:header>"
    '<style:footer><text:p text:style-name="Footer">Draft three</text:p></style:footer>'
    "</style:master-page>"
)


def _t(name: str, attrs: str) -> str:
    return style(name, family="text", inner=text_props(attrs))


#: Automatic styles most tests use (content.xml), named as LibreOffice names them.
AUTOMATIC = "".join(
    [
        style("P1", "Heading_20_1"),
        style("P2", "Text_20_body", inner=CENTRE),
        style("P3", "Text_20_body", inner=ITALIC),
        style("P4", "Standard", inner=para_props('fo:text-align="end"')),
        _t("T1", 'fo:font-style="italic"'),
        _t("T2", 'fo:font-weight="bold"'),
        _t("T3", 'style:text-underline-style="solid" style:text-underline-width="auto"'),
        _t("T4", 'style:text-line-through-style="solid" style:text-line-through-type="single"'),
        _t("T5", 'fo:font-style="normal"'),
        _t("T6", 'fo:font-style="italic" fo:font-weight="bold"'),
        _t("T7", 'text:display="none"'),
        _t("T8", 'fo:font-weight="700"'),
        '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
        'style:num-format="1" text:start-value="3"/></text:list-style>',
        '<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" '
        'text:bullet-char="•"/></text:list-style>',
    ]
)


def content_xml(body: str, automatic: str = AUTOMATIC) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {NAMESPACES} '
        f'office:version="1.3"><office:automatic-styles>{automatic}</office:automatic-styles>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )


def styles_xml(named: str = NAMED_STYLES, master: str = MASTER) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NAMESPACES} '
        f'office:version="1.3"><office:styles>{named}</office:styles>'
        f"<office:master-styles>{master}</office:master-styles></office:document-styles>"
    )


def manifest_xml(paths: list[str], extra: str = "") -> str:
    entries = "".join(
        f'<manifest:file-entry manifest:full-path="{p}" manifest:media-type=""/>' for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
        f"{entries}{extra}</manifest:manifest>"
    )


def package(
    members: dict[str, bytes | str], *, mimetype: str | None = MIMETYPE, manifest_extra: str = ""
) -> bytes:
    """A zip as LibreOffice writes it: ``mimetype`` first and stored, then the manifest."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if mimetype is not None:
            zf.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest_xml(list(members), manifest_extra))
        for path, data in members.items():
            zf.writestr(path, data)
    return buffer.getvalue()


def odt(
    body: str,
    automatic: str = AUTOMATIC,
    *,
    named: str = NAMED_STYLES,
    master: str = MASTER,
    files: dict[str, bytes] | None = None,
) -> bytes:
    """An .odt whose body is ``body`` (ODF XML), with the standard styles."""
    members: dict[str, bytes | str] = {
        "content.xml": content_xml(body, automatic),
        "styles.xml": styles_xml(named, master),
    }
    members.update(files or {})
    return package(members)


def p(text: str, style: str = "Text_20_body") -> str:
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def h(text: str, level: int = 1) -> str:
    return (
        f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{text}</text:h>'
    )


#: A 1×1 red PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)


def image(
    href: str = "Pictures/lamp.png", title: str = "A lit lamp", anchor: str = "as-char"
) -> str:
    return (
        f'<draw:frame draw:name="Image1" text:anchor-type="{anchor}" svg:width="1in">'
        f'<draw:image xlink:href="{href}" xlink:type="simple" xlink:show="embed"/>'
        f"<svg:title>{title}</svg:title><svg:desc>A brass lamp, lit, on a sill.</svg:desc>"
        "</draw:frame>"
    )


#: One short book using every feature the reader knows, as a writer's ODT would.
NOVEL = "".join(
    [
        '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" '
        'text:name="Illustration"/></text:sequence-decls>',
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
        "<office:change-info><dc:creator>Ann</dc:creator><dc:date>2024-01-01T10:00:00</dc:date>"
        "</office:change-info><text:p>the old opening</text:p></text:deletion>"
        "</text:changed-region></text:tracked-changes>",
        p("Ann Poe"),
        p("12 Harbour Road, Lannow"),
        p("ann@example.com"),
        p("About 2,000 words", "P4"),
        p("", "Standard"),
        p("The Long Night", "Title"),
        p("A Story of the Coast", "Subtitle"),
        p("by Ann Poe", "P2"),
        '<text:table-of-content text:name="Table of Contents1"><text:index-body>'
        + p("Chapter 1: The Harbour", "Contents_20_1")
        + "</text:index-body></text:table-of-content>",
        h("Chapter 1: The Harbour"),
        p(
            '<text:change text:change-id="ct1"/>It was '
            '<text:span text:style-name="T1">late</text:span>'
            ' when the <text:span text:style-name="Book_20_Ship">Gull</text:span> came in.'
            '<text:note text:id="ftn1" text:note-class="footnote">'
            "<text:note-citation>1</text:note-citation>"
            "<text:note-body>"
            + p("Lannow harbour, in the far west.", "Footnote")
            + "</text:note-body></text:note>"
            "<office:annotation><dc:creator>Ed</dc:creator>"
            "<text:p>Check the tide tables.</text:p></office:annotation>"
        ),
        p(
            '“I <text:span text:style-name="T1">know</text:span>,” she said.<text:s text:c="2"/>'
            'She <text:span text:style-name="T4">had</text:span> read <text:a xlink:type="simple" '
            'xlink:href="https://example.com/tides">the tables</text:a>.'
        ),
        "<text:soft-page-break/>",
        p("* * *", "P2"),
        p(image(), "Standard"),
        p(
            "Dear Tom,<text:line-break/>The lamp is lit.<text:line-break/>"
            "Yours ever,<text:line-break/>Ann",
            "Quotations",
        ),
        h("Chapter 2"),
        p(
            "Morning came, grey and slow, and the "
            '<text:span text:style-name="T3">boats</text:span> went out.'
        ),
    ]
)


def write_fixture(path: Path = FIXTURES / "novel.odt") -> Path:
    """Write ``NOVEL`` with its picture as an .odt (``python -m tests.odt_fixtures``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(odt(NOVEL, files={"Pictures/lamp.png": PNG}))
    return path


if __name__ == "__main__":
    print(write_fixture())
