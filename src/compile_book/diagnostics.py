"""Typed diagnostics: every normalisation and every manuscript problem, with a stable code.

Taken from docutils' ``Reporter`` (severity levels), pandoc's ``Logging``
(a JSON form for tools) and the Standard Ebooks linter (one table of stable
codes). Odd prose is never an exception: the parser records a diagnostic and
carries on. Only config, file and backend failures raise (see ``errors``).

Severities:

* ``info``: a normalisation the compiler made (``build -v``, ``check --explain``);
* ``warning``: a probable manuscript problem the writer should look at;
* ``error``: something that stops a build (raised as an exception instead).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` selects problems."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()


#: Every diagnostic code, its severity and a short name. Codes are stable: tools
#: and editors may match on them, so never renumber; add new codes at the end.
CODES: dict[str, tuple[Severity, str]] = {
    # normalisations: decoding and whitespace
    "N001": (Severity.INFO, "encoding-detected"),
    "N002": (Severity.INFO, "line-endings-normalised"),
    "N003": (Severity.INFO, "invisible-characters-removed"),
    "N004": (Severity.INFO, "mojibake-repaired"),
    # normalisations: paragraphs
    "N010": (Severity.INFO, "paragraph-style-detected"),
    "N011": (Severity.INFO, "lines-unwrapped"),
    "N012": (Severity.INFO, "broken-paragraph-rejoined"),
    # normalisations: structure
    "N020": (Severity.INFO, "heading-recognised"),
    "N021": (Severity.INFO, "book-title-recognised"),
    "N022": (Severity.INFO, "author-line-recognised"),
    "N023": (Severity.INFO, "chapter-title-recognised"),
    "N024": (Severity.INFO, "front-matter-read"),
    "N025": (Severity.INFO, "comments-left-out"),
    "N030": (Severity.INFO, "scene-break-recognised"),
    "N031": (Severity.INFO, "scene-break-dropped"),
    "N040": (Severity.INFO, "telepathy-recognised"),
    "N041": (Severity.INFO, "emphasis-recognised"),
    # normalisations: typography
    "N050": (Severity.INFO, "dash-converted"),
    "N051": (Severity.INFO, "quotes-curled"),
    "N052": (Severity.INFO, "ellipsis-converted"),
    "N053": (Severity.INFO, "no-break-space-added"),
    # manuscript problems
    "W101": (Severity.WARNING, "unclosed-quote"),
    "W102": (Severity.WARNING, "unbalanced-telepathy"),
    "W103": (Severity.WARNING, "doubled-word"),
    "W104": (Severity.WARNING, "mixed-quotes"),
    "W105": (Severity.WARNING, "scene-break-at-edge"),
    "W106": (Severity.WARNING, "heading-like-line"),
    "W107": (Severity.WARNING, "long-paragraph"),
    "W108": (Severity.WARNING, "unrecognised-divider"),
    "W109": (Severity.WARNING, "chapter-sequence"),
    "W110": (Severity.WARNING, "missing-metadata"),
    "W111": (Severity.WARNING, "empty-chapter"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: ``file:line:col: severity code: message``."""

    code: str
    message: str
    file: str
    line: int = 0
    col: int = 0

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    @property
    def name(self) -> str:
        return CODES[self.code][1]

    def location(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self) -> str:
        """The compiler-style one-liner editors know how to jump to."""
        return f"{self.location()}: {self.severity} {self.code}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": str(self.severity),
            "code": self.code,
            "name": self.name,
            "message": self.message,
        }

    def __str__(self) -> str:
        return self.format()


def problems(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The problems among some diagnostics (warnings and worse), in order."""
    return [d for d in diagnostics if d.severity >= Severity.WARNING]


class Reporter:
    """Collects diagnostics while a manuscript is parsed (docutils' ``Reporter``)."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, code: str, message: str, file: str, line: int = 0, col: int = 0) -> None:
        # A KeyError here is a programming error: every code lives in CODES.
        CODES[code]
        self.items.append(Diagnostic(code, message, file, line, col))

    def warnings(self) -> list[Diagnostic]:
        return problems(self.items)
