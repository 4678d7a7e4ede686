"""Each EPUB member deflated once per content: ``build --watch`` recompresses only what changed.

Why: a rebuild after one chapter changed writes every member again, and deflating
a novel's XHTML was a quarter of a one-chapter rebuild. The deflated bytes of a
member depend only on its bytes and the level, so they are kept (up to
:data:`KEEP_BYTES`, oldest dropped first) and handed to ``zipfile`` in place of
compressing again: the archive is byte for byte the one a fresh compression makes. Bytes are kept
only while builds repeat (:mod:`compile_book.keeping`).

``zipfile`` has no public way to take bytes already deflated; its writer's
compressor is replaced for that one member. Should a Python release rename it,
the member is simply compressed again.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib

from ... import keeping

#: Deflated bytes kept between builds in one process, at most.
KEEP_BYTES = 32 * 2**20
#: The deflate level every member is written at.
LEVEL = 6

_kept: dict[bytes, bytes] = {}
_kept_size = 0


class _Replay:
    """A compressor that returns bytes deflated earlier (``zipfile`` calls
    ``compress`` once with the whole member, then ``flush``)."""

    def __init__(self, deflated: bytes) -> None:
        self._deflated = deflated

    def compress(self, data: bytes) -> bytes:
        out, self._deflated = self._deflated, b""
        return out

    def flush(self) -> bytes:
        return b""


def deflated(data: bytes) -> bytes:
    """``data`` deflated as ``zipfile`` deflates it (raw stream, ``LEVEL``); once per
    content while builds repeat (:mod:`compile_book.keeping`)."""
    global _kept_size
    if not keeping.enabled():
        _kept.clear()
        _kept_size = 0
        return _deflate(data)
    digest = hashlib.sha1(data, usedforsecurity=False).digest()
    found = _kept.get(digest)
    if found is None:
        found = _kept[digest] = _deflate(data)
        _kept_size += len(found)
        while _kept_size > KEEP_BYTES and len(_kept) > 1:
            _kept_size -= len(_kept.pop(next(iter(_kept))))
    return found


def _deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def write_deflated(zf: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    """Write ``data`` as a deflated member ``info`` of ``zf``."""
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = LEVEL  # type: ignore[attr-defined]
    info.file_size = len(data)  # as ``writestr`` sets it: it decides the header's form
    with zf.open(info, "w") as dest:
        if getattr(dest, "_compressor", None) is not None:
            dest._compressor = _Replay(deflated(data))  # type: ignore[attr-defined]
        dest.write(data)
