"""Writing outputs safely and reproducibly: the one place any command writes a file.

Every output is written to a temporary ``.part`` file beside its destination
and renamed into place only when complete, so a failed or interrupted build
never leaves a half-written EPUB or PDF (and never clobbers the previous good
one); the ``.part`` files a killed build leaves are removed by the next run
(:mod:`compile_book.parts`). Timestamps come from ``SOURCE_DATE_EPOCH`` when it
is set, so two builds of the same input are byte-identical
(reproducible-builds.org).

What a destination may be, decided by :func:`destination` before anything is
written:

* a regular file, or a name not yet taken: replaced (or created) atomically;
* an input of the build (a manuscript, ``book.toml``, the cover, an image, a
  font), by path or by identity (a hard link, a symlink to it): refused, and
  the input is never touched (:func:`protecting` names the inputs);
* a symbolic link: followed, so the file it points to is replaced and the
  link stays; a link that points nowhere, loops, or points to a folder is an
  error;
* a character device or a FIFO (``-o /dev/null``, a named pipe), and anything
  under ``/dev`` or ``/proc`` (``/dev/stdout``, ``/dev/fd/3``): written
  through once the output is complete, never replaced, never created;
* ``-``: standard output (one format at a time, and not a terminal);
* a folder, a disk (block device) or a socket: an error.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, Literal

from . import parts
from .errors import ConfigError, OutputError
from .paths import printable, shown_path
from .record import record

#: The ``-o`` value that means standard output.
STDOUT = "-"
#: The longest file name most file systems take, in bytes.
NAME_MAX = 255
# Why: a ZIP (an EPUB) stores dates from 1980 to 2107 only.
FIRST_DATE = datetime(1980, 1, 1, tzinfo=UTC)
LAST_DATE = datetime(2107, 12, 31, 23, 59, 59, tzinfo=UTC)
_EPOCH = re.compile(r"[0-9]+|-[0-9]+")
# Why: paths the kernel provides; a file is never created or renamed there.
_SYSTEM = ("/proc/", "/sys/")
_DEVICE_FOLDERS = ("/dev", "/dev/fd", "/dev/pts")


#: The time a session of builds shares (:func:`same_time`); None: each build's own.
_SESSION_TIME: contextvars.ContextVar[datetime | None] = contextvars.ContextVar(
    "session_time", default=None
)


@contextlib.contextmanager
def same_time(when: datetime) -> Iterator[None]:
    """Every build inside gets `when` as its time unless ``SOURCE_DATE_EPOCH`` is set.

    Why: ``build --watch`` keeps each piece of a long book's PDF for the next
    rebuild, keyed by the piece's data, and the data holds the document's date;
    a date that moved with every save made every piece look changed, so every
    save set the whole book again."""
    token = _SESSION_TIME.set(when)
    try:
        yield
    finally:
        _SESSION_TIME.reset(token)


def build_time() -> datetime:
    """The build's timestamp: ``SOURCE_DATE_EPOCH`` if set, else the session's
    (:func:`same_time`), else now (UTC, whole seconds).

    A value that is not a whole number of seconds, or a date a ZIP cannot hold
    (before 1980, after 2107), stops the build with a :class:`ConfigError`
    naming the variable. An empty value counts as unset.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        session = _SESSION_TIME.get()
        return session if session is not None else datetime.now(tz=UTC).replace(microsecond=0)
    shown = printable(raw[:40])
    if not _EPOCH.fullmatch(raw) or len(raw) > 20:
        raise ConfigError(
            f"SOURCE_DATE_EPOCH='{shown}' is not a whole number of seconds since 1970; "
            "set it to one (for example $(git log -1 --format=%ct)) or unset it"
        )
    seconds = int(raw)
    if not FIRST_DATE.timestamp() <= seconds <= LAST_DATE.timestamp():
        raise ConfigError(
            f"SOURCE_DATE_EPOCH={shown} is outside 1980-2107, the dates an EPUB (a ZIP) "
            "can hold; set it to a time in that range (for example $(git log -1 --format=%ct))"
        )
    return datetime.fromtimestamp(seconds, tz=UTC)


# ------------------------------------------------------------------ inputs


@dataclass(frozen=True, eq=False)
class Inputs:
    """The files a build reads, each with what it is to the book (``"a manuscript"``).

    A destination is compared by identity (device and inode, after following
    links), which catches the same path, another spelling of it, a symlink
    and a hard link alike. ``later`` are found only when needed, when a destination already exists
    and is none of ``files`` (the images a book shows: finding them walks the
    tree).
    """

    files: Mapping[Path, str] = field(default_factory=dict)
    later: tuple[Callable[[], Mapping[Path, str]], ...] = ()
    _found: list[Mapping[Path, str]] = field(default_factory=list, repr=False)

    def what(self, dest: Path) -> str | None:
        """What ``dest`` is to the build (``"the cover"``), or ``None`` if not an input."""
        try:
            st = os.stat(dest)
        except OSError:
            return None  # a destination that does not exist is no input
        found = _same(st, self.files)
        if found is None and self.later:
            if not self._found:  # found once, however many outputs ask
                self._found.extend(more() for more in self.later)
            found = next(filter(None, (_same(st, more) for more in self._found)), None)
        return found


def _same(st: os.stat_result, files: Mapping[Path, str]) -> str | None:
    for path, what in files.items():
        try:
            other = os.stat(path)
        except OSError:
            continue
        if os.path.samestat(st, other):
            return what
    return None


_PROTECTED: contextvars.ContextVar[Inputs | None] = contextvars.ContextVar(
    "protected", default=None
)


@contextlib.contextmanager
def protecting(inputs: Inputs) -> Iterator[None]:
    """While inside, :func:`atomic_output` refuses to write over any of ``inputs``.

    Why a context and not a parameter: writers keep their one signature
    (``write(book, options, out)``); the build that knows its inputs says so
    around them.
    """
    token = _PROTECTED.set(inputs)
    try:
        yield
    finally:
        _PROTECTED.reset(token)


# ------------------------------------------------------------ destinations

Kind = Literal["file", "stream", "stdout"]


@record
class Destination:
    """Where an output goes: ``path`` after following symlinks, and how it is written."""

    path: Path
    kind: Kind


def is_stdout(path: str | os.PathLike[str]) -> bool:
    """Whether an ``-o`` value means standard output (``-``)."""
    return os.fspath(path) == STDOUT


def check_name(path: Path) -> None:
    """Refuse a path with a name longer than file systems allow, before anything touches it."""
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX:
            short = printable(part[:24])
            raise OutputError(
                f"the name {short}... is {size} bytes long, more than the {NAME_MAX} a "
                "file system allows; choose a shorter name with -o"
            )


def destination(path: Path, inputs: Inputs | None = None) -> Destination:
    """What writing to ``path`` means (see the module docstring), or an :class:`OutputError`.

    Symlinks are followed to their target; ``inputs`` default to the ones
    :func:`protecting` names.
    """
    if is_stdout(path):
        if _isatty(sys.stdout):
            raise OutputError(
                "-o - writes the book to standard output, which is a terminal here; "
                "redirect it (> book.epub) or pipe it"
            )
        return Destination(path, "stdout")
    check_name(path)
    try:
        st = os.stat(path)  # follows every link, as the kernel does (/dev/stdout too)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(
                "a symbolic link that loops; remove it or choose another name", shown_path(path)
            ) from None
        raise _cannot(exc, path) from None
    if st is None:
        if os.path.islink(path):
            raise OutputError(
                f"a symbolic link to {printable(os.readlink(path))}, which does not exist; "
                "create it or remove the link",
                shown_path(path),
            )
        if _system(path):
            raise OutputError("no such device; nothing is ever created here", shown_path(path))
        return Destination(path, "file")
    inputs = inputs if inputs is not None else _PROTECTED.get()
    what = inputs.what(path) if inputs is not None else None
    if what is not None:
        raise OutputError(
            f"this is {what} of the book, which the output would destroy; "
            "choose another output name with -o",
            shown_path(path),
        )
    mode = st.st_mode
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or (_system(path) and stat.S_ISREG(mode)):
        return Destination(path, "stream")  # opened as given: the kernel follows it
    if stat.S_ISREG(mode):
        # The file a symlink (chain) points to is replaced; the link stays.
        return Destination(path.resolve() if path.is_symlink() else path, "file")
    kinds = {stat.S_IFDIR: "a folder", stat.S_IFBLK: "a disk device", stat.S_IFSOCK: "a socket"}
    kind = kinds.get(stat.S_IFMT(mode), "not a file")
    raise OutputError(f"this is {kind}, not a file; choose a file name with -o", shown_path(path))


def is_stream(path: Path) -> bool:
    """Whether an output went to a stream (``-``, a device, a pipe) rather than a file."""
    try:
        return destination(path, Inputs()).kind != "file"
    except OutputError:
        return False


def _system(path: Path) -> bool:
    """Whether ``path`` is the kernel's (devices, ``/dev/fd``, ``/proc``, ``/sys``): written
    through as given, never created or renamed. ``/dev/shm`` is ordinary memory-backed files."""
    full = os.path.abspath(path)
    return full.startswith(_SYSTEM) or os.path.dirname(full) in _DEVICE_FOLDERS


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty()) if callable(isatty) else False


def _cannot(exc: OSError, path: Path) -> OutputError:
    return OutputError(
        f"cannot write ({exc.strerror or exc}); choose another name or folder with -o",
        shown_path(path),
    )


# ------------------------------------------------------------------ writing


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write the output to; on success it becomes ``path``.

    On failure (an exception, Ctrl-C) the temporary file is deleted and
    ``path`` is untouched. A symlink is followed: its target is replaced and
    the link stays. A device, FIFO or ``-`` gets the finished output written
    through. :func:`destination` lists what is refused.
    """
    dest = destination(path)
    if dest.kind != "file":
        with _streamed(dest) as tmp:
            yield tmp
        return
    tmp = _temp_beside(dest.path, path)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest.path)
    except OSError as exc:
        raise _cannot(exc, path) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _temp_beside(real: Path, shown: Path) -> Path:
    """A new empty ``.part`` file in ``real``'s folder (created if needed), for this process."""
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        return _temp_in(real.parent, real.name, 0o666)
    except OSError as exc:
        raise _cannot(exc, shown) from None


def _temp_in(folder: Path, name: str, mode: int) -> Path:
    """A new empty ``.part`` file for ``folder/name``; the ones dead writers left are removed."""
    lead = parts.lead(name)
    parts.clean_stale(folder, lead)
    return _new_file(folder, parts.prefix(lead), mode)


def _new_file(folder: Path, prefix: str, mode: int) -> Path:
    """Create a new empty file ``prefix + random + .part`` (the umask applies to ``mode``)."""
    while True:
        candidate = folder / f"{prefix}{secrets.token_hex(4)}{parts.SUFFIX}"
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate


@contextlib.contextmanager
def _streamed(dest: Destination) -> Iterator[Path]:
    """Build the output in a private temporary file, then copy it into the stream."""
    folder = Path(tempfile.gettempdir())
    lead = "compile-book-stream-"
    parts.clean_stale(folder, lead)
    tmp = _new_file(folder, parts.prefix(lead), 0o600)
    try:
        yield tmp
        with tmp.open("rb") as src:
            if dest.kind == "stdout":
                _copy(src, sys.stdout.buffer)
            else:
                # No O_CREAT: if the device vanished meanwhile, nothing is created.
                fd = os.open(dest.path, os.O_WRONLY | os.O_TRUNC | os.O_NOCTTY)
                with os.fdopen(fd, "wb") as dst:
                    _copy(src, dst)
    except OSError as exc:
        raise _cannot(exc, dest.path) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _copy(src: BinaryIO, dst: BinaryIO) -> None:
    while chunk := src.read(1 << 20):
        dst.write(chunk)
    dst.flush()


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, as outputs are written."""
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def create_files(files: Mapping[Path, bytes | None]) -> list[Path]:
    """Create every file (``bytes``) and folder (``None``): all of them, or none.

    Nothing is ever replaced: an existing file stops it. Each file is first
    written in full to a ``.part`` beside it, then hard-linked into place (an
    atomic create-if-absent); if anything fails (a full disk), what this call
    created is removed again, so a retry finds the folder as it was. Returns
    the files created.
    """
    made_dirs: list[Path] = []
    temps: dict[Path, Path] = {}
    placed: list[Path] = []
    current = Path(".")
    try:
        for current, content in files.items():
            made_dirs += _mkdirs(current if content is None else current.parent)
            if content is not None:
                temps[current] = _temp_in(current.parent, current.name, 0o666)
                temps[current].write_bytes(content)
        for current, tmp in temps.items():
            _place(tmp, current)
            placed.append(current)
    except BaseException as exc:
        for path in (*temps.values(), *placed):
            with contextlib.suppress(OSError):
                path.unlink()
        for folder in reversed(made_dirs):
            with contextlib.suppress(OSError):
                folder.rmdir()
        if isinstance(exc, OSError):
            raise OutputError(
                f"cannot write ({exc.strerror or exc}); nothing was created",
                shown_path(current),
            ) from None
        raise
    for tmp in temps.values():
        with contextlib.suppress(OSError):
            tmp.unlink()
    return placed


def _mkdirs(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    for p in reversed(missing):
        p.mkdir(exist_ok=True)
    return list(reversed(missing))


def _place(tmp: Path, path: Path) -> None:
    """Put ``tmp`` at ``path`` unless ``path`` exists (then :class:`FileExistsError`)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError("already exists; nothing was created", shown_path(path)) from None
    except OSError:  # a file system without hard links: check, then rename
        if os.path.lexists(path):
            raise OutputError("already exists; nothing was created", shown_path(path)) from None
        os.rename(tmp, path)
