"""Styles: what a paragraph is (heading, title, quotation...) and how its text is set.

ODF keeps formatting in styles. A paragraph or span names a style; an
*automatic* style (``P1``, ``T1``, in ``content.xml``) records what the writer
set by hand and names its *parent*, a named style (``Heading_20_1``, in
``styles.xml``), which may have parents of its own. Both are followed here:

* a paragraph's **role** comes from the first style up its chain whose name
  says what it is. Names are matched by their display name (``Heading 1``,
  ``Überschrift 1``, ``Titre 1``) and their internal name with ODF's ``_20_``
  escapes decoded; a style with ``style:default-outline-level`` is a heading
  of that level. A ``text:h`` element is a heading whatever its style.
* **text properties** (italic, bold, underline, strike-through, hidden) are
  three-valued per style: set on, set off, or inherited. The innermost span
  wins, then outer spans, then the paragraph's style chain, then the
  document's default paragraph style.
"""

from __future__ import annotations

import enum
import re

from lxml import etree

from ...record import record
from .package import q

# Why: heading styles are named "Heading 1" in English and by translated names in
# Word and LibreOffice elsewhere (en de fr es it nl pt); the digit is the level.
_HEADING_RE = re.compile(
    r"(?:heading|überschrift|titre|t[ií]tulo|titolo|kop|cabeçalho|encabezado)\s*(\d)", re.I
)
_ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "titel", "titre", "título", "titulo", "titolo", "book title"),
    "subtitle": ("subtitle", "untertitel", "sous-titre", "subtítulo", "sottotitolo", "ondertitel"),
    "quote": (
        "quotations",
        "quotation",
        "quote",
        "block text",
        "block quote",
        "intense quote",
        "zitat",
        "citation",
        "cita",
        "citazione",
        "citaat",
        "citação",
    ),
    "verse": ("verse", "poem", "poetry", "lyrics", "gedicht", "vers", "poème", "poesía", "poesia"),
    "rule": ("horizontal line", "horizontale linie", "ligne horizontale", "línea horizontal"),
    "author": ("author", "autor", "auteur", "autore", "autor"),
    "caption": ("caption", "image caption", "beschriftung", "légende", "didascalia", "bijschrift"),
    # a style derived from Title that is not a title (pandoc's Date) stops the search
    "body": ("date", "datum", "abstract"),
}
_NAME_ROLE = {name: role for role, names in _ROLE_NAMES.items() for name in names}
# Why: ODF escapes characters outside NCName in style names as _XX_ (hex), e.g. _20_ = space.
_ESCAPE_RE = re.compile(r"_([0-9A-Fa-f]{2,4})_")


# Why: a border's width leads its value (``0.06pt solid #000``); a zero width draws nothing.
_WIDTH_RE = re.compile(r"\d+(?:\.\d+)?|\.\d+")


class Role(enum.StrEnum):
    BODY = "body"
    HEADING = "heading"
    TITLE = "title"
    SUBTITLE = "subtitle"
    QUOTE = "quote"
    VERSE = "verse"
    RULE = "rule"
    AUTHOR = "author"
    CAPTION = "caption"


@record
class TextProps:
    """Three-valued character properties: ``None`` means inherited."""

    italic: bool | None = None
    bold: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    hidden: bool | None = None

    def over(self, outer: TextProps) -> TextProps:
        """These properties, falling back to ``outer`` where they say nothing."""
        return TextProps(
            *(
                mine if mine is not None else theirs
                for mine, theirs in zip(self._values(), outer._values(), strict=True)
            )
        )

    def _values(self) -> tuple[bool | None, ...]:
        return (self.italic, self.bold, self.underline, self.strike, self.hidden)

    def formats(self) -> frozenset[str]:
        """The inline formats these properties mean (underline is a manuscript's italics)."""
        out = set()
        if self.italic or self.underline:
            out.add("em")
        if self.bold:
            out.add("strong")
        if self.strike:
            out.add("strike")
        return frozenset(out)


@record
class ParaStyle:
    """What a paragraph style means: its role, heading level, alignment, rule border."""

    name: str
    role: Role = Role.BODY
    level: int = 0
    centred: bool = False
    border: bool = False
    props: TextProps = TextProps()


def display_name(element: etree._Element) -> str:
    """A style's name as the writer sees it."""
    shown = element.get(q("style", "display-name"))
    if shown:
        return shown
    raw = element.get(q("style", "name"), "")
    return _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), raw)


def _role(element: etree._Element) -> tuple[Role, int] | None:
    """The role one style's own name or outline level gives, if any."""
    found = _name_role(display_name(element), element.get(q("style", "name"), ""))
    if found is not None:
        return found
    outline = element.get(q("style", "default-outline-level"))
    if outline is not None:
        return (
            (Role.HEADING, int(outline))
            if outline.isdigit() and outline != "0"
            else (
                Role.BODY,
                0,
            )
        )
    return None


def _name_role(*names: str) -> tuple[Role, int] | None:
    """The role a style name gives (``Heading 2``, ``Title``, ``Author``), if any."""
    for name in names:
        name = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), name)
        folded = " ".join(name.casefold().split())
        heading = _HEADING_RE.fullmatch(folded)
        if heading:
            return Role.HEADING, int(heading.group(1))
        if folded in _NAME_ROLE:
            return Role(_NAME_ROLE[folded]), 0
    return None


def _props(element: etree._Element | None) -> TextProps:
    """The character properties one style element sets itself."""
    node = None if element is None else element.find(q("style", "text-properties"))
    if node is None:
        return TextProps()
    style = node.get(q("fo", "font-style"))
    weight = node.get(q("fo", "font-weight"))
    underline = node.get(q("style", "text-underline-style"))
    strike = node.get(q("style", "text-line-through-style"))
    if node.get(q("style", "text-line-through-type")) == "none":
        strike = "none"
    display = node.get(q("text", "display"))
    return TextProps(
        italic=None if style is None else style in ("italic", "oblique"),
        bold=None
        if weight is None
        else weight == "bold" or (weight.isdigit() and int(weight) >= 600),
        underline=None if underline is None else underline != "none",
        strike=None if strike is None else strike != "none",
        hidden=None if display is None else display == "none",
    )


class StyleSheet:
    """Every style of one document, resolved on demand and cached."""

    def __init__(self, content: etree._Element, styles: etree._Element | None) -> None:
        self._styles: dict[tuple[str, str], etree._Element] = {}
        self._lists: dict[str, etree._Element] = {}
        self._default = TextProps()
        self._paras: dict[str | None, ParaStyle] = {}
        self._texts: dict[str, TextProps] = {}
        # ids of automatic style elements; the list keeps their lxml proxies (and ids) alive
        self._automatic: set[int] = set()
        self._alive: list[etree._Element] = []
        # styles.xml first: content.xml's automatic styles may reuse no names of it
        for root, where in (
            (styles, "styles"),
            (styles, "automatic-styles"),
            (content, "styles"),
            (content, "automatic-styles"),
        ):
            section = None if root is None else root.find(q("office", where))
            if section is not None:
                self._index(section, automatic=where == "automatic-styles")

    def _index(self, section: etree._Element, automatic: bool) -> None:
        for el in section:
            name = el.get(q("style", "name"))
            if el.tag == q("style", "style") and name:
                self._styles[el.get(q("style", "family"), ""), name] = el
                if automatic:
                    self._automatic.add(id(el))
                    self._alive.append(el)
            elif el.tag == q("text", "list-style") and name:
                self._lists[name] = el
            elif (
                el.tag == q("style", "default-style")
                and el.get(q("style", "family")) == "paragraph"
            ):
                self._default = _props(el)

    def _chain(self, family: str, name: str | None) -> list[etree._Element]:
        """A style and its ancestors, nearest first (a cycle is cut)."""
        out: list[etree._Element] = []
        while name and len(out) < 32:
            element = self._styles.get((family, name))
            if element is None or element in out:
                break
            out.append(element)
            name = element.get(q("style", "parent-style-name"))
        return out

    def paragraph(self, name: str | None) -> ParaStyle:
        """What a paragraph style name means (cached: a novel has few styles)."""
        found = self._paras.get(name)
        if found is None:
            found = self._paragraph(name)
            self._paras[name] = found
        return found

    def _paragraph(self, name: str | None) -> ParaStyle:
        chain = self._chain("paragraph", name)
        found = next((r for element in chain if (r := _role(element)) is not None), None)
        # A style the file names but never defines (pandoc's ODT writer leaves Title
        # and Subtitle to the office program's built-in ones) is known by its name.
        missing = chain[-1].get(q("style", "parent-style-name")) if chain else name
        if found is None and missing and ("paragraph", missing) not in self._styles:
            found = _name_role(missing)
        role, level = found or (Role.BODY, 0)
        # A named style's italics are the look of its role (an italic Caption or
        # Quotations style); only body styles, and what the writer set on the
        # paragraph by hand, carry meaning.
        body = role in (Role.BODY, Role.AUTHOR)
        props = self._default if body else TextProps()
        for element in reversed(chain):
            if body or id(element) in self._automatic:
                props = _props(element).over(props)
        named = [e for e in chain if id(e) not in self._automatic]
        align = _first(chain, "paragraph-properties", q("fo", "text-align"))
        border = _first(chain, "paragraph-properties", q("fo", "border-bottom"))
        return ParaStyle(
            display_name(named[0]) if named else (name or ""),
            role,
            level,
            centred=align == "center",
            border=_drawn(border),
            props=props,
        )

    def text(self, name: str | None) -> TextProps:
        """The character properties a text (span) style sets, its parents included."""
        if not name:
            return TextProps()
        found = self._texts.get(name)
        if found is None:
            found = TextProps()
            for element in reversed(self._chain("text", name)):
                found = _props(element).over(found)
            self._texts[name] = found
        return found

    def ordered(self, name: str | None, level: int) -> tuple[bool, int]:
        """Whether a list style numbers its items at a level, and where it starts."""
        style = self._lists.get(name or "")
        if style is None:
            return False, 1
        for child in style:
            if child.get(q("text", "level")) == str(level):
                if child.tag != q("text", "list-level-style-number"):
                    return False, 1
                numbered = child.get(q("style", "num-format"), "1") != ""
                start = child.get(q("text", "start-value"), "1")
                return numbered, int(start) if start.isdigit() else 1
        return False, 1


def _drawn(border: str | None) -> bool:
    """A border value that draws a line (``0.06pt solid #000000``, not ``none`` or ``0pt``)."""
    if not border or border == "none":
        return False
    width = _WIDTH_RE.match(border)
    return width is None or float(width.group()) > 0


def _first(chain: list[etree._Element], child: str, attribute: str) -> str | None:
    """The nearest value of a paragraph property up a style chain."""
    for element in chain:
        node = element.find(q("style", child))
        if node is not None and node.get(attribute) is not None:
            return node.get(attribute)
    return None
