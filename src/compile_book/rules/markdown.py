"""What a Markdown manuscript carries besides prose, taken out before parsing.

* YAML front matter (``---`` ... ``---`` at the top) is metadata: its ``title``,
  ``subtitle`` and ``author`` are read (simple ``key: value`` lines, no YAML
  library needed for that) and the block is not printed.
* HTML comments (``<!-- TODO -->``) are the writer's notes, never published.
* Backslash escapes (``\\*``, ``\\_``, ``\\{``, ``\\#``...) make a character literal:
  the backslash goes and the character is hidden from the inline parser
  (:func:`hide_escapes`, applied to every manuscript, not only Markdown).

Line numbers are preserved (removed lines become blank lines, escapes keep
their width) so diagnostics still point at the right place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKDOWN_SUFFIXES = (".md", ".markdown")

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
# Why: the characters Markdown lets a writer escape that mean something to us.
_ESCAPABLE = "\\*_{}#<>`-~+=•"
_ESCAPE_RE = re.compile(r"\\([" + re.escape(_ESCAPABLE) + "])")
# Private-use stand-ins: \ue0ff marks a removed backslash, \ue0c0+ the escaped char.
DROP = "\ue0ff"
_STAND_IN = {c: chr(0xE0C0 + i) for i, c in enumerate(_ESCAPABLE)}
RESTORE = {ord(v): k for k, v in _STAND_IN.items()} | {ord(DROP): None}


@dataclass
class Prepared:
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    front_matter_lines: int = 0
    comments: int = 0


def prepare(text: str) -> Prepared:
    """Take front matter and comments out of a Markdown manuscript; hide escapes."""
    out = Prepared(text)
    m = _FRONT_MATTER_RE.match(text)
    if m and _KEY_RE.search(m.group(1)):
        for key, value in _KEY_RE.findall(m.group(1)):
            out.meta[key.lower()] = value.strip().strip("\"'")
        block = m.group(0)
        out.front_matter_lines = block.count("\n")
        text = "\n" * block.count("\n") + text[m.end() :]
    if "<!--" in text:
        text, out.comments = _COMMENT_RE.subn(lambda c: "\n" * c.group().count("\n"), text)
    out.text = text
    return out


def hide_escapes(text: str) -> tuple[str, int]:
    """Hide backslash-escaped characters from the parser (in every manuscript:
    nobody types ``\\*`` in prose except to mean a literal star)."""
    if "\\" not in text:
        return text, 0
    return _ESCAPE_RE.subn(lambda e: DROP + _STAND_IN[e.group(1)], text)


def restore(text: str) -> str:
    """Put escaped characters back (and drop the backslash stand-ins)."""
    return text.translate(RESTORE)
