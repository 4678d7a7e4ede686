"""Start-up: what a command loads, the command line's own conversions, the cover cache.

Behaviour only, never time: which modules a run imports, what the command line
hands the library, and that a cached cover is the cover Typst renders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from compile_book import clicoerce, diskcache
from compile_book.cli import app
from compile_book.nodes import Metadata
from compile_book.writers import ebookcover
from compile_book.writers.pdf import fonts

# Modules an EPUB of a one-file book has no use for.
NOT_FOR_AN_EBOOK = (
    "typst",
    "compile_book.writers.pdf",
    "compile_book.writers.cover",
    "typer._adapters",
    "PIL",
    "fontTools",
    "pypdf",
    "docx",
    "titlecase",
    "compile_book.pagemodel",
)


def _modules_after_build(tmp_path: Path, cache: Path) -> list[str]:
    """Run ``build story.txt -f epub`` in a child; the heavy modules it imported."""
    story = tmp_path / "story.txt"
    story.write_text("The Story\n\nOnce upon a time.\n", "utf-8")
    code = (
        "import os, sys\n"
        "real_exit = os._exit\n"
        "def report(status):\n"
        f"    names = {NOT_FOR_AN_EBOOK!r}\n"
        "    print(json.dumps([n for n in names if n in sys.modules]))\n"
        "    sys.stdout.flush()\n"
        "    real_exit(status)\n"
        "import json\n"
        "os._exit = report\n"
        f"sys.argv = ['compile-book', 'build', {str(story)!r}, '-f', 'epub', '-q',"
        f" '-o', {str(tmp_path / 'story.epub')!r}]\n"
        "from compile_book.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, diskcache.ENV: str(cache)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    found: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return found


def test_an_ebook_build_loads_no_print_machinery(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _modules_after_build(tmp_path, cache)
    assert "typst" in first  # the typographic cover was set once ...
    assert list(cache.glob("covers/*"))
    # ... and then came from the cache: no Typst, no PDF writer, no typer adapters
    assert _modules_after_build(tmp_path, cache) == []


def test_plain_parameters_are_converted_without_pydantic() -> None:
    command = clicoerce.install(typer.main.get_command(app))
    build = command.commands["build"]
    kinds = {p.name: type(p._runtime_param).__name__ for p in build.params}
    assert kinds["path"] == kinds["fmt"] == kinds["output"] == kinds["verbose"] == "_Plain"
    check = command.commands["check"]
    fmt = next(p for p in check.params if p.name == "fmt")
    assert fmt._runtime_param is None  # a choice: left to typer's own coercion


def test_the_installed_command_hands_the_library_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_schema(output: Path | None = None) -> None:
        seen["output"] = output

    command = clicoerce.install(typer.main.get_command(app))
    schema = command.commands["schema"]
    monkeypatch.setattr(schema, "callback", fake_schema)
    command.main(["schema", "-o", str(tmp_path / "s.json")], standalone_mode=False)
    assert seen["output"] == tmp_path / "s.json"
    assert isinstance(seen["output"], Path)


@pytest.mark.parametrize("word, value", [("yes", True), ("0", False), ("", False)])
def test_flag_words_read_as_typer_reads_them(word: str, value: bool) -> None:
    assert clicoerce._flag(word, None, None) is value
    assert clicoerce._flag(value, None, None) is value


def test_cover_cache_gives_the_rendered_cover(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(diskcache.ENV, str(tmp_path))
    monkeypatch.setattr(ebookcover, "_CACHE", {})
    meta = Metadata("A Cached Cover", "en", "urn:x", ("A. Writer",))
    rendered = ebookcover.typographic_cover(meta)
    (stored,) = (tmp_path / "covers").iterdir()
    assert stored.read_bytes() == rendered

    def no_render(template: bytes, data: dict[str, Any]) -> bytes:
        raise AssertionError("rendered again")

    monkeypatch.setattr(ebookcover, "_CACHE", {})
    monkeypatch.setattr(ebookcover, "_render_png", no_render)
    assert ebookcover.typographic_cover(meta) == rendered


def test_a_damaged_cache_entry_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(diskcache.ENV, str(tmp_path))
    monkeypatch.setattr(ebookcover, "_CACHE", {})
    meta = Metadata("A Damaged Entry", "en", "urn:x")
    rendered = ebookcover.typographic_cover(meta)
    (stored,) = (tmp_path / "covers").iterdir()
    stored.write_bytes(b"half a fil")
    monkeypatch.setattr(ebookcover, "_CACHE", {})
    assert ebookcover.typographic_cover(meta) == rendered
    assert stored.read_bytes() == rendered


def test_cache_off_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(diskcache.ENV, "")
    assert diskcache.folder() is None
    diskcache.put("covers", "x", b"data")
    assert diskcache.get("covers", "x") is None


def test_cover_fonts_are_the_pdf_writers() -> None:
    known = set(fonts.FONT_PACKAGES) | set(fonts.FALLBACK_PACKAGES)
    assert set(ebookcover.FONT_PACKAGES) <= known
    assert fonts.FONT_FALLBACK[0] == ebookcover.FACE
