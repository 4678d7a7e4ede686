"""Kobo's sentence segments: where kepubify cuts a run of text into ``koboSpan`` pieces.

The rule is kepubify's (``splitSentences`` in ``kepub/transform.go``, itself
the state-machine form of the regular expression
``.*?[.!?]['"”’“…]?\\s+``): a segment ends after a terminator ``.``, ``!`` or
``?``, at most one closing mark (``' " ” ’ “ …``) right after it, and the run
of ASCII whitespace that follows; the next segment starts at the first
character that is not that whitespace. Text with no such boundary is one
segment, and an empty text is one empty segment.

The cut never adds, drops or reorders a character: the segments joined give
the text back exactly (a property the tests check over the whole of Unicode).
Why a search for the boundary and not kepubify's lazy pattern: Python's
backtracking engine would rescan the text from every start position (quadratic
on a long run of ``a.a.a.``); searching for the boundary itself is linear.
"""

from __future__ import annotations

import re

__all__ = ["is_space", "split_sentences"]

#: Terminator, an optional closing mark, then the whitespace run ``\s`` matches in Go's RE2
#: (ASCII only: tab, newline, form feed, carriage return, space).
_BOUNDARY = re.compile("[.!?]['\"\u201d\u2019\u201c\u2026]?[\t\n\f\r ]+")

#: Unicode's White_Space property, which Go's ``unicode.IsSpace`` tests (kepubify's
#: ``isSpace``): Python's ``str.isspace`` differs (it counts U+001C to U+001F).
_WHITE_SPACE = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def split_sentences(text: str) -> list[str]:
    """`text` cut into kepubify's segments; ``"".join(split_sentences(t)) == t`` always."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text) or not pieces:
        pieces.append(text[start:])
    return pieces


def is_space(text: str) -> bool:
    """True when every character of `text` is white space (and for ``""``), as Go has it."""
    return all(char in _WHITE_SPACE for char in text)
