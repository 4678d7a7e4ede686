"""The print cover wrap (``cover``, ``cover-proof``), read back with pypdf and pdftoppm."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image as PILImage

from compile_book import api, writers
from compile_book.config import BookConfig, parse_config
from compile_book.errors import BackendError, ConfigError
from compile_book.nodes import Book, Image, Series
from compile_book.printspec import Wrap, printed_pages, spine_inches
from compile_book.writers import cover
from compile_book.writers import pdf as pdf_writer
from compile_book.writers.cover import CoverOptions, render
from tests.trees import simple_book
from tests.writers.pdfread import norm_words

# The figures as the printers publish them, typed out again here so the test does
# not just repeat the module's table (inches per page; bleed 0.125 in a side).
PER_PAGE = {
    ("kdp", "white"): 0.002252,
    ("kdp", "cream"): 0.0025,
    ("ingramspark", "white"): 1 / 472,
    ("ingramspark", "cream"): 1 / 444,
}
TRIM_5_5X8_5 = (5.5 * 72, 8.5 * 72)
BLEED = 0.125 * 72

BLURB = (
    "When the tide went out for the last time, Mara found the bell.\n"
    "It rang for no one: # $x$ *stars* ] [link](there) // not markup.\n\n"
    "A second paragraph, about the keeper who would not speak."
)


def _book(*, image: bool = False, description: str | None = BLURB) -> Book:
    book = simple_book()
    meta = dataclasses.replace(
        book.meta,
        title="The Bells of Lannow",
        subtitle="A Novella",
        authors=("Morwen Ashby",),
        description=description,
        series=Series("Tales of the Quiet Shore", 2),
        cover=Image("cover.png", "image/png", _png()) if image else None,
    )
    return dataclasses.replace(book, meta=meta)


def _png(size: tuple[int, int] = (200, 300)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (180, 40, 40)).save(out, "PNG")
    return out.getvalue()


def _options(**fields: object) -> CoverOptions:
    return cover.options_from(BookConfig()).model_copy(update=fields)


def _page(pdf: bytes) -> pypdf.PageObject:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0]


@pytest.mark.parametrize("pages", [24, 100, 300, 828])
@pytest.mark.parametrize("paper", ["white", "cream"])
@pytest.mark.parametrize("printer", ["kdp", "ingramspark"])
def test_sheet_is_two_trims_a_spine_and_the_bleed(pages: int, paper: str, printer: str) -> None:
    pdf, stats = render(_book(), _options(pages=pages, paper=paper, printer=printer))
    spine = pages * PER_PAGE[printer, paper] * 72
    box = _page(pdf).mediabox
    assert float(box.width) == pytest.approx(2 * TRIM_5_5X8_5[0] + spine + 2 * BLEED, abs=0.01)
    assert float(box.height) == pytest.approx(TRIM_5_5X8_5[1] + 2 * BLEED, abs=0.01)
    assert stats.spine_in == pytest.approx(pages * PER_PAGE[printer, paper])


def test_trim_comes_from_the_pdf_table_and_an_odd_count_gets_a_blank_page() -> None:
    config = parse_config({"pdf": {"trim": "6x9"}, "cover_wrap": {"pages": 301, "paper": "white"}})
    pdf, stats = render(_book(), cover.options_from(config))
    box = _page(pdf).mediabox
    assert stats.pages == 301 and printed_pages(301) == 302
    assert float(box.width) == pytest.approx(2 * 432 + 302 * 0.002252 * 72 + 18, abs=0.01)
    assert float(box.height) == pytest.approx(648 + 18, abs=0.01)


def test_the_page_count_is_the_print_pdfs_when_not_given() -> None:
    book = _book()
    _, stats = render(book, _options())
    _, interior = pdf_writer.render(book, pdf_writer.options_from(BookConfig()))
    assert stats.pages == interior.pages
    assert stats.spine_in == pytest.approx(printed_pages(interior.pages) * 0.0025)


@pytest.mark.parametrize(
    ("printer", "paper", "pages", "spine_text"),
    [
        ("kdp", "white", 98, False),  # KDP: spine text from 100 pages
        ("kdp", "white", 100, True),
        ("kdp", "cream", 828, True),
        ("ingramspark", "white", 60, False),  # too thin for the 0.0625 in fold margins
        ("ingramspark", "white", 100, True),
    ],
)
def test_spine_text_only_when_the_spine_allows_it(
    printer: str, paper: str, pages: int, spine_text: bool
) -> None:
    # With a front image the title is printed nowhere else: it is on the spine or absent.
    pdf, stats = render(_book(image=True), _options(pages=pages, printer=printer, paper=paper))
    text = _page(pdf).extract_text()
    assert stats.spine_text is spine_text
    assert ("Bells of Lannow" in text) is spine_text
    if spine_text:  # title, then author, on the spine
        words = norm_words(text)
        at = words.index("lannow")
        assert words[at - 3 : at + 3] == ["the", "bells", "of", "lannow", "morwen", "ashby"]


def test_every_word_of_the_blurb_is_on_the_back_in_order_as_text_not_markup() -> None:
    pdf, _ = render(_book(image=True), _options(pages=50))
    text = _page(pdf).extract_text()
    assert "# $x$ *stars* ] [link](there) // not markup." in " ".join(text.split())
    words, want = norm_words(text), norm_words(BLURB)
    start = words.index(want[0])
    assert words[start : start + len(want)] == want
    assert words[-2:] == ["morwen", "ashby"]  # the author's name beside the barcode


def test_a_book_without_an_image_gets_a_typographic_front_cover() -> None:
    pdf, _ = render(_book(), _options(pages=50))
    page = _page(pdf)
    words = norm_words(page.extract_text())
    front = norm_words("Tales of the Quiet Shore · 2 The Bells of Lannow A Novella Morwen Ashby")
    assert words[: len(front)] == front
    assert not _images(page)


def test_the_front_image_covers_the_front_and_its_bleed() -> None:
    pdf, _ = render(_book(image=True), _options(pages=300))
    page = _page(pdf)
    assert len(_images(page)) == 1
    assert "Novella" not in page.extract_text()  # the artwork carries the title
    png = _raster(pdf, dpi=36)
    wrap = Wrap.of(TRIM_5_5X8_5, spine_inches(300, "cream", "kdp"))
    scale = 36 / 72
    for x, y in [
        (wrap.spine_right + 3, 1),  # by the fold, in the top bleed
        (wrap.width - 1, wrap.height - 1),  # the outer bottom corner of the bleed
        (wrap.spine_right + wrap.trim_width / 2, wrap.height / 2),
    ]:
        assert png.getpixel((int(x * scale), int(y * scale))) == (180, 40, 40)
    # The spine keeps the back's ground: the image stops at the fold.
    assert png.getpixel((int((wrap.spine_right - 4) * scale), 20)) != (180, 40, 40)


def test_the_barcode_area_is_white_and_clear_inside_the_safe_zone() -> None:
    wrap = Wrap.of(TRIM_5_5X8_5, spine_inches(200, "cream", "kdp"))
    code = wrap.barcode()
    assert (code.width, code.height) == (2 * 72, 1.2 * 72)
    assert wrap.back_safe().contains(code)
    assert code.x + code.width == pytest.approx(wrap.spine_left - 0.25 * 72)
    pdf, _ = render(_book(), _options(pages=200))
    png = _raster(pdf, dpi=36)
    scale = 36 / 72
    inside = [
        png.getpixel((int(x * scale), int(y * scale)))
        for x in range(int(code.x) + 4, int(code.x + code.width) - 4, 6)
        for y in range(int(code.y) + 4, int(code.y + code.height) - 4, 6)
    ]
    assert set(inside) == {(255, 255, 255)}


def test_the_proof_draws_and_labels_its_guides_and_the_cover_does_not() -> None:
    book = _book(image=True)
    plain, _ = render(book, _options(pages=300))
    proof_options = writers.options_for("cover-proof").model_copy(update={"pages": 300})
    proof, _ = render(book, proof_options)
    text = _page(proof).extract_text()
    for label in ("TRIM", "BLEED 0.125 in", "SAFE", "BARCODE AREA"):
        assert label in text and label not in _page(plain).extract_text()
    assert "spine 0.7500 in = 19.05 mm: 300 pages, cream paper, kdp" in text
    assert _page(proof).mediabox == _page(plain).mediabox


def test_same_input_same_bytes_under_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    book, options = _book(image=True), _options(pages=240)
    first, _ = render(book, options)
    assert render(book, options)[0] == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert render(book, options)[0] != first


def test_a_blurb_too_long_for_the_back_is_refused_not_cut() -> None:
    with pytest.raises(BackendError, match="description is too long for the back cover"):
        render(_book(description="word " * 1200), _options(pages=100))


def test_book_toml_cover_wrap_table() -> None:
    config = parse_config(
        {"cover_wrap": {"paper": "white", "printer": "ingramspark", "back_color": "#FFFFFF"}}
    )
    options = cover.options_from(config)
    chosen = (options.paper, options.printer, options.back_color)
    assert chosen == ("white", "ingramspark", "#ffffff")
    assert options.guides is False and writers.options_for("cover-proof", config).guides is True
    for bad in ({"paper": "blue"}, {"back_color": "navy"}, {"pages": 0}, {"spine": 1}):
        with pytest.raises(ConfigError):
            parse_config({"cover_wrap": bad})
    caliper = cover.options_from(parse_config({"cover_wrap": {"caliper": 0.003, "pages": 200}}))
    assert render(_book(), caliper)[1].spine_in == pytest.approx(0.6)


def test_default_output_names_do_not_collide(tmp_path: Path) -> None:
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "manuscripts" / "one.txt").write_text("It was late.\n", encoding="utf-8")
    toml = 'title = "Story"\n[cover_wrap]\npages = 40\n'
    (tmp_path / "book.toml").write_text(toml, encoding="utf-8")
    result = api.build(tmp_path, ["pdf", "cover", "cover-proof"])
    assert {f: p.name for f, p in result.outputs.items()} == {
        "pdf": "story.pdf",
        "cover": "story-cover.pdf",
        "cover-proof": "story-cover-proof.pdf",
    }
    named = api.build(tmp_path, ["cover"], tmp_path / "wrap.pdf")
    assert named.outputs["cover"].name == "wrap.pdf"
    assert float(_page(named.outputs["cover"].read_bytes()).mediabox.width) == pytest.approx(
        2 * 396 + 40 * 0.0025 * 72 + 18, abs=0.01
    )


# --------------------------------------------------------------------------- helpers


def _images(page: pypdf.PageObject) -> list[object]:
    return list(page.images)


def _raster(pdf: bytes, dpi: int) -> PILImage.Image:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    done = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return PILImage.open(io.BytesIO(done.stdout)).convert("RGB")
