"""Box sets: one book made of other books (``[boxset] books = ["../book-1", "../book-2"]``).

A box set (an omnibus) is sold as one EPUB and one paperback but is several
books, each still its own: its title on a page of its own with its author, its
chapters in its own numbering, its own parts. The box set's ``book.toml``
gives the set's metadata (title, authors, ISBN, cover) and lists the books'
projects in reading order; each book is compiled exactly as it would be alone
(its own ``book.toml``, language and typography), then the set is assembled:

* the set's front matter (title page, copyright, contents) from its own metadata;
* for each book, its title page (a part page with its title and author),
  then its own dedication and epigraph (:attr:`Part.front`), then its
  chapters; a book divided into parts keeps them after its title page, each
  part page naming the book it belongs to (``Book Title: Part One``), since
  the tree has parts and chapters but no level above them;
* one contents that lists every book and chapter.

A book's own copyright page and contents are not repeated: the set's cover them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from .errors import ConfigError
from .nodes import Book, Dedication, Epigraph, Heading, Part, PartMatter, Text, plain_text

if TYPE_CHECKING:
    from .project import Project

__all__ = ["BoxsetConfig", "assemble_boxset", "book_paths", "parse_boxset"]


class BoxsetConfig(BaseModel):
    """``[boxset]``: the projects this box set is made of, in reading order."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    books: list[str] = Field(
        min_length=1, description="Each book's project folder, relative to this book.toml."
    )


def book_paths(root: Path, config: BoxsetConfig) -> list[Path]:
    """The books' project folders: each must be a project (hold a ``book.toml``).

    The books of a set live beside it, outside its folder, so they are not
    confined to it; requiring a ``book.toml`` in each keeps a listed path from
    reading any folder that is not a book project (``/etc``).
    """
    from .config import CONFIG_NAME

    out = []
    for name in config.books:
        path = (root / name).resolve()
        if path == root.resolve():
            raise ConfigError(f"boxset.books: {name!r} is this box set itself; list the books")
        if not (path / CONFIG_NAME).is_file():
            raise ConfigError(
                f"boxset.books: {name!r} is not a book project (no {CONFIG_NAME} in it); "
                "list each book's project folder"
            )
        out.append(path)
    return out


def _book_heading(book: Book, part: Part | None) -> Heading:
    """The part page that opens a book in the set: its title, then its author."""
    source = part.source if part is not None else book.parts[0].source
    title = book.meta.title
    if part is not None and part.heading is not None:
        heading = part.heading
        title_text = plain_text(heading.title)
        label = " ".join(x for x in (heading.label, heading.number_text) if x)
        shown = ": ".join(x for x in (label, title_text) if x)
        return dataclasses.replace(
            heading,
            label=None,
            number=None,
            number_text=None,
            title=(Text(f"{title}: {shown}" if shown else title, source),),
        )
    byline = ", ".join(book.meta.authors)
    return Heading(
        source,
        title=(Text(title, source),),
        subtitle=(Text(byline, source),) if byline else (),
    )


def _book_front(book: Book) -> tuple[PartMatter, ...]:
    """The book's own dedication and epigraph, in its order."""
    return tuple(m for m in book.front if isinstance(m, Dedication | Epigraph))


def assemble_boxset(boxset: Book, books: list[Book]) -> Book:
    """The set: ``boxset``'s metadata and front matter, then each book as its parts."""
    parts: list[Part] = []
    for book in books:
        front = _book_front(book)
        if len(book.parts) == 1 and book.parts[0].heading is None:
            only = book.parts[0]
            parts.append(Part(_book_heading(book, None), only.chapters, only.source, front))
            continue
        # A book in parts: its title page stands alone before them.
        parts.append(Part(_book_heading(book, None), (), book.parts[0].source, front))
        for part in book.parts:
            parts.append(Part(_book_heading(book, part), part.chapters, part.source))
    diagnostics = tuple(d for book in books for d in book.diagnostics)
    if not parts:
        raise ConfigError("boxset.books: the books have no chapters")
    return dataclasses.replace(boxset, parts=tuple(parts), diagnostics=diagnostics)


def parse_boxset(project: Project) -> Book:
    """Compile every book the box set lists, then assemble the set."""
    from .api import parse
    from .bookmeta import metadata
    from .locale import get_locale
    from .output import build_time
    from .transforms.matter import front_matter

    config = project.config
    assert config.boxset is not None
    books = [parse(path) for path in book_paths(project.root, config.boxset)]
    meta = metadata(config, None, None, project.root.name)
    if project.cover is not None:
        meta = dataclasses.replace(meta, cover=str(project.cover))
    front = front_matter(meta, get_locale(config.language), build_time().year)
    return assemble_boxset(Book(meta, (), front=front), books)
