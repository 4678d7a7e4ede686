"""How a chapter's opening paragraph is set in print: the small-caps lead-in and
the words that must not be hyphenated.

A lead-in of a fixed number of words can end on an article or a preposition
("THERE WERE A hundred"), which reads as cut off; it takes the next word too,
until it ends on a word that carries meaning (the locale's
:attr:`~compile_book.locale.LocaleData.function_words`), at most
:data:`MAX_EXTRA_WORDS` more. A hyphen in an opener's first lines is the first
thing a reader sees, and a name broken there ("Mr. Tre-/loar") looks careless:
the lead-in and every capitalised word of the opening paragraph are kept
whole (the style ``"nohyphen"``).
"""

from __future__ import annotations

import re
from typing import Any

#: The most words a lead-in grows by to avoid ending on a function word.
MAX_EXTRA_WORDS = 3

SMALLCAPS = "smallcaps"
NOHYPHEN = "nohyphen"

# Why: a word is compared without the punctuation around it ("a," "the—").
_EDGES = re.compile(r"^[^\w]+|[^\w]+$")


def _prose(word: list[Any]) -> list[list[Any]]:
    """The text pieces of a word (``[text, styles]``); inline nodes are skipped."""
    return [piece for piece in word if isinstance(piece, list)]


def _plain(word: list[Any]) -> str:
    return "".join(piece[0] for piece in _prose(word))


def lead_in_length(words: list[list[Any]], count: int, function_words: frozenset[str]) -> int:
    """How many of `words` the lead-in takes: `count`, more while it would end on a
    function word (and the word is not followed by punctuation that closes a phrase)."""
    k = min(count, len(words))
    limit = min(len(words), count + MAX_EXTRA_WORDS)
    while 0 < k < limit:
        last = _plain(words[k - 1])
        if last != last.rstrip(",.;:!?—…") or _EDGES.sub("", last).casefold() not in function_words:
            break
        k += 1
    return k


def mark_opening(words: list[list[Any]], lead: int) -> None:
    """Mark the first `lead` words small caps, and the lead-in and every capitalised
    word unhyphenated (in place)."""
    for i, word in enumerate(words):
        pieces = _prose(word)
        text = _EDGES.sub("", _plain(word))
        if i < lead:
            for piece in pieces:
                piece[1].append(SMALLCAPS)
        if i < lead or text[:1].isupper():
            for piece in pieces:
                piece[1].append(NOHYPHEN)
