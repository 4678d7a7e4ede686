"""Folder discovery: manuscripts only, in natural order, and a note for every file left out."""

from __future__ import annotations

from pathlib import Path

import pytest

import compile_book
from compile_book.check import check
from compile_book.diagnostics import Code, Diagnostic
from compile_book.discovery import discover
from compile_book.errors import InputError
from compile_book.project import load_project
from tests.epubcheck import run_epubcheck
from tests.projects import make_project, run_module, write_files

HELLO = "Hello there.\n"

#: What a writer's folder holds besides chapters: (name, a word of the reason given).
NOT_MANUSCRIPTS = [
    ("README.md", "README"),
    ("readme.txt", "README"),
    ("LICENSE", "licence"),
    ("LICENCE.md", "licence"),
    ("COPYING", "licence"),
    ("CHANGELOG.md", "repository"),
    ("CONTRIBUTING.md", "repository"),
    ("AUTHORS", "repository"),
    ("NOTICE", "repository"),
    ("TODO.txt", "notes"),
    ("notes.txt", "notes"),
    ("Notes on chapter 3.md", "notes"),
    ("note-2.txt", "notes"),
    ("Config.txt", "settings"),
    ("Contents.txt", "table of contents"),
    ("TOC.md", "table of contents"),
    ("outline.md", "planning"),
    ("overview.md", "planning"),
    ("Synopsis.docx", "planning"),
    (".hidden.txt", "hidden"),
    ("._01-start.txt", "hidden"),
    ("01-start.txt~", "backup"),
    ("#01-start.txt#", "backup"),
    ("~$-start.docx", "backup"),
    ("01-start.txt.swp", "backup"),
    ("cover.png", "not a manuscript kind (.png)"),
    ("book.pdf", "not a manuscript kind (.pdf)"),
]

#: Names that start like the ones above but are chapters.
STILL_MANUSCRIPTS = [
    "01-start.txt",
    "03-notes-from-the-tower.txt",
    "authors-note.md",
    "notebook.txt",
    "tocsin.md",
    "contentment.md",
]


def _by_name(diagnostics: list[Diagnostic]) -> dict[str, Diagnostic]:
    return {Path(d.file).name: d for d in diagnostics}


def test_only_manuscripts_are_read_and_every_other_file_says_why(tmp_path: Path) -> None:
    write_files(tmp_path, {name: HELLO for name, _ in NOT_MANUSCRIPTS})
    write_files(tmp_path, {name: HELLO for name in STILL_MANUSCRIPTS})
    found = discover(tmp_path)
    assert sorted(p.name for p in found.files) == sorted(STILL_MANUSCRIPTS)
    notes = _by_name(found.diagnostics)
    assert set(notes) == {name for name, _ in NOT_MANUSCRIPTS}
    for name, why in NOT_MANUSCRIPTS:
        assert notes[name].code is Code.FILE_SKIPPED, name
        assert why.lower() in notes[name].message.lower(), (name, notes[name].message)
    # A manuscript kind left out by its name can still be named in book.toml.
    assert "name it in book.toml" in notes["notes.txt"].message
    assert "name it in book.toml" not in notes[".hidden.txt"].message


def test_folders_that_never_hold_the_book_are_not_searched(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "01.txt": HELLO,
            ".git/HEAD.txt": HELLO,
            "build/old.md": HELLO,
            "node_modules/x/readme.md": HELLO,
            "notes/ideas.txt": HELLO,
            "Deleted scenes/cut-1.txt": HELLO,
            "research/ships.md": HELLO,
            "drafts/02.txt": HELLO,  # where some writers keep the book itself
        },
    )
    found = discover(tmp_path)
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in found.files] == [
        "01.txt",
        "drafts/02.txt",
    ]
    skipped = {Path(d.file).name: d.message for d in found.diagnostics}
    assert set(skipped) == {".git", "build", "node_modules", "notes", "Deleted scenes", "research"}
    assert all(m.startswith("folder not searched: ") for m in skipped.values())
    assert all(d.file.endswith("/") for d in found.diagnostics)


def test_sub_folders_are_read_in_natural_order_folder_then_file(tmp_path: Path) -> None:
    names = [
        "manuscripts/part-10/ch-1.txt",
        "manuscripts/part-2/ch-10.md",
        "manuscripts/part-2/ch-9.txt",
        "manuscripts/Part-1/ch-2.docx",
        "manuscripts/Part-1/ch-10.txt",
        "manuscripts/00-prologue.txt",
    ]
    write_files(tmp_path, dict.fromkeys(names, HELLO))
    project = load_project(tmp_path)
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in project.manuscripts] == [
        "manuscripts/00-prologue.txt",
        "manuscripts/Part-1/ch-2.docx",
        "manuscripts/Part-1/ch-10.txt",
        "manuscripts/part-2/ch-9.txt",
        "manuscripts/part-2/ch-10.md",
        "manuscripts/part-10/ch-1.txt",
    ]


def test_pages_that_open_and_close_a_book_go_first_and_last_by_their_names(
    tmp_path: Path,
) -> None:
    # The alphabet put prologue.md after chapter-09.md and acknowledgments.md first.
    names = [
        "chapter-01.md",
        "chapter-10.md",
        "Acknowledgments.md",
        "epilogue.md",
        "preface.md",
        "Prologue - The Fall.md",
        "foreword.md",
        "forwarded.md",  # not a foreword: its whole first word must be the page's name
        "introductions.txt",
        "part-2/epilogue.md",  # in a folder: last among that folder's files
        "part-2/ch-11.md",
        "About the Author.md",
        "afterword.md",
    ]
    write_files(tmp_path, {f"manuscripts/{n}": HELLO for n in names})
    project = load_project(tmp_path)
    assert [
        p.relative_to(tmp_path.resolve() / "manuscripts").as_posix() for p in project.manuscripts
    ] == [
        "foreword.md",
        "preface.md",
        "Prologue - The Fall.md",
        "chapter-01.md",
        "chapter-10.md",
        "forwarded.md",
        "introductions.txt",
        "part-2/ch-11.md",
        "part-2/epilogue.md",
        "epilogue.md",
        "afterword.md",
        "Acknowledgments.md",
        "About the Author.md",
    ]


def test_an_unnumbered_prologue_goes_before_numbered_chapters(tmp_path: Path) -> None:
    names = ["01.md", "02.md", "prologue.md", "index.md", "epilogue.md"]
    write_files(tmp_path, {f"manuscripts/{n}": HELLO for n in names})
    project = load_project(tmp_path)
    assert [p.name for p in project.manuscripts] == [
        "prologue.md",
        "01.md",
        "02.md",
        "index.md",
        "epilogue.md",
    ]


def test_a_numbered_prologue_keeps_the_writers_order(tmp_path: Path) -> None:
    names = ["01-chapter.md", "02-prologue.md", "epilogue 2.md", "03-chapter.md"]
    write_files(tmp_path, {f"manuscripts/{n}": HELLO for n in names})
    project = load_project(tmp_path)
    assert [p.name for p in project.manuscripts] == [
        "01-chapter.md",
        "02-prologue.md",
        "03-chapter.md",
        "epilogue 2.md",
    ]


def test_a_document_no_reader_reads_is_a_warning(tmp_path: Path) -> None:
    write_files(tmp_path, {"01.txt": HELLO, "02.rtf": "{\\rtf1 Hello}", "03.pages": "x"})
    notes = _by_name(discover(tmp_path).diagnostics)
    assert {n: d.code for n, d in notes.items()} == {
        "02.rtf": Code.UNKNOWN_FILE,
        "03.pages": Code.UNKNOWN_FILE,
    }
    assert "cannot read .rtf files; save it as .docx" in notes["02.rtf"].message


def test_no_manuscripts_is_an_error_naming_the_folder_and_what_was_left_out(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {"manuscripts/README.md": HELLO, "manuscripts/notes.txt": HELLO})
    with pytest.raises(InputError) as caught:
        load_project(tmp_path)
    assert caught.value.file is not None
    assert Path(caught.value.file).resolve() == tmp_path.resolve()
    assert "no manuscripts here (left out 2: notes.txt, README.md)" in caught.value.message


def test_default_with_book_toml_searches_manuscripts_recursively(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "book.toml": 'title = "T"\noutput = "out"\n',
            "manuscripts/10-end.txt": HELLO,
            "manuscripts/03-middle.md": HELLO,
            "manuscripts/a/01-start.docx": b"PK",
            "manuscripts/README.md": HELLO,
            "README.md": HELLO,  # beside book.toml, not in manuscripts/: never looked at
        },
    )
    project = load_project(tmp_path)
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in project.manuscripts] == [
        "manuscripts/03-middle.md",
        "manuscripts/10-end.txt",
        "manuscripts/a/01-start.docx",
    ]
    assert [(d.code, Path(d.file).name) for d in project.diagnostics] == [
        (Code.FILE_SKIPPED, "README.md")
    ]


def test_default_with_book_toml_needs_a_manuscripts_folder(tmp_path: Path) -> None:
    write_files(tmp_path, {"book.toml": 'title = "T"\n', "01.txt": HELLO})
    with pytest.raises(InputError, match=r"no manuscripts/ folder beside book\.toml"):
        load_project(tmp_path)


def test_globs_of_one_folder_sort_as_one_list(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "book.toml": 'manuscripts = ["manuscripts/*.txt", "manuscripts/*.md"]\n',
            "manuscripts/10-last.txt": HELLO,
            "manuscripts/03-third.md": HELLO,
            "manuscripts/1-first.txt": HELLO,
        },
    )
    names = [p.name for p in load_project(tmp_path).manuscripts]
    assert names == ["1-first.txt", "03-third.md", "10-last.txt"]


def test_globs_of_different_folders_keep_the_order_written(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "book.toml": 'manuscripts = ["prologue/*.txt", "chapters/*.txt", "prologue/*.md"]\n',
            "prologue/p.txt": HELLO,
            "chapters/2.txt": HELLO,
            "chapters/10.txt": HELLO,
            "prologue/q.md": HELLO,
        },
    )
    names = [p.name for p in load_project(tmp_path).manuscripts]
    assert names == ["p.txt", "2.txt", "10.txt", "q.md"]


def test_glob_matches_left_out_reach_build_and_check(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "book.toml": 'title = "T"\nmanuscripts = ["manuscripts/*"]\n',
            "manuscripts/01.txt": "Chapter 1\n\nShe came home.\n",
            "manuscripts/README.md": "How to build this book.\n",
            "manuscripts/map.png": b"\x89PNG",
            "manuscripts/.DS_Store": b"\0",  # a glob's * never matches a hidden file
        },
    )
    project = load_project(tmp_path)
    assert [p.name for p in project.manuscripts] == ["01.txt"]
    codes = {Path(d.file).name: d.code for d in project.diagnostics}
    # The writer's own pattern matched the image: a warning, never silence.
    assert codes == {"README.md": Code.FILE_SKIPPED, "map.png": Code.UNKNOWN_FILE}
    book = compile_book.parse(tmp_path)
    assert {(Path(d.file).name, d.code) for d in book.diagnostics} >= set(codes.items())
    report = check(tmp_path, ignore=["W110"])  # no author, no cover: not this test's matter
    assert [(Path(d.file).name, d.code) for d in report.findings] == [
        ("map.png", Code.UNKNOWN_FILE)
    ]
    explained = {(Path(d.file).name, d.code) for d in check(tmp_path, explain=True).findings}
    assert ("README.md", Code.FILE_SKIPPED) in explained


def test_a_listed_file_is_read_whatever_its_name_but_not_an_unknown_kind(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "book.toml": 'manuscripts = ["notes.txt",\n  "chapter.rtf"]\n',
            "notes.txt": HELLO,
            "chapter.rtf": "{\\rtf1}",
        },
    )
    with pytest.raises(InputError) as caught:
        load_project(tmp_path)
    assert caught.value.line == 2 and "not a kind compile-book reads" in caught.value.message
    (tmp_path / "book.toml").write_text('manuscripts = ["notes.txt"]\n', encoding="utf-8")
    assert [p.name for p in load_project(tmp_path).manuscripts] == ["notes.txt"]
    # ... and so is a file named on the command line.
    assert load_project(tmp_path / "notes.txt").kind == "file"


@pytest.mark.slow
def test_build_check_and_stats_run_inside_a_project_find_its_book_toml(tmp_path: Path) -> None:
    root = make_project(tmp_path / "novel").resolve()
    write_files(root, {"manuscripts/part-2/03.md": "# Chapter 3\n\nThe tide turned.\n"})
    deep = root / "manuscripts" / "part-2"
    built = run_module("build", "-v", cwd=deep)
    assert built.returncode == 0, built.stderr
    assert "book.toml: using this book.toml (found above manuscripts/part-2/)" in built.stderr
    epub = root / "build" / "salt-and-iron.epub"
    assert epub.is_file() and f"wrote {epub}" in built.stdout
    result = run_epubcheck(epub)
    assert result.clean, result.messages
    checked = run_module("check", cwd=root / "manuscripts")
    assert checked.returncode == 0, checked.stderr
    assert "no problems found (4 files checked)" in checked.stdout
    stats = run_module("stats", "--format", "json", cwd=deep)
    assert stats.returncode == 0, stats.stderr
    assert '"chapters": 3' in stats.stdout


# --------------------------------------------------------------------------- tools' file lists


def test_leanpub_book_txt_sets_the_order_and_what_is_read(tmp_path: Path) -> None:
    book = tmp_path / "book"
    book.mkdir()
    (book / "Book.txt").write_text(
        "frontmatter.txt\nprologue.md\nmainmatter.txt\nch-2.md\nch-1.md\n"
    )
    (book / "frontmatter.txt").write_text("{frontmatter}\n")
    (book / "mainmatter.txt").write_text("{mainmatter}\n")
    (book / "Sample.txt").write_text("ch-1.md\n")
    (book / "prologue.md").write_text("# Prologue\n\nBefore.\n")
    (book / "ch-1.md").write_text("# Chapter 1\n\nOne.\n")
    (book / "ch-2.md").write_text("# Chapter 2\n\nTwo.\n")
    (book / "scraps.md").write_text("# Scraps\n\nCut.\n")
    found = discover(book)
    assert [p.name for p in found.files] == ["prologue.md", "ch-2.md", "ch-1.md"]
    reasons = {Path(d.file).name: d.message for d in found.diagnostics}
    assert "its order is followed" in reasons["Book.txt"]
    assert "marker file" in reasons["frontmatter.txt"]
    assert "not listed" in reasons["scraps.md"] and "not listed" in reasons["Sample.txt"]


def test_mdbook_summary_sets_the_order(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "SUMMARY.md").write_text("# Summary\n\n- [Two](two.md)\n- [One](one.md)\n")
    (src / "one.md").write_text("# One\n\nText.\n")
    (src / "two.md").write_text("# Two\n\nText.\n")
    assert [p.name for p in discover(tmp_path).files] == ["two.md", "one.md"]


def test_a_novel_named_book_txt_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "book.txt").write_text("Chapter 1\n\nIt was late.\n")
    assert [p.name for p in discover(tmp_path).files] == ["book.txt"]


def test_a_writers_own_file_list_sets_the_order(tmp_path: Path) -> None:
    for name in ("01.md", "02.md", "part1.md"):
        (tmp_path / name).write_text(f"# {name}\n\nText.\n")
    (tmp_path / "filelist.txt").write_text("part1.md\n01.md\n02.md\n")
    found = discover(tmp_path)
    assert [p.name for p in found.files] == ["part1.md", "01.md", "02.md"]


@pytest.mark.parametrize(
    ("suffix", "advice"),
    [
        (".doc", "save it as .docx"),
        (".pages", "in Pages, export it to Word"),
        (".xyz", "save it as one of .txt"),
    ],
)
def test_a_document_no_reader_reads_says_how_to_save_it(
    tmp_path: Path, suffix: str, advice: str
) -> None:
    path = tmp_path / f"novel{suffix}"
    path.write_bytes(b"x")
    with pytest.raises(InputError, match=advice):
        load_project(path)
