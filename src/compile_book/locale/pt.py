"""Portuguese: « » in Portugal, “ ” in Brazil; dialogue marked with the travessão (—).

Why a region variant: Brazil differs in quotes, in the name of the table of
contents ("Sumário") and in number spelling ("dezesseis" against "dezasseis");
both spellings are read in either region.
"""

from __future__ import annotations

from dataclasses import replace

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("«", "»", "“", "”"),
    quote_space="",
    punctuation_space="",
    dialogue="dash",
    # Why: the travessão is set spaced in Portugal and Brazil alike ("— Vens? — perguntou
    # ela. — Desculpa."), not glued to the words as the Spanish raya is.
    dash_space=True,
    heading_words=PerKind(
        chapter=("capítulo", "cap."),
        part=("parte", "livro"),
        prologue=("prólogo",),
        epilogue=("epílogo",),
        interlude=("interlúdio",),
    ),
    label_words=PerKind(
        chapter="Capítulo",
        part="Parte",
        prologue="Prólogo",
        epilogue="Epílogo",
        interlude="Interlúdio",
    ),
    words=Words(
        contents="Índice",
        landmarks="Pontos de referência",
        cover="Capa",
        titlepage="Folha de rosto",
        copyright="Direitos de autor",
        dedication="Dedicatória",
        epigraph="Epígrafe",
        start="Início do texto",
        chapter="Capítulo",
        part="Parte",
        rights="Todos os direitos reservados.",
        cover_alt="A capa de {title}",
        also_by="Outros livros de {author}",
        about_author="Sobre o autor",
        acknowledgments="Agradecimentos",
        afterword="Posfácio",
        discussion="Perguntas para clubes de leitura",
        newsletter="Newsletter",
        newsletter_link="Inscreva-se",
        author_site="Mais em {url}",
        published_by="Publicado por {publisher}",
        copyright_line="© {year} {holders}",
        and_="e",
        summary=Summary(
            text=(
                "Esta publicação é texto ajustável, com títulos estruturados, um sumário e "
                "uma ordem de leitura lógica. {images} Não tem sons, conteúdo intermitente "
                "nem movimento."
            ),
            cover_only="Não tem imagens além da capa, que tem uma descrição textual.",
            none="Não tem imagens.",
            besides_cover="Além da capa, que tem uma descrição textual, tem {pictures}",
            has="Tem {pictures}",
            one_with="uma ilustração, com descrição textual.",
            one_without="uma ilustração, sem descrição textual.",
            all_with="ilustrações (ao todo, {n}), cada uma com descrição textual.",
            none_with="ilustrações (ao todo, {n}), nenhuma com descrição textual.",
            mixed="ilustrações (ao todo, {n}): {k} com descrição textual, {m} sem.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "prefácio",
        "introdução",
        "apresentação",
        "nota do tradutor",
        "nota da tradutora",
        "advertência",
    ),
    back_headings=(
        ("agradecimentos", "acknowledgments"),
        ("sobre o autor", "about-author"),
        ("sobre a autora", "about-author"),
        ("posfácio", "afterword"),
        ("nota do autor", "afterword"),
        ("nota da autora", "afterword"),
        ("do mesmo autor", "also-by"),
        ("da mesma autora", "also-by"),
        ("outros livros de", "also-by"),
    ),
    # Dialogue answers ("sim sim", "não não") and Brazilian "já já" (right away).
    doubled_words=frozenset({"sim", "não", "já"}),
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "o a os as um uma uns umas de do da dos das em no na nos nas por para com sem e "
            "ou mas que se seu sua ele ela eu era é não"
        ).split()
    ),
    honorifics=("Sr", "Sra", "Dr", "Dra"),
    by_words=("por",),
    dedication_words=("a", "à", "ao", "para", "em memória de", "dedicado a"),
    num2words_langs=("pt", "pt_BR"),
    number_case="sentence",
    # "Capítulo primeiro", "Parte segunda": ordinals, and their feminine.
    ordinals=("",),
    number_variants=((r"o\b", "a"),),
)

_BRAZIL = replace(
    DATA,
    quotes=Quotes("“", "”", "‘", "’"),
    words=replace(DATA.words, contents="Sumário", copyright="Direitos autorais"),
    num2words_langs=("pt_BR", "pt"),
)

REGIONS: dict[str, LocaleData] = {"BR": _BRAZIL}
