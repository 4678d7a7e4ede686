"""Indented groups of lines in flush-left prose: verse, and letters quoted whole.

Typed books set a poem, a song or a letter off from the prose by indenting it:

    She sang softly:

        The hens are in the meadow,
        The fox is in the wood;

    and went back to work.

Read as prose, each line became a paragraph (and a letter's opening quote mark
with no close on its line raised "quotation never closed"). Here such groups
are found by their shape, before paragraphs are built:

* the file's prose is flush left (most of its lines are not indented, and it
  does not indent first lines over flush ones), so an indent means something;
* the group stands between blank lines, holds at least two lines, every one of
  them indented, none a heading or a divider, none long;
* its lines are not centred (a title page's lines, each centred on its own, are
  left to the title rules).

A group whose first line greets someone (``Dear Garnet,``, ``Sir,``), or
most of whose lines are filled (wrapped prose), is a letter or a notice: a
block quote whose paragraphs are its stanzas, lines joined where they were
wrapped and kept apart (a line break) where they were short, as the salutation
and the signature are. Any other group is verse: its lines kept,
blank lines between stanzas.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..record import record
from .paragraphs import Line

# Why: a file indenting most of its lines, or indenting first lines with flush lines
# under them, indents its paragraphs: there an indent says nothing more.
MAX_INDENTED_SHARE = 0.5
# (a caption or a quoted line here and there is indented over flush prose too)
MAX_FIRST_LINE_SHARE = 0.05
MIN_INDENT = 2
MAX_LINE_CHARS = 100
MIN_GROUP_LINES = 2
# Why: centred lines share their middle, not their left edge.
CENTRE_TOLERANCE = 2
LETTER_RE = re.compile(r"[\W_]*(?:my\s+)?(?:dear(?:est)?|sir|madam|gentlemen)\b", re.I)
# Why: verse lines are short and each its own; a group most of whose lines fill the
# widest one is wrapped prose (a letter, a notice) quoted whole.
PROSE_MIN_WIDTH = 50
# Why: a letter's line that fills most of the widest line was wrapped; a shorter one
# (salutation, signature, an address) was broken on purpose.
WRAPPED_LINE_SHARE = 0.75


@record
class Group:
    """An indented group: its lines (blank ones included) and whether it is a letter
    (quoted prose) rather than verse."""

    lines: tuple[Line, ...]
    letter: bool

    @property
    def stanzas(self) -> list[list[Line]]:
        """The runs of text lines between its blank lines."""
        out: list[list[Line]] = [[]]
        for ln in self.lines:
            if ln.text:
                out[-1].append(ln)
            elif out[-1]:
                out.append([])
        return [s for s in out if s]

    def wrapped(self, ln: Line) -> bool:
        """A letter's line that was wrapped (joined to the next with a space)."""
        widest = max(len(x.text) for x in self.lines)
        return len(ln.text) >= WRAPPED_LINE_SHARE * widest


def find_groups(lines: list[Line], standalone: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Index ranges ``[a, b)`` of ``lines`` that are indented groups (linear)."""
    text = [ln for ln in lines if ln.text]
    if not text or sum(1 for ln in text if ln.indent) > MAX_INDENTED_SHARE * len(text):
        return []
    first_lines = sum(
        1 for a, b in itertools.pairwise(lines) if a.indent and b.text and not b.indent
    )
    if first_lines > max(1, MAX_FIRST_LINE_SHARE * len(text)):
        return []
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        if not (ln.text and ln.indent >= MIN_INDENT) or (k and lines[k - 1].text):
            k += 1
            continue
        end = k
        j = k
        while j < len(lines) and (not lines[j].text or lines[j].indent >= MIN_INDENT):
            if lines[j].void:
                break
            if lines[j].text:
                end = j + 1
            j += 1
        if _is_group(lines[k:end], standalone) and (end == len(lines) or not lines[end].text):
            out.append((k, end))
        k = max(end, k + 1)
    return out


def _is_group(run: list[Line], standalone: Callable[[str], bool]) -> bool:
    text = [ln for ln in run if ln.text]
    if len(text) < MIN_GROUP_LINES:
        return False
    # lines one under another: single indented lines between blank lines are
    # paragraphs a writer indented, not a poem
    if not any(a.text and b.text for a, b in itertools.pairwise(run)):
        return False
    if any(len(ln.text) > MAX_LINE_CHARS or standalone(ln.text) for ln in text):
        return False
    indents = {ln.indent for ln in text}
    centres = [ln.indent + len(ln.text) / 2 for ln in text]
    centred = len(indents) > 1 and max(centres) - min(centres) <= CENTRE_TOLERANCE
    return not centred


def group(lines: list[Line]) -> Group:
    """The group of these lines (``lines[a:b]`` of a found range)."""
    text = [ln for ln in lines if ln.text]
    widest = max(len(ln.text) for ln in text)
    filled = sum(1 for ln in text if len(ln.text) >= WRAPPED_LINE_SHARE * widest)
    prose = widest >= PROSE_MIN_WIDTH and filled * 2 > len(text)
    return Group(tuple(lines), prose or bool(LETTER_RE.match(text[0].text)))
