"""Editions: the files one book is published as, each declared in ``[editions.<name>]``.

A writer publishes one book as several files: an EPUB for most stores, a Kobo
kepub, a Kindle-ready EPUB, a paperback interior, a large-print interior, the
paperback's cover wrap, a submission manuscript. Each is an *edition*: a writer
(format) plus the few settings that differ (its own ISBN, since an ISBN names
one format and distributors flag a shared one; its own cover; its store; its
trim). Everything else is inherited from the book.

An edition's name picks a preset (:data:`PRESETS`) when it is one of the
common ones, so ``[editions.kobo]`` with nothing under it is already a
complete kepub edition; any other name must say its ``format``. The effective
``book.toml`` of an edition is the book's with the edition's keys laid over it
(:func:`edition_config`), validated again, so an edition can never hold a
setting the book could not.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .backmatter import Store as Store
from .record import record

if TYPE_CHECKING:
    from .config import BookConfig

__all__ = [
    "LARGE_PRINT",
    "PRESETS",
    "Edition",
    "EditionConfig",
    "Preset",
    "edition_config",
    "editions",
    "isbn_findings",
    "resolve",
]


class EditionConfig(BaseModel):
    """One ``[editions.<name>]`` table: what this edition changes from the book."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    format: str | None = Field(
        default=None,
        description="Writer of this edition (epub, kepub, kindle, pdf, cover, manuscript, …); "
        "by default the preset of the edition's name.",
    )
    isbn: str | None = Field(
        default=None,
        description='This edition\'s own ISBN; "" for none (Kindle: Amazon gives an ASIN).',
    )
    identifier: str | None = Field(default=None, description="This edition's identifier.")
    cover: str | None = Field(default=None, description="A cover image for this edition only.")
    store: Store | None = Field(default=None, description="The store this edition is for.")
    links: dict[str, str] = Field(
        default_factory=dict,
        description="Store links for this edition's back matter, by title or 'author'.",
    )
    output: str | None = Field(
        default=None, description="File name; by default <slug>-<edition>.<extension>."
    )
    pdf: dict[str, Any] = Field(
        default_factory=dict, description="[pdf] settings this edition changes (trim, font_size…)."
    )
    cover_wrap: dict[str, Any] = Field(
        default_factory=dict, description="[cover_wrap] settings this edition changes."
    )

    @field_validator("isbn")
    @classmethod
    def _isbn(cls, value: str | None) -> str | None:
        # Checked when book.toml is read, as the book's own isbn is, not at build time.
        from .metadata import isbn_digits, isbn_problem

        if value and (problem := isbn_problem(isbn_digits(value))) is not None:
            raise ValueError(f"{value} {problem}")
        return value


#: The writers whose files are sold (and so carry an ISBN).
SOLD = frozenset({"epub", "kepub", "kindle", "azw3", "pdf"})


@record
class Preset:
    """What a well-known edition name means when ``book.toml`` says nothing more."""

    format: str
    store: Store | None = None
    pdf: Mapping[str, Any] | None = None
    print_edition: bool = False


#: Large print as large-print publishers set it (Thorndike, the Royal National
#: Institute of Blind People's Clear Print guidance, Amazon's "Large Print" label,
#: which asks for 16 pt or larger): 17 pt type, open leading, a 6 x 9 in trim so
#: the page count stays bindable, wider margins for the thicker spine, and no
#: small-caps lead-in or drop cap, which large-print readers find harder to read.
LARGE_PRINT: Mapping[str, Any] = {
    "trim": "6x9",
    "font_size": 17.0,
    "leading": 0.75,
    "outside": "0.75in",
    "top": "0.8in",
    "bottom": "0.8in",
    "drop_cap": False,
    "small_caps_words": 0,
}

PRESETS: Mapping[str, Preset] = {
    "ebook": Preset("epub"),
    "epub": Preset("epub"),
    "apple": Preset("epub", store="apple"),
    "google": Preset("epub", store="google"),
    "barnes-noble": Preset("epub", store="barnes-noble"),
    "kindle": Preset("kindle", store="amazon"),
    "kobo": Preset("kepub", store="kobo"),
    "print": Preset("pdf", print_edition=True),
    "paperback": Preset("pdf", print_edition=True),
    "hardcover": Preset("pdf", pdf={"trim": "6x9"}, print_edition=True),
    "large-print": Preset("pdf", pdf=LARGE_PRINT, print_edition=True),
    "print-cover": Preset("cover"),
    "cover": Preset("cover"),
    "manuscript": Preset("manuscript"),
    "submission": Preset("manuscript"),
}


@record
class Edition:
    """One edition, resolved: its name, writer, and the ``book.toml`` it is built from."""

    name: str
    format: str
    config: BookConfig
    output: str | None
    store: Store | None
    print_edition: bool


def _merged(base: Mapping[str, Any], *layers: Mapping[str, Any] | None) -> dict[str, Any]:
    merged = dict(base)
    for layer in layers:
        merged.update(layer or {})
    return merged


def edition_config(
    config: BookConfig, name: str, table: EditionConfig, store: Store | None = None
) -> BookConfig:
    """The book's settings with this edition's laid over them, validated again.

    The edition's store and ``links`` go to the back matter (``[back]``), whose
    Also By titles then point to this store (:func:`compile_book.backmatter.link_for`).
    """
    from .config import BookConfig

    preset = PRESETS.get(name)
    data = config.model_dump(exclude_unset=True, exclude={"editions"})
    data["pdf"] = _merged(
        config.pdf.model_dump(exclude_unset=True), preset.pdf if preset else None, table.pdf
    )
    data["cover_wrap"] = _merged(config.cover_wrap.model_dump(exclude_unset=True), table.cover_wrap)
    back = config.back.model_dump(exclude_unset=True)
    if store is not None:
        back["store"] = store
    back["links"] = _merged(config.back.links, table.links)
    data["back"] = back
    for key in ("isbn", "identifier", "cover"):
        value = getattr(table, key)
        if value:
            data[key] = value
    if table.isbn is not None and table.identifier is None:
        data.pop("identifier", None)  # the identifier follows this edition's ISBN
    if table.isbn == "":
        data.pop("isbn", None)  # this edition has none
    return BookConfig.model_validate(data)


def resolve(config: BookConfig, name: str) -> Edition:
    """The edition called ``name``: declared in ``book.toml``, or a preset as it stands."""
    from .errors import ConfigError

    table = config.editions.get(name)
    preset = PRESETS.get(name)
    if table is None and preset is None:
        declared = ", ".join(config.editions) or "none declared"
        raise ConfigError(
            f"no edition called {name!r} (book.toml: {declared}; presets: {', '.join(PRESETS)})"
        )
    table = table or EditionConfig()
    fmt = table.format or (preset.format if preset else None)
    if fmt is None:
        raise ConfigError(
            f"editions.{name}: say which writer makes it with format = "
            f'(for example "epub" or "pdf")'
        )
    store = table.store or (preset.store if preset else None)
    printed = preset.print_edition if preset else fmt == "pdf"
    edition = edition_config(config, name, table, store)
    return Edition(name, fmt, edition, table.output, store, printed)


def isbn_findings(config: BookConfig) -> list[tuple[str, str]]:
    """``(edition, message)`` for ISBN faults a distributor would flag.

    An ISBN identifies one format of one book: an EPUB and a paperback, or a
    Kobo and an Apple EPUB sold as separate products, each need their own
    (the ISBN agencies' rule; IngramSpark and Draft2Digital refuse a reused
    one). An edition without its own ``isbn`` inherits the book's, so two such
    editions share it. A print edition needs one to be sold in shops (KDP can
    assign a free one, which then only works on Amazon).
    """
    from .config import isbn_digits

    out: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for edition in editions(config):
        if edition.format not in SOLD:
            continue  # a cover wrap or a submission manuscript is not a product
        isbn = edition.config.isbn
        if isbn is None:
            if edition.print_edition:
                out.append(
                    (
                        edition.name,
                        f"the print edition {edition.name!r} has no ISBN; "
                        f'add isbn = "978-…" under [editions.{edition.name}]',
                    )
                )
            continue
        digits = isbn_digits(isbn)
        if digits in seen:
            out.append(
                (
                    edition.name,
                    f"editions {seen[digits]!r} and {edition.name!r} share "
                    f"the ISBN {isbn}; give each format its own ISBN",
                )
            )
        else:
            seen[digits] = edition.name
    return out


def editions(config: BookConfig) -> list[Edition]:
    """Every edition ``book.toml`` declares, in the order it declares them."""
    return [resolve(config, name) for name in config.editions]
