"""The opening of a Markdown file: the book's title and ``by`` line, its front pages,
and the title of a chapter whose file has no heading.

A mixin of :class:`~compile_book.readers.markdown.arrange.Arranger`, split from it so
each module reads in one sitting: what stands before a file's first chapter is decided
once, at the top, and never again in the body.
"""

from __future__ import annotations

from ...diagnostics import Code, Reporter
from ...events import BookAuthor, BookTitle, Event, StartChapter, StartPart
from ...locale import Locale
from ...nodes import ChapterKind, Heading, Source
from ...rules.headings import match_heading
from ...rules.markdown import restore, unwrapped
from ...rules.titles import book_title_like, by_line, fold
from ..frontpages import read_pages
from ..structure import Options
from ..titling import raw_inlines
from .front import paragraphs
from .items import Head, Item, Prose
from .levels import heads_next, plain


class Opening:
    """Opening decisions; the arranger provides its file name, options, locale,
    reporter and events."""

    name: str
    options: Options
    locale: Locale
    reporter: Reporter
    events: list[Event]

    def _book_title(self, items: list[Item]) -> int:
        """Take the book's title (and ``by`` line) at the very top; return items used."""
        if len(items) < 2:
            return 0
        found = self._opening_title(items)
        if found is None:
            return 0
        text, src, author = found
        used = 1
        self.events.append(BookTitle(text, src))
        self._note(Code.BOOK_TITLE_RECOGNISED, f"book title line recognised: {text!r}", src.line)
        if author is None:
            author = self._author_under(items)
            if author is None:
                return 1
            used = 2
        self.events.append(BookAuthor(*author))
        name, where = author
        self._note(Code.AUTHOR_LINE_RECOGNISED, f"author line recognised: {name!r}", where.line)
        return used

    def _opening_title(
        self, items: list[Item]
    ) -> tuple[str, Source, tuple[str, Source] | None] | None:
        """The book's title the first item gives, where, and the ``by`` line typed under
        it in the same paragraph; ``None`` when the first item is no title."""
        first = items[0]
        author: tuple[str, Source] | None = None
        if isinstance(first, Head):
            h = first.found
            is_title = bool(
                h.markdown_level == 1
                and h.label is None
                and h.title
                and any(isinstance(it, Head) and it.found.markdown_level > 1 for it in items[1:])
            )
            text = restore(unwrapped(h.title or first.typed))
            is_title = is_title and not self._first_of_its_level(items)
            configured = self.options.title
            # A book.toml title that differs leaves the heading as a heading, words kept.
            is_title = is_title and (configured is None or fold(text).startswith(fold(configured)))
        elif isinstance(first, Prose) and len(first.lines) <= 2:
            text = restore(unwrapped(first.text[: len(first.lines[0])]))
            if len(first.lines) == 2:
                name = by_line(unwrapped(first.lines[1]), self.locale.by_words)
                if name is None:
                    return None
                author = (name, Source(self.name, first.source.line + 1))
            configured = self.options.title
            same = configured is not None and fold(configured) == fold(text)
            is_title = same or (configured is None and book_title_like(text))
        else:
            return None
        return (text, first.source.plain(), author) if is_title else None

    def _author_under(self, items: list[Item]) -> tuple[str, Source] | None:
        """The author named by the item under the title: a ``by`` line (or the name
        ``book.toml`` gives, alone), or a deeper heading holding one; only with more
        of the file after it."""
        second = items[1]
        if isinstance(second, Prose) and len(second.lines) == 1:
            line = unwrapped(second.lines[0])
            name = by_line(line, self.locale.by_words) or self._named(line)
            if name is not None and len(items) > 2:
                return (name, second.source.plain())
        elif isinstance(second, Head) and second.found.markdown_level > 1:
            # "### by Ann Smith" under the title: a by line set as a heading
            typed = restore(unwrapped(second.found.title or ""))
            # "by" in lower case: "## By Night" is the first chapter's heading
            name = by_line(typed, self.locale.by_words) if typed[:1].islower() else None
            if name is not None and len(items) > 2:
                return (name, second.source.plain())
        return None

    def _first_of_its_level(self, items: list[Item]) -> bool:
        """Whether the opening ``#`` heading is the first of the book's chapters rather
        than its title: prose (not a ``by`` line) straight under it, and another plain
        ``#`` heading further on ("# Section 1" ... "# Section 2"); or the first of the
        book's parts: a deeper heading straight under it, and another plain ``#`` with a
        deeper heading under it further on ("# The Early Years" over "## Chapter 1")."""
        after = items[1]
        if isinstance(after, Head) and after.found.markdown_level > 1:
            return any(
                isinstance(it, Head)
                and it.found.markdown_level == 1
                and plain(it.found)
                and heads_next(items, k)
                for k, it in enumerate(items[2:], start=2)
            )
        if not isinstance(after, Prose) or by_line(after.text, self.locale.by_words):
            return False
        return any(
            isinstance(it, Head)
            and it.found.markdown_level == 1
            and it.found.label is None
            and it.found.kind == ChapterKind.CHAPTER
            for it in items[2:]
        )

    def _named(self, line: str) -> str | None:
        """The line, if it is the authors ``book.toml`` names and nothing else (Polish
        and Russian title pages put no "by" before them)."""
        authors = self.options.authors
        forms = {fold(", ".join(authors)), fold(self.locale.join_names(authors))}
        return line.strip() if authors and fold(line) in forms else None

    def _front_pages(self, items: list[Item], i: int) -> int:
        """The book's own copyright block, dedication and epigraph between the title and
        the first heading (:mod:`.front`): its metadata, set on pages of their own."""
        found = paragraphs(items, i)
        if not found:
            return self._front_file(items, i)
        events, used = read_pages(
            found,
            self.locale,
            self.name,
            self.reporter,
            dedication=not self.options.dedication,
        )
        self.events.extend(events)
        return i + used

    def _front_file(self, items: list[Item], i: int) -> int:
        """A first file holding nothing but front pages (``00-front.md``: a dedication,
        an epigraph) gives them all, or none: a file any line of which is not a front
        page (a headingless story) stays text."""
        found = paragraphs(items, i, to_end=self.options.followed)
        if not found:
            return i
        said = Reporter()
        events, used = read_pages(
            found, self.locale, self.name, said, dedication=not self.options.dedication
        )
        if used < len(found) or not events:
            return i
        self.events.extend(events)
        self.reporter.items.extend(said.items)
        return len(items)

    def _headingless_title(self, items: list[Item], i: int) -> int:
        """A short title-case first line of a later file without headings titles its chapter."""
        if i + 1 >= len(items):
            return i
        item = items[i]
        if not isinstance(item, Prose) or len(item.lines) != 1 or not book_title_like(item.text):
            return i
        src = item.source.plain()
        heading = Heading(src, title=raw_inlines(item.text, src))
        self.events.append(StartChapter(ChapterKind.CHAPTER, heading, src))
        self._note(
            Code.CHAPTER_TITLE_RECOGNISED, f"chapter title line recognised: {item.text!r}", src.line
        )
        return i + 1

    def _front_matter_chapter(self, title: str) -> None:
        """A front-matter ``title:`` names the chapter of a file whose body has no heading."""
        src = Source(self.name, 1)
        found = match_heading(title, self.locale)
        if found is not None and found.number is None and found.label is None:
            found = None  # a title that is a bare number is still just a title
        if found is None:
            heading = Heading(src, title=raw_inlines(title, src))
            self.events.append(StartChapter(ChapterKind.CHAPTER, heading, src))
        else:
            heading = Heading(
                src,
                found.label,
                found.number,
                found.number_text,
                raw_inlines(found.title, src),
                as_typed=found.as_typed,
            )
            if found.is_part:
                self.events.append(StartPart(heading))
            else:
                self.events.append(StartChapter(found.kind, heading, src))
        self._note(Code.CHAPTER_TITLE_RECOGNISED, f"chapter title from front matter: {title!r}", 1)

    def _note(self, code: Code, message: str, line: int) -> None:
        self.reporter.add(code, message, self.name, line)
