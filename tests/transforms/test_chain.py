"""The transform chain: its order, the ``[transforms]`` switches, ``apply`` and the memo."""

from __future__ import annotations

from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import Contents, Emphasis, Paragraph, Text, TitlePage
from compile_book.transforms import CHAIN, Memo, apply, chain_for
from tests.trees_small import WHEN, assembled, codes, found

TWO_CHAPTERS = "Chapter 1\n\nThe the cat sat.\n\nChapter 2\n\nA *dog* ran.\n"


def test_chain_runs_inlines_lint_typography_literals_matter_in_that_order() -> None:
    assert [name for name, _, _ in CHAIN] == ["inlines", "lint", "typography", "literals", "matter"]
    assert [name for name, _, optional in CHAIN if optional] == ["inlines", "lint", "typography"]
    assert [name for name, _ in chain_for(BookConfig())] == [name for name, _, _ in CHAIN]


def test_chain_for_leaves_out_the_transforms_switched_off() -> None:
    config = BookConfig.model_validate({"transforms": {"inlines": False, "lint": False}})
    assert [name for name, _ in chain_for(config)] == ["typography", "literals", "matter"]


def test_apply_with_lint_off_reports_no_doubled_word() -> None:
    book = assembled(TWO_CHAPTERS)
    on = apply(book, BookConfig(), WHEN)
    off = apply(book, BookConfig.model_validate({"transforms": {"lint": False}}), WHEN)
    assert "W103" in codes(on.diagnostics)
    assert "W103" not in codes(off.diagnostics)


def test_apply_with_inlines_off_keeps_delimiters_as_text() -> None:
    book = assembled("A *dog* ran.\n")
    out = apply(book, BookConfig.model_validate({"transforms": {"inlines": False}}), WHEN)
    assert out.chapters[0].blocks == (
        Paragraph((Text("A *dog* ran.", out.chapters[0].source),), out.chapters[0].source),
    )


def test_apply_keeps_assembly_diagnostics_and_adds_the_transforms_in_book_order() -> None:
    book = assembled(TWO_CHAPTERS)
    out = apply(book, BookConfig(), WHEN)
    assert set(book.diagnostics) <= set(out.diagnostics)
    lines = [d.line for d in out.diagnostics]
    assert lines == sorted(lines)
    assert {"N041", "W103"} <= set(codes(out.diagnostics))


def test_apply_always_builds_front_matter() -> None:
    off = {"inlines": False, "lint": False, "typography": False}
    out = apply(assembled("Text.\n"), BookConfig.model_validate({"transforms": off}), WHEN)
    assert [type(m) for m in out.front] == [TitlePage, Contents]


def test_memo_replays_unchanged_chapters_as_the_same_objects_and_diagnostics() -> None:
    memo = Memo()
    first = apply(assembled(TWO_CHAPTERS), BookConfig(), WHEN, memo)
    second = apply(assembled(TWO_CHAPTERS), BookConfig(), WHEN, memo)
    assert all(a is b for a, b in zip(first.chapters, second.chapters, strict=True))
    assert first.diagnostics == second.diagnostics


def test_memo_recomputes_only_the_changed_chapter() -> None:
    memo = Memo()
    first = apply(assembled(TWO_CHAPTERS), BookConfig(), WHEN, memo)
    changed = TWO_CHAPTERS.replace("The the cat", "The cat")
    second = apply(assembled(changed), BookConfig(), WHEN, memo)
    assert second.chapters[0] is not first.chapters[0]
    assert second.chapters[1] is first.chapters[1]
    assert "W103" not in codes(second.diagnostics)
    assert isinstance(second.chapters[1].blocks[0], Paragraph)
    assert isinstance(second.chapters[1].blocks[0].inlines[1], Emphasis)


_WRAP_A = (
    "The lighthouse keeper climbed the stairs every night at nine and\n"
    "lit the lamp that the the ships relied on, though few of them ever\n"
    "thanked him for it, and he did not mind that at all, not really.\n"
)
# The same paragraph re-wrapped: same text, same first line, "lit" moved up a line.
_WRAP_B = _WRAP_A.replace("nine and\nlit the", "nine and lit\nthe")


def test_memo_does_not_replay_stale_positions_for_a_rewrapped_paragraph() -> None:
    memo = Memo()
    apply(assembled(_WRAP_A), BookConfig(), WHEN, memo)
    replayed = apply(assembled(_WRAP_B), BookConfig(), WHEN, memo)
    fresh = apply(assembled(_WRAP_B), BookConfig(), WHEN)
    assert found(fresh.diagnostics, Code.DOUBLED_WORD) == [("a.txt", 2, 19)]
    assert found(replayed.diagnostics, Code.DOUBLED_WORD) == [("a.txt", 2, 19)]
