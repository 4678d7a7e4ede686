"""Silencing findings: the manuscript marker and ``[lint] ignore`` in book.toml."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.pipeline import ManuscriptSource, compile_sources
from compile_book.silence import markers, parse_rule, rule_problem

TEXT = (
    "Chapter 1\n\n"
    "She said and and left. <!-- compile-book: ignore W103 -->\n\n"
    "He said the the end.\n\n"
    "<!-- compile-book: ignore -->\n"
    "They said or or\n"
    "not.\n\n"
    "We said but but.\n"
)


def _doubles(text: str, name: str = "m/01.txt", config: BookConfig | None = None) -> list[int]:
    book = compile_sources([ManuscriptSource(name, text.encode())], config or BookConfig())
    return [d.line for d in book.diagnostics if d.code is Code.DOUBLED_WORD]


def test_markers_cover_their_line_or_the_paragraph_below() -> None:
    assert markers(TEXT) == {
        3: frozenset({"W103"}),
        7: frozenset({"*"}),
        8: frozenset({"*"}),
        9: frozenset({"*"}),
    }


@pytest.mark.parametrize("name", ["m/01.txt", "m/01.md"])
def test_a_marker_silences_a_finding_in_place(name: str) -> None:
    assert _doubles(TEXT, name) == [5, 11]


def test_book_toml_silences_a_line_a_file_or_a_code() -> None:
    def lint(*ignore: str) -> BookConfig:
        return BookConfig.model_validate({"lint": {"ignore": list(ignore)}})

    assert _doubles(TEXT, config=lint("m/01.txt:5:W103")) == [11]
    assert _doubles(TEXT, config=lint("01.txt:W103")) == []
    assert _doubles(TEXT, config=lint("W103")) == []
    assert _doubles(TEXT, config=lint("other.txt:W103")) == [5, 11]


@pytest.mark.parametrize("entry", ["W1033", "X103", "a.txt:W10", "W999", ""])
def test_bad_entries_are_refused(entry: str) -> None:
    assert rule_problem(entry) is not None
    with pytest.raises(ValidationError):
        BookConfig.model_validate({"lint": {"ignore": [entry]}})


def test_rules_parse() -> None:
    rule = parse_rule("manuscripts/03.txt:41:w103")
    assert (rule.file, rule.line, rule.code) == ("manuscripts/03.txt", 41, "W103")
    assert parse_rule("W107").file is None
