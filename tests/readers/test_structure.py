"""The shared structure reader: units, offsets back to line and column, headings, titles."""

from __future__ import annotations

from compile_book.diagnostics import Code
from compile_book.events import BookTitle, Break, Para, StartChapter, StartPart
from compile_book.nodes import ChapterKind, Source, plain_text
from compile_book.readers.structure import Options, unit_source
from compile_book.rules.paragraphs import VOID, Unit, build_units, split_lines
from tests.trees_small import events, found

# Three hard-wrapped lines (about 65 columns) and a second wrapped paragraph.
WRAPPED = (
    "The lighthouse keeper climbed the stairs every night at nine and\n"
    "lit the lamp that the the ships relied on, though few of them ever\n"
    "thanked him for it, and he did not mind that at all, not really.\n"
    "\n"
    "In the morning he slept until the gulls woke him with their cries\n"
    "over the harbour and the boats went out again into the grey sea.\n"
)


def test_unit_source_maps_each_later_line_start_to_its_line_and_column() -> None:
    unit = Unit("ab cd ef", [0, 3, 6], [4, 5, 7], [3, 1, 2])
    source = unit_source("x.txt", unit)
    assert source.plain() == Source("x.txt", 4, 3)
    assert source.breaks == ((3, 5, 1), (6, 7, 2))


def test_source_at_counts_columns_from_the_line_an_offset_falls_on() -> None:
    source = Source("x.txt", 4, 3, ((3, 5, 1), (6, 7, 2)))
    assert [source.at(k) for k in (0, 2, 3, 5, 6, 7)] == [
        (4, 3),
        (4, 5),
        (5, 1),
        (5, 3),
        (7, 2),
        (7, 3),
    ]


def test_source_shifted_rebases_offsets_and_keeps_later_breaks() -> None:
    source = Source("x.txt", 4, 3, ((3, 5, 1), (6, 7, 2)))
    shifted = source.shifted(4)
    assert shifted.plain() == Source("x.txt", 5, 2)
    assert shifted.breaks == ((2, 7, 2),)
    assert shifted.at(2) == (7, 2)
    assert source.shifted(0) is source
    # breaks are an offset map, not identity: left out of equality, dropped by plain()
    assert source.plain() == Source("x.txt", 4, 3)
    assert source.plain().breaks == ()


def test_hard_wrapped_lines_join_into_one_para_with_line_breaks_recorded() -> None:
    result = events(WRAPPED)
    first, second = result.events
    assert isinstance(first, Para) and isinstance(second, Para)
    lines = WRAPPED.split("\n")
    assert first.text == " ".join(lines[0:3])
    assert first.source.plain() == Source("a.txt", 1, 1)
    assert first.source.breaks == (
        (len(lines[0]) + 1, 2, 1),
        (len(lines[0]) + len(lines[1]) + 2, 3, 1),
    )
    assert second.source.plain() == Source("a.txt", 5, 1)
    assert [d.message for d in result.diagnostics if d.code == Code.LINES_UNWRAPPED] == [
        "3 hard-wrapped line(s) joined into their paragraphs (wrap width about 65)"
    ]


def test_para_source_maps_a_word_on_a_wrapped_line_to_its_exact_position() -> None:
    para = events(WRAPPED).events[0]
    assert isinstance(para, Para)
    offset = para.text.index("the the")
    line2 = WRAPPED.split("\n")[1]
    assert para.source.at(offset) == (2, line2.index("the the") + 1)


def test_indented_paragraph_source_starts_at_the_first_character() -> None:
    result = events("    She opened the door.\n    He came in.\n")
    assert [e.source for e in result.events if isinstance(e, Para)] == [
        Source("a.txt", 1, 5),
        Source("a.txt", 2, 5),
    ]


def test_part_and_special_headings_become_start_events_of_their_kind() -> None:
    text = "Prologue\n\nBefore.\n\nPart One\n\nChapter 1\n\nA.\n\nEpilogue\n\nAfter.\n"
    kinds = [
        "part" if isinstance(e, StartPart) else e.kind.value
        for e in events(text).events
        if isinstance(e, StartPart | StartChapter)
    ]
    assert kinds == ["prologue", "part", "chapter", "epilogue"]


def test_chapter_title_line_under_a_number_becomes_the_heading_title() -> None:
    result = events("Chapter 29\n\nAll for nothing.\n\nShe waited a long time.\n")
    start = result.events[0]
    assert isinstance(start, StartChapter) and start.heading is not None
    assert start.heading.number == 29
    assert plain_text(start.heading.title) == "All for nothing."
    assert result.events[1:] == (Para("She waited a long time.", Source("a.txt", 5)),)


def _titles(text: str) -> list[str]:
    return [
        plain_text(e.heading.title)
        for e in events(text).events
        if isinstance(e, StartChapter) and e.heading is not None
    ]


BODY = "She waited a long time by the door.\n\nNobody came.\n\n"


def test_a_short_sentence_under_a_number_opens_the_chapter_where_most_have_no_title() -> None:
    text = (
        f"Chapter 1\n\n{BODY}Chapter 2\n\n{BODY}Chapter 3\n\nMartha looked perturbed.\n\n{BODY}"
        f"Chapter 4\n\n{BODY}"
    )
    assert _titles(text) == ["", "", "", ""]
    paras = [e.text for e in events(text).events if isinstance(e, Para)]
    assert "Martha looked perturbed." in paras


def test_a_short_sentence_under_a_number_is_a_title_where_most_chapters_have_one() -> None:
    text = (
        f"Chapter 1\n\nA Start\n\n{BODY}Chapter 2\n\nAll for nothing.\n\n{BODY}"
        f"Chapter 3\n\nThe End Game\n\n{BODY}"
    )
    assert _titles(text) == ["A Start", "All for nothing.", "The End Game"]


def test_headingless_later_file_takes_a_title_case_first_line_as_its_chapter_title() -> None:
    result = events("The Long Night\n\nIt was late.\n\nMore.\n", first=False)
    start = result.events[0]
    assert isinstance(start, StartChapter) and start.heading is not None
    assert start.kind is ChapterKind.CHAPTER
    assert start.heading.label is None
    assert plain_text(start.heading.title) == "The Long Night"


def test_configured_title_decides_whether_the_first_line_is_the_title_line() -> None:
    text = "Plain title\n\nIt was late.\n\nMore.\n"
    same = events(text, first=True, title="PLAIN TITLE")
    other = events(text, first=True, title="Other")
    assert same.events[0] == BookTitle("Plain title", Source("a.txt", 1))
    assert other.events[0] == Para("Plain title", Source("a.txt", 1))


def test_known_divider_is_a_break_and_an_unknown_one_stays_prose_with_w108() -> None:
    assert events("One.\n\n* * *\n\nTwo.\n").events[1] == Break(Source("a.txt", 3))
    result = events("One.\n\n<><><>\n\nTwo.\n")
    assert [e.text for e in result.events if isinstance(e, Para)] == ["One.", "<><><>", "Two."]
    assert found(result.diagnostics, Code.UNRECOGNISED_DIVIDER) == [("a.txt", 3, 1)]


def test_stray_number_line_inside_a_labelled_file_stays_prose() -> None:
    result = events(
        "Chapter 1\n\nThe timer counted down and she watched it.\n\n3\n\nThen it went off.\n"
    )
    assert [e.text for e in result.events if isinstance(e, Para)] == [
        "The timer counted down and she watched it.",
        "3",
        "Then it went off.",
    ]


def test_units_record_the_blank_lines_before_them() -> None:
    lines = split_lines("A.\nB.\n\n\nC.\n")
    units, _, _ = build_units(lines, lambda _: False)
    assert [(u.text, u.gap, u.gap_line, u.blank_before) for u in units] == [
        ("A.", 0, 0, True),
        ("B.", 0, 0, False),
        ("C.", 2, 3, True),
    ]


def test_a_void_line_splits_a_blank_run_without_adding_to_it() -> None:
    lines = split_lines(f"A.\n\n{VOID}\n\n\nC.\nD.\n{VOID}\nE.\n")
    units, _, _ = build_units(lines, lambda _: False)
    assert [(u.text, u.gap, u.gap_line, u.blank_before) for u in units] == [
        ("A.", 0, 0, True),
        ("C.", 2, 4, True),
        ("D.", 0, 0, False),
        ("E.", 0, 0, False),
    ]


def test_options_default_to_leaving_notes_out_and_stay_a_cache_key() -> None:
    assert Options().author_notes is True
    assert hash(Options(author_notes=False)) != hash(Options())


_TITLES = "Lost Found Home Night Dawn River Bridge Storm Harbour Gold Ashes".split()


def _dashed(numbers: list[str], breaks: str = "") -> str:
    return "".join(
        f"-{n}-\n\n{_TITLES[k]}\n\n\nThe text of it goes on.\n\n{breaks}"
        for k, n in enumerate(numbers)
    )


def test_a_dashed_roman_ten_between_ix_and_xi_is_chapter_ten() -> None:
    from compile_book.api import parse_text

    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    book = parse_text(_dashed(romans), filename="m.txt", language="es")
    assert [ch.heading.number for ch in book.chapters if ch.heading] == list(range(1, 12))
    assert book.chapters[9].heading is not None
    assert plain_text(book.chapters[9].heading.title) == "Gold"
    assert not [d for d in book.diagnostics if d.code == Code.CHAPTER_SEQUENCE]


def test_a_dashed_x_stays_a_scene_break_where_it_is_not_chapter_ten() -> None:
    from compile_book.api import parse_text
    from compile_book.nodes import SceneBreak

    # -x- (small) and -X- used twice: the book's dividers, never a chapter.
    for breaks in ("Then.\n\n-x-\n\nLater.\n\n", "Then.\n\n-X-\n\nLater.\n\n"):
        book = parse_text(_dashed(["I", "II", "III", "IV", "V"], breaks), filename="m.txt")
        assert len(book.chapters) == 5
        assert all(any(isinstance(b, SceneBreak) for b in ch.blocks) for ch in book.chapters)


COLLECTION = (
    "HARBOUR LIGHTS\n\nby Carla Duarte\n\n\nTHE FERRYMAN\n\nThe ferryman crossed the river.\n\n"
    '"Why?" the boy asked.\n\n\nLOW WATER\n\nAt low water the wreck showed its ribs.\n\n\n'
    "GULLS\n\nThere were more gulls that year.\n"
)


def _chapter_titles(text: str) -> list[str]:
    got = events(text, first=True)
    return [
        plain_text(e.heading.title) if e.heading else ""
        for e in got.events
        if isinstance(e, StartChapter)
    ]


def test_a_collections_all_caps_titles_after_a_wide_gap_are_its_headings() -> None:
    # The whole collection was one untitled chapter, its titles paragraphs.
    assert _chapter_titles(COLLECTION) == ["The Ferryman", "Low Water", "Gulls"]


def test_all_caps_lines_that_are_no_titles_stay_prose() -> None:
    one = "THE SEA\n\nby Ann Lee\n\n\nSTOP\n\nShe read the sign and stopped.\n"
    assert _chapter_titles(one) == []  # one alone could be a sign
    narrow = COLLECTION.replace("\n\n\n", "\n\n")
    assert _chapter_titles(narrow) == []  # no wider gap than between paragraphs
    shouted = COLLECTION.replace("LOW WATER", "GET OUT!").replace("GULLS", "NOW!")
    assert _chapter_titles(shouted) == []  # "GET OUT!" and "NOW!" are shouts: one title left
    headed = COLLECTION.replace("THE FERRYMAN", "Chapter 1")
    assert _chapter_titles(headed) == [""]  # a file with a heading keeps its caps lines


def test_bare_chapter_numbers_under_part_headings_are_headings() -> None:
    # The War of the Worlds: "BOOK ONE" / its title, then "I." / "THE EVE OF THE WAR.";
    # the part heading made every bare number after it prose, so the book had no chapters.
    text = (
        "BOOK ONE\n\nTHE COMING OF THE MARTIANS\n\n\n\nI.\n\nTHE EVE OF THE WAR.\n\n"
        "No one would have believed it.\n\n\nII.\n\nTHE FALLING STAR.\n\nThen came the night.\n"
    )
    got = events(text)
    chapters = [e.heading for e in got.events if isinstance(e, StartChapter)]
    assert [(h.number, plain_text(h.title)) for h in chapters if h] == [
        (1, "The Eve of the War."),
        (2, "The Falling Star."),
    ]
    assert [e for e in got.events if isinstance(e, StartPart)]
