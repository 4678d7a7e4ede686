"""Writing apps' own markup read as the app shows it, before Markdown parsing.

* Obsidian's markup (:func:`obsidian`): a wiki link (``[[Kessary]]``,
  ``[[Notes/Places|the old atlas]]``) is its text as Obsidian shows it, the alias
  else the note's name (a page has no notes to link to); ``==highlighted==``
  words are the words (a writer's mark while revising); a callout's type
  (``> [!note]``) goes, its text stays a block quote.
* CriticMarkup (Scrivener and MultiMarkdown's review marks, :func:`critic`) is
  read as the writer's final text, every change accepted: ``{++added++}`` and
  ``{~~old~>new~~}`` give their new words, ``{--deleted--}`` and
  ``{>>comments<<}`` go, ``{==highlights==}`` are their words.

Both are read line by line, outside code blocks and code spans (a code sample
shows the markup as typed), and hide what is not shown behind DROP markers so
every column keeps its place for diagnostics. Split from
:mod:`compile_book.rules.markdown`, which takes out front matter, comments and
escapes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from ..markers import DROP

__all__ = ["critic", "obsidian"]

# Why: a wiki link ([[note]], [[note|shown]], [[note#part]]); an embed (![[...]]) is not one.
_WIKI_LINK_RE = re.compile(r"(?<!!)\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
# Why: a line wholly in double brackets is a note to self (rules.notes), not a link.
_NOTE_LINE_RE = re.compile(r"\s*\[\[.*\]\]\s*")
# Why: ==highlighted== words, the marks hugging them (a == b in a sum is not one).
_HIGHLIGHT_RE = re.compile(
    r"(?<![=\w])(?P<before>==)(?P<text>[^\s=<>](?:[^=\n]*?[^\s=<>])?)(?P<after>==)(?![=\w])"
)
# Why: a run of backticks opens or closes a code span, whose text is never markup.
_BACKTICKS_RE = re.compile(r"`+")
# Why: a callout's type at the head of a block quote (> [!note], > [!quote]- Title).
_CALLOUT_RE = re.compile(r"^([ \t]*>[ \t]*)(\[![A-Za-z-]+\][+-]?[ \t]*)")


#: CriticMarkup's marks: opener, closer, and what each keeps (see :func:`critic`).
_CRITIC = (
    ("{~~", "~~}", "substitution"),
    ("{++", "++}", "addition"),
    ("{--", "--}", "deletion"),
    ("{>>", "<<}", "comment"),
    ("{==", "==}", "highlight"),
)


def critic(text: str, code: frozenset[int] = frozenset()) -> tuple[str, Counter[str]]:
    """The text with CriticMarkup read, every change accepted, and how many of each
    mark were read. Marks close on the line they open; what is not shown hides behind
    DROP markers, so columns keep their place. The `code` lines, and code spans
    within a line, stay as typed."""
    return _each_line(text, code, "{", lambda line: _outside_code(line, _critic_marks))


def _each_line(
    text: str,
    code: frozenset[int],
    marks: str,
    read: Callable[[str], tuple[str, Counter[str]]],
) -> tuple[str, Counter[str]]:
    """`read` applied to each line that is not a `code` line and holds one of `marks`'
    characters' runs (a cheap test first), with the counts it gives added up."""
    counts: Counter[str] = Counter()
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if k in code or not any(mark in line for mark in marks.split()):
            continue
        lines[k], found = read(line)
        counts += found
    return "\n".join(lines), +counts


def _critic_marks(text: str) -> tuple[str, Counter[str]]:
    counts: Counter[str] = Counter()
    for opener, closer, kind in _CRITIC:
        if opener in text:
            text, counts[kind] = _accepted(text, opener, closer, kind)
    return text, +counts


def _outside_code(
    line: str, read: Callable[[str], tuple[str, Counter[str]]]
) -> tuple[str, Counter[str]]:
    """`read` applied to the parts of `line` outside its code spans (`` `x` ``)."""
    if "`" not in line:
        return read(line)
    out: list[str] = []
    counts: Counter[str] = Counter()
    done = 0
    for start, end in _code_spans(line):
        text, found = read(line[done:start])
        out += [text, line[start:end]]
        counts += found
        done = end
    text, found = read(line[done:])
    counts += found
    return "".join([*out, text]), counts


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the code spans of one line are, as CommonMark pairs backtick runs: a run
    closes at the next run of the same length (each length's runs listed, so linear)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for k, (a, b) in enumerate(runs):
        by_length.setdefault(b - a, []).append(k)
    place = {k: p for ks in by_length.values() for p, k in enumerate(ks)}
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        same = by_length[runs[k][1] - runs[k][0]]
        after = place[k] + 1
        if after < len(same):
            closer = same[after]
            spans.append((runs[k][0], runs[closer][1]))
            k = closer + 1
        else:
            k += 1
    return spans


def _accepted(line: str, opener: str, closer: str, kind: str) -> tuple[str, int]:
    """`line` with each `opener`…`closer` mark replaced by what it keeps, and how many.
    One scan: an opener with no closer after it means no later one has either."""
    out: list[str] = []
    done = count = 0
    while (start := line.find(opener, done)) >= 0:
        end = line.find(closer, start + len(opener))
        if end < 0:
            break
        inner = line[start + len(opener) : end]
        kept = ""
        if kind == "substitution":
            old, arrow, new = inner.partition("~>")
            kept, before = (new, len(old) + 2) if arrow else (inner, 0)
        elif kind in ("addition", "highlight"):
            kept, before = inner, 0
        else:
            before = len(inner)
        out.append(line[done:start])
        out.append(DROP * (len(opener) + before) + kept + DROP * len(closer))
        done, count = end + len(closer), count + 1
    out.append(line[done:])
    return "".join(out), count


def obsidian(text: str, code: frozenset[int] = frozenset()) -> tuple[str, Counter[str]]:
    """The text with Obsidian's own markup read (see the module docstring), and how
    many of each kind were read. What is not shown hides behind DROP markers
    (restoring drops them), so every column keeps its place for diagnostics. The
    `code` lines (0-based: a code block's), and code spans, stay as typed."""
    return _each_line(text, code, "[[ == [!", _obsidian_line)


def _obsidian_line(line: str) -> tuple[str, Counter[str]]:
    counts: Counter[str] = Counter()
    if not _NOTE_LINE_RE.fullmatch(line):  # a line wholly in [[ ]] is a note to self
        line, counts = _outside_code(line, _obsidian_marks)
    line, counts["callout"] = _CALLOUT_RE.subn(lambda m: m.group(1) + DROP * len(m.group(2)), line)
    return line, counts


def _obsidian_marks(text: str) -> tuple[str, Counter[str]]:
    counts: Counter[str] = Counter()
    text, counts["wiki link"] = _WIKI_LINK_RE.subn(_shown, text)
    text, counts["highlight"] = _HIGHLIGHT_RE.subn(_unmarked, text)
    return text, +counts


def _shown(m: re.Match[str]) -> str:
    """A wiki link as Obsidian shows it: its alias, else the note's name (or the part)."""
    whole, target, alias = m.group(), m.group(1), m.group(2)
    if alias is not None and alias.strip():
        words, start = alias.strip(), len(target) + 3
    else:
        note, _, part = target.partition("#")
        words, start = (note or part).strip(), 2
    if not words:
        return whole
    start = whole.index(words, start)
    return DROP * start + words + DROP * (len(whole) - start - len(words))


def _unmarked(m: re.Match[str]) -> str:
    """The match with its markup groups hidden, its text group kept."""
    return DROP * len(m.group("before")) + (m.group("text") or "") + DROP * len(m.group("after"))
