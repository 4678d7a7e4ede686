"""A book set in pieces is the book set in one run, page for page.

Each comparison reads both PDFs back (pypdf): the text of every page, the
page labels, the bookmarks (titles, pages, places, nesting, open or closed),
every link (its rectangle and where it goes), the document information, and
renders every page (pypdfium2) to compare what a reader sees.
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pypdfium2
import pytest

from compile_book import api
from compile_book.config import BookConfig
from compile_book.nodes import Book
from compile_book.project import load_project
from compile_book.writers.pdf import options_from, pieces, typeset
from tests.paths import ROOT, SEEDS
from tests.paths import corpus_gen as _corpus_gen
from tests.test_boxset import _books

EPOCH = "1767225600"
# Brightness (0-255) two renderings of one page may differ by on average: font
# subsets rasterise a hair differently; a moved line differs by far more.
PIXEL_TOLERANCE = 0.05


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _both(book: Book, config: BookConfig, size: int) -> tuple[bytes, bytes]:
    options = options_from(config)
    one, _ = typeset.render(book, options, piece_chars=0)
    many, _ = typeset.render(book, options, piece_chars=size)
    return one, many


def _page_texts(reader: pypdf.PdfReader) -> list[str]:
    # The hyphen glyph maps to "-" or to a soft hyphen, whichever use the run met
    # first: the same glyph either way.
    return [page.extract_text().replace("\u00ad", "-") for page in reader.pages]


def _outline(reader: pypdf.PdfReader) -> list[tuple[int, str, int | None, float, float, bool]]:
    found: list[tuple[int, str, int | None, float, float, bool]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
                continue
            page = reader.get_destination_page_number(item)
            closed = int(item.get("/Count", 0)) < 0
            title = str(item.title)
            found.append((depth, title, page, float(item.left), float(item.top), closed))

    walk(reader.outline, 0)
    return found


def _links(reader: pypdf.PdfReader) -> list[tuple[int, list[float], object]]:
    found: list[tuple[int, list[float], object]] = []
    for i, page in enumerate(reader.pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            dest = annot.get("/Dest")
            action = annot.get("/A")
            if dest is None and action is not None:
                dest = action.get_object().get("/D") or action.get_object().get("/URI")
            dest = dest.get_object() if hasattr(dest, "get_object") else dest
            target: object = dest
            if isinstance(dest, list):
                where = [round(float(v), 2) for v in dest[2:4]]
                target = (reader.get_page_number(dest[0].get_object()), where)
            found.append((i, [round(float(v), 2) for v in annot["/Rect"]], target))
    return found


def _renders(pdf: bytes) -> Iterator[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    for i in range(len(document)):
        yield document[i].render(scale=0.5).to_pil().convert("L").tobytes()


def assert_same_book(one: bytes, many: bytes) -> None:
    """`many` (set in pieces) prints what `one` (set in one run) prints, page for page."""
    a, b = pypdf.PdfReader(io.BytesIO(one)), pypdf.PdfReader(io.BytesIO(many))
    assert len(b.pages) == len(a.pages)
    assert _page_texts(b) == _page_texts(a)
    # Every hyphen reads back as one, whichever use a run or a piece met first.
    assert not any("\u00ad" in page.extract_text() for page in (*a.pages, *b.pages))
    assert b.page_labels == a.page_labels
    assert _outline(b) == _outline(a)
    assert _links(b) == _links(a)
    assert b.metadata == a.metadata
    for x, y in zip(_renders(one), _renders(many), strict=True):
        assert len(x) == len(y)
        assert sum(abs(p - q) for p, q in zip(x, y, strict=True)) / len(x) < PIXEL_TOLERANCE
    # The whole book's page count in its XMP, and one tagged structure for all pages.
    root: Any = b.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert re.search(rb"<xmpTPg:NPages>(\d+)<", xmp)[1] == str(len(b.pages)).encode()  # type: ignore[index]
    tree = root["/StructTreeRoot"]
    keys = _parent_keys(tree["/ParentTree"])
    used = {int(p["/StructParents"]) for p in b.pages if "/StructParents" in p}  # type: ignore[call-overload]
    assert used <= keys
    assert int(tree["/ParentTreeNextKey"]) > max(keys)


def _parent_keys(node: Any) -> set[int]:
    node = node.get_object()
    keys = {int(k) for k in node.get("/Nums", [])[::2]}
    for kid in node.get("/Kids", []):
        keys |= _parent_keys(kid)
    return keys


def test_the_sample_book_set_chapter_by_chapter_is_the_book_set_at_once() -> None:
    project = load_project(ROOT)
    one, many = _both(api.parse_project(project), project.config, size=1)
    assert_same_book(one, many)


def test_chapters_that_open_on_either_side_keep_their_side(tmp_path: Path) -> None:
    """With chapters starting on the next page, a piece may start on a verso."""
    project = load_project(ROOT)
    config = project.config.model_copy(
        update={"pdf": project.config.pdf.model_copy(update={"chapter_start": "next"})}
    )
    one, many = _both(api.parse_project(project), config, size=1)
    assert_same_book(one, many)


def test_a_box_set_keeps_each_books_own_pages(tmp_path: Path) -> None:
    boxset = _books(tmp_path, 3)
    (tmp_path / "book-2" / "book.toml").write_text(
        'title = "Tide 2"\nauthors = ["A. Writer"]\nlanguage = "en"\n'
        'dedication = "For the keeper"\n'
    )
    project = load_project(boxset)
    one, many = _both(api.parse_project(project), project.config, size=1)
    assert_same_book(one, many)


def test_a_long_novel_set_in_pieces_is_the_novel_set_at_once(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    corpus = _corpus_gen().generate(60_000, tmp_path, SEEDS)
    project = load_project(corpus.txt)
    book = api.parse_project(project)
    one, many = _both(book, project.config, size=pieces.PIECE_CHARS // 2)
    assert len(pieces.split(typeset_parts(book, project.config), pieces.PIECE_CHARS // 2)) > 2
    assert_same_book(one, many)


def typeset_parts(book: Book, config: BookConfig) -> list[dict[str, Any]]:
    from compile_book.output import build_time
    from compile_book.writers.pdf.data import book_input

    data, _ = book_input(book, options_from(config), when=build_time())
    parts: list[dict[str, Any]] = data["parts"]
    return parts


def test_the_same_pieces_give_the_same_bytes() -> None:
    project = load_project(ROOT)
    book = api.parse_project(project)
    options = options_from(project.config)
    first, _ = typeset.render(book, options, piece_chars=1)
    pieces._SET.clear()
    second, _ = typeset.render(book, options, piece_chars=1)
    assert first == second


def test_a_rebuild_sets_again_only_the_pieces_that_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = load_project(ROOT)
    book = api.parse_project(project)
    options = options_from(project.config)
    typeset.render(book, options, piece_chars=1)
    runs: list[dict[str, Any]] = []

    measure = typeset.measure_encoded

    def measured(template: bytes, payload: bytes, *args: Any) -> tuple[bytes, bytes]:
        runs.append(json.loads(payload))  # every piece is measured first (spreads)
        return measure(template, payload, *args)

    monkeypatch.setattr(typeset, "measure_encoded", measured)
    again, _ = typeset.render(book, options, piece_chars=1)
    assert runs == []  # nothing changed: every piece comes from the store
    # The last paragraph of the book changed: its piece alone is set again (the
    # contents, whose pages did not move, comes from the store).
    changed, _ = typeset.render(_last_paragraph_changed(book), options, piece_chars=1)
    assert [run["piece"]["kind"] for run in runs] == ["body"]
    assert changed != again


def _last_paragraph_changed(book: Book) -> Book:
    import dataclasses

    from compile_book import nodes

    part = book.parts[-1]
    chapter = part.chapters[-1]
    last = chapter.blocks[-1]
    assert isinstance(last, nodes.Paragraph)
    text = nodes.Text("Changed.", last.source)
    blocks = (*chapter.blocks[:-1], dataclasses.replace(last, inlines=(text,)))
    chapter = dataclasses.replace(chapter, blocks=blocks)
    part = dataclasses.replace(part, chapters=(*part.chapters[:-1], chapter))
    return dataclasses.replace(book, parts=(*book.parts[:-1], part))


def test_split_cuts_between_chapters_and_continues_a_cut_part() -> None:
    def chapter(uid: str, words: int) -> dict[str, Any]:
        return {"uid": uid, "blocks": ["x" * words]}

    parts: list[dict[str, Any]] = [
        {"uid": None, "front": [], "chapters": [chapter("prologue", 50)]},
        {"uid": "p1", "front": [], "chapters": [chapter(f"c{i}", 100) for i in range(1, 5)]},
        {"uid": "p2", "front": [], "chapters": [chapter("c5", 100)]},
    ]
    cut = pieces.split(parts, 300)  # a chapter weighs about 130 characters as JSON
    shape = [
        [(p["uid"], p.get("continued", False), [c["uid"] for c in p["chapters"]]) for p in x.parts]
        for x in cut
    ]
    assert shape == [
        [(None, False, ["prologue"]), ("p1", False, ["c1"])],
        [("p1", True, ["c2", "c3"])],
        [("p1", True, ["c4"]), ("p2", False, ["c5"])],
    ]
    assert [x.targets() for x in cut] == [
        ["prologue", "p1", "c1"],
        ["c2", "c3"],
        ["c4", "p2", "c5"],
    ]
    # Everything once, in order; one piece when the book is small.
    assert len(pieces.split(parts, 10**9)) == 1


def test_a_cut_never_leaves_a_part_page_alone() -> None:
    parts: list[dict[str, Any]] = [
        {"uid": None, "front": [], "chapters": [{"uid": "a", "blocks": ["x" * 200]}]},
        {"uid": "p1", "front": [], "chapters": [{"uid": "b", "blocks": ["x" * 200]}]},
    ]
    cut = pieces.split(parts, 100)
    assert [[p["uid"] for p in x.parts] for x in cut] == [[None], ["p1"]]
    assert not any(p.get("continued") for x in cut for p in x.parts)


def test_the_kept_typst_process_is_measured() -> None:
    from compile_book.writers.pdf import runner

    project = load_project(ROOT)
    typeset.render(api.parse_project(project), options_from(project.config), piece_chars=0)
    used = runner.child_memory_mb()
    if os.path.exists("/proc/self/status"):
        assert used is not None and used > 10
