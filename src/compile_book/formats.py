"""Which writers a build runs: ``-f`` as writers type it, and ``-o``'s extension.

``-f`` takes a format name, a comma-separated list (``epub,pdf``) or ``all``,
in any case, and may be repeated. Without ``-f``, an output file's extension
says the format (``-o proof.pdf`` is a PDF, ``-o book.kepub.epub`` a kepub,
``-o sub.docx`` a submission manuscript); without either, the book is an EPUB.
An extension no writer makes is an error that lists the ones they do.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import writers
from .errors import CompileBookError

__all__ = ["DEFAULT", "format_for_extension", "parse_formats"]

DEFAULT = "epub"


def _choices() -> str:
    return ", ".join((*writers.FORMATS, "all"))


def format_for_extension(output: Path) -> str | None:
    """The format an output name asks for by its extension (the longest that matches)."""
    name = output.name.lower()
    best: tuple[int, str] | None = None
    for fmt in writers.FORMATS:
        ext = writers.extension(fmt)
        # The first format registered for an extension is its default (.pdf: the book).
        if name.endswith(ext) and (best is None or len(ext) > best[0]):
            best = (len(ext), fmt)
    return best[1] if best else None


def parse_formats(values: Iterable[str] | None, output: Path | None = None) -> list[str]:
    """The formats to build, in order, each once.

    Raises :class:`CompileBookError` for an unknown name, or for ``-o`` naming a
    file whose extension no writer makes when no ``-f`` says the format.
    """
    names = [n.strip().lower() for v in (values or ()) for n in v.split(",") if n.strip()]
    if output is not None and str(output) != "-":
        from .output import check_name

        check_name(output)  # before anything asks the file system about it
    if not names:
        if output is None or str(output) == "-" or output.is_dir() or not output.suffix:
            return [DEFAULT]
        inferred = format_for_extension(output)
        if inferred is None:
            known = ", ".join(sorted({writers.extension(f) for f in writers.FORMATS}))
            raise CompileBookError(
                f"no format makes {output.suffix!r} files; name the output with one of "
                f"{known}, or choose a format with -f"
            )
        return [inferred]
    out: list[str] = []
    for name in names:
        chosen = list(writers.ALL) if name == "all" else [name]
        for fmt in chosen:
            if fmt not in writers.REGISTRY:
                raise CompileBookError(f"unknown format {name!r}; choose from {_choices()}")
            if fmt not in out:
                out.append(fmt)
    return out
