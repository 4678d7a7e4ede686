"""Raw manuscripts -> the document tree, recording every normalisation.

The parser owns the order of the rules in :mod:`compile_book.rules` and the
assembly of the tree: files are read in book order; within a file, lines
become units (paragraph candidates), units become headings, scene breaks or
prose, and prose is rejoined, parsed for inline structure and typeset.
Nothing typed is ever dropped: every word of the input reaches the tree in
order (the only text that leaves the body is heading and title material,
which lives in the tree's headings and metadata).
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import BookConfig, isbn_digits
from .diagnostics import Diagnostic, Reporter
from .errors import InputError
from .nodes import (
    Block,
    Book,
    Chapter,
    ChapterKind,
    Emphasis,
    Heading,
    Inline,
    Metadata,
    Paragraph,
    Part,
    SceneBreak,
    Series,
    Source,
    Strong,
    Telepathy,
    Text,
)
from .rules import lint, markdown
from .rules.decode import decode
from .rules.headings import HeadingMatch, looks_like_heading, match_heading, styled_number
from .rules.inlines import Chunk, Close, InlineParser, Open, Token
from .rules.paragraphs import Line, Unit, build_units, split_lines
from .rules.scenebreaks import is_scene_break, looks_like_divider
from .rules.typography import Changes, Typographer
from .rules.whitespace import clean, first_c1_line, first_invisible_line, repair_c1

# Private-use characters standing for inline boundaries while typography runs.
_MARK = {
    ("telepathy", True): "\ue000",
    ("telepathy", False): "\ue001",
    ("emphasis", True): "\ue002",
    ("emphasis", False): "\ue003",
    ("strong", True): "\ue004",
    ("strong", False): "\ue005",
}
_MARK_RE = re.compile("[\ue000-\ue005]")

# Why: mind-speech may run over several paragraphs; look this far for its end.
_SPAN_LOOKAHEAD = 6
# Why: a title line is short; longer lines are opening sentences.
TITLE_MAX_WORDS = 12
TITLE_MAX_CHARS = 80
CHAPTER_TITLE_MAX_WORDS = 9
# Why: "All for nothing." is a title; past four words a sentence-case line is prose.
SENTENCE_TITLE_MAX_WORDS = 4
CHAPTER_TITLE_MAX_CHARS = 60
# Why: "by Jane Doe" under a title names the author; "By morning the snow had
# stopped." is prose. A name is a few capitalised words (initials and particles
# such as "de", "van" allowed) with no sentence punctuation.
BY_LINE_RE = re.compile(
    r"(?:by|written by)\s+(?P<name>(?:(?:[A-Z][\w'’.-]*|de|da|del|der|van|von|la|le|du|bin|al)"
    r"(?:\s+|$)){1,6})",
    re.I,
)
_NAME_WORD_RE = re.compile(r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.|de|da|del|der|van|von|la|le|du|bin|al)")
# Why: words a title may leave in lower case (Title Case rules).
_MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet of in on at to by up as with from into onto over "
    "upon off per via vs de la le du von van".split()
)
_OPENING_QUOTES = ("“", '"', "‘", "'", "«", "„", "{", "<", "*", "_")
_NOT_RAW_TITLE_END = tuple(".,;:!")
# Why: the first word of a short opening sentence is usually a pronoun; titles rarely start so.
_SENTENCE_STARTS = frozenset("i he she it they we you his her their my our there".split())


@dataclass(slots=True)
class ManuscriptSource:
    """One manuscript handed to the parser: the name diagnostics use, and its bytes."""

    name: str
    data: bytes


@dataclass(slots=True)
class _Item:
    """A classified unit: ``kind`` is heading, break or prose."""

    kind: str
    unit: Unit
    heading: HeadingMatch | None = None


@dataclass(slots=True)
class _OpenChapter:
    kind: ChapterKind
    heading: Heading | None
    source: Source
    blocks: list[Block] = field(default_factory=list)
    number: int | None = None


@dataclass(slots=True)
class _QuoteState:
    """A paragraph that ended with a quote still open, awaiting the next paragraph."""

    file: str
    line: int
    col: int


class _Assembler:
    """Builds parts and chapters, enforcing the tree's invariants as blocks arrive."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.parts: list[Part] = []
        self.part_heading: Heading | None = None
        self.part_source: Source | None = None
        self.chapters: list[Chapter] = []
        self.chapter: _OpenChapter | None = None
        self.last_number: int | None = None
        self.open_quote: _QuoteState | None = None

    # -- parts and chapters
    def start_part(self, heading: Heading) -> None:
        self.close_chapter()
        self._close_part()
        self.part_heading = heading
        self.part_source = heading.source

    def start_chapter(self, kind: ChapterKind, heading: Heading | None, source: Source) -> None:
        self.close_chapter()
        if kind is ChapterKind.EPILOGUE and self.part_heading is not None:
            # The epilogue belongs to the whole book, not to the last part: it
            # stands at the top level, like a prologue before Part One.
            self._close_part()
        self.chapter = _OpenChapter(kind, heading, source)
        if heading is not None and heading.number is not None:
            self._check_sequence(heading)

    def _check_sequence(self, heading: Heading) -> None:
        number = heading.number
        assert number is not None
        last = self.last_number
        restarted = number == 1 and not self.chapters and self.part_heading is not None
        if last is not None and number != last + 1 and not restarted:
            what = "repeats" if number == last else "is out of sequence"
            self.reporter.add(
                "W109",
                f"chapter number {heading.number_text} {what} (previous was {last}); "
                "renumber the chapter",
                heading.source.file,
                heading.source.line,
                heading.source.col,
            )
        self.last_number = number

    def set_title(self, title: tuple[Inline, ...]) -> None:
        assert self.chapter is not None and self.chapter.heading is not None
        h = self.chapter.heading
        self.chapter.heading = Heading(
            h.source, h.label, h.number, h.number_text, title, h.subtitle
        )

    def set_subtitle(self, subtitle: tuple[Inline, ...]) -> None:
        assert self.chapter is not None and self.chapter.heading is not None
        h = self.chapter.heading
        self.chapter.heading = Heading(
            h.source, h.label, h.number, h.number_text, h.title, subtitle
        )

    def close_chapter(self) -> None:
        self.flush_quote()
        ch = self.chapter
        if ch is None:
            return
        self.chapter = None
        blocks = ch.blocks
        if blocks and isinstance(blocks[-1], SceneBreak):
            src = blocks.pop().source
            self._retract("N030", src)
            self.reporter.add(
                "W105",
                "scene break at the end of a chapter was dropped; remove the divider",
                src.file,
                src.line,
                src.col,
            )
        if not blocks and ch.heading is not None:
            self.reporter.add(
                "W111",
                "chapter has no text; write it, or remove the heading",
                ch.source.file,
                ch.source.line,
                ch.source.col,
            )
        self.chapters.append(Chapter(ch.kind, ch.heading, tuple(blocks), ch.source))

    def _retract(self, code: str, src: Source) -> None:
        """Withdraw a note that a later decision contradicts (a break kept, then dropped)."""
        items = self.reporter.items
        for k in range(len(items) - 1, -1, -1):
            d = items[k]
            if d.code == code and d.file == src.file and d.line == src.line:
                del items[k]
                return

    def _close_part(self) -> None:
        if self.chapters or self.part_heading is not None:
            source = self.part_source or (
                self.chapters[0].source if self.chapters else Source("", 0)
            )
            self.parts.append(Part(self.part_heading, tuple(self.chapters), source))
        self.chapters = []
        self.part_heading = None
        self.part_source = None

    def finish(self) -> tuple[Part, ...]:
        self.close_chapter()
        self._close_part()
        return tuple(self.parts)

    # -- blocks
    def ensure_chapter(self, source: Source) -> _OpenChapter:
        if self.chapter is None:
            self.chapter = _OpenChapter(ChapterKind.CHAPTER, None, source)
        return self.chapter

    def add_break(self, source: Source) -> None:
        self.flush_quote()
        ch = self.ensure_chapter(source)
        if not ch.blocks:
            self.reporter.add(
                "W105",
                "scene break at the start of a chapter was dropped; remove the divider",
                source.file,
                source.line,
                source.col,
            )
        elif isinstance(ch.blocks[-1], SceneBreak):
            self.reporter.add(
                "N031", "second scene break in a row dropped", source.file, source.line
            )
        else:
            ch.blocks.append(SceneBreak(source))
            self.reporter.add("N030", "scene break recognised", source.file, source.line)

    def add_paragraph(self, para: Paragraph, opens: bool, left_open: _QuoteState | None) -> None:
        if self.open_quote is not None and not opens:
            self.flush_quote()
        self.open_quote = left_open
        self.ensure_chapter(para.source).blocks.append(para)

    def flush_quote(self) -> None:
        q = self.open_quote
        if q is not None:
            self.reporter.add(
                "W101",
                "quotation opened here is never closed; add the closing quote",
                q.file,
                q.line,
                q.col,
            )
        self.open_quote = None


class _Recorder:
    """Stands in for the :class:`_Assembler` while one file is parsed.

    A file's parse depends only on its bytes, the config and whether it opens
    the book; what it does to the book is this list of assembler calls. So a
    file's result can be cached and replayed: ``--watch`` re-parses only the
    files that changed, and the book-level checks (chapter sequence, scene
    breaks at chapter edges, quotes left open) still run on every replay.
    """

    __slots__ = ("calls",)

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def start_part(self, heading: Heading) -> None:
        self.calls.append(("start_part", (heading,)))

    def start_chapter(self, kind: ChapterKind, heading: Heading | None, source: Source) -> None:
        self.calls.append(("start_chapter", (kind, heading, source)))

    def set_title(self, title: tuple[Inline, ...]) -> None:
        self.calls.append(("set_title", (title,)))

    def set_subtitle(self, subtitle: tuple[Inline, ...]) -> None:
        self.calls.append(("set_subtitle", (subtitle,)))

    def close_chapter(self) -> None:
        self.calls.append(("close_chapter", ()))

    def add_break(self, source: Source) -> None:
        self.calls.append(("add_break", (source,)))

    def add_paragraph(self, para: Paragraph, opens: bool, left_open: _QuoteState | None) -> None:
        self.calls.append(("add_paragraph", (para, opens, left_open)))


@dataclass(frozen=True, slots=True)
class FileResult:
    """One manuscript's parse: assembler calls, diagnostics, and any title/author lines."""

    calls: tuple[tuple[str, tuple[Any, ...]], ...]
    diagnostics: tuple[Diagnostic, ...]
    title: str | None
    author: str | None

    def replay(self, assembler: _Assembler) -> None:
        for name, args in self.calls:
            getattr(assembler, name)(*args)


class ParseCache:
    """Per-file parse results keyed by name, content hash, config and position.

    Hand the same cache to successive :func:`parse_sources` calls (``--watch``
    does) and only changed manuscripts are parsed again; unchanged chapters
    come back as the very same node objects, which lets backends reuse their
    rendered output too.
    """

    def __init__(self) -> None:
        self._results: dict[tuple[str, bytes, bool, str], FileResult] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[str, bytes, bool, str]) -> FileResult | None:
        result = self._results.get(key)
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, key: tuple[str, bytes, bool, str], result: FileResult) -> None:
        self._results[key] = result

    def prune(self, live: set[tuple[str, bytes, bool, str]]) -> None:
        """Forget results for files that changed or left the book."""
        for key in list(self._results):
            if key not in live:
                del self._results[key]


class _FileParser:
    """Parses one manuscript into a :class:`FileResult`."""

    def __init__(
        self,
        config: BookConfig,
        typographer: Typographer,
        inline: InlineParser,
        first_file: bool,
    ) -> None:
        self.config = config
        self.reporter = Reporter()
        self.assembler = _Recorder()
        self.typographer = typographer
        self.inline = inline
        self.title: str | None = None
        self.author: str | None = None
        self.first_file = first_file
        self.counts: Changes = Changes()
        self.telepathy_spans = 0
        self.emphasis_spans = 0
        self.carry: tuple[str, str] | None = None
        self.escaped = False

    def run(self, source: ManuscriptSource) -> FileResult:
        self._parse(source)
        name = source.name
        report = self.reporter.add
        c = self.counts
        if c.quotes:
            report("N051", f"{c.quotes} straight quote(s) curled", name)
        if c.ellipses:
            report("N052", f"{c.ellipses} ellipsis(es) converted to …", name)
        if c.nbsp:
            report("N053", f"{c.nbsp} no-break space(s) added", name)
        if self.telepathy_spans:
            report("N040", f"{self.telepathy_spans} telepathic span(s) recognised", name)
        if self.emphasis_spans:
            report("N041", f"{self.emphasis_spans} emphasis span(s) recognised", name)
        return FileResult(
            tuple(self.assembler.calls), tuple(self.reporter.items), self.title, self.author
        )

    def _parse(self, source: ManuscriptSource) -> None:
        name = source.name
        decoded = decode(source.data, name)
        text, repaired = repair_c1(decoded.text)
        text, removed = clean(text)
        if name.lower().endswith(markdown.MARKDOWN_SUFFIXES):
            text = self._markdown(text, name)
        text, escapes = markdown.hide_escapes(text)
        self.escaped = escapes > 0
        if not text.strip():
            raise InputError(
                "the manuscript is empty; write something in it or remove it from the book",
                name,
            )
        report = self.reporter.add
        if decoded.encoding != "UTF-8":
            report("N001", f"decoded as {decoded.encoding}", name, 1)
        if decoded.newlines_changed:
            report("N002", "CRLF/CR line endings normalised to LF", name, 1)
        if repaired:
            report(
                "N004",
                f"{repaired} Windows-1252 character(s) repaired (curly quotes or dashes that "
                "had been decoded as Latin-1 control codes)",
                name,
                first_c1_line(decoded.text),
            )
        if removed:
            report(
                "N003",
                f"{removed} invisible character(s) removed (zero-width, soft hyphen, control)",
                name,
                first_invisible_line(decoded.text),
            )
        mixed = lint.mixed_quotes(text)
        if mixed is not None:
            line = text.count("\n", 0, mixed) + 1
            col = mixed - (text.rfind("\n", 0, mixed) + 1) + 1
            report(
                "W104",
                "straight and curly quotes are mixed in this file; use one kind throughout",
                name,
                line,
                col,
            )
        lines = split_lines(text)
        if self.first_file:
            _mark_title_lines(lines)
        units, style, unwrapped = build_units(lines, self._standalone)
        report("N010", f"paragraph style: {style.name}", name, 1)
        if unwrapped:
            report(
                "N011",
                f"{unwrapped} hard-wrapped line(s) joined into their paragraphs "
                f"(wrap width about {style.wrap_width})",
                name,
                units[0].line if units else 1,
            )
        items = _demote_stray_numbers([self._classify(u, name) for u in units])
        self._assemble_file(items, name)

    def _markdown(self, text: str, name: str) -> str:
        prepared = markdown.prepare(text)
        meta = prepared.meta
        if prepared.front_matter_lines:
            self.reporter.add("N024", f"front matter read ({', '.join(sorted(meta))})", name, 1)
            if self.first_file:
                self.title = meta.get("title") or None
                self.author = meta.get("author") or None
        if prepared.comments:
            self.reporter.add(
                "N025", f"{prepared.comments} comment(s) left out of the book", name, 1
            )
        return prepared.text

    def _standalone(self, line: str) -> bool:
        return is_scene_break(line) or match_heading(line) is not None

    def _classify(self, unit: Unit, name: str) -> _Item:
        if len(unit.lines) == 1:
            text = unit.text
            if is_scene_break(text):
                return _Item("break", unit)
            found = match_heading(text)
            if found is not None:
                return _Item("heading", unit, found)
            line, col = unit.line, unit.cols[0]
            if looks_like_divider(text):
                self.reporter.add(
                    "W108",
                    f"{text!r} looks like a divider but is not a known scene break; "
                    "use *** or # if it is one",
                    name,
                    line,
                    col,
                )
            elif looks_like_heading(text):
                self.reporter.add(
                    "W106",
                    f"{text!r} looks like a heading but was kept as prose; "
                    "write it as 'Chapter 3: Title' if it is one",
                    name,
                    line,
                    col,
                )
        return _Item("prose", unit)

    def _assemble_file(self, items: list[_Item], name: str) -> None:
        asm = self.assembler
        i = 0
        if self.first_file and self.title is None:
            i = self._book_title(items, name)
        has_heading = any(it.kind == "heading" for it in items[i:])
        if not has_heading and not self.first_file:
            i = self._headingless_title(items, i, name)
        pending: Unit | None = None
        while i < len(items):
            item = items[i]
            if item.kind == "prose":
                if pending is not None and _broken(pending, item.unit):
                    self.reporter.add(
                        "N012",
                        "paragraph broken mid-sentence rejoined with the next",
                        name,
                        item.unit.line,
                    )
                    pending.extend(item.unit, "" if pending.text.endswith("-") else " ")
                else:
                    if pending is not None:
                        self._emit(pending, name, _prose_run(items, i))
                    pending = item.unit
                i += 1
                continue
            if pending is not None:
                self._emit(pending, name)
                pending = None
            src = Source(name, item.unit.line, item.unit.cols[0])
            if item.kind == "break":
                asm.add_break(src)
                i += 1
                continue
            assert item.heading is not None
            i = self._heading(items, i, item.heading, src)
        if pending is not None:
            self._emit(pending, name)

    def _heading(self, items: list[_Item], i: int, found: HeadingMatch, src: Source) -> int:
        asm = self.assembler
        style = self.config.headings
        number_text = styled_number(
            found.number,
            found.number_text,
            style.part_numbers if found.is_part else style.chapter_numbers,
            self.config.language,
        )
        heading = Heading(
            src,
            found.label,
            found.number,
            number_text,
            self._inline_title(found.title, src),
        )
        what = "part" if found.is_part else str(found.kind)
        self.reporter.add(
            "N020", f"{what} heading recognised: {items[i].unit.text!r}", src.file, src.line
        )
        if found.is_part:
            # "Part One" then "The Early Years" on its own line: the part's title.
            nxt_part = items[i + 1] if i + 1 < len(items) else None
            if (
                found.title is None
                and nxt_part is not None
                and nxt_part.kind == "prose"
                and len(nxt_part.unit.lines) == 1
                and _book_title_like(nxt_part.unit.text)
            ):
                tsrc = Source(src.file, nxt_part.unit.line, nxt_part.unit.cols[0])
                heading = Heading(
                    src,
                    found.label,
                    found.number,
                    number_text,
                    self._inline_title(nxt_part.unit.text, tsrc),
                )
                self.reporter.add(
                    "N023",
                    f"part title line recognised: {nxt_part.unit.text!r}",
                    src.file,
                    tsrc.line,
                )
                asm.start_part(heading)
                return i + 2
            asm.start_part(heading)
            return i + 1
        asm.start_chapter(found.kind, heading, src)
        i += 1
        # A deeper Markdown heading right after a chapter heading is its subtitle.
        nxt = items[i] if i < len(items) else None
        if (
            nxt is not None
            and nxt.heading is not None
            and found.markdown_level
            and nxt.heading.markdown_level > found.markdown_level
            and nxt.heading.label is None
            and nxt.heading.title
        ):
            asm.set_subtitle(self._inline_title(nxt.heading.title, src))
            return i + 1
        # "Chapter 29" then "All for nothing." on its own line: a title line.
        # Only under a *number*: after "Prologue" a short line is the opening sentence.
        if (
            found.title is None
            and found.number is not None
            and nxt is not None
            and nxt.kind == "prose"
            and i + 1 < len(items)
            and items[i + 1].kind == "prose"
            # a line opening a block that goes on is the start of the text, not a title
            and not (nxt.unit.blank_before and not items[i + 1].unit.blank_before)
            and _chapter_title_like(nxt.unit.text)
        ):
            tsrc = Source(src.file, nxt.unit.line, nxt.unit.cols[0])
            asm.set_title(self._inline_title(nxt.unit.text, tsrc))
            self.reporter.add(
                "N023", f"chapter title line recognised: {nxt.unit.text!r}", src.file, tsrc.line
            )
            return i + 1
        return i

    def _book_title(self, items: list[_Item], name: str) -> int:
        """Take a title line (and ``by`` line) at the very top of the book; return items used."""
        if len(items) < 2:
            return 0
        first = items[0]
        text = first.unit.text
        configured = self.config.title
        is_title = False
        if first.kind == "heading" and first.heading is not None:
            h = first.heading
            is_title = bool(
                h.markdown_level == 1
                and h.label is None
                and h.title
                and any(it.heading and it.heading.markdown_level > 1 for it in items[1:])
            )
            text = h.title or text
        elif first.kind == "prose" and len(first.unit.lines) == 1:
            same = configured is not None and _fold(configured) == _fold(text)
            is_title = same or (configured is None and _book_title_like(text))
        if not is_title:
            return 0
        self.title = text
        self.reporter.add("N021", f"book title line recognised: {text!r}", name, first.unit.line)
        used = 1
        second = items[1]
        by = by_line(second.unit.text) if second.kind == "prose" else None
        if by and len(items) > 2 and len(second.unit.lines) == 1:
            self.author = by
            self.reporter.add(
                "N022", f"author line recognised: {self.author!r}", name, second.unit.line
            )
            used = 2
        return used

    def _headingless_title(self, items: list[_Item], i: int, name: str) -> int:
        """A short title-case first line of a file without headings titles its chapter."""
        if i + 1 >= len(items) or items[i].kind != "prose" or items[i + 1].kind != "prose":
            return i
        unit = items[i].unit
        if len(unit.lines) != 1 or not _book_title_like(unit.text):
            return i
        src = Source(name, unit.line, unit.cols[0])
        heading = Heading(src, title=self._inline_title(unit.text, src))
        self.assembler.start_chapter(ChapterKind.CHAPTER, heading, src)
        self.reporter.add("N023", f"chapter title line recognised: {unit.text!r}", name, unit.line)
        return i + 1

    # -- paragraphs
    def _inline_title(self, text: str | None, src: Source) -> tuple[Inline, ...]:
        if not text:
            return ()
        unit = Unit(text, [0], [src.line], [src.col])
        inlines, _, _ = self._inlines(unit, src.file)
        return inlines

    def _emit(self, unit: Unit, name: str, following: tuple[Unit, ...] = ()) -> None:
        raw = unit.text
        for offset, words in lint.doubled_words(raw):
            line, col = unit.position(offset)
            self.reporter.add("W103", f"doubled word {words!r}; delete one", name, line, col)
        n_words = raw.count(" ") + 1
        if n_words > lint.LONG_PARAGRAPH_WORDS:
            self.reporter.add(
                "W107",
                f"paragraph of {n_words} words; a paragraph break may be missing",
                name,
                unit.line,
                unit.cols[0],
            )
        inlines, opens, left_open = self._inlines(unit, name, following)
        para = Paragraph(inlines, Source(name, unit.line, unit.cols[0]))
        self.assembler.add_paragraph(para, opens, left_open)

    def _inlines(
        self, unit: Unit, name: str, following: tuple[Unit, ...] = ()
    ) -> tuple[tuple[Inline, ...], bool, _QuoteState | None]:
        """Inline structure + typography for one unit; also quote state for the linter.

        ``following`` are the next paragraphs of the same chapter: mind-speech
        left open here may close in one of them, or be reopened by the next one.
        """
        raw = unit.text
        tokens: list[Token]
        carry, self.carry = self.carry, None
        if carry is not None or self.inline.needs_parse(raw):
            tokens, problems = self.inline.parse(raw, carry)
            if carry is not None and self.inline.inside(raw, carry):
                self.carry = carry  # a middle paragraph of a longer span
            elif problems and problems[-1].delimiter in self.inline.closers:
                pair = (problems[-1].delimiter, self.inline.closers[problems[-1].delimiter])
                fate = self.inline.fate(pair, [u.text for u in following])
                if fate is not None:
                    tokens, problems = self.inline.parse(raw, carry, open_end=True)
                    self.carry = pair if fate == "closes" else None
            for p in problems:
                line, col = unit.position(p.offset)
                self.reporter.add(
                    "W102",
                    f"telepathy delimiter {p.delimiter!r} has no partner in its paragraph; "
                    "kept as text",
                    name,
                    line,
                    col,
                )
        else:
            tokens = [Chunk(0, len(raw))]
        # Build the marked string, remembering where each chunk starts in it.
        pieces: list[str] = []
        starts: list[tuple[int, int]] = []  # (offset in marked text, offset in raw text)
        at = 0
        for tok in tokens:
            if isinstance(tok, Chunk):
                starts.append((at, tok.start))
                piece = raw[tok.start : tok.end]
            else:
                piece = _MARK[(tok.kind, isinstance(tok, Open))]
                if isinstance(tok, Open) and not tok.continued:
                    if tok.kind == "telepathy":
                        self.telepathy_spans += 1
                    else:
                        self.emphasis_spans += 1
            pieces.append(piece)
            at += len(piece)
        marked = "".join(pieces)

        def to_source(offset: int) -> tuple[int, int]:
            raw_offset = offset
            for m_at, r_at in starts:
                if m_at > offset:
                    break
                raw_offset = r_at + (offset - m_at)
            return unit.position(raw_offset)

        changes = self.counts
        curled = self.typographer.curl_counted(marked, changes)
        open_q, close_q = self.typographer.double_quotes
        open_at = lint.unclosed_double_quote(curled, open_q, close_q)
        left_open = None
        if open_at is not None:
            line, col = to_source(open_at)
            left_open = _QuoteState(name, line, col)
        opens = curled.lstrip("\ue000\ue002\ue004").startswith(open_q)
        mark = len(changes.dashes)
        final = self.typographer.apply(curled, changes)
        if self.escaped:
            final = markdown.restore(final)
        for offset, what in changes.dashes[mark:]:
            line, col = to_source(offset)
            self.reporter.add("N050", f"dash converted: {what}", name, line, col)
        del changes.dashes[mark:]
        return _build_inlines(final, tokens, unit, name), opens, left_open


class _BookParser:
    """Parses one book's manuscripts in order, reusing cached per-file results."""

    def __init__(self, config: BookConfig, cache: ParseCache | None) -> None:
        self.config = config
        self.cache = cache
        self.config_key = config.model_dump_json()
        self.reporter = Reporter()
        self.assembler = _Assembler(self.reporter)
        self.typographer = Typographer(config.typography, config.language)
        self.inline = InlineParser(list(config.telepathy.delimiters))
        self.file_diagnostics: list[Diagnostic] = []
        self.title: str | None = None
        self.author: str | None = None
        self.order: dict[str, int] = {}
        self.live: set[tuple[str, bytes, bool, str]] = set()

    def add_file(self, source: ManuscriptSource) -> None:
        first = not self.order
        self.order.setdefault(source.name, len(self.order))
        key = (source.name, hashlib.sha256(source.data).digest(), first, self.config_key)
        self.live.add(key)
        result = self.cache.get(key) if self.cache is not None else None
        if result is None:
            parser = _FileParser(self.config, self.typographer, self.inline, first)
            result = parser.run(source)
            if self.cache is not None:
                self.cache.put(key, result)
        # Every file starts a new chapter (a file without a heading is one chapter).
        self.assembler.close_chapter()
        result.replay(self.assembler)
        self.file_diagnostics.extend(result.diagnostics)
        if first:
            self.title, self.author = result.title, result.author

    def finish(self, name_hint: str) -> Book:
        parts = self.assembler.finish()
        if self.cache is not None:
            self.cache.prune(self.live)
        cfg = self.config
        order = self.order
        diagnostics = sorted(
            [*self.file_diagnostics, *self.reporter.items],
            key=lambda d: (order.get(d.file, len(order)), d.line, d.col),
        )
        title = cfg.title or self.title or _title_from_name(name_hint)
        authors = tuple(cfg.authors) or ((self.author,) if self.author else ())
        identifier = cfg.identifier or (
            f"urn:isbn:{isbn_digits(cfg.isbn)}"
            if cfg.isbn
            else _generated_identifier(title, authors)
        )
        meta = Metadata(
            title=title,
            language=cfg.language,
            identifier=identifier,
            authors=authors,
            subtitle=cfg.subtitle,
            publisher=cfg.publisher,
            date=cfg.date,
            description=cfg.description,
            series=Series(cfg.series.name, cfg.series.number) if cfg.series else None,
            rights=cfg.rights,
            isbn=cfg.isbn,
            edition=cfg.edition,
            dedication=cfg.dedication,
            epigraph=cfg.epigraph,
            epigraph_source=cfg.epigraph_source,
        )
        return Book(meta, parts, tuple(diagnostics))


def _build_inlines(final: str, tokens: list[Token], unit: Unit, name: str) -> tuple[Inline, ...]:
    """Split typeset text at its markers and rebuild nested inline nodes in order."""
    if len(tokens) == 1:
        return (Text(final, Source(name, unit.line, unit.cols[0])),)
    texts = _MARK_RE.split(final)
    root: list[Inline] = []
    stack: list[tuple[Open, Source, list[Inline]]] = []
    current = root
    k = 0  # index into texts: the gap before the next marker
    for tok in tokens:
        if isinstance(tok, Chunk):
            piece = texts[k]
            if piece:
                line, col = unit.position(tok.start)
                current.append(Text(piece, Source(name, line, col)))
            continue
        k += 1
        if isinstance(tok, Open):
            line, col = unit.position(tok.offset)
            stack.append((tok, Source(name, line, col), current))
            current = []
        else:
            assert isinstance(tok, Close)
            opener, src, parent = stack.pop()
            children = tuple(current)
            node: Inline
            if opener.kind == "telepathy":
                node = Telepathy(children, src, continued=opener.continued)
            elif opener.kind == "strong":
                node = Strong(children, src)
            else:
                node = Emphasis(children, src)
            parent.append(node)
            current = parent
    return tuple(root)


def _prose_run(items: list[_Item], i: int) -> tuple[Unit, ...]:
    """The prose units from ``items[i]`` up to the next heading or scene break."""
    run: list[Unit] = []
    for it in items[i : i + _SPAN_LOOKAHEAD]:
        if it.kind != "prose":
            break
        run.append(it.unit)
    return tuple(run)


def _demote_stray_numbers(items: list[_Item]) -> list[_Item]:
    """Keep a bare number line ("17", "IV") as a heading only where it can be one.

    It must stand between blank lines (or open the file), be followed by prose,
    count from 1, and the file must not use labelled headings ("Chapter 3"): a
    countdown "3 / 2 / 1" inside a scene, or a "0", is prose.
    """
    labelled = any(it.heading is not None and it.heading.label for it in items)
    out: list[_Item] = []
    for k, it in enumerate(items):
        h = it.heading
        if h is not None and h.label is None and h.markdown_level == 0 and h.number is not None:
            nxt = items[k + 1] if k + 1 < len(items) else None
            isolated = (it.unit.blank_before or k == 0) and (
                nxt is not None and nxt.unit.blank_before
            )
            if labelled or h.number < 1 or not isolated or nxt is None or nxt.kind != "prose":
                it = _Item("prose", it.unit)
        out.append(it)
    return out


def _mark_title_lines(lines: list[Line]) -> None:
    """A title line with a ``by`` line right under it stand alone, whatever the style."""
    first = [ln for ln in lines[:40] if ln.text][:2]
    if len(first) == 2 and first[1].no == first[0].no + 1 and by_line(first[1].text):
        first[0].alone = first[1].alone = True


def by_line(text: str) -> str | None:
    """The author's name in a ``by Jane Doe`` line, or ``None`` if the line is prose."""
    m = BY_LINE_RE.fullmatch(text.strip())
    if m is None:
        return None
    name = m.group("name").strip()
    words = name.split()
    if not all(_NAME_WORD_RE.fullmatch(w) for w in words):
        return None
    if not any(w[0].isupper() and len(w.rstrip(".")) > 1 for w in words):
        return None  # initials alone are not a name
    return name


def _broken(first: Unit, second: Unit) -> bool:
    """A paragraph that stops mid-sentence and continues in lower case was split by accident."""
    end = first.text[-1]
    start = second.text[0]
    if end == "-":  # "com-" / "plaint": a word hyphenated across the break
        return first.text[-2:-1].isalpha() and start.islower()
    return (end.isalnum() or end in ",;") and start.islower()


def _generated_identifier(title: str, authors: tuple[str, ...]) -> str:
    """A UUID derived from title and authors: stable across builds, unlike uuid4."""
    name = "compile-book:" + "|".join((title, *authors))
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower().strip("'’") not in _MINOR_WORDS]
    return bool(significant) and all(w[:1].isupper() or w[:1].isdigit() for w in significant)


def _book_title_like(text: str) -> bool:
    """A book or file title: short, Title Case, not a sentence, not dialogue."""
    words = text.split()
    return (
        0 < len(words) <= TITLE_MAX_WORDS
        and len(text) <= TITLE_MAX_CHARS
        and not text.startswith(_OPENING_QUOTES)
        and not text.endswith(_NOT_RAW_TITLE_END)
        and _title_case(words)
    )


def _chapter_title_like(text: str) -> bool:
    """A chapter title line under a number: a short phrase, not an opening sentence.

    Up to four words may read like a sentence ("All for nothing."); a longer line
    must be in Title Case with no full stop ("The Long Road Home"), since "The rain
    had not stopped for days." is the chapter's first sentence.
    """
    words = text.split()
    body = text.rstrip(".!?…")
    if not (
        0 < len(words) <= CHAPTER_TITLE_MAX_WORDS
        and len(text) <= CHAPTER_TITLE_MAX_CHARS
        and text[:1].isupper()
        and not text.startswith(_OPENING_QUOTES)
        and not any(c in body for c in '.!?"“”,;:')
        and not text.endswith((",", ";", ":"))
        and words[0].lower() not in _SENTENCE_STARTS
    ):
        return False
    if len(words) <= SENTENCE_TITLE_MAX_WORDS:
        return True
    return not text.endswith(".") and _title_case(words)


def _title_from_name(name: str) -> str:
    """``the-long-night_draft2.txt`` -> ``The Long Night Draft2``."""
    stem = Path(name).stem if "." in Path(name).name else Path(name).name
    words = re.split(r"[-_\s]+", stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Untitled"


def parse_sources(
    sources: list[ManuscriptSource],
    config: BookConfig | None = None,
    name_hint: str = "",
    cache: ParseCache | None = None,
) -> Book:
    """Parse manuscripts (in book order) into a :class:`Book`.

    Pass the same ``cache`` to repeated calls to re-parse only changed files.
    """
    if not sources:
        raise InputError("no manuscripts found; add .txt or .md files", name_hint or None)
    parser = _BookParser(config or BookConfig(), cache)
    for src in sources:
        parser.add_file(src)
    return parser.finish(name_hint or sources[0].name)


def parse_text(text: str, config: BookConfig | None = None, name: str = "<text>") -> Book:
    """Parse one manuscript given as a string (for tools and tests)."""
    return parse_sources([ManuscriptSource(name, text.encode("utf-8"))], config, name)
