"""Swedish: ” ” and ’ ’ (the same mark opens and closes); dialogue with a spaced
en dash, the talstreck ("– Hej, sa han.").

Why the same mark on both sides: Swedish typesetting uses the right double quote
to open as well as to close.
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("”", "”", "’", "’"),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    dash_space=True,
    dash_dialogue=True,
    dash="–",
    heading_words=PerKind(
        chapter=("kapitel", "kap."),
        part=("del", "bok"),
        prologue=("prolog",),
        epilogue=("epilog",),
        interlude=("mellanspel",),
    ),
    label_words=PerKind(
        chapter="Kapitel",
        part="Del",
        prologue="Prolog",
        epilogue="Epilog",
        interlude="Mellanspel",
    ),
    words=Words(
        contents="Innehåll",
        landmarks="Orienteringspunkter",
        cover="Omslag",
        titlepage="Titelsida",
        copyright="Upphovsrätt",
        dedication="Tillägnan",
        epigraph="Motto",
        start="Textens början",
        chapter="Kapitel",
        part="Del",
        rights="Alla rättigheter förbehållna.",
        cover_alt="Omslaget till {title}",
        also_by="Av samma författare: {author}",
        about_author="Om författaren",
        acknowledgments="Tack",
        afterword="Efterord",
        discussion="Frågor för bokcirklar",
        newsletter="Nyhetsbrev",
        newsletter_link="Prenumerera",
        author_site="Mer på {url}",
        published_by="Utgiven av {publisher}",
        copyright_line="© {year} {holders}",
        and_="och",
        summary=Summary(
            text=(
                "Den här publikationen är flytande text med strukturerade rubriker, en "
                "innehållsförteckning och en logisk läsordning. {images} Den innehåller inga "
                "ljud, inget blinkande och ingen rörelse."
            ),
            cover_only="Den innehåller inga bilder utom omslaget, som har en textbeskrivning.",
            none="Den innehåller inga bilder.",
            besides_cover="Utöver omslaget, som har en textbeskrivning, innehåller den {pictures}",
            has="Den innehåller {pictures}",
            one_with="en illustration med textbeskrivning.",
            one_without="en illustration utan textbeskrivning.",
            all_with="illustrationer (antal: {n}), var och en med textbeskrivning.",
            none_with="illustrationer (antal: {n}), ingen med textbeskrivning.",
            mixed="illustrationer (antal: {n}): {k} med textbeskrivning, {m} utan.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "förord",
        "inledning",
        "översättarens förord",
    ),
    back_headings=(
        ("författarens tack", "acknowledgments"),
        ("om författarinnan", "about-author"),
        ("tack", "acknowledgments"),
        ("om författaren", "about-author"),
        ("efterord", "afterword"),
        ("av samma författare", "also-by"),
    ),
    # Dialogue answers ("ja ja", "nej nej") and "så så" (there, there).
    doubled_words=frozenset({"ja", "nej", "så"}),
    honorifics=("dr", "Dr", "prof", "Prof", "St"),
    by_words=("av",),
    dedication_words=("till", "för", "tillägnad", "till minne av"),
    num2words_langs=("sv",),
    number_case="sentence",
    # "Första kapitlet", "Andra delen": ordinals, before the word's definite form.
    ordinals=("",),
    after_ordinal=(("kapitlet", "Kapitel"), ("delen", "Del"), ("boken", "Bok")),
    # Writers say "kapitel ett" but also "en" for one.
    number_variants=((r"^ett$", "en"),),
)
