"""What a book's metadata may hold, checked before anything is written.

The same rules serve ``book.toml`` (its pydantic validators), the metadata a
manuscript declares (a title line, a by-line, Markdown front matter) and the
:class:`~compile_book.nodes.Metadata` a writer is handed, because a bad value
gets past none of them: a blank title or author, a control character or a
Unicode noncharacter, an impossible date, an ISBN whose check digit is wrong.
Each is a value EPUBCheck rejects (an empty ``dc:title``, a character XML
cannot hold, a ``dc:date`` that is no date) or a book a store refuses.

Each check returns what is wrong as a phrase ("contains a control character
(U+0007) at character 2"), or ``None``; the caller names the key or the file.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Annotated

from pydantic import AfterValidator

from .errors import InputError
from .nodes import Metadata, Source

__all__ = [
    "MULTILINE",
    "check_metadata",
    "date_problem",
    "declared",
    "isbn_check_digit",
    "isbn_digits",
    "isbn_problem",
    "printable",
    "text_problem",
]


def _noncharacters() -> str:
    """The 66 Unicode noncharacters as a regex class body: U+FDD0..FDEF and the last
    two code points of each of the 17 planes."""
    ends = "".join(f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(17))
    return "\\ufdd0-\\ufdef" + ends


# Why: C0 and C1 controls and DEL (category Cc), lone surrogates (only a Python
# caller can make them) and noncharacters: XML 1.0 cannot hold most of them and
# EPUBCheck refuses the rest; none is ever meant in a title or a name.
_BAD = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_noncharacters()}]")
# Tab and line breaks are text in a description, a dedication or an epigraph.
_LAYOUT = frozenset("\t\n\r")
#: The fields that may run over several lines; every other one is a single line.
MULTILINE = frozenset({"description", "dedication", "epigraph", "rights"})

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """What makes ``value`` unfit as metadata text, or ``None``.

    Blank (nothing but spaces) is unfit; so is a control character or a
    noncharacter, except a tab or a line break where ``multiline`` allows them.
    One pass over the text.
    """
    if not value.strip():
        return "is blank; give it a value or remove the key"
    for match in _BAD.finditer(value):
        char = match.group()
        if multiline and char in _LAYOUT:
            continue
        where = f"at character {match.start() + 1}"
        if char in _LAYOUT:
            return f"holds a tab or line break {where}; write it on one line"
        code = f"U+{ord(char):04X}"
        if 0xD800 <= ord(char) <= 0xDFFF:
            return f"contains a lone surrogate ({code}) {where}; remove it"
        if char.isascii() or 0x80 <= ord(char) <= 0x9F:
            return f"contains a control character ({code}) {where}; remove it"
        return f"contains {code}, a Unicode noncharacter, {where}; remove it"
    return None


def printable(text: str) -> str:
    """``text`` without the characters :func:`text_problem` refuses, and on one line
    (for a title made from a file's name, which may hold anything)."""
    return " ".join(_BAD.sub(" ", text).split())


def date_problem(value: str) -> str | None:
    """What is wrong with a publication date, or ``None``.

    Writers give a year (``2026``), a month (``2026-03``) or a day
    (``2026-03-02``); each must exist on the calendar (no month 13, no 30 February).
    """
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return f"{value!r} is not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(g) if g else None for g in match.groups())
    fix = "write it as YYYY, YYYY-MM or YYYY-MM-DD"
    if year == 0:
        return f"{value!r} is not a real date (there is no year 0); {fix}"
    if month is not None and not 1 <= month <= 12:
        return f"{value!r} is not a real date (there is no month {month}); {fix}"
    if month is not None and day is not None:
        try:
            datetime.date(year or 1, month, day)
        except ValueError:
            return f"{value!r} is not a real date (that month has no day {day}); {fix}"
    return None


def isbn_check_digit(body: str) -> str:
    """The check digit an ISBN's first 9 (ISBN-10) or 12 (ISBN-13) digits call for."""
    if len(body) == 9:
        total = sum((10 - i) * int(d) for i, d in enumerate(body))
        check = (11 - total % 11) % 11
        return "X" if check == 10 else str(check)
    total = sum((1 if i % 2 == 0 else 3) * int(d) for i, d in enumerate(body))
    return str((10 - total % 10) % 10)


def isbn_digits(isbn: str) -> str:
    """``979-8-88512-046-3`` -> ``9798885120463`` (for ``urn:isbn:`` identifiers); an
    ISBN-10's check character ``x`` is upper-cased."""
    return re.sub(r"[\s-]", "", isbn).upper()


def isbn_problem(digits: str) -> str | None:
    """What is wrong with an ISBN's digits (hyphens and spaces already removed), or ``None``."""
    if re.fullmatch(r"\d{9}[\dX]", digits):
        kind = "ISBN-10"
    elif re.fullmatch(r"\d{13}", digits):
        kind = "ISBN-13"
    else:
        return (
            f"has {len(digits)} characters besides hyphens and spaces; an ISBN-13 has 13 "
            "digits (an ISBN-10 has 10)"
        )
    expected = isbn_check_digit(digits[:-1])
    if expected != digits[-1]:
        return f"fails the {kind} check digit: expected {expected}, found {digits[-1]}"
    return None


def declared(key: str, value: str, source: Source) -> bool:
    """Whether metadata a manuscript declares (title line, by-line, front matter) is
    used: a blank value is not (the book falls back to ``book.toml`` or the file's
    name); a control character, a noncharacter or an impossible date is an
    :class:`InputError` at the manuscript's line, as it would be in ``book.toml``."""
    if not value.strip():
        return False
    problem = text_problem(value, multiline=key in MULTILINE)
    if problem is None and key == "date":
        problem = date_problem(value)
    if problem is not None:
        raise InputError(f"the book's {key} {problem}", source.file, source.line)
    return True


def check_metadata(meta: Metadata, file: str | None = None) -> None:
    """Raise :class:`InputError` naming the field when ``meta`` holds a value no
    output may carry (a Python caller's :class:`Metadata`, or one a manuscript
    gave that no earlier check saw)."""
    problems = list(_problems(meta))
    if problems:
        key, problem = problems[0]
        raise InputError(f"the book's {key} {problem}", file)


def _problems(meta: Metadata) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for item in dataclasses.fields(meta):
        value = getattr(meta, item.name)
        if isinstance(value, str) and item.name != "cover":
            problem = text_problem(value, multiline=item.name in MULTILINE)
            if problem is None and item.name == "date":
                problem = date_problem(value)
            if problem is None and item.name == "isbn":
                problem = isbn_problem(isbn_digits(value))
            if problem is not None:
                found.append((item.name, problem))
    for n, author in enumerate(meta.authors, start=1):
        problem = text_problem(author)
        if problem is not None:
            found.append((f"author {n}", problem))
    if meta.series is not None:
        problem = text_problem(meta.series.name)
        if problem is not None:
            found.append(("series name", problem))
    return found


def _one_line(value: str) -> str:
    problem = text_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


def _lines(value: str) -> str:
    problem = text_problem(value, multiline=True)
    if problem is not None:
        raise ValueError(problem)
    return value


#: One line of text (a title, a name) in book.toml: not blank, no control characters
#: or noncharacters (:func:`text_problem`).
Text = Annotated[str, AfterValidator(_one_line)]
#: Text that may run over lines (a description, a dedication): tabs and line breaks too.
Prose = Annotated[str, AfterValidator(_lines)]
