"""Reading a PDF back the way a printer and a reader would (pypdf): the text of the
body pages, the outline, the positions of lines. Shared by the PDF tests."""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import Any, assert_never

import pypdf
import pypdfium2
import pypdfium2.raw as pdfium_raw

from compile_book import nodes as n
from compile_book.writers.common import Headings, WriterOptions


def norm_words(s: str) -> list[str]:
    """Letters and digits only, case-folded; hyphens (hard or soft) dropped, and a
    word hyphenated across a line end joined again."""
    s = s.replace("\u2060", "")
    s = re.sub(r"[-\u00ad]\s*\n\s*", "", s)
    s = s.replace("\u00ad", "").replace("-", "")
    return re.findall(r"[^\W_]+", s.casefold())


def squash(s: str) -> str:
    """Letters and digits only, no spaces: tracked small caps extract as 'C h a p'."""
    return "".join(re.findall(r"[^\W_]+", s.casefold()))


def _heading_keys(heading: n.Heading, headings: Headings, part: bool) -> set[str]:
    """Every line an opener may print for `heading`, squashed."""
    printed = headings.part(heading) if part else headings.chapter(heading)
    keys = {
        squash(printed.line),
        squash(" ".join(filter(None, (printed.label, printed.number)))),
        squash(n.plain_text(printed.title)),
        squash(n.plain_text(printed.subtitle)),
    }
    keys.update(squash(x) for x in (printed.label, printed.number) if x)
    return keys


def body_text(reader: pypdf.PdfReader, tree: n.Book, headings: Headings | None = None) -> str:
    """The text of the body pages with page furniture and headings taken out.

    On each opener page (the outline points at it) only that part's or
    chapter's own heading lines are removed (as `headings` prints them: as
    written by default), and only at the top of the page, once each, so a
    sentence that repeats a title is kept. Elsewhere only a running head (first
    line) and a folio (the page's label alone on its first or last line) are
    removed.
    """
    headings = headings or Headings.of(tree, WriterOptions())
    running = {squash(tree.meta.title), *map(squash, tree.meta.authors)}
    running.add(squash(headings.locale.join_names(tree.meta.authors)))
    in_outline: list[tuple[n.Heading | None, bool]] = []
    for part in tree.parts:
        if part.heading is not None:
            in_outline.append((part.heading, True))
        in_outline.extend((ch.heading, False) for ch in part.chapters)
    page_heads: dict[int, set[str]] = {}
    for page, (heading, is_part) in zip(opener_pages(reader), in_outline, strict=True):
        keys = page_heads.setdefault(page, set(running))
        if heading is not None:
            keys |= _heading_keys(heading, headings, is_part)
    kept = []
    drop_cap = ""
    for index in range(min(page_heads), len(reader.pages)):
        lines = reader.pages[index].extract_text().splitlines()
        heads = page_heads.get(index)
        folio = squash(reader.page_labels[index])
        for i, line in enumerate(lines):
            key = squash(line)
            furniture = heads if heads is not None else (running if i == 0 else set())
            if key in furniture:
                if heads is not None:
                    heads.discard(key)  # each heading line is printed once
                continue
            # A folio is the page's own label alone at the head or foot of the page.
            if not key or (key == folio and i in (0, len(lines) - 1)):
                continue
            heads = None  # past the head: body text
            if len(line.strip()) == 1 and line.strip().isupper():
                drop_cap = line.strip()  # a drop cap extracts as a line of its own
                continue
            kept.append(drop_cap + line)
            drop_cap = ""
    return "\n".join(kept)


def book_words(tree: n.Book) -> list[str]:
    """Every word of the main text in reading order: paragraphs, quotations, verse,
    captions, lists and code. Notes are left out: they print at the foot of the page."""
    words: list[str] = []
    for ch in tree.chapters:
        words += block_words(ch.blocks)
    return words


def block_words(blocks: tuple[n.Block, ...]) -> list[str]:
    """The words `blocks` print in the flow of the text (their notes left out)."""
    words: list[str] = []
    for block in blocks:
        match block:
            case n.Paragraph() | n.Subheading():
                words += norm_words(n.plain_text(block.inlines))
            case n.SceneBreak():
                pass
            case n.BlockQuote():
                words += block_words(block.blocks)
            case n.Verse():
                words += norm_words(" ".join(n.plain_text(line) for line in block.lines))
            case n.Figure():
                words += norm_words(n.plain_text(block.caption))
            case n.ListBlock():
                for item in block.items:
                    words += block_words(item)
            case n.CodeBlock():
                words += norm_words(block.text)
            case _:
                assert_never(block)
    return words


def outline_items(reader: pypdf.PdfReader) -> list[Any]:
    """The PDF outline's entries, depth first, in reading order."""
    items: list[Any] = []
    stack: list[Any] = list(reader.outline)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack = item + stack
        else:
            items.append(item)
    return items


def outline_tree(reader: pypdf.PdfReader) -> list[tuple[str, list[str]]]:
    """The outline as (title, [child titles]) pairs, top level in order."""
    out: list[tuple[str, list[str]]] = []
    item: Any
    for item in reader.outline:
        if isinstance(item, list):
            out[-1][1].extend(child.title for child in item)
        else:
            out.append((item.title, []))
    return out


def opener_pages(reader: pypdf.PdfReader) -> list[int]:
    """0-based page indexes the PDF outline points at."""
    pages = [reader.get_destination_page_number(item) for item in outline_items(reader)]
    assert None not in pages
    return pages  # type: ignore[return-value]


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    return [item.title for item in outline_items(reader)]


@dataclass(frozen=True)
class TextRun:
    """One run of text as the page draws it: baseline position, size and font name."""

    text: str
    x: float
    y: float
    size: float
    font: str


def text_runs(page: Any) -> list[TextRun]:
    """Every non-blank run of text on a page, in content order."""
    found: list[TextRun] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            m = pypdf.mult(tm, cm)
            name = str(font.get("/BaseFont", "")) if font else ""
            found.append(TextRun(text, m[4], m[5], size * m[0], name))

    page.extract_text(visitor_text=visit)
    return found


def text_lines(page: Any) -> list[tuple[float, float, float]]:
    """(x, baseline y, font size) of every run of text on a page."""
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            m = pypdf.mult(tm, cm)
            found.append((m[4], m[5], size * m[0]))

    page.extract_text(visitor_text=visit)
    return found


def body_pages(reader: pypdf.PdfReader) -> list[int]:
    """0-based indexes of the body pages that are not openers and carry text."""
    openers = set(opener_pages(reader))
    return [
        i
        for i in range(min(openers), len(reader.pages))
        if i not in openers and reader.pages[i].extract_text().strip()
    ]


@dataclass(frozen=True)
class BodyLine:
    """A line of text as it starts on the page: baseline, left edge and its text."""

    y: float
    x: float
    text: str


def page_lines(page: Any) -> list[BodyLine]:
    """The lines of a page, top first: runs sharing a baseline joined, left edge the least."""
    by_y: dict[float, list[tuple[float, str]]] = {}

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            m = pypdf.mult(tm, cm)
            by_y.setdefault(round(m[5], 1), []).append((m[4], text))

    page.extract_text(visitor_text=visit)
    return [
        BodyLine(y, min(x for x, _ in runs), "".join(t for _, t in runs))
        for y, runs in sorted(by_y.items(), key=lambda kv: -kv[0])
    ]


def all_page_lines(reader: pypdf.PdfReader) -> list[list[BodyLine]]:
    """`page_lines` of every page, read by pdfium: the same lines (characters
    sharing a baseline, left edge the least origin) seven times faster than pypdf,
    which a 350-page novel needs."""
    reader.stream.seek(0)
    document = pypdfium2.PdfDocument(reader.stream.read())
    x, y = ctypes.c_double(), ctypes.c_double()
    pages: list[list[BodyLine]] = []
    try:
        for page in document:
            text = page.get_textpage()
            by_y: dict[float, list[tuple[float, str]]] = {}
            for i in range(text.count_chars()):
                ch = chr(pdfium_raw.FPDFText_GetUnicode(text, i))
                if ch not in "\r\n" and pdfium_raw.FPDFText_GetCharOrigin(text, i, x, y):
                    by_y.setdefault(round(y.value, 1), []).append((x.value, ch))
            lines = [
                BodyLine(at, min(x for x, c in chars if c.strip()), "".join(c for _, c in chars))
                for at, chars in sorted(by_y.items(), key=lambda kv: -kv[0])
                if "".join(c for _, c in chars).strip()
            ]
            pages.append(lines)
    finally:
        document.close()
    return pages


def widows_and_orphans(reader: pypdf.PdfReader, indent: float) -> tuple[list[str], list[str]]:
    """Widows (a paragraph's last line alone at the top of a page) and orphans (its
    first line alone at the foot), as "page: text" strings.

    Paragraphs are read from where lines start: at the text block's left edge
    (the most common start on pages of that side) a line goes on a paragraph,
    one `indent` further in starts one. A page that begins flush goes on the
    previous page's paragraph; if its second line is indented (or it has no
    other), that paragraph ended on its first line: a widow. A page whose last
    line is indented while the next page begins flush: an orphan. Opener pages
    (a heading above the text) are skipped, and lines at any other start
    (running heads, folios, centred ornaments) are not body lines. A page whose
    first body line stands below the text block's first baseline has something
    above it (a scene-break ornament or space): a new paragraph starts there, so
    neither the line before the break nor the one after is alone.
    """
    pages = all_page_lines(reader)
    first = min(opener_pages(reader))
    edge: dict[int, float] = {}
    for side in (0, 1):
        starts = [round(ln.x) for i, ls in enumerate(pages) if i % 2 == side for ln in ls]
        edge[side] = max(set(starts), key=starts.count) if starts else 0.0

    def body(i: int) -> list[tuple[str, BodyLine]]:
        out = []
        for ln in pages[i]:
            if abs(ln.x - edge[i % 2]) < 3:
                out.append(("flush", ln))
            elif abs(ln.x - edge[i % 2] - indent) < 3:
                out.append(("indent", ln))
        return out

    openers = set(opener_pages(reader))
    tops = [body(i)[0][1].y for i in range(first, len(pages)) if i not in openers and body(i)]
    top = max(set(tops), key=tops.count) if tops else 0.0
    widows: list[str] = []
    orphans: list[str] = []
    for i in range(first, len(pages) - 1):
        if i + 1 in openers:
            continue
        here, there = body(i), body(i + 1)
        if not here or not there or there[0][0] != "flush" or there[0][1].y < top - 2:
            continue
        if here[-1][0] == "indent":
            orphans.append(f"{i + 1}: {here[-1][1].text}")
        if len(there) == 1 or there[1][0] == "indent":
            widows.append(f"{i + 2}: {there[0][1].text}")
    return widows, orphans


def uneven_spreads(reader: pypdf.PdfReader, pages: list[list[BodyLine]]) -> tuple[int, int]:
    """(spreads, uneven ones): of the spreads inside a chapter (a verso that is not an
    opener and the recto beside it, which is not its chapter's last page), how
    many end on different lines. `pages` is :func:`all_page_lines` of `reader`."""
    openers = set(opener_pages(reader))
    labels = reader.page_labels

    def last(i: int) -> float | None:
        ys = [line.y for line in pages[i] if line.y > 60]  # the folio sits below 60 pt
        return min(ys) if ys else None

    spreads = uneven = 0
    for verso in range(min(openers), len(pages) - 2):
        recto = verso + 1
        if not labels[verso].isdigit() or int(labels[verso]) % 2:
            continue
        if verso in openers or recto in openers or recto + 1 in openers:
            continue
        if recto + 2 in openers and not pages[recto + 1]:  # a blank verso before an opener
            continue
        a, b = last(verso), last(recto)
        if a is None or b is None:
            continue
        spreads += 1
        uneven += abs(a - b) > 1
    return spreads, uneven
