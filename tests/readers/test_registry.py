"""The reader registry: suffix -> reader, ``read``, and the per-file cache."""

from __future__ import annotations

from compile_book.events import Para
from compile_book.readers import REGISTRY, SUFFIXES, Options, ReaderCache, read, reader_for
from compile_book.readers import markdown as markdown_reader
from compile_book.readers import text as text_reader


def test_registry_maps_every_manuscript_suffix_to_a_reader_module() -> None:
    assert REGISTRY == {
        ".txt": "compile_book.readers.text",
        ".text": "compile_book.readers.text",
        ".md": "compile_book.readers.markdown",
        ".markdown": "compile_book.readers.markdown",
        ".docx": "compile_book.readers.docx",
        ".odt": "compile_book.readers.odt",
    }
    assert sorted(SUFFIXES) == sorted(REGISTRY)


def test_reader_for_chooses_by_suffix_ignoring_case_and_falls_back_to_text() -> None:
    assert reader_for("story.MD") is markdown_reader.read
    assert reader_for("story.markdown") is markdown_reader.read
    assert reader_for("story.TXT") is text_reader.read
    assert reader_for("story.rtf") is text_reader.read
    assert reader_for("README") is text_reader.read


def test_read_without_options_treats_the_file_as_the_books_first() -> None:
    result = read("a.txt", b"Salt and Stone\nby Ann Poe\n\nIt was late.\n\nMore.\n")
    assert [type(e).__name__ for e in result.events] == ["BookTitle", "BookAuthor", "Para", "Para"]
    assert result.name == "a.txt"


def test_cache_returns_the_same_events_object_for_unchanged_bytes() -> None:
    cache = ReaderCache()
    first = cache.read("a.txt", b"Hello.\n", Options(first=False))
    again = cache.read("a.txt", b"Hello.\n", Options(first=False))
    assert again is first
    assert (cache.hits, cache.misses) == (1, 1)


def test_cache_misses_when_bytes_or_options_change() -> None:
    cache = ReaderCache()
    cache.read("a.txt", b"Hello.\n", Options(first=False))
    changed = cache.read("a.txt", b"Goodbye.\n", Options(first=False))
    cache.read("a.txt", b"Hello.\n", Options(first=False, language="de"))
    assert [e.text for e in changed.events if isinstance(e, Para)] == ["Goodbye."]
    assert (cache.hits, cache.misses) == (0, 3)


def test_cache_prune_forgets_files_not_read_since_the_last_prune() -> None:
    cache = ReaderCache()
    options = Options(first=False)
    a = cache.read("a.txt", b"Alpha.\n", options)
    cache.prune()  # a.txt was read in this round: kept
    assert cache.read("a.txt", b"Alpha.\n", options) is a
    cache.prune()
    cache.read("b.txt", b"Beta.\n", options)
    cache.prune()  # a.txt was not read in this round: forgotten
    assert cache.read("a.txt", b"Alpha.\n", options) is not a
    assert (cache.hits, cache.misses) == (1, 3)
