"""Manuscript problems worth a writer's attention (warnings, never errors).

* doubled words (``and and``), except doublings English uses on purpose;
* double quotes left open at the end of a paragraph, unless the next
  paragraph reopens them (a speech running over several paragraphs);
* very long paragraphs (often two paragraphs missing a line break).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Why: a word, spaces, the same word. Run on lower-cased text: a case-insensitive
# back-reference is several times slower.
# Possessive quantifiers (Python 3.11+) stop the engine from retrying shorter words.
DOUBLED_RE = re.compile(r"\b(\w++) ++(\1)\b")
_QUOTES_RE = re.compile("[“”]")
# Why: doublings that are correct English, or deliberate in dialogue (the English
# locale's list; each locale carries its own).
DELIBERATE_DOUBLES = frozenset(
    "had that bye no yes very so ha haha ho hee knock tut there well now chop night boo go "
    "come out bang boom la da dum pom tick tock fast far many much really round more away "
    "blah yada hush shh oh ah uh um hmm".split()
)
# Why: more words than this in one paragraph usually means a lost paragraph break.
LONG_PARAGRAPH_WORDS = 600


def doubled_words(
    text: str, deliberate: frozenset[str] = DELIBERATE_DOUBLES
) -> Iterator[tuple[int, str]]:
    """Offsets and words of accidental doublings (``deliberate``: the language's own)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased
        lowered = text
    for m in DOUBLED_RE.finditer(lowered):
        word = text[m.start(1) : m.end(1)]
        if word.lower() in deliberate or word.isdigit():
            continue
        yield m.start(2), f"{word} {text[m.start(2) : m.end(2)]}"


def unclosed_double_quote(curled: str, open_q: str = "“", close_q: str = "”") -> int | None:
    """Offset of the last opening quote left open at the end of the paragraph, else ``None``.

    ``open_q``/``close_q`` are the language's double quotes (English “ ”, German „ “).
    """
    if open_q not in curled:
        return None
    quotes = (
        _QUOTES_RE
        if (open_q, close_q) == ("“", "”")
        else re.compile(f"[{re.escape(open_q)}{re.escape(close_q)}]")
    )
    stack: list[int] = []
    for m in quotes.finditer(curled):
        if m.group() == open_q:
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack[-1] if stack else None
