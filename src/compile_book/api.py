"""The library's entry points; the CLI is a thin layer over these.

* ``parse(path)``: the finished tree of a project folder, a folder of
  manuscripts or one manuscript; ``parse_text(text, language=..., filename=...)``
  the same for a string;
* ``build(path, formats=[...], output=...)``: parse and write outputs;
* ``write(book, format, path, options)``: write one output of a tree you hold;
* ``walk(book)`` / ``query(book, NodeType)``: every node, or the nodes of one type;
* ``to_json(book)``: the tree as JSON data, with a ``compile-book-tree-version``.

All raise :class:`~compile_book.errors.CompileBookError` subclasses for
problems a user must fix, and never for odd prose (that is a diagnostic on
the tree).
"""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from . import writers
from .bookmeta import title_from_name
from .config import BookConfig
from .diagnostics import Code, Diagnostic, problems
from .errors import CompileBookError, OutputError, StrictError
from .formats import format_for_extension
from .listing import key_line
from .locale import get_locale, has_module
from .nodes import Book
from .output import Inputs, check_name, destination, is_stdout, protecting
from .paths import display_path
from .pipeline import ManuscriptSource, compile_sources
from .project import Project, load_project
from .readers import ReaderCache
from .record import record
from .serialize import to_json
from .silence import silence
from .walk import figures, query, walk

__all__ = [
    "BuildResult",
    "build",
    "output_paths",
    "parse",
    "parse_project",
    "parse_text",
    "query",
    "to_json",
    "walk",
    "write",
]


def parse(path: str | os.PathLike[str] = ".") -> Book:
    """The document tree of a project folder, a folder of manuscripts or one manuscript."""
    return parse_project(load_project(path))


def parse_text(
    text: str,
    *,
    language: str = "en",
    filename: str = "<text>",
    config: BookConfig | None = None,
) -> Book:
    """The finished tree of one manuscript given as a string.

    ``filename`` chooses the reader by its suffix (``story.md`` is read as
    Markdown) and names the text in diagnostics; ``language`` is the book's
    BCP 47 tag unless a ``config`` is given.
    """
    if config is None:
        config = BookConfig(language=language)
    return compile_sources([ManuscriptSource(filename, text.encode("utf-8"))], config, filename)


def parse_project(project: Project, cache: ReaderCache | None = None) -> Book:
    """Parse an already-resolved project, attaching its cover to the metadata and
    what finding its files left out (``FILE_SKIPPED``, ``UNKNOWN_FILE``) to the diagnostics.

    A :class:`~compile_book.readers.ReaderCache` reused across calls re-reads
    only the manuscripts that changed (``build --watch``).
    """
    if project.config.boxset is not None:
        from .boxset import parse_boxset

        return parse_boxset(project)
    sources = project.read_sources()
    photo = project.read_photo()
    book = compile_sources(sources, project.config, project.name_hint, cache, photo)
    project.check_figures(book)  # images read from outside the project stop it here
    if project.cover is not None:
        # The project's cover (covers/ or book.toml) wins over a picture in the text;
        # it stays a path, read (and checked) by the writers that print it.
        meta = dataclasses.replace(book.meta, cover=str(project.cover))
        book = dataclasses.replace(book, meta=meta)
    from .glyphs import missing_glyphs

    first = sources[0].name
    found = [
        *missing_glyphs(book),
        *_title_findings(project, book, first),
        *_language_findings(project, book, first),
    ]
    if found:
        book = dataclasses.replace(book, diagnostics=(*book.diagnostics, *found))
    if project.diagnostics:
        # What discovery left out comes first: it was decided before any file was read.
        left_out = silence(project.diagnostics, (), project.config.lint.ignore)
        book = dataclasses.replace(book, diagnostics=(*left_out, *book.diagnostics))
    return book


def _where(project: Project, first: str) -> str:
    """Where a finding about the whole book points: book.toml, else the manuscript."""
    return display_path(project.config_path) if project.config_path else first


def _title_findings(project: Project, book: Book, first: str) -> list[Diagnostic]:
    """A title made from a file name ("000 423bec1f420a3f50"), which no store or
    agent should see (``TITLE_FROM_NAME``)."""
    if project.config.title or book.meta.title != title_from_name(project.name_hint or first):
        return []
    message = (
        f"the title {book.meta.title!r} was made from a file or folder name: put the "
        'title on the first line of the first manuscript, or title = "…" in book.toml'
    )
    return [Diagnostic(Code.TITLE_FROM_NAME, message, _where(project, first))]


def _language_findings(project: Project, book: Book, first: str) -> list[Diagnostic]:
    """A language with no module here gets English quotes and words
    (``LANGUAGE_WITHOUT_MODULE``): say so, naming what to check."""
    language = get_locale(book.meta.language).language
    if has_module(language):
        return []
    message = (
        f"compile-book has no word list for the language {book.meta.language!r} yet: quotes "
        "are curled the English way, the generated pages (contents, copyright) and spelt "
        "numbers are in English, and chapters are found only from headings styled or "
        "numbered in order; check them, or write the quotes as they should print"
    )
    return [Diagnostic(Code.LANGUAGE_WITHOUT_MODULE, message, _where(project, first))]


#: Formats a store lists with their cover (a manuscript for agents has none).
EBOOK_FORMATS = frozenset({"epub", "kepub", "kindle", "azw3"})


def with_cover_findings(project: Project, book: Book, formats: Iterable[str]) -> Book:
    """`book` with a warning when an ebook among `formats` has no cover art, or a
    print edition's font is nowhere to be found (``FONT_MISSING``)."""
    chosen = list(formats)
    found = [*_cover_findings(project, book, chosen), *_font_findings(project, chosen)]
    if found:
        return dataclasses.replace(book, diagnostics=(*book.diagnostics, *found))
    return book


def _font_findings(project: Project, formats: list[str]) -> list[Diagnostic]:
    """A print font neither bundled nor installed (the book falls back to EB Garamond),
    for the PDF or for an ebook that embeds it (``[epub] embed_fonts``)."""
    embeds = project.config.epub.embed_fonts and EBOOK_FORMATS.intersection(formats)
    if "pdf" not in formats and not embeds:
        return []
    from .writers import pdf
    from .writers.pdf.userfont import resolve_font

    font = pdf.options_from(project.config).font
    missing = resolve_font(font).missing
    if missing is None:
        return []
    line = key_line(project.config_path, "font") if project.config_path else 0
    return [Diagnostic(Code.FONT_MISSING, missing, _where(project, font), line)]


def _cover_findings(project: Project, book: Book, formats: list[str]) -> list[Diagnostic]:
    """No cover art for an ebook (``NO_COVER``): it gets a typographic cover, which
    a store will not take."""
    if book.meta.cover is not None or not EBOOK_FORMATS.intersection(formats):
        return []
    first = display_path(project.manuscripts[0]) if project.manuscripts else ""
    fix = (
        "make a project (compile-book init) and put a 1600 x 2560 .jpg or .png in covers/"
        if project.kind == "file"
        else "put a 1600 x 2560 .jpg or .png in covers/"
    )
    message = (
        "no cover image: the ebook gets a typographic cover made from the title, but "
        f"stores need a real one: {fix}"
    )
    return [Diagnostic(Code.NO_COVER, message, _where(project, first))]


#: The longest default output name (before ``.epub``), in characters (all ASCII).
SLUG_MAX = 80


# Typography's marks count as what the writer typed: curly quotes as straight ones,
# dashes as hyphens, an ellipsis as full stops (a title's words are curled and set).
_STRAIGHT = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "…": "..."}
)


def slug(title: str) -> str:
    """A file name from a title: ``The Ghosts I Leave Behind`` -> ``the-ghosts-i-leave-behind``.

    A long title is cut at the last whole word within :data:`SLUG_MAX`
    characters, so the name fits any file system (255 bytes) with room for
    the suffix and the temporary name written first.
    """
    typed = title.translate(_STRAIGHT)
    ascii_title = unicodedata.normalize("NFKD", typed).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(name) > SLUG_MAX:
        cut = name[: SLUG_MAX + 1]
        word_end = cut.rfind("-")
        name = cut[:word_end] if word_end >= SLUG_MAX // 2 else cut[:SLUG_MAX]
    return name.strip("-") or "book"


def output_paths(
    book: Book, project: Project, formats: Iterable[str], output: Path | None
) -> dict[str, Path]:
    """Where each format goes: ``-o`` names the file for one format, the folder for several;
    ``-o -`` is standard output, for one format."""
    fmts = list(formats)
    name = slug(book.meta.title)
    if output is not None and is_stdout(output):
        if len(fmts) != 1:
            raise OutputError(
                "-o - writes one format to standard output; choose one with -f epub or -f pdf"
            )
        return {fmts[0]: output}
    if output is not None:
        check_name(output)
    if output is not None and not output.is_dir():
        # The longest extension the name ends with: ``x.kepub.epub`` is a kepub, not an EPUB.
        named = format_for_extension(output)
        suffix = writers.extension(named) if named else output.suffix.lower()
        if len(fmts) == 1:
            if not output.suffix and not output.exists():
                # `-o proof`: a file name without its extension gets the format's.
                return {fmts[0]: output.with_name(output.name + writers.extension(fmts[0]))}
            if named is not None and suffix != writers.extension(fmts[0]):
                raise OutputError(
                    f"the output is named {suffix} but the format is {fmts[0]}; "
                    f"name it {output.name[: -len(suffix)]}{writers.extension(fmts[0])}",
                    str(output),
                )
            return {fmts[0]: output}
        if named is not None:
            raise OutputError(
                "with several formats -o names a folder, not a file; give a folder name",
                str(output),
            )
    folder = output if output is not None else project.output_dir()
    return {f: folder / writers.file_name(f, name) for f in fmts}


@record
class BuildResult:
    """What a build produced."""

    book: Book
    outputs: dict[str, Path]
    project: Project

    @property
    def warnings(self) -> list[Diagnostic]:
        return problems(self.book.diagnostics)


def build(
    path: str | os.PathLike[str] = ".",
    formats: Iterable[str] = ("epub",),
    output: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    on_format: Callable[[str], None] | None = None,
) -> BuildResult:
    """Parse and write every requested format; return the tree and output paths.

    ``formats`` is a list of format names (``["epub", "pdf"]``); with several,
    ``output`` names a folder (created when missing). With ``strict``,
    warnings stop the build before anything is written.
    """
    if isinstance(formats, str):
        raise CompileBookError(
            f"formats must be a list of format names, such as [{formats!r}], not a string"
        )
    fmts = list(dict.fromkeys(formats))
    for f in fmts:
        if f not in writers.REGISTRY:
            raise CompileBookError(
                f"unknown format {f!r}; choose from {', '.join(writers.FORMATS)} or all"
            )
    project = load_project(path)
    book = parse_project(project)
    return write_project(
        book,
        project,
        fmts,
        Path(output) if output is not None else None,
        strict=strict,
        on_format=on_format,
    )


def write_project(
    book: Book,
    project: Project,
    formats: list[str],
    output: Path | None,
    *,
    strict: bool = False,
    on_format: Callable[[str], None] | None = None,
    config: BookConfig | None = None,
) -> BuildResult:
    """Write an already-parsed book (``build`` without the parse; used by ``--watch``)."""
    book = with_cover_findings(project, book, formats)
    found = problems(book.diagnostics)
    if strict and found:
        raise StrictError(
            f"{len(found)} warning(s) and --strict given; fix them or build without --strict",
            found[0].location(),
        )
    paths = output_paths(book, project, formats, output)
    with protecting(project_inputs(project, book, formats)):
        for out in paths.values():
            destination(out)  # every output checked before any is written
        for fmt, out in paths.items():
            if on_format is not None:
                on_format(fmt)
            writers.write(book, fmt, out, writers.options_for(fmt, config or project.config))
    return BuildResult(book, paths, project)


def project_inputs(project: Project, book: Book, formats: Iterable[str] = ()) -> Inputs:
    """Every file the build of ``project`` reads, which no output may overwrite."""
    files: dict[Path, str] = {p: "a manuscript" for p in project.manuscripts}
    if project.config_path is not None:
        files[project.config_path] = "the book.toml"
    if project.cover is not None:
        files[project.cover] = "the cover"
    files.update({p: "back matter" for p in project.back})
    if project.author_photo is not None:
        files[project.author_photo] = "the author photo"
    if project.config.css:
        files[Path(project.config.css)] = "the stylesheet"
    if project.font_file is not None:
        files[project.font_file] = "the font"
    return Inputs(files, _later_inputs(book, formats))


def book_inputs(book: Book, formats: Iterable[str] = ()) -> Inputs:
    """Every file a parsed tree was read from: its manuscripts, cover and images."""
    files: dict[Path, str] = {Path(ch.source.file): "a manuscript" for ch in book.chapters}
    if isinstance(book.meta.cover, str):
        files[Path(book.meta.cover)] = "the cover"
    return Inputs(files, _later_inputs(book, formats))


def _later_inputs(book: Book, formats: Iterable[str]) -> tuple[Callable[[], dict[Path, str]], ...]:
    """The inputs found only when a destination exists: images (a walk), fonts (for a PDF)."""

    def images() -> dict[Path, str]:
        return {Path(f.source.file).parent / f.image.name: "an image" for f in figures(book)}

    def fonts() -> dict[Path, str]:
        from .writers.pdf.fonts import font_paths

        return {f: "a font" for folder in font_paths() for f in Path(folder).rglob("*")}

    return (images, fonts) if "pdf" in formats else (images,)


def write(
    book: Book,
    format: str,
    path: str | os.PathLike[str],
    options: object | None = None,
) -> Path:
    """Write one output of a tree you already hold (``format``: ``"epub"``, ``"pdf"``, ...).

    ``options`` are that writer's own options (``writers.options_for(format, config)``
    makes them from a ``book.toml``); by default the defaults. The file is written
    atomically; its path is returned.
    """
    if format not in writers.REGISTRY:
        raise CompileBookError(
            f"unknown format {format!r}; choose from {', '.join(writers.FORMATS)}"
        )
    out = Path(path)
    with protecting(book_inputs(book, [format])):
        writers.write(book, format, out, options)
    return out
