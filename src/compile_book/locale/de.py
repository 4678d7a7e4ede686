"""German: „ “ quotes (Swiss and Liechtenstein « »), numbers as one word.

Why a region variant: Swiss German typesetting uses guillemets pointing outwards
and writes "ss" for "ß", so "dreißig" becomes "dreissig" there.
"""

from __future__ import annotations

from dataclasses import replace

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("„", "“", "‚", "‘"),
    # Why: German books set dialogue in chevrons as often: »Komm«, ›nein‹.
    alt_quotes=(Quotes("»", "«", "›", "‹"),),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    # Why: German sets a dash between words as a spaced en dash ("er kam – spät – an").
    dash_space=True,
    dash="–",
    heading_words=PerKind(
        chapter=("kapitel", "kap."),
        part=("teil", "buch"),
        prologue=("prolog",),
        epilogue=("epilog",),
        interlude=("zwischenspiel",),
    ),
    label_words=PerKind(
        chapter="Kapitel",
        part="Teil",
        prologue="Prolog",
        epilogue="Epilog",
        interlude="Zwischenspiel",
    ),
    words=Words(
        contents="Inhalt",
        landmarks="Orientierungspunkte",
        cover="Umschlag",
        titlepage="Titelseite",
        copyright="Impressum",
        dedication="Widmung",
        epigraph="Motto",
        start="Beginn des Textes",
        chapter="Kapitel",
        part="Teil",
        rights="Alle Rechte vorbehalten.",
        cover_alt="Der Umschlag von {title}",
        also_by="Weitere Bücher von {author}",
        about_author="Über den Autor",
        acknowledgments="Danksagung",
        afterword="Nachwort",
        discussion="Fragen für Lesekreise",
        newsletter="Newsletter",
        newsletter_link="Jetzt anmelden",
        author_site="Mehr unter {url}",
        published_by="Erschienen bei {publisher}",
        copyright_line="© {year} {holders}",
        and_="und",
        summary=Summary(
            text=(
                "Diese Publikation ist umfließender Text mit gegliederten Überschriften, "
                "einem Inhaltsverzeichnis und einer logischen Lesereihenfolge. {images} Sie "
                "enthält keine Töne, kein Blinken und keine Bewegung."
            ),
            cover_only=(
                "Sie enthält keine Bilder außer dem Umschlag, der eine Textbeschreibung hat."
            ),
            none="Sie enthält keine Bilder.",
            besides_cover=(
                "Neben dem Umschlag, der eine Textbeschreibung hat, enthält sie {pictures}"
            ),
            has="Sie enthält {pictures}",
            one_with="eine Abbildung mit Textbeschreibung.",
            one_without="eine Abbildung ohne Textbeschreibung.",
            all_with="Abbildungen: {n}, jede mit Textbeschreibung.",
            none_with="Abbildungen: {n}, keine mit Textbeschreibung.",
            mixed="Abbildungen: {n}, davon {k} mit Textbeschreibung und {m} ohne.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "vorwort",
        "einleitung",
        "einführung",
        "vorbemerkung",
        "vorwort des übersetzers",
        "vorwort der übersetzerin",
    ),
    back_headings=(
        ("danksagung", "acknowledgments"),
        ("über den autor", "about-author"),
        ("über die autorin", "about-author"),
        ("nachwort", "afterword"),
        ("anmerkung des autors", "afterword"),
        ("anmerkung der autorin", "afterword"),
        ("fragen für lesekreise", "discussion"),
        ("leseprobe", "excerpt"),
        ("weitere bücher von", "also-by"),
        ("vom selben autor", "also-by"),
        ("von derselben autorin", "also-by"),
    ),
    # Article or pronoun followed by the same word as relative pronoun or object
    # ("die die Stadt kennen", "dass das das Ende ist", "wenn sie sie sieht"), and
    # dialogue ("ja ja", "nein nein", "so so").
    doubled_words=frozenset({"die", "der", "das", "sie", "ja", "nein", "so"}),
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "der die das den dem des ein eine einen einem einer eines und oder aber zu im in "
            "am an auf aus bei mit nach von vor für über unter um als wie er sie es ich wir "
            "ihr war waren ist sind hatte nicht kein keine"
        ).split()
    ),
    honorifics=("Hr", "Fr", "Dr", "Prof", "St"),
    by_words=("von",),
    dedication_words=("für", "in erinnerung an", "gewidmet"),
    num2words_langs=("de",),
    number_case="sentence",
    # Writers also leave out the "ein" of "einhundert".
    # "Erstes Kapitel", "Zweiter Teil": ordinals, with the endings the noun asks for.
    ordinals=("",),
    number_variants=((r"^einhundert", "hundert"), (r"e$", "es"), (r"e$", "er")),
)

_SWISS = replace(
    DATA,
    quotes=Quotes("«", "»", "‹", "›"),
    number_fixes=(("ß", "ss"),),
)

REGIONS: dict[str, LocaleData] = {"CH": _SWISS, "LI": _SWISS}
