"""What a Markdown manuscript carries besides prose, taken out before parsing.

* YAML front matter (``---`` ... ``---`` or ``...`` at the top) is metadata. It is
  read by :func:`read_front_matter`, a safe reader of the YAML a writer types
  (``key: value``, quoted values, ``>``/``|`` blocks, ``[a, b]`` and ``- item``
  lists; nested mappings are skipped), never an object loader. The block is not
  printed; its lines stay as blank lines so line numbers hold.
* A pandoc title block (``% Title`` / ``% Author; Author`` / ``% Date`` as the
  first lines, each field continued on lines that open with a space) is read the
  same way, as ``title``, ``author`` and ``date``.
* A labelled header (``Title: …`` / ``Author: …`` lines, as Scrivener's
  MultiMarkdown writes them) is read the same way (:mod:`.labelled`).
* HTML comments (``<!-- TODO -->``) and Obsidian's ``%% … %%`` are the writer's
  notes, never published; one inside a code block is the code's text and stays.
* Backslash escapes (``\\*``, ``\\_``, ``\\{``, ``\\#``...) make a character literal:
  the backslash goes and the character is hidden from the inline parser
  (:func:`hide_escapes`, applied to every manuscript, not only Markdown). The
  Markdown reader hides the literal characters CommonMark found the same way
  (:func:`hide`).
* Obsidian's markup (:func:`obsidian`): a wiki link (``[[Kessary]]``,
  ``[[Notes/Places|the old atlas]]``) is its text as Obsidian shows it, the alias
  else the note's name (a page has no notes to link to); ``==highlighted==``
  words are the words (a writer's mark while revising); a callout's type
  (``> [!note]``) goes, its text stays a block quote.
* CriticMarkup (Scrivener and MultiMarkdown's review marks, :func:`critic`) is
  read as the writer's final text, every change accepted: ``{++added++}`` and
  ``{~~old~>new~~}`` give their new words, ``{--deleted--}`` and
  ``{>>comments<<}`` go, ``{==highlights==}`` are their words.
* The shrug ``¯\\_(ツ)_/¯`` keeps its backslash however it was typed
  (:func:`protect_shrugs`): nobody means the backslash as an escape there.

Line numbers are preserved (removed lines become blank lines, escapes keep
their width) so diagnostics still point at the right place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..markers import DROP, stand_ins
from .labelled import FrontValue, blank_labelled, read_labelled

MARKDOWN_SUFFIXES = (".md", ".markdown")

# Why: front matter is a block fenced by --- at the very top, closed by --- or ....
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Why: a YAML mapping key at the start of a line: one word, then a colon.
_KEY_RE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
# Why: a YAML comment starts at a # preceded by a space (or the line start).
_YAML_COMMENT_RE = re.compile(r"(?:^|[ \t])#.*$")
# Why: pandoc's title block: up to three fields at the top of the file, each a line
# opening with %, continued by lines that open with a space (a long title, more authors).
_PANDOC_TITLE_RE = re.compile(r"\A(?:%[^\n]*(?:\n|\Z)(?:[ \t]+\S[^\n]*(?:\n|\Z))*){1,3}")
# Why: "<!-->" and "<!--->" are whole (empty) comments, as CommonMark 0.31 reads them;
# read as openers they ran on to a later "-->" and took the prose between.
_COMMENT_RE = re.compile(r"<!--(?:-?>|.*?-->)", re.S)
# Why: Obsidian's comments: %% lines around a block, or %%…%% within one line, opened
# after a space (so "50%%" is never a comment and nothing runs on to a far-off %%).
_OBSIDIAN_COMMENT_RE = re.compile(
    r"(?m:^[ \t]*%%[ \t]*\n(?s:.*?)\n[ \t]*%%[ \t]*$)|(?<!\S)%%[^%\n]+?%%(?!%)"
)
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
# Why: a line wholly in bold or italics (Google Docs bolds a title page's lines).
_WRAPPED_RE = re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*\S)?)\1")
# Why: a YAML quoted scalar: "..." with backslash escapes, '...' with '' for a quote.
_QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'"
_QUOTED_RE = re.compile(_QUOTED)
_FLOW_ITEM_RE = re.compile(rf"\s*({_QUOTED}|[^,]+)")
# Why: the characters Markdown lets a writer escape that mean something to us.
_ESCAPABLE = "\\*_{}#<>`-~+=•"
_ESCAPE_RE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + "])")
# The escaped character hides behind a stand-in marker, after a DROP marker where the
# backslash was (markers.py: noncharacters, never text).
_STAND_IN = stand_ins(_ESCAPABLE)
RESTORE = {ord(v): k for k, v in _STAND_IN.items()} | {ord(DROP): None}
# Why: the shrug, typed with one, two or three backslashes (and an escaped second
# arm), always means the picture, never an escape.
_SHRUG_RE = re.compile(r"¯\\{1,3}_\(ツ\)\\?_/¯")
_SHRUG = "¯" + _STAND_IN["\\"] + _STAND_IN["_"] + "(ツ)" + _STAND_IN["_"] + "/¯"
# Characters CommonMark left as text that the inline parser must not read as emphasis.
_LITERALS = {ord(c): _STAND_IN[c] for c in "*_"}


@dataclass
class Prepared:
    """A Markdown manuscript with its front matter and comments taken out."""

    text: str
    meta: dict[str, FrontValue] = field(default_factory=dict)
    front_matter_lines: int = 0
    comments: int = 0


def prepare(text: str, code: frozenset[int] = frozenset(), *, labelled: bool = False) -> Prepared:
    """Take front matter and comments out of a Markdown manuscript (lines kept).

    A comment opening on one of the ``code`` lines (0-based: a code block's) is the
    code's text, shown as written, and stays. ``labelled``: a labelled header may
    open the text (the book's first file).
    """
    out = Prepared(text)
    m = _FRONT_MATTER_RE.match(text)
    if m:
        meta = read_front_matter(m.group(1) or "")
        if meta is not None:
            out.meta = meta
            block = m.group(0)
            out.front_matter_lines = block.count("\n")
            text = "\n" * block.count("\n") + text[m.end() :]
    elif text.startswith("%") and not text.startswith("%%"):
        text = _pandoc_title_block(text, out)
    elif labelled and (header := read_labelled(text)) is not None:
        out.meta, out.front_matter_lines = header
        text = blank_labelled(text, out.front_matter_lines)
    if "<!--" in text:
        text = _drop_comments(text, code, out, _COMMENT_RE)
    if "%%" in text:
        text = _drop_comments(text, code, out, _OBSIDIAN_COMMENT_RE)
    out.text = text
    return out


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


def _drop_comments(text: str, code: frozenset[int], out: Prepared, comment: re.Pattern[str]) -> str:
    """The text without its `comment` matches (each leaves its line breaks), counted
    in ``out``."""
    pieces: list[str] = []
    done = line = 0
    for m in comment.finditer(text):
        line += text.count("\n", done, m.start())
        pieces.append(text[done : m.start()])
        if line in code:
            pieces.append(m.group())
        else:
            pieces.append("\n" * m.group().count("\n"))
            out.comments += 1
        line += m.group().count("\n")
        done = m.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _pandoc_title_block(text: str, out: Prepared) -> str:
    """Read ``% Title`` / ``% Author`` / ``% Date`` lines; the text with them blanked."""
    m = _PANDOC_TITLE_RE.match(text)
    if m is None:
        return text
    fields: list[list[str]] = []
    for line in m.group().split("\n"):
        if line.startswith("%"):
            fields.append([line[1:].strip()])
        elif line.strip():
            fields[-1].append(line.strip())  # a continuation line
    for key, lines in zip(("title", "author", "date"), fields, strict=False):
        value = " ".join(x for x in lines if x)
        if not value:
            continue
        # Authors are separated by semicolons, or each on a line of their own.
        names = tuple(v.strip() for x in lines for v in x.split(";") if v.strip())
        out.meta[key] = names if key == "author" and len(names) > 1 else value
    block = m.group()
    out.front_matter_lines = block.count("\n") or 1
    return "\n" * block.count("\n") + text[m.end() :]


def front_matter_title(data: bytes) -> bool:
    """Whether a Markdown file's bytes open with front matter naming a ``title:``: a
    look at its first few kilobytes, before the file is read."""
    head = data[:4096].decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    m = _FRONT_MATTER_RE.match(head)
    meta = read_front_matter(m.group(1) or "") if m else None
    value = meta.get("title") if meta else None
    return isinstance(value, str) and bool(value.strip())


def read_front_matter(block: str) -> dict[str, FrontValue] | None:
    """The keys of a front-matter block (lower-cased), or ``None`` if it is not one.

    It is one when its first line is a ``key:`` line and every unindented line is
    a key, a list item or a comment: a manuscript opening with a ``---`` scene
    break followed by prose is not front matter.
    """
    lines = block.split("\n")
    meaningful = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    if not meaningful or not _KEY_RE.fullmatch(meaningful[0]):
        return None
    for ln in meaningful:
        if not ln[0].isspace() and not _KEY_RE.fullmatch(ln) and not ln.startswith("- "):
            return None
    meta: dict[str, FrontValue] = {}
    i = 0
    while i < len(lines):
        m = _KEY_RE.fullmatch(lines[i]) if lines[i] and not lines[i][0].isspace() else None
        i += 1
        if m is None:
            continue
        j = i
        while j < len(lines) and (not lines[j].strip() or lines[j][0].isspace() or _item(lines[j])):
            j += 1
        value = _value(m.group(2) or "", lines[i:j])
        if value is not None:
            meta[m.group(1).lower()] = value
        i = j
    return meta


def _item(line: str) -> bool:
    return line.startswith("- ") or line == "-"


def _value(head: str, body: list[str]) -> FrontValue | None:
    """One key's value: its text after the colon and the indented lines under it."""
    head = head.strip()
    if head[:1] in "|>" and re.fullmatch(r"[|>][+-]?\d?", head):
        return _block_scalar(head[0] == "|", body)
    if head.startswith("["):
        return tuple(_scalar(x) for x in _split_flow(head.strip("[]")) if x.strip())
    if head:
        quoted = _QUOTED_RE.match(head)
        if quoted:
            return _scalar(quoted.group())  # a comment after the closing quote is dropped
        rest = [_strip_comment(ln).strip() for ln in body if ln.strip()]
        return " ".join([_scalar(head), *rest]).strip()
    items = [ln.strip()[1:].strip() for ln in body if ln.strip().startswith("-")]
    if items:
        return tuple(_scalar(x) for x in items if x)
    return None  # a nested mapping or an empty key: nothing a book uses


def _block_scalar(literal: bool, body: list[str]) -> str:
    """A ``|`` (lines kept) or ``>`` (lines folded) block."""
    while body and not body[-1].strip():
        body = body[:-1]
    indents = [len(ln) - len(ln.lstrip()) for ln in body if ln.strip()]
    cut = min(indents, default=0)
    lines = [ln[cut:] for ln in body]
    if literal:
        return "\n".join(lines)
    paragraphs = " ".join(ln.strip() if ln.strip() else "\n" for ln in lines)
    return re.sub(r" ?\n ?", "\n", paragraphs).strip()


def _split_flow(text: str) -> list[str]:
    """``a, "b, c", d`` -> its items, commas inside quotes kept."""
    return [m.group(1) for m in _FLOW_ITEM_RE.finditer(text)]


def _strip_comment(text: str) -> str:
    return _YAML_COMMENT_RE.sub("", text)


def _scalar(text: str) -> str:
    """A YAML scalar as a string: quotes removed and unescaped, comments dropped."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        inner = text[1:-1]
        return re.sub(r"\\(.)", lambda e: {"n": "\n", "t": "\t"}.get(e[1], e[1]), inner)
    return _strip_comment(text).strip()


def hide_escapes(text: str) -> tuple[str, int]:
    """Hide backslash-escaped characters from the parser (in every manuscript:
    nobody types ``\\*`` in prose except to mean a literal star)."""
    text = protect_shrugs(text)
    if "\\" not in text:
        return text, 0
    return _ESCAPE_RE.subn(lambda e: DROP + _STAND_IN[e.group(1)], text)


def protect_shrugs(text: str) -> str:
    """``¯\\_(ツ)_/¯`` with its backslash and arms hidden, so they print as typed."""
    if "¯" not in text:
        return text
    return _SHRUG_RE.sub(_SHRUG, text)


def escaped(char: str) -> str:
    """What a backslash-escaped character becomes: hidden if it could mean something."""
    return DROP + _STAND_IN.get(char, char)


def hide(text: str) -> str:
    """Hide the ``*`` and ``_`` a Markdown parser left as text from our inline parser."""
    return text.translate(_LITERALS)


def unwrapped(text: str) -> str:
    """`text` without the bold or italic marks around the whole of it (``**Salt**``
    -> ``Salt``): a title or a ``by`` line means its words, not their weight."""
    m = _WRAPPED_RE.fullmatch(text.strip())
    if m is None or m.group(1) in m.group(2):
        return text
    return m.group(2)


def restore(text: str) -> str:
    """Put escaped characters back (and drop the backslash stand-ins)."""
    return text.translate(RESTORE)
