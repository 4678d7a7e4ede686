"""Plain lines of prose -> block events: the structure every text-like reader shares.

Given a file's decoded, cleaned text, this finds its paragraph style, joins
wrapped lines, classifies each unit as a heading, a scene break or prose,
leaves the writer's notes to self out (:mod:`~compile_book.rules.notes`),
recognises title lines (the book's title and ``by`` line in the first file,
a chapter's title line under its number), takes out a typed contents list,
front pages and end mark (:mod:`~compile_book.readers.textapparatus`), rejoins
paragraphs broken mid-sentence, reads scene breaks from blank lines where the file's spacing
makes them one (:func:`~compile_book.rules.paragraphs.blank_line_breaks`),
and emits :mod:`~compile_book.events` in order. It does no
inline parsing and no typography: those are transforms on the tree.

Every offset of a paragraph's text maps back to its line and column through
the event's :class:`~compile_book.nodes.Source` (``breaks``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..diagnostics import Code, Reporter
from ..events import (
    BlockNode,
    Break,
    Event,
    Para,
    StartChapter,
    StartPart,
)
from ..locale import Locale, get_locale
from ..nodes import Heading, Inline, Source
from ..record import record
from ..rules.headings import BARE, HeadingMatch, looks_like_heading, match_heading
from ..rules.indented import Group
from ..rules.learned import learnt_message, teach
from ..rules.markdown import restore
from ..rules.notes import excerpt, is_note, placeholders, split_notes
from ..rules.paragraphs import (
    Line,
    Unit,
    announces,
    blank_line_breaks,
    build_units,
    split_lines,
)
from ..rules.scenebreaks import is_scene_break, looks_like_divider, reads_as_ten
from ..rules.titles import broken
from .indented import block, set_aside
from .outline import Item, caps_titles, demote_stray_numbers, story_levels
from .textapparatus import TypedApparatus
from .titling import mark_title_lines, raw_inlines

#: How many of a file's first lines may hold a chapter file's heading (after a title).
OPENING = 5


def learn_chapter_words(
    locale: Locale,
    lines: Sequence[tuple[int, str, bool]],
    options: Options,
    reporter: Reporter,
    name: str,
) -> Locale:
    """`locale` with the chapter words a file's lines (number, text, whether it stands
    alone) teach (:func:`~compile_book.rules.learned.teach`), each noted: every reader
    (text, Word, ODT) learns the same way from its own lines or paragraphs."""
    locale, taught = teach(locale, lines, OPENING, first_file=options.first)
    for word, no, text in taught:
        reporter.add(Code.CHAPTER_WORD_LEARNT, learnt_message(word, text), name, no)
    return locale


@record
class Options:
    """What the structure of one file depends on besides its text.

    ``first``: the file opens the book (its top lines may be the book's title
    and author). ``title``: the title ``book.toml`` sets, if any (a first line
    equal to it is the title line). ``dedication``: ``book.toml`` sets one (a
    dedication typed in the manuscript then stays text). ``has_title``: the reader already found the
    title (in Markdown front matter). ``author_notes``: notes to self are left
    out and reported (``[reading] author_notes``); when false they are prose.
    """

    first: bool = True
    title: str | None = None
    authors: tuple[str, ...] = ()
    """The authors ``book.toml`` names: a line under the title with their names alone
    is the author line (Polish and Russian title pages put no "by" before them)."""
    dedication: bool = False
    has_title: bool = False
    language: str = "en"
    author_notes: bool = True
    titled_siblings: bool = False
    followed: bool = False
    """Other manuscripts come after this one: a first file holding only front pages
    (a dedication, an epigraph) may give them all and no chapter."""
    """Other files of the book open with front matter naming a ``title:`` of their own
    (a site's pages, one per chapter): the first file's ``title:`` is then its chapter's."""


def unit_source(name: str, unit: Unit) -> Source:
    """The source of a unit, mapping every offset of its text back to line and column."""
    if len(unit.starts) == 1:  # one line, the common case: nothing to map
        return Source(name, unit.lines[0], unit.cols[0], ())
    breaks = tuple(zip(unit.starts[1:], unit.lines[1:], unit.cols[1:], strict=True))
    return Source(name, unit.lines[0], unit.cols[0], breaks)


class StructureReader(TypedApparatus):
    """Turns one file's lines into events; one instance per file."""

    def __init__(self, name: str, options: Options, reporter: Reporter) -> None:
        self.name = name
        self.options = options
        self.reporter = reporter
        self.events: list[Event] = []
        self.locale = get_locale(options.language)
        # The unit each Para event came from, by event index (for blank-line breaks).
        self._units: dict[int, Unit] = {}
        # Indented groups (verse, letters) set aside, by their first line's number.
        self._groups: dict[int, Group] = {}

    def read(self, text: str) -> list[Event]:
        self._titled_file = None
        lines = split_lines(text)
        if self.options.first:
            mark_title_lines(lines, self.locale.by_words)
        self._learn_chapter_words(lines)
        lines, self._groups = set_aside(lines, self._standalone)
        units, style, unwrapped = build_units(lines, self._standalone)
        report = self.reporter.add
        report(Code.PARAGRAPH_STYLE_DETECTED, f"paragraph style: {style.name}", self.name, 1)
        if unwrapped:
            report(
                Code.LINES_UNWRAPPED,
                f"{unwrapped} hard-wrapped line(s) joined into their paragraphs "
                f"(wrap width about {style.wrap_width})",
                self.name,
                units[0].line if units else 1,
            )
        if self.options.author_notes:
            units = self._leave_out_notes(units)
        self._tens = sum(len(u.lines) == 1 and reads_as_ten(u.text) for u in units)
        self._last_number: int | None = None
        items = demote_stray_numbers([self._classify(u) for u in units])
        items, titled = caps_titles(items, self.options.first)
        if titled:
            report(
                Code.CHAPTER_TITLE_RECOGNISED,
                f"{titled} ALL-CAPS line(s) standing alone after a wide gap read as the "
                "file's headings (a collection's titles)",
                self.name,
                next(it.unit.line for it in items if it.kind == "heading"),
            )
        items, stories = story_levels(items)
        if stories:
            report(
                Code.STORY_LEVEL_RECOGNISED,
                f"{stories} numbered, titled heading(s) with numbered sections inside read "
                "as stories (parts), their sections as chapters",
                self.name,
                next(it.unit.line for it in items if it.heading and it.heading.is_part),
            )
        self._emit_items(items)
        self._blank_line_breaks()
        return self.events

    def _learn_chapter_words(self, lines: list[Line]) -> None:
        """Take the chapter word this file heads its chapters with, if the locale lacks it."""
        texts = [
            (
                ln.no,
                ln.text,
                (k == 0 or not lines[k - 1].text)
                and (k + 1 == len(lines) or not lines[k + 1].text),
            )
            for k, ln in enumerate(lines)
            if ln.text
        ]
        self.locale = learn_chapter_words(
            self.locale, texts, self.options, self.reporter, self.name
        )

    def _standalone(self, line: str) -> bool:
        # Why: headings and dividers are short; skip those checks for prose lines.
        if len(line) <= 120 and (
            is_scene_break(line) or match_heading(line, self.locale) is not None
        ):
            return True
        return self.options.author_notes and is_note(line)

    def _leave_out_notes(self, units: list[Unit]) -> list[Unit]:
        kept, notes = split_notes(units)
        for note in notes:
            self.reporter.add(
                Code.AUTHOR_NOTE,
                f"note left out of the book: {restore(excerpt(note.text))!r}; resolve it "
                "before publishing ([reading] author_notes = false keeps such lines as text)",
                self.name,
                note.line,
                note.cols[0],
            )
        return kept

    def _gap(self, k: int) -> int | None:
        """Blank lines between paragraph event ``k`` and the paragraph before it, or
        ``None`` where something else stands between or the one before announces it."""
        before = self.events[k - 1] if k else None
        if not isinstance(before, Para) or announces(before.text):
            return None
        return self._units[k].gap

    def _blank_line_breaks(self) -> None:
        """Put a scene break where blank lines mark one between two paragraphs (never
        after a paragraph that announces what follows with a colon)."""
        events = self.events
        paras = [k for k, e in enumerate(events) if isinstance(e, Para)]
        gaps = [self._gap(k) for k in paras]
        wide, spacing = blank_line_breaks(gaps)
        if not wide:
            return
        at = {paras[w] for w in wide}
        out: list[Event] = []
        for k, event in enumerate(events):
            if k in at:
                unit = self._units[k]
                how = "paragraphs one per line" if spacing == 0 else "one blank line between"
                note = f" (read from {unit.gap} blank line(s); {how} elsewhere)"
                out.append(Break(Source(self.name, unit.gap_line), note))
            out.append(event)
        self.events = out

    def _classify(self, unit: Unit) -> Item:
        if len(unit.lines) == 1 and unit.line in self._groups:
            return Item("indented", unit)
        if len(unit.lines) == 1:
            text = unit.text
            if is_scene_break(text) and not self._chapter_ten(text):
                return Item("break", unit)
            found = match_heading(text, self.locale)
            if found is not None:
                self._last_number = found.number
                return Item("heading", unit, found)
            line, col = unit.line, unit.cols[0]
            if looks_like_divider(text):
                self.reporter.add(
                    Code.UNRECOGNISED_DIVIDER,
                    f"{text!r} looks like a divider but is not a known scene break; "
                    "use *** or # if it is one",
                    self.name,
                    line,
                    col,
                )
            elif looks_like_heading(text):
                # warned when emitted: a typed contents list's lines are left out first
                return Item("prose", unit, heading_like=True)
        return Item("prose", unit)

    def _chapter_ten(self, text: str) -> bool:
        """``-X-`` after ``-IX-`` in a file that numbers its chapters so (numbers alone,
        in order) and has it once: chapter ten, not the ``-x-`` scene break."""
        return (
            self._tens == 1
            and self._last_number == 9
            and BARE in self.locale.learned
            and reads_as_ten(text)
        )

    def _heading_like(self, unit: Unit, advice: str) -> None:
        self.reporter.add(
            Code.HEADING_LIKE_LINE,
            f"{unit.text!r} looks like a heading but was kept as prose; {advice}",
            self.name,
            unit.line,
            unit.cols[0],
        )

    def _emit_items(self, items: list[Item]) -> None:
        i = 0
        opts = self.options
        if opts.first and not opts.has_title:
            i = self._book_title(items)
        items = self._apparatus(items, i)
        has_heading = any(it.kind == "heading" for it in items[i:])
        if not has_heading and not opts.first:
            i = self._headingless_title(items, i)
        pending: Unit | None = None
        while i < len(items):
            item = items[i]
            if item.kind == "prose":
                if item.demoted:
                    self._heading_like(
                        item.unit, "put a blank line before and after it if it is one"
                    )
                elif item.heading_like:
                    self._heading_like(item.unit, "write it as 'Chapter 3: Title' if it is one")
                if pending is not None and broken(pending, item.unit):
                    self.reporter.add(
                        Code.BROKEN_PARAGRAPH_REJOINED,
                        "paragraph broken mid-sentence rejoined with the next",
                        self.name,
                        item.unit.line,
                    )
                    pending.extend(item.unit, "" if pending.end(1) == "-" else " ")
                else:
                    if pending is not None:
                        self._para(pending)
                    pending = item.unit
                i += 1
                continue
            if pending is not None:
                self._para(pending)
                pending = None
            src = Source(self.name, item.unit.line, item.unit.cols[0])
            if item.kind == "indented":
                self._indented(item.unit)
                i += 1
                continue
            if item.kind == "break":
                self.events.append(Break(src))
                i += 1
                continue
            assert item.heading is not None
            i = self._heading(items, i, item.heading, src)
        if pending is not None:
            self._para(pending)

    def _indented(self, unit: Unit) -> None:
        found = self._groups[unit.line]
        node = block(self.name, found)
        what = "a letter (block quote)" if found.letter else "verse"
        self.reporter.add(
            Code.INDENTED_BLOCK_RECOGNISED,
            f"{sum(1 for ln in found.lines if ln.text)} indented line(s) read as {what}",
            self.name,
            unit.line,
        )
        self.events.append(BlockNode(node))

    def _para(self, unit: Unit) -> None:
        self._units[len(self.events)] = unit
        self.events.append(Para(unit.text, unit_source(self.name, unit)))
        if not self.options.author_notes:
            return
        for offset, mark in placeholders(unit.text):
            line, col = unit.position(offset)
            self.reporter.add(
                Code.AUTHOR_NOTE,
                f"placeholder {mark!r} in the text; fill it in before publishing",
                self.name,
                line,
                col,
            )

    def _heading(self, items: list[Item], i: int, found: HeadingMatch, src: Source) -> int:
        what = "part" if found.is_part else str(found.kind)
        self.reporter.add(
            Code.HEADING_RECOGNISED,
            f"{what} heading recognised: {items[i].unit.text!r}",
            src.file,
            src.line,
        )
        title = raw_inlines(self._cased(found.title, src), _within(items[i].unit, found.title, src))
        subtitle: tuple[Inline, ...] = ()
        nxt = items[i + 1] if i + 1 < len(items) else None
        used = 1
        title_line = self._title_line(items, i, found)
        if title_line is not None:
            tsrc = Source(src.file, title_line.line, title_line.cols[0])
            title = raw_inlines(self._cased(title_line.text, tsrc), tsrc)
            what = "part" if found.is_part else "chapter"
            self.reporter.add(
                Code.CHAPTER_TITLE_RECOGNISED,
                f"{what} title line recognised: {title_line.text!r}",
                src.file,
                tsrc.line,
            )
            used = 2
        elif (
            # A deeper Markdown heading right after a chapter heading is its subtitle.
            not found.is_part
            and nxt is not None
            and nxt.heading is not None
            and found.markdown_level
            and nxt.heading.markdown_level > found.markdown_level
            and nxt.heading.label is None
            and nxt.heading.title
        ):
            sub = nxt.heading.title
            subtitle = raw_inlines(sub, _within(nxt.unit, sub, Source(src.file, nxt.unit.line)))
            used = 2
        heading = Heading(
            src, found.label, found.number, found.number_text, title, subtitle, found.as_typed
        )
        if found.is_part:
            self.events.append(StartPart(heading))
        else:
            self.events.append(StartChapter(found.kind, heading, src))
        return i + used


def _within(unit: Unit, part: str | None, source: Source) -> Source:
    """The source of ``part``, the tail of a one-line unit (a heading's title)."""
    if not part:
        return source
    at = unit.text.rfind(part)
    return Source(source.file, unit.line, unit.cols[0] + max(at, 0))
