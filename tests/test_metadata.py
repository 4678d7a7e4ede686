"""``compile_book.metadata``: what a title, a name, a date or an ISBN may be."""

from __future__ import annotations

import dataclasses
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compile_book.api import parse_text, write
from compile_book.errors import InputError
from compile_book.metadata import (
    check_metadata,
    date_problem,
    declared,
    isbn_check_digit,
    isbn_digits,
    isbn_problem,
    printable,
    text_problem,
)
from compile_book.nodes import Metadata, Series, Source


def _refused(char: str) -> bool:
    """What the rule means, said the slow way: controls, surrogates, noncharacters."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Cc", "Cs")
        or 0xFDD0 <= code <= 0xFDEF
        or code & 0xFFFE == 0xFFFE
    )


@given(st.characters(codec=None))
def test_exactly_controls_surrogates_and_noncharacters_are_refused(char: str) -> None:
    assert (text_problem(f"a{char}b") is not None) == _refused(char)
    layout = char in "\t\n\r"
    assert (text_problem(f"a{char}b", multiline=True) is not None) == (
        _refused(char) and not layout
    )


@given(st.text(st.characters(codec=None), max_size=40))
def test_printable_leaves_a_single_line_the_rule_accepts(text: str) -> None:
    cleaned = printable(text)
    assert cleaned == "" or text_problem(cleaned) is None
    assert "\n" not in cleaned


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("   ", "is blank; give it a value or remove the key"),
        ("T\x07x", "contains a control character (U+0007) at character 2; remove it"),
        ("T\x85", "contains a control character (U+0085) at character 2; remove it"),
        ("T\ufffe", "contains U+FFFE, a Unicode noncharacter, at character 2; remove it"),
        ("\U0010ffff", "contains U+10FFFF, a Unicode noncharacter, at character 1; remove it"),
        ("a\nb", "holds a tab or line break at character 2; write it on one line"),
        ("a\ud800", "contains a lone surrogate (U+D800) at character 2; remove it"),
        ("Plain \ue000 private use", None),
    ],
)
def test_text_problems_say_what_and_where(value: str, problem: str | None) -> None:
    assert text_problem(value) == problem


@pytest.mark.parametrize("value", ["2026", "2026-03", "2026-03-02", "2024-02-29", " 2026 "])
def test_dates_writers_give_are_accepted(value: str) -> None:
    assert date_problem(value) is None


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2026-13-45", "there is no month 13"),
        ("2026-00", "there is no month 0"),
        ("2025-02-29", "that month has no day 29"),
        ("0000", "there is no year 0"),
        ("May 2026", "is not a date"),
        ("2026-3-2", "is not a date"),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(value: str, why: str) -> None:
    problem = date_problem(value)
    assert problem is not None and why in problem
    assert problem.endswith("write it as YYYY, YYYY-MM or YYYY-MM-DD")


@pytest.mark.parametrize(
    ("isbn", "problem"),
    [
        ("978-3-16-148410-0", None),
        ("979 8 88512 046 3", None),
        ("0-306-40615-2", None),
        ("0-8044-2957-x", None),  # an ISBN-10's check character X, in either case
        ("978-3-16-148410-1", "fails the ISBN-13 check digit: expected 0, found 1"),
        ("0-306-40615-3", "fails the ISBN-10 check digit: expected 2, found 3"),
        ("978-3-16", "has 6 characters besides hyphens and spaces"),
    ],
)
def test_isbn_check_digits(isbn: str, problem: str | None) -> None:
    found = isbn_problem(isbn_digits(isbn))
    assert found == problem if problem is None else problem in (found or "")


def test_isbn_check_digit_of_both_kinds() -> None:
    assert isbn_check_digit("030640615") == "2"
    assert isbn_check_digit("080442957") == "X"
    assert isbn_check_digit("978316148410") == "0"


def test_a_hand_made_metadata_is_checked_field_by_field() -> None:
    good = Metadata(title="T", language="en", identifier="urn:x", authors=("A",))
    check_metadata(good)
    for bad, key in [
        (Metadata(title="", language="en", identifier="x"), "title"),
        (Metadata(title="T", language="en", identifier="x", authors=("A", " ")), "author 2"),
        (Metadata(title="T", language="en", identifier="x", date="2026-13-45"), "date"),
        (Metadata(title="T", language="en", identifier="x", isbn="978-3-16-148410-1"), "isbn"),
        (Metadata(title="T", language="en", identifier="x", series=Series("\x02")), "series"),
        (Metadata(title="T", language="en", identifier="x", description="a\x01"), "description"),
    ]:
        with pytest.raises(InputError, match=f"the book's {key} "):
            check_metadata(bad)
    check_metadata(Metadata(title="T", language="en", identifier="x", description="a\n\tb"))


def test_a_blank_declared_value_is_ignored_and_a_bad_one_refused_at_its_line() -> None:
    src = Source("story.txt", 3)
    assert declared("title", "  \t ", src) is False
    assert declared("author", "Ann Lee", src) is True
    assert declared("description", "One.\nTwo.", src) is True
    with pytest.raises(InputError, match=r"^story\.txt:3: error: the book's author contains"):
        declared("author", "Ann\x1b[0m", src)


def test_a_writer_refuses_a_hand_made_metadata_before_writing(tmp_path: Path) -> None:
    book = parse_text("Hello there.\n")
    bad = dataclasses.replace(book, meta=dataclasses.replace(book.meta, title=" "))
    with pytest.raises(InputError, match="the book's title is blank"):
        write(bad, "epub", tmp_path / "b.epub")
    assert not (tmp_path / "b.epub").exists()


def test_front_matter_metadata_is_checked_at_its_line() -> None:
    text = "---\ntitle: A Book\ndate: 2026-13-45\n---\n\n# One\n\nText.\n"
    with pytest.raises(InputError, match=r"^book\.md:1: error: the book's date '2026-13-45'"):
        parse_text(text, filename="book.md")


def test_a_title_made_from_a_file_name_drops_what_no_title_may_hold() -> None:
    book = parse_text("Hello there.\n", filename="\x1b[31mred\ufffe.txt")
    assert book.meta.title == "[31mred"


def test_text_check_is_linear() -> None:
    def cost(n: int) -> float:
        value = "Title words " * n
        start = time.perf_counter()
        for _ in range(20):
            text_problem(value)
        return time.perf_counter() - start

    cost(1000)  # warm up
    assert cost(40_000) / cost(10_000) < 8
