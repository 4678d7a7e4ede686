"""A book's first lines in its own language: the author line and the dedication."""

from __future__ import annotations

import pytest

from compile_book.config import BookConfig
from compile_book.parser import parse_text

from ..treequery import texts

# (language, title, author line, dedication)
FRONT = [
    ("de", "Der Nebel über Lindau", "von Katharina Berger", "Für meine Mutter"),
    ("fr", "Les Ombres de Lyon", "par Claire Dubois", "À mon père"),
    ("es", "La casa del río", "por Lucía Fernández", "A mi madre"),
    ("it", "La casa sul lago", "di Giulia Russo", "A mia madre"),
    ("nl", "Het huis aan de gracht", "door Anouk de Vries", "Voor mijn moeder"),
    ("pt", "A casa do rio", "por Ana Sousa", "Para a minha mãe"),
    ("sv", "Huset vid sjön", "av Karin Lindqvist", "Till min mor"),
]


@pytest.mark.parametrize(("language", "title", "by", "dedication"), FRONT)
def test_author_line_and_dedication_in_the_books_language(
    language: str, title: str, by: str, dedication: str
) -> None:
    text = f"{title}\n{by}\n\n{dedication}\n\nKapitel 1\n\nText.\n"
    text = text.replace("Kapitel", _chapter_word(language))
    book = parse_text(text, BookConfig(language=language))
    assert book.meta.title == title
    assert book.meta.authors == (by.split(" ", 1)[1],)
    assert book.meta.dedication == dedication
    words = " ".join(texts(book))
    assert by not in words and dedication not in words and "Text." in words


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_an_english_by_line_is_read_in_any_language(language: str) -> None:
    book = parse_text(
        f"Lindau\nby Anna Berger\n\n{_chapter_word(language)} 1\n\nText.\n",
        BookConfig(language=language),
    )
    assert book.meta.authors == ("Anna Berger",)


def test_the_language_word_for_by_is_prose_in_english() -> None:
    """ "von" names the author only in a German book: an English one keeps the line."""
    book = parse_text("Lindau\nvon Anna Berger\n\nChapter 1\n\nText.\n", BookConfig(language="en"))
    assert book.meta.authors != ("Anna Berger",)


def _chapter_word(language: str) -> str:
    from compile_book.locale import get_locale

    return get_locale(language).label_words.chapter


@pytest.mark.parametrize(
    ("language", "title", "author", "dedication"),
    [
        ("pl", "Dom nad rzeką", "Anna Kowalska", "Mojej matce"),
        ("ru", "Дом у реки", "Анна Петрова", "Моей матери"),
        ("en", "The House", "Ann Lee", "For my mother"),
    ],
)
def test_the_authors_name_alone_under_the_title(
    language: str, title: str, author: str, dedication: str
) -> None:
    """Polish and Russian title pages put no "by" before the name: the name book.toml
    gives, alone under the title, is the author line, not an untitled chapter."""
    text = f"{title}\n{author}\n\n{dedication}\n\n{_chapter_word(language)} 1\n\nText.\n"
    config = BookConfig(language=language, title=title, authors=[author])
    book = parse_text(text, config)
    assert book.meta.dedication == dedication
    assert texts(book) == ["Text."]


def test_a_name_that_is_not_the_authors_stays_text() -> None:
    text = "Dom nad rzeką\nJan Nowak\n\nRozdział 1\n\nText.\n"
    book = parse_text(text, BookConfig(language="pl", title="Dom nad rzeką", authors=["Anna"]))
    assert "Jan Nowak" in texts(book)


@pytest.mark.parametrize(("language", "title", "by", "dedication"), FRONT)
def test_author_line_under_a_markdown_title(
    language: str, title: str, by: str, dedication: str
) -> None:
    chapter = _chapter_word(language)
    text = f"# {title}\n{by}\n\n## {chapter} 1\n\nText.\n\n## {chapter} 2\n\nMore.\n"
    book = parse_text(text, BookConfig(language=language), name="book.md")
    assert book.meta.authors == (by.split(" ", 1)[1],)
    assert texts(book) == ["Text.", "More."]


def test_a_title_block_opening_like_a_dedication_stays_a_title_block() -> None:
    """ "A casa do rio" opens as "A mi madre" does; the author line under it says it
    is the title (here one book.toml does not name), not a dedication."""
    text = "A casa do rio\npor Ana Sousa\n\nCapítulo 1\n\nTexto.\n"
    book = parse_text(text, BookConfig(language="pt", title="Outro"))
    assert book.meta.dedication is None


@pytest.mark.parametrize(("language", "title", "by", "dedication"), FRONT)
def test_dedication_under_a_markdown_title(
    language: str, title: str, by: str, dedication: str
) -> None:
    chapter = _chapter_word(language)
    text = f"# {title}\n{by}\n\n{dedication}\n\n## {chapter} 1\n\nText.\n"
    book = parse_text(text, BookConfig(language=language), name="book.md")
    assert book.meta.dedication == dedication
    assert texts(book) == ["Text."]


def test_a_markdown_title_over_the_authors_name_alone() -> None:
    text = "# Дом у реки\nАнна Петрова\n\nМоей матери\n\n## Глава 1\n\nТекст.\n"
    config = BookConfig(language="ru", title="Дом у реки", authors=["Анна Петрова"])
    book = parse_text(text, config, name="book.md")
    assert book.meta.dedication == "Моей матери"
    assert texts(book) == ["Текст."]


def test_markdown_prose_before_the_first_heading_is_no_dedication() -> None:
    prose = "For years the house stood empty, and nobody came."
    text = f"# The House\n\n{prose}\n\n## Chapter 1\n\nText.\n"
    book = parse_text(text, BookConfig(), name="book.md")
    assert book.meta.dedication is None
