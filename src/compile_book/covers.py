"""The project's cover: ``book.toml``'s ``cover``, else the first image in ``covers/``.

Found, read and decoded when the project is loaded, before any output is
written: a cover that is a FIFO, a device, a link out of the project, a file
too large, a damaged JPEG or an image of too many pixels is a one-line error
naming it. The EPUB writer reads it again the same way
(:func:`compile_book.writers.images.read_cover_file`) and stores what
:func:`compile_book.rules.images.decoded` makes of it: the original bytes,
unless it needs converting to RGB.
"""

from __future__ import annotations

from pathlib import Path

from .config import BookConfig
from .confine import Confinement
from .diagnostics import Code, Diagnostic
from .discovery import reading_order, resolved
from .errors import InputError
from .infile import read_input
from .listing import key_line
from .nodes import Image
from .paths import display_path
from .rules.images import ImageProblem, decoded, media_type_of
from .writers.images import read_cover_file

__all__ = ["COVER_SUFFIXES", "find_cover", "read_photo"]

COVER_SUFFIXES = (".jpg", ".jpeg", ".png")

#: Apple Books' least width for a cover (KDP takes 625 x 1000 but shows it soft);
#: below it a store refuses or blurs the cover, so the build warns.
MIN_COVER_SIDE = 1400
#: The size KDP and Kobo recommend (1:1.6), the one the warning asks for.
IDEAL_COVER = (1600, 2560)


def find_cover(
    root: Path, config: BookConfig, confinement: Confinement
) -> tuple[Path | None, list[Diagnostic]]:
    """The cover image's real path (checked readable and decodable), or ``None``; and
    a warning when the EPUB must carry a converted copy of it (``COVER_CONVERTED``)."""
    found = _find(root, config, confinement)
    if found is None:
        return None, []
    path, shown = found
    raster = read_cover_file(path, shown)
    notes: list[Diagnostic] = []
    if raster.converted is not None:
        message = (
            f"the cover is {raster.converted}; the EPUB carries an RGB copy, and stores "
            "want an RGB file too: save it again as RGB JPEG"
        )
        notes.append(Diagnostic(Code.COVER_CONVERTED, message, shown))
    if raster.size is not None and min(raster.size) < MIN_COVER_SIDE:
        width, height = raster.size
        message = (
            f"the cover is {width} x {height} pixels; stores reject covers under "
            f"{MIN_COVER_SIDE} pixels on the short side: use a {IDEAL_COVER[0]} x "
            f"{IDEAL_COVER[1]} image"
        )
        notes.append(Diagnostic(Code.COVER_SMALL, message, shown))
    return path, notes


def _find(root: Path, config: BookConfig, confinement: Confinement) -> tuple[Path, str] | None:
    """The cover's real path and the name it is shown by, or ``None``."""
    config_path = confinement.config_path
    if config.cover:
        line = key_line(config_path, "cover")
        cover = resolved(root / config.cover)
        if not cover.exists():
            where = display_path(config_path) if config_path else display_path(root)
            raise InputError(
                f"cover {config.cover!r} does not exist; fix 'cover' or add the image", where, line
            )
        confinement.listed(cover, "cover", config.cover, line)
        shown = display_path(root / config.cover)
        if Path(config.cover).suffix.lower() not in COVER_SUFFIXES:
            raise InputError("the cover must be a .jpg or .png image", shown)
        return cover, shown
    covers = root / "covers"
    if not covers.is_dir():
        return None
    photo = resolved(root / config.back.author_photo) if config.back.author_photo else None
    images = reading_order(
        (
            f
            for f in covers.iterdir()
            if f.suffix.lower() in COVER_SUFFIXES and resolved(f) != photo
        ),
        covers,
    )
    if not images:
        return None
    cover = resolved(images[0])
    confinement.found(images[0], cover, "the cover")
    return cover, display_path(images[0])


#: The largest author photo read (a print-quality portrait is well under this).
MAX_PHOTO_BYTES = 20 * 1024 * 1024


def read_photo(root: Path, confinement: Confinement, value: str) -> Image:
    """The author photo ``[back] author_photo`` names, as an image node.

    Checked as the cover is: inside the project, a regular file, a JPEG, PNG or GIF
    that decodes (:func:`compile_book.rules.images.decoded`); the error names
    book.toml's line.
    """
    key = "back.author_photo"
    real = confinement.listed_file(root, value, key, "the author photo", "author_photo")
    shown = display_path(root / value)
    data = read_input(real, MAX_PHOTO_BYTES, shown, "the author photo")
    media_type = media_type_of(data)
    if media_type not in _PHOTO_TYPES:
        raise InputError("the author photo must be a JPEG, PNG or GIF image", shown)
    try:
        raster = decoded(data)
    except ImageProblem as exc:
        raise InputError(f"the author photo {exc}; export it again", shown) from None
    suffix = _PHOTO_TYPES.get(raster.media_type, "jpg")
    return Image(f"author-photo.{suffix}", raster.media_type, raster.data)


_PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif"}
