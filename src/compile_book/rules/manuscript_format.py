"""The editor's block atop a Standard Manuscript Format first page.

Standard Manuscript Format (the format agents and editors ask for) puts the
writer's name, address, phone, email and "about 85,000 words" at the top of
the first page, then the title a third of the way down, then "by Name". That
block is for an editor, not for the book. The word-processor readers find it
by its centred title (:mod:`compile_book.readers.odt.front`); in a plain-text
file (:func:`block_lines`) the title is the line over a ``by`` line, or the
first line after a gap of two or more blank lines.

Only a block of two lines or more holding a word-count line is one (the
count alone, "about 85,000 words", or after the name and a wide space): a
story whose opening line mentions "3,000 words" stays prose.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

# Why: "about 85,000 words", "approx. 3500 words", "Word count: 80 000", "ca. 80.000 Wörter".
WORD_COUNT_RE = re.compile(
    r"(?:\b\d{1,3}(?:[,.\s ]\d{3})+|\b\d{3,7})\s*(?:words?|wds\.?|wörter|mots|palabras|parole"
    r"|woorden|palavras)\b|\bword\s*count\b",
    re.I,
)
# Why: the other lines an editor's block holds: an email address, a phone number.
CONTACT_RE = re.compile(r"[^@\s]+@[^@\s]+\.\w+|\+?\d[\d ().-]{6,}\d")
# Why: what may stand around the count on its own line ("Word count: 80,000", "approx.").
_QUALIFIERS_RE = re.compile(
    r"(?:about|approx\.?|approximately|around|roughly|circa|ca\.?|word\s*count|words?"
    r"|\d[\d,. ]*)[\s:.~]*",
    re.I,
)
# Why: the name and the count on one line, the count pushed right (spaces or a tab).
_WIDE_SPACE_RE = re.compile(r" {2,}|\t")
# Why: an editor's block sits on the first page: a dozen short lines at most.
MAX_LINES = 12
# Why: a contact line (name, street, email) is short; a longer paragraph is the story.
LINE_MAX = 100


def block_lines(
    lines: Sequence[str],
    is_by_line: Callable[[str], bool],
    is_heading: Callable[[str], bool] = lambda _: False,
) -> int:
    """How many of a plain-text file's first `lines` the editor's block takes (0: none).

    The block is the short lines from the top down to the title: the line over a
    ``by`` line (blank lines between allowed), else the first line after two blank
    lines; it must hold a word count, and every line of it must be short.
    """
    texts: list[tuple[int, str]] = []  # (line index, text) of the non-blank lines
    for k, line in enumerate(lines[: MAX_LINES * 4]):
        if line.strip():
            texts.append((k, line.strip()))
        if len(texts) > MAX_LINES + 2:
            break
    end = _title_at(texts, is_by_line)
    if end is None:
        return 0
    head = [text for k, text in texts if k < end]
    if len(head) < 2 or any(len(text) > LINE_MAX or is_heading(text) for text in head):
        return 0
    if not any(count_line(text) for text in head):
        return 0
    return end


def count_line(text: str) -> bool:
    """Whether `text` is an editor's word-count line: the count alone (with "about",
    "approx.", "Word count:"), or after the name and a wide space."""
    m = WORD_COUNT_RE.search(text)
    if m is None:
        return False
    before, after = text[: m.start()], text[m.end() :]
    wide = list(_WIDE_SPACE_RE.finditer(before))
    if wide:
        before = before[wide[-1].end() :]  # the name, set apart from the count
    return _qualifies(before) and _qualifies(after)


def _qualifies(text: str) -> bool:
    """Whether `text` holds only what may qualify a count ("about", ":", a number)."""
    return not _QUALIFIERS_RE.sub("", text).strip(" .:~()")


def _title_at(texts: list[tuple[int, str]], is_by_line: Callable[[str], bool]) -> int | None:
    """The line index of the title under the block, or None when there is none."""
    pairs = list(itertools.pairwise(texts))
    if pairs and is_by_line(pairs[0][1][1]):
        return None  # the title and its "by" line open the file: no block over them
    for (k, text), (_, following) in pairs:
        if k and is_by_line(following) and not is_by_line(text):
            return k
    for (k, _), (after, _) in pairs:
        if after - k > 2:
            return after
    return None
