"""The rules of Standard Manuscript Format that do not depend on the file type.

Source: William Shunn, "Proper Manuscript Format" (shunn.net/format; the
short-story guide in its classic and modern versions, last updated July 2021,
and the novel guide). What it asks, and where each writer follows it:

* 12 pt Courier (the "classic" format) or Times New Roman (the "modern" one),
  double-spaced, 1-inch margins all round, left-aligned with a ragged right
  margin, every paragraph's first line indented half an inch, no extra space
  between paragraphs;
* page one: the writer's legal name, address, phone and email single-spaced in
  the upper-left corner, an approximate word count in the upper-right, and the
  title centred a third to half of the way down with "by" and the byline
  (pen) name under it; a story's text begins below the byline, a novel's
  first chapter on the next page;
* from page two, a header in the upper-right corner: the byline's surname, one
  or two keywords of the title and the page number (``Shunn / Format / 5``);
* a scene break is a ``#`` centred on a line of its own, never a blank line,
  which could fall at the foot of a page and vanish;
* each chapter of a novel starts on a new page, its heading about a third of
  the way down;
* italics are italics (underlining was the typewriter's stand-in; some markets
  still ask for it, hence ``underline_italics``);
* ``END`` centred after the last line, so the editor knows nothing is missing.

The word count: Shunn rounds a story to the nearest hundred and a piece edging
into novella territory to the nearest 500; a novel's count is given to the
nearest thousand. The bounds are the SFWA's (Nebula) categories: a novella
from 17,500 words, a novel from 40,000. A piece under a hundred words gives
its exact count, since rounding it would say "about 0 words".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from ... import nodes
from ...locale import get_locale
from ...pagemodel.words import word_count
from ...record import record
from ..common import Headings, PrintedHeading

if TYPE_CHECKING:
    from . import ManuscriptOptions

__all__ = [
    "CHAPTER_DOWN",
    "FONT_SIZE",
    "INDENT",
    "MARGIN",
    "PAPER",
    "SCENE_BREAK",
    "TITLE_DOWN",
    "FrontPage",
    "Plan",
    "Section",
    "approximate",
    "count_text",
    "plan",
    "surname",
]

#: Paper sizes in points (US Letter, A4).
PAPER: dict[str, tuple[float, float]] = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}
#: One inch on every side, in points.
MARGIN = 72.0
#: The first-line indent: half an inch.
INDENT = 36.0
FONT_SIZE = 12.0
SCENE_BREAK = "#"
#: Where the title sits on page one, as a share of the page's height from its top
#: edge: "one third to one half of the way down".
TITLE_DOWN = 0.4
#: Where a chapter's heading sits on its new page ("about a third of the way down").
CHAPTER_DOWN = 1 / 3

#: Word counts from which a piece is a novella, then a novel (SFWA's categories).
NOVELLA = 17_500
NOVEL = 40_000

_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d."})
# Why: "Ursula K. Le Guin" files under "Le Guin", "Jan van der Berg" under "van der Berg".
_PARTICLES = frozenset(
    {"le", "la", "de", "du", "des", "del", "della", "di", "da", "van", "von", "der", "den",
     "ten", "ter", "al", "el", "bin", "ibn", "st.", "saint", "mac"}
)  # fmt: skip


def approximate(words: int) -> int:
    """A word count rounded as Shunn asks: to 100, 500 for a novella, 1,000 for a novel.

    Halves round up (1,450 -> 1,500), as a writer rounds by hand; under 100
    words the count is exact.
    """
    if words < 100:
        return words
    unit = 100 if words < NOVELLA else 500 if words < NOVEL else 1000
    return (words + unit // 2) // unit * unit


def count_text(words: int, *, rounded: bool = True) -> str:
    """The word count as page one prints it: ``about 1,500 words``."""
    noun = "word" if words == 1 else "words"
    about = "about " if rounded and words >= 100 else ""
    return f"{about}{words:,} {noun}"


def surname(name: str) -> str:
    """The surname of a byline for the running header ("Ursula K. Le Guin" -> "Le Guin")."""
    words = [w.rstrip(",") for w in name.split()]
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words.pop()
    if not words:
        return ""
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


@record
class FrontPage:
    """Page one: the contact block, the word count, the title and the byline."""

    contact: tuple[str, ...]
    count: str
    title: str
    subtitle: str | None
    byline: str | None


@record
class Section:
    """A part or a chapter as the manuscript sets it: a new page, its heading, its text.

    ``level`` is the heading's outline level (1 for parts and for the
    chapters of a book without parts, 2 for chapters under a part).
    """

    kind: Literal["part", "chapter"]
    heading: PrintedHeading | None
    blocks: tuple[nodes.Block, ...]
    level: int

    @property
    def head(self) -> str | None:
        """The heading's first line: label and number (``Chapter Two``), if any."""
        if self.heading is None:
            return None
        return " ".join(x for x in (self.heading.label, self.heading.number) if x) or None


@record
class Plan:
    """The whole manuscript, decided once for both writers.

    ``story`` is the short-story layout: the text begins on page one under the
    byline. Otherwise (a novel) page one is a title page and every section
    starts a new page. ``header`` is the running header before the page
    number (``Doe / Lantern / ``); ``end`` the closing mark or ``None``.
    """

    front: FrontPage
    header: str
    story: bool
    sections: tuple[Section, ...]
    end: str | None
    paper: tuple[float, float]


def plan(book: nodes.Book, options: ManuscriptOptions) -> Plan:
    """The manuscript's pages for `book` as ``[submission]`` sets them."""
    meta = book.meta
    locale = get_locale(meta.language)
    byline = options.byline or (locale.join_names(meta.authors) if meta.authors else None)
    name = options.name or (meta.authors[0] if meta.authors else None)
    contact = tuple(
        line.strip()
        for line in (name, *options.address, options.phone, options.email, *options.extra)
        if line and line.strip()
    )
    if options.word_count == "auto":
        count = count_text(approximate(word_count(book)))
    else:
        count = count_text(options.word_count)
    front = FrontPage(contact, count, meta.title, meta.subtitle, byline)
    family = options.surname or (surname(meta.authors[0]) if meta.authors else "")
    keyword = options.keyword or meta.title
    header = " / ".join(x for x in (family.strip(), keyword.strip()) if x) + " / "
    return Plan(
        front=front,
        header=header,
        story=_is_story(book),
        sections=_sections(book, Headings.of(book, options)),
        end=options.end.strip() or None,
        paper=PAPER[options.paper],
    )


def _is_story(book: nodes.Book) -> bool:
    """A story has one chapter and no part headings: its text follows the byline."""
    chapters = [c for part in book.parts for c in part.chapters]
    return len(chapters) == 1 and all(part.heading is None for part in book.parts)


def _sections(book: nodes.Book, headings: Headings) -> tuple[Section, ...]:
    out: list[Section] = []
    for part in book.parts:
        if part.heading is not None:
            out.append(Section("part", headings.part(part.heading), (), 1))
        level = 1 if part.heading is None else 2
        for chapter in part.chapters:
            printed = headings.chapter(chapter.heading) if chapter.heading else None
            out.append(Section("chapter", printed, chapter.blocks, level))
    return tuple(out)
