"""Whole books in the shapes real typescripts have: a story collection with sections, a
novel with ALL-CAPS titled chapters, a typed contents list, a dedication, verse, a
letter and an end mark, and a text still wrapped in Project Gutenberg's header and
licence. Small excerpts written for these tests."""

from __future__ import annotations

import textwrap
import zipfile
from pathlib import Path

from compile_book.backends.epub import write_epub
from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import (
    BlockQuote,
    Book,
    CopyrightPage,
    Paragraph,
    Verse,
    heading_text,
    plain_text,
)
from compile_book.parser import ManuscriptSource, parse_sources
from tests.epubcheck import run_epubcheck


def _wrapped(*paras: str) -> str:
    return "\n\n".join("\n".join(textwrap.wrap(p, 70)) for p in paras)


BODY = (
    "The hens had been out since dawn, and the gate stood open to the lane, and "
    "nobody on the farm would say who had left it so, though everyone had an idea."
)

COLLECTION = f"""THE FARM STORIES

by Jane Writer



Contents

   I.     The Open Gate
   II.    The Red Hen



I. THE OPEN GATE


I.

{_wrapped(BODY, BODY)}


II.

{_wrapped(BODY)}




II. THE RED HEN


{_wrapped(BODY, BODY)}
"""

NOVEL = f"""THE CHICKEN FARM

by

Jane Q. Writer



TO MY FRIEND
WILLIAM TOWNEND



CHAPTER I

MR. AND MRS. S. F. UKRIDGE


{_wrapped(BODY)}

She sang softly:

    The hens are in the meadow,
    The fox is in the wood;

{_wrapped(BODY)}


CHAPTER II

A LETTER WITH A POSTSCRIPT


He wrote back at once:

    Dear Garnet,

    Come down at once. The hens are laying.

    Yours ever,
    S. F. U.

{_wrapped(BODY)}


THE END
"""

GUTENBERG = f"""The Project Gutenberg eBook of The Farm

*** START OF THE PROJECT GUTENBERG EBOOK THE FARM ***

Produced by a volunteer.



The Farm

by Jane Writer


Chapter 1

{_wrapped(BODY)}

*** END OF THE PROJECT GUTENBERG EBOOK THE FARM ***

Section 1. General Terms of Use and Redistributing Project Gutenberg works
"""


def _book(text: str, name: str = "book.txt") -> Book:
    return parse_sources([ManuscriptSource(name, text.encode())])


def _codes(book: Book) -> set[str]:
    return {str(d.code) for d in book.diagnostics}


def test_a_story_collection_has_a_part_per_story_and_its_sections_as_chapters() -> None:
    book = _book(COLLECTION)
    assert book.meta.title == "The Farm Stories"
    assert book.meta.authors == ("Jane Writer",)
    parts = [p for p in book.parts if p.heading is not None]
    assert [heading_text(p.heading) for p in parts] == ["I: The Open Gate", "II: The Red Hen"]
    assert [len(p.chapters) for p in parts] == [2, 1]
    assert len(book.parts) == 2  # the contents list made no chapter of its own
    assert {"N033", "N037", "N032"} <= _codes(book)


def test_a_novel_s_front_titles_verse_letter_and_end_mark() -> None:
    book = _book(NOVEL)
    assert (book.meta.title, book.meta.authors) == ("The Chicken Farm", ("Jane Q. Writer",))
    assert book.meta.dedication == "TO MY FRIEND\nWILLIAM TOWNEND"
    titles = [heading_text(c.heading) for c in book.chapters]
    assert titles == [
        "Chapter I: Mr.\u00a0and Mrs.\u00a0S. F. Ukridge",
        "Chapter II: A Letter With a Postscript",
    ]
    kinds = [type(b).__name__ for c in book.chapters for b in c.blocks]
    assert kinds == [
        "Paragraph",
        "Paragraph",
        "Verse",
        "Paragraph",
        "Paragraph",
        "BlockQuote",
        "Paragraph",
    ]
    verse = next(b for c in book.chapters for b in c.blocks if isinstance(b, Verse))
    assert len(verse.lines) == 2
    letter = next(b for c in book.chapters for b in c.blocks if isinstance(b, BlockQuote))
    assert len(letter.blocks) == 3
    assert {"N034", "N035", "N036", "N022"} <= _codes(book)
    assert Code.UNCLOSED_QUOTE not in _codes(book)


def test_books_of_these_shapes_make_clean_epubs(tmp_path: Path) -> None:
    for name, text in (("novel", NOVEL), ("collection", COLLECTION)):
        out = tmp_path / f"{name}.epub"
        write_epub(_book(text), out, BookConfig())
        check = run_epubcheck(out)
        assert check.clean, (name, check.messages)


def test_an_all_caps_title_after_the_chapter_number_is_title_cased() -> None:
    book = _book(f"Chapter I: A LETTER WITH A POSTSCRIPT\n\n{BODY}\n")
    assert heading_text(book.chapters[0].heading) == "Chapter I: A Letter With a Postscript"


def test_gutenberg_wrapping_is_left_out_with_a_warning_naming_its_lines() -> None:
    book = _book(GUTENBERG)
    (warning,) = [d for d in book.diagnostics if d.code == Code.BOILERPLATE_LEFT_OUT]
    assert warning.line == 1 and "lines 1-5 and 20-23" in warning.message
    assert (book.meta.title, book.meta.authors) == ("The Farm", ("Jane Writer",))
    assert len(book.chapters) == 1
    assert heading_text(book.chapters[0].heading) == "Chapter 1"


def test_a_gutenberg_text_claims_no_copyright(tmp_path: Path) -> None:
    # "Copyright © 2026 Jane Austen. All rights reserved." would be false of a
    # public-domain text: no notice is made, and the EPUB declares no rights.
    book = _book(GUTENBERG)
    assert book.meta.public_domain and book.meta.rights is None
    assert not [n for n in book.front if isinstance(n, CopyrightPage)]
    out = tmp_path / "farm.epub"
    write_epub(book, out, BookConfig())
    result = run_epubcheck(out)
    assert result.clean, result.messages
    with zipfile.ZipFile(out) as epub:
        package = epub.read("EPUB/content.opf").decode()
    assert "<dc:rights" not in package and "Jane Writer" in package


def test_a_gutenberg_text_prints_the_rights_book_toml_gives() -> None:
    book = parse_sources(
        [ManuscriptSource("book.txt", GUTENBERG.encode())],
        BookConfig(rights="This text is in the public domain."),
    )
    (page,) = [n for n in book.front if isinstance(n, CopyrightPage)]
    assert page.lines == ("This text is in the public domain.",)


def test_only_the_first_file_makes_a_book_public_domain() -> None:
    # A later file quoting Gutenberg's markers (an appendix about the source) does not.
    files = [ManuscriptSource("a.txt", f"Chapter 1\n\n{BODY}\n".encode())]
    files.append(ManuscriptSource("b.txt", GUTENBERG.encode()))
    book = parse_sources(files, BookConfig(authors=["Jane Writer"]))
    assert not book.meta.public_domain
    (page,) = [n for n in book.front if isinstance(n, CopyrightPage)]
    assert page.lines[0].startswith("Copyright ©")


def test_files_that_all_became_untitled_chapters_are_warned_once() -> None:
    files = [ManuscriptSource(f"{k}.txt", f"{BODY}\n\n{BODY}\n".encode()) for k in (1, 2)]
    book = parse_sources(files)
    warned = [d for d in book.diagnostics if d.code == Code.UNTITLED_CHAPTER]
    assert len(book.chapters) == 2 and len(warned) == 1


def test_text_before_the_first_heading_is_warned_as_an_untitled_chapter() -> None:
    book = _book(f"{BODY}\n\nChapter 1\n\n{BODY}\n")
    warned = [d for d in book.diagnostics if d.code == Code.UNTITLED_CHAPTER]
    assert [d.line for d in warned] == [1]


def test_a_gutenberg_texts_brackets_are_its_own_and_its_picture_marks_go() -> None:
    # "[Coleridge's 'Ancient Mariner.']" is Mary Shelley's, not a note to self; an
    # [Illustration: …] mark stands for a picture the text file cannot hold.
    body = f"{BODY}\n\n[Illustration: The farm\nat dawn.]\n\n[Both hens were imaginary.]\n"
    book = _book(GUTENBERG.replace(_wrapped(BODY), body))
    texts = [plain_text(b.inlines) for b in book.chapters[0].blocks if isinstance(b, Paragraph)]
    assert texts[-1] == "[Both hens were imaginary.]"
    assert not any("Illustration" in t for t in texts)
    assert Code.AUTHOR_NOTE not in {d.code for d in book.diagnostics}
    assert any("illustration mark" in d.message for d in book.diagnostics)
    # Outside a Gutenberg text, a bracketed line is still a note to self.
    mine = _book(f"Chapter 1\n\n{BODY}\n\n[Both hens were imaginary.]\n")
    assert Code.AUTHOR_NOTE in {d.code for d in mine.diagnostics}
