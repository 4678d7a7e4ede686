"""The invariants every writer relies on, checked once on the assembled tree.

Split from :mod:`compile_book.nodes` (the tree's vocabulary) because this is a
pass over a whole book, run by :mod:`compile_book.assemble`; a failure is a bug
in a reader, assembly or a transform, never the writer's manuscript.
"""

from __future__ import annotations

from .nodes import Block, Book, SceneBreak, Source

__all__ = ["TreeError", "validate"]


class TreeError(ValueError):
    """A tree breaks an invariant: a bug in a reader, assembly or a transform."""


def validate(book: Book) -> None:
    """Check the invariants every writer relies on (docutils' ``transition`` rules).

    A scene break never begins or ends a chapter and never follows another;
    every part, chapter and block carries a :class:`Source`. Linear in the
    number of blocks.
    """
    for part in book.parts:
        _check_source(part.source, "part")
        for chapter in part.chapters:
            _check_source(chapter.source, "chapter")
            blocks = chapter.blocks
            if blocks and (isinstance(blocks[0], SceneBreak) or isinstance(blocks[-1], SceneBreak)):
                raise TreeError(f"{chapter.source}: a scene break at the edge of a chapter")
            previous: Block | None = None
            for block in blocks:
                _check_source(block.source, "block")
                if isinstance(block, SceneBreak) and isinstance(previous, SceneBreak):
                    raise TreeError(f"{block.source}: two scene breaks in a row")
                previous = block


def _check_source(source: object, what: str) -> None:
    if not isinstance(source, Source):
        raise TreeError(f"a {what} without a source position")
