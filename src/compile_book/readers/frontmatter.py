"""What a manuscript's front matter says: the book's title, authors and metadata.

Markdown's YAML front matter, pandoc's title block and a labelled header
(``Title: …`` / ``Author: …``, :mod:`compile_book.rules.labelled`, in plain
text too) all come here as keys and values. In the first file the keys are
the book's (where ``book.toml`` is silent). A ``title:`` is the book's title
in the first file, unless ``book.toml`` names another, or the keys are a web
page's (``layout:``, ``permalink:``, ``tags:``...: a Jekyll or Hugo site, one
page per chapter) and the body has no heading of its own, or the other files name
their own titles too and this one holds a chapter's text; otherwise it is the
chapter's title when the body has no heading. An ``author:`` that is not a
name (a bio line) is left out, with a note.
"""

from __future__ import annotations

import re

from ..diagnostics import Code, Reporter
from ..events import BookAuthor, BookCover, BookMeta, BookTitle, Event
from ..nodes import Source
from ..rules.images import COVER_TYPES
from ..rules.labelled import FrontValue
from ..rules.titles import by_line, fold
from .structure import Options

#: Front-matter keys of a web page (Jekyll, Hugo, MkDocs): its title is the page's.
PAGE_KEYS = frozenset(
    "layout permalink categories category tags nav_order parent grand_parent weight order "
    "chapter excerpt slug".split()
)

#: Front-matter key -> the book metadata it declares (first file only).
BOOK_KEYS = {
    "lang": "language",
    "language": "language",
    "date": "date",
    "rights": "rights",
    "copyright": "rights",
    "subtitle": "subtitle",
    "description": "description",
    "dedication": "dedication",
    "epigraph": "epigraph",
    "publisher": "publisher",
}
#: Keys naming the cover picture (pandoc's ``cover-image``), a path beside the file.
COVER_KEYS = ("cover-image", "cover_image", "cover")
# Why: what book.toml accepts for language and date; anything else would fail EPUBCheck.
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def front_matter_events(
    name: str,
    meta: dict[str, FrontValue],
    options: Options,
    reporter: Reporter,
    has_heading: bool,
    has_prose: bool = False,
) -> tuple[list[Event], str | None]:
    """The book-level events of a file's front matter, and the chapter title it gives
    (`has_heading`: the file's body has a heading of its own; `has_prose`: text)."""
    found: list[Event] = []
    title = _text(meta.get("title"))
    src = Source(name, 1)
    chapter_title: str | None = None
    if title:
        configured = options.title
        if configured is not None:
            book_title = fold(configured) == fold(title)
        else:
            # A web page's title is its chapter's, unless the page heads its own
            # chapters (an Obsidian note tagged ``tags:`` holding the whole book).
            book_title = has_heading or not PAGE_KEYS.intersection(meta)
            # Every file naming its own title: a first file holding a chapter's text
            # is titled like the rest (a title page holding only the title is the book's).
            book_title = book_title and not (
                options.titled_siblings and has_prose and not has_heading
            )
        if options.first and book_title:
            found.append(BookTitle(title, src))
        else:
            chapter_title = title
    if not options.first:
        return found, chapter_title
    for author in _authors(meta.get("author") or meta.get("authors"), name, reporter):
        found.append(BookAuthor(author, src))
    found.extend(_cover(name, meta, reporter))
    for key, field in BOOK_KEYS.items():
        value = _text(meta.get(key))
        if not value:
            continue
        if field == "language" and not _LANGUAGE.fullmatch(value):
            continue
        if field == "date":
            m = _DATE.match(value)
            if m is None:
                continue
            value = m.group()
        found.append(BookMeta(field, value, src))
    return found, chapter_title


def _text(value: FrontValue | None) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(value).strip()
    return value.strip()


def _authors(value: FrontValue | None, name: str, reporter: Reporter) -> list[str]:
    """The authors' names from ``author:`` or ``authors:`` (one or a list)."""
    if not value:
        return []
    names = value if isinstance(value, tuple) else (value,)
    return [n for n in (_author(typed.strip(), name, reporter) for typed in names) if n]


def _author(typed: str, name: str, reporter: Reporter) -> str | None:
    """One author's name; a bio line ("Ned McQueen, detective author") gives the name
    before its comma, anything else nothing (with a note)."""
    person = by_line(f"by {typed}")
    if person is not None:
        return person
    head, _, rest = typed.partition(",")
    person = by_line(f"by {head.strip()}") if rest else None
    if person is not None:
        reporter.add(
            Code.FRONT_MATTER_READ,
            f"front matter author {typed!r}: the name {person!r} used, {rest.strip()!r} left out",
            name,
            1,
        )
        return person
    reporter.add(
        Code.FRONT_MATTER_READ,
        f"front matter author {typed!r} is not a name; left out (set authors in book.toml)",
        name,
        1,
    )
    return None


def _cover(name: str, meta: dict[str, FrontValue], reporter: Reporter) -> list[Event]:
    """The cover picture the front matter names, read beside the manuscript."""
    target = next((_text(meta.get(key)) for key in COVER_KEYS if meta.get(key)), "")
    if not target:
        return []
    from .markdown import media  # here: the Markdown reader imports this module

    loaded = media.load(name, target)
    if loaded.image is None:
        reporter.add(
            Code.IMAGE_LEFT_OUT, f"cover {media.shown(target)!r}: {loaded.problem}", name, 1
        )
        return []
    if loaded.image.media_type not in COVER_TYPES:
        reporter.add(
            Code.IMAGE_LEFT_OUT,
            f"cover {media.shown(target)!r}: a cover must be a JPEG or PNG picture",
            name,
            1,
        )
        return []
    return [BookCover(loaded.image, Source(name, 1))]
