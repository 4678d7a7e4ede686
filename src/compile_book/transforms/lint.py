"""The ``lint`` transform: manuscript problems worth a writer's attention (warnings only).

Runs after ``inlines`` and before ``typography``, so every position it
reports is where the writer typed the problem:

* W103 doubled words (``and and``), except doublings the language uses on
  purpose (the locale's lists), a phrase ending where the next begins ("tell
  you you're") and a capitalised doubling the book repeats (a name). Across a
  soft line wrap a doubling is a slip the writer cannot see and is reported;
  across the lines of verse (hard breaks) it is deliberate and is not;
* W107 very long paragraphs (often a lost paragraph break);
* W101 double quotes left open at the end of a paragraph, unless the next
  paragraph reopens them (speech running over paragraphs) or goes on with a
  dialogue dash until a closing quote ends the exchange (French « … — … »);
  judged on the quotes as typography will curl them, in the book's language;
* W104 straight and curly quotes mixed in one file;
* W128 markup left in the text (``**``, ``<i>``, ``&nbsp;``, ``](http``).

The tree is returned unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

from .. import keeping
from ..diagnostics import Code, Reporter
from ..nodes import Book, Chapter, Paragraph, Text
from ..record import record
from ..rules import lint
from ..sequences import notes, sequences
from . import Context
from .flat import OPEN, Flat, flatten
from .flat import texts as flat_texts


class _QuoteWatch:
    """A paragraph that ended with a quote still open, awaiting the next paragraph."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.open: tuple[str, int, int] | None = None

    def flush(self) -> None:
        if self.open is not None:
            file, line, col = self.open
            self.reporter.add(
                Code.UNCLOSED_QUOTE,
                "quotation opened here is never closed; add the closing quote",
                file,
                line,
                col,
            )
        self.open = None


class _Linter:
    def __init__(self, context: Context) -> None:
        self.reporter = context.reporter
        self.typographer = context.typographer
        locale = context.locale
        self.doubles = (locale.doubled_words, locale.phrase_doubles, locale.joiners)
        telepathy = context.config.telepathy.delimiters
        self.delimiters = frozenset(d for pair in telepathy for d in pair)
        self.flats = context.flats

    def chapter(self, chapter: Chapter) -> Chapter:
        quotes = _QuoteWatch(self.reporter)
        for block in chapter.blocks:
            if not isinstance(block, Paragraph):
                # A scene break, a quotation, verse or a list: speech does not run on.
                quotes.flush()
                for inlines in sequences((block,)):
                    self._words(flatten(inlines))
                continue
            flat = self.flats.keep(block.inlines)  # typography sets it next
            if flat.nodes:
                self._words(flat)
                self._quotes(flat, quotes)
            for note in notes(block.inlines):
                for inlines in sequences(note.blocks):
                    self._words(flatten(inlines))
        quotes.flush()
        return chapter

    def _words(self, flat: Flat) -> None:
        if not flat.nodes:
            return
        for offset, words in lint.doubled_words(flat.text, *self.doubles):
            line, col = flat.source_at(offset)
            self.reporter.add(
                Code.DOUBLED_WORD, f"doubled word {words!r}; delete one", flat.file, line, col
            )
        for offset, markup in lint.leaked_markup(flat.text, self.delimiters):
            line, col = flat.source_at(offset)
            self.reporter.add(
                Code.MARKUP_LEAKED,
                f"{markup!r} would print as typed; remove it, or escape it with a backslash "
                "if it belongs to the text",
                flat.file,
                line,
                col,
            )
        n_words = flat.text.count(" ") + 1
        if n_words > lint.LONG_PARAGRAPH_WORDS:
            line, col = flat.source_at(0)
            self.reporter.add(
                Code.LONG_PARAGRAPH,
                f"paragraph of {n_words} words; a paragraph break may be missing",
                flat.file,
                line,
                col,
            )

    def _quotes(self, flat: Flat, watch: _QuoteWatch) -> None:
        open_q, close_q = self.typographer.double_quotes
        if open_q == close_q and self.typographer.config.quotes:
            # Swedish ” opens and closes: judge on the English forms curling chose.
            curled, open_q, close_q = self.typographer.curl(flat.text), "“", "”"
        else:
            curled = self.typographer.curled(flat.text)
        head = curled.lstrip(OPEN + " \t")
        # A paragraph opening with the quote goes on with the speech (English); one
        # opening with a dash is the next turn of an exchange one « opened (French).
        opens = head.startswith(open_q)
        turn = head[:1] in _TURN_DASHES
        at, closes_earlier = lint.quote_balance(curled, open_q, close_q)
        if watch.open is not None and not (opens or turn):
            watch.flush()
        if at is not None:
            line, col = flat.source_at(at)
            watch.open = (flat.file, line, col)
        elif not turn or closes_earlier:
            watch.open = None


# Why: dialogue turns inside one quotation start with a dash (French, Italian, Russian).
_TURN_DASHES = frozenset("—–-")


def _drop_names(reporter: Reporter) -> None:
    """Take back the capitalised doublings the book repeats: ``Isaac Isaac`` said again
    and again is a character's name, said once it is a slip. (Done on the reported
    findings, so chapters replayed from the memo count too.)"""
    counts: Counter[str] = Counter()
    names: list[tuple[int, str]] = []
    for i, d in enumerate(reporter.items):
        m = _DOUBLED_MESSAGE.match(d.message) if d.code is Code.DOUBLED_WORD else None
        if m is not None and lint.is_name_double(m.group(1)):
            counts[m.group(1).lower()] += 1
            names.append((i, m.group(1).lower()))
    drop = {i for i, words in names if counts[words] >= lint.NAME_DOUBLE_REPEATS}
    if drop:
        reporter.items[:] = [d for i, d in enumerate(reporter.items) if i not in drop]


_DOUBLED_MESSAGE = re.compile(r"doubled word '(\w+ \w+)'")


@record
class _Quotes:
    """One chapter's double quotes: how many of each kind, and where each kind first is
    (the line and column of the first text holding it)."""

    straight: int
    curly: int
    first_straight: tuple[int, int] | None
    first_curly: tuple[int, int] | None


def _first_at(texts: list[Text], marks: tuple[str, ...]) -> tuple[int, int] | None:
    for node in texts:
        found = [i for i in (node.text.find(q) for q in marks) if i >= 0]
        if found:
            return node.source.at(min(found))
    return None


def _chapter_quotes(chapter: Chapter) -> _Quotes:
    texts: list[Text] = []
    if chapter.heading is not None:
        texts.extend(flat_texts(chapter.heading.title))
    for inlines in sequences(chapter.blocks):
        texts.extend(flat_texts(inlines))
    straight = sum(t.text.count('"') for t in texts)
    curly = sum(t.text.count("“") + t.text.count("”") for t in texts)
    return _Quotes(
        straight,
        curly,
        _first_at(texts, ('"',)) if straight else None,
        _first_at(texts, ("“", "”")) if curly else None,
    )


class _KeptQuotes:
    """Each chapter's quote counts, kept from the last compile (``build --watch``).

    Why: mixed quotes are judged per file, over every chapter; the unchanged
    chapters come back as the very same nodes after an edit, and counting the
    quotes of a whole long book again was a tenth of a one-chapter rebuild.
    Kept only while builds repeat (:mod:`compile_book.keeping`).
    """

    last: ClassVar[dict[int, tuple[Chapter, _Quotes]]] = {}

    @classmethod
    def by_file(cls, book: Book) -> list[tuple[str, list[_Quotes]]]:
        """Each manuscript's chapters' counts, in reading order."""
        used: dict[int, tuple[Chapter, _Quotes]] = {}
        files: list[tuple[str, list[_Quotes]]] = []
        for part in book.parts:
            for chapter in part.chapters:
                kept = cls.last.get(id(chapter))
                if kept is None or kept[0] is not chapter:
                    kept = (chapter, _chapter_quotes(chapter))
                used[id(chapter)] = kept
                if not files or files[-1][0] != chapter.source.file:
                    files.append((chapter.source.file, []))
                files[-1][1].append(kept[1])
        cls.last = used if keeping.enabled() else {}
        return files


def _mixed_quotes(book: Book, reporter: Reporter) -> None:
    for name, chapters in _KeptQuotes.by_file(book):
        straight = sum(q.straight for q in chapters)
        curly = sum(q.curly for q in chapters)
        if not straight or not curly:
            continue
        minority_curly = curly <= straight
        for q in chapters:
            at = q.first_curly if minority_curly else q.first_straight
            if at is not None:
                reporter.add(
                    Code.MIXED_QUOTES,
                    "straight and curly quotes are mixed in this file; use one kind throughout",
                    name,
                    *at,
                )
                break


def run(book: Book, context: Context) -> Book:
    """Report the manuscript's problems; the tree is unchanged."""
    book = context.each_chapter("lint", book, _Linter(context).chapter)
    _drop_names(context.reporter)
    _mixed_quotes(book, context.reporter)
    return book
