"""``compile-book stats``: counts a writer and a printer ask for, per chapter and in total.

Everything is counted on the document tree the compiler builds, so the
numbers describe the book as it will be printed:

* **words**: whitespace-separated tokens of body text, telepathy included,
  that hold a letter or digit (a spaced dash or a French « is not a word;
  headings and front matter are not body text);
* **paragraphs** and **scenes** (scene breaks + 1 in every chapter with text);
* **dialogue share**: words inside double quotation marks / all words, using
  the book language's marks (“…” for English and most others, „…“ for German,
  «…» for French); speech running over paragraphs is counted as each
  paragraph reopens its quote, as English style writes it;
* **telepathy spans**: mind-speech spans, a span continued over paragraphs
  counted once;
* **reading time** at :data:`READING_WPM` words a minute;
* **pages**, an estimate for the PDF's trim (below).

Page estimate (an assumption, stated once): a 5.5 x 8.5 in page set in 11.5 pt
holds about :data:`BASE_WORDS_PER_PAGE` words of fiction, as measured on the PDF
backend's own layout (dialogue's short lines included). Other trims scale that by page area, and
other body sizes by the inverse square of the size. Each chapter starts a new
page, on a right-hand page when ``chapter_start = "recto"`` (blank versos
counted); front matter (title pages, contents) is not counted.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from .nodes import Book, Chapter, Inline, Paragraph, SceneBreak, Telepathy, Text, heading_text

if TYPE_CHECKING:
    from rich.table import Table

    from .config import PdfConfig

__all__ = ["BookStats", "ChapterStats", "Counts", "book_stats", "stats", "words_per_page"]

#: Average adult silent reading speed for fiction, words a minute.
READING_WPM = 250
#: Words on a 5.5 x 8.5 in page at 11.5 pt (the default trim and size), measured on
#: the PDF backend's own layout: 100k words of the benchmark novel set on 341 body pages.
BASE_WORDS_PER_PAGE = 300
BASE_TRIM_IN = (5.5, 8.5)
BASE_FONT_PT = 11.5

#: Trim presets in inches (width, height); A5 is 148 x 210 mm.
TRIMS_IN: dict[str, tuple[float, float]] = {
    "5x8": (5.0, 8.0),
    "5.25x8": (5.25, 8.0),
    "5.5x8.5": (5.5, 8.5),
    "6x9": (6.0, 9.0),
    "a5": (148 / 25.4, 210 / 25.4),
}
_UNIT_IN = {"in": 1.0, "mm": 1 / 25.4, "cm": 1 / 2.54, "pt": 1 / 72}
_LENGTH_RE = re.compile(r"^(\d+(?:\.\d+)?)(in|mm|cm|pt)$")

#: Opening and closing double quotation marks of dialogue, by primary language tag.
DIALOGUE_QUOTES: dict[str, tuple[str, str]] = {"de": ("„", "“"), "fr": ("«", "»")}
_DEFAULT_QUOTES = ("“", "”")
# Why: letters/digits joined by apostrophes or hyphens make one word; dashes,
# ellipses, spaces and lone punctuation (a spaced dash, a lone «) are not words.
_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Counts:
    """Counts for a chapter or for the whole book."""

    words: int = 0
    paragraphs: int = 0
    scenes: int = 0
    dialogue_words: int = 0
    telepathy_spans: int = 0
    pages: int = 0

    @property
    def dialogue_share(self) -> float:
        return self.dialogue_words / self.words if self.words else 0.0

    @property
    def reading_minutes(self) -> float:
        return self.words / READING_WPM

    def to_json(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "paragraphs": self.paragraphs,
            "scenes": self.scenes,
            "dialogue_words": self.dialogue_words,
            "dialogue_share": round(self.dialogue_share, 4),
            "telepathy_spans": self.telepathy_spans,
            "reading_minutes": round(self.reading_minutes, 1),
            "pages": self.pages,
        }


@dataclass(frozen=True, slots=True)
class ChapterStats:
    """One chapter's counts, and where it starts."""

    title: str
    file: str
    line: int
    counts: Counts

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "file": self.file, "line": self.line, **self.counts.to_json()}


@dataclass(frozen=True, slots=True)
class BookStats:
    """Per-chapter counts and the totals (``chapters`` is the number of chapters)."""

    title: str
    trim: str
    words_per_page: float
    chapters: tuple[ChapterStats, ...]
    total: Counts = field(default_factory=Counts)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "trim": self.trim,
            "words_per_page": round(self.words_per_page, 1),
            "reading_wpm": READING_WPM,
            "chapters": [c.to_json() for c in self.chapters],
            "total": {"chapters": len(self.chapters), **self.total.to_json()},
        }

    def table(self) -> Table:
        """A rich table: one row per chapter and a total row."""
        from rich.table import Table

        n = len(self.chapters)
        table = Table(
            title=f"{self.title}: {n} chapter{'s' if n != 1 else ''}, "
            f"{self.trim} trim at ~{self.words_per_page:.0f} words/page",
            show_footer=True,
        )
        t = self.total
        names = ("Chapter", "Words", "Paras", "Scenes", "Dialogue", "Telepathy", "Reading", "Pages")
        rows = [_row(ch.title, ch.counts) for ch in self.chapters]
        footer = _row("Total", t)
        footer[-1] = f"~{footer[-1]}"
        for i, name in enumerate(names):
            if i == 0:
                # Why: titles get what the numbers leave, but never less than a short title.
                width = min(24, max(len(name), *(len(r[0]) for r in rows)))
                table.add_column(
                    name, footer=footer[0], overflow="ellipsis", no_wrap=True, min_width=width
                )
                continue
            width = max(len(name), len(footer[i]), *(len(r[i]) for r in rows))
            table.add_column(name, footer=footer[i], justify="right", no_wrap=True, min_width=width)
        for row in rows:
            table.add_row(*row)
        return table


def _row(title: str, c: Counts) -> list[str]:
    return [
        title,
        f"{c.words:,}",
        f"{c.paragraphs:,}",
        f"{c.scenes:,}",
        f"{c.dialogue_share:.0%}",
        f"{c.telepathy_spans:,}",
        format_minutes(c.reading_minutes),
        f"{c.pages:,}",
    ]


def format_minutes(minutes: float) -> str:
    """``7 min``, ``3 h 05 min``."""
    whole = max(1, round(minutes)) if minutes > 0 else 0
    hours, mins = divmod(whole, 60)
    return f"{hours} h {mins:02d} min" if hours else f"{mins} min"


def stats(path: str | os.PathLike[str] = ".") -> BookStats:
    """Counts for a project folder, a folder of manuscripts or one manuscript.

    >>> s = stats("my-novel/")                              # doctest: +SKIP
    >>> s.total.words, s.total.pages, len(s.chapters)       # doctest: +SKIP
    """
    from .api import parse_project
    from .project import load_project

    project = load_project(path)
    return book_stats(parse_project(project), project.config.pdf)


def book_stats(book: Book, pdf: PdfConfig | None = None) -> BookStats:
    """Counts for an already-parsed book, pages estimated for ``pdf``'s trim."""
    if pdf is None:
        from .config import PdfConfig

        pdf = PdfConfig()
    wpp = words_per_page(pdf)
    quotes = DIALOGUE_QUOTES.get(book.meta.language.split("-")[0].lower(), _DEFAULT_QUOTES)
    dialogue_re = re.compile(f"{re.escape(quotes[0])}([^{re.escape(quotes[1])}]*)")
    chapters: list[ChapterStats] = []
    for chapter in book.chapters:
        counts = _chapter_counts(chapter, dialogue_re, wpp)
        untitled = f"({PurePath(chapter.source.file).name}:{chapter.source.line})"
        title = heading_text(chapter.heading) or untitled
        chapters.append(ChapterStats(title, chapter.source.file, chapter.source.line, counts))
    total = _sum([c.counts for c in chapters], recto=pdf.chapter_start == "recto")
    trim = pdf.trim if pdf.trim != "custom" else f"{pdf.width}x{pdf.height}"
    return BookStats(book.meta.title, trim, wpp, tuple(chapters), total)


def words_per_page(pdf: PdfConfig) -> float:
    """Estimated words per page for a trim and body size (see the module docstring)."""
    width, height = _trim_inches(pdf)
    base_area = BASE_TRIM_IN[0] * BASE_TRIM_IN[1]
    return BASE_WORDS_PER_PAGE * (width * height / base_area) * (BASE_FONT_PT / pdf.font_size) ** 2


def _trim_inches(pdf: PdfConfig) -> tuple[float, float]:
    if pdf.trim in TRIMS_IN:
        return TRIMS_IN[pdf.trim]
    width, height = _inches(pdf.width), _inches(pdf.height)
    if width is None or height is None:
        return BASE_TRIM_IN
    return width, height


def _inches(length: str | None) -> float | None:
    match = _LENGTH_RE.match(length or "")
    if match is None:
        return None
    return float(match.group(1)) * _UNIT_IN[match.group(2)]


def _chapter_counts(chapter: Chapter, dialogue_re: re.Pattern[str], wpp: float) -> Counts:
    words = paragraphs = breaks = dialogue = spans = 0
    for block in chapter.blocks:
        if isinstance(block, SceneBreak):
            breaks += 1
            continue
        assert isinstance(block, Paragraph)
        paragraphs += 1
        text = "".join(_texts(block.inlines))
        words += _count_words(text)
        dialogue += sum(_count_words(m.group(1)) for m in dialogue_re.finditer(text))
        spans += _spans(block.inlines)
    scenes = breaks + 1 if paragraphs else 0
    pages = math.ceil(words / wpp) if words else 0
    return Counts(words, paragraphs, scenes, min(dialogue, words), spans, pages)


def _count_words(text: str) -> int:
    """Words as a reader counts them: "said—and" and "Wait…what" are two each;
    "don’t", "half-ducked" and "’90s" one each."""
    return len(_WORD_RE.findall(text))


def _texts(inlines: tuple[Inline, ...]) -> Iterator[str]:
    for node in inlines:
        if isinstance(node, Text):
            yield node.text
        else:
            yield from _texts(node.children)


def _spans(inlines: tuple[Inline, ...]) -> int:
    count = 0
    for node in inlines:
        if isinstance(node, Text):
            continue
        if isinstance(node, Telepathy) and not node.continued:
            count += 1
        count += _spans(node.children)
    return count


def _sum(items: list[Counts], *, recto: bool) -> Counts:
    pages = 0
    for c in items:
        if recto and pages % 2 == 1 and c.pages:
            pages += 1  # a blank verso so the chapter opens on a right-hand page
        pages += c.pages
    return Counts(
        words=sum(c.words for c in items),
        paragraphs=sum(c.paragraphs for c in items),
        scenes=sum(c.scenes for c in items),
        dialogue_words=sum(c.dialogue_words for c in items),
        telepathy_spans=sum(c.telepathy_spans for c in items),
        pages=pages,
    )
