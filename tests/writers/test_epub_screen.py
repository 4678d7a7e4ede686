"""The sample ebook as a phone shows it turned sideways (812 x 375): every front
page, part page and chapter has text on its first screen; the stylesheet sets
label and number alike, the contents in the text colour."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from compile_book import api
from tests.epubcheck import run_epubcheck
from tests.paths import ROOT

#: A phone in landscape, in CSS pixels.
SCREEN = (812, 375)
CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None
)


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout")
    folder = tmp_path_factory.mktemp("sample")
    result = api.build(ROOT, ["epub"], folder / "book.epub")
    epub = result.outputs["epub"]
    assert run_epubcheck(epub).clean
    with zipfile.ZipFile(epub) as z:
        z.extractall(folder / "book")
    return folder / "book" / "EPUB"


def _rules(css: str, selector: str) -> list[str]:
    """The declaration blocks of every rule whose selector list names `selector`."""
    found = []
    for selectors, body in re.findall(
        r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    ):
        if selector in [s.strip() for s in selectors.split(",")]:
            found.append(body)
    return found


def test_no_vertical_margin_is_a_share_of_the_width(unpacked: Path) -> None:
    css = (unpacked / "css" / "book.css").read_text()
    assert not re.findall(r"margin(?:-top|-bottom)?\s*:\s*\d+%", css)
    for selector in ("section.copyright", "section.titlepage", "section.dedication"):
        assert any("vh" in body for body in _rules(css, selector)), selector


def test_label_and_number_alike_and_contents_in_text_colour(unpacked: Path) -> None:
    css = (unpacked / "css" / "book.css").read_text()
    assert _rules(css, "h1 span.label") == _rules(css, "h2 span.number")
    link = " ".join(_rules(css, "nav.toc a"))
    assert "color: inherit" in link and "text-decoration: none" in link
    epigraph = " ".join(_rules(css, "section.epigraph blockquote"))
    assert re.search(r"margin: 0 \d+%", epigraph)
    title = " ".join(_rules(css, "section.titlepage h1"))
    contents = " ".join(_rules(css, "nav.toc h1"))
    size = re.compile(r"font-size: ([\d.]+)em")
    assert float(size.findall(contents)[0]) < float(size.findall(title)[0])


def _ink_rows(png: Path) -> int:
    """Rows of the screenshot with anything darker than the page on them."""
    image = Image.open(png).convert("L")
    width, height = image.size
    data = image.tobytes()
    return sum(1 for y in range(height) if min(data[y * width : (y + 1) * width]) < 128)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to render the ebook with")
@pytest.mark.parametrize(
    "page",
    ["titlepage", "copyright", "dedication", "epigraph", "nav", "part-01", "chapter-002"],
)
def test_text_on_the_first_screen_of_a_phone_in_landscape(
    unpacked: Path, tmp_path: Path, page: str
) -> None:
    assert CHROMIUM is not None
    shot = tmp_path / f"{page}.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={SCREEN[0]},{SCREEN[1]}",
            f"--screenshot={shot}",
            (unpacked / f"{page}.xhtml").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert Image.open(shot).size == SCREEN
    assert _ink_rows(shot) >= 10, page
