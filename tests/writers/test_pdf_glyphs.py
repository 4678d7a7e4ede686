"""Characters the book face lacks: set from the Noto fallbacks, or warned (W137)."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest

import compile_book
from compile_book import builtinfonts, glyphs
from compile_book.diagnostics import Code
from compile_book.fontfiles import open_font
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


#: ∀ is Libertinus Serif's, Ϣ (Coptic) New Computer Modern's, ↜ DejaVu Sans Mono's
#: and New Computer Modern Math's: fonts built into Typst, in no font file here.
BUILTIN_ONLY = "\u2200\u03e2\u219c"


def test_the_fonts_built_into_typst_are_all_read() -> None:
    import typst
    from fontTools.ttLib import TTFont

    path = builtinfonts._module_path()
    assert path is not None
    found = {
        TTFont(io.BytesIO(blob), lazy=True)["name"].getBestFamilyName().replace(" ", "")
        for blob in builtinfonts._embedded_fonts(path.read_bytes())
    }
    listed = typst.Fonts(include_system_fonts=False, font_paths=[]).families()
    assert {name.replace(" ", "") for name in listed} <= found
    assert {ord(ch) for ch in BUILTIN_ONLY} <= builtinfonts.builtin_cmap()


@needs_fallbacks
def test_a_character_only_typst_s_own_fonts_have_is_not_warned_and_prints(
    tmp_path: Path,
) -> None:
    text = f"Chapter 1\n\nFor {' and '.join(BUILTIN_ONLY)} but \U000103a0 alone.\n"
    book = compile_book.parse_text(text)
    found = glyphs.missing_glyphs(book)
    assert [d.message.split("(")[1][:7] for d in found] == ["U+103A0"]
    out = tmp_path / "book.pdf"
    pdf.write(finished(book), pdf_options(), out)
    reader = pypdf.PdfReader(out)
    printed = "".join(page.extract_text() for page in reader.pages)
    # Read back: each is drawn from a real glyph; the Old Persian sign, from none, is
    # an empty box that carries no text.
    assert all(ch in printed for ch in BUILTIN_ONLY) and "\U000103a0" not in printed
    names = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in page.get("/Resources", {}).get("/Font", {}).values()
    }
    assert any("LibertinusSerif" in n for n in names), names
    assert any("NewCM10" in n for n in names), names


needs_cjk = pytest.mark.skipif(
    importlib.util.find_spec("manimgx_fonts_cjk") is None,
    reason="the CJK fonts (compile-book[cjk]) are not installed",
)

CJK = "灯塔守我们明天早上在见面"


def _ink(font: Any, glyphs: list[str]) -> float:
    """The area the outlines of `glyphs` cover: how dark a weight prints."""
    from fontTools.pens.areaPen import AreaPen

    shapes = font.getGlyphSet()
    total = 0.0
    for name in glyphs:
        pen = AreaPen(shapes)
        shapes[name].draw(pen)
        total += abs(pen.value)
    return total


def _cjk_ink_at(weight: int) -> float:
    """The ink of `CJK` in Noto Sans CJK JP set at `weight` (its variable font, instanced
    by fontTools as Typst instances it)."""
    from fontTools import subset
    from fontTools.varLib import instancer

    folder = Path(importlib.util.find_spec("manimgx_fonts_cjk").origin or "").parent  # type: ignore[union-attr]
    font = open_font(next(folder.glob("*.ttc")))
    subsetter = subset.Subsetter(subset.Options(layout_features=[], notdef_outline=False))
    subsetter.populate(text=CJK)
    subsetter.subset(font)
    static = instancer.instantiateVariableFont(font, {"wght": weight})
    cmap = static.getBestCmap()
    return _ink(static, [cmap[ord(ch)] for ch in CJK])


@needs_cjk
def test_cjk_prints_in_the_regular_weight_not_the_variable_font_s_thin(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    book = compile_book.parse_text(f"Chapter 1\n\nShe read the sign: {CJK}, and went on.\n")
    out = tmp_path / "book.pdf"
    pdf.write(finished(book), pdf_options(), out)
    embedded = [
        font.get_object()
        for page in pypdf.PdfReader(out).pages
        for font in page.get("/Resources", {}).get("/Font", {}).values()
        if "CJK" in str(font.get_object()["/BaseFont"])
    ]
    # The font keeps its default instance's name ("NotoSansCJKjp-Thin"); its outlines
    # are what tell the weight. One glyph a character, .notdef first.
    assert len(embedded) == 1
    descriptor = embedded[0]["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    program = TTFont(io.BytesIO(descriptor.get_object()["/FontFile2"].get_object().get_data()))
    printed = _ink(program, program.getGlyphOrder()[1:])
    thin, regular = _cjk_ink_at(100), _cjk_ink_at(400)
    assert printed == pytest.approx(regular, rel=0.05), (printed, thin, regular)
