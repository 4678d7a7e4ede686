"""``book.toml``: validation, one ``key.path: message`` line per problem, and its tables."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from compile_book.config import (
    BookConfig,
    ConfigProblems,
    PdfConfig,
    isbn_digits,
    load_config,
    parse_config,
)
from compile_book.errors import ConfigError
from compile_book.printable import layout_problems


def test_every_problem_is_one_key_path_line_and_unknown_keys_say_so() -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"titel": "x", "pdf": {"trim": "huge"}, "transforms": {"lint": "no"}})
    assert sorted(caught.value.lines) == [
        "book.toml: error: pdf.trim: Input should be '5x8', '5.25x8', '5.5x8.5', '6x9', "
        "'a5' or 'custom'",
        "book.toml: error: titel: unknown key; did you mean 'title'?",
        "book.toml: error: transforms.lint: Input should be a valid boolean",
    ]
    assert caught.value.format() == "\n".join(caught.value.lines)


def test_isbn_with_a_wrong_check_digit_is_rejected_with_the_right_one() -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"isbn": "978-3-16-148410-1"})
    assert caught.value.lines == [
        "book.toml: error: isbn: 978-3-16-148410-1 fails the ISBN-13 check digit: "
        "expected 0, found 1"
    ]
    with pytest.raises(ConfigProblems, match="ISBN-10 check digit: expected 2, found 3"):
        parse_config({"isbn": "0-306-40615-3"})


def test_isbn_10_and_a_printed_isbn_prefix_are_accepted() -> None:
    assert parse_config({"isbn": "0-306-40615-2"}).isbn == "0-306-40615-2"
    assert parse_config({"isbn": "ISBN-13: 978-3-16-148410-0"}).isbn == "978-3-16-148410-0"


def test_isbn_is_kept_as_hyphenated_and_its_digits_are_available() -> None:
    config = parse_config({"isbn": " 978-3-16-148410-0 "})
    assert config.isbn == "978-3-16-148410-0"
    assert isbn_digits("979-8-88512-046-3") == "9798885120463"
    with pytest.raises(ConfigProblems, match="an ISBN-13 has 13 digits"):
        parse_config({"isbn": "978-3-16"})


# --------------------------------------------------------------------------- metadata text

_TEXT_KEYS = [
    ("title", "title"),
    ("subtitle", "subtitle"),
    ("publisher", "publisher"),
    ("edition", "edition"),
    ("epigraph_source", "epigraph_source"),
    ("identifier", "identifier"),
    ("description", "description"),
    ("rights", "rights"),
    ("dedication", "dedication"),
    ("epigraph", "epigraph"),
]


@pytest.mark.parametrize(("key", "shown"), _TEXT_KEYS)
@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (" ", "is blank; give it a value or remove the key"),
        ("a\x01b", "contains a control character (U+0001) at character 2; remove it"),
        ("a\ufdd0", "contains U+FDD0, a Unicode noncharacter, at character 2; remove it"),
        ("a\U0001fffe", "contains U+1FFFE, a Unicode noncharacter, at character 2; remove it"),
    ],
    ids=["blank", "control", "nonchar", "nonchar-plane-1"],
)
def test_bad_metadata_text_is_refused_naming_the_key(
    key: str, shown: str, value: str, problem: str
) -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({key: value})
    assert caught.value.lines == [f"book.toml: error: {shown}: {problem}"]


def test_names_in_lists_and_tables_are_checked_with_their_path() -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"authors": ["Ann", ""], "series": {"name": "S\x02"}, "pdf": {"font": "\x7f"}})
    assert caught.value.lines == [
        "book.toml: error: authors.1: is blank; give it a value or remove the key",
        "book.toml: error: series.name: contains a control character (U+0002) at character 2; "
        "remove it",
        "book.toml: error: pdf.font: contains a control character (U+007F) at character 1; "
        "remove it",
    ]


def test_a_series_given_as_a_string_is_its_name() -> None:
    series = parse_config({"series": "The Cycle"}).series
    assert series is not None and (series.name, series.number) == ("The Cycle", None)


def test_line_breaks_and_tabs_belong_in_long_texts_only() -> None:
    text = "First line,\n\tsecond line."
    config = parse_config({"description": text, "dedication": text, "epigraph": text})
    assert config.description == config.dedication == config.epigraph == text
    with pytest.raises(ConfigProblems, match="title: holds a tab or line break at character 6"):
        parse_config({"title": "Title\nTwo"})


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2026", "2026"),
        ("2026-05", "2026-05"),
        ("2026-05-01", "2026-05-01"),
        (datetime.date(2026, 5, 1), "2026-05-01"),
        (datetime.datetime(2026, 5, 1, 9, 30), "2026-05-01"),
    ],
)
def test_dates_in_the_forms_writers_use(given: object, kept: str) -> None:
    assert parse_config({"date": given}).date == kept


def test_a_toml_date_is_read(tmp_path: Path) -> None:
    path = tmp_path / "book.toml"
    path.write_text("date = 2026-05-01\n", encoding="utf-8")
    assert load_config(path).date == "2026-05-01"


@pytest.mark.parametrize(
    ("given", "why"),
    [("2026-13-45", "there is no month 13"), ("2026-02-30", "that month has no day 30")],
)
def test_an_impossible_date_is_refused_naming_the_key(given: str, why: str) -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"date": given})
    assert caught.value.lines == [
        f"book.toml: error: date: {given!r} is not a real date ({why}); "
        "write it as YYYY, YYYY-MM or YYYY-MM-DD"
    ]


# --------------------------------------------------------------------------- page and margins


@pytest.mark.parametrize("size", ["0in", "99999in", "1.9in", "18in", "10mm", "2000pt"])
def test_a_custom_page_outside_printable_sizes_is_refused(size: str) -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"pdf": {"trim": "custom", "width": size, "height": "9in"}})
    assert caught.value.lines == [
        f"book.toml: error: pdf.width: {size} is not a page size a printer takes; choose "
        "between 2in and 17in (KDP prints 4in to 8.5in wide)"
    ]


def test_printable_custom_pages_are_accepted() -> None:
    for width, height in [("3in", "17in"), ("4in", "6in"), ("216mm", "279mm"), ("612pt", "11in")]:
        pdf = parse_config({"pdf": {"trim": "custom", "width": width, "height": height}}).pdf
        assert (pdf.width, pdf.height) == (width, height)


def test_the_default_layout_is_printable() -> None:
    # The config skips the layout check when nothing in [pdf] is set: this is why it may.
    assert layout_problems(PdfConfig()) == []


def test_a_custom_trim_needs_both_sides() -> None:
    with pytest.raises(ConfigProblems, match=r"pdf: trim = 'custom' needs pdf\.height"):
        parse_config({"pdf": {"trim": "custom", "width": "5in"}})


@pytest.mark.parametrize(
    ("pdf", "message"),
    [
        (
            {"gutter": "3in", "outside": "2in"},
            "pdf: the margins leave a text block 0.5in wide on a 5.5in page (pdf.gutter 3in, "
            "pdf.outside 2in); narrow them to leave at least 1.5in",
        ),
        (
            {"outside": "4in"},
            "pdf: the margins leave no room for text on a 5.5in page (the default "
            "gutter 4in, pdf.outside 4in); narrow them to leave at least 1.5in",
        ),
        (
            {"trim": "5x8", "top": "4in", "bottom": "3in"},
            "pdf: the margins leave a text block 1in tall on a 8in page (pdf.top 4in, "
            "pdf.bottom 3in); narrow them to leave at least 2in",
        ),
    ],
)
def test_margins_must_leave_a_text_block(pdf: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"pdf": pdf})
    assert caught.value.lines == [f"book.toml: error: {message}"]


def test_zero_margins_are_allowed() -> None:
    zero = {"gutter": "0in", "outside": "0in", "top": "0in", "bottom": "0in"}
    assert parse_config({"pdf": zero}).pdf.gutter == "0in"


def test_reading_outside_the_project_is_off_unless_asked_for() -> None:
    assert BookConfig().read_outside_project is False
    assert parse_config({"read_outside_project": True}).read_outside_project is True
    with pytest.raises(ConfigProblems, match="read_outside_project: Input should be a valid"):
        parse_config({"read_outside_project": "yes"})


def test_a_single_author_string_is_accepted_as_a_list() -> None:
    assert parse_config({"authors": "Jane Doe"}).authors == ["Jane Doe"]


def test_an_unknown_key_names_the_nearest_known_one_of_its_table() -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"author": "A B", "pdf": {"gutterr": "0.5in"}, "zzz": 1, "epubb": {}})
    assert sorted(caught.value.lines) == [
        "book.toml: error: author: unknown key; did you mean 'authors'?",
        "book.toml: error: epubb: unknown key; did you mean 'epub'?",
        "book.toml: error: pdf.gutterr: unknown key; did you mean 'gutter'?",
        "book.toml: error: zzz: unknown key; remove it or check its spelling",
    ]


def test_transforms_table_defaults_on_and_rejects_unknown_transforms() -> None:
    assert BookConfig().transforms.model_dump() == {
        "inlines": True,
        "lint": True,
        "typography": True,
    }
    with pytest.raises(ConfigProblems, match=r"transforms\.matter: unknown key"):
        parse_config({"transforms": {"matter": False}})


def test_load_config_reads_toml_tables(tmp_path: Path) -> None:
    path = tmp_path / "book.toml"
    path.write_text('title = "x"\n[transforms]\ntypography = false\n', encoding="utf-8")
    config = load_config(path)
    assert config.title == "x"
    assert (config.transforms.typography, config.transforms.lint) == (False, True)


def test_load_config_reports_invalid_toml_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "book.toml"
    path.write_text('title = "ok"\nsubtitle = "unclosed\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.line == 2
    assert caught.value.message.startswith("invalid TOML:")
