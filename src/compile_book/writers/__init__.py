"""Writers: each turns a finished :class:`~compile_book.nodes.Book` into one output file.

One registry table maps a format name to its module (pandoc's habit), so the
CLI and the library never special-case a format. A writer module exposes:

* an options model (frozen) and ``options_from(config) -> Options``, which
  reads what that writer needs from ``book.toml``;
* ``write(book, options, out) -> None``, writing ``out`` atomically.

Writers receive the book, their own options and an output path: never the
whole config, never the project on disk. Adding a writer is one module and
one line in :data:`REGISTRY`. Modules are imported lazily: building an EPUB
never pays for loading Typst.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, cast

from ..config import BookConfig
from ..metadata import check_metadata
from ..nodes import Book

__all__ = [
    "ALL",
    "FORMATS",
    "NAME_SUFFIX",
    "REGISTRY",
    "WriterModule",
    "extension",
    "file_name",
    "module",
    "options_for",
    "write",
]

#: format name -> (writer module, file extension)
REGISTRY: dict[str, tuple[str, str]] = {
    "epub": ("compile_book.writers.epub", ".epub"),
    "pdf": ("compile_book.writers.pdf", ".pdf"),
    "cover": ("compile_book.writers.cover", ".pdf"),
    "cover-proof": ("compile_book.writers.cover.proof", ".pdf"),
    "kepub": ("compile_book.writers.kepub", ".kepub.epub"),
    "kindle": ("compile_book.writers.kindle", ".epub"),
    "azw3": ("compile_book.writers.azw3", ".azw3"),
    "manuscript": ("compile_book.writers.manuscript.word", ".docx"),
    "manuscript-pdf": ("compile_book.writers.manuscript.pdf", ".pdf"),
}
FORMATS = tuple(REGISTRY)
#: What ``--format all`` builds: the book itself, as an ebook and a print interior.
#: Every other file a release needs is an edition (``--all-editions``).
ALL = ("epub", "pdf")
#: format name -> what its default file name adds to the book's slug, where the
#: extension alone would collide with another format's (``<slug>-cover.pdf``).
NAME_SUFFIX: dict[str, str] = {
    "kindle": "-kindle",
    "cover": "-cover",
    "cover-proof": "-cover-proof",
    "manuscript": "-manuscript",
    "manuscript-pdf": "-manuscript",
}


class WriterModule(Protocol):
    """What a writer module provides (its options type is its own)."""

    options_from: Callable[[BookConfig], Any]
    write: Callable[[Book, Any, Path], None]


def module(fmt: str) -> WriterModule:
    """The writer module for a format name (imported on first use)."""
    name, _ = REGISTRY[fmt]
    return cast(WriterModule, importlib.import_module(name))


def extension(fmt: str) -> str:
    """The file extension of a format, with its dot (``".epub"``)."""
    return REGISTRY[fmt][1]


def file_name(fmt: str, stem: str) -> str:
    """A format's default output name for a book whose slug is `stem`."""
    return f"{stem}{NAME_SUFFIX.get(fmt, '')}{extension(fmt)}"


def options_for(fmt: str, config: BookConfig | None = None) -> Any:
    """The options of a format's writer as ``book.toml`` (or the defaults) sets them."""
    return module(fmt).options_from(config or BookConfig())


def write(book: Book, fmt: str, path: Path, options: object | None = None) -> None:
    """Write `book` in format `fmt` to `path`; ``options`` default to ``options_for(fmt)``.

    A :class:`~compile_book.nodes.Metadata` a caller built by hand is checked as
    ``book.toml`` is (:func:`~compile_book.metadata.check_metadata`) before any byte is written.
    """
    check_metadata(book.meta)
    writer = module(fmt)
    writer.write(book, options if options is not None else options_for(fmt), path)
