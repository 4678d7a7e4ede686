"""The ``matter`` transform: front matter built once from the metadata, in the book's language.

The title page, the copyright block, the dedication, the epigraph and the
contents title are nodes of the tree (:data:`~compile_book.nodes.Matter`),
so the EPUB and the PDF print the same words in the same order; each writer
only decides how they look. The copyright block reads::

    Copyright © 2026 Jane Doe, John Roe and Ann Poe   (or the book's own rights line;
                                                      none for a public-domain text)
    All rights reserved.
    Second edition
    ISBN 978-…
    Published by Harbour Press
    2 March 2026                                      (the date, in the locale's long form)
"""

from __future__ import annotations

import dataclasses

from ..locale import Locale
from ..nodes import (
    Book,
    Contents,
    CopyrightPage,
    Dedication,
    Epigraph,
    Matter,
    Metadata,
    TitlePage,
)
from . import Context


def copyright_lines(meta: Metadata, locale: Locale, year: int) -> tuple[str, ...]:
    """The copyright block's lines (empty when the book gives nothing to print)."""
    words = locale.words
    lines: list[str] = []
    if meta.rights:
        lines.extend(_lines(meta.rights))  # a typed copyright block, line by line
    elif meta.authors and not meta.public_domain:
        when = (meta.date or "")[:4] or str(year)
        holders = locale.join_names(meta.authors)
        lines.append(words.copyright_line.format(year=when, holders=holders))
        lines.append(words.rights)
    if meta.edition:
        lines.append(meta.edition)
    if meta.isbn:
        lines.append(f"ISBN {meta.isbn}")
    if meta.publisher:
        lines.append(words.published_by.format(publisher=meta.publisher))
    if meta.date:
        lines.append(locale.format_date(meta.date))
    return tuple(lines)


def front_matter(meta: Metadata, locale: Locale, year: int) -> tuple[Matter, ...]:
    """Every front-matter page the metadata calls for, in reading order."""
    words = locale.words
    front: list[Matter] = [TitlePage(meta.title, meta.subtitle, meta.authors, meta.publisher)]
    lines = copyright_lines(meta, locale, year)
    if lines:
        front.append(CopyrightPage(words.copyright, lines))
    if meta.dedication:
        front.append(Dedication(words.dedication, _lines(meta.dedication)))
    if meta.epigraph:
        front.append(Epigraph(words.epigraph, _lines(meta.epigraph), meta.epigraph_source))
    front.append(Contents(words.contents))
    return tuple(front)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def run(book: Book, context: Context) -> Book:
    """Give the book its front matter."""
    front = front_matter(book.meta, context.locale, context.when.year)
    return dataclasses.replace(book, front=front)
