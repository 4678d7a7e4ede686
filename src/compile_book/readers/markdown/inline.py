"""CommonMark inline nodes -> our inline nodes, each with its source line and column.

markdown-it has already decided what is markup: ``*x*`` is an
:class:`~compile_book.nodes.Emphasis`, ``~~x~~`` a
:class:`~compile_book.nodes.Strikeout`, a backtick span a
:class:`~compile_book.nodes.CodeSpan`, ``[text](url)`` a
:class:`~compile_book.nodes.Link`, ``[^1]`` a :class:`~compile_book.nodes.Note`,
two trailing spaces or a backslash a :class:`~compile_book.nodes.LineBreak`.
Text and emphasis are handed over *raw* where they can be: a run of text,
soft breaks and emphasis becomes one :class:`~compile_book.nodes.Text` with its
``*`` delimiters as typed when our own inline parser (the ``inlines``
transform) reads that run exactly as CommonMark did, which is the usual case.
That transform then builds the emphasis, and mind-speech braces may enclose
it (``{I *really* mean it}``) or run over paragraphs, as in a ``.txt``. Where
the two readings differ, CommonMark's nodes are built here and every ``*`` and
``_`` it left as text is hidden behind the stand-ins of
:mod:`compile_book.rules.markdown`, so it is never read as emphasis a second
time. Escaped characters are always hidden.

Inline HTML: ``<br>`` is a line break; ``<i>``/``<em>``, ``<b>``/``<strong>`` and
``<s>``/``<del>`` pairs become emphasis, strong and strikeout; other HTML tags
are left out (counted for ``N026``) with their text kept; a tag HTML does not
know (``<telepathic>``) is the writer's own mark and stays as typed.

Positions: the text of each node is looked up in its source line from a
cursor that moves left to right, so a node knows its line and column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it.tree import SyntaxTreeNode

from ...nodes import (
    CodeSpan,
    Emphasis,
    Inline,
    LineBreak,
    Link,
    Note,
    Source,
    Strikeout,
    Strong,
    Text,
)
from ...rules.inlines import Chunk, InlineParser, Open
from ...rules.markdown import escaped, hide, restore

# Why: an HTML tag's name, to tell HTML markup from a writer's own <telepathic> mark.
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>", re.S)
_SPANS: dict[str, type[Emphasis | Strong | Strikeout]] = {
    "i": Emphasis,
    "em": Emphasis,
    "cite": Emphasis,
    "b": Strong,
    "strong": Strong,
    "s": Strikeout,
    "del": Strikeout,
    "strike": Strikeout,
}
_MARKDOWN_SPANS: dict[str, type[Emphasis | Strong | Strikeout]] = {
    "em": Emphasis,
    "strong": Strong,
    "s": Strikeout,
}
#: HTML element names: these tags are markup with no place in a book's text.
HTML_TAGS = frozenset(
    "a abbr address article aside audio b bdi bdo big blockquote body br button canvas "
    "caption center cite code col colgroup data dd del details dfn dialog div dl dt em "
    "embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr "
    "html i iframe img input ins kbd label legend li link main mark meta meter nav "
    "noscript object ol optgroup option output p param picture pre progress q rp rt ruby "
    "s samp script section select small source span strike strong style sub summary sup "
    "table tbody td template textarea tfoot th thead time title tr track tt u ul var "
    "video wbr".split()
)

NoteMaker = Callable[[SyntaxTreeNode, Source], Note | None]
Shape = tuple[object, ...]


@dataclass
class _Buffer:
    """Text waiting to become one :class:`Text` node (runs of text and soft breaks)."""

    parts: list[str] = field(default_factory=list)
    start: tuple[int, int] | None = None
    breaks: list[tuple[int, int, int]] = field(default_factory=list)
    size: int = 0
    newline: bool = False


class Inliner:
    """Builds one file's inline nodes; ``counts`` tallies what was left out."""

    def __init__(self, name: str, lines: list[str], note: NoteMaker) -> None:
        self.name = name
        self.lines = lines
        self.note = note
        self.counts: Counter[str] = Counter()
        self.line = 0
        self.col = 0
        self.verse = False

    def build(
        self, children: list[SyntaxTreeNode], line: int, *, col: int = 0, verse: bool = False
    ) -> tuple[Inline, ...]:
        """The inlines of a block starting on 0-based ``line`` (at 0-based ``col``);
        with ``verse`` every line break is a :class:`LineBreak`. Re-entrant: a note
        built in the middle of a paragraph leaves the paragraph's cursor alone."""
        saved = self.line, self.col, self.verse
        self.line, self.col, self.verse = line, col, verse
        try:
            return tuple(self._sequence(children))
        finally:
            self.line, self.col, self.verse = saved

    def sequence(self, children: list[SyntaxTreeNode]) -> tuple[Inline, ...]:
        """Inlines that go on from the cursor (an inline note's text, ``^[...]``)."""
        saved = self.verse
        self.verse = False
        try:
            return tuple(self._sequence(children))
        finally:
            self.verse = saved

    # ------------------------------------------------------------------ positions

    def _find(self, text: str) -> tuple[int, int]:
        """The 1-based position of ``text`` at or after the cursor; the cursor moves past it."""
        src = self.lines[self.line] if self.line < len(self.lines) else ""
        at = src.find(text, self.col) if text else -1
        if at < 0:
            return self.line + 1, self.col + 1
        self.col = at + len(text)
        return self.line + 1, at + 1

    def _source(self, text: str) -> Source:
        line, col = self._find(text)
        return Source(self.name, line, col)

    def _next_line(self) -> None:
        self.line += 1
        self.col = 0

    # ------------------------------------------------------------------ building

    def _sequence(self, children: list[SyntaxTreeNode]) -> list[Inline]:
        out: list[Inline] = []
        k = 0
        while k < len(children):
            if self._plain(children[k]):
                j = k + 1
                while j < len(children) and self._plain(children[j]):
                    j += 1
                out.extend(self._run(children[k:j]))
                k = j
                continue
            node = children[k]
            k += 1
            if node.type in ("softbreak", "hardbreak"):
                out.append(LineBreak(Source(self.name, self.line + 1, self.col + 1)))
                self._next_line()
            elif node.type == "html_inline":
                k = self._html(children, k, out)
            else:
                out.extend(self._node(node))
        return out

    def _plain(self, node: SyntaxTreeNode) -> bool:
        """Text our own inline parser could have read from the raw typing."""
        kind = node.type
        if kind in ("text", "text_special"):
            return True
        if kind == "softbreak":
            return not self.verse
        if kind == "html_inline":
            return _own_mark(node.content)
        if kind in ("em", "strong"):
            return all(self._plain(child) for child in node.children)
        return False

    def _run(self, nodes: list[SyntaxTreeNode]) -> list[Inline]:
        """A run of text and emphasis: one raw :class:`Text`, delimiters and all, when our
        inline parser reads it as CommonMark did (so mind-speech braces may enclose
        emphasis); otherwise the nodes CommonMark found, literal stars hidden."""
        start = self.line, self.col
        buf = _Buffer()
        for node in nodes:
            self._raw(buf, node)
        raw = "".join(buf.parts)
        if raw_shape(raw) == _shape_of(nodes):
            out: list[Inline] = []
            self._flush(buf, out)
            return out
        self.line, self.col = start
        return self._structured(nodes)

    def _raw(self, buf: _Buffer, node: SyntaxTreeNode) -> None:
        kind = node.type
        if kind == "text":
            self._put(buf, node.content, node.content)
        elif kind in ("text_special", "html_inline"):
            self._add_text(buf, node)
        elif kind == "softbreak":
            self._soft_break(buf)
        else:  # emphasis or strong, delimiters as typed
            self._put(buf, node.markup, node.markup)
            for child in node.children:
                self._raw(buf, child)
            self._put(buf, node.markup, node.markup)

    def _structured(self, nodes: list[SyntaxTreeNode]) -> list[Inline]:
        out: list[Inline] = []
        buf = _Buffer()
        for node in nodes:
            if node.type in ("em", "strong"):
                self._flush(buf, out)
                src = self._source(node.markup)
                children = tuple(self._structured(node.children))
                self._find(node.markup)
                out.append((Emphasis if node.type == "em" else Strong)(children, src))
            elif node.type == "softbreak":
                self._soft_break(buf)
            else:
                self._add_text(buf, node)
        self._flush(buf, out)
        return out

    def _soft_break(self, buf: _Buffer) -> None:
        buf.parts.append(" ")
        buf.size += 1
        buf.newline = True
        self._next_line()

    def _add_text(self, buf: _Buffer, node: SyntaxTreeNode) -> None:
        if node.type == "text":
            self._put(buf, hide(node.content), node.content)
        elif node.type == "html_inline":  # the writer's own mark (<telepathic>): as typed
            self._put(buf, node.content, node.content)
        elif node.info == "escape":
            self._put(buf, escaped(node.content), node.markup)
        else:  # an entity (&amp;): the character it names, taken literally
            self._put(buf, hide(node.content), node.markup)

    def _put(self, buf: _Buffer, text: str, typed: str) -> None:
        line, col = self._find(typed)
        if buf.start is None:
            buf.start = (line, col)
        elif buf.newline:
            buf.breaks.append((buf.size, line, col))
        buf.newline = False
        buf.parts.append(text)
        buf.size += len(text)

    def _flush(self, buf: _Buffer, out: list[Inline]) -> None:
        if buf.parts and buf.start is not None:
            line, col = buf.start
            out.append(Text("".join(buf.parts), Source(self.name, line, col, tuple(buf.breaks))))
        elif buf.parts:  # only soft breaks: keep the space between neighbours
            out.append(Text(" ", Source(self.name, self.line + 1, self.col + 1)))
        buf.parts, buf.start, buf.breaks, buf.size, buf.newline = [], None, [], 0, False

    def _node(self, node: SyntaxTreeNode) -> list[Inline]:
        kind = node.type
        if kind in ("em", "strong", "s"):  # around a link, code or a note
            src = self._source(node.markup)
            children = tuple(self._sequence(node.children))
            span = _MARKDOWN_SPANS[kind]
            return [span(children, src)]
        if kind == "link":
            src = self._source("[" if node.markup != "autolink" else "<")
            url = str(node.attrs.get("href", ""))
            return [Link(tuple(self._sequence(node.children)), url, src)]
        if kind == "code_inline":
            return [CodeSpan(node.content, self._source(node.content))]
        if kind == "image":
            # An image inside a line of text: its description stands in for it.
            self.counts["inline image"] += 1
            alt = alt_text(node)
            return [Text(hide(alt), self._source(alt))] if alt else []
        if kind == "footnote_ref":
            src = self._source("[^" if "label" in node.meta else "^[")
            note = self.note(node, src)
            if note is not None:
                return [note]
            return [Text(f"[^{node.meta.get('label', '')}]", src)]
        # Anything else markdown-it may grow: its text, never lost.
        return [Text(hide(node.content), self._source(node.content))] if node.content else []

    def _html(self, children: list[SyntaxTreeNode], k: int, out: list[Inline]) -> int:
        """An HTML tag at ``children[k - 1]``; returns where to go on."""
        raw = children[k - 1].content
        if raw.startswith("<!--"):
            self.counts["comment"] += 1
            return k
        m = _TAG_RE.fullmatch(raw.strip())
        name = m.group(2).lower() if m else ""
        self._find(raw)
        if name == "br":
            out.append(LineBreak(Source(self.name, self.line + 1, self.col + 1)))
            return k
        span = _SPANS.get(name)
        end = _closing(children, k, name) if span and m and not m.group(1) else None
        if span is None or end is None:
            self.counts["HTML tag"] += 1
            return k
        src = Source(self.name, self.line + 1, self.col + 1)
        out.append(span(tuple(self._sequence(children[k:end])), src))
        self._find(children[end].content)
        return end + 1


def _own_mark(raw: str) -> bool:
    """A tag HTML does not know (``<telepathic>``): the writer's own mark, kept as typed."""
    m = _TAG_RE.fullmatch(raw.strip())
    if raw.startswith("<!--"):
        return False
    return m is None or m.group(2).lower() not in HTML_TAGS


def _closing(children: list[SyntaxTreeNode], k: int, name: str) -> int | None:
    """The index of the tag closing ``<name>`` among the siblings from ``k``."""
    depth = 0
    for j in range(k, len(children)):
        node = children[j]
        if node.type != "html_inline":
            continue
        m = _TAG_RE.fullmatch(node.content.strip())
        if m is None or m.group(2).lower() != name:
            continue
        if not m.group(1):
            depth += 1
        elif depth == 0:
            return j
        else:
            depth -= 1
    return None


def alt_text(node: SyntaxTreeNode) -> str:
    """An image's description: the plain text of its ``![...]`` part."""
    if not node.children:
        return node.content
    out: list[str] = []
    for child in node.walk(include_self=False):
        if child.type in ("text", "text_special", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out).strip()


# ---------------------------------------------------------------------- raw text


def _shape_of(nodes: list[SyntaxTreeNode]) -> Shape:
    """The text and emphasis CommonMark found in a run, in the form of :func:`shape`."""
    out: list[object] = []
    for node in nodes:
        if node.type in ("em", "strong"):
            out.append(("Emphasis" if node.type == "em" else "Strong", _shape_of(node.children)))
        elif node.type == "softbreak":
            _add(out, " ")
        else:
            _add(out, restore(node.content))
    return _shape(out)


_EMPHASIS_ONLY = InlineParser([])


def raw_shape(text: str) -> Shape:
    """What our own emphasis parser makes of raw text, in the form of :func:`shape`."""
    if not _EMPHASIS_ONLY.needs_parse(text):
        return (restore(text),) if text else ()
    tokens, _ = _EMPHASIS_ONLY.parse(text)
    stack: list[list[object]] = [[]]
    names: list[str] = []
    for tok in tokens:
        if isinstance(tok, Chunk):
            _add(stack[-1], restore(text[tok.start : tok.end]))
        elif isinstance(tok, Open):
            stack.append([])
            names.append("Strong" if tok.kind == "strong" else "Emphasis")
        else:
            inner = _shape(stack.pop())
            stack[-1].append((names.pop(), inner))
    return _shape(stack[0])


def _add(out: list[object], text: str) -> None:
    """Text onto a shape being built; neighbouring texts are joined by :func:`_shape`.

    Why not join here: a wrapped paragraph of forty thousand lines would copy its
    growing text once per line.
    """
    if text:
        out.append(text)


def _shape(out: list[object]) -> Shape:
    """A built shape with each run of neighbouring texts joined into one."""
    shape: list[object] = []
    run: list[str] = []
    for item in out:
        if isinstance(item, str):
            run.append(item)
            continue
        if run:
            shape.append("".join(run))
            run = []
        shape.append(item)
    if run:
        shape.append("".join(run))
    return tuple(shape)
