"""The ``matter`` transform: front-matter pages built from the metadata, in the book's language."""

from __future__ import annotations

from compile_book.bookmeta import metadata
from compile_book.config import BookConfig
from compile_book.locale import get_locale
from compile_book.nodes import Contents, CopyrightPage, Dedication, Epigraph, TitlePage
from compile_book.transforms import matter
from tests.trees_small import WHEN, assembled, context

FULL = BookConfig(
    title="Salt",
    subtitle="A Novel",
    authors=["Jane Doe", "John Roe", "Ann Poe"],
    isbn="978-3-16-148410-0",
    edition="Second edition",
    publisher="Harbour Press",
    date="2026-03-02",
)


def test_copyright_lines_in_order_in_english() -> None:
    meta = metadata(FULL, None, None, "x.txt")
    assert matter.copyright_lines(meta, get_locale("en"), 2030) == (
        "Copyright © 2026 Jane Doe, John Roe and Ann Poe",
        "All rights reserved.",
        "Second edition",
        "ISBN 978-3-16-148410-0",
        "Published by Harbour Press",
        "March 2, 2026",
    )


def test_copyright_lines_use_the_locales_words_in_german_and_italian() -> None:
    meta = metadata(FULL, None, None, "x.txt")
    de = matter.copyright_lines(meta, get_locale("de"), 2030)
    it = matter.copyright_lines(meta, get_locale("it"), 2030)
    assert de[:2] == ("© 2026 Jane Doe, John Roe und Ann Poe", "Alle Rechte vorbehalten.")
    assert de[4:] == ("Erschienen bei Harbour Press", "2. März 2026")
    assert it[:2] == ("© 2026 Jane Doe, John Roe e Ann Poe", "Tutti i diritti riservati.")
    assert it[4:] == ("Pubblicato da Harbour Press", "2 marzo 2026")


def test_copyright_year_is_the_build_year_when_the_book_has_no_date() -> None:
    meta = metadata(BookConfig(authors=["Jane Doe"]), None, None, "x.txt")
    assert matter.copyright_lines(meta, get_locale("en"), 2031) == (
        "Copyright © 2031 Jane Doe",
        "All rights reserved.",
    )


def test_rights_line_replaces_the_generated_copyright_and_reservation() -> None:
    meta = metadata(BookConfig(authors=["Jane"], rights="© The Estate"), None, None, "x.txt")
    assert matter.copyright_lines(meta, get_locale("en"), 2026) == ("© The Estate",)


def test_front_matter_of_a_bare_book_is_a_title_page_and_contents() -> None:
    meta = metadata(BookConfig(), None, None, "x.txt")
    assert matter.front_matter(meta, get_locale("en"), 2026) == (
        TitlePage("X"),
        Contents("Contents"),
    )


def test_front_matter_pages_in_reading_order_with_german_headings() -> None:
    config = BookConfig.model_validate(
        {
            "authors": "Jane",
            "publisher": "Harbour Press",
            "dedication": "For A.\n\n  And B.\n",
            "epigraph": "Line one\nLine two",
            "epigraph_source": "Someone",
        }
    )
    front = matter.front_matter(metadata(config, "Salz", None, "x.txt"), get_locale("de"), 2030)
    assert front == (
        TitlePage("Salz", None, ("Jane",), "Harbour Press"),
        CopyrightPage(
            "Impressum",
            ("© 2030 Jane", "Alle Rechte vorbehalten.", "Erschienen bei Harbour Press"),
        ),
        Dedication("Widmung", ("For A.", "And B.")),
        Epigraph("Motto", ("Line one", "Line two"), "Someone"),
        Contents("Inhalt"),
    )


def test_run_sets_the_books_front_matter_with_the_contexts_year() -> None:
    config = BookConfig(authors=["Jane Doe"], language="de")
    book = matter.run(assembled("Text.\n", config=config), context(config))
    assert book.front[1] == CopyrightPage(
        "Impressum", (f"© {WHEN.year} Jane Doe", "Alle Rechte vorbehalten.")
    )
    assert book.front[-1] == Contents("Inhalt")
