"""``--format all`` on real manuscripts: the PDF read back holds every word, in order."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from compile_book import api
from compile_book.nodes import Book
from tests.backends import test_pdf as pdfcheck
from tests.conftest import ROOT, run_epubcheck, seed_path

# 5.5 x 8.5 in, the default trim, in points.
DEFAULT_TRIM = (396.0, 612.0)


def check_pdf(path: Path, book: Book) -> None:
    reader = pypdf.PdfReader(path)
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == DEFAULT_TRIM
    titles = pdfcheck.outline_titles(reader)
    parts = [p for p in book.parts if p.heading is not None]
    assert len(titles) == len(list(book.chapters)) + len(parts)
    expected = pdfcheck.book_words(book)
    got = pdfcheck.norm_words(pdfcheck.body_text(reader, book))
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
    check_pdf(result.outputs["pdf"], result.book)
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)
