"""Writing outputs safely and reproducibly.

Every output is written to a temporary file beside its destination and renamed
into place only when complete, so a failed build never leaves a half-written
EPUB or PDF (and never clobbers the previous good one). Timestamps come from
``SOURCE_DATE_EPOCH`` when it is set, so two builds of the same input are
byte-identical (reproducible-builds.org).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from .errors import OutputError


def build_time() -> datetime:
    """The build's timestamp: ``SOURCE_DATE_EPOCH`` if set, else now (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(tz=UTC).replace(microsecond=0)


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path; on success put it at ``path``, on failure delete it.

    A regular file is replaced atomically (renamed into place). A symlink is
    followed: its target is written, the link stays. A character device or a
    FIFO (``-o /dev/stdout``, a pipe) is written through once the output is
    complete, and never replaced by a file.
    """
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file() and not path.is_dir():
        with _streamed(path) as tmp:
            yield tmp
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(
            f"cannot write here ({exc.strerror}); choose another folder with -o", str(path)
        ) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(
            f"cannot write ({exc.strerror}); choose another folder with -o", str(path)
        ) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def _streamed(device: Path) -> Iterator[Path]:
    """Build the output in a private temporary file, then copy it into ``device``."""
    fd, tmp_name = tempfile.mkstemp(prefix="compile-book-", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as src, device.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
    except OSError as exc:
        raise OutputError(f"cannot write ({exc.strerror})", str(device)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
