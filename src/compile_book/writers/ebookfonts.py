"""The print edition's faces embedded in an ebook (``[epub] embed_fonts = true``).

Off by default: an ebook reader lets its reader choose the font, and most books
should leave it so. A writer who wants the ebook to look like the printed book
turns it on, and gets the theme's faces (or ``[pdf] font`` and
``heading_font``) inside the EPUB, with ``@font-face`` rules, as Vellum does.

Why each step:

* **Which files.** The family's files among the bundled font packages, the
  folder of the writer's own font file or installed family (the same places the
  print edition looks), and the fonts built into Typst (the plain theme's
  Libertinus Serif has no file of its own).
* **Only what the licence allows.** The writer's own font was already refused
  when its licence bits forbid embedding (:mod:`.pdf.userfont`); any other face
  of the family with such bits (OS/2 ``fsType``: restricted licence, bitmap only)
  is left out.
* **Static faces.** The bundled faces are variable fonts, which many ebook
  readers cannot set; each is instanced (fontTools) at regular and bold, upright
  and italic, the four styles the stylesheet asks for.
* **Subset.** Each face keeps only the characters the book's documents show
  (and their other case, for upper-case and small-caps heads), with all their
  OpenType features: a few tens of kilobytes instead of a megabyte.
* **Deterministic.** No time stamp is written into a font; faces are in a
  fixed order, so two builds are byte-identical.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..fontfiles import FONT_SUFFIXES, open_font
from ..record import record

if TYPE_CHECKING:
    from ..config import BookConfig
    from .common import EbookOptions

__all__ = [
    "FontFile",
    "book_fonts",
    "chosen_faces",
    "embedded_fonts",
    "family_rules",
    "font_face_rules",
]

# OS/2 fsType bits (OpenType spec): 0x0002 restricted licence, 0x0200 bitmap only.
_FORBIDDEN = 0x0002 | 0x0200
#: The styles the stylesheet sets text in: (weight, italic).
_STYLES = ((400, False), (700, False), (400, True), (700, True))
#: Where the fonts go in the package, beside the stylesheet's folder.
FONTS_FOLDER = "fonts/"
#: Quoted strings of the stylesheet's ``content:`` rules (characters it draws itself).
_CONTENT_RE = re.compile(r"""content\s*:\s*(["'])(.*?)\1""")


@record
class FontFile:
    """A font as the package stores it: manifest id, href, media type, bytes, and the
    family, weight and style its ``@font-face`` rule names."""

    uid: str
    href: str
    media_type: str
    data: bytes
    family: str
    weight: int
    italic: bool


def chosen_faces(config: BookConfig) -> tuple[str | None, str | None]:
    """The body and heading families an ebook embeds: the print edition's, as the
    theme or ``[pdf]`` sets them (None, None when ``embed_fonts`` is off)."""
    from ..themes import get_theme

    if not config.epub.embed_fonts:
        return None, None
    theme = get_theme(config.theme)
    explicit = config.pdf.model_fields_set
    body = config.pdf.font if "font" in explicit else theme.font
    heading = config.pdf.heading_font if "heading_font" in explicit else theme.heading_font
    return body, heading


def family_rules(body: str | None, heading: str | None) -> str:
    """The rules that set the text and the heads in the embedded faces (placed after
    the theme's rules and before the writer's own stylesheet, which may change them)."""
    rules = []
    if body:
        rules.append(f"body {{ font-family: {_css_string(body)}, serif; }}")
    if heading:
        rules.append(
            "section > header h1, section > header h2 "
            f"{{ font-family: {_css_string(heading)}, serif; }}"
        )
    return "".join(f"\n/* embedded fonts */\n{rule}\n" for rule in rules)


def font_face_rules(fonts: Sequence[FontFile], css_href: str) -> str:
    """One ``@font-face`` rule a font file, its URL relative to the stylesheet."""
    up = "../" * css_href.count("/")
    return "".join(
        "\n@font-face {\n"
        f"\tfont-family: {_css_string(font.family)};\n"
        f"\tfont-weight: {'bold' if font.weight >= 600 else 'normal'};\n"
        f"\tfont-style: {'italic' if font.italic else 'normal'};\n"
        f'\tsrc: url("{up}{font.href}");\n'
        "}\n"
        for font in fonts
    )


def _css_string(text: str) -> str:
    """A family name as a CSS string (quotes, backslashes and line ends escaped)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\A ").replace("\r", "\\D ") + '"'


def book_characters(documents: Iterable[bytes], css: str) -> str:
    """Every character the documents show, the stylesheet's own (``content``), and the
    other case of each (heads set in capitals or small capitals)."""
    seen: set[str] = set()
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for content in documents:
        root = etree.fromstring(content, parser)
        for text in root.itertext():
            seen.update(str(text))
    for match in _CONTENT_RE.finditer(css):
        seen.update(match.group(2))
    text = "".join(sorted(seen))
    return "".join(sorted(set(text) | set(text.upper()) | set(text.lower()) | {" "}))


def book_fonts(options: EbookOptions, documents: Iterable[bytes], css: str) -> tuple[FontFile, ...]:
    """The fonts an ebook embeds (none unless ``[epub] embed_fonts`` is on), subset to
    what its `documents` and stylesheet show."""
    if not options.embed_families:
        return ()
    characters = book_characters(documents, css)
    folders = options.font_folders
    return embedded_fonts(options.embed_families, folders, characters, _stamp(folders))


def _stamp(folders: Sequence[str]) -> tuple[tuple[str, int, int], ...]:
    """The writer's font files, sizes and times: a font changed under ``--watch`` is
    embedded anew, not taken from the cache."""
    found = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.name.casefold().endswith(FONT_SUFFIXES):
                st = path.stat()
                found.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(found)


# Why a cache: a release writes the EPUB, the kepub and the Kindle file of one book,
# which show the same characters; the faces are made once (seconds each).
@functools.lru_cache(maxsize=4)
def embedded_fonts(
    families: tuple[str, ...],
    folders: tuple[str, ...],
    characters: str,
    stamp: tuple[tuple[str, int, int], ...] = (),
) -> tuple[FontFile, ...]:
    """The faces of `families`, each subset to `characters`, in the package's order
    (``stamp``, the state of the writer's font files, is only the cache's key)."""
    out: list[FontFile] = []
    subsets: dict[_Source, bytes] = {}  # a variable font is subset once for both weights
    for family in dict.fromkeys(families):  # the body face may also be the heads'
        sources = _sources(family, folders)
        for weight, italic in _STYLES:
            source = _best(sources, weight, italic)
            if source is None:
                continue
            if source not in subsets:
                subsets[source] = _subset(source.data, characters)
            data = _static(subsets[source], source, weight)
            n = len(out) + 1
            suffix, media = (".otf", "font/otf") if data[:4] == b"OTTO" else (".ttf", "font/ttf")
            href = f"{FONTS_FOLDER}font-{n}{suffix}"
            out.append(FontFile(f"font-{n}", href, media, data, family, weight, italic))
    return tuple(out)


def _best(sources: Sequence[_Source], weight: int, italic: bool) -> _Source | None:
    """The font that sets `weight` in that style: a variable one whose range holds it,
    else the static one nearest it, within 150 (a Medium stands for a Regular)."""
    distance = {
        source: 0.0 if low <= weight <= high else min(abs(low - weight), abs(high - weight))
        for source in sources
        if source.italic == italic
        for low, high in (source.weights,)
    }
    near = [source for source, d in distance.items() if d <= 150]
    return min(near, key=lambda source: distance[source], default=None)


@record
class _Source:
    """One font of a family: its bytes, whether it is italic, its weight range."""

    data: bytes
    italic: bool
    weights: tuple[float, float]


def _sources(family: str, folders: Sequence[str]) -> list[_Source]:
    """The family's fonts that may be embedded, one for each style and weight, from
    the bundled packages, the writer's folders and Typst's own fonts."""
    from ..builtinfonts import builtin_fonts
    from .pdf.fonts import font_paths  # the bundled packages' folders

    want = family.casefold()
    blobs: list[bytes] = []
    for folder in (*folders, *font_paths()):
        for path in sorted(Path(folder).rglob("*")):
            if path.name.casefold().endswith(FONT_SUFFIXES) and _family(open_font(path)) == want:
                blobs.append(path.read_bytes())
    if not blobs:
        blobs = [blob for blob in builtin_fonts() if _family(_open(blob)) == want]
    found: dict[tuple[bool, tuple[float, float]], _Source] = {}
    for blob in blobs:
        font = _open(blob)
        os2 = font["OS/2"]
        if int(getattr(os2, "fsType", 0)) & _FORBIDDEN:
            continue
        italic = bool(os2.fsSelection & 1)
        weights = _weights(font)
        found.setdefault((italic, weights), _Source(blob, italic, weights))
    return [found[key] for key in sorted(found)]


def _open(blob: bytes) -> Any:
    """A font from its bytes, read lazily (of a collection, its first face)."""
    from fontTools.ttLib import TTCollection, TTFont

    if blob[:4] == b"ttcf":
        return TTCollection(io.BytesIO(blob), lazy=True).fonts[0]
    return TTFont(io.BytesIO(blob), lazy=True)


def _family(font: Any) -> str:
    """The typographic family (name 16), else the family (name 1), case as written."""
    name = font["name"]
    return str(name.getDebugName(16) or name.getDebugName(1) or "").casefold()


def _weights(font: Any) -> tuple[float, float]:
    """The weights a font can set: its ``wght`` axis, or its one weight."""
    if "fvar" in font:
        for axis in font["fvar"].axes:
            if axis.axisTag == "wght":
                return (axis.minValue, axis.maxValue)
    weight = float(font["OS/2"].usWeightClass)
    return (weight, weight)


#: OpenType features kept beyond fontTools' defaults (kerning, ligatures, marks…): those
#: the stylesheet asks for (small caps) and the figure styles a reader may choose.
_FEATURES = ("smcp", "c2sc", "onum", "lnum", "pnum", "tnum", "case")


def _subset(data: bytes, characters: str) -> bytes:
    """The font in `data` with only the glyphs `characters` need (and their features')."""
    from fontTools import subset

    font = _open(data)
    options = subset.Options(name_IDs=["*"], notdef_outline=True)
    options.layout_features += list(_FEATURES)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    return _saved(font)


def _static(data: bytes, source: _Source, weight: int) -> bytes:
    """The subset font `data` as a static font at `weight` when it is variable (its
    other axes at their defaults): a face every reader can set."""
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(io.BytesIO(data))  # read whole: the instancer rewrites every table
    if "fvar" not in font:
        return data
    axes = {axis.axisTag: axis.defaultValue for axis in font["fvar"].axes}
    axes["wght"] = min(max(weight, source.weights[0]), source.weights[1])
    return _saved(instancer.instantiateVariableFont(font, axes, inplace=True))


def _saved(font: Any) -> bytes:
    """A font's file, without the time stamp fontTools would write (builds repeat)."""
    font.recalcTimestamp = False
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
