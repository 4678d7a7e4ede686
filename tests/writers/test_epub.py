"""The EPUB 3 writer: markup contract, packaging steps, determinism, EPUBCheck."""

from __future__ import annotations

import dataclasses
import io
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from PIL import Image
from pydantic import ValidationError

from compile_book.config import BookConfig
from compile_book.errors import BackendError, InputError, OutputError
from compile_book.nodes import Book, ChapterKind, Series
from compile_book.writers import epub, xhtml
from compile_book.writers.common import TocEntry
from compile_book.writers.epub import EpubOptions, options_from, package
from compile_book.writers.epub.documents import build_documents
from tests.epubcheck import run_epubcheck
from tests.trees import (
    big_book,
    book,
    chapter,
    em,
    full_book,
    heading,
    para,
    part,
    scene_break,
    simple_book,
    tele,
)
from tests.writers import finished

NS = {
    "h": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
MODIFIED = "2026-01-01T00:00:00Z"  # SOURCE_DATE_EPOCH from conftest


def xp(el: etree._Element, path: str) -> Any:
    """XPath with the namespaces above (results typed loosely, as lxml's are)."""
    return el.xpath(path, namespaces=NS)


class Epub:
    """An EPUB written by the writer, opened for XPath assertions."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with zipfile.ZipFile(path) as zf:
            self.members = {name: zf.read(name) for name in zf.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.members[f"EPUB/{name}"])

    def xpath(self, name: str, path: str) -> Any:
        return xp(self.xml(name), path)

    @property
    def opf(self) -> etree._Element:
        return self.xml("content.opf")

    def opf_xpath(self, path: str) -> Any:
        return xp(self.opf, path)

    def xhtml_names(self) -> list[str]:
        return [n.removeprefix("EPUB/") for n in self.members if n.endswith(".xhtml")]

    def spine(self) -> list[str]:
        """Hrefs of the spine items, in order."""
        hrefs = {i.get("id"): i.get("href") for i in self.opf_xpath("//opf:manifest/opf:item")}
        return [hrefs[ref.get("idref")] for ref in self.opf_xpath("//opf:spine/opf:itemref")]


def write_epub(tree: Book, out: Path, options: EpubOptions | None = None) -> None:
    """The writer on a hand-made tree given the front matter the pipeline builds."""
    epub.write(finished(tree), options or EpubOptions(), out)


def write(
    tmp_path: Path, tree: Book, options: EpubOptions | None = None, name: str = "book"
) -> Epub:
    out = tmp_path / f"{name}.epub"
    write_epub(tree, out, options)
    return Epub(out)


def make_jpeg(path: Path) -> Path:
    Image.new("RGB", (160, 256), (120, 30, 40)).save(path, "JPEG", quality=80)
    return path


def text_of(el: etree._Element) -> str:
    return "".join(str(t) for t in el.itertext())


# --------------------------------------------------------------------------- chapters


def test_chapter_markup_without_parts(tmp_path: Path) -> None:
    ep = write(tmp_path, simple_book())
    doc = "chapter-001.xhtml"
    (section,) = ep.xpath(doc, "/h:html/h:body/h:section")
    assert section.get(EPUB_TYPE) == "chapter"
    assert section.get("id")
    (header,) = xp(section, "h:header")
    headings = xp(header, "h:h1|h:h2|h:h3|h:h4|h:h5|h:h6")
    assert [h.tag.split("}")[1] for h in headings] == ["h1"]
    h1 = headings[0]
    assert xp(h1, "h:span[@class='label']/text()") == ["Chapter"]
    assert xp(h1, "h:span[@class='number']/text()") == ["1"]
    assert xp(h1, "h:span[@class='title']/text()") == ["All for nothing."]
    # label and number separated by a space, as one line of text
    assert text_of(h1).startswith("Chapter 1")
    assert ep.xpath(doc, "/h:html/h:head/h:title/text()") == ["Chapter 1: All for nothing."]
    # chapter 2 has no title: no title span, no subtitle
    assert ep.xpath("chapter-002.xhtml", "//h:h1/h:span[@class='title']") == []
    assert ep.xpath("chapter-002.xhtml", "//h:title/text()") == ["Chapter 2"]


def test_paragraphs_scene_break_and_first_class(tmp_path: Path) -> None:
    ep = write(tmp_path, simple_book())
    section = ep.xpath("chapter-001.xhtml", "//h:section")[0]
    blocks = [el for el in section if el.tag != f"{{{NS['h']}}}header"]
    kinds = [(el.tag.split("}")[1], el.get("class")) for el in blocks]
    assert kinds == [("p", "first"), ("p", None), ("hr", "scene-break"), ("p", "first")]
    # the first paragraph of the second chapter is unindented too
    assert ep.xpath("chapter-002.xhtml", "//h:p/@class") == ["first"]


def test_chapter_opens_with_small_caps_lead_in(tmp_path: Path) -> None:
    tree = book(chapter("The first time Nell heard the bells.", "Second paragraph here today."))
    ep = write(tmp_path, tree)
    (first,) = ep.xpath("chapter-001.xhtml", "//h:p[@class='first']")
    assert xp(first, "h:span[@class='lead']/text()") == ["The first time"]
    assert xp(first, "string(.)") == "The first time Nell heard the bells."
    # only the chapter's opening, not later paragraphs or short openings
    assert ep.xpath("chapter-001.xhtml", "count(//h:span[@class='lead'])") == 1
    short = write(tmp_path, book(chapter("Go.")), name="short")
    assert short.xpath("chapter-001.xhtml", "count(//h:span[@class='lead'])") == 0


def test_scene_break_at_edges_or_doubled_is_dropped(tmp_path: Path) -> None:
    tree = book(chapter(scene_break(), "One.", scene_break(), scene_break(), "Two.", scene_break()))
    ep = write(tmp_path, tree)
    section = ep.xpath("chapter-001.xhtml", "//h:section")[0]
    assert [el.tag.split("}")[1] for el in section] == ["p", "hr", "p"]


def test_telepathy_and_emphasis_nesting(tmp_path: Path) -> None:
    ep = write(tmp_path, simple_book())
    (p,) = ep.xpath("chapter-001.xhtml", "//h:p[h:span]")
    (span,) = xp(p, "h:span")
    assert span.get("class") == "telepathic"
    assert span.text == "Run, "
    assert xp(span, "h:em/text()") == ["now"]
    assert xp(p, "h:strong/text()") == ["ran"]
    assert text_of(p) == "She thought: Run, now. And ran."


def test_telepathy_style_class(tmp_path: Path) -> None:
    ep = write(tmp_path, simple_book(), EpubOptions(telepathy_style="small-caps"))
    assert ep.xpath("chapter-001.xhtml", "//h:span[h:em]/@class") == ["telepathic small-caps"]


def test_prose_is_escaped_not_markup(tmp_path: Path) -> None:
    nasty = '<b>&amp; "x" ]]>'
    tree = book(
        chapter(
            para(nasty, em(nasty), tele(nasty)),
            heading=heading("Chapter", 1, nasty),
        ),
        title=nasty,
        authors=(nasty,),
    )
    ep = write(tmp_path, tree)
    doc = ep.xml("chapter-001.xhtml")
    assert xp(doc, "//h:b") == []
    (p,) = xp(doc, "//h:p")
    assert text_of(p) == nasty * 3
    assert xp(doc, "//h:span[@class='title']/text()") == [nasty]
    assert ep.opf_xpath("//dc:title[@id='title']/text()") == [nasty]
    assert ep.opf_xpath("//dc:creator/text()") == [nasty]
    assert ep.xpath("titlepage.xhtml", "//h:h1/text()") == [nasty]
    assert b"<b>" not in ep.members["EPUB/chapter-001.xhtml"]


def test_parts_prologue_epilogue(tmp_path: Path) -> None:
    ep = write(tmp_path, full_book())
    # part pages: h1 inside a part section
    (part,) = ep.xpath("part-01.xhtml", "//h:section")
    assert part.get(EPUB_TYPE) == "part"
    assert ep.xpath("part-01.xhtml", "//h:header/h:h1/h:span[@class='number']/text()") == ["One"]
    assert ep.xpath("part-01.xhtml", "//h:title/text()") == ["Part One: The First"]
    # chapters under real parts take h2, and no h1
    types = {}
    for name in ep.xhtml_names():
        if not name.startswith("chapter-"):
            continue
        assert ep.xpath(name, "//h:h1") == []
        assert len(ep.xpath(name, "//h:header/h:h2")) == 1
        types[ep.xpath(name, "//h:h2//text()")[0]] = ep.xpath(name, "//h:section/@epub:type")[0]
    assert types == {
        "Prologue": "prologue",
        "Chapter": "chapter",
        "Interlude": "chapter",
        "Epilogue": "epilogue",
    }
    # subtitle sits in the header
    mid = "chapter-003.xhtml"
    assert ep.xpath(mid, "//h:header/h:p[@class='subtitle']/text()") == ["In which little happens"]
    # title inlines keep their emphasis
    assert ep.xpath("chapter-004.xhtml", "//h:span[@class='title']/h:em/text()") == ["Finis"]
    # reading order: part page before its chapters
    body = [h for h in ep.spine() if h.startswith(("part-", "chapter-"))]
    assert body == [
        "chapter-001.xhtml",
        "part-01.xhtml",
        "chapter-002.xhtml",
        "chapter-003.xhtml",
        "part-02.xhtml",
        "chapter-004.xhtml",
        "chapter-005.xhtml",
        "chapter-006.xhtml",
    ]


def test_headingless_chapters(tmp_path: Path) -> None:
    single = write(tmp_path, book(chapter("Only.")), name="single")
    assert single.xpath("chapter-001.xhtml", "//h:header") == []
    assert single.xpath("chapter-001.xhtml", "//h:title/text()") == ["The Test Book"]
    assert single.xpath("nav.xhtml", "//h:nav[@epub:type='toc']//h:a/text()") == ["The Test Book"]
    # Several headingless chapters are named by their opening words, never by an
    # invented "Chapter N" that could clash with a real heading.
    several = write(
        tmp_path,
        book(chapter("One."), chapter("It was late when the ferry came in at last.")),
        name="several",
    )
    assert several.xpath("nav.xhtml", "//h:nav[@epub:type='toc']//h:a/text()") == [
        "One.",
        "It was late when the ferry…",
    ]
    assert several.xpath("chapter-002.xhtml", "//h:section/@aria-label") == [
        "It was late when the ferry…"
    ]


# --------------------------------------------------------------------------- navigation


def test_nav_toc_and_landmarks(tmp_path: Path) -> None:
    ep = write(tmp_path, full_book(str(make_jpeg(tmp_path / "c.jpg"))))
    (toc,) = ep.xpath("nav.xhtml", "//h:nav[@epub:type='toc']")
    top = xp(toc, "h:ol/h:li")
    assert [xp(li, "string(h:a)") for li in top] == [
        "Prologue",
        "Part One: The First",
        "Part Two",
        "Epilogue",
    ]
    nested = xp(top[1], "h:ol/h:li/h:a")
    assert [(a.text, a.get("href")) for a in nested] == [
        ("Chapter 1: Start", "chapter-002.xhtml"),
        ("Chapter 2: Middle", "chapter-003.xhtml"),
    ]
    assert xp(top[2], "h:ol/h:li/h:a/text()") == [
        "Chapter 3: Finis terrae",
        "Interlude",
    ]
    marks = ep.xpath("nav.xhtml", "//h:nav[@epub:type='landmarks']//h:a")
    assert [(a.get(EPUB_TYPE), a.get("href")) for a in marks] == [
        ("cover", "cover.xhtml"),
        ("titlepage", "titlepage.xhtml"),
        ("toc", "nav.xhtml#toc"),
        ("bodymatter", "chapter-001.xhtml"),
    ]
    assert ep.opf_xpath("//opf:item[@properties='nav']/@href") == ["nav.xhtml"]


def test_ncx_mirrors_toc(tmp_path: Path) -> None:
    ep = write(tmp_path, full_book())
    ncx = ep.xml("toc.ncx")
    assert xp(ncx, "//ncx:meta[@name='dtb:uid']/@content") == ["urn:isbn:9780306406157"]
    top = xp(ncx, "/ncx:ncx/ncx:navMap/ncx:navPoint")
    assert len(top) == 4
    assert len(xp(ncx, "//ncx:navPoint")) == 8
    ids = xp(ncx, "//ncx:navPoint/@id")
    assert len(set(ids)) == len(ids)
    assert ep.opf_xpath("//opf:spine/@toc") == ["ncx"]


# --------------------------------------------------------------------------- package


def test_opf_metadata(tmp_path: Path) -> None:
    ep = write(tmp_path, full_book(str(make_jpeg(tmp_path / "c.jpg"))))
    x = ep.opf_xpath
    uid = ep.opf.get("unique-identifier")
    assert x(f"//dc:identifier[@id='{uid}']/text()") == ["urn:isbn:9780306406157"]
    assert x("//dc:title[@id='title']/text()") == ["The Test Book"]
    assert x("//opf:meta[@refines='#title'][@property='title-type']/text()") == ["main"]
    assert x("//dc:title[@id='subtitle']/text()") == ["A Novel"]
    assert x("//opf:meta[@refines='#subtitle'][@property='title-type']/text()") == ["subtitle"]
    assert x("//dc:language/text()") == ["en"]
    creators = x("//dc:creator")
    assert [c.text for c in creators] == ["Jane Doe", "John Roe"]
    assert len({c.get("id") for c in creators}) == 2
    assert x("//dc:publisher/text()") == ["Small Press"]
    assert x("//dc:date/text()") == ["2025-03-01"]
    assert x("//dc:description/text()") == ["A book for testing."]
    assert x("//dc:rights/text()") == ["Copyright © 2025 Jane Doe and John Roe"]
    assert x("//opf:meta[@property='dcterms:modified']/text()") == [MODIFIED]
    (series,) = x("//opf:meta[@property='belongs-to-collection']")
    assert series.text == "The Test Cycle"
    ref = f"#{series.get('id')}"
    assert x(f"//opf:meta[@refines='{ref}'][@property='collection-type']/text()") == ["series"]
    assert x(f"//opf:meta[@refines='{ref}'][@property='group-position']/text()") == ["2"]

    def schema(prop: str) -> list[str]:
        return x(f"//opf:meta[@property='schema:{prop}']/text()")  # type: ignore[no-any-return]

    assert schema("accessMode") == ["textual"]
    assert schema("accessModeSufficient") == ["textual"]
    assert schema("accessibilityFeature") == [
        "structuralNavigation",
        "tableOfContents",
        "readingOrder",
        "alternativeText",
    ]
    assert schema("accessibilityHazard") == ["none"]
    assert schema("accessibilitySummary")[0].strip()
    # the cover image and its page
    (img,) = x("//opf:item[@properties='cover-image']")
    assert img.get("media-type") == "image/jpeg"
    assert img.get("href") in ep.xpath("cover.xhtml", "//h:img/@src")
    assert ep.xpath("cover.xhtml", "//h:img/@alt")[0].startswith("The cover of The Test Book")
    # the cover page is linear (EPUBCheck OPF-096) and first
    assert x("//opf:itemref[@linear='no']") == []
    assert ep.spine()[0] == "cover.xhtml"


def test_no_cover_gets_a_typographic_one(tmp_path: Path) -> None:
    ep = write(tmp_path, simple_book())
    (item,) = ep.opf_xpath("//opf:item[@properties='cover-image']")
    assert item.get("href") == "images/cover.png" and item.get("media-type") == "image/png"
    with Image.open(io.BytesIO(ep.members["EPUB/images/cover.png"])) as made:
        assert made.size == (1600, 2560)
        # Stored as Typst renders it: an opaque page, which readers show as RGB.
        assert made.mode in ("RGB", "RGBA")
        if made.mode == "RGBA":
            assert made.getchannel("A").getextrema() == (255, 255)
    assert ep.spine()[0] == "cover.xhtml"
    assert ep.opf_xpath("//opf:meta[@property='belongs-to-collection']") == []
    assert run_epubcheck(ep.path).clean


def test_png_cover(tmp_path: Path) -> None:
    png = tmp_path / "cover.png"
    Image.new("RGB", (32, 48), (0, 0, 90)).save(png, "PNG")
    ep = write(tmp_path, book(chapter("x"), cover=str(png)))
    assert ep.opf_xpath("//opf:item[@properties='cover-image']/@media-type") == ["image/png"]


def test_lang_on_every_document(tmp_path: Path) -> None:
    tree = full_book(str(make_jpeg(tmp_path / "c.jpg")))
    tree = dataclasses.replace(tree, meta=dataclasses.replace(tree.meta, language="de"))
    ep = write(tmp_path, tree)
    names = ep.xhtml_names()
    assert len(names) == 14  # 5 front pages, nav, 2 part pages, 6 chapters
    for name in names:
        root = ep.xml(name)
        assert (root.get("lang"), root.get(XML_LANG)) == ("de", "de"), name
        assert xp(root, "string(/h:html/h:head/h:title)").strip(), name
    assert ep.xpath("nav.xhtml", "//h:nav[@epub:type='toc']/h:h1/text()") == ["Inhalt"]


def test_front_matter_pages(tmp_path: Path) -> None:
    ep = write(tmp_path, full_book())
    title = ep.xml("titlepage.xhtml")
    assert xp(title, "//h:section/@epub:type") == ["titlepage"]
    assert xp(title, "//h:p[@class='author']/text()") == ["Jane Doe", "John Roe"]
    assert xp(title, "//h:p[@class='subtitle']/text()") == ["A Novel"]
    assert xp(title, "//h:p[@class='publisher']/text()") == ["Small Press"]
    lines = ep.xpath("copyright.xhtml", "//h:section[@epub:type='copyright-page']/h:p/text()")
    assert lines == [
        "Copyright © 2025 Jane Doe and John Roe",
        "All rights reserved.",
        "First edition",
        "ISBN 9780306406157",
        "Published by Small Press",
        "March 1, 2025",
    ]
    assert ep.xpath("dedication.xhtml", "//h:section[@epub:type='dedication']/h:p/text()") == [
        "For everyone",
        "who waited.",
    ]
    assert ep.xpath("epigraph.xhtml", "//h:section[@epub:type='epigraph']//h:blockquote/h:p/text()")
    spine = ep.spine()
    assert spine[: spine.index("nav.xhtml") + 1] == [
        "cover.xhtml",  # made from the title: the tree has no cover
        "titlepage.xhtml",
        "copyright.xhtml",
        "dedication.xhtml",
        "epigraph.xhtml",
        "nav.xhtml",
    ]


def test_explicit_rights_are_used(tmp_path: Path) -> None:
    ep = write(tmp_path, book(chapter("x"), rights="© 2020 Someone. CC BY 4.0."))
    assert ep.xpath("copyright.xhtml", "//h:p/text()") == ["© 2020 Someone. CC BY 4.0."]
    assert ep.opf_xpath("//dc:rights/text()") == ["© 2020 Someone. CC BY 4.0."]


def test_stylesheet(tmp_path: Path) -> None:
    ep = write(tmp_path, simple_book())
    css = ep.members["EPUB/css/book.css"].decode()
    assert "text-indent: 1em" in css
    assert "p.first" in css
    assert "hr.scene-break" in css and "page-break-before: avoid" in css
    assert "body {" not in css  # reader defaults for size, leading and colour
    assert ep.xpath("chapter-001.xhtml", "//h:link[@rel='stylesheet']/@href") == ["css/book.css"]


# --------------------------------------------------------------------------- failures


def test_unreadable_cover_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jpg"
    with pytest.raises(InputError) as info:
        write_epub(book(chapter("x"), cover=str(missing)), tmp_path / "b.epub")
    assert "nope.jpg" in str(info.value)
    assert not (tmp_path / "b.epub").exists()


def test_cover_that_is_not_an_image(tmp_path: Path) -> None:
    fake = tmp_path / "cover.jpg"
    fake.write_text("not an image")
    with pytest.raises(InputError, match=r"cover\.jpg"):
        write_epub(book(chapter("x"), cover=str(fake)), tmp_path / "b.epub")


def test_unwritable_location_raises_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    out = blocker / "book.epub"
    with pytest.raises(OutputError):
        write_epub(simple_book(), out)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_failure_midway_leaves_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "book.epub"
    out.write_bytes(b"previous good build")

    def broken(files: object, target: Path, when: object) -> None:
        target.write_bytes(b"half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(package, "build_zip", broken)
    with pytest.raises(OutputError):
        write_epub(simple_book(), out)
    assert out.read_bytes() == b"previous good build"
    assert [p.name for p in tmp_path.iterdir()] == ["book.epub"]


def test_invalid_xml_characters_raise_backend_error(tmp_path: Path) -> None:
    with pytest.raises(BackendError):
        write_epub(book(chapter("bad \x00 byte")), tmp_path / "b.epub")


# --------------------------------------------------------------------------- reproducibility


def test_deterministic_zip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    tree = full_book(str(make_jpeg(tmp_path / "c.jpg")))
    a, b = tmp_path / "a.epub", tmp_path / "b.epub"
    write_epub(tree, a)
    write_epub(tree, b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as zf:
        infos = zf.infolist()
    assert infos[0].filename == "mimetype"
    assert infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b""
    assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos[1:])
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
    assert Epub(a).opf_xpath("//opf:meta[@property='dcterms:modified']/text()") == [
        "2023-11-14T22:13:20Z"
    ]


# --------------------------------------------------------------------------- EPUBCheck


@pytest.mark.slow
def test_epubcheck_simple_book(tmp_path: Path, epubcheck) -> None:  # type: ignore[no-untyped-def]
    ep = write(tmp_path, simple_book())
    epubcheck(ep.path)


@pytest.mark.slow
def test_epubcheck_full_book(tmp_path: Path, epubcheck) -> None:  # type: ignore[no-untyped-def]
    ep = write(tmp_path, full_book(str(make_jpeg(tmp_path / "cover.jpg"))))
    epubcheck(ep.path)


# --------------------------------------------------------------------------- performance


@pytest.mark.slow
def test_epub_time_grows_linearly_with_the_book(tmp_path: Path) -> None:
    # A growth ratio, not a wall-clock limit: four times the words must cost about four
    # times as long (well under the sixteen a quadratic step would take).
    def seconds(words: int) -> float:
        tree = finished(big_book(words, chapters=words // 2000))
        best = float("inf")
        for _ in range(3):
            # This process's processor time: other work on a busy machine does not count.
            start = time.process_time()
            epub.write(tree, EpubOptions(), tmp_path / f"big-{words}.epub")
            best = min(best, time.process_time() - start)
        return best

    small, large = seconds(50_000), seconds(200_000)
    assert large / small < 8, (small, large)


def test_chapter_kinds_all_handled() -> None:
    assert set(xhtml.CHAPTER_TYPES) == set(ChapterKind)


def test_fractional_series_position(tmp_path: Path) -> None:
    ep = write(tmp_path, book(chapter("x"), series=Series("Cycle", 2.5)))
    assert ep.opf_xpath("//opf:meta[@property='group-position']/text()") == ["2.5"]


def test_book_without_chapters_is_a_backend_error(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="no chapters"):
        write_epub(book(), tmp_path / "b.epub")
    assert not (tmp_path / "b.epub").exists()


# --------------------------------------------------------------------------- packaging steps

WHEN = datetime(2026, 1, 1, tzinfo=UTC)


def test_options_from_book_toml() -> None:
    config = BookConfig.model_validate(
        {"telepathy": {"style": "bold"}, "headings": {"chapter_numbers": "roman"}}
    )
    assert options_from(config) == EpubOptions(telepathy_style="bold", chapter_numbers="roman")
    with pytest.raises(ValidationError):
        EpubOptions(chapter_numbers="klingon")  # type: ignore[arg-type]


def test_metadata_step_alone() -> None:
    tree = finished(full_book())
    md = package.build_metadata(tree, has_cover=False, when=WHEN)
    assert xp(md, "dc:identifier[@id='id']/text()") == ["urn:isbn:9780306406157"]
    assert xp(md, "dc:title/text()") == ["The Test Book", "A Novel"]
    creators = xp(md, "dc:creator")
    assert [c.text for c in creators] == ["Jane Doe", "John Roe"]
    for creator in creators:
        refine = f"opf:meta[@refines='#{creator.get('id')}'][@property='role']/text()"
        assert xp(md, refine) == ["aut"]
    assert xp(md, "opf:meta[@property='dcterms:modified']/text()") == [MODIFIED]
    assert xp(md, "opf:meta[@name='cover']") == []
    assert "alternativeText" not in xp(
        md, "opf:meta[@property='schema:accessibilityFeature']/text()"
    )
    # An ISBN that is not the identifier is listed as a second identifier.
    other = dataclasses.replace(tree, meta=dataclasses.replace(tree.meta, identifier="urn:x"))
    assert xp(package.build_metadata(other, False, WHEN), "dc:identifier[@id='isbn']/text()") == [
        "urn:isbn:9780306406157"
    ]


def test_content_document_step_alone(tmp_path: Path) -> None:
    tree = finished(full_book())
    docs = build_documents(tree, EpubOptions(), cover=None)
    opf = etree.fromstring(package.build_content(tree, docs, None, WHEN))
    assert opf.get(XML_LANG) == "en"
    manifest = xp(opf, "//opf:manifest/opf:item/@href")
    assert manifest[0] == "css/book.css" and manifest[-1] == "toc.ncx"
    spine = xp(opf, "//opf:spine/opf:itemref/@idref")
    assert spine == [doc.uid for doc in docs.spine]
    assert spine[:5] == ["titlepage", "copyright", "dedication", "epigraph", "nav"]
    assert xp(opf, "//opf:guide/opf:reference/@type") == ["title-page", "toc", "text"]


def test_navigation_document_step_alone() -> None:
    tree = finished(full_book())
    docs = build_documents(tree, EpubOptions(), cover=None)
    nav = etree.fromstring(docs.nav.content)
    assert xp(nav, "//h:nav[@epub:type='toc']/h:h1/text()") == ["Contents"]
    assert xp(nav, "//h:nav[@epub:type='toc']/h:ol/h:li/h:a/@href") == [
        "chapter-001.xhtml",
        "part-01.xhtml",
        "part-02.xhtml",
        "chapter-006.xhtml",
    ]
    assert xp(nav, "//h:nav[@epub:type='landmarks']/@hidden") == ["hidden"]


def test_ncx_step_alone() -> None:
    entries = (
        TocEntry("chapter-001", "Prologue"),
        TocEntry("part-01", "Part One", (TocEntry("chapter-002", "Chapter 1"),)),
    )
    ncx = etree.fromstring(package.build_ncx(finished(simple_book()), entries))
    points = xp(ncx, "//ncx:navPoint")
    assert [p.get("playOrder") for p in points] == ["1", "2", "3"]
    assert xp(ncx, "//ncx:navPoint/ncx:content/@src") == [
        "chapter-001.xhtml",
        "part-01.xhtml",
        "chapter-002.xhtml",
    ]
    assert xp(
        ncx, "/ncx:ncx/ncx:navMap/ncx:navPoint[2]/ncx:navPoint/ncx:navLabel/ncx:text/text()"
    ) == ["Chapter 1"]
    assert xp(ncx, "//ncx:meta[@name='dtb:depth']/@content") == ["2"]
    assert xp(ncx, "//ncx:docTitle/ncx:text/text()") == ["The Test Book"]


def test_container_and_mimetype_steps() -> None:
    assert package.build_mimetype() == b"application/epub+zip"
    container = etree.fromstring(package.build_container())
    paths = container.xpath("//c:rootfile/@full-path", namespaces={"c": package.CONTAINER_NS})
    assert paths == [package.OPF_PATH]


def test_heading_numbers_print_in_the_book_style(tmp_path: Path) -> None:
    tree = book(
        part(
            chapter("One.", heading=heading("Chapter", 2, "Roads", number_text="II")),
            heading=heading("Part", 1, number_text="1"),
        )
    )
    words = EpubOptions(chapter_numbers="words", part_numbers="roman")
    ep = write(tmp_path, tree, words)
    assert ep.xpath("chapter-001.xhtml", "//h:span[@class='number']/text()") == ["Two"]
    assert ep.xpath("chapter-001.xhtml", "//h:title/text()") == ["Chapter Two: Roads"]
    assert ep.xpath("part-01.xhtml", "//h:title/text()") == ["Part I"]
    assert ep.xpath("nav.xhtml", "//h:nav[@epub:type='toc']//h:a/text()") == [
        "Part I",
        "Chapter Two: Roads",
    ]
    assert ep.xpath("toc.ncx", "//ncx:text/text()")[1:] == ["Part I", "Chapter Two: Roads"]
    # As written by default: the manuscript's own "II".
    plain = write(tmp_path, tree, name="plain")
    assert plain.xpath("chapter-001.xhtml", "//h:span[@class='number']/text()") == ["II"]


def test_a_tree_without_front_matter_still_has_its_navigation(tmp_path: Path) -> None:
    out = tmp_path / "bare.epub"
    epub.write(simple_book(), EpubOptions(), out)  # no matter transform: no front pages
    ep = Epub(out)
    assert ep.spine()[:2] == ["cover.xhtml", "nav.xhtml"]  # the cover is made from the title
    assert ep.xpath("nav.xhtml", "//h:nav[@epub:type='toc']/h:h1/text()") == ["Contents"]
    assert ep.opf_xpath("//dc:rights") == []
