"""The character maps of the fonts built into Typst (Libertinus Serif, New Computer
Modern and its Math face, DejaVu Sans Mono), for the glyph check (:mod:`.glyphs`).

Why read them out of the library: the ``typst`` package embeds these fonts in its
compiled module, stored verbatim, and lists them (``typst.Fonts``) without a path,
so fontTools cannot open them as files; no PyPI package ships the same versions.
Typst falls back to them a character at a time like any other font, so a character
only they have (∀ in Libertinus, Coptic in New Computer Modern, ↜ in DejaVu Sans
Mono) prints, and must not be warned as an empty box.

How: each embedded font starts with an OpenType table directory (``OTTO`` or
``00 01 00 00``, then the table count and its three derived numbers, then sorted
table records); a candidate passes only if those numbers agree and it has a
``cmap``, and its length is the end of its farthest table. If a future Typst
stores them otherwise and nothing is found, the check is as before: conservative,
warning a character only the built-in fonts have.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import struct
from collections.abc import Iterator
from pathlib import Path

__all__ = ["builtin_cmap", "builtin_fonts"]

# Why two patterns, each with a literal prefix: one alternation scans the 84 MB
# module six times slower. The fifth byte and the next bound the table count.
_HEADERS = (re.compile(rb"OTTO\x00[\x05-\x40]"), re.compile(rb"\x00\x01\x00\x00\x00[\x05-\x40]"))


def _module_path() -> Path | None:
    """The compiled Typst module, where its fonts are stored."""
    spec = importlib.util.find_spec("typst._typst")
    return Path(spec.origin) if spec is not None and spec.origin else None


def _font_length(data: bytes, start: int) -> int | None:
    """The length of the font whose table directory starts at `start`, or None when
    the bytes there only look like one."""
    count, search_range, selector, shift = struct.unpack_from(">HHHH", data, start + 4)
    if search_range != 16 << selector or not (1 << selector) <= count < (2 << selector):
        return None
    if shift != count * 16 - search_range or start + 12 + 16 * count > len(data):
        return None
    records = [start + 12 + 16 * i for i in range(count)]
    tags = [data[r : r + 4] for r in records]
    if tags != sorted(tags) or b"cmap" not in tags:
        return None
    end = max(sum(struct.unpack_from(">II", data, r + 8)) for r in records)
    return end if start + end <= len(data) else None


def _embedded_fonts(data: bytes) -> Iterator[bytes]:
    """Each distinct font stored in `data` (Typst keeps some twice)."""
    seen: set[tuple[int, bytes]] = set()
    for header in _HEADERS:
        for match in header.finditer(data):
            length = _font_length(data, match.start())
            key = (length or 0, data[match.start() : match.start() + 256])
            if length is None or key in seen:
                continue
            seen.add(key)
            yield data[match.start() : match.start() + length]


@functools.cache
def builtin_fonts() -> tuple[bytes, ...]:
    """Each font built into Typst, as its file's bytes (none when none is found): for the
    glyph check, and for an ebook that embeds the plain theme's Libertinus Serif."""
    path = _module_path()
    if path is None:  # pragma: no cover - typst is a dependency
        return ()
    return tuple(_embedded_fonts(path.read_bytes()))


@functools.cache
def builtin_cmap() -> frozenset[int]:
    """The code points some font built into Typst has (empty when none is found)."""
    from fontTools.ttLib import TTFont, TTLibError

    covered: set[int] = set()
    for blob in builtin_fonts():
        try:
            covered.update(TTFont(io.BytesIO(blob), lazy=True).getBestCmap() or ())
        except (TTLibError, struct.error, KeyError, ValueError):  # pragma: no cover
            continue  # bytes that only looked like a font
    return frozenset(covered)
