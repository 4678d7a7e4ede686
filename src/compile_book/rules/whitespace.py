"""Invisible characters, exotic spaces and indentation.

* Zero-width space, stray BOMs, word joiners, soft hyphens and control
  characters are removed: they are invisible in the writer's editor and do
  harm in output (split words, boxes on old e-readers). The backends add the
  invisible characters they want themselves.
* No-break and typographic spaces typed between ordinary words become plain
  spaces: KDP rejects no-break spaces between words. The typography rule adds
  the ones a publisher wants (after Mr., inside French guillemets).
* A line's leading tabs/spaces are recorded as *indentation* (a paragraph
  signal in indented-first-line manuscripts), then stripped.

Zero-width joiners (U+200D) and non-joiners (U+200C) are kept: they shape
emoji and some scripts.
"""

from __future__ import annotations

import re

# Vertical tab and form feed are line breaks (Word's Shift-Enter can become \x0b);
# clean() turns them into newlines rather than removing them, so words stay apart.
# C1 controls (U+0080-U+009F) left after repair_c1 (the plain-text readers call it
# first; a word processor's XML has no mojibake to repair) are controls too.
_REMOVE = (
    "\u200b\ufeff\u2060\u00ad\u180e"
    + "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\x0b\x0c")
    + "".join(map(chr, range(0x7F, 0xA0)))
)
_BREAKS_RE = re.compile("[\x0b\x0c]")
# Why: U+0080-U+009F in decoded text are Windows-1252 bytes that went through a
# Latin-1 decoder somewhere (mojibake: \x93Hi\x94 for “Hi”); map them back.
_C1 = "".join(map(chr, range(0x80, 0xA0)))
_C1_RE = re.compile("[\x80-\x9f]")
_TO_SPACE = (
    "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\u205f"
)
# Why: regex character classes scan in C and skip the common case (nothing to do)
# far faster than str.translate, which rebuilds non-ASCII strings char by char.
_INVISIBLE_RE = re.compile("[" + re.escape(_REMOVE) + "]")
_SPACES_RE = re.compile("[" + _TO_SPACE + "]")


# Why: a character class costs the regex engine 10-30 ns a character, while ``in`` for
# one character runs at memory speed: over a whole file (a million words is 5.7 MB),
# asking for each of the ~80 characters one at a time is ten times faster. A short
# text (a word processor's run) is searched once, as ever.
_LONG = 4096


def _holds(text: str, chars: str, pattern: re.Pattern[str]) -> bool:
    """``text`` holds one of ``chars`` (``pattern`` is their character class)."""
    if len(text) < _LONG:
        return pattern.search(text) is not None
    if text.isascii():
        return any(c in text for c in chars if c < "\x80")
    return any(c in text for c in chars)


def _from_cp1252(m: re.Match[str]) -> str:
    return bytes([ord(m.group())]).decode("cp1252", errors="ignore")


def repair_c1(text: str) -> tuple[str, int]:
    """Map stray C1 control characters back to the Windows-1252 characters they were."""
    if not _holds(text, _C1, _C1_RE):
        return text, 0
    return _C1_RE.subn(_from_cp1252, text)


def first_c1_line(text: str) -> int:
    """The 1-based line of the first C1 control character (for the diagnostic)."""
    match = _C1_RE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def clean(text: str) -> tuple[str, int]:
    """Remove invisibles and flatten exotic spaces; return the text and how many were removed."""
    if _holds(text, "\x0b\x0c", _BREAKS_RE):
        text = _BREAKS_RE.sub("\n", text)
    removed = 0
    if _holds(text, _REMOVE, _INVISIBLE_RE):
        text, removed = _INVISIBLE_RE.subn("", text)
    if _holds(text, _TO_SPACE, _SPACES_RE):
        text = _SPACES_RE.sub(" ", text)
    return text, removed


def first_invisible_line(text: str) -> int:
    """The 1-based line of the first invisible character (for the diagnostic)."""
    match = _INVISIBLE_RE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0
