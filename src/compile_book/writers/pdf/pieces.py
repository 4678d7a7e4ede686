"""A long book set in pieces: one Typst run per group of chapters, joined into one PDF.

Why: Typst holds every laid-out page of a run until the run returns, so a
single run's memory grows with the book (2.5 GB at a million words) and its
time grows faster than the book does. Set a few chapters at a time, each run
stays the size of its piece, and a rebuild after an edit sets again only the
pieces whose data changed (:data:`_SET`, kept for the process's life).

The pieces come out exactly as one run sets them, page for page:

* a piece starts where the whole book would start a new page anyway (at a
  chapter or a part), so no page is shared between two runs;
* its first page carries the number it has in the book (``start``), so the
  folios and running heads are Typst's own;
* it starts on the side of the spread it has in the book: with chapters on
  rectos that is always a recto; with ``chapter_start = "next"`` a piece
  that starts on a verso is set after one throw-away page (``pad``);
* the blank verso the whole book would insert before a recto opener is
  added between the pieces by :mod:`.joining`;
* the front matter is set last, when every chapter's page is known: its
  contents lines print those pages and link to them.

The pieces run one after another in the one Typst process (each needs the
page count of the ones before it; Typst itself already keeps both cores of
a small machine busy, at 1.8 times the wall time in processor time). That
process is restarted when what Typst remembers between runs grows past
:data:`KEEP_MB`, which bounds the memory of the whole process tree. Under
``build --watch`` what it remembers is what makes a rebuild fast (a piece set
again after an edit takes a fifth of the time it took cold), so it is kept up
to :data:`KEEP_MB_WATCH`; Typst itself forgets what its last ten runs did not
use, which holds it near 400 MB for a 100,000-word book.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ... import keeping
from ...keeping import ByIdentity
from ...record import record
from . import runner
from .data import encoded
from .joining import Body, Front, join

#: Prose characters (as JSON) per piece: about 25,000 words, a few chapters.
#: Smaller pieces bound memory tighter but embed the fonts once more each.
PIECE_CHARS = 160_000

#: Restart the Typst process between pieces once it holds more than this (MB);
#: under --watch (:mod:`compile_book.keeping`), more than the second.
KEEP_MB = 320
KEEP_MB_WATCH = 1024

#: Above this much PDF, the Typst process is stopped before the pieces are joined:
#: joining a long book takes memory of its own (about 20 times the PDF's size), and
#: the two together would pass what the book's pieces took. Not under --watch, where
#: the next rebuild needs what Typst remembers.
JOIN_ALONE_BYTES = 6_000_000

#: Pieces kept for rebuilds, most recently used last, up to this many bytes of PDF
#: (a 100,000-word novel is about 2 MB; a longer book keeps its latest pieces).
_SET: OrderedDict[str, bytes] = OrderedDict()
_SET_MAX_BYTES = 24_000_000

#: Under --watch: each chapter's weight, and each piece's name in the store, by the
#: identity of the chapters' data (:class:`~compile_book.keeping.ByIdentity`, and
#: :mod:`.kept`).
_WEIGHTS: ByIdentity[int] = ByIdentity()
_NAMES: ByIdentity[str] = ByIdentity()

#: One Typst run of the template over the given data (encoded), returning the PDF.
Typeset = Callable[[bytes], bytes]


@record
class Piece:
    """Some of the book's parts, as the template's ``parts`` data."""

    parts: list[dict[str, Any]]

    def opens_on_recto(self, recto_chapters: bool) -> bool:
        """Whether the whole book would start this piece's first page on a recto."""
        first = self.parts[0]
        if not first.get("continued") and (first["uid"] is not None or first["front"]):
            return True  # a part page, or a box-set book's own front pages
        return recto_chapters

    def targets(self) -> list[str]:
        """The uids of the bookmarks the piece sets, in order (parts, then their chapters)."""
        out: list[str] = []
        for part in self.parts:
            if part["uid"] is not None and not part.get("continued"):
                out.append(part["uid"])
            out.extend(chapter["uid"] for chapter in part["chapters"])
        return out


def split(parts: list[dict[str, Any]], size: int = PIECE_CHARS) -> list[Piece]:
    """The book's parts cut into pieces of about `size` characters, between chapters.

    A part cut in two goes on in the next piece as ``continued`` (no part
    page, no part front matter, its chapters still nested under it). A cut
    that would fall before a part's first chapter falls before the part.
    """
    pieces: list[Piece] = []
    current: list[dict[str, Any]] = []
    filled = 0
    for part in parts:
        taken: list[dict[str, Any]] = []
        continued = False
        for chapter in part["chapters"]:
            weight = _WEIGHTS.get((chapter,), None, functools.partial(_weight, chapter))
            if filled and filled + weight > size:
                if taken:
                    current.append(_portion(part, taken, continued))
                    continued = True
                pieces.append(Piece(current))
                current, taken, filled = [], [], 0
            taken.append(chapter)
            filled += weight
        current.append(_portion(part, taken, continued))
    if current:
        pieces.append(Piece(current))
    _WEIGHTS.round()
    return pieces


def _weight(chapter: dict[str, Any]) -> int:
    return len(json.dumps(chapter, ensure_ascii=False))


def _portion(
    part: dict[str, Any], chapters: list[dict[str, Any]], continued: bool
) -> dict[str, Any]:
    portion = {**part, "chapters": chapters}
    if continued:
        portion["continued"] = True
    return portion


def set_in_pieces(data: dict[str, Any], pieces: list[Piece], typeset: Typeset, key: bytes) -> bytes:
    """The whole book's PDF from `pieces`, each set by `typeset` (one Typst run)."""
    recto = data["layout"]["chapter-start"] == "recto"
    bodies: list[Body] = []
    page = 1
    for piece in pieces:
        blank = False
        if piece.opens_on_recto(recto) and page % 2 == 0:
            blank, page = True, page + 1  # the blank verso before a recto opener
        pad = page % 2 == 0
        setting = {"kind": "body", "start": page, "pad": pad}
        pdf = _set(
            typeset, {**data, "front": [], "contents": [], "parts": piece.parts}, setting, key
        )
        body = Body(pdf, pad=pad, blank_before=blank, first=page, targets=piece.targets())
        bodies.append(body)
        page += body.pages
    pages = {uid: at.number for body in bodies for uid, at in body.places.items()}
    nesting: dict[str, list[str]] = {}
    for part in data["parts"]:
        chapters = [chapter["uid"] for chapter in part["chapters"]]
        if part["uid"] is not None:
            nesting[part["uid"]] = chapters
        else:
            nesting.update((uid, []) for uid in chapters)
    front = None
    if data["front"] or data["layout"]["half-title"]:
        contents = [_numbered(entry, pages) for entry in data["contents"]]
        pdf = _set(typeset, {**data, "contents": contents, "parts": []}, {"kind": "front"}, key)
        front = Front(pdf, entries=list(_flat(contents)))
    _NAMES.round()
    if not keeping.enabled() and sum(len(body.pdf) for body in bodies) > JOIN_ALONE_BYTES:
        runner.stop()  # a long book: the join's memory, not Typst's memo, from here on
    return join(front, bodies, nesting)


def _set(typeset: Typeset, data: dict[str, Any], setting: dict[str, Any], key: bytes) -> bytes:
    """One piece, from the rebuild store when the same data was set before."""
    payload: bytes | None = None

    def named() -> str:
        nonlocal payload
        payload = encoded({**data, "piece": setting})
        return hashlib.sha256(key + b"\0" + payload).hexdigest()

    # Under --watch, a piece of the very chapters' data set before is named without
    # encoding it again: its chapters by identity, the rest (a little) by value.
    chapters = [chapter for part in data["parts"] for chapter in part["chapters"]]
    shell = [{**part, "chapters": len(part["chapters"])} for part in data["parts"]]
    rest = encoded({**data, "parts": shell, "piece": setting})
    name = _NAMES.get(chapters, (key, rest), named)
    kept = _SET.get(name)
    if kept is not None:
        _SET.move_to_end(name)
        return kept
    if payload is None:  # named by the chapters' identity: encoded only now it is set
        payload = encoded({**data, "piece": setting})
    pdf = typeset(payload)
    _store(name, pdf)
    used = runner.child_memory_mb()
    if used is None or used > (KEEP_MB_WATCH if keeping.enabled() else KEEP_MB):
        runner.stop()  # what Typst remembers of this piece goes with the process
    return pdf


def _store(name: str, pdf: bytes) -> None:
    """Keep `pdf` for rebuilds, forgetting the least recently used past the size bound."""
    _SET[name] = pdf
    while sum(map(len, _SET.values())) > _SET_MAX_BYTES:
        _SET.popitem(last=False)


def _numbered(entry: Mapping[str, Any], pages: Mapping[str, int]) -> dict[str, Any]:
    """A contents entry with its page as printed (the template's ``page``)."""
    return {
        **entry,
        "page": str(pages[entry["uid"]]),
        "children": [_numbered(child, pages) for child in entry["children"]],
    }


def _flat(entries: list[dict[str, Any]]) -> Iterator[str]:
    """The contents' uids in the order its lines are set."""
    for entry in entries:
        yield entry["uid"]
        yield from _flat(entry["children"])
