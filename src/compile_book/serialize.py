"""The tree as plain JSON-ready data (``compile-book tree --json``, the Typst backend).

Each node becomes ``{"type": <kebab-case class name>, ...fields}``; inline and
block children stay lists in order. ``sources=False`` leaves out source
positions, which the PDF backend does not need (and which would double the
size of the data handed to Typst).
"""

from __future__ import annotations

import dataclasses
import enum
import re
from typing import Any, assert_never

from . import nodes

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")

#: The version of the JSON shape :func:`to_json` writes (pandoc's ``pandoc-api-version``
#: habit): tools reading the tree check it. Bump the major number when a node type or
#: field changes meaning or goes away, the minor one when one is added.
TREE_VERSION = (1, 2)  # 1.1: Part.front; 1.2: back-matter chapter kinds
VERSION_KEY = "compile-book-tree-version"


def to_json(book: nodes.Book, *, sources: bool = True) -> dict[str, Any]:
    """The whole tree as JSON-ready data, stamped with :data:`TREE_VERSION`."""
    data: dict[str, Any] = {VERSION_KEY: list(TREE_VERSION)}
    data.update(to_data(book, sources=sources))
    return data


def _type_name(obj: object) -> str:
    return _CAMEL.sub("-", type(obj).__name__).lower()


def to_data(obj: Any, *, sources: bool = True) -> Any:
    """Convert a node (or anything inside one) to JSON-ready data."""
    if isinstance(obj, nodes.Source):
        return {"file": obj.file, "line": obj.line}
    if isinstance(obj, nodes.Image):
        # The bytes stay out of JSON: tools get where the image came from and its size.
        return {"name": obj.name, "media-type": obj.media_type, "size": len(obj.data)}
    if isinstance(obj, nodes.Text):
        # The commonest node by far: keep it small and fast.
        if sources:
            return {"type": "text", "text": obj.text, "source": to_data(obj.source)}
        return {"type": "text", "text": obj.text}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        if not isinstance(obj, nodes.Metadata | nodes.Series):
            out["type"] = _type_name(obj)
        for f in dataclasses.fields(obj):
            if f.name == "diagnostics":
                value = [d.to_json() for d in getattr(obj, f.name)]
                if sources:
                    out[f.name] = value
                continue
            if f.name == "source" and not sources:
                continue
            out[f.name] = to_data(getattr(obj, f.name), sources=sources)
        return out
    if isinstance(obj, tuple | list):
        return [to_data(x, sources=sources) for x in obj]
    if isinstance(obj, enum.Enum):
        return obj.value
    return obj


def pformat(book: nodes.Book, *, width: int | None = None, diagnostics: bool = True) -> str:
    """An indented, human-readable dump of the tree (docutils' ``pformat``), for golden files.

    Shows the whole text (``width`` truncates long text nodes, for a quick look), the
    front matter, and every diagnostic in book order.
    """
    lines: list[str] = [f"book {book.meta.title!r} lang={book.meta.language}"]
    lines.extend(f"  {_matter_line(matter)}" for matter in book.front)
    for part in book.parts:
        head = nodes.heading_text(part.heading) if part.heading else "(implicit)"
        lines.append(f"  part {head!r} @{part.source}")
        lines.extend(f"    {_matter_line(matter)}" for matter in part.front)
        for chapter in part.chapters:
            head = nodes.heading_text(chapter.heading)
            lines.append(f"    {chapter.kind} {head!r} @{chapter.source}")
            _pformat_blocks(chapter.blocks, 6, lines, width)
    if diagnostics and book.diagnostics:
        lines.append("diagnostics")
        lines.extend(f"  {d.format()}" for d in book.diagnostics)
    return "\n".join(lines) + "\n"


def _matter_line(matter: nodes.Matter) -> str:
    fields = {f.name: getattr(matter, f.name) for f in dataclasses.fields(matter)}
    shown = " ".join(f"{k}={v!r}" for k, v in fields.items() if v not in (None, ()))
    return f"{_type_name(matter)} {shown}"


def _pformat_blocks(
    blocks: tuple[nodes.Block, ...], indent: int, lines: list[str], width: int | None
) -> None:
    pad = " " * indent
    for block in blocks:
        lines.append(f"{pad}{_type_name(block)}{_block_detail(block)} @{block.source}")
        match block:
            case nodes.Paragraph() | nodes.Subheading():
                _pformat_inlines(block.inlines, indent + 2, lines, width)
            case nodes.SceneBreak():
                pass
            case nodes.CodeBlock():
                lines.append(f"{pad}  {block.text!r}")
            case nodes.BlockQuote():
                _pformat_blocks(block.blocks, indent + 2, lines, width)
            case nodes.Verse():
                for line in block.lines:
                    lines.append(f"{pad}  line")
                    _pformat_inlines(line, indent + 4, lines, width)
            case nodes.Figure():
                _pformat_inlines(block.caption, indent + 2, lines, width)
            case nodes.ListBlock():
                for item in block.items:
                    lines.append(f"{pad}  item")
                    _pformat_blocks(item, indent + 4, lines, width)
            case _:
                assert_never(block)


def _block_detail(block: nodes.Block) -> str:
    if isinstance(block, nodes.Figure):
        image = block.image
        return f" {image.name!r} {image.media_type} {len(image.data)} bytes alt={block.alt!r}"
    if isinstance(block, nodes.ListBlock):
        return f" ordered={block.ordered} start={block.start}"
    return ""


def _pformat_inlines(
    inlines: tuple[nodes.Inline, ...], indent: int, lines: list[str], width: int | None
) -> None:
    pad = " " * indent
    for node in inlines:
        match node:
            case nodes.Text() | nodes.CodeSpan():
                text = node.text
                if width is not None and len(text) > width:
                    text = text[: width - 1] + "…"
                lines.append(f"{pad}{_type_name(node)} {text!r}")
            case nodes.LineBreak():
                lines.append(f"{pad}line-break")
            case nodes.Note():
                lines.append(f"{pad}note")
                _pformat_blocks(node.blocks, indent + 2, lines, width)
            case nodes.Link():
                lines.append(f"{pad}link {node.url!r}")
                _pformat_inlines(node.children, indent + 2, lines, width)
            case nodes.Emphasis() | nodes.Strong() | nodes.Telepathy() | nodes.Strikeout():
                continued = isinstance(node, nodes.Telepathy) and node.continued
                lines.append(f"{pad}{_type_name(node)}{' (continued)' if continued else ''}")
                _pformat_inlines(node.children, indent + 2, lines, width)
            case _:
                assert_never(node)
