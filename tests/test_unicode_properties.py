"""Hostile Unicode: no character a writer can type loses a word or crashes a build.

Hypothesis writes manuscripts from the whole Unicode range (private use,
noncharacters, C0 and C1 controls, combining marks, other scripts, emoji;
surrogates cannot be encoded in a file and are left out), mixed with the
markup writers type (emphasis, escapes, quotes, mind-speech braces), as
``.txt`` and ``.md`` in UTF-8, UTF-16 and UTF-32, and as ``.docx`` and ``.odt``
(less what XML cannot hold). For each one, either it holds a Unicode
noncharacter and reading it stops with a one-line :class:`InputError` naming
the file and line, or every letter, digit, symbol and private-use character
of its text comes out of the tree and out of the EPUB's chapter documents,
in order.

Those characters, not words, are compared: a control or zero-width character
removed from inside a word joins its halves, which is right, and a word split
by a typographic space stays apart. C1 controls in a
plain-text file are Windows-1252 mojibake, repaired by design, so the
expected text is the repaired one.
"""

from __future__ import annotations

import re
import string
import unicodedata
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from compile_book.backends.epub import write_epub
from compile_book.config import BookConfig
from compile_book.errors import InputError
from compile_book.nodes import Book, CodeSpan, Inline, LineBreak, Note, Paragraph, Text
from compile_book.parser import ManuscriptSource, parse_sources
from compile_book.rules.noncharacters import NONCHARACTER_RE
from compile_book.rules.whitespace import repair_c1
from tests import docx_fixtures as dx
from tests import odt_fixtures as ox

NONCHARACTERS = [
    *map(chr, range(0xFDD0, 0xFDF0)),
    *(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF)),
]
PRIVATE_USE = ["\ue000", "\ue001", "\ue002", "\ue0c5", "\ue0fd", "\ue0ff", "\uf8ff"]
PRIVATE_USE += ["\U000f0000", "\U000ffffd", "\U00100000", "\U0010fffd"]
# C0 (no NUL: a NUL byte means "not a text file", an error by design), DEL and C1.
CONTROLS = [chr(c) for c in range(1, 0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
CONTROLS += [chr(c) for c in range(0x7F, 0xA0)]
# Line breaks make lines, and lines are structure (headings, dividers): not tested here.
# ASCII punctuation is markup: only the markup below is typed.
_EXCLUDED = set(string.punctuation) | set("\x00\n\r\x0b\x0c\u2028\u2029") | set(NONCHARACTERS)
ANY = st.characters(exclude_categories=["Cs"]).filter(lambda c: c not in _EXCLUDED)
SPECIAL = st.sampled_from(PRIVATE_USE + CONTROLS)
WORD = st.text(st.one_of(ANY, ANY, SPECIAL), min_size=1, max_size=8)
MARKUP = ["*{}*", "_{}_", "**{}**", '"{}"', "{{{}}}", "\\*{}", "{}'s", "\\_{}\\_", "'{}'"]


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    """A paragraph opening with a plain word (so it is never a heading, divider or note)."""
    tokens = ["Sea"]
    for word in draw(st.lists(WORD, min_size=1, max_size=8)):
        tokens.append(draw(st.sampled_from(["{}", "{}", *MARKUP])).format(word))
    return " ".join(tokens) + draw(st.sampled_from([".", "!", "...", ""]))


@st.composite
def manuscript(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(paragraph(), min_size=1, max_size=4))
    if draw(st.integers(0, 5)) == 0:  # now and then, a noncharacter somewhere
        k = draw(st.integers(0, len(paragraphs) - 1))
        at = draw(st.integers(0, len(paragraphs[k])))
        bad = draw(st.sampled_from(NONCHARACTERS))
        paragraphs[k] = paragraphs[k][:at] + bad + paragraphs[k][at:]
    return "\n\n".join(["Chapter 1", *paragraphs]) + "\n"


def word_chars(text: str) -> str:
    """Letters, digits, symbols and private-use characters in order, case folded: what
    no rule may drop, change or invent."""
    return "".join(
        c for c in text.casefold() if c.isalnum() or unicodedata.category(c) in ("Co", "So")
    )


def _inline_text(nodes: tuple[Inline, ...]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Note):
            out.extend(_inline_text(b.inlines) for b in node.blocks if isinstance(b, Paragraph))
        elif not isinstance(node, LineBreak | CodeSpan):
            out.append(_inline_text(node.children))
    return " ".join(out)


def tree_text(book: Book) -> str:
    out: list[str] = []
    for chapter in book.chapters:
        if chapter.heading is not None:
            heading = chapter.heading
            out += [x for x in (heading.label, heading.number_text) if x]
            out += [_inline_text(heading.title), _inline_text(heading.subtitle)]
        out += [_inline_text(b.inlines) for b in chapter.blocks if isinstance(b, Paragraph)]
    return " ".join(out)


def epub_text(path: Path) -> str:
    """The text of the EPUB's chapter sections, in spine order."""
    ns = {"opf": "http://www.idpf.org/2007/opf", "epub": "http://www.idpf.org/2007/ops"}
    out: list[str] = []
    with zipfile.ZipFile(path) as z:
        container = etree.fromstring(z.read("META-INF/container.xml"))
        paths: Any = container.xpath("//*[local-name()='rootfile']/@full-path")
        opf_path = str(paths[0])
        opf = etree.fromstring(z.read(str(opf_path)))
        base = str(opf_path).rsplit("/", 1)[0] + "/" if "/" in str(opf_path) else ""
        items: Any = opf.xpath("//opf:manifest/opf:item", namespaces=ns)
        hrefs = {i.get("id"): i.get("href") for i in items}
        refs: Any = opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=ns)
        for ref in refs:
            doc = etree.fromstring(z.read(base + str(hrefs[ref])))
            sections: Any = doc.xpath(
                "//*[local-name()='section'][@epub:type='chapter']", namespaces=ns
            )
            out += ["".join(s.itertext()) for s in sections]
    return " ".join(out)


def read(raw: str, name: str, encoding: str) -> Book | None:
    """The book of one manuscript, or ``None`` after checking the noncharacter error."""
    try:
        book = parse_sources([ManuscriptSource(name, raw.encode(encoding))])
    except InputError as exc:
        found = NONCHARACTER_RE.search(raw)
        assert found is not None, str(exc)
        message = str(exc)
        assert "\n" not in message and "noncharacter" in message
        assert message.startswith(f"{name}:{raw.count(chr(10), 0, found.start()) + 1}: error:")
        return None
    assert NONCHARACTER_RE.search(raw) is None
    return book


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    raw=manuscript(),
    name=st.sampled_from(["story.txt", "story.md"]),
    encoding=st.sampled_from(["utf-8", "utf-8", "utf-16", "utf-32"]),
)
def test_every_character_reaches_the_tree_or_a_noncharacter_stops_the_book(
    raw: str, name: str, encoding: str
) -> None:
    book = read(raw, name, encoding)
    if book is not None:
        assert word_chars(tree_text(book)) == word_chars(repair_c1(raw)[0])


# What XML 1.0 cannot hold at all (so no word processor file holds it): C0 controls
# other than tab, and U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def word_processor_file(raw: str, name: str) -> bytes:
    """The manuscript as a .docx or .odt: its first paragraph a heading, one paragraph each."""
    first, *rest = raw.rstrip("\n").split("\n\n")
    if name.endswith(".docx"):
        return dx.docx(dx.p(first, style="Heading1"), *(dx.p(x) for x in rest))
    return ox.odt(ox.h(escape(first)) + "".join(ox.p(escape(x)) for x in rest))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=manuscript(), name=st.sampled_from(["story.docx", "story.odt"]))
def test_every_character_of_a_word_processor_file_reaches_the_tree(raw: str, name: str) -> None:
    raw = _NOT_XML.sub("", raw)
    found = NONCHARACTER_RE.search(raw)
    try:
        book = parse_sources([ManuscriptSource(name, word_processor_file(raw, name))])
    except InputError as exc:
        assert found is not None, str(exc)
        paragraph = raw.count("\n\n", 0, found.start()) + 1
        message = str(exc)
        assert "\n" not in message and "noncharacter" in message
        assert message.startswith(f"{name}:{paragraph}: error: paragraph {paragraph} holds")
        return
    assert found is None
    # C1 controls are removed from a word processor's text, not read as mojibake.
    assert word_chars(tree_text(book)) == word_chars(raw)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=manuscript())
def test_every_character_reaches_the_epub(raw: str, tmp_path: Path) -> None:
    assume(NONCHARACTER_RE.search(raw) is None)
    book = read(raw, "story.txt", "utf-8")
    assert book is not None
    out = tmp_path / "book.epub"
    write_epub(book, out, BookConfig())
    assert word_chars(epub_text(out)) == word_chars(repair_c1(raw)[0])


HOSTILE = (
    "Chapter 1\n\n"
    'Alpha \ue000 beta *gamma \ue001* delta \\* \ue0c5 "quoted \uf8ff" {Think \ue0ff} '
    "end \U000f0000 \U0010fffd.\n\n"
    "Bells \x07 and \x1b[31m escapes \x7f, C1 \x81 gone, mojibake \x93fixed\x94. "
    "Zero\u200bwidth, e\u0301, \u05e9\u05dc\u05d5\u05dd, \U0001f600 \U0001f469\u200d\U0001f4bb.\n"
)


@pytest.mark.slow
def test_a_hostile_manuscript_builds_an_epub_that_passes_epubcheck(tmp_path: Path) -> None:
    from tests.epubcheck import run_epubcheck

    book = read(HOSTILE, "story.txt", "utf-8")
    assert book is not None
    out = tmp_path / "book.epub"
    write_epub(book, out, BookConfig(title="Hostile", authors=["A. Writer"], language="en"))
    assert word_chars(epub_text(out)) == word_chars(repair_c1(HOSTILE)[0])
    for char in ["\ue000", "\ue001", "\ue0c5", "\ue0ff", "\uf8ff", "\U000f0000", "\U0010fffd"]:
        assert char in epub_text(out)
    check = run_epubcheck(out)
    assert check.clean, check.messages
