"""Temporary files named after the process writing them, and cleaning up after dead ones.

Every output is first written to a ``.part`` file (or a scratch folder) and
renamed into place. A build killed with SIGKILL, or a machine that loses
power, cannot delete its own: left alone, they would stay beside the book
forever. So each temporary name carries its writer's process id and a tag of
the machine and process namespace it runs in::

    .my-book.epub.3f9a1c-41872.k2j4h8xz.part

and the next run removes the ones whose writer no longer exists. A name
from this machine is removed only when its process is gone (a live build's
file is never touched, even one running beside us); a name from another
machine or container sharing the folder, or from an older compile-book that
did not tag its names, is removed once it is a day old, long after any
build could still be writing it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import shutil
import socket
import tempfile
import time
from pathlib import Path

#: The suffix of every temporary output file.
SUFFIX = ".part"
#: A name another machine (or an older version) left is removed after this long.
FOREIGN_AGE_S = 24 * 3600
# Why: a temporary name must fit where the output's name fits (255 bytes), and
# the tag, pid and random part add up to about 30 bytes.
_NAME_BYTES = 200
_OWNER = re.compile(r"(?P<tag>[0-9a-f]{6})-(?P<pid>[0-9]+)\.")


@functools.cache
def tag() -> str:
    """Six hex digits naming this machine and process-id namespace.

    Why the namespace: two containers may share a folder and a host name,
    and each numbers its processes from 1; a pid is only meaningful inside
    the namespace that issued it.
    """
    namespace = ""
    with contextlib.suppress(OSError):
        namespace = os.readlink("/proc/self/ns/pid")
    return hashlib.sha256(f"{socket.gethostname()}|{namespace}".encode()).hexdigest()[:6]


def lead(name: str) -> str:
    """The start of the temporary names for the output ``name``: ``.name.`` (shortened to fit)."""
    while len(os.fsencode(name)) > _NAME_BYTES:  # whole characters: a name stays valid UTF-8
        name = name[: len(name) - 1]
    return f".{name}."


def prefix(lead_text: str) -> str:
    """``lead_text`` followed by this process's owner mark: ``lead + 'tag-pid.'``."""
    return f"{lead_text}{tag()}-{os.getpid()}."


def clean_stale(folder: Path, lead_text: str, *, suffix: str = SUFFIX) -> None:
    """Remove temporary files or folders in ``folder`` a dead writer left (best effort).

    Only entries whose names start with ``lead_text`` and end with ``suffix``
    are considered; anything that cannot be removed is left as it is.
    """
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(lead_text)]
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(suffix) and _stale(entry, entry.name[len(lead_text) :]):
            _remove(entry)


def _stale(entry: os.DirEntry[str], rest: str) -> bool:
    owner = _OWNER.match(rest)
    if owner is not None and owner["tag"] == tag():
        return not alive(int(owner["pid"]))
    try:
        age = time.time() - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    return age > FOREIGN_AGE_S


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists (on this machine, in this namespace)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    except OSError:
        return True  # cannot tell: keep the file
    return True


def _remove(entry: os.DirEntry[str]) -> None:
    with contextlib.suppress(OSError):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)


def scratch_dir(name: str) -> tempfile.TemporaryDirectory[str]:
    """A private scratch folder in the system's temporary folder, cleaned when done,
    and cleaned by a later run if this process is killed first."""
    root = Path(tempfile.gettempdir())
    lead_text = f"compile-book-{name}-"
    clean_stale(root, lead_text)
    return tempfile.TemporaryDirectory(prefix=prefix(lead_text), suffix=SUFFIX, dir=root)
