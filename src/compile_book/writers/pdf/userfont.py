"""The writer's own font: a font file in the project, or a family installed on the machine.

``[pdf] font`` names a family (``"EB Garamond"``, one of the themes' bundled
faces, or one installed on the machine) or a font file (``"fonts/Alegreya.otf"``,
relative to book.toml). Before a book is set in it the font is checked:

* found at all: a family neither bundled nor installed used to become EB
  Garamond in silence; now the build warns (``FONT_MISSING``, W140) and says
  how to give the font;
* allowed to be embedded: a font whose licence bits (the OS/2 table's
  ``fsType``) say *restricted licence* or *bitmap only* cannot go into a PDF a
  printer receives, and is refused with a one-line error.

Typst embeds (and subsets) every font it uses, so an accepted font needs
nothing more than its folder among the ones Typst reads. Installed families are
found by reading the family names of the fonts in the usual system folders
(fontTools; no font server needed), once per process.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ...errors import InputError
from ...fontfiles import FONT_SUFFIXES, is_font_file, open_font
from ...record import record

__all__ = ["FONT_SUFFIXES", "ResolvedFont", "is_font_file", "resolve_font"]

# OS/2 fsType bits (OpenType spec): 0x0002 restricted licence, 0x0200 bitmap only.
_RESTRICTED = 0x0002
_BITMAP_ONLY = 0x0200
_SYSTEM_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)


@record
class ResolvedFont:
    """The family to ask Typst for, the folders that hold it, and a warning if it was
    not found (then ``family`` is what the book falls back to)."""

    family: str
    folders: tuple[str, ...] = ()
    missing: str | None = None


def resolve_font(value: str) -> ResolvedFont:
    """What ``[pdf] font`` means here. Raises :class:`InputError` for a file that is
    missing, unreadable or not embeddable.

    A build asks three times (its warnings, the template's font stack, Typst's font
    folders): the answer is kept while the file is unchanged (its size and time)."""
    try:
        stat = os.stat(value) if is_font_file(value) else None
    except OSError:
        stat = None  # _resolve says what is wrong with it
    return _resolve(value, (stat.st_size, stat.st_mtime_ns) if stat else None)


@functools.lru_cache(maxsize=16)
def _resolve(value: str, stamp: tuple[int, int] | None) -> ResolvedFont:
    """:func:`resolve_font`'s answer; ``stamp`` (the file's size and time) is only the key."""
    if is_font_file(value):
        path = Path(value)
        family = _checked(path, value)
        return ResolvedFont(family, (str(path.parent),))
    from .fonts import available_families  # imports Typst: only when a PDF is made

    if value.casefold() in available_families():
        return ResolvedFont(value)
    installed = _installed().get(value.casefold())
    if installed is not None:
        _checked(installed, value)
        return ResolvedFont(value, (str(installed.parent),))
    return ResolvedFont(
        "EB Garamond",
        missing=f"the font {value!r} is neither bundled nor installed, so the book is set in "
        'EB Garamond; give its file instead (font = "fonts/Face.otf") or install it',
    )


def _checked(path: Path, shown: str) -> str:
    """The family name of a font file that may be embedded (else an error)."""
    from fontTools.ttLib import TTLibError

    try:
        font = open_font(path)
    except (OSError, TTLibError, IndexError) as exc:
        raise InputError(f"cannot read the font ({exc}); check the file", shown) from None
    fs_type = int(getattr(font.get("OS/2"), "fsType", 0))
    if fs_type & (_RESTRICTED | _BITMAP_ONLY):
        raise InputError(
            f"the font's licence forbids embedding it in a PDF (fsType {fs_type:#06x}); "
            "choose a font licensed for embedding, such as an OFL font",
            shown,
        )
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1)
    if not family:
        raise InputError("the font has no family name; check the file", shown)
    return str(family)


@functools.cache
def _installed() -> dict[str, Path]:
    """Installed families (case-folded) and one file of each, from the system folders."""
    from fontTools.ttLib import TTFont, TTLibError

    found: dict[str, Path] = {}
    for folder in _SYSTEM_FOLDERS:
        root = Path(os.path.expanduser(folder))
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.casefold() not in (".ttf", ".otf"):
                continue
            try:
                name = TTFont(str(path), lazy=True)["name"]
            except (OSError, TTLibError, KeyError):
                continue
            family = name.getDebugName(16) or name.getDebugName(1)
            if family:
                found.setdefault(str(family).casefold(), path)
    return found
