"""``compile-book themes``: each theme's first chapter opening, as the writer's own book.

A theme is chosen by eye. Sample pages of a stranger's text say little, so the
preview sets the writer's book in every theme and keeps one picture each: the
spread where the first chapter opens (its opening page and the page after it),
rendered from the real PDF. Pages are rasterised with pdfium (``pypdfium2``),
which needs nothing installed on the machine, and saved as PNG without
timestamps, so the same book gives the same files.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .nodes import Book, ChapterKind, chapter_label
from .record import record
from .themes import THEMES, Theme

__all__ = ["ThemePreview", "opening_page", "preview_themes"]

#: Resolution of the preview pictures: a page of a 5.5 x 8.5 in book is 440 px wide.
PREVIEW_DPI = 80


@record
class ThemePreview:
    """One theme and the picture of the book in it."""

    theme: Theme
    image: Path
    pages: int


def preview_themes(
    path: str | os.PathLike[str] = ".", out_dir: str | os.PathLike[str] | None = None
) -> list[ThemePreview]:
    """Set the book at ``path`` in every theme; write ``<theme>.png`` into ``out_dir``
    (by default ``themes/`` in the project's output folder)."""
    from .api import parse_project, project_inputs
    from .output import protecting, write_file
    from .project import load_project
    from .writers import pdf

    project = load_project(path)
    book = parse_project(project)
    folder = Path(out_dir) if out_dir is not None else project.output_dir() / "themes"
    targets = {theme.name: folder / f"{theme.name}.png" for theme in THEMES.values()}
    out = []
    # Why: `-o` may name any folder, the manuscripts' too; no picture replaces an input.
    with protecting(project_inputs(project, book, ["pdf"])):
        make_folder(folder, targets.values())
        for theme in THEMES.values():
            config = project.config.model_copy(update={"theme": theme.name})
            data, stats = pdf.render(book, pdf.options_from(config))
            write_file(targets[theme.name], spread_png(data, opening_page(data, book)))
            out.append(ThemePreview(theme, targets[theme.name], stats.pages))
    return out


def make_folder(folder: Path, targets: Iterable[Path]) -> None:
    """Create `folder` for the pictures `targets`, once each was checked (none is an
    input of the book, none a folder or device): all are refused before any is drawn."""
    from .errors import OutputError
    from .output import destination
    from .paths import shown_path

    if folder.exists() and not folder.is_dir():
        raise OutputError("is not a folder; give a folder for the pictures", shown_path(folder))
    for target in targets:
        destination(target)
    folder.mkdir(parents=True, exist_ok=True)


def opening_page(data: bytes, book: Book) -> int:
    """The index of the page where the book's first chapter opens (0 when not found),
    from the PDF's outline, which names each division as the contents does."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    first = next((c for c in book.chapters if c.kind is ChapterKind.CHAPTER), None)
    if first is None and book.chapters:
        first = book.chapters[0]
    wanted = chapter_label(book, first) if first is not None else ""
    stack: list[Any] = list(reader.outline)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
            continue
        if item.title == wanted:
            return reader.get_destination_page_number(item) or 0
    return 0


def page_images(data: bytes, first: int, count: int) -> list[Any]:
    """Pages ``first`` .. ``first + count - 1`` of a PDF (those it has) as RGB
    pictures at :data:`PREVIEW_DPI`."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        last = min(first + count, len(document))
        return [
            document[k].render(scale=PREVIEW_DPI / 72).to_pil().convert("RGB")
            for k in range(first, last)
        ]
    finally:
        document.close()


def png_bytes(picture: Any) -> bytes:
    """A picture as PNG bytes (Pillow writes no timestamp: the same page, the same file)."""
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    return buf.getvalue()


def spread_png(data: bytes, page: int) -> bytes:
    """Pages ``page`` and ``page + 1`` side by side, as PNG bytes."""
    from PIL import Image

    images = page_images(data, page, 2)
    width = sum(im.width for im in images)
    sheet = Image.new("RGB", (width, max(im.height for im in images)), "white")
    x = 0
    for im in images:
        sheet.paste(im, (x, 0))
        x += im.width
    return png_bytes(sheet)
