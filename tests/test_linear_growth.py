"""Hostile shapes cost linear time: a growth ratio per shape, never a wall-clock limit.

Each shape is a manuscript a rule once took quadratic (or deeper) time over:
an unclosed brace repeated, paragraphs split mid-sentence, one hard-wrapped
paragraph, emphasis beside dashes, runs of markup characters, braces nested
deep, quotes that never pair. Each is parsed at sizes n, 2n and 4n (the best
of three runs each, in processor time, n chosen so the smallest takes tens of
milliseconds and noise does not dominate); four times the input must cost well
under the sixteen times a quadratic rule would take. The PDF data of one huge paragraph and one huge
word are measured the same way. A ratio holds on a slow machine as on a fast one.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from compile_book import nodes as n
from compile_book import parse_text
from compile_book.writers.pdf.body import Body

#: Four times the input may cost at most this many times as long (quadratic: 16).
MAX_RATIO = 8.0
RUNS = 3


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


def _cpu_time(text: str, step: Callable[[str], object]) -> float:
    """The processor time one run of `step` takes.

    Processor time, not wall time: on a shared machine (or beside a test that
    runs Typst's threads) the wall clock counts the waits for a free core too.
    """
    start = time.process_time()
    step(text)
    return time.process_time() - start


def growth(shape: Callable[[int], str], n: int, step: Callable[[str], object]) -> list[float]:
    """The best time of `step` over ``shape(n)``, ``shape(2n)`` and ``shape(4n)``.

    The sizes take turns, round after round, so a busy spell on the machine
    slows them alike; if the ratio still looks too steep, it is measured again
    (a quadratic rule fails both times) and the best of all rounds kept.
    """
    texts = [shape(k * n) for k in (1, 2, 4)]
    step(shape(max(n // 4, 1)))  # warm up: imports, compiled regexes, caches
    best = [float("inf")] * len(texts)
    for _attempt in range(2):
        for _ in range(RUNS):
            # Why: the collector's passes over a heap that grows with the input add
            # a superlinear term of CPython's own (a 4n/n ratio of 5.5 where the
            # code is linear); the rules' growth is measured without them.
            gc.collect()
            gc.disable()
            try:
                for i, text in enumerate(texts):
                    best[i] = min(best[i], _cpu_time(text, step))
            finally:
                gc.enable()
        if best[2] / best[0] < MAX_RATIO:
            break
    return best


@pytest.mark.parametrize(
    ("shape", "n"), SHAPES, ids=[shape.__name__.lstrip("_") for shape, _ in SHAPES]
)
def test_parse_time_grows_linearly(shape: Callable[[int], str], n: int) -> None:
    times = growth(shape, n, parse_text)
    assert times[2] / times[0] < MAX_RATIO, (shape.__name__, times)


def _pdf_opening(text: str) -> object:
    """The PDF data of a chapter opening made of `text` (drop cap, lead-in)."""
    return Body(drop_cap=True, lead_words=4).opening(n.Paragraph((n.Text(text, _SRC),), _SRC))


_SRC = n.Source("story.txt", 3)
PDF_SHAPES: list[tuple[str, Callable[[int], str], int]] = [
    # One paragraph past the size limit: split into head and tail pieces.
    ("huge paragraph", lambda k: "Where the light goes out, *and* on. " * k, 2_000),
    # One word too long for a line: zero-width spaces every few letters.
    ("huge word", lambda k: "Then " + "abcdefghi0" * k + " ended.", 20_000),
]


@pytest.mark.parametrize(("name", "shape", "n"), PDF_SHAPES, ids=[s[0] for s in PDF_SHAPES])
def test_pdf_data_time_grows_linearly(name: str, shape: Callable[[int], str], n: int) -> None:
    times = growth(shape, n, _pdf_opening)
    assert times[2] / times[0] < MAX_RATIO, (name, times)
