"""Notes to self (``[ … ]``, ``TK``, ``TODO:``) and HTML comments: out of the book, listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compile_book.api import parse_text
from compile_book.check import check
from compile_book.diagnostics import Code
from compile_book.events import FileEvents, Para
from compile_book.nodes import heading_text, plain_text
from compile_book.readers import Options, read
from compile_book.rules.notes import bracket_depth, excerpt, is_note, placeholders
from tests.projects import make_project
from tests.trees_small import found


def _read(text: str, *, notes: bool = True) -> FileEvents:
    return read("a.txt", text.encode("utf-8"), Options(first=False, author_notes=notes))


def _paras(result: FileEvents) -> list[str]:
    return [e.text for e in result.events if isinstance(e, Para)]


def _messages(result: FileEvents, code: Code) -> list[str]:
    return [d.message for d in result.diagnostics if d.code == code]


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    "line",
    [
        "[ Karl has a tumour… ]",
        "[Karl has a tumour]",
        "[[check the dates against chapter 3]]",
        "[TK]",
        "[ nested [brackets] inside ]",
        "[Ring ring]",  # a sound effect alone reads like a note: listed, switchable
        "TK",
        "TKTK",
        "TK TK",
        "TK.",
        "TODO",
        "TODO: fix the timeline",
        "TODO make Karl angrier",
        "FIXME: the boat's name",
        "NOTE TO SELF: she never learns to swim",
        "TK: describe the harbour",
    ],
)
def test_whole_line_notes_are_recognised(line: str) -> None:
    assert is_note(line)


@pytest.mark.parametrize(
    "line",
    [
        "[sic] he wrote, and meant it.",
        "He wrote [sic] in the margin.",
        "[a] and [b]",
        "[Ring ring], went the phone.",
        '"[Ring ring]"',
        "[^1]",
        "[^note]: a footnote",
        "[ an unclosed note",
        "Todo lists were her weakness.",
        "TK Maxx was crowded.",
        "TKO in the third round.",
        "todo: lower case is prose",
        "NOTE: Staff only, said the sign.",
        "",
    ],
)
def test_prose_with_brackets_or_capitals_is_not_a_note(line: str) -> None:
    assert not is_note(line)


def test_bracket_depth_follows_a_note_over_several_lines() -> None:
    assert bracket_depth("[ a note that runs") == 1
    assert bracket_depth("over [two] lines ]", 1) == 0
    assert bracket_depth("over two", 1) == 1
    assert bracket_depth("] and prose after", 1) is None
    assert bracket_depth("prose") is None


def test_placeholders_inside_prose_are_found_with_their_offsets() -> None:
    text = "The [TK] river ran TK miles; TODO check. TKO and Stk are words."
    assert list(placeholders(text)) == [(4, "[TK]"), (19, "TK"), (29, "TODO")]
    assert list(placeholders("Nothing to fill in.")) == []


def test_excerpt_keeps_the_first_ten_words() -> None:
    assert excerpt("[ one  two ]") == "[ one two ]"
    assert excerpt("a b c d e f g h i j k") == "a b c d e f g h i j …"


# --------------------------------------------------------------------------- the reader


NOTED = """\
He ran to the harbour.
[ Karl has a tumour: set it up earlier ]
She followed him.
TK
They waited TK hours.
TODO: fix the timeline
[[ask Sam about boats]]
The boat came in.
"""


def test_note_lines_are_left_out_and_each_reported_at_its_line() -> None:
    result = _read(NOTED)
    assert _paras(result) == [
        "He ran to the harbour.",
        "She followed him.",
        "They waited TK hours.",
        "The boat came in.",
    ]
    assert found(result.diagnostics, Code.AUTHOR_NOTE) == [
        ("a.txt", 2, 1),
        ("a.txt", 4, 1),
        ("a.txt", 6, 1),
        ("a.txt", 7, 1),
        ("a.txt", 5, 13),  # the placeholder, kept in the text
    ]
    assert _messages(result, Code.AUTHOR_NOTE)[0] == (
        "note left out of the book: '[ Karl has a tumour: set it up earlier ]'; resolve it "
        "before publishing ([reading] author_notes = false keeps such lines as text)"
    )
    assert _messages(result, Code.AUTHOR_NOTE)[-1] == (
        "placeholder 'TK' in the text; fill it in before publishing"
    )


def test_with_author_notes_off_the_notes_stay_as_text_and_nothing_is_reported() -> None:
    result = _read(NOTED, notes=False)
    assert _paras(result) == [line for line in NOTED.splitlines() if line]
    assert found(result.diagnostics, Code.AUTHOR_NOTE) == []


def test_a_bracketed_note_over_several_lines_of_one_block_is_one_note() -> None:
    text = "She ran.\n[ Karl has a tumour;\nset it up in chapter [3]\nbefore the storm ]\nHe ran.\n"
    result = _read(text)
    assert _paras(result) == ["She ran.", "He ran."]
    assert found(result.diagnostics, Code.AUTHOR_NOTE) == [("a.txt", 2, 1)]
    assert "'[ Karl has a tumour; set it up in chapter …'" in _messages(result, Code.AUTHOR_NOTE)[0]


def test_an_unclosed_bracket_is_prose_and_never_swallows_the_lines_after_it() -> None:
    text = "She ran.\n[ a thought that never closes\nHe ran.\nThey ran.\n"
    assert _paras(_read(text)) == [
        "She ran.",
        "[ a thought that never closes",
        "He ran.",
        "They ran.",
    ]


def test_a_bracketed_note_does_not_run_over_a_blank_line() -> None:
    text = "She ran.\n\n[ A note.\n\nIt ends. ]\n\nHe ran.\n"
    assert _paras(_read(text)) == ["She ran.", "[ A note.", "It ends. ]", "He ran."]


def test_a_note_in_hard_wrapped_text_stands_alone_and_the_paragraph_is_rejoined() -> None:
    text = (
        "The lighthouse keeper climbed the stairs every night at nine and\n"
        "lit the lamp that the ships relied on, though few of them ever\n"
        "[TK: the name of the ship]\n"
        "thanked him for it, and he did not mind that at all, not really.\n"
        "\n"
        "In the morning he slept until the gulls woke him with their cries\n"
        "over the harbour and the boats went out again into the grey sea.\n"
    )
    result = _read(text)
    first, second = _paras(result)
    assert first.startswith("The lighthouse keeper") and first.endswith("not really.")
    assert "TK" not in first and "ever thanked" in first
    assert second.startswith("In the morning")
    assert found(result.diagnostics, Code.AUTHOR_NOTE) == [("a.txt", 3, 1)]


def test_a_note_under_a_chapter_number_does_not_become_its_title() -> None:
    text = "Chapter 29\n\n[TK title]\n\nAll for nothing.\n\nShe waited a long time.\n"
    result = _read(text)
    assert _paras(result) == ["She waited a long time."]
    assert found(result.diagnostics, Code.AUTHOR_NOTE) == [("a.txt", 3, 1)]


def test_a_file_of_notes_only_has_no_events() -> None:
    result = _read("[ this chapter is still to write ]\nTK\n")
    assert result.events == ()
    assert len(found(result.diagnostics, Code.AUTHOR_NOTE)) == 2


# --------------------------------------------------------------------------- check


def test_check_lists_every_note_with_file_and_line(tmp_path: Path) -> None:
    chapter = "Chapter 1\n\nHe ran.\n\n[ Karl has a tumour ]\n\nShe ran TK miles.\n\nTODO: end\n"
    project = make_project(tmp_path / "book", chapters={"01.txt": chapter})
    report = check(project)
    notes = [d for d in report.findings if d.code == Code.AUTHOR_NOTE]
    assert [(Path(d.file).name, d.line, d.col) for d in notes] == [
        ("01.txt", 5, 1),
        ("01.txt", 7, 9),
        ("01.txt", 9, 1),
    ]
    text = report.format_text()
    assert "01.txt:5:1: warning W112: note left out of the book: '[ Karl has a tumour ]'" in text


def test_book_toml_author_notes_false_keeps_notes_in_the_book(tmp_path: Path) -> None:
    toml = 'title = "T"\n\n[reading]\nauthor_notes = false\n'
    chapter = "Chapter 1\n\nHe ran.\n\n[ Karl has a tumour ]\n"
    project = make_project(tmp_path / "book", toml=toml, chapters={"01.txt": chapter})
    assert not [d for d in check(project).findings if d.code == Code.AUTHOR_NOTE]


# --------------------------------------------------------------------------- property

PROSE_WORDS = ("sea", "rose", "boat", "light", "keeper", "fell", "grey", "harbour")
NOTE_WORDS = ("memo", "fixup", "later")
_note_text = st.lists(st.sampled_from(NOTE_WORDS), min_size=1, max_size=4).map(" ".join)
_prose = st.lists(st.sampled_from(PROSE_WORDS), min_size=1, max_size=12).map(" ".join)
_note = st.one_of(
    _note_text.map(lambda t: f"[ {t} ]"),
    _note_text.map(lambda t: f"[[{t}]]"),
    _note_text.map(lambda t: f"[ {t}\n{t} ]"),
    _note_text.map(lambda t: f"TODO: {t}"),
    _note_text.map(lambda t: f"<!-- {t} -->"),
    _note_text.map(lambda t: f"<!-- {t}\n{t} -->"),
    st.sampled_from(["TK", "TKTK", "\\"]),
)
_gap = st.sampled_from(["\n", "\n\n", "\n\n\n"])


@st.composite
def _manuscript(draw: st.DrawFn, ended: bool) -> tuple[str, list[str]]:
    """A manuscript of prose lines and notes, and the prose words in order."""
    text = ""
    words: list[str] = []
    for _ in range(draw(st.integers(1, 14))):
        if draw(st.booleans()):
            line = draw(_prose)
            words += line.split()
            if ended or draw(st.booleans()):
                line += "."
            if draw(st.integers(0, 5)) == 0:  # a comment inside a line of prose
                line = line.replace(" ", " <!-- memo --> ", 1)
        else:
            line = draw(_note)
        text += line + draw(_gap)
    return text, words


def _book_words(result: FileEvents) -> list[str]:
    return [w.strip(".") for p in _paras(result) for w in p.split() if w.strip(".")]


@settings(max_examples=100, deadline=None)
@given(_manuscript(ended=False))
def test_no_word_outside_a_note_or_comment_is_ever_dropped(case: tuple[str, list[str]]) -> None:
    text, words = case
    if not words:
        return
    got = [w for w in _book_words(_read(text)) if w not in NOTE_WORDS]
    assert got == words


@settings(max_examples=100, deadline=None)
@given(_manuscript(ended=True))
def test_in_one_paragraph_per_line_text_no_note_word_reaches_the_book(
    case: tuple[str, list[str]],
) -> None:
    text, words = case
    if not words:
        return
    assert _book_words(_read(text)) == words


@pytest.mark.parametrize(
    "line",
    ["[HATCHING EVENT IN PROGRESS]", "[CARE TASK: Thermal Stabilization]", "[SYSTEM: Level 4]"],
)
def test_a_status_line_in_capitals_is_the_storys_own(line: str) -> None:
    # LitRPG status messages, signs and cards are set in capitals; notes to self are not.
    assert not is_note(line)
    assert is_note("[TK]") and is_note("[check the dates]") and is_note("[TK: the ship]")


@pytest.mark.parametrize("name", ["x.txt", "x.md"])
def test_a_story_message_and_a_bracketed_heading_are_no_notes(name: str) -> None:
    """``[SYSTEM: Level up]`` is the story's (a LitRPG status line): it was left out of a
    ``.txt`` as a note though the note rule said it was not one."""
    text = "[Chapter 1]\n\nShe looked.\n\n[SYSTEM: Level up]\n\n[Chapter 2]\n\nThen more.\n"
    book = parse_text(text, filename=name)
    assert [heading_text(c.heading) for c in book.chapters] == ["Chapter 1", "Chapter 2"]
    assert [plain_text(b.inlines) for b in book.chapters[0].blocks] == [  # type: ignore[union-attr]
        "She looked.",
        "[SYSTEM: Level up]",
    ]
    assert not any(d.code == Code.AUTHOR_NOTE for d in book.diagnostics)
