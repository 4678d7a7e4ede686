"""A small on-disk cache of bytes that are costly to make and the same every time.

Why: a book without cover art gets a typographic cover that Typst renders; that
render and the Typst machinery it loads are a third of a short story's build, and
a writer rebuilds the same book many times a day. What is stored is exactly what
would be made again (the key covers every input), so a hit changes no output.

Where: ``$COMPILE_BOOK_CACHE_DIR`` when set (an empty value turns the cache off),
else ``$XDG_CACHE_HOME/compile-book``, else ``~/.cache/compile-book``. A cache
that cannot be read or written is skipped silently: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

ENV = "COMPILE_BOOK_CACHE_DIR"


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "compile-book"


def key(*parts: bytes) -> str:
    """A name for the entry made from ``parts`` (each length-prefixed, so no two
    different part lists share a key)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def get(kind: str, name: str) -> bytes | None:
    """The stored bytes, or None when absent, unreadable or the cache is off."""
    where = folder()
    if where is None:
        return None
    try:
        return (where / kind / name).read_bytes()
    except OSError:
        return None


def put(kind: str, name: str, data: bytes) -> None:
    """Store ``data``, written whole then renamed so a reader never sees half of it."""
    where = folder()
    if where is None:
        return
    target = where / kind
    try:
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, target / name)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
