"""Themes: a matched print design and ebook stylesheet, chosen with ``theme = "…"``.

A writer picks the look of the book by name, as in Vellum or Atticus, and may
then change single settings. Each theme is one set of values that both editions
read: the PDF template (:mod:`compile_book.writers.pdf.data` passes them in its
layout) and the EPUB stylesheet (a few rules appended to the shared one, so
readers keep their own fonts and sizes: ebook readers let the reader choose).

* ``classic``: literary fiction. EB Garamond, centred small-caps heads, a
  fleuron between scenes, a three-line drop cap and a small-caps lead-in.
* ``modern``: thrillers and crime. Source Serif text, heads in condensed
  upper-case Oswald set flush left, a plain rule of three squares, no drop cap.
* ``romance``: Lora text, heads in Playfair Display italic, a floral ornament,
  a two-line drop cap; elegant without a script face that would be hard to read.
* ``plain``: for writers who send the book to editors and agents. Libertinus
  Serif, plain bold heads, ``#`` between scenes, no drop cap, no lead-in.

A theme's fonts come from PyPI font packages (``fontpkg-*``), so a build never
depends on the fonts a machine happens to have; each sets its text size for
its face (Source Serif and Lora are larger on the body than Garamond at the
same size). Settings in ``[pdf]`` that the writer set explicitly (``font``,
``font_size``, ``heading_font``, ``scene_break``, ``drop_cap``,
``drop_cap_lines``, ``small_caps_words``) win over the theme's.
"""

from __future__ import annotations

from typing import Literal

from .record import record

__all__ = ["DEFAULT_THEME", "THEMES", "Theme", "ThemeName", "get_theme"]

ThemeName = Literal["classic", "modern", "romance", "plain"]


@record
class Theme:
    """One theme's settings (see the module docstring for what each looks like)."""

    name: str
    description: str
    font: str
    font_size: float
    heading_font: str | None
    heading_case: Literal["small-caps", "upper", "italic", "bold"]
    heading_align: Literal["center", "left"]
    scene_break: str
    drop_cap: bool
    drop_cap_lines: int
    small_caps_words: int
    css: str

    def pdf_defaults(self) -> dict[str, object]:
        """The ``[pdf]`` settings this theme gives where book.toml is silent."""
        return {
            "font": self.font,
            "font_size": self.font_size,
            "heading_font": self.heading_font,
            "scene_break": self.scene_break,
            "drop_cap": self.drop_cap,
            "drop_cap_lines": self.drop_cap_lines,
            "small_caps_words": self.small_caps_words,
        }


_MODERN_CSS = """
/* theme: modern */
body { font-family: "Source Serif 4", "Source Serif Pro", Georgia, serif; }
section > header, section > header h1, section > header h2 { text-align: left; }
section > header h1, section > header h2 {
	font-family: Oswald, "Helvetica Neue", Arial, sans-serif;
	text-transform: uppercase;
	letter-spacing: 0.06em;
	font-weight: normal;
}
h1 span.label, h2 span.label, h1 span.number, h2 span.number {
	font-variant: normal;
	text-transform: uppercase;
}
h1 span.title, h2 span.title { font-style: normal; }
span.lead { font-variant: normal; }
"""

_ROMANCE_CSS = """
/* theme: romance */
body { font-family: Lora, Georgia, serif; }
section > header h1, section > header h2 {
	font-family: "Playfair Display", Georgia, serif;
	font-weight: normal;
}
h1 span.title, h2 span.title { font-style: italic; }
"""

_PLAIN_CSS = """
/* theme: plain */
section > header h1, section > header h2 { font-weight: bold; }
h1 span.label, h2 span.label, h1 span.number, h2 span.number {
	font-variant: normal;
	text-transform: none;
	letter-spacing: 0;
}
h1 span.title, h2 span.title { font-style: normal; }
span.lead { font-variant: normal; }
"""

THEMES: dict[str, Theme] = {
    "classic": Theme(
        "classic",
        "Literary: EB Garamond, centred small-caps heads, fleuron, small-caps lead-in",
        font="EB Garamond",
        font_size=11.5,
        heading_font=None,
        heading_case="small-caps",
        heading_align="center",
        scene_break="❦",
        drop_cap=False,
        drop_cap_lines=3,
        small_caps_words=3,
        css="",
    ),
    "modern": Theme(
        "modern",
        "Thriller and crime: Source Serif, flush-left upper-case Oswald heads",
        font="Source Serif 4",
        font_size=10.5,
        heading_font="Oswald",
        heading_case="upper",
        heading_align="left",
        scene_break="■ ■ ■",
        drop_cap=False,
        drop_cap_lines=3,
        small_caps_words=0,
        css=_MODERN_CSS,
    ),
    "romance": Theme(
        "romance",
        "Romance: Lora, Playfair Display italic heads, floral ornament, two-line drop cap",
        font="Lora",
        font_size=10.5,
        heading_font="Playfair Display",
        heading_case="italic",
        heading_align="center",
        scene_break="❧",
        drop_cap=True,
        drop_cap_lines=2,
        small_caps_words=3,
        css=_ROMANCE_CSS,
    ),
    "plain": Theme(
        "plain",
        "Plain: Libertinus Serif, bold heads, # between scenes, no drop cap or lead-in",
        font="Libertinus Serif",
        font_size=11.0,
        heading_font=None,
        heading_case="bold",
        heading_align="center",
        scene_break="#",
        drop_cap=False,
        drop_cap_lines=3,
        small_caps_words=0,
        css=_PLAIN_CSS,
    ),
}

#: The theme a book without ``theme = "…"`` gets. Its print values are also the
#: ``[pdf]`` defaults (:class:`compile_book.pdfconfig.PdfConfig` reads them here), so the
#: two can never disagree.
DEFAULT_THEME = THEMES["classic"]


def get_theme(name: str) -> Theme:
    """The theme called ``name`` (book.toml's validation has already checked it)."""
    return THEMES[name]
