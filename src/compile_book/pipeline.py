"""Manuscripts -> the finished tree: readers, assembly, then the transform chain.

The one place the stages meet::

    files --readers--> events --assemble--> Book --transforms--> Book

Each manuscript is read by the reader its suffix names (cached per file
when a :class:`~compile_book.readers.ReaderCache` is given); assembly builds
the book; the configured transforms give it inline structure, typography,
lint diagnostics and front matter.
"""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Sequence

from . import transforms
from .assemble import assemble
from .backmatter import back_files
from .config import BookConfig
from .diagnostics import Code, Diagnostic
from .errors import InputError
from .events import BookMeta, FileEvents, Para, StartChapter, StartPart
from .locale.detect import ENOUGH_CHARS, SAMPLE_CHARS, detect
from .nodes import Book, Image, heading_text
from .output import build_time
from .readers import Options, ReaderCache, read
from .record import record
from .rules.yamlfront import front_matter_title
from .silence import silence


class CompileCache(ReaderCache):
    """What one compile can reuse in the next (``--watch``): each unchanged file's
    events, and each unchanged chapter's transform results."""

    def __init__(self) -> None:
        super().__init__()
        self.memo = transforms.Memo()


@record
class ManuscriptSource:
    """One manuscript handed to the pipeline: the name diagnostics use, and its bytes."""

    name: str
    data: bytes
    back: bool = False
    """A file of ``manuscripts/back/``: its sections are back matter."""


def compile_sources(
    sources: Sequence[ManuscriptSource],
    config: BookConfig | None = None,
    name_hint: str = "",
    cache: ReaderCache | None = None,
    photo: Image | None = None,
) -> Book:
    """Read, assemble and transform manuscripts (in book order) into a finished tree.

    Pass the same ``cache`` to repeated calls to re-read only changed files.
    Sources marked ``back`` and book.toml's ``[back]`` (with the author ``photo``)
    become the back matter.
    """
    if not sources:
        raise InputError("no manuscripts found; add .txt or .md files", name_hint or None)
    # Why: building a tree allocates many small objects and frees none of them;
    # the cyclic garbage collector would scan them over and over for nothing.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _compile(sources, config or BookConfig(), name_hint, cache, photo)
    finally:
        _age_new_objects()
        if enabled:
            gc.enable()


def _age_new_objects() -> None:
    """Count every object made so far as old, so the collector leaves the tree alone.

    Why: with collection off, the whole tree piles up in the youngest generation,
    and the first allocation after it is back on scanned all of it (30 ms at a
    million words, before the book was written). ``freeze`` then ``unfreeze`` moves
    them to the oldest generation in one step, where the rare full collections
    still look; nothing stays frozen. In a process that froze objects itself (a
    server after start-up) nothing is done: unfreezing would undo its freeze, and
    freezing with it would keep each build's few cycles forever.
    """
    if gc.get_freeze_count():
        return
    gc.freeze()
    gc.unfreeze()


def _read(
    src: ManuscriptSource,
    index: int,
    config: BookConfig,
    cache: ReaderCache | None,
    titled_siblings: bool = False,
    followed: bool = False,
) -> FileEvents:
    options = Options(
        first=index == 0,
        followed=followed,
        titled_siblings=titled_siblings,
        title=config.title,
        authors=tuple(str(a) for a in config.authors),
        dedication=config.dedication is not None,
        language=config.language,
        author_notes=config.reading.author_notes,
    )
    if cache is not None:
        return cache.read(src.name, src.data, options)
    return read(src.name, src.data, options)


def _detected_language(
    found: FileEvents, sources: Sequence[ManuscriptSource], config: BookConfig
) -> str | None:
    """The language the book's prose is written in (:mod:`.locale.detect`), when nothing
    set one and it is not the default; else ``None``. The first file decides; when it
    holds little prose (a title page, a dedication), the plain-text and Markdown files
    after it add theirs, as typed (markup does not sway the detector)."""
    if "language" in config.model_fields_set:
        return None
    parts: list[str] = []
    taken = 0
    for event in found.events:
        if isinstance(event, Para):
            parts.append(event.text)
            taken += len(event.text)
            if taken >= SAMPLE_CHARS:
                break  # the detector reads no further
        elif isinstance(event, StartChapter | StartPart) and event.heading is not None:
            # A heading's own words ("# Hoofdstuk 1") tell a short text's language too.
            parts.append(heading_text(event.heading))
    for src in sources[1 : _DETECT_FILES + 1]:
        if taken >= ENOUGH_CHARS:
            break
        if src.name.lower().endswith((".txt", ".md", ".markdown")):
            text = src.data[: SAMPLE_CHARS * 4].decode("utf-8", errors="replace")
            parts.append(text)
            taken += len(text)
    found_language = detect("\n".join(parts))
    return found_language if found_language != config.language else None


#: At most this many files after the first are looked at to find the book's language.
_DETECT_FILES = 8


#: How many files after the first are looked at for front matter naming their title.
_SIBLINGS_LOOKED_AT = 4


def _said_detected(name: str, language: str) -> Diagnostic:
    return Diagnostic(
        Code.LANGUAGE_DETECTED,
        f"the text is in {language!r}: its quotes, headings and pages follow that language "
        f'(language = "{language}" in book.toml says so for sure)',
        name,
    )


def _declared_language(found: FileEvents, config: BookConfig) -> str | None:
    """The language the first file's front matter declares (``lang: de``), when
    ``book.toml`` sets none and it differs from the default; else ``None``."""
    if "language" in config.model_fields_set:
        return None
    for event in found.events:
        if isinstance(event, BookMeta) and event.key == "language":
            return event.value if event.value != config.language else None
    return None


def _compile(
    sources: Sequence[ManuscriptSource],
    config: BookConfig,
    name_hint: str,
    cache: ReaderCache | None,
    photo: Image | None = None,
) -> Book:
    files: list[FileEvents] = []
    back: list[FileEvents] = []
    # What the first file's reading depends on in the files after it.
    titled = any(
        src.name.lower().endswith((".md", ".markdown")) and front_matter_title(src.data)
        for src in sources[1:_SIBLINGS_LOOKED_AT]
    )
    siblings = (titled, len(sources) > 1)
    for index, src in enumerate(sources):
        first_only = siblings if index == 0 else (False, False)
        found = _read(src, index, config, cache, *first_only)
        declared = _declared_language(found, config) if index == 0 else None
        detected = (
            _detected_language(found, sources, config) if index == 0 and not declared else None
        )
        if declared is not None or detected is not None:
            # The whole book is in the language the first file declares (or is written
            # in): read that file again with its headings, quotes and words, and the
            # rest likewise.
            config = config.model_copy(update={"language": declared or detected})
            found = _read(src, index, config, cache, *first_only)
        if detected is not None:
            found = dataclasses.replace(
                found, diagnostics=(*found.diagnostics, _said_detected(src.name, detected))
            )
        (back if src.back and index else files).append(found)
    if cache is not None:
        cache.prune()
    back = back_files(back, files, config, photo)
    book = assemble(files, config, name_hint or sources[0].name, back)
    memo = cache.memo if isinstance(cache, CompileCache) else None
    book = transforms.apply(book, config, build_time(), memo)
    texts = [(src.name, src.data) for src in sources if src.name.endswith((".txt", ".md"))]
    kept = silence(book.diagnostics, texts, config.lint.ignore)
    if len(kept) == len(book.diagnostics):
        return book
    return dataclasses.replace(book, diagnostics=kept)
