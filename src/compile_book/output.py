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
    """Yield a temporary path; on success rename it to ``path``, on failure delete it."""
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
