"""A release: every edition of one project built in one call (``build --all-editions``).

Each edition is parsed with its own effective ``book.toml`` (its ISBN is on its
copyright page, its cover in its package) and written by its own writer to
``<slug>-<edition><extension>`` in the output folder. The manuscripts are read
once: a :class:`~compile_book.readers.ReaderCache` is shared by the editions.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from . import writers
from .diagnostics import Diagnostic, problems
from .editions import Edition, editions, resolve
from .errors import CompileBookError, StrictError
from .nodes import Book
from .project import Project, load_project
from .readers import ReaderCache
from .record import record

__all__ = ["EditionOutput", "ReleaseResult", "build_editions", "edition_file_name"]


@record
class EditionOutput:
    """One file of the release."""

    edition: Edition
    path: Path
    book: Book


@record
class ReleaseResult:
    """What ``build --all-editions`` (or ``--edition``) wrote."""

    project: Project
    outputs: tuple[EditionOutput, ...]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The first edition's findings: the text, and so its findings, is the same in all."""
        return self.outputs[0].book.diagnostics if self.outputs else ()


def edition_file_name(edition: Edition, slug: str) -> str:
    """``<slug>-<edition><extension>``, or the name the edition's table gives."""
    if edition.output:
        return edition.output
    return f"{slug}-{edition.name}{writers.extension(edition.format)}"


def _edition_project(project: Project, edition: Edition) -> Project:
    cover = project.cover
    if edition.config.cover is not None and edition.config.cover != project.config.cover:
        cover = project.root / edition.config.cover
        if not cover.is_file():
            raise CompileBookError(
                f"editions.{edition.name}: cover {edition.config.cover!r} does not exist; "
                "fix its cover key or add the image",
                project.display(project.config_path) if project.config_path else None,
            )
    return dataclasses.replace(project, config=edition.config, cover=cover)


def build_editions(
    path: str | os.PathLike[str] = ".",
    names: Sequence[str] | None = None,
    output: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    on_edition: Callable[[str], None] | None = None,
) -> ReleaseResult:
    """Build the named editions (all that ``book.toml`` declares when ``names`` is None).

    ``output`` is the folder the files go to (by default the project's output
    folder). With ``strict``, warnings stop the release before anything is written.
    """
    from .api import parse_project, slug, with_cover_findings

    project = load_project(path)
    chosen = (
        editions(project.config) if names is None else [resolve(project.config, n) for n in names]
    )
    if not chosen:
        raise CompileBookError(
            "book.toml declares no editions; add [editions.ebook], [editions.print], ... "
            "or name one with --edition",
            project.display(project.config_path) if project.config_path else None,
        )
    for edition in chosen:
        if edition.format not in writers.REGISTRY:
            raise CompileBookError(
                f"editions.{edition.name}: unknown format {edition.format!r}; "
                f"choose from {', '.join(writers.FORMATS)}"
            )
    cache = ReaderCache()
    books = []
    for e in chosen:
        edition_project = _edition_project(project, e)
        book = parse_project(edition_project, cache)
        books.append((e, with_cover_findings(edition_project, book, [e.format])))
    found = problems(books[0][1].diagnostics)
    if strict and found:
        raise StrictError(
            f"{len(found)} warning(s) and --strict given; fix them or build without --strict",
            found[0].location(),
        )
    folder = Path(output) if output is not None else project.output_dir()
    outputs = []
    for edition, book in books:
        if on_edition is not None:
            on_edition(edition.name)
        out = folder / edition_file_name(edition, slug(book.meta.title))
        writers.write(
            book, edition.format, out, writers.options_for(edition.format, edition.config)
        )
        outputs.append(EditionOutput(edition, out, book))
    return ReleaseResult(project, tuple(outputs))
