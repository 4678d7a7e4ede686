"""Markdown heading levels: parts, chapters, subtitles and subheadings inside chapters.

The file's headings together say what each level is
(:mod:`compile_book.readers.markdown.levels`): ``##`` names over the stretches of a
``#`` chapter are subheadings, a lone ``##`` straight under each chapter heading is
its subtitle, and a plain ``#`` over ``## Chapter 1`` is a part.
"""

from __future__ import annotations

import re

from compile_book.api import parse_text
from compile_book.nodes import Book, Heading, Subheading, plain_text
from tests.growth import MAX_RATIO, growth

WORD = re.compile(r"\w+")


def outline(book: Book) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """Each part's title with its chapters' titles and the subheadings inside them."""

    def title(heading: Heading | None) -> str:
        if heading is None:
            return ""
        words = [heading.label or "", heading.number_text or "", plain_text(heading.title)]
        line = " ".join(w for w in words if w)
        return f"{line} / {plain_text(heading.subtitle)}" if heading.subtitle else line

    return [
        (
            title(part.heading),
            [
                (
                    title(chapter.heading),
                    [plain_text(b.inlines) for b in chapter.blocks if isinstance(b, Subheading)],
                )
                for chapter in part.chapters
            ],
        )
        for part in book.parts
    ]


def words(book: Book) -> list[str]:
    from compile_book.walk import walk

    out: list[str] = []
    for node in walk(book):
        text = getattr(node, "text", None)
        if isinstance(text, str) and type(node).__name__ == "Text":
            out += WORD.findall(text)
    return out


POV = """# Chapter 1

The morning came slowly.

## Elena

She ran.

## Marcus

He waited.

# Chapter 2

## Elena

She stopped.

## Marcus

He left.
"""


def test_points_of_view_are_subheadings_inside_their_chapters() -> None:
    book = parse_text(POV, filename="novel.md")
    assert outline(book) == [
        ("", [("Chapter 1", ["Elena", "Marcus"]), ("Chapter 2", ["Elena", "Marcus"])])
    ]


def test_names_repeated_straight_under_each_chapter_heading_are_subheadings() -> None:
    text = POV.replace("The morning came slowly.\n\n", "")
    book = parse_text(text, filename="novel.md")
    assert outline(book) == [
        ("", [("Chapter 1", ["Elena", "Marcus"]), ("Chapter 2", ["Elena", "Marcus"])])
    ]


def test_a_subtitle_and_a_subheading_in_one_chapter() -> None:
    text = "# Chapter 1\n\n## The Fall\n\nIt was late.\n\n## Monday\n\nIt was Monday.\n"
    assert outline(parse_text(text, filename="novel.md")) == [
        ("", [("Chapter 1 / The Fall", ["Monday"])])
    ]


def test_a_lone_subheading_is_one_when_the_level_holds_subheadings_elsewhere() -> None:
    text = (
        "# The Storm\n\nIt began.\n\n## Monday\n\nShe ran.\n\n## Tuesday\n\nHe waited.\n\n"
        "# The Calm\n\n## Wednesday\n\nShe stopped.\n"
    )
    assert outline(parse_text(text, filename="novel.md")) == [
        ("", [("The Storm", ["Monday", "Tuesday"]), ("The Calm", ["Wednesday"])])
    ]


def test_one_deeper_heading_under_each_chapter_heading_is_its_subtitle() -> None:
    text = (
        "# Chapter 1\n\n## The Letter\n\nShe read it.\n\n"
        "# Chapter 2\n\n## The Reply\n\nShe wrote back.\n"
    )
    assert outline(parse_text(text, filename="novel.md")) == [
        ("", [("Chapter 1 / The Letter", []), ("Chapter 2 / The Reply", [])])
    ]


def test_a_plain_heading_over_numbered_chapters_is_a_part() -> None:
    text = (
        "# The Early Years\n\n## Chapter 1\n\nShe was born.\n\n## Chapter 2\n\nShe grew.\n\n"
        "# The Later Years\n\n## Chapter 3\n\nShe aged.\n"
    )
    book = parse_text(text, filename="novel.md")
    assert outline(book) == [
        ("The Early Years", [("Chapter 1", []), ("Chapter 2", [])]),
        ("The Later Years", [("Chapter 3", [])]),
    ]


def test_named_parts_and_chapters_keep_their_meaning_at_any_level() -> None:
    text = (
        "# Part One\n\n## Chapter 1\n\nShe was born.\n\n### Elena\n\nShe ran.\n\n"
        "### Marcus\n\nHe ran.\n\n# Chapter Two\n\nShe grew.\n\n## Chapter Three\n\nShe aged.\n"
    )
    assert outline(parse_text(text, filename="novel.md")) == [
        (
            "Part One",
            [("Chapter 1", ["Elena", "Marcus"]), ("Chapter Two", []), ("Chapter Three", [])],
        )
    ]


def test_the_book_title_over_its_chapters_is_still_the_title() -> None:
    text = "# The Salt Road\n\n## The Harbour\n\nShe left.\n\n## The Hill\n\nShe climbed.\n"
    book = parse_text(text, filename="novel.md")
    assert book.meta.title == "The Salt Road"
    assert outline(book) == [("", [("The Harbour", []), ("The Hill", [])])]


def test_a_deeper_heading_before_the_first_chapter_is_still_a_chapter() -> None:
    text = "## Before\n\nA note.\n\n# Chapter 1\n\nShe ran.\n\n## Elena\n\nShe stopped.\n"
    assert outline(parse_text(text, filename="novel.md")) == [
        ("", [("Before", []), ("Chapter 1", ["Elena"])])
    ]


def test_every_word_is_kept() -> None:
    book = parse_text(POV, filename="novel.md")
    # every word but the chapter labels and numbers, which the headings hold as fields
    prose = re.sub(r"# Chapter \d+", "", POV)
    assert words(book) == WORD.findall(prose)


def test_the_levels_are_read_in_linear_time() -> None:
    def run(n: int) -> object:
        chapters = "".join(
            f"# Chapter {k + 1}\n\n## Elena\n\nShe ran.\n\n## Marcus\n\nHe waited.\n\n"
            for k in range(n)
        )
        return parse_text(chapters, filename="novel.md")

    assert growth(run, 150) < MAX_RATIO
