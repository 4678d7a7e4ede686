"""``rules.images.decoded``: every raster image decoded, bounded, and converted where needed."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from compile_book.rules.images import MAX_PIXELS, ImageProblem, decoded
from tests.images import CORRUPT_JPEG, huge_png, picture, png16


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (picture("JPEG"), "image/jpeg"),
        (picture("JPEG", "L"), "image/jpeg"),
        (picture("PNG"), "image/png"),
        (picture("PNG", "P"), "image/png"),
        (picture("PNG", "RGBA"), "image/png"),
        (picture("GIF", "P"), "image/gif"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml"),
    ],
    ids=["jpeg", "grey-jpeg", "png", "palette-png", "rgba-png", "gif", "svg"],
)
def test_an_image_that_needs_nothing_keeps_its_bytes(data: bytes, media_type: str) -> None:
    raster = decoded(data)
    assert (raster.data, raster.media_type, raster.converted) == (data, media_type, None)


def test_a_cmyk_jpeg_becomes_rgb_the_same_way_every_time() -> None:
    data = picture("JPEG", "CMYK")
    first, second = decoded(data), decoded(data)
    assert first.converted == "a CMYK JPEG" and first.media_type == "image/jpeg"
    assert first.data == second.data != data
    assert _opened(first.data).mode == "RGB"


@pytest.mark.parametrize(("colour", "mode"), [(2, "RGB"), (6, "RGBA")])
def test_a_16_bit_png_becomes_8_bit(colour: int, mode: str) -> None:
    raster = decoded(png16(colour=colour))
    assert raster.converted == "a 16-bit PNG"
    assert raster.data[24] == 8 and _opened(raster.data).mode == mode


def test_16_bit_grey_is_scaled_not_clipped() -> None:
    grey = Image.new("I;16", (4, 4), 40_000)
    out = io.BytesIO()
    grey.save(out, "PNG")
    image = _opened(decoded(out.getvalue()).data)
    assert (image.mode, image.getpixel((0, 0))) == ("L", 155)


@pytest.mark.parametrize("mode", ["P", "RGBA", "LA", "1"])
def test_a_cover_must_be_rgb_without_transparency(mode: str) -> None:
    raster = decoded(picture("PNG", mode), cover=True)
    assert raster.converted is not None and _opened(raster.data).mode == "RGB"
    assert decoded(picture("PNG", mode)).converted is None  # a figure keeps them


def test_a_transparent_cover_is_laid_on_white() -> None:
    clear = Image.new("RGBA", (4, 4), (0, 0, 0, 0))
    out = io.BytesIO()
    clear.save(out, "PNG")
    assert _opened(decoded(out.getvalue(), cover=True).data).getpixel((0, 0)) == (255, 255, 255)


def test_too_many_pixels_is_refused_before_decoding() -> None:
    with pytest.raises(ImageProblem, match=r"is 8,000 x 8,000 pixels, more than the 50 million"):
        decoded(huge_png(8_000, 8_000))
    with pytest.raises(ImageProblem, match="more than the 50 million pixels"):
        decoded(huge_png(20_000, 20_000))  # Pillow's own bomb check speaks first
    assert MAX_PIXELS == 50_000_000


@pytest.mark.parametrize(
    "data",
    [CORRUPT_JPEG, picture("PNG")[:40], picture("JPEG")[:-40] + b"\x00" * 8, b"GIF89a\x00"],
    ids=["junk-jpeg", "cut-png", "cut-jpeg", "gif-header"],
)
def test_a_damaged_image_is_one_phrase(data: bytes) -> None:
    with pytest.raises(ImageProblem) as caught:
        decoded(data)
    message = str(caught.value)
    assert message.startswith("cannot be decoded (") and message.endswith("; save it again")
    assert "\n" not in message


def test_what_is_no_image_says_so() -> None:
    with pytest.raises(ImageProblem, match="is not a JPEG, PNG, GIF or SVG image"):
        decoded(b"BM not a bitmap we take")
