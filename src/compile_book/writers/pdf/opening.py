"""How a chapter's opening paragraph is set in print: the small-caps lead-in and
the words that must not be hyphenated.

The lead-in does not end on a function word (:mod:`compile_book.writers.leadin`,
shared with the ebook). A hyphen in an opener's first lines is the first
thing a reader sees, and a name broken there ("Mr. Tre-/loar") looks careless:
the lead-in and every capitalised word of the opening paragraph are kept
whole (the style ``"nohyphen"``).
"""

from __future__ import annotations

from typing import Any

from ..leadin import bare, lead_in_count

SMALLCAPS = "smallcaps"
NOHYPHEN = "nohyphen"


def _prose(word: list[Any]) -> list[list[Any]]:
    """The text pieces of a word (``[text, styles]``); inline nodes are skipped."""
    return [piece for piece in word if isinstance(piece, list)]


def _plain(word: list[Any]) -> str:
    return "".join(piece[0] for piece in _prose(word))


def lead_in_length(words: list[list[Any]], count: int, function_words: frozenset[str]) -> int:
    """How many of `words` the lead-in takes (see :mod:`compile_book.writers.leadin`)."""
    return lead_in_count([_plain(word) for word in words], count, function_words)


def mark_opening(words: list[list[Any]], lead: int) -> None:
    """Mark the first `lead` words small caps, and the lead-in and every capitalised
    word unhyphenated (in place)."""
    for i, word in enumerate(words):
        pieces = _prose(word)
        text = bare(_plain(word))
        if i < lead:
            for piece in pieces:
                piece[1].append(SMALLCAPS)
        if i < lead or text[:1].isupper():
            for piece in pieces:
                piece[1].append(NOHYPHEN)
