"""Characters no rule may eat, and characters no manuscript may hold, in every reader.

Private-use characters (icon fonts, constructed scripts, SIL's additions) are
text: they reach the tree untouched next to emphasis, escapes and quotes, in
``.txt``, ``.md``, ``.docx`` and ``.odt`` alike. Unicode noncharacters stop
the book with a one-line error naming the file and line. Control characters
are invisible, never words: they are removed with a note naming the line,
and never crash a writer.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from compile_book import markers
from compile_book.config import BookConfig
from compile_book.diagnostics import Code, Reporter
from compile_book.errors import InputError
from compile_book.nodes import Book, Emphasis, Paragraph, heading_text, plain_text
from compile_book.output import build_time
from compile_book.pipeline import ManuscriptSource, compile_sources
from compile_book.readers.text import decode_text
from compile_book.writers.pdf import data as pdf_data
from compile_book.writers.pdf import options_from
from tests import docx_fixtures as dx
from tests import odt_fixtures as ox

PUA = "\ue000 \ue001 \ue002 \ue0c5 \ue0fd \ue0ff \uf8ff \U000f0000 \U0010fffd"
TYPED = f'Alpha {PUA} beta *gamma \ue001* delta \\* "quoted \uf8ff" {{Think \ue0ff}} end.'
SET = f"Alpha {PUA} beta gamma \ue001 delta * “quoted \uf8ff” Think \ue0ff end."


def build(name: str, data: bytes) -> Book:
    return compile_sources([ManuscriptSource(name, data)], BookConfig())


def paragraphs(book: Book) -> list[Paragraph]:
    return [b for c in book.chapters for b in c.blocks if isinstance(b, Paragraph)]


def has_emphasis(paragraph: Paragraph) -> bool:
    return any(isinstance(n, Emphasis) for n in paragraph.inlines)


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_private_use_characters_pass_through_plain_text_and_markdown(name: str) -> None:
    heading = (
        "# Chapter 1: The \ue000 Road" if name.endswith(".md") else "Chapter 1: The \ue000 Road"
    )
    book = build(name, f"{heading}\n\n{TYPED}\n\n\ue0fd\n\nMore.\n".encode())
    (chapter,) = book.chapters
    assert chapter.heading is not None and "The \ue000 Road" in heading_text(chapter.heading)
    first, lone, more = paragraphs(book)
    assert plain_text(first.inlines) == SET and has_emphasis(first)
    assert plain_text(lone.inlines) == "\ue0fd"  # the old VOID marker, now a character
    assert plain_text(more.inlines) == "More."


def test_private_use_characters_pass_through_a_docx() -> None:
    data = dx.docx(
        dx.p("Chapter 1: The \ue000 Road", style="Heading1"),
        dx.p(
            dx.r(f'Alpha {PUA} beta "'),
            dx.r("gamma \ue001", i=True),
            dx.r('" delta \\* \ue0c5.'),
        ),
    )
    book = build("story.docx", data)
    (para,) = paragraphs(book)
    assert plain_text(para.inlines) == f"Alpha {PUA} beta “gamma \ue001” delta \\* \ue0c5."
    assert has_emphasis(para)
    heading = book.chapters[0].heading
    assert heading is not None and "The \ue000 Road" in heading_text(heading)


def test_private_use_characters_pass_through_an_odt() -> None:
    text = (
        f'Alpha {escape(PUA)} beta "<text:span text:style-name="T1">gamma \ue001</text:span>" '
        "delta \\* \ue0c5."
    )
    book = build("story.odt", ox.odt(ox.h("Chapter 1: The \ue000 Road") + ox.p(text)))
    (para,) = paragraphs(book)
    assert plain_text(para.inlines) == f"Alpha {PUA} beta “gamma \ue001” delta \\* \ue0c5."
    assert has_emphasis(para)


def test_private_use_characters_reach_the_pdf_data() -> None:
    book = build("story.txt", f"Chapter 1\n\n{TYPED}\n".encode())
    made = pdf_data.book_data(book, options_from(BookConfig()), when=build_time())
    text = json.dumps(made, ensure_ascii=False)
    for char in PUA.split():
        assert char in text


NONCHARACTER_CASES = [
    ("story.txt", "Chapter 1\n\nFine.\n\nBad \ufdd0 here.\n".encode(), "story.txt:5:"),
    ("story.txt", "Chapter 1: Bad \ufffe\n\nText.\n".encode(), "story.txt:1:"),
    ("story.md", "---\ntitle: T\n---\n\n# One\n\nBad \U0010ffff.\n".encode(), "story.md:7:"),
    ("story.txt", "Chapter 1\n\nBad \U0001fffe.\n".encode("utf-16"), "story.txt:3:"),
    (
        "story.docx",
        dx.docx(dx.p("Chapter 1", style="Heading1"), dx.p("Fine."), dx.p("Bad \ufdd0.")),
        "story.docx:3:",
    ),
    ("story.docx", dx.docx(dx.p("<w:r><w:t>Fine &#xFDEF; here.</w:t></w:r>")), "story.docx:1:"),
    ("story.odt", ox.odt(ox.h("Chapter 1") + ox.p("Bad \U0003ffff.")), "story.odt:2:"),
]


@pytest.mark.parametrize(("name", "data", "where"), NONCHARACTER_CASES)
def test_noncharacters_stop_the_book_naming_file_and_line(
    name: str, data: bytes, where: str
) -> None:
    with pytest.raises(InputError) as err:
        build(name, data)
    message = str(err.value)
    assert message.startswith(f"{where} error: ") and "noncharacter" in message
    assert "\n" not in message and err.value.exit_code == 2


def test_a_noncharacter_in_a_docx_footnote_names_the_part() -> None:
    notes = dx.notes("footnote", dx.p("A note \ufdd5."))
    data = dx.docx(dx.p("Text", dx.note_ref(1)), parts={"word/footnotes.xml": notes})
    with pytest.raises(InputError, match=r"^story.docx: error: word/footnotes.xml, paragraph"):
        build("story.docx", data)


def test_control_characters_in_plain_text_are_removed_naming_the_first_line() -> None:
    reporter = Reporter()
    text = decode_text("a.txt", b"Fine.\nBell \x07 esc \x1b[0m del \x7f.\n", reporter)
    assert text == "Fine.\nBell  esc [0m del .\n"
    (note,) = reporter.items
    assert (note.code, note.line) == (Code.INVISIBLE_CHARACTERS_REMOVED, 2)


def test_c1_controls_in_a_word_processor_file_are_removed() -> None:
    data = dx.docx(dx.p("Chapter 1", style="Heading1"), dx.p("One \x85two\x9a \x7f three."))
    book = build("story.docx", data)
    assert [plain_text(p.inlines) for p in paragraphs(book)] == ["One two three."]
    assert any(d.code == Code.INVISIBLE_CHARACTERS_REMOVED for d in book.diagnostics)
    odt_book = build("story.odt", ox.odt(ox.h("Chapter 1") + ox.p("One \x85two \x7fthree.")))
    assert [plain_text(p.inlines) for p in paragraphs(odt_book)] == ["One two three."]


@pytest.mark.parametrize("name", ["story.txt", "story.md"])
def test_control_characters_in_a_heading_and_title_build_an_epub(name: str, tmp_path: Path) -> None:
    from compile_book.backends.epub import write_epub

    heading = "# Chapter 1: Bad \x07Bell" if name.endswith(".md") else "Chapter 1: Bad \x07Bell"
    raw = f"The \x1b Title\n\nby Ann \x08Writer\n\n{heading}\n\nText \x01 here.\n"
    book = build(name, raw.encode())
    write_epub(book, tmp_path / "book.epub", BookConfig())
    assert (tmp_path / "book.epub").stat().st_size > 0


# A private-use or U+FDD0-U+FDEF character, typed or escaped, in the package's source.
_MARKER_LIKE = re.compile(
    r"\\u(?:e[0-9a-f]{3}|f[0-8][0-9a-f]{2}|fd[de][0-9a-f])|[\ue000-\uf8ff\ufdd0-\ufdef]", re.I
)


def test_markers_are_noncharacters_defined_in_one_module() -> None:
    from compile_book.rules.noncharacters import NONCHARACTER_RE

    every = [markers.OPEN, markers.CLOSE, markers.ATOM, markers.VOID, markers.DROP]
    every += [chr(c) for c in range(markers.STAND_INS_FIRST, ord(markers.LAST) + 1)]
    assert len(set(every)) == len(every)
    assert all(NONCHARACTER_RE.fullmatch(c) for c in every)
    package = Path(markers.__file__).parent
    defined_elsewhere = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        # metadata.py names the noncharacter ranges to refuse them in book.toml
        if path.name not in ("markers.py", "noncharacters.py", "metadata.py")
        and _MARKER_LIKE.search(path.read_text(encoding="utf-8"))
    ]
    assert defined_elsewhere == []
