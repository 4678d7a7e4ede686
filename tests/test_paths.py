"""How names are shown: usable paths, and lines that cannot drive a terminal."""

from __future__ import annotations

import os

import pytest

from compile_book.errors import InputError
from compile_book.paths import display_path, printable


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("chapter 1.txt", "chapter 1.txt"),
        ("Café – naïve.md", "Café – naïve.md"),  # printable Unicode stays as it is
        ("\x1b[31mred.txt", "\\x1b[31mred.txt"),
        ("bell\x07\x00.txt", "bell\\x07\\x00.txt"),
        ("two\nlines\r\tx", "two\\nlines\\r\\tx"),
        ("c1\x85\x9b.txt", "c1\\x85\\x9b.txt"),
        ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # right-to-left override
        (os.fsdecode(b"latin1-\xe9.txt"), "latin1-\\xe9.txt"),  # a byte that is not UTF-8
    ],
)
def test_printable_escapes_what_a_terminal_would_obey(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert printable(shown) == shown  # escaping twice changes nothing
    shown.encode("utf-8")  # always printable on a UTF-8 terminal


def test_printable_can_keep_the_lines_of_multi_line_output() -> None:
    assert printable("a\x1b\nb\n", keep_newlines=True) == "a\\x1b\nb\n"


def test_display_path_stays_a_real_path() -> None:
    # Readers open images relative to it: it must not be escaped.
    assert display_path("dir\x1b/x.txt") == "dir\x1b/x.txt"


def test_an_error_never_breaks_its_line_on_a_file_name() -> None:
    line = InputError("cannot read", "bad\nname.txt").format()
    assert line == "bad\\nname.txt: error: cannot read"
