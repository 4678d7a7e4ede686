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
from pathlib import Path

from ..errors import InputError
from ..infile import read_input
from ..nodes import Figure
from ..paths import display_path
from ..record import record
from ..rules.images import (
    COVER_TYPES,
    EXTENSIONS,
    MAX_IMAGE_BYTES,
    ImageProblem,
    Raster,
    decoded,
    media_type_of,
)

__all__ = [
    "EXTENSIONS",
    "Figures",
    "ImageFile",
    "Images",
    "cover_raster",
    "figure_raster",
    "media_type_of",
    "read_cover_file",
]


@record
class ImageFile:
    """An image as the package stores it: manifest id, href, media type, bytes."""

    uid: str
    href: str
    media_type: str
    data: bytes


@record
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
        raster = figure_raster(figure)
        uid = f"image-{len(self._files) + 1:03d}"
        href = f"{self.folder}{uid}{EXTENSIONS[raster.media_type]}"
        self._files[key] = ImageFile(uid, href, raster.media_type, raster.data)
        return href

    @property
    def files(self) -> tuple[ImageFile, ...]:
        return tuple(self._files.values())

    @property
    def figures(self) -> Figures:
        return Figures(self._figures, self._described)


def figure_raster(figure: Figure) -> Raster:
    """A figure's image as an output stores it: its type as its bytes show it (a
    misnamed PNG is still a PNG), decoded under the pixel limit, converted where
    readers need it (CMYK, 16-bit); a damaged image is an error at its line."""
    image = figure.image
    try:
        return decoded(image.data)
    except ImageProblem as exc:
        fix = "" if media_type_of(image.data) else "; convert it"
        raise InputError(
            f"the image {image.name!r} {exc}{fix}", figure.source.file, figure.source.line
        ) from None


def cover_raster(data: bytes, name: str) -> Raster:
    """A cover's bytes as an output stores them: a JPEG or PNG that decodes, as RGB."""
    try:
        raster = decoded(data, cover=True)
    except ImageProblem as exc:
        raise InputError(f"the cover image {exc}", name) from None
    if raster.media_type not in COVER_TYPES:
        raise InputError("the cover is not a JPEG or PNG image; convert it to JPEG", name)
    return raster


def read_cover_file(path: Path, shown: str | None = None) -> Raster:
    """The cover at ``path`` as an output stores it; :class:`InputError` naming it
    (``shown``, by default its path) unless it is a regular file of at most 50 MB
    holding a JPEG or PNG that decodes."""
    name = shown or display_path(path)
    return cover_raster(read_input(path, MAX_IMAGE_BYTES, name, "the cover"), name)
