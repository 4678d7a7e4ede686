"""Facing pages that end on the same line.

Typst keeps widows and orphans off the page by ending a page a line early,
page by page; the page facing it does not know, so half the spreads of a
dialogue-heavy novel ended one or two lines apart. A book designer runs
both pages of such a spread short by the same line instead.

How: the book (or one piece of it) is set once with invisible markers in
every paragraph's first line, every ornament and chapter opening
(:mod:`.measured` reads them into each chapter's stream of rows). The page
breaking Typst did is replayed on that stream (:mod:`.pagebreaks`); a
chapter whose replay differs from what Typst did (a footnote, a figure:
anything off the grid) is left as Typst set it. For the rest the spreads'
depths are chosen together (full, or one or two lines short), and each page
to run short gets an empty float at its foot (the template's ``shorten``),
set before a paragraph that starts on it (a page one paragraph fills cannot
run short). The book is then set again; Typst remembers every paragraph from
the first run, so the second costs a fraction of it.

Only depths change: no line is broken differently, and Typst still guards
every widow and orphan in the second run, so a wrong guess can only leave a
spread uneven, never lose or split text badly.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ... import keeping
from .data import encoded
from .measured import Grid, Shape, page_depths, streams
from .pagebreaks import anchor, balance

QUERY = "<cb-rows>"

Measure = Callable[[bytes], tuple[bytes, bytes]]
Run = Callable[[bytes], bytes]


def mark(data: dict[str, Any]) -> bool:
    """Number the chapters and their paragraphs and ornaments, so the markers the
    template leaves name them; False when the book has no chapter to even."""
    serial = 0
    for part in data["parts"]:
        for chapter in part["chapters"]:
            if "serial" in chapter:  # marked already (the book set again, another gutter)
                serial += 1
                continue
            chapter["serial"] = serial
            for i, block in enumerate(chapter["blocks"]):
                if block["type"] == "scene-break":
                    block["mark"] = [serial, i]
                elif block["type"] == "paragraph" and "inlines" in block:
                    _after_first_word(block["inlines"], {"type": "mark", "at": [serial, i]})
            serial += 1
    return serial > 0


def _after_first_word(inlines: list[Any], node: dict[str, Any]) -> bool:
    """Put `node` right after the first word of `inlines`; False when there is no text.

    After the word, not before it: a marker at a line's start would keep an
    opening quote from hanging in the margin, and the line could break
    differently from the book set without markers."""
    for i, item in enumerate(inlines):
        if isinstance(item, str) and item:
            cut = item.find(" ", 1)
            cut = len(item) if cut < 0 else cut
            inlines[i : i + 1] = [item[:cut], node, item[cut:]] if cut < len(item) else [item, node]
            return True
        # Into a style (italic, small caps), not into a link: a link around the
        # marker would become one link per piece of its text.
        styled = isinstance(item, dict) and item.get("type") != "link"
        children = item.get("children") if styled else None
        if isinstance(children, list) and _after_first_word(children, node):
            return True
    return False


def set_even(payload: bytes, measure: Measure, run: Run) -> bytes:
    """The PDF of `payload` (a book or a piece of one, as encoded data) with its
    spreads evened: one measuring run, then the run that gives the PDF (which
    Typst sets fast: it remembers every paragraph from the first)."""
    data = json.loads(payload)
    if not any(part["chapters"] for part in data["parts"]):
        return run(payload)
    data["layout"]["measure"] = True
    pdf, report = measure(encoded(data))
    if not even(data, json.loads(report), pdf):
        return pdf
    # Still measuring (the report changes nothing in the PDF): Typst then finds
    # the same document and reuses all it laid out but the pages that moved.
    return run(encoded(data))


def even(data: dict[str, Any], report: dict[str, Any], pdf: bytes) -> int:
    """Put the floats that even the spreads into `data`; how many pages run short."""
    grid = Grid.of(data["layout"])
    depths = page_depths(pdf, grid)
    short = 0
    for chapter, shape in streams(data, report, depths, grid):
        floats = _planned(shape, grid)
        for block, height in floats:
            chapter["blocks"][block]["shorten"] = height
        short += len(floats)
    return short


def _plan(shape: Shape, grid: Grid) -> list[tuple[int, float]]:
    """Each short page's float, as (the block it goes before, its height)."""
    stream = shape.stream()
    if stream is None:
        return []
    floats: list[tuple[int, float]] = []
    for start, stop, depth in balance(stream, grid.rows):
        block = anchor(stream.units, start, stop, depth)
        if block is not None:
            floats.append((block, round((grid.rows - depth) * grid.pitch - grid.guard, 3)))
    return floats


#: Under --watch, the floats planned for each shape of chapter (:class:`.measured.Shape`,
#: by a digest of its key), most recently used last: an edit sets its piece again, and
#: the piece's other chapters come back with the same shape (a chapter's stream is its own).
_PLANS: OrderedDict[bytes, list[tuple[int, float]]] = OrderedDict()
_PLANS_MAX = 4096


def _planned(shape: Shape, grid: Grid) -> list[tuple[int, float]]:
    """The floats for a chapter of this shape: planned before (under --watch), or now."""
    if not keeping.enabled():
        _PLANS.clear()
        return _plan(shape, grid)
    key = (shape.key, grid.rows, grid.pitch, grid.guard)
    digest = hashlib.blake2b(repr(key).encode("ascii"), digest_size=20).digest()
    found = _PLANS.get(digest)
    if found is not None:
        _PLANS.move_to_end(digest)
        return found
    _PLANS[digest] = floats = _plan(shape, grid)
    while len(_PLANS) > _PLANS_MAX:
        _PLANS.popitem(last=False)
    return floats
