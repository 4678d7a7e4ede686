"""``--format all`` on real manuscripts: the PDF read back holds every word, in order."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from compile_book import api, writers
from compile_book.nodes import Book
from compile_book.writers.common import Headings
from tests.epubcheck import run_epubcheck
from tests.paths import ROOT, seed_path
from tests.writers import pdfread as pdfcheck

# 5.5 x 8.5 in, the default trim, in points.
DEFAULT_TRIM = (396.0, 612.0)


def check_pdf(path: Path, book: Book, headings: Headings | None = None) -> None:
    """Trim, one outline entry per division, and every word in order (headings
    recognised as `headings` prints them)."""
    reader = pypdf.PdfReader(path)
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == DEFAULT_TRIM
    titles = pdfcheck.outline_titles(reader)
    parts = [p for p in book.parts if p.heading is not None]
    assert len(titles) == len(list(book.chapters)) + len(parts)
    expected = pdfcheck.book_words(book)
    got = pdfcheck.norm_words(pdfcheck.body_text(reader, book, headings))
    if got != expected:
        at = next(
            (i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b),
            min(len(got), len(expected)),
        )
        pytest.fail(
            f"words differ at {at}: got {got[at - 5 : at + 5]}, want {expected[at - 5 : at + 5]}"
        )


@pytest.mark.slow
@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_seed_format_all(seed: str, tmp_path: Path) -> None:
    result = api.build(seed_path(seed), ["epub", "pdf"], tmp_path)
    assert set(result.outputs) == {"epub", "pdf"}
    assert all(p.parent == tmp_path and p.is_file() for p in result.outputs.values())
    check_pdf(result.outputs["pdf"], result.book)


@pytest.mark.slow
def test_sample_book_format_all(tmp_path: Path) -> None:
    result = api.build(ROOT, ["epub", "pdf"], tmp_path)
    options = writers.options_for("pdf", result.project.config)
    check_pdf(result.outputs["pdf"], result.book, Headings.of(result.book, options))
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)
