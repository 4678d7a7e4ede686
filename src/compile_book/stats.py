"""``compile-book stats``: counts a writer and a printer ask for, per chapter and in total.

Everything is counted on the document tree the compiler builds, so the
numbers describe the book as it will be printed:

* **words**: whitespace-separated tokens of body text, telepathy included,
  that hold a letter or digit (a spaced dash or a French « is not a word;
  headings and front matter are not body text);
* **paragraphs** and **scenes** (scene breaks + 1 in every chapter with text);
* **dialogue share**: words inside double quotation marks / all words, using
  the book language's marks (“…” for English, „…“ for German, «…» for French,
  Spanish, Italian, Portuguese; a leading dash where the locale marks dialogue
  so); speech running over paragraphs is counted as each paragraph reopens its
  quote, as English style writes it;
* **telepathy spans**: mind-speech spans, a span continued over paragraphs
  counted once;
* **reading time** at :data:`READING_WPM` words a minute;
* **pages**: the PDF writer's own page model (:mod:`compile_book.pagemodel`):
  each chapter's pages from its opener to its last line, and for the book the
  pages of the printed PDF, front matter, part title pages and blank versos
  included (so the total is more than the chapters' sum). ``words_per_page``
  is the model's figure for average fiction on this trim, size and leading.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from .locale import get_locale
from .nodes import (
    Book,
    Chapter,
    Inline,
    SceneBreak,
    Span,
    Subheading,
    Telepathy,
    heading_text,
    plain_text,
)
from .pagemodel import BASE_WORDS_PER_PAGE, count_words, paginate, word_count, words_per_page
from .record import record

if TYPE_CHECKING:
    from rich.table import Table

    from .pdfconfig import PdfConfig

__all__ = [
    "BASE_WORDS_PER_PAGE",
    "BookStats",
    "ChapterStats",
    "Counts",
    "book_stats",
    "format_minutes",
    "stats",
    "word_count",
    "words_per_page",
]

#: Average adult silent reading speed for fiction, words a minute.
READING_WPM = 250


def dialogue_pattern(language: str) -> re.Pattern[str]:
    """What dialogue looks like in the book's language (its locale says).

    Quotation marks: the words between the locale's double quotes. A dash (Spanish
    raya, Portuguese travessão): the speech from the dash that opens a paragraph to
    the first tag (`` —dijo él``, Portuguese ``\u00a0— disse ele``, the dash spaced
    there); speech resumed after a tag is not counted.
    """
    locale = get_locale(language)
    if locale.dialogue == "dash":
        return re.compile(r"^—([^—]*?)(?:\s—|$)")
    open_q, close_q = locale.quotes.open_double, locale.quotes.close_double
    return re.compile(f"{re.escape(open_q)}([^{re.escape(close_q)}]*)")


@record
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


@record
class ChapterStats:
    """One chapter's counts, and where it starts."""

    title: str
    file: str
    line: int
    counts: Counts

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "file": self.file, "line": self.line, **self.counts.to_json()}


@record
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
    """Counts for an already-parsed book, pages estimated for ``pdf``'s layout."""
    if pdf is None:
        from .pdfconfig import PdfConfig

        pdf = PdfConfig()
    pages = paginate(book, pdf)
    dialogue_re = dialogue_pattern(book.meta.language)
    chapters: list[ChapterStats] = []
    for chapter, chapter_pages in zip(book.chapters, pages.chapters, strict=True):
        counts = _chapter_counts(chapter, dialogue_re, chapter_pages)
        untitled = f"({PurePath(chapter.source.file).name}:{chapter.source.line})"
        title = heading_text(chapter.heading) or untitled
        chapters.append(ChapterStats(title, chapter.source.file, chapter.source.line, counts))
    total = _sum([c.counts for c in chapters], pages=pages.total)
    trim = pdf.trim if pdf.trim != "custom" else f"{pdf.width}x{pdf.height}"
    return BookStats(book.meta.title, trim, pages.words_per_page, tuple(chapters), total)


def _chapter_counts(chapter: Chapter, dialogue_re: re.Pattern[str], pages: int) -> Counts:
    from .sequences import sequences

    words = paragraphs = breaks = dialogue = spans = 0
    for block in chapter.blocks:
        if isinstance(block, SceneBreak):
            breaks += 1
            continue
        if isinstance(block, Subheading):  # its words count; it is no paragraph
            words += count_words(plain_text(block.inlines))
            continue
        # A quotation, verse, a list or a note is read as part of the text too.
        paragraphs += 1
        for inlines in sequences((block,)):
            text = plain_text(inlines)
            words += count_words(text)
            dialogue += sum(count_words(m.group(1)) for m in dialogue_re.finditer(text))
            spans += _spans(inlines)
    scenes = breaks + 1 if paragraphs else 0
    return Counts(words, paragraphs, scenes, min(dialogue, words), spans, pages)


def _spans(inlines: tuple[Inline, ...]) -> int:
    """Telepathy spans (a span continued over paragraphs counted once); not inside notes,
    which are sequences of their own."""
    count = 0
    for node in inlines:
        if isinstance(node, Telepathy) and not node.continued:
            count += 1
        if isinstance(node, Span):
            count += _spans(node.children)
    return count


def _sum(items: list[Counts], *, pages: int) -> Counts:
    return Counts(
        words=sum(c.words for c in items),
        paragraphs=sum(c.paragraphs for c in items),
        scenes=sum(c.scenes for c in items),
        dialogue_words=sum(c.dialogue_words for c in items),
        telepathy_spans=sum(c.telepathy_spans for c in items),
        pages=pages,
    )
