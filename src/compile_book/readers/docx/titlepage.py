"""The top of a Word manuscript: a title page to read as metadata, or a chapter's title.

* A **Standard Manuscript Format** block (the writer's name, address, e-mail
  and word count, left-aligned at the top of the first page) is left out: it
  is for an agent, not a reader. It is recognised by a word count ("about
  80,000 words") or an e-mail address among a few short lines at the top.
* The **book's title** (first file only): a Title-style paragraph; or the one
  top-level heading above deeper ones; or a first line set apart (centred or
  bold) that reads as a title and stands alone (a ``by`` line, a subtitle, a
  heading or a page break after it), or equals the title ``book.toml`` gives. A
  Subtitle-style paragraph under it is the subtitle; the Author-style
  paragraphs under those (one name each), else a ``by Name`` line, the authors;
  a Date-style line under them holding a calendar date, the book's date.
* A later file without headings takes a set-apart, title-like first line (or a
  Title-style one) as its chapter's title, as a ``.txt`` file does.

Also here: :class:`Item`, one classified paragraph, shared with :mod:`.structure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...diagnostics import Code, Reporter
from ...events import BookAuthor, BookMeta, BookTitle, Event
from ...nodes import ChapterKind, Source
from ...rules.headings import HeadingMatch
from ...rules.titles import book_title_like, by_line, date_line, fold
from ..structure import Options
from .body import WordPara
from .content import Document

# Why: a title page block is a handful of short lines at the very top.
TITLE_BLOCK_MAX_ITEMS = 12
TITLE_BLOCK_LINE_MAX = 80
# Why: "about 85,000 words", "Approx. 90k words", "ca. 80.000 Wörter".
_WORD_COUNT = re.compile(
    r"\d[\d,.\s\u00a0]*\s*k?\s*(?:words|wörter|worte|mots|palabras|parole|woorden|palavras)\b",
    re.I,
)
# Why: an e-mail address is the surest sign of a contact block (prose rarely has one).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(slots=True)
class Item:
    """A classified paragraph."""

    kind: str  # prose heading title subtitle break quote list caption figure empty used
    para: WordPara
    found: HeadingMatch | None = None
    role: str = ""  # for headings: part, chapter or sub
    after_page: bool = False
    gap: int = 0
    break_before: bool = False


def next_item(items: list[Item], k: int) -> Item | None:
    """The first item after ``k`` that is not an empty paragraph."""
    for it in items[k + 1 :]:
        if it.kind != "empty":
            return it
    return None


def is_set_apart(para: WordPara) -> bool:
    """Centred or bold: how writers without styles mark a heading or title line."""
    return para.centred or para.bold


def _content(items: list[Item]) -> list[Item]:
    return [it for it in items if it.kind not in ("empty", "figure")]


def title_page(
    items: list[Item], options: Options, doc: Document, reporter: Reporter
) -> list[Event]:
    """Metadata events from the top of the first file; the items used are marked so."""
    content = _content(items)
    content = content[_manuscript_block(content, doc) :]
    if len(content) < 2 or not _is_book_title(content[0], content[1:], items, options):
        return []
    first, rest = content[0], content[1:]
    text = " ".join(first.para.text.split())
    first.kind = "used"
    events: list[Event] = [BookTitle(text, Source(doc.file, first.para.n))]
    reporter.add(
        Code.BOOK_TITLE_RECOGNISED, f"book title line recognised: {text!r}", doc.file, first.para.n
    )
    if rest and (rest[0].kind == "subtitle" or _over_by_line(rest)) and not _by(rest[0]):
        sub = rest.pop(0)
        sub.kind = "used"
        events.append(
            BookMeta("subtitle", " ".join(sub.para.text.split()), Source(doc.file, sub.para.n))
        )
    authors = _author_items(rest)
    for it in authors:
        name = by_line(it.para.text) or " ".join(it.para.text.split())
        it.kind = "used"
        events.append(BookAuthor(name, Source(doc.file, it.para.n)))
        reporter.add(
            Code.AUTHOR_LINE_RECOGNISED, f"author line recognised: {name!r}", doc.file, it.para.n
        )
    rest = rest[len(authors) :]
    date = date_line(rest[0].para.style.name, rest[0].para.text) if rest else None
    if date is not None:
        rest[0].kind = "used"
        events.append(BookMeta("date", date, Source(doc.file, rest[0].para.n)))
        reporter.add(
            Code.BOOK_TITLE_RECOGNISED, f"book date recognised: {date!r}", doc.file, rest[0].para.n
        )
    return events


#: Author-styled paragraphs read as names under a title, at most (a byline's worth).
_MOST_AUTHORS = 6


def _author_items(rest: list[Item]) -> list[Item]:
    """The author lines under the title: every Author-style paragraph in a row (one name
    each, as pandoc writes them), else one ``by Name`` line."""
    styled: list[Item] = []
    for it in rest[:_MOST_AUTHORS]:
        text = it.para.text
        # A paragraph styled Author that is no name (a sentence) is the text, mis-styled.
        if (
            it.kind != "prose"
            or it.para.kind != "author"
            or "\n" in text
            or not by_line("by " + text)
        ):
            break
        styled.append(it)
    if styled:
        return styled
    first = rest[0] if rest else None
    if first is None or first.kind not in ("prose", "subtitle") or "\n" in first.para.text:
        return []
    return [first] if by_line(first.para.text) else []


def _manuscript_block(content: list[Item], doc: Document) -> int:
    """How many items at the top are a manuscript's contact and word-count block."""
    last = -1
    for k, it in enumerate(content[:TITLE_BLOCK_MAX_ITEMS]):
        para = it.para
        lines = para.text.split("\n")
        if it.kind != "prose" or para.centred or max(map(len, lines)) > TITLE_BLOCK_LINE_MAX:
            break
        if _WORD_COUNT.search(para.text) or _EMAIL.search(para.text):
            last = k
    for it in content[: last + 1]:
        it.kind = "used"
    if last >= 0:
        doc.omit("title-page block (contact lines, word count)", content[0].para.n, last + 1)
    return last + 1


def _by(item: Item) -> bool:
    return by_line(item.para.text) is not None


def _over_by_line(rest: list[Item]) -> bool:
    """A title-like line of its own over a ``by`` line: a subtitle typed without its
    style ("A Novel")."""
    return (
        len(rest) > 1
        and rest[0].kind == "prose"
        and "\n" not in rest[0].para.text
        and book_title_like(rest[0].para.text)
        and _by(rest[1])
    )


def _is_book_title(first: Item, rest: list[Item], items: list[Item], options: Options) -> bool:
    para = first.para
    second = rest[0]
    if first.kind == "title":
        return True
    if first.kind == "heading" and para.level is not None and first.found is None:
        styled = [it for it in items if it.kind == "heading" and it.para.level is not None]
        deeper = any((it.para.level or 0) > para.level for it in styled)
        alone = sum(1 for it in styled if (it.para.level or 0) <= para.level) == 1
        return deeper and alone
    if first.kind != "prose" or "\n" in para.text:
        return False
    if options.title is not None:
        return fold(options.title) == fold(para.text)
    # A title-like first line followed straight by prose opens the first chapter; the
    # book's title stands alone on its page, or over a "by" line, a subtitle or a heading.
    alone = (
        second.after_page
        or second.kind != "prose"
        or second.para.kind == "author"
        or _by(second)
        or _over_by_line(rest)
    )
    # A "by" line under it (a subtitle between) marks a title set in no special way.
    marked = is_set_apart(para) or _by(second) or _over_by_line(rest)
    return marked and book_title_like(para.text) and alone


def headingless_title(items: list[Item]) -> None:
    """A later file without headings: a title-like first line names its chapter."""
    content = _content(items)
    if len(content) < 2 or content[1].kind != "prose":
        return
    first = content[0]
    para = first.para
    if first.kind == "title" or (
        first.kind == "prose" and is_set_apart(para) and book_title_like(para.text)
    ):
        first.kind, first.role = "heading", "chapter"
        first.found = HeadingMatch(False, ChapterKind.CHAPTER, None, None, None, para.text)
