"""The .odt reader: every feature on a small hand-written package, checked on the finished tree."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import compile_book
from compile_book.config import BookConfig
from compile_book.errors import InputError
from compile_book.events import Para
from compile_book.nodes import (
    Block,
    BlockQuote,
    Book,
    CodeSpan,
    Emphasis,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    Source,
    Strikeout,
    Strong,
    Subheading,
    Telepathy,
    Text,
    Verse,
    plain_text,
)
from compile_book.pipeline import ManuscriptSource, compile_sources
from compile_book.readers import Options, read
from compile_book.readers.odt import package as odt_package
from compile_book.rules.scenebreaks import is_scene_break
from tests.epubcheck import run_epubcheck
from tests.odt_fixtures import (
    FIXTURES,
    NAMED_STYLES,
    NOVEL,
    PNG,
    content_xml,
    h,
    image,
    odt,
    p,
    package,
    style,
    styles_xml,
)

LB = "<text:line-break/>"


def tree(body: str, **kwargs: Any) -> Book:
    return compile_sources([ManuscriptSource("m.odt", odt(body, **kwargs))], BookConfig())


def blocks(book: Book) -> list[Block]:
    return [b for chapter in book.chapters for b in chapter.blocks]


def shape(inlines: tuple[Inline, ...]) -> list[Any]:
    """Inlines without sources: text as str, spans as (kind, children)."""
    out: list[Any] = []
    for node in inlines:
        match node:
            case Text() | CodeSpan():
                out.append(node.text)
            case LineBreak():
                out.append("<br>")
            case Note():
                out.append(
                    ("note", [shape(b.inlines) for b in node.blocks if isinstance(b, Paragraph)])
                )
            case Link():
                out.append(("link " + node.url, shape(node.children)))
            case Emphasis() | Strong() | Telepathy() | Strikeout():
                out.append((type(node).__name__.lower(), shape(node.children)))
    return out


def shapes(book: Book) -> list[Any]:
    out: list[Any] = []
    for block in blocks(book):
        match block:
            case Paragraph():
                out.append(shape(block.inlines))
            case SceneBreak():
                out.append("***")
            case Subheading():
                out.append(("sub", shape(block.inlines)))
            case Verse():
                out.append(("verse", [shape(line) for line in block.lines]))
            case BlockQuote():
                out.append(
                    ("quote", [shape(b.inlines) for b in block.blocks if isinstance(b, Paragraph)])
                )
            case _:
                out.append(type(block).__name__)
    return out


def said(book: Book, code: str) -> list[str]:
    return [f"{d.line}: {d.message}" for d in book.diagnostics if d.code == code]


def heading(h_: Heading | None) -> tuple[str | None, int | None, str, str]:
    assert h_ is not None
    return h_.label, h_.number, plain_text(h_.title), plain_text(h_.subtitle)


# --------------------------------------------------------------------------- paragraphs


def test_paragraphs_spaces_tabs_and_page_breaks_and_empty_paragraphs_dropped() -> None:
    body = (
        p("<text:tab/>It was late.<text:s text:c='3'/>The sea<text:soft-page-break/> was\n  grey.")
        + p("")
        + p("<text:s/><text:tab/>", "Standard")
        + p("More.")
    )
    result = read("m.odt", odt(body), Options(first=False))
    assert result.events == (
        Para("It was late. The sea was grey.", Source("m.odt", 1)),
        Para("More.", Source("m.odt", 4)),
    )


def test_plain_paragraphs_get_the_txt_treatment_and_report_paragraph_and_column() -> None:
    book = tree(h("Chapter 1") + p("It was *late* and the the sea was grey."))
    assert shapes(book) == [["It was ", ("emphasis", ["late"]), " and the the sea was grey."]]
    assert said(book, "W103") == ["2: doubled word 'the the'; delete one"]
    assert [(d.line, d.col) for d in book.diagnostics if d.code == "W103"] == [(2, 23)]


# --------------------------------------------------------------------------- headings


def test_headings_from_text_h_automatic_localised_and_derived_styles() -> None:
    body = (
        h("Chapter 1: The Harbour")
        + p("One.")
        + p("Chapter 2", "P1")
        + p("Two.")
        + p("Chapter 3", "Überschrift_20_1")
        + p("Three.")
        + p("The Storm", "Chapter_20_Opening")
        + p("Four.")
    )
    book = tree(body)
    assert [heading(c.heading) for c in book.chapters] == [
        ("Chapter", 1, "The Harbour", ""),
        ("Chapter", 2, "", ""),
        ("Chapter", 3, "", ""),
        (None, None, "The Storm", ""),
    ]
    assert said(book, "N020") == [
        "1: chapter heading recognised: 'Chapter 1: The Harbour' (style Heading 1)",
        "3: chapter heading recognised: 'Chapter 2' (style Heading 1)",
        "5: chapter heading recognised: 'Chapter 3' (style Überschrift 1)",
        "7: chapter heading recognised: 'The Storm' (style Chapter Opening)",
    ]
    title = book.chapters[0].heading
    assert title is not None and title.title[0].source == Source("m.odt", 1, 12)


def test_numbered_heading_takes_a_deeper_heading_or_subtitle_as_its_title() -> None:
    body = (
        h("Chapter 1")
        + h("The Harbour", 2)
        + p("One.")
        + h("Chapter 2: The House")
        + p("In Which It Rains", "Subtitle")
        + p("Two.")
        + h(f"Chapter 3{LB}The Ferry")
        + p("Three.")
    )
    assert [heading(c.heading) for c in tree(body).chapters] == [
        ("Chapter", 1, "The Harbour", ""),
        ("Chapter", 2, "The House", "In Which It Rains"),
        ("Chapter", 3, "The Ferry", ""),
    ]


def test_a_number_heading_over_a_title_heading_of_its_level_is_one_chapter() -> None:
    body = (
        h("Chapter 1")
        + h("The Harbour")
        + p("One.")
        + h("Chapter 2")
        + h("Chapter 3")
        + p("Three.")
        + h("The Mill")
        + h("The Weir")
        + p("Four.")
    )
    assert [heading(c.heading) for c in tree(body).chapters] == [
        ("Chapter", 1, "The Harbour", ""),
        ("Chapter", 2, "", ""),
        ("Chapter", 3, "", ""),
        (None, None, "The Mill", ""),
        (None, None, "The Weir", ""),
    ]


def test_two_heading_levels_make_parts_and_a_third_stays_inside_the_chapter() -> None:
    body = (
        h("The Coast")
        + h("Arrival", 2)
        + p("One.")
        + h("Monday", 3)
        + p("Two.")
        + h("The Island")
        + h("Crossing", 2)
        + p("Three.")
    )
    book = tree(body)
    assert [
        (
            plain_text(part.heading.title) if part.heading else None,
            [heading(c.heading)[2] for c in part.chapters],
        )
        for part in book.parts
    ] == [("The Coast", ["Arrival"]), ("The Island", ["Crossing"])]
    assert shapes(book)[:3] == [["One."], ("sub", ["Monday"]), ["Two."]]


def test_title_subtitle_and_by_line_become_the_books_metadata() -> None:
    body = (
        p("Salt and Stone", "Title")
        + p("A Novel", "Subtitle")
        + p("by Mara Quill", "P2")
        + h("Chapter 1")
        + p("One.")
    )
    book = tree(body)
    assert (book.meta.title, book.meta.subtitle, book.meta.authors) == (
        "Salt and Stone",
        "A Novel",
        ("Mara Quill",),
    )
    assert shapes(book) == [["One."]]


def test_each_author_styled_paragraph_under_the_title_is_an_author() -> None:
    """pandoc writes one Author-styled paragraph per author; the second is not the
    opening of an untitled chapter."""
    named = NAMED_STYLES + style("Author", "Standard")
    body = p("Salt and Stone", "Title") + p("Ann Poe", "Author") + p("Bob Roe", "Author")
    book = tree(body + h("Chapter 1") + p("One."), named=named)
    assert (book.meta.title, book.meta.authors) == ("Salt and Stone", ("Ann Poe", "Bob Roe"))
    assert shapes(book) == [["One."]]


def test_a_date_styled_calendar_date_under_the_authors_is_the_books_date() -> None:
    named = NAMED_STYLES + style("Author", "Standard") + style("Date", "Title")
    body = p("Salt and Stone", "Title") + p("Ann Poe", "Author") + p("2024-01-02", "Date")
    book = tree(body + h("Chapter 1") + p("One."), named=named)
    assert (book.meta.authors, book.meta.date) == (("Ann Poe",), "2024-01-02")
    assert shapes(book) == [["One."]]


def test_a_style_used_but_never_defined_is_known_by_its_name() -> None:
    """pandoc's ODT writer names Title without defining it (the office program has
    it built in); a lower-case title is a title only by its style."""
    body = p("the salt and the stone", "Book_20_Title") + p("Ann Poe", "Author")
    book = tree(body + h("Chapter 1") + p("One."))
    assert (book.meta.title, book.meta.authors) == ("the salt and the stone", ("Ann Poe",))
    assert shapes(book) == [["One."]]


def test_a_document_without_styles_is_read_with_the_txt_rules() -> None:
    body = (
        p("Salt and Stone", "P2")
        + p("by Mara Quill", "P2")
        + p("CHAPTER ONE", "P2")
        + p("The Harbour", "P2")
        + p("It was late.")
        + p("#", "P2")
        + p("Chapter 12 was the worst of them all")
        + p("Prologue", "Standard")
        + p("Before.")
    )
    book = tree(body)
    assert (book.meta.title, book.meta.authors) == ("Salt and Stone", ("Mara Quill",))
    assert [heading(c.heading) for c in book.chapters] == [
        ("Chapter", 1, "The Harbour", ""),
        ("Prologue", None, "", ""),
    ]
    assert shapes(book) == [
        ["It was late."],
        "***",
        ["Chapter 12 was the worst of them all"],
        ["Before."],
    ]
    assert said(book, "W106") == [
        "7: 'Chapter 12 was the worst of them all' looks like a heading but was kept as prose; "
        "give it a heading style if it is one"
    ]


def test_bare_numbers_are_headings_only_where_they_stand_out() -> None:
    body = (
        p("1", "P2")
        + p("It was one.")
        + p("3")
        + p("2")
        + p("1")
        + p("Go.")
        + p("2", "P2")
        + p("It was two.")
    )
    book = compile_sources(
        [ManuscriptSource("a.txt", b"Opening.\n"), ManuscriptSource("m.odt", odt(body))],
        BookConfig(),
    )
    assert [c.heading.number if c.heading else None for c in book.chapters] == [None, 1, 2]
    assert [shapes(book)[k] for k in range(1, 6)] == [["It was one."], ["3"], ["2"], ["1"], ["Go."]]


# --------------------------------------------------------------------------- inline formats


def test_formats_from_automatic_and_named_styles_merged_across_split_spans() -> None:
    spans = (
        '<text:span text:style-name="T1">It </text:span><text:span text:style-name="T1">was'
        '</text:span> <text:span text:style-name="T1">late</text:span>, '
        '<text:span text:style-name="T3">under</text:span>, '
        '<text:span text:style-name="Emphasis">named</text:span>, '
        '<text:span text:style-name="Book_20_Ship">Gull</text:span>, '
        '<text:span text:style-name="Strong_20_Emphasis">bold</text:span>, '
        '<text:span text:style-name="T8">heavy</text:span>, '
        '<text:span text:style-name="T4">struck</text:span>, '
        '<text:span text:style-name="T6">both</text:span>.'
    )
    assert shapes(tree(h("Chapter 1") + p(spans))) == [
        [
            ("emphasis", ["It was late"]),
            ", ",
            ("emphasis", ["under"]),
            ", ",
            ("emphasis", ["named"]),
            ", ",
            ("emphasis", ["Gull"]),
            ", ",
            ("strong", ["bold"]),
            ", ",
            ("strong", ["heavy"]),
            ", ",
            ("strikeout", ["struck"]),
            ", ",
            ("emphasis", [("strong", ["both"])]),
            ".",
        ]
    ]


def test_nested_spans_and_a_whole_italic_paragraph_with_a_roman_span() -> None:
    body = (
        h("Chapter 1")
        + p(
            '<text:span text:style-name="T1">She said <text:span text:style-name="T2">no'
            "</text:span> twice</text:span>."
        )
        + p('All of it <text:span text:style-name="T5">but this</text:span> slanted.', "P3")
    )
    assert shapes(tree(body)) == [
        [("emphasis", ["She said ", ("strong", ["no"]), " twice"]), "."],
        [("emphasis", ["All of it"]), " but this ", ("emphasis", ["slanted."])],
    ]


# --------------------------------------------------------------------------- blocks


def test_scene_breaks_typed_centred_ruled_and_drawn() -> None:
    rule = '<draw:rect text:anchor-type="as-char" svg:width="6in"><text:p/></draw:rect>'
    body = (
        h("Chapter 1")
        + p("One.")
        + p("#")
        + p("Two.")
        + p("* * *")
        + p("Three.")
        + p("~ ❦ ~", "P2")
        + p("Four.")
        + p("", "Horizontal_20_Line")
        + p("Five.")
        + p(rule, "Standard")
        + p("Six.")
        + p("&lt;&gt;&lt;&gt;")
        + p("Seven.")
    )
    book = tree(body)
    assert shapes(book) == [
        ["One."], "***", ["Two."], "***", ["Three."], "***", ["Four."], "***", ["Five."], "***",
        ["Six."], ["<><>"], ["Seven."],
    ]  # fmt: skip
    assert [d.line for d in book.diagnostics if d.code == "W108"] == [13]


def test_line_breaks_make_verse_only_where_lines_are_short() -> None:
    body = (
        h("Chapter 1")
        + p(f"The sea is grey,{LB}the sea is cold,{LB}{LB}and every wave{LB}is very old.")
        + p(
            f"He left.{LB}She stayed, and the lamp burned on through the long night "
            f"until{LB}morning came."
        )
        + p("Line one,", "Poem")
        + p("line two.", "Poem")
    )
    assert shapes(tree(body)) == [
        (
            "verse",
            [["The sea is grey,"], ["the sea is cold,"], [], ["and every wave"], ["is very old."]],
        ),
        ["He left."],
        ["She stayed, and the lamp burned on through the long night until morning came."],
        ("verse", [["Line one,"], ["line two."]]),
    ]


def test_quotations_style_becomes_one_block_quote() -> None:
    body = (
        h("Chapter 1")
        + p("Dear Tom,", "Quotations")
        + p("The key is under the stone.", "Quotations")
        + p("She read it twice.")
    )
    assert shapes(tree(body)) == [
        ("quote", [["Dear Tom,"], ["The key is under the stone."]]),
        ["She read it twice."],
    ]


def test_footnotes_and_links() -> None:
    note = (
        '<text:note text:id="ftn1" text:note-class="endnote">'
        "<text:note-citation>i</text:note-citation>"
        "<text:note-body>"
        + p('A <text:span text:style-name="T1">collie</text:span>.', "Footnote")
        + p("Named Biscuit.", "Footnote")
        + "</text:note-body></text:note>"
    )
    body = h("Chapter 1") + p(
        f"A dog{note} waited. See <text:a xlink:href='https://example.com/map'>the map</text:a>"
        " and <text:a xlink:href='#chapter-2'>chapter two</text:a>."
    )
    assert shapes(tree(body)) == [
        [
            "A dog",
            ("note", [["A ", ("emphasis", ["collie"]), "."], ["Named Biscuit."]]),
            " waited. See ",
            ("link https://example.com/map", ["the map"]),
            " and chapter two.",
        ]
    ]


def test_pictures_with_alt_text_caption_and_the_ones_left_out() -> None:
    caption = (
        '<draw:frame draw:name="Frame1" text:anchor-type="paragraph"><draw:text-box>'
        f'<text:p text:style-name="Figure">{image()}Figure <text:sequence text:name="Illustration" '
        'style:num-format="1">1</text:sequence>: The lamp</text:p>'
        "</draw:text-box></draw:frame>"
    )
    body = (
        h("Chapter 1")
        + p(image(), "Standard")
        + p(caption, "Standard")
        + p(image("Pictures/old.bmp"), "Standard")
        + p(image("https://example.com/a.png"), "Standard")
        + p("After.")
    )
    book = tree(body, files={"Pictures/lamp.png": PNG, "Pictures/old.bmp": b"BM\x00\x00"})
    figures = [b for b in blocks(book) if isinstance(b, Figure)]
    assert [(f.image.name, f.image.media_type, f.image.data, f.alt) for f in figures] == [
        ("Pictures/lamp.png", "image/png", PNG, "A lit lamp"),
        ("Pictures/lamp.png", "image/png", PNG, "A lit lamp"),
    ]
    assert [plain_text(f.caption) for f in figures] == ["", "Figure 1: The lamp"]
    assert said(book, "W114") == [
        "4: picture 'Pictures/old.bmp' is in a format e-books cannot show; "
        "insert it as PNG or JPEG (left out)",
        "5: picture 'https://example.com/a.png' is linked, not embedded; "
        "insert it into the document (left out)",
    ]


def test_lists_ordered_from_their_style_and_lists_of_headings_unwrapped() -> None:
    item = "<text:list-item>{}</text:list-item>"
    body = (
        f'<text:list text:style-name="L1">{item.format(h("Chapter 1"))}</text:list>'
        f'<text:list text:style-name="L1">{item.format(p("Eggs"))}{item.format(p("Salt"))}'
        f'</text:list><text:list text:style-name="L2">{item.format(p("Rope"))}</text:list>'
    )
    book = tree(body)
    assert [heading(c.heading) for c in book.chapters] == [("Chapter", 1, "", "")]
    lists = [b for b in blocks(book) if isinstance(b, ListBlock)]
    assert [
        (
            b.ordered,
            b.start,
            [[shape(x.inlines) for x in i if isinstance(x, Paragraph)] for i in b.items],
        )
        for b in lists
    ] == [
        (True, 3, [[["Eggs"]], [["Salt"]]]),
        (False, 1, [[["Rope"]]]),
    ]


def test_fields_keep_their_displayed_value() -> None:
    body = h("Chapter 1") + p(
        'Dated <text:date text:date-value="2024-01-01">1 January 2024</text:date>, item '
        '<text:sequence text:name="Text">4</text:sequence>, see page <text:bookmark-ref '
        'text:ref-name="b1">12</text:bookmark-ref><text:bookmark text:name="b2"/>.'
    )
    assert shapes(tree(body)) == [["Dated 1 January 2024, item 4, see page 12."]]


# --------------------------------------------------------------------------- left out


def test_deletions_comments_hidden_text_headers_and_contents_are_left_out_and_counted() -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<office:change-info><dc:creator>Ann</dc:creator></office:change-info>"
        "<text:p>gone words</text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="c2"><text:insertion><office:change-info>'
        "<dc:creator>Ann</dc:creator></office:change-info></text:insertion>"
        "</text:changed-region></text:tracked-changes>"
        + '<text:table-of-content text:name="TOC"><text:index-body>'
        + p("Chapter 1 .... 1", "Contents_20_1")
        + "</text:index-body></text:table-of-content>"
        + h("Chapter 1")
        + p(
            'The <text:change text:change-id="c1"/>sea '
            '<text:change-start text:change-id="c2"/>was<text:change-end text:change-id="c2"/>'
            " grey<office:annotation><dc:creator>Ed</dc:creator><text:p>Which sea?</text:p>"
            '</office:annotation>.<text:span text:style-name="T7"> secret</text:span>'
        )
        + '<text:section text:name="Old" text:display="none">'
        + p("Hidden draft.")
        + "</text:section>"
        + p("The end.")
    )
    book = tree(body)
    assert shapes(book) == [["The sea was grey."], ["The end."]]
    assert said(book, "N029") == [
        "1: 1 tracked deletion(s) left out (the text as it now reads is kept)",
        "1: 1 generated table(s) of contents or index(es) left out (the book makes its own)",
        "1: 2 page header(s) and footer(s) left out",
        "2: 1 comment(s) left out of the book",
        "2: 2 piece(s) of hidden text left out",
    ]


def test_a_manuscript_format_title_page_block_is_left_out() -> None:
    body = (
        p("Ann Poe")
        + p("12 Harbour Road, Lannow")
        + p("ann@example.com")
        + p("about 85,000 words", "P4")
        + p("THE LONG NIGHT", "P2")
        + p("by Ann Poe", "P2")
        + h("Chapter 1")
        + p("It was late.")
    )
    book = tree(body)
    assert (book.meta.title, book.meta.authors, shapes(book)) == (
        "THE LONG NIGHT",
        ("Ann Poe",),
        [["It was late."]],
    )
    assert said(book, "N029")[0] == (
        "1: manuscript title-page block left out (4 paragraph(s): name, address, word count)"
    )


def test_an_email_header_without_a_word_count_is_prose() -> None:
    body = (
        h("Chapter 1") + p("From: ann@example.com") + p("To: tom@example.com") + p("Come at once.")
    )
    assert len(shapes(tree(body))) == 3


def test_invisible_characters_removed_and_reported() -> None:
    book = tree(h("Chapter 1") + p("Light\u00adhouse\u200b keeper."))
    assert shapes(book) == [["Lighthouse keeper."]]
    assert said(book, "N003") == [
        "2: 2 invisible character(s) removed (zero-width, soft hyphen, control)"
    ]


# --------------------------------------------------------------------------- bad files


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, data in members.items():
            zf.writestr(path, data)
    return buffer.getvalue()


def _corrupted() -> bytes:
    """A package whose content.xml fails its checksum."""
    data = bytearray(_zip({"content.xml": content_xml(p("x" * 400)).encode()}))
    at = data.index(b"content.xml") + 40
    data[at : at + 8] = b"\x00" * 8
    return bytes(data)


ENCRYPTED = (
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
    "</manifest:file-entry>"
)
GOOD = {"content.xml": content_xml(p("Hello.")), "styles.xml": styles_xml()}


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"It was late.\n\nMore.\n", "this is a plain-text file named .odt; rename it to .txt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "this is an old Word .doc"),
        (b'<?xml version="1.0"?><office:document/>', "an XML file (a flat .fodt?)"),
        (odt(p("Hello."))[:300], "the file is damaged (its zip structure is cut short or broken)"),
        (_corrupted(), "the file is damaged (content.xml"),
        (package({"styles.xml": styles_xml()}), "the package has no content.xml"),
        (package(dict(GOOD), manifest_extra=ENCRYPTED), "the document is password-protected"),
        (
            package(dict(GOOD), mimetype="application/vnd.oasis.opendocument.spreadsheet"),
            "this is an OpenDocument spreadsheet file",
        ),
        (
            package({"content.xml": "<office:document-content"}),
            "content.xml inside the document is damaged",
        ),
        (package({"content.xml": "<x/>"}), "the document has no text body"),
        (odt(p("") + p("<text:s/>")), "the manuscript is empty"),
        # the error is all a failed build prints: it says why a file with text is empty
        (
            odt(
                '<text:section text:name="Old" text:display="none">'
                + p("Gone.")
                + "</text:section>"
            ),
            "has nothing the book can show: 1 piece(s) of hidden text left out",
        ),
    ],
)
def test_bad_files_give_one_line_naming_the_file(data: bytes, says: str) -> None:
    with pytest.raises(InputError) as caught:
        read("m.odt", data)
    message = str(caught.value)
    assert message.startswith("m.odt: error: ") and "\n" not in message
    assert says in message


def test_hostile_zips_are_refused_before_anything_is_inflated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = package(dict(GOOD))
    monkeypatch.setattr(odt_package, "MAX_MEMBERS", 2)
    with pytest.raises(InputError, match="far larger than any manuscript"):
        read("m.odt", data)
    monkeypatch.setattr(odt_package, "MAX_MEMBERS", 100)
    monkeypatch.setattr(odt_package, "MAX_TOTAL_BYTES", 100)
    with pytest.raises(InputError, match="far larger than any manuscript"):
        read("m.odt", data)


def test_entities_are_never_expanded() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
        '<!ENTITY s SYSTEM "file:///etc/hostname">]>'
        + content_xml(p("Hello &b; &s; there.")).split("?>", 1)[1]
    )
    result = read("m.odt", package({"content.xml": bomb}), Options(first=False))
    assert result.events == (Para("Hello there.", Source("m.odt", 1)),)


# --------------------------------------------------------------------------- every word


WORD_RE = re.compile(r"[^\W_]+")
_WORD = st.text(st.characters(categories=["Lu", "Ll", "Lo", "Nd"]), min_size=1, max_size=8).filter(
    lambda w: not re.search("TK|TODO|FIXME", w)
)


@st.composite
def paragraph(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A paragraph's ODF XML (some words italic or bold, some soft returns) and its words."""
    ws = draw(st.lists(_WORD, min_size=1, max_size=8))
    assume(not is_scene_break(" ".join(ws)))
    parts = []
    for w in ws:
        style = draw(st.sampled_from(["", "", "T1", "T2", "T4"]))
        parts.append(f'<text:span text:style-name="{style}">{w}</text:span>' if style else w)
        parts.append(draw(st.sampled_from([" ", " ", "<text:s/>", LB, " <text:tab/>"])))
    return p("".join(parts[:-1])), ws


def _all_text(book: Book) -> str:
    out: list[str] = []

    def each(blocks_: tuple[Block, ...]) -> None:
        for block in blocks_:
            match block:
                case Paragraph():
                    out.append(plain_text(block.inlines))
                case Verse():
                    out.extend(plain_text(line) for line in block.lines)
                case BlockQuote():
                    each(block.blocks)

    for chapter in book.chapters:
        out.append(plain_text(chapter.heading.title) if chapter.heading else "")
        each(chapter.blocks)
    return " ".join(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph(), min_size=1, max_size=8))
def test_every_word_comes_back_in_order_and_none_is_invented(
    paras: list[tuple[str, list[str]]],
) -> None:
    book = tree(h("The Harbour") + "".join(xml for xml, _ in paras))
    expected = ["The", "Harbour", *(w for _, ws in paras for w in ws)]
    assert WORD_RE.findall(_all_text(book)) == [w for e in expected for w in WORD_RE.findall(e)]


# --------------------------------------------------------------------------- real files


def test_a_word_document_converted_by_libreoffice() -> None:
    data = (FIXTURES / "word-import.odt").read_bytes()
    book = compile_sources([ManuscriptSource("salt.odt", data)], BookConfig())
    assert (book.meta.title, book.meta.subtitle, book.meta.authors) == (
        "Salt and Stone",
        "A Novel",
        ("Mara Quill",),
    )
    assert [
        (
            plain_text(part.heading.title) if part.heading else "",
            [heading(c.heading)[2] for c in part.chapters],
        )
        for part in book.parts
    ] == [("The Coast", ["Arrival", "The House"]), ("The Island", ["Crossing"])]
    assert [type(b).__name__ for b in book.chapters[0].blocks] == [
        "Paragraph",
        "BlockQuote",
        "Verse",
        "Figure",
    ]
    first = book.chapters[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert ("strikeout", ["Lannow"]) in shape(first.inlines)
    figure = book.chapters[0].blocks[3]
    assert isinstance(figure, Figure)
    assert (figure.alt, plain_text(figure.caption)) == ("The halt at dusk", "The halt at dusk")


def test_libreoffice_saving_the_novel_again_changes_nothing_the_reader_sees() -> None:
    def read_back(name: str) -> Book:
        data = (FIXTURES / name).read_bytes()
        return compile_sources([ManuscriptSource("novel.odt", data)], BookConfig())

    ours, theirs = read_back("novel.odt"), read_back("libreoffice-novel.odt")
    assert shapes(theirs) == shapes(ours)
    assert theirs.meta == ours.meta
    assert said(theirs, "N029") == said(ours, "N029")


def test_novel_fixture_is_what_the_builder_writes() -> None:
    assert (
        zipfile.ZipFile(FIXTURES / "novel.odt").read("content.xml") == content_xml(NOVEL).encode()
    )


@pytest.mark.slow
def test_the_novel_builds_an_epub_that_passes_epubcheck(tmp_path: Path) -> None:
    result = compile_book.build(FIXTURES / "novel.odt", ["epub"], tmp_path / "novel.epub")
    epub = result.outputs["epub"]
    with zipfile.ZipFile(epub) as zf:
        chapter = zf.read("EPUB/chapter-001.xhtml").decode()
    for words in ("It was <em>late</em>", "the tables", 'alt="A lit lamp"', "The lamp is lit."):
        assert words in chapter
    check = run_epubcheck(epub)
    assert check.clean, "\n".join(check.messages)
