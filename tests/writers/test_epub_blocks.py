"""The EPUB writer on every block and inline a manuscript can now hold.

One hand-made book holds every new node (quotation, verse, figures, lists,
code, line breaks, links safe and unsafe, strikeout, notes inside notes);
the tests read its XHTML and package with XPath, run EPUBCheck on it once,
and check that every word of the tree reaches the EPUB in reading order
(each note's words after its chapter's text, in note order: that is where
the footnotes stand in the document).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, assert_never

import pytest
from lxml import etree
from PIL import Image as Picture

from compile_book.errors import InputError
from compile_book.locale import get_locale
from compile_book.nodes import (
    Block,
    BlockQuote,
    Book,
    CodeBlock,
    CodeSpan,
    Emphasis,
    Figure,
    Image,
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
)
from compile_book.writers import epub
from compile_book.writers.epub import EpubOptions
from compile_book.writers.epub.package import accessibility_summary
from compile_book.writers.images import Figures
from tests.epubcheck import EpubCheckResult
from tests.trees import (
    SRC,
    book,
    chapter,
    em,
    heading,
    para,
    part,
    scene_break,
    strong,
    tele,
    text,
)
from tests.writers import finished

NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
}
CODE = "  $ cat <notes.txt> & echo 'done'\n\tindented keeps its tab\n"


def xp(el: etree._Element, path: str) -> Any:
    return el.xpath(path, namespaces=NS)


def picture(kind: str, colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Picture.new("RGB", (12, 8), colour).save(out, kind)
    return out.getvalue()


PNG = Image("maps/harbour.png", "image/png", picture("PNG", (10, 80, 160)))
JPEG = Image("photos/gull.jpg", "image/jpeg", picture("JPEG", (200, 180, 90)))


def note(*blocks: Block) -> Note:
    return Note(blocks, SRC)


def every_node_book() -> Book:
    """Two chapters holding every block and inline node; notes restart per chapter."""
    nested = note(para("nested footnote words"))
    first = chapter(
        para(
            "Opening words of the harbour chapter ",
            Strikeout((text("struck wording"),), SRC),
            " then ",
            CodeSpan("inline_code()", SRC),
            " and a break",
            LineBreak(SRC),
            "after the break ",
            Link((text("safe link text"),), "https://example.org/tides?x=1", SRC),
            " ",
            Link((text("unsafe link text"),), "javascript:alert(1)", SRC),
            " ",
            Link((text("mail link"), note(para("linked note words"))), "mailto:a@example.org", SRC),
            " mark here",
            note(para("first footnote words ", nested), para("second note paragraph")),
            ".",
        ),
        BlockQuote((para("quoted letter words"), para("quoted second ", em("italic"))), SRC),
        Verse(
            (
                (text("verse line one"),),
                (text("verse line two "), tele("thought")),
                (),
                (text("second stanza line"),),
            ),
            SRC,
        ),
        Figure(PNG, "A map of the harbour", SRC, (text("harbour caption "), strong("bold"))),
        scene_break(),
        ListBlock(
            True,
            ((para("third item words"),), (para("fourth item"), para("fourth more"))),
            SRC,
            start=3,
        ),
        ListBlock(False, ((para("bullet words"),), (Figure(JPEG, "", SRC),)), SRC),
        CodeBlock(CODE, SRC),
        Subheading((text("subheading words "), em("Elena")), SRC),
        para("After the subheading."),
        Figure(PNG, "The harbour again", SRC),
        para("Closing words ", note(CodeBlock("note code", SRC), para("after code")), " end."),
        heading=heading("Chapter", 1, ("Harbour ", note(para("heading note words")))),
    )
    second = chapter(
        para("Second chapter words ", note(para("restarted note words")), " done."),
        heading=heading("Chapter", 2, "Gulls"),
    )
    return book(first, second)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("blocks") / "blocks.epub"
    epub.write(finished(every_node_book()), EpubOptions(), out)
    return out


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def doc(path: Path, name: str) -> etree._Element:
    return etree.fromstring(members(path)[f"EPUB/{name}"])


# --------------------------------------------------------------------------- markup


def test_footnotes_link_both_ways_and_restart_per_chapter(built: Path) -> None:
    one = doc(built, "chapter-001.xhtml")
    refs = xp(one, "//h:a[@epub:type='noteref']")
    # heading note, the note inside a link (set after it), the paragraph's note,
    # the closing note, then the nested note met inside note 3 (in its aside)
    assert [a.get("id") for a in refs] == [f"noteref-{n}" for n in range(1, 6)]
    assert xp(one, "//h:aside[@id='note-3']//h:a[@epub:type='noteref']/@id") == ["noteref-5"]
    for a in refs:
        n = a.get("id").removeprefix("noteref-")
        assert (a.get("href"), a.text, a.get("role")) == (f"#note-{n}", n, "doc-noteref")
        assert a.get("class") == "noteref"
    assert xp(one, "//h:a[@href][.//h:a]") == []  # links never nest
    asides = xp(one, "//h:section/h:aside[@epub:type='footnote']")
    assert [a.get("id") for a in asides] == [f"note-{n}" for n in range(1, 6)]
    assert {a.get("role") for a in asides} == {"doc-footnote"}
    for number, aside in enumerate(asides, start=1):
        assert xp(aside, "h:p[1]/h:a[1][@role='doc-backlink']/@href") == [f"#noteref-{number}"]
    assert xp(asides[2], "string(h:p[1])") == "3. first footnote words 5"
    assert xp(asides[3], "h:pre/h:code/text()") == ["note code"]
    # the notes follow the chapter's text
    section = xp(one, "//h:section")[0]
    assert [el.tag.split("}")[1] for el in section][-5:] == ["aside"] * 5
    two = doc(built, "chapter-002.xhtml")
    assert xp(two, "//h:a[@epub:type='noteref']/@id") == ["noteref-1"]
    assert xp(two, "//h:aside/@id") == ["note-1"]


def test_blocks_render_as_their_elements(built: Path) -> None:
    one = doc(built, "chapter-001.xhtml")
    assert xp(one, "//h:blockquote/h:p/@class") == ["first"]
    assert xp(one, "string(//h:blockquote/h:p[2])") == "quoted second italic"
    stanzas = xp(one, "//h:div[@class='verse'][@epub:type='z3998:verse']/h:p[@class='stanza']")
    assert [xp(s, "count(h:span[@class='line'])") for s in stanzas] == [2, 1]
    assert xp(one, "//h:ol/@start") == ["3"]
    assert xp(one, "count(//h:ol/h:li)") == 2
    assert xp(one, "//h:ul/@start") == []
    assert xp(one, "//h:ul/h:li[1]/h:p/text()") == ["bullet words"]
    assert xp(one, "string(//h:section/h:pre/h:code)") == CODE
    assert xp(one, "//h:del/text()") == ["struck wording"]
    assert xp(one, "//h:p/h:code/text()") == ["inline_code()"]
    assert xp(one, "count(//h:section/h:p[1]/h:br)") == 1
    assert xp(one, "//h:hr[@class='scene-break']/following-sibling::*[1]/self::h:ol/@start") == [
        "3"
    ]


def test_a_subheading_is_a_heading_a_level_below_the_chapters(built: Path) -> None:
    one = doc(built, "chapter-001.xhtml")
    assert xp(one, "count(//h:header/h:h1)") == 1  # a book without parts: chapters are h1
    subheads = xp(one, "//h:section/h:h2[@class='subhead']")
    assert [xp(h, "string()") for h in subheads] == ["subheading words Elena"]
    assert xp(subheads[0], "h:em/text()") == ["Elena"]
    # the text under it starts flush, as after a scene break
    assert xp(subheads[0], "following-sibling::*[1]/self::h:p/@class") == ["first"]
    css = members(built)["EPUB/css/book.css"].decode()
    assert re.search(r"h3\.subhead\s*\{[^}]*font-variant: small-caps", css)


def test_a_subheading_under_parts_is_h3(
    tmp_path: Path, epubcheck: Callable[[Path], EpubCheckResult]
) -> None:
    sub = Subheading((text("Marcus"),), SRC)
    told = chapter(para("She ran."), sub, para("He waited."), heading=heading("Chapter", 1))
    untitled = chapter(para("Words."), Subheading((text("Monday"),), SRC), para("More."))
    tree = book(part(told, untitled, heading=heading("Part", 1, "The Early Years")))
    out = tmp_path / "parts.epub"
    epub.write(finished(tree), EpubOptions(), out)
    one = doc(out, "chapter-001.xhtml")
    assert xp(one, "count(//h:header/h:h2)") == 1
    assert xp(one, "//h:h3[@class='subhead']/text()") == ["Marcus"]
    # a chapter that prints no heading: its subheading takes the chapters' level
    two = doc(out, "chapter-002.xhtml")
    assert xp(two, "//h:h2[@class='subhead']/text()") == ["Monday"]
    epubcheck(out)


def test_only_safe_links_are_links(built: Path) -> None:
    one = doc(built, "chapter-001.xhtml")
    hrefs = xp(one, "//h:a[not(@epub:type)][not(@role)]/@href")
    assert hrefs == ["https://example.org/tides?x=1", "mailto:a@example.org"]
    assert not any("javascript" in h for h in xp(one, "//@href"))
    assert "unsafe link text" in xp(one, "string(//h:section/h:p[1])")


def test_figures_and_their_images_in_the_package(built: Path) -> None:
    files = members(built)
    opf = etree.fromstring(files["EPUB/content.opf"])
    items = {i.get("href"): i for i in xp(opf, "//opf:manifest/opf:item")}
    images = {
        href: i.get("media-type")
        for href, i in items.items()
        if href.startswith("images/") and href != "images/cover.png"  # the made-up cover
    }
    assert images == {"images/image-001.png": "image/png", "images/image-002.jpg": "image/jpeg"}
    for href in images:
        assert files[f"EPUB/{href}"] in (PNG.data, JPEG.data)
    one = doc(built, "chapter-001.xhtml")
    assert xp(one, "//h:figure/h:img/@src") == [
        "images/image-001.png",
        "images/image-002.jpg",
        "images/image-001.png",
    ]
    assert xp(one, "//h:figure/h:img/@alt") == ["A map of the harbour", "", "The harbour again"]
    assert xp(one, "string(//h:figure[1]/h:figcaption)") == "harbour caption bold"
    # accessibility metadata says what the book holds
    meta = {
        p: xp(opf, f"//opf:meta[@property='schema:{p}']/text()")
        for p in ("accessMode", "accessModeSufficient", "accessibilityFeature")
    }
    assert meta["accessMode"] == ["textual", "visual"]
    assert meta["accessModeSufficient"] == ["textual,visual"]
    assert "alternativeText" in meta["accessibilityFeature"]
    (summary,) = xp(opf, "//opf:meta[@property='schema:accessibilitySummary']/text()")
    assert "3 illustrations: 2 with a text description, 1 without one." in summary
    assert "no images" not in summary
    assert xp(opf, "//opf:meta[@property='dcterms:conformsTo']") == []


def test_accessibility_summary_tells_the_truth() -> None:
    assert "no images except the cover" in accessibility_summary(True)
    assert "It has no images." in accessibility_summary(False)
    one = accessibility_summary(False, Figures(1, 1))
    assert "It has 1 illustration, which has a text description." in one
    both = accessibility_summary(True, Figures(2, 2))
    assert "Besides the cover, which has a text description, it has 2 illustrations, each" in both
    assert "none with a text description" in accessibility_summary(False, Figures(2, 0))


def test_a_figure_that_is_not_an_image_names_its_source(tmp_path: Path) -> None:
    fake = Image("notes.png", "image/png", b"plain text, not a picture")
    tree = book(chapter(para("x"), Figure(fake, "x", SRC)))
    out = tmp_path / "bad.epub"
    with pytest.raises(InputError, match=r"test\.txt:1: .*notes\.png.*convert it"):
        epub.write(finished(tree), EpubOptions(), out)
    assert not out.exists()


def test_builds_with_images_are_identical(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.epub"
    epub.write(finished(every_node_book()), EpubOptions(), again)
    assert again.read_bytes() == built.read_bytes()


def test_heading_with_a_note_names_the_document_without_it(built: Path) -> None:
    assert xp(doc(built, "chapter-001.xhtml"), "//h:title/text()") == ["Chapter 1: Harbour"]


def test_stylesheet_for_the_new_blocks(built: Path) -> None:
    css = members(built)["EPUB/css/book.css"].decode()
    ours = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules = {k.strip(): v for k, v in re.findall(r"([^{}]+)\{([^}]*)\}", ours)}
    assert "em" in rules["blockquote"] and "%" not in rules["blockquote"]
    assert "text-indent: -2em" in rules["div.verse span.line"]
    assert "max-width: 100%" in rules["figure img"]
    assert "page-break-inside: avoid" in rules["figure"]
    assert "monospace, monospace" in rules["code,\npre"]
    assert "vertical-align: super" in rules["a.noteref"]
    # Night mode keeps its colours: nothing after the notes sets one but "inherit".
    assert not re.search(r"color:(?!\s*inherit)", css.split("/* ---- notes")[1])


# --------------------------------------------------------------------------- every word


WORD = re.compile(r"\w+")


def tree_words(blocks: tuple[Block, ...], notes: list[Note]) -> Iterator[str]:
    """The words of some blocks in reading order; notes met are queued in `notes`."""
    for block in blocks:
        match block:
            case Paragraph() | Subheading():
                yield from inline_words(block.inlines, notes)
            case SceneBreak():
                pass
            case BlockQuote():
                yield from tree_words(block.blocks, notes)
            case Verse():
                for line in block.lines:
                    yield from inline_words(line, notes)
            case Figure():
                yield from inline_words(block.caption, notes)
            case ListBlock():
                for item in block.items:
                    yield from tree_words(item, notes)
            case CodeBlock():
                yield from WORD.findall(block.text)
            case _:
                assert_never(block)


def inline_words(inlines: tuple[Inline, ...], notes: list[Note]) -> Iterator[str]:
    for node in inlines:
        match node:
            case Text() | CodeSpan():
                yield from WORD.findall(node.text)
            case LineBreak():
                pass
            case Note():
                notes.append(node)
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                yield from inline_words(node.children, notes)
            case _:
                assert_never(node)


def in_order(expected: list[str], actual: list[str]) -> str | None:
    """The first expected word missing from `actual` in order, or None."""
    words = iter(actual)
    for word in expected:
        if not any(word == found for found in words):
            return word
    return None


def test_every_word_reaches_the_epub_in_order(built: Path) -> None:
    tree = every_node_book()
    for number, ch in enumerate(tree.chapters, start=1):
        notes: list[Note] = []
        assert ch.heading is not None
        expected = list(inline_words(ch.heading.title, notes))
        expected += tree_words(ch.blocks, notes)
        done = 0
        while done < len(notes):  # a note inside a note joins the queue
            expected += tree_words(notes[done].blocks, notes)
            done += 1
        section = xp(doc(built, f"chapter-{number:03d}.xhtml"), "//h:section")[0]
        actual = WORD.findall(" ".join(str(t) for t in xp(section, ".//text()")))
        assert in_order(expected, actual) is None, (expected, actual)


# --------------------------------------------------------------------------- EPUBCheck


@pytest.mark.slow
def test_epubcheck_every_node(built: Path, epubcheck: Callable[[Path], EpubCheckResult]) -> None:
    epubcheck(built)


def test_the_accessibility_summary_is_in_the_books_language() -> None:
    french = get_locale("fr").words.summary
    said = accessibility_summary(True, Figures(3, 2), french)
    assert said.startswith("Cette publication est un texte recomposable")
    assert "dont 2 avec une description textuelle et 1 sans" in said
