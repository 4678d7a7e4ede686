"""compile-book: raw fiction manuscripts in, a store-ready EPUB 3 and a print-ready PDF out.

Library use (every command is a call too)::

    import compile_book

    book = compile_book.parse("story.txt")          # the document tree
    book = compile_book.parse_text("Chapter 1\n\nIt was late.", language="en")
    for node in compile_book.walk(book): ...        # every node in document order
    spans = compile_book.query(book, compile_book.nodes.Telepathy)
    data = compile_book.to_json(book)               # {"compile-book-tree-version": [1, 0], ...}
    compile_book.write(book, "epub", "out/story.epub")
    for d in book.diagnostics:                      # what was normalised, what looks wrong
        print(d.format())
    outputs = compile_book.build("my-novel/", formats=["epub", "pdf"])
    report = compile_book.check("my-novel/")        # the linter: report.warnings, .to_json()
    numbers = compile_book.stats("my-novel/")       # numbers.total.words, .pages, .chapters
    compile_book.init("new-novel/", title="Salt", author="A. Writer")
    schema = compile_book.schema()                  # the JSON Schema of book.toml

Importing the package is cheap: the readers, pydantic and the writers load on
first use.
"""

from __future__ import annotations

import sys
import types

# Why not ``typing.TYPE_CHECKING``: importing typing costs several milliseconds of a
# start-up budget of 30; type checkers treat any constant of this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .api import build, parse, parse_text, query, to_json, walk, write
    from .check import check
    from .config import json_schema as schema
    from .scaffold import init
    from .stats import stats
    from .watch import watch

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "build",
    "check",
    "init",
    "parse",
    "parse_text",
    "query",
    "schema",
    "stats",
    "to_json",
    "walk",
    "watch",
    "write",
]

_LAZY = {
    "build": ("compile_book.api", "build"),
    "parse": ("compile_book.api", "parse"),
    "parse_text": ("compile_book.api", "parse_text"),
    "write": ("compile_book.api", "write"),
    "walk": ("compile_book.walk", "walk"),
    "query": ("compile_book.walk", "query"),
    "to_json": ("compile_book.serialize", "to_json"),
    "init": ("compile_book.scaffold", "init"),
    "schema": ("compile_book.config", "json_schema"),
    "check": ("compile_book.check", "check"),
    "stats": ("compile_book.stats", "stats"),
    "watch": ("compile_book.watch", "watch"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Package(types.ModuleType):
    """The package object: a submodule named like a function never replaces the function.

    Importing ``compile_book.check`` (the module) makes the import system set the
    package's ``check`` attribute to that module; the library promises
    ``compile_book.check`` is the function, so that one assignment is dropped
    and the function still loads lazily through :func:`__getattr__`.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
