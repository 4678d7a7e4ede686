"""Numbered titles of story collections, ALL-CAPS chapter titles and their title case."""

from __future__ import annotations

import pytest

from compile_book.rules.headings import match_heading
from compile_book.rules.titles import chapter_title_like, title_cased


@pytest.mark.parametrize(
    ("line", "label", "number", "title"),
    [
        ("I. A SCANDAL IN BOHEMIA", None, 1, "A SCANDAL IN BOHEMIA"),
        (
            "VII. THE ADVENTURE OF THE BLUE CARBUNCLE",
            None,
            7,
            "THE ADVENTURE OF THE BLUE CARBUNCLE",
        ),
        ("ADVENTURE I. A SCANDAL IN BOHEMIA", "Adventure", 1, "A SCANDAL IN BOHEMIA"),
        ("II. The Red-Headed League", None, 2, "The Red-Headed League"),
        ("V. MR. AND MRS. S. F. UKRIDGE", None, 5, "MR. AND MRS. S. F. UKRIDGE"),
    ],
)
def test_a_number_a_full_stop_and_a_title_is_a_heading(
    line: str, label: str | None, number: int, title: str
) -> None:
    found = match_heading(line)
    assert found is not None
    assert (found.label, found.number, found.title) == (label, number, title)


@pytest.mark.parametrize(
    "line", ["1. Buy eggs", "I. The hens are in.", "Mr. Smith went home.", "3. and then,"]
)
def test_a_numbered_sentence_is_not_a_heading(line: str) -> None:
    assert match_heading(line) is None


def test_i_with_its_full_stop_is_a_section_number_and_without_it_a_word() -> None:
    found = match_heading("I.")
    assert found is not None and found.number == 1
    assert match_heading("I") is None


@pytest.mark.parametrize(
    "line",
    [
        "MR. AND MRS. S. F. UKRIDGE",
        "THE STORM BREAKS—",
        "A LONG AND WINDING AFTERNOON SPENT AMONG THE COOPS OF THE FARM",
    ],
)
def test_an_all_caps_line_under_a_number_is_its_title(line: str) -> None:
    assert chapter_title_like(line)


def test_a_sentence_case_line_under_a_number_is_still_prose() -> None:
    assert not chapter_title_like("The rain had not stopped for days, and the farm was flooded.")


@pytest.mark.parametrize(
    ("typed", "cased"),
    [
        ("PRIDE AND PREJUDICE", "Pride and Prejudice"),
        ("A LETTER WITH A POSTSCRIPT", "A Letter With a Postscript"),
        ("MR. AND MRS. S. F. UKRIDGE", "Mr. and Mrs. S. F. Ukridge"),
        ("THE ADVENTURE OF THE ENGINEER’S THUMB", "The Adventure of the Engineer’s Thumb"),
        ("THE STORM BREAKS—", "The Storm Breaks—"),
    ],
)
def test_all_caps_titles_are_title_cased_letter_for_letter(typed: str, cased: str) -> None:
    assert title_cased(typed) == cased
    assert cased.casefold() == typed.casefold()


@pytest.mark.parametrize("text", ["The Long Road", "I", "1984", "iPhone Stories"])
def test_titles_not_in_capitals_are_left_as_typed(text: str) -> None:
    assert title_cased(text) is None


def test_a_chapter_label_with_only_punctuation_after_it_has_no_title() -> None:
    found = match_heading("Chapter I.]")
    assert found is not None and (found.number, found.title) == (1, None)
