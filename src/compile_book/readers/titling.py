"""Title lines of a plain-text file: the book's title and ``by`` line at the top of
the first file, a chapter's or part's title line under its number, and the title
line of a file without headings; ALL-CAPS titles set in title case.

A mixin of :class:`~compile_book.readers.structure.StructureReader`, kept apart so
each module reads in one sitting.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..diagnostics import Code, Reporter
from ..events import BookAuthor, BookMeta, BookTitle, Event, StartChapter
from ..locale import Locale, get_locale
from ..nodes import ChapterKind, Heading, Inline, Source, Text
from ..rules.headings import HeadingMatch
from ..rules.paragraphs import Line, Unit
from ..rules.titles import (
    MINOR_WORDS,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    all_caps,
    book_title_like,
    by_line,
    chapter_title_like,
    fold,
    title_cased,
)
from .apparatus import CONTENTS_TITLES, dedication_lines, squeezed, unit_lines
from .frontpages import copyright_page
from .outline import Item

if TYPE_CHECKING:
    from .structure import Options


def raw_inlines(text: str | None, source: Source) -> tuple[Inline, ...]:
    """Heading material as one raw text node (inline structure is parsed later)."""
    return (Text(text, source),) if text else ()


class TitleLines:
    """Title-line decisions; the reader provides its file name, options, reporter and events."""

    name: str
    options: Options
    locale: Locale
    reporter: Reporter
    events: list[Event]
    _titled_file: bool | None = None
    """Whether most numbered chapters of the file have a title line (found on first need)."""

    def _title_line(self, items: list[Item], i: int, found: HeadingMatch) -> Unit | None:
        """The unit after a heading that is its title line, if there is one.

        Why the whole file: a short sentence on its own line under a number ("All for
        nothing.") is a title where most numbered chapters have a title line; where
        most have none, it is the chapter's opening sentence ("Lebeziatnikov looked
        perturbed.").
        """
        unit = _title_line(items, i, found)
        if unit is None or not unit.text.rstrip().endswith((".", "!", "?", "…")):
            return unit
        if all_caps(unit.text):
            return unit
        if self._titled_file is None:
            self._titled_file = _mostly_titled(items)
        return unit if self._titled_file else None

    def _cased(self, text: str | None, src: Source) -> str | None:
        """An ALL-CAPS English title in title case, with a note of the change."""
        cased = title_cased(text) if text and self.options.language.startswith("en") else None
        if cased is None:
            return text
        self.reporter.add(
            Code.TITLE_CASED,
            f"{text!r} set in title case as {cased!r}; type it as you want it printed "
            "to keep your own capitals",
            src.file,
            src.line,
        )
        return cased

    def _book_title(self, items: list[Item]) -> int:
        """Take a title line (and ``by`` line) at the very top of the book; return items used."""
        if len(items) < 2:
            return 0
        first = items[0]
        second = items[1]
        if (
            _header_line(first.unit.text)
            and second.kind == "prose"
            and _header_line(second.unit.text)
        ):
            return 0  # "From: Mara" over "To: Jon": a letter's or a message's header
        if (lone := self._lone_by_line(items)) is not None:
            return lone
        text = self._title_text(items)
        if text is None:
            return 0
        src = Source(self.name, first.unit.line, first.unit.cols[0])
        self.events.append(BookTitle(self._cased(text, src) or text, src))
        self.reporter.add(
            Code.BOOK_TITLE_RECOGNISED, f"book title line recognised: {text!r}", self.name, src.line
        )
        by_words = get_locale(self.options.language).by_words
        at = self._subtitle(items, self._repeated_title(items, 1, text, by_words), by_words)
        found = (
            _by_at(items, at, by_words)
            or _named_at(items, at, self.options.authors, self.options.language)
            or _name_line_at(items, at, self.options.authors, self.locale)
        )
        if found is None:
            return at
        by, second, used = found
        line = second.unit.line
        self.events.append(BookAuthor(by, Source(self.name, line, second.unit.cols[0])))
        self.reporter.add(
            Code.AUTHOR_LINE_RECOGNISED, f"author line recognised: {by!r}", self.name, line
        )
        return used

    def _title_text(self, items: list[Item]) -> str | None:
        """The book's title the first item gives (a level-1 heading over deeper ones, or
        a line reading as a title), else ``None``."""
        first = items[0]
        text = first.unit.text
        configured = self.options.title
        is_title = False
        if first.kind == "heading" and first.heading is not None:
            h = first.heading
            is_title = bool(
                h.markdown_level == 1
                and h.label is None
                and h.title
                and any(it.heading and it.heading.markdown_level > 1 for it in items[1:])
            )
            text = h.title or text
        elif first.kind == "prose" and len(first.unit.lines) == 1:
            if _alternative(items):
                text = text.rstrip(",;: ")
            same = configured is not None and fold(configured) == fold(text)
            by_words = get_locale(self.options.language).by_words
            # Why the by line: most languages write titles in sentence case ("La casa
            # del río"), which no Title Case test sees; a line naming the author under a
            # short line (or under its subtitle: "Der stille Hafen" / "Erzählung" /
            # "von Hans Berger") makes that line the title in any language.
            named = book_title_like(text) or (
                _short_line(text)
                and (
                    _by_at(items, 1, by_words) is not None
                    or _subtitle_over_by(items, 1, by_words, short=True)
                )
            )
            is_title = same or (configured is None and named)
        return text if is_title else None

    def _lone_by_line(self, items: list[Item]) -> int | None:
        """A ``by`` line opening the book with no title over it (Project Gutenberg's
        header held the title) names the author: it is no title (reported)."""
        words = get_locale(self.options.language).by_words
        found = _by_at(items, 0, words)
        if found is None or found[2] != 1:
            return None
        unit = items[0].unit
        self.events.append(BookAuthor(found[0], Source(self.name, unit.line, unit.cols[0])))
        self.reporter.add(
            Code.AUTHOR_LINE_RECOGNISED,
            f"author line recognised: {found[0]!r}",
            self.name,
            unit.line,
        )
        return 1

    def _subtitle(self, items: list[Item], at: int, by_words: tuple[str, ...]) -> int:
        """Take the subtitle line at ``at``, if it is one (an alternative title, or a
        title-like line over the ``by`` line); return the items used."""
        subtitled = _subtitle_over_by(items, at, by_words, short=at == 1)
        if not ((at == 1 and _alternative(items)) or subtitled):
            return at
        sub = items[at].unit
        sub_src = Source(self.name, sub.line)
        subtitle = self._cased(sub.text, sub_src) or sub.text
        self.events.append(BookMeta("subtitle", subtitle, sub_src))
        self.reporter.add(
            Code.BOOK_TITLE_RECOGNISED,
            f"subtitle line recognised: {sub.text!r} ([book] subtitle in book.toml overrides it)",
            self.name,
            sub.line,
        )
        return at + 1

    def _repeated_title(
        self, items: list[Item], at: int, title: str, words: tuple[str, ...]
    ) -> int:
        """Past the title typed again right under itself (``DRACULA`` over ``DRACULA``,
        the half title then the title page) when the ``by`` line follows it (reported)."""
        if not (
            at < len(items)
            and items[at].kind == "prose"
            and len(items[at].unit.lines) == 1
            and squeezed(items[at].unit.text) == squeezed(title)
            and _by_at(items, at + 1, words) is not None
        ):
            return at
        self._half_title_left_out(items[at].unit)
        return at + 1

    def _half_title_left_out(self, unit: Unit) -> None:
        """Report the book's title typed again before the first chapter, left out."""
        self.reporter.add(
            Code.HALF_TITLE_LEFT_OUT,
            f"{unit.text!r} repeats the book's title before the first chapter: left out "
            "as a half title (the title page has it)",
            self.name,
            unit.line,
        )

    def _headingless_title(self, items: list[Item], i: int) -> int:
        """A short title-case first line of a file without headings titles its chapter."""
        if i + 1 >= len(items) or items[i].kind != "prose" or items[i + 1].kind != "prose":
            return i
        unit = items[i].unit
        if len(unit.lines) != 1 or not book_title_like(unit.text):
            return i
        src = Source(self.name, unit.line, unit.cols[0])
        heading = Heading(src, title=raw_inlines(unit.text, src))
        self.events.append(StartChapter(ChapterKind.CHAPTER, heading, src))
        self.reporter.add(
            Code.CHAPTER_TITLE_RECOGNISED,
            f"chapter title line recognised: {unit.text!r}",
            self.name,
            unit.line,
        )
        return i + 1


def _title_line(items: list[Item], i: int, found: HeadingMatch) -> Unit | None:
    """The unit after a heading that is its title line, if there is one."""
    nxt = items[i + 1] if i + 1 < len(items) else None
    if found.title is not None or nxt is None or nxt.kind != "prose":
        return None
    if found.is_part:
        # "Part One" then "The Early Years" on its own line: the part's title.
        if len(nxt.unit.lines) == 1 and book_title_like(nxt.unit.text):
            return nxt.unit
        return None
    # "Chapter 29" then "All for nothing." on its own line: a title line.
    # Only under a *number*: after "Prologue" a short line is the opening sentence.
    if (
        found.number is not None
        and i + 2 < len(items)
        and items[i + 2].kind == "prose"
        # a line opening a block that goes on is the start of the text, not a title
        and not (nxt.unit.blank_before and not items[i + 2].unit.blank_before)
        and chapter_title_like(nxt.unit.text)
    ):
        return nxt.unit
    return None


def _mostly_titled(items: list[Item]) -> bool:
    """At least half the numbered chapter headings without a title of their own have a
    title line under them."""
    numbered = titled = 0
    for k, it in enumerate(items):
        h = it.heading
        if it.kind != "heading" or h is None or h.is_part or h.number is None or h.title:
            continue
        numbered += 1
        titled += _title_line(items, k, h) is not None
    return 2 * titled >= numbered


def _by_at(items: list[Item], k: int, words: tuple[str, ...]) -> tuple[str, Item, int] | None:
    """The author named by a ``by`` line at item ``k`` (or ``by`` alone, the name on the
    next line): the name, its item and how many items the title block uses with it."""
    if k >= len(items) or items[k].kind != "prose":
        return None
    second, used = items[k], k + 1
    by = by_line(second.unit.text, words)
    if (
        by is None
        # "_by_" in italics, as an old title page set it
        and fold(second.unit.text.strip("_*")) in ("by", "written by", *words)
        and len(items) > k + 2
        and items[k + 1].kind == "prose"
        and len(items[k + 1].unit.lines) == 1
    ):
        second, used = items[k + 1], k + 2
        by = by_line("by " + second.unit.text.rstrip(",."))
    if by and len(items) > used and len(second.unit.lines) == 1:
        return by, second, used
    return None


def _named_at(
    items: list[Item], k: int, authors: tuple[str, ...], language: str
) -> tuple[str, Item, int] | None:
    """A line at item ``k`` that is the names ``book.toml`` gives, and nothing else
    ("Anna Kowalska"; "Ann Lee, Bo Kim" or joined in the book's language)."""
    if not authors or k + 1 >= len(items) or items[k].kind != "prose":
        return None
    unit = items[k].unit
    text = unit.text.strip()
    forms = {fold(", ".join(authors)), fold(get_locale(language).join_names(authors))}
    if len(unit.lines) != 1 or fold(text) not in forms:
        return None
    return text, items[k], k + 1


# Why: an author's name alone under a title, without "by": two to four capitalised
# words or initials ("MAREN HOLT", "Lewis Carroll", "H. G. Wells"), nothing else.
NAME_LINE_MIN_WORDS = 2
NAME_LINE_MAX_WORDS = 4
NAME_LINE_MAX_CHARS = 40
_NAME_MARKS = frozenset("'’-")


def name_line(text: str) -> bool:
    """A line that is a person's name and nothing else (see :data:`NAME_LINE_MAX_WORDS`)."""
    words = text.split()
    if not NAME_LINE_MIN_WORDS <= len(words) <= NAME_LINE_MAX_WORDS:
        return False
    return len(text) <= NAME_LINE_MAX_CHARS and all(_name_word(w) for w in words)


def _name_word(word: str) -> bool:
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial
    return (
        len(word) > 1
        and word[0].isupper()
        and all(c.isalpha() or c in _NAME_MARKS for c in word)
        and word.lower() not in MINOR_WORDS
    )


def _name_line_at(
    items: list[Item], k: int, authors: tuple[str, ...], locale: Locale
) -> tuple[str, Item, int] | None:
    """An author's name alone on the line under the title (no ``by``), standing apart,
    with the first chapter or a front page (a contents list, a copyright block, a
    dedication) right under it: ``THE SALT HOUSE`` / ``MAREN HOLT`` / ``Chapter 1``.
    Not where ``book.toml`` names the authors (:func:`_named_at` reads those)."""
    if authors or k + 1 >= len(items) or items[k].kind != "prose":
        return None
    unit, after = items[k].unit, items[k + 1]
    if len(unit.lines) != 1 or not unit.blank_before or not name_line(unit.text):
        return None
    if after.kind == "heading":
        return unit.text.strip(), items[k], k + 1
    first = unit_lines(after.unit)[0] if after.kind == "prose" else ""
    if not after.unit.blank_before or not first:
        return None
    front = (
        fold(first).rstrip(".:") in CONTENTS_TITLES
        or copyright_page([[first]]) is not None
        or dedication_lines([first], locale.dedication_words, locale.by_words) is not None
    )
    return (unit.text.strip(), items[k], k + 1) if front else None


# Why: an e-mail's or a memo's header line ("From: Mara Quinn", "Subject: the house").
_HEADER_LINE_RE = re.compile(
    r"(?:from|to|cc|bcc|subject|date|sent|re|reply-to|memo|attn)\s*:\s*\S.*", re.I
)


def _header_line(text: str) -> bool:
    return bool(_HEADER_LINE_RE.fullmatch(text.split("\n", 1)[0].strip()))


def _short_line(text: str) -> bool:
    """A line short enough for a title, neither a sentence nor dialogue."""
    return (
        0 < len(text.split()) <= TITLE_MAX_WORDS
        and len(text) <= TITLE_MAX_CHARS
        and not text.startswith(("“", '"', "‘", "'", "«", "„", "—", "-"))
        and not text.endswith((".", ",", ";", ":", "!", "?"))
    )


def _subtitle_like(item: Item, words: tuple[str, ...]) -> bool:
    """A line of its own that reads as a title and names no author."""
    unit = item.unit
    return (
        item.kind == "prose"
        and len(unit.lines) == 1
        and by_line(unit.text, words) is None
        and book_title_like(unit.text)
    )


def _subtitle_over_by(items: list[Item], at: int, words: tuple[str, ...], short: bool) -> bool:
    """A subtitle line at ``at`` with the ``by`` line right under it: a line that reads as
    a title, or (`short`: straight under the title) any short line that is no sentence
    ("Erzählung", "A story", "Roman"): sentence case is how most languages write it."""
    if at >= len(items) or _by_at(items, at + 1, words) is None:
        return False
    item = items[at]
    if _subtitle_like(item, words):
        return True
    unit = item.unit
    return (
        short
        and item.kind == "prose"
        and len(unit.lines) == 1
        and by_line(unit.text, words) is None
        and _short_line(unit.text)
    )


def _alternative(items: list[Item]) -> bool:
    """``Frankenstein;`` over ``or, The Modern Prometheus``: an older book's title and
    its alternative title, the first ending in a comma or semicolon."""
    if len(items) < 3 or items[0].kind != "prose" or items[1].kind != "prose":
        return False
    first, second = items[0].unit, items[1].unit
    return (
        len(first.lines) == 1
        and len(second.lines) == 1
        and first.text.rstrip().endswith((",", ";"))
        and fold(second.text).startswith("or,")
        and len(second.text) <= 80
        # "Or should I call you Maggie now?" under "Dear Margaret," is a letter's text.
        and not second.text.rstrip().endswith(("?", "!", "."))
    )


# Why: a wrapped paragraph's first line fills the width; a title line over one is short.
TITLE_OVER_PROSE_RATIO = 0.5
MIN_PROSE_LINE = 40


def mark_title_lines(lines: list[Line], words: tuple[str, ...] = ()) -> None:
    """A title line with a ``by`` line right under it stand alone, whatever the style;
    so does a short title line typed right over the first wrapped paragraph."""
    first = [ln for ln in lines[:40] if ln.text][:2]
    if len(first) < 2 or first[1].no != first[0].no + 1:
        return
    if by_line(first[1].text, words):
        first[0].alone = first[1].alone = True
    elif (
        book_title_like(first[0].text)
        and len(first[1].text) >= MIN_PROSE_LINE
        and len(first[0].text) <= TITLE_OVER_PROSE_RATIO * len(first[1].text)
    ):
        first[0].alone = True
