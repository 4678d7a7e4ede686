"""Chapters' template data kept from one build to the next in a process (``build --watch``).

Why: after one chapter is saved, the tree's other chapters come back as the very
same nodes (the parse cache and the transform memo keep them), and turning every
one of them into template data again was a tenth of a one-chapter PDF rebuild.
A chapter's data depends only on the chapter, its place (uid, name) and the
book's settings the body and headings hold (drop cap, lead-in words, locale,
number styles), which together are the key.

The data is kept as the facing-pages evening leaves it: :func:`.spreads.mark`
numbers each chapter by its place among all the book's chapters and puts its
markers into the chapter's own lists, and skips a chapter it numbered already.
So the key holds that place and whether spreads are evened at all, and nothing
else may change kept data (every later step copies what it changes).

A chapter with figures is always turned into data again: doing so registers its
images, which the run needs. Only the last build's chapters are kept, and only
while builds repeat (:mod:`compile_book.keeping`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from ... import keeping
from ...nodes import Chapter, Figure
from ...walk import walk_chapter

Key = tuple[object, ...]
Data = dict[str, Any]


class KeptData:
    """One build's use of the chapter data the previous build kept."""

    _last: ClassVar[dict[Key, tuple[Chapter, Data]]] = {}

    def __init__(self, last: dict[Key, tuple[Chapter, Data]]) -> None:
        self.last = last
        self.used: dict[Key, tuple[Chapter, Data]] = {}

    @classmethod
    def begin(cls) -> KeptData:
        return cls(cls._last if keeping.enabled() else {})

    def chapter(self, key: Key, chapter: Chapter, make: Callable[[], Data]) -> Data:
        """The chapter's data: kept, or made now (and kept when it can be)."""
        found = self.last.get(key)
        if found is not None and found[0] is chapter:
            self.used[key] = found
            return found[1]
        data = make()
        if keeping.enabled() and not any(isinstance(n, Figure) for n in walk_chapter(chapter)):
            self.used[key] = (chapter, data)
        return data

    def done(self) -> None:
        """Keep this build's chapters (and only them) for the next build, when builds
        are being repeated (:mod:`compile_book.keeping`); else keep nothing."""
        KeptData._last = self.used if keeping.enabled() else {}
