"""The document tree: one closed, immutable tree that every backend consumes.

The tree records *meaning*, never look: a :class:`Telepathy` span rather than
italics, a :class:`SceneBreak` rather than asterisks, a chapter *label* and
*number* rather than a heading string. Each backend decides how that meaning
looks (following pandoc's ``Pandoc Meta [Block]`` and docutils' node classes).

Shape::

    Book
     ├─ meta: Metadata
     └─ parts: tuple[Part, ...]          (one implicit part when the book has none)
          └─ chapters: tuple[Chapter, ...]
               ├─ heading: Heading | None
               └─ blocks: tuple[Paragraph | SceneBreak, ...]
                    └─ inlines: tuple[Text | Emphasis | Strong | Telepathy, ...]

All nodes are frozen dataclasses with slots; children are tuples, so a tree
can be shared, cached and hashed safely. Every node carries a :class:`Source`
(file and 1-based line) so diagnostics and tools can point back into the
manuscript. Backends ``match`` on the node types and end with
``assert_never`` so the type checker flags any node a backend forgot.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeAlias

from .diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class Source:
    """Where a node came from: a manuscript path (as given) and a 1-based line."""

    file: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


# --------------------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    """A run of prose, already typographically normalised (curly quotes, dashes)."""

    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Emphasis:
    """Stressed text (``*x*`` or ``_x_`` in a manuscript): usually italic."""

    children: tuple[Inline, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Strong:
    """Strong importance (``**x**``): usually bold."""

    children: tuple[Inline, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Telepathy:
    """Mind-speech (``{...}`` or ``<telepathic>...</telepathic>``), delimiters removed.

    ``continued`` marks the part of a span that began in an earlier paragraph
    (mind-speech running over paragraphs), so a span is counted once.
    """

    children: tuple[Inline, ...]
    source: Source
    continued: bool = False


Inline: TypeAlias = Text | Emphasis | Strong | Telepathy


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of body prose."""

    inlines: tuple[Inline, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class SceneBreak:
    """A change of scene inside a chapter (docutils' ``transition``).

    Invariant kept by the parser: never the first or last block of a chapter,
    never two in a row.
    """

    source: Source


Block: TypeAlias = Paragraph | SceneBreak


# --------------------------------------------------------------------------- structure


class ChapterKind(enum.StrEnum):
    """What a chapter-level division is; maps onto EPUB ``epub:type`` values."""

    CHAPTER = "chapter"
    PROLOGUE = "prologue"
    EPILOGUE = "epilogue"
    INTERLUDE = "interlude"


@dataclass(frozen=True, slots=True)
class Heading:
    """The heading material of a chapter or part, split into its meanings.

    ``Chapter 3: The Fall`` is label ``Chapter``, number ``3`` (written
    ``"3"``), title ``The Fall``. ``Prologue`` is a label alone. A Markdown
    ``## The Long Night`` is a title alone. ``number_text`` keeps the form the
    writer used (``"IV"``, ``"One"``) while ``number`` is its value, so a
    backend may print either.
    """

    source: Source
    label: str | None = None
    number: int | None = None
    number_text: str | None = None
    title: tuple[Inline, ...] = ()
    subtitle: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class Chapter:
    """A chapter (or prologue, epilogue, interlude): one XHTML document in an EPUB."""

    kind: ChapterKind
    heading: Heading | None
    blocks: tuple[Block, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Part:
    """A part of the book. ``heading`` is ``None`` for the implicit part of a book
    that has no part divisions; backends print nothing for it."""

    heading: Heading | None
    chapters: tuple[Chapter, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Series:
    """A series the book belongs to, and its place in it."""

    name: str
    number: float | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Everything about the book that is not its text.

    Resolved from ``book.toml`` and the manuscript's own title/``by`` lines;
    ``cover`` is an absolute path to an image file or ``None``; ``isbn`` is as
    the writer hyphenated it (``identifier`` holds the bare ``urn:isbn:`` form).
    """

    title: str
    language: str
    identifier: str
    authors: tuple[str, ...] = ()
    subtitle: str | None = None
    publisher: str | None = None
    date: str | None = None
    description: str | None = None
    series: Series | None = None
    rights: str | None = None
    isbn: str | None = None
    edition: str | None = None
    dedication: str | None = None
    epigraph: str | None = None
    epigraph_source: str | None = None
    cover: str | None = None


@dataclass(frozen=True, slots=True)
class Book:
    """The root: metadata, parts, and the diagnostics the parser produced."""

    meta: Metadata
    parts: tuple[Part, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)

    def chapters(self) -> Iterator[Chapter]:
        """Every chapter in reading order, across parts."""
        for part in self.parts:
            yield from part.chapters


# --------------------------------------------------------------------------- helpers


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The text of some inlines with all markup dropped (for titles, word counts)."""
    out: list[str] = []
    _collect(inlines, out)
    return "".join(out)


def _collect(inlines: tuple[Inline, ...], out: list[str]) -> None:
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        else:
            _collect(node.children, out)


def heading_text(heading: Heading | None) -> str:
    """A one-line rendering of a heading for tables of contents and titles.

    ``Chapter 3: The Fall``; ``Prologue``; ``The Fall`` (title alone).
    """
    if heading is None:
        return ""
    head = " ".join(x for x in (heading.label, heading.number_text) if x)
    title = plain_text(heading.title)
    if head and title:
        return f"{head}: {title}"
    return head or title


#: Words of a headingless chapter's opening used to name it in contents.
LABEL_WORDS = 6


def chapter_label(book: Book, chapter: Chapter) -> str:
    """How contents and outlines name a chapter, the same in every backend.

    A chapter with a heading is named by it. The only chapter of a book without
    headings is named by the book's title; other headingless chapters by their
    opening words ("It was late when…"), never by an invented "Chapter 3" that
    could clash with a real one.
    """
    text = heading_text(chapter.heading)
    if text:
        return text
    chapters = list(book.chapters())
    if len(chapters) == 1:
        return book.meta.title
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            words = plain_text(block.inlines).split()
            opening = " ".join(words[:LABEL_WORDS])
            return opening + ("…" if len(words) > LABEL_WORDS else "")
    return book.meta.title
