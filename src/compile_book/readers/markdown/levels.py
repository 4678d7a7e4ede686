"""Which Markdown heading level heads the chapters, and what the other levels are.

Why: writers use Markdown's levels in three ways. ``#`` parts over ``##``
chapters; ``#`` chapters with a ``##`` subtitle under each; and ``#`` chapters
holding ``##`` subheadings (a point of view's name, a date, a place) over
stretches of the chapter. A heading's level alone cannot tell these apart, but
the file's headings together can. Before this, every ``##`` subheading began a
chapter of its own, and a plain ``#`` over a ``## Chapter 1`` was an empty
chapter, not a part.

* The chapter level is the shallowest level holding a heading that names a
  chapter ("Chapter 3", "Prologue", "Acknowledgments"). Without one, it is the
  shallowest level of the file.
* A plain heading above that level, with a heading straight under it, is a part
  (``# The Early Years`` over ``## Chapter 1``).
* A plain heading below that level, after the file's first chapter heading, is
  a :class:`~compile_book.nodes.Subheading` inside the chapter, except the one
  straight under a chapter's heading at a level that holds subtitles (the
  arranger makes it the chapter's subtitle, as before). Which levels hold
  subheadings is :mod:`compile_book.readers.subheadings`' to say.

Headings that name a chapter or a part keep their meaning at any level. This is
linear: one pass to find the levels, one to rewrite the items.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from ...nodes import ChapterKind, Subheading
from ...rules.headings import HeadingMatch
from ..subheadings import Role, subheading_levels
from .items import Blk, Head, Item


def arrange_levels(items: list[Item], start: int = 0) -> list[Item]:
    """`items` with plain headings above the chapter level made parts and those below
    it made subheadings (the items before `start`, the book's title, are left)."""
    level = chapter_level(items[start:])
    if level is None:
        return items
    inner = subheading_levels(_roles(items, start, level))
    out = items[:start]
    in_chapter = False
    for k in range(start, len(items)):
        item = items[k]
        if isinstance(item, Head) and item.found.markdown_level:
            found = item.found
            depth = found.markdown_level
            if plain(found) and depth < level and heads_next(items, k):
                item = dataclasses.replace(item, found=dataclasses.replace(found, is_part=True))
            elif plain(found) and depth > level and in_chapter:
                if depth in inner or not _chapter_head(items[k - 1], level):
                    out.append(Blk(Subheading(item.whole, item.source.plain())))
                    continue
                # else: the chapter's subtitle, which the arranger takes with its heading
            elif _chapter_head(item, level):
                in_chapter = True
        out.append(item)
    return out


def _roles(items: list[Item], start: int, level: int) -> Iterator[tuple[Role, int, str, bool]]:
    """The file's headings for :func:`~compile_book.readers.subheadings.subheading_levels`."""
    previous: Item | None = None
    for item in items[start:]:
        if isinstance(item, Head) and item.found.markdown_level:
            depth = item.found.markdown_level
            if depth <= level or not plain(item.found):
                yield Role.DIVISION, depth, "", False
            else:
                yield Role.INNER, depth, item.typed, _chapter_head(previous, level)
        previous = item


def _chapter_head(item: Item | None, level: int) -> bool:
    """A heading that starts a chapter: at the chapter level or above, or naming one."""
    if not isinstance(item, Head) or item.found.is_part or not item.found.markdown_level:
        return False
    return item.found.markdown_level <= level or _names_chapter(item.found)


def chapter_level(items: list[Item]) -> int | None:
    """The level of the file's chapter headings; ``None`` when it uses one level or none."""
    levels = {
        it.found.markdown_level for it in items if isinstance(it, Head) and it.found.markdown_level
    }
    if len(levels) < 2:
        return None
    named = [
        it.found.markdown_level
        for it in items
        if isinstance(it, Head) and it.found.markdown_level and _names_chapter(it.found)
    ]
    return min(named) if named else min(levels)


def plain(found: HeadingMatch) -> bool:
    """A heading that names no chapter and no part: only its words ("Elena", "Monday")."""
    return found.label is None and not found.is_part and found.kind is ChapterKind.CHAPTER


def _names_chapter(found: HeadingMatch) -> bool:
    """ "Chapter 3", "3. The Lake", "Prologue", "Acknowledgments": a chapter by its words."""
    if found.is_part:
        return False
    named = found.label is not None or found.number is not None
    return named or found.kind is not ChapterKind.CHAPTER


def heads_next(items: list[Item], k: int) -> bool:
    """Whether a deeper heading comes straight after the heading at `k`."""
    nxt = items[k + 1] if k + 1 < len(items) else None
    return (
        isinstance(nxt, Head) and nxt.found.markdown_level > items[k].found.markdown_level  # type: ignore[union-attr]
    )
