"""compile-book: raw fiction manuscripts in, a store-ready EPUB 3 and a print-ready PDF out.

Library use (every command is a call too)::

    import compile_book

    book = compile_book.parse("story.txt")          # the document tree
    for d in book.diagnostics:                      # what was normalised, what looks wrong
        print(d.format())
    outputs = compile_book.build("my-novel/", formats=["epub", "pdf"])
    report = compile_book.check("my-novel/")        # the linter: report.warnings, .to_json()
    numbers = compile_book.stats("my-novel/")       # numbers.total.words, .pages, .chapters
    compile_book.init("new-novel/", title="Salt", author="A. Writer")
    schema = compile_book.schema()                  # the JSON Schema of book.toml

Importing the package is cheap: the parser, pydantic and the backends load on
first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# These three modules import nothing heavy at import time. Importing their
# functions here also keeps `compile_book.check` the function even after
# `compile_book.check` the module has been imported.
from .check import check
from .stats import stats
from .watch import watch

if TYPE_CHECKING:
    from .api import build, parse
    from .config import json_schema as schema
    from .scaffold import init

__version__ = "0.1.0"

__all__ = ["__version__", "build", "check", "init", "parse", "schema", "stats", "watch"]

_LAZY = {
    "build": ("compile_book.api", "build"),
    "parse": ("compile_book.api", "parse"),
    "init": ("compile_book.scaffold", "init"),
    "schema": ("compile_book.config", "json_schema"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
