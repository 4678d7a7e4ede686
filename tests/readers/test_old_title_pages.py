"""An older printed book's front pages as a transcription (Project Gutenberg's) types
them: the title set twice and ``_by_``, the source edition's imprint and printer, a
dedication set a phrase a line, a contents list with page numbers; and a title page
naming its author with no ``by``. Each with the story lines that look like them."""

from __future__ import annotations

import pytest

from compile_book.diagnostics import Code
from compile_book.events import BookAuthor, BookMeta, BookTitle, FileEvents, Para, StartChapter
from tests.trees_small import events

BODY = "The hens were out again and nobody knew who had left the gate open.\n"

# Dracula's front pages as Gutenberg types them: centred, a blank line between phrases.
OLD = """                                DRACULA



                                DRACULA

                                  _by_

                              Bram Stoker

                                NEW YORK

                            GROSSET & DUNLAP

                              _Publishers_

      Copyright, 1897, in the United States of America, according
                   to Act of Congress, by Bram Stoker

                      PRINTED IN THE UNITED STATES
                                   AT
               THE COUNTRY LIFE PRESS, GARDEN CITY, N.Y.




                                   TO

                             MY DEAR FRIEND

                               HOMMY-BEG




CONTENTS


CHAPTER I
                                                                    Page

Jonathan Harker's Journal                                              1

CHAPTER II

Letters--Lucy and Mina                                                14




CHAPTER I

JONATHAN HARKER'S JOURNAL

The hens were out again and nobody knew who had left the gate open.

CHAPTER II

_Letter from Miss Mina Murray to Miss Lucy Westenra._

The hens were out again and nobody knew who had left the gate open.
"""


def _codes(found: FileEvents) -> list[str]:
    return [str(d.code) for d in found.diagnostics]


def _meta(found: FileEvents) -> dict[str, str]:
    return {e.key: e.value for e in found.events if isinstance(e, BookMeta)}


def _paras(found: FileEvents) -> list[str]:
    return [e.text for e in found.events if isinstance(e, Para)]


def test_an_old_title_page_its_imprint_copyright_dedication_and_paged_contents() -> None:
    found = events(OLD, "a.txt", first=True)
    assert [e.text for e in found.events if isinstance(e, BookTitle)] == ["Dracula"]
    assert [e.name for e in found.events if isinstance(e, BookAuthor)] == ["Bram Stoker"]
    meta = _meta(found)
    assert meta["rights"] == (
        "Copyright, 1897, in the United States of America, according to Act of Congress, "
        "by Bram Stoker\nPRINTED IN THE UNITED STATES AT THE COUNTRY LIFE PRESS, GARDEN CITY, N.Y."
    )
    assert meta["dedication"] == "TO\nMY DEAR FRIEND\nHOMMY-BEG"
    chapters = [e for e in found.events if isinstance(e, StartChapter)]
    assert len(chapters) == 2
    letter = "_Letter from Miss Mina Murray to Miss Lucy Westenra._"
    assert _paras(found) == [BODY.strip(), letter, BODY.strip()]
    codes = _codes(found)
    for code in (
        Code.HALF_TITLE_LEFT_OUT,
        Code.DOCUMENT_PARTS_LEFT_OUT,
        Code.CONTENTS_LIST_LEFT_OUT,
    ):
        assert code in codes
    imprint = next(d for d in found.diagnostics if d.code == Code.DOCUMENT_PARTS_LEFT_OUT)
    assert "NEW YORK / GROSSET & DUNLAP / Publishers" in imprint.message


def test_a_contents_list_with_page_numbers_needs_its_title_or_column_head() -> None:
    untitled = (
        "THE BELLS\n\nby Ann Smith\n\n\nI. The Ferry 1\n\nII. Something Else 13\n\n"
        "III. The Wake 25\n\n\n"
        f"CHAPTER I\n\nTHE FERRY\n\n{BODY}\nCHAPTER II\n\nTHE HILL\n\n{BODY}"
        f"CHAPTER III\n\nTHE WAKE\n\n{BODY}"
    )
    found = events(untitled, "a.txt", first=True)
    assert Code.CONTENTS_LIST_LEFT_OUT not in _codes(found)
    assert "II. Something Else 13" in _paras(found)


def test_a_paged_contents_list_whose_entries_mostly_name_nothing_stays() -> None:
    text = (
        "THE BELLS\n\nby Ann Smith\n\n\nCONTENTS                Page\n\nThe Ferry 1\n\n"
        "A Walk 13\n\nA Swim 25\n\n\n"
        f"CHAPTER I\n\nTHE FERRY\n\n{BODY}\nCHAPTER II\n\nTHE HILL\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert Code.CONTENTS_LIST_LEFT_OUT not in _codes(found)
    assert "A Walk 13" in _paras(found)


def test_a_contents_title_with_its_page_column_head_on_the_same_line() -> None:
    text = (
        "THE BELLS\n\nby Ann Smith\n\n\nCONTENTS                Page\n\nThe Ferry 1\n\n"
        "The Wake 13\n\nLetters--Home 25\n\n\n"
        f"CHAPTER I\n\nTHE FERRY\n\n{BODY}\nCHAPTER II\n\nTHE WAKE\n\n{BODY}"
        f"CHAPTER III\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert Code.CONTENTS_LIST_LEFT_OUT in _codes(found)
    assert _paras(found) == [BODY.strip()] * 3


def test_a_title_page_naming_its_author_without_by() -> None:
    text = "THE SALT HOUSE\n\nMAREN HOLT\n\nCopyright 2024 Maren Holt\n\n" + (
        f"Chapter 1\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert [e.name for e in found.events if isinstance(e, BookAuthor)] == ["MAREN HOLT"]
    assert _meta(found)["rights"] == "Copyright 2024 Maren Holt"
    assert _paras(found) == [BODY.strip()]
    found = events(f"The Salt House\n\nLewis Carroll\n\nChapter 1\n\n{BODY}", "a.txt", first=True)
    assert [e.name for e in found.events if isinstance(e, BookAuthor)] == ["Lewis Carroll"]


@pytest.mark.parametrize(
    "second",
    [
        "Late Summer 1961",  # a date line: a digit
        "The Long Road",  # a minor word: a title, not a name
        "She ran.",  # a sentence
        "Mara Quinn, Harbour Master",  # more than a name
    ],
)
def test_a_line_under_the_title_that_is_no_name_stays_the_story(second: str) -> None:
    found = events(f"THE SALT HOUSE\n\n{second}\n\nChapter 1\n\n{BODY}", "a.txt", first=True)
    assert not [e for e in found.events if isinstance(e, BookAuthor)]
    assert second in " ".join(_paras(found))


def test_a_name_line_over_more_story_is_the_story() -> None:
    text = f"THE SALT HOUSE\n\nMara Quinn\n\nwas never one for the sea.\n\nChapter 1\n\n{BODY}"
    found = events(text, "a.txt", first=True)
    assert not [e for e in found.events if isinstance(e, BookAuthor)]
    assert "Mara Quinn" in " ".join(_paras(found))


def test_story_lines_like_an_imprint_printer_or_spaced_dedication_stay() -> None:
    text = (
        "THE SALT HOUSE\n\nby Maren Holt\n\n\n"
        # no publisher's word: a place and a name are the story's
        "NEW YORK\n\nMARA QUINN\n\n"
        f"Chapter 1\n\nTo\n\nthe sea, she said, and drank.\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert Code.DOCUMENT_PARTS_LEFT_OUT not in _codes(found)
    assert "dedication" not in _meta(found)
    words = " ".join(_paras(found))
    for line in ("NEW YORK", "MARA QUINN", "the sea, she said, and drank."):
        assert line in words


def test_a_copyright_notice_then_printed_lines_without_the_joining_word() -> None:
    text = (
        "THE SALT HOUSE\n\nby Maren Holt\n\nCopyright 2024 Maren Holt\n\n"
        f"Printed in Canada\n\nThe rain came.\n\nChapter 1\n\n{BODY}"
    )
    found = events(text, "a.txt", first=True)
    assert _meta(found)["rights"] == "Copyright 2024 Maren Holt\nPrinted in Canada"
    assert "The rain came." in _paras(found)


def test_a_by_line_opening_the_book_names_its_author_and_is_no_title() -> None:
    found = events(f"by H. G. Wells\n\n\n\nChapter 1\n\n{BODY}", "a.txt", first=True)
    assert not [e for e in found.events if isinstance(e, BookTitle)]
    assert [e.name for e in found.events if isinstance(e, BookAuthor)] == ["H. G. Wells"]


def test_a_sentence_opening_with_by_stays_the_story() -> None:
    text = f"By the time the ferry came, the rain had stopped.\n\nChapter 1\n\n{BODY}"
    found = events(text, "a.txt", first=True)
    assert not [e for e in found.events if isinstance(e, BookAuthor)]


def test_an_older_gutenberg_title_block_gives_the_title_and_author() -> None:
    text = (
        "*** START OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***\n\n"
        "The Project Gutenberg Etext of Candide\nby Voltaire\n(#6 in our series by Voltaire)\n\n"
        f"***\n\nProduced by Carlo Traverso\n\nChapter 1\n\n{BODY}"
        "*** END OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***\n"
    )
    found = events(text, "a.txt", first=True)
    assert [e.text for e in found.events if isinstance(e, BookTitle)] == ["Candide"]
    assert [e.name for e in found.events if isinstance(e, BookAuthor)] == ["Voltaire"]
    assert _paras(found) == [BODY.strip()]
