"""Reading one input file (a manuscript, the cover): a regular file of bounded size.

``Path.read_bytes`` reads whatever a name leads to: a FIFO blocks forever
waiting for a writer, ``/dev/zero`` (or a cover symlinked to it) fills memory
until the machine gives up. An input is therefore checked before it is
opened (``stat`` follows symbolic links, so a link to a device is seen as the
device), opened without blocking, checked again on the open file (it may have
been swapped in between), and read no further than its cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError

__all__ = ["MAX_MANUSCRIPT_BYTES", "read_input"]

#: The largest manuscript read: the longest novels are a few MB of text, a Word
#: document full of photographs a few hundred.
MAX_MANUSCRIPT_BYTES = 512 * 1024 * 1024

# Why: O_NONBLOCK makes opening a FIFO return at once instead of waiting for a
# writer; it changes nothing for a regular file. Windows has neither.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_input(path: Path, limit: int, shown: str, what: str = "the file") -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes.

    ``shown`` names the file in the error, ``what`` says what it is for
    ("the cover"). Raises :class:`InputError` for anything else: a folder, a
    FIFO, a device, a socket, a symbolic link that loops or leads nowhere, a
    file over the limit, a file that cannot be read.
    """
    try:
        _check(os.stat(path).st_mode, what, shown)
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise _unreadable(exc, what, shown) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check(info.st_mode, what, shown)
        _check_size(info.st_size, limit, what, shown)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise _unreadable(exc, what, shown) from None
    _check_size(len(data), limit, what, shown)
    return data


def _check(mode: int, what: str, shown: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not a regular file"
    raise InputError(f"{what} is {kind}, not a file; point to a file instead", shown)


def _check_size(size: int, limit: int, what: str, shown: str) -> None:
    if size > limit:
        raise InputError(
            f"{what} is over {limit // 2**20} MB, more than a book needs; make it smaller",
            shown,
        )


def _unreadable(exc: OSError, what: str, shown: str) -> InputError:
    import errno

    if exc.errno == errno.ELOOP:
        return InputError(f"{what} is a symbolic link that loops; fix or remove the link", shown)
    if exc.errno == errno.ENOENT and os.path.islink(exc.filename or ""):
        return InputError(f"{what} is a symbolic link to nothing; fix or remove the link", shown)
    reason = exc.strerror or "error"
    return InputError(
        f"cannot read {what} ({reason}); check the file exists and is readable", shown
    )
