"""French: « » with no-break spaces inside, thin no-break spaces before ; : ! ?

Why the inner “ ”: compile-book has always set French nested quotes that way.
Numbers written the Belgian or Swiss way (septante, huitante, nonante) are read
too; they are spelt the French way.
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("«", "»", "“", "”"),
    quote_space="\u00a0",
    punctuation_space="\u202f",
    dialogue="quotes",
    dash_space=True,
    dash_dialogue=True,
    heading_words=PerKind(
        chapter=("chapitre", "chap."),
        part=("partie", "livre"),
        prologue=("prologue",),
        epilogue=("épilogue",),
        interlude=("interlude",),
    ),
    label_words=PerKind(
        chapter="Chapitre",
        part="Partie",
        prologue="Prologue",
        epilogue="Épilogue",
        interlude="Interlude",
    ),
    words=Words(
        contents="Table des matières",
        landmarks="Repères",
        cover="Couverture",
        titlepage="Page de titre",
        copyright="Droits d’auteur",
        dedication="Dédicace",
        epigraph="Épigraphe",
        start="Début du texte",
        chapter="Chapitre",
        part="Partie",
        rights="Tous droits réservés.",
        cover_alt="La couverture de {title}",
        also_by="Autres livres de {author}",
        about_author="À propos de l’auteur",
        acknowledgments="Remerciements",
        afterword="Postface",
        discussion="Questions pour les clubs de lecture",
        newsletter="Lettre d’information",
        newsletter_link="S’inscrire",
        author_site="En savoir plus : {url}",
        published_by="Publié par {publisher}",
        copyright_line="© {year} {holders}",
        and_="et",
        summary=Summary(
            text=(
                "Cette publication est un texte recomposable, avec des titres structurés, une"
                " table des matières et un ordre de lecture logique. {images} Elle ne "
                "contient ni son, ni clignotement, ni animation."
            ),
            cover_only=(
                "Elle ne contient aucune image hormis la couverture, qui a une description "
                "textuelle."
            ),
            none="Elle ne contient aucune image.",
            besides_cover=(
                "Outre la couverture, qui a une description textuelle, elle contient {pictures}"
            ),
            has="Elle contient {pictures}",
            one_with="une illustration, qui a une description textuelle.",
            one_without="une illustration, sans description textuelle.",
            all_with="des illustrations (nombre : {n}), chacune avec une description textuelle.",
            none_with="des illustrations (nombre : {n}), dont aucune n’a de description textuelle.",
            mixed=(
                "des illustrations (nombre : {n}), dont {k} avec une description "
                "textuelle et {m} sans."
            ),
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "préface",
        "avant-propos",
        "introduction",
        "avertissement",
        "préface du traducteur",
        "préface de la traductrice",
        "note du traducteur",
        "note de la traductrice",
    ),
    back_headings=(
        ("note de l'autrice", "afterword"),
        ("note de l’autrice", "afterword"),
        ("remerciements", "acknowledgments"),
        ("à propos de l'auteur", "about-author"),
        ("à propos de l’auteur", "about-author"),
        ("à propos de l'autrice", "about-author"),
        ("à propos de l’autrice", "about-author"),
        ("postface", "afterword"),
        ("note de l'auteur", "afterword"),
        ("note de l’auteur", "afterword"),
        ("du même auteur", "also-by"),
        ("de la même autrice", "also-by"),
        ("extrait", "excerpt"),
    ),
    # Reflexive verbs double the pronoun ("nous nous levons", "vous vous trompez");
    # dialogue doubles answers ("si si", "non non", "oui oui").
    doubled_words=frozenset({"nous", "vous", "si", "non", "oui"}),
    # "M." is Monsieur. French typography writes "Mme"/"Mlle" without a dot; they are
    # listed for rules that tie an abbreviation to the name with or without one.
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "le la les l un une des du de d à au aux en dans sur sous par pour avec sans et "
            "ou mais que qui ce cette ces son sa ses il elle ils elles je nous on était est "
            "ne n"
        ).split()
    ),
    honorifics=("M", "Mme", "Mlle", "Dr", "Pr", "St"),
    by_words=("par",),
    dedication_words=("à", "pour", "en mémoire de", "a"),
    num2words_langs=("fr", "fr_BE", "fr_CH"),
    number_case="sentence",
    # "Chapitre premier", "Partie première": ordinals read back as heading numbers.
    ordinals=("",),
    number_variants=((r"ier\b", "ière"),),
)
