"""AZW3 through calibre: reported plainly when calibre is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book import api
from compile_book.errors import CompileBookError
from compile_book.writers import azw3
from tests.projects import make_project


@pytest.mark.skipif(azw3.converter() is not None, reason="calibre is installed here")
def test_without_calibre_azw3_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    with pytest.raises(CompileBookError, match="ebook-convert, which is not installed"):
        api.build(project, ["azw3"], tmp_path / "out.azw3")
    assert not (tmp_path / "out.azw3").exists()
