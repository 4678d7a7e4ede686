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

from collections.abc import Callable, Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from ... import keeping
from ...nodes import Chapter, Figure
from ...walk import walk_chapter

Key = tuple[object, ...]
Data = dict[str, Any]
V = TypeVar("V")


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


class ByIdentity(Generic[V]):
    """Values worked out from chapters' data, found again by the data's identity.

    Kept data never changes once the spreads' marking is done (see above), so
    the very same objects give the same value: a piece's weight, its store name,
    found without encoding its data again. The objects are held with the value,
    so an identity is never another object's while it is remembered. Each
    :meth:`round` forgets what was not used since the last; nothing is
    remembered unless builds repeat (:mod:`compile_book.keeping`).
    """

    def __init__(self) -> None:
        self._last: dict[Key, tuple[tuple[object, ...], V]] = {}
        self._used: dict[Key, tuple[tuple[object, ...], V]] = {}

    def get(self, objects: Sequence[object], extra: Hashable, make: Callable[[], V]) -> V:
        """The value for `objects` (by identity) and `extra` (by value): remembered, or made."""
        if not keeping.enabled():
            return make()
        key = (extra, *map(id, objects))
        found = self._last.get(key) or self._used.get(key)
        if found is None:
            found = (tuple(objects), make())
        self._used[key] = found
        return found[1]

    def round(self) -> None:
        """Remember, from now on, only what was used since the last round."""
        self._last, self._used = self._used, {}
