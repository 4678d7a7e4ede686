"""Styles and numbering: what a paragraph or run *is* by its style, not its id.

Word stores a style's built-in name in English (``heading 1``) whatever the
interface language, but makes its *id* from the localized name with the
non-ASCII letters dropped (``berschrift1``, ``Titre1``, ``Ttulo1``); files from
other programs may carry localized names (``Überschrift 1``). So a paragraph
style is classified by its ``w:name`` first, its id second, its outline level
(``w:outlineLvl``, 0 = level 1) third, and otherwise by the style it is
``w:basedOn`` (a "Chapter Title" style based on Heading 1 is a heading).

Run properties follow ECMA-376 §17.7.3: bold, italic, strike and hidden are
*toggle* properties. Within one style's ``basedOn`` chain the nearest setting
wins; between the paragraph style and the character style a set toggle flips
the value (a bold character style inside a bold heading is not bold); direct
formatting on the run is absolute. ``w:val`` may be ``0``/``false``/``off``.
"""

from __future__ import annotations

import re

from lxml import etree

from ...record import record
from .package import w

# Why: heading style names Word and LibreOffice write, in the languages writers use.
_HEADING_NAME = re.compile(
    r"(?:heading|überschrift|titre|título|titulo|titolo|kop|nagłówek|rubrik|overskrift"
    r"|otsikko|заголовок|nadpis|rubriek)\s*(?P<level>[1-9])"
)
# Why: Word's style ids drop non-ASCII letters from the localized name ("Ttulo1").
_HEADING_ID = re.compile(
    r"(?:heading|berschrift|titre|ttulo|titulo|titolo|kop|nagwek|rubrik|overskrift)(?P<level>[1-9])"
)
_TITLE_NAMES = frozenset(
    "title titel titre título titulo titolo ttulo tytuł otsikko заголовок".split()
)
_SUBTITLE_NAMES = frozenset(
    "subtitle untertitel sous-titre subtítulo subtitulo subttulo sottotitolo ondertitel "
    "subtítol undertitel alaotsikko podtytuł".split()
)
# Why: the style of the author's name under the title (pandoc's reference document
# and templates that follow it); ODT's reader knows the same names.
_AUTHOR_NAMES = frozenset("author autor auteur autore".split())
# Why: styles pandoc bases on Title that are not titles (the date and abstract under
# it); their own name stops the search up the chain, as in the ODT reader.
_BODY_NAMES = frozenset(("date", "datum", "abstract", "abstract title"))
_QUOTE_NAMES = frozenset(
    (
        *"quote quotation quotations zitat citation cita citazione citaat citação".split(),
        *("intense quote", "block text", "block quote", "block quotation", "intensives zitat"),
        *("citation intense", "cita destacada", "citazione intensa", "duidelijk citaat"),
        *("citação intensa", "blocktext", "blockquote", "intensequote"),
    )
)
_CAPTION_NAMES = frozenset("caption beschriftung légende descripción didascalia bijschrift".split())
# Why: a contents list the word processor generated; the book builds its own.
_TOC_NAME = re.compile(r"(?:toc|contents|verzeichnis|tm|tdc|inhoudsopgave|índice)\s*[1-9]")
_TOC_HEADINGS = frozenset(("toc heading", "contents heading", "inhaltsverzeichnisüberschrift"))
# Why: custom chapter styles in writers' templates; treated as Heading 1.
_CHAPTER_NAMES = frozenset(("chapter title", "chapter heading", "chapter"))
# Why: a paragraph style writers' templates use for the line between scenes.
_BREAK_NAMES = frozenset(
    (
        *("scene break", "scene separator", "separator", "section break", "ornament"),
        *("szenenwechsel", "szenenumbruch", "séparateur", "separador", "separatore"),
    )
)
_FALSE = frozenset(("0", "false", "off", "none"))


def on(element: etree._Element | None) -> bool | None:
    """A toggle element's value: absent -> ``None``, ``<w:b/>`` -> True, ``w:val="0"`` -> False."""
    if element is None:
        return None
    return element.get(w("val"), "true").lower() not in _FALSE


def twips(value: str | None) -> int | None:
    """An indentation in twentieths of a point, or ``None`` when absent or unreadable."""
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


@record
class RunProps:
    """Run toggles one style chain sets (``None``: it says nothing)."""

    italic: bool | None = None
    bold: bool | None = None
    strike: bool | None = None
    hidden: bool | None = None
    underline: bool | None = None

    def over(self, base: RunProps) -> RunProps:
        """These settings, falling back to ``base`` where they say nothing."""
        return RunProps(
            _pick(self.italic, base.italic),
            _pick(self.bold, base.bold),
            _pick(self.strike, base.strike),
            _pick(self.hidden, base.hidden),
            _pick(self.underline, base.underline),
        )


def _pick(mine: bool | None, theirs: bool | None) -> bool | None:
    return theirs if mine is None else mine


def run_props(rpr: etree._Element | None) -> RunProps:
    """The toggles set directly in one ``w:rPr``."""
    if rpr is None:
        return RunProps()
    strike = on(rpr.find(w("strike")))
    double = on(rpr.find(w("dstrike")))
    u = rpr.find(w("u"))
    return RunProps(
        italic=on(rpr.find(w("i"))),
        bold=on(rpr.find(w("b"))),
        strike=None if strike is None and double is None else bool(strike or double),
        hidden=on(rpr.find(w("vanish"))),
        underline=None if u is None else u.get(w("val"), "single").lower() not in _FALSE,
    )


@record
class ParaStyle:
    """A paragraph style as the reader needs it, its ``basedOn`` chain resolved."""

    name: str
    kind: str  # body, heading, title, subtitle, author, quote, caption, toc, break
    level: int | None
    align: str | None
    left: int | None
    page_before: bool
    run: RunProps
    numbering: tuple[str, int] | None


BODY = ParaStyle("", "body", None, None, None, False, RunProps(), None)


@record
class _Raw:
    kind: str
    name: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


def numbering_of(ppr: etree._Element | None) -> tuple[str, int] | None:
    """``(numId, ilvl)`` of a paragraph's list membership, if its ``w:numPr`` gives one."""
    num = ppr.find(w("numPr")) if ppr is not None else None
    if num is None:
        return None
    num_id = num.find(w("numId"))
    level = num.find(w("ilvl"))
    if num_id is None:
        return None
    return num_id.get(w("val"), "0"), twips(level.get(w("val")) if level is not None else "0") or 0


class Styles:
    """The styles part, resolved on demand and cached per style id."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, _Raw] = {}
        self.default_paragraph: str | None = None
        self.defaults = RunProps()
        self._paragraphs: dict[str | None, ParaStyle] = {}
        self._characters: dict[str | None, RunProps] = {}
        if root is None:
            return
        default_rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.defaults = run_props(default_rpr)
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"), "")
            name_el = style.find(w("name"))
            based = style.find(w("basedOn"))
            kind = style.get(w("type"), "paragraph")
            self._raw[sid] = _Raw(
                kind,
                " ".join((name_el.get(w("val"), "") if name_el is not None else "").split()),
                based.get(w("val")) if based is not None else None,
                style.find(w("pPr")),
                style.find(w("rPr")),
            )
            if kind == "paragraph" and style.get(w("default")) in ("1", "true", "on"):
                self.default_paragraph = sid

    def _chain(self, sid: str | None, kind: str) -> list[tuple[str, _Raw]]:
        """The style and its ancestors with their ids, nearest first (a cycle or a style
        of another type ends it)."""
        chain: list[tuple[str, _Raw]] = []
        seen: set[str] = set()
        while sid is not None and sid not in seen:
            raw = self._raw.get(sid)
            if raw is None or raw.kind != kind:
                break
            seen.add(sid)
            chain.append((sid, raw))
            sid = raw.based_on
        return chain

    def paragraph(self, sid: str | None) -> ParaStyle:
        """The resolved paragraph style (the default one for ``None`` or an unknown id)."""
        found = self._paragraphs.get(sid)
        if found is None:
            found = self._paragraphs[sid] = self._resolve(sid)
        return found

    def _resolve(self, sid: str | None) -> ParaStyle:
        pairs = self._chain(sid, "paragraph") or self._chain(self.default_paragraph, "paragraph")
        if not pairs:
            return BODY
        chain = [raw for _, raw in pairs]
        kind, level = "body", None
        for own_id, raw in pairs:
            found = _classify(raw, own_id)
            if found is not None:
                kind, level = found
                break
        run = RunProps()
        for raw in reversed(chain):  # the root first, so nearer styles override it
            run = run_props(raw.rpr).over(run)
        return ParaStyle(
            chain[0].name,
            kind,
            level,
            _nearest(chain, "jc", "val"),
            twips(_nearest(chain, "ind", "left") or _nearest(chain, "ind", "start")),
            _nearest_toggle(chain, "pageBreakBefore"),
            run,
            next((n for r in chain if (n := numbering_of(r.ppr)) is not None), None),
        )

    def character(self, sid: str | None) -> RunProps:
        """The toggles a character style sets, its ``basedOn`` chain resolved."""
        found = self._characters.get(sid)
        if found is None:
            found = RunProps()
            for _, raw in reversed(self._chain(sid, "character")):
                found = run_props(raw.rpr).over(found)
            self._characters[sid] = found
        return found

    def character_name(self, sid: str | None) -> str:
        raw = self._raw.get(sid or "")
        return raw.name.casefold() if raw is not None else ""


def _nearest(chain: list[_Raw], element: str, attribute: str) -> str | None:
    for raw in chain:
        found = raw.ppr.find(w(element)) if raw.ppr is not None else None
        if found is not None and found.get(w(attribute)) is not None:
            return found.get(w(attribute))
    return None


def _nearest_toggle(chain: list[_Raw], element: str) -> bool:
    for raw in chain:
        value = on(raw.ppr.find(w(element))) if raw.ppr is not None else None
        if value is not None:
            return value
    return False


def _classify(raw: _Raw, sid: str) -> tuple[str, int | None] | None:
    """What one style (not its ancestors) says it is, or ``None``."""
    name = raw.name.casefold()
    if m := _HEADING_NAME.fullmatch(name) or _HEADING_ID.fullmatch(sid.casefold()):
        return "heading", int(m.group("level"))
    compact = sid.casefold()
    if name in _TITLE_NAMES or (not name and compact in _TITLE_NAMES):
        return "title", None
    if name in _SUBTITLE_NAMES or compact in _SUBTITLE_NAMES:
        return "subtitle", None
    if name in _AUTHOR_NAMES or compact in _AUTHOR_NAMES:
        return "author", None
    if name in _BODY_NAMES:
        return "body", None
    if name in _QUOTE_NAMES or compact in _QUOTE_NAMES:
        return "quote", None
    if name in _CAPTION_NAMES:
        return "caption", None
    if _TOC_NAME.fullmatch(name) or name in _TOC_HEADINGS:
        return "toc", None
    if name in _CHAPTER_NAMES:
        return "heading", 1
    if name in _BREAK_NAMES:
        return "break", None
    outline = raw.ppr.find(w("outlineLvl")) if raw.ppr is not None else None
    if outline is not None:
        level = twips(outline.get(w("val")))
        if level is not None and 0 <= level < 9:
            return "heading", level + 1
        return "body", None
    return None


class Numbering:
    """List definitions: whether a list level is numbered or bulleted, and where it starts."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, tuple[bool, int]]] = {}
        self._num: dict[str, str] = {}
        if root is None:
            return
        for abstract in root.iter(w("abstractNum")):
            levels: dict[int, tuple[bool, int]] = {}
            for lvl in abstract.iter(w("lvl")):
                fmt = lvl.find(w("numFmt"))
                start = lvl.find(w("start"))
                ordered = (fmt.get(w("val"), "decimal") if fmt is not None else "decimal") not in (
                    "bullet",
                    "none",
                )
                first = twips(start.get(w("val"))) if start is not None else None
                levels[twips(lvl.get(w("ilvl"))) or 0] = (ordered, first if first else 1)
            self._abstract[abstract.get(w("abstractNumId"), "")] = levels
        for num in root.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            if ref is not None:
                self._num[num.get(w("numId"), "")] = ref.get(w("val"), "")

    def level(self, num_id: str, ilvl: int) -> tuple[bool, int] | None:
        """``(ordered, start)`` of a list level; ``None`` when the paragraph is not in a list."""
        if num_id == "0" or num_id not in self._num:
            return None
        return self._abstract.get(self._num[num_id], {}).get(ilvl, (False, 1))
