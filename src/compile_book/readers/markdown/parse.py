"""CommonMark parsing, with the few repairs a manuscript needs first.

The parser is markdown-it-py's CommonMark preset plus GFM strikethrough and
tables and the footnote plugin. Text is left as CommonMark found it: no
typographer, no linkify (our own transforms do typography), escapes kept as
their own tokens (``text_join`` off) so an escaped ``\\{`` stays literal, and
footnote definitions left where they stand (``footnote_tail`` off).

Repairs, each found on a first parse and applied to the lines before parsing
again (line numbers never change):

* ``#Chapter Twelve``: a manuscript line that reads as a heading but lacks the
  space after ``#`` gets it, and a ``W113`` warning;
* a fence opener that is never closed and is a scene-break divider (``~~~``
  alone) is a scene break, not the start of code running to the end of the file.

Pandoc's own markup for styling, which a book built with pandoc carries, is
taken off before parsing: fenced div lines (``::: {.part-title}``, ``:::``)
become blank lines and attribute blocks (``{.right}``, ``{#ch1 .unnumbered}``)
go, a bracketed span keeping its text (``[Cyborg]{.smallcaps}`` -> ``Cyborg``).
Otherwise ``{.right}`` would read as mind-speech.

A file whose paragraphs open with an indent (a tab or four spaces: a Word or
typewriter habit) is read with the indents taken off, each indented line
starting a paragraph, instead of as one long code block.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.footnote import footnote_plugin

from ...rules.headings import match_heading
from ...rules.scenebreaks import is_scene_break
from ...rules.titles import book_title_like

# Why: ``#Chapter 12`` / ``##The Storm``: hashes glued to a word at a line's start.
_GLUED_HASHES = re.compile(r"( {0,3})(#{1,6})(?=[^\s#])")
# Why: CommonMark's indented code starts at four columns (a tab counts as four).
_INDENT = re.compile(r"(?:\t| {4})")
_FENCE = re.compile(r"\s{0,3}(`{3,}|~{3,})")
# Why: pandoc's fenced divs: a line of three or more colons, with or without a class.
_DIV_FENCE = re.compile(r"\s{0,3}:{3,}(?:\s.*)?")
# Why: pandoc's attribute block: ids, classes, key=value pairs or "-" in braces;
# mind-speech ({I must go}) never opens with "#", "." or "key=".
_ATTRS = (
    r"\{\s*(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"\n]*\"|[^\s{}]+)|-)"
    r"(?:\s+(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"\n]*\"|[^\s{}]+)))*\s*\\?\}"
)
_SPAN_ATTRS = re.compile(r"\[([^\[\]\n]*)\]" + _ATTRS)
_ATTRS_RE = re.compile(_ATTRS)
# Why: a file where at least this share of text lines is indented uses indents to
# open paragraphs; fewer are an indented poem or letter inside ordinary prose.
INDENTED_SHARE = 0.4
MIN_INDENTED_LINES = 3
# Why: prose opens with a letter, a digit, a quote or a dialogue dash; code rarely does.
_OPENERS = "\"'“‘«„—–-"
# Why: each repair fixes at least one line; a few rounds settle any real file.
MAX_ROUNDS = 4


@functools.cache
def parser() -> MarkdownIt:
    """The one configured parser (built on first use)."""
    md = MarkdownIt("commonmark", {"typographer": False})
    md.enable(["strikethrough", "table"])
    md.use(footnote_plugin)
    md.disable(["text_join", "footnote_tail"])
    return md


@dataclass
class Parsed:
    """A parsed manuscript: its syntax tree, its (repaired) lines, what was repaired."""

    root: SyntaxTreeNode
    lines: list[str]
    env: dict[str, object]
    glued: list[int] = field(default_factory=list)
    """0-based lines where a space was put after ``#``."""
    pandoc: int = 0
    """Pandoc div fences and attribute blocks taken off."""
    starts: frozenset[int] = frozenset()
    """0-based lines that open a paragraph by their indent (indented files only)."""


def parse(text: str) -> Parsed:
    """Parse a manuscript, repairing what a manuscript means differently from CommonMark."""
    lines = text.split("\n")
    pandoc = _pandoc_markup(lines)
    starts = _dedent(lines)
    glued: list[int] = []
    for _ in range(MAX_ROUNDS):
        env: dict[str, object] = {}
        root = SyntaxTreeNode(parser().parse("\n".join(lines), env))
        fixes = _repairs(root, lines)
        if not fixes:
            break
        for k, fixed, was_glued in fixes:
            lines[k] = fixed
            if was_glued:
                glued.append(k)
    return Parsed(root, lines, env, sorted(glued), starts=starts, pandoc=pandoc)


def code_lines(text: str) -> frozenset[int]:
    """The 0-based lines inside fenced or indented code, as :func:`parse` will read them
    (an indented file's paragraphs are prose, not code)."""
    lines = text.split("\n")
    _pandoc_markup(lines)
    _dedent(lines)
    tokens = parser().parse("\n".join(lines), {})
    return frozenset(
        k
        for token in tokens
        if token.type in ("fence", "code_block") and token.map
        for k in range(*token.map)
    )


def parse_inline(text: str, env: dict[str, object]) -> list[SyntaxTreeNode]:
    """The inline nodes of one line of text (a heading's title)."""
    tokens = parser().parseInline(text, env)
    children = tokens[0].children or [] if tokens else []
    return SyntaxTreeNode(children).children if children else []


def _repairs(root: SyntaxTreeNode, lines: list[str]) -> list[tuple[int, str, bool]]:
    fixes: list[tuple[int, str, bool]] = []
    for node in root.children:
        start, end = node.map or (0, 0)
        if node.type == "paragraph":
            for k in range(start, end):
                fixed = _unglue(lines[k])
                if fixed is not None:
                    fixes.append((k, fixed, True))
        elif node.type == "fence" and not node.info.strip():
            closed = end - 1 > start and _closes(lines[end - 1], node.markup)
            if not closed and is_scene_break(lines[start].strip()):
                fixes.append((start, "* * *", False))
    return fixes


def _unglue(line: str) -> str | None:
    """``#Chapter Twelve`` -> ``# Chapter Twelve`` when the words read as a heading."""
    m = _GLUED_HASHES.match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip()
    if match_heading(rest) is None and not book_title_like(rest):
        return None  # a hashtag in prose (#blessed), not a heading
    return line[: m.end()] + " " + line[m.end() :]


def _pandoc_markup(lines: list[str]) -> int:
    """Take pandoc's div fences and attribute blocks off, in place; return how many."""
    count = 0
    fence: str | None = None
    for k, line in enumerate(lines):
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1).startswith(fence)):
            fence = None if fence is not None else m.group(1)[:3]
            continue
        if fence is not None:
            continue  # code keeps its braces
        if _DIV_FENCE.fullmatch(line):
            lines[k] = ""
            count += 1
            continue
        if "{" in line:
            line, spans = _SPAN_ATTRS.subn(r"\1", line)
            line, blocks = _ATTRS_RE.subn("", line)
            if spans or blocks:
                lines[k] = line.rstrip() if blocks else line
                count += spans + blocks
    return count


def _closes(line: str, markup: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(markup) and not stripped.strip(markup[0])


def _dedent(lines: list[str]) -> frozenset[int]:
    """Take paragraph indents off a file that opens its paragraphs with them.

    Returns the lines that opened a paragraph by their indent (each indented line
    does, as in a typescript); the lines are changed in place.
    """
    indented: list[int] = []
    text_lines = 0
    fence: str | None = None
    for k, line in enumerate(lines):
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1).startswith(fence)):
            fence = None if fence is not None else m.group(1)[:3]
            continue
        if fence is not None or not line.strip():
            continue
        text_lines += 1
        first = line.strip()[:1]
        if _INDENT.match(line) and (first.isalnum() or first in _OPENERS):
            indented.append(k)
    if len(indented) < MIN_INDENTED_LINES or len(indented) < INDENTED_SHARE * text_lines:
        return frozenset()
    for k in indented:
        lines[k] = lines[k].lstrip()
    # A file indented throughout (pasted from an email) says nothing about paragraphs.
    return frozenset(indented) if len(indented) < text_lines else frozenset()
