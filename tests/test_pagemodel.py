"""The page model: its formulas, and its estimate against real PDFs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pypdf
import pytest

import compile_book
from compile_book import pagemodel
from compile_book.config import PdfConfig
from compile_book.errors import ConfigError
from compile_book.nodes import Book
from compile_book.pagemodel import (
    BASE_WORDS_PER_PAGE,
    Page,
    count_words,
    estimate_pages,
    front_pages,
    gutter_for_pages,
    inside_margin,
    paginate,
    to_points,
    word_count,
    words_per_page,
)
from compile_book.stats import book_stats
from tests.paths import ROOT, SEEDS

# Prose of ordinary paragraphs: 20 chapters of 90 paragraphs of 54 words.
_PARAGRAPH = " ".join(["The keeper climbed the stair and lit the lamp."] * 6)
NOVEL = "\n\n".join(f"Chapter {n}\n\n" + "\n\n".join([_PARAGRAPH] * 90) for n in range(1, 21))


@pytest.fixture(scope="module")
def novel() -> Book:
    return compile_book.parse_text(NOVEL)


def test_page_defaults_are_the_config_defaults() -> None:
    assert Page.of(PdfConfig()) == Page()
    page = Page()
    assert page.lines == 33  # counted on the sample book's full pages
    assert page.measure(60) == pytest.approx(306)  # 5.5 in less 0.625 in either side
    assert page.measure(400) == pytest.approx(288)  # a 0.875 in gutter past 300 pages


def test_gutter_brackets() -> None:
    assert [gutter_for_pages(n) for n in (24, 150, 151, 300, 500, 700, 701)] == [
        0.375,
        0.375,
        0.5,
        0.5,
        0.625,
        0.75,
        0.875,
    ]
    assert inside_margin(100, 0.625) == 0.625  # never narrower than the outside margin
    assert inside_margin(400, 0.625) == 0.875


def test_lengths() -> None:
    assert to_points("1in") == 72
    assert to_points("25.4mm") == pytest.approx(72)
    with pytest.raises(ConfigError):
        to_points("12")


def test_words_per_page_grows_with_trim_and_shrinks_with_size_and_leading() -> None:
    assert words_per_page(PdfConfig()) == pytest.approx(BASE_WORDS_PER_PAGE, abs=0.5)
    by_trim = [words_per_page(PdfConfig(trim=t)) for t in ("5x8", "5.25x8", "5.5x8.5", "6x9")]
    assert by_trim == sorted(by_trim) and len(set(by_trim)) == 4
    by_size = [words_per_page(PdfConfig(font_size=s)) for s in (9, 10, 11.5, 13, 16)]
    assert by_size == sorted(by_size, reverse=True) and len(set(by_size)) == 5
    assert words_per_page(PdfConfig(leading=0.9)) < words_per_page(PdfConfig())
    # a wider gutter (a longer book) leaves a narrower measure
    assert words_per_page(PdfConfig(), pages=400) < words_per_page(PdfConfig())
    custom = PdfConfig(trim="custom", width="152.4mm", height="228.6mm")
    assert words_per_page(custom) == pytest.approx(words_per_page(PdfConfig(trim="6x9")))
    # twice the size: half the lines of half the characters
    assert words_per_page(PdfConfig(font_size=23)) == pytest.approx(
        BASE_WORDS_PER_PAGE / 4, rel=0.1
    )


def test_estimate_grows_with_size_and_shrinks_with_trim(novel: Book) -> None:
    def pages(**pdf: object) -> int:
        return estimate_pages(novel, PdfConfig.model_validate({"chapter_start": "next", **pdf}))

    by_size = [pages(font_size=s) for s in (9, 10, 11.5, 13, 16)]
    assert by_size == sorted(by_size) and len(set(by_size)) == 5
    by_trim = [pages(trim=t) for t in ("5x8", "5.5x8.5", "6x9")]
    assert by_trim == sorted(by_trim, reverse=True) and len(set(by_trim)) == 3
    assert pages(leading=0.9) > pages()


def test_recto_starts_leave_blank_versos(novel: Book) -> None:
    recto = paginate(novel, PdfConfig())
    following = paginate(novel, PdfConfig(chapter_start="next"))
    assert following.total == following.front + sum(following.chapters)
    # every chapter that ends on a recto leaves a blank verso behind
    blanks = sum(1 for n in recto.chapters[:-1] if n % 2)
    assert recto.total == recto.front + sum(recto.chapters) + blanks


def test_front_matter() -> None:
    book = compile_book.parse_text("Chapter 1\n\nOne.\n\nChapter 2\n\nTwo.")
    # half title and its back, title and copyright, contents and its back
    assert front_pages(book, PdfConfig()) == 6
    assert front_pages(book, PdfConfig(toc=False, half_title=False)) == 2
    lone = compile_book.parse_text("Chapter 1\n\nOne.")
    assert front_pages(lone, PdfConfig()) == 4  # no contents for a single entry


def test_a_long_chapter_takes_its_lines_in_pages() -> None:
    page = Page()
    chars = page.chars_per_line(0)
    line = "Word " * 12 + "end."  # 64 characters: one line each
    book = compile_book.parse_text("Chapter 1\n\n" + "\n\n".join([line] * 200))
    assert len(line) < chars
    (pages,) = paginate(book, PdfConfig()).chapters
    opener = pagemodel._opener_lines(pagemodel._heading_em(book.chapters[0].heading), page)
    assert pages == -(-(200 + opener) // page.lines)


def test_one_word_count_for_stats_and_print(novel: Book) -> None:
    assert word_count(novel) == 20 * 90 * 54 == book_stats(novel).total.words
    assert count_words("“Wait…what—don’t,” she said — half-ducked.") == 6


def _real_pages(path: Path, tmp_path: Path) -> tuple[int, int]:
    result = compile_book.build(path, formats=["pdf"], output=tmp_path / "book.pdf")
    real = len(pypdf.PdfReader(result.outputs["pdf"]).pages)
    return real, estimate_pages(result.book, result.project.config.pdf)


@pytest.mark.slow
def test_estimate_within_5_percent_of_the_sample_book(tmp_path: Path) -> None:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout")
    real, estimate = _real_pages(ROOT, tmp_path)
    assert abs(estimate - real) <= 0.05 * real, (estimate, real)
    assert compile_book.stats(ROOT).total.pages == estimate


@pytest.mark.slow
def test_estimate_within_5_percent_of_the_benchmark_novel(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("the benchmark's seed manuscripts are not beside this checkout")
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "bench" / "corpus_gen.py")
    assert spec is not None and spec.loader is not None
    corpus_gen = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_gen", corpus_gen)  # its dataclasses look themselves up
    spec.loader.exec_module(corpus_gen)
    corpus = corpus_gen.generate(100_000, tmp_path / "corpus")
    real, estimate = _real_pages(corpus.txt, tmp_path)
    assert real > 300  # past the first gutter brackets: the estimate had to follow them
    assert abs(estimate - real) <= 0.05 * real, (estimate, real)
