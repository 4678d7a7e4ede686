"""A run of inline nodes as one string, and back: how text transforms see context.

Typography and the linter need to read a paragraph across its inline
boundaries (a quote after an italic word closes: ``*Titanic*'s``), but must
change only text nodes and leave the structure as it is. :func:`flatten`
joins the text nodes of some inlines into one string with a marker
character where a span opens (:data:`OPEN`) or closes (:data:`CLOSE`);
:func:`rebuild` puts a transformed string back into the same structure.

Nodes that are not text (a line break, inline code, a note's reference
mark) stand in the string as one :data:`ATOM` marker each and come back
unchanged: code is never typeset, and a note's own paragraphs are a
sequence of their own.

The markers are noncharacters (:mod:`compile_book.markers`), which readers
reject in manuscripts, so text never holds one and a writer's private-use
characters are text like any other. Should a tree built by other means hold
one anyway, the boundaries could not be found again: :attr:`Flat.safe` is
then false and callers treat each text node on its own (no context across
spans, but no word lost either).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import assert_never

from ..markers import ATOM, CLOSE, OPEN
from ..nodes import (
    CodeSpan,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Note,
    Source,
    Strikeout,
    Strong,
    Telepathy,
    Text,
)
from ..record import record
from ..sequences import with_children

__all__ = ["ATOM", "CLOSE", "OPEN", "Ahead", "Flat", "flatten", "map_texts", "rebuild", "texts"]

_MARKERS = (OPEN, CLOSE, ATOM)
_MARKERS_RE = re.compile(f"[{OPEN}{CLOSE}{ATOM}]")


@record
class Flat:
    """One string for some inlines; ``starts[k]`` is where text node ``nodes[k]`` begins."""

    text: str
    starts: tuple[int, ...]
    nodes: tuple[Text, ...]
    safe: bool

    def position(self, offset: int) -> tuple[Source, int]:
        """The text node an offset falls in, and the offset inside that node."""
        k = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self.nodes[k].source, offset - self.starts[k]

    def source_at(self, offset: int) -> tuple[int, int]:
        """Manuscript ``(line, col)`` of an offset into :attr:`text`."""
        if not self.nodes:
            return 0, 0
        source, inner = self.position(offset)
        return source.at(inner)

    @property
    def file(self) -> str:
        return self.nodes[0].source.file if self.nodes else ""


def flatten(inlines: tuple[Inline, ...]) -> Flat:
    """Join the text of ``inlines`` with a marker at every span boundary and atom."""
    if len(inlines) == 1 and isinstance(inlines[0], Text):
        # Most paragraphs are one run of text: no walk needed.
        node = inlines[0]
        text = node.text
        safe = OPEN not in text and CLOSE not in text and ATOM not in text
        return Flat(text, (0,), (node,), safe)
    pieces: list[str] = []
    starts: list[int] = []
    found: list[Text] = []
    markers = 0

    def walk(nodes: tuple[Inline, ...], at: int) -> int:
        nonlocal markers
        for node in nodes:
            match node:
                case Text():
                    starts.append(at)
                    found.append(node)
                    pieces.append(node.text)
                    at += len(node.text)
                case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                    pieces.append(OPEN)
                    at = walk(node.children, at + 1)
                    pieces.append(CLOSE)
                    at += 1
                    markers += 2
                case CodeSpan() | LineBreak() | Note():
                    pieces.append(ATOM)
                    at += 1
                    markers += 1
                case _:
                    assert_never(node)
        return at

    walk(inlines, 0)
    text = "".join(pieces)
    safe = sum(text.count(m) for m in _MARKERS) == markers
    return Flat(text, tuple(starts), tuple(found), safe)


class Ahead:
    """Sequences flattened by one transform for the next to take.

    Why: the linter flattens every paragraph just before typography flattens
    it again, unchanged (the linter returns the tree as it found it). Kept by
    the sequence's identity; the entry holds the sequence, so no other can
    take its id while it waits.
    """

    def __init__(self) -> None:
        self._kept: dict[int, tuple[tuple[Inline, ...], Flat]] = {}

    def keep(self, inlines: tuple[Inline, ...]) -> Flat:
        """``inlines`` flattened, and kept for :meth:`take`."""
        flat = flatten(inlines)
        self._kept[id(inlines)] = (inlines, flat)
        return flat

    def take(self, inlines: tuple[Inline, ...]) -> Flat:
        """``inlines`` flattened: as kept, or now."""
        kept = self._kept.pop(id(inlines), None)
        if kept is not None and kept[0] is inlines:
            return kept[1]
        return flatten(inlines)


def rebuild(inlines: tuple[Inline, ...], text: str) -> tuple[Inline, ...]:
    """``inlines`` with their text replaced by the pieces of ``text`` between markers.

    ``text`` must be a transformed :func:`flatten` string of ``inlines`` that
    kept every marker in place. Consecutive text nodes become one; a text node
    left empty disappears; atoms come back as they were.
    """
    if len(inlines) == 1 and isinstance(inlines[0], Text):
        node = inlines[0]
        return (Text(text, node.source.plain()),) if text else ()
    pieces = _MARKERS_RE.split(text)
    index = 0

    def walk(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        nonlocal index
        out: list[Inline] = []
        pending: Text | None = None  # the first text node of the current gap
        for node in nodes:
            if isinstance(node, Text):
                pending = pending or node
                continue
            if pending is not None:
                _append_text(out, pieces[index], pending)
                pending = None
            index += 1  # the gap before this span or atom is used up
            match node:
                case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                    children = walk(node.children)
                    index += 1
                    out.append(with_children(node, children))
                case CodeSpan() | LineBreak() | Note():
                    out.append(node)
                case _:
                    assert_never(node)
        if pending is not None:
            _append_text(out, pieces[index], pending)
        return tuple(out)

    return walk(inlines)


def _append_text(out: list[Inline], piece: str, first: Text) -> None:
    if piece:
        out.append(Text(piece, first.source.plain()))


def texts(inlines: tuple[Inline, ...]) -> list[Text]:
    """The text nodes of some inlines, in order (not those inside notes or code)."""
    out: list[Text] = []
    for node in inlines:
        match node:
            case Text():
                out.append(node)
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                out.extend(texts(node.children))
            case CodeSpan() | LineBreak() | Note():
                pass
            case _:
                assert_never(node)
    return out


def map_texts(inlines: tuple[Inline, ...], change: Callable[[str], str]) -> tuple[Inline, ...]:
    """Apply ``change`` to each text node alone (no context across spans)."""
    out: list[Inline] = []
    for node in inlines:
        match node:
            case Text():
                new = change(node.text)
                if new:
                    out.append(Text(new, node.source.plain()))
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                out.append(with_children(node, map_texts(node.children, change)))
            case CodeSpan() | LineBreak() | Note():
                out.append(node)
            case _:
                assert_never(node)
    return tuple(out)
