"""Russian: « » outside, „ “ inside; dialogue with a spaced dash ("— Да, — сказал он.").

Why spaced dashes: Russian sets the dash between words and in dialogue with a
space on each side (a no-break space before it), never closed up.
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Summary, Words

DATA = LocaleData(
    quotes=Quotes("«", "»", "„", "“"),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    dash_space=True,
    dash_dialogue=True,
    heading_words=PerKind(
        chapter=("глава",),
        part=("часть", "книга"),
        prologue=("пролог",),
        epilogue=("эпилог",),
        interlude=("интерлюдия",),
    ),
    label_words=PerKind(
        chapter="Глава",
        part="Часть",
        prologue="Пролог",
        epilogue="Эпилог",
        interlude="Интерлюдия",
    ),
    words=Words(
        contents="Содержание",
        landmarks="Ориентиры",
        cover="Обложка",
        titlepage="Титульный лист",
        copyright="Авторские права",
        dedication="Посвящение",
        epigraph="Эпиграф",
        start="Начало текста",
        chapter="Глава",
        part="Часть",
        rights="Все права защищены.",
        cover_alt="Обложка книги «{title}»",
        also_by="Другие книги автора: {author}",
        about_author="Об авторе",
        acknowledgments="Благодарности",
        afterword="Послесловие",
        discussion="Вопросы для обсуждения",
        newsletter="Рассылка",
        newsletter_link="Подписаться",
        author_site="Подробнее: {url}",
        published_by="Издательство {publisher}",
        copyright_line="© {year} {holders}",
        and_="и",
        summary=Summary(
            text=(
                "Эта публикация — текст с адаптивной вёрсткой, структурированными "
                "заголовками, оглавлением и логическим порядком чтения. {images} "
                "В ней нет ни звуков, ни мерцания, ни движения."
            ),
            cover_only="В ней нет изображений, кроме обложки, у которой есть текстовое описание.",
            none="В ней нет изображений.",
            besides_cover="Кроме обложки, у которой есть текстовое описание, в ней есть {pictures}",
            has="В ней есть {pictures}",
            one_with="одна иллюстрация с текстовым описанием.",
            one_without="одна иллюстрация без текстового описания.",
            all_with="иллюстрации (всего: {n}); у каждой есть текстовое описание.",
            none_with="иллюстрации (всего: {n}); ни у одной нет текстового описания.",
            mixed="иллюстрации (всего: {n}): с текстовым описанием — {k}, без него — {m}.",
        ),
    ),
    # Headings of a book's own front matter, read as unnumbered chapters.
    front_headings=(
        "предисловие",
        "вступление",
        "введение",
        "от переводчика",
        "вместо предисловия",
    ),
    back_headings=(
        ("благодарности", "acknowledgments"),
        ("об авторе", "about-author"),
        ("послесловие", "afterword"),
        ("от автора", "afterword"),
        ("другие книги автора", "also-by"),
    ),
    # Dialogue answers ("да да", "нет нет") and "ну ну".
    doubled_words=frozenset({"да", "нет", "ну"}),
    honorifics=("г", "гр", "д-р", "проф"),
    dedication_words=("посвящается", "памяти", "моей", "моему", "моим"),
    num2words_langs=("ru",),
    number_case="sentence",
    # "Глава вторая", "Часть первая": feminine ordinals, and the other genders.
    ordinals=("f", "m", "n"),
)
