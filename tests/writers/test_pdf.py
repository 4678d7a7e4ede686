"""The PDF writer, checked the way a printer and a reader would: every PDF a test
makes is opened with pypdf (page size, embedded fonts, outline, metadata, text)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdf
import pytest

from compile_book import nodes as n
from compile_book.config import BookConfig, parse_config
from compile_book.errors import BackendError, ConfigError
from compile_book.output import build_time
from compile_book.pagemodel import gutter_for_pages, inside_margin
from compile_book.writers import pdf
from compile_book.writers.common import Headings
from compile_book.writers.pdf import PdfOptions, data, fonts, options_from, typeset
from tests.writers import finished
from tests.writers.pdfread import (
    body_pages,
    body_text,
    book_words,
    norm_words,
    opener_pages,
    outline_titles,
    outline_tree,
    squash,
    text_lines,
)

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


def options(**settings: object) -> PdfOptions:
    return PdfOptions.model_validate(settings)


def build(
    tmp_path: Path, tree: n.Book, name: str = "book.pdf", **settings: object
) -> pypdf.PdfReader:
    """Write a hand-made tree (given the pipeline's front matter) and read it back."""
    out = tmp_path / name
    pdf.write(finished(tree), options(**settings), out)
    return pypdf.PdfReader(out)


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


def test_custom_trim_needs_a_size() -> None:
    # Refused when book.toml is read, before any output is written.
    with pytest.raises(ConfigError, match=r"pdf: trim = 'custom' needs pdf\.width and pdf\.height"):
        parse_config({"pdf": {"trim": "custom"}})


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
    assert fonts.font_list("No Such Font")[:2] == ["EB Garamond", "Libertinus Serif"]
    assert fonts.font_list("libertinus serif")[0] == "libertinus serif"


def test_gutter_from_page_count() -> None:
    assert gutter_for_pages(24) == 0.375
    assert gutter_for_pages(150) == 0.375
    assert gutter_for_pages(151) == 0.5
    assert gutter_for_pages(300) == 0.5
    assert gutter_for_pages(301) == 0.625
    assert gutter_for_pages(501) == 0.75
    assert gutter_for_pages(701) == 0.875
    assert gutter_for_pages(828) == 0.875


def test_inside_margin_is_kdp_plus_a_quarter_inch_and_never_below_the_outside() -> None:
    assert inside_margin(24, outside=0.625) == 0.625  # 0.375 + 0.25
    assert inside_margin(24, outside=0.5) == 0.625
    assert inside_margin(24, outside=0.75) == 0.75
    assert inside_margin(200, outside=0.625) == 0.75
    assert inside_margin(400, outside=0.625) == 0.875
    assert inside_margin(800, outside=0.625) == 1.125


def test_gutter_recomputed_when_estimate_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = book([chapter(1, "One", [para("Body text.")])])
    monkeypatch.setattr(typeset, "estimate_pages", lambda *_: 800)
    _, stats = pdf.render(finished(tree), options())
    assert stats.runs == 2
    assert stats.gutter_in == 0.625
    # An explicit gutter is used as given (wide enough here for punctuation to
    # hang whatever the page count, so one run does).
    _, fixed = pdf.render(finished(tree), options(gutter="1in"))
    assert fixed.runs == 1 and fixed.gutter_in == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("settings", "inside", "outside"),
    [
        ({}, 0.625, 0.625),
        ({"outside": "0.5in"}, 0.625, 0.5),
        ({"outside": "0.5in", "gutter": "0.45in"}, 0.45, 0.5),
    ],
)
def test_margins_from_text_positions(
    tmp_path: Path, small_novel: n.Book, settings: dict[str, str], inside: float, outside: float
) -> None:
    reader = build(tmp_path, small_novel, **settings)
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
    real = typeset.typeset

    def spy(
        template: bytes,
        made: dict[str, Any],
        margin: tuple[float, bool],
        when: Any,
        images: Any,
        fonts: Any = None,
        piece_chars: int = 0,
    ) -> bytes:
        seen.append(margin)
        return real(template, made, margin, when, images, fonts, piece_chars)

    monkeypatch.setattr(typeset, "typeset", spy)
    tree = finished(book([chapter(1, "One", [para("Body text.")])]))
    pdf.render(tree, options())
    # KDP's minimum is 0.375in: a 0.4in gutter leaves no room for punctuation to hang.
    pdf.render(tree, options(gutter="0.4in"))
    pdf.render(tree, options(gutter="0.5in"))
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
    # last line of the text block, or a line short where the line that would
    # fill it would leave a widow or an orphan: two short only where a
    # three-line paragraph cannot be split at all.
    pitch = (0.7 + 0.62) * 11.5
    openers = set(opener_pages(small_pdf))
    pages = body_pages(small_pdf)
    last = {i: min(y for _, y, s in text_lines(small_pdf.pages[i]) if y > 50) for i in pages}
    full = min(last.values())
    middle = [i for i in pages if i + 1 in last and i + 1 not in openers]
    assert middle
    assert all(last[i] < full + 2 * pitch + 1 for i in middle), last


def test_typst_failure_is_a_backend_error(tmp_path: Path) -> None:
    # A real Typst error, from a template that does not parse, through the child process.
    made = data.book_data(
        finished(book([chapter(1, "One", [para("x")])])), options(), when=build_time()
    )
    with pytest.raises(BackendError, match=r"Typst failed: .*(unclosed|expected)"):
        typeset.typeset(b"#let broken = (", made, (1.0, True), build_time())


def test_em_dash_gets_a_word_joiner() -> None:
    line = "Wait—no. Already\u2060—joined."
    tree = book([chapter(1, "One", [para(line), para(line)])])
    made = data.book_data(finished(tree), options(), when=build_time())
    opener, paragraph = made["parts"][0]["chapters"][0]["blocks"]
    want = "Wait\u2060—no. Already\u2060—joined."
    assert " ".join("".join(piece[0] for piece in word) for word in opener["words"]) == want
    assert "".join(paragraph["inlines"]) == want


def opening(first: n.Paragraph, **settings: object) -> dict[str, Any]:
    tree = book([chapter(1, "One", [first, para("Then more.")])])
    made = data.book_data(finished(tree), options(**settings), when=build_time())
    block: dict[str, Any] = made["parts"][0]["chapters"][0]["blocks"][0]
    return block


def test_every_opener_gets_a_drop_cap_and_lead_in() -> None:
    short = opening(para("Nobody came."), drop_cap=True)
    assert short["initial"] == "N" and short["punct"] == ""
    lead = ["smallcaps", "nohyphen"]  # the lead-in is never hyphenated either
    assert short["words"] == [[["obody", lead]], [["came.", lead]]]
    # Telepathy or italics first: the cap, and the lead-in in small caps inside the style.
    mind = opening(
        para(n.Telepathy((text("Nell, can you hear?"),), SRC), " she said."), drop_cap=True
    )
    assert mind["initial"] == "N"
    assert mind["words"][:2] == [
        [["ell,", ["telepathy", "smallcaps", "nohyphen"]]],
        [["can", ["telepathy", "smallcaps", "nohyphen"]]],
    ]
    assert mind["words"][3] == [["hear?", ["telepathy"]]]
    # Without a drop cap the lead-in is kept across styles (and spaces are not lost).
    plain = opening(para("The the ", n.Telepathy((text("The the."),), SRC)))
    assert "initial" not in plain
    assert [w[0][0] for w in plain["words"]] == ["The", "the", "The", "the."]
    assert plain["words"][2] == [["The", ["telepathy", "smallcaps", "nohyphen"]]]


def test_drop_cap_leading_punctuation_and_abbreviations() -> None:
    quote = opening(para("“Where are you going?” she asked."), drop_cap=True)
    assert (quote["punct"], quote["initial"], quote["words"][0]) == (
        "“",
        "W",
        [["here", ["smallcaps", "nohyphen"]]],
    )
    elision = opening(para("’Tis the season."), drop_cap=True)
    assert (elision["punct"], elision["initial"]) == ("’", "T")
    # An abbreviated title gets its cap like any other word: every chapter opens alike.
    for abbreviated in ("Mr.\u00a0Treloar came up the hill.", "Dr. Amesbury said so."):
        block = opening(para(abbreviated), drop_cap=True)
        assert block["initial"] == abbreviated[0]
        assert block["words"][0][0] == [abbreviated.split(" ")[0][1:], ["smallcaps", "nohyphen"]]


def test_drop_caps_keep_every_word(tmp_path: Path) -> None:
    rng = random.Random(5)
    firsts = [
        para("“Where are you going?” she asked, and nobody answered her."),
        para("’Tis the season, said the old man by the fire."),
        para("Mr.\u00a0Treloar came up the hill at noon with a bottle of whisky."),
        para("Nobody came."),
        para(n.Emphasis((text("Listening,"),), SRC), " Kit said, and then he flinched."),
    ]
    cases = [
        chapter(i + 1, f"Case {i}", [p, prose_paragraph(rng, 90)]) for i, p in enumerate(firsts)
    ]
    # Short openings the cap takes the next paragraphs beside it for; a chapter
    # shorter than the cap; a scene break where the cap would take more.
    cases += [
        chapter(10, "Short", [para("On the Monday."), para("Then."), para("And then.")]),
        chapter(11, "Tiny", [para("Only this.")]),
        chapter(12, "Break", [para("One."), n.SceneBreak(SRC), prose_paragraph(rng, 60)]),
    ]
    tree = book(cases)
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
    made = data.book_data(finished(book([lone])), options(), when=build_time())
    (page,) = [f for f in made["front"] if f["type"] == "copyright"]
    assert list(page["lines"][:2]) == [f"Copyright © 2026 {AUTHOR}", "All rights reserved."]


def test_scene_break_ornament_is_set_in_the_book_font(small_pdf: pypdf.PdfReader) -> None:
    pages = [p for p in small_pdf.pages if "❦" in p.extract_text()]
    assert pages
    for page in pages:
        resources: Any = page["/Resources"]
        names = [str(ref.get_object()["/BaseFont"]) for ref in resources["/Font"].values()]
        assert all("EBGaramond" in name for name in names), names


# --------------------------------------------------------------------------- contents, headings


def test_options_from_book_toml() -> None:
    config = BookConfig.model_validate(
        {
            "telepathy": {"style": "small-caps"},
            "headings": {"part_numbers": "words"},
            "pdf": {"trim": "6x9", "telepathy": "bold"},
        }
    )
    made = options_from(config)
    assert (made.trim, made.telepathy_style, made.telepathy) == ("6x9", "small-caps", "bold")
    assert (made.chapter_numbers, made.part_numbers) == ("as-written", "words")
    # [pdf] telepathy overrides the book's style in print only.
    layout = data.book_data(finished(book([])), made, when=build_time())["layout"]
    assert layout["telepathy"] == "bold"


def contents_page(reader: pypdf.PdfReader, title: str = "Contents") -> list[str]:
    """The lines of the contents page (the front page that starts with its title)."""
    for page in reader.pages[: opener_pages(reader)[0]]:
        lines = page.extract_text().splitlines()
        if lines and squash(lines[0]) == squash(title):
            return lines[1:]
    raise AssertionError("no contents page")


def test_contents_list_parts_with_page_numbers(tmp_path: Path) -> None:
    reader = build(tmp_path, novel(chapters=4, words_per_chapter=300, parts=2))
    lines = contents_page(reader)
    labels = reader.page_labels
    openers = opener_pages(reader)
    titles = outline_titles(reader)
    assert [squash(x) for x in titles] == [squash(re.sub(r"\s*\d+$", "", x)) for x in lines]
    # Every entry, the parts included, ends with the folio of the page it opens on.
    for line, page in zip(lines, openers, strict=True):
        assert line.rsplit(" ", 1)[1] == labels[page], line


def test_epilogue_outside_the_parts_stands_at_the_top_level(tmp_path: Path) -> None:
    heading = n.Heading(SRC, label="Epilogue")
    epilogue = n.Chapter(n.ChapterKind.EPILOGUE, heading, (para("After it all."),), SRC)
    tree = novel(chapters=2, words_per_chapter=100, parts=1)
    tree = n.Book(tree.meta, (*tree.parts, n.Part(None, (epilogue,), SRC)))
    reader = build(tmp_path, tree)
    assert outline_tree(reader) == [
        ("Part 1", ["Chapter 1: Heading 1", "Chapter 2: Heading 2"]),
        ("Epilogue", []),
    ]
    assert [line.rsplit(" ", 1)[0] for line in contents_page(reader)][-1] == "Epilogue"


def test_heading_numbers_print_in_the_book_style(tmp_path: Path) -> None:
    tree = novel(chapters=2, words_per_chapter=100, parts=1)
    made = options(chapter_numbers="words", part_numbers="roman")
    out = tmp_path / "styled.pdf"
    pdf.write(finished(tree), made, out)
    reader = pypdf.PdfReader(out)
    assert outline_titles(reader) == ["Part I", "Chapter One: Heading 1", "Chapter Two: Heading 2"]
    headings = Headings.of(tree, made)
    assert norm_words(body_text(reader, tree, headings)) == book_words(tree)
    opener = reader.pages[opener_pages(reader)[1]].extract_text()
    assert squash("Chapter One") in squash(opener)
