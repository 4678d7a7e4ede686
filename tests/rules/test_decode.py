"""Decoding the encodings writers' files arrive in."""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable

import pytest

from compile_book.errors import InputError
from compile_book.rules.decode import decode

TEXT = "“Wait…” she said—café.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
        (TEXT.encode("utf-16"), "UTF-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("cp1252"), "Windows-1252"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    decoded = decode(data, "x.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_cp1252_0x85_is_an_ellipsis_not_a_line_break() -> None:
    decoded = decode(b"Wait\x85 no\r\nmore", "x.txt")
    assert decoded.text == "Wait… no\nmore"


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_line_endings(newline: bytes) -> None:
    decoded = decode(newline.join([b"one", b"two", b"", b"three"]), "x.txt")
    assert decoded.text == "one\ntwo\n\nthree"
    assert decoded.newlines_changed == (newline != b"\n")


def test_undecodable_bytes_name_the_offset() -> None:
    with pytest.raises(InputError) as err:
        decode(b"abc\x81\x8d", "bad.txt")
    assert "bad.txt" in str(err.value)
    assert "byte offset 3" in str(err.value)


def test_binary_documents_are_named() -> None:
    with pytest.raises(InputError, match="Word"):
        decode(b"PK\x03\x04rest", "novel.txt")
    with pytest.raises(InputError, match="NUL"):
        decode(b"abc\x00def", "novel.txt")


SMILE = "Smile 😀 here, café.\n"


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_as_utf32(codec: str) -> None:
    bom = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}.get(codec, b"")
    decoded = decode(bom + SMILE.encode(codec), "x.txt")
    assert decoded.text == SMILE
    assert decoded.encoding == "UTF-32"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_recognised_by_its_nul_bytes(codec: str) -> None:
    decoded = decode(("Chapter 1\n\n" + SMILE).encode(codec), "x.txt")
    assert decoded.text == "Chapter 1\n\n" + SMILE
    assert decoded.encoding == "UTF-16 (no BOM)"


def test_a_stray_nul_in_utf8_is_still_not_a_text_file() -> None:
    with pytest.raises(InputError, match="byte offset 3 is a NUL byte"):
        decode(b"abc\x00def ghi jkl", "x.txt")


MIXED = (
    "Café one.\r\n".encode()
    + "Naïve two.\r\n".encode("cp1252")
    + b"Plain three.\r\n"
    + "“Four” — déjà.\r\n".encode()
    + "Señor five…\r\n".encode("cp1252")
)


def test_mixed_utf8_and_windows_1252_lines_are_each_read_as_what_they_are() -> None:
    decoded = decode(MIXED, "x.txt")
    assert decoded.text == "Café one.\nNaïve two.\nPlain three.\n“Four” — déjà.\nSeñor five…\n"
    assert decoded.encoding == "UTF-8 and Windows-1252"
    assert decoded.fallback_lines == (2, 5)
    assert decoded.newlines_changed


def test_mixed_lines_are_counted_with_cr_line_endings_too() -> None:
    decoded = decode(MIXED.replace(b"\r\n", b"\r"), "x.txt")
    assert decoded.fallback_lines == (2, 5)


def test_a_stray_windows_1252_byte_in_a_utf8_line_keeps_the_line_s_utf8() -> None:
    decoded = decode("Café, déjà vu.\nCafé ".encode() + b"\x93hi\x94 there.\n", "x.txt")
    assert decoded.text == "Café, déjà vu.\nCafé “hi” there.\n"
    assert decoded.fallback_lines == (2,)


def test_a_windows_1252_file_is_not_mixed() -> None:
    decoded = decode("Naïve.\nPlain.\n“Quoted”.\n".encode("cp1252"), "x.txt")
    assert (decoded.encoding, decoded.fallback_lines) == ("Windows-1252", ())


def test_an_undecodable_line_in_a_mixed_file_names_its_line_and_byte() -> None:
    with pytest.raises(InputError) as err:
        decode("Café.\nfine\n".encode() + b"bad \x81 byte\n", "bad.txt")
    assert str(err.value).startswith("bad.txt:3: error: cannot decode byte 0x81 at byte offset 16:")


def growth(run: Callable[[int], object], n: int) -> float:
    """time(4n) / time(n), best of three each: about 4 when linear, 16 when quadratic."""

    def seconds(size: int) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            run(size)
            best = min(best, time.perf_counter() - start)
        return best

    return seconds(4 * n) / seconds(n)


def test_mixed_decoding_is_linear() -> None:
    files = {n: MIXED * n for n in (1500, 6000)}  # about 0.1 and 0.4 MB, 2 lines in 5 bad

    def run(n: int) -> None:
        decode(files[n], "x.txt")

    assert growth(run, 1500) < 8


@pytest.mark.parametrize(
    ("char", "line", "col"),
    [
        ("\ufdd0", 2, 4),
        ("\ufdef", 2, 4),
        ("\ufffe", 2, 4),
        ("\U0001ffff", 2, 4),
        ("\U0010fffe", 2, 4),
    ],
)
def test_noncharacters_are_refused_naming_line_and_column(char: str, line: int, col: int) -> None:
    for codec in ("utf-8", "utf-16", "utf-32"):
        with pytest.raises(InputError) as err:
            decode(f"One.\r\nTwo{char} three.\r\n".encode(codec), "x.txt")
        message = str(err.value)
        assert message.startswith(f"x.txt:{line}: error: column {col} holds U+{ord(char):04X}")
        assert "noncharacter" in message and "delete it" in message and "\n" not in message


def test_the_characters_next_to_the_noncharacters_are_text() -> None:
    text = "\ufdcf\ufdf0\ufffd\U0001fffd\ue000\U0010fffd\n"
    assert decode(text.encode(), "x.txt").text == text
