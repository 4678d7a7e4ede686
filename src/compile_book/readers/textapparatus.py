"""A plain-text file's typed apparatus, taken out of its story: a contents list, the
book's title repeated as a half title, the front pages (an older edition's imprint,
the copyright block, a dedication, an epigraph) and the end mark.

A mixin of :class:`~compile_book.readers.structure.StructureReader`, split from it so
each module reads in one sitting: the finders live in
:mod:`~compile_book.readers.apparatus`, :mod:`~compile_book.readers.contents` and
:mod:`~compile_book.readers.frontpages`; this decides, in order, which of them apply
at the top of a file and reports each one left out.
"""

from __future__ import annotations

from collections.abc import Callable

from ..diagnostics import Code
from ..events import BookTitle
from ..nodes import Source
from ..rules.indented import Group
from ..rules.titles import broken
from .apparatus import Contents, find_contents, find_dedication, find_half_titles, is_end_mark
from .contents import find_named_contents
from .frontpages import (
    FIELDS,
    Blocks,
    Found,
    copyright_page,
    epigraph,
    imprint,
    page_events,
    prose_blocks,
    recognised,
)
from .outline import Item
from .titling import TitleLines


class TypedApparatus(TitleLines):
    """Apparatus decisions; the reader provides its indented groups besides what
    :class:`~compile_book.readers.titling.TitleLines` needs."""

    _groups: dict[int, Group]

    def _group_lines(self, item: Item) -> list[str]:
        """An indented group's text lines (a typed contents list may be one)."""
        return [ln.text.strip() for ln in self._groups[item.unit.line].lines if ln.text]

    def _apparatus(self, items: list[Item], i: int) -> list[Item]:
        """Take out a typed contents list, a dedication and an end mark (reported)."""
        out = list(items)
        report = self.reporter.add
        contents = find_contents(out, i, self._group_lines)
        # a list whose entries name most chapters by title may run on past where the
        # strict reading ended it (a part line, a misprinted entry)
        loose = find_named_contents(out, i, self._group_lines)
        if loose is not None and (contents is None or loose.end > contents.end):
            contents = loose
        if contents is not None:
            unit = out[contents.start].unit
            end = out[contents.end - 1]
            last = end.unit.lines[-1]
            if end.kind == "indented":
                last = max(ln.no for ln in self._groups[end.unit.line].lines if ln.text)
            report(
                Code.CONTENTS_LIST_LEFT_OUT,
                f"contents list (lines {unit.line}-{last}) left out: {_entries(contents)}, "
                "and the book makes its own",
                self.name,
                unit.line,
            )
            del out[contents.start : contents.end]
        if self.options.first:
            self._half_titles(out, i)
        if self.options.first:
            self._front_pages(out, i)
        if len(out) > i + 1 and is_end_mark(out[-1]):
            unit = out.pop().unit
            report(
                Code.END_MARK_RECOGNISED,
                f"{unit.text!r} read as the end mark: left out of the text, as the "
                "book's last page ends it",
                self.name,
                unit.line,
            )
        return out

    def _front_pages(self, out: list[Item], i: int) -> None:
        """Take out the book's own copyright block, dedication and epigraph at ``i``,
        in any order (reported): each is the book's metadata, set on a page of its own."""
        found: set[str] = set()
        while len(found) < len(FIELDS) + 1:
            page = self._front_page(out, i, found)
            if page is None:
                return
            found.add(page)

    def _front_page(self, out: list[Item], i: int, found: set[str]) -> str | None:
        """The front page at ``i`` taken out (its name), or None. The dedication is
        this reader's own: a block of one-per-line units no blank line parts."""
        if i >= len(out):
            return None
        blocks = prose_blocks(out, i) or []
        page = imprint(blocks) if "imprint" not in found else None
        if page is not None:
            self._imprint(out, i, page)
            return "imprint"
        what = ""
        if "copyright" not in found:
            page, what = _in_items(copyright_page, out, i, blocks), "copyright"
        if page is None and "dedication" not in found and not self.options.dedication:
            page, what = self._dedication(out, i), "dedication"
        if page is None and "epigraph" not in found:
            page, what = epigraph(blocks), "epigraph"
        if page is None:
            return None
        src = Source(self.name, out[i].unit.line, out[i].unit.cols[0])
        self.events += page_events(what, page, src)
        self.reporter.add(Code.DEDICATION_RECOGNISED, recognised(what, page), self.name, src.line)
        del out[i : i + page.end]
        return what

    def _imprint(self, out: list[Item], i: int, page: Found) -> None:
        """Leave out the source edition's imprint at ``i`` (reported with its lines)."""
        first, last = out[i].unit.line, out[i + page.end - 1].unit.lines[-1]
        self.reporter.add(
            Code.DOCUMENT_PARTS_LEFT_OUT,
            f"the source edition's imprint (lines {first}-{last}: {' / '.join(page.lines)!r}) "
            "left out: it names that edition's publisher ([book] publisher in book.toml "
            "names this book's)",
            self.name,
            first,
        )
        del out[i : i + page.end]

    def _dedication(self, out: list[Item], i: int) -> Found | None:
        """A dedication at ``i``; one ending like a sentence only over an epigraph."""
        words, by = self.locale.dedication_words, self.locale.by_words
        dedication = find_dedication(out, i, words, by)
        if dedication is None and epigraph(prose_blocks(out, i + 1) or []) is not None:
            dedication = find_dedication(out, i, words, by, sentence=True)
        if dedication is None:
            return None
        end, lines = dedication
        return Found(end - i, tuple(lines))

    def _half_titles(self, out: list[Item], i: int) -> None:
        """Take out the book's title repeated before the first chapter (reported)."""
        titles = [e.text for e in self.events if isinstance(e, BookTitle)]
        for k in reversed(find_half_titles(out, i, titles[-1] if titles else self.options.title)):
            self._half_title_left_out(out.pop(k).unit)


def _entries(contents: Contents) -> str:
    """What made a contents list one, for its note."""
    if contents.loose:
        return (
            f"{contents.entries - contents.unnamed} of its {contents.entries} lines name a "
            "chapter standing later in the file"
        )
    if not contents.unnamed:
        return f"each of its {contents.entries} entries matches a heading"
    return (
        f"{contents.entries - contents.unnamed} of its {contents.entries} entries match a "
        "heading, the rest end in a page number"
    )


def _in_items(
    find: Callable[[Blocks], Found | None], out: list[Item], i: int, blocks: Blocks
) -> Found | None:
    """A front page `find` finds at ``i``, a paragraph broken across lines mid-sentence
    read whole (``Copyright, 1897, … according`` / ``to Act of Congress, …``, its
    second line set apart by its indent); ``end`` counts items again."""
    joined: list[list[str]] = []
    ends: list[int] = []
    for k, lines in enumerate(blocks):
        unit = out[i + k].unit
        if joined and not unit.blank_before and broken(out[i + k - 1].unit, unit):
            joined[-1] = [*joined[-1][:-1], f"{joined[-1][-1]} {lines[0]}", *lines[1:]]
            ends[-1] = k + 1
        else:
            joined.append(list(lines))
            ends.append(k + 1)
    page = find(joined)
    return None if page is None else Found(ends[page.end - 1], page.lines, page.source)
