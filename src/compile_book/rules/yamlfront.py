"""YAML front matter at the top of a Markdown manuscript, read safely as metadata.

:func:`read_front_matter` reads the YAML a writer types (``key: value``, quoted
values, ``>``/``|`` blocks, ``[a, b]`` and ``- item`` lists; nested mappings are
skipped), never an object loader: a manuscript is not trusted code. Split from
:mod:`compile_book.rules.markdown`, which takes the block out of the text; the
pipeline also asks :func:`front_matter_title` of a file's first bytes before
reading it.
"""

from __future__ import annotations

import re

from .labelled import FrontValue

__all__ = ["FRONT_MATTER_RE", "front_matter_title", "read_front_matter"]

# Why: front matter is a block fenced by --- at the very top, closed by --- or ....
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Why: a YAML mapping key at the start of a line: one word, then a colon.
_KEY_RE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
# Why: a YAML comment starts at a # preceded by a space (or the line start).
_YAML_COMMENT_RE = re.compile(r"(?:^|[ \t])#.*$")
# Why: a YAML quoted scalar: "..." with backslash escapes, '...' with '' for a quote.
_QUOTED = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'"
_QUOTED_RE = re.compile(_QUOTED)
_FLOW_ITEM_RE = re.compile(rf"\s*({_QUOTED}|[^,]+)")


def front_matter_title(data: bytes) -> bool:
    """Whether a Markdown file's bytes open with front matter naming a ``title:``: a
    look at its first few kilobytes, before the file is read."""
    head = data[:4096].decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    m = FRONT_MATTER_RE.match(head)
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
