"""A paragraph's content -> runs of formatted text -> nested inline nodes.

Walking a ``text:p`` gives a flat list of :class:`Run`: text with the set of
formats in force (``em``, ``strong``, ``strike``, or a link), a footnote, a
line break, or a frame (a picture, a text box). Formats come from the
styles (:mod:`.styles`); a word processor splits one italic phrase into many
spans when the writer edits it, so runs with equal formats are merged and
the nesting is rebuilt from scratch rather than copied from the XML.

White space follows ODF's rule: runs of spaces, tabs and newlines in the
XML are one space, ``text:s`` and ``text:tab`` are spaces, and space at the
start and end of a paragraph or line is dropped (a tab typed as a first-line
indent goes with it). A space at the edge of an italic phrase is moved out
of it; a space or a footnote between two runs takes only the formats both
share, so ``<i>a</i> <i>b</i>`` is one italic phrase.

What a reader never sees is left out and counted: comments, hidden text,
note citations (the mark is the note's place), ruby annotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ...nodes import Block, Emphasis, Inline, Link, Note, Source, Strikeout, Strong, Text
from ...rules.whitespace import clean
from .package import NS, q
from .styles import StyleSheet, TextProps

Formats = frozenset[str]
#: ``text:a`` formats are ``LINK + url``; the others are these names.
LINK = "link:"
# Why: ODF collapses any run of XML white space in text to one space.
_SPACE_RE = re.compile(r"\s+")
# Why: only links a reader can follow from a book; a "#bookmark" points nowhere in it.
_URL_RE = re.compile(r"(?:https?|mailto|ftp):", re.I)

_SILENT = frozenset(
    q("text", t)
    for t in ("note-citation", "ruby-text", "number", "soft-page-break", "bookmark-ref-start")
)
_COMMENT = q("office", "annotation")


@dataclass(slots=True)
class Run:
    """One piece of a paragraph: ``kind`` is text, note, break or frame.

    ``fmt`` is ``None`` while a space or a note waits to take its neighbours' formats.
    """

    kind: str
    text: str = ""
    fmt: Formats | None = frozenset()
    blocks: tuple[Block, ...] = ()
    element: etree._Element | None = field(default=None, repr=False)


NoteReader = Callable[[etree._Element], tuple[Block, ...]]
#: ``count(kind, how_many)``: a part of the document left out (comment, hidden, invisible).
Counter = Callable[[str, int], None]


class InlineReader:
    """Walks paragraphs of one document into runs, counting what it leaves out."""

    def __init__(self, sheet: StyleSheet, notes: NoteReader, count: Counter) -> None:
        self.sheet = sheet
        self.notes = notes
        self.count = count

    def runs(self, paragraph: etree._Element, props: TextProps) -> list[Run]:
        """The runs of a paragraph whose style sets ``props``."""
        out: list[Run] = []
        self._walk(paragraph, props, None, out)
        return out

    def _walk(
        self, element: etree._Element, props: TextProps, link: str | None, out: list[Run]
    ) -> None:
        self._text(element.text, props, link, out)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):  # a comment or processing instruction
                pass
            elif tag == q("text", "span"):
                inner = self.sheet.text(child.get(q("text", "style-name")))
                for extra in (child.get(q("text", "class-names")) or "").split():
                    inner = self.sheet.text(extra).over(inner)
                self._walk(child, inner.over(props), link, out)
            elif tag == q("text", "a"):
                href = (child.get(q("xlink", "href")) or "").strip()
                self._walk(child, props, href if _URL_RE.match(href) else link, out)
            elif tag in (q("text", "s"), q("text", "tab")):
                self._text(" ", props, link, out)
            elif tag == q("text", "line-break"):
                out.append(Run("break", fmt=None))
            elif tag == q("text", "note"):
                body = child.find(q("text", "note-body"))
                blocks = self.notes(body) if body is not None else ()
                out.append(Run("note", fmt=None, blocks=blocks))
            elif tag == _COMMENT:
                self.count("comment", 1)
            elif tag.startswith(f"{{{NS['draw']}}}"):
                out.append(Run("frame", element=child))
            elif tag not in _SILENT:
                # a field (date, page number, sequence, cross-reference), ruby base,
                # metadata or a change mark: its displayed text, if any, is kept
                self._walk(child, props, link, out)
            self._text(child.tail, props, link, out)

    def _text(self, raw: str | None, props: TextProps, link: str | None, out: list[Run]) -> None:
        if not raw:
            return
        if props.hidden:
            self.count("hidden", 1)
            return
        text, removed = clean(raw)
        self.count("invisible", removed)
        text = _SPACE_RE.sub(" ", text)
        fmt = props.formats() | {LINK + link} if link else props.formats()
        out.append(Run("text", text, fmt))


def split(runs: list[Run], kind: str) -> list[list[Run]]:
    """Runs cut at every run of ``kind`` (``break``: lines; ``frame``: around pictures).

    The cutting runs are kept, each as a piece of its own, when ``kind`` is ``frame``.
    """
    pieces: list[list[Run]] = [[]]
    for run in runs:
        if run.kind == kind:
            if kind == "frame":
                pieces.append([run])
            pieces.append([])
        else:
            pieces[-1].append(run)
    return pieces


def text_of(runs: list[Run]) -> str:
    return "".join(r.text for r in runs if r.kind == "text")


def tidy(runs: list[Run]) -> list[Run]:
    """One line's runs with white space collapsed and trimmed, edges moved out of
    formats, and equal neighbours merged."""
    out: list[Run] = []
    space = True  # a space here would be leading or doubled
    for run in runs:
        if run.kind != "text":
            out.append(run)
            continue
        text = _SPACE_RE.sub(" ", run.text)
        if space:
            text = text.lstrip(" ")
        if not text:
            continue
        space = text.endswith(" ")
        lead = text[: len(text) - len(text.lstrip(" "))]
        core = text.strip(" ")
        if lead:
            out.append(Run("text", lead, None))
        if core:
            out.append(Run("text", core, run.fmt))
        if core and space:
            out.append(Run("text", " ", None))
    while out and out[-1].kind == "text" and not out[-1].text.strip():
        out.pop()
    # a footnote mark hugs the word before it
    out = [r for k, r in enumerate(out) if not _space_before_note(out, k)]
    _share_formats(out)
    return _merge(out)


def _space_before_note(runs: list[Run], k: int) -> bool:
    run = runs[k]
    return (
        run.kind == "text" and run.fmt is None and k + 1 < len(runs) and runs[k + 1].kind == "note"
    )


def _share_formats(runs: list[Run]) -> None:
    """A space or note between runs takes the formats both neighbours have."""
    known = [k for k, r in enumerate(runs) if r.fmt is not None]
    before: Formats | None = None
    nxt = 0
    for k, run in enumerate(runs):
        if run.fmt is not None:
            before = run.fmt
            continue
        while nxt < len(known) and known[nxt] < k:
            nxt += 1
        after = runs[known[nxt]].fmt if nxt < len(known) else None
        if before is not None and after is not None:
            run.fmt = before & after
        else:
            run.fmt = before if before is not None else after or frozenset()


def _merge(runs: list[Run]) -> list[Run]:
    """Neighbouring text runs with equal formats as one (joined once: linear time)."""
    out: list[Run] = []
    pieces: list[str] = []
    for run in runs:
        last = out[-1] if out else None
        if last is not None and run.kind == last.kind == "text" and run.fmt == last.fmt:
            pieces.append(run.text)
            continue
        if pieces and last is not None:
            last.text = "".join(pieces)
        pieces = [run.text] if run.kind == "text" else []
        out.append(run)
    if pieces and out:
        out[-1].text = "".join(pieces)
    return out


def nest(runs: list[Run], source: Source) -> tuple[Inline, ...]:
    """Nested inline nodes for tidied runs; each text node's column is its offset + 1.

    Formats open outermost first when they last longest, so a bold word inside
    an italic sentence is ``Emphasis(..., Strong(...), ...)`` and nothing is split.
    """
    reach = _reach(runs)
    root: list[Inline] = []
    stack: list[tuple[str, list[Inline], int]] = []
    offset = 0
    for k, run in enumerate(runs):
        fmt = run.fmt or frozenset()
        keep = 0
        while keep < len(stack) and stack[keep][0] in fmt:
            keep += 1
        while len(stack) > keep:
            _close(stack, root, source)
        opened = {f for f, _, _ in stack}
        for f in sorted(fmt - opened, key=lambda f: (-reach[k][f], f)):
            stack.append((f, [], offset))
        here = stack[-1][1] if stack else root
        col = Source(source.file, source.line, source.col + offset)
        if run.kind == "text":
            here.append(Text(run.text, col))
            offset += len(run.text)
        elif run.kind == "note":
            here.append(Note(run.blocks, col))
    while stack:
        _close(stack, root, source)
    return tuple(root)


def _reach(runs: list[Run]) -> list[dict[str, int]]:
    """For each run and format, how many runs from it onward keep that format."""
    out: list[dict[str, int]] = [{} for _ in runs]
    for k in range(len(runs) - 1, -1, -1):
        fmt = runs[k].fmt or frozenset()
        later = out[k + 1] if k + 1 < len(runs) else {}
        out[k] = {f: later.get(f, 0) + 1 for f in fmt}
    return out


def _close(stack: list[tuple[str, list[Inline], int]], root: list[Inline], source: Source) -> None:
    fmt, children, offset = stack.pop()
    src = Source(source.file, source.line, source.col + offset)
    node: Inline
    if fmt.startswith(LINK):
        node = Link(tuple(children), fmt.removeprefix(LINK), src)
    elif fmt == "strong":
        node = Strong(tuple(children), src)
    elif fmt == "strike":
        node = Strikeout(tuple(children), src)
    else:
        node = Emphasis(tuple(children), src)
    (stack[-1][1] if stack else root).append(node)
