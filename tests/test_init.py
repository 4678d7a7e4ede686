"""``compile-book init``: a new project that builds and checks, never overwriting a file."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

import compile_book
from compile_book import cli
from compile_book.check import check
from compile_book.cli import app
from compile_book.config import json_schema, load_config
from compile_book.errors import InputError
from compile_book.project import load_project
from compile_book.scaffold import CHAPTER_NAME
from tests.projects import run_module, write_files

runner = CliRunner()

FILES = {
    "book.toml",
    "book.schema.json",
    "manuscripts/01-chapter-one.txt",
    "Makefile",
    ".gitignore",
}


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def test_yes_takes_defaults(tmp_path: Path) -> None:
    root = tmp_path / "my-first-novel"
    result = runner.invoke(app, ["init", str(root), "--yes"])
    assert result.exit_code == 0, result.output
    assert _tree(root) == FILES
    assert (root / "covers").is_dir()
    config = load_config(root / "book.toml")
    assert config.title == "My First Novel"
    assert config.language == "en" and "language" in config.model_fields_set
    assert config.authors == []
    assert config.identifier is not None and config.identifier.startswith("urn:uuid:")
    assert "created" in result.stdout and "make book" in result.stdout


def test_options_fill_book_toml(tmp_path: Path) -> None:
    root = tmp_path / "b"
    result = runner.invoke(
        app,
        [
            "init",
            str(root),
            "--title",
            'Salt "and" Iron',
            "--author",
            "Ann Other",
            "--language",
            "en-GB",
        ],
    )
    assert result.exit_code == 0, result.output
    config = load_config(root / "book.toml")
    assert (config.title, config.authors, config.language) == (
        'Salt "and" Iron',
        ["Ann Other"],
        "en-GB",
    )


def test_prompts_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_interactive", lambda: True)
    root = tmp_path / "asked"
    result = runner.invoke(app, ["init", str(root)], input="The Tide\nAnn Other\nfr\n")
    assert result.exit_code == 0, result.output
    assert "Title [Asked]:" in result.stdout
    config = load_config(root / "book.toml")
    assert (config.title, config.authors, config.language) == ("The Tide", ["Ann Other"], "fr")


def test_no_prompt_without_a_terminal(tmp_path: Path) -> None:
    # CliRunner's stdin is not a terminal: defaults, no question asked.
    result = runner.invoke(app, ["init", str(tmp_path / "quiet-book")])
    assert result.exit_code == 0
    assert "Title" not in result.stdout


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    root = tmp_path / "b"
    (root / "manuscripts").mkdir(parents=True)
    (root / "Makefile").write_text("mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(root), "--yes"])
    assert result.exit_code == 2
    assert "already exists: Makefile" in result.stderr
    assert _tree(root) == {"Makefile"}  # nothing was written
    assert (root / "Makefile").read_text(encoding="utf-8") == "mine\n"


def test_init_twice_refuses(tmp_path: Path) -> None:
    compile_book.init(tmp_path / "b")
    before = (tmp_path / "b" / "book.toml").read_text(encoding="utf-8")
    with pytest.raises(InputError):
        compile_book.init(tmp_path / "b", title="Other")
    assert (tmp_path / "b" / "book.toml").read_text(encoding="utf-8") == before


def test_bad_language_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "b"), "--language", "english!"])
    assert result.exit_code == 2
    assert "language tag" in result.stderr
    assert not (tmp_path / "b").exists()


def test_scaffold_checks_clean_but_for_author_and_cover(tmp_path: Path) -> None:
    root = tmp_path / "b"
    compile_book.init(root, title="Salt")
    report = check(root)
    assert [(d.code, d.message.split(":")[0]) for d in report.findings] == [
        ("W110", "no author"),
        ("W110", "no cover image"),
    ]
    compile_book.init(tmp_path / "c", title="Salt", author="Ann Other")
    assert [d.message.split(":")[0] for d in check(tmp_path / "c").findings] == ["no cover image"]


def test_scaffold_builds(tmp_path: Path) -> None:
    root = tmp_path / "b"
    compile_book.init(root, title="Salt", author="Ann Other")
    result = compile_book.build(root)
    assert result.outputs["epub"].is_file()
    chapters = list(result.book.chapters)
    assert len(chapters) == 1 and len(chapters[0].blocks) == 4  # 3 paragraphs and a break


def test_makefile_targets_and_gitignore(tmp_path: Path) -> None:
    root = tmp_path / "b"
    compile_book.init(root)
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    for target in ("book", "epub", "pdf", "check", "clean"):
        assert f"\n{target}:\n\t" in makefile
    dry = subprocess.run(
        ["make", "-n", "book", "check", "clean"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    if dry.returncode != 127:  # make is installed
        assert "compile-book build . --format all" in dry.stdout
        assert "compile-book check . --strict" in dry.stdout
    assert "build/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_book_toml_points_editors_at_the_schema(tmp_path: Path) -> None:
    root = tmp_path / "b"
    compile_book.init(root)
    text = (root / "book.toml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "#:schema ./book.schema.json"
    tomllib.loads(text)
    import json

    assert json.loads((root / "book.schema.json").read_text(encoding="utf-8")) == json_schema()


def test_subprocess_init_without_a_terminal(tmp_path: Path) -> None:
    proc = run_module("init", "novel", cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    assert _tree(tmp_path / "novel") == FILES
    again = run_module("init", "novel", "--yes", cwd=tmp_path)
    assert again.returncode == 2
    assert "never overwrites" in again.stderr


# ------------------------------------------------------- init on a writer's folder


def test_init_on_a_folder_of_manuscripts_lists_them_in_reading_order(tmp_path: Path) -> None:
    root = tmp_path / "novel"
    write_files(
        root,
        {
            "manuscripts/10-end.txt": "Chapter 10\n\nThe end.\n",
            "manuscripts/03-middle.md": "# Chapter 3\n\nThe middle.\n",
            "manuscripts/part-2/11-after.txt": "Chapter 11\n\nAfter.\n",
            "manuscripts/README.md": "How I write.\n",
            "manuscripts/notes.txt": "Remember the bell.\n",
            "Makefile": "mine\n",
        },
    )
    result = runner.invoke(app, ["init", str(root), "--yes", "--author", "Ann Other"])
    assert result.exit_code == 0, result.output
    assert "check the reading order in book.toml" in result.stdout
    assert _tree(root) == {
        "book.toml",
        "book.schema.json",
        ".gitignore",
        "Makefile",
        "manuscripts/10-end.txt",
        "manuscripts/03-middle.md",
        "manuscripts/part-2/11-after.txt",
        "manuscripts/README.md",
        "manuscripts/notes.txt",
    }  # no starter chapter
    assert (root / "Makefile").read_text(encoding="utf-8") == "mine\n"  # kept as it was
    text = (root / "book.toml").read_text(encoding="utf-8")
    assert load_config(root / "book.toml").manuscripts == [
        "manuscripts/03-middle.md",
        "manuscripts/10-end.txt",
        "manuscripts/part-2/11-after.txt",
    ]
    assert "# left out: manuscripts/README.md (a README" in text
    assert "# left out: manuscripts/notes.txt (the writer's notes" in text
    book = compile_book.parse(root)
    assert [c.heading.number for c in book.chapters if c.heading] == [3, 10, 11]


def test_init_on_a_folder_with_chapters_at_its_top(tmp_path: Path) -> None:
    write_files(tmp_path, {"b.txt": "Two.\n", "a.md": "One.\n", "LICENSE": "MIT\n"})
    compile_book.init(tmp_path, title="Salt")
    assert load_config(tmp_path / "book.toml").manuscripts == ["a.md", "b.txt"]
    assert not (tmp_path / "manuscripts").exists()


def test_init_on_a_folder_of_manuscripts_never_overwrites_book_toml(tmp_path: Path) -> None:
    write_files(tmp_path, {"manuscripts/01.txt": "One.\n", "book.toml": 'title = "Mine"\n'})
    proc = run_module("init", str(tmp_path), "--yes")
    assert proc.returncode == 2
    assert "already exists: book.toml" in proc.stderr
    assert (tmp_path / "book.toml").read_text(encoding="utf-8") == 'title = "Mine"\n'
    assert _tree(tmp_path) == {"book.toml", "manuscripts/01.txt"}


def test_a_new_project_reads_every_manuscript_under_manuscripts(tmp_path: Path) -> None:
    root = tmp_path / "b"
    compile_book.init(root, title="Salt")
    assert "manuscripts" not in load_config(root / "book.toml").model_fields_set
    write_files(root, {"manuscripts/part-2/03-three.md": "# Chapter 3\n\nThree.\n"})
    assert [p.name for p in load_project(root).manuscripts] == [CHAPTER_NAME, "03-three.md"]
