"""Images a Markdown manuscript shows: local files read beside it, nothing fetched.

``![A lighthouse](images/light.png)`` names a file relative to the manuscript's
folder. The file is read if it is a regular file (symlinks followed, loops
refused) of at most :data:`MAX_IMAGE_BYTES`, and its media type is taken from its
first bytes (JPEG, PNG, GIF, SVG: the types an EPUB may hold without a
fallback), never from its name. A ``data:`` address holds the image itself
(base64), as Google Docs' Markdown export writes every picture: it is decoded
under the same checks. A remote address (``http://``...) is never fetched: a
book must build offline and the same every time. Whatever cannot be used is
reported as ``W114`` with the reason and left out.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...nodes import Image
from ...record import record
from ...rules.images import EXTENSIONS, media_type_of

# Why: a print-quality full-page image is a few MB; 50 MB is a mistake (a video, a
# raw scan) that would bloat the EPUB past what stores accept.
MAX_IMAGE_BYTES = 50 * 1024 * 1024
# Why: a scheme (http:, data:, file:) or a network path (//host) is not a file beside us;
# one letter before the colon is a Windows drive (C:\), which is a file.
_REMOTE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]+:|//)")
# Why: an image inside the address (RFC 2397): data:[type][;params][;base64],payload.
_DATA_RE = re.compile(r"data:([^,;]*)((?:;[^,;]*)*),", re.I)
#: How much of a long address a message shows.
SHOWN = 60


@record
class Loaded:
    """An image found, or the reason it was not (``image`` is ``None`` then)."""

    image: Image | None
    problem: str = ""


def sniff(data: bytes) -> str | None:
    """The media type some image bytes show, or ``None`` for anything else."""
    return media_type_of(data)


def load(manuscript: str, target: str) -> Loaded:
    """Read the image ``target`` names, relative to the folder of ``manuscript``."""
    if not target:
        return Loaded(None, "the image has no file name")
    data_uri = _DATA_RE.match(target)
    if data_uri is not None:
        return _inline(target, data_uri)
    if _REMOTE.match(target):
        return Loaded(
            None, f"{shown(target)} is remote and is never fetched; save it beside the text"
        )
    relative = unquote(urlsplit(target).path)
    path = Path(manuscript).parent / relative
    try:
        real = path.resolve(strict=True)
        if not real.is_file():
            return Loaded(None, f"{relative} is not a file")
        size = real.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return Loaded(None, f"{relative} is over {MAX_IMAGE_BYTES // 2**20} MB")
        data = real.read_bytes()
    except RuntimeError:  # a symlink loop (Python 3.11 raises this)
        return Loaded(None, f"{relative} is a symbolic link that loops")
    except OSError as exc:
        return Loaded(None, f"{relative} cannot be read ({exc.strerror or 'error'})")
    media_type = sniff(data)
    if media_type is None:
        return Loaded(None, f"{relative} is not a JPEG, PNG, GIF or SVG image")
    return Loaded(Image(relative, media_type, data))


def shown(target: str) -> str:
    """An address as a message shows it: a long one cut short."""
    return target if len(target) <= SHOWN else target[: SHOWN - 1] + "…"


def _inline(target: str, m: re.Match[str]) -> Loaded:
    """The image a ``data:`` address holds (base64 only: a picture is binary)."""
    if "base64" not in m.group(2).lower().split(";"):
        return Loaded(None, f"{shown(target)} holds no base64 image")
    payload = "".join(target[m.end() :].split())
    if len(payload) * 3 // 4 > MAX_IMAGE_BYTES:
        return Loaded(
            None, f"the image inside {shown(target)} is over {MAX_IMAGE_BYTES // 2**20} MB"
        )
    try:
        data = base64.b64decode(unquote(payload), validate=True)
    except (binascii.Error, ValueError):
        return Loaded(None, f"the image inside {shown(target)} is not valid base64")
    media_type = sniff(data)
    if media_type is None:
        return Loaded(None, f"the data inside {shown(target)} is not a JPEG, PNG, GIF or SVG image")
    name = f"embedded-{hashlib.sha256(data).hexdigest()[:16]}{EXTENSIONS[media_type]}"
    return Loaded(Image(name, media_type, data))
