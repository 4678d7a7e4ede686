"""Back matter: what follows the story, from ``[back]`` in book.toml and ``manuscripts/back/``.

A published novel ends with more than its last chapter: an afterword, the
acknowledgments, reading-group questions, About the Author (with a photo),
Also By (the writer's other books, each a link to the store the edition is
sold in) and a newsletter sign-up, sometimes a sample of the next book. A
writer declares them in two ways, and both may be used at once:

* **files** in ``manuscripts/back/`` (any manuscript format), read like the
  chapters; each file is one section, named by its heading or, without one,
  by its file name (``acknowledgments.md``, ``about-the-author.txt``,
  ``sample.md``: :func:`kind_of_name`);
* **book.toml** ``[back]`` (:class:`BackMatterConfig`): short texts and lists
  the tool sets out itself, headed in the book's language.

Both become chapters of a back-matter kind (:attr:`~compile_book.nodes.ChapterKind.is_back`)
after the story, outside its last part, so every writer prints them, in the
contents too. Order: the writer's own files, then the declared sections
(afterword, acknowledgments, questions, about the author, also by, newsletter),
then a sample of the next book, which closes a book as readers expect.

**Store links.** A link to a bookshop must point to the shop the edition is
sold in: Apple and Kobo reject books that send readers to Amazon. Each Also
By title gives ``links`` by store and an optional store-neutral ``url``; an
edition (``[editions.kobo]``, :mod:`compile_book.editions`) sets ``store``,
and its ``links`` table can replace any title's link (or ``author``,
``newsletter``). An edition without a store prints only store-neutral links,
and a title without a link for the store prints as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from .events import BlockNode, BookAuthor, Event, FileEvents, Para, StartChapter, StartPart
from .locale import Locale, get_locale
from .metadata import Prose
from .metadata import Text as Line
from .nodes import (
    ChapterKind,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Source,
    Text,
)

if TYPE_CHECKING:
    from .config import BookConfig

__all__ = [
    "AlsoByConfig",
    "BackMatterConfig",
    "NewsletterConfig",
    "as_back",
    "back_files",
    "declared",
    "kind_of_name",
    "link_for",
]

Store = Literal["amazon", "kobo", "apple", "google", "barnes-noble", "ingramspark", "direct"]

# Why these schemes only: a book's link opens a browser or a mail program; anything
# else (javascript:, file:, data:) is refused by readers or dangerous.
_URL_RE = re.compile(r"^(?:https?://|mailto:)[^\s<>\"]+$", re.IGNORECASE)


def _url(value: str) -> str:
    if not _URL_RE.match(value.strip()):
        raise ValueError(f"{value!r} is not a web address; start it with https:// or mailto:")
    return value.strip()


#: A link a reader can open: ``https://``, ``http://`` or ``mailto:``.
Url = Annotated[str, AfterValidator(_url)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class AlsoByConfig(_Model):
    """One of the writer's other books (``[[back.also_by]]``)."""

    title: Line = Field(description="The book's title.")
    series: Line | None = Field(default=None, description="The series it belongs to, if any.")
    url: Url | None = Field(
        default=None, description="A store-neutral link (the author's page for the book)."
    )
    links: dict[Store, Url] = Field(
        default_factory=dict,
        description="The book in each store: amazon, kobo, apple, google, barnes-noble, ...",
    )


class NewsletterConfig(_Model):
    """The newsletter call to action (``[back.newsletter]``)."""

    url: Url = Field(description="The sign-up page.")
    text: Prose | None = Field(default=None, description="The invitation, one or more paragraphs.")
    label: Line | None = Field(default=None, description="The link's text (default: 'Sign up').")


class BackMatterConfig(_Model):
    """``[back]``: back matter the tool sets out (files go in ``manuscripts/back/``)."""

    afterword: Prose | None = Field(default=None, description="An afterword or author's note.")
    acknowledgments: Prose | None = None
    questions: list[Prose] = Field(
        default_factory=list, description="Reading-group questions, in order."
    )
    about_author: Prose | None = Field(default=None, description="The author's biography.")
    author_photo: str | None = Field(
        default=None, description="A photo for About the Author, relative to book.toml."
    )
    author_url: Url | None = Field(default=None, description="The author's web site.")
    also_by: list[AlsoByConfig] = Field(
        default_factory=list, description="The author's other books, in the order printed."
    )
    newsletter: NewsletterConfig | None = None
    store: Store | None = Field(
        default=None,
        description="The store whose links are printed; each edition sets its own.",
    )
    links: dict[str, Url] = Field(
        default_factory=dict,
        description="Links that replace the declared ones, by book title, 'author' "
        "or 'newsletter' (an edition's links table lands here).",
    )

    @property
    def empty(self) -> bool:
        """Nothing to set out (the common case, checked before any work)."""
        return not (
            self.afterword
            or self.acknowledgments
            or self.questions
            or self.about_author
            or self.author_photo
            or self.also_by
            or self.newsletter
        )


# --------------------------------------------------------------------------- links


def link_for(book: AlsoByConfig, back: BackMatterConfig) -> str | None:
    """The one link a title gets in this edition: the edition's own, its store's, or
    the store-neutral one; never another store's."""
    if book.title in back.links:
        return back.links[book.title]
    if back.store is not None and back.store in book.links:
        return book.links[back.store]
    return book.url


# --------------------------------------------------------------------------- the book's


def back_files(
    read: Sequence[FileEvents],
    body: Sequence[FileEvents],
    config: BookConfig,
    photo: Image | None = None,
) -> list[FileEvents]:
    """Every back-matter section in book order: the writer's files, the declared
    sections, then the files holding a sample of the next book."""
    if not read and config.back.empty:
        return []
    locale = get_locale(config.language)
    files = [as_back(f, locale) for f in read]
    authors = list(config.authors)
    if not authors and body:
        authors = [e.name for e in body[0].events if isinstance(e, BookAuthor)]
    samples = [f for f in files if _opens_with(f, ChapterKind.EXCERPT)]
    rest = [f for f in files if not _opens_with(f, ChapterKind.EXCERPT)]
    made = declared(config.back, locale, authors, "book.toml", photo)
    return [*rest, *([made] if made else []), *samples]


def _opens_with(read: FileEvents, kind: ChapterKind) -> bool:
    first = next((e for e in read.events if isinstance(e, StartChapter)), None)
    return first is not None and first.kind is kind


# --------------------------------------------------------------------------- files

# Why by name: a back-matter file often has no heading of its own ("acknowledgments.md"
# holding only the thanks), and its name is how the writer filed it.
_NAME_KINDS = (
    (re.compile(r"acknowledg|thanks"), ChapterKind.ACKNOWLEDGMENTS),
    (re.compile(r"about|bio|author$"), ChapterKind.ABOUT_AUTHOR),
    (re.compile(r"also|other-?books|books-?by"), ChapterKind.ALSO_BY),
    (re.compile(r"newsletter|mailing"), ChapterKind.NEWSLETTER),
    (re.compile(r"question|discussion|reading-?group|book-?club"), ChapterKind.DISCUSSION),
    (re.compile(r"sample|excerpt|teaser|sneak|preview"), ChapterKind.EXCERPT),
    (re.compile(r"afterword|note|postscript"), ChapterKind.AFTERWORD),
)


def kind_of_name(name: str) -> ChapterKind:
    """The back-matter kind a file's name gives (``02-acknowledgments.md``); the
    generic kind when the name says nothing."""
    stem = re.sub(r"[\s_]+", "-", name.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower())
    for pattern, kind in _NAME_KINDS:
        if pattern.search(stem):
            return kind
    return ChapterKind.BACKMATTER


def as_back(read: FileEvents, locale: Locale) -> FileEvents:
    """A file of ``manuscripts/back/`` as back matter: every section it opens is of a
    back-matter kind, and text before its first heading is a section named by the file."""
    kind = kind_of_name(read.name)
    events: list[Event] = []
    for event in read.events:
        if isinstance(event, StartPart):
            event = StartChapter(kind, event.heading, event.heading.source)
        if isinstance(event, StartChapter) and not event.kind.is_back:
            event = replace(event, kind=kind)
        if not events and isinstance(event, (Para, BlockNode)):
            events.append(_start(kind, locale, _event_source(event)))
        events.append(event)
    return replace(read, events=tuple(events))


def _event_source(event: Para | BlockNode) -> Source:
    return event.source if isinstance(event, Para) else event.block.source


def _start(kind: ChapterKind, locale: Locale, source: Source, title: str = "") -> StartChapter:
    """A section heading in the book's language (none for a section the name cannot name)."""
    title = title or _heading_word(kind, locale)
    heading = Heading(source, title=(Text(title, source),)) if title else None
    return StartChapter(kind, heading, source)


def _heading_word(kind: ChapterKind, locale: Locale) -> str:
    words = locale.words
    return {
        ChapterKind.AFTERWORD: words.afterword,
        ChapterKind.ACKNOWLEDGMENTS: words.acknowledgments,
        ChapterKind.DISCUSSION: words.discussion,
        ChapterKind.ABOUT_AUTHOR: words.about_author,
        ChapterKind.NEWSLETTER: words.newsletter,
    }.get(kind, "")


# --------------------------------------------------------------------------- declared


def declared(
    back: BackMatterConfig,
    locale: Locale,
    authors: Sequence[str],
    where: str,
    photo: Image | None = None,
) -> FileEvents | None:
    """The sections ``[back]`` declares, as the events of one more file (``where``,
    the book.toml they come from, names them in diagnostics)."""
    if back.empty:
        return None
    src = Source(where, 1)
    events: list[Event] = []
    for kind, text in (
        (ChapterKind.AFTERWORD, back.afterword),
        (ChapterKind.ACKNOWLEDGMENTS, back.acknowledgments),
    ):
        if text:
            events += [_start(kind, locale, src), *_paragraphs(text, src)]
    if back.questions:
        items = tuple((Paragraph((Text(q.strip(), src),), src),) for q in back.questions)
        events += [
            _start(ChapterKind.DISCUSSION, locale, src),
            BlockNode(ListBlock(True, items, src)),
        ]
    events += _about(back, locale, authors, src, photo)
    events += _also_by(back, locale, authors, src)
    events += _newsletter(back, locale, src)
    return FileEvents(where, tuple(events))


def _paragraphs(text: str, src: Source) -> list[Event]:
    """Prose as the writer typed it, a paragraph per blank-line-separated block (raw: the
    transforms set its emphasis and typography as in a chapter)."""
    blocks = (" ".join(b.split()) for b in re.split(r"\n\s*\n", text))
    return [Para(b, src) for b in blocks if b]


def _link(text: str, url: str | None, src: Source, *, emphasis: bool = False) -> Paragraph:
    inner: Inline = Text(text, src)
    if emphasis:
        inner = Emphasis((inner,), src)
    content: Inline = Link((inner,), url, src) if url else inner
    return Paragraph((content,), src)


def _about(
    back: BackMatterConfig,
    locale: Locale,
    authors: Sequence[str],
    src: Source,
    photo: Image | None,
) -> list[Event]:
    if not (back.about_author or photo):
        return []
    events: list[Event] = [_start(ChapterKind.ABOUT_AUTHOR, locale, src)]
    if photo is not None:
        alt = locale.join_names(tuple(authors)) or locale.words.about_author
        events.append(BlockNode(Figure(photo, alt, src)))
    events += _paragraphs(back.about_author or "", src)
    url = back.links.get("author") or back.author_url
    if url:
        shown = re.sub(r"^(?:https?://|mailto:)(?:www\.)?", "", url).rstrip("/")
        text = locale.words.author_site.format(url=shown)
        before, _, after = text.partition(shown)
        inlines: list[Inline] = [Text(before, src)] if before else []
        inlines.append(Link((Text(shown, src),), url, src))
        if after:
            inlines.append(Text(after, src))
        events.append(BlockNode(Paragraph(tuple(inlines), src)))
    return events


def _also_by(
    back: BackMatterConfig, locale: Locale, authors: Sequence[str], src: Source
) -> list[Event]:
    if not back.also_by:
        return []
    author = locale.join_names(tuple(authors))
    title = locale.words.also_by.format(author=author) if author else ""
    events: list[Event] = [_start(ChapterKind.ALSO_BY, locale, src, title)]
    if not title:
        events[0] = StartChapter(ChapterKind.ALSO_BY, None, src)
    series: str | None = None
    for book in back.also_by:
        if book.series and book.series != series:
            events.append(BlockNode(Paragraph((Text(book.series, src),), src)))
        series = book.series
        events.append(BlockNode(_link(book.title, link_for(book, back), src, emphasis=True)))
    return events


def _newsletter(back: BackMatterConfig, locale: Locale, src: Source) -> list[Event]:
    letter = back.newsletter
    if letter is None:
        return []
    url = back.links.get("newsletter") or letter.url
    label = letter.label or locale.words.newsletter_link
    return [
        _start(ChapterKind.NEWSLETTER, locale, src),
        *_paragraphs(letter.text or "", src),
        BlockNode(_link(label, url, src)),
    ]
