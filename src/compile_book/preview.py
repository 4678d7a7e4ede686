"""``compile-book preview``: the book's first pages in every edition, as pictures.

A writer should see the book before a reader does, without an e-reader or a
printer. The preview builds each edition the way ``build`` would and keeps
pictures of where the story starts:

* a **print** edition (any PDF): the first chapter's opening page and the pages
  after it, rasterised with pdfium (:mod:`compile_book.theme_preview`);
* the **ebook** (the first EPUB edition, or the EPUB when none is declared): the
  first chapter on a phone screen (375 x 812) in light and in night mode, as a
  reading system shows it, rendered by headless Chromium when it is installed.
  Night mode sets a black page and light text on the body, as readers do; a
  stylesheet that forced its own colours would show here as dark text on black.

Every picture, and one contact sheet of them all (``contact-sheet.png``), is
written to ``preview/`` in the output folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CompileBookError
from .output import protecting, write_file

if TYPE_CHECKING:
    from .config import BookConfig
    from .nodes import Book

__all__ = ["PHONE", "Preview", "find_chromium", "preview"]

#: A phone held upright, in CSS pixels (an iPhone X's viewport).
PHONE = (375, 812)
#: What night mode sets on the page (reading systems' own colours, not the book's).
NIGHT_CSS = "html, body { background: #000000 !important; color: #d0d0d0 !important; }"
_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@dataclass(slots=True)
class Preview:
    """The pictures written, the contact sheet, and what could not be shown and why."""

    images: list[Path] = field(default_factory=list)
    sheet: Path | None = None
    notes: list[str] = field(default_factory=list)


def find_chromium() -> str | None:
    """The headless browser to render the ebook with, if one is installed."""
    for name in _CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


#: The formats whose first chapter is pictured on a phone.
EBOOK_FORMATS = ("epub", "kindle", "kepub")


def preview(
    path: str | os.PathLike[str] = ".",
    out_dir: str | os.PathLike[str] | None = None,
    pages: int = 4,
) -> Preview:
    """Picture the first ``pages`` pages of each print edition and the ebook's first
    chapter on a phone; write them and a contact sheet to ``out_dir``."""
    from .api import parse_project, project_inputs
    from .editions import editions
    from .project import load_project
    from .theme_preview import make_folder

    project = load_project(path)
    folder = Path(out_dir) if out_dir is not None else project.output_dir() / "preview"
    chosen = [(e.name, e.format, e.config) for e in editions(project.config)]
    if not chosen:
        chosen = [("ebook", "epub", project.config), ("print", "pdf", project.config)]
    result = Preview()
    book = parse_project(project)
    ebook = next((name for name, fmt, _ in chosen if fmt in EBOOK_FORMATS), None)
    targets = [folder / "contact-sheet.png"]
    targets += [
        folder / f"{name}-{k}.png"
        for name, fmt, _ in chosen
        if fmt == "pdf"
        for k in range(1, pages + 1)
    ]
    targets += [folder / f"{ebook}-{mode}.png" for mode in ("light", "night") if ebook]
    # Why: `-o` may name any folder, the manuscripts' too; no picture replaces an input.
    with protecting(project_inputs(project, book, ["pdf", "epub"])):
        make_folder(folder, targets)
        for name, fmt, config in chosen:
            if fmt == "pdf":
                result.images += _print_pages(book, config, folder / name, pages)
            elif name == ebook:
                result.images += _ebook_screens(book, config, folder / name, result.notes)
        if result.images:
            result.sheet = folder / "contact-sheet.png"
            write_file(result.sheet, contact_sheet(result.images))
    return result


def _print_pages(book: Book, config: BookConfig, stem: Path, pages: int) -> list[Path]:
    """``<edition>-1.png``...: the first chapter's opening page and those after it."""
    from .theme_preview import opening_page, page_images, png_bytes
    from .writers import pdf

    data, _ = pdf.render(book, pdf.options_from(config))
    out = []
    for k, picture in enumerate(page_images(data, opening_page(data, book), pages), 1):
        target = stem.with_name(f"{stem.name}-{k}.png")
        write_file(target, png_bytes(picture))
        out.append(target)
    return out


def _ebook_screens(book: Book, config: BookConfig, stem: Path, notes: list[str]) -> list[Path]:
    """``<edition>-light.png`` and ``<edition>-night.png``: the first chapter on a phone."""
    from .writers import epub

    browser = find_chromium()
    if browser is None:
        notes.append("the ebook is not pictured: install Chromium to see it on a phone screen")
        return []
    out = []
    with tempfile.TemporaryDirectory(prefix="compile-book-preview-") as scratch:
        root = Path(scratch)
        built = root / "book.epub"
        epub.write(book, epub.options_from(config), built)
        with zipfile.ZipFile(built) as archive:
            archive.extractall(root / "book")
        chapter = first_chapter_document(root / "book")
        night = chapter.with_name("night-" + chapter.name)
        text = chapter.read_text(encoding="utf-8")
        night.write_text(text.replace("</head>", f"<style>{NIGHT_CSS}</style></head>", 1), "utf-8")
        for mode, page in (("light", chapter), ("night", night)):
            target = stem.with_name(f"{stem.name}-{mode}.png")
            shot = root / f"{mode}.png"
            _screenshot(browser, page, shot)
            write_file(target, shot.read_bytes())
            out.append(target)
    return out


def first_chapter_document(folder: Path) -> Path:
    """The first document in reading order that holds a chapter (the story's start)."""
    from lxml import etree

    opf = next(folder.rglob("*.opf"))
    package = etree.parse(str(opf))
    ns = {"opf": "http://www.idpf.org/2007/opf"}
    hrefs = {
        str(item.get("id")): str(item.get("href"))
        for item in package.iterfind(".//opf:manifest/opf:item", ns)
    }
    for ref in package.iterfind(".//opf:spine/opf:itemref", ns):
        page = opf.parent / hrefs.get(str(ref.get("idref")), "")
        if page.is_file() and 'epub:type="chapter"' in page.read_text(encoding="utf-8"):
            return page
    raise CompileBookError("the ebook has no chapter to show")


def _screenshot(browser: str, page: Path, target: Path) -> None:
    width, height = PHONE
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={width},{height}",
        f"--screenshot={target}",
        page.as_uri(),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CompileBookError(f"Chromium could not render the ebook ({exc})") from None
    if not target.is_file():
        raise CompileBookError("Chromium wrote no picture of the ebook; check its installation")


def contact_sheet(images: list[Path], height: int = 420) -> bytes:
    """Every picture scaled to one height, side by side in rows of four, as PNG bytes."""
    from PIL import Image

    from .theme_preview import png_bytes

    scaled = []
    for path in images:
        with Image.open(path) as picture:
            width = round(picture.width * height / picture.height)
            scaled.append(picture.convert("RGB").resize((width, height)))
    rows = [scaled[k : k + 4] for k in range(0, len(scaled), 4)]
    gap = 12
    width = max(sum(p.width for p in row) + gap * (len(row) + 1) for row in rows)
    sheet = Image.new("RGB", (width, len(rows) * (height + gap) + gap), (235, 235, 235))
    y = gap
    for row in rows:
        x = gap
        for tile in row:
            sheet.paste(tile, (x, y))
            x += tile.width + gap
        y += height + gap
    return png_bytes(sheet)
