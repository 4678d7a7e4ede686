"""The submission manuscript: a book typed the way agents and magazine editors ask for it.

William Shunn's "Proper Manuscript Format" (shunn.net/format: the short-story
guide, its "classic" Courier and "modern" Times versions, and the novel guide)
is the format submission guidelines default to. Two writers share one plan of
the pages (:mod:`.shunn`) so the two files say the same thing:

* ``manuscript`` (:mod:`.word`): a Word ``.docx`` made with python-docx, real
  styles, a running header with a page field and real footnotes, so an editor
  can mark it up in Word or LibreOffice;
* ``manuscript-pdf`` (:mod:`.pdf`): the same pages typeset by Typst, for
  markets that take a PDF.

This package only holds the options both read; each writer module is loaded
on its own, so writing the PDF never imports python-docx.
"""

from __future__ import annotations

from ...config import BookConfig
from ...submission import SubmissionConfig
from ..common import WriterOptions, shared_options

__all__ = ["ManuscriptOptions", "options_from"]


class ManuscriptOptions(SubmissionConfig, WriterOptions):
    """What the manuscript writers read: ``[submission]``, mind-speech and heading styles."""


def options_from(config: BookConfig) -> ManuscriptOptions:
    """The manuscript options ``book.toml`` asks for."""
    return ManuscriptOptions.model_validate(
        {**config.submission.model_dump(), **shared_options(config)}
    )
