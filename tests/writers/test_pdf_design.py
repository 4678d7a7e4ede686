"""The sample book's print interior read back as a reader sees it: no widows or
orphans, consistent chapter openers, clean running heads."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pypdf
import pytest

import compile_book
from compile_book.config import PdfConfig
from compile_book.locale import get_locale
from compile_book.pagemodel import inside_margin
from compile_book.writers import pdf
from compile_book.writers.pdf.data import without_full_stop
from compile_book.writers.pdf.opening import lead_in_length
from tests.paths import ROOT, SEEDS, corpus_gen
from tests.writers import finished
from tests.writers.pdfread import opener_pages, page_lines, text_runs, widows_and_orphans
from tests.writers.test_pdf import novel
from tests.writers.test_pdf import options as pdf_options

#: The paragraph indent in points, as the template sets it (1.2 em).
INDENT = 1.2 * PdfConfig().font_size


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> pypdf.PdfReader:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout")
    out = tmp_path_factory.mktemp("sample") / "book.pdf"
    result = compile_book.build(ROOT, formats=["pdf"], output=out)
    return pypdf.PdfReader(Path(result.outputs["pdf"]))


def test_sample_book_has_no_widows_or_orphans(sample_pdf: pypdf.PdfReader) -> None:
    widows, orphans = widows_and_orphans(sample_pdf, INDENT)
    assert widows == []
    assert orphans == []


def _chapter_openers(reader: pypdf.PdfReader) -> list[int]:
    """Opener pages that carry text beneath the heading (not part title pages)."""
    return [i for i in opener_pages(reader) if len(page_lines(reader.pages[i])) > 4]


def test_every_chapter_opens_with_the_same_drop_cap(sample_pdf: pypdf.PdfReader) -> None:
    caps = []
    for i in _chapter_openers(sample_pdf):
        runs = text_runs(sample_pdf.pages[i])
        cap = max(runs, key=lambda r: r.size)
        caps.append((cap.text.strip(), round(cap.size, 1)))
    # Every chapter (the one opening "Mr. Treloar", the epilogue whose opening
    # paragraph is two lines long) has a one-letter cap of the same size.
    assert all(len(letter) == 1 for letter, _ in caps), caps
    assert len({size for _, size in caps}) == 1, caps
    assert ("M", caps[0][1]) in caps


def test_no_hyphen_beside_a_drop_cap(sample_pdf: pypdf.PdfReader) -> None:
    pitch = (0.7 + PdfConfig().leading) * PdfConfig().font_size
    for i in _chapter_openers(sample_pdf):
        page = sample_pdf.pages[i]
        cap = max(text_runs(page), key=lambda r: r.size)
        beside = [ln for ln in page_lines(page) if cap.y - 1 < ln.y < cap.y + 2 * pitch + 1]
        assert len(beside) == 3, (i, beside)
        assert not [ln.text for ln in beside if ln.text.rstrip().endswith(("-", "\u00ad"))]


@pytest.mark.parametrize(
    ("text", "count", "lead"),
    [
        ("There were a hundred and seventeen steps", 3, 4),  # not "THERE WERE A"
        ("The ferry to Carrow ran twice a day", 3, 4),
        ("The first time Nell heard", 3, 3),
        ("It was the of a in to it", 3, 6),  # at most three more words
        ("She came in, and sat", 3, 3),  # "in," ends a phrase
        ("One two", 3, 2),
    ],
)
def test_lead_in_does_not_end_on_a_function_word(text: str, count: int, lead: int) -> None:
    words: list[list[Any]] = [[[w, []]] for w in text.split(" ")]
    assert lead_in_length(words, count, get_locale("en").function_words) == lead


def test_every_locale_names_its_function_words() -> None:
    for lang in ("en", "de", "fr", "es", "it", "nl", "pt"):
        assert len(get_locale(lang).function_words) > 20, lang


def test_running_heads_and_contents_drop_a_title_full_stop(sample_pdf: pypdf.PdfReader) -> None:
    text = "\n".join(page.extract_text() for page in sample_pdf.pages)
    assert "Salt and Iron." in text  # the display heading keeps it
    lines = [line.strip() for line in text.splitlines()]
    assert not [line for line in lines if line.startswith("Chapter Five: Salt and Iron.")]
    assert [line for line in lines if line.startswith("Chapter Five: Salt and Iron")]
    assert without_full_stop("Wait…") == "Wait…" and without_full_stop("And so...") == "And so..."
    assert without_full_stop("Salt and Iron.") == "Salt and Iron"


def _text_edges(reader: pypdf.PdfReader) -> tuple[float, float]:
    """The left edge of the text block on rectos and on versos (points): where most
    lines start on body pages."""
    edges = []
    for side in (0, 1):  # page index 0 is page 1, a recto
        starts = [
            round(line.x, 1)
            for i in range(len(reader.pages))
            if i % 2 == side
            for line in page_lines(reader.pages[i])
        ]
        edges.append(max(set(starts), key=starts.count))
    return edges[0], edges[1]


@pytest.mark.slow
@pytest.mark.parametrize(("words", "inside"), [(900, 0.625), (4200, 0.75)])
def test_inside_margin_follows_the_real_page_count(
    tmp_path: Path, words: int, inside: float
) -> None:
    # About 60 pages (KDP's 0.375 in, plus a quarter) and about 190 (0.5 in, plus a quarter).
    tree = novel(chapters=12, words_per_chapter=words)
    out = tmp_path / "book.pdf"
    pdf.write(finished(tree), pdf_options(), out)
    reader = pypdf.PdfReader(out)
    pages = len(reader.pages)
    assert inside == inside_margin(pages, outside=0.625)
    recto, verso = _text_edges(reader)
    assert recto == pytest.approx(inside * 72, abs=0.5), pages  # binding on the left
    assert verso == pytest.approx(0.625 * 72, abs=0.5), pages


@pytest.mark.parametrize("theme", ["modern", "romance", "plain"])
def test_every_theme_sets_the_sample_without_widows_or_orphans(tmp_path: Path, theme: str) -> None:
    if not (ROOT / "book.toml").is_file():
        pytest.skip("the sample book is not in this checkout")
    for name in ("manuscripts", "covers"):
        shutil.copytree(ROOT / name, tmp_path / name)
    toml = (ROOT / "book.toml").read_text(encoding="utf-8")
    (tmp_path / "book.toml").write_text(f'theme = "{theme}"\n{toml}', encoding="utf-8")
    result = compile_book.build(tmp_path, formats=["pdf"], output=tmp_path / "book.pdf")
    size = pdf.options_from(result.project.config).font_size
    widows, orphans = widows_and_orphans(pypdf.PdfReader(tmp_path / "book.pdf"), 1.2 * size)
    assert (widows, orphans) == ([], [])


@pytest.fixture(scope="module")
def long_novel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's 100,000-word novel (26 chapters, scene breaks), generated
    from the seed manuscripts: what a writer's real book asks of page breaking."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    corpus = corpus_gen().generate(100_000, tmp_path_factory.mktemp("corpus"), SEEDS)
    return Path(corpus.txt)


@pytest.mark.slow
@pytest.mark.parametrize("theme", ["classic", "modern", "romance", "plain"])
def test_every_theme_sets_a_100k_novel_without_widows_or_orphans(
    tmp_path: Path, long_novel: Path, theme: str
) -> None:
    # About 350 pages a theme: 4 to 15 s to set, 5 s to read back.
    (tmp_path / "manuscripts").mkdir()
    shutil.copy(long_novel, tmp_path / "manuscripts" / "novel.txt")
    (tmp_path / "book.toml").write_text(
        f'theme = "{theme}"\ntitle = "The Long Novel"\nauthors = ["A. Writer"]\n',
        encoding="utf-8",
    )
    result = compile_book.build(tmp_path, formats=["pdf"], output=tmp_path / "book.pdf")
    reader = pypdf.PdfReader(tmp_path / "book.pdf")
    assert len(reader.pages) > 300
    size = pdf.options_from(result.project.config).font_size
    assert widows_and_orphans(reader, 1.2 * size) == ([], [])
