"""The Word reader: ``.docx`` manuscripts from Word, Google Docs, Scrivener, LibreOffice.

Built on lxml over the package's XML (no python-docx or mammoth): only the
raw WordprocessingML says everything a book needs to know and to leave out
(tracked deletions, comments, field codes, hidden text, alternate content,
styles by name and outline level), and none of it needs more than a
hundred lines to read.

* :mod:`.package`   the ZIP and its XML parts, opened defensively
* :mod:`.styles`    paragraph styles by name (localized too), run toggles, lists
* :mod:`.content`   runs -> flat pieces, with tracked changes, fields and notes
* :mod:`.pieces`    flat pieces -> nested inline nodes
* :mod:`.body`      the body's paragraphs in reading order
* :mod:`.blocks`    one paragraph -> Para, Paragraph, Verse, Figure, quotes, lists
* :mod:`.structure` title page, headings, scene breaks -> events

A ``.docx`` has no lines: every :class:`~compile_book.nodes.Source` this
reader makes names the *paragraph*, counted from 1 in the order the reader
meets paragraphs (text-box paragraphs right after the one anchoring them),
and its column is the character offset in that paragraph plus one.

What is left out of the book is reported once per kind with a count
(:attr:`~compile_book.diagnostics.Code.DOCUMENT_PARTS_LEFT_OUT`): comments,
deleted text, hidden text, headers and footers, a generated table of
contents, a manuscript title-page block, page-number text boxes.
"""

from __future__ import annotations

from ...diagnostics import Code, Reporter
from ...events import FileEvents
from ..structure import Options
from ..text import empty_file
from .body import Body
from .content import Document
from .package import open_package, w
from .structure import Structure

__all__ = ["read"]


def read(name: str, data: bytes, options: Options) -> FileEvents:
    """Read one Word manuscript into events."""
    reporter = Reporter()
    doc = Document(name, open_package(name, data), reporter)
    body = Body(doc)
    paras = body.read()
    if not any(p.text for p in paras):
        left = [
            f"{kind} left out of the book ({count})" for kind, (count, _) in doc.left_out.items()
        ]
        return empty_file(name, options, reporter, left)
    _count_parts(doc)
    events = Structure(doc, options, reporter).read(paras)
    removed, first = body.invisible
    if removed:
        reporter.add(
            Code.INVISIBLE_CHARACTERS_REMOVED,
            f"{removed} invisible character(s) removed (zero-width, soft hyphen, control)",
            name,
            first,
        )
    for kind, (count, n) in sorted(doc.left_out.items(), key=lambda kv: kv[1][1]):
        reporter.add(
            Code.DOCUMENT_PARTS_LEFT_OUT, f"{kind} left out of the book ({count})", name, n
        )
    return FileEvents(name, tuple(events), tuple(reporter.items))


def _count_parts(doc: Document) -> None:
    """Count the comments and the headers and footers with text (never read into the book)."""
    comments = doc.part_xml("comments")
    if comments is not None:
        count = sum(1 for _ in comments.iter(w("comment")))
        if count:
            doc.omit("comments", 1, count)
    furniture = 0
    for rel in doc.rels.values():
        if rel.type in ("header", "footer") and not rel.external:
            root = doc.package.xml(rel.target)
            texts = () if root is None else root.iter(w("t"), w("fldSimple"), w("instrText"))
            if any((t.text or "").strip() or t.tag != w("t") for t in texts):
                furniture += 1
    if furniture:
        doc.omit("headers and footers", 1, furniture)
