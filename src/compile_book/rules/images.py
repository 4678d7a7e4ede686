"""What kind of image some bytes are, and whether they decode: by content, never by name.

Readers, the project's cover and the writers all ask this one question; a
PNG saved as ``.jpg`` is still a PNG, and EPUBCheck and reading systems
check the bytes. :func:`decoded` goes further: it decodes the image with
Pillow under :data:`MAX_PIXELS` and says how an output must store it.
"""

from __future__ import annotations

import functools
import io
import re
from typing import Any

from ..record import record

#: Image types an EPUB may hold without a fallback (EPUB 3 core media types), by the
#: bytes they start with.
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
#: The types a cover may be: stores (KDP, Apple Books) take JPEG or PNG only.
COVER_TYPES = ("image/jpeg", "image/png")
#: The file extension each type is stored under.
EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/svg+xml": ".svg",
}
# Why: an SVG file is XML text whose root element is <svg> (after a BOM, a declaration,
# comments or a doctype); 4 KiB holds any preamble worth having.
_SVG = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.S)


def media_type_of(data: bytes) -> str | None:
    """The core media type of some image bytes, or ``None`` for anything else."""
    for signature, media_type in SIGNATURES:
        if data.startswith(signature):
            return media_type
    if _SVG.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]):
        return "image/svg+xml"
    return None


# --------------------------------------------------------------------------- decoding
#
# Sniffing says what an image claims to be; only decoding says it is one. Every
# raster image a book carries (the cover, each figure) is decoded once with
# Pillow before any output is written, so a damaged file is a one-line error
# rather than an EPUB that fails EPUBCheck, and an image a reading system shows
# badly (CMYK, 16 bits a channel, a cover with transparency) is converted.

#: The most pixels an image may have: a 300 dpi print of 17 x 11 in is 17 MP, a
#: store's largest cover 10 MP; a 20,000 x 20,000 image (400 MP, gigabytes once
#: decoded) is a mistake or an attack.
MAX_PIXELS = 50_000_000
#: The largest image file read: a print-quality full-page image is a few MB.
MAX_IMAGE_BYTES = 50 * 1024 * 1024
# Why: 92 keeps a converted photograph indistinguishable from its original.
_JPEG_QUALITY = 92
# Modes a cover keeps: stores and e-ink readers want plain RGB (or grey) pixels.
_COVER_MODES = frozenset({"RGB", "L"})


class ImageProblem(ValueError):
    """What is wrong with an image's bytes, as a phrase ("cannot be decoded (...)")."""


@record
class Raster:
    """An image ready for an output: its bytes (the original's, unless ``converted``
    says why they were remade) and its media type."""

    data: bytes
    media_type: str
    converted: str | None = None
    size: tuple[int, int] | None = None  # width, height in pixels (None for SVG)


# Why a cache: a build decodes its cover when the project is loaded (to warn about
# it) and again when the EPUB stores it; a 1600 x 2560 JPEG costs 45 ms each time.
# The key is the bytes themselves (equal bytes, equal result); the last few are kept.
@functools.lru_cache(maxsize=4)
def decoded(data: bytes, *, cover: bool = False) -> Raster:
    """Decode a JPEG, PNG or GIF under :data:`MAX_PIXELS` and return it as an output
    stores it; an SVG is returned as it is.

    A CMYK JPEG becomes RGB and a 16-bit PNG 8-bit (readers show neither well);
    for a ``cover``, a palette, transparent or other non-RGB PNG becomes RGB too
    (on white). Images that need none of this keep their bytes exactly;
    converted ones are encoded the same way every run (no timestamps, fixed
    quality), so a build stays byte-identical. Raises :class:`ImageProblem`.
    """
    media_type = media_type_of(data)
    if media_type is None:
        raise ImageProblem("is not a JPEG, PNG, GIF or SVG image")
    if media_type == "image/svg+xml":
        return Raster(data, media_type)
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
        with picture:
            pixels = picture.width * picture.height
            if pixels > MAX_PIXELS:
                raise ImageProblem(_too_big(picture.width, picture.height))
            picture.load()
            why = _conversion(picture, data, media_type, cover)
            size = (picture.width, picture.height)
            if why is None:
                return Raster(data, media_type, size=size)
            return Raster(_converted(picture, media_type, cover), media_type, why, size)
    except Image.DecompressionBombError:
        raise ImageProblem(
            f"has more than the {MAX_PIXELS // 1_000_000} million pixels an output may hold; "
            "scale it down"
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        if isinstance(exc, ImageProblem):
            raise
        raise ImageProblem(f"cannot be decoded ({_reason(exc)}); save it again") from None


def _too_big(width: int, height: int) -> str:
    return (
        f"is {width:,} x {height:,} pixels, more than the {MAX_PIXELS // 1_000_000} million "
        "an output may hold; scale it down"
    )


def _reason(exc: BaseException) -> str:
    """Pillow's message on one line (its messages may quote bytes)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


def _conversion(picture: Any, data: bytes, media_type: str, cover: bool) -> str | None:
    """Why the decoded ``picture`` must be stored converted, or ``None``."""
    if media_type == "image/jpeg":
        return "a CMYK JPEG" if picture.mode == "CMYK" else None
    if media_type != "image/png":
        return None
    # Why: Pillow reads a 16-bit colour PNG as 8-bit RGB, so its mode cannot tell;
    # the bit depth is the byte after the IHDR chunk's width and height.
    if len(data) > 24 and data[24] == 16:
        return "a 16-bit PNG"
    if cover and (picture.mode not in _COVER_MODES or "transparency" in picture.info):
        return f"a {picture.mode} PNG (a cover must be RGB)"
    return None


def _converted(picture: Any, media_type: str, cover: bool) -> bytes:
    """The picture as 8-bit pixels a reader shows (RGB for a cover), encoded as before."""
    out = _eight_bit(picture)
    if cover and (out.mode not in _COVER_MODES or "transparency" in picture.info):
        out = _on_white(out)
    options: dict[str, Any] = {}
    if "dpi" in picture.info:
        options["dpi"] = picture.info["dpi"]
    buffer = io.BytesIO()
    if media_type == "image/jpeg":
        from PIL import ImageOps

        # The orientation a camera recorded is applied: the converted file has no EXIF.
        out = ImageOps.exif_transpose(out)
        out.save(buffer, "JPEG", quality=_JPEG_QUALITY, **options)
    else:
        out.save(buffer, "PNG", **options)
    return buffer.getvalue()


def _eight_bit(picture: Any) -> Any:
    """The picture with 8 bits a channel, and RGB instead of CMYK."""
    if picture.mode.startswith("I"):
        # Why: Pillow clips 16-bit grey to 8 bits instead of scaling it.
        return picture.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if picture.mode == "CMYK":
        return _cmyk_to_rgb(picture)
    return picture


def _cmyk_to_rgb(picture: Any) -> Any:
    """CMYK to RGB through the image's own colour profile when it has one (a
    print designer's file does), else Pillow's plain formula."""
    from PIL import ImageCms

    profile = picture.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
            return ImageCms.profileToProfile(picture, source, srgb, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a damaged profile: the plain conversion is still a fair picture
    return picture.convert("RGB")


def _on_white(picture: Any) -> Any:
    """The picture as RGB, any transparency laid over white (a cover's background)."""
    from PIL import Image

    rgba = picture.convert("RGBA")
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    return flat
