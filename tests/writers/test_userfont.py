"""The writer's own print font: a file in the project or an installed family, checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import fontpkg_ibm_plex_mono
import pypdf
import pytest
from fontTools.ttLib import TTFont

from compile_book import build
from compile_book.diagnostics import Code
from compile_book.errors import CompileBookError
from compile_book.writers.pdf.userfont import resolve_font
from tests.projects import make_project, run_module

#: An OFL font that is a dependency but no theme's face, so only the file path finds it.
PLEX = Path(fontpkg_ibm_plex_mono.ROOT) / "files" / "IBMPlexMono-Regular.ttf"


def _toml(font: str) -> str:
    return f'title = "Salt"\nauthors = ["A. Writer"]\n\n[pdf]\nfont = "{font}"\n'


def _fonts(path: Path) -> set[str]:
    names: set[str] = set()
    for page in pypdf.PdfReader(path).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_a_font_file_in_the_project_sets_the_book(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("fonts/Plex.ttf"))
    (root / "fonts").mkdir()
    shutil.copy(PLEX, root / "fonts" / "Plex.ttf")
    out = tmp_path / "book.pdf"
    result = build(root, formats=["pdf"], output=out)
    assert any("IBMPlexMono" in name for name in _fonts(out)), _fonts(out)
    assert not [d for d in result.book.diagnostics if d.code == Code.FONT_MISSING]
    assert (root / "fonts" / "Plex.ttf").read_bytes() == PLEX.read_bytes()  # untouched


def test_a_font_that_forbids_embedding_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("fonts/Locked.ttf"))
    (root / "fonts").mkdir()
    font = TTFont(str(PLEX))
    font["OS/2"].fsType = 0x0002  # restricted licence embedding
    font.save(str(root / "fonts" / "Locked.ttf"))
    result = run_module("build", str(root), "-f", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert "forbids embedding" in result.stderr and "Locked.ttf" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_an_unknown_family_is_warned_not_swallowed(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("Garamond Premier Imaginary"))
    out = tmp_path / "book.pdf"
    result = build(root, formats=["pdf"], output=out)
    warned = [d for d in result.book.diagnostics if d.code == Code.FONT_MISSING]
    assert len(warned) == 1 and "Garamond Premier Imaginary" in warned[0].message
    assert warned[0].file is not None and warned[0].file.endswith("book.toml")
    assert warned[0].line == 5
    assert any("EBGaramond" in name for name in _fonts(out))


def test_no_warning_for_an_ebook_alone(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("Garamond Premier Imaginary"))
    result = build(root, formats=["epub"], output=tmp_path / "book.epub")
    assert not [d for d in result.book.diagnostics if d.code == Code.FONT_MISSING]


def test_a_missing_font_file_is_an_error_naming_book_toml(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("fonts/Nope.otf"))
    with pytest.raises(CompileBookError) as caught:
        build(root, formats=["pdf"], output=tmp_path / "x.pdf")
    assert "font 'fonts/Nope.otf' is not a file" in str(caught.value)
    assert caught.value.line == 5


def test_a_font_outside_the_project_is_refused(tmp_path: Path) -> None:
    shutil.copy(PLEX, tmp_path / "Plex.ttf")
    root = make_project(tmp_path / "book", _toml("../Plex.ttf"))
    with pytest.raises(CompileBookError, match="outside the project"):
        build(root, formats=["pdf"], output=tmp_path / "x.pdf")


def test_bundled_families_resolve_to_themselves() -> None:
    for family in ("EB Garamond", "Lora", "Oswald", "Libertinus Serif"):
        resolved = resolve_font(family)
        assert (resolved.family, resolved.missing) == (family, None)
