"""Chapter documents kept from one build to the next in a process (``build --watch``).

Why: after one chapter is saved, the tree's other chapters come back as the very
same nodes (the parse cache and the transform memo keep them), and setting every
one of them as XHTML again was a quarter of a one-chapter rebuild. A chapter's
document depends only on the chapter, its place (id, name, title, heading level)
and the book's settings the renderer holds (language, stylesheet, mind-speech
class, heading number styles, locale), which together are the key.

A chapter with figures is always set again: setting it registers its images,
which name the image files of the package. Only the last build's chapters are
kept, and only while builds repeat (:mod:`compile_book.keeping`).
"""

from __future__ import annotations

from typing import ClassVar

from ... import keeping
from ...nodes import Chapter
from ..common import Entry
from ..xhtml import Xhtml, serialise

Key = tuple[object, ...]


class KeptChapters:
    """One build's use of the documents the previous build kept."""

    _last: ClassVar[dict[Key, tuple[Chapter, bytes]]] = {}

    def __init__(self, last: dict[Key, tuple[Chapter, bytes]]) -> None:
        self.last = last
        self.used: dict[Key, tuple[Chapter, bytes]] = {}

    @classmethod
    def begin(cls) -> KeptChapters:
        return cls(cls._last)

    def chapter(self, xhtml: Xhtml, entry: Entry, title: str, tag: str) -> bytes:
        """The chapter's serialised document: kept, or set now (and kept when it can be)."""
        headings = xhtml.headings
        key: Key = (
            id(entry.chapter), entry.uid, entry.name, title, tag, type(xhtml), xhtml.lang,
            xhtml.css, xhtml.telepathic, id(headings.locale), headings.chapter_numbers,
            headings.part_numbers,
        )  # fmt: skip
        found = self.last.get(key)
        if found is not None and found[0] is entry.chapter:
            self.used[key] = found
            return found[1]
        figures = xhtml.images.figures
        content = serialise(xhtml.chapter(entry, title, tag))
        if xhtml.images.figures == figures:  # no figure: nothing registered
            self.used[key] = (entry.chapter, content)
        return content

    def done(self) -> None:
        """Keep this build's chapters (and only them) for the next build, when builds
        are being repeated (:mod:`compile_book.keeping`); else keep nothing."""
        KeptChapters._last = self.used if keeping.enabled() else {}
