"""Scene-break divider lines: the shapes writers use, and no word ever taken for one."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compile_book.api import parse_text
from compile_book.diagnostics import Code
from compile_book.nodes import Heading, Paragraph, plain_text
from compile_book.rules.scenebreaks import is_scene_break, looks_like_divider
from compile_book.walk import query

BREAKS = [
    "***",
    "* * *",
    "#",
    "~~~~~",
    "---",
    "___",
    "===",
    "+++",
    "•••",
    "• • •",
    "⁂",
    "o0o",
    "oOo",
    "OoO",
    "xXx",
    "-x-x-x-",
    "~o~o~",
    "*",
    "- - -",
    # The fan-fiction shapes the README lists, and their close kin:
    "XxX",
    "0o0",
    "oOoOo",
    "o O o",
    "~o~",
    "=OoO=",
    "-oOo-",
    "~x~x~",
    # More ornaments, spaced full stops and a writer's placeholder for the divider:
    "§",
    "❦",
    "✦ ✦ ✦",
    ". . .",
    "[scene break]",
    "(break)",
    "[Scene Change]",
]
PROSE = [
    *("Ooo", "ooo", "xox and hugs", "Oh.", "I", "#hashtag", "x", "*sigh*", "...", "OK"),
    *("…", ".", "[break it]", "(a break)"),
]
# Lines of the issue that were taken for breaks, their words dropped: a sign-off
# (XOXO), a score (0-0), faces (x-x, OxO), a number after a dash.
WORDS = ["XOXO", "0-0", "x-x", "OxO", "-- 0", "-0-", "xxx", "000", "oOoO", "xo-xo", "-xo-", "X-X"]


@pytest.mark.parametrize("line", BREAKS)
def test_dividers_are_scene_breaks(line: str) -> None:
    assert is_scene_break(line)


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_not_a_scene_break(line: str) -> None:
    assert not is_scene_break(line)


def test_unknown_divider_is_flagged_not_taken() -> None:
    assert looks_like_divider("<><><>")
    assert not looks_like_divider("***")
    assert not looks_like_divider("Hello")
    # A character's silence is dialogue, not a divider.
    for silence in ('"..."', "“…”", "«...»", "'...'"):
        assert not looks_like_divider(silence)


@pytest.mark.parametrize("line", WORDS)
def test_a_word_is_never_a_divider(line: str) -> None:
    assert not is_scene_break(line)
    assert not looks_like_divider(line)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
@pytest.mark.parametrize("line", WORDS)
def test_a_line_with_a_word_stays_in_the_book(line: str, suffix: str) -> None:
    assert _alnum(line) in _alnum(_book_text(line, suffix))


# Why an oracle of its own: the property must not restate the rule it tests. A
# divider holding letters is one mark (o, O, 0 or x, X) alternating, or set
# between separators from end to end; anything else with a letter or digit is prose.
_PIECES = ["o", "O", "0", "x", "X", "-", "~", "=", "_", "*", " ", "a", "1", "K", "I", "#", "."]


def _known_shape(line: str) -> bool:
    compact = line.replace(" ", "")
    for mark in ("oO0", "xX"):
        framed = rf"(?:[-~=_*]+(?:[{mark}]+))+[-~=_*]+"
        groups = re.findall(rf"[{mark}]+", compact)
        if set("".join(groups)) == {"0"}:
            return False  # only zeros: a number
        if (re.fullmatch(framed, compact) or re.fullmatch(f"[{mark}]+", compact)) and all(
            len(g) == 1 or _takes_turns(g) for g in groups
        ):
            return True
    return False


def _takes_turns(marks: str) -> bool:
    first, second = marks[0], marks[1]
    expected = "".join(first if k % 2 == 0 else second for k in range(len(marks)))
    return first != second and marks == expected and marks[-1] == first


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9).map("".join))
def test_no_line_holding_a_word_is_a_divider(line: str) -> None:
    line = line.strip()
    if any(c.isalnum() for c in line) and is_scene_break(line):
        assert _known_shape(line), f"{line!r} was taken for a scene break"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), min_size=1, max_size=7).map("".join),
    st.sampled_from([".txt", ".md"]),
)
def test_no_word_is_dropped_by_a_divider_rule(line: str, suffix: str) -> None:
    """Every letter and digit of a line between two paragraphs reaches the book,
    unless the line is one of the known divider shapes."""
    line = line.strip()
    if not any(c.isalnum() for c in line) or _known_shape(line):
        return
    got = _book_text(line, suffix)
    assert _alnum(line) in _alnum(got)


def _book_text(line: str, suffix: str) -> str:
    head = "# Chapter 1\n\n" if suffix == ".md" else "T\n\nby A\n\nChapter 1\n\n"
    book = parse_text(f"{head}Hello there.\n\n{line}\n\nMore text.\n", filename="s" + suffix)
    # A line read as a heading (`#0` in Markdown, with W113) keeps its words there.
    headings = [
        " ".join(x for x in (h.label, h.number_text, plain_text(h.title)) if x)
        for h in query(book, Heading)
    ]
    return " ".join([*headings, *(plain_text(p.inlines) for p in query(book, Paragraph))])


def _alnum(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_placeholder_for_a_break_is_one_not_a_note(suffix: str) -> None:
    book = parse_text(
        "# Chapter 1\n\nShe left.\n\n[scene break]\n\nHe came.\n", filename=f"x{suffix}"
    )
    assert [type(b).__name__ for b in book.chapters[0].blocks] == [
        "Paragraph",
        "SceneBreak",
        "Paragraph",
    ]
    assert not any(d.code == Code.AUTHOR_NOTE for d in book.diagnostics)


def test_a_framed_roman_ten_may_be_a_chapter_number() -> None:
    from compile_book.rules.scenebreaks import reads_as_ten

    assert reads_as_ten("-X-") and reads_as_ten("~ X ~")
    assert not reads_as_ten("-x-") and not reads_as_ten("-x-x-x-") and not reads_as_ten("-IX-")
