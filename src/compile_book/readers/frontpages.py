"""A book's own front pages typed at the top of its first file: the copyright
block and the epigraph.

A self-published manuscript often carries the pages its writer saw in print:
after the title, a copyright block (``Copyright © 2025 Priya Nandakumar`` /
``All rights reserved.`` / ``ISBN …`` / ``This is a work of fiction…``), and an
epigraph (a quotation, then ``— its author``) before the first chapter. Read as
prose they became an untitled first chapter, with a second, generated copyright
page beside them bearing the wrong year.

* **Copyright block** (:func:`copyright_page`): a paragraph opening with
  ``Copyright``, ``©`` or ``(c)``, with the short paragraphs after it that are
  a copyright page's (rights, ISBN, edition, publisher, the fiction notice,
  credits). Its lines become the book's ``rights``, printed as typed.
* **Epigraph** (:func:`epigraph`): one to eight short lines of quotation,
  then a line naming its source after a dash (``— Seneca``, ``-- Anon.``),
  right before the first heading.

Both must stand before the first heading. They are pure functions over the
paragraphs there, as lines (:data:`Blocks`), so the plain-text and Word readers
share them; each reader reports what it did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..diagnostics import Code, Reporter
from ..events import BookMeta, Event
from ..locale import Locale
from ..nodes import Source
from ..record import record
from ..rules.markdown import unwrapped
from ..rules.titles import fold
from .apparatus import dedication_lines, unit_lines
from .outline import Item

# Why: how a copyright notice opens: "Copyright © 2025 …", "Copyright 2025", "© 2025 …",
# "(c) 2025": the sign or the year straight after the word ("Copyright law was…" is prose).
_COPYRIGHT_RE = re.compile(
    r"(?:copyright,?\s*(?:©|\(c\))?\s*(?:©|\d{4})|©\s*\S|\(c\)\s*\d{4})", re.I
)
# Why: the other lines a copyright page holds (rights, numbers, notices, credits).
_COPYRIGHT_PAGE_RE = re.compile(
    r"(?:all rights reserved|no part of this|e-?isbn|isbn\b|first (?:edition|published|printing)"
    r"|(?:first|second|third|revised|new|paperback|hardcover|ebook|kindle|digital|print|limited"
    r"|special) edition\b|published (?:by|in)\b|publisher:|printed in\b"
    r"|this (?:book )?is a work of|(?:names|characters)(?:,| and)|any resemblance"
    r"|cover (?:design|art|illustration|image)\b|(?:edited|illustrated|typeset|designed) by\b"
    r"|library of congress|www\.|https?://|\d{1,2}(?:\s+\d{1,2}){3}|(?:\w+ )?printing[:,]?\s*\d"
    # the rights reserved in the languages with a module, and France's legal deposit
    r"|tous droits|alle rechte|todos los derechos|tutti i diritti|alle rechten|todos os direitos"
    r"|wszelkie prawa|alla rättigheter|все права|dépôt légal)",
    re.I,
)
# Why: an old book's printer's line, "PRINTED IN THE UNITED STATES" / "AT" / the press.
_PRINTED_RE = re.compile(r"printed\b", re.I)
_JOINS = frozenset({"at", "by", "for"})
# Why: the word that makes a short line under the title a publisher's imprint.
_PUBLISHER_RE = re.compile(
    r"\b(?:publishers?|publishing|verlag|[ée]diteurs?|editores|editorial)\b"
    r"|&\s*co\b|\b(?:company|ltd|limited)\b",
    re.I,
)
IMPRINT_MAX_LINES = 5
IMPRINT_LINE_MAX = 50
#: A copyright page fits on a page: this many lines at most.
COPYRIGHT_MAX_LINES = 20
COPYRIGHT_LINE_MAX = 400
# Why: an epigraph's source, after a dash: "— Seneca", "-- Anon.", "– Emily Dickinson, 1862".
_SOURCE_RE = re.compile(r"(?:—|–|--|―)\s*(?P<source>[^\W\d_].{0,118})")
# Why: an epigraph's source names someone and a work; speech ("-- You're late, said Tom.")
# has a speech verb, a question or exclamation, or ends in a full stop after a word.
_SPEECH_RE = re.compile(
    r"\b(?:said|says|asked|asks|replied|whispered|shouted|cried|called|told)\b|[?!\"“”]"
)
# Why: a source may end in a full stop only after an initial or a short abbreviation
# ("— M.", "— Anon.", "— Jr."): "— Not any more." is a line of speech.
_SOURCE_END_RE = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.$|[^.]$")
# Why: a letter opens with its greeting; signed before the first chapter, it is the story.
_LETTER_RE = re.compile(r"(?:my\s+)?dear(?:est)?\b", re.I)
#: An epigraph's source is a name and perhaps a work: a few words.
SOURCE_MAX_WORDS = 12
EPIGRAPH_MAX_LINES = 8
EPIGRAPH_LINE_MAX = 300
EPIGRAPH_MAX_WORDS = 90
_PAIRS = (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("'", "'"), ("‘", "’"))


@record
class Found:
    """A front page found: how many paragraphs it fills from where it was looked for,
    its lines, and (an epigraph's) its source."""

    end: int
    lines: tuple[str, ...]
    source: str | None = None


Blocks = Sequence[Sequence[str]]
"""The paragraphs from a place up to the first heading, each as its lines."""


def copyright_page(blocks: Blocks) -> Found | None:
    """A copyright block opening `blocks` (see the module docstring): ``end`` counts
    the blocks it takes."""
    if not blocks or not blocks[0] or not _COPYRIGHT_RE.match(blocks[0][0]):
        return None
    lines = list(blocks[0])
    end = 1
    while end < len(blocks):
        if taken := printer(blocks[end:]):
            lines += [" ".join(x for block in blocks[end : end + taken] for x in block)]
            end += taken
        elif all(_copyright_line(line) for line in blocks[end]):
            lines += [_bracketed_words(line) for line in blocks[end]]
            end += 1
        else:
            break
    if len(lines) > COPYRIGHT_MAX_LINES or any(len(x) > COPYRIGHT_LINE_MAX for x in lines):
        return None
    return Found(end, tuple(lines))


def _bracketed_words(line: str) -> str:
    """``[_All rights reserved._]`` as its words in their brackets: the page prints
    plain lines, so the italics' underscores would print."""
    if line.startswith("[") and line.endswith("]"):
        return "[" + unwrapped(line[1:-1]) + "]"
    return line


def _copyright_line(line: str) -> bool:
    # An old book sets the rights in brackets and italics: "[_All rights reserved._]".
    bare = line.lstrip("[(*_ ")
    return bool(_COPYRIGHT_RE.match(bare) or _COPYRIGHT_PAGE_RE.match(bare))


def printer(blocks: Blocks) -> int:
    """How many blocks an old book's printer's line fills: ``PRINTED IN THE UNITED
    STATES`` over ``AT`` over ``THE COUNTRY LIFE PRESS, GARDEN CITY, N.Y.``, set one
    phrase a line; the word alone (``AT``, ``BY``) joins the printer's name to it."""
    lines = [x for block in blocks[:3] for x in block]
    if len(lines) < 3 or not _PRINTED_RE.match(lines[0]) or fold(lines[1]) not in _JOINS:
        return 0
    if any(len(block) != 1 for block in blocks[:3]) or len(lines[2]) > IMPRINT_LINE_MAX:
        return 0
    return 3


def imprint(blocks: Blocks) -> Found | None:
    """An old edition's imprint on its title page: a place, the publisher and the
    word ``Publishers`` (``NEW YORK`` / ``GROSSET & DUNLAP`` / ``_Publishers_``), one
    short line each, ending with the line naming a publisher. It is the source
    edition's, not this book's (``[book] publisher`` names that)."""
    end = 0
    for k, block in enumerate(blocks[:IMPRINT_MAX_LINES]):
        if len(block) != 1 or not _imprint_line(block[0]):
            break
        if _PUBLISHER_RE.search(block[0].strip("_*")):
            end = k + 1
    if not end:
        return None
    return Found(end, tuple(block[0].strip("_*") for block in blocks[:end]))


def _imprint_line(line: str) -> bool:
    """A short line that names (a place, a firm, a year) and says nothing."""
    bare = line.strip("_*")
    return (
        0 < len(bare) <= IMPRINT_LINE_MAX
        and bare[0].isupper()
        and not bare.endswith((",", ";", ":", "!", "?"))
        and not _SPEECH_RE.search(bare)
    )


def epigraph(blocks: Blocks) -> Found | None:
    """An epigraph that is all of `blocks` (it stands right before the first heading):
    a paragraph of quotation, its source after a dash at its foot or next (a letter
    signed before a chapter is longer, or not last)."""
    if not blocks or len(blocks) > 2 or not blocks[0]:
        return None
    lines = [x for block in blocks for x in block]
    if len(blocks) == 2 and len(blocks[1]) != 1:
        return None
    source = _SOURCE_RE.fullmatch(lines[-1])
    quoted = lines[:-1]
    if source is None or not quoted or len(quoted) > EPIGRAPH_MAX_LINES:
        return None
    named = source.group("source").strip()
    if _SPEECH_RE.search(named) or len(named.split()) > SOURCE_MAX_WORDS:
        return None
    if not named[0].isupper() or not _SOURCE_END_RE.search(named):
        return None
    if _LETTER_RE.match(quoted[0].lstrip("\"“‘'«„*_ ")):
        return None
    if any(len(x) > EPIGRAPH_LINE_MAX or _SOURCE_RE.fullmatch(x) for x in quoted):
        return None
    if sum(len(x.split()) for x in quoted) > EPIGRAPH_MAX_WORDS:
        return None
    return Found(len(blocks), unquoted(quoted), named)


def unquoted(lines: list[str]) -> tuple[str, ...]:
    """An epigraph's lines without the quotation marks around the whole of it: the
    page sets it apart already."""
    first, last = lines[0], lines[-1]
    for opening, closing in _PAIRS:
        if first.startswith(opening) and last.rstrip(".,;").endswith(closing):
            body = "\n".join(lines)
            inner = body[len(opening) : body.rstrip(".,;").rfind(closing)]
            if opening not in inner and closing not in inner:
                tail = body[len(body.rstrip(".,;")) :]
                return tuple(x.strip() for x in (inner + tail).split("\n"))
    return tuple(lines)


def prose_blocks(items: Sequence[Item], start: int) -> list[list[str]] | None:
    """The prose items from ``start`` up to the first heading, as lines (a plain-text
    file's); ``None`` when something else stands between or no heading follows."""
    blocks: list[list[str]] = []
    for item in items[start:]:
        if item.kind == "heading":
            return blocks
        if item.kind != "prose":
            return None
        blocks.append(unit_lines(item.unit))
    return None


def next_page(
    blocks: Blocks, found: set[str], locale: Locale, *, dedication: bool = True
) -> tuple[Found | None, str]:
    """The front page opening `blocks` (all the paragraphs up to the first heading) that
    is not among those `found` already, and its name (copyright, dedication, epigraph).
    ``dedication``: one may be read (``book.toml`` gives none)."""
    if "copyright" not in found and (page := copyright_page(blocks)) is not None:
        return page, "copyright"
    if "dedication" not in found and dedication and blocks:
        words, by = locale.dedication_words, locale.by_words
        lines = dedication_lines(list(blocks[0]), words, by)
        if lines is None and epigraph(blocks[1:]) is not None:
            lines = dedication_lines(list(blocks[0]), words, by, sentence=True)
        if lines is not None:
            return Found(1, tuple(lines)), "dedication"
    if "epigraph" not in found and (page := epigraph(blocks)) is not None:
        return page, "epigraph"
    return None, ""


#: The book field each front page gives.
FIELDS = {"copyright": "rights", "dedication": "dedication", "epigraph": "epigraph"}


def recognised(what: str, page: Found) -> str:
    """The note a reader gives for a front page it read."""
    name = "copyright block" if what == "copyright" else what
    return (
        f"{name} recognised: {' / '.join(page.lines)!r} (set on its own page; "
        f"[book] {FIELDS[what]} in book.toml overrides it)"
    )


def page_events(what: str, page: Found, src: Source) -> list[Event]:
    """The metadata events of one front page found at `src`."""
    events: list[Event] = [BookMeta(FIELDS[what], "\n".join(page.lines), src)]
    if page.source:
        events.append(BookMeta("epigraph_source", page.source, src))
    return events


def read_pages(
    paragraphs: Sequence[tuple[int, Sequence[str]]],
    locale: Locale,
    file: str,
    reporter: Reporter,
    *,
    dedication: bool = True,
) -> tuple[list[Event], int]:
    """The metadata events of the front pages opening `paragraphs` (each its number and
    lines, up to the first heading), reported, and how many paragraphs they take."""
    events: list[Event] = []
    found: set[str] = set()
    done = 0
    while done < len(paragraphs) and len(found) < 3:
        blocks = [lines for _, lines in paragraphs[done:]]
        page, what = next_page(blocks, found, locale, dedication=dedication)
        if page is None:
            break
        src = Source(file, paragraphs[done][0])
        events += page_events(what, page, src)
        reporter.add(Code.DEDICATION_RECOGNISED, recognised(what, page), file, src.line)
        done += page.end
        found.add(what)
    return events, done
