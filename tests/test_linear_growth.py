"""Hostile shapes cost linear time: a growth ratio per shape, never a wall-clock limit.

Each shape is a manuscript a rule once took quadratic (or deeper) time over:
an unclosed brace repeated, paragraphs split mid-sentence, one hard-wrapped
paragraph, emphasis beside dashes, runs of markup characters, braces nested
deep, quotes that never pair. Each is parsed at sizes n, 2n and 4n (n chosen
so the smallest takes tens of milliseconds and noise does not dominate); four
times the input must cost well under the sixteen times a quadratic rule would
take. The PDF data of one huge paragraph and one huge word are measured the
same way. How the times are taken on a shared machine: :mod:`tests.growth`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from compile_book import nodes, parse_text
from compile_book.writers.pdf.body import Body
from tests.growth import MAX_RATIO, best_times


def _open_braces(n: int) -> str:
    return "Chapter 1\n\n" + "{" * n + "x}\n"


def _split_paragraphs(n: int) -> str:
    # A line ending without punctuation, a blank line, a lower-case continuation.
    return "Chapter 1\n\n" + "the sea was grey and\n\ncold under the sky. " * n + "\n"


def _hard_wrapped(n: int) -> str:
    return "Chapter 1\n\n" + "the sea was grey and cold under\n" * n + "\n"


def _emphasis_and_dashes(n: int) -> str:
    return "Chapter 1\n\nStart " + "*a* b - c " * n + "\n"


def _star_line(n: int) -> str:
    return "Chapter 1\n\nStart " + "*" * n + "\n"


def _nested_braces(n: int) -> str:
    return "Chapter 1\n\nStart " + "{" * n + "x" + "}" * n + "\n"


def _underscore_and_strong_runs(n: int) -> str:
    return "Chapter 1\n\nStart " + "_ ** " * n + "end\n"


def _alternating_quotes(n: int) -> str:
    return "Chapter 1\n\nStart " + "\"a' \"b' " * n + "\n"


# (shape, n): n makes the parse at size n take roughly 30-80 ms on a laptop.
SHAPES: list[tuple[Callable[[int], str], int]] = [
    (_open_braces, 4_000),
    (_split_paragraphs, 800),
    (_hard_wrapped, 800),
    (_emphasis_and_dashes, 400),
    (_star_line, 20_000),
    (_nested_braces, 4_000),
    (_underscore_and_strong_runs, 8_000),
    (_alternating_quotes, 8_000),
]


def _times(shape: Callable[[int], str], n: int, step: Callable[[str], object]) -> list[float]:
    """The best times of `step` over ``shape(n)``, ``shape(2n)`` and ``shape(4n)``."""
    texts = {k * n: shape(k * n) for k in (1, 2, 4)}
    return best_times(lambda size: step(texts[size]), [n, 2 * n, 4 * n])


@pytest.mark.parametrize(
    ("shape", "n"), SHAPES, ids=[shape.__name__.lstrip("_") for shape, _ in SHAPES]
)
def test_parse_time_grows_linearly(shape: Callable[[int], str], n: int) -> None:
    times = _times(shape, n, parse_text)
    assert times[2] / times[0] < MAX_RATIO, (shape.__name__, times)


def _pdf_opening(text: str) -> object:
    """The PDF data of a chapter opening made of `text` (drop cap, lead-in)."""
    return Body(drop_cap=True, lead_words=4).opening(
        nodes.Paragraph((nodes.Text(text, _SRC),), _SRC)
    )


_SRC = nodes.Source("story.txt", 3)
PDF_SHAPES: list[tuple[str, Callable[[int], str], int]] = [
    # One paragraph past the size limit: split into head and tail pieces.
    ("huge paragraph", lambda k: "Where the light goes out, *and* on. " * k, 2_000),
    # One word too long for a line: zero-width spaces every few letters.
    ("huge word", lambda k: "Then " + "abcdefghi0" * k + " ended.", 20_000),
]


@pytest.mark.parametrize(("name", "shape", "n"), PDF_SHAPES, ids=[s[0] for s in PDF_SHAPES])
def test_pdf_data_time_grows_linearly(name: str, shape: Callable[[int], str], n: int) -> None:
    times = _times(shape, n, _pdf_opening)
    assert times[2] / times[0] < MAX_RATIO, (name, times)
