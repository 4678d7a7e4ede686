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

import bisect
import dataclasses
import functools
from collections.abc import Callable

from ..diagnostics import Code
from ..nodes import (
    Block,
    Book,
    Chapter,
    Emphasis,
    Heading,
    Inline,
    Paragraph,
    SceneBreak,
    Source,
    Span,
    Strong,
    Telepathy,
    Text,
)
from ..rules.inlines import Chunk, Close, InlineParser, Open, Token
from ..sequences import map_block, with_children
from . import Context, heading_inlines
from .flat import ATOM

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
            # Most paragraphs have no span: the paragraph as it came.
            out.append(block if inlines == block.inlines else Paragraph(inlines, block.source))
        return Chapter(chapter.kind, heading, tuple(out), chapter.source)

    def heading(self, heading: Heading) -> Heading:
        return heading_inlines(heading, self.each_text)

    def each_text(self, inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        """Delimiters parsed in an already structured sequence (a formatted paragraph,
        a line of verse, a quotation's paragraph).

        The sequence's text is read as one string, its other nodes standing in as
        single atom characters, so mind-speech around a word in italics
        (``{I *must* go}`` typed in Word with real italics) still pairs; the nodes
        come back unchanged inside the spans found.
        """
        items = tuple(
            with_children(n, self.each_text(n.children)) if isinstance(n, Span) else n
            for n in inlines
        )
        texts = [n for n in items if isinstance(n, Text)]
        if not any(self.parser.needs_parse(t.text) for t in texts):
            return items
        if len(items) == 1 and texts:
            return self.parse(texts[0], None, list)[0]
        if any(ATOM in t.text for t in texts):
            # A writer's own private-use character: parse each text node alone.
            return tuple(
                part
                for n in items
                for part in (self.parse(n, None, list)[0] if isinstance(n, Text) else (n,))
            )
        return _Joined(items).parse(self)

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
        """Build nested nodes from a token list over one text node's ``text``."""
        return self.build(text, tokens, source.shifted, {})

    def build(
        self,
        text: str,
        tokens: list[Token],
        source: Callable[[int, int], Source],
        atoms: dict[int, Inline],
    ) -> tuple[Inline, ...]:
        """Build nested nodes from a token list over ``text``; ``source(start, end)``
        is where ``text[start:end]`` came from, ``atoms`` the nodes standing at
        :data:`ATOM` characters."""
        root: list[Inline] = []
        stack: list[tuple[Open, list[Inline]]] = []
        current = root
        for tok in tokens:
            if isinstance(tok, Chunk):
                _chunk(current, text, tok, source, atoms)
            elif isinstance(tok, Open):
                if not tok.continued:
                    code = (
                        Code.TELEPATHY_RECOGNISED
                        if tok.kind == "telepathy"
                        else Code.EMPHASIS_RECOGNISED
                    )
                    self.context.tally[code, source(tok.offset, tok.offset).file] += 1
                stack.append((tok, current))
                current = []
            else:
                assert isinstance(tok, Close)
                opener, parent = stack.pop()
                parent.append(
                    self._span(opener, tuple(current), source(opener.offset, opener.offset))
                )
                current = parent
        return tuple(root)

    @staticmethod
    def _span(opener: Open, children: tuple[Inline, ...], at: Source) -> Inline:
        src = at.plain()
        if opener.kind == "telepathy":
            return Telepathy(children, src, continued=opener.continued)
        if opener.kind == "strong":
            return Strong(children, src)
        return Emphasis(children, src)


class _Joined:
    """A structured sequence as one string: text nodes as they are, every other
    node as one :data:`ATOM` character (at its place in ``atoms``)."""

    def __init__(self, items: tuple[Inline, ...]) -> None:
        self.starts: list[int] = []
        self.sources: list[Source] = []
        self.atoms: dict[int, Inline] = {}
        pieces: list[str] = []
        at = 0
        for node in items:
            if isinstance(node, Text):
                self.starts.append(at)
                self.sources.append(node.source)
                pieces.append(node.text)
                at += len(node.text)
            else:
                self.atoms[at] = node
                pieces.append(ATOM)
                at += 1
        self.text = "".join(pieces)
        self.file = self.sources[0].file if self.sources else ""

    def source(self, offset: int, end: int) -> Source:
        """The source of the text from ``offset`` to ``end`` of the joined string."""
        k = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.sources[k].shifted(max(0, offset - self.starts[k]), end - self.starts[k])

    def parse(self, inliner: _Inliner) -> tuple[Inline, ...]:
        tokens, problems = inliner.parser.parse(self.text)
        for p in problems:
            line, col = self.source(p.offset, p.offset).at(0)
            inliner.reporter.add(
                Code.UNBALANCED_TELEPATHY,
                f"telepathy delimiter {p.delimiter!r} has no partner in its paragraph; "
                "kept as text",
                self.file,
                line,
                col,
            )
        return inliner.build(self.text, tokens, self.source, self.atoms)


def _raw(block: Block) -> Text | None:
    """A paragraph's raw text, if it is still one unparsed text node."""
    if isinstance(block, Paragraph) and len(block.inlines) == 1:
        node = block.inlines[0]
        if isinstance(node, Text):
            return node
    return None


def _chunk(
    out: list[Inline],
    text: str,
    tok: Chunk,
    source: Callable[[int, int], Source],
    atoms: dict[int, Inline],
) -> None:
    """Literal text ``text[tok.start:tok.end]``, with the nodes at its atoms put back."""
    start = tok.start
    at = text.find(ATOM, start, tok.end) if atoms else -1
    while at >= 0:
        if at > start:
            out.append(Text(text[start:at], source(start, at)))
        out.append(atoms[at])
        start = at + 1
        at = text.find(ATOM, start, tok.end)
    if tok.end > start:
        out.append(Text(text[start : tok.end], source(start, tok.end)))


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
