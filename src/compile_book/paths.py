"""How a path is shown to people: relative to the working folder when that is clearer,
and never able to drive the terminal it is printed on.

Diagnostics and errors name files the way the writer would type them, so an
editor or terminal can jump straight to ``manuscripts/03.txt:12:5``.

Two helpers, because a shown path has two lives. :func:`display_path` is
still a path: the readers open images relative to it and JSON reports carry
it, so it keeps every character of the real name. :func:`printable` is the
last step before a line reaches a terminal: a file named
``\\x1b[31mred.txt`` (an escape sequence that recolours or retitles the
terminal), a newline that would split a one-line error, a right-to-left
override that reorders what is shown, or bytes that are not UTF-8 are all
printed as visible escapes instead. The command line passes every line it
prints through it, whatever built the line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# C0 controls, DEL, C1 controls, the bidirectional overrides and isolates
# ("Trojan Source"), line and paragraph separators, and lone surrogates (the bytes
# of a file name that are not UTF-8, as Python's file system encoding keeps them).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working folder, unless that climbs more than one level.

    The result is still a usable path (it is not escaped): print it through
    :func:`printable`.
    """
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return rel if not rel.startswith(".." + os.sep + "..") else str(Path(path))


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as a message shows it: :func:`display_path`, made :func:`printable`."""
    return printable(display_path(path))


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` safe to print: every control or invisible formatting character escaped.

    ``\\x1b`` becomes the four characters ``\\x1b``, a tab ``\\t``, a byte of a
    file name that is not UTF-8 ``\\xNN`` (the byte itself). Newlines are
    escaped too (a message stays one line) unless ``keep_newlines`` is given
    for multi-line output such as ``compile-book tree``. Text without such
    characters is returned unchanged.
    """
    if keep_newlines:
        return "\n".join(printable(line) for line in text.split("\n"))
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the undecodable byte itself
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
