"""Characters the book face lacks: set from the Noto fallbacks, or warned (W137)."""

from __future__ import annotations

import dataclasses
import importlib.util
from pathlib import Path

import pypdf
import pytest

import compile_book
from compile_book import glyphs
from compile_book.diagnostics import Code
from compile_book.keeping import keeping
from compile_book.nodes import Book
from compile_book.writers import pdf
from tests.writers import finished
from tests.writers.test_pdf import options as pdf_options

needs_fallbacks = pytest.mark.skipif(
    importlib.util.find_spec("manimgx_fonts") is None
    or importlib.util.find_spec("fontTools") is None,
    reason="the fallback fonts (manimgx-fonts) or fontTools are not installed",
)

TEXT = (
    "Chapter 1\n\nShe shrugged \u30c4 and frowned \u0ca0_\u0ca0, \U0001f600.\n\n"
    "Then \U000103a0 too.\n"
)


@needs_fallbacks
def test_a_character_no_font_has_is_warned_at_its_line() -> None:
    book = compile_book.parse_text(TEXT, filename="odd.txt")
    found = glyphs.missing_glyphs(book)
    # ಠ and the emoji come from Noto; Old Persian from nothing. ツ is Noto Sans CJK's.
    missing = [d for d in found if "U+103A0" in d.message]
    assert len(missing) == 1 and missing[0].code is Code.NO_GLYPH
    assert (missing[0].file, missing[0].line) == ("odd.txt", 5)
    assert not [d for d in found if "U+0CA0" in d.message or "U+1F600" in d.message]


@needs_fallbacks
def test_the_first_place_follows_the_book_when_chapters_are_kept() -> None:
    """Chapters kept from the last check (``--watch``) still give the book's first place."""
    two = "Chapter 1\n\nPlain words.\n\nChapter 2\n\nThen \U000103a0 came.\n"
    book = compile_book.parse_text(two, filename="a.txt")
    with keeping():
        _the_first_place_follows(book, two)


def _the_first_place_follows(book: Book, two: str) -> None:
    (first,) = [d for d in glyphs.missing_glyphs(book) if "U+103A0" in d.message]
    assert first.line == 7
    # A new chapter 1 with the character earlier, and the very same chapter 2
    edited = compile_book.parse_text(two.replace("Plain", "\U000103a0 plain"), filename="a.txt")
    part = edited.parts[0]
    chapters = (part.chapters[0], book.parts[0].chapters[1])
    changed = dataclasses.replace(edited, parts=(dataclasses.replace(part, chapters=chapters),))
    (moved,) = [d for d in glyphs.missing_glyphs(changed) if "U+103A0" in d.message]
    assert moved.line == 3
    assert [d.line for d in glyphs.missing_glyphs(book) if "U+103A0" in d.message] == [7]


def test_latin_prose_opens_no_font() -> None:
    glyphs._cmap.cache_clear()
    book = compile_book.parse_text("Chapter 1\n\nCafé—“naïve” Œuvre, 1½ … ok.\n")
    assert glyphs.missing_glyphs(book) == []
    assert glyphs._cmap.cache_info().currsize == 0


@needs_fallbacks
def test_fallback_faces_print_what_eb_garamond_lacks(tmp_path: Path) -> None:
    book = compile_book.parse_text(TEXT)
    out = tmp_path / "book.pdf"
    pdf.write(finished(book), pdf_options(), out)
    names: set[str] = set()
    for page in pypdf.PdfReader(out).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        names.update(str(f.get_object().get("/BaseFont")) for f in fonts.values())
    assert any("NotoSansKannada" in n for n in names), names
    assert any("NotoEmoji" in n for n in names), names
