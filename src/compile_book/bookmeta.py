"""The book's metadata: ``book.toml`` first, then what the manuscript said, then defaults.

Split from :mod:`compile_book.assemble` because the same rule serves more than the
assembly of a manuscript: a box set (:mod:`compile_book.boxset`) builds its own
metadata from its ``book.toml``, and the API names a book from a file or folder
with :func:`title_from_name` before reading it. :mod:`compile_book.metadata`
checks the values; this module decides where each comes from.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from .config import BookConfig, isbn_digits
from .metadata import check_metadata, printable
from .nodes import Metadata, Series
from .readers import SUFFIXES

__all__ = ["DECLARABLE", "metadata", "title_from_name"]

#: Metadata a manuscript may declare (``BookMeta``), and the book.toml key that wins.
DECLARABLE = (
    "language",
    "subtitle",
    "date",
    "rights",
    "description",
    "dedication",
    "epigraph",
    "epigraph_source",
    "publisher",
)


def metadata(
    config: BookConfig,
    title: str | None,
    author: str | tuple[str, ...] | None,
    hint: str,
    declared: dict[str, str] | None = None,
) -> Metadata:
    """The book's metadata: ``book.toml`` first, then what the manuscript said, then defaults."""
    cfg = config
    given = {k: v for k, v in (declared or {}).items() if k in DECLARABLE}
    # Only keys book.toml leaves unset are taken from the manuscript.
    overrides = {k: v for k, v in given.items() if k not in cfg.model_fields_set}
    if overrides:
        cfg = cfg.model_copy(update=overrides)
    title = cfg.title or title or title_from_name(hint)
    found = (author,) if isinstance(author, str) else tuple(author or ())
    authors = tuple(cfg.authors) or found
    identifier = cfg.identifier or (
        f"urn:isbn:{isbn_digits(cfg.isbn)}" if cfg.isbn else _generated_identifier(title, authors)
    )
    meta = Metadata(
        title=title,
        language=cfg.language,
        identifier=identifier,
        authors=authors,
        subtitle=cfg.subtitle,
        publisher=cfg.publisher,
        date=cfg.date,
        description=cfg.description,
        series=Series(cfg.series.name, cfg.series.number) if cfg.series else None,
        rights=cfg.rights,
        isbn=cfg.isbn,
        edition=cfg.edition,
        dedication=cfg.dedication,
        epigraph=cfg.epigraph,
        epigraph_source=cfg.epigraph_source,
    )
    check_metadata(meta)
    return meta


def _generated_identifier(title: str, authors: tuple[str, ...]) -> str:
    """A UUID derived from title and authors: stable across builds, unlike uuid4."""
    name = "compile-book:" + "|".join((title, *authors))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def title_from_name(name: str) -> str:
    """``the-long-night_draft2.txt`` -> ``The Long Night Draft2``; a folder's name
    (``Mrs. Dalloway``) keeps its dots."""
    path = Path(name)
    stem = path.stem if path.suffix.lower() in SUFFIXES else path.name
    words = re.split(r"[-_\s]+", printable(stem))
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"
