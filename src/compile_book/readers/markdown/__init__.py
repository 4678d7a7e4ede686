"""The Markdown reader: ``.md`` manuscripts, parsed as CommonMark.

The file is decoded and cleaned like a plain-text manuscript; its front matter
and HTML comments are taken out (:mod:`compile_book.rules.markdown`); the rest
is parsed by markdown-it-py (:mod:`.parse`), its blocks and inlines become
items and tree nodes (:mod:`.blocks`, :mod:`.inline`, :mod:`.special`), and the
manuscript rules every reader shares are applied on top (:mod:`.arrange`).

Front matter (``title``, ``author``, ``lang``, ``date``, ``rights``,
``subtitle``, ``description``): in the first file its keys are the book's
(where ``book.toml`` is silent). A ``title:`` is the book's title in the first
file, unless ``book.toml`` names another or the keys are a web page's
(``layout:``, ``permalink:``...: a Jekyll or Hugo site, one page per chapter);
in any other case it is the chapter's title when the body has no heading. An
``author:`` that is not a name (a bio line) is left out, with a note.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ...diagnostics import Code, Reporter
from ...events import BookAuthor, BookMeta, BookTitle, Event, FileEvents
from ...locale import get_locale
from ...nodes import Source
from ...rules.markdown import FrontValue, prepare, protect_shrugs
from ...rules.titles import by_line, fold
from ..structure import Options
from ..text import decode_text, empty_file
from .arrange import Arranger
from .blocks import BlockReader
from .parse import Parsed, code_lines, parse

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
}
# Why: what book.toml accepts for language and date; anything else would fail EPUBCheck.
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_LEFT_OUT = {
    "HTML tag": "{n} HTML tag(s) left out (their text kept)",
    "HTML block": "{n} HTML block(s) left out (their text kept)",
    "inline image": "{n} image(s) inside a line of text left out (their description kept)",
    "table": "{n} table(s) set as one paragraph per row",
    "link definition": "{n} link definition(s) read (not printed)",
}


def read(name: str, data: bytes, options: Options) -> FileEvents:
    """Read one Markdown manuscript into events."""
    reporter = Reporter()
    text = protect_shrugs(decode_text(name, data, reporter))
    prepared = prepare(text, code_lines(text) if "<!--" in text else frozenset())
    if not prepared.text.strip():
        return empty_file(name, options, reporter)
    found, chapter_title = _front_matter(name, prepared.meta, options, reporter)
    if prepared.front_matter_lines:
        keys = ", ".join(sorted(prepared.meta))
        reporter.add(Code.FRONT_MATTER_READ, f"front matter read ({keys})", name, 1)
    parsed = parse(prepared.text)
    _report_glued(name, parsed, reporter)
    if parsed.pandoc:
        reporter.add(
            Code.MARKUP_LEFT_OUT,
            f"{parsed.pandoc} pandoc div fence(s) and attribute block(s) left out",
            name,
            1,
        )
    locale = get_locale(options.language)
    blocks = BlockReader(name, parsed, locale, reporter)
    items = blocks.items()
    counts = blocks.counts
    comments = prepared.comments + counts.pop("comment", 0)
    if comments:
        reporter.add(Code.COMMENTS_LEFT_OUT, f"{comments} comment(s) left out of the book", name, 1)
    references = parsed.env.get("references")
    if isinstance(references, dict) and references:
        counts["link definition"] += len(references)
    _report_left_out(name, counts, reporter)
    has_title = options.has_title or any(isinstance(e, BookTitle) for e in found)
    arranger = Arranger(name, dataclasses.replace(options, has_title=has_title), locale, reporter)
    events = arranger.run(items, chapter_title)
    return FileEvents(name, (*found, *events), tuple(reporter.items))


def _front_matter(
    name: str, meta: dict[str, FrontValue], options: Options, reporter: Reporter
) -> tuple[list[Event], str | None]:
    """The book-level events of a file's front matter, and the chapter title it gives."""
    found: list[Event] = []
    title = _text(meta.get("title"))
    src = Source(name, 1)
    chapter_title: str | None = None
    if title:
        configured = options.title
        if configured is not None:
            book_title = fold(configured) == fold(title)
        else:
            book_title = not PAGE_KEYS.intersection(meta)
        if options.first and book_title:
            found.append(BookTitle(title, src))
        else:
            chapter_title = title
    if not options.first:
        return found, chapter_title
    for author in _authors(meta.get("author") or meta.get("authors"), name, reporter):
        found.append(BookAuthor(author, src))
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


def _report_glued(name: str, parsed: Parsed, reporter: Reporter) -> None:
    for k in parsed.glued:
        line = parsed.lines[k].strip()
        hashes = len(line) - len(line.lstrip("#"))
        words = line[hashes:].strip()
        reporter.add(
            Code.HEADING_WITHOUT_SPACE,
            f"'{line[:hashes]}{words}' read as a heading; put a space after the "
            f"'{line[:hashes]}' ({line[:hashes]} {words})",
            name,
            k + 1,
            parsed.lines[k].find("#") + 1,
        )


def _report_left_out(name: str, counts: Counter[str], reporter: Reporter) -> None:
    for what, n in sorted(counts.items()):
        if n:
            message = _LEFT_OUT.get(what, "{n} " + what + "(s) left out")
            reporter.add(Code.MARKUP_LEFT_OUT, message.format(n=n), name, 1)
