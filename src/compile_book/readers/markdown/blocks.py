"""The CommonMark syntax tree -> items (top level) and blocks (inside containers).

* A heading (ATX or setext) is matched against the heading patterns; a setext
  "heading" that reads as a sentence over a divider (``She left.`` / ``---``) is
  that paragraph and a scene break; an empty ``#`` is a scene break.
* A paragraph that is one raw text run (:mod:`.inline`: text and emphasis our
  own parser reads as CommonMark does) is :class:`~.items.Prose`, so the
  manuscript rules and mind-speech over paragraphs apply to it; otherwise it
  is a finished :class:`~compile_book.nodes.Paragraph`. Images alone in a
  paragraph are figures. A paragraph of short lines broken with two spaces or
  a backslash, or of three or more lines too short to be wrapped prose, is
  :class:`~compile_book.nodes.Verse`; stanzas that follow each other merge.
* Block quotes, lists and footnotes keep their own blocks; a fence is code
  (``verse``/``poem`` fences are verse); an indented block is read by its
  content (:mod:`.special`); HTML blocks and tables are :mod:`.special`'s too.
"""

from __future__ import annotations

import re
from collections import Counter

from markdown_it.tree import SyntaxTreeNode

from ...diagnostics import Code, Reporter
from ...locale import Locale
from ...nodes import (
    Block,
    BlockQuote,
    ChapterKind,
    Figure,
    Inline,
    LineBreak,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    Source,
    Text,
    Verse,
)
from ...rules.headings import HeadingMatch, match_heading
from ...rules.markdown import hide, hide_escapes
from ...rules.paragraphs import MIN_WRAP_WIDTH
from ...rules.scenebreaks import is_scene_break
from ...rules.titles import book_title_like, chapter_title_like
from . import media, special
from .inline import Inliner, alt_text
from .items import Blk, Brk, Head, Item, Prose, as_block
from .parse import Parsed, parse_inline
from .special import VERSE_LINE_MAX

# Why: pandoc's heading attributes (``{#id .class}``, ``{-}``) are not the title's words.
_ATTRIBUTES = re.compile(r"\s*\{(?:[#.][^{}]*|-)\}$")
# Why: nobody wraps prose below MIN_WRAP_WIDTH columns, so three or more lines that
# short, typed as one paragraph, are a poem or a song whose breaks were meant.
MIN_VERSE_LINES = 3

# Why: the ends of spoken lines: sentence punctuation, a closing quote or dash.
_SPOKEN_ENDS = tuple(".!?…»”\"'—-")


class BlockReader:
    """Reads one parsed file's blocks; ``counts`` tallies what was left out (``N026``)."""

    def __init__(self, name: str, parsed: Parsed, locale: Locale, reporter: Reporter) -> None:
        self.name = name
        self.parsed = parsed
        self.locale = locale
        self.reporter = reporter
        self.inliner = Inliner(name, parsed.lines, self._note)
        self.definitions: dict[str, SyntaxTreeNode] = {}
        self.referenced: set[str] = set()
        for node in parsed.root.walk():
            if node.type == "footnote_reference":
                self.definitions.setdefault(str(node.meta["label"]), node)
            # A heading holds no note: a mark there alone leaves its note unreferenced.
            elif node.type == "footnote_ref" and "label" in node.meta and not _in_heading(node):
                self.referenced.add(str(node.meta["label"]))
        self._notes: dict[str, tuple[Block, ...]] = {}
        self._building: set[str] = set()

    @property
    def counts(self) -> Counter[str]:
        return self.inliner.counts

    def items(self) -> list[Item]:
        """The file's top-level items, in order."""
        out: list[Item] = []
        for node in self.parsed.root.children:
            out.extend(self._items(node))
        return _merge_verse(out)

    def blocks(self, nodes: list[SyntaxTreeNode]) -> tuple[Block, ...]:
        """The blocks inside a container: breaks only between blocks, verse merged."""
        found = [as_block(item) for node in nodes for item in self._items(node)]
        out: list[Block] = []
        for block in found:
            if isinstance(block, SceneBreak) and (not out or isinstance(out[-1], SceneBreak)):
                continue
            out.append(block)
        while out and isinstance(out[-1], SceneBreak):
            out.pop()
        return tuple(b.block for b in _merge_verse([Blk(b) for b in out]) if isinstance(b, Blk))

    # ------------------------------------------------------------------ one node

    def _items(self, node: SyntaxTreeNode) -> list[Item]:
        kind = node.type
        src = self._source(node)
        if kind == "paragraph":
            return self._paragraph(node)
        if kind == "heading":
            return self._heading(node)
        if kind == "hr":
            return [Brk(src)]
        if kind == "blockquote":
            quoted = self.blocks(node.children)
            return [Blk(BlockQuote(quoted, src))] if quoted else []
        if kind in ("bullet_list", "ordered_list"):
            return self._list(node, src)
        if kind in ("code_block", "fence"):
            return special.code(node, src, self.name)
        if kind == "html_block":
            return special.html(node, src, self.counts)
        if kind == "table":
            return special.table(node, self.inliner, self.counts)
        if kind == "footnote_reference":
            return self._unreferenced(node, src)
        out: list[Item] = []  # a container markdown-it may grow: its content, never lost
        for child in node.children:
            out.extend(self._items(child))
        return out

    def _source(self, node: SyntaxTreeNode) -> Source:
        start = node.map[0] if node.map else 0
        line = self.parsed.lines[start] if start < len(self.parsed.lines) else ""
        return Source(self.name, start + 1, len(line) - len(line.lstrip()) + 1)

    # ------------------------------------------------------------------ headings

    def _heading(self, node: SyntaxTreeNode) -> list[Item]:
        src = self._source(node)
        inline = node.children[0] if node.children else None
        content = inline.content if inline is not None else ""
        text = _ATTRIBUTES.sub("", " ".join(content.split()))
        if not text:
            return [Brk(src)]  # a lone "#" is a scene break
        setext = node.markup in ("=", "-")
        start, end = node.map or (0, 1)
        if setext and _sentence(text) and is_scene_break(self.parsed.lines[end - 1].strip()):
            # "She left." over "---": a paragraph and a scene break, not a heading.
            para = self._paragraph(node)
            return [*para, Brk(Source(self.name, end, 1))]
        level = int(node.tag[1:])
        hidden, _ = hide_escapes(text)
        found = match_heading("#" * level + " " + hidden, self.locale) or HeadingMatch(
            False, ChapterKind.CHAPTER, None, None, None, hidden, level
        )
        typed = self.parsed.lines[start].strip() if not setext else text
        title = self._title(found.title, hidden, text, start) if found.title else ()
        whole = self._title(hidden, hidden, text, start)
        return [Head(found, typed, src, title, whole)]

    def _title(self, part: str, hidden: str, text: str, line: int) -> tuple[Inline, ...]:
        """The inlines of ``part``, the tail of a heading's (hidden) text."""
        at = max(hidden.rfind(part), 0)
        typed = text[at : at + len(part)]
        source_line = self.parsed.lines[line]
        col = max(source_line.find(typed), 0) + 1
        children = parse_inline(typed, self.parsed.env)
        return self.inliner.build(children, line, col=col - 1)

    # ------------------------------------------------------------------ paragraphs

    def _paragraph(self, node: SyntaxTreeNode) -> list[Item]:
        inline = node.children[0] if node.children else None
        if inline is None:
            return []
        start = node.map[0] if node.map else 0
        content = inline.content.split("\n")
        out: list[Item] = []
        for children, first, count in self._groups(inline.children, start):
            offset = first - start
            out.extend(self._group(children, first, content[offset : offset + count]))
        return out

    def _groups(
        self, children: list[SyntaxTreeNode], start: int
    ) -> list[tuple[list[SyntaxTreeNode], int, int]]:
        """Split a paragraph where an indented line opened a new one (indented files)."""
        starts = self.parsed.starts
        groups: list[tuple[list[SyntaxTreeNode], int, int]] = []
        current: list[SyntaxTreeNode] = []
        first = line = start
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
                if child.type == "softbreak" and line in starts:
                    groups.append((current, first, line - first))
                    current, first = [], line
                    continue
            current.append(child)
        groups.append((current, first, line - first + 1))
        return [g for g in groups if g[0]]

    def _group(self, children: list[SyntaxTreeNode], line: int, content: list[str]) -> list[Item]:
        src = Source(self.name, line + 1, self._col(line, content[0] if content else ""))
        if _figures_only(children):
            return self._figures(children, line)
        if _short(content) and (
            any(c.type == "hardbreak" for c in children) or _unwrapped(content)
        ):
            lines = _lines(self.inliner.build(children, line, verse=True))
            return [Blk(Verse(lines, src))]
        built = self.inliner.build(children, line)
        if all(isinstance(t, Text) and not t.text.strip() for t in built):
            return []  # nothing but markup that was left out
        if len(built) == 1 and isinstance(built[0], Text):
            return [prose(built[0])]
        return [Blk(Paragraph(built, src))]

    def _col(self, line: int, typed: str) -> int:
        source = self.parsed.lines[line] if line < len(self.parsed.lines) else ""
        return max(source.find(typed.strip()), 0) + 1 if typed.strip() else 1

    def _raw_source(self, line: int, content: list[str]) -> Source:
        """The source of raw text joined from ``content`` lines, each line's offset mapped."""
        breaks: list[tuple[int, int, int]] = []
        offset = len(content[0].strip())
        for k, typed in enumerate(content[1:], start=1):
            if typed.strip():
                offset += 1
                breaks.append((offset, line + k + 1, self._col(line + k, typed)))
                offset += len(typed.strip())
        return Source(self.name, line + 1, self._col(line, content[0]), tuple(breaks))

    def _figures(self, children: list[SyntaxTreeNode], line: int) -> list[Item]:
        out: list[Item] = []
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            if child.type != "image":
                continue
            target = str(child.attrs.get("src", ""))
            alt = alt_text(child)
            src = Source(self.name, line + 1, self._col(line, "!["))
            loaded = media.load(self.name, target)
            if loaded.image is None:
                self.reporter.add(
                    Code.IMAGE_LEFT_OUT,
                    f"image {alt or media.shown(target)!r} left out: {loaded.problem}",
                    self.name,
                    src.line,
                    src.col,
                )
                continue
            title = str(child.attrs.get("title") or "")
            caption = (Text(hide(title), src),) if title else ()
            out.append(Blk(Figure(loaded.image, alt, src, caption)))
        return out

    # ------------------------------------------------------------------ lists and notes

    def _list(self, node: SyntaxTreeNode, src: Source) -> list[Item]:
        items = [child for child in node.children if child.type == "list_item"]
        if (
            node.markup == "-"
            and all(len(i.children) == 1 and i.children[0].type == "paragraph" for i in items)
            and (
                self.locale.dialogue == "dash"
                or (self.locale.dash_dialogue and self._spoken(items))
            )
        ):
            # "- Hola -dijo." in Spanish is dialogue typed with a hyphen, not a list;
            # so is "- Tak - powiedział." in Polish, where each line ends as a sentence.
            return [self._dialogue(item) for item in items]
        blocks = tuple(self.blocks(item.children) for item in items)
        start = int(str(node.attrs.get("start", 1)))
        return [Blk(ListBlock(node.type == "ordered_list", blocks, src, start))]

    def _spoken(self, items: list[SyntaxTreeNode]) -> bool:
        """Every item ends as a sentence does ("- Nie - odpowiedział."): speech, where a
        list's items ("- mleko", "- chleb") rarely end so."""
        for item in items:
            start, end = item.map or (0, 1)
            text = " ".join(self.parsed.lines[start:end]).rstrip()
            if not text.endswith(_SPOKEN_ENDS):
                return False
        return True

    def _dialogue(self, item: SyntaxTreeNode) -> Item:
        start, end = item.map or (0, 1)
        lines = [hide_escapes(ln.strip())[0] for ln in self.parsed.lines[start:end] if ln.strip()]
        source = self._raw_source(start, self.parsed.lines[start:end])
        return Prose(" ".join(lines), source, tuple(lines))

    def _note(self, ref: SyntaxTreeNode, src: Source) -> Note | None:
        """The note a ``[^label]`` (or ``^[inline]``) reference stands for."""
        if "label" not in ref.meta:
            notes = self.parsed.env.get("footnotes")
            table = notes.get("list", {}) if isinstance(notes, dict) else {}
            entry = table.get(ref.meta.get("id"))
            tokens = entry.get("tokens") if isinstance(entry, dict) else None
            if not tokens:
                return None
            inlines = self.inliner.sequence(SyntaxTreeNode(tokens).children)
            return Note((Paragraph(inlines, src),), src)
        label = str(ref.meta["label"])
        definition = self.definitions.get(label)
        if definition is None or label in self._building:
            return None  # undefined, or a note quoting itself: the mark stays as typed
        if label not in self._notes:
            self._building.add(label)
            self._notes[label] = self.blocks(definition.children)
            self._building.discard(label)
        return Note(self._notes[label], src)

    def _unreferenced(self, node: SyntaxTreeNode, src: Source) -> list[Item]:
        label = str(node.meta.get("label", ""))
        if label in self.referenced:
            return []  # it stands at its reference
        # A warning: the note's text now stands in the story where it was defined.
        self.reporter.add(
            Code.FOOTNOTES_NOT_READ,
            f"footnote [^{label}] is never referenced (a mark in a heading, which holds no "
            "note, does not count); its text is printed where it is defined, as a "
            f"paragraph: add the mark [^{label}] to the text where it belongs",
            self.name,
            src.line,
        )
        out: list[Item] = []
        for child in node.children:
            out.extend(self._items(child))
        return out


def prose(text: Text) -> Prose:
    """A raw paragraph from one text node, its lines found from the node's line map."""
    cuts = [offset for offset, _, _ in text.source.breaks]
    ends = [*cuts, len(text.text) + 1]
    lines = [text.text[a : b - 1] for a, b in zip([0, *cuts], ends, strict=True)]
    return Prose(text.text, text.source, tuple(lines))


def _in_heading(node: SyntaxTreeNode) -> bool:
    """Whether `node` sits in a heading's text."""
    parent = node.parent
    while parent is not None:
        if parent.type == "heading":
            return True
        parent = parent.parent
    return False


def _sentence(text: str) -> bool:
    """A line that reads as prose rather than as a heading."""
    return not (match_heading(text) or book_title_like(text) or chapter_title_like(text))


def _figures_only(children: list[SyntaxTreeNode]) -> bool:
    """Images alone in their paragraph (one or several, each on its own line)."""
    seen = False
    for child in children:
        if child.type == "image":
            seen = True
        elif child.type not in ("softbreak", "hardbreak") and not (
            child.type == "text" and not child.content.strip()
        ):
            return False
    return seen


def _short(content: list[str]) -> bool:
    return len(content) >= 2 and all(len(ln.strip()) <= VERSE_LINE_MAX for ln in content)


def _unwrapped(content: list[str]) -> bool:
    """Lines too short to be wrapped prose (see rules.paragraphs.MIN_WRAP_WIDTH)."""
    return len(content) >= MIN_VERSE_LINES and all(
        len(ln.strip()) < MIN_WRAP_WIDTH for ln in content
    )


def _lines(inlines: tuple[Inline, ...]) -> tuple[tuple[Inline, ...], ...]:
    """Verse inlines split into lines at their line breaks."""
    lines: list[tuple[Inline, ...]] = []
    current: list[Inline] = []
    for node in inlines:
        if isinstance(node, LineBreak):
            lines.append(tuple(current))
            current = []
        else:
            current.append(node)
    lines.append(tuple(current))
    return tuple(line for line in lines if line)


def _merge_verse(items: list[Item]) -> list[Item]:
    """Stanzas typed as paragraphs one after another are one poem, stanza breaks kept."""
    out: list[Item] = []
    for item in items:
        last = out[-1] if out else None
        if (
            isinstance(item, Blk)
            and isinstance(item.block, Verse)
            and isinstance(last, Blk)
            and isinstance(last.block, Verse)
        ):
            merged = (*last.block.lines, (), *item.block.lines)
            out[-1] = Blk(Verse(merged, last.block.source))
        else:
            out.append(item)
    return out
