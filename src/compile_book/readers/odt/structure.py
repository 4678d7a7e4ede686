"""Items -> events: headings, the book's title, scene breaks, quotations, verse, prose.

Headings come from styles where the writer used them (a ``text:h``, Heading
1/2, Title, their localised names, styles derived from them); the heading's
text is still read by :func:`~compile_book.rules.headings.match_heading`, so
``Chapter 3: The Fall`` gives label, number and title. A file with heading
styles at two levels and no "Chapter" at the top one uses the top level for
parts. A heading deeper than the chapter level stays in the chapter, in bold.
A chapter heading with only a number ("Chapter 3") takes the title under it
from a deeper heading or a Subtitle-styled paragraph (and, in a file without
heading styles, from a short title line, as in a ``.txt`` file).

Where the writer used no heading styles, every one-line paragraph is read
with the same rules as a ``.txt`` line: headings, ``by`` lines, title lines,
scene breaks (``#``, ``***``, ornaments; any divider when centred), with the
same warnings for lines that look like headings or dividers but are not.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...diagnostics import Code, Reporter
from ...events import BlockNode, Break, Event, Para, StartChapter, StartPart
from ...locale import get_locale
from ...nodes import (
    BlockQuote,
    ChapterKind,
    Figure,
    Heading,
    Paragraph,
    Source,
    Subheading,
    Text,
)
from ...rules.headings import HeadingMatch, looks_like_heading, match_heading, names_number
from ...rules.scenebreaks import is_scene_break, looks_like_divider
from ...rules.titles import book_title_like, chapter_title_like
from ..frontpages import read_pages
from ..structure import Options, learn_chapter_words
from ..titling import raw_inlines
from . import front, lines
from .blocks import BlockItem, Item, ParaItem, RuleItem
from .figures import with_caption
from .inlines import Run, nest, tidy
from .styles import Role


@dataclass(slots=True)
class _Head:
    """A paragraph read as a heading, and what it took from the paragraphs after it."""

    item: ParaItem
    level: int
    match: HeadingMatch | None
    title: str
    styled: bool
    subtitle: str = ""
    kind: str = "chapter"  # chapter, part or sub (a heading inside a chapter)


class Builder:
    """Turns one file's items into events; one instance per file."""

    def __init__(self, name: str, options: Options, reporter: Reporter) -> None:
        self.name = name
        self.options = options
        self.reporter = reporter
        self.locale = get_locale(options.language)
        self.events: list[Event] = []

    def build(self, items: list[Item]) -> list[Event]:
        """The file's events: front matter first, then every item in order.

        Text rules find headings only in a file with no heading styles at all.
        """
        items = self._front(items)
        styled = any(
            isinstance(it, ParaItem) and it.role in (Role.HEADING, Role.TITLE) for it in items
        )
        if not styled:
            self._learn_chapter_words(items)
        heads = self._heads(items, styled)
        used = self._take_titles(items, heads)
        _plan_levels([h for h in heads.values() if h.styled])
        k = self._headingless(items) if not heads and not self.options.first else 0
        while k < len(items):
            item = items[k]
            if k in used:
                k += 1
            elif k in heads:
                self._heading(heads[k])
                k += 1
            elif isinstance(item, RuleItem):
                self.events.append(Break(Source(self.name, item.n)))
                k += 1
            elif isinstance(item, BlockItem):
                k = self._block(items, k, item)
            else:
                k = self._paragraph(items, k)
        return self.events

    def _front(self, items: list[Item]) -> list[Item]:
        dropped = front.smf_block(items)
        if dropped:
            self.reporter.add(
                Code.DOCUMENT_PARTS_LEFT_OUT,
                f"manuscript title-page block left out ({dropped} paragraph(s): name, "
                "address, word count)",
                self.name,
                1,
            )
            items = items[dropped:]
        if not self.options.first:
            return items
        if not self.options.has_title:
            used, found = front.title_block(
                items, self.name, self.options.title, self.events, self._heading_line
            )
            codes = dict.fromkeys(("title", "subtitle", "date"), Code.BOOK_TITLE_RECOGNISED)
            for what, text, n in found:
                code = codes.get(what, Code.AUTHOR_LINE_RECOGNISED)
                self.reporter.add(code, f"book {what} recognised: {text!r}", self.name, n)
            items = items[used:]
        return self._front_pages(items)

    def _front_pages(self, items: list[Item]) -> list[Item]:
        """Take out the book's own copyright block, dedication and epigraph (reported):
        the body paragraphs up to the first heading (:mod:`..frontpages`)."""
        paragraphs: list[tuple[int, list[str]]] = []
        for item in items:
            if not isinstance(item, ParaItem) or item.role is not Role.BODY:
                break
            if self._heading_line(item.text):
                break
            paragraphs.append((item.n, [t for t in item.texts() if t]))
        else:
            return items  # no heading follows: nothing here is a front page
        events, used = read_pages(
            paragraphs,
            self.locale,
            self.name,
            self.reporter,
            dedication=not self.options.dedication,
        )
        self.events.extend(events)
        return items[used:]

    def _learn_chapter_words(self, items: list[Item]) -> None:
        """Take the chapter word this file heads its chapters with, if the locale lacks it."""
        paras = [it for it in items if isinstance(it, ParaItem) and it.text]
        lines = [(it.n, it.text, it.role is Role.BODY and it.one_line) for it in paras]
        self.locale = learn_chapter_words(
            self.locale, lines, self.options, self.reporter, self.name
        )

    def _heading_line(self, text: str) -> bool:
        return is_scene_break(text) or match_heading(text, self.locale) is not None

    def _heads(self, items: list[Item], styled: bool) -> dict[int, _Head]:
        heads: dict[int, _Head] = {}
        for k, item in enumerate(items):
            if not isinstance(item, ParaItem) or (item.one_line and is_scene_break(item.text)):
                continue
            if styled and item.role in (Role.HEADING, Role.TITLE):
                match, title = self._read_heading(item)
                level = item.level if item.role is Role.HEADING else 0
                heads[k] = _Head(item, level, match, title, styled=True)
            elif not styled and item.role is Role.BODY and item.one_line:
                match = match_heading(item.text, self.locale)
                if match is not None:
                    heads[k] = _Head(
                        item, match.markdown_level or 1, match, match.title or "", False
                    )
        return _demote_stray_numbers(items, heads)

    def _read_heading(self, item: ParaItem) -> tuple[HeadingMatch | None, str]:
        """A styled heading's meaning: ``Chapter 3`` in its number field or first line,
        the rest its title."""
        texts = [t for t in item.texts() if t]
        full = " ".join(texts)
        candidates = [(item.number, full)] if item.number else []
        if len(texts) > 1:
            candidates.append((texts[0], " ".join(texts[1:])))
        for head, rest in candidates:
            found = match_heading(head, self.locale)
            if found is not None and found.title is None:
                return dataclasses.replace(found, title=rest), rest
        if item.number:
            full = f"{item.number} {full}"
        found = match_heading(full, self.locale)
        return found, (found.title or "") if found else full

    def _take_titles(self, items: list[Item], heads: dict[int, _Head]) -> set[int]:
        """Give numbered headings the title or subtitle under them; return the items used."""
        used: set[int] = set()
        for k, head in list(heads.items()):
            if k in used or k + 1 >= len(items):
                continue
            nxt = items[k + 1]
            if not isinstance(nxt, ParaItem):
                continue
            deeper = heads.get(k + 1)
            numbered = head.match is not None and not head.match.is_part
            if nxt.role is Role.SUBTITLE or (
                numbered
                and deeper is not None
                and deeper.styled
                and deeper.match is None
                and deeper.level > head.level
            ):
                text = nxt.text
            elif _names_number(head, deeper):
                text = nxt.text
                self.reporter.add(
                    Code.CHAPTER_TITLE_RECOGNISED,
                    f"title heading recognised: {text!r}",
                    self.name,
                    nxt.n,
                )
            elif (
                not head.styled
                and k + 1 not in heads
                and nxt.role is Role.BODY
                and self._title_line(items, k, head)
            ):
                text = nxt.text
                self.reporter.add(
                    Code.CHAPTER_TITLE_RECOGNISED,
                    f"title line recognised: {text!r}",
                    self.name,
                    nxt.n,
                )
            else:
                continue
            if head.title:
                head.subtitle = text
            else:
                head.title = text
            heads.pop(k + 1, None)
            used.add(k + 1)
        return used

    @staticmethod
    def _title_line(items: list[Item], k: int, head: _Head) -> bool:
        """The paragraph under ``Chapter 29`` or ``Part One`` is its title (the .txt rule)."""
        nxt = items[k + 1]
        assert isinstance(nxt, ParaItem)
        if head.match is None or head.title or not nxt.one_line:
            return False
        if head.match.is_part:
            return book_title_like(nxt.text)
        after = items[k + 2] if k + 2 < len(items) else None
        return (
            head.match.number is not None
            and isinstance(after, ParaItem)
            and after.role is Role.BODY
            and chapter_title_like(nxt.text)
        )

    def _headingless(self, items: list[Item]) -> int:
        """A later file without headings: a short Title Case first line titles its chapter."""
        first = items[0] if items else None
        if not (
            isinstance(first, ParaItem)
            and len(items) > 1
            and isinstance(items[1], ParaItem)
            and first.role is Role.BODY
            and first.one_line
            and book_title_like(first.text)
            and not self._heading_line(first.text)
        ):
            return 0
        src = Source(self.name, first.n)
        heading = Heading(src, title=raw_inlines(first.text, src))
        self.events.append(StartChapter(ChapterKind.CHAPTER, heading, src))
        self.reporter.add(
            Code.CHAPTER_TITLE_RECOGNISED,
            f"chapter title line recognised: {first.text!r}",
            self.name,
            first.n,
        )
        return 1

    def _heading(self, head: _Head) -> None:
        src = Source(self.name, head.item.n)
        if head.kind == "sub":  # a heading inside a chapter (a point of view's name, a date)
            self.events.append(BlockNode(Subheading((Text(head.item.text, src),), src)))
            return
        m = head.match
        heading = Heading(
            src,
            m.label if m else None,
            m.number if m else None,
            m.number_text if m else None,
            raw_inlines(head.title, _within(src, head.item.text, head.title)),
            raw_inlines(head.subtitle, src),
            as_typed=m.as_typed if m else None,
        )
        how = f" (style {head.item.style.name})" if head.styled else ""
        what = "part" if head.kind == "part" else str(m.kind if m else ChapterKind.CHAPTER)
        self.reporter.add(
            Code.HEADING_RECOGNISED,
            f"{what} heading recognised: {head.item.text!r}{how}",
            self.name,
            head.item.n,
        )
        if head.kind == "part":
            self.events.append(StartPart(heading))
        else:
            self.events.append(StartChapter(m.kind if m else ChapterKind.CHAPTER, heading, src))

    def _block(self, items: list[Item], k: int, item: BlockItem) -> int:
        """A finished block; a figure takes a Caption-styled paragraph right under it."""
        block = item.block
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (
            isinstance(block, Figure)
            and not block.caption
            and isinstance(nxt, ParaItem)
            and nxt.role is Role.CAPTION
        ):
            runs = [r for line in nxt.lines for r in [Run("text", " ", None), *line]]
            caption = nest(tidy(runs), Source(self.name, nxt.n))
            self.events.append(BlockNode(with_caption(block, caption)))
            return k + 2
        self.events.append(BlockNode(block))
        return k + 1

    def _paragraph(self, items: list[Item], k: int) -> int:
        item = items[k]
        assert isinstance(item, ParaItem)
        src = Source(self.name, item.n)
        text = item.text
        if item.one_line and (
            is_scene_break(text) or (item.style.centred and looks_like_divider(text))
        ):
            self.events.append(Break(src))
            return k + 1
        if item.role in (Role.QUOTE, Role.VERSE):
            return self._group(items, k, item.role)
        if item.one_line and item.role is Role.BODY:
            self._warn_lookalike(item)
        for block in lines.blocks(item.lines, src, verse=False):
            only = (
                block.inlines[0]
                if isinstance(block, Paragraph) and len(block.inlines) == 1
                else None
            )
            if isinstance(only, Text):
                self.events.append(Para(only.text, only.source))
            else:
                self.events.append(BlockNode(block))
        return k + 1

    def _group(self, items: list[Item], k: int, role: Role) -> int:
        """Consecutive quotation (or verse) paragraphs as one block quote (or poem)."""
        group: list[ParaItem] = []
        while k < len(items):
            item = items[k]
            if not isinstance(item, ParaItem) or item.role is not role:
                break
            group.append(item)
            k += 1
        src = Source(self.name, group[0].n)
        if role is Role.VERSE:
            self.events.append(
                BlockNode(lines.verse([(g.lines, Source(self.name, g.n)) for g in group]))
            )
            return k
        blocks = [
            b for g in group for b in lines.blocks(g.lines, Source(self.name, g.n), verse=False)
        ]
        self.events.append(BlockNode(BlockQuote(tuple(blocks), src)))
        return k

    def _warn_lookalike(self, item: ParaItem) -> None:
        text = item.text
        if looks_like_divider(text):
            self.reporter.add(
                Code.UNRECOGNISED_DIVIDER,
                f"{text!r} looks like a divider but is not a known scene break; "
                "use *** or # (or centre it) if it is one",
                self.name,
                item.n,
            )
        elif looks_like_heading(text):
            self.reporter.add(
                Code.HEADING_LIKE_LINE,
                f"{text!r} looks like a heading but was kept as prose; "
                "give it a heading style if it is one",
                self.name,
                item.n,
            )


def _within(source: Source, text: str, part: str) -> Source:
    """The source of ``part`` where it ends ``text`` (a heading's title after its number)."""
    at = text.rfind(part) if part else -1
    return Source(source.file, source.line, source.col + at) if at > 0 else source


def _plan_levels(heads: list[_Head]) -> None:
    """Parts, chapters and headings inside chapters, from the levels of styled headings."""
    levels = sorted({h.level for h in heads})
    if not levels:
        return
    top = levels[0]
    named_chapter = any(h.level == top and h.match and not h.match.is_part for h in heads)
    part_level = top if len(levels) > 1 and not named_chapter else None
    chapter_level = levels[1] if part_level is not None else top
    for h in heads:
        if h.match is not None:
            h.kind = "part" if h.match.is_part else "chapter"
        elif part_level is not None and h.level <= part_level:
            h.kind = "part"
        else:
            h.kind = "chapter" if h.level <= chapter_level else "sub"


def _demote_stray_numbers(items: list[Item], heads: dict[int, _Head]) -> dict[int, _Head]:
    """A bare number ("17") is a chapter heading only where it stands out: centred, in
    bold or opening the file, followed by prose, counting from 1, in a file without
    "Chapter" headings (a countdown "3 / 2 / 1" in dialogue stays prose)."""
    labelled = any(h.match is not None and h.match.label for h in heads.values() if not h.styled)
    out: dict[int, _Head] = {}
    for k, head in heads.items():
        m = head.match
        if not head.styled and m is not None and m.label is None and m.number is not None:
            nxt = items[k + 1] if k + 1 < len(items) else None
            stands_out = head.item.style.centred or k == 0 or _all_bold(head.item)
            prose = isinstance(nxt, ParaItem) and k + 1 not in heads
            if labelled or m.number < 1 or not stands_out or not prose:
                continue
        out[k] = head
    return out


def _all_bold(item: ParaItem) -> bool:
    return all("strong" in (r.fmt or ()) for line in item.lines for r in line if r.kind == "text")


def _names_number(head: _Head, nxt: _Head | None) -> bool:
    """Two styled headings of one level, "Chapter 1" then "The Letter", one under the
    other: the second is the first's title."""
    return (
        nxt is not None
        and head.styled
        and nxt.styled
        and head.level > 0
        and nxt.level == head.level
        and head.match is not None
        and names_number(head.match, nxt.match)
    )
