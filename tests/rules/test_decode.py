"""Decoding the encodings writers' files arrive in."""

from __future__ import annotations

import codecs

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
