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
    module here other than the default; ``None`` when unsure, too short, or English."""
    sample = NONCHARACTER_RE.sub(" ", _REFUSED_RE.sub(" ", text[:SAMPLE_CHARS]))
    if len(sample.strip()) < MIN_CHARS:
        return None
    import pycld2

    try:
        reliable, _, found = pycld2.detect(sample.encode("utf-8", "replace"), bestEffort=False)
    except pycld2.error:
        return None
    _, code, percent, _ = found[0]
    if not reliable or percent < MIN_PERCENT or code in ("en", "un") or not has_module(code):
        return None
    return str(code)
