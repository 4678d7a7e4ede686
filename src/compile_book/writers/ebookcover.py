"""A typographic ebook cover for a book that has no cover art.

A book without a cover shows as a blank or a generic icon in every library
and store listing; this sets the title, subtitle, series and authors on a
plain ground (``templates/ebook-cover.typ``), rendered by Typst as a
1600 x 2560 PNG (the size the stores ask for), so the ebook is at least
recognisable. It is a stand-in: the build warns (``NO_COVER``) that a store
needs a real cover. Words go to Typst as data, never as markup; the image is
byte-identical from build to build (the fonts are the bundled ones).

Why in this process, not in the Typst child the book goes through: the child
is there so that Ctrl-C stops a long book at once, and a cover takes a tenth of
a second; starting the child would cost a one-file ebook three times that. The
PNG is stored as Typst wrote it: an opaque page (every pixel's alpha full), which
readers show as they show RGB, and decoding it to encode it again cost more than
the rendering.

Why a cache on disk (:mod:`compile_book.diskcache`): the render and the Typst and
font machinery it loads were a third of a short story's build, and the cover is
the same for the same words, template, fonts and Typst; a hit loads none of them.
"""

from __future__ import annotations

import importlib.util
import json
import os
from importlib import resources
from typing import Any

from .. import __version__, diskcache
from ..errors import BackendError
from ..locale import get_locale
from ..nodes import Metadata
from ..output import build_time

TEMPLATE = "ebook-cover.typ"
#: The cover in pixels: the page is 800 x 1280 pt, rendered at 144 ppi.
SIZE = (1600, 2560)
PPI = 144.0
#: Warm paper, near-black ink, a muted rule: readable in colour and in greyscale.
COLORS = {"background": "#f3ede2", "text": "#1d1b19", "rule": "#8a6f4e"}


#: The font packages the cover can draw on (a subset of the PDF writer's, see
#: ``writers.pdf.fonts``): found, not imported, to tell when a font changed.
FONT_PACKAGES = ("fontpkg_eb_garamond", "manimgx_fonts", "manimgx_fonts_cjk")
FACE = "EB Garamond"


def cover_words(meta: Metadata) -> dict[str, Any]:
    """The words and colours of the cover as the template reads them (fonts apart)."""
    locale = get_locale(meta.language)
    series = None
    if meta.series is not None:
        series = meta.series.name
        if meta.series.number is not None:
            series = f"{series} · {meta.series.number:g}"
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": locale.join_names(meta.authors),
        "series": series,
        "lang": locale.language,
        "region": locale.region,
        "colors": COLORS,
    }


def cover_data(meta: Metadata) -> dict[str, Any]:
    """Everything the template reads: the words and the fonts to set them in."""
    from .pdf.fonts import font_list

    return {**cover_words(meta), "fonts": font_list(FACE)}


def typographic_cover(meta: Metadata) -> bytes:
    """The cover as PNG bytes, 1600 x 2560 pixels."""
    words = cover_words(meta)
    return _render(tuple(sorted((k, repr(v)) for k, v in words.items())), meta)


def _render(key: tuple[tuple[str, str], ...], meta: Metadata) -> bytes:
    # Why a cache in memory too: the tests and `--watch` build one book many times.
    found = _CACHE.get(key)
    if found is None:
        template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
        name = _disk_key(template, key)
        found = diskcache.get("covers", name)
        if found is None or not found.startswith(PNG_SIGNATURE):
            found = _render_png(template, cover_data(meta))
            diskcache.put("covers", name, found)
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = found
    return found


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _disk_key(template: bytes, words: tuple[tuple[str, str], ...]) -> str:
    """The on-disk name of a cover: every input of the render. The fonts and Typst
    are known by their files (path, size and time of each) rather than by loading
    them, which is what the cache saves."""
    return diskcache.key(
        f"ebook-cover {__version__} {SIZE} {PPI}".encode(),
        template,
        json.dumps(words, ensure_ascii=False).encode("utf-8"),
        _files_identity((*FONT_PACKAGES, "typst")).encode("utf-8"),
    )


def _files_identity(packages: tuple[str, ...]) -> str:
    """Each installed package's files, by path, size and modification time."""
    found = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        for root, _dirs, files in sorted(os.walk(os.path.dirname(spec.origin))):
            for file in sorted(files):
                if file.endswith((".ttf", ".otf", ".ttc", ".so", ".pyd", ".py")):
                    st = os.stat(os.path.join(root, file))
                    found.append(f"{root}/{file}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(found)


_CACHE: dict[tuple[tuple[str, str], ...], bytes] = {}
_CACHE_SIZE = 8


def _render_png(template: bytes, data: dict[str, Any]) -> bytes:
    """Typst's PNG of the cover page, rendered here, reading nothing but its data."""
    import tempfile

    import typst

    from .pdf.fonts import font_paths
    from .pdf.runner import one_line
    from .pdf.typst_child import DATA_FILE, MAIN_FILE

    files = {
        MAIN_FILE: template,
        DATA_FILE: json.dumps(data, ensure_ascii=False).encode("utf-8"),
    }
    # typst-py takes an in-memory file set (path -> bytes), which its stubs do not declare.
    compile_: Any = typst.compile
    with tempfile.TemporaryDirectory(prefix="compile-book-cover-") as root:
        try:
            png = compile_(
                files,
                root=root,  # empty: the template can read nothing else
                font_paths=list(font_paths()),
                ignore_system_fonts=True,
                timestamp=int(build_time().timestamp()),
                format="png",
                ppi=PPI,
            )
        except typst.TypstError as exc:
            raise BackendError(f"Typst could not set the cover ({one_line(str(exc))})") from None
    if not isinstance(png, bytes):
        raise BackendError("Typst returned no cover image")
    return png
