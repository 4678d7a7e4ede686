"""A Word manuscript's own front pages: the copyright block, the dedication and the
epigraph typed after its title page (:mod:`compile_book.readers.frontpages` tells
them, for the plain-text reader too).

Each is one or more paragraphs between the title page and the first heading,
usually a page apart. They become the book's ``rights``, ``dedication``,
``epigraph`` and ``epigraph_source`` (where ``book.toml`` is silent), set on pages
of their own; as prose they made an untitled first chapter.
"""

from __future__ import annotations

from ...diagnostics import Code, Reporter
from ...events import Event
from ...locale import Locale
from ...rules.titles import fold
from ..apparatus import CONTENTS_TITLES
from ..frontpages import read_pages
from ..structure import Options
from .titlepage import Item


def front_pages(
    items: list[Item], options: Options, locale: Locale, file: str, reporter: Reporter
) -> list[Event]:
    """The front pages' metadata events; the items they fill are marked used."""
    content = _before_heading(items)
    if content is None:
        return []
    paragraphs = [(it.para.n, it.para.text.split("\n")) for it in content]
    events, used = read_pages(paragraphs, locale, file, reporter, dedication=not options.dedication)
    for it in content[:used]:
        it.kind = "used"
    return events


def _before_heading(items: list[Item]) -> list[Item] | None:
    """The prose paragraphs after the title page up to the first heading (``None``
    when something else, a list or a figure, stands there, or no heading follows)."""
    out: list[Item] = []
    for it in items:
        if it.kind in ("used", "empty"):
            continue
        if it.kind == "heading":
            return out
        if it.kind != "prose":
            return None
        out.append(it)
    return None


def typed_contents(items: list[Item], file: str, reporter: Reporter) -> None:
    """Mark used a contents list typed at the front (``Contents``, then one heading-like
    line per chapter, each repeated later as the heading it names): the book makes its
    own, and each line had become an empty chapter. Only when every entry names a later
    heading, so a run of empty chapters that are really the book stays."""
    content = [it for it in items if it.kind not in ("empty", "used")]
    run: list[Item] = []
    for k, it in enumerate(content):
        if it.kind != "heading":
            if run:
                break
            if _contents_title(it):
                run.append(it)
            continue
        following = content[k + 1] if k + 1 < len(content) else None
        if following is not None and following.kind != "heading":
            break  # the first heading with text under it: the book begins
        run.append(it)
    entries = [it for it in run if it.kind == "heading"]
    later = {_key(it) for it in content[len(run) :] if it.kind == "heading"}
    if len(entries) < 2 or not all(_key(it) in later for it in entries):
        return
    for it in run:
        it.kind = "used"
    reporter.add(
        Code.CONTENTS_LIST_LEFT_OUT,
        f"contents list (paragraphs {run[0].para.n}-{run[-1].para.n}) left out: each of its "
        f"{len(entries)} entries matches a heading, and the book makes its own",
        file,
        run[0].para.n,
    )


def _contents_title(it: Item) -> bool:
    return it.kind == "prose" and fold(it.para.text).rstrip(".:") in CONTENTS_TITLES


def _key(it: Item) -> str:
    return fold(it.para.text)
