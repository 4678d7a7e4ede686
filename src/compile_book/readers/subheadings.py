"""Which levels of headings inside chapters are subheadings and which are subtitles.

Why: a heading one level below a chapter's heading is either that chapter's
subtitle ("Chapter 1" over "The Fall") or a subheading over part of the chapter
(a point of view's name, a date, a place: "Elena", "Marcus"). Its position
alone cannot tell: "Chapter 2" may be followed straight away by "Elena" too.
The file's headings of that level, taken together, can. A level holds
subheadings when

* a chapter's first heading of that level does not stand straight under the
  chapter's heading (prose comes first); or
* the headings straight under chapter headings repeat ("Elena" in chapter 1 and
  again in chapter 3), or come back inside other chapters: titles do not.

At any other level, the heading straight under each chapter's heading is its
subtitle, and any others inside the chapter are subheadings.

Shared by the Markdown and Word readers. Linear in the number of headings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from enum import Enum

from ..rules.titles import fold


class Role(Enum):
    """What a heading does for :func:`subheading_levels`."""

    DIVISION = "division"  # a chapter or a part: a new chapter starts
    INNER = "inner"  # a plain heading below the chapter level


def subheading_levels(heads: Iterable[tuple[Role, int, str, bool]]) -> set[int]:
    """The levels whose plain headings are all subheadings.

    `heads` are the file's headings in order, each as ``(role, level, text,
    under)``: `under` tells whether an inner heading stands straight under its
    chapter's heading (nothing but empty lines between them).
    """
    inner: set[int] = set()
    firsts: dict[int, list[str]] = defaultdict(list)  # the first under each chapter heading
    others: dict[int, set[str]] = defaultdict(set)  # the rest
    seen: set[int] = set()  # the levels met in the current chapter
    for role, level, text, under in heads:
        if role is Role.DIVISION:
            seen = set()
            continue
        key = fold(text)
        if level in seen:
            others[level].add(key)
            continue
        seen.add(level)
        if under:
            firsts[level].append(key)
        else:
            inner.add(level)
    for level, texts in firsts.items():
        distinct = set(texts)
        if len(distinct) < len(texts) or distinct & others[level]:
            inner.add(level)
    return inner
