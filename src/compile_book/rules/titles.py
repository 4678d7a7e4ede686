"""Title, ``by`` and chapter-title lines: short lines that name rather than narrate.

Pure predicates over one line of text, used by the readers to decide whether
the first lines of a file are the book's title and author, and whether the
line under ``Chapter 29`` is that chapter's title (``All for nothing.``) or
its opening sentence.
"""

from __future__ import annotations

import functools
import re

from .paragraphs import Unit

# Why: a title line is short; longer lines are opening sentences.
TITLE_MAX_WORDS = 12
TITLE_MAX_CHARS = 80
CHAPTER_TITLE_MAX_WORDS = 9
# Why: "All for nothing." is a title; past four words a sentence-case line is prose.
SENTENCE_TITLE_MAX_WORDS = 4
CHAPTER_TITLE_MAX_CHARS = 60
CAPS_TITLE_MAX_WORDS = 16
# Why: "by Jane Doe" under a title names the author; "By morning the snow had
# stopped." is prose. A name is a few capitalised words (initials and particles
# such as "de", "van" allowed) with no sentence punctuation.
_NAME_RE = (
    r"\s+(?P<name>(?:"
    r"(?:\(?[A-Z][\w'’.-]*\)?|de|da|del|der|van|von|la|le|du|bin|al)(?:\s+|$)){1,6})"
)
BY_LINE_RE = re.compile(r"(?:by|written by)" + _NAME_RE, re.I)
# Why: a name may hold a maiden or real name in brackets, "Mary Wollstonecraft (Godwin) Shelley".
_NAME_WORD_RE = re.compile(
    r"(?:\(?[A-Z][\w'’-]*\.?\)?|[A-Z]\.|de|da|del|der|van|von|la|le|du|bin|al)"
)
# Why: words a title may leave in lower case (Title Case rules).
MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet of in on at to by up as with from into onto over "
    "upon off per via vs de la le du von van".split()
)
_OPENING_QUOTES = ("“", '"', "‘", "'", "«", "„", "{", "<", "*", "_")
_NOT_RAW_TITLE_END = tuple(".,;:!")
# Why: the first word of a short opening sentence is usually a pronoun; titles rarely start so.
_SENTENCE_STARTS = frozenset("i he she it they we you his her their my our there".split())


# Why: the style of the date line under a title page's authors (pandoc's reference
# documents call it Date); its calendar dates are the ones book.toml accepts.
DATE_STYLES = frozenset(("date", "datum", "fecha", "data"))
_DATE_LINE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def date_line(style: str, text: str) -> str | None:
    """The book's date a Date-styled title-page line gives (``2024``, ``2024-03``,
    ``2024-03-02``), or ``None``: a date in words stays text, as it would print."""
    text = text.strip()
    if style.casefold() not in DATE_STYLES or not _DATE_LINE_RE.fullmatch(text):
        return None
    return text


@functools.lru_cache(maxsize=16)
def _by_line_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """``by`` and the language's own words for it (:attr:`LocaleData.by_words`)."""
    if not words:
        return BY_LINE_RE
    alternatives = "|".join(re.escape(w) for w in ("by", "written by", *words))
    return re.compile(f"(?:{alternatives})" + _NAME_RE, re.I)


def by_line(text: str, words: tuple[str, ...] = ()) -> str | None:
    """The author's name in a ``by Jane Doe`` line, or ``None`` if the line is prose.

    ``words``: the book's language's words for "by" ("von", "par"), tried as well.
    """
    m = _by_line_re(words).fullmatch(text.strip())
    if m is None:
        return None
    name = m.group("name").strip()
    parts = name.split()
    if not all(_NAME_WORD_RE.fullmatch(w) for w in parts):
        return None
    if not any(w[0].isupper() and len(w.rstrip(".")) > 1 for w in parts):
        return None  # initials alone are not a name
    return name


def broken(first: Unit, second: Unit) -> bool:
    """A paragraph that stops mid-sentence and continues in lower case was split by accident."""
    tail = first.end(2)
    end = tail[-1]
    start = second.text[0]
    if end == "-":  # "com-" / "plaint": a word hyphenated across the break
        return tail[-2:-1].isalpha() and start.islower()
    return (end.isalnum() or end in ",;") and start.islower()


def all_caps(text: str) -> bool:
    """Every letter a capital, and at least two letters ("THE END", not "I" or "2.")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# Why: titlecase capitalises a word after a full stop; after "Mr." it is not a new sentence.
_AFTER_HONORIFIC = re.compile(r"\b((?:Mr|Mrs|Ms|Dr|St|Messrs)\.\s+)(And|Or|Of|The|A|An|In|On|To)\b")


def title_cased(text: str) -> str | None:
    """An ALL-CAPS title in English title case (``MR. AND MRS. S. F. UKRIDGE`` -> ``Mr.
    and Mrs. S. F. Ukridge``), or ``None`` when the text is not all capitals.

    The cased text has the same letters as the typed one, letter for letter (checked):
    only their case changes, so nothing the writer typed is lost.
    """
    if not all_caps(text):
        return None
    # Imported here: most books have no all-caps title, and the library costs 10 ms to load.
    from titlecase import titlecase

    cased = _AFTER_HONORIFIC.sub(lambda m: m.group(1) + m.group(2).lower(), titlecase(text))
    if len(cased) != len(text) or cased.casefold() != text.casefold() or cased == text:
        return None
    return cased


def fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower().strip("'’") not in MINOR_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


def book_title_like(text: str) -> bool:
    """A book or file title: short, Title Case, not a sentence, not dialogue."""
    words = text.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and len(text) <= TITLE_MAX_CHARS
        and not text.startswith(_OPENING_QUOTES)
        and not text.endswith(_NOT_RAW_TITLE_END)
        and _title_case(words)
    )


def chapter_title_like(text: str) -> bool:
    """A chapter title line under a number: a short phrase, not an opening sentence.

    Up to four words may read like a sentence ("All for nothing."); a longer line
    must be in Title Case with no full stop ("The Long Road Home"), since "The rain
    had not stopped for days." is the chapter's first sentence.
    """
    words = text.split()
    if all_caps(text):
        # Why: an ALL-CAPS line under "CHAPTER II" is its title however long, with
        # its full stops ("MR. AND MRS. S. F. UKRIDGE") or a closing dash.
        return len(words) <= CAPS_TITLE_MAX_WORDS and not text.startswith(_OPENING_QUOTES)
    body = text.rstrip(".!?…")
    if not (
        0 < len(words) <= CHAPTER_TITLE_MAX_WORDS
        and len(text) <= CHAPTER_TITLE_MAX_CHARS
        and text[:1].isupper()
        and not text.startswith(_OPENING_QUOTES)
        and not any(c in body for c in '.!?"“”,;:')
        and not text.endswith((",", ";", ":"))
        and words[0].lower() not in _SENTENCE_STARTS
    ):
        return False
    if len(words) <= SENTENCE_TITLE_MAX_WORDS:
        return True
    return not text.endswith(".") and _title_case(words)
