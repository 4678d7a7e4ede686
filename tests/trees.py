"""Small hand-made :class:`~compile_book.nodes.Book` trees for backend tests.

Backends are tested on these rather than on parsed manuscripts, so a parser
change never breaks a backend test. Strings passed where inlines are expected
become :class:`Text` nodes::

    book(chapter("Hello.", heading=heading("Chapter", 1, "Begin")))
"""

from __future__ import annotations

from compile_book.nodes import (
    Block,
    Book,
    Chapter,
    ChapterKind,
    Emphasis,
    Heading,
    Inline,
    Metadata,
    Paragraph,
    Part,
    SceneBreak,
    Series,
    Source,
    Strong,
    Telepathy,
    Text,
)

SRC = Source("test.txt", 1)

InlineLike = Inline | str
BlockLike = Block | str


def _inline(x: InlineLike) -> Inline:
    return Text(x, SRC) if isinstance(x, str) else x


def _inlines(items: tuple[InlineLike, ...]) -> tuple[Inline, ...]:
    return tuple(_inline(x) for x in items)


def text(s: str) -> Text:
    return Text(s, SRC)


def em(*children: InlineLike) -> Emphasis:
    return Emphasis(_inlines(children), SRC)


def strong(*children: InlineLike) -> Strong:
    return Strong(_inlines(children), SRC)


def tele(*children: InlineLike) -> Telepathy:
    return Telepathy(_inlines(children), SRC)


def para(*inlines: InlineLike) -> Paragraph:
    return Paragraph(_inlines(inlines), SRC)


def scene_break() -> SceneBreak:
    return SceneBreak(SRC)


def heading(
    label: str | None = None,
    number: int | None = None,
    title: str | tuple[InlineLike, ...] = (),
    subtitle: str | tuple[InlineLike, ...] = (),
    number_text: str | None = None,
) -> Heading:
    """``heading("Chapter", 3, "The Fall")``; ``heading(title="Night")``."""
    if number is not None and number_text is None:
        number_text = str(number)
    return Heading(
        SRC,
        label=label,
        number=number,
        number_text=number_text,
        title=_inlines((title,) if isinstance(title, str) else title),
        subtitle=_inlines((subtitle,) if isinstance(subtitle, str) else subtitle),
    )


def chapter(
    *blocks: BlockLike,
    heading: Heading | None = None,
    kind: ChapterKind = ChapterKind.CHAPTER,
) -> Chapter:
    """Blocks given as strings become one-text paragraphs."""
    made = tuple(para(b) if isinstance(b, str) else b for b in blocks)
    return Chapter(kind, heading, made, SRC)


def part(*chapters: Chapter, heading: Heading | None = None) -> Part:
    return Part(heading, chapters, SRC)


def meta(**overrides: object) -> Metadata:
    """Metadata with a title, language and identifier; override any field."""
    fields: dict[str, object] = {
        "title": "The Test Book",
        "language": "en",
        "identifier": "urn:uuid:12345678-1234-5678-1234-567812345678",
        "authors": ("Jane Doe",),
    }
    fields.update(overrides)
    return Metadata(**fields)  # type: ignore[arg-type]


def book(*items: Chapter | Part, **meta_overrides: object) -> Book:
    """Chapters alone go into one implicit (headingless) part; parts are taken as given."""
    parts: list[Part] = []
    loose: list[Chapter] = []
    for item in items:
        if isinstance(item, Chapter):
            loose.append(item)
            continue
        if loose:
            parts.append(part(*loose))
            loose = []
        parts.append(item)
    if loose:
        parts.append(part(*loose))
    return Book(meta(**meta_overrides), tuple(parts))


# --------------------------------------------------------------------------- ready-made books


def simple_book() -> Book:
    """Two numbered chapters, no parts, no cover; telepathy, emphasis and a scene break."""
    return book(
        chapter(
            para("It began ", em("quietly"), "."),
            para("She thought: ", tele("Run, ", em("now"), "."), " And ", strong("ran"), "."),
            scene_break(),
            para("Later, nothing."),
            heading=heading("Chapter", 1, "All for nothing."),
        ),
        chapter(
            "Second chapter, first paragraph.",
            "Second paragraph.",
            heading=heading("Chapter", 2),
        ),
    )


def full_book(cover: str | None = None) -> Book:
    """Parts, a prologue and an epilogue, and every optional piece of metadata."""
    return book(
        chapter("Before everything.", heading=heading("Prologue"), kind=ChapterKind.PROLOGUE),
        part(
            chapter("One.", "Two.", heading=heading("Chapter", 1, "Start")),
            chapter(
                "Three.",
                scene_break(),
                "Four.",
                heading=heading("Chapter", 2, "Middle", subtitle="In which little happens"),
            ),
            heading=heading("Part", 1, "The First", number_text="One"),
        ),
        part(
            chapter("Five.", heading=heading("Chapter", 3, (em("Finis"), " terrae"))),
            chapter("An interlude.", heading=heading("Interlude"), kind=ChapterKind.INTERLUDE),
            heading=heading("Part", 2, number_text="Two"),
        ),
        chapter("After everything.", heading=heading("Epilogue"), kind=ChapterKind.EPILOGUE),
        authors=("Jane Doe", "John Roe"),
        subtitle="A Novel",
        publisher="Small Press",
        date="2025-03-01",
        description="A book for testing.",
        series=Series("The Test Cycle", 2),
        isbn="9780306406157",
        identifier="urn:isbn:9780306406157",
        edition="First edition",
        dedication="For everyone\nwho waited.",
        epigraph="All happy families are alike.",
        epigraph_source="Leo Tolstoy",
        cover=cover,
    )


def big_book(words: int = 1_000_000, chapters: int = 1000) -> Book:
    """A generated book of about `words` words (20 words a paragraph) for timing."""
    sentence = "The rain fell on the roofs of the city and nobody came."  # 12 words
    paragraphs = max(1, words // 20 // chapters)
    made: list[Chapter] = []
    for number in range(1, chapters + 1):
        blocks: list[Block] = []
        for i in range(paragraphs):
            if i and i % 15 == 0:
                blocks.append(scene_break())
            blocks.append(
                para(
                    sentence,
                    " She thought ",
                    tele("go ", em("home")),
                    ", quietly and slowly, ",
                    "now.",
                )
            )
        made.append(chapter(*blocks, heading=heading("Chapter", number, f"Title {number}")))
    return book(*made)
