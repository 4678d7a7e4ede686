"""Blocks CommonMark reads one way and a manuscript often means another.

* **An indented block** (CommonMark's indented code) is read by its content,
  each group of lines between blank lines on its own. Lines made mostly of
  letters are words: several short lines (all within :data:`VERSE_LINE_MAX`)
  are verse (consecutive groups are its stanzas); otherwise they are a prose
  paragraph (an indented letter). Lines of symbols (a screen, ASCII art) are
  code, kept as typed.
* **A fence** is code, kept as typed (text messages, computer screens); a fence
  whose info string is ``verse``, ``poem``, ``poetry``, ``lyrics`` or ``song``
  is verse.
* **An HTML block** is markup with no place in a book: the tags are left out
  (``N026``) and any text in them kept as a paragraph; scripts and styles go.
* **A table** has no good form on a phone's screen: each row is a paragraph, its
  cells separated by a middle dot, the header row in bold (``N026`` says so).
"""

from __future__ import annotations

from collections import Counter

import lxml.html
from lxml import etree
from markdown_it.tree import SyntaxTreeNode

from ...nodes import CodeBlock, Inline, Paragraph, Source, Strong, Text, Verse
from ...rules.markdown import hide, hide_escapes
from .inline import Inliner
from .items import Blk, Item, Prose

# Why: verse and prose are mostly letters; below this share of a block's visible
# characters it is a screen, a table of figures or ASCII art.
WORDS_SHARE = 0.6
# Why: verse lines are short; an editor wraps prose at 65-80 columns, so a block of
# lines all within this is a poem, a song or an address, not wrapped prose.
VERSE_LINE_MAX = 60
VERSE_INFO = frozenset({"verse", "poem", "poetry", "lyrics", "song"})
# Why: a middle dot separates cells plainly; typography would close up a spaced dash.
CELL_SEPARATOR = " · "


def code(node: SyntaxTreeNode, src: Source, name: str) -> list[Item]:
    """A fence or an indented block: code, verse or prose, by what it holds."""
    text = node.content.rstrip("\n")
    if not text.strip():
        return []
    if node.type == "fence":
        words = node.info.strip().split()
        if words and words[0].lower() in VERSE_INFO:
            return [Blk(_verse(text, src, name, 1))]
        return [Blk(CodeBlock(text, src))]
    out: list[Item] = []
    for first, group in _groups(text.split("\n")):
        where = Source(name, src.line + first, src.col)
        kind = _kind(group)
        last = out[-1] if out else None
        if kind == "code" and isinstance(last, Blk) and isinstance(last.block, CodeBlock):
            gap = "\n" * (where.line - last.block.source.line - last.block.text.count("\n"))
            out[-1] = Blk(CodeBlock(last.block.text + gap + "\n".join(group), last.block.source))
        elif kind == "code":
            out.append(Blk(CodeBlock("\n".join(group), where)))
        elif kind == "verse":
            out.append(Blk(_verse("\n".join(group), where, name, 0)))
        else:
            out.extend(_prose(group, where, name))
    return out


def _groups(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The blank-line separated groups of an indented block, with their first line."""
    groups: list[tuple[int, list[str]]] = []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        if not groups or not lines[k - 1].strip():
            groups.append((k, []))
        groups[-1][1].append(line)
    return groups


def _kind(group: list[str]) -> str:
    """``code`` (mostly symbols), ``verse`` (several short lines) or ``prose``."""
    visible = [c for line in group for c in line if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < WORDS_SHARE * len(visible):
        return "code"
    if len(group) >= 2 and all(len(line.strip()) <= VERSE_LINE_MAX for line in group):
        return "verse"
    return "prose"


def _verse(text: str, src: Source, name: str, skip: int) -> Verse:
    """Lines of verse, each raw (emphasis and mind-speech are found later)."""
    lines: list[tuple[Inline, ...]] = []
    for k, typed in enumerate(text.split("\n")):
        stripped = typed.strip()
        if not stripped:
            if lines and lines[-1]:
                lines.append(())
            continue
        hidden, _ = hide_escapes(stripped)
        where = Source(name, src.line + skip + k, src.col + len(typed) - len(typed.lstrip()))
        lines.append((Text(hidden, where),))
    while lines and not lines[-1]:
        lines.pop()
    return Verse(tuple(lines), src)


def _prose(lines: list[str], src: Source, name: str) -> list[Item]:
    """Blank-line separated groups of an indented block as raw paragraphs."""
    out: list[Item] = []
    group: list[tuple[int, str]] = []
    for k, typed in enumerate([*lines, ""]):
        if typed.strip():
            group.append((k, typed.strip()))
            continue
        if group:
            text, _ = hide_escapes(" ".join(t for _, t in group))
            breaks: list[tuple[int, int, int]] = []
            offset = len(group[0][1])
            for k2, t in group[1:]:
                breaks.append((offset + 1, src.line + k2, src.col))
                offset += 1 + len(t)
            where = Source(name, src.line + group[0][0], src.col, tuple(breaks))
            out.append(Prose(text, where, tuple(t for _, t in group)))
            group = []
    return out


def html(node: SyntaxTreeNode, src: Source, counts: Counter[str]) -> list[Item]:
    """An HTML block: its text kept as one paragraph, its markup left out."""
    counts["HTML block"] += 1
    content = node.content.strip()
    if not content or content.startswith(("<!--", "<?", "<!")):
        return []
    try:
        root = lxml.html.fragment_fromstring(content, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    for element in root.iter("script", "style"):
        element.drop_tree()
    text = " ".join(root.text_content().split())
    if not text:
        return []
    return [Prose(hide(text), src, (text,))]


def table(node: SyntaxTreeNode, inliner: Inliner, counts: Counter[str]) -> list[Item]:
    """A table as one paragraph per row: cells joined by a middle dot, header in bold."""
    counts["table"] += 1
    out: list[Item] = []
    for row in node.walk():
        if row.type != "tr" or row.map is None:
            continue
        line = row.map[0]
        src = Source(inliner.name, line + 1, 1)
        cells: list[tuple[Inline, ...]] = []
        for cell in row.children:
            inline = cell.children[0].children if cell.children else []
            built = inliner.build(inline, line)
            if not built:
                continue
            cells.append((Strong(built, src),) if cell.type == "th" else built)
        inlines: list[Inline] = []
        for k, cell_inlines in enumerate(cells):
            if k:
                inlines.append(Text(CELL_SEPARATOR, src))
            inlines.extend(cell_inlines)
        if inlines:
            out.append(Blk(Paragraph(tuple(inlines), src)))
    return out
