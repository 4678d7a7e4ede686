"""A chapter file's title taken from its name when the file has no heading.

Why: writers who keep one file per chapter often title the file and not the text
(``01 - The Ferry.md``, ``03_Low Water.txt``, ``chapter-02.md``, as Scrivener
and Obsidian export them); each became an untitled chapter (W122).

A name gives a heading only when all of these hold:

* the book has several files, and the file is a chapter of its own: the
  scene-file rule (:func:`compile_book.scenefiles.scene_files`) is asked first,
  on the files as they are, and a scene keeps joining the chapter before it;
* the file holds no heading anywhere (a first paragraph that is the same title
  typed again, ``**The Wake**``, is taken as the heading);
* the name reads as a numbered heading (``chapter-02`` is Chapter 02, ``Epilogue``)
  or is a sort number then a Title Case title (``01 - The Ferry``).

A name without a sort number (``Scene 1``, ``Day 3``, ``the-ferry``), one whose
title is a front page's (``00 - Title Page``, ``Copyright``) or a copy
(``Copy of …``) gives none, and a part's name (``Part 1``) none either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from ..diagnostics import Code, Diagnostic
from ..events import BlockNode, Break, Event, FileEvents, Para, StartChapter, StartPart
from ..locale import get_locale
from ..nodes import ChapterKind, Heading, Source, Text
from ..rules.headings import HeadingMatch, match_heading
from ..rules.markdown import unwrapped
from ..rules.titles import book_title_like, fold

# Why: the sort number a file name opens with ("01 - ", "3_", "12. "), a whole number.
_SORT_NUMBER_RE = re.compile(r"\d{1,4}(?!\d)(?:\s*[-_.)]+\s*|\s+)")
#: Titles of pages that are no chapter: the book makes its own, or they are notes.
_NO_CHAPTER = frozenset(
    {
        *("title page", "title", "half title", "front matter", "back matter", "copyright"),
        *("contents", "table of contents", "toc", "dedication", "epigraph", "notes"),
        *("readme", "outline", "synopsis", "draft", "index", "cover"),
    }
)


def title_of(name: str, language: str = "en") -> Heading | None:
    """The heading a file's name gives its chapter, or ``None``."""
    found = _named(name, language)
    return found[0] if found is not None else None


def _named(name: str, language: str) -> tuple[Heading, ChapterKind] | None:
    """The heading a file's name gives, and the kind of chapter it heads."""
    words = " ".join(PurePath(name).stem.replace("_", " ").split())
    if not words or fold(words).startswith("copy of"):
        return None
    source = Source(name, 1)
    locale = get_locale(language)
    number = _SORT_NUMBER_RE.match(words)
    rest = words[number.end() :].strip(" -") if number else words
    for typed in dict.fromkeys((rest, rest.replace("-", " "))):
        found = match_heading(typed, locale)
        if found is not None and (found.label is not None or found.kind != ChapterKind.CHAPTER):
            heading = _heading(found, source)
            return None if heading is None else (heading, found.kind)
    if number is None or not rest or rest[0].isdigit():
        return None  # no sort number before the words, or a date ("2024-05-01")
    if fold(rest) in _NO_CHAPTER or not book_title_like(rest):
        return None
    if not any(c.isupper() for c in rest):
        return None
    return Heading(source, title=(Text(rest, source),)), ChapterKind.CHAPTER


def _heading(found: HeadingMatch, source: Source) -> Heading | None:
    if found.is_part:
        return None  # a part's file: its chapters come in files of their own
    title = (Text(found.title, source),) if found.title else ()
    return Heading(
        source, found.label, found.number, found.number_text, title, as_typed=found.as_typed
    )


def with_file_titles(
    files: list[FileEvents], scenes: Sequence[bool], language: str = "en"
) -> list[FileEvents]:
    """Each file of a book of several that is a chapter of its own (`scenes`: which
    are scenes of the chapter before) and holds no heading gets the heading its name
    gives (with a note)."""
    if len(files) < 2:
        return files
    return [
        result if scene else _titled(result, language)
        for result, scene in zip(files, scenes, strict=True)
    ]


def _titled(result: FileEvents, language: str) -> FileEvents:
    if any(isinstance(e, StartChapter | StartPart) for e in result.events):
        return result
    first = next((e for e in result.events if isinstance(e, Para | BlockNode | Break)), None)
    if first is None:
        return result
    named = _named(result.name, language)
    if named is None:
        return result
    heading, kind = named
    rest = result.events
    if _repeats(first, heading):
        rest = tuple(e for e in rest if e is not first)  # the title typed again is the heading
    events: list[Event] = [StartChapter(kind, heading, heading.source)]
    note = Diagnostic(
        Code.HEADING_RECOGNISED,
        f"chapter heading taken from the file's name: {PurePath(result.name).stem!r}",
        result.name,
        1,
    )
    return FileEvents(result.name, (*events, *rest), (*result.diagnostics, note))


def _repeats(first: Event, heading: Heading) -> bool:
    """The file's first paragraph is its title typed again ("**The Bell Road**")."""
    if not isinstance(first, Para) or not heading.title:
        return False
    title = heading.title[0]
    return isinstance(title, Text) and fold(unwrapped(first.text.strip())) == fold(title.text)
