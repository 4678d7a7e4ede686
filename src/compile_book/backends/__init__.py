"""Output backends. Each consumes a :class:`~compile_book.nodes.Book` and nothing else.

One registry table maps a format name to its writer (pandoc's habit), so the
CLI and the library never special-case a format. Writers are imported lazily:
building an EPUB never pays for loading Typst.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from ..config import BookConfig
from ..nodes import Book

Writer = Callable[[Book, Path, BookConfig], None]

#: format name -> (module, function, file extension)
REGISTRY: dict[str, tuple[str, str, str]] = {
    "epub": ("compile_book.backends.epub", "write_epub", ".epub"),
    "pdf": ("compile_book.backends.pdf", "write_pdf", ".pdf"),
}
FORMATS = tuple(REGISTRY)


def writer(fmt: str) -> Writer:
    """The writer function for a format name."""
    module, func, _ = REGISTRY[fmt]
    result: Writer = getattr(importlib.import_module(module), func)
    return result


def extension(fmt: str) -> str:
    return REGISTRY[fmt][2]
