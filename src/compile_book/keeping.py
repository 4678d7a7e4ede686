"""Whether this process keeps per-chapter work from one build for the next.

``build --watch`` builds the same book again and again, and after an edit most
of its chapters come back as the very same nodes: their XHTML documents, their
deflated bytes, their quote counts and glyph places can be reused
(:mod:`compile_book.writers.epub.kept`, :mod:`~compile_book.writers.epub.deflate`,
:mod:`compile_book.glyphs`, :mod:`compile_book.transforms.lint`). A one-off build,
or a program calling the library for one book after another, would only hold a
finished book in memory for nothing; so work is kept only inside
:func:`keeping`, which :class:`~compile_book.watch.Rebuilder` enters.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

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
