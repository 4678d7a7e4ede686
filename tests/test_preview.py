"""``compile-book preview``: print pages and the ebook on a phone, as pictures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageStat

from compile_book.preview import PHONE, find_chromium, preview
from tests.projects import make_project, run_module

TOML = 'title = "Salt"\nauthors = ["A. Writer"]\n'


def _brightness(path: Path) -> float:
    with Image.open(path) as picture:
        return float(ImageStat.Stat(picture.convert("L")).mean[0])


def _ink(path: Path) -> int:
    """The darkest pixel: text on a page is near black."""
    with Image.open(path) as picture:
        darkest = picture.convert("L").getextrema()[0]
    assert isinstance(darkest, int)
    return darkest


def test_print_pages_and_a_contact_sheet(tmp_path: Path) -> None:
    root = make_project(tmp_path / "book", TOML)
    result = preview(root, tmp_path / "out", pages=2)
    names = sorted(p.name for p in result.images)
    assert "print-1.png" in names and "print-2.png" in names
    assert result.sheet is not None and result.sheet.is_file()
    with Image.open(tmp_path / "out" / "print-1.png") as page:
        assert page.height > page.width  # a page, upright
    # The first pictured page is where the story starts, not a blank page.
    assert _ink(tmp_path / "out" / "print-1.png") < 100


@pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed")
def test_the_ebook_on_a_phone_in_light_and_night_mode(tmp_path: Path) -> None:
    root = make_project(tmp_path / "book", TOML)
    result = preview(root, tmp_path / "out", pages=1)
    light, night = tmp_path / "out" / "ebook-light.png", tmp_path / "out" / "ebook-night.png"
    assert light in result.images and night in result.images
    with Image.open(light) as picture:
        assert picture.size == PHONE
    # The book forces no colours: night mode turns the whole screen dark, text light.
    assert _brightness(light) > 200
    assert _brightness(night) < 60
    with Image.open(night) as picture:
        brightest = picture.convert("L").getextrema()[1]
        assert isinstance(brightest, int) and brightest > 150  # the text is still there


def test_preview_command(tmp_path: Path) -> None:
    root = make_project(tmp_path / "book", TOML)
    result = run_module("preview", str(root), "-o", str(tmp_path / "out"), "--pages", "1")
    assert result.returncode == 0, result.stderr
    assert "contact sheet:" in result.stdout
    assert (tmp_path / "out" / "contact-sheet.png").is_file()
