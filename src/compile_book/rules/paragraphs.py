"""Paragraph styles: which line breaks end a paragraph and which are only wrapping.

Detected per file, because one writer's files differ:

* **one paragraph per line** (no blank lines, or blank lines only between
  scenes): every line is a paragraph;
* **blank-line separated**: each block between blank lines is a paragraph;
* **hard-wrapped** (lines broken at about 60-100 columns by an editor or
  email client): lines inside a block are joined with a space; a short line
  ending a sentence still ends its paragraph;
* **indented first line**: an indented line starts a new paragraph, its
  unindented continuation lines are joined to it.

Headings, scene-break lines and notes to self always stand alone, whatever
the style. The output is a list of :class:`Unit`: a candidate paragraph with a
map from offsets in its text back to source lines and columns, and the blank
lines that came before it (:attr:`Unit.gap`).

Blank lines can also mark scene breaks (:func:`blank_line_breaks`): in a file
whose paragraphs are separated by no blank line or by one, a wider gap between
two paragraphs is a break, as a writer who pressed Enter twice meant it.

A line holding only :data:`VOID` (where a comment was taken out) is neither
text nor blank: it keeps line numbers right and changes nothing else.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import markers
from ..record import record

# Why: editors and mail clients wrap between 60 and 80 columns; 100 leaves room
# for long words while excluding the long lines of one-paragraph-per-line files,
# and below 40 a block of short lines is a list, a poem or a title, not wrapping.
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 100
# Why: in wrapped text nearly every inner line is filled close to the width.
FILLED_LINE_RATIO = 0.6
WRAPPED_SHARE = 0.7
# Why: wrapping breaks lines at arbitrary words, so most wrapped lines end mid-sentence;
# in one-paragraph-per-line text nearly every line ends a sentence.
MAX_SENTENCE_END_SHARE = 0.45
# Why: a line this much shorter than the wrap width may end a paragraph (a longer one
# ending a sentence is wrapping that happened to fall there).
SHORT_LINE_RATIO = 0.7
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = tuple('.!?"”’…:)')
# Why: scene breaks are rare; where more than one paragraph boundary in four is
# wider than the file's usual spacing, the spacing is irregular, not a convention.
MAX_BREAK_SHARE = 0.25
#: A line holding only this marker was taken out (a comment): see :mod:`..markers`.
VOID = markers.VOID


@dataclass(slots=True)
class Line:
    """One non-normalised source line: number, whether indented, stripped text, indent width."""

    no: int
    indent: int
    text: str
    alone: bool = False
    void: bool = False


@dataclass(slots=True, init=False)
class Unit:
    """A candidate block: one or more source lines joined with spaces.

    The text is kept as pieces and joined when it is read, so that joining the
    forty thousand lines of one hard-wrapped paragraph costs linear time, not a
    copy of the growing paragraph per line; :meth:`end` reads its last
    characters without joining.
    """

    starts: list[int]
    lines: list[int]
    cols: list[int]
    blank_before: bool
    gap: int
    """Blank lines right before this unit (0 inside a block)."""
    gap_line: int
    """The first of those blank lines."""
    _pieces: list[str]
    _size: int

    def __init__(
        self,
        text: str,
        starts: list[int] | None = None,
        lines: list[int] | None = None,
        cols: list[int] | None = None,
        blank_before: bool = True,
        gap: int = 0,
        gap_line: int = 0,
    ) -> None:
        self._pieces = [text]
        self._size = len(text)
        self.starts = [] if starts is None else starts
        self.lines = [] if lines is None else lines
        self.cols = [] if cols is None else cols
        self.blank_before = blank_before
        self.gap = gap
        self.gap_line = gap_line

    @property
    def text(self) -> str:
        if len(self._pieces) > 1:
            self._pieces = ["".join(self._pieces)]
        return self._pieces[0]

    @text.setter
    def text(self, value: str) -> None:
        self._pieces = [value]
        self._size = len(value)

    def end(self, n: int) -> str:
        """The last ``n`` characters of the text (fewer if it is shorter)."""
        out = ""
        for piece in reversed(self._pieces):
            out = piece[-(n - len(out)) :] + out
            if len(out) >= n:
                break
        return out

    @property
    def line(self) -> int:
        return self.lines[0]

    def position(self, offset: int) -> tuple[int, int]:
        """Source ``(line, col)`` of an offset into ``text`` (1-based)."""
        k = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.lines[k], offset - self.starts[k] + self.cols[k]

    def extend(self, other: Unit, sep: str = " ") -> None:
        base = self._size + len(sep)
        self._pieces.append(sep)
        self._pieces.extend(other._pieces)
        self._size = base + other._size
        self.starts.extend(base + s for s in other.starts)
        self.lines.extend(other.lines)
        self.cols.extend(other.cols)


def split_lines(text: str) -> list[Line]:
    """Split decoded text into lines, recording indentation (tabs count as 4).

    A :data:`VOID` line comes out ``void``: not text, and not a blank line either."""
    out = []
    for no, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped == VOID:
            out.append(Line(no, 0, "", void=True))
            continue
        indent = len(raw) - len(raw.lstrip()) if stripped else 0
        out.append(Line(no, indent, stripped))
    return out


@record
class Style:
    name: str
    wrap_width: int = 0
    indented: bool = False


def detect_style(blocks: list[list[Line]]) -> Style:
    """Decide how this file marks paragraphs, from the blocks between blank lines.

    Lines marked ``alone`` (headings, scene breaks) say nothing about the style.
    """
    blocks = [[ln for ln in b if not ln.alone] for b in blocks]
    multi = [b for b in blocks if len(b) > 1]
    if not multi:
        return Style("blank-line separated")
    indented = _uses_indents(multi)
    inner: list[Line] = []
    for block in multi:
        for this, nxt in itertools.pairwise(block):
            if not (indented and nxt.indent):
                inner.append(this)
    if inner:
        lengths = sorted(len(ln.text) for ln in inner)
        width = lengths[int(0.9 * (len(lengths) - 1))]
        # A line broken after a hyphenated word part ("com-") is a wrap point too.
        filled = [
            ln
            for ln in inner
            if len(ln.text) >= FILLED_LINE_RATIO * width or _HYPHEN_END.search(ln.text)
        ]
        # Sentence ends are counted on filled lines only: short lines of dialogue end
        # sentences in wrapped text too.
        sentence_ends = sum(1 for ln in filled if ln.text.endswith(_SENTENCE_END))
        if (
            MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH
            and len(filled) >= WRAPPED_SHARE * len(inner)
            and sentence_ends <= MAX_SENTENCE_END_SHARE * len(filled)
        ):
            name = "indented first lines, hard-wrapped" if indented else "hard-wrapped"
            return Style(name, width, indented)
    if indented:
        return Style("indented first lines", 0, True)
    if len(blocks) == 1 or all(len(b) > 1 for b in blocks):
        return Style("one paragraph per line")
    return Style("one paragraph per line, blank lines between some")


def _uses_indents(multi: list[list[Line]]) -> bool:
    # Why: indentation is a paragraph signal only if some lines are indented and
    # others not; a file indented throughout (pasted from email) carries no signal.
    inner_indented = sum(1 for b in multi for ln in b[1:] if ln.indent)
    flush = sum(1 for b in multi for ln in b if not ln.indent)
    return inner_indented >= 1 and flush >= 1


def build_units(
    lines: list[Line], standalone: Callable[[str], bool]
) -> tuple[list[Unit], Style, int]:
    """Group lines into units per the detected style; return units, style, lines unwrapped.

    ``standalone`` is asked about every line with text: a line it accepts (a
    heading, a divider, a note) is a unit of its own."""
    blocks, gaps = _blocks(lines, standalone)
    style = detect_style(blocks)
    units: list[Unit] = []
    unwrapped = 0
    for block, (gap, gap_line) in zip(blocks, gaps, strict=True):
        open_unit: Unit | None = None
        for i, ln in enumerate(block):
            unit = Unit(ln.text, [0], [ln.no], [ln.indent + 1], blank_before=(i == 0))
            if i == 0:
                unit.gap, unit.gap_line = gap, gap_line
            alone = ln.alone
            if (
                open_unit is not None
                and not alone
                and style.wrap_width
                and not (style.indented and ln.indent)
                and not _ends_paragraph(
                    open_unit.end(1), block[i - 1].text, ln.text, style.wrap_width
                )
            ):
                # A line broken after a hyphen ("half-" / "hidden") joins without a space.
                prev = open_unit.end(2)
                glued = prev.endswith("-") and prev[-2:-1].isalpha() and ln.text[:1].isalpha()
                open_unit.extend(unit, "" if glued else " ")
                unwrapped += 1
                continue
            units.append(unit)
            open_unit = None if alone else unit
    return units, style, unwrapped


def _blocks(
    lines: list[Line], standalone: Callable[[str], bool]
) -> tuple[list[list[Line]], list[tuple[int, int]]]:
    """The blocks of lines between blank lines, and before each its ``(gap, gap_line)``.

    A void line splits a run of blank lines without adding to it: the gap is the
    wider side, so a comment between two single blank lines leaves a gap of one.
    """
    blocks: list[list[Line]] = []
    gaps: list[tuple[int, int]] = []
    current: list[Line] = []
    blank = widest = start = widest_start = 0
    for ln in lines:
        if ln.void:
            if blank > widest:
                widest, widest_start = blank, start
            blank = 0
        elif ln.text:
            ln.alone = ln.alone or standalone(ln.text)
            if ln.alone and current and _ends_a_sentence_here(current[-1].text, ln.text):
                ln.alone = False
            if not current:
                gaps.append((blank, start) if blank > widest else (widest, widest_start))
            current.append(ln)
            blank = widest = 0
        else:
            if blank == 0:
                start = ln.no
            blank += 1
            if current:
                blocks.append(current)
                current = []
    if current:
        blocks.append(current)
    return blocks, gaps


# Why: "said\nI." in wrapped prose is the end of a sentence, not a section number.
_BARE_NUMBER = re.compile(r"(?:\d{1,3}|[IVXLC]{1,7})\.?")


def _ends_a_sentence_here(previous: str, line: str) -> bool:
    """A number line right under a line that stops mid-sentence finishes that sentence."""
    return bool(_BARE_NUMBER.fullmatch(line)) and previous[-1:].isalpha()


def _ends_paragraph(unit_end: str, last_line: str, next_line: str, width: int) -> bool:
    """A sentence ending on a line the next line's first word would have fitted on: the
    writer broke the line, not the wrapping (a short line that ends a sentence only
    because the next word was long is wrapping, and stays in its paragraph)."""
    if not unit_end.endswith(_SENTENCE_END) or len(last_line) >= SHORT_LINE_RATIO * width:
        return False
    word = next_line.split(maxsplit=1)[0] if next_line else ""
    return len(last_line) + 1 + len(word) <= width


# Why: a paragraph ending in a colon ("These were its contents:", "my father:--")
# announces what follows (a letter, verse, a notice); the blank lines around what it
# announces set that apart, they do not end a scene.
_ANNOUNCES_RE = re.compile(r":[\s*_]*(?:-{1,3}|[—–])?[\s*_]*$")


def announces(text: str) -> bool:
    """The paragraph ends in a colon: what follows belongs to it, not to a new scene."""
    return _ANNOUNCES_RE.search(text[-12:]) is not None


def blank_line_breaks(gaps: Sequence[int | None]) -> tuple[list[int], int]:
    """Which paragraph boundaries blank lines mark as scene breaks, and the usual spacing.

    ``gaps[k]`` is the number of blank lines between paragraph ``k - 1`` and
    paragraph ``k``, or ``None`` where something else (a heading, a divider, a
    title) stands between them. The file's spacing is the most common gap (the
    smaller on a tie). Where it is 0 or 1, a wider gap is a break, provided:

    * such gaps are rare (at most :data:`MAX_BREAK_SHARE` of the boundaries);
    * with paragraphs one per line, no scene would be a single paragraph: a
      lone line between blank lines is a title, a sign or a message set apart,
      and blank lines used that way are layout, not breaks.

    A file that separates its paragraphs by two or more blank lines has none.
    """
    counted = Counter(g for g in gaps if g is not None)
    if not counted:
        return [], 0
    spacing = min(counted, key=lambda g: (-counted[g], g))
    wide = [k for k, g in enumerate(gaps) if g is not None and g > spacing]
    if spacing > 1 or not wide or len(wide) > MAX_BREAK_SHARE * counted.total():
        return [], spacing
    if spacing == 0 and _lone_scene(gaps, set(wide)):
        return [], spacing
    return wide, spacing


def _lone_scene(gaps: Sequence[int | None], wide: set[int]) -> bool:
    """True if some scene that a ``wide`` boundary opens or closes holds one paragraph."""
    size = 0
    opened_wide = False
    for k, gap in enumerate(gaps):
        if gap is None or k in wide:
            if size == 1 and (opened_wide or k in wide):
                return True
            size, opened_wide = 0, k in wide
        size += 1
    return size == 1 and opened_wide
