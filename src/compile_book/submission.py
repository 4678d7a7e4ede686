"""``[submission]`` in ``book.toml``: who is submitting the manuscript, and how it is typed.

The submission manuscript (``-f manuscript`` for Word, ``-f manuscript-pdf``)
follows William Shunn's "Proper Manuscript Format" (shunn.net/format), the
format agents and magazine editors expect when their guidelines say nothing
else. This table holds what the book's metadata cannot: the writer's legal
name and contact details for the block on page one, and the few choices the
format leaves open (Courier or Times, italics or underlining).

Every key is optional: without them the byline, the running header and the
contact block come from the book's authors, and lines with nothing to say are
left out, so a project without this table still builds without a warning.

The table is named ``[submission]`` rather than ``[manuscript]`` because
``manuscripts`` (the list of input files) is already a key of ``book.toml``;
one letter apart, the two would be typed for each other.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

__all__ = ["SubmissionConfig"]


class SubmissionConfig(BaseModel):
    """The submission manuscript (``[submission]``): contact block and typing choices."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: str | None = Field(
        default=None,
        description="Your legal name, first line of the contact block on page one; "
        "by default the first author.",
    )
    address: list[str] = Field(
        default_factory=list, description="Postal address, one line per entry."
    )
    phone: str | None = Field(default=None, description="Phone number.")
    email: str | None = Field(default=None, description="Email address.")
    extra: list[str] = Field(
        default_factory=list,
        description="More lines under the contact block: pronouns, a professional "
        "membership (SFWA), your agent.",
    )
    byline: str | None = Field(
        default=None,
        description="The name under the title (your pen name); by default the book's authors.",
    )
    surname: str | None = Field(
        default=None,
        description="Surname in the running header; by default the last name of the byline.",
    )
    keyword: str | None = Field(
        default=None,
        description="One or two words of the title for the running header "
        "(Surname / Keyword / page); by default the whole title.",
    )
    font: Literal["courier", "times"] = Field(
        default="courier",
        description="12 pt Courier (Shunn's classic format) or Times New Roman (modern).",
    )
    word_count: Literal["auto"] | int = Field(
        default="auto",
        description="The word count on page one: 'auto' counts the book and rounds as "
        "Shunn asks (nearest 100; 500 for a novella; 1,000 for a novel), or a number "
        "printed as given.",
    )
    underline_italics: StrictBool = Field(
        default=False,
        description="Underline what the book sets in italics, for markets that still ask for it.",
    )
    paper: Literal["letter", "a4"] = Field(
        default="letter", description="US Letter (8.5 x 11 in) or A4, with 1-inch margins."
    )
    end: str = Field(
        default="END",
        description="Centred after the last line ('END', 'THE END'); empty for nothing.",
    )

    @field_validator("word_count")
    @classmethod
    def _not_negative(cls, value: Literal["auto"] | int) -> Literal["auto"] | int:
        if isinstance(value, int) and value < 0:
            raise ValueError("a word count cannot be negative")
        return value

    @field_validator("address", "extra", mode="before")
    @classmethod
    def _one_line(cls, value: object) -> object:
        # Why: `address = "12 Pier Road"` is what most people type for one line.
        return [value] if isinstance(value, str) else value
