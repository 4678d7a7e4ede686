"""Transforms: a named, ordered chain of ``Book -> Book`` functions (markdown-it-py's ruler).

The chain, in order (:data:`CHAIN`):

1. ``inlines``     telepathy, emphasis and strong delimiters -> inline nodes
2. ``lint``        manuscript problems: doubled words, unclosed quotes, mixed
                   quotes, long paragraphs (before typography, so positions
                   point at what the writer typed)
3. ``typography``  quotes, dashes, ellipses, no-break spaces, per locale
4. ``literals``    backslash-escaped characters put back as typed
5. ``matter``      title page, copyright, dedication, epigraph and contents
                   title built from the metadata, in the book's language

Each transform reports its own diagnostics through the :class:`Context`.
``inlines``, ``lint`` and ``typography`` can be switched off in
``book.toml`` (``[transforms]``); ``literals`` and ``matter`` always run.
Adding a transform is one module with a ``run(book, context)`` function and
one line here.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from ..config import BookConfig
from ..diagnostics import Code, Diagnostic, Reporter
from ..locale import Locale, get_locale
from ..nodes import Book, Chapter, Heading, Inline
from ..rules.typography import Typographer
from .flat import Ahead

__all__ = ["CHAIN", "Context", "Memo", "Transform", "apply", "chain_for", "map_chapters"]


ChapterResult = tuple[Chapter, tuple[Diagnostic, ...], Counter[tuple[Code, str]]]


class Memo:
    """Per-chapter transform results kept across compiles (``build --watch``).

    A transform's work on a chapter depends only on the chapter and the
    config, so an unchanged chapter's result, diagnostics and counts are
    replayed instead of recomputed; unchanged chapters come back as the very
    same nodes. Keyed by transform name and the chapter's value.

    Why the keys keep their hash, and the very same chapter is found by
    identity first: a tree's hash is computed afresh, node by node, on every
    use; hashing every chapter of a long book for each transform was most of
    a one-chapter rebuild. A chapter equal to a remembered one but another
    object (its file was read again) is found by value, hashed once.
    """

    def __init__(self) -> None:
        self._results: dict[_Key, ChapterResult] = {}
        self._same: dict[tuple[str, int], _Key] = {}
        self._live: set[_Key] = set()
        self._missed: _Key | None = None

    def _key(self, name: str, chapter: Chapter) -> _Key:
        known = self._same.get((name, id(chapter)))
        if known is not None and known.chapter is chapter:
            return known
        return _Key(name, chapter)

    def get(self, name: str, chapter: Chapter) -> ChapterResult | None:
        key = self._key(name, chapter)
        found = self._results.get(key)
        if found is None:
            self._missed = key
            return None
        if key.chapter is not chapter or (name, id(chapter)) not in self._same:
            # Equal, but another object: remember this one, found by identity next time.
            del self._results[key]
            key = _Key(name, chapter, key.hash)
            self._results[key] = found
            self._same[(name, id(chapter))] = key
        self._live.add(key)
        return found

    def put(self, name: str, chapter: Chapter, result: ChapterResult) -> None:
        key = self._missed
        if key is None or key.chapter is not chapter or key.name != name:
            key = _Key(name, chapter)
        self._missed = None
        self._live.add(key)
        self._results[key] = result
        self._same[(name, id(chapter))] = key

    def prune(self) -> None:
        """Forget the chapters the last compile did not use."""
        self._results = {k: v for k, v in self._results.items() if k in self._live}
        self._same = {(k.name, id(k.chapter)): k for k in self._results}
        self._live = set()


class _Key:
    """A transform's name and a chapter, hashed once (the chapter's own hash walks its tree)."""

    __slots__ = ("chapter", "hash", "name")

    def __init__(self, name: str, chapter: Chapter, hashed: int | None = None) -> None:
        self.name = name
        self.chapter = chapter
        self.hash = hash((name, chapter)) if hashed is None else hashed

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Key):
            return NotImplemented
        return self.name == other.name and (
            self.chapter is other.chapter or self.chapter == other.chapter
        )


@dataclass(slots=True)
class Context:
    """What every transform may use: the config, the book's locale, a reporter, the time.

    ``tally`` counts per-file normalisations (``(code, file) -> n``) that a
    transform reports as one summary line per file.
    """

    config: BookConfig
    locale: Locale
    reporter: Reporter
    when: datetime
    memo: Memo | None = None
    tally: Counter[tuple[Code, str]] = field(default_factory=Counter)
    _typographer: Typographer | None = None
    flats: Ahead = field(default_factory=Ahead)
    """Paragraphs the linter flattened, for typography (see :class:`.flat.Ahead`)."""

    @property
    def typographer(self) -> Typographer:
        """The book's typographer, shared so a paragraph's quotes are curled once
        (the linter reads them before typography sets them)."""
        if self._typographer is None:
            self._typographer = Typographer(self.config.typography, self.locale)
        return self._typographer

    def each_chapter(self, name: str, book: Book, change: Callable[[Chapter], Chapter]) -> Book:
        """The book with ``change`` applied to every chapter (replayed from the memo)."""
        return map_chapters(book, lambda chapter: self._chapter(name, chapter, change))

    def _chapter(
        self, name: str, chapter: Chapter, change: Callable[[Chapter], Chapter]
    ) -> Chapter:
        if self.memo is None:
            return change(chapter)
        hit = self.memo.get(name, chapter)
        if hit is not None:
            result, diagnostics, tally = hit
            self.reporter.items.extend(diagnostics)
            self.tally.update(tally)
            return result
        mark = len(self.reporter.items)
        outer, self.tally = self.tally, Counter()
        result = change(chapter)
        tally, self.tally = self.tally, outer
        outer.update(tally)
        self.memo.put(name, chapter, (result, tuple(self.reporter.items[mark:]), tally))
        return result

    def summarise(self, code: Code, message: str) -> None:
        """One diagnostic per file for ``code``'s tally (``message`` takes ``{n}``)."""
        for (counted, file), n in self.tally.items():
            if counted == code and n:
                self.reporter.add(code, message.format(n=n), file)


Transform = Callable[[Book, Context], Book]

#: (name, module holding ``run``, can be switched off in ``[transforms]``)
CHAIN: tuple[tuple[str, str, bool], ...] = (
    ("inlines", "compile_book.transforms.inlines", True),
    ("lint", "compile_book.transforms.lint", True),
    ("typography", "compile_book.transforms.typography", True),
    ("literals", "compile_book.transforms.literals", False),
    ("matter", "compile_book.transforms.matter", False),
)


def chain_for(config: BookConfig) -> list[tuple[str, Transform]]:
    """The transforms this config runs, in order."""
    switches = config.transforms
    out: list[tuple[str, Transform]] = []
    for name, module, optional in CHAIN:
        if optional and not getattr(switches, name):
            continue
        run: Transform = importlib.import_module(module).run
        out.append((name, run))
    return out


def apply(book: Book, config: BookConfig, when: datetime, memo: Memo | None = None) -> Book:
    """Run the configured chain over an assembled book; its diagnostics join the book's."""
    context = Context(config, get_locale(config.language), Reporter(), when, memo)
    for _, run in chain_for(config):
        book = run(book, context)
    from ..assemble import sort_diagnostics

    order: dict[str, int] = {}
    for d in book.diagnostics:
        order.setdefault(d.file, len(order))
    diagnostics = sort_diagnostics([*book.diagnostics, *context.reporter.items], order)
    if memo is not None:
        memo.prune()
    return dataclasses.replace(book, diagnostics=tuple(diagnostics))


def map_chapters(book: Book, change: Callable[[Chapter], Chapter]) -> Book:
    """The book with every chapter replaced by ``change(chapter)``, in reading order."""
    parts = tuple(
        dataclasses.replace(part, chapters=tuple(change(c) for c in part.chapters))
        for part in book.parts
    )
    return dataclasses.replace(book, parts=parts)


def heading_inlines(
    heading: Heading, change: Callable[[tuple[Inline, ...]], tuple[Inline, ...]]
) -> Heading:
    """A heading with its title and subtitle inlines replaced by ``change``."""
    title = change(heading.title) if heading.title else heading.title
    subtitle = change(heading.subtitle) if heading.subtitle else heading.subtitle
    if title is heading.title and subtitle is heading.subtitle:
        return heading
    return dataclasses.replace(heading, title=title, subtitle=subtitle)
