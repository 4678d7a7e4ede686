"""Chapter words a manuscript teaches, in languages no locale module covers."""

from __future__ import annotations

from compile_book.api import parse_text
from compile_book.config import BookConfig
from compile_book.diagnostics import Code
from compile_book.events import StartChapter
from compile_book.nodes import heading_text, plain_text
from compile_book.pipeline import ManuscriptSource, compile_sources
from compile_book.rules.headings import BARE
from compile_book.rules.learned import learn
from tests.docx_fixtures import docx
from tests.docx_fixtures import p as docx_p
from tests.docx_fixtures import r as docx_r
from tests.growth import MAX_RATIO, best_times
from tests.odt_fixtures import odt
from tests.odt_fixtures import p as odt_p
from tests.trees_small import events

CZECH = """Kapitola 1

„Ahoj,“ řekl. „Jak se máš?“

Kapitola 2: Návrat

Druhá kapitola začíná zde.

Kapitola 3

A pokračuje.
"""


PROSE = "Byl to dlouhý den, a když se setmělo, šli všichni domů a spali až do rána."


def _headings(
    text: str, name: str = "a.txt", *, first: bool = False, language: str = "cs"
) -> list[str]:
    found = events(text, name, first=first, language=language)
    return [heading_text(e.heading) for e in found.events if isinstance(e, StartChapter)]


def _learn(*texts: str, opening: int = 0, first_file: bool = False) -> tuple[str, ...]:
    """What standalone lines teach, each heading followed by a line of prose."""
    lines = [(line, True) for text in texts for line in (text, PROSE)]
    return learn(lines, opening, first_file=first_file)


def test_a_word_heading_numbered_lines_in_order_is_learnt() -> None:
    assert _learn("Kapitola 1", "Kapitola 2", "Kapitola 3") == ("kapitola",)
    assert _learn("1. fejezet", "2. fejezet") == ("fejezet",)
    assert _learn("Luku I", "Luku II: Paluu") == ("luku",)


def test_numbers_out_of_order_or_a_lone_line_teach_nothing() -> None:
    assert _learn("Apollo 13", "Apollo 13") == ()
    assert _learn("Room 101", "Room 7") == ()
    assert _learn("Room 101") == ()
    # A long line is prose that starts like a heading.
    assert _learn("Kapitola 1 " + "a" * 90, "Kapitola 2") == ()


def test_numbered_lines_one_under_another_are_a_list_not_headings() -> None:
    lines = [(f"Krok {k}.", True) for k in range(1, 7)]
    assert learn(lines, 0, first_file=False) == ()


def test_many_numbered_words_are_a_record_not_headings() -> None:
    assert _learn("Aaa 1", "Bbb 1", "Aaa 2", "Bbb 2") == ("aaa", "bbb")
    words = [f"{w}{w}{w}" for w in "abcd"]
    assert _learn(*(f"{w} {n}" for n in (1, 2) for w in words)) == ()


def test_numbers_alone_however_written_head_chapters_in_any_language() -> None:
    prose = "It was a dark night, and the wind blew hard over the moor."
    for heads, printed in (
        (("ONE", "TWO", "THREE"), ["One", "Two", "Three"]),
        (("~ 1 ~", "~ 2 ~", "~ 3 ~"), ["1", "2", "3"]),
        (("§ 1", "§ 2", "§ 3"), ["1", "2", "3"]),
        (
            ("1 - The Fall", "2 - The Rise", "3 - The End"),
            ["1: The Fall", "2: The Rise", "3: The End"],
        ),
        (("One: Dawn", "Two: Noon", "Three: Dusk"), ["One: Dawn", "Two: Noon", "Three: Dusk"]),
    ):
        text = "The Book\n\nby Ann Writer\n\n" + "".join(f"{h}\n\n{prose}\n\n" for h in heads)
        found = events(text, first=True)
        assert [
            heading_text(e.heading) for e in found.events if isinstance(e, StartChapter)
        ] == printed
        assert [d.line for d in found.diagnostics if d.code is Code.CHAPTER_WORD_LEARNT] == [5]
    german = "Eins\n\nEs war spät.\n\nZwei\n\nEs war früh.\n\nDrei\n\nEs war Tag.\n"
    assert _headings(german, name="a.txt", language="de") == ["Eins", "Zwei", "Drei"]


def test_one_slip_in_the_numbering_keeps_the_chapters_and_is_named() -> None:
    assert _learn("ONE", "TWO", "FOUR", "FIVE", "SIX") == (BARE,)
    assert _learn(*(f"Kapitola {n}" for n in (1, 2, 4, 5, 6))) == ("kapitola",)
    assert _learn(*(f"Kapitola {n}" for n in (1, 2, 4, 5))) == ()  # one slip in three steps
    assert _learn("ONE", "THREE", "FIVE", "SEVEN") == ()  # every step a slip
    text = "".join(f"{n}\n\nShe walked on.\n\n" for n in ("ONE", "TWO", "FOUR", "FIVE", "SIX"))
    found = events("The Walk\n\n" + text, first=True, language="en")
    assert len([e for e in found.events if isinstance(e, StartChapter)]) == 5


def test_numbered_sentences_are_a_list_not_chapters() -> None:
    rules = "".join(
        f"{k}. {rule}\n\nShe read it twice.\n\n"
        for k, rule in enumerate(
            ("Nobody leaves after dark.", "Lock the door.", "Never answer."), 1
        )
    )
    assert _headings("The Rules\n\n" + rules, first=True, language="en") == []


def test_numbers_alone_seen_twice_or_opening_a_file_stay_prose() -> None:
    assert _learn("One.", "Two.") == ()
    assert _learn("One", opening=1) == ()
    assert _headings("One.\n\nShe counted.\n\nTwo.\n\nThe end.\n") == []


ROMAN = "I\n\nThe Nellie swung to her anchor.\n\nII\n\nOne evening.\n\nIII\n\nI looked.\n"


def test_a_lone_i_before_ii_heads_chapter_one() -> None:
    """Heart of Darkness: "I", "II", "III" alone, each over prose; at the top of the
    book "I" is chapter I, not the book's title."""
    assert _headings(ROMAN, language="en") == ["I", "II", "III"]
    assert _headings(ROMAN, first=True, language="en") == ["I", "II", "III"]
    titled = "HEART OF DARKNESS\n\nBy Joseph Conrad\n\n\n" + ROMAN
    assert _headings(titled, first=True, language="en") == ["I", "II", "III"]


def test_a_lone_i_stays_a_word_without_ii_after_it() -> None:
    said = "Who was there?\n\nI\n\nThat was all she said.\n\n"
    between = said + "Chapter 1\n\nIt rained.\n\nII\n\nMore.\n"
    assert "I" not in _headings(between, language="en")
    assert _headings(said + "IV\n\nIt rained.\n", language="en") == ["IV"]
    assert _headings(said + "It rained.\n", language="en") == []


def test_a_chapter_file_heading_teaches_its_word_on_one_sighting() -> None:
    assert _learn("Kapitola 4", opening=1) == ("kapitola",)
    # In the book's first file only chapter 1: "Catch 22" on top is the book's title.
    assert _learn("Catch 22", opening=1, first_file=True) == ()
    assert _learn("Kapitola 1", opening=1, first_file=True) == ("kapitola",)


def test_languages_with_a_module_learn_nothing() -> None:
    text = "The Steps\n\nStep 1\n\nDear sister.\n\nStep 2\n\nDear brother.\n"
    found = events(text, first=True, language="en")
    assert not [d for d in found.diagnostics if d.code is Code.CHAPTER_WORD_LEARNT]
    assert not [e for e in found.events if isinstance(e, StartChapter)]


def test_a_czech_manuscript_gets_its_chapters() -> None:
    found = events(CZECH, language="cs")
    heads = [e.heading for e in found.events if isinstance(e, StartChapter) and e.heading]
    assert [(h.label, h.number, plain_text(h.title)) for h in heads] == [
        ("Kapitola", 1, ""),
        ("Kapitola", 2, "Návrat"),
        ("Kapitola", 3, ""),
    ]
    notes = [d for d in found.diagnostics if d.code is Code.CHAPTER_WORD_LEARNT]
    assert [(d.line, d.message.split(":")[0]) for d in notes] == [
        (1, "'Kapitola' read as this file's chapter word")
    ]


def test_chapter_files_each_teach_their_own_heading() -> None:
    book = compile_sources(
        [
            ManuscriptSource("01.txt", "Kapitola 1\n\nPrvní den.\n".encode()),
            ManuscriptSource("02.txt", "Kapitola 2\n\nDruhý den.\n".encode()),
        ],
        BookConfig(title="Zkouška", language="cs"),
    )
    assert [heading_text(c.heading) for c in book.chapters] == [
        "Kapitola 1",
        "Kapitola 2",
    ]
    assert [plain_text(b.inlines) for c in book.chapters for b in c.blocks] == [  # type: ignore[union-attr]
        "První den.",
        "Druhý den.",
    ]


def test_prose_that_names_a_number_stays_prose() -> None:
    text = "The Story\n\nShe lived at Number 4.\n\nApollo 13\n\nThe end came.\n"
    assert _headings(text, first=True) == []


def test_word_processor_files_teach_their_words_too() -> None:
    body = [
        docx_p(docx_r("Kapitola 1")),
        docx_p(docx_r(PROSE)),
        docx_p(docx_r("Kapitola 2")),
        docx_p(docx_r(PROSE)),
    ]
    for name, data in (
        ("b.docx", docx(*body)),
        (
            "b.odt",
            odt("".join(odt_p(t) for t in ("Kapitola 1", PROSE, "Kapitola 2", PROSE))),
        ),
    ):
        book = compile_sources(
            [ManuscriptSource(name, data)], BookConfig(title="Zkouška", language="cs")
        )
        headings = [heading_text(c.heading) for c in book.chapters]
        assert headings == ["Kapitola 1", "Kapitola 2"], name


def test_learning_grows_linearly_with_headings_and_numbered_words() -> None:
    def book(n: int) -> str:
        chapters = (
            f"Kapitola {k}\n\nText {k}.\n\nSlovo{k % 50} {k}\n\nVíce.\n" for k in range(1, n)
        )
        return "\n".join(chapters)

    texts = {n: book(n) for n in (300, 600, 1200)}
    times = best_times(lambda n: parse_text(texts[n], language="cs"), [300, 600, 1200])
    assert times[2] / times[0] < MAX_RATIO, times
