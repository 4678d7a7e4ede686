"""The writer's notes to self, told apart from prose.

Writers leave planning notes in the manuscript and mean to resolve them
before publishing. A *note* is a whole paragraph (in one-paragraph-per-line
text, a whole line; a note may run over a few lines of one block) that is:

* wholly in square brackets, the opening bracket's partner being the last
  character: ``[ Karl has a tumour… ]``, ``[[check the dates]]``, ``[TK]``.
  ``[sic] he said``, ``[a] and [b]`` and ``"[Ring ring]"`` are prose; a
  footnote mark (``[^1]``) is never a note;
* a to-come mark alone: ``TK``, ``TKTK``, ``TK TK``, ``TODO``, ``FIXME``;
* a line opening with ``TODO:``, ``TODO ``, ``FIXME:``, ``FIXME ``,
  ``NOTE TO SELF:`` or ``TK:``, in capitals (``Todo`` in a sentence is prose;
  ``TK Maxx`` is not a note, so ``TK`` needs its colon).

A bracketed line in capitals is the story's own: a game's status message in a
LitRPG (``[HATCHING EVENT IN PROGRESS]``, ``[CARE TASK: Thermal Stabilization]``),
a sign or a card; it stays in the book. (``[TK]`` alone is still a mark.)
A bracketed line the story itself needs in sentence case (a sound effect
``[Ring ring]``, a ``[Transmission ends]`` card) reads exactly like a note; the convention
trusts the writer, and nothing vanishes silently: every note is reported
(W112, with its first words) so ``check`` lists it, and
``[reading] author_notes = false`` keeps such lines in the book.

Placeholders *inside* a sentence (``the [TK] river``, ``in TK years``) are
prose the writer must finish: they stay in the text and are reported too
(:func:`placeholders`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .headings import match_heading
from .paragraphs import Unit
from .scenebreaks import is_scene_break

# Why: the whole-line to-come marks writers and editors use (TK = "to come").
_MARK_ONLY = re.compile(r"(?:TK ?)*TK[.:]?|TODO[.:]?|FIXME[.:]?")
# Why: a line opening with one of these is an instruction to oneself, not prose.
_NOTE_PREFIXES = ("TODO:", "TODO ", "FIXME:", "FIXME ", "NOTE TO SELF:", "TK:")
# Why: upper-case placeholders inside a sentence; \b keeps "TKO" and "Stk" out.
_PLACEHOLDER = re.compile(r"\[TK\]|\b(?:TK)+\b|\bTODO\b|\bFIXME\b")
# Why: how many lines of one block a bracketed note may run over; a longer
# bracketed stretch is more likely prose with a stray bracket.
MAX_NOTE_LINES = 12
# Why: enough of a note to find it in the manuscript, short enough for one line.
EXCERPT_WORDS = 10


def bracket_depth(text: str, depth: int = 0) -> int | None:
    """The bracket depth after ``text`` when it (or the note it continues) is a
    bracketed note: 0 when the note closes on the last character, more when it
    goes on; ``None`` when this is not (part of) one.

    Starting at ``depth`` 0, ``text`` must open with ``[`` (not ``[^``); the
    outermost bracket may close only at the very end.
    """
    if depth == 0 and (not text.startswith("[") or text.startswith("[^")):
        return None
    last = len(text) - 1
    for k, ch in enumerate(text):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0 and k != last:
                return None
    return depth if depth >= 0 else None


def is_note(text: str) -> bool:
    """True if the whole (stripped) paragraph or line is a note to self."""
    if text.startswith("["):
        return bracket_depth(text) == 0 and not _story_message(text) and not _heading(text)
    return bool(_MARK_ONLY.fullmatch(text)) or text.startswith(_NOTE_PREFIXES)


def _heading(text: str) -> bool:
    """A chapter heading or a scene break typed in brackets (``[Chapter 1]``,
    ``[Prologue]``, ``[scene break]``): the book's structure, not a note."""
    if is_scene_break(text):
        return True  # "[scene break]": a writer's placeholder for the divider
    found = match_heading(text)
    return found is not None and (found.label is not None or found.number is not None)


def _story_message(text: str) -> bool:
    """A bracketed line opening in capitals (``[SYSTEM: Level up]``): the story's."""
    inner = text.strip("[] ")
    head = inner.split(":", 1)[0].strip()
    if _MARK_ONLY.fullmatch(head) or head == "NOTE TO SELF":
        return False  # [TK], [TODO: check], [TK: the ship's name]: marks, not messages
    letters = [c for c in head if c.isalpha()]
    # Why: a word or two of capitals before any colon is how status lines, signs and
    # cards are set; notes to self are written as ordinary sentences.
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def split_notes(units: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """Take the notes out of a file's units: ``(prose units, notes)``.

    A bracketed note that runs over several units of one block becomes one
    note. Where a note is taken out, the unit after it inherits its blank
    lines (the wider gap, so a note between paragraphs adds no scene break).
    """
    kept: list[Unit] = []
    notes: list[Unit] = []
    held: Unit | None = None  # the last note taken out before the next kept unit
    k = 0
    while k < len(units):
        unit = units[k]
        end = _note_end(units, k)
        if end == k:
            if held is not None:
                unit.blank_before = unit.blank_before or held.blank_before
                if held.gap > unit.gap:
                    unit.gap, unit.gap_line = held.gap, held.gap_line
                held = None
            kept.append(unit)
            k += 1
            continue
        for part in units[k + 1 : end]:
            unit.extend(part)
        notes.append(unit)
        if held is not None and held.gap > unit.gap:
            unit.gap, unit.gap_line = held.gap, held.gap_line
        unit.blank_before = unit.blank_before or (held is not None and held.blank_before)
        held = unit
        k = end
    return kept, notes


def _note_end(units: list[Unit], k: int) -> int:
    """The index after the note starting at ``units[k]``, or ``k`` if none starts there."""
    text = units[k].text
    if is_note(text):
        return k + 1
    depth = bracket_depth(text)
    if not depth:
        return k  # one unit, judged whole above (a story's "[SYSTEM: Level up]" stays)
    j = k + 1
    while depth and j < len(units) and j - k < MAX_NOTE_LINES and not units[j].blank_before:
        depth = bracket_depth(units[j].text, depth)
        j += 1
    whole = " ".join(unit.text for unit in units[k:j])
    return j if depth == 0 and is_note(whole) else k


def placeholders(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, mark)`` of each to-come mark inside prose (``[TK]``, ``TK``, ``TODO``)."""
    if "TK" not in text and "TODO" not in text and "FIXME" not in text:
        return
    for m in _PLACEHOLDER.finditer(text):
        yield m.start(), m.group()


def excerpt(text: str) -> str:
    """A note's first words, for the message that lists it."""
    words = text.split()
    if len(words) <= EXCERPT_WORDS:
        return " ".join(words)
    return " ".join(words[:EXCERPT_WORDS]) + " …"
