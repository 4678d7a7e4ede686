"""The plain-text reader: ``.txt`` manuscripts as writers type them.

Decoding (BOMs, UTF-16, Windows-1252, line endings), cleaning (invisible
characters, mojibake) and backslash escapes happen here; the structure of
the lines is :mod:`~compile_book.readers.structure`'s. What changed is
reported with its code and line.

What a plain-text file carries besides prose is taken out here too
(:func:`leave_out`), line numbers kept:

* HTML comments (``<!-- … -->``, over several lines too) are the writer's
  notes: left out, the lines they filled made void (neither text nor blank,
  so paragraphs and blank-line scene breaks are as if they were not there).
  A ``<!--`` never closed is kept as text and reported: dropping everything
  after it would lose the book.
* A line holding only a backslash is how some exports (Google Docs, Outline) write
  an empty paragraph: it is read as the blank line it stands for.

A labelled header opening the book's first file (``Title: …`` / ``Author: …``
lines, :mod:`compile_book.rules.labelled`) is the book's title, authors and
metadata, read as Markdown front matter is (:mod:`.frontmatter`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..diagnostics import Code, Diagnostic, Reporter, Severity
from ..errors import InputError
from ..events import PUBLIC_DOMAIN, BookMeta, BookTitle, FileEvents
from ..locale import get_locale
from ..nodes import Source
from ..rules import manuscript_format
from ..rules.decode import decode
from ..rules.gutenberg import find_boilerplate, illustrations
from ..rules.headings import match_heading
from ..rules.labelled import blank_labelled, read_labelled
from ..rules.markdown import hide_escapes, prepare
from ..rules.paragraphs import VOID
from ..rules.titles import by_line
from ..rules.whitespace import clean, first_c1_line, first_invisible_line, repair_c1
from .frontmatter import front_matter_events
from .structure import Options
from .textnotes import read_structure


def read(name: str, data: bytes, options: Options) -> FileEvents:
    """Read one plain-text manuscript into events."""
    reporter = Reporter()
    text = leave_out(name, decode_text(name, data, reporter), reporter)
    if options.first:
        text = _leave_out_editors_block(name, text, options, reporter)
        if _wrapped(reporter) is not None:
            # A Project Gutenberg text: its bracketed lines are the author's or the
            # editor's ("[Coleridge's 'Ancient Mariner.']"), never a writer's notes to
            # self; only its marks for pictures the file cannot hold are left out.
            text = _leave_out_illustrations(name, text, reporter)
            options = dataclasses.replace(options, author_notes=False)
        return _public_domain(name, reporter, read_file(name, text, options, reporter))
    return read_file(name, text, options, reporter)


def _wrapped(reporter: Reporter) -> Diagnostic | None:
    """The warning that Project Gutenberg's header was left out, if it was."""
    return next((d for d in reporter.items if d.code == Code.BOILERPLATE_LEFT_OUT), None)


def _leave_out_illustrations(name: str, text: str, reporter: Reporter) -> str:
    """Project Gutenberg's ``[Illustration: …]`` marks made void, counted in a note."""
    if "[" not in text:
        return text
    lines = text.split("\n")
    spans = illustrations(lines)
    if not spans:
        return text
    for a, b in spans:
        lines[a:b] = [VOID] * (b - a)
    reporter.add(
        Code.MARKUP_LEFT_OUT,
        f"{len(spans)} Project Gutenberg illustration mark(s) ([Illustration: …]) left out: "
        "the pictures are not in the text; put them in as images to print them",
        name,
        spans[0][0] + 1,
    )
    return "\n".join(lines)


def _public_domain(name: str, reporter: Reporter, events: FileEvents) -> FileEvents:
    """A book opening with Project Gutenberg's header is a public-domain text: it says so
    first (so a copyright page typed in the text still gives the book its rights)."""
    wrapped = _wrapped(reporter)
    if wrapped is None:
        return events
    said = BookMeta(PUBLIC_DOMAIN, "yes", Source(name, wrapped.line))
    return dataclasses.replace(events, events=(said, *events.events))


def read_file(name: str, text: str, options: Options, reporter: Reporter) -> FileEvents:
    """One file's events from its cleaned text: a labelled header, then its structure."""
    labelled = read_labelled(text) if options.first else None
    if labelled is None:
        return structure(name, text, options, reporter)
    meta, count = labelled
    found, _ = front_matter_events(name, meta, options, reporter, has_heading=True)
    keys = ", ".join(sorted(meta))
    reporter.add(Code.FRONT_MATTER_READ, f"header read ({keys})", name, 1)
    has_title = options.has_title or any(isinstance(e, BookTitle) for e in found)
    options = dataclasses.replace(options, has_title=has_title)
    events = structure(name, blank_labelled(text, count), options, reporter)
    return dataclasses.replace(events, events=(*found, *events.events))


def _leave_out_editors_block(name: str, text: str, options: Options, reporter: Reporter) -> str:
    """The text without a manuscript-format editor's block (name, address, word count)
    over the title (:mod:`compile_book.rules.manuscript_format`), its lines made blank."""
    locale = get_locale(options.language)
    words = locale.by_words
    lines = text.split("\n", manuscript_format.MAX_LINES * 4)
    end = manuscript_format.block_lines(
        lines,
        lambda line: by_line(line, words) is not None,
        lambda line: match_heading(line, locale) is not None,
    )
    if not end:
        return text
    last = max(k for k in range(end) if lines[k].strip()) + 1
    reporter.add(
        Code.DOCUMENT_PARTS_LEFT_OUT,
        f"manuscript title-page block left out (lines 1-{last}: name, address, word count)",
        name,
        1,
    )
    return "\n" * end + text.split("\n", end)[end]


def leave_out(name: str, text: str, reporter: Reporter) -> str:
    """Take HTML comments and lone backslash lines out of a plain-text file, reporting both."""
    lines = text.split("\n")
    if "<!--" in text:
        # The leading newline keeps prepare() from reading a top "---" block as front
        # matter: in a .txt file that is a scene break and prose.
        prepared = prepare("\n" + text)
        kept = prepared.text[1:].split("\n")
        if prepared.comments:
            first = next(k for k, (a, b) in enumerate(zip(lines, kept, strict=True)) if a != b)
            reporter.add(
                Code.COMMENTS_LEFT_OUT,
                f"{prepared.comments} comment(s) left out of the book",
                name,
                first + 1,
            )
            lines = [
                VOID if a.strip() and not b.strip() else b for a, b in zip(lines, kept, strict=True)
            ]
        unclosed = next((k for k, line in enumerate(lines) if "<!--" in line), None)
        if unclosed is not None:
            reporter.add(
                Code.AUTHOR_NOTE,
                "'<!--' opens a comment that is never closed; it is kept as text: "
                "close it with '-->' or delete it",
                name,
                unclosed + 1,
                lines[unclosed].index("<!--") + 1,
            )
    lines = _leave_out_boilerplate(name, lines, reporter)
    # (Lines are the text's own, less comments: without a backslash in it, none is one.)
    maybe = "\\" in text
    backslashes = [k for k, line in enumerate(lines) if line.strip() == "\\"] if maybe else []
    if backslashes:
        for k in backslashes:
            lines[k] = ""
        reporter.add(
            Code.MARKUP_LEFT_OUT,
            f"{len(backslashes)} line(s) holding only '\\' (an export's empty paragraphs) "
            "read as blank lines",
            name,
            backslashes[0] + 1,
        )
    return "\n".join(lines)


def _leave_out_boilerplate(name: str, lines: list[str], reporter: Reporter) -> list[str]:
    """Make Project Gutenberg's header and licence void, warning with their lines."""
    found = find_boilerplate(lines)
    spans = [s for s in (found.head, found.tail) if s is not None]
    if not spans:
        return lines
    words = 0
    kept = dict(found.kept)
    for a, b in spans:
        for k in range(a, b):
            words += len(lines[k].split()) - len(kept.get(k, "").split())
            lines[k] = kept.get(k, VOID)
    named = " and ".join(f"{a + 1}-{b}" for a, b in spans)
    reporter.add(
        Code.BOILERPLATE_LEFT_OUT,
        f"lines {named} are Project Gutenberg's header and licence ({words} words): left "
        "out of the book, which claims no copyright for this public-domain text; delete "
        "them from the manuscript and say what the copyright page should in book.toml "
        '(rights = "…")',
        name,
        spans[0][0] + 1,
    )
    return lines


def decode_text(name: str, data: bytes, reporter: Reporter) -> str:
    """Bytes -> clean text, reporting the encoding and every repair made."""
    decoded = decode(data, name)
    repaired_text, repaired = repair_c1(decoded.text)
    text, removed = clean(repaired_text)
    report = reporter.add
    if decoded.fallback_lines:
        report(Code.MIXED_ENCODING, _mixed(decoded.fallback_lines), name, decoded.fallback_lines[0])
    elif decoded.encoding != "UTF-8":
        report(Code.ENCODING_DETECTED, f"decoded as {decoded.encoding}", name, 1)
    if decoded.newlines_changed:
        report(Code.LINE_ENDINGS_NORMALISED, "CRLF/CR line endings normalised to LF", name, 1)
    if repaired:
        report(
            Code.MOJIBAKE_REPAIRED,
            f"{repaired} Windows-1252 character(s) repaired (curly quotes or dashes that "
            "had been decoded as Latin-1 control codes)",
            name,
            first_c1_line(decoded.text),
        )
    if removed:
        report(
            Code.INVISIBLE_CHARACTERS_REMOVED,
            f"{removed} invisible character(s) removed (zero-width, soft hyphen, control)",
            name,
            first_invisible_line(repaired_text),
        )
    return text


def _mixed(lines: tuple[int, ...], shown: int = 10) -> str:
    """The warning for a file mixing UTF-8 and Windows-1252, naming the lines."""
    named = ", ".join(map(str, lines[:shown]))
    if len(lines) > shown:
        named += f" and {len(lines) - shown} more"
    which = f"line {named} is" if len(lines) == 1 else f"lines {named} are"
    return (
        f"the file is UTF-8 but {which} not: read as Windows-1252 (text pasted from an "
        "older file?); check them and re-save the file as UTF-8"
    )


def empty_file(
    name: str, options: Options, reporter: Reporter, left_out: Sequence[str] = ()
) -> FileEvents:
    """A manuscript with no text (blank, or only comments and notes). Alone it is an
    error; among a book's other files it adds nothing, with a warning, so one scrap
    file does not stop the book.

    The error is all a failed build prints, so it names what the reader left out
    (``left_out``, else the first warning: hidden text, a picture it cannot use) --
    the reason a file with something in it came out empty.
    """
    message = "the manuscript is empty; write something in it or remove it from the book"
    if options.first:
        why = [*left_out, *(d.message for d in reporter.items if d.severity >= Severity.WARNING)]
        if why:
            message = f"the manuscript has nothing the book can show: {why[0]}"
        raise InputError(message, name)
    reporter.add(Code.EMPTY_CHAPTER, message + " (it adds nothing to the book)", name, 1)
    return FileEvents(name, (), tuple(reporter.items))


def _blank(text: str) -> bool:
    """Only spaces and void lines: nothing the book can show.

    Why not at once: taking every void mark out copies the whole file (ten
    milliseconds at a million words) to answer what its first characters answer.
    """
    stripped = text.strip()
    if VOID not in stripped:
        return not stripped
    return not stripped.replace(VOID, "").strip()


def structure(name: str, text: str, options: Options, reporter: Reporter) -> FileEvents:
    """Clean text -> events, after hiding backslash escapes from the inline parser."""
    text, _ = hide_escapes(text)
    if _blank(text):
        return empty_file(name, options, reporter)
    events = read_structure(name, text, options, reporter)
    return FileEvents(name, tuple(events), tuple(reporter.items))
