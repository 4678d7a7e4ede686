"""CriticMarkup (Scrivener's and MultiMarkdown's review marks): the book is the writer's
final text, with every change accepted and every comment left out."""

from __future__ import annotations

import pytest

from compile_book.api import parse_text
from compile_book.diagnostics import Code
from compile_book.nodes import Paragraph, Telepathy, plain_text
from compile_book.rules.appmarkup import critic
from compile_book.rules.markdown import restore
from tests.growth import MAX_RATIO, growth


@pytest.mark.parametrize(
    ("typed", "final"),
    [
        ("She walked {++slowly ++}in.", "She walked slowly in."),
        ("The lamp was {--not --}lit.", "The lamp was lit."),
        ("It was {~~red~>blue~~}.", "It was blue."),
        ("It was {==bright==}{>>check<<}.", "It was bright."),
        ("{~~no arrow~~}", "no arrow"),  # a substitution with no new words keeps its text
        ("{++never closed", "{++never closed"),
        ("{++a++} and {++b++}", "a and b"),
        ("{I hear you,} he thought.", "{I hear you,} he thought."),  # mind-speech stays
    ],
)
def test_each_mark_gives_the_final_text(typed: str, final: str) -> None:
    text, _ = critic(typed)
    assert restore(text) == final
    assert len(text) == len(typed)  # columns keep their place


def test_marks_in_code_stay() -> None:
    text, counts = critic("{--a--}\n    {--b--}", frozenset({1}))
    assert restore(text) == "\n    {--b--}"
    assert counts == {"deletion": 1}


def test_a_reviewed_manuscript_reads_as_its_final_text() -> None:
    typed = (
        "# Chapter 1\n\nShe walked {++slowly ++}into the room. The lamp was {--not --}lit.\n"
        "It was {~~red~>blue~~} and {==bright==}{>>check colour<<} as ever.\n\n"
        "{I hear you,} he thought.\n"
    )
    book = parse_text(typed, filename="x.md")
    first, second = book.chapters[0].blocks
    assert isinstance(first, Paragraph) and isinstance(second, Paragraph)
    assert plain_text(first.inlines) == (
        "She walked slowly into the room. The lamp was lit. It was blue and bright as ever."
    )
    assert isinstance(second.inlines[0], Telepathy)
    said = [d.message for d in book.diagnostics if d.code == Code.MARKUP_LEFT_OUT]
    assert any("CriticMarkup" in m and "1 deletion(s)" in m for m in said)


def test_reading_critic_marks_is_linear() -> None:
    def run(n: int) -> object:
        return critic("{++" * n + " {--a--} " * n + "\n" + "{~~a~>b~~}" * n)

    assert growth(run, 3000) < MAX_RATIO
