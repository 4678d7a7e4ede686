"""What the writers share: printed headings and the one contents structure."""

from __future__ import annotations

import dataclasses

from compile_book.locale import get_locale
from compile_book.nodes import ChapterKind, heading_text
from compile_book.writers.common import (
    Headings,
    TocEntry,
    WriterOptions,
    contents,
    contents_title,
    divisions,
    rights_statement,
)
from tests.trees import book, chapter, full_book, heading, part
from tests.writers import finished


def test_a_number_typed_before_the_word_prints_as_typed_where_numbers_do() -> None:
    h = dataclasses.replace(heading("Kapitel", 1, number_text="1"), as_typed="Erstes Kapitel")
    de = get_locale("de")
    assert Headings(de).chapter(h).line == "Erstes Kapitel"
    assert Headings(de, chapter_numbers="arabic").chapter(h).line == "Kapitel 1"
    assert heading_text(h) == "Erstes Kapitel"


def test_numbers_print_in_the_chosen_style() -> None:
    h = heading("Chapter", 21, "The End", number_text="XXI")
    en = Headings(get_locale("en"), chapter_numbers="words")
    assert en.chapter(h).line == "Chapter Twenty-One: The End"
    assert Headings(get_locale("en")).chapter(h).line == "Chapter XXI: The End"
    assert Headings(get_locale("en"), chapter_numbers="arabic").chapter(h).number == "21"
    # Part numbers follow their own setting.
    p = heading("Part", 2, number_text="2")
    assert Headings(get_locale("en"), part_numbers="roman").part(p).line == "Part II"
    assert Headings(get_locale("en"), part_numbers="roman").chapter(p).line == "Part 2"


def test_numbers_in_words_after_the_label_stay_lower_case_outside_english() -> None:
    """ "Capítulo veintiuno", "Kapitel drei"; a number alone keeps its capital."""
    es = Headings(get_locale("es"), chapter_numbers="words")
    assert es.chapter(heading("Capítulo", 21, number_text="21")).line == "Capítulo veintiuno"
    de = Headings(get_locale("de"), chapter_numbers="words")
    assert de.chapter(heading("Kapitel", 3, number_text="3")).line == "Kapitel drei"
    assert de.chapter(heading(None, 3, number_text="3")).line == "Drei"
    # An English label in a French book keeps the English form.
    fr = Headings(get_locale("fr"), chapter_numbers="words")
    assert fr.chapter(heading("Chapter", 2, number_text="2")).line == "Chapter Deux"


def test_a_found_number_without_text_still_prints() -> None:
    h = heading("Chapter", None, "Title")
    h = type(h)(h.source, "Chapter", 7, None, h.title)
    assert Headings(get_locale("en")).chapter(h).line == "Chapter 7: Title"


def test_divisions_and_contents_share_ids_and_names() -> None:
    tree = full_book()
    headings = Headings.of(tree, WriterOptions())
    layout = divisions(tree, headings)
    assert [d.uid for d in layout] == [None, "part-01", "part-02", None]
    assert [e.uid for d in layout for e in d.chapters] == [f"chapter-00{i}" for i in range(1, 7)]
    entries = contents(tree, headings)
    assert [e.label for e in entries] == ["Prologue", "Part One: The First", "Part Two", "Epilogue"]
    assert entries[1].children == (
        TocEntry("chapter-002", "Chapter 1: Start"),
        TocEntry("chapter-003", "Chapter 2: Middle"),
    )
    assert entries[3] == TocEntry("chapter-006", "Epilogue")


def test_headingless_chapters_are_named_by_their_opening() -> None:
    tree = book(chapter("One."), chapter("It was late when the ferry came in at last."))
    entries = contents(tree, Headings.of(tree, WriterOptions()))
    assert [e.label for e in entries] == ["One.", "It was late when the ferry…"]


def test_a_part_without_words_prints_no_page() -> None:
    tree = book(part(chapter("x", kind=ChapterKind.CHAPTER), heading=heading()))
    (division,) = divisions(tree, Headings.of(tree, WriterOptions()))
    assert division.uid is None


def test_contents_title_and_rights_come_from_the_front_matter() -> None:
    tree = book(chapter("x"), language="it", authors=("Ada", "Bea"), date="2024")
    assert contents_title(tree) == "Indice"  # no Contents node: the locale's word
    done = finished(tree)
    assert contents_title(done) == "Indice"
    assert rights_statement(done) == "© 2024 Ada e Bea"
    assert rights_statement(finished(book(chapter("x"), authors=()))) is None
    assert rights_statement(finished(book(chapter("x"), rights="CC BY"))) == "CC BY"
