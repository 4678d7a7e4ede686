"""Unicode noncharacters: found wherever they are, in text and in a word processor's XML."""

from __future__ import annotations

import pytest

from compile_book.errors import InputError
from compile_book.rules.noncharacters import (
    NONCHARACTER_RE,
    check_text,
    check_xml,
    is_noncharacter,
    utf8_offset,
)
from tests.rules.test_decode import growth

EVERY = [*range(0xFDD0, 0xFDF0), *(p << 16 | low for p in range(17) for low in (0xFFFE, 0xFFFF))]
# Their neighbours, and characters whose UTF-8 shares bytes with them (U+0FFF is E0 BF BF).
NEIGHBOURS = [0xFDCF, 0xFDF0, 0xFDFA, 0xFFFD, 0x0FFF, 0x2FFF, 0xFFBF, 0x1FFFD, 0x10FFFD]
NEIGHBOURS += [0xE000, 0xF8FF, 0xF0000, 0x43F, 0x43E, 0xBF]


def test_there_are_66_noncharacters_and_each_is_found() -> None:
    assert len(EVERY) == 66 == len(set(EVERY))
    for code in EVERY:
        text = f"ab {chr(code)} cd"
        assert is_noncharacter(code)
        assert NONCHARACTER_RE.search(text)
        assert utf8_offset(text.encode()) == 3
        assert utf8_offset((chr(code) * 3).encode()) == 0


def test_their_neighbours_are_text() -> None:
    text = "".join(map(chr, NEIGHBOURS)) + "пол ¿ 😀 ，（中文）"
    assert not any(is_noncharacter(c) for c in NEIGHBOURS)
    assert NONCHARACTER_RE.search(text) is None
    assert utf8_offset(text.encode()) == -1
    check_text(text, "x.txt")


def test_check_text_names_line_and_column() -> None:
    with pytest.raises(InputError) as err:
        check_text("One.\nTwo \U0001fffe.\n", "x.txt")
    assert str(err.value).startswith(
        "x.txt:2: error: column 5 holds U+1FFFE, a Unicode noncharacter"
    )


def test_the_check_is_linear() -> None:
    line = "Ωmega “quoted” ﷺ пол 😀 \ufffd " * 2000
    texts = {n: line * n for n in (16, 64)}  # about 1 and 4 MB

    def run(n: int) -> None:
        check_text(texts[n], "x.txt")

    assert growth(run, 16) < 8


@pytest.mark.parametrize(
    "xml",
    [
        "<w:p><w:t>a</w:t></w:p><w:p><w:t>b\ufdd0</w:t></w:p>".encode(),
        b"<w:p><w:t>a</w:t></w:p><w:p><w:t>b&#xFDD0;</w:t></w:p>",
        b"<w:p><w:t>a</w:t></w:p><w:p><w:t>b&#64976;</w:t></w:p>",
        "<w:p><w:t>a</w:t></w:p><w:p><w:t>b\ufdd0</w:t></w:p>".encode("utf-16"),
    ],
)
def test_noncharacters_in_a_word_processors_xml_name_the_paragraph(xml: bytes) -> None:
    with pytest.raises(InputError) as err:
        check_xml(xml, "word/document.xml", "a.docx", main=True)
    assert str(err.value).startswith("a.docx:2: error: paragraph 2 holds U+FDD0")
    with pytest.raises(InputError) as err:
        check_xml(xml, "word/footnotes.xml", "a.docx", main=False)
    assert str(err.value).startswith("a.docx: error: word/footnotes.xml, paragraph 2, holds")


def test_private_use_and_other_references_in_xml_are_text() -> None:
    xml = "<text:p>\ue000 &#xE000; &#57344; &#xFFFD; &#65533; \U0010fffd</text:p>".encode()
    check_xml(xml, "content.xml", "a.odt", main=True)
