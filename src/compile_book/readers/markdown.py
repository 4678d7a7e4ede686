"""The Markdown reader: ``.md`` manuscripts.

Front matter (``title:``, ``author:``) becomes the book's title and author
when the file opens the book; HTML comments are the writer's notes and stay
out of the book. The rest is read as prose with Markdown headings, like a
plain-text file.
"""

from __future__ import annotations

import dataclasses

from ..diagnostics import Code, Reporter
from ..events import BookAuthor, BookTitle, Event, FileEvents
from ..nodes import Source
from ..rules import markdown
from .structure import Options
from .text import decode_text, structure


def read(name: str, data: bytes, options: Options) -> FileEvents:
    """Read one Markdown manuscript into events."""
    reporter = Reporter()
    prepared = markdown.prepare(decode_text(name, data, reporter))
    meta = prepared.meta
    found: list[Event] = []
    if prepared.front_matter_lines:
        reporter.add(
            Code.FRONT_MATTER_READ, f"front matter read ({', '.join(sorted(meta))})", name, 1
        )
        if options.first:
            if meta.get("title"):
                found.append(BookTitle(meta["title"], Source(name, 1)))
            if meta.get("author"):
                found.append(BookAuthor(meta["author"], Source(name, 1)))
    if prepared.comments:
        reporter.add(
            Code.COMMENTS_LEFT_OUT, f"{prepared.comments} comment(s) left out of the book", name, 1
        )
    has_title = any(isinstance(e, BookTitle) for e in found)
    options = dataclasses.replace(options, has_title=options.has_title or has_title)
    result = structure(name, prepared.text, options, reporter)
    return dataclasses.replace(result, events=(*found, *result.events))
