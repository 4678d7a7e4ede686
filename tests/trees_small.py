"""Small builders for the direct tests of readers, assembly and transforms.

Each stage is tested on its own: ``events`` reads one text with a reader,
``assembled`` builds an untransformed book, ``context`` makes the
:class:`~compile_book.transforms.Context` a single transform runs in, and the
``para``/``brk``/``chapter``/``book_of`` builders make hand-built trees for
:func:`~compile_book.treecheck.validate` and the tree tools.
"""

from __future__ import annotations

from datetime import UTC, datetime

from compile_book.assemble import assemble
from compile_book.config import BookConfig
from compile_book.diagnostics import Code, Diagnostic, Reporter
from compile_book.events import FileEvents
from compile_book.locale import get_locale
from compile_book.nodes import (
    Block,
    Book,
    Chapter,
    ChapterKind,
    Heading,
    Inline,
    Metadata,
    Paragraph,
    Part,
    SceneBreak,
    Source,
    Text,
    plain_text,
)
from compile_book.readers import Options, read
from compile_book.transforms import Context

WHEN = datetime(2026, 1, 1, tzinfo=UTC)
SRC = Source("t.txt", 1)


def events(
    text: str,
    name: str = "a.txt",
    *,
    first: bool = False,
    language: str = "en",
    title: str | None = None,
) -> FileEvents:
    """One manuscript's events, read by the reader its name's suffix chooses."""
    options = Options(first=first, title=title, language=language)
    return read(name, text.encode("utf-8"), options)


def assembled(*texts: str, config: BookConfig | None = None, name: str = "a.txt") -> Book:
    """An assembled, untransformed book of one or more manuscripts (``a.txt``, ``b.txt``...)."""
    config = config or BookConfig()
    stem, _, suffix = name.rpartition(".")
    files = [
        events(
            text,
            name if k == 0 else f"{chr(ord(stem[0]) + k)}.{suffix}",
            first=k == 0,
            language=config.language,
        )
        for k, text in enumerate(texts)
    ]
    return assemble(files, config)


def context(config: BookConfig | None = None) -> Context:
    """A fresh transform context for ``config`` (default: English, everything on)."""
    config = config or BookConfig()
    return Context(config, get_locale(config.language), Reporter(), WHEN)


def language(lang: str) -> BookConfig:
    return BookConfig(language=lang)


def paragraphs(book: Book) -> list[Paragraph]:
    return [b for c in book.chapters for b in c.blocks if isinstance(b, Paragraph)]


def texts(book: Book) -> list[str]:
    """Every paragraph's plain text, in reading order."""
    return [plain_text(p.inlines) for p in paragraphs(book)]


def codes(diagnostics: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def found(
    diagnostics: list[Diagnostic] | tuple[Diagnostic, ...], code: Code
) -> list[tuple[str, int, int]]:
    """``(file, line, col)`` of every diagnostic with ``code``."""
    return [(d.file, d.line, d.col) for d in diagnostics if d.code == code]


# --------------------------------------------------------------------------- hand-built trees


def text(s: str, source: Source = SRC) -> Text:
    return Text(s, source)


def para(*inlines: Inline | str, line: int = 1) -> Paragraph:
    src = Source("t.txt", line)
    nodes = tuple(Text(x, src) if isinstance(x, str) else x for x in inlines)
    return Paragraph(nodes, src)


def brk(line: int = 1) -> SceneBreak:
    return SceneBreak(Source("t.txt", line))


def chapter(*blocks: Block, heading: Heading | None = None) -> Chapter:
    return Chapter(ChapterKind.CHAPTER, heading, tuple(blocks), SRC)


def book_of(*chapters: Chapter, part_heading: Heading | None = None) -> Book:
    meta = Metadata(title="T", language="en", identifier="urn:uuid:x")
    return Book(meta, (Part(part_heading, tuple(chapters), SRC),))
