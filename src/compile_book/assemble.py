"""Assembly: the events of every file, in book order -> one :class:`~compile_book.nodes.Book`.

The book-level decisions live here, in one place: the title and author
(from ``book.toml``, else the first file's title and ``by`` lines, else the
file name), parts and the chapters under them (an epilogue stands outside
the last part), every file opening a new chapter, the chapter-number
sequence, empty chapters, and scene breaks at a chapter's edge (dropped) or
doubled (merged). The result is checked by :func:`~compile_book.nodes.validate`.

Paragraphs arrive raw: the tree that leaves assembly holds each paragraph as
one :class:`~compile_book.nodes.Text`; the transforms give it structure.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import BookConfig, isbn_digits
from .diagnostics import Code, Diagnostic, Reporter
from .events import (
    BlockNode,
    BookAuthor,
    BookMeta,
    BookTitle,
    Break,
    FileEvents,
    Para,
    StartChapter,
    StartPart,
)
from .nodes import (
    Block,
    Book,
    Chapter,
    ChapterKind,
    Heading,
    Metadata,
    Paragraph,
    Part,
    SceneBreak,
    Series,
    Source,
    Text,
    validate,
)
from .readers import SUFFIXES

__all__ = ["assemble", "metadata"]


@dataclass(slots=True)
class _OpenChapter:
    kind: ChapterKind
    heading: Heading | None
    source: Source
    blocks: list[Block] = field(default_factory=list)


class _Assembler:
    """Builds parts and chapters, keeping the tree's invariants as blocks arrive."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.parts: list[Part] = []
        self.part_heading: Heading | None = None
        self.part_source: Source | None = None
        self.chapters: list[Chapter] = []
        self.chapter: _OpenChapter | None = None
        self.last_number: int | None = None

    def start_part(self, heading: Heading) -> None:
        self.close_chapter()
        self._close_part()
        self.part_heading = heading
        self.part_source = heading.source

    def start_chapter(self, kind: ChapterKind, heading: Heading | None, source: Source) -> None:
        self.close_chapter()
        if kind is ChapterKind.EPILOGUE and self.part_heading is not None:
            # The epilogue belongs to the whole book, not to the last part: it
            # stands at the top level, like a prologue before Part One.
            self._close_part()
        self.chapter = _OpenChapter(kind, heading, source)
        if heading is not None and heading.number is not None:
            self._check_sequence(heading)

    def _check_sequence(self, heading: Heading) -> None:
        number = heading.number
        assert number is not None
        last = self.last_number
        restarted = number == 1 and not self.chapters and self.part_heading is not None
        if last is not None and number != last + 1 and not restarted:
            what = "repeats" if number == last else "is out of sequence"
            self.reporter.add(
                Code.CHAPTER_SEQUENCE,
                f"chapter number {heading.number_text} {what} (previous was {last}); "
                "renumber the chapter",
                heading.source.file,
                heading.source.line,
                heading.source.col,
            )
        self.last_number = number

    def close_chapter(self) -> None:
        ch = self.chapter
        if ch is None:
            return
        self.chapter = None
        blocks = ch.blocks
        if blocks and isinstance(blocks[-1], SceneBreak):
            src = blocks.pop().source
            self._retract(Code.SCENE_BREAK_RECOGNISED, src)
            self.reporter.add(
                Code.SCENE_BREAK_AT_EDGE,
                "scene break at the end of a chapter was dropped; remove the divider",
                src.file,
                src.line,
                src.col,
            )
        if not blocks and ch.heading is None:
            return  # nothing was written here (a file holding only a divider)
        if not blocks:
            self.reporter.add(
                Code.EMPTY_CHAPTER,
                "chapter has no text; write it, or remove the heading",
                ch.source.file,
                ch.source.line,
                ch.source.col,
            )
        self.chapters.append(Chapter(ch.kind, ch.heading, tuple(blocks), ch.source))

    def _retract(self, code: Code, src: Source) -> None:
        """Withdraw a note that a later decision contradicts (a break kept, then dropped)."""
        items = self.reporter.items
        for k in range(len(items) - 1, -1, -1):
            d = items[k]
            if d.code == code and d.file == src.file and d.line == src.line:
                del items[k]
                return

    def _close_part(self) -> None:
        if self.chapters or self.part_heading is not None:
            source = self.part_source or (
                self.chapters[0].source if self.chapters else Source("", 0)
            )
            self.parts.append(Part(self.part_heading, tuple(self.chapters), source))
        self.chapters = []
        self.part_heading = None
        self.part_source = None

    def finish(self) -> tuple[Part, ...]:
        self.close_chapter()
        self._close_part()
        return tuple(self.parts)

    def _ensure_chapter(self, source: Source) -> _OpenChapter:
        if self.chapter is None:
            self.chapter = _OpenChapter(ChapterKind.CHAPTER, None, source)
        return self.chapter

    def add_break(self, source: Source) -> None:
        ch = self._ensure_chapter(source)
        if not ch.blocks:
            self.reporter.add(
                Code.SCENE_BREAK_AT_EDGE,
                "scene break at the start of a chapter was dropped; remove the divider",
                source.file,
                source.line,
                source.col,
            )
        elif isinstance(ch.blocks[-1], SceneBreak):
            self.reporter.add(
                Code.SCENE_BREAK_DROPPED,
                "second scene break in a row dropped",
                source.file,
                source.line,
            )
        else:
            ch.blocks.append(SceneBreak(source))
            self.reporter.add(
                Code.SCENE_BREAK_RECOGNISED, "scene break recognised", source.file, source.line
            )

    def add_block(self, block: Block) -> None:
        if isinstance(block, SceneBreak):
            self.add_break(block.source)
        else:
            self._ensure_chapter(block.source).blocks.append(block)

    def add_paragraph(self, para: Para) -> None:
        node = Paragraph((Text(para.text, para.source),), para.source.plain())
        self._ensure_chapter(para.source).blocks.append(node)


def assemble(files: Sequence[FileEvents], config: BookConfig, name_hint: str = "") -> Book:
    """Build the book from every file's events, in book order."""
    reporter = Reporter()
    asm = _Assembler(reporter)
    title: str | None = None
    author: str | None = None
    declared: dict[str, str] = {}
    for index, result in enumerate(files):
        # Every file starts a new chapter (a file without a heading is one chapter).
        asm.close_chapter()
        for event in result.events:
            match event:
                case Para():
                    asm.add_paragraph(event)
                case BlockNode():
                    asm.add_block(event.block)
                case Break():
                    asm.add_break(event.source)
                case StartChapter():
                    asm.start_chapter(event.kind, event.heading, event.source)
                case StartPart():
                    asm.start_part(event.heading)
                case BookTitle():
                    if index == 0:
                        title = event.text
                case BookAuthor():
                    if index == 0:
                        author = event.name
                case BookMeta():
                    if index == 0:
                        declared[event.key] = event.value
    parts = asm.finish()
    order = {f.name: k for k, f in enumerate(files)}
    diagnostics = sort_diagnostics(
        [*(d for f in files for d in f.diagnostics), *reporter.items], order
    )
    hint = name_hint or (files[0].name if files else "")
    meta = metadata(config, title, author, hint, declared)
    book = Book(meta, parts, tuple(diagnostics))
    validate(book)
    return book


def sort_diagnostics(items: Sequence[Diagnostic], order: dict[str, int]) -> list[Diagnostic]:
    """Diagnostics in book order: by file (as read), then line and column."""
    return sorted(items, key=lambda d: (order.get(d.file, len(order)), d.line, d.col))


#: Metadata a manuscript may declare (``BookMeta``), and the book.toml key that wins.
DECLARABLE = ("language", "subtitle", "date", "rights", "description")


def metadata(
    config: BookConfig,
    title: str | None,
    author: str | None,
    hint: str,
    declared: dict[str, str] | None = None,
) -> Metadata:
    """The book's metadata: ``book.toml`` first, then what the manuscript said, then defaults."""
    cfg = config
    given = {k: v for k, v in (declared or {}).items() if k in DECLARABLE}
    # Only keys book.toml leaves unset are taken from the manuscript.
    overrides = {k: v for k, v in given.items() if k not in cfg.model_fields_set}
    if overrides:
        cfg = cfg.model_copy(update=overrides)
    title = cfg.title or title or _title_from_name(hint)
    authors = tuple(cfg.authors) or ((author,) if author else ())
    identifier = cfg.identifier or (
        f"urn:isbn:{isbn_digits(cfg.isbn)}" if cfg.isbn else _generated_identifier(title, authors)
    )
    return Metadata(
        title=title,
        language=cfg.language,
        identifier=identifier,
        authors=authors,
        subtitle=cfg.subtitle,
        publisher=cfg.publisher,
        date=cfg.date,
        description=cfg.description,
        series=Series(cfg.series.name, cfg.series.number) if cfg.series else None,
        rights=cfg.rights,
        isbn=cfg.isbn,
        edition=cfg.edition,
        dedication=cfg.dedication,
        epigraph=cfg.epigraph,
        epigraph_source=cfg.epigraph_source,
    )


def _generated_identifier(title: str, authors: tuple[str, ...]) -> str:
    """A UUID derived from title and authors: stable across builds, unlike uuid4."""
    name = "compile-book:" + "|".join((title, *authors))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _title_from_name(name: str) -> str:
    """``the-long-night_draft2.txt`` -> ``The Long Night Draft2``; a folder's name
    (``Mrs. Dalloway``) keeps its dots."""
    path = Path(name)
    stem = path.stem if path.suffix.lower() in SUFFIXES else path.name
    words = re.split(r"[-_\s]+", stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"
