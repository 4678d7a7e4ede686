"""Polish: „ ” outside, « » inside; dialogue with a spaced dash ("— Tak — powiedział.").

Why spaced dashes: Polish sets the dialogue dash (pauza) and dashes between words
with spaces on both sides, so a closed-up English em dash would be wrong.
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("„", "”", "«", "»"),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    dash_space=True,
    dash_dialogue=True,
    heading_words=PerKind(
        chapter=("rozdział", "rozdz."),
        part=("część", "księga"),
        prologue=("prolog",),
        epilogue=("epilog",),
        interlude=("interludium",),
    ),
    label_words=PerKind(
        chapter="Rozdział",
        part="Część",
        prologue="Prolog",
        epilogue="Epilog",
        interlude="Interludium",
    ),
    words=Words(
        contents="Spis treści",
        landmarks="Punkty orientacyjne",
        cover="Okładka",
        titlepage="Strona tytułowa",
        copyright="Prawa autorskie",
        dedication="Dedykacja",
        epigraph="Motto",
        start="Początek tekstu",
        chapter="Rozdział",
        part="Część",
        rights="Wszelkie prawa zastrzeżone.",
        cover_alt="Okładka książki {title}",
        also_by="Inne książki autora: {author}",
        about_author="O autorze",
        acknowledgments="Podziękowania",
        afterword="Posłowie",
        discussion="Pytania dla klubów książki",
        newsletter="Newsletter",
        newsletter_link="Zapisz się",
        author_site="Więcej na {url}",
        published_by="Wydawca: {publisher}",
        copyright_line="© {year} {holders}",
        and_="i",
        summary=Summary(
            text=(
                "Ta publikacja to tekst o płynnym układzie, ze strukturą nagłówków, spisem "
                "treści i logiczną kolejnością czytania. {images} Nie zawiera dźwięków, "
                "migających treści ani ruchu."
            ),
            cover_only="Nie zawiera obrazów poza okładką, która ma opis tekstowy.",
            none="Nie zawiera obrazów.",
            besides_cover="Poza okładką, która ma opis tekstowy, zawiera {pictures}",
            has="Zawiera {pictures}",
            one_with="jedną ilustrację z opisem tekstowym.",
            one_without="jedną ilustrację bez opisu tekstowego.",
            all_with="ilustracje (liczba: {n}), każdą z opisem tekstowym.",
            none_with="ilustracje (liczba: {n}); żadna nie ma opisu tekstowego.",
            mixed="ilustracje (liczba: {n}): z opisem tekstowym {k}, bez opisu {m}.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "przedmowa",
        "wstęp",
        "wprowadzenie",
        "od tłumacza",
        "słowo wstępne",
    ),
    back_headings=(
        ("od autorki", "afterword"),
        ("podziękowania", "acknowledgments"),
        ("o autorze", "about-author"),
        ("o autorce", "about-author"),
        ("posłowie", "afterword"),
        ("od autora", "afterword"),
        ("tego samego autora", "also-by"),
    ),
    # Dialogue answers ("tak tak", "nie nie") and the particle "no no".
    doubled_words=frozenset({"tak", "nie", "no"}),
    honorifics=("dr", "Dr", "prof", "Prof", "św", "ks"),
    dedication_words=("dla", "pamięci", "mojej", "mojemu", "moim"),
    num2words_langs=("pl",),
    number_case="sentence",
    ordinals=("",),
    # Feminine ordinals for "Część druga": num2words writes the masculine only.
    number_variants=((r"gi\b", "ga"), (r"ci\b", "cia"), (r"y\b", "a")),
)
