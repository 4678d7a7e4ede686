"""The PDF writer on quotations, verse, figures, lists, code, links, strikeout and notes.

Two books are typeset (each costs about a second): one holding every new node
type, read back with pypdf the way a printer and a reader would (every word
in order, notes at the foot of their own page, the images, the code font,
verse lines, links), and one made of hostile text that must print literally.
The rest checks the template data and the page model without Typst.
"""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PIL import Image

from compile_book import nodes as n
from compile_book import pagemodel
from compile_book.config import PdfConfig
from compile_book.errors import InputError
from compile_book.output import build_time
from compile_book.pagemodel import Page, estimate_pages, paginate, word_count
from compile_book.writers import pdf
from compile_book.writers.pdf import PdfOptions, data
from tests.writers import finished
from tests.writers.pdfread import (
    body_text,
    book_words,
    norm_words,
    text_runs,
)

SRC = n.Source("book.md", 7)
PITCH = (0.7 + 0.62) * 11.5  # the default grid: (top edge + leading) x size
FILLER = (
    "The keeper climbed the stair and lit the lamp, and the light went out across "
    "the water to the ships that waited beyond the bar. "
)
HOSTILE = ('#read("/etc/passwd")', "a ] b", "$x$", "back\\slash")


# --------------------------------------------------------------------------- builders


def text(s: str) -> n.Text:
    return n.Text(s, SRC)


def para(*inlines: n.Inline | str) -> n.Paragraph:
    return n.Paragraph(tuple(text(x) if isinstance(x, str) else x for x in inlines), SRC)


def note(*words: str) -> n.Note:
    return n.Note((para(" ".join(words)),), SRC)


def picture(width: int, height: int, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(out, kind)
    return out.getvalue()


def figure(data_: bytes, media: str, *caption: n.Inline) -> n.Figure:
    return n.Figure(n.Image("pic", media, data_), "a picture", SRC, tuple(caption))


def verse(*lines: str) -> n.Verse:
    return n.Verse(tuple((text(line),) if line else () for line in lines), SRC)


def book(*chapters: tuple[n.Block, ...]) -> n.Book:
    made = tuple(
        n.Chapter(
            n.ChapterKind.CHAPTER,
            n.Heading(SRC, label="Chapter", number=i + 1, number_text=str(i + 1)),
            blocks,
            SRC,
        )
        for i, blocks in enumerate(chapters)
    )
    meta = n.Metadata(title="Lantern", language="en", identifier="urn:x", authors=("A. Keeper",))
    return finished(n.Book(meta, (n.Part(None, made, SRC),)))


# The lines of the poem in the full book, in order (the third runs over).
POEM = (
    "Roses are red,",
    "violets are blue,",
    "",
    "a line of verse that is long enough to run over onto a second line of the page",
    "end of the poem.",
)

EVERYTHING = (
    para(
        "Morning came ",
        n.Emphasis((text("slowly"),), SRC),
        " with a ",
        n.CodeSpan("ping()", SRC),
        " and a lampwick",
        note("Notealpha the wick was trimmed daily."),
        " and",
        n.LineBreak(SRC),
        "a new line with ",
        n.Link((text("a harbour link"),), "https://example.org/lamp", SRC),
        " then ",
        n.Strikeout((text("struck"),), SRC),
        " words. " + FILLER,
    ),
    verse(*POEM),
    para("After the poem ", n.Emphasis((text("in italics"), note("Notebeta stays roman.")), SRC)),
    para("See ", n.Link((text("harmless text"),), "javascript:alert(1)", SRC), ". " + FILLER),
    n.BlockQuote((para("Dear keeper, " + FILLER), para("Yours, the harbourmaster.")), SRC),
    para("She read it twice. " + FILLER),
    figure(picture(600, 400), "image/png", text("Figure caption under the blue picture.")),
    para("After the figure. " + FILLER),
    n.ListBlock(True, ((para("First item. " + FILLER),), (para("Second item."),)), SRC, start=3),
    n.ListBlock(False, ((para("Bullet one."),), (para("Bullet two."),)), SRC),
    n.CodeBlock("> ls -la\n  total zero", SRC),
    n.Subheading((text("Subheading words "), n.Emphasis((text("Elena"),), SRC)), SRC),
    para("Under the subheading. " + FILLER),
    figure(picture(200, 900, "JPEG"), "image/jpeg"),
    para("The end of it all. " + FILLER),
)


def options(**settings: object) -> PdfOptions:
    return PdfOptions.model_validate(settings)


@pytest.fixture(scope="module")
def full() -> tuple[n.Book, pypdf.PdfReader, int]:
    """The book of every node type, typeset once: the tree, the PDF, its page count."""
    tree = book(EVERYTHING)
    made, stats = pdf.render(tree, options(drop_cap=True))
    return tree, pypdf.PdfReader(io.BytesIO(made)), stats.pages


# --------------------------------------------------------------------------- the full book


def _digits_off(words: list[str]) -> list[str]:
    # Why: note marks print as digits after their word, list numbers as digits alone.
    return [w for w in (re.sub(r"\d+$", "", re.sub(r"^\d+", "", w)) for w in words) if w]


def _page_of(reader: pypdf.PdfReader, word: str) -> int:
    pages = [i for i, page in enumerate(reader.pages) if word in page.extract_text()]
    assert len(pages) == 1, (word, pages)
    return pages[0]


def test_every_word_in_order_and_notes_at_the_foot_of_their_page(
    full: tuple[n.Book, pypdf.PdfReader, int],
) -> None:
    tree, reader, _ = full
    got = _digits_off(norm_words(body_text(reader, tree)))
    notes = [
        norm_words(x) for x in ("Notealpha the wick was trimmed daily.", "Notebeta stays roman.")
    ]
    for words in notes:
        at = next(i for i in range(len(got)) if got[i : i + len(words)] == words)
        del got[at : at + len(words)]
    assert got == _digits_off(book_words(tree))
    for anchor, first in (("lampwick", "Notealpha"), ("italics", "Notebeta")):
        page = _page_of(reader, first)
        assert _page_of(reader, anchor) == page
        runs = text_runs(reader.pages[page])
        mark = next(r for r in runs if anchor in r.text)
        entry = next(r for r in runs if first in r.text)
        assert entry.y < mark.y and entry.size == pytest.approx(0.85 * 11.5, abs=0.05)
        assert "Italic" not in entry.font  # a note is roman even under emphasis


def test_images_embedded(full: tuple[n.Book, pypdf.PdfReader, int]) -> None:
    _, reader, _ = full
    images: list[Any] = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        xobjects: Any = resources.get("/XObject", {})
        images += [x.get_object() for x in xobjects.values()]
    images = [x for x in images if x["/Subtype"] == "/Image"]
    assert sorted((int(x["/Width"]), int(x["/Height"])) for x in images) == [(200, 900), (600, 400)]


def test_code_in_the_monospace_font(full: tuple[n.Book, pypdf.PdfReader, int]) -> None:
    _, reader, _ = full
    fonts = [r.font for page in reader.pages for r in text_runs(page) if "ls -la" in r.text]
    assert fonts and all("DejaVuSansMono" in f for f in fonts)
    span = [r.font for page in reader.pages for r in text_runs(page) if "ping()" in r.text]
    assert span and all("DejaVuSansMono" in f for f in span)


def test_verse_lines_are_lines(full: tuple[n.Book, pypdf.PdfReader, int]) -> None:
    _, reader, _ = full
    page = _page_of(reader, "violets")
    runs = text_runs(reader.pages[page])

    def first(word: str) -> tuple[float, float]:
        run = next(r for r in runs if word in r.text)
        return run.x, run.y

    (x1, y1), (_, y2), (x3, y3), (x4, y4), (x5, y5) = map(
        first, ("Roses", "violets", "a line of verse", "of the page", "end of the poem")
    )
    assert y1 - y2 == pytest.approx(PITCH, abs=0.1)  # one line apart
    assert y2 - y3 == pytest.approx(2 * PITCH, abs=0.1)  # a stanza break between
    assert y3 - y4 == pytest.approx(PITCH, abs=0.1) and x4 > x3 == x1  # a runover, indented
    assert y4 - y5 == pytest.approx(PITCH, abs=0.1) and x5 == x1


def test_links_only_for_web_addresses(full: tuple[n.Book, pypdf.PdfReader, int]) -> None:
    _, reader, _ = full
    uris = [
        str(annot.get_object()["/A"].get("/URI"))
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if "/A" in annot.get_object()
    ]
    assert "https://example.org/lamp" in uris
    assert not any("javascript" in uri for uri in uris)
    assert "harmless text" in reader.pages[_page_of(reader, "harmless")].extract_text()


def test_the_page_model_follows(full: tuple[n.Book, pypdf.PdfReader, int]) -> None:
    tree, _, pages = full
    assert abs(estimate_pages(tree, PdfConfig(drop_cap=True)) - pages) <= 1


def test_hostile_text_prints_literally(tmp_path: Path) -> None:
    url = 'https://example.org/?q=#read("/etc/passwd")]$\\'
    hostile = " ".join(HOSTILE)
    tree = book(
        (
            para("Open ", hostile, " ", n.CodeSpan(hostile, SRC), " end."),
            n.BlockQuote((para(hostile),), SRC),
            verse(hostile),
            figure(picture(40, 30), "image/png", text(hostile)),
            n.ListBlock(False, ((para(hostile),),), SRC),
            n.CodeBlock(hostile, SRC),
            para(n.Link((text(hostile),), url, SRC), note(hostile)),
        )
    )
    out = tmp_path / "book.pdf"
    pdf.write(tree, options(), out)
    reader = pypdf.PdfReader(out)
    # Spaces out: a line may break inside code (after the slash of /etc/).
    extracted = "".join("".join(p.extract_text() for p in reader.pages).split())
    for snippet in HOSTILE:
        assert extracted.count("".join(snippet.split())) == 9, snippet
    assert "root:" not in extracted
    uris = [
        str(a.get_object()["/A"]["/URI"])
        for p in reader.pages
        for a in p.get("/Annots", [])
        if "/URI" in a.get_object().get("/A", {})
    ]
    assert uris == [url]


# --------------------------------------------------------------------------- the data


def chapter_data(*blocks: n.Block, drop_cap: bool = True) -> list[dict[str, Any]]:
    made = data.book_data(book(blocks), options(drop_cap=drop_cap), when=build_time())
    found: list[dict[str, Any]] = made["parts"][0]["chapters"][0]["blocks"]
    return found


def test_opening_with_new_inlines_keeps_its_drop_cap() -> None:
    (opening,) = chapter_data(
        para(
            n.Link((text("Where"),), "mailto:a@b.org", SRC),
            " it ",
            n.CodeSpan("x y", SRC),
            "s",
            note("noted"),
            n.LineBreak(SRC),
            "went",
        )
    )
    assert opening["initial"] == "W"
    link = {"type": "link", "url": "mailto:a@b.org"}
    words = opening["words"]
    assert words[0] == [["here", [link, "smallcaps", "nohyphen"]]]
    assert words[2][0] == {"type": "code", "text": "x y", "styles": []}  # code stays code
    assert words[2][1] == ["s", ["smallcaps", "nohyphen"]]
    assert words[2][2]["type"] == "note"  # the mark hangs on its word
    assert words[3] == [{"type": "linebreak"}]
    assert words[4][0][0] == "went"


@pytest.mark.parametrize(
    "first", [n.CodeSpan("code first", SRC), n.LineBreak(SRC), note("a note first")]
)
def test_opening_that_starts_with_no_letter_gets_no_cap(first: n.Inline) -> None:
    (opening,) = chapter_data(para(first, "then words"))
    assert "initial" not in opening
    assert norm_words(str(opening["words"])).count("words") == 1


def test_blocks_as_data() -> None:
    link = n.Link((text("x"),), "javascript:alert(1)", SRC)
    blocks = chapter_data(
        para("Lead."),
        verse("", "one", "", "", "two", "three", ""),
        n.ListBlock(True, ((para("a"),),), SRC, start=4),
        n.CodeBlock("a\n  b\n", SRC),
        para(link, n.Link((text("y"),), " HTTPS://ok.org ", SRC), n.Strikeout((text("z"),), SRC)),
    )
    assert blocks[1] == {"type": "verse", "stanzas": [[["one"]], [["two"], ["three"]]]}
    assert blocks[2]["start"] == 4 and blocks[2]["ordered"] is True
    assert blocks[3] == {"type": "code-block", "text": "a\n  b"}
    bad, good, struck = blocks[4]["inlines"]
    assert bad["url"] is None and good["url"] == "HTTPS://ok.org"
    assert struck == {"type": "strike", "children": ["z"]}


def test_images_are_named_by_their_bytes() -> None:
    png, jpeg = picture(10, 10), picture(10, 10, "JPEG")
    tree = book(
        (
            figure(png, "image/png"),
            figure(png, "image/png"),
            figure(jpeg, "image/png"),  # named by what the bytes are
        )
    )
    made, images = data.book_input(tree, options(), when=build_time())
    paths = [b["path"] for b in made["parts"][0]["chapters"][0]["blocks"]]
    assert paths[0] == paths[1] and re.fullmatch(r"img-[0-9a-f]{40}\.png", paths[0])
    assert paths[2].endswith(".jpg")
    assert images == {paths[0]: png, paths[2]: jpeg}


@pytest.mark.parametrize(
    ("payload", "media"),
    [(b"not an image", "image/png"), (b"<html/>", "image/svg+xml"), (b"<svg", "image/svg+xml")],
)
def test_an_unreadable_image_is_a_one_line_error(payload: bytes, media: str) -> None:
    with pytest.raises(InputError, match=r"^book\.md:7: error: the image pic .*PNG or JPEG$"):
        chapter_data(para("Lead."), figure(payload, media))


# --------------------------------------------------------------------------- the page model


def pages_of(*blocks: n.Block) -> int:
    (count,) = paginate(book(blocks), PdfConfig()).chapters
    return count


def test_page_model_counts_lines_of_verse_lists_and_code() -> None:
    page = Page()
    opener = pagemodel._opener_lines(pagemodel._heading_em(book(()).chapters[0].heading), page)
    lines = 3 * page.lines - opener  # the room left on a chapter's first three pages
    # Verse: one line per line, a line per stanza break (blank lines at either
    # end or in a run count once or not at all), a line for the space around it.
    room = 2 * page.lines - opener - 1 - 3  # two pages, less the space and 3 breaks
    size = room // 4
    stanzas = [["A short line."] * (room - 3 * size)] + [["A short line."] * size] * 3
    poem = ["", "", *stanzas[0], "", "", *stanzas[1], "", *stanzas[2], "", *stanzas[3], ""]
    assert pages_of(verse(*poem)) == 2
    assert pages_of(verse(*poem, "One line more.")) == 3
    assert pages_of(verse(*["A short line."] * (lines - 1))) == 3
    assert pages_of(verse(*["A short line."] * lines)) == 4
    code = n.CodeBlock("\n".join(["print(x)"] * (lines - 1)), SRC)
    assert pages_of(code) == 3
    items = tuple((para("An item."),) for _ in range(lines))
    assert pages_of(n.ListBlock(False, items, SRC)) == 4


def test_page_model_narrows_quotations_and_sizes_figures() -> None:
    long = para(FILLER * 40)
    quoted = n.BlockQuote((long,), SRC)
    plain, narrow = paginate(book((long,), (quoted,)), PdfConfig()).chapters
    assert narrow >= plain
    body = Page()
    measure = body.measure(0)
    figure_lines = pagemodel._Figure(measure, measure / 2, 0).lines(body, measure)
    # The image's height with half a line at least above and below, to whole lines.
    lead = body.leading * body.font_size
    assert figure_lines == math.ceil((measure / 2 + lead + body.pitch) / body.pitch)
    # A huge image is scaled to three quarters of the text block: it takes the
    # page after the opener, whose sunk head leaves too little room for it.
    huge = pagemodel._Figure(400, 800, 0).lines(body, measure)
    assert huge == math.ceil((0.75 * body.text_height + lead + body.pitch) / body.pitch)
    assert pages_of(figure(picture(400, 800), "image/png")) == 2
    small = pagemodel.image_points(n.Image("s", "image/png", picture(30, 20)))
    assert small == (30.0, 20.0)


def test_word_count_reads_every_kind_of_text_but_code() -> None:
    tree = book(
        (
            para("one two", note("three")),
            n.BlockQuote((para("four"),), SRC),
            verse("five", "", "six"),
            figure(picture(5, 5), "image/png", text("seven")),
            n.ListBlock(False, ((para("eight"),),), SRC),
            n.CodeBlock("not counted", SRC),
        )
    )
    assert word_count(tree) == 8
