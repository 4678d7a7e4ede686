"""Word-processor files written by real programs, built to both outputs.

The committed fixtures were saved by LibreOffice (see ``tests/fixtures/*/README``):
each builds an EPUB that EPUBCheck passes and a PDF whose text, read back, holds
every word of the book's main text in order.
"""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from compile_book import api
from tests.epubcheck import run_epubcheck
from tests.paths import ROOT
from tests.writers import pdfread

FIXTURES = ROOT / "tests" / "fixtures"
BOOKS = [
    FIXTURES / "docx" / "libreoffice-styled.docx",
    FIXTURES / "docx" / "libreoffice-unstyled.docx",
    FIXTURES / "odt" / "libreoffice-novel.odt",
    FIXTURES / "odt" / "word-import.odt",
]


@pytest.mark.slow
@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_builds_a_valid_epub_and_a_pdf_holding_every_word(path: Path, tmp_path: Path) -> None:
    result = api.build(path, ["epub", "pdf"], tmp_path)
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)
    reader = pypdf.PdfReader(result.outputs["pdf"])
    got = pdfread.norm_words(pdfread.body_text(reader, result.book))
    _in_order(pdfread.book_words(result.book), got)


def _in_order(expected: list[str], got: list[str]) -> None:
    """Every expected word appears in ``got`` in order. ``got`` may hold more: the
    footnotes printed at the foot of the page, and note marks glued to a word
    (``night1``)."""
    at = 0
    for k, word in enumerate(expected):
        while at < len(got) and got[at] != word and got[at].rstrip("0123456789") != word:
            at += 1
        assert at < len(got), f"word {k} ({word!r}) missing; next expected {expected[k : k + 5]}"
        at += 1
