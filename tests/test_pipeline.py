"""The pipeline's handling of the garbage collector around a compile.

Collection is off while the tree is built; afterwards the new objects count as
old (so the first allocation does not scan the whole tree), nothing is left
frozen, and the collector is on again exactly when it was on before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from compile_book.nodes import Book
from compile_book.pipeline import ManuscriptSource, compile_sources

_NOVELLA = "\n\n".join(f"Paragraph {i} of the story, told plainly." for i in range(2000))


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()


def _compile() -> Book:
    book = compile_sources([ManuscriptSource("story.txt", _NOVELLA.encode())])
    assert book.chapters
    return book


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was_with_nothing_frozen(enabled: bool) -> None:
    gc.unfreeze()
    (gc.enable if enabled else gc.disable)()
    _compile()
    assert gc.isenabled() is enabled
    assert gc.get_freeze_count() == 0


@pytest.mark.usefixtures("collector")
def test_the_new_tree_is_not_left_in_the_youngest_generation() -> None:
    gc.unfreeze()
    gc.disable()  # so that nothing moves the tree but the pipeline
    book = _compile()
    young = {id(o) for o in gc.get_objects(generation=0)}
    assert id(book) not in young
    assert id(book.parts[0]) not in young


@pytest.mark.usefixtures("collector")
def test_objects_frozen_before_stay_frozen_and_builds_add_none() -> None:
    """A process that froze its own objects keeps them frozen, and its builds' cycles
    are not frozen with them (they would never be collected)."""
    gc.unfreeze()
    gc.freeze()
    before = gc.get_freeze_count()
    for _ in range(3):
        _compile()
    assert gc.get_freeze_count() == before
