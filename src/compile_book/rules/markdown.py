"""What a Markdown manuscript carries besides prose, taken out before parsing.

* YAML front matter (``---`` ... ``---`` or ``...`` at the top) is metadata. It is
  read by :func:`~.yamlfront.read_front_matter`, a safe reader of the YAML a writer
  types, never an object loader. The block is not printed; its lines stay as blank
  lines so line numbers hold.
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
* Obsidian's markup and CriticMarkup are read as the app shows them
  (:mod:`.appmarkup`).
* The shrug ``¯\\_(ツ)_/¯`` keeps its backslash however it was typed
  (:func:`protect_shrugs`): nobody means the backslash as an escape there.

Line numbers are preserved (removed lines become blank lines, escapes keep
their width) so diagnostics still point at the right place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markers import DROP, stand_ins
from .labelled import FrontValue, blank_labelled, read_labelled
from .yamlfront import FRONT_MATTER_RE, read_front_matter

MARKDOWN_SUFFIXES = (".md", ".markdown")

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
# Why: a line wholly in bold or italics (Google Docs bolds a title page's lines).
_WRAPPED_RE = re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*\S)?)\1")
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
    m = FRONT_MATTER_RE.match(text)
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
