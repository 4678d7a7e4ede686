"""Dutch: “ ” ‘ ’ quotes; numbers as one word ("eenentwintig").

Why a number fix: num2words writes "honderdéén", but the accent marks the
stand-alone numeral "één" only; inside a compound it is "honderdeen".
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("“", "”", "‘", "’"),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    # Why: Dutch sets a dash between words as a spaced en dash ("hij kwam – laat – aan").
    dash_space=True,
    dash="–",
    heading_words=PerKind(
        chapter=("hoofdstuk", "hfst."),
        part=("deel", "boek"),
        prologue=("proloog",),
        epilogue=("epiloog",),
        interlude=("intermezzo",),
    ),
    label_words=PerKind(
        chapter="Hoofdstuk",
        part="Deel",
        prologue="Proloog",
        epilogue="Epiloog",
        interlude="Intermezzo",
    ),
    words=Words(
        contents="Inhoud",
        landmarks="Oriëntatiepunten",
        cover="Omslag",
        titlepage="Titelpagina",
        # The Dutch copyright page is the colophon.
        copyright="Colofon",
        # A book's dedication is its "opdracht".
        dedication="Opdracht",
        epigraph="Motto",
        start="Begin van de tekst",
        chapter="Hoofdstuk",
        part="Deel",
        rights="Alle rechten voorbehouden.",
        cover_alt="De omslag van {title}",
        also_by="Ook van {author}",
        about_author="Over de auteur",
        acknowledgments="Dankwoord",
        afterword="Nawoord",
        discussion="Vragen voor leesclubs",
        newsletter="Nieuwsbrief",
        newsletter_link="Aanmelden",
        author_site="Meer op {url}",
        published_by="Uitgegeven door {publisher}",
        copyright_line="© {year} {holders}",
        and_="en",
        summary=Summary(
            text=(
                "Deze publicatie is herschikbare tekst met gestructureerde koppen, een "
                "inhoudsopgave en een logische leesvolgorde. {images} Ze bevat geen geluid, "
                "knipperende inhoud of beweging."
            ),
            cover_only=(
                "Ze bevat geen afbeeldingen behalve de omslag, die een tekstbeschrijving heeft."
            ),
            none="Ze bevat geen afbeeldingen.",
            besides_cover="Naast de omslag, die een tekstbeschrijving heeft, bevat ze {pictures}",
            has="Ze bevat {pictures}",
            one_with="één illustratie, met een tekstbeschrijving.",
            one_without="één illustratie, zonder tekstbeschrijving.",
            all_with="illustraties (aantal: {n}), elk met een tekstbeschrijving.",
            none_with="illustraties (aantal: {n}), geen met een tekstbeschrijving.",
            mixed="illustraties (aantal: {n}): {k} met een tekstbeschrijving, {m} zonder.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "voorwoord",
        "inleiding",
        "woord vooraf",
        "noot van de vertaler",
    ),
    back_headings=(
        ("dankwoord", "acknowledgments"),
        ("dankbetuiging", "acknowledgments"),
        ("over de auteur", "about-author"),
        ("over de schrijver", "about-author"),
        ("nawoord", "afterword"),
        ("van dezelfde auteur", "also-by"),
        ("ook van", "also-by"),
    ),
    # Conjunction or relative pronoun before the same word as pronoun or article
    # ("ik denk dat dat klopt", "de man die die hond had"); dialogue ("ja ja", "nee nee").
    doubled_words=frozenset({"dat", "die", "ja", "nee"}),
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "de het een van in op aan met voor naar bij uit om te tot en of maar dat die dit "
            "hij zij ze ik wij we het was waren is niet geen"
        ).split()
    ),
    honorifics=("dhr", "mevr", "Dr", "Prof"),
    by_words=("door",),
    dedication_words=("voor", "ter nagedachtenis aan", "opgedragen aan"),
    num2words_langs=("nl",),
    number_case="sentence",
    number_fixes=((r"(?<=\w)één", "een"),),
    # "Eerste deel", "Tweede boek": ordinals before the word.
    ordinals=("",),
)
