"""The ``inlines`` transform on its own: delimiters -> Telepathy, Emphasis and Strong."""

from __future__ import annotations

from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import (
    Book,
    Emphasis,
    Inline,
    Paragraph,
    Source,
    Span,
    Strong,
    Telepathy,
    Text,
)
from compile_book.transforms import Context, inlines
from tests.trees_small import SRC, assembled, book_of, chapter, context, found, paragraphs


def _run(*texts: str, config: BookConfig | None = None) -> tuple[Book, Context]:
    ctx = context(config)
    return inlines.run(assembled(*texts, config=config), ctx), ctx


def _shape(nodes: tuple[Inline, ...]) -> list[object]:
    """Inlines as nested lists: ``"text"``, ``("emphasis", [...])``..."""
    out: list[object] = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Span):
            name = type(node).__name__.lower()
            if isinstance(node, Telepathy) and node.continued:
                name += "+continued"
            out.append((name, _shape(node.children)))
    return out


def test_emphasis_strong_and_telepathy_delimiters_become_nodes() -> None:
    book, _ = _run("He said *hi* and **bold** {thought} done.\n")
    assert _shape(paragraphs(book)[0].inlines) == [
        "He said ",
        ("emphasis", ["hi"]),
        " and ",
        ("strong", ["bold"]),
        " ",
        ("telepathy", ["thought"]),
        " done.",
    ]


def test_text_nodes_keep_their_exact_source_column() -> None:
    book, _ = _run("He said *hi* now.\n")
    _, span, rest = paragraphs(book)[0].inlines
    assert isinstance(span, Emphasis) and isinstance(rest, Text)
    assert span.source == Source("a.txt", 1, 9)
    assert span.children[0].source == Source("a.txt", 1, 10)
    assert rest.source == Source("a.txt", 1, 13)


def test_mind_speech_closed_in_the_next_paragraph_continues_there() -> None:
    book, ctx = _run("{Can you hear me?\n\nNo.} It was quiet.\n")
    first, second = paragraphs(book)
    assert _shape(first.inlines) == [("telepathy", ["Can you hear me?"])]
    assert _shape(second.inlines) == [("telepathy+continued", ["No."]), " It was quiet."]
    assert [d.message for d in ctx.reporter.items] == ["1 telepathic span(s) recognised"]


def test_mind_speech_reopened_in_the_next_paragraph_runs_to_each_paragraphs_end() -> None:
    book, ctx = _run("{Can you hear me?\n\n{No.} It was quiet.\n")
    first, second = paragraphs(book)
    assert _shape(first.inlines) == [("telepathy", ["Can you hear me?"])]
    assert _shape(second.inlines) == [("telepathy", ["No."]), " It was quiet."]
    assert [d.message for d in ctx.reporter.items] == ["2 telepathic span(s) recognised"]


def test_w102_reports_an_unpaired_closing_brace_and_keeps_it_as_text() -> None:
    book, ctx = _run("A stray } here.\n")
    assert _shape(paragraphs(book)[0].inlines) == ["A stray } here."]
    assert found(ctx.reporter.items, Code.UNBALANCED_TELEPATHY) == [("a.txt", 1, 9)]


def test_configured_telepathy_delimiters_replace_the_defaults() -> None:
    config = BookConfig.model_validate({"telepathy": {"delimiters": [["<<", ">>"]]}})
    book, _ = _run("She heard <<run>> and {this}.\n", config=config)
    assert _shape(paragraphs(book)[0].inlines) == [
        "She heard ",
        ("telepathy", ["run"]),
        " and {this}.",
    ]


def test_heading_titles_are_parsed_too() -> None:
    book, _ = _run("Chapter 1: The *Long* Night\n\nText.\n")
    heading = book.chapters[0].heading
    assert heading is not None
    assert _shape(heading.title) == ["The ", ("emphasis", ["Long"]), " Night"]


def test_structure_a_reader_found_is_kept_and_text_inside_is_still_parsed() -> None:
    # A formatted paragraph (bold from a word processor) keeps its bold; the text inside
    # it is still read for delimiters, node by node, as a .txt paragraph would be.
    structured = Strong((Text("{thought} and *x*", SRC),), SRC)
    out = inlines.run(book_of(chapter(Paragraph((structured,), SRC))), context())
    (bold,) = paragraphs(out)[0].inlines
    assert isinstance(bold, Strong)
    kinds = [type(node).__name__ for node in bold.children]
    assert kinds == ["Telepathy", "Text", "Emphasis"]


def test_mind_speech_pairs_around_a_node_a_reader_found() -> None:
    # "{I *must* go}" typed in Word with real italics: the braces are in two text
    # nodes, the italic word between them stays the reader's node, inside the span.
    italic = Emphasis((Text("must", SRC),), SRC)
    para = Paragraph((Text("He thought {I ", SRC), italic, Text(" go} and left.", SRC)), SRC)
    out = inlines.run(book_of(chapter(para)), context())
    assert _shape(paragraphs(out)[0].inlines) == [
        "He thought ",
        ("telepathy", ["I ", ("emphasis", ["must"]), " go"]),
        " and left.",
    ]


def test_braces_nested_a_thousand_deep_keep_every_character() -> None:
    from compile_book import parse_text
    from compile_book.nodes import plain_text

    text = "{" * 1000 + "x" + "}" * 1000
    book = parse_text(text)
    (para,) = book.chapters[0].blocks
    assert isinstance(para, Paragraph)
    # Sixteen levels become spans; deeper braces stay as typed, and no word is lost.
    assert plain_text(para.inlines) == "{" * 984 + "x" + "}" * 984
