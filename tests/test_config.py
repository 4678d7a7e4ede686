"""``book.toml``: validation, one ``key.path: message`` line per problem, and its tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book.config import BookConfig, ConfigProblems, isbn_digits, load_config, parse_config
from compile_book.errors import ConfigError


def test_every_problem_is_one_key_path_line_and_unknown_keys_say_so() -> None:
    with pytest.raises(ConfigProblems) as caught:
        parse_config({"titel": "x", "pdf": {"trim": "huge"}, "transforms": {"lint": "no"}})
    assert sorted(caught.value.lines) == [
        "book.toml: error: pdf.trim: Input should be '5x8', '5.25x8', '5.5x8.5', '6x9', "
        "'a5' or 'custom'",
        "book.toml: error: titel: unknown key; remove it or check its spelling",
        "book.toml: error: transforms.lint: Input should be a valid boolean",
    ]
    assert caught.value.format() == "\n".join(caught.value.lines)


def test_isbn_with_a_wrong_check_digit_is_rejected() -> None:
    with pytest.raises(ConfigProblems, match="978-3-16-148410-1 fails the ISBN-13 check digit"):
        parse_config({"isbn": "978-3-16-148410-1"})


def test_isbn_is_kept_as_hyphenated_and_its_digits_are_available() -> None:
    config = parse_config({"isbn": " 978-3-16-148410-0 "})
    assert config.isbn == "978-3-16-148410-0"
    assert isbn_digits("979-8-88512-046-3") == "9798885120463"
    with pytest.raises(ConfigProblems, match="an ISBN-13 has 13 digits"):
        parse_config({"isbn": "978-3-16"})


def test_a_single_author_string_is_accepted_as_a_list() -> None:
    assert parse_config({"authors": "Jane Doe"}).authors == ["Jane Doe"]


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
