"""The parser end to end on small manuscripts, the seeds, and golden tree dumps."""

from __future__ import annotations

import pytest

from compile_book.config import BookConfig, TelepathyConfig
from compile_book.errors import InputError
from compile_book.nodes import (
    ChapterKind,
    Emphasis,
    SceneBreak,
    Strong,
    Telepathy,
    heading_text,
    plain_text,
)
from compile_book.parser import ManuscriptSource, ParseCache, parse_sources, parse_text
from tests.paths import seed_path
from tests.treequery import codes, count, paragraphs, texts

# --------------------------------------------------------------------- paragraph styles


def test_one_paragraph_per_line() -> None:
    book = parse_text("First line here.\nSecond line here.\nThird.")
    assert texts(book) == ["First line here.", "Second line here.", "Third."]


def test_blank_line_separated() -> None:
    book = parse_text("First.\n\nSecond.\n\n\nThird.")
    assert texts(book) == ["First.", "Second.", "Third."]


WRAPPED = """\
The rain had not stopped for three days, and the harbour was a grey
smear of water and stone that nobody wanted to look at for very long.
Nell looked anyway.

She counted the boats that were left, and found the number smaller
than it had been the morning before, which was not a surprise at all.
"""


def test_hard_wrapped_lines_are_unwrapped() -> None:
    book = parse_text(WRAPPED)
    assert len(texts(book)) == 2
    assert texts(book)[0].startswith("The rain had not stopped for three days, and the harbour")
    assert "grey smear" in texts(book)[0]
    assert "N011" in codes(book)


INDENTED = """\
\tThe rain had not stopped for three days, and the harbour was a grey
smear of water and stone that nobody wanted to look at for long.
\t"Come in," her mother said from the doorway.
\tShe counted the boats that were left, and found the number smaller
than it had been the morning before, which was not a surprise.
"""


def test_indented_first_lines_start_paragraphs() -> None:
    book = parse_text(INDENTED)
    assert texts(book) == [
        "The rain had not stopped for three days, and the harbour was a grey smear of water "
        "and stone that nobody wanted to look at for long.",
        "“Come in,” her mother said from the doorway.",
        "She counted the boats that were left, and found the number smaller than it had been "
        "the morning before, which was not a surprise.",
    ]


def test_broken_paragraph_is_rejoined() -> None:
    book = parse_text("He walked over\n\nthe bridge and stopped.\n\nNext.")
    assert texts(book) == ["He walked over the bridge and stopped.", "Next."]
    assert "N012" in codes(book)


def test_invisible_characters_and_nbsp_are_cleaned() -> None:
    book = parse_text("\u00a0\u00a0Zero\u200bwidth and\u00a0no-break\u00adspace.")
    assert texts(book) == ["Zerowidth and no-breakspace."]
    assert "N003" in codes(book)


# --------------------------------------------------------------------- structure


def test_file_without_heading_is_one_chapter() -> None:
    book = parse_text("It was late.\nShe slept.")
    chapters = list(book.chapters)
    assert len(chapters) == 1 and chapters[0].heading is None


def test_title_and_by_line_are_metadata() -> None:
    book = parse_text("The Long Night\n\nby Jane Roe\n\nIt was late.\n\nShe slept.")
    assert book.meta.title == "The Long Night"
    assert book.meta.authors == ("Jane Roe",)
    assert texts(book) == ["It was late.", "She slept."]


def test_chapter_number_then_title_line() -> None:
    book = parse_text("Chapter 29\n\nAll for nothing.\n\nNeedless death.\n\nMore.")
    (chapter,) = book.chapters
    assert chapter.heading is not None
    assert heading_text(chapter.heading) == "Chapter 29: All for nothing."
    assert texts(book) == ["Needless death.", "More."]


def test_short_opening_line_after_prologue_is_prose() -> None:
    book = parse_text("Prologue\n\nThe bells have not rung.\n\nNobody knew why.")
    (chapter,) = book.chapters
    assert chapter.kind is ChapterKind.PROLOGUE
    assert texts(book)[0] == "The bells have not rung."


def test_parts_chapters_and_special_sections() -> None:
    text = (
        "Prologue\n\nBefore.\n\nPart One: The Shore\n\nChapter 1\n\nOne.\n\n"
        "Chapter 2 - Second\n\nTwo.\n\nPart II\n\nCHAPTER III.\n\nThree.\n\nEpilogue\n\nAfter."
    )
    book = parse_text(text)
    assert [heading_text(p.heading) if p.heading else None for p in book.parts] == [
        None,
        "Part One: The Shore",
        "Part II",
        None,  # the epilogue is the book's, not Part II's
    ]
    assert [heading_text(c.heading) for c in book.chapters] == [
        "Prologue",
        "Chapter 1",
        "Chapter 2: Second",
        "Chapter III",
        "Epilogue",
    ]
    assert [c.kind for c in book.chapters][-1] is ChapterKind.EPILOGUE


def test_markdown_headings_and_subtitle() -> None:
    text = "# My Book\n\n## Chapter 1: Dawn\n\n### A beginning\n\nText *here*.\n\n## Dusk\n\nEnd."
    book = parse_text(text, name="book.md")
    assert book.meta.title == "My Book"
    chapters = list(book.chapters)
    assert heading_text(chapters[0].heading) == "Chapter 1: Dawn"
    assert chapters[0].heading is not None
    assert plain_text(chapters[0].heading.subtitle) == "A beginning"
    assert heading_text(chapters[1].heading) == "Dusk"


def test_scene_breaks_at_edges_are_dropped_and_doubles_merged() -> None:
    book = parse_text("***\n\nOne.\n\n* * *\n\n#\n\nTwo.\n\n~~~")
    (chapter,) = book.chapters
    assert [type(b).__name__ for b in chapter.blocks] == ["Paragraph", "SceneBreak", "Paragraph"]
    assert codes(book).count("W105") == 2
    assert "N031" in codes(book)


def test_chapter_sequence_is_checked() -> None:
    book = parse_text("Chapter 1\n\nA.\n\nChapter 3\n\nB.\n\nChapter 3\n\nC.")
    assert codes(book).count("W109") == 2


# --------------------------------------------------------------------- inlines


def test_telepathy_emphasis_and_strong() -> None:
    book = parse_text("She said *no*, {*Now*, she thought.} and **yes** to _that_.")
    (para,) = paragraphs(book)
    assert count(para.inlines, Telepathy) == 1
    assert count(para.inlines, Emphasis) == 3
    assert count(para.inlines, Strong) == 1
    assert plain_text(para.inlines) == "She said no, Now, she thought. and yes to that."


def test_telepathic_tags_and_custom_delimiters() -> None:
    config = BookConfig(telepathy=TelepathyConfig(delimiters=[("<<", ">>")]))
    book = parse_text("He heard <<come home>> in the dark. {Not this.}", config)
    (para,) = paragraphs(book)
    assert count(para.inlines, Telepathy) == 1
    assert plain_text(para.inlines) == "He heard come home in the dark. {Not this.}"


def test_unclosed_brace_is_a_warning_and_text_is_kept() -> None:
    book = parse_text("Line one.\nShe thought {never again and left.")
    assert texts(book)[1] == "She thought {never again and left."
    (warning,) = [d for d in book.diagnostics if d.code == "W102"]
    assert (warning.line, warning.col) == (2, 13)


def test_asterisks_that_are_not_emphasis_stay() -> None:
    book = parse_text("A 2 * 4 grid, a note*, and snake_case_names.")
    assert texts(book) == ["A 2 * 4 grid, a note*, and snake_case_names."]


def test_mind_speech_running_over_paragraphs_counts_once() -> None:
    book = parse_text("She thought. {It runs on\n\nAnd on, then ends.} Done.")
    assert sum(count(p.inlines, Telepathy) for p in paragraphs(book)) == 1
    assert "W102" not in codes(book)


# --------------------------------------------------------------------- diagnostics


def test_doubled_word_and_unclosed_quote_positions() -> None:
    book = parse_text('First and and second.\n"Open quote never closed.\nNext line.')
    found = {(d.code, d.line, d.col) for d in book.diagnostics if d.code.startswith("W")}
    assert ("W103", 1, 11) in found
    assert ("W101", 2, 1) in found


def test_quote_continued_in_next_paragraph_is_not_flagged() -> None:
    book = parse_text('"I went on and on.\n\n"And then I stopped," she said.')
    assert "W101" not in codes(book)


def test_diagnostics_carry_file_and_line() -> None:
    book = parse_text("One - two.\n", name="story.txt")
    (dash,) = [d for d in book.diagnostics if d.code == "N050"]
    assert dash.format() == "story.txt:1:4: info N050: dash converted: '-' -> em dash"


def test_empty_manuscript_is_an_error() -> None:
    with pytest.raises(InputError, match="empty"):
        parse_text(" \n\n\t\n", name="empty.txt")


def test_parse_cache_reuses_unchanged_files() -> None:
    cache = ParseCache()
    one = ManuscriptSource("1.txt", b"Chapter 1\n\nOne.")
    two = ManuscriptSource("2.txt", b"Chapter 2\n\nTwo.")
    first = parse_sources([one, two], cache=cache)
    changed = ManuscriptSource("2.txt", b"Chapter 2\n\nTwo, changed.")
    second = parse_sources([one, changed], cache=cache)
    assert cache.hits == 1 and cache.misses == 3
    assert paragraphs(first)[0] is paragraphs(second)[0]
    assert texts(second)[-1] == "Two, changed."


# --------------------------------------------------------------------- seeds

SEED_EXPECTATIONS = {
    # seed: (title or None, chapters, paragraphs, scene breaks, telepathy spans)
    "000": (None, 1, 63, 1, 0),
    "001": ("The Ghosts I Leave Behind", 1, 396, 0, 0),
    "002": ("Disintegration", 1, 81, 1, 27),
    "003": (None, 1, 83, 0, 0),
}


@pytest.mark.parametrize("seed", sorted(SEED_EXPECTATIONS))
def test_seed_counts(seed: str) -> None:
    path = seed_path(seed)
    title, n_chapters, n_paras, n_breaks, n_tele = SEED_EXPECTATIONS[seed]
    book = parse_sources([ManuscriptSource(path.name, path.read_bytes())])
    chapters = list(book.chapters)
    assert len(chapters) == n_chapters
    assert len(paragraphs(book)) == n_paras
    assert sum(isinstance(b, SceneBreak) for c in chapters for b in c.blocks) == n_breaks
    assert sum(count(p.inlines, Telepathy) for p in paragraphs(book)) == n_tele
    if title:
        assert book.meta.title == title
    body = "".join(texts(book))
    assert '"' not in body and "'" not in body, "straight quotes survived"
    assert "{" not in body and "}" not in body


def test_seed_000_dashes_and_doubled_word() -> None:
    path = seed_path("000")
    book = parse_sources([ManuscriptSource(path.name, path.read_bytes())])
    body = "\n".join(texts(book))
    assert " - " not in body and "- " not in body
    assert "an instant—the man" in body
    doubled = [d for d in book.diagnostics if d.code == "W103"]
    assert [(d.line, d.col) for d in doubled] == [(55, 163)]


def test_seed_002_heading_and_unclosed_quote() -> None:
    path = seed_path("002")
    book = parse_sources([ManuscriptSource(path.name, path.read_bytes())])
    (chapter,) = book.chapters
    assert chapter.heading is not None
    assert chapter.heading.number == 29
    assert plain_text(chapter.heading.title) == "All for nothing."
    unclosed = [d for d in book.diagnostics if d.code == "W101"]
    assert [d.line for d in unclosed] == [163]


# --------------------------------------------------------------------- review regressions


def test_a_by_sentence_is_prose_not_an_author() -> None:
    book = parse_text("The Long Night\n\nBy morning the snow had stopped.\n\nShe stood.")
    assert book.meta.authors == ()
    assert texts(book)[0] == "By morning the snow had stopped."


def test_title_and_by_line_on_adjacent_lines() -> None:
    book = parse_text("The Long Night\nby Ann Writer\n\nChapter 1\n\nShe stood.\n\nHe sat.")
    assert (book.meta.title, book.meta.authors) == ("The Long Night", ("Ann Writer",))
    assert texts(book) == ["She stood.", "He sat."]


def test_short_lines_are_not_taken_for_wrapping() -> None:
    book = parse_text("Intro line here.\n\nThe door\nThe key\nThe lock\nShe ran.")
    assert texts(book)[1:] == ["The door", "The key", "The lock", "She ran."]


def test_an_opening_sentence_is_not_a_chapter_title() -> None:
    book = parse_text("Chapter 3\n\nThe rain had not stopped for days.\n\nThen she came in.")
    (chapter,) = book.chapters
    assert chapter.heading is not None and not chapter.heading.title
    assert texts(book)[0] == "The rain had not stopped for days."


def test_a_countdown_is_prose_not_chapters() -> None:
    book = parse_text("Chapter 1\n\nThe timer began to count.\n\n3\n\n2\n\n1\n\nNothing happened.")
    assert len(list(book.chapters)) == 1
    assert texts(book) == ["The timer began to count.", "3", "2", "1", "Nothing happened."]


def test_part_title_line() -> None:
    book = parse_text("Part One\n\nThe Early Years\n\nChapter 1\n\nShe stood.\n\nHe sat.")
    assert heading_text(book.parts[0].heading) == "Part One: The Early Years"
    assert len(list(book.chapters)) == 1


def test_words_hyphenated_across_wrapped_lines_are_joined() -> None:
    text = (
        "Chapter 1\n\nShe stood at the window and watched the water run down the glass for\n"
        "an hour, and the neighbour's dog began its long, mournful com-\n"
        "plaint at the moon, which was half-\nhidden behind the chimney pots of the houses.\n"
    )
    (para,) = texts(parse_text(text))
    assert "com-plaint" in para and "half-hidden" in para and "—" not in para


def test_mind_speech_over_three_paragraphs_and_reopened() -> None:
    book = parse_text("{Start of it.\n\nMiddle of it.\n\nEnd of it.} She blinked.")
    assert [count(p.inlines, Telepathy) for p in paragraphs(book)] == [1, 0, 0]
    assert "W102" not in codes(book)
    reopened = parse_text("{First part.\n\n{Second part.} Done.")
    assert [count(p.inlines, Telepathy) for p in paragraphs(reopened)] == [1, 1]
    assert "W102" not in codes(reopened)


def test_vertical_tab_is_a_line_break() -> None:
    assert texts(parse_text("She stood there.\x0bHe sat.")) == ["She stood there.", "He sat."]


def test_mojibake_c1_characters_are_repaired() -> None:
    book = parse_text("\x93Hi,\x94 she said. It\x92s fine.")
    assert texts(book) == ["“Hi,” she said. It’s fine."]
    assert "N004" in codes(book)


def test_encoding_error_names_the_byte_that_broke_utf8() -> None:
    # UTF-8 curly quotes (whose bytes include 0x9d, undefined in Windows-1252) and
    # one Latin-1 é: the é is the byte to report.
    data = "“Caf".encode() + b"\xe9" + "” she said.".encode()
    with pytest.raises(InputError, match="byte 0xe9 at byte offset 6"):
        parse_sources([ManuscriptSource("x.txt", data)])


def test_markdown_front_matter_comments_and_escapes() -> None:
    text = (
        "---\ntitle: My Book\nauthor: Ada Quill\n---\n\n# Chapter 1\n\n"
        "She stood. <!-- TODO: fix -->\n\n<!-- cut\nthis scene -->\n\n"
        "A \\*literal\\* star and \\{braces\\} and *real* emphasis.\n"
    )
    book = parse_text(text, name="book.md")
    assert (book.meta.title, book.meta.authors) == ("My Book", ("Ada Quill",))
    assert texts(book) == ["She stood.", "A *literal* star and {braces} and real emphasis."]
    (para,) = paragraphs(book)[1:]
    assert count(para.inlines, Emphasis) == 1 and count(para.inlines, Telepathy) == 0
    lines = {str(d.code): d.line for d in book.diagnostics}
    assert lines["N020"] == 6  # line numbers survive the removed front matter


def test_escapes_work_in_txt_files_too() -> None:
    book = parse_text("A \\*star\\* and a \\_mark\\_.")
    assert texts(book) == ["A *star* and a _mark_."]


def test_nested_mind_speech_pairs_like_brackets() -> None:
    book = parse_text("She heard {Outer {inner} outer} and {one}.")
    (para,) = paragraphs(book)
    assert count(para.inlines, Telepathy) == 3
    assert plain_text(para.inlines) == "She heard Outer inner outer and one."
    assert "W102" not in codes(book)
    unclosed = parse_text("She heard {outer {inner} never closed.")
    assert texts(unclosed) == ["She heard {outer inner never closed."]
    assert codes(unclosed).count("W102") == 1
