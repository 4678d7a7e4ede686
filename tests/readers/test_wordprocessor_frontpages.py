"""A Word manuscript's title page and own front pages: title, subtitle and author set in
no special style, a typed copyright block, dedication, epigraph and contents list."""

from __future__ import annotations

from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import CopyrightPage, Dedication, Epigraph, heading_text, plain_text
from compile_book.pipeline import ManuscriptSource, compile_sources
from tests.docx_fixtures import compiled, docx, p, page_break, r
from tests.odt_fixtures import h, odt
from tests.odt_fixtures import p as odt_p

INDIE = docx(
    p("THE GLASS ORCHARD", jc="center"),
    p("A Novel", jc="center"),
    p("by Priya Nandakumar", jc="center"),
    page_break(),
    p("Copyright © 2025 Priya Nandakumar"),
    p("All rights reserved."),
    p("ISBN: 978-1-23456-789-7"),
    p("This is a work of fiction."),
    page_break(),
    p(r("For Amma, who planted the first tree.", i=True), jc="center"),
    page_break(),
    p(r('"We are all gardeners of what we cannot keep."', i=True), jc="center"),
    p("— Unknown", jc="center"),
    page_break(),
    p("Contents"),
    p("Chapter 1: Frost", style="Heading1"),
    p("Chapter 2: Thaw", style="Heading1"),
    p("Chapter 1: Frost", style="Heading1"),
    p("Meera woke to the sound of branches ringing."),
    p("Chapter 2: Thaw", style="Heading1"),
    p("By March the glass had begun to sweat."),
)


def test_the_title_page_and_front_pages_of_a_word_manuscript() -> None:
    book = compiled(INDIE)
    assert (book.meta.title, book.meta.subtitle, book.meta.authors) == (
        "THE GLASS ORCHARD",
        "A Novel",
        ("Priya Nandakumar",),
    )
    pages = {type(page).__name__: page for page in book.front}
    copyright_ = pages["CopyrightPage"]
    assert isinstance(copyright_, CopyrightPage)
    assert copyright_.lines[0] == "Copyright © 2025 Priya Nandakumar"
    assert copyright_.lines[-1] == "This is a work of fiction."
    dedication = pages["Dedication"]
    assert isinstance(dedication, Dedication)
    assert dedication.lines == ("For Amma, who planted the first tree.",)
    epigraph = pages["Epigraph"]
    assert isinstance(epigraph, Epigraph) and epigraph.attribution == "Unknown"
    assert [heading_text(c.heading) for c in book.chapters] == [
        "Chapter 1: Frost",
        "Chapter 2: Thaw",
    ]
    assert [plain_text(c.blocks[0].inlines) for c in book.chapters] == [  # type: ignore[union-attr]
        "Meera woke to the sound of branches ringing.",
        "By March the glass had begun to sweat.",
    ]
    codes = {d.code for d in book.diagnostics}
    assert {Code.CONTENTS_LIST_LEFT_OUT, Code.DEDICATION_RECOGNISED} <= codes


def test_empty_chapters_that_are_the_book_stay() -> None:
    """Headings with no text under them that no later heading repeats are no contents."""
    book = compiled(
        docx(
            p("Chapter 1", style="Heading1"),
            p("Chapter 2", style="Heading1"),
            p("Chapter 3", style="Heading1"),
            p("The only text."),
        )
    )
    assert len(book.chapters) == 3
    assert not any(d.code == Code.CONTENTS_LIST_LEFT_OUT for d in book.diagnostics)


def test_a_story_opening_with_a_quotation_and_speaker_keeps_them() -> None:
    book = compiled(
        docx(
            p("Chapter 1", style="Heading1"),
            p('"Go home."'),
            p("— Mara"),
            p("Chapter 2", style="Heading1"),
            p("She went."),
        )
    )
    assert not any(isinstance(page, Epigraph) for page in book.front)
    assert plain_text(book.chapters[0].blocks[1].inlines) == "— Mara"  # type: ignore[union-attr]


def test_an_odt_manuscript_reads_the_same_front_pages() -> None:
    body = "".join(
        [
            odt_p("THE GLASS ORCHARD"),
            odt_p("A Novel"),
            odt_p("by Priya Nandakumar"),
            odt_p("Copyright © 2025 Priya Nandakumar"),
            odt_p("All rights reserved."),
            odt_p("For Amma, who planted the first tree."),
            odt_p("“We are all gardeners of what we cannot keep.”"),
            odt_p("— Unknown"),
            h("Chapter 1: Frost"),
            odt_p("Meera woke to the sound of branches ringing."),
        ]
    )
    book = compile_sources([ManuscriptSource("m.odt", odt(body))], BookConfig())
    assert (book.meta.subtitle, book.meta.authors) == ("A Novel", ("Priya Nandakumar",))
    assert (book.meta.rights, book.meta.dedication, book.meta.epigraph_source) == (
        "Copyright © 2025 Priya Nandakumar\nAll rights reserved.",
        "For Amma, who planted the first tree.",
        "Unknown",
    )
    assert [plain_text(b.inlines) for c in book.chapters for b in c.blocks] == [  # type: ignore[union-attr]
        "Meera woke to the sound of branches ringing."
    ]


def test_chapters_headed_in_the_title_style_keep_their_subtitles_as_titles() -> None:
    book = compiled(
        docx(
            p("The Salt Road", style="Title"),
            p("Chapter 1", style="Title"),
            p("Arrival", style="Subtitle"),
            p("She walked on."),
            p("Chapter 2", style="Title"),
            p("The Market", style="Subtitle"),
            p("She bought dates."),
        )
    )
    assert book.meta.title == "The Salt Road"
    assert [heading_text(c.heading) for c in book.chapters] == [
        "Chapter 1: Arrival",
        "Chapter 2: The Market",
    ]
