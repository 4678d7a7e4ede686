"""No word lost, structure edition: the rules that take text out of the running prose
(a Gutenberg header and licence, a typed contents list, a half title, an end mark) or
move it (a subtitle and a dedication to the front, indented lines into verse and block
quotes) account for every word they touch.

Hypothesis writes books in the shapes old and new typescripts have; the model knows
which words must reach the tree, and which may be left out and under which note.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compile_book.diagnostics import Code
from compile_book.nodes import Block, BlockQuote, Book, Paragraph, Verse, plain_text
from compile_book.parser import ManuscriptSource, parse_sources
from tests.test_properties import _heading_words, words

WORDS = "hens fox gate meadow farm rain barn cart lane pond road dog boat".split()
ROMAN = ["I", "II", "III", "IV", "V"]
HEADER = (
    "The Project Gutenberg eBook of The Farm\n\nThis eBook is for the use of anyone.\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK THE FARM ***\n\n"
)
FOOTER = (
    "\n\n*** END OF THE PROJECT GUTENBERG EBOOK THE FARM ***\n\n"
    "Section 1. General Terms of Use and Redistributing Project Gutenberg works\n"
)


@dataclass
class Shape:
    raw: str = ""
    kept: list[str] = field(default_factory=list)
    left_out: dict[Code, list[str]] = field(default_factory=dict)


@st.composite
def prose(draw: st.DrawFn) -> str:
    ws = draw(st.lists(st.sampled_from(WORDS), min_size=12, max_size=40))
    return "The " + " ".join(ws) + " went on."


@st.composite
def book(draw: st.DrawFn) -> Shape:
    shape = Shape()
    lines: list[str] = []
    lines += ["THE FARM", ""]
    shape.kept += words("THE FARM")
    if draw(st.booleans()):
        lines += ["A STORY OF THE MEADOW", ""]
        shape.kept += words("A STORY OF THE MEADOW")
    lines += ["by", "", "Jane Writer", "", ""]
    shape.kept += words("Jane Writer")
    if draw(st.booleans()):
        lines += ["To my mother", "and the hens", "", ""]
        shape.kept += words("To my mother and the hens")
    n = draw(st.integers(2, 5))
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)), min_size=n, max_size=n)
    )
    titles = [f"THE {a.upper()} AND THE {b.upper()}" for a, b in pairs]
    if draw(st.booleans()):
        contents = ["Contents", ""] + [f"   {ROMAN[k]}.  {t.title()}" for k, t in enumerate(titles)]
        lines += [*contents, "", ""]
        shape.left_out[Code.CONTENTS_LIST_LEFT_OUT] = words(" ".join(contents))
    if draw(st.booleans()):
        preface = draw(prose())
        lines += ["PREFACE", "", *textwrap.wrap(preface, 70), "", ""]
        shape.kept += words("Preface " + preface)
    if draw(st.booleans()):
        lines += ["THE FARM", "", ""]
        shape.left_out[Code.HALF_TITLE_LEFT_OUT] = words("THE FARM")
    for k, title in enumerate(titles):
        lines += [f"CHAPTER {ROMAN[k]}", "", title, "", ""]
        shape.kept += words(f"Chapter {ROMAN[k]} {title}")
        for _ in range(draw(st.integers(1, 3))):
            text = draw(prose())
            lines += [*textwrap.wrap(text, 70), ""]
            shape.kept += words(text)
            if draw(st.integers(0, 3)) == 0:
                names = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=4))
                verse = [f"The {w} is in the meadow," for w in names]
                lines += ["    " + v for v in verse] + [""]
                shape.kept += words(" ".join(verse))
    if draw(st.booleans()):
        lines += ["", "THE END", ""]
        shape.left_out[Code.END_MARK_RECOGNISED] = ["the", "end"]
    raw = "\n".join(lines)
    if draw(st.booleans()):
        raw = HEADER + raw + FOOTER
        shape.left_out[Code.BOILERPLATE_LEFT_OUT] = words(HEADER + FOOTER)
    shape.raw = raw
    return shape


def _block_words(block: Block) -> list[str]:
    match block:
        case Paragraph():
            return words(plain_text(block.inlines))
        case Verse():
            return [w for line in block.lines for w in words(plain_text(line))]
        case BlockQuote():
            return [w for b in block.blocks for w in _block_words(b)]
    return []


def tree_words(book: Book) -> list[str]:
    out = words(book.meta.title) + words(book.meta.subtitle or "")
    out += [w for a in book.meta.authors for w in words(a)]
    out += words(book.meta.dedication or "")
    for part in book.parts:
        if part.heading is not None:
            out += _heading_words(part.heading)
        for chapter in part.chapters:
            if chapter.heading is not None:
                out += _heading_words(chapter.heading)
            for block in chapter.blocks:
                out += _block_words(block)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(shape=book())
def test_every_word_is_kept_or_left_out_under_its_note(shape: Shape) -> None:
    parsed = parse_sources([ManuscriptSource("farm.txt", shape.raw.encode())])
    assert tree_words(parsed) == shape.kept
    noted = {d.code for d in parsed.diagnostics}
    for code in shape.left_out:
        assert code in noted, code
    # what was left out is exactly the words the notes stand for
    total = len(words(shape.raw))
    assert total == len(shape.kept) + sum(len(v) for v in shape.left_out.values()) + 1  # "by"
