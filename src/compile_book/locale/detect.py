"""The language a manuscript is written in, when nobody said.

Why: a German story built with ``compile-book build geschichte.txt`` (no
``book.toml``) was set as English: English quotes, English words on the
generated pages, ``Kapitel`` not read as a chapter and English hyphenation in
the PDF. The first file's text decides instead, among the languages that have a
module here (:func:`~compile_book.locale.has_module`), and only when Google's
Compact Language Detector 2 (``pycld2``, a small C library: no model to
download, the same answer every time) is sure. ``book.toml``'s ``language`` or a
front matter's ``lang:`` always wins; so does anything a caller passes.

Linear in the text and bounded: only the first :data:`SAMPLE_CHARS` characters
are looked at.
"""

from __future__ import annotations

import functools
import re

from ..rules.noncharacters import NONCHARACTER_RE
from . import has_module

#: How much of the text is looked at: a few pages decide as well as a whole book.
SAMPLE_CHARS = 20_000
#: Below this much text (a title page, a one-line scrap) no language is decided.
MIN_CHARS = 200
#: A first file with less prose than this (a title page, a prologue of a few lines)
#: is not enough alone: the files after it are read for more.
ENOUGH_CHARS = 2_000
#: The share of the sample (percent) the language must hold: a German novel quoting
#: English songs is German; a text half one and half the other decides nothing.
MIN_PERCENT = 80

# Why: CLD2 refuses control characters, lone surrogates and noncharacters as "invalid
# UTF-8" (the noncharacters are rules.noncharacters' to name).
_REFUSED_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def detect(text: str) -> str | None:
    """The language tag (``de``, ``fr``…) `text` is surely written in, among those with a
    module here other than the default; ``None`` when unsure, too short, or English.

    A text too short for the detector to be sure (three chapters of a line each) is
    still known by its script (Cyrillic: Russian) or by its headings: ``Hoofdstuk 1``
    twice is Dutch (:func:`by_headings`)."""
    sample = NONCHARACTER_RE.sub(" ", _REFUSED_RE.sub(" ", text[:SAMPLE_CHARS]))
    found = _detected(sample) if len(sample.strip()) >= MIN_CHARS else None
    return found or by_script(sample) or by_headings(sample)


def _detected(sample: str) -> str | None:
    import pycld2

    try:
        reliable, _, found = pycld2.detect(sample.encode("utf-8", "replace"), bestEffort=False)
    except pycld2.error:
        return None
    _, code, percent, _ = found[0]
    if not reliable or percent < MIN_PERCENT or code in ("en", "un") or not has_module(code):
        return None
    return str(code)


#: The script of a language that alone among those with a module here writes in it.
_SCRIPTS: tuple[tuple[re.Pattern[str], str], ...] = ((re.compile("[\u0400-\u04ff]"), "ru"),)
#: At least this many letters, and this share of them in the script, decide.
_SCRIPT_LETTERS = 20
_SCRIPT_SHARE = 0.6


def by_script(sample: str) -> str | None:
    """The language whose script most of the sample's letters are in, when only one
    language with a module here writes that script (Russian's Cyrillic)."""
    letters = sum(1 for c in sample if c.isalpha())
    if letters < _SCRIPT_LETTERS:
        return None
    for pattern, language in _SCRIPTS:
        if len(pattern.findall(sample)) >= _SCRIPT_SHARE * letters:
            return language
    return None


#: Lines looked at for headings, and the headings of one language that decide.
_HEADING_LINES = 2_000
_HEADINGS_NEEDED = 2


def by_headings(sample: str) -> str | None:
    """The language whose chapter or part words head at least two short lines of the
    sample ("Hoofdstuk 1", "Capitolo primo"), when no other language's do; among
    languages sharing the word (Spanish and Portuguese "Capítulo"), the detector's
    best guess. English words and words English shares never count."""
    starts: dict[str, int] = {}  # the first words of short lines, and how often
    for line in sample.splitlines()[:_HEADING_LINES]:
        m = _HEADING_LINE_RE.match(line.strip().lower()) if len(line) <= _HEADING_LINE_MAX else None
        if m:
            starts[m.group(1)] = starts.get(m.group(1), 0) + 1
    repeated = [(word, n) for word, n in starts.items() if n >= _HEADINGS_NEEDED]
    if not repeated:
        return None  # (and the languages' words are never loaded for a scrap of text)
    counts: dict[str, int] = {}
    for word, n in repeated:
        for language in _heading_words().get(word, ()):
            counts[language] = counts.get(language, 0) + n
    found = sorted(lang for lang, n in counts.items() if n >= _HEADINGS_NEEDED)
    if len(found) < 2:
        return found[0] if found else None
    return _best_guess(sample, found)


#: A heading line is short: a word, a number and a short title.
_HEADING_LINE_MAX = 60
_HEADING_LINE_RE = re.compile(r"(?:#+\s*)?(\w+)\.?\s+\w")


@functools.cache
def _heading_words() -> dict[str, tuple[str, ...]]:
    """Each chapter, part and prologue word of a language with a module (not English's),
    with the languages that use it."""
    from . import REGISTRY, get_locale

    english = get_locale("en").heading_words
    known = {w for kind in ("chapter", "part", "prologue") for w in english[kind]}
    words: dict[str, tuple[str, ...]] = {}
    for language in sorted(REGISTRY):
        if language == "en":
            continue
        own = get_locale(language).heading_words
        for kind in ("chapter", "part", "prologue"):
            for word in own[kind]:
                word = word.rstrip(".")
                if word not in known and language not in words.get(word, ()):
                    words[word] = (*words.get(word, ()), language)
    return words


def _best_guess(sample: str, languages: list[str]) -> str | None:
    """The detector's best guess among `languages`, however unsure; else ``None``."""
    import pycld2

    try:
        _, _, found = pycld2.detect(sample.encode("utf-8", "replace"), bestEffort=True)
    except pycld2.error:
        return None
    for _, code, _, _ in found:
        if code in languages:
            return str(code)
    return None
