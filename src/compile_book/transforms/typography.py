"""The ``typography`` transform: quotes, dashes, ellipses and no-break spaces, per locale.

Works on text nodes only, reading each paragraph (and heading) across its
inline boundaries so a quote after an italic word still closes
(:mod:`~compile_book.transforms.flat`); the substitutions themselves are
:mod:`compile_book.rules.typography`'s, in the book's language. Every dash
changed is reported at its source position; quotes, ellipses and no-break
spaces are counted per file.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from ..diagnostics import Code
from ..nodes import Book, Chapter, Heading, Inline, Metadata, Text
from ..rules.typography import Changes
from ..sequences import map_blocks
from . import Context, heading_inlines
from .flat import map_texts, rebuild

_WORD = re.compile(r"\w+")


class _Typesetter:
    def __init__(self, context: Context) -> None:
        self.typographer = context.typographer
        self.context = context
        self.reporter = context.reporter
        self.counts: dict[str, Changes] = defaultdict(Changes)

    def chapter(self, chapter: Chapter) -> Chapter:
        heading = self.heading(chapter.heading) if chapter.heading is not None else None
        blocks = map_blocks(chapter.blocks, self.inlines)
        self.tally()
        return Chapter(chapter.kind, heading, blocks, chapter.source)

    def tally(self) -> None:
        """Move the counts so far into the context's tally (per chapter, for the memo)."""
        tally = self.context.tally
        for name, c in self.counts.items():
            tally[Code.QUOTES_CURLED, name] += c.quotes
            tally[Code.ELLIPSIS_CONVERTED, name] += c.ellipses
            tally[Code.NO_BREAK_SPACE_ADDED, name] += c.nbsp
        self.counts.clear()

    def heading(self, heading: Heading) -> Heading:
        return heading_inlines(heading, self.inlines)

    def inlines(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        flat = self.context.flats.take(inlines)  # as the linter flattened it, if it did
        if not flat.nodes:
            return inlines
        changes = self.counts[flat.file]
        mark, elided = len(changes.dashes), len(changes.elisions)
        if not flat.safe:
            # The text holds our marker characters: set each text node on its own.
            result = map_texts(inlines, lambda text: self._set(text, changes))
            del changes.dashes[mark:], changes.elisions[elided:]
            return result
        final = self._set(flat.text, changes)
        for offset, what in changes.dashes[mark:]:
            line, col = flat.source_at(offset)
            self.reporter.add(Code.DASH_CONVERTED, f"dash converted: {what}", flat.file, line, col)
        for offset in changes.elisions[elided:]:
            line, col = flat.source_at(offset)
            word = _WORD.match(flat.text, offset + 1)
            self.reporter.add(
                Code.ELISION_READ,
                f"'{word.group() if word else ''} set as an elision (’): no closing quote "
                "answers it in the paragraph",
                flat.file,
                line,
                col,
            )
        del changes.dashes[mark:], changes.elisions[elided:]
        if final == flat.text and final and _plain_text(inlines):
            return inlines  # nothing to set: what rebuild would make again, equal
        return rebuild(inlines, final)

    def metadata(self, meta: Metadata) -> Metadata:
        """The words the front pages print (title, dedication, epigraph, copyright
        lines) set like the text: a title typed ``Who's There`` prints ``Who’s There``."""
        changes = Changes()

        def typeset(text: str | None) -> str | None:
            return self._set(text, changes) if text else text

        return dataclasses.replace(
            meta,
            title=self._set(meta.title, changes),
            subtitle=typeset(meta.subtitle),
            dedication=typeset(meta.dedication),
            epigraph=typeset(meta.epigraph),
            epigraph_source=typeset(meta.epigraph_source),
            rights=typeset(meta.rights),
        )

    def _set(self, text: str, changes: Changes) -> str:
        curled = self.typographer.curl_counted(text, changes)
        return self.typographer.apply(curled, changes)


def _plain_text(inlines: tuple[Inline, ...]) -> bool:
    """One text node without an offset map: :func:`rebuild` of its own text is equal to it."""
    return len(inlines) == 1 and isinstance(inlines[0], Text) and not inlines[0].source.breaks


def run(book: Book, context: Context) -> Book:
    """Typeset every paragraph and heading in the book's language."""
    setter = _Typesetter(context)
    book = context.each_chapter("typography", book, setter.chapter)
    parts = tuple(
        dataclasses.replace(part, heading=setter.heading(part.heading)) if part.heading else part
        for part in book.parts
    )
    setter.tally()
    book = dataclasses.replace(book, meta=setter.metadata(book.meta))
    context.summarise(Code.QUOTES_CURLED, "{n} straight quote(s) curled")
    context.summarise(Code.ELLIPSIS_CONVERTED, "{n} ellipsis(es) converted to …")
    context.summarise(Code.NO_BREAK_SPACE_ADDED, "{n} no-break space(s) added")
    return dataclasses.replace(book, parts=parts)
