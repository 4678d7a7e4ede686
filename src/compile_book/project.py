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
Every file read lies inside the project folder (:mod:`compile_book.confine`)
unless ``book.toml`` sets ``read_outside_project``; a lone manuscript's folder
is its project. The list in ``book.toml`` is expanded by
:mod:`compile_book.listing`, the cover found by :mod:`compile_book.covers`.
Problems are :class:`~compile_book.errors.InputError` naming the file (and the
``book.toml`` line when the problem is a reference in it).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from .config import CONFIG_NAME, BookConfig, load_config
from .confine import Confinement
from .covers import COVER_SUFFIXES as COVER_SUFFIXES
from .covers import find_cover, read_photo
from .diagnostics import Diagnostic
from .discovery import Found, discover, save_as
from .errors import InputError
from .fontfiles import is_font_file
from .infile import MAX_MANUSCRIPT_BYTES, read_input
from .listing import expand
from .nodes import Book, Image
from .paths import display_path
from .pipeline import ManuscriptSource
from .readers import SUFFIXES
from .record import record

#: Every suffix a reader is registered for (``readers.REGISTRY``).
MANUSCRIPT_SUFFIXES = SUFFIXES
_KINDS = ", ".join(SUFFIXES)
_MARKDOWN = frozenset({".md", ".markdown"})
#: The folder inside ``manuscripts/`` whose files are back matter.
BACK_FOLDER = "back"


@record
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
    back: tuple[Path, ...] = ()
    """The files of ``manuscripts/back/``, in natural order (:mod:`compile_book.backmatter`)."""

    @property
    def confinement(self) -> Confinement:
        """The folder every input must lie in (:mod:`compile_book.confine`)."""
        return Confinement(self.root, self.config.read_outside_project, self.config_path)

    def check_figures(self, book: Book) -> None:
        """Refuse a book whose Markdown manuscripts show images from outside the project."""
        if any(p.suffix.lower() in _MARKDOWN for p in self.manuscripts):
            self.confinement.figures(book)

    @property
    def watched(self) -> tuple[Path, ...]:
        """Every input file a rebuild depends on."""
        extra = [p for p in (self.config_path, self.cover, self.author_photo) if p is not None]
        return (*self.manuscripts, *self.back, *extra)

    @property
    def font_file(self) -> Path | None:
        """The print font's file, when ``[pdf] font`` names one (resolved on loading)."""
        font = self.config.pdf.font
        return Path(font) if is_font_file(font) else None

    @property
    def author_photo(self) -> Path | None:
        """The photo ``[back] author_photo`` names (checked when it is read)."""
        photo = self.config.back.author_photo
        return self.root / photo if photo else None

    def read_photo(self) -> Image | None:
        """The author's photo as an image node, read inside the project like the cover."""
        photo = self.config.back.author_photo
        return read_photo(self.root, self.confinement, photo) if photo else None

    def display(self, path: Path) -> str:
        """A path as diagnostics print it: relative to the working folder when shorter."""
        return display_path(path)

    def read_sources(self) -> list[ManuscriptSource]:
        """Read every manuscript's bytes (never modifying them)."""
        out = []
        for path in self.manuscripts:
            shown = display_path(path)
            data = read_input(path, MAX_MANUSCRIPT_BYTES, shown, "the manuscript")
            out.append(ManuscriptSource(shown, data))
        for path in self.back:
            shown = display_path(path)
            data = read_input(path, MAX_MANUSCRIPT_BYTES, shown, "the back matter")
            out.append(ManuscriptSource(shown, data, back=True))
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
            raise InputError(
                f"not a manuscript (compile-book reads {_KINDS}); {save_as(p.suffix)}",
                display_path(p),
            )
        # A file named on the command line is read whatever its name (README.md too);
        # its folder is its project (what its images may come from).
        return Project(p.parent, BookConfig(), None, (p,), None, p.name, "file")
    config_path = p / CONFIG_NAME
    if config_path.is_file():
        return _configured(p, config_path)
    return _unconfigured(p)


def _configured(root: Path, config_path: Path, found_from: Path | None = None) -> Project:
    """The project a ``book.toml`` describes."""
    config = load_config(config_path)
    confinement = Confinement(root, config.read_outside_project, config_path)
    files: list[Path] = []  # a box set's text is its books' (boxset.parse_boxset)
    notes: list[Diagnostic] = []
    if config.boxset is None and "manuscripts" in config.model_fields_set:
        files, notes = expand(root, config.manuscripts, confinement)
    elif config.boxset is None:
        files, notes = _default_manuscripts(root, config, confinement)
    cover, converted = find_cover(root, config, confinement)
    back = _back_files(root / "manuscripts", root / config.output, confinement)
    if config.css:
        config = config.model_copy(update={"css": str(_stylesheet(root, config, confinement))})
    if is_font_file(config.pdf.font):
        font = str(confinement.listed_file(root, config.pdf.font, "font", "the font"))
        config = config.model_copy(update={"pdf": config.pdf.model_copy(update={"font": font})})
    return Project(
        root,
        config,
        config_path,
        tuple(f for f in files if f not in back),
        cover,
        root.name,
        "project",
        (*notes, *converted),
        found_from,
        back,
    )


def _stylesheet(root: Path, config: BookConfig, confinement: Confinement) -> Path:
    """The CSS file ``css`` names, inside the project; the error names book.toml's line."""
    assert config.css is not None
    return confinement.listed_file(root, config.css, "css", "the stylesheet")


def _back_files(folder: Path, output: Path, confinement: Confinement) -> tuple[Path, ...]:
    """The manuscripts in ``manuscripts/back/``: the book's back matter, read after
    the story whatever the globs or the folder's place in natural order say."""
    back = folder / BACK_FOLDER
    if not back.is_dir():
        return ()
    found = _discover(back, [output], confinement)
    return tuple(found.files)


def _default_manuscripts(
    root: Path, config: BookConfig, confinement: Confinement
) -> tuple[list[Path], list[Diagnostic]]:
    """Without ``manuscripts`` in book.toml: every manuscript under ``manuscripts/``."""
    folder = root / "manuscripts"
    if not folder.is_dir():
        raise InputError(
            "there is no manuscripts/ folder beside book.toml; create it and put the "
            "chapters in it, or list them in 'manuscripts'",
            display_path(confinement.config_path or root),
        )
    found = _discover(folder, [root / config.output], confinement)
    if not found.files:
        raise _none_found(folder, found, "or list them in book.toml's 'manuscripts'")
    return found.files, found.diagnostics


def _discover(folder: Path, exclude: list[Path], confinement: Confinement) -> Found:
    """What :func:`discover` finds, every file of it inside the project."""
    found = discover(folder, exclude=exclude)
    _confine(found, confinement)
    return found


def _confine(found: Found, confinement: Confinement) -> None:
    """Refuse a found manuscript that is a symbolic link out of the project."""
    for path in found.files:
        confinement.found(found.found_as.get(path, path), path, "the manuscript")


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
    confinement = Confinement(folder)
    _confine(found, confinement)  # a folder of its own is its own project
    cover, converted = find_cover(folder, config, confinement)
    back = _back_files(where, folder / config.output, confinement)
    return Project(
        folder,
        config,
        None,
        tuple(f for f in found.files if f not in back),
        cover,
        folder.name,
        "folder",
        (*found.diagnostics, *converted),
        back=back,
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
