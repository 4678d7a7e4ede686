"""Assembly: the events of every file, in book order -> one :class:`~compile_book.nodes.Book`.

The book-level decisions live here, in one place: the title and author
(from ``book.toml``, else the first file's title and ``by`` lines, else the
file name), parts and the chapters under them (an epilogue stands outside
the last part), every file opening a new chapter or, read as a scene
(``[reading] files``), going on with the open one after a scene break, the
chapter-number sequence, empty chapters, and scene breaks at a chapter's edge
(dropped) or doubled (merged). The result is checked by :func:`~compile_book.treecheck.validate`.

Paragraphs arrive raw: the tree that leaves assembly holds each paragraph as
one :class:`~compile_book.nodes.Text`; the transforms give it structure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from .bookmeta import metadata
from .config import BookConfig
from .diagnostics import Code, Diagnostic, Reporter
from .errors import InputError
from .events import (
    PUBLIC_DOMAIN,
    BlockNode,
    BookAuthor,
    BookCover,
    BookMeta,
    BookTitle,
    Break,
    Event,
    FileEvents,
    Para,
    StartChapter,
    StartPart,
)
from .metadata import declared
from .nodes import (
    Block,
    Book,
    Chapter,
    ChapterKind,
    Figure,
    Heading,
    Image,
    Paragraph,
    Part,
    SceneBreak,
    Source,
    Text,
)
from .readers.filetitles import with_file_titles
from .rules.images import COVER_TYPES
from .scenefiles import report_scenes, scene_files
from .treecheck import validate

__all__ = ["assemble"]

NO_TEXT = (
    "the manuscript has no text to make a chapter of, only dividers or left-out pictures; "
    "write something in it"
)


@dataclass(slots=True)
class _OpenChapter:
    kind: ChapterKind
    heading: Heading | None
    source: Source
    blocks: list[Block] = field(default_factory=list)


class _Assembler:
    """Builds parts and chapters, keeping the tree's invariants as blocks arrive."""

    def __init__(self, reporter: Reporter, files: Sequence[FileEvents] = ()) -> None:
        self.reporter = reporter
        # Lines the readers kept as prose though they look like headings (W106), in
        # book order: a gap in the chapter numbers right after one is that heading.
        self.order = {f.name: k for k, f in enumerate(files)}
        self.missed = sorted(
            (d for f in files for d in f.diagnostics if d.code is Code.HEADING_LIKE_LINE),
            key=lambda d: (self.order.get(d.file, -1), d.line),
        )
        self.missed_at = 0
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
        if (kind is ChapterKind.EPILOGUE or kind.is_back) and self.part_heading is not None:
            # The epilogue and the back matter belong to the whole book, not to the
            # last part: they stand at the top level, like a prologue before Part One.
            self._close_part()
        self.chapter = _OpenChapter(kind, heading, source)
        if heading is not None and heading.number is not None and not kind.is_back:
            self._check_sequence(heading)

    def _check_sequence(self, heading: Heading) -> None:
        number = heading.number
        assert number is not None
        last = self.last_number
        restarted = number == 1 and not self.chapters and self.part_heading is not None
        missed = self._missed_before(heading.source)
        if last is not None and number != last + 1 and not restarted:
            what = "repeats" if number == last else "is out of sequence"
            advice = "renumber the chapter"
            if missed is not None and number > last + 1:
                advice = (
                    f"the line at {missed.file}:{missed.line} looks like the missing heading "
                    "but was read as prose (W106); fix that heading, not this number"
                )
            elif number > last + 1:
                advice = (
                    f"if chapter {last + 1} is there, its heading was not recognised (put it "
                    "on a line of its own); otherwise renumber the chapter"
                )
            self.reporter.add(
                Code.CHAPTER_SEQUENCE,
                f"chapter number {heading.number_text} {what} (previous was {last}); {advice}",
                heading.source.file,
                heading.source.line,
                heading.source.col,
            )
        self.last_number = number

    def _missed_before(self, source: Source) -> Diagnostic | None:
        """The last heading-like prose line before ``source`` and after the previous
        numbered heading (the readers' W106), if any; each is looked at once."""
        found = None
        here = (self.order.get(source.file, -1), source.line)
        while self.missed_at < len(self.missed):
            d = self.missed[self.missed_at]
            if (self.order.get(d.file, -1), d.line) >= here:
                break
            found = d
            self.missed_at += 1
        return found

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

    def add_break(self, source: Source, how: str = "") -> None:
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
                Code.SCENE_BREAK_RECOGNISED,
                f"scene break recognised{how}",
                source.file,
                source.line,
            )

    def add_block(self, block: Block) -> None:
        if isinstance(block, SceneBreak):
            self.add_break(block.source)
        else:
            self._ensure_chapter(block.source).blocks.append(block)

    def add_paragraph(self, para: Para) -> None:
        node = Paragraph((Text(para.text, para.source),), para.source.plain())
        self._ensure_chapter(para.source).blocks.append(node)


def assemble(
    files: Sequence[FileEvents],
    config: BookConfig,
    name_hint: str = "",
    back: Sequence[FileEvents] = (),
) -> Book:
    """Build the book from every file's events, in book order, then its back matter
    (:mod:`compile_book.backmatter`: never a scene of the story, never its first file)."""
    reporter = Reporter()
    asm = _Assembler(reporter, files)
    facts = _FirstFile()
    if files:
        files = [_cover_picture(files[0], facts, reporter), *files[1:]]
    scenes = scene_files(files, config.reading.files)
    files = with_file_titles(list(files), scenes, config.language)
    joined: list[str] = []
    for index, result in enumerate(files):
        scene = scenes[index] and asm.chapter is not None
        if scene:
            joined.append(result.name)  # goes on with the open chapter, after a scene break
        else:
            asm.close_chapter()  # every other file starts a new chapter
        for event in result.events:
            if scene and isinstance(event, (Para, BlockNode, Break)):
                scene = False  # the break goes before the file's first text
                _join_scene(asm, event)
            _dispatch(asm, event, facts if index == 0 else None)
    if joined:
        report_scenes(reporter, joined, config.reading.files)
    for result in back:
        asm.close_chapter()
        for event in result.events:
            _dispatch(asm, event, None)
    files = [*files, *back]
    parts = asm.finish()
    if files and not any(part.chapters for part in parts):
        # Text-free files (a divider, a part heading, a missing picture) make no chapter;
        # said here, naming the file, not by a writer that finds the book empty.
        raise InputError(NO_TEXT, files[0].name)
    _report_untitled(parts, reporter)
    order = {f.name: k for k, f in enumerate(files)}
    diagnostics = sort_diagnostics(
        [*(d for f in files for d in f.diagnostics), *reporter.items], order
    )
    hint = name_hint or (files[0].name if files else "")
    meta = metadata(config, facts.title, tuple(facts.authors), hint, facts.declared)
    if facts.cover is not None:
        meta = dataclasses.replace(meta, cover=facts.cover)
    if PUBLIC_DOMAIN in facts.declared:
        meta = dataclasses.replace(meta, public_domain=True)
    book = Book(meta, parts, tuple(diagnostics))
    validate(book)
    return book


def _report_untitled(parts: tuple[Part, ...], reporter: Reporter) -> None:
    """Warn of a chapter with no heading in a book whose other chapters have one: text
    before the first heading, or a file with none (a story alone under its part, as in
    a collection, is the part's text and is not warned)."""
    chapters = [c for p in parts for c in p.chapters]
    if not any(c.heading is not None for c in chapters):
        if len(chapters) > 1:
            src = chapters[0].source
            reporter.add(
                Code.UNTITLED_CHAPTER,
                f"none of the book's {len(chapters)} chapters has a heading (each file "
                "became an untitled chapter); give each file a heading or a title line",
                src.file,
                src.line,
            )
        return
    for part in parts:
        for chapter in part.chapters:
            if chapter.heading is None and (part.heading is None or len(part.chapters) > 1):
                src = chapter.source
                reporter.add(
                    Code.UNTITLED_CHAPTER,
                    "this text became a chapter with no heading (the other chapters have "
                    "one); give it a heading such as 'Chapter 1: Title', or move it",
                    src.file,
                    src.line,
                )


@dataclass(slots=True)
class _FirstFile:
    """What the first file says about the book: its title, author and metadata."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    declared: dict[str, str] = field(default_factory=dict)
    cover: Image | None = None


def _cover_picture(first: FileEvents, facts: _FirstFile, reporter: Reporter) -> FileEvents:
    """A picture that opens the first file, before its title or first heading, is the
    book's cover (a word-processor manuscript often opens with it): taken out of the
    body."""
    events = first.events
    for k, event in enumerate(events):
        if isinstance(event, BookTitle | BookAuthor | BookMeta | BookCover):
            continue
        # Why: a cover stands before the book's title or first heading; a picture
        # followed straight by prose is the story's first illustration.
        then = events[k + 1] if k + 1 < len(events) else None
        if (
            isinstance(event, BlockNode)
            and isinstance(event.block, Figure)
            and event.block.image.media_type in COVER_TYPES
            and not event.block.caption
            and isinstance(then, BookTitle | BookAuthor | BookMeta | StartChapter | StartPart)
        ):
            facts.cover = event.block.image
            src = event.block.source
            reporter.add(
                Code.FRONT_MATTER_READ,
                "the picture before the text is the book's cover",
                src.file,
                src.line,
            )
            events = (*first.events[:k], *first.events[k + 1 :])
            return dataclasses.replace(first, events=events)
        break
    return first


def _dispatch(asm: _Assembler, event: Event, first: _FirstFile | None) -> None:
    """Hand one event to the assembler; book facts count in the first file only."""
    match event:
        case Para():
            asm.add_paragraph(event)
        case BlockNode():
            asm.add_block(event.block)
        case Break():
            asm.add_break(event.source, event.how)
        case StartChapter():
            asm.start_chapter(event.kind, event.heading, event.source)
        case StartPart():
            asm.start_part(event.heading)
        case BookTitle():
            if first is not None and declared("title", event.text, event.source):
                first.title = event.text
        case BookAuthor():
            if first is not None and event.name not in first.authors:
                _add_author(first, event)
        case BookMeta():
            if first is not None and declared(event.key, event.value, event.source):
                first.declared[event.key] = event.value
        case BookCover():
            if first is not None and first.cover is None:
                first.cover = event.image


def _add_author(first: _FirstFile, event: BookAuthor) -> None:
    if declared("author", event.name, event.source):
        first.authors.append(event.name)


def _join_scene(asm: _Assembler, event: Para | BlockNode | Break) -> None:
    """A scene break between the open chapter's text and a scene file's first text.

    None when the file opens with its own divider (that one stands), and none at
    the chapter's start (a heading-only file, then a day file).
    """
    if isinstance(event, Break) or (
        isinstance(event, BlockNode) and isinstance(event.block, SceneBreak)
    ):
        return
    ch = asm.chapter
    source = event.source if isinstance(event, Para) else event.block.source
    if ch is not None and ch.blocks and not isinstance(ch.blocks[-1], SceneBreak):
        ch.blocks.append(SceneBreak(Source(source.file, source.line, source.col)))


def sort_diagnostics(items: Sequence[Diagnostic], order: dict[str, int]) -> list[Diagnostic]:
    """Diagnostics in book order: by file (as read), then line and column."""
    return sorted(items, key=lambda d: (order.get(d.file, len(order)), d.line, d.col))
