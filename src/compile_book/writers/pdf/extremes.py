"""Prose too long for a page as written, made printable in the PDF data alone.

The tree and the EPUB keep the text as written; only what Typst is handed
changes, and never the characters it prints, in content or order.

- A paragraph longer than :data:`SIMPLE_BREAKS_CHARS` is marked ``simple``:
  the template sets it with Typst's greedy line breaking, whose cost grows
  linearly, instead of the optimal one. If it opens a chapter, only its
  first words stay ``words`` (enough to fill the lines beside a drop cap,
  which the template measures word by word); the rest follow as ``tail``,
  a few long pieces. A chapter opening of 0.9 MB took Typst 85 s and 1.6 GB
  set word by word with optimal breaking.
- A run of more than :data:`LONG_RUN` characters that offers no line break
  (a URL, a word typed without spaces) gets a zero-width space every
  :data:`BREAK_EVERY` characters, so it wraps instead of running off the page.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ... import nodes

# A word of an opening paragraph: pieces, each ``[text, styles]`` or an inline node
# that is not text (a note, inline code, a line break) as its own dict.
Word = list[Any]

# Why: a line must never start with an em dash; a word joiner glues it to the word before.
_EM_DASH = re.compile("(?<!\u2060)\u2014")
WORD_JOINER = "\u2060"

# Why: a run longer than this with no space, hyphen, dash or slash is no word a
# line can hold (a measure is 60-70 characters); it needs break opportunities.
LONG_RUN = 40
#: A zero-width space goes after every this many characters of such a run.
BREAK_EVERY = 16
ZERO_WIDTH_SPACE = "\u200b"
# Why: scripts written without spaces (CJK, Thai, Lao, Myanmar, Khmer) already
# break between characters or at dictionary words; their runs are left alone.
_NO_SPACE_SCRIPTS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff"
)
_UNBROKEN_RUN = re.compile(
    f"[^\\s\\-\u00ad\u2010-\u2015/\u200b{_NO_SPACE_SCRIPTS}]{{{LONG_RUN + 1},}}"
)

# Why: Typst's optimal (Knuth-Plass) line breaking costs more than linear time
# in a paragraph's length (a 0.9 MB paragraph took minutes and gigabytes); past
# this many characters a paragraph is set with greedy breaking, which is linear.
# No paragraph of a real book comes near it (a long one is a few thousand).
SIMPLE_BREAKS_CHARS = 20_000
# Why: a drop cap needs the words of its first few lines; of a paragraph set
# simply, only this many characters' worth is measured for them.
OPENING_HEAD_CHARS = 2_000


def dashes(text: str) -> str:
    """Prose with a word joiner before each em dash."""
    return _EM_DASH.sub(WORD_JOINER + "\u2014", text)


def prose(text: str) -> str:
    """Text as the PDF sets it: em dashes held to their word, overlong runs breakable."""
    return _UNBROKEN_RUN.sub(lambda m: breakable(m.group()), dashes(text))


def breakable(run: str) -> str:
    """`run` with a zero-width space after every :data:`BREAK_EVERY` characters,
    moved on past combining marks and joiners so no character is split from them."""
    out: list[str] = []
    since = 0
    for i, char in enumerate(run):
        if since >= BREAK_EVERY and _may_break_before(run, i):
            out.append(ZERO_WIDTH_SPACE)
            since = 0
        out.append(char)
        since += 1
    return "".join(out)


def _may_break_before(run: str, i: int) -> bool:
    """Whether a break between ``run[i - 1]`` and ``run[i]`` keeps every character whole."""
    char, before = run[i], run[i - 1]
    if unicodedata.category(char) in ("Mn", "Mc", "Me", "Cf", "Sk"):
        return False  # combining marks, joiners, emoji modifiers' neighbours
    if "\ufe00" <= char <= "\ufe0f" or "\U0001f3fb" <= char <= "\U0001f3ff":
        return False  # variation selectors, skin tones
    return before not in "\u200d\u2060" and not ("\U0001f1e6" <= char <= "\U0001f1ff")


def mark_simple(data: dict[str, Any], paragraph: nodes.Paragraph) -> dict[str, Any]:
    """`data`, marked for greedy line breaking when the paragraph is too long for the
    optimal one (the key is left out otherwise, so ordinary books' data is unchanged)."""
    if len(nodes.plain_text(paragraph.inlines)) > SIMPLE_BREAKS_CHARS:
        data["simple"] = True
    return data


def head_and_tail(words: list[Word]) -> tuple[list[Word], list[Any]]:
    """A long opening's words split after :data:`OPENING_HEAD_CHARS` characters.

    The head stays words, which the template measures for the drop cap. The
    tail becomes pieces with the spaces between words put back and neighbours
    of one style merged: set word by word, a paragraph of 150,000 words took
    Typst over a minute; as a few long strings it takes seconds.
    """
    size = 0
    for i, word in enumerate(words):
        size += 1 + sum(len(piece[0]) for piece in word if is_prose(piece))
        if size > OPENING_HEAD_CHARS and i + 1 < len(words):
            return words[: i + 1], _tail_pieces(words[i], words[i + 1 :])
    return words, []


def _tail_pieces(before: Word, words: list[Word]) -> list[Any]:
    """`words` as the template's show-words would set them after `before`: a plain
    space between two words unless either is a line break, in fewer, longer pieces."""
    runs: list[tuple[list[str], list[Any]] | dict[str, Any]] = []

    def add(piece: Any) -> None:
        if not is_prose(piece):
            runs.append(piece)
        elif runs and isinstance(runs[-1], tuple) and runs[-1][1] == piece[1]:
            runs[-1][0].append(piece[0])
        else:
            runs.append(([piece[0]], piece[1]))

    for word in words:
        if not (_is_break(before) or _is_break(word)):
            add([" ", []])
        for piece in word:
            add(piece)
        before = word
    return [["".join(run[0]), run[1]] if isinstance(run, tuple) else run for run in runs]


def _is_break(word: Word) -> bool:
    return isinstance(word[0], dict) and word[0]["type"] == "linebreak"


def is_prose(piece: Any) -> bool:
    """Whether a piece of a word is text (``[text, styles]``), not an inline node."""
    return isinstance(piece, list)
