"""The OpenDocument Text reader: ``.odt`` manuscripts from LibreOffice, OpenOffice,
Google Docs and Word's "Save as ODT".

The package is opened and checked (:mod:`.package`), its styles resolved
(:mod:`.styles`), its body walked into paragraphs, pictures and lists
(:mod:`.blocks`, :mod:`.inlines`, :mod:`.figures`), and those read into
events (:mod:`.front`, :mod:`.structure`, :mod:`.lines`). Only the text as
it now reads reaches the book: tracked deletions, comments, hidden text,
headers and footers, a generated table of contents and a manuscript-format
title-page block are left out and reported (``N029``, one line per kind).

Source positions: the *line* of every position this reader gives is the
1-based number of the paragraph in the document body (every ``text:p`` and
``text:h``, empty ones included, in reading order; a footnote's paragraphs
take the number of the paragraph it hangs from), and the *column* is the
character offset in that paragraph plus one.

lxml reads the XML directly rather than odfpy: odfpy's last release was in
2020, it loads the whole document into its own object tree, and its parser
does not let us turn entity resolution and network access off.
"""

from __future__ import annotations

from ...diagnostics import Code, Reporter
from ...errors import InputError
from ...events import FileEvents
from ..structure import Options
from ..text import empty_file
from .blocks import BodyReader
from .package import Package, open_package, q, text_in
from .structure import Builder
from .styles import StyleSheet

_LEFT_OUT = {
    "comment": "{n} comment(s) left out of the book",
    "deletion": "{n} tracked deletion(s) left out (the text as it now reads is kept)",
    "hidden": "{n} piece(s) of hidden text left out",
    "index": "{n} generated table(s) of contents or index(es) left out (the book makes its own)",
    "header": "{n} page header(s) and footer(s) left out",
}


def read(name: str, data: bytes, options: Options) -> FileEvents:
    """Read one ``.odt`` manuscript into events."""
    package = open_package(name, data)
    body = package.content.find(f"{q('office', 'body')}/{q('office', 'text')}")
    if body is None:
        raise InputError(
            "the document has no text body (is it a drawing or a spreadsheet?); "
            "copy its text into a Writer document",
            name,
        )
    reporter = Reporter()
    reader = BodyReader(package, StyleSheet(package.content, package.styles), reporter)
    items = reader.read(body)
    if not items:
        left = [m.format(n=reader.counts[k]) for k, m in _LEFT_OUT.items() if reader.counts[k]]
        return empty_file(name, options, reporter, left)
    events = Builder(name, options, reporter).build(items)
    counts = dict(reader.counts)
    counts["header"] = _headers(package)
    for kind, message in _LEFT_OUT.items():
        if counts.get(kind):
            reporter.add(
                Code.DOCUMENT_PARTS_LEFT_OUT,
                message.format(n=counts[kind]),
                name,
                reader.first.get(kind, 1),
            )
    if counts.get("invisible"):
        reporter.add(
            Code.INVISIBLE_CHARACTERS_REMOVED,
            f"{counts['invisible']} invisible character(s) removed (zero-width, soft hyphen, "
            "control)",
            name,
            reader.first["invisible"],
        )
    return FileEvents(name, tuple(events), tuple(reporter.items))


def _headers(package: Package) -> int:
    """Page headers and footers with text, in the master pages of ``styles.xml``."""
    if package.styles is None:
        return 0
    found = 0
    for page in package.styles.iter(q("style", "master-page")):
        for part in page:
            local = part.tag.rsplit("}", 1)[-1] if isinstance(part.tag, str) else ""
            if local.startswith(("header", "footer")) and text_in(part):
                found += 1
    return found
