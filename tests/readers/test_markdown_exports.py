"""Markdown as word processors export it: Google Docs bolds the title page, escapes
every divider and puts each picture inside its address (``data:``)."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

from compile_book import api
from compile_book.api import parse_text
from compile_book.diagnostics import Code
from compile_book.nodes import Figure, SceneBreak, plain_text
from compile_book.readers.markdown import media
from compile_book.rules.markdown import unwrapped
from tests.epubcheck import run_epubcheck
from tests.projects import write_files


def png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 10, 10)).save(buf, "PNG")
    return buf.getvalue()


def google_docs(image: str) -> str:
    return (
        "# **The Salt Road**\n\n**by Mara Quill**\n\n### **Chapter 1**\n\n"
        "The caravan reached Kessary at dusk\\.\n\n![][image1]\n\n\\* \\* \\*\n\n"
        "She shrugged\\.\n\n### **Chapter 2**\n\n1\\. Stalls crowded the square\\.\n\n"
        f"[image1]: <{image}>\n"
    )


def data_uri(data: bytes, kind: str = "image/png") -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def test_a_google_docs_export_reads_as_the_writer_typed_it() -> None:
    book = parse_text(google_docs(data_uri(png())), filename="x.md")
    assert (book.meta.title, book.meta.authors) == ("The Salt Road", ("Mara Quill",))
    blocks = book.chapters[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Figure", "SceneBreak", "Paragraph"]
    figure = blocks[1]
    assert isinstance(figure, Figure) and figure.image.data == png()
    assert figure.image.media_type == "image/png"
    assert isinstance(blocks[2], SceneBreak)
    assert plain_text(book.chapters[1].blocks[0].inlines) == "1. Stalls crowded the square."  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("uri", "problem"),
    [
        ("data:image/png;base64,@@@not-base64@@@", "is not valid base64"),
        (data_uri(b"plain words" * 50), "is not a JPEG, PNG, GIF or SVG image"),
        ("data:image/png;charset=x," + "A" * 500, "holds no base64 image"),
    ],
)
def test_a_data_address_that_is_no_picture_is_left_out_and_said_briefly(
    uri: str, problem: str
) -> None:
    book = parse_text(google_docs(uri), filename="x.md")
    said = [d.message for d in book.diagnostics if d.code == Code.IMAGE_LEFT_OUT]
    assert len(said) == 1 and problem in said[0]
    assert len(said[0]) < 200  # the address is cut short, never printed whole


def test_an_embedded_picture_passes_epubcheck(tmp_path: Path) -> None:
    root = write_files(tmp_path, {"story.md": google_docs(data_uri(png()))})
    result = api.build(root / "story.md", ["epub"], tmp_path / "out" / "story.epub")
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("**The Salt Road**", "The Salt Road"),
        ("*by Ann Poe*", "by Ann Poe"),
        ("___Salt___", "Salt"),
        ("**Salt** and **Pepper**", "**Salt** and **Pepper**"),  # not one span
        ("**Salt*", "**Salt*"),
    ],
)
def test_unwrapped(typed: str, meant: str) -> None:
    assert unwrapped(typed) == meant


def test_a_long_address_is_cut_short() -> None:
    assert media.shown("x" * 500).endswith("…") and len(media.shown("x" * 500)) == media.SHOWN
