"""``compile-book check``: the linter on the seeds, the sample book and small manuscripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compile_book.check import check
from compile_book.cli import app
from compile_book.diagnostics import CODES
from tests.paths import ROOT, seed_path
from tests.projects import COMPLETE_TOML, make_project, run_module

runner = CliRunner()

# One manuscript with one of each manuscript problem, and where each is reported.
PROBLEMS = """\
Chapter 1

* * *

He walked in and and sat down.

"Where were you? she asked.

He thought {never again and left.

“Fine,” she said. "Fine."

CHAPTER TWO IS COMING

<><><>

The end came.

* * *

Chapter 3

Out of order.
"""
EXPECTED = {
    ("W105", 3),  # scene break at the start of a chapter
    ("W103", 5),  # doubled word
    ("W101", 7),  # unclosed double quote
    ("W102", 9),  # unbalanced telepathy brace
    ("W104", 11),  # straight and curly quotes mixed
    ("W106", 13),  # heading-like line kept as prose
    ("W108", 15),  # unrecognised divider
    ("W105", 19),  # scene break at the end of a chapter
    ("W109", 21),  # chapter number out of sequence
}


# --------------------------------------------------------------------- the seeds


def test_seed_000_doubled_word_at_its_line() -> None:
    seed = seed_path("000")
    report = check(seed)
    doubled = [d for d in report.findings if d.code == "W103"]
    assert [(d.line, d.col) for d in doubled] == [(55, 163)]
    assert "'and and'" in doubled[0].message


def test_seed_002_unclosed_quote_at_its_line() -> None:
    seed = seed_path("002")
    report = check(seed, ignore=["W110"])
    assert [(d.code, d.line) for d in report.findings] == [("W101", 163)]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seeds_check_through_the_cli(prefix: str) -> None:
    seed = seed_path(prefix)
    result = runner.invoke(app, ["check", str(seed), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    codes = [f["code"] for f in data["findings"]]
    assert codes.count("W110") == 4  # a lone manuscript: no language, author, id, cover
    assert all(f["severity"] == "warning" for f in data["findings"])
    assert data["summary"]["warnings"] == len(codes)


def test_seed_000_subprocess_text_and_strict() -> None:
    seed = seed_path("000")
    proc = run_module("check", str(seed), "--ignore", "W110")
    assert proc.returncode == 0
    assert f"{seed_path('000').name}:55:163: warning W103: doubled word 'and and'" in proc.stdout
    strict = run_module("check", str(seed), "--strict")
    assert strict.returncode == 1
    assert "--strict" in strict.stderr


# --------------------------------------------------------------------- the sample book


def test_sample_book_has_no_warnings() -> None:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout yet")
    result = runner.invoke(app, ["check", str(ROOT), "--strict"])
    assert result.exit_code == 0, result.stdout
    assert "no problems found" in result.stdout


# --------------------------------------------------------------------- manuscript problems


def test_every_manuscript_problem_at_its_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", chapters={"01.txt": PROBLEMS})
    report = check(project)
    assert {(d.code, d.line) for d in report.findings} == EXPECTED


def test_long_paragraph(tmp_path: Path) -> None:
    words = " ".join(f"word{i}" for i in range(700))
    project = make_project(tmp_path / "book", chapters={"01.txt": f"Chapter 1\n\n{words}.\n"})
    assert {(d.code, d.line) for d in check(project).findings} == {("W107", 3)}


def test_findings_grouped_per_file_in_book_order(tmp_path: Path) -> None:
    chapters = {
        "1-a.txt": "Chapter 1\n\nHe went and and sat.\n",
        "2-b.txt": 'Chapter 2\n\n"Open quote.\n\nFine.\n',
        "10-c.txt": "Chapter 3\n\nThe the end.\n",
    }
    project = make_project(tmp_path / "book", toml='title = "T"\n', chapters=chapters)
    report = check(project)
    files = [Path(f).name for f in report.by_file()]
    assert files == ["book.toml", "1-a.txt", "2-b.txt", "10-c.txt"]  # natural order
    text = report.format_text()
    blocks = text.strip().split("\n\n")
    assert len(blocks) == 5  # four groups and the summary
    assert blocks[-1].startswith("6 warnings in 4 files")
    assert blocks[2].endswith(
        "2-b.txt:3:1: warning W101: quotation opened here is never closed; add the closing quote"
    )


def test_explain_adds_every_normalisation(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    plain = check(project)
    explained = check(project, explain=True)
    assert plain.findings == ()
    infos = {d.code for d in explained.findings}
    assert {"N020", "N030", "N040", "N051"} <= infos
    # the same normalisations `build -v` prints
    build = runner.invoke(app, ["build", str(project), "-v", "-o", str(tmp_path / "x.epub")])
    printed = {line.split(": ")[1].split()[1] for line in build.stderr.splitlines()}
    assert printed == infos
    result = runner.invoke(app, ["check", str(project), "--explain"])
    assert "info N051: " in result.stdout


def test_ignore_and_unknown_codes(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", chapters={"01.txt": PROBLEMS})
    report = check(project, ignore=["w105", "W109"])
    assert {d.code for d in report.findings} == {c for c, _ in EXPECTED} - {"W105", "W109"}
    result = runner.invoke(app, ["check", str(project), "--ignore", "W999"])
    assert result.exit_code == 2
    assert "W999" in result.stderr


def test_json_format(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", chapters={"01.txt": PROBLEMS})
    result = runner.invoke(app, ["check", str(project), "--format", "json", "--strict"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)  # stdout stays pure JSON; the strict note is on stderr
    assert set(data) == {"findings", "summary"}
    first = data["findings"][0]
    assert set(first) == {"file", "line", "col", "severity", "code", "name", "message"}
    assert data["summary"]["codes"]["W105"] == 2
    assert data["summary"]["files"] == 2


def test_clean_project_exits_0_even_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book")
    result = runner.invoke(app, ["check", str(project), "--strict"])
    assert result.exit_code == 0
    assert result.stdout == "no problems found (3 files checked)\n"


# --------------------------------------------------------------------- W110: store metadata


def test_missing_metadata_points_at_book_toml(tmp_path: Path) -> None:
    toml = 'title = "T"\nauthors = []\n\n[pdf]\ntrim = "6x9"\n'
    project = make_project(tmp_path / "book", toml=toml, cover=False)
    report = check(project)
    w110 = [d for d in report.findings if d.code == "W110"]
    assert len(w110) == 4
    assert all(Path(d.file).name == "book.toml" for d in w110)
    by_topic = {d.message.split(":")[0].split(" (")[0]: d for d in w110}
    assert set(by_topic) == {"no language", "no author", "no ISBN or identifier", "no cover image"}
    assert by_topic["no author"].line == 2  # `authors = []` is there: point at it
    assert by_topic["no language"].line == 0
    assert 'add authors = ["Your Name"] to book.toml' in by_topic["no author"].message
    assert 'add language = "en" to book.toml' in by_topic["no language"].message


def test_complete_metadata_has_no_w110(tmp_path: Path) -> None:
    project = make_project(tmp_path / "book", toml=COMPLETE_TOML)
    assert [d for d in check(project).findings if d.code == "W110"] == []
    with_id = COMPLETE_TOML.replace('isbn = "979-8-88512-046-3"', 'identifier = "urn:uuid:x"')
    (project / "book.toml").write_text(with_id, encoding="utf-8")
    assert [d for d in check(project).findings if d.code == "W110"] == []


def test_language_must_be_explicit(tmp_path: Path) -> None:
    toml = COMPLETE_TOML.replace('language = "en"\n', "")
    project = make_project(tmp_path / "book", toml=toml)
    (finding,) = check(project).findings
    assert finding.code == "W110" and "no language" in finding.message


def test_single_file_metadata_points_at_the_manuscript(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("The Tide\n\nby Ann Other\n\nChapter 1\n\nIt came in.\n", encoding="utf-8")
    report = check(story)
    w110 = [d for d in report.findings if d.code == "W110"]
    assert {Path(d.file).name for d in w110} == {"story.txt"}
    topics = " ".join(d.message for d in w110)
    assert "no author" not in topics  # the `by` line names the author
    assert "create book.toml with language" in topics


def test_w110_is_in_the_code_table() -> None:
    assert CODES["W110"][1] == "missing-metadata"
