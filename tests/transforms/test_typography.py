"""The ``typography`` transform on its own: quotes, dashes and spaces in the book's language."""

from __future__ import annotations

import pytest

from compile_book.config import BookConfig
from compile_book.diagnostics import Code, Diagnostic
from compile_book.nodes import Book, Emphasis, Paragraph, Text, plain_text
from compile_book.transforms import inlines, typography
from tests.trees_small import assembled, context, found, language, paragraphs, texts

NBSP, NNBSP = "\u00a0", "\u202f"


def _set(text: str, config: BookConfig | None = None) -> tuple[Book, list[Diagnostic]]:
    """``inlines`` then ``typography`` on one manuscript: the book and typography's diagnostics."""
    ctx = context(config)
    book = inlines.run(assembled(text, config=config), ctx)
    mark = len(ctx.reporter.items)
    return typography.run(book, ctx), ctx.reporter.items[mark:]


def _text(text: str, lang: str = "en") -> str:
    return texts(_set(text, language(lang))[0])[0]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "“Yes”, she said. ‘No.’"),
        ("de", "„Yes“, she said. ‚No.‘"),
        ("es", "«Yes», she said. “No.”"),
    ],
)
def test_straight_quotes_are_curled_in_the_books_language(lang: str, expected: str) -> None:
    assert _text("\"Yes\", she said. 'No.'", lang) == expected


def test_french_quotes_take_no_break_spaces_inside() -> None:
    assert _text('"Bonjour", dit-elle.', "fr") == f"«{NBSP}Bonjour{NBSP}», dit-elle."


def test_french_high_punctuation_takes_a_thin_no_break_space_and_english_none() -> None:
    assert (
        _text("Quoi ? Oui ; non : ah !", "fr") == f"Quoi{NNBSP}? Oui{NNBSP}; non{NNBSP}: ah{NNBSP}!"
    )
    assert _text("What ? Yes !") == "What ? Yes !"


def test_spanish_dialogue_dash_and_tag_are_set_as_rayas() -> None:
    assert _text("- Ya voy - dijo él.", "es") == "—Ya voy —dijo él."


def test_spanish_dialogue_tag_closing_before_punctuation_glues_to_the_word() -> None:
    book, diagnostics = _set("- ¿Y tú? -- preguntó ella -. No lo sé.\n", language("es"))
    assert texts(book) == ["—¿Y tú? —preguntó ella—. No lo sé."]
    assert [(d.col, d.message) for d in diagnostics if d.code == Code.DASH_CONVERTED] == [
        (1, "dash converted: dialogue dash"),
        (9, "dash converted: dialogue tag opened"),
        (26, "dash converted: dialogue tag closed"),
    ]


def test_english_spaced_hyphen_becomes_a_closed_em_dash_reported_where_its_span_starts() -> None:
    book, diagnostics = _set("Wait... what - no.\n")
    assert texts(book) == ["Wait… what—no."]
    assert found(diagnostics, Code.DASH_CONVERTED) == [("a.txt", 1, len("Wait... what") + 1)]
    assert [d.message for d in diagnostics if d.code == Code.ELLIPSIS_CONVERTED] == [
        "1 ellipsis(es) converted to …"
    ]


def test_dash_on_a_wrapped_line_is_reported_at_that_line() -> None:
    text = (
        "The lighthouse keeper climbed the stairs every night at nine and\n"
        "lit the lamp -- the one the ships relied on -- though few of them\n"
        "thanked him for it, and he did not mind that at all, not really.\n"
    )
    _, diagnostics = _set(text)
    # A spaced dash is reported where its span starts: the space before it.
    line2 = text.split("\n")[1]
    first = line2.index(" --") + 1
    second = line2.index(" --", first) + 1
    assert found(diagnostics, Code.DASH_CONVERTED) == [("a.txt", 2, first), ("a.txt", 2, second)]


def test_a_double_quote_after_italics_closes() -> None:
    book, _ = _set('He said "*no*" loudly.\n')
    assert plain_text(paragraphs(book)[0].inlines) == "He said “no” loudly."


def test_an_apostrophe_after_italics_closes() -> None:
    book, _ = _set("We saw *Titanic*'s end.\n")
    assert plain_text(paragraphs(book)[0].inlines) == "We saw Titanic’s end."


def test_typography_keeps_the_inline_structure() -> None:
    book, _ = _set('"Go *now*," she said.\n')
    (para,) = paragraphs(book)
    assert isinstance(para, Paragraph)
    first, span, rest = para.inlines
    assert (first, rest) == (Text("“Go ", first.source), Text(",” she said.", rest.source))
    assert isinstance(span, Emphasis) and span.children == (Text("now", span.children[0].source),)


def test_private_use_characters_next_to_emphasis_lose_no_word() -> None:
    book, _ = _set("Alpha \ue000 beta *gamma* delta \ue001 end\n")
    assert plain_text(paragraphs(book)[0].inlines) == "Alpha \ue000 beta gamma delta \ue001 end"
    assert any(isinstance(n, Emphasis) for n in paragraphs(book)[0].inlines)


def test_heading_titles_are_set_too() -> None:
    book, _ = _set('Chapter 1: The "Long" Night\n\nText.\n')
    heading = book.chapters[0].heading
    assert heading is not None
    assert plain_text(heading.title) == "The “Long” Night"


def test_dash_in_an_inline_heading_title_is_reported_at_its_column() -> None:
    line = "Chapter 1: The Long -- Night"
    _, diagnostics = _set(line + "\n\nText.\n")
    assert found(diagnostics, Code.DASH_CONVERTED) == [("a.txt", 1, line.index(" --") + 1)]


def test_dash_in_a_markdown_subtitle_is_reported_on_the_subtitle_line() -> None:
    ctx = context()
    book = inlines.run(
        assembled("# Chapter 1\n\n## The Long -- Night\n\nText here.\n", name="a.md"), ctx
    )
    typography.run(book, ctx)
    col = "## The Long -- Night".index(" --") + 1
    assert found(ctx.reporter.items, Code.DASH_CONVERTED) == [("a.md", 3, col)]


def test_n054_reports_each_elision_read_by_context_at_its_quote() -> None:
    book, diagnostics = _set("\"'E said 'e was in 'Frisco, 'earty as ever.\"\n")
    assert plain_text(paragraphs(book)[0].inlines) == "“’E said ’e was in ’Frisco, ’earty as ever.”"
    assert found(diagnostics, Code.ELISION_READ) == [("a.txt", 1, 20), ("a.txt", 1, 29)]
    assert [d.message.split(" ")[0] for d in diagnostics if d.code is Code.ELISION_READ] == [
        "'Frisco",
        "'earty",
    ]
