"""What every writer shares: the options all writers read, printed headings, and the contents.

Why one module: the tree keeps a heading's *meaning* (label, the number as the
writer typed it, title); how it prints is a writer decision, taken here once
so the EPUB and the PDF, their contents, the PDF outline and every XHTML
``<title>`` agree. ``[headings] chapter_numbers = "words"`` turns a
manuscript's "CHAPTER II." into "Chapter Two" in all of them.

The contents structure (:func:`contents`) is built once from the tree and
read by the EPUB navigation document, the NCX and the PDF contents page, so
the editions list the same entries in the same nesting: chapters under their
part, a prologue or epilogue that stands outside the parts at the top level.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlsplit

from pydantic import BaseModel, ConfigDict

from ..config import BookConfig, NumberStyle
from ..errors import InputError
from ..locale import Locale, get_locale
from ..nodes import (
    Book,
    Chapter,
    Contents,
    CopyrightPage,
    Heading,
    Inline,
    Part,
    chapter_label,
    plain_text,
)
from ..record import record

__all__ = [
    "LINK_SCHEMES",
    "Division",
    "EbookOptions",
    "Entry",
    "Headings",
    "PrintedHeading",
    "TelepathyStyle",
    "TocEntry",
    "WriterOptions",
    "contents",
    "contents_title",
    "divisions",
    "ebook_options",
    "rights_statement",
    "safe_href",
    "shared_options",
    "toc",
]

TelepathyStyle = Literal["italic", "roman", "small-caps", "bold"]


class WriterOptions(BaseModel):
    """Settings every writer reads: how mind-speech is set and how heading numbers print."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    telepathy_style: TelepathyStyle = "italic"
    chapter_numbers: NumberStyle = "as-written"
    part_numbers: NumberStyle = "as-written"


class EbookOptions(WriterOptions):
    """The settings of the writers that package XHTML (EPUB, kepub, Kindle): the shared
    ones and the stylesheet rules they add."""

    css: str = ""
    """Rules added after the ebook's stylesheet: the theme's, then the writer's own file."""
    embed_families: tuple[str, ...] = ()
    """Families whose faces go into the ebook (``[epub] embed_fonts``): text, then heads."""
    font_folders: tuple[str, ...] = ()
    """Where the writer's own fonts are (besides the bundled ones)."""


def shared_options(config: BookConfig) -> dict[str, str]:
    """The :class:`WriterOptions` fields as ``book.toml`` sets them (for ``options_from``)."""
    return {
        "telepathy_style": config.telepathy.style,
        "chapter_numbers": config.headings.chapter_numbers,
        "part_numbers": config.headings.part_numbers,
    }


def ebook_options(config: BookConfig) -> dict[str, Any]:
    """The :class:`EbookOptions` fields: the shared ones, the stylesheet rules (read
    here, and only for a writer that uses them) and the faces to embed."""
    from .ebookfonts import chosen_faces, family_rules

    body, heading = chosen_faces(config)
    if body is None:
        return {**shared_options(config), "css": extra_css(config)}
    from .pdf.userfont import resolve_font  # the print edition's faces: only when asked

    faces = [resolve_font(face) for face in (body, heading) if face]
    families = tuple(face.family for face in faces)
    rules = family_rules(families[0], families[1] if len(families) > 1 else None)
    return {
        **shared_options(config),
        "css": extra_css(config, rules),
        "embed_families": families,
        "font_folders": tuple(folder for face in faces for folder in face.folders),
    }


#: The largest stylesheet a writer may add (a stylesheet is a few kilobytes).
MAX_CSS_BYTES = 1024 * 1024


def extra_css(config: BookConfig, faces: str = "") -> str:
    """The theme's rules, the rules that set the embedded `faces`, and the file ``css``
    names (resolved by the project loader), which has the last word."""
    from ..infile import read_input
    from ..themes import get_theme

    css = get_theme(config.theme).css + faces
    if config.css:
        path = Path(config.css)
        data = read_input(path, MAX_CSS_BYTES, config.css, "the stylesheet")
        try:
            css += f"\n/* {path.name} */\n" + data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("the stylesheet is not UTF-8; save it as UTF-8", config.css) from None
    return css


# --------------------------------------------------------------------------- headings


@record
class PrintedHeading:
    """A heading as it prints: label word, number in the book's style, title, subtitle."""

    label: str | None
    number: str | None
    title: tuple[Inline, ...]
    subtitle: tuple[Inline, ...]

    @property
    def line(self) -> str:
        """One line for contents, outlines and ``<title>``: ``Chapter Two: The Fall``."""
        head = " ".join(x for x in (self.label, self.number) if x)
        title = plain_text(self.title).strip()  # a note's mark may have stood at the end
        if head and title:
            return f"{head}: {title}"
        return head or title


@record
class Headings:
    """Prints headings in one book's language and number styles."""

    locale: Locale
    chapter_numbers: NumberStyle = "as-written"
    part_numbers: NumberStyle = "as-written"

    @classmethod
    def of(cls, book: Book, options: WriterOptions) -> Headings:
        return cls(get_locale(book.meta.language), options.chapter_numbers, options.part_numbers)

    def chapter(self, heading: Heading) -> PrintedHeading:
        return self._printed(heading, self.chapter_numbers)

    def part(self, heading: Heading) -> PrintedHeading:
        return self._printed(heading, self.part_numbers)

    def _printed(self, heading: Heading, style: NumberStyle) -> PrintedHeading:
        if heading.as_typed and style == "as-written":
            # "Erstes Kapitel" as typed: the number before the word, printed as one label.
            return PrintedHeading(heading.as_typed, None, heading.title, heading.subtitle)
        number = self.locale.format_number(heading.number, heading.number_text, style)
        if number is None and heading.number is not None:
            number = str(heading.number)  # a number the reader found but no text for it
        elif style == "words" and number and self._lower_after(heading.label):
            number = number.lower()  # "Capítulo veintiuno", "Kapitel drei"
        return PrintedHeading(heading.label, number, heading.title, heading.subtitle)

    def _lower_after(self, label: str | None) -> bool:
        """Whether a number in words after ``label`` is lower case: outside English,
        a number after its heading word is an ordinary word ("Chapitre trois")."""
        if label is None or self.locale.number_case != "sentence":
            return False
        english = get_locale("en").label_words
        return label not in (english.chapter, english.part)

    def chapter_name(self, book: Book, chapter: Chapter) -> str:
        """How contents and outlines name a chapter (see :func:`nodes.chapter_label`)."""
        if chapter.heading is not None:
            line = self.chapter(chapter.heading).line
            if line:
                return line
        return chapter_label(book, chapter)

    def part_name(self, part: Part) -> str:
        """A part's one-line name; empty for the implicit part (it prints nothing)."""
        return self.part(part.heading).line if part.heading is not None else ""


# --------------------------------------------------------------------------- divisions


@record
class Entry:
    """A chapter in reading order with its document id and its name in the contents."""

    chapter: Chapter
    uid: str
    name: str


@record
class Division:
    """A part of the book as writers lay it out.

    ``uid`` is ``None`` for a part that prints no page of its own (the implicit
    part of a book without parts, or the prologue/epilogue standing outside them).
    """

    part: Part
    uid: str | None
    name: str
    chapters: tuple[Entry, ...]


def divisions(book: Book, headings: Headings) -> tuple[Division, ...]:
    """Every part and chapter with stable ids (``part-01``, ``chapter-001``) and names.

    The ids are the EPUB's document names and the PDF's link targets, padded
    to the same width so they sort in reading order.
    """
    total = sum(len(part.chapters) for part in book.parts)
    width = max(3, len(str(total)))
    names = [headings.part_name(part) for part in book.parts]
    part_width = max(2, len(str(sum(1 for name in names if name))))
    out: list[Division] = []
    index = part_index = 0
    for part, name in zip(book.parts, names, strict=True):
        entries: list[Entry] = []
        for chapter in part.chapters:
            index += 1
            uid = f"chapter-{index:0{width}d}"
            entries.append(Entry(chapter, uid, headings.chapter_name(book, chapter)))
        uid_part: str | None = None
        if name:
            part_index += 1
            uid_part = f"part-{part_index:0{part_width}d}"
        out.append(Division(part, uid_part, name, tuple(entries)))
    return tuple(out)


@record
class TocEntry:
    """One line of the contents; ``children`` are the chapters of a part."""

    uid: str
    label: str
    children: tuple[TocEntry, ...] = ()


def contents(book: Book, headings: Headings) -> tuple[TocEntry, ...]:
    """The table of contents every writer prints: parts with their chapters nested,
    chapters outside any part at the top level, in reading order."""
    return toc(divisions(book, headings))


def toc(layout: tuple[Division, ...]) -> tuple[TocEntry, ...]:
    """:func:`contents` from divisions a writer already holds."""
    out: list[TocEntry] = []
    for division in layout:
        entries = tuple(TocEntry(e.uid, e.name) for e in division.chapters)
        if division.uid is not None:
            out.append(TocEntry(division.uid, division.name, entries))
        else:
            out.extend(entries)
    return tuple(out)


# --------------------------------------------------------------------------- front matter


def contents_title(book: Book) -> str:
    """The contents' title from the book's :class:`Contents` node, else the locale's word.

    Without the node (a tree that skipped the ``matter`` transform) the PDF
    prints no contents, but an EPUB must still have its navigation document.
    """
    for node in book.front:
        if isinstance(node, Contents):
            return node.heading
    return get_locale(book.meta.language).words.contents


def rights_statement(book: Book) -> str | None:
    """The book's rights on one line, for package metadata (``dc:rights``).

    The rights the book declares; else the copyright notice that opens its
    copyright page, which the ``matter`` transform writes whenever the book
    names its authors (and the text is not a public-domain one).
    """
    if book.meta.rights:
        return book.meta.rights
    if not book.meta.authors or book.meta.public_domain:
        return None
    for node in book.front:
        if isinstance(node, CopyrightPage) and node.lines:
            return node.lines[0]
    return None


# --------------------------------------------------------------------------- links
#
# Every output turns a manuscript's link into a live one only through this
# check, so an e-book and a PDF refuse the same URLs.

#: Schemes a link may use: the web and e-mail. Everything else (javascript:, file:,
#: data:, relative paths with no target in the book) is set as plain text.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Why: characters a URL may hold as they are; anything else is percent-encoded
# (EPUBCheck rejects an href that is not a valid URL).
_URL_SAFE = "%/:=&?~#+!$,;'@()*[]"
# Why: a "%" that does not start an escape would make the URL invalid.
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Why: a host name holds no space and none of the WHATWG forbidden host code points
# (non-ASCII letters are fine: an internationalised name); IPv6 is hex, ":" and ".".
_HOST = re.compile(r"[^\x00-\x20#%/:<>?@\[\\\]^|\x7f]+")
_IPV6 = re.compile(r"[0-9a-f:.]+")


def _has_host(url: str) -> bool:
    """Whether a web URL names a host a browser can reach (and a valid port, if any)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return False
    if not host:
        return False
    return bool((_IPV6 if ":" in host else _HOST).fullmatch(host))


def safe_href(url: str) -> str | None:
    """The href for a link to `url`, or ``None`` when it must not be a link.

    Only absolute ``http``/``https`` URLs with a host and ``mailto:`` addresses
    qualify; the result is percent-encoded where the writer typed spaces or
    other characters a URL cannot hold.
    """
    url = url.strip()
    scheme, colon, rest = url.partition(":")
    scheme = scheme.lower()
    if not colon or scheme not in LINK_SCHEMES or not rest:
        return None
    if scheme != "mailto" and not _has_host(url):
        return None
    return quote(_STRAY_PERCENT.sub("%25", url), safe=_URL_SAFE)
