"""The Markdown reader: ``.md`` manuscripts, parsed as CommonMark.

The file is decoded and cleaned like a plain-text manuscript; its front matter
and HTML comments are taken out (:mod:`compile_book.rules.markdown`); the rest
is parsed by markdown-it-py (:mod:`.parse`), its blocks and inlines become
items and tree nodes (:mod:`.blocks`, :mod:`.inline`, :mod:`.special`), and the
manuscript rules every reader shares are applied on top (:mod:`.arrange`).

Front matter (``title``, ``author``, ``lang``, ``date``, ``rights``,
``subtitle``, ``description``) is read as :mod:`..frontmatter` says.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

from ...diagnostics import Code, Reporter
from ...events import BookTitle, FileEvents
from ...locale import get_locale
from ...rules.appmarkup import critic, obsidian
from ...rules.markdown import prepare, protect_shrugs
from ..frontmatter import front_matter_events
from ..structure import Options
from ..text import decode_text, empty_file
from .arrange import Arranger
from .blocks import BlockReader
from .items import Head, Prose
from .parse import Parsed, code_lines, parse

#: What marks a file as needing its code lines known before reading: comments, and
#: Obsidian's and CriticMarkup's marks (each left alone inside code).
_MARKS = ("<!--", "[[", "==", "[!", "%%", "{++", "{--", "{~~", "{>>", "{==")
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
    marked = any(mark in text for mark in _MARKS)
    code = code_lines(text) if marked else frozenset()
    prepared = prepare(text, code, labelled=options.first)
    if not prepared.text.strip():
        return empty_file(name, options, reporter)
    if marked:
        prepared.text, changes = critic(prepared.text, code)
        if changes:
            said = ", ".join(f"{n} {what}(s)" for what, n in sorted(changes.items()))
            reporter.add(
                Code.MARKUP_LEFT_OUT,
                f"CriticMarkup read as the final text, changes accepted and comments left out "
                f"({said})",
                name,
                1,
            )
        prepared.text, read = obsidian(prepared.text, code)
        for what, n in sorted(read.items()):
            reporter.add(Code.MARKUP_LEFT_OUT, f"{n} Obsidian {what}(s) read", name, 1)
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
    found, chapter_title = front_matter_events(
        name,
        prepared.meta,
        options,
        reporter,
        any(isinstance(it, Head) for it in items),
        any(isinstance(it, Prose) for it in items),
    )
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
