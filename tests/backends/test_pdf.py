"""The PDF backend, checked the way a printer and a reader would: every PDF a test
makes is opened with pypdf (page size, embedded fonts, outline, metadata, text)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdf
import pytest
import typst

from compile_book import nodes as n
from compile_book.backends import pdf as backend
from compile_book.config import BookConfig
from compile_book.errors import BackendError, ConfigError
from compile_book.output import build_time

SRC = n.Source("test.txt", 1)
AUTHOR = "Jane Q. Writer"
TITLE = "The Lantern River"

# Prose vocabulary: long words so that lines hyphenate, a hyphenated compound,
# and typographic punctuation as the tree carries it.
VOCAB = (
    "morning lantern river window quietly remembered extraordinary circumstances "
    "unfortunately whispered carriage thunderstorm philosophical understanding "
    "nevertheless half-ducked grey stone bridge across valley old woman said "
    "the a of and to in was he she it that his her had with for as on at by "
    "“Come here,” she said. “We don’t have time—not now.” silence fell again …"
).split()


# --------------------------------------------------------------------------- builders


def text(s: str) -> n.Text:
    return n.Text(s, SRC)


def para(*inlines: n.Inline | str) -> n.Paragraph:
    return n.Paragraph(tuple(text(x) if isinstance(x, str) else x for x in inlines), SRC)


def chapter(number: int, title: str, blocks: Sequence[n.Block]) -> n.Chapter:
    heading = n.Heading(
        SRC, label="Chapter", number=number, number_text=str(number), title=(text(title),)
    )
    return n.Chapter(n.ChapterKind.CHAPTER, heading, tuple(blocks), SRC)


def book(chapters: list[n.Chapter], parts: int = 0, *, title: str = TITLE, **meta: Any) -> n.Book:
    if parts:
        size = -(-len(chapters) // parts)
        divisions = tuple(
            n.Part(
                n.Heading(SRC, label="Part", number=i + 1, number_text=str(i + 1)),
                tuple(chapters[i * size : (i + 1) * size]),
                SRC,
            )
            for i in range(parts)
        )
    else:
        divisions = (n.Part(None, tuple(chapters), SRC),)
    metadata = n.Metadata(
        title=title, language="en", identifier="urn:test", authors=(AUTHOR,), **meta
    )
    return n.Book(metadata, divisions)


def prose_paragraph(rng: random.Random, words: int) -> n.Paragraph:
    """A paragraph of random prose with some emphasis and telepathy (with emphasis inside)."""
    ws = [rng.choice(VOCAB) for _ in range(words)]
    ws[0] = ws[0].capitalize()
    inlines: list[n.Inline | str] = []
    i = 0
    while i < len(ws):
        roll = rng.random()
        if roll < 0.05 and i + 3 < len(ws):
            inlines.append(n.Emphasis((text(" ".join(ws[i : i + 3])),), SRC))
            i += 3
        elif roll < 0.08 and i + 5 < len(ws):
            inside = n.Emphasis((text(ws[i + 2]),), SRC)
            inlines.append(
                n.Telepathy(
                    (
                        text(" ".join(ws[i : i + 2]) + " "),
                        inside,
                        text(" " + " ".join(ws[i + 3 : i + 5])),
                    ),
                    SRC,
                )
            )
            i += 5
        else:
            j = min(len(ws), i + rng.randint(4, 25))
            inlines.append(" ".join(ws[i:j]))
            i = j
        if i < len(ws):
            inlines.append(" ")
    return para(*inlines)


def novel(chapters: int, words_per_chapter: int, parts: int = 0, seed: int = 7) -> n.Book:
    rng = random.Random(seed)
    out = []
    for c in range(chapters):
        blocks: list[n.Block] = []
        written = 0
        while written < words_per_chapter:
            count = rng.randint(15, 120)
            blocks.append(prose_paragraph(rng, count))
            written += count
            if rng.random() < 0.15 and written < words_per_chapter - 100:
                blocks.append(n.SceneBreak(SRC))
        out.append(chapter(c + 1, f"Heading {c + 1}", blocks))
    return book(out, parts)


def build(tmp_path: Path, tree: n.Book, name: str = "book.pdf", **pdf: object) -> pypdf.PdfReader:
    out = tmp_path / name
    backend.write_pdf(tree, out, BookConfig.model_validate({"pdf": pdf}))
    return pypdf.PdfReader(out)


# --------------------------------------------------------------------------- text helpers


def norm_words(s: str) -> list[str]:
    """Letters and digits only, case-folded; hyphens (hard or soft) dropped, and a
    word hyphenated across a line end joined again."""
    s = s.replace("\u2060", "")
    s = re.sub(r"[-\u00ad]\s*\n\s*", "", s)
    s = s.replace("\u00ad", "").replace("-", "")
    return re.findall(r"[^\W_]+", s.casefold())


def squash(s: str) -> str:
    """Letters and digits only, no spaces: tracked small caps extract as 'C h a p'."""
    return "".join(re.findall(r"[^\W_]+", s.casefold()))


def body_text(reader: pypdf.PdfReader, tree: n.Book) -> str:
    """The text of the body pages with page furniture and headings taken out.

    On each opener page (the outline points at it) only that part's or
    chapter's own heading lines are removed, and only at the top of the page,
    once each, so a sentence that repeats a title is kept. Elsewhere only a
    running head (first line) and a folio (the page's label alone on its first
    or last line) are removed.
    """
    running = {squash(AUTHOR), squash(tree.meta.title), *map(squash, tree.meta.authors)}
    in_outline: list[n.Heading | None] = []
    for part in tree.parts:
        if part.heading is not None:
            in_outline.append(part.heading)
        in_outline.extend(ch.heading for ch in part.chapters)
    page_heads: dict[int, set[str]] = {}
    for page, heading in zip(opener_pages(reader), in_outline, strict=True):
        keys = page_heads.setdefault(page, set(running))
        if heading is not None:
            keys.add(squash(n.heading_text(heading)))
            keys.add(squash(" ".join(filter(None, (heading.label, heading.number_text)))))
            keys.update(squash(x) for x in (heading.label, heading.number_text) if x)
            keys.add(squash(n.plain_text(heading.title)))
            keys.add(squash(n.plain_text(heading.subtitle)))
    kept = []
    drop_cap = ""
    for index in range(min(page_heads), len(reader.pages)):
        lines = reader.pages[index].extract_text().splitlines()
        heads = page_heads.get(index)
        folio = squash(reader.page_labels[index])
        for i, line in enumerate(lines):
            key = squash(line)
            furniture = heads if heads is not None else (running if i == 0 else set())
            if key in furniture:
                if heads is not None:
                    heads.discard(key)  # each heading line is printed once
                continue
            # A folio is the page's own label alone at the head or foot of the page.
            if not key or (key == folio and i in (0, len(lines) - 1)):
                continue
            heads = None  # past the head: body text
            if len(line.strip()) == 1 and line.strip().isupper():
                drop_cap = line.strip()  # a drop cap extracts as a line of its own
                continue
            kept.append(drop_cap + line)
            drop_cap = ""
    return "\n".join(kept)


def book_words(tree: n.Book) -> list[str]:
    words: list[str] = []
    for ch in tree.chapters:
        for block in ch.blocks:
            if isinstance(block, n.Paragraph):
                words += norm_words(n.plain_text(block.inlines))
    return words


def outline_items(reader: pypdf.PdfReader) -> list[Any]:
    """The PDF outline's entries, depth first, in reading order."""
    items: list[Any] = []
    stack: list[Any] = list(reader.outline)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack = item + stack
        else:
            items.append(item)
    return items


def opener_pages(reader: pypdf.PdfReader) -> list[int]:
    """0-based page indexes the PDF outline points at."""
    pages = [reader.get_destination_page_number(item) for item in outline_items(reader)]
    assert None not in pages
    return pages  # type: ignore[return-value]


def outline_titles(reader: pypdf.PdfReader) -> list[str]:
    return [item.title for item in outline_items(reader)]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def small_novel() -> n.Book:
    return novel(chapters=4, words_per_chapter=900, parts=2)


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory, small_novel: n.Book) -> pypdf.PdfReader:
    return build(tmp_path_factory.mktemp("pdf"), small_novel)


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize(
    ("trim", "size"),
    [
        ("5x8", (360, 576)),
        ("5.25x8", (378, 576)),
        ("5.5x8.5", (396, 612)),
        ("6x9", (432, 648)),
        ("a5", (419.53, 595.28)),
    ],
)
def test_page_size_matches_trim(tmp_path: Path, trim: str, size: tuple[float, float]) -> None:
    tree = book([chapter(1, "Only", [para("A short chapter.")])])
    reader = build(tmp_path, tree, trim=trim, toc=False)
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == pytest.approx(size, abs=0.05)


def test_custom_trim(tmp_path: Path) -> None:
    tree = book([chapter(1, "Only", [para("A short chapter.")])])
    reader = build(tmp_path, tree, trim="custom", width="5.06in", height="7.81in")
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((364.32, 562.32), abs=0.05)


def test_custom_trim_needs_a_size(tmp_path: Path) -> None:
    tree = book([chapter(1, "Only", [para("A short chapter.")])])
    with pytest.raises(ConfigError, match=r"pdf\.width"):
        build(tmp_path, tree, trim="custom")


def test_fonts_embedded_and_subset(small_pdf: pypdf.PdfReader) -> None:
    seen = set()
    for page in small_pdf.pages:
        resources: Any = page["/Resources"]
        fonts = resources.get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            seen.add(name)
            assert re.match(r"^/[A-Z]{6}\+", name), f"{name} is not subset"
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name
    assert any("EBGaramond" in name for name in seen), seen


def test_outline_has_every_part_and_chapter(
    small_pdf: pypdf.PdfReader, small_novel: n.Book
) -> None:
    titles = outline_titles(small_pdf)
    chapters = list(small_novel.chapters)
    parts = [p for p in small_novel.parts if p.heading is not None]
    assert len(titles) == len(chapters) + len(parts)
    assert titles[:2] == ["Part 1", "Chapter 1: Heading 1"]


def test_metadata(small_pdf: pypdf.PdfReader) -> None:
    meta: Any = small_pdf.metadata
    assert meta is not None
    assert meta.title == TITLE
    assert meta.author == AUTHOR
    stamp = build_time().strftime("D:%Y%m%d%H%M%SZ")  # from SOURCE_DATE_EPOCH
    assert meta["/CreationDate"] == stamp
    assert meta["/ModDate"] == stamp
    root: Any = small_pdf.trailer["/Root"]
    assert root["/Lang"] == "en"


def test_no_lost_words_in_order(small_pdf: pypdf.PdfReader, small_novel: n.Book) -> None:
    expected = book_words(small_novel)
    got = norm_words(body_text(small_pdf, small_novel))
    assert len(expected) > 3000
    if got != expected:
        at = next(i for i, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b)
        pytest.fail(
            f"words differ at {at}: got {got[at - 5 : at + 5]}, want {expected[at - 5 : at + 5]}"
        )


def test_prose_is_never_markup(tmp_path: Path) -> None:
    hostile = [
        '#read("/etc/passwd")',
        '#import "x"',
        "$x$",
        "a * b",
        "snake_case",
        "@ref",
        "<label>",
        "// comment",
        "] closing",
        "back\\slash",
        "{} braces",
        "#{panic()}",
    ]
    tree = book(
        [chapter(1, "Safe #emph[x]", [para("Opening line.")] + [para(h) for h in hostile])],
        title="Title $with$ #markup",
    )
    reader = build(tmp_path, tree)
    extracted = " ".join("\n".join(p.extract_text() for p in reader.pages).split())
    for snippet in hostile:
        assert snippet in extracted
    assert "Safe #emph[x]" in extracted
    assert reader.metadata is not None and reader.metadata.title == "Title $with$ #markup"
    assert "root:" not in extracted


def test_reproducible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    tree = novel(chapters=2, words_per_chapter=300)
    build(tmp_path, tree, "a.pdf")
    build(tmp_path, tree, "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_blank_versos_and_openers_carry_no_furniture(tmp_path: Path) -> None:
    # One-page chapters: each opener is a recto and leaves a blank verso behind it.
    short = [chapter(i, f"Short {i}", [para("Little happened that night.")]) for i in (1, 2, 3)]
    long = novel(chapters=1, words_per_chapter=900).parts[0].chapters[0]
    tree = book([*short, long])
    reader = build(tmp_path, tree)
    openers = opener_pages(reader)
    assert len(openers) == 4
    assert all(i % 2 == 0 for i in openers), "chapters open on rectos (odd pages)"
    for i in openers[:3]:
        assert reader.pages[i + 1].extract_text().strip() == "", f"page {i + 2} is not blank"
    for i in openers:
        page = squash(reader.pages[i].extract_text())
        assert squash(AUTHOR) not in page and squash(TITLE) not in page
        lines = [squash(x) for x in reader.pages[i].extract_text().splitlines()]
        assert not any(x.isdigit() for x in lines), "no folio on a chapter opener"
    # ...while the pages that follow the long chapter's opener have both.
    verso = reader.pages[openers[3] + 1].extract_text()
    assert squash(AUTHOR) in squash(verso)
    assert any(squash(x).isdigit() for x in verso.splitlines())
    recto = reader.pages[openers[3] + 2].extract_text()
    assert squash(TITLE) in squash(recto)


def test_front_matter(tmp_path: Path) -> None:
    tree = book(
        [chapter(1, "One", [para("Body text.")]), chapter(2, "Two", [para("More text.")])],
        subtitle="A Novel",
        rights="© 2026 Jane Q. Writer",
        isbn="9780306406157",
        edition="First edition",
        dedication="For M.",
        epigraph="What the stones forget.",
        epigraph_source="Anonymous",
    )
    reader = build(tmp_path, tree, front_matter_numbers="roman")
    front = [p.extract_text() for p in reader.pages[: opener_pages(reader)[0]]]
    joined = squash(" ".join(front))
    for expected in ("A Novel", "ISBN 9780306406157", "First edition", "For M.", "Anonymous"):
        assert squash(expected) in joined
    assert squash("Contents") in joined
    toc = next(p for p in front if squash("Contents") in squash(p))
    assert squash("Chapter 1: One") in squash(toc)


def test_next_page_chapters_and_drop_cap(tmp_path: Path) -> None:
    tree = novel(chapters=3, words_per_chapter=120)
    reader = build(
        tmp_path, tree, chapter_start="next", drop_cap=True, running_head_recto="chapter"
    )
    openers = opener_pages(reader)
    assert openers == sorted(openers)
    assert any(i % 2 == 1 for i in openers), "chapters start on the next page, verso too"
    # The drop cap sets the initial apart; every word is still there, in order.
    assert norm_words(body_text(reader, tree)) == book_words(tree)


def test_unknown_font_falls_back(tmp_path: Path) -> None:
    tree = book([chapter(1, "One", [para("Body text.")])])
    build(tmp_path, tree, font="No Such Font")
    assert backend.font_list("No Such Font") == ["EB Garamond", "Libertinus Serif"]
    assert backend.font_list("libertinus serif")[0] == "libertinus serif"


def test_gutter_from_page_count() -> None:
    assert backend.gutter_for_pages(24) == 0.375
    assert backend.gutter_for_pages(150) == 0.375
    assert backend.gutter_for_pages(151) == 0.5
    assert backend.gutter_for_pages(300) == 0.5
    assert backend.gutter_for_pages(301) == 0.625
    assert backend.gutter_for_pages(501) == 0.75
    assert backend.gutter_for_pages(701) == 0.875
    assert backend.gutter_for_pages(828) == 0.875


def test_inside_margin_is_kdp_plus_a_quarter_inch_and_never_below_the_outside() -> None:
    assert backend.inside_margin(24, outside=0.625) == 0.625  # 0.375 + 0.25
    assert backend.inside_margin(24, outside=0.5) == 0.625
    assert backend.inside_margin(24, outside=0.75) == 0.75
    assert backend.inside_margin(200, outside=0.625) == 0.75
    assert backend.inside_margin(400, outside=0.625) == 0.875
    assert backend.inside_margin(800, outside=0.625) == 1.125


def test_gutter_recomputed_when_estimate_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = book([chapter(1, "One", [para("Body text.")])])
    monkeypatch.setattr(backend, "estimate_pages", lambda *_: 800)
    _, stats = backend.render_pdf(tree, BookConfig())
    assert stats.runs == 2
    assert stats.gutter_in == 0.625
    # An explicit gutter is used as given (wide enough here for punctuation to
    # hang whatever the page count, so one run does).
    _, fixed = backend.render_pdf(tree, BookConfig.model_validate({"pdf": {"gutter": "1in"}}))
    assert fixed.runs == 1 and fixed.gutter_in == pytest.approx(1.0)


def text_lines(page: Any) -> list[tuple[float, float, float]]:
    """(x, baseline y, font size) of every run of body-sized text on a page."""
    found: list[tuple[float, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            m = pypdf.mult(tm, cm)
            found.append((m[4], m[5], size * m[0]))

    page.extract_text(visitor_text=visit)
    return found


def body_pages(reader: pypdf.PdfReader) -> list[int]:
    """0-based indexes of the body pages that are not openers and carry text."""
    openers = set(opener_pages(reader))
    return [
        i
        for i in range(min(openers), len(reader.pages))
        if i not in openers and reader.pages[i].extract_text().strip()
    ]


@pytest.mark.parametrize(
    ("pdf", "inside", "outside"),
    [
        ({}, 0.625, 0.625),
        ({"outside": "0.5in"}, 0.625, 0.5),
        ({"outside": "0.5in", "gutter": "0.45in"}, 0.45, 0.5),
    ],
)
def test_margins_from_text_positions(
    tmp_path: Path, small_novel: n.Book, pdf: dict[str, str], inside: float, outside: float
) -> None:
    reader = build(tmp_path, small_novel, **pdf)
    height = float(reader.pages[0].mediabox.height)
    lefts: dict[bool, list[float]] = {True: [], False: []}
    for i in body_pages(reader):
        xs = [x for x, y, _ in text_lines(reader.pages[i]) if 60 < y < height - 60]
        lefts[i % 2 == 0].append(min(xs))  # index 0 is page 1, a recto
    # Rectos bind on the left: their left margin is the inside one.
    assert min(lefts[True]) == pytest.approx(inside * 72, abs=0.05)
    assert min(lefts[False]) == pytest.approx(outside * 72, abs=0.05)


def test_hanging_punctuation_kept_clear_of_kdps_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[float, bool]] = []
    real = backend._typeset

    def spy(template: bytes, data: dict[str, Any], margin: tuple[float, bool], when: Any) -> bytes:
        seen.append(margin)
        return real(template, data, margin, when)

    monkeypatch.setattr(backend, "_typeset", spy)
    tree = book([chapter(1, "One", [para("Body text.")])])
    backend.render_pdf(tree, BookConfig())
    # KDP's minimum is 0.375in: a 0.4in gutter leaves no room for punctuation to hang.
    backend.render_pdf(tree, BookConfig.model_validate({"pdf": {"gutter": "0.4in"}}))
    backend.render_pdf(tree, BookConfig.model_validate({"pdf": {"gutter": "0.5in"}}))
    assert seen == [(0.625, True), (pytest.approx(0.4), False), (pytest.approx(0.5), True)]


def test_page_labels_roman_front_matter_then_arabic(small_pdf: pypdf.PdfReader) -> None:
    labels = small_pdf.page_labels
    body = min(opener_pages(small_pdf))
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    assert labels[:body] == romans[:body]
    assert labels[body:] == [str(i) for i in range(1, len(labels) - body + 1)]


def test_opener_text_sits_on_the_baseline_grid(small_pdf: pypdf.PdfReader) -> None:
    size = 11.5
    pitch = (0.7 + 0.62) * size
    height = float(small_pdf.pages[0].mediabox.height)
    first = height - 0.75 * 72 - 0.7 * size  # the first baseline of a full page
    for i in opener_pages(small_pdf):
        ys = {y for _, y, s in text_lines(small_pdf.pages[i]) if s < size + 0.1 and y > 60}
        for y in ys:
            lines = (first - y) / pitch
            if lines > 8:  # below the sunk head: the text, not the heading
                assert lines == pytest.approx(round(lines), abs=0.01), (i, y)


def test_hyphenates_and_ends_facing_pages_together(small_pdf: pypdf.PdfReader) -> None:
    breaks = 0
    for page in small_pdf.pages:
        breaks += sum(
            1 for line in page.extract_text().splitlines() if line.endswith(("\u00ad", "-"))
        )
    assert breaks >= len(small_pdf.pages) // 4
    # Mid-chapter pages (neither an opener nor a chapter's last page) end on the
    # last line of the text block, but for the odd one that would leave a widow.
    openers = set(opener_pages(small_pdf))
    pages = body_pages(small_pdf)
    last = {i: min(y for _, y, s in text_lines(small_pdf.pages[i]) if y > 50) for i in pages}
    full = min(last.values())
    middle = [i for i in pages if i + 1 in last and i + 1 not in openers]
    short = [i for i in middle if last[i] > full + 1]
    assert len(short) <= max(1, len(middle) // 6), short


def test_typst_failure_is_a_backend_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> bytes:
        raise typst.TypstError("something broke\n  here", "diag")

    monkeypatch.setattr(backend, "_compile", fail)
    out = tmp_path / "book.pdf"
    with pytest.raises(BackendError, match="Typst failed: something broke here"):
        backend.write_pdf(book([chapter(1, "One", [para("x")])]), out, BookConfig())
    assert not out.exists()


def test_em_dash_gets_a_word_joiner() -> None:
    line = "Wait—no. Already\u2060—joined."
    tree = book([chapter(1, "One", [para(line), para(line)])])
    data = backend.book_data(tree, BookConfig(), when=build_time())
    opener, paragraph = data["parts"][0]["chapters"][0]["blocks"]
    want = "Wait\u2060—no. Already\u2060—joined."
    assert " ".join("".join(piece[0] for piece in word) for word in opener["words"]) == want
    assert "".join(paragraph["inlines"]) == want


def opening(first: n.Paragraph, **pdf: object) -> dict[str, Any]:
    tree = book([chapter(1, "One", [first, para("Then more.")])])
    data = backend.book_data(tree, BookConfig.model_validate({"pdf": pdf}), when=build_time())
    block: dict[str, Any] = data["parts"][0]["chapters"][0]["blocks"][0]
    return block


def test_every_opener_gets_a_drop_cap_and_lead_in() -> None:
    short = opening(para("Nobody came."), drop_cap=True)
    assert short["initial"] == "N" and short["punct"] == ""
    assert short["words"] == [[["obody", ["smallcaps"]]], [["came.", ["smallcaps"]]]]
    # Telepathy or italics first: the cap, and the lead-in in small caps inside the style.
    mind = opening(
        para(n.Telepathy((text("Nell, can you hear?"),), SRC), " she said."), drop_cap=True
    )
    assert mind["initial"] == "N"
    assert mind["words"][:2] == [
        [["ell,", ["telepathy", "smallcaps"]]],
        [["can", ["telepathy", "smallcaps"]]],
    ]
    assert mind["words"][3] == [["hear?", ["telepathy"]]]
    # Without a drop cap the lead-in is kept across styles (and spaces are not lost).
    plain = opening(para("The the ", n.Telepathy((text("The the."),), SRC)))
    assert "initial" not in plain
    assert [w[0][0] for w in plain["words"]] == ["The", "the", "The", "the."]
    assert plain["words"][2] == [["The", ["telepathy", "smallcaps"]]]


def test_drop_cap_leading_punctuation_and_abbreviations() -> None:
    quote = opening(para("“Where are you going?” she asked."), drop_cap=True)
    assert (quote["punct"], quote["initial"], quote["words"][0]) == (
        "“",
        "W",
        [["here", ["smallcaps"]]],
    )
    elision = opening(para("’Tis the season."), drop_cap=True)
    assert (elision["punct"], elision["initial"]) == ("’", "T")
    for abbreviated in ("Mr.\u00a0Treloar came up the hill.", "Dr. Amesbury said so."):
        block = opening(para(abbreviated), drop_cap=True)
        assert "initial" not in block
        assert block["words"][0][0] == [abbreviated.split(" ")[0], ["smallcaps"]]


def test_drop_caps_keep_every_word(tmp_path: Path) -> None:
    rng = random.Random(5)
    firsts = [
        para("“Where are you going?” she asked, and nobody answered her."),
        para("’Tis the season, said the old man by the fire."),
        para("Mr.\u00a0Treloar came up the hill at noon with a bottle of whisky."),
        para("Nobody came."),
        para(n.Emphasis((text("Listening,"),), SRC), " Kit said, and then he flinched."),
    ]
    tree = book(
        [chapter(i + 1, f"Case {i}", [p, prose_paragraph(rng, 90)]) for i, p in enumerate(firsts)]
    )
    reader = build(tmp_path, tree, drop_cap=True)
    assert norm_words(body_text(reader, tree)) == book_words(tree)


def test_lone_headingless_chapter_goes_by_the_book_title(tmp_path: Path) -> None:
    lone = n.Chapter(n.ChapterKind.CHAPTER, None, (para("Only text here."),), SRC)
    tree = book([lone])
    reader = build(tmp_path, tree)
    assert outline_titles(reader) == [TITLE]
    everything = squash(" ".join(p.extract_text() for p in reader.pages))
    assert squash("Contents") not in everything
    assert squash("Chapter 1") not in everything


def test_copyright_line_only_with_a_holder(tmp_path: Path) -> None:
    lone = n.Chapter(n.ChapterKind.CHAPTER, None, (para("Only text here."),), SRC)
    tree = n.Book(
        n.Metadata(title=TITLE, language="en", identifier="urn:x", isbn="9780306406157"),
        (n.Part(None, (lone,), SRC),),
    )
    reader = build(tmp_path, tree)
    front = " ".join(p.extract_text() for p in reader.pages[: opener_pages(reader)[0]])
    assert "©" not in front and "Copyright" not in front
    assert "ISBN 9780306406157" in front
    meta = backend.book_data(book([lone]), BookConfig(), when=build_time())["meta"]
    assert meta["copyright"][0].startswith("Copyright © ") and AUTHOR in meta["copyright"][0]


def test_scene_break_ornament_is_set_in_the_book_font(small_pdf: pypdf.PdfReader) -> None:
    pages = [p for p in small_pdf.pages if "❦" in p.extract_text()]
    assert pages
    for page in pages:
        resources: Any = page["/Resources"]
        names = [str(ref.get_object()["/BaseFont"]) for ref in resources["/Font"].values()]
        assert all("EBGaramond" in name for name in names), names
