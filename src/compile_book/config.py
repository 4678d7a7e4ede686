"""``book.toml``: the project file, validated by pydantic.

The models below are the single source of truth for the file's shape: the
loader validates against them, ``compile-book schema`` exports their JSON
Schema, and the defaults here are what a project without ``book.toml`` gets.
Unknown keys are rejected (``extra="forbid"``) so a typo such as ``titel``
is caught instead of silently ignored; :func:`load_config` turns pydantic's
``ValidationError`` into one ``key.path: message`` line per problem
(fastapi-cli's habit).
"""

from __future__ import annotations

import datetime
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    field_validator,
)

from .backmatter import BackMatterConfig
from .boxset import BoxsetConfig
from .editions import EditionConfig
from .errors import ConfigError
from .metadata import Prose as Prose
from .metadata import Text as Text
from .metadata import date_problem, isbn_problem
from .metadata import isbn_digits as isbn_digits
from .paths import display_path
from .pdfconfig import PdfConfig as PdfConfig
from .printspec import CoverWrapConfig
from .submission import SubmissionConfig
from .themes import ThemeName

CONFIG_NAME = "book.toml"


class _Model(BaseModel):
    # defer_build (on every model of the package): pydantic builds a model's validator
    # when it first validates, not when the class is defined, so importing the library
    # costs about 50 ms less and a table nobody validates is never built.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SeriesConfig(_Model):
    """The series a book belongs to (``[series]``)."""

    name: Text = Field(description="Series name, e.g. 'The Volgograd Cycle'.")
    number: float | None = Field(default=None, description="Place in the series, e.g. 2.")


class TypographyConfig(_Model):
    """Which typographic normalisations to apply (``[typography]``)."""

    quotes: StrictBool = Field(default=True, description="Curl straight quotes by context.")
    dashes: Literal["em", "en-spaced", "off"] = Field(
        default="em",
        description="' - ', '--' and 'word- word' become a closed em dash, "
        "or a spaced en dash (house style), or are left alone.",
    )
    ellipses: StrictBool = Field(default=True, description="'...' and '. . .' become '…'.")
    nbsp: StrictBool = Field(
        default=True,
        description="No-break spaces after Mr./Mrs./Dr./St. and between a number and its unit.",
    )


class LintConfig(_Model):
    """Findings the writer has looked at and keeps (``[lint]``); see also the
    ``<!-- compile-book: ignore W103 -->`` marker in a manuscript."""

    ignore: list[str] = Field(
        default_factory=list,
        description="Codes to silence: 'W107' everywhere, 'manuscripts/03.txt:W101' in one "
        "file, 'manuscripts/03.txt:41:W103' on one line.",
    )

    @field_validator("ignore")
    @classmethod
    def _entries(cls, value: list[str]) -> list[str]:
        from .silence import rule_problem

        for entry in value:
            problem = rule_problem(entry)
            if problem is not None:
                raise ValueError(problem)
        return value


class ReadingConfig(_Model):
    """How manuscripts are read (``[reading]``)."""

    author_notes: StrictBool = Field(
        default=True,
        description="Leave the writer's own notes out of the book and list them in check: "
        "lines wholly in [ ... ] or [[ ... ]], TK, TODO: lines.",
    )
    files: Literal["auto", "chapters", "scenes"] = Field(
        default="auto",
        description="What each manuscript file is: a chapter, or a scene of the current "
        "chapter (day-01.txt, scene-04.md; joined by scene breaks). 'auto' reads files "
        "without headings as scenes when the book has chapter or part headings elsewhere.",
    )


class TransformsConfig(_Model):
    """Which transforms of the chain run (``[transforms]``); the rest always run."""

    inlines: StrictBool = Field(
        default=True, description="Telepathy, emphasis and strong delimiters become spans."
    )
    lint: StrictBool = Field(default=True, description="Report manuscript problems (W1xx).")
    typography: StrictBool = Field(
        default=True, description="Quotes, dashes, ellipses and no-break spaces ([typography])."
    )


class TelepathyConfig(_Model):
    """How mind-speech is marked in the manuscripts (``[telepathy]``)."""

    delimiters: list[tuple[str, str]] = Field(
        default_factory=lambda: [("{", "}"), ("<telepathic>", "</telepathic>")],
        description="Pairs of [open, close] strings that mark telepathic speech.",
    )
    style: Literal["italic", "roman", "small-caps", "bold"] = Field(
        default="italic", description="How telepathy is set in both EPUB and PDF."
    )

    @field_validator("delimiters")
    @classmethod
    def _non_empty(cls, value: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for open_, close in value:
            if not open_ or not close:
                raise ValueError("each delimiter pair needs a non-empty open and close")
        return value


class EpubConfig(_Model):
    """The ebook editions (EPUB, kepub, Kindle)."""

    embed_fonts: StrictBool = Field(
        default=False,
        description="Embed the print edition's faces (the theme's or [pdf] font and "
        "heading_font) in the ebook, subset to the characters the book uses, where their "
        "licence allows it; off by default, so readers' own font choice stays in charge.",
    )


NumberStyle = Literal["as-written", "words", "arabic", "roman"]


class HeadingsConfig(_Model):
    """How chapter and part numbers are printed (``[headings]``).

    Manuscripts mix "Chapter One", "CHAPTER II." and "Chapter 3"; a book should
    not. ``as-written`` keeps each as typed; the others print every number one
    way (``words`` is English; other languages fall back to arabic numerals).
    """

    chapter_numbers: NumberStyle = Field(
        default="as-written", description="Chapter numbers: as-written, words, arabic or roman."
    )
    part_numbers: NumberStyle = Field(
        default="as-written", description="Part numbers: as-written, words, arabic or roman."
    )


class BookConfig(_Model):
    """The whole ``book.toml``."""

    title: Text | None = Field(
        default=None, description="Book title; by default the manuscript's title line or name."
    )
    subtitle: Text | None = None
    authors: list[Text] = Field(default_factory=list, description="Author names, in order.")
    language: str = Field(
        default="en",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="BCP 47 language tag; also chooses quote style and hyphenation.",
    )
    identifier: Text | None = Field(
        default=None, description="Unique identifier; by default derived from ISBN or a UUID."
    )
    isbn: Text | None = Field(
        default=None,
        description="ISBN of this edition: ISBN-13 (or ISBN-10), hyphens and spaces allowed; "
        "the check digit is verified.",
    )
    publisher: Text | None = None
    date: Text | None = Field(
        default=None,
        description="Publication date: YYYY, YYYY-MM or YYYY-MM-DD (or a TOML date).",
        json_schema_extra={"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
    )
    description: Prose | None = None
    rights: Prose | None = Field(default=None, description="Copyright line.")
    edition: Text | None = None
    dedication: Prose | None = None
    epigraph: Prose | None = None
    epigraph_source: Text | None = None
    series: SeriesConfig | None = None
    manuscripts: list[str] = Field(
        default_factory=lambda: ["manuscripts/*.txt", "manuscripts/*.md"],
        description="Manuscript files or globs, in reading order; globs sort naturally.",
    )
    cover: str | None = Field(
        default=None, description="Cover image; by default the first image in covers/."
    )
    output: str = Field(default="build", description="Folder outputs are written to.")
    theme: ThemeName = Field(
        default="classic",
        description="The book's design in print and ebook: classic, modern, romance or plain "
        "(`compile-book themes` shows them); [pdf] settings you give win over the theme's.",
    )
    css: str | None = Field(
        default=None,
        description="A CSS file added after the ebook's stylesheet (relative to book.toml).",
    )
    read_outside_project: StrictBool = Field(
        default=False,
        description="Read manuscripts, the cover and images from outside the project folder "
        "(absolute paths, '../', symbolic links that lead out). Off by default, so that "
        "building someone else's project never reads your other files.",
    )
    typography: TypographyConfig = Field(default_factory=TypographyConfig)
    headings: HeadingsConfig = Field(default_factory=HeadingsConfig)
    transforms: TransformsConfig = Field(default_factory=TransformsConfig)
    reading: ReadingConfig = Field(default_factory=ReadingConfig)
    lint: LintConfig = Field(default_factory=LintConfig)
    telepathy: TelepathyConfig = Field(default_factory=TelepathyConfig)
    pdf: PdfConfig = Field(default_factory=PdfConfig)
    epub: EpubConfig = Field(default_factory=EpubConfig)
    cover_wrap: CoverWrapConfig = Field(default_factory=CoverWrapConfig)
    submission: SubmissionConfig = Field(default_factory=SubmissionConfig)
    back: BackMatterConfig = Field(
        default_factory=BackMatterConfig,
        description="Back matter set out after the story: afterword, acknowledgments, "
        "reading-group questions, about the author, also by, newsletter "
        "(files in manuscripts/back/ are read as back matter too).",
    )
    boxset: BoxsetConfig | None = Field(
        default=None, description="A box set: the books it collects ([boxset] books = [...])."
    )
    editions: dict[str, EditionConfig] = Field(
        default_factory=dict,
        description="The files the book is published as ([editions.kobo], [editions.print], "
        "...); each inherits the book's settings and changes a few.",
    )

    @field_validator("authors", mode="before")
    @classmethod
    def _one_author(cls, value: Any) -> Any:
        # Why: `authors = "Jane Doe"` is what most people type first.
        return [value] if isinstance(value, str) else value

    @field_validator("series", mode="before")
    @classmethod
    def _series_name(cls, value: Any) -> Any:
        # Why: `series = "The Volgograd Cycle"` is the series' name, as a table's is.
        return {"name": value} if isinstance(value, str) else value

    @field_validator("date", mode="before")
    @classmethod
    def _toml_date(cls, value: Any) -> Any:
        # Why: `date = 2026-03-02` (no quotes) is a TOML date, and as good as the string.
        if isinstance(value, datetime.datetime):
            value = value.date()
        return value.isoformat() if isinstance(value, datetime.date) else value

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        problem = None if value is None else date_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value.strip() if value is not None else None

    @field_validator("isbn")
    @classmethod
    def _isbn(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = _ISBN_PREFIX.sub("", value.strip())
        problem = isbn_problem(isbn_digits(value))
        if problem is not None:
            raise ValueError(f"{value} {problem}")
        # Kept as the writer hyphenated it (the hyphens carry the registration groups,
        # which only the agency's ranges could restore); identifiers use the digits.
        return value


# Why: "ISBN 978-..." and "ISBN-13: 978-..." are how an ISBN is printed; the
# copyright page prints its own "ISBN".
_ISBN_PREFIX = re.compile(r"^ISBN(?:-1[03])?:?\s*", re.IGNORECASE)


def _format_errors(exc: ValidationError, file: str) -> list[str]:
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key; remove it or check its spelling"
            near = _nearest_key(err["loc"])
            if near is not None:
                msg = f"unknown key; did you mean {near!r}?"
        lines.append(f"{file}: error: {key}: {msg}")
    return lines


def _nearest_key(loc: tuple[int | str, ...]) -> str | None:
    """The key of the same table closest in spelling to the unknown one at `loc`
    (``author`` -> ``authors``), if any is close."""
    import difflib

    model: Any = BookConfig
    for step in loc[:-1]:
        field = model.model_fields.get(step) if isinstance(step, str) else None
        kind = getattr(field, "annotation", None)
        if not (isinstance(kind, type) and issubclass(kind, BaseModel)):
            return None
        model = kind
    names = [field.alias or name for name, field in model.model_fields.items()]
    found = difflib.get_close_matches(str(loc[-1]), names, n=1, cutoff=0.75)
    return found[0] if found else None


class ConfigProblems(ConfigError):
    """Several validation problems, printed one per line."""

    def __init__(self, lines: list[str], file: str) -> None:
        self.lines = lines
        super().__init__("; ".join(lines), file)

    def format(self) -> str:
        return "\n".join(self.lines)


def parse_config(data: dict[str, Any], file: str = CONFIG_NAME) -> BookConfig:
    """Validate an already-parsed TOML table."""
    try:
        return BookConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigProblems(_format_errors(exc, file), file) from None


def load_config(path: Path) -> BookConfig:
    """Read and validate ``book.toml``; raise :class:`ConfigError` with a clear line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", display_path(path)) from None
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"not UTF-8 at byte {exc.start}; save the file as UTF-8", display_path(path)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 0) or _line_from_message(str(exc))
        msg = str(exc).split(" (at line")[0]
        raise ConfigError(
            f"invalid TOML: {msg}; fix the syntax", display_path(path), line
        ) from None
    return parse_config(data, display_path(path))


def _line_from_message(message: str) -> int:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else 0


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``book.toml`` for editors (Even Better TOML, Taplo)."""
    schema = BookConfig.model_json_schema()
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "compile-book book.toml"
    return schema
