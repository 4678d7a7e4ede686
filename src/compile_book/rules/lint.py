"""Manuscript problems worth a writer's attention (warnings, never errors).

* doubled words (``and and``), except doublings English uses on purpose;
* double quotes left open at the end of a paragraph, unless the next
  paragraph reopens them (a speech running over several paragraphs);
* very long paragraphs (often two paragraphs missing a line break);
* markup left in the text (``**``, ``<i>``, ``&nbsp;``), which would print as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Why: a word, spaces, the same word. Run on lower-cased text: a case-insensitive
# back-reference is several times slower.
# Possessive quantifiers (Python 3.11+) stop the engine from retrying shorter words.
DOUBLED_RE = re.compile(r"\b(\w++) ++(\1)\b")
# Why: the same pattern for ASCII text (most paragraphs, before typography curls their
# quotes), where ASCII \w and \b mean what Unicode ones do; twice as fast, the engine
# asking a table instead of the Unicode database at every character.
_DOUBLED_ASCII_RE = re.compile(DOUBLED_RE.pattern, re.ASCII)
_QUOTES_RE = re.compile("[“”]")
# Why: doublings that are correct English, or deliberate in dialogue (the English
# locale's list; each locale carries its own).
DELIBERATE_DOUBLES = frozenset(
    "had that bye no yes very so ha haha ho hee knock tut there well now chop night boo go "
    "come out bang boom la da dum pom tick tock fast far many much really round more away "
    "blah yada hush shh oh ah uh um hmm".split()
)
# Why: markup the readers did not turn into structure prints as typed: unmatched strong
# delimiters, HTML tags, character entities and Markdown link syntax in plain text.
# (Escaped characters are marker stand-ins at this point, so ``\*\*`` never matches.)
LEAKED_MARKUP_RE = re.compile(
    r"\*\*|__|</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,80})?/?>"
    r"|&(?:[A-Za-z]{2,8}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});"
    r"|\]\((?:https?:|mailto:|#|\.{0,2}/)"
)

# What every match of LEAKED_MARKUP_RE holds.
_MARKUP_OPENINGS = ("<", "&", "**", "__", "](")


def leaked_markup(text: str, allowed: frozenset[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """Offsets and text of markup left in a paragraph (``allowed``: the book's own
    telepathy delimiters, reported by W102 when unpaired)."""
    for mark in _MARKUP_OPENINGS:
        if mark in text:
            break
    else:
        return  # the common case, found at memory speed: no character the markup opens with
    for m in LEAKED_MARKUP_RE.finditer(text):
        if m.group() not in allowed:
            yield m.start(), m.group()


# Why: a capitalised doubling found this often in one book is a name ("Isaac Isaac").
NAME_DOUBLE_REPEATS = 3
# Why: more words than this in one paragraph usually means a lost paragraph break.
LONG_PARAGRAPH_WORDS = 600


def doubled_words(
    text: str,
    deliberate: frozenset[str] = DELIBERATE_DOUBLES,
    phrase_doubles: frozenset[str] = frozenset(),
    joiners: frozenset[str] = frozenset(),
) -> Iterator[tuple[int, str]]:
    """Offsets and words of accidental doublings.

    ``deliberate``: the language's correct doublings; ``phrase_doubles``: words that
    double correctly where one phrase ends and the next begins, flagged only after one
    of ``joiners``, at a sentence start or before punctuation.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased
        lowered = text
    doubled = _DOUBLED_ASCII_RE if lowered.isascii() else DOUBLED_RE
    for m in doubled.finditer(lowered):
        word = text[m.start(1) : m.end(1)]
        second = text[m.start(2) : m.end(2)]
        low = word.lower()
        if low in deliberate or word.isdigit() or _said_again(lowered, m.start(1), m.end(2), low):
            continue
        if low in phrase_doubles and not (
            _after_joiner(lowered, m.start(1), joiners) or _ends_clause(text, m.end(2))
        ):
            continue
        yield m.start(2), f"{word} {second}"


def _said_again(lowered: str, start: int, end: int, word: str) -> bool:
    """The word comes a third time right before or after the pair ("stupid stupid
    stupid", "no, no no"): said over and over on purpose, never a slip of the keys.
    Looks at a few characters either side only, so the scan stays linear."""
    after = lowered[end : end + len(word) + 8].lstrip(" ,")
    if after.startswith(word) and not after[len(word) : len(word) + 1].isalnum():
        return True
    before = lowered[max(0, start - len(word) - 8) : start].rstrip(" ,")
    return before.endswith(word) and not before[-len(word) - 1 : -len(word)].isalnum()


def is_name_double(words: str) -> bool:
    """``Isaac Isaac``: both capitalised (not ``The the``, not ``AND AND``). A book that
    says it again and again is naming someone; once, it is a slip (the transform counts)."""
    word, second = words.split(" ", 1)
    return word[:1].isupper() and second[:1].isupper() and not word.isupper()


def _ends_clause(text: str, end: int) -> bool:
    """Punctuation right after the second word: it cannot start a phrase ("to her her?")."""
    if end >= len(text) or text[end] not in ".,;:!?…”’\"'—)":
        return False
    # "you you’ve": an apostrophe inside the word is not punctuation.
    return not (text[end] in "’'" and text[end + 1 : end + 2].isalnum())


_LAST_WORD_RE = re.compile(r"(\w+)\s*$")


def _after_joiner(lowered: str, start: int, joiners: frozenset[str]) -> bool:
    """The word before ``start`` is a joiner, or none is (a sentence or clause start)."""
    before = lowered[max(0, start - 24) : start].rstrip()
    if before[-1:] in ("-", "’", "'"):
        return False  # "cave-in in", "givin' her her": a word ends there
    if not before or not before[-1].isalnum():
        return True
    m = _LAST_WORD_RE.search(before)
    return m is not None and m.group(1) in joiners


def unclosed_double_quote(curled: str, open_q: str = "“", close_q: str = "”") -> int | None:
    """Offset of the last opening quote left open at the end of the paragraph, else ``None``.

    ``open_q``/``close_q`` are the language's double quotes (English “ ”, German „ “).
    """
    return quote_balance(curled, open_q, close_q)[0]


def quote_balance(curled: str, open_q: str = "“", close_q: str = "”") -> tuple[int | None, bool]:
    """The last opening quote left open (offset or ``None``), and whether a closing quote
    comes with no opening one before it: it closes a quotation an earlier paragraph
    opened (French dialogue: « opens the exchange, each turn starts with a dash, » ends it).
    """
    if open_q not in curled and close_q not in curled:
        return None, False
    quotes = (
        _QUOTES_RE
        if (open_q, close_q) == ("“", "”")
        else re.compile(f"[{re.escape(open_q)}{re.escape(close_q)}]")
    )
    stack: list[int] = []
    closes_earlier = False
    for m in quotes.finditer(curled):
        if m.group() == open_q:
            stack.append(m.start())
        elif stack:
            stack.pop()
        else:
            closes_earlier = True
    return (stack[-1] if stack else None), closes_earlier
