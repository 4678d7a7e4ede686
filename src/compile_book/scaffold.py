"""``compile-book init``: a new book project, ready to write in and to build.

Creates, in DIR::

    book.toml              title, author, language and a fresh identifier
    book.schema.json       the JSON Schema book.toml's first line points editors at
    manuscripts/01-chapter-one.txt   a starter chapter
    covers/                put cover.jpg here
    Makefile               make book | epub | pdf | check | clean
    .gitignore             build/

Nothing is ever overwritten: if any of these files exists, nothing is written
and :class:`~compile_book.errors.InputError` names the files. The files are
written all or none (:func:`~compile_book.output.create_files`): a full disk
leaves nothing half-written behind to block the next try.

In a folder that already holds manuscripts (in ``manuscripts/`` or the folder
itself), ``init`` adopts them instead: ``book.toml`` lists the files it found,
in reading order, for the writer to check, and no starter chapter is written.
Only an existing ``book.toml`` stops it then; a ``Makefile`` or ``.gitignore``
the folder already has is kept as it is.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

from .errors import ConfigError, InputError
from .output import create_files
from .paths import printable, shown_path
from .record import record

__all__ = [
    "DEFAULT_LANGUAGE",
    "Answers",
    "Existing",
    "default_title",
    "existing_manuscripts",
    "init",
]

DEFAULT_LANGUAGE = "en"
SCHEMA_NAME = "book.schema.json"
CHAPTER_NAME = "01-chapter-one.txt"
# Why: the same pattern BookConfig.language validates with, checked before writing.
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@record
class Answers:
    """What ``init`` asks: an empty author leaves ``authors`` commented out."""

    title: str
    author: str = ""
    language: str = DEFAULT_LANGUAGE


def default_title(directory: Path) -> str:
    """``my-first-novel`` -> ``My First Novel``."""
    name = directory.resolve().name
    words = re.split(r"[-_\s]+", name)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"


def _toml_str(value: str) -> str:
    # Why: JSON string escapes are a subset of TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def book_toml(
    answers: Answers, identifier: str | None = None, found: Existing | None = None
) -> str:
    """The text of ``book.toml``; with ``found``, it lists those manuscripts in order."""
    identifier = identifier or f"urn:uuid:{uuid.uuid4()}"
    author = (
        f"authors = [{_toml_str(answers.author)}]"
        if answers.author.strip()
        else '# authors = ["Your Name"]            # stores need an author'
    )
    return f"""#:schema ./{SCHEMA_NAME}
# Your book. `compile-book build` reads this file; `compile-book schema` documents every key.
title = {_toml_str(answers.title)}
{author}
language = {_toml_str(answers.language)}
# A stable identifier for the EPUB; replace it with isbn = "978-…" when you have one.
identifier = {_toml_str(identifier)}
{_manuscripts(found)}
output = "build"
# cover = "covers/cover.jpg"          # by default the first image in covers/

[pdf]
trim = "5.5x8.5"
"""


def _manuscripts(found: Existing | None) -> str:
    """The ``manuscripts`` lines: the default explained, or the files init found."""
    if found is None:
        return (
            "# Every manuscript under manuscripts/ (.txt, .md, .docx, .odt; sub-folders too),\n"
            "# in natural order: 2 before 10. To choose and order files yourself:\n"
            '# manuscripts = ["manuscripts/prologue.txt", "manuscripts/chapters/*.md"]'
        )
    lines = [
        "# The manuscripts init found, in reading order: check it, and list new files here.",
        "manuscripts = [",
        *(f"  {_toml_str(name)}," for name in found.files),
        "]",
    ]
    lines += [f"# left out: {name} ({why})" for name, why in found.left_out]
    return "\n".join(lines)


@record
class Existing:
    """Manuscripts already in a folder, as ``book.toml`` names them (relative paths)."""

    files: tuple[str, ...]
    left_out: tuple[tuple[str, str], ...] = ()
    """Files that look like writing but are not manuscripts: ``(path, why)``."""


def existing_manuscripts(root: Path) -> Existing | None:
    """The manuscripts a folder already holds, in reading order (``None``: none)."""
    from .discovery import DOCUMENT_SUFFIXES, discover
    from .readers import SUFFIXES

    if not root.is_dir():
        return None
    base = root.resolve()
    where = base / "manuscripts" if (base / "manuscripts").is_dir() else base
    found = discover(where, exclude=[base / "build"])
    if not found.files:
        return None
    writing = (*SUFFIXES, *DOCUMENT_SUFFIXES)
    left_out = tuple(
        (
            Path(os.path.relpath(Path(d.file).resolve(), base)).as_posix(),
            _why(d.message),
        )
        for d in found.diagnostics
        if Path(d.file).suffix.lower() in writing and not Path(d.file).name.startswith(".")
    )
    return Existing(tuple(p.relative_to(base).as_posix() for p in found.files), left_out)


def _why(message: str) -> str:
    """``not read: a README ...; name it ...`` -> ``a README ...``."""
    return message.split(": ", 1)[-1].split("; ", 1)[0]


STARTER_CHAPTER = """\
Chapter 1

Write your first chapter here. Type the way you like: one paragraph per line, or
blank lines between paragraphs, straight "quotes" or curly ones.

{Telepathy goes in braces,} and *emphasis* between asterisks.

* * *

A line of three asterisks, like the one above, is a scene break. Start the next
chapter in a new file, manuscripts/02-chapter-two.txt, with its own heading.
"""

MAKEFILE = """\
# Build your book: `make` or `make book` writes build/*.epub and build/*.pdf.
COMPILE_BOOK ?= compile-book

.PHONY: book epub pdf check clean

book:
\t$(COMPILE_BOOK) build . --format all

epub:
\t$(COMPILE_BOOK) build . --format epub

pdf:
\t$(COMPILE_BOOK) build . --format pdf

## Lint the manuscripts; fails on any warning
check:
\t$(COMPILE_BOOK) check . --strict

clean:
\trm -rf build
"""

GITIGNORE = """\
build/
.DS_Store
*~
"""


def plan(
    directory: Path, answers: Answers, found: Existing | None = None
) -> dict[Path, str | None]:
    """Every path ``init`` creates and its content (``None`` for a folder).

    With ``found`` (manuscripts already there) the starter chapter is left out.
    """
    from .config import json_schema

    schema = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    files: dict[Path, str | None] = {
        directory / "book.toml": book_toml(answers, found=found),
        directory / SCHEMA_NAME: schema,
        directory / "manuscripts": None,
        directory / "manuscripts" / CHAPTER_NAME: STARTER_CHAPTER,
        directory / "covers": None,
        directory / "Makefile": MAKEFILE,
        directory / ".gitignore": GITIGNORE,
    }
    if found is not None:
        del files[directory / "manuscripts"], files[directory / "manuscripts" / CHAPTER_NAME]
    return files


def init(
    directory: str | os.PathLike[str] = ".",
    *,
    title: str | None = None,
    author: str = "",
    language: str = DEFAULT_LANGUAGE,
) -> list[Path]:
    """Scaffold a new book in ``directory`` (created if needed); return the files written.

    A folder that already holds manuscripts gets a ``book.toml`` listing them
    in reading order, and no starter chapter.

    Raises :class:`~compile_book.errors.InputError` if any file already exists
    (nothing is written then) and :class:`~compile_book.errors.ConfigError`
    for an invalid language tag.
    """
    from .config import parse_config

    root = Path(directory)
    answers = Answers(title or default_title(root), author.strip(), language.strip())
    if not _LANGUAGE_RE.match(answers.language):
        raise ConfigError(
            f"{answers.language!r} is not a language tag; use a BCP 47 tag such as en or en-GB"
        )
    if root.exists() and not root.is_dir():
        raise InputError("exists and is not a folder; choose another place", shown_path(root))
    found = existing_manuscripts(root)
    files = plan(root, answers, found)
    toml_text = files[root / "book.toml"]
    assert toml_text is not None
    clashes = [p for p, content in files.items() if content is not None and p.exists()]
    clashes += [p for p, content in files.items() if content is None and p.is_file()]
    if found is not None:
        # Adopting a writer's folder: keep the files it has; only a book.toml stops init.
        files = {p: c for p, c in files.items() if p not in clashes}
        clashes = [p for p in clashes if p == root / "book.toml"]
    if clashes:
        names = ", ".join(printable(str(p.relative_to(root))) for p in clashes)
        raise InputError(f"already exists: {names}; init never overwrites files", shown_path(root))

    import tomllib

    # The generated book.toml must load: validate it before anything is written.
    parse_config(tomllib.loads(toml_text), str(root / "book.toml"))
    # All or nothing, never over an existing file: a full disk leaves nothing behind
    # that would make a second try refuse with "already exists".
    return create_files(
        {
            path: None if content is None else content.encode("utf-8")
            for path, content in files.items()
        }
    )
