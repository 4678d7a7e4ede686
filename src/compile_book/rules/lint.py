"""Manuscript problems worth a writer's attention (warnings, never errors).

* doubled words (``and and``), except doublings English uses on purpose;
* double quotes left open at the end of a paragraph, unless the next
  paragraph reopens them (a speech running over several paragraphs);
* straight and curly quotes mixed in one file;
* very long paragraphs (often two paragraphs missing a line break).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Why: a word, whitespace (not a line end), the same word; case-insensitive.
DOUBLED_RE = re.compile(r"\b(\w+)[ \t]+(\1)\b", re.I)
# Why: doublings that are correct English, or deliberate in dialogue.
DELIBERATE_DOUBLES = frozenset(
    "had that bye no yes very so ha haha ho hee knock tut there well now chop night boo go "
    "come out bang boom la da dum pom tick tock fast far many much really round more away "
    "blah yada hush shh oh ah uh um hmm".split()
)
# Why: more words than this in one paragraph usually means a lost paragraph break.
LONG_PARAGRAPH_WORDS = 600


def doubled_words(text: str) -> Iterator[tuple[int, str]]:
    """Offsets and words of accidental doublings."""
    for m in DOUBLED_RE.finditer(text):
        word = m.group(1)
        if word.lower() in DELIBERATE_DOUBLES or word.isdigit():
            continue
        yield m.start(2), f"{word} {m.group(2)}"


def unclosed_double_quote(curled: str) -> int | None:
    """Offset of the last “ left open at the end of the (curled) paragraph, else ``None``."""
    if "“" not in curled:
        return None
    stack: list[int] = []
    for i, ch in enumerate(curled):
        if ch == "“":
            stack.append(i)
        elif ch == "”" and stack:
            stack.pop()
    return stack[-1] if stack else None


def mixed_quotes(text: str) -> int | None:
    """Offset of the first quote of the minority kind when a file mixes straight and curly."""
    straight = text.find('"')
    curly = min((i for i in (text.find("“"), text.find("”")) if i >= 0), default=-1)
    if straight < 0 or curly < 0:
        return None
    n_straight = text.count('"')
    n_curly = text.count("“") + text.count("”")
    return curly if n_curly <= n_straight else straight
