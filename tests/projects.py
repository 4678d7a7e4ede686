"""Small book projects on disk, and the command line as a real process."""

from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
from pathlib import Path

COMPLETE_TOML = """\
title = "Salt and Iron"
authors = ["A. Writer"]
language = "en"
isbn = "979-8-88512-046-3"
"""

CHAPTER_ONE = """\
Chapter 1

"Where were you?" she asked.

He sat down. {Not again,} he thought.

* * *

Morning came.
"""

CHAPTER_TWO = """\
Chapter 2

They walked to the shore and watched the boats come in.
"""


def make_project(
    root: Path,
    toml: str | None = COMPLETE_TOML,
    chapters: dict[str, str] | None = None,
    cover: bool = True,
) -> Path:
    """A small project folder: book.toml, manuscripts/, and covers/cover.jpg."""
    (root / "manuscripts").mkdir(parents=True, exist_ok=True)
    if toml is not None:
        (root / "book.toml").write_text(toml, encoding="utf-8")
    for name, text in (chapters or {"01.txt": CHAPTER_ONE, "02.txt": CHAPTER_TWO}).items():
        (root / "manuscripts" / name).write_text(text, encoding="utf-8")
    if cover:
        (root / "covers").mkdir(exist_ok=True)
        (root / "covers" / "cover.jpg").write_bytes(_tiny_jpeg())
    return root


@functools.cache
def _tiny_jpeg() -> bytes:
    """A cover of the size stores ask for (a flat colour: a few kilobytes)."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (1600, 2560), (40, 60, 90)).save(buf, "JPEG", quality=50)
    return buf.getvalue()


def run_module(
    *args: str, cwd: Path | None = None, stdin: int | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m compile_book ARGS`` as a real process."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "compile_book", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
        stdin=stdin,
    )


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``{relative path: text or bytes}`` under ``root`` (folders as needed)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root
