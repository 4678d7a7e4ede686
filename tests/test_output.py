"""Outputs never destroy what is at the output path: inputs, devices, pipes and symlinks.

Every case runs the real command (typer's runner in-process, or a real
process where standard output, a terminal or a file size limit matters) and
checks that the file that was there is byte-identical afterwards.
"""

from __future__ import annotations

import io
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

import compile_book
from compile_book import api, parts
from compile_book.cli import app
from compile_book.errors import OutputError
from compile_book.output import atomic_output, build_time, same_time
from compile_book.project import load_project
from tests.projects import make_project, write_files

runner = CliRunner()

STORY = "My Story\n\nby Ann Writer\n\nChapter 1\n\nIt was a dark night. She walked home.\n"


def _env() -> dict[str, str]:
    """The environment a real process needs to import the compile_book under test."""
    return {**os.environ, "PYTHONPATH": str(Path(compile_book.__file__).parents[1])}


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _project(root: Path) -> Path:
    """A project with every kind of input: book.toml, manuscripts, a cover, an image."""
    make_project(root)
    write_files(root, {"manuscripts/03.md": "# Chapter 3\n\n![A red square](pic.png)\n"})
    (root / "manuscripts" / "pic.png").write_bytes(_png())
    return root


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _one_line_error(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert "error:" in lines[0]
    return lines[0]


# ---------------------------------------------------------------- inputs


@pytest.mark.parametrize(
    ("target", "what"),
    [
        ("manuscripts/01.txt", "a manuscript"),
        ("manuscripts/03.md", "a manuscript"),
        ("book.toml", "the book.toml"),
        ("covers/cover.jpg", "the cover"),
        ("manuscripts/pic.png", "an image"),
    ],
)
def test_no_input_of_the_build_is_ever_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, what: str
) -> None:
    root = _project(tmp_path / "book")
    before = _snapshot(root)
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["build", ".", "-f", "epub", "-o", target])
    assert result.exit_code == 2, result.output
    line = _one_line_error(result.stderr)
    assert target in line and what in line
    assert _snapshot(root) == before
    assert not [p for p in root.rglob("*.part")]


def test_a_lone_manuscript_is_not_its_own_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", "story.txt", "-f", "epub", "-o", "story.txt"])
    assert result.exit_code == 2
    assert "story.txt: error: this is a manuscript" in _one_line_error(result.stderr)
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == STORY
    result = runner.invoke(app, ["build", "story.txt", "-o", "story.txt"])  # no format makes .txt
    assert result.exit_code == 2
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == STORY


@pytest.mark.parametrize("link", [os.link, os.symlink])
def test_a_link_to_an_input_is_the_input(
    tmp_path: Path, link: Callable[[Path, Path], None]
) -> None:
    # A hard link is the same file under another name; a symlink is followed to it.
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    alias = tmp_path / "alias.epub"
    link(story, alias)
    result = runner.invoke(app, ["build", str(story), "-o", str(alias)])
    assert result.exit_code == 2
    assert "this is a manuscript" in _one_line_error(result.stderr)
    assert story.read_text(encoding="utf-8") == STORY


def test_several_formats_are_all_checked_before_any_is_written(tmp_path: Path) -> None:
    root = make_project(tmp_path / "book")
    out = tmp_path / "out"
    out.mkdir()
    # The PDF's default name is a hard link to a manuscript: the EPUB is not written either.
    os.link(root / "manuscripts" / "01.txt", out / "salt-and-iron.pdf")
    result = runner.invoke(app, ["build", str(root), "-f", "all", "-o", str(out)])
    assert result.exit_code == 2
    assert not (out / "salt-and-iron.epub").exists()


def test_the_library_write_protects_the_files_a_tree_came_from(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    book = api.parse(story)
    with pytest.raises(OutputError, match="manuscript"):
        api.write(book, "epub", story)
    assert story.read_text(encoding="utf-8") == STORY


# ------------------------------------------------- devices, pipes, symlinks


def test_dev_null_is_written_through_never_replaced(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    before = os.stat(os.devnull)
    result = runner.invoke(app, ["build", str(story), "-o", os.devnull])
    assert result.exit_code == 0, result.output
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_nothing_is_created_under_dev(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["build", str(story), "-o", "/dev/compile-book-test.epub"])
    assert result.exit_code == 2
    assert "no such device" in _one_line_error(result.stderr)
    assert not Path("/dev/compile-book-test.epub").exists()


@pytest.mark.parametrize("through_link", [False, True])
def test_a_fifo_is_written_through_not_replaced(tmp_path: Path, through_link: bool) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    out = fifo
    if through_link:
        out = tmp_path / "link.epub"
        out.symlink_to(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    api.build(story, ["epub"], out)
    reader.join(timeout=30)
    assert fifo.is_fifo()
    assert received and zipfile.ZipFile(io.BytesIO(received[0])).testzip() is None


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    target = tmp_path / "real.epub"
    target.write_bytes(b"last week's book")
    link = tmp_path / "link.epub"
    link.symlink_to(target)
    api.build(story, ["epub"], link)
    assert link.is_symlink() and target.is_file()
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda link, tmp: link.symlink_to(tmp / "missing" / "book.epub"), "does not exist"),
        (lambda link, tmp: link.symlink_to(link), "loops"),
        (lambda link, tmp: link.symlink_to(tmp), "a folder"),
    ],
    ids=["dangling", "loop", "folder"],
)
def test_a_symlink_that_cannot_be_followed_is_an_error(
    tmp_path: Path, make: Callable[[Path, Path], None], message: str
) -> None:
    # The link is where the book would go: -o names a folder, the link the book's name in it.
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    link = out / "my-story.epub"
    make(link, tmp_path)
    before = os.readlink(link)
    result = runner.invoke(app, ["build", str(story), "-f", "epub", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert message in _one_line_error(result.stderr)
    assert link.is_symlink() and os.readlink(link) == before
    assert not (tmp_path / "missing").exists()


# ------------------------------------------------------------- stdout


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_the_book_goes_to_stdout_alone(tmp_path: Path, target: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "compile_book", "build", "story.txt", "-o", target],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
        check=False,
        env=_env(),
    )
    assert done.returncode == 0, done.stderr
    book = zipfile.ZipFile(io.BytesIO(done.stdout))
    assert book.read("mimetype") == b"application/epub+zip"
    assert done.stdout.endswith(b"\0\0")  # the ZIP's own end: nothing printed after it
    assert b"wrote" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.txt"]


def test_dash_takes_one_format(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["build", str(story), "-f", "all", "-o", "-"])
    assert result.exit_code == 2
    assert "one format" in _one_line_error(result.stderr)


def test_dash_refuses_a_terminal(tmp_path: Path) -> None:
    import pty

    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "compile_book", "build", "story.txt", "-o", "-"],
            cwd=tmp_path,
            stdout=follower,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
            env=_env(),
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert b"terminal" in done.stderr


# ---------------------------------------------------------------- names


def test_a_name_longer_than_a_file_system_allows_is_an_error(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["build", str(story), "-o", str(tmp_path / ("x" * 300 + ".epub"))])
    assert result.exit_code == 2
    assert "305 bytes" in _one_line_error(result.stderr)


def test_a_long_title_gets_a_default_name_that_fits(tmp_path: Path) -> None:
    words = " ".join(["Lighthouse"] * 40)
    root = make_project(tmp_path / "book", toml=f'title = "{words}"\nauthors = ["A"]\n')
    result = runner.invoke(app, ["build", str(root)])
    assert result.exit_code == 0, result.output
    (out,) = (root / "build").iterdir()
    assert out.name.startswith("lighthouse-lighthouse") and out.suffix == ".epub"
    assert len(out.stem) <= api.SLUG_MAX and not out.stem.endswith("-")
    assert out.stem.endswith("lighthouse")  # cut between words, not inside one


def test_slug_cuts_a_long_word_too() -> None:
    assert api.slug("A" * 300) == "a" * api.SLUG_MAX


# ------------------------------------------------------- stale .part files


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def test_parts_a_dead_build_left_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "out" / "book.epub"
    out.parent.mkdir()
    lead = parts.lead(out.name)
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = out.parent / f"{lead}{parts.tag()}-{_dead_pid()}.aaaa.part"
        alive = out.parent / f"{lead}{parts.tag()}-{live.pid}.bbbb.part"
        foreign_old = out.parent / f"{lead}000000-1.cccc.part"
        foreign_new = out.parent / f"{lead}000000-2.dddd.part"
        legacy_old = out.parent / f"{lead}x7_k2q9a.part"
        other_output = out.parent / f".other.epub.{parts.tag()}-{_dead_pid()}.eeee.part"
        for p in (dead, alive, foreign_old, foreign_new, legacy_old, other_output):
            p.write_bytes(b"partial")
        day_ago = time.time() - parts.FOREIGN_AGE_S - 60
        for p in (foreign_old, legacy_old):
            os.utime(p, (day_ago, day_ago))
        api.build(story, ["epub"], out)
        left = {p.name for p in out.parent.iterdir()}
        assert left == {"book.epub", alive.name, foreign_new.name, other_output.name}
    finally:
        live.kill()
        live.wait()


def test_the_part_a_sigkilled_build_left_is_cleaned_by_the_next(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "book.epub"
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from compile_book.output import atomic_output\n"
        "with atomic_output(Path(sys.argv[1])) as tmp:\n"
        "    tmp.write_bytes(b'half an epub')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", code, str(out)], stdout=subprocess.PIPE, text=True, env=_env()
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert len(list(tmp_path.glob(".book.epub.*.part"))) == 1
    api.build(story, ["epub"], out)
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))
    assert out.read_bytes().startswith(b"PK")


def test_an_interrupted_write_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "book.epub"
    out.write_bytes(b"the previous good book")
    with pytest.raises(KeyboardInterrupt), atomic_output(out) as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt
    assert out.read_bytes() == b"the previous good book"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.epub"]


# --------------------------------------------------------- SOURCE_DATE_EPOCH


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("abc", "not a whole number"),
        ("1.5e9", "not a whole number"),
        ("7258118400", "outside 1980-2107"),  # 2200
        ("0", "outside 1980-2107"),
        ("-5", "outside 1980-2107"),
        ("9" * 400, "not a whole number"),
    ],
)
def test_a_bad_source_date_epoch_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, says: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    result = runner.invoke(app, ["build", str(story), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 2, result.output
    line = _one_line_error(result.stderr)
    assert "SOURCE_DATE_EPOCH" in line and says in line
    assert not (tmp_path / "b.epub").exists()


@pytest.mark.parametrize(("value", "year"), [("315532800", 1980), ("4354819199", 2107)])
def test_the_zip_date_limits_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, year: int
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    api.build(story, ["epub"], tmp_path / "b.epub")
    with zipfile.ZipFile(tmp_path / "b.epub") as z:
        assert {info.date_time[0] for info in z.infolist()} == {year}


# --------------------------------------------- init and schema: all or nothing


def _limited(max_bytes: int) -> Callable[[], None]:
    """A child process whose files cannot grow past ``max_bytes`` (as on a full disk)."""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))

    return limit


def _run_limited(args: list[str], cwd: Path, max_bytes: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compile_book", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=_limited(max_bytes),
        env=_env(),
    )


def test_init_on_a_full_disk_leaves_nothing_and_a_retry_works(tmp_path: Path) -> None:
    # book.toml fits under the limit; book.schema.json does not.
    done = _run_limited(["init", "novel", "--yes"], tmp_path, 4096)
    assert done.returncode == 2, done.stderr
    assert "nothing was created" in _one_line_error(done.stderr)
    assert list(tmp_path.iterdir()) == []
    result = runner.invoke(app, ["init", str(tmp_path / "novel"), "--yes"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "novel" / "book.schema.json").stat().st_size > 4096


def test_schema_on_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    old = tmp_path / "book.schema.json"
    old.write_text("{}\n", encoding="utf-8")
    done = _run_limited(["schema", "-o", "book.schema.json"], tmp_path, 1024)
    assert done.returncode == 2, done.stderr
    _one_line_error(done.stderr)
    assert old.read_text(encoding="utf-8") == "{}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.schema.json"]


def test_schema_never_replaces_book_toml(tmp_path: Path) -> None:
    toml = tmp_path / "book.toml"
    toml.write_text('title = "T"\n', encoding="utf-8")
    result = runner.invoke(app, ["schema", "-o", str(toml)])
    assert result.exit_code == 2
    assert "only a .json file" in _one_line_error(result.stderr)
    assert toml.read_text(encoding="utf-8") == 'title = "T"\n'


def test_the_fonts_of_a_pdf_are_inputs_too(tmp_path: Path) -> None:
    from compile_book.writers.pdf.fonts import font_paths

    fonts = [f for folder in font_paths() for f in Path(folder).rglob("*.*tf")]
    if not fonts:
        pytest.skip("no bundled font package")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    project = load_project(story)
    book = api.parse_project(project)
    assert api.project_inputs(project, book, ["pdf"]).what(fonts[0]) == "a font"
    assert api.project_inputs(project, book, ["epub"]).what(fonts[0]) is None


# ------------------------------------------------------ names on a terminal


def test_control_characters_in_names_are_never_printed_raw(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "\x1b[31mred\x07.txt"
    Path(name).write_text("My Story\n\nby A\n\nChapter 1\n\nHello  there.\n", encoding="utf-8")
    built = runner.invoke(app, ["build", name, "-v", "-o", "\x1b]0;title\x07.epub"])
    assert built.exit_code == 0, built.output
    failed = runner.invoke(app, ["build", name, "-o", "/dev/\x1b[2J.epub"])
    assert failed.exit_code == 2
    checked = runner.invoke(app, ["check", name])
    for output in (built.stdout, built.stderr, failed.stderr, checked.stdout):
        assert "\x1b" not in output and "\x07" not in output
    assert "wrote \\x1b]0;title\\x07.epub" in built.stdout
    assert "\\x1b[31mred\\x07.txt:" in built.stderr
    assert "/dev/\\x1b[2J.epub: error:" in failed.stderr
    assert "\\x1b[31mred\\x07.txt:" in checked.stdout


def test_a_name_of_250_bytes_still_gets_its_part_file(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / ("é" * 122 + ".epub")  # 249 bytes: the .part name is shortened to fit
    api.build(story, ["epub"], out)
    assert out.read_bytes().startswith(b"PK")


def test_a_part_name_is_cut_between_characters() -> None:
    lead = parts.lead("é" * 200 + ".epub")
    assert len(lead.encode("utf-8")) <= 202
    assert lead == "." + "é" * 100 + "."


def test_a_session_shares_one_time_unless_source_date_epoch_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    when = datetime(2030, 5, 6, 7, 8, 9, tzinfo=UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with same_time(when):
        assert build_time() == when
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        assert build_time() == datetime(2026, 1, 1, tzinfo=UTC)  # the variable wins
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_time() != when
