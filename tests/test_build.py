"""Whole builds: seeds and projects through EPUBCheck, determinism, and error handling."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compile_book import api, writers
from compile_book.cli import app
from tests.epubcheck import run_epubcheck
from tests.paths import ROOT, seed_path

runner = CliRunner()


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command in a subprocess, as a writer would."""
    return subprocess.run(
        [sys.executable, "-m", "compile_book", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


# --------------------------------------------------------------------- EPUBCheck


@pytest.mark.slow
@pytest.mark.parametrize("seed", ["000", "001", "002", "003"])
def test_each_seed_compiles_to_a_valid_epub(seed: str, tmp_path: Path) -> None:
    out = tmp_path / f"{seed}.epub"
    result = api.build(seed_path(seed), ["epub"], out)
    assert result.outputs == {"epub": out}
    check = run_epubcheck(out)
    assert check.clean, "\n".join(check.messages)


def make_project(root: Path) -> Path:
    """A multi-file project: parts, several encodings and styles, a cover, full metadata."""
    from PIL import Image

    (root / "manuscripts").mkdir(parents=True)
    (root / "covers").mkdir()
    Image.new("RGB", (160, 256), (20, 40, 90)).save(root / "covers" / "front.jpg")
    (root / "book.toml").write_text(
        'title = "Three Tides"\nauthors = ["Ada Quill", "Ben Roe"]\nlanguage = "en-GB"\n'
        'isbn = "978-0-306-40615-7"\npublisher = "Quiet Shore Press"\ndate = "2026-03-01"\n'
        'description = "Three short tides."\ndedication = "For the keepers."\n'
        'manuscripts = ["manuscripts/*.txt", "manuscripts/*.md"]\n'
        '[series]\nname = "Tides"\nnumber = 2\n',
        encoding="utf-8",
    )
    m = root / "manuscripts"
    (m / "chapter-1.txt").write_bytes(
        codecs.BOM_UTF8 + b'Part One\n\nChapter 1\n\nThe "first" tide - at last.\n***\nEnd.'
    )
    (m / "chapter-2.txt").write_bytes(
        "Chapter 2\r\n\r\nThe second tide… {quiet}.\r\n".encode("cp1252")
    )
    (m / "chapter-10.md").write_text(
        "## Chapter 3: Ten\n\nThe *third* tide, **last**.\n", encoding="utf-8"
    )
    return root


@pytest.mark.slow
def test_multi_file_project_is_valid_and_naturally_ordered(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = api.build(project, ["epub"])
    out = result.outputs["epub"]
    assert out == project / "build" / "three-tides.epub"
    titles = [c.heading.number for c in result.book.chapters if c.heading]
    assert titles == [1, 2, 3]  # chapter-2 before chapter-10
    check = run_epubcheck(out)
    assert check.clean, "\n".join(check.messages)


@pytest.mark.slow
def test_sample_book_is_valid(tmp_path: Path) -> None:
    out = tmp_path / "sample.epub"
    api.build(ROOT, ["epub"], out)
    check = run_epubcheck(out)
    assert check.clean, "\n".join(check.messages)


# --------------------------------------------------------------------- determinism


def test_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = make_project(tmp_path / "book")
    a = api.build(project, ["epub"], tmp_path / "a.epub").outputs["epub"]
    b = api.build(project, ["epub"], tmp_path / "b.epub").outputs["epub"]
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED


def test_manuscripts_are_never_modified(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    before = {p: p.read_bytes() for p in (project / "manuscripts").iterdir()}
    api.build(project, ["epub"])
    assert {p: p.read_bytes() for p in (project / "manuscripts").iterdir()} == before


# --------------------------------------------------------------------- the CLI


def test_build_single_file_default_output(tmp_path: Path) -> None:
    story = tmp_path / "the-long-night.txt"
    story.write_text("It was late.\nShe slept.\n", encoding="utf-8")
    proc = cli("build", str(story), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"wrote {Path('build') / 'the-long-night.epub'}"
    assert (tmp_path / "build" / "the-long-night.epub").is_file()


def test_build_output_option_and_runner(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Salt\n\nby Ada Quill\n\nIt was late.\n\nShe slept.\n", encoding="utf-8")
    out = tmp_path / "named.epub"
    result = runner.invoke(app, ["build", str(story), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()


def test_version_and_help() -> None:
    assert cli("--version").stdout.startswith("compile-book ")
    helped = cli("build", "--help")
    assert helped.returncode == 0 and "--format" in helped.stdout


def _error_case(tmp_path: Path, name: str) -> tuple[list[str], str]:
    """Arguments for one bad input, and a fragment the one-line error must contain."""
    if name == "missing file":
        return ["build", str(tmp_path / "nope.txt")], "nope.txt: error: no such file"
    if name == "bad toml":
        (tmp_path / "book.toml").write_text('title = "x\n', encoding="utf-8")
        return ["build", str(tmp_path)], "book.toml:1: error: invalid TOML"
    if name == "unknown key":
        (tmp_path / "book.toml").write_text('titel = "x"\n', encoding="utf-8")
        return ["build", str(tmp_path)], "titel: unknown key"
    if name == "undecodable":
        (tmp_path / "bad.txt").write_bytes(b"Hello \x81 world")
        return ["build", str(tmp_path / "bad.txt")], "bad.txt:1: error: cannot decode byte 0x81"
    if name == "empty":
        (tmp_path / "empty.txt").write_text("\n\n  \n", encoding="utf-8")
        return ["build", str(tmp_path / "empty.txt")], "empty.txt: error: the manuscript is empty"
    if name == "divider only":
        (tmp_path / "divider.txt").write_text("* * *\n", encoding="utf-8")
        return [
            "build",
            str(tmp_path / "divider.txt"),
        ], "divider.txt: error: the manuscript has no text"
    if name == "unwritable":
        (tmp_path / "ok.txt").write_text("Fine.\n", encoding="utf-8")
        blocker = tmp_path / "file"
        blocker.write_text("not a folder", encoding="utf-8")
        return ["build", str(tmp_path / "ok.txt"), "-o", str(blocker / "x.epub")], "error: cannot"
    raise AssertionError(name)


ERRORS = [
    *("missing file", "bad toml", "unknown key", "undecodable", "empty", "divider only"),
    "unwritable",
]


@pytest.mark.parametrize("name", ERRORS)
def test_errors_are_one_line_exit_2_no_traceback_no_output(tmp_path: Path, name: str) -> None:
    args, fragment = _error_case(tmp_path, name)
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert fragment in lines[0]
    leftovers = [p for p in tmp_path.rglob("*") if p.suffix in (".epub", ".part")]
    assert leftovers == []


def test_config_problems_are_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text(
        'titel = "x"\nlanguage = 5\n[pdf]\ntrim = "huge"\n', encoding="utf-8"
    )
    proc = cli("build", str(tmp_path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 3
    assert any("titel: unknown key" in x for x in lines)
    assert any("language:" in x for x in lines)
    assert any("pdf.trim:" in x for x in lines)


def test_failed_build_keeps_the_previous_output(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Fine.\n", encoding="utf-8")
    out = tmp_path / "story.epub"
    assert cli("build", str(story), "-o", str(out)).returncode == 0
    good = out.read_bytes()
    story.write_bytes(b"\x81\x81")
    assert cli("build", str(story), "-o", str(out)).returncode == 2
    assert out.read_bytes() == good


def test_tree_json(tmp_path: Path) -> None:
    import json

    story = tmp_path / "story.txt"
    story.write_text("Chapter 1\n\nShe thought {hello} and *ran*.\n", encoding="utf-8")
    proc = cli("tree", str(story), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    chapter = data["parts"][0]["chapters"][0]
    assert chapter["heading"]["number"] == 1
    para = chapter["blocks"][0]
    assert para["type"] == "paragraph" and para["source"]["line"] == 3
    assert [n["type"] for n in para["inlines"]] == ["text", "telepathy", "text", "emphasis", "text"]
    assert any(d["code"] == "N020" for d in data["diagnostics"])


def test_folder_of_manuscripts_without_book_toml(tmp_path: Path) -> None:
    folder = tmp_path / "the-long-night"
    folder.mkdir()
    (folder / "chapter-10.txt").write_text("Chapter 10\n\nLast.\n", encoding="utf-8")
    (folder / "chapter-9.txt").write_text("Chapter 9\n\nFirst.\n", encoding="utf-8")
    result = api.build(folder, ["epub"])
    assert result.outputs["epub"] == folder / "build" / "the-long-night.epub"
    assert [c.heading.number for c in result.book.chapters if c.heading] == [9, 10]


def test_format_all_with_an_output_folder(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It was late.\nShe slept.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = cli("build", str(story), "--format", "all", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in out.iterdir()}
    # "all" is the book itself; every other file of a release is an edition.
    assert names == {writers.file_name(f, "story") for f in writers.ALL}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["-f", "pdf", "-o", "y.epub"], "named .epub but the format is pdf; name it y.pdf"),
        (["-f", "all", "-o", "all.epub"], "with several formats -o names a folder"),
    ],
)
def test_output_name_must_fit_the_format(tmp_path: Path, args: list[str], fragment: str) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Fine.\n", encoding="utf-8")
    proc = cli("build", str(story), *args, cwd=tmp_path)
    assert proc.returncode == 2
    assert fragment in proc.stderr
    assert list(tmp_path.iterdir()) == [story]


def test_output_into_an_existing_folder(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = api.build(story, ["epub"], tmp_path / "out")
    assert result.outputs["epub"] == tmp_path / "out" / "story.epub"


def test_config_booleans_are_strict(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text('[typography]\nquotes = "yes"\n', encoding="utf-8")
    proc = cli("build", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("book.toml: error: typography.quotes: Input should be a valid")


def test_a_pattern_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "manuscripts" / "one.txt").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "book.toml").write_text(
        'manuscripts = ["manuscripts/*.txt", "extra/*.txt"]\n', encoding="utf-8"
    )
    proc = cli("build", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 2
    assert "book.toml:1: error: the pattern 'extra/*.txt' in book.toml points into a folder" in (
        proc.stderr
    )


def test_empty_chapter_and_dropped_break_are_reported_once(tmp_path: Path) -> None:
    from compile_book.parser import parse_text

    book = parse_text("Chapter 1\n\nChapter 2\n\nText.\n\n***\n")
    found = [(d.code, d.line) for d in book.diagnostics if d.code in ("W111", "N030", "W105")]
    assert found == [("W111", 1), ("W105", 7)]


def test_an_internal_error_is_one_line_without_traceback(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Fine.\n", encoding="utf-8")
    code = (
        "import sys; from compile_book import api, cli\n"
        "def broken(*args, **kwargs): raise RuntimeError('simulated bug')\n"
        "api.parse_project = broken\n"
        f"sys.argv = ['compile-book', 'build', {str(story)!r}]\n"
        "cli.main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 70
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        "compile-book: internal error: RuntimeError: simulated bug; please report it "
        "(set COMPILE_BOOK_DEBUG=1 for the traceback)"
    ]
