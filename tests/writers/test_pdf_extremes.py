"""Prose too long for a page as written still prints, whole and in order, in the PDF.

The template data is checked without Typst: a paragraph past the size limit
is marked for greedy line breaking, a long opening's tail sets exactly the
text its words would, and overlong runs get zero-width spaces while nothing
else changes. Two books are then typeset: one with words of 5,000 and
100,000 characters, read back with pypdf (every one in order, no text outside
the page), and one opening with a paragraph past the limit under a drop cap
(every word in order).
"""

from __future__ import annotations

import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
import pytest

from compile_book import nodes as n
from compile_book import parse_text
from compile_book.backends.epub import write_epub
from compile_book.backends.pdf import write_pdf
from compile_book.config import BookConfig, PdfConfig
from compile_book.writers.pdf import extremes
from compile_book.writers.pdf.body import Body
from compile_book.writers.pdf.extremes import (
    BREAK_EVERY,
    OPENING_HEAD_CHARS,
    SIMPLE_BREAKS_CHARS,
    ZERO_WIDTH_SPACE,
    prose,
)
from tests.writers.pdfread import body_text, book_words, norm_words

SRC = n.Source("story.txt", 3)
SENTENCE = "The keeper climbed the stair and lit the lamp, and the light went out. "
# Why: the narrowest glyph of the book faces is wider than this (in em); a run of
# text that would reach past the page even at this width surely does.
NARROWEST_EM = 0.2


def letters(count: int, seed: int) -> str:
    """A word of `count` lower-case letters and digits, the same on every run: the
    digits keep hyphenation out of it, so without help it has no place to break."""
    rng = random.Random(seed)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(count))


def para(*inlines: n.Inline | str) -> n.Paragraph:
    return n.Paragraph(tuple(n.Text(x, SRC) if isinstance(x, str) else x for x in inlines), SRC)


# --------------------------------------------------------------------------- overlong runs


def test_a_long_run_gets_a_zero_width_space_every_few_letters() -> None:
    word = letters(1000, 1)
    out = prose(f"See {word} go.")
    assert out.replace(ZERO_WIDTH_SPACE, "") == f"See {word} go."
    pieces = out.split(" ")[1].split(ZERO_WIDTH_SPACE)
    assert all(len(p) <= BREAK_EVERY for p in pieces)
    assert len(pieces) == 1000 // BREAK_EVERY + 1


@pytest.mark.parametrize(
    "text",
    [
        "an ordinary sentence of words, none of them long at all",
        "x" * 40,  # at the limit
        "forty-letter-words-joined-by-hyphens-already-break-at-each-hyphen",
        "https://example.com/a/path/with/slashes/that/break/there/already",
        "鯨" * 200,  # CJK breaks between characters
        "ภาษาไทย" * 20,  # Thai breaks at dictionary words
    ],
)
def test_text_that_can_break_is_left_alone(text: str) -> None:
    assert prose(text) == text


def test_no_break_splits_a_character_from_its_marks() -> None:
    word = "e\u0301" * 60 + "\U0001f469\u200d\U0001f4bb" * 20 + "\U0001f44b\U0001f3fd" * 20
    out = prose(word)
    assert out.replace(ZERO_WIDTH_SPACE, "") == word
    for i, char in enumerate(out):
        if char == ZERO_WIDTH_SPACE:
            assert out[i + 1] not in "\u0301\u200d\U0001f3fd"
            assert out[i - 1] != "\u200d"


def test_zero_width_spaces_are_for_the_pdf_only(tmp_path: Path) -> None:
    word = letters(300, 2)
    book = parse_text(f"Chapter 1\n\nShe said {word} twice.\n")
    assert word in n.plain_text(book.chapters[0].blocks[0].inlines)  # type: ignore[union-attr]
    out = tmp_path / "book.epub"
    write_epub(book, out, BookConfig())
    with zipfile.ZipFile(out) as z:
        chapters = [z.read(name).decode() for name in z.namelist() if name.endswith(".xhtml")]
    assert any(word in doc for doc in chapters)
    assert not any(ZERO_WIDTH_SPACE in doc for doc in chapters)


# --------------------------------------------------------------------------- long paragraphs


def test_only_a_paragraph_past_the_limit_is_set_simply() -> None:
    body = Body(drop_cap=False, lead_words=0)
    short = SENTENCE * (SIMPLE_BREAKS_CHARS // len(SENTENCE))
    assert "simple" not in body.block(para(short))
    assert body.block(para(short, SENTENCE))["simple"] is True
    quote = body.block(n.BlockQuote((para(short, SENTENCE),), SRC))
    assert quote["blocks"][0]["simple"] is True


def _styled(data: dict[str, Any]) -> list[tuple[str, tuple[Any, ...]]]:
    """The text an opening's data prints, as (text, styles) runs, the way the
    template's show-words and tail set it (a space between words, none by a break)."""
    out: list[tuple[str, tuple[Any, ...]]] = []

    def add(piece: Any) -> None:
        if isinstance(piece, dict):
            run = (f"<{piece['type']}>", tuple(map(str, piece.get("styles", []))))
        else:
            run = (piece[0], tuple(map(str, piece[1])))
        if out and not run[0].startswith("<") and out[-1][1] == run[1]:
            out[-1] = (out[-1][0] + run[0], run[1])
        else:
            out.append(run)

    after_break = True
    for word in data["words"]:
        here = isinstance(word[0], dict) and word[0]["type"] == "linebreak"
        if not (after_break or here):
            add([" ", []])
        for piece in word:
            add(piece)
        after_break = here
    for piece in data.get("tail", []):
        add(piece)
    return out


def _long_opening() -> n.Paragraph:
    inlines: list[n.Inline] = [n.Text("\u201cWhere the light goes\u201d\u2014 ", SRC)]
    for i in range(SIMPLE_BREAKS_CHARS // 80):  # about 100 characters each
        inlines.append(n.Text(SENTENCE, SRC))
        inlines.append(n.Emphasis((n.Text(f"lamp {i} glowed", SRC),), SRC))
        inlines.append(n.Text(" then ", SRC))
        if i % 7 == 0:
            inlines.append(n.LineBreak(SRC))
        if i % 11 == 0:
            inlines.append(n.Note((para("a note"),), SRC))
        inlines.append(n.CodeSpan("x = 1", SRC))
        inlines.append(n.Text(" and on. ", SRC))
    return n.Paragraph(tuple(inlines), SRC)


@pytest.mark.parametrize("drop_cap", [True, False])
def test_a_long_opening_prints_the_same_text_from_its_head_and_tail(
    drop_cap: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = _long_opening()
    split = Body(drop_cap=drop_cap, lead_words=4).opening(opening)
    monkeypatch.setattr(extremes, "SIMPLE_BREAKS_CHARS", 10**9)
    whole = Body(drop_cap=drop_cap, lead_words=4).opening(opening)
    assert split["simple"] is True and "simple" not in whole
    assert split["tail"] and "tail" not in whole
    head = sum(len(p[0]) + 1 for w in split["words"] for p in w if isinstance(p, list))
    assert head < OPENING_HEAD_CHARS + 200
    assert _styled(split) == _styled(whole)
    assert split.get("initial") == whole.get("initial")


# --------------------------------------------------------------------------- typeset


@dataclass(frozen=True)
class Run:
    """One run of text as a page draws it: where it starts, its size, its text."""

    page: int
    x: float
    size: float
    text: str


def _runs(reader: pypdf.PdfReader) -> list[Run]:
    """Every run of text of the PDF in content order (one pass: pypdf is slow on
    pages of long words, a run every few letters)."""
    found: list[Run] = []
    for index, page in enumerate(reader.pages):

        def visit(text: str, cm: Any, tm: Any, font: Any, size: float, index: int = index) -> None:
            if text.strip():
                m = pypdf.mult(tm, cm)
                found.append(Run(index, m[4], size * m[0], text))

        page.extract_text(visitor_text=visit)
    return found


def _past_the_page(reader: pypdf.PdfReader, runs: list[Run]) -> list[Run]:
    """Runs that start off the page or would end past its right edge even if every
    glyph were as narrow as the narrowest."""
    boxes = [(float(p.mediabox.left), float(p.mediabox.right)) for p in reader.pages]
    return [
        run
        for run in runs
        if run.x < boxes[run.page][0]
        or run.x + NARROWEST_EM * run.size * len(run.text.strip()) > boxes[run.page][1]
    ]


@pytest.mark.slow
def test_a_word_longer_than_the_measure_wraps_and_prints_whole(tmp_path: Path) -> None:
    short, huge = letters(5_000, 3), letters(100_000, 4)
    book = parse_text(
        f"Chapter 1\n\nThe sea was grey.\n\nHe wrote {short} and slept.\n\n"
        f"She answered {huge} before the bells.\n\nThe end came quietly.\n"
    )
    out = tmp_path / "book.pdf"
    write_pdf(book, out, BookConfig())
    reader = pypdf.PdfReader(out)
    runs = _runs(reader)
    # Body text alone: running heads, folios and the chapter head are set at other sizes.
    body = "".join(run.text for run in runs if abs(run.size - PdfConfig().font_size) < 0.01)
    printed = re.sub(r"[\s\u200b\u00ad-]", "", body)
    assert printed.index(short) < printed.index(huge)
    assert printed.endswith(f"{huge}beforethebells.Theendcamequietly.")
    assert _past_the_page(reader, runs) == []


@pytest.mark.slow
def test_an_opening_past_the_limit_prints_every_word_under_its_drop_cap(tmp_path: Path) -> None:
    words = [f"{letters(6, i)}" for i in range(SIMPLE_BREAKS_CHARS // 5)]
    text = "Where " + " ".join(words) + " *the lamp* at last.\n\nA second paragraph.\n"
    book = parse_text("Chapter 1\n\n" + text)
    out = tmp_path / "book.pdf"
    write_pdf(book, out, BookConfig())
    reader = pypdf.PdfReader(out)
    assert "".join(norm_words(body_text(reader, book))) == "".join(book_words(book))
    assert _past_the_page(reader, _runs(reader)) == []
