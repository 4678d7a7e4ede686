"""Items -> events: the manuscript rules, applied on top of CommonMark.

The same rules as a plain-text manuscript's (:mod:`compile_book.readers.structure`),
for what CommonMark leaves as plain paragraphs:

* a one-line paragraph that is a heading (``Chapter 3``, ``Prologue``, a lone
  ``17``) or a divider (``~ ~ ~``, ``o0o``) is one; a heading or divider on the
  first line of a paragraph stands alone;
* the book's title at the top of the first file (a title line, a ``by`` line, or
  a level-1 heading followed by deeper ones), a chapter's title line under its
  number, a deeper heading under a chapter heading as its subtitle, a short
  title line opening a later file without headings;
* a paragraph broken mid-sentence across a blank line is rejoined.

Blocks CommonMark built whole (quotations, verse, figures, lists, code,
formatted paragraphs) pass through as :class:`~compile_book.events.BlockNode`.
"""

from __future__ import annotations

from ...diagnostics import Code, Reporter
from ...events import (
    BlockNode,
    Break,
    Event,
    Para,
    StartChapter,
    StartPart,
)
from ...locale import Locale
from ...markers import DROP
from ...nodes import ChapterKind, Heading, Inline, Source, Text
from ...rules.headings import HeadingMatch, looks_like_heading, match_heading, names_number
from ...rules.markdown import restore
from ...rules.notes import excerpt, is_note, placeholders
from ...rules.paragraphs import Unit
from ...rules.scenebreaks import is_scene_break, looks_like_divider
from ...rules.titles import book_title_like, broken, chapter_title_like
from ..structure import Options
from ..titling import raw_inlines
from .inline import raw_shape
from .items import Blk, Brk, Head, Item, Prose
from .levels import arrange_levels
from .opening import Opening


class Arranger(Opening):
    """Turns one file's items into events; one instance per file."""

    def __init__(self, name: str, options: Options, locale: Locale, reporter: Reporter) -> None:
        self.name = name
        self.options = options
        self.locale = locale
        self.reporter = reporter
        self.events: list[Event] = []
        self._hashed = False
        self._last: int | None = None  # the number of the last chapter heading seen

    def run(self, items: list[Item], chapter_title: str | None = None) -> list[Event]:
        """The events of a file; ``chapter_title`` (front matter) titles a headingless file."""
        self._hashed = any(isinstance(it, Head) and _numbered_chapter(it.found) for it in items)
        items = _demote_stray_numbers([x for item in items for x in self._classify(item)])
        i = 0
        if self.options.first and not self.options.has_title:
            i = self._book_title(items)
        if self.options.first:
            i = self._front_pages(items, i)
        items = arrange_levels(items, i)
        if not any(isinstance(it, Head) for it in items[i:]):
            if chapter_title is not None:
                self._front_matter_chapter(chapter_title)
            elif not self.options.first:
                i = self._headingless_title(items, i)
        self._emit(items, i)
        return self.events

    # ------------------------------------------------------------------ classifying

    def _classify(self, item: Item) -> list[Item]:
        if isinstance(item, Head) and _numbered_chapter(item.found):
            self._last = item.found.number
        if not isinstance(item, Prose):
            return [item]
        first = item.text[: len(item.lines[0])]
        if len(item.lines) > 1:
            alone = self._alone(first, item.source, labelled_only=True)
            if alone is None or self._kept_as_text(alone):
                return [item]
            cut = len(first) + 1
            rest = Prose(item.text[cut:], item.source.shifted(cut), item.lines[1:])
            return [alone, *self._classify(rest)]
        alone = self._alone(first, item.source, labelled_only=False)
        if alone is not None and not self._kept_as_text(alone):
            return [alone]
        if alone is not None:
            return [item]
        col = item.source.col
        if looks_like_divider(first):
            self.reporter.add(
                Code.UNRECOGNISED_DIVIDER,
                f"{restore(first)!r} looks like a divider but is not a known scene break; "
                "use *** or # if it is one",
                self.name,
                item.source.line,
                col,
            )
        elif looks_like_heading(first):
            self.reporter.add(
                Code.HEADING_LIKE_LINE,
                f"{restore(first)!r} looks like a heading but was kept as prose; "
                "write it as 'Chapter 3: Title' if it is one",
                self.name,
                item.source.line,
                col,
            )
        return [item]

    def _kept_as_text(self, alone: Head | Brk) -> bool:
        """A plain ``Chapter 5: The Moor`` line in a file whose chapters are ``#``
        headings is text (a line of the story, a chapter's name quoted), with a warning,
        unless its number is the next chapter's (a ``#`` forgotten).

        Why: a writer who heads chapters with ``#`` heads them all so; a line typed
        without it that does not go on counting is not one, and splitting the chapter
        there puts it out of order.
        """
        if not isinstance(alone, Head):
            return False
        found = alone.found
        if found.markdown_level or found.label is None or not _numbered_chapter(found):
            return False
        last, self._last = self._last, found.number
        if not self._hashed or last is None or found.number == last + 1:
            return False
        self._last = last
        typed = restore(alone.typed)
        self.reporter.add(
            Code.HEADING_LIKE_LINE,
            f"{typed!r} looks like a heading but was kept as text: this file's chapters "
            f"are '#' headings; write it as '# {typed}' if it is one",
            self.name,
            alone.source.line,
            alone.source.col,
        )
        return True

    def _alone(self, line: str, source: Source, *, labelled_only: bool) -> Head | Brk | None:
        """A line that is a heading or a divider, as its item."""
        src = source.plain()
        if is_scene_break(line) and raw_shape(line) == (restore(line),):
            return Brk(src)  # (but "*X*" is an emphasised letter, not a "-x-" divider)
        if DROP in line and is_scene_break(restore(line)):
            return Brk(src)  # a divider typed with escapes (Google Docs writes "\* \* \*")
        found = match_heading(line, self.locale)
        if found is None or (labelled_only and found.label is None):
            return None
        title: tuple[Inline, ...] = ()
        if found.title:
            at = max(line.rfind(found.title), 0)
            title = raw_inlines(found.title, Source(self.name, src.line, src.col + at))
        return Head(found, line, src, title, (Text(line, src),))

    # ------------------------------------------------------------------ the body

    def _emit(self, items: list[Item], i: int) -> None:
        # The paragraphs of one sentence broken over blank lines, joined when it ends.
        pending: list[Prose] = []
        while i < len(items):
            item = items[i]
            if isinstance(item, Prose):
                if pending and broken(_tail(pending), Unit(item.text)):
                    self._note(
                        Code.BROKEN_PARAGRAPH_REJOINED,
                        "paragraph broken mid-sentence rejoined with the next",
                        item.source.line,
                    )
                    pending.append(item)
                else:
                    self._flush(_joined(pending))
                    pending = [item]
                i += 1
                continue
            self._flush(_joined(pending))
            pending = []
            if isinstance(item, Brk):
                self.events.append(Break(item.source))
                i += 1
            elif isinstance(item, Blk):
                self.events.append(BlockNode(item.block))
                i += 1
            else:
                i = self._heading(items, i, item)
        self._flush(_joined(pending))

    def _flush(self, prose: Prose | None) -> None:
        if prose is None:
            return
        # (Judged before escapes are put back: "\\[The gulls followed it.]" is text.)
        if self.options.author_notes and is_note(" ".join(prose.text.split())):
            # A note to self ("[ check the date ]", "TK") as in .txt: left out, listed.
            self.reporter.add(
                Code.AUTHOR_NOTE,
                f"note left out of the book: {excerpt(restore(prose.text))!r}; resolve it "
                "before publishing ([reading] author_notes = false keeps such lines as text)",
                prose.source.file,
                prose.source.line,
                prose.source.col,
            )
            return
        if self.options.author_notes:
            for offset, mark in placeholders(prose.text):
                line, col = prose.source.at(offset)
                self.reporter.add(
                    Code.AUTHOR_NOTE,
                    f"placeholder {mark!r} in the text; fill it in before publishing",
                    prose.source.file,
                    line,
                    col,
                )
        self.events.append(Para(prose.text, prose.source))

    def _heading(self, items: list[Item], i: int, head: Head) -> int:
        found, src = head.found, head.source
        what = "part" if found.is_part else str(found.kind)
        self._note(
            Code.HEADING_RECOGNISED, f"{what} heading recognised: {restore(head.typed)!r}", src.line
        )
        title = head.title
        subtitle: tuple[Inline, ...] = ()
        nxt = items[i + 1] if i + 1 < len(items) else None
        used = 1
        line = self._title_line(items, i, found)
        if line is not None:
            tsrc = line.source.plain()
            title = raw_inlines(line.text, tsrc)
            kind = "part" if found.is_part else "chapter"
            self._note(
                Code.CHAPTER_TITLE_RECOGNISED,
                f"{kind} title line recognised: {line.text!r}",
                tsrc.line,
            )
            used = 2
        elif (
            # "# Chapter 1" over "# The Letter": one chapter, its number and its title.
            isinstance(nxt, Head)
            and found.markdown_level
            and nxt.found.markdown_level == found.markdown_level
            and names_number(found, nxt.found)
        ):
            title = nxt.title
            self._note(
                Code.CHAPTER_TITLE_RECOGNISED,
                f"chapter title heading recognised: {restore(nxt.typed)!r}",
                nxt.source.line,
            )
            used = 2
        elif (
            # A deeper Markdown heading right after a chapter heading is its subtitle.
            not found.is_part
            and isinstance(nxt, Head)
            and found.markdown_level
            and nxt.found.markdown_level > found.markdown_level
            and nxt.found.label is None
            and nxt.found.title
        ):
            subtitle = nxt.title
            used = 2
        heading = Heading(
            src, found.label, found.number, found.number_text, title, subtitle, found.as_typed
        )
        if found.is_part:
            self.events.append(StartPart(heading))
        else:
            self.events.append(StartChapter(found.kind, heading, src))
        return i + used

    @staticmethod
    def _title_line(items: list[Item], i: int, found: HeadingMatch) -> Prose | None:
        """The paragraph after a heading that is its title line, if there is one."""
        nxt = items[i + 1] if i + 1 < len(items) else None
        if found.title is not None or not isinstance(nxt, Prose) or len(nxt.lines) != 1:
            return None
        if found.is_part:
            # "Part One" then "The Early Years" on its own line: the part's title.
            return nxt if book_title_like(nxt.text) else None
        # "Chapter 29" then "The Long Night": a title line, only under a *number*
        # (after "Prologue" a short line is the opening sentence) and before more prose.
        # One ending like a sentence ("The boat was late.") is the chapter's first line:
        # Markdown writes a chapter's title in its heading.
        after = items[i + 2] if i + 2 < len(items) else None
        if found.number is None or not isinstance(after, Prose):
            return None
        if nxt.text.rstrip(" *_").endswith((".", "!", "?", "…")):
            return None
        return nxt if chapter_title_like(nxt.text) else None


def _tail(parts: list[Prose]) -> Unit:
    """The last two paragraphs about to be joined: enough of the end for :func:`broken`."""
    last = parts[-1].text
    if len(parts) == 1:
        return Unit(last)
    before = parts[-2].text
    return Unit(before[-1:] + ("" if before.endswith("-") else " ") + last)


def _joined(parts: list[Prose]) -> Prose | None:
    """The paragraphs of one sentence as one (a hyphenated word closes up).

    Joined once, at the end, so a run of thousands of broken paragraphs is not
    copied again for every one of them.
    """
    if len(parts) <= 1:
        return parts[0] if parts else None
    first = parts[0].source
    pieces = [parts[0].text]
    breaks = list(first.breaks)
    lines = list(parts[0].lines)
    at = len(parts[0].text)
    for part in parts[1:]:
        sep = "" if pieces[-1].endswith("-") else " "
        at += len(sep)
        later = part.source
        breaks.append((at, later.line, later.col))
        breaks.extend((at + off, ln, col) for off, ln, col in later.breaks)
        pieces.append(sep + part.text)
        lines.extend(part.lines)
        at += len(part.text)
    src = Source(first.file, first.line, first.col, tuple(breaks))
    return Prose("".join(pieces), src, tuple(lines))


def _demote_stray_numbers(items: list[Item]) -> list[Item]:
    """Keep a bare number paragraph ("17", "IV") as a heading only where it can be one:
    followed by prose, counting from 1, in a file without labelled headings."""
    labelled = any(isinstance(it, Head) and it.found.label for it in items)
    out: list[Item] = []
    for k, it in enumerate(items):
        if isinstance(it, Head) and it.found.markdown_level == 0 and it.found.label is None:
            h = it.found
            nxt = items[k + 1] if k + 1 < len(items) else None
            if h.number is not None and (labelled or h.number < 1 or not isinstance(nxt, Prose)):
                text = it.typed
                it = Prose(text, it.source, (text,))
        out.append(it)
    return out


def _numbered_chapter(found: HeadingMatch) -> bool:
    """A chapter heading with a number: ``Chapter 5``, ``# 7. The Lake``."""
    return not found.is_part and found.kind is ChapterKind.CHAPTER and found.number is not None
