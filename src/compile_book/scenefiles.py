"""Files read as scenes of the chapter before them, not chapters of their own.

Split from :mod:`compile_book.assemble`: which files are scenes is decided once,
before assembly, and said in one note; the same answer keeps a scene file from
being titled from its name (:mod:`compile_book.readers.filetitles`), and the
assembler only joins each to the open chapter.
"""

from __future__ import annotations

from collections.abc import Sequence

from .diagnostics import Code, Reporter
from .events import FileEvents, StartChapter, StartPart

__all__ = ["report_scenes", "scene_files"]


def scene_files(files: Sequence[FileEvents], mode: str) -> list[bool]:
    """Which files are scenes of the chapter before them, not chapters of their own.

    A file with a heading of its own (a ``StartChapter`` or ``StartPart``, a title
    line's included) always opens it. ``"scenes"``: every other file is a scene.
    ``"auto"``: the same when the book has headings elsewhere and most files have
    none (day files under a few ``Part`` headings, scene files after a chapter's
    heading file); a book of headingless files, or one headingless file among
    chapters (a heading forgotten), stays one chapter per file.
    """
    if mode == "chapters":
        return [False] * len(files)
    headed = [any(isinstance(e, (StartChapter, StartPart)) for e in f.events) for f in files]
    # Why: files of scenes outnumber the files that carry the headings; a chapter
    # file whose heading was forgotten is one among many headed ones.
    if mode == "auto" and not 0 < sum(headed) < len(files) - sum(headed):
        return [False] * len(files)
    return [not h for h in headed]


def report_scenes(reporter: Reporter, joined: list[str], mode: str) -> None:
    """One note for every file read as a scene, saying how to change it."""
    n = len(joined)
    files = f"{n} file{'s' if n != 1 else ''}"
    why = (
        'as book.toml\'s [reading] files = "scenes" asks'
        if mode == "scenes"
        else "they have no heading and the book has headings elsewhere; set [reading] "
        'files = "chapters" in book.toml to make each a chapter'
    )
    reporter.add(
        Code.FILES_AS_SCENES,
        f"{files} read as scenes of the chapter before them, joined by scene breaks ({why})",
        joined[0],
    )
