"""Word counts, as a reader counts words (for ``stats`` and the words a page)."""

from __future__ import annotations

import re

from ..nodes import Book, plain_text
from ..sequences import sequences

# Why: letters/digits joined by apostrophes or hyphens make one word; dashes,
# ellipses, spaces and lone punctuation (a spaced dash, a lone «) are not words.
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as a reader counts them: "said—and" and "Wait…what" are two each;
    "don’t", "half-ducked" and "’90s" one each."""
    return len(_WORD_RE.findall(text))


def word_count(book: Book) -> int:
    """Words of body prose: paragraphs, quotations, verse, lists, captions and notes
    (as ``stats`` counts them); headings, code and front matter are not counted."""
    return sum(
        count_words(plain_text(inlines))
        for chapter in book.chapters
        for inlines in sequences(chapter.blocks)
    )
