"""The book's language reaches every stage: heading words, quotes, lint and front matter."""

from __future__ import annotations

import pytest

import compile_book
from compile_book.nodes import ChapterKind, Contents, Emphasis, Paragraph, Telepathy, plain_text
from compile_book.walk import query


@pytest.mark.parametrize(
    ("text", "lang", "label", "numbers"),
    [
        ("Kapitel drei\n\nEs war spät.\n\nKapitel vier\n\nMehr.\n", "de", "Kapitel", [3, 4]),
        ("Capítulo 2\n\nHola.\n\nCapítulo 3\n\nAdiós.\n", "es", "Capítulo", [2, 3]),
        ("Chapitre un\n\nBonjour.\n\nChapitre deux\n\nOui.\n", "fr", "Chapitre", [1, 2]),
    ],
    ids=["de", "es", "fr"],
)
def test_localized_chapter_headings_are_recognised_with_their_number(
    text: str, lang: str, label: str, numbers: list[int]
) -> None:
    book = compile_book.parse_text(text, language=lang)
    assert [(c.kind, c.heading and c.heading.label) for c in book.chapters] == [
        (ChapterKind.CHAPTER, label)
    ] * 2
    assert [c.heading.number for c in book.chapters if c.heading] == numbers


def test_german_heading_words_are_prose_in_an_english_book() -> None:
    book = compile_book.parse_text("Kapitel drei\n\nEs war spät.\n", language="en")
    assert [c.heading for c in book.chapters] == [None]


def test_parse_text_reads_markdown_by_filename_in_the_given_language() -> None:
    book = compile_book.parse_text(
        '---\ntitle: Der Turm\n---\n# Kapitel 1\n\n"Ja", sagte er *leise* und {dachte}.\n',
        language="de",
        filename="x.md",
    )
    assert (book.meta.title, book.meta.language) == ("Der Turm", "de")
    assert book.chapters[0].heading is not None
    assert book.chapters[0].heading.label == "Kapitel"
    assert plain_text(query(book, Emphasis)[0].children) == "leise"
    assert len(query(book, Telepathy)) == 1
    assert query(book, Contents) == [Contents("Inhalt")]
    para = book.chapters[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert plain_text(para.inlines).startswith("„Ja“, sagte er")
    assert {d.file for d in book.diagnostics} == {"x.md"}


def test_parse_text_names_the_text_in_diagnostics_and_title_by_default() -> None:
    book = compile_book.parse_text("It was late and and dark.\n")
    assert book.meta.title == "<text>"
    assert [(d.file, d.line, d.col) for d in book.diagnostics if d.code == "W103"] == [
        ("<text>", 1, 17)
    ]


def test_front_matter_language_is_used_when_book_toml_sets_none() -> None:
    from compile_book.config import BookConfig

    text = '---\nlang: de\n---\n# Kapitel 1\n\n"Ja", sagte er.\n\nKapitel 2\n\nEnde.\n'
    book = compile_book.parse_text(text, filename="x.md", config=BookConfig())
    assert book.meta.language == "de"
    assert [c.heading and c.heading.label for c in book.chapters] == ["Kapitel", "Kapitel"]
    para = book.chapters[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert plain_text(para.inlines).startswith("„Ja“, sagte er")


def test_book_toml_language_wins_over_front_matter() -> None:
    from compile_book.config import BookConfig

    text = '---\nlang: de\n---\n# Chapter 1\n\n"Yes," he said.\n'
    book = compile_book.parse_text(text, filename="x.md", config=BookConfig(language="en"))
    assert book.meta.language == "en"
    para = book.chapters[0].blocks[0]
    assert isinstance(para, Paragraph)
    assert plain_text(para.inlines).startswith("“Yes,” he said")


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("Rozdział 1\n\nTak.\n\nRozdział drugi\n\nNie.\n", "pl", "Rozdział"),
        ("Kapitel 1\n\nJa.\n\nKapitel två\n\nNej.\n", "sv", "Kapitel"),
        ("Глава первая\n\nДа.\n\nГлава вторая\n\nНет.\n", "ru", "Глава"),
    ],
    ids=["pl", "sv", "ru"],
)
def test_new_languages_recognise_their_chapter_headings(text: str, lang: str, label: str) -> None:
    book = compile_book.parse_text(text, language=lang)
    assert [c.heading and (c.heading.label, c.heading.number) for c in book.chapters] == [
        (label, 1),
        (label, 2),
    ]


@pytest.mark.parametrize(
    ("lang", "label", "first", "second"),
    [
        ("fr", "Chapitre", "premier", "deuxième"),
        ("es", "Capítulo", "primero", "segundo"),
        ("it", "Capitolo", "primo", "secondo"),
        ("pt", "Capítulo", "primeiro", "segundo"),
    ],
)
def test_ordinal_chapter_numbers_make_headings(
    lang: str, label: str, first: str, second: str
) -> None:
    text = f"{label} {first}\n\nA.\n\n{label} {second}\n\nB.\n"
    book = compile_book.parse_text(text, language=lang)
    assert [c.heading and (c.heading.label, c.heading.number) for c in book.chapters] == [
        (label, 1),
        (label, 2),
    ]
