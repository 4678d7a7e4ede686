"""Which values of ``[pdf] font`` name a file rather than a family (kept apart from the
PDF writer, so that loading a project never imports Typst)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["FONT_SUFFIXES", "is_font_file", "open_font"]

#: Font files Typst and fontTools read.
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


def is_font_file(value: str) -> bool:
    """Whether ``[pdf] font`` names a file (``fonts/Face.otf``) rather than a family."""
    return value.casefold().endswith(FONT_SUFFIXES)


def open_font(path: Path) -> Any:
    """A font file opened lazily by fontTools; of a collection (``.ttc``, ``.otc``) its
    first face, which shares its character map and family with the others."""
    from fontTools.ttLib import TTCollection, TTFont

    if path.name.casefold().endswith((".ttc", ".otc")):
        return TTCollection(str(path), lazy=True).fonts[0]
    return TTFont(str(path), lazy=True)
