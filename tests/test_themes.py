"""Themes: ``theme = "…"`` sets both editions; single settings and a CSS file override it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from compile_book import build
from compile_book.config import BookConfig, PdfConfig
from compile_book.errors import CompileBookError
from compile_book.themes import DEFAULT_THEME, THEMES
from compile_book.writers import pdf
from tests.epubcheck import run_epubcheck
from tests.projects import make_project, run_module, write_files

#: A font each theme's print edition must embed (PDF base font names drop spaces).
EMBEDDED = {
    "classic": "EBGaramond",
    "modern": "Oswald",
    "romance": "PlayfairDisplay",
    "plain": "LibertinusSerif",
}
BODY = {
    "classic": "EBGaramond",
    "modern": "SourceSerif4",
    "romance": "Lora",
    "plain": "LibertinusSerif",
}


def _toml(theme: str, extra: str = "") -> str:
    return f'title = "Salt"\nauthors = ["A. Writer"]\ntheme = "{theme}"\n{extra}'


def _fonts(path: Path) -> set[str]:
    reader = pypdf.PdfReader(path)
    names: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_there_are_four_themes_each_described() -> None:
    assert set(THEMES) == {"classic", "modern", "romance", "plain"}
    assert all(t.description for t in THEMES.values())


def test_the_theme_gives_the_print_settings_book_toml_leaves_out() -> None:
    modern = pdf.options_from(BookConfig(theme="modern"))
    assert (modern.font, modern.heading_font, modern.heading_case) == (
        "Source Serif 4",
        "Oswald",
        "upper",
    )
    assert modern.heading_align == "left" and modern.small_caps_words == 0
    # What the writer sets wins.
    mine = pdf.options_from(
        BookConfig.model_validate(
            {"theme": "modern", "pdf": {"font": "Lora", "drop_cap": True, "drop_cap_lines": 2}}
        )
    )
    assert (mine.font, mine.drop_cap, mine.drop_cap_lines) == ("Lora", True, 2)
    assert mine.heading_font == "Oswald"
    # The classic theme is the book as it always was.
    assert (
        pdf.options_from(BookConfig()).model_dump()
        == pdf.options_from(BookConfig(theme="classic")).model_dump()
    )


def test_an_unknown_theme_is_refused() -> None:
    with pytest.raises(ValueError, match="theme"):
        BookConfig.model_validate({"theme": "gothic"})


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_each_theme_prints_in_its_own_faces(tmp_path: Path, theme: str) -> None:
    root = make_project(tmp_path, _toml(theme))
    out = tmp_path / "book.pdf"
    build(root, formats=["pdf"], output=out)
    fonts = _fonts(out)
    assert any(EMBEDDED[theme] in name for name in fonts), fonts
    assert any(BODY[theme] in name for name in fonts), fonts


def test_the_ebook_carries_the_theme_and_the_writers_stylesheet(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("modern", 'css = "style/extra.css"\n'))
    write_files(root, {"style/extra.css": "p { color: inherit; }\n"})
    out = tmp_path / "book.epub"
    build(root, formats=["epub"], output=out)
    with zipfile.ZipFile(out) as z:
        css = z.read("EPUB/css/book.css").decode()
    assert "/* theme: modern */" in css
    assert css.rstrip().endswith("p { color: inherit; }")
    assert css.index("theme: modern") < css.index("extra.css")
    check = run_epubcheck(out)
    assert check.clean, check.messages


def test_a_missing_stylesheet_is_an_error_naming_book_toml(tmp_path: Path) -> None:
    root = make_project(tmp_path, _toml("plain", 'css = "nope.css"\n'))
    with pytest.raises(CompileBookError) as caught:
        build(root, formats=["epub"], output=tmp_path / "x.epub")
    assert "css 'nope.css'" in str(caught.value)
    assert caught.value.line == 4
    assert not (tmp_path / "x.epub").exists()


def test_a_stylesheet_outside_the_project_is_refused(tmp_path: Path) -> None:
    (tmp_path / "outside.css").write_text("p {}\n", encoding="utf-8")
    root = make_project(tmp_path / "book", _toml("plain", 'css = "../outside.css"\n'))
    with pytest.raises(CompileBookError, match="outside the project"):
        build(root, formats=["epub"], output=tmp_path / "x.epub")


def test_themes_command_shows_the_book_in_every_theme(tmp_path: Path) -> None:
    root = make_project(tmp_path / "book", _toml("classic"))
    result = run_module("themes", str(root), "-o", str(tmp_path / "previews"))
    assert result.returncode == 0, result.stderr
    for name in THEMES:
        assert name in result.stdout
        picture = Image.open(io.BytesIO((tmp_path / "previews" / f"{name}.png").read_bytes()))
        # A spread: the opening page and the next, side by side.
        assert picture.width > picture.height
        # Not a blank page: the text darkens it.
        low = picture.convert("L").getextrema()[0]
        assert isinstance(low, int) and low < 100


def _cover_named(root: Path, name: str) -> bytes:
    """Give the project a PNG cover called `name` (in covers/); its bytes."""
    picture = io.BytesIO()
    Image.new("RGB", (160, 256), "navy").save(picture, "PNG")
    (root / "covers" / name).write_bytes(picture.getvalue())
    toml = (root / "book.toml").read_text(encoding="utf-8")
    (root / "book.toml").write_text(f'cover = "covers/{name}"\n{toml}', encoding="utf-8")
    return picture.getvalue()


@pytest.mark.parametrize(
    ("command", "name"), [("themes", "modern.png"), ("preview", "contact-sheet.png")]
)
def test_previews_never_overwrite_an_input(tmp_path: Path, command: str, name: str) -> None:
    root = make_project(tmp_path / "book", _toml("classic"))
    cover = _cover_named(root, name)
    # The pictures' folder is the covers' folder, where a picture has the cover's name.
    result = run_module(command, str(root), "-o", str(root / "covers"))
    assert result.returncode == 2, result.stdout
    assert "the cover" in result.stderr and name in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (root / "covers" / name).read_bytes() == cover
    assert sorted(p.name for p in (root / "covers").iterdir()) == sorted(["cover.jpg", name])
    # A link to book.toml where a picture goes is refused too (same file, other name).
    out = tmp_path / "out"
    out.mkdir()
    (out / "classic.png").symlink_to(root / "book.toml")
    (out / "print-1.png").symlink_to(root / "book.toml")
    before = (root / "book.toml").read_bytes()
    result = run_module(command, str(root), "-o", str(out))
    assert result.returncode == 2 and "book.toml" in result.stderr, result.stderr
    assert (root / "book.toml").read_bytes() == before


def test_previews_want_a_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "book", _toml("classic"))
    result = run_module("themes", str(root), "-o", str(root / "book.toml"))
    assert result.returncode == 2 and "not a folder" in result.stderr, result.stderr


def test_the_pdf_defaults_are_the_default_theme_s() -> None:
    # One source of truth: a book without a theme and without [pdf] settings is classic.
    assert BookConfig().theme == DEFAULT_THEME.name == "classic"
    defaults = PdfConfig().model_dump()
    assert {key: defaults[key] for key in DEFAULT_THEME.pdf_defaults()} == (
        DEFAULT_THEME.pdf_defaults()
    )
