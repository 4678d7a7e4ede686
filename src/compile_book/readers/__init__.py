"""Readers: one module per input format, chosen by file suffix.

A reader is a pure function ``read(name, data, options) -> FileEvents``: a
file's bytes in, a typed sequence of block events out (see
:mod:`compile_book.events`). Being pure, a file's result can be cached and
reused while it does not change (:class:`ReaderCache`, used by ``--watch``).

Adding a format means adding one module with a ``read`` function and one
line in :data:`REGISTRY`. Readers are imported on first use.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable
from pathlib import PurePath

from ..events import FileEvents
from .structure import Options

__all__ = ["REGISTRY", "SUFFIXES", "Options", "ReaderCache", "read", "reader_for"]

Reader = Callable[[str, bytes, Options], FileEvents]

#: file suffix (lower case) -> module holding its ``read`` function
REGISTRY: dict[str, str] = {
    ".txt": "compile_book.readers.text",
    ".md": "compile_book.readers.markdown",
    ".markdown": "compile_book.readers.markdown",
    ".text": "compile_book.readers.text",
    ".docx": "compile_book.readers.docx",
    ".odt": "compile_book.readers.odt",
}
SUFFIXES = tuple(REGISTRY)


def reader_for(name: str) -> Reader:
    """The reader for a file name; an unknown suffix is read as plain text."""
    module = REGISTRY.get(PurePath(name).suffix.lower(), REGISTRY[".txt"])
    read_function: Reader = importlib.import_module(module).read
    return read_function


def read(name: str, data: bytes, options: Options | None = None) -> FileEvents:
    """Read one file with the reader its suffix names."""
    return reader_for(name)(name, data, options or Options())


CacheKey = tuple[str, bytes, Options]


class ReaderCache:
    """Reader results keyed by file name, content hash and options.

    Hand the same cache to successive compiles (``--watch`` does) and only
    changed files are read again; unchanged files give back the very same
    events, hence the same paragraph objects.
    """

    def __init__(self) -> None:
        self._results: dict[CacheKey, FileEvents] = {}
        self.hits = 0
        self.misses = 0
        self._live: set[CacheKey] = set()

    def read(self, name: str, data: bytes, options: Options) -> FileEvents:
        """The file's events, from the cache when its bytes and options are unchanged."""
        key = (name, hashlib.sha256(data).digest(), options)
        self._live.add(key)
        result = self._results.get(key)
        if result is None:
            self.misses += 1
            result = read(name, data, options)
            self._results[key] = result
        else:
            self.hits += 1
        return result

    def prune(self) -> None:
        """Forget files not read since the last prune (changed, or gone from the book)."""
        for key in list(self._results):
            if key not in self._live:
                del self._results[key]
        self._live = set()
