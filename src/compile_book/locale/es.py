"""Spanish: « » outside, “ ” inside, dialogue marked with the raya (—).

Why conjunction rules: "y" becomes "e" before a name that starts with the
sound i ("Juan e Isabel", "Ana e Hilario"), but not before a diphthong ("y Iago").
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("«", "»", "“", "”"),
    quote_space="",
    punctuation_space="",
    dialogue="dash",
    raya=True,
    heading_words=PerKind(
        chapter=("capítulo", "cap."),
        part=("parte", "libro"),
        prologue=("prólogo",),
        epilogue=("epílogo",),
        interlude=("interludio",),
    ),
    label_words=PerKind(
        chapter="Capítulo",
        part="Parte",
        prologue="Prólogo",
        epilogue="Epílogo",
        interlude="Interludio",
    ),
    words=Words(
        contents="Índice",
        landmarks="Puntos de referencia",
        cover="Cubierta",
        titlepage="Portada",
        copyright="Derechos de autor",
        dedication="Dedicatoria",
        epigraph="Epígrafe",
        start="Inicio del texto",
        chapter="Capítulo",
        part="Parte",
        rights="Todos los derechos reservados.",
        cover_alt="La cubierta de {title}",
        also_by="Otros libros de {author}",
        about_author="Sobre el autor",
        acknowledgments="Agradecimientos",
        afterword="Posfacio",
        discussion="Preguntas para clubes de lectura",
        newsletter="Boletín",
        newsletter_link="Suscríbete",
        author_site="Más en {url}",
        published_by="Publicado por {publisher}",
        # Spanish credits put a comma after the year: "© 2026, Ana Gil".
        copyright_line="© {year}, {holders}",
        and_="y",
        summary=Summary(
            text=(
                "Esta publicación es texto adaptable, con encabezados estructurados, un "
                "índice y un orden de lectura lógico. {images} No tiene sonidos, destellos ni"
                " movimiento."
            ),
            cover_only="No tiene imágenes salvo la cubierta, que tiene una descripción textual.",
            none="No tiene imágenes.",
            besides_cover=(
                "Además de la cubierta, que tiene una descripción textual, tiene {pictures}"
            ),
            has="Tiene {pictures}",
            one_with="una ilustración, que tiene una descripción textual.",
            one_without="una ilustración, sin descripción textual.",
            all_with="ilustraciones (en total, {n}), cada una con una descripción textual.",
            none_with="ilustraciones (en total, {n}), ninguna con descripción textual.",
            mixed="ilustraciones (en total, {n}): {k} con descripción textual y {m} sin ella.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "prefacio",
        "prólogo del autor",
        "introducción",
        "nota del traductor",
        "nota de la traductora",
        "advertencia",
    ),
    back_headings=(
        ("agradecimientos", "acknowledgments"),
        ("sobre el autor", "about-author"),
        ("sobre la autora", "about-author"),
        ("acerca del autor", "about-author"),
        ("acerca de la autora", "about-author"),
        ("posfacio", "afterword"),
        ("nota del autor", "afterword"),
        ("nota de la autora", "afterword"),
        ("del mismo autor", "also-by"),
        ("de la misma autora", "also-by"),
        ("otros libros de", "also-by"),
    ),
    # Dialogue answers ("no no", "sí sí") and laughter ("ja ja").
    doubled_words=frozenset({"no", "sí", "ja"}),
    # Don/Doña abbreviate to "D." and "Dña." before a name.
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "el la los las lo un una unos unas de del a al en con por para sin sobre y o pero "
            "que se su sus él ella yo era es no"
        ).split()
    ),
    honorifics=("Sr", "Sra", "Srta", "Dr", "Dra", "D", "Dña"),
    by_words=("por",),
    dedication_words=("a", "para", "en memoria de", "dedicado a"),
    num2words_langs=("es",),
    number_case="sentence",
    # "Capítulo primero", "Parte segunda": ordinals, and their feminine.
    ordinals=("",),
    number_variants=((r"o\b", "a"),),
    conjunction_rules=((r"(?i)h?[ií](?![aeiouáéíóú])", "e"),),
)
