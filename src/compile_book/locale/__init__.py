"""Language knowledge: one module per language, one place that reads language tags.

Why: quotes, heading words, interface words, number spelling and date forms used
to be scattered over the parser, the rules and the backends, each with its own
``language.split("-")[0]``. Here each language is a plain data module
(``en.py``, ``de.py``, ...; the model is docutils' ``docutils/languages``), and
:func:`get_locale` is the only code that parses a BCP 47 tag.

Adding a language means adding one module that defines ``DATA`` (a
:class:`LocaleData`; optionally ``REGIONS``, region subtag -> :class:`LocaleData`)
and one line in :data:`REGISTRY`. Modules load lazily, so importing this package
imports no language module, and neither ``num2words`` nor ``babel`` (they load
inside the functions that need them: start-up time matters for the CLI).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Generic, Literal, NamedTuple, TypeVar

from ..numberwords import number_key, number_table, roman, roman_value, spell
from ..record import record

if TYPE_CHECKING:
    from babel import Locale as BabelLocale

__all__ = [
    "HEADING_KINDS",
    "Locale",
    "LocaleData",
    "PerKind",
    "Quotes",
    "Words",
    "get_locale",
    "roman",
]

# Why a plain dict of module names: importing one language must never import the
# others, and the registry stays readable as a list of what is supported.
REGISTRY: dict[str, str] = {
    "en": "compile_book.locale.en",
    "de": "compile_book.locale.de",
    "fr": "compile_book.locale.fr",
    "es": "compile_book.locale.es",
    "it": "compile_book.locale.it",
    "nl": "compile_book.locale.nl",
    "pt": "compile_book.locale.pt",
    "pl": "compile_book.locale.pl",
    "sv": "compile_book.locale.sv",
    "ru": "compile_book.locale.ru",
}
# Why English: a book in a language we know nothing about still needs some words.
_FALLBACK = "en"

T = TypeVar("T")
HeadingKind = Literal["chapter", "part", "prologue", "epilogue", "interlude"]
HEADING_KINDS: tuple[HeadingKind, ...] = ("chapter", "part", "prologue", "epilogue", "interlude")
_NUMBER_STYLES = ("as-written", "words", "arabic", "roman")
_ISO_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class Quotes(NamedTuple):
    """A language's quotation marks, bare characters (spacing is :attr:`LocaleData.quote_space`)."""

    open_double: str
    close_double: str
    open_single: str
    close_single: str


@record
class PerKind(Generic[T]):
    """One value per heading kind; attributes catch typos, ``[kind]`` serves a kind string."""

    chapter: T
    part: T
    prologue: T
    epilogue: T
    interlude: T

    def __getitem__(self, kind: str) -> T:
        """The value for ``"chapter"``, ``"part"``, ... (a ``ChapterKind`` works too)."""
        if kind not in HEADING_KINDS:
            raise KeyError(kind)
        value: T = getattr(self, kind)
        return value

    def items(self) -> Iterator[tuple[HeadingKind, T]]:
        """``(kind, value)`` pairs in :data:`HEADING_KINDS` order."""
        for kind in HEADING_KINDS:
            yield kind, self[kind]


@record(kw_only=True)
class Summary:
    """The EPUB's accessibility summary, in the book's language (EPUB Accessibility
    1.1): what the publication is, then what pictures it holds. ``text`` takes
    ``{images}``; the ``n`` forms take ``{n}`` (and ``{k}``, ``{m}``: with and without
    a description), phrased "Illustrations: {n}" so no language needs plural forms."""

    text: str = (
        "This publication is reflowable text with structured headings, a table of "
        "contents and a logical reading order. {images} It has no sounds, flashing "
        "content or motion."
    )
    cover_only: str = "It has no images except the cover, which has a text description."
    none: str = "It has no images."
    besides_cover: str = "Besides the cover, which has a text description, it has {pictures}"
    has: str = "It has {pictures}"
    one_with: str = "1 illustration, which has a text description."
    one_without: str = "1 illustration, without a text description."
    all_with: str = "{n} illustrations, each with a text description."
    none_with: str = "{n} illustrations, none with a text description."
    mixed: str = "{n} illustrations: {k} with a text description, {m} without one."


@record(kw_only=True)
class Words:
    """Words a built book prints around the text (navigation, front and back matter).

    One attribute per word so a misspelt key is a type error, not a missing label.
    Several are templates for :meth:`str.format` with the named field shown.
    """

    contents: str  # the table of contents' heading
    landmarks: str  # the EPUB landmarks navigation's heading
    cover: str  # landmark: the cover
    titlepage: str  # landmark and page: the title page
    copyright: str  # landmark and page: the copyright page
    dedication: str  # the dedication page
    epigraph: str  # the epigraph page
    start: str  # landmark: where reading starts (the first chapter)
    chapter: str  # a chapter in running text ("Chapter 3" in navigation)
    part: str  # a part in running text
    rights: str  # the reservation of rights on the copyright page
    cover_alt: str  # alt text of the cover image; {title}
    also_by: str  # heading of the author's other books; {author}
    about_author: str  # heading of the author biography
    acknowledgments: str  # heading of the acknowledgments
    afterword: str  # heading of an afterword
    discussion: str  # heading of reading-group questions
    newsletter: str  # heading of the newsletter call
    newsletter_link: str  # the newsletter's link text when book.toml gives none
    author_site: str  # the author's web address under the biography; {url}
    published_by: str  # imprint line; {publisher}
    copyright_line: str  # copyright notice; {year} {holders}
    and_: str  # the conjunction that joins the last two names of a list
    summary: Summary = Summary()  # the EPUB's accessibility summary


@record(kw_only=True)
class LocaleData:
    """What one language (or one region of it) knows; a language module's ``DATA``.

    Every field is a plain, hashable value so a :class:`Locale` can key caches.
    """

    quotes: Quotes
    """Double then single quotes; curling straight quotes needs the language's forms."""
    alt_quotes: tuple[Quotes, ...] = ()
    """Other outer quotes writers of the language type, with their inner ones (German
    »…« with ›…‹): kept as typed, and straight quotes inside them take those inner ones."""
    quote_space: str
    """Space set inside double quotes ("\\u00a0" in French: « text »), else ""."""
    punctuation_space: str
    """Space before ; : ! ? (French thin no-break space "\\u202f"), else ""."""
    dialogue: Literal["quotes", "dash"]
    """How dialogue is marked: quotes, or a leading dash (Spanish raya, Portuguese travessão);
    dialogue counts and the unclosed-quote lint depend on it."""
    heading_words: PerKind[tuple[str, ...]]
    """Lower-case words that introduce a heading of each kind, to recognise headings."""
    label_words: PerKind[str]
    """How each heading kind is printed (capitalised), e.g. "Chapter"."""
    words: Words
    """The interface words of a built book."""
    doubled_words: frozenset[str]
    """Lower-case words whose doubling is correct, so the linter must not flag it."""
    phrase_doubles: frozenset[str] = frozenset()
    """Lower-case words that double correctly when the first ends a phrase and the second
    starts one ("tell you you're", "give her her coat", "put it in in time"): the linter
    flags them only after a :attr:`joiners` word or at the start of a sentence."""
    joiners: frozenset[str] = frozenset()
    """Lower-case words after which a :attr:`phrase_doubles` doubling is a slip ("and
    you you")."""
    honorifics: tuple[str, ...]
    """Abbreviations (without their dot) that a no-break space ties to the next name."""
    num2words_langs: tuple[str, ...]
    """num2words language codes: the first spells numbers, all are read back (variants)."""
    number_case: Literal["title", "sentence"]
    """How a spelt number is capitalised in a heading: every word ("Twenty-One", except
    the conjunction) or the first letter only ("Einundzwanzig")."""
    number_fixes: tuple[tuple[str, str], ...] = ()
    """Regex substitutions that correct num2words' output for this language."""
    number_variants: tuple[tuple[str, str], ...] = ()
    """Regex substitutions giving other spellings writers use, accepted when reading."""
    ordinals: tuple[str, ...] = ()
    """num2words genders ("m", "f", "n"; "" for none) whose ordinals are read back as
    heading numbers too: Polish "Rozdział drugi", Russian "Глава вторая"."""
    conjunction_rules: tuple[tuple[str, str], ...] = ()
    """(regex on the last name, conjunction): Spanish "y" becomes "e" before an i sound."""
    raya: bool = False
    """A paragraph opening with a dash is dialogue whose narrator's tags open with a dash
    glued to the next word and close with one glued to the word before (Spanish raya,
    not Portuguese or Italian, which space them): "—Ya voy —dijo él—. Vamos."."""
    dash_dialogue: bool = False
    """Besides quotes, a paragraph may open with a dash for speech (French tirets,
    Italian, Polish, Russian, Swedish): "- Tak - powiedział." typed in Markdown is
    dialogue, not a list, when every item ends as a sentence does."""
    dash_space: bool = False
    """Dashes between words are set spaced (all but English and Spanish: "type — un
    gars"), with a no-break space before so the dash never starts a line; else closed."""
    dash: str = "—"
    """The language's dash between words and in dialogue (Swedish, German and Dutch "–")."""
    after_ordinal: tuple[tuple[str, str], ...] = ()
    """(lower-case heading word, label): the form a heading word takes after an ordinal
    when it differs (Swedish "Första kapitlet", "Andra delen"), printed as the label."""
    back_headings: tuple[tuple[str, str], ...] = ()
    """(lower-case heading, back-matter kind): "danksagung" is the acknowledgments, so a
    manuscript's own back matter is not swallowed by its last chapter. An ``also-by``
    heading may go on with the author's name ("Also by Jane Doe")."""
    front_headings: tuple[str, ...] = ()
    """Lower-case headings of a book's own front matter ("preface", "translator's
    preface"): read as an unnumbered chapter with that title, so a preface is not run
    into the first chapter nor left an untitled one."""
    by_words: tuple[str, ...] = ()
    """Lower-case words that put the author's name on the line under a title, besides
    English "by" (German "von", French "par"): "par Claire Dubois" names the author."""
    dedication_words: tuple[str, ...] = ()
    """Lower-case words a dedication opens with, besides English "To", "For" (German
    "Für", French "À"), so "À mon père" goes on a page of its own."""
    function_words: frozenset[str] = frozenset()
    """Lower-case articles, prepositions, conjunctions and pronouns a small-caps
    lead-in must not end on ("THERE WERE A"): the lead-in takes the next word too."""


@record(kw_only=True)
class Locale(LocaleData):
    """A language's knowledge bound to the tag a book declared; get one with :func:`get_locale`."""

    tag: str
    """The tag exactly as given, for ``lang``/``xml:lang`` attributes."""
    language: str
    """The primary subtag, lower-cased ("pt" for "pt-BR"); kept even when unknown."""
    region: str | None
    """The region subtag, upper-cased ("BR", "419"), or None."""
    learned: tuple[str, ...] = ()
    """Lower-case chapter words one file taught (:mod:`compile_book.rules.learned`):
    "kapitola" in a Czech manuscript, a language with no module here."""

    def number_words(self, n: int) -> str:
        """``n`` in words as a heading prints it; digits outside 0..9999."""
        if not 0 <= n <= 9999:
            return str(n)
        text = spell(n, self.num2words_langs[0], self.number_fixes)
        if self.number_case == "title":
            keep = self.words.and_
            return re.sub(r"[^\W\d_]+", lambda m: m[0] if m[0] == keep else _upper1(m[0]), text)
        return _upper1(text)

    def number_value(self, text: str) -> int | None:
        """The value of digits, a Roman numeral or number words; ``None`` for anything else.

        Case, accents, spaces and hyphens do not matter ("Twenty one", "vingt-et-un").
        """
        text = text.strip()
        if not text or len(text) > 100:
            return None
        if text.isdecimal():
            return int(text)
        # Words first: French "dix" is also the Roman numeral 509.
        key = number_key(text)
        if key:
            table = number_table(
                self.num2words_langs, self.number_fixes, self.number_variants, self.ordinals
            )
            if key in table:
                return table[key]
        return roman_value(text)

    def format_number(self, number: int | None, written: str | None, style: str) -> str | None:
        """A heading number in ``style``: "as-written", "words", "arabic" or "roman"."""
        if style not in _NUMBER_STYLES:
            raise ValueError(f"unknown number style {style!r}; expected one of {_NUMBER_STYLES}")
        if number is None or style == "as-written":
            return written
        if style == "roman" and 0 < number < 4000:
            return roman(number)
        if style == "words":
            return self.number_words(number)
        return str(number)

    def join_names(self, names: Sequence[str]) -> str:
        """ "A", "A and B", "A, B and C" (no serial comma) with the language's conjunction."""
        if isinstance(names, str):
            return names
        if len(names) < 2:
            return "".join(names)
        last = names[-1]
        conjunction = self.words.and_
        for pattern, replacement in self.conjunction_rules:
            if re.match(pattern, last):
                conjunction = replacement
                break
        return f"{', '.join(names[:-1])} {conjunction} {last}"

    def format_date(self, iso: str) -> str:
        """ "2026", "2026-03" or "2026-03-02" in the language's long form; else ``iso``."""
        m = _ISO_DATE_RE.fullmatch(iso.strip())
        if m is None:
            return iso
        year, month, day = m.groups()
        if month is None:
            return year
        import datetime

        try:
            when = datetime.date(int(year), int(month), int(day or 1))
        except ValueError:
            return iso
        from babel.dates import format_date, format_skeleton

        where = self._babel_locale()
        if where is None:
            return iso
        if day is None:
            return format_skeleton("yMMMM", when, locale=where)
        return format_date(when, "long", locale=where)

    def _babel_locale(self) -> BabelLocale | None:
        """babel's locale for this tag: language and region, else the language, else None."""
        import babel

        for region in dict.fromkeys((self.region, None)):
            try:
                return babel.Locale(self.language, region)
            except (babel.UnknownLocaleError, ValueError):
                continue
        return None


def has_module(language: str) -> bool:
    """Whether a language (a primary subtag, lower-case) has a module of its own here;
    :func:`get_locale` gives any other the English data."""
    return language in REGISTRY


@functools.lru_cache(maxsize=128)
def get_locale(tag: str) -> Locale:
    """The locale for a BCP 47 tag ("en", "pt-BR", "de-CH"); unknown languages get English data.

    This is the only place a language tag is parsed: the primary subtag is the
    language, the first 2-letter or 3-digit subtag before any singleton is the region.
    """
    subtags = re.split(r"[-_]", tag.strip())
    language = subtags[0].lower()
    region = None
    for sub in subtags[1:]:
        if len(sub) == 1:  # an extension or private use ("x-...") follows
            break
        if sub.isascii() and (
            (len(sub) == 2 and sub.isalpha()) or (len(sub) == 3 and sub.isdigit())
        ):
            region = sub.upper()
            break
    known = language in REGISTRY
    module = importlib.import_module(REGISTRY[language if known else _FALLBACK])
    data = module.DATA
    if known and region is not None:
        data = getattr(module, "REGIONS", {}).get(region, data)
    if not isinstance(data, LocaleData):
        raise TypeError(f"{module.__name__} must define DATA as a LocaleData")
    values = {f.name: getattr(data, f.name) for f in fields(LocaleData)}
    return Locale(tag=tag, language=language, region=region, **values)


def _upper1(text: str) -> str:
    return text[:1].upper() + text[1:]
