"""A labelled header at the top of a manuscript: ``Title: …`` / ``Author: …`` lines.

Why: Scrivener compiles a manuscript to MultiMarkdown with such a header, and
writers type the same lines at the top of a plain-text file (a submission
template, a habit from MultiMarkdown). Read as prose, the lines became the
book's title ("Title: Winter Orchard") and a chapter of "Author: …" text.

It is a header when, from the file's first line up to the first blank line,
every line is ``Key: value`` (a key of one to three words) or, as
MultiMarkdown allows, an indented line continuing the value above, one of the
keys is ``title`` or ``author``, and every key is one a header holds
(:data:`KNOWN_KEYS`): ``Name: / Class: / Title: Shadow Walker`` is a story's
status block. Only the book's first file is read for one. Anything else (a first line of dialogue,
``Note: …`` alone) stays prose. Keys are lower-cased, with ``authors``
read as ``author``; values are kept as typed.
"""

from __future__ import annotations

import re

from ..markers import VOID

FrontValue = str | tuple[str, ...]

# Why: a key is a few words (MultiMarkdown: letters, digits, spaces, - and _), then a colon.
_KEY_LINE_RE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+){0,2})[ \t]*:[ \t]*(.*)")
#: One of these keys must be there: they are what makes the lines a header.
NAMING_KEYS = frozenset({"title", "author", "authors"})
#: Every key must be one a book's header holds (MultiMarkdown's and the book's own):
#: "Name: Mara / Class: Rogue / Title: Shadow Walker" is a story's status block.
KNOWN_KEYS = NAMING_KEYS | frozenset(
    {
        *("subtitle", "date", "lang", "language", "rights", "copyright", "description"),
        *("publisher", "dedication", "epigraph", "keywords", "tags", "series", "isbn"),
        *("genre", "affiliation", "email", "address", "phone", "website", "word count"),
        *("css", "format", "quotes language", "base header level", "html header"),
        *("xhtml header", "latex input", "latex mode", "latex footer", "latex config"),
        *("bibtex", "mmd header", "mmd footer"),
    }
)
#: A header longer than this is not one (a list of labelled facts in the story).
MAX_LINES = 24


def read_labelled(text: str) -> tuple[dict[str, FrontValue], int] | None:
    """The header's keys and values, and how many lines it takes; ``None`` when the
    text does not open with one (see the module docstring)."""
    head = text[: 4096 * 4].split("\n", MAX_LINES + 1)
    meta: dict[str, FrontValue] = {}
    key: str | None = None
    count = 0
    for line in head[: MAX_LINES + 1]:
        if not line.strip() or line == VOID:
            break
        count += 1
        m = _KEY_LINE_RE.fullmatch(line.rstrip())
        if m is not None and not line[0].isspace():
            key = m.group(1).lower()
            key = "author" if key == "authors" else key
            meta[key] = m.group(2).strip()
        elif key is not None and line[0].isspace():
            meta[key] = f"{meta[key]} {line.strip()}".strip()  # MultiMarkdown's continuation
        else:
            return None
    if count == 0 or count > MAX_LINES or not NAMING_KEYS.intersection(meta):
        return None
    if not KNOWN_KEYS.issuperset(meta):
        return None
    if not all(isinstance(v, str) and v for k, v in meta.items() if k in NAMING_KEYS):
        return None
    return meta, count


def blank_labelled(text: str, count: int) -> str:
    """The text with its header's `count` lines made blank (line numbers kept)."""
    lines = text.split("\n", count)
    return "\n" * count + (lines[count] if len(lines) > count else "")
