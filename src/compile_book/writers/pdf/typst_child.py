"""Typst in a process of its own, so that Ctrl-C can stop a compile at once.

Why a child process: Typst runs in Rust inside one call; Python's signal
handlers wait until that call returns, which for a long book took up to 21
seconds after Ctrl-C. A child can simply be killed.

Why one child kept for many compiles (not one per compile): Typst remembers
what it has laid out, and a book compiled again unchanged takes a tenth of
the time; a fresh process every time would forget it (the test suite's PDF
tests ran half again as long). The first compile pays one interpreter start.
It is the same ``typst.compile`` call with the same arguments as before (the
font folders looked through once, :func:`_fonts`), so the PDF is byte-identical.

Started by :mod:`.typeset` as ``python -P typst_child.py`` (``-P``: this
script's folder is not put on ``sys.path``, so a file beside it can never
shadow a module); it imports nothing of compile_book. Each request is one
JSON line on standard input, ``{"scratch": folder, "timestamp": seconds,
"fonts": [folders], "ppi": number?, "query": selector?}`` (``ppi``: a one-page
PNG instead; ``query``: also the value of the one element it selects, as JSON
in ``query.json``):
the child reads ``main.typ`` and ``book.json`` from the scratch folder,
compiles with its ``root`` sub-folder as Typst's root
(the figures are there) and writes ``out.pdf``, or the error message to
``error.txt``; then it answers one line, ``0`` or ``1``. It ends when its
standard input closes, and within a quarter of a second of its parent dying
(even by SIGKILL), so no orphan goes on typesetting.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

MAIN_FILE = "main.typ"
DATA_FILE = "book.json"
ROOT = "root"
OUT = "out.pdf"
QUERY = "query.json"
ERROR = "error.txt"
# How often the child checks that its parent is still there, in seconds.
_PARENT_POLL_S = 0.25


def _parent_guard() -> None:
    """Exit as soon as the parent is gone (the child is then handed to another parent)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _output(request: dict[str, Any]) -> dict[str, Any]:
    """PDF, or with ``ppi`` a PNG of the one page at that resolution (an ebook cover)."""
    if request.get("ppi"):
        return {"format": "png", "ppi": request["ppi"]}
    return {"format": "pdf"}


#: The fonts of each set of font folders, found once (and again when a folder changes):
#: looking through the folders took a few milliseconds of every compile and query.
_FONTS: dict[tuple[tuple[str, int], ...], Any] = {}


def _fonts(folders: list[str]) -> Any:
    """The fonts in `folders` and Typst's own, as ``typst.Fonts`` (system fonts never)."""
    import typst

    key = tuple((folder, _changed(folder)) for folder in folders)
    found = _FONTS.get(key)
    if found is None:
        _FONTS.clear()
        found = _FONTS[key] = typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=True, font_paths=folders
        )
    return found


def _changed(folder: str) -> int:
    try:
        return os.stat(folder).st_mtime_ns
    except OSError:
        return -1


def compile_one(request: dict[str, Any]) -> int:
    """Compile one book as ``request`` says; 0 when ``out.pdf`` was written, else 1."""
    import typst

    folder = Path(request["scratch"])
    fonts = _fonts(request["fonts"])
    files = {
        MAIN_FILE: (folder / MAIN_FILE).read_bytes(),
        DATA_FILE: (folder / DATA_FILE).read_bytes(),
    }
    # typst-py takes an in-memory file set (path -> bytes), which its stubs do not declare.
    compile_: Any = typst.compile
    try:
        result = compile_(
            files,
            root=str(folder / ROOT),
            font_paths=fonts,
            ignore_system_fonts=True,
            timestamp=request["timestamp"],
            # A PNG (one page, at the given resolution) for a generated ebook cover.
            **(
                {"format": "png", "ppi": request["ppi"]}
                if request.get("ppi")
                else {"format": "pdf"}
            ),
        )
    except typst.TypstError as exc:
        message = getattr(exc, "message", None) or (exc.args[0] if exc.args else "")
        (folder / ERROR).write_text(str(message), encoding="utf-8")
        return 1
    except BaseException as exc:  # a Rust panic (a BaseException), a file that vanished
        (folder / ERROR).write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
        return 1
    if not isinstance(result, bytes):
        (folder / ERROR).write_text("Typst returned no PDF", encoding="utf-8")
        return 1
    (folder / OUT).write_bytes(result)
    if request.get("query"):
        # The same sources again: Typst remembers the layout, so this costs little.
        query: Any = typst.query
        try:
            found = query(
                files,
                request["query"],
                field="value",
                one=True,
                root=str(folder / ROOT),
                font_paths=fonts,
                ignore_system_fonts=True,
            )
        except BaseException as exc:
            (folder / ERROR).write_text(f"{type(exc).__name__}: {exc}", encoding="utf-8")
            return 1
        (folder / QUERY).write_text(str(found), encoding="utf-8")
    return 0


def serve() -> None:
    """Answer requests until standard input closes."""
    # A signal stops this process at once: its parent does the cleaning up.
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _parent_guard()
    for line in sys.stdin.buffer:
        status = compile_one(json.loads(line))
        sys.stdout.write(f"{status}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
    # Straight out: the guard thread is still sleeping, and every answer is written.
    os._exit(0)
