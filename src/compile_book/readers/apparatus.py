"""The apparatus around a plain-text book's story: a typed contents list, a
dedication, and an end mark.

An editor preparing a typescript for print takes these out of the running text:

* a **contents list** at the front (``Contents`` and one line per chapter) is
  replaced by the book's own, generated one; it is left out only when *every*
  entry names a heading found later in the file (:func:`find_contents`), so a
  list that is really prose is never lost;
* a **dedication** (``To my mother``, a few short lines before the first
  chapter) belongs on its own page, not in chapter one (:func:`find_dedication`);
* **The End** under the last paragraph is an end mark, not a paragraph of the
  story (:func:`is_end_mark`);
* the book's **title repeated** on a line of its own before the first chapter is a
  half title: the title page already has it (:func:`find_half_titles`).

These are pure functions over classified items; the reader reports what it did.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

from ..record import record
from ..rules.numbers import parse_number
from ..rules.paragraphs import Unit
from ..rules.titles import all_caps, by_line, fold
from .outline import Item

CONTENTS_TITLES = frozenset({"contents", "table of contents", "content"})
#: A contents list's column heads ("Page" over the page numbers): part of the list.
COLUMN_HEADS = frozenset(
    {"page", "pages", "pp", "chapter", "chapters", "chap", "chapter page", "chap page"}
)
# Why: without a "Contents" line above them, three matching lines are a list, not chance.
#: A contents entry's wrapped title line is shorter than this, and ends no sentence.
_WRAPPED_MAX = 80
_ENDS = (".", "!", "?", "…")
_SPEECH = ('"', "'", "“", "‘", "«", "„", "‚", "»", "—", "–")
MIN_UNTITLED_ENTRIES = 3
# A list entry: an optional label and number ("Chapter IV.", "IV.", "4"), the title, then
# dot leaders or a page number.
_ENTRY_RE = re.compile(
    r"(?:(?:chapter|part|book|adventure|story)\s+)?(?P<num>\d{1,3}|[ivxlc]{1,7})?[.:)]?\s*"
    r"(?P<title>.*?)[\s.]*(?:\d{1,4})?",
    re.I,
)
_PUNCT_RE = re.compile(r"[^\w\s]")
# Why: an entry of a list with page numbers ends in its page ("Letters--Lucy and Mina  51").
_PAGE_RE = re.compile(r"\s\d{1,4}$")
END_MARKS = frozenset({"the end", "finis", "fin"})
#: Standard manuscript format's end marks (spaces taken out): ``# # #``, ``-30-``.
MANUSCRIPT_END_MARKS = frozenset({"###", "-30-"})
DEDICATION_START_RE = re.compile(r"[_*]*(?:to|for|dedicated to|in memory of)\b", re.I)
DEDICATION_MAX_LINES = 8
DEDICATION_MAX_CHARS = 70
DEDICATION_MAX_WORDS = 60
#: A one-line dedication ending in a full stop, with no epigraph under it, is short.
DEDICATION_SENTENCE_WORDS = 6


def unit_lines(unit: Unit) -> list[str]:
    """The source lines a unit was joined from, each stripped."""
    text = unit.text
    bounds = [*unit.starts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _norm(text: str) -> str:
    return " ".join(_PUNCT_RE.sub(" ", fold(text)).split())


def _entry(line: str) -> tuple[int | None, str]:
    m = _ENTRY_RE.fullmatch(line.strip())
    assert m is not None  # every part of the pattern is optional
    raw = m.group("num")
    return (parse_number(raw) if raw else None), _norm(m.group("title"))


@record
class Contents:
    """A contents list found: items ``start`` to ``end`` (exclusive), its entry count."""

    start: int
    end: int
    entries: int
    unnamed: int = 0
    """Entries naming no heading, taken for the page number they end in."""
    loose: bool = False
    """Found by its entries naming most of the chapters' titles (:mod:`.contents`)."""


def _keys(items: Sequence[Item], first: int) -> tuple[set[str], set[int]]:
    """The titles and numbers of the headings from ``first`` on (with the line under each)."""
    titles: set[str] = set()
    numbers: set[int] = set()
    for k in range(first, len(items)):
        h = items[k].heading
        if items[k].kind != "heading" or h is None:
            continue
        if h.title:
            titles.add(_norm(h.title))
            titles.add(_entry(h.title)[1])
        if h.number is not None:
            numbers.add(h.number)
        if k + 1 < len(items) and items[k + 1].kind == "prose":
            titles.add(_norm(items[k + 1].unit.text))
    titles.discard("")
    return titles, numbers


def _matches(line: str, titles: set[str], numbers: set[int]) -> bool:
    number, title = _entry(line)
    if title:
        return title in titles or _norm(line) in titles
    return number is not None and number in numbers


def _heading_keys(item: Item) -> list[object]:
    """What makes two heading lines the same heading: the words of the line, or the
    label and number (``CHAPTER I. Y-o-u-u Tom`` in a list, ``CHAPTER I`` in the book)."""
    keys: list[object] = [_norm(item.unit.text)]
    h = item.heading
    if h is not None and h.label and h.number is not None:
        keys.append((h.is_part, h.label.lower(), h.number))
    return keys


def repeated_headings(items: Sequence[Item], start: int) -> set[int]:
    """The heading items from ``start`` on that a later heading repeats, word for word or
    by label and number: a contents list's ``Book the First--Recalled to Life``, not
    yet the book's."""
    last: dict[object, int] = {}
    for k in range(start, len(items)):
        if items[k].kind == "heading":
            for key in _heading_keys(items[k]):
                last[key] = k
    return {
        k
        for k in range(start, len(items))
        if items[k].kind == "heading" and any(last[key] > k for key in _heading_keys(items[k]))
    }


def find_contents(
    items: Sequence[Item],
    start: int,
    indented: Callable[[Item], list[str]] | None = None,
) -> Contents | None:
    """A typed contents list between ``start`` and the first heading whose every entry
    line names a heading found later, or ``None``.

    Why the other kinds: a list's part lines (``Book the First--Recalled to Life``)
    read as headings, and its indented chapter lines as an indented group
    (``indented`` gives a group item's lines); a heading line a later heading repeats
    (word for word, or by label and number) belongs to the list with the line its
    title wrapped onto, and the book starts at the first heading no later one repeats.
    """
    repeated = repeated_headings(items, start)
    first = next(
        (k for k in range(start, len(items)) if items[k].kind == "heading" and k not in repeated),
        None,
    )
    if first is None:
        return None
    titles, numbers = _keys(items, first)
    k = start
    while k < first:
        titled, paged = contents_title(items[k].unit.text)
        run = _Run(items, first, (titles, numbers, repeated), indented, paged)
        run.end = k + 1 if titled else k
        while run.end < first and run.take(run.end):
            pass
        b = run.end
        # the list must end where its block ends: a line of it naming no heading keeps it all
        whole = b == first or items[b].unit.blank_before
        if whole and run.lines >= (1 if titled else MIN_UNTITLED_ENTRIES) and run.named(titled):
            return Contents(k, b, run.lines, run.unnamed)
        # a run starting inside this one ends where it did: go on past it (linear)
        k = max(k + 1, b)
    return None


def contents_title(text: str) -> tuple[bool, bool]:
    """Whether a line is a contents list's title, and whether it carries the page
    column's head at its end (``CONTENTS          Page``)."""
    words = fold(text).rstrip(".:").split()
    if words and words[-1].strip(".") in COLUMN_HEADS and len(words) > 1:
        return " ".join(words[:-1]).rstrip(".:") in CONTENTS_TITLES, True
    return " ".join(words) in CONTENTS_TITLES, False


class _Run:
    """A contents list being read, item by item: its lines, and those that name no
    heading but end in a page number (a list with page numbers keeps them)."""

    def __init__(
        self,
        items: Sequence[Item],
        first: int,
        keys: tuple[set[str], set[int], set[int]],
        indented: Callable[[Item], list[str]] | None,
        paged: bool,
    ) -> None:
        self.items, self.first, self.indented, self.paged = items, first, indented, paged
        self.titles, self.numbers, self.repeated = keys
        self.lines = 0
        self.unnamed = 0
        self.end = 0

    def named(self, titled: bool) -> bool:
        """Every entry names a heading; in a titled list with page numbers, at least
        half do (``Letters--Lucy and Mina  51``: the chapter opens with a letter)."""
        return not self.unnamed or (titled and self.paged and 2 * self.unnamed <= self.lines)

    def take(self, b: int) -> bool:
        """Take the item at ``b`` into the list (``end`` is then past what it took);
        false where the list ends."""
        items, first = self.items, self.first
        item = items[b]
        if item.kind == "heading" and b in self.repeated:
            self.lines += 1
            self.end = b + 1
            # An entry's title wrapped onto the next line, no blank line between;
            # text of its own under it makes it a chapter, and the run no list.
            after = items[b + 1] if b + 1 < first else None
            if after is not None and after.kind == "prose" and not after.unit.blank_before:
                if not _wrapped_title(after.unit.text, len(after.unit.lines)):
                    return False
                self.paged |= _norm(after.unit.text) in COLUMN_HEADS
                self.lines += 1
                self.end = b + 2
            return True
        if item.kind == "indented" and self.indented is not None:
            entry = self.indented(item)
        elif item.kind == "prose":
            entry = unit_lines(item.unit)
        else:
            return False
        kept = [line for line in entry if _norm(line) not in COLUMN_HEADS]
        self.paged |= len(kept) < len(entry)
        unnamed = [line for line in kept if not _matches(line, self.titles, self.numbers)]
        if unnamed and not (self.paged and all(_PAGE_RE.search(x) for x in unnamed)):
            return False
        self.lines += len(kept)
        self.unnamed += len(unnamed)
        self.end = b + 1
        return True


def _wrapped_title(text: str, lines: int) -> bool:
    """The rest of a contents entry's title, wrapped onto a line of its own: one short
    line that ends no sentence (``Music--The Challenge--A Private Entrance``)."""
    return lines == 1 and len(text) <= _WRAPPED_MAX and not text.rstrip("\"'”’").endswith(_ENDS)


def squeezed(text: str) -> str:
    """Letters and digits only, folded: "T O M  S A W Y E R" is "tomsawyer"."""
    return "".join(c for c in fold(text) if c.isalnum())


def find_half_titles(items: Sequence[Item], start: int, title: str | None) -> list[int]:
    """The lines that repeat the book's ``title`` as a half title: one of the first
    two, or one of the two right over the first numbered heading (``CRIME AND
    PUNISHMENT`` over ``PART I``, after a preface), letterspaced or not. Never a
    line of speech or a sentence: ``"Yes."`` in a book called *Yes* is the story's."""
    key = squeezed(title or "")
    if not key:
        return []
    first = next(
        (
            k
            for k in range(start, len(items))
            if items[k].kind == "heading"
            and (h := items[k].heading) is not None
            and (h.number is not None or h.markdown_level)
        ),
        None,
    )
    if first is None:
        return []
    near = {*range(start, min(start + 2, first)), *range(max(start, first - 2), first)}
    return [k for k in sorted(near) if _half_title(items[k], key)]


def _half_title(item: Item, key: str) -> bool:
    text = item.unit.text
    return (
        item.kind == "prose"
        and len(item.unit.lines) == 1
        and not text.startswith(_SPEECH)
        and not text.rstrip().endswith(_ENDS)
        and squeezed(text) == key
    )


def is_end_mark(item: Item) -> bool:
    """``THE END``, ``The End.``, ``Finis`` on a line of its own (``The End?`` is the
    story's last beat, not a mark); or the end mark of a manuscript in standard format,
    ``# # #`` or ``-30-`` (read as a scene break, it would be warned as one misplaced)."""
    if len(item.unit.lines) == 1 and "".join(item.unit.text.split()) in MANUSCRIPT_END_MARKS:
        return True
    text = item.unit.text.strip("*_~ ")
    return (
        item.kind == "prose"
        and len(item.unit.lines) == 1
        and not text.endswith(("?", "!", "…", "..."))
        and _norm(text) in END_MARKS
    )


def find_dedication(
    items: Sequence[Item],
    start: int,
    words: tuple[str, ...] = (),
    by: tuple[str, ...] = (),
    *,
    sentence: bool = False,
) -> tuple[int, list[str]] | None:
    """A dedication at ``start``, before the first heading: a short block opening with
    ``To``/``For``/``In memory of`` or the language's own ``words`` ("Für", "À") (or
    in capitals, as set on a page of its own).
    Returns the items it fills from ``start`` and its lines. A block with an author
    line (``by``: the language's words for "by") is a title block, not a dedication
    ("A casa do rio" over "por Ana Sousa"). ``sentence``: a one-line dedication may end
    like a sentence (the caller knows an epigraph follows it, so it is no story's
    first line)."""
    first = next((k for k in range(start, len(items)) if items[k].kind == "heading"), None)
    if first is None or start >= first or items[start].kind != "prose":
        return None
    lines = unit_lines(items[start].unit)
    if not _dedication_start_re(words).match(lines[0]):
        return None
    end = start + 1
    # one line per unit where paragraphs are one per line: the block goes on while no
    # blank line separates it
    while end < first and items[end].kind == "prose" and not items[end].unit.blank_before:
        lines += unit_lines(items[end].unit)
        end += 1
    if len(lines) == 1 and _dedication_start_re(words).fullmatch(lines[0].strip("_* ")):
        end = _spaced(items, end, first, lines)
    found = dedication_lines(lines, words, by, sentence=sentence)
    return None if found is None else (end, found)


def _spaced(items: Sequence[Item], end: int, first: int, lines: list[str]) -> int:
    """A dedication page set a phrase a line with a blank line between (``TO`` /
    ``MY DEAR FRIEND`` / ``HOMMY-BEG``): after ``To`` alone, the one-line units one
    blank line apart that follow it, added to ``lines``; where they end."""
    while (
        end < first
        and len(lines) < DEDICATION_MAX_LINES
        and items[end].kind == "prose"
        and len(items[end].unit.lines) == 1
        and items[end].unit.gap <= 1
        and len(items[end].unit.text) <= DEDICATION_MAX_CHARS
        and fold(items[end].unit.text).rstrip(".:") not in CONTENTS_TITLES
    ):
        lines.append(items[end].unit.text.strip())
        end += 1
    return end


def dedication_lines(
    lines: list[str],
    words: tuple[str, ...] = (),
    by: tuple[str, ...] = (),
    *,
    sentence: bool = False,
) -> list[str] | None:
    """A block's lines as a dedication's (without italics markers), or ``None`` if the
    block is no dedication: see :func:`find_dedication`."""
    if not lines or not _dedication_start_re(words).match(lines[0]):
        return None
    count = sum(len(line.split()) for line in lines)
    short = all(len(line) <= DEDICATION_MAX_CHARS for line in lines)
    if not (len(lines) <= DEDICATION_MAX_LINES and count <= DEDICATION_MAX_WORDS and short):
        return None
    # "To" opening a sentence of prose ends like one; a dedication's lines rarely do,
    # unless they are set in capitals as a dedication page is.
    ends = lines[0].endswith((".", "!", "?"))
    if len(lines) == 1 and ends and not (_to_someone(lines[0], sentence) or all_caps(lines[0])):
        return None
    if any(by_line(line, by) for line in lines[1:]):
        return None
    return [_unemphasised(line) for line in lines]


def _to_someone(line: str, sentence: bool) -> bool:
    """A one-line dedication ending like a sentence names someone after its first words.
    Over an epigraph (``sentence``: no story's first line) that is enough ("For Amma,
    who planted the first tree."); straight over the first chapter it must also be
    short and one clause ("For Sam.", "In memory of Dad."), as "For Sam, the war was
    over." and "To my surprise, the ferry was on time." are the story's."""
    words = _unemphasised(line).split()
    if len(words) < 2:
        return False
    if not sentence and (len(words) > DEDICATION_SENTENCE_WORDS or "," in line):
        return False
    if fold(line).startswith("to be continued"):
        return False
    if " ".join(words[:3]).lower().startswith(("in memory of", "in loving memory")):
        return True
    after = words[1].strip("\"'“‘,.")
    return after[:1].isupper() or after.lower() in ("my", "our", "all", "everyone", "those")


@functools.lru_cache(maxsize=16)
def _dedication_start_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """The English openings and the language's own (:attr:`LocaleData.dedication_words`)."""
    if not words:
        return DEDICATION_START_RE
    alternatives = "|".join(
        re.escape(w) for w in ("to", "for", "dedicated to", "in memory of", *words)
    )
    return re.compile(rf"[_*]*(?:{alternatives})\b", re.I)


def _unemphasised(line: str) -> str:
    """A dedication line set in italics (``_To my mother_``) without its markers: the
    dedication page sets the whole in its own style."""
    for mark in ("**", "__", "*", "_"):
        if len(line) > 2 * len(mark) and line.startswith(mark) and line.endswith(mark):
            return line[len(mark) : -len(mark)]
    return line
