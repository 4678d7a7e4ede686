"""How many words a chapter's small-caps lead-in takes, in print and in the ebook.

A lead-in of a fixed number of words can end on an article or a preposition
("THERE WERE A hundred"), which reads as cut off; it takes the next word too,
until it ends on a word that carries meaning (the locale's
:attr:`~compile_book.locale.LocaleData.function_words`), at most
:data:`MAX_EXTRA_WORDS` more. A word followed by punctuation ("in,") ends a
phrase and is a good place to stop whatever it is.
"""

from __future__ import annotations

import re

#: The most words a lead-in grows by to avoid ending on a function word.
MAX_EXTRA_WORDS = 3

# Why: a word is compared without the punctuation around it ("‘the", "a—").
_EDGES = re.compile(r"^\W+|\W+$")
# Punctuation after a word that closes a phrase: the lead-in may stop there.
_CLOSING = (",", ".", ";", ":", "!", "?", "—", "…")


def lead_in_count(words: list[str], count: int, function_words: frozenset[str]) -> int:
    """How many of `words` (their plain text, in order) the lead-in takes: `count`,
    more while the last would be a function word; never more than there are."""
    k = min(count, len(words))
    limit = min(len(words), count + MAX_EXTRA_WORDS)
    while 0 < k < limit:
        last = words[k - 1]
        if last.endswith(_CLOSING) or _EDGES.sub("", last).casefold() not in function_words:
            break
        k += 1
    return k


def bare(word: str) -> str:
    """A word without the punctuation around it."""
    return _EDGES.sub("", word)
