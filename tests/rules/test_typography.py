"""Typography substitutions, one fixture case each (tests/rules/fixtures/typography.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from compile_book import markers
from compile_book.api import parse_text
from compile_book.config import BookConfig, TypographyConfig
from compile_book.nodes import plain_text
from compile_book.rules.typography import Changes, Typographer
from tests.fixtures import Case, fixture_params

FIXTURES = Path(__file__).parent / "fixtures"


def typeset(text: str, language: str = "en", **options: object) -> str:
    t = Typographer(TypographyConfig.model_validate(options), language)
    changes = Changes()
    return t.apply(t.curl_counted(text, changes), changes)


@pytest.mark.parametrize("case", fixture_params(FIXTURES / "typography.md"))
def test_typography_fixture(case: Case) -> None:
    assert typeset(case.input) == case.expected


def test_nbsp_is_inserted_exactly_where_expected() -> None:
    out = typeset("Mr. Smith ran 5 km at 10 pm.")
    assert out == "Mr.\u00a0Smith ran 5\u00a0km at 10\u00a0pm."


def test_no_nbsp_between_ordinary_words() -> None:
    assert "\u00a0" not in typeset("He said it was fine and walked home.")


def test_german_quotes() -> None:
    assert typeset("\"Er sagte 'nein' und ging\", sagte sie. Das ist's.", "de") == (
        "„Er sagte ‚nein‘ und ging“, sagte sie. Das ist’s."
    )


def test_french_quotes_get_no_break_spaces() -> None:
    out = typeset('"Bonjour !" dit-il. L\'homme', "fr")
    assert out == "«\u00a0Bonjour\u202f!\u00a0» dit-il. L’homme"


def test_spaced_en_dash_house_style() -> None:
    assert typeset("an instant - the man", dashes="en-spaced") == "an instant\u00a0– the man"


def test_everything_off_leaves_text_alone() -> None:
    text = '"Hi" - he said... to Mr. Smith'
    out = typeset(text, quotes=False, dashes="off", ellipses=False, nbsp=False)
    assert out == text


def test_dash_changes_report_offsets_into_the_input() -> None:
    t = Typographer(TypographyConfig(), "en")
    changes = Changes()
    t.apply("one - two", changes)
    assert [offset for offset, _ in changes.dashes] == [3]


def test_markers_are_transparent_to_quotes() -> None:
    # OPEN/CLOSE stand for emphasis boundaries while typography runs.
    o, c = markers.OPEN, markers.CLOSE
    assert typeset(f'"{o}Go{c}!" he said') == f"“{o}Go{c}!” he said"
    assert typeset(f"{o}Titanic{c}'s wake") == f"{o}Titanic{c}’s wake"


def test_private_use_characters_are_text_not_markers() -> None:
    assert typeset('"\ue000Go\ue001!" he said') == "“\ue000Go\ue001!” he said"


def test_german_quotes_typed_curly_are_kept() -> None:
    assert typeset("„Komm her“, sagte er.", "de") == "„Komm her“, sagte er."


def test_german_unclosed_quote_is_found_with_german_marks() -> None:
    from compile_book.parser import parse_text

    config = BookConfig(language="de")
    book = parse_text('"Komm her, sagte er.\nEr ging.', config)
    assert [d.code for d in book.diagnostics if d.code == "W101"] == ["W101"]
    closed = parse_text('"Komm her", sagte er.\nEr ging.', config)
    assert not [d for d in closed.diagnostics if d.code == "W101"]


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("es", "--Ya voy --dijo él--. Vamos.", "—Ya voy —dijo él—. Vamos."),
        ("es", "-Ya voy -dijo él-. Vamos.", "—Ya voy —dijo él—. Vamos."),
        (
            "it",
            "--Vieni qui --disse lui--. Adesso.",
            "— Vieni qui\u00a0— disse lui\u00a0—. Adesso.",
        ),
        ("it", "- Chi è là? - chiese Paolo.", "— Chi è là?\u00a0— chiese Paolo."),
        (
            "pt",
            "- Vens? - perguntou ela. - Desculpa.",
            "— Vens?\u00a0— perguntou ela.\u00a0— Desculpa.",
        ),
        (
            "de",
            "Sie wartete - wie immer - bis zum Abend.",
            "Sie wartete\u00a0– wie immer\u00a0– bis zum Abend.",
        ),
        (
            "nl",
            "Hij wachtte -- zoals altijd -- tot de avond.",
            "Hij wachtte\u00a0– zoals altijd\u00a0– tot de avond.",
        ),
        ("fr", "type -- un gars -- bizarre.", "type\u00a0— un gars\u00a0— bizarre."),
        ("fr", "type — un gars — bizarre.", "type\u00a0— un gars\u00a0— bizarre."),
        ("fr", "- Bonjour, dit-il.", "— Bonjour, dit-il."),
        ("ru", "-- Привет, -- сказал он.", "— Привет,\u00a0— сказал он."),
        ("sv", "-- Hej, sa han.", "– Hej, sa han."),
        # A writer's own spaced en dash (autocorrect) takes the no-break space too.
        ("sv", "– Nej, sa han – nu.", "– Nej, sa han\u00a0– nu."),
        ("pl", "„To niemożliwe” – krzyknęła.", "„To niemożliwe”\u00a0— krzyknęła."),
        ("de", "Sie kam 1990–1995 – jedes Jahr.", "Sie kam 1990–1995\u00a0– jedes Jahr."),
        ("en", "It was – he said – late.", "It was – he said – late."),
    ],
)
def test_dialogue_dashes_follow_the_language(language: str, typed: str, expected: str) -> None:
    assert typeset(typed, language) == expected


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("pl", "\"Powiedział 'nie'\", rzekła.", "„Powiedział «nie»”, rzekła."),
        ("sv", "\"Han sa 'nej'\", sa hon.", "”Han sa ’nej’”, sa hon."),
        ("ru", "\"Он сказал 'нет'\", сказала она.", "«Он сказал „нет“», сказала она."),
        ("de", "\"Er sagte 'nein'\", sagte sie.", "„Er sagte ‚nein‘“, sagte sie."),
        # The writer typed the outer quotes in the language's marks, the inner straight.
        ("es", '«Dijo "mañana"».', "«Dijo “mañana”»."),
        ("de", '„Er hat "morgen" gesagt!“', "„Er hat ‚morgen‘ gesagt!“"),
        ("pl", '„Powiedział "jutro"!”', "„Powiedział «jutro»!”"),
        ("ru", '«Он сказал "завтра"!»', "«Он сказал „завтра“!»"),
        ("sv", '”Han sa "ja".” Hon log. ”Bra."', "”Han sa ’ja’.” Hon log. ”Bra.”"),
        ("de", '»Er sagte "nein".« Sie ging.', "»Er sagte ›nein‹.« Sie ging."),
        ("de", "»Er sagte 'nein'.«", "»Er sagte ›nein‹.«"),
        ("de-CH", '«Er sagte "nein".»', "«Er sagte ‹nein›.»"),
        ("de", '„Hallo", sagte er. "Komm."', "„Hallo“, sagte er. „Komm.“"),
    ],
)
def test_quotes_nest_as_the_language_sets_them(language: str, typed: str, expected: str) -> None:
    assert typeset(typed, language) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Ella dijo: --Ya voy.", "Ella dijo: —Ya voy."),
        ("Y él --pensó-- no vino.", "Y él —pensó— no vino."),
        ("Era el fin-- y lo sabía.", "Era el fin—y lo sabía."),
    ],
)
def test_spanish_asides_open_and_close_glued_to_their_words(typed: str, expected: str) -> None:
    assert typeset(typed, "es") == expected


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("de", "Er kam z. B. spät, d. h. nie.", "Er kam z.\u00a0B. spät, d.\u00a0h. nie."),
        ("ru", "Проф. Иванов, т. е. он.", "Проф.\u00a0Иванов, т.\u00a0е. он."),
        ("ru", "Это 2 км и 5 кг.", "Это 2\u00a0км и 5\u00a0кг."),
        ("nl", "Dhr. Jansen zag Mevr. Bakker.", "Dhr.\u00a0Jansen zag Mevr.\u00a0Bakker."),
        ("fr", "Il est 17 h, à 20 min.", "Il est 17\u00a0h, à 20\u00a0min."),
        # Initials are a name as typed, not an abbreviation.
        ("en", "J. K. Rowling wrote.", "J. K. Rowling wrote."),
    ],
)
def test_no_break_spaces_in_abbreviations_and_units(
    language: str, typed: str, expected: str
) -> None:
    """A lower-case honorific opening a sentence, two-part abbreviations and the
    units of every language keep their parts on one line."""
    assert typeset(typed, language) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("vite; trop vite. Pourquoi? Non!", "vite\u202f; trop vite. Pourquoi\u202f? Non\u202f!"),
        ("Il dit: oui. Quoi?!", "Il dit\u202f: oui. Quoi\u202f?!"),
        ('"Tu viens?" dit-il.', "«\u00a0Tu viens\u202f?\u00a0» dit-il."),
        # Times, addresses and smileys keep their form.
        ("À 12:30, voir http://a.fr/?q=1 ;)", "À 12:30, voir http://a.fr/?q=1\u202f;)"),
        # after a closing mark: a bracket, a quote, an ellipsis
        ("(oui)? «Non»! Quoi…?", "(oui)\u202f? «\u00a0Non\u00a0»\u202f! Quoi…\u202f?"),
    ],
)
def test_french_space_before_high_punctuation_typed_without_one(typed: str, expected: str) -> None:
    assert typeset(typed, "fr") == expected


def test_french_space_before_high_punctuation_after_markdown_emphasis() -> None:
    book = parse_text(
        "# Un\n\nTu viens **vraiment**? Oui *bien sûr*!\n", filename="x.md", language="fr"
    )
    assert plain_text(book.chapters[0].blocks[0].inlines) == (  # type: ignore[union-attr]
        "Tu viens vraiment\u202f? Oui bien sûr\u202f!"
    )


def test_a_repeated_paragraph_read_ahead_is_curled_and_counted_each_time() -> None:
    # The linter reads every paragraph's curl before typography sets it; a text the
    # book repeats ("Yes.") is remembered once and handed out as often as read.
    text = "\"'ad you,\" 'e said. 'Yes.'"
    fresh = Changes()
    expected = Typographer(TypographyConfig(), "en").curl_counted(text, fresh)
    typographer = Typographer(TypographyConfig(), "en")
    assert typographer.curled(text) == typographer.curled(text) == expected
    for _ in range(3):  # twice remembered, then curled afresh
        changes = Changes()
        assert typographer.curl_counted(text, changes) == expected
        assert (changes.quotes, changes.elisions) == (fresh.quotes, fresh.elisions)
    assert not typographer._remembered
