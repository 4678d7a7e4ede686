"""The submission manuscript (Shunn's Standard Manuscript Format), read back the way an
editor's tools would: the .docx with python-docx, the PDF with pypdf."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any, cast

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph
from PIL import Image as PILImage
from pydantic import ValidationError

from compile_book import api, writers
from compile_book import nodes as n
from compile_book.config import BookConfig, parse_config
from compile_book.errors import ConfigError
from compile_book.pagemodel.words import word_count
from compile_book.writers.common import Headings, WriterOptions
from compile_book.writers.manuscript import ManuscriptOptions, options_from
from compile_book.writers.manuscript.shunn import approximate, count_text, surname
from tests.paths import ROOT
from tests.trees import SRC, book, chapter, em, full_book, heading, para, simple_book, tele, text
from tests.writers import finished
from tests.writers.pdfread import block_words, norm_words

HEADER = "Doe / The Test Book / "
CONTACT = {
    "name": "Jane Q. Public",
    "address": ["12 Pier Road", "Carrow PL1 2AB"],
    "phone": "+44 1234 567890",
    "email": "jane@example.com",
}


# --------------------------------------------------------------------------- helpers


def options(**submission: Any) -> ManuscriptOptions:
    return options_from(BookConfig.model_validate({"submission": submission}))


def write(tmp_path: Path, fmt: str, tree: n.Book, **submission: Any) -> Path:
    out = tmp_path / f"out{writers.extension(fmt)}"
    writers.write(finished(tree), fmt, out, options(**submission))
    return out


def read_docx(tmp_path: Path, tree: n.Book, **submission: Any) -> Any:
    return docx.Document(str(write(tmp_path, "manuscript", tree, **submission)))


def read_pdf(tmp_path: Path, tree: n.Book, **submission: Any) -> pypdf.PdfReader:
    return pypdf.PdfReader(write(tmp_path, "manuscript-pdf", tree, **submission))


def count_of(tree: n.Book) -> str:
    return count_text(approximate(word_count(tree)))


def heading_words(tree: n.Book, headings: Headings | None = None) -> dict[int, list[str]]:
    """Words each part's or chapter's heading prints, by section index."""
    headings = headings or Headings.of(tree, WriterOptions())
    out: dict[int, list[str]] = {}
    index = 0
    for part in tree.parts:
        if part.heading is not None:
            out[index] = norm_words(_lines(headings.part(part.heading)))
            index += 1
        for ch in part.chapters:
            out[index] = norm_words(_lines(headings.chapter(ch.heading))) if ch.heading else []
            index += 1
    return out


def _lines(printed: Any) -> str:
    head = " ".join(x for x in (printed.label, printed.number) if x)
    return f"{head} {n.plain_text(printed.title)} {n.plain_text(printed.subtitle)}"


def expected_words(
    tree: n.Book, front: list[str], end: str = "END", headings: Headings | None = None
) -> list[str]:
    """Page one's lines, then every heading and block in order, then the end mark."""
    words = norm_words(" ".join(front))
    heads = heading_words(tree, headings)
    index = 0
    for part in tree.parts:
        if part.heading is not None:
            words += heads[index]
            index += 1
        for ch in part.chapters:
            words += heads[index] + block_words(ch.blocks)
            index += 1
    return words + norm_words(end)


def pdf_words(reader: pypdf.PdfReader, header: str = HEADER) -> list[str]:
    """The words of every page in order, the running header taken off pages two on
    (and a footnote's mark, which extracts glued to its word: ``mark1``, ``1The``)."""
    text: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        lines = page.extract_text().splitlines()
        if number > 1:
            assert lines[0] == f"{header}{number}", lines[:2]
            lines = lines[1:]
        else:
            assert not any(line.startswith(header) for line in lines)
        text.extend(re.sub(r"(?<=[a-z])1\b|^1(?=[A-Z])", "", line) for line in lines)
    return norm_words("\n".join(text))


def png(width: int = 60, height: int = 30) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 40, 40)).save(out, format="PNG")
    return out.getvalue()


def rich_book() -> n.Book:
    """Every kind of block and inline a manuscript may hold."""
    note = n.Note((para("The note says this."),), SRC)
    figure = n.Figure(
        n.Image("light.png", "image/png", png()),
        "A lighthouse",
        SRC,
        caption=(text("The light at Carrow"),),
    )
    verse = n.Verse(
        ((text("Ring the bell"),), (text("and ring again"),), (), (text("for the boats"),)), SRC
    )
    return book(
        chapter(
            para("It began ", em("quietly"), " and ", n.Strong((text("boldly"),), SRC), "."),
            para("She thought: ", tele("Run now."), " A mark", note, " here."),
            n.BlockQuote((para("Dear Nell, the letter said."),), SRC),
            verse,
            n.ListBlock(False, ((para("salt"),), (para("iron"),)), SRC),
            n.ListBlock(True, ((para("first"),), (para("second"),)), SRC, start=3),
            n.CodeBlock("ls -la\n  cd home", SRC),
            n.Subheading((text("Elena "), em("alone")), SRC),
            figure,
            n.SceneBreak(SRC),
            para("Markup #set page(width: 1pt) and $x$ and *stars* stays text."),
            heading=heading("Chapter", 1, "Everything"),
        ),
        chapter("The end of it.", heading=heading("Chapter", 2)),
    )


# --------------------------------------------------------------------------- Shunn's rules


@pytest.mark.parametrize(
    ("words", "rounded"),
    [
        (42, 42),  # flash: exact, never "about 0 words"
        (149, 100),
        (150, 200),  # halves round up
        (1486, 1500),  # Shunn's own example
        (17_449, 17_400),  # a story or novelette: nearest 100
        (17_500, 17_500),  # a novella: nearest 500
        (17_740, 17_500),
        (17_760, 18_000),
        (39_800, 40_000),
        (40_000, 40_000),  # a novel: nearest 1,000
        (84_321, 84_000),
        (84_500, 85_000),
    ],
)
def test_word_count_is_rounded_as_shunn_asks(words: int, rounded: int) -> None:
    assert approximate(words) == rounded


def test_word_count_text() -> None:
    assert count_text(1500) == "about 1,500 words"
    assert count_text(84_000) == "about 84,000 words"
    assert count_text(42) == "42 words"
    assert count_text(1) == "1 word"


@pytest.mark.parametrize(
    ("name", "family"),
    [
        ("Jane Doe", "Doe"),
        ("Ursula K. Le Guin", "Le Guin"),
        ("Jan van der Berg", "van der Berg"),
        ("Martin Luther King Jr.", "King"),
        ("Moebius", "Moebius"),
    ],
)
def test_surname_of_the_byline(name: str, family: str) -> None:
    assert surname(name) == family


def test_submission_table_in_book_toml() -> None:
    config = parse_config({"submission": {**CONTACT, "address": "One line", "font": "times"}})
    assert config.submission.address == ["One line"]
    assert config.submission.font == "times"
    with pytest.raises(ConfigError, match=r"submission\.word_count"):
        parse_config({"submission": {"word_count": -5}})
    with pytest.raises(ConfigError, match=r"submission\.adress: unknown key"):
        parse_config({"submission": {"adress": "x"}})
    with pytest.raises(ValidationError):
        options(font="comic")


def test_registry() -> None:
    assert writers.extension("manuscript") == ".docx"
    # Its own name: beside the print PDF in one folder, neither overwrites the other.
    assert writers.file_name("manuscript-pdf", "book") == "book-manuscript.pdf"
    assert writers.file_name("manuscript", "book") == "book-manuscript.docx"


# --------------------------------------------------------------------------- the .docx


def body_paragraphs(document: Any) -> list[Any]:
    """The document's paragraphs (typed loosely: python-docx's style may be ``None``)."""
    paragraphs: list[Paragraph] = document.paragraphs
    return list(paragraphs)


def test_docx_page_and_text_follow_the_format(tmp_path: Path) -> None:
    document = read_docx(tmp_path, simple_book())
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    for margin in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        assert getattr(section, margin) == Inches(1)
    normal = document.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Courier New"
    assert fonts.get(qn("w:asciiTheme")) is None
    assert normal.font.size == Pt(12)
    fmt = normal.paragraph_format
    assert fmt.line_spacing_rule == WD_LINE_SPACING.DOUBLE
    assert fmt.first_line_indent == Inches(0.5)
    assert fmt.space_before == fmt.space_after == Pt(0)
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.LEFT  # ragged right
    body = [p for p in body_paragraphs(document) if p.style.name == "Normal"]
    assert body and all(p.paragraph_format.line_spacing is None for p in body)


def test_docx_times_and_a4(tmp_path: Path) -> None:
    document = read_docx(tmp_path, simple_book(), font="times", paper="a4")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].element.rPr.rFonts.get(qn("w:ascii")) == "Times New Roman"


def test_docx_page_one(tmp_path: Path) -> None:
    document = read_docx(tmp_path, simple_book(), **CONTACT)
    paragraphs = body_paragraphs(document)
    contact = [p.text for p in paragraphs if p.style.name == "Contact"]
    assert contact == [
        f"Jane Q. Public\t{count_of(simple_book())}",
        "12 Pier Road",
        "Carrow PL1 2AB",
        "+44 1234 567890",
        "jane@example.com",
    ]
    title = next(p for p in paragraphs if p.style.name == "Manuscript Title")
    assert title.text == "The Test Book"
    # A third to half way down the page, below the five single-spaced contact lines.
    down = Inches(1) + Pt(5 * 14) + title.paragraph_format.space_before
    assert Inches(11 / 3) < down < Inches(11 / 2)
    assert [p.text for p in paragraphs if p.style.name == "Byline"] == ["by Jane Doe"]


def test_docx_page_one_without_contact_details_leaves_lines_out(tmp_path: Path) -> None:
    tree = book(chapter("A story of five words."), authors=())
    document = read_docx(tmp_path, tree)
    paragraphs = body_paragraphs(document)
    assert [p.text for p in paragraphs if p.style.name == "Contact"] == ["\t5 words"]
    assert not [p for p in paragraphs if p.style.name == "Byline"]
    assert document.sections[0].header.paragraphs[0].text.startswith("The Test Book / ")


def test_docx_running_header_from_page_two(tmp_path: Path) -> None:
    document = read_docx(tmp_path, simple_book())
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.is_linked_to_previous
    assert "".join(p.text for p in section.first_page_header.paragraphs) == ""
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.RIGHT or header.style.name == "Header"
    assert header.text.startswith(HEADER)
    instructions = header._p.xpath(".//w:instrText/text()")
    assert [i.strip() for i in instructions] == ["PAGE"]
    custom = read_docx(tmp_path, simple_book(), surname="Public", keyword="Test")
    assert custom.sections[0].header.paragraphs[0].text.startswith("Public / Test / ")


@pytest.mark.parametrize(
    "tree", [simple_book(), full_book(), rich_book()], ids=["simple", "full", "rich"]
)
def test_docx_holds_every_word_in_order(tmp_path: Path, tree: n.Book) -> None:
    document = read_docx(tmp_path, tree)
    got = norm_words("\n".join(p.text for p in body_paragraphs(document)))
    front = [
        f"Jane Doe {count_of(tree)}",
        tree.meta.title,
        tree.meta.subtitle or "",
        "by " + " and ".join(tree.meta.authors),
    ]
    want = expected_words(tree, front)
    # The word count and an ordered list's numbers are the manuscript's own.
    digits = re.compile(r"\d+")
    assert [w for w in got if not digits.fullmatch(w)] == [
        w for w in want if not digits.fullmatch(w)
    ]


def test_docx_subheading_is_a_heading_on_the_page_it_falls_on(tmp_path: Path) -> None:
    document = read_docx(tmp_path, rich_book())
    subs = [p for p in body_paragraphs(document) if p.style.name == "Heading 3"]
    assert [p.text for p in subs] == ["Elena alone"]
    assert not document.styles["Heading 3"].paragraph_format.page_break_before
    assert document.styles["Heading 3"].paragraph_format.keep_with_next


def test_docx_scene_breaks_chapters_and_end(tmp_path: Path) -> None:
    tree = full_book()
    document = read_docx(tmp_path, tree)
    paragraphs = body_paragraphs(document)
    breaks = [p for p in paragraphs if p.style.name == "Scene Break"]
    assert [p.text for p in breaks] == ["#"]
    assert breaks[0].alignment is None and breaks[0].style.paragraph_format.alignment == 1
    heads = [p for p in paragraphs if p.style.name.startswith("Heading")]
    assert len(heads) == 2 + 6  # two parts, six chapters
    for head in heads:
        own = head.paragraph_format.page_break_before
        assert own is True or (own is None and head.style.paragraph_format.page_break_before)
        assert head.paragraph_format.space_before > Inches(2)  # about a third down
    assert paragraphs[-1].text == "END" and paragraphs[-1].style.name == "End"
    assert document.styles["Heading 1"].font.size == Pt(12)


def test_docx_story_runs_on_from_the_byline(tmp_path: Path) -> None:
    tree = book(chapter("First line of the story.", n.SceneBreak(SRC), "After the break."))
    paragraphs = body_paragraphs(read_docx(tmp_path, tree, end="THE END"))
    first = next(p for p in paragraphs if p.style.name == "Normal")
    assert not first.paragraph_format.page_break_before
    assert not [p for p in paragraphs if p.style.name.startswith("Heading")]
    assert [p.text for p in paragraphs[-3:]] == ["#", "After the break.", "THE END"][-3:]
    assert paragraphs[-1].text == "THE END"


def test_docx_italics_or_underline(tmp_path: Path) -> None:
    runs = [r for p in read_docx(tmp_path, simple_book()).paragraphs for r in p.runs]
    quietly = next(r for r in runs if r.text == "quietly")
    assert quietly.italic and not quietly.underline
    runs = [
        r
        for p in read_docx(tmp_path, simple_book(), underline_italics=True).paragraphs
        for r in p.runs
    ]
    quietly = next(r for r in runs if r.text == "quietly")
    assert quietly.underline and not quietly.italic


def test_docx_footnotes_and_figures(tmp_path: Path) -> None:
    out = write(tmp_path, "manuscript", rich_book())
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        notes = z.read("word/footnotes.xml").decode()
        body = z.read("word/document.xml").decode()
    assert "The note says this." in notes
    assert '<w:footnoteReference w:id="1"/>' in body
    assert any(name.startswith("word/media/image") for name in names)


def test_docx_is_the_same_bytes_under_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = write(tmp_path / "a", "manuscript", rich_book()).read_bytes()
    second = write(tmp_path / "b", "manuscript", rich_book()).read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        assert "docProps/thumbnail.jpeg" not in z.namelist()
    props = docx.Document(io.BytesIO(first)).core_properties
    assert props.created is not None and props.created.year == 2023
    assert props.title == "The Test Book" and props.author == "Jane Doe"


# --------------------------------------------------------------------------- the PDF


RICH = rich_book()


@pytest.mark.parametrize("tree", [full_book(), RICH], ids=["full", "rich"])
def test_pdf_holds_every_word_in_order_under_its_header(tmp_path: Path, tree: n.Book) -> None:
    reader = read_pdf(tmp_path, tree, **CONTACT)
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        612.0,
        792.0,
    )
    got = pdf_words(reader)
    front = [*CONTACT.values(), count_of(tree), tree.meta.title, tree.meta.subtitle or ""]
    front.append("by " + " and ".join(tree.meta.authors))
    want = expected_words(tree, [str(x) for x in front])
    note = norm_words("The note says this.")
    # A footnote prints at the foot of its page: take it out.
    at = next((i for i in range(len(got)) if got[i : i + len(note)] == note), None)
    assert (at is not None) == (tree is RICH)
    if at is not None:
        del got[at : at + len(note)]
    digits = re.compile(r"\d+")
    assert [w for w in got if not digits.fullmatch(w)] == [
        w for w in want if not digits.fullmatch(w)
    ]


def test_pdf_chapters_start_new_pages_and_a4(tmp_path: Path) -> None:
    reader = read_pdf(tmp_path, simple_book(), paper="a4", font="times")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(reader.pages) == 3  # title page, chapter one, chapter two
    assert reader.pages[1].extract_text().splitlines()[1] == "Chapter 1"
    assert reader.pages[2].extract_text().splitlines()[1] == "Chapter 2"
    assert reader.pages[2].extract_text().splitlines()[-1] == "END"
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in cast(Any, page["/Resources"])["/Font"].values()
    }
    assert any("Libertinus" in name for name in fonts)


def test_pdf_is_courier_like_and_deterministic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = write(tmp_path / "a", "manuscript-pdf", simple_book()).read_bytes()
    second = write(tmp_path / "b", "manuscript-pdf", simple_book()).read_bytes()
    assert first == second
    reader = pypdf.PdfReader(io.BytesIO(first))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in cast(Any, page["/Resources"])["/Font"].values()
    }
    assert any("IBMPlexMono" in name for name in fonts)


# --------------------------------------------------------------------------- a project


@pytest.mark.slow
def test_sample_book_every_word_in_order(tmp_path: Path) -> None:
    result = api.build(ROOT, ["manuscript", "manuscript-pdf"], tmp_path)
    tree = result.book
    headings = Headings.of(tree, writers.options_for("manuscript", result.project.config))
    front = [
        f"Morwen Ashby {count_of(tree)}",
        tree.meta.title,
        tree.meta.subtitle or "",
        "by Morwen Ashby",
    ]
    want = [w for w in expected_words(tree, front, headings=headings) if not w.isdigit()]
    document = docx.Document(str(result.outputs["manuscript"]))
    got = norm_words("\n".join(p.text for p in document.paragraphs))
    assert [w for w in got if not w.isdigit()] == want
    reader = pypdf.PdfReader(result.outputs["manuscript-pdf"])
    got = pdf_words(reader, "Ashby / The Bells of Lannow / ")
    assert [w for w in got if not w.isdigit()] == want


def test_a_project_builds_both_without_warnings(tmp_path: Path) -> None:
    project = tmp_path / "story"
    (project / "manuscripts").mkdir(parents=True)
    (project / "manuscripts" / "story.txt").write_text(
        "The Harbour\nby Ann Other\n\nThe boats came in late.\n\n* * *\n\nNobody waited.\n",
        encoding="utf-8",
    )
    (project / "book.toml").write_text('[submission]\nemail = "ann@example.com"\n')
    result = api.build(project, ["manuscript", "manuscript-pdf"], tmp_path / "out")
    assert result.warnings == []
    document = docx.Document(str(result.outputs["manuscript"]))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["Ann Other\t7 words", "ann@example.com"]
    assert "#" in texts and texts[-1] == "END"
    reader = pypdf.PdfReader(result.outputs["manuscript-pdf"])
    assert "ann@example.com" in reader.pages[0].extract_text()
    assert result.outputs["manuscript-pdf"].name == "the-harbour-manuscript.pdf"
