"""The command line: exit codes, output streams, progress and colour, library exports.

Each command is run through typer's ``CliRunner`` (fast, in-process) and once
through a real ``python -m compile_book`` subprocess (the installed entry
point, real stdin/stdout, real exit status).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from compile_book import progress
from compile_book.cli import app
from tests.paths import seed_path
from tests.projects import make_project, run_module

runner = CliRunner()

# --------------------------------------------------------------------- build


def test_build_writes_and_reports(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = runner.invoke(app, ["build", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "build" / "salt-and-iron.epub").is_file()
    assert "wrote" in result.stdout


def test_build_quiet_prints_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = runner.invoke(app, ["build", str(project), "-q"])
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_build_verbose_shows_normalisations(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = runner.invoke(app, ["build", str(project), "-v"])
    assert result.exit_code == 0
    assert "info N051" in result.stderr  # straight quotes curled


def test_build_strict_refuses_warnings_with_exit_1() -> None:
    seed = seed_path("000")
    result = runner.invoke(app, ["build", str(seed), "--strict", "-o", os.devnull])
    assert result.exit_code == 1
    assert "--strict" in result.stderr


def test_build_output_unchanged_by_metadata_checks() -> None:
    # `build` prints only the parser's diagnostics: W110 is `check`'s business.
    seed = seed_path("003")
    result = runner.invoke(app, ["build", str(seed), "-o", os.devnull])
    assert result.exit_code == 0
    assert "W110" not in result.stderr


def test_input_error_exit_2_without_traceback(tmp_path: Path) -> None:
    for command in ("build", "check", "stats", "tree"):
        result = runner.invoke(app, [command, str(tmp_path / "missing.txt")])
        assert result.exit_code == 2, command
        assert result.stderr.startswith(str(tmp_path / "missing.txt"))
        assert "Traceback" not in result.output


def test_config_error_exit_2(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", toml='titel = "typo"\n')
    result = runner.invoke(app, ["check", str(project)])
    assert result.exit_code == 2
    assert "titel: unknown key" in result.stderr


def test_subprocess_version_and_build(tmp_path: Path) -> None:
    proc = run_module("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("compile-book ")
    project = make_project(tmp_path / "book")
    proc = run_module("build", str(project))
    assert proc.returncode == 0, proc.stderr
    assert "wrote" in proc.stdout
    assert "\x1b[" not in proc.stderr  # not a terminal: no progress bar, no escapes


# --------------------------------------------------------------------- progress and colour


def _terminal(no_color: bool = False) -> Console:
    return Console(
        file=io.StringIO(), force_terminal=True, no_color=no_color, width=80, soft_wrap=True
    )


def _text(console: Console) -> str:
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def test_progress_is_silent_when_not_a_terminal() -> None:
    out = Console(file=io.StringIO(), force_terminal=False)
    with progress.BuildProgress(2, out=out, show_after=0) as bar:
        bar.step("writing epub")
    assert not bar.enabled
    assert _text(out) == ""


def test_progress_is_off_with_quiet() -> None:
    out = _terminal()
    with progress.BuildProgress(2, enabled=False, out=out, show_after=0) as bar:
        bar.step("writing epub")
    assert _text(out) == ""


def test_progress_waits_before_showing() -> None:
    out = _terminal()
    with progress.BuildProgress(2, out=out, show_after=30) as bar:
        bar.step("writing epub")
        assert not bar.shown  # a quick build never shows a bar
    assert _text(out) == ""


def test_progress_shows_on_a_slow_build_and_clears() -> None:
    import time

    out = _terminal()
    with progress.BuildProgress(2, out=out, show_after=0.01) as bar:
        deadline = time.monotonic() + 5
        while not bar.shown and time.monotonic() < deadline:
            time.sleep(0.01)
        assert bar.shown
        bar.step("writing epub")
    assert not bar.shown
    assert "writing epub" in _text(out)


def test_no_color_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    from compile_book.diagnostics import Code, Diagnostic

    finding = Diagnostic(Code.DOUBLED_WORD, "doubled word 'and and'; delete one", "a.txt", 3, 4)
    coloured = _terminal()
    progress.print_findings(coloured, [finding])
    assert "\x1b[" in _text(coloured)

    monkeypatch.setenv("NO_COLOR", "1")
    plain = progress.console()
    assert plain.no_color
    buf = Console(file=io.StringIO(), force_terminal=True, width=80)  # reads NO_COLOR too
    progress.print_findings(buf, [finding])
    text = _text(buf)
    assert "\x1b[3" not in text  # no colour codes (bold is not colour: NO_COLOR keeps it)
    assert "a.txt:3:4: warning W103: doubled word" in re.sub(r"\x1b\[[0-9;]*m", "", text)


# --------------------------------------------------------------------- library


def test_library_exports() -> None:
    import compile_book

    for name in ("parse", "build", "check", "stats", "init", "schema", "watch"):
        assert callable(getattr(compile_book, name)), name
    import compile_book.check  # the module of the same name must not shadow the function

    assert callable(compile_book.check)
    assert compile_book.__version__


def test_import_is_cheap() -> None:
    code = (
        "import sys, compile_book\n"
        "heavy = [m for m in ('typer', 'rich', 'ebooklib', 'typst', 'pydantic', 'watchfiles',"
        " 'lxml', 'PIL', 'fontTools', 'docx', 'pypdf', 'babel', 'markdown_it', 'titlecase',"
        " 'num2words', 'natsort', 'compile_book.nodes', 'compile_book.config')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert json.loads(proc.stdout.replace("'", '"')) == []
