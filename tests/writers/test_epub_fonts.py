"""``[epub] embed_fonts``: the print edition's faces in the ebook, static, subset, allowed."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import fontpkg_ibm_plex_mono
import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from compile_book import build
from compile_book.writers.ebookfonts import family_rules
from tests.epubcheck import run_epubcheck
from tests.projects import make_project, run_module

PLEX = Path(fontpkg_ibm_plex_mono.ROOT) / "files"

CHAPTER = (
    "Chapter 1\n\nCafé crème, “naïve” Œuvre — she said, ‘Ça va?’ and wrote **Ådne** in "
    "*italics*; 1½ miles… then Zoë left.\n"
)

#: The families each theme embeds: text, then heads.
FAMILIES = {
    "classic": ["EB Garamond"],
    "modern": ["Source Serif 4", "Oswald"],
    "romance": ["Lora", "Playfair Display"],
    "plain": ["Libertinus Serif"],
}


def _toml(theme: str, embed: bool = True, pdf: str = "") -> str:
    return (
        f'title = "Salt"\nauthors = ["A. Writer"]\ntheme = "{theme}"\n'
        f"[epub]\nembed_fonts = {'true' if embed else 'false'}\n{pdf}"
    )


def _epub(root: Path, out: Path) -> zipfile.ZipFile:
    build(root, formats=["epub"], output=out)
    return zipfile.ZipFile(out)


def _chapter_text(book: zipfile.ZipFile) -> str:
    text = ""
    for name in book.namelist():
        if name.endswith(".xhtml"):
            text += "".join(str(t) for t in etree.fromstring(book.read(name)).itertext())
    return text


def test_no_font_is_embedded_by_default(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", _toml("romance", embed=False), {"01.txt": CHAPTER})
    book = _epub(root, tmp_path / "book.epub")
    assert not [name for name in book.namelist() if "/fonts/" in name]
    assert "@font-face" not in book.read("EPUB/css/book.css").decode()


@pytest.mark.slow
@pytest.mark.parametrize("theme", list(FAMILIES))
def test_each_theme_embeds_its_faces_static_and_subset(tmp_path: Path, theme: str) -> None:
    root = make_project(tmp_path / "p", _toml(theme), {"01.txt": CHAPTER})
    out = tmp_path / "book.epub"
    book = _epub(root, out)
    assert run_epubcheck(out).clean
    css = book.read("EPUB/css/book.css").decode()
    faces = re.findall(r'@font-face \{\s*font-family: "([^"]+)";[^}]*url\("\.\./([^"]+)"\)', css)
    assert [family for family, _ in faces] == sorted(
        (f for f, _ in faces), key=FAMILIES[theme].index
    )
    assert {family for family, _ in faces} == set(FAMILIES[theme])
    assert f'body {{ font-family: "{FAMILIES[theme][0]}", serif; }}' in css
    opf = book.read("EPUB/content.opf").decode()
    shown = {ch for ch in _chapter_text(book) if ch.strip()}
    for family, href in faces:
        assert f'href="{href}" media-type="font/' in opf
        data = book.read(f"EPUB/{href}")
        font = TTFont(io.BytesIO(data))
        assert "fvar" not in font  # static: readers that cannot set a variable font
        assert len(data) < 100_000  # subset, not the megabyte the package has
        if font["OS/2"].usWeightClass == 400 and not font["OS/2"].fsSelection & 1:
            missing = {ch for ch in shown if ord(ch) not in font.getBestCmap()}
            # The text face has every character; a heading face may lack some.
            assert not missing or family != FAMILIES[theme][0], missing


def test_an_embedded_book_is_the_same_every_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = make_project(tmp_path / "p", _toml("plain"), {"01.txt": CHAPTER})
    build(root, formats=["epub"], output=tmp_path / "a.epub")
    build(root, formats=["epub"], output=tmp_path / "b.epub")
    assert (tmp_path / "a.epub").read_bytes() == (tmp_path / "b.epub").read_bytes()


def test_the_writer_s_font_is_embedded_without_a_face_whose_licence_forbids_it(
    tmp_path: Path,
) -> None:
    pdf = '[pdf]\nfont = "fonts/Plex-Regular.ttf"\n'
    root = make_project(tmp_path / "p", _toml("classic", pdf=pdf), {"01.txt": CHAPTER})
    (root / "fonts").mkdir()
    shutil.copy(PLEX / "IBMPlexMono-Regular.ttf", root / "fonts" / "Plex-Regular.ttf")
    shutil.copy(PLEX / "IBMPlexMono-Italic.ttf", root / "fonts" / "Plex-Italic.ttf")
    locked = TTFont(str(PLEX / "IBMPlexMono-Bold.ttf"))
    locked["OS/2"].fsType = 0x0002  # restricted licence embedding
    locked.save(str(root / "fonts" / "Plex-Bold.ttf"))
    out = tmp_path / "book.epub"
    book = _epub(root, out)
    assert run_epubcheck(out).clean
    css = book.read("EPUB/css/book.css").decode()
    faces = re.findall(r"@font-face \{[^}]*\}", css)
    assert len(faces) == 2 and all('"IBM Plex Mono"' in face for face in faces)
    assert not [face for face in faces if "bold" in face]  # the locked face stays out


def test_a_writer_s_font_that_forbids_embedding_is_refused_for_the_ebook_too(
    tmp_path: Path,
) -> None:
    pdf = '[pdf]\nfont = "fonts/Locked.ttf"\n'
    root = make_project(tmp_path / "p", _toml("classic", pdf=pdf), {"01.txt": CHAPTER})
    (root / "fonts").mkdir()
    locked = TTFont(str(PLEX / "IBMPlexMono-Regular.ttf"))
    locked["OS/2"].fsType = 0x0002
    locked.save(str(root / "fonts" / "Locked.ttf"))
    result = run_module("build", str(root), "-f", "epub", "-o", str(tmp_path / "x.epub"))
    assert result.returncode == 2
    assert "forbids embedding" in result.stderr and "Locked.ttf" in result.stderr
    assert not (tmp_path / "x.epub").exists()


def test_a_family_name_cannot_break_out_of_its_css_string() -> None:
    rule = family_rules('Odd "Face"\\\n}', None)
    assert 'font-family: "Odd \\"Face\\"\\\\\\A }", serif;' in rule
    assert rule.count("{") == rule.count("}") - 1  # the one } is inside the string
