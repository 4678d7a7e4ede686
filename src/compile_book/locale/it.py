"""Italian: « » outside, “ ” inside; numbers as one word ("ventuno").

Why number variants: both "centouno" and "centuno" are in use for 101.
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("«", "»", "“", "”"),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    # Why: Italian novels mark dialogue with « » or with a dash, and set that dash spaced
    # on both sides ("— Vieni — disse lui."), not glued to the words as Spanish does.
    dash_space=True,
    dash_dialogue=True,
    heading_words=PerKind(
        chapter=("capitolo", "cap."),
        part=("parte", "libro"),
        prologue=("prologo",),
        epilogue=("epilogo",),
        interlude=("interludio",),
    ),
    label_words=PerKind(
        chapter="Capitolo",
        part="Parte",
        prologue="Prologo",
        epilogue="Epilogo",
        interlude="Interludio",
    ),
    words=Words(
        contents="Indice",
        landmarks="Punti di riferimento",
        cover="Copertina",
        titlepage="Frontespizio",
        copyright="Copyright",
        dedication="Dedica",
        epigraph="Epigrafe",
        start="Inizio del testo",
        chapter="Capitolo",
        part="Parte",
        rights="Tutti i diritti riservati.",
        cover_alt="La copertina di {title}",
        also_by="Altri libri di {author}",
        about_author="L’autore",
        acknowledgments="Ringraziamenti",
        afterword="Postfazione",
        discussion="Domande per i gruppi di lettura",
        newsletter="Newsletter",
        newsletter_link="Iscriviti",
        author_site="Di più su {url}",
        published_by="Pubblicato da {publisher}",
        copyright_line="© {year} {holders}",
        and_="e",
        summary=Summary(
            text=(
                "Questa pubblicazione è un testo adattabile, con titoli strutturati, un indice e"
                " un ordine di lettura logico. {images} Non contiene suoni, lampeggiamenti né"
                " movimento."
            ),
            cover_only=(
                "Non contiene immagini tranne la copertina, che ha una descrizione testuale."
            ),
            none="Non contiene immagini.",
            besides_cover=(
                "Oltre alla copertina, che ha una descrizione testuale, contiene {pictures}"
            ),
            has="Contiene {pictures}",
            one_with="un'illustrazione, con una descrizione testuale.",
            one_without="un'illustrazione, senza descrizione testuale.",
            all_with="illustrazioni (in tutto {n}), ognuna con una descrizione testuale.",
            none_with="illustrazioni (in tutto {n}), nessuna con descrizione testuale.",
            mixed="illustrazioni (in tutto {n}): {k} con descrizione testuale, {m} senza.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "prefazione",
        "premessa",
        "introduzione",
        "nota del traduttore",
        "nota della traduttrice",
    ),
    back_headings=(
        ("nota dell'autrice", "afterword"),
        ("nota dell’autrice", "afterword"),
        ("ringraziamenti", "acknowledgments"),
        ("l'autore", "about-author"),
        ("l’autore", "about-author"),
        ("l'autrice", "about-author"),
        ("l’autrice", "about-author"),
        ("postfazione", "afterword"),
        ("nota dell'autore", "afterword"),
        ("nota dell’autore", "afterword"),
        ("dello stesso autore", "also-by"),
        ("della stessa autrice", "also-by"),
    ),
    # Idioms that double ("via via", "piano piano", "così così", "quasi quasi") and
    # dialogue answers ("no no", "sì sì").
    doubled_words=frozenset({"no", "sì", "via", "piano", "così", "quasi"}),
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "il lo la i gli le l un uno una di del della dei a al alla da in nel nella con su "
            "per tra fra e o ma che si suo sua era è non"
        ).split()
    ),
    honorifics=("Sig", "Sigg", "Dott", "Prof"),
    by_words=("di",),
    dedication_words=("a", "per", "in memoria di", "dedicato a"),
    num2words_langs=("it",),
    number_case="sentence",
    # "Capitolo primo", "Parte seconda": ordinals, and their feminine.
    ordinals=("",),
    number_variants=((r"cento(?=u)", "cent"), (r"o\b", "a")),
    # "ed" before a name that starts with e ("Anna ed Elena"), as editors still ask.
    conjunction_rules=((r"(?i)[eé]", "ed"),),
)
