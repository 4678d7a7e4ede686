"""The outline of a plain-text file: which classified units are really headings.

:mod:`~compile_book.readers.structure` classifies each unit on its own (a
heading, a break, prose); whether a heading-shaped line *is* one depends on its
neighbours, as an editor reading the whole file decides. The passes here take
the list of classified items and settle that:

* :func:`demote_stray_numbers`: a bare number (``17``, ``IV``) or a numbered
  title (``VII. THE BLUE CARBUNCLE``) is a heading only where it stands
  between blank lines and prose follows it;
* :func:`story_levels`: in a story collection, titled numbered headings with
  bare-numbered sections inside them (``I. A SCANDAL IN BOHEMIA`` then ``I.``,
  ``II.``) are the stories: they become parts, the sections their chapters;
* :func:`caps_titles`: in a file with no heading at all, short ALL-CAPS lines
  set off by a wide gap and followed by prose (``THE FERRYMAN``, ``LOW WATER``:
  a story collection's titles) are its headings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..nodes import ChapterKind
from ..rules.headings import STORY_LABELS, HeadingMatch
from ..rules.paragraphs import Unit
from ..rules.titles import all_caps

#: An ALL-CAPS title line is short: a shouted sentence is longer.
CAPS_TITLE_WORDS = 8
#: Blank lines before an ALL-CAPS title: more than between paragraphs (where a
#: single blank line separates them, two or more mark a new section).
CAPS_TITLE_GAP = 2
#: How many such titles make the pattern: one could be a sign or a shout.
CAPS_TITLES_MIN = 2


@dataclass(slots=True)
class Item:
    """A classified unit: ``kind`` is heading, break, prose or indented."""

    kind: str
    unit: Unit
    heading: HeadingMatch | None = None
    demoted: bool = False
    """A numbered title line kept as prose (worth a heading-like-line warning)."""
    heading_like: bool = False
    """A line shaped like a heading that matched none (warned unless left out)."""


def _bare(h: HeadingMatch | None) -> bool:
    return h is not None and h.label is None and h.markdown_level == 0 and h.title is None


def _numbered_title(h: HeadingMatch | None) -> bool:
    return (
        h is not None
        and h.markdown_level == 0
        and h.number is not None
        and h.title is not None
        and (h.label is None or h.label in STORY_LABELS)
    )


def demote_stray_numbers(items: list[Item]) -> list[Item]:
    """Keep a bare number line ("17", "IV") or a numbered title line as a heading only
    where it can be one.

    It must stand between blank lines (or open the file) and be followed by prose; a
    bare number must also count from 1, in a file that does not use labelled headings
    ("Chapter 3"): a countdown "3 / 2 / 1" inside a scene, or a "0", is prose, and the
    lines of a typed contents list ("I. A Scandal in Bohemia" one under another) are
    not headings. A numbered title is not a heading in a file with ``Chapter 3``
    headings either (there "3. Bread" is a list's line), and after the first one each
    must count on from the one before, or from 1 again after a part heading ("Book the
    Second" then "I. Five Years Later"). Part headings are no labelled chapter headings:
    "BOOK ONE" then "I." (The War of the Worlds), "PART ONE" then "1" (Treasure Island).
    """
    labelled = any(
        it.heading is not None
        and it.heading.label
        and it.heading.label not in STORY_LABELS
        and not it.heading.is_part
        for it in items
    )
    bare_labelled = labelled
    last: int | None = None
    out: list[Item] = []
    for k, it in enumerate(items):
        h = it.heading
        if it.kind == "heading" and h is not None and h.is_part:
            last = None
        bare = _bare(h) and h is not None and h.number is not None
        if bare or _numbered_title(h):
            assert h is not None and h.number is not None
            nxt = items[k + 1] if k + 1 < len(items) else None
            isolated = (it.unit.blank_before or k == 0) and (
                nxt is not None and nxt.unit.blank_before
            )
            if bare:
                stray = bare_labelled or h.number < 1
            else:
                stray = labelled or (last is not None and h.number != last + 1)
            # a story's title may have its first section's number right under it
            followed = nxt is not None and (
                nxt.kind in ("prose", "indented")
                or (not bare and nxt.kind == "heading" and _bare(nxt.heading))
            )
            if stray or not isolated or not followed:
                it = Item("prose", it.unit, demoted=not bare)
            elif not bare:
                last = h.number
        out.append(it)
    return out


def story_levels(items: list[Item]) -> tuple[list[Item], int]:
    """Stories above numbered sections: titled numbered headings become parts where
    bare-numbered headings follow them; returns the items and how many were raised.

    Only when at least one story holds sections: a novel whose chapters are all
    ``IV. THE STORM`` keeps them as chapters.
    """
    titled = [
        k for k, it in enumerate(items) if it.kind == "heading" and _numbered_title(it.heading)
    ]
    if not titled:
        return items, 0
    first = titled[0]
    sections = any(
        it.kind == "heading" and _bare(it.heading) and it.heading is not None
        for it in items[first + 1 :]
    )
    if not sections:
        return items, 0
    out = list(items)
    for k in titled:
        h = out[k].heading
        assert h is not None
        out[k] = Item("heading", out[k].unit, dataclasses.replace(h, is_part=True))
    return out, len(titled)


def caps_titles(items: list[Item], first: bool) -> tuple[list[Item], int]:
    """Headings of a file that has none: ALL-CAPS lines of a few words standing alone
    after a wide gap (or opening a later file), each followed by prose (``THE
    FERRYMAN`` / the story); returns the items and how many were read. At least
    :data:`CAPS_TITLES_MIN` of them, or none: without a heading anywhere, the book
    would be one untitled chapter. The first file's opening line is the book's title."""
    if any(it.kind == "heading" for it in items):
        return items, 0
    found = [k for k in range(len(items)) if (k or not first) and _caps_title(items, k)]
    if len(found) < CAPS_TITLES_MIN:
        return items, 0
    out = list(items)
    for k in found:
        title = " ".join(items[k].unit.text.split())
        match = HeadingMatch(False, ChapterKind.CHAPTER, None, None, None, title)
        out[k] = Item("heading", items[k].unit, match)
    return out, len(found)


def _caps_title(items: list[Item], k: int) -> bool:
    item = items[k]
    text = item.unit.text.strip()
    after = items[k + 1] if k + 1 < len(items) else None
    return (
        item.kind == "prose"
        and len(item.unit.lines) == 1
        and (k == 0 or item.unit.gap >= CAPS_TITLE_GAP)
        and all_caps(text)
        and len(text.split()) <= CAPS_TITLE_WORDS
        and not text.endswith((".", "!", "?", "…", ",", ";", ":", '"', "”"))
        and after is not None
        and after.kind == "prose"
        and not all_caps(after.unit.text)
    )
