"""The shared XHTML visitor on small hand-made trees, without any packaging."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from compile_book.errors import BackendError
from compile_book.locale import get_locale
from compile_book.nodes import ChapterKind, CopyrightPage, Dedication, Epigraph, TitlePage
from compile_book.writers import xhtml
from compile_book.writers.common import Entry, Headings, TocEntry
from tests.trees import chapter, em, heading, para, scene_break, strong, tele, text

NS = {"h": xhtml.XHTML_NS, "epub": xhtml.EPUB_NS}


def xp(el: etree._Element, path: str) -> Any:
    return el.xpath(path, namespaces=NS)


def visitor(lang: str = "en", **styles: Any) -> xhtml.Xhtml:
    return xhtml.Xhtml(lang, Headings(get_locale(lang), **styles), "italic", "book.css")


def test_inlines_nest_as_elements_and_text() -> None:
    p = etree.Element(f"{{{xhtml.XHTML_NS}}}p", nsmap={None: xhtml.XHTML_NS})  # type: ignore[dict-item]
    xhtml.inlines(p, (text("a "), tele("b ", em("c")), text(" "), strong("d")), "telepathic x")
    assert etree.tostring(p, encoding="unicode") == (
        f'<p xmlns="{xhtml.XHTML_NS}">a <span class="telepathic x">b <em>c</em></span>'
        " <strong>d</strong></p>"
    )


def test_blocks_mark_first_paragraphs_and_drop_edge_breaks() -> None:
    section = etree.Element(f"{{{xhtml.XHTML_NS}}}section")
    blocks = (scene_break(), para("One two three four."), scene_break(), para("Five."))
    xhtml.blocks(section, blocks, "telepathic")
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
