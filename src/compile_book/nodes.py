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
from dataclasses import field
from typing import TypeAlias, assert_never

from .diagnostics import Diagnostic
from .record import record
from .source import Source as Source

# --------------------------------------------------------------------------- inlines


@record
class Text:
    """A run of prose, already typographically normalised (curly quotes, dashes)."""

    text: str
    source: Source


@record
class Emphasis:
    """Stressed text (``*x*`` or ``_x_`` in a manuscript): usually italic."""

    children: tuple[Inline, ...]
    source: Source


@record
class Strong:
    """Strong importance (``**x**``): usually bold."""

    children: tuple[Inline, ...]
    source: Source


@record
class Telepathy:
    """Mind-speech (``{...}`` or ``<telepathic>...</telepathic>``), delimiters removed.

    ``continued`` marks the part of a span that began in an earlier paragraph
    (mind-speech running over paragraphs), so a span is counted once.
    """

    children: tuple[Inline, ...]
    source: Source
    continued: bool = False


@record
class Strikeout:
    """Struck-through text (``~~x~~``, Word's strikethrough): a visible correction."""

    children: tuple[Inline, ...]
    source: Source


@record
class CodeSpan:
    """Literal, monospaced text (inline code): a text message, a screen, a sign.

    Never parsed for delimiters and never touched by typography.
    """

    text: str
    source: Source


@record
class LineBreak:
    """A line break inside a paragraph or a line of verse (a soft return the writer meant)."""

    source: Source


@record
class Link:
    """A hyperlink around some text; ``url`` as the writer gave it."""

    children: tuple[Inline, ...]
    url: str
    source: Source


@record
class Note:
    """A footnote or endnote (pandoc's ``Note [Block]``): it stands where its
    reference mark goes, and holds the note's own paragraphs."""

    blocks: tuple[Block, ...]
    source: Source


Inline: TypeAlias = (
    Text | Emphasis | Strong | Telepathy | Strikeout | CodeSpan | LineBreak | Link | Note
)
#: Inline nodes that hold other inlines.
Span: TypeAlias = Emphasis | Strong | Telepathy | Strikeout | Link


# --------------------------------------------------------------------------- blocks


@record
class Paragraph:
    """One paragraph of body prose."""

    inlines: tuple[Inline, ...]
    source: Source


@record
class SceneBreak:
    """A change of scene inside a chapter (docutils' ``transition``).

    Invariant kept by the parser: never the first or last block of a chapter,
    never two in a row.
    """

    source: Source


@record
class Subheading:
    """A heading inside a chapter: the name of the point of view, the date or the place
    over the stretch of the chapter it opens (Markdown ``##`` under ``#`` chapters,
    Word's Heading 2 under Heading 1 chapters).

    Why a block, not a chapter: it names part of a chapter, so it opens no page and
    no contents line; the text after it starts flush, as after a scene break.
    """

    inlines: tuple[Inline, ...]
    source: Source


@record
class BlockQuote:
    """Quoted matter set off from the text: a letter, a sign, an epigraph inside a chapter."""

    blocks: tuple[Block, ...]
    source: Source


@record
class Verse:
    """Lines whose breaks matter (a poem, a song, the lines of a letter's address).

    Each line is a tuple of inlines; an empty line separates stanzas.
    """

    lines: tuple[tuple[Inline, ...], ...]
    source: Source


@record
class Image:
    """An image's bytes as the reader found them (a file beside a Markdown manuscript,
    a picture inside a Word document). ``name`` is where it came from, ``media_type``
    ``image/jpeg``, ``image/png``, ``image/gif`` or ``image/svg+xml``."""

    name: str
    media_type: str
    data: bytes = field(repr=False)


@record
class Figure:
    """An image on its own line: ``alt`` its text description for readers who cannot
    see it, ``caption`` optional inlines printed with it."""

    image: Image
    alt: str
    source: Source
    caption: tuple[Inline, ...] = ()


@record
class ListBlock:
    """A bulleted or numbered list; each item is a tuple of blocks."""

    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    source: Source
    start: int = 1


@record
class CodeBlock:
    """Literal, monospaced lines (a computer screen, a text-message log), kept as typed."""

    text: str
    source: Source


Block: TypeAlias = (
    Paragraph | SceneBreak | Subheading | BlockQuote | Verse | Figure | ListBlock | CodeBlock
)


# --------------------------------------------------------------------------- structure


class ChapterKind(enum.StrEnum):
    """What a chapter-level division is; maps onto EPUB ``epub:type`` values."""

    CHAPTER = "chapter"
    PROLOGUE = "prologue"
    EPILOGUE = "epilogue"
    INTERLUDE = "interlude"
    # Back matter: what follows the story (a writer's ``manuscripts/back/`` files,
    # ``[back]`` in book.toml, or a recognised heading such as "Acknowledgments").
    AFTERWORD = "afterword"
    ACKNOWLEDGMENTS = "acknowledgments"
    DISCUSSION = "discussion"
    ABOUT_AUTHOR = "about-author"
    ALSO_BY = "also-by"
    NEWSLETTER = "newsletter"
    EXCERPT = "excerpt"
    BACKMATTER = "backmatter"

    @property
    def is_back(self) -> bool:
        """Back matter: stands outside the last part, never numbered or checked in sequence."""
        return self in _BACK_KINDS

    @property
    def opens_as_text(self) -> bool:
        """Whether the division opens like prose (drop cap, small-caps lead-in): a list
        of titles or a newsletter call is not a story's opening."""
        return self not in _LISTING_KINDS


_BACK_KINDS = frozenset(
    {
        ChapterKind.AFTERWORD,
        ChapterKind.ACKNOWLEDGMENTS,
        ChapterKind.DISCUSSION,
        ChapterKind.ABOUT_AUTHOR,
        ChapterKind.ALSO_BY,
        ChapterKind.NEWSLETTER,
        ChapterKind.EXCERPT,
        ChapterKind.BACKMATTER,
    }
)
_LISTING_KINDS = frozenset(
    {
        ChapterKind.ACKNOWLEDGMENTS,
        ChapterKind.DISCUSSION,
        ChapterKind.ABOUT_AUTHOR,
        ChapterKind.ALSO_BY,
        ChapterKind.NEWSLETTER,
        ChapterKind.BACKMATTER,
    }
)


@record
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
    as_typed: str | None = None
    """The word and number as typed when the number comes first ("Erstes Kapitel",
    "Första kapitlet", "3. Kapitel"): printed so where numbers print as written
    (``label`` and ``number_text`` hold the word and the number: "Kapitel", "1")."""


@record
class Chapter:
    """A chapter (or prologue, epilogue, interlude): one XHTML document in an EPUB."""

    kind: ChapterKind
    heading: Heading | None
    blocks: tuple[Block, ...]
    source: Source


@record
class Part:
    """A part of the book. ``heading`` is ``None`` for the implicit part of a book
    that has no part divisions; backends print nothing for it.

    ``front`` is matter printed after the part's page and before its chapters:
    in a box set, each book's own dedication and epigraph follow its title page.
    """

    heading: Heading | None
    chapters: tuple[Chapter, ...]
    source: Source
    front: tuple[PartMatter, ...] = ()


@record
class Series:
    """A series the book belongs to, and its place in it."""

    name: str
    number: float | None = None


@record
class Metadata:
    """Everything about the book that is not its text.

    Resolved from ``book.toml`` and the manuscript's own title/``by`` lines;
    ``cover`` is the path of the project's cover image (``covers/`` or
    ``book.toml``), or the :class:`Image` of a picture that opens a
    word-processor manuscript; ``isbn`` is as the writer
    hyphenated it (``identifier`` holds the bare ``urn:isbn:`` form).
    ``public_domain``: see the field.
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
    cover: Image | str | None = None
    public_domain: bool = False
    """The text is a public-domain one (a Project Gutenberg file): with no ``rights``
    of its own the book claims no copyright (no generated notice)."""


class Chapters(tuple[Chapter, ...]):
    """A book's chapters: a tuple like ``Part.chapters``.

    Calling it (``book.chapters()``, the method of earlier versions) still gives an
    iterator over the same chapters, so tools written against it keep working.
    """

    __slots__ = ()

    def __call__(self) -> Iterator[Chapter]:
        return iter(self)


# --------------------------------------------------------------------------- front matter
#
# Pages built from metadata rather than typed in a manuscript. They are made
# once, in the book's language, by the ``matter`` transform, so the EPUB and
# the PDF say the same thing; each writer decides only how they look.


@record
class TitlePage:
    """The title page: title, subtitle, authors (in order) and publisher."""

    title: str
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None


@record
class CopyrightPage:
    """The copyright block, one printed line per entry (rights, edition, ISBN, ...)."""

    heading: str
    lines: tuple[str, ...]


@record
class Dedication:
    """The dedication, one printed line per entry."""

    heading: str
    lines: tuple[str, ...]


@record
class Epigraph:
    """An epigraph and who said it (``attribution`` without the leading dash)."""

    heading: str
    lines: tuple[str, ...]
    attribution: str | None = None


@record
class Contents:
    """Where the table of contents stands, and its title in the book's language.

    Its entries are the book's parts and chapters (``writers.common.contents``).
    """

    heading: str


Matter: TypeAlias = TitlePage | CopyrightPage | Dedication | Epigraph | Contents
PartMatter: TypeAlias = Dedication | Epigraph


@record
class Book:
    """The root: metadata, parts, the diagnostics of the compile, and the front matter.

    ``front`` is empty until the ``matter`` transform has run.
    """

    meta: Metadata
    parts: tuple[Part, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=(), compare=False)
    front: tuple[Matter, ...] = ()

    @property
    def chapters(self) -> Chapters:
        """Every chapter in reading order, across parts (a tuple, as ``Part.chapters``)."""
        return Chapters(chapter for part in self.parts for chapter in part.chapters)


# --------------------------------------------------------------------------- helpers


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The text of some inlines with all markup dropped (for titles, word counts)."""
    out: list[str] = []
    _collect(inlines, out)
    return "".join(out)


def _collect(inlines: tuple[Inline, ...], out: list[str]) -> None:
    for node in inlines:
        match node:
            case Text() | CodeSpan():
                out.append(node.text)
            case LineBreak():
                out.append(" ")
            case Note():
                pass  # a note's text is not part of the sentence it hangs from
            case Emphasis() | Strong() | Telepathy() | Strikeout() | Link():
                _collect(node.children, out)
            case _:
                assert_never(node)


def heading_text(heading: Heading | None) -> str:
    """A one-line rendering of a heading for tables of contents and titles.

    ``Chapter 3: The Fall``; ``Prologue``; ``The Fall`` (title alone).
    """
    if heading is None:
        return ""
    head = heading.as_typed or " ".join(x for x in (heading.label, heading.number_text) if x)
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
    if sum(len(part.chapters) for part in book.parts) == 1:
        return book.meta.title
    for block in chapter.blocks:
        if isinstance(block, Paragraph):
            words = plain_text(block.inlines).split()
            opening = " ".join(words[:LABEL_WORDS])
            return opening + ("…" if len(words) > LABEL_WORDS else "")
    return book.meta.title
