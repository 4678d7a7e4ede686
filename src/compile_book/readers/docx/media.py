"""Pictures inside a ``.docx``: their bytes, what kind of image they are, and symbols.

An image's type is read from its first bytes, not its name. PNG, JPEG, GIF
and SVG go into the book as they are; BMP, TIFF and WebP are converted to
PNG with Pillow (EPUB readers do not show them); Windows metafiles (EMF,
WMF, what Word makes of pasted drawings) cannot be converted here and are
left out with a warning saying what to do. Each image part is loaded once.

``w:sym`` characters come from symbol fonts: Symbol's letters are Greek
(mapped to Unicode); a dingbat font's glyph (Wingdings) has no Unicode
meaning and stands as ``◆`` (an ornament the scene-break rule knows).
"""

from __future__ import annotations

import posixpath
from io import BytesIO
from pathlib import PurePath

from ...diagnostics import Code, Reporter
from ...nodes import Image
from ...rules.images import media_type_of
from .package import Package

# Why: formats Pillow reads that EPUB readers do not show.
_CONVERTIBLE = (b"BM", b"II*\x00", b"MM\x00*", b"RIFF")
# Why: EMF and WMF (placeable, memory, disk) signatures: Word's drawings, not convertible here.
_METAFILES = (b"\x01\x00\x00\x00", b"\xd7\xcd\xc6\x9a", b"\x01\x00\x09\x00", b"\x02\x00\x09\x00")
_GREEK = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ",
        strict=True,
    )
)
DINGBAT = "◆"


def symbol(font: str, code: str) -> str:
    """The character a ``w:sym`` stands for (``font`` its font, ``code`` hex)."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if value >= 0xF000:  # symbol fonts live in the private-use block F0xx
        value -= 0xF000
    if font.casefold() != "symbol":
        return DINGBAT
    char = chr(value) if 0x20 <= value < 0x7F else ""
    if value == 0xB7:
        return "•"
    return _GREEK.get(char, char)


class Media:
    """Loads the images a document's parts point to, reporting the ones it cannot use."""

    def __init__(self, file: str, package: Package, reporter: Reporter) -> None:
        self.file = file
        self.package = package
        self.reporter = reporter
        self._loaded: dict[str, Image | None] = {}

    def image(self, part: str, n: int) -> Image | None:
        """The image in ``part``, or ``None`` (reported) when it is missing or unusable."""
        if part in self._loaded:
            return self._loaded[part]
        data = self.package.read(part)
        image = None if data is None else self._image(part, data, n)
        self._loaded[part] = image
        return image

    def _image(self, part: str, data: bytes, n: int) -> Image | None:
        name = f"{PurePath(self.file).name}/{part}"
        media_type = media_type_of(data)
        if media_type is not None:
            return Image(name, media_type, data)
        if data.startswith(_CONVERTIBLE):
            png = _to_png(data)
            if png is not None:
                return Image(posixpath.splitext(name)[0] + ".png", "image/png", png)
        what = "a Windows metafile" if data.startswith(_METAFILES) else "of a kind EPUB cannot show"
        self.left_out(
            f"image {posixpath.basename(part)} is {what}; insert it again as PNG or JPEG", n
        )
        return None

    def left_out(self, message: str, n: int) -> None:
        self.reporter.add(Code.IMAGE_LEFT_OUT, message, self.file, n)


def _to_png(data: bytes) -> bytes | None:
    from PIL import Image as PILImage  # only documents with such images pay for Pillow

    try:
        with PILImage.open(BytesIO(data)) as picture:
            out = BytesIO()
            picture.save(out, "PNG")
            return out.getvalue()
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        return None
