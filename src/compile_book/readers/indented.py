"""Indented groups of a plain-text file as blocks: verse and quoted letters.

:mod:`~compile_book.rules.indented` finds the groups; here each is set aside
before paragraphs are built (one placeholder line stands where it was, so the
paragraphs around it and the file's style are read as if it were a single
line apart), and turned into a :class:`~compile_book.nodes.Verse` or a
:class:`~compile_book.nodes.BlockQuote` when the reader reaches it. Every line
keeps its own source line and column.
"""

from __future__ import annotations

from collections.abc import Callable

from ..nodes import Block, BlockQuote, Inline, LineBreak, Paragraph, Source, Text, Verse
from ..rules.indented import Group, find_groups, group
from ..rules.paragraphs import Line


def set_aside(
    lines: list[Line], standalone: Callable[[str], bool]
) -> tuple[list[Line], dict[int, Group]]:
    """The lines with each indented group replaced by one placeholder line (standing
    alone), and the groups by the number of their first line."""
    ranges = find_groups(lines, standalone)
    if not ranges:
        return lines, {}
    out: list[Line] = []
    groups: dict[int, Group] = {}
    at = 0
    for a, b in ranges:
        out += lines[at:a]
        found = group(lines[a:b])
        first = next(ln for ln in found.lines if ln.text)
        groups[first.no] = found
        out.append(Line(first.no, first.indent, first.text, alone=True))
        at = b
    out += lines[at:]
    return out, groups


def _text(name: str, ln: Line) -> Text:
    return Text(ln.text, Source(name, ln.no, ln.indent + 1))


def block(name: str, found: Group) -> Block:
    """The verse or block quote a group is."""
    first = next(ln for ln in found.lines if ln.text)
    src = Source(name, first.no, first.indent + 1)
    stanzas = found.stanzas
    if not found.letter:
        verse: list[tuple[Inline, ...]] = []
        for k, stanza in enumerate(stanzas):
            if k:
                verse.append(())
            verse += [(_text(name, ln),) for ln in stanza]
        return Verse(tuple(verse), src)
    paras: list[Block] = []
    for stanza in stanzas:
        inlines: list[Inline] = []
        run: list[Line] = []
        for k, ln in enumerate(stanza):
            if k and not found.wrapped(stanza[k - 1]):
                inlines += [_run(name, run), LineBreak(Source(name, ln.no, ln.indent + 1))]
                run = []
            run.append(ln)
        inlines.append(_run(name, run))
        head = stanza[0]
        paras.append(Paragraph(tuple(inlines), Source(name, head.no, head.indent + 1)))
    return BlockQuote(tuple(paras), src)


def _run(name: str, run: list[Line]) -> Text:
    """Wrapped lines joined with spaces into one text, each offset mapped to its line."""
    text = run[0].text
    breaks: list[tuple[int, int, int]] = []
    for ln in run[1:]:
        text += " "
        breaks.append((len(text), ln.no, ln.indent + 1))
        text += ln.text
    return Text(text, Source(name, run[0].no, run[0].indent + 1, tuple(breaks)))
