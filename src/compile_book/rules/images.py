"""What kind of image some bytes are: recognised by content, never by file name.

Readers, the project's cover and the writers all ask this one question; a
PNG saved as ``.jpg`` is still a PNG, and EPUBCheck and reading systems
check the bytes.
"""

from __future__ import annotations

import re

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
