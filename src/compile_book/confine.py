"""Every file a build reads lies inside the project folder, unless ``book.toml`` says otherwise.

A build server compiling someone's project must not put its own files in the
book: ``manuscripts = ["/etc/passwd"]``, ``cover = "../../secret.jpg"``, a
symbolic link in ``manuscripts/`` that leads out, or a Markdown image
``![](../../../home/me/photo.png)`` would each do that. So every input path is
resolved (symbolic links followed) and must lie in the project folder: the
folder of ``book.toml``, the folder given when there is none, or the folder of
a lone manuscript. ``read_outside_project = true`` in ``book.toml`` lifts the
rule for a writer who keeps chapters or pictures elsewhere on purpose.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .nodes import Book, Figure
from .paths import display_path
from .record import record
from .walk import query

__all__ = ["Confinement"]


@record
class Confinement:
    """The folder a project's inputs must lie in (``root``, resolved), or none (``free``)."""

    root: Path
    free: bool = False
    config_path: Path | None = None

    def inside(self, path: Path) -> bool:
        """Whether a resolved ``path`` may be read."""
        return self.free or path == self.root or self.root in path.parents

    def fix(self) -> str:
        """What to do about a file outside, as the end of an error message."""
        if self.config_path is not None:
            return (
                "move it into the project folder, or set read_outside_project = true in book.toml"
            )
        return (
            f"move it into {display_path(self.root)}, or make a project with a book.toml "
            "that sets read_outside_project = true"
        )

    def listed(self, path: Path, key: str, value: str, line: int) -> None:
        """A path ``book.toml`` names under ``key`` (``manuscripts``, ``cover``)."""
        if not self.inside(path):
            where = display_path(self.config_path) if self.config_path else None
            raise InputError(
                f"{key} {value!r} is outside the project folder; {self.fix()}", where, line
            )

    def listed_file(
        self, root: Path, value: str, key: str, what: str, needle: str | None = None
    ) -> Path:
        """The real path of a file book.toml names under ``key`` (the stylesheet, the
        print font, the author photo), which must exist and lie inside the project;
        errors name book.toml's line (the one holding ``needle``, by default ``key``)."""
        from .discovery import resolved
        from .listing import key_line

        line = key_line(self.config_path, needle or key)
        path = resolved(root / value)
        if not path.is_file():
            raise InputError(
                f"{key} {value!r} is not a file; fix '{key}' or add {what}",
                display_path(self.config_path or root),
                line,
            )
        self.listed(path, key, value, line)
        return path

    def found(self, link: Path, path: Path, what: str) -> None:
        """A file found in a folder (``link``) whose real place is ``path``."""
        if not self.inside(path):
            raise InputError(
                f"{what} is a symbolic link to {display_path(path)}, outside the project "
                f"folder; {self.fix()}",
                display_path(link),
            )

    def figures(self, book: Book) -> None:
        """The images Markdown manuscripts show, read beside them (``readers.markdown.media``).

        Images inside a Word or OpenDocument file (``chapter.docx/media/...``) come
        from the manuscript itself and are not files of their own.
        """
        if self.free:
            return
        for figure in query(book, Figure):
            file = figure.source.file
            if not file.lower().endswith((".md", ".markdown")):
                continue
            try:
                path = (Path(file).parent / figure.image.name).resolve()
            except (OSError, RuntimeError):
                continue  # it was read, so it resolves; a race is not worth an error
            if not self.inside(path):
                raise InputError(
                    f"the image {figure.image.name!r} is outside the project folder; {self.fix()}",
                    file,
                    figure.source.line,
                )
