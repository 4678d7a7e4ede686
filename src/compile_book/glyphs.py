"""Characters no font of the print edition can draw (``NO_GLYPH``, W137).

Kept outside the PDF writer so that the check of a Latin book (every book's
common case) imports neither Typst nor the writer: an ebook build pays nothing.

Typst sets a character it has no glyph for as an empty box (a .notdef), and
says nothing. The fonts the print edition may use (:mod:`.fonts`: EB Garamond
and the Noto fallbacks from PyPI) are asked, through their character maps
(fontTools), which characters of the book they cover; a character none of
them has is warned once, at its first place in the manuscript.

Why a fast path: almost every book is Latin prose the book face covers, and
loading some thirty character maps (one of them CJK) costs a second. Letters
below U+0250 and the General Punctuation block are taken as covered without
opening a font (EB Garamond has them all); only a book with other characters
pays for the maps, once a process. Typst's built-in fonts (Libertinus,
New Computer Modern, DejaVu Sans Mono), which Typst falls back to like any
other, are asked last (:mod:`.builtinfonts`), only for what the files lack.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from . import keeping
from .builtinfonts import builtin_cmap
from .diagnostics import Code, Diagnostic
from .fontfiles import FONT_SUFFIXES, open_font
from .nodes import Book, Chapter, Text
from .walk import walk_chapter, walk_heading

# Why: EB Garamond covers Basic Latin to Latin Extended-B and General Punctuation;
# a regex finds the rest at C speed, so a Latin novel costs a scan and nothing more.
_OTHER = re.compile("[^\x00-\u024f\u2000-\u206f]")

#: Characters that draw nothing and need no glyph (spaces, joiners, marks of format).
_INVISIBLE = frozenset(("Cc", "Cf", "Zs", "Zl", "Zp"))


def _font_files() -> list[Path]:
    """The print edition's font files, smallest first: the big CJK collection is
    opened only for a character no other font has."""
    from .writers.pdf.fonts import font_paths  # Typst and the PDF writer: only when needed

    files = [
        path
        for folder in font_paths()
        for path in Path(folder).rglob("*")
        if path.name.casefold().endswith(FONT_SUFFIXES)
    ]
    return sorted(files, key=lambda path: (path.stat().st_size, path.name))


@functools.cache
def _cmap(path: Path) -> frozenset[int]:
    """The code points one font file maps (a collection: its first face, which shares
    its character map with the others)."""
    return frozenset(open_font(path).getBestCmap() or ())


def uncovered(codepoints: set[int]) -> set[int]:
    """The code points of `codepoints` that no font of the print edition has."""
    left = set(codepoints)
    if importlib.util.find_spec("fontTools") is None:  # pragma: no cover - a dependency
        return set()
    for path in _font_files():
        if not left:
            break
        left -= _cmap(path)
    if left:
        left -= builtin_cmap()
    return left


def _needs_font(ch: str) -> bool:
    """A character that draws something (not a space, a joiner or a variation selector)."""
    return unicodedata.category(ch) not in _INVISIBLE and not 0xFE00 <= ord(ch) <= 0xFE0F


First = dict[str, tuple[Text, int]]


def _scan(nodes: Iterable[object], first: First) -> First:
    """Each character that needs a font, at its first place among ``nodes``' texts."""
    for node in nodes:
        if isinstance(node, Text) and not node.text.isascii():  # (isascii: no scan at all)
            for m in _OTHER.finditer(node.text):
                ch = m.group()
                if ch not in first and _needs_font(ch):
                    first[ch] = (node, m.start())
    return first


class _Chapters:
    """Each chapter's first places, kept from the last check (``build --watch``).

    Why: the tree's unchanged chapters come back as the very same nodes after an
    edit, and scanning every text of a long book again was a tenth of a
    one-chapter rebuild. Only the last book's chapters are kept, and only while
    builds repeat (:mod:`compile_book.keeping`).
    """

    last: ClassVar[dict[int, tuple[Chapter, First]]] = {}

    @classmethod
    def first(cls, book: Book) -> First:
        used: dict[int, tuple[Chapter, First]] = {}
        first: First = {}
        for part in book.parts:
            if part.heading is not None:
                _scan(walk_heading(part.heading), first)
            for chapter in part.chapters:
                kept = cls.last.get(id(chapter))
                if kept is None or kept[0] is not chapter:
                    kept = (chapter, _scan(walk_chapter(chapter), {}))
                used[id(chapter)] = kept
                for ch, at in kept[1].items():
                    first.setdefault(ch, at)
        cls.last = used if keeping.enabled() else {}
        return first


def missing_glyphs(book: Book) -> list[Diagnostic]:
    """One warning for each character of the book that no print font has, at its
    first place."""
    first = _Chapters.first(book)
    if not first:
        return []
    missing = uncovered({ord(ch) for ch in first})
    out: list[Diagnostic] = []
    for ch, (node, offset) in first.items():
        if ord(ch) not in missing:
            continue
        line, col = node.source.at(offset)
        name = unicodedata.name(ch, "an unnamed character")
        message = (
            f"no font of the print edition has {ch!r} (U+{ord(ch):04X} {name}): it prints "
            "as an empty box; replace it, or install a font package that has it"
        )
        out.append(Diagnostic(Code.NO_GLYPH, message, node.source.file, line, col))
    return out
