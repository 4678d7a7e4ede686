"""Running Typst on the cover template: JSON data and the cover image in, PDF bytes out.

The same discipline as the interior (:mod:`compile_book.writers.pdf.typeset`):
bundled fonts only, never the machine's; the timestamp from
:func:`~compile_book.output.build_time`; a root of its own holding nothing but
the image the data names, because typst-py reads in-memory files as UTF-8 and
an image cannot travel that way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from importlib import resources
from typing import Any

from ..pdf.typeset import run_typst

TEMPLATE = "cover.typ"


def typeset(data: dict[str, Any], images: Mapping[str, bytes], when: datetime) -> bytes:
    """One Typst run of the cover template over `data`, with `images` beside it.

    Through the book's Typst child (:func:`..pdf.typeset.run_typst`), so Ctrl-C
    stops a cover as promptly as a book.
    """
    template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
    return run_typst(template, data, when, images)
