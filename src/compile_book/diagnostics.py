"""Typed diagnostics: every normalisation and every manuscript problem, with a stable code.

Taken from docutils' ``Reporter`` (severity levels), pandoc's ``Logging``
(a JSON form for tools) and the Standard Ebooks linter (one table of stable
codes). Odd prose is never an exception: the parser records a diagnostic and
carries on. Only config, file and backend failures raise (see ``errors``).

Severities:

* ``info``: a normalisation the compiler made (``build -v``, ``check --explain``);
* ``warning``: a probable manuscript problem the writer should look at;
* ``error``: something that stops a build (raised as an exception instead).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from .record import record


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` selects problems."""

    INFO = 10
    WARNING = 20
    ERROR = 30

    def __str__(self) -> str:
        return self.name.lower()


class Code(enum.StrEnum):
    """Every diagnostic code. Members are their stable code strings (``Code.DOUBLED_WORD
    == "W103"``), so call sites name a meaning and tools still match on ``W103``.
    Never renumber; add new codes at the end of their group."""

    # normalisations: decoding and whitespace
    ENCODING_DETECTED = "N001"
    LINE_ENDINGS_NORMALISED = "N002"
    INVISIBLE_CHARACTERS_REMOVED = "N003"
    MOJIBAKE_REPAIRED = "N004"
    # normalisations: paragraphs
    PARAGRAPH_STYLE_DETECTED = "N010"
    LINES_UNWRAPPED = "N011"
    BROKEN_PARAGRAPH_REJOINED = "N012"
    # normalisations: structure
    HEADING_RECOGNISED = "N020"
    BOOK_TITLE_RECOGNISED = "N021"
    AUTHOR_LINE_RECOGNISED = "N022"
    CHAPTER_TITLE_RECOGNISED = "N023"
    FRONT_MATTER_READ = "N024"
    COMMENTS_LEFT_OUT = "N025"
    MARKUP_LEFT_OUT = "N026"
    FILE_SKIPPED = "N027"
    FILES_AS_SCENES = "N028"
    DOCUMENT_PARTS_LEFT_OUT = "N029"
    SCENE_BREAK_RECOGNISED = "N030"
    SCENE_BREAK_DROPPED = "N031"
    TITLE_CASED = "N032"
    CONTENTS_LIST_LEFT_OUT = "N033"
    END_MARK_RECOGNISED = "N034"
    DEDICATION_RECOGNISED = "N035"
    INDENTED_BLOCK_RECOGNISED = "N036"
    STORY_LEVEL_RECOGNISED = "N037"
    HALF_TITLE_LEFT_OUT = "N038"
    CHAPTER_WORD_LEARNT = "N039"
    TELEPATHY_RECOGNISED = "N040"
    EMPHASIS_RECOGNISED = "N041"
    FOOTNOTES_RECOGNISED = "N042"
    LANGUAGE_DETECTED = "N044"
    # normalisations: typography
    DASH_CONVERTED = "N050"
    QUOTES_CURLED = "N051"
    ELLIPSIS_CONVERTED = "N052"
    NO_BREAK_SPACE_ADDED = "N053"
    ELISION_READ = "N054"
    # manuscript problems
    UNCLOSED_QUOTE = "W101"
    UNBALANCED_TELEPATHY = "W102"
    DOUBLED_WORD = "W103"
    MIXED_QUOTES = "W104"
    SCENE_BREAK_AT_EDGE = "W105"
    HEADING_LIKE_LINE = "W106"
    LONG_PARAGRAPH = "W107"
    UNRECOGNISED_DIVIDER = "W108"
    CHAPTER_SEQUENCE = "W109"
    MISSING_METADATA = "W110"
    EMPTY_CHAPTER = "W111"
    AUTHOR_NOTE = "W112"
    HEADING_WITHOUT_SPACE = "W113"
    IMAGE_LEFT_OUT = "W114"
    UNKNOWN_FILE = "W115"
    MIXED_ENCODING = "W116"
    COVER_CONVERTED = "W120"
    BOILERPLATE_LEFT_OUT = "W121"
    UNTITLED_CHAPTER = "W122"
    MARKUP_LEAKED = "W128"
    EDITION_ISBN = "W135"
    COVER_SMALL = "W136"
    NO_GLYPH = "W137"
    NO_COVER = "W138"
    TITLE_FROM_NAME = "W139"
    FONT_MISSING = "W140"
    LANGUAGE_WITHOUT_MODULE = "W141"
    FOOTNOTES_NOT_READ = "W142"

    @property
    def severity(self) -> Severity:
        return Severity.INFO if self.value.startswith("N") else Severity.WARNING

    @property
    def slug(self) -> str:
        """The kebab-case name tools print beside the code (``doubled-word``)."""
        return self.name.lower().replace("_", "-")

    @property
    def doc(self) -> str:
        """What the code means and what the writer can do: the README's table."""
        return DOCS[self]


#: One line per code: what it reports. The README's table of codes is generated from
#: this one (``python scripts/readme_codes.py``; a test keeps the two in step).
DOCS: dict[Code, str] = {
    Code.ENCODING_DETECTED: "the file was not UTF-8; the encoding it was read as",
    Code.LINE_ENDINGS_NORMALISED: "CRLF or CR line endings were read as LF",
    Code.INVISIBLE_CHARACTERS_REMOVED: "zero-width, soft-hyphen and control characters removed",
    Code.MOJIBAKE_REPAIRED: "Windows-1252 quotes and dashes decoded as Latin-1 controls, repaired",
    Code.PARAGRAPH_STYLE_DETECTED: "how the file marks paragraphs (per line, blank lines, ...)",
    Code.LINES_UNWRAPPED: "hard-wrapped lines joined into their paragraphs",
    Code.BROKEN_PARAGRAPH_REJOINED: "a paragraph split mid-sentence by a blank line, rejoined",
    Code.HEADING_RECOGNISED: "a chapter, part or special-section heading",
    Code.BOOK_TITLE_RECOGNISED: "the book's title line at the top of the first file",
    Code.AUTHOR_LINE_RECOGNISED: "a 'by Name' line under the title",
    Code.CHAPTER_TITLE_RECOGNISED: "a title line under a chapter or part number",
    Code.FRONT_MATTER_READ: "Markdown front matter read as metadata",
    Code.COMMENTS_LEFT_OUT: "HTML comments (the writer's notes) left out of the book",
    Code.MARKUP_LEFT_OUT: "HTML tags and markup with no place in a book left out (their text kept)",
    Code.FILE_SKIPPED: "a file in the project folder that is not a manuscript, not read",
    Code.FILES_AS_SCENES: "manuscript files read as scenes of one chapter, joined by breaks",
    Code.DOCUMENT_PARTS_LEFT_OUT: (
        "a word processor's comments, deleted text, headers, footers and title-page block left out"
    ),
    Code.SCENE_BREAK_RECOGNISED: "a divider line became a scene break",
    Code.SCENE_BREAK_DROPPED: "a second scene break in a row was merged into the first",
    Code.TITLE_CASED: "an ALL-CAPS book, part or chapter title set in title case (letters kept)",
    Code.CONTENTS_LIST_LEFT_OUT: (
        "a typed contents list whose every entry matches a heading (with page numbers, at "
        "least half), left out (the book makes its own)"
    ),
    Code.END_MARK_RECOGNISED: "'The End' under the last paragraph read as the end mark, left out",
    Code.DEDICATION_RECOGNISED: (
        "a short 'To ...' block before the first chapter read as the dedication"
    ),
    Code.INDENTED_BLOCK_RECOGNISED: "an indented group of lines read as verse or a quoted letter",
    Code.STORY_LEVEL_RECOGNISED: (
        "numbered, titled headings with numbered sections inside read as stories (parts)"
    ),
    Code.HALF_TITLE_LEFT_OUT: (
        "the book's title repeated on a line of its own before the first chapter (a half "
        "title), left out: the title page has it"
    ),
    Code.CHAPTER_WORD_LEARNT: (
        "chapter headings read from standalone lines numbered in order: a word the language's"
        " module lacks (`Kapitola 1`, `Kapitola 2`), or numbers alone (`ONE`, `~ 2 ~`)"
    ),
    Code.TELEPATHY_RECOGNISED: "mind-speech spans recognised (delimiters removed)",
    Code.EMPHASIS_RECOGNISED: "emphasis and strong spans recognised",
    Code.FOOTNOTES_RECOGNISED: "a plain-text file's footnote marks and notes read as footnotes",
    Code.LANGUAGE_DETECTED: "the language the text is written in, read from it when none is set",
    Code.DASH_CONVERTED: "a hyphen or spaced dash set as an em or en dash",
    Code.QUOTES_CURLED: "straight quotes curled in the book's language",
    Code.ELLIPSIS_CONVERTED: "three dots set as an ellipsis",
    Code.NO_BREAK_SPACE_ADDED: "no-break spaces after honorifics and between numbers and units",
    Code.ELISION_READ: (
        "a word-initial quote no closing quote answers, set as an apostrophe (’ad, ’Frisco)"
    ),
    Code.UNCLOSED_QUOTE: (
        "a double quote opened and never closed (speech running over paragraphs is understood)"
    ),
    Code.UNBALANCED_TELEPATHY: "a telepathy delimiter (`{`, `<telepathic>`) without its partner",
    Code.MARKUP_LEAKED: (
        "markup left in the text (`**`, `__`, `<i>`, `&nbsp;`, `](http…`): it would print as typed"
    ),
    Code.DOUBLED_WORD: (
        "a doubled word (`and and`); deliberate doublings (`very very`, `no no`) are left alone"
    ),
    Code.MIXED_QUOTES: "straight and curly quotes mixed in one file",
    Code.SCENE_BREAK_AT_EDGE: (
        "a scene break at the start or end of a chapter (dropped from the book)"
    ),
    Code.HEADING_LIKE_LINE: "a line that looks like a heading but was kept as prose",
    Code.LONG_PARAGRAPH: (
        "a very long paragraph (over 600 words: a paragraph break is probably missing)"
    ),
    Code.UNRECOGNISED_DIVIDER: "a divider line that is not a known scene break (`<><>`, `///`)",
    Code.CHAPTER_SEQUENCE: "a chapter number out of sequence or repeated",
    Code.MISSING_METADATA: "metadata a store needs: language, author, ISBN or identifier, cover",
    Code.EMPTY_CHAPTER: "a chapter heading with no text under it",
    Code.AUTHOR_NOTE: (
        "a note to yourself (`[ … ]`, `TK`, `TODO:`) left out of the book;"
        " resolve it before publishing"
    ),
    Code.HEADING_WITHOUT_SPACE: "a Markdown heading without a space after `#` (`#Chapter 2`)",
    Code.IMAGE_LEFT_OUT: "an image that is remote (never fetched) or missing, left out",
    Code.UNKNOWN_FILE: "a file the manuscript list matches that no reader can read",
    Code.MIXED_ENCODING: (
        "a UTF-8 file with lines in Windows-1252 (pasted from an older file), each read as"
        " what it is; check those lines and re-save the file as UTF-8"
    ),
    Code.COVER_CONVERTED: (
        "a cover that is CMYK, 16-bit, transparent or a palette PNG: the EPUB carries an RGB copy;"
        " upload an RGB file to the store too"
    ),
    Code.BOILERPLATE_LEFT_OUT: (
        "a Project Gutenberg header or licence left out of the book; delete those lines"
    ),
    Code.UNTITLED_CHAPTER: (
        "a file or stretch of text became a chapter with no heading; give it one"
    ),
    Code.EDITION_ISBN: (
        "two editions share one ISBN (an ISBN names one format), or a print edition has none"
    ),
    Code.COVER_SMALL: (
        "a cover under 1400 pixels on its short side: stores refuse or blur it; use 1600 x 2560"
    ),
    Code.NO_GLYPH: (
        "a character no font of the print edition has (it would print as an empty box): "
        "replace it, or install a font package that has it"
    ),
    Code.NO_COVER: (
        "no cover image: the ebook gets a typographic cover made from the title, but a "
        "store needs a real one (1600 x 2560)"
    ),
    Code.TITLE_FROM_NAME: (
        "the book's title was made from a file or folder name: give it a title line "
        "or title in book.toml"
    ),
    Code.FONT_MISSING: (
        "the print font book.toml names is neither bundled nor installed (the book falls "
        "back to EB Garamond): give the font's file, or install it"
    ),
    Code.LANGUAGE_WITHOUT_MODULE: (
        "a language compile-book has no word list for: its quotes, generated pages and"
        " spelt numbers are English; check them"
    ),
    Code.FOOTNOTES_NOT_READ: (
        "footnote marks and notes that do not match one for one (in a plain-text file; a"
        " Markdown note no mark in the text calls), kept as text; give each note its mark"
    ),
}

#: code -> (severity, name), for tools that look codes up by their string.
CODES: dict[str, tuple[Severity, str]] = {code: (code.severity, code.slug) for code in Code}


@record
class Diagnostic:
    """One finding: ``file:line:col: severity code: message``."""

    code: Code
    message: str
    file: str
    line: int = 0
    col: int = 0

    def __post_init__(self) -> None:
        # A code given as its string ("W103") is looked up, so an unknown one fails here.
        if not isinstance(self.code, Code):
            object.__setattr__(self, "code", Code(self.code))

    @property
    def severity(self) -> Severity:
        return self.code.severity

    @property
    def name(self) -> str:
        return self.code.slug

    def location(self) -> str:
        parts = [self.file]
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        return ":".join(parts)

    def format(self) -> str:
        """The compiler-style one-liner editors know how to jump to."""
        return f"{self.location()}: {self.severity} {self.code}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "severity": str(self.severity),
            "code": str(self.code),
            "name": self.name,
            "message": self.message,
        }

    def __str__(self) -> str:
        return self.format()


def problems(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The problems among some diagnostics (warnings and worse), in order."""
    return [d for d in diagnostics if d.severity >= Severity.WARNING]


class Reporter:
    """Collects diagnostics while a manuscript is parsed (docutils' ``Reporter``)."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, code: Code, message: str, file: str, line: int = 0, col: int = 0) -> None:
        self.items.append(Diagnostic(code, message, file, line, col))

    def warnings(self) -> list[Diagnostic]:
        return problems(self.items)
