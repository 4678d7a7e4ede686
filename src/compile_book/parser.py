"""Raw manuscripts -> the document tree (the stable entry points of earlier versions).

The work happens in :mod:`compile_book.pipeline` (readers, assembly,
transforms); this module keeps the names tools already import.
"""

from __future__ import annotations

from .config import BookConfig
from .nodes import Book
from .pipeline import CompileCache as ParseCache
from .pipeline import ManuscriptSource, compile_sources
from .rules.titles import by_line

__all__ = ["ManuscriptSource", "ParseCache", "by_line", "parse_sources", "parse_text"]


def parse_sources(
    sources: list[ManuscriptSource],
    config: BookConfig | None = None,
    name_hint: str = "",
    cache: ParseCache | None = None,
) -> Book:
    """Parse manuscripts (in book order) into a :class:`Book`."""
    return compile_sources(sources, config, name_hint, cache)


def parse_text(text: str, config: BookConfig | None = None, name: str = "<text>") -> Book:
    """Parse one manuscript given as a string (for tools and tests)."""
    return compile_sources([ManuscriptSource(name, text.encode("utf-8"))], config, name)
