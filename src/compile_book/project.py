"""What a PATH on the command line means: a project, a folder of manuscripts, or one file.

* a folder with ``book.toml``: a project; manuscripts and cover come from it;
* a folder inside a project (``manuscripts/``, ``manuscripts/part-1/``): that
  project, whose ``book.toml`` is found upwards as git finds ``.git``;
* a folder without one: its ``manuscripts/`` subfolder (or the folder itself)
  holds the manuscripts, ``covers/`` the cover, defaults for everything else;
* a single manuscript file: a book of one manuscript, all defaults.

Folders are searched recursively and read in *natural* order, folder then
file (``part-2/chapter-9`` before ``part-10/chapter-1``); globs in
``book.toml`` sort naturally too, the globs of one folder as one list
(``03.md`` before ``10.txt``). What discovery and globs leave out (a README,
a licence, the writer's notes, hidden and backup files) is reported as a
diagnostic, never dropped in silence; see :mod:`compile_book.discovery`.
Problems are :class:`~compile_book.errors.InputError` naming the file (and the
``book.toml`` line when the problem is a reference in it).
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal

from .config import CONFIG_NAME, BookConfig, load_config
from .diagnostics import Diagnostic
from .discovery import (
    Found,
    discover,
    folder_reason,
    judge,
    name_reason,
    reading_order,
    skipped_folder,
    unknown_kind,
)
from .errors import InputError
from .paths import display_path
from .pipeline import ManuscriptSource
from .readers import SUFFIXES

#: Every suffix a reader is registered for (``readers.REGISTRY``).
MANUSCRIPT_SUFFIXES = SUFFIXES
COVER_SUFFIXES = (".jpg", ".jpeg", ".png")
# Why: the characters that make a book.toml entry a glob rather than a path.
_GLOB_CHARS = re.compile(r"[*?\[]")
_KINDS = ", ".join(SUFFIXES)


@dataclass(frozen=True, slots=True)
class Project:
    """A resolved book project: where it lives, its config, its inputs in order."""

    root: Path
    config: BookConfig
    config_path: Path | None
    manuscripts: tuple[Path, ...]
    cover: Path | None
    name_hint: str
    kind: Literal["project", "folder", "file"] = "project"
    diagnostics: tuple[Diagnostic, ...] = ()
    """What discovery and the globs left out, and why (``FILE_SKIPPED``, ``UNKNOWN_FILE``)."""
    found_from: Path | None = None
    """The folder given when its ``book.toml`` was found in a folder above it."""

    @property
    def watched(self) -> tuple[Path, ...]:
        """Every input file a rebuild depends on."""
        extra = [p for p in (self.config_path, self.cover) if p is not None]
        return (*self.manuscripts, *extra)

    def display(self, path: Path) -> str:
        """A path as diagnostics print it: relative to the working folder when shorter."""
        return display_path(path)

    def read_sources(self) -> list[ManuscriptSource]:
        """Read every manuscript's bytes (never modifying them)."""
        out = []
        for path in self.manuscripts:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise InputError(
                    f"cannot read ({exc.strerror}); check the file exists and is readable",
                    display_path(path),
                ) from None
            out.append(ManuscriptSource(display_path(path), data))
        return out

    def output_dir(self) -> Path:
        out = Path(self.config.output)
        if self.kind == "file":
            # A lone manuscript's book goes to ./build, not beside the manuscript.
            return Path.cwd() / out
        return out if out.is_absolute() else self.root / out


def load_project(path: str | os.PathLike[str] = ".") -> Project:
    """Resolve PATH (project folder, folder inside one, manuscript folder or file)."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or folder; check the path", str(p))
    p = p.resolve()
    if p.is_file():
        if p.name == CONFIG_NAME:
            return load_project(p.parent)
        if p.suffix.lower() not in MANUSCRIPT_SUFFIXES:
            raise InputError(f"not a manuscript (expected {_KINDS})", display_path(p))
        # A file named on the command line is read whatever its name (README.md too).
        return Project(p.parent, BookConfig(), None, (p,), None, p.name, "file")
    config_path = p / CONFIG_NAME
    if config_path.is_file():
        return _configured(p, config_path)
    return _unconfigured(p)


def _configured(root: Path, config_path: Path, found_from: Path | None = None) -> Project:
    """The project a ``book.toml`` describes."""
    config = load_config(config_path)
    if "manuscripts" in config.model_fields_set:
        files, notes = _expand(root, config.manuscripts, config_path)
    else:
        files, notes = _default_manuscripts(root, config, config_path)
    cover = _cover(root, config, config_path)
    return Project(
        root,
        config,
        config_path,
        tuple(files),
        cover,
        root.name,
        "project",
        tuple(notes),
        found_from,
    )


def _default_manuscripts(
    root: Path, config: BookConfig, config_path: Path
) -> tuple[list[Path], list[Diagnostic]]:
    """Without ``manuscripts`` in book.toml: every manuscript under ``manuscripts/``."""
    folder = root / "manuscripts"
    if not folder.is_dir():
        raise InputError(
            "there is no manuscripts/ folder beside book.toml; create it and put the "
            "chapters in it, or list them in 'manuscripts'",
            display_path(config_path),
        )
    found = discover(folder, exclude=[root / config.output])
    if not found.files:
        raise _none_found(folder, found, "or list them in book.toml's 'manuscripts'")
    return found.files, found.diagnostics


def _unconfigured(folder: Path) -> Project:
    """A folder without ``book.toml``: part of the project above it, or a book of its own.

    It belongs to the project whose ``book.toml`` is found upwards (stopping at
    a repository's top, as git does) when it holds no manuscripts of its own
    (``covers/``) or when that project reads some of them (``manuscripts/``); a
    folder of manuscripts the project does not read is a book of its own.
    """
    where = folder / "manuscripts" if (folder / "manuscripts").is_dir() else folder
    found = discover(where, exclude=[folder / BookConfig().output])
    above = _config_above(folder)
    if above is not None:
        project = _configured(above.parent, above, folder)
        if not found.files or any(folder in m.parents for m in project.manuscripts):
            return project
    if not found.files:
        raise _none_found(folder, found, "or a book.toml")
    config = BookConfig()
    cover = _cover(folder, config, None)
    return Project(
        folder,
        config,
        None,
        tuple(found.files),
        cover,
        folder.name,
        "folder",
        tuple(found.diagnostics),
    )


def _config_above(folder: Path) -> Path | None:
    """The nearest ``book.toml`` above ``folder``, up to a ``.git`` folder's level."""
    if (folder / ".git").exists():
        return None  # the top of a repository: a book above it is another project
    for parent in folder.parents:
        candidate = parent / CONFIG_NAME
        if candidate.is_file():
            return candidate
        if (parent / ".git").exists():
            return None
    return None


def _none_found(folder: Path, found: Found, alternative: str) -> InputError:
    """The error for a folder without manuscripts, saying what was left out."""
    skipped = found.skipped
    left_out = ""
    if skipped:
        names = ", ".join(skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        left_out = f" (left out {len(skipped)}: {names})"
    return InputError(
        f"no manuscripts here{left_out}; add {_KINDS} files, {alternative}", display_path(folder)
    )


def _expand(
    root: Path, patterns: list[str], config_path: Path
) -> tuple[list[Path], list[Diagnostic]]:
    """Manuscripts in book order, and what the globs matched but left out.

    A path is read where it stands in the list; the globs of one folder
    (``manuscripts/*.txt``, ``manuscripts/*.md``) are one list in natural order.
    A pattern may match nothing (``*.md`` in a book of ``.txt`` files), but one
    the writer wrote must not point into a folder that does not exist: that is
    a typo (``manuscript/*.txt``) that would silently drop chapters.
    """
    seen: set[Path] = set()
    files: list[Path] = []
    notes: dict[str, Diagnostic] = {}
    for group in _groups(patterns):
        if _GLOB_CHARS.search(group[0]):
            found = _globbed(root, group, config_path, notes)
        else:
            found = [_listed(root, group[0], config_path)]
        for f in found:
            if f not in seen:
                seen.add(f)
                files.append(f)
    if not files:
        raise InputError(
            f"no manuscripts match {patterns}; add files to manuscripts/ or fix 'manuscripts'",
            display_path(config_path),
            _key_line(config_path, "manuscripts"),
        )
    return files, [notes[k] for k in sorted(notes, key=lambda k: (k.casefold(), k))]


def _groups(patterns: list[str]) -> list[list[str]]:
    """Consecutive globs into the same folder form one group; a path is a group of its own."""
    groups: list[list[str]] = []
    last: PurePath | None = None
    for pattern in patterns:
        folder = _glob_folder(pattern) if _GLOB_CHARS.search(pattern) else None
        if folder is not None and folder == last:
            groups[-1].append(pattern)
        else:
            groups.append([pattern])
        last = folder
    return groups


def _listed(root: Path, pattern: str, config_path: Path) -> Path:
    """A manuscript named in book.toml: read whatever its name, if a reader can read it."""
    path = (root / pattern).resolve()
    if not path.is_file():
        raise InputError(
            f"manuscript {pattern!r} listed in book.toml does not exist; fix the path or remove it",
            display_path(config_path),
            _key_line(config_path, pattern),
        )
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"manuscript {pattern!r} listed in book.toml is not a kind compile-book reads "
            f"({_KINDS}); save it as one of those, or remove it",
            display_path(config_path),
            _key_line(config_path, pattern),
        )
    return path


def _globbed(
    root: Path, group: list[str], config_path: Path, notes: dict[str, Diagnostic]
) -> list[Path]:
    """The manuscripts a group of globs matches, in natural order; the rest into ``notes``."""
    matches: set[Path] = set()
    for pattern in group:
        base = root / _glob_folder(pattern)
        hits = [Path(m) for m in glob.glob(str(root / pattern), recursive=True)]
        if not hits and not base.is_dir():
            raise InputError(
                f"the pattern {pattern!r} in book.toml points into a folder that does "
                "not exist; fix it or remove it",
                display_path(config_path),
                _key_line(config_path, pattern),
            )
        for hit in hits:
            if not hit.is_file():
                continue
            verdict = _glob_verdict(hit, base)
            if verdict is None:
                matches.add(hit.resolve())
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


def _cover(root: Path, config: BookConfig, config_path: Path | None) -> Path | None:
    if config.cover:
        cover = (root / config.cover).resolve()
        if not cover.is_file():
            where = display_path(config_path) if config_path else display_path(root)
            raise InputError(
                f"cover {config.cover!r} does not exist; fix 'cover' or add the image",
                where,
                _key_line(config_path, "cover") if config_path else 0,
            )
        if cover.suffix.lower() not in COVER_SUFFIXES:
            raise InputError("the cover must be a .jpg or .png image", display_path(cover))
        return cover
    covers = root / "covers"
    if covers.is_dir():
        images = reading_order(
            (f for f in covers.iterdir() if f.suffix.lower() in COVER_SUFFIXES), covers
        )
        if images:
            return images[0].resolve()
    return None


def _key_line(config_path: Path | None, needle: str) -> int:
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
