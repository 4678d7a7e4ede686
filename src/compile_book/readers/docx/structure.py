"""Word paragraphs -> a file's events: title page, headings, scene breaks, prose.

The decisions, in order:

1. **Kinds.** Each paragraph is a heading (by its style, see :mod:`.styles`,
   or, unstyled, by the same text rules as ``.txt``: ``Chapter 3: The Fall``),
   a scene break (``#``, ``***``, a centred ornament, a border or line Word
   drew, an empty paragraph in a "Scene Break" style), a quotation (a quote
   style, or indented well past the document's usual indent), a list item,
   a caption, a picture, an empty spacing paragraph, or prose. A bare number
   ("7") is a heading only when set apart (centred, bold or after a page
   break), counting from 1, in a file without labelled headings.
2. **Title page** (first file): a Standard Manuscript Format block at the top
   (contact lines, a word count, an e-mail address) is left out; then a
   Title-style paragraph (or a centred or bold title-like first line, or
   the only top-level heading above deeper ones) is the book's title, a
   Subtitle-style one its subtitle, a ``by Name`` line its author.
3. **Heading levels.** The top heading level is the chapter level, unless
   every heading there only wraps deeper ones (Heading 1 "The Early Years"
   over Heading 2 chapters): then those are parts. ``Part One`` is a part at
   any level. A deeper heading right under a chapter heading is its title
   (or subtitle); elsewhere, or where the chapters hold several of its level,
   it is a subheading inside the chapter.
4. **Empty paragraphs** count as the blank lines of a ``.txt`` file and follow
   its rule (:func:`~compile_book.rules.paragraphs.blank_line_breaks`): where
   paragraphs are separated by none (or one), a rare wider gap between two
   prose paragraphs, with no page break, is a scene break; all other empty
   paragraphs are spacing and are dropped.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator

from ...diagnostics import Code, Reporter
from ...events import (
    BlockNode,
    Break,
    Event,
    StartChapter,
    StartPart,
)
from ...locale import get_locale
from ...nodes import ChapterKind, Figure, Heading, Paragraph, Source, Subheading, Text
from ...rules.headings import HeadingMatch, looks_like_heading, match_heading, names_number
from ...rules.notes import excerpt, is_note, placeholders
from ...rules.paragraphs import blank_line_breaks
from ...rules.scenebreaks import is_scene_break, looks_like_divider
from ...rules.titles import book_title_like, chapter_title_like
from ..structure import Options, learn_chapter_words
from ..subheadings import Role, subheading_levels
from .blocks import Builder, raw_inlines
from .body import WordPara
from .content import Document
from .frontpages import front_pages, typed_contents
from .pieces import Picture, Rule
from .titlepage import Item, headingless_title, is_set_apart, next_item, title_page

# Why: Word's default indent step is 0.5 in (720 twips); a quotation is set in
# by at least that much more than the document's ordinary paragraphs.
QUOTE_INDENT = 720
_PROSE_KINDS = frozenset(("prose", "quote", "list"))


class Structure:
    """Classifies one file's paragraphs and emits its events."""

    def __init__(self, doc: Document, options: Options, reporter: Reporter) -> None:
        self.file = doc.file
        self.doc = doc
        self.options = options
        self.reporter = reporter
        self.locale = get_locale(options.language)
        self.builder = Builder(doc.file, doc.numbering)
        self.events: list[Event] = []

    def read(self, paras: list[WordPara]) -> list[Event]:
        self._learn_chapter_words(paras)
        items = self._items(paras)
        self._demote_stray_numbers(items)
        if self.options.first and not self.options.has_title:
            self.events.extend(title_page(items, self.options, self.doc, self.reporter))
        if self.options.first:
            typed_contents(items, self.file, self.reporter)
            self.events.extend(
                front_pages(items, self.options, self.locale, self.file, self.reporter)
            )
        elif not self.options.first and not any(it.kind == "heading" for it in items):
            headingless_title(items)
        _page_titles(items)
        self._roles(items)
        self._gap_breaks(items)
        self._emit(items)
        return self.events

    def _learn_chapter_words(self, paras: list[WordPara]) -> None:
        """Take the chapter word this file heads its chapters with, if the locale lacks it."""
        lines = [(p.n, p.text, p.kind == "body" and "\n" not in p.text) for p in paras if p.text]
        self.locale = learn_chapter_words(
            self.locale, lines, self.options, self.reporter, self.file
        )

    # -- 1. kinds

    def _items(self, paras: list[WordPara]) -> list[Item]:
        lefts = collections.Counter(
            p.left or 0 for p in paras if p.text and p.kind == "body" and not self._listed(p)
        )
        usual = lefts.most_common(1)[0][0] if lefts else 0
        items: list[Item] = []
        page = False
        gap = widest = 0
        for para in paras:
            page = page or para.page_before
            item = self._classify(para, usual)
            if item is None:  # left out: like a .txt comment, it neither adds to a gap nor ends it
                gap, widest = 0, max(gap, widest)
            elif item.kind == "empty":
                gap += 1
            else:
                item.after_page, item.gap = page, max(gap, widest)
                page, gap, widest = False, 0, 0
            page = page or para.page_after
            if item is not None:
                items.append(item)
        return items

    def _classify(self, para: WordPara, usual_left: int) -> Item | None:
        text, kind = para.text, para.kind
        if kind == "toc":
            self.doc.omit("table of contents", para.n)
            return None
        pictures = any(isinstance(p, Picture) for p in para.pieces)
        if not text:
            if (
                any(isinstance(p, Rule) for p in para.pieces)
                or kind == "break"
                or (para.border and not pictures)
            ):
                return Item("break", para)
            return Item("figure" if pictures else "empty", para)
        one_line = "\n" not in text
        if self.options.author_notes and is_note(" ".join(text.split())):
            self._warn(
                Code.AUTHOR_NOTE,
                f"note left out of the book: {excerpt(text)!r}; resolve it before publishing "
                "([reading] author_notes = false keeps such paragraphs as text)",
                para.n,
            )
            return None
        if one_line and (is_scene_break(text) or (kind == "break" and not _has_word(text))):
            return Item("break", para)
        if kind in ("title", "subtitle", "caption"):
            return Item(kind, para)
        if kind == "heading":
            return Item("heading", para, match_heading(" ".join(text.split()), self.locale))
        if self._listed(para):
            return Item("list", para)
        if kind == "quote" or (para.left or 0) >= usual_left + QUOTE_INDENT:
            return Item("quote", para)
        found = match_heading(text, self.locale) if one_line else None
        if found is not None:
            return Item("heading", para, found)
        if one_line:
            self._lint(text, para.n)
        return Item("prose", para)

    def _lint(self, text: str, n: int) -> None:
        """Warn about a prose line that looks like a divider or a heading, as ``.txt`` does."""
        if looks_like_divider(text):
            self._warn(
                Code.UNRECOGNISED_DIVIDER,
                f"{text!r} looks like a divider but is not a known scene break; "
                "use *** or # if it is one",
                n,
            )
        elif looks_like_heading(text):
            self._warn(
                Code.HEADING_LIKE_LINE,
                f"{text!r} looks like a heading but was kept as prose; "
                "write it as 'Chapter 3: Title' or give it a heading style",
                n,
            )

    def _listed(self, para: WordPara) -> bool:
        return para.numbering is not None and self.doc.numbering.level(*para.numbering) is not None

    def _demote_stray_numbers(self, items: list[Item]) -> None:
        """An unstyled bare number ("3") is a heading only where it can be one."""
        labelled = any(it.found is not None and it.found.label for it in items)
        for k, it in enumerate(items):
            found = it.found
            if it.kind != "heading" or it.para.kind == "heading" or found is None:
                continue
            if found.label is None and not found.markdown_level and found.number is not None:
                nxt = next_item(items, k)
                apart = is_set_apart(it.para) or it.after_page
                if labelled or found.number < 1 or not apart or nxt is None or nxt.kind != "prose":
                    it.kind, it.found = "prose", None

    # -- 3. heading roles

    def _roles(self, items: list[Item]) -> None:
        heads = [it for it in items if it.kind in ("heading", "title")]
        styled = [it for it in heads if it.kind == "heading" and it.para.level is not None]
        levels = sorted({it.para.level for it in styled if not _is_part(it) and it.para.level})
        chapter = levels[0] if levels else 0
        wrapper = 0
        if len(levels) >= 2 and self._wrappers(items, levels[0], levels[1]):
            wrapper, chapter = levels[0], levels[1]
        for it in heads:
            level = it.para.level if it.kind == "heading" else None
            if it.role:
                continue
            if _is_part(it) or (level is not None and level == wrapper):
                it.role = "part"
            elif level is None or level <= chapter:
                it.role = "chapter"
            else:
                it.role = "sub"
            if it.kind == "title" and it.found is None:
                # A Title-styled line heading each chapter ("Chapter 1") is read like any.
                it.found = match_heading(" ".join(it.para.text.split()), self.locale)
            it.kind = "heading"
        _mark_subheadings(items)

    @staticmethod
    def _wrappers(items: list[Item], top: int, below: int) -> bool:
        """Every top-level heading is directly followed by a deeper one, and there are fewer."""
        tops = [k for k, it in enumerate(items) if it.kind == "heading" and it.para.level == top]
        lows = [it for it in items if it.kind == "heading" and it.para.level == below]
        for k in tops:
            found = items[k].found
            if found is not None and (found.label or found.number is not None):
                return False  # "Chapter 1" over its sections is a chapter, not a part
            nxt = next_item(items, k)
            if nxt is None or nxt.kind != "heading" or (nxt.para.level or 0) <= top:
                return False
        return len(tops) < len(lows)

    # -- 4. empty paragraphs as scene breaks

    @staticmethod
    def _gap_breaks(items: list[Item]) -> None:
        """Empty paragraphs as scene breaks, by the rule blank lines follow in ``.txt``."""
        prose: list[Item] = []
        gaps: list[int | None] = []
        previous: Item | None = None
        for it in items:
            if it.kind == "empty":
                continue
            if it.kind in _PROSE_KINDS:
                between = previous is not None and previous.kind in _PROSE_KINDS
                prose.append(it)
                gaps.append(it.gap if between and not it.after_page else None)
            previous = it
        wide, _ = blank_line_breaks(gaps)
        for k in wide:
            prose[k].break_before = True

    # -- emission

    def _emit(self, items: list[Item]) -> None:
        i = 0
        while i < len(items):
            it = items[i]
            if it.break_before:
                self.events.append(Break(self._src(it)))
            kind = it.kind
            if kind == "break":
                self.events.append(Break(self._src(it)))
            elif kind == "heading":
                i = self._heading(items, i)
                continue
            elif kind in ("quote", "list"):
                j = i + 1
                while (
                    j < len(items)
                    and items[j].kind in (kind, "empty")
                    and not items[j].break_before
                ):
                    j += 1
                group = [x.para for x in items[i:j] if x.kind == kind]
                if kind == "quote":
                    self.events.extend(self.builder.quote(group))
                else:
                    block = self.builder.list_block(group)
                    if block is not None:
                        self.events.append(BlockNode(block))
                i = j
                continue
            elif kind == "caption" and self._caption(it):
                pass
            elif kind in ("prose", "figure", "caption", "title", "subtitle"):
                self._prose(it.para)
            i += 1

    def _prose(self, para: WordPara) -> None:
        self.events.extend(self.builder.events(para))
        if not self.options.author_notes:
            return
        for offset, mark in placeholders(para.text):
            self.reporter.add(
                Code.AUTHOR_NOTE,
                f"placeholder {mark!r} in the text; fill it in before publishing",
                self.file,
                para.n,
                offset + 1,
            )

    def _caption(self, it: Item) -> bool:
        """Attach a caption paragraph to the figure right before it."""
        last = self.events[-1] if self.events else None
        if not (isinstance(last, BlockNode) and isinstance(last.block, Figure)):
            return False
        block = self.builder.text_block(it.para)
        if not isinstance(block, Paragraph) or last.block.caption:
            return False
        figure = last.block
        self.events[-1] = BlockNode(Figure(figure.image, figure.alt, figure.source, block.inlines))
        return True

    def _heading(self, items: list[Item], i: int) -> int:
        it = items[i]
        text = " ".join(it.para.text.split())
        found = it.found or HeadingMatch(False, ChapterKind.CHAPTER, None, None, None, text)
        src = self._src(it)
        if it.role in ("sub", "subhead") and found.label is None and found.number is None:
            # a heading inside a chapter (a point of view's name, a date)
            block = self.builder.text_block(it.para)
            inlines = block.inlines if isinstance(block, Paragraph) else (Text(text, src),)
            self.events.append(BlockNode(Subheading(inlines, src)))
            return i + 1
        what = "part" if it.role == "part" else str(found.kind)
        self._note(Code.HEADING_RECOGNISED, f"{what} heading recognised: {text!r}", it)
        title = raw_inlines(found.title or "", src)
        subtitle: tuple[Text, ...] = ()
        k = i + 1
        while k < len(items) and items[k].kind == "empty":
            k += 1
        nxt = items[k] if k < len(items) else None
        if (
            nxt is not None
            and not nxt.break_before
            and (self._is_title_line(found, nxt, items, k) or _names_number(it, found, nxt))
        ):
            line = " ".join(nxt.para.text.split())
            if title:
                subtitle = (Text(line, self._src(nxt)),)
            else:
                title = (Text(line, self._src(nxt)),)
                self._note(
                    Code.CHAPTER_TITLE_RECOGNISED, f"{what} title line recognised: {line!r}", nxt
                )
            i = k
        heading = Heading(
            src, found.label, found.number, found.number_text, title, subtitle, found.as_typed
        )
        if it.role == "part":
            self.events.append(StartPart(heading))
        else:
            self.events.append(StartChapter(found.kind, heading, src))
        return i + 1

    def _is_title_line(self, found: HeadingMatch, nxt: Item, items: list[Item], k: int) -> bool:
        """The item after a heading names it: a deeper heading, a subtitle, or a set-apart line."""
        if nxt.kind == "subtitle" or (nxt.kind == "heading" and nxt.role == "sub"):
            return nxt.found is None or (nxt.found.label is None and nxt.found.number is None)
        if found.title is not None or nxt.kind != "prose" or "\n" in nxt.para.text:
            return False
        after = next_item(items, k)
        if after is None or not is_set_apart(nxt.para):
            return False
        if found.is_part:
            return book_title_like(nxt.para.text)
        return chapter_title_like(nxt.para.text)

    # -- helpers

    def _src(self, it: Item) -> Source:
        return Source(self.file, it.para.n)

    def _note(self, code: Code, message: str, it: Item) -> None:
        self.reporter.add(code, message, self.file, it.para.n)

    def _warn(self, code: Code, message: str, n: int) -> None:
        self.reporter.add(code, message, self.file, n)


def _page_titles(items: list[Item]) -> None:
    """Without heading styles or labels, titles set apart on new pages are chapter headings.

    A manuscript whose chapters open on a new page with a centred or bold title
    line ("The Storm") and no "Chapter" label marks them that way; two such
    pages at least, so a lone centred line after a page break stays prose.
    """
    if any(it.kind in ("heading", "title") for it in items):
        return
    found = []
    top = True  # the start of the file is the start of a page
    for k, it in enumerate(items):
        text = it.para.text
        on_new_page, top = top or it.after_page, top and it.kind in ("empty", "figure", "used")
        if (
            it.kind == "prose"
            and on_new_page
            and is_set_apart(it.para)
            and "\n" not in text
            and book_title_like(text)
        ):
            nxt = next_item(items, k)
            if nxt is not None and nxt.kind == "prose":
                found.append(it)
    # Why: one centred line after a page break may be anything; two make a pattern.
    if len(found) >= 2:
        for it in found:
            it.kind = "heading"
            it.found = HeadingMatch(False, ChapterKind.CHAPTER, None, None, None, it.para.text)


def _mark_subheadings(items: list[Item]) -> None:
    """Make ``subhead`` the plain headings inside chapters at the levels that hold
    subheadings, not subtitles (:mod:`compile_book.readers.subheadings`): "Elena"
    straight under "Chapter 2" is one when the chapters hold "Elena" and "Marcus"."""
    inner = subheading_levels(_roles(items))
    for it in items:
        if it.kind == "heading" and it.role == "sub" and it.para.level in inner:
            it.role = "subhead"


def _roles(items: list[Item]) -> Iterator[tuple[Role, int, str, bool]]:
    previous: Item | None = None
    for it in items:
        if it.kind == "empty":
            continue
        if it.kind == "heading" and it.role == "sub" and _plain_styled(it):
            under = previous is not None and previous.kind == "heading"
            under = under and previous is not None and previous.role == "chapter"
            yield Role.INNER, it.para.level or 0, it.para.text, under
        elif it.kind == "heading":
            yield Role.DIVISION, it.para.level or 0, "", False
        previous = it


def _plain_styled(it: Item) -> bool:
    """A styled heading that names no chapter or part: only its words ("Elena")."""
    found = it.found
    plain = found is None or (found.label is None and found.number is None)
    return plain and it.para.level is not None


def _names_number(it: Item, found: HeadingMatch, nxt: Item) -> bool:
    """Two chapter headings of one level, "Chapter 1" then "The Letter", with nothing
    between them (no page either): the second is the first's title."""
    return (
        it.role == nxt.role == "chapter"
        and nxt.kind == "heading"
        and not nxt.after_page
        and it.para.level is not None
        and it.para.level == nxt.para.level
        and names_number(found, nxt.found)
    )


def _is_part(it: Item) -> bool:
    return it.found is not None and it.found.is_part


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)
