"""A typed contents list whose entries name the chapters by title, most of them
(:mod:`compile_book.readers.contents`): an old book's list with a part line, a
misprinted number, dot leaders and wrapped entries is left out whole; prose under a
``Contents`` line, which no later line repeats, stays."""

from __future__ import annotations

from compile_book.diagnostics import Code
from compile_book.events import FileEvents, Para
from compile_book.readers.contents import variants
from tests.trees_small import events

BODY = "The hens were out again and nobody knew who had left the gate open.\n"

# The War of the Worlds' shape: a part line with a dash, a misprint (VI. for IV.),
# and chapters typed as a number line over a title line.
LIST = """Contents


 BOOK ONE.—THE COMING OF THE MARTIANS

 I. THE EVE OF THE WAR
 II. THE FALLING STAR.
 VI. THE CYLINDER OPENS.



BOOK ONE

THE COMING OF THE MARTIANS



I.

THE EVE OF THE WAR.

{body}
II.

THE FALLING STAR.

{body}
III.

THE CYLINDER OPENS.

{body}"""


def _paras(found: FileEvents) -> list[str]:
    return [e.text for e in found.events if isinstance(e, Para)]


def _codes(found: FileEvents) -> list[str]:
    return [str(d.code) for d in found.diagnostics]


def test_a_list_naming_the_chapters_by_title_is_left_out_whole() -> None:
    found = events(LIST.format(body=BODY), "a.txt")
    paras = _paras(found)
    assert not any("EVE OF THE WAR" in p and p.startswith("I.") for p in paras)
    assert paras.count(BODY.strip()) == 3
    assert Code.CONTENTS_LIST_LEFT_OUT in _codes(found)
    assert Code.HEADING_LIKE_LINE not in _codes(found)


def test_dot_leaders_page_numbers_and_a_wrapped_entry() -> None:
    text = (
        "     CONTENTS\n\n"
        "     1.  THE OLD SEA-DOG . . . . . . 11\n"
        "     2.  NARRATIVE CONTINUED BY THE DOCTOR:\n"
        "           HOW THE SHIP WAS ABANDONED . . 17\n"
        "     3.  THE BLACK SPOT  . . . . . . 24\n\n\n"
        f"1\n\nThe Old Sea-dog\n\n{BODY}\n2\n\nHow the Ship Was Abandoned\n\n{BODY}\n"
        f"3\n\nThe Black Spot\n\n{BODY}"
    )
    found = events(text, "a.txt")
    assert not any("SEA-DOG" in p or "NARRATIVE" in p for p in _paras(found))
    assert _paras(found).count(BODY.strip()) == 3


def test_prose_under_a_contents_line_that_no_later_line_repeats_stays() -> None:
    text = (
        "Contents\n\nA tin of buttons, a letter, a key.\nHer mother's ring.\n"
        f"A photograph of the house.\n\nChapter 1\n\n{BODY}\nChapter 2\n\n{BODY}"
    )
    found = events(text, "a.txt")
    assert "A photograph of the house." in " ".join(_paras(found))
    assert Code.CONTENTS_LIST_LEFT_OUT not in _codes(found)


def test_a_list_naming_only_one_later_line_stays() -> None:
    text = (
        "CONTENTS\n\nThe Gate\nThe Hens\nThe Fox\n\n"
        f"Chapter 1\n\nThe Gate\n\n{BODY}\nChapter 2\n\nBread\n\n{BODY}"
    )
    found = events(text, "a.txt")
    assert "The Hens" in _paras(found)


def test_variants_fold_label_number_case_punctuation_and_page() -> None:
    assert "the coming of the martians" in variants("BOOK ONE.—THE COMING OF THE MARTIANS")
    assert "the black spot" in variants("3.  THE BLACK SPOT . . . . . 24")
    assert "introduction" in variants(" I Introduction")
    assert variants("XII.") == set()
