"""Back matter: ``[back]`` in book.toml, ``manuscripts/back/``, recognised headings, store links."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdf
import pytest

from compile_book import parse, parse_text
from compile_book.backmatter import AlsoByConfig, BackMatterConfig, kind_of_name, link_for
from compile_book.config import BookConfig
from compile_book.errors import CompileBookError
from compile_book.locale import get_locale
from compile_book.nodes import Book, ChapterKind, Figure, Link, heading_text, plain_text
from compile_book.release import build_editions
from compile_book.rules.headings import match_heading
from compile_book.walk import walk
from tests.epubcheck import run_epubcheck
from tests.projects import _tiny_jpeg, make_project, write_files

BACK_TOML = """\
title = "The Lighthouse"
authors = ["Jane Doe"]

[back]
acknowledgments = \"\"\"Thanks to *everyone* who read the "early" drafts.

And to my dog.\"\"\"
about_author = "Jane Doe lives by the sea."
author_photo = "images/author.jpg"
author_url = "https://www.janedoe.com/"
questions = ["Why did the keeper stay?", "What does the light mean?"]

[[back.also_by]]
title = "The Harbour"
series = "Coast Trilogy"
url = "https://janedoe.com/harbour"
links = { kobo = "https://www.kobo.com/ebook/the-harbour", amazon = "https://amazon.com/dp/B01" }

[[back.also_by]]
title = "The Cliff"
series = "Coast Trilogy"
links = { amazon = "https://www.amazon.com/dp/B02" }

[back.newsletter]
url = "https://janedoe.com/news"
text = "Get a free short story when you join."

[editions.ebook]
format = "epub"

[editions.kobo]

[editions.kindle]

[editions.apple]
links = { "The Cliff" = "https://books.apple.com/book/id2" }

[editions.print]
"""

STORY = """\
Part One

Chapter 1

The light was on.

Chapter 2

The end came.

Acknowledgments

I thank my editor.
"""


def _project(root: Path) -> Path:
    make_project(root, BACK_TOML, {"01.txt": STORY})
    return write_files(
        root,
        {
            "images/author.jpg": _tiny_jpeg(),
            "manuscripts/back/afterword.txt": "I wrote this book in a winter.\n",
            "manuscripts/back/sample.md": "# Chapter One\n\nThe sea rose at dawn.\n",
        },
    )


def _sections(book: Book) -> list[tuple[str, str]]:
    return [(str(c.kind), heading_text(c.heading)) for c in book.chapters]


# --------------------------------------------------------------------------- headings


@pytest.mark.parametrize(
    ("line", "language", "kind"),
    [
        ("Acknowledgments", "en", ChapterKind.ACKNOWLEDGMENTS),
        ("ACKNOWLEDGEMENTS", "en", ChapterKind.ACKNOWLEDGMENTS),
        ("About the Author", "en", ChapterKind.ABOUT_AUTHOR),
        ("Also by Jane Doe", "en", ChapterKind.ALSO_BY),
        ("Author's Note", "en", ChapterKind.AFTERWORD),
        ("Author’s Note:", "en", ChapterKind.AFTERWORD),
        ("## Reading Group Guide", "en", ChapterKind.DISCUSSION),
        ("Danksagung", "de", ChapterKind.ACKNOWLEDGMENTS),
        ("Über die Autorin", "de", ChapterKind.ABOUT_AUTHOR),
        ("Remerciements", "fr", ChapterKind.ACKNOWLEDGMENTS),
        ("Du même auteur", "fr", ChapterKind.ALSO_BY),
        ("Agradecimientos", "es", ChapterKind.ACKNOWLEDGMENTS),
    ],
)
def test_back_matter_headings_are_recognised(line: str, language: str, kind: ChapterKind) -> None:
    found = match_heading(line, get_locale(language))
    assert found is not None
    assert found.kind is kind
    assert found.label is None and found.number is None
    assert found.title is not None and found.title in line


@pytest.mark.parametrize(
    "line",
    ["Acknowledgments are due to her.", "About the author, nobody knew.", "Also", "Notes"],
)
def test_prose_that_starts_like_back_matter_stays_prose(line: str) -> None:
    assert match_heading(line) is None


def test_a_manuscripts_own_back_matter_is_not_swallowed_by_the_last_chapter() -> None:
    book = parse_text(STORY)
    assert _sections(book) == [
        ("chapter", "Chapter 1"),
        ("chapter", "Chapter 2"),
        ("acknowledgments", "Acknowledgments"),
    ]
    # It stands outside Part One, as an epilogue does.
    assert [len(p.chapters) for p in book.parts] == [2, 1]
    assert book.parts[1].heading is None
    thanks = book.chapters[-1]
    assert [plain_text(b.inlines) for b in thanks.blocks] == ["I thank my editor."]  # type: ignore[union-attr]


def test_a_back_matter_heading_never_breaks_the_chapter_sequence() -> None:
    text = "Chapter 1\n\nOne.\n\nAbout the Author\n\nShe writes.\n"
    book = parse_text(text)
    assert not [d for d in book.diagnostics if d.code.startswith("W")]


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("manuscripts/back/02-acknowledgments.md", ChapterKind.ACKNOWLEDGMENTS),
        ("about-the-author.txt", ChapterKind.ABOUT_AUTHOR),
        ("Author Bio.docx", ChapterKind.ABOUT_AUTHOR),
        ("also_by.md", ChapterKind.ALSO_BY),
        ("reading-group.md", ChapterKind.DISCUSSION),
        ("sample.md", ChapterKind.EXCERPT),
        ("afterword.odt", ChapterKind.AFTERWORD),
        ("bonus.md", ChapterKind.BACKMATTER),
    ],
)
def test_a_back_files_name_gives_its_kind(name: str, kind: ChapterKind) -> None:
    assert kind_of_name(name) is kind


def test_the_back_matter_follows_the_story_in_a_fixed_order(tmp_path: Path) -> None:
    book = parse(_project(tmp_path))
    assert _sections(book) == [
        ("chapter", "Chapter 1"),
        ("chapter", "Chapter 2"),
        ("acknowledgments", "Acknowledgments"),
        ("afterword", "Afterword"),  # the file's name heads it
        ("acknowledgments", "Acknowledgments"),
        ("discussion", "Questions for Discussion"),
        ("about-author", "About the Author"),
        ("also-by", "Also by Jane Doe"),
        ("newsletter", "Join the Newsletter"),
        ("excerpt", "Chapter One"),  # a sample of the next book closes the book
    ]
    # The declared prose is set like the chapters': emphasis and curly quotes.
    thanks = book.chapters[4]
    first = thanks.blocks[0]
    assert plain_text(first.inlines) == "Thanks to everyone who read the “early” drafts."  # type: ignore[union-attr]
    about = book.chapters[6]
    assert isinstance(about.blocks[0], Figure)
    assert about.blocks[0].image.media_type == "image/jpeg"
    assert about.blocks[0].alt == "Jane Doe"


def test_the_back_folder_is_never_read_as_chapters(tmp_path: Path) -> None:
    book = parse(_project(tmp_path))
    back = [c for c in book.chapters if "/back/" in c.source.file]
    assert [Path(c.source.file).name for c in back] == ["afterword.txt", "sample.md"]
    assert all(c.kind.is_back for c in back)


def test_the_author_photo_is_not_taken_for_the_cover(tmp_path: Path) -> None:
    root = _project(tmp_path)
    toml = BACK_TOML.replace("images/author.jpg", "covers/a-author.jpg")
    write_files(root, {"book.toml": toml, "covers/a-author.jpg": _tiny_jpeg()})
    book = parse(root)
    assert str(book.meta.cover).endswith("cover.jpg")


def test_a_missing_author_photo_is_an_error_naming_book_toml(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "images" / "author.jpg").unlink()
    with pytest.raises(CompileBookError) as caught:
        parse(root)
    assert "back.author_photo" in str(caught.value)
    assert caught.value.file is not None and caught.value.file.endswith("book.toml")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.example.com", "file:///etc/passwd"])
def test_a_link_that_is_not_a_web_address_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="web address"):
        BookConfig.model_validate({"back": {"author_url": url}})


# --------------------------------------------------------------------------- store links


def test_each_title_links_to_the_editions_store_only() -> None:
    book = AlsoByConfig(
        title="The Harbour",
        url="https://janedoe.com/harbour",
        links={"kobo": "https://kobo.com/h", "amazon": "https://amazon.com/h"},
    )
    assert link_for(book, BackMatterConfig(store="kobo")) == "https://kobo.com/h"
    assert link_for(book, BackMatterConfig(store="amazon")) == "https://amazon.com/h"
    # A store without its own link gets the neutral one, never a rival's.
    assert link_for(book, BackMatterConfig(store="apple")) == "https://janedoe.com/harbour"
    assert link_for(book, BackMatterConfig()) == "https://janedoe.com/harbour"
    only_amazon = AlsoByConfig(title="X", links={"amazon": "https://amazon.com/x"})
    assert link_for(only_amazon, BackMatterConfig(store="kobo")) is None


def _hrefs(epub: Path) -> set[str]:
    with zipfile.ZipFile(epub) as z:
        text = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xhtml"))
    return set(re.findall(r'href="(https?://[^"]+)"', text))


def test_every_edition_carries_its_own_stores_links(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = build_editions(root, ["ebook", "kobo", "kindle", "apple"], tmp_path / "out")
    files = {o.edition.name: o.path for o in result.outputs}
    neutral = {"https://www.janedoe.com/", "https://janedoe.com/news"}
    assert _hrefs(files["ebook"]) == neutral | {"https://janedoe.com/harbour"}
    assert _hrefs(files["kobo"]) == neutral | {"https://www.kobo.com/ebook/the-harbour"}
    assert _hrefs(files["kindle"]) == neutral | {
        "https://amazon.com/dp/B01",
        "https://www.amazon.com/dp/B02",
    }
    # The apple edition's own link for one title; the other gets the neutral one.
    assert _hrefs(files["apple"]) == neutral | {
        "https://janedoe.com/harbour",
        "https://books.apple.com/book/id2",
    }
    for path in files.values():
        check = run_epubcheck(path)
        assert check.clean, check.messages


def test_the_print_edition_prints_each_links_address(tmp_path: Path) -> None:
    root = _project(tmp_path)
    result = build_editions(root, ["print"], tmp_path / "out")
    reader = pypdf.PdfReader(result.outputs[0].path)
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    assert "The Harbour (janedoe.com/harbour)" in text
    assert "Sign up (janedoe.com/news)" in text
    assert "More at janedoe.com" in text and "janedoe.com (" not in text
    # The heading, the photo and the biography share a page.
    about = next(p for p in pages if p.startswith("About the Author"))
    assert "Jane Doe lives by the sea." in about
    assert any(page.images for page in reader.pages if page.extract_text() == about)


def test_links_are_real_links_in_the_tree(tmp_path: Path) -> None:
    book = parse(_project(tmp_path))
    urls = {node.url for node in walk(book) if isinstance(node, Link)}
    assert "https://janedoe.com/harbour" in urls
