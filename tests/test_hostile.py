"""Hostile input: whatever a manuscript holds, it becomes an EPUB or one error line.

Hypothesis types raw text from the whole Unicode range (every category;
surrogates alone are left out, as UTF-8 cannot hold them), weighted towards
what breaks parsers: private use (U+E000-U+F8FF), noncharacters, C0 and C1
controls, and the markup characters writers type. Each text goes through
``parse_text`` (as ``.txt`` and ``.md``) and the EPUB writer. Either a
:class:`~compile_book.errors.CompileBookError` stops it with one line (a
noncharacter does, by design), or every letter, digit, symbol and private-use
character the tree kept reaches the EPUB's chapters in order: the main text
in the text, each note's in its footnote.

:mod:`tests.test_unicode_properties` checks the step before (the input's
characters reach the tree) over manuscripts shaped like prose; here the
input has no shape at all, and a list of concrete hostile cases follows,
their words checked from the input through to the EPUB, five of them with
EPUBCheck.
"""

from __future__ import annotations

import re
import zipfile
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from compile_book import nodes as n
from compile_book import parse_text
from compile_book.backends.epub import write_epub
from compile_book.config import BookConfig
from compile_book.errors import CompileBookError
from tests.epubcheck import EpubCheckResult
from tests.test_unicode_properties import CONTROLS, NONCHARACTERS, word_chars

NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
_OPF = {"opf": "http://www.idpf.org/2007/opf"}
_FLOW = "chapter prologue epilogue part".split()

# What writers type as markup, and lines that look like structure.
MARKUP = [*"*_{}\"'-#>~`[]()!\\.:  \n\t", "\n\n", "***", "Chapter 1\n\n", "--", "..."]
MARKUP += ["[^1]", "\n\n[^1]: ", "> ", "\n- ", "\n1. ", "    ", "```"]  # notes, quotes, lists, code
# A noncharacter or a NUL stops the book by design: `manuscript` puts one in one
# example in ten, so that most examples get as far as an EPUB.
_STOPPERS = [*NONCHARACTERS, "\x00"]
CHARACTER = st.one_of(
    st.characters(exclude_characters=_STOPPERS),  # every category; no surrogates
    st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF),
    st.sampled_from([*CONTROLS, "\u2028", "\u2029", "\ufeff", "\u200b", "\u00ad"]),
    st.sampled_from(MARKUP),
)
# Runs of letters and digits (any script), so that there are words to lose.
WORD = st.text(st.characters(categories=["L", "M", "N"]), min_size=1, max_size=10)
RAW = st.lists(st.one_of(CHARACTER, WORD, st.just(" ")), min_size=10, max_size=120).map("".join)


@st.composite
def manuscript(draw: st.DrawFn) -> str:
    """Raw text; one in ten holds a noncharacter or a NUL somewhere."""
    raw = draw(RAW)
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from(_STOPPERS)) + raw[at:]
    return raw


# --------------------------------------------------------------------------- what was kept


def kept(book: n.Book) -> tuple[str, str]:
    """The text of the book's parts and chapters as the tree holds it, in the EPUB's
    order: (main text, notes). Notes are numbered per chapter in the order they are
    met, and a note inside a note comes after the notes met before it."""
    main: list[str] = []
    notes: list[str] = []
    for part in book.parts:
        if part.heading is not None:
            main += _heading_text(part.heading)
        for chapter in part.chapters:
            if chapter.heading is not None:
                main += _heading_text(chapter.heading)
            queue: deque[n.Note] = deque()
            _blocks(chapter.blocks, main, queue.append)
            while queue:
                _blocks(queue.popleft().blocks, notes, queue.append)
    return " ".join(main), " ".join(notes)


def _heading_text(heading: n.Heading) -> list[str]:
    parts = [heading.label, heading.number_text]
    return [x for x in parts if x] + [n.plain_text(heading.title), n.plain_text(heading.subtitle)]


def _blocks(blocks: tuple[n.Block, ...], out: list[str], note: Callable[[n.Note], None]) -> None:
    for block in blocks:
        match block:
            case n.Paragraph():
                _inlines(block.inlines, out, note)
            case n.BlockQuote():
                _blocks(block.blocks, out, note)
            case n.Verse():
                for line in block.lines:
                    _inlines(line, out, note)
            case n.Figure():
                _inlines(block.caption, out, note)
            case n.ListBlock():
                for item in block.items:
                    _blocks(item, out, note)
            case n.CodeBlock():
                out.append(block.text)
            case n.SceneBreak():
                pass


def _inlines(inlines: tuple[n.Inline, ...], out: list[str], note: Callable[[n.Note], None]) -> None:
    """The inlines' text (``plain_text``), their notes handed to `note` in order."""
    out.append(n.plain_text(inlines))
    stack = list(reversed(inlines))
    while stack:
        node = stack.pop()
        if isinstance(node, n.Note):
            note(node)
        elif isinstance(node, n.Emphasis | n.Strong | n.Telepathy | n.Strikeout | n.Link):
            stack.extend(reversed(node.children))


# --------------------------------------------------------------------------- what was printed


def epub_flow(path: Path) -> tuple[str, str]:
    """The text of the EPUB's part and chapter sections in spine order: (main text
    without note marks, footnotes without their numbers)."""
    main: list[str] = []
    notes: list[str] = []
    with zipfile.ZipFile(path) as z:
        container = etree.fromstring(z.read("META-INF/container.xml"))
        opf_path = str(_xpath(container, "//*[local-name()='rootfile']/@full-path")[0])
        opf = etree.fromstring(z.read(opf_path))
        base = opf_path.rsplit("/", 1)[0] + "/" if "/" in opf_path else ""
        items = _xpath(opf, "//opf:manifest/opf:item", namespaces=_OPF)
        hrefs = {item.get("id"): item.get("href") for item in items}
        for ref in _xpath(opf, "//opf:spine/opf:itemref/@idref", namespaces=_OPF):
            doc = etree.fromstring(z.read(base + str(hrefs[ref])))
            for mark in _xpath(doc, "//x:a[@class='noteref' or @class='note-backlink']", NS):
                _drop(mark)
            for section in _xpath(doc, "//x:section[@epub:type]", NS):
                if section.get(f"{{{NS['epub']}}}type") not in _FLOW:
                    continue
                for aside in _xpath(section, ".//x:aside[@epub:type='footnote']", NS):
                    notes.append("".join(aside.itertext()))
                    _drop(aside)
                main.append("".join(section.itertext()))
    return " ".join(main), " ".join(notes)


def _xpath(node: Any, path: str, namespaces: dict[str, str] | None = None) -> list[Any]:
    found: list[Any] = node.xpath(path, namespaces=namespaces)
    return found


def _drop(element: Any) -> None:
    """Remove an element but keep the text after it."""
    parent = element.getparent()
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def build(raw: str, out: Path, name: str = "story.txt") -> n.Book | None:
    """Parse `raw` and write its EPUB; ``None`` when a one-line error stopped it."""
    try:
        book = parse_text(raw, filename=name)
        write_epub(book, out, BookConfig())
    except CompileBookError as exc:
        assert "\n" not in str(exc) and "error:" in str(exc), str(exc)
        return None
    return book


def assert_kept_text_printed(book: n.Book, out: Path) -> None:
    main, notes = kept(book)
    printed_main, printed_notes = epub_flow(out)
    assert word_chars(printed_main) == word_chars(main)
    assert word_chars(printed_notes) == word_chars(notes)


# --------------------------------------------------------------------------- properties


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    raw=manuscript(),
    name=st.sampled_from(["story.txt", "story.md"]),
)
def test_any_text_becomes_an_epub_with_every_kept_character_or_one_error_line(
    raw: str, name: str, tmp_path: Path
) -> None:
    out = tmp_path / "book.epub"
    book = build(raw, out, name)
    if book is not None:
        assert_kept_text_printed(book, out)


# --------------------------------------------------------------------------- concrete cases

ROMAN = "Chapter 1\n\nThe sea was grey.\n\n"
CASES = {
    "a line of 4,000 stars": ROMAN + "*" * 4000 + "\n\nThat was all.\n",
    "braces nested 1,000 deep": ROMAN + "Then " + "{" * 1000 + "deep" + "}" * 1000 + " end.\n",
    "lines like dividers": ROMAN + "XOXO\n\n0-0\n\nx-x\n\nOxO\n\n-- 0\n\nThat was all.\n",
    "private use by emphasis": ROMAN + "Alpha \ue000 beta *gamma* delta\ue001 *\uf8ffomega*.\n",
    "private use in notes (Markdown)": (
        ROMAN + "Alpha[^1] beta \ue000 end[^2].\n\n[^1]: A note \ue001 with *gamma*.\n\n"
        "[^2]: Another\x07 note.\n"
    ),
    "controls in titles": (
        "The\x07 Bells\x1b[31m of\x7f Lannow\x85\nby A.\x01 Writer\n\n"
        "Chapter 1: Bells\x07 and\x1b Whistles\x9b\n\nThe sea was grey.\n"
    ),
}


def _name(case: str) -> str:
    return "story.md" if "Markdown" in case else "story.txt"


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_case_keeps_every_word(case: str, tmp_path: Path) -> None:
    raw = CASES[case]
    out = tmp_path / "book.epub"
    book = build(raw, out, _name(case))
    assert book is not None
    main, notes = kept(book)
    # The title and by-lines, when the manuscript had them (else the title is the file's name).
    codes = {d.code for d in book.diagnostics}
    title = " ".join(
        [book.meta.title] * ("N021" in codes) + [*book.meta.authors] * ("N022" in codes)
    )
    # Controls are removed; C1 controls in a text file are read as Windows-1252
    # mojibake (punctuation), which holds no letter either. "by" marks the by-line,
    # [^1] a note's mark.
    written = re.sub(r"\[\^\d+\]", "", raw.replace("\nby ", "\n"))
    assert word_chars(f"{title} {main} {notes}") == word_chars(written)
    assert_kept_text_printed(book, out)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_a_hostile_case_passes_epubcheck(
    case: str, tmp_path: Path, epubcheck: Callable[[Path], EpubCheckResult]
) -> None:
    out = tmp_path / "book.epub"
    assert build(CASES[case], out, _name(case)) is not None
    epubcheck(out)
