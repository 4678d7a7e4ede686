"""The plain-text reader: ``.txt`` manuscripts as writers type them.

Decoding (BOMs, UTF-16, Windows-1252, line endings), cleaning (invisible
characters, mojibake) and backslash escapes happen here; the structure of
the lines is :mod:`~compile_book.readers.structure`'s. What changed is
reported with its code and line.
"""

from __future__ import annotations

from ..diagnostics import Code, Reporter
from ..errors import InputError
from ..events import FileEvents
from ..rules.decode import decode
from ..rules.markdown import hide_escapes
from ..rules.whitespace import clean, first_c1_line, first_invisible_line, repair_c1
from .structure import Options, StructureReader


def read(name: str, data: bytes, options: Options) -> FileEvents:
    """Read one plain-text manuscript into events."""
    reporter = Reporter()
    text = decode_text(name, data, reporter)
    return structure(name, text, options, reporter)


def decode_text(name: str, data: bytes, reporter: Reporter) -> str:
    """Bytes -> clean text, reporting the encoding and every repair made."""
    decoded = decode(data, name)
    text, repaired = repair_c1(decoded.text)
    text, removed = clean(text)
    report = reporter.add
    if decoded.encoding != "UTF-8":
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
            first_invisible_line(decoded.text),
        )
    return text


def structure(name: str, text: str, options: Options, reporter: Reporter) -> FileEvents:
    """Clean text -> events, after hiding backslash escapes from the inline parser."""
    text, _ = hide_escapes(text)
    if not text.strip():
        raise InputError(
            "the manuscript is empty; write something in it or remove it from the book", name
        )
    events = StructureReader(name, options, reporter).read(text)
    return FileEvents(name, tuple(events), tuple(reporter.items))
