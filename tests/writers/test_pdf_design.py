"""The sample book's print interior read back as a reader sees it: no widows or
orphans, consistent chapter openers, clean running heads."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

import compile_book
from compile_book.config import PdfConfig
from tests.paths import ROOT
from tests.writers.pdfread import widows_and_orphans

#: The paragraph indent in points, as the template sets it (1.2 em).
INDENT = 1.2 * PdfConfig().font_size


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> pypdf.PdfReader:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout")
    out = tmp_path_factory.mktemp("sample") / "book.pdf"
    result = compile_book.build(ROOT, formats=["pdf"], output=out)
    return pypdf.PdfReader(Path(result.outputs["pdf"]))


def test_sample_book_has_no_widows_or_orphans(sample_pdf: pypdf.PdfReader) -> None:
    widows, orphans = widows_and_orphans(sample_pdf, INDENT)
    assert widows == []
    assert orphans == []
