"""Direct tests of every locale: the data each language module carries and the helpers."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from compile_book.locale import HEADING_KINDS, Locale, Quotes, get_locale, roman

LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "ru"]

QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "en-GB": ("“", "”", "‘", "’"),
    "en-US": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "de-CH": ("«", "»", "‹", "›"),
    "fr": ("«", "»", "“", "”"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "nl": ("“", "”", "‘", "’"),
    "pt": ("«", "»", "“", "”"),
    "pt-BR": ("“", "”", "‘", "’"),
    "pl": ("„", "”", "«", "»"),
    "sv": ("”", "”", "’", "’"),
    "ru": ("«", "»", "„", "“"),
}

HEADING_WORDS = {
    "en": ("chapter", "part", "book", "prologue", "epilogue", "interlude"),
    "de": ("kapitel", "teil", "buch", "prolog", "epilog", "zwischenspiel"),
    "fr": ("chapitre", "partie", "livre", "prologue", "épilogue", "interlude"),
    "es": ("capítulo", "parte", "libro", "prólogo", "epílogo", "interludio"),
    "it": ("capitolo", "parte", "libro", "prologo", "epilogo", "interludio"),
    "nl": ("hoofdstuk", "deel", "boek", "proloog", "epiloog", "intermezzo"),
    "pt": ("capítulo", "parte", "livro", "prólogo", "epílogo", "interlúdio"),
    "pl": ("rozdział", "część", "prolog", "epilog"),
    "sv": ("kapitel", "del", "prolog", "epilog"),
    "ru": ("глава", "часть", "пролог", "эпилог"),
}

# Words that appear in books built today: they must never change.
EXISTING_WORDS = {
    "en": (
        "Contents", "Landmarks", "Cover", "Title Page", "Copyright", "Dedication", "Epigraph",
        "Start of Content", "Chapter", "All rights reserved.", "The cover of {title}",
    ),
    "de": (
        "Inhalt", "Orientierungspunkte", "Umschlag", "Titelseite", "Impressum", "Widmung",
        "Motto", "Beginn des Textes", "Kapitel", "Alle Rechte vorbehalten.",
        "Der Umschlag von {title}",
    ),
    "fr": (
        "Table des matières", "Repères", "Couverture", "Page de titre", "Droits d’auteur",
        "Dédicace", "Épigraphe", "Début du texte", "Chapitre", "Tous droits réservés.",
        "La couverture de {title}",
    ),
    "es": (
        "Índice", "Puntos de referencia", "Cubierta", "Portada", "Derechos de autor",
        "Dedicatoria", "Epígrafe", "Inicio del texto", "Capítulo",
        "Todos los derechos reservados.", "La cubierta de {title}",
    ),
}  # fmt: skip
EXISTING_FIELDS = (
    "contents", "landmarks", "cover", "titlepage", "copyright", "dedication", "epigraph",
    "start", "chapter", "rights", "cover_alt",
)  # fmt: skip
TEMPLATES = {
    "cover_alt": {"title"},
    "also_by": {"author"},
    "published_by": {"publisher"},
    "copyright_line": {"year", "holders"},
}
CONJUNCTIONS = {"en": "and", "de": "und", "fr": "et", "es": "y", "it": "e", "nl": "en", "pt": "e",
    "pl": "i", "sv": "och", "ru": "и",
}  # fmt: skip
TWENTY_ONE = {
    "de": "Einundzwanzig",
    "fr": "Vingt et un",
    "es": "Veintiuno",
    "it": "Ventuno",
    "nl": "Eenentwintig",
    "pt": "Vinte e um",
    "pl": "Dwadzieścia jeden",
    "sv": "Tjugoett",
    "ru": "Двадцать один",
}
MARCH = {
    "en": ("March 2026", "March 2, 2026"),
    "en-US": ("March 2026", "March 2, 2026"),
    "en-GB": ("March 2026", "2 March 2026"),
    "de": ("März 2026", "2. März 2026"),
    "fr": ("mars 2026", "2 mars 2026"),
    "es": ("marzo de 2026", "2 de marzo de 2026"),
    "it": ("marzo 2026", "2 marzo 2026"),
    "nl": ("maart 2026", "2 maart 2026"),
    "pt": ("março de 2026", "2 de março de 2026"),
}


# --------------------------------------------------------------------------- tags


@pytest.mark.parametrize(
    ("tag", "language", "region"),
    [
        ("en", "en", None),
        ("EN-gb", "en", "GB"),
        ("pt-BR", "pt", "BR"),
        ("de-CH", "de", "CH"),
        ("es-419", "es", "419"),
        ("zh-Hant-TW", "zh", "TW"),
        ("de-1996", "de", None),
        ("en-x-gb", "en", None),
        ("zz", "zz", None),
    ],
)
def test_tag_parsing(tag: str, language: str, region: str | None) -> None:
    locale = get_locale(tag)
    assert (locale.tag, locale.language, locale.region) == (tag, language, region)


def test_unknown_language_falls_back_to_english_data_but_keeps_its_tag() -> None:
    zz, en = get_locale("zz-QQ"), get_locale("en")
    assert (zz.tag, zz.language, zz.region) == ("zz-QQ", "zz", "QQ")
    assert zz.words == en.words
    assert zz.quotes == en.quotes
    assert zz.number_words(21) == "Twenty-One"


def test_unknown_region_falls_back_to_the_language() -> None:
    assert get_locale("de-AT").quotes == QUOTES["de"]
    assert get_locale("pt-PT").words.contents == "Índice"
    assert get_locale("pt-BR").words.contents == "Sumário"


def test_locales_are_cached_frozen_and_hashable() -> None:
    locale = get_locale("fr")
    assert get_locale("fr") is locale
    assert isinstance(locale, Locale)
    with pytest.raises(dataclasses.FrozenInstanceError):
        locale.tag = "de"  # type: ignore[misc]
    assert hash(locale) == hash(get_locale("fr"))


def test_importing_the_package_imports_no_language_module_nor_babel_nor_num2words() -> None:
    code = (
        "import sys, compile_book.locale as loc\n"
        "heavy = [m for m in ('babel', 'num2words') if m in sys.modules]\n"
        "langs = [m for m in sys.modules if m.startswith('compile_book.locale.')]\n"
        "assert not heavy and not langs, (heavy, langs)\n"
        "loc.get_locale('de')\n"
        "langs = [m for m in sys.modules if m.startswith('compile_book.locale.')]\n"
        "assert langs == ['compile_book.locale.de'], langs\n"
        "assert 'babel' not in sys.modules and 'num2words' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------- data


@pytest.mark.parametrize("tag", sorted(QUOTES))
def test_quotes(tag: str) -> None:
    quotes = get_locale(tag).quotes
    assert isinstance(quotes, Quotes)
    assert quotes == QUOTES[tag]
    assert all(len(q) == 1 for q in quotes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_spacing_and_dialogue(language: str) -> None:
    locale = get_locale(language)
    assert locale.quote_space == ("\u00a0" if language == "fr" else "")
    assert locale.punctuation_space == ("\u202f" if language == "fr" else "")
    assert locale.dialogue == ("dash" if language in ("es", "pt") else "quotes")
    assert locale.raya == (language == "es")
    assert locale.dash_space == (language not in ("en", "es"))
    assert locale.dash == ("–" if language in ("sv", "de", "nl") else "—")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_summary_is_in_the_books_language(language: str) -> None:
    summary = get_locale(language).words.summary
    english = get_locale("en").words.summary
    fields = {f.name: getattr(summary, f.name) for f in dataclasses.fields(summary)}
    assert all(v.strip() == v and v for v in fields.values())
    assert "{images}" in fields["text"] and "{pictures}" in fields["has"]
    assert "{pictures}" in fields["besides_cover"]
    assert all("{n}" in fields[k] for k in ("all_with", "none_with", "mixed"))
    assert "{k}" in fields["mixed"] and "{m}" in fields["mixed"]
    assert (summary == english) is (language == "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_are_all_present(language: str) -> None:
    words = get_locale(language).words
    for field in dataclasses.fields(words):
        value = getattr(words, field.name)
        if field.name == "summary":
            continue  # checked below, field by field
        assert isinstance(value, str) and value.strip() == value and value, field.name
    for name, keys in TEMPLATES.items():
        template = getattr(words, name)
        assert template.format(**dict.fromkeys(keys, "X")) != template, name
    assert words.and_ == CONJUNCTIONS[language]
    assert words.chapter == get_locale(language).label_words.chapter
    assert words.part == get_locale(language).label_words.part


@pytest.mark.parametrize("language", sorted(EXISTING_WORDS))
def test_existing_words_do_not_change(language: str) -> None:
    words = get_locale(language).words
    assert tuple(getattr(words, f) for f in EXISTING_FIELDS) == EXISTING_WORDS[language]


def test_new_words_of_note() -> None:
    assert get_locale("it").words.contents == "Indice"
    assert get_locale("it").words.rights == "Tutti i diritti riservati."
    assert get_locale("nl").words.contents == "Inhoud"
    assert get_locale("nl").words.rights == "Alle rechten voorbehouden."
    assert get_locale("pt").words.rights == "Todos os direitos reservados."
    en = get_locale("en").words
    assert en.copyright_line.format(year=2026, holders="Jane Doe") == "Copyright © 2026 Jane Doe"
    assert en.also_by.format(author="Jane Doe") == "Also by Jane Doe"
    assert en.about_author == "About the Author"
    assert en.published_by.format(publisher="Salt") == "Published by Salt"


@pytest.mark.parametrize("language", LANGUAGES)
def test_heading_and_label_words(language: str) -> None:
    locale = get_locale(language)
    found = [w for _, words in locale.heading_words.items() for w in words]
    assert set(HEADING_WORDS[language]) <= set(found)
    assert all(w == w.lower() for w in found)
    for kind in HEADING_KINDS:
        label = locale.label_words[kind]
        assert label[:1].isupper()
        assert label.lower() == locale.heading_words[kind][0]
    with pytest.raises(KeyError):
        locale.heading_words["chpater"]


def test_english_heading_words_exactly() -> None:
    en = get_locale("en")
    assert en.heading_words.chapter == ("chapter", "chap.", "ch.")
    assert en.heading_words["part"] == ("part", "book")
    assert [label for _, label in en.label_words.items()] == [
        "Chapter",
        "Part",
        "Prologue",
        "Epilogue",
        "Interlude",
    ]


def test_english_doubled_words_and_honorifics_exactly() -> None:
    en = get_locale("en")
    assert en.doubled_words == frozenset(
        "had that bye no yes very so ha haha ho hee knock tut there well now chop night boo go "
        "come out bang boom la da dum pom tick tock fast far many much really round more away "
        "blah yada hush shh oh ah uh um hmm yeah yep nope wow hey whoa oops ooh aah ow "
        "okay ok please drip tap click clack ding dong chug puff toot beep".split()
    )
    assert en.honorifics == tuple("Mr Mrs Ms Mx Dr St Mt Prof Capt Sgt Lt Col Gen Rev Fr".split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_doubled_words_and_honorifics(language: str) -> None:
    locale = get_locale(language)
    assert locale.doubled_words
    assert all(w == w.lower() and " " not in w for w in locale.doubled_words)
    assert locale.honorifics
    assert all("." not in h for h in locale.honorifics)


def test_some_doublings_and_honorifics() -> None:
    assert {"die", "der", "das"} <= get_locale("de").doubled_words
    assert {"nous", "vous"} <= get_locale("fr").doubled_words
    assert {"dat", "die"} <= get_locale("nl").doubled_words
    assert "M" in get_locale("fr").honorifics
    assert "Dña" in get_locale("es").honorifics


# --------------------------------------------------------------------------- numbers


def test_english_number_words_exactly() -> None:
    en = get_locale("en")
    assert en.number_words(3) == "Three"
    assert en.number_words(21) == "Twenty-One"
    assert en.number_words(100) == "One Hundred"
    assert en.number_words(101) == "One Hundred and One"
    assert en.number_words(10000) == "10000"
    assert en.number_words(-1) == "-1"


@pytest.mark.parametrize(("language", "expected"), sorted(TWENTY_ONE.items()))
def test_other_languages_capitalise_the_first_letter(language: str, expected: str) -> None:
    assert get_locale(language).number_words(21) == expected


def test_regional_number_spellings() -> None:
    assert get_locale("de").number_words(30) == "Dreißig"
    assert get_locale("de-CH").number_words(30) == "Dreissig"
    assert get_locale("pt").number_words(16) == "Dezasseis"
    assert get_locale("pt-BR").number_words(16) == "Dezesseis"
    assert get_locale("pt").number_value("dezesseis") == 16
    assert get_locale("nl").number_words(101) == "Honderdeen"
    assert get_locale("nl").number_words(1) == "Één"


@pytest.mark.parametrize("tag", [*LANGUAGES, "de-CH", "pt-BR"])
def test_number_words_round_trip(tag: str) -> None:
    locale = get_locale(tag)
    for n in range(1, 121):
        written = locale.number_words(n)
        assert locale.number_value(written) == n, written
        assert locale.number_value(written.upper()) == n, written
        assert locale.number_value(written.replace("-", " ")) == n, written


@pytest.mark.parametrize(
    ("tag", "text", "value"),
    [
        ("en", "Twenty-One", 21),
        ("en", "twenty one", 21),
        ("en", "TWENTY  ONE", 21),
        ("en", "One Hundred and One", 101),
        ("en", "one hundred one", 101),
        ("en", "29", 29),
        ("en", " IV ", 4),
        ("en", "xii", 12),
        ("en", "MMMCMXCIX", 3999),
        ("de", "einundzwanzig", 21),
        ("de", "Dreissig", 30),
        ("de", "hundertdrei", 103),
        ("fr", "vingt et un", 21),
        ("fr", "vingt-et-un", 21),
        ("fr", "Dix", 10),
        ("fr", "septante", 70),
        ("es", "veintiuno", 21),
        ("es", "dieciseis", 16),
        ("it", "centuno", 101),
        ("nl", "een", 1),
        ("pt", "vinte e um", 21),
        ("pl", "dwadzieścia jeden", 21),
        ("sv", "en", 1),
        ("ru", "двадцать один", 21),
    ],
)
def test_number_value(tag: str, text: str, value: int) -> None:
    assert get_locale(tag).number_value(text) == value


@pytest.mark.parametrize("text", ["", "fish", "IIII", "VX", "MMMM", "twenty fish", "²", "x" * 500])
def test_number_value_rejects(text: str) -> None:
    assert get_locale("en").number_value(text) is None


def test_roman() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 3999)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XL",
        "XC",
        "CD",
        "MCMXCIV",
        "MMMCMXCIX",
    ]
    assert roman(0) == "0" and roman(4000) == "4000"
    en = get_locale("en")
    assert all(en.number_value(roman(n)) == n for n in range(1, 4000))


@pytest.mark.parametrize("language", LANGUAGES)
def test_format_number(language: str) -> None:
    locale = get_locale(language)
    assert locale.format_number(4, "Four", "as-written") == "Four"
    assert locale.format_number(4, "4", "roman") == "IV"
    assert locale.format_number(4000, "4000", "roman") == "4000"
    assert locale.format_number(4, "IV", "arabic") == "4"
    assert locale.format_number(21, "21", "words") == locale.number_words(21)
    assert locale.format_number(None, "Four", "words") == "Four"
    assert locale.format_number(None, None, "roman") is None
    with pytest.raises(ValueError):
        locale.format_number(4, "4", "letters")


# --------------------------------------------------------------------------- names, dates


@pytest.mark.parametrize("language", LANGUAGES)
def test_join_names(language: str) -> None:
    locale = get_locale(language)
    conjunction = CONJUNCTIONS[language]
    assert locale.join_names([]) == ""
    assert locale.join_names(["Jane Doe"]) == "Jane Doe"
    assert locale.join_names("Jane Doe") == "Jane Doe"
    assert locale.join_names(["Jane Doe", "John Roe"]) == f"Jane Doe {conjunction} John Roe"
    assert (
        locale.join_names(("Jane Doe", "John Roe", "Ann Poe"))
        == f"Jane Doe, John Roe {conjunction} Ann Poe"
    )


def test_join_names_conjunction_rules() -> None:
    es = get_locale("es")
    assert es.join_names(["Juan", "Isabel"]) == "Juan e Isabel"
    assert es.join_names(["Ana", "Hilario"]) == "Ana e Hilario"
    assert es.join_names(["Ana", "Iago"]) == "Ana y Iago"
    assert get_locale("it").join_names(["Anna", "Elena"]) == "Anna ed Elena"
    assert get_locale("en").join_names(["Ann", "Isabel"]) == "Ann and Isabel"


@pytest.mark.parametrize("tag", sorted(MARCH))
def test_format_date(tag: str) -> None:
    locale = get_locale(tag)
    assert locale.format_date("2026") == "2026"
    assert (locale.format_date("2026-03"), locale.format_date("2026-03-02")) == MARCH[tag]


def test_format_date_falls_back_to_the_iso_string() -> None:
    assert get_locale("zz").format_date("2026-03-02") == "2026-03-02"
    assert get_locale("de-ZZ").format_date("2026-03-02") == "2. März 2026"
    assert get_locale("en").format_date("2026-02-30") == "2026-02-30"
    assert get_locale("en").format_date("March 2026") == "March 2026"


@pytest.mark.parametrize(
    ("tag", "text", "value"),
    [
        ("pl", "drugi", 2),
        ("pl", "druga", 2),
        ("pl", "dwudziesty pierwszy", 21),
        ("ru", "вторая", 2),
        ("ru", "первый", 1),
        ("ru", "двадцать первая", 21),
    ],
)
def test_ordinal_heading_numbers(tag: str, text: str, value: int) -> None:
    assert get_locale(tag).number_value(text) == value
