"""The PDF backend: the document tree typeset by Typst into a print-ready interior.

The book goes to Typst as *data*: the tree is turned into a lean JSON shape
(:func:`book_data`), passed in the in-memory file set beside a static
template (``templates/book.typ``), and walked there node by node. Prose is
never spliced into Typst markup, so a manuscript containing ``#read(...)``,
``$``, ``*`` or ``]`` prints those characters literally.

Fonts come from pip alone: EB Garamond from its PyPI font package, then
Typst's built-in Libertinus Serif; system fonts are never consulted, so the
output does not depend on the machine. Dates come from
:func:`~compile_book.output.build_time` (``SOURCE_DATE_EPOCH``), so two builds
of the same input are byte-identical.

The inside margin (gutter) is KDP's minimum for the page count plus a
quarter inch, and never narrower than the outside margin, unless
``[pdf] gutter`` is set (then it is used as given). The page count is
estimated from the word count first; after typesetting, the real count is
read back and the book is set again only if it falls in another gutter
bracket. Hanging punctuation is turned off when it could reach into KDP's
minimum inside margin (only possible with a tight explicit gutter).
"""

from __future__ import annotations

import functools
import json
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any, assert_never

import typst

from .. import nodes
from ..config import BookConfig, PdfConfig
from ..errors import BackendError, ConfigError
from ..output import atomic_output, build_time

TEMPLATE = "book.typ"
DATA_FILE = "book.json"
MAIN_FILE = "main.typ"

# Tried in order after the configured font; the last ships inside Typst itself.
FONT_FALLBACK = ("EB Garamond", "Libertinus Serif")

# Trim sizes in points (width, height); KDP's US trims plus ISO A5.
TRIM_SIZES: dict[str, tuple[float, float]] = {
    "5x8": (360.0, 576.0),
    "5.25x8": (378.0, 576.0),
    "5.5x8.5": (396.0, 612.0),
    "6x9": (432.0, 648.0),
    "a5": (148 * 72 / 25.4, 210 * 72 / 25.4),
}

# KDP paperback inside margins by page count: (last page of the bracket, gutter in inches).
# Why: below 24 pages KDP prints nothing at all, so the first bracket covers them too.
GUTTER_BRACKETS: tuple[tuple[int, float], ...] = (
    (150, 0.375),
    (300, 0.5),
    (500, 0.625),
    (700, 0.75),
)
GUTTER_MAX = 0.875
# Why: KDP's table is a bare minimum; a quarter inch more keeps the text out of
# the curve of the binding, as trade paperbacks set it.
GUTTER_EXTRA = 0.25
# How far punctuation may hang into a margin, in em: Typst hangs an opening
# quote by up to its whole width (about 0.45 em in EB Garamond).
HANG_EM = 0.5

_POINTS_PER_UNIT = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54}
_LENGTH = re.compile(r"^(\d+(?:\.\d+)?)(in|mm|cm|pt)$")

# Why: a line must never start with an em dash; a word joiner glues it to the word before.
_EM_DASH = re.compile("(?<!\u2060)\u2014")
WORD_JOINER = "\u2060"

# Why: words measured on this template at 11.5 pt on a 5.5x8.5 in page with the
# default margins (a text block of about 315 x 504 pt): about 310 words a page.
# Scaled by text area over the square of the font size (and by the line
# pitch) for other settings.
_WORDS_PER_AREA = 310 / (315 * 504 / 11.5**2)

# Why: a fleuron at 1.15 em carries about the colour of a line of text. EB
# Garamond has ❦ ❧ ☙ ⁎ ◆ but no asterism: ⁂ comes from Libertinus, which
# draws it small and light, so it is set larger. Values: (font, size in em).
ORNAMENT_SIZE = 1.15
_ORNAMENTS: dict[str, tuple[str | None, float]] = {"⁂": ("Libertinus Serif", 1.6)}

_TOC_TITLE = {"de": "Inhalt", "fr": "Table des matières", "es": "Índice", "it": "Indice"}


@dataclass(frozen=True, slots=True)
class PdfStats:
    """What a build measured: pages, the gutter used, and how many Typst runs it took."""

    pages: int
    gutter_in: float
    runs: int


def write_pdf(book: nodes.Book, out: Path, config: BookConfig) -> None:
    """Typeset `book` to a print-ready PDF at `out`, atomically."""
    pdf, _ = render_pdf(book, config)
    with atomic_output(out) as tmp:
        tmp.write_bytes(pdf)


def render_pdf(book: nodes.Book, config: BookConfig) -> tuple[bytes, PdfStats]:
    """Typeset `book` and return the PDF bytes with what the build measured."""
    pdf_cfg = config.pdf
    when = build_time()
    data = book_data(book, config, when=when)
    template = resources.files("compile_book").joinpath("templates", TEMPLATE).read_bytes()
    outside = to_points(pdf_cfg.outside) / 72
    fixed = to_points(pdf_cfg.gutter) / 72 if pdf_cfg.gutter is not None else None
    hang = HANG_EM * pdf_cfg.font_size / 72

    def margins(pages: int) -> tuple[float, bool]:
        # The inside margin in inches, and whether punctuation may hang into it.
        inside = fixed if fixed is not None else inside_margin(pages, outside)
        return inside, inside - hang >= gutter_for_pages(pages)

    chosen = margins(estimate_pages(book, pdf_cfg))
    pdf = _typeset(template, data, chosen, when)
    pages = count_pages(pdf)
    runs = 1
    if margins(pages) != chosen:
        # The estimate fell in the wrong bracket: set again with the right gutter.
        chosen = margins(pages)
        pdf = _typeset(template, data, chosen, when)
        pages = count_pages(pdf)
        runs = 2
    return pdf, PdfStats(pages, chosen[0], runs)


def _typeset(
    template: bytes, data: dict[str, Any], margin: tuple[float, bool], when: datetime
) -> bytes:
    data["layout"]["gutter"] = margin[0] * 72
    data["layout"]["overhang"] = margin[1]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # An empty root: the template reads nothing from disk but its own data.
    with tempfile.TemporaryDirectory(prefix="compile-book-typst-") as root:
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
            raise BackendError(f"Typst failed: {_one_line(str(message))}") from None
        except RuntimeError as exc:
            raise BackendError(f"Typst failed: {_one_line(str(exc))}") from None
    if not isinstance(result, bytes):
        raise BackendError("Typst returned no PDF")
    return result


# typst-py takes an in-memory file set (a dict of path -> bytes) as input,
# which its type stubs do not declare.
_compile: Any = typst.compile


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "unknown error"


# --------------------------------------------------------------------------- fonts


@functools.cache
def font_paths() -> tuple[str, ...]:
    """Folders with the bundled book fonts (EB Garamond from its PyPI package)."""
    try:
        import fontpkg_eb_garamond
    except ImportError:  # pragma: no cover - a dependency; Libertinus still works
        return ()
    return (str(Path(fontpkg_eb_garamond.ROOT) / "files"),)


@functools.cache
def available_families() -> frozenset[str]:
    """Font families Typst can use here: the bundled fonts and Typst's own."""
    fonts = typst.Fonts(include_system_fonts=False, font_paths=list(font_paths()))
    return frozenset(name.casefold() for name in fonts.families())


def font_list(wanted: str) -> list[str]:
    """The configured font first if it exists, then the fallback list."""
    families = available_families()
    out: list[str] = []
    for name in (wanted, *FONT_FALLBACK):
        if name.casefold() in families and name.casefold() not in (x.casefold() for x in out):
            out.append(name)
    return out or [FONT_FALLBACK[-1]]


# --------------------------------------------------------------------------- sizes


def to_points(length: str) -> float:
    """A ``book.toml`` length (``0.75in``, ``18mm``, ``11pt``) in PostScript points."""
    match = _LENGTH.match(length)
    if not match:
        raise ConfigError(f"pdf: {length!r} is not a length like 0.75in, 18mm or 11pt")
    return float(match.group(1)) * _POINTS_PER_UNIT[match.group(2)]


def page_size(cfg: PdfConfig) -> tuple[float, float]:
    """The trim size in points."""
    if cfg.trim == "custom":
        if cfg.width is None or cfg.height is None:
            raise ConfigError("pdf.width and pdf.height are required when pdf.trim = 'custom'")
        return to_points(cfg.width), to_points(cfg.height)
    return TRIM_SIZES[cfg.trim]


def gutter_for_pages(pages: int) -> float:
    """KDP's minimum inside margin, in inches, for a book of `pages` pages."""
    for last, inches in GUTTER_BRACKETS:
        if pages <= last:
            return inches
    return GUTTER_MAX


def inside_margin(pages: int, outside: float) -> float:
    """The default inside margin in inches: KDP's minimum plus a quarter inch,
    and never narrower than the `outside` margin."""
    return max(gutter_for_pages(pages) + GUTTER_EXTRA, outside)


def word_count(book: nodes.Book) -> int:
    """Words of body prose (paragraphs only)."""
    total = 0
    for chapter in book.chapters:
        for block in chapter.blocks:
            if isinstance(block, nodes.Paragraph):
                total += len(nodes.plain_text(block.inlines).split())
    return total


def estimate_pages(book: nodes.Book, cfg: PdfConfig) -> int:
    """A page count good enough to choose the gutter before typesetting."""
    width, height = page_size(cfg)
    outside = to_points(cfg.outside)
    inside = to_points(cfg.gutter) if cfg.gutter else max(outside, (0.375 + GUTTER_EXTRA) * 72)
    area = (width - outside - inside) * (height - to_points(cfg.top) - to_points(cfg.bottom))
    # Lines are 0.7 em (the line box) plus the leading apart; 1.32 em by default.
    pitch = (0.7 + cfg.leading) / 1.32
    per_page = max(50.0, _WORDS_PER_AREA * area / (cfg.font_size**2 * pitch))
    chapters = sum(1 for _ in book.chapters)
    parts = sum(1 for p in book.parts if p.heading is not None)
    front = 8 if cfg.toc else 6
    # Each chapter loses about half a page to its sunk head and its last page;
    # with recto starts, half of them also leave a blank verso behind.
    per_chapter = 0.5 + (0.5 if cfg.chapter_start == "recto" else 0.0)
    return int(front + word_count(book) / per_page + chapters * per_chapter + parts * 2)


_PAGE_COUNT = re.compile(
    rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b"
)


def count_pages(pdf: bytes) -> int:
    """Pages in a PDF Typst wrote (its page tree root is a plain object)."""
    counts = [int(a or b) for a, b in _PAGE_COUNT.findall(pdf)]
    if not counts:
        raise BackendError("cannot read the page count of the PDF Typst wrote")
    return max(counts)


# --------------------------------------------------------------------------- data


def book_data(book: nodes.Book, config: BookConfig, *, when: datetime) -> dict[str, Any]:
    """The tree and its layout as the JSON the template reads."""
    cfg = config.pdf
    width, height = page_size(cfg)
    top, bottom = to_points(cfg.top), to_points(cfg.bottom)
    text_height = height - top - bottom
    has_parts = any(p.heading is not None for p in book.parts)
    entries = sum(1 for _ in book.chapters) + sum(1 for p in book.parts if p.heading is not None)
    parts = []
    for part in book.parts:
        # Contents and outline name chapters as the EPUB does: a headingless
        # lone chapter by the book's title, never by an invented "Chapter 1".
        chapters = [_chapter(c, nodes.chapter_label(book, c), cfg) for c in part.chapters]
        parts.append(
            {
                "heading": _heading(part.heading),
                "toc": nodes.heading_text(part.heading),
                "chapters": chapters,
            }
        )
    lang, _, rest = book.meta.language.partition("-")
    region = next((s for s in rest.split("-") if len(s) == 2 and s.isalpha()), None)
    return {
        "meta": _meta(book.meta, lang.lower(), region, when),
        "layout": {
            "width": width,
            "height": height,
            "gutter": 0.5 * 72,  # set per run by render_pdf
            "overhang": True,
            "outside": to_points(cfg.outside),
            "top": top,
            "bottom": bottom,
            "fonts": font_list(cfg.font),
            "size": cfg.font_size,
            "leading": cfg.leading,
            "indent": 1.2,
            # Why: a little above EB Garamond's and Libertinus's cap height (0.65 em),
            # so the fixed line box clears capitals and accents alike.
            "top-edge": 0.7,
            "drop-lines": 3,
            "drop-cap-min-lines": 2,
            # Why: a sunk head starts about a fifth of the way down the text block.
            "sink": round(text_height * 0.2, 2),
            "part-sink": round(text_height * 0.3, 2),
            "after-head": round(cfg.font_size * 3.2, 2),
            "chapter-start": cfg.chapter_start,
            "drop-cap": cfg.drop_cap,
            # A contents page with a single entry says nothing: it is left out.
            "toc": cfg.toc and entries >= 2,
            "toc-title": _TOC_TITLE.get(lang.lower(), "Contents"),
            "half-title": cfg.half_title,
            "scene-break": cfg.scene_break,
            "ornament-font": _ORNAMENTS.get(cfg.scene_break, (None, 0))[0],
            "ornament-size": _ORNAMENTS.get(cfg.scene_break, (None, ORNAMENT_SIZE))[1],
            "head-verso": cfg.running_head_verso,
            "head-recto": cfg.running_head_recto,
            "page-numbers": cfg.page_numbers,
            "front-numbers": cfg.front_matter_numbers,
            "telepathy": cfg.telepathy or config.telepathy.style,
            "has-parts": has_parts,
        },
        "parts": parts,
    }


def _meta(meta: nodes.Metadata, lang: str, region: str | None, when: datetime) -> dict[str, Any]:
    authors = list(meta.authors)
    if len(authors) > 2:
        author_line = ", ".join(authors[:-1]) + " and " + authors[-1]
    else:
        author_line = " and ".join(authors)
    year = (meta.date or "")[:4] or str(when.year)
    copyright_lines: list[str] = []
    # Why: a bare "Copyright © 2026" names no holder; print the rights line only
    # when there is one to name.
    if meta.rights:
        copyright_lines.append(meta.rights)
    elif author_line:
        copyright_lines.append(f"Copyright © {year} {author_line}")
    if meta.edition:
        copyright_lines.append(meta.edition)
    if meta.isbn:
        copyright_lines.append(f"ISBN {meta.isbn}")
    if meta.publisher:
        copyright_lines.append(f"Published by {meta.publisher}")
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": authors,
        "author-line": author_line or meta.title,
        "description": meta.description,
        "publisher": meta.publisher,
        "copyright": copyright_lines,
        "dedication": meta.dedication,
        "epigraph": meta.epigraph,
        "epigraph-source": meta.epigraph_source,
        "lang": lang,
        "region": region,
        "date": {
            "year": when.year,
            "month": when.month,
            "day": when.day,
            "hour": when.hour,
            "minute": when.minute,
            "second": when.second,
        },
    }


def _heading(heading: nodes.Heading | None) -> dict[str, Any] | None:
    if heading is None:
        return None
    return {
        "label": heading.label,
        "number": heading.number_text,
        "title": _inlines(heading.title),
        "subtitle": _inlines(heading.subtitle),
    }


def _chapter(chapter: nodes.Chapter, toc: str, cfg: PdfConfig) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    first = True
    for block in chapter.blocks:
        if isinstance(block, nodes.Paragraph):
            if first:
                blocks.append(_opening(block, cfg))
            else:
                blocks.append({"type": "paragraph", "inlines": _inlines(block.inlines)})
        elif isinstance(block, nodes.SceneBreak):
            blocks.append({"type": "scene-break"})
        else:
            assert_never(block)
        first = False
    # The running head (for running_head_* = "chapter"): the title alone if there is one.
    head = nodes.plain_text(chapter.heading.title) if chapter.heading else ""
    return {
        "heading": _heading(chapter.heading),
        "toc": toc,
        "head": head or toc,
        "blocks": blocks,
    }


# Why: a drop cap takes one letter; punctuation before it (an opening quote, the
# apostrophe of an elision such as ’Tis) is set at text size beside it.
_INITIAL = re.compile(r"^([^\w\s]*)(\w[\u0300-\u036f]*)")

# Why: "Mr." as a cap M with a small-caps "R." reads as broken; openers that
# start with an abbreviated title get the small-caps lead-in without a cap.
_ABBREVIATION = re.compile(
    r"^[^\w\s]*(?:Mr|Mrs|Ms|Mx|Messrs|Dr|St|Mt|Ft|Jr|Sr|Fr|Prof|Rev|Hon|Capt|Col|Gen|Lt"
    r"|Sgt|Cpl|Gov|Sen|Supt|Insp|Mme|Mlle)\.",
)


def _opening(paragraph: nodes.Paragraph, cfg: PdfConfig) -> dict[str, Any]:
    """A chapter's opening paragraph as words: ``words`` is one list of
    ``[text, styles]`` pieces per word (outermost style first), the first
    `small_caps_words` words marked for small caps whatever style they are in;
    with a drop cap, its letter in ``initial`` and any punctuation before the
    letter in ``punct`` (both taken off the first word)."""
    words: list[list[list[Any]]] = []
    joined = True  # the next piece continues the current word
    for text, styles in _pieces(paragraph.inlines, ()):
        text = _EM_DASH.sub(WORD_JOINER + "\u2014", text)
        for i, chunk in enumerate(text.split(" ")):
            if i > 0:
                joined = False
            if not chunk:
                continue
            if joined and words:
                words[-1].append([chunk, list(styles)])
            else:
                words.append([[chunk, list(styles)]])
            joined = True
    out: dict[str, Any] = {"type": "paragraph", "words": words, "inlines": []}
    if not words:
        return out
    first = words[0][0]
    match = _INITIAL.match(first[0])
    if cfg.drop_cap and match is not None and not _ABBREVIATION.match(first[0]):
        out["punct"] = match.group(1)
        out["initial"] = match.group(2)
        first[0] = first[0][match.end() :]
        if not first[0]:
            words[0].pop(0)
            if not words[0]:
                words.pop(0)
    for word in words[: cfg.small_caps_words]:
        for piece in word:
            piece[1].append("smallcaps")
    return out


def _pieces(
    inlines: tuple[nodes.Inline, ...], styles: tuple[str, ...]
) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for node in inlines:
        if isinstance(node, nodes.Text):
            out.append((node.text, styles))
        elif isinstance(node, nodes.Emphasis):
            out.extend(_pieces(node.children, (*styles, "emphasis")))
        elif isinstance(node, nodes.Strong):
            out.extend(_pieces(node.children, (*styles, "strong")))
        elif isinstance(node, nodes.Telepathy):
            out.extend(_pieces(node.children, (*styles, "telepathy")))
        else:
            assert_never(node)
    return out


def _inlines(inlines: tuple[nodes.Inline, ...]) -> list[Any]:
    out: list[Any] = []
    for node in inlines:
        if isinstance(node, nodes.Text):
            text = _EM_DASH.sub(WORD_JOINER + "\u2014", node.text)
            # Adjacent runs become one string: fewer nodes for Typst to walk.
            if out and isinstance(out[-1], str):
                out[-1] += text
            else:
                out.append(text)
        elif isinstance(node, nodes.Emphasis):
            out.append({"type": "emphasis", "children": _inlines(node.children)})
        elif isinstance(node, nodes.Strong):
            out.append({"type": "strong", "children": _inlines(node.children)})
        elif isinstance(node, nodes.Telepathy):
            out.append({"type": "telepathy", "children": _inlines(node.children)})
        else:
            assert_never(node)
    return out
