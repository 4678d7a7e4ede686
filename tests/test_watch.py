"""``build --watch``: the Rebuilder on its own, then the real watch loop, bounded in time."""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from compile_book.errors import CompileBookError, ConfigError, StrictError
from compile_book.nodes import plain_text
from compile_book.watch import Rebuilder, RebuildResult, watch
from tests.projects import CHAPTER_TWO, make_project

CHAPTERS = {f"{n:02d}.txt": f"Chapter {n}\n\nThe boats came in on day {n}.\n" for n in range(1, 6)}


def _first_paragraph(result: RebuildResult, chapter: int) -> str:
    assert result.book is not None
    ch = list(result.book.chapters)[chapter]
    return plain_text(ch.blocks[0].inlines)  # type: ignore[union-attr]


# --------------------------------------------------------------------- Rebuilder


def test_rebuild_reparses_only_the_changed_chapter(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b", chapters=CHAPTERS)
    rebuilder = Rebuilder(project)
    first = rebuilder.rebuild()
    assert first.ok, first.error
    assert (first.parsed, first.reused) == (5, 0)
    epub = first.outputs["epub"]
    assert epub.is_file()

    chapter = project / "manuscripts" / "03.txt"
    chapter.write_text("Chapter 3\n\nThe tide turned.\n", encoding="utf-8")
    second = rebuilder.rebuild([chapter])
    assert second.ok
    assert (second.parsed, second.reused) == (1, 4)
    assert second.changed == (chapter,)
    assert _first_paragraph(second, 2) == "The tide turned."
    assert second.book is not None and first.book is not None
    # unchanged chapters' paragraphs come back as the very same nodes
    before = first.book.chapters[0].blocks[0]
    assert second.book.chapters[0].blocks[0] is before
    assert "rebuilt" in second.status() and "(1 parsed, 4 reused)" in second.status()


def test_every_rebuild_of_a_session_is_dated_when_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without SOURCE_DATE_EPOCH a date moving with each save made every piece of a
    # long book's PDF look changed, so each save set the whole book again.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = make_project(tmp_path / "b", chapters=CHAPTERS)
    rebuilder = Rebuilder(project)
    first = rebuilder.rebuild()
    assert first.ok and rebuilder.started is not None
    dated = _modified(first.outputs["epub"])
    time.sleep(1.1)  # a second later: another date, were it taken afresh
    chapter = project / "manuscripts" / "03.txt"
    chapter.write_text("Chapter 3\n\nThe tide turned.\n", encoding="utf-8")
    second = rebuilder.rebuild([chapter])
    assert second.ok
    assert (
        _modified(second.outputs["epub"])
        == dated
        == rebuilder.started.strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def _modified(epub: Path) -> str:
    with zipfile.ZipFile(epub) as z:
        opf = next(n for n in z.namelist() if n.endswith(".opf"))
        found = re.search(r'property="dcterms:modified">([^<]+)<', z.read(opf).decode())
    assert found is not None
    return found.group(1)


def test_rebuild_picks_up_new_files_and_config(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b", chapters=dict(list(CHAPTERS.items())[:2]))
    rebuilder = Rebuilder(project)
    rebuilder.rebuild()
    (project / "manuscripts" / "03.txt").write_text(CHAPTER_TWO.replace("2", "3"), "utf-8")
    result = rebuilder.rebuild()
    assert result.book is not None and len(list(result.book.chapters)) == 3
    assert (result.parsed, result.reused) == (1, 2)
    toml = (project / "book.toml").read_text(encoding="utf-8")
    (project / "book.toml").write_text(toml.replace("Salt and Iron", "Iron"), "utf-8")
    result = rebuilder.rebuild()
    assert result.book is not None and result.book.meta.title == "Iron"
    assert result.outputs["epub"].name == "iron.epub"


def test_a_broken_config_is_reported_and_watching_goes_on(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b")
    rebuilder = Rebuilder(project)
    good = (project / "book.toml").read_text(encoding="utf-8")
    (project / "book.toml").write_text(good + "titel = 'x'\n", encoding="utf-8")
    broken = rebuilder.rebuild()
    assert not broken.ok and isinstance(broken.error, ConfigError)
    assert "not rebuilt" in broken.status() and "titel" in broken.status()
    (project / "book.toml").write_text(good, encoding="utf-8")
    assert rebuilder.rebuild().ok


def test_strict_reports_warnings_as_a_failed_rebuild(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b", chapters={"01.txt": "Chapter 1\n\nAnd and so.\n"})
    result = Rebuilder(project, strict=True).rebuild()
    assert isinstance(result.error, StrictError)
    assert not (project / "build").exists()


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CompileBookError):
        Rebuilder(make_project(tmp_path / "b"), ["mobi"])


def test_what_is_watched(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b").resolve()
    rebuilder = Rebuilder(project)
    rebuilder.rebuild()
    assert rebuilder.folders() == sorted([project, project / "covers", project / "manuscripts"])

    def wants(p: Path) -> bool:
        return rebuilder.wants(None, str(p))

    assert wants(project / "book.toml")
    assert wants(project / "manuscripts" / "01.txt")
    assert wants(project / "manuscripts" / "99-new.md")  # may match a glob now
    assert wants(project / "covers" / "cover.jpg")
    assert not wants(project / "build" / "salt-and-iron.epub")
    assert not wants(project / "manuscripts" / ".01.txt.swp")
    assert not wants(project / "manuscripts" / "01.txt~")
    assert not wants(project / "notes.docx")

    story = tmp_path / "story.txt"
    story.write_text("It came in.\n", encoding="utf-8")
    single = Rebuilder(story, output=tmp_path / "out.epub")
    single.rebuild()
    assert single.folders() == [tmp_path.resolve()]
    assert single.wants(None, str(story.resolve()))
    assert not single.wants(None, str(tmp_path.resolve() / "other.txt"))
    assert not single.wants(None, str(tmp_path.resolve() / "out.epub"))


# --------------------------------------------------------------------- the loop


def _wait_for(results: list[RebuildResult], n: int, timeout: float, poke: Path | None) -> None:
    """Wait until ``n`` results; touch ``poke`` every half second (the watcher may start late)."""
    deadline = time.monotonic() + timeout
    i = 0
    while len(results) < n and time.monotonic() < deadline:
        if poke is not None:
            i += 1
            poke.write_text(f"Chapter 2\n\nEdit number {i}.\n", encoding="utf-8")
        time.sleep(0.5)
    assert len(results) >= n, f"only {len(results)} rebuild(s) in {timeout} s"


def test_watch_loop_rebuilds_on_a_change_and_stops(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b")
    chapter = project / "manuscripts" / "02.txt"
    results: list[RebuildResult] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=watch,
        args=(project,),
        kwargs={
            "on_result": results.append,
            "stop_event": stop,
            "step_ms": 50,
            "debounce_ms": 400,
            "rust_timeout_ms": 200,
        },
        daemon=True,
    )
    thread.start()
    try:
        _wait_for(results, 1, 20, None)
        _wait_for(results, 2, 20, chapter)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    assert all(r.ok for r in results)
    assert results[1].changed == (chapter.resolve(),) or chapter.resolve() in results[1].changed
    assert (results[1].parsed, results[1].reused) == (1, 1)
    assert _first_paragraph(results[-1], 1).startswith("Edit number")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_cli_watch_subprocess_rebuilds_and_exits_0_on_ctrl_c(tmp_path: Path) -> None:
    project = make_project(tmp_path / "b")
    chapter = project / "manuscripts" / "02.txt"
    proc = subprocess.Popen(
        [sys.executable, "-m", "compile_book", "build", str(project), "--watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in proc.stderr or ():
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    seen: list[str] = []

    def rebuilt(count: int, timeout: float, poke: bool) -> None:
        deadline = time.monotonic() + timeout
        i = 0
        while sum("rebuilt" in s for s in seen) < count and time.monotonic() < deadline:
            if poke:
                i += 1
                chapter.write_text(f"Chapter 2\n\nEdit {i}.\n", encoding="utf-8")
            with contextlib.suppress(queue.Empty):
                seen.append(lines.get(timeout=0.5))
        assert sum("rebuilt" in s for s in seen) >= count, seen

    try:
        rebuilt(1, 30, poke=False)
        rebuilt(2, 30, poke=True)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)
    assert seen[0].startswith("watching ")
    assert any("(1 parsed, 1 reused)" in s for s in seen), seen


def _red_png() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def test_rebuilds_write_the_epub_a_fresh_build_writes(tmp_path: Path) -> None:
    """Chapters kept from the last build (and their deflated bytes) change nothing, even
    when the first chapter showing a picture goes and a later one now names the file.
    (The fresh build runs in its own process: nothing kept in this one.)"""
    from tests.projects import run_module

    pictured = "# Chapter {n}\n\nShe looked at the map.\n\n![The map](map.png)\n"
    chapters = {
        "01.md": pictured.format(n=1),
        "02.txt": "Chapter 2\n\nIt was late and the the lamps were lit.\n",
        "03.md": pictured.format(n=3),
    }
    project = make_project(tmp_path / "b", chapters=chapters)
    (project / "manuscripts" / "map.png").write_bytes(_red_png())
    rebuilder = Rebuilder(project, ["epub"], tmp_path / "watch.epub")
    assert rebuilder.rebuild().ok
    edits = [
        ("02.txt", "Chapter 2\n\nIt was late and the lamps were lit.\n"),
        ("01.md", "# Chapter 1\n\nShe had no map.\n"),
        ("02.txt", "Chapter 2\n\nIt was late.\n"),
    ]
    for i, (name, text) in enumerate(edits):
        changed = project / "manuscripts" / name
        changed.write_text(text, encoding="utf-8")
        assert rebuilder.rebuild([changed]).ok
        fresh = tmp_path / f"fresh-{i}.epub"
        assert run_module("build", str(project), "-o", str(fresh), "-q").returncode == 0
        assert (tmp_path / "watch.epub").read_bytes() == fresh.read_bytes()


def test_a_one_off_build_keeps_nothing_for_a_next(tmp_path: Path) -> None:
    """Only repeated builds (``--watch``) keep chapters' work: a library call keeps
    no finished book alive after it returns."""
    from compile_book import api, glyphs
    from compile_book.transforms.lint import _KeptQuotes
    from compile_book.writers.epub import deflate
    from compile_book.writers.epub.kept import KeptChapters

    project = make_project(tmp_path / "b")
    assert Rebuilder(project, ["epub"], tmp_path / "w.epub").rebuild().ok
    assert KeptChapters._last and glyphs._Chapters.last and _KeptQuotes.last
    api.build(project, ["epub"], tmp_path / "once.epub")
    assert not KeptChapters._last and not glyphs._Chapters.last and not _KeptQuotes.last
    assert not deflate._kept
