"""Which files in a writer's folder are manuscripts, in reading order, and why the rest are not.

A writer's folder holds more than chapters: a README and a LICENSE when it
lives in git, the writer's notes, outline and synopsis, a hand-made table of
contents, a tool's ``Config.txt``, editor backups, the build folder. Reading
them as chapters puts "Chapter 25 md" in a book, so discovery reads
manuscript files only and says, one diagnostic per file, what it left out
and why (``FILE_SKIPPED``, shown by ``build -v`` and ``check --explain``).
A file of a kind no reader knows that looks like a document (``.rtf``,
``.doc``, ``.pages``) is a warning (``UNKNOWN_FILE``): it is probably a
chapter the book would otherwise lose.

The name rules look at the *start* of a name, so a numbered file
(``03-notes-from-the-tower.txt``) is always a manuscript, and a file named
explicitly (in ``book.toml``'s ``manuscripts``, or on the command line) is
always read, whatever its name.

Order is natural and by path: folder, then file (``part-2/ch-9.txt`` before
``part-10/ch-1.txt``, ``ch-3.md`` before ``ch-10.txt``), case ignored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Code, Diagnostic
from .paths import display_path
from .readers import SUFFIXES
from .record import record

__all__ = [
    "Found",
    "discover",
    "folder_reason",
    "judge",
    "litter_reason",
    "manifest",
    "name_reason",
    "reading_order",
    "resolved",
    "skipped_folder",
    "unknown_kind",
]

#: What a name that is not a manuscript is, and why it is not read. Each pattern
#: matches the start of the lower-cased name, followed by anything but a letter
#: (``notes-ch3.txt``, ``Notes 2.md``, ``README.md``; not ``notebook.txt``).
_NAME_RULES: tuple[tuple[str, str], ...] = (
    # A git-hosted book's front page: about the project, not part of the story.
    ("readme", "a README describes the project, it is not the book's text"),
    # The files' licence; the book's copyright line is book.toml's 'rights'.
    ("licen[cs]e|copying(?=\\.|$)", "a licence covers the files, it is not the book's text"),
    # Repository housekeeping that sits beside manuscripts kept in git.
    ("changelog|contributing|authors(?=\\.|$)|notice(?=\\.|$)", "a repository file"),
    # The writer's own lists and notes: the words are meant for the writer only.
    ("todo|notes?", "the writer's notes, not the book's text"),
    # Planning documents: an outline, an overview of the plot, or the synopsis an agent
    # asks for.
    ("outline|synopsis|overview", "a planning document (outline or synopsis), not the book's text"),
    # A hand-made table of contents: the book's own is made from its headings.
    ("contents|toc", "a table of contents; the book's own is made from its headings"),
    # Settings another writing tool keeps beside the text (Config.txt).
    ("config(?:uration)?|settings", "a writing tool's settings, not the book's text"),
)
# Why: one alternation per rule, anchored at the name's start and not running on
# into a longer word, so "notebook.txt" and "tocsin.md" stay manuscripts.
_NAME_RES = tuple((re.compile(f"(?:{p})(?![a-z])"), why) for p, why in _NAME_RULES)

#: Folders never searched: (pattern, why). Hidden folders (``.git``,
#: ``.obsidian``) are left out before these are tried.
_FOLDER_RULES: tuple[tuple[str, str], ...] = (
    # compile-book's own output, and tools' folders a writer's repository may hold.
    ("build|node_modules|__pycache__", "a tool's folder, not manuscripts"),
    # Where writers keep text cut from the book: reading it would put it back.
    ("archive|trash|outtakes|cut|deleted|unused", "text kept out of the book"),
    # Planning and research kept beside the manuscripts.
    ("notes?|research|outline|synopsis|todo", "the writer's notes, not the book's text"),
)
# Why: the folder's whole name, or its first word (``deleted scenes``, ``notes-2023``).
_FOLDER_RES = tuple((re.compile(f"(?:{p})(?![a-z])"), why) for p, why in _FOLDER_RULES)

#: Kinds of document a writer may save a chapter as that no reader reads yet: a
#: warning, since a chapter would otherwise be lost. Other unknown kinds (images,
#: PDFs, the project's own files) are left out with a note.
DOCUMENT_SUFFIXES = frozenset(
    {
        ".rtf",
        ".doc",
        ".pages",
        ".wpd",
        ".wps",
        ".htm",
        ".html",
        ".tex",
        ".fountain",
        ".rst",
        ".gdoc",
    }
)


def litter_reason(name: str) -> str | None:
    """Why a file is litter (hidden, an editor's backup or lock file), never a manuscript."""
    if name.startswith("."):
        return "a hidden file"
    # Why: the marks editors leave: vim/emacs "~" backups, emacs "#autosave#",
    # Word's "~$" lock files, and swap and backup suffixes.
    if name.endswith(("~", ".swp", ".bak")) or name.startswith(("#", "~$")):
        return "an editor's backup or lock file"
    return None


def name_reason(name: str) -> str | None:
    """Why a file with this name is not a manuscript (``None``: it may be one)."""
    why = litter_reason(name)
    if why is not None:
        return why
    lower = name.lower()
    for pattern, why in _NAME_RES:
        if pattern.match(lower):
            return why
    return None


def folder_reason(name: str) -> str | None:
    """Why a folder with this name is not searched (``None``: it is)."""
    if name.startswith("."):
        return "a hidden folder"
    lower = name.lower()
    for pattern, why in _FOLDER_RES:
        if pattern.match(lower):
            return why
    return None


#: How to turn a document no reader reads into one that is read, by what made it.
SAVE_AS = {
    ".rtf": "save it as .docx (in Scrivener, compile to Word .docx or MultiMarkdown .md)",
    ".doc": "open it in Word or LibreOffice and save it as .docx",
    ".wpd": "open it in WordPerfect or LibreOffice and save it as .docx",
    ".wps": "open it in Word or LibreOffice and save it as .docx",
    ".pages": "in Pages, export it to Word (File > Export To > Word, .docx)",
    ".gdoc": "in Google Docs, download it as Microsoft Word (.docx) or Markdown (.md)",
    ".scriv": "in Scrivener, compile it to Word (.docx) or MultiMarkdown (.md)",
}


def save_as(suffix: str) -> str:
    """What to do with a document of `suffix` that compile-book cannot read."""
    return SAVE_AS.get(suffix.lower(), f"save it as one of {', '.join(SUFFIXES)}")


def unknown_kind(path: Path, globbed: bool = True) -> Diagnostic:
    """The warning for a file a glob matched, or a document found, that no reader reads."""
    kind = path.suffix.lower() or "a file without a suffix"
    fix = "or leave it out of 'manuscripts'" if globbed else "to put it in the book"
    return Diagnostic(
        Code.UNKNOWN_FILE,
        f"not read: compile-book cannot read {kind} files; {save_as(path.suffix)} {fix}",
        display_path(path),
    )


def judge(path: Path) -> Diagnostic | None:
    """``None`` when ``path`` is a manuscript, else the diagnostic that says why not."""
    suffix = path.suffix.lower()
    why = litter_reason(path.name)
    if why is None:
        why = name_reason(path.name)
        if why is not None and suffix in SUFFIXES:
            why += "; name it in book.toml's 'manuscripts' to read it anyway"
    if why is None:
        if suffix in SUFFIXES:
            return None
        if suffix in DOCUMENT_SUFFIXES:
            return unknown_kind(path, globbed=False)
        why = f"not a manuscript kind ({suffix or 'no suffix'})"
    return Diagnostic(Code.FILE_SKIPPED, f"not read: {why}", display_path(path))


def skipped_folder(path: Path, folder: str, why: str) -> Diagnostic:
    """The note for a file a ``**`` glob found in a folder discovery never searches."""
    return Diagnostic(Code.FILE_SKIPPED, f"not read: in {folder}/, {why}", display_path(path))


@dataclass(slots=True)
class Found:
    """What a search found: manuscripts in reading order, and what it left out."""

    files: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    found_as: dict[Path, Path] = field(default_factory=dict)
    """Where a file that is a symbolic link was found, by its real path."""

    @property
    def skipped(self) -> list[str]:
        """The names left out, for an error that says why nothing was found."""
        return [Path(d.file).name for d in self.diagnostics]


def discover(folder: Path, exclude: Iterable[Path] = ()) -> Found:
    """Every manuscript under ``folder``, recursively, in reading order.

    ``exclude`` names folders never searched (the project's output folder).
    Symbolic links to folders are not followed (no loops); linked files are read.
    """
    excluded = {p.resolve() for p in exclude}
    found = Found()
    for top, dirs, names in os.walk(folder):
        here = Path(top)
        kept = []
        for name in dirs:
            why = folder_reason(name)
            if why is None and (here / name).resolve() in excluded:
                why = "the book's output folder"
            if why is None:
                kept.append(name)
            else:
                found.diagnostics.append(
                    Diagnostic(
                        Code.FILE_SKIPPED,
                        f"folder not searched: {why}",
                        display_path(here / name) + os.sep,
                    )
                )
        dirs[:] = kept
        for name in names:
            path = here / name
            verdict = judge(path)
            if verdict is None:
                real = resolved(path)
                found.files.append(real)
                if real != path:
                    found.found_as[real] = path
            else:
                found.diagnostics.append(verdict)
    found.files = reading_order(found.files, folder.resolve())
    listed = manifest(folder)
    if listed is not None:
        _follow_manifest(found, listed)
    found.diagnostics.sort(key=lambda d: (d.file.casefold(), d.file))
    return found


#: Where publishing tools keep their list of the book's files, below the book's folder.
_MANIFESTS = ("Book.txt", "manuscript/Book.txt", "SUMMARY.md", "src/SUMMARY.md")
# Why: an mdBook SUMMARY.md lists chapters as Markdown links, in reading order.
_SUMMARY_LINK = re.compile(r"\]\(\s*<?([^)>#\s]+\.(?:md|markdown|txt))")


@record
class Manifest:
    """A publishing tool's list of the book's files, in reading order."""

    path: Path
    files: tuple[Path, ...]


def manifest(folder: Path) -> Manifest | None:
    """Leanpub's ``Book.txt`` (one file per line), mdBook's ``SUMMARY.md`` (links), or
    any small ``.txt`` file every line of which names a manuscript beside it (a
    writer's ``filelist.txt``), if the folder has one naming files that exist."""
    for path in (*(folder / name for name in _MANIFESTS), *_file_lists(folder)):
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        if path.suffix.lower() == ".md":
            names = _SUMMARY_LINK.findall(text)
        else:
            names = [ln.strip() for ln in text.splitlines() if ln.strip()]
        files = tuple(resolved(path.parent / n) for n in names if not n.startswith("#"))
        files = tuple(f for f in files if f.is_file())
        if files:
            return Manifest(path, files)
    return None


# Why: a list of a few hundred files is a few KiB; a manuscript is far longer.
_LIST_MAX_BYTES = 16 * 1024


def _file_lists(folder: Path) -> list[Path]:
    """``.txt`` files in ``folder`` whose every line (two or more) names a file there:
    no sentence of prose is a file name, so such a file is a list of the book's files."""
    out: list[Path] = []
    try:
        candidates = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt")
    except OSError:
        return out
    for path in candidates:
        try:
            if not path.is_file() or path.stat().st_size > _LIST_MAX_BYTES:
                continue
            lines = [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines()]
        except (OSError, UnicodeDecodeError):
            continue
        names = [ln for ln in lines if ln]
        if len(names) >= 2 and all((folder / n).is_file() for n in names):
            out.append(path)
    return out


# Why: Leanpub's marker files hold one directive and no text of the book.
_LEANPUB_MARKERS = frozenset({"{frontmatter}", "{mainmatter}", "{backmatter}"})


def _follow_manifest(found: Found, listed: Manifest) -> None:
    """Keep the files the manifest lists, in its order; the rest (the list itself and
    Leanpub's Sample.txt and Subset.txt among them, and its marker files) are left
    out, each with why."""
    where = display_path(listed.path)
    present, wanted = set(found.files), set(listed.files)
    for path in found.files:
        if path in wanted:
            continue
        if path == listed.path.resolve():
            why = "not read: a publishing tool's list of the book's files; its order is followed"
        else:
            why = f"not read: not listed in {where}"
        found.diagnostics.append(Diagnostic(Code.FILE_SKIPPED, why, display_path(path)))
    kept = []
    for path in dict.fromkeys(f for f in listed.files if f in present):
        if _marker(path):
            note = "not read: a Leanpub marker file (front, main or back matter)"
            found.diagnostics.append(Diagnostic(Code.FILE_SKIPPED, note, display_path(path)))
        else:
            kept.append(path)
    found.files = kept


def _marker(path: Path) -> bool:
    try:
        if path.stat().st_size > 64:
            return False
        return path.read_text(encoding="utf-8-sig").strip() in _LEANPUB_MARKERS
    except (OSError, UnicodeDecodeError):
        return False


def resolved(path: Path) -> Path:
    """``path`` with symbolic links followed; a link that loops stays as it is (reading
    it then fails with a message that says so) instead of crashing the build."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a loop
        return path.absolute()


#: Files named for a page that opens a book (``prologue.md``, ``Preface.txt``) or closes
#: one (``epilogue.md``, ``acknowledgments.docx``), in the order books print them: with
#: no number in its name, such a file goes before (after) everything beside it,
#: whatever the alphabet says.
_OPENING = (
    "foreword|forward|vorwort|avant-propos",
    "pref(?:ace|acio|ácio)|préface",
    "introduc(?:tion|ción|ão)|einleitung",
    "prolog(?:ue|o)?|prólogo|prelude",
)
_CLOSING = (
    "epilog(?:ue|o)?|epílogo",
    "afterword|nachwort|postface",
    "acknowledge?ments|agradecim(?:ientos|entos)|remerciements|danksagung",
    "about[ _-]the[ _-]author",
)
# Why: the whole first word (or words), so "forwarded.md" and "introductions.md" stay put.
_PAGE_NAMES = tuple(
    (re.compile(f"(?:{words})(?![^\\W\\d_])", re.IGNORECASE), (side, rank))
    for side, group in ((-1, _OPENING), (1, _CLOSING))
    for rank, words in enumerate(group)
)


def _place(name: str) -> tuple[int, int]:
    """Where `name` goes among its neighbours: (-1, rank) first (a prologue), (1, rank)
    last (an epilogue), (0, 0) in natural order; a number in it is the writer's order."""
    if not any(ch.isdigit() for ch in name):
        for pattern, place in _PAGE_NAMES:
            if pattern.match(name):
                return place
    return (0, 0)


def reading_order(paths: Iterable[Path], base: Path) -> list[Path]:
    """``paths`` in natural order of their path below ``base``: folder, then file.

    Natural: ``chapter-2`` before ``chapter-10``; case is ignored. A file named
    for an opening page with no number in its name (``prologue.md``,
    ``Preface.txt``) comes before the files and folders beside it, one named for
    a closing page (``epilogue.md``, ``acknowledgments.md``) after them: the
    alphabet alone put ``prologue.md`` after ``chapter-09.md``. natsort is
    imported only when needed.
    """
    from natsort import natsort_keygen, ns

    natural = natsort_keygen(alg=ns.PATH | ns.IGNORECASE)

    def below(path: Path) -> tuple[str, ...]:
        try:
            return path.relative_to(base).parts
        except ValueError:
            return path.parts

    def key(path: Path) -> tuple[tuple[tuple[int, int], object], ...]:
        parts = below(path)
        return tuple(
            (_place(part) if k == len(parts) - 1 else (0, 0), natural(part))
            for k, part in enumerate(parts)
        )

    # A plain sort first so names equal but for case keep one order on every machine.
    plain = sorted(paths, key=lambda path: "/".join(below(path)))
    return sorted(plain, key=key)
