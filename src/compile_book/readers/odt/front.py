"""The top of a file: a Standard Manuscript Format block, the book's title and author.

**Standard Manuscript Format** (:mod:`compile_book.rules.manuscript_format`)
puts an editor's block over the title: when a word count stands among the
first paragraphs, the short paragraphs from the top down to the title (the
first centred, title-styled or heading paragraph) are left out, and reported.

The **title block** of the first file is read like a ``.txt`` file's: a
paragraph in the Title style (or a first short Title Case line, or the
title ``book.toml`` names), then a Subtitle-styled paragraph, then a ``by``
line or the Author-styled paragraphs (pandoc writes one per author), then a
Date-styled calendar date (``2024-03-02``), the book's date.
"""

from __future__ import annotations

from collections.abc import Callable

from ...events import BookAuthor, BookMeta, BookTitle, Event
from ...nodes import Source
from ...rules.manuscript_format import CONTACT_RE, LINE_MAX, MAX_LINES, WORD_COUNT_RE
from ...rules.titles import book_title_like, by_line, date_line, fold
from .blocks import Item, ParaItem
from .styles import Role


def smf_block(items: list[Item]) -> int:
    """How many items at the top form a manuscript-format contact block (0 if none)."""
    head: list[ParaItem] = []
    for item in items[:MAX_LINES]:
        if not isinstance(item, ParaItem) or _title_like(item):
            break
        head.append(item)
    counts = [k for k, it in enumerate(head) if WORD_COUNT_RE.search(it.text)]
    if not counts:
        return 0
    end = len(head)
    for k, item in enumerate(head):
        if len(item.text) > LINE_MAX:
            end = k
            break
    if end <= counts[0]:
        return 0
    if end == len(head) and len(head) == min(len(items), MAX_LINES):
        # no title found: stop at the last word count, email or phone line
        marks = [k for k, it in enumerate(head[:end]) if k in counts or CONTACT_RE.search(it.text)]
        end = marks[-1] + 1
    return end


def _subtitle(items: list[Item], k: int) -> bool:
    """Item `k` is a subtitle: Subtitle-styled, or a title-like line of its own over a
    ``by`` line ("A Novel", typed without the style)."""
    item = items[k]
    if not isinstance(item, ParaItem):
        return False
    if item.role is Role.SUBTITLE:
        return True
    after = items[k + 1] if k + 1 < len(items) else None
    return (
        item.role is Role.BODY
        and item.one_line
        and book_title_like(item.text)
        and isinstance(after, ParaItem)
        and by_line(after.text) is not None
    )


def _title_like(item: ParaItem) -> bool:
    return item.style.centred or item.role in (Role.TITLE, Role.HEADING, Role.SUBTITLE)


def title_block(
    items: list[Item],
    name: str,
    configured: str | None,
    events: list[Event],
    is_heading: Callable[[str], bool],
) -> tuple[int, list[tuple[str, str, int]]]:
    """Title, subtitle and author events from the top of the first file.

    ``is_heading`` tells a heading or divider line (``Chapter 1``, ``17``, ``***``),
    which is never the title. Returns how many items were used, and ``(what, text,
    paragraph)`` for each recognition, to report.
    """
    found: list[tuple[str, str, int]] = []
    first = items[0] if items else None
    if not isinstance(first, ParaItem) or len(items) < 2:
        return 0, found
    text = first.text
    if first.role is Role.TITLE:
        pass
    elif first.role is Role.BODY and first.one_line and not is_heading(text):
        same = configured is not None and fold(configured) == fold(text)
        if not (same or (configured is None and book_title_like(text))):
            return 0, found
    else:
        return 0, found
    events.append(BookTitle(text, Source(name, first.n)))
    found.append(("title", text, first.n))
    used = 1
    nxt = items[used] if used < len(items) else None
    if isinstance(nxt, ParaItem) and by_line(nxt.text) is None and _subtitle(items, used):
        events.append(BookMeta("subtitle", nxt.text, Source(name, nxt.n)))
        found.append(("subtitle", nxt.text, nxt.n))
        used += 1
    styled = False  # after an Author-styled paragraph, only more of them are authors
    while used + 1 < len(items):
        nxt = items[used]
        if not isinstance(nxt, ParaItem) or not nxt.one_line:
            break
        author = None if styled else by_line(nxt.text)
        if author is None and nxt.role is Role.AUTHOR:
            author, styled = nxt.text, True
        if not author:
            break
        events.append(BookAuthor(author, Source(name, nxt.n)))
        found.append(("author", author, nxt.n))
        used += 1
        if not styled:
            break  # one "by" line names them all
    nxt = items[used] if used + 1 < len(items) else None
    date = date_line(nxt.style.name, nxt.text) if isinstance(nxt, ParaItem) else None
    if isinstance(nxt, ParaItem) and date is not None:
        events.append(BookMeta("date", date, Source(name, nxt.n)))
        found.append(("date", date, nxt.n))
        used += 1
    return used, found
