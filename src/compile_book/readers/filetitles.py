"""A chapter file's title taken from its name when the file has no heading.

Why: writers who keep one file per chapter often title the file and not the text
(``01 - The Ferry.md``, ``03_Low Water.txt``, ``chapter-02.md``, as Scrivener
and Obsidian export them); each became an untitled chapter (W122). A name
gives a title only in a book of several files, only when the file holds no
heading of its own, and only when, its leading number and separators taken
off, it reads as a heading (``chapter-02`` is Chapter 2) or a Title Case title
(``The Ferry``). ``day-01``, ``scene3`` and ``draft`` give none: such files stay
scenes or untitled chapters, as before.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ..diagnostics import Code, Diagnostic
from ..events import BlockNode, Break, Event, FileEvents, Para, StartChapter, StartPart
from ..locale import get_locale
from ..nodes import ChapterKind, Heading, Source, Text
from ..rules.headings import match_heading
from ..rules.titles import book_title_like

# Why: the sort number a file name opens with ("01 - ", "3_", "12. ").
_LEADING_NUMBER_RE = re.compile(r"\d{1,4}\s*[-_.)]*\s*")


def title_of(name: str, language: str = "en") -> Heading | None:
    """The heading a file's name gives its chapter, or ``None``."""
    stem = PurePath(name).stem
    words = " ".join(stem.replace("_", " ").split())
    if not words:
        return None
    source = Source(name, 1)
    locale = get_locale(language)
    found = match_heading(words, locale) or match_heading(words.replace("-", " "), locale)
    if found is not None and (found.label is not None and found.number is not None):
        title = (Text(found.title, source),) if found.title else ()
        return Heading(source, found.label, found.number, found.number_text, title)
    rest = _LEADING_NUMBER_RE.sub("", words, count=1).strip(" -")
    if rest == words and not _spaced(rest):
        return None  # no sort number and no spaces: a slug ("the-ferry"), not a title
    if not rest or not book_title_like(rest) or not any(c.isupper() for c in rest):
        return None
    return Heading(source, title=(Text(rest, source),))


def _spaced(text: str) -> bool:
    return " " in text


def with_file_titles(files: list[FileEvents], language: str = "en") -> list[FileEvents]:
    """Each file of a book of several that opens its text with no heading gets the
    title its name gives (with a note), as a chapter heading before its text."""
    if len(files) < 2:
        return files
    return [_titled(result, language) for result in files]


def _titled(result: FileEvents, language: str) -> FileEvents:
    kinds = Para | BlockNode | Break | StartChapter | StartPart
    first = next((e for e in result.events if isinstance(e, kinds)), None)
    if first is None or isinstance(first, StartChapter | StartPart):
        return result
    heading = title_of(result.name, language)
    if heading is None:
        return result
    events: list[Event] = [StartChapter(ChapterKind.CHAPTER, heading, heading.source)]
    note = Diagnostic(
        Code.HEADING_RECOGNISED,
        f"chapter heading taken from the file's name: {PurePath(result.name).stem!r}",
        result.name,
        1,
    )
    return FileEvents(result.name, (*events, *result.events), (*result.diagnostics, note))
