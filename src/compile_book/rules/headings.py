"""Chapter, part and special-section headings.

Recognised forms (case-insensitive, a whole line):

* ``Chapter 29``, ``CHAPTER IV.``, ``Chapter One``, ``Chapter Twenty-One``,
  ``Ch. 3``, ``Letter 4`` (an epistolary novel's pieces); with a title after a
  separator: ``Chapter 3: The Fall``,
  ``Chapter 3 - The Fall``, ``Chapter 3 -- The Fall``, ``Chapter 3. The Fall``,
  ``Chapter 3 — The Fall``;
* ``Prologue``, ``Epilogue``, ``Interlude`` (optionally ``: Title``);
* ``Part One``, ``Part II: Title``, ``Book 2 - Title``,
  ``Book the First--Recalled to Life`` (a part; ``Chapter the Second`` and
  ``Chapter the Last`` too);
* front matter: ``Preface``, ``Foreword``, ``Introduction``, ``Translator's
  Preface`` (the locale's ``front_headings``): an unnumbered chapter with that title;
* back matter: ``Acknowledgments``, ``About the Author``, ``Afterword``,
  ``Also by Jane Doe``, ``Reading Group Guide`` ... (the locale's
  ``back_headings``, English always), so a manuscript's own back matter is not
  read as the end of its last chapter;
* a number alone on a line: ``29``, ``IV``, ``XII.``;
* a number, a full stop and a title, as story collections head their pieces:
  ``VII. THE BLUE CARBUNCLE``, ``Adventure I. A Scandal in Bohemia``;
* Markdown ATX headings ``#`` .. ``######`` (their text is parsed by the
  rules above, so ``## Chapter 6: Title`` still yields label, number, title).

A title after the number needs a separator, so a prose line such as
``Chapter 12 was the worst of them`` is not a heading; the linter reports such
heading-like lines instead.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..locale import Locale
from ..nodes import ChapterKind
from ..record import record
from .numbers import ORDINAL, WORD, number_text, parse_number

# Why: "Twenty-One", "twenty one", "One Hundred" are all how writers spell numbers;
# older books count "Book the First", "Chapter the Second".
_NUMBER = (
    rf"(?P<num>\d{{1,4}}|[ivxlcdm]{{1,9}}|(?:the\s+)?(?:{ORDINAL})\b"
    rf"|(?:{WORD})(?:[-\s](?:{WORD}))?"
    rf"|(?:{WORD})\s+hundred(?:(?:\s+and)?[-\s](?:{WORD})(?:[-\s](?:{WORD}))?)?|one\s+hundred)"
)
# Why: a title must follow a separator (: . - – — or a typed "--", spaced or not:
# "Book the First--Recalled to Life"), never bare words, so prose is safe.
# A spaced bar, slash or bullet separates too ("Chapter 1 | Mara"), and a title in
# brackets needs none ("Chapter 1 (Mara)", a point-of-view chapter's narrator).
_TITLE = (
    r"(?:\s*(?:[:.]|\s(?:--?|[–—|/•·])|[–—]|(?P<glued>--))\s*(?P<title>\S.*?)"
    r"|\s+\((?P<aside>[^()]{1,60})\))?"
)
# Why: "Chapter #1", "Chapter No. 1": a number sign between the word and the number.
_SIGN = r"(?:\s*(?:#|no\.|nr\.|n[º°])\s*)?"
_TRAIL = r"\s*[.:]?"

# Why "letter": epistolary novels head their pieces "Letter 1" as others "Chapter 1".
CHAPTER_RE = re.compile(
    rf"(?P<label>chapter|chap\.|ch\.|letter){_SIGN}\s*{_NUMBER}{_TITLE}{_TRAIL}", re.I
)
PART_RE = re.compile(rf"(?P<label>part|book)\s+{_NUMBER}{_TITLE}{_TRAIL}", re.I)
# Why: older novels close with "CHAPTER THE LAST", a chapter with no number to count.
LAST_RE = re.compile(r"(?P<label>chapter|book|part)\s+the\s+last\.?", re.I)
SPECIAL_RE = re.compile(rf"(?P<label>prologue|epilogue|interlude){_TITLE}{_TRAIL}", re.I)
# Why: a bare number line is a chapter number in many manuscripts; a lone "I" is a word.
# "I." with its full stop is a section number (a story's first section), not the word.
NUMBER_ONLY_RE = re.compile(r"(?P<num>\d{1,3}|[IVXLC]{2,7})\.?|(?P<one>I)\.")
# Why: story collections and older novels head each piece "VII. THE BLUE CARBUNCLE" or
# "ADVENTURE I. A SCANDAL IN BOHEMIA": a number, a full stop and a title. The title
# must read as one (ALL CAPS or Title Case, see :func:`_titled`), so "1. Buy eggs" stays
# a list item; the reader keeps it only where it stands between blank lines.
NUMBERED_TITLE_RE = re.compile(
    r"(?:(?P<label>(?i:adventure|story|tale))\s+)?(?P<num>\d{1,3}|[IVXLC]{1,7})\.\s+(?P<title>\S.{0,79})"
)
STORY_LABELS = frozenset({"Adventure", "Story", "Tale"})
MARKDOWN_RE = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.+?)(?:\s+#+)?")
# Why: lines that start like a heading but failed the strict forms deserve a warning.
HEADING_LIKE_RE = re.compile(
    r"(?:chapter|part|prologue|epilogue|interlude)\b[^.!?\"“”]{0,60}", re.I
)
#: What :func:`bare_number` reads: a number (words, digits or Roman), a title after
#: a separator. ``BARE`` in a locale's learned words switches it on.
BARE_RE = re.compile(
    r"(?P<num>\d{1,3}|[^\W\d_]+(?:[- ][^\W\d_]+){0,3})"
    r"(?:\s*(?:[:.]|\s[-–—]{1,2})\s*(?P<title>\S.{0,78}))?\.?"
)
BARE = ""
#: ``ONE`` in a locale's learned words: a lone ``I`` is chapter one (``II`` follows it).
ONE = "I"
# Why: writers set a chapter number off with a dash, a tilde, a star or a section sign.
_DECORATION = " -—–~*§#•·=_"
_KINDS = {
    "prologue": ChapterKind.PROLOGUE,
    "epilogue": ChapterKind.EPILOGUE,
    "interlude": ChapterKind.INTERLUDE,
}


@record
class HeadingMatch:
    """What a heading line means, before it becomes a :class:`~compile_book.nodes.Heading`."""

    is_part: bool
    kind: ChapterKind
    label: str | None
    number: int | None
    number_text: str | None
    title: str | None
    markdown_level: int = 0
    as_typed: str | None = None


@record
class _Patterns:
    """The heading patterns of one language (English words are always known too)."""

    chapter: re.Pattern[str]
    part: re.Pattern[str]
    special: re.Pattern[str]
    kinds: dict[str, ChapterKind]
    labels: dict[str, str]
    value: Callable[[str], int | None]
    language: str = "en"
    numbered_first: tuple[tuple[re.Pattern[str], bool], ...] = ()
    """The number before the word (German "1. Kapitel", "Erstes Kapitel", "Zweiter Teil")."""
    bare: bool = False
    """A number alone heads a chapter however it is written ("ONE", "~ 2 ~", "3 - Title"):
    the file numbers its chapters so, in order (:mod:`.learned`)."""
    one: bool = False
    """A lone "I" is chapter one, not the word: "II" heads the file's next chapter."""


def _words(words: Iterable[str]) -> str:
    # Longest first, so "chapter" is tried before "chap.".
    return "|".join(_loose(w) for w in sorted(set(words), key=len, reverse=True))


# Why: letters Unicode does not decompose, which writers type plain all the same.
_PLAIN = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O"}


def fold(word: str) -> str:
    """A heading word without its diacritics, lower-cased: "CAPITULO" and "capítulo" meet."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(_PLAIN.get(c, c) for c in decomposed if not unicodedata.combining(c))


def _loose(word: str) -> str:
    """A pattern for ``word`` typed with or without its diacritics.

    Why: writers on a keyboard without them type "CAPITULO I", "Prologo", "Epilogo";
    the heading still prints the word as it was typed.
    """
    out = []
    for c in word:
        plain = fold(c)
        out.append(f"[{c}{plain}]" if plain != c.lower() and len(plain) == 1 else re.escape(c))
    return "".join(out)


@functools.lru_cache(maxsize=16)
def _patterns(language: str, learned: tuple[str, ...] = ()) -> _Patterns:
    """Compiled once per language and learned words (keyed by the subtag: hashing a
    whole locale per line would cost more than the match)."""
    bare, one = BARE in learned, ONE in learned
    learned = tuple(word for word in learned if word not in (BARE, ONE))
    if language == "en" and not learned:
        return _Patterns(
            CHAPTER_RE, PART_RE, SPECIAL_RE, _KINDS, {}, parse_number, bare=bare, one=one
        )
    from ..locale import get_locale

    locale = get_locale(language)
    hw = locale.heading_words
    hw = replace(hw, chapter=hw.chapter + learned)
    # Why: number words of any language are read by the locale, so the pattern takes
    # up to four words and the locale decides whether they are a number.
    number = r"(?P<num>\d{1,4}|[^\W\d_]+(?:[- ][^\W\d_]+){0,3})"
    english = r"chapter|chap\.|ch\.|letter"
    chapter = rf"(?P<label>{english}|{_words(hw.chapter)}){_SIGN}\s*{number}{_TITLE}{_TRAIL}"
    part = rf"(?P<label>part|book|{_words(hw.part)})\s+{number}{_TITLE}{_TRAIL}"
    kinds = dict(_KINDS)
    specials = list(_KINDS)
    for kind in (ChapterKind.PROLOGUE, ChapterKind.EPILOGUE, ChapterKind.INTERLUDE):
        kinds.update(dict.fromkeys(map(fold, hw[kind.value]), kind))
        specials += hw[kind.value]
    special = rf"(?P<label>{_words(specials)}){_TITLE}{_TRAIL}"
    labels = {
        fold(w): locale.label_words[k] for k, words in hw.items() for w in words if w.endswith(".")
    }
    labels.update((fold(w), label) for w, label in locale.after_ordinal)
    after = {False: hw.chapter, True: hw.part}
    for word, label in locale.after_ordinal:
        after[label.lower() in hw.part] += (word,)

    # Why: German (and writers in other languages) put the number first, as a
    # numeral with its full stop or an ordinal word; the locale reads the word.
    first = r"(?P<num>\d{1,3}\.|[^\W\d_]+)\s+"
    numbered_first = tuple(
        (re.compile(rf"{first}(?P<label>{_words(words)}){_TITLE}{_TRAIL}", re.I), is_part)
        for words, is_part in ((after[False], False), (after[True], True))
        if words
    )
    return _Patterns(
        re.compile(chapter, re.I),
        re.compile(part, re.I),
        re.compile(special, re.I),
        kinds,
        labels,
        locale.number_value,
        language,
        numbered_first,
        bare,
        one,
    )


def match_heading(line: str, locale: Locale | None = None) -> HeadingMatch | None:
    """Recognise a heading line (already stripped); ``None`` when it is prose.

    ``locale`` adds the book's language's heading and number words to the English ones.
    """
    if len(line) > 120:
        return None
    if line.startswith("[") and line.endswith("]") and "[" not in line[1:-1]:
        # "[Chapter 1]", "[Prologue]" as typed; with words after it, a note to self
        # ("[Chapter 2 - rewrite this]").
        bracketed = match_heading(line[1:-1].strip(), locale)
        if bracketed is not None and bracketed.markdown_level == 0 and bracketed.title is None:
            return bracketed
    patterns = _patterns(*((locale.language, locale.learned) if locale is not None else ("en",)))
    markdown = MARKDOWN_RE.fullmatch(line)
    if markdown:
        inner = markdown.group("text").strip()
        level = len(markdown.group("hashes"))
        found = _match_plain(inner, patterns, allow_number_only=False)
        if found is None:
            return HeadingMatch(False, ChapterKind.CHAPTER, None, None, None, inner, level)
        return HeadingMatch(
            found.is_part,
            found.kind,
            found.label,
            found.number,
            found.number_text,
            found.title,
            level,
        )
    return _match_plain(line, patterns, allow_number_only=True)


def _sentence_case(language: str, word: str) -> bool:
    """A heading word of a language whose numbers in words stay lower case after it
    (English "Chapter One" is title case, and English words are known in every book)."""
    from ..locale import get_locale

    if language == "en":
        return False
    english = get_locale("en").heading_words
    if word in english.chapter or word in english.part:
        return False
    return get_locale(language).number_case == "sentence"


def _match_plain(line: str, p: _Patterns, *, allow_number_only: bool) -> HeadingMatch | None:
    found = _labelled_number(line, p)
    if found is not None:
        return found
    m = LAST_RE.fullmatch(line)
    if m:
        label = m.group("label").capitalize()
        return HeadingMatch(label != "Chapter", ChapterKind.CHAPTER, label, None, "the Last", None)
    m = p.special.fullmatch(line)
    if m and not _glued_prose(m, _title(m)):
        label = m.group("label").lower()
        return HeadingMatch(False, p.kinds[fold(label)], label.capitalize(), None, None, _title(m))
    back = match_back(line, p.language)
    if back is not None:
        return back
    front = match_front(line, p.language)
    if front is not None:
        return front
    return _number_alone(line, p) if allow_number_only else None


def _labelled_number(line: str, p: _Patterns) -> HeadingMatch | None:
    """A heading word and a number, either way round: ``Chapter 3: The Fall``,
    ``Part Two``, ``Erstes Kapitel``; ``None`` when no pattern reads a number."""
    for regex, is_part in ((p.chapter, False), (p.part, True), *p.numbered_first):
        m = regex.fullmatch(line)
        if m:
            raw = m.group("num").rstrip(".")
            number = p.value(raw)
            if number is None:
                number = parse_number(raw)
            if number is None:
                continue
            title = _title(m)
            if _glued_prose(m, title):
                continue
            if title and not any(c.isalnum() for c in title):
                title = None  # "Chapter I.]": a caption's closing bracket, not a title
            word = m.group("label").lower()
            label = p.labels.get(fold(word)) or m.group("label").rstrip(".").capitalize()
            if label in ("Chap", "Ch"):
                label = "Chapter"
            # A number written before the word ("Erstes Kapitel", "1. fejezet") prints
            # so where numbers print as written (as_typed); other styles put a number
            # after the label ("Kapitel 1"), as they print every heading.
            first = m.start("num") < m.start("label")
            written = str(number) if first else number_text(raw)
            typed = " ".join(line[m.start("num") : m.end("label")].split()) if first else None
            if not first and _sentence_case(p.language, word) and written != raw.upper():
                # Why: French, Spanish, Russian... write a number after the label in
                # lower case ("Chapitre premier", "Глава вторая"), as the writer typed it.
                written = raw.lower()
            return HeadingMatch(
                is_part, ChapterKind.CHAPTER, label, number, written, title, as_typed=typed
            )
    return None


def _number_alone(line: str, p: _Patterns) -> HeadingMatch | None:
    """A heading with no heading word: ``VII. THE BLUE CARBUNCLE``, ``29``, ``IV``, a
    lone ``I`` or a number however written, where the file has taught them."""
    titled = _numbered_title(line)
    if titled is not None:
        return titled
    if p.one and line == ONE:
        return HeadingMatch(False, ChapterKind.CHAPTER, None, 1, ONE, None)
    m = NUMBER_ONLY_RE.fullmatch(line)
    if m:
        raw = m.group("num") or m.group("one")
        number = parse_number(raw)
        if number is not None:
            return HeadingMatch(False, ChapterKind.CHAPTER, None, number, raw, None)
    if p.bare:
        return bare_number(line, p.value)
    return None


def bare_number(line: str, value: Callable[[str], int | None]) -> HeadingMatch | None:
    """A number alone, however written: ``ONE``, ``~ 2 ~``, ``§ 3``, ``4 - The Fall``,
    ``Five: Title``; `value` reads the language's number words."""
    inner = line.strip(_DECORATION)
    m = BARE_RE.fullmatch(inner)
    if m is None:
        return None
    title = m.group("title")
    # "~ 2: Title ~" is no shape writers use; "1. Nobody leaves after dark." is a rule
    # in a list, not a chapter: a title must read as one, and not end a sentence.
    if title and (inner != line or title.endswith((".", "!", "?")) or not _titled(title)):
        return None
    raw = m.group("num")
    number = value(raw)
    if number is None:
        number = parse_number(raw)
    if number is None:
        return None
    written = number_text(raw)
    return HeadingMatch(False, ChapterKind.CHAPTER, None, number, written, title)


@functools.lru_cache(maxsize=16)
def _back_patterns(language: str) -> tuple[re.Pattern[str], dict[str, ChapterKind]]:
    """One pattern of every back-matter heading the language knows (English always)."""
    from ..locale import get_locale

    kinds: dict[str, ChapterKind] = {}
    phrases = []
    for lang in dict.fromkeys(("en", language)):
        for phrase, kind in get_locale(lang).back_headings:
            kinds[fold(_fold_quotes(phrase))] = ChapterKind(kind)
            phrases.append(_fold_quotes(phrase))
    # Why: writers type either apostrophe ("Author's Note", "Author’s Note").
    alternatives = _words(phrases).replace("’", "['’]")
    pattern = rf"(?P<phrase>{alternatives})(?:\s+(?P<rest>\S.{{0,80}}?))?\s*[.:]?"
    return re.compile(pattern, re.I), kinds


def _fold_quotes(text: str) -> str:
    return text.replace("'", "’")


def match_back(line: str, language: str = "en") -> HeadingMatch | None:
    """A back-matter heading (``About the Author``, ``Also by Jane Doe``), or ``None``.

    The line is the heading's title as typed; only an ``also-by`` heading may go on
    after its phrase, and only with a name or a title-cased phrase, so
    "Acknowledgments are due" and a wrapped line "also by the oppressive sense of"
    stay prose.
    """
    if len(line) > 100:
        return None
    pattern, kinds = _back_patterns(language)
    m = pattern.fullmatch(line)
    if m is None:
        return None
    kind = kinds[fold(_fold_quotes(m.group("phrase")))]
    rest = m.group("rest")
    if rest and kind is not ChapterKind.ALSO_BY:
        return None
    if rest and not _names_author(rest):
        return None  # "also by the oppressive sense of...": a wrapped line of prose
    title = line.rstrip(".: ")
    return HeadingMatch(False, kind, None, None, None, title)


@functools.lru_cache(maxsize=16)
def _front_pattern(language: str) -> re.Pattern[str]:
    """One pattern of every front-matter heading the language knows (English always)."""
    from ..locale import get_locale

    phrases = {
        _fold_quotes(p)
        for lang in dict.fromkeys(("en", language))
        for p in get_locale(lang).front_headings
    }
    alternatives = _words(phrases).replace("’", "['’]")
    return re.compile(rf"(?:{alternatives})\s*[.:]?", re.I)


def match_front(line: str, language: str = "en") -> HeadingMatch | None:
    """A front-matter heading (``Preface``, ``TRANSLATOR'S PREFACE``) alone on its line:
    an unnumbered chapter titled with the line, or ``None``."""
    if len(line) > 60 or not _front_pattern(language).fullmatch(line):
        return None
    return HeadingMatch(False, ChapterKind.CHAPTER, None, None, None, line.rstrip(".: "))


def _names_author(rest: str) -> bool:
    """What follows "Also by": a name (``Jane Doe``) or a title-cased phrase (``the Same
    Author``), never a run of lower-case prose words."""
    from .titles import book_title_like, by_line

    return by_line("by " + rest) is not None or book_title_like(rest)


def _numbered_title(line: str) -> HeadingMatch | None:
    """``VII. THE BLUE CARBUNCLE``, ``Adventure I. A Scandal in Bohemia``, or ``None``."""
    m = NUMBERED_TITLE_RE.fullmatch(line)
    if m is None or not _titled(m.group("title")):
        return None
    raw = m.group("num")
    number = parse_number(raw)
    if number is None:
        return None
    label = m.group("label")
    return HeadingMatch(
        False,
        ChapterKind.CHAPTER,
        label.capitalize() if label else None,
        number,
        number_text(raw),
        m.group("title").strip(),
    )


def _titled(text: str) -> bool:
    """A title after a number: ALL CAPS, or Title Case, and not a sentence."""
    from .titles import book_title_like

    letters = [c for c in text if c.isalpha()]
    if not letters or text.endswith((",", ";", ":")):
        return False
    if all(c.isupper() for c in letters):
        return len(text.split()) <= 14
    return book_title_like(text.rstrip("."))


def _glued_prose(m: re.Match[str], title: str | None) -> bool:
    """A ``--`` typed without spaces after the number introduces a title only when
    what follows reads as one: "Book the First--Recalled to Life" is a heading,
    "Part one--the drive to the coast--went well enough." a sentence."""
    return bool(m.group("glued")) and not (
        title and not title.endswith((".", "!", "?")) and _titled(title)
    )


def _title(m: re.Match[str]) -> str | None:
    title = m.group("title") or m.group("aside")
    return title.strip() if title else None


def names_number(first: HeadingMatch, second: HeadingMatch | None) -> bool:
    """Whether `second`, a heading of the same level right under `first` with no text
    between them, is `first`'s title: ``# Chapter 1`` over ``# The Letter``, Word's two
    Heading 1 paragraphs. `first` must be a chapter number alone (with or without its
    word), `second` a title alone (``None``: a styled heading no rule reads), never a
    number of its own, a special section or back matter.
    """
    if first.is_part or first.kind is not ChapterKind.CHAPTER:
        return False
    if first.number is None or first.title is not None:
        return False
    if second is None:
        return True
    return (
        not second.is_part
        and second.kind is ChapterKind.CHAPTER
        and second.label is None
        and second.number is None
        and bool(second.title)
    )


def looks_like_heading(line: str) -> bool:
    """A short line that starts like a heading (for the heading-like-line warning)."""
    return len(line) <= 70 and bool(HEADING_LIKE_RE.fullmatch(line))
