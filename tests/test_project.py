"""``load_project``: what a path on the command line means, and its manuscripts in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book.errors import InputError
from compile_book.project import load_project
from tests.images import picture


def _write(root: Path, *names: str, text: str = "Hello.\n") -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_single_file_is_a_book_of_one_manuscript_with_defaults(tmp_path: Path) -> None:
    _write(tmp_path, "story.md")
    project = load_project(tmp_path / "story.md")
    assert (project.kind, project.manuscripts, project.name_hint) == (
        "file",
        ((tmp_path / "story.md").resolve(),),
        "story.md",
    )
    assert project.config_path is None and project.cover is None


def test_folder_without_book_toml_reads_manuscripts_subfolder_in_natural_order(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path,
        "manuscripts/chapter-10.txt",
        "manuscripts/chapter-2.txt",
        "manuscripts/chapter-1.md",
        "manuscripts/._chapter-1.txt",
        "manuscripts/notes.rtf",
        "stray.txt",
    )
    project = load_project(tmp_path)
    assert project.kind == "folder"
    assert [p.name for p in project.manuscripts] == [
        "chapter-1.md",
        "chapter-2.txt",
        "chapter-10.txt",
    ]


def test_folder_without_manuscripts_subfolder_reads_itself(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", "a.md", ".hidden.txt")
    assert [p.name for p in load_project(tmp_path).manuscripts] == ["a.md", "b.txt"]


def _images(root: Path, *names: str) -> None:
    for name in names:
        fmt = {".png": "PNG", ".gif": "GIF"}.get(Path(name).suffix, "JPEG")
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(picture(fmt))


def test_folder_cover_is_the_first_image_in_covers(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt")
    _images(tmp_path, "covers/b.png", "covers/a.jpg", "covers/0.gif")
    assert load_project(tmp_path).cover == (tmp_path / "covers" / "a.jpg").resolve()


def test_project_with_book_toml_reads_listed_files_then_globs_naturally(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text(
        'title = "T"\nmanuscripts = ["intro.txt", "ch/*.txt"]\n', encoding="utf-8"
    )
    _write(tmp_path, "intro.txt", "ch/c10.txt", "ch/c9.txt", "ch/intro.txt")
    project = load_project(tmp_path)
    assert project.kind == "project"
    assert project.config.title == "T"
    assert project.config_path == tmp_path.resolve() / "book.toml"
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in project.manuscripts] == [
        "intro.txt",
        "ch/c9.txt",
        "ch/c10.txt",
        "ch/intro.txt",
    ]
    assert load_project(tmp_path / "book.toml").kind == "project"


def test_glob_into_a_missing_folder_is_an_error_naming_book_toml_and_its_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "book.toml").write_text(
        'title = "T"\nmanuscripts = [\n  "intro.txt",\n  "manuscript/*.txt",\n]\n',
        encoding="utf-8",
    )
    _write(tmp_path, "intro.txt")
    with pytest.raises(InputError) as caught:
        load_project(tmp_path)
    assert caught.value.file is not None and caught.value.file.endswith("book.toml")
    assert caught.value.line == 4
    assert "'manuscript/*.txt'" in caught.value.message


def test_listed_manuscript_that_does_not_exist_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text(
        'manuscripts = ["a.txt",\n  "gone.txt"]\n', encoding="utf-8"
    )
    _write(tmp_path, "a.txt")
    with pytest.raises(InputError, match=r"book\.toml:2: error: manuscript 'gone\.txt'"):
        load_project(tmp_path)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("nope", "no such file or folder"),
        (
            "notes.rtf",
            r"not a manuscript \(compile-book reads \.txt, \.md, \.markdown, \.text, \.docx",
        ),
        ("", r"no manuscripts here \(left out 1: notes\.rtf\)"),  # only notes.rtf in it
    ],
    ids=["missing", "not-a-manuscript", "folder-without-manuscripts"],
)
def test_bad_paths_raise_input_error(tmp_path: Path, name: str, message: str) -> None:
    _write(tmp_path, "notes.rtf")
    with pytest.raises(InputError, match=message):
        load_project(tmp_path / name)


# ------------------------------------------------------------ book.toml found upwards


def test_a_folder_inside_a_project_is_that_project(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text('title = "T"\n', encoding="utf-8")
    _write(tmp_path, "manuscripts/01.txt", "manuscripts/part-2/02.txt")
    _images(tmp_path, "covers/a.jpg")
    for inside in ("manuscripts", "manuscripts/part-2", "covers"):
        project = load_project(tmp_path / inside)
        assert project.kind == "project", inside
        assert project.config_path == tmp_path.resolve() / "book.toml"
        assert project.found_from == (tmp_path / inside).resolve()
        assert [p.name for p in project.manuscripts] == ["01.txt", "02.txt"]
    assert load_project(tmp_path).found_from is None
    # One file named on the command line is still a book of its own.
    assert load_project(tmp_path / "manuscripts" / "01.txt").kind == "file"


def test_a_folder_of_manuscripts_the_project_does_not_read_is_its_own_book(
    tmp_path: Path,
) -> None:
    (tmp_path / "book.toml").write_text('manuscripts = ["manuscripts/*.txt"]\n', encoding="utf-8")
    _write(tmp_path, "manuscripts/01.txt", "other-book/a.txt")
    project = load_project(tmp_path / "other-book")
    assert (project.kind, [p.name for p in project.manuscripts]) == ("folder", ["a.txt"])


def test_the_search_stops_at_a_repository_top(tmp_path: Path) -> None:
    (tmp_path / "book.toml").write_text('title = "Outer"\n', encoding="utf-8")
    _write(tmp_path, "manuscripts/01.txt", "repo/.git/HEAD", "repo/docs/x.png")
    with pytest.raises(InputError, match="no manuscripts here"):
        load_project(tmp_path / "repo" / "docs")
    with pytest.raises(InputError, match="no manuscripts here"):
        load_project(tmp_path / "repo")
