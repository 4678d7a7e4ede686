"""Chapter words a manuscript teaches: "Kapitola 1", "Kapitola 2" in a language we lack.

Why: the locale modules know the heading words of ten languages. A Czech,
Finnish or Turkish manuscript heads its chapters with a word none of them has,
and without it the whole book reads as one untitled chapter. The manuscript
itself says which word it is: a word alone on its line with the numbers 1, 2,
3 ... (or I, II, III) after it, again and again, is how chapters are headed in
every language written left to right. So within one file, a word that heads two
or more standalone lines numbered one after another is a chapter word for that
file; so is a word before a number among the first lines of a chapter file (a
project kept one chapter per file).

The number may come first, as Hungarian and Czech writers put it: "1. fejezet".
A title may follow a separator, as with any heading: "Kapitola 3: Návrat".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..locale import Locale, has_module
from .headings import BARE, ONE, bare_number, match_heading
from .numbers import parse_number
from .scenebreaks import is_scene_break, reads_as_ten

#: Reads a number written in digits, Roman numerals or the language's words.
Value = Callable[[str], int | None]

# Why 3 to 20 letters: "Ch" and "Sec" forms are known words already; a longer word
# alone before a number is more likely a name ("Apollo 13") than a heading word.
_WORD = r"(?P<label>[^\W\d_]{3,20})"
_NUMBER = r"(?P<num>\d{1,3}|[IVXLC]{1,7})"
_TITLE = r"(?:\s*(?:[:.]|\s(?:--?|[–—])|[–—])\s*\S.*)?"
_WORD_FIRST = re.compile(rf"{_WORD}\s+{_NUMBER}\.?{_TITLE}")
_NUMBER_FIRST = re.compile(rf"{_NUMBER}\.\s+{_WORD}{_TITLE}")
# Why: a heading is short; a longer line is prose that happens to start this way.
_LONGEST = 80
_MOST_WORDS = 3


def candidate(line: str, value: Value = parse_number) -> tuple[str, int] | None:
    """The lower-cased word and the number of a line shaped like a heading, else None;
    :data:`BARE` for the word of a number alone however written ("ONE", "~ 2 ~")."""
    if len(line) > _LONGEST:
        return None
    m = _WORD_FIRST.fullmatch(line) or _NUMBER_FIRST.fullmatch(line)
    if m is None:
        bare = bare_number(line, value)
        return None if bare is None or bare.number is None else (BARE, bare.number)
    number = parse_number(m.group("num"))
    return None if number is None else (m.group("label").casefold(), number)


def learn(
    lines: Sequence[tuple[str, bool]],
    opening: int,
    *,
    first_file: bool,
    value: Value = parse_number,
) -> tuple[str, ...]:
    """The chapter words a file's `lines` teach, lower-cased, in the order first seen.

    `lines` are the file's lines (or paragraphs) with text, in order, each with
    whether it stands alone (a blank line or the file's edge on each side). A
    heading is a standalone line that text follows, not another heading line
    ("Paragraph 1.", "Paragraph 2." one under the other are a list). The first
    `opening` lines may hold a chapter file's heading, where one sighting is
    enough; in the book's first file only with the number 1, as the book's
    title ("Catch 22") may stand there. Lines the locale reads as headings
    already are left out by the caller.
    """
    shapes = [candidate(text, value) for text, _ in lines]
    return tuple(_learnt(shapes, [alone for _, alone in lines], opening, first_file=first_file))


def _learnt(
    shapes: Sequence[tuple[str, int] | None],
    alone: Sequence[bool],
    opening: int,
    *,
    first_file: bool,
) -> dict[str, int]:
    """:func:`learn` over each line's shape (:func:`candidate`, found once per line):
    each learnt word with the index of the first standalone line it heads."""
    numbers: dict[str, list[int]] = {}
    firsts: dict[str, int] = {}
    heads: set[tuple[str, int]] = set()
    for k, seen in enumerate(shapes):
        if seen is None or not alone[k]:
            continue
        firsts.setdefault(seen[0], k)
        if k + 1 == len(shapes) or shapes[k + 1] is not None:
            continue
        numbers.setdefault(seen[0], []).append(seen[1])
        if k < opening:
            heads.add(seen)
    learned = {}
    for word, seen_numbers in numbers.items():
        in_order = _in_order(seen_numbers)
        first = seen_numbers[0]
        # A chapter file's first line is its title anyway; "One." may open its prose.
        heads_file = word != BARE and (word, first) in heads and (first == 1 or not first_file)
        # A number alone is a heading only seen thrice: "One." may be a line of prose.
        enough = len(seen_numbers) >= (3 if word == BARE else 2)
        if in_order and (enough or heads_file):
            learned[word] = firsts[word]
    # Why: a book heads its chapters with one word (two with parts); many numbered
    # words are a record of something else (a log, a list), not headings.
    return learned if len(learned) <= _MOST_WORDS else {}


def _in_order(numbers: list[int]) -> bool:
    """Numbers that count up one by one, allowing one slip in every four steps (ONE,
    TWO, FOUR, FIVE, SIX: a typo the chapter-sequence warning then names, rather than
    a book left in one chapter without a word)."""
    steps = sum(b == a + 1 for a, b in itertools.pairwise(numbers))
    slips = len(numbers) - 1 - steps
    return 4 * slips <= steps + slips


def teach(
    locale: Locale, lines: Sequence[tuple[int, str, bool]], opening: int, *, first_file: bool
) -> tuple[Locale, list[tuple[str, int, str]]]:
    """`locale` with the chapter words a file's `lines` (line number, text, whether it
    stands alone; see :func:`learn`) teach, and for each word its first heading
    (word, line number, text) to report.

    A word before the numbers is learnt only in a language with no module here:
    the others' words are known, and numbered lines in an English book ("Step 1")
    are not worth the risk. Numbers alone ("ONE", "TWO") are learnt in any language.
    """
    # English numbers are read by hand; a locale's reader loads num2words' tables.
    value = parse_number if locale.language == "en" else locale.number_value
    # A scene break teaches nothing: "-x-" is no number ten; "-X-" is, once in a file.
    tens = sum(reads_as_ten(text) for _, text, _ in lines)
    shapes = [
        None
        if is_scene_break(text) and (tens > 1 or not reads_as_ten(text))
        else candidate(text, value)
        for _, text, _ in lines
    ]
    # A line the locale reads as a heading already teaches nothing; only lines shaped
    # like one are matched (every line is matched again by the reader itself).
    alone = [
        stands and shape is not None and match_heading(text, locale) is None
        for (_, text, stands), shape in zip(lines, shapes, strict=True)
    ]
    learnt = _learnt(shapes, alone, opening, first_file=first_file)
    words = tuple(w for w in learnt if w == BARE or not has_module(locale.language))
    firsts = [(word, lines[learnt[word]][0], lines[learnt[word]][1]) for word in words]
    one = _lone_one(lines, locale)
    if one is not None:
        words += (ONE,)
        firsts.append((ONE, lines[one][0], lines[one][1]))
    if not words:
        return locale, []
    return replace(locale, learned=locale.learned + words), firsts


def _lone_one(lines: Sequence[tuple[int, str, bool]], locale: Locale) -> int | None:
    """The index of a lone "I" that opens a run of Roman chapter numbers, else None.

    Why: "I" alone is a word, so it is no heading by itself ("II", "III" are). Where
    the file's first number heading is "II", the last "I" standing alone before it,
    with text under it and no heading between, is chapter I's (Heart of Darkness).
    """
    if not any(stands and text == ONE for _, text, stands in lines):
        return None  # (the common case: no line to read as a heading at all)
    one = None
    for k, (_, text, stands) in enumerate(lines):
        if not stands:
            continue
        if text == ONE:
            one = k if k + 1 < len(lines) else None
            continue
        found = match_heading(text, locale)
        if found is None:
            continue
        if found.label is None and found.number == 2 and text.rstrip(".") == "II":
            return one
        return None
    return None


def learnt_message(word: str, heading: str) -> str:
    """The note that says which word a file taught, and from which heading."""
    if word == ONE:
        return (
            f"{heading!r} read as chapter I's heading: 'II' heads the next chapter, "
            "numbered alone as this one is"
        )
    if word == BARE:
        return (
            f"chapter numbers standing alone, such as {heading!r}, read as chapter headings: "
            "they run in order, each with text under it"
        )
    return (
        f"{word.capitalize()!r} read as this file's chapter word: lines such as "
        f"{heading!r} stand alone with their numbers in order"
    )
