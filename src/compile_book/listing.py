"""``book.toml``'s ``manuscripts`` list: paths and globs, in the writer's order.

A path is read where it stands in the list; the globs of one folder
(``manuscripts/*.txt``, ``manuscripts/*.md``) are one list in natural order.
An entry with glob characters that names an existing file is that file
(``[Draft] 02.txt`` is a chapter, not a pattern that matches ``D.txt``).
Every file must lie inside the project (:mod:`compile_book.confine`).
"""

from __future__ import annotations

import errno
import glob
import os
import re
import stat
from pathlib import Path, PurePath

from .confine import Confinement
from .diagnostics import Diagnostic
from .discovery import (
    folder_reason,
    judge,
    name_reason,
    reading_order,
    resolved,
    skipped_folder,
    unknown_kind,
)
from .errors import InputError
from .paths import display_path
from .readers import SUFFIXES

__all__ = ["expand", "key_line"]

# Why: the characters that make a book.toml entry a glob rather than a path.
_GLOB_CHARS = re.compile(r"[*?\[]")
_KINDS = ", ".join(SUFFIXES)


def expand(
    root: Path, patterns: list[str], confinement: Confinement
) -> tuple[list[Path], list[Diagnostic]]:
    """Manuscripts in book order, and what the globs matched but left out.

    A pattern may match nothing (``*.md`` in a book of ``.txt`` files), but one
    the writer wrote must not point into a folder that does not exist: that is
    a typo (``manuscript/*.txt``) that would silently drop chapters.
    """
    config_path = confinement.config_path
    seen: set[Path] = set()
    files: list[Path] = []
    notes: dict[str, Diagnostic] = {}
    for group in _groups(root, patterns):
        if _is_glob(root, group[0]):
            found = _globbed(root, group, confinement, notes)
        else:
            found = [_listed(root, group[0], confinement)]
        for f in found:
            if f not in seen:
                seen.add(f)
                files.append(f)
    if not files:
        raise InputError(
            f"no manuscripts match {patterns}; add files to manuscripts/ or fix 'manuscripts'",
            display_path(config_path) if config_path else None,
            key_line(config_path, "manuscripts"),
        )
    return files, [notes[k] for k in sorted(notes, key=lambda k: (k.casefold(), k))]


def _is_glob(root: Path, pattern: str) -> bool:
    """Whether an entry is a pattern: glob characters, and no file of exactly that name."""
    return bool(_GLOB_CHARS.search(pattern)) and not os.path.lexists(root / pattern)


def _groups(root: Path, patterns: list[str]) -> list[list[str]]:
    """Consecutive globs into the same folder form one group; a path is a group of its own."""
    groups: list[list[str]] = []
    last: PurePath | None = None
    for pattern in patterns:
        folder = _glob_folder(pattern) if _is_glob(root, pattern) else None
        if folder is not None and folder == last:
            groups[-1].append(pattern)
        else:
            groups.append([pattern])
        last = folder
    return groups


def _listed(root: Path, pattern: str, confinement: Confinement) -> Path:
    """A manuscript named in book.toml: read whatever its name, if a reader can read it."""
    config_path = confinement.config_path
    where = display_path(config_path) if config_path else None
    line = key_line(config_path, pattern)
    problem = _not_a_file(root / pattern)
    if problem is not None:
        raise InputError(
            f"manuscript {pattern!r} listed in book.toml {problem}; fix the path or remove it",
            where,
            line,
        )
    path = resolved(root / pattern)
    confinement.listed(path, "manuscript", pattern, line)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"manuscript {pattern!r} listed in book.toml is not a kind compile-book reads "
            f"({_KINDS}); save it as one of those, or remove it",
            where,
            line,
        )
    return path


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` (symbolic links followed) is not a file to read, or ``None``."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops"
        return "does not exist"
    if stat.S_ISREG(mode):
        return None
    return "is a folder" if stat.S_ISDIR(mode) else "is not a regular file (a pipe or a device)"


def _globbed(
    root: Path, group: list[str], confinement: Confinement, notes: dict[str, Diagnostic]
) -> list[Path]:
    """The manuscripts a group of globs matches, in natural order; the rest into ``notes``."""
    config_path = confinement.config_path
    matches: set[Path] = set()
    for pattern in group:
        base = root / _glob_folder(pattern)
        hits = [Path(m) for m in glob.glob(str(root / pattern), recursive=True)]
        if not hits and not base.is_dir():
            raise InputError(
                f"the pattern {pattern!r} in book.toml points into a folder that does "
                "not exist; fix it or remove it",
                display_path(config_path) if config_path else None,
                key_line(config_path, pattern),
            )
        for hit in hits:
            if not hit.is_file():
                continue
            verdict = _glob_verdict(hit, base)
            if verdict is None:
                path = resolved(hit)
                confinement.listed(path, "the pattern", pattern, key_line(config_path, pattern))
                matches.add(path)
            else:
                notes.setdefault(verdict.file, verdict)
    return reading_order(matches, root)


def _glob_verdict(path: Path, base: Path) -> Diagnostic | None:
    """Why a file a glob matched is not read (``None``: it is)."""
    try:
        below = path.parent.relative_to(base).parts
    except ValueError:
        below = ()
    for part in below:
        why = folder_reason(part)
        if why is not None:
            return skipped_folder(path, part, why)
    if name_reason(path.name) is None and path.suffix.lower() not in SUFFIXES:
        return unknown_kind(path)  # the writer's pattern asked for it: a warning
    return judge(path)


def _glob_folder(pattern: str) -> PurePath:
    """The fixed folder a glob pattern starts from (``extra`` for ``extra/*.txt``)."""
    fixed = []
    for part in PurePath(pattern).parts[:-1]:
        if _GLOB_CHARS.search(part):
            break
        fixed.append(part)
    return PurePath(*fixed)


def key_line(config_path: Path | None, needle: str) -> int:
    """The 1-based line of ``book.toml`` that mentions ``needle`` (0 if none)."""
    if config_path is None:
        return 0
    try:
        lines = config_path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    for i, line in enumerate(lines, start=1):
        if needle in line:
            return i
    return 0
