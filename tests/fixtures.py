"""Read many small input/expected cases from one readable fixture file.

Format (markdown-it-py's habit): cases separated by a line of ``.`` alone;
each case is ``title``, ``.``, input lines, ``.``, expected lines, ``.``.
A failing case is reported by its title and line in the fixture file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Case:
    line: int
    title: str
    input: str
    expected: str


def read_fixture_file(path: Path) -> list[Case]:
    lines = path.read_text(encoding="utf-8").split("\n")
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1] == "." and lines[i].strip():
            title, start = lines[i], i + 1
            i += 2
            body: list[str] = []
            while lines[i] != ".":
                body.append(lines[i])
                i += 1
            i += 1
            expected: list[str] = []
            while lines[i] != ".":
                expected.append(lines[i])
                i += 1
            cases.append(Case(start, title, "\n".join(body), "\n".join(expected)))
        i += 1
    return cases


def fixture_params(path: Path) -> list[object]:
    return [pytest.param(c, id=f"{path.stem}:{c.line}:{c.title}") for c in read_fixture_file(path)]
