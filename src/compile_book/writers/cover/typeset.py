"""Running Typst on the cover template: JSON data and the cover image in, PDF bytes out.

The same discipline as the interior (:mod:`compile_book.writers.pdf.typeset`):
bundled fonts only, never the machine's; the timestamp from
:func:`~compile_book.output.build_time`; a root of its own holding nothing but
the image the data names, because typst-py reads in-memory files as UTF-8 and
an image cannot travel that way.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import typst

from ...errors import BackendError
from ..pdf.fonts import font_paths

TEMPLATE = "cover.typ"
DATA_FILE = "cover.json"
MAIN_FILE = "main.typ"

# typst-py takes an in-memory file set (path -> bytes), which its stubs do not declare.
_compile: Any = typst.compile


def typeset(data: dict[str, Any], images: Mapping[str, bytes], when: datetime) -> bytes:
    """One Typst run of the cover template over `data`, with `images` beside it."""
    template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with tempfile.TemporaryDirectory(prefix="compile-book-cover-") as root:
        for name, image in images.items():
            (Path(root) / name).write_bytes(image)
        try:
            result = _compile(
                {MAIN_FILE: template, DATA_FILE: payload},
                root=root,
                font_paths=font_paths(),
                ignore_system_fonts=True,
                format="pdf",
                timestamp=int(when.timestamp()),
            )
        except typst.TypstError as exc:
            message = getattr(exc, "message", None) or (exc.args[0] if exc.args else "")
            raise BackendError(f"Typst failed on the cover: {_one_line(str(message))}") from None
        except RuntimeError as exc:
            raise BackendError(f"Typst failed on the cover: {_one_line(str(exc))}") from None
    if not isinstance(result, bytes):
        raise BackendError("Typst returned no PDF for the cover")
    return result


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"
