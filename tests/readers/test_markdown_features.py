"""Markdown read as CommonMark: each feature a manuscript uses, as the tree it becomes.

Expectations are tree dumps (``serialize.pformat``) of the chapters, so a failure
shows the whole shape at once.
"""

from __future__ import annotations

import io
import re
import textwrap
import unicodedata
from pathlib import Path
from typing import assert_never

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from compile_book import api
from compile_book.api import parse_text
from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.nodes import (
    Block,
    BlockQuote,
    Book,
    CodeBlock,
    Figure,
    Heading,
    ListBlock,
    Note,
    Paragraph,
    SceneBreak,
    Subheading,
    Telepathy,
    Verse,
    heading_text,
    plain_text,
)
from compile_book.pipeline import ManuscriptSource, compile_sources
from compile_book.serialize import pformat
from compile_book.walk import query
from tests.epubcheck import run_epubcheck
from tests.projects import write_files
from tests.treequery import texts


def chapters(book: Book) -> str:
    """The dump of a book's chapters, without front matter or diagnostics."""
    lines = pformat(book, diagnostics=False).splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("    "))
    return textwrap.dedent("\n".join(lines[start:])) + "\n"


def dump(text: str, **kwargs: object) -> str:
    return chapters(parse_text(text, filename="x.md", **kwargs))  # type: ignore[arg-type]


def codes(book: Book) -> list[str]:
    return [str(d.code) for d in book.diagnostics]


def diagnostics(book: Book, code: Code) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in book.diagnostics if d.code == code]


def png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 10, 10)).save(buf, "PNG")
    return buf.getvalue()


# ----------------------------------------------------------------------------- headings


def test_setext_headings_are_headings_not_a_paragraph_and_a_break() -> None:
    book = parse_text("Vol\n===\n\nChapter 1\n---------\n\nText.\n", filename="x.md")
    assert book.meta.title == "Vol"  # a level-1 heading over deeper ones: the book's title
    assert [heading_text(c.heading) for c in book.chapters] == ["Chapter 1"]
    assert "N030" not in codes(book)
    book = parse_text("One\n===\n\nA.\n\nTwo Words\n===\n\nB.\n", filename="x.md")
    assert [heading_text(c.heading) for c in book.chapters] == ["One", "Two Words"]


def test_a_setext_sentence_over_a_divider_is_a_paragraph_and_a_scene_break() -> None:
    assert dump("# Chapter 1\n\nShe left.\n---\n\nNext day.\n") == textwrap.dedent("""\
        chapter 'Chapter 1' @x.md:1
          paragraph @x.md:3
            text 'She left.'
          scene-break @x.md:4
          paragraph @x.md:6
            text 'Next day.'
        """)


def test_hashes_without_a_space_make_a_heading_with_a_warning() -> None:
    text = "#Chapter Twelve\n\nIt was late when she came home.\n\n#blessed\n\nMore.\n"
    book = parse_text(text, filename="x.md")
    (chapter,) = book.chapters
    assert chapter.heading is not None
    assert (chapter.heading.label, chapter.heading.number) == ("Chapter", 12)
    assert diagnostics(book, Code.HEADING_WITHOUT_SPACE) == [
        (1, 1, "'#Chapter Twelve' read as a heading; put a space after the '#' (# Chapter Twelve)")
    ]
    assert plain_text(chapter.blocks[1].inlines) == "#blessed"  # type: ignore[union-attr]


def test_atx_heading_words_and_pandoc_attributes() -> None:
    book = parse_text("## Chapter 6: The *Storm* {#storm}\n\nText.\n", filename="x.md")
    heading = book.chapters[0].heading
    assert heading is not None
    assert (heading.label, heading.number, plain_text(heading.title)) == ("Chapter", 6, "The Storm")


def test_a_plain_heading_line_on_top_of_a_paragraph_stands_alone() -> None:
    assert dump("Chapter 3\nThe rain fell.\n") == textwrap.dedent("""\
        chapter 'Chapter 3' @x.md:1
          paragraph @x.md:2
            text 'The rain fell.'
        """)


# ----------------------------------------------------------------------------- front matter

JEKYLL = {
    "01-call.md": (
        '---\nlayout: post\ntitle: "The Call"\n'
        "author: Ned McQueen, hardboiled detective author\n"
        "date: 2019-05-04 10:00:00 +0000\ncategories: [noir, fiction]\nlang: en-GB\n---\n"
        "The phone rang twice.\n\nI let it ring.\n"
    ),
    "02-dame.md": "---\nlayout: post\ntitle: 'Chapter 2: The Dame'\n---\nShe walked in.\n",
    "03-rain.md": "---\ntitle: Rain\n---\n# Chapter 3\n\nIt rained.\n",
}


def jekyll_book(config: BookConfig | None = None) -> Book:
    sources = [ManuscriptSource(name, text.encode()) for name, text in JEKYLL.items()]
    return compile_sources(sources, config or BookConfig())


def test_when_every_file_names_its_title_the_first_is_titled_like_the_rest() -> None:
    # An Eleventy site's chapters with a date but no layout key: the first file's
    # title was taken for the book's and its chapter left untitled.
    files = {
        "01.md": "---\ntitle: Farpoint\ndate: 2026-01-10\n---\n\nThe ship came in.\n",
        "02.md": "---\ntitle: Expedition to Mudd\n---\n\nThey went down.\n",
    }
    sources = [ManuscriptSource(name, text.encode()) for name, text in files.items()]
    book = compile_sources(sources, BookConfig(), "starfall")
    assert [heading_text(c.heading) for c in book.chapters] == ["Farpoint", "Expedition to Mudd"]
    assert book.meta.title == "Starfall"


def test_jekyll_front_matter_titles_each_headingless_chapter() -> None:
    book = jekyll_book()
    assert [heading_text(c.heading) for c in book.chapters] == [
        "The Call",
        "Chapter 2: The Dame",
        "Chapter 3",  # a heading in the body wins over the file's title
    ]
    assert book.meta.title == "01 Call"  # a page's title is not the book's
    assert book.meta.authors == ("Ned McQueen",)
    assert (book.meta.language, book.meta.date) == ("en-GB", "2019-05-04")
    contents = [heading_text(c.heading) for c in book.chapters]
    assert not any("detective" in entry for entry in contents)
    (bio,) = [
        m for _, _, m in diagnostics(book, Code.FRONT_MATTER_READ) if "bio" in m or "left" in m
    ]
    assert "'hardboiled detective author' left out" in bio


def test_book_toml_wins_over_front_matter() -> None:
    book = jekyll_book(BookConfig(title="Dead Wire", language="en", authors=["N. McQueen"]))
    assert (book.meta.title, book.meta.language, book.meta.authors) == (
        "Dead Wire",
        "en",
        ("N. McQueen",),
    )


def test_first_file_front_matter_is_the_books_and_a_bio_is_no_author() -> None:
    text = (
        "---\ntitle: Salt\nauthor: a hardboiled detective author\nrights: © 2024 A. Poe\n"
        "subtitle: A Novel\ndescription: >\n  Two lines\n  folded.\n---\n# Chapter 1\n\nHi.\n"
    )
    book = parse_text(text, filename="x.md")
    meta = book.meta
    assert (meta.title, meta.authors, meta.rights) == ("Salt", (), "© 2024 A. Poe")
    assert (meta.subtitle, meta.description) == ("A Novel", "Two lines folded.")
    assert any("is not a name" in m for _, _, m in diagnostics(book, Code.FRONT_MATTER_READ))


def test_a_leading_divider_and_prose_is_not_front_matter() -> None:
    book = parse_text("---\nShe said it twice.\n---\n\nThen left.\n", filename="x.md")
    assert "N024" not in codes(book)
    assert "She said it twice." in plain_text(book.chapters[0].blocks[0].inlines)  # type: ignore[union-attr]


def test_pandoc_title_block() -> None:
    book = parse_text("% The Long Night\n% Ann Poe\n% 2024-02-01\n\nText.\n", filename="x.md")
    assert (book.meta.title, book.meta.authors, book.meta.date) == (
        "The Long Night",
        ("Ann Poe",),
        "2024-02-01",
    )


def test_pandoc_title_block_fields_continue_on_indented_lines() -> None:
    """pandoc lets a long title run on, and puts each further author on a line of its
    own; those lines are the block's, not the chapter's text."""
    text = "% The Long\n  Night\n% Ann Poe\n  Bob Roe; Cy Twombly\n\nText.\n"
    book = parse_text(text, filename="x.md")
    assert (book.meta.title, book.meta.authors) == (
        "The Long Night",
        ("Ann Poe", "Bob Roe", "Cy Twombly"),
    )
    assert [plain_text(b.inlines) for b in book.chapters[0].blocks] == ["Text."]  # type: ignore[union-attr]


# ----------------------------------------------------------------------------- blocks


def test_block_quote_keeps_its_paragraphs() -> None:
    assert dump("# Chapter 1\n\n> Dear John,\n> it is *over*.\n>\n> Mary\n\nShe sent it.\n") == (
        textwrap.dedent("""\
        chapter 'Chapter 1' @x.md:1
          block-quote @x.md:3
            paragraph @x.md:3
              text 'Dear John, it is '
              emphasis
                text 'over'
              text '.'
            paragraph @x.md:6
              text 'Mary'
          paragraph @x.md:8
            text 'She sent it.'
        """)
    )


def test_verse_from_hard_breaks_with_stanzas() -> None:
    text = (
        "Roses are red,  \nviolets are blue,\\\nsugar is sweet.\n\nAnd so are you,  \nsaid she.\n"
    )
    assert dump(text) == textwrap.dedent("""\
        chapter '' @x.md:1
          verse @x.md:1
            line
              text 'Roses are red,'
            line
              text 'violets are blue,'
            line
              text 'sugar is sweet.'
            line
            line
              text 'And so are you,'
            line
              text 'said she.'
        """)


def test_verse_from_an_indented_block_of_short_lines_and_code_from_symbols() -> None:
    text = "She sang:\n\n    The sea is *wide*,\n    the night is long.\n\n    +--+\n    |##|\n"
    assert dump(text) == textwrap.dedent("""\
        chapter '' @x.md:1
          paragraph @x.md:1
            text 'She sang:'
          verse @x.md:3
            line
              text 'The sea is '
              emphasis
                text 'wide'
              text ','
            line
              text 'the night is long.'
          code-block @x.md:6
            '+--+\\n|##|'
        """)


def test_short_lines_typed_as_one_paragraph_are_verse() -> None:
    book = parse_text("The sea\nwas grey\nand cold\n\nShe slept.\n", filename="x.md")
    assert [type(b).__name__ for b in book.chapters[0].blocks] == ["Verse", "Paragraph"]


def test_a_hard_break_in_long_prose_is_a_line_break() -> None:
    line = "It was a long letter, longer than any she had written before that day,"
    book = parse_text(f"{line}  \nand it ended there.\n", filename="x.md")
    (para,) = book.chapters[0].blocks
    assert isinstance(para, Paragraph)
    assert [type(n).__name__ for n in para.inlines] == ["Text", "LineBreak", "Text"]


def test_code_fence_and_inline_code_are_kept_as_typed() -> None:
    text = 'He typed `"ls" -- now`:\n\n```\n> "hello" -- world...\n```\n\n```verse\nA\nB\n```\n'
    assert dump(text) == textwrap.dedent("""\
        chapter '' @x.md:1
          paragraph @x.md:1
            text 'He typed '
            code-span '"ls" -- now'
            text ':'
          code-block @x.md:3
            '> "hello" -- world...'
          verse @x.md:7
            line
              text 'A'
            line
              text 'B'
        """)


def test_lists_and_spanish_dash_dialogue() -> None:
    assert dump("- one\n- two\n\n3. three\n4. four\n") == textwrap.dedent("""\
        chapter '' @x.md:1
          list-block ordered=False start=1 @x.md:1
            item
              paragraph @x.md:1
                text 'one'
            item
              paragraph @x.md:2
                text 'two'
          list-block ordered=True start=3 @x.md:4
            item
              paragraph @x.md:4
                text 'three'
            item
              paragraph @x.md:5
                text 'four'
        """)
    book = parse_text("- Hola -dijo.\n- Adiós.\n", filename="x.md", language="es")
    assert [type(b).__name__ for b in book.chapters[0].blocks] == ["Paragraph", "Paragraph"]


@pytest.mark.parametrize(
    ("language", "text", "first"),
    [
        ("pl", "- Idziesz? - zapytała.\n- Nie - odpowiedział.\n", "— Idziesz?\u00a0— zapytała."),
        ("ru", "- Ты идёшь? - спросила она.\n- Нет.\n", "— Ты идёшь?\u00a0— спросила она."),
        ("fr", "- Tu viens ? demanda-t-elle.\n- Non !\n", "— Tu viens\u202f? demanda-t-elle."),
    ],
)
def test_dash_dialogue_typed_with_hyphens_is_no_list(language: str, text: str, first: str) -> None:
    """Polish, Russian and French writers open speech with a dash; a hyphen at the start
    of each line is that dash, not a bulleted list, when every line ends as speech."""
    book = parse_text(text, filename="x.md", language=language)
    blocks = book.chapters[0].blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph"]
    assert texts(book)[0] == first


def test_a_list_in_a_dash_dialogue_language_stays_a_list() -> None:
    book = parse_text("- mleko\n- chleb\n", filename="x.md", language="pl")
    assert [type(b).__name__ for b in book.chapters[0].blocks] == ["ListBlock"]


def test_table_rows_become_paragraphs() -> None:
    book = parse_text("| Ship | Crew |\n|---|---|\n| *Mary* | 12 |\n", filename="x.md")
    assert chapters(book).splitlines()[1:] == [
        "  paragraph @x.md:1",
        "    strong",
        "      text 'Ship'",
        "    text ' · '",
        "    strong",
        "      text 'Crew'",
        "  paragraph @x.md:3",
        "    emphasis",
        "      text 'Mary'",
        "    text ' · 12'",
    ]
    assert diagnostics(book, Code.MARKUP_LEFT_OUT) == [
        (1, 0, "1 table(s) set as one paragraph per row")
    ]


# ----------------------------------------------------------------------------- inlines


def test_links_strikeout_and_notes() -> None:
    text = (
        "See [the map](https://x.org) and ~~not this~~.[^1] Also^[an *inline* note].\n\n"
        "[^1]: A note.\n"
    )
    assert dump(text) == textwrap.dedent("""\
        chapter '' @x.md:1
          paragraph @x.md:1
            text 'See '
            link 'https://x.org'
              text 'the map'
            text ' and '
            strikeout
              text 'not this'
            text '.'
            note
              paragraph @x.md:3
                text 'A note.'
            text ' Also'
            note
              paragraph @x.md:1
                text 'an '
                emphasis
                  text 'inline'
                text ' note'
            text '.'
        """)


def test_an_unreferenced_footnote_keeps_its_text() -> None:
    book = parse_text("Text.\n\n[^a]: Orphan words.\n", filename="x.md")
    assert [plain_text(b.inlines) for b in book.chapters[0].blocks] == [  # type: ignore[union-attr]
        "Text.",
        "Orphan words.",
    ]
    assert "W142" in codes(book)  # a warning: the note's words now stand in the story


def test_literal_stars_are_not_read_as_emphasis_again() -> None:
    book = parse_text(
        "A \\*lit\\* star, `x` and 2 * 3 * 4 and *one* snake_case_name.\n", filename="x.md"
    )
    (para,) = book.chapters[0].blocks
    assert isinstance(para, Paragraph)
    assert plain_text(para.inlines) == "A *lit* star, x and 2 * 3 * 4 and one snake_case_name."
    assert chapters(book).count("emphasis") == 1


def test_mind_speech_may_enclose_emphasis_and_span_paragraphs() -> None:
    book = parse_text(
        "He said `hi`. {I *really* mean it.}\n\n{It goes on.\n\nAnd ends here.}\n",
        filename="x.md",
    )
    spans = [plain_text(span.children) for span in query(book, Telepathy)]
    assert spans == ["I really mean it.", "It goes on.", "And ends here."]
    assert "W102" not in codes(book)


def test_the_shrug_keeps_its_backslash() -> None:
    for name in ("x.md", "x.txt"):
        book = parse_text("Well ¯\\_(ツ)_/¯ then.\n", filename=name)
        assert plain_text(book.chapters[0].blocks[0].inlines) == "Well ¯\\_(ツ)_/¯ then."  # type: ignore[union-attr]


def test_html_comments_blocks_and_tags() -> None:
    text = (
        "<!-- a note -->\nShe <b>ran</b> and <span>hid</span> and "
        "<telepathic>who?</telepathic>\n\n<div>\n<p>Boxed words.</p>\n</div>\n"
    )
    book = parse_text(text, filename="x.md")
    assert dump(text) == textwrap.dedent("""\
        chapter '' @x.md:2
          paragraph @x.md:2
            text 'She '
            strong
              text 'ran'
            text ' and hid and '
            telepathy
              text 'who?'
          paragraph @x.md:4
            text 'Boxed words.'
        """)
    messages = [m for _, _, m in diagnostics(book, Code.MARKUP_LEFT_OUT)]
    assert messages == [
        "1 HTML block(s) left out (their text kept)",
        "2 HTML tag(s) left out (their text kept)",
    ]
    assert [m for _, _, m in diagnostics(book, Code.COMMENTS_LEFT_OUT)] == [
        "1 comment(s) left out of the book"
    ]


def test_a_comment_inside_a_code_block_is_the_codes_text() -> None:
    """Comments are taken out before parsing; one in fenced or indented code is what
    the code shows, so it stays (the comment in the prose still goes)."""
    text = (
        "She typed:\n\n    <!-- not a note -->\n\n```\n<!-- kept,\ntoo -->\n```\n\n"
        "Then <!-- a note --> left.\n"
    )
    book = parse_text(text, filename="x.md")
    blocks = book.chapters[0].blocks
    assert [b.text for b in blocks if isinstance(b, CodeBlock)] == [
        "<!-- not a note -->",
        "<!-- kept,\ntoo -->",
    ]
    assert plain_text(blocks[-1].inlines) == "Then left."  # type: ignore[union-attr]
    assert [m for _, _, m in diagnostics(book, Code.COMMENTS_LEFT_OUT)] == [
        "1 comment(s) left out of the book"
    ]


def test_positions_point_into_the_file() -> None:
    book = parse_text("# Chapter 1\n\nA *b* line\nthat has the the word.\n", filename="x.md")
    assert [(d.line, d.col) for d in book.diagnostics if d.code == Code.DOUBLED_WORD] == [
        (4, 14)
    ]  # at the second word, as in a .txt


# ----------------------------------------------------------------------------- images


def test_local_image_is_a_figure_sniffed_by_its_bytes(tmp_path: Path) -> None:
    write_files(tmp_path, {"img/photo.jpg": png(), "x.md": ""})
    text = '![A red square](img/photo.jpg "Figure 1")\n\nText ![icon](img/photo.jpg) here.\n'
    name = str(tmp_path / "x.md")
    book = compile_sources([ManuscriptSource(name, text.encode())])
    figure, para = book.chapters[0].blocks
    assert isinstance(figure, Figure) and isinstance(para, Paragraph)
    assert (figure.image.name, figure.image.media_type, figure.alt) == (
        "img/photo.jpg",
        "image/png",
        "A red square",
    )
    assert figure.image.data == png()
    assert plain_text(figure.caption) == "Figure 1"
    assert plain_text(para.inlines) == "Text icon here."


def test_remote_missing_and_unsupported_images_are_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    write_files(tmp_path, {"notes.txt": "not an image", "loop": ""})
    (tmp_path / "loop").unlink()
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    text = (
        "![Pyromancy](http://example.com/p.svg)\n\n![gone](missing.png)\n\n"
        "![words](notes.txt)\n\n![loop](loop)\n\nText.\n"
    )
    book = compile_sources([ManuscriptSource(str(tmp_path / "x.md"), text.encode())])
    assert [plain_text(b.inlines) for b in book.chapters[0].blocks] == ["Text."]  # type: ignore[union-attr]
    found = diagnostics(book, Code.IMAGE_LEFT_OUT)
    assert [(line, col) for line, col, _ in found] == [(1, 1), (3, 1), (5, 1), (7, 1)]
    assert "remote and is never fetched" in found[0][2]
    assert "missing.png cannot be read" in found[1][2]
    assert "not a JPEG, PNG, GIF or SVG image" in found[2][2]
    assert "loop" in found[3][2]


# ----------------------------------------------------------------------------- whole files


def test_unclosed_tilde_line_is_a_scene_break_not_code() -> None:
    book = parse_text("One.\n\n~~~\n\nTwo *words*.\n", filename="x.md")
    assert [type(b).__name__ for b in book.chapters[0].blocks] == [
        "Paragraph",
        "SceneBreak",
        "Paragraph",
    ]


def test_a_file_that_indents_its_paragraphs_is_prose_not_code() -> None:
    text = (
        "\tIt was a dark night and the rain fell hard on the roof of the old house.\n"
        "\tShe waited.\n\tNobody came, and the\nnight went on.\n"
    )
    assert dump(text) == textwrap.dedent("""\
        chapter '' @x.md:1
          paragraph @x.md:1
            text 'It was a dark night and the rain fell hard on the roof of the old house.'
          paragraph @x.md:2
            text 'She waited.'
          paragraph @x.md:3
            text 'Nobody came, and the night went on.'
        """)


def test_pandoc_style_book_project(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "book.toml": 'manuscripts = ["chapters/*.md"]\n',
            "chapters/00-title.md": "% Harbour Lights\n% Ann Poe\n\n# Prologue {-}\n\nFog.\n",
            "chapters/01.md": "# Chapter 1: Fog {#fog}\n\n## Where it began\n\nText.[^n]\n\n"
            "[^n]: A note.\n",
        },
    )
    book = api.parse(root)
    assert (book.meta.title, book.meta.authors) == ("Harbour Lights", ("Ann Poe",))
    headings = [c.heading for c in book.chapters]
    assert [heading_text(h) for h in headings] == ["Prologue", "Chapter 1: Fog"]
    assert isinstance(headings[1], Heading)
    assert plain_text(headings[1].subtitle) == "Where it began"
    para = book.chapters[1].blocks[0]
    assert isinstance(para, Paragraph) and isinstance(para.inlines[-1], Note)


# ----------------------------------------------------------------------------- properties

ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßøçñαβλπωЖжШя中文字語한국"
WORD = st.text(alphabet=ALPHABET, min_size=1, max_size=7)


@st.composite
def phrase(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORD, min_size=1, max_size=8))
    k = draw(st.integers(0, len(words) - 1))
    mark = draw(st.sampled_from(["", "*", "**", "_"]))
    if mark:
        words[k] = f"{mark}{words[k]}{mark}"
    return " ".join(words)


@st.composite
def block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            ["para", "para", "quote", "list", "numbered", "heading", "lines", "hard", "indented"]
        )
    )
    text = draw(phrase())
    if kind == "quote":
        return f"> {text}"
    if kind == "list":
        return "\n".join(f"- {draw(phrase())}" for _ in range(draw(st.integers(1, 3))))
    if kind == "heading":
        return f"{'#' * draw(st.integers(1, 3))} {text}"
    if kind == "lines":
        return f"{text}\n{draw(phrase())}"
    if kind == "numbered":
        return f"{draw(st.integers(1, 12))}. {text}"
    if kind == "hard":
        return f"{text}  \n{draw(phrase())}\\\n{draw(phrase())}"
    if kind == "indented":
        return f"    {text}\n    {draw(phrase())}"
    return text


def _words(text: str) -> list[str]:
    # Letters only: an indented block is verse here, its * and _ read as emphasis.
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).casefold())


def _markdown_words(source: str) -> list[str]:
    """markdown-it's own reading of the text: every text token, in order."""
    out: list[str] = []
    for token in MarkdownIt("commonmark").parse(source):
        if token.type in ("code_block", "fence"):
            out.append(token.content)
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                out.append(child.content)
    return _words(" ".join(out))


def _tree_words(book: Book, configured: str) -> list[str]:
    out: list[str] = [] if book.meta.title == configured else [book.meta.title]
    for part in book.parts:
        out.append(heading_text(part.heading))
        for chapter in part.chapters:
            heading = chapter.heading
            out.append(heading_text(heading))
            if heading is not None:
                out.append(plain_text(heading.subtitle))
            out.extend(_block_texts(chapter.blocks))
    return _words(" ".join(out))


def _block_texts(blocks: tuple[Block, ...]) -> list[str]:
    """The text of some blocks in reading order, code included (notes left aside)."""
    out: list[str] = []
    for block in blocks:
        match block:
            case Paragraph() | Subheading():
                out.append(plain_text(block.inlines))
            case Verse():
                out.extend(plain_text(line) for line in block.lines)
            case CodeBlock():
                out.append(block.text)
            case BlockQuote():
                out.extend(_block_texts(block.blocks))
            case ListBlock():
                for item in block.items:
                    out.extend(_block_texts(item))
            case Figure():
                out.append(plain_text(block.caption))
            case SceneBreak():
                pass
            case _:
                assert_never(block)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block(), min_size=1, max_size=8))
def test_every_word_markdown_sees_reaches_the_tree_in_order(blocks: list[str]) -> None:
    source = "\n\n".join(blocks) + "\n"
    configured = "Zz Configured"
    book = parse_text(source, filename="x.md", config=BookConfig(title=configured))
    assert _tree_words(book, configured) == _markdown_words(source)


# ----------------------------------------------------------------------------- end to end


@pytest.mark.slow
def test_markdown_book_builds_a_valid_epub(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "book.toml": 'title = "Harbour"\nauthors = ["Ann Poe"]\nlanguage = "en"\n',
            "manuscripts/01.md": (
                "# Chapter 1\n\n> A letter, *short*.\n\nRoses are red,  \nviolets blue.\n\n"
                "![A red square](red.png)\n\n- one\n- two\n\n```\n$ ls\n```\n\n"
                "Text with `code`, ~~gone~~, [a link](https://example.com) and a note.[^1]\n\n"
                "[^1]: The note.\n"
            ),
            "manuscripts/red.png": png(),
        },
    )
    result = api.build(root, ["epub"])
    check = run_epubcheck(result.outputs["epub"])
    assert check.clean, "\n".join(check.messages)


def test_front_matter_lists_every_author() -> None:
    text = "---\nauthors:\n  - Ann Poe\n  - Bo Reed\ntitle: Salt\n---\n\nIt was late.\n"
    book = parse_text(text, filename="a.md")
    assert book.meta.authors == ("Ann Poe", "Bo Reed")


def test_notes_to_self_are_left_out_and_listed_as_in_txt() -> None:
    text = "Chapter 1\n\nShe stood.\n\n[ check the date ]\n\nTK\n\nHe sat [TK] there.\n"
    book = parse_text(text, filename="a.md")
    assert [plain_text(b.inlines) for b in book.chapters[0].blocks if isinstance(b, Paragraph)] == [
        "She stood.",
        "He sat [TK] there.",
    ]
    notes = [(d.line, d.col) for d in book.diagnostics if d.code == Code.AUTHOR_NOTE]
    assert notes == [(5, 1), (7, 1), (9, 8)]


def test_pandoc_divs_and_attributes_are_styling_not_text() -> None:
    text = (
        "::: {.part-title}\nPART I\n:::\n\n# Chapter 1 {#ch1 .unnumbered}\n\n"
        "She read [the sign]{.smallcaps} and {I must go} she thought. {.right}\n"
    )
    book = parse_text(text, filename="a.md")
    words = " ".join(
        plain_text(b.inlines) for c in book.chapters for b in c.blocks if isinstance(b, Paragraph)
    )
    assert ":::" not in words and ".part-title" not in words and ".right" not in words
    assert "She read the sign and I must go she thought." in words
    assert [c.heading.number for c in book.chapters if c.heading] == [1]
    assert any(d.code == Code.MARKUP_LEFT_OUT for d in book.diagnostics)


def test_a_note_marked_only_in_a_heading_keeps_its_text() -> None:
    # A heading holds no note: its text was silently lost; it is printed where it is
    # defined, with a note saying where the mark should go.
    text = (
        "# Chapter One[^1]\n\nThe boat was late.[^2]\n\n"
        "[^1]: A note on the heading.\n[^2]: A note on the boat.\n"
    )
    book = parse_text(text, filename="story.md")
    dump = pformat(book)
    assert "A note on the heading." in dump and "A note on the boat." in dump
    assert any("[^1]" in d.message for d in book.diagnostics if d.code == Code.FOOTNOTES_NOT_READ)


def test_an_empty_comment_takes_no_prose_with_it() -> None:
    # CommonMark 0.31: "<!-->" and "<!--->" are whole comments (spec example 626).
    book = parse_text("foo <!--> bar -->\n\nbaz <!---> qux -->\n", filename="a.md")
    dump = pformat(book)
    assert all(word in dump for word in ("foo", "bar", "baz", "qux"))


def test_an_escaped_bracket_line_is_text_not_a_note() -> None:
    text = "The ferry left.\n\n\\[The gulls followed it.]\n\n[check the date]\n"
    book = parse_text(text, filename="a.md")
    dump = pformat(book)
    assert (
        "[The gulls followed it.]" in dump and "check the date" not in dump.split("diagnostics")[0]
    )


def test_an_opening_heading_with_prose_under_it_and_a_sibling_is_no_book_title() -> None:
    text = (
        "# Section 1\n\nShe left at dawn.\n\n## The Ferry\n\nIt sailed.\n\n"
        "# Section 2\n\nThey followed.\n"
    )
    book = parse_text(text, filename="story.md")
    assert book.meta.title != "Section 1"
    assert heading_text(book.chapters[0].heading) == "Section 1"
    # A title over its by line, or with no sibling heading, stays the book's title.
    titled = (
        "# The Ferry\n\nby Ann Lee\n\n## Chapter 1\n\nIt sailed.\n\n# Section 2\n\nThey followed.\n"
    )
    assert parse_text(titled, filename="story.md").meta.title == "The Ferry"
    alone = "# The Ferry\n\nFor Sam.\n\n## Chapter 1\n\nIt sailed.\n"
    assert parse_text(alone, filename="story.md").meta.title == "The Ferry"
