"""What a reader says about one manuscript file: a flat sequence of block events.

Readers (:mod:`compile_book.readers`) turn a file into these; assembly
(:mod:`compile_book.assemble`) turns the events of every file, in book
order, into one :class:`~compile_book.nodes.Book`. The events are the
*only* contract between the two, so a new input format is a new reader and
nothing else.

Prose in events is raw: a :class:`Para` holds the text as the writer typed
it (delimiters such as ``*`` and ``{`` included), with a
:class:`~compile_book.nodes.Source` whose ``breaks`` map every offset back to
its line and column. Inline structure and typography are transforms that run
later, on the tree.
"""

from __future__ import annotations

from typing import TypeAlias

from .diagnostics import Diagnostic
from .nodes import Block, ChapterKind, Heading, Image, Source
from .record import record


@record
class BookTitle:
    """The book's title, from a title line or front matter (first file only)."""

    text: str
    source: Source


@record
class BookAuthor:
    """The book's author, from a ``by`` line or front matter (first file only)."""

    name: str
    source: Source


@record
class BookMeta:
    """Book-level metadata a manuscript declares (Markdown front matter ``lang:``,
    ``date:``, ``rights:``, ``subtitle:``, ``description:``), used from the first
    file only and only where ``book.toml`` is silent. ``key`` is a
    :class:`~compile_book.nodes.Metadata` field name."""

    key: str
    value: str
    source: Source


#: A :class:`BookMeta` key that is no ``book.toml`` one: the first file is a public-domain
#: text (Project Gutenberg's), so the book claims no copyright of its own
#: (:attr:`~compile_book.nodes.Metadata.public_domain`).
PUBLIC_DOMAIN = "public_domain"


@record
class BookCover:
    """The book's cover picture a manuscript names (Markdown front matter ``cover-image:``,
    as pandoc reads it), used from the first file only, below a cover ``book.toml`` or
    the project's ``covers/`` folder gives."""

    image: Image
    source: Source


@record
class StartPart:
    """A part heading: the chapters that follow belong to this part."""

    heading: Heading


@record
class StartChapter:
    """A chapter-level heading (or a headingless file's implicit chapter)."""

    kind: ChapterKind
    heading: Heading | None
    source: Source


@record
class Para:
    """One paragraph of raw prose."""

    text: str
    source: Source


@record
class Break:
    """A scene break: a divider line, or what else marked it (``how``, for the note
    assembly writes when it keeps the break)."""

    source: Source
    how: str = ""


@record
class BlockNode:
    """A block a reader of a structured format built whole: a formatted paragraph, a
    block quote, verse, a figure, a list, a code block. Assembly adds it to the
    current chapter as it is (the transforms still parse delimiters inside its text
    nodes and set its typography)."""

    block: Block


Event: TypeAlias = (
    BookTitle
    | BookAuthor
    | BookMeta
    | BookCover
    | StartPart
    | StartChapter
    | Para
    | Break
    | BlockNode
)


@record
class FileEvents:
    """Everything a reader found in one file: its events and what it noticed on the way."""

    name: str
    events: tuple[Event, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
