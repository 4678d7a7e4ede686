"""Small real images for tests, made with Pillow (or by hand where Pillow cannot write them)."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image


def picture(fmt: str = "PNG", mode: str = "RGB", size: tuple[int, int] = (12, 8)) -> bytes:
    """An image of one colour in ``fmt`` (``PNG``, ``JPEG``, ``GIF``) and ``mode``."""
    colours = {"RGB": (200, 60, 40), "RGBA": (200, 60, 40, 128), "CMYK": (0, 200, 200, 20)}
    image = Image.new(mode, size, colours.get(mode, 90))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png16(size: tuple[int, int] = (6, 4), colour: int = 2) -> bytes:
    """A 16-bit PNG (``colour`` 2: RGB, 6: RGBA), which Pillow reads but does not write."""
    width, height = size
    channels = {2: 3, 6: 4}[colour]
    row = b"\x00" + b"\xc0\x00\x40\x00\x20\x00\xff\xff"[: channels * 2] * width
    header = struct.pack(">IIBBBBB", width, height, 16, colour, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(row * height)),
            _chunk(b"IEND", b""),
        )
    )


def huge_png(width: int = 20_000, height: int = 20_000) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels (a few KB on disk)."""
    row = b"\x00" + b"\x00" * width
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compressobj(9)
    data = b"".join(body.compress(row) for _ in range(64)) + body.flush()
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", data),
            _chunk(b"IEND", b""),
        )
    )


#: A JPEG's first bytes followed by junk: sniffed as a JPEG, decodes as nothing.
CORRUPT_JPEG = b"\xff\xd8\xff\xe0" + b"junk" * 100
