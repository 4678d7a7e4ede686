"""Lines inside one paragraph: verse, a letter's lines, or prose broken by hand.

A soft return (``text:line-break``, Shift+Enter) means something only where
the lines are short: a poem, a song, the address and closing of a letter.
Such a paragraph becomes :class:`~compile_book.nodes.Verse` (an empty line
between stanzas). Elsewhere a soft return is where the writer wanted a new
paragraph (after a full stop) or a slip (mid-sentence): the first starts a
new paragraph, the second becomes a space.
"""

from __future__ import annotations

import re

from ...nodes import Inline, Paragraph, Source, Verse
from .inlines import Run, nest, text_of, tidy

# Why: a line of verse or of a letter's address fits in about 60 characters;
# prose the writer broke by hand runs longer.
VERSE_LINE_MAX = 60
# Why: two short lines that both end a sentence are two paragraphs; three or more
# short lines, or a line ending without a full stop ("Yours ever,"), are verse.
VERSE_MIN_LINES = 3
# Why: a line ending in . ! ? or … (before any closing quote or bracket) ends a sentence.
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END_RE.search(text))


def is_verse(texts: list[str]) -> bool:
    """Several short lines whose breaks matter."""
    lines = [t for t in texts if t]
    if len(lines) < 2 or any(len(t) > VERSE_LINE_MAX for t in lines):
        return False
    return len(lines) >= VERSE_MIN_LINES or not all(ends_sentence(t) for t in lines[:-1])


def blocks(lines: list[list[Run]], source: Source, verse: bool) -> list[Paragraph | Verse]:
    """A paragraph's lines as one verse block, or as the paragraphs they mean."""
    if len(lines) == 1:
        return [Paragraph(nest(lines[0], source), source)]
    texts = [text_of(line) for line in lines]
    if verse or is_verse(texts):
        return [_verse(lines, texts, source)]
    out: list[Paragraph | Verse] = []
    current: list[Run] = []
    for line, text in zip(lines, texts, strict=True):
        if current and (not text or ends_sentence(text_of(current))):
            out.append(Paragraph(nest(tidy(current), source), source))
            current = []
        if text:
            current.extend([Run("text", " ", None), *line] if current else line)
    if current:
        out.append(Paragraph(nest(tidy(current), source), source))
    return out


def _verse(lines: list[list[Run]], texts: list[str], source: Source) -> Verse:
    out: list[tuple[Inline, ...]] = []
    offset = 0
    for line, text in zip(lines, texts, strict=True):
        if text or (out and out[-1]):
            out.append(nest(line, source.shifted(offset) if offset else source))
        offset += len(text) + 1
    while out and not out[-1]:
        out.pop()
    return Verse(tuple(out), source)


def verse(paragraphs: list[tuple[list[list[Run]], Source]]) -> Verse:
    """Consecutive verse-styled paragraphs as one poem: each paragraph's lines in turn,
    a stanza break after a paragraph of several lines (a stanza typed as one)."""
    out: list[tuple[Inline, ...]] = []
    for k, (lines_, source) in enumerate(paragraphs):
        if k and out and out[-1] and (len(lines_) > 1 or len(paragraphs[k - 1][0]) > 1):
            out.append(())
        out.extend(_verse(lines_, [text_of(line) for line in lines_], source).lines)
    return Verse(tuple(out), paragraphs[0][1])
