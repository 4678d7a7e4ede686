"""What a PATH on the command line means: a project, a folder of manuscripts, or one file.

* a folder with ``book.toml``: a project; manuscripts and cover come from it;
* a folder without one: its ``manuscripts/`` subfolder (or the folder itself)
  holds the manuscripts, ``covers/`` the cover, defaults for everything else;
* a single ``.txt``/``.md`` file: a book of one manuscript, all defaults.

Manuscript globs sort *naturally* (``chapter-2`` before ``chapter-10``).
Problems are :class:`~compile_book.errors.InputError` naming the file (and the
``book.toml`` line when the problem is a reference in it).
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .config import CONFIG_NAME, BookConfig, load_config
from .errors import InputError
from .paths import display_path
from .pipeline import ManuscriptSource
from .readers import SUFFIXES

#: Every suffix a reader is registered for (``readers.REGISTRY``).
MANUSCRIPT_SUFFIXES = SUFFIXES
COVER_SUFFIXES = (".jpg", ".jpeg", ".png")
_GLOB_CHARS = re.compile(r"[*?\[]")


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
    """Resolve PATH (project folder, manuscript folder or file) into a :class:`Project`."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or folder; check the path", str(p))
    p = p.resolve()
    if p.is_file():
        if p.name == CONFIG_NAME:
            return load_project(p.parent)
        if p.suffix.lower() not in MANUSCRIPT_SUFFIXES:
            raise InputError(
                f"not a manuscript (expected {', '.join(MANUSCRIPT_SUFFIXES)})", display_path(p)
            )
        return Project(p.parent, BookConfig(), None, (p,), None, p.name, "file")
    config_path = p / CONFIG_NAME
    if config_path.is_file():
        config = load_config(config_path)
        files = _expand(
            p, config.manuscripts, config_path, "manuscripts" in config.model_fields_set
        )
        cover = _cover(p, config, config_path)
        return Project(p, config, config_path, tuple(files), cover, p.name)
    folder = p / "manuscripts" if (p / "manuscripts").is_dir() else p
    files = natsorted(
        (
            f
            for f in folder.iterdir()
            # Dot-files are editor and macOS litter (._chapter-1.txt), never manuscripts.
            if f.is_file()
            and not f.name.startswith(".")
            and f.suffix.lower() in MANUSCRIPT_SUFFIXES
        ),
        key=lambda f: f.name,
    )
    if not files:
        raise InputError(
            "no manuscripts here: add .txt or .md files, or a book.toml", display_path(p)
        )
    config = BookConfig()
    return Project(p, config, None, tuple(files), _cover(p, config, None), p.name, "folder")


def natsorted(items: Iterable[Path], key: Callable[[Path], str]) -> list[Path]:
    """Natural sort (chapter-2 before chapter-10); natsort is imported only when needed."""
    from natsort import natsorted as _natsorted

    result: list[Path] = _natsorted(items, key=key)
    return result


def _expand(
    root: Path, patterns: list[str], config_path: Path, explicit: bool = True
) -> list[Path]:
    """Manuscripts in book order.

    A pattern may match nothing (``*.md`` in a book of ``.txt`` files), but one the
    writer wrote must not point into a folder that does not exist: that is a typo
    (``manuscript/*.txt``) that would silently drop chapters.
    """
    seen: set[Path] = set()
    files: list[Path] = []
    for pattern in patterns:
        if _GLOB_CHARS.search(pattern):
            matches = [
                Path(m)
                for m in glob.glob(str(root / pattern), recursive=True)
                if Path(m).is_file() and Path(m).suffix.lower() in MANUSCRIPT_SUFFIXES
            ]
            found = natsorted(matches, key=lambda m: str(m.relative_to(root)))
            if not found and explicit and not _glob_folder(root, pattern).is_dir():
                raise InputError(
                    f"the pattern {pattern!r} in book.toml points into a folder that does "
                    "not exist; fix it or remove it",
                    display_path(config_path),
                    _key_line(config_path, pattern),
                )
        else:
            path = (root / pattern).resolve()
            if not path.is_file():
                raise InputError(
                    f"manuscript {pattern!r} listed in book.toml does not exist; "
                    "fix the path or remove it",
                    display_path(config_path),
                    _key_line(config_path, pattern),
                )
            found = [path]
        for f in found:
            f = f.resolve()
            if f not in seen:
                seen.add(f)
                files.append(f)
    if not files:
        raise InputError(
            f"no manuscripts match {patterns}; add files to manuscripts/ or fix 'manuscripts'",
            display_path(config_path),
            _key_line(config_path, "manuscripts"),
        )
    return files


def _glob_folder(root: Path, pattern: str) -> Path:
    """The fixed folder a glob pattern starts from (``extra`` for ``extra/*.txt``)."""
    fixed = []
    for part in Path(pattern).parts[:-1]:
        if _GLOB_CHARS.search(part):
            break
        fixed.append(part)
    return root.joinpath(*fixed)


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
        images = natsorted(
            (f for f in covers.iterdir() if f.suffix.lower() in COVER_SUFFIXES),
            key=lambda f: f.name,
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
