"""The Word reader: every feature of a ``.docx`` a manuscript uses, read into the finished tree.

Fixtures are built from raw WordprocessingML (``tests/docx_fixtures.py``) so
each test states exactly what the document holds. Three files written by a real
word processor are committed under ``tests/fixtures/docx/`` with their sources,
made once with LibreOffice 7.4 (never at test time)::

    soffice --headless --convert-to docx:"MS Word 2007 XML" libreoffice-styled.fodt
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import compile_book
from compile_book.cli import app
from compile_book.diagnostics import Code
from compile_book.errors import InputError
from compile_book.events import BookAuthor, BookMeta, BookTitle, Para
from compile_book.nodes import (
    Block,
    BlockQuote,
    Book,
    CodeSpan,
    Figure,
    Image,
    Inline,
    LineBreak,
    Note,
    Paragraph,
    Source,
    Text,
    Verse,
    heading_text,
)
from compile_book.readers import Options, read
from compile_book.readers.docx import package
from compile_book.rules.headings import match_heading
from compile_book.rules.notes import is_note
from compile_book.rules.scenebreaks import is_scene_break
from compile_book.rules.whitespace import clean
from tests.docx_fixtures import (
    WORD_STYLES,
    W,
    blocks,
    chapters,
    comments_xml,
    compiled,
    docx,
    header_xml,
    heading_style,
    link,
    note_ref,
    notes,
    p,
    page_break,
    picture,
    png,
    r,
    style,
    text_box,
)
from tests.epubcheck import EpubCheckResult

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docx"


def events(data: bytes, *, first: bool = False, name: str = "a.docx") -> tuple[object, ...]:
    return read(name, data, Options(first=first)).events


def left_out(data: bytes) -> list[str]:
    """The DOCUMENT_PARTS_LEFT_OUT messages of a file."""
    result = read("a.docx", data, Options(first=False))
    return [d.message for d in result.diagnostics if d.code == Code.DOCUMENT_PARTS_LEFT_OUT]


# --------------------------------------------------------------------------- paragraphs


def test_plain_paragraphs_are_raw_para_events_numbered_by_paragraph() -> None:
    data = docx(p("It was late."), p(""), p("She said “hi” — twice…"), p("Then ‘no’ – 1990–95."))
    assert events(data) == (
        Para("It was late.", Source("a.docx", 1)),
        Para("She said “hi” — twice…", Source("a.docx", 3)),
        Para("Then ‘no’ – 1990–95.", Source("a.docx", 4)),
    )


def test_words_own_curly_quotes_and_dashes_come_through() -> None:
    book = compiled(docx(p("“Don’t,” she said—‘never’… 1990–1995.")))
    assert blocks(book) == [("p", "“Don’t,” she said—‘never’… 1990–1995.")]


def test_tabs_and_indents_typed_with_tab_and_invisible_characters_are_cleaned() -> None:
    result = read("a.docx", docx(p(r("\tIt was\tlate\u200b."))), Options(first=False))
    assert result.events == (Para("It was late.", Source("a.docx", 1)),)
    assert [str(d.code) for d in result.diagnostics] == ["N003"]


def test_split_runs_merge_and_formatting_nests() -> None:
    body = p(
        r("It was "),
        r("wal", i=True),
        r("k", i=True),
        r("ing ", i=True),
        r("very", i=True, b=True),
        r(" far", i=True),
        r(" and "),
        r("gone", strike=True),
        r(" and "),
        r("under", u=True),
        r("."),
    )
    assert blocks(compiled(docx(body))) == [
        (
            "p",
            "It was ",
            ("em", "walking ", ("strong", "very"), " far"),
            " and ",
            ("strike", "gone"),
            " and ",
            ("em", "under"),
            ".",
        )
    ]


def test_toggles_off_styles_and_character_styles() -> None:
    body = "".join(
        (
            p(r("a "), r("b", rpr='<w:i w:val="0"/>'), r(" c", rpr='<w:i w:val="false"/>')),
            p(r("stress ", rstyle="Emphasis"), r("this", rstyle="Strong"), r("!")),
            # a Quote is italic by style: its italics are its look, roman inside is stress
            p(r("As they "), r("said", rpr='<w:i w:val="0"/>'), r("."), style="Quote"),
            # a bold character style inside a bold heading style flips back (ECMA toggles)
        )
    )
    assert blocks(compiled(docx(body))) == [
        ("p", "a b c"),
        ("p", ("em", "stress"), " ", ("strong", "this"), "!"),
        ("quote", ("p", "As they ", ("em", "said"), ".")),
    ]


def test_underlined_links_are_links_not_italics() -> None:
    body = p(
        "See ",
        link("rIdL", r("the site", rstyle="Hyperlink"), r(" now", u=True)),
        ".",
    )
    data = docx(body, rels=[("rIdL", "hyperlink", "https://example.com/a?b=1&c=2")])
    assert blocks(compiled(data)) == [
        ("p", "See ", ("link", "https://example.com/a?b=1&c=2", "the site now"), ".")
    ]


def test_hyperlink_fields_and_bookmark_links() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/" '
        "</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{r('my site')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    anchor = f'<w:hyperlink w:anchor="_Toc1">{r("chapter two")}</w:hyperlink>'
    data = docx(p("Visit ", field, " or read ", anchor, "."))
    assert blocks(compiled(data)) == [
        ("p", "Visit ", ("link", "https://example.org/", "my site"), " or read chapter two.")
    ]


def test_field_codes_are_dropped_and_results_kept() -> None:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "MMMM d" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{r('June 3')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple = f'<w:fldSimple w:instr=" SEQ Figure \\* ARABIC ">{r("2")}</w:fldSimple>'
    data = docx(p("On ", field, ", day ", simple, "."))
    assert events(data) == (Para("On June 3, day 2.", Source("a.docx", 1)),)


def test_symbols_no_break_hyphens_and_content_controls() -> None:
    body = p(
        r("α is "),
        '<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>',
        r(" and e"),
        "<w:r><w:noBreakHyphen/></w:r>",
        r("mail "),
        f"<w:sdt><w:sdtPr><w:alias w:val='Name'/></w:sdtPr><w:sdtContent>{r('Ann')}"
        "</w:sdtContent></w:sdt>",
        f'<w:smartTag w:uri="x" w:element="place">{r(" Arbor")}</w:smartTag>',
    )
    assert events(docx(body)) == (Para("α is α and e\u2011mail Ann Arbor", Source("a.docx", 1)),)


# --------------------------------------------------------------------------- headings


def test_heading_styles_give_chapters_with_label_number_and_title() -> None:
    data = docx(
        p("Chapter 3: The Fall", style="Heading1"),
        p("It was late."),
        p("The Long Night", style="Heading1"),
        p("It was later."),
        p("Prologue", style="Heading1"),
        p("Before."),
    )
    book = compiled(data)
    assert chapters(book) == [
        ("Chapter 3: The Fall", [("p", "It was late.")]),
        ("The Long Night", [("p", "It was later.")]),
        ("Prologue", [("p", "Before.")]),
    ]
    heading = book.chapters[0].heading
    assert heading is not None and (heading.label, heading.number) == ("Chapter", 3)
    assert [d.line for d in book.diagnostics if d.code == Code.HEADING_RECOGNISED] == [1, 3, 5]


@pytest.mark.parametrize(
    ("sid", "name"),
    [
        ("berschrift1", "Überschrift 1"),  # LibreOffice in German
        ("Titre1", "Titre 1"),
        ("Ttulo1", "Título 1"),
        ("berschrift1", "heading 1"),  # Word in German: English name, localized id
        ("Kapitel", "Kapitel"),  # a custom style known only by its outline level
    ],
)
def test_localized_heading_styles_are_found_by_name_id_or_outline_level(
    sid: str, name: str
) -> None:
    custom = heading_style(sid, name, 1)
    if name != "Kapitel":  # drop the outline level: the name alone must do
        custom = style(sid, name, based_on="Normal")
    data = docx(p("Kapitel 1", style=sid), p("Es war spät."), styles=WORD_STYLES + custom)
    book = compiled(data, language="de")
    assert chapters(book) == [("Kapitel 1", [("p", "Es war spät.")])]


def test_a_style_based_on_a_heading_and_a_direct_outline_level_are_headings() -> None:
    custom = style("ChapterTitle", "My Chapter", based_on="Heading1")
    data = docx(
        p("The Arrival", style="ChapterTitle"),
        p("Text one."),
        p("The Departure", ppr='<w:outlineLvl w:val="0"/>'),
        p("Text two."),
        styles=WORD_STYLES + custom,
    )
    assert [title for title, _ in chapters(compiled(data))] == ["The Arrival", "The Departure"]


def test_title_subtitle_and_by_line_become_book_metadata() -> None:
    data = docx(
        p("Salt and Stone", style="Title"),
        p("A Novel of the Coast", style="Subtitle"),
        p("by Ann Poe", jc="center"),
        p("Chapter 1", style="Heading1"),
        p("It was late."),
    )
    result = read("a.docx", data, Options(first=True))
    assert result.events[:3] == (
        BookTitle("Salt and Stone", Source("a.docx", 1)),
        BookMeta("subtitle", "A Novel of the Coast", Source("a.docx", 2)),
        BookAuthor("Ann Poe", Source("a.docx", 3)),
    )
    book = compiled(data)
    assert (book.meta.title, book.meta.subtitle, book.meta.authors) == (
        "Salt and Stone",
        "A Novel of the Coast",
        ("Ann Poe",),
    )
    assert chapters(book) == [("Chapter 1", [("p", "It was late.")])]


def test_author_style_paragraphs_under_the_title_are_the_books_authors() -> None:
    """pandoc's reference document (and templates after it) put each author in an
    Author-style paragraph under the title; they are the book's authors, not its text."""
    data = docx(
        p("Salt and Stone", style="Title"),
        p("Ann Poe", style="Author"),
        p("Bob Roe", style="Author"),
        p("It was late."),
        styles=WORD_STYLES + style("Author", "Author", based_on="Normal"),
    )
    book = compiled(data)
    assert (book.meta.title, book.meta.authors) == ("Salt and Stone", ("Ann Poe", "Bob Roe"))
    assert blocks(book) == [("p", "It was late.")]


def test_a_date_style_calendar_date_under_the_authors_is_the_books_date() -> None:
    """pandoc's Date line: a calendar date is the book's date (it read as a chapter
    heading, ``2024``); a date in words stays text."""
    # as pandoc's reference document has them: based on Title, which they are not
    extra = style("Author", "Author", based_on="Title") + style("Date", "Date", based_on="Title")
    data = docx(
        p("Salt and Stone", style="Title"),
        p("Ann Poe", style="Author"),
        p("2024-01-02", style="Date"),
        p("It was late."),
        styles=WORD_STYLES + extra,
    )
    book = compiled(data)
    assert (book.meta.date, blocks(book)) == ("2024-01-02", [("p", "It was late.")])
    words = docx(
        p("Salt and Stone", style="Title"),
        p("July 28, 2014", style="Date"),
        p("It was late."),
        styles=WORD_STYLES + extra,
    )
    words_book = compiled(words)
    assert [title for title, _ in chapters(words_book)] == [""]
    assert blocks(words_book) == [("p", "July 28, 2014"), ("p", "It was late.")]


def test_an_author_style_paragraph_in_the_text_stays_text() -> None:
    data = docx(
        p("Chapter 1", style="Heading1"),
        p("It was late."),
        p("Ann Poe", style="Author"),
        styles=WORD_STYLES + style("Author", "Author", based_on="Normal"),
    )
    book = compiled(data)
    assert book.meta.authors != ("Ann Poe",)
    assert blocks(book) == [("p", "It was late."), ("p", "Ann Poe")]


def test_a_heading_2_under_a_numbered_chapter_is_its_title_and_elsewhere_a_subheading() -> None:
    data = docx(
        p("Chapter 1", style="Heading1"),
        p("The Fall", style="Heading2"),
        p("It was late."),
        p("Monday", style="Heading2"),
        p("It was Monday."),
    )
    assert chapters(compiled(data)) == [
        (
            "Chapter 1: The Fall",
            [("p", "It was late."), ("sub", "Monday"), ("p", "It was Monday.")],
        )
    ]


def test_heading_2_points_of_view_are_subheadings_in_every_chapter() -> None:
    # "Elena" straight under "Chapter 2" is no title: the chapters hold two of its level.
    data = docx(
        p("Chapter 1", style="Heading1"),
        p("The morning came.", style=None),
        p("Elena", style="Heading2"),
        p("She ran."),
        p("Marcus", style="Heading2"),
        p("He waited."),
        p("Chapter 2", style="Heading1"),
        p("Elena", style="Heading2"),
        p("She stopped."),
        p("Marcus", style="Heading2"),
        p("He left."),
    )
    assert chapters(compiled(data)) == [
        (
            "Chapter 1",
            [
                ("p", "The morning came."),
                ("sub", "Elena"),
                ("p", "She ran."),
                ("sub", "Marcus"),
                ("p", "He waited."),
            ],
        ),
        (
            "Chapter 2",
            [("sub", "Elena"), ("p", "She stopped."), ("sub", "Marcus"), ("p", "He left.")],
        ),
    ]


def test_two_heading_1_paragraphs_number_then_title_are_one_chapter() -> None:
    data = docx(
        p("Chapter 1", style="Heading1"),
        p("The Letter", style="Heading1"),
        p("Mara waited."),
        p("Chapter 2", style="Heading1"),
        p("Chapter 3", style="Heading1"),
        p("It rose."),
        p("The Mill", style="Heading1"),
        p("The Weir", style="Heading1"),
        p("It turned."),
    )
    assert [name for name, _ in chapters(compiled(data))] == [
        "Chapter 1: The Letter",
        "Chapter 2",
        "Chapter 3",
        "The Mill",
        "The Weir",
    ]


def test_parts_by_pattern_and_by_wrapping_headings() -> None:
    patterned = docx(
        p("Part One", style="Heading1"),
        p("Chapter 1", style="Heading1"),
        p("Text."),
    )
    book = compiled(patterned)
    assert [(pt.heading.label if pt.heading else None) for pt in book.parts] == ["Part"]
    wrapped = docx(
        p("The Early Years", style="Heading1"),
        p("Arrival", style="Heading2"),
        p("Text one."),
        p("Departure", style="Heading2"),
        p("Text two."),
        p("The Late Years", style="Heading1"),
        p("Return", style="Heading2"),
        p("Text three."),
    )
    book = compiled(wrapped)
    assert [
        (heading_text(pt.heading), [heading_text(c.heading) for c in pt.chapters])
        for pt in book.parts
    ] == [("The Early Years", ["Arrival", "Departure"]), ("The Late Years", ["Return"])]


def test_unstyled_centred_bold_chapter_after_a_page_break_with_its_title_line() -> None:
    data = docx(
        p(r("Chapter One", b=True), jc="center"),
        p(r("The Long Road", i=True), jc="center"),
        p("It was late."),
        page_break(),
        p(r("Chapter Two", b=True), jc="center"),
        p("It was later."),
    )
    assert chapters(compiled(data)) == [
        ("Chapter One: The Long Road", [("p", "It was late.")]),
        ("Chapter Two", [("p", "It was later.")]),
    ]


def test_unlabelled_titles_set_apart_on_new_pages_are_chapters() -> None:
    data = docx(
        p(r("The Storm", b=True), jc="center"),
        p("It rained."),
        page_break(),
        p(r("The Calm", b=True), jc="center"),
        p("It stopped."),
        page_break(),
        p(r("The Harbour", b=True), jc="center"),
        p("They docked."),
    )
    assert [title for title, _ in chapters(compiled(data))] == [
        "The Storm",
        "The Calm",
        "The Harbour",
    ]
    lone = docx(p("It rained."), page_break(), p("The Calm", jc="center"), p("It stopped."))
    assert blocks(compiled(lone)) == [("p", "It rained."), ("p", "The Calm"), ("p", "It stopped.")]


def test_a_bare_number_is_a_heading_only_when_set_apart() -> None:
    apart = docx(p("1", jc="center"), p("It was late."), p("2", jc="center"), p("Later."))
    assert [title for title, _ in chapters(compiled(apart))] == ["1", "2"]
    inline = docx(p("Count down:"), p("3"), p("It was late."))
    assert blocks(compiled(inline)) == [("p", "Count down:"), ("p", "3"), ("p", "It was late.")]


def test_a_headingless_later_file_takes_a_set_apart_title_line() -> None:
    first = docx(p("Chapter 1", style="Heading1"), p("One."))
    second = docx(p("The Storm", jc="center"), p("It rained."), p("And rained."))
    from compile_book.config import BookConfig
    from compile_book.pipeline import ManuscriptSource, compile_sources

    book = compile_sources(
        [ManuscriptSource("a.docx", first), ManuscriptSource("b.docx", second)], BookConfig()
    )
    assert [title for title, _ in chapters(book)] == ["Chapter 1", "The Storm"]


# --------------------------------------------------------------------------- scene breaks


@pytest.mark.parametrize("mark", ["#", "***", "* * *", "❧", "⁂"])
def test_typed_and_ornament_scene_breaks(mark: str) -> None:
    data = docx(p("Before."), p(mark, jc="center"), p("After."))
    assert blocks(compiled(data)) == [("p", "Before."), "***", ("p", "After.")]


def test_borders_and_lines_word_drew_and_a_scene_break_style_are_breaks() -> None:
    border = '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
    hr = '<w:r><w:pict><v:rect o:hr="t" o:hrstd="t" o:hralign="center"/></w:pict></w:r>'
    data = docx(
        p("One."),
        p(ppr=border),
        p("Two."),
        p(hr),
        p("Three."),
        p(style="SceneBreak"),
        p("Four."),
        styles=WORD_STYLES + style("SceneBreak", "Scene Break", based_on="Normal"),
    )
    assert blocks(compiled(data)) == [
        ("p", "One."),
        "***",
        ("p", "Two."),
        "***",
        ("p", "Three."),
        "***",
        ("p", "Four."),
    ]


def test_an_empty_paragraph_is_a_scene_break_only_where_the_writer_clearly_meant_one() -> None:
    prose = [p(f"Paragraph {k}.") for k in range(1, 7)]
    meant = docx(*prose[:3], p(""), *prose[3:])
    assert blocks(compiled(meant)).count("***") == 1
    # a writer who presses Enter twice between paragraphs: one empty paragraph is spacing,
    # two are a scene break
    spaced = docx(*[x for para in prose for x in (para, p(""))])
    assert "***" not in blocks(compiled(spaced))
    double = docx(
        *[x for k, para in enumerate(prose) for x in (para, p(""), *([p("")] * (k == 2)))]
    )
    assert blocks(compiled(double)).count("***") == 1
    # empty paragraphs around headings and page breaks are layout, never breaks
    layout = docx(
        p("Chapter 1", style="Heading1"), p(""), p(""), *prose[:2], page_break(), p(""), *prose[2:]
    )
    assert "***" not in blocks(compiled(layout))


# --------------------------------------------------------------------------- soft returns


def test_soft_returns_make_verse_of_short_lines_with_stanzas() -> None:
    data = docx(p(r("Roses are red,\nViolets are blue,\n\nSugar is sweet", i=True)))
    assert blocks(compiled(data)) == [
        (
            "verse",
            (("em", "Roses are red,"),),
            (("em", "Violets are blue,"),),
            (),
            (("em", "Sugar is sweet"),),
        )
    ]


def test_soft_returns_in_prose_keep_a_letters_lines_and_join_wrapped_text() -> None:
    letter = (
        "Dear Anna,\nI write to you from the hospital, where the nurses have been kind "
        "and the food is terrible.\nYours,\nTom"
    )
    wrapped = (
        "It was a dark and stormy night; the rain fell in\ntorrents except at occasional "
        "intervals, when it\nwas checked by a violent gust of wind."
    )
    data = docx(p(letter), p(wrapped))
    assert blocks(compiled(data)) == [
        (
            "p",
            "Dear Anna,",
            ("br",),
            "I write to you from the hospital, where the nurses have been kind and the food "
            "is terrible.",
            ("br",),
            "Yours,",
            ("br",),
            "Tom",
        ),
        (
            "p",
            "It was a dark and stormy night; the rain fell in torrents except at occasional "
            "intervals, when it was checked by a violent gust of wind.",
        ),
    ]


# --------------------------------------------------------------------------- notes, images


def test_footnotes_and_endnotes_become_notes_where_their_marks_stand() -> None:
    data = docx(
        p("A claim.", note_ref(1), " Another.", note_ref(1, "endnote")),
        parts={
            "word/footnotes.xml": notes("footnote", r("See ") + r("Smith", i=True) + r(", 1990.")),
            "word/endnotes.xml": notes("endnote", r("The end note.")),
        },
    )
    assert blocks(compiled(data)) == [
        (
            "p",
            "A claim.",
            ("note", ("p", "See ", ("em", "Smith"), ", 1990.")),
            " Another.",
            ("note", ("p", "The end note.")),
        )
    ]


def test_pictures_become_figures_with_alt_text_and_caption() -> None:
    data = docx(
        p(picture("rIdImg", "A map of the coast")),
        p("Figure 1: The coast", style="Caption"),
        p("She looked at it ", picture("rIdImg", ""), "twice."),
        rels=[("rIdImg", "image", "media/image1.png")],
        parts={"word/media/image1.png": png()},
    )
    book = compiled(data)
    assert blocks(book) == [
        ("figure", "image/png", "A map of the coast", "Figure 1: The coast"),
        ("p", "She looked at it twice."),
        ("figure", "image/png", ""),
    ]
    figure = book.chapters[0].blocks[0]
    assert isinstance(figure, Figure) and figure.image.data == png()
    assert figure.image.name == "book.docx/word/media/image1.png"


def test_a_cover_picture_on_the_first_page_becomes_the_books_cover() -> None:
    data = docx(
        p(picture("rIdImg", "Cover", anchor=True), jc="center"),
        page_break(),
        p("Salt and Stone", style="Title"),
        p("Chapter 1", style="Heading1"),
        p("Text."),
        rels=[("rIdImg", "image", "media/cover.png")],
        parts={"word/media/cover.png": png(30, 40)},
    )
    book = compiled(data)
    assert book.meta.title == "Salt and Stone"
    assert chapters(book) == [("Chapter 1", [("p", "Text.")])]
    assert isinstance(book.meta.cover, Image) and book.meta.cover.data == png(30, 40)
    assert "the picture before the text is the book's cover" in [
        d.message for d in book.diagnostics
    ]


def test_bitmaps_are_converted_and_metafiles_left_out_with_a_warning() -> None:
    bmp = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (2, 2)).save(bmp, "BMP")
    data = docx(
        p(picture("rIdA", "bitmap")),
        p(picture("rIdB", "drawing")),
        p("Text."),
        rels=[("rIdA", "image", "media/a.bmp"), ("rIdB", "image", "media/b.emf")],
        parts={
            "word/media/a.bmp": bmp.getvalue(),
            "word/media/b.emf": b"\x01\x00\x00\x00" + b"\0" * 80,
        },
    )
    book = compiled(data)
    assert blocks(book) == [("figure", "image/png", "bitmap"), ("p", "Text.")]
    warnings = [d.format() for d in book.diagnostics if d.code == Code.IMAGE_LEFT_OUT]
    assert warnings == [
        "book.docx:2: warning W114: image b.emf is a Windows metafile; "
        "insert it again as PNG or JPEG"
    ]


# --------------------------------------------------------------------------- left out


def test_tracked_changes_keep_the_final_text() -> None:
    ins = '<w:ins w:id="1" w:author="Ed" w:date="2026-01-01T00:00:00Z">{}</w:ins>'
    dele = '<w:del w:id="2" w:author="Ed" w:date="2026-01-01T00:00:00Z">{}</w:del>'
    deleted = '<w:r><w:delText xml:space="preserve">very </w:delText></w:r>'
    moved_from = '<w:moveFrom w:id="3" w:author="Ed"><w:r><w:t>gone</w:t></w:r></w:moveFrom>'
    moved_to = '<w:moveTo w:id="4" w:author="Ed"><w:r><w:t>here </w:t></w:r></w:moveTo>'
    changed = (
        '<w:r><w:rPr><w:i/><w:rPrChange w:id="5" w:author="Ed"><w:rPr><w:b/></w:rPr>'
        "</w:rPrChange></w:rPr><w:t>now</w:t></w:r>"
    )
    data = docx(
        p("It was ", dele.format(deleted), ins.format(r("quite ")), "late.", moved_from),
        p(moved_to, changed, "."),
    )
    assert blocks(compiled(data)) == [
        ("p", "It was quite late."),
        ("p", "here ", ("em", "now"), "."),
    ]
    assert left_out(data) == ["deleted text left out of the book (2)"]


def test_a_deleted_paragraph_mark_joins_two_paragraphs_and_a_drop_cap_joins_its_word() -> None:
    deleted_mark = '<w:rPr><w:del w:id="1" w:author="Ed"/></w:rPr>'
    drop_cap = '<w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text"/>'
    data = docx(
        p("It was late ", ppr=deleted_mark),
        p("and dark."),
        p("T", ppr=drop_cap),
        p("he morning came."),
    )
    assert events(data) == (
        Para("It was late and dark.", Source("a.docx", 1)),
        Para("The morning came.", Source("a.docx", 3)),
    )


def test_comments_headers_footers_and_hidden_text_are_left_out_and_counted() -> None:
    comment = (
        '<w:commentRangeStart w:id="0"/>{}<w:commentRangeEnd w:id="0"/>'
        '<w:r><w:commentReference w:id="0"/></w:r>'
    )
    hidden = r("secret ", rpr="<w:vanish/>")
    data = docx(
        p("It was ", comment.format(r("late")), "."),
        p("A ", hidden, "plan."),
        parts={
            "word/comments.xml": comments_xml("Too vague?"),
            "word/header1.xml": header_xml("POE / SALT AND STONE"),
            "word/footer1.xml": header_xml("3", "ftr"),
        },
        rels=[("rIdH", "header", "header1.xml"), ("rIdF", "footer", "footer1.xml")],
        sect='<w:headerReference w:type="default" r:id="rIdH"/>'
        '<w:footerReference w:type="default" r:id="rIdF"/>',
    )
    assert events(data) == (
        Para("It was late.", Source("a.docx", 1)),
        Para("A plan.", Source("a.docx", 2)),
    )
    assert left_out(data) == [
        "comments left out of the book (1)",
        "headers and footers left out of the book (2)",
        "hidden text left out of the book (1)",
    ]


def test_text_boxes_are_read_once_and_page_number_boxes_left_out() -> None:
    page_box = text_box(p('<w:fldSimple w:instr=" PAGE ">' + r("4") + "</w:fldSimple>"))
    data = docx(
        p("She read the sign.", text_box(p("KEEP OUT"))),
        p("Then she left.", page_box),
    )
    assert events(data) == (
        Para("She read the sign.", Source("a.docx", 1)),
        Para("KEEP OUT", Source("a.docx", 2)),
        Para("Then she left.", Source("a.docx", 3)),
    )
    assert left_out(data) == ["page-number text boxes left out of the book (1)"]


def test_a_picture_inside_a_text_box_is_read_once_with_its_box() -> None:
    data = docx(
        p("Before.", text_box(p("The sign:"), p(picture("rIdImg", "A sign")))),
        p("After."),
        rels=[("rIdImg", "image", "media/image1.png")],
        parts={"word/media/image1.png": png()},
    )
    assert blocks(compiled(data)) == [
        ("p", "Before."),
        ("p", "The sign:"),
        ("figure", "image/png", "A sign"),
        ("p", "After."),
    ]


def test_a_generated_table_of_contents_is_left_out() -> None:
    entries = p("Contents", style="TOC1") + p("Chapter 1\t3", style="TOC1")
    toc = (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        f"</w:docPartObj></w:sdtPr><w:sdtContent>{entries}</w:sdtContent></w:sdt>"
    )
    data = docx(
        toc, p("Chapter 1", style="Heading1"), p("Text."), p("Stray entry\t9", style="TOC1")
    )
    assert chapters(compiled(data)) == [("Chapter 1", [("p", "Text.")])]
    assert left_out(data) == ["table of contents left out of the book (2)"]


def test_a_manuscript_format_title_page_block_is_left_out() -> None:
    data = docx(
        p("Ann Poe\t\t\tabout 80,000 words"),
        p("12 Harbour Road"),
        p("Portsmouth PO1 2AB"),
        p("ann@example.com"),
        p(""),
        p(r("SALT AND STONE"), jc="center"),
        p("by Ann Poe", jc="center"),
        page_break(),
        p("Chapter 1", jc="center"),
        p("It was late."),
    )
    book = compiled(data)
    assert (book.meta.title, book.meta.authors) == ("SALT AND STONE", ("Ann Poe",))
    assert chapters(book) == [("Chapter 1", [("p", "It was late.")])]
    result = read("a.docx", data, Options(first=True))
    assert [d.message for d in result.diagnostics if d.code == Code.DOCUMENT_PARTS_LEFT_OUT] == [
        "title-page block (contact lines, word count) left out of the book (4)"
    ]


def test_notes_to_self_are_left_out_and_placeholders_reported() -> None:
    data = docx(p("It was late."), p("[Check the tide tables]"), p("The TK boat left."))
    result = read("a.docx", data, Options(first=False))
    assert result.events == (
        Para("It was late.", Source("a.docx", 1)),
        Para("The TK boat left.", Source("a.docx", 3)),
    )
    assert [d.format() for d in result.diagnostics if d.code == Code.AUTHOR_NOTE] == [
        "a.docx:2: warning W112: note left out of the book: '[Check the tide tables]'; resolve "
        "it before publishing ([reading] author_notes = false keeps such paragraphs as text)",
        "a.docx:3:5: warning W112: placeholder 'TK' in the text; fill it in before publishing",
    ]
    kept = read("a.docx", data, Options(first=False, author_notes=False))
    assert len(kept.events) == 3


# --------------------------------------------------------------------------- quotes and lists


def test_quote_styles_and_indented_paragraphs_are_block_quotes() -> None:
    data = docx(
        p("She read:"),
        p("Dear Tom, come home.", style="Quote"),
        p("Your mother.", style="Quote"),
        p("He wrote:"),
        p("I will not.", ppr='<w:ind w:left="1440" w:right="1440"/>'),
        p("Then silence."),
    )
    assert blocks(compiled(data)) == [
        ("p", "She read:"),
        ("quote", ("p", "Dear Tom, come home."), ("p", "Your mother.")),
        ("p", "He wrote:"),
        ("quote", ("p", "I will not.")),
        ("p", "Then silence."),
    ]


def test_numbered_and_bulleted_lists_nest_by_level() -> None:
    numbering = (
        f'<?xml version="1.0"?><w:numbering xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )

    def item(text: str, level: int) -> str:
        num = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
        return p(text, style="ListParagraph", ppr=num)

    data = docx(
        p("Her list:"),
        item("eggs", 0),
        item("brown", 1),
        item("white", 1),
        item("milk", 0),
        p("She went."),
        parts={"word/numbering.xml": numbering},
    )
    assert blocks(compiled(data)) == [
        ("p", "Her list:"),
        (
            "ol",
            1,
            (("p", "eggs"), ("ul", 1, (("p", "brown"),), (("p", "white"),))),
            (("p", "milk"),),
        ),
        ("p", "She went."),
    ]


# --------------------------------------------------------------------------- other producers


def test_a_google_docs_like_export_with_direct_formatting_and_no_styles() -> None:
    def gdoc_run(text: str, extra: str = "") -> str:
        fonts = '<w:rFonts w:ascii="Times New Roman"/><w:rtl w:val="0"/>'
        return r(text, rpr=fonts + extra)

    indent = '<w:pageBreakBefore w:val="0"/><w:spacing w:line="480"/><w:ind w:firstLine="720"/>'
    data = docx(
        p(gdoc_run("The Lighthouse", '<w:b w:val="1"/><w:sz w:val="36"/>'), jc="center"),
        p(gdoc_run("by Ann Poe"), jc="center"),
        p(
            gdoc_run("CHAPTER ONE", '<w:b w:val="1"/>'),
            ppr='<w:pageBreakBefore w:val="1"/>',
            jc="center",
        ),
        p(
            gdoc_run("The lamp was "),
            gdoc_run("out", '<w:i w:val="1"/>'),
            gdoc_run("."),
            ppr=indent,
        ),
        p(gdoc_run("It stayed out."), ppr=indent),
        p(gdoc_run("*"), jc="center"),
        p(gdoc_run("By morning it was lit again."), ppr=indent),
        styles=None,
    )
    book = compiled(data)
    assert (book.meta.title, book.meta.authors) == ("The Lighthouse", ("Ann Poe",))
    assert chapters(book) == [
        (
            "Chapter One",
            [
                ("p", "The lamp was ", ("em", "out"), "."),
                ("p", "It stayed out."),
                "***",
                ("p", "By morning it was lit again."),
            ],
        )
    ]


def test_strict_open_xml_documents_read_like_transitional_ones() -> None:
    data = docx(p("Chapter 1", style="Heading1"), p(r("It was "), r("late", i=True), r(".")))
    strict = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(strict, "w") as out:
        for info in src.infolist():
            content = src.read(info).replace(
                W.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main"
            )
            out.writestr(info, content)
    assert chapters(compiled(strict.getvalue())) == [
        ("Chapter 1", [("p", "It was ", ("em", "late"), ".")])
    ]


def _fixture(name: str) -> Book:
    return compiled((FIXTURES / name).read_bytes(), name=name)


def test_a_styled_libreoffice_document() -> None:
    """Written by LibreOffice 7.4 from ``libreoffice-styled.fodt``: title, subtitle, heading
    styles, a footnote, a comment, a tracked deletion, a running header, a quotation."""
    book = _fixture("libreoffice-styled.docx")
    assert (book.meta.title, book.meta.subtitle) == ("Salt and Stone", "A Novel")
    assert chapters(book) == [
        (
            "Chapter 1: The Harbour",
            [
                (
                    "p",
                    "The boats came in ",
                    ("em", "late"),
                    " that night",
                    ("note", ("p", "The harbour at Porthleven.")),
                    ", and the men were tired.",
                ),
                ("p", "“Home,” she said—and ", ("strong", "meant"), " it…"),
                "***",
                ("p", "Morning came."),
                (
                    "quote",
                    (
                        "verse",
                        ("The sea is calm tonight,",),
                        ("The tide is full, the moon lies fair",),
                    ),
                ),
            ],
        ),
        (
            "Chapter 2: The Storm",
            [("p", "The wind rose at ", ("link", "https://example.com/tides", "high tide"), ".")],
        ),
    ]
    assert [d.message for d in book.diagnostics if d.code == Code.DOCUMENT_PARTS_LEFT_OUT] == [
        "comments left out of the book (1)",
        "headers and footers left out of the book (1)",
        "deleted text left out of the book (1)",
    ]


def test_an_unstyled_libreoffice_manuscript() -> None:
    """Written by LibreOffice from ``libreoffice-unstyled.fodt``: direct formatting only, a
    manuscript title-page block, centred bold chapters on new pages, a blank-line break."""
    book = _fixture("libreoffice-unstyled.docx")
    assert (book.meta.title, book.meta.authors) == ("THE LIGHTHOUSE", ("Ann Poe",))
    assert chapters(book) == [
        (
            "Chapter One: The Lamp",
            [
                (
                    "p",
                    "The lamp had been out for three nights when ",
                    ("em", "anyone"),
                    " noticed.",
                ),
                ("p", "Nobody said a word about it."),
                ("p", "Not the keeper, not his wife."),
                ("p", "Not even the ", ("em", "gulls"), "."),
                "***",
                ("p", "By the fourth night the ships had noticed."),
                ("p", "They kept well clear."),
            ],
        ),
        ("Chapter Two", [("p", "The keeper climbed the stair."), ("p", "He lit the lamp.")]),
    ]


def test_a_text_file_saved_as_docx_by_libreoffice() -> None:
    book = _fixture("libreoffice-from-text.docx")
    assert blocks(book) == [
        ("p", "The Ferry"),
        ("p", "It left at six."),
        ("p", "Nobody was on it."),
        "***",
        ("p", "It came back at nine."),
    ]


# --------------------------------------------------------------------------- bad files


def _ole(*streams: str) -> bytes:
    """The start of an OLE2 compound file naming some streams (as Word's files do)."""
    names = b"".join(s.encode("utf-16-le") for s in streams)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names + b"\0" * 64


def _damaged() -> bytes:
    return docx(p("Text."))[:200]


def _without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")
    return out.getvalue()


def _odt() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def _broken_xml() -> bytes:
    data = docx(p("Text."))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"</w:body>", b"")
            dst.writestr(info, content)
    return out.getvalue()


def _entities() -> bytes:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>'
        "</w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", bomb)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_ole("WordDocument", "1Table"), r"an old Word document \(\.doc.*save it as \.docx"),
        (_ole("EncryptionInfo", "EncryptedPackage"), "encrypted.*save it without a password"),
        (b"Chapter 1\n\nIt was late.\n", "plain text with a .docx name.*rename it to .txt"),
        (b"{\\rtf1\\ansi Hello}", "an RTF document"),
        (_damaged(), "damaged: its ZIP package cannot be read"),
        (_without_document(), r"no word/document\.xml, so it is not a Word document"),
        (_odt(), r"OpenDocument text \(\.odt\).*rename it to \.odt"),
        (_broken_xml(), r"damaged: word/document\.xml is not well-formed XML"),
        (_entities(), "declares entities"),
        (docx(p(""), p("  ")), "the manuscript is empty"),
        # the error is all a failed build prints: it says why a file with text is empty
        (
            docx(p(r("All of it.", rpr="<w:vanish/>"))),
            r"has nothing the book can show: hidden text left out of the book \(1\)",
        ),
    ],
    ids=[
        *("doc", "encrypted", "txt", "rtf", "zip", "no-document", "odt", "xml", "dtd"),
        *("empty", "all-hidden"),
    ],
)
def test_bad_files_raise_one_line_input_errors_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read("novel.docx", data, Options())
    text = str(caught.value)
    assert text.startswith("novel.docx: error: ") and "\n" not in text
    assert re.search(message, text), text


def test_oversized_and_overcrowded_packages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = docx(p("Text " * 400))
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 1000)
    with pytest.raises(InputError, match="expands to more than"):
        read("big.docx", data, Options())
    monkeypatch.setattr(package, "MAX_TOTAL_BYTES", 10**8)
    monkeypatch.setattr(package, "MAX_MEMBERS", 3)
    with pytest.raises(InputError, match="parts, more than any real Word document"):
        read("many.docx", data, Options())


def test_a_bad_docx_exits_2_with_one_line_and_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "novel.docx"
    bad.write_bytes(_ole("WordDocument"))
    result = CliRunner().invoke(app, ["build", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert (
        result.output.count("\n") == 1 and "novel.docx: error: this is an old Word" in result.output
    )
    assert not (tmp_path / "out").exists()


# --------------------------------------------------------------------------- every word


# XML 1.0 cannot hold surrogates, C0 controls other than tab, newline and return, or
# U+FFFE/U+FFFF, so no .docx can contain them: they are the only characters left out.
_XML_ILLEGAL = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]
_RUN_TEXT = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters=_XML_ILLEGAL), max_size=30
)
_RUN = st.tuples(_RUN_TEXT, st.booleans(), st.booleans(), st.booleans())
_RunValue = tuple[str, bool, bool, bool]


def _word_chars(text: str) -> str:
    """Letters and digits in order, case folded: what 'no word lost or invented' compares."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _book_words(book: Book) -> str:
    out: list[str] = []

    def inlines(nodes: tuple[Inline, ...]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                out.append(node.text)
            elif isinstance(node, Note):
                blocks_(node.blocks)
            elif not isinstance(node, LineBreak | CodeSpan):
                inlines(node.children)

    def blocks_(items: tuple[Block, ...]) -> None:
        for block in items:
            if isinstance(block, Paragraph):
                inlines(block.inlines)
            elif isinstance(block, Verse):
                for line in block.lines:
                    inlines(line)
            elif isinstance(block, BlockQuote):
                blocks_(block.blocks)

    for chapter in book.chapters:
        heading = chapter.heading
        if heading is not None:
            out.extend(x for x in (heading.label, heading.number_text) if x)
            inlines(heading.title + heading.subtitle)
        blocks_(chapter.blocks)
    return _word_chars(" ".join(out))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_RUN, min_size=1, max_size=5), min_size=1, max_size=8))
def test_every_word_comes_through_in_order(paragraphs: list[list[_RunValue]]) -> None:
    expected = ["chapter1"]
    body = [p("Chapter 1", style="Heading1")]
    for runs in paragraphs:
        raw = "".join(text for text, *_ in runs)
        one_line = " ".join(clean(re.sub(r"[\t\n\r]", " ", raw))[0].split())
        assume(match_heading(one_line) is None and not is_note(one_line))
        if not ("\n" in raw.replace("\r", "\n") and one_line) and is_scene_break(one_line):
            continue  # a divider, by the rule every reader shares
        expected.append(_word_chars(raw))
        body.append(p(*(r(text, i=i, b=b, u=u) for text, i, b, u in runs)))
    book = compiled(docx(*body))
    assert _book_words(book) == "".join(expected)


# --------------------------------------------------------------------------- end to end


@pytest.mark.slow
def test_a_docx_builds_an_epub_that_passes_epubcheck(
    tmp_path: Path, epubcheck: Callable[[Path], EpubCheckResult]
) -> None:
    data = docx(
        p("Salt and Stone", style="Title"),
        p("by Ann Poe", jc="center"),
        p("Chapter 1: The Harbour", style="Heading1"),
        p(r("The boats came in "), r("late", i=True), r("."), note_ref(1)),
        p("Dear Tom, come home.", style="Quote"),
        p(r("Roses are red,\nViolets are blue")),
        p(picture("rIdImg", "A map of the coast")),
        p("See ", link("rIdL", r("the tides", rstyle="Hyperlink")), "."),
        p("***", jc="center"),
        p("Morning came."),
        rels=[
            ("rIdImg", "image", "media/image1.png"),
            ("rIdL", "hyperlink", "https://example.com/"),
        ],
        parts={
            "word/media/image1.png": png(40, 30),
            "word/footnotes.xml": notes("footnote", r("The harbour at Porthleven.")),
        },
    )
    manuscript = tmp_path / "salt-and-stone.docx"
    manuscript.write_bytes(data)
    result = compile_book.build(manuscript, ["epub"], tmp_path / "book.epub")
    epubcheck(result.outputs["epub"])
