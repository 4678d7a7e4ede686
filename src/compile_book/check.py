"""``compile-book check``: the manuscript linter, in the style of a compiler.

There is no second parser here. The findings are the diagnostics the parser
already records on the tree (W101-W109, W111: quotes, telepathy, doubled
words, scene breaks, headings, dividers, chapter numbers, emphasis) plus the
store-readiness checks only a whole project can answer (W110: language,
author, identifier, cover). With ``explain`` the normalisations (``N0xx``,
what ``build -v`` prints) are included too.

A report groups its findings per file (``book.toml`` first, then the
manuscripts in reading order), each sorted by line and column, and renders as
compiler-style text (``file:line:col: severity code: message``) or as JSON::

    {"findings": [Diagnostic.to_json(), ...],
     "summary": {"files": 12, "warnings": 2, "info": 0, "codes": {"W103": 1, "W110": 1}}}

This module imports nothing heavy at import time (``import compile_book``
stays cheap); the parser is loaded when :func:`check` runs.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .diagnostics import CODES, Code, Diagnostic, Severity, problems
from .record import record

if TYPE_CHECKING:
    from .nodes import Book
    from .project import Project

__all__ = ["CheckReport", "check", "check_book", "metadata_findings"]

METADATA_CODE = Code.MISSING_METADATA


@record
class CheckReport:
    """The findings for one project, grouped per file in book order."""

    findings: tuple[Diagnostic, ...]
    files: tuple[str, ...]
    """Every file checked, in order: ``book.toml`` (if any), then the manuscripts."""

    @property
    def warnings(self) -> list[Diagnostic]:
        return problems(self.findings)

    def by_file(self) -> dict[str, list[Diagnostic]]:
        """Findings per file, files in book order, each list sorted by position."""
        groups: dict[str, list[Diagnostic]] = {}
        for d in self.findings:
            groups.setdefault(d.file, []).append(d)
        return groups

    def summary(self) -> dict[str, Any]:
        codes = Counter(d.code for d in self.findings)
        return {
            "files": len(self.files),
            "warnings": len(self.warnings),
            "info": len(self.findings) - len(self.warnings),
            "codes": dict(sorted(codes.items())),
        }

    def to_json(self) -> dict[str, Any]:
        """``{"findings": [...], "summary": {...}}`` for editors and CI."""
        return {"findings": [d.to_json() for d in self.findings], "summary": self.summary()}

    def summary_line(self) -> str:
        s = self.summary()
        files = len(self.by_file())
        checked = f"{s['files']} file{'s' if s['files'] != 1 else ''} checked"
        if not self.findings:
            return f"no problems found ({checked})"
        parts = [f"{s['warnings']} warning{'s' if s['warnings'] != 1 else ''}"]
        if s["info"]:
            parts.append(f"{s['info']} normalisation{'s' if s['info'] != 1 else ''}")
        where = f"in {files} file{'s' if files != 1 else ''}"
        return f"{', '.join(parts)} {where} ({checked})"

    def format_text(self) -> str:
        """One ``file:line:col: severity code: message`` line per finding, a blank line
        between files, and a summary line."""
        blocks = ["\n".join(d.format() for d in group) for group in self.by_file().values()]
        blocks.append(self.summary_line())
        return "\n\n".join(blocks) + "\n"


def check(
    path: str | os.PathLike[str] = ".",
    *,
    explain: bool = False,
    ignore: Iterable[str] = (),
) -> CheckReport:
    """Lint a project folder, a folder of manuscripts or one manuscript.

    ``explain`` adds the normalisations the compiler made (``N0xx``);
    ``ignore`` leaves out findings with the given codes (``["W107"]``).
    Raises :class:`~compile_book.errors.CompileBookError` for unreadable input
    or a broken ``book.toml``, exactly as ``build`` would.

    >>> report = check("my-novel/")                       # doctest: +SKIP
    >>> for d in report.warnings: print(d.format())     # doctest: +SKIP
    """
    from .api import parse_project
    from .project import load_project

    project = load_project(path)
    return check_book(parse_project(project), project, explain=explain, ignore=ignore)


def check_book(
    book: Book, project: Project, *, explain: bool = False, ignore: Iterable[str] = ()
) -> CheckReport:
    """The report for an already-parsed project (``check`` without the parse)."""
    from .paths import display_path

    skip = {code.upper() for code in ignore}
    unknown = skip - set(CODES)
    if unknown:
        from .errors import CompileBookError

        raise CompileBookError(
            f"unknown diagnostic code(s) {', '.join(sorted(unknown))}; see the README's list"
        )
    threshold = Severity.INFO if explain else Severity.WARNING
    found = [*metadata_findings(project, book), *edition_findings(project), *book.diagnostics]
    kept = [d for d in found if d.severity >= threshold and d.code not in skip]

    files = [display_path(project.config_path)] if project.config_path else []
    files += [display_path(p) for p in project.manuscripts]
    order = {name: i for i, name in enumerate(files)}
    # Stable sort: same place keeps the parser's order (a file-level summary first).
    kept.sort(key=lambda d: (order.get(d.file, len(order)), d.file, d.line, d.col))
    return CheckReport(tuple(kept), tuple(files))


# --------------------------------------------------------------------------- W110

# Why: a top-level `key = value` line, before any [table] header, is where a
# writer looks to fix a value; an indented or tabled key is someone else's.
_TABLE_RE = re.compile(r"^\s*\[")


def _key_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if _TABLE_RE.match(line):
            break
        match = re.match(r"\s*([A-Za-z0-9_-]+)\s*=", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def edition_findings(project: Project) -> list[Diagnostic]:
    """W135: editions sharing an ISBN, print editions without one (at the table's line)."""
    from .editions import isbn_findings
    from .paths import display_path

    if project.config_path is None or not project.config.editions:
        return []
    where = display_path(project.config_path)
    try:
        text = project.config_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        text = ""
    tables = {
        m.group(1).strip("\"'"): n
        for n, line in enumerate(text.splitlines(), start=1)
        if (m := re.match(r"\s*\[\s*editions\.([^\]]+?)\s*\]", line))
    }
    return [
        Diagnostic(Code.EDITION_ISBN, message, where, tables.get(name, 0))
        for name, message in isbn_findings(project.config)
    ]


def metadata_findings(project: Project, book: Book) -> list[Diagnostic]:
    """W110: what an EPUB store (KDP, Apple Books, Kobo) asks for that the book lacks.

    * language, unless ``book.toml`` sets it explicitly (the default ``en`` is a guess);
    * an author, from ``authors`` or the manuscript's ``by`` line;
    * an identifier: ``isbn`` or ``identifier`` (the generated UUID changes with the title);
    * a cover image.

    Findings point at ``book.toml`` (at the key's line when the key is there) or,
    without one, at the first manuscript.
    """
    from .paths import display_path

    config = project.config
    has_toml = project.config_path is not None
    if project.config_path is not None:
        where = display_path(project.config_path)
        try:
            keys = _key_lines(project.config_path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError):
            keys = {}
    else:
        where = display_path(project.manuscripts[0]) if project.manuscripts else ""
        keys = {}

    out: list[Diagnostic] = []

    def missing(key: str, what: str, setting: str, fix: str | None = None) -> None:
        if fix is None:
            fix = f"add {setting} to book.toml" if has_toml else f"create book.toml with {setting}"
        out.append(Diagnostic(METADATA_CODE, f"{what}: {fix}", where, keys.get(key, 0)))

    if "language" not in config.model_fields_set:
        lang = book.meta.language  # the default, or what the text declared or is written in
        missing("language", f"no language (assuming {lang!r})", f'language = "{lang}"')
    if not book.meta.authors:
        missing("authors", "no author", 'authors = ["Your Name"]')
    if not config.isbn and not config.identifier:
        missing(
            "isbn",
            "no ISBN or identifier (the generated one changes with the title)",
            'isbn = "978-…" or identifier = "urn:uuid:…"',
        )
    if project.cover is None and book.meta.cover is None:
        if project.kind == "file":
            fix = "a lone manuscript has none; make a project (compile-book init) with covers/"
        elif has_toml:
            fix = 'put a .jpg or .png in covers/ or add cover = "covers/cover.jpg" to book.toml'
        else:
            fix = "put a .jpg or .png in covers/"
        missing("cover", "no cover image", "", fix)
    return out
