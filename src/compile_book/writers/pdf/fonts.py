"""The fonts a print book is set in: bundled with pip, never the machine's.

EB Garamond and the other themes' faces come from PyPI font packages;
Libertinus Serif ships inside Typst itself and is the last fallback, so a
build never depends on which system fonts happen to be installed.
"""

from __future__ import annotations

import functools
from pathlib import Path

import typst

# Tried in order after the configured font; the last ships inside Typst itself.
FONT_FALLBACK = ("EB Garamond", "Libertinus Serif")
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
    """Folders with the bundled book fonts (each theme's, from its PyPI package)."""
    import importlib

    folders = []
    for name in FONT_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:  # pragma: no cover - dependencies; Libertinus still works
            continue
        folders.append(str(Path(package.ROOT) / "files"))
    return tuple(folders)


@functools.cache
def available_families() -> frozenset[str]:
    """Font families Typst can use here: the bundled fonts and Typst's own."""
    fonts = typst.Fonts(include_system_fonts=False, font_paths=list(font_paths()))
    return frozenset(name.casefold() for name in fonts.families())


def font_list(wanted: str) -> list[str]:
    """The configured font first if it exists, then the fallback list."""
    families = available_families()
    out: list[str] = []
    for name in (wanted, *FONT_FALLBACK):
        if name.casefold() in families and name.casefold() not in (x.casefold() for x in out):
            out.append(name)
    return out or [FONT_FALLBACK[-1]]
