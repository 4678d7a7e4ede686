"""The ``inlines`` transform: delimiters in raw prose -> telepathy, emphasis and strong nodes.

Paragraphs arrive from assembly as one raw :class:`~compile_book.nodes.Text`;
this parses their delimiters (:mod:`compile_book.rules.inlines`) and builds
the nested nodes, each text node keeping its exact source position.
Mind-speech may run over several paragraphs of a chapter: a span left open
is carried into the following paragraphs when one of them closes it, or
runs to the paragraph end when the next paragraph reopens it (as dialogue
reopens a quote). A delimiter with no partner stays literal text and is
reported. Paragraphs that already have structure (from a reader of a
structured format) are left as they are.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import assert_never

from ..diagnostics import Code
from ..nodes import (
    Block,
    Book,
    Chapter,
    CodeSpan,
    Emphasis,
    Heading,
    Inline,
    LineBreak,
    Link,
    Note,
    Paragraph,
    SceneBreak,
    Source,
    Strikeout,
    Strong,
    Telepathy,
    Text,
)
from ..rules.inlines import Chunk, Close, InlineParser, Open, Token
from ..sequences import map_block, with_children
from . import Context, heading_inlines

# Why: mind-speech may run over several paragraphs; look this far for its end.
SPAN_LOOKAHEAD = 6


class _Inliner:
    """Parses one book's paragraphs and headings, counting spans per file."""

    def __init__(self, context: Context) -> None:
        self.parser = InlineParser(list(context.config.telepathy.delimiters))
        self.context = context
        self.reporter = context.reporter

    def chapter(self, chapter: Chapter) -> Chapter:
        heading = chapter.heading
        if heading is not None:
            heading = self.heading(heading)
        blocks = list(chapter.blocks)
        carry: tuple[str, str] | None = None
        out: list[Block] = []
        for k, block in enumerate(blocks):
            raw = _raw(block)
            if raw is None or not isinstance(block, Paragraph):
                # Structure a reader already found (a quotation, verse, a formatted
                # paragraph): delimiters are looked for inside each text node.
                out.append(map_block(block, self.each_text))
                carry = None
                continue
            inlines, carry = self.parse(raw, carry, functools.partial(_following, blocks, k + 1))
            out.append(Paragraph(inlines, block.source))
        return Chapter(chapter.kind, heading, tuple(out), chapter.source)

    def heading(self, heading: Heading) -> Heading:
        return heading_inlines(heading, self.each_text)

    def each_text(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """Delimiters parsed inside each text node of an already structured sequence."""
        out: list[Inline] = []
        for node in inlines:
            match node:
                case Text():
                    out.extend(self.parse(node, None, list)[0])
                case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                    out.append(with_children(node, self.each_text(node.children)))
                case CodeSpan() | LineBreak() | Note():
                    out.append(node)
                case _:
                    assert_never(node)
        return tuple(out)

    def parse(
        self, raw: Text, carry: tuple[str, str] | None, following: Callable[[], list[str]]
    ) -> tuple[tuple[Inline, ...], tuple[str, str] | None]:
        """One paragraph's inline nodes, and the mind-speech span it leaves open.

        ``following`` gives the raw texts of the next paragraphs, asked for only
        when a span is left open (rarely).
        """
        text = raw.text
        parser = self.parser
        if carry is None and not parser.needs_parse(text):
            return (raw,), None
        tokens, problems = parser.parse(text, carry)
        next_carry: tuple[str, str] | None = None
        if carry is not None and parser.inside(text, carry):
            next_carry = carry  # a middle paragraph of a longer span
        elif problems and problems[-1].delimiter in parser.closers:
            pair = (problems[-1].delimiter, parser.closers[problems[-1].delimiter])
            fate = parser.fate(pair, following())
            if fate is not None:
                tokens, problems = parser.parse(text, carry, open_end=True)
                next_carry = pair if fate == "closes" else None
        for p in problems:
            line, col = raw.source.at(p.offset)
            self.reporter.add(
                Code.UNBALANCED_TELEPATHY,
                f"telepathy delimiter {p.delimiter!r} has no partner in its paragraph; "
                "kept as text",
                raw.source.file,
                line,
                col,
            )
        return self._nodes(text, tokens, raw.source), next_carry

    def _nodes(self, text: str, tokens: list[Token], source: Source) -> tuple[Inline, ...]:
        """Build nested nodes from a token list over ``text``."""
        root: list[Inline] = []
        stack: list[tuple[Open, list[Inline]]] = []
        current = root
        for tok in tokens:
            if isinstance(tok, Chunk):
                if tok.end > tok.start:
                    current.append(Text(text[tok.start : tok.end], source.shifted(tok.start)))
            elif isinstance(tok, Open):
                if not tok.continued:
                    code = (
                        Code.TELEPATHY_RECOGNISED
                        if tok.kind == "telepathy"
                        else Code.EMPHASIS_RECOGNISED
                    )
                    self.context.tally[code, source.file] += 1
                stack.append((tok, current))
                current = []
            else:
                assert isinstance(tok, Close)
                opener, parent = stack.pop()
                parent.append(self._span(opener, tuple(current), source))
                current = parent
        return tuple(root)

    @staticmethod
    def _span(opener: Open, children: tuple[Inline, ...], source: Source) -> Inline:
        line, col = source.at(opener.offset)
        src = Source(source.file, line, col)
        if opener.kind == "telepathy":
            return Telepathy(children, src, continued=opener.continued)
        if opener.kind == "strong":
            return Strong(children, src)
        return Emphasis(children, src)


def _raw(block: Block) -> Text | None:
    """A paragraph's raw text, if it is still one unparsed text node."""
    if isinstance(block, Paragraph) and len(block.inlines) == 1:
        node = block.inlines[0]
        if isinstance(node, Text):
            return node
    return None


def _following(blocks: list[Block], start: int) -> list[str]:
    """Raw texts of the paragraphs after ``start``, up to a scene break (a few at most)."""
    out: list[str] = []
    for block in blocks[start : start + SPAN_LOOKAHEAD]:
        if isinstance(block, SceneBreak):
            break
        raw = _raw(block)
        if raw is None:
            break
        out.append(raw.text)
    return out


def run(book: Book, context: Context) -> Book:
    """Parse every paragraph's and heading's delimiters into inline nodes."""
    inliner = _Inliner(context)
    book = context.each_chapter("inlines", book, inliner.chapter)
    parts = tuple(
        dataclasses.replace(p, heading=inliner.heading(p.heading)) if p.heading else p
        for p in book.parts
    )
    context.summarise(Code.TELEPATHY_RECOGNISED, "{n} telepathic span(s) recognised")
    context.summarise(Code.EMPHASIS_RECOGNISED, "{n} emphasis span(s) recognised")
    return dataclasses.replace(book, parts=parts)
