"""The shared XHTML visitor on small hand-made trees, without any packaging."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from compile_book.errors import BackendError
from compile_book.locale import get_locale
from compile_book.nodes import (
    BlockQuote,
    ChapterKind,
    CodeBlock,
    CodeSpan,
    CopyrightPage,
    Dedication,
    Epigraph,
    Figure,
    Image,
    LineBreak,
    Link,
    ListBlock,
    Note,
    Strikeout,
    TitlePage,
    Verse,
)
from compile_book.writers import xhtml
from compile_book.writers.common import Entry, Headings, TocEntry, safe_href
from compile_book.writers.images import Figures
from tests.images import picture
from tests.trees import SRC, chapter, em, heading, para, scene_break, strong, tele, text

NS = {"h": xhtml.XHTML_NS, "epub": xhtml.EPUB_NS}


def xp(el: etree._Element, path: str) -> Any:
    return el.xpath(path, namespaces=NS)


def visitor(lang: str = "en", **styles: Any) -> xhtml.Xhtml:
    return xhtml.Xhtml(lang, Headings(get_locale(lang), **styles), "italic", "book.css")


def test_inlines_nest_as_elements_and_text() -> None:
    p = etree.Element(f"{{{xhtml.XHTML_NS}}}p", nsmap={None: xhtml.XHTML_NS})  # type: ignore[dict-item]
    xhtml.Body("telepathic x").inlines(p, (text("a "), tele("b ", em("c")), text(" "), strong("d")))
    assert etree.tostring(p, encoding="unicode") == (
        f'<p xmlns="{xhtml.XHTML_NS}">a <span class="telepathic x">b <em>c</em></span>'
        " <strong>d</strong></p>"
    )


def test_blocks_mark_first_paragraphs_and_drop_edge_breaks() -> None:
    section = etree.Element(f"{{{xhtml.XHTML_NS}}}section")
    blocks = (scene_break(), para("One two three four."), scene_break(), para("Five."))
    xhtml.Body("telepathic").blocks(section, blocks, opening=True)
    assert [(el.tag.split("}")[1], el.get("class")) for el in section] == [
        ("p", "first"),
        ("hr", "scene-break"),
        ("p", "first"),
    ]
    assert xp(section, "h:p[1]/h:span[@class='lead']/text()") == ["One two three"]


def test_chapter_document_with_a_styled_number() -> None:
    ch = chapter(
        "It began.",
        heading=heading("Chapter", 4, "Night", subtitle="Late", number_text="IV"),
        kind=ChapterKind.CHAPTER,
    )
    html = visitor(chapter_numbers="arabic").chapter(Entry(ch, "chapter-004", "x"), "T", xhtml.H1)
    assert xp(html, "/h:html/@lang") == ["en"]
    assert xp(html, "//h:title/text()") == ["T"]
    (section,) = xp(html, "//h:section")
    assert (section.get(xhtml.EPUB_TYPE), section.get("role")) == ("chapter", "doc-chapter")
    assert xp(section, "h:header/h:h1/h:span/text()") == ["Chapter", "4", "Night"]
    assert xp(section, "h:header/h:p[@class='subtitle']/text()") == ["Late"]


def test_headingless_chapter_is_named_for_screen_readers() -> None:
    ch = chapter("Only words.")
    html = visitor().chapter(Entry(ch, "chapter-001", "Only words."), "Book", xhtml.H2)
    assert xp(html, "//h:header") == []
    assert xp(html, "//h:section/@aria-label") == ["Only words."]


def test_text_xml_cannot_hold_names_the_chapter() -> None:
    ch = chapter("bad \x00 byte")
    with pytest.raises(BackendError, match=r"test\.txt:1"):
        visitor().chapter(Entry(ch, "chapter-001", "x"), "x", xhtml.H1)


def test_front_matter_nodes() -> None:
    v = visitor()
    title = v.title_page(TitlePage("T", "S", ("A", "B"), "P"))
    assert xp(title, "//h:h1/text()") == ["T"]
    assert xp(title, "//h:p/@class") == ["subtitle", "author", "author", "publisher"]
    rights = v.lines_page(CopyrightPage("Copyright", ("one", "two")))
    assert xp(rights, "//h:section[@epub:type='copyright-page']/h:p/text()") == ["one", "two"]
    assert xp(rights, "//h:title/text()") == ["Copyright"]
    dedication = v.lines_page(Dedication("Dedica", ("Per M.",)))
    assert xp(dedication, "//h:section/@role") == ["doc-dedication"]
    epigraph = v.epigraph(Epigraph("Epigraph", ("Words.",), "Someone"))
    assert xp(epigraph, "//h:blockquote/h:p/text()") == ["Words."]
    assert xp(epigraph, "//h:p[@class='epigraph-source']/text()") == ["— Someone"]


def test_contents_nav_nests_part_entries() -> None:
    v = visitor("it")
    html, body = v.skeleton("Indice")
    entries = (TocEntry("part-01", "Parte 1", (TocEntry("chapter-001", "Capitolo 1"),)),)
    v.contents_nav(body, "Indice", entries, ".xhtml")
    assert xp(html, "//h:nav/h:h1/text()") == ["Indice"]
    assert xp(html, "//h:nav/h:ol/h:li/h:ol/h:li/h:a/@href") == ["chapter-001.xhtml"]
    assert xp(html, "/h:html/@xml:lang") == ["it"]


# --------------------------------------------------------------------------- blocks and inlines


def _section() -> etree._Element:
    return etree.Element(f"{{{xhtml.XHTML_NS}}}section", nsmap={None: xhtml.XHTML_NS})  # type: ignore[dict-item]


def _note(*words: str) -> Note:
    return Note((para(*words),), SRC)


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.org/a b?q=1#x", "https://example.org/a%20b?q=1#x"),
        ("  HTTP://Example.org  ", "HTTP://Example.org"),
        ("mailto:nell@example.org", "mailto:nell@example.org"),
        ("https://example.org/100%", "https://example.org/100%25"),
        ("https://例え.jp/é", "https://%E4%BE%8B%E3%81%88.jp/%C3%A9"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,<b>", None),
        ("file:///etc/passwd", None),
        ("chapter-002.xhtml#x", None),
        ("#top", None),
        ("https://", None),
        ("https://exa mple.org/", None),
        ("https://example.org:port/", None),
        ("mailto:", None),
        ("", None),
    ],
)
def test_only_web_and_mail_links_are_links(url: str, href: str | None) -> None:
    assert safe_href(url) == href


def test_unsafe_link_is_its_text_and_a_note_in_a_link_follows_it() -> None:
    p = etree.SubElement(_section(), f"{{{xhtml.XHTML_NS}}}p")
    body = xhtml.Body("telepathic")
    content = (
        text("a "),
        Link((text("bad"),), "javascript:alert(1)", SRC),
        text(" b "),
        Link((text("good "), _note("inner")), "https://example.org", SRC),
        text(" c"),
        Link((), "https://example.org/x", SRC),
    )
    body.inlines(p, content)
    assert xp(p, "string(.)") == "a bad b good 1 chttps://example.org/x"
    assert xp(p, "h:a/@href") == ["https://example.org", "#note-1", "https://example.org/x"]
    assert xp(p, "h:a[1]//h:a") == []


def test_footnotes_number_nest_and_link_both_ways() -> None:
    section = _section()
    body = xhtml.Body("telepathic")
    inner = _note("deep")
    outer = Note((para("outer ", inner), ListBlock(False, ((para("item"),),), SRC)), SRC)
    tail = Note((Verse(((text("sung"),),), SRC),), SRC)
    body.blocks(section, (para("x ", outer, " y ", tail),), opening=True)
    body.footnotes(section)
    refs = xp(section, "h:p//h:a[@epub:type='noteref']")
    assert [(a.get("id"), a.get("href"), a.text, a.get("role")) for a in refs] == [
        ("noteref-1", "#note-1", "1", "doc-noteref"),
        ("noteref-2", "#note-2", "2", "doc-noteref"),
    ]
    asides = xp(section, "h:aside[@epub:type='footnote'][@role='doc-footnote']")
    assert [a.get("id") for a in asides] == ["note-1", "note-2", "note-3"]
    backs = [xp(a, ".//h:a[@role='doc-backlink']/@href") for a in asides]
    assert backs == [["#noteref-1"], ["#noteref-2"], ["#noteref-3"]]
    # the nested note's mark sits in note 1, its text in note 3
    assert xp(asides[0], "h:p[1]/h:a[@epub:type='noteref']/@href") == ["#note-3"]
    assert xp(asides[0], "string(h:p[1])") == "1. outer 3"
    assert xp(asides[0], "h:ul/h:li/h:p/text()") == ["item"]
    # a note that opens with verse gets a paragraph of its own for its number
    assert xp(asides[1], "string(h:p[1])") == "2. "
    assert xp(asides[1], "h:div[@class='verse']//h:span[@class='line']/text()") == ["sung"]
    assert xp(asides[2], "string(h:p)") == "3. deep"


def test_every_block_shape() -> None:
    section = _section()
    code = "  $ ls <dir> & ‘x’\n\tdone\n"
    items = (
        BlockQuote((para("q1"), scene_break(), para("q2")), SRC),
        Verse(((), (text("l1"),), (text("l2"), LineBreak(SRC)), (), (), (text("l3"),), ()), SRC),
        ListBlock(True, ((para("one"), para("more")), (para("two"),)), SRC, start=3),
        ListBlock(True, ((para("first"),),), SRC),
        CodeBlock(code, SRC),
        para(Strikeout((text("gone"),), SRC), " ", CodeSpan("<b>", SRC)),
    )
    xhtml.Body("telepathic").blocks(section, items, opening=True)
    assert [el.tag.split("}")[1] for el in section] == ["blockquote", "div", "ol", "ol", "pre", "p"]
    assert xp(section, "h:blockquote/*/@class") == ["first", "scene-break", "first"]
    stanzas = xp(section, "h:div[@class='verse'][@epub:type='z3998:verse']/h:p[@class='stanza']")
    assert [xp(s, "h:span[@class='line']/text()") for s in stanzas] == [["l1", "l2"], ["l3"]]
    assert xp(stanzas[0], "count(.//h:br)") == 2  # one between the lines, one the writer's
    assert xp(section, "h:ol[1]/@start") == ["3"]
    assert xp(section, "h:ol[2]/@start") == []
    assert xp(section, "h:ol[1]/h:li[1]/h:p/text()") == ["one", "more"]
    assert xp(section, "string(h:pre/h:code)") == code
    assert xp(section, "h:p/h:del/text()") == ["gone"]
    assert xp(section, "h:p/h:code/text()") == ["<b>"]
    assert xp(section, "count(.//h:span[@class='lead'])") == 0


def test_figure_images_are_registered_once() -> None:
    png = Image("a.png", "image/jpeg", picture("PNG"))  # misnamed: bytes decide
    section = _section()
    body = xhtml.Body("telepathic")
    figures = (
        Figure(
            png,
            " A map. ",
            SRC,
            (text("The "), em("map")),
        ),
        Figure(png, "", SRC),
    )
    body.blocks(section, figures)
    assert xp(section, "h:figure/h:img/@src") == ["images/image-001.png"] * 2
    assert xp(section, "h:figure/h:img/@alt") == ["A map.", ""]
    assert xp(section, "string(h:figure[1]/h:figcaption)") == "The map"
    assert xp(section, "h:figure[2]/h:figcaption") == []
    (stored,) = body.images.files
    assert (stored.uid, stored.media_type) == ("image-001", "image/png")
    assert body.images.figures == Figures(2, 1)
