"""Numbers in a language: spelt in words (num2words, corrected by the locale), read
back from words, and Roman numerals both ways.

Split from :mod:`compile_book.locale` (which binds them to a book's language in
:class:`~compile_book.locale.Locale`) because they are that package's only
computation; the rest is data. Outside the package, as every module inside it is a
language's and none loads at import. ``num2words`` loads inside the functions that
spell, never at import (start-up time matters for the CLI).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

__all__ = ["number_key", "number_table", "roman", "roman_value", "spell"]

# Why "standard form only": "IIII" or "VX" in a heading is more likely a word than a number.
_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_PAIRS = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        "M CM D CD C XC L XL X IX V IV I".split(),
        strict=True,
    )
)


def roman(n: int) -> str:
    """Upper-case Roman numerals for 1..3999; digits otherwise."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN_PAIRS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def roman_value(text: str) -> int | None:
    """The value of a Roman numeral in standard form (any case), else ``None``."""
    upper = text.upper()
    if not upper or not _ROMAN_RE.fullmatch(upper):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for a, b in zip(upper, upper[1:] + "I", strict=True):
        total += -values[a] if values[b] > values[a] else values[a]
    return total


def number_key(text: str) -> str:
    """Letters only, case- and accent-folded: "Vingt-et-Un" and "vingt et un" meet."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if c.isalpha())


@functools.lru_cache(maxsize=1024)
def spell(n: int, lang: str, fixes: tuple[tuple[str, str], ...]) -> str:
    """num2words' spelling of ``n``, corrected (cached: headings repeat numbers)."""
    return _spell_uncached(n, lang, fixes)


def _spell_uncached(n: int, lang: str, fixes: tuple[tuple[str, str], ...]) -> str:
    from num2words import num2words

    text = str(num2words(n, lang=lang))
    for pattern, replacement in fixes:
        text = re.sub(pattern, replacement, text)
    return text


@functools.lru_cache(maxsize=32)
def number_table(
    langs: tuple[str, ...],
    fixes: tuple[tuple[str, str], ...],
    variants: tuple[tuple[str, str], ...],
    ordinals: tuple[str, ...] = (),
) -> Mapping[str, int]:
    """Folded words -> value for 0..999; the first language's spelling wins a clash.
    Ordinals (``ordinals``' genders) come after every cardinal."""
    spelt = [(_spell_uncached(n, lang, fixes), n) for lang in langs for n in range(1000)]
    spelt += [(_ordinal(n, langs[0], gender), n) for gender in ordinals for n in range(1, 1000)]
    table: dict[str, int] = {}
    for text, n in spelt:
        table.setdefault(number_key(text), n)
    for pattern, replacement in variants:
        for text, n in spelt:
            table.setdefault(number_key(re.sub(pattern, replacement, text)), n)
    return table


def _ordinal(n: int, lang: str, gender: str) -> str:
    from num2words import num2words

    if gender:
        return str(num2words(n, lang=lang, to="ordinal", gender=gender))
    return str(num2words(n, lang=lang, to="ordinal"))
