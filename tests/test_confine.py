"""Inputs confined to the project, and paths that are not files (loops, FIFOs, devices)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from compile_book.api import build, parse
from compile_book.errors import InputError
from compile_book.project import load_project
from tests.images import picture

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links and FIFOs")

STORY = "Chapter 1\n\nIt was a dark night.\n"
FIX = "move it into the project folder, or set read_outside_project = true in book.toml"


def _project(root: Path, toml: str = "", **files: str | bytes) -> Path:
    """``root/book`` with ``book.toml`` and ``files`` (``manuscripts__01_txt`` style names
    are awkward, so ``files`` maps relative paths given with ``/``)."""
    book = root / "book"
    book.mkdir()
    (book / "book.toml").write_text(f'title = "T"\n{toml}', encoding="utf-8")
    for name, data in files.items():
        path = book / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return book


def _outside(root: Path) -> Path:
    secret = root / "secret.txt"
    secret.write_text("Chapter 1\n\nThe neighbour's private words.\n", encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "listed", ["{secret}", "../secret.txt", "manuscripts/../../secret.txt", "../*.txt"]
)
def test_a_listed_file_outside_the_project_is_refused(tmp_path: Path, listed: str) -> None:
    secret = _outside(tmp_path)
    entry = listed.format(secret=secret)
    book = _project(tmp_path, f'manuscripts = ["{entry}"]\n', **{"manuscripts__01.txt": STORY})
    key = "the pattern" if "*" in entry else "manuscript"
    with pytest.raises(InputError) as caught:
        load_project(book)
    assert str(caught.value) == (
        f"{caught.value.file}:2: error: {key} {entry!r} is outside the project folder; {FIX}"
    )


def test_etc_passwd_is_never_read(tmp_path: Path) -> None:
    book = _project(tmp_path, 'manuscripts = ["/etc/passwd"]\n')
    with pytest.raises(InputError, match="'/etc/passwd' is outside the project folder"):
        load_project(book)


def test_a_symlink_out_of_manuscripts_is_refused(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    book = _project(tmp_path, **{"manuscripts__01.txt": STORY})
    (book / "manuscripts" / "02.txt").symlink_to(secret)
    with pytest.raises(InputError) as caught:
        load_project(book)
    assert caught.value.file is not None and caught.value.file.endswith("02.txt")
    assert "the manuscript is a symbolic link to" in caught.value.message
    assert caught.value.message.endswith(f"outside the project folder; {FIX}")


def test_a_symlink_inside_the_project_is_read(tmp_path: Path) -> None:
    book = _project(tmp_path, **{"drafts__one.txt": STORY, "manuscripts__00.txt": "Intro.\n"})
    (book / "manuscripts" / "01.txt").symlink_to(book / "drafts" / "one.txt")
    assert [p.name for p in load_project(book).manuscripts] == ["00.txt", "one.txt"]


def test_book_toml_can_allow_files_outside(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    book = _project(tmp_path, f'read_outside_project = true\nmanuscripts = ["{secret}"]\n')
    assert load_project(book).manuscripts == (secret.resolve(),)


def test_a_folder_without_book_toml_is_its_own_project(tmp_path: Path) -> None:
    secret = _outside(tmp_path)
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "01.txt").write_text(STORY, encoding="utf-8")
    (folder / "02.txt").symlink_to(secret)
    with pytest.raises(InputError, match=r"make a project with a book\.toml that sets"):
        load_project(folder)


def test_a_listed_symlink_loop_is_one_line(tmp_path: Path) -> None:
    book = _project(tmp_path, 'manuscripts = ["loop.txt"]\n')
    (book / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(InputError) as caught:
        load_project(book)
    assert caught.value.line == 2
    assert caught.value.message == (
        "manuscript 'loop.txt' listed in book.toml is a symbolic link that loops; "
        "fix the path or remove it"
    )


def test_a_found_symlink_loop_is_one_line(tmp_path: Path) -> None:
    book = _project(tmp_path, **{"manuscripts__00.txt": STORY})
    (book / "manuscripts" / "01.txt").symlink_to("01.txt")
    with pytest.raises(InputError, match=r"01\.txt: error: the manuscript is a symbolic link"):
        parse(book)


def test_a_fifo_among_the_manuscripts_is_refused_without_waiting(tmp_path: Path) -> None:
    book = _project(tmp_path, **{"manuscripts__00.txt": STORY})
    os.mkfifo(book / "manuscripts" / "01.txt")
    with pytest.raises(InputError, match=r"the manuscript is a named pipe \(FIFO\), not a file"):
        parse(book)
    (tmp_path / "other").mkdir()
    listed = _project(tmp_path / "other", 'manuscripts = ["p.txt"]\n')
    os.mkfifo(listed / "p.txt")
    with pytest.raises(InputError, match=r"'p\.txt' listed in book\.toml is not a regular file"):
        load_project(listed)


def test_a_manuscript_linked_to_a_device_is_refused(tmp_path: Path) -> None:
    book = _project(tmp_path, "read_outside_project = true\n", **{"manuscripts__00.txt": STORY})
    (book / "manuscripts" / "01.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match=r"the manuscript is a device, not a file"):
        parse(book)


def test_a_listed_name_with_glob_characters_is_that_file(tmp_path: Path) -> None:
    book = _project(
        tmp_path,
        'manuscripts = ["[Draft] 02.txt", "ch/*.txt", "?.txt"]\n',
        **{"[Draft] 02.txt": "Chapter 2\n\nThe draft's words.\n", "ch__a.txt": STORY, "D.txt": "x"},
    )
    names = [p.name for p in load_project(book).manuscripts]
    assert names == ["[Draft] 02.txt", "a.txt", "D.txt"]  # "?.txt" is still a pattern


def test_a_markdown_image_outside_the_project_is_refused(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(picture())
    text = "# One\n\nText.\n\n![a photo](../../photo.png)\n\nMore.\n"
    book = _project(tmp_path, **{"manuscripts__01.md": text})
    with pytest.raises(InputError) as caught:
        build(book, ["epub"], tmp_path / "out.epub")
    assert caught.value.line == 5
    assert (
        caught.value.message == f"the image '../../photo.png' is outside the project folder; {FIX}"
    )
    assert not (tmp_path / "out.epub").exists()


def test_a_lone_manuscripts_folder_is_its_project(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(picture())
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "photo.png").write_bytes(picture())
    story = tmp_path / "here" / "story.md"
    story.write_text("# One\n\nText.\n\n![](../photo.png)\n\nMore.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"make a project with a book\.toml"):
        parse(story)
    story.write_text("# One\n\nText.\n\n![](photo.png)\n\nMore.\n", encoding="utf-8")
    assert parse(story).meta.title == "Story"
