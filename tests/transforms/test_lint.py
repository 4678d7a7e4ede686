"""The ``lint`` transform on its own: W103, W107, W101 and W104 at exact positions."""

from __future__ import annotations

import dataclasses

from compile_book.config import BookConfig
from compile_book.diagnostics import Code, Diagnostic
from compile_book.keeping import keeping
from compile_book.transforms import inlines, lint
from tests.trees_small import assembled, context, found, language

WRAPPED = (
    "The lighthouse keeper climbed the stairs every night at nine and\n"
    "lit the lamp that the the ships relied on, though few of them ever\n"
    "thanked him for it, and he did not mind that at all, not really.\n"
)


def _lint(text: str, config: BookConfig | None = None) -> list[Diagnostic]:
    """Diagnostics of ``inlines`` then ``lint`` (the order of the chain) on one manuscript."""
    ctx = context(config)
    book = inlines.run(assembled(text, config=config), ctx)
    mark = len(ctx.reporter.items)
    out = lint.run(book, ctx)
    assert out == book  # lint never changes the tree
    return ctx.reporter.items[mark:]


def test_w103_points_at_the_second_word_of_a_doubling() -> None:
    assert found(_lint("She said and and left.\n"), Code.DOUBLED_WORD) == [("a.txt", 1, 14)]


def test_w103_in_a_hard_wrapped_paragraph_points_at_its_own_line_and_column() -> None:
    line2 = WRAPPED.split("\n")[1]
    col = line2.index("the the") + len("the ") + 1
    assert found(_lint(WRAPPED), Code.DOUBLED_WORD) == [("a.txt", 2, col)]


def test_w103_column_counts_the_delimiters_the_writer_typed() -> None:
    diagnostics = _lint("He *said* and and left.\n")
    assert found(diagnostics, Code.DOUBLED_WORD) == [("a.txt", 1, 15)]
    assert [d.message for d in diagnostics] == ["doubled word 'and and'; delete one"]


def test_w103_leaves_english_deliberate_doubles_alone() -> None:
    assert _lint("It was very very late, and no no, that had had to wait.\n") == []


def test_w103_leaves_a_word_said_three_times_or_an_interjection_alone() -> None:
    # A word said over and over is deliberate; so are "Yeah yeah" and "Wow wow".
    text = "It was stupid stupid stupid. Yeah yeah, I know. Wow wow. Run, run run!\n"
    assert _lint(text) == []
    assert found(_lint("He ran ran home.\n"), Code.DOUBLED_WORD) == [("a.txt", 1, 8)]


def test_german_deliberate_double_die_die_is_not_flagged_in_german() -> None:
    text = "Die Leute, die die Stadt kennen, kommen.\n"
    assert found(_lint(text, language("de")), Code.DOUBLED_WORD) == []
    assert found(_lint(text), Code.DOUBLED_WORD) == [("a.txt", 1, 16)]
    accidental = "Ich weiß, und und so.\n"
    assert found(_lint(accidental, language("de")), Code.DOUBLED_WORD) == [("a.txt", 1, 15)]


def test_w107_reports_a_paragraph_over_600_words_at_its_start() -> None:
    long = " ".join(f"w{k}" for k in range(601)) + "."
    diagnostics = _lint("Short one.\n\n" + long + "\n")
    assert [(d.line, d.message) for d in diagnostics if d.code == Code.LONG_PARAGRAPH] == [
        (3, "paragraph of 601 words; a paragraph break may be missing")
    ]
    assert _lint(" ".join(f"w{k}" for k in range(600)) + ".\n") == []


def test_w101_reports_a_quote_never_closed_at_the_opening_quote() -> None:
    assert found(_lint('He said, "I went there.\n\nDone.\n'), Code.UNCLOSED_QUOTE) == [
        ("a.txt", 1, 10)
    ]


def test_w101_understands_speech_continuing_into_the_next_paragraph() -> None:
    assert _lint('"I went there, he said.\n\n"And then I came back."\n\nDone.\n') == []


def test_w101_is_reported_when_a_scene_break_follows_the_open_quote() -> None:
    text = '"I went there.\n\n***\n\n"Then I came back."\n'
    assert found(_lint(text), Code.UNCLOSED_QUOTE) == [("a.txt", 1, 1)]


def test_w101_judges_quotes_in_the_books_language() -> None:
    assert found(_lint('"Hallo, sagte er.\n\nEnde.\n', language("de")), Code.UNCLOSED_QUOTE) == [
        ("a.txt", 1, 1)
    ]
    assert _lint('"Erst.\n\n"Dann."\n', language("de")) == []


def test_w104_reports_the_first_quote_of_the_minority_kind_once_per_file() -> None:
    diagnostics = _lint('He said "hi" and then “bye” and "x" and "y".\n')
    assert found(diagnostics, Code.MIXED_QUOTES) == [("a.txt", 1, 23)]
    assert found(_lint('He said "hi" and "bye".\n'), Code.MIXED_QUOTES) == []


def test_w104_with_a_chapter_kept_from_the_last_compile_counts_the_whole_file() -> None:
    """Chapters kept between compiles (``--watch``, the very same nodes) count as read."""
    with keeping():
        _kept_chapter_counts()


def _kept_chapter_counts() -> None:
    text = 'Chapter 1\n\nShe said "hi" and "bye".\n\nChapter 2\n\nHe said “no.”\n'
    ctx = context()
    book = inlines.run(assembled(text), ctx)
    lint.run(book, ctx)
    assert found(ctx.reporter.items, Code.MIXED_QUOTES) == [("a.txt", 7, 9)]
    # Chapter 2 the very same node, chapter 1 mostly curly now: straight is the minority
    curlier = text.replace('"hi" and "bye"', '“hi” and “bye” and "x"')
    edited = inlines.run(assembled(curlier), ctx)
    part = edited.parts[0]
    chapters = (part.chapters[0], book.parts[0].chapters[1])
    changed = dataclasses.replace(edited, parts=(dataclasses.replace(part, chapters=chapters),))
    again = context()
    lint.run(changed, again)
    assert found(again.reporter.items, Code.MIXED_QUOTES) == [("a.txt", 3, 29)]


FRENCH_EXCHANGE = (
    "« Vous venez du golf ? lui demanda-t-elle.\n\n"
    "— Oh ! ça me dégoûte, répondit-il.\n\n"
    "— Est-ce qu’Andrée y était ?\n\n"
    "— Oui, elle a fait soixante-dix-sept. »\n\n"
    "Il était le fils d’un industriel.\n"
)


def test_w101_understands_a_french_exchange_closed_after_its_dashed_turns() -> None:
    assert found(_lint(FRENCH_EXCHANGE, language("fr")), Code.UNCLOSED_QUOTE) == []


def test_w101_reports_a_french_exchange_never_closed() -> None:
    text = FRENCH_EXCHANGE.replace("sept. »", "sept.")
    assert found(_lint(text, language("fr")), Code.UNCLOSED_QUOTE) == [("a.txt", 1, 1)]


def test_w101_judges_swedish_quotes_that_open_and_close_alike() -> None:
    assert _lint('"Hej, sa han.\n\nSlut.\n', language("sv"))[0].code is Code.UNCLOSED_QUOTE
    assert _lint('"Hej", sa han. "Och du?"\n', language("sv")) == []


def test_w103_leaves_phrase_doublings_and_recurring_names_alone() -> None:
    text = "I tell you you are wrong. Give her her coat. Isaac Isaac came.\n\n" * 3
    assert found(_lint(text), Code.DOUBLED_WORD) == []


def test_w103_flags_slips_a_writer_would_fix() -> None:
    text = "And you you know it. She wrote to her her? Then Jimmy Jimmy left.\n"
    assert [d.message for d in _lint(text) if d.code is Code.DOUBLED_WORD] == [
        "doubled word 'you you'; delete one",
        "doubled word 'her her'; delete one",
        "doubled word 'Jimmy Jimmy'; delete one",
    ]


def test_w128_reports_markup_left_in_the_text() -> None:
    text = "He said **bold and <i>it</i> &nbsp; [x](http://a.b) ok.\n"
    assert [(d.col, d.message.split(" ")[0]) for d in _lint(text)] == [
        (9, "'**'"),
        (20, "'<i>'"),
        (25, "'</i>'"),
        (30, "'&nbsp;'"),
        (39, "'](http:'"),
    ]


def test_w128_leaves_escapes_comparisons_and_snake_case_alone() -> None:
    assert _lint("He typed \\*\\* and 3 < 4 > 2 and x<y and snake_case.\n") == []


def test_w103_across_a_soft_wrap_but_not_across_verse_lines() -> None:
    import compile_book

    wrapped = compile_book.parse_text("# One\n\nHe sang, and the\nthe end came.\n", filename="x.md")
    assert [d.line for d in wrapped.diagnostics if d.code is Code.DOUBLED_WORD] == [4]
    verse = compile_book.parse_text("# One\n\nRow, row, row your\\\nrow boat.\n", filename="x.md")
    assert [d for d in verse.diagnostics if d.code is Code.DOUBLED_WORD] == []
