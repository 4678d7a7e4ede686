"""The fonts a print book is set in: bundled with pip, never the machine's.

EB Garamond and the other themes' faces come from PyPI font packages
(:mod:`compile_book.themes`); Libertinus Serif ships inside Typst itself; then
Noto faces from PyPI (``manimgx-fonts``: symbols, a monochrome emoji font, and
the scripts a Latin face lacks; with ``manimgx-fonts-cjk`` installed, Chinese,
Japanese and Korean too) stand in, a character at a time, for what the book's
face has no glyph for (ツ, ಠ, an emoji), which would otherwise print as an empty
box. A build never depends on which system fonts happen to be installed.

Noto Sans CJK comes as a variable font whose default instance is Thin: Typst
sets it at the weight of the text around it (400 in the body, 700 in bold), so
it prints regular beside the book face; only the name the PDF gives the font
("NotoSansCJKjp-Thin", which pdffonts shows) still says Thin.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import typst

# Tried in order after the configured font (Typst falls back a character at a
# time); Libertinus ships inside Typst itself, the Noto faces come from PyPI and
# are used only when installed. Symbols before emoji: ☺ ♥ ✓ take the text form.
FONT_FALLBACK = ("EB Garamond", "Libertinus Serif")
NOTO_FALLBACK = (
    "Noto Sans Symbols",
    "Noto Emoji",
    "Noto Sans",
    "Noto Sans Kannada",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Tamil",
    "Noto Sans Telugu",
    "Noto Sans Malayalam",
    "Noto Sans Gujarati",
    "Noto Sans Gurmukhi",
    "Noto Sans Oriya",
    "Noto Sans Sinhala",
    "Noto Sans Thai",
    "Noto Sans Lao",
    "Noto Sans Khmer",
    "Noto Sans Myanmar",
    "Noto Sans Georgian",
    "Noto Sans Armenian",
    "Noto Sans Ethiopic",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Sans CJK JP",
)
#: PyPI packages whose folder holds fallback fonts (imported when installed).
FALLBACK_PACKAGES = ("manimgx_fonts", "manimgx_fonts_cjk")
#: Code and other literal text: a monospace face that ships inside Typst itself.
CODE_FONT = "DejaVu Sans Mono"


#: The PyPI font packages the themes use (:mod:`compile_book.themes`), by module name.
FONT_PACKAGES = (
    "fontpkg_eb_garamond",
    "fontpkg_source_serif_4",
    "fontpkg_oswald",
    "fontpkg_lora",
    "fontpkg_playfair_display",
)


@functools.cache
def font_paths() -> tuple[str, ...]:
    """Folders with the bundled book fonts (each theme's, from its PyPI package), then
    the fallback packages that are installed."""
    paths: list[str] = []
    for name in FONT_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:  # pragma: no cover - dependencies; Libertinus still works
            continue
        paths.append(str(Path(package.ROOT) / "files"))
    for name in FALLBACK_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None:
            paths.append(str(Path(spec.origin).parent))
    return tuple(paths)


@functools.cache
def available_families() -> frozenset[str]:
    """Font families Typst can use here: the bundled fonts and Typst's own."""
    fonts = typst.Fonts(include_system_fonts=False, font_paths=list(font_paths()))
    return frozenset(name.casefold() for name in fonts.families())


def font_list(wanted: str) -> list[str]:
    """The configured font first if it exists, then the fallback list."""
    families = available_families()
    out: list[str] = []
    for name in (wanted, *FONT_FALLBACK, *NOTO_FALLBACK):
        if name.casefold() in families and name.casefold() not in (x.casefold() for x in out):
            out.append(name)
    return out or [FONT_FALLBACK[-1]]
