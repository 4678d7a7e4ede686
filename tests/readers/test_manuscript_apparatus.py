"""A plain-text book's apparatus and outline: contents list, dedication, by line, end
mark, story levels, indented blocks, each with its note."""

from __future__ import annotations

from compile_book.diagnostics import Code
from compile_book.events import (
    BlockNode,
    BookAuthor,
    BookMeta,
    BookTitle,
    FileEvents,
    Para,
    StartChapter,
    StartPart,
)
from compile_book.nodes import BlockQuote, Verse, plain_text
from tests.trees_small import events

BODY = "The hens were out again and nobody knew who had left the gate open.\n"


def _codes(found: FileEvents) -> list[str]:
    return [str(d.code) for d in found.diagnostics]


def test_a_contents_list_matching_every_heading_is_left_out_with_a_note() -> None:
    text = (
        "Contents\n\nI. Debts and a Dog\nII. The Farm\n\n\n"
        f"CHAPTER I\n\nDEBTS AND A DOG\n\n{BODY}\nCHAPTER II\n\nTHE FARM\n\n{BODY}"
    )
    found = events(text, "a.txt")
    paras = [e.text for e in found.events if isinstance(e, Para)]
    assert paras == [BODY.strip(), BODY.strip()]
    assert Code.CONTENTS_LIST_LEFT_OUT in _codes(found)


def test_a_list_with_one_entry_matching_no_heading_is_kept() -> None:
    text = (
        "Contents\n\nI. Debts and a Dog\nII. Something Else Entirely\n\n\n"
        f"CHAPTER I\n\nDEBTS AND A DOG\n\n{BODY}\nCHAPTER II\n\nTHE FARM\n\n{BODY}"
    )
    found = events(text, "a.txt")
    paras = " ".join(e.text for e in found.events if isinstance(e, Para))
    assert "Something Else Entirely" in paras
    assert Code.CONTENTS_LIST_LEFT_OUT not in _codes(found)


def test_a_contents_list_with_part_lines_and_indented_chapters_is_left_out() -> None:
    # The list's part lines read as headings and its indented chapter lines as a
    # group; chapters count from I again in each part.
    text = (
        "CONTENTS\n\n     Book the First--Recalled to Life\n     Chapter I    The Period\n"
        "     Chapter II   The Mail\n     Book the Second--the Golden Thread\n"
        "     Chapter I    Five Years Later\n\n\n"
        f"Book the First--Recalled to Life\n\n\nI. The Period\n\n{BODY}\n"
        f"II. The Mail\n\n{BODY}\n\nBook the Second--the Golden Thread\n\n\n"
        f"I. Five Years Later\n\n{BODY}"
    )
    found = events(text, "a.txt")
    parts = [plain_text(e.heading.title) for e in found.events if isinstance(e, StartPart)]
    chapters = [
        plain_text(e.heading.title)
        for e in found.events
        if isinstance(e, StartChapter) and e.heading is not None
    ]
    assert parts == ["Recalled to Life", "the Golden Thread"]
    assert chapters == ["The Period", "The Mail", "Five Years Later"]
    assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()] * 3
    assert Code.CONTENTS_LIST_LEFT_OUT in _codes(found)


def test_title_by_and_name_on_separate_lines_and_a_dedication() -> None:
    text = (
        "THE CHICKEN FARM\n\nby\n\nJane Q. Writer\n\n\nTO MY FRIEND\nWILLIAM TOWNEND\n\n\n"
        f"Chapter 1\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    authors = [e.name for e in found.events if isinstance(e, BookAuthor)]
    meta = [(e.key, e.value) for e in found.events if isinstance(e, BookMeta)]
    assert authors == ["Jane Q. Writer"]
    assert meta == [("dedication", "TO MY FRIEND\nWILLIAM TOWNEND")]
    assert Code.DEDICATION_RECOGNISED in _codes(found)
    assert not [e for e in found.events if isinstance(e, Para) and e.text == "by"]


def test_a_subtitle_line_between_the_title_and_the_by_line() -> None:
    text = (
        "A TALE OF TWO CITIES\n\nA STORY OF THE FRENCH REVOLUTION\n\n"
        f"By Charles Dickens\n\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert [e.text for e in found.events if isinstance(e, BookTitle)] == ["A Tale of Two Cities"]
    meta = [(e.key, e.value) for e in found.events if isinstance(e, BookMeta)]
    assert meta == [("subtitle", "A Story of the French Revolution")]
    assert [e.name for e in found.events if isinstance(e, BookAuthor)] == ["Charles Dickens"]
    assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()]


def test_an_alternative_title_and_a_name_with_a_bracketed_name() -> None:
    text = (
        "Frankenstein;\n\nor, the Modern Prometheus\n\nby\n\n"
        f"Mary Wollstonecraft (Godwin) Shelley\n\n\nLetter 1\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert [e.text for e in found.events if isinstance(e, BookTitle)] == ["Frankenstein"]
    meta = [(e.key, e.value) for e in found.events if isinstance(e, BookMeta)]
    assert meta == [("subtitle", "or, the Modern Prometheus")]
    authors = [e.name for e in found.events if isinstance(e, BookAuthor)]
    assert authors == ["Mary Wollstonecraft (Godwin) Shelley"]


def test_a_title_over_a_title_like_first_line_of_prose_takes_no_subtitle() -> None:
    text = f"The Farm\n\nThe Hens Were Out\n\n{BODY}"
    found = events(text, "a.txt", first=True)
    assert not [e for e in found.events if isinstance(e, BookMeta)]


def test_a_sentence_starting_with_to_is_not_a_dedication() -> None:
    text = f"The Farm\n\nTo be honest, nobody wanted the hens.\n\nChapter 1\n\n{BODY}"
    found = events(text, "a.txt", first=True)
    assert not [e for e in found.events if isinstance(e, BookMeta)]


def test_the_end_is_read_as_the_end_mark() -> None:
    found = events(f"Chapter 1\n\n{BODY}\nTHE END\n", "a.txt")
    assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()]
    assert Code.END_MARK_RECOGNISED in _codes(found)


def test_a_manuscripts_end_mark_is_read_as_the_end_mark() -> None:
    for mark in ("# # #", "###", "-30-", "- 30 -"):
        found = events(f"Chapter 1\n\n{BODY}\n{mark}\n", "a.txt")
        assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()]
        assert Code.END_MARK_RECOGNISED in _codes(found)
        assert Code.SCENE_BREAK_AT_EDGE not in _codes(found), mark


def test_stories_with_numbered_sections_become_parts() -> None:
    text = (
        f"I. A SCANDAL IN BOHEMIA\n\n\nI.\n\n{BODY}\nII.\n\n{BODY}\n"
        f"II. THE RED-HEADED LEAGUE\n\n\n{BODY}"
    )
    found = events(text, "a.txt")
    parts = [e.heading.number for e in found.events if isinstance(e, StartPart)]
    chapters = [e.heading.number for e in found.events if isinstance(e, StartChapter) and e.heading]
    assert parts == [1, 2]
    assert chapters == [1, 2]
    assert Code.STORY_LEVEL_RECOGNISED in _codes(found)


def test_numbered_titles_without_sections_stay_chapters() -> None:
    text = f"I. A SCANDAL IN BOHEMIA\n\n{BODY}\nII. THE RED-HEADED LEAGUE\n\n{BODY}"
    found = events(text, "a.txt")
    assert not [e for e in found.events if isinstance(e, StartPart)]
    assert len([e for e in found.events if isinstance(e, StartChapter)]) == 2


def test_indented_verse_and_letter_become_blocks() -> None:
    text = (
        f"Chapter 1\n\n{BODY * 6}\n    The hens are in the meadow,\n    The fox is in the wood;\n\n"
        f"{BODY}\n    Dear Garnet,\n\n    Come down at once.\n    Yours,\n    S. F. U.\n\n{BODY}"
    )
    found = events(text, "a.txt")
    blocks = [e.block for e in found.events if isinstance(e, BlockNode)]
    assert isinstance(blocks[0], Verse)
    assert [plain_text(line) for line in blocks[0].lines] == [
        "The hens are in the meadow,",
        "The fox is in the wood;",
    ]
    assert isinstance(blocks[1], BlockQuote)
    assert len(blocks[1].blocks) == 2
    assert _codes(found).count(Code.INDENTED_BLOCK_RECOGNISED) == 2


def test_a_numbered_title_inside_a_block_is_prose_with_a_warning() -> None:
    found = events(f"Chapter 1\n\n{BODY}IV. THE STORM BREAKS\n{BODY}", "a.txt")
    assert Code.HEADING_LIKE_LINE in _codes(found)
    assert len([e for e in found.events if isinstance(e, StartChapter)]) == 1


def test_a_title_line_typed_right_over_a_wrapped_paragraph_is_the_title() -> None:
    wrapped = (
        "She walked out along the harbour wall and looked at the boats there,\n"
        "and the wind was cold on her face, and the gulls cried over the water.\n"
    )
    found = events("Winter Orchard\n" + wrapped + "\n" + wrapped, "a.txt", first=True)
    assert [e.text for e in found.events if isinstance(e, BookTitle)] == ["Winter Orchard"]
    assert len([e for e in found.events if isinstance(e, Para)]) == 2


def test_an_italic_dedication_line_is_a_dedication() -> None:
    text = f"The Farm\n\nby Jane Writer\n\n_To my mother_\n\nChapter 1\n\n{BODY}"
    found = events(text, "a.txt", first=True)
    assert [e.value for e in found.events if isinstance(e, BookMeta)] == ["To my mother"]


def test_a_numbered_list_between_blank_lines_is_not_a_run_of_chapters() -> None:
    found = events(f"Chapter 1\n\n{BODY}\n1. Eggs\n\n2. Milk\n\n3. Bread\n\n{BODY}", "a.txt")
    assert len([e for e in found.events if isinstance(e, StartChapter)]) == 1


def test_a_preface_before_the_first_chapter_is_its_own_titled_chapter() -> None:
    found = events(f"PREFACE\n\n{BODY}\n\nCHAPTER I\n\n{BODY}", "a.txt")
    starts = [e for e in found.events if isinstance(e, StartChapter)]
    assert len(starts) == 2
    assert starts[0].heading is not None and starts[0].heading.number is None
    assert plain_text(starts[0].heading.title) == "Preface"
    assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()] * 2


def test_a_contents_list_of_titled_chapter_lines_over_untitled_chapters_is_left_out() -> None:
    # The list's lines read as headings and their titles wrap; the book's headings
    # repeat only their label and number.
    text = (
        "CONTENTS\n\nCHAPTER I. Y-o-u-u Tom--Aunt Polly Decides Upon her Duty--Tom\n"
        "Practices Music\n\nCHAPTER II. Strong Temptations--The Innocents Beguiled\n\n"
        "CHAPTER III. Tom as a General--Triumph and Reward\n\n\n"
        f"CHAPTER I\n\n{BODY}\nCHAPTER II\n\n{BODY}\nCHAPTER III\n\n{BODY}"
    )
    found = events(text, "a.txt")
    assert len([e for e in found.events if isinstance(e, StartChapter)]) == 3
    assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()] * 3
    assert Code.CONTENTS_LIST_LEFT_OUT in _codes(found)


def test_the_title_repeated_before_the_first_chapter_is_a_half_title() -> None:
    text = (
        "CRIME AND PUNISHMENT\n\nBy Fyodor Dostoevsky\n\n\nPREFACE\n\n"
        f"{BODY}\n\nC R I M E  A N D  P U N I S H M E N T\n\n\nPART I\n\n\nCHAPTER I\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert [e.text for e in found.events if isinstance(e, Para)] == [BODY.strip()] * 2
    assert Code.HALF_TITLE_LEFT_OUT in _codes(found)


def test_a_line_naming_the_title_inside_a_chapter_stays() -> None:
    text = f"THE FARM\n\nby Jane Writer\n\n\nCHAPTER I\n\n{BODY}\nTHE FARM\n\n{BODY}"
    found = events(text, "a.txt", first=True)
    assert "THE FARM" in [e.text for e in found.events if isinstance(e, Para)]


def test_headings_repeated_after_a_part_with_text_under_them_are_chapters() -> None:
    # Numbering that starts again after a part repeats "Chapter 1": not a contents list.
    text = (
        "Chapter 1\nIt was a cold morning when the first rider came.\n\n"
        "Chapter 2\nThe second rider came at noon, tired and thin.\n\n"
        "Chapter 3\nNobody came after that.\n\nPart Two\n\n"
        "Chapter 1\nThe war began in the spring.\n\nChapter 2\nIt ended in the autumn.\n"
    )
    found = events(text)
    assert Code.CONTENTS_LIST_LEFT_OUT not in _codes(found)
    assert len([e for e in found.events if isinstance(e, StartChapter)]) == 5
    assert len([e for e in found.events if isinstance(e, Para)]) == 5


def test_a_line_of_speech_that_repeats_the_title_is_the_story() -> None:
    text = 'Yes\n\nHe asked her on the pier.\n\n"Yes."\n\nChapter 1\n\nThey married in June.\n'
    found = events(text, first=True)
    assert Code.HALF_TITLE_LEFT_OUT not in _codes(found)
    assert '"Yes."' in [e.text for e in found.events if isinstance(e, Para)]


def test_a_letter_opening_is_not_a_title_and_alternative_title() -> None:
    text = (
        "Dear Margaret,\n\nOr should I call you Maggie now, the way the others do?\n\n"
        "I arrived in Lyon on Tuesday, and the rain has not stopped since.\n"
    )
    found = events(text, first=True)
    assert not [e for e in found.events if isinstance(e, BookTitle)]
    assert [e.text for e in found.events if isinstance(e, Para)][:2] == [
        "Dear Margaret,",
        "Or should I call you Maggie now, the way the others do?",
    ]
