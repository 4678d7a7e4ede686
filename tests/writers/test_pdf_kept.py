"""``build --watch`` rebuilds of a PDF set in pieces write the bytes a fresh build writes.

What a rebuild keeps from the last (each chapter's template data, the pieces'
PDFs, the pieces qpdf opened, the spreads planned for a chapter) must change
nothing: after every edit the Rebuilder's PDF is compared byte for byte with
one built afresh, every store emptied first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compile_book import api
from compile_book.watch import Rebuilder
from compile_book.writers.pdf import data, kept, opened, pieces, spreads
from tests.projects import make_project

EPOCH = "1767225600"
TOML = 'title = "The Long Tide"\nauthors = ["Ada Penrose"]\n'

_WORDS = (
    "the tide came in over the flats and the boats lay waiting for the wind "
    "while she counted the nets and the gulls went on crying above the harbour"
).split()


def _paragraph(n: int, words: int) -> str:
    text = " ".join(_WORDS[(n * 7 + i) % len(_WORDS)] for i in range(words))
    return f'"{text.capitalize()}," she said.' if n % 3 == 0 else text.capitalize() + "."


def _chapter(number: int, paragraphs: int = 30) -> str:
    body = "\n\n".join(
        _paragraph(number + i, 12 + (number * 5 + i * 11) % 60) for i in range(paragraphs)
    )
    return f"Chapter {number}\n\n{body}\n"


@pytest.fixture(autouse=True)
def _small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of two chapters, so that a small book is set in several (the spreads of
    its second chapter are evened: two pages run short)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 25_000)


def _fresh(project: Path, out: Path) -> bytes:
    """The book built as a one-off build would, with nothing kept by this process."""
    pieces._SET.clear()
    opened._open_pieces.clear()
    api.build(project, ["pdf"], out)
    return out.read_bytes()


def test_rebuilds_write_the_pdf_a_fresh_build_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    split = pieces.split
    cut: list[int] = []

    def counted(parts: list[dict[str, Any]], size: int) -> list[pieces.Piece]:
        made = split(parts, size)
        cut.append(len(made))
        return made

    monkeypatch.setattr(pieces, "split", counted)
    chapters = {f"{n:02d}.txt": _chapter(n) for n in range(1, 8)}
    project = make_project(tmp_path / "b", toml=TOML, chapters=chapters, cover=False)
    manuscripts = project / "manuscripts"
    rebuilder = Rebuilder(project, ["pdf"], tmp_path / "watch.pdf")
    assert rebuilder.rebuild().ok
    edits: list[tuple[str, str | None]] = [
        ("01.txt", _chapter(1).replace("she said.", "she said, and went out.", 1)),
        ("01.txt", _chapter(1, paragraphs=40)),  # every later page moves on
        ("03b.txt", _chapter(30)),  # a new chapter: every later one has a new place
        ("02.txt", None),  # gone
        ("06.txt", _chapter(6) + "\n* * *\n\nAfter the break the harbour was quiet.\n"),
        ("book.toml", TOML + "\n[pdf]\neven_spreads = false\n"),
        ("book.toml", TOML),
    ]
    for i, (name, text) in enumerate(edits):
        changed = (project if name == "book.toml" else manuscripts) / name
        if text is None:
            changed.unlink()
        else:
            changed.write_text(text, encoding="utf-8")
        result = rebuilder.rebuild([changed])
        assert result.ok, result.error
        assert cut[-1] > 2  # the book is set in pieces
        watched = (tmp_path / "watch.pdf").read_bytes()
        assert watched == _fresh(project, tmp_path / f"fresh-{i}.pdf"), f"after {name}"


def test_a_rebuild_works_out_the_changed_chapter_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its data, and its spreads: the other chapter of its piece, whose spreads are
    evened, comes back with the floats planned for it before."""
    chapters = {f"{n:02d}.txt": _chapter(n) for n in range(1, 6)}
    project = make_project(tmp_path / "b", toml=TOML, chapters=chapters, cover=False)
    rebuilder = Rebuilder(project, ["pdf"], tmp_path / "watch.pdf")
    assert rebuilder.rebuild().ok
    made: list[str] = []
    planned: list[int] = []
    chapter, plan = data._chapter, spreads._plan

    def counted(entry: Any, *args: Any) -> dict[str, Any]:
        made.append(entry.uid)
        return chapter(entry, *args)

    def counted_plan(shape: Any, grid: Any) -> list[tuple[int, float]]:
        planned.append(len(shape.items))
        return plan(shape, grid)

    monkeypatch.setattr(data, "_chapter", counted)
    monkeypatch.setattr(spreads, "_plan", counted_plan)
    changed = project / "manuscripts" / "01.txt"
    changed.write_text(_chapter(1) + "\nShe slept.\n", encoding="utf-8")
    assert rebuilder.rebuild([changed]).ok
    assert len(made) == 1 and len(planned) == 1
    assert spreads._PLANS and any(floats for floats in spreads._PLANS.values())
    _fresh(project, tmp_path / "once.pdf")  # a one-off build keeps nothing
    assert len(made) == 6 and not kept.KeptData._last and not spreads._PLANS
    assert not pieces._WEIGHTS._last and not pieces._NAMES._last


def test_under_watch_typst_keeps_what_it_remembers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Typst process holding more than a one-off build allows is kept under --watch
    (the next rebuild sets its piece again from what it remembers), not between the
    pieces of a one-off build."""
    from compile_book.writers.pdf import runner

    chapters = {f"{n:02d}.txt": _chapter(n) for n in range(1, 6)}
    project = make_project(tmp_path / "b", toml=TOML, chapters=chapters, cover=False)
    stops: list[int] = []
    stop = runner.stop

    def counted() -> None:
        stops.append(1)
        stop()

    monkeypatch.setattr(runner, "child_memory_mb", lambda: pieces.KEEP_MB + 1.0)
    monkeypatch.setattr(runner, "stop", counted)
    assert Rebuilder(project, ["pdf"], tmp_path / "watch.pdf").rebuild().ok
    assert stops == []
    _fresh(project, tmp_path / "once.pdf")
    assert len(stops) > 1  # after every piece
