"""Which values of ``[pdf] font`` name a file rather than a family (kept apart from the
PDF writer, so that loading a project never imports Typst)."""

from __future__ import annotations

__all__ = ["FONT_SUFFIXES", "is_font_file"]

#: Font files Typst and fontTools read.
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")


def is_font_file(value: str) -> bool:
    """Whether ``[pdf] font`` names a file (``fonts/Face.otf``) rather than a family."""
    return value.casefold().endswith(FONT_SUFFIXES)
