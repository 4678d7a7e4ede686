"""Editions: ``[editions.<name>]`` tables, their presets, and a release built in one call."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from compile_book import writers
from compile_book.config import BookConfig
from compile_book.editions import LARGE_PRINT, PRESETS, editions, resolve
from compile_book.errors import CompileBookError
from compile_book.release import build_editions
from tests.epubcheck import run_epubcheck
from tests.projects import make_project

EBOOK_ISBN = "978-0-306-40615-7"
KOBO_ISBN = "979-8-88512-046-3"

EDITIONS_TOML = f"""\
title = "Salt and Iron"
authors = ["A. Writer"]
language = "en"

[editions.ebook]
isbn = "{EBOOK_ISBN}"

[editions.kobo]
isbn = "{KOBO_ISBN}"

[editions.kindle]

[editions.proof]
format = "pdf"
output = "proof.pdf"
pdf = {{ trim = "6x9" }}
"""


def test_a_preset_name_is_a_whole_edition() -> None:
    config = BookConfig.model_validate({"title": "T", "editions": {"kobo": {}, "large-print": {}}})
    kobo, large = editions(config)
    assert (kobo.format, kobo.store) == ("kepub", "kobo")
    assert large.format == "pdf" and large.print_edition
    for key, value in LARGE_PRINT.items():
        assert getattr(large.config.pdf, key) == value
    assert config.pdf.font_size == 11.5  # the book's own settings are untouched


def test_every_preset_names_a_registered_writer() -> None:
    assert {p.format for p in PRESETS.values()} <= set(writers.FORMATS)


def test_an_edition_inherits_the_book_and_overrides_its_own_keys() -> None:
    config = BookConfig.model_validate(
        {
            "title": "T",
            "isbn": KOBO_ISBN,
            "pdf": {"font_size": 12},
            "editions": {"hardback": {"format": "pdf", "isbn": EBOOK_ISBN, "pdf": {"trim": "6x9"}}},
        }
    )
    edition = resolve(config, "hardback")
    assert edition.config.isbn == EBOOK_ISBN
    assert (edition.config.pdf.trim, edition.config.pdf.font_size) == ("6x9", 12)
    assert edition.config.title == "T"


def test_an_unknown_edition_or_one_without_a_format_is_a_clear_error() -> None:
    config = BookConfig.model_validate({"title": "T", "editions": {"odd": {}}})
    with pytest.raises(CompileBookError, match="format ="):
        resolve(config, "odd")
    with pytest.raises(CompileBookError, match="no edition called 'nope'"):
        resolve(config, "nope")


def test_a_release_writes_one_file_per_edition(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", toml=EDITIONS_TOML)
    result = build_editions(project, ["ebook", "kobo", "kindle"])
    names = sorted(o.path.name for o in result.outputs)
    assert names == [
        "salt-and-iron-ebook.epub",
        "salt-and-iron-kindle.epub",
        "salt-and-iron-kobo.kepub.epub",
    ]
    opf = {o.edition.name: _opf(o.path) for o in result.outputs}
    assert EBOOK_ISBN.replace("-", "") in opf["ebook"]
    assert KOBO_ISBN.replace("-", "") in opf["kobo"]  # each edition carries its own ISBN
    assert EBOOK_ISBN.replace("-", "") not in opf["kobo"]


def test_the_kindle_edition_has_its_cover_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", toml=EDITIONS_TOML)
    (out,) = build_editions(project, ["kindle"]).outputs
    with zipfile.ZipFile(out.path) as archive:
        names = archive.namelist()
        opf = archive.read("EPUB/content.opf").decode()
    assert not any(n.endswith("cover.xhtml") for n in names)  # no HTML cover page
    assert 'properties="cover-image"' in opf and 'name="cover"' in opf
    check = run_epubcheck(out.path)
    assert check.clean, check.messages


def test_an_edition_can_name_its_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", toml=EDITIONS_TOML)
    result = build_editions(project, ["proof"], tmp_path / "out")
    assert [o.path for o in result.outputs] == [tmp_path / "out" / "proof.pdf"]


def test_a_book_without_editions_says_how_to_declare_them(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    with pytest.raises(CompileBookError, match=r"\[editions.ebook\]"):
        build_editions(project)


def _opf(epub: Path) -> str:
    with zipfile.ZipFile(epub) as archive:
        return archive.read("EPUB/content.opf").decode()


def test_check_warns_on_a_shared_isbn_and_a_print_edition_without_one(tmp_path: Path) -> None:
    from compile_book.check import check

    toml = f"""\
title = "Salt and Iron"
authors = ["A. Writer"]
language = "en"
isbn = "{EBOOK_ISBN}"

[editions.ebook]

[editions.apple]

[editions.print]
isbn = ""
"""
    project = make_project(tmp_path / "book", toml=toml.replace('isbn = ""\n', ""))
    (project / "book.toml").write_text(toml.replace('\n[editions.print]\nisbn = ""\n', ""))
    found = [d for d in check(project).warnings if d.code == "W135"]
    assert len(found) == 1 and "'ebook' and 'apple' share" in found[0].message
    assert found[0].line == 8  # the [editions.apple] table
    (project / "book.toml").write_text(
        toml.replace('isbn = "' + EBOOK_ISBN + '"\n', "").replace('isbn = ""\n', "")
    )
    found = [d for d in check(project).warnings if d.code == "W135"]
    assert [d.message.split(";")[0] for d in found] == ["the print edition 'print' has no ISBN"]


def test_the_cli_builds_editions_and_checks_them(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from compile_book.cli import app

    project = make_project(tmp_path / "book", toml=EDITIONS_TOML)
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(project), "-e", "ebook", "-e", "kindle", "--check"])
    assert result.exit_code == 0, result.output
    assert "salt-and-iron-ebook.epub (ebook)" in result.stdout
    assert "EPUBCheck: 0 errors" in result.stdout
    result = runner.invoke(app, ["build", str(project), "-e", "proof", "--check"])
    assert result.exit_code == 1  # a two-chapter book is under KDP's 24 pages
    assert "FAIL: " in result.stdout and "1 file(s) failed their check: proof" in result.stderr
