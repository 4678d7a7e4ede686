"""Heading recognition, one fixture case each (tests/rules/fixtures/headings.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book.locale import get_locale
from compile_book.rules.headings import looks_like_heading, match_heading
from compile_book.rules.numbers import parse_number
from tests.fixtures import Case, fixture_params

FIXTURES = Path(__file__).parent / "fixtures"


def describe(line: str) -> str:
    found = match_heading(line)
    if found is None:
        return "none"
    kind = "part" if found.is_part else str(found.kind)
    fields = (found.label, found.number, found.number_text, found.title)
    return "|".join([kind, *("" if f is None else str(f) for f in fields)])


@pytest.mark.parametrize("case", fixture_params(FIXTURES / "headings.md"))
def test_heading_fixture(case: Case) -> None:
    assert describe(case.input) == case.expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("29", 29), ("IV", 4), ("xii", 12), ("One", 1), ("twenty-one", 21), ("ninety nine", 99)],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_heading_like_lines_are_flagged() -> None:
    assert looks_like_heading("Chapter 12 was the worst")
    assert not looks_like_heading("He opened the door.")


@pytest.mark.parametrize(
    ("style", "language", "expected"),
    [
        ("as-written", "en", "IV"),
        ("words", "en", "Twenty-One"),
        ("arabic", "en", "21"),
        ("roman", "en", "XXI"),
        ("words", "de", "Einundzwanzig"),  # every locale spells its own numbers
    ],
)
def test_styled_numbers(style: str, language: str, expected: str) -> None:
    from compile_book.rules.numbers import styled_number

    written = "IV" if style == "as-written" else "21"
    number = 4 if style == "as-written" else 21
    assert styled_number(number, written, style, language) == expected


def test_number_words() -> None:
    from compile_book.rules.numbers import to_words

    assert [to_words(n) for n in (1, 13, 40, 99, 100, 101)] == [
        "One",
        "Thirteen",
        "Forty",
        "Ninety-Nine",
        "One Hundred",
        "One Hundred and One",
    ]


@pytest.mark.parametrize(
    ("line", "is_part", "number"),
    [
        ("1. Kapitel", False, 1),
        ("Erstes Kapitel", False, 1),
        ("Zweites Kapitel: Der Wald", False, 2),
        ("Einundzwanzigstes Kapitel", False, 21),
        ("Erster Teil", True, 1),
        ("3. Teil", True, 3),
    ],
)
def test_german_numbers_before_the_word(line: str, is_part: bool, number: int) -> None:
    found = match_heading(line, get_locale("de"))
    assert found is not None
    assert (found.is_part, found.number, found.number_text) == (is_part, number, str(number))
    assert found.label in ("Kapitel", "Teil")
    # Printed as typed where numbers print as written (it became "Kapitel 1").
    assert found.as_typed == line.split(":")[0]


def test_a_number_after_the_word_has_nothing_typed_apart() -> None:
    found = match_heading("Kapitel 3", get_locale("de"))
    assert found is not None and found.as_typed is None
    swedish = match_heading("Första  kapitlet", get_locale("sv"))
    assert swedish is not None and swedish.as_typed == "Första kapitlet"


def test_a_german_sentence_is_no_heading() -> None:
    assert match_heading("Das Kapitel", get_locale("de")) is None
    assert match_heading("Viele Kapitel später.", get_locale("de")) is None


def test_a_dash_typed_without_spaces_makes_a_title_only_of_a_title() -> None:
    found = match_heading("Book the First--Recalled to Life")
    assert found is not None and found.title == "Recalled to Life"
    assert match_heading("Part one--the drive to the coast--went well enough.") is None
    assert match_heading("Book two--the one with the blue cover--lay open on the seat.") is None
    assert match_heading("Prologue--the night before--was long.") is None


@pytest.mark.parametrize(
    ("language", "line", "written"),
    [
        ("fr", "Chapitre premier", "premier"),
        ("es", "Capítulo uno", "uno"),
        ("es", "Capítulo Tercero", "tercero"),
        ("ru", "Глава вторая", "вторая"),
        ("pl", "Część pierwsza", "pierwsza"),
        ("de", "Kapitel eins", "eins"),
        ("fr", "Chapitre III", "III"),
        ("fr", "Chapter one", "One"),
        ("en", "Chapter one", "One"),
    ],
)
def test_a_number_in_words_after_the_label_stays_lower_case(
    language: str, line: str, written: str
) -> None:
    """Only English writes "Chapter One"; "Chapitre Premier" is wrong in French."""
    found = match_heading(line, get_locale(language))
    assert found is not None
    assert found.number_text == written


@pytest.mark.parametrize(
    ("language", "line", "is_part", "label", "number"),
    [
        ("sv", "Första kapitlet", False, "Kapitel", 1),
        ("sv", "Andra delen", True, "Del", 2),
        ("sv", "Tredje boken", True, "Bok", 3),
        ("nl", "Eerste deel", True, "Deel", 1),
        ("nl", "Tweede hoofdstuk", False, "Hoofdstuk", 2),
    ],
)
def test_ordinal_before_the_word(
    language: str, line: str, is_part: bool, label: str, number: int
) -> None:
    """Swedish puts the word in its definite form after an ordinal ("Första kapitlet");
    the heading prints the label ("Kapitel 1")."""
    found = match_heading(line, get_locale(language))
    assert found is not None
    assert (found.is_part, found.label, found.number) == (is_part, label, number)


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("de", "Vorwort"),
        ("fr", "Avant-propos"),
        ("fr", "Préface"),
        ("es", "Prefacio"),
        ("it", "Prefazione"),
        ("pt", "Prefácio"),
        ("nl", "Voorwoord"),
        ("pl", "Przedmowa"),
        ("sv", "Förord"),
        ("ru", "Предисловие"),
    ],
)
def test_a_preface_in_the_books_language_is_an_unnumbered_chapter(language: str, line: str) -> None:
    found = match_heading(line, get_locale(language))
    assert found is not None
    assert (found.label, found.number, found.title) == (None, None, line)
    assert match_heading(line) is None  # the word is the book's language's only


@pytest.mark.parametrize(
    ("language", "line", "kind", "label", "number"),
    [
        ("pt", "CAPITULO I", "chapter", "Capitulo", 1),
        ("es", "Capitulo 3: El fin", "chapter", "Capitulo", 3),
        ("es", "PROLOGO", "prologue", "Prologo", None),
        ("pt", "Epilogo", "epilogue", "Epilogo", None),
        ("fr", "EPILOGUE", "epilogue", "Epilogue", None),
        ("pl", "Rozdzial 2", "chapter", "Rozdzial", 2),
        ("pl", "Czesc pierwsza", "part", "Czesc", 1),
        ("sv", "Forsta kapitlet", "chapter", "Kapitel", 1),
        ("pt", "Capítulo I", "chapter", "Capítulo", 1),
    ],
)
def test_a_heading_word_typed_without_its_accents_is_read(
    language: str, line: str, kind: str, label: str, number: int | None
) -> None:
    """A keyboard without accents types "CAPITULO I"; the label prints as typed."""
    found = match_heading(line, get_locale(language))
    assert found is not None
    what = "part" if found.is_part else str(found.kind)
    assert (what, found.label, found.number) == (kind, label, number)


@pytest.mark.parametrize(
    ("language", "line"),
    [("pt", "capitulo de uma vida"), ("es", "Capitulo uno era largo."), ("en", "Prologo")],
)
def test_an_unaccented_heading_word_in_prose_is_no_heading(language: str, line: str) -> None:
    assert match_heading(line, get_locale(language)) is None


@pytest.mark.parametrize(
    ("language", "line", "title"),
    [
        ("pt", "Prefacio", "Prefacio"),
        ("pt", "Posfacio", "Posfacio"),
        ("es", "Introduccion", "Introduccion"),
        ("de", "Über die Autorin", "Über die Autorin"),
        ("de", "Uber die Autorin", "Uber die Autorin"),
    ],
)
def test_front_and_back_headings_are_read_without_accents(
    language: str, line: str, title: str | None
) -> None:
    found = match_heading(line, get_locale(language))
    assert (found.title if found else None) == title
