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

__all__ = ["FORMATS", "REGISTRY", "WriterModule", "extension", "module", "options_for", "write"]

#: format name -> (writer module, file extension)
REGISTRY: dict[str, tuple[str, str]] = {
    "epub": ("compile_book.writers.epub", ".epub"),
    "pdf": ("compile_book.writers.pdf", ".pdf"),
}
FORMATS = tuple(REGISTRY)


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
