"""The images a book's figures show, as an output stores them: each distinct image once.

A reader hands over an image's bytes and the media type it believed; the
type written into a package is the one the bytes show (a PNG saved as
``.jpg`` is still a PNG), because EPUBCheck and reading systems check it.
Names follow the order images are first met, so the same tree always gives
the same package; :class:`Figures` counts what the accessibility metadata
must describe truthfully.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..errors import InputError
from ..nodes import Figure, Image, Source
from ..rules.images import EXTENSIONS, media_type_of

__all__ = ["EXTENSIONS", "Figures", "ImageFile", "Images", "media_type_of"]


@dataclass(frozen=True, slots=True)
class ImageFile:
    """An image as the package stores it: manifest id, href, media type, bytes."""

    uid: str
    href: str
    media_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Figures:
    """How many figures the book shows and how many have a text description (alt)."""

    count: int = 0
    described: int = 0


#: A book without figures.
NO_FIGURES = Figures()


class Images:
    """The images of a book's figures, each distinct image stored once.

    Names follow the order images are first met (``images/image-001.png``),
    so the same tree always gives the same package.
    """

    def __init__(self, folder: str = "images/") -> None:
        self.folder = folder
        self._files: dict[bytes, ImageFile] = {}
        self._known: dict[bytes, str] = {}
        self._figures = 0
        self._described = 0

    def adopt(self, data: bytes, href: str) -> None:
        """An image stored elsewhere (the cover): a figure showing it links to it."""
        self._known[hashlib.sha256(data).digest()] = href

    def add(self, figure: Figure) -> str:
        """Register a figure's image; its href (relative to the documents)."""
        self._figures += 1
        self._described += bool(figure.alt.strip())
        image = figure.image
        key = hashlib.sha256(image.data).digest()
        if key in self._known:
            return self._known[key]
        if key in self._files:
            return self._files[key].href
        media_type = _checked_type(image, figure.source)
        uid = f"image-{len(self._files) + 1:03d}"
        href = f"{self.folder}{uid}{EXTENSIONS[media_type]}"
        self._files[key] = ImageFile(uid, href, media_type, image.data)
        return href

    @property
    def files(self) -> tuple[ImageFile, ...]:
        return tuple(self._files.values())

    @property
    def figures(self) -> Figures:
        return Figures(self._figures, self._described)


def _checked_type(image: Image, source: Source) -> str:
    """The image's media type as its bytes show it (a misnamed PNG is still a PNG)."""
    found = media_type_of(image.data)
    if found is None:
        raise InputError(
            f"the image {image.name!r} is not a JPEG, PNG, GIF or SVG file; convert it",
            source.file,
            source.line,
        )
    return found
