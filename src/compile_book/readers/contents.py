"""A typed contents list whose entries name the book's chapters by their titles, most
of them: the shape classic texts print.

:func:`~compile_book.readers.apparatus.find_contents` leaves out a list only when
*every* entry names a heading the reader recognised. Old books' lists are looser: a
``BOOK ONE.—THE COMING OF THE MARTIANS`` part line, an entry wrapped onto a second
line, a misprint (``VI.`` for ``IV.``), dot leaders and page numbers; and the
chapters they name may be typed as a number line over a title line the reader
keeps as prose. Read as prose the list became an untitled first chapter of lines
warned as headings (W106).

So, under a ``Contents`` line (:func:`find_named_contents`): the blocks after it
whose lines, folded (case, punctuation, dashes, a leading label and number, a
trailing page number), mostly repeat a line standing alone *later* in the file (a
heading's title, a title line, a heading) are the list. Each block of the list must
name at least one; a block naming none ends it, and so does the first heading no
later line repeats. At least :data:`MIN_NAMED` entries must name, and more than
half of all its lines. A line only counts a match when the same words stand alone
further on, so prose under a ``Contents`` line (which no later line repeats) stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..rules.numbers import parse_number
from ..rules.titles import fold
from .apparatus import COLUMN_HEADS, Contents, contents_title, repeated_headings, unit_lines
from .outline import Item

#: A list names at least this many later lines.
MIN_NAMED = 2
#: How far into the file a contents line may stand when no heading bounds the front.
FRONT_ITEMS = 60
#: A later line that a list entry may name is a short one: a title, not prose.
KEY_MAX_WORDS = 16
_PUNCT_RE = re.compile(r"[^\w\s]")
_LEADERS_RE = re.compile(r"(?:[\s.…·]*\s\d{1,4}|[\s.…·]+)$")
_LABELS = frozenset({"chapter", "part", "book", "section", "volume", "adventure", "story"})


def variants(line: str) -> set[str]:
    """The ways a line may name a chapter: its words folded, without a leading label
    (``Book``), without a leading number too (``ONE``, ``IV``, ``7``), and without a
    trailing page number or dot leaders; never a number alone."""
    bare = _LEADERS_RE.sub("", line.strip())
    words = " ".join(_PUNCT_RE.sub(" ", fold(bare)).split()).split()
    found = {" ".join(words)}
    if words and words[0] in _LABELS:
        words = words[1:]
        found.add(" ".join(words))
    if len(words) > 1 and parse_number(words[0]) is not None:
        found.add(" ".join(words[1:]))
    return {v for v in found if v and parse_number(v) is None}


def _later_keys(items: Sequence[Item], start: int) -> dict[str, int]:
    """Each key of a short line standing alone (a heading, a one-line paragraph), with
    the last item it stands in."""
    last: dict[str, int] = {}
    for k in range(start, len(items)):
        item = items[k]
        if item.kind not in ("heading", "prose") or len(item.unit.lines) != 1:
            continue
        text = item.unit.text
        if len(text.split()) > KEY_MAX_WORDS:
            continue
        keys = variants(text)
        h = item.heading
        if h is not None and h.title:
            keys |= variants(h.title)
        for key in keys:
            last[key] = k
    return last


def find_named_contents(
    items: Sequence[Item],
    start: int,
    indented: Callable[[Item], list[str]] | None = None,
) -> Contents | None:
    """A contents list under a ``Contents`` line at the front whose entries mostly name
    a line standing alone later (see the module docstring), or ``None``."""
    repeated = repeated_headings(items, start)
    first = next(
        (k for k in range(start, len(items)) if items[k].kind == "heading" and k not in repeated),
        min(len(items), start + FRONT_ITEMS),
    )
    title = next(
        (k for k in range(start, min(first, start + FRONT_ITEMS)) if _titled(items[k], indented)),
        None,
    )
    if title is None:
        return None
    last = _later_keys(items, title + 1)
    # an indented group may hold the list under its title (the title its first line)
    under = (_entry_lines(items[title], indented) or [])[1:]
    lines, named = len(under), _hits(under, last, title)
    end = title + 1
    while end < len(items) and (end < first or end in repeated):
        entry = _entry_lines(items[end], indented)
        if entry is None:
            break
        # a part line a later heading repeats by its number names it
        hits = len(entry) if end in repeated else _hits(entry, last, end)
        if entry and not hits and (items[end].unit.blank_before or items[end].kind != "prose"):
            break
        lines, named, end = lines + len(entry), named + hits, end + 1
    if named < MIN_NAMED or 2 * named <= lines:
        return None
    return Contents(title, end, lines, lines - named, loose=True)


def _titled(item: Item, indented: Callable[[Item], list[str]] | None) -> bool:
    """A ``Contents`` line alone, or opening an indented group."""
    if item.kind == "prose" and len(item.unit.lines) == 1:
        return contents_title(item.unit.text)[0]
    if item.kind == "indented" and indented is not None:
        lines = indented(item)
        return bool(lines) and contents_title(lines[0])[0]
    return False


def _hits(entry: list[str], last: dict[str, int], at: int) -> int:
    """How many of an entry's lines name a line standing alone after item ``at``."""
    return sum(any(last.get(v, -1) > at for v in variants(x)) for x in entry)


def _entry_lines(item: Item, indented: Callable[[Item], list[str]] | None) -> list[str] | None:
    """An item's lines as a list's entries (column heads left out); ``None`` for what
    no list holds (a scene break)."""
    if item.kind == "indented" and indented is not None:
        entry = indented(item)
    elif item.kind in ("prose", "heading"):
        entry = unit_lines(item.unit)
    else:
        return None
    return [x for x in entry if fold(x).strip(".:") not in COLUMN_HEADS]
