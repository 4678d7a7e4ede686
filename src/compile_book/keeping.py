"""Whether this process keeps per-chapter work from one build for the next.

``build --watch`` builds the same book again and again, and after an edit most
of its chapters come back as the very same nodes: their XHTML documents, their
deflated bytes, their quote counts and glyph places, their Typst data and
facing-pages plans can be reused (:mod:`compile_book.writers.epub.kept`,
:mod:`~compile_book.writers.epub.deflate`, :mod:`compile_book.glyphs`,
:mod:`compile_book.transforms.lint`, :mod:`compile_book.writers.pdf.kept`,
:mod:`~compile_book.writers.pdf.spreads`, :class:`ByIdentity`). A one-off build,
or a program calling the library for one book after another, would only hold a
finished book in memory for nothing; so work is kept only inside
:func:`keeping`, which :class:`~compile_book.watch.Rebuilder` enters.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import Generic, TypeVar

V = TypeVar("V")
Key = tuple[object, ...]

_depth = 0


def enabled() -> bool:
    """True inside :func:`keeping`."""
    return _depth > 0


@contextlib.contextmanager
def keeping() -> Iterator[None]:
    """Keep per-chapter work for the next build while inside."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1


class ByIdentity(Generic[V]):
    """Values worked out from objects that never change, found again by their identity.

    After an edit most chapters come back as the very same objects (nodes, and
    the PDF writer's kept data, :mod:`compile_book.writers.pdf.kept`), so what
    was worked out from them is found without working it out or hashing them
    again: a chapter's room on the page, a piece's weight and its store name.
    The objects are held with the value, so an identity is never another
    object's while it is remembered. Each :meth:`round` forgets what was not
    used since the last; nothing is remembered outside :func:`keeping`.
    """

    def __init__(self) -> None:
        self._last: dict[Key, tuple[tuple[object, ...], V]] = {}
        self._used: dict[Key, tuple[tuple[object, ...], V]] = {}

    def get(self, objects: Sequence[object], extra: Hashable, make: Callable[[], V]) -> V:
        """The value for `objects` (by identity) and `extra` (by value): remembered, or made."""
        if not enabled():
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
