"""No word lost by the newer typography rules: elisions by context, omission dashes,
number ranges, long ellipses and dialogue dashes, in every language.

Hypothesis types sentences the way writers do in dialect and in other languages'
dialogue; the words of the typeset text must be the words typed, in order, and
quote curling must keep the text's length (offsets depend on it).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compile_book.config import TypographyConfig
from compile_book.locale import REGISTRY
from compile_book.rules.singles import curl_singles
from compile_book.rules.typography import Changes, Typographer
from tests.rules.test_decode import growth

WORD_RE = re.compile(r"[^\W_]+")
PIECES = (
    "'ad 'earty 'Pon 'Frisco 'e 'is 'ave 'Course 'spect 'Ullo goin' an' o' 'tis 'em "
    "the a and she said ran Nell Kit B---- ----shire ----'s 1939--1945 5 - 7 1990-1995 "
    "..... . . . . . -- - — ' \" '' \"' '\" *x* dijo él— —dijo "
).split(" ")


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.casefold())


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30))
    joins = draw(st.lists(st.sampled_from([" ", "", ", ", ". "]), min_size=len(pieces)))
    return "".join(p + j for p, j in zip(pieces, joins, strict=False)).strip()


@settings(max_examples=300, deadline=None)
@given(text=paragraph(), language=st.sampled_from(sorted(REGISTRY)))
def test_no_word_is_lost_or_invented_by_typography(text: str, language: str) -> None:
    typographer = Typographer(TypographyConfig(), language)
    changes = Changes()
    curled = typographer.curl_counted(text, changes)
    assert len(curled) == len(text)
    assert words(typographer.apply(curled, changes)) == words(text)


@settings(max_examples=300, deadline=None)
@given(text=paragraph())
def test_single_quotes_change_only_quotes(text: str) -> None:
    curled = curl_singles(" " + text)[1:]
    assert len(curled) == len(text)
    for typed, set_ in zip(text, curled, strict=True):
        assert typed == set_ or (typed == "'" and set_ in "‘’")


@pytest.mark.parametrize(
    "unit",
    [
        "'ad 'e 'Frisco an' goin' ",  # candidates that never close
        "'a b' c' d' e' ",  # one opener, closing candidates after letters
        "\"'E said 'e would,' he said. ",  # levels opened and closed
        "'" + "x" * 50 + " ",  # long words after quotes
        "'ad 'way b'--c ",  # candidates, none opening speech, quotes before dashes
    ],
)
def test_single_quotes_are_linear(unit: str) -> None:
    texts = {n: " " + unit * n for n in (4000, 16000)}
    # Why the better of two: other work on a shared machine can slow one measurement.
    assert min(growth(lambda n: curl_singles(texts[n]), 4000) for _ in range(2)) < 8


def test_dashes_are_linear() -> None:
    typographer = Typographer(TypographyConfig(), "es")
    texts = {n: "—Ya " + "voy -- dijo él--. B---- 1939--1945 " * n for n in (4000, 16000)}
    assert min(growth(lambda n: typographer.apply(texts[n], Changes()), 4000) for _ in range(2)) < 8
