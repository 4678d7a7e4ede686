"""``-f`` as writers type it, and the format ``-o``'s extension asks for."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book.errors import CompileBookError
from compile_book.formats import format_for_extension, parse_formats


@pytest.mark.parametrize(
    ("values", "output", "expected"),
    [
        (None, None, ["epub"]),
        (["EPUB,Pdf"], None, ["epub", "pdf"]),
        (["epub", "pdf", "epub"], None, ["epub", "pdf"]),
        (["all"], None, ["epub", "pdf"]),
        (["kepub, kindle"], None, ["kepub", "kindle"]),
        (None, Path("proof.pdf"), ["pdf"]),
        (None, Path("book.KEPUB.EPUB"), ["kepub"]),
        (None, Path("sub.docx"), ["manuscript"]),
        (None, Path("proof"), ["epub"]),
        (None, Path("-"), ["epub"]),
        (["pdf"], Path("proof.pdf"), ["pdf"]),
    ],
)
def test_formats(values: list[str] | None, output: Path | None, expected: list[str]) -> None:
    assert parse_formats(values, output) == expected


def test_an_unknown_format_or_extension_is_a_clear_error() -> None:
    with pytest.raises(CompileBookError, match="unknown format 'nope'; choose from epub"):
        parse_formats(["epub,nope"])
    with pytest.raises(CompileBookError, match=r"no format makes '\.odt' files"):
        parse_formats(None, Path("book.odt"))


def test_the_longest_extension_wins() -> None:
    assert format_for_extension(Path("a.kepub.epub")) == "kepub"
    assert format_for_extension(Path("a.epub")) == "epub"
    assert format_for_extension(Path("a.txt")) is None
