"""Invisible characters and exotic spaces: the same cleaning for a run and a whole file.

A long text is searched a character at a time (memory speed) and a short one with
one character class; both must find every character the class holds.
"""

from __future__ import annotations

import pytest

from compile_book.rules import whitespace
from compile_book.rules.whitespace import clean, repair_c1

_FILLER = "word " * 1000  # longer than the short-text limit
_CHARS = sorted(set(whitespace._REMOVE + whitespace._TO_SPACE + "\x0b\x0c"))


@pytest.mark.parametrize("ch", _CHARS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("filler", ["", _FILLER, _FILLER + "“é”"], ids=["short", "ascii", "long"])
def test_every_character_is_found_in_short_and_long_texts(ch: str, filler: str) -> None:
    text = f"{filler}a{ch}b{filler}"
    cleaned, removed = clean(text)
    assert ch not in cleaned
    assert removed == (1 if ch in whitespace._REMOVE else 0)
    assert cleaned == whitespace._SPACES_RE.sub(
        " ", whitespace._INVISIBLE_RE.sub("", whitespace._BREAKS_RE.sub("\n", text))
    )


@pytest.mark.parametrize("filler", ["", _FILLER], ids=["short", "long"])
def test_c1_mojibake_is_repaired_in_short_and_long_texts(filler: str) -> None:
    assert repair_c1(f"{filler}\x93Hi\x94{filler}") == (f"{filler}“Hi”{filler}", 2)
    assert repair_c1(filler + "plain") == (filler + "plain", 0)


def test_a_long_text_with_nothing_to_clean_comes_back_as_it_was() -> None:
    text = _FILLER + "“Quoted”—and so on…"
    assert clean(text) == (text, 0)
