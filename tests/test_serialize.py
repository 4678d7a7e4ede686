"""``to_json``, ``to_data`` and ``pformat``: the tree as data and as a readable dump."""

from __future__ import annotations

import json

from compile_book.config import BookConfig
from compile_book.nodes import Emphasis, Source, Telepathy, Text
from compile_book.serialize import TREE_VERSION, VERSION_KEY, pformat, to_data, to_json
from compile_book.transforms import apply
from tests.trees_small import SRC, WHEN, assembled, book_of, brk, chapter, para


def test_to_json_puts_the_tree_version_first() -> None:
    data = to_json(book_of(chapter(para("x"))))
    assert list(data)[:2] == ["compile-book-tree-version", "type"]
    assert data[VERSION_KEY] == [1, 2] == list(TREE_VERSION)
    assert data["type"] == "book"
    json.dumps(data)  # JSON-ready all the way down


def test_to_data_writes_nodes_as_kebab_case_types_with_their_fields() -> None:
    node = Telepathy((Text("hm", Source("a.txt", 2, 5)),), Source("a.txt", 2, 4), continued=True)
    assert to_data(node) == {
        "type": "telepathy",
        "children": [{"type": "text", "text": "hm", "source": {"file": "a.txt", "line": 2}}],
        "source": {"file": "a.txt", "line": 2},
        "continued": True,
    }


def test_to_json_without_sources_drops_sources_and_diagnostics() -> None:
    book = apply(assembled("It was *late*.\n"), BookConfig(), WHEN)
    data = to_json(book, sources=False)
    text = json.dumps(data)
    assert '"source"' not in text and '"diagnostics"' not in text
    assert "diagnostics" in to_json(book)
    chapter_data = data["parts"][0]["chapters"][0]
    assert chapter_data["kind"] == "chapter"
    assert chapter_data["blocks"][0]["inlines"][1] == {
        "type": "emphasis",
        "children": [{"type": "text", "text": "late"}],
    }


def test_pformat_shows_the_whole_text_of_a_long_paragraph() -> None:
    long = " ".join(f"word{k}" for k in range(200))
    dump = pformat(book_of(chapter(para(long))))
    assert f"text {long!r}" in dump
    assert "…" not in dump


def test_pformat_layout_of_parts_chapters_spans_and_breaks() -> None:
    book = book_of(
        chapter(
            para("a ", Emphasis((Text("b", SRC),), SRC)), brk(2), para(Telepathy((), SRC, True))
        )
    )
    assert pformat(book) == (
        "book 'T' lang=en\n"
        "  part '(implicit)' @t.txt:1\n"
        "    chapter '' @t.txt:1\n"
        "      paragraph @t.txt:1\n"
        "        text 'a '\n"
        "        emphasis\n"
        "          text 'b'\n"
        "      scene-break @t.txt:2\n"
        "      paragraph @t.txt:1\n"
        "        telepathy (continued)\n"
    )


def test_pformat_ends_with_a_diagnostics_section_in_book_order() -> None:
    book = apply(assembled("The the cat.\n"), BookConfig(), WHEN)
    dump = pformat(book)
    head, _, tail = dump.partition("diagnostics\n")
    assert "title-page title='A'" in head
    assert "  a.txt:1:5: warning W103: doubled word 'The the'; delete one\n" in tail
    assert "diagnostics" not in pformat(book, diagnostics=False)
