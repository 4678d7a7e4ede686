"""``compile-book stats``: counts on the tree, page estimates per trim, table and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import compile_book
from compile_book.cli import app
from compile_book.config import BookConfig, PdfConfig
from compile_book.pagemodel import estimate_pages, front_pages
from compile_book.parser import parse_text
from compile_book.project import load_project
from compile_book.stats import BASE_WORDS_PER_PAGE, book_stats, format_minutes, words_per_page
from tests.conftest import ROOT, seed_path
from tests.projects import make_project, run_module

runner = CliRunner()

# Chapter 1: 3 paragraphs, 1 scene break, 2 telepathy spans (one continued over a paragraph).
STORY = """\
Chapter 1

"Come here," she said. He did not.

{Stay away,} he thought. {Far away.

Far.} Then he left.

* * *

Nothing more.

Chapter 2

"One two three four five."
"""


def test_counts_on_a_small_book() -> None:
    stats = book_stats(parse_text(STORY, name="story.txt"))
    one, two = stats.chapters
    assert one.title == "Chapter 1" and one.line == 1
    c = one.counts
    # 7 + 6 + 4 + 2 words; "Come here," is the only speech
    assert (c.words, c.paragraphs, c.scenes) == (19, 4, 2)
    assert c.dialogue_words == 2
    assert c.telepathy_spans == 2
    assert two.counts.dialogue_share == 1.0
    assert two.counts.scenes == 1
    total = stats.total
    assert total.words == 24 and total.paragraphs == 5 and total.scenes == 3
    assert total.dialogue_words == 7
    assert total.telepathy_spans == 2


def test_german_and_french_quotes() -> None:
    # straight quotes, curled by the parser to the language's marks
    de = book_stats(parse_text('"Komm her", sagte sie. Er kam nicht.', BookConfig(language="de")))
    assert de.total.dialogue_words == 2 and de.total.words == 7
    fr = book_stats(parse_text('"Viens ici", dit-elle. Il resta.', BookConfig(language="fr")))
    assert fr.total.dialogue_words == 2
    assert fr.total.words == 5  # « and » (set off by no-break spaces) are not words


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "-Ven aquí -dijo ella-. Él no vino."),
        ("pt", "- Vem cá - disse ela. - Ele não veio."),
    ],
)
def test_dash_dialogue_is_counted_to_the_first_tag(language: str, text: str) -> None:
    """Spanish glues its rayas to the words, Portuguese spaces them: both count the
    speech up to the first tag ("Ven aquí", "Vem cá")."""
    stats = book_stats(parse_text(text, BookConfig(language=language)))
    assert stats.total.dialogue_words == 2


def test_punctuation_is_not_a_word() -> None:
    config = BookConfig(typography={"dashes": "en-spaced"})  # type: ignore[arg-type]
    stats = book_stats(parse_text("He came - and went ... away.", config))
    assert stats.total.words == 5  # the dash and the ellipsis are not words


def test_reading_time_and_pages() -> None:
    words = " ".join(["word"] * 10) + ". "
    text = "Chapter 1\n\n" + (words * 90) + "\n\nChapter 2\n\n" + (words * 10)
    book = parse_text(text)
    stats = book_stats(book)
    one, two = stats.chapters
    assert one.counts.words == 900
    # 4,589 characters at 70 a line: 66 lines below a 12-line sunk head, on 33-line pages
    assert one.counts.pages == 3
    assert two.counts.pages == 1
    # the front matter, then recto chapter starts: pages 1-3, a blank verso 4, chapter 2 on 5
    front = front_pages(book, PdfConfig())
    assert stats.total.pages == front + 5 == estimate_pages(book, PdfConfig())
    assert book_stats(book, PdfConfig(chapter_start="next")).total.pages == front + 4
    assert stats.total.reading_minutes == pytest.approx(1000 / 250)
    assert format_minutes(2.8) == "3 min"
    assert format_minutes(125) == "2 h 05 min"


def test_words_per_page_scales_with_trim_and_size() -> None:
    base = BASE_WORDS_PER_PAGE
    assert 300 < base < 400  # 33 lines of about 70 characters
    assert words_per_page(PdfConfig()) == pytest.approx(base, abs=0.5)
    # 36 lines of a 342 pt measure against 33 of 306 pt
    assert words_per_page(PdfConfig(trim="6x9")) == pytest.approx(
        base * 36 * 342 / 33 / 306, rel=0.01
    )
    assert words_per_page(PdfConfig(trim="5x8")) < base
    custom = PdfConfig(trim="custom", width="152.4mm", height="228.6mm")
    assert words_per_page(custom) == pytest.approx(words_per_page(PdfConfig(trim="6x9")))
    # twice the size: half the lines of half the characters
    assert words_per_page(PdfConfig(font_size=23)) == pytest.approx(base / 4, rel=0.1)
    assert book_stats(parse_text("One.")).words_per_page == pytest.approx(base, abs=0.5)


def test_sample_book_totals() -> None:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout yet")
    stats = compile_book.stats(ROOT)
    book = compile_book.parse(ROOT)
    assert len(stats.chapters) == len(list(book.chapters))
    assert stats.total.telepathy_spans > 0
    assert 0 < stats.total.dialogue_share < 1
    assert stats.total.pages >= stats.total.words / stats.words_per_page
    # the page model's count, front matter, part pages and blank versos included
    assert stats.total.pages == estimate_pages(book, load_project(ROOT).config.pdf)


def test_cli_table_and_json(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = runner.invoke(app, ["stats", str(project)])
    assert result.exit_code == 0
    for heading in ("Words", "Dialogue", "Telepathy", "Reading", "Pages", "Total", "Chapter 1"):
        assert heading in result.stdout
    result = runner.invoke(app, ["stats", str(project), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["total"]["chapters"] == 2
    assert [c["title"] for c in data["chapters"]] == ["Chapter 1", "Chapter 2"]
    assert data["total"]["words"] == sum(c["words"] for c in data["chapters"])
    assert data["trim"] == "5.5x8.5"


def test_subprocess_on_a_seed() -> None:
    seed = seed_path("002")
    proc = run_module("stats", str(seed), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["total"]["words"] > 2000
    assert data["total"]["telepathy_spans"] > 0
    table = run_module("stats", str(seed))
    assert "Chapter 29" in table.stdout and "Total" in table.stdout
