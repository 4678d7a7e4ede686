"""Findings a writer has looked at and keeps: silenced in place or in ``book.toml``.

Why two ways: a marker in the manuscript travels with the sentence it excuses
(moving the paragraph moves the marker), while ``[lint] ignore`` silences a
code for the whole book, a file or one line without touching the text.

* In a ``.txt`` or ``.md`` manuscript, an HTML comment (left out of the book
  like every comment) ``<!-- compile-book: ignore W103 -->`` silences the
  codes it names (all warnings when it names none) on its own line, or, alone
  on a line, in the paragraph below it (up to the next blank line).
* ``[lint] ignore = ["W107", "manuscripts/03.txt:W101",
  "manuscripts/03.txt:41:W103"]``: a code everywhere, in one file, or on one line.

Errors are not diagnostics (they stop the build) and cannot be silenced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .diagnostics import Code, Diagnostic
from .record import record

# Why: the comment may name several codes, separated by spaces or commas.
MARKER_RE = re.compile(
    r"<!--\s*compile-book:\s*ignore\b((?:[\s,]+[NW]\d{3})*)\s*-->", re.IGNORECASE
)
_CODE_RE = re.compile(r"[NW]\d{3}", re.IGNORECASE)
# Why: "file:line:code", "file:code" or "code"; a file name may itself hold colons.
RULE_RE = re.compile(r"^(?:(?P<file>.+?):)?(?:(?P<line>\d+):)?(?P<code>[NWnw]\d{3})$")
_ALL = "*"


@record
class Rule:
    """One ``[lint] ignore`` entry: a code, optionally limited to a file and a line."""

    code: str
    file: str | None = None
    line: int | None = None

    def covers(self, d: Diagnostic) -> bool:
        if d.code.value != self.code:
            return False
        if self.file is not None and not _same_file(d.file, self.file):
            return False
        return self.line is None or d.line == self.line


def rule_problem(entry: str) -> str | None:
    """Why ``entry`` is not a valid ``[lint] ignore`` entry, or ``None``."""
    m = RULE_RE.match(entry.strip())
    if m is None:
        return f"{entry!r} is not CODE, FILE:CODE or FILE:LINE:CODE (e.g. 'ch/03.txt:41:W103')"
    code = m.group("code").upper()
    if code not in Code._value2member_map_:
        return f"{code} is not a diagnostic code (see the README's table)"
    return None


def parse_rule(entry: str) -> Rule:
    m = RULE_RE.match(entry.strip())
    assert m is not None, entry
    line = m.group("line")
    return Rule(m.group("code").upper(), m.group("file"), int(line) if line else None)


def markers(text: str) -> dict[int, frozenset[str]]:
    """Line -> codes silenced there (``*`` for all warnings), from the manuscript's markers."""
    found: dict[int, set[str]] = {}
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if "compile-book" not in line:
            continue
        for m in MARKER_RE.finditer(line):
            codes = {c.upper() for c in _CODE_RE.findall(m.group(1))} or {_ALL}
            found.setdefault(number, set()).update(codes)
            if not line.replace(m.group(), "").strip():
                # Alone on its line: the paragraph below it.
                below = number
                while below < len(lines) and lines[below].strip():
                    found.setdefault(below + 1, set()).update(codes)
                    below += 1
    return {k: frozenset(v) for k, v in found.items()}


def silence(
    diagnostics: Iterable[Diagnostic],
    texts: Sequence[tuple[str, bytes]] = (),
    ignore: Sequence[str] = (),
) -> tuple[Diagnostic, ...]:
    """``diagnostics`` without the findings the writer silenced (every code is a note or
    a warning: errors are exceptions, never diagnostics)."""
    rules = [parse_rule(e) for e in ignore]
    # (A file without the marker's name in its bytes has no marker: not decoded again.)
    marked = {
        name: markers(data.decode("utf-8", "replace"))
        for name, data in texts
        if data and b"compile-book" in data
    }
    kept = []
    for d in diagnostics:
        if _silenced(d, rules, marked):
            continue
        kept.append(d)
    return tuple(kept)


def _silenced(
    d: Diagnostic, rules: list[Rule], marked: dict[str, dict[int, frozenset[str]]]
) -> bool:
    if any(rule.covers(d) for rule in rules):
        return True
    codes = marked.get(d.file, {}).get(d.line)
    if not codes:
        return False
    return d.code.value in codes or (_ALL in codes and d.code.value.startswith("W"))


def _same_file(reported: str, named: str) -> bool:
    """``manuscripts/03.txt`` names the file however the build reports its path."""
    reported, named = reported.replace("\\", "/"), named.replace("\\", "/").lstrip("./")
    return reported == named or reported.endswith("/" + named)
