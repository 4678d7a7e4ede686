"""English heading numbers read by hand: ``29``, ``IV``, ``Twenty-One``, ``the First``.

Why by hand: every line of every English manuscript is tried as a heading, and
the locales' readers (``Locale.number_value``) build their tables from num2words
on first use (a tenth of a second a book would pay for nothing). The patterns
here are shared with :mod:`.headings`, which finds the numbers in heading lines.
"""

from __future__ import annotations

import re

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {w: i for i, w in enumerate(UNITS)} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
WORD = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
}
ORDINAL = "|".join(sorted(ORDINALS, key=len, reverse=True))
_ROMAN_RE = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_number(text: str) -> int | None:
    """The value of ``29``, ``IV`` or ``Twenty-One``; ``None`` if it is none of them.

    English only, by hand: every line of every English manuscript is tried as a
    heading, and the locales' readers (``Locale.number_value``) build their tables
    from num2words on first use (a tenth of a second a book would pay for nothing).
    """
    if text.isdigit():
        return int(text)
    ordinal = ORDINALS.get(re.sub(r"^the\s+", "", text.lower()))
    if ordinal is not None:
        return ordinal
    upper = text.upper()
    if _ROMAN_RE.fullmatch(upper):
        total = 0
        for a, b in zip(upper, upper[1:] + " ", strict=True):
            value = _ROMAN_VALUES[a]
            total += -value if b != " " and _ROMAN_VALUES[b] > value else value
        return total or None
    words = re.split(r"[-\s]+", text.lower())
    total, current = 0, 0
    for word in words:
        if word == "and":
            continue
        if word == "hundred":
            current = max(current, 1) * 100
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        else:
            return None
    return total + current


def number_text(raw: str) -> str:
    """A heading number as it prints when written as typed: ``IV``, ``Twenty-One``."""
    if raw.isdigit():
        return raw
    if _ROMAN_RE.fullmatch(raw.upper()):
        return raw.upper()
    if raw.lower().startswith("the "):
        return "the " + raw.split()[-1].capitalize()
    return "-".join(w.capitalize() for w in raw.split("-")).replace("  ", " ")


def to_roman(number: int) -> str:
    """Upper-case Roman numerals (the locale's rule, kept here for older callers)."""
    from ..locale import roman

    return roman(number)


def to_words(number: int) -> str:
    """English words, title-cased as a heading wants them: 21 -> ``Twenty-One``."""
    from ..locale import get_locale

    return get_locale("en").number_words(number)


def styled_number(number: int | None, written: str | None, style: str, language: str) -> str | None:
    """A heading number in the book's chosen style (``[headings]``), in its language."""
    from ..locale import get_locale

    return get_locale(language).format_number(number, written, style)
