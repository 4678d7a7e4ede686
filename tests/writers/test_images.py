"""Covers and figures in the outputs: decoded before writing, converted only where needed."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image as Picture

from compile_book.api import build
from compile_book.diagnostics import Code
from compile_book.errors import InputError
from compile_book.nodes import Figure, Image, Source
from compile_book.paths import display_path
from compile_book.project import load_project
from compile_book.writers.images import Images, figure_raster
from compile_book.writers.pdf.body import Body
from tests.epubcheck import EpubCheckResult
from tests.images import CORRUPT_JPEG, huge_png, picture, png16
from tests.projects import make_project
from tests.trees import SRC

Check = Callable[[Path], EpubCheckResult]


def _cover_project(root: Path, cover: bytes, name: str = "cover.jpg") -> Path:
    make_project(root, cover=False)
    (root / "covers").mkdir()
    (root / "covers" / name).write_bytes(cover)
    return root


def _stored_cover(epub: Path) -> bytes:
    with zipfile.ZipFile(epub) as z:
        (name,) = [n for n in z.namelist() if n.startswith("EPUB/images/cover.")]
        return z.read(name)


def test_a_good_cover_is_stored_byte_for_byte(tmp_path: Path, epubcheck: Check) -> None:
    jpeg = picture("JPEG", size=(60, 90))
    result = build(_cover_project(tmp_path / "p", jpeg), ["epub"], tmp_path / "b.epub")
    assert _stored_cover(tmp_path / "b.epub") == jpeg
    assert not [d for d in result.book.diagnostics if d.code is Code.COVER_CONVERTED]
    epubcheck(tmp_path / "b.epub")


@pytest.mark.parametrize(
    ("cover", "name", "why"),
    [
        (picture("JPEG", "CMYK", (60, 90)), "cover.jpg", "a CMYK JPEG"),
        (png16((60, 90)), "cover.png", "a 16-bit PNG"),
        (picture("PNG", "P", (60, 90)), "cover.png", "a P PNG (a cover must be RGB)"),
        (picture("PNG", "RGBA", (60, 90)), "cover.png", "a RGBA PNG (a cover must be RGB)"),
    ],
    ids=["cmyk", "16-bit", "palette", "alpha"],
)
def test_a_cover_readers_show_badly_is_stored_as_rgb_with_a_warning(
    tmp_path: Path, epubcheck: Check, cover: bytes, name: str, why: str
) -> None:
    project = _cover_project(tmp_path / "p", cover, name)
    result = build(project, ["epub"], tmp_path / "b.epub")
    stored = _stored_cover(tmp_path / "b.epub")
    assert Picture.open(io.BytesIO(stored)).mode == "RGB"
    (note,) = [d for d in result.book.diagnostics if d.code is Code.COVER_CONVERTED]
    assert note.file.endswith(name) and note.message.startswith(f"the cover is {why}; ")
    epubcheck(tmp_path / "b.epub")
    build(project, ["epub"], tmp_path / "again.epub")
    assert _stored_cover(tmp_path / "again.epub") == stored  # the same bytes every run


@pytest.mark.parametrize(
    ("cover", "message"),
    [
        (huge_png(), "the cover image has more than the 50 million pixels"),
        (huge_png(8_000, 7_000), "the cover image is 8,000 x 7,000 pixels, more than the 50"),
        (CORRUPT_JPEG, "the cover image cannot be decoded ("),
    ],
    ids=["20000-square", "56-megapixels", "corrupt"],
)
def test_a_cover_that_cannot_be_used_stops_the_build_before_writing(
    tmp_path: Path, cover: bytes, message: str
) -> None:
    name = "cover.png" if cover.startswith(b"\x89PNG") else "cover.jpg"
    project = _cover_project(tmp_path / "p", cover, name)
    with pytest.raises(InputError) as caught:
        build(project, ["epub", "pdf"], tmp_path / "out")
    assert caught.value.file == display_path(project / "covers" / name)
    assert caught.value.message.startswith(message)
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(os.name == "nt", reason="FIFOs and devices")
def test_a_cover_that_is_a_fifo_or_a_device_is_never_read(tmp_path: Path) -> None:
    project = _cover_project(tmp_path / "p", b"")
    (project / "covers" / "cover.jpg").unlink()
    os.mkfifo(project / "covers" / "cover.jpg")
    with pytest.raises(InputError, match=r"the cover is a named pipe \(FIFO\), not a file"):
        load_project(project)
    (project / "covers" / "cover.jpg").unlink()
    (project / "covers" / "cover.jpg").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="the cover is a symbolic link to /dev/zero, outside"):
        load_project(project)
    (project / "book.toml").write_text(
        'title = "T"\nread_outside_project = true\ncover = "covers/cover.jpg"\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"covers/cover\.jpg: error: the cover is a device"):
        load_project(project)


def test_a_cover_over_50_mb_is_not_read(tmp_path: Path) -> None:
    project = _cover_project(tmp_path / "p", b"")
    with (project / "covers" / "cover.jpg").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024 + 1)  # sparse: no disk used
    with pytest.raises(InputError, match="the cover is over 50 MB"):
        load_project(project)


def test_a_cover_outside_the_project_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.jpg").write_bytes(picture("JPEG"))
    project = make_project(tmp_path / "p", cover=False)
    (project / "book.toml").write_text(
        'title = "T"\ncover = "../elsewhere.jpg"\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"book\.toml:2: error: cover '\.\./elsewhere\.jpg' is"):
        load_project(project)


# --------------------------------------------------------------------------- figures


def _figure(data: bytes, name: str = "pic.png") -> Figure:
    return Figure(Image(name, "image/png", data), "A picture.", SRC)


def test_figures_are_stored_as_they_are_unless_readers_need_otherwise() -> None:
    images = Images()
    keep = [picture("PNG", "P"), picture("PNG", "RGBA"), picture("JPEG"), picture("GIF", "P")]
    for data in keep:
        images.add(_figure(data))
    cmyk = picture("JPEG", "CMYK")
    images.add(_figure(cmyk, "pic.jpg"))
    stored = [f.data for f in images.files]
    assert stored[:4] == keep
    assert Picture.open(io.BytesIO(stored[4])).mode == "RGB"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (CORRUPT_JPEG, r"^book\.md:1: error: the image 'pic\.png' cannot be decoded \("),
        (huge_png(), r"the image 'pic\.png' has more than the 50 million pixels"),
        (b"BM", r"the image 'pic\.png' is not a JPEG, PNG, GIF or SVG image; convert it$"),
    ],
)
def test_a_figure_that_cannot_be_used_names_its_line(data: bytes, message: str) -> None:
    figure = Figure(Image("pic.png", "image/png", data), "", Source("book.md", 1))
    with pytest.raises(InputError, match=message):
        figure_raster(figure)


def test_the_pdf_gets_figures_in_rgb_too() -> None:
    body = Body(drop_cap=False, lead_words=0)
    name = body.image_file(_figure(png16(), "deep.png"))
    assert body.images[name][24] == 8  # 8 bits a channel
    cmyk = body.image_file(_figure(picture("JPEG", "CMYK"), "print.jpg"))
    assert Picture.open(io.BytesIO(body.images[cmyk])).mode == "RGB"
    plain = picture("JPEG")
    assert body.images[body.image_file(_figure(plain, "plain.jpg"))] == plain
